//! Importing memory from a foreign fd, and what can go wrong with it.
//!
//! The fd comes from outside (an application's `VkImportMemoryFdInfoKHR`, a
//! socket peer) and may be anything: a pipe, a socket, a directory, `/dev/null`,
//! a file too small for the allocation, or no fd at all. Before mapping we ask
//! `fstat` what it is — never `read`, which could block forever on a pipe:
//! - it must be a regular file (`S_ISREG`). memfds and POSIX shm objects are
//!   regular files on tmpfs; pipes, sockets, directories and devices are not.
//! - its size must be at least the allocation size. Mapping past the end of a
//!   file "works" until the first access, which then raises `SIGBUS`.
//!
//! Only then do we `mmap` it `MAP_SHARED` read-write; an fd opened read-only
//! or sealed against writes fails there with an OS error.
//!
//! An imported segment is only as safe as what the exporter did: a softvk
//! memfd is sealed against shrinking, but an unsealed file (POSIX shm, a file
//! on disk) can still be truncated by another holder, which would SIGBUS us.
//!
//! Two entry points differ in who owns the fd when the import fails:
//! - [`Segment::import`] takes an `OwnedFd` and closes it on every error path.
//! - [`Segment::import_raw`] follows `VK_KHR_external_memory_fd` to the letter:
//!   "a *successful* import transfers [ownership] back to the driver", so on
//!   failure the fd is left untouched and still belongs to the caller. It also
//!   copes with numbers that are not open fds at all.

use std::error::Error;
use std::fmt;
use std::io;
use std::os::fd::{AsFd, BorrowedFd, FromRawFd, OwnedFd, RawFd};

use nix::sys::stat::{fstat, SFlag};

use crate::segment::{nonzero_size, Segment};

/// Why an fd could not be imported as memory.
#[derive(Debug)]
pub enum ImportError {
    /// Not a regular file (memfd, shm object or file): a pipe, socket,
    /// directory, character device, ...
    NotAMemoryObject,
    /// The object is smaller than the requested allocation.
    TooSmall { have: u64, need: u64 },
    /// The OS refused: not an open fd (`EBADF`), not mappable read-write
    /// (`EACCES`, `EPERM`), out of address space (`ENOMEM`), zero size
    /// requested (`InvalidInput`), ...
    Os(io::Error),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::NotAMemoryObject => {
                f.write_str("fd is not a memory object (expected a memfd, shm object or regular file)")
            }
            ImportError::TooSmall { have, need } => {
                write!(f, "memory object has {have} bytes, allocation needs {need}")
            }
            ImportError::Os(error) => write!(f, "cannot import fd: {error}"),
        }
    }
}

impl Error for ImportError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            ImportError::Os(error) => Some(error),
            ImportError::NotAMemoryObject | ImportError::TooSmall { .. } => None,
        }
    }
}

impl From<ImportError> for io::Error {
    fn from(error: ImportError) -> io::Error {
        match error {
            ImportError::Os(error) => error,
            other => io::Error::new(io::ErrorKind::InvalidInput, other),
        }
    }
}

impl Segment {
    /// Maps `size` bytes of a foreign memory fd, taking ownership of `fd`.
    ///
    /// The fd is checked with `fstat` (regular file, at least `size` bytes)
    /// and mapped `MAP_SHARED` read-write; nothing is ever read from it, so a
    /// pipe or socket cannot make this block. On every error path `fd` is
    /// closed. See also [`Segment::import_raw`] for Vulkan's ownership rule.
    pub fn import(fd: OwnedFd, size: usize) -> Result<Segment, ImportError> {
        check_memory_object(fd.as_fd(), size)?;
        // An error drops (closes) `fd` inside `map_shared_fd`.
        Segment::map_shared_fd(fd, size).map_err(ImportError::Os)
    }

