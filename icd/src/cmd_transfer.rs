//! Recording of the transfer commands (`vkCmdCopy*`, `vkCmdBlitImage*`, clears, fills,
//! updates), including the `VK_KHR_copy_commands2` forms, which are decoded into the same
//! `Command` values as the originals.
//!
//! What recording refuses (a sticky error that `vkEndCommandBuffer` returns) is what the
//! executor would otherwise have to cut down to size or guess at: layer and level ranges
//! past the image, copies whose source and destination overlap, blit boxes outside the
//! images, clears of aspects the format lacks, fills and updates of unaligned sizes.
//! Regions whose offsets and extents fall outside a resource are checked when they run
//! (`execute::transfer`), which skips them with a log line.

use crate::command_buffer::{object, record};
use crate::commands::Command;
use crate::entry::{read_slice, VkResult, INVALID_USAGE};
use crate::resources::{Buffer, Image};
use ash::vk;
use std::sync::Arc;

/// Logs `why` for command `name` and gives the sticky error.
fn refuse<T>(name: &str, why: std::fmt::Arguments) -> VkResult<T> {
    tracing::error!("{name}: {why}");
    Err(INVALID_USAGE)
}

/// Layers `base..base + count` of `layers` exist in `image`. VK_REMAINING_ARRAY_LAYERS is
/// taken as "from the base layer on" and checked when the command runs.
fn check_layers(name: &str, image: &Image, layers: &vk::ImageSubresourceLayers) -> VkResult<()> {
    let total = image.layout.shape.array_layers;
    let (base, count) = (layers.base_array_layer, layers.layer_count);
    if count == vk::REMAINING_ARRAY_LAYERS || (count != 0 && u64::from(base) + u64::from(count) <= u64::from(total)) {
        return Ok(());
    }
    refuse(name, format_args!("layers {base}+{count} of an image with {total}"))
}

/// The regions of a copy within one buffer that lie in it: in-range copies whose source
/// and destination overlap are refused (VUID-vkCmdCopyBuffer-pRegions-00117); one range
/// against all others, sorted, so many regions cost n log n.
fn check_buffer_overlap(src: &Arc<Buffer>, dst: &Arc<Buffer>, regions: &[vk::BufferCopy]) -> VkResult<()> {
    if !Arc::ptr_eq(src, dst) {
        return Ok(());
    }
    let inside = |offset: u64, size: u64| size > 0 && offset.checked_add(size).is_some_and(|end| end <= src.size);
    let regions: Vec<_> = regions.iter().filter(|r| inside(r.src_offset, r.size) && inside(r.dst_offset, r.size)).collect();
    let mut writes: Vec<(u64, u64)> = regions.iter().map(|r| (r.dst_offset, r.dst_offset + r.size)).collect();
    writes.sort_unstable();
    // furthest[i]: the largest end among the first i + 1 writes.
    let furthest: Vec<u64> = writes
        .iter()
        .scan(0, |end, w| {
            *end = (*end).max(w.1);
            Some(*end)
        })
        .collect();
    for r in regions {
        let (start, end) = (r.src_offset, r.src_offset + r.size);
        let before = writes.partition_point(|w| w.0 < end);
        if before > 0 && furthest[before - 1] > start {
            return refuse("vkCmdCopyBuffer", format_args!("bytes {start}..{end} are read and written by one copy"));
        }
    }
    Ok(())
}

/// Whether the boxes of two image regions (texel offset and extent, layers as a third
/// axis for array images) share a texel.
fn boxes_meet(a: (vk::Offset3D, vk::Extent3D), b: (vk::Offset3D, vk::Extent3D)) -> bool {
    let axis = |p: i32, n: u32, q: i32, m: u32| {
        let (p, q) = (i64::from(p), i64::from(q));
        p < q + i64::from(m) && q < p + i64::from(n)
    };
    axis(a.0.x, a.1.width, b.0.x, b.1.width) && axis(a.0.y, a.1.height, b.0.y, b.1.height) && axis(a.0.z, a.1.depth, b.0.z, b.1.depth)
}

