//! The Vulkan specification's requirement tables, as data, for `tests/required_limits.rs`.
//!
//! Transcribed from KhronosGroup/Vulkan-Docs at commit 090f1b19 (the 1.4.360 update); the
//! anchors named below are that revision's. Only what a Vulkan 1.0 or 1.1 implementation
//! (softvk's version) must meet is here: the "Vulkan Core" values, never the Roadmap or
//! Vulkan 1.2+ ones, and nothing of Vulkan SC.
//!
//! - [`LIMITS`]: `chapters/limits.adoc`, table `[[limits-required]]` ("Required Limits")
//!   with its footnotes, the kinds from `[[limits-types]]` (which feature selects the
//!   "Unsupported Limit" column), and the 1.1 rows (`VK_*_VERSION_1_1` blocks) and the rows
//!   of the extensions softvk advertises. Relations between limits that the member
//!   descriptions state ("must be a power of two"...) are checked by the test itself.
//! - [`FEATURE_REQUIREMENTS`]: `chapters/features.adoc` `[[features-requirements]]`, whose
//!   list is generated from `xml/vk.xml`: every `<require><feature>` of `VK_VERSION_1_0`,
//!   `VK_VERSION_1_1` and of every device extension (`supported` includes "vulkan"), with
//!   the `depends` expression of its `<require>` block kept verbatim. The extra
//!   extension-if-feature items that the chapter writes by hand are
//!   [`EXTENSIONS_REQUIRED_BY_FEATURES`]. [`FEATURE_STRUCTS`] says, for each feature
//!   structure named anywhere here, its `sType` and which version or extensions define it
//!   (a structure may be chained to `vkGetPhysicalDeviceFeatures2` only then); member
//!   indices count `VkBool32` members after `pNext` (for `VkPhysicalDeviceFeatures`, its
//!   members inside `VkPhysicalDeviceFeatures2`), checked against `vk.xml` when generated.
//! - [`FORMAT_REQUIREMENTS`]: `chapters/formats.adoc` `[[features-required-format-support]]`,
//!   the tables `[[formats-mandatory-features-*]]`: features marked {sym1} unconditionally,
//!   those marked {sym2}/{sym3}/{sym4} with the condition their footnote states (a
//!   `depends`-style expression), the 1.1 rule that a format required to support
//!   `SAMPLED_IMAGE` also supports `TRANSFER_SRC` and `TRANSFER_DST` folded into each row,
//!   the "at least one of" footnotes as [`FORMAT_ALTERNATIVES`], the "bufferFeatures must
//!   not support any features" footnote as [`FORMATS_WITHOUT_BUFFER_FEATURES`], the
//!   `[[formats-requiring-sampler-ycbcr-conversion]]` rows, and the formats that
//!   `features.adoc` ties to `textureCompressionBC`/`ETC2`/`ASTC_LDR` and
//!   `shaderStorageImageExtendedFormats`. The 14th column of the tables,
//!   `VK_FORMAT_FEATURE_2_COPY_IMAGE_INDIRECT_DST_BIT_KHR`, is left out: it is a
//!   `VkFormatFeatureFlags2` bit of `VK_KHR_copy_memory_indirect`, which a 1.1 device
//!   reports only with that extension.
//!
//! Dependency expressions (`depends`, `condition`) use `vk.xml`'s syntax: `,` is "or", `+`
//! is "and", parentheses group; a term is an extension name (true when the device
//! advertises it), `VK_VERSION_x_y` (true up to 1.1, the version the tests run at), or
//! `VkStructure::member` (true when the device reports the feature; false when the
//! structure cannot be queried at 1.1 with the device's extensions).

use ash::vk;

/// How a limit is compared with its required value (`[[limits-required]]`, footnote 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The device's value must be at least the required one.
    Min,
    /// The device's value must be at most the required one.
    Max,
    /// A bitmask that must contain every bit of the required one.
    Bits,
}

/// A required value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Bound {
    Value(f64),
    /// Footnote 8: `n` times the specification's per-stage minimum, `n` being the number of
    /// shader stages the device supports (vertex, fragment, compute; tessellation control
    /// and evaluation with `tessellationShader`; geometry with `geometryShader`).
    StagesTimes(f64),
    /// Footnote 2: the smaller of 128 and the sum of the device's
    /// `maxPerStageDescriptor{UniformBuffers,StorageBuffers,SampledImages,StorageImages,
    /// InputAttachments}` and `maxColorAttachments`.
    PerStageResources,
    /// Footnote 5: `base` less one ULP, the ULP being 2^-`bits`, `bits` the named limit.
    LessUlpBits(f64, &'static str),
    /// Footnotes 6 and 7: `base` less one ULP, the ULP being the named limit.
    LessUlp(f64, &'static str),
}

/// What makes a limit row apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// `VkPhysicalDeviceLimits` (Vulkan 1.0).
    Core10,
    /// A Vulkan 1.1 property structure (`VK_*_VERSION_1_1` rows).
    Core11,
    /// A row of an extension: applies when the device advertises it.
    Extension(&'static str),
}

/// One row of the Required Limits table. Array limits have one row per element
/// (`maxComputeWorkGroupCount[0]`...).
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    pub name: &'static str,
    pub kind: Kind,
    pub scope: Scope,
    /// The `VkPhysicalDeviceFeatures` member that selects between the "Supported Limit"
    /// and "Unsupported Limit" columns (`[[limits-types]]`); None: one requirement.
    pub feature: Option<&'static str>,
    /// The "Supported Limit" column (Vulkan Core), or the only requirement.
    pub supported: Bound,
    /// The "Unsupported Limit" column, when `feature` is not supported.
    pub unsupported: Option<Bound>,
}

const fn row(name: &'static str, kind: Kind, value: f64) -> Limit {
    Limit { name, kind, scope: Scope::Core10, feature: None, supported: Bound::Value(value), unsupported: None }
}

const fn bound(name: &'static str, kind: Kind, supported: Bound) -> Limit {
    Limit { name, kind, scope: Scope::Core10, feature: None, supported, unsupported: None }
}

/// A row whose requirement depends on a feature: `(unsupported, supported)`.
const fn by(name: &'static str, kind: Kind, feature: &'static str, unsupported: f64, supported: Bound) -> Limit {
    Limit {
        name,
        kind,
        scope: Scope::Core10,
        feature: Some(feature),
        supported,
        unsupported: Some(Bound::Value(unsupported)),
    }
}

const fn bits(name: &'static str, mask: vk::SampleCountFlags) -> Limit {
    row(name, Kind::Bits, mask.as_raw() as f64)
}

const fn scoped(limit: Limit, scope: Scope) -> Limit {
    Limit { scope, ..limit }
}

const S1: vk::SampleCountFlags = vk::SampleCountFlags::TYPE_1;
const S1_4: vk::SampleCountFlags =
    vk::SampleCountFlags::from_raw(vk::SampleCountFlags::TYPE_1.as_raw() | vk::SampleCountFlags::TYPE_4.as_raw());
const P2_24_1: f64 = 16_777_215.0;
const P2_32_1: f64 = 4_294_967_295.0;

use Bound::Value as V;
use Kind::{Bits, Max, Min};

/// The Required Limits table (`[[limits-required]]`), Vulkan Core column, in the table's
/// order, then the Vulkan 1.1 rows and the rows of the extensions softvk advertises.
pub const LIMITS: &[Limit] = &[
    row("maxImageDimension1D", Min, 4096.0),
    row("maxImageDimension2D", Min, 4096.0),
    row("maxImageDimension3D", Min, 256.0),
    row("maxImageDimensionCube", Min, 4096.0),
    row("maxImageArrayLayers", Min, 256.0),
    row("maxTexelBufferElements", Min, 65536.0),
    row("maxUniformBufferRange", Min, 16384.0),
    row("maxStorageBufferRange", Min, 134_217_728.0), // 2^27
    row("maxPushConstantsSize", Min, 128.0),
    row("maxMemoryAllocationCount", Min, 4096.0),
    row("maxSamplerAllocationCount", Min, 4000.0),
    row("bufferImageGranularity", Max, 131072.0),
    by("sparseAddressSpaceSize", Min, "sparseBinding", 0.0, V(2_147_483_648.0)), // 2^31
    row("maxBoundDescriptorSets", Min, 4.0),
    row("maxPerStageDescriptorSamplers", Min, 16.0),
    row("maxPerStageDescriptorUniformBuffers", Min, 12.0),
    row("maxPerStageDescriptorStorageBuffers", Min, 4.0),
    row("maxPerStageDescriptorSampledImages", Min, 16.0),
    row("maxPerStageDescriptorStorageImages", Min, 4.0),
    row("maxPerStageDescriptorInputAttachments", Min, 4.0),
    bound("maxPerStageResources", Min, Bound::PerStageResources),
    bound("maxDescriptorSetSamplers", Min, Bound::StagesTimes(16.0)),
    bound("maxDescriptorSetUniformBuffers", Min, Bound::StagesTimes(12.0)),
    row("maxDescriptorSetUniformBuffersDynamic", Min, 8.0),
    bound("maxDescriptorSetStorageBuffers", Min, Bound::StagesTimes(4.0)),
    row("maxDescriptorSetStorageBuffersDynamic", Min, 4.0),
    bound("maxDescriptorSetSampledImages", Min, Bound::StagesTimes(16.0)),
    bound("maxDescriptorSetStorageImages", Min, Bound::StagesTimes(4.0)),
    row("maxDescriptorSetInputAttachments", Min, 4.0),
    row("maxVertexInputAttributes", Min, 16.0),
    row("maxVertexInputBindings", Min, 16.0),
    row("maxVertexInputAttributeOffset", Min, 2047.0),
    row("maxVertexInputBindingStride", Min, 2048.0),
    row("maxVertexOutputComponents", Min, 64.0),
    by("maxTessellationGenerationLevel", Min, "tessellationShader", 0.0, V(64.0)),
    by("maxTessellationPatchSize", Min, "tessellationShader", 0.0, V(32.0)),
    by("maxTessellationControlPerVertexInputComponents", Min, "tessellationShader", 0.0, V(64.0)),
    by("maxTessellationControlPerVertexOutputComponents", Min, "tessellationShader", 0.0, V(64.0)),
    by("maxTessellationControlPerPatchOutputComponents", Min, "tessellationShader", 0.0, V(120.0)),
    by("maxTessellationControlTotalOutputComponents", Min, "tessellationShader", 0.0, V(2048.0)),
    by("maxTessellationEvaluationInputComponents", Min, "tessellationShader", 0.0, V(64.0)),
    by("maxTessellationEvaluationOutputComponents", Min, "tessellationShader", 0.0, V(64.0)),
    by("maxGeometryShaderInvocations", Min, "geometryShader", 0.0, V(32.0)),
    by("maxGeometryInputComponents", Min, "geometryShader", 0.0, V(64.0)),
    by("maxGeometryOutputComponents", Min, "geometryShader", 0.0, V(64.0)),
    by("maxGeometryOutputVertices", Min, "geometryShader", 0.0, V(256.0)),
    by("maxGeometryTotalOutputComponents", Min, "geometryShader", 0.0, V(1024.0)),
    row("maxFragmentInputComponents", Min, 64.0),
    row("maxFragmentOutputAttachments", Min, 4.0),
    by("maxFragmentDualSrcAttachments", Min, "dualSrcBlend", 0.0, V(1.0)),
    row("maxFragmentCombinedOutputResources", Min, 4.0),
    row("maxComputeSharedMemorySize", Min, 16384.0),
    row("maxComputeWorkGroupCount[0]", Min, 65535.0),
    row("maxComputeWorkGroupCount[1]", Min, 65535.0),
    row("maxComputeWorkGroupCount[2]", Min, 65535.0),
    row("maxComputeWorkGroupInvocations", Min, 128.0),
    row("maxComputeWorkGroupSize[0]", Min, 128.0),
    row("maxComputeWorkGroupSize[1]", Min, 128.0),
    row("maxComputeWorkGroupSize[2]", Min, 64.0),
    row("subPixelPrecisionBits", Min, 4.0),
    row("subTexelPrecisionBits", Min, 4.0),
    row("mipmapPrecisionBits", Min, 4.0),
    by("maxDrawIndexedIndexValue", Min, "fullDrawIndexUint32", P2_24_1, V(P2_32_1)),
    by("maxDrawIndirectCount", Min, "multiDrawIndirect", 1.0, V(65535.0)), // 2^16-1
    row("maxSamplerLodBias", Min, 2.0),
    by("maxSamplerAnisotropy", Min, "samplerAnisotropy", 1.0, V(16.0)),
    by("maxViewports", Min, "multiViewport", 1.0, V(16.0)),
    row("maxViewportDimensions[0]", Min, 4096.0), // footnote 3: see the relations
    row("maxViewportDimensions[1]", Min, 4096.0),
    row("viewportBoundsRange[0]", Max, -8192.0), // footnote 4: see the relations
    row("viewportBoundsRange[1]", Min, 8191.0),
    row("viewportSubPixelBits", Min, 0.0),
    row("minMemoryMapAlignment", Min, 64.0),
    row("minTexelBufferOffsetAlignment", Max, 256.0),
    row("minUniformBufferOffsetAlignment", Max, 256.0),
    row("minStorageBufferOffsetAlignment", Max, 256.0),
    row("minTexelOffset", Max, -8.0),
    row("maxTexelOffset", Min, 7.0),
    by("minTexelGatherOffset", Max, "shaderImageGatherExtended", 0.0, V(-8.0)),
    by("maxTexelGatherOffset", Min, "shaderImageGatherExtended", 0.0, V(7.0)),
    by("minInterpolationOffset", Max, "sampleRateShading", 0.0, V(-0.5)),
    by(
        "maxInterpolationOffset",
        Min,
        "sampleRateShading",
        0.0,
        Bound::LessUlpBits(0.5, "subPixelInterpolationOffsetBits"),
    ),
    by("subPixelInterpolationOffsetBits", Min, "sampleRateShading", 0.0, V(4.0)),
    row("maxFramebufferWidth", Min, 4096.0),
    row("maxFramebufferHeight", Min, 4096.0),
    row("maxFramebufferLayers", Min, 256.0),
    bits("framebufferColorSampleCounts", S1_4),
    // framebufferIntegerColorSampleCounts is a VK_GRAPHICS_VERSION_1_2 row.
    bits("framebufferDepthSampleCounts", S1_4),
    bits("framebufferStencilSampleCounts", S1_4),
    bits("framebufferNoAttachmentsSampleCounts", S1_4),
    row("maxColorAttachments", Min, 4.0),
    bits("sampledImageColorSampleCounts", S1_4),
    bits("sampledImageIntegerSampleCounts", S1),
    bits("sampledImageDepthSampleCounts", S1_4),
    bits("sampledImageStencilSampleCounts", S1_4),
    by("storageImageSampleCounts", Bits, "shaderStorageImageMultisample", S1.as_raw() as f64, V(S1_4.as_raw() as f64)),
    row("maxSampleMaskWords", Min, 1.0),
    // timestampComputeAndGraphics: "-" (Boolean); timestampPeriod: "-" (duration).
    by("maxClipDistances", Min, "shaderClipDistance", 0.0, V(8.0)),
    by("maxCullDistances", Min, "shaderCullDistance", 0.0, V(8.0)),
    by("maxCombinedClipAndCullDistances", Min, "shaderCullDistance", 0.0, V(8.0)),
    row("discreteQueuePriorities", Min, 2.0),
    by("pointSizeRange[0]", Max, "largePoints", 1.0, V(1.0)),
    by("pointSizeRange[1]", Min, "largePoints", 1.0, Bound::LessUlp(64.0, "pointSizeGranularity")),
    by("lineWidthRange[0]", Max, "wideLines", 1.0, V(1.0)),
    by("lineWidthRange[1]", Min, "wideLines", 1.0, Bound::LessUlp(8.0, "lineWidthGranularity")),
    by("pointSizeGranularity", Max, "largePoints", 0.0, V(1.0)),
    by("lineWidthGranularity", Max, "wideLines", 0.0, V(1.0)),
    // strictLines: implementation-dependent; standardSampleLocations: "-" (Boolean);
    // optimalBufferCopyOffsetAlignment, optimalBufferCopyRowPitchAlignment: recommendations.
    row("nonCoherentAtomSize", Max, 256.0),
    // Vulkan 1.1 (VkPhysicalDeviceSubgroupProperties: VK_COMPUTE_VERSION_1_1 rows; "1/4":
    // at least 1, and 4 with VK_SUBGROUP_FEATURE_QUAD_BIT, a relation checked by the test).
    scoped(row("subgroupSize", Min, 1.0), Scope::Core11),
    scoped(row("subgroupSupportedStages", Bits, vk::ShaderStageFlags::COMPUTE.as_raw() as f64), Scope::Core11),
    scoped(row("subgroupSupportedOperations", Bits, vk::SubgroupFeatureFlags::BASIC.as_raw() as f64), Scope::Core11),
    // VK_GRAPHICS_VERSION_1_1 (VkPhysicalDeviceMultiviewProperties).
    scoped(row("maxMultiviewViewCount", Min, 6.0), Scope::Core11),
    scoped(row("maxMultiviewInstanceIndex", Min, 134_217_727.0), Scope::Core11), // 2^27-1
    // VK_BASE_VERSION_1_1 (VkPhysicalDeviceMaintenance3Properties).
    scoped(row("maxPerSetDescriptors", Min, 1024.0), Scope::Core11),
    scoped(row("maxMemoryAllocationSize", Min, 1_073_741_824.0), Scope::Core11), // 2^30
    // Extensions softvk advertises whose rows the table has (VK_KHR_shader_float_controls'
    // and VK_EXT_subgroup_size_control's Core values are "-" or VK_FALSE: nothing to check).
    scoped(row("maxPushDescriptors", Min, 32.0), Scope::Extension("VK_KHR_push_descriptor")),
    scoped(row("minImportedHostPointerAlignment", Max, 65536.0), Scope::Extension("VK_EXT_external_memory_host")),
    scoped(
        row("maxTimelineSemaphoreValueDifference", Min, 2_147_483_647.0),
        Scope::Extension("VK_KHR_timeline_semaphore"),
    ), // 2^31-1
];

/// Members of `VkPhysicalDeviceLimits` whose Vulkan Core requirement is "-"
/// (implementation-dependent, Boolean, duration, recommendation) or that belong to a later
/// version; each member is in [`LIMITS`] or here (the test checks that).
pub const LIMITS_WITHOUT_CORE_VALUE: &[&str] = &[
    "timestampComputeAndGraphics",
    "timestampPeriod",
    "strictLines",
    "standardSampleLocations",
    "optimalBufferCopyOffsetAlignment",
    "optimalBufferCopyRowPitchAlignment",
];

/// Limits the member descriptions say "must be a power of two" (`VkPhysicalDeviceLimits`,
/// `VkPhysicalDeviceExternalMemoryHostPropertiesEXT`), or "is a power-of-two"
/// (`VkPhysicalDeviceSubgroupProperties`, `VkPhysicalDeviceSubgroupSizeControlProperties`).
pub const POWER_OF_TWO_LIMITS: &[(&str, Scope)] = &[
    ("minMemoryMapAlignment", Scope::Core10),
    ("minTexelBufferOffsetAlignment", Scope::Core10),
    ("minUniformBufferOffsetAlignment", Scope::Core10),
    ("minStorageBufferOffsetAlignment", Scope::Core10),
    ("optimalBufferCopyOffsetAlignment", Scope::Core10),
    ("optimalBufferCopyRowPitchAlignment", Scope::Core10),
    ("nonCoherentAtomSize", Scope::Core10),
    ("subgroupSize", Scope::Core11),
    ("minImportedHostPointerAlignment", Scope::Extension("VK_EXT_external_memory_host")),
    ("minSubgroupSize", Scope::Extension("VK_EXT_subgroup_size_control")),
    ("maxSubgroupSize", Scope::Extension("VK_EXT_subgroup_size_control")),
];

// ------------------------------------------------------------------------------------------
// Features
// ------------------------------------------------------------------------------------------

/// A feature structure: its `sType` (raw) and what defines it.
#[derive(Clone, Copy, Debug)]
pub struct FeatureStruct {
    pub name: &'static str,
    pub s_type: i32,
    /// The core version that defines it, if any.
    pub core: Option<(u32, u32)>,
    /// Extensions that define it.
    pub extensions: &'static [&'static str],
}

/// One `<require><feature>` of `vk.xml`: `by` (a version or extension), when supported and
/// when `depends` holds, requires at least one of `any_of` (name, member index) of
/// `structure`.
#[derive(Clone, Copy, Debug)]
pub struct FeatureRequirement {
    pub by: &'static str,
    pub structure: &'static str,
    pub any_of: &'static [(&'static str, usize)],
    pub depends: Option<&'static str>,
}

/// The feature structure named `name`.
pub fn feature_struct(name: &str) -> Option<&'static FeatureStruct> {
    FEATURE_STRUCTS.iter().find(|s| s.name == name)
}

/// The index of `member` among the `VkBool32` members of `structure`, if any table here
/// names it.
pub fn member_index(structure: &str, member: &str) -> Option<usize> {
    if structure == "VkPhysicalDeviceFeatures" {
        return PHYSICAL_DEVICE_FEATURES.iter().position(|&m| m == member);
    }
    DEPENDS_MEMBERS.iter().find(|&&(s, m, _)| s == structure && m == member).map(|&(_, _, i)| i).or_else(|| {
        FEATURE_REQUIREMENTS
            .iter()
            .filter(|r| r.structure == structure)
            .flat_map(|r| r.any_of.iter())
            .find(|&&(m, _)| m == member)
            .map(|&(_, i)| i)
    })
}

/// `features.adoc` `[[features-requirements]]`, the items written by hand: at least one of
/// `any_of` (extensions, or `VK_VERSION_x_y`) must be supported when the feature is.
#[rustfmt::skip]
pub const EXTENSIONS_REQUIRED_BY_FEATURES: &[(&[&str], &str)] = &[
    (&["VK_KHR_fragment_shading_rate"], "VkPhysicalDeviceMeshShaderFeaturesEXT::primitiveFragmentShadingRateMeshShader"),
    (&["VK_EXT_transform_feedback"], "VkPhysicalDeviceExtendedDynamicState3FeaturesEXT::extendedDynamicState3RasterizationStream"),
    (&["VK_EXT_conservative_rasterization"], "VkPhysicalDeviceExtendedDynamicState3FeaturesEXT::extendedDynamicState3ConservativeRasterizationMode"),
    (&["VK_EXT_conservative_rasterization"], "VkPhysicalDeviceExtendedDynamicState3FeaturesEXT::extendedDynamicState3ExtraPrimitiveOverestimationSize"),
    (&["VK_EXT_sample_locations"], "VkPhysicalDeviceExtendedDynamicState3FeaturesEXT::extendedDynamicState3SampleLocationsEnable"),
    (&["VK_EXT_blend_operation_advanced"], "VkPhysicalDeviceExtendedDynamicState3FeaturesEXT::extendedDynamicState3ColorBlendAdvanced"),
    (&["VK_EXT_provoking_vertex"], "VkPhysicalDeviceExtendedDynamicState3FeaturesEXT::extendedDynamicState3ProvokingVertexMode"),
    (&["VK_VERSION_1_4", "VK_KHR_line_rasterization", "VK_EXT_line_rasterization"], "VkPhysicalDeviceExtendedDynamicState3FeaturesEXT::extendedDynamicState3LineRasterizationMode"),
    (&["VK_KHR_line_rasterization", "VK_EXT_line_rasterization"], "VkPhysicalDeviceExtendedDynamicState3FeaturesEXT::extendedDynamicState3LineStippleEnable"),
    (&["VK_EXT_depth_clip_control"], "VkPhysicalDeviceExtendedDynamicState3FeaturesEXT::extendedDynamicState3DepthClipNegativeOneToOne"),
    (&["VK_NV_clip_space_w_scaling"], "VkPhysicalDeviceExtendedDynamicState3FeaturesEXT::extendedDynamicState3ViewportWScalingEnable"),
    (&["VK_NV_viewport_swizzle"], "VkPhysicalDeviceExtendedDynamicState3FeaturesEXT::extendedDynamicState3ViewportSwizzle"),
    (&["VK_NV_fragment_coverage_to_color"], "VkPhysicalDeviceExtendedDynamicState3FeaturesEXT::extendedDynamicState3CoverageToColorEnable"),
    (&["VK_NV_fragment_coverage_to_color"], "VkPhysicalDeviceExtendedDynamicState3FeaturesEXT::extendedDynamicState3CoverageToColorLocation"),
    (&["VK_NV_framebuffer_mixed_samples"], "VkPhysicalDeviceExtendedDynamicState3FeaturesEXT::extendedDynamicState3CoverageModulationMode"),
    (&["VK_NV_framebuffer_mixed_samples"], "VkPhysicalDeviceExtendedDynamicState3FeaturesEXT::extendedDynamicState3CoverageModulationTableEnable"),
    (&["VK_NV_framebuffer_mixed_samples"], "VkPhysicalDeviceExtendedDynamicState3FeaturesEXT::extendedDynamicState3CoverageModulationTable"),
    (&["VK_NV_coverage_reduction_mode"], "VkPhysicalDeviceExtendedDynamicState3FeaturesEXT::extendedDynamicState3CoverageReductionMode"),
    (&["VK_NV_representative_fragment_test"], "VkPhysicalDeviceExtendedDynamicState3FeaturesEXT::extendedDynamicState3RepresentativeFragmentTestEnable"),
    (&["VK_NV_shading_rate_image"], "VkPhysicalDeviceExtendedDynamicState3FeaturesEXT::extendedDynamicState3ShadingRateImageEnable"),
];

