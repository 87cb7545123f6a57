//! Name → function lookup for `vkGetInstanceProcAddr`, `vkGetDeviceProcAddr` and the
//! loader's `vk_icdGetPhysicalDeviceProcAddr`.
//!
//! One table lists every entry point softvk implements, with the level it belongs to. The
//! spec's rules: with a null instance only the global commands are returned; device-level
//! commands are also reachable through `vkGetDeviceProcAddr`.

use crate::*;
use ash::vk;
use std::ffi::{c_char, CStr};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Level {
    /// Callable without an instance (`vkCreateInstance`, `vkEnumerateInstance*`).
    Global,
    Instance,
    PhysicalDevice,
    Device,
}

/// What makes an entry point available besides its level: core (1.0/1.1), or an instance
/// or device extension that must be enabled.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Requires {
    Core,
    Instance(&'static str),
    Device(&'static str),
}

pub struct Entry {
    pub name: &'static str,
    pub level: Level,
    pub requires: Requires,
    pub function: unsafe extern "system" fn(),
}

macro_rules! requires {
    () => {
        Requires::Core
    };
    (instance $ext:literal) => {
        Requires::Instance($ext)
    };
    (device $ext:literal) => {
        Requires::Device($ext)
    };
}

macro_rules! entry_points {
    ($($level:ident { $($name:literal => $function:path $(; $kind:ident $ext:literal)?,)* })*) => {
        /// Every entry point softvk implements.
        pub fn table() -> &'static [Entry] {
            static TABLE: std::sync::OnceLock<Vec<Entry>> = std::sync::OnceLock::new();
            TABLE.get_or_init(|| vec![$($(Entry {
                name: $name,
                level: Level::$level,
                requires: requires!($($kind $ext)?),
                // SAFETY: a function pointer is only ever returned to applications, which
                // cast it back to the PFN type of the name they asked for: the signature of
                // `$function`, which follows the registry's.
                function: unsafe { std::mem::transmute::<*const (), unsafe extern "system" fn()>($function as *const ()) },
            },)*)*])
        }
    };
}

