//! `VK_KHR_wayland_surface`: presenting to a `wl_surface` of the application's own
//! `wl_display`, from the swapchain images' memory, without a copy.
//!
//! softvk never opens a connection of its own and never touches the application's event
//! queues. Each query and each swapchain wraps the application's `wl_display` in a
//! wayland-backend `Backend` (`from_foreign_display`), which owns a private libwayland
//! event queue; every object softvk creates (the registry, `wl_shm`, pools, buffers, frame
//! callbacks) lives on such a queue, so its events are read and dispatched only by softvk.
//! libwayland-client itself is `dlopen`ed on first use (wayland-sys `dlopen`): softvk
//! loads on machines without it, and surface creation there fails with a log line.
//!
//! A swapchain's presenter ([`Presenter`]) makes, once, one `wl_shm_pool` per image from
//! that image's memfd and one `wl_buffer` covering it (`wl_shm` format ARGB8888 or
//! XRGB8888 for B8G8R8A8, ABGR8888 or XBGR8888 for R8G8B8A8, by composite alpha). A present
//! attaches the image's buffer, damages what changed, commits and flushes; the compositor
//! reads the image's own pages. The image goes back to the swapchain when the compositor
//! sends that buffer's `release`, which a small thread per swapchain (`dispatch`) reads
//! from the display fd and dispatches on the private queue.
//!
//! Present modes: **FIFO** asks for a frame callback with each commit and, before the next
//! commit, waits for it (the compositor's refresh), but at most [`FRAME_WAIT`]: a hidden
//! window gets no frame callbacks and must not hang the queue. **MAILBOX** commits at once;
//! the compositor shows the newest commit at its next repaint and releases the buffers it
//! skipped. Wayland has no tearing presentation without an extra protocol, so IMMEDIATE is
//! not offered.

mod dispatch;

use super::{PresentImage, Presented, SurfaceInfo};
use crate::entry::VkResult;
use ash::vk;
use dispatch::{Dispatcher, Held};
use std::ffi::c_void;
use std::os::fd::AsFd;
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use wayland_backend::client::{Backend, ObjectId};
use wayland_client::globals::{registry_queue_init, GlobalListContents};
use wayland_client::protocol::{wl_buffer, wl_registry, wl_shm, wl_shm_pool, wl_surface};
use wayland_client::{Connection, Dispatch, Proxy, QueueHandle, WEnum};

/// Longest a FIFO present waits for the previous frame's callback.
pub const FRAME_WAIT: Duration = Duration::from_millis(100);

/// A pointer the application gave softvk: its `wl_display` or `wl_surface`.
#[derive(Clone, Copy, Debug)]
pub struct Foreign(pub *mut c_void);

// SAFETY: libwayland-client's displays and proxies may be used from any thread (every
// call takes the display's mutex); softvk only hands these pointers to libwayland, and the
// application keeps them alive while the surface exists (VUID-vkDestroySurfaceKHR: the
// window outlives its VkSurfaceKHR).
unsafe impl Send for Foreign {}
// SAFETY: as for Send: a shared `Foreign` is only a copy of the pointer.
unsafe impl Sync for Foreign {}

/// The `wl_shm` formats softvk cares about that the compositor lists besides the two every
/// compositor must support (ARGB8888, XRGB8888).
#[derive(Clone, Copy, Debug, Default)]
pub struct ShmFormats {
    abgr8888: bool,
    xbgr8888: bool,
}

/// Wraps the application's display in a backend with softvk's own event queue.
fn connection(display: Foreign) -> VkResult<Connection> {
    if !wayland_sys::client::is_lib_available() {
        tracing::error!("VK_KHR_wayland_surface: libwayland-client.so.0 cannot be loaded");
        return Err(vk::Result::ERROR_INITIALIZATION_FAILED);
    }
    if display.0.is_null() {
        tracing::error!("VK_KHR_wayland_surface: the wl_display is null");
        return Err(crate::entry::INVALID_USAGE);
    }
    // SAFETY: a live `wl_display*` of the application (the surface's creation rules), and
    // libwayland is loaded (checked above). The backend does not own the display: dropping
    // it destroys only softvk's queue and the proxies softvk created.
    let backend = unsafe { Backend::from_foreign_display(display.0.cast()) };
    Ok(Connection::from_backend(backend))
}

