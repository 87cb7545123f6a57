//! VK_KHR_wayland_surface and VK_KHR_swapchain on a real compositor: each test starts its
//! own headless weston (`compositor`), maps an xdg_toplevel from its own connection, and
//! presents images it filled with vkCmdClearColorImage or a buffer copy (TRANSFER_DST
//! usage only); what weston composited is read back with weston-screenshooter and compared
//! exactly. Also: a thousand frames in MAILBOX and FIFO leak no fds and no memory and never
//! starve acquire, a swapchain destroyed with presents in flight, a swapchain recreated
//! through oldSwapchain at a new size, and a compositor that dies.

#[path = "wsi_wayland/compositor.rs"]
mod compositor;

use ash::vk;
use compositor::{Screenshot, Weston, Window};
use softvk_tests::validation::Validation;
use softvk_tests::wsi::{open_fds, record_fill_for_present, rss_kib};
use softvk_tests::*;
use std::time::Duration;

const FORMAT: vk::Format = vk::Format::B8G8R8A8_UNORM;
/// How long an acquire may wait before the test calls it starved (ns).
const ACQUIRE_TIMEOUT_NS: u64 = 5_000_000_000;

/// The compositor, the window and a context whose instance has the Wayland surface
/// extensions; None (after `skip`, which fails on softvk) when one cannot be had.
fn setup(test: &str) -> Option<(Weston, Window, Context)> {
    let weston = match Weston::start() {
        Ok(weston) => weston,
        Err(why) => {
            skip(test, &why);
            return None;
        }
    };
    let window = Window::open(&weston);
    let instance_extensions = [ash::khr::surface::NAME, ash::khr::wayland_surface::NAME];
    let Some(ctx) = Context::with_instance_extensions(&instance_extensions, &[ash::khr::swapchain::NAME], Validation::Default)
    else {
        skip(test, "VK_KHR_wayland_surface or VK_KHR_swapchain is not offered");
        return None;
    };
    Some((weston, window, ctx))
}

/// Clear colours of exact 8-bit values (k/255 converts back to k).
fn clear_value(rgb: [u8; 3]) -> vk::ClearColorValue {
    vk::ClearColorValue { float32: [rgb[0] as f32 / 255.0, rgb[1] as f32 / 255.0, rgb[2] as f32 / 255.0, 1.0] }
}

/// What a frame's image is filled with.
#[derive(Clone, Copy)]
enum Fill {
    Colour([u8; 3]),
    /// pixel (x, y) = R x*5, G y*7, B (x ^ y), copied from a buffer.
    Pattern,
}

fn pattern_rgb(x: u32, y: u32) -> [u8; 3] {
    [(x * 5) as u8, (y * 7) as u8, (x ^ y) as u8]
}

/// One surface with its swapchain, and what a frame needs.
struct Presenting<'a> {
    ctx: &'a Context,
    surface_fn: ash::khr::surface::Instance,
    swapchain_fn: ash::khr::swapchain::Device,
    surface: vk::SurfaceKHR,
    swapchain: vk::SwapchainKHR,
    images: Vec<vk::Image>,
    extent: vk::Extent2D,
    /// Signalled by a frame's submission, waited by its present; one per image.
    rendered: Vec<vk::Semaphore>,
    acquired: vk::Fence,
    submitted: vk::Fence,
    cb: vk::CommandBuffer,
    staging: Option<HostBuffer>,
}