entry_points! {
    Global {
        "vk_icdNegotiateLoaderICDInterfaceVersion" => loader_interface::vk_icdNegotiateLoaderICDInterfaceVersion,
        "vk_icdGetPhysicalDeviceProcAddr" => loader_interface::vk_icdGetPhysicalDeviceProcAddr,
        "vkCreateInstance" => instance::create_instance,
        "vkEnumerateInstanceExtensionProperties" => instance::enumerate_instance_extension_properties,
        "vkEnumerateInstanceLayerProperties" => instance::enumerate_instance_layer_properties,
        "vkEnumerateInstanceVersion" => instance::enumerate_instance_version,
    }
    Instance {
        "vkGetInstanceProcAddr" => get_instance_proc_addr_entry,
        "vkDestroyInstance" => instance::destroy_instance,
        "vkEnumeratePhysicalDevices" => instance::enumerate_physical_devices,
        "vkEnumeratePhysicalDeviceGroups" => instance::enumerate_physical_device_groups,
        "vkCreateDebugUtilsMessengerEXT" => debug_utils::create_debug_utils_messenger ; instance "VK_EXT_debug_utils",
        "vkDestroyDebugUtilsMessengerEXT" => debug_utils::destroy_debug_utils_messenger ; instance "VK_EXT_debug_utils",
        "vkSubmitDebugUtilsMessageEXT" => debug_utils::submit_debug_utils_message ; instance "VK_EXT_debug_utils",
        "vkDestroySurfaceKHR" => wsi::destroy_surface ; instance "VK_KHR_surface",
        "vkCreateHeadlessSurfaceEXT" => wsi::create_headless_surface ; instance "VK_EXT_headless_surface",
        "vkCreateXcbSurfaceKHR" => wsi::x11::create_xcb_surface ; instance "VK_KHR_xcb_surface",
        "vkCreateXlibSurfaceKHR" => wsi::x11::create_xlib_surface ; instance "VK_KHR_xlib_surface",
        "vkCreateWaylandSurfaceKHR" => wsi::create_wayland_surface ; instance "VK_KHR_wayland_surface",
    }
    PhysicalDevice {
        "vkGetPhysicalDeviceSurfaceSupportKHR" => wsi::get_physical_device_surface_support ; instance "VK_KHR_surface",
        "vkGetPhysicalDeviceSurfaceCapabilitiesKHR" => wsi::get_physical_device_surface_capabilities ; instance "VK_KHR_surface",
        "vkGetPhysicalDeviceSurfaceFormatsKHR" => wsi::get_physical_device_surface_formats ; instance "VK_KHR_surface",
        "vkGetPhysicalDeviceSurfacePresentModesKHR" => wsi::get_physical_device_surface_present_modes ; instance "VK_KHR_surface",
        "vkGetPhysicalDeviceSurfaceCapabilities2KHR" => wsi::get_physical_device_surface_capabilities2 ; instance "VK_KHR_get_surface_capabilities2",
        "vkGetPhysicalDeviceSurfaceFormats2KHR" => wsi::get_physical_device_surface_formats2 ; instance "VK_KHR_get_surface_capabilities2",
        "vkGetPhysicalDeviceWaylandPresentationSupportKHR" => wsi::get_physical_device_wayland_presentation_support ; instance "VK_KHR_wayland_surface",
        "vkGetPhysicalDevicePresentRectanglesKHR" => wsi::get_physical_device_present_rectangles ; device "VK_KHR_swapchain",
        "vkGetPhysicalDeviceXcbPresentationSupportKHR" => wsi::x11::get_physical_device_xcb_presentation_support ; instance "VK_KHR_xcb_surface",
        "vkGetPhysicalDeviceXlibPresentationSupportKHR" => wsi::x11::get_physical_device_xlib_presentation_support ; instance "VK_KHR_xlib_surface",
        "vkGetPhysicalDeviceProperties" => physical_device::get_physical_device_properties,
        "vkGetPhysicalDeviceProperties2" => physical_device::get_physical_device_properties2,
        "vkGetPhysicalDeviceProperties2KHR" => physical_device::get_physical_device_properties2 ; instance "VK_KHR_get_physical_device_properties2",
        "vkGetPhysicalDeviceFeatures" => physical_device::get_physical_device_features,
        "vkGetPhysicalDeviceFeatures2" => physical_device::get_physical_device_features2,
        "vkGetPhysicalDeviceFeatures2KHR" => physical_device::get_physical_device_features2 ; instance "VK_KHR_get_physical_device_properties2",
        "vkGetPhysicalDeviceQueueFamilyProperties" => physical_device::get_physical_device_queue_family_properties,
        "vkGetPhysicalDeviceQueueFamilyProperties2" => physical_device::get_physical_device_queue_family_properties2,
        "vkGetPhysicalDeviceQueueFamilyProperties2KHR" => physical_device::get_physical_device_queue_family_properties2 ; instance "VK_KHR_get_physical_device_properties2",
        "vkGetPhysicalDeviceMemoryProperties" => physical_device::get_physical_device_memory_properties,
        "vkGetPhysicalDeviceMemoryProperties2" => physical_device::get_physical_device_memory_properties2,
        "vkGetPhysicalDeviceMemoryProperties2KHR" => physical_device::get_physical_device_memory_properties2 ; instance "VK_KHR_get_physical_device_properties2",
        "vkGetPhysicalDeviceFormatProperties" => physical_device::get_physical_device_format_properties,
        "vkGetPhysicalDeviceFormatProperties2" => physical_device::get_physical_device_format_properties2,
        "vkGetPhysicalDeviceFormatProperties2KHR" => physical_device::get_physical_device_format_properties2 ; instance "VK_KHR_get_physical_device_properties2",
        "vkGetPhysicalDeviceImageFormatProperties" => physical_device::get_physical_device_image_format_properties,
        "vkGetPhysicalDeviceImageFormatProperties2" => physical_device::get_physical_device_image_format_properties2,
        "vkGetPhysicalDeviceImageFormatProperties2KHR" => physical_device::get_physical_device_image_format_properties2 ; instance "VK_KHR_get_physical_device_properties2",
        "vkGetPhysicalDeviceSparseImageFormatProperties" => physical_device::get_physical_device_sparse_image_format_properties,
        "vkGetPhysicalDeviceSparseImageFormatProperties2" => physical_device::get_physical_device_sparse_image_format_properties2,
        "vkGetPhysicalDeviceSparseImageFormatProperties2KHR" => physical_device::get_physical_device_sparse_image_format_properties2 ; instance "VK_KHR_get_physical_device_properties2",
        "vkGetPhysicalDeviceExternalBufferProperties" => external_memory::get_physical_device_external_buffer_properties,
        "vkGetPhysicalDeviceExternalBufferPropertiesKHR" => external_memory::get_physical_device_external_buffer_properties ; instance "VK_KHR_external_memory_capabilities",
        "vkGetPhysicalDeviceExternalImageFormatPropertiesNV" => external_memory::get_physical_device_external_image_format_properties_nv ; instance "VK_NV_external_memory_capabilities",
        "vkGetPhysicalDeviceExternalFenceProperties" => external_sync::get_physical_device_external_fence_properties,
        "vkGetPhysicalDeviceExternalFencePropertiesKHR" => external_sync::get_physical_device_external_fence_properties ; instance "VK_KHR_external_fence_capabilities",
        "vkGetPhysicalDeviceExternalSemaphoreProperties" => external_sync::get_physical_device_external_semaphore_properties,
        "vkGetPhysicalDeviceExternalSemaphorePropertiesKHR" => external_sync::get_physical_device_external_semaphore_properties ; instance "VK_KHR_external_semaphore_capabilities",
        "vkGetPhysicalDeviceToolPropertiesEXT" => physical_device::get_physical_device_tool_properties ; device "VK_EXT_tooling_info",
        "vkEnumerateDeviceExtensionProperties" => physical_device::enumerate_device_extension_properties,
        "vkEnumerateDeviceLayerProperties" => physical_device::enumerate_device_layer_properties,
        "vkCreateDevice" => device::create_device,
    }
    Device {
        "vkGetDeviceProcAddr" => get_device_proc_addr,
        "vkDestroyDevice" => device::destroy_device,
        "vkGetDeviceQueue" => device::get_device_queue,
        "vkGetDeviceQueue2" => device::get_device_queue2,
        "vkDeviceWaitIdle" => device::device_wait_idle,
        "vkQueueSubmit" => queue::queue_submit,
        "vkQueueWaitIdle" => queue::queue_wait_idle,
        "vkQueueBindSparse" => queue::queue_bind_sparse,
        "vkAllocateMemory" => memory::allocate_memory,
        "vkFreeMemory" => memory::free_memory,
        "vkMapMemory" => memory::map_memory,
        "vkUnmapMemory" => memory::unmap_memory,
        "vkFlushMappedMemoryRanges" => memory::flush_mapped_memory_ranges,
        "vkInvalidateMappedMemoryRanges" => memory::invalidate_mapped_memory_ranges,
        "vkGetDeviceMemoryCommitment" => memory::get_device_memory_commitment,
        "vkGetMemoryFdKHR" => external_memory::get_memory_fd ; device "VK_KHR_external_memory_fd",
        "vkGetSemaphoreFdKHR" => external_sync::get_semaphore_fd ; device "VK_KHR_external_semaphore_fd",
        "vkImportSemaphoreFdKHR" => external_sync::import_semaphore_fd ; device "VK_KHR_external_semaphore_fd",
        "vkGetFenceFdKHR" => external_sync::get_fence_fd ; device "VK_KHR_external_fence_fd",
        "vkImportFenceFdKHR" => external_sync::import_fence_fd ; device "VK_KHR_external_fence_fd",
        "vkGetMemoryFdPropertiesKHR" => external_memory::get_memory_fd_properties ; device "VK_KHR_external_memory_fd",
        "vkGetMemoryHostPointerPropertiesEXT" => external_memory::get_memory_host_pointer_properties ; device "VK_EXT_external_memory_host",
        "vkCreateBuffer" => resources::create_buffer,
        "vkDestroyBuffer" => resources::destroy_buffer,
        "vkCreateImage" => resources::create_image,
        "vkDestroyImage" => resources::destroy_image,
        "vkGetBufferMemoryRequirements" => resources::get_buffer_memory_requirements,
        "vkGetBufferMemoryRequirements2" => resources::get_buffer_memory_requirements2,
        "vkGetBufferMemoryRequirements2KHR" => resources::get_buffer_memory_requirements2 ; device "VK_KHR_get_memory_requirements2",
        "vkGetImageMemoryRequirements" => resources::get_image_memory_requirements,
        "vkGetImageMemoryRequirements2" => resources::get_image_memory_requirements2,
        "vkGetImageMemoryRequirements2KHR" => resources::get_image_memory_requirements2 ; device "VK_KHR_get_memory_requirements2",
        "vkGetImageSparseMemoryRequirements" => resources::get_image_sparse_memory_requirements,
        "vkGetImageSparseMemoryRequirements2" => resources::get_image_sparse_memory_requirements2,
        "vkGetImageSparseMemoryRequirements2KHR" => resources::get_image_sparse_memory_requirements2 ; device "VK_KHR_get_memory_requirements2",
        "vkBindBufferMemory" => resources::bind_buffer_memory,
        "vkBindImageMemory" => resources::bind_image_memory,
        "vkBindBufferMemory2" => resources::bind_buffer_memory2,
        "vkBindBufferMemory2KHR" => resources::bind_buffer_memory2 ; device "VK_KHR_bind_memory2",
        "vkBindImageMemory2" => resources::bind_image_memory2,
        "vkBindImageMemory2KHR" => resources::bind_image_memory2 ; device "VK_KHR_bind_memory2",
        "vkGetImageSubresourceLayout" => resources::get_image_subresource_layout,
        "vkCreateImageView" => resources::create_image_view,
        "vkDestroyImageView" => resources::destroy_image_view,
        "vkCreateBufferView" => resources::create_buffer_view,
        "vkDestroyBufferView" => resources::destroy_buffer_view,
        "vkCreateSampler" => resources::create_sampler,
        "vkDestroySampler" => resources::destroy_sampler,
        "vkCreateFence" => sync::create_fence,
        "vkDestroyFence" => sync::destroy_fence,
        "vkResetFences" => sync::reset_fences,
        "vkGetFenceStatus" => sync::get_fence_status,
        "vkWaitForFences" => sync::wait_for_fences,
        "vkCreateSemaphore" => sync::create_semaphore,
        "vkDestroySemaphore" => sync::destroy_semaphore,
        "vkGetSemaphoreCounterValueKHR" => sync::get_semaphore_counter_value ; device "VK_KHR_timeline_semaphore",
        "vkSignalSemaphoreKHR" => sync::signal_semaphore ; device "VK_KHR_timeline_semaphore",
        "vkWaitSemaphoresKHR" => sync::wait_semaphores ; device "VK_KHR_timeline_semaphore",
        "vkCreateEvent" => sync::create_event,
        "vkDestroyEvent" => sync::destroy_event,
        "vkGetEventStatus" => sync::get_event_status,
        "vkSetEvent" => sync::set_event,
        "vkResetEvent" => sync::reset_event,
        "vkCreateQueryPool" => query::create_query_pool,
        "vkDestroyQueryPool" => query::destroy_query_pool,
        "vkGetQueryPoolResults" => query::get_query_pool_results,
        "vkResetQueryPoolEXT" => query::reset_query_pool ; device "VK_EXT_host_query_reset",
        "vkCreateCommandPool" => command_buffer::create_command_pool,
        "vkDestroyCommandPool" => command_buffer::destroy_command_pool,
        "vkResetCommandPool" => command_buffer::reset_command_pool,
        "vkTrimCommandPool" => command_buffer::trim_command_pool,
        "vkAllocateCommandBuffers" => command_buffer::allocate_command_buffers,
        "vkFreeCommandBuffers" => command_buffer::free_command_buffers,
        "vkBeginCommandBuffer" => command_buffer::begin_command_buffer,
        "vkEndCommandBuffer" => command_buffer::end_command_buffer,
        "vkResetCommandBuffer" => command_buffer::reset_command_buffer,
        "vkCmdExecuteCommands" => command_buffer::cmd_execute_commands,
        "vkCmdCopyBuffer" => cmd_transfer::cmd_copy_buffer,
        "vkCmdCopyBuffer2KHR" => cmd_transfer::cmd_copy_buffer2 ; device "VK_KHR_copy_commands2",
        "vkCmdCopyImage" => cmd_transfer::cmd_copy_image,
        "vkCmdCopyImage2KHR" => cmd_transfer::cmd_copy_image2 ; device "VK_KHR_copy_commands2",
        "vkCmdCopyBufferToImage" => cmd_transfer::cmd_copy_buffer_to_image,
        "vkCmdCopyBufferToImage2KHR" => cmd_transfer::cmd_copy_buffer_to_image2 ; device "VK_KHR_copy_commands2",
        "vkCmdCopyImageToBuffer" => cmd_transfer::cmd_copy_image_to_buffer,
        "vkCmdCopyImageToBuffer2KHR" => cmd_transfer::cmd_copy_image_to_buffer2 ; device "VK_KHR_copy_commands2",
        "vkCmdBlitImage" => cmd_transfer::cmd_blit_image,
        "vkCmdBlitImage2KHR" => cmd_transfer::cmd_blit_image2 ; device "VK_KHR_copy_commands2",
        "vkCmdClearColorImage" => cmd_transfer::cmd_clear_color_image,
        "vkCmdClearDepthStencilImage" => cmd_transfer::cmd_clear_depth_stencil_image,
        "vkCmdFillBuffer" => cmd_transfer::cmd_fill_buffer,
        "vkCmdUpdateBuffer" => cmd_transfer::cmd_update_buffer,
        "vkCmdPipelineBarrier" => cmd_sync::cmd_pipeline_barrier,
        "vkCmdSetEvent" => cmd_sync::cmd_set_event,
        "vkCmdResetEvent" => cmd_sync::cmd_reset_event,
        "vkCmdWaitEvents" => cmd_sync::cmd_wait_events,
        "vkCmdResetQueryPool" => query::cmd_reset_query_pool,
        "vkCmdWriteTimestamp" => query::cmd_write_timestamp,
        "vkCmdCopyQueryPoolResults" => query::cmd_copy_query_pool_results,
        "vkSetDebugUtilsObjectNameEXT" => debug_utils::set_debug_utils_object_name ; instance "VK_EXT_debug_utils",
        "vkSetDebugUtilsObjectTagEXT" => debug_utils::set_debug_utils_object_tag ; instance "VK_EXT_debug_utils",
        "vkQueueBeginDebugUtilsLabelEXT" => debug_utils::queue_begin_debug_utils_label ; instance "VK_EXT_debug_utils",
        "vkQueueEndDebugUtilsLabelEXT" => debug_utils::queue_end_debug_utils_label ; instance "VK_EXT_debug_utils",
        "vkQueueInsertDebugUtilsLabelEXT" => debug_utils::queue_insert_debug_utils_label ; instance "VK_EXT_debug_utils",
        "vkCmdBeginDebugUtilsLabelEXT" => debug_utils::cmd_begin_debug_utils_label ; instance "VK_EXT_debug_utils",
        "vkCmdEndDebugUtilsLabelEXT" => debug_utils::cmd_end_debug_utils_label ; instance "VK_EXT_debug_utils",
        "vkCmdInsertDebugUtilsLabelEXT" => debug_utils::cmd_insert_debug_utils_label ; instance "VK_EXT_debug_utils",
        "vkCreateShaderModule" => pipeline::create_shader_module,
        "vkCreatePipelineCache" => pipeline::create_pipeline_cache,
        "vkGetPipelineCacheData" => pipeline::get_pipeline_cache_data,
        "vkMergePipelineCaches" => pipeline::merge_pipeline_caches,
        "vkCreateGraphicsPipelines" => unsupported::create_graphics_pipelines,
        "vkCreateComputePipelines" => pipeline::create_compute_pipelines,
        "vkCreatePipelineLayout" => descriptor::create_pipeline_layout,
        "vkCreateDescriptorSetLayout" => descriptor::create_descriptor_set_layout,
        "vkCreateDescriptorPool" => descriptor::create_descriptor_pool,
        "vkResetDescriptorPool" => descriptor::reset_descriptor_pool,
        "vkAllocateDescriptorSets" => descriptor::allocate_descriptor_sets,
        "vkFreeDescriptorSets" => descriptor::free_descriptor_sets,
        "vkCreateFramebuffer" => unsupported::create_framebuffer,
        "vkCreateRenderPass" => unsupported::create_render_pass,
        "vkCreateDescriptorUpdateTemplate" => descriptor::create_descriptor_update_template,
        "vkCreateSamplerYcbcrConversion" => unsupported::create_sampler_ycbcr_conversion,
        "vkDestroyShaderModule" => pipeline::destroy_shader_module,
        "vkDestroyPipelineCache" => pipeline::destroy_pipeline_cache,
        "vkDestroyPipeline" => pipeline::destroy_pipeline,
        "vkDestroyPipelineLayout" => descriptor::destroy_pipeline_layout,
        "vkDestroyDescriptorSetLayout" => descriptor::destroy_descriptor_set_layout,
        "vkDestroyDescriptorPool" => descriptor::destroy_descriptor_pool,
        "vkDestroyFramebuffer" => unsupported::destroy_framebuffer,
        "vkDestroyRenderPass" => unsupported::destroy_render_pass,
        "vkDestroyDescriptorUpdateTemplate" => descriptor::destroy_descriptor_update_template,
        "vkDestroySamplerYcbcrConversion" => unsupported::destroy_sampler_ycbcr_conversion,
        "vkUpdateDescriptorSets" => descriptor::update_descriptor_sets,
        "vkUpdateDescriptorSetWithTemplate" => descriptor::update_descriptor_set_with_template,
        "vkCmdBindPipeline" => cmd_compute::cmd_bind_pipeline,
        "vkCmdSetViewport" => unsupported::cmd_set_viewport,
        "vkCmdSetScissor" => unsupported::cmd_set_scissor,
        "vkCmdSetLineWidth" => unsupported::cmd_set_line_width,
        "vkCmdSetDepthBias" => unsupported::cmd_set_depth_bias,
        "vkCmdSetBlendConstants" => unsupported::cmd_set_blend_constants,
        "vkCmdSetDepthBounds" => unsupported::cmd_set_depth_bounds,
        "vkCmdSetStencilCompareMask" => unsupported::cmd_set_stencil_compare_mask,
        "vkCmdSetStencilWriteMask" => unsupported::cmd_set_stencil_write_mask,
        "vkCmdSetStencilReference" => unsupported::cmd_set_stencil_reference,
        "vkCmdBindDescriptorSets" => cmd_compute::cmd_bind_descriptor_sets,
        "vkCmdBindIndexBuffer" => unsupported::cmd_bind_index_buffer,
        "vkCmdBindVertexBuffers" => unsupported::cmd_bind_vertex_buffers,
        "vkCmdDraw" => unsupported::cmd_draw,
        "vkCmdDrawIndexed" => unsupported::cmd_draw_indexed,
        "vkCmdDrawIndirect" => unsupported::cmd_draw_indirect,
        "vkCmdDrawIndexedIndirect" => unsupported::cmd_draw_indexed_indirect,
        "vkCmdDispatch" => cmd_compute::cmd_dispatch,
        "vkCmdDispatchBase" => cmd_compute::cmd_dispatch_base,
        "vkCmdDispatchIndirect" => cmd_compute::cmd_dispatch_indirect,
        "vkCmdClearAttachments" => unsupported::cmd_clear_attachments,
        "vkCmdResolveImage" => unsupported::cmd_resolve_image,
        "vkCmdResolveImage2KHR" => unsupported::cmd_resolve_image2 ; device "VK_KHR_copy_commands2",
        "vkCmdBeginQuery" => unsupported::cmd_begin_query,
        "vkCmdEndQuery" => unsupported::cmd_end_query,
        "vkCmdPushConstants" => cmd_compute::cmd_push_constants,
        "vkCmdPushDescriptorSetKHR" => cmd_compute::cmd_push_descriptor_set ; device "VK_KHR_push_descriptor",
        "vkCmdPushDescriptorSetWithTemplateKHR" => cmd_compute::cmd_push_descriptor_set_with_template ; device "VK_KHR_push_descriptor",
        "vkCmdBeginRenderPass" => unsupported::cmd_begin_render_pass,
        "vkCmdNextSubpass" => unsupported::cmd_next_subpass,
        "vkCmdEndRenderPass" => unsupported::cmd_end_render_pass,
        "vkGetRenderAreaGranularity" => unsupported::get_render_area_granularity,
        "vkGetDescriptorSetLayoutSupport" => descriptor::get_descriptor_set_layout_support,
        "vkGetDescriptorSetLayoutSupportKHR" => descriptor::get_descriptor_set_layout_support ; device "VK_KHR_maintenance3",
        "vkCreateDescriptorUpdateTemplateKHR" => descriptor::create_descriptor_update_template ; device "VK_KHR_descriptor_update_template",
        "vkDestroyDescriptorUpdateTemplateKHR" => descriptor::destroy_descriptor_update_template ; device "VK_KHR_descriptor_update_template",
        "vkUpdateDescriptorSetWithTemplateKHR" => descriptor::update_descriptor_set_with_template ; device "VK_KHR_descriptor_update_template",
        "vkGetBufferDeviceAddressKHR" => device_address::get_buffer_device_address ; device "VK_KHR_buffer_device_address",
        "vkGetBufferOpaqueCaptureAddressKHR" => device_address::get_buffer_opaque_capture_address ; device "VK_KHR_buffer_device_address",
        "vkGetDeviceMemoryOpaqueCaptureAddressKHR" => device_address::get_device_memory_opaque_capture_address ; device "VK_KHR_buffer_device_address",
        "vkGetDeviceBufferMemoryRequirementsKHR" => resources::get_device_buffer_memory_requirements ; device "VK_KHR_maintenance4",
        "vkGetDeviceImageMemoryRequirementsKHR" => resources::get_device_image_memory_requirements ; device "VK_KHR_maintenance4",
        "vkGetDeviceImageSparseMemoryRequirementsKHR" => resources::get_device_image_sparse_memory_requirements ; device "VK_KHR_maintenance4",
        "vkCmdPipelineBarrier2KHR" => cmd_sync::cmd_pipeline_barrier2 ; device "VK_KHR_synchronization2",
        "vkCmdSetEvent2KHR" => cmd_sync::cmd_set_event2 ; device "VK_KHR_synchronization2",
        "vkCmdResetEvent2KHR" => cmd_sync::cmd_reset_event2 ; device "VK_KHR_synchronization2",
        "vkCmdWaitEvents2KHR" => cmd_sync::cmd_wait_events2 ; device "VK_KHR_synchronization2",
        "vkCmdWriteTimestamp2KHR" => query::cmd_write_timestamp2 ; device "VK_KHR_synchronization2",
        "vkQueueSubmit2KHR" => queue::queue_submit2 ; device "VK_KHR_synchronization2",
        "vkCreatePrivateDataSlotEXT" => private_data::create_private_data_slot ; device "VK_EXT_private_data",
        "vkDestroyPrivateDataSlotEXT" => private_data::destroy_private_data_slot ; device "VK_EXT_private_data",
        "vkSetPrivateDataEXT" => private_data::set_private_data ; device "VK_EXT_private_data",
        "vkGetPrivateDataEXT" => private_data::get_private_data ; device "VK_EXT_private_data",
        "vkCreateSwapchainKHR" => wsi::swapchain::create_swapchain ; device "VK_KHR_swapchain",
        "vkDestroySwapchainKHR" => wsi::swapchain::destroy_swapchain ; device "VK_KHR_swapchain",
        "vkGetSwapchainImagesKHR" => wsi::swapchain::get_swapchain_images ; device "VK_KHR_swapchain",
        "vkAcquireNextImageKHR" => wsi::swapchain::acquire_next_image ; device "VK_KHR_swapchain",
        "vkQueuePresentKHR" => wsi::swapchain::queue_present ; device "VK_KHR_swapchain",
        "vkAcquireNextImage2KHR" => wsi::swapchain::acquire_next_image2 ; device "VK_KHR_swapchain",
        "vkGetDeviceGroupPresentCapabilitiesKHR" => wsi::get_device_group_present_capabilities ; device "VK_KHR_swapchain",
        "vkGetDeviceGroupSurfacePresentModesKHR" => wsi::get_device_group_surface_present_modes ; device "VK_KHR_swapchain",
        "vkWaitForPresentKHR" => wsi::swapchain::wait_for_present ; device "VK_KHR_present_wait",
        "vkReleaseSwapchainImagesEXT" => wsi::swapchain::release_swapchain_images ; device "VK_EXT_swapchain_maintenance1",
        "vkGetDeviceGroupPeerMemoryFeatures" => unsupported::get_device_group_peer_memory_features,
        "vkCmdSetDeviceMask" => unsupported::cmd_set_device_mask,
    }
}