    /// Like [`Segment::import`], for a raw descriptor number from an
    /// application, with `VK_KHR_external_memory_fd`'s ownership rule: on
    /// success the segment owns (and will close) `fd`; on failure `fd` is left
    /// exactly as it was and still belongs to the caller. A negative or closed
    /// number is `ImportError::Os` with `EBADF`.
    ///
    /// # Safety
    /// If `fd` is open, the caller must own it and give up that ownership when
    /// this returns `Ok` (nothing else may close or use it afterwards).
    pub unsafe fn import_raw(fd: RawFd, size: usize) -> Result<Segment, ImportError> {
        if fd < 0 {
            return Err(ImportError::Os(io::Error::from_raw_os_error(libc::EBADF)));
        }
        // SAFETY: F_GETFD only reads the descriptor table; for a number that is
        // not open it fails with EBADF and touches nothing.
        if unsafe { libc::fcntl(fd, libc::F_GETFD) } == -1 {
            return Err(ImportError::Os(io::Error::last_os_error()));
        }
        // SAFETY: `fd` is open (checked just above) and, by the caller's
        // contract, owned by the caller, who cannot close it during this call;
        // the borrow does not outlive this function.
        let borrowed = unsafe { BorrowedFd::borrow_raw(fd) };
        check_memory_object(borrowed, size)?;
        // Map through a duplicate so that a failed mmap cannot close the
        // caller's fd; on success we close the original instead.
        let duplicate = borrowed.try_clone_to_owned().map_err(ImportError::Os)?;
        let segment = Segment::map_shared_fd(duplicate, size).map_err(ImportError::Os)?;
        // SAFETY: the import succeeded, so ownership of `fd` passes to us (the
        // caller's contract); dropping it closes the caller's number, and the
        // segment keeps its own duplicate.
        drop(unsafe { OwnedFd::from_raw_fd(fd) });
        Ok(segment)
    }
}

/// `fstat` checks: a regular file of at least `size` bytes. Never reads.
fn check_memory_object(fd: BorrowedFd<'_>, size: usize) -> Result<(), ImportError> {
    nonzero_size(size).map_err(ImportError::Os)?;
    let stat = fstat(fd).map_err(|errno| ImportError::Os(errno.into()))?;
    if SFlag::from_bits_truncate(stat.st_mode) & SFlag::S_IFMT != SFlag::S_IFREG {
        return Err(ImportError::NotAMemoryObject);
    }
    let have = u64::try_from(stat.st_size).unwrap_or(0);
    let need = size as u64;
    if have < need {
        return Err(ImportError::TooSmall { have, need });
    }
    Ok(())
}