impl<'a> Presenting<'a> {
    fn new(ctx: &'a Context, window: &Window) -> Presenting<'a> {
        let wayland_fn = ash::khr::wayland_surface::Instance::new(&ctx.entry, &ctx.instance);
        let info = vk::WaylandSurfaceCreateInfoKHR::default().display(window.display_ptr()).surface(window.surface_ptr());
        // SAFETY: the display and surface are live and outlive the VkSurfaceKHR.
        let surface = unsafe { wayland_fn.create_wayland_surface(&info, None) }.expect("vkCreateWaylandSurfaceKHR");
        let acquired = ctx.owned_fence(false);
        let submitted = ctx.owned_fence(false);
        Presenting {
            ctx,
            surface_fn: ash::khr::surface::Instance::new(&ctx.entry, &ctx.instance),
            swapchain_fn: ash::khr::swapchain::Device::new(&ctx.instance, &ctx.device),
            surface,
            swapchain: vk::SwapchainKHR::null(),
            images: vec![],
            extent: vk::Extent2D::default(),
            rendered: vec![],
            acquired,
            submitted,
            cb: ctx.allocate_command_buffer(vk::CommandBufferLevel::PRIMARY),
            staging: None,
        }
    }

    fn capabilities(&self) -> vk::SurfaceCapabilitiesKHR {
        // SAFETY: live physical device and surface.
        unsafe { self.surface_fn.get_physical_device_surface_capabilities(self.ctx.physical_device, self.surface) }
            .expect("vkGetPhysicalDeviceSurfaceCapabilitiesKHR")
    }

    fn present_modes(&self) -> Vec<vk::PresentModeKHR> {
        // SAFETY: as above.
        unsafe { self.surface_fn.get_physical_device_surface_present_modes(self.ctx.physical_device, self.surface) }
            .expect("vkGetPhysicalDeviceSurfacePresentModesKHR")
    }

    /// A swapchain of `extent` in `mode` replacing the current one (which stays until
    /// [`Self::destroy_retired`] or drop).
    fn create_swapchain(&mut self, extent: vk::Extent2D, mode: vk::PresentModeKHR) -> vk::SwapchainKHR {
        self.create_swapchain_as(extent, mode, FORMAT, vk::CompositeAlphaFlagsKHR::OPAQUE)
    }

    /// `create_swapchain` with another format and composite alpha.
    fn create_swapchain_as(
        &mut self,
        extent: vk::Extent2D,
        mode: vk::PresentModeKHR,
        format: vk::Format,
        alpha: vk::CompositeAlphaFlagsKHR,
    ) -> vk::SwapchainKHR {
        let caps = self.capabilities();
        assert!(caps.supported_usage_flags.contains(vk::ImageUsageFlags::TRANSFER_DST));
        assert!(caps.supported_composite_alpha.contains(alpha));
        let old = self.swapchain;
        let info = vk::SwapchainCreateInfoKHR::default()
            .surface(self.surface)
            .min_image_count(caps.min_image_count.max(2))
            .image_format(format)
            .image_color_space(vk::ColorSpaceKHR::SRGB_NONLINEAR)
            .image_extent(extent)
            .image_array_layers(1)
            .image_usage(vk::ImageUsageFlags::TRANSFER_DST)
            .image_sharing_mode(vk::SharingMode::EXCLUSIVE)
            .pre_transform(vk::SurfaceTransformFlagsKHR::IDENTITY)
            .composite_alpha(alpha)
            .present_mode(mode)
            .clipped(true)
            .old_swapchain(old);
        // SAFETY: valid create info; the surface is live.
        self.swapchain = unsafe { self.swapchain_fn.create_swapchain(&info, None) }.expect("vkCreateSwapchainKHR");
        // SAFETY: live swapchain.
        self.images = unsafe { self.swapchain_fn.get_swapchain_images(self.swapchain) }.expect("vkGetSwapchainImagesKHR");
        self.extent = extent;
        self.destroy_semaphores();
        self.rendered = self.images.iter().map(|_| self.ctx.owned_semaphore(&vk::SemaphoreCreateInfo::default())).collect();
        old
    }

    fn destroy_semaphores(&mut self) {
        // Owned semaphores go with the context; a new swapchain takes fresh ones so that no
        // wait of an old present is still pending on them.
        self.rendered.clear();
    }

    /// Destroys a swapchain this one replaced.
    fn destroy_retired(&self, old: vk::SwapchainKHR) {
        // SAFETY: every submission that used its images has completed (each frame waits
        // its fence); queued presents may still be in flight, which the spec allows.
        unsafe { self.swapchain_fn.destroy_swapchain(old, None) };
    }

    /// Destroys the current swapchain (its frames' submissions are complete).
    fn destroy_swapchain(&mut self) {
        // SAFETY: as in destroy_retired.
        unsafe { self.swapchain_fn.destroy_swapchain(self.swapchain, None) };
        self.swapchain = vk::SwapchainKHR::null();
        self.images.clear();
    }

    /// Acquires an image (fails the test if acquire starves).
    fn acquire(&self) -> Result<u32, vk::Result> {
        let device = &self.ctx.device;
        // SAFETY: live swapchain and fence (unsignalled).
        let acquired = unsafe { self.swapchain_fn.acquire_next_image(self.swapchain, ACQUIRE_TIMEOUT_NS, vk::Semaphore::null(), self.acquired) };
        let index = match acquired {
            Ok((index, _suboptimal)) => index,
            Err(vk::Result::TIMEOUT) | Err(vk::Result::NOT_READY) => panic!("vkAcquireNextImageKHR starved: no image came back in 5 s"),
            Err(e) => return Err(e),
        };
        // SAFETY: the fence is signalled by the acquire above.
        unsafe {
            device.wait_for_fences(&[self.acquired], true, FENCE_TIMEOUT_NS).expect("the acquire fence");
            device.reset_fences(&[self.acquired]).expect("vkResetFences");
        }
        Ok(index)
    }

    /// Fills image `index` and submits; the submission signals `rendered[index]` and
    /// `submitted`.
    fn render(&mut self, index: u32, fill: Fill) {
        let ctx = self.ctx;
        let device = &ctx.device;
        let image = self.images[index as usize];
        let (w, h) = (self.extent.width, self.extent.height);
        if let (Fill::Pattern, true) = (fill, self.staging.as_ref().is_none_or(|s| s.size < u64::from(w * h * 4))) {
            self.staging = Some(ctx.create_transfer_buffer(u64::from(w * h * 4)));
        }
        if let Fill::Pattern = fill {
            let mut bytes = Vec::with_capacity((w * h * 4) as usize);
            for y in 0..h {
                for x in 0..w {
                    let [r, g, b] = pattern_rgb(x, y);
                    bytes.extend_from_slice(&[b, g, r, 255]);
                }
            }
            self.staging.as_ref().unwrap().write(0, &bytes);
        }
        ctx.begin(self.cb);
        let cb = self.cb;
        record_fill_for_present(ctx, cb, image, || {
            // SAFETY: cb is recording; the image is acquired, in TRANSFER_DST_OPTIMAL, and its
            // submission waited below.
            unsafe {
                match fill {
                    Fill::Colour(rgb) => {
                        device.cmd_clear_color_image(cb, image, vk::ImageLayout::TRANSFER_DST_OPTIMAL, &clear_value(rgb), &[COLOR_RANGE])
                    }
                    Fill::Pattern => {
                        let region = vk::BufferImageCopy::default()
                            .image_subresource(vk::ImageSubresourceLayers::default().aspect_mask(vk::ImageAspectFlags::COLOR).layer_count(1))
                            .image_extent(vk::Extent3D { width: w, height: h, depth: 1 });
                        let buffer = self.staging.as_ref().unwrap().buffer;
                        device.cmd_copy_buffer_to_image(cb, buffer, image, vk::ImageLayout::TRANSFER_DST_OPTIMAL, &[region]);
                    }
                }
            }
        });
        ctx.end(self.cb);
        let cbs = [self.cb];
        let signals = [self.rendered[index as usize]];
        let submit = vk::SubmitInfo::default().command_buffers(&cbs).signal_semaphores(&signals);
        // SAFETY: valid submit; the fence is unsignalled.
        unsafe { device.queue_submit(ctx.queue, &[submit], self.submitted) }.expect("vkQueueSubmit");
    }

    /// Presents image `index` (after its submission) and waits only for the submission.
    fn present(&self, index: u32) -> Result<bool, vk::Result> {
        let waits = [self.rendered[index as usize]];
        let swapchains = [self.swapchain];
        let indices = [index];
        let info = vk::PresentInfoKHR::default().wait_semaphores(&waits).swapchains(&swapchains).image_indices(&indices);
        // SAFETY: the image is acquired and its submission signals the semaphore.
        let presented = unsafe { self.swapchain_fn.queue_present(self.ctx.queue, &info) };
        // SAFETY: the submission's fence.
        unsafe {
            self.ctx.device.wait_for_fences(&[self.submitted], true, FENCE_TIMEOUT_NS).expect("the frame's fence");
            self.ctx.device.reset_fences(&[self.submitted]).expect("vkResetFences");
        }
        presented
    }

    /// Acquires, fills and presents one frame.
    fn frame(&mut self, fill: Fill) -> Result<(), vk::Result> {
        let index = self.acquire()?;
        self.render(index, fill);
        self.present(index).map(|_| ())
    }

    /// Waits until the queue has run every present (they went to the compositor).
    fn idle(&self) {
        // SAFETY: the queue is used by this thread only.
        unsafe { self.ctx.device.queue_wait_idle(self.ctx.queue) }.expect("vkQueueWaitIdle");
    }
}

impl Drop for Presenting<'_> {
    fn drop(&mut self) {
        // SAFETY: nothing runs on the queue after the idle wait; the objects are ours.
        unsafe {
            let _ = self.ctx.device.queue_wait_idle(self.ctx.queue);
            if self.swapchain != vk::SwapchainKHR::null() {
                self.swapchain_fn.destroy_swapchain(self.swapchain, None);
            }
            self.ctx.device.free_command_buffers(self.ctx.command_pool, &[self.cb]);
            self.surface_fn.destroy_surface(self.surface, None);
        }
    }
}

