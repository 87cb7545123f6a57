//! Showing a swapchain image in an X11 window, from the image's own memory.
//!
//! At `connect`, each image's memfd is attached to the X server as a read-only MIT-SHM
//! segment (`ShmAttachFd`, MIT-SHM 1.2): the server maps the very pages softvk renders
//! into. A present is then one `ShmPutImage` per damage rectangle — the server copies
//! from the segment into the window — followed by a `GetGeometry` on the window. X servers
//! handle a client's requests in order, so when that reply arrives the copies are done and
//! nothing reads the image any more: only then is it handed back to the swapchain. The
//! reply also gives the window's size now. The queue thread does not wait for it: a
//! per-swapchain thread (`replies`) does, and hands the image back with what the reply
//! said, so the server's copy of one frame overlaps the rendering of the next.
//!
//! Where MIT-SHM cannot be used (a server without it, one older than 1.2, or a connection
//! that is not a local Unix socket, over which no fd can travel), the image is sent in the
//! X protocol itself: `PutImage` requests of whole rows, each under the server's maximum
//! request length, read straight from the mapped memory.
//!
//! Present modes: every present is shown at once, in present order, each rectangle in one
//! request the server applies whole. FIFO and MAILBOX therefore never block on a display
//! refresh (X11 without the Present extension has none to wait for), and IMMEDIATE is
//! the same path.
//!
//! Resizing: after the copy, a window whose size is no longer the image's gives
//! `Presented::OutOfDate` (the image was drawn, clipped at the window's border, which is
//! harmless; the swapchain then answers `VK_ERROR_OUT_OF_DATE_KHR` until it is recreated).
//! A window that is gone, or a broken connection, gives `Presented::SurfaceLost`.

use super::{window_facts, PresentImage};
use crate::memory::DeviceMemory;
use crate::wsi::{swapchain::Release, Presented};
use ash::vk;
use std::os::fd::AsRawFd;
use std::sync::mpsc::{channel, Sender};
use std::sync::Arc;
use x11rb::connection::SequenceNumber;
use x11rb::connection::{Connection, RequestConnection};
use x11rb::protocol::shm::{self, ConnectionExt as _};
use x11rb::protocol::xproto::{ConnectionExt as _, CreateGCAux, Gcontext, ImageFormat, Window};
use x11rb::xcb_ffi::XCBConnection;

/// One swapchain image as the presenter reads it.
struct Source {
    memory: Arc<DeviceMemory>,
    width: u16,
    height: u16,
}

/// How image bytes reach the server.
enum Transport {
    /// One attached segment per image, in image order.
    Shm(Vec<shm::Seg>),
    /// In the protocol, whole rows per `PutImage`; `scratch` gathers the rows of a
    /// rectangle narrower than the image.
    PutImage { scratch: Vec<u8> },
}

/// A present whose `GetGeometry` reply the reply thread waits for.
struct Pending {
    sequence: SequenceNumber,
    size: (u16, u16),
    done: Release,
}

pub struct X11Presenter {
    conn: Arc<XCBConnection>,
    window: Window,
    gc: Gcontext,
    depth: u8,
    sources: Vec<Source>,
    transport: Transport,
    /// To the reply thread; `None` once it is gone (the presenter is dropping).
    replies: Option<(Sender<Pending>, std::thread::JoinHandle<()>)>,
}

/// A request that could not be sent or answered: the connection or the window is gone.
type Failure = String;

