//! Recording of the transfer commands (`vkCmdCopy*`, `vkCmdBlitImage*`, clears, fills,
//! updates), including the `VK_KHR_copy_commands2` forms, which are decoded into the same
//! `Command` values as the originals.

use crate::command_buffer::{object, record};
use crate::commands::Command;
use crate::entry::read_slice;
use ash::vk;

/// # Safety
/// Vulkan's rules for `vkCmdCopyBuffer`.
pub unsafe extern "system" fn cmd_copy_buffer(
    cb: vk::CommandBuffer,
    src: vk::Buffer,
    dst: vk::Buffer,
    count: u32,
    p_regions: *const vk::BufferCopy,
) {
    record(cb, "vkCmdCopyBuffer", || {
        Ok(Command::CopyBuffer { src: object(src)?, dst: object(dst)?, regions: read_slice(p_regions, count).to_vec() })
    })
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
        Ok(Command::CopyBuffer { src: object(info.src_buffer)?, dst: object(info.dst_buffer)?, regions })
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
    record(cb, "vkCmdCopyImage", || {
        Ok(Command::CopyImage { src: object(src)?, dst: object(dst)?, regions: read_slice(p_regions, count).to_vec() })
    })
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
        Ok(Command::CopyImage { src: object(info.src_image)?, dst: object(info.dst_image)?, regions })
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
        Ok(Command::CopyBufferToImage {
            src: object(src)?,
            dst: object(dst)?,
            regions: read_slice(p_regions, count).to_vec(),
        })
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
        let regions = read_slice(info.p_regions, info.region_count).iter().map(buffer_image_copy).collect();
        Ok(Command::CopyBufferToImage { src: object(info.src_buffer)?, dst: object(info.dst_image)?, regions })
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
        Ok(Command::CopyImageToBuffer {
            src: object(src)?,
            dst: object(dst)?,
            regions: read_slice(p_regions, count).to_vec(),
        })
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
        let regions = read_slice(info.p_regions, info.region_count).iter().map(buffer_image_copy).collect();
        Ok(Command::CopyImageToBuffer { src: object(info.src_image)?, dst: object(info.dst_buffer)?, regions })
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
    record(cb, "vkCmdBlitImage", || {
        Ok(Command::BlitImage {
            src: object(src)?,
            dst: object(dst)?,
            regions: read_slice(p_regions, count).to_vec(),
            filter,
        })
    })
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
        Ok(Command::BlitImage {
            src: object(info.src_image)?,
            dst: object(info.dst_image)?,
            regions,
            filter: info.filter,
        })
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
        Ok(Command::ClearColorImage { image: object(image)?, color, ranges: read_slice(p_ranges, count).to_vec() })
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
        Ok(Command::ClearDepthStencilImage {
            image: object(image)?,
            value,
            ranges: read_slice(p_ranges, count).to_vec(),
        })
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
    record(cb, "vkCmdFillBuffer", || Ok(Command::FillBuffer { dst: object(dst)?, offset, size, data }))
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
        if size > 65536 || p_data.is_null() {
            tracing::error!("vkCmdUpdateBuffer: size {size} is over 65536 or data is null");
            return Err(crate::entry::INVALID_USAGE);
        }
        let data = std::slice::from_raw_parts(p_data as *const u8, size as usize).to_vec();
        Ok(Command::UpdateBuffer { dst: object(dst)?, offset, data })
    })
}