/// Checks that libwayland can be used, for `vkCreateWaylandSurfaceKHR`.
pub fn check_available() -> VkResult<()> {
    if wayland_sys::client::is_lib_available() {
        Ok(())
    } else {
        tracing::error!("vkCreateWaylandSurfaceKHR: libwayland-client.so.0 cannot be loaded");
        Err(vk::Result::ERROR_INITIALIZATION_FAILED)
    }
}

/// Collects `wl_shm.format` events during the query's round trip.
struct FormatQuery(ShmFormats);

impl Dispatch<wl_registry::WlRegistry, GlobalListContents> for FormatQuery {
    fn event(
        _: &mut Self,
        _: &wl_registry::WlRegistry,
        _: wl_registry::Event,
        _: &GlobalListContents,
        _: &Connection,
        _: &QueueHandle<Self>,
    ) {
    }
}

impl Dispatch<wl_shm::WlShm, ()> for FormatQuery {
    fn event(state: &mut Self, _: &wl_shm::WlShm, event: wl_shm::Event, _: &(), _: &Connection, _: &QueueHandle<Self>) {
        if let wl_shm::Event::Format { format: WEnum::Value(format) } = event {
            match format {
                wl_shm::Format::Abgr8888 => state.0.abgr8888 = true,
                wl_shm::Format::Xbgr8888 => state.0.xbgr8888 = true,
                _ => {}
            }
        }
    }
}

fn lost(what: &str, err: impl std::fmt::Display) -> vk::Result {
    tracing::error!("Wayland: {what}: {err}");
    vk::Result::ERROR_SURFACE_LOST_KHR
}

/// Asks the compositor, on a private queue, which `wl_shm` formats it takes.
fn query_formats(display: Foreign) -> VkResult<ShmFormats> {
    let conn = connection(display)?;
    let (globals, mut queue) = registry_queue_init::<FormatQuery>(&conn).map_err(|e| lost("reading the registry", e))?;
    let shm: wl_shm::WlShm = globals.bind(&queue.handle(), 1..=1, ()).map_err(|e| lost("binding wl_shm", e))?;
    let mut query = FormatQuery(ShmFormats::default());
    queue.roundtrip(&mut query).map_err(|e| lost("the wl_shm round trip", e))?;
    if shm.version() >= 2 {
        shm.release();
    }
    Ok(query.0)
}

/// The surface's formats and modes; the compositor's `wl_shm` formats are asked once per
/// surface (they do not change while the connection lives).
pub fn info(display: Foreign, formats: &OnceLock<ShmFormats>) -> VkResult<SurfaceInfo> {
    let shm = match formats.get() {
        Some(&known) => known,
        None => {
            let asked = query_formats(display)?;
            // Another thread may have stored its answer first: the same compositor's.
            *formats.get_or_init(|| asked)
        }
    };
    let mut vk_formats = vec![vk::Format::B8G8R8A8_UNORM, vk::Format::B8G8R8A8_SRGB];
    if shm.abgr8888 && shm.xbgr8888 {
        vk_formats.extend([vk::Format::R8G8B8A8_UNORM, vk::Format::R8G8B8A8_SRGB]);
    }
    Ok(SurfaceInfo {
        current_extent: None,
        formats: vk_formats,
        present_modes: vec![vk::PresentModeKHR::FIFO, vk::PresentModeKHR::MAILBOX],
        composite_alpha: vk::CompositeAlphaFlagsKHR::OPAQUE | vk::CompositeAlphaFlagsKHR::PRE_MULTIPLIED,
    })
}

