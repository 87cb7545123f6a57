//! `VkDevice` and its one queue.

use crate::entry::{guard, guard_void, read_in, read_slice, write_out};
use crate::extensions::{self, DEVICE_EXTENSIONS};
use crate::handles::{dispatchable, free_dispatchable, new_dispatchable, Object};
use crate::physical_device::PhysicalDevice;
use crate::queue::Queue;
use crate::sync::Notifier;
use ash::vk;
use std::sync::Arc;

pub struct Device {
    pub queue: vk::Queue,
    pub instance: Arc<crate::instance::InstanceState>,
    /// The device extensions the application enabled.
    pub enabled_extensions: Vec<String>,
    /// Woken whenever a fence, semaphore, event or query changes, so that host waits on
    /// several objects need only one condition variable.
    pub notifier: Arc<Notifier>,
    pub memory_heap_size: u64,
}

impl Object for Device {
    type Handle = vk::Device;
}

/// # Safety
/// Vulkan's rules for `vkCreateDevice`.
pub unsafe extern "system" fn create_device(
    physical_device: vk::PhysicalDevice,
    p_create_info: *const vk::DeviceCreateInfo<'_>,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
    p_device: *mut vk::Device,
) -> vk::Result {
    guard("vkCreateDevice", || {
        let physical = dispatchable::<PhysicalDevice>(physical_device)?;
        let info = read_in(p_create_info)?;
        let enabled = read_slice(info.pp_enabled_extension_names, info.enabled_extension_count);
        extensions::check_enabled(DEVICE_EXTENSIONS, enabled)?;
        for queue_info in read_slice(info.p_queue_create_infos, info.queue_create_info_count) {
            if queue_info.queue_family_index != 0 || queue_info.queue_count != 1 {
                tracing::error!(
                    "softvk has one queue family with one queue; asked for family {} x{}",
                    queue_info.queue_family_index,
                    queue_info.queue_count
                );
                return Err(vk::Result::ERROR_INITIALIZATION_FAILED);
            }
        }
        if let Some(features) = info.p_enabled_features.as_ref() {
            check_features(features)?;
        }
        if let Some(features2) = crate::pnext::find_in::<vk::PhysicalDeviceFeatures2>(info.p_next) {
            check_features(&features2.features)?;
        }
        let notifier = Arc::new(Notifier::default());
        let queue = new_dispatchable(Queue::new(notifier.clone())?);
        let device = new_dispatchable(Device {
            queue,
            instance: physical.instance.clone(),
            enabled_extensions: extensions::names(enabled),
            notifier,
            memory_heap_size: physical.memory_heap_size,
        });
        write_out(p_device, device)?;
        Ok(vk::Result::SUCCESS)
    })
}

/// Refuses features softvk does not report (spec: vkCreateDevice returns
/// VK_ERROR_FEATURE_NOT_PRESENT).
fn check_features(requested: &vk::PhysicalDeviceFeatures) -> Result<(), vk::Result> {
    let supported = crate::physical_device::features();
    // SAFETY: VkPhysicalDeviceFeatures is a plain array of VkBool32.
    let as_words = |f: &vk::PhysicalDeviceFeatures| unsafe {
        std::slice::from_raw_parts(
            f as *const _ as *const vk::Bool32,
            std::mem::size_of::<vk::PhysicalDeviceFeatures>() / 4,
        )
        .to_vec()
    };
    if as_words(requested).iter().zip(as_words(&supported)).any(|(r, s)| *r != 0 && s == 0) {
        tracing::error!("vkCreateDevice asked for a feature softvk does not support");
        return Err(vk::Result::ERROR_FEATURE_NOT_PRESENT);
    }
    Ok(())
}

/// # Safety
/// Vulkan's rules for `vkDestroyDevice`.
pub unsafe extern "system" fn destroy_device(device: vk::Device, _p_allocator: *const vk::AllocationCallbacks<'_>) {
    guard_void("vkDestroyDevice", || {
        if let Some(device) = free_dispatchable::<Device>(device) {
            // Dropping the queue joins its worker once pending work has finished.
            free_dispatchable::<Queue>(device.queue);
        }
    })
}

/// # Safety
/// Vulkan's rules for `vkGetDeviceQueue`.
pub unsafe extern "system" fn get_device_queue(device: vk::Device, family: u32, index: u32, p_queue: *mut vk::Queue) {
    guard_void("vkGetDeviceQueue", || {
        let Ok(device) = dispatchable::<Device>(device) else { return };
        if family != 0 || index != 0 {
            tracing::error!("vkGetDeviceQueue: no queue {index} in family {family}");
            let _ = write_out(p_queue, vk::Queue::null());
            return;
        }
        let _ = write_out(p_queue, device.queue);
    })
}

/// # Safety
/// Vulkan's rules for `vkGetDeviceQueue2`.
pub unsafe extern "system" fn get_device_queue2(
    device: vk::Device,
    p_info: *const vk::DeviceQueueInfo2<'_>,
    p_queue: *mut vk::Queue,
) {
    let Some(info) = p_info.as_ref() else { return };
    get_device_queue(device, info.queue_family_index, info.queue_index, p_queue)
}

/// # Safety
/// Vulkan's rules for `vkDeviceWaitIdle`.
pub unsafe extern "system" fn device_wait_idle(device: vk::Device) -> vk::Result {
    guard("vkDeviceWaitIdle", || {
        let device = dispatchable::<Device>(device)?;
        dispatchable::<Queue>(device.queue)?.wait_idle()
    })
}
