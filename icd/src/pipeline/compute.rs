//! `vkCreateComputePipelines`: compile (or find in the cache) the compute stage, check its
//! bindings against the layout.

use super::cache::{CacheKey, PipelineCache};
use super::{dump, map_bindings, specialization, ComputePipeline, Pipeline, PipelineKind, ShaderModule};
use crate::descriptor::PipelineLayout;
use crate::entry::{guard, read_slice, VkResult, INVALID_USAGE, NOT_IMPLEMENTED};
use crate::handles::{borrow, get, new_handle};
use ash::vk;
use shader::interp::Executable;
use shader::ir::Stage;
use std::sync::Arc;

/// Compiles entry `entry` of `module` for `stage`.
pub fn compile(module: &ShaderModule, entry: &str, stage: Stage, spec: &shader::front::Specialization) -> VkResult<Arc<Executable>> {
    let started = std::time::Instant::now();
    let refuse = |e: shader::Error| {
        tracing::error!("pipeline creation failed: {e}");
        NOT_IMPLEMENTED
    };
    let parsed = module.parsed().map_err(refuse)?;
    if dump::enabled() {
        dump::write(module.hash, entry, "spvasm", &parsed.disassemble());
    }
    let mut program = shader::front::compile(&parsed, entry, stage, spec).map_err(refuse)?;
    if dump::enabled() {
        dump::write(module.hash, entry, "ir", &shader::ir::print::program(&program));
    }
    shader::passes::run(&mut program);
    if dump::enabled() {
        dump::write(module.hash, entry, "opt.ir", &shader::ir::print::program(&program));
    }
    let limits = crate::physical_device::limits();
    if program.workgroup_size.iter().zip(limits.max_compute_work_group_size).any(|(&n, max)| n > max) {
        tracing::error!("workgroup size {:?} is past maxComputeWorkGroupSize", program.workgroup_size);
        return Err(INVALID_USAGE);
    }
    let executable = Executable::new(program).map_err(refuse)?;
    tracing::info!("compiled {stage:?} entry point {entry:?} in {:?}", started.elapsed());
    Ok(Arc::new(executable))
}

/// The executable for a stage, from the cache when it has one. Without `may_compile`
/// (VK_PIPELINE_CREATE_FAIL_ON_PIPELINE_COMPILE_REQUIRED_BIT) a cache miss is
/// VK_PIPELINE_COMPILE_REQUIRED: softvk has no cache of its own beside the application's.
///
/// # Safety
/// `stage`'s pointers valid as Vulkan requires.
pub unsafe fn stage_executable(
    stage_info: &vk::PipelineShaderStageCreateInfo<'_>,
    stage: Stage,
    cache: Option<&PipelineCache>,
    may_compile: bool,
) -> VkResult<Arc<Executable>> {
    let module = if stage_info.module != vk::ShaderModule::null() {
        get::<ShaderModule>(stage_info.module)?
    } else if let Some(info) = crate::pnext::find_in::<vk::ShaderModuleCreateInfo>(stage_info.p_next) {
        Arc::new(ShaderModule::from_info(info)?)
    } else {
        tracing::error!("a pipeline stage without a shader module");
        return Err(INVALID_USAGE);
    };
    if stage_info.p_name.is_null() {
        return Err(INVALID_USAGE);
    }
    if let Some(required) = crate::pnext::find_in::<vk::PipelineShaderStageRequiredSubgroupSizeCreateInfo>(stage_info.p_next) {
        if required.required_subgroup_size != shader::SUBGROUP_SIZE {
            tracing::error!("required subgroup size {} (softvk's is {})", required.required_subgroup_size, shader::SUBGROUP_SIZE);
            return Err(INVALID_USAGE);
        }
    }
    let entry = std::ffi::CStr::from_ptr(stage_info.p_name).to_string_lossy().into_owned();
    let spec = specialization(stage_info.p_specialization_info.as_ref())?;
    let key = CacheKey { module_hash: module.hash, entry: entry.clone(), spec: spec.values.clone(), stage: stage as u32 };
    if let Some(found) = cache.and_then(|c| c.lookup(&key)) {
        tracing::debug!("pipeline cache hit for {entry:?}");
        return Ok(found);
    }
    if !may_compile {
        tracing::debug!("{entry:?} is not in the pipeline cache and the pipeline may not compile it");
        return Err(vk::Result::PIPELINE_COMPILE_REQUIRED);
    }
    let executable = compile(&module, &entry, stage, &spec)?;
    if let Some(cache) = cache {
        cache.insert(key, module.words.clone(), executable.clone());
    }
    Ok(executable)
}

/// # Safety
/// `info`'s pointers valid as Vulkan requires.
unsafe fn build(info: &vk::ComputePipelineCreateInfo<'_>, cache: Option<&PipelineCache>) -> VkResult<Pipeline> {
    let layout = get::<PipelineLayout>(info.layout)?;
    if info.stage.stage != vk::ShaderStageFlags::COMPUTE {
        tracing::error!("vkCreateComputePipelines with a {:?} stage", info.stage.stage);
        return Err(INVALID_USAGE);
    }
    let may_compile = !info.flags.contains(vk::PipelineCreateFlags::FAIL_ON_PIPELINE_COMPILE_REQUIRED);
    let executable = stage_executable(&info.stage, Stage::Compute, cache, may_compile)?;
    let slots = map_bindings(&executable.program, &layout)?;
    Ok(Pipeline {
        bind_point: vk::PipelineBindPoint::COMPUTE,
        layout,
        kind: PipelineKind::Compute(ComputePipeline { executable, slots }),
    })
}

/// # Safety
/// Vulkan's rules for `vkCreateComputePipelines`: every handle of a pipeline that could
/// not be created is null. An error outranks VK_PIPELINE_COMPILE_REQUIRED in the result,
/// and EARLY_RETURN_ON_FAILURE stops at the first pipeline that got either.
pub unsafe extern "system" fn create_compute_pipelines(
    _device: vk::Device,
    pipeline_cache: vk::PipelineCache,
    count: u32,
    p_create_infos: *const vk::ComputePipelineCreateInfo<'_>,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
    p_pipelines: *mut vk::Pipeline,
) -> vk::Result {
    guard("vkCreateComputePipelines", || {
        if p_pipelines.is_null() && count > 0 {
            return Err(INVALID_USAGE);
        }
        let cache = if pipeline_cache == vk::PipelineCache::null() { None } else { Some(borrow::<PipelineCache>(pipeline_cache)?) };
        let mut result = vk::Result::SUCCESS;
        for (i, info) in read_slice(p_create_infos, count).iter().enumerate() {
            match build(info, cache) {
                Ok(pipeline) => p_pipelines.add(i).write(new_handle(Arc::new(pipeline))),
                Err(e) => {
                    p_pipelines.add(i).write(vk::Pipeline::null());
                    if result.as_raw() >= 0 {
                        result = e;
                    }
                    if info.flags.contains(vk::PipelineCreateFlags::EARLY_RETURN_ON_FAILURE) {
                        for j in i + 1..count as usize {
                            p_pipelines.add(j).write(vk::Pipeline::null());
                        }
                        break;
                    }
                }
            }
        }
        if result == vk::Result::SUCCESS { Ok(result) } else { Err(result) }
    })
}