fn find(name: *const c_char) -> Option<&'static Entry> {
    if name.is_null() {
        return None;
    }
    // SAFETY: the caller passes a NUL-terminated name (Vulkan's rule for every *ProcAddr).
    let name = unsafe { CStr::from_ptr(name) }.to_str().ok()?;
    table().iter().find(|entry| entry.name == name)
}

fn enabled(list: &[String], extension: &str) -> bool {
    list.iter().any(|e| e == extension)
}

/// `vkGetInstanceProcAddr`. With a null instance: the global commands (and the loader's
/// `vk_icd*` names, interface version 7). With an instance: every core command, commands
/// of enabled instance extensions, and commands of device extensions softvk offers.
pub fn get_instance_proc_addr(instance: vk::Instance, name: *const c_char) -> vk::PFN_vkVoidFunction {
    crate::entry::guard_value("vkGetInstanceProcAddr", None, || {
        let entry = find(name)?;
        if instance == vk::Instance::null() {
            return (entry.level == Level::Global || entry.name == "vkGetInstanceProcAddr").then_some(entry.function);
        }
        // SAFETY: the loader passes an instance softvk created.
        let state = &unsafe { crate::handles::dispatchable::<instance::Instance>(instance) }.ok()?.state;
        let available = match entry.requires {
            Requires::Core | Requires::Device(_) => true,
            Requires::Instance(extension) => enabled(&state.enabled_extensions, extension),
        };
        available.then_some(entry.function)
    })
}

