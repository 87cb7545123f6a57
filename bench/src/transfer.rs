//! The in-process workloads: create a workload's buffers and images on one device, give
//! them their contents and layouts ([`prepare`]), and record its one timed command
//! ([`record`]).
//!
//! Sources hold real data (a pseudo-random pattern uploaded through a staging buffer, or
//! a fill), and destinations are written once before timing, so that no run reads
//! never-touched memory (which an OS may back with a shared zero page) or pays for first
//! page faults. Images live in TRANSFER_SRC_OPTIMAL / TRANSFER_DST_OPTIMAL for good.

use crate::device::{BenchDevice, Resources};
use crate::failure::Failure;
use crate::workloads::{texel_bytes, Operation};
use ash::vk;
use rayon::prelude::*;

/// The timed command with the handles it works on (`Dispatch`: a compute workload's,
/// recorded by `compute`).
#[derive(Clone, Copy, Debug)]
pub enum Command {
    ClearImage { image: vk::Image },
    CopyImage { src: vk::Image, dst: vk::Image, size: u32 },
    CopyBuffer { src: vk::Buffer, dst: vk::Buffer, bytes: u64 },
    FillBuffer { dst: vk::Buffer, bytes: u64 },
    BufferToImage { src: vk::Buffer, dst: vk::Image, size: u32 },
    ImageToBuffer { src: vk::Image, dst: vk::Buffer, size: u32 },
    Blit { src: vk::Image, dst: vk::Image, src_size: u32, dst_size: u32, filter: vk::Filter },
    Dispatch(crate::compute::Dispatch),
}

const CLEAR_COLOR: vk::ClearColorValue = vk::ClearColorValue { float32: [0.25, 0.5, 0.75, 1.0] };
const FILL_WORD: u32 = 0x5a5a_5a5a;

/// Creates and initialises the resources of `operation` on `device`, recording them in
/// `resources` (which the caller destroys, also when this fails).
pub fn prepare(device: &BenchDevice, operation: &Operation, resources: &mut Resources) -> Result<Command, Failure> {
    use vk::FormatFeatureFlags as F;
    match *operation {
        Operation::ClearImage { format, size } => {
            device.require_format(format, F::TRANSFER_DST, size, size)?;
            let image = destination_image(device, format, size, resources)?;
            Ok(Command::ClearImage { image })
        }
        Operation::CopyImage { format, size } => {
            device.require_format(format, F::TRANSFER_SRC | F::TRANSFER_DST, size, size)?;
            let src = source_image(device, format, size, resources)?;
            let dst = destination_image(device, format, size, resources)?;
            Ok(Command::CopyImage { src, dst, size })
        }
        Operation::CopyBuffer { bytes } => {
            let src = filled_buffer(device, bytes, resources)?;
            let dst = filled_buffer(device, bytes, resources)?;
            Ok(Command::CopyBuffer { src, dst, bytes })
        }
        Operation::FillBuffer { bytes } => {
            let dst = filled_buffer(device, bytes, resources)?;
            Ok(Command::FillBuffer { dst, bytes })
        }
        Operation::BufferToImage { format, size } => {
            device.require_format(format, F::TRANSFER_DST, size, size)?;
            let src = filled_buffer(device, image_bytes(format, size), resources)?;
            let dst = destination_image(device, format, size, resources)?;
            Ok(Command::BufferToImage { src, dst, size })
        }
        Operation::ImageToBuffer { format, size } => {
            device.require_format(format, F::TRANSFER_SRC | F::TRANSFER_DST, size, size)?;
            let src = source_image(device, format, size, resources)?;
            let dst = filled_buffer(device, image_bytes(format, size), resources)?;
            Ok(Command::ImageToBuffer { src, dst, size })
        }
        Operation::Blit { src_format, src_size, dst_format, dst_size, filter } => {
            let mut src_features = F::BLIT_SRC | F::TRANSFER_DST;
            if filter == vk::Filter::LINEAR {
                src_features |= F::SAMPLED_IMAGE_FILTER_LINEAR;
            }
            device.require_format(src_format, src_features, src_size, src_size)?;
            device.require_format(dst_format, F::BLIT_DST | F::TRANSFER_DST, dst_size, dst_size)?;
            let src = source_image(device, src_format, src_size, resources)?;
            let dst = destination_image(device, dst_format, dst_size, resources)?;
            Ok(Command::Blit { src, dst, src_size, dst_size, filter })
        }
        Operation::Saxpy { .. } | Operation::Sgemm { .. } | Operation::Reduce { .. } => {
            crate::compute::prepare(device, operation, resources).map(Command::Dispatch)
        }
        Operation::CreateInstanceDevice
        | Operation::ExportImportImage
        | Operation::ComputePipelineCreate { .. }
        | Operation::Present { .. } => {
            Err(Failure::Error("this workload runs in child processes".into()))
        }
    }
}

