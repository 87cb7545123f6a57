//! Optional device features the shader tests enable: the core ones (`shaderInt64`...) and
//! those of the feature structures a `VkDeviceCreateInfo` chains (16- and 8-bit storage,
//! `shaderFloat16`/`shaderInt8`, variable pointers, 64-bit atomics).
//!
//! ```ignore
//! let wanted = ShaderFeatures { float16: true, ..Default::default() };
//! let ctx = match Context::with_features(&[], &wanted) {
//!     Ok(ctx) => ctx,
//!     Err(why) => return skip("float16_arithmetic", &why), // fails on softvk
//! };
//! ```
//! [`Context::with_features`](crate::Context::with_features) queries what the device
//! supports (`vkGetPhysicalDeviceFeatures2`, chaining only the structures of extensions
//! the device advertises), refuses with the names of the missing features, and otherwise
//! creates the device with exactly the wanted ones enabled, adding the extensions they
//! need at API version 1.1.

use ash::vk;
use std::ffi::CStr;

macro_rules! shader_features {
    ($($field:ident: $name:literal,)*) => {
        /// Features to enable; each field is named after its Vulkan feature.
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
        pub struct ShaderFeatures {
            $(#[doc = $name] pub $field: bool,)*
        }

        impl ShaderFeatures {
            fn named(&self) -> Vec<(&'static str, bool)> {
                vec![$(($name, self.$field),)*]
            }
        }
    };
}

shader_features! {
    int64: "shaderInt64",
    int16: "shaderInt16",
    float64: "shaderFloat64",
    uniform_buffer_array_dynamic_indexing: "shaderUniformBufferArrayDynamicIndexing",
    storage_buffer_array_dynamic_indexing: "shaderStorageBufferArrayDynamicIndexing",
    float16: "shaderFloat16",
    int8: "shaderInt8",
    storage_buffer_16bit_access: "storageBuffer16BitAccess",
    uniform_and_storage_buffer_16bit_access: "uniformAndStorageBuffer16BitAccess",
    storage_push_constant16: "storagePushConstant16",
    storage_buffer_8bit_access: "storageBuffer8BitAccess",
    uniform_and_storage_buffer_8bit_access: "uniformAndStorageBuffer8BitAccess",
    storage_push_constant8: "storagePushConstant8",
    variable_pointers_storage_buffer: "variablePointersStorageBuffer",
    variable_pointers: "variablePointers",
    shader_buffer_int64_atomics: "shaderBufferInt64Atomics",
    shader_shared_int64_atomics: "shaderSharedInt64Atomics",
    pipeline_creation_cache_control: "pipelineCreationCacheControl",
    image_cube_array: "imageCubeArray",
    storage_image_read_without_format: "shaderStorageImageReadWithoutFormat",
    storage_image_write_without_format: "shaderStorageImageWriteWithoutFormat",
    scalar_block_layout: "scalarBlockLayout",
    private_data: "privateData",
    synchronization2: "synchronization2",
    maintenance4: "maintenance4",
    buffer_float32_atomics: "shaderBufferFloat32Atomics",
    buffer_float32_atomic_add: "shaderBufferFloat32AtomicAdd",
    buffer_float64_atomic_add: "shaderBufferFloat64AtomicAdd",
    shared_float32_atomic_add: "shaderSharedFloat32AtomicAdd",
    shared_float64_atomic_add: "shaderSharedFloat64AtomicAdd",
    image_float32_atomic_add: "shaderImageFloat32AtomicAdd",
    buffer_float32_atomic_min_max: "shaderBufferFloat32AtomicMinMax",
    buffer_float64_atomic_min_max: "shaderBufferFloat64AtomicMinMax",
    shared_float32_atomic_min_max: "shaderSharedFloat32AtomicMinMax",
    shared_float64_atomic_min_max: "shaderSharedFloat64AtomicMinMax",
    image_float32_atomic_min_max: "shaderImageFloat32AtomicMinMax",
    uniform_buffer_standard_layout: "uniformBufferStandardLayout",
    buffer_device_address: "bufferDeviceAddress",
    shader_integer_dot_product: "shaderIntegerDotProduct",
    present_id: "presentId",
    present_wait: "presentWait",
    swapchain_maintenance1: "swapchainMaintenance1",
}

fn bool32(b: bool) -> vk::Bool32 {
    b as vk::Bool32
}

fn is(b: vk::Bool32) -> bool {
    b != vk::FALSE
}

impl ShaderFeatures {
    fn float16_int8(&self) -> bool {
        self.float16 || self.int8
    }

    fn storage16(&self) -> bool {
        self.storage_buffer_16bit_access || self.uniform_and_storage_buffer_16bit_access || self.storage_push_constant16
    }

    fn storage8(&self) -> bool {
        self.storage_buffer_8bit_access || self.uniform_and_storage_buffer_8bit_access || self.storage_push_constant8
    }

    fn variable(&self) -> bool {
        self.variable_pointers_storage_buffer || self.variable_pointers
    }

    fn atomic_float(&self) -> bool {
        self.buffer_float32_atomics
            || self.buffer_float32_atomic_add
            || self.buffer_float64_atomic_add
            || self.shared_float32_atomic_add
            || self.shared_float64_atomic_add
            || self.image_float32_atomic_add
    }

    fn atomic_float2(&self) -> bool {
        self.buffer_float32_atomic_min_max
            || self.buffer_float64_atomic_min_max
            || self.shared_float32_atomic_min_max
            || self.shared_float64_atomic_min_max
            || self.image_float32_atomic_min_max
    }

    fn atomic_int64(&self) -> bool {
        self.shader_buffer_int64_atomics || self.shader_shared_int64_atomics
    }

    /// The device extensions these features need at API version 1.1 (16-bit storage and
    /// variable pointers are core there).
    pub fn extensions(&self) -> Vec<&'static CStr> {
        let mut names = Vec::new();
        if self.float16_int8() {
            names.push(ash::khr::shader_float16_int8::NAME);
        }
        if self.storage8() {
            names.push(ash::khr::_8bit_storage::NAME);
        }
        if self.atomic_int64() {
            names.push(ash::khr::shader_atomic_int64::NAME);
        }
        if self.pipeline_creation_cache_control {
            names.push(ash::ext::pipeline_creation_cache_control::NAME);
        }
        if self.scalar_block_layout {
            names.push(ash::ext::scalar_block_layout::NAME);
        }
        if self.private_data {
            names.push(ash::ext::private_data::NAME);
        }
        if self.present_id {
            names.push(ash::khr::present_id::NAME);
        }
        if self.present_wait {
            names.push(ash::khr::present_wait::NAME);
        }
        if self.swapchain_maintenance1 {
            names.push(ash::ext::swapchain_maintenance1::NAME);
        }
        if self.synchronization2 {
            names.push(ash::khr::synchronization2::NAME);
        }
        if self.maintenance4 {
            names.push(ash::khr::maintenance4::NAME);
        }
        if self.atomic_float() || self.atomic_float2() {
            names.push(ash::ext::shader_atomic_float::NAME);
        }
        if self.atomic_float2() {
            names.push(ash::ext::shader_atomic_float2::NAME);
        }
        if self.uniform_buffer_standard_layout {
            names.push(ash::khr::uniform_buffer_standard_layout::NAME);
        }
        if self.buffer_device_address {
            names.push(ash::khr::buffer_device_address::NAME);
        }
        if self.shader_integer_dot_product {
            names.push(ash::khr::shader_integer_dot_product::NAME);
        }
        names
    }

    /// The Vulkan names of the features wanted here that `supported` lacks.
    pub fn missing_from(&self, supported: &ShaderFeatures) -> Vec<&'static str> {
        self.named().into_iter().zip(supported.named()).filter(|((_, want), (_, have))| *want && !*have).map(|((name, _), _)| name).collect()
    }

    /// What the device supports. Structures of extensions the device does not advertise
    /// are not queried (their features count as unsupported).
    pub(crate) fn supported(
        instance: &ash::Instance,
        physical_device: vk::PhysicalDevice,
        advertised: &dyn Fn(&CStr) -> bool,
    ) -> ShaderFeatures {
        let mut storage16 = vk::PhysicalDevice16BitStorageFeatures::default();
        let mut variable = vk::PhysicalDeviceVariablePointersFeatures::default();
        let mut float16_int8 = vk::PhysicalDeviceShaderFloat16Int8Features::default();
        let mut storage8 = vk::PhysicalDevice8BitStorageFeatures::default();
        let mut atomic_int64 = vk::PhysicalDeviceShaderAtomicInt64Features::default();
        let mut cache_control = vk::PhysicalDevicePipelineCreationCacheControlFeatures::default();
        let mut scalar_layout = vk::PhysicalDeviceScalarBlockLayoutFeatures::default();
        let mut standard_layout = vk::PhysicalDeviceUniformBufferStandardLayoutFeatures::default();
        let has_float16_int8 = advertised(ash::khr::shader_float16_int8::NAME);
        let has_storage8 = advertised(ash::khr::_8bit_storage::NAME);
        let has_atomic_int64 = advertised(ash::khr::shader_atomic_int64::NAME);
        let has_cache_control = advertised(ash::ext::pipeline_creation_cache_control::NAME);
        let has_scalar_layout = advertised(ash::ext::scalar_block_layout::NAME);
        let mut private_data = vk::PhysicalDevicePrivateDataFeatures::default();
        let has_private_data = advertised(ash::ext::private_data::NAME);
        let mut sync2 = vk::PhysicalDeviceSynchronization2Features::default();
        let has_sync2 = advertised(ash::khr::synchronization2::NAME);
        let mut maintenance4 = vk::PhysicalDeviceMaintenance4Features::default();
        let has_maintenance4 = advertised(ash::khr::maintenance4::NAME);
        let mut atomic_float = vk::PhysicalDeviceShaderAtomicFloatFeaturesEXT::default();
        let has_atomic_float = advertised(ash::ext::shader_atomic_float::NAME);
        let mut atomic_float2 = vk::PhysicalDeviceShaderAtomicFloat2FeaturesEXT::default();
        let has_atomic_float2 = advertised(ash::ext::shader_atomic_float2::NAME);
        let has_standard_layout = advertised(ash::khr::uniform_buffer_standard_layout::NAME);
        let mut device_address = vk::PhysicalDeviceBufferDeviceAddressFeatures::default();
        let has_device_address = advertised(ash::khr::buffer_device_address::NAME);
        let mut integer_dot = vk::PhysicalDeviceShaderIntegerDotProductFeatures::default();
        let has_integer_dot = advertised(ash::khr::shader_integer_dot_product::NAME);
        let mut present_id = vk::PhysicalDevicePresentIdFeaturesKHR::default();
        let has_present_id = advertised(ash::khr::present_id::NAME);
        let mut present_wait = vk::PhysicalDevicePresentWaitFeaturesKHR::default();
        let has_present_wait = advertised(ash::khr::present_wait::NAME);
        let mut swapchain_maintenance1 = vk::PhysicalDeviceSwapchainMaintenance1FeaturesEXT::default();
        let has_swapchain_maintenance1 = advertised(ash::ext::swapchain_maintenance1::NAME);
        let core = {
            let mut features2 = vk::PhysicalDeviceFeatures2::default().push_next(&mut storage16).push_next(&mut variable);
            if has_float16_int8 {
                features2 = features2.push_next(&mut float16_int8);
            }
            if has_storage8 {
                features2 = features2.push_next(&mut storage8);
            }
            if has_atomic_int64 {
                features2 = features2.push_next(&mut atomic_int64);
            }
            if has_cache_control {
                features2 = features2.push_next(&mut cache_control);
            }
            if has_scalar_layout {
                features2 = features2.push_next(&mut scalar_layout);
            }
            if has_private_data {
                features2 = features2.push_next(&mut private_data);
            }
            if has_present_id {
                features2 = features2.push_next(&mut present_id);
            }
            if has_present_wait {
                features2 = features2.push_next(&mut present_wait);
            }
            if has_swapchain_maintenance1 {
                features2 = features2.push_next(&mut swapchain_maintenance1);
            }
            if has_sync2 {
                features2 = features2.push_next(&mut sync2);
            }
            if has_maintenance4 {
                features2 = features2.push_next(&mut maintenance4);
            }
            if has_atomic_float {
                features2 = features2.push_next(&mut atomic_float);
            }
            if has_atomic_float2 {
                features2 = features2.push_next(&mut atomic_float2);
            }
            if has_standard_layout {
                features2 = features2.push_next(&mut standard_layout);
            }
            if has_device_address {
                features2 = features2.push_next(&mut device_address);
            }
            if has_integer_dot {
                features2 = features2.push_next(&mut integer_dot);
            }
            // SAFETY: physical_device belongs to instance; every chained structure is one
            // the device's API version or advertised extensions define.
            unsafe { instance.get_physical_device_features2(physical_device, &mut features2) };
            features2.features
        };
        ShaderFeatures {
            int64: is(core.shader_int64),
            int16: is(core.shader_int16),
            float64: is(core.shader_float64),
            uniform_buffer_array_dynamic_indexing: is(core.shader_uniform_buffer_array_dynamic_indexing),
            storage_buffer_array_dynamic_indexing: is(core.shader_storage_buffer_array_dynamic_indexing),
            float16: has_float16_int8 && is(float16_int8.shader_float16),
            int8: has_float16_int8 && is(float16_int8.shader_int8),
            storage_buffer_16bit_access: is(storage16.storage_buffer16_bit_access),
            uniform_and_storage_buffer_16bit_access: is(storage16.uniform_and_storage_buffer16_bit_access),
            storage_push_constant16: is(storage16.storage_push_constant16),
            storage_buffer_8bit_access: has_storage8 && is(storage8.storage_buffer8_bit_access),
            uniform_and_storage_buffer_8bit_access: has_storage8 && is(storage8.uniform_and_storage_buffer8_bit_access),
            storage_push_constant8: has_storage8 && is(storage8.storage_push_constant8),
            variable_pointers_storage_buffer: is(variable.variable_pointers_storage_buffer),
            variable_pointers: is(variable.variable_pointers),
            shader_buffer_int64_atomics: has_atomic_int64 && is(atomic_int64.shader_buffer_int64_atomics),
            shader_shared_int64_atomics: has_atomic_int64 && is(atomic_int64.shader_shared_int64_atomics),
            pipeline_creation_cache_control: has_cache_control && is(cache_control.pipeline_creation_cache_control),
            image_cube_array: is(core.image_cube_array),
            storage_image_read_without_format: is(core.shader_storage_image_read_without_format),
            storage_image_write_without_format: is(core.shader_storage_image_write_without_format),
            scalar_block_layout: has_scalar_layout && is(scalar_layout.scalar_block_layout),
            private_data: has_private_data && is(private_data.private_data),
            present_id: has_present_id && is(present_id.present_id),
            present_wait: has_present_wait && is(present_wait.present_wait),
            swapchain_maintenance1: has_swapchain_maintenance1 && is(swapchain_maintenance1.swapchain_maintenance1),
            synchronization2: has_sync2 && is(sync2.synchronization2),
            maintenance4: has_maintenance4 && is(maintenance4.maintenance4),
            buffer_float32_atomics: has_atomic_float && is(atomic_float.shader_buffer_float32_atomics),
            buffer_float32_atomic_add: has_atomic_float && is(atomic_float.shader_buffer_float32_atomic_add),
            buffer_float64_atomic_add: has_atomic_float && is(atomic_float.shader_buffer_float64_atomic_add),
            shared_float32_atomic_add: has_atomic_float && is(atomic_float.shader_shared_float32_atomic_add),
            shared_float64_atomic_add: has_atomic_float && is(atomic_float.shader_shared_float64_atomic_add),
            image_float32_atomic_add: has_atomic_float && is(atomic_float.shader_image_float32_atomic_add),
            buffer_float32_atomic_min_max: has_atomic_float2 && is(atomic_float2.shader_buffer_float32_atomic_min_max),
            buffer_float64_atomic_min_max: has_atomic_float2 && is(atomic_float2.shader_buffer_float64_atomic_min_max),
            shared_float32_atomic_min_max: has_atomic_float2 && is(atomic_float2.shader_shared_float32_atomic_min_max),
            shared_float64_atomic_min_max: has_atomic_float2 && is(atomic_float2.shader_shared_float64_atomic_min_max),
            image_float32_atomic_min_max: has_atomic_float2 && is(atomic_float2.shader_image_float32_atomic_min_max),
            uniform_buffer_standard_layout: has_standard_layout && is(standard_layout.uniform_buffer_standard_layout),
            buffer_device_address: has_device_address && is(device_address.buffer_device_address),
            shader_integer_dot_product: has_integer_dot && is(integer_dot.shader_integer_dot_product),
        }
    }

    /// The structures that enable exactly these features at device creation.
    pub(crate) fn chain(&self) -> FeatureChain {
        FeatureChain {
            core: vk::PhysicalDeviceFeatures {
                shader_int64: bool32(self.int64),
                shader_int16: bool32(self.int16),
                shader_float64: bool32(self.float64),
                shader_uniform_buffer_array_dynamic_indexing: bool32(self.uniform_buffer_array_dynamic_indexing),
                shader_storage_buffer_array_dynamic_indexing: bool32(self.storage_buffer_array_dynamic_indexing),
                image_cube_array: bool32(self.image_cube_array),
                shader_storage_image_read_without_format: bool32(self.storage_image_read_without_format),
                shader_storage_image_write_without_format: bool32(self.storage_image_write_without_format),
                ..Default::default()
            },
            storage16: vk::PhysicalDevice16BitStorageFeatures {
                storage_buffer16_bit_access: bool32(self.storage_buffer_16bit_access),
                uniform_and_storage_buffer16_bit_access: bool32(self.uniform_and_storage_buffer_16bit_access),
                storage_push_constant16: bool32(self.storage_push_constant16),
                ..Default::default()
            },
            float16_int8: vk::PhysicalDeviceShaderFloat16Int8Features {
                shader_float16: bool32(self.float16),
                shader_int8: bool32(self.int8),
                ..Default::default()
            },
            storage8: vk::PhysicalDevice8BitStorageFeatures {
                storage_buffer8_bit_access: bool32(self.storage_buffer_8bit_access),
                uniform_and_storage_buffer8_bit_access: bool32(self.uniform_and_storage_buffer_8bit_access),
                storage_push_constant8: bool32(self.storage_push_constant8),
                ..Default::default()
            },
            variable: vk::PhysicalDeviceVariablePointersFeatures {
                variable_pointers_storage_buffer: bool32(self.variable_pointers_storage_buffer),
                variable_pointers: bool32(self.variable_pointers),
                ..Default::default()
            },
            atomic_int64: vk::PhysicalDeviceShaderAtomicInt64Features {
                shader_buffer_int64_atomics: bool32(self.shader_buffer_int64_atomics),
                shader_shared_int64_atomics: bool32(self.shader_shared_int64_atomics),
                ..Default::default()
            },
            cache_control: vk::PhysicalDevicePipelineCreationCacheControlFeatures {
                pipeline_creation_cache_control: bool32(self.pipeline_creation_cache_control),
                ..Default::default()
            },
            scalar_layout: vk::PhysicalDeviceScalarBlockLayoutFeatures {
                scalar_block_layout: bool32(self.scalar_block_layout),
                ..Default::default()
            },
            private_data: vk::PhysicalDevicePrivateDataFeatures { private_data: bool32(self.private_data), ..Default::default() },
            present_id: vk::PhysicalDevicePresentIdFeaturesKHR { present_id: bool32(self.present_id), ..Default::default() },
            present_wait: vk::PhysicalDevicePresentWaitFeaturesKHR { present_wait: bool32(self.present_wait), ..Default::default() },
            swapchain_maintenance1: vk::PhysicalDeviceSwapchainMaintenance1FeaturesEXT {
                swapchain_maintenance1: bool32(self.swapchain_maintenance1),
                ..Default::default()
            },
            sync2: vk::PhysicalDeviceSynchronization2Features { synchronization2: bool32(self.synchronization2), ..Default::default() },
            maintenance4: vk::PhysicalDeviceMaintenance4Features { maintenance4: bool32(self.maintenance4), ..Default::default() },
            atomic_float: vk::PhysicalDeviceShaderAtomicFloatFeaturesEXT {
                shader_buffer_float32_atomics: bool32(self.buffer_float32_atomics),
                shader_buffer_float32_atomic_add: bool32(self.buffer_float32_atomic_add),
                shader_buffer_float64_atomic_add: bool32(self.buffer_float64_atomic_add),
                shader_shared_float32_atomic_add: bool32(self.shared_float32_atomic_add),
                shader_shared_float64_atomic_add: bool32(self.shared_float64_atomic_add),
                shader_image_float32_atomic_add: bool32(self.image_float32_atomic_add),
                ..Default::default()
            },
            atomic_float2: vk::PhysicalDeviceShaderAtomicFloat2FeaturesEXT {
                shader_buffer_float32_atomic_min_max: bool32(self.buffer_float32_atomic_min_max),
                shader_buffer_float64_atomic_min_max: bool32(self.buffer_float64_atomic_min_max),
                shader_shared_float32_atomic_min_max: bool32(self.shared_float32_atomic_min_max),
                shader_shared_float64_atomic_min_max: bool32(self.shared_float64_atomic_min_max),
                shader_image_float32_atomic_min_max: bool32(self.image_float32_atomic_min_max),
                ..Default::default()
            },
            standard_layout: vk::PhysicalDeviceUniformBufferStandardLayoutFeatures {
                uniform_buffer_standard_layout: bool32(self.uniform_buffer_standard_layout),
                ..Default::default()
            },
            device_address: vk::PhysicalDeviceBufferDeviceAddressFeatures {
                buffer_device_address: bool32(self.buffer_device_address),
                ..Default::default()
            },
            integer_dot: vk::PhysicalDeviceShaderIntegerDotProductFeatures {
                shader_integer_dot_product: bool32(self.shader_integer_dot_product),
                ..Default::default()
            },
        }
    }
}