/// Checks that the screenshot shows exactly one `extent`-sized rectangle of `rgb`, and
/// returns where it is.
fn assert_shows_colour(shot: &Screenshot, rgb: [u8; 3], extent: vk::Extent2D, what: &str) -> (u32, u32) {
    let (x, y, w, h) = shot.find(rgb).unwrap_or_else(|| panic!("{what}: colour {rgb:?} is nowhere on the output"));
    assert_eq!((w, h), (extent.width, extent.height), "{what}: the {rgb:?} area has the wrong size");
    for py in y..y + h {
        for px in x..x + w {
            assert_eq!(shot.pixel(px, py), rgb, "{what}: pixel ({px}, {py}) of the window");
        }
    }
    (x, y)
}

fn extent(width: u32, height: u32) -> vk::Extent2D {
    vk::Extent2D { width, height }
}

#[test]
fn wayland_surface_reports_extent_formats_modes_and_support() {
    let Some((_weston, window, ctx)) = setup("wayland_surface_reports_extent_formats_modes_and_support") else { return };
    let wayland_fn = ash::khr::wayland_surface::Instance::new(&ctx.entry, &ctx.instance);
    // SAFETY: a live display; family 0 exists.
    let supported = unsafe {
        wayland_fn.get_physical_device_wayland_presentation_support(ctx.physical_device, 0, &mut *window.display_ptr().cast())
    };
    assert!(supported, "queue family 0 presents to Wayland");
    let presenting = Presenting::new(&ctx, &window);
    // SAFETY: live physical device and surface.
    let surface_supported = unsafe {
        presenting.surface_fn.get_physical_device_surface_support(ctx.physical_device, 0, presenting.surface)
    }
    .expect("vkGetPhysicalDeviceSurfaceSupportKHR");
    assert!(surface_supported);
    let caps = presenting.capabilities();
    // spec: on Wayland the swapchain's extent decides the window's size.
    assert_eq!((caps.current_extent.width, caps.current_extent.height), (u32::MAX, u32::MAX));
    // spec: maxImageCount 0 means no limit.
    assert!(caps.min_image_count >= 1 && (caps.max_image_count == 0 || caps.max_image_count >= caps.min_image_count));
    // SAFETY: as above.
    let formats = unsafe { presenting.surface_fn.get_physical_device_surface_formats(ctx.physical_device, presenting.surface) }
        .expect("vkGetPhysicalDeviceSurfaceFormatsKHR");
    for format in [vk::Format::B8G8R8A8_UNORM, vk::Format::B8G8R8A8_SRGB] {
        assert!(
            formats.iter().any(|f| f.format == format && f.color_space == vk::ColorSpaceKHR::SRGB_NONLINEAR),
            "{format:?} missing from {formats:?}"
        );
    }
    let modes = presenting.present_modes();
    assert!(modes.contains(&vk::PresentModeKHR::FIFO), "FIFO missing from {modes:?}");
    if ctx.is_softvk {
        // R8G8B8A8 exactly when weston's wl_shm lists ABGR8888 and XBGR8888.
        let shm = window.shm_formats();
        let abgr = shm.contains(&wayland_client::protocol::wl_shm::Format::Abgr8888)
            && shm.contains(&wayland_client::protocol::wl_shm::Format::Xbgr8888);
        for format in [vk::Format::R8G8B8A8_UNORM, vk::Format::R8G8B8A8_SRGB] {
            assert_eq!(formats.iter().any(|f| f.format == format), abgr, "{format:?} in {formats:?}, wl_shm {shm:?}");
        }
        assert_eq!(modes, [vk::PresentModeKHR::FIFO, vk::PresentModeKHR::MAILBOX]);
        assert_eq!(caps.supported_composite_alpha, vk::CompositeAlphaFlagsKHR::OPAQUE | vk::CompositeAlphaFlagsKHR::PRE_MULTIPLIED);
    }
}

