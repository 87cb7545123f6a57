//! Every requirement of the Vulkan specification's tables that a Vulkan 1.1 device must
//! meet, checked against what the device under test reports: the Required Limits table
//! (with its footnotes and the relations the limit descriptions state), the Feature
//! Requirements of Vulkan 1.0, 1.1 and of every extension the device advertises, and the
//! Required Format Support tables. The tables are `softvk_tests::spec_tables`, transcribed
//! from the specification (see its documentation for the sources).
//!
//! On softvk the set of requirements not met must be exactly [`UNMET_ON_SOFTVK`], so that
//! a regression fails and so does meeting one (remove it from the list then). On any other
//! driver (`SOFTVK_TEST_ICD`, lavapipe) nothing may be unmet, which checks the tables.
//! A device reporting a newer version is checked against the 1.0/1.1 requirements only:
//! the instance asks for 1.1.
//!
//! Requirements are named so that the list reads on its own: `limit <name> >= <value>`,
//! `limit <name> includes <bit>`, `feature <name> (<required by>)`,
//! `format <FORMAT> optimal|buffer <FLAG>`, `formats <a>|<b> optimal <FLAGS> (one of)`.
//! The test prints how many it checked per category; `SOFTVK_TEST_LIST_REQUIREMENTS=1`
//! (with `--nocapture`) lists every one with what the device reports.

use ash::vk;
use softvk_tests::spec_tables::{self as spec, Bound, Kind, Scope};
use softvk_tests::*;
use std::collections::{BTreeMap, HashMap};
use std::ffi::c_void;

/// One or more requirements softvk does not meet yet: `what` names the requirement, with
/// `{}` replaced by each of `subjects` when there are any.
struct Unmet {
    what: &'static str,
    subjects: &'static [&'static str],
    why: &'static str,
}

const fn unmet(what: &'static str, why: &'static str) -> Unmet {
    Unmet { what, subjects: &[], why }
}

