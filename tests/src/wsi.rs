//! What the WSI tests share, whatever the window system: a swapchain made from a surface,
//! and frames that clear an acquired image to a colour and present it.
//!
//! A frame: acquire (signalling a semaphore), one command buffer that moves the image to
//! TRANSFER_DST, clears it with `vkCmdClearColorImage` and moves it to PRESENT_SRC
//! ([`record_clear_for_present`])
//! (waiting on the acquire semaphore, signalling a render semaphore), then a present that
//! waits on the render semaphore. Semaphores and command buffers are per image slot and
//! reused once that slot's fence says the previous use is done.

use crate::Context;
use ash::vk;

/// The surface and swapchain functions of a context.
pub struct Wsi {
    pub surface: ash::khr::surface::Instance,
    pub swapchain: ash::khr::swapchain::Device,
}

impl Wsi {
    pub fn new(ctx: &Context) -> Wsi {
        Wsi {
            surface: ash::khr::surface::Instance::new(&ctx.entry, &ctx.instance),
            swapchain: ash::khr::swapchain::Device::new(&ctx.instance, &ctx.device),
        }
    }

    pub fn capabilities(&self, ctx: &Context, surface: vk::SurfaceKHR) -> vk::SurfaceCapabilitiesKHR {
        // SAFETY: a live surface of ctx.instance.
        unsafe { self.surface.get_physical_device_surface_capabilities(ctx.physical_device, surface) }
            .expect("vkGetPhysicalDeviceSurfaceCapabilitiesKHR")
    }
}

/// How to make a swapchain; `Default` is the usual: B8G8R8A8_UNORM, FIFO, 3 images,
/// usage TRANSFER_DST | TRANSFER_SRC.
#[derive(Clone, Copy, Debug)]
pub struct SwapchainSpec {
    pub extent: vk::Extent2D,
    pub format: vk::Format,
    pub present_mode: vk::PresentModeKHR,
    pub min_image_count: u32,
    pub usage: vk::ImageUsageFlags,
}

impl Default for SwapchainSpec {
    fn default() -> Self {
        SwapchainSpec {
            extent: vk::Extent2D { width: 64, height: 48 },
            format: vk::Format::B8G8R8A8_UNORM,
            present_mode: vk::PresentModeKHR::FIFO,
            min_image_count: 3,
            usage: vk::ImageUsageFlags::TRANSFER_DST | vk::ImageUsageFlags::TRANSFER_SRC,
        }
    }
}

/// `vkCreateSwapchainKHR` for `spec` (its min image count raised to the surface's).
pub fn create_swapchain(
    ctx: &Context,
    wsi: &Wsi,
    surface: vk::SurfaceKHR,
    spec: &SwapchainSpec,
    old: vk::SwapchainKHR,
) -> Result<vk::SwapchainKHR, vk::Result> {
    let caps = wsi.capabilities(ctx, surface);
    let mut count = spec.min_image_count.max(caps.min_image_count);
    if caps.max_image_count != 0 {
        count = count.min(caps.max_image_count);
    }
    let info = swapchain_info(surface, spec, count).old_swapchain(old);
    // SAFETY: a valid create info for a live surface.
    unsafe { wsi.swapchain.create_swapchain(&info, None) }
}

/// The create info of a swapchain of `spec` with `min_image_count` images (as given): one
/// layer, SRGB_NONLINEAR, exclusive, identity transform, opaque, clipped, no old swapchain.
pub fn swapchain_info(
    surface: vk::SurfaceKHR,
    spec: &SwapchainSpec,
    min_image_count: u32,
) -> vk::SwapchainCreateInfoKHR<'static> {
    vk::SwapchainCreateInfoKHR::default()
        .surface(surface)
        .min_image_count(min_image_count)
        .image_format(spec.format)
        .image_color_space(vk::ColorSpaceKHR::SRGB_NONLINEAR)
        .image_extent(spec.extent)
        .image_array_layers(1)
        .image_usage(spec.usage)
        .image_sharing_mode(vk::SharingMode::EXCLUSIVE)
        .pre_transform(vk::SurfaceTransformFlagsKHR::IDENTITY)
        .composite_alpha(vk::CompositeAlphaFlagsKHR::OPAQUE)
        .present_mode(spec.present_mode)
        .clipped(true)
}

/// Per-image resources of a swapchain that is being presented.
pub struct Presenting<'a> {
    ctx: &'a Context,
    wsi: &'a Wsi,
    pub swapchain: vk::SwapchainKHR,
    pub images: Vec<vk::Image>,
    /// Per frame slot: acquire semaphore, render semaphore, command buffer, fence.
    slots: Vec<(vk::Semaphore, vk::Semaphore, vk::CommandBuffer, vk::Fence)>,
    next_slot: usize,
}

