//! `VK_KHR_xcb_surface` and `VK_KHR_xlib_surface`: surfaces on an X11 window.
//!
//! Both extensions end up on one XCB connection: the application's own (`xcb_connection_t*`
//! as it passed it, or, for Xlib, the one under its `Display*`, from `XGetXCBConnection`
//! in `libX11-xcb.so.1`). softvk wraps that connection without owning it
//! (`XCBConnection::from_raw_xcb_connection(ptr, false)`) and only sends requests and
//! waits for their replies: it never reads the application's event queue, and every
//! request it does not check has its error discarded, so nothing softvk does ever shows
//! up among the application's events. libxcb and libX11-xcb are opened at run time, so
//! softvk loads on a machine with no X libraries; a surface then fails to be created
//! with `VK_ERROR_INITIALIZATION_FAILED` and a log line.
//!
//! What a window can show without a conversion: a TrueColor visual of depth 24 (or 32,
//! with alpha) whose pixels are 32 bits, red in bits 16..24, green 8..16, blue 0..8, in a
//! little-endian server: byte for byte a `B8G8R8A8` image. So those are the formats
//! (`R8G8B8A8` would need a swizzling copy, which softvk does not do). Presenting is in
//! `x11/present.rs`.
//!
//! Thread safety: libxcb connections may be used from any thread (requests and replies
//! are locked inside libxcb), which is what lets the queue thread present. With Xlib, the
//! application's Xlib must be thread-safe too (`XInitThreads`, the default since
//! libX11 1.8), as for every Vulkan driver that presents to an Xlib window.

mod present;

use super::{create_surface, PresentImage, Presenter, SurfaceInfo, SurfaceKind};
use crate::entry::{guard, guard_value, read_in, VkResult};
use ash::vk;
use std::ffi::c_void;
use std::sync::OnceLock;
use x11rb::connection::Connection;
use x11rb::protocol::xproto::{ConnectionExt as _, ImageOrder, Setup, VisualClass, Window};
use x11rb::xcb_ffi::XCBConnection;

/// The application's `xcb_connection_t*`.
#[derive(Clone, Copy, Debug)]
pub struct XcbConnectionPtr(pub *mut c_void);

/// The application's Xlib `Display*`.
#[derive(Clone, Copy, Debug)]
pub struct XlibDisplayPtr(pub *mut c_void);

// SAFETY: libxcb connections are thread-safe (libxcb locks its own state), and softvk
// only ever passes this pointer to libxcb. The application keeps the connection open
// while the surface lives (spec: the surface's connection must outlive it).
unsafe impl Send for XcbConnectionPtr {}
// SAFETY: as for Send.
unsafe impl Sync for XcbConnectionPtr {}
// SAFETY: the pointer is only passed to `XGetXCBConnection`, which reads a field the
// Display set when it was opened and never changes; the XCB connection it gives is
// thread-safe as above.
unsafe impl Send for XlibDisplayPtr {}
// SAFETY: as for Send.
unsafe impl Sync for XlibDisplayPtr {}

/// The XCB connection of a surface, for requests.
fn raw_connection(kind: &SurfaceKind) -> VkResult<(*mut c_void, Window)> {
    match *kind {
        SurfaceKind::Xcb { connection, window } => Ok((connection.0, window)),
        SurfaceKind::Xlib { display, window } => Ok((xcb_of_display(display.0)?, window)),
        SurfaceKind::Headless | SurfaceKind::Wayland { .. } => Err(crate::entry::INVALID_USAGE),
    }
}

/// Wraps the application's connection for x11rb, without taking it over: dropping the
/// wrapper leaves the connection open.
fn wrap(raw: *mut c_void) -> VkResult<XCBConnection> {
    if let Err(err) = x11rb::xcb_ffi::load_libxcb() {
        tracing::error!("X11 surface: libxcb cannot be loaded ({err})");
        return Err(vk::Result::ERROR_INITIALIZATION_FAILED);
    }
    if raw.is_null() {
        tracing::error!("X11 surface: a null XCB connection");
        return Err(crate::entry::INVALID_USAGE);
    }
    // SAFETY: `raw` is the application's live xcb_connection_t (the surface's create info
    // named it, and the spec makes the application keep it open while the surface lives);
    // `false`: the wrapper never disconnects it.
    let conn = unsafe { XCBConnection::from_raw_xcb_connection(raw, false) }.map_err(|err| {
        tracing::error!("X11 surface: the XCB connection cannot be used ({err})");
        vk::Result::ERROR_SURFACE_LOST_KHR
    })?;
    if let Some(err) = conn.has_error() {
        tracing::error!("X11 surface: the connection to the X server is broken ({err})");
        return Err(vk::Result::ERROR_SURFACE_LOST_KHR);
    }
    Ok(conn)
}

type XGetXcbConnection = unsafe extern "C" fn(*mut c_void) -> *mut c_void;

