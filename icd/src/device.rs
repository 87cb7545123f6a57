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
    /// The device addresses of its memory (`device_address`).
    pub addresses: Arc<crate::device_address::AddressRegistry>,
    /// Whether the application enabled `synchronization2`, which makes a stage mask of 0
    /// valid in the Vulkan 1.0 synchronization commands too.
    pub synchronization2: bool,
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
        check_queues(read_slice(info.p_queue_create_infos, info.queue_create_info_count))?;
        if let Some(features) = info.p_enabled_features.as_ref() {
            check_features(features)?;
        }
        if let Some(features2) = crate::pnext::find_in::<vk::PhysicalDeviceFeatures2>(info.p_next) {
            check_features(&features2.features)?;
        }
        check_extended_features(physical_device, info.p_next)?;
        let notifier = Arc::new(Notifier::default());
        let addresses = Arc::new(crate::device_address::AddressRegistry::default());
        let queue = new_dispatchable(Queue::new(notifier.clone(), addresses.clone())?);
        let device = new_dispatchable(Device {
            queue,
            instance: physical.instance.clone(),
            enabled_extensions: extensions::names(enabled),
            notifier,
            memory_heap_size: physical.memory_heap_size,
            addresses,
            synchronization2: crate::pnext::find_in::<vk::PhysicalDeviceSynchronization2Features>(info.p_next)
                .is_some_and(|f| f.synchronization2 != vk::FALSE),
        });
        write_out(p_device, device)?;
        Ok(vk::Result::SUCCESS)
    })
}