const fn unmet_for(what: &'static str, subjects: &'static [&'static str], why: &'static str) -> Unmet {
    Unmet { what, subjects, why }
}

const NO_RENDER_PASSES: &str = "graphics (render passes, attachments) is another issue";
const NO_BLENDING: &str = "graphics: no blending without colour attachments";
const NO_VERTEX_INPUT: &str = "graphics: no vertex input without graphics pipelines";
const MULTIVIEW_LIMIT: &str = "graphics: multiview is another issue (the limit alone could be reported already)";
const NO_MSAA: &str = "graphics: no multisampled images or attachments yet (4x MSAA)";

/// The formats the Required Format Support tables require to support COLOR_ATTACHMENT.
const COLOR_ATTACHMENT_FORMATS: &[&str] = &[
    "R5G6B5_UNORM_PACK16",
    "A1R5G5B5_UNORM_PACK16",
    "R8_UNORM",
    "R8_UINT",
    "R8_SINT",
    "R8G8_UNORM",
    "R8G8_UINT",
    "R8G8_SINT",
    "R8G8B8A8_UNORM",
    "R8G8B8A8_UINT",
    "R8G8B8A8_SINT",
    "R8G8B8A8_SRGB",
    "B8G8R8A8_UNORM",
    "B8G8R8A8_SRGB",
    "A8B8G8R8_UNORM_PACK32",
    "A8B8G8R8_UINT_PACK32",
    "A8B8G8R8_SINT_PACK32",
    "A8B8G8R8_SRGB_PACK32",
    "A2B10G10R10_UNORM_PACK32",
    "A2B10G10R10_UINT_PACK32",
    "R16_UINT",
    "R16_SINT",
    "R16_SFLOAT",
    "R16G16_UINT",
    "R16G16_SINT",
    "R16G16_SFLOAT",
    "R16G16B16A16_UINT",
    "R16G16B16A16_SINT",
    "R16G16B16A16_SFLOAT",
    "R32_UINT",
    "R32_SINT",
    "R32_SFLOAT",
    "R32G32_UINT",
    "R32G32_SINT",
    "R32G32_SFLOAT",
    "R32G32B32A32_UINT",
    "R32G32B32A32_SINT",
    "R32G32B32A32_SFLOAT",
];

/// The formats the tables require to support COLOR_ATTACHMENT_BLEND.
const BLEND_FORMATS: &[&str] = &[
    "R5G6B5_UNORM_PACK16",
    "A1R5G5B5_UNORM_PACK16",
    "R8_UNORM",
    "R8G8_UNORM",
    "R8G8B8A8_UNORM",
    "R8G8B8A8_SRGB",
    "B8G8R8A8_UNORM",
    "B8G8R8A8_SRGB",
    "A8B8G8R8_UNORM_PACK32",
    "A8B8G8R8_SRGB_PACK32",
    "A2B10G10R10_UNORM_PACK32",
    "R16_SFLOAT",
    "R16G16_SFLOAT",
    "R16G16B16A16_SFLOAT",
];

/// The formats the tables require to support VERTEX_BUFFER.
const VERTEX_BUFFER_FORMATS: &[&str] = &[
    "R8_UNORM",
    "R8_SNORM",
    "R8_UINT",
    "R8_SINT",
    "R8G8_UNORM",
    "R8G8_SNORM",
    "R8G8_UINT",
    "R8G8_SINT",
    "R8G8B8A8_UNORM",
    "R8G8B8A8_SNORM",
    "R8G8B8A8_UINT",
    "R8G8B8A8_SINT",
    "B8G8R8A8_UNORM",
    "A8B8G8R8_UNORM_PACK32",
    "A8B8G8R8_SNORM_PACK32",
    "A8B8G8R8_UINT_PACK32",
    "A8B8G8R8_SINT_PACK32",
    "A2B10G10R10_UNORM_PACK32",
    "R16_UNORM",
    "R16_SNORM",
    "R16_UINT",
    "R16_SINT",
    "R16_SFLOAT",
    "R16G16_UNORM",
    "R16G16_SNORM",
    "R16G16_UINT",
    "R16G16_SINT",
    "R16G16_SFLOAT",
    "R16G16B16A16_UNORM",
    "R16G16B16A16_SNORM",
    "R16G16B16A16_UINT",
    "R16G16B16A16_SINT",
    "R16G16B16A16_SFLOAT",
    "R32_UINT",
    "R32_SINT",
    "R32_SFLOAT",
    "R32G32_UINT",
    "R32G32_SINT",
    "R32G32_SFLOAT",
    "R32G32B32_UINT",
    "R32G32B32_SINT",
    "R32G32B32_SFLOAT",
    "R32G32B32A32_UINT",
    "R32G32B32A32_SINT",
    "R32G32B32A32_SFLOAT",
];

/// What softvk does not meet yet, grouped. Graphics (render passes, attachments, blending,
/// vertex input, multiview, multisampling) belongs to another issue.
const UNMET_ON_SOFTVK: &[Unmet] = &[
    // Limits
    unmet_for("limit {} includes 4", &[
        "framebufferColorSampleCounts",
        "framebufferDepthSampleCounts",
        "framebufferStencilSampleCounts",
        "framebufferNoAttachmentsSampleCounts",
        "sampledImageColorSampleCounts",
        "sampledImageDepthSampleCounts",
        "sampledImageStencilSampleCounts",
    ], NO_MSAA),
    unmet("limit maxMultiviewViewCount >= 6", MULTIVIEW_LIMIT),
    unmet("limit maxMultiviewInstanceIndex >= 134217727", MULTIVIEW_LIMIT),
    // Features
    unmet("feature multiview (VK_VERSION_1_1)", "graphics: multiview render passes are another issue"),
    // Formats
    unmet_for("format {} optimal COLOR_ATTACHMENT", COLOR_ATTACHMENT_FORMATS, NO_RENDER_PASSES),
    unmet_for("format {} optimal COLOR_ATTACHMENT_BLEND", BLEND_FORMATS, NO_BLENDING),
    unmet_for("format {} buffer VERTEX_BUFFER", VERTEX_BUFFER_FORMATS, NO_VERTEX_INPUT),
    unmet("format D16_UNORM optimal DEPTH_STENCIL_ATTACHMENT", NO_RENDER_PASSES),
    unmet(
        "formats X8_D24_UNORM_PACK32|D32_SFLOAT optimal DEPTH_STENCIL_ATTACHMENT (one of)",
        NO_RENDER_PASSES,
    ),
    unmet(
        "formats D24_UNORM_S8_UINT|D32_SFLOAT_S8_UINT optimal DEPTH_STENCIL_ATTACHMENT (one of)",
        NO_RENDER_PASSES,
    ),
    // Not graphics: the footnote of the BC, ETC2 and ASTC tables requires one family
    // whatever the textureCompression* features say (all false on softvk).
    unmet(
        "formats BC|ETC2|ASTC_LDR optimal SAMPLED_IMAGE+BLIT_SRC+SAMPLED_IMAGE_FILTER_LINEAR+TRANSFER_SRC+TRANSFER_DST (one of)",
        "no compressed format family yet: sampling needs a BC, ETC2 or ASTC LDR decoder",
    ),
];

// ------------------------------------------------------------------------------------------
// What the device reports
// ------------------------------------------------------------------------------------------

/// A feature structure as raw memory: `sType`, `pNext`, then `VkBool32` members (every
/// feature structure has this layout; `VkPhysicalDeviceFeatures2` embeds
/// `VkPhysicalDeviceFeatures`, 55 of them).
#[repr(C)]
struct RawFeatures {
    s_type: vk::StructureType,
    p_next: *mut c_void,
    members: [vk::Bool32; 64],
}

struct Device {
    name: String,
    api_version: u32,
    extensions: Vec<String>,
    /// Feature structure name -> its members, for the structures that could be queried.
    features: HashMap<&'static str, Vec<vk::Bool32>>,
    /// Limit or property name -> value (bitmasks as their raw value).
    limits: BTreeMap<&'static str, f64>,
    /// The limits of [`Scope::Core10`] rows: every member of VkPhysicalDeviceLimits.
    limit_names: Vec<&'static str>,
    queue_families: Vec<vk::QueueFamilyProperties>,
    formats: HashMap<vk::Format, vk::FormatProperties>,
}

impl Device {
    fn advertises(&self, extension: &str) -> bool {
        self.extensions.iter().any(|e| e == extension)
    }

    fn has(&self, scope: Scope) -> bool {
        match scope {
            Scope::Core10 | Scope::Core11 => true,
            Scope::Extension(name) => self.advertises(name),
        }
    }

    /// A feature's value; None when its structure could not be queried.
    fn feature(&self, structure: &str, member: &str) -> Option<bool> {
        let index = spec::member_index(structure, member)
            .unwrap_or_else(|| panic!("spec_tables names {structure}::{member} without its index"));
        self.features.get(structure).map(|members| members[index] != vk::FALSE)
    }

    fn core_feature(&self, member: &str) -> bool {
        self.feature("VkPhysicalDeviceFeatures", member).expect("VkPhysicalDeviceFeatures is always queried")
    }

    fn limit(&self, name: &str) -> f64 {
        *self.limits.get(name).unwrap_or_else(|| panic!("no device value for limit {name}"))
    }

    fn format(&self, format: vk::Format) -> vk::FormatProperties {
        self.formats[&format]
    }

    /// A `vk.xml` dependency expression (see spec_tables): `,` or, `+` and, parentheses.
    fn holds(&self, expression: &str) -> bool {
        let tokens = tokenize(expression);
        let mut position = 0;
        let value = self.parse_or(&tokens, &mut position);
        assert_eq!(position, tokens.len(), "trailing tokens in {expression:?}");
        value
    }

    fn parse_or(&self, tokens: &[String], position: &mut usize) -> bool {
        let mut value = self.parse_and(tokens, position);
        while tokens.get(*position).is_some_and(|t| t == ",") {
            *position += 1;
            value |= self.parse_and(tokens, position);
        }
        value
    }

    fn parse_and(&self, tokens: &[String], position: &mut usize) -> bool {
        let mut value = self.parse_term(tokens, position);
        while tokens.get(*position).is_some_and(|t| t == "+") {
            *position += 1;
            value &= self.parse_term(tokens, position);
        }
        value
    }

    fn parse_term(&self, tokens: &[String], position: &mut usize) -> bool {
        let token = tokens[*position].clone();
        *position += 1;
        if token == "(" {
            let value = self.parse_or(tokens, position);
            assert_eq!(tokens[*position], ")", "unbalanced parentheses");
            *position += 1;
            return value;
        }
        self.term(&token)
    }

    fn term(&self, term: &str) -> bool {
        if let Some((structure, member)) = term.split_once("::") {
            return self.feature(structure, member).unwrap_or(false);
        }
        if let Some(version) = version_term(term) {
            // The instance asks for 1.1: that is the version the device is used at.
            return version <= (1, 1);
        }
        self.advertises(term)
    }
}

/// `VK_VERSION_1_2`, `VK_BASE_VERSION_1_1`... as (major, minor).
fn version_term(term: &str) -> Option<(u32, u32)> {
    let rest = term.strip_prefix("VK_")?;
    let rest =
        rest.strip_prefix("BASE_").or(rest.strip_prefix("COMPUTE_")).or(rest.strip_prefix("GRAPHICS_")).unwrap_or(rest);
    let (major, minor) = rest.strip_prefix("VERSION_")?.split_once('_')?;
    Some((major.parse().ok()?, minor.parse().ok()?))
}

fn tokenize(expression: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut current = String::new();
    for c in expression.chars() {
        if matches!(c, ',' | '+' | '(' | ')') {
            if !current.is_empty() {
                tokens.push(std::mem::take(&mut current));
            }
            tokens.push(c.to_string());
        } else if !c.is_whitespace() {
            current.push(c);
        }
    }
    if !current.is_empty() {
        tokens.push(current);
    }
    tokens
}

/// Every member of VkPhysicalDeviceLimits, by its Vulkan name (arrays per element).
fn core_limits(l: &vk::PhysicalDeviceLimits) -> Vec<(&'static str, f64)> {
    let b = |flags: u32| flags as f64;
    vec![
        ("maxImageDimension1D", l.max_image_dimension1_d as f64),
        ("maxImageDimension2D", l.max_image_dimension2_d as f64),
        ("maxImageDimension3D", l.max_image_dimension3_d as f64),
        ("maxImageDimensionCube", l.max_image_dimension_cube as f64),
        ("maxImageArrayLayers", l.max_image_array_layers as f64),
        ("maxTexelBufferElements", l.max_texel_buffer_elements as f64),
        ("maxUniformBufferRange", l.max_uniform_buffer_range as f64),
        ("maxStorageBufferRange", l.max_storage_buffer_range as f64),
        ("maxPushConstantsSize", l.max_push_constants_size as f64),
        ("maxMemoryAllocationCount", l.max_memory_allocation_count as f64),
        ("maxSamplerAllocationCount", l.max_sampler_allocation_count as f64),
        ("bufferImageGranularity", l.buffer_image_granularity as f64),
        ("sparseAddressSpaceSize", l.sparse_address_space_size as f64),
        ("maxBoundDescriptorSets", l.max_bound_descriptor_sets as f64),
        ("maxPerStageDescriptorSamplers", l.max_per_stage_descriptor_samplers as f64),
        ("maxPerStageDescriptorUniformBuffers", l.max_per_stage_descriptor_uniform_buffers as f64),
        ("maxPerStageDescriptorStorageBuffers", l.max_per_stage_descriptor_storage_buffers as f64),
        ("maxPerStageDescriptorSampledImages", l.max_per_stage_descriptor_sampled_images as f64),
        ("maxPerStageDescriptorStorageImages", l.max_per_stage_descriptor_storage_images as f64),
        ("maxPerStageDescriptorInputAttachments", l.max_per_stage_descriptor_input_attachments as f64),
        ("maxPerStageResources", l.max_per_stage_resources as f64),
        ("maxDescriptorSetSamplers", l.max_descriptor_set_samplers as f64),
        ("maxDescriptorSetUniformBuffers", l.max_descriptor_set_uniform_buffers as f64),
        ("maxDescriptorSetUniformBuffersDynamic", l.max_descriptor_set_uniform_buffers_dynamic as f64),
        ("maxDescriptorSetStorageBuffers", l.max_descriptor_set_storage_buffers as f64),
        ("maxDescriptorSetStorageBuffersDynamic", l.max_descriptor_set_storage_buffers_dynamic as f64),
        ("maxDescriptorSetSampledImages", l.max_descriptor_set_sampled_images as f64),
        ("maxDescriptorSetStorageImages", l.max_descriptor_set_storage_images as f64),
        ("maxDescriptorSetInputAttachments", l.max_descriptor_set_input_attachments as f64),
        ("maxVertexInputAttributes", l.max_vertex_input_attributes as f64),
        ("maxVertexInputBindings", l.max_vertex_input_bindings as f64),
        ("maxVertexInputAttributeOffset", l.max_vertex_input_attribute_offset as f64),
        ("maxVertexInputBindingStride", l.max_vertex_input_binding_stride as f64),
        ("maxVertexOutputComponents", l.max_vertex_output_components as f64),
        ("maxTessellationGenerationLevel", l.max_tessellation_generation_level as f64),
        ("maxTessellationPatchSize", l.max_tessellation_patch_size as f64),
        (
            "maxTessellationControlPerVertexInputComponents",
            l.max_tessellation_control_per_vertex_input_components as f64,
        ),
        (
            "maxTessellationControlPerVertexOutputComponents",
            l.max_tessellation_control_per_vertex_output_components as f64,
        ),
        (
            "maxTessellationControlPerPatchOutputComponents",
            l.max_tessellation_control_per_patch_output_components as f64,
        ),
        ("maxTessellationControlTotalOutputComponents", l.max_tessellation_control_total_output_components as f64),
        ("maxTessellationEvaluationInputComponents", l.max_tessellation_evaluation_input_components as f64),
        ("maxTessellationEvaluationOutputComponents", l.max_tessellation_evaluation_output_components as f64),
        ("maxGeometryShaderInvocations", l.max_geometry_shader_invocations as f64),
        ("maxGeometryInputComponents", l.max_geometry_input_components as f64),
        ("maxGeometryOutputComponents", l.max_geometry_output_components as f64),
        ("maxGeometryOutputVertices", l.max_geometry_output_vertices as f64),
        ("maxGeometryTotalOutputComponents", l.max_geometry_total_output_components as f64),
        ("maxFragmentInputComponents", l.max_fragment_input_components as f64),
        ("maxFragmentOutputAttachments", l.max_fragment_output_attachments as f64),
        ("maxFragmentDualSrcAttachments", l.max_fragment_dual_src_attachments as f64),
        ("maxFragmentCombinedOutputResources", l.max_fragment_combined_output_resources as f64),
        ("maxComputeSharedMemorySize", l.max_compute_shared_memory_size as f64),
        ("maxComputeWorkGroupCount[0]", l.max_compute_work_group_count[0] as f64),
        ("maxComputeWorkGroupCount[1]", l.max_compute_work_group_count[1] as f64),
        ("maxComputeWorkGroupCount[2]", l.max_compute_work_group_count[2] as f64),
        ("maxComputeWorkGroupInvocations", l.max_compute_work_group_invocations as f64),
        ("maxComputeWorkGroupSize[0]", l.max_compute_work_group_size[0] as f64),
        ("maxComputeWorkGroupSize[1]", l.max_compute_work_group_size[1] as f64),
        ("maxComputeWorkGroupSize[2]", l.max_compute_work_group_size[2] as f64),
        ("subPixelPrecisionBits", l.sub_pixel_precision_bits as f64),
        ("subTexelPrecisionBits", l.sub_texel_precision_bits as f64),
        ("mipmapPrecisionBits", l.mipmap_precision_bits as f64),
        ("maxDrawIndexedIndexValue", l.max_draw_indexed_index_value as f64),
        ("maxDrawIndirectCount", l.max_draw_indirect_count as f64),
        ("maxSamplerLodBias", l.max_sampler_lod_bias as f64),
        ("maxSamplerAnisotropy", l.max_sampler_anisotropy as f64),
        ("maxViewports", l.max_viewports as f64),
        ("maxViewportDimensions[0]", l.max_viewport_dimensions[0] as f64),
        ("maxViewportDimensions[1]", l.max_viewport_dimensions[1] as f64),
        ("viewportBoundsRange[0]", l.viewport_bounds_range[0] as f64),
        ("viewportBoundsRange[1]", l.viewport_bounds_range[1] as f64),
        ("viewportSubPixelBits", l.viewport_sub_pixel_bits as f64),
        ("minMemoryMapAlignment", l.min_memory_map_alignment as f64),
        ("minTexelBufferOffsetAlignment", l.min_texel_buffer_offset_alignment as f64),
        ("minUniformBufferOffsetAlignment", l.min_uniform_buffer_offset_alignment as f64),
        ("minStorageBufferOffsetAlignment", l.min_storage_buffer_offset_alignment as f64),
        ("minTexelOffset", l.min_texel_offset as f64),
        ("maxTexelOffset", l.max_texel_offset as f64),
        ("minTexelGatherOffset", l.min_texel_gather_offset as f64),
        ("maxTexelGatherOffset", l.max_texel_gather_offset as f64),
        ("minInterpolationOffset", l.min_interpolation_offset as f64),
        ("maxInterpolationOffset", l.max_interpolation_offset as f64),
        ("subPixelInterpolationOffsetBits", l.sub_pixel_interpolation_offset_bits as f64),
        ("maxFramebufferWidth", l.max_framebuffer_width as f64),
        ("maxFramebufferHeight", l.max_framebuffer_height as f64),
        ("maxFramebufferLayers", l.max_framebuffer_layers as f64),
        ("framebufferColorSampleCounts", b(l.framebuffer_color_sample_counts.as_raw())),
        ("framebufferDepthSampleCounts", b(l.framebuffer_depth_sample_counts.as_raw())),
        ("framebufferStencilSampleCounts", b(l.framebuffer_stencil_sample_counts.as_raw())),
        ("framebufferNoAttachmentsSampleCounts", b(l.framebuffer_no_attachments_sample_counts.as_raw())),
        ("maxColorAttachments", l.max_color_attachments as f64),
        ("sampledImageColorSampleCounts", b(l.sampled_image_color_sample_counts.as_raw())),
        ("sampledImageIntegerSampleCounts", b(l.sampled_image_integer_sample_counts.as_raw())),
        ("sampledImageDepthSampleCounts", b(l.sampled_image_depth_sample_counts.as_raw())),
        ("sampledImageStencilSampleCounts", b(l.sampled_image_stencil_sample_counts.as_raw())),
        ("storageImageSampleCounts", b(l.storage_image_sample_counts.as_raw())),
        ("maxSampleMaskWords", l.max_sample_mask_words as f64),
        ("timestampComputeAndGraphics", l.timestamp_compute_and_graphics as f64),
        ("timestampPeriod", l.timestamp_period as f64),
        ("maxClipDistances", l.max_clip_distances as f64),
        ("maxCullDistances", l.max_cull_distances as f64),
        ("maxCombinedClipAndCullDistances", l.max_combined_clip_and_cull_distances as f64),
        ("discreteQueuePriorities", l.discrete_queue_priorities as f64),
        ("pointSizeRange[0]", l.point_size_range[0] as f64),
        ("pointSizeRange[1]", l.point_size_range[1] as f64),
        ("lineWidthRange[0]", l.line_width_range[0] as f64),
        ("lineWidthRange[1]", l.line_width_range[1] as f64),
        ("pointSizeGranularity", l.point_size_granularity as f64),
        ("lineWidthGranularity", l.line_width_granularity as f64),
        ("strictLines", l.strict_lines as f64),
        ("standardSampleLocations", l.standard_sample_locations as f64),
        ("optimalBufferCopyOffsetAlignment", l.optimal_buffer_copy_offset_alignment as f64),
        ("optimalBufferCopyRowPitchAlignment", l.optimal_buffer_copy_row_pitch_alignment as f64),
        ("nonCoherentAtomSize", l.non_coherent_atom_size as f64),
    ]
}

/// The feature structures that can be chained at 1.1 with the device's extensions.
fn queryable(structure: &spec::FeatureStruct, extensions: &[String]) -> bool {
    structure.core.is_some_and(|v| v <= (1, 1))
        || structure.extensions.iter().any(|e| extensions.iter().any(|x| x == e))
}

fn query_features(
    instance: &ash::Instance,
    pd: vk::PhysicalDevice,
    extensions: &[String],
) -> HashMap<&'static str, Vec<vk::Bool32>> {
    let mut structures: Vec<(&'static str, Box<RawFeatures>)> = spec::FEATURE_STRUCTS
        .iter()
        .filter(|s| queryable(s, extensions))
        .map(|s| {
            let raw = RawFeatures {
                s_type: vk::StructureType::from_raw(s.s_type),
                p_next: std::ptr::null_mut(),
                members: [vk::FALSE; 64],
            };
            (s.name, Box::new(raw))
        })
        .collect();
    // VkPhysicalDeviceFeatures2 (whose sType the table gives VkPhysicalDeviceFeatures) heads
    // the chain.
    let head = structures.iter().position(|(name, _)| *name == "VkPhysicalDeviceFeatures").expect("head");
    let first = structures.remove(head);
    structures.insert(0, first);
    for i in (0..structures.len() - 1).rev() {
        let next: *mut RawFeatures = &mut *structures[i + 1].1;
        structures[i].1.p_next = next as *mut c_void;
    }
    let head: *mut RawFeatures = &mut *structures[0].1;
    // SAFETY: pd belongs to instance; every chained structure is one the device's version
    // (1.1 as used) or an extension it advertises defines, with the layout of RawFeatures
    // (sType, pNext, VkBool32 members, fewer than 64 of them); they outlive the call.
    unsafe { (instance.fp_v1_1().get_physical_device_features2)(pd, head as *mut vk::PhysicalDeviceFeatures2<'_>) };
    structures.into_iter().map(|(name, raw)| (name, raw.members.to_vec())).collect()
}

fn query_device() -> Device {
    let entry = load_entry();
    let instance = create_instance(&entry);
    let (pd, props) = select_physical_device(&instance);
    // SAFETY: pd belongs to instance.
    let extensions: Vec<String> = unsafe { instance.enumerate_device_extension_properties(pd) }
        .expect("vkEnumerateDeviceExtensionProperties")
        .iter()
        .map(|e| e.extension_name_as_c_str().unwrap().to_string_lossy().into_owned())
        .collect();
    let features = query_features(&instance, pd, &extensions);

    let mut limits: BTreeMap<&'static str, f64> = BTreeMap::new();
    let core = core_limits(&props.limits);
    let limit_names = core.iter().map(|(n, _)| *n).collect();
    limits.extend(core);

    let has = |name: &str| extensions.iter().any(|e| e == name);
    let mut subgroup = vk::PhysicalDeviceSubgroupProperties::default();
    let mut multiview = vk::PhysicalDeviceMultiviewProperties::default();
    let mut maintenance3 = vk::PhysicalDeviceMaintenance3Properties::default();
    let mut push = vk::PhysicalDevicePushDescriptorPropertiesKHR::default();
    let mut host = vk::PhysicalDeviceExternalMemoryHostPropertiesEXT::default();
    let mut timeline = vk::PhysicalDeviceTimelineSemaphoreProperties::default();
    let mut size_control = vk::PhysicalDeviceSubgroupSizeControlProperties::default();
    {
        let mut props2 = vk::PhysicalDeviceProperties2::default()
            .push_next(&mut subgroup)
            .push_next(&mut multiview)
            .push_next(&mut maintenance3);
        if has("VK_KHR_push_descriptor") {
            props2 = props2.push_next(&mut push);
        }
        if has("VK_EXT_external_memory_host") {
            props2 = props2.push_next(&mut host);
        }
        if has("VK_KHR_timeline_semaphore") {
            props2 = props2.push_next(&mut timeline);
        }
        if has("VK_EXT_subgroup_size_control") {
            props2 = props2.push_next(&mut size_control);
        }
        // SAFETY: pd belongs to instance; each chained structure is core 1.1 or of an
        // advertised extension, and outlives the call.
        unsafe { instance.get_physical_device_properties2(pd, &mut props2) };
    }
    limits.extend([
        ("subgroupSize", subgroup.subgroup_size as f64),
        ("subgroupSupportedStages", subgroup.supported_stages.as_raw() as f64),
        ("subgroupSupportedOperations", subgroup.supported_operations.as_raw() as f64),
        ("maxMultiviewViewCount", multiview.max_multiview_view_count as f64),
        ("maxMultiviewInstanceIndex", multiview.max_multiview_instance_index as f64),
        ("maxPerSetDescriptors", maintenance3.max_per_set_descriptors as f64),
        ("maxMemoryAllocationSize", maintenance3.max_memory_allocation_size as f64),
        ("maxPushDescriptors", push.max_push_descriptors as f64),
        ("minImportedHostPointerAlignment", host.min_imported_host_pointer_alignment as f64),
        ("maxTimelineSemaphoreValueDifference", timeline.max_timeline_semaphore_value_difference as f64),
        ("minSubgroupSize", size_control.min_subgroup_size as f64),
        ("maxSubgroupSize", size_control.max_subgroup_size as f64),
    ]);

    // SAFETY: pd belongs to instance.
    let queue_families = unsafe { instance.get_physical_device_queue_family_properties(pd) };
    let mut formats = HashMap::new();
    let named = spec::FORMAT_REQUIREMENTS
        .iter()
        .chain(spec::YCBCR_FORMAT_REQUIREMENTS)
        .map(|r| r.format)
        .chain(spec::FORMATS_WITHOUT_BUFFER_FEATURES.iter().copied())
        .chain(spec::FORMAT_ALTERNATIVES.iter().flat_map(|a| a.any_of.iter().flat_map(|(_, f)| f.iter().copied())));
    // The 4444 formats are VK_EXT_4444_formats' at 1.1; their rows apply only with it.
    let extension_format = |f: vk::Format| {
        matches!(f, vk::Format::A4R4G4B4_UNORM_PACK16 | vk::Format::A4B4G4R4_UNORM_PACK16)
            && !has("VK_EXT_4444_formats")
    };
    for format in named.filter(|&f| !extension_format(f)) {
        // SAFETY: pd belongs to instance; every format here is core 1.0/1.1 or of an
        // advertised extension.
        formats.entry(format).or_insert_with(|| unsafe { instance.get_physical_device_format_properties(pd, format) });
    }
    destroy_instance(&instance);
    Device {
        name: device_name(&props),
        api_version: props.api_version,
        extensions,
        features,
        limits,
        limit_names,
        queue_families,
        formats,
    }
}

// ------------------------------------------------------------------------------------------
// The requirements
// ------------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Category {
    Limits10,
    Properties11,
    ExtensionLimits,
    LimitRelations,
    CoreFeatures,
    ExtensionFeatures,
    FormatsOptimal,
    FormatsBuffer,
    FormatAlternatives,
}

impl Category {
    fn label(self) -> &'static str {
        match self {
            Category::Limits10 => "limits (VkPhysicalDeviceLimits, 1.0)",
            Category::Properties11 => "properties (1.1)",
            Category::ExtensionLimits => "limits of advertised extensions",
            Category::LimitRelations => "relations between limits",
            Category::CoreFeatures => "features (1.0, 1.1)",
            Category::ExtensionFeatures => "features (advertised extensions)",
            Category::FormatsOptimal => "formats: optimalTilingFeatures",
            Category::FormatsBuffer => "formats: bufferFeatures",
            Category::FormatAlternatives => "formats: at least one of",
        }
    }
}

#[derive(Debug)]
struct Check {
    category: Category,
    met: bool,
    /// What the device reports, for the failure message.
    detail: String,
}

#[derive(Default)]
struct Checks {
    checks: BTreeMap<String, Check>,
    /// Conditional requirements whose condition does not hold, per category.
    not_applicable: BTreeMap<Category, usize>,
}

impl Checks {
    fn add(&mut self, category: Category, id: String, met: bool, detail: String) {
        match self.checks.get_mut(&id) {
            // The same requirement from two rows: met only if both say so.
            Some(existing) => existing.met &= met,
            None => {
                self.checks.insert(id, Check { category, met, detail });
            }
        }
    }

    fn skip(&mut self, category: Category) {
        *self.not_applicable.entry(category).or_default() += 1;
    }

    fn unmet(&self) -> Vec<&str> {
        self.checks.iter().filter(|(_, c)| !c.met).map(|(id, _)| id.as_str()).collect()
    }
}

fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e18 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// The name of bit `bit` of the bitmask limit `limit`.
fn bit_name(limit: &str, bit: u32) -> String {
    if limit.ends_with("SampleCounts") {
        return bit.to_string();
    }
    match limit {
        "subgroupSupportedStages" => format!("{:?}", vk::ShaderStageFlags::from_raw(bit)),
        "subgroupSupportedOperations" => format!("{:?}", vk::SubgroupFeatureFlags::from_raw(bit)),
        _ => format!("{bit:#x}"),
    }
}

/// Number of shader stages the device supports (footnote 8).
fn shader_stages(device: &Device) -> f64 {
    let tessellation = device.core_feature("tessellationShader") as u32;
    let geometry = device.core_feature("geometryShader") as u32;
    (3 + 2 * tessellation + geometry) as f64
}

fn required(device: &Device, bound: Bound) -> f64 {
    match bound {
        Bound::Value(v) => v,
        Bound::StagesTimes(per_stage) => shader_stages(device) * per_stage,
        Bound::PerStageResources => {
            let sum: f64 = [
                "maxPerStageDescriptorUniformBuffers",
                "maxPerStageDescriptorStorageBuffers",
                "maxPerStageDescriptorSampledImages",
                "maxPerStageDescriptorStorageImages",
                "maxPerStageDescriptorInputAttachments",
                "maxColorAttachments",
            ]
            .iter()
            .map(|n| device.limit(n))
            .sum();
            sum.min(128.0)
        }
        Bound::LessUlpBits(base, bits) => base - (-device.limit(bits)).exp2(),
        Bound::LessUlp(base, ulp) => base - device.limit(ulp),
    }
}

fn check_limits(device: &Device, checks: &mut Checks) {
    for limit in spec::LIMITS {
        let category = match limit.scope {
            Scope::Core10 => Category::Limits10,
            Scope::Core11 => Category::Properties11,
            Scope::Extension(_) => Category::ExtensionLimits,
        };
        if !device.has(limit.scope) {
            checks.skip(category);
            continue;
        }
        let bound = match (limit.feature, limit.unsupported) {
            (Some(feature), Some(unsupported)) if !device.core_feature(feature) => unsupported,
            _ => limit.supported,
        };
        let want = required(device, bound);
        let have = device.limit(limit.name);
        let detail = format!("reports {}", number(have));
        match limit.kind {
            Kind::Min => {
                checks.add(category, format!("limit {} >= {}", limit.name, number(want)), have >= want, detail)
            }
            Kind::Max => {
                checks.add(category, format!("limit {} <= {}", limit.name, number(want)), have <= want, detail)
            }
            Kind::Bits => {
                let (want, have) = (want as u32, have as u32);
                for bit in (0..32).map(|i| 1u32 << i).filter(|b| want & b != 0) {
                    let id = format!("limit {} includes {}", limit.name, bit_name(limit.name, bit));
                    checks.add(category, id, have & bit != 0, format!("reports {have:#x}"));
                }
            }
        }
    }
}

fn check_limit_relations(device: &Device, checks: &mut Checks) {
    let category = Category::LimitRelations;
    for &(name, scope) in spec::POWER_OF_TWO_LIMITS {
        if !device.has(scope) {
            checks.skip(category);
            continue;
        }
        let v = device.limit(name);
        let power = v >= 1.0 && v.fract() == 0.0 && (v as u64).is_power_of_two();
        checks.add(category, format!("limit {name} is a power of two"), power, format!("reports {}", number(v)));
    }
    // limits.adoc, viewportBoundsRange: "at least [-2 × size, 2 × size - 1], where size =
    // max(maxViewportDimensions[0], maxViewportDimensions[1])".
    let size = device.limit("maxViewportDimensions[0]").max(device.limit("maxViewportDimensions[1]"));
    let (low, high) = (device.limit("viewportBoundsRange[0]"), device.limit("viewportBoundsRange[1]"));
    checks.add(
        category,
        "limit viewportBoundsRange covers [-2 x size, 2 x size - 1] of maxViewportDimensions".into(),
        low <= -2.0 * size && high >= 2.0 * size - 1.0,
        format!("reports [{low}, {high}] for size {size}"),
    );
    // limits.adoc, maxViewportDimensions: "greater than or equal to the largest image which
    // can be created and used as a framebuffer attachment".
    for (axis, framebuffer) in [(0, "maxFramebufferWidth"), (1, "maxFramebufferHeight")] {
        let largest = device.limit("maxImageDimension2D").min(device.limit(framebuffer));
        let have = device.limit(if axis == 0 { "maxViewportDimensions[0]" } else { "maxViewportDimensions[1]" });
        checks.add(
            category,
            format!("limit maxViewportDimensions[{axis}] >= min(maxImageDimension2D, {framebuffer})"),
            have >= largest,
            format!("reports {} for {}", number(have), number(largest)),
        );
    }
    // limits.adoc, timestampComputeAndGraphics: "If this limit is VK_TRUE, all queues that
    // advertise the VK_QUEUE_GRAPHICS_BIT or VK_QUEUE_COMPUTE_BIT ... support
    // timestampValidBits of at least 36."
    if device.limit("timestampComputeAndGraphics") != 0.0 {
        let bits: Vec<u32> = device
            .queue_families
            .iter()
            .filter(|f| f.queue_flags.intersects(vk::QueueFlags::GRAPHICS | vk::QueueFlags::COMPUTE))
            .map(|f| f.timestamp_valid_bits)
            .collect();
        checks.add(
            category,
            "limit timestampComputeAndGraphics: graphics/compute queues have timestampValidBits >= 36".into(),
            bits.iter().all(|&b| b >= 36),
            format!("timestampValidBits {bits:?}"),
        );
    } else {
        checks.skip(category);
    }
    // features.adoc, multiDrawIndirect: "maxDrawIndirectCount ... must also be 1 if this
    // feature is not supported".
    if !device.core_feature("multiDrawIndirect") {
        let v = device.limit("maxDrawIndirectCount");
        checks.add(
            category,
            "limit maxDrawIndirectCount == 1 without multiDrawIndirect".into(),
            v == 1.0,
            format!("reports {}", number(v)),
        );
    } else {
        checks.skip(category);
    }
    // limits.adoc, VkPhysicalDeviceSubgroupProperties: "If supportedOperations includes
    // VK_SUBGROUP_FEATURE_QUAD_BIT ... subgroupSize must be greater than or equal to 4."
    let operations = vk::SubgroupFeatureFlags::from_raw(device.limit("subgroupSupportedOperations") as u32);
    if operations.contains(vk::SubgroupFeatureFlags::QUAD) {
        let size = device.limit("subgroupSize");
        checks.add(
            category,
            "limit subgroupSize >= 4 with SUBGROUP_FEATURE_QUAD".into(),
            size >= 4.0,
            format!("reports {size}"),
        );
    } else {
        checks.skip(category);
    }
    // VkPhysicalDeviceSubgroupSizeControlProperties: minSubgroupSize <= subgroupSize <=
    // maxSubgroupSize, both at least 1.
    if device.advertises("VK_EXT_subgroup_size_control") {
        let (min, size, max) =
            (device.limit("minSubgroupSize"), device.limit("subgroupSize"), device.limit("maxSubgroupSize"));
        checks.add(
            category,
            "limit 1 <= minSubgroupSize <= subgroupSize <= maxSubgroupSize".into(),
            1.0 <= min && min <= size && size <= max,
            format!("reports {min} <= {size} <= {max}"),
        );
    } else {
        checks.skip(category);
    }
}

fn check_features(device: &Device, checks: &mut Checks) {
    for requirement in spec::FEATURE_REQUIREMENTS {
        let core = requirement.by.starts_with("VK_VERSION_");
        let category = if core { Category::CoreFeatures } else { Category::ExtensionFeatures };
        // Requirements of versions above 1.1 and of extensions not advertised do not apply.
        let applies = if core { device.term(requirement.by) } else { device.advertises(requirement.by) };
        if !applies {
            continue;
        }
        if !requirement.depends.is_none_or(|d| device.holds(d)) {
            checks.skip(category);
            continue;
        }
        let names: Vec<&str> = requirement.any_of.iter().map(|(n, _)| *n).collect();
        let id = format!("feature {} ({})", names.join("|"), requirement.by);
        let values: Vec<Option<bool>> = names.iter().map(|n| device.feature(requirement.structure, n)).collect();
        let (met, detail) = if values.iter().all(Option::is_none) {
            (false, format!("{} cannot be queried at 1.1 with the advertised extensions", requirement.structure))
        } else {
            let reported: Vec<String> =
                names.iter().zip(&values).map(|(n, v)| format!("{n}={}", v.unwrap_or(false))).collect();
            (values.contains(&Some(true)), format!("{} reports {}", requirement.structure, reported.join(", ")))
        };
        checks.add(category, id, met, detail);
    }
    for &(feature, needs) in spec::FEATURE_IMPLIES {
        let (_, name) = feature.split_once("::").unwrap();
        if device.holds(feature) {
            let met = device.holds(needs);
            let detail = format!("{needs}: {met}");
            checks.add(Category::CoreFeatures, format!("feature {name} needs {needs}"), met, detail);
        } else {
            checks.skip(Category::CoreFeatures);
        }
    }
    for &(extensions, feature) in spec::EXTENSIONS_REQUIRED_BY_FEATURES {
        if device.holds(feature) {
            let (_, name) = feature.split_once("::").unwrap();
            let met = extensions.iter().any(|e| device.term(e));
            let id = format!("extension {} with feature {name}", extensions.join("|"));
            let detail = if met { "advertised" } else { "not advertised" };
            checks.add(Category::ExtensionFeatures, id, met, detail.into());
        } else {
            checks.skip(Category::ExtensionFeatures);
        }
    }
}

fn format_name(format: vk::Format) -> String {
    format!("{format:?}")
}

fn check_formats(device: &Device, checks: &mut Checks) {
    for requirement in spec::FORMAT_REQUIREMENTS.iter().chain(spec::YCBCR_FORMAT_REQUIREMENTS) {
        if !requirement.condition.is_none_or(|c| device.holds(c)) {
            checks.skip(Category::FormatsOptimal);
            continue;
        }
        let props = device.format(requirement.format);
        let name = format_name(requirement.format);
        for (flags, have, tiling, category) in [
            (requirement.optimal, props.optimal_tiling_features, "optimal", Category::FormatsOptimal),
            (requirement.buffer, props.buffer_features, "buffer", Category::FormatsBuffer),
        ] {
            for &flag in flags {
                let id = format!("format {name} {tiling} {}", spec::format_feature_name(flag));
                checks.add(category, id, have.contains(flag), format!("reports {have:?}"));
            }
        }
    }
    for &format in spec::FORMATS_WITHOUT_BUFFER_FEATURES {
        let have = device.format(format).buffer_features;
        let id = format!("format {} buffer none", format_name(format));
        checks.add(Category::FormatsBuffer, id, have.is_empty(), format!("reports {have:?}"));
    }
    for alternative in spec::FORMAT_ALTERNATIVES {
        let wanted = alternative.optimal.iter().fold(vk::FormatFeatureFlags::empty(), |a, &f| a | f);
        let complete: Vec<&str> = alternative
            .any_of
            .iter()
            .filter(|(_, formats)| formats.iter().all(|&f| device.format(f).optimal_tiling_features.contains(wanted)))
            .map(|(name, _)| *name)
            .collect();
        let names: Vec<&str> = alternative.any_of.iter().map(|(n, _)| *n).collect();
        let flags: Vec<&str> = alternative.optimal.iter().map(|&f| spec::format_feature_name(f)).collect();
        let id = format!("formats {} optimal {} (one of)", names.join("|"), flags.join("+"));
        checks.add(
            Category::FormatAlternatives,
            id,
            !complete.is_empty(),
            format!("{} ({})", alternative.what, alternative.source),
        );
    }
}

/// Checks that the tables name only what exists: every `VkPhysicalDeviceLimits` member has
/// a row or is listed without a Core value, and every expression names known members.
fn check_tables_cover(device: &Device) {
    for name in &device.limit_names {
        assert!(
            spec::LIMITS.iter().any(|l| l.name == *name) || spec::LIMITS_WITHOUT_CORE_VALUE.contains(name),
            "VkPhysicalDeviceLimits::{name} is neither in spec_tables::LIMITS nor LIMITS_WITHOUT_CORE_VALUE"
        );
    }
    let expressions = spec::FEATURE_REQUIREMENTS
        .iter()
        .filter_map(|r| r.depends)
        .chain(spec::FORMAT_REQUIREMENTS.iter().chain(spec::YCBCR_FORMAT_REQUIREMENTS).filter_map(|r| r.condition))
        .chain(spec::FEATURE_IMPLIES.iter().flat_map(|&(a, b)| [a, b]))
        .chain(spec::EXTENSIONS_REQUIRED_BY_FEATURES.iter().map(|&(_, f)| f));
    for expression in expressions {
        for term in tokenize(expression).iter().filter(|t| t.contains("::")) {
            let (structure, member) = term.split_once("::").unwrap();
            assert!(
                spec::feature_struct(structure).is_some(),
                "{expression:?}: no FEATURE_STRUCTS entry for {structure}"
            );
            assert!(spec::member_index(structure, member).is_some(), "{expression:?}: no index for {term}");
        }
    }
    for requirement in spec::FEATURE_REQUIREMENTS {
        assert!(
            spec::feature_struct(requirement.structure).is_some(),
            "no FEATURE_STRUCTS entry for {}",
            requirement.structure
        );
    }
}

// ------------------------------------------------------------------------------------------
// Reporting
// ------------------------------------------------------------------------------------------

/// The expanded [`UNMET_ON_SOFTVK`]: requirement -> why.
fn expected_unmet() -> BTreeMap<String, &'static str> {
    let mut expected = BTreeMap::new();
    for entry in UNMET_ON_SOFTVK {
        if entry.subjects.is_empty() {
            assert!(!entry.what.contains("{}"), "{:?} has a {{}} but no subjects", entry.what);
            assert!(expected.insert(entry.what.to_string(), entry.why).is_none(), "{:?} listed twice", entry.what);
        }
        for subject in entry.subjects {
            let id = entry.what.replace("{}", subject);
            assert!(expected.insert(id.clone(), entry.why).is_none(), "{id:?} listed twice in UNMET_ON_SOFTVK");
        }
    }
    expected
}

