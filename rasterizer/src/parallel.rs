//! How kernels spread rows over threads.
//!
//! Every kernel works row by row (or chunk by chunk); `for_each_row` hands rows to
//! rayon in groups big enough to amortise a task, and runs small jobs on the calling
//! thread: entering the rayon pool from the queue thread costs a wake-up and a hand-off,
//! which is most of the time of a small copy.
//!
//! Large jobs run on the caller's `Pool` (the device's, set with `with_pool`), not on
//! rayon's global pool: a process that forks after using softvk gets a child whose global
//! pool has no threads, so a device made in the child must bring its own.
//!
//! A pool's threads start with its first large job, not with the device: a process that
//! only imports memory and reads a few texels (the other side of an export) never starts
//! them, and starting 16 threads while it imports cost it about a third of its import
//! time on the 16-core machine.

use rayon::prelude::*;
use std::cell::RefCell;
use std::sync::{Arc, OnceLock};

/// A thread pool built on first use. Inside: `None` once building failed (then jobs run
/// on rayon's global pool).
#[derive(Clone)]
pub struct Pool {
    name: &'static str,
    threads: Arc<OnceLock<Option<rayon::ThreadPool>>>,
}

impl Pool {
    /// A pool whose threads (named `name-0`, `name-1`, ...) start with its first job.
    /// Thread count: `RAYON_NUM_THREADS`, else every CPU.
    pub fn new(name: &'static str) -> Pool {
        Pool { name, threads: Arc::new(OnceLock::new()) }
    }

    fn threads(&self) -> Option<&rayon::ThreadPool> {
        let name = self.name;
        self.threads
            .get_or_init(|| rayon::ThreadPoolBuilder::new().thread_name(move |i| format!("{name}-{i}")).build().ok())
            .as_ref()
    }
}

thread_local! {
    static CURRENT: RefCell<Option<Pool>> = const { RefCell::new(None) };
}

/// Runs `work` with `pool` as the pool that large jobs on this thread use.
pub fn with_pool<R>(pool: &Pool, work: impl FnOnce() -> R) -> R {
    let previous = CURRENT.with(|current| current.replace(Some(pool.clone())));
    let result = work();
    CURRENT.with(|current| *current.borrow_mut() = previous);
    result
}

/// Runs a parallel job inside the current pool (starting its threads on its first job),
/// or on rayon's global pool when there is none.
pub fn in_pool<R: Send>(job: impl FnOnce() -> R + Send) -> R {
    match CURRENT.with(|current| current.borrow().clone()) {
        Some(pool) => match pool.threads() {
            Some(threads) => threads.install(job),
            None => job(),
        },
        None => job(),
    }
}

/// Calls `row(state, i)` for every `i` in `0..count`, in groups of at least `per_task`
/// rows, each group with its own `state` from `init`. Returns true if any call did
/// (a row that fell outside its memory, for example).
pub fn for_each_row<S, I, F>(count: usize, per_task: usize, init: I, row: F) -> bool
where
    I: Fn() -> S + Sync + Send,
    F: Fn(&mut S, usize) -> bool + Sync + Send,
{
    let per_task = per_task.max(1);
    if count <= per_task {
        let mut state = init();
        return (0..count).fold(false, |failed, i| row(&mut state, i) | failed);
    }
    in_pool(|| {
        (0..count)
            .into_par_iter()
            .with_min_len(per_task)
            .map_init(init, |state, i| row(state, i))
            .reduce(|| false, |a, b| a || b)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn jobs_run_on_the_pool_in_use() {
        let pool = Pool::new("test-pool");
        let name = with_pool(&pool, || in_pool(|| std::thread::current().name().map(str::to_string)));
        assert!(name.as_deref().is_some_and(|n| n.starts_with("test-pool-")), "{name:?}");
    }

    #[test]
    fn every_row_runs_once_and_failures_are_reported() {
        for (count, per_task) in [(0, 4), (3, 4), (1000, 7)] {
            let calls = AtomicUsize::new(0);
            let failed = for_each_row(
                count,
                per_task,
                || (),
                |_, i| {
                    calls.fetch_add(1, Ordering::Relaxed);
                    i == 2
                },
            );
            assert_eq!(calls.load(Ordering::Relaxed), count);
            assert_eq!(failed, count > 2);
        }
    }
}
