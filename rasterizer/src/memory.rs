//! `MemoryView`: the bytes of one `VkDeviceMemory` (or host allocation) as kernels see them.
//!
//! The icd owns the memory (a `shm::Segment`); a command that touches it hands the kernels
//! a `MemoryView` of the whole allocation. Kernels never hold a slice longer than one row
//! or one region, and ask for it through `bytes` / `bytes_mut`, which bounds-check against
//! the allocation, so a bad offset from an application becomes a skipped row, not a crash.
//!
//! Why not plain `&[u8]` / `&mut [u8]`: a copy may read and write the same allocation (two
//! regions of one buffer, two mips of one image). Vulkan forbids the *regions* to overlap,
//! so the short slices taken here never alias, but two whole-allocation slices would.

use std::ptr::NonNull;

#[derive(Clone, Copy, Debug)]
pub struct MemoryView {
    base: NonNull<u8>,
    len: usize,
}

// SAFETY: a MemoryView is a pointer + length into memory that stays mapped for as long as
// the command using it runs (the icd keeps the allocation alive). Kernels on several threads
// take disjoint sub-slices (Vulkan forbids overlapping regions within one command).
unsafe impl Send for MemoryView {}
unsafe impl Sync for MemoryView {}

impl MemoryView {
    /// # Safety
    /// `base..base+len` must be valid for reads and writes for as long as the view (and any
    /// copy of it) is used, and nothing else may hold a Rust reference into it meanwhile.
    pub unsafe fn new(base: *mut u8, len: usize) -> MemoryView {
        MemoryView {
            base: NonNull::new(base).unwrap_or(NonNull::dangling()),
            len: if base.is_null() { 0 } else { len },
        }
    }

    /// A view of a Rust slice (tests, update data).
    pub fn of_slice(slice: &mut [u8]) -> MemoryView {
        // SAFETY: the slice is valid for its length; the caller keeps it alive and unused
        // while the view is in use, which is how every test and kernel uses it.
        unsafe { MemoryView::new(slice.as_mut_ptr(), slice.len()) }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn as_ptr(&self) -> *mut u8 {
        self.base.as_ptr()
    }

    fn in_bounds(&self, offset: usize, len: usize) -> bool {
        offset.checked_add(len).is_some_and(|end| end <= self.len)
    }

    /// `len` bytes at `offset`, or `None` when they fall outside the allocation.
    pub fn bytes(&self, offset: usize, len: usize) -> Option<&[u8]> {
        if !self.in_bounds(offset, len) {
            return None;
        }
        // SAFETY: in bounds of the mapping (checked above); see `new` for lifetime/aliasing.
        Some(unsafe { std::slice::from_raw_parts(self.base.as_ptr().add(offset), len) })
    }

    /// Writable `len` bytes at `offset`, or `None` when they fall outside the allocation.
    /// Callers on different threads must ask for disjoint ranges.
    #[allow(clippy::mut_from_ref)]
    pub fn bytes_mut(&self, offset: usize, len: usize) -> Option<&mut [u8]> {
        if !self.in_bounds(offset, len) {
            return None;
        }
        // SAFETY: in bounds (checked above); disjointness is the caller's contract, which
        // Vulkan's own rule (regions of one command do not overlap) provides.
        Some(unsafe { std::slice::from_raw_parts_mut(self.base.as_ptr().add(offset), len) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn out_of_range_requests_are_refused() {
        let mut data = vec![0u8; 16];
        let view = MemoryView::of_slice(&mut data);
        assert!(view.bytes(0, 16).is_some());
        assert!(view.bytes(1, 16).is_none());
        assert!(view.bytes(usize::MAX, 2).is_none());
        view.bytes_mut(4, 4).unwrap().copy_from_slice(&[1, 2, 3, 4]);
        assert_eq!(&data[4..8], &[1, 2, 3, 4]);
    }
}
