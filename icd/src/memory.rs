//! `VkDeviceMemory`: one `shm::Segment` per allocation.
//!
//! softvk has one heap (system RAM) and one memory type that is DEVICE_LOCAL, HOST_VISIBLE,
//! HOST_COHERENT and HOST_CACHED: the CPU is the device, so there is nothing to flush and
//! `vkMapMemory` returns a pointer into the segment, stable for the allocation's lifetime.

use crate::device::Device;
use crate::device_address::{self, DeviceAddress};
use crate::entry::{guard, guard_void, read_in, read_slice, write_out};
use crate::external_memory;
use crate::handles::{borrow, dispatchable, new_handle, release, Object};
use ash::vk;
use rasterizer::MemoryView;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

pub struct DeviceMemory {
    pub segment: shm::Segment,
    pub size: u64,
    mapped: AtomicBool,
    /// The device address range of memory allocated with
    /// `VK_MEMORY_ALLOCATE_DEVICE_ADDRESS_BIT` (`device_address`).
    pub device_address: Option<DeviceAddress>,
}

impl Object for DeviceMemory {
    type Handle = vk::DeviceMemory;
}

impl std::fmt::Debug for DeviceMemory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DeviceMemory({:p}, {} bytes)", self.segment.as_ptr(), self.size)
    }
}

impl DeviceMemory {
    pub fn new(segment: shm::Segment, size: u64, device_address: Option<DeviceAddress>) -> DeviceMemory {
        DeviceMemory { segment, size, mapped: AtomicBool::new(false), device_address }
    }

    /// The bytes of the allocation, for the kernels.
    pub fn view(&self) -> MemoryView {
        // SAFETY: the segment stays mapped while `self` lives, and commands hold an Arc to
        // the memory (through their buffers and images) while they run.
        unsafe { MemoryView::new(self.segment.as_ptr(), self.segment.len()) }
    }
}