/// The `wl_shm` format that shows `format` with `alpha`.
fn shm_format(format: vk::Format, alpha: vk::CompositeAlphaFlagsKHR) -> VkResult<wl_shm::Format> {
    let opaque = alpha != vk::CompositeAlphaFlagsKHR::PRE_MULTIPLIED;
    Ok(match format {
        vk::Format::B8G8R8A8_UNORM | vk::Format::B8G8R8A8_SRGB if opaque => wl_shm::Format::Xrgb8888,
        vk::Format::B8G8R8A8_UNORM | vk::Format::B8G8R8A8_SRGB => wl_shm::Format::Argb8888,
        vk::Format::R8G8B8A8_UNORM | vk::Format::R8G8B8A8_SRGB if opaque => wl_shm::Format::Xbgr8888,
        vk::Format::R8G8B8A8_UNORM | vk::Format::R8G8B8A8_SRGB => wl_shm::Format::Abgr8888,
        other => {
            tracing::error!("Wayland: format {other:?} has no wl_shm format");
            return Err(crate::entry::INVALID_USAGE);
        }
    })
}

/// Shows one swapchain's images on a `wl_surface`.
pub struct Presenter {
    conn: Connection,
    queue: QueueHandle<Dispatcher>,
    surface: wl_surface::WlSurface,
    buffers: Vec<wl_buffer::WlBuffer>,
    pools: Vec<wl_shm_pool::WlShmPool>,
    shm: wl_shm::WlShm,
    held: Arc<Held>,
    /// The sequence number of the last frame callback asked for (0: none yet).
    frame_asked: u64,
    /// Reads and dispatches the private queue until the presenter drops.
    thread: Option<dispatch::Thread>,
}

impl Presenter {
    pub fn new(display: Foreign, surface: Foreign, images: &[PresentImage]) -> VkResult<Presenter> {
        let conn = connection(display)?;
        if surface.0.is_null() {
            tracing::error!("Wayland: the wl_surface is null");
            return Err(crate::entry::INVALID_USAGE);
        }
        // SAFETY: a live `wl_surface*` of this display (the surface's creation rules);
        // from_ptr checks that the proxy's class is wl_surface.
        let id = unsafe { ObjectId::from_ptr(wl_surface::WlSurface::interface(), surface.0.cast()) }.map_err(|_| {
            tracing::error!("Wayland: the surface pointer is not a wl_surface");
            crate::entry::INVALID_USAGE
        })?;
        let surface = wl_surface::WlSurface::from_id(&conn, id).map_err(|_| crate::entry::INVALID_USAGE)?;
        let (globals, queue) = registry_queue_init::<Dispatcher>(&conn).map_err(|e| lost("reading the registry", e))?;
        let qh = queue.handle();
        let shm: wl_shm::WlShm = globals.bind(&qh, 1..=1, ()).map_err(|e| lost("binding wl_shm", e))?;
        let held = Arc::new(Held::new(images.len()));
        let mut presenter = Presenter {
            conn: conn.clone(),
            queue: qh.clone(),
            surface,
            buffers: Vec::with_capacity(images.len()),
            pools: Vec::with_capacity(images.len()),
            shm,
            held: held.clone(),
            frame_asked: 0,
            thread: None,
        };
        for (index, image) in images.iter().enumerate() {
            let format = shm_format(image.format, image.composite_alpha)?;
            let (Ok(size), Ok(width), Ok(height), Ok(stride)) = (
                i32::try_from(image.memory.size),
                i32::try_from(image.extent.width),
                i32::try_from(image.extent.height),
                i32::try_from(image.row_pitch),
            ) else {
                tracing::error!("Wayland: an image of {} bytes is too large for wl_shm", image.memory.size);
                return Err(vk::Result::ERROR_OUT_OF_DEVICE_MEMORY);
            };
            let fd = image.memory.segment.export_fd().map_err(|err| {
                tracing::error!("Wayland: exporting swapchain image {index}: {err}");
                vk::Result::ERROR_OUT_OF_HOST_MEMORY
            })?;
            // The compositor maps the fd it receives; ours is closed once sent.
            let pool = presenter.shm.create_pool(fd.as_fd(), size, &qh, ());
            let buffer = pool.create_buffer(0, width, height, stride, format, &qh, index);
            presenter.pools.push(pool);
            presenter.buffers.push(buffer);
        }
        conn.flush().map_err(|e| lost("sending the buffers", e))?;
        presenter.thread = Some(dispatch::Thread::spawn(conn, queue, Dispatcher::new(held))?);
        Ok(presenter)
    }