/// `XGetXCBConnection` from libX11-xcb, opened once.
fn x_get_xcb_connection() -> Result<XGetXcbConnection, &'static str> {
    static LIBRARY: OnceLock<Result<(libloading::Library, XGetXcbConnection), String>> = OnceLock::new();
    let loaded = LIBRARY.get_or_init(|| {
        // SAFETY: libX11-xcb's initialisers are plain C library set-up.
        let library = unsafe { libloading::Library::new("libX11-xcb.so.1") }.map_err(|e| e.to_string())?;
        // SAFETY: the symbol's C type is `xcb_connection_t *XGetXCBConnection(Display *)`.
        let function =
            unsafe { library.get::<XGetXcbConnection>(b"XGetXCBConnection\0") }.map_err(|e| e.to_string())?;
        let function = *function;
        Ok((library, function))
    });
    loaded.as_ref().map(|(_, f)| *f).map_err(|e| e.as_str())
}

/// The XCB connection under an Xlib display.
fn xcb_of_display(display: *mut c_void) -> VkResult<*mut c_void> {
    if display.is_null() {
        tracing::error!("Xlib surface: a null Display");
        return Err(crate::entry::INVALID_USAGE);
    }
    let get = x_get_xcb_connection().map_err(|err| {
        tracing::error!("Xlib surface: libX11-xcb.so.1 cannot be loaded ({err})");
        vk::Result::ERROR_INITIALIZATION_FAILED
    })?;
    // SAFETY: `display` is the application's live Display (as for `wrap`).
    let raw = unsafe { get(display) };
    if raw.is_null() {
        tracing::error!("Xlib surface: the Display has no XCB connection");
        return Err(vk::Result::ERROR_SURFACE_LOST_KHR);
    }
    Ok(raw)
}

/// What softvk needs to know of a window.
pub(crate) struct WindowFacts {
    pub extent: vk::Extent2D,
    pub depth: u8,
    /// A depth-32 visual: the image's alpha reaches the window.
    pub has_alpha: bool,
}

/// The depth of `visual` if its pixels are byte for byte B8G8R8A8 (see the module docs).
fn b8g8r8a8_depth(setup: &Setup, visual: u32) -> Option<u8> {
    if setup.image_byte_order != ImageOrder::LSB_FIRST {
        return None;
    }
    let (depth, visual_type) = setup
        .roots
        .iter()
        .flat_map(|screen| &screen.allowed_depths)
        .find_map(|depth| depth.visuals.iter().find(|v| v.visual_id == visual).map(|v| (depth.depth, v)))?;
    let masks = (visual_type.red_mask, visual_type.green_mask, visual_type.blue_mask);
    let bits_per_pixel = setup.pixmap_formats.iter().find(|f| f.depth == depth).map(|f| f.bits_per_pixel);
    let ok = visual_type.class == VisualClass::TRUE_COLOR
        && masks == (0x00ff_0000, 0x0000_ff00, 0x0000_00ff)
        && matches!(depth, 24 | 32)
        && bits_per_pixel == Some(32);
    ok.then_some(depth)
}

/// The window's size, depth and visual now. A window that is gone, or a connection that
/// broke, is a lost surface.
pub(crate) fn window_facts(conn: &XCBConnection, window: Window) -> VkResult<WindowFacts> {
    let lost = |what: &str, err: &dyn std::fmt::Display| {
        tracing::error!("X11 surface: window {window:#x}: {what} failed ({err}); the surface is lost");
        vk::Result::ERROR_SURFACE_LOST_KHR
    };
    let geometry = conn.get_geometry(window).map_err(|e| lost("GetGeometry", &e))?;
    let attributes = conn.get_window_attributes(window).map_err(|e| lost("GetWindowAttributes", &e))?;
    let geometry = geometry.reply().map_err(|e| lost("GetGeometry", &e))?;
    let attributes = attributes.reply().map_err(|e| lost("GetWindowAttributes", &e))?;
    let Some(depth) = b8g8r8a8_depth(conn.setup(), attributes.visual) else {
        tracing::error!(
            "X11 surface: window {window:#x} has visual {:#x}, which is not a 24- or 32-bit TrueColor visual softvk can show",
            attributes.visual
        );
        return Err(vk::Result::ERROR_SURFACE_LOST_KHR);
    };
    Ok(WindowFacts {
        extent: vk::Extent2D { width: u32::from(geometry.width), height: u32::from(geometry.height) },
        depth: geometry.depth,
        has_alpha: depth == 32,
    })
}

