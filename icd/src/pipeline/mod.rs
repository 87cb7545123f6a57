//! Shader modules, pipelines and pipeline caches.
//!
//! A compute pipeline is an `shader::interp::Executable` (the compiled, specialised entry
//! point) plus the map from each binding the shader uses to where the pipeline layout puts
//! it ([`BindingSlot`]), checked once here so that executing a dispatch never meets a
//! binding it cannot resolve.

mod cache;
mod compute;
pub(crate) mod dump;
mod shader_module;

pub use cache::{create_pipeline_cache, destroy_pipeline_cache, get_pipeline_cache_data, merge_pipeline_caches, PipelineCache};
pub use compute::create_compute_pipelines;
pub use shader_module::{create_shader_module, destroy_shader_module, ShaderModule};

use crate::descriptor::PipelineLayout;
use crate::entry::{guard_void, VkResult, INVALID_USAGE};
use crate::handles::{release, Object};
use ash::vk;
use shader::ir::{BindingKind, ImageDim, Program};
use std::sync::Arc;

/// Where one binding of a program comes from at a dispatch.
#[derive(Clone, Copy, Debug)]
pub enum BindingSlot {
    /// Binding `index` (in layout order) of the set bound at `set`.
    Descriptor { set: u32, index: usize, descriptor_type: vk::DescriptorType },
    PushConstants,
}

pub struct ComputePipeline {
    pub executable: Arc<shader::interp::Executable>,
    /// One entry per `program.bindings`.
    pub slots: Vec<BindingSlot>,
}

pub enum PipelineKind {
    Compute(ComputePipeline),
}

pub struct Pipeline {
    pub bind_point: vk::PipelineBindPoint,
    pub layout: Arc<PipelineLayout>,
    pub kind: PipelineKind,
}

impl Object for Pipeline {
    type Handle = vk::Pipeline;
}

impl Pipeline {
    pub fn compute(&self) -> Option<&ComputePipeline> {
        match &self.kind {
            PipelineKind::Compute(c) => Some(c),
        }
    }
}

/// Whether a descriptor of type `t` can back a program binding of `kind`.
fn compatible(kind: BindingKind, dim: Option<ImageDim>, t: vk::DescriptorType) -> bool {
    use vk::DescriptorType as T;
    let buffer_dim = dim == Some(ImageDim::Buffer);
    match kind {
        BindingKind::UniformBuffer => matches!(t, T::UNIFORM_BUFFER | T::UNIFORM_BUFFER_DYNAMIC),
        BindingKind::StorageBuffer => matches!(t, T::STORAGE_BUFFER | T::STORAGE_BUFFER_DYNAMIC),
        BindingKind::StorageImage => {
            if buffer_dim {
                t == T::STORAGE_TEXEL_BUFFER
            } else {
                t == T::STORAGE_IMAGE
            }
        }
        // A combined image sampler may also be read as its image or its sampler alone.
        BindingKind::SampledImage if t == T::COMBINED_IMAGE_SAMPLER => !buffer_dim,
        BindingKind::Sampler if t == T::COMBINED_IMAGE_SAMPLER => true,
        BindingKind::SampledImage => {
            if buffer_dim {
                t == T::UNIFORM_TEXEL_BUFFER
            } else if dim == Some(ImageDim::SubpassData) {
                t == T::INPUT_ATTACHMENT
            } else {
                t == T::SAMPLED_IMAGE
            }
        }
        BindingKind::Sampler => t == T::SAMPLER,
        // GLSL's samplerBuffer is a sampled image of a buffer: a uniform texel buffer.
        BindingKind::CombinedImageSampler => t == if buffer_dim { T::UNIFORM_TEXEL_BUFFER } else { T::COMBINED_IMAGE_SAMPLER },
        BindingKind::PushConstants => false,
    }
}

