//! The one physical device: a `VK_PHYSICAL_DEVICE_TYPE_CPU` named "softvk".
//!
//! Everything reported here is what softvk does today: limits a CPU meets, features that
//! are implemented, formats from `rasterizer::format`'s table.

use crate::entry::{fill_array, guard, guard_void, read_in, write_array};
use crate::extensions::{self, DEVICE_EXTENSIONS};
use crate::handles::{dispatchable, Object};
use crate::instance::{InstanceState, API_VERSION};
use crate::pnext;
use ash::vk;
use rasterizer::format;
use std::sync::Arc;

pub const DEVICE_NAME: &str = "softvk";
/// VK_VENDOR_ID_KHRONOS: softvk has no PCI or Khronos vendor id of its own.
pub const VENDOR_ID: u32 = 0x10000;
pub const DEVICE_ID: u32 = 0x50f7;
pub const QUEUE_FLAGS: vk::QueueFlags = vk::QueueFlags::from_raw(
    vk::QueueFlags::GRAPHICS.as_raw() | vk::QueueFlags::COMPUTE.as_raw() | vk::QueueFlags::TRANSFER.as_raw(),
);

pub struct PhysicalDevice {
    pub instance: Arc<InstanceState>,
    pub memory_heap_size: u64,
}

impl Object for PhysicalDevice {
    type Handle = vk::PhysicalDevice;
}

impl PhysicalDevice {
    pub fn new(instance: Arc<InstanceState>) -> PhysicalDevice {
        PhysicalDevice { instance, memory_heap_size: system_memory() }
    }
}

