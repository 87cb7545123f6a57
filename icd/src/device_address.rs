//! Buffer device addresses (`VK_KHR_buffer_device_address`): the 64-bit values shaders
//! use as `PhysicalStorageBuffer` pointers.
//!
//! Memory allocated with `VK_MEMORY_ALLOCATE_DEVICE_ADDRESS_BIT` gets a range of device
//! addresses from its device's [`AddressRegistry`]: a base that is never handed out
//! again, at least 64 KiB past the end of the range before it, so an address is unique,
//! non-zero and stable for the memory's life, and running off the end of one allocation
//! never lands in another. A buffer's address is its memory's base plus its bind offset.
//!
//! Device addresses are not host pointers. A shader's address is only ever resolved
//! through the registry: at each dispatch that uses physical pointers, the registry's live
//! memory objects become a `shader::memory::AddressMap` (a window per allocation, at its
//! base), and the dispatch keeps those objects alive until it ends. Every access is then
//! bounds-checked against the window it falls in; an address in none of them reads zero
//! and drops writes (see `shader::interp`).

use crate::device::Device;
use crate::entry::{guard_value, read_in};
use crate::handles::{borrow, dispatchable};
use crate::memory::DeviceMemory;
use crate::resources::Buffer;
use ash::vk;
use shader::memory::{AddressMap, SharedMemory};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, Weak};

/// The first base address: far from 0 and from addresses that fit in 32 bits.
const FIRST_ADDRESS: u64 = 1 << 36;
/// Bases are multiples of this (which keeps an address's alignment that of the host
/// bytes behind it: mappings are page-aligned), and ranges this far apart.
const ADDRESS_ALIGNMENT: u64 = 1 << 16;

/// A device's address ranges: which memory object each base belongs to.
pub struct AddressRegistry {
    inner: Mutex<Registry>,
}

struct Registry {
    /// The next base to hand out.
    next: u64,
    /// Live memory objects by base address.
    memories: BTreeMap<u64, Weak<DeviceMemory>>,
}

impl Default for AddressRegistry {
    fn default() -> Self {
        AddressRegistry { inner: Mutex::new(Registry { next: FIRST_ADDRESS, memories: BTreeMap::new() }) }
    }
}

impl AddressRegistry {
    fn lock(&self) -> std::sync::MutexGuard<'_, Registry> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Reserves a range of `size` bytes; None once the 64-bit space is spent (it never is
    /// in practice: each allocation takes at most the heap's size).
    pub fn reserve(self: &Arc<Self>, size: u64) -> Option<DeviceAddress> {
        let mut registry = self.lock();
        let base = registry.next;
        let span = size.checked_next_multiple_of(ADDRESS_ALIGNMENT)?.checked_add(ADDRESS_ALIGNMENT)?;
        registry.next = base.checked_add(span)?;
        Some(DeviceAddress { base, registry: Arc::downgrade(self) })
    }

    /// Makes `memory`'s range resolvable (after `reserve`, once the memory object exists).
    pub fn register(&self, memory: &Arc<DeviceMemory>) {
        if let Some(address) = &memory.device_address {
            self.lock().memories.insert(address.base, Arc::downgrade(memory));
        }
    }

    fn unregister(&self, base: u64) {
        self.lock().memories.remove(&base);
    }

    /// What shaders can reach now: a window on every live registered memory object at its
    /// base, and the objects themselves, which the caller keeps while the windows are in
    /// use.
    pub fn snapshot(&self) -> (AddressMap, Vec<Arc<DeviceMemory>>) {
        let memories: Vec<(u64, Arc<DeviceMemory>)> =
            self.lock().memories.iter().filter_map(|(&base, memory)| Some((base, memory.upgrade()?))).collect();
        let windows = memories
            .iter()
            .map(|(base, memory)| {
                let len = (memory.size.min(memory.segment.len() as u64)) as usize;
                // SAFETY: the first `len` bytes of the segment are its mapping, valid while
                // the memory object lives; the caller holds the Arc returned beside the map
                // for as long as the map is used, and shaders access the bytes only through
                // SharedMemory's atomics.
                (*base, unsafe { SharedMemory::new(memory.segment.as_ptr(), len) })
            })
            .collect();
        (AddressMap::new(windows), memories.into_iter().map(|(_, m)| m).collect())
    }
}

