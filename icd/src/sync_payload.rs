//! The payload of a fence or semaphore, and how it crosses process boundaries.
//!
//! A payload is one 64-bit cell: a fence's "signalled" flag, a binary semaphore's pending
//! signal (0 or 1), a timeline semaphore's counter. It lives either in this process or,
//! once the object can be shared with `OPAQUE_FD` (reference transference), in a 4 KiB
//! sealed memfd page that every process holding the fd maps: an atomic in shared memory
//! is the same atomic in all of them.
//!
//! `SYNC_FD` handles (copy transference) are eventfds: readable once the signal they
//! stand for has happened. Exporting one takes the object's current or next signal;
//! importing one is always temporary: the object's next wait (or fence status) looks at
//! the fd instead of the cell.
//!
//! Another process's signals do not wake this process's condition variable, so a device
//! that has shared payloads re-checks waits every millisecond (`Notifier::set_external`).

use ash::vk;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};

const SHARED_CELL_SIZE: usize = 4096;

pub struct Cell {
    local: AtomicU64,
    shared: Option<shm::Segment>,
}

impl Cell {
    pub fn local(value: u64) -> Arc<Cell> {
        Arc::new(Cell { local: AtomicU64::new(value), shared: None })
    }

    /// A cell in a new sealed memfd page, exportable with `OPAQUE_FD`.
    pub fn shared(value: u64) -> Result<Arc<Cell>, vk::Result> {
        let segment = shm::Segment::exportable("softvk-sync", SHARED_CELL_SIZE).map_err(|err| {
            tracing::error!("cannot create a shareable fence/semaphore payload: {err}");
            vk::Result::ERROR_OUT_OF_HOST_MEMORY
        })?;
        let cell = Cell { local: AtomicU64::new(0), shared: Some(segment) };
        cell.atomic().store(value, Ordering::Release);
        Ok(Arc::new(cell))
    }

    /// The cell behind an `OPAQUE_FD` from another fence or semaphore. Takes ownership of
    /// `fd` on success only.
    pub fn import(fd: RawFd) -> Result<Arc<Cell>, vk::Result> {
        // SAFETY: the application owns `fd` and gives it up on success (import rules of
        // VK_KHR_external_{fence,semaphore}_fd); on failure it is untouched.
        let segment =
            unsafe { crate::external_memory::import_opaque_fd(fd, SHARED_CELL_SIZE, "fence/semaphore import") }?;
        Ok(Arc::new(Cell { local: AtomicU64::new(0), shared: Some(segment) }))
    }

    pub fn atomic(&self) -> &AtomicU64 {
        match &self.shared {
            // SAFETY: the segment is a page-aligned mapping of SHARED_CELL_SIZE bytes that
            // lives as long as `self`; AtomicU64 has the size and alignment of u64, and
            // every process touching these 8 bytes (softvk) does so atomically.
            Some(segment) => unsafe { &*(segment.as_ptr() as *const AtomicU64) },
            None => &self.local,
        }
    }

    pub fn is_shared(&self) -> bool {
        self.shared.is_some()
    }

    pub fn export_fd(&self) -> Result<OwnedFd, vk::Result> {
        let segment = self.shared.as_ref().ok_or_else(|| {
            tracing::error!("OPAQUE_FD export of a fence/semaphore not created with VkExport*CreateInfo");
            vk::Result::ERROR_INVALID_EXTERNAL_HANDLE
        })?;
        segment.export_fd().map_err(|_| vk::Result::ERROR_TOO_MANY_OBJECTS)
    }
}

/// A `SYNC_FD`: an eventfd, readable once signalled.
pub struct SyncFd(OwnedFd);

impl SyncFd {
    pub fn new(signalled: bool) -> Result<SyncFd, vk::Result> {
        // SAFETY: eventfd takes no pointers; a negative result is an error.
        let raw = unsafe { libc::eventfd(0, libc::EFD_CLOEXEC | libc::EFD_NONBLOCK) };
        if raw < 0 {
            return Err(vk::Result::ERROR_TOO_MANY_OBJECTS);
        }
        // SAFETY: `raw` is a new fd that nothing else owns.
        let fd = SyncFd(unsafe { OwnedFd::from_raw_fd(raw) });
        if signalled {
            fd.signal();
        }
        Ok(fd)
    }

    /// Adopts an imported fd (ownership passes to softvk).
    ///
    /// # Safety
    /// The caller owns `fd` and gives it up.
    pub unsafe fn adopt(fd: RawFd) -> SyncFd {
        SyncFd(OwnedFd::from_raw_fd(fd))
    }

