//! `VkInstance`: the application's connection to softvk, and the one physical device it
//! exposes.

use crate::debug_utils::Messengers;
use crate::entry::{guard, guard_void, read_in, read_slice, write_array, write_out};
use crate::extensions::{self, INSTANCE_EXTENSIONS};
use crate::handles::{dispatchable, free_dispatchable, new_dispatchable, Object};
use crate::physical_device::PhysicalDevice;
use ash::vk;
use std::sync::Arc;

/// The highest Vulkan version whose core softvk implements.
pub const API_VERSION: u32 = vk::API_VERSION_1_1;

/// What an instance's children need to reach: its debug messengers and the version the
/// application asked for.
pub struct InstanceState {
    pub app_api_version: u32,
    /// The instance extensions the application enabled.
    pub enabled_extensions: Vec<String>,
    pub messengers: Messengers,
}

pub struct Instance {
    pub state: Arc<InstanceState>,
    pub physical_device: vk::PhysicalDevice,
}

impl Object for Instance {
    type Handle = vk::Instance;
}

/// # Safety
/// Vulkan's rules for `vkCreateInstance`.
pub unsafe extern "system" fn create_instance(
    p_create_info: *const vk::InstanceCreateInfo<'_>,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
    p_instance: *mut vk::Instance,
) -> vk::Result {
    guard("vkCreateInstance", || {
        let info = read_in(p_create_info)?;
        let enabled = read_slice(info.pp_enabled_extension_names, info.enabled_extension_count);
        extensions::check_enabled(INSTANCE_EXTENSIONS, enabled)?;
        if info.enabled_layer_count > 0 {
            tracing::warn!("softvk provides no layers");
            return Err(vk::Result::ERROR_LAYER_NOT_PRESENT);
        }
        let app_api_version = info.p_application_info.as_ref().map_or(vk::API_VERSION_1_0, |app| app.api_version);
        let enabled_extensions = extensions::names(enabled);
        let state = Arc::new(InstanceState { app_api_version, enabled_extensions, messengers: Messengers::default() });
        // Messengers chained into the create info hear about vkCreateInstance only: their
        // user data may live on the application's stack.
        let _creation_messengers = crate::debug_utils::ScopedMessengers::from_chain(info.p_next);
        let physical_device = new_dispatchable(PhysicalDevice::new(state.clone()));
        let instance = new_dispatchable(Instance { state, physical_device });
        write_out(p_instance, instance)?;
        tracing::info!(
            "instance created (application asked for Vulkan {}.{})",
            vk::api_version_major(app_api_version),
            vk::api_version_minor(app_api_version)
        );
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkDestroyInstance`.
pub unsafe extern "system" fn destroy_instance(
    instance: vk::Instance,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
) {
    guard_void("vkDestroyInstance", || {
        if let Some(instance) = free_dispatchable::<Instance>(instance) {
            free_dispatchable::<PhysicalDevice>(instance.physical_device);
        }
    })
}

/// # Safety
/// Vulkan's rules for `vkEnumeratePhysicalDevices`.
pub unsafe extern "system" fn enumerate_physical_devices(
    instance: vk::Instance,
    p_count: *mut u32,
    p_devices: *mut vk::PhysicalDevice,
) -> vk::Result {
    guard("vkEnumeratePhysicalDevices", || {
        let instance = dispatchable::<Instance>(instance)?;
        write_array(&[instance.physical_device], p_count, p_devices)
    })
}

/// # Safety
/// Vulkan's rules for `vkEnumeratePhysicalDeviceGroups`.
pub unsafe extern "system" fn enumerate_physical_device_groups(
    instance: vk::Instance,
    p_count: *mut u32,
    p_groups: *mut vk::PhysicalDeviceGroupProperties<'_>,
) -> vk::Result {
    guard("vkEnumeratePhysicalDeviceGroups", || {
        let instance = dispatchable::<Instance>(instance)?;
        crate::entry::fill_array(1, p_count, p_groups, |_, group| {
            group.physical_device_count = 1;
            group.physical_devices = [vk::PhysicalDevice::null(); vk::MAX_DEVICE_GROUP_SIZE];
            group.physical_devices[0] = instance.physical_device;
            group.subset_allocation = vk::FALSE;
        })
    })
}

/// # Safety
/// Vulkan's rules for `vkEnumerateInstanceExtensionProperties`.
pub unsafe extern "system" fn enumerate_instance_extension_properties(
    p_layer_name: *const std::ffi::c_char,
    p_count: *mut u32,
    p_properties: *mut vk::ExtensionProperties,
) -> vk::Result {
    guard("vkEnumerateInstanceExtensionProperties", || {
        if !p_layer_name.is_null() {
            return Err(vk::Result::ERROR_LAYER_NOT_PRESENT);
        }
        write_array(&extensions::properties(INSTANCE_EXTENSIONS), p_count, p_properties)
    })
}

/// # Safety
/// Vulkan's rules for `vkEnumerateInstanceLayerProperties`.
pub unsafe extern "system" fn enumerate_instance_layer_properties(
    p_count: *mut u32,
    p_properties: *mut vk::LayerProperties,
) -> vk::Result {
    guard("vkEnumerateInstanceLayerProperties", || write_array::<vk::LayerProperties>(&[], p_count, p_properties))
}

/// # Safety
/// Vulkan's rules for `vkEnumerateInstanceVersion`.
pub unsafe extern "system" fn enumerate_instance_version(p_api_version: *mut u32) -> vk::Result {
    guard("vkEnumerateInstanceVersion", || {
        write_out(p_api_version, API_VERSION)?;
        Ok(vk::Result::SUCCESS)
    })
}
