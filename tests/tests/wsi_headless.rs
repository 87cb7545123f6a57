//! WSI without a display: VK_EXT_headless_surface and VK_KHR_swapchain. A headless
//! surface shows nothing, so these tests check what a window-system-independent program
//! sees: the surface queries, images going round with their pixels
//! intact, acquire timeouts, `oldSwapchain` retirement, present ids and waits,
//! VK_EXT_swapchain_maintenance1, and no fd or memory leak over many frames. (Lavapipe
//! 22.3 has no headless surface, so on it these tests skip; the X11 and Wayland tests run
//! the same frames on both drivers.)

use ash::vk;
use softvk_tests::wsi::{
    create_swapchain, open_fds, record_clear_for_present, rss_kib, swapchain_info, Presenting, SwapchainSpec, Wsi,
};
use softvk_tests::{skip, Context, ShaderFeatures};
use std::ffi::CStr;

const INSTANCE_EXTENSIONS: &[&CStr] = &[ash::khr::surface::NAME, ash::ext::headless_surface::NAME];

/// Tests of this file run one at a time: the leak checks read process-wide counts.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

fn context(test: &str, features: ShaderFeatures) -> Option<Context> {
    match Context::with_instance_extensions_and_features(INSTANCE_EXTENSIONS, &[ash::khr::swapchain::NAME], &features) {
        Ok(ctx) => Some(ctx),
        Err(why) => {
            skip(test, &why);
            None
        }
    }
}

fn headless_surface(ctx: &Context) -> vk::SurfaceKHR {
    let headless = ash::ext::headless_surface::Instance::new(&ctx.entry, &ctx.instance);
    // SAFETY: a valid create info.
    unsafe { headless.create_headless_surface(&vk::HeadlessSurfaceCreateInfoEXT::default(), None) }
        .expect("vkCreateHeadlessSurfaceEXT")
}

fn destroy_surface(wsi: &Wsi, surface: vk::SurfaceKHR) {
    // SAFETY: its swapchains are destroyed.
    unsafe { wsi.surface.destroy_surface(surface, None) };
}

#[test]
fn headless_surface_reports_what_a_swapchain_may_be() {
    let _serial = serial();
    let Some(ctx) = context("headless_surface_reports_what_a_swapchain_may_be", ShaderFeatures::default()) else {
        return;
    };
    let wsi = Wsi::new(&ctx);
    let surface = headless_surface(&ctx);
    // SAFETY: a live surface of this instance; queue family 0 exists.
    unsafe {
        assert!(wsi.surface.get_physical_device_surface_support(ctx.physical_device, 0, surface).unwrap());
        let caps = wsi.capabilities(&ctx, surface);
        assert_eq!(caps.current_extent.width, u32::MAX, "a headless surface's size is the swapchain's");
        assert!(caps.min_image_count >= 1);
        assert!(caps.max_image_count == 0 || caps.max_image_count >= caps.min_image_count);
        assert!(caps.max_image_array_layers >= 1);
        assert!(caps
            .supported_usage_flags
            .contains(vk::ImageUsageFlags::COLOR_ATTACHMENT | vk::ImageUsageFlags::TRANSFER_DST));
        assert!(caps.supported_transforms.contains(caps.current_transform));
        assert!(!caps.supported_composite_alpha.is_empty());
        let formats = wsi.surface.get_physical_device_surface_formats(ctx.physical_device, surface).unwrap();
        assert!(
            formats
                .iter()
                .any(|f| f.format == vk::Format::B8G8R8A8_UNORM && f.color_space == vk::ColorSpaceKHR::SRGB_NONLINEAR),
            "{formats:?}"
        );
        let modes = wsi.surface.get_physical_device_surface_present_modes(ctx.physical_device, surface).unwrap();
        assert!(modes.contains(&vk::PresentModeKHR::FIFO), "FIFO is always supported: {modes:?}");
    }
    destroy_surface(&wsi, surface);
}