/// The feature structures of one `vkCreateDevice`, kept alive while its create info
/// points at them.
#[derive(Default)]
pub struct FeatureChain {
    core: vk::PhysicalDeviceFeatures,
    storage16: vk::PhysicalDevice16BitStorageFeatures<'static>,
    float16_int8: vk::PhysicalDeviceShaderFloat16Int8Features<'static>,
    storage8: vk::PhysicalDevice8BitStorageFeatures<'static>,
    variable: vk::PhysicalDeviceVariablePointersFeatures<'static>,
    atomic_int64: vk::PhysicalDeviceShaderAtomicInt64Features<'static>,
    cache_control: vk::PhysicalDevicePipelineCreationCacheControlFeatures<'static>,
    scalar_layout: vk::PhysicalDeviceScalarBlockLayoutFeatures<'static>,
    private_data: vk::PhysicalDevicePrivateDataFeatures<'static>,
    present_id: vk::PhysicalDevicePresentIdFeaturesKHR<'static>,
    present_wait: vk::PhysicalDevicePresentWaitFeaturesKHR<'static>,
    swapchain_maintenance1: vk::PhysicalDeviceSwapchainMaintenance1FeaturesEXT<'static>,
    sync2: vk::PhysicalDeviceSynchronization2Features<'static>,
    maintenance4: vk::PhysicalDeviceMaintenance4Features<'static>,
    atomic_float: vk::PhysicalDeviceShaderAtomicFloatFeaturesEXT<'static>,
    atomic_float2: vk::PhysicalDeviceShaderAtomicFloat2FeaturesEXT<'static>,
    standard_layout: vk::PhysicalDeviceUniformBufferStandardLayoutFeatures<'static>,
    device_address: vk::PhysicalDeviceBufferDeviceAddressFeatures<'static>,
    integer_dot: vk::PhysicalDeviceShaderIntegerDotProductFeatures<'static>,
}

