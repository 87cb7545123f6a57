//! `VkDescriptorSetLayout` and `VkPipelineLayout`, with `vkGetDescriptorSetLayoutSupport`.

use super::{is_dynamic, MAX_DESCRIPTORS_PER_SET, SUPPORTED_TYPES};
use crate::entry::{guard, guard_void, read_in, read_slice, write_out, VkResult, INVALID_USAGE};
use crate::handles::{get, new_handle, release, Object};
use crate::resources::Sampler;
use ash::vk;
use std::sync::Arc;

#[derive(Debug)]
pub struct LayoutBinding {
    pub binding: u32,
    pub descriptor_type: vk::DescriptorType,
    pub count: u32,
    pub stages: vk::ShaderStageFlags,
    /// Immutable samplers, one per element (empty when the binding has none).
    pub immutable_samplers: Vec<Arc<Sampler>>,
    pub flags: vk::DescriptorBindingFlags,
}

#[derive(Debug)]
pub struct DescriptorSetLayout {
    pub flags: vk::DescriptorSetLayoutCreateFlags,
    /// Sorted by binding number.
    pub bindings: Vec<LayoutBinding>,
}

impl Object for DescriptorSetLayout {
    type Handle = vk::DescriptorSetLayout;
}

impl DescriptorSetLayout {
    /// The index of binding number `binding` in `bindings`.
    pub fn index_of(&self, binding: u32) -> Option<usize> {
        self.bindings.binary_search_by_key(&binding, |b| b.binding).ok()
    }

    /// Dynamic buffer descriptors, in binding order (how dynamic offsets are consumed).
    pub fn dynamic_count(&self) -> u32 {
        self.bindings.iter().filter(|b| is_dynamic(b.descriptor_type)).map(|b| b.count).sum()
    }

    /// Descriptors of each type a set of this layout takes from its pool.
    pub fn counts(&self) -> Vec<(vk::DescriptorType, u64)> {
        let mut counts: Vec<(vk::DescriptorType, u64)> = Vec::new();
        for b in &self.bindings {
            match counts.iter_mut().find(|(t, _)| *t == b.descriptor_type) {
                Some((_, n)) => *n += b.count as u64,
                None => counts.push((b.descriptor_type, b.count as u64)),
            }
        }
        counts
    }
}

/// Decodes and checks a set layout create info.
///
/// # Safety
/// `info`'s pointers must be valid, as Vulkan requires.
unsafe fn decode_layout(info: &vk::DescriptorSetLayoutCreateInfo<'_>) -> VkResult<DescriptorSetLayout> {
    let flags_info = crate::pnext::find_in::<vk::DescriptorSetLayoutBindingFlagsCreateInfo>(info.p_next);
    let binding_flags = flags_info.map_or(&[][..], |f| read_slice(f.p_binding_flags, f.binding_count));
    let mut bindings = Vec::new();
    let mut total = 0u64;
    let allowed_flags = vk::DescriptorSetLayoutCreateFlags::PUSH_DESCRIPTOR_KHR;
    if !allowed_flags.contains(info.flags) {
        tracing::error!("descriptor set layout flags {:?} are not supported", info.flags);
        return Err(INVALID_USAGE);
    }
    for (i, b) in read_slice(info.p_bindings, info.binding_count).iter().enumerate() {
        if !SUPPORTED_TYPES.contains(&b.descriptor_type) {
            tracing::error!("descriptor type {:?} is not supported", b.descriptor_type);
            return Err(INVALID_USAGE);
        }
        total += b.descriptor_count as u64;
        if total > MAX_DESCRIPTORS_PER_SET {
            tracing::error!("a descriptor set layout with more than {MAX_DESCRIPTORS_PER_SET} descriptors");
            return Err(INVALID_USAGE);
        }
        let with_samplers =
            matches!(b.descriptor_type, vk::DescriptorType::SAMPLER | vk::DescriptorType::COMBINED_IMAGE_SAMPLER);
        let immutable_samplers = if with_samplers && !b.p_immutable_samplers.is_null() {
            read_slice(b.p_immutable_samplers, b.descriptor_count).iter().map(|&s| get::<Sampler>(s)).collect::<VkResult<_>>()?
        } else {
            Vec::new()
        };
        let flags = binding_flags.get(i).copied().unwrap_or_default();
        if !flags.is_empty() {
            tracing::error!("descriptor binding flags {flags:?} are not supported");
            return Err(INVALID_USAGE);
        }
        bindings.push(LayoutBinding {
            binding: b.binding,
            descriptor_type: b.descriptor_type,
            count: b.descriptor_count,
            stages: b.stage_flags,
            immutable_samplers,
            flags,
        });
    }
    bindings.sort_by_key(|b| b.binding);
    if bindings.windows(2).any(|w| w[0].binding == w[1].binding) {
        tracing::error!("a descriptor set layout names one binding twice");
        return Err(INVALID_USAGE);
    }
    Ok(DescriptorSetLayout { flags: info.flags, bindings })
}

