//! Recording pipelines, descriptor sets, push constants, push descriptors and dispatches.
//!
//! These commands are decoded at record time against what the command buffer has bound so
//! far ([`RecordState`]): a dispatch without a compute pipeline, or without a set its
//! pipeline uses, makes the recording fail (returned by `vkEndCommandBuffer`), so the
//! executor never meets one.

use crate::command_buffer::{object, record_bound};
use crate::commands::Command;
use crate::descriptor::{DescriptorSet, DescriptorUpdateTemplate, PipelineLayout};
use crate::entry::{read_slice, VkResult, INVALID_USAGE};
use crate::execute::state::{MAX_SETS, PUSH_CONSTANT_BYTES};
use crate::handles::borrow;
use crate::pipeline::{BindingSlot, Pipeline};
use crate::resources::Buffer;
use ash::vk;
use std::ffi::c_void;
use std::sync::Arc;

/// What a command buffer has bound so far, for record-time checks.
#[derive(Default)]
pub struct RecordState {
    compute_pipeline: Option<Arc<Pipeline>>,
    compute_sets: [bool; MAX_SETS],
    graphics_sets: [bool; MAX_SETS],
    /// The last push-descriptor set of each (bind point, set), so a push updates it.
    pushed: Vec<(vk::PipelineBindPoint, u32, Arc<DescriptorSet>)>,
}

impl RecordState {
    fn sets(&mut self, point: vk::PipelineBindPoint) -> &mut [bool; MAX_SETS] {
        if point == vk::PipelineBindPoint::COMPUTE {
            &mut self.compute_sets
        } else {
            &mut self.graphics_sets
        }
    }

    /// The compute pipeline a dispatch will use, with each set it reads bound.
    fn check_dispatch(&self) -> VkResult<()> {
        let Some(pipeline) = &self.compute_pipeline else {
            tracing::error!("a dispatch with no compute pipeline bound");
            return Err(INVALID_USAGE);
        };
        let compute = pipeline.compute().ok_or(INVALID_USAGE)?;
        for slot in &compute.slots {
            if let BindingSlot::Descriptor { set, .. } = slot {
                if !self.compute_sets.get(*set as usize).copied().unwrap_or(false) {
                    tracing::error!("a dispatch whose pipeline uses set {set}, which is not bound");
                    return Err(INVALID_USAGE);
                }
            }
        }
        Ok(())
    }
}

fn check_point(point: vk::PipelineBindPoint) -> VkResult<()> {
    if point == vk::PipelineBindPoint::COMPUTE || point == vk::PipelineBindPoint::GRAPHICS {
        Ok(())
    } else {
        tracing::error!("bind point {point:?} is not supported");
        Err(INVALID_USAGE)
    }
}

/// # Safety
/// Vulkan's rules for `vkCmdBindPipeline`.
pub unsafe extern "system" fn cmd_bind_pipeline(command_buffer: vk::CommandBuffer, point: vk::PipelineBindPoint, pipeline: vk::Pipeline) {
    record_bound(command_buffer, "vkCmdBindPipeline", |bound| {
        let pipeline = object::<Pipeline>(pipeline)?;
        if pipeline.bind_point != point {
            tracing::error!("a {:?} pipeline bound at {point:?}", pipeline.bind_point);
            return Err(INVALID_USAGE);
        }
        if point == vk::PipelineBindPoint::COMPUTE {
            bound.compute_pipeline = Some(pipeline.clone());
        }
        Ok(Command::BindPipeline(pipeline))
    })
}

