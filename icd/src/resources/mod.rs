//! Buffers, images, their views and samplers: the objects commands read and write.
//!
//! A buffer or image is a shape plus, once bound, a place in a `DeviceMemory`. Images use
//! the linear layout of `rasterizer::layout` for every tiling, so
//! `vkGetImageSubresourceLayout` can answer for all of them.
//!
//! `buffer` and `image` hold the two kinds of resource and their entry points, `views` the
//! image views, buffer views and samplers; what binding memory means is here.

mod buffer;
mod image;
mod views;

pub use buffer::*;
pub use image::*;
pub use views::*;

use crate::entry::VkResult;
use crate::handles::get;
use crate::memory::DeviceMemory;
use crate::pnext;
use ash::vk;
use std::sync::{Arc, OnceLock};

/// Alignment of every buffer and image in memory. 64 bytes keeps rows of large images on
/// cache-line boundaries, which the kernels like.
pub const RESOURCE_ALIGNMENT: u64 = 64;

/// Where a resource lives once `vkBind*Memory` has run.
#[derive(Debug)]
pub struct Binding {
    pub memory: Arc<DeviceMemory>,
    pub offset: u64,
}

/// softvk never needs a dedicated allocation, and never prefers one.
pub(super) unsafe fn fill_requirements2(out: &mut vk::MemoryRequirements2<'_>, requirements: vk::MemoryRequirements) {
    out.memory_requirements = requirements;
    pnext::for_each_out(out.p_next, |s_type, ptr| {
        if s_type == vk::StructureType::MEMORY_DEDICATED_REQUIREMENTS {
            pnext::fill(
                ptr,
                vk::MemoryDedicatedRequirements {
                    prefers_dedicated_allocation: vk::FALSE,
                    requires_dedicated_allocation: vk::FALSE,
                    ..Default::default()
                },
            );
        }
    });
}

pub(super) fn bind(
    binding: &OnceLock<Binding>,
    memory: vk::DeviceMemory,
    offset: u64,
    required: vk::MemoryRequirements,
) -> VkResult<()> {
    // SAFETY: the application passes a live memory handle.
    let memory = unsafe { get::<DeviceMemory>(memory)? };
    if !offset.is_multiple_of(required.alignment)
        || offset.checked_add(required.size).is_none_or(|end| end > memory.size)
    {
        tracing::error!(
            "bind at offset {offset}: {} bytes do not fit a {}-byte allocation (or misaligned)",
            required.size,
            memory.size
        );
        return Err(vk::Result::ERROR_OUT_OF_DEVICE_MEMORY);
    }
    binding.set(Binding { memory, offset }).map_err(|_| {
        tracing::error!("resource is already bound to memory");
        crate::entry::INVALID_USAGE
    })
}