/// The loader's `vk_icdGetPhysicalDeviceProcAddr`: only physical-device-level commands,
/// null for names softvk does not know (so the loader can tell).
pub fn get_physical_device_proc_addr(_instance: vk::Instance, name: *const c_char) -> vk::PFN_vkVoidFunction {
    crate::entry::guard_value("vk_icdGetPhysicalDeviceProcAddr", None, || {
        find(name).filter(|e| e.level == Level::PhysicalDevice).map(|e| e.function)
    })
}

unsafe extern "system" fn get_instance_proc_addr_entry(
    instance: vk::Instance,
    name: *const c_char,
) -> vk::PFN_vkVoidFunction {
    get_instance_proc_addr(instance, name)
}

/// `vkGetDeviceProcAddr`: device-level commands that are core or whose extension the
/// device (or, for debug utils, its instance) enabled; null otherwise, so applications
/// can probe for support.
unsafe extern "system" fn get_device_proc_addr(device: vk::Device, name: *const c_char) -> vk::PFN_vkVoidFunction {
    crate::entry::guard_value("vkGetDeviceProcAddr", None, || {
        let entry = find(name).filter(|e| e.level == Level::Device)?;
        // SAFETY: the application passes a device softvk created.
        let device = unsafe { crate::handles::dispatchable::<device::Device>(device) }.ok()?;
        let available = match entry.requires {
            Requires::Core => true,
            Requires::Device(extension) => enabled(&device.enabled_extensions, extension),
            Requires::Instance(extension) => enabled(&device.instance.enabled_extensions, extension),
        };
        available.then_some(entry.function)
    })
}