/// After `runs` runs of `command` (warm-ups included): whether its result is right. Only
/// the compute workloads check (the transfers are not read back).
pub fn check(device: &BenchDevice, command: &Command, runs: usize) -> Result<(), Failure> {
    match command {
        Command::Dispatch(dispatch) => crate::compute::check(device, dispatch, runs),
        _ => Ok(()),
    }
}

/// Records `command` into `cb`.
pub fn record(d: &ash::Device, cb: vk::CommandBuffer, command: &Command) {
    let src_layout = vk::ImageLayout::TRANSFER_SRC_OPTIMAL;
    let dst_layout = vk::ImageLayout::TRANSFER_DST_OPTIMAL;
    // SAFETY: cb is recording; every handle belongs to the device that recorded it and
    // is in the layout named (prepare put it there).
    unsafe {
        match *command {
            Command::ClearImage { image } => {
                d.cmd_clear_color_image(cb, image, dst_layout, &CLEAR_COLOR, &[color_range()]);
            }
            Command::CopyImage { src, dst, size } => {
                let region = vk::ImageCopy::default()
                    .src_subresource(color_layer())
                    .dst_subresource(color_layer())
                    .extent(extent(size));
                d.cmd_copy_image(cb, src, src_layout, dst, dst_layout, &[region]);
            }
            Command::CopyBuffer { src, dst, bytes } => {
                d.cmd_copy_buffer(cb, src, dst, &[vk::BufferCopy { src_offset: 0, dst_offset: 0, size: bytes }]);
            }
            Command::FillBuffer { dst, bytes } => d.cmd_fill_buffer(cb, dst, 0, bytes, FILL_WORD),
            Command::BufferToImage { src, dst, size } => {
                d.cmd_copy_buffer_to_image(cb, src, dst, dst_layout, &[buffer_image_region(size)]);
            }
            Command::ImageToBuffer { src, dst, size } => {
                d.cmd_copy_image_to_buffer(cb, src, src_layout, dst, &[buffer_image_region(size)]);
            }
            Command::Blit { src, dst, src_size, dst_size, filter } => {
                let corner =
                    |size: u32| [vk::Offset3D::default(), vk::Offset3D { x: size as i32, y: size as i32, z: 1 }];
                let region = vk::ImageBlit::default()
                    .src_subresource(color_layer())
                    .src_offsets(corner(src_size))
                    .dst_subresource(color_layer())
                    .dst_offsets(corner(dst_size));
                d.cmd_blit_image(cb, src, src_layout, dst, dst_layout, &[region], filter);
            }
            Command::Dispatch(ref dispatch) => crate::compute::record(d, cb, dispatch),
        }
    }
}

fn image_bytes(format: vk::Format, size: u32) -> u64 {
    u64::from(size) * u64::from(size) * texel_bytes(format)
}

fn extent(size: u32) -> vk::Extent3D {
    vk::Extent3D { width: size, height: size, depth: 1 }
}

fn color_layer() -> vk::ImageSubresourceLayers {
    vk::ImageSubresourceLayers {
        aspect_mask: vk::ImageAspectFlags::COLOR,
        mip_level: 0,
        base_array_layer: 0,
        layer_count: 1,
    }
}

fn color_range() -> vk::ImageSubresourceRange {
    vk::ImageSubresourceRange {
        aspect_mask: vk::ImageAspectFlags::COLOR,
        base_mip_level: 0,
        level_count: 1,
        base_array_layer: 0,
        layer_count: 1,
    }
}

/// The whole image, tightly packed in the buffer.
fn buffer_image_region(size: u32) -> vk::BufferImageCopy {
    vk::BufferImageCopy::default().image_subresource(color_layer()).image_extent(extent(size))
}

/// A layout transition of a whole colour image, ordered after and before transfers.
fn transition(image: vk::Image, old: vk::ImageLayout, new: vk::ImageLayout) -> vk::ImageMemoryBarrier<'static> {
    vk::ImageMemoryBarrier::default()
        .src_access_mask(vk::AccessFlags::TRANSFER_WRITE)
        .dst_access_mask(vk::AccessFlags::TRANSFER_READ | vk::AccessFlags::TRANSFER_WRITE)
        .old_layout(old)
        .new_layout(new)
        .src_queue_family_index(vk::QUEUE_FAMILY_IGNORED)
        .dst_queue_family_index(vk::QUEUE_FAMILY_IGNORED)
        .image(image)
        .subresource_range(color_range())
}