impl X11Presenter {
    pub fn new(conn: XCBConnection, window: Window, images: &[PresentImage]) -> crate::entry::VkResult<X11Presenter> {
        let facts = window_facts(&conn, window)?;
        let mut sources = Vec::with_capacity(images.len());
        for image in images {
            let (Ok(width), Ok(height)) = (u16::try_from(image.extent.width), u16::try_from(image.extent.height))
            else {
                tracing::error!(
                    "X11 swapchain: {}x{} is larger than an X11 image",
                    image.extent.width,
                    image.extent.height
                );
                return Err(crate::entry::INVALID_USAGE);
            };
            if image.row_pitch != u64::from(image.extent.width) * 4 {
                tracing::error!("X11 swapchain: row pitch {} is not width * 4", image.row_pitch);
                return Err(crate::entry::INVALID_USAGE);
            }
            sources.push(Source { memory: image.memory.clone(), width, height });
        }
        let lost = |what: &str, err: String| {
            tracing::error!("X11 swapchain: window {window:#x}: {what} failed ({err}); the surface is lost");
            vk::Result::ERROR_SURFACE_LOST_KHR
        };
        let gc = conn.generate_id().map_err(|e| lost("allocating an id", e.to_string()))?;
        // No GraphicsExpose or NoExpose events: the application's queue is not softvk's.
        let aux = CreateGCAux::new().graphics_exposures(0);
        conn.create_gc(gc, window, &aux)
            .map_err(|e| lost("CreateGC", e.to_string()))?
            .check()
            .map_err(|e| lost("CreateGC", e.to_string()))?;
        let transport = match attach_segments(&conn, &sources) {
            Some(segments) => {
                tracing::info!("X11 swapchain: {} images attached as MIT-SHM segments", segments.len());
                Transport::Shm(segments)
            }
            None => {
                tracing::info!("X11 swapchain: MIT-SHM with fd passing is not available; presenting with PutImage");
                Transport::PutImage { scratch: Vec::new() }
            }
        };
        let conn = Arc::new(conn);
        let replies = start_reply_thread(conn.clone(), window).map_err(|e| lost("starting the reply thread", e))?;
        Ok(X11Presenter { conn, window, gc, depth: facts.depth, sources, transport, replies: Some(replies) })
    }

    /// Sends the copies of `rects` of image `index`.
    fn send(&mut self, index: usize, rects: &[vk::Rect2D]) -> Result<(), Failure> {
        let source = &self.sources[index];
        match &mut self.transport {
            Transport::Shm(segments) => {
                for rect in rects {
                    let (x, y, w, h) = rect_u16(rect);
                    let format = ImageFormat::Z_PIXMAP.into();
                    #[rustfmt::skip]
                    let cookie = self.conn.shm_put_image(
                        self.window, self.gc, source.width, source.height, x, y, w, h,
                        x as i16, y as i16, self.depth, format, false, segments[index], 0,
                    );
                    // Errors (a window destroyed meanwhile) are discarded here, never left
                    // for the application's event queue; the round trip after reports them.
                    cookie.map_err(|e| e.to_string())?.ignore_error();
                }
            }
            Transport::PutImage { scratch } => {
                let pitch = usize::from(source.width) * 4;
                let image_bytes = pitch * usize::from(source.height);
                let segment = &source.memory.segment;
                if image_bytes > segment.len() {
                    return Err(format!("image {index} needs {image_bytes} bytes, its memory has {}", segment.len()));
                }
                // SAFETY: the segment is mapped for `segment.len()` bytes while `memory`
                // lives (held by `source`), and the image is presenting: no command and
                // no application writes it until `done` is dropped after this copy.
                let bytes = unsafe { std::slice::from_raw_parts(segment.as_ptr().cast_const(), image_bytes) };
                // PutImage's fixed part is 24 bytes; the rest is rows of `w * 4` bytes.
                let budget = self.conn.maximum_request_bytes().saturating_sub(24);
                for rect in rects {
                    let (x, y, w, h) = rect_u16(rect);
                    let row = usize::from(w) * 4;
                    let rows_per_request = (budget / row).clamp(1, usize::from(u16::MAX));
                    let mut top = usize::from(y);
                    let bottom = top + usize::from(h);
                    while top < bottom {
                        let rows = rows_per_request.min(bottom - top);
                        let data = if w == source.width {
                            &bytes[top * pitch..(top + rows) * pitch]
                        } else {
                            scratch.clear();
                            for r in top..top + rows {
                                let start = r * pitch + usize::from(x) * 4;
                                scratch.extend_from_slice(&bytes[start..start + row]);
                            }
                            &scratch[..]
                        };
                        #[rustfmt::skip]
                        let cookie = self.conn.put_image(
                            ImageFormat::Z_PIXMAP, self.window, self.gc, w, rows as u16,
                            x as i16, top as i16, 0, self.depth, data,
                        );
                        cookie.map_err(|e| e.to_string())?.ignore_error();
                        top += rows;
                    }
                }
            }
        }
        Ok(())
    }