#[test]
fn get_surface_capabilities2_and_surface_maintenance1_agree_with_the_1_0_queries() {
    let _serial = serial();
    let test = "get_surface_capabilities2_and_surface_maintenance1_agree_with_the_1_0_queries";
    let mut instance_extensions = INSTANCE_EXTENSIONS.to_vec();
    instance_extensions.push(ash::khr::get_surface_capabilities2::NAME);
    let maintenance1 = c"VK_EXT_surface_maintenance1";
    let protected = ash::khr::surface_protected_capabilities::NAME;
    let ctx = match Context::with_instance_extensions_and_features(
        &[&instance_extensions[..], &[maintenance1, protected]].concat(),
        &[ash::khr::swapchain::NAME],
        &ShaderFeatures::default(),
    ) {
        Ok(ctx) => ctx,
        Err(why) => return skip(test, &why),
    };
    let wsi = Wsi::new(&ctx);
    let caps2_fn = ash::khr::get_surface_capabilities2::Instance::new(&ctx.entry, &ctx.instance);
    let surface = headless_surface(&ctx);
    // SAFETY: a live surface; output structures are properly chained.
    unsafe {
        let caps = wsi.capabilities(&ctx, surface);
        let modes = wsi.surface.get_physical_device_surface_present_modes(ctx.physical_device, surface).unwrap();
        let mut present_mode = vk::SurfacePresentModeEXT::default().present_mode(vk::PresentModeKHR::FIFO);
        let info = vk::PhysicalDeviceSurfaceInfo2KHR::default().surface(surface).push_next(&mut present_mode);
        let mut compatible = [vk::PresentModeKHR::default(); 8];
        let mut compatibility = vk::SurfacePresentModeCompatibilityEXT::default().present_modes(&mut compatible);
        let mut scaling = vk::SurfacePresentScalingCapabilitiesEXT::default();
        let mut protected_caps = vk::SurfaceProtectedCapabilitiesKHR { supports_protected: vk::TRUE, ..Default::default() };
        let mut caps2 = vk::SurfaceCapabilities2KHR::default()
            .push_next(&mut compatibility)
            .push_next(&mut scaling)
            .push_next(&mut protected_caps);
        caps2_fn.get_physical_device_surface_capabilities2(ctx.physical_device, &info, &mut caps2).unwrap();
        assert_eq!(caps2.surface_capabilities.min_image_count, caps.min_image_count);
        assert_eq!(caps2.surface_capabilities.supported_usage_flags, caps.supported_usage_flags);
        assert_eq!(protected_caps.supports_protected, vk::FALSE, "softvk has no protected memory");
        let n = compatibility.present_mode_count as usize;
        assert!(n >= 1 && compatible[..n].contains(&vk::PresentModeKHR::FIFO), "FIFO is compatible with itself");
        assert!(compatible[..n].iter().all(|m| modes.contains(m)));

        let plain_info = vk::PhysicalDeviceSurfaceInfo2KHR::default().surface(surface);
        let count = caps2_fn.get_physical_device_surface_formats2_len(ctx.physical_device, &plain_info).unwrap();
        let mut formats2 = vec![vk::SurfaceFormat2KHR::default(); count];
        caps2_fn.get_physical_device_surface_formats2(ctx.physical_device, &plain_info, &mut formats2).unwrap();
        let formats = wsi.surface.get_physical_device_surface_formats(ctx.physical_device, surface).unwrap();
        assert_eq!(formats2.iter().map(|f| f.surface_format).collect::<Vec<_>>(), formats);
    }
    destroy_surface(&wsi, surface);
}

/// Reads image `image` (B8G8R8A8, in PRESENT_SRC) back to the host.
fn read_image(ctx: &Context, image: vk::Image, extent: vk::Extent2D) -> Vec<u8> {
    let buffer = ctx.create_transfer_buffer(u64::from(extent.width * extent.height * 4));
    ctx.run(|cb| {
        ctx.cmd_transition_color(cb, image, vk::ImageLayout::PRESENT_SRC_KHR, vk::ImageLayout::TRANSFER_SRC_OPTIMAL);
        let region = vk::BufferImageCopy::default()
            .image_subresource(
                vk::ImageSubresourceLayers::default().aspect_mask(vk::ImageAspectFlags::COLOR).layer_count(1),
            )
            .image_extent(vk::Extent3D { width: extent.width, height: extent.height, depth: 1 });
        // SAFETY: cb is recording; the image is acquired by the application.
        unsafe {
            ctx.device.cmd_copy_image_to_buffer(
                cb,
                image,
                vk::ImageLayout::TRANSFER_SRC_OPTIMAL,
                buffer.buffer,
                &[region],
            );
        }
    });
    buffer.read()
}