/// # Safety
/// Vulkan's rules for `vkAllocateMemory`.
pub unsafe extern "system" fn allocate_memory(
    device: vk::Device,
    p_allocate_info: *const vk::MemoryAllocateInfo<'_>,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
    p_memory: *mut vk::DeviceMemory,
) -> vk::Result {
    guard("vkAllocateMemory", || {
        let device = dispatchable::<Device>(device)?;
        let info = read_in(p_allocate_info)?;
        if info.memory_type_index != 0 {
            tracing::error!("vkAllocateMemory: memory type {} does not exist", info.memory_type_index);
            return Err(vk::Result::ERROR_OUT_OF_DEVICE_MEMORY);
        }
        if info.allocation_size == 0 || info.allocation_size > device.memory_heap_size {
            tracing::error!(
                "vkAllocateMemory: {} bytes is not a size softvk can allocate (heap: {})",
                info.allocation_size,
                device.memory_heap_size
            );
            return Err(vk::Result::ERROR_OUT_OF_DEVICE_MEMORY);
        }
        let size = usize::try_from(info.allocation_size).map_err(|_| vk::Result::ERROR_OUT_OF_DEVICE_MEMORY)?;
        let source = external_memory::allocation_source(info.p_next, info.allocation_size)?;
        let device_address = if device_address::wants_device_address(info.p_next) {
            let reserved = device.addresses.reserve(info.allocation_size);
            if reserved.is_none() {
                tracing::error!("vkAllocateMemory: no device address range is left");
                return Err(vk::Result::ERROR_OUT_OF_DEVICE_MEMORY);
            }
            reserved
        } else {
            None
        };
        let segment = external_memory::make_segment(source, size)?;
        let memory = Arc::new(DeviceMemory::new(segment, info.allocation_size, device_address));
        device.addresses.register(&memory);
        write_out(p_memory, new_handle(memory))?;
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkFreeMemory`.
pub unsafe extern "system" fn free_memory(
    _device: vk::Device,
    memory: vk::DeviceMemory,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
) {
    guard_void("vkFreeMemory", || {
        if let Some(address) = release::<DeviceMemory>(memory).as_ref().and_then(|m| m.device_address.as_ref()) {
            // Its address is no longer valid, even while buffers still hold the memory.
            address.unregister();
        }
    })
}

/// # Safety
/// Vulkan's rules for `vkMapMemory`.
pub unsafe extern "system" fn map_memory(
    _device: vk::Device,
    memory: vk::DeviceMemory,
    offset: vk::DeviceSize,
    size: vk::DeviceSize,
    _flags: vk::MemoryMapFlags,
    pp_data: *mut *mut std::ffi::c_void,
) -> vk::Result {
    guard("vkMapMemory", || {
        let memory = borrow::<DeviceMemory>(memory)?;
        let end = if size == vk::WHOLE_SIZE { Some(memory.size) } else { offset.checked_add(size) };
        if offset >= memory.size || size == 0 || end.is_none_or(|end| end > memory.size) {
            tracing::error!("vkMapMemory: range {offset}+{size} outside a {}-byte allocation", memory.size);
            return Err(vk::Result::ERROR_MEMORY_MAP_FAILED);
        }
        if memory.mapped.swap(true, Ordering::AcqRel) {
            tracing::error!("vkMapMemory: memory is already mapped");
            return Err(vk::Result::ERROR_MEMORY_MAP_FAILED);
        }
        write_out(pp_data, memory.segment.as_ptr().add(offset as usize).cast())?;
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkUnmapMemory`.
pub unsafe extern "system" fn unmap_memory(_device: vk::Device, memory: vk::DeviceMemory) {
    guard_void("vkUnmapMemory", || {
        if let Ok(memory) = borrow::<DeviceMemory>(memory) {
            memory.mapped.store(false, Ordering::Release);
        }
    })
}

/// Memory is coherent: flushes and invalidates have nothing to do but check their ranges.
///
/// # Safety
/// Vulkan's rules for `vkFlushMappedMemoryRanges`.
pub unsafe extern "system" fn flush_mapped_memory_ranges(
    _device: vk::Device,
    count: u32,
    p_ranges: *const vk::MappedMemoryRange<'_>,
) -> vk::Result {
    guard("vkFlushMappedMemoryRanges", || check_ranges(read_slice(p_ranges, count)))
}

/// # Safety
/// Vulkan's rules for `vkInvalidateMappedMemoryRanges`.
pub unsafe extern "system" fn invalidate_mapped_memory_ranges(
    _device: vk::Device,
    count: u32,
    p_ranges: *const vk::MappedMemoryRange<'_>,
) -> vk::Result {
    guard("vkInvalidateMappedMemoryRanges", || check_ranges(read_slice(p_ranges, count)))
}

/// A range must lie in memory that is mapped (VUID-VkMappedMemoryRange-memory-00684 and
/// -size-00685): anything else is refused, though there is nothing to flush.
fn check_ranges(ranges: &[vk::MappedMemoryRange<'_>]) -> crate::entry::VkResult<vk::Result> {
    for range in ranges {
        // SAFETY: the application passes live memory handles.
        let memory = unsafe { borrow::<DeviceMemory>(range.memory)? };
        if !memory.mapped.load(Ordering::Acquire) {
            tracing::error!("mapped memory range {}+{} of memory that is not mapped", range.offset, range.size);
            return Err(crate::entry::INVALID_USAGE);
        }
        let inside = range.offset < memory.size
            && (range.size == vk::WHOLE_SIZE || range.offset.checked_add(range.size).is_some_and(|end| end <= memory.size));
        if !inside {
            tracing::error!("mapped memory range {}+{} is outside the {}-byte allocation", range.offset, range.size, memory.size);
            return Err(crate::entry::INVALID_USAGE);
        }
    }
    Ok(vk::Result::SUCCESS)
}

/// # Safety
/// Vulkan's rules for `vkGetDeviceMemoryCommitment`.
pub unsafe extern "system" fn get_device_memory_commitment(
    _device: vk::Device,
    memory: vk::DeviceMemory,
    p_committed: *mut vk::DeviceSize,
) {
    guard_void("vkGetDeviceMemoryCommitment", || {
        if let Ok(memory) = borrow::<DeviceMemory>(memory) {
            let _ = write_out(p_committed, memory.size);
        }
    })
}
