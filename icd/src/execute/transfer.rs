//! Transfer commands on the queue thread: the step from Vulkan regions to the
//! `rasterizer` kernels' strided boxes.
//!
//! Each function resolves where the bytes are (buffer binding + offset, image binding +
//! `ImageLayout` subresource), checks every region against the resource it names (a bad
//! region is logged and skipped, never a crash), and calls `copy_rows`, `clear_rows`,
//! `fill_u32` or `blit`.

use crate::resources::{Buffer, Image};
use ash::vk;
use rasterizer::blit::{blit, BlitRegion, BlitSurface};
use rasterizer::copy::{copy_bytes, copy_rows, Extent, Rows};
use rasterizer::texel::{self, ClearColor, TexelCodec, ValueClass};
use rasterizer::{MemoryView, SubresourceLayout};

/// The single-aspect bits of an aspect mask, in plane order.
fn aspects(mask: vk::ImageAspectFlags) -> impl Iterator<Item = vk::ImageAspectFlags> {
    [vk::ImageAspectFlags::COLOR, vk::ImageAspectFlags::DEPTH, vk::ImageAspectFlags::STENCIL]
        .into_iter()
        .filter(move |a| mask.contains(*a))
}

/// How many of `count` layers from `base` exist in the image: loops over an
/// application's counts never run past the image (a huge count is invalid, not a hang).
fn layer_count(image: &Image, base: u32, count: u32) -> u32 {
    count.min(image.layout.shape.array_layers.saturating_sub(base))
}

/// The memory of a bound image and one subresource's layout, with its offset made
/// absolute within that memory.
fn subresource(
    image: &Image,
    aspect: vk::ImageAspectFlags,
    level: u32,
    layer: u32,
) -> Option<(MemoryView, SubresourceLayout)> {
    let (memory, base) = image.memory()?;
    let Some(mut sub) = image.layout.subresource(aspect, level, layer) else {
        tracing::error!("image has no subresource aspect {aspect:?} level {level} layer {layer}");
        return None;
    };
    sub.offset += base;
    Some((memory, sub))
}

/// The rows of a box starting at texel `offset` of a subresource.
fn image_rows(sub: &SubresourceLayout, offset: vk::Offset3D) -> Rows {
    let x = offset.x.max(0) as u64 / u64::from(sub.block_width);
    let y = offset.y.max(0) as u64 / u64::from(sub.block_height);
    Rows {
        offset: sub.offset
            + offset.z.max(0) as u64 * sub.depth_pitch
            + y * sub.row_pitch
            + x * u64::from(sub.block_bytes),
        row_pitch: sub.row_pitch,
        slice_pitch: sub.depth_pitch,
    }
}

/// The box of texel blocks covering `extent` texels.
fn block_extent(sub: &SubresourceLayout, extent: vk::Extent3D, slices: u32) -> Extent {
    Extent {
        row_bytes: u64::from(extent.width.div_ceil(sub.block_width)) * u64::from(sub.block_bytes),
        rows: extent.height.div_ceil(sub.block_height),
        slices,
    }
}

/// Whether a box of `extent` at `offset` (z range `depth`) lies inside a subresource.
/// For block-compressed formats the box is checked in whole blocks: its offset must sit
/// on a block boundary, and it may run into the partial block at the subresource's edge
/// (spec: "Copying Data Between Images", extents of compressed images).
fn box_fits(sub: &SubresourceLayout, offset: vk::Offset3D, extent: vk::Extent3D, depth: u32) -> bool {
    let fits = |o: i32, e: u32, limit: u32, block: u32| {
        let block = u64::from(block.max(1));
        o >= 0
            && (o as u64).is_multiple_of(block)
            && (o as u64 + u64::from(e)).div_ceil(block) <= u64::from(limit).div_ceil(block)
    };
    fits(offset.x, extent.width, sub.extent.width, sub.block_width)
        && fits(offset.y, extent.height, sub.extent.height, sub.block_height)
        && fits(offset.z, depth, sub.extent.depth, 1)
}

