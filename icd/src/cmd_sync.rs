//! Recording of the synchronization commands: barriers and events.

use crate::command_buffer::{object, record};
use crate::commands::Command;
use crate::entry::{read_slice, VkResult};
use ash::vk;

/// # Safety
/// Vulkan's rules for `vkCmdPipelineBarrier`.
#[allow(clippy::too_many_arguments)]
pub unsafe extern "system" fn cmd_pipeline_barrier(
    cb: vk::CommandBuffer,
    _src_stages: vk::PipelineStageFlags,
    _dst_stages: vk::PipelineStageFlags,
    _dependency_flags: vk::DependencyFlags,
    _memory_barrier_count: u32,
    _p_memory_barriers: *const vk::MemoryBarrier<'_>,
    _buffer_barrier_count: u32,
    _p_buffer_barriers: *const vk::BufferMemoryBarrier<'_>,
    _image_barrier_count: u32,
    _p_image_barriers: *const vk::ImageMemoryBarrier<'_>,
) {
    record(cb, "vkCmdPipelineBarrier", || Ok(Command::PipelineBarrier))
}

/// # Safety
/// Vulkan's rules for `vkCmdSetEvent`.
pub unsafe extern "system" fn cmd_set_event(cb: vk::CommandBuffer, event: vk::Event, _stages: vk::PipelineStageFlags) {
    record(cb, "vkCmdSetEvent", || Ok(Command::SetEvent(object(event)?)))
}

/// # Safety
/// Vulkan's rules for `vkCmdResetEvent`.
pub unsafe extern "system" fn cmd_reset_event(
    cb: vk::CommandBuffer,
    event: vk::Event,
    _stages: vk::PipelineStageFlags,
) {
    record(cb, "vkCmdResetEvent", || Ok(Command::ResetEvent(object(event)?)))
}

/// # Safety
/// Vulkan's rules for `vkCmdWaitEvents`.
#[allow(clippy::too_many_arguments)]
pub unsafe extern "system" fn cmd_wait_events(
    cb: vk::CommandBuffer,
    count: u32,
    p_events: *const vk::Event,
    _src_stages: vk::PipelineStageFlags,
    _dst_stages: vk::PipelineStageFlags,
    _memory_barrier_count: u32,
    _p_memory_barriers: *const vk::MemoryBarrier<'_>,
    _buffer_barrier_count: u32,
    _p_buffer_barriers: *const vk::BufferMemoryBarrier<'_>,
    _image_barrier_count: u32,
    _p_image_barriers: *const vk::ImageMemoryBarrier<'_>,
) {
    record(cb, "vkCmdWaitEvents", || {
        let events = read_slice(p_events, count).iter().map(|&e| object(e)).collect::<VkResult<Vec<_>>>()?;
        Ok(Command::WaitEvents(events))
    })
}
