//! The extensions softvk advertises. An extension is listed here only once it is
//! implemented and covered by a test through the loader.

use ash::vk;
use std::ffi::CStr;

pub struct Extension {
    pub name: &'static CStr,
    pub spec_version: u32,
}

pub const INSTANCE_EXTENSIONS: &[Extension] = &[
    Extension { name: c"VK_KHR_get_physical_device_properties2", spec_version: 2 },
    Extension { name: c"VK_EXT_debug_utils", spec_version: 2 },
    Extension { name: c"VK_KHR_external_memory_capabilities", spec_version: 1 },
    Extension { name: c"VK_NV_external_memory_capabilities", spec_version: 1 },
    Extension { name: c"VK_KHR_external_semaphore_capabilities", spec_version: 1 },
    Extension { name: c"VK_KHR_external_fence_capabilities", spec_version: 1 },
    Extension { name: c"VK_KHR_surface", spec_version: 25 },
    Extension { name: c"VK_EXT_headless_surface", spec_version: 1 },
    Extension { name: c"VK_KHR_xcb_surface", spec_version: 6 },
    Extension { name: c"VK_KHR_xlib_surface", spec_version: 6 },
    Extension { name: c"VK_KHR_wayland_surface", spec_version: 6 },
    Extension { name: c"VK_KHR_get_surface_capabilities2", spec_version: 1 },
    Extension { name: c"VK_KHR_surface_protected_capabilities", spec_version: 1 },
    Extension { name: c"VK_EXT_surface_maintenance1", spec_version: 1 },
    Extension { name: c"VK_EXT_swapchain_colorspace", spec_version: 5 },
];

pub const DEVICE_EXTENSIONS: &[Extension] = &[
    Extension { name: c"VK_KHR_copy_commands2", spec_version: 1 },
    Extension { name: c"VK_KHR_timeline_semaphore", spec_version: 2 },
    Extension { name: c"VK_KHR_get_memory_requirements2", spec_version: 1 },
    Extension { name: c"VK_KHR_bind_memory2", spec_version: 1 },
    Extension { name: c"VK_KHR_dedicated_allocation", spec_version: 3 },
    Extension { name: c"VK_EXT_host_query_reset", spec_version: 1 },
    Extension { name: c"VK_KHR_external_memory", spec_version: 1 },
    Extension { name: c"VK_KHR_external_memory_fd", spec_version: 1 },
    Extension { name: c"VK_NV_external_memory", spec_version: 1 },
    Extension { name: c"VK_EXT_external_memory_host", spec_version: 1 },
    Extension { name: c"VK_KHR_external_semaphore", spec_version: 1 },
    Extension { name: c"VK_KHR_external_semaphore_fd", spec_version: 1 },
    Extension { name: c"VK_KHR_external_fence", spec_version: 1 },
    Extension { name: c"VK_KHR_external_fence_fd", spec_version: 1 },
    Extension { name: c"VK_KHR_maintenance3", spec_version: 1 },
    Extension { name: c"VK_KHR_descriptor_update_template", spec_version: 1 },
    Extension { name: c"VK_KHR_push_descriptor", spec_version: 2 },
    Extension { name: c"VK_KHR_storage_buffer_storage_class", spec_version: 1 },
    Extension { name: c"VK_KHR_relaxed_block_layout", spec_version: 1 },
    Extension { name: c"VK_KHR_shader_non_semantic_info", spec_version: 1 },
    Extension { name: c"VK_KHR_16bit_storage", spec_version: 1 },
    Extension { name: c"VK_KHR_8bit_storage", spec_version: 1 },
    Extension { name: c"VK_KHR_shader_float16_int8", spec_version: 1 },
    Extension { name: c"VK_KHR_variable_pointers", spec_version: 1 },
    Extension { name: c"VK_KHR_shader_float_controls", spec_version: 4 },
    Extension { name: c"VK_KHR_spirv_1_4", spec_version: 1 },
    Extension { name: c"VK_KHR_zero_initialize_workgroup_memory", spec_version: 1 },
    Extension { name: c"VK_KHR_shader_subgroup_extended_types", spec_version: 1 },
    Extension { name: c"VK_EXT_subgroup_size_control", spec_version: 2 },
    Extension { name: c"VK_KHR_vulkan_memory_model", spec_version: 3 },
    Extension { name: c"VK_KHR_buffer_device_address", spec_version: 1 },
    Extension { name: c"VK_EXT_pipeline_creation_cache_control", spec_version: 3 },
    Extension { name: c"VK_EXT_scalar_block_layout", spec_version: 1 },
    Extension { name: c"VK_KHR_uniform_buffer_standard_layout", spec_version: 1 },
    Extension { name: c"VK_EXT_tooling_info", spec_version: 1 },
    Extension { name: c"VK_KHR_format_feature_flags2", spec_version: 2 },
    Extension { name: c"VK_KHR_shader_integer_dot_product", spec_version: 1 },
    Extension { name: c"VK_EXT_private_data", spec_version: 1 },
    Extension { name: c"VK_KHR_shader_atomic_int64", spec_version: 1 },
    Extension { name: c"VK_EXT_shader_atomic_float", spec_version: 1 },
    Extension { name: c"VK_EXT_shader_atomic_float2", spec_version: 1 },
    Extension { name: c"VK_KHR_synchronization2", spec_version: 1 },
    Extension { name: c"VK_KHR_maintenance4", spec_version: 2 },
    Extension { name: c"VK_KHR_swapchain", spec_version: 70 },
    Extension { name: c"VK_KHR_swapchain_mutable_format", spec_version: 1 },
    Extension { name: c"VK_KHR_image_format_list", spec_version: 1 },
    Extension { name: c"VK_KHR_incremental_present", spec_version: 2 },
    Extension { name: c"VK_KHR_present_id", spec_version: 1 },
    Extension { name: c"VK_KHR_present_wait", spec_version: 1 },
    Extension { name: c"VK_EXT_swapchain_maintenance1", spec_version: 1 },
];

pub fn properties(list: &[Extension]) -> Vec<vk::ExtensionProperties> {
    list.iter()
        .map(|ext| {
            let mut props = vk::ExtensionProperties { spec_version: ext.spec_version, ..Default::default() };
            for (dst, src) in props.extension_name.iter_mut().zip(ext.name.to_bytes()) {
                *dst = *src as std::ffi::c_char;
            }
            props
        })
        .collect()
}

/// Checks that every extension an application enables is one softvk offers.
pub fn check_enabled(list: &[Extension], enabled: &[*const std::ffi::c_char]) -> Result<(), vk::Result> {
    for &name in enabled {
        if name.is_null() {
            return Err(vk::Result::ERROR_EXTENSION_NOT_PRESENT);
        }
        // SAFETY: the application passes NUL-terminated extension names.
        let name = unsafe { CStr::from_ptr(name) };
        if !list.iter().any(|ext| ext.name == name) {
            tracing::warn!("extension {name:?} is not supported by softvk");
            return Err(vk::Result::ERROR_EXTENSION_NOT_PRESENT);
        }
    }
    Ok(())
}

/// The names of enabled extensions, as owned strings (checked by `check_enabled` first).
pub fn names(enabled: &[*const std::ffi::c_char]) -> Vec<String> {
    enabled
        .iter()
        .filter(|p| !p.is_null())
        // SAFETY: the application passes NUL-terminated extension names.
        .map(|&p| unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned())
        .collect()
}
