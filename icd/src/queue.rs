//! `VkQueue`: a worker thread that executes submissions in order.
//!
//! `vkQueueSubmit` turns each `VkSubmitInfo` into a `Submission` (semaphores to wait on,
//! snapshots of the command buffers, semaphores and a fence to signal) and sends it to the
//! worker; it returns at once. The worker waits, executes (`execute::run`), signals, and
//! counts the submission complete, which is what `vkQueueWaitIdle` waits for.

use crate::command_buffer::CommandBuffer;
use crate::commands::Command;
use crate::entry::{guard, read_slice, VkResult};
use crate::handles::{dispatchable, get, Object};
use crate::sync::{Fence, Notifier, Semaphore};
use ash::vk;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

pub struct Submission {
    pub waits: Vec<(Arc<Semaphore>, u64)>,
    pub command_buffers: Vec<Arc<Vec<Command>>>,
    pub signals: Vec<(Arc<Semaphore>, u64)>,
    pub fence: Option<Arc<Fence>>,
    /// Work for the queue thread after the command buffers, before the signals (a
    /// present: `wsi::swapchain`); told whether the submission ran.
    pub after: Option<Box<dyn FnOnce(bool) + Send>>,
}

/// What the worker shares with the API side.
pub struct QueueState {
    pub notifier: Arc<Notifier>,
    /// The device's own kernel threads, started with the queue (in the background, while
    /// the application sets up). Not rayon's global pool: see `rasterizer::parallel`.
    pub pool: rasterizer::parallel::Pool,
    /// Set when the device is destroyed: blocked waits give up.
    pub stop: AtomicBool,
    /// How long one dispatch may run before the device is lost (a shader that never
    /// ends): `SOFTVK_DISPATCH_TIMEOUT_MS`, default 60 s.
    pub dispatch_timeout: std::time::Duration,
    /// The device's address registry, for dispatches that use buffer device addresses.
    pub addresses: Arc<crate::device_address::AddressRegistry>,
    submitted: AtomicU64,
    completed: AtomicU64,
}

pub struct Queue {
    state: Arc<QueueState>,
    sender: Mutex<Option<Sender<Submission>>>,
    worker: Option<JoinHandle<()>>,
}

impl Object for Queue {
    type Handle = vk::Queue;
}

impl Queue {
    pub fn new(notifier: Arc<Notifier>, addresses: Arc<crate::device_address::AddressRegistry>) -> VkResult<Queue> {
        let state = Arc::new(QueueState {
            notifier,
            addresses,
            pool: rasterizer::parallel::Pool::new("softvk-kernel"),
            stop: AtomicBool::new(false),
            dispatch_timeout: dispatch_timeout(),
            submitted: AtomicU64::new(0),
            completed: AtomicU64::new(0),
        });
        let (sender, receiver) = channel();
        let worker_state = state.clone();
        let worker = std::thread::Builder::new()
            .name("softvk-queue".into())
            .spawn(move || worker_loop(&worker_state, receiver))
            .map_err(|err| {
                tracing::error!("cannot start the queue thread: {err}");
                vk::Result::ERROR_INITIALIZATION_FAILED
            })?;
        Ok(Queue { state, sender: Mutex::new(Some(sender)), worker: Some(worker) })
    }

    pub fn submit(&self, submission: Submission) -> VkResult<()> {
        self.state.notifier.check_lost()?;
        let sender = self.sender.lock().unwrap_or_else(|e| e.into_inner());
        let sender = sender.as_ref().ok_or(vk::Result::ERROR_DEVICE_LOST)?;
        self.state.submitted.fetch_add(1, Ordering::AcqRel);
        sender.send(submission).map_err(|_| {
            // Nothing will complete it: keep vkQueueWaitIdle from waiting for it.
            self.state.submitted.fetch_sub(1, Ordering::AcqRel);
            tracing::error!("the queue thread is gone");
            vk::Result::ERROR_DEVICE_LOST
        })
    }

    pub fn wait_idle(&self) -> VkResult<vk::Result> {
        let target = self.state.submitted.load(Ordering::Acquire);
        self.state.notifier.wait_until(u64::MAX, || self.state.completed.load(Ordering::Acquire) >= target);
        self.state.notifier.check_lost()?;
        Ok(vk::Result::SUCCESS)
    }
}

/// `SOFTVK_DISPATCH_TIMEOUT_MS`, or 60 seconds.
fn dispatch_timeout() -> std::time::Duration {
    let ms = std::env::var("SOFTVK_DISPATCH_TIMEOUT_MS").ok().and_then(|v| v.parse::<u64>().ok()).filter(|&ms| ms > 0);
    std::time::Duration::from_millis(ms.unwrap_or(60_000))
}