/// Whether the layout's push constant ranges visible to `stage` cover `bytes`.
fn push_constants_covered(layout: &PipelineLayout, stage: vk::ShaderStageFlags, bytes: &std::ops::Range<u32>) -> bool {
    let mut covered = bytes.start;
    let mut ranges: Vec<_> = layout.push_constant_ranges.iter().filter(|r| r.stage_flags.contains(stage)).collect();
    ranges.sort_by_key(|r| r.offset);
    for r in ranges {
        if r.offset <= covered {
            covered = covered.max(r.offset.saturating_add(r.size));
        }
    }
    covered >= bytes.end
}

/// Finds every binding of `program` in `layout`.
pub fn map_bindings(program: &Program, layout: &PipelineLayout) -> VkResult<Vec<BindingSlot>> {
    let stage = match program.stage {
        shader::ir::Stage::Compute => vk::ShaderStageFlags::COMPUTE,
        shader::ir::Stage::Vertex => vk::ShaderStageFlags::VERTEX,
        shader::ir::Stage::Fragment => vk::ShaderStageFlags::FRAGMENT,
    };
    program
        .bindings
        .iter()
        .map(|b| {
            if b.kind == BindingKind::PushConstants {
                if !push_constants_covered(layout, stage, &b.bytes) {
                    tracing::error!(
                        "the shader's push constants span bytes {:?}, which the layout's {stage:?} ranges do not cover",
                        b.bytes
                    );
                    return Err(INVALID_USAGE);
                }
                return Ok(BindingSlot::PushConstants);
            }
            let set_layout = layout.set_layouts.get(b.set as usize).ok_or_else(|| {
                tracing::error!("the shader uses set {} but the pipeline layout has {} sets", b.set, layout.set_layouts.len());
                INVALID_USAGE
            })?;
            let index = set_layout.index_of(b.binding).ok_or_else(|| {
                tracing::error!("the shader uses set {} binding {}, which the pipeline layout lacks", b.set, b.binding);
                INVALID_USAGE
            })?;
            let descriptor_type = set_layout.bindings[index].descriptor_type;
            if !compatible(b.kind, b.image.map(|i| i.dim), descriptor_type) {
                tracing::error!(
                    "set {} binding {} is a {:?} in the shader but {descriptor_type:?} in the layout",
                    b.set,
                    b.binding,
                    b.kind
                );
                return Err(INVALID_USAGE);
            }
            Ok(BindingSlot::Descriptor { set: b.set, index, descriptor_type })
        })
        .collect()
}

/// The specialisation constants of `info`, as the compiler takes them.
///
/// # Safety
/// `info`'s pointers valid as Vulkan requires.
pub unsafe fn specialization(info: Option<&vk::SpecializationInfo<'_>>) -> VkResult<shader::front::Specialization> {
    let mut spec = shader::front::Specialization::default();
    let Some(info) = info else { return Ok(spec) };
    let entries = crate::entry::read_slice(info.p_map_entries, info.map_entry_count);
    let data = if info.data_size == 0 || info.p_data.is_null() {
        &[][..]
    } else {
        std::slice::from_raw_parts(info.p_data as *const u8, info.data_size)
    };
    for entry in entries {
        let end = entry.offset as usize + entry.size;
        if entry.size > 8 || end > data.len() {
            tracing::error!("specialization map entry {} reads past pData", entry.constant_id);
            return Err(INVALID_USAGE);
        }
        let mut bytes = [0u8; 8];
        bytes[..entry.size].copy_from_slice(&data[entry.offset as usize..end]);
        spec.values.push((entry.constant_id, u64::from_le_bytes(bytes)));
    }
    Ok(spec)
}

/// # Safety
/// Vulkan's rules for `vkDestroyPipeline`.
pub unsafe extern "system" fn destroy_pipeline(_device: vk::Device, pipeline: vk::Pipeline, _p_allocator: *const vk::AllocationCallbacks<'_>) {
    guard_void("vkDestroyPipeline", || {
        release::<Pipeline>(pipeline);
    })
}