/// A region's box in one image, with array layers as the z axis of 2D images.
fn image_box(layers: &vk::ImageSubresourceLayers, offset: vk::Offset3D, extent: vk::Extent3D, is_3d: bool) -> (vk::Offset3D, vk::Extent3D) {
    if is_3d {
        (offset, extent)
    } else {
        let count = if layers.layer_count == vk::REMAINING_ARRAY_LAYERS { u32::MAX / 2 } else { layers.layer_count };
        (vk::Offset3D { z: layers.base_array_layer.min(i32::MAX as u32) as i32, ..offset }, vk::Extent3D { depth: count, ..extent })
    }
}

/// A copy within one image must not read what it writes (VUID-vkCmdCopyImage-pRegions-00124).
/// Every pair of regions is compared, up to a few hundred regions.
fn check_image_overlap(src: &Arc<Image>, dst: &Arc<Image>, regions: &[vk::ImageCopy]) -> VkResult<()> {
    if !Arc::ptr_eq(src, dst) || regions.len() > 256 {
        return Ok(());
    }
    let is_3d = src.image_type == vk::ImageType::TYPE_3D;
    for r in regions {
        for w in regions {
            let same_place = r.src_subresource.mip_level == w.dst_subresource.mip_level
                && r.src_subresource.aspect_mask.intersects(w.dst_subresource.aspect_mask);
            let read = image_box(&r.src_subresource, r.src_offset, r.extent, is_3d);
            let written = image_box(&w.dst_subresource, w.dst_offset, w.extent, is_3d);
            if same_place && boxes_meet(read, written) {
                return refuse("vkCmdCopyImage", format_args!("a copy within one image reads what it writes ({r:?})"));
            }
        }
    }
    Ok(())
}

fn copy_buffer_command(src: Arc<Buffer>, dst: Arc<Buffer>, regions: Vec<vk::BufferCopy>) -> VkResult<Command> {
    check_buffer_overlap(&src, &dst, &regions)?;
    Ok(Command::CopyBuffer { src, dst, regions })
}

fn copy_image_command(src: Arc<Image>, dst: Arc<Image>, regions: Vec<vk::ImageCopy>) -> VkResult<Command> {
    for r in &regions {
        check_layers("vkCmdCopyImage", &src, &r.src_subresource)?;
        check_layers("vkCmdCopyImage", &dst, &r.dst_subresource)?;
    }
    check_image_overlap(&src, &dst, &regions)?;
    Ok(Command::CopyImage { src, dst, regions })
}

fn buffer_image_regions(name: &str, image: &Image, regions: &[vk::BufferImageCopy]) -> VkResult<()> {
    regions.iter().try_for_each(|r| check_layers(name, image, &r.image_subresource))
}

/// Both corners of a blit box inside the level's extent (z in 0..=1 for 1D and 2D images:
/// VUID-vkCmdBlitImage-srcImage-00247 and its neighbours), on a level and layers that exist.
fn check_blit_side(image: &Image, layers: &vk::ImageSubresourceLayers, offsets: &[vk::Offset3D; 2]) -> VkResult<()> {
    check_layers("vkCmdBlitImage", image, layers)?;
    let shape = &image.layout.shape;
    if layers.mip_level >= shape.mip_levels {
        return refuse("vkCmdBlitImage", format_args!("level {} of an image with {}", layers.mip_level, shape.mip_levels));
    }
    let level = |n: u32| (n >> layers.mip_level).max(1) as i64;
    let depth = if image.image_type == vk::ImageType::TYPE_3D { level(shape.extent.depth) } else { 1 };
    let inside = |o: &vk::Offset3D| {
        (0..=level(shape.extent.width)).contains(&i64::from(o.x))
            && (0..=level(shape.extent.height)).contains(&i64::from(o.y))
            && (0..=depth).contains(&i64::from(o.z))
    };
    if !offsets.iter().all(inside) {
        return refuse("vkCmdBlitImage", format_args!("box {offsets:?} is outside level {} of {:?}", layers.mip_level, shape.extent));
    }
    Ok(())
}

fn blit_command(src: Arc<Image>, dst: Arc<Image>, regions: Vec<vk::ImageBlit>, filter: vk::Filter) -> VkResult<Command> {
    if filter != vk::Filter::NEAREST && filter != vk::Filter::LINEAR {
        return refuse("vkCmdBlitImage", format_args!("filter {filter:?}"));
    }
    for r in &regions {
        check_blit_side(&src, &r.src_subresource, &r.src_offsets)?;
        check_blit_side(&dst, &r.dst_subresource, &r.dst_offsets)?;
    }
    Ok(Command::BlitImage { src, dst, regions, filter })
}

