//! Recording of the synchronization commands: barriers and events, in both forms: Vulkan
//! 1.0's and VK_KHR_synchronization2's (`vkCmdPipelineBarrier2` and the other `*2`
//! commands, whose barriers carry their own 64-bit stage and access masks).
//!
//! Commands execute in order on one thread, so a barrier has nothing to do; its arguments
//! are still checked when it is recorded (stage masks, the resources and ranges of buffer
//! and image barriers, layouts, queue families), and a barrier that names something that
//! does not exist is a sticky error, as it would be a fault on a GPU.

use crate::command_buffer::{object, record};
use crate::commands::Command;
use crate::entry::{read_in, read_slice, VkResult, INVALID_USAGE};
use crate::resources::{Buffer, Image};
use ash::vk;

/// The pipeline stages of core Vulkan 1.1 (TOP_OF_PIPE through ALL_COMMANDS): the others
/// belong to extensions softvk does not offer.
const KNOWN_STAGES: vk::PipelineStageFlags = vk::PipelineStageFlags::from_raw(0x1ffff);

fn refuse<T>(name: &str, why: std::fmt::Arguments) -> VkResult<T> {
    tracing::error!("{name}: {why}");
    Err(INVALID_USAGE)
}

/// VUID-vkCmdPipelineBarrier-srcStageMask-03937 (not 0 unless the device enabled
/// synchronization2) and -parameter (known bits).
fn check_stages(name: &str, stages: vk::PipelineStageFlags, zero_allowed: bool) -> VkResult<()> {
    if (stages.is_empty() && !zero_allowed) || !KNOWN_STAGES.contains(stages) {
        return refuse(name, format_args!("stage mask {stages:?}"));
    }
    Ok(())
}

/// The stages of VK_KHR_synchronization2 that apply to softvk's features: Vulkan 1.1's and
/// the split transfer, vertex input and pre-rasterization stages.
const KNOWN_STAGES2: vk::PipelineStageFlags2 = vk::PipelineStageFlags2::from_raw(
    0x1ffff
        | vk::PipelineStageFlags2::COPY.as_raw()
        | vk::PipelineStageFlags2::RESOLVE.as_raw()
        | vk::PipelineStageFlags2::BLIT.as_raw()
        | vk::PipelineStageFlags2::CLEAR.as_raw()
        | vk::PipelineStageFlags2::INDEX_INPUT.as_raw()
        | vk::PipelineStageFlags2::VERTEX_ATTRIBUTE_INPUT.as_raw()
        | vk::PipelineStageFlags2::PRE_RASTERIZATION_SHADERS.as_raw(),
);

/// A synchronization2 stage mask: known bits; 0 (NONE) is allowed.
fn check_stages2(name: &str, stages: vk::PipelineStageFlags2) -> VkResult<()> {
    if !KNOWN_STAGES2.contains(stages) {
        return refuse(name, format_args!("stage mask {stages:?}"));
    }
    Ok(())
}

/// A queue family index a barrier may name: softvk's one family, or a special value.
fn known_family(index: u32) -> bool {
    matches!(index, 0 | vk::QUEUE_FAMILY_IGNORED | vk::QUEUE_FAMILY_EXTERNAL | vk::QUEUE_FAMILY_FOREIGN_EXT)
}

/// The queue families of a barrier: equal indices (whatever their value) transfer no
/// ownership and are not checked (VUID-VkBufferMemoryBarrier-buffer-04089 applies only when
/// they differ); different ones must both be families or special values.
fn check_families(name: &str, src: u32, dst: u32) -> VkResult<()> {
    if src != dst && (!known_family(src) || !known_family(dst)) {
        return refuse(name, format_args!("queue families {src} -> {dst}"));
    }
    Ok(())
}