impl<'a> Presenting<'a> {
    pub fn new(ctx: &'a Context, wsi: &'a Wsi, swapchain: vk::SwapchainKHR) -> Presenting<'a> {
        // SAFETY: a live swapchain.
        let images = unsafe { wsi.swapchain.get_swapchain_images(swapchain) }.expect("vkGetSwapchainImagesKHR");
        let slots = (0..images.len())
            .map(|_| {
                let semaphore_info = vk::SemaphoreCreateInfo::default();
                // SAFETY: valid create infos.
                unsafe {
                    (
                        ctx.device.create_semaphore(&semaphore_info, None).unwrap(),
                        ctx.device.create_semaphore(&semaphore_info, None).unwrap(),
                        ctx.allocate_command_buffer(vk::CommandBufferLevel::PRIMARY),
                        ctx.create_fence(true),
                    )
                }
            })
            .collect();
        Presenting { ctx, wsi, swapchain, images, slots, next_slot: 0 }
    }

    /// Acquires an image; `Err` is the acquire's result when it gave none.
    pub fn acquire(&mut self, timeout: u64) -> Result<(u32, bool, usize), vk::Result> {
        let slot = self.next_slot;
        let (acquired, _, _, fence) = self.slots[slot];
        // SAFETY: the fence is ours; waiting for it makes the slot's objects reusable.
        unsafe { self.ctx.device.wait_for_fences(&[fence], true, crate::FENCE_TIMEOUT_NS) }.expect("slot fence");
        // SAFETY: a live swapchain; the semaphore is unsignalled with nothing pending.
        let (index, suboptimal) =
            unsafe { self.wsi.swapchain.acquire_next_image(self.swapchain, timeout, acquired, vk::Fence::null()) }?;
        self.next_slot = (slot + 1) % self.slots.len();
        Ok((index, suboptimal, slot))
    }

    /// Clears image `index` to `color` (after acquiring it in `slot`) and presents it;
    /// returns the present's result.
    pub fn clear_and_present(&mut self, index: u32, slot: usize, color: [f32; 4]) -> vk::Result {
        self.clear_and_present_with(index, slot, color, std::ptr::null())
    }

    /// As `clear_and_present`, with `p_next` (null, or a chain of structures that outlive
    /// the call) as the present info's chain.
    pub fn clear_and_present_with(
        &mut self,
        index: u32,
        slot: usize,
        color: [f32; 4],
        p_next: *const std::ffi::c_void,
    ) -> vk::Result {
        let (acquired, rendered, cb, fence) = self.slots[slot];
        let device = &self.ctx.device;
        let image = self.images[index as usize];
        // SAFETY: the slot's fence was waited for by `acquire`, so cb and the semaphores
        // are free; the image is acquired.
        unsafe {
            device.reset_fences(&[fence]).unwrap();
            device.reset_command_buffer(cb, vk::CommandBufferResetFlags::empty()).unwrap();
            self.ctx.begin(cb);
            record_clear_for_present(self.ctx, cb, image, vk::ClearColorValue { float32: color });
            self.ctx.end(cb);
            let waits = [acquired];
            let stages = [vk::PipelineStageFlags::TRANSFER];
            let signals = [rendered];
            let cbs = [cb];
            let submit = vk::SubmitInfo::default()
                .wait_semaphores(&waits)
                .wait_dst_stage_mask(&stages)
                .command_buffers(&cbs)
                .signal_semaphores(&signals);
            device.queue_submit(self.ctx.queue, &[submit], fence).expect("vkQueueSubmit");
            let swapchains = [self.swapchain];
            let indices = [index];
            let mut info =
                vk::PresentInfoKHR::default().wait_semaphores(&signals).swapchains(&swapchains).image_indices(&indices);
            info.p_next = p_next;
            match self.wsi.swapchain.queue_present(self.ctx.queue, &info) {
                Ok(false) => vk::Result::SUCCESS,
                Ok(true) => vk::Result::SUBOPTIMAL_KHR,
                Err(e) => e,
            }
        }
    }

    /// One whole frame: acquire (infinite timeout) and clear-and-present.
    pub fn frame(&mut self, color: [f32; 4]) -> vk::Result {
        match self.acquire(u64::MAX) {
            Ok((index, _, slot)) => self.clear_and_present(index, slot, color),
            Err(e) => e,
        }
    }
}

impl Drop for Presenting<'_> {
    fn drop(&mut self) {
        // SAFETY: after the queue is idle nothing uses the slots' objects.
        unsafe {
            let _ = self.ctx.device.queue_wait_idle(self.ctx.queue);
            for &(a, r, cb, fence) in &self.slots {
                self.ctx.device.destroy_semaphore(a, None);
                self.ctx.device.destroy_semaphore(r, None);
                self.ctx.device.free_command_buffers(self.ctx.command_pool, &[cb]);
                self.ctx.device.destroy_fence(fence, None);
            }
        }
    }
}

/// Records, into `cb`, what fills an acquired swapchain image and leaves it ready to
/// present: `image` (one level, one layer, colour) from UNDEFINED to TRANSFER_DST_OPTIMAL,
/// then `fill` (which writes it in TRANSFER_DST_OPTIMAL), then to PRESENT_SRC_KHR.
pub fn record_fill_for_present(ctx: &Context, cb: vk::CommandBuffer, image: vk::Image, fill: impl FnOnce()) {
    ctx.cmd_transition_color(cb, image, vk::ImageLayout::UNDEFINED, vk::ImageLayout::TRANSFER_DST_OPTIMAL);
    fill();
    ctx.cmd_transition_color(cb, image, vk::ImageLayout::TRANSFER_DST_OPTIMAL, vk::ImageLayout::PRESENT_SRC_KHR);
}

/// [`record_fill_for_present`] with a `vkCmdClearColorImage` to `clear`.
pub fn record_clear_for_present(ctx: &Context, cb: vk::CommandBuffer, image: vk::Image, clear: vk::ClearColorValue) {
    record_fill_for_present(ctx, cb, image, || {
        // SAFETY: cb is recording; the image is in TRANSFER_DST_OPTIMAL.
        unsafe {
            ctx.device.cmd_clear_color_image(
                cb,
                image,
                vk::ImageLayout::TRANSFER_DST_OPTIMAL,
                &clear,
                &[crate::COLOR_RANGE],
            )
        }
    });
}

/// Open file descriptors of this process (for leak checks).
pub fn open_fds() -> usize {
    std::fs::read_dir("/proc/self/fd").expect("/proc/self/fd").count()
}

/// Resident set size of this process, in KiB.
pub fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .expect("VmRSS")
}
