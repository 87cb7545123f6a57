//! Fences, semaphores (binary and timeline) and events, and the host waits on them.
//!
//! Every object's state is an atomic; a change is announced on the device's `Notifier`,
//! one mutex + condition variable that all host waits sleep on. A waiter checks its
//! condition while holding the notifier's lock and a signaller takes the lock after
//! changing the state, so no wake-up is ever lost, and "wait for any of these fences" is
//! one loop over one condition variable.

use crate::device::Device;
use crate::entry::{guard, guard_void, read_in, read_slice, write_out, VkResult};
use crate::handles::{borrow, dispatchable, get, new_handle, release, Object};
use crate::sync_payload::{Cell, Kind, Payload};
use ash::vk;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// How long a host wait polls before it sleeps.
const SPIN_MICROS: u64 = 20;

#[derive(Default)]
pub struct Notifier {
    lock: Mutex<()>,
    changed: Condvar,
    /// Set once the device has a payload other processes can signal: their signals do
    /// not reach `changed`, so waits then re-check every millisecond.
    external: AtomicBool,
    /// Set when the device is lost (a fault while executing): waits give up and report
    /// VK_ERROR_DEVICE_LOST instead of waiting for work that will never run.
    lost: AtomicBool,
}

impl Notifier {
    /// Marks the device lost and wakes every waiter.
    pub fn mark_lost(&self) {
        self.lost.store(true, Ordering::Release);
        self.notify();
    }

    pub fn is_lost(&self) -> bool {
        self.lost.load(Ordering::Acquire)
    }

    /// VK_ERROR_DEVICE_LOST once the device is lost.
    pub fn check_lost(&self) -> Result<(), vk::Result> {
        if self.is_lost() {
            Err(vk::Result::ERROR_DEVICE_LOST)
        } else {
            Ok(())
        }
    }

    /// `wait_until` for host waits on work the device does: gives up (Err DEVICE_LOST)
    /// when the device is lost before `ready` holds.
    pub fn wait_for_device(&self, timeout_ns: u64, mut ready: impl FnMut() -> bool) -> Result<vk::Result, vk::Result> {
        let done = self.wait_until(timeout_ns, || ready() || self.is_lost());
        if ready() {
            return Ok(vk::Result::SUCCESS);
        }
        self.check_lost()?;
        Ok(if done { vk::Result::SUCCESS } else { vk::Result::TIMEOUT })
    }

    /// Announces that some object's state changed.
    pub fn notify(&self) {
        let _held = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        self.changed.notify_all();
    }

    /// Switches waits to polling, and wakes current waiters so that they switch too.
    pub fn set_external(&self) {
        self.external.store(true, Ordering::Release);
        self.notify();
    }

    /// Waits until `ready()` is true or `timeout_ns` passes; true when ready.
    pub fn wait_until(&self, timeout_ns: u64, mut ready: impl FnMut() -> bool) -> bool {
        // Short waits (a small submission finishing) are common: poll for a few
        // microseconds before paying for a sleep and a wake-up on the condition variable.
        let spin_until = Instant::now() + Duration::from_micros(SPIN_MICROS.min(timeout_ns / 1000));
        while Instant::now() < spin_until {
            if ready() {
                return true;
            }
            std::hint::spin_loop();
        }
        let deadline = Instant::now().checked_add(Duration::from_nanos(timeout_ns));
        let mut held = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            if ready() {
                return true;
            }
            let wait = match deadline {
                Some(deadline) => match deadline.checked_duration_since(Instant::now()) {
                    Some(left) if !left.is_zero() => left,
                    _ => return false,
                },
                None => Duration::from_secs(3600),
            };
            let wait = if self.external.load(Ordering::Acquire) { wait.min(Duration::from_millis(1)) } else { wait };
            held = self.changed.wait_timeout(held, wait).unwrap_or_else(|e| e.into_inner()).0;
        }
    }
}

pub struct Fence {
    pub payload: Payload,
    notifier: Arc<Notifier>,
}

impl Object for Fence {
    type Handle = vk::Fence;
}

impl Fence {
    pub fn signal(&self) {
        self.payload.signal();
        self.notifier.notify();
    }
    pub fn is_signaled(&self) -> bool {
        self.payload.is_signalled()
    }
    pub fn notifier(&self) -> &Notifier {
        &self.notifier
    }
}