impl Drop for Queue {
    fn drop(&mut self) {
        // The application must have waited for its work before vkDestroyDevice. If it did
        // not (a submission still waits for a semaphore nobody will signal), stopping makes
        // every wait give up and the remaining work is skipped: destroying never hangs.
        self.state.stop.store(true, Ordering::Release);
        self.state.notifier.notify();
        self.sender.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

fn worker_loop(state: &QueueState, receiver: Receiver<Submission>) {
    while let Ok(submission) = receiver.recv() {
        let started = std::time::Instant::now();
        let mut ran = !state.stop.load(Ordering::Acquire) && !state.notifier.is_lost();
        for (semaphore, value) in &submission.waits {
            ran = ran && semaphore.wait(*value, &state.stop);
        }
        if ran {
            for commands in &submission.command_buffers {
                let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    rasterizer::parallel::with_pool(&state.pool, || crate::execute::run(commands, state))
                }));
                let fault = match result {
                    Ok(Ok(())) => None,
                    Ok(Err(fault)) => Some(fault),
                    Err(_) => Some("an internal error (panic)".to_string()),
                };
                if let Some(fault) = fault {
                    // The device-lost model: nothing after a fault runs or signals, and
                    // every later submit, wait and status query reports DEVICE_LOST.
                    tracing::error!("device lost: {fault} while executing a command buffer");
                    state.notifier.mark_lost();
                    ran = false;
                    break;
                }
            }
        }
        if let Some(after) = submission.after {
            after(ran);
        }
        // Work that did not run (the device is going away or lost) signals nothing: a
        // fence shared with another process must not claim that a copy ran.
        if ran {
            for (semaphore, value) in &submission.signals {
                semaphore.signal(*value);
            }
            if let Some(fence) = &submission.fence {
                fence.signal();
            }
        }
        tracing::info!(
            "submission of {} command buffer(s) executed in {:?}",
            submission.command_buffers.len(),
            started.elapsed()
        );
        state.completed.fetch_add(1, Ordering::AcqRel);
        state.notifier.notify();
    }
}

/// A timeline signal must raise the semaphore past its value and past every signal
/// submitted before it (VUID-VkSubmitInfo-pSignalSemaphores-03242); one that would not is
/// refused instead of being ignored.
fn check_timeline_signals(submissions: &[Submission]) -> VkResult<()> {
    let mut raised: Vec<(&Arc<Semaphore>, u64)> = Vec::new();
    for submission in submissions {
        for (semaphore, value) in submission.signals.iter().filter(|(s, _)| s.timeline) {
            let before = raised.iter().filter(|(s, _)| Arc::ptr_eq(s, semaphore)).map(|(_, v)| *v).max();
            let floor = semaphore.value().max(semaphore.highest_submitted.load(Ordering::Acquire)).max(before.unwrap_or(0));
            if *value <= floor {
                tracing::error!("vkQueueSubmit signals a timeline semaphore with {value}, not above {floor}");
                return Err(crate::entry::INVALID_USAGE);
            }
            raised.push((semaphore, *value));
        }
    }
    Ok(())
}

/// Claims, for each binary semaphore a submission waits on, a signal that was submitted
/// before and not claimed yet; refuses the submission (claiming nothing) when one has
/// none, since its wait could never end (VUID-vkQueueSubmit-pWaitSemaphores-03238).
/// Semaphores shared with other processes are not counted.
fn claim_binary_waits(submissions: &[Submission]) -> VkResult<()> {
    let mut claimed: Vec<&Arc<Semaphore>> = Vec::new();
    let mut added: Vec<&Arc<Semaphore>> = Vec::new();
    let counted = |s: &Semaphore| !s.timeline && !s.shared.load(Ordering::Acquire);
    for submission in submissions {
        for (semaphore, _) in submission.waits.iter().filter(|(s, _)| counted(s)) {
            if semaphore.unclaimed_signals.fetch_sub(1, Ordering::AcqRel) <= 0 {
                semaphore.unclaimed_signals.fetch_add(1, Ordering::AcqRel);
                for s in claimed {
                    s.unclaimed_signals.fetch_add(1, Ordering::AcqRel);
                }
                for s in added {
                    s.unclaimed_signals.fetch_sub(1, Ordering::AcqRel);
                }
                tracing::error!("vkQueueSubmit waits on a binary semaphore that no submitted operation signals");
                return Err(crate::entry::INVALID_USAGE);
            }
            claimed.push(semaphore);
        }
        for (semaphore, _) in submission.signals.iter().filter(|(s, _)| counted(s)) {
            semaphore.unclaimed_signals.fetch_add(1, Ordering::AcqRel);
            added.push(semaphore);
        }
    }
    Ok(())
}

