//! Image views, buffer views and samplers. They keep their create info for the shader
//! issues that will read them.

use super::{Buffer, Image};
use crate::entry::{guard, guard_void, read_in, write_out};
use crate::handles::{get, new_handle, release, Object};
use ash::vk;
use std::sync::Arc;

/// Views and samplers keep their create info for the shader issues that will read them.
#[derive(Debug)]
pub struct ImageView {
    pub image: Arc<Image>,
    pub view_type: vk::ImageViewType,
    pub format: vk::Format,
    pub components: vk::ComponentMapping,
    pub range: vk::ImageSubresourceRange,
}

impl Object for ImageView {
    type Handle = vk::ImageView;
}

#[derive(Debug)]
pub struct BufferView {
    pub buffer: Arc<Buffer>,
    pub format: vk::Format,
    pub offset: u64,
    pub range: u64,
}

impl Object for BufferView {
    type Handle = vk::BufferView;
}

#[derive(Debug)]
pub struct Sampler {
    pub mag_filter: vk::Filter,
    pub min_filter: vk::Filter,
    pub mipmap_mode: vk::SamplerMipmapMode,
    pub address_modes: [vk::SamplerAddressMode; 3],
    pub mip_lod_bias: f32,
    pub compare: Option<vk::CompareOp>,
    pub lod_range: [f32; 2],
    pub border_color: vk::BorderColor,
    pub unnormalized_coordinates: bool,
}

impl Object for Sampler {
    type Handle = vk::Sampler;
}

/// # Safety
/// Vulkan's rules for `vkCreateImageView`.
pub unsafe extern "system" fn create_image_view(
    _device: vk::Device,
    p_create_info: *const vk::ImageViewCreateInfo<'_>,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
    p_view: *mut vk::ImageView,
) -> vk::Result {
    guard("vkCreateImageView", || {
        let info = read_in(p_create_info)?;
        let image = get::<Image>(info.image)?;
        if rasterizer::format::describe(info.format).is_none() {
            return Err(crate::entry::INVALID_USAGE);
        }
        let view = ImageView {
            image,
            view_type: info.view_type,
            format: info.format,
            components: info.components,
            range: info.subresource_range,
        };
        write_out(p_view, new_handle(Arc::new(view)))?;
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkDestroyImageView`.
pub unsafe extern "system" fn destroy_image_view(
    _device: vk::Device,
    view: vk::ImageView,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
) {
    guard_void("vkDestroyImageView", || {
        release::<ImageView>(view);
    })
}

/// # Safety
/// Vulkan's rules for `vkCreateBufferView`.
pub unsafe extern "system" fn create_buffer_view(
    _device: vk::Device,
    p_create_info: *const vk::BufferViewCreateInfo<'_>,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
    p_view: *mut vk::BufferView,
) -> vk::Result {
    guard("vkCreateBufferView", || {
        let info = read_in(p_create_info)?;
        let buffer = get::<Buffer>(info.buffer)?;
        // spec: VK_WHOLE_SIZE is the rest of the buffer rounded down to whole texels.
        let texel = rasterizer::format::describe(info.format).map_or(1, |d| u64::from(d.block_bytes.max(1)));
        let range = if info.range == vk::WHOLE_SIZE {
            buffer.size.saturating_sub(info.offset) / texel * texel
        } else {
            info.range
        };
        let view = BufferView { buffer, format: info.format, offset: info.offset, range };
        write_out(p_view, new_handle(Arc::new(view)))?;
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkDestroyBufferView`.
pub unsafe extern "system" fn destroy_buffer_view(
    _device: vk::Device,
    view: vk::BufferView,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
) {
    guard_void("vkDestroyBufferView", || {
        release::<BufferView>(view);
    })
}

/// # Safety
/// Vulkan's rules for `vkCreateSampler`.
pub unsafe extern "system" fn create_sampler(
    _device: vk::Device,
    p_create_info: *const vk::SamplerCreateInfo<'_>,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
    p_sampler: *mut vk::Sampler,
) -> vk::Result {
    guard("vkCreateSampler", || {
        let info = read_in(p_create_info)?;
        let sampler = Sampler {
            mag_filter: info.mag_filter,
            min_filter: info.min_filter,
            mipmap_mode: info.mipmap_mode,
            address_modes: [info.address_mode_u, info.address_mode_v, info.address_mode_w],
            mip_lod_bias: info.mip_lod_bias,
            compare: (info.compare_enable != 0).then_some(info.compare_op),
            lod_range: [info.min_lod, info.max_lod],
            border_color: info.border_color,
            unnormalized_coordinates: info.unnormalized_coordinates != 0,
        };
        write_out(p_sampler, new_handle(Arc::new(sampler)))?;
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkDestroySampler`.
pub unsafe extern "system" fn destroy_sampler(
    _device: vk::Device,
    sampler: vk::Sampler,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
) {
    guard_void("vkDestroySampler", || {
        release::<Sampler>(sampler);
    })
}
