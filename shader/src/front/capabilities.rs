//! The SPIR-V capabilities and extensions softvk's compiler accepts.
//!
//! A module declaring anything else is refused at pipeline creation with an error that
//! names it. What the device *advertises* (features such as `shaderInt64`) is decided in
//! the ICD; this list is what the compiler can translate.

use spirv::Capability as C;

pub fn supported(capability: C) -> bool {
    matches!(
        capability,
        C::Shader
            | C::Matrix
            | C::Int8
            | C::Int16
            | C::Int64
            | C::Float16
            | C::Float64
            | C::Int64Atomics
            | C::AtomicFloat32AddEXT
            | C::AtomicFloat64AddEXT
            | C::AtomicFloat32MinMaxEXT
            | C::AtomicFloat64MinMaxEXT
            | C::StorageBuffer16BitAccess
            | C::UniformAndStorageBuffer16BitAccess
            | C::StoragePushConstant16
            | C::StorageBuffer8BitAccess
            | C::UniformAndStorageBuffer8BitAccess
            | C::StoragePushConstant8
            | C::VariablePointers
            | C::VariablePointersStorageBuffer
            | C::GroupNonUniform
            | C::GroupNonUniformVote
            | C::GroupNonUniformArithmetic
            | C::GroupNonUniformBallot
            | C::GroupNonUniformShuffle
            | C::GroupNonUniformShuffleRelative
            | C::GroupNonUniformClustered
            | C::GroupNonUniformQuad
            | C::ImageQuery
            | C::StorageImageExtendedFormats
            | C::StorageImageReadWithoutFormat
            | C::StorageImageWriteWithoutFormat
            | C::SampledBuffer
            | C::ImageBuffer
            | C::Sampled1D
            | C::Image1D
            | C::SampledCubeArray
            | C::ImageCubeArray
            | C::ShaderNonUniform
            | C::RuntimeDescriptorArray
            | C::UniformBufferArrayDynamicIndexing
            | C::SampledImageArrayDynamicIndexing
            | C::StorageBufferArrayDynamicIndexing
            | C::StorageImageArrayDynamicIndexing
            | C::UniformBufferArrayNonUniformIndexing
            | C::SampledImageArrayNonUniformIndexing
            | C::StorageBufferArrayNonUniformIndexing
            | C::StorageImageArrayNonUniformIndexing
            | C::UniformTexelBufferArrayDynamicIndexing
            | C::StorageTexelBufferArrayDynamicIndexing
            | C::UniformTexelBufferArrayNonUniformIndexing
            | C::StorageTexelBufferArrayNonUniformIndexing
            | C::PhysicalStorageBufferAddresses
            | C::VulkanMemoryModel
            | C::VulkanMemoryModelDeviceScope
            | C::DenormPreserve
            | C::DenormFlushToZero
            | C::SignedZeroInfNanPreserve
            | C::RoundingModeRTE
            | C::RoundingModeRTZ
            | C::DeviceGroup
            | C::DotProduct
            | C::DotProductInputAll
            | C::DotProductInput4x8Bit
            | C::DotProductInput4x8BitPacked
            // Vertex and fragment shaders.
            | C::ClipDistance
            | C::CullDistance
            | C::SampleRateShading
            | C::DrawParameters
            | C::DerivativeControl
            | C::DemoteToHelperInvocation
    )
}

pub fn extension_supported(name: &str) -> bool {
    matches!(
        name,
        "SPV_KHR_storage_buffer_storage_class"
            | "SPV_KHR_variable_pointers"
            | "SPV_KHR_16bit_storage"
            | "SPV_KHR_8bit_storage"
            | "SPV_KHR_shader_draw_parameters"
            | "SPV_KHR_non_semantic_info"
            | "SPV_KHR_physical_storage_buffer"
            | "SPV_EXT_physical_storage_buffer"
            | "SPV_KHR_vulkan_memory_model"
            | "SPV_EXT_descriptor_indexing"
            | "SPV_KHR_float_controls"
            | "SPV_KHR_shader_ballot"
            | "SPV_KHR_subgroup_vote"
            | "SPV_GOOGLE_decorate_string"
            | "SPV_GOOGLE_hlsl_functionality1"
            | "SPV_GOOGLE_user_type"
            | "SPV_KHR_terminate_invocation"
            | "SPV_KHR_no_integer_wrap_decoration"
            | "SPV_KHR_device_group"
            | "SPV_EXT_shader_atomic_float_add"
            | "SPV_EXT_shader_atomic_float_min_max"
            | "SPV_KHR_integer_dot_product"
            | "SPV_EXT_demote_to_helper_invocation"
    )
}