#[test]
fn wayland_presented_images_are_what_weston_shows() {
    let Some((weston, mut window, ctx)) = setup("wayland_presented_images_are_what_weston_shows") else { return };
    let mut presenting = Presenting::new(&ctx, &window);
    let size = extent(64, 48);
    presenting.create_swapchain(size, vk::PresentModeKHR::FIFO);
    let mut position = None;
    for (i, rgb) in [[0x20, 0x80, 0xc0], [0xff, 0x01, 0x7f], [0x11, 0xee, 0x33]].into_iter().enumerate() {
        presenting.frame(Fill::Colour(rgb)).expect("present");
        presenting.idle();
        window.roundtrip();
        let shot = weston.screenshot_until(|shot| shot.find(rgb).is_some_and(|(_, _, w, h)| (w, h) == (64, 48)));
        let at = assert_shows_colour(&shot, rgb, size, &format!("frame {i}"));
        assert!(position.is_none_or(|p| p == at), "the window moved");
        position = Some(at);
    }
    // Every pixel its own value: row pitch and channel order are right.
    presenting.frame(Fill::Pattern).expect("present");
    presenting.idle();
    let (x0, y0) = position.unwrap();
    let shot = weston.screenshot_until(|shot| shot.pixel(x0 + 1, y0 + 1) == pattern_rgb(1, 1));
    for y in 0..size.height {
        for x in 0..size.width {
            assert_eq!(shot.pixel(x0 + x, y0 + y), pattern_rgb(x, y), "pattern pixel ({x}, {y})");
        }
    }
}

