//! How kernels spread rows over threads.
//!
//! Every kernel works row by row (or chunk by chunk); `for_each_row` hands rows to
//! rayon in groups big enough to amortise a task, and runs small jobs on the calling
//! thread: entering the rayon pool from the queue thread costs a wake-up and a hand-off,
//! which is most of the time of a small copy.

use rayon::prelude::*;

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
    (0..count)
        .into_par_iter()
        .with_min_len(per_task)
        .map_init(init, |state, i| row(state, i))
        .reduce(|| false, |a, b| a || b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

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
