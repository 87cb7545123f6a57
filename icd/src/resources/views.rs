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
        check_image_view(&image, info).map_err(|why| {
            tracing::error!("vkCreateImageView: {why}");
            crate::entry::INVALID_USAGE
        })?;
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

/// Whether `view_type` can view an image of `image_type` made with `flags` (spec: "Image
/// and Image View Parameter Compatibility Requirements"): cubes and cube arrays view
/// cube-compatible 2D images.
fn view_type_fits(view_type: vk::ImageViewType, image_type: vk::ImageType, flags: vk::ImageCreateFlags) -> bool {
    type V = vk::ImageViewType;
    match image_type {
        vk::ImageType::TYPE_1D => matches!(view_type, V::TYPE_1D | V::TYPE_1D_ARRAY),
        vk::ImageType::TYPE_2D => {
            matches!(view_type, V::TYPE_2D | V::TYPE_2D_ARRAY)
                || (matches!(view_type, V::CUBE | V::CUBE_ARRAY) && flags.contains(vk::ImageCreateFlags::CUBE_COMPATIBLE))
        }
        vk::ImageType::TYPE_3D => {
            view_type == V::TYPE_3D
                || (matches!(view_type, V::TYPE_2D | V::TYPE_2D_ARRAY)
                    && flags.contains(vk::ImageCreateFlags::TYPE_2D_ARRAY_COMPATIBLE))
        }
        _ => false,
    }
}

/// The first and count of a subresource range's levels or layers, resolving
/// VK_REMAINING_*: an error unless `base..base + count` is a non-empty part of `0..total`.
fn sub_range(base: u32, count: u32, total: u32, what: &str) -> Result<(u32, u32), String> {
    let count = if count == vk::REMAINING_MIP_LEVELS { total.saturating_sub(base) } else { count };
    if count == 0 || u64::from(base) + u64::from(count) > u64::from(total) {
        return Err(format!("{what} {base}+{count} of an image with {total}"));
    }
    Ok((base, count))
}

/// Checks a view against its image (VUIDs of VkImageViewCreateInfo): the image is bound,
/// the range lies in the image, the aspects are the format's, the format is the image's
/// (or, with MUTABLE_FORMAT, of its size class), the view type fits the image type and the
/// layer count, and the swizzles exist.
fn check_image_view(image: &Image, info: &vk::ImageViewCreateInfo<'_>) -> Result<(), String> {
    use rasterizer::format::{copy_compatible, describe};
    if image.binding.get().is_none() {
        return Err("the image has no memory bound".into());
    }
    let Some(format) = describe(info.format) else { return Err(format!("format {:?} is not supported", info.format)) };
    let mutable = image.flags.contains(vk::ImageCreateFlags::MUTABLE_FORMAT);
    if info.format != image.format() && !(mutable && copy_compatible(info.format, image.format())) {
        return Err(format!("a {:?} view of a {:?} image (MUTABLE_FORMAT: {mutable})", info.format, image.format()));
    }
    let range = info.subresource_range;
    let aspects = range.aspect_mask;
    let color = vk::ImageAspectFlags::COLOR;
    let valid_aspects = if format.is_depth_stencil() { !aspects.is_empty() && format.aspects.contains(aspects) } else { aspects == color };
    if !valid_aspects {
        return Err(format!("aspects {aspects:?} of a {:?} view", info.format));
    }
    let shape = &image.layout.shape;
    sub_range(range.base_mip_level, range.level_count, shape.mip_levels, "levels")?;
    let (_, layers) = sub_range(range.base_array_layer, range.layer_count, shape.array_layers, "layers")?;
    if !view_type_fits(info.view_type, image.image_type, image.flags) {
        return Err(format!("a {:?} view of a {:?} image (flags {:?})", info.view_type, image.image_type, image.flags));
    }
    let layers_fit = match info.view_type {
        vk::ImageViewType::TYPE_1D | vk::ImageViewType::TYPE_2D | vk::ImageViewType::TYPE_3D => layers == 1,
        vk::ImageViewType::CUBE => layers == 6,
        vk::ImageViewType::CUBE_ARRAY => layers % 6 == 0,
        _ => true,
    };
    if !layers_fit {
        return Err(format!("{layers} layers in a {:?} view", info.view_type));
    }
    let c = info.components;
    let swizzle_exists = |s: vk::ComponentSwizzle| (0..=vk::ComponentSwizzle::A.as_raw()).contains(&s.as_raw());
    if ![c.r, c.g, c.b, c.a].into_iter().all(swizzle_exists) {
        return Err(format!("components {c:?}"));
    }
    Ok(())
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
        let range = texel_buffer_range(&buffer, info).map_err(|why| {
            tracing::error!("vkCreateBufferView: {why}");
            crate::entry::INVALID_USAGE
        })?;
        let view = BufferView { buffer, format: info.format, offset: info.offset, range };
        write_out(p_view, new_handle(Arc::new(view)))?;
        Ok(vk::Result::SUCCESS)
    })
}

