//! A private weston for one test: headless backend with the pixman renderer (so that the
//! screenshooter can read back what it composites; the default noop renderer draws
//! nothing), the desktop shell (kiosk-shell's screenshots come out black), `--debug` (for `weston_screenshooter`), in its own `XDG_RUNTIME_DIR`.
//! And the test's own client: a libwayland connection with a mapped xdg_toplevel, whose
//! `wl_display*` and `wl_surface*` go to vkCreateWaylandSurfaceKHR.

use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};
use wayland_client::globals::{registry_queue_init, GlobalListContents};
use wayland_client::protocol::{wl_compositor, wl_registry, wl_shm, wl_surface};
use wayland_client::{Connection, Dispatch, EventQueue, Proxy, QueueHandle};
use wayland_protocols::xdg::shell::client::{xdg_surface, xdg_toplevel, xdg_wm_base};

pub const OUTPUT_WIDTH: u32 = 320;
pub const OUTPUT_HEIGHT: u32 = 240;

/// A running weston, killed (by its pid) and its directory removed on drop.
pub struct Weston {
    child: Child,
    pub dir: PathBuf,
    pub socket: String,
}

static NEXT: AtomicU32 = AtomicU32::new(0);

impl Weston {
    /// Starts weston; `Err` says why it cannot run (not installed...).
    pub fn start() -> Result<Weston, String> {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let socket = format!("softvk-wl-{}-{n}", std::process::id());
        let dir = std::env::temp_dir().join(format!("softvk-xdg-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        std::fs::set_permissions(&dir, std::os::unix::fs::PermissionsExt::from_mode(0o700)).map_err(|e| e.to_string())?;
        let log = std::fs::File::create(dir.join("weston.log")).map_err(|e| e.to_string())?;
        // No animations (a window zooms in, the output fades in) and a black background
        // without a panel: what a screenshot shows is the window's pixels and black.
        let ini = "[core]\nidle-time=0\n[shell]\nanimation=none\nclose-animation=none\nstartup-animation=none\n\
                   focus-animation=none\nbackground-color=0xff000000\npanel-position=none\nlocking=false\n";
        std::fs::write(dir.join("weston.ini"), ini).map_err(|e| e.to_string())?;
        let child = Command::new("weston")
            .args([
                "--backend=headless-backend.so",
                "--use-pixman",
                "--debug",
                "--idle-time=0",
                &format!("--config={}", dir.join("weston.ini").display()),
                &format!("--width={OUTPUT_WIDTH}"),
                &format!("--height={OUTPUT_HEIGHT}"),
                &format!("--socket={socket}"),
            ])
            .env("XDG_RUNTIME_DIR", &dir)
            .env_remove("WAYLAND_DISPLAY")
            .env_remove("DISPLAY")
            .stdin(Stdio::null())
            .stdout(log.try_clone().map_err(|e| e.to_string())?)
            .stderr(log)
            .spawn()
            .map_err(|e| format!("cannot start weston (scripts/install-deps.sh installs it): {e}"))?;
        let mut weston = Weston { child, dir, socket };
        let deadline = Instant::now() + Duration::from_secs(10);
        while UnixStream::connect(weston.socket_path()).is_err() {
            if let Ok(Some(status)) = weston.child.try_wait() {
                return Err(format!("weston exited with {status}: {}", weston.log()));
            }
            if Instant::now() > deadline {
                return Err(format!("weston's socket did not appear: {}", weston.log()));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        Ok(weston)
    }

    pub fn socket_path(&self) -> PathBuf {
        self.dir.join(&self.socket)
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("weston.log")).unwrap_or_default()
    }

    /// Kills weston now (for the lost-connection test).
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Screenshots until `shows` is true of one (the shell maps the window on its own
    /// schedule), for up to 5 s; the last one either way.
    pub fn screenshot_until(&self, shows: impl Fn(&Screenshot) -> bool) -> Screenshot {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let shot = self.screenshot();
            if shows(&shot) || Instant::now() > deadline {
                return shot;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// What the output shows now, through `weston-screenshooter`: rows of RGB bytes.
    pub fn screenshot(&self) -> Screenshot {
        let shots = self.dir.join(format!("shot-{}", NEXT.fetch_add(1, Ordering::Relaxed)));
        std::fs::create_dir_all(&shots).expect("screenshot directory");
        let mut command = Command::new("weston-screenshooter");
        command.current_dir(&shots).env("XDG_RUNTIME_DIR", &self.dir).env("WAYLAND_DISPLAY", &self.socket);
        let output = softvk_tests::run_with_deadline(&mut command, Duration::from_secs(20)).expect("run weston-screenshooter");
        assert!(output.status.success(), "weston-screenshooter failed:\n{}\nweston:\n{}", output.report(), self.log());
        let file = std::fs::read_dir(&shots)
            .expect("screenshot directory")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| p.extension().is_some_and(|e| e == "png"))
            .unwrap_or_else(|| panic!("weston-screenshooter wrote no png:\n{}", output.report()));
        let shot = Screenshot::read(&file);
        // For a look at what a failing test saw.
        if let Some(keep) = std::env::var_os("SOFTVK_WL_KEEP_SHOT") {
            let _ = std::fs::copy(&file, keep);
        }
        let _ = std::fs::remove_dir_all(&shots);
        shot
    }
}

impl Drop for Weston {
    fn drop(&mut self) {
        self.kill();
        if std::env::var_os("SOFTVK_WL_KEEP_SHOT").is_none() {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// A decoded screenshot, 3 bytes (R, G, B) a pixel.
pub struct Screenshot {
    pub width: u32,
    pub height: u32,
    pub rgb: Vec<u8>,
}

impl Screenshot {
    fn read(path: &Path) -> Screenshot {
        let decoder = png::Decoder::new(std::fs::File::open(path).expect("open the screenshot"));
        let mut reader = decoder.read_info().expect("a png");
        let mut data = vec![0; reader.output_buffer_size()];
        let frame = reader.next_frame(&mut data).expect("decode the screenshot");
        let channels = match frame.color_type {
            png::ColorType::Rgb => 3,
            png::ColorType::Rgba => 4,
            other => panic!("screenshot in {other:?}"),
        };
        assert_eq!(frame.bit_depth, png::BitDepth::Eight);
        let mut rgb = Vec::with_capacity((frame.width * frame.height * 3) as usize);
        for row in data[..frame.buffer_size()].chunks(frame.line_size) {
            for px in row.chunks(channels).take(frame.width as usize) {
                rgb.extend_from_slice(&px[..3]);
            }
        }
        Screenshot { width: frame.width, height: frame.height, rgb }
    }

    pub fn pixel(&self, x: u32, y: u32) -> [u8; 3] {
        let i = ((y * self.width + x) * 3) as usize;
        [self.rgb[i], self.rgb[i + 1], self.rgb[i + 2]]
    }

    /// The bounding box (x, y, width, height) of every pixel of `colour`, if any.
    pub fn find(&self, colour: [u8; 3]) -> Option<(u32, u32, u32, u32)> {
        let (mut x0, mut y0, mut x1, mut y1) = (u32::MAX, u32::MAX, 0, 0);
        for y in 0..self.height {
            for x in 0..self.width {
                if self.pixel(x, y) == colour {
                    x0 = x0.min(x);
                    y0 = y0.min(y);
                    x1 = x1.max(x);
                    y1 = y1.max(y);
                }
            }
        }
        (x0 != u32::MAX).then(|| (x0, y0, x1 - x0 + 1, y1 - y0 + 1))
    }
}

/// The test's window: a connection to its weston, a surface mapped as an xdg_toplevel.
pub struct Window {
    pub conn: Connection,
    queue: EventQueue<Client>,
    client: Client,
    pub surface: wl_surface::WlSurface,
    _xdg_surface: xdg_surface::XdgSurface,
    _toplevel: xdg_toplevel::XdgToplevel,
}

#[derive(Default)]
struct Client {
    configured: bool,
    shm_formats: Vec<wl_shm::Format>,
}

impl Window {
    pub fn open(weston: &Weston) -> Window {
        let stream = UnixStream::connect(weston.socket_path()).expect("connect to weston");
        let conn = Connection::from_socket(stream).expect("libwayland-client");
        let (globals, mut queue) = registry_queue_init::<Client>(&conn).expect("the registry");
        let qh = queue.handle();
        let compositor: wl_compositor::WlCompositor = globals.bind(&qh, 4..=4, ()).expect("wl_compositor 4");
        let wm_base: xdg_wm_base::XdgWmBase = globals.bind(&qh, 1..=3, ()).expect("xdg_wm_base");
        let _shm: wl_shm::WlShm = globals.bind(&qh, 1..=1, ()).expect("wl_shm");
        let surface = compositor.create_surface(&qh, ());
        let xdg_surface = wm_base.get_xdg_surface(&surface, &qh, ());
        let toplevel = xdg_surface.get_toplevel(&qh, ());
        toplevel.set_title("softvk wsi_wayland".into());
        surface.commit();
        let mut client = Client::default();
        let deadline = Instant::now() + Duration::from_secs(10);
        while !client.configured {
            queue.roundtrip(&mut client).expect("a round trip to weston");
            assert!(Instant::now() < deadline, "weston sent no configure");
        }
        Window { conn, queue, client, surface, _xdg_surface: xdg_surface, _toplevel: toplevel }
    }

    /// The formats weston's wl_shm listed.
    pub fn shm_formats(&self) -> &[wl_shm::Format] {
        &self.client.shm_formats
    }

    /// The `wl_display*` for VkWaylandSurfaceCreateInfoKHR.
    pub fn display_ptr(&self) -> *mut std::ffi::c_void {
        self.conn.backend().display_ptr().cast()
    }

    /// The `wl_surface*` for VkWaylandSurfaceCreateInfoKHR.
    pub fn surface_ptr(&self) -> *mut std::ffi::c_void {
        self.surface.id().as_ptr().cast()
    }

    /// Answers what weston sent the test's own objects (pings) and waits until weston has
    /// handled everything sent before.
    pub fn roundtrip(&mut self) {
        self.queue.roundtrip(&mut self.client).expect("a round trip to weston");
    }
}

impl Dispatch<wl_registry::WlRegistry, GlobalListContents> for Client {
    fn event(_: &mut Self, _: &wl_registry::WlRegistry, _: wl_registry::Event, _: &GlobalListContents, _: &Connection, _: &QueueHandle<Self>) {}
}

impl Dispatch<wl_compositor::WlCompositor, ()> for Client {
    fn event(_: &mut Self, _: &wl_compositor::WlCompositor, _: wl_compositor::Event, _: &(), _: &Connection, _: &QueueHandle<Self>) {}
}

impl Dispatch<wl_shm::WlShm, ()> for Client {
    fn event(state: &mut Self, _: &wl_shm::WlShm, event: wl_shm::Event, _: &(), _: &Connection, _: &QueueHandle<Self>) {
        if let wl_shm::Event::Format { format: wayland_client::WEnum::Value(format) } = event {
            state.shm_formats.push(format);
        }
    }
}

impl Dispatch<wl_surface::WlSurface, ()> for Client {
    fn event(_: &mut Self, _: &wl_surface::WlSurface, _: wl_surface::Event, _: &(), _: &Connection, _: &QueueHandle<Self>) {}
}

impl Dispatch<xdg_wm_base::XdgWmBase, ()> for Client {
    fn event(_: &mut Self, wm: &xdg_wm_base::XdgWmBase, event: xdg_wm_base::Event, _: &(), _: &Connection, _: &QueueHandle<Self>) {
        if let xdg_wm_base::Event::Ping { serial } = event {
            wm.pong(serial);
        }
    }
}

impl Dispatch<xdg_surface::XdgSurface, ()> for Client {
    fn event(state: &mut Self, surface: &xdg_surface::XdgSurface, event: xdg_surface::Event, _: &(), _: &Connection, _: &QueueHandle<Self>) {
        if let xdg_surface::Event::Configure { serial } = event {
            surface.ack_configure(serial);
            state.configured = true;
        }
    }
}

impl Dispatch<xdg_toplevel::XdgToplevel, ()> for Client {
    fn event(_: &mut Self, _: &xdg_toplevel::XdgToplevel, _: xdg_toplevel::Event, _: &(), _: &Connection, _: &QueueHandle<Self>) {}
}
