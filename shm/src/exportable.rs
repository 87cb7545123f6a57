//! Exportable memory: sealed memfds, with POSIX shm as the fallback.
//!
//! # Why a memfd
//! `memfd_create(2)` makes an anonymous file that lives in RAM (tmpfs). It has
//! no name in any directory, so nothing can open it except through an fd we
//! hand out, and it disappears when the last fd and mapping go away. Mapping it
//! `MAP_SHARED` gives us ordinary memory whose pages other processes can map by
//! receiving a duplicate of the fd.
//!
//! # Why seals: an importer can never SIGBUS the exporter
//! Shared file memory has a trap. If anyone calls `ftruncate` to make the file
//! shorter than our mapping, the pages past the new end stop existing, and the
//! next access to them — in *our* process — gets `SIGBUS` and kills us. Any
//! holder of the fd could do that, maliciously or by mistake (a consumer that
//! "resizes" its buffer).
//!
//! A memfd created with `MFD_ALLOW_SEALING` accepts *seals* (`fcntl(F_ADD_SEALS)`),
//! restrictions that apply to the file itself, hence to every fd and every
//! process, and that can never be removed:
//! - `F_SEAL_SHRINK`: the size can never go down, so every page of every
//!   mapping made at the sealed size stays backed. This is what rules out the
//!   SIGBUS above.
//! - `F_SEAL_GROW`: the size can never go up either, so the size an importer
//!   sees with `fstat` is exactly the allocation size, forever.
//! - `F_SEAL_SEAL`: no further seals may be added. Without it an importer could
//!   add, say, `F_SEAL_FUTURE_WRITE` and make later writable mappings of the
//!   memory fail in every process.
//!
//! The memory itself stays writable by everyone (no `F_SEAL_WRITE`): sharing
//! writable memory is the point.
//!
//! # Fallback: POSIX shm
//! Where `memfd_create` does not exist (`ENOSYS`: pre-3.17 kernels, some
//! non-Linux systems), we use `shm_open` with a unique name, `O_EXCL`, mode
//! 0600, and unlink the name right after opening, so the object is as
//! anonymous as a memfd from then on. **Those segments cannot be sealed**: a
//! process holding the fd could shrink the object and make us SIGBUS. They are
//! a compatibility path, not the normal one. Any other memfd error (`EMFILE`,
//! `ENOMEM`, a seccomp `EPERM`, ...) is reported, not papered over.

use std::ffi::CString;
use std::io;
use std::os::fd::{AsFd, OwnedFd};
use std::sync::atomic::{AtomicU64, Ordering};

use nix::errno::Errno;
use nix::fcntl::{fcntl, FcntlArg, OFlag, SealFlag};
use nix::sys::memfd::{memfd_create, MFdFlags};
use nix::sys::mman::{shm_open, shm_unlink};
use nix::sys::stat::Mode;
use nix::unistd::ftruncate;

use crate::segment::{nonzero_size, Segment};

/// The seals every exportable memfd carries; see the module docs for why.
pub(crate) fn export_seals() -> SealFlag {
    SealFlag::F_SEAL_SHRINK | SealFlag::F_SEAL_GROW | SealFlag::F_SEAL_SEAL
}

/// Longest memfd name the kernel accepts: NAME_MAX (255) minus "memfd:".
const MEMFD_NAME_MAX: usize = 249;

impl Segment {
    /// Memory that can be exported as an fd: a memfd (`MFD_CLOEXEC |
    /// MFD_ALLOW_SEALING`) of exactly `size` bytes, sealed with `F_SEAL_SHRINK |
    /// F_SEAL_GROW | F_SEAL_SEAL`, mapped `MAP_SHARED`, zero-filled.
    ///
    /// `name` is only a debugging label (it shows in `/proc/<pid>/fd` as
    /// `memfd:<name>`); it is truncated to what the kernel accepts and NUL
    /// bytes are replaced, so it never causes an error.
    ///
    /// When `memfd_create` is unavailable (`ENOSYS`) this falls back to an
    /// unlinked POSIX `shm_open` object, which **cannot be sealed** (see the
    /// module docs). `size == 0` is an error of kind
    /// [`io::ErrorKind::InvalidInput`].
    pub fn exportable(name: &str, size: usize) -> io::Result<Segment> {
        nonzero_size(size)?;
        let fd = match create_sealed_memfd(name, size) {
            Err(error) if error.raw_os_error() == Some(Errno::ENOSYS as i32) => create_posix_shm(size)?,
            other => other?,
        };
        Segment::map_shared_fd(fd, size)
    }
}