/// # Safety
/// Vulkan's rules for `vkQueueSubmit`.
pub unsafe extern "system" fn queue_submit(
    queue: vk::Queue,
    count: u32,
    p_submits: *const vk::SubmitInfo<'_>,
    fence: vk::Fence,
) -> vk::Result {
    guard("vkQueueSubmit", || {
        let queue = dispatchable::<Queue>(queue)?;
        let fence = if fence == vk::Fence::null() { None } else { Some(get::<Fence>(fence)?) };
        let submits = read_slice(p_submits, count);
        let mut submissions = Vec::with_capacity(submits.len().max(1));
        for info in submits {
            let timeline = crate::pnext::find_in::<vk::TimelineSemaphoreSubmitInfo>(info.p_next);
            let wait_values =
                timeline.map_or(&[][..], |t| read_slice(t.p_wait_semaphore_values, t.wait_semaphore_value_count));
            let signal_values =
                timeline.map_or(&[][..], |t| read_slice(t.p_signal_semaphore_values, t.signal_semaphore_value_count));
            let semaphores = |handles: &[vk::Semaphore], values: &[u64]| -> VkResult<Vec<(Arc<Semaphore>, u64)>> {
                handles
                    .iter()
                    .enumerate()
                    .map(|(i, &s)| Ok((get::<Semaphore>(s)?, values.get(i).copied().unwrap_or(1))))
                    .collect()
            };
            let command_buffers = read_slice(info.p_command_buffers, info.command_buffer_count)
                .iter()
                .map(|&cb| dispatchable::<CommandBuffer>(cb)?.snapshot_as(vk::CommandBufferLevel::PRIMARY))
                .collect::<VkResult<Vec<_>>>()?;
            submissions.push(Submission {
                waits: semaphores(read_slice(info.p_wait_semaphores, info.wait_semaphore_count), wait_values)?,
                command_buffers,
                signals: semaphores(read_slice(info.p_signal_semaphores, info.signal_semaphore_count), signal_values)?,
                fence: None,
                after: None,
            });
        }
        submit_all(queue, submissions, fence)
    })
}

/// What vkQueueSubmit and vkQueueSubmit2 do once their batches are decoded: the fence goes
/// with the last batch (or an empty one), the semaphores are checked, and the batches go
/// to the queue thread in order.
pub(crate) fn submit_all(queue: &Queue, mut submissions: Vec<Submission>, fence: Option<Arc<Fence>>) -> VkResult<vk::Result> {
    if submissions.is_empty() {
        submissions.push(Submission { waits: vec![], command_buffers: vec![], signals: vec![], fence: None, after: None });
    }
    if let Some(last) = submissions.last_mut() {
        last.fence = fence;
    }
    queue.state.notifier.check_lost()?;
    check_timeline_signals(&submissions)?;
    claim_binary_waits(&submissions)?;
    for submission in &submissions {
        for (semaphore, value) in submission.signals.iter().filter(|(s, _)| s.timeline) {
            semaphore.highest_submitted.fetch_max(*value, Ordering::AcqRel);
        }
    }
    for submission in submissions {
        queue.submit(submission)?;
    }
    Ok(vk::Result::SUCCESS)
}

/// # Safety
/// Vulkan's rules for `vkQueueSubmit2` (VK_KHR_synchronization2): each batch names its
/// semaphores with their values and stages, and its command buffers with device masks.
pub unsafe extern "system" fn queue_submit2(
    queue: vk::Queue,
    count: u32,
    p_submits: *const vk::SubmitInfo2<'_>,
    fence: vk::Fence,
) -> vk::Result {
    guard("vkQueueSubmit2", || {
        let queue = dispatchable::<Queue>(queue)?;
        let fence = if fence == vk::Fence::null() { None } else { Some(get::<Fence>(fence)?) };
        let mut submissions = Vec::with_capacity(count.max(1) as usize);
        for info in read_slice(p_submits, count) {
            if info.flags.contains(vk::SubmitFlags::PROTECTED) {
                tracing::error!("vkQueueSubmit2: a protected submission (softvk has no protected memory)");
                return Err(crate::entry::INVALID_USAGE);
            }
            let semaphores = |infos: &[vk::SemaphoreSubmitInfo<'_>]| -> VkResult<Vec<(Arc<Semaphore>, u64)>> {
                infos.iter().map(|i| Ok((get::<Semaphore>(i.semaphore)?, i.value))).collect()
            };
            let command_buffers = read_slice(info.p_command_buffer_infos, info.command_buffer_info_count)
                .iter()
                .map(|i| dispatchable::<CommandBuffer>(i.command_buffer)?.snapshot_as(vk::CommandBufferLevel::PRIMARY))
                .collect::<VkResult<Vec<_>>>()?;
            submissions.push(Submission {
                waits: semaphores(read_slice(info.p_wait_semaphore_infos, info.wait_semaphore_info_count))?,
                command_buffers,
                signals: semaphores(read_slice(info.p_signal_semaphore_infos, info.signal_semaphore_info_count))?,
                fence: None,
                after: None,
            });
        }
        submit_all(queue, submissions, fence)
    })
}

/// # Safety
/// Vulkan's rules for `vkQueueWaitIdle`.
pub unsafe extern "system" fn queue_wait_idle(queue: vk::Queue) -> vk::Result {
    guard("vkQueueWaitIdle", || dispatchable::<Queue>(queue)?.wait_idle())
}

/// Sparse binding is not supported (the queue family has no SPARSE_BINDING bit).
///
/// # Safety
/// Vulkan's rules for `vkQueueBindSparse`.
pub unsafe extern "system" fn queue_bind_sparse(
    _queue: vk::Queue,
    _count: u32,
    _p_info: *const vk::BindSparseInfo<'_>,
    _fence: vk::Fence,
) -> vk::Result {
    guard("vkQueueBindSparse", || {
        tracing::error!("vkQueueBindSparse: softvk has no sparse binding");
        Err(crate::entry::NOT_IMPLEMENTED)
    })
}