pub struct Semaphore {
    pub timeline: bool,
    /// Timeline: the counter value. Binary: the number of pending signals (0 or 1).
    pub payload: Payload,
    notifier: Arc<Notifier>,
    /// Binary semaphores: signal operations submitted (or done by the host through an
    /// import) and not yet claimed by a submitted wait. A submission that waits with none
    /// pending would wait forever, and is refused.
    pub unclaimed_signals: std::sync::atomic::AtomicI64,
    /// Shared with another process or driver (exported or imported): their signals are not
    /// counted here, so submit-time checks are off.
    pub shared: AtomicBool,
    /// Timeline semaphores: the largest value a submitted signal operation will set.
    pub highest_submitted: std::sync::atomic::AtomicU64,
}

impl Object for Semaphore {
    type Handle = vk::Semaphore;
}

impl Semaphore {
    /// Queue-side signal: timeline semaphores take `value`, binary ones become signalled.
    pub fn signal(&self, value: u64) {
        if self.timeline {
            self.payload.signal_value(value);
        } else {
            self.payload.signal();
        }
        self.notifier.notify();
    }

    pub fn value(&self) -> u64 {
        self.payload.value()
    }

    pub fn notifier(&self) -> &Notifier {
        &self.notifier
    }

    /// Queue-side wait. Binary waits consume the signal. Returns false if `stop` turned
    /// true first (the device is being destroyed).
    pub fn wait(&self, value: u64, stop: &AtomicBool) -> bool {
        self.notifier.wait_until(u64::MAX, || {
            if stop.load(Ordering::Acquire) {
                return true;
            }
            if self.timeline {
                self.value() >= value
            } else {
                self.payload.try_consume()
            }
        });
        !stop.load(Ordering::Acquire)
    }
}

pub struct Event {
    set: AtomicBool,
    notifier: Arc<Notifier>,
}

impl Object for Event {
    type Handle = vk::Event;
}

impl std::fmt::Debug for Event {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Event({})", if self.is_set() { "set" } else { "reset" })
    }
}

impl Event {
    pub fn set(&self, value: bool) {
        self.set.store(value, Ordering::Release);
        self.notifier.notify();
    }
    pub fn is_set(&self) -> bool {
        self.set.load(Ordering::Acquire)
    }
    /// Queue-side `vkCmdWaitEvents`: returns false if `stop` turned true first.
    pub fn wait(&self, stop: &AtomicBool) -> bool {
        self.notifier.wait_until(u64::MAX, || stop.load(Ordering::Acquire) || self.is_set());
        !stop.load(Ordering::Acquire)
    }
}