#[test]
fn wayland_every_format_and_composite_alpha_shows_the_cleared_colours() {
    let test = "wayland_every_format_and_composite_alpha_shows_the_cleared_colours";
    let Some((weston, mut window, ctx)) = setup(test) else { return };
    let mut presenting = Presenting::new(&ctx, &window);
    // SAFETY: live physical device and surface.
    let formats = unsafe { presenting.surface_fn.get_physical_device_surface_formats(ctx.physical_device, presenting.surface) }
        .expect("vkGetPhysicalDeviceSurfaceFormatsKHR");
    let caps = presenting.capabilities();
    let size = extent(40, 30);
    let mut shown = 0;
    // UNORM formats: a clear colour k/255 is stored as k whatever the channel order, so
    // what weston shows is the colour exactly. Alpha is 1, so pre-multiplied colours are
    // the same colours.
    let unorm = [vk::Format::B8G8R8A8_UNORM, vk::Format::R8G8B8A8_UNORM];
    for format in formats.iter().map(|f| f.format).filter(|f| unorm.contains(f)) {
        for alpha in [vk::CompositeAlphaFlagsKHR::OPAQUE, vk::CompositeAlphaFlagsKHR::PRE_MULTIPLIED] {
            if !caps.supported_composite_alpha.contains(alpha) {
                continue;
            }
            let old = presenting.create_swapchain_as(size, vk::PresentModeKHR::FIFO, format, alpha);
            if old != vk::SwapchainKHR::null() {
                presenting.idle();
                presenting.destroy_retired(old);
            }
            // A colour of its own per swapchain, so that an old frame cannot pass for it.
            let rgb = [0x10 + 0x20 * shown as u8, 0xc0 - 0x10 * shown as u8, 0x5a];
            presenting.frame(Fill::Colour(rgb)).expect("present");
            presenting.idle();
            window.roundtrip();
            let shot = weston.screenshot_until(|shot| shot.find(rgb).is_some_and(|(_, _, w, h)| (w, h) == (40, 30)));
            assert_shows_colour(&shot, rgb, size, &format!("{format:?} with {alpha:?}"));
            shown += 1;
        }
    }
    eprintln!("{test}: {shown} format and composite alpha pairs shown");
    assert!(shown >= 1, "no UNORM format to present in {formats:?}");
}

