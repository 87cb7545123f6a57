//! The [`Segment`] type: one mapping with a stable address, and what backs it.
//!
//! A segment is created by one of the constructors (here for anonymous and
//! host-pointer memory, in `exportable` for memfd/shm, in `import` for foreign
//! fds) and lives exactly as long as the `VkDeviceMemory` that owns it. Drop
//! undoes what the constructor did: unmap the range (unless the memory belongs
//! to the caller) and close the fd (by dropping the `OwnedFd`).
//!
//! Mapping and unmapping happen only in this file, so the reasoning about
//! address ranges is in one place.

use std::io;
use std::num::NonZeroUsize;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::ptr::NonNull;

use nix::sys::mman::{self, MapFlags, ProtFlags};

/// A range of memory with a stable address: one `VkDeviceMemory`.
///
/// Access goes through [`Segment::as_ptr`]: memory that other processes can map
/// may change under us at any time, so handing out `&[u8]` would promise Rust
/// something the OS does not. Callers synchronise accesses the way Vulkan
/// requires (fences, semaphores, barriers).
#[derive(Debug)]
pub struct Segment {
    /// Start of the range. Never null for segments this crate mapped; for
    /// [`Segment::from_host_pointer`] it is whatever the caller gave.
    ptr: *mut u8,
    /// Bytes the caller asked for. The kernel rounds mappings up to whole pages;
    /// `munmap` rounds the same way, so unmapping `len` bytes frees them all.
    len: usize,
    backing: Backing,
}

/// What the bytes of a segment are, which decides what Drop must undo.
#[derive(Debug)]
pub(crate) enum Backing {
    /// `MAP_PRIVATE | MAP_ANONYMOUS`: only this process sees it; no fd.
    Anonymous,
    /// `MAP_SHARED` view of a memfd, POSIX shm object or imported file. The fd
    /// keeps the object alive and is what [`Segment::export_fd`] duplicates.
    Shared(OwnedFd),
    /// Memory owned by the caller (`VK_EXT_external_memory_host`): never unmapped.
    Host,
}

// SAFETY: a Segment is an address range plus (maybe) an fd. Neither is tied to
// the thread that created it: mappings are process-wide and fds are
// process-wide table entries. The struct itself is immutable after
// construction (no interior mutability), Drop runs exactly once on whichever
// thread drops it, and reads/writes of the *bytes* happen only through the raw
// pointer, where the caller is responsible for synchronisation (as Vulkan
// requires of applications for host access to mapped memory).
unsafe impl Send for Segment {}
// SAFETY: see `Send` above; `&Segment` only exposes copies of the pointer and
// length and `export_fd`, which duplicates the fd (a thread-safe syscall).
unsafe impl Sync for Segment {}

impl Segment {
    /// A private anonymous mapping (`MAP_PRIVATE | MAP_ANONYMOUS`), zero-filled,
    /// for plain allocations that are never exported.
    ///
    /// `size == 0` is an error of kind [`io::ErrorKind::InvalidInput`] (Vulkan
    /// forbids `allocationSize == 0`, and `mmap` refuses empty ranges).
    pub fn anonymous(size: usize) -> io::Result<Segment> {
        let length = nonzero_size(size)?;
        // SAFETY: `addr` is None, so the kernel picks a fresh range that
        // overlaps no existing mapping (and therefore no Rust object); the new
        // range is owned by the returned Segment and unmapped only in its Drop.
        let ptr = unsafe { mman::mmap_anonymous(None, length, read_write(), MapFlags::MAP_PRIVATE) }?;
        Ok(Segment { ptr: ptr.as_ptr().cast(), len: size, backing: Backing::Anonymous })
    }

    /// Wraps caller-owned host memory without copying
    /// (`VK_EXT_external_memory_host`). The segment never unmaps or frees it.
    ///
    /// # Safety
    /// `ptr..ptr + size` must stay valid for reads and writes for as long as the
    /// returned segment (and any pointer derived from it) is used.
    pub unsafe fn from_host_pointer(ptr: *mut u8, size: usize) -> Segment {
        Segment { ptr, len: size, backing: Backing::Host }
    }

    /// Maps `len` bytes of `fd` shared and read-write, and takes ownership of
    /// the fd. On error the fd is closed (dropped).
    pub(crate) fn map_shared_fd(fd: OwnedFd, len: usize) -> io::Result<Segment> {
        let ptr = map_shared(fd.as_fd(), len)?;
        Ok(Segment { ptr: ptr.as_ptr(), len, backing: Backing::Shared(fd) })
    }

    /// Start of the memory. Stable for the segment's whole lifetime.
    pub fn as_ptr(&self) -> *mut u8 {
        self.ptr
    }

