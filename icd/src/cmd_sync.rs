//! Recording of the synchronization commands: barriers and events.
//!
//! Commands execute in order on one thread, so a barrier has nothing to do; its arguments
//! are still checked when it is recorded (stage masks, the resources and ranges of buffer
//! and image barriers, layouts, queue families), and a barrier that names something that
//! does not exist is a sticky error, as it would be a fault on a GPU.

use crate::command_buffer::{object, record};
use crate::commands::Command;
use crate::entry::{read_slice, VkResult, INVALID_USAGE};
use crate::resources::{Buffer, Image};
use ash::vk;

/// The pipeline stages of core Vulkan 1.1 (TOP_OF_PIPE through ALL_COMMANDS): the others
/// belong to extensions softvk does not offer.
const KNOWN_STAGES: vk::PipelineStageFlags = vk::PipelineStageFlags::from_raw(0x1ffff);

fn refuse<T>(name: &str, why: std::fmt::Arguments) -> VkResult<T> {
    tracing::error!("{name}: {why}");
    Err(INVALID_USAGE)
}

/// VUID-vkCmdPipelineBarrier-srcStageMask-03937 (not 0 without synchronization2) and
/// -parameter (known bits).
fn check_stages(name: &str, stages: vk::PipelineStageFlags) -> VkResult<()> {
    if stages.is_empty() || !KNOWN_STAGES.contains(stages) {
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

fn check_buffer_barrier(name: &str, barrier: &vk::BufferMemoryBarrier<'_>) -> VkResult<()> {
    let buffer = object::<Buffer>(barrier.buffer)?;
    let (offset, size) = (barrier.offset, barrier.size);
    let inside = offset < buffer.size
        && (size == vk::WHOLE_SIZE || (size != 0 && offset.checked_add(size).is_some_and(|end| end <= buffer.size)));
    if !inside {
        return refuse(name, format_args!("a barrier on bytes {offset}+{size} of a {}-byte buffer", buffer.size));
    }
    check_families(name, barrier.src_queue_family_index, barrier.dst_queue_family_index)
}

/// The levels or layers `base..base + count` (VK_REMAINING_* from the base on) exist.
fn fits(base: u32, count: u32, total: u32) -> bool {
    let count = if count == vk::REMAINING_MIP_LEVELS { total.saturating_sub(base) } else { count };
    count != 0 && u64::from(base) + u64::from(count) <= u64::from(total)
}

fn check_image_barrier(name: &str, barrier: &vk::ImageMemoryBarrier<'_>) -> VkResult<()> {
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
    check_families(name, barrier.src_queue_family_index, barrier.dst_queue_family_index)
}

/// The checks of vkCmdPipelineBarrier and vkCmdWaitEvents, which take the same arguments.
///
/// # Safety
/// The pointers hold their counts of structures (Vulkan's rule for both commands).
unsafe fn check_barriers(
    name: &str,
    stages: [vk::PipelineStageFlags; 2],
    buffer_barriers: (u32, *const vk::BufferMemoryBarrier<'_>),
    image_barriers: (u32, *const vk::ImageMemoryBarrier<'_>),
) -> VkResult<()> {
    stages.iter().try_for_each(|&s| check_stages(name, s))?;
    read_slice(buffer_barriers.1, buffer_barriers.0).iter().try_for_each(|b| check_buffer_barrier(name, b))?;
    read_slice(image_barriers.1, image_barriers.0).iter().try_for_each(|b| check_image_barrier(name, b))
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
        check_barriers("vkCmdPipelineBarrier", [src_stages, dst_stages], buffers, images)?;
        Ok(Command::PipelineBarrier)
    })
}

/// # Safety
/// Vulkan's rules for `vkCmdSetEvent`.
pub unsafe extern "system" fn cmd_set_event(cb: vk::CommandBuffer, event: vk::Event, stages: vk::PipelineStageFlags) {
    record(cb, "vkCmdSetEvent", || {
        check_stages("vkCmdSetEvent", stages)?;
        Ok(Command::SetEvent(object(event)?))
    })
}

/// # Safety
/// Vulkan's rules for `vkCmdResetEvent`.
pub unsafe extern "system" fn cmd_reset_event(cb: vk::CommandBuffer, event: vk::Event, stages: vk::PipelineStageFlags) {
    record(cb, "vkCmdResetEvent", || {
        check_stages("vkCmdResetEvent", stages)?;
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
        check_barriers("vkCmdWaitEvents", [src_stages, dst_stages], buffers, images)?;
        let events = read_slice(p_events, count).iter().map(|&e| object(e)).collect::<VkResult<Vec<_>>>()?;
        Ok(Command::WaitEvents(events))
    })
}