/// Layouts of core Vulkan 1.1 and of the extensions an application may know them from.
fn known_layout(layout: vk::ImageLayout) -> bool {
    use vk::ImageLayout as L;
    (0..=L::PREINITIALIZED.as_raw()).contains(&layout.as_raw())
        || [
            L::DEPTH_READ_ONLY_STENCIL_ATTACHMENT_OPTIMAL,
            L::DEPTH_ATTACHMENT_STENCIL_READ_ONLY_OPTIMAL,
            L::DEPTH_ATTACHMENT_OPTIMAL,
            L::DEPTH_READ_ONLY_OPTIMAL,
            L::STENCIL_ATTACHMENT_OPTIMAL,
            L::STENCIL_READ_ONLY_OPTIMAL,
            L::READ_ONLY_OPTIMAL,
            L::ATTACHMENT_OPTIMAL,
            L::PRESENT_SRC_KHR,
            L::SHARED_PRESENT_KHR,
        ]
        .contains(&layout)
}

/// What a buffer barrier names, in either form.
struct BufferRange {
    buffer: vk::Buffer,
    offset: u64,
    size: u64,
    families: (u32, u32),
}

/// `From` both forms of a barrier (Vulkan 1.0's and synchronization2's), which name the
/// same fields.
macro_rules! from_barriers {
    ($target:ident from $($source:ident),+ => |$b:ident| $body:expr) => {
        $(impl From<&vk::$source<'_>> for $target {
            fn from($b: &vk::$source<'_>) -> Self {
                $body
            }
        })+
    };
}

from_barriers!(BufferRange from BufferMemoryBarrier, BufferMemoryBarrier2 => |b| BufferRange {
    buffer: b.buffer,
    offset: b.offset,
    size: b.size,
    families: (b.src_queue_family_index, b.dst_queue_family_index),
});

fn check_buffer_barrier(name: &str, barrier: BufferRange) -> VkResult<()> {
    let buffer = object::<Buffer>(barrier.buffer)?;
    let (offset, size) = (barrier.offset, barrier.size);
    let inside = offset < buffer.size
        && (size == vk::WHOLE_SIZE || (size != 0 && offset.checked_add(size).is_some_and(|end| end <= buffer.size)));
    if !inside {
        return refuse(name, format_args!("a barrier on bytes {offset}+{size} of a {}-byte buffer", buffer.size));
    }
    check_families(name, barrier.families.0, barrier.families.1)
}

/// The levels or layers `base..base + count` (VK_REMAINING_* from the base on) exist.
fn fits(base: u32, count: u32, total: u32) -> bool {
    let count = if count == vk::REMAINING_MIP_LEVELS { total.saturating_sub(base) } else { count };
    count != 0 && u64::from(base) + u64::from(count) <= u64::from(total)
}

/// What an image barrier names, in either form.
struct ImageTransition {
    image: vk::Image,
    subresource_range: vk::ImageSubresourceRange,
    old_layout: vk::ImageLayout,
    new_layout: vk::ImageLayout,
    families: (u32, u32),
}

from_barriers!(ImageTransition from ImageMemoryBarrier, ImageMemoryBarrier2 => |b| ImageTransition {
    image: b.image,
    subresource_range: b.subresource_range,
    old_layout: b.old_layout,
    new_layout: b.new_layout,
    families: (b.src_queue_family_index, b.dst_queue_family_index),
});

fn check_image_barrier(name: &str, barrier: ImageTransition) -> VkResult<()> {
    let image = object::<Image>(barrier.image)?;
    let range = barrier.subresource_range;
    let shape = &image.layout.shape;
    if !fits(range.base_mip_level, range.level_count, shape.mip_levels) || !fits(range.base_array_layer, range.layer_count, shape.array_layers) {
        return refuse(name, format_args!("a barrier on {range:?} of an image of {} levels and {} layers", shape.mip_levels, shape.array_layers));
    }
    // VUID-VkImageMemoryBarrier-newLayout-01198: never back to UNDEFINED or PREINITIALIZED.
    let (old, new) = (barrier.old_layout, barrier.new_layout);
    if !known_layout(old) || !known_layout(new) || new == vk::ImageLayout::UNDEFINED || new == vk::ImageLayout::PREINITIALIZED {
        return refuse(name, format_args!("a transition from {old:?} to {new:?}"));
    }
    check_families(name, barrier.families.0, barrier.families.1)
}