    /// Sends the `GetGeometry` that follows the copies and returns its sequence number;
    /// its reply is left for the reply thread.
    fn ask_window_size(&self) -> Result<SequenceNumber, Failure> {
        let cookie = self.conn.get_geometry(self.window).map_err(|e| e.to_string())?;
        let sequence = cookie.sequence_number();
        // Forgetting the cookie keeps its reply for `wait_for_reply_or_error(sequence)`
        // (dropping it would discard the reply); the cookie owns nothing else.
        std::mem::forget(cookie);
        self.conn.flush().map_err(|e| e.to_string())?;
        Ok(sequence)
    }
}

/// The thread that waits for each present's `GetGeometry` reply, in present order, and
/// hands the image back with the outcome. It ends when the presenter drops its sender.
fn start_reply_thread(
    conn: Arc<XCBConnection>,
    window: Window,
) -> Result<(Sender<Pending>, std::thread::JoinHandle<()>), String> {
    let (sender, receiver) = channel::<Pending>();
    let thread = std::thread::Builder::new()
        .name("softvk-x11-present".into())
        .spawn(move || {
            for pending in receiver {
                let reply = wait_for_size(&conn, pending.sequence);
                pending.done.finish(outcome(window, reply, pending.size));
            }
        })
        .map_err(|e| e.to_string())?;
    Ok((sender, thread))
}

/// Waits for the reply to the `GetGeometry` of `sequence`: the window's size.
fn wait_for_size(conn: &XCBConnection, sequence: SequenceNumber) -> Result<(u16, u16), Failure> {
    let buf = conn.wait_for_reply_or_error(sequence).map_err(|e| e.to_string())?;
    use x11rb::x11_utils::TryParse;
    let (reply, _) = x11rb::protocol::xproto::GetGeometryReply::try_parse(&buf).map_err(|e| e.to_string())?;
    Ok((reply.width, reply.height))
}

/// What a present's round trip says: the window still has the image's size, or not, or
/// is gone.
fn outcome(window: Window, reply: Result<(u16, u16), Failure>, (width, height): (u16, u16)) -> Presented {
    match reply {
        Ok(size) if size == (width, height) => Presented::Optimal,
        Ok((w, h)) => {
            tracing::debug!("X11 present: window {window:#x} is {w}x{h}, the swapchain {width}x{height}: out of date");
            Presented::OutOfDate
        }
        Err(err) => {
            tracing::error!("X11 present: window {window:#x}: {err}; the surface is lost");
            Presented::SurfaceLost
        }
    }
}

/// A rectangle the swapchain clipped to the image, in X11's 16-bit units.
fn rect_u16(rect: &vk::Rect2D) -> (u16, u16, u16, u16) {
    // The swapchain clips damage to the image, whose extent fits u16 (checked at `new`).
    let c = |v: i64| v.clamp(0, i64::from(u16::MAX)) as u16;
    (c(rect.offset.x.into()), c(rect.offset.y.into()), c(rect.extent.width.into()), c(rect.extent.height.into()))
}