/// # Safety
/// Vulkan's rules for `vkCreateDescriptorSetLayout`.
pub unsafe extern "system" fn create_descriptor_set_layout(
    _device: vk::Device,
    p_create_info: *const vk::DescriptorSetLayoutCreateInfo<'_>,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
    p_layout: *mut vk::DescriptorSetLayout,
) -> vk::Result {
    guard("vkCreateDescriptorSetLayout", || {
        let layout = decode_layout(read_in(p_create_info)?)?;
        write_out(p_layout, new_handle(Arc::new(layout)))?;
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkDestroyDescriptorSetLayout`.
pub unsafe extern "system" fn destroy_descriptor_set_layout(
    _device: vk::Device,
    layout: vk::DescriptorSetLayout,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
) {
    guard_void("vkDestroyDescriptorSetLayout", || {
        release::<DescriptorSetLayout>(layout);
    })
}

/// # Safety
/// Vulkan's rules for `vkGetDescriptorSetLayoutSupport`.
pub unsafe extern "system" fn get_descriptor_set_layout_support(
    _device: vk::Device,
    p_info: *const vk::DescriptorSetLayoutCreateInfo<'_>,
    p_support: *mut vk::DescriptorSetLayoutSupport<'_>,
) {
    guard_void("vkGetDescriptorSetLayoutSupport", || {
        let Ok(info) = read_in(p_info) else { return };
        let supported = decode_layout(info).is_ok();
        if let Some(out) = p_support.as_mut() {
            out.supported = supported as vk::Bool32;
        }
    })
}

#[derive(Debug)]
pub struct PipelineLayout {
    pub set_layouts: Vec<Arc<DescriptorSetLayout>>,
    pub push_constant_ranges: Vec<vk::PushConstantRange>,
}

impl Object for PipelineLayout {
    type Handle = vk::PipelineLayout;
}

/// VUIDs of VkPushConstantRange and VkPipelineLayoutCreateInfo: each range is a non-empty
/// multiple of 4 bytes at a multiple of 4, within maxPushConstantsSize, for some stages, and
/// no stage is in two ranges.
fn check_push_constant_ranges(ranges: &[vk::PushConstantRange], max_bytes: u32) -> VkResult<()> {
    let mut stages = vk::ShaderStageFlags::empty();
    for range in ranges {
        let end = u64::from(range.offset) + u64::from(range.size);
        if range.size == 0 || range.offset % 4 != 0 || range.size % 4 != 0 || end > u64::from(max_bytes) {
            tracing::error!(
                "push constant range {}+{}: multiples of 4, not empty, within maxPushConstantsSize {max_bytes}",
                range.offset,
                range.size
            );
            return Err(INVALID_USAGE);
        }
        if range.stage_flags.is_empty() || stages.intersects(range.stage_flags) {
            tracing::error!("push constant range for stages {:?}: none, or in another range too", range.stage_flags);
            return Err(INVALID_USAGE);
        }
        stages |= range.stage_flags;
    }
    Ok(())
}

/// # Safety
/// Vulkan's rules for `vkCreatePipelineLayout`.
pub unsafe extern "system" fn create_pipeline_layout(
    _device: vk::Device,
    p_create_info: *const vk::PipelineLayoutCreateInfo<'_>,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
    p_layout: *mut vk::PipelineLayout,
) -> vk::Result {
    guard("vkCreatePipelineLayout", || {
        let info = read_in(p_create_info)?;
        let limits = crate::physical_device::limits();
        if info.set_layout_count > limits.max_bound_descriptor_sets {
            tracing::error!("a pipeline layout with {} set layouts (max {})", info.set_layout_count, limits.max_bound_descriptor_sets);
            return Err(INVALID_USAGE);
        }
        let set_layouts = read_slice(info.p_set_layouts, info.set_layout_count)
            .iter()
            .map(|&l| get::<DescriptorSetLayout>(l))
            .collect::<VkResult<Vec<_>>>()?;
        let push_constant_ranges = read_slice(info.p_push_constant_ranges, info.push_constant_range_count).to_vec();
        check_push_constant_ranges(&push_constant_ranges, limits.max_push_constants_size)?;
        let layout = PipelineLayout { set_layouts, push_constant_ranges };
        write_out(p_layout, new_handle(Arc::new(layout)))?;
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkDestroyPipelineLayout`.
pub unsafe extern "system" fn destroy_pipeline_layout(
    _device: vk::Device,
    layout: vk::PipelineLayout,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
) {
    guard_void("vkDestroyPipelineLayout", || {
        release::<PipelineLayout>(layout);
    })
}