/// A clear's range: levels and layers that exist (VK_REMAINING_* from the base on, which
/// must exist), and aspects the image's format has: COLOR alone for colour clears, depth
/// and/or stencil for depth/stencil clears (VUIDs of vkCmdClear*Image).
fn check_clear_range(name: &str, image: &Image, range: &vk::ImageSubresourceRange, color: bool) -> VkResult<()> {
    let shape = &image.layout.shape;
    let (levels, layers) = image.range_counts(range);
    let fits = |base: u32, count: u32, total: u32| count != 0 && u64::from(base) + u64::from(count) <= u64::from(total);
    if !fits(range.base_mip_level, levels, shape.mip_levels) || !fits(range.base_array_layer, layers, shape.array_layers) {
        return refuse(name, format_args!("range {range:?} of an image of {} levels and {} layers", shape.mip_levels, shape.array_layers));
    }
    let format_aspects = rasterizer::format::describe(image.format()).map_or(vk::ImageAspectFlags::empty(), |d| d.aspects);
    let depth_stencil = vk::ImageAspectFlags::DEPTH | vk::ImageAspectFlags::STENCIL;
    let aspects_fit = if color {
        range.aspect_mask == vk::ImageAspectFlags::COLOR && format_aspects == vk::ImageAspectFlags::COLOR
    } else {
        !range.aspect_mask.is_empty() && depth_stencil.contains(range.aspect_mask) && format_aspects.contains(range.aspect_mask)
    };
    if !aspects_fit {
        return refuse(name, format_args!("aspects {:?} of a {:?} image", range.aspect_mask, image.format()));
    }
    Ok(())
}

/// # Safety
/// Vulkan's rules for `vkCmdCopyBuffer`.
pub unsafe extern "system" fn cmd_copy_buffer(
    cb: vk::CommandBuffer,
    src: vk::Buffer,
    dst: vk::Buffer,
    count: u32,
    p_regions: *const vk::BufferCopy,
) {
    record(cb, "vkCmdCopyBuffer", || copy_buffer_command(object(src)?, object(dst)?, read_slice(p_regions, count).to_vec()))
}

/// # Safety
/// Vulkan's rules for `vkCmdCopyBuffer2`.
pub unsafe extern "system" fn cmd_copy_buffer2(cb: vk::CommandBuffer, p_info: *const vk::CopyBufferInfo2<'_>) {
    record(cb, "vkCmdCopyBuffer2", || {
        let info = crate::entry::read_in(p_info)?;
        let regions = read_slice(info.p_regions, info.region_count)
            .iter()
            .map(|r| vk::BufferCopy { src_offset: r.src_offset, dst_offset: r.dst_offset, size: r.size })
            .collect();
        copy_buffer_command(object(info.src_buffer)?, object(info.dst_buffer)?, regions)
    })
}

/// # Safety
/// Vulkan's rules for `vkCmdCopyImage`.
pub unsafe extern "system" fn cmd_copy_image(
    cb: vk::CommandBuffer,
    src: vk::Image,
    _src_layout: vk::ImageLayout,
    dst: vk::Image,
    _dst_layout: vk::ImageLayout,
    count: u32,
    p_regions: *const vk::ImageCopy,
) {
    record(cb, "vkCmdCopyImage", || copy_image_command(object(src)?, object(dst)?, read_slice(p_regions, count).to_vec()))
}

/// # Safety
/// Vulkan's rules for `vkCmdCopyImage2`.
pub unsafe extern "system" fn cmd_copy_image2(cb: vk::CommandBuffer, p_info: *const vk::CopyImageInfo2<'_>) {
    record(cb, "vkCmdCopyImage2", || {
        let info = crate::entry::read_in(p_info)?;
        let regions = read_slice(info.p_regions, info.region_count)
            .iter()
            .map(|r| vk::ImageCopy {
                src_subresource: r.src_subresource,
                src_offset: r.src_offset,
                dst_subresource: r.dst_subresource,
                dst_offset: r.dst_offset,
                extent: r.extent,
            })
            .collect();
        copy_image_command(object(info.src_image)?, object(info.dst_image)?, regions)
    })
}