impl FeatureChain {
    /// `info` with the core features and every structure `wanted` uses chained.
    pub(crate) fn attach<'a>(&'a mut self, info: vk::DeviceCreateInfo<'a>, wanted: &ShaderFeatures) -> vk::DeviceCreateInfo<'a> {
        let mut info = info.enabled_features(&self.core);
        if wanted.storage16() {
            info = info.push_next(&mut self.storage16);
        }
        if wanted.float16_int8() {
            info = info.push_next(&mut self.float16_int8);
        }
        if wanted.storage8() {
            info = info.push_next(&mut self.storage8);
        }
        if wanted.variable() {
            info = info.push_next(&mut self.variable);
        }
        if wanted.atomic_int64() {
            info = info.push_next(&mut self.atomic_int64);
        }
        if wanted.pipeline_creation_cache_control {
            info = info.push_next(&mut self.cache_control);
        }
        if wanted.scalar_block_layout {
            info = info.push_next(&mut self.scalar_layout);
        }
        if wanted.private_data {
            info = info.push_next(&mut self.private_data);
        }
        if wanted.present_id {
            info = info.push_next(&mut self.present_id);
        }
        if wanted.present_wait {
            info = info.push_next(&mut self.present_wait);
        }
        if wanted.swapchain_maintenance1 {
            info = info.push_next(&mut self.swapchain_maintenance1);
        }
        if wanted.synchronization2 {
            info = info.push_next(&mut self.sync2);
        }
        if wanted.maintenance4 {
            info = info.push_next(&mut self.maintenance4);
        }
        if wanted.atomic_float() {
            info = info.push_next(&mut self.atomic_float);
        }
        if wanted.atomic_float2() {
            info = info.push_next(&mut self.atomic_float2);
        }
        if wanted.uniform_buffer_standard_layout {
            info = info.push_next(&mut self.standard_layout);
        }
        if wanted.buffer_device_address {
            info = info.push_next(&mut self.device_address);
        }
        if wanted.shader_integer_dot_product {
            info = info.push_next(&mut self.integer_dot);
        }
        info
    }
}

/// A context with `features` enabled, or None after [`skip`](crate::skip) when the device
/// lacks one of them: the test returns (on another driver) or fails (on softvk, where
/// every check must run; a test of a feature softvk does not advertise yet is
/// `#[ignore]`d with the reason).
pub fn context_with(test: &str, features: ShaderFeatures) -> Option<crate::Context> {
    match crate::Context::with_features(&[], &features) {
        Ok(ctx) => Some(ctx),
        Err(why) => {
            crate::skip(test, &why);
            None
        }
    }
}