/// The checks of vkCmdPipelineBarrier and vkCmdWaitEvents, which take the same arguments.
///
/// # Safety
/// The pointers hold their counts of structures (Vulkan's rule for both commands).
unsafe fn check_barriers(
    name: &str,
    cb: vk::CommandBuffer,
    stages: [vk::PipelineStageFlags; 2],
    buffer_barriers: (u32, *const vk::BufferMemoryBarrier<'_>),
    image_barriers: (u32, *const vk::ImageMemoryBarrier<'_>),
) -> VkResult<()> {
    let zero_allowed = crate::command_buffer::synchronization2(cb);
    stages.iter().try_for_each(|&s| check_stages(name, s, zero_allowed))?;
    read_slice(buffer_barriers.1, buffer_barriers.0).iter().try_for_each(|b| check_buffer_barrier(name, b.into()))?;
    read_slice(image_barriers.1, image_barriers.0).iter().try_for_each(|b| check_image_barrier(name, b.into()))
}

/// The checks of a VkDependencyInfo (vkCmdPipelineBarrier2, vkCmdSetEvent2,
/// vkCmdWaitEvents2): every barrier's stage masks and what it names.
///
/// # Safety
/// `info` is null or a valid VkDependencyInfo.
unsafe fn check_dependency(name: &str, info: *const vk::DependencyInfo<'_>) -> VkResult<()> {
    let info = read_in(info)?;
    for b in read_slice(info.p_memory_barriers, info.memory_barrier_count) {
        check_stages2(name, b.src_stage_mask)?;
        check_stages2(name, b.dst_stage_mask)?;
    }
    for b in read_slice(info.p_buffer_memory_barriers, info.buffer_memory_barrier_count) {
        check_stages2(name, b.src_stage_mask)?;
        check_stages2(name, b.dst_stage_mask)?;
        check_buffer_barrier(name, b.into())?;
    }
    for b in read_slice(info.p_image_memory_barriers, info.image_memory_barrier_count) {
        check_stages2(name, b.src_stage_mask)?;
        check_stages2(name, b.dst_stage_mask)?;
        check_image_barrier(name, b.into())?;
    }
    Ok(())
}

/// # Safety
/// Vulkan's rules for `vkCmdPipelineBarrier2`.
pub unsafe extern "system" fn cmd_pipeline_barrier2(cb: vk::CommandBuffer, p_dependency_info: *const vk::DependencyInfo<'_>) {
    record(cb, "vkCmdPipelineBarrier2", || {
        check_dependency("vkCmdPipelineBarrier2", p_dependency_info)?;
        Ok(Command::PipelineBarrier)
    })
}

/// # Safety
/// Vulkan's rules for `vkCmdSetEvent2`.
pub unsafe extern "system" fn cmd_set_event2(cb: vk::CommandBuffer, event: vk::Event, p_dependency_info: *const vk::DependencyInfo<'_>) {
    record(cb, "vkCmdSetEvent2", || {
        check_dependency("vkCmdSetEvent2", p_dependency_info)?;
        Ok(Command::SetEvent(object(event)?))
    })
}

/// # Safety
/// Vulkan's rules for `vkCmdResetEvent2`.
pub unsafe extern "system" fn cmd_reset_event2(cb: vk::CommandBuffer, event: vk::Event, stages: vk::PipelineStageFlags2) {
    record(cb, "vkCmdResetEvent2", || {
        check_stages2("vkCmdResetEvent2", stages)?;
        Ok(Command::ResetEvent(object(event)?))
    })
}

/// # Safety
/// Vulkan's rules for `vkCmdWaitEvents2`: one dependency info per event.
pub unsafe extern "system" fn cmd_wait_events2(
    cb: vk::CommandBuffer,
    count: u32,
    p_events: *const vk::Event,
    p_dependency_infos: *const vk::DependencyInfo<'_>,
) {
    record(cb, "vkCmdWaitEvents2", || {
        if count > 0 && p_dependency_infos.is_null() {
            return refuse("vkCmdWaitEvents2", format_args!("{count} events and no dependency infos"));
        }
        for k in 0..count as usize {
            check_dependency("vkCmdWaitEvents2", p_dependency_infos.add(k))?;
        }
        let events = read_slice(p_events, count).iter().map(|&e| object(e)).collect::<VkResult<Vec<_>>>()?;
        Ok(Command::WaitEvents(events))
    })
}

/// # Safety
/// Vulkan's rules for `vkCmdPipelineBarrier`.
#[allow(clippy::too_many_arguments)]
pub unsafe extern "system" fn cmd_pipeline_barrier(
    cb: vk::CommandBuffer,
    src_stages: vk::PipelineStageFlags,
    dst_stages: vk::PipelineStageFlags,
    _dependency_flags: vk::DependencyFlags,
    _memory_barrier_count: u32,
    _p_memory_barriers: *const vk::MemoryBarrier<'_>,
    buffer_barrier_count: u32,
    p_buffer_barriers: *const vk::BufferMemoryBarrier<'_>,
    image_barrier_count: u32,
    p_image_barriers: *const vk::ImageMemoryBarrier<'_>,
) {
    record(cb, "vkCmdPipelineBarrier", || {
        let (buffers, images) = ((buffer_barrier_count, p_buffer_barriers), (image_barrier_count, p_image_barriers));
        check_barriers("vkCmdPipelineBarrier", cb, [src_stages, dst_stages], buffers, images)?;
        Ok(Command::PipelineBarrier)
    })
}

/// # Safety
/// Vulkan's rules for `vkCmdSetEvent`.
pub unsafe extern "system" fn cmd_set_event(cb: vk::CommandBuffer, event: vk::Event, stages: vk::PipelineStageFlags) {
    record(cb, "vkCmdSetEvent", || {
        check_stages("vkCmdSetEvent", stages, crate::command_buffer::synchronization2(cb))?;
        Ok(Command::SetEvent(object(event)?))
    })
}

/// # Safety
/// Vulkan's rules for `vkCmdResetEvent`.
pub unsafe extern "system" fn cmd_reset_event(cb: vk::CommandBuffer, event: vk::Event, stages: vk::PipelineStageFlags) {
    record(cb, "vkCmdResetEvent", || {
        check_stages("vkCmdResetEvent", stages, crate::command_buffer::synchronization2(cb))?;
        Ok(Command::ResetEvent(object(event)?))
    })
}

/// # Safety
/// Vulkan's rules for `vkCmdWaitEvents`.
#[allow(clippy::too_many_arguments)]
pub unsafe extern "system" fn cmd_wait_events(
    cb: vk::CommandBuffer,
    count: u32,
    p_events: *const vk::Event,
    src_stages: vk::PipelineStageFlags,
    dst_stages: vk::PipelineStageFlags,
    _memory_barrier_count: u32,
    _p_memory_barriers: *const vk::MemoryBarrier<'_>,
    buffer_barrier_count: u32,
    p_buffer_barriers: *const vk::BufferMemoryBarrier<'_>,
    image_barrier_count: u32,
    p_image_barriers: *const vk::ImageMemoryBarrier<'_>,
) {
    record(cb, "vkCmdWaitEvents", || {
        let (buffers, images) = ((buffer_barrier_count, p_buffer_barriers), (image_barrier_count, p_image_barriers));
        check_barriers("vkCmdWaitEvents", cb, [src_stages, dst_stages], buffers, images)?;
        let events = read_slice(p_events, count).iter().map(|&e| object(e)).collect::<VkResult<Vec<_>>>()?;
        Ok(Command::WaitEvents(events))
    })
}