/// Acquires an image with a fence only (no semaphore left signalled) and waits for it.
fn acquire_with_fence(ctx: &Context, wsi: &Wsi, swapchain: vk::SwapchainKHR) -> u32 {
    let fence = ctx.create_fence(false);
    // SAFETY: a live swapchain; the fence is ours and unsignalled.
    unsafe {
        let (index, _) =
            wsi.swapchain.acquire_next_image(swapchain, u64::MAX, vk::Semaphore::null(), fence).expect("acquire");
        ctx.device.wait_for_fences(&[fence], true, softvk_tests::FENCE_TIMEOUT_NS).unwrap();
        ctx.device.destroy_fence(fence, None);
        index
    }
}

#[test]
fn presented_images_come_back_with_their_pixels() {
    let _serial = serial();
    let Some(ctx) = context("presented_images_come_back_with_their_pixels", ShaderFeatures::default()) else {
        return;
    };
    let wsi = Wsi::new(&ctx);
    let surface = headless_surface(&ctx);
    let spec = SwapchainSpec { present_mode: vk::PresentModeKHR::FIFO, ..Default::default() };
    let swapchain =
        create_swapchain(&ctx, &wsi, surface, &spec, vk::SwapchainKHR::null()).expect("vkCreateSwapchainKHR");
    {
        let mut presenting = Presenting::new(&ctx, &wsi, swapchain);
        let count = presenting.images.len();
        assert!(count as u32 >= spec.min_image_count);
        // Present frames of distinct colours; remember each image's last one.
        let mut last = vec![None; count];
        let mut order = Vec::new();
        for frame in 0..2 * count {
            let color = [frame as f32 / (2 * count) as f32, 1.0, 0.0, 1.0];
            let (index, _, slot) = presenting.acquire(u64::MAX).expect("acquire");
            order.push(index);
            assert_eq!(presenting.clear_and_present(index, slot, color), vk::Result::SUCCESS);
            last[index as usize] = Some(color);
        }
        // SAFETY: nothing else uses the queue.
        unsafe { ctx.device.queue_wait_idle(ctx.queue).unwrap() };
        // The next acquire gives an image back with the pixels it was last presented with.
        let index = acquire_with_fence(&ctx, &wsi, swapchain);
        let pixels = read_image(&ctx, presenting.images[index as usize], spec.extent);
        let c = last[index as usize].expect("an image that was presented");
        let expected = [(c[2] * 255.0).round() as u8, (c[1] * 255.0).round() as u8, (c[0] * 255.0).round() as u8, 255];
        assert!(pixels.chunks(4).all(|p| p == expected), "image {index} holds {:?}, expected {expected:?}", &pixels[..4]);
        if ctx.is_softvk {
            assert_eq!(index, *order.last().unwrap(), "softvk hands back the image that came back last");
        }
    }
    // SAFETY: the queue is idle (Presenting's drop waited).
    unsafe { wsi.swapchain.destroy_swapchain(swapchain, None) };
    destroy_surface(&wsi, surface);
}