/// Requirements grouped for reading: `format <F> <tiling> <FLAG>` by `<tiling> <FLAG>`
/// (listing the formats), the others one a line.
fn grouped(ids: &[&str]) -> String {
    let mut formats: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    let mut others = Vec::new();
    for id in ids {
        let parts: Vec<&str> = id.split(' ').collect();
        if parts.len() == 4 && parts[0] == "format" {
            formats.entry(format!("{} {}", parts[2], parts[3])).or_default().push(parts[1]);
        } else {
            others.push(*id);
        }
    }
    let mut out = String::new();
    for id in others {
        out += &format!("    {id}\n");
    }
    for (what, list) in formats {
        out += &format!("    format {{{}}} {what}\n", list.join(", "));
    }
    out
}

/// Set to print every requirement checked, with what the device reports.
const LIST_VAR: &str = "SOFTVK_TEST_LIST_REQUIREMENTS";

#[test]
fn device_meets_every_required_limit_feature_and_format_feature() {
    let device = query_device();
    check_tables_cover(&device);
    let mut checks = Checks::default();
    check_limits(&device, &mut checks);
    check_limit_relations(&device, &mut checks);
    check_features(&device, &mut checks);
    check_formats(&device, &mut checks);

    let is_softvk = device.name == SOFTVK_DEVICE_NAME;
    let version = device.api_version;
    eprintln!(
        "{} (apiVersion {}.{}.{}), {} device extensions, {} feature structures queried",
        device.name,
        vk::api_version_major(version),
        vk::api_version_minor(version),
        vk::api_version_patch(version),
        device.extensions.len(),
        device.features.len()
    );
    let unmet = checks.unmet();
    let mut summary = String::new();
    let categories: std::collections::BTreeSet<Category> =
        checks.checks.values().map(|c| c.category).chain(checks.not_applicable.keys().copied()).collect();
    for category in categories {
        let in_category: Vec<&Check> = checks.checks.values().filter(|c| c.category == category).collect();
        summary += &format!(
            "  {:<40} {:>4} checked, {:>3} unmet, {:>4} not applicable\n",
            category.label(),
            in_category.len(),
            in_category.iter().filter(|c| !c.met).count(),
            checks.not_applicable.get(&category).copied().unwrap_or(0),
        );
    }
    eprintln!("requirements: {} checked, {} unmet\n{summary}", checks.checks.len(), unmet.len());
    if std::env::var_os(LIST_VAR).is_some() {
        for (id, check) in &checks.checks {
            eprintln!("  [{}] {id}: {}", if check.met { "met" } else { "UNMET" }, check.detail);
        }
    }
    if !unmet.is_empty() {
        eprintln!("unmet:\n{}", grouped(&unmet));
    }

    let describe = |ids: &[&str]| {
        let mut out = grouped(ids);
        for id in ids {
            out += &format!("      {id}: {}\n", checks.checks[*id].detail);
        }
        out
    };
    if !is_softvk {
        assert!(unmet.is_empty(), "{} does not meet {} requirements:\n{}", device.name, unmet.len(), describe(&unmet));
        return;
    }
    let expected = expected_unmet();
    let regressions: Vec<&str> = unmet.iter().copied().filter(|id| !expected.contains_key(*id)).collect();
    let now_met: Vec<&str> = expected.keys().map(String::as_str).filter(|id| !unmet.contains(id)).collect();
    let mut message = String::new();
    if !regressions.is_empty() {
        message += &format!(
            "{} requirements unmet that UNMET_ON_SOFTVK does not list:\n{}",
            regressions.len(),
            describe(&regressions)
        );
    }
    if !now_met.is_empty() {
        message += &format!(
            "{} requirements of UNMET_ON_SOFTVK are met now (or no longer checked): remove them from the list:\n{}",
            now_met.len(),
            grouped(&now_met)
        );
    }
    assert!(message.is_empty(), "{message}");
}