/// Physical RAM, the size of softvk's one heap.
fn system_memory() -> u64 {
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    meminfo
        .lines()
        .find_map(|line| line.strip_prefix("MemTotal:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(4 << 30, |kib| kib * 1024)
}

/// A 16-byte identifier that is the same in every process running this build.
fn build_uuid(salt: &str) -> [u8; 16] {
    // FNV-1a over the salt and the crate version, twice with different offsets.
    let text = format!("softvk-{salt}-{}", env!("CARGO_PKG_VERSION"));
    let fnv = |seed: u64| text.bytes().fold(seed, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3));
    let mut uuid = [0u8; 16];
    uuid[..8].copy_from_slice(&fnv(0xcbf2_9ce4_8422_2325).to_le_bytes());
    uuid[8..].copy_from_slice(&fnv(0x8422_2325_cbf2_9ce4).to_le_bytes());
    uuid
}

/// Changes with every build whose compiler or ICD sources differ (`build.rs`), so that a
/// pipeline cache blob from another build is never trusted.
pub fn pipeline_cache_uuid() -> [u8; 16] {
    build_uuid(concat!("pipeline-cache-", env!("SOFTVK_BUILD_ID")))
}

pub fn device_uuid() -> [u8; 16] {
    build_uuid("device")
}
pub fn driver_uuid() -> [u8; 16] {
    build_uuid("driver")
}

fn fixed_string<const N: usize>(text: &str) -> [std::ffi::c_char; N] {
    let mut out = [0 as std::ffi::c_char; N];
    for (dst, src) in out.iter_mut().zip(text.bytes().take(N - 1)) {
        *dst = src as std::ffi::c_char;
    }
    out
}

pub fn limits() -> vk::PhysicalDeviceLimits {
    vk::PhysicalDeviceLimits {
        max_image_dimension1_d: 16384,
        max_image_dimension2_d: 16384,
        max_image_dimension3_d: 2048,
        max_image_dimension_cube: 16384,
        max_image_array_layers: 2048,
        max_texel_buffer_elements: 1 << 27,
        max_uniform_buffer_range: 65536,
        max_storage_buffer_range: 1 << 30,
        max_push_constants_size: 256,
        max_memory_allocation_count: 32768,
        max_sampler_allocation_count: 32768,
        buffer_image_granularity: 1,
        sparse_address_space_size: 0,
        max_bound_descriptor_sets: 8,
        max_per_stage_descriptor_samplers: 16,
        max_per_stage_descriptor_uniform_buffers: 12,
        max_per_stage_descriptor_storage_buffers: 16,
        max_per_stage_descriptor_sampled_images: 16,
        max_per_stage_descriptor_storage_images: 8,
        max_per_stage_descriptor_input_attachments: 8,
        max_per_stage_resources: 128,
        max_descriptor_set_samplers: 96,
        max_descriptor_set_uniform_buffers: 72,
        max_descriptor_set_uniform_buffers_dynamic: 8,
        max_descriptor_set_storage_buffers: 96,
        max_descriptor_set_storage_buffers_dynamic: 8,
        max_descriptor_set_sampled_images: 96,
        max_descriptor_set_storage_images: 48,
        max_descriptor_set_input_attachments: 8,
        max_vertex_input_attributes: 16,
        max_vertex_input_bindings: 16,
        max_vertex_input_attribute_offset: 2047,
        max_vertex_input_binding_stride: 2048,
        max_vertex_output_components: 64,
        max_tessellation_generation_level: 0,
        max_tessellation_patch_size: 0,
        max_tessellation_control_per_vertex_input_components: 0,
        max_tessellation_control_per_vertex_output_components: 0,
        max_tessellation_control_per_patch_output_components: 0,
        max_tessellation_control_total_output_components: 0,
        max_tessellation_evaluation_input_components: 0,
        max_tessellation_evaluation_output_components: 0,
        max_geometry_shader_invocations: 0,
        max_geometry_input_components: 0,
        max_geometry_output_components: 0,
        max_geometry_output_vertices: 0,
        max_geometry_total_output_components: 0,
        max_fragment_input_components: 64,
        max_fragment_output_attachments: 4,
        max_fragment_dual_src_attachments: 0,
        max_fragment_combined_output_resources: 4,
        max_compute_shared_memory_size: 32768,
        max_compute_work_group_count: [65535; 3],
        max_compute_work_group_invocations: shader::front::MAX_WORKGROUP_INVOCATIONS,
        max_compute_work_group_size: [1024, 1024, 64],
        sub_pixel_precision_bits: 8,
        sub_texel_precision_bits: 8,
        mipmap_precision_bits: 4,
        max_draw_indexed_index_value: u32::MAX,
        max_draw_indirect_count: 1,
        max_sampler_lod_bias: 2.0,
        max_sampler_anisotropy: 1.0,
        max_viewports: 1,
        max_viewport_dimensions: [16384, 16384],
        viewport_bounds_range: [-32768.0, 32767.0],
        viewport_sub_pixel_bits: 8,
        min_memory_map_alignment: 4096,
        min_texel_buffer_offset_alignment: 16,
        min_uniform_buffer_offset_alignment: 16,
        min_storage_buffer_offset_alignment: 16,
        min_texel_offset: -8,
        max_texel_offset: 7,
        min_texel_gather_offset: 0,
        max_texel_gather_offset: 0,
        min_interpolation_offset: 0.0,
        max_interpolation_offset: 0.0,
        sub_pixel_interpolation_offset_bits: 0,
        max_framebuffer_width: 16384,
        max_framebuffer_height: 16384,
        max_framebuffer_layers: 1024,
        framebuffer_color_sample_counts: vk::SampleCountFlags::TYPE_1,
        framebuffer_depth_sample_counts: vk::SampleCountFlags::TYPE_1,
        framebuffer_stencil_sample_counts: vk::SampleCountFlags::TYPE_1,
        framebuffer_no_attachments_sample_counts: vk::SampleCountFlags::TYPE_1,
        max_color_attachments: 4,
        sampled_image_color_sample_counts: vk::SampleCountFlags::TYPE_1,
        sampled_image_integer_sample_counts: vk::SampleCountFlags::TYPE_1,
        sampled_image_depth_sample_counts: vk::SampleCountFlags::TYPE_1,
        sampled_image_stencil_sample_counts: vk::SampleCountFlags::TYPE_1,
        storage_image_sample_counts: vk::SampleCountFlags::TYPE_1,
        max_sample_mask_words: 1,
        timestamp_compute_and_graphics: vk::TRUE,
        timestamp_period: 1.0,
        max_clip_distances: 0,
        max_cull_distances: 0,
        max_combined_clip_and_cull_distances: 0,
        discrete_queue_priorities: 2,
        point_size_range: [1.0, 1.0],
        line_width_range: [1.0, 1.0],
        point_size_granularity: 0.0,
        line_width_granularity: 0.0,
        strict_lines: vk::FALSE,
        standard_sample_locations: vk::TRUE,
        optimal_buffer_copy_offset_alignment: 16,
        optimal_buffer_copy_row_pitch_alignment: 16,
        non_coherent_atom_size: 64,
    }
}

pub fn properties() -> vk::PhysicalDeviceProperties {
    vk::PhysicalDeviceProperties {
        api_version: API_VERSION,
        driver_version: vk::make_api_version(0, 0, 1, 0),
        vendor_id: VENDOR_ID,
        device_id: DEVICE_ID,
        device_type: vk::PhysicalDeviceType::CPU,
        device_name: fixed_string(DEVICE_NAME),
        pipeline_cache_uuid: pipeline_cache_uuid(),
        limits: limits(),
        sparse_properties: vk::PhysicalDeviceSparseProperties::default(),
    }
}

/// Core 1.0 features softvk implements (and tests): robust buffer access (every shader
/// access is bounds-checked against the descriptor's range), 16-, 64-bit integers and
/// 64-bit floats in shaders, dynamically indexed arrays of descriptors, storage images of
/// every storable format, read and written without a declared format.
pub fn features() -> vk::PhysicalDeviceFeatures {
    vk::PhysicalDeviceFeatures {
        robust_buffer_access: vk::TRUE,
        shader_int64: vk::TRUE,
        shader_int16: vk::TRUE,
        shader_float64: vk::TRUE,
        shader_uniform_buffer_array_dynamic_indexing: vk::TRUE,
        shader_storage_buffer_array_dynamic_indexing: vk::TRUE,
        shader_sampled_image_array_dynamic_indexing: vk::TRUE,
        shader_storage_image_array_dynamic_indexing: vk::TRUE,
        // Storage texels convert through the view's format, whatever the shader declares.
        shader_storage_image_extended_formats: vk::TRUE,
        shader_storage_image_read_without_format: vk::TRUE,
        shader_storage_image_write_without_format: vk::TRUE,
        // Cube-array views are 2D arrays of 6n layers to storage access, and sampling
        // selects the cube by the fourth coordinate (rasterizer::shader_image).
        image_cube_array: vk::TRUE,
        ..Default::default()
    }
}

/// The subgroup operations softvk's interpreter implements, in subgroups of
/// `shader::SUBGROUP_SIZE` invocations.
pub const SUBGROUP_OPERATIONS: vk::SubgroupFeatureFlags = vk::SubgroupFeatureFlags::from_raw(
    vk::SubgroupFeatureFlags::BASIC.as_raw()
        | vk::SubgroupFeatureFlags::VOTE.as_raw()
        | vk::SubgroupFeatureFlags::ARITHMETIC.as_raw()
        | vk::SubgroupFeatureFlags::BALLOT.as_raw()
        | vk::SubgroupFeatureFlags::SHUFFLE.as_raw()
        | vk::SubgroupFeatureFlags::SHUFFLE_RELATIVE.as_raw()
        | vk::SubgroupFeatureFlags::CLUSTERED.as_raw()
        | vk::SubgroupFeatureFlags::QUAD.as_raw(),
);

/// # Safety
/// Vulkan's rules for `vkGetPhysicalDeviceProperties`.
pub unsafe extern "system" fn get_physical_device_properties(
    _physical_device: vk::PhysicalDevice,
    p_properties: *mut vk::PhysicalDeviceProperties,
) {
    guard_void("vkGetPhysicalDeviceProperties", || {
        if let Some(out) = p_properties.as_mut() {
            *out = properties();
        }
    })
}

/// # Safety
/// Vulkan's rules for `vkGetPhysicalDeviceProperties2`.
pub unsafe extern "system" fn get_physical_device_properties2(
    _physical_device: vk::PhysicalDevice,
    p_properties: *mut vk::PhysicalDeviceProperties2<'_>,
) {
    guard_void("vkGetPhysicalDeviceProperties2", || {
        let Some(out) = p_properties.as_mut() else { return };
        out.properties = properties();
        pnext::for_each_out(out.p_next, |s_type, ptr| fill_property_struct(s_type, ptr));
    })
}

/// spec: COMPUTE must be listed when a queue family supports compute. Graphics stages join
/// when they run shaders.
fn subgroup_stages() -> vk::ShaderStageFlags {
    vk::ShaderStageFlags::COMPUTE
}

/// The largest allocation (`maxMemoryAllocationSize`) and so the largest buffer that can
/// ever be bound (`maxBufferSize`, VK_KHR_maintenance4): 16 GiB.
pub const MAX_BUFFER_SIZE: u64 = 1 << 34;

/// Fills one structure of a `VkPhysicalDeviceProperties2` chain that softvk knows.
unsafe fn fill_property_struct(s_type: vk::StructureType, ptr: *mut std::ffi::c_void) {
    type S = vk::StructureType;
    match s_type {
        S::PHYSICAL_DEVICE_ID_PROPERTIES => pnext::fill(
            ptr,
            vk::PhysicalDeviceIDProperties {
                device_uuid: device_uuid(),
                driver_uuid: driver_uuid(),
                device_luid_valid: vk::FALSE,
                ..Default::default()
            },
        ),
        S::PHYSICAL_DEVICE_DRIVER_PROPERTIES => pnext::fill(
            ptr,
            vk::PhysicalDeviceDriverProperties {
                driver_id: vk::DriverId::from_raw(0), // no Khronos-registered id yet
                driver_name: fixed_string("softvk"),
                driver_info: fixed_string(concat!("softvk ", env!("CARGO_PKG_VERSION"), " (CPU, Rust)")),
                conformance_version: vk::ConformanceVersion::default(),
                ..Default::default()
            },
        ),
        S::PHYSICAL_DEVICE_VULKAN_1_1_PROPERTIES => pnext::fill(
            ptr,
            vk::PhysicalDeviceVulkan11Properties {
                device_uuid: device_uuid(),
                driver_uuid: driver_uuid(),
                subgroup_size: shader::SUBGROUP_SIZE,
                subgroup_supported_stages: subgroup_stages(),
                subgroup_supported_operations: SUBGROUP_OPERATIONS,
                point_clipping_behavior: vk::PointClippingBehavior::ALL_CLIP_PLANES,
                max_multiview_view_count: 0,
                max_multiview_instance_index: 0,
                max_per_set_descriptors: crate::descriptor::MAX_DESCRIPTORS_PER_SET as u32,
                max_memory_allocation_size: MAX_BUFFER_SIZE,
                ..Default::default()
            },
        ),
        S::PHYSICAL_DEVICE_VULKAN_1_2_PROPERTIES => pnext::fill(
            ptr,
            vk::PhysicalDeviceVulkan12Properties {
                driver_id: vk::DriverId::from_raw(0),
                driver_name: fixed_string("softvk"),
                driver_info: fixed_string(concat!("softvk ", env!("CARGO_PKG_VERSION"))),
                max_timeline_semaphore_value_difference: u64::from(u32::MAX),
                framebuffer_integer_color_sample_counts: vk::SampleCountFlags::TYPE_1,
                ..Default::default()
            },
        ),
        S::PHYSICAL_DEVICE_SUBGROUP_PROPERTIES => pnext::fill(
            ptr,
            vk::PhysicalDeviceSubgroupProperties {
                subgroup_size: shader::SUBGROUP_SIZE,
                supported_stages: subgroup_stages(),
                supported_operations: SUBGROUP_OPERATIONS,
                quad_operations_in_all_stages: vk::FALSE,
                ..Default::default()
            },
        ),
        S::PHYSICAL_DEVICE_POINT_CLIPPING_PROPERTIES => pnext::fill(
            ptr,
            vk::PhysicalDevicePointClippingProperties {
                point_clipping_behavior: vk::PointClippingBehavior::ALL_CLIP_PLANES,
                ..Default::default()
            },
        ),
        S::PHYSICAL_DEVICE_MULTIVIEW_PROPERTIES => pnext::fill(ptr, vk::PhysicalDeviceMultiviewProperties::default()),
        S::PHYSICAL_DEVICE_PROTECTED_MEMORY_PROPERTIES => {
            pnext::fill(ptr, vk::PhysicalDeviceProtectedMemoryProperties::default())
        }
        S::PHYSICAL_DEVICE_MAINTENANCE_4_PROPERTIES => pnext::fill(
            ptr,
            vk::PhysicalDeviceMaintenance4Properties { max_buffer_size: MAX_BUFFER_SIZE, ..Default::default() },
        ),
        S::PHYSICAL_DEVICE_MAINTENANCE_3_PROPERTIES => pnext::fill(
            ptr,
            vk::PhysicalDeviceMaintenance3Properties {
                max_per_set_descriptors: crate::descriptor::MAX_DESCRIPTORS_PER_SET as u32,
                max_memory_allocation_size: 1 << 34,
                ..Default::default()
            },
        ),
        S::PHYSICAL_DEVICE_EXTERNAL_MEMORY_HOST_PROPERTIES_EXT => pnext::fill(
            ptr,
            vk::PhysicalDeviceExternalMemoryHostPropertiesEXT {
                min_imported_host_pointer_alignment: crate::external_memory::HOST_POINTER_ALIGNMENT,
                ..Default::default()
            },
        ),
        // The interpreter keeps denormals, signed zeros, infinities and NaNs as IEEE does
        // and rounds to nearest even; it neither flushes denormals nor rounds toward zero.
        S::PHYSICAL_DEVICE_FLOAT_CONTROLS_PROPERTIES => pnext::fill(
            ptr,
            vk::PhysicalDeviceFloatControlsProperties {
                denorm_behavior_independence: vk::ShaderFloatControlsIndependence::ALL,
                rounding_mode_independence: vk::ShaderFloatControlsIndependence::ALL,
                shader_signed_zero_inf_nan_preserve_float16: vk::TRUE,
                shader_signed_zero_inf_nan_preserve_float32: vk::TRUE,
                shader_signed_zero_inf_nan_preserve_float64: vk::TRUE,
                shader_denorm_preserve_float16: vk::TRUE,
                shader_denorm_preserve_float32: vk::TRUE,
                shader_denorm_preserve_float64: vk::TRUE,
                shader_rounding_mode_rte_float16: vk::TRUE,
                shader_rounding_mode_rte_float32: vk::TRUE,
                shader_rounding_mode_rte_float64: vk::TRUE,
                ..Default::default()
            },
        ),
        S::PHYSICAL_DEVICE_SUBGROUP_SIZE_CONTROL_PROPERTIES => pnext::fill(
            ptr,
            vk::PhysicalDeviceSubgroupSizeControlProperties {
                min_subgroup_size: shader::SUBGROUP_SIZE,
                max_subgroup_size: shader::SUBGROUP_SIZE,
                max_compute_workgroup_subgroups: shader::front::MAX_WORKGROUP_INVOCATIONS / shader::SUBGROUP_SIZE,
                required_subgroup_size_stages: vk::ShaderStageFlags::COMPUTE,
                ..Default::default()
            },
        ),
        S::PHYSICAL_DEVICE_PUSH_DESCRIPTOR_PROPERTIES_KHR => pnext::fill(
            ptr,
            vk::PhysicalDevicePushDescriptorPropertiesKHR { max_push_descriptors: 32, ..Default::default() },
        ),
        // Integer dot products run in the interpreter like any other arithmetic, never faster
        // than the same multiplies and adds written out: no form is "accelerated" (the
        // spec requires none to be).
        S::PHYSICAL_DEVICE_SHADER_INTEGER_DOT_PRODUCT_PROPERTIES => {
            pnext::fill(ptr, vk::PhysicalDeviceShaderIntegerDotProductProperties::default())
        }
        S::PHYSICAL_DEVICE_TIMELINE_SEMAPHORE_PROPERTIES => pnext::fill(
            ptr,
            vk::PhysicalDeviceTimelineSemaphoreProperties {
                max_timeline_semaphore_value_difference: u64::from(u32::MAX),
                ..Default::default()
            },
        ),
        _ => {}
    }
}

/// # Safety
/// Vulkan's rules for `vkGetPhysicalDeviceFeatures`.
pub unsafe extern "system" fn get_physical_device_features(
    _physical_device: vk::PhysicalDevice,
    p_features: *mut vk::PhysicalDeviceFeatures,
) {
    guard_void("vkGetPhysicalDeviceFeatures", || {
        if let Some(out) = p_features.as_mut() {
            *out = features();
        }
    })
}

/// # Safety
/// Vulkan's rules for `vkGetPhysicalDeviceFeatures2`.
pub unsafe extern "system" fn get_physical_device_features2(
    _physical_device: vk::PhysicalDevice,
    p_features: *mut vk::PhysicalDeviceFeatures2<'_>,
) {
    guard_void("vkGetPhysicalDeviceFeatures2", || {
        let Some(out) = p_features.as_mut() else { return };
        out.features = features();
        pnext::for_each_out(out.p_next, |s_type, ptr| fill_feature_struct(s_type, ptr));
    })
}

/// Fills one structure of a `VkPhysicalDeviceFeatures2` chain. Every feature is false
/// unless implemented: timeline semaphores and host query reset are.
unsafe fn fill_feature_struct(s_type: vk::StructureType, ptr: *mut std::ffi::c_void) {
    type S = vk::StructureType;
    match s_type {
        S::PHYSICAL_DEVICE_VULKAN_1_1_FEATURES => pnext::fill(
            ptr,
            vk::PhysicalDeviceVulkan11Features {
                storage_buffer16_bit_access: vk::TRUE,
                uniform_and_storage_buffer16_bit_access: vk::TRUE,
                storage_push_constant16: vk::TRUE,
                variable_pointers_storage_buffer: vk::TRUE,
                variable_pointers: vk::TRUE,
                ..Default::default()
            },
        ),
        S::PHYSICAL_DEVICE_VULKAN_1_2_FEATURES => pnext::fill(
            ptr,
            vk::PhysicalDeviceVulkan12Features {
                timeline_semaphore: vk::TRUE,
                host_query_reset: vk::TRUE,
                shader_buffer_int64_atomics: vk::TRUE,
                shader_shared_int64_atomics: vk::TRUE,
                buffer_device_address: vk::TRUE,
                scalar_block_layout: vk::TRUE,
                uniform_buffer_standard_layout: vk::TRUE,
                ..Default::default()
            },
        ),
        // Buffer loads and stores move 8- and 16-bit scalars as they are (layout plans), and
        // pointers of any storage class are two words a lane, so every kind of pointer can
        // be selected, phi'd and stored: the storage and variable-pointer features hold.
        S::PHYSICAL_DEVICE_16BIT_STORAGE_FEATURES => pnext::fill(
            ptr,
            vk::PhysicalDevice16BitStorageFeatures {
                storage_buffer16_bit_access: vk::TRUE,
                uniform_and_storage_buffer16_bit_access: vk::TRUE,
                storage_push_constant16: vk::TRUE,
                ..Default::default()
            },
        ),
        S::PHYSICAL_DEVICE_8BIT_STORAGE_FEATURES => pnext::fill(
            ptr,
            vk::PhysicalDevice8BitStorageFeatures {
                storage_buffer8_bit_access: vk::TRUE,
                uniform_and_storage_buffer8_bit_access: vk::TRUE,
                storage_push_constant8: vk::TRUE,
                ..Default::default()
            },
        ),
        S::PHYSICAL_DEVICE_SHADER_FLOAT16_INT8_FEATURES => pnext::fill(
            ptr,
            vk::PhysicalDeviceShaderFloat16Int8Features { shader_float16: vk::TRUE, shader_int8: vk::TRUE, ..Default::default() },
        ),
        // Subgroup operations work on every scalar width the interpreter has.
        S::PHYSICAL_DEVICE_SHADER_SUBGROUP_EXTENDED_TYPES_FEATURES => pnext::fill(
            ptr,
            vk::PhysicalDeviceShaderSubgroupExtendedTypesFeatures { shader_subgroup_extended_types: vk::TRUE, ..Default::default() },
        ),
        // One subgroup size, 8, and compute subgroups are always whole except the last one
        // of a workgroup whose size is not a multiple of 8.
        S::PHYSICAL_DEVICE_SUBGROUP_SIZE_CONTROL_FEATURES => pnext::fill(
            ptr,
            vk::PhysicalDeviceSubgroupSizeControlFeatures {
                subgroup_size_control: vk::TRUE,
                compute_full_subgroups: vk::TRUE,
                ..Default::default()
            },
        ),
        // Every buffer and image access is an atomic, atomics are acquire-release, and
        // barriers are fences: the Vulkan memory model's orderings at every scope.
        S::PHYSICAL_DEVICE_VULKAN_MEMORY_MODEL_FEATURES => pnext::fill(
            ptr,
            vk::PhysicalDeviceVulkanMemoryModelFeatures {
                vulkan_memory_model: vk::TRUE,
                vulkan_memory_model_device_scope: vk::TRUE,
                vulkan_memory_model_availability_visibility_chains: vk::TRUE,
                ..Default::default()
            },
        ),
        // Shaders reach memory allocated with DEVICE_ADDRESS through its addresses (see
        // device_address.rs); no capture/replay of addresses, one device.
        S::PHYSICAL_DEVICE_BUFFER_DEVICE_ADDRESS_FEATURES => pnext::fill(
            ptr,
            vk::PhysicalDeviceBufferDeviceAddressFeatures { buffer_device_address: vk::TRUE, ..Default::default() },
        ),
        // Pipelines can be asked not to compile (FAIL_ON_PIPELINE_COMPILE_REQUIRED: only a
        // pipeline cache hit creates one), and caches are locked whatever their flags.
        S::PHYSICAL_DEVICE_PIPELINE_CREATION_CACHE_CONTROL_FEATURES => pnext::fill(
            ptr,
            vk::PhysicalDevicePipelineCreationCacheControlFeatures { pipeline_creation_cache_control: vk::TRUE, ..Default::default() },
        ),
        S::PHYSICAL_DEVICE_ZERO_INITIALIZE_WORKGROUP_MEMORY_FEATURES => pnext::fill(
            ptr,
            vk::PhysicalDeviceZeroInitializeWorkgroupMemoryFeatures {
                shader_zero_initialize_workgroup_memory: vk::TRUE,
                ..Default::default()
            },
        ),
        S::PHYSICAL_DEVICE_MULTIVIEW_FEATURES => pnext::fill(ptr, vk::PhysicalDeviceMultiviewFeatures::default()),
        S::PHYSICAL_DEVICE_VARIABLE_POINTERS_FEATURES => pnext::fill(
            ptr,
            vk::PhysicalDeviceVariablePointersFeatures {
                variable_pointers_storage_buffer: vk::TRUE,
                variable_pointers: vk::TRUE,
                ..Default::default()
            },
        ),
        S::PHYSICAL_DEVICE_PROTECTED_MEMORY_FEATURES => {
            pnext::fill(ptr, vk::PhysicalDeviceProtectedMemoryFeatures::default())
        }
        S::PHYSICAL_DEVICE_SAMPLER_YCBCR_CONVERSION_FEATURES => {
            pnext::fill(ptr, vk::PhysicalDeviceSamplerYcbcrConversionFeatures::default())
        }
        S::PHYSICAL_DEVICE_SHADER_DRAW_PARAMETERS_FEATURES => {
            pnext::fill(ptr, vk::PhysicalDeviceShaderDrawParametersFeatures::default())
        }
        // Buffer members are read and written at their Offset decorations, element by
        // element, whatever the alignment (shader::memory handles unaligned units), so
        // scalar and std430 layouts work in every block, uniform blocks included.
        S::PHYSICAL_DEVICE_SCALAR_BLOCK_LAYOUT_FEATURES => pnext::fill(
            ptr,
            vk::PhysicalDeviceScalarBlockLayoutFeatures { scalar_block_layout: vk::TRUE, ..Default::default() },
        ),
        S::PHYSICAL_DEVICE_UNIFORM_BUFFER_STANDARD_LAYOUT_FEATURES => pnext::fill(
            ptr,
            vk::PhysicalDeviceUniformBufferStandardLayoutFeatures { uniform_buffer_standard_layout: vk::TRUE, ..Default::default() },
        ),
        // Atomics are read-modify-write loops on aligned 32- and 64-bit words (buffers,
        // images) or plain updates in lockstep (workgroup memory), whatever the type.
        S::PHYSICAL_DEVICE_SHADER_ATOMIC_INT64_FEATURES => pnext::fill(
            ptr,
            vk::PhysicalDeviceShaderAtomicInt64Features {
                shader_buffer_int64_atomics: vk::TRUE,
                shader_shared_int64_atomics: vk::TRUE,
                ..Default::default()
            },
        ),
        // Float atomics take the same paths; image ones need an R32_SFLOAT texel (no
        // sparse images).
        S::PHYSICAL_DEVICE_SHADER_ATOMIC_FLOAT_FEATURES_EXT => pnext::fill(
            ptr,
            vk::PhysicalDeviceShaderAtomicFloatFeaturesEXT {
                shader_buffer_float32_atomics: vk::TRUE,
                shader_buffer_float32_atomic_add: vk::TRUE,
                shader_buffer_float64_atomics: vk::TRUE,
                shader_buffer_float64_atomic_add: vk::TRUE,
                shader_shared_float32_atomics: vk::TRUE,
                shader_shared_float32_atomic_add: vk::TRUE,
                shader_shared_float64_atomics: vk::TRUE,
                shader_shared_float64_atomic_add: vk::TRUE,
                shader_image_float32_atomics: vk::TRUE,
                shader_image_float32_atomic_add: vk::TRUE,
                ..Default::default()
            },
        ),
        // Float min and max take the same loops at 32 and 64 bits; 16-bit float atomics
        // would need 16-bit words, which the loops do not update.
        S::PHYSICAL_DEVICE_SHADER_ATOMIC_FLOAT_2_FEATURES_EXT => pnext::fill(
            ptr,
            vk::PhysicalDeviceShaderAtomicFloat2FeaturesEXT {
                shader_buffer_float32_atomic_min_max: vk::TRUE,
                shader_buffer_float64_atomic_min_max: vk::TRUE,
                shader_shared_float32_atomic_min_max: vk::TRUE,
                shader_shared_float64_atomic_min_max: vk::TRUE,
                shader_image_float32_atomic_min_max: vk::TRUE,
                ..Default::default()
            },
        ),
        // Commands run in order on one thread: barriers of either form only need checking,
        // and vkQueueSubmit2 batches become the same submissions as vkQueueSubmit's.
        S::PHYSICAL_DEVICE_SYNCHRONIZATION_2_FEATURES => pnext::fill(
            ptr,
            vk::PhysicalDeviceSynchronization2Features { synchronization2: vk::TRUE, ..Default::default() },
        ),
        // VK_KHR_maintenance4: objects are reference-counted (a pipeline layout may go once
        // used), LocalSizeId is compiled, requirements depend only on a resource's shape.
        S::PHYSICAL_DEVICE_MAINTENANCE_4_FEATURES => {
            pnext::fill(ptr, vk::PhysicalDeviceMaintenance4Features { maintenance4: vk::TRUE, ..Default::default() })
        }
        // WSI (`wsi::swapchain`): presents carry ids and can be waited for; a present can
        // switch mode, signal a fence, and acquired images can go back unpresented.
        S::PHYSICAL_DEVICE_PRESENT_ID_FEATURES_KHR => {
            pnext::fill(ptr, vk::PhysicalDevicePresentIdFeaturesKHR { present_id: vk::TRUE, ..Default::default() })
        }
        S::PHYSICAL_DEVICE_PRESENT_WAIT_FEATURES_KHR => {
            pnext::fill(ptr, vk::PhysicalDevicePresentWaitFeaturesKHR { present_wait: vk::TRUE, ..Default::default() })
        }
        S::PHYSICAL_DEVICE_SWAPCHAIN_MAINTENANCE_1_FEATURES_EXT => pnext::fill(
            ptr,
            vk::PhysicalDeviceSwapchainMaintenance1FeaturesEXT { swapchain_maintenance1: vk::TRUE, ..Default::default() },
        ),
        // Any object of the device can carry a value per private data slot.
        S::PHYSICAL_DEVICE_PRIVATE_DATA_FEATURES => {
            pnext::fill(ptr, vk::PhysicalDevicePrivateDataFeatures { private_data: vk::TRUE, ..Default::default() })
        }
        // OpSDot, OpUDot, OpSUDot and their AccSat forms on integer vectors of every width
        // and on 4x8-bit packed u32s (shader::front::integer_dot).
        S::PHYSICAL_DEVICE_SHADER_INTEGER_DOT_PRODUCT_FEATURES => pnext::fill(
            ptr,
            vk::PhysicalDeviceShaderIntegerDotProductFeatures { shader_integer_dot_product: vk::TRUE, ..Default::default() },
        ),
        S::PHYSICAL_DEVICE_TIMELINE_SEMAPHORE_FEATURES => pnext::fill(
            ptr,
            vk::PhysicalDeviceTimelineSemaphoreFeatures { timeline_semaphore: vk::TRUE, ..Default::default() },
        ),
        S::PHYSICAL_DEVICE_HOST_QUERY_RESET_FEATURES => pnext::fill(
            ptr,
            vk::PhysicalDeviceHostQueryResetFeatures { host_query_reset: vk::TRUE, ..Default::default() },
        ),
        _ => {}
    }
}

pub fn queue_family_properties() -> vk::QueueFamilyProperties {
    vk::QueueFamilyProperties {
        queue_flags: QUEUE_FLAGS,
        queue_count: 1,
        timestamp_valid_bits: 64,
        min_image_transfer_granularity: vk::Extent3D { width: 1, height: 1, depth: 1 },
    }
}

/// # Safety
/// Vulkan's rules for `vkGetPhysicalDeviceQueueFamilyProperties`.
pub unsafe extern "system" fn get_physical_device_queue_family_properties(
    _physical_device: vk::PhysicalDevice,
    p_count: *mut u32,
    p_properties: *mut vk::QueueFamilyProperties,
) {
    guard_void("vkGetPhysicalDeviceQueueFamilyProperties", || {
        let _ = write_array(&[queue_family_properties()], p_count, p_properties);
    })
}

/// # Safety
/// Vulkan's rules for `vkGetPhysicalDeviceQueueFamilyProperties2`.
pub unsafe extern "system" fn get_physical_device_queue_family_properties2(
    _physical_device: vk::PhysicalDevice,
    p_count: *mut u32,
    p_properties: *mut vk::QueueFamilyProperties2<'_>,
) {
    guard_void("vkGetPhysicalDeviceQueueFamilyProperties2", || {
        let _ = fill_array(1, p_count, p_properties, |_, out| out.queue_family_properties = queue_family_properties());
    })
}

pub const MEMORY_TYPE_FLAGS: vk::MemoryPropertyFlags = vk::MemoryPropertyFlags::from_raw(
    vk::MemoryPropertyFlags::DEVICE_LOCAL.as_raw()
        | vk::MemoryPropertyFlags::HOST_VISIBLE.as_raw()
        | vk::MemoryPropertyFlags::HOST_COHERENT.as_raw()
        | vk::MemoryPropertyFlags::HOST_CACHED.as_raw(),
);

pub fn memory_properties(device: &PhysicalDevice) -> vk::PhysicalDeviceMemoryProperties {
    let mut props =
        vk::PhysicalDeviceMemoryProperties { memory_type_count: 1, memory_heap_count: 1, ..Default::default() };
    props.memory_types[0] = vk::MemoryType { property_flags: MEMORY_TYPE_FLAGS, heap_index: 0 };
    props.memory_heaps[0] = vk::MemoryHeap { size: device.memory_heap_size, flags: vk::MemoryHeapFlags::DEVICE_LOCAL };
    props
}

/// # Safety
/// Vulkan's rules for `vkGetPhysicalDeviceMemoryProperties`.
pub unsafe extern "system" fn get_physical_device_memory_properties(
    physical_device: vk::PhysicalDevice,
    p_properties: *mut vk::PhysicalDeviceMemoryProperties,
) {
    guard_void("vkGetPhysicalDeviceMemoryProperties", || {
        let Ok(device) = dispatchable::<PhysicalDevice>(physical_device) else { return };
        if let Some(out) = p_properties.as_mut() {
            *out = memory_properties(device);
        }
    })
}

/// # Safety
/// Vulkan's rules for `vkGetPhysicalDeviceMemoryProperties2`.
pub unsafe extern "system" fn get_physical_device_memory_properties2(
    physical_device: vk::PhysicalDevice,
    p_properties: *mut vk::PhysicalDeviceMemoryProperties2<'_>,
) {
    guard_void("vkGetPhysicalDeviceMemoryProperties2", || {
        let Ok(device) = dispatchable::<PhysicalDevice>(physical_device) else { return };
        if let Some(out) = p_properties.as_mut() {
            out.memory_properties = memory_properties(device);
        }
    })
}

/// # Safety
/// Vulkan's rules for `vkGetPhysicalDeviceFormatProperties`.
pub unsafe extern "system" fn get_physical_device_format_properties(
    _physical_device: vk::PhysicalDevice,
    format: vk::Format,
    p_properties: *mut vk::FormatProperties,
) {
    guard_void("vkGetPhysicalDeviceFormatProperties", || {
        if let Some(out) = p_properties.as_mut() {
            *out = format::properties(format);
        }
    })
}

/// # Safety
/// Vulkan's rules for `vkGetPhysicalDeviceFormatProperties2`.
pub unsafe extern "system" fn get_physical_device_format_properties2(
    _physical_device: vk::PhysicalDevice,
    format: vk::Format,
    p_properties: *mut vk::FormatProperties2<'_>,
) {
    guard_void("vkGetPhysicalDeviceFormatProperties2", || {
        if let Some(out) = p_properties.as_mut() {
            out.format_properties = format::properties(format);
            pnext::for_each_out(out.p_next, |s_type, ptr| {
                if s_type == vk::StructureType::FORMAT_PROPERTIES_3 {
                    let [linear, optimal, buffer] = format::properties2(format);
                    let value = vk::FormatProperties3 {
                        linear_tiling_features: linear,
                        optimal_tiling_features: optimal,
                        buffer_features: buffer,
                        ..Default::default()
                    };
                    pnext::fill(ptr, value);
                }
            });
        }
    })
}

/// The format features an image usage needs (spec: "Image Creation Limits").
fn features_for_usage(usage: vk::ImageUsageFlags) -> vk::FormatFeatureFlags {
    type U = vk::ImageUsageFlags;
    type F = vk::FormatFeatureFlags;
    let mut needed = F::empty();
    for (bit, feature) in [
        (U::TRANSFER_SRC, F::TRANSFER_SRC),
        (U::TRANSFER_DST, F::TRANSFER_DST),
        (U::SAMPLED, F::SAMPLED_IMAGE),
        (U::STORAGE, F::STORAGE_IMAGE),
        (U::COLOR_ATTACHMENT, F::COLOR_ATTACHMENT),
        (U::DEPTH_STENCIL_ATTACHMENT, F::DEPTH_STENCIL_ATTACHMENT),
        // No attachments yet: input and transient attachments need attachment support.
        (U::INPUT_ATTACHMENT, F::COLOR_ATTACHMENT),
        (U::TRANSIENT_ATTACHMENT, F::COLOR_ATTACHMENT),
    ] {
        if usage.contains(bit) {
            needed |= feature;
        }
    }
    needed
}

/// What an image of this kind may be, or `ERROR_FORMAT_NOT_SUPPORTED`.
pub fn image_format_properties(
    format: vk::Format,
    image_type: vk::ImageType,
    tiling: vk::ImageTiling,
    usage: vk::ImageUsageFlags,
    flags: vk::ImageCreateFlags,
) -> Result<vk::ImageFormatProperties, vk::Result> {
    let unsupported = Err(vk::Result::ERROR_FORMAT_NOT_SUPPORTED);
    let Some(info) = format::describe(format) else { return unsupported };
    let props = format::properties(format);
    let features = match tiling {
        vk::ImageTiling::LINEAR => props.linear_tiling_features,
        vk::ImageTiling::OPTIMAL => props.optimal_tiling_features,
        _ => return unsupported,
    };
    if features.is_empty() || !features.contains(features_for_usage(usage)) {
        return unsupported;
    }
    let supported_flags = vk::ImageCreateFlags::MUTABLE_FORMAT
        | vk::ImageCreateFlags::CUBE_COMPATIBLE
        | vk::ImageCreateFlags::TYPE_2D_ARRAY_COMPATIBLE
        | vk::ImageCreateFlags::EXTENDED_USAGE
        | vk::ImageCreateFlags::ALIAS;
    if !supported_flags.contains(flags) {
        return unsupported;
    }
    if flags.contains(vk::ImageCreateFlags::CUBE_COMPATIBLE) && image_type != vk::ImageType::TYPE_2D {
        return unsupported;
    }
    if flags.contains(vk::ImageCreateFlags::TYPE_2D_ARRAY_COMPATIBLE) && image_type != vk::ImageType::TYPE_3D {
        return unsupported;
    }
    let is_depth_stencil = info.aspects.intersects(vk::ImageAspectFlags::DEPTH | vk::ImageAspectFlags::STENCIL);
    // Block-compressed images are 2D (BC, ETC2 and ASTC LDR have no 1D or 3D forms here).
    if info.is_compressed() && image_type != vk::ImageType::TYPE_2D {
        return unsupported;
    }
    let limits = limits();
    let (max_extent, max_layers) = match image_type {
        vk::ImageType::TYPE_1D if !is_depth_stencil => {
            (vk::Extent3D { width: limits.max_image_dimension1_d, height: 1, depth: 1 }, limits.max_image_array_layers)
        }
        vk::ImageType::TYPE_2D => (
            vk::Extent3D { width: limits.max_image_dimension2_d, height: limits.max_image_dimension2_d, depth: 1 },
            limits.max_image_array_layers,
        ),
        vk::ImageType::TYPE_3D if !is_depth_stencil => (
            vk::Extent3D {
                width: limits.max_image_dimension3_d,
                height: limits.max_image_dimension3_d,
                depth: limits.max_image_dimension3_d,
            },
            1,
        ),
        _ => return unsupported,
    };
    let largest = max_extent.width.max(max_extent.height).max(max_extent.depth);
    Ok(vk::ImageFormatProperties {
        max_extent,
        max_mip_levels: 32 - largest.leading_zeros(),
        max_array_layers: max_layers,
        sample_counts: vk::SampleCountFlags::TYPE_1,
        max_resource_size: 1 << 36,
    })
}

/// # Safety
/// Vulkan's rules for `vkGetPhysicalDeviceImageFormatProperties`.
pub unsafe extern "system" fn get_physical_device_image_format_properties(
    _physical_device: vk::PhysicalDevice,
    format: vk::Format,
    image_type: vk::ImageType,
    tiling: vk::ImageTiling,
    usage: vk::ImageUsageFlags,
    flags: vk::ImageCreateFlags,
    p_properties: *mut vk::ImageFormatProperties,
) -> vk::Result {
    guard("vkGetPhysicalDeviceImageFormatProperties", || {
        // An unsupported combination fills every member with zero (spec), then fails.
        let props = image_format_properties(format, image_type, tiling, usage, flags);
        crate::entry::write_out(p_properties, props.unwrap_or_default())?;
        props.map(|_| vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkGetPhysicalDeviceImageFormatProperties2`.
pub unsafe extern "system" fn get_physical_device_image_format_properties2(
    _physical_device: vk::PhysicalDevice,
    p_info: *const vk::PhysicalDeviceImageFormatInfo2<'_>,
    p_properties: *mut vk::ImageFormatProperties2<'_>,
) -> vk::Result {
    guard("vkGetPhysicalDeviceImageFormatProperties2", || {
        let info = read_in(p_info)?;
        let out = p_properties.as_mut().ok_or(crate::entry::INVALID_USAGE)?;
        // Zero until the combination is known to be supported (spec: an unsupported one
        // leaves every member of VkImageFormatProperties zero).
        out.image_format_properties = vk::ImageFormatProperties::default();
        let external = pnext::find_in::<vk::PhysicalDeviceExternalImageFormatInfo>(info.p_next)
            .filter(|ext| !ext.handle_type.is_empty());
        let external_properties = match external {
            Some(ext) => Some(crate::external_memory::memory_properties(ext.handle_type).ok_or_else(|| {
                tracing::debug!("images cannot be external as {:?}", ext.handle_type);
                vk::Result::ERROR_FORMAT_NOT_SUPPORTED
            })?),
            None => None,
        };
        pnext::for_each_out(out.p_next, |s_type, ptr| {
            if s_type == vk::StructureType::EXTERNAL_IMAGE_FORMAT_PROPERTIES {
                let external_memory_properties = external_properties.unwrap_or_default();
                pnext::fill(
                    ptr,
                    vk::ExternalImageFormatProperties { external_memory_properties, ..Default::default() },
                );
            }
        });
        out.image_format_properties =
            image_format_properties(info.format, info.ty, info.tiling, info.usage, info.flags)?;
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkGetPhysicalDeviceSparseImageFormatProperties`.
pub unsafe extern "system" fn get_physical_device_sparse_image_format_properties(
    _physical_device: vk::PhysicalDevice,
    _format: vk::Format,
    _ty: vk::ImageType,
    _samples: vk::SampleCountFlags,
    _usage: vk::ImageUsageFlags,
    _tiling: vk::ImageTiling,
    p_count: *mut u32,
    p_properties: *mut vk::SparseImageFormatProperties,
) {
    guard_void("vkGetPhysicalDeviceSparseImageFormatProperties", || {
        let _ = write_array::<vk::SparseImageFormatProperties>(&[], p_count, p_properties);
    })
}

/// # Safety
/// Vulkan's rules for `vkGetPhysicalDeviceSparseImageFormatProperties2`.
pub unsafe extern "system" fn get_physical_device_sparse_image_format_properties2(
    _physical_device: vk::PhysicalDevice,
    _p_info: *const vk::PhysicalDeviceSparseImageFormatInfo2<'_>,
    p_count: *mut u32,
    p_properties: *mut vk::SparseImageFormatProperties2<'_>,
) {
    guard_void("vkGetPhysicalDeviceSparseImageFormatProperties2", || {
        let _ = fill_array(0, p_count, p_properties, |_, _| {});
    })
}

/// # Safety
/// Vulkan's rules for `vkEnumerateDeviceExtensionProperties`.
pub unsafe extern "system" fn enumerate_device_extension_properties(
    _physical_device: vk::PhysicalDevice,
    p_layer_name: *const std::ffi::c_char,
    p_count: *mut u32,
    p_properties: *mut vk::ExtensionProperties,
) -> vk::Result {
    guard("vkEnumerateDeviceExtensionProperties", || {
        if !p_layer_name.is_null() {
            return Err(vk::Result::ERROR_LAYER_NOT_PRESENT);
        }
        write_array(&extensions::properties(DEVICE_EXTENSIONS), p_count, p_properties)
    })
}

/// # Safety
/// Vulkan's rules for `vkEnumerateDeviceLayerProperties`.
pub unsafe extern "system" fn enumerate_device_layer_properties(
    _physical_device: vk::PhysicalDevice,
    p_count: *mut u32,
    p_properties: *mut vk::LayerProperties,
) -> vk::Result {
    guard("vkEnumerateDeviceLayerProperties", || write_array::<vk::LayerProperties>(&[], p_count, p_properties))
}

/// The tools softvk itself runs inside the driver (VK_EXT_tooling_info): the shader dump
/// of `SOFTVK_DUMP_SHADERS` while it is set. Layers add their own entries on the way.
fn active_tools() -> Vec<vk::PhysicalDeviceToolProperties<'static>> {
    let mut tools = Vec::new();
    if crate::pipeline::dump::enabled() {
        tools.push(vk::PhysicalDeviceToolProperties {
            name: fixed_string("softvk shader dump"),
            version: fixed_string(env!("CARGO_PKG_VERSION")),
            purposes: vk::ToolPurposeFlags::TRACING,
            description: fixed_string("writes each compiled shader's SPIR-V and IR to SOFTVK_DUMP_SHADERS"),
            ..Default::default()
        });
    }
    tools
}

/// # Safety
/// Vulkan's rules for `vkGetPhysicalDeviceToolPropertiesEXT`.
pub unsafe extern "system" fn get_physical_device_tool_properties(
    _physical_device: vk::PhysicalDevice,
    p_count: *mut u32,
    p_properties: *mut vk::PhysicalDeviceToolProperties<'_>,
) -> vk::Result {
    guard("vkGetPhysicalDeviceToolPropertiesEXT", || {
        let tools = active_tools();
        fill_array(tools.len(), p_count, p_properties, |i, out| {
            // The application's sType and pNext stay; the rest is the tool's.
            let (s_type, p_next) = (out.s_type, out.p_next);
            *out = vk::PhysicalDeviceToolProperties { s_type, p_next, ..tools[i] };
        })
    })
}