const LEAK_ROLE: &str = "SOFTVK_WSI_WAYLAND_LEAK_CHILD";

/// Counting fds and RSS needs a process of its own: the other tests of this binary open
/// and close fds on their threads meanwhile.
#[test]
fn wayland_thousand_frames_mailbox_and_fifo_leak_no_fds_or_memory() {
    let mut child = child_test("child_thousand_frames", LEAK_ROLE);
    let output = run_with_deadline(&mut child, Duration::from_secs(300)).expect("spawn the child");
    assert!(output.status.success(), "the child failed:\n{}", output.report());
    if output.stdout.contains("SKIP") {
        eprintln!("{}", output.stdout);
        return;
    }
    assert!(output.stdout.contains("CHILD DONE"), "the child did not finish its checks:\n{}", output.report());
}

#[test]
#[ignore = "child-process helper, run by wayland_thousand_frames_mailbox_and_fifo_leak_no_fds_or_memory"]
fn child_thousand_frames() {
    if std::env::var_os(LEAK_ROLE).is_none() {
        return;
    }
    let Some((_weston, window, ctx)) = setup("wayland_thousand_frames_mailbox_and_fifo_leak_no_fds_or_memory") else { return };
    let mut presenting = Presenting::new(&ctx, &window);
    let modes = presenting.present_modes();
    let size = extent(64, 48);
    // Warm up: the first swapchain's allocations and threads (loader, layer, driver).
    presenting.create_swapchain(size, vk::PresentModeKHR::FIFO);
    for i in 0..50u32 {
        presenting.frame(Fill::Colour([i as u8, 0, 0])).expect("present");
    }
    presenting.idle();
    presenting.destroy_swapchain();
    std::thread::sleep(Duration::from_millis(100));
    let (fds, rss) = (open_fds(), rss_kib());
    for mode in [vk::PresentModeKHR::MAILBOX, vk::PresentModeKHR::FIFO] {
        if !modes.contains(&mode) {
            skip("wayland_thousand_frames_mailbox_and_fifo_leak_no_fds_or_memory", &format!("{mode:?} is not offered"));
            continue;
        }
        presenting.create_swapchain(size, mode);
        let start = std::time::Instant::now();
        for i in 0..1000u32 {
            presenting.frame(Fill::Colour([(i % 256) as u8, (i / 256) as u8, 0x40])).unwrap_or_else(|e| panic!("{mode:?} frame {i}: {e:?}"));
        }
        presenting.idle();
        println!("{mode:?}: 1000 frames in {:?}", start.elapsed());
        presenting.destroy_swapchain();
        std::thread::sleep(Duration::from_millis(100));
        let (fds_now, rss_now) = (open_fds(), rss_kib());
        assert_eq!(fds_now, fds, "{mode:?}: open fds before {fds}, after 1000 frames and the swapchain's destruction {fds_now}");
        assert!(rss_now <= rss + 16 * 1024, "{mode:?}: RSS grew from {rss} KiB to {rss_now} KiB");
    }
    drop(presenting);
    println!("CHILD DONE");
}