/// The bytes a texel buffer view covers, once its create info is checked against the
/// buffer (VUIDs of VkBufferViewCreateInfo): the buffer is bound and has a texel-buffer
/// usage, the format is one softvk reads in texel buffers, the offset is aligned and inside
/// the buffer, and the range is whole texels, inside the buffer, at most
/// maxTexelBufferElements of them. spec: VK_WHOLE_SIZE is the rest of the buffer rounded
/// down to whole texels.
fn texel_buffer_range(buffer: &Buffer, info: &vk::BufferViewCreateInfo<'_>) -> Result<u64, String> {
    type F = vk::FormatFeatureFlags;
    if buffer.binding.get().is_none() {
        return Err("the buffer has no memory bound".into());
    }
    let texel_usage = vk::BufferUsageFlags::UNIFORM_TEXEL_BUFFER | vk::BufferUsageFlags::STORAGE_TEXEL_BUFFER;
    if !buffer.usage.intersects(texel_usage) {
        return Err(format!("a buffer of usage {:?} has no texel-buffer usage", buffer.usage));
    }
    let features = rasterizer::format::properties(info.format).buffer_features;
    let Some(format) = rasterizer::format::describe(info.format).filter(|_| features.intersects(F::UNIFORM_TEXEL_BUFFER | F::STORAGE_TEXEL_BUFFER))
    else {
        return Err(format!("{:?} is not a texel-buffer format", info.format));
    };
    let alignment = crate::physical_device::limits().min_texel_buffer_offset_alignment;
    if info.offset >= buffer.size || !info.offset.is_multiple_of(alignment) {
        return Err(format!("offset {} of a {}-byte buffer (alignment {alignment})", info.offset, buffer.size));
    }
    let texel = u64::from(format.block_bytes.max(1));
    let left = buffer.size - info.offset;
    let range = if info.range == vk::WHOLE_SIZE { left / texel * texel } else { info.range };
    if range == 0 || !range.is_multiple_of(texel) || range > left {
        return Err(format!("range {} at offset {} of a {}-byte buffer of {texel}-byte texels", info.range, info.offset, buffer.size));
    }
    let max = u64::from(crate::physical_device::limits().max_texel_buffer_elements);
    if range / texel > max {
        return Err(format!("{} texels (maxTexelBufferElements {max})", range / texel));
    }
    Ok(range)
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
        check_sampler(info).map_err(|why| {
            tracing::error!("vkCreateSampler: {why}");
            crate::entry::INVALID_USAGE
        })?;
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

/// Checks a sampler create info (VUIDs of VkSamplerCreateInfo): enums that exist (filters
/// NEAREST and LINEAR only: no cubic filtering), finite level-of-detail values in order,
/// a bias within maxSamplerLodBias, no anisotropy (softvk has no samplerAnisotropy), no
/// flags, and the restrictions of unnormalized coordinates.
fn check_sampler(info: &vk::SamplerCreateInfo<'_>) -> Result<(), String> {
    type A = vk::SamplerAddressMode;
    let filter_exists = |f: vk::Filter| f == vk::Filter::NEAREST || f == vk::Filter::LINEAR;
    if !filter_exists(info.mag_filter) || !filter_exists(info.min_filter) {
        return Err(format!("filters {:?} / {:?}", info.mag_filter, info.min_filter));
    }
    if info.mipmap_mode != vk::SamplerMipmapMode::NEAREST && info.mipmap_mode != vk::SamplerMipmapMode::LINEAR {
        return Err(format!("mipmap mode {:?}", info.mipmap_mode));
    }
    let modes = [info.address_mode_u, info.address_mode_v, info.address_mode_w];
    if !modes.iter().all(|m| (A::REPEAT.as_raw()..=A::MIRROR_CLAMP_TO_EDGE.as_raw()).contains(&m.as_raw())) {
        return Err(format!("address modes {modes:?}"));
    }
    let border_exists = (0..=vk::BorderColor::INT_OPAQUE_WHITE.as_raw()).contains(&info.border_color.as_raw());
    if modes.contains(&A::CLAMP_TO_BORDER) && !border_exists {
        return Err(format!("border colour {:?}", info.border_color));
    }
    let compare_exists = (0..=vk::CompareOp::ALWAYS.as_raw()).contains(&info.compare_op.as_raw());
    if info.compare_enable != 0 && !compare_exists {
        return Err(format!("compare op {:?}", info.compare_op));
    }
    let max_bias = crate::physical_device::limits().max_sampler_lod_bias;
    if !info.min_lod.is_finite() || info.max_lod.is_nan() || info.max_lod < info.min_lod || !(info.mip_lod_bias.abs() <= max_bias) {
        return Err(format!("lod {}..{} with bias {} (|bias| <= {max_bias})", info.min_lod, info.max_lod, info.mip_lod_bias));
    }
    if info.anisotropy_enable != 0 {
        return Err(format!("anisotropy {} without the samplerAnisotropy feature", info.max_anisotropy));
    }
    if !info.flags.is_empty() {
        return Err(format!("flags {:?}", info.flags));
    }
    if info.unnormalized_coordinates != 0 {
        let clamped = |m: A| m == A::CLAMP_TO_EDGE || m == A::CLAMP_TO_BORDER;
        if info.min_filter != info.mag_filter
            || info.mipmap_mode != vk::SamplerMipmapMode::NEAREST
            || info.min_lod != 0.0
            || info.max_lod != 0.0
            || !clamped(info.address_mode_u)
            || !clamped(info.address_mode_v)
            || info.compare_enable != 0
        {
            return Err("unnormalized coordinates need one filter, NEAREST mipmaps, lod 0 and clamped u, v".into());
        }
    }
    Ok(())
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