#[test]
fn acquire_timeouts_answer_not_ready_and_timeout() {
    let _serial = serial();
    let Some(ctx) = context("acquire_timeouts_answer_not_ready_and_timeout", ShaderFeatures::default()) else { return };
    let wsi = Wsi::new(&ctx);
    let surface = headless_surface(&ctx);
    let spec = SwapchainSpec::default();
    let swapchain =
        create_swapchain(&ctx, &wsi, surface, &spec, vk::SwapchainKHR::null()).expect("vkCreateSwapchainKHR");
    // SAFETY: a live swapchain; each acquire gets its own fence.
    unsafe {
        let images = wsi.swapchain.get_swapchain_images(swapchain).unwrap();
        let caps = wsi.capabilities(&ctx, surface);
        // The application may hold images - minImageCount + 1 at once.
        let can_hold = images.len() - caps.min_image_count.max(spec.min_image_count) as usize + 1;
        let mut fences = Vec::new();
        let mut held = 0;
        for _ in 0..images.len() {
            let fence = ctx.create_fence(false);
            match wsi.swapchain.acquire_next_image(swapchain, 0, vk::Semaphore::null(), fence) {
                Ok(_) => {
                    held += 1;
                    fences.push(fence);
                }
                Err(vk::Result::NOT_READY) => {
                    ctx.device.destroy_fence(fence, None);
                    break;
                }
                Err(e) => panic!("acquire with timeout 0: {e:?}"),
            }
        }
        assert!(held >= can_hold, "only {held} of {} images could be acquired (at least {can_hold})", images.len());
        if held == images.len() {
            // Nothing is on its way back: a finite wait ends in VK_TIMEOUT, a zero one in NOT_READY.
            let fence = ctx.create_fence(false);
            let start = std::time::Instant::now();
            let r = wsi.swapchain.acquire_next_image(swapchain, 20_000_000, vk::Semaphore::null(), fence);
            assert_eq!(r, Err(vk::Result::TIMEOUT));
            assert!(start.elapsed() < std::time::Duration::from_secs(5), "the finite wait ended");
            assert_eq!(
                wsi.swapchain.acquire_next_image(swapchain, 0, vk::Semaphore::null(), fence),
                Err(vk::Result::NOT_READY)
            );
            ctx.device.destroy_fence(fence, None);
        } else {
            let fence = ctx.create_fence(false);
            assert_eq!(
                wsi.swapchain.acquire_next_image(swapchain, 20_000_000, vk::Semaphore::null(), fence),
                Err(vk::Result::TIMEOUT),
                "no image is free and none is coming back"
            );
            ctx.device.destroy_fence(fence, None);
        }
        ctx.device.wait_for_fences(&fences, true, softvk_tests::FENCE_TIMEOUT_NS).expect("acquire fences signal");
        for fence in fences {
            ctx.device.destroy_fence(fence, None);
        }
        wsi.swapchain.destroy_swapchain(swapchain, None);
    }
    destroy_surface(&wsi, surface);
}

#[test]
fn a_retired_swapchain_is_out_of_date_and_its_successor_presents() {
    let _serial = serial();
    let Some(ctx) = context("a_retired_swapchain_is_out_of_date_and_its_successor_presents", ShaderFeatures::default())
    else {
        return;
    };
    let wsi = Wsi::new(&ctx);
    let surface = headless_surface(&ctx);
    let spec = SwapchainSpec::default();
    let old = create_swapchain(&ctx, &wsi, surface, &spec, vk::SwapchainKHR::null()).expect("first swapchain");
    {
        let mut presenting = Presenting::new(&ctx, &wsi, old);
        assert_eq!(presenting.frame([1.0, 0.0, 0.0, 1.0]), vk::Result::SUCCESS);
    }
    if ctx.is_softvk {
        // A second swapchain for the same surface, not replacing the first, is refused.
        let refused = create_swapchain(&ctx, &wsi, surface, &spec, vk::SwapchainKHR::null());
        assert_eq!(refused, Err(vk::Result::ERROR_NATIVE_WINDOW_IN_USE_KHR));
    }
    let bigger = SwapchainSpec { extent: vk::Extent2D { width: 100, height: 70 }, ..spec };
    let new = create_swapchain(&ctx, &wsi, surface, &bigger, old).expect("swapchain replacing the first");
    // SAFETY: the old swapchain's presents are done (Presenting waited for the queue).
    unsafe { wsi.swapchain.destroy_swapchain(old, None) };
    {
        let mut presenting = Presenting::new(&ctx, &wsi, new);
        for i in 0..5 {
            assert_eq!(presenting.frame([0.0, i as f32 / 5.0, 1.0, 1.0]), vk::Result::SUCCESS);
        }
    }
    // SAFETY: the queue is idle.
    unsafe { wsi.swapchain.destroy_swapchain(new, None) };
    destroy_surface(&wsi, surface);
}