pub fn info(kind: &SurfaceKind) -> VkResult<SurfaceInfo> {
    let (raw, window) = raw_connection(kind)?;
    let conn = wrap(raw)?;
    let facts = window_facts(&conn, window)?;
    // A depth-24 window drops the alpha byte (OPAQUE); a depth-32 ARGB window passes it to
    // the compositor, which takes it as premultiplied (X's convention for ARGB visuals).
    let composite_alpha = if facts.has_alpha {
        vk::CompositeAlphaFlagsKHR::PRE_MULTIPLIED | vk::CompositeAlphaFlagsKHR::INHERIT
    } else {
        vk::CompositeAlphaFlagsKHR::OPAQUE | vk::CompositeAlphaFlagsKHR::INHERIT
    };
    Ok(SurfaceInfo {
        current_extent: Some(facts.extent),
        formats: vec![vk::Format::B8G8R8A8_UNORM, vk::Format::B8G8R8A8_SRGB],
        // Every present is one copy request to the server, done in present order before
        // the image is handed back: see `present`.
        present_modes: vec![vk::PresentModeKHR::FIFO, vk::PresentModeKHR::MAILBOX, vk::PresentModeKHR::IMMEDIATE],
        composite_alpha,
    })
}

pub fn connect(kind: &SurfaceKind, images: &[PresentImage]) -> VkResult<Box<dyn Presenter>> {
    let (raw, window) = raw_connection(kind)?;
    let conn = wrap(raw)?;
    Ok(Box::new(present::X11Presenter::new(conn, window, images)?))
}

/// Whether a visual can be presented to: true for one softvk can show (see
/// [`b8g8r8a8_depth`]) on queue family 0.
fn presentation_support(raw: *mut c_void, queue_family_index: u32, visual: u32) -> VkResult<bool> {
    if queue_family_index != 0 {
        tracing::error!("X11 presentation support: queue family {queue_family_index} does not exist");
        return Ok(false);
    }
    let conn = wrap(raw)?;
    Ok(b8g8r8a8_depth(conn.setup(), visual).is_some())
}

/// # Safety
/// Vulkan's rules for `vkCreateXcbSurfaceKHR`.
pub unsafe extern "system" fn create_xcb_surface(
    instance: vk::Instance,
    p_create_info: *const vk::XcbSurfaceCreateInfoKHR<'_>,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
    p_surface: *mut vk::SurfaceKHR,
) -> vk::Result {
    guard("vkCreateXcbSurfaceKHR", || {
        let info = read_in(p_create_info)?;
        // Checks that libxcb is there and the connection usable.
        wrap(info.connection)?;
        let kind = SurfaceKind::Xcb { connection: XcbConnectionPtr(info.connection), window: info.window };
        create_surface(instance, kind, p_surface)
    })
}

/// # Safety
/// Vulkan's rules for `vkCreateXlibSurfaceKHR`.
pub unsafe extern "system" fn create_xlib_surface(
    instance: vk::Instance,
    p_create_info: *const vk::XlibSurfaceCreateInfoKHR<'_>,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
    p_surface: *mut vk::SurfaceKHR,
) -> vk::Result {
    guard("vkCreateXlibSurfaceKHR", || {
        let info = read_in(p_create_info)?;
        let Ok(window) = Window::try_from(info.window) else {
            tracing::error!("vkCreateXlibSurfaceKHR: window {:#x} is not an X11 resource id", info.window);
            return Err(crate::entry::INVALID_USAGE);
        };
        wrap(xcb_of_display(info.dpy)?)?;
        let kind = SurfaceKind::Xlib { display: XlibDisplayPtr(info.dpy), window };
        create_surface(instance, kind, p_surface)
    })
}

fn bool32(name: &str, answer: VkResult<bool>) -> vk::Bool32 {
    match answer {
        Ok(true) => vk::TRUE,
        Ok(false) => vk::FALSE,
        Err(code) => {
            tracing::error!("{name}: no ({code:?})");
            vk::FALSE
        }
    }
}

/// # Safety
/// Vulkan's rules for `vkGetPhysicalDeviceXcbPresentationSupportKHR`.
pub unsafe extern "system" fn get_physical_device_xcb_presentation_support(
    _physical_device: vk::PhysicalDevice,
    queue_family_index: u32,
    connection: *mut vk::xcb_connection_t,
    visual_id: vk::xcb_visualid_t,
) -> vk::Bool32 {
    const NAME: &str = "vkGetPhysicalDeviceXcbPresentationSupportKHR";
    guard_value(NAME, vk::FALSE, || bool32(NAME, presentation_support(connection, queue_family_index, visual_id)))
}

/// # Safety
/// Vulkan's rules for `vkGetPhysicalDeviceXlibPresentationSupportKHR`.
pub unsafe extern "system" fn get_physical_device_xlib_presentation_support(
    _physical_device: vk::PhysicalDevice,
    queue_family_index: u32,
    dpy: *mut vk::Display,
    visual_id: vk::VisualID,
) -> vk::Bool32 {
    const NAME: &str = "vkGetPhysicalDeviceXlibPresentationSupportKHR";
    guard_value(NAME, vk::FALSE, || {
        let answer = xcb_of_display(dpy).and_then(|raw| presentation_support(raw, queue_family_index, visual_id));
        bool32(NAME, answer)
    })
}