    pub fn signal(&self) {
        let one: u64 = 1;
        // SAFETY: writes 8 bytes from a live u64 to an fd we own. An eventfd write can
        // only fail on overflow, which a count of signals never reaches.
        unsafe { libc::write(self.0.as_raw_fd(), &one as *const u64 as *const libc::c_void, 8) };
    }

    /// Readable = signalled. Works for any pollable fd an application imports.
    pub fn is_signalled(&self) -> bool {
        let mut pfd = libc::pollfd { fd: self.0.as_raw_fd(), events: libc::POLLIN, revents: 0 };
        // SAFETY: one valid pollfd, timeout 0: never blocks.
        let ready = unsafe { libc::poll(&mut pfd, 1, 0) };
        ready > 0 && pfd.revents & (libc::POLLIN | libc::POLLERR | libc::POLLHUP) != 0
    }

    pub fn into_raw(self) -> RawFd {
        std::os::fd::IntoRawFd::into_raw_fd(self.0)
    }
}

/// A temporarily imported payload, used until the next wait (semaphores) or reset (fences).
enum Temporary {
    Cell(Arc<Cell>),
    /// `None`: imported fd -1, which means "already signalled".
    SyncFd(Option<SyncFd>),
}

/// Whether a payload belongs to a fence (exports act as resets) or a semaphore (exports
/// act as waits).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Fence,
    Semaphore,
}

/// What a fence or a semaphore holds.
pub struct Payload {
    kind: Kind,
    permanent: RwLock<Arc<Cell>>,
    temporary: Mutex<Option<Temporary>>,
    /// SYNC_FDs exported before their signal happened: the next signal goes to them.
    pending_exports: Mutex<Vec<SyncFd>>,
}

impl Payload {
    pub fn new(kind: Kind, cell: Arc<Cell>) -> Payload {
        Payload {
            kind,
            permanent: RwLock::new(cell),
            temporary: Mutex::new(None),
            pending_exports: Mutex::new(Vec::new()),
        }
    }