/// softvk has one queue family with one queue: the create infos must ask for exactly that,
/// once, with a priority in [0, 1] (VUID-VkDeviceCreateInfo-queueFamilyIndex-02802,
/// VUID-VkDeviceQueueCreateInfo-pQueuePriorities-00383 and their neighbours).
fn check_queues(queues: &[vk::DeviceQueueCreateInfo<'_>]) -> Result<(), vk::Result> {
    let [queue] = queues else {
        tracing::error!("vkCreateDevice: {} queue create infos; softvk has one queue family with one queue", queues.len());
        return Err(vk::Result::ERROR_INITIALIZATION_FAILED);
    };
    if queue.queue_family_index != 0 || queue.queue_count != 1 {
        tracing::error!(
            "softvk has one queue family with one queue; asked for family {} x{}",
            queue.queue_family_index,
            queue.queue_count
        );
        return Err(vk::Result::ERROR_INITIALIZATION_FAILED);
    }
    // SAFETY: pQueuePriorities holds queueCount (1) floats, or is null.
    let priorities = unsafe { read_slice(queue.p_queue_priorities, queue.queue_count) };
    if priorities.len() != 1 || !(0.0..=1.0).contains(&priorities[0]) {
        tracing::error!("vkCreateDevice: queue priorities {priorities:?} (one, in [0, 1])");
        return Err(vk::Result::ERROR_INITIALIZATION_FAILED);
    }
    Ok(())
}

/// A feature structure a device create info may chain: its type, its size, and where its
/// last VkBool32 ends (the padding after it is not a feature, and may hold anything).
struct FeatureStruct {
    s_type: vk::StructureType,
    size: usize,
    end: usize,
}

macro_rules! feature_structs {
    ($($s_type:ident: $t:ident . $last:ident),* $(,)?) => {
        &[$(FeatureStruct {
            s_type: vk::StructureType::$s_type,
            size: std::mem::size_of::<vk::$t>(),
            end: std::mem::offset_of!(vk::$t, $last) + std::mem::size_of::<vk::Bool32>(),
        }),*]
    };
}

/// The feature structures of Vulkan 1.1 to 1.3 and of the extensions folded into them.
const FEATURE_STRUCTS: &[FeatureStruct] = feature_structs![
    PHYSICAL_DEVICE_VULKAN_1_1_FEATURES: PhysicalDeviceVulkan11Features.shader_draw_parameters,
    PHYSICAL_DEVICE_VULKAN_1_2_FEATURES: PhysicalDeviceVulkan12Features.subgroup_broadcast_dynamic_id,
    PHYSICAL_DEVICE_VULKAN_1_3_FEATURES: PhysicalDeviceVulkan13Features.maintenance4,
    PHYSICAL_DEVICE_16BIT_STORAGE_FEATURES: PhysicalDevice16BitStorageFeatures.storage_input_output16,
    PHYSICAL_DEVICE_8BIT_STORAGE_FEATURES: PhysicalDevice8BitStorageFeatures.storage_push_constant8,
    PHYSICAL_DEVICE_SHADER_FLOAT16_INT8_FEATURES: PhysicalDeviceShaderFloat16Int8Features.shader_int8,
    PHYSICAL_DEVICE_MULTIVIEW_FEATURES: PhysicalDeviceMultiviewFeatures.multiview_tessellation_shader,
    PHYSICAL_DEVICE_VARIABLE_POINTERS_FEATURES: PhysicalDeviceVariablePointersFeatures.variable_pointers,
    PHYSICAL_DEVICE_PROTECTED_MEMORY_FEATURES: PhysicalDeviceProtectedMemoryFeatures.protected_memory,
    PHYSICAL_DEVICE_SAMPLER_YCBCR_CONVERSION_FEATURES: PhysicalDeviceSamplerYcbcrConversionFeatures.sampler_ycbcr_conversion,
    PHYSICAL_DEVICE_SHADER_DRAW_PARAMETERS_FEATURES: PhysicalDeviceShaderDrawParametersFeatures.shader_draw_parameters,
    PHYSICAL_DEVICE_TIMELINE_SEMAPHORE_FEATURES: PhysicalDeviceTimelineSemaphoreFeatures.timeline_semaphore,
    PHYSICAL_DEVICE_HOST_QUERY_RESET_FEATURES: PhysicalDeviceHostQueryResetFeatures.host_query_reset,
    PHYSICAL_DEVICE_DESCRIPTOR_INDEXING_FEATURES: PhysicalDeviceDescriptorIndexingFeatures.runtime_descriptor_array,
    PHYSICAL_DEVICE_BUFFER_DEVICE_ADDRESS_FEATURES: PhysicalDeviceBufferDeviceAddressFeatures.buffer_device_address_multi_device,
    PHYSICAL_DEVICE_SCALAR_BLOCK_LAYOUT_FEATURES: PhysicalDeviceScalarBlockLayoutFeatures.scalar_block_layout,
    PHYSICAL_DEVICE_UNIFORM_BUFFER_STANDARD_LAYOUT_FEATURES: PhysicalDeviceUniformBufferStandardLayoutFeatures.uniform_buffer_standard_layout,
    PHYSICAL_DEVICE_SHADER_SUBGROUP_EXTENDED_TYPES_FEATURES: PhysicalDeviceShaderSubgroupExtendedTypesFeatures.shader_subgroup_extended_types,
    PHYSICAL_DEVICE_SEPARATE_DEPTH_STENCIL_LAYOUTS_FEATURES: PhysicalDeviceSeparateDepthStencilLayoutsFeatures.separate_depth_stencil_layouts,
    PHYSICAL_DEVICE_IMAGELESS_FRAMEBUFFER_FEATURES: PhysicalDeviceImagelessFramebufferFeatures.imageless_framebuffer,
    PHYSICAL_DEVICE_VULKAN_MEMORY_MODEL_FEATURES: PhysicalDeviceVulkanMemoryModelFeatures.vulkan_memory_model_availability_visibility_chains,
    PHYSICAL_DEVICE_SHADER_ATOMIC_INT64_FEATURES: PhysicalDeviceShaderAtomicInt64Features.shader_shared_int64_atomics,
    PHYSICAL_DEVICE_SUBGROUP_SIZE_CONTROL_FEATURES: PhysicalDeviceSubgroupSizeControlFeatures.compute_full_subgroups,
    PHYSICAL_DEVICE_ZERO_INITIALIZE_WORKGROUP_MEMORY_FEATURES: PhysicalDeviceZeroInitializeWorkgroupMemoryFeatures.shader_zero_initialize_workgroup_memory,
    PHYSICAL_DEVICE_PIPELINE_CREATION_CACHE_CONTROL_FEATURES: PhysicalDevicePipelineCreationCacheControlFeatures.pipeline_creation_cache_control,
    PHYSICAL_DEVICE_SHADER_INTEGER_DOT_PRODUCT_FEATURES: PhysicalDeviceShaderIntegerDotProductFeatures.shader_integer_dot_product,
    PHYSICAL_DEVICE_PRIVATE_DATA_FEATURES: PhysicalDevicePrivateDataFeatures.private_data,
    PHYSICAL_DEVICE_SYNCHRONIZATION_2_FEATURES: PhysicalDeviceSynchronization2Features.synchronization2,
    PHYSICAL_DEVICE_MAINTENANCE_4_FEATURES: PhysicalDeviceMaintenance4Features.maintenance4,
    PHYSICAL_DEVICE_SHADER_ATOMIC_FLOAT_FEATURES_EXT: PhysicalDeviceShaderAtomicFloatFeaturesEXT.sparse_image_float32_atomic_add,
    PHYSICAL_DEVICE_SHADER_ATOMIC_FLOAT_2_FEATURES_EXT: PhysicalDeviceShaderAtomicFloat2FeaturesEXT.sparse_image_float32_atomic_min_max,
    PHYSICAL_DEVICE_PRESENT_ID_FEATURES_KHR: PhysicalDevicePresentIdFeaturesKHR.present_id,
    PHYSICAL_DEVICE_PRESENT_WAIT_FEATURES_KHR: PhysicalDevicePresentWaitFeaturesKHR.present_wait,
    PHYSICAL_DEVICE_SWAPCHAIN_MAINTENANCE_1_FEATURES_EXT: PhysicalDeviceSwapchainMaintenance1FeaturesEXT.swapchain_maintenance1,
];

/// Bytes before the first VkBool32 of a feature structure: sType, padding, pNext.
const FEATURE_HEADER: usize = 16;

/// Refuses, in the create info's chain, any feature structure that asks for a feature the
/// physical device does not report in the same structure (spec: vkCreateDevice returns
/// VK_ERROR_FEATURE_NOT_PRESENT). What is supported comes from vkGetPhysicalDeviceFeatures2
/// itself, so the two never disagree.
///
/// # Safety
/// `p_next` is a valid input chain.
unsafe fn check_extended_features(physical_device: vk::PhysicalDevice, p_next: *const std::ffi::c_void) -> Result<(), vk::Result> {
    let mut requested: Vec<(&FeatureStruct, &[u8])> = Vec::new();
    let mut at = p_next;
    // At most as many structures as pnext::find_in walks (a cycle ends there too).
    for _ in 0..1024 {
        let Some(base) = (at as *const vk::BaseInStructure).as_ref() else { break };
        if let Some(kind) = FEATURE_STRUCTS.iter().find(|f| f.s_type == base.s_type) {
            // SAFETY: a structure of this sType is `kind.size` bytes long.
            requested.push((kind, std::slice::from_raw_parts(at as *const u8, kind.size)));
        }
        at = base.p_next as *const std::ffi::c_void;
    }
    for (kind, bytes) in requested {
        // A zeroed structure of the same type, alone in a VkPhysicalDeviceFeatures2 chain:
        // the physical device fills what it supports.
        let mut supported = vec![0u64; kind.size.div_ceil(8)];
        let out = supported.as_mut_ptr() as *mut vk::BaseOutStructure;
        (*out).s_type = kind.s_type;
        let mut features2 = vk::PhysicalDeviceFeatures2 { p_next: out as *mut std::ffi::c_void, ..Default::default() };
        crate::physical_device::get_physical_device_features2(physical_device, &mut features2);
        let supported = std::slice::from_raw_parts(supported.as_ptr() as *const u8, kind.size);
        let features = |b: &[u8]| {
            b[FEATURE_HEADER..kind.end].chunks_exact(4).map(|w| u32::from_ne_bytes([w[0], w[1], w[2], w[3]])).collect::<Vec<_>>()
        };
        if features(bytes).iter().zip(features(supported)).any(|(&r, s)| r != 0 && s == 0) {
            tracing::error!("vkCreateDevice: {:?} asks for a feature softvk does not support", kind.s_type);
            return Err(vk::Result::ERROR_FEATURE_NOT_PRESENT);
        }
    }
    Ok(())
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