fn barrier(d: &ash::Device, cb: vk::CommandBuffer, image_barriers: &[vk::ImageMemoryBarrier]) {
    let memory = [vk::MemoryBarrier::default()
        .src_access_mask(vk::AccessFlags::TRANSFER_WRITE)
        .dst_access_mask(vk::AccessFlags::TRANSFER_READ | vk::AccessFlags::TRANSFER_WRITE)];
    // SAFETY: cb is recording; the barriers name images of its device.
    unsafe {
        d.cmd_pipeline_barrier(
            cb,
            vk::PipelineStageFlags::TRANSFER,
            vk::PipelineStageFlags::TRANSFER,
            vk::DependencyFlags::empty(),
            &memory,
            &[],
            image_barriers,
        );
    }
}

/// An image in TRANSFER_DST_OPTIMAL, cleared once so that its memory is touched.
fn destination_image(
    device: &BenchDevice,
    format: vk::Format,
    size: u32,
    resources: &mut Resources,
) -> Result<vk::Image, Failure> {
    let image = device.create_image(format, size, size, resources)?;
    let dst = vk::ImageLayout::TRANSFER_DST_OPTIMAL;
    device.submit_and_wait(|d, cb| {
        barrier(d, cb, &[transition(image, vk::ImageLayout::UNDEFINED, dst)]);
        // SAFETY: cb is recording; image is in TRANSFER_DST_OPTIMAL after the barrier.
        unsafe { d.cmd_clear_color_image(cb, image, dst, &CLEAR_COLOR, &[color_range()]) };
    })?;
    Ok(image)
}

/// An image in TRANSFER_SRC_OPTIMAL holding a pseudo-random pattern, uploaded through a
/// host-visible staging buffer that is freed again.
fn source_image(
    device: &BenchDevice,
    format: vk::Format,
    size: u32,
    resources: &mut Resources,
) -> Result<vk::Image, Failure> {
    let image = device.create_image(format, size, size, resources)?;
    let bytes = image_bytes(format, size);
    let (staging, memory) = device.create_buffer(bytes, true, None)?;
    let d = &device.device;
    let uploaded = (|| {
        // SAFETY: memory is host-visible, `bytes` long, not mapped elsewhere; the slice
        // lives only until unmap.
        unsafe {
            let ptr = d.map_memory(memory, 0, bytes, vk::MemoryMapFlags::empty())?;
            write_pattern(std::slice::from_raw_parts_mut(ptr.cast::<u8>(), bytes as usize));
            d.unmap_memory(memory);
        }
        device.submit_and_wait(|d, cb| {
            let (undefined, dst, src) = (
                vk::ImageLayout::UNDEFINED,
                vk::ImageLayout::TRANSFER_DST_OPTIMAL,
                vk::ImageLayout::TRANSFER_SRC_OPTIMAL,
            );
            barrier(d, cb, &[transition(image, undefined, dst)]);
            // SAFETY: cb is recording; staging holds the whole image; image is in dst.
            unsafe { d.cmd_copy_buffer_to_image(cb, staging, image, dst, &[buffer_image_region(size)]) };
            barrier(d, cb, &[transition(image, dst, src)]);
        })
    })();
    // SAFETY: the upload finished (or never started); staging is ours and unused.
    unsafe {
        let _ = d.device_wait_idle();
        d.destroy_buffer(staging, None);
        d.free_memory(memory, None);
    }
    uploaded?;
    Ok(image)
}

/// A device-local buffer of `bytes`, filled once so that its memory is touched.
fn filled_buffer(device: &BenchDevice, bytes: u64, resources: &mut Resources) -> Result<vk::Buffer, Failure> {
    let (buffer, _) = device.create_buffer(bytes, false, Some(resources))?;
    device.submit_and_wait(|d, cb| {
        // SAFETY: cb is recording; buffer is `bytes` long with TRANSFER_DST usage.
        unsafe { d.cmd_fill_buffer(cb, buffer, 0, bytes, FILL_WORD) };
    })?;
    Ok(buffer)
}

/// Fills `out` with xorshift64 noise (a fixed seed per 1 MiB chunk, so it is the same on
/// every device and run).
fn write_pattern(out: &mut [u8]) {
    out.par_chunks_mut(1 << 20).enumerate().for_each(|(index, chunk)| {
        let mut state = 0x9e37_79b9_7f4a_7c15u64 ^ (index as u64 + 1).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        for word in chunk.chunks_mut(8) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            word.copy_from_slice(&state.to_le_bytes()[..word.len()]);
        }
    });
}
