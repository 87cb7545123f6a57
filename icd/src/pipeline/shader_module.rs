//! `VkShaderModule`: the SPIR-V words, parsed once on first use.
//!
//! vkCreateShaderModule does not validate: a module that does not parse is still created
//! (the spec leaves invalid SPIR-V undefined, and a driver may not report it here), and
//! every pipeline made from it fails with the parser's message.

use crate::entry::{guard, guard_void, read_in, write_out, VkResult, INVALID_USAGE};
use crate::handles::{new_handle, release, Object};
use ash::vk;
use std::sync::{Arc, OnceLock};

/// Bytes of SPIR-V one module may hold (larger code sizes are refused, not allocated).
const MAX_CODE_SIZE: usize = 256 << 20;

pub struct ShaderModule {
    pub words: Arc<Vec<u32>>,
    /// FNV-1a over the words: the module's part of a pipeline cache key.
    pub hash: u64,
    parsed: OnceLock<Result<Arc<shader::front::Module>, shader::Error>>,
}

impl Object for ShaderModule {
    type Handle = vk::ShaderModule;
}

impl ShaderModule {
    pub fn new(words: Vec<u32>) -> ShaderModule {
        let hash = words.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &w| (h ^ u64::from(w)).wrapping_mul(0x0000_0100_0000_01b3));
        ShaderModule { words: Arc::new(words), hash, parsed: OnceLock::new() }
    }

    /// The parsed module (parsing the first time).
    pub fn parsed(&self) -> Result<Arc<shader::front::Module>, shader::Error> {
        self.parsed.get_or_init(|| shader::front::Module::parse(&self.words).map(Arc::new)).clone()
    }

    /// Decodes a `VkShaderModuleCreateInfo`.
    ///
    /// # Safety
    /// `info.p_code` must point at `info.code_size` bytes.
    pub unsafe fn from_info(info: &vk::ShaderModuleCreateInfo<'_>) -> VkResult<ShaderModule> {
        if info.code_size == 0 || info.code_size % 4 != 0 || info.p_code.is_null() {
            tracing::error!("vkCreateShaderModule: codeSize {} is not a positive multiple of 4", info.code_size);
            return Err(INVALID_USAGE);
        }
        if info.code_size > MAX_CODE_SIZE {
            tracing::error!("vkCreateShaderModule: {} bytes of SPIR-V is more than softvk takes", info.code_size);
            return Err(vk::Result::ERROR_OUT_OF_HOST_MEMORY);
        }
        let words = std::slice::from_raw_parts(info.p_code, info.code_size / 4).to_vec();
        Ok(ShaderModule::new(words))
    }
}

/// # Safety
/// Vulkan's rules for `vkCreateShaderModule`.
pub unsafe extern "system" fn create_shader_module(
    _device: vk::Device,
    p_create_info: *const vk::ShaderModuleCreateInfo<'_>,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
    p_module: *mut vk::ShaderModule,
) -> vk::Result {
    guard("vkCreateShaderModule", || {
        let module = ShaderModule::from_info(read_in(p_create_info)?)?;
        write_out(p_module, new_handle(Arc::new(module)))?;
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkDestroyShaderModule`.
pub unsafe extern "system" fn destroy_shader_module(
    _device: vk::Device,
    module: vk::ShaderModule,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
) {
    guard_void("vkDestroyShaderModule", || {
        release::<ShaderModule>(module);
    })
}
