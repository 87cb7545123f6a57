//! The present workloads: frames per second of a 1920x1080 swapchain whose images are
//! cleared and presented, one driver per child process (`bench --present-child PLATFORM
//! MANIFEST`), on a headless surface or in an X11 window.
//!
//! A frame is what a real program's simplest frame is: acquire (signalling a semaphore),
//! one pre-recorded command buffer per image that clears it (waiting on that semaphore,
//! signalling another), and a present waiting on the second. The child presents
//! [`WARMUP_FRAMES`] untimed, then [`FRAMES`] timed, and reports seconds per frame; the
//! throughput column is then frames per second. The present mode is the fastest the
//! surface offers (IMMEDIATE, else MAILBOX, else FIFO), so the numbers are the driver's
//! and the window system's, not a display's refresh rate.
//!
//! X11: the parent passes `DISPLAY` from `BENCH_X11_DISPLAY` (an Xvfb with MIT-SHM) or
//! `BENCH_X11_DISPLAY_NOSHM` (one started with `-extension MIT-SHM`); scripts/bench.sh
//! starts both when Xvfb is installed.

use crate::creation::load_one_driver;
use crate::failure::Failure;
use ash::vk;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

pub const WIDTH: u32 = 1920;
pub const HEIGHT: u32 = 1080;
const WARMUP_FRAMES: usize = 10;
const FRAMES: usize = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Platform {
    Headless,
    /// An X11 window through VK_KHR_xcb_surface; `shm`: the server has MIT-SHM.
    Xcb {
        shm: bool,
    },
}

impl Platform {
    pub fn name(self) -> &'static str {
        match self {
            Platform::Headless => "headless",
            Platform::Xcb { shm: true } => "xcb-shm",
            Platform::Xcb { shm: false } => "xcb-noshm",
        }
    }

    pub fn parse(name: &str) -> Option<Platform> {
        [Platform::Headless, Platform::Xcb { shm: true }, Platform::Xcb { shm: false }].into_iter().find(|p| p.name() == name)
    }

    /// The variable that names this platform's X display, if it has one.
    pub fn display_variable(self) -> Option<&'static str> {
        match self {
            Platform::Headless => None,
            Platform::Xcb { shm: true } => Some("BENCH_X11_DISPLAY"),
            Platform::Xcb { shm: false } => Some("BENCH_X11_DISPLAY_NOSHM"),
        }
    }
}

/// `bench --present-child PLATFORM MANIFEST`: prints `device\t<name>` and
/// `seconds\t<per frame>`, or `failed\t<reason>`.
pub fn child_main(platform: Platform, manifest: &Path) -> ExitCode {
    let entry = match load_one_driver(manifest) {
        Ok(entry) => entry,
        Err(e) => {
            println!("failed\t{e}");
            return ExitCode::FAILURE;
        }
    };
    match run(&entry, platform) {
        Ok((name, seconds)) => {
            println!("device\t{name}\nseconds\t{seconds:.9}");
            ExitCode::SUCCESS
        }
        Err(failure) => {
            println!("failed\t{failure}");
            ExitCode::FAILURE
        }
    }
}

/// An X11 window of WIDTH x HEIGHT on the application's own connection.
struct Window {
    connection: x11rb::xcb_ffi::XCBConnection,
    window: u32,
}