fn buffer_image_copy(r: &vk::BufferImageCopy2<'_>) -> vk::BufferImageCopy {
    vk::BufferImageCopy {
        buffer_offset: r.buffer_offset,
        buffer_row_length: r.buffer_row_length,
        buffer_image_height: r.buffer_image_height,
        image_subresource: r.image_subresource,
        image_offset: r.image_offset,
        image_extent: r.image_extent,
    }
}

/// # Safety
/// Vulkan's rules for `vkCmdCopyBufferToImage`.
pub unsafe extern "system" fn cmd_copy_buffer_to_image(
    cb: vk::CommandBuffer,
    src: vk::Buffer,
    dst: vk::Image,
    _dst_layout: vk::ImageLayout,
    count: u32,
    p_regions: *const vk::BufferImageCopy,
) {
    record(cb, "vkCmdCopyBufferToImage", || {
        let (src, dst, regions) = (object(src)?, object::<Image>(dst)?, read_slice(p_regions, count).to_vec());
        buffer_image_regions("vkCmdCopyBufferToImage", &dst, &regions)?;
        Ok(Command::CopyBufferToImage { src, dst, regions })
    })
}

/// # Safety
/// Vulkan's rules for `vkCmdCopyBufferToImage2`.
pub unsafe extern "system" fn cmd_copy_buffer_to_image2(
    cb: vk::CommandBuffer,
    p_info: *const vk::CopyBufferToImageInfo2<'_>,
) {
    record(cb, "vkCmdCopyBufferToImage2", || {
        let info = crate::entry::read_in(p_info)?;
        let regions: Vec<_> = read_slice(info.p_regions, info.region_count).iter().map(buffer_image_copy).collect();
        let dst = object::<Image>(info.dst_image)?;
        buffer_image_regions("vkCmdCopyBufferToImage2", &dst, &regions)?;
        Ok(Command::CopyBufferToImage { src: object(info.src_buffer)?, dst, regions })
    })
}

/// # Safety
/// Vulkan's rules for `vkCmdCopyImageToBuffer`.
pub unsafe extern "system" fn cmd_copy_image_to_buffer(
    cb: vk::CommandBuffer,
    src: vk::Image,
    _src_layout: vk::ImageLayout,
    dst: vk::Buffer,
    count: u32,
    p_regions: *const vk::BufferImageCopy,
) {
    record(cb, "vkCmdCopyImageToBuffer", || {
        let (src, dst, regions) = (object::<Image>(src)?, object(dst)?, read_slice(p_regions, count).to_vec());
        buffer_image_regions("vkCmdCopyImageToBuffer", &src, &regions)?;
        Ok(Command::CopyImageToBuffer { src, dst, regions })
    })
}

/// # Safety
/// Vulkan's rules for `vkCmdCopyImageToBuffer2`.
pub unsafe extern "system" fn cmd_copy_image_to_buffer2(
    cb: vk::CommandBuffer,
    p_info: *const vk::CopyImageToBufferInfo2<'_>,
) {
    record(cb, "vkCmdCopyImageToBuffer2", || {
        let info = crate::entry::read_in(p_info)?;
        let regions: Vec<_> = read_slice(info.p_regions, info.region_count).iter().map(buffer_image_copy).collect();
        let src = object::<Image>(info.src_image)?;
        buffer_image_regions("vkCmdCopyImageToBuffer2", &src, &regions)?;
        Ok(Command::CopyImageToBuffer { src, dst: object(info.dst_buffer)?, regions })
    })
}

/// # Safety
/// Vulkan's rules for `vkCmdBlitImage`.
pub unsafe extern "system" fn cmd_blit_image(
    cb: vk::CommandBuffer,
    src: vk::Image,
    _src_layout: vk::ImageLayout,
    dst: vk::Image,
    _dst_layout: vk::ImageLayout,
    count: u32,
    p_regions: *const vk::ImageBlit,
    filter: vk::Filter,
) {
    record(cb, "vkCmdBlitImage", || blit_command(object(src)?, object(dst)?, read_slice(p_regions, count).to_vec(), filter))
}

