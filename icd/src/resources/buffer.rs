//! `VkBuffer`: a size and, once bound, a place in memory.

use super::{bind, fill_requirements2, Binding, RESOURCE_ALIGNMENT};
use crate::device::Device;
use crate::entry::{guard, guard_void, read_in, read_slice, write_out, VkResult};
use crate::handles::{borrow, dispatchable, new_handle, release, Object};
use ash::vk;
use rasterizer::MemoryView;
use std::sync::{Arc, OnceLock};

#[derive(Debug)]
pub struct Buffer {
    pub size: u64,
    pub usage: vk::BufferUsageFlags,
    pub binding: OnceLock<Binding>,
}

impl Object for Buffer {
    type Handle = vk::Buffer;
}

impl Buffer {
    /// The memory and the buffer's start in it; `None` (with a log line) when unbound.
    pub fn memory(&self) -> Option<(MemoryView, u64)> {
        let binding = self.binding.get();
        if binding.is_none() {
            tracing::error!("buffer used by a command has no memory bound");
        }
        binding.map(|b| (b.memory.view(), b.offset))
    }
}

/// # Safety
/// Vulkan's rules for `vkCreateBuffer`.
pub unsafe extern "system" fn create_buffer(
    device: vk::Device,
    p_create_info: *const vk::BufferCreateInfo<'_>,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
    p_buffer: *mut vk::Buffer,
) -> vk::Result {
    guard("vkCreateBuffer", || {
        let device = dispatchable::<Device>(device)?;
        let info = read_in(p_create_info)?;
        check_buffer_info(info, device.memory_heap_size)?;
        let buffer = Arc::new(Buffer { size: info.size, usage: info.usage, binding: OnceLock::new() });
        write_out(p_buffer, new_handle(buffer))?;
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkDestroyBuffer`.
pub unsafe extern "system" fn destroy_buffer(
    _device: vk::Device,
    buffer: vk::Buffer,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
) {
    guard_void("vkDestroyBuffer", || {
        release::<Buffer>(buffer);
    })
}

/// Buffer usage bits Vulkan defines (VUID-VkBufferCreateInfo-usage-parameter): core 1.1's
/// nine and the 32-bit ones of every extension (conditional rendering, ray tracing, transform
/// feedback, video, device address, acceleration structures, descriptor buffers, micromaps,
/// tile memory, descriptor heaps). A bit is valid whether or not its extension is enabled (the
/// CTS creates transform-feedback buffers on devices without it), and none of them changes
/// what a buffer is on the CPU: its bytes, size and alignment. Undefined bits are refused.
const SUPPORTED_USAGE: vk::BufferUsageFlags = vk::BufferUsageFlags::from_raw(0x1fff_ffff & !0x0004_0000);

/// Refuses what no buffer of softvk can be: empty, larger than the heap (it could never be
/// bound), without usage, sparse or with flags of features softvk lacks (protected memory,
/// capture/replay), or with a sharing mode that does not exist.
fn check_buffer_info(info: &vk::BufferCreateInfo<'_>, heap_size: u64) -> VkResult<()> {
    if info.size == 0 {
        tracing::error!("vkCreateBuffer: size 0 is not allowed");
        return Err(crate::entry::INVALID_USAGE);
    }
    if info.size > heap_size {
        tracing::error!("vkCreateBuffer: {} bytes is more than the {heap_size}-byte heap can ever hold", info.size);
        return Err(vk::Result::ERROR_OUT_OF_DEVICE_MEMORY);
    }
    if info.usage.is_empty() || !SUPPORTED_USAGE.contains(info.usage) {
        tracing::error!("vkCreateBuffer: usage {:?} is not a usage softvk supports", info.usage);
        return Err(crate::entry::INVALID_USAGE);
    }
    let sparse =
        vk::BufferCreateFlags::SPARSE_BINDING | vk::BufferCreateFlags::SPARSE_RESIDENCY | vk::BufferCreateFlags::SPARSE_ALIASED;
    if info.flags.intersects(sparse) {
        tracing::error!("vkCreateBuffer: sparse buffers are not supported");
        return Err(crate::entry::NOT_IMPLEMENTED);
    }
    if !info.flags.is_empty() {
        tracing::error!("vkCreateBuffer: flags {:?} need features softvk does not have", info.flags);
        return Err(crate::entry::INVALID_USAGE);
    }
    if info.sharing_mode != vk::SharingMode::EXCLUSIVE && info.sharing_mode != vk::SharingMode::CONCURRENT {
        tracing::error!("vkCreateBuffer: sharing mode {:?} does not exist", info.sharing_mode);
        return Err(crate::entry::INVALID_USAGE);
    }
    Ok(())
}

fn buffer_requirements(buffer: &Buffer) -> vk::MemoryRequirements {
    requirements_for_size(buffer.size)
}

/// What a buffer of `size` bytes needs: its usage and flags change nothing on the CPU, so
/// buffers that differ only in those get the same requirements (VK_KHR_maintenance4).
fn requirements_for_size(size: u64) -> vk::MemoryRequirements {
    vk::MemoryRequirements {
        size: size.div_ceil(RESOURCE_ALIGNMENT) * RESOURCE_ALIGNMENT,
        alignment: RESOURCE_ALIGNMENT,
        memory_type_bits: 1,
    }
}

/// # Safety
/// Vulkan's rules for `vkGetDeviceBufferMemoryRequirements` (VK_KHR_maintenance4): the
/// requirements of a buffer `pCreateInfo` would create, without creating it. A create info
/// vkCreateBuffer would refuse gets zero requirements and a log line.
pub unsafe extern "system" fn get_device_buffer_memory_requirements(
    device: vk::Device,
    p_info: *const vk::DeviceBufferMemoryRequirements<'_>,
    p_requirements: *mut vk::MemoryRequirements2<'_>,
) {
    guard_void("vkGetDeviceBufferMemoryRequirements", || {
        let (Ok(device), Ok(info), Some(out)) = (dispatchable::<Device>(device), read_in(p_info), p_requirements.as_mut()) else {
            return;
        };
        let Ok(create) = read_in(info.p_create_info) else { return };
        let requirements = match check_buffer_info(create, device.memory_heap_size) {
            Ok(()) => requirements_for_size(create.size),
            Err(_) => vk::MemoryRequirements::default(),
        };
        fill_requirements2(out, requirements);
    })
}

/// # Safety
/// Vulkan's rules for `vkGetBufferMemoryRequirements`.
pub unsafe extern "system" fn get_buffer_memory_requirements(
    _device: vk::Device,
    buffer: vk::Buffer,
    p_requirements: *mut vk::MemoryRequirements,
) {
    guard_void("vkGetBufferMemoryRequirements", || {
        if let Ok(buffer) = borrow::<Buffer>(buffer) {
            let _ = write_out(p_requirements, buffer_requirements(buffer));
        }
    })
}

/// # Safety
/// Vulkan's rules for `vkGetBufferMemoryRequirements2`.
pub unsafe extern "system" fn get_buffer_memory_requirements2(
    _device: vk::Device,
    p_info: *const vk::BufferMemoryRequirementsInfo2<'_>,
    p_requirements: *mut vk::MemoryRequirements2<'_>,
) {
    guard_void("vkGetBufferMemoryRequirements2", || {
        let (Ok(info), Some(out)) = (read_in(p_info), p_requirements.as_mut()) else { return };
        if let Ok(buffer) = borrow::<Buffer>(info.buffer) {
            fill_requirements2(out, buffer_requirements(buffer));
        }
    })
}

/// # Safety
/// Vulkan's rules for `vkBindBufferMemory`.
pub unsafe extern "system" fn bind_buffer_memory(
    _device: vk::Device,
    buffer: vk::Buffer,
    memory: vk::DeviceMemory,
    offset: vk::DeviceSize,
) -> vk::Result {
    guard("vkBindBufferMemory", || {
        let buffer = borrow::<Buffer>(buffer)?;
        bind(&buffer.binding, memory, offset, buffer_requirements(buffer))?;
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkBindBufferMemory2`.
pub unsafe extern "system" fn bind_buffer_memory2(
    _device: vk::Device,
    count: u32,
    p_infos: *const vk::BindBufferMemoryInfo<'_>,
) -> vk::Result {
    guard("vkBindBufferMemory2", || {
        for info in read_slice(p_infos, count) {
            let buffer = borrow::<Buffer>(info.buffer)?;
            bind(&buffer.binding, info.memory, info.memory_offset, buffer_requirements(buffer))?;
        }
        Ok(vk::Result::SUCCESS)
    })
}