#[test]
fn acquiring_from_a_retired_swapchain_is_out_of_date() {
    let _serial = serial();
    // Acquiring from a retired swapchain is invalid usage (the validation layer says so);
    // softvk answers it with VK_ERROR_OUT_OF_DATE_KHR rather than an image.
    let Some(ctx) = Context::with_instance_extensions(
        INSTANCE_EXTENSIONS,
        &[ash::khr::swapchain::NAME],
        softvk_tests::Validation::Off,
    ) else {
        return skip("acquiring_from_a_retired_swapchain_is_out_of_date", "no headless surface");
    };
    if !ctx.is_softvk {
        return;
    }
    let wsi = Wsi::new(&ctx);
    let surface = headless_surface(&ctx);
    let spec = SwapchainSpec::default();
    let old = create_swapchain(&ctx, &wsi, surface, &spec, vk::SwapchainKHR::null()).expect("first swapchain");
    let new = create_swapchain(&ctx, &wsi, surface, &spec, old).expect("second swapchain");
    // SAFETY: live swapchains; the fence is ours.
    unsafe {
        let fence = ctx.create_fence(false);
        let r = wsi.swapchain.acquire_next_image(old, 0, vk::Semaphore::null(), fence);
        assert_eq!(r, Err(vk::Result::ERROR_OUT_OF_DATE_KHR), "acquiring from a retired swapchain");
        ctx.device.destroy_fence(fence, None);
        wsi.swapchain.destroy_swapchain(old, None);
        wsi.swapchain.destroy_swapchain(new, None);
    }
    destroy_surface(&wsi, surface);
}

/// Many frames in `mode`: no fds or memory may leak.
fn many_frames(test: &str, mode: vk::PresentModeKHR) {
    let Some(ctx) = context(test, ShaderFeatures::default()) else { return };
    let wsi = Wsi::new(&ctx);
    let surface = headless_surface(&ctx);
    // SAFETY: a live surface.
    let modes = unsafe { wsi.surface.get_physical_device_surface_present_modes(ctx.physical_device, surface) }.unwrap();
    if !modes.contains(&mode) {
        destroy_surface(&wsi, surface);
        return skip(test, &format!("{mode:?} is not offered"));
    }
    let spec =
        SwapchainSpec { present_mode: mode, extent: vk::Extent2D { width: 256, height: 256 }, ..Default::default() };
    let run = |frames: usize| {
        let swapchain = create_swapchain(&ctx, &wsi, surface, &spec, vk::SwapchainKHR::null()).expect("swapchain");
        {
            let mut presenting = Presenting::new(&ctx, &wsi, swapchain);
            for i in 0..frames {
                assert_eq!(
                    presenting.frame([(i % 256) as f32 / 255.0, 0.5, 0.25, 1.0]),
                    vk::Result::SUCCESS,
                    "frame {i}"
                );
            }
        }
        // SAFETY: the queue is idle.
        unsafe { wsi.swapchain.destroy_swapchain(swapchain, None) };
    };
    run(20); // warm up: allocator pools, the queue thread.
    let (fds, rss) = (open_fds(), rss_kib());
    run(1000);
    let (fds_after, rss_after) = (open_fds(), rss_kib());
    assert_eq!(fds_after, fds, "open fds before and after 1000 frames");
    assert!(rss_after < rss + 16 * 1024, "RSS grew from {rss} KiB to {rss_after} KiB over 1000 frames");
    destroy_surface(&wsi, surface);
}

#[test]
fn a_thousand_fifo_frames_leak_nothing() {
    let _serial = serial();
    many_frames("a_thousand_fifo_frames_leak_nothing", vk::PresentModeKHR::FIFO);
}

#[test]
fn a_thousand_mailbox_frames_leak_nothing() {
    let _serial = serial();
    many_frames("a_thousand_mailbox_frames_leak_nothing", vk::PresentModeKHR::MAILBOX);
}