/// # Safety
/// Vulkan's rules for `vkCmdBindDescriptorSets`.
#[allow(clippy::too_many_arguments)]
pub unsafe extern "system" fn cmd_bind_descriptor_sets(
    command_buffer: vk::CommandBuffer,
    point: vk::PipelineBindPoint,
    layout: vk::PipelineLayout,
    first_set: u32,
    set_count: u32,
    p_sets: *const vk::DescriptorSet,
    dynamic_offset_count: u32,
    p_dynamic_offsets: *const u32,
) {
    record_bound(command_buffer, "vkCmdBindDescriptorSets", |bound| {
        check_point(point)?;
        let layout = borrow::<PipelineLayout>(layout)?;
        if first_set as u64 + set_count as u64 > layout.set_layouts.len() as u64 {
            tracing::error!("sets {first_set}..+{set_count} are past the pipeline layout's {}", layout.set_layouts.len());
            return Err(INVALID_USAGE);
        }
        let sets = read_slice(p_sets, set_count).iter().map(|&s| object::<DescriptorSet>(s)).collect::<VkResult<Vec<_>>>()?;
        let dynamic: u32 = sets.iter().map(|s| s.layout.dynamic_count()).sum();
        if dynamic != dynamic_offset_count {
            tracing::error!("{dynamic_offset_count} dynamic offsets for {dynamic} dynamic descriptors");
            return Err(INVALID_USAGE);
        }
        let dynamic_offsets = read_slice(p_dynamic_offsets, dynamic_offset_count).to_vec();
        let alignment = crate::physical_device::limits().min_storage_buffer_offset_alignment.max(1);
        if dynamic_offsets.iter().any(|&o| o as u64 % alignment != 0) {
            tracing::error!("a dynamic offset is not a multiple of {alignment}");
            return Err(INVALID_USAGE);
        }
        check_dynamic_ranges(&sets, &dynamic_offsets)?;
        for i in 0..set_count {
            bound.sets(point)[(first_set + i) as usize] = true;
        }
        Ok(Command::BindDescriptorSets { bind_point: point, first: first_set, sets, dynamic_offsets })
    })
}

/// spec: for each dynamic buffer, its offset plus the dynamic offset plus its range must
/// fit the buffer (VUID-vkCmdBindDescriptorSets-pDynamicOffsets-01979).
fn check_dynamic_ranges(sets: &[Arc<DescriptorSet>], offsets: &[u32]) -> VkResult<()> {
    let mut offsets = offsets.iter();
    for set in sets {
        let table = set.bindings.read().unwrap_or_else(|e| e.into_inner());
        for (binding, descriptors) in set.layout.bindings.iter().zip(table.iter()) {
            if !crate::descriptor::is_dynamic(binding.descriptor_type) {
                continue;
            }
            for descriptor in descriptors {
                let Some(&dynamic) = offsets.next() else { return Ok(()) };
                if let crate::descriptor::Descriptor::Buffer { buffer, offset, range } = descriptor {
                    if offset.saturating_add(dynamic as u64).saturating_add(*range) > buffer.size {
                        tracing::error!(
                            "dynamic offset {dynamic} puts {range} bytes from {offset} past the {}-byte buffer",
                            buffer.size
                        );
                        return Err(INVALID_USAGE);
                    }
                }
            }
        }
    }
    Ok(())
}

/// # Safety
/// Vulkan's rules for `vkCmdPushConstants`.
pub unsafe extern "system" fn cmd_push_constants(
    command_buffer: vk::CommandBuffer,
    _layout: vk::PipelineLayout,
    _stages: vk::ShaderStageFlags,
    offset: u32,
    size: u32,
    p_values: *const c_void,
) {
    record_bound(command_buffer, "vkCmdPushConstants", |_| {
        if size == 0 || offset % 4 != 0 || size % 4 != 0 || offset as u64 + size as u64 > PUSH_CONSTANT_BYTES as u64 {
            tracing::error!("push constants {offset}+{size} (multiples of 4 within {PUSH_CONSTANT_BYTES} bytes)");
            return Err(INVALID_USAGE);
        }
        if p_values.is_null() {
            return Err(INVALID_USAGE);
        }
        let data = std::slice::from_raw_parts(p_values as *const u8, size as usize).to_vec();
        Ok(Command::PushConstants { offset, data })
    })
}

fn check_groups(base: [u32; 3], groups: [u32; 3]) -> VkResult<()> {
    let max = crate::physical_device::limits().max_compute_work_group_count;
    for i in 0..3 {
        if base[i] as u64 + groups[i] as u64 > max[i] as u64 {
            tracing::error!("dispatch of {groups:?} groups from {base:?} is past maxComputeWorkGroupCount {max:?}");
            return Err(INVALID_USAGE);
        }
    }
    Ok(())
}

/// # Safety
/// Vulkan's rules for `vkCmdDispatch`.
pub unsafe extern "system" fn cmd_dispatch(command_buffer: vk::CommandBuffer, x: u32, y: u32, z: u32) {
    cmd_dispatch_base(command_buffer, 0, 0, 0, x, y, z)
}