/// # Safety
/// Vulkan's rules for `vkCmdBlitImage2`.
pub unsafe extern "system" fn cmd_blit_image2(cb: vk::CommandBuffer, p_info: *const vk::BlitImageInfo2<'_>) {
    record(cb, "vkCmdBlitImage2", || {
        let info = crate::entry::read_in(p_info)?;
        let regions = read_slice(info.p_regions, info.region_count)
            .iter()
            .map(|r| vk::ImageBlit {
                src_subresource: r.src_subresource,
                src_offsets: r.src_offsets,
                dst_subresource: r.dst_subresource,
                dst_offsets: r.dst_offsets,
            })
            .collect();
        blit_command(object(info.src_image)?, object(info.dst_image)?, regions, info.filter)
    })
}

/// # Safety
/// Vulkan's rules for `vkCmdClearColorImage`.
pub unsafe extern "system" fn cmd_clear_color_image(
    cb: vk::CommandBuffer,
    image: vk::Image,
    _layout: vk::ImageLayout,
    p_color: *const vk::ClearColorValue,
    count: u32,
    p_ranges: *const vk::ImageSubresourceRange,
) {
    record(cb, "vkCmdClearColorImage", || {
        let color = crate::entry::read_in(p_color)?;
        // SAFETY: every member of the union is four 32-bit words.
        let color = color.uint32;
        let (image, ranges) = (object::<Image>(image)?, read_slice(p_ranges, count).to_vec());
        ranges.iter().try_for_each(|r| check_clear_range("vkCmdClearColorImage", &image, r, true))?;
        Ok(Command::ClearColorImage { image, color, ranges })
    })
}

/// # Safety
/// Vulkan's rules for `vkCmdClearDepthStencilImage`.
pub unsafe extern "system" fn cmd_clear_depth_stencil_image(
    cb: vk::CommandBuffer,
    image: vk::Image,
    _layout: vk::ImageLayout,
    p_value: *const vk::ClearDepthStencilValue,
    count: u32,
    p_ranges: *const vk::ImageSubresourceRange,
) {
    record(cb, "vkCmdClearDepthStencilImage", || {
        let value = *crate::entry::read_in(p_value)?;
        let (image, ranges) = (object::<Image>(image)?, read_slice(p_ranges, count).to_vec());
        ranges.iter().try_for_each(|r| check_clear_range("vkCmdClearDepthStencilImage", &image, r, false))?;
        Ok(Command::ClearDepthStencilImage { image, value, ranges })
    })
}

/// # Safety
/// Vulkan's rules for `vkCmdFillBuffer`.
pub unsafe extern "system" fn cmd_fill_buffer(
    cb: vk::CommandBuffer,
    dst: vk::Buffer,
    offset: vk::DeviceSize,
    size: vk::DeviceSize,
    data: u32,
) {
    record(cb, "vkCmdFillBuffer", || {
        // VUID-vkCmdFillBuffer-dstOffset-00025 and -size-00026/00027. An offset or size
        // past the buffer is checked when the fill runs.
        if offset % 4 != 0 || size == 0 || (size != vk::WHOLE_SIZE && size % 4 != 0) {
            return refuse("vkCmdFillBuffer", format_args!("offset {offset} and size {size} (non-zero multiples of 4)"));
        }
        Ok(Command::FillBuffer { dst: object(dst)?, offset, size, data })
    })
}

/// # Safety
/// Vulkan's rules for `vkCmdUpdateBuffer`: the data is copied now, at record time.
pub unsafe extern "system" fn cmd_update_buffer(
    cb: vk::CommandBuffer,
    dst: vk::Buffer,
    offset: vk::DeviceSize,
    size: vk::DeviceSize,
    p_data: *const std::ffi::c_void,
) {
    record(cb, "vkCmdUpdateBuffer", || {
        // VUID-vkCmdUpdateBuffer-dataSize-00037/00038 and -dstOffset-00036.
        if size == 0 || size > 65536 || size % 4 != 0 || offset % 4 != 0 || p_data.is_null() {
            return refuse("vkCmdUpdateBuffer", format_args!("{size} bytes at {offset} (multiples of 4, 4 to 65536 bytes, non-null data)"));
        }
        let data = std::slice::from_raw_parts(p_data as *const u8, size as usize).to_vec();
        Ok(Command::UpdateBuffer { dst: object(dst)?, offset, data })
    })
}