/// A memfd of `size` bytes with [`export_seals`] applied.
fn create_sealed_memfd(name: &str, size: usize) -> io::Result<OwnedFd> {
    let fd = memfd_create(memfd_name(name).as_c_str(), MFdFlags::MFD_CLOEXEC | MFdFlags::MFD_ALLOW_SEALING)?;
    ftruncate(fd.as_fd(), file_size(size)?)?;
    // Seal after sizing: from here on the size is fixed for every holder.
    fcntl(fd.as_fd(), FcntlArg::F_ADD_SEALS(export_seals()))?;
    Ok(fd)
}

/// An unlinked POSIX shm object of `size` bytes (unsealable; see module docs).
pub(crate) fn create_posix_shm(size: usize) -> io::Result<OwnedFd> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let flags = OFlag::O_RDWR | OFlag::O_CREAT | OFlag::O_EXCL | OFlag::O_CLOEXEC;
    let mode = Mode::S_IRUSR | Mode::S_IWUSR;
    // A name left over from a crashed process with our pid could collide;
    // O_EXCL turns that into EEXIST and we simply try the next number.
    let mut attempts = 0;
    let (fd, name) = loop {
        let sequence = NEXT.fetch_add(1, Ordering::Relaxed);
        let name = format!("/softvk-{}-{}", std::process::id(), sequence);
        match shm_open(name.as_str(), flags, mode) {
            Ok(fd) => break (fd, name),
            Err(Errno::EEXIST) if attempts < 16 => attempts += 1,
            Err(errno) => return Err(errno.into()),
        }
    };
    // Unlink at once: from now on only fds reach the object, like a memfd, and
    // nothing is left in /dev/shm if we crash later.
    shm_unlink(name.as_str())?;
    ftruncate(fd.as_fd(), file_size(size)?)?;
    Ok(fd)
}

/// The debugging label as a C string the kernel will accept.
fn memfd_name(name: &str) -> CString {
    let mut label: String = name.chars().map(|c| if c == '\0' { '_' } else { c }).collect();
    if label.len() > MEMFD_NAME_MAX {
        let mut end = MEMFD_NAME_MAX;
        while !label.is_char_boundary(end) {
            end -= 1;
        }
        label.truncate(end);
    }
    // No NUL bytes remain, so this cannot fail; fall back to an empty label
    // rather than unwrap.
    CString::new(label).unwrap_or_default()
}

