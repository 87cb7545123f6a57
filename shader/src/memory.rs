//! The memory-access contract between shaders and the driver.
//!
//! Many invocations on many threads read, write and atomically update the same buffer at
//! once. A [`SharedMemory`] is a window on memory the driver keeps alive for the whole
//! dispatch; every access through it is an atomic operation (relaxed, or stronger for
//! atomics) on a naturally aligned unit, so concurrent accesses from invocations are never
//! data races in Rust's sense, and every access is checked against the window's length,
//! which comes from the descriptor's bound range, never from the shader. A read outside it
//! gives nothing (the caller substitutes zero) and a write outside it is dropped: Vulkan's
//! `robustBufferAccess` behaviour.

use std::sync::atomic::{AtomicU16, AtomicU32, AtomicU64, AtomicU8, Ordering};

#[derive(Clone, Copy, Debug)]
pub struct SharedMemory {
    base: *mut u8,
    len: usize,
}

// SAFETY: a SharedMemory only performs atomic accesses within `base..base+len`, memory the
// creator promised stays valid while any copy of the view is in use (see `new`).
unsafe impl Send for SharedMemory {}
unsafe impl Sync for SharedMemory {}

impl SharedMemory {
    /// An empty window: every read gives nothing, every write is dropped (a null
    /// descriptor).
    pub const EMPTY: SharedMemory = SharedMemory { base: std::ptr::null_mut(), len: 0 };

    /// # Safety
    /// `base..base+len` must stay valid for reads and writes while the view (or a copy)
    /// is used, and be accessed by others only through atomics or not at all meanwhile
    /// (the driver executes one command at a time on a queue; host writes to mapped memory
    /// during a dispatch are the application's race, as in Vulkan).
    pub unsafe fn new(base: *mut u8, len: usize) -> SharedMemory {
        if base.is_null() {
            return SharedMemory::EMPTY;
        }
        SharedMemory { base, len }
    }

