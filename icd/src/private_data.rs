//! VK_EXT_private_data: an application attaches a 64-bit value to any object of a device,
//! one value per (object, slot). A slot is a map from (object type, handle) to the value;
//! an object never given a value reads 0.

use crate::device::Device;
use crate::entry::{guard, guard_void, read_in, write_out};
use crate::handles::{borrow, dispatchable, new_handle, release, Object};
use ash::vk;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

#[derive(Default)]
pub struct PrivateDataSlot {
    values: Mutex<HashMap<(i32, u64), u64>>,
}

impl Object for PrivateDataSlot {
    type Handle = vk::PrivateDataSlot;
}

impl PrivateDataSlot {
    fn set(&self, object_type: vk::ObjectType, handle: u64, data: u64) {
        let mut values = self.values.lock().unwrap_or_else(|e| e.into_inner());
        values.insert((object_type.as_raw(), handle), data);
    }

    fn get(&self, object_type: vk::ObjectType, handle: u64) -> u64 {
        let values = self.values.lock().unwrap_or_else(|e| e.into_inner());
        values.get(&(object_type.as_raw(), handle)).copied().unwrap_or(0)
    }
}

/// # Safety
/// Vulkan's rules for `vkCreatePrivateDataSlotEXT`.
pub unsafe extern "system" fn create_private_data_slot(
    device: vk::Device,
    p_create_info: *const vk::PrivateDataSlotCreateInfo<'_>,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
    p_slot: *mut vk::PrivateDataSlot,
) -> vk::Result {
    guard("vkCreatePrivateDataSlotEXT", || {
        dispatchable::<Device>(device)?;
        read_in(p_create_info)?;
        write_out(p_slot, new_handle(Arc::new(PrivateDataSlot::default())))?;
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkDestroyPrivateDataSlotEXT`.
pub unsafe extern "system" fn destroy_private_data_slot(
    _device: vk::Device,
    slot: vk::PrivateDataSlot,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
) {
    guard_void("vkDestroyPrivateDataSlotEXT", || {
        release::<PrivateDataSlot>(slot);
    })
}

/// # Safety
/// Vulkan's rules for `vkSetPrivateDataEXT`.
pub unsafe extern "system" fn set_private_data(
    _device: vk::Device,
    object_type: vk::ObjectType,
    object_handle: u64,
    slot: vk::PrivateDataSlot,
    data: u64,
) -> vk::Result {
    guard("vkSetPrivateDataEXT", || {
        borrow::<PrivateDataSlot>(slot)?.set(object_type, object_handle, data);
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkGetPrivateDataEXT`.
pub unsafe extern "system" fn get_private_data(
    _device: vk::Device,
    object_type: vk::ObjectType,
    object_handle: u64,
    slot: vk::PrivateDataSlot,
    p_data: *mut u64,
) {
    guard_void("vkGetPrivateDataEXT", || {
        let value = borrow::<PrivateDataSlot>(slot).map(|s| s.get(object_type, object_handle)).unwrap_or(0);
        let _ = write_out(p_data, value);
    })
}