/// The last byte a box touches, relative to its `Rows::offset`, plus one.
fn box_span(rows: &Rows, extent: &Extent) -> u64 {
    if extent.rows == 0 || extent.slices == 0 {
        return 0;
    }
    u64::from(extent.slices - 1) * rows.slice_pitch + u64::from(extent.rows - 1) * rows.row_pitch + extent.row_bytes
}

/// The memory of a bound buffer and the absolute offset of `offset` in it, if
/// `offset..offset+size` lies inside the buffer.
fn buffer_range(buffer: &Buffer, offset: u64, size: u64) -> Option<(MemoryView, u64)> {
    if offset.checked_add(size).is_none_or(|end| end > buffer.size) {
        tracing::error!("range {offset}+{size} is outside a {}-byte buffer; skipped", buffer.size);
        return None;
    }
    let (memory, base) = buffer.memory()?;
    Some((memory, base + offset))
}

pub fn copy_buffer(src: &Buffer, dst: &Buffer, regions: &[vk::BufferCopy]) {
    for region in regions {
        let (Some((from, src_at)), Some((to, dst_at))) =
            (buffer_range(src, region.src_offset, region.size), buffer_range(dst, region.dst_offset, region.size))
        else {
            continue;
        };
        if copy_bytes(from, src_at, to, dst_at, region.size).is_err() {
            tracing::error!("vkCmdCopyBuffer: region {region:?} is outside the memory; skipped");
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    BufferToImage,
    ImageToBuffer,
}

fn copy_buffer_image(buffer: &Buffer, image: &Image, regions: &[vk::BufferImageCopy], direction: Direction) {
    let is_3d = image.image_type == vk::ImageType::TYPE_3D;
    for region in regions {
        let res = region.image_subresource;
        for aspect in aspects(res.aspect_mask) {
            for layer in 0..layer_count(image, res.base_array_layer, res.layer_count) {
                let Some((image_memory, sub)) = subresource(image, aspect, res.mip_level, res.base_array_layer + layer)
                else {
                    continue;
                };
                let depth = if is_3d { region.image_extent.depth } else { 1 };
                if !box_fits(&sub, region.image_offset, region.image_extent, depth) {
                    tracing::error!(
                        "buffer/image copy region {region:?} is outside the image level {:?}; skipped",
                        sub.extent
                    );
                    continue;
                }
                let row_length =
                    if region.buffer_row_length == 0 { region.image_extent.width } else { region.buffer_row_length };
                let image_height = if region.buffer_image_height == 0 {
                    region.image_extent.height
                } else {
                    region.buffer_image_height
                };
                let buffer_row_pitch = u64::from(row_length.div_ceil(sub.block_width)) * u64::from(sub.block_bytes);
                let buffer_slice_pitch = u64::from(image_height.div_ceil(sub.block_height)) * buffer_row_pitch;
                let extent = block_extent(&sub, region.image_extent, depth);
                let buffer_offset = region.buffer_offset + u64::from(layer) * buffer_slice_pitch * u64::from(depth);
                let buffer_rows = Rows { offset: 0, row_pitch: buffer_row_pitch, slice_pitch: buffer_slice_pitch };
                let Some((buffer_memory, buffer_at)) =
                    buffer_range(buffer, buffer_offset, box_span(&buffer_rows, &extent))
                else {
                    continue;
                };
                let buffer_rows = Rows { offset: buffer_at, ..buffer_rows };
                let image_rows = image_rows(&sub, region.image_offset);
                let result = match direction {
                    Direction::BufferToImage => copy_rows(buffer_memory, buffer_rows, image_memory, image_rows, extent),
                    Direction::ImageToBuffer => copy_rows(image_memory, image_rows, buffer_memory, buffer_rows, extent),
                };
                if result.is_err() {
                    tracing::error!("buffer/image copy region {region:?} is outside the memory; skipped");
                }
            }
        }
    }
}

pub fn copy_buffer_to_image(src: &Buffer, dst: &Image, regions: &[vk::BufferImageCopy]) {
    copy_buffer_image(src, dst, regions, Direction::BufferToImage)
}

pub fn copy_image_to_buffer(src: &Image, dst: &Buffer, regions: &[vk::BufferImageCopy]) {
    copy_buffer_image(dst, src, regions, Direction::ImageToBuffer)
}

/// `vkCmdCopyImage`. 2D array layers and 3D slices are interchangeable (VK_KHR_maintenance1,
/// core in 1.1): slice `s` of the copy is layer `base + s` of an array image or depth
/// `z + s` of a 3D image, on either side.
pub fn copy_image(src: &Image, dst: &Image, regions: &[vk::ImageCopy]) {
    let src_3d = src.image_type == vk::ImageType::TYPE_3D;
    let dst_3d = dst.image_type == vk::ImageType::TYPE_3D;
    for region in regions {
        let (s, d) = (region.src_subresource, region.dst_subresource);
        let slices = if src_3d {
            region.extent.depth.min(src.extent().depth)
        } else {
            layer_count(src, s.base_array_layer, s.layer_count)
        };
        let flat = vk::Extent3D { depth: 1, ..region.extent };
        for (src_aspect, dst_aspect) in aspects(s.aspect_mask).zip(aspects(d.aspect_mask)) {
            for slice in 0..slices {
                let (src_layer, src_z) = if src_3d {
                    (s.base_array_layer, region.src_offset.z + slice as i32)
                } else {
                    (s.base_array_layer + slice, 0)
                };
                let (dst_layer, dst_z) = if dst_3d {
                    (d.base_array_layer, region.dst_offset.z + slice as i32)
                } else {
                    (d.base_array_layer + slice, 0)
                };
                let (Some((from, src_sub)), Some((to, dst_sub))) = (
                    subresource(src, src_aspect, s.mip_level, src_layer),
                    subresource(dst, dst_aspect, d.mip_level, dst_layer),
                ) else {
                    continue;
                };
                let src_offset = vk::Offset3D { z: src_z, ..region.src_offset };
                let dst_offset = vk::Offset3D { z: dst_z, ..region.dst_offset };
                // The extent is in source texels; between a compressed and an uncompressed
                // format one source block is one destination texel (or the reverse).
                let dst_flat = vk::Extent3D {
                    width: flat.width.div_ceil(src_sub.block_width) * dst_sub.block_width,
                    height: flat.height.div_ceil(src_sub.block_height) * dst_sub.block_height,
                    depth: 1,
                };
                if !box_fits(&src_sub, src_offset, flat, 1)
                    || !box_fits(&dst_sub, dst_offset, dst_flat, 1)
                    || src_sub.block_bytes != dst_sub.block_bytes
                {
                    tracing::error!("vkCmdCopyImage: region {region:?} does not fit the images (or their texel sizes differ); skipped");
                    continue;
                }
                if copy_rows(
                    from,
                    image_rows(&src_sub, src_offset),
                    to,
                    image_rows(&dst_sub, dst_offset),
                    block_extent(&src_sub, flat, 1),
                )
                .is_err()
                {
                    tracing::error!("vkCmdCopyImage: region {region:?} is outside the memory; skipped");
                }
            }
        }
    }
}

pub fn blit_image(src: &Image, dst: &Image, regions: &[vk::ImageBlit], filter: vk::Filter) {
    if !rasterizer::blit::blit_supported(src.format(), dst.format(), filter) {
        tracing::error!(
            "vkCmdBlitImage: {:?} -> {:?} with {filter:?} is not supported; skipped",
            src.format(),
            dst.format()
        );
        return;
    }
    for region in regions {
        let (s, d) = (region.src_subresource, region.dst_subresource);
        for (src_aspect, dst_aspect) in aspects(s.aspect_mask).zip(aspects(d.aspect_mask)) {
            for layer in 0..layer_count(src, s.base_array_layer, s.layer_count) {
                let (Some((src_memory, src_sub)), Some((dst_memory, dst_sub))) = (
                    subresource(src, src_aspect, s.mip_level, s.base_array_layer + layer),
                    subresource(dst, dst_aspect, d.mip_level, d.base_array_layer + layer),
                ) else {
                    continue;
                };
                let result = blit(
                    &BlitSurface { memory: src_memory, layout: src_sub },
                    &BlitSurface { memory: dst_memory, layout: dst_sub },
                    &BlitRegion { src: region.src_offsets, dst: region.dst_offsets },
                    filter,
                );
                if result.is_err() {
                    tracing::error!("vkCmdBlitImage: region {region:?} is outside the images; skipped");
                }
            }
        }
    }
}

/// Reads a `VkClearColorValue` as the member the image's format calls for.
fn clear_color(format: vk::Format, bits: [u32; 4]) -> ClearColor {
    match TexelCodec::new(format).map(|c| c.class()) {
        Some(ValueClass::Uint) => ClearColor::Uint(bits),
        Some(ValueClass::Sint) => ClearColor::Int(bits.map(|b| b as i32)),
        _ => ClearColor::Float(bits.map(f32::from_bits)),
    }
}

/// Repeats one texel over whole subresources of an image.
fn clear_subresources(
    image: &Image,
    aspect: vk::ImageAspectFlags,
    range: &vk::ImageSubresourceRange,
    texel_for: impl Fn(vk::Format) -> Option<Vec<u8>>,
) {
    let (level_count, layer_count) = image.range_counts(range);
    for level in range.base_mip_level..range.base_mip_level.saturating_add(level_count) {
        for layer in range.base_array_layer..range.base_array_layer.saturating_add(layer_count) {
            let Some((memory, sub)) = subresource(image, aspect, level, layer) else { continue };
            let Some(texel) = texel_for(sub.format) else {
                tracing::error!("clear: format {:?} cannot be cleared", sub.format);
                return;
            };
            let rows = Rows { offset: sub.offset, row_pitch: sub.row_pitch, slice_pitch: sub.depth_pitch };
            let result = rasterizer::clear::clear_rows(
                memory,
                rows,
                &texel,
                sub.extent.width.div_ceil(sub.block_width),
                sub.extent.height.div_ceil(sub.block_height),
                sub.extent.depth,
            );
            if result.is_err() {
                tracing::error!("clear: subresource level {level} layer {layer} is outside the memory; skipped");
            }
        }
    }
}

pub fn clear_color_image(image: &Image, color: [u32; 4], ranges: &[vk::ImageSubresourceRange]) {
    let color = clear_color(image.format(), color);
    for range in ranges {
        clear_subresources(image, vk::ImageAspectFlags::COLOR, range, |format| texel::encode_color(format, color));
    }
}

pub fn clear_depth_stencil_image(
    image: &Image,
    value: vk::ClearDepthStencilValue,
    ranges: &[vk::ImageSubresourceRange],
) {
    for range in ranges {
        if range.aspect_mask.contains(vk::ImageAspectFlags::DEPTH) {
            clear_subresources(image, vk::ImageAspectFlags::DEPTH, range, |format| {
                texel::encode_depth(format, value.depth)
            });
        }
        if range.aspect_mask.contains(vk::ImageAspectFlags::STENCIL) {
            clear_subresources(image, vk::ImageAspectFlags::STENCIL, range, |_| {
                Some(texel::encode_stencil(value.stencil))
            });
        }
    }
}

pub fn fill_buffer(dst: &Buffer, offset: u64, size: u64, data: u32) {
    // spec: VK_WHOLE_SIZE fills to the end, rounded down to a multiple of 4.
    let size = if size == vk::WHOLE_SIZE { dst.size.saturating_sub(offset) & !3 } else { size };
    let Some((memory, at)) = buffer_range(dst, offset, size) else { return };
    if rasterizer::clear::fill_u32(memory, at, size, data).is_err() {
        tracing::error!("vkCmdFillBuffer: {offset}+{size} is outside the memory; skipped");
    }
}

pub fn update_buffer(dst: &Buffer, offset: u64, data: &[u8]) {
    let Some((memory, at)) = buffer_range(dst, offset, data.len() as u64) else { return };
    match memory.bytes_mut(at as usize, data.len()) {
        Some(out) => out.copy_from_slice(data),
        None => tracing::error!("vkCmdUpdateBuffer: {offset}+{} is outside the memory; skipped", data.len()),
    }
}
