//! The events of one Wayland swapchain: which images the compositor still reads
//! ([`Held`]), the frame callbacks FIFO waits on, and the thread that reads them from the
//! display fd into softvk's private queue ([`Thread`]).
//!
//! The thread follows libwayland's rules for reading beside other readers (the
//! application's own): `prepare_read` on softvk's queue, `poll` the fd, then `read`, or
//! drop the guard (which cancels the read) when the poll times out, so an application
//! thread that reads at the same time never waits on softvk for long.

use super::super::swapchain::Release;
use crate::entry::VkResult;
use ash::vk;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;
use wayland_backend::client::WaylandError;
use wayland_client::globals::GlobalListContents;
use wayland_client::protocol::{wl_buffer, wl_callback, wl_registry, wl_shm, wl_shm_pool};
use wayland_client::{Connection, Dispatch, EventQueue, QueueHandle};

/// How long the thread sleeps in one `poll` before it looks again.
const POLL_MS: i32 = 100;

struct HeldState {
    /// The `Release` of each image whose buffer the compositor holds.
    images: Vec<Option<Release>>,
    /// The highest frame callback sequence number that is done.
    frame_done: u64,
    /// The connection failed (or the presenter is gone): nothing is held any more.
    lost: bool,
}

/// What one swapchain's presents wait for, shared by the presenter and its thread.
pub struct Held {
    state: Mutex<HeldState>,
    changed: Condvar,
}