#[test]
fn wayland_swapchain_destroyed_with_presents_in_flight() {
    let Some((weston, window, ctx)) = setup("wayland_swapchain_destroyed_with_presents_in_flight") else { return };
    let mut presenting = Presenting::new(&ctx, &window);
    let size = extent(40, 30);
    for round in 0..3 {
        presenting.create_swapchain(size, vk::PresentModeKHR::FIFO);
        // Each frame waits only for its submission: the presents are still queued or on
        // their way to weston when the swapchain goes.
        for i in 0..3u8 {
            presenting.frame(Fill::Colour([round * 10 + i, 0x55, 0xaa])).expect("present");
        }
        presenting.destroy_swapchain();
    }
    presenting.idle();
    // The surface still works: a new swapchain shows its frame.
    presenting.create_swapchain(size, vk::PresentModeKHR::FIFO);
    let rgb = [0x42, 0x24, 0x99];
    presenting.frame(Fill::Colour(rgb)).expect("present");
    presenting.idle();
    let shot = weston.screenshot_until(|shot| shot.find(rgb).is_some());
    assert_shows_colour(&shot, rgb, size, "after the destroyed swapchains");
}

#[test]
fn wayland_swapchain_recreated_through_old_swapchain_at_a_new_size() {
    let Some((weston, window, ctx)) = setup("wayland_swapchain_recreated_through_old_swapchain_at_a_new_size") else { return };
    let mut presenting = Presenting::new(&ctx, &window);
    let first = extent(64, 48);
    presenting.create_swapchain(first, vk::PresentModeKHR::FIFO);
    let before = [0x80, 0x40, 0x20];
    presenting.frame(Fill::Colour(before)).expect("present");
    presenting.idle();
    let shot = weston.screenshot_until(|shot| shot.find(before).is_some());
    assert_shows_colour(&shot, before, first, "the first swapchain");
    let second = extent(100, 70);
    let old = presenting.create_swapchain(second, vk::PresentModeKHR::FIFO);
    presenting.destroy_retired(old);
    let after = [0x21, 0x43, 0x65];
    for _ in 0..2 {
        presenting.frame(Fill::Colour(after)).expect("present");
    }
    presenting.idle();
    let shot = weston.screenshot_until(|shot| shot.find(after).is_some());
    assert_shows_colour(&shot, after, second, "the recreated swapchain");
    assert!(shot.find(before).is_none(), "the old swapchain's colour is still shown");
}

#[test]
fn wayland_compositor_gone_reports_surface_lost() {
    let Some((mut weston, window, ctx)) = setup("wayland_compositor_gone_reports_surface_lost") else { return };
    let mut presenting = Presenting::new(&ctx, &window);
    presenting.create_swapchain(extent(32, 32), vk::PresentModeKHR::FIFO);
    presenting.frame(Fill::Colour([1, 2, 3])).expect("present");
    presenting.idle();
    weston.kill();
    // Presents go on until the driver notices; then it says so instead of hanging.
    let mut failure = None;
    for _ in 0..50 {
        match presenting.acquire() {
            Ok(index) => {
                presenting.render(index, Fill::Colour([4, 5, 6]));
                if let Err(e) = presenting.present(index) {
                    failure = Some(e);
                    break;
                }
            }
            Err(e) => {
                failure = Some(e);
                break;
            }
        }
        presenting.idle();
    }
    let failure = failure.expect("50 presents to a dead compositor all succeeded");
    if ctx.is_softvk {
        assert_eq!(failure, vk::Result::ERROR_SURFACE_LOST_KHR);
    } else {
        assert!(
            matches!(failure, vk::Result::ERROR_SURFACE_LOST_KHR | vk::Result::ERROR_OUT_OF_DATE_KHR),
            "a dead compositor gave {failure:?}"
        );
    }
    presenting.idle();
}