    /// A view of a slice of `u32` words (tests, push constants).
    pub fn of_words(words: &mut [u32]) -> SharedMemory {
        // SAFETY: the slice is valid for its length; callers keep it alive and untouched
        // while the view is in use.
        unsafe { SharedMemory::new(words.as_mut_ptr() as *mut u8, words.len() * 4) }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn as_ptr(&self) -> *mut u8 {
        self.base
    }

    /// Whether the address of byte `offset` is a multiple of `bytes` (the window itself
    /// may start anywhere).
    #[inline]
    fn aligned(&self, offset: usize, bytes: usize) -> bool {
        (self.base as usize).wrapping_add(offset) % bytes == 0
    }

    fn fits(&self, offset: usize, bytes: usize) -> bool {
        offset.checked_add(bytes).is_some_and(|end| end <= self.len)
    }

    /// The 32-bit word at `offset` (the common case of `load`).
    #[inline]
    pub fn load_u32(&self, offset: usize) -> Option<u32> {
        match offset.checked_add(4) {
            Some(end) if end <= self.len && self.aligned(offset, 4) => {
                // SAFETY: in bounds and aligned (checked just above); see `load`.
                Some(unsafe { AtomicU32::from_ptr(self.base.add(offset) as *mut u32).load(Ordering::Relaxed) })
            }
            Some(end) if end <= self.len => Some(self.load_unaligned(offset, 4) as u32),
            _ => None,
        }
    }

    /// Writes the 32-bit word at `offset` (the common case of `store`).
    #[inline]
    pub fn store_u32(&self, offset: usize, value: u32) {
        match offset.checked_add(4) {
            Some(end) if end <= self.len && self.aligned(offset, 4) => {
                // SAFETY: in bounds and aligned (checked just above); see `load`.
                unsafe { AtomicU32::from_ptr(self.base.add(offset) as *mut u32).store(value, Ordering::Relaxed) }
            }
            Some(end) if end <= self.len => self.store(offset, 4, value as u64),
            _ => {}
        }
    }

    /// Reads `bytes` (1, 2, 4 or 8) at `offset`, zero-extended; None outside the window.
    pub fn load(&self, offset: usize, bytes: usize) -> Option<u64> {
        if !self.fits(offset, bytes) {
            return None;
        }
        if !self.aligned(offset, bytes) {
            return Some(self.load_unaligned(offset, bytes));
        }
        // SAFETY: in bounds and the address is aligned for the atomic type (both checked
        // above); atomics make concurrent access sound.
        unsafe {
            let p = self.base.add(offset);
            Some(match bytes {
                1 => AtomicU8::from_ptr(p).load(Ordering::Relaxed) as u64,
                2 => AtomicU16::from_ptr(p as *mut u16).load(Ordering::Relaxed) as u64,
                4 => AtomicU32::from_ptr(p as *mut u32).load(Ordering::Relaxed) as u64,
                _ => AtomicU64::from_ptr(p as *mut u64).load(Ordering::Relaxed),
            })
        }
    }

    fn load_unaligned(&self, offset: usize, bytes: usize) -> u64 {
        let mut value = 0u64;
        for i in 0..bytes {
            // SAFETY: offset + i is in bounds (the caller checked offset + bytes).
            let byte = unsafe { AtomicU8::from_ptr(self.base.add(offset + i)).load(Ordering::Relaxed) };
            value |= (byte as u64) << (8 * i);
        }
        value
    }

    /// Writes the low `bytes` bytes of `value` at `offset`; dropped outside the window.
    pub fn store(&self, offset: usize, bytes: usize, value: u64) {
        if !self.fits(offset, bytes) {
            return;
        }
        if !self.aligned(offset, bytes) {
            for i in 0..bytes {
                // SAFETY: in bounds (checked above).
                unsafe { AtomicU8::from_ptr(self.base.add(offset + i)).store((value >> (8 * i)) as u8, Ordering::Relaxed) };
            }
            return;
        }
        // SAFETY: as in `load`.
        unsafe {
            let p = self.base.add(offset);
            match bytes {
                1 => AtomicU8::from_ptr(p).store(value as u8, Ordering::Relaxed),
                2 => AtomicU16::from_ptr(p as *mut u16).store(value as u16, Ordering::Relaxed),
                4 => AtomicU32::from_ptr(p as *mut u32).store(value as u32, Ordering::Relaxed),
                _ => AtomicU64::from_ptr(p as *mut u64).store(value, Ordering::Relaxed),
            }
        }
    }

    /// The aligned 32-bit word at `offset`, for atomic read-modify-write operations.
    pub fn atomic_u32(&self, offset: usize) -> Option<&AtomicU32> {
        if !self.fits(offset, 4) || !self.aligned(offset, 4) {
            return None;
        }
        // SAFETY: in bounds and aligned; the memory outlives the view's use.
        Some(unsafe { AtomicU32::from_ptr(self.base.add(offset) as *mut u32) })
    }

    /// The aligned 64-bit word at `offset`.
    pub fn atomic_u64(&self, offset: usize) -> Option<&AtomicU64> {
        if !self.fits(offset, 8) || !self.aligned(offset, 8) {
            return None;
        }
        // SAFETY: as `atomic_u32`.
        Some(unsafe { AtomicU64::from_ptr(self.base.add(offset) as *mut u64) })
    }

    /// A sub-window `offset..offset+len`, clamped to this one.
    pub fn window(&self, offset: usize, len: usize) -> SharedMemory {
        if offset >= self.len {
            return SharedMemory::EMPTY;
        }
        let len = len.min(self.len - offset);
        // SAFETY: inside this window.
        unsafe { SharedMemory::new(self.base.add(offset), len) }
    }
}

/// The device addresses a dispatch can reach through `PhysicalStorageBuffer` pointers:
/// windows on the memory objects allocated with a device address, each at its base
/// address. The driver builds one per dispatch (from its device-wide registry) and keeps
/// the memory behind every window alive while the dispatch runs.
///
/// An address is only ever resolved through here: the window whose range holds it, and
/// the offset in that window. An address in no window resolves to nothing, so a shader
/// holding a garbage address reads zeros and its writes are dropped, as with an index
/// outside a descriptor's range.
#[derive(Clone, Debug, Default)]
pub struct AddressMap {
    /// Sorted by base address; the ranges do not overlap.
    ranges: Vec<(u64, SharedMemory)>,
}

impl AddressMap {
    /// A map of `ranges` (base address, window). A range that is empty, wraps past
    /// 2^64 or overlaps one before it is left out (the driver never makes such ranges).
    pub fn new(mut ranges: Vec<(u64, SharedMemory)>) -> AddressMap {
        ranges.sort_by_key(|(base, _)| *base);
        let mut kept: Vec<(u64, SharedMemory)> = Vec::with_capacity(ranges.len());
        for (base, memory) in ranges {
            let fits = !memory.is_empty() && base.checked_add(memory.len() as u64).is_some();
            let after_previous = kept.last().is_none_or(|(b, m)| b + m.len() as u64 <= base);
            if fits && after_previous {
                kept.push((base, memory));
            }
        }
        AddressMap { ranges: kept }
    }

    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// The window holding `address`, its base address and the offset of `address` in it.
    #[inline]
    pub fn resolve(&self, address: u64) -> Option<(u64, SharedMemory, usize)> {
        let after = self.ranges.partition_point(|(base, _)| *base <= address);
        let (base, memory) = *self.ranges.get(after.checked_sub(1)?)?;
        let offset = address - base;
        (offset < memory.len() as u64).then_some((base, memory, offset as usize))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_resolve_to_their_window_and_nothing_else() {
        let (mut a, mut b) = (vec![0u32; 4], vec![0u32; 2]);
        let (wa, wb) = (SharedMemory::of_words(&mut a), SharedMemory::of_words(&mut b));
        let map = AddressMap::new(vec![(0x2_0000, wb), (0x1_0000, wa), (0x1_0008, wb)]);
        let at = |address| map.resolve(address).map(|(base, m, offset)| (base, m.len(), offset));
        assert_eq!(at(0x1_0000), Some((0x1_0000, 16, 0)));
        assert_eq!(at(0x1_000f), Some((0x1_0000, 16, 15)));
        assert_eq!(at(0x1_0010), None, "one past the end");
        assert_eq!(at(0x2_0004), Some((0x2_0000, 8, 4)));
        assert_eq!((at(0), at(0xffff), at(u64::MAX)), (None, None, None));
        assert_eq!(map.ranges.len(), 2, "the overlapping range is left out");
    }

    #[test]
    fn accesses_outside_the_window_read_nothing_and_write_nothing() {
        let mut words = vec![0u32; 4];
        let view = SharedMemory::of_words(&mut words);
        view.store(4, 4, 0xdead_beef);
        view.store(16, 4, 1);
        view.store(14, 4, 1);
        assert_eq!(view.load(4, 4), Some(0xdead_beef));
        assert_eq!(view.load(13, 4), None);
        assert_eq!(view.load(usize::MAX, 4), None);
        assert_eq!(view.load(5, 2), Some(0xbeef >> 8 | 0xad00));
        view.store(1, 2, 0x1234);
        assert_eq!(view.load(1, 2), Some(0x1234));
        assert!(view.atomic_u32(2).is_none());
        view.atomic_u32(8).unwrap().fetch_add(5, Ordering::Relaxed);
        assert_eq!(words[2], 5);
    }
}