impl Window {
    fn open() -> Result<Window, Failure> {
        use x11rb::connection::Connection;
        use x11rb::protocol::xproto::{ConnectionExt, CreateWindowAux, WindowClass};
        let display = std::env::var("DISPLAY").unwrap_or_default();
        if display.is_empty() {
            return Err(Failure::Skipped("no X display (start Xvfb and set BENCH_X11_DISPLAY)".into()));
        }
        // A server that has just started may refuse the first connections: retry for 2 s.
        let mut attempt = 0;
        let (connection, screen) = loop {
            match x11rb::xcb_ffi::XCBConnection::connect(None) {
                Ok(connected) => break connected,
                Err(_) if attempt < 20 => {
                    attempt += 1;
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
                Err(e) => return Err(Failure::Skipped(format!("cannot connect to X display {display}: {e}"))),
            }
        };
        let root = connection.setup().roots[screen].clone();
        let window = connection.generate_id().map_err(|e| Failure::Error(format!("X id: {e}")))?;
        let aux = CreateWindowAux::new().background_pixel(root.black_pixel);
        let x11 = |e: x11rb::errors::ConnectionError| Failure::Error(format!("X11: {e}"));
        connection
            .create_window(
                x11rb::COPY_DEPTH_FROM_PARENT,
                window,
                root.root,
                0,
                0,
                WIDTH as u16,
                HEIGHT as u16,
                0,
                WindowClass::INPUT_OUTPUT,
                root.root_visual,
                &aux,
            )
            .map_err(x11)?;
        connection.map_window(window).map_err(x11)?;
        connection.flush().map_err(x11)?;
        Ok(Window { connection, window })
    }
}

fn run(entry: &ash::Entry, platform: Platform) -> Result<(String, f64), Failure> {
    let window = match platform {
        Platform::Headless => None,
        Platform::Xcb { .. } => Some(Window::open()?),
    };
    let platform_extension = match platform {
        Platform::Headless => ash::ext::headless_surface::NAME,
        Platform::Xcb { .. } => ash::khr::xcb_surface::NAME,
    };
    // SAFETY: the loader is loaded.
    let offered = unsafe { entry.enumerate_instance_extension_properties(None) }?;
    if !offered.iter().any(|e| e.extension_name_as_c_str() == Ok(platform_extension)) {
        return Err(Failure::Skipped(format!("no {}", platform_extension.to_string_lossy())));
    }
    let extensions = [ash::khr::surface::NAME.as_ptr(), platform_extension.as_ptr()];
    let app_info = vk::ApplicationInfo::default().application_name(c"softvk-bench").api_version(vk::API_VERSION_1_1);
    let instance_info = vk::InstanceCreateInfo::default().application_info(&app_info).enabled_extension_names(&extensions);
    // SAFETY: every create info outlives its call; objects are destroyed in reverse order
    // of creation once the device is idle.
    unsafe {
        let instance = entry.create_instance(&instance_info, None)?;
        let surface_fn = ash::khr::surface::Instance::new(entry, &instance);
        let surface = match (&window, platform) {
            (Some(window), _) => {
                let xcb = ash::khr::xcb_surface::Instance::new(entry, &instance);
                let info = vk::XcbSurfaceCreateInfoKHR::default()
                    .connection(window.connection.get_raw_xcb_connection())
                    .window(window.window);
                xcb.create_xcb_surface(&info, None)?
            }
            _ => ash::ext::headless_surface::Instance::new(entry, &instance)
                .create_headless_surface(&vk::HeadlessSurfaceCreateInfoEXT::default(), None)?,
        };
        let result = frames(&instance, &surface_fn, surface);
        surface_fn.destroy_surface(surface, None);
        instance.destroy_instance(None);
        drop(window);
        result
    }
}

/// Makes the device and swapchain, presents the frames and returns (device, s/frame).
///
/// # Safety
/// `surface` is a live surface of `instance`.
unsafe fn frames(
    instance: &ash::Instance,
    surface_fn: &ash::khr::surface::Instance,
    surface: vk::SurfaceKHR,
) -> Result<(String, f64), Failure> {
    let physical =
        *instance.enumerate_physical_devices()?.first().ok_or_else(|| Failure::Error("no physical device".into()))?;
    let name = instance
        .get_physical_device_properties(physical)
        .device_name_as_c_str()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if !surface_fn.get_physical_device_surface_support(physical, 0, surface)? {
        return Err(Failure::Skipped("queue family 0 cannot present to the surface".into()));
    }
    let caps = surface_fn.get_physical_device_surface_capabilities(physical, surface)?;
    let modes = surface_fn.get_physical_device_surface_present_modes(physical, surface)?;
    let mode = [vk::PresentModeKHR::IMMEDIATE, vk::PresentModeKHR::MAILBOX]
        .into_iter()
        .find(|m| modes.contains(m))
        .unwrap_or(vk::PresentModeKHR::FIFO);
    let formats = surface_fn.get_physical_device_surface_formats(physical, surface)?;
    let format = formats
        .iter()
        .find(|f| f.format == vk::Format::B8G8R8A8_UNORM)
        .or(formats.first())
        .copied()
        .ok_or_else(|| Failure::Error("the surface has no format".into()))?;
    let priorities = [1.0f32];
    let queue_info = [vk::DeviceQueueCreateInfo::default().queue_family_index(0).queue_priorities(&priorities)];
    let device_extensions = [ash::khr::swapchain::NAME.as_ptr()];
    let device_info =
        vk::DeviceCreateInfo::default().queue_create_infos(&queue_info).enabled_extension_names(&device_extensions);
    let device = instance.create_device(physical, &device_info, None)?;
    let result = (|| {
        let swapchain_fn = ash::khr::swapchain::Device::new(instance, &device);
        let mut count = caps.min_image_count.max(3);
        if caps.max_image_count != 0 {
            count = count.min(caps.max_image_count);
        }
        let composite = [vk::CompositeAlphaFlagsKHR::OPAQUE, vk::CompositeAlphaFlagsKHR::INHERIT]
            .into_iter()
            .find(|&c| caps.supported_composite_alpha.contains(c))
            .unwrap_or(vk::CompositeAlphaFlagsKHR::OPAQUE);
        let info = vk::SwapchainCreateInfoKHR::default()
            .surface(surface)
            .min_image_count(count)
            .image_format(format.format)
            .image_color_space(format.color_space)
            .image_extent(vk::Extent2D { width: WIDTH, height: HEIGHT })
            .image_array_layers(1)
            .image_usage(vk::ImageUsageFlags::TRANSFER_DST)
            .image_sharing_mode(vk::SharingMode::EXCLUSIVE)
            .pre_transform(vk::SurfaceTransformFlagsKHR::IDENTITY)
            .composite_alpha(composite)
            .present_mode(mode)
            .clipped(true);
        let swapchain = swapchain_fn.create_swapchain(&info, None)?;
        let result = present_frames(&device, &swapchain_fn, swapchain);
        device.device_wait_idle()?;
        swapchain_fn.destroy_swapchain(swapchain, None);
        result
    })();
    let _ = device.device_wait_idle();
    device.destroy_device(None);
    Ok((name, result?))
}

/// One clear command buffer per image, then the frames; seconds per timed frame.
///
/// # Safety
/// `swapchain` is a live swapchain of `device`.
unsafe fn present_frames(
    device: &ash::Device,
    swapchain_fn: &ash::khr::swapchain::Device,
    swapchain: vk::SwapchainKHR,
) -> Result<f64, Failure> {
    let queue = device.get_device_queue(0, 0);
    let images = swapchain_fn.get_swapchain_images(swapchain)?;
    let pool = device.create_command_pool(&vk::CommandPoolCreateInfo::default().queue_family_index(0), None)?;
    let cbs = device.allocate_command_buffers(
        &vk::CommandBufferAllocateInfo::default().command_pool(pool).command_buffer_count(images.len() as u32),
    )?;
    let range = vk::ImageSubresourceRange::default().aspect_mask(vk::ImageAspectFlags::COLOR).level_count(1).layer_count(1);
    for (i, (&cb, &image)) in cbs.iter().zip(&images).enumerate() {
        device.begin_command_buffer(cb, &vk::CommandBufferBeginInfo::default())?;
        let barrier = |old, new, src, dst| {
            vk::ImageMemoryBarrier::default()
                .old_layout(old)
                .new_layout(new)
                .src_access_mask(src)
                .dst_access_mask(dst)
                .src_queue_family_index(vk::QUEUE_FAMILY_IGNORED)
                .dst_queue_family_index(vk::QUEUE_FAMILY_IGNORED)
                .image(image)
                .subresource_range(range)
        };
        let to_dst = barrier(
            vk::ImageLayout::UNDEFINED,
            vk::ImageLayout::TRANSFER_DST_OPTIMAL,
            vk::AccessFlags::empty(),
            vk::AccessFlags::TRANSFER_WRITE,
        );
        let to_present = barrier(
            vk::ImageLayout::TRANSFER_DST_OPTIMAL,
            vk::ImageLayout::PRESENT_SRC_KHR,
            vk::AccessFlags::TRANSFER_WRITE,
            vk::AccessFlags::empty(),
        );
        let stages = (vk::PipelineStageFlags::TRANSFER, vk::PipelineStageFlags::TRANSFER);
        device.cmd_pipeline_barrier(cb, stages.0, stages.1, vk::DependencyFlags::empty(), &[], &[], &[to_dst]);
        let shade = i as f32 / images.len() as f32;
        let clear = vk::ClearColorValue { float32: [shade, 0.5, 1.0 - shade, 1.0] };
        device.cmd_clear_color_image(cb, image, vk::ImageLayout::TRANSFER_DST_OPTIMAL, &clear, &[range]);
        let bottom = vk::PipelineStageFlags::BOTTOM_OF_PIPE;
        device.cmd_pipeline_barrier(cb, stages.0, bottom, vk::DependencyFlags::empty(), &[], &[], &[to_present]);
        device.end_command_buffer(cb)?;
    }
    // Per image slot: acquire semaphore, render semaphore, fence.
    let slots = images.len();
    let mut acquired = Vec::with_capacity(slots);
    let mut rendered = Vec::with_capacity(slots);
    let mut fences = Vec::with_capacity(slots);
    for _ in 0..slots {
        acquired.push(device.create_semaphore(&vk::SemaphoreCreateInfo::default(), None)?);
        rendered.push(device.create_semaphore(&vk::SemaphoreCreateInfo::default(), None)?);
        fences.push(device.create_fence(&vk::FenceCreateInfo::default().flags(vk::FenceCreateFlags::SIGNALED), None)?);
    }
    let frame = |n: usize| -> Result<(), Failure> {
        let slot = n % slots;
        device.wait_for_fences(&[fences[slot]], true, u64::MAX)?;
        device.reset_fences(&[fences[slot]])?;
        let (index, _) = swapchain_fn.acquire_next_image(swapchain, u64::MAX, acquired[slot], vk::Fence::null())?;
        let waits = [acquired[slot]];
        let stages = [vk::PipelineStageFlags::TRANSFER];
        let signals = [rendered[slot]];
        let cb = [cbs[index as usize]];
        let submit =
            vk::SubmitInfo::default().wait_semaphores(&waits).wait_dst_stage_mask(&stages).command_buffers(&cb).signal_semaphores(&signals);
        device.queue_submit(queue, &[submit], fences[slot])?;
        let swapchains = [swapchain];
        let indices = [index];
        let present = vk::PresentInfoKHR::default().wait_semaphores(&signals).swapchains(&swapchains).image_indices(&indices);
        swapchain_fn.queue_present(queue, &present)?;
        Ok(())
    };
    let mut result = Ok(0.0);
    for n in 0..WARMUP_FRAMES {
        if let Err(e) = frame(n) {
            result = Err(e);
            break;
        }
    }
    if result.is_ok() {
        let start = Instant::now();
        for n in WARMUP_FRAMES..WARMUP_FRAMES + FRAMES {
            if let Err(e) = frame(n) {
                result = Err(e);
                break;
            }
        }
        // The last present must be done for the frames to count: wait for the queue.
        let idle = device.queue_wait_idle(queue);
        if result.is_ok() {
            result = idle.map(|_| start.elapsed().as_secs_f64() / FRAMES as f64).map_err(Failure::from);
        }
    }
    let _ = device.device_wait_idle();
    for slot in 0..slots {
        device.destroy_semaphore(acquired[slot], None);
        device.destroy_semaphore(rendered[slot], None);
        device.destroy_fence(fences[slot], None);
    }
    device.destroy_command_pool(pool, None);
    result
}