/// # Safety
/// Vulkan's rules for `vkCmdDispatchBase`.
pub unsafe extern "system" fn cmd_dispatch_base(
    command_buffer: vk::CommandBuffer,
    base_x: u32,
    base_y: u32,
    base_z: u32,
    x: u32,
    y: u32,
    z: u32,
) {
    record_bound(command_buffer, "vkCmdDispatch", |bound| {
        bound.check_dispatch()?;
        let (base, groups) = ([base_x, base_y, base_z], [x, y, z]);
        check_groups(base, groups)?;
        Ok(Command::Dispatch { base, groups })
    })
}

/// # Safety
/// Vulkan's rules for `vkCmdDispatchIndirect`.
pub unsafe extern "system" fn cmd_dispatch_indirect(command_buffer: vk::CommandBuffer, buffer: vk::Buffer, offset: vk::DeviceSize) {
    record_bound(command_buffer, "vkCmdDispatchIndirect", |bound| {
        bound.check_dispatch()?;
        let buffer = object::<Buffer>(buffer)?;
        if offset % 4 != 0 || offset.checked_add(12).is_none_or(|end| end > buffer.size) {
            tracing::error!("vkCmdDispatchIndirect at {offset} of a {}-byte buffer", buffer.size);
            return Err(INVALID_USAGE);
        }
        Ok(Command::DispatchIndirect { buffer, offset })
    })
}

/// The set a push at (`point`, `set`) updates: a copy of the last one pushed there in this
/// command buffer, or a fresh one of the layout's set layout.
fn push_target(bound: &mut RecordState, point: vk::PipelineBindPoint, layout: &PipelineLayout, set: u32) -> VkResult<DescriptorSet> {
    let set_layout = layout.set_layouts.get(set as usize).ok_or_else(|| {
        tracing::error!("push descriptors for set {set}, past the pipeline layout");
        INVALID_USAGE
    })?;
    if !set_layout.flags.contains(vk::DescriptorSetLayoutCreateFlags::PUSH_DESCRIPTOR_KHR) {
        tracing::error!("push descriptors into a set layout made without PUSH_DESCRIPTOR");
        return Err(INVALID_USAGE);
    }
    let target = DescriptorSet::new(set_layout.clone());
    if let Some((_, _, previous)) = bound.pushed.iter().find(|(p, s, d)| *p == point && *s == set && Arc::ptr_eq(&d.layout, set_layout)) {
        let table = previous.bindings.read().unwrap_or_else(|e| e.into_inner()).clone();
        *target.bindings.write().unwrap_or_else(|e| e.into_inner()) = table;
    }
    Ok(target)
}

fn pushed(bound: &mut RecordState, point: vk::PipelineBindPoint, set: u32, descriptors: DescriptorSet) -> Command {
    let descriptors = Arc::new(descriptors);
    bound.pushed.retain(|(p, s, _)| !(*p == point && *s == set));
    bound.pushed.push((point, set, descriptors.clone()));
    bound.sets(point)[set as usize] = true;
    Command::PushDescriptorSet { bind_point: point, set, descriptors }
}

/// # Safety
/// Vulkan's rules for `vkCmdPushDescriptorSetKHR`.
pub unsafe extern "system" fn cmd_push_descriptor_set(
    command_buffer: vk::CommandBuffer,
    point: vk::PipelineBindPoint,
    layout: vk::PipelineLayout,
    set: u32,
    write_count: u32,
    p_writes: *const vk::WriteDescriptorSet<'_>,
) {
    record_bound(command_buffer, "vkCmdPushDescriptorSetKHR", |bound| {
        check_point(point)?;
        let layout = borrow::<PipelineLayout>(layout)?;
        let target = push_target(bound, point, layout, set)?;
        for write in read_slice(p_writes, write_count) {
            crate::descriptor::write_to(&target, write)?;
        }
        Ok(pushed(bound, point, set, target))
    })
}

/// # Safety
/// Vulkan's rules for `vkCmdPushDescriptorSetWithTemplateKHR`.
pub unsafe extern "system" fn cmd_push_descriptor_set_with_template(
    command_buffer: vk::CommandBuffer,
    template: vk::DescriptorUpdateTemplate,
    layout: vk::PipelineLayout,
    set: u32,
    p_data: *const c_void,
) {
    record_bound(command_buffer, "vkCmdPushDescriptorSetWithTemplateKHR", |bound| {
        let template = borrow::<DescriptorUpdateTemplate>(template)?;
        let layout = borrow::<PipelineLayout>(layout)?;
        let point = template.bind_point;
        check_point(point)?;
        let target = push_target(bound, point, layout, set)?;
        template.apply(&target, p_data)?;
        Ok(pushed(bound, point, set, target))
    })
}