/// `size` as the `off_t` that `ftruncate` takes.
fn file_size(size: usize) -> io::Result<i64> {
    i64::try_from(size).map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "segment size does not fit in off_t"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{pattern, read_bytes, serial, write_pattern};
    use nix::sys::stat::fstat;

    #[test]
    fn exportable_segment_bytes_match_through_imported_dup_fd() {
        let _guard = serial();
        let size = 2 * 4096 + 123;
        let exporter = Segment::exportable("match-test", size).expect("memfd segment");
        assert!(exporter.is_exportable());
        write_pattern(&exporter, 3);

        let importer = Segment::import(exporter.export_fd().expect("dup"), size).expect("import");
        assert_ne!(importer.as_ptr(), exporter.as_ptr(), "a second, distinct mapping");
        let seen = read_bytes(&importer);
        for (n, &byte) in seen.iter().enumerate() {
            assert_eq!(byte, pattern(3, n), "byte {n}");
        }

        // And the other way round: the importer's writes reach the exporter.
        write_pattern(&importer, 11);
        assert_eq!(read_bytes(&exporter), read_bytes(&importer));
        assert_eq!(read_bytes(&exporter)[size - 1], pattern(11, size - 1));
    }

    #[test]
    fn exportable_memfd_is_zero_filled_and_exactly_sized() {
        let _guard = serial();
        let segment = Segment::exportable("zero-test", 5000).expect("memfd segment");
        assert!(read_bytes(&segment).iter().all(|&b| b == 0));
        let fd = segment.export_fd().expect("dup");
        assert_eq!(fstat(fd.as_fd()).expect("fstat").st_size, 5000);
    }

    #[test]
    fn exportable_memfd_carries_shrink_grow_and_seal_seals() {
        let _guard = serial();
        let segment = Segment::exportable("seal-test", 4096).expect("memfd segment");
        let fd = segment.export_fd().expect("dup");
        let seals = fcntl(fd.as_fd(), FcntlArg::F_GET_SEALS).expect("F_GET_SEALS");
        let seals = SealFlag::from_bits_truncate(seals);
        assert!(seals.contains(SealFlag::F_SEAL_SHRINK), "{seals:?}");
        assert!(seals.contains(SealFlag::F_SEAL_GROW), "{seals:?}");
        assert!(seals.contains(SealFlag::F_SEAL_SEAL), "{seals:?}");
        assert!(!seals.contains(SealFlag::F_SEAL_WRITE), "memory stays writable");
    }

    #[test]
    fn ftruncate_on_exported_fd_fails_both_ways() {
        let _guard = serial();
        let segment = Segment::exportable("truncate-test", 8192).expect("memfd segment");
        let fd = segment.export_fd().expect("dup");
        assert_eq!(ftruncate(fd.as_fd(), 0), Err(Errno::EPERM), "shrink is sealed");
        assert_eq!(ftruncate(fd.as_fd(), 4096), Err(Errno::EPERM), "shrink is sealed");
        assert_eq!(ftruncate(fd.as_fd(), 16384), Err(Errno::EPERM), "grow is sealed");
        // The exporter's last byte is still backed (no SIGBUS) and writable.
        // SAFETY: offset 8191 is inside the 8192-byte mapping.
        unsafe { segment.as_ptr().add(8191).write(1) };
    }

    #[test]
    fn importer_cannot_add_more_seals() {
        let _guard = serial();
        let segment = Segment::exportable("seal-seal-test", 4096).expect("memfd segment");
        let fd = segment.export_fd().expect("dup");
        let result = fcntl(fd.as_fd(), FcntlArg::F_ADD_SEALS(SealFlag::F_SEAL_WRITE));
        assert_eq!(result, Err(Errno::EPERM));
    }

    #[test]
    fn export_fd_returns_a_new_cloexec_descriptor_each_time() {
        let _guard = serial();
        use std::os::fd::AsRawFd;
        let segment = Segment::exportable("dup-test", 4096).expect("memfd segment");
        let first = segment.export_fd().expect("dup");
        let second = segment.export_fd().expect("dup");
        assert_ne!(first.as_raw_fd(), second.as_raw_fd());
        for fd in [&first, &second] {
            let flags = fcntl(fd.as_fd(), FcntlArg::F_GETFD).expect("F_GETFD");
            assert_ne!(flags & libc::FD_CLOEXEC, 0, "export must set close-on-exec");
        }
    }

    #[test]
    fn posix_shm_fallback_round_trips_and_leaves_no_name_behind() {
        let _guard = serial();
        let size = 4096 + 17;
        let fd = create_posix_shm(size).expect("shm_open segment");
        let exporter = Segment::map_shared_fd(fd, size).expect("map shm");
        write_pattern(&exporter, 5);
        let importer = Segment::import(exporter.export_fd().expect("dup"), size).expect("import");
        assert_eq!(read_bytes(&importer), read_bytes(&exporter));

        let prefix = format!("softvk-{}-", std::process::id());
        let leftovers: Vec<_> = std::fs::read_dir("/dev/shm")
            .map(|dir| {
                dir.filter_map(Result::ok)
                    .filter(|entry| entry.file_name().to_string_lossy().starts_with(&prefix))
                    .collect()
            })
            .unwrap_or_default();
        assert!(leftovers.is_empty(), "unlinked at once: {leftovers:?}");
    }

    #[test]
    fn odd_labels_never_fail_allocation() {
        let _guard = serial();
        let long = "é".repeat(300);
        for label in ["", "with\0nul", long.as_str()] {
            let segment = Segment::exportable(label, 64).expect("label is only decoration");
            assert_eq!(segment.len(), 64);
        }
        assert!(memfd_name(&long).as_bytes().len() <= MEMFD_NAME_MAX);
    }
}