/// Whether the server can map our memfds: MIT-SHM 1.2 (ShmAttachFd) and a local Unix
/// socket (fds travel only over those: sending one over TCP would break the connection).
fn can_attach_fds(conn: &XCBConnection) -> bool {
    match conn.extension_information(shm::X11_EXTENSION_NAME) {
        Ok(Some(_)) => {}
        _ => return false,
    }
    let version = match conn.shm_query_version().map(|c| c.reply()) {
        Ok(Ok(reply)) => (reply.major_version, reply.minor_version),
        _ => return false,
    };
    if version < (1, 2) {
        return false;
    }
    // SAFETY: sockaddr_storage is plain data, valid zeroed.
    let mut address: libc::sockaddr_storage = unsafe { std::mem::zeroed() };
    let mut len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
    // SAFETY: the connection's fd is an open socket while the connection lives; `address`
    // and `len` are valid for writing and `len` is its size.
    let got =
        unsafe { libc::getsockname(conn.as_raw_fd(), (&mut address as *mut libc::sockaddr_storage).cast(), &mut len) };
    got == 0 && i32::from(address.ss_family) == libc::AF_UNIX
}

/// Attaches every image's memfd read-only; `None` (with nothing left attached) where that
/// cannot be done.
fn attach_segments(conn: &XCBConnection, sources: &[Source]) -> Option<Vec<shm::Seg>> {
    if !can_attach_fds(conn) {
        return None;
    }
    let mut segments = Vec::with_capacity(sources.len());
    for source in sources {
        let attached = (|| -> Result<shm::Seg, String> {
            let fd = source.memory.segment.export_fd().map_err(|e| format!("exporting the image's fd: {e}"))?;
            let seg = conn.generate_id().map_err(|e| e.to_string())?;
            // libxcb closes the fd once it is sent.
            conn.shm_attach_fd(seg, fd, true).map_err(|e| e.to_string())?.check().map_err(|e| e.to_string())?;
            Ok(seg)
        })();
        match attached {
            Ok(seg) => segments.push(seg),
            Err(err) => {
                tracing::warn!("X11 swapchain: ShmAttachFd failed ({err})");
                detach(conn, &segments);
                return None;
            }
        }
    }
    Some(segments)
}

fn detach(conn: &XCBConnection, segments: &[shm::Seg]) {
    for &seg in segments {
        if let Ok(cookie) = conn.shm_detach(seg) {
            cookie.ignore_error();
        }
    }
}

impl crate::wsi::Presenter for X11Presenter {
    fn present(
        &mut self,
        index: usize,
        _mode: vk::PresentModeKHR,
        damage: &[vk::Rect2D],
        done: Release,
    ) -> Option<Presented> {
        let source = &self.sources[index];
        let (width, height) = (source.width, source.height);
        let whole = [vk::Rect2D {
            offset: vk::Offset2D::default(),
            extent: vk::Extent2D { width: u32::from(width), height: u32::from(height) },
        }];
        let rects = if damage.is_empty() { &whole[..] } else { damage };
        let sent = self.send(index, rects).and_then(|()| self.ask_window_size());
        match (sent, &self.replies) {
            (Ok(sequence), Some((replies, _))) => {
                // The reply thread hands the image back once the server has done the copies.
                match replies.send(Pending { sequence, size: (width, height), done }) {
                    Ok(()) => None,
                    Err(unsent) => {
                        // The thread is gone: wait here instead.
                        let reply = wait_for_size(&self.conn, sequence);
                        drop(unsent.0.done);
                        Some(outcome(self.window, reply, (width, height)))
                    }
                }
            }
            // The connection is gone (or the request could not be sent): nothing reads
            // the image now.
            (Err(err), _) => Some(outcome(self.window, Err(err), (width, height))),
            (Ok(_), None) => Some(Presented::SurfaceLost),
        }
    }
}

impl Drop for X11Presenter {
    fn drop(&mut self) {
        // Let the reply thread take the replies still due (each comes once the server has
        // done that present's copies), so no segment is detached while the server reads it.
        if let Some((sender, thread)) = self.replies.take() {
            drop(sender);
            let _ = thread.join();
        }
        if let Transport::Shm(segments) = &self.transport {
            detach(&self.conn, segments);
        }
        if let Ok(cookie) = self.conn.free_gc(self.gc) {
            cookie.ignore_error();
        }
        let _ = self.conn.flush();
    }
}