/// # Safety
/// Vulkan's rules for `vkCreateFence`.
pub unsafe extern "system" fn create_fence(
    device: vk::Device,
    p_create_info: *const vk::FenceCreateInfo<'_>,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
    p_fence: *mut vk::Fence,
) -> vk::Result {
    guard("vkCreateFence", || {
        let device = dispatchable::<Device>(device)?;
        let info = read_in(p_create_info)?;
        let signaled = u64::from(info.flags.contains(vk::FenceCreateFlags::SIGNALED));
        let export = crate::pnext::find_in::<vk::ExportFenceCreateInfo>(info.p_next)
            .map_or(vk::ExternalFenceHandleTypeFlags::empty(), |e| e.handle_types);
        let cell = if export.contains(vk::ExternalFenceHandleTypeFlags::OPAQUE_FD) {
            device.notifier.set_external();
            Cell::shared(signaled)?
        } else {
            Cell::local(signaled)
        };
        let fence = Fence { payload: Payload::new(Kind::Fence, cell), notifier: device.notifier.clone() };
        write_out(p_fence, new_handle(Arc::new(fence)))?;
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkDestroyFence`.
pub unsafe extern "system" fn destroy_fence(
    _device: vk::Device,
    fence: vk::Fence,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
) {
    guard_void("vkDestroyFence", || {
        release::<Fence>(fence);
    })
}

/// # Safety
/// Vulkan's rules for `vkResetFences`.
pub unsafe extern "system" fn reset_fences(_device: vk::Device, count: u32, p_fences: *const vk::Fence) -> vk::Result {
    guard("vkResetFences", || {
        for &fence in read_slice(p_fences, count) {
            borrow::<Fence>(fence)?.payload.reset();
        }
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkGetFenceStatus`.
pub unsafe extern "system" fn get_fence_status(_device: vk::Device, fence: vk::Fence) -> vk::Result {
    guard("vkGetFenceStatus", || {
        let fence = borrow::<Fence>(fence)?;
        if fence.is_signaled() {
            return Ok(vk::Result::SUCCESS);
        }
        fence.notifier.check_lost()?;
        Ok(vk::Result::NOT_READY)
    })
}

/// # Safety
/// Vulkan's rules for `vkWaitForFences`.
pub unsafe extern "system" fn wait_for_fences(
    device: vk::Device,
    count: u32,
    p_fences: *const vk::Fence,
    wait_all: vk::Bool32,
    timeout: u64,
) -> vk::Result {
    guard("vkWaitForFences", || {
        let device = dispatchable::<Device>(device)?;
        if count == 0 || p_fences.is_null() {
            // VUID-vkWaitForFences-fenceCount-arraylength; "any of none" would never end.
            tracing::error!("vkWaitForFences of no fences");
            return Err(crate::entry::INVALID_USAGE);
        }
        let fences = read_slice(p_fences, count).iter().map(|&f| borrow::<Fence>(f)).collect::<VkResult<Vec<_>>>()?;
        let ready = || {
            if wait_all != 0 {
                fences.iter().all(|f| f.is_signaled())
            } else {
                fences.iter().any(|f| f.is_signaled())
            }
        };
        device.notifier.wait_for_device(timeout, ready)
    })
}

/// # Safety
/// Vulkan's rules for `vkCreateSemaphore`.
pub unsafe extern "system" fn create_semaphore(
    device: vk::Device,
    p_create_info: *const vk::SemaphoreCreateInfo<'_>,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
    p_semaphore: *mut vk::Semaphore,
) -> vk::Result {
    guard("vkCreateSemaphore", || {
        let device = dispatchable::<Device>(device)?;
        let info = read_in(p_create_info)?;
        let type_info = crate::pnext::find_in::<vk::SemaphoreTypeCreateInfo>(info.p_next);
        if let Some(t) = type_info {
            let binary = t.semaphore_type == vk::SemaphoreType::BINARY;
            if (binary && t.initial_value != 0) || (!binary && t.semaphore_type != vk::SemaphoreType::TIMELINE) {
                // VUID-VkSemaphoreTypeCreateInfo-semaphoreType-parameter and -03279.
                tracing::error!("vkCreateSemaphore: type {:?} with initial value {}", t.semaphore_type, t.initial_value);
                return Err(crate::entry::INVALID_USAGE);
            }
        }
        let timeline = type_info.is_some_and(|t| t.semaphore_type == vk::SemaphoreType::TIMELINE);
        let initial = if timeline { type_info.map_or(0, |t| t.initial_value) } else { 0 };
        let export = crate::pnext::find_in::<vk::ExportSemaphoreCreateInfo>(info.p_next)
            .map_or(vk::ExternalSemaphoreHandleTypeFlags::empty(), |e| e.handle_types);
        let cell = if export.contains(vk::ExternalSemaphoreHandleTypeFlags::OPAQUE_FD) {
            device.notifier.set_external();
            Cell::shared(initial)?
        } else {
            Cell::local(initial)
        };
        let semaphore = Semaphore {
            timeline,
            payload: Payload::new(Kind::Semaphore, cell),
            notifier: device.notifier.clone(),
            unclaimed_signals: std::sync::atomic::AtomicI64::new(0),
            shared: AtomicBool::new(!export.is_empty()),
            highest_submitted: std::sync::atomic::AtomicU64::new(initial),
        };
        write_out(p_semaphore, new_handle(Arc::new(semaphore)))?;
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkDestroySemaphore`.
pub unsafe extern "system" fn destroy_semaphore(
    _device: vk::Device,
    semaphore: vk::Semaphore,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
) {
    guard_void("vkDestroySemaphore", || {
        release::<Semaphore>(semaphore);
    })
}

/// # Safety
/// Vulkan's rules for `vkGetSemaphoreCounterValue`.
pub unsafe extern "system" fn get_semaphore_counter_value(
    _device: vk::Device,
    semaphore: vk::Semaphore,
    p_value: *mut u64,
) -> vk::Result {
    guard("vkGetSemaphoreCounterValue", || {
        write_out(p_value, borrow::<Semaphore>(semaphore)?.value())?;
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkSignalSemaphore`.
pub unsafe extern "system" fn signal_semaphore(
    _device: vk::Device,
    p_info: *const vk::SemaphoreSignalInfo<'_>,
) -> vk::Result {
    guard("vkSignalSemaphore", || {
        let info = read_in(p_info)?;
        let semaphore = borrow::<Semaphore>(info.semaphore)?;
        if !semaphore.timeline {
            tracing::error!("vkSignalSemaphore on a binary semaphore");
            return Err(crate::entry::INVALID_USAGE);
        }
        if info.value <= semaphore.value() {
            // VUID-VkSemaphoreSignalInfo-value-03258: a timeline only moves forward.
            tracing::error!("vkSignalSemaphore: value {} is not past the current {}", info.value, semaphore.value());
            return Err(crate::entry::INVALID_USAGE);
        }
        semaphore.signal(info.value);
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkWaitSemaphores`.
pub unsafe extern "system" fn wait_semaphores(
    device: vk::Device,
    p_info: *const vk::SemaphoreWaitInfo<'_>,
    timeout: u64,
) -> vk::Result {
    guard("vkWaitSemaphores", || {
        let device = dispatchable::<Device>(device)?;
        let info = read_in(p_info)?;
        let semaphores = read_slice(info.p_semaphores, info.semaphore_count)
            .iter()
            .map(|&s| get::<Semaphore>(s))
            .collect::<VkResult<Vec<_>>>()?;
        let values = read_slice(info.p_values, info.semaphore_count);
        if semaphores.is_empty() || values.len() != semaphores.len() || semaphores.iter().any(|s| !s.timeline) {
            // VUID-VkSemaphoreWaitInfo-semaphoreCount-arraylength and -pSemaphores-03256:
            // timeline semaphores only, and some of them ("any of none" would never end).
            tracing::error!("vkWaitSemaphores needs timeline semaphores and their values");
            return Err(crate::entry::INVALID_USAGE);
        }
        let wait_any = info.flags.contains(vk::SemaphoreWaitFlags::ANY);
        let reached = || {
            let mut each = semaphores.iter().zip(values).map(|(s, &v)| s.value() >= v);
            if wait_any {
                each.any(|r| r)
            } else {
                each.all(|r| r)
            }
        };
        device.notifier.wait_for_device(timeout, reached)
    })
}

/// # Safety
/// Vulkan's rules for `vkCreateEvent`.
pub unsafe extern "system" fn create_event(
    device: vk::Device,
    p_create_info: *const vk::EventCreateInfo<'_>,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
    p_event: *mut vk::Event,
) -> vk::Result {
    guard("vkCreateEvent", || {
        let device = dispatchable::<Device>(device)?;
        read_in(p_create_info)?;
        let event = Event { set: AtomicBool::new(false), notifier: device.notifier.clone() };
        write_out(p_event, new_handle(Arc::new(event)))?;
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkDestroyEvent`.
pub unsafe extern "system" fn destroy_event(
    _device: vk::Device,
    event: vk::Event,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
) {
    guard_void("vkDestroyEvent", || {
        release::<Event>(event);
    })
}

/// # Safety
/// Vulkan's rules for `vkGetEventStatus`.
pub unsafe extern "system" fn get_event_status(_device: vk::Device, event: vk::Event) -> vk::Result {
    guard("vkGetEventStatus", || {
        Ok(if borrow::<Event>(event)?.is_set() { vk::Result::EVENT_SET } else { vk::Result::EVENT_RESET })
    })
}

/// # Safety
/// Vulkan's rules for `vkSetEvent`.
pub unsafe extern "system" fn set_event(_device: vk::Device, event: vk::Event) -> vk::Result {
    guard("vkSetEvent", || {
        borrow::<Event>(event)?.set(true);
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkResetEvent`.
pub unsafe extern "system" fn reset_event(_device: vk::Device, event: vk::Event) -> vk::Result {
    guard("vkResetEvent", || {
        borrow::<Event>(event)?.set(false);
        Ok(vk::Result::SUCCESS)
    })
}