/// Whether `fd` is shared memory sealed against shrinking: a memfd as softvk (or any
/// careful exporter) makes it. Only such memory can never SIGBUS its importer, so it is
/// what Vulkan's opaque-fd imports accept; files on disk, POSIX shm objects, pipes and
/// closed numbers are refused. Never reads from the fd.
pub fn is_sealed_memory(fd: RawFd) -> bool {
    if fd < 0 {
        return false;
    }
    // SAFETY: F_GET_SEALS only reads the descriptor's seal set; for a number that is not
    // open, or a file that cannot be sealed, it fails (EBADF / EINVAL) and touches nothing.
    let seals = unsafe { libc::fcntl(fd, libc::F_GET_SEALS) };
    seals >= 0 && seals & libc::F_SEAL_SHRINK != 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{fd_is_closed, read_bytes, serial, write_pattern};
    use std::os::fd::{AsRawFd, IntoRawFd};

    /// Imports `fd`, expects failure, and checks the fd number was closed.
    fn import_fails_and_closes(fd: OwnedFd, size: usize) -> ImportError {
        let raw = fd.as_raw_fd();
        let error = match Segment::import(fd, size) {
            Ok(_) => panic!("import of fd {raw} should fail"),
            Err(error) => error,
        };
        assert!(fd_is_closed(raw), "fd {raw} leaked after {error}");
        error
    }

    #[test]
    fn import_pipe_is_not_a_memory_object_and_closes_it() {
        let _guard = serial();
        let (read_end, write_end) = nix::unistd::pipe().expect("pipe");
        let error = import_fails_and_closes(read_end, 4096);
        assert!(matches!(error, ImportError::NotAMemoryObject), "{error:?}");
        drop(write_end);
    }

    #[test]
    fn import_directory_is_not_a_memory_object_and_closes_it() {
        let _guard = serial();
        let dir = std::fs::File::open("/").expect("open /");
        let error = import_fails_and_closes(dir.into(), 4096);
        assert!(matches!(error, ImportError::NotAMemoryObject), "{error:?}");
    }

    #[test]
    fn import_dev_null_is_not_a_memory_object_and_closes_it() {
        let _guard = serial();
        let null = std::fs::OpenOptions::new().read(true).write(true).open("/dev/null").expect("open /dev/null");
        let error = import_fails_and_closes(null.into(), 4096);
        assert!(matches!(error, ImportError::NotAMemoryObject), "{error:?}");
    }

    #[test]
    fn import_socket_is_not_a_memory_object_and_closes_it() {
        let _guard = serial();
        let (one, _two) = std::os::unix::net::UnixStream::pair().expect("socketpair");
        let error = import_fails_and_closes(one.into(), 4096);
        assert!(matches!(error, ImportError::NotAMemoryObject), "{error:?}");
    }

    #[test]
    fn import_too_small_memfd_reports_sizes_and_closes_it() {
        let _guard = serial();
        let small = Segment::exportable("small", 4096).expect("memfd segment");
        let error = import_fails_and_closes(small.export_fd().expect("dup"), 4097);
        match error {
            ImportError::TooSmall { have, need } => assert_eq!((have, need), (4096, 4097)),
            other => panic!("expected TooSmall, got {other:?}"),
        }
    }

    #[test]
    fn import_zero_size_is_invalid_input_and_closes_it() {
        let _guard = serial();
        let segment = Segment::exportable("zero-import", 4096).expect("memfd segment");
        match import_fails_and_closes(segment.export_fd().expect("dup"), 0) {
            ImportError::Os(error) => assert_eq!(error.kind(), io::ErrorKind::InvalidInput),
            other => panic!("expected Os(InvalidInput), got {other:?}"),
        }
    }

    #[test]
    fn import_read_only_file_fails_in_mmap_and_closes_it() {
        let _guard = serial();
        let path = std::env::temp_dir().join(format!("shm-ro-{}", std::process::id()));
        std::fs::write(&path, [0u8; 4096]).expect("write temp file");
        let file = std::fs::File::open(&path).expect("open read-only");
        let _ = std::fs::remove_file(&path);
        match import_fails_and_closes(file.into(), 4096) {
            ImportError::Os(error) => assert_eq!(error.raw_os_error(), Some(libc::EACCES)),
            other => panic!("expected Os(EACCES), got {other:?}"),
        }
    }

    #[test]
    fn import_larger_object_maps_only_the_requested_prefix() {
        let _guard = serial();
        let exporter = Segment::exportable("big", 3 * 4096).expect("memfd segment");
        write_pattern(&exporter, 9);
        let importer = Segment::import(exporter.export_fd().expect("dup"), 100).expect("import");
        assert_eq!(importer.len(), 100);
        assert_eq!(read_bytes(&importer), read_bytes(&exporter)[..100].to_vec());
    }

    #[test]
    fn import_raw_failure_leaves_the_callers_fd_open() {
        let _guard = serial();
        let (read_end, write_end) = nix::unistd::pipe().expect("pipe");
        let raw = read_end.into_raw_fd();
        // SAFETY: we own `raw`; on failure it stays ours.
        let result = unsafe { Segment::import_raw(raw, 4096) };
        assert!(matches!(result, Err(ImportError::NotAMemoryObject)));
        assert!(!fd_is_closed(raw), "failed import must not close the caller's fd");
        // SAFETY: still ours, as just checked; close it now.
        drop(unsafe { OwnedFd::from_raw_fd(raw) });
        drop(write_end);
    }

    #[test]
    fn import_raw_success_takes_ownership_of_the_fd() {
        let _guard = serial();
        let exporter = Segment::exportable("raw", 4096).expect("memfd segment");
        write_pattern(&exporter, 1);
        let raw = exporter.export_fd().expect("dup").into_raw_fd();
        // SAFETY: we own `raw` and hand it over.
        let importer = unsafe { Segment::import_raw(raw, 4096) }.expect("import_raw");
        assert!(fd_is_closed(raw), "the original number is consumed");
        assert_eq!(read_bytes(&importer), read_bytes(&exporter));
        assert!(importer.is_exportable());
    }

    #[test]
    fn import_raw_of_closed_or_negative_number_is_ebadf() {
        let _guard = serial();
        let raw = Segment::exportable("closed", 64).expect("memfd segment").export_fd().expect("dup").as_raw_fd(); // the OwnedFd is dropped (closed) at the end of this statement
        assert!(fd_is_closed(raw));
        for number in [raw, -1] {
            // SAFETY: the number is not open, so there is nothing to own.
            match unsafe { Segment::import_raw(number, 64) } {
                Err(ImportError::Os(error)) => assert_eq!(error.raw_os_error(), Some(libc::EBADF)),
                other => panic!("expected EBADF for {number}, got {other:?}"),
            }
        }
    }

    #[test]
    fn import_errors_display_and_convert_to_io() {
        let error = ImportError::TooSmall { have: 1, need: 2 };
        assert_eq!(error.to_string(), "memory object has 1 bytes, allocation needs 2");
        let io_error: io::Error = ImportError::NotAMemoryObject.into();
        assert_eq!(io_error.kind(), io::ErrorKind::InvalidInput);
        let os = ImportError::Os(io::Error::from_raw_os_error(libc::EBADF));
        assert!(os.source().is_some());
    }
}