/// A memory object's device address range. Dropping it (with the memory) leaves the
/// registry; `vkFreeMemory` also removes it at once.
#[derive(Debug)]
pub struct DeviceAddress {
    pub base: u64,
    registry: Weak<AddressRegistry>,
}

impl DeviceAddress {
    pub fn unregister(&self) {
        if let Some(registry) = self.registry.upgrade() {
            registry.unregister(self.base);
        }
    }
}

impl Drop for DeviceAddress {
    fn drop(&mut self) {
        self.unregister();
    }
}

/// Whether a `VkMemoryAllocateInfo` chain asks for a device address.
///
/// # Safety
/// `p_next` is a valid input chain.
pub unsafe fn wants_device_address(p_next: *const std::ffi::c_void) -> bool {
    let Some(flags) = crate::pnext::find_in::<vk::MemoryAllocateFlagsInfo>(p_next) else { return false };
    if flags.flags.contains(vk::MemoryAllocateFlags::DEVICE_ADDRESS_CAPTURE_REPLAY) {
        // bufferDeviceAddressCaptureReplay is not a feature softvk has: the allocation
        // gets an ordinary address.
        tracing::warn!("vkAllocateMemory: DEVICE_ADDRESS_CAPTURE_REPLAY is not supported; ignored");
    }
    flags.flags.contains(vk::MemoryAllocateFlags::DEVICE_ADDRESS)
}

/// The address of `buffer`: its memory's base plus its offset there; 0 (with a log line)
/// when it has no memory with an address.
fn buffer_address(buffer: &Buffer) -> u64 {
    let Some(binding) = buffer.binding.get() else {
        tracing::error!("vkGetBufferDeviceAddress: the buffer has no memory bound");
        return 0;
    };
    match &binding.memory.device_address {
        Some(address) => address.base + binding.offset,
        None => {
            tracing::error!("vkGetBufferDeviceAddress: the buffer's memory was not allocated with VK_MEMORY_ALLOCATE_DEVICE_ADDRESS_BIT");
            0
        }
    }
}

/// # Safety
/// Vulkan's rules for `vkGetBufferDeviceAddress`.
pub unsafe extern "system" fn get_buffer_device_address(
    device: vk::Device,
    p_info: *const vk::BufferDeviceAddressInfo<'_>,
) -> vk::DeviceAddress {
    guard_value("vkGetBufferDeviceAddressKHR", 0, || {
        let (Ok(_), Ok(info)) = (dispatchable::<Device>(device), read_in(p_info)) else { return 0 };
        borrow::<Buffer>(info.buffer).map_or(0, buffer_address)
    })
}

/// Opaque capture addresses exist for capture and replay
/// (`bufferDeviceAddressCaptureReplay`), which softvk does not support: 0, "no address".
///
/// # Safety
/// Vulkan's rules for `vkGetBufferOpaqueCaptureAddress`.
pub unsafe extern "system" fn get_buffer_opaque_capture_address(
    _device: vk::Device,
    _p_info: *const vk::BufferDeviceAddressInfo<'_>,
) -> u64 {
    guard_value("vkGetBufferOpaqueCaptureAddressKHR", 0, || {
        tracing::warn!("vkGetBufferOpaqueCaptureAddressKHR: softvk has no capture/replay addresses; 0");
        0
    })
}

/// As [`get_buffer_opaque_capture_address`]: 0.
///
/// # Safety
/// Vulkan's rules for `vkGetDeviceMemoryOpaqueCaptureAddress`.
pub unsafe extern "system" fn get_device_memory_opaque_capture_address(
    _device: vk::Device,
    _p_info: *const vk::DeviceMemoryOpaqueCaptureAddressInfo<'_>,
) -> u64 {
    guard_value("vkGetDeviceMemoryOpaqueCaptureAddressKHR", 0, || {
        tracing::warn!("vkGetDeviceMemoryOpaqueCaptureAddressKHR: softvk has no capture/replay addresses; 0");
        0
    })
}