    fn permanent(&self) -> Arc<Cell> {
        self.permanent.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// The cell signals and counter reads go to: a temporary cell, else the permanent one.
    fn current_cell(&self) -> Arc<Cell> {
        match &*self.temporary.lock().unwrap_or_else(|e| e.into_inner()) {
            Some(Temporary::Cell(cell)) => cell.clone(),
            _ => self.permanent(),
        }
    }

    pub fn value(&self) -> u64 {
        self.current_cell().atomic().load(Ordering::Acquire)
    }

    /// A timeline semaphore's signal: the counter only grows.
    pub fn signal_value(&self, value: u64) {
        self.current_cell().atomic().fetch_max(value, Ordering::AcqRel);
    }

    /// A fence's or binary semaphore's signal. If a SYNC_FD was exported while this
    /// signal was pending, the signal is delivered to it instead (the export consumed it).
    /// The exports lock is held until the cell is written, so an export racing with this
    /// signal either sees the signalled cell or has its fd signalled, never neither.
    pub fn signal(&self) {
        let mut exports = self.pending_exports.lock().unwrap_or_else(|e| e.into_inner());
        if !exports.is_empty() {
            for fd in exports.drain(..) {
                fd.signal();
            }
            return;
        }
        let mut temporary = self.temporary.lock().unwrap_or_else(|e| e.into_inner());
        match &*temporary {
            Some(Temporary::Cell(cell)) => cell.atomic().store(1, Ordering::Release),
            // A signal operation on an imported SYNC_FD payload: it is now signalled.
            Some(Temporary::SyncFd(_)) => *temporary = Some(Temporary::SyncFd(None)),
            None => self.permanent().atomic().store(1, Ordering::Release),
        }
    }

    /// Fence status: does not consume.
    pub fn is_signalled(&self) -> bool {
        match &*self.temporary.lock().unwrap_or_else(|e| e.into_inner()) {
            Some(Temporary::Cell(cell)) => cell.atomic().load(Ordering::Acquire) != 0,
            Some(Temporary::SyncFd(fd)) => fd.as_ref().is_none_or(SyncFd::is_signalled),
            None => self.permanent().atomic().load(Ordering::Acquire) != 0,
        }
    }

    /// A binary semaphore wait: consumes the signal if there is one. A temporary payload
    /// is used once and then the permanent one is restored.
    pub fn try_consume(&self) -> bool {
        let mut temporary = self.temporary.lock().unwrap_or_else(|e| e.into_inner());
        let consumed = match &*temporary {
            Some(Temporary::Cell(cell)) => {
                cell.atomic().compare_exchange(1, 0, Ordering::AcqRel, Ordering::Acquire).is_ok()
            }
            Some(Temporary::SyncFd(fd)) => fd.as_ref().is_none_or(SyncFd::is_signalled),
            None => {
                return self.permanent().atomic().compare_exchange(1, 0, Ordering::AcqRel, Ordering::Acquire).is_ok()
            }
        };
        if consumed {
            *temporary = None;
        }
        consumed
    }

    /// vkResetFences: restores the permanent payload, then unsignals it.
    pub fn reset(&self) {
        self.temporary.lock().unwrap_or_else(|e| e.into_inner()).take();
        self.permanent().atomic().store(0, Ordering::Release);
    }

    /// OPAQUE_FD export of the payload in use (an imported temporary one included, since
    /// OPAQUE_FD payloads can be re-exported).
    pub fn export_opaque(&self) -> Result<RawFd, vk::Result> {
        Ok(std::os::fd::IntoRawFd::into_raw_fd(self.current_cell().export_fd()?))
    }

    /// SYNC_FD export: same effect as a wait (semaphores) or a reset (fences) on the
    /// object. Already signalled: -1, which the spec lets an export return for a signalled
    /// payload. Pending: an eventfd that the next signal makes readable.
    pub fn export_sync(&self) -> Result<RawFd, vk::Result> {
        // Held across the check and the registration: see `signal`.
        let mut exports = self.pending_exports.lock().unwrap_or_else(|e| e.into_inner());
        let taken = self.temporary.lock().unwrap_or_else(|e| e.into_inner()).take();
        if self.kind == Kind::Fence && taken.is_some() {
            // A fence export acts as a reset: the permanent payload comes back, unsignalled.
            self.permanent().atomic().store(0, Ordering::Release);
        }
        match taken {
            // An imported SYNC_FD moves on as it is (copy transference of the same fence).
            Some(Temporary::SyncFd(None)) => return Ok(-1),
            Some(Temporary::SyncFd(Some(fd))) => return Ok(fd.into_raw()),
            // A payload shared with another process: its signals do not pass through
            // here, so only an already signalled one can be exported.
            Some(Temporary::Cell(cell)) => {
                let signalled = match self.kind {
                    Kind::Semaphore => {
                        cell.atomic().compare_exchange(1, 0, Ordering::AcqRel, Ordering::Acquire).is_ok()
                    }
                    Kind::Fence => cell.atomic().load(Ordering::Acquire) != 0,
                };
                if signalled {
                    return Ok(-1);
                }
                tracing::error!("SYNC_FD export of a temporarily imported OPAQUE_FD payload that is not signalled yet");
                return Err(vk::Result::ERROR_INVALID_EXTERNAL_HANDLE);
            }
            None => {}
        }
        if self.permanent().atomic().compare_exchange(1, 0, Ordering::AcqRel, Ordering::Acquire).is_ok() {
            return Ok(-1);
        }
        let fd = SyncFd::new(false)?;
        // SAFETY: duplicating an fd we own; the duplicate goes to the application.
        let dup = unsafe { libc::fcntl(fd.0.as_raw_fd(), libc::F_DUPFD_CLOEXEC, 0) };
        if dup < 0 {
            return Err(vk::Result::ERROR_TOO_MANY_OBJECTS);
        }
        exports.push(fd);
        Ok(dup)
    }

    /// OPAQUE_FD import; `temporary` per VK_*_IMPORT_TEMPORARY_BIT.
    pub fn import_opaque(&self, fd: RawFd, temporary: bool) -> Result<(), vk::Result> {
        let cell = Cell::import(fd)?;
        if temporary {
            *self.temporary.lock().unwrap_or_else(|e| e.into_inner()) = Some(Temporary::Cell(cell));
        } else {
            *self.permanent.write().unwrap_or_else(|e| e.into_inner()) = cell;
        }
        Ok(())
    }

    /// SYNC_FD import (always temporary). fd -1 means "already signalled".
    pub fn import_sync(&self, fd: RawFd) -> Result<(), vk::Result> {
        let sync = if fd == -1 {
            None
        } else {
            // SAFETY: F_GETFD only reads the descriptor table.
            if unsafe { libc::fcntl(fd, libc::F_GETFD) } < 0 {
                tracing::error!("SYNC_FD import: {fd} is not an open fd");
                return Err(vk::Result::ERROR_INVALID_EXTERNAL_HANDLE);
            }
            // SAFETY: the application hands over an fd it owns; it is open (checked).
            Some(unsafe { SyncFd::adopt(fd) })
        };
        *self.temporary.lock().unwrap_or_else(|e| e.into_inner()) = Some(Temporary::SyncFd(sync));
        Ok(())
    }
}