#[test]
fn destroying_a_swapchain_with_presents_queued_is_safe() {
    let _serial = serial();
    let Some(ctx) = context("destroying_a_swapchain_with_presents_queued_is_safe", ShaderFeatures::default()) else {
        return;
    };
    let wsi = Wsi::new(&ctx);
    let surface = headless_surface(&ctx);
    let spec = SwapchainSpec { extent: vk::Extent2D { width: 512, height: 512 }, ..Default::default() };
    for _ in 0..5 {
        let swapchain = create_swapchain(&ctx, &wsi, surface, &spec, vk::SwapchainKHR::null()).expect("swapchain");
        let mut presenting = Presenting::new(&ctx, &wsi, swapchain);
        for _ in 0..3 {
            assert_eq!(presenting.frame([0.2, 0.4, 0.6, 1.0]), vk::Result::SUCCESS);
        }
        // The frames' command buffers are done (their fences), the presents may not be.
        // SAFETY: the application no longer uses the images.
        unsafe { wsi.swapchain.destroy_swapchain(swapchain, None) };
        drop(presenting);
    }
    destroy_surface(&wsi, surface);
}

#[test]
fn present_ids_can_be_waited_for() {
    let _serial = serial();
    let features = ShaderFeatures { present_id: true, present_wait: true, ..Default::default() };
    let Some(ctx) = context("present_ids_can_be_waited_for", features) else { return };
    let wsi = Wsi::new(&ctx);
    let wait = ash::khr::present_wait::Device::new(&ctx.instance, &ctx.device);
    let surface = headless_surface(&ctx);
    let swapchain =
        create_swapchain(&ctx, &wsi, surface, &SwapchainSpec::default(), vk::SwapchainKHR::null()).expect("swapchain");
    {
        let mut presenting = Presenting::new(&ctx, &wsi, swapchain);
        for id in 1..=10u64 {
            let (index, _, slot) = presenting.acquire(u64::MAX).unwrap();
            let ids = [id];
            let present_id = vk::PresentIdKHR::default().present_ids(&ids);
            let chain = &present_id as *const vk::PresentIdKHR as *const std::ffi::c_void;
            let r = presenting.clear_and_present_with(index, slot, [0.0, 0.0, 1.0, 1.0], chain);
            assert_eq!(r, vk::Result::SUCCESS);
            // SAFETY: a live swapchain; the id was presented.
            unsafe { wait.wait_for_present(swapchain, id, softvk_tests::FENCE_TIMEOUT_NS) }
                .expect("vkWaitForPresentKHR");
        }
        // An id already reached returns at once, even with a zero timeout.
        // SAFETY: as above.
        unsafe { wait.wait_for_present(swapchain, 5, 0) }.expect("an earlier id");
    }
    // SAFETY: the queue is idle.
    unsafe { wsi.swapchain.destroy_swapchain(swapchain, None) };
    destroy_surface(&wsi, surface);
}

