//! `vkCmdDispatch*`: every workgroup of the grid runs the pipeline's executable, spread
//! over the device's threads.
//!
//! A run covers one whole workgroup (see `shader::interp`), so workgroups are the unit of
//! parallel work; each thread keeps one interpreter `Machine` for all the workgroups it
//! runs. Results never depend on the thread count: workgroups share nothing but the
//! memory the application gave them.

use super::resources::{buffer_window, resolve};
use super::state::State;
use crate::queue::QueueState;
use crate::resources::Buffer;
use shader::interp::{DispatchInfo, Machine, Trap};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;

/// Invocations a task of the thread pool should cover at least: smaller dispatches run on
/// the queue thread, where waking the pool would cost more than the work.
const INVOCATIONS_PER_TASK: u64 = 8192;

/// Runs a grid of `groups` workgroups from `base`. A fault (a shader that never ends)
/// comes back as an error, which loses the device.
pub fn dispatch(state: &State, base: [u32; 3], groups: [u32; 3], queue: &QueueState) -> Result<(), String> {
    let Some(pipeline) = state.compute.pipeline.as_ref() else {
        // Recording refuses a dispatch without a pipeline; nothing to do.
        return Ok(());
    };
    let Some(compute) = pipeline.compute() else { return Ok(()) };
    let total = groups.iter().map(|&n| n as u64).product::<u64>();
    if total == 0 {
        return Ok(());
    }
    let executable = &compute.executable;
    let mut resolved = resolve(&compute.slots, &state.compute, &state.push_constants);
    if executable.program.uses.physical_addresses {
        resolved = resolved.with_addresses(&queue.addresses);
    }
    let resources = resolved.resources();
    let info = DispatchInfo { num_workgroups: groups, base_workgroup: base };
    // Workgroups go in runs of `groups_per_run` side by side (see shader::interp).
    let per_run = executable.groups_per_run as u64;
    let runs = total.div_ceil(per_run);
    let per_task = (INVOCATIONS_PER_TASK / (executable.invocations as u64 * per_run)).max(1) as usize;
    let failed = AtomicBool::new(false);
    // Accesses through device addresses that reach no memory, and the first address.
    let bad_addresses = AtomicU64::new(0);
    let first_bad_address = AtomicU64::new(0);
    let trap: Mutex<Option<Trap>> = Mutex::new(None);
    let cancel = &queue.stop;
    let deadline = std::time::Instant::now() + queue.dispatch_timeout;
    let (gx, gy) = (groups[0] as u64, groups[1] as u64);
    rasterizer::parallel::for_each_row(
        runs as usize,
        per_task,
        || {
            let mut machine = Machine::new(executable);
            machine.cancel_with(cancel);
            machine.set_deadline(deadline);
            (machine, Vec::with_capacity(per_run as usize))
        },
        |(machine, ids), run| {
            if failed.load(Ordering::Relaxed) {
                return true;
            }
            let first = run as u64 * per_run;
            ids.clear();
            ids.extend((first..(first + per_run).min(total)).map(|i| [(i % gx) as u32, ((i / gx) % gy) as u32, (i / (gx * gy)) as u32]));
            let result = machine.run_workgroups(&resources, &info, ids);
            let (bad, address) = machine.take_bad_addresses();
            if bad > 0 && bad_addresses.fetch_add(bad, Ordering::Relaxed) == 0 {
                first_bad_address.store(address, Ordering::Relaxed);
            }
            match result {
                Ok(()) => false,
                Err(t) => {
                    failed.store(true, Ordering::Relaxed);
                    *trap.lock().unwrap_or_else(|e| e.into_inner()) = Some(t);
                    true
                }
            }
        },
    );
    let bad = bad_addresses.into_inner();
    if bad > 0 {
        tracing::warn!(
            "a dispatch made {bad} accesses through device addresses outside every buffer (the first at {:#x}): reads gave 0, writes were dropped",
            first_bad_address.into_inner()
        );
    }
    match trap.into_inner().unwrap_or_else(|e| e.into_inner()) {
        None => Ok(()),
        // The device is being destroyed: the work did not finish, so nothing may signal.
        Some(Trap::Cancelled) => Err("the device was destroyed during a dispatch".into()),
        Some(Trap::Timeout) => Err(format!(
            "a dispatch was still running after {:?} (SOFTVK_DISPATCH_TIMEOUT_MS)",
            queue.dispatch_timeout
        )),
    }
}

/// `vkCmdDispatchIndirect`: the group counts are read from the buffer now, at execution.
pub fn dispatch_indirect(state: &State, buffer: &Buffer, offset: u64, queue: &QueueState) -> Result<(), String> {
    let window = buffer_window(buffer, offset, 12);
    let read = |i: usize| window.load(i * 4, 4).unwrap_or(0) as u32;
    let groups = [read(0), read(1), read(2)];
    let max = crate::physical_device::limits().max_compute_work_group_count;
    if groups.iter().zip(max).any(|(&n, m)| n > m) {
        tracing::error!("vkCmdDispatchIndirect: group counts {groups:?} are past maxComputeWorkGroupCount; skipped");
        return Ok(());
    }
    dispatch(state, [0; 3], groups, queue)
}