impl Held {
    pub fn new(images: usize) -> Held {
        Held {
            state: Mutex::new(HeldState { images: (0..images).map(|_| None).collect(), frame_done: 0, lost: false }),
            changed: Condvar::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, HeldState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Keeps `done` until the buffer of `index` is released; false (and `done` dropped at
    /// once) when the connection is lost.
    pub fn hold(&self, index: usize, done: Release) -> bool {
        let mut state = self.lock();
        if state.lost {
            drop(state);
            drop(done);
            return false;
        }
        let before = state.images[index].replace(done);
        drop(state);
        // Never set: an image is presented again only after it came back.
        drop(before);
        true
    }

    /// The compositor no longer reads the buffer of `index`: its image goes back.
    fn release(&self, index: usize) {
        let done = self.lock().images.get_mut(index).and_then(Option::take);
        // Dropped outside the lock: it takes the swapchain's own lock.
        drop(done);
    }

    fn frame_done(&self, sequence: u64) {
        let mut state = self.lock();
        state.frame_done = state.frame_done.max(sequence);
        drop(state);
        self.changed.notify_all();
    }

    /// Waits up to `limit` for frame callback `sequence`.
    pub fn wait_frame(&self, sequence: u64, limit: Duration) {
        let state = self.lock();
        let _ = self
            .changed
            .wait_timeout_while(state, limit, |s| s.frame_done < sequence && !s.lost)
            .unwrap_or_else(|e| e.into_inner());
    }

    /// Every held image goes back; later presents report the surface lost.
    pub fn lose(&self) {
        let mut state = self.lock();
        state.lost = true;
        let images: Vec<Option<Release>> = state.images.iter_mut().map(Option::take).collect();
        drop(state);
        drop(images);
        self.changed.notify_all();
    }
}

/// The event handlers of softvk's private queue.
pub struct Dispatcher {
    held: Arc<Held>,
}

impl Dispatcher {
    pub fn new(held: Arc<Held>) -> Dispatcher {
        Dispatcher { held }
    }
}

impl Dispatch<wl_registry::WlRegistry, GlobalListContents> for Dispatcher {
    fn event(
        _: &mut Self,
        _: &wl_registry::WlRegistry,
        _: wl_registry::Event,
        _: &GlobalListContents,
        _: &Connection,
        _: &QueueHandle<Self>,
    ) {
        // Globals coming and going do not matter once wl_shm is bound.
    }
}

impl Dispatch<wl_shm::WlShm, ()> for Dispatcher {
    fn event(_: &mut Self, _: &wl_shm::WlShm, _: wl_shm::Event, _: &(), _: &Connection, _: &QueueHandle<Self>) {}
}

impl Dispatch<wl_shm_pool::WlShmPool, ()> for Dispatcher {
    fn event(_: &mut Self, _: &wl_shm_pool::WlShmPool, _: wl_shm_pool::Event, _: &(), _: &Connection, _: &QueueHandle<Self>) {}
}

impl Dispatch<wl_buffer::WlBuffer, usize> for Dispatcher {
    fn event(
        state: &mut Self,
        _: &wl_buffer::WlBuffer,
        event: wl_buffer::Event,
        index: &usize,
        _: &Connection,
        _: &QueueHandle<Self>,
    ) {
        if let wl_buffer::Event::Release = event {
            state.held.release(*index);
        }
    }
}

impl Dispatch<wl_callback::WlCallback, u64> for Dispatcher {
    fn event(
        state: &mut Self,
        _: &wl_callback::WlCallback,
        event: wl_callback::Event,
        sequence: &u64,
        _: &Connection,
        _: &QueueHandle<Self>,
    ) {
        if let wl_callback::Event::Done { .. } = event {
            state.held.frame_done(*sequence);
        }
    }
}

/// The reading thread of one swapchain; dropping it stops and joins it.
pub struct Thread {
    /// An eventfd the thread polls beside the display: written to stop it.
    wake: OwnedFd,
    handle: Option<std::thread::JoinHandle<()>>,
}

impl Thread {
    pub fn spawn(conn: Connection, queue: EventQueue<Dispatcher>, dispatcher: Dispatcher) -> VkResult<Thread> {
        // SAFETY: eventfd takes no pointers; a non-negative result is a new fd we own.
        let raw = unsafe { libc::eventfd(0, libc::EFD_CLOEXEC | libc::EFD_NONBLOCK) };
        if raw < 0 {
            tracing::error!("Wayland: eventfd: {}", std::io::Error::last_os_error());
            return Err(vk::Result::ERROR_OUT_OF_HOST_MEMORY);
        }
        // SAFETY: `raw` is a fresh fd that nothing else owns.
        let wake = unsafe { OwnedFd::from_raw_fd(raw) };
        let wake_thread = wake.try_clone().map_err(|e| {
            tracing::error!("Wayland: duplicating the eventfd: {e}");
            vk::Result::ERROR_OUT_OF_HOST_MEMORY
        })?;
        let handle = std::thread::Builder::new()
            .name("softvk-wayland".into())
            .spawn(move || run(conn, queue, dispatcher, wake_thread))
            .map_err(|e| {
                tracing::error!("Wayland: starting the event thread: {e}");
                vk::Result::ERROR_OUT_OF_HOST_MEMORY
            })?;
        Ok(Thread { wake, handle: Some(handle) })
    }
}

impl Drop for Thread {
    fn drop(&mut self) {
        let one = 1u64;
        // SAFETY: writes 8 bytes from a live u64 to our own eventfd.
        unsafe { libc::write(self.wake.as_raw_fd(), (&one as *const u64).cast(), 8) };
        if let Some(handle) = self.handle.take() {
            let _ = handle.join();
        }
    }
}

fn would_block(err: &WaylandError) -> bool {
    matches!(err, WaylandError::Io(e) if e.kind() == std::io::ErrorKind::WouldBlock)
}

/// Dispatches softvk's queue until told to stop or the connection fails; on failure
/// every held image goes back and later presents report the surface lost.
fn run(conn: Connection, mut queue: EventQueue<Dispatcher>, mut dispatcher: Dispatcher, wake: OwnedFd) {
    let failure = loop {
        if let Err(err) = queue.dispatch_pending(&mut dispatcher) {
            break err.to_string();
        }
        let mut events = libc::POLLIN;
        match conn.flush() {
            Ok(()) => {}
            Err(err) if would_block(&err) => events |= libc::POLLOUT,
            Err(err) => break err.to_string(),
        }
        // None: events are already queued; dispatch them first.
        let Some(guard) = queue.prepare_read() else { continue };
        let mut fds = [
            libc::pollfd { fd: guard.connection_fd().as_raw_fd(), events, revents: 0 },
            libc::pollfd { fd: wake.as_raw_fd(), events: libc::POLLIN, revents: 0 },
        ];
        // SAFETY: `fds` is a live array of two pollfds; both fds stay open during the call
        // (the guard borrows the display, `wake` is ours).
        let ready = unsafe { libc::poll(fds.as_mut_ptr(), 2, POLL_MS) };
        if ready < 0 {
            let err = std::io::Error::last_os_error();
            if err.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            break format!("poll: {err}");
        }
        if fds[1].revents != 0 {
            // The presenter is going: stop without reading (dropping the guard cancels).
            return;
        }
        if fds[0].revents & libc::POLLIN != 0 || fds[0].revents & (libc::POLLERR | libc::POLLHUP) != 0 {
            match guard.read() {
                Ok(_) => {}
                Err(err) if would_block(&err) => {}
                Err(err) => break err.to_string(),
            }
        }
    };
    tracing::error!("Wayland: the connection to the compositor failed: {failure}");
    dispatcher.held.lose();
}