#[test]
fn swapchain_maintenance1_releases_images_switches_modes_and_signals_present_fences() {
    let _serial = serial();
    let test = "swapchain_maintenance1_releases_images_switches_modes_and_signals_present_fences";
    let features = ShaderFeatures { swapchain_maintenance1: true, ..Default::default() };
    let mut instance_extensions = INSTANCE_EXTENSIONS.to_vec();
    instance_extensions.push(ash::khr::get_surface_capabilities2::NAME);
    instance_extensions.push(c"VK_EXT_surface_maintenance1");
    let ctx = match Context::with_instance_extensions_and_features(
        &instance_extensions,
        &[ash::khr::swapchain::NAME],
        &features,
    ) {
        Ok(ctx) => ctx,
        Err(why) => return skip(test, &why),
    };
    let wsi = Wsi::new(&ctx);
    let m1 = ash::ext::swapchain_maintenance1::Device::new(&ctx.instance, &ctx.device);
    let surface = headless_surface(&ctx);
    let spec = SwapchainSpec::default();
    let modes = [vk::PresentModeKHR::FIFO, vk::PresentModeKHR::MAILBOX];
    let mut modes_info = vk::SwapchainPresentModesCreateInfoEXT::default().present_modes(&modes);
    let caps = wsi.capabilities(&ctx, surface);
    // spec.present_mode is FIFO, the first of `modes`.
    let info = swapchain_info(surface, &spec, spec.min_image_count.max(caps.min_image_count)).push_next(&mut modes_info);
    // SAFETY: a valid create info.
    let swapchain = unsafe { wsi.swapchain.create_swapchain(&info, None) }.expect("swapchain with two present modes");
    {
        let mut presenting = Presenting::new(&ctx, &wsi, swapchain);
        // Acquire, then give the image back without presenting it.
        let index = acquire_with_fence(&ctx, &wsi, swapchain);
        let indices = [index];
        let release = vk::ReleaseSwapchainImagesInfoEXT::default().swapchain(swapchain).image_indices(&indices);
        // SAFETY: the image is acquired and unused.
        unsafe { m1.release_swapchain_images(&release) }.expect("vkReleaseSwapchainImagesEXT");
        // Present with the other mode and a present fence.
        for (i, &mode) in [vk::PresentModeKHR::MAILBOX, vk::PresentModeKHR::FIFO].iter().enumerate() {
            let (index, _, slot) = presenting.acquire(u64::MAX).unwrap();
            let fence = ctx.create_fence(false);
            let fences = [fence];
            let mode_list = [mode];
            let present_mode = vk::SwapchainPresentModeInfoEXT::default().present_modes(&mode_list);
            let mut present_fence = vk::SwapchainPresentFenceInfoEXT::default().fences(&fences);
            present_fence.p_next = &present_mode as *const vk::SwapchainPresentModeInfoEXT as *const std::ffi::c_void;
            let chain = &present_fence as *const vk::SwapchainPresentFenceInfoEXT as *const std::ffi::c_void;
            let r = presenting.clear_and_present_with(index, slot, [1.0, 1.0, 0.0, 1.0], chain);
            assert_eq!(r, vk::Result::SUCCESS, "present {i} in {mode:?}");
            // SAFETY: the fence is ours.
            unsafe {
                ctx.device.wait_for_fences(&[fence], true, softvk_tests::FENCE_TIMEOUT_NS).expect("present fence");
                ctx.device.destroy_fence(fence, None);
            }
        }
    }
    // SAFETY: the queue is idle.
    unsafe { wsi.swapchain.destroy_swapchain(swapchain, None) };
    destroy_surface(&wsi, surface);
}