    /// Size in bytes, as requested at creation.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True only for a zero-size host-pointer segment; every segment this crate
    /// maps has at least one byte.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// True when [`Segment::export_fd`] can hand out an fd: memfd, POSIX shm
    /// and imported segments.
    pub fn is_exportable(&self) -> bool {
        matches!(self.backing, Backing::Shared(_))
    }

    /// A new fd for the same memory (`F_DUPFD_CLOEXEC`), owned by the caller.
    /// Each call returns a distinct descriptor, as `vkGetMemoryFdKHR` requires.
    ///
    /// Anonymous and host-pointer segments have no fd: error of kind
    /// [`io::ErrorKind::Unsupported`].
    pub fn export_fd(&self) -> io::Result<OwnedFd> {
        match &self.backing {
            // `try_clone` is `fcntl(F_DUPFD_CLOEXEC, 3)`: close-on-exec is set
            // atomically, so a concurrent exec cannot leak it.
            Backing::Shared(fd) => fd.try_clone(),
            Backing::Anonymous | Backing::Host => {
                Err(io::Error::new(io::ErrorKind::Unsupported, "segment was not allocated as exportable memory"))
            }
        }
    }
}

impl Drop for Segment {
    fn drop(&mut self) {
        if matches!(self.backing, Backing::Host) {
            return;
        }
        if let Some(ptr) = NonNull::new(self.ptr) {
            // SAFETY: `ptr..ptr + len` is the range our constructor mapped and
            // nobody else unmaps it; the Segment is being destroyed, so no
            // pointer obtained through it may be used any more (the caller's
            // contract, as with vkFreeMemory). An error here would mean the
            // range was already gone; there is nothing useful to do about it.
            let _ = unsafe { mman::munmap(ptr.cast(), self.len) };
        }
        // The OwnedFd inside `Backing::Shared` closes itself when dropped.
    }
}

/// Maps `len` bytes of `fd` from offset 0, `MAP_SHARED`, read-write.
fn map_shared(fd: BorrowedFd<'_>, len: usize) -> io::Result<NonNull<u8>> {
    let length = nonzero_size(len)?;
    // SAFETY: `addr` is None, so the kernel picks a fresh range that overlaps
    // no existing mapping; `fd` is open for the duration of the call (it is
    // borrowed). The new range belongs to the Segment built from it.
    let ptr = unsafe { mman::mmap(None, length, read_write(), MapFlags::MAP_SHARED, fd, 0) }?;
    Ok(ptr.cast())
}

fn read_write() -> ProtFlags {
    ProtFlags::PROT_READ | ProtFlags::PROT_WRITE
}

/// Zero-size segments are refused with `InvalidInput` everywhere.
pub(crate) fn nonzero_size(size: usize) -> io::Result<NonZeroUsize> {
    NonZeroUsize::new(size).ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "segment size must not be zero"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::serial;

    #[test]
    fn anonymous_segment_is_zero_filled_and_writable() {
        let _guard = serial();
        let segment = Segment::anonymous(3 * 4096 + 5).expect("anonymous mapping");
        assert_eq!(segment.len(), 3 * 4096 + 5);
        assert!(!segment.is_exportable());
        // SAFETY: the segment maps `len` bytes and lives until the end of the test.
        let bytes = unsafe { std::slice::from_raw_parts_mut(segment.as_ptr(), segment.len()) };
        assert!(bytes.iter().all(|&b| b == 0));
        bytes[segment.len() - 1] = 0xA5;
        assert_eq!(bytes[segment.len() - 1], 0xA5);
    }

    #[test]
    fn zero_size_requests_are_invalid_input() {
        let _guard = serial();
        let anonymous = Segment::anonymous(0).expect_err("anonymous(0) must fail");
        assert_eq!(anonymous.kind(), io::ErrorKind::InvalidInput);
        let exportable = Segment::exportable("zero", 0).expect_err("exportable(0) must fail");
        assert_eq!(exportable.kind(), io::ErrorKind::InvalidInput);
    }

    #[test]
    fn anonymous_segment_cannot_be_exported() {
        let _guard = serial();
        let segment = Segment::anonymous(64).expect("anonymous mapping");
        let error = segment.export_fd().expect_err("anonymous memory has no fd");
        assert_eq!(error.kind(), io::ErrorKind::Unsupported);
    }

    #[test]
    fn host_pointer_segment_leaves_caller_memory_mapped_after_drop() {
        let mut host = vec![7u8; 256];
        // SAFETY: `host` outlives the segment.
        let segment = unsafe { Segment::from_host_pointer(host.as_mut_ptr(), host.len()) };
        assert_eq!(segment.as_ptr(), host.as_mut_ptr());
        assert!(!segment.is_exportable());
        // SAFETY: index 10 is inside `host`, which is alive.
        unsafe { segment.as_ptr().add(10).write(42) };
        drop(segment);
        host[11] = 43; // would fault had Drop unmapped the Vec's pages
        assert_eq!(host[10], 42);
    }

    #[test]
    fn segment_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Segment>();
    }
}