/// Support-level dependencies between Vulkan 1.0 features that `features.adoc` states:
/// `(feature, depends)`: the feature may be supported only when `depends` holds.
/// (`shaderTessellationAndGeometryPointSize`: "An implementation supporting this feature
/// must also support one or both of the tessellationShader or geometryShader features.")
pub const FEATURE_IMPLIES: &[(&str, &str)] = &[(
    "VkPhysicalDeviceFeatures::shaderTessellationAndGeometryPointSize",
    "VkPhysicalDeviceFeatures::tessellationShader,VkPhysicalDeviceFeatures::geometryShader",
)];

// Generated from xml/vk.xml (see the module documentation).
/// Every feature structure that a table here names.
#[rustfmt::skip]
pub const FEATURE_STRUCTS: &[FeatureStruct] = &[
    FeatureStruct { name: "VkPhysicalDevice16BitStorageFeatures", s_type: 1000083000, core: Some((1, 1)), extensions: &["VK_KHR_16bit_storage"] },
    FeatureStruct { name: "VkPhysicalDevice4444FormatsFeaturesEXT", s_type: 1000340000, core: None, extensions: &["VK_EXT_4444_formats"] },
    FeatureStruct { name: "VkPhysicalDevice8BitStorageFeatures", s_type: 1000177000, core: Some((1, 2)), extensions: &["VK_KHR_8bit_storage"] },
    FeatureStruct { name: "VkPhysicalDeviceAccelerationStructureFeaturesKHR", s_type: 1000150013, core: None, extensions: &["VK_KHR_acceleration_structure"] },
    FeatureStruct { name: "VkPhysicalDeviceAddressBindingReportFeaturesEXT", s_type: 1000354000, core: None, extensions: &["VK_EXT_device_address_binding_report"] },
    FeatureStruct { name: "VkPhysicalDeviceAmigoProfilingFeaturesSEC", s_type: 1000485000, core: None, extensions: &["VK_SEC_amigo_profiling"] },
    FeatureStruct { name: "VkPhysicalDeviceAntiLagFeaturesAMD", s_type: 1000476000, core: None, extensions: &["VK_AMD_anti_lag"] },
    FeatureStruct { name: "VkPhysicalDeviceAttachmentFeedbackLoopDynamicStateFeaturesEXT", s_type: 1000524000, core: None, extensions: &["VK_EXT_attachment_feedback_loop_dynamic_state"] },
    FeatureStruct { name: "VkPhysicalDeviceAttachmentFeedbackLoopLayoutFeaturesEXT", s_type: 1000339000, core: None, extensions: &["VK_EXT_attachment_feedback_loop_layout"] },
    FeatureStruct { name: "VkPhysicalDeviceBorderColorSwizzleFeaturesEXT", s_type: 1000411000, core: None, extensions: &["VK_EXT_border_color_swizzle"] },
    FeatureStruct { name: "VkPhysicalDeviceBufferDeviceAddressFeatures", s_type: 1000257000, core: Some((1, 2)), extensions: &["VK_KHR_buffer_device_address"] },
    FeatureStruct { name: "VkPhysicalDeviceBufferDeviceAddressFeaturesEXT", s_type: 1000244000, core: None, extensions: &["VK_EXT_buffer_device_address"] },
    FeatureStruct { name: "VkPhysicalDeviceClusterAccelerationStructureFeaturesNV", s_type: 1000569000, core: None, extensions: &["VK_NV_cluster_acceleration_structure"] },
    FeatureStruct { name: "VkPhysicalDeviceClusterCullingShaderFeaturesHUAWEI", s_type: 1000404000, core: None, extensions: &["VK_HUAWEI_cluster_culling_shader"] },
    FeatureStruct { name: "VkPhysicalDeviceCoherentMemoryFeaturesAMD", s_type: 1000229000, core: None, extensions: &["VK_AMD_device_coherent_memory"] },
    FeatureStruct { name: "VkPhysicalDeviceColorWriteEnableFeaturesEXT", s_type: 1000381000, core: None, extensions: &["VK_EXT_color_write_enable"] },
    FeatureStruct { name: "VkPhysicalDeviceCommandBufferInheritanceFeaturesNV", s_type: 1000559000, core: None, extensions: &["VK_NV_command_buffer_inheritance"] },
    FeatureStruct { name: "VkPhysicalDeviceComputeOccupancyPriorityFeaturesNV", s_type: 1000645001, core: None, extensions: &["VK_NV_compute_occupancy_priority"] },
    FeatureStruct { name: "VkPhysicalDeviceComputeShaderDerivativesFeaturesKHR", s_type: 1000201000, core: None, extensions: &["VK_KHR_compute_shader_derivatives", "VK_NV_compute_shader_derivatives"] },
    FeatureStruct { name: "VkPhysicalDeviceConditionalRenderingFeaturesEXT", s_type: 1000081001, core: None, extensions: &["VK_EXT_conditional_rendering"] },
    FeatureStruct { name: "VkPhysicalDeviceCooperativeMatrix2FeaturesNV", s_type: 1000593000, core: None, extensions: &["VK_NV_cooperative_matrix2"] },
    FeatureStruct { name: "VkPhysicalDeviceCooperativeMatrixConversionFeaturesQCOM", s_type: 1000172000, core: None, extensions: &["VK_QCOM_cooperative_matrix_conversion"] },
    FeatureStruct { name: "VkPhysicalDeviceCooperativeMatrixDecodeVectorFeaturesNV", s_type: 1000689000, core: None, extensions: &["VK_NV_cooperative_matrix_decode_vector"] },
    FeatureStruct { name: "VkPhysicalDeviceCooperativeMatrixFeaturesKHR", s_type: 1000506000, core: None, extensions: &["VK_KHR_cooperative_matrix"] },
    FeatureStruct { name: "VkPhysicalDeviceCooperativeMatrixFeaturesNV", s_type: 1000249000, core: None, extensions: &["VK_NV_cooperative_matrix"] },
    FeatureStruct { name: "VkPhysicalDeviceCooperativeMatrixMaintenance1FeaturesEXT", s_type: 1000659000, core: None, extensions: &["VK_EXT_cooperative_matrix_maintenance1"] },
    FeatureStruct { name: "VkPhysicalDeviceCooperativeVectorFeaturesNV", s_type: 1000491000, core: None, extensions: &["VK_NV_cooperative_vector"] },
    FeatureStruct { name: "VkPhysicalDeviceCopyMemoryIndirectFeaturesKHR", s_type: 1000549000, core: None, extensions: &["VK_KHR_copy_memory_indirect"] },
    FeatureStruct { name: "VkPhysicalDeviceCopyMemoryIndirectFeaturesNV", s_type: 1000426000, core: None, extensions: &["VK_NV_copy_memory_indirect"] },
    FeatureStruct { name: "VkPhysicalDeviceCornerSampledImageFeaturesNV", s_type: 1000050000, core: None, extensions: &["VK_NV_corner_sampled_image"] },
    FeatureStruct { name: "VkPhysicalDeviceCoverageReductionModeFeaturesNV", s_type: 1000250000, core: None, extensions: &["VK_NV_coverage_reduction_mode"] },
    FeatureStruct { name: "VkPhysicalDeviceCubicClampFeaturesQCOM", s_type: 1000521000, core: None, extensions: &["VK_QCOM_filter_cubic_clamp"] },
    FeatureStruct { name: "VkPhysicalDeviceCubicWeightsFeaturesQCOM", s_type: 1000519001, core: None, extensions: &["VK_QCOM_filter_cubic_weights"] },
    FeatureStruct { name: "VkPhysicalDeviceCudaKernelLaunchFeaturesNV", s_type: 1000307003, core: None, extensions: &["VK_NV_cuda_kernel_launch"] },
    FeatureStruct { name: "VkPhysicalDeviceCustomBorderColorFeaturesEXT", s_type: 1000287002, core: None, extensions: &["VK_EXT_custom_border_color"] },
    FeatureStruct { name: "VkPhysicalDeviceCustomResolveFeaturesEXT", s_type: 1000628000, core: None, extensions: &["VK_EXT_custom_resolve"] },
    FeatureStruct { name: "VkPhysicalDeviceDataGraphFeaturesARM", s_type: 1000507006, core: None, extensions: &["VK_ARM_data_graph"] },
    FeatureStruct { name: "VkPhysicalDeviceDataGraphModelFeaturesQCOM", s_type: 1000629000, core: None, extensions: &["VK_QCOM_data_graph_model"] },
    FeatureStruct { name: "VkPhysicalDeviceDataGraphNeuralAcceleratorStatisticsFeaturesARM", s_type: 1000676002, core: None, extensions: &["VK_ARM_data_graph_neural_accelerator_statistics"] },
    FeatureStruct { name: "VkPhysicalDeviceDataGraphOpticalFlowFeaturesARM", s_type: 1000631000, core: None, extensions: &["VK_ARM_data_graph_optical_flow"] },
    FeatureStruct { name: "VkPhysicalDeviceDedicatedAllocationImageAliasingFeaturesNV", s_type: 1000240000, core: None, extensions: &["VK_NV_dedicated_allocation_image_aliasing"] },
    FeatureStruct { name: "VkPhysicalDeviceDenseGeometryFormatFeaturesAMDX", s_type: 1000478000, core: None, extensions: &["VK_AMDX_dense_geometry_format"] },
    FeatureStruct { name: "VkPhysicalDeviceDepthBiasControlFeaturesEXT", s_type: 1000283000, core: None, extensions: &["VK_EXT_depth_bias_control"] },
    FeatureStruct { name: "VkPhysicalDeviceDepthClampControlFeaturesEXT", s_type: 1000582000, core: None, extensions: &["VK_EXT_depth_clamp_control"] },
    FeatureStruct { name: "VkPhysicalDeviceDepthClampZeroOneFeaturesKHR", s_type: 1000421000, core: None, extensions: &["VK_EXT_depth_clamp_zero_one", "VK_KHR_depth_clamp_zero_one"] },
    FeatureStruct { name: "VkPhysicalDeviceDepthClipControlFeaturesEXT", s_type: 1000355000, core: None, extensions: &["VK_EXT_depth_clip_control"] },
    FeatureStruct { name: "VkPhysicalDeviceDepthClipEnableFeaturesEXT", s_type: 1000102000, core: None, extensions: &["VK_EXT_depth_clip_enable"] },
    FeatureStruct { name: "VkPhysicalDeviceDescriptorBufferFeaturesEXT", s_type: 1000316002, core: None, extensions: &["VK_EXT_descriptor_buffer"] },
    FeatureStruct { name: "VkPhysicalDeviceDescriptorHeapFeaturesEXT", s_type: 1000135009, core: None, extensions: &["VK_EXT_descriptor_heap"] },
    FeatureStruct { name: "VkPhysicalDeviceDescriptorIndexingFeatures", s_type: 1000161001, core: Some((1, 2)), extensions: &["VK_EXT_descriptor_indexing"] },
    FeatureStruct { name: "VkPhysicalDeviceDescriptorPoolOverallocationFeaturesNV", s_type: 1000546000, core: None, extensions: &["VK_NV_descriptor_pool_overallocation"] },
    FeatureStruct { name: "VkPhysicalDeviceDescriptorSetHostMappingFeaturesVALVE", s_type: 1000420000, core: None, extensions: &["VK_VALVE_descriptor_set_host_mapping"] },
    FeatureStruct { name: "VkPhysicalDeviceDeviceAddressCommandsFeaturesKHR", s_type: 1000318006, core: None, extensions: &["VK_KHR_device_address_commands"] },
    FeatureStruct { name: "VkPhysicalDeviceDeviceGeneratedCommandsComputeFeaturesNV", s_type: 1000428000, core: None, extensions: &["VK_NV_device_generated_commands_compute"] },
    FeatureStruct { name: "VkPhysicalDeviceDeviceGeneratedCommandsFeaturesEXT", s_type: 1000572000, core: None, extensions: &["VK_EXT_device_generated_commands"] },
    FeatureStruct { name: "VkPhysicalDeviceDeviceGeneratedCommandsFeaturesNV", s_type: 1000277007, core: None, extensions: &["VK_NV_device_generated_commands"] },
    FeatureStruct { name: "VkPhysicalDeviceDeviceMemoryReportFeaturesEXT", s_type: 1000284000, core: None, extensions: &["VK_EXT_device_memory_report"] },
    FeatureStruct { name: "VkPhysicalDeviceDiagnosticsConfigFeaturesNV", s_type: 1000300000, core: None, extensions: &["VK_NV_device_diagnostics_config"] },
    FeatureStruct { name: "VkPhysicalDeviceDisplacementMicromapFeaturesNV", s_type: 1000397000, core: None, extensions: &["VK_NV_displacement_micromap"] },
    FeatureStruct { name: "VkPhysicalDeviceDynamicRenderingFeatures", s_type: 1000044003, core: Some((1, 3)), extensions: &["VK_KHR_dynamic_rendering"] },
    FeatureStruct { name: "VkPhysicalDeviceDynamicRenderingLocalReadFeatures", s_type: 1000232000, core: Some((1, 4)), extensions: &["VK_KHR_dynamic_rendering_local_read"] },
    FeatureStruct { name: "VkPhysicalDeviceDynamicRenderingUnusedAttachmentsFeaturesEXT", s_type: 1000499000, core: None, extensions: &["VK_EXT_dynamic_rendering_unused_attachments"] },
    FeatureStruct { name: "VkPhysicalDeviceElapsedTimerQueryFeaturesQCOM", s_type: 1000173000, core: None, extensions: &["VK_QCOM_elapsed_timer_query"] },
    FeatureStruct { name: "VkPhysicalDeviceExclusiveScissorFeaturesNV", s_type: 1000205002, core: None, extensions: &["VK_NV_scissor_exclusive"] },
    FeatureStruct { name: "VkPhysicalDeviceExtendedDynamicState2FeaturesEXT", s_type: 1000377000, core: None, extensions: &["VK_EXT_extended_dynamic_state2"] },
    FeatureStruct { name: "VkPhysicalDeviceExtendedDynamicState3FeaturesEXT", s_type: 1000455000, core: None, extensions: &["VK_EXT_extended_dynamic_state3"] },
    FeatureStruct { name: "VkPhysicalDeviceExtendedDynamicStateFeaturesEXT", s_type: 1000267000, core: None, extensions: &["VK_EXT_extended_dynamic_state"] },
    FeatureStruct { name: "VkPhysicalDeviceExtendedFlagsFeaturesKHR", s_type: 1000668004, core: None, extensions: &["VK_KHR_extended_flags"] },
    FeatureStruct { name: "VkPhysicalDeviceExtendedSparseAddressSpaceFeaturesNV", s_type: 1000492000, core: None, extensions: &["VK_NV_extended_sparse_address_space"] },
    FeatureStruct { name: "VkPhysicalDeviceExternalFormatResolveFeaturesANDROID", s_type: 1000468000, core: None, extensions: &["VK_ANDROID_external_format_resolve"] },
    FeatureStruct { name: "VkPhysicalDeviceExternalMemoryRDMAFeaturesNV", s_type: 1000371001, core: None, extensions: &["VK_NV_external_memory_rdma"] },
    FeatureStruct { name: "VkPhysicalDeviceExternalMemoryScreenBufferFeaturesQNX", s_type: 1000529004, core: None, extensions: &["VK_QNX_external_memory_screen_buffer"] },
    FeatureStruct { name: "VkPhysicalDeviceFaultFeaturesEXT", s_type: 1000341000, core: None, extensions: &["VK_EXT_device_fault"] },
    FeatureStruct { name: "VkPhysicalDeviceFaultFeaturesKHR", s_type: 1000573000, core: None, extensions: &["VK_KHR_device_fault"] },
    FeatureStruct { name: "VkPhysicalDeviceFeatures", s_type: 1000059000, core: Some((1, 0)), extensions: &[] },
    FeatureStruct { name: "VkPhysicalDeviceFormatPackFeaturesARM", s_type: 1000609000, core: None, extensions: &["VK_ARM_format_pack"] },
    FeatureStruct { name: "VkPhysicalDeviceFragmentDensityMap2FeaturesEXT", s_type: 1000332000, core: None, extensions: &["VK_EXT_fragment_density_map2"] },
    FeatureStruct { name: "VkPhysicalDeviceFragmentDensityMapFeaturesEXT", s_type: 1000218000, core: None, extensions: &["VK_EXT_fragment_density_map"] },
    FeatureStruct { name: "VkPhysicalDeviceFragmentDensityMapLayeredFeaturesVALVE", s_type: 1000611000, core: None, extensions: &["VK_VALVE_fragment_density_map_layered"] },
    FeatureStruct { name: "VkPhysicalDeviceFragmentDensityMapOffsetFeaturesEXT", s_type: 1000425000, core: None, extensions: &["VK_EXT_fragment_density_map_offset", "VK_QCOM_fragment_density_map_offset"] },
    FeatureStruct { name: "VkPhysicalDeviceFragmentShaderBarycentricFeaturesKHR", s_type: 1000203000, core: None, extensions: &["VK_KHR_fragment_shader_barycentric", "VK_NV_fragment_shader_barycentric"] },
    FeatureStruct { name: "VkPhysicalDeviceFragmentShaderInterlockFeaturesEXT", s_type: 1000251000, core: None, extensions: &["VK_EXT_fragment_shader_interlock"] },
    FeatureStruct { name: "VkPhysicalDeviceFragmentShadingRateEnumsFeaturesNV", s_type: 1000326001, core: None, extensions: &["VK_NV_fragment_shading_rate_enums"] },
    FeatureStruct { name: "VkPhysicalDeviceFragmentShadingRateFeaturesKHR", s_type: 1000226003, core: None, extensions: &["VK_KHR_fragment_shading_rate"] },
    FeatureStruct { name: "VkPhysicalDeviceFrameBoundaryFeaturesEXT", s_type: 1000375000, core: None, extensions: &["VK_EXT_frame_boundary"] },
    FeatureStruct { name: "VkPhysicalDeviceGlobalPriorityQueryFeatures", s_type: 1000388000, core: Some((1, 4)), extensions: &["VK_EXT_global_priority_query", "VK_KHR_global_priority"] },
    FeatureStruct { name: "VkPhysicalDeviceGpaFeaturesAMD", s_type: 1000133000, core: None, extensions: &["VK_AMD_gpa_interface"] },
    FeatureStruct { name: "VkPhysicalDeviceGraphicsPipelineLibraryFeaturesEXT", s_type: 1000320000, core: None, extensions: &["VK_EXT_graphics_pipeline_library"] },
    FeatureStruct { name: "VkPhysicalDeviceHdrVividFeaturesHUAWEI", s_type: 1000590000, core: None, extensions: &["VK_HUAWEI_hdr_vivid"] },
    FeatureStruct { name: "VkPhysicalDeviceHostImageCopyFeatures", s_type: 1000270000, core: Some((1, 4)), extensions: &["VK_EXT_host_image_copy"] },
    FeatureStruct { name: "VkPhysicalDeviceHostQueryResetFeatures", s_type: 1000261000, core: Some((1, 2)), extensions: &["VK_EXT_host_query_reset"] },
    FeatureStruct { name: "VkPhysicalDeviceImage2DViewOf3DFeaturesEXT", s_type: 1000393000, core: None, extensions: &["VK_EXT_image_2d_view_of_3d"] },
    FeatureStruct { name: "VkPhysicalDeviceImageAlignmentControlFeaturesMESA", s_type: 1000575000, core: None, extensions: &["VK_MESA_image_alignment_control"] },
    FeatureStruct { name: "VkPhysicalDeviceImageCompressionControlFeaturesEXT", s_type: 1000338000, core: None, extensions: &["VK_EXT_image_compression_control"] },
    FeatureStruct { name: "VkPhysicalDeviceImageCompressionControlSwapchainFeaturesEXT", s_type: 1000437000, core: None, extensions: &["VK_EXT_image_compression_control_swapchain"] },
    FeatureStruct { name: "VkPhysicalDeviceImageProcessing2FeaturesQCOM", s_type: 1000518000, core: None, extensions: &["VK_QCOM_image_processing2"] },
    FeatureStruct { name: "VkPhysicalDeviceImageProcessing3FeaturesQCOM", s_type: 1000303000, core: None, extensions: &["VK_QCOM_image_processing3"] },
    FeatureStruct { name: "VkPhysicalDeviceImageProcessingFeaturesQCOM", s_type: 1000440000, core: None, extensions: &["VK_QCOM_image_processing"] },
    FeatureStruct { name: "VkPhysicalDeviceImageRobustnessFeatures", s_type: 1000335000, core: Some((1, 3)), extensions: &["VK_EXT_image_robustness"] },
    FeatureStruct { name: "VkPhysicalDeviceImageSlicedViewOf3DFeaturesEXT", s_type: 1000418000, core: None, extensions: &["VK_EXT_image_sliced_view_of_3d"] },
    FeatureStruct { name: "VkPhysicalDeviceImageTilingControlFeaturesEXT", s_type: 1000687000, core: None, extensions: &["VK_EXT_image_tiling_control"] },
    FeatureStruct { name: "VkPhysicalDeviceImageViewMinLodFeaturesEXT", s_type: 1000391000, core: None, extensions: &["VK_EXT_image_view_min_lod"] },
    FeatureStruct { name: "VkPhysicalDeviceImagelessFramebufferFeatures", s_type: 1000108000, core: Some((1, 2)), extensions: &["VK_KHR_imageless_framebuffer"] },
    FeatureStruct { name: "VkPhysicalDeviceIndexTypeUint8Features", s_type: 1000265000, core: Some((1, 4)), extensions: &["VK_EXT_index_type_uint8", "VK_KHR_index_type_uint8"] },
    FeatureStruct { name: "VkPhysicalDeviceInheritedViewportScissorFeaturesNV", s_type: 1000278000, core: None, extensions: &["VK_NV_inherited_viewport_scissor"] },
    FeatureStruct { name: "VkPhysicalDeviceInlineUniformBlockFeatures", s_type: 1000138000, core: Some((1, 3)), extensions: &["VK_EXT_inline_uniform_block"] },
    FeatureStruct { name: "VkPhysicalDeviceInternallySynchronizedQueuesFeaturesKHR", s_type: 1000504000, core: None, extensions: &["VK_KHR_internally_synchronized_queues"] },
    FeatureStruct { name: "VkPhysicalDeviceInvocationMaskFeaturesHUAWEI", s_type: 1000370000, core: None, extensions: &["VK_HUAWEI_invocation_mask"] },
    FeatureStruct { name: "VkPhysicalDeviceLegacyDitheringFeaturesEXT", s_type: 1000465000, core: None, extensions: &["VK_EXT_legacy_dithering"] },
    FeatureStruct { name: "VkPhysicalDeviceLegacyVertexAttributesFeaturesEXT", s_type: 1000495000, core: None, extensions: &["VK_EXT_legacy_vertex_attributes"] },
    FeatureStruct { name: "VkPhysicalDeviceLineRasterizationFeatures", s_type: 1000259000, core: Some((1, 4)), extensions: &["VK_EXT_line_rasterization", "VK_KHR_line_rasterization"] },
    FeatureStruct { name: "VkPhysicalDeviceLinearColorAttachmentFeaturesNV", s_type: 1000430000, core: None, extensions: &["VK_NV_linear_color_attachment"] },
    FeatureStruct { name: "VkPhysicalDeviceMaintenance10FeaturesKHR", s_type: 1000630000, core: None, extensions: &["VK_KHR_maintenance10"] },
    FeatureStruct { name: "VkPhysicalDeviceMaintenance11FeaturesKHR", s_type: 1000657000, core: None, extensions: &["VK_KHR_maintenance11"] },
    FeatureStruct { name: "VkPhysicalDeviceMaintenance4Features", s_type: 1000413000, core: Some((1, 3)), extensions: &["VK_KHR_maintenance4"] },
    FeatureStruct { name: "VkPhysicalDeviceMaintenance5Features", s_type: 1000470000, core: Some((1, 4)), extensions: &["VK_KHR_maintenance5"] },
    FeatureStruct { name: "VkPhysicalDeviceMaintenance6Features", s_type: 1000545000, core: Some((1, 4)), extensions: &["VK_KHR_maintenance6"] },
    FeatureStruct { name: "VkPhysicalDeviceMaintenance7FeaturesKHR", s_type: 1000562000, core: None, extensions: &["VK_KHR_maintenance7"] },
    FeatureStruct { name: "VkPhysicalDeviceMaintenance8FeaturesKHR", s_type: 1000574000, core: None, extensions: &["VK_KHR_maintenance8"] },
    FeatureStruct { name: "VkPhysicalDeviceMaintenance9FeaturesKHR", s_type: 1000584000, core: None, extensions: &["VK_KHR_maintenance9"] },
    FeatureStruct { name: "VkPhysicalDeviceMapMemoryPlacedFeaturesEXT", s_type: 1000272000, core: None, extensions: &["VK_EXT_map_memory_placed"] },
    FeatureStruct { name: "VkPhysicalDeviceMemoryDecompressionFeaturesEXT", s_type: 1000427000, core: None, extensions: &["VK_EXT_memory_decompression", "VK_NV_memory_decompression"] },
    FeatureStruct { name: "VkPhysicalDeviceMemoryPriorityFeaturesEXT", s_type: 1000238000, core: None, extensions: &["VK_EXT_memory_priority"] },
    FeatureStruct { name: "VkPhysicalDeviceMeshShaderFeaturesEXT", s_type: 1000328000, core: None, extensions: &["VK_EXT_mesh_shader"] },
    FeatureStruct { name: "VkPhysicalDeviceMeshShaderFeaturesNV", s_type: 1000202000, core: None, extensions: &["VK_NV_mesh_shader"] },
    FeatureStruct { name: "VkPhysicalDeviceMultiDrawFeaturesEXT", s_type: 1000392000, core: None, extensions: &["VK_EXT_multi_draw"] },
    FeatureStruct { name: "VkPhysicalDeviceMultisampledRenderToSingleSampledFeaturesEXT", s_type: 1000376000, core: None, extensions: &["VK_EXT_multisampled_render_to_single_sampled"] },
    FeatureStruct { name: "VkPhysicalDeviceMultisampledRenderToSwapchainFeaturesEXT", s_type: 1000616000, core: None, extensions: &["VK_EXT_multisampled_render_to_swapchain"] },
    FeatureStruct { name: "VkPhysicalDeviceMultiviewFeatures", s_type: 1000053001, core: Some((1, 1)), extensions: &["VK_KHR_multiview"] },
    FeatureStruct { name: "VkPhysicalDeviceMultiviewPerViewRenderAreasFeaturesQCOM", s_type: 1000510000, core: None, extensions: &["VK_QCOM_multiview_per_view_render_areas"] },
    FeatureStruct { name: "VkPhysicalDeviceMultiviewPerViewViewportsFeaturesQCOM", s_type: 1000488000, core: None, extensions: &["VK_QCOM_multiview_per_view_viewports"] },
    FeatureStruct { name: "VkPhysicalDeviceMutableDescriptorTypeFeaturesEXT", s_type: 1000351000, core: None, extensions: &["VK_EXT_mutable_descriptor_type", "VK_VALVE_mutable_descriptor_type"] },
    FeatureStruct { name: "VkPhysicalDeviceNestedCommandBufferFeaturesEXT", s_type: 1000451000, core: None, extensions: &["VK_EXT_nested_command_buffer"] },
    FeatureStruct { name: "VkPhysicalDeviceNonSeamlessCubeMapFeaturesEXT", s_type: 1000422000, core: None, extensions: &["VK_EXT_non_seamless_cube_map"] },
    FeatureStruct { name: "VkPhysicalDeviceOpacityMicromapFeaturesEXT", s_type: 1000396005, core: None, extensions: &["VK_EXT_opacity_micromap"] },
    FeatureStruct { name: "VkPhysicalDeviceOpacityMicromapFeaturesKHR", s_type: 1000623000, core: None, extensions: &["VK_KHR_opacity_micromap"] },
    FeatureStruct { name: "VkPhysicalDeviceOpticalFlowFeaturesNV", s_type: 1000464000, core: None, extensions: &["VK_NV_optical_flow"] },
    FeatureStruct { name: "VkPhysicalDevicePageableDeviceLocalMemoryFeaturesEXT", s_type: 1000412000, core: None, extensions: &["VK_EXT_pageable_device_local_memory"] },
    FeatureStruct { name: "VkPhysicalDevicePartitionedAccelerationStructureFeaturesNV", s_type: 1000570000, core: None, extensions: &["VK_NV_partitioned_acceleration_structure"] },
    FeatureStruct { name: "VkPhysicalDevicePerStageDescriptorSetFeaturesNV", s_type: 1000516000, core: None, extensions: &["VK_NV_per_stage_descriptor_set"] },
    FeatureStruct { name: "VkPhysicalDevicePerformanceCountersByRegionFeaturesARM", s_type: 1000605000, core: None, extensions: &["VK_ARM_performance_counters_by_region"] },
    FeatureStruct { name: "VkPhysicalDevicePerformanceQueryFeaturesKHR", s_type: 1000116000, core: None, extensions: &["VK_KHR_performance_query"] },
    FeatureStruct { name: "VkPhysicalDevicePipelineBinaryFeaturesKHR", s_type: 1000483000, core: None, extensions: &["VK_KHR_pipeline_binary"] },
    FeatureStruct { name: "VkPhysicalDevicePipelineCacheIncrementalModeFeaturesSEC", s_type: 1000637000, core: None, extensions: &["VK_SEC_pipeline_cache_incremental_mode"] },
    FeatureStruct { name: "VkPhysicalDevicePipelineCreationCacheControlFeatures", s_type: 1000297000, core: Some((1, 3)), extensions: &["VK_EXT_pipeline_creation_cache_control"] },
    FeatureStruct { name: "VkPhysicalDevicePipelineExecutablePropertiesFeaturesKHR", s_type: 1000269000, core: None, extensions: &["VK_KHR_pipeline_executable_properties"] },
    FeatureStruct { name: "VkPhysicalDevicePipelineLibraryGroupHandlesFeaturesEXT", s_type: 1000498000, core: None, extensions: &["VK_EXT_pipeline_library_group_handles"] },
    FeatureStruct { name: "VkPhysicalDevicePipelineOpacityMicromapFeaturesARM", s_type: 1000596000, core: None, extensions: &["VK_ARM_pipeline_opacity_micromap"] },
    FeatureStruct { name: "VkPhysicalDevicePipelinePropertiesFeaturesEXT", s_type: 1000372001, core: None, extensions: &["VK_EXT_pipeline_properties"] },
    FeatureStruct { name: "VkPhysicalDevicePipelineProtectedAccessFeatures", s_type: 1000466000, core: Some((1, 4)), extensions: &["VK_EXT_pipeline_protected_access"] },
    FeatureStruct { name: "VkPhysicalDevicePipelineRobustnessFeatures", s_type: 1000068001, core: Some((1, 4)), extensions: &["VK_EXT_pipeline_robustness"] },
    FeatureStruct { name: "VkPhysicalDevicePresentBarrierFeaturesNV", s_type: 1000292000, core: None, extensions: &["VK_NV_present_barrier"] },
    FeatureStruct { name: "VkPhysicalDevicePresentId2FeaturesKHR", s_type: 1000479002, core: None, extensions: &["VK_KHR_present_id2"] },
    FeatureStruct { name: "VkPhysicalDevicePresentIdFeaturesKHR", s_type: 1000294001, core: None, extensions: &["VK_KHR_present_id"] },
    FeatureStruct { name: "VkPhysicalDevicePresentMeteringFeaturesNV", s_type: 1000613001, core: None, extensions: &["VK_NV_present_metering"] },
    FeatureStruct { name: "VkPhysicalDevicePresentModeFifoLatestReadyFeaturesKHR", s_type: 1000361000, core: None, extensions: &["VK_EXT_present_mode_fifo_latest_ready", "VK_KHR_present_mode_fifo_latest_ready"] },
    FeatureStruct { name: "VkPhysicalDevicePresentTimingFeaturesEXT", s_type: 1000208000, core: None, extensions: &["VK_EXT_present_timing"] },
    FeatureStruct { name: "VkPhysicalDevicePresentWait2FeaturesKHR", s_type: 1000480001, core: None, extensions: &["VK_KHR_present_wait2"] },
    FeatureStruct { name: "VkPhysicalDevicePresentWaitFeaturesKHR", s_type: 1000248000, core: None, extensions: &["VK_KHR_present_wait"] },
    FeatureStruct { name: "VkPhysicalDevicePrimitiveRestartIndexFeaturesEXT", s_type: 1000678000, core: None, extensions: &["VK_EXT_primitive_restart_index"] },
    FeatureStruct { name: "VkPhysicalDevicePrimitiveTopologyListRestartFeaturesEXT", s_type: 1000356000, core: None, extensions: &["VK_EXT_primitive_topology_list_restart"] },
    FeatureStruct { name: "VkPhysicalDevicePrimitivesGeneratedQueryFeaturesEXT", s_type: 1000382000, core: None, extensions: &["VK_EXT_primitives_generated_query"] },
    FeatureStruct { name: "VkPhysicalDevicePrivateDataFeatures", s_type: 1000295000, core: Some((1, 3)), extensions: &["VK_EXT_private_data"] },
    FeatureStruct { name: "VkPhysicalDeviceProvokingVertexFeaturesEXT", s_type: 1000254000, core: None, extensions: &["VK_EXT_provoking_vertex"] },
    FeatureStruct { name: "VkPhysicalDevicePushConstantBankFeaturesNV", s_type: 1000580001, core: None, extensions: &["VK_NV_push_constant_bank"] },
    FeatureStruct { name: "VkPhysicalDeviceQueuePerfHintFeaturesQCOM", s_type: 1000302001, core: None, extensions: &["VK_QCOM_queue_perf_hint"] },
    FeatureStruct { name: "VkPhysicalDeviceRGBA10X6FormatsFeaturesEXT", s_type: 1000344000, core: None, extensions: &["VK_EXT_rgba10x6_formats"] },
    FeatureStruct { name: "VkPhysicalDeviceRawAccessChainsFeaturesNV", s_type: 1000555000, core: None, extensions: &["VK_NV_raw_access_chains"] },
    FeatureStruct { name: "VkPhysicalDeviceRayQueryFeaturesKHR", s_type: 1000348013, core: None, extensions: &["VK_KHR_ray_query"] },
    FeatureStruct { name: "VkPhysicalDeviceRayTracingInvocationReorderFeaturesEXT", s_type: 1000581000, core: None, extensions: &["VK_EXT_ray_tracing_invocation_reorder"] },
    FeatureStruct { name: "VkPhysicalDeviceRayTracingInvocationReorderFeaturesNV", s_type: 1000490000, core: None, extensions: &["VK_NV_ray_tracing_invocation_reorder"] },
    FeatureStruct { name: "VkPhysicalDeviceRayTracingLinearSweptSpheresFeaturesNV", s_type: 1000429008, core: None, extensions: &["VK_NV_ray_tracing_linear_swept_spheres"] },
    FeatureStruct { name: "VkPhysicalDeviceRayTracingMaintenance1FeaturesKHR", s_type: 1000386000, core: None, extensions: &["VK_KHR_ray_tracing_maintenance1"] },
    FeatureStruct { name: "VkPhysicalDeviceRayTracingMotionBlurFeaturesNV", s_type: 1000327001, core: None, extensions: &["VK_NV_ray_tracing_motion_blur"] },
    FeatureStruct { name: "VkPhysicalDeviceRayTracingPipelineFeaturesKHR", s_type: 1000347000, core: None, extensions: &["VK_KHR_ray_tracing_pipeline"] },
    FeatureStruct { name: "VkPhysicalDeviceRayTracingPositionFetchFeaturesKHR", s_type: 1000481000, core: None, extensions: &["VK_KHR_ray_tracing_position_fetch"] },
    FeatureStruct { name: "VkPhysicalDeviceRayTracingValidationFeaturesNV", s_type: 1000568000, core: None, extensions: &["VK_NV_ray_tracing_validation"] },
    FeatureStruct { name: "VkPhysicalDeviceRelaxedLineRasterizationFeaturesIMG", s_type: 1000110000, core: None, extensions: &["VK_IMG_relaxed_line_rasterization"] },
    FeatureStruct { name: "VkPhysicalDeviceRenderPassStripedFeaturesARM", s_type: 1000424000, core: None, extensions: &["VK_ARM_render_pass_striped"] },
    FeatureStruct { name: "VkPhysicalDeviceRepresentativeFragmentTestFeaturesNV", s_type: 1000166000, core: None, extensions: &["VK_NV_representative_fragment_test"] },
    FeatureStruct { name: "VkPhysicalDeviceRobustness2FeaturesKHR", s_type: 1000286000, core: None, extensions: &["VK_EXT_robustness2", "VK_KHR_robustness2"] },
    FeatureStruct { name: "VkPhysicalDeviceSamplerYcbcrConversionFeatures", s_type: 1000156004, core: Some((1, 1)), extensions: &["VK_KHR_sampler_ycbcr_conversion"] },
    FeatureStruct { name: "VkPhysicalDeviceScalarBlockLayoutFeatures", s_type: 1000221000, core: Some((1, 2)), extensions: &["VK_EXT_scalar_block_layout"] },
    FeatureStruct { name: "VkPhysicalDeviceSchedulingControlsFeaturesARM", s_type: 1000417001, core: None, extensions: &["VK_ARM_scheduling_controls"] },
    FeatureStruct { name: "VkPhysicalDeviceSeparateDepthStencilLayoutsFeatures", s_type: 1000241000, core: Some((1, 2)), extensions: &["VK_KHR_separate_depth_stencil_layouts"] },
    FeatureStruct { name: "VkPhysicalDeviceShader64BitIndexingFeaturesEXT", s_type: 1000627000, core: None, extensions: &["VK_EXT_shader_64bit_indexing"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderAbortFeaturesKHR", s_type: 1000233000, core: None, extensions: &["VK_KHR_shader_abort"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderAtomicFloat16VectorFeaturesNV", s_type: 1000563000, core: None, extensions: &["VK_NV_shader_atomic_float16_vector"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderAtomicFloat2FeaturesEXT", s_type: 1000273000, core: None, extensions: &["VK_EXT_shader_atomic_float2"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderAtomicFloatFeaturesEXT", s_type: 1000260000, core: None, extensions: &["VK_EXT_shader_atomic_float"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderAtomicInt64Features", s_type: 1000180000, core: Some((1, 2)), extensions: &["VK_KHR_shader_atomic_int64"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderBfloat16FeaturesKHR", s_type: 1000141000, core: None, extensions: &["VK_KHR_shader_bfloat16"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderClockFeaturesKHR", s_type: 1000181000, core: None, extensions: &["VK_KHR_shader_clock"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderConstantDataFeaturesKHR", s_type: 1000231000, core: None, extensions: &["VK_KHR_shader_constant_data"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderCoreBuiltinsFeaturesARM", s_type: 1000497000, core: None, extensions: &["VK_ARM_shader_core_builtins"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderDemoteToHelperInvocationFeatures", s_type: 1000276000, core: Some((1, 3)), extensions: &["VK_EXT_shader_demote_to_helper_invocation"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderDrawParametersFeatures", s_type: 1000063000, core: Some((1, 1)), extensions: &[] },
    FeatureStruct { name: "VkPhysicalDeviceShaderEarlyAndLateFragmentTestsFeaturesAMD", s_type: 1000321000, core: None, extensions: &["VK_AMD_shader_early_and_late_fragment_tests"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderEnqueueFeaturesAMDX", s_type: 1000134000, core: None, extensions: &["VK_AMDX_shader_enqueue"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderExpectAssumeFeatures", s_type: 1000544000, core: Some((1, 4)), extensions: &["VK_KHR_shader_expect_assume"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderFloat16Int8Features", s_type: 1000082000, core: Some((1, 2)), extensions: &["VK_KHR_shader_float16_int8"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderFloat8FeaturesEXT", s_type: 1000567000, core: None, extensions: &["VK_EXT_shader_float8"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderFloatControls2Features", s_type: 1000528000, core: Some((1, 4)), extensions: &["VK_KHR_shader_float_controls2"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderFmaFeaturesKHR", s_type: 1000579000, core: None, extensions: &["VK_KHR_shader_fma"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderImageAtomicInt64FeaturesEXT", s_type: 1000234000, core: None, extensions: &["VK_EXT_shader_image_atomic_int64"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderImageFootprintFeaturesNV", s_type: 1000204000, core: None, extensions: &["VK_NV_shader_image_footprint"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderInstrumentationFeaturesARM", s_type: 1000607000, core: None, extensions: &["VK_ARM_shader_instrumentation"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderIntegerDotProductFeatures", s_type: 1000280000, core: Some((1, 3)), extensions: &["VK_KHR_shader_integer_dot_product"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderIntegerFunctions2FeaturesINTEL", s_type: 1000209000, core: None, extensions: &["VK_INTEL_shader_integer_functions2"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderLongVectorFeaturesEXT", s_type: 1000635000, core: None, extensions: &["VK_EXT_shader_long_vector"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderMaximalReconvergenceFeaturesKHR", s_type: 1000434000, core: None, extensions: &["VK_KHR_shader_maximal_reconvergence"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderMixedFloatDotProductFeaturesVALVE", s_type: 1000673000, core: None, extensions: &["VK_VALVE_shader_mixed_float_dot_product"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderModuleIdentifierFeaturesEXT", s_type: 1000462000, core: None, extensions: &["VK_EXT_shader_module_identifier"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderMultipleWaitQueuesFeaturesQCOM", s_type: 1000304000, core: None, extensions: &["VK_QCOM_shader_multiple_wait_queues"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderOCPMicroscalingTypesFeaturesEXT", s_type: 1000672000, core: None, extensions: &["VK_EXT_shader_ocp_microscaling_types"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderObjectFeaturesEXT", s_type: 1000482000, core: None, extensions: &["VK_EXT_shader_object"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderQuadControlFeaturesKHR", s_type: 1000235000, core: None, extensions: &["VK_KHR_shader_quad_control"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderRelaxedExtendedInstructionFeaturesKHR", s_type: 1000558000, core: None, extensions: &["VK_KHR_shader_relaxed_extended_instruction"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderReplicatedCompositesFeaturesEXT", s_type: 1000564000, core: None, extensions: &["VK_EXT_shader_replicated_composites"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderSMBuiltinsFeaturesNV", s_type: 1000154000, core: None, extensions: &["VK_NV_shader_sm_builtins"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderSplitBarrierFeaturesEXT", s_type: 1000305000, core: None, extensions: &["VK_EXT_shader_split_barrier"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderSubgroupExtendedTypesFeatures", s_type: 1000175000, core: Some((1, 2)), extensions: &["VK_KHR_shader_subgroup_extended_types"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderSubgroupPartitionedFeaturesEXT", s_type: 1000662000, core: None, extensions: &["VK_EXT_shader_subgroup_partitioned"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderSubgroupRotateFeatures", s_type: 1000416000, core: Some((1, 4)), extensions: &["VK_KHR_shader_subgroup_rotate"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderSubgroupUniformControlFlowFeaturesKHR", s_type: 1000323000, core: None, extensions: &["VK_KHR_shader_subgroup_uniform_control_flow"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderTerminateInvocationFeatures", s_type: 1000215000, core: Some((1, 3)), extensions: &["VK_KHR_shader_terminate_invocation"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderTileImageFeaturesEXT", s_type: 1000395000, core: None, extensions: &["VK_EXT_shader_tile_image"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderUniformBufferUnsizedArrayFeaturesEXT", s_type: 1000642000, core: None, extensions: &["VK_EXT_shader_uniform_buffer_unsized_array"] },
    FeatureStruct { name: "VkPhysicalDeviceShaderUntypedPointersFeaturesKHR", s_type: 1000387000, core: None, extensions: &["VK_KHR_shader_untyped_pointers"] },
    FeatureStruct { name: "VkPhysicalDeviceShadingRateImageFeaturesNV", s_type: 1000164001, core: None, extensions: &["VK_NV_shading_rate_image"] },
    FeatureStruct { name: "VkPhysicalDeviceSubgroupSizeControlFeatures", s_type: 1000225002, core: Some((1, 3)), extensions: &["VK_EXT_subgroup_size_control"] },
    FeatureStruct { name: "VkPhysicalDeviceSubpassMergeFeedbackFeaturesEXT", s_type: 1000458000, core: None, extensions: &["VK_EXT_subpass_merge_feedback"] },
    FeatureStruct { name: "VkPhysicalDeviceSubpassShadingFeaturesHUAWEI", s_type: 1000369001, core: None, extensions: &["VK_HUAWEI_subpass_shading"] },
    FeatureStruct { name: "VkPhysicalDeviceSwapchainMaintenance1FeaturesKHR", s_type: 1000275000, core: None, extensions: &["VK_EXT_swapchain_maintenance1", "VK_KHR_swapchain_maintenance1"] },
    FeatureStruct { name: "VkPhysicalDeviceSynchronization2Features", s_type: 1000314007, core: Some((1, 3)), extensions: &["VK_KHR_synchronization2"] },
    FeatureStruct { name: "VkPhysicalDeviceTensorFeaturesARM", s_type: 1000460009, core: None, extensions: &["VK_ARM_tensors"] },
    FeatureStruct { name: "VkPhysicalDeviceTexelBufferAlignmentFeaturesEXT", s_type: 1000281000, core: None, extensions: &["VK_EXT_texel_buffer_alignment"] },
    FeatureStruct { name: "VkPhysicalDeviceTextureCompressionASTC3DFeaturesEXT", s_type: 1000288000, core: None, extensions: &["VK_EXT_texture_compression_astc_3d"] },
    FeatureStruct { name: "VkPhysicalDeviceTextureCompressionASTCHDRFeatures", s_type: 1000066000, core: Some((1, 3)), extensions: &["VK_EXT_texture_compression_astc_hdr"] },
    FeatureStruct { name: "VkPhysicalDeviceThrottleHintFeaturesSEC", s_type: 1000674000, core: None, extensions: &["VK_SEC_throttle_hint"] },
    FeatureStruct { name: "VkPhysicalDeviceTileMemoryHeapFeaturesQCOM", s_type: 1000547000, core: None, extensions: &["VK_QCOM_tile_memory_heap"] },
    FeatureStruct { name: "VkPhysicalDeviceTilePropertiesFeaturesQCOM", s_type: 1000484000, core: None, extensions: &["VK_QCOM_tile_properties"] },
    FeatureStruct { name: "VkPhysicalDeviceTileShadingFeaturesQCOM", s_type: 1000309000, core: None, extensions: &["VK_QCOM_tile_shading"] },
    FeatureStruct { name: "VkPhysicalDeviceTimelineSemaphoreFeatures", s_type: 1000207000, core: Some((1, 2)), extensions: &["VK_KHR_timeline_semaphore"] },
    FeatureStruct { name: "VkPhysicalDeviceTransformFeedbackFeaturesEXT", s_type: 1000028000, core: None, extensions: &["VK_EXT_transform_feedback"] },
    FeatureStruct { name: "VkPhysicalDeviceUnifiedImageLayoutsFeaturesKHR", s_type: 1000527000, core: None, extensions: &["VK_KHR_unified_image_layouts"] },
    FeatureStruct { name: "VkPhysicalDeviceUniformBufferStandardLayoutFeatures", s_type: 1000253000, core: Some((1, 2)), extensions: &["VK_KHR_uniform_buffer_standard_layout"] },
    FeatureStruct { name: "VkPhysicalDeviceVariablePointersFeatures", s_type: 1000120000, core: Some((1, 1)), extensions: &["VK_KHR_variable_pointers"] },
    FeatureStruct { name: "VkPhysicalDeviceVertexAttributeDivisorFeatures", s_type: 1000190002, core: Some((1, 4)), extensions: &["VK_EXT_vertex_attribute_divisor", "VK_KHR_vertex_attribute_divisor"] },
    FeatureStruct { name: "VkPhysicalDeviceVertexAttributeRobustnessFeaturesEXT", s_type: 1000608000, core: None, extensions: &["VK_EXT_vertex_attribute_robustness"] },
    FeatureStruct { name: "VkPhysicalDeviceVertexInputDynamicStateFeaturesEXT", s_type: 1000352000, core: None, extensions: &["VK_EXT_vertex_input_dynamic_state"] },
    FeatureStruct { name: "VkPhysicalDeviceVideoDecodeVP9FeaturesKHR", s_type: 1000514000, core: None, extensions: &["VK_KHR_video_decode_vp9"] },
    FeatureStruct { name: "VkPhysicalDeviceVideoEncodeAV1FeaturesKHR", s_type: 1000513004, core: None, extensions: &["VK_KHR_video_encode_av1"] },
    FeatureStruct { name: "VkPhysicalDeviceVideoEncodeFeedback2FeaturesKHR", s_type: 1000598000, core: None, extensions: &["VK_KHR_video_encode_feedback2"] },
    FeatureStruct { name: "VkPhysicalDeviceVideoEncodeIntraRefreshFeaturesKHR", s_type: 1000552004, core: None, extensions: &["VK_KHR_video_encode_intra_refresh"] },
    FeatureStruct { name: "VkPhysicalDeviceVideoEncodeQuantizationMapFeaturesKHR", s_type: 1000553009, core: None, extensions: &["VK_KHR_video_encode_quantization_map"] },
    FeatureStruct { name: "VkPhysicalDeviceVideoEncodeRgbConversionFeaturesVALVE", s_type: 1000390000, core: None, extensions: &["VK_VALVE_video_encode_rgb_conversion"] },
    FeatureStruct { name: "VkPhysicalDeviceVideoMaintenance1FeaturesKHR", s_type: 1000515000, core: None, extensions: &["VK_KHR_video_maintenance1"] },
    FeatureStruct { name: "VkPhysicalDeviceVideoMaintenance2FeaturesKHR", s_type: 1000586000, core: None, extensions: &["VK_KHR_video_maintenance2"] },
    FeatureStruct { name: "VkPhysicalDeviceVulkan12Features", s_type: 51, core: Some((1, 2)), extensions: &[] },
    FeatureStruct { name: "VkPhysicalDeviceVulkanMemoryModelFeatures", s_type: 1000211000, core: Some((1, 2)), extensions: &["VK_KHR_vulkan_memory_model"] },
    FeatureStruct { name: "VkPhysicalDeviceWorkgroupMemoryExplicitLayoutFeaturesKHR", s_type: 1000336000, core: None, extensions: &["VK_KHR_workgroup_memory_explicit_layout"] },
    FeatureStruct { name: "VkPhysicalDeviceYcbcr2Plane444FormatsFeaturesEXT", s_type: 1000330000, core: None, extensions: &["VK_EXT_ycbcr_2plane_444_formats"] },
    FeatureStruct { name: "VkPhysicalDeviceYcbcrDegammaFeaturesQCOM", s_type: 1000520000, core: None, extensions: &["VK_QCOM_ycbcr_degamma"] },
    FeatureStruct { name: "VkPhysicalDeviceYcbcrImageArraysFeaturesEXT", s_type: 1000252000, core: None, extensions: &["VK_EXT_ycbcr_image_arrays"] },
    FeatureStruct { name: "VkPhysicalDeviceZeroInitializeDeviceMemoryFeaturesEXT", s_type: 1000620000, core: None, extensions: &["VK_EXT_zero_initialize_device_memory"] },
    FeatureStruct { name: "VkPhysicalDeviceZeroInitializeWorkgroupMemoryFeatures", s_type: 1000325000, core: Some((1, 3)), extensions: &["VK_KHR_zero_initialize_workgroup_memory"] },
];

/// `features.adoc` [[features-requirements]]: `VK_VERSION_1_0`, `VK_VERSION_1_1` and every device
/// extension of `vk.xml` that requires features.
#[rustfmt::skip]
pub const FEATURE_REQUIREMENTS: &[FeatureRequirement] = &[
    FeatureRequirement { by: "VK_VERSION_1_0", structure: "VkPhysicalDeviceFeatures", any_of: &[("robustBufferAccess", 0)], depends: None },
    FeatureRequirement { by: "VK_VERSION_1_1", structure: "VkPhysicalDeviceMultiviewFeatures", any_of: &[("multiview", 0)], depends: None },
    FeatureRequirement { by: "VK_VERSION_1_1", structure: "VkPhysicalDevice16BitStorageFeatures", any_of: &[("storageBuffer16BitAccess", 0)], depends: Some("VkPhysicalDevice16BitStorageFeatures::uniformAndStorageBuffer16BitAccess") },
    FeatureRequirement { by: "VK_VERSION_1_1", structure: "VkPhysicalDeviceShaderDrawParametersFeatures", any_of: &[("shaderDrawParameters", 0)], depends: Some("VK_KHR_shader_draw_parameters") },
    FeatureRequirement { by: "VK_EXT_transform_feedback", structure: "VkPhysicalDeviceTransformFeedbackFeaturesEXT", any_of: &[("transformFeedback", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_dynamic_rendering", structure: "VkPhysicalDeviceDynamicRenderingFeatures", any_of: &[("dynamicRendering", 0)], depends: None },
    FeatureRequirement { by: "VK_NV_corner_sampled_image", structure: "VkPhysicalDeviceCornerSampledImageFeaturesNV", any_of: &[("cornerSampledImage", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_multiview", structure: "VkPhysicalDeviceMultiviewFeatures", any_of: &[("multiview", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_texture_compression_astc_hdr", structure: "VkPhysicalDeviceTextureCompressionASTCHDRFeatures", any_of: &[("textureCompressionASTC_HDR", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_pipeline_robustness", structure: "VkPhysicalDevicePipelineRobustnessFeatures", any_of: &[("pipelineRobustness", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_conditional_rendering", structure: "VkPhysicalDeviceConditionalRenderingFeaturesEXT", any_of: &[("conditionalRendering", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_shader_float16_int8", structure: "VkPhysicalDeviceShaderFloat16Int8Features", any_of: &[("shaderFloat16", 0), ("shaderInt8", 1)], depends: None },
    FeatureRequirement { by: "VK_KHR_16bit_storage", structure: "VkPhysicalDevice16BitStorageFeatures", any_of: &[("storageBuffer16BitAccess", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_depth_clip_enable", structure: "VkPhysicalDeviceDepthClipEnableFeaturesEXT", any_of: &[("depthClipEnable", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_imageless_framebuffer", structure: "VkPhysicalDeviceImagelessFramebufferFeatures", any_of: &[("imagelessFramebuffer", 0)], depends: None },
    FeatureRequirement { by: "VK_IMG_relaxed_line_rasterization", structure: "VkPhysicalDeviceRelaxedLineRasterizationFeaturesIMG", any_of: &[("relaxedLineRasterization", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_performance_query", structure: "VkPhysicalDevicePerformanceQueryFeaturesKHR", any_of: &[("performanceCounterQueryPools", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_variable_pointers", structure: "VkPhysicalDeviceVariablePointersFeatures", any_of: &[("variablePointersStorageBuffer", 0)], depends: None },
    FeatureRequirement { by: "VK_AMD_gpa_interface", structure: "VkPhysicalDeviceGpaFeaturesAMD", any_of: &[("perfCounters", 0), ("streamingPerfCounters", 1), ("sqThreadTracing", 2), ("clockModes", 3)], depends: None },
    FeatureRequirement { by: "VK_AMDX_shader_enqueue", structure: "VkPhysicalDeviceShaderEnqueueFeaturesAMDX", any_of: &[("shaderEnqueue", 0)], depends: None },
    FeatureRequirement { by: "VK_AMDX_shader_enqueue", structure: "VkPhysicalDeviceShaderEnqueueFeaturesAMDX", any_of: &[("shaderMeshEnqueue", 1)], depends: Some("VK_EXT_mesh_shader") },
    FeatureRequirement { by: "VK_EXT_descriptor_heap", structure: "VkPhysicalDeviceDescriptorHeapFeaturesEXT", any_of: &[("descriptorHeap", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_inline_uniform_block", structure: "VkPhysicalDeviceInlineUniformBlockFeatures", any_of: &[("inlineUniformBlock", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_inline_uniform_block", structure: "VkPhysicalDeviceInlineUniformBlockFeatures", any_of: &[("descriptorBindingInlineUniformBlockUpdateAfterBind", 1)], depends: Some("VK_EXT_descriptor_indexing") },
    FeatureRequirement { by: "VK_EXT_inline_uniform_block", structure: "VkPhysicalDeviceInlineUniformBlockFeatures", any_of: &[("descriptorBindingInlineUniformBlockUpdateAfterBind", 1)], depends: Some("VK_VERSION_1_2+VkPhysicalDeviceVulkan12Features::descriptorIndexing") },
    FeatureRequirement { by: "VK_KHR_shader_bfloat16", structure: "VkPhysicalDeviceShaderBfloat16FeaturesKHR", any_of: &[("shaderBFloat16Type", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_shader_bfloat16", structure: "VkPhysicalDeviceShaderBfloat16FeaturesKHR", any_of: &[("shaderBFloat16CooperativeMatrix", 2), ("shaderBFloat16DotProduct", 1)], depends: None },
    FeatureRequirement { by: "VK_KHR_acceleration_structure", structure: "VkPhysicalDeviceAccelerationStructureFeaturesKHR", any_of: &[("accelerationStructure", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_acceleration_structure", structure: "VkPhysicalDeviceBufferDeviceAddressFeatures", any_of: &[("bufferDeviceAddress", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_acceleration_structure", structure: "VkPhysicalDeviceAccelerationStructureFeaturesKHR", any_of: &[("descriptorBindingAccelerationStructureUpdateAfterBind", 4)], depends: None },
    FeatureRequirement { by: "VK_KHR_acceleration_structure", structure: "VkPhysicalDeviceVulkan12Features", any_of: &[("descriptorIndexing", 9)], depends: Some("VK_VERSION_1_2") },
    FeatureRequirement { by: "VK_KHR_ray_tracing_pipeline", structure: "VkPhysicalDeviceRayTracingPipelineFeaturesKHR", any_of: &[("rayTracingPipeline", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_ray_tracing_pipeline", structure: "VkPhysicalDeviceRayTracingPipelineFeaturesKHR", any_of: &[("rayTracingPipelineTraceRaysIndirect", 3)], depends: None },
    FeatureRequirement { by: "VK_KHR_ray_tracing_pipeline", structure: "VkPhysicalDeviceRayTracingPipelineFeaturesKHR", any_of: &[("rayTraversalPrimitiveCulling", 4)], depends: Some("VK_KHR_ray_query") },
    FeatureRequirement { by: "VK_KHR_ray_query", structure: "VkPhysicalDeviceRayQueryFeaturesKHR", any_of: &[("rayQuery", 0)], depends: None },
    FeatureRequirement { by: "VK_NV_shader_sm_builtins", structure: "VkPhysicalDeviceShaderSMBuiltinsFeaturesNV", any_of: &[("shaderSMBuiltins", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_sampler_ycbcr_conversion", structure: "VkPhysicalDeviceSamplerYcbcrConversionFeatures", any_of: &[("samplerYcbcrConversion", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_descriptor_indexing", structure: "VkPhysicalDeviceFeatures", any_of: &[("shaderSampledImageArrayDynamicIndexing", 34)], depends: None },
    FeatureRequirement { by: "VK_EXT_descriptor_indexing", structure: "VkPhysicalDeviceFeatures", any_of: &[("shaderStorageBufferArrayDynamicIndexing", 35)], depends: None },
    FeatureRequirement { by: "VK_EXT_descriptor_indexing", structure: "VkPhysicalDeviceDescriptorIndexingFeatures", any_of: &[("shaderUniformTexelBufferArrayDynamicIndexing", 1)], depends: None },
    FeatureRequirement { by: "VK_EXT_descriptor_indexing", structure: "VkPhysicalDeviceDescriptorIndexingFeatures", any_of: &[("shaderStorageTexelBufferArrayDynamicIndexing", 2)], depends: None },
    FeatureRequirement { by: "VK_EXT_descriptor_indexing", structure: "VkPhysicalDeviceDescriptorIndexingFeatures", any_of: &[("shaderSampledImageArrayNonUniformIndexing", 4)], depends: None },
    FeatureRequirement { by: "VK_EXT_descriptor_indexing", structure: "VkPhysicalDeviceDescriptorIndexingFeatures", any_of: &[("shaderStorageBufferArrayNonUniformIndexing", 5)], depends: None },
    FeatureRequirement { by: "VK_EXT_descriptor_indexing", structure: "VkPhysicalDeviceDescriptorIndexingFeatures", any_of: &[("shaderUniformTexelBufferArrayNonUniformIndexing", 8)], depends: None },
    FeatureRequirement { by: "VK_EXT_descriptor_indexing", structure: "VkPhysicalDeviceDescriptorIndexingFeatures", any_of: &[("descriptorBindingSampledImageUpdateAfterBind", 11)], depends: None },
    FeatureRequirement { by: "VK_EXT_descriptor_indexing", structure: "VkPhysicalDeviceDescriptorIndexingFeatures", any_of: &[("descriptorBindingStorageImageUpdateAfterBind", 12)], depends: None },
    FeatureRequirement { by: "VK_EXT_descriptor_indexing", structure: "VkPhysicalDeviceDescriptorIndexingFeatures", any_of: &[("descriptorBindingStorageBufferUpdateAfterBind", 13)], depends: None },
    FeatureRequirement { by: "VK_EXT_descriptor_indexing", structure: "VkPhysicalDeviceDescriptorIndexingFeatures", any_of: &[("descriptorBindingUniformTexelBufferUpdateAfterBind", 14)], depends: None },
    FeatureRequirement { by: "VK_EXT_descriptor_indexing", structure: "VkPhysicalDeviceDescriptorIndexingFeatures", any_of: &[("descriptorBindingStorageTexelBufferUpdateAfterBind", 15)], depends: None },
    FeatureRequirement { by: "VK_EXT_descriptor_indexing", structure: "VkPhysicalDeviceDescriptorIndexingFeatures", any_of: &[("descriptorBindingUpdateUnusedWhilePending", 16)], depends: None },
    FeatureRequirement { by: "VK_EXT_descriptor_indexing", structure: "VkPhysicalDeviceDescriptorIndexingFeatures", any_of: &[("descriptorBindingPartiallyBound", 17)], depends: None },
    FeatureRequirement { by: "VK_EXT_descriptor_indexing", structure: "VkPhysicalDeviceDescriptorIndexingFeatures", any_of: &[("runtimeDescriptorArray", 19)], depends: None },
    FeatureRequirement { by: "VK_NV_shading_rate_image", structure: "VkPhysicalDeviceShadingRateImageFeaturesNV", any_of: &[("shadingRateImage", 0)], depends: None },
    FeatureRequirement { by: "VK_NV_representative_fragment_test", structure: "VkPhysicalDeviceRepresentativeFragmentTestFeaturesNV", any_of: &[("representativeFragmentTest", 0)], depends: None },
    FeatureRequirement { by: "VK_QCOM_cooperative_matrix_conversion", structure: "VkPhysicalDeviceCooperativeMatrixConversionFeaturesQCOM", any_of: &[("cooperativeMatrixConversion", 0)], depends: None },
    FeatureRequirement { by: "VK_QCOM_elapsed_timer_query", structure: "VkPhysicalDeviceElapsedTimerQueryFeaturesQCOM", any_of: &[("elapsedTimerQuery", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_shader_subgroup_extended_types", structure: "VkPhysicalDeviceShaderSubgroupExtendedTypesFeatures", any_of: &[("shaderSubgroupExtendedTypes", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_8bit_storage", structure: "VkPhysicalDevice8BitStorageFeatures", any_of: &[("storageBuffer8BitAccess", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_shader_atomic_int64", structure: "VkPhysicalDeviceShaderAtomicInt64Features", any_of: &[("shaderBufferInt64Atomics", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_shader_clock", structure: "VkPhysicalDeviceShaderClockFeaturesKHR", any_of: &[("shaderSubgroupClock", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_global_priority", structure: "VkPhysicalDeviceGlobalPriorityQueryFeatures", any_of: &[("globalPriorityQuery", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_vertex_attribute_divisor", structure: "VkPhysicalDeviceVertexAttributeDivisorFeatures", any_of: &[("vertexAttributeInstanceRateDivisor", 0)], depends: None },
    FeatureRequirement { by: "VK_NV_compute_shader_derivatives", structure: "VkPhysicalDeviceComputeShaderDerivativesFeaturesKHR", any_of: &[("computeDerivativeGroupQuads", 0), ("computeDerivativeGroupLinear", 1)], depends: None },
    FeatureRequirement { by: "VK_NV_mesh_shader", structure: "VkPhysicalDeviceMeshShaderFeaturesNV", any_of: &[("meshShader", 1)], depends: None },
    FeatureRequirement { by: "VK_NV_shader_image_footprint", structure: "VkPhysicalDeviceShaderImageFootprintFeaturesNV", any_of: &[("imageFootprint", 0)], depends: None },
    FeatureRequirement { by: "VK_NV_scissor_exclusive", structure: "VkPhysicalDeviceExclusiveScissorFeaturesNV", any_of: &[("exclusiveScissor", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_timeline_semaphore", structure: "VkPhysicalDeviceTimelineSemaphoreFeatures", any_of: &[("timelineSemaphore", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_present_timing", structure: "VkPhysicalDevicePresentTimingFeaturesEXT", any_of: &[("presentTiming", 0)], depends: None },
    FeatureRequirement { by: "VK_INTEL_shader_integer_functions2", structure: "VkPhysicalDeviceShaderIntegerFunctions2FeaturesINTEL", any_of: &[("shaderIntegerFunctions2", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_vulkan_memory_model", structure: "VkPhysicalDeviceVulkanMemoryModelFeatures", any_of: &[("vulkanMemoryModel", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_shader_terminate_invocation", structure: "VkPhysicalDeviceShaderTerminateInvocationFeatures", any_of: &[("shaderTerminateInvocation", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_fragment_density_map", structure: "VkPhysicalDeviceFragmentDensityMapFeaturesEXT", any_of: &[("fragmentDensityMap", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_scalar_block_layout", structure: "VkPhysicalDeviceScalarBlockLayoutFeatures", any_of: &[("scalarBlockLayout", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_subgroup_size_control", structure: "VkPhysicalDeviceSubgroupSizeControlFeatures", any_of: &[("subgroupSizeControl", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_subgroup_size_control", structure: "VkPhysicalDeviceSubgroupSizeControlFeatures", any_of: &[("computeFullSubgroups", 1)], depends: None },
    FeatureRequirement { by: "VK_KHR_fragment_shading_rate", structure: "VkPhysicalDeviceFragmentShadingRateFeaturesKHR", any_of: &[("pipelineFragmentShadingRate", 0)], depends: None },
    FeatureRequirement { by: "VK_AMD_device_coherent_memory", structure: "VkPhysicalDeviceCoherentMemoryFeaturesAMD", any_of: &[("deviceCoherentMemory", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_shader_constant_data", structure: "VkPhysicalDeviceShaderConstantDataFeaturesKHR", any_of: &[("shaderConstantData", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_dynamic_rendering_local_read", structure: "VkPhysicalDeviceDynamicRenderingLocalReadFeatures", any_of: &[("dynamicRenderingLocalRead", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_shader_abort", structure: "VkPhysicalDeviceShaderAbortFeaturesKHR", any_of: &[("shaderAbort", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_shader_image_atomic_int64", structure: "VkPhysicalDeviceFeatures", any_of: &[("shaderInt64", 40)], depends: None },
    FeatureRequirement { by: "VK_EXT_shader_image_atomic_int64", structure: "VkPhysicalDeviceShaderImageAtomicInt64FeaturesEXT", any_of: &[("shaderImageInt64Atomics", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_shader_quad_control", structure: "VkPhysicalDeviceShaderQuadControlFeaturesKHR", any_of: &[("shaderQuadControl", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_memory_priority", structure: "VkPhysicalDeviceMemoryPriorityFeaturesEXT", any_of: &[("memoryPriority", 0)], depends: None },
    FeatureRequirement { by: "VK_NV_dedicated_allocation_image_aliasing", structure: "VkPhysicalDeviceDedicatedAllocationImageAliasingFeaturesNV", any_of: &[("dedicatedAllocationImageAliasing", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_separate_depth_stencil_layouts", structure: "VkPhysicalDeviceSeparateDepthStencilLayoutsFeatures", any_of: &[("separateDepthStencilLayouts", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_buffer_device_address", structure: "VkPhysicalDeviceBufferDeviceAddressFeaturesEXT", any_of: &[("bufferDeviceAddress", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_present_wait", structure: "VkPhysicalDevicePresentWaitFeaturesKHR", any_of: &[("presentWait", 0)], depends: None },
    FeatureRequirement { by: "VK_NV_cooperative_matrix", structure: "VkPhysicalDeviceCooperativeMatrixFeaturesNV", any_of: &[("cooperativeMatrix", 0)], depends: None },
    FeatureRequirement { by: "VK_NV_coverage_reduction_mode", structure: "VkPhysicalDeviceCoverageReductionModeFeaturesNV", any_of: &[("coverageReductionMode", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_fragment_shader_interlock", structure: "VkPhysicalDeviceFragmentShaderInterlockFeaturesEXT", any_of: &[("fragmentShaderSampleInterlock", 0), ("fragmentShaderPixelInterlock", 1), ("fragmentShaderShadingRateInterlock", 2)], depends: None },
    FeatureRequirement { by: "VK_EXT_ycbcr_image_arrays", structure: "VkPhysicalDeviceYcbcrImageArraysFeaturesEXT", any_of: &[("ycbcrImageArrays", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_uniform_buffer_standard_layout", structure: "VkPhysicalDeviceUniformBufferStandardLayoutFeatures", any_of: &[("uniformBufferStandardLayout", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_provoking_vertex", structure: "VkPhysicalDeviceProvokingVertexFeaturesEXT", any_of: &[("provokingVertexLast", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_buffer_device_address", structure: "VkPhysicalDeviceBufferDeviceAddressFeatures", any_of: &[("bufferDeviceAddress", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_line_rasterization", structure: "VkPhysicalDeviceLineRasterizationFeatures", any_of: &[("rectangularLines", 0), ("bresenhamLines", 1), ("smoothLines", 2), ("stippledRectangularLines", 3), ("stippledBresenhamLines", 4), ("stippledSmoothLines", 5)], depends: None },
    FeatureRequirement { by: "VK_EXT_shader_atomic_float", structure: "VkPhysicalDeviceShaderAtomicFloatFeaturesEXT", any_of: &[("shaderBufferFloat32Atomics", 0), ("shaderBufferFloat32AtomicAdd", 1), ("shaderBufferFloat64Atomics", 2), ("shaderBufferFloat64AtomicAdd", 3), ("shaderSharedFloat32Atomics", 4), ("shaderSharedFloat32AtomicAdd", 5), ("shaderSharedFloat64Atomics", 6), ("shaderSharedFloat64AtomicAdd", 7), ("shaderImageFloat32Atomics", 8), ("shaderImageFloat32AtomicAdd", 9)], depends: None },
    FeatureRequirement { by: "VK_EXT_shader_atomic_float", structure: "VkPhysicalDeviceShaderAtomicFloatFeaturesEXT", any_of: &[("shaderImageFloat32Atomics", 8)], depends: Some("VkPhysicalDeviceShaderAtomicFloatFeaturesEXT::sparseImageFloat32Atomics") },
    FeatureRequirement { by: "VK_EXT_shader_atomic_float", structure: "VkPhysicalDeviceShaderAtomicFloatFeaturesEXT", any_of: &[("shaderImageFloat32AtomicAdd", 9)], depends: Some("VkPhysicalDeviceShaderAtomicFloatFeaturesEXT::sparseImageFloat32AtomicAdd") },
    FeatureRequirement { by: "VK_EXT_host_query_reset", structure: "VkPhysicalDeviceHostQueryResetFeatures", any_of: &[("hostQueryReset", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_index_type_uint8", structure: "VkPhysicalDeviceIndexTypeUint8Features", any_of: &[("indexTypeUint8", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_extended_dynamic_state", structure: "VkPhysicalDeviceExtendedDynamicStateFeaturesEXT", any_of: &[("extendedDynamicState", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_pipeline_executable_properties", structure: "VkPhysicalDevicePipelineExecutablePropertiesFeaturesKHR", any_of: &[("pipelineExecutableInfo", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_host_image_copy", structure: "VkPhysicalDeviceHostImageCopyFeatures", any_of: &[("hostImageCopy", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_map_memory_placed", structure: "VkPhysicalDeviceMapMemoryPlacedFeaturesEXT", any_of: &[("memoryMapPlaced", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_shader_atomic_float2", structure: "VkPhysicalDeviceShaderAtomicFloat2FeaturesEXT", any_of: &[("shaderBufferFloat16Atomics", 0), ("shaderBufferFloat16AtomicAdd", 1), ("shaderBufferFloat16AtomicMinMax", 2), ("shaderBufferFloat32AtomicMinMax", 3), ("shaderBufferFloat64AtomicMinMax", 4), ("shaderSharedFloat16Atomics", 5), ("shaderSharedFloat16AtomicAdd", 6), ("shaderSharedFloat16AtomicMinMax", 7), ("shaderSharedFloat32AtomicMinMax", 8), ("shaderSharedFloat64AtomicMinMax", 9), ("shaderImageFloat32AtomicMinMax", 10)], depends: None },
    FeatureRequirement { by: "VK_EXT_shader_atomic_float2", structure: "VkPhysicalDeviceShaderAtomicFloat2FeaturesEXT", any_of: &[("shaderImageFloat32AtomicMinMax", 10)], depends: Some("VkPhysicalDeviceShaderAtomicFloat2FeaturesEXT::sparseImageFloat32AtomicMinMax") },
    FeatureRequirement { by: "VK_EXT_swapchain_maintenance1", structure: "VkPhysicalDeviceSwapchainMaintenance1FeaturesKHR", any_of: &[("swapchainMaintenance1", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_shader_demote_to_helper_invocation", structure: "VkPhysicalDeviceShaderDemoteToHelperInvocationFeatures", any_of: &[("shaderDemoteToHelperInvocation", 0)], depends: None },
    FeatureRequirement { by: "VK_NV_device_generated_commands", structure: "VkPhysicalDeviceDeviceGeneratedCommandsFeaturesNV", any_of: &[("deviceGeneratedCommands", 0)], depends: None },
    FeatureRequirement { by: "VK_NV_inherited_viewport_scissor", structure: "VkPhysicalDeviceInheritedViewportScissorFeaturesNV", any_of: &[("inheritedViewportScissor2D", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_shader_integer_dot_product", structure: "VkPhysicalDeviceShaderIntegerDotProductFeatures", any_of: &[("shaderIntegerDotProduct", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_texel_buffer_alignment", structure: "VkPhysicalDeviceTexelBufferAlignmentFeaturesEXT", any_of: &[("texelBufferAlignment", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_depth_bias_control", structure: "VkPhysicalDeviceDepthBiasControlFeaturesEXT", any_of: &[("depthBiasControl", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_device_memory_report", structure: "VkPhysicalDeviceDeviceMemoryReportFeaturesEXT", any_of: &[("deviceMemoryReport", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_robustness2", structure: "VkPhysicalDeviceRobustness2FeaturesKHR", any_of: &[("robustBufferAccess2", 0), ("robustImageAccess2", 1), ("nullDescriptor", 2)], depends: None },
    FeatureRequirement { by: "VK_EXT_custom_border_color", structure: "VkPhysicalDeviceCustomBorderColorFeaturesEXT", any_of: &[("customBorderColors", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_texture_compression_astc_3d", structure: "VkPhysicalDeviceTextureCompressionASTC3DFeaturesEXT", any_of: &[("textureCompressionASTC_3D", 0)], depends: None },
    FeatureRequirement { by: "VK_NV_present_barrier", structure: "VkPhysicalDevicePresentBarrierFeaturesNV", any_of: &[("presentBarrier", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_present_id", structure: "VkPhysicalDevicePresentIdFeaturesKHR", any_of: &[("presentId", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_private_data", structure: "VkPhysicalDevicePrivateDataFeatures", any_of: &[("privateData", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_pipeline_creation_cache_control", structure: "VkPhysicalDevicePipelineCreationCacheControlFeatures", any_of: &[("pipelineCreationCacheControl", 0)], depends: None },
    FeatureRequirement { by: "VK_NV_device_diagnostics_config", structure: "VkPhysicalDeviceDiagnosticsConfigFeaturesNV", any_of: &[("diagnosticsConfig", 0)], depends: None },
    FeatureRequirement { by: "VK_QCOM_queue_perf_hint", structure: "VkPhysicalDeviceQueuePerfHintFeaturesQCOM", any_of: &[("queuePerfHint", 0)], depends: None },
    FeatureRequirement { by: "VK_QCOM_image_processing3", structure: "VkPhysicalDeviceImageProcessing3FeaturesQCOM", any_of: &[("imageGatherLinear", 0)], depends: None },
    FeatureRequirement { by: "VK_QCOM_shader_multiple_wait_queues", structure: "VkPhysicalDeviceShaderMultipleWaitQueuesFeaturesQCOM", any_of: &[("shaderMultipleWaitQueues", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_shader_split_barrier", structure: "VkPhysicalDeviceShaderSplitBarrierFeaturesEXT", any_of: &[("shaderSplitBarrier", 0)], depends: None },
    FeatureRequirement { by: "VK_NV_cuda_kernel_launch", structure: "VkPhysicalDeviceCudaKernelLaunchFeaturesNV", any_of: &[("cudaKernelLaunchFeatures", 0)], depends: None },
    FeatureRequirement { by: "VK_QCOM_tile_shading", structure: "VkPhysicalDeviceTileShadingFeaturesQCOM", any_of: &[("tileShading", 0)], depends: None },
    FeatureRequirement { by: "VK_QCOM_tile_shading", structure: "VkPhysicalDeviceTileShadingFeaturesQCOM", any_of: &[("tileShadingFragmentStage", 1)], depends: None },
    FeatureRequirement { by: "VK_QCOM_tile_shading", structure: "VkPhysicalDeviceTileShadingFeaturesQCOM", any_of: &[("tileShadingPerTileDispatch", 8)], depends: None },
    FeatureRequirement { by: "VK_QCOM_tile_shading", structure: "VkPhysicalDeviceTileShadingFeaturesQCOM", any_of: &[("tileShadingAtomicOps", 12)], depends: None },
    FeatureRequirement { by: "VK_QCOM_tile_shading", structure: "VkPhysicalDeviceTileShadingFeaturesQCOM", any_of: &[("tileShadingColorAttachments", 2)], depends: None },
    FeatureRequirement { by: "VK_QCOM_tile_shading", structure: "VkPhysicalDeviceTileShadingFeaturesQCOM", any_of: &[("tileShadingPerTileDraw", 7)], depends: None },
    FeatureRequirement { by: "VK_QCOM_tile_shading", structure: "VkPhysicalDeviceTileShadingFeaturesQCOM", any_of: &[("tileShadingDepthAttachments", 3)], depends: None },
    FeatureRequirement { by: "VK_QCOM_tile_shading", structure: "VkPhysicalDeviceTileShadingFeaturesQCOM", any_of: &[("tileShadingStencilAttachments", 4)], depends: None },
    FeatureRequirement { by: "VK_QCOM_tile_shading", structure: "VkPhysicalDeviceTileShadingFeaturesQCOM", any_of: &[("tileShadingInputAttachments", 5)], depends: None },
    FeatureRequirement { by: "VK_QCOM_tile_shading", structure: "VkPhysicalDeviceTileShadingFeaturesQCOM", any_of: &[("tileShadingSampledAttachments", 6)], depends: None },
    FeatureRequirement { by: "VK_KHR_synchronization2", structure: "VkPhysicalDeviceSynchronization2Features", any_of: &[("synchronization2", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_descriptor_buffer", structure: "VkPhysicalDeviceDescriptorBufferFeaturesEXT", any_of: &[("descriptorBuffer", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_device_address_commands", structure: "VkPhysicalDeviceDeviceAddressCommandsFeaturesKHR", any_of: &[("deviceAddressCommands", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_graphics_pipeline_library", structure: "VkPhysicalDeviceGraphicsPipelineLibraryFeaturesEXT", any_of: &[("graphicsPipelineLibrary", 0)], depends: None },
    FeatureRequirement { by: "VK_AMD_shader_early_and_late_fragment_tests", structure: "VkPhysicalDeviceShaderEarlyAndLateFragmentTestsFeaturesAMD", any_of: &[("shaderEarlyAndLateFragmentTests", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_fragment_shader_barycentric", structure: "VkPhysicalDeviceFragmentShaderBarycentricFeaturesKHR", any_of: &[("fragmentShaderBarycentric", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_shader_subgroup_uniform_control_flow", structure: "VkPhysicalDeviceShaderSubgroupUniformControlFlowFeaturesKHR", any_of: &[("shaderSubgroupUniformControlFlow", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_zero_initialize_workgroup_memory", structure: "VkPhysicalDeviceZeroInitializeWorkgroupMemoryFeatures", any_of: &[("shaderZeroInitializeWorkgroupMemory", 0)], depends: None },
    FeatureRequirement { by: "VK_NV_fragment_shading_rate_enums", structure: "VkPhysicalDeviceFragmentShadingRateEnumsFeaturesNV", any_of: &[("fragmentShadingRateEnums", 0)], depends: None },
    FeatureRequirement { by: "VK_NV_ray_tracing_motion_blur", structure: "VkPhysicalDeviceRayTracingMotionBlurFeaturesNV", any_of: &[("rayTracingMotionBlur", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_mesh_shader", structure: "VkPhysicalDeviceMeshShaderFeaturesEXT", any_of: &[("taskShader", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_mesh_shader", structure: "VkPhysicalDeviceMeshShaderFeaturesEXT", any_of: &[("meshShader", 1)], depends: None },
    FeatureRequirement { by: "VK_EXT_mesh_shader", structure: "VkPhysicalDeviceFragmentShadingRateFeaturesKHR", any_of: &[("primitiveFragmentShadingRate", 1)], depends: Some("VK_KHR_fragment_shading_rate+VkPhysicalDeviceMeshShaderFeaturesEXT::primitiveFragmentShadingRateMeshShader") },
    FeatureRequirement { by: "VK_EXT_ycbcr_2plane_444_formats", structure: "VkPhysicalDeviceYcbcr2Plane444FormatsFeaturesEXT", any_of: &[("ycbcr2plane444Formats", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_fragment_density_map2", structure: "VkPhysicalDeviceFragmentDensityMap2FeaturesEXT", any_of: &[("fragmentDensityMapDeferred", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_image_robustness", structure: "VkPhysicalDeviceImageRobustnessFeatures", any_of: &[("robustImageAccess", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_workgroup_memory_explicit_layout", structure: "VkPhysicalDeviceWorkgroupMemoryExplicitLayoutFeaturesKHR", any_of: &[("workgroupMemoryExplicitLayout", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_image_compression_control", structure: "VkPhysicalDeviceImageCompressionControlFeaturesEXT", any_of: &[("imageCompressionControl", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_attachment_feedback_loop_layout", structure: "VkPhysicalDeviceAttachmentFeedbackLoopLayoutFeaturesEXT", any_of: &[("attachmentFeedbackLoopLayout", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_4444_formats", structure: "VkPhysicalDevice4444FormatsFeaturesEXT", any_of: &[("formatA4R4G4B4", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_device_fault", structure: "VkPhysicalDeviceFaultFeaturesEXT", any_of: &[("deviceFault", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_rgba10x6_formats", structure: "VkPhysicalDeviceRGBA10X6FormatsFeaturesEXT", any_of: &[("formatRgba10x6WithoutYCbCrSampler", 0)], depends: None },
    FeatureRequirement { by: "VK_VALVE_mutable_descriptor_type", structure: "VkPhysicalDeviceMutableDescriptorTypeFeaturesEXT", any_of: &[("mutableDescriptorType", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_vertex_input_dynamic_state", structure: "VkPhysicalDeviceVertexInputDynamicStateFeaturesEXT", any_of: &[("vertexInputDynamicState", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_device_address_binding_report", structure: "VkPhysicalDeviceAddressBindingReportFeaturesEXT", any_of: &[("reportAddressBinding", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_depth_clip_control", structure: "VkPhysicalDeviceDepthClipControlFeaturesEXT", any_of: &[("depthClipControl", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_primitive_topology_list_restart", structure: "VkPhysicalDevicePrimitiveTopologyListRestartFeaturesEXT", any_of: &[("primitiveTopologyListRestart", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_present_mode_fifo_latest_ready", structure: "VkPhysicalDevicePresentModeFifoLatestReadyFeaturesKHR", any_of: &[("presentModeFifoLatestReady", 0)], depends: None },
    FeatureRequirement { by: "VK_HUAWEI_subpass_shading", structure: "VkPhysicalDeviceSubpassShadingFeaturesHUAWEI", any_of: &[("subpassShading", 0)], depends: None },
    FeatureRequirement { by: "VK_HUAWEI_invocation_mask", structure: "VkPhysicalDeviceInvocationMaskFeaturesHUAWEI", any_of: &[("invocationMask", 0)], depends: None },
    FeatureRequirement { by: "VK_NV_external_memory_rdma", structure: "VkPhysicalDeviceExternalMemoryRDMAFeaturesNV", any_of: &[("externalMemoryRDMA", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_pipeline_properties", structure: "VkPhysicalDevicePipelinePropertiesFeaturesEXT", any_of: &[("pipelinePropertiesIdentifier", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_frame_boundary", structure: "VkPhysicalDeviceFrameBoundaryFeaturesEXT", any_of: &[("frameBoundary", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_multisampled_render_to_single_sampled", structure: "VkPhysicalDeviceMultisampledRenderToSingleSampledFeaturesEXT", any_of: &[("multisampledRenderToSingleSampled", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_extended_dynamic_state2", structure: "VkPhysicalDeviceExtendedDynamicState2FeaturesEXT", any_of: &[("extendedDynamicState2", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_color_write_enable", structure: "VkPhysicalDeviceColorWriteEnableFeaturesEXT", any_of: &[("colorWriteEnable", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_primitives_generated_query", structure: "VkPhysicalDevicePrimitivesGeneratedQueryFeaturesEXT", any_of: &[("primitivesGeneratedQuery", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_ray_tracing_maintenance1", structure: "VkPhysicalDeviceRayTracingMaintenance1FeaturesKHR", any_of: &[("rayTracingMaintenance1", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_shader_untyped_pointers", structure: "VkPhysicalDeviceShaderUntypedPointersFeaturesKHR", any_of: &[("shaderUntypedPointers", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_global_priority_query", structure: "VkPhysicalDeviceGlobalPriorityQueryFeatures", any_of: &[("globalPriorityQuery", 0)], depends: None },
    FeatureRequirement { by: "VK_VALVE_video_encode_rgb_conversion", structure: "VkPhysicalDeviceVideoEncodeRgbConversionFeaturesVALVE", any_of: &[("videoEncodeRgbConversion", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_image_view_min_lod", structure: "VkPhysicalDeviceImageViewMinLodFeaturesEXT", any_of: &[("minLod", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_multi_draw", structure: "VkPhysicalDeviceMultiDrawFeaturesEXT", any_of: &[("multiDraw", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_image_2d_view_of_3d", structure: "VkPhysicalDeviceImage2DViewOf3DFeaturesEXT", any_of: &[("image2DViewOf3D", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_shader_tile_image", structure: "VkPhysicalDeviceShaderTileImageFeaturesEXT", any_of: &[("shaderTileImageColorReadAccess", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_opacity_micromap", structure: "VkPhysicalDeviceOpacityMicromapFeaturesEXT", any_of: &[("micromap", 0)], depends: None },
    FeatureRequirement { by: "VK_NV_displacement_micromap", structure: "VkPhysicalDeviceDisplacementMicromapFeaturesNV", any_of: &[("displacementMicromap", 0)], depends: None },
    FeatureRequirement { by: "VK_HUAWEI_cluster_culling_shader", structure: "VkPhysicalDeviceClusterCullingShaderFeaturesHUAWEI", any_of: &[("clustercullingShader", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_border_color_swizzle", structure: "VkPhysicalDeviceBorderColorSwizzleFeaturesEXT", any_of: &[("borderColorSwizzle", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_pageable_device_local_memory", structure: "VkPhysicalDevicePageableDeviceLocalMemoryFeaturesEXT", any_of: &[("pageableDeviceLocalMemory", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_maintenance4", structure: "VkPhysicalDeviceMaintenance4Features", any_of: &[("maintenance4", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_shader_subgroup_rotate", structure: "VkPhysicalDeviceShaderSubgroupRotateFeatures", any_of: &[("shaderSubgroupRotate", 0)], depends: None },
    FeatureRequirement { by: "VK_ARM_scheduling_controls", structure: "VkPhysicalDeviceSchedulingControlsFeaturesARM", any_of: &[("schedulingControls", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_image_sliced_view_of_3d", structure: "VkPhysicalDeviceImageSlicedViewOf3DFeaturesEXT", any_of: &[("imageSlicedViewOf3D", 0)], depends: None },
    FeatureRequirement { by: "VK_VALVE_descriptor_set_host_mapping", structure: "VkPhysicalDeviceDescriptorSetHostMappingFeaturesVALVE", any_of: &[("descriptorSetHostMapping", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_depth_clamp_zero_one", structure: "VkPhysicalDeviceDepthClampZeroOneFeaturesKHR", any_of: &[("depthClampZeroOne", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_non_seamless_cube_map", structure: "VkPhysicalDeviceNonSeamlessCubeMapFeaturesEXT", any_of: &[("nonSeamlessCubeMap", 0)], depends: None },
    FeatureRequirement { by: "VK_ARM_render_pass_striped", structure: "VkPhysicalDeviceRenderPassStripedFeaturesARM", any_of: &[("renderPassStriped", 0)], depends: None },
    FeatureRequirement { by: "VK_QCOM_fragment_density_map_offset", structure: "VkPhysicalDeviceFragmentDensityMapOffsetFeaturesEXT", any_of: &[("fragmentDensityMapOffset", 0)], depends: None },
    FeatureRequirement { by: "VK_NV_copy_memory_indirect", structure: "VkPhysicalDeviceCopyMemoryIndirectFeaturesNV", any_of: &[("indirectCopy", 0)], depends: None },
    FeatureRequirement { by: "VK_NV_memory_decompression", structure: "VkPhysicalDeviceMemoryDecompressionFeaturesEXT", any_of: &[("memoryDecompression", 0)], depends: None },
    FeatureRequirement { by: "VK_NV_device_generated_commands_compute", structure: "VkPhysicalDeviceDeviceGeneratedCommandsComputeFeaturesNV", any_of: &[("deviceGeneratedCompute", 0)], depends: None },
    FeatureRequirement { by: "VK_NV_ray_tracing_linear_swept_spheres", structure: "VkPhysicalDeviceRayTracingLinearSweptSpheresFeaturesNV", any_of: &[("spheres", 0), ("linearSweptSpheres", 1)], depends: None },
    FeatureRequirement { by: "VK_NV_linear_color_attachment", structure: "VkPhysicalDeviceLinearColorAttachmentFeaturesNV", any_of: &[("linearColorAttachment", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_shader_maximal_reconvergence", structure: "VkPhysicalDeviceShaderMaximalReconvergenceFeaturesKHR", any_of: &[("shaderMaximalReconvergence", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_image_compression_control_swapchain", structure: "VkPhysicalDeviceImageCompressionControlSwapchainFeaturesEXT", any_of: &[("imageCompressionControlSwapchain", 0)], depends: None },
    FeatureRequirement { by: "VK_QCOM_image_processing", structure: "VkPhysicalDeviceImageProcessingFeaturesQCOM", any_of: &[("textureSampleWeighted", 0)], depends: None },
    FeatureRequirement { by: "VK_QCOM_image_processing", structure: "VkPhysicalDeviceImageProcessingFeaturesQCOM", any_of: &[("textureBlockMatch", 2)], depends: None },
    FeatureRequirement { by: "VK_QCOM_image_processing", structure: "VkPhysicalDeviceImageProcessingFeaturesQCOM", any_of: &[("textureBoxFilter", 1)], depends: None },
    FeatureRequirement { by: "VK_EXT_nested_command_buffer", structure: "VkPhysicalDeviceNestedCommandBufferFeaturesEXT", any_of: &[("nestedCommandBuffer", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_extended_dynamic_state3", structure: "VkPhysicalDeviceFeatures", any_of: &[("tessellationShader", 5)], depends: Some("VkPhysicalDeviceExtendedDynamicState3FeaturesEXT::extendedDynamicState3TessellationDomainOrigin") },
    FeatureRequirement { by: "VK_EXT_extended_dynamic_state3", structure: "VkPhysicalDeviceFeatures", any_of: &[("depthClamp", 11)], depends: Some("VkPhysicalDeviceExtendedDynamicState3FeaturesEXT::extendedDynamicState3DepthClampEnable") },
    FeatureRequirement { by: "VK_EXT_extended_dynamic_state3", structure: "VkPhysicalDeviceFeatures", any_of: &[("fillModeNonSolid", 13)], depends: Some("VkPhysicalDeviceExtendedDynamicState3FeaturesEXT::extendedDynamicState3PolygonMode") },
    FeatureRequirement { by: "VK_EXT_extended_dynamic_state3", structure: "VkPhysicalDeviceFeatures", any_of: &[("alphaToOne", 17)], depends: Some("VkPhysicalDeviceExtendedDynamicState3FeaturesEXT::extendedDynamicState3AlphaToOneEnable") },
    FeatureRequirement { by: "VK_EXT_extended_dynamic_state3", structure: "VkPhysicalDeviceFeatures", any_of: &[("logicOp", 8)], depends: Some("VkPhysicalDeviceExtendedDynamicState3FeaturesEXT::extendedDynamicState3LogicOpEnable") },
    FeatureRequirement { by: "VK_EXT_extended_dynamic_state3", structure: "VkPhysicalDeviceTransformFeedbackFeaturesEXT", any_of: &[("geometryStreams", 1)], depends: Some("VK_EXT_transform_feedback+VkPhysicalDeviceExtendedDynamicState3FeaturesEXT::extendedDynamicState3RasterizationStream") },
    FeatureRequirement { by: "VK_EXT_subpass_merge_feedback", structure: "VkPhysicalDeviceSubpassMergeFeedbackFeaturesEXT", any_of: &[("subpassMergeFeedback", 0)], depends: None },
    FeatureRequirement { by: "VK_ARM_tensors", structure: "VkPhysicalDeviceTensorFeaturesARM", any_of: &[("tensors", 5)], depends: None },
    FeatureRequirement { by: "VK_EXT_shader_module_identifier", structure: "VkPhysicalDeviceShaderModuleIdentifierFeaturesEXT", any_of: &[("shaderModuleIdentifier", 0)], depends: None },
    FeatureRequirement { by: "VK_NV_optical_flow", structure: "VkPhysicalDeviceOpticalFlowFeaturesNV", any_of: &[("opticalFlow", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_legacy_dithering", structure: "VkPhysicalDeviceLegacyDitheringFeaturesEXT", any_of: &[("legacyDithering", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_pipeline_protected_access", structure: "VkPhysicalDevicePipelineProtectedAccessFeatures", any_of: &[("pipelineProtectedAccess", 0)], depends: None },
    FeatureRequirement { by: "VK_ANDROID_external_format_resolve", structure: "VkPhysicalDeviceExternalFormatResolveFeaturesANDROID", any_of: &[("externalFormatResolve", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_maintenance5", structure: "VkPhysicalDeviceMaintenance5Features", any_of: &[("maintenance5", 0)], depends: None },
    FeatureRequirement { by: "VK_AMD_anti_lag", structure: "VkPhysicalDeviceAntiLagFeaturesAMD", any_of: &[("antiLag", 0)], depends: None },
    FeatureRequirement { by: "VK_AMDX_dense_geometry_format", structure: "VkPhysicalDeviceDenseGeometryFormatFeaturesAMDX", any_of: &[("denseGeometryFormat", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_present_id2", structure: "VkPhysicalDevicePresentId2FeaturesKHR", any_of: &[("presentId2", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_present_wait2", structure: "VkPhysicalDevicePresentWait2FeaturesKHR", any_of: &[("presentWait2", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_ray_tracing_position_fetch", structure: "VkPhysicalDeviceRayTracingPositionFetchFeaturesKHR", any_of: &[("rayTracingPositionFetch", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_shader_object", structure: "VkPhysicalDeviceShaderObjectFeaturesEXT", any_of: &[("shaderObject", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_pipeline_binary", structure: "VkPhysicalDevicePipelineBinaryFeaturesKHR", any_of: &[("pipelineBinaries", 0)], depends: None },
    FeatureRequirement { by: "VK_QCOM_tile_properties", structure: "VkPhysicalDeviceTilePropertiesFeaturesQCOM", any_of: &[("tileProperties", 0)], depends: None },
    FeatureRequirement { by: "VK_SEC_amigo_profiling", structure: "VkPhysicalDeviceAmigoProfilingFeaturesSEC", any_of: &[("amigoProfiling", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_swapchain_maintenance1", structure: "VkPhysicalDeviceSwapchainMaintenance1FeaturesKHR", any_of: &[("swapchainMaintenance1", 0)], depends: None },
    FeatureRequirement { by: "VK_QCOM_multiview_per_view_viewports", structure: "VkPhysicalDeviceMultiviewPerViewViewportsFeaturesQCOM", any_of: &[("multiviewPerViewViewports", 0)], depends: None },
    FeatureRequirement { by: "VK_NV_ray_tracing_invocation_reorder", structure: "VkPhysicalDeviceRayTracingInvocationReorderFeaturesNV", any_of: &[("rayTracingInvocationReorder", 0)], depends: None },
    FeatureRequirement { by: "VK_NV_cooperative_vector", structure: "VkPhysicalDeviceCooperativeVectorFeaturesNV", any_of: &[("cooperativeVector", 0)], depends: None },
    FeatureRequirement { by: "VK_NV_extended_sparse_address_space", structure: "VkPhysicalDeviceExtendedSparseAddressSpaceFeaturesNV", any_of: &[("extendedSparseAddressSpace", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_mutable_descriptor_type", structure: "VkPhysicalDeviceMutableDescriptorTypeFeaturesEXT", any_of: &[("mutableDescriptorType", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_legacy_vertex_attributes", structure: "VkPhysicalDeviceLegacyVertexAttributesFeaturesEXT", any_of: &[("legacyVertexAttributes", 0)], depends: None },
    FeatureRequirement { by: "VK_ARM_shader_core_builtins", structure: "VkPhysicalDeviceShaderCoreBuiltinsFeaturesARM", any_of: &[("shaderCoreBuiltins", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_pipeline_library_group_handles", structure: "VkPhysicalDevicePipelineLibraryGroupHandlesFeaturesEXT", any_of: &[("pipelineLibraryGroupHandles", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_dynamic_rendering_unused_attachments", structure: "VkPhysicalDeviceDynamicRenderingUnusedAttachmentsFeaturesEXT", any_of: &[("dynamicRenderingUnusedAttachments", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_internally_synchronized_queues", structure: "VkPhysicalDeviceInternallySynchronizedQueuesFeaturesKHR", any_of: &[("internallySynchronizedQueues", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_cooperative_matrix", structure: "VkPhysicalDeviceCooperativeMatrixFeaturesKHR", any_of: &[("cooperativeMatrix", 0)], depends: None },
    FeatureRequirement { by: "VK_ARM_data_graph", structure: "VkPhysicalDeviceDataGraphFeaturesARM", any_of: &[("dataGraph", 0)], depends: None },
    FeatureRequirement { by: "VK_QCOM_multiview_per_view_render_areas", structure: "VkPhysicalDeviceMultiviewPerViewRenderAreasFeaturesQCOM", any_of: &[("multiviewPerViewRenderAreas", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_compute_shader_derivatives", structure: "VkPhysicalDeviceComputeShaderDerivativesFeaturesKHR", any_of: &[("computeDerivativeGroupLinear", 1)], depends: None },
    FeatureRequirement { by: "VK_KHR_video_encode_av1", structure: "VkPhysicalDeviceVideoEncodeAV1FeaturesKHR", any_of: &[("videoEncodeAV1", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_video_decode_vp9", structure: "VkPhysicalDeviceVideoDecodeVP9FeaturesKHR", any_of: &[("videoDecodeVP9", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_video_maintenance1", structure: "VkPhysicalDeviceVideoMaintenance1FeaturesKHR", any_of: &[("videoMaintenance1", 0)], depends: None },
    FeatureRequirement { by: "VK_NV_per_stage_descriptor_set", structure: "VkPhysicalDevicePerStageDescriptorSetFeaturesNV", any_of: &[("perStageDescriptorSet", 0)], depends: None },
    FeatureRequirement { by: "VK_QCOM_image_processing2", structure: "VkPhysicalDeviceImageProcessing2FeaturesQCOM", any_of: &[("textureBlockMatch2", 0)], depends: None },
    FeatureRequirement { by: "VK_QCOM_filter_cubic_weights", structure: "VkPhysicalDeviceCubicWeightsFeaturesQCOM", any_of: &[("selectableCubicWeights", 0)], depends: None },
    FeatureRequirement { by: "VK_QCOM_ycbcr_degamma", structure: "VkPhysicalDeviceYcbcrDegammaFeaturesQCOM", any_of: &[("ycbcrDegamma", 0)], depends: None },
    FeatureRequirement { by: "VK_QCOM_filter_cubic_clamp", structure: "VkPhysicalDeviceCubicClampFeaturesQCOM", any_of: &[("cubicRangeClamp", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_attachment_feedback_loop_dynamic_state", structure: "VkPhysicalDeviceAttachmentFeedbackLoopDynamicStateFeaturesEXT", any_of: &[("attachmentFeedbackLoopDynamicState", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_vertex_attribute_divisor", structure: "VkPhysicalDeviceVertexAttributeDivisorFeatures", any_of: &[("vertexAttributeInstanceRateDivisor", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_unified_image_layouts", structure: "VkPhysicalDeviceUnifiedImageLayoutsFeaturesKHR", any_of: &[("unifiedImageLayouts", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_shader_float_controls2", structure: "VkPhysicalDeviceShaderFloatControls2Features", any_of: &[("shaderFloatControls2", 0)], depends: None },
    FeatureRequirement { by: "VK_QNX_external_memory_screen_buffer", structure: "VkPhysicalDeviceExternalMemoryScreenBufferFeaturesQNX", any_of: &[("screenBufferImport", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_index_type_uint8", structure: "VkPhysicalDeviceIndexTypeUint8Features", any_of: &[("indexTypeUint8", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_line_rasterization", structure: "VkPhysicalDeviceLineRasterizationFeatures", any_of: &[("rectangularLines", 0), ("bresenhamLines", 1), ("smoothLines", 2), ("stippledRectangularLines", 3), ("stippledBresenhamLines", 4), ("stippledSmoothLines", 5)], depends: None },
    FeatureRequirement { by: "VK_KHR_shader_expect_assume", structure: "VkPhysicalDeviceShaderExpectAssumeFeatures", any_of: &[("shaderExpectAssume", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_maintenance6", structure: "VkPhysicalDeviceMaintenance6Features", any_of: &[("maintenance6", 0)], depends: None },
    FeatureRequirement { by: "VK_NV_descriptor_pool_overallocation", structure: "VkPhysicalDeviceDescriptorPoolOverallocationFeaturesNV", any_of: &[("descriptorPoolOverallocation", 0)], depends: None },
    FeatureRequirement { by: "VK_QCOM_tile_memory_heap", structure: "VkPhysicalDeviceTileMemoryHeapFeaturesQCOM", any_of: &[("tileMemoryHeap", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_copy_memory_indirect", structure: "VkPhysicalDeviceCopyMemoryIndirectFeaturesKHR", any_of: &[("indirectMemoryCopy", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_memory_decompression", structure: "VkPhysicalDeviceMemoryDecompressionFeaturesEXT", any_of: &[("memoryDecompression", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_video_encode_intra_refresh", structure: "VkPhysicalDeviceVideoEncodeIntraRefreshFeaturesKHR", any_of: &[("videoEncodeIntraRefresh", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_video_encode_quantization_map", structure: "VkPhysicalDeviceVideoEncodeQuantizationMapFeaturesKHR", any_of: &[("videoEncodeQuantizationMap", 0)], depends: None },
    FeatureRequirement { by: "VK_NV_raw_access_chains", structure: "VkPhysicalDeviceRawAccessChainsFeaturesNV", any_of: &[("shaderRawAccessChains", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_shader_relaxed_extended_instruction", structure: "VkPhysicalDeviceShaderRelaxedExtendedInstructionFeaturesKHR", any_of: &[("shaderRelaxedExtendedInstruction", 0)], depends: None },
    FeatureRequirement { by: "VK_NV_command_buffer_inheritance", structure: "VkPhysicalDeviceCommandBufferInheritanceFeaturesNV", any_of: &[("commandBufferInheritance", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_maintenance7", structure: "VkPhysicalDeviceMaintenance7FeaturesKHR", any_of: &[("maintenance7", 0)], depends: None },
    FeatureRequirement { by: "VK_NV_shader_atomic_float16_vector", structure: "VkPhysicalDeviceShaderAtomicFloat16VectorFeaturesNV", any_of: &[("shaderFloat16VectorAtomics", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_shader_replicated_composites", structure: "VkPhysicalDeviceShaderReplicatedCompositesFeaturesEXT", any_of: &[("shaderReplicatedComposites", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_shader_float8", structure: "VkPhysicalDeviceShaderFloat8FeaturesEXT", any_of: &[("shaderFloat8", 0)], depends: None },
    FeatureRequirement { by: "VK_NV_ray_tracing_validation", structure: "VkPhysicalDeviceRayTracingValidationFeaturesNV", any_of: &[("rayTracingValidation", 0)], depends: None },
    FeatureRequirement { by: "VK_NV_cluster_acceleration_structure", structure: "VkPhysicalDeviceClusterAccelerationStructureFeaturesNV", any_of: &[("clusterAccelerationStructure", 0)], depends: None },
    FeatureRequirement { by: "VK_NV_partitioned_acceleration_structure", structure: "VkPhysicalDevicePartitionedAccelerationStructureFeaturesNV", any_of: &[("partitionedAccelerationStructure", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_device_generated_commands", structure: "VkPhysicalDeviceDeviceGeneratedCommandsFeaturesEXT", any_of: &[("deviceGeneratedCommands", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_device_fault", structure: "VkPhysicalDeviceFaultFeaturesKHR", any_of: &[("deviceFault", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_maintenance8", structure: "VkPhysicalDeviceMaintenance8FeaturesKHR", any_of: &[("maintenance8", 0)], depends: None },
    FeatureRequirement { by: "VK_MESA_image_alignment_control", structure: "VkPhysicalDeviceImageAlignmentControlFeaturesMESA", any_of: &[("imageAlignmentControl", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_shader_fma", structure: "VkPhysicalDeviceShaderFmaFeaturesKHR", any_of: &[("shaderFmaFloat32", 1)], depends: None },
    FeatureRequirement { by: "VK_NV_push_constant_bank", structure: "VkPhysicalDevicePushConstantBankFeaturesNV", any_of: &[("pushConstantBank", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_ray_tracing_invocation_reorder", structure: "VkPhysicalDeviceRayTracingInvocationReorderFeaturesEXT", any_of: &[("rayTracingInvocationReorder", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_depth_clamp_control", structure: "VkPhysicalDeviceDepthClampControlFeaturesEXT", any_of: &[("depthClampControl", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_maintenance9", structure: "VkPhysicalDeviceMaintenance9FeaturesKHR", any_of: &[("maintenance9", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_video_maintenance2", structure: "VkPhysicalDeviceVideoMaintenance2FeaturesKHR", any_of: &[("videoMaintenance2", 0)], depends: None },
    FeatureRequirement { by: "VK_HUAWEI_hdr_vivid", structure: "VkPhysicalDeviceHdrVividFeaturesHUAWEI", any_of: &[("hdrVivid", 0)], depends: None },
    FeatureRequirement { by: "VK_NV_cooperative_matrix2", structure: "VkPhysicalDeviceCooperativeMatrix2FeaturesNV", any_of: &[("cooperativeMatrixWorkgroupScope", 0), ("cooperativeMatrixFlexibleDimensions", 1), ("cooperativeMatrixReductions", 2), ("cooperativeMatrixConversions", 3), ("cooperativeMatrixPerElementOperations", 4), ("cooperativeMatrixTensorAddressing", 5), ("cooperativeMatrixBlockLoads", 6)], depends: None },
    FeatureRequirement { by: "VK_ARM_pipeline_opacity_micromap", structure: "VkPhysicalDevicePipelineOpacityMicromapFeaturesARM", any_of: &[("pipelineOpacityMicromap", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_video_encode_feedback2", structure: "VkPhysicalDeviceVideoEncodeFeedback2FeaturesKHR", any_of: &[("videoEncodeFeedback2", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_depth_clamp_zero_one", structure: "VkPhysicalDeviceDepthClampZeroOneFeaturesKHR", any_of: &[("depthClampZeroOne", 0)], depends: None },
    FeatureRequirement { by: "VK_ARM_performance_counters_by_region", structure: "VkPhysicalDevicePerformanceCountersByRegionFeaturesARM", any_of: &[("performanceCountersByRegion", 0)], depends: None },
    FeatureRequirement { by: "VK_ARM_shader_instrumentation", structure: "VkPhysicalDeviceShaderInstrumentationFeaturesARM", any_of: &[("shaderInstrumentation", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_vertex_attribute_robustness", structure: "VkPhysicalDeviceVertexAttributeRobustnessFeaturesEXT", any_of: &[("vertexAttributeRobustness", 0)], depends: None },
    FeatureRequirement { by: "VK_ARM_format_pack", structure: "VkPhysicalDeviceFormatPackFeaturesARM", any_of: &[("formatPack", 0)], depends: None },
    FeatureRequirement { by: "VK_VALVE_fragment_density_map_layered", structure: "VkPhysicalDeviceFragmentDensityMapLayeredFeaturesVALVE", any_of: &[("fragmentDensityMapLayered", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_robustness2", structure: "VkPhysicalDeviceRobustness2FeaturesKHR", any_of: &[("robustBufferAccess2", 0), ("robustImageAccess2", 1), ("nullDescriptor", 2)], depends: None },
    FeatureRequirement { by: "VK_NV_present_metering", structure: "VkPhysicalDevicePresentMeteringFeaturesNV", any_of: &[("presentMetering", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_multisampled_render_to_swapchain", structure: "VkPhysicalDeviceMultisampledRenderToSwapchainFeaturesEXT", any_of: &[("multisampledRenderToSwapchain", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_fragment_density_map_offset", structure: "VkPhysicalDeviceFragmentDensityMapOffsetFeaturesEXT", any_of: &[("fragmentDensityMapOffset", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_zero_initialize_device_memory", structure: "VkPhysicalDeviceZeroInitializeDeviceMemoryFeaturesEXT", any_of: &[("zeroInitializeDeviceMemory", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_present_mode_fifo_latest_ready", structure: "VkPhysicalDevicePresentModeFifoLatestReadyFeaturesKHR", any_of: &[("presentModeFifoLatestReady", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_opacity_micromap", structure: "VkPhysicalDeviceOpacityMicromapFeaturesKHR", any_of: &[("micromap", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_shader_64bit_indexing", structure: "VkPhysicalDeviceShader64BitIndexingFeaturesEXT", any_of: &[("shader64BitIndexing", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_custom_resolve", structure: "VkPhysicalDeviceCustomResolveFeaturesEXT", any_of: &[("customResolve", 0)], depends: None },
    FeatureRequirement { by: "VK_QCOM_data_graph_model", structure: "VkPhysicalDeviceDataGraphModelFeaturesQCOM", any_of: &[("dataGraphModel", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_maintenance10", structure: "VkPhysicalDeviceMaintenance10FeaturesKHR", any_of: &[("maintenance10", 0)], depends: None },
    FeatureRequirement { by: "VK_ARM_data_graph_optical_flow", structure: "VkPhysicalDeviceDataGraphOpticalFlowFeaturesARM", any_of: &[("dataGraphOpticalFlow", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_shader_long_vector", structure: "VkPhysicalDeviceShaderLongVectorFeaturesEXT", any_of: &[("longVector", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_shader_long_vector", structure: "VkPhysicalDeviceVulkan12Features", any_of: &[("scalarBlockLayout", 31)], depends: None },
    FeatureRequirement { by: "VK_EXT_shader_long_vector", structure: "VkPhysicalDeviceWorkgroupMemoryExplicitLayoutFeaturesKHR", any_of: &[("workgroupMemoryExplicitLayoutScalarBlockLayout", 1)], depends: Some("VK_KHR_workgroup_memory_explicit_layout") },
    FeatureRequirement { by: "VK_SEC_pipeline_cache_incremental_mode", structure: "VkPhysicalDevicePipelineCacheIncrementalModeFeaturesSEC", any_of: &[("pipelineCacheIncrementalMode", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_shader_uniform_buffer_unsized_array", structure: "VkPhysicalDeviceShaderUniformBufferUnsizedArrayFeaturesEXT", any_of: &[("shaderUniformBufferUnsizedArray", 0)], depends: None },
    FeatureRequirement { by: "VK_NV_compute_occupancy_priority", structure: "VkPhysicalDeviceComputeOccupancyPriorityFeaturesNV", any_of: &[("computeOccupancyPriority", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_maintenance11", structure: "VkPhysicalDeviceMaintenance11FeaturesKHR", any_of: &[("maintenance11", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_cooperative_matrix_maintenance1", structure: "VkPhysicalDeviceCooperativeMatrixMaintenance1FeaturesEXT", any_of: &[("cooperativeMatrixProperties2", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_shader_subgroup_partitioned", structure: "VkPhysicalDeviceShaderSubgroupPartitionedFeaturesEXT", any_of: &[("shaderSubgroupPartitioned", 0)], depends: None },
    FeatureRequirement { by: "VK_KHR_extended_flags", structure: "VkPhysicalDeviceExtendedFlagsFeaturesKHR", any_of: &[("extendedFlags", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_shader_ocp_microscaling_types", structure: "VkPhysicalDeviceShaderOCPMicroscalingTypesFeaturesEXT", any_of: &[("shaderFloat4", 0), ("shaderFloat6", 1), ("shaderFloat8UnsignedE8M0", 2), ("shaderMXInt8", 3)], depends: None },
    FeatureRequirement { by: "VK_VALVE_shader_mixed_float_dot_product", structure: "VkPhysicalDeviceShaderMixedFloatDotProductFeaturesVALVE", any_of: &[("shaderMixedFloatDotProductFloat16AccFloat32", 0)], depends: None },
    FeatureRequirement { by: "VK_SEC_throttle_hint", structure: "VkPhysicalDeviceThrottleHintFeaturesSEC", any_of: &[("throttleHint", 0)], depends: None },
    FeatureRequirement { by: "VK_ARM_data_graph_neural_accelerator_statistics", structure: "VkPhysicalDeviceDataGraphNeuralAcceleratorStatisticsFeaturesARM", any_of: &[("dataGraphNeuralAcceleratorStatistics", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_primitive_restart_index", structure: "VkPhysicalDevicePrimitiveRestartIndexFeaturesEXT", any_of: &[("primitiveRestartIndex", 0)], depends: None },
    FeatureRequirement { by: "VK_EXT_image_tiling_control", structure: "VkPhysicalDeviceImageTilingControlFeaturesEXT", any_of: &[("imageTilingControl", 0)], depends: None },
    FeatureRequirement { by: "VK_NV_cooperative_matrix_decode_vector", structure: "VkPhysicalDeviceCooperativeMatrixDecodeVectorFeaturesNV", any_of: &[("cooperativeMatrixDecodeVector", 0)], depends: None },
    FeatureRequirement { by: "VK_NV_cooperative_matrix_decode_vector", structure: "VkPhysicalDeviceCooperativeMatrix2FeaturesNV", any_of: &[("cooperativeMatrixBlockLoads", 6)], depends: None },
];

/// Members named in `depends` and `condition` expressions, with their indices.
#[rustfmt::skip]
pub const DEPENDS_MEMBERS: &[(&str, &str, usize)] = &[
    ("VkPhysicalDevice16BitStorageFeatures", "uniformAndStorageBuffer16BitAccess", 1),
    ("VkPhysicalDevice4444FormatsFeaturesEXT", "formatA4B4G4R4", 1),
    ("VkPhysicalDevice4444FormatsFeaturesEXT", "formatA4R4G4B4", 0),
    ("VkPhysicalDeviceExtendedDynamicState3FeaturesEXT", "extendedDynamicState3AlphaToOneEnable", 6),
    ("VkPhysicalDeviceExtendedDynamicState3FeaturesEXT", "extendedDynamicState3ColorBlendAdvanced", 16),
    ("VkPhysicalDeviceExtendedDynamicState3FeaturesEXT", "extendedDynamicState3ConservativeRasterizationMode", 12),
    ("VkPhysicalDeviceExtendedDynamicState3FeaturesEXT", "extendedDynamicState3CoverageModulationMode", 25),
    ("VkPhysicalDeviceExtendedDynamicState3FeaturesEXT", "extendedDynamicState3CoverageModulationTable", 27),
    ("VkPhysicalDeviceExtendedDynamicState3FeaturesEXT", "extendedDynamicState3CoverageModulationTableEnable", 26),
    ("VkPhysicalDeviceExtendedDynamicState3FeaturesEXT", "extendedDynamicState3CoverageReductionMode", 28),
    ("VkPhysicalDeviceExtendedDynamicState3FeaturesEXT", "extendedDynamicState3CoverageToColorEnable", 23),
    ("VkPhysicalDeviceExtendedDynamicState3FeaturesEXT", "extendedDynamicState3CoverageToColorLocation", 24),
    ("VkPhysicalDeviceExtendedDynamicState3FeaturesEXT", "extendedDynamicState3DepthClampEnable", 1),
    ("VkPhysicalDeviceExtendedDynamicState3FeaturesEXT", "extendedDynamicState3DepthClipNegativeOneToOne", 20),
    ("VkPhysicalDeviceExtendedDynamicState3FeaturesEXT", "extendedDynamicState3ExtraPrimitiveOverestimationSize", 13),
    ("VkPhysicalDeviceExtendedDynamicState3FeaturesEXT", "extendedDynamicState3LineRasterizationMode", 18),
    ("VkPhysicalDeviceExtendedDynamicState3FeaturesEXT", "extendedDynamicState3LineStippleEnable", 19),
    ("VkPhysicalDeviceExtendedDynamicState3FeaturesEXT", "extendedDynamicState3LogicOpEnable", 7),
    ("VkPhysicalDeviceExtendedDynamicState3FeaturesEXT", "extendedDynamicState3PolygonMode", 2),
    ("VkPhysicalDeviceExtendedDynamicState3FeaturesEXT", "extendedDynamicState3ProvokingVertexMode", 17),
    ("VkPhysicalDeviceExtendedDynamicState3FeaturesEXT", "extendedDynamicState3RasterizationStream", 11),
    ("VkPhysicalDeviceExtendedDynamicState3FeaturesEXT", "extendedDynamicState3RepresentativeFragmentTestEnable", 29),
    ("VkPhysicalDeviceExtendedDynamicState3FeaturesEXT", "extendedDynamicState3SampleLocationsEnable", 15),
    ("VkPhysicalDeviceExtendedDynamicState3FeaturesEXT", "extendedDynamicState3ShadingRateImageEnable", 30),
    ("VkPhysicalDeviceExtendedDynamicState3FeaturesEXT", "extendedDynamicState3TessellationDomainOrigin", 0),
    ("VkPhysicalDeviceExtendedDynamicState3FeaturesEXT", "extendedDynamicState3ViewportSwizzle", 22),
    ("VkPhysicalDeviceExtendedDynamicState3FeaturesEXT", "extendedDynamicState3ViewportWScalingEnable", 21),
    ("VkPhysicalDeviceFeatures", "geometryShader", 4),
    ("VkPhysicalDeviceFeatures", "shaderStorageImageExtendedFormats", 29),
    ("VkPhysicalDeviceFeatures", "shaderTessellationAndGeometryPointSize", 27),
    ("VkPhysicalDeviceFeatures", "tessellationShader", 5),
    ("VkPhysicalDeviceFeatures", "textureCompressionASTC_LDR", 21),
    ("VkPhysicalDeviceFeatures", "textureCompressionBC", 22),
    ("VkPhysicalDeviceFeatures", "textureCompressionETC2", 20),
    ("VkPhysicalDeviceMeshShaderFeaturesEXT", "primitiveFragmentShadingRateMeshShader", 3),
    ("VkPhysicalDeviceSamplerYcbcrConversionFeatures", "samplerYcbcrConversion", 0),
    ("VkPhysicalDeviceShaderAtomicFloat16VectorFeaturesNV", "shaderFloat16VectorAtomics", 0),
    ("VkPhysicalDeviceShaderAtomicFloat2FeaturesEXT", "shaderImageFloat32AtomicMinMax", 10),
    ("VkPhysicalDeviceShaderAtomicFloat2FeaturesEXT", "sparseImageFloat32AtomicMinMax", 11),
    ("VkPhysicalDeviceShaderAtomicFloatFeaturesEXT", "shaderImageFloat32AtomicAdd", 9),
    ("VkPhysicalDeviceShaderAtomicFloatFeaturesEXT", "shaderImageFloat32Atomics", 8),
    ("VkPhysicalDeviceShaderAtomicFloatFeaturesEXT", "sparseImageFloat32AtomicAdd", 11),
    ("VkPhysicalDeviceShaderAtomicFloatFeaturesEXT", "sparseImageFloat32Atomics", 10),
    ("VkPhysicalDeviceShaderImageAtomicInt64FeaturesEXT", "shaderImageInt64Atomics", 0),
    ("VkPhysicalDeviceVulkan12Features", "descriptorIndexing", 9),
];

/// The members of `VkPhysicalDeviceFeatures`, in order.
pub const PHYSICAL_DEVICE_FEATURES: [&str; 55] = [
    "robustBufferAccess",
    "fullDrawIndexUint32",
    "imageCubeArray",
    "independentBlend",
    "geometryShader",
    "tessellationShader",
    "sampleRateShading",
    "dualSrcBlend",
    "logicOp",
    "multiDrawIndirect",
    "drawIndirectFirstInstance",
    "depthClamp",
    "depthBiasClamp",
    "fillModeNonSolid",
    "depthBounds",
    "wideLines",
    "largePoints",
    "alphaToOne",
    "multiViewport",
    "samplerAnisotropy",
    "textureCompressionETC2",
    "textureCompressionASTC_LDR",
    "textureCompressionBC",
    "occlusionQueryPrecise",
    "pipelineStatisticsQuery",
    "vertexPipelineStoresAndAtomics",
    "fragmentStoresAndAtomics",
    "shaderTessellationAndGeometryPointSize",
    "shaderImageGatherExtended",
    "shaderStorageImageExtendedFormats",
    "shaderStorageImageMultisample",
    "shaderStorageImageReadWithoutFormat",
    "shaderStorageImageWriteWithoutFormat",
    "shaderUniformBufferArrayDynamicIndexing",
    "shaderSampledImageArrayDynamicIndexing",
    "shaderStorageBufferArrayDynamicIndexing",
    "shaderStorageImageArrayDynamicIndexing",
    "shaderClipDistance",
    "shaderCullDistance",
    "shaderFloat64",
    "shaderInt64",
    "shaderInt16",
    "shaderResourceResidency",
    "shaderResourceMinLod",
    "sparseBinding",
    "sparseResidencyBuffer",
    "sparseResidencyImage2D",
    "sparseResidencyImage3D",
    "sparseResidency2Samples",
    "sparseResidency4Samples",
    "sparseResidency8Samples",
    "sparseResidency16Samples",
    "sparseResidencyAliased",
    "variableMultisampleRate",
    "inheritedQueries",
];

// ------------------------------------------------------------------------------------------
// Formats
// ------------------------------------------------------------------------------------------

use vk::FormatFeatureFlags as F;

/// Format features `format` must support in `optimalTilingFeatures` and `bufferFeatures`,
/// always (`condition` None) or when `condition` holds.
#[derive(Clone, Copy, Debug)]
pub struct FormatRequirement {
    pub format: vk::Format,
    pub optimal: &'static [vk::FormatFeatureFlags],
    pub buffer: &'static [vk::FormatFeatureFlags],
    pub condition: Option<&'static str>,
    /// The table (anchor) the row comes from.
    pub source: &'static str,
}

/// "Must be supported for at least one of": some group of `any_of` must have all of
/// `optimal` on every format of the group.
#[derive(Clone, Copy, Debug)]
pub struct FormatAlternative {
    pub what: &'static str,
    pub any_of: &'static [(&'static str, &'static [vk::Format])],
    pub optimal: &'static [vk::FormatFeatureFlags],
    pub source: &'static str,
}

/// `[[formats-mandatory-features-depth-stencil]]`: "bufferFeatures must not support any
/// features for these formats".
pub const FORMATS_WITHOUT_BUFFER_FEATURES: &[vk::Format] = &[
    vk::Format::D16_UNORM,
    vk::Format::X8_D24_UNORM_PACK32,
    vk::Format::D32_SFLOAT,
    vk::Format::S8_UINT,
    vk::Format::D16_UNORM_S8_UINT,
    vk::Format::D24_UNORM_S8_UINT,
    vk::Format::D32_SFLOAT_S8_UINT,
];

const SAMPLED_SET: &[vk::FormatFeatureFlags] =
    &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST];

/// The "at least one of" footnotes: `[[formats-mandatory-features-depth-stencil]]`
/// ("DEPTH_STENCIL_ATTACHMENT must be supported for at least one of X8_D24_UNORM_PACK32 and
/// D32_SFLOAT, and for at least one of D24_UNORM_S8_UINT and D32_SFLOAT_S8_UINT") and the
/// compressed tables ("SAMPLED_IMAGE, BLIT_SRC and SAMPLED_IMAGE_FILTER_LINEAR must be
/// supported in optimalTilingFeatures for all the formats in at least one of" the BC, ETC2
/// and ASTC LDR tables; TRANSFER_SRC/DST by the 1.1 rule on sampled formats).
pub const FORMAT_ALTERNATIVES: &[FormatAlternative] = &[
    FormatAlternative {
        what: "depth attachment",
        any_of: &[
            ("X8_D24_UNORM_PACK32", &[vk::Format::X8_D24_UNORM_PACK32]),
            ("D32_SFLOAT", &[vk::Format::D32_SFLOAT]),
        ],
        optimal: &[F::DEPTH_STENCIL_ATTACHMENT],
        source: "formats-mandatory-features-depth-stencil",
    },
    FormatAlternative {
        what: "depth/stencil attachment",
        any_of: &[
            ("D24_UNORM_S8_UINT", &[vk::Format::D24_UNORM_S8_UINT]),
            ("D32_SFLOAT_S8_UINT", &[vk::Format::D32_SFLOAT_S8_UINT]),
        ],
        optimal: &[F::DEPTH_STENCIL_ATTACHMENT],
        source: "formats-mandatory-features-depth-stencil",
    },
    FormatAlternative {
        what: "compressed family",
        any_of: &[("BC", BCN_FORMATS), ("ETC2", ETC_FORMATS), ("ASTC_LDR", ASTC_FORMATS)],
        optimal: SAMPLED_SET,
        source: "formats-mandatory-features-bcn/etc/astc",
    },
];

/// `[[formats-requiring-sampler-ycbcr-conversion]]`: features marked {sym2} "must be
/// supported for optimalTilingFeatures with VK_IMAGE_TYPE_2D if the VkPhysicalDevice
/// supports the VkPhysicalDeviceSamplerYcbcrConversionFeatures feature".
pub const YCBCR_FORMAT_REQUIREMENTS: &[FormatRequirement] = &[
    FormatRequirement {
        format: vk::Format::G8_B8_R8_3PLANE_420_UNORM,
        optimal: &[F::SAMPLED_IMAGE, F::TRANSFER_SRC, F::TRANSFER_DST, F::COSITED_CHROMA_SAMPLES],
        buffer: &[],
        condition: Some("VkPhysicalDeviceSamplerYcbcrConversionFeatures::samplerYcbcrConversion"),
        source: "formats-requiring-sampler-ycbcr-conversion",
    },
    FormatRequirement {
        format: vk::Format::G8_B8R8_2PLANE_420_UNORM,
        optimal: &[F::SAMPLED_IMAGE, F::TRANSFER_SRC, F::TRANSFER_DST, F::COSITED_CHROMA_SAMPLES],
        buffer: &[],
        condition: Some("VkPhysicalDeviceSamplerYcbcrConversionFeatures::samplerYcbcrConversion"),
        source: "formats-requiring-sampler-ycbcr-conversion",
    },
];

/// The `[[formats-mandatory-features-*]]` rows (generated from `formats.adoc`), then the
/// formats of the `textureCompression*` feature descriptions (`features.adoc`).
#[rustfmt::skip]
pub const FORMAT_REQUIREMENTS: &[FormatRequirement] = &[
    FormatRequirement { format: vk::Format::B4G4R4A4_UNORM_PACK16, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: None, source: "formats-mandatory-features-subbyte" },
    FormatRequirement { format: vk::Format::R5G6B5_UNORM_PACK16, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::COLOR_ATTACHMENT, F::BLIT_DST, F::COLOR_ATTACHMENT_BLEND, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: None, source: "formats-mandatory-features-subbyte" },
    FormatRequirement { format: vk::Format::A1R5G5B5_UNORM_PACK16, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::COLOR_ATTACHMENT, F::BLIT_DST, F::COLOR_ATTACHMENT_BLEND, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: None, source: "formats-mandatory-features-subbyte" },
    FormatRequirement { format: vk::Format::A4R4G4B4_UNORM_PACK16, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VK_EXT_4444_formats+VkPhysicalDevice4444FormatsFeaturesEXT::formatA4R4G4B4"), source: "formats-mandatory-features-subbyte" },
    FormatRequirement { format: vk::Format::A4B4G4R4_UNORM_PACK16, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VK_EXT_4444_formats+VkPhysicalDevice4444FormatsFeaturesEXT::formatA4B4G4R4"), source: "formats-mandatory-features-subbyte" },
    FormatRequirement { format: vk::Format::R8_UNORM, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::COLOR_ATTACHMENT, F::BLIT_DST, F::COLOR_ATTACHMENT_BLEND, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::VERTEX_BUFFER, F::UNIFORM_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-2byte" },
    FormatRequirement { format: vk::Format::R8_UNORM, optimal: &[F::STORAGE_IMAGE], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::shaderStorageImageExtendedFormats"), source: "formats-mandatory-features-2byte" },
    FormatRequirement { format: vk::Format::R8_SNORM, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::VERTEX_BUFFER, F::UNIFORM_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-2byte" },
    FormatRequirement { format: vk::Format::R8_SNORM, optimal: &[F::STORAGE_IMAGE], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::shaderStorageImageExtendedFormats"), source: "formats-mandatory-features-2byte" },
    FormatRequirement { format: vk::Format::R8_UINT, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::COLOR_ATTACHMENT, F::BLIT_DST, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::VERTEX_BUFFER, F::UNIFORM_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-2byte" },
    FormatRequirement { format: vk::Format::R8_UINT, optimal: &[F::STORAGE_IMAGE], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::shaderStorageImageExtendedFormats"), source: "formats-mandatory-features-2byte" },
    FormatRequirement { format: vk::Format::R8_SINT, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::COLOR_ATTACHMENT, F::BLIT_DST, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::VERTEX_BUFFER, F::UNIFORM_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-2byte" },
    FormatRequirement { format: vk::Format::R8_SINT, optimal: &[F::STORAGE_IMAGE], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::shaderStorageImageExtendedFormats"), source: "formats-mandatory-features-2byte" },
    FormatRequirement { format: vk::Format::R8G8_UNORM, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::COLOR_ATTACHMENT, F::BLIT_DST, F::COLOR_ATTACHMENT_BLEND, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::VERTEX_BUFFER, F::UNIFORM_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-2byte" },
    FormatRequirement { format: vk::Format::R8G8_UNORM, optimal: &[F::STORAGE_IMAGE], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::shaderStorageImageExtendedFormats"), source: "formats-mandatory-features-2byte" },
    FormatRequirement { format: vk::Format::R8G8_SNORM, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::VERTEX_BUFFER, F::UNIFORM_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-2byte" },
    FormatRequirement { format: vk::Format::R8G8_SNORM, optimal: &[F::STORAGE_IMAGE], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::shaderStorageImageExtendedFormats"), source: "formats-mandatory-features-2byte" },
    FormatRequirement { format: vk::Format::R8G8_UINT, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::COLOR_ATTACHMENT, F::BLIT_DST, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::VERTEX_BUFFER, F::UNIFORM_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-2byte" },
    FormatRequirement { format: vk::Format::R8G8_UINT, optimal: &[F::STORAGE_IMAGE], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::shaderStorageImageExtendedFormats"), source: "formats-mandatory-features-2byte" },
    FormatRequirement { format: vk::Format::R8G8_SINT, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::COLOR_ATTACHMENT, F::BLIT_DST, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::VERTEX_BUFFER, F::UNIFORM_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-2byte" },
    FormatRequirement { format: vk::Format::R8G8_SINT, optimal: &[F::STORAGE_IMAGE], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::shaderStorageImageExtendedFormats"), source: "formats-mandatory-features-2byte" },
    FormatRequirement { format: vk::Format::R8G8B8A8_UNORM, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::STORAGE_IMAGE, F::COLOR_ATTACHMENT, F::BLIT_DST, F::COLOR_ATTACHMENT_BLEND, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::VERTEX_BUFFER, F::UNIFORM_TEXEL_BUFFER, F::STORAGE_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-4byte" },
    FormatRequirement { format: vk::Format::R8G8B8A8_SNORM, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::STORAGE_IMAGE, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::VERTEX_BUFFER, F::UNIFORM_TEXEL_BUFFER, F::STORAGE_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-4byte" },
    FormatRequirement { format: vk::Format::R8G8B8A8_UINT, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::STORAGE_IMAGE, F::COLOR_ATTACHMENT, F::BLIT_DST, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::VERTEX_BUFFER, F::UNIFORM_TEXEL_BUFFER, F::STORAGE_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-4byte" },
    FormatRequirement { format: vk::Format::R8G8B8A8_SINT, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::STORAGE_IMAGE, F::COLOR_ATTACHMENT, F::BLIT_DST, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::VERTEX_BUFFER, F::UNIFORM_TEXEL_BUFFER, F::STORAGE_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-4byte" },
    FormatRequirement { format: vk::Format::R8G8B8A8_SRGB, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::COLOR_ATTACHMENT, F::BLIT_DST, F::COLOR_ATTACHMENT_BLEND, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: None, source: "formats-mandatory-features-4byte" },
    FormatRequirement { format: vk::Format::B8G8R8A8_UNORM, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::COLOR_ATTACHMENT, F::BLIT_DST, F::COLOR_ATTACHMENT_BLEND, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::VERTEX_BUFFER, F::UNIFORM_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-4byte" },
    FormatRequirement { format: vk::Format::B8G8R8A8_SRGB, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::COLOR_ATTACHMENT, F::BLIT_DST, F::COLOR_ATTACHMENT_BLEND, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: None, source: "formats-mandatory-features-4byte" },
    FormatRequirement { format: vk::Format::A8B8G8R8_UNORM_PACK32, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::COLOR_ATTACHMENT, F::BLIT_DST, F::COLOR_ATTACHMENT_BLEND, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::VERTEX_BUFFER, F::UNIFORM_TEXEL_BUFFER, F::STORAGE_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-4byte" },
    FormatRequirement { format: vk::Format::A8B8G8R8_SNORM_PACK32, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::VERTEX_BUFFER, F::UNIFORM_TEXEL_BUFFER, F::STORAGE_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-4byte" },
    FormatRequirement { format: vk::Format::A8B8G8R8_UINT_PACK32, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::COLOR_ATTACHMENT, F::BLIT_DST, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::VERTEX_BUFFER, F::UNIFORM_TEXEL_BUFFER, F::STORAGE_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-4byte" },
    FormatRequirement { format: vk::Format::A8B8G8R8_SINT_PACK32, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::COLOR_ATTACHMENT, F::BLIT_DST, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::VERTEX_BUFFER, F::UNIFORM_TEXEL_BUFFER, F::STORAGE_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-4byte" },
    FormatRequirement { format: vk::Format::A8B8G8R8_SRGB_PACK32, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::COLOR_ATTACHMENT, F::BLIT_DST, F::COLOR_ATTACHMENT_BLEND, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: None, source: "formats-mandatory-features-4byte" },
    FormatRequirement { format: vk::Format::A2B10G10R10_UNORM_PACK32, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::COLOR_ATTACHMENT, F::BLIT_DST, F::COLOR_ATTACHMENT_BLEND, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::VERTEX_BUFFER, F::UNIFORM_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-10bit" },
    FormatRequirement { format: vk::Format::A2B10G10R10_UNORM_PACK32, optimal: &[F::STORAGE_IMAGE], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::shaderStorageImageExtendedFormats"), source: "formats-mandatory-features-10bit" },
    FormatRequirement { format: vk::Format::A2B10G10R10_UINT_PACK32, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::COLOR_ATTACHMENT, F::BLIT_DST, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::UNIFORM_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-10bit" },
    FormatRequirement { format: vk::Format::A2B10G10R10_UINT_PACK32, optimal: &[F::STORAGE_IMAGE], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::shaderStorageImageExtendedFormats"), source: "formats-mandatory-features-10bit" },
    FormatRequirement { format: vk::Format::R16_UNORM, optimal: &[], buffer: &[F::VERTEX_BUFFER], condition: None, source: "formats-mandatory-features-16bit" },
    FormatRequirement { format: vk::Format::R16_UNORM, optimal: &[F::STORAGE_IMAGE], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::shaderStorageImageExtendedFormats"), source: "formats-mandatory-features-16bit" },
    FormatRequirement { format: vk::Format::R16_SNORM, optimal: &[], buffer: &[F::VERTEX_BUFFER], condition: None, source: "formats-mandatory-features-16bit" },
    FormatRequirement { format: vk::Format::R16_SNORM, optimal: &[F::STORAGE_IMAGE], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::shaderStorageImageExtendedFormats"), source: "formats-mandatory-features-16bit" },
    FormatRequirement { format: vk::Format::R16_UINT, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::COLOR_ATTACHMENT, F::BLIT_DST, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::VERTEX_BUFFER, F::UNIFORM_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-16bit" },
    FormatRequirement { format: vk::Format::R16_UINT, optimal: &[F::STORAGE_IMAGE], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::shaderStorageImageExtendedFormats"), source: "formats-mandatory-features-16bit" },
    FormatRequirement { format: vk::Format::R16_SINT, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::COLOR_ATTACHMENT, F::BLIT_DST, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::VERTEX_BUFFER, F::UNIFORM_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-16bit" },
    FormatRequirement { format: vk::Format::R16_SINT, optimal: &[F::STORAGE_IMAGE], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::shaderStorageImageExtendedFormats"), source: "formats-mandatory-features-16bit" },
    FormatRequirement { format: vk::Format::R16_SFLOAT, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::COLOR_ATTACHMENT, F::BLIT_DST, F::COLOR_ATTACHMENT_BLEND, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::VERTEX_BUFFER, F::UNIFORM_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-16bit" },
    FormatRequirement { format: vk::Format::R16_SFLOAT, optimal: &[F::STORAGE_IMAGE], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::shaderStorageImageExtendedFormats"), source: "formats-mandatory-features-16bit" },
    FormatRequirement { format: vk::Format::R16G16_UNORM, optimal: &[], buffer: &[F::VERTEX_BUFFER], condition: None, source: "formats-mandatory-features-16bit" },
    FormatRequirement { format: vk::Format::R16G16_UNORM, optimal: &[F::STORAGE_IMAGE], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::shaderStorageImageExtendedFormats"), source: "formats-mandatory-features-16bit" },
    FormatRequirement { format: vk::Format::R16G16_SNORM, optimal: &[], buffer: &[F::VERTEX_BUFFER], condition: None, source: "formats-mandatory-features-16bit" },
    FormatRequirement { format: vk::Format::R16G16_SNORM, optimal: &[F::STORAGE_IMAGE], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::shaderStorageImageExtendedFormats"), source: "formats-mandatory-features-16bit" },
    FormatRequirement { format: vk::Format::R16G16_UINT, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::COLOR_ATTACHMENT, F::BLIT_DST, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::VERTEX_BUFFER, F::UNIFORM_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-16bit" },
    FormatRequirement { format: vk::Format::R16G16_UINT, optimal: &[F::STORAGE_IMAGE], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::shaderStorageImageExtendedFormats"), source: "formats-mandatory-features-16bit" },
    FormatRequirement { format: vk::Format::R16G16_SINT, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::COLOR_ATTACHMENT, F::BLIT_DST, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::VERTEX_BUFFER, F::UNIFORM_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-16bit" },
    FormatRequirement { format: vk::Format::R16G16_SINT, optimal: &[F::STORAGE_IMAGE], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::shaderStorageImageExtendedFormats"), source: "formats-mandatory-features-16bit" },
    FormatRequirement { format: vk::Format::R16G16_SFLOAT, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::COLOR_ATTACHMENT, F::BLIT_DST, F::COLOR_ATTACHMENT_BLEND, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::VERTEX_BUFFER, F::UNIFORM_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-16bit" },
    FormatRequirement { format: vk::Format::R16G16_SFLOAT, optimal: &[F::STORAGE_IMAGE], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::shaderStorageImageExtendedFormats"), source: "formats-mandatory-features-16bit" },
    FormatRequirement { format: vk::Format::R16G16_SFLOAT, optimal: &[F::STORAGE_IMAGE_ATOMIC], buffer: &[F::STORAGE_TEXEL_BUFFER], condition: Some("VkPhysicalDeviceShaderAtomicFloat16VectorFeaturesNV::shaderFloat16VectorAtomics"), source: "formats-mandatory-features-16bit" },
    FormatRequirement { format: vk::Format::R16G16B16A16_UNORM, optimal: &[], buffer: &[F::VERTEX_BUFFER], condition: None, source: "formats-mandatory-features-16bit" },
    FormatRequirement { format: vk::Format::R16G16B16A16_UNORM, optimal: &[F::STORAGE_IMAGE], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::shaderStorageImageExtendedFormats"), source: "formats-mandatory-features-16bit" },
    FormatRequirement { format: vk::Format::R16G16B16A16_SNORM, optimal: &[], buffer: &[F::VERTEX_BUFFER], condition: None, source: "formats-mandatory-features-16bit" },
    FormatRequirement { format: vk::Format::R16G16B16A16_SNORM, optimal: &[F::STORAGE_IMAGE], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::shaderStorageImageExtendedFormats"), source: "formats-mandatory-features-16bit" },
    FormatRequirement { format: vk::Format::R16G16B16A16_UINT, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::STORAGE_IMAGE, F::COLOR_ATTACHMENT, F::BLIT_DST, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::VERTEX_BUFFER, F::UNIFORM_TEXEL_BUFFER, F::STORAGE_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-16bit" },
    FormatRequirement { format: vk::Format::R16G16B16A16_SINT, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::STORAGE_IMAGE, F::COLOR_ATTACHMENT, F::BLIT_DST, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::VERTEX_BUFFER, F::UNIFORM_TEXEL_BUFFER, F::STORAGE_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-16bit" },
    FormatRequirement { format: vk::Format::R16G16B16A16_SFLOAT, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::STORAGE_IMAGE, F::COLOR_ATTACHMENT, F::BLIT_DST, F::COLOR_ATTACHMENT_BLEND, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::VERTEX_BUFFER, F::UNIFORM_TEXEL_BUFFER, F::STORAGE_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-16bit" },
    FormatRequirement { format: vk::Format::R16G16B16A16_SFLOAT, optimal: &[F::STORAGE_IMAGE_ATOMIC], buffer: &[], condition: Some("VkPhysicalDeviceShaderAtomicFloat16VectorFeaturesNV::shaderFloat16VectorAtomics"), source: "formats-mandatory-features-16bit" },
    FormatRequirement { format: vk::Format::R32_UINT, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::STORAGE_IMAGE, F::STORAGE_IMAGE_ATOMIC, F::COLOR_ATTACHMENT, F::BLIT_DST, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::VERTEX_BUFFER, F::UNIFORM_TEXEL_BUFFER, F::STORAGE_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-32bit" },
    FormatRequirement { format: vk::Format::R32_SINT, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::STORAGE_IMAGE, F::STORAGE_IMAGE_ATOMIC, F::COLOR_ATTACHMENT, F::BLIT_DST, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::VERTEX_BUFFER, F::UNIFORM_TEXEL_BUFFER, F::STORAGE_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-32bit" },
    FormatRequirement { format: vk::Format::R32_SFLOAT, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::STORAGE_IMAGE, F::COLOR_ATTACHMENT, F::BLIT_DST, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::VERTEX_BUFFER, F::UNIFORM_TEXEL_BUFFER, F::STORAGE_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-32bit" },
    FormatRequirement { format: vk::Format::R32_SFLOAT, optimal: &[F::STORAGE_IMAGE_ATOMIC], buffer: &[], condition: Some("VkPhysicalDeviceShaderAtomicFloatFeaturesEXT::shaderImageFloat32Atomics,VkPhysicalDeviceShaderAtomicFloatFeaturesEXT::shaderImageFloat32AtomicAdd,VkPhysicalDeviceShaderAtomicFloat2FeaturesEXT::shaderImageFloat32AtomicMinMax"), source: "formats-mandatory-features-32bit" },
    FormatRequirement { format: vk::Format::R32G32_UINT, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::STORAGE_IMAGE, F::COLOR_ATTACHMENT, F::BLIT_DST, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::VERTEX_BUFFER, F::UNIFORM_TEXEL_BUFFER, F::STORAGE_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-32bit" },
    FormatRequirement { format: vk::Format::R32G32_SINT, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::STORAGE_IMAGE, F::COLOR_ATTACHMENT, F::BLIT_DST, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::VERTEX_BUFFER, F::UNIFORM_TEXEL_BUFFER, F::STORAGE_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-32bit" },
    FormatRequirement { format: vk::Format::R32G32_SFLOAT, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::STORAGE_IMAGE, F::COLOR_ATTACHMENT, F::BLIT_DST, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::VERTEX_BUFFER, F::UNIFORM_TEXEL_BUFFER, F::STORAGE_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-32bit" },
    FormatRequirement { format: vk::Format::R32G32B32_UINT, optimal: &[], buffer: &[F::VERTEX_BUFFER], condition: None, source: "formats-mandatory-features-32bit" },
    FormatRequirement { format: vk::Format::R32G32B32_SINT, optimal: &[], buffer: &[F::VERTEX_BUFFER], condition: None, source: "formats-mandatory-features-32bit" },
    FormatRequirement { format: vk::Format::R32G32B32_SFLOAT, optimal: &[], buffer: &[F::VERTEX_BUFFER], condition: None, source: "formats-mandatory-features-32bit" },
    FormatRequirement { format: vk::Format::R32G32B32A32_UINT, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::STORAGE_IMAGE, F::COLOR_ATTACHMENT, F::BLIT_DST, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::VERTEX_BUFFER, F::UNIFORM_TEXEL_BUFFER, F::STORAGE_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-32bit" },
    FormatRequirement { format: vk::Format::R32G32B32A32_SINT, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::STORAGE_IMAGE, F::COLOR_ATTACHMENT, F::BLIT_DST, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::VERTEX_BUFFER, F::UNIFORM_TEXEL_BUFFER, F::STORAGE_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-32bit" },
    FormatRequirement { format: vk::Format::R32G32B32A32_SFLOAT, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::STORAGE_IMAGE, F::COLOR_ATTACHMENT, F::BLIT_DST, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::VERTEX_BUFFER, F::UNIFORM_TEXEL_BUFFER, F::STORAGE_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-32bit" },
    FormatRequirement { format: vk::Format::R64_UINT, optimal: &[F::STORAGE_IMAGE, F::STORAGE_IMAGE_ATOMIC], buffer: &[], condition: Some("VkPhysicalDeviceShaderImageAtomicInt64FeaturesEXT::shaderImageInt64Atomics"), source: "formats-mandatory-features-64bit" },
    FormatRequirement { format: vk::Format::R64_SINT, optimal: &[F::STORAGE_IMAGE, F::STORAGE_IMAGE_ATOMIC], buffer: &[], condition: Some("VkPhysicalDeviceShaderImageAtomicInt64FeaturesEXT::shaderImageInt64Atomics"), source: "formats-mandatory-features-64bit" },
    FormatRequirement { format: vk::Format::B10G11R11_UFLOAT_PACK32, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[F::UNIFORM_TEXEL_BUFFER], condition: None, source: "formats-mandatory-features-64bit" },
    FormatRequirement { format: vk::Format::B10G11R11_UFLOAT_PACK32, optimal: &[F::STORAGE_IMAGE], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::shaderStorageImageExtendedFormats"), source: "formats-mandatory-features-64bit" },
    FormatRequirement { format: vk::Format::E5B9G9R9_UFLOAT_PACK32, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: None, source: "formats-mandatory-features-64bit" },
    FormatRequirement { format: vk::Format::D16_UNORM, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::DEPTH_STENCIL_ATTACHMENT, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: None, source: "formats-mandatory-features-depth-stencil" },
    FormatRequirement { format: vk::Format::D32_SFLOAT, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: None, source: "formats-mandatory-features-depth-stencil" },
    FormatRequirement { format: vk::Format::BC1_RGB_UNORM_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionBC"), source: "features-textureCompressionBC" },
    FormatRequirement { format: vk::Format::BC1_RGB_SRGB_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionBC"), source: "features-textureCompressionBC" },
    FormatRequirement { format: vk::Format::BC1_RGBA_UNORM_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionBC"), source: "features-textureCompressionBC" },
    FormatRequirement { format: vk::Format::BC1_RGBA_SRGB_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionBC"), source: "features-textureCompressionBC" },
    FormatRequirement { format: vk::Format::BC2_UNORM_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionBC"), source: "features-textureCompressionBC" },
    FormatRequirement { format: vk::Format::BC2_SRGB_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionBC"), source: "features-textureCompressionBC" },
    FormatRequirement { format: vk::Format::BC3_UNORM_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionBC"), source: "features-textureCompressionBC" },
    FormatRequirement { format: vk::Format::BC3_SRGB_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionBC"), source: "features-textureCompressionBC" },
    FormatRequirement { format: vk::Format::BC4_UNORM_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionBC"), source: "features-textureCompressionBC" },
    FormatRequirement { format: vk::Format::BC4_SNORM_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionBC"), source: "features-textureCompressionBC" },
    FormatRequirement { format: vk::Format::BC5_UNORM_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionBC"), source: "features-textureCompressionBC" },
    FormatRequirement { format: vk::Format::BC5_SNORM_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionBC"), source: "features-textureCompressionBC" },
    FormatRequirement { format: vk::Format::BC6H_UFLOAT_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionBC"), source: "features-textureCompressionBC" },
    FormatRequirement { format: vk::Format::BC6H_SFLOAT_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionBC"), source: "features-textureCompressionBC" },
    FormatRequirement { format: vk::Format::BC7_UNORM_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionBC"), source: "features-textureCompressionBC" },
    FormatRequirement { format: vk::Format::BC7_SRGB_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionBC"), source: "features-textureCompressionBC" },
    FormatRequirement { format: vk::Format::ETC2_R8G8B8_UNORM_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionETC2"), source: "features-textureCompressionETC2" },
    FormatRequirement { format: vk::Format::ETC2_R8G8B8_SRGB_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionETC2"), source: "features-textureCompressionETC2" },
    FormatRequirement { format: vk::Format::ETC2_R8G8B8A1_UNORM_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionETC2"), source: "features-textureCompressionETC2" },
    FormatRequirement { format: vk::Format::ETC2_R8G8B8A1_SRGB_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionETC2"), source: "features-textureCompressionETC2" },
    FormatRequirement { format: vk::Format::ETC2_R8G8B8A8_UNORM_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionETC2"), source: "features-textureCompressionETC2" },
    FormatRequirement { format: vk::Format::ETC2_R8G8B8A8_SRGB_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionETC2"), source: "features-textureCompressionETC2" },
    FormatRequirement { format: vk::Format::EAC_R11_UNORM_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionETC2"), source: "features-textureCompressionETC2" },
    FormatRequirement { format: vk::Format::EAC_R11_SNORM_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionETC2"), source: "features-textureCompressionETC2" },
    FormatRequirement { format: vk::Format::EAC_R11G11_UNORM_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionETC2"), source: "features-textureCompressionETC2" },
    FormatRequirement { format: vk::Format::EAC_R11G11_SNORM_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionETC2"), source: "features-textureCompressionETC2" },
    FormatRequirement { format: vk::Format::ASTC_4X4_UNORM_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionASTC_LDR"), source: "features-textureCompressionASTC_LDR" },
    FormatRequirement { format: vk::Format::ASTC_4X4_SRGB_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionASTC_LDR"), source: "features-textureCompressionASTC_LDR" },
    FormatRequirement { format: vk::Format::ASTC_5X4_UNORM_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionASTC_LDR"), source: "features-textureCompressionASTC_LDR" },
    FormatRequirement { format: vk::Format::ASTC_5X4_SRGB_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionASTC_LDR"), source: "features-textureCompressionASTC_LDR" },
    FormatRequirement { format: vk::Format::ASTC_5X5_UNORM_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionASTC_LDR"), source: "features-textureCompressionASTC_LDR" },
    FormatRequirement { format: vk::Format::ASTC_5X5_SRGB_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionASTC_LDR"), source: "features-textureCompressionASTC_LDR" },
    FormatRequirement { format: vk::Format::ASTC_6X5_UNORM_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionASTC_LDR"), source: "features-textureCompressionASTC_LDR" },
    FormatRequirement { format: vk::Format::ASTC_6X5_SRGB_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionASTC_LDR"), source: "features-textureCompressionASTC_LDR" },
    FormatRequirement { format: vk::Format::ASTC_6X6_UNORM_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionASTC_LDR"), source: "features-textureCompressionASTC_LDR" },
    FormatRequirement { format: vk::Format::ASTC_6X6_SRGB_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionASTC_LDR"), source: "features-textureCompressionASTC_LDR" },
    FormatRequirement { format: vk::Format::ASTC_8X5_UNORM_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionASTC_LDR"), source: "features-textureCompressionASTC_LDR" },
    FormatRequirement { format: vk::Format::ASTC_8X5_SRGB_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionASTC_LDR"), source: "features-textureCompressionASTC_LDR" },
    FormatRequirement { format: vk::Format::ASTC_8X6_UNORM_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionASTC_LDR"), source: "features-textureCompressionASTC_LDR" },
    FormatRequirement { format: vk::Format::ASTC_8X6_SRGB_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionASTC_LDR"), source: "features-textureCompressionASTC_LDR" },
    FormatRequirement { format: vk::Format::ASTC_8X8_UNORM_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionASTC_LDR"), source: "features-textureCompressionASTC_LDR" },
    FormatRequirement { format: vk::Format::ASTC_8X8_SRGB_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionASTC_LDR"), source: "features-textureCompressionASTC_LDR" },
    FormatRequirement { format: vk::Format::ASTC_10X5_UNORM_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionASTC_LDR"), source: "features-textureCompressionASTC_LDR" },
    FormatRequirement { format: vk::Format::ASTC_10X5_SRGB_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionASTC_LDR"), source: "features-textureCompressionASTC_LDR" },
    FormatRequirement { format: vk::Format::ASTC_10X6_UNORM_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionASTC_LDR"), source: "features-textureCompressionASTC_LDR" },
    FormatRequirement { format: vk::Format::ASTC_10X6_SRGB_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionASTC_LDR"), source: "features-textureCompressionASTC_LDR" },
    FormatRequirement { format: vk::Format::ASTC_10X8_UNORM_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionASTC_LDR"), source: "features-textureCompressionASTC_LDR" },
    FormatRequirement { format: vk::Format::ASTC_10X8_SRGB_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionASTC_LDR"), source: "features-textureCompressionASTC_LDR" },
    FormatRequirement { format: vk::Format::ASTC_10X10_UNORM_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionASTC_LDR"), source: "features-textureCompressionASTC_LDR" },
    FormatRequirement { format: vk::Format::ASTC_10X10_SRGB_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionASTC_LDR"), source: "features-textureCompressionASTC_LDR" },
    FormatRequirement { format: vk::Format::ASTC_12X10_UNORM_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionASTC_LDR"), source: "features-textureCompressionASTC_LDR" },
    FormatRequirement { format: vk::Format::ASTC_12X10_SRGB_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionASTC_LDR"), source: "features-textureCompressionASTC_LDR" },
    FormatRequirement { format: vk::Format::ASTC_12X12_UNORM_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionASTC_LDR"), source: "features-textureCompressionASTC_LDR" },
    FormatRequirement { format: vk::Format::ASTC_12X12_SRGB_BLOCK, optimal: &[F::SAMPLED_IMAGE, F::BLIT_SRC, F::SAMPLED_IMAGE_FILTER_LINEAR, F::TRANSFER_SRC, F::TRANSFER_DST], buffer: &[], condition: Some("VkPhysicalDeviceFeatures::textureCompressionASTC_LDR"), source: "features-textureCompressionASTC_LDR" },
];
/// `[[formats-mandatory-features-bcn]]` (= the `textureCompressionBC` list).
#[rustfmt::skip]
pub const BCN_FORMATS: &[vk::Format] = &[vk::Format::BC1_RGB_UNORM_BLOCK, vk::Format::BC1_RGB_SRGB_BLOCK, vk::Format::BC1_RGBA_UNORM_BLOCK, vk::Format::BC1_RGBA_SRGB_BLOCK, vk::Format::BC2_UNORM_BLOCK, vk::Format::BC2_SRGB_BLOCK, vk::Format::BC3_UNORM_BLOCK, vk::Format::BC3_SRGB_BLOCK, vk::Format::BC4_UNORM_BLOCK, vk::Format::BC4_SNORM_BLOCK, vk::Format::BC5_UNORM_BLOCK, vk::Format::BC5_SNORM_BLOCK, vk::Format::BC6H_UFLOAT_BLOCK, vk::Format::BC6H_SFLOAT_BLOCK, vk::Format::BC7_UNORM_BLOCK, vk::Format::BC7_SRGB_BLOCK];
/// `[[formats-mandatory-features-etc]]` (= the `textureCompressionETC2` list).
#[rustfmt::skip]
pub const ETC_FORMATS: &[vk::Format] = &[vk::Format::ETC2_R8G8B8_UNORM_BLOCK, vk::Format::ETC2_R8G8B8_SRGB_BLOCK, vk::Format::ETC2_R8G8B8A1_UNORM_BLOCK, vk::Format::ETC2_R8G8B8A1_SRGB_BLOCK, vk::Format::ETC2_R8G8B8A8_UNORM_BLOCK, vk::Format::ETC2_R8G8B8A8_SRGB_BLOCK, vk::Format::EAC_R11_UNORM_BLOCK, vk::Format::EAC_R11_SNORM_BLOCK, vk::Format::EAC_R11G11_UNORM_BLOCK, vk::Format::EAC_R11G11_SNORM_BLOCK];
/// `[[formats-mandatory-features-astc]]` (= the `textureCompressionASTC_LDR` list).
#[rustfmt::skip]
pub const ASTC_FORMATS: &[vk::Format] = &[vk::Format::ASTC_4X4_UNORM_BLOCK, vk::Format::ASTC_4X4_SRGB_BLOCK, vk::Format::ASTC_5X4_UNORM_BLOCK, vk::Format::ASTC_5X4_SRGB_BLOCK, vk::Format::ASTC_5X5_UNORM_BLOCK, vk::Format::ASTC_5X5_SRGB_BLOCK, vk::Format::ASTC_6X5_UNORM_BLOCK, vk::Format::ASTC_6X5_SRGB_BLOCK, vk::Format::ASTC_6X6_UNORM_BLOCK, vk::Format::ASTC_6X6_SRGB_BLOCK, vk::Format::ASTC_8X5_UNORM_BLOCK, vk::Format::ASTC_8X5_SRGB_BLOCK, vk::Format::ASTC_8X6_UNORM_BLOCK, vk::Format::ASTC_8X6_SRGB_BLOCK, vk::Format::ASTC_8X8_UNORM_BLOCK, vk::Format::ASTC_8X8_SRGB_BLOCK, vk::Format::ASTC_10X5_UNORM_BLOCK, vk::Format::ASTC_10X5_SRGB_BLOCK, vk::Format::ASTC_10X6_UNORM_BLOCK, vk::Format::ASTC_10X6_SRGB_BLOCK, vk::Format::ASTC_10X8_UNORM_BLOCK, vk::Format::ASTC_10X8_SRGB_BLOCK, vk::Format::ASTC_10X10_UNORM_BLOCK, vk::Format::ASTC_10X10_SRGB_BLOCK, vk::Format::ASTC_12X10_UNORM_BLOCK, vk::Format::ASTC_12X10_SRGB_BLOCK, vk::Format::ASTC_12X12_UNORM_BLOCK, vk::Format::ASTC_12X12_SRGB_BLOCK];

/// The name of one format feature flag, as the requirement names spell it.
pub fn format_feature_name(flag: vk::FormatFeatureFlags) -> &'static str {
    const NAMES: &[(vk::FormatFeatureFlags, &str)] = &[
        (F::SAMPLED_IMAGE, "SAMPLED_IMAGE"),
        (F::STORAGE_IMAGE, "STORAGE_IMAGE"),
        (F::STORAGE_IMAGE_ATOMIC, "STORAGE_IMAGE_ATOMIC"),
        (F::UNIFORM_TEXEL_BUFFER, "UNIFORM_TEXEL_BUFFER"),
        (F::STORAGE_TEXEL_BUFFER, "STORAGE_TEXEL_BUFFER"),
        (F::STORAGE_TEXEL_BUFFER_ATOMIC, "STORAGE_TEXEL_BUFFER_ATOMIC"),
        (F::VERTEX_BUFFER, "VERTEX_BUFFER"),
        (F::COLOR_ATTACHMENT, "COLOR_ATTACHMENT"),
        (F::COLOR_ATTACHMENT_BLEND, "COLOR_ATTACHMENT_BLEND"),
        (F::DEPTH_STENCIL_ATTACHMENT, "DEPTH_STENCIL_ATTACHMENT"),
        (F::BLIT_SRC, "BLIT_SRC"),
        (F::BLIT_DST, "BLIT_DST"),
        (F::SAMPLED_IMAGE_FILTER_LINEAR, "SAMPLED_IMAGE_FILTER_LINEAR"),
        (F::TRANSFER_SRC, "TRANSFER_SRC"),
        (F::TRANSFER_DST, "TRANSFER_DST"),
        (F::COSITED_CHROMA_SAMPLES, "COSITED_CHROMA_SAMPLES"),
    ];
    NAMES.iter().find(|(f, _)| *f == flag).map(|(_, n)| *n).unwrap_or("?")
}