    fn show(&mut self, index: usize, mode: vk::PresentModeKHR, damage: &[vk::Rect2D]) -> Result<(), String> {
        if mode == vk::PresentModeKHR::FIFO && self.frame_asked != 0 {
            // Paced by the compositor's refresh, but never forever (a hidden window).
            self.held.wait_frame(self.frame_asked, FRAME_WAIT);
        }
        self.surface.attach(Some(&self.buffers[index]), 0, 0);
        let buffer_damage = self.surface.version() >= 4;
        let whole = [vk::Rect2D { offset: vk::Offset2D::default(), extent: vk::Extent2D { width: i32::MAX as u32, height: i32::MAX as u32 } }];
        for rect in if damage.is_empty() { &whole[..] } else { damage } {
            let (x, y) = (rect.offset.x, rect.offset.y);
            let (w, h) = (rect.extent.width.min(i32::MAX as u32) as i32, rect.extent.height.min(i32::MAX as u32) as i32);
            if buffer_damage {
                self.surface.damage_buffer(x, y, w, h);
            } else {
                // wl_surface before version 4: surface coordinates, the same at scale 1
                // (softvk never sets a buffer scale).
                self.surface.damage(x, y, w, h);
            }
        }
        if mode == vk::PresentModeKHR::FIFO {
            self.frame_asked += 1;
            self.surface.frame(&self.queue, self.frame_asked);
        }
        self.surface.commit();
        match self.conn.flush() {
            Ok(()) => Ok(()),
            // The socket is full: libwayland keeps the requests and the dispatch thread
            // flushes again.
            Err(wayland_backend::client::WaylandError::Io(e)) if e.kind() == std::io::ErrorKind::WouldBlock => Ok(()),
            Err(e) => Err(e.to_string()),
        }
    }
}

impl super::Presenter for Presenter {
    fn present(
        &mut self,
        index: usize,
        mode: vk::PresentModeKHR,
        damage: &[vk::Rect2D],
        done: super::swapchain::Release,
    ) -> Option<Presented> {
        // Kept until the compositor releases the buffer (or the connection dies).
        if !self.held.hold(index, done) {
            return Some(Presented::SurfaceLost);
        }
        match self.show(index, mode, damage) {
            Ok(()) => Some(Presented::Optimal),
            Err(why) => {
                tracing::error!("Wayland: presenting image {index}: {why}");
                self.held.lose();
                Some(Presented::SurfaceLost)
            }
        }
    }
}

impl Drop for Presenter {
    fn drop(&mut self) {
        // Stop reading first: no event handler runs while the objects go.
        drop(self.thread.take());
        for buffer in self.buffers.drain(..) {
            buffer.destroy();
        }
        for pool in self.pools.drain(..) {
            pool.destroy();
        }
        if self.shm.version() >= 2 {
            self.shm.release();
        }
        let _ = self.conn.flush();
        // Images the compositor still held go back (the swapchain is going away).
        self.held.lose();
        // Frame callbacks still pending and the registry are destroyed with the backend's
        // private queue when `conn` drops.
    }
}