#[test]
fn an_image_bound_to_swapchain_memory_aliases_the_swapchain_image() {
    let _serial = serial();
    // Without the validation layer: version 1.3.239 crashes (SIGSEGV inside the layer) in
    // vkBindImageMemory2 with a VkBindImageMemorySwapchainInfoKHR.
    let Some(ctx) =
        Context::with_instance_extensions(INSTANCE_EXTENSIONS, &[ash::khr::swapchain::NAME], softvk_tests::Validation::Off)
    else {
        return skip("an_image_bound_to_swapchain_memory_aliases_the_swapchain_image", "no headless surface");
    };
    let wsi = Wsi::new(&ctx);
    let surface = headless_surface(&ctx);
    let spec = SwapchainSpec::default();
    let swapchain = create_swapchain(&ctx, &wsi, surface, &spec, vk::SwapchainKHR::null()).expect("swapchain");
    let index = acquire_with_fence(&ctx, &wsi, swapchain);
    // SAFETY: valid create and bind infos naming a live swapchain and one of its images.
    let alias = unsafe {
        let mut from_swapchain = vk::ImageSwapchainCreateInfoKHR::default().swapchain(swapchain);
        let info = vk::ImageCreateInfo::default()
            .image_type(vk::ImageType::TYPE_2D)
            .format(spec.format)
            .extent(vk::Extent3D { width: spec.extent.width, height: spec.extent.height, depth: 1 })
            .mip_levels(1)
            .array_layers(1)
            .samples(vk::SampleCountFlags::TYPE_1)
            .tiling(vk::ImageTiling::OPTIMAL)
            .usage(spec.usage)
            .initial_layout(vk::ImageLayout::UNDEFINED)
            .push_next(&mut from_swapchain);
        let alias = ctx.device.create_image(&info, None).expect("vkCreateImage with VkImageSwapchainCreateInfoKHR");
        let mut to_swapchain = vk::BindImageMemorySwapchainInfoKHR::default().swapchain(swapchain).image_index(index);
        let bind = vk::BindImageMemoryInfo::default().image(alias).push_next(&mut to_swapchain);
        ctx.device.bind_image_memory2(&[bind]).expect("vkBindImageMemory2 with VkBindImageMemorySwapchainInfoKHR");
        alias
    };
    // Clear through the alias, read through the swapchain image.
    ctx.run(|cb| record_clear_for_present(&ctx, cb, alias, vk::ClearColorValue { float32: [0.0, 0.0, 1.0, 1.0] }));
    // SAFETY: a live swapchain.
    let images = unsafe { wsi.swapchain.get_swapchain_images(swapchain) }.unwrap();
    let pixels = read_image(&ctx, images[index as usize], spec.extent);
    assert!(pixels.chunks(4).all(|p| p == [255, 0, 0, 255]), "the swapchain image holds the alias's clear: {:?}", &pixels[..4]);
    // SAFETY: the queue is idle (ctx.run waited).
    unsafe {
        ctx.device.destroy_image(alias, None);
        wsi.swapchain.destroy_swapchain(swapchain, None);
    }
    destroy_surface(&wsi, surface);
}

#[test]
fn a_mutable_format_swapchain_takes_views_of_its_other_format() {
    let _serial = serial();
    let test = "a_mutable_format_swapchain_takes_views_of_its_other_format";
    let ctx = match Context::with_instance_extensions_and_features(
        INSTANCE_EXTENSIONS,
        &[ash::khr::swapchain::NAME, ash::khr::swapchain_mutable_format::NAME, ash::khr::image_format_list::NAME],
        &ShaderFeatures::default(),
    ) {
        Ok(ctx) => ctx,
        Err(why) => return skip(test, &why),
    };
    let wsi = Wsi::new(&ctx);
    let surface = headless_surface(&ctx);
    let caps = wsi.capabilities(&ctx, surface);
    let formats = [vk::Format::B8G8R8A8_UNORM, vk::Format::B8G8R8A8_SRGB];
    let mut list = vk::ImageFormatListCreateInfo::default().view_formats(&formats);
    let spec = SwapchainSpec {
        extent: vk::Extent2D { width: 32, height: 32 },
        format: vk::Format::B8G8R8A8_UNORM,
        present_mode: vk::PresentModeKHR::FIFO,
        min_image_count: caps.min_image_count.max(2),
        usage: vk::ImageUsageFlags::TRANSFER_DST | vk::ImageUsageFlags::SAMPLED,
    };
    let info = swapchain_info(surface, &spec, spec.min_image_count)
        .flags(vk::SwapchainCreateFlagsKHR::MUTABLE_FORMAT)
        .push_next(&mut list);
    // SAFETY: valid create infos; the view is destroyed before its swapchain.
    unsafe {
        let swapchain = wsi.swapchain.create_swapchain(&info, None).expect("a MUTABLE_FORMAT swapchain");
        let images = wsi.swapchain.get_swapchain_images(swapchain).unwrap();
        let view_info = vk::ImageViewCreateInfo::default()
            .image(images[0])
            .view_type(vk::ImageViewType::TYPE_2D)
            .format(vk::Format::B8G8R8A8_SRGB)
            .subresource_range(
                vk::ImageSubresourceRange::default().aspect_mask(vk::ImageAspectFlags::COLOR).level_count(1).layer_count(1),
            );
        let view = ctx.device.create_image_view(&view_info, None).expect("an sRGB view of a UNORM swapchain image");
        ctx.device.destroy_image_view(view, None);
        wsi.swapchain.destroy_swapchain(swapchain, None);
    }
    destroy_surface(&wsi, surface);
}
