//! Helpers shared by this crate's unit tests.
//!
//! Several tests check that an fd *number* was closed. Tests run on parallel
//! threads of one process, and the kernel hands out the lowest free number, so
//! another test could reuse the number in between. Every test that opens fds
//! therefore holds [`serial`] for its whole body.

use std::sync::{Mutex, MutexGuard};

use crate::Segment;

static FD_TESTS: Mutex<()> = Mutex::new(());

/// Serialises tests that create or count fds. A panicking test poisons the
/// lock; the next test just takes it anyway.
pub fn serial() -> MutexGuard<'static, ()> {
    FD_TESTS.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// True when `raw` is not an open descriptor (`fcntl(F_GETFD)` fails with EBADF).
pub fn fd_is_closed(raw: i32) -> bool {
    // SAFETY: F_GETFD only reads the descriptor table; a closed number is fine.
    let result = unsafe { libc::fcntl(raw, libc::F_GETFD) };
    result == -1 && std::io::Error::last_os_error().raw_os_error() == Some(libc::EBADF)
}

/// Entries in /proc/self/fd (includes the directory handle used to count).
pub fn open_fd_count() -> usize {
    std::fs::read_dir("/proc/self/fd").expect("read /proc/self/fd").count()
}

/// The test pattern: byte `n` of a segment filled with `seed`. Not a multiple
/// of the page size in period (251 is prime), so misplaced pages show.
pub fn pattern(seed: u8, n: usize) -> u8 {
    ((n % 251) as u8).wrapping_mul(7).wrapping_add(seed)
}

pub fn write_pattern(segment: &Segment, seed: u8) {
    for n in 0..segment.len() {
        // SAFETY: `n < len`, inside the mapping, which the borrow keeps alive.
        unsafe { segment.as_ptr().add(n).write(pattern(seed, n)) };
    }
}

pub fn read_bytes(segment: &Segment) -> Vec<u8> {
    // SAFETY: the segment maps `len` readable bytes while borrowed; we copy
    // them out at once.
    unsafe { std::slice::from_raw_parts(segment.as_ptr(), segment.len()) }.to_vec()
}
