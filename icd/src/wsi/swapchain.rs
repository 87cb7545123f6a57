//! `VK_KHR_swapchain`: images that go round between the application and the window.
//!
//! Each image is in one of three states. **Free**: the swapchain may hand it out.
//! **Acquired**: the application owns it (`vkAcquireNextImageKHR` until
//! `vkQueuePresentKHR`). **Presenting**: a present of it is queued, or the window system
//! still reads it. `vkAcquireNextImageKHR` takes the image that came back last, whose
//! memory is the likeliest to be in cache still (with a swapchain that presents at once,
//! one or two images then do all the work); it waits (up to its timeout) while none is free, and since an
//! image it returns is already free of every reader, it signals the semaphore and fence at
//! once.
//!
//! `vkQueuePresentKHR` checks the request, marks the images presenting and queues the
//! present behind the queue's earlier work: the queue thread waits the present's
//! semaphores, then the swapchain's [`Presenter`] shows each image and hands it back
//! through a [`Release`]. What the window system said (the window was resized, or is
//! gone) is kept and reported by the next acquire or present of that swapchain, which is
//! when an application can act on it.

use super::{PresentImage, Presented, Presenter, Surface, MAX_IMAGES};
use crate::device::Device;
use crate::entry::{guard, guard_void, read_in, read_slice, write_array, write_out, VkResult};
use crate::handles::{borrow, dispatchable, get, new_handle, release, Object};
use crate::memory::DeviceMemory;
use crate::pnext;
use crate::queue::{Queue, Submission};
use crate::resources::Binding;
use crate::resources::Image;
use crate::sync::{Fence, Notifier, Semaphore};
use ash::vk;
use std::collections::VecDeque;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex, OnceLock};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum ImageState {
    Free,
    Acquired,
    Presenting,
}

struct State {
    images: Vec<ImageState>,
    /// Free images in the order they came back (acquire takes the last).
    free: VecDeque<usize>,
    /// A newer swapchain replaced this one (`oldSwapchain`): acquiring is over.
    retired: bool,
    /// What the last present found (sticky once the surface is lost).
    outcome: Presented,
    /// The highest `VkPresentIdKHR` value whose present is done.
    presented_id: u64,
    /// The highest present id queued so far (ids must increase).
    queued_id: u64,
}

/// The part of a swapchain that its queued presents and handed-out images share.
pub struct Shared {
    state: Mutex<State>,
    notifier: Arc<Notifier>,
}

impl Shared {
    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Hands one image back to its swapchain when dropped (see [`Presenter::present`]).
pub struct Release {
    shared: Arc<Shared>,
    index: usize,
}

impl Release {
    /// Hands the image back with what the window system said of its present (for a
    /// presenter whose `present` returned `None`).
    pub fn finish(self, outcome: Presented) {
        record_outcome(&mut self.shared.lock(), outcome);
        // Dropping hands the image back.
    }
}

/// Keeps what the last present found; a lost surface stays lost.
fn record_outcome(state: &mut State, outcome: Presented) {
    if state.outcome != Presented::SurfaceLost {
        state.outcome = outcome;
    }
}

impl Drop for Release {
    fn drop(&mut self) {
        let mut state = self.shared.lock();
        if state.images[self.index] == ImageState::Presenting {
            state.images[self.index] = ImageState::Free;
            state.free.push_back(self.index);
        }
        drop(state);
        self.shared.notifier.notify();
    }
}

pub struct Swapchain {
    shared: Arc<Shared>,
    surface: Arc<Surface>,
    /// One handle per image; the swapchain owns them (`vkDestroySwapchainKHR` frees them).
    handles: Vec<vk::Image>,
    presenter: Arc<Mutex<Box<dyn Presenter>>>,
    extent: vk::Extent2D,
    min_image_count: u32,
    present_mode: vk::PresentModeKHR,
    /// The modes a present may switch to (VkSwapchainPresentModesCreateInfoEXT).
    present_modes: Vec<vk::PresentModeKHR>,
}

impl Object for Swapchain {
    type Handle = vk::SwapchainKHR;
}

impl Drop for Swapchain {
    fn drop(&mut self) {
        for &handle in &self.handles {
            // SAFETY: the handles were made by `new_handle` at creation and are the
            // swapchain's alone (applications never destroy swapchain images).
            unsafe { release::<Image>(handle) };
        }
    }
}

/// Checks a create info against the surface and makes its images.
fn create(device: &Device, info: &vk::SwapchainCreateInfoKHR<'_>) -> VkResult<Swapchain> {
    // SAFETY: the application passes a live surface (made by softvk: the loader unwraps
    // its own).
    let surface = unsafe { get::<Surface>(info.surface)? };
    let surface_info = surface.kind.info(&surface.instance)?;
    let refuse = |why: String| {
        tracing::error!("vkCreateSwapchainKHR: {why}");
        Err(crate::entry::INVALID_USAGE)
    };
    let max_extent = crate::physical_device::limits().max_image_dimension2_d;
    let extent = info.image_extent;
    if extent.width == 0 || extent.height == 0 || extent.width > max_extent || extent.height > max_extent {
        return refuse(format!("image extent {}x{} is outside 1..={max_extent}", extent.width, extent.height));
    }
    if info.min_image_count == 0 || info.min_image_count > MAX_IMAGES {
        return refuse(format!("minImageCount {} is outside 1..={MAX_IMAGES}", info.min_image_count));
    }
    if !surface_info.formats.contains(&info.image_format) {
        return refuse(format!("format {:?} is not one the surface shows", info.image_format));
    }
    if !super::color_spaces(&surface.instance).contains(&info.image_color_space) {
        return refuse(format!("colour space {:?} is not offered", info.image_color_space));
    }
    if info.image_array_layers != 1 {
        return refuse(format!("{} array layers (softvk's surfaces have 1)", info.image_array_layers));
    }
    let usage_ok = super::supported_usage(&surface_info.formats);
    if info.image_usage.is_empty() || !usage_ok.contains(info.image_usage) {
        return refuse(format!("usage {:?} is not within {usage_ok:?}", info.image_usage));
    }
    if !surface_info.present_modes.contains(&info.present_mode) {
        return refuse(format!("present mode {:?} is not one the surface has", info.present_mode));
    }
    if info.pre_transform != vk::SurfaceTransformFlagsKHR::IDENTITY {
        return refuse(format!("transform {:?} (softvk only presents untransformed)", info.pre_transform));
    }
    if info.composite_alpha.as_raw().count_ones() != 1 || !surface_info.composite_alpha.contains(info.composite_alpha) {
        return refuse(format!(
            "composite alpha {:?} is not one of {:?}",
            info.composite_alpha, surface_info.composite_alpha
        ));
    }
    let known_flags =
        vk::SwapchainCreateFlagsKHR::MUTABLE_FORMAT | vk::SwapchainCreateFlagsKHR::DEFERRED_MEMORY_ALLOCATION_EXT;
    if !known_flags.contains(info.flags) {
        return refuse(format!("flags {:?} are not supported", info.flags));
    }
    // VK_KHR_swapchain_mutable_format: the formats views may take, which must include the
    // image's own and be of its size class.
    // SAFETY: the create info's chain is valid.
    let view_formats = unsafe { pnext::find_in::<vk::ImageFormatListCreateInfo<'_>>(info.p_next) }
        .map(|list| unsafe { read_slice(list.p_view_formats, list.view_format_count) }.to_vec())
        .unwrap_or_default();
    if info.flags.contains(vk::SwapchainCreateFlagsKHR::MUTABLE_FORMAT) {
        if !view_formats.contains(&info.image_format) {
            return refuse(format!("MUTABLE_FORMAT without a format list holding {:?}", info.image_format));
        }
        if let Some(bad) = view_formats.iter().find(|&&f| !rasterizer::format::copy_compatible(f, info.image_format)) {
            return refuse(format!("view format {bad:?} is not of {:?}'s size class", info.image_format));
        }
    } else if view_formats.len() > 1 || view_formats.first().is_some_and(|&f| f != info.image_format) {
        return refuse(format!("view formats {view_formats:?} without MUTABLE_FORMAT"));
    }
    // SAFETY: the create info's chain is valid.
    let present_modes = match unsafe { pnext::find_in::<vk::SwapchainPresentModesCreateInfoEXT<'_>>(info.p_next) } {
        Some(modes) => {
            // SAFETY: as above; the array has `present_mode_count` elements.
            let modes = unsafe { read_slice(modes.p_present_modes, modes.present_mode_count) }.to_vec();
            if !modes.contains(&info.present_mode) || modes.iter().any(|m| !surface_info.present_modes.contains(m)) {
                return refuse(format!(
                    "present modes {modes:?} must hold {:?} and be the surface's",
                    info.present_mode
                ));
            }
            modes
        }
        None => vec![info.present_mode],
    };
    if let Some(scaling) = unsafe { pnext::find_in::<vk::SwapchainPresentScalingCreateInfoEXT<'_>>(info.p_next) } {
        if !scaling.scaling_behavior.is_empty()
            || !scaling.present_gravity_x.is_empty()
            || !scaling.present_gravity_y.is_empty()
        {
            return refuse("present scaling or gravity (softvk shows images one to one)".into());
        }
    }
    // One more image than asked for: one can be shown while the application renders the
    // others, as on a real display.
    let count = (info.min_image_count + 1).clamp(2, MAX_IMAGES);
    let image_flags = if info.flags.contains(vk::SwapchainCreateFlagsKHR::MUTABLE_FORMAT) {
        vk::ImageCreateFlags::MUTABLE_FORMAT | vk::ImageCreateFlags::EXTENDED_USAGE
    } else {
        vk::ImageCreateFlags::empty()
    };
    let shape = rasterizer::ImageShape {
        format: info.image_format,
        extent: vk::Extent3D { width: extent.width, height: extent.height, depth: 1 },
        mip_levels: 1,
        array_layers: 1,
        samples: 1,
    };
    let layout = rasterizer::ImageLayout::new(shape).ok_or(crate::entry::INVALID_USAGE)?;
    let row_pitch = u64::from(extent.width) * 4;
    if layout.size.checked_mul(u64::from(count)).is_none_or(|total| total > device.memory_heap_size) {
        return refuse(format!("{count} images of {} bytes do not fit the heap", layout.size));
    }
    let mut images = Vec::with_capacity(count as usize);
    let mut present_images = Vec::with_capacity(count as usize);
    for _ in 0..count {
        let size = usize::try_from(layout.size).map_err(|_| vk::Result::ERROR_OUT_OF_DEVICE_MEMORY)?;
        let segment = shm::Segment::exportable("softvk-swapchain", size).map_err(|err| {
            tracing::error!("vkCreateSwapchainKHR: {size} bytes of image memory: {err}");
            vk::Result::ERROR_OUT_OF_DEVICE_MEMORY
        })?;
        let memory = Arc::new(DeviceMemory::new(segment, layout.size, None));
        let binding = OnceLock::new();
        let _ = binding.set(Binding { memory: memory.clone(), offset: 0 });
        images.push(Arc::new(Image {
            image_type: vk::ImageType::TYPE_2D,
            tiling: vk::ImageTiling::OPTIMAL,
            usage: info.image_usage,
            flags: image_flags,
            layout: layout.clone(),
            binding,
        }));
        present_images.push(PresentImage {
            memory,
            extent,
            row_pitch,
            format: info.image_format,
            composite_alpha: info.composite_alpha,
        });
    }
    // The surface's current swapchain must be the old one (or none).
    let mut current = surface.current.lock().unwrap_or_else(|e| e.into_inner());
    let old = if info.old_swapchain == vk::SwapchainKHR::null() {
        None
    } else {
        // SAFETY: a live swapchain of this device, or null.
        Some(unsafe { borrow::<Swapchain>(info.old_swapchain)? })
    };
    if let Some(active) = current.upgrade() {
        let replaces = old.is_some_and(|old| Arc::ptr_eq(&old.shared, &active));
        if !replaces && !active.lock().retired {
            tracing::error!("vkCreateSwapchainKHR: the surface already has a swapchain that is not retired");
            return Err(vk::Result::ERROR_NATIVE_WINDOW_IN_USE_KHR);
        }
    }
    if let Some(old) = old {
        if !Arc::ptr_eq(&old.surface, &surface) {
            return refuse("oldSwapchain presents to another surface".into());
        }
        // Retired whether or not creating the new one works (the spec's rule).
        old.shared.lock().retired = true;
    }
    let presenter = surface.kind.connect(&present_images)?;
    let shared = Arc::new(Shared {
        state: Mutex::new(State {
            images: vec![ImageState::Free; count as usize],
            free: (0..count as usize).collect(),
            retired: false,
            outcome: Presented::Optimal,
            presented_id: 0,
            queued_id: 0,
        }),
        notifier: device.notifier.clone(),
    });
    *current = Arc::downgrade(&shared);
    drop(current);
    tracing::info!(
        "swapchain of {count} {:?} images, {}x{}, {:?}",
        info.image_format,
        extent.width,
        extent.height,
        info.present_mode
    );
    Ok(Swapchain {
        shared,
        surface,
        handles: images.into_iter().map(new_handle).collect(),
        presenter: Arc::new(Mutex::new(presenter)),
        extent,
        min_image_count: info.min_image_count,
        present_mode: info.present_mode,
        present_modes,
    })
}

/// # Safety
/// Vulkan's rules for `vkCreateSwapchainKHR`.
pub unsafe extern "system" fn create_swapchain(
    device: vk::Device,
    p_create_info: *const vk::SwapchainCreateInfoKHR<'_>,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
    p_swapchain: *mut vk::SwapchainKHR,
) -> vk::Result {
    guard("vkCreateSwapchainKHR", || {
        let device = dispatchable::<Device>(device)?;
        let swapchain = create(device, read_in(p_create_info)?)?;
        write_out(p_swapchain, new_handle(Arc::new(swapchain)))?;
        Ok(vk::Result::SUCCESS)
    })
}

/// Destroying a swapchain with presents still queued is fine: each queued present holds
/// the images and the presenter until it has run.
///
/// # Safety
/// Vulkan's rules for `vkDestroySwapchainKHR`.
pub unsafe extern "system" fn destroy_swapchain(
    _device: vk::Device,
    swapchain: vk::SwapchainKHR,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
) {
    guard_void("vkDestroySwapchainKHR", || {
        if swapchain == vk::SwapchainKHR::null() {
            return;
        }
        // The surface is free for a new swapchain now, though queued presents keep this
        // one's objects alive until they have run.
        if let Ok(destroyed) = borrow::<Swapchain>(swapchain) {
            destroyed.shared.lock().retired = true;
        }
        release::<Swapchain>(swapchain);
    })
}

/// # Safety
/// Vulkan's rules for `vkGetSwapchainImagesKHR`.
pub unsafe extern "system" fn get_swapchain_images(
    _device: vk::Device,
    swapchain: vk::SwapchainKHR,
    p_count: *mut u32,
    p_images: *mut vk::Image,
) -> vk::Result {
    guard("vkGetSwapchainImagesKHR", || write_array(&borrow::<Swapchain>(swapchain)?.handles, p_count, p_images))
}

/// Takes the next free image, waiting up to `timeout` ns, and signals `semaphore` and
/// `fence` (either may be null).
fn acquire(
    swapchain: &Swapchain,
    timeout: u64,
    semaphore: vk::Semaphore,
    fence: vk::Fence,
) -> VkResult<(u32, vk::Result)> {
    // SAFETY: live handles of this device, or null.
    let semaphore =
        if semaphore == vk::Semaphore::null() { None } else { Some(unsafe { get::<Semaphore>(semaphore)? }) };
    let fence = if fence == vk::Fence::null() { None } else { Some(unsafe { get::<Fence>(fence)? }) };
    if semaphore.is_none() && fence.is_none() {
        tracing::error!("vkAcquireNextImageKHR: neither a semaphore nor a fence");
        return Err(crate::entry::INVALID_USAGE);
    }
    if semaphore.as_ref().is_some_and(|s| s.timeline) {
        tracing::error!("vkAcquireNextImageKHR: a timeline semaphore");
        return Err(crate::entry::INVALID_USAGE);
    }
    let shared = &swapchain.shared;
    let notifier = &shared.notifier;
    let mut outcome = None;
    // With every image acquired, only another thread (presenting one, or releasing one
    // with vkReleaseSwapchainImagesEXT) can give one back: a finite timeout is waited in
    // full for that (spec: the timeout is how long the call waits if no image is
    // available), an infinite one would never end.
    let ready = |state: &State| state.retired || state.outcome == Presented::SurfaceLost || !state.free.is_empty();
    let coming_back = |state: &State| state.images.contains(&ImageState::Presenting);
    {
        let state = shared.lock();
        if !ready(&state) && !coming_back(&state) {
            let acquired = state.images.iter().filter(|&&s| s == ImageState::Acquired).count() as u32;
            drop(state);
            if timeout == u64::MAX {
                tracing::error!(
                    "vkAcquireNextImageKHR: all {acquired} images are acquired and the timeout is infinite (more than images minus minImageCount {})",
                    swapchain.min_image_count
                );
                return Err(crate::entry::INVALID_USAGE);
            }
            if timeout == 0 {
                outcome = Some(vk::Result::NOT_READY);
            }
        }
    }
    if outcome.is_none() {
        let got = notifier.wait_until(timeout, || {
            let state = shared.lock();
            ready(&state) || (timeout == u64::MAX && !coming_back(&state)) || notifier.is_lost()
        });
        notifier.check_lost()?;
        let state = shared.lock();
        if !got || !ready(&state) {
            outcome = Some(if timeout == 0 { vk::Result::NOT_READY } else { vk::Result::TIMEOUT });
        }
    }
    if let Some(not_yet) = outcome {
        return Ok((0, not_yet));
    }
    let mut state = shared.lock();
    if state.outcome == Presented::SurfaceLost {
        return Err(vk::Result::ERROR_SURFACE_LOST_KHR);
    }
    if state.retired || state.outcome == Presented::OutOfDate {
        return Err(vk::Result::ERROR_OUT_OF_DATE_KHR);
    }
    let index = state.free.pop_back().ok_or(vk::Result::TIMEOUT)?;
    state.images[index] = ImageState::Acquired;
    let result = if state.outcome == Presented::Suboptimal { vk::Result::SUBOPTIMAL_KHR } else { vk::Result::SUCCESS };
    drop(state);
    // The image is free of every reader already: signal now.
    if let Some(semaphore) = semaphore {
        semaphore.unclaimed_signals.fetch_add(1, Ordering::AcqRel);
        semaphore.signal(0);
    }
    if let Some(fence) = fence {
        fence.signal();
    }
    Ok((index as u32, result))
}

/// # Safety
/// Vulkan's rules for `vkAcquireNextImageKHR`.
pub unsafe extern "system" fn acquire_next_image(
    _device: vk::Device,
    swapchain: vk::SwapchainKHR,
    timeout: u64,
    semaphore: vk::Semaphore,
    fence: vk::Fence,
    p_index: *mut u32,
) -> vk::Result {
    guard("vkAcquireNextImageKHR", || {
        let swapchain = borrow::<Swapchain>(swapchain)?;
        if p_index.is_null() {
            return Err(crate::entry::INVALID_USAGE);
        }
        let (index, result) = acquire(swapchain, timeout, semaphore, fence)?;
        if matches!(result, vk::Result::SUCCESS | vk::Result::SUBOPTIMAL_KHR) {
            write_out(p_index, index)?;
        }
        Ok(result)
    })
}

/// # Safety
/// Vulkan's rules for `vkAcquireNextImage2KHR` (one device: the device mask is 1).
pub unsafe extern "system" fn acquire_next_image2(
    _device: vk::Device,
    p_info: *const vk::AcquireNextImageInfoKHR<'_>,
    p_index: *mut u32,
) -> vk::Result {
    guard("vkAcquireNextImage2KHR", || {
        let info = read_in(p_info)?;
        if info.device_mask != 1 {
            tracing::error!("vkAcquireNextImage2KHR: device mask {:#x} (softvk has one device: 1)", info.device_mask);
            return Err(crate::entry::INVALID_USAGE);
        }
        let swapchain = borrow::<Swapchain>(info.swapchain)?;
        if p_index.is_null() {
            return Err(crate::entry::INVALID_USAGE);
        }
        let (index, result) = acquire(swapchain, info.timeout, info.semaphore, info.fence)?;
        if matches!(result, vk::Result::SUCCESS | vk::Result::SUBOPTIMAL_KHR) {
            write_out(p_index, index)?;
        }
        Ok(result)
    })
}

/// One swapchain's part of a present, checked.
struct PresentItem {
    swapchain: Arc<Swapchain>,
    release: Release,
    mode: vk::PresentModeKHR,
    damage: Vec<vk::Rect2D>,
    present_id: u64,
    fence: Option<Arc<Fence>>,
    /// What the present reports for it now (from the last present's outcome).
    shown: bool,
}

/// The damage rectangles of VkPresentRegionKHR, clipped to the image; none means all.
fn damage(region: Option<&vk::PresentRegionKHR>, extent: vk::Extent2D) -> Vec<vk::Rect2D> {
    let Some(region) = region else { return vec![] };
    // SAFETY: the application's array of `rectangle_count` rectangles.
    let rects = unsafe { read_slice(region.p_rectangles, region.rectangle_count) };
    let clip = |start: i32, len: u32, max: u32| -> (u32, u32) {
        let start = start.clamp(0, max as i32) as u32;
        (start, len.min(max - start))
    };
    rects
        .iter()
        .filter(|r| r.layer == 0)
        .filter_map(|r| {
            let (x, w) = clip(r.offset.x, r.extent.width, extent.width);
            let (y, h) = clip(r.offset.y, r.extent.height, extent.height);
            (w > 0 && h > 0).then_some(vk::Rect2D {
                offset: vk::Offset2D { x: x as i32, y: y as i32 },
                extent: vk::Extent2D { width: w, height: h },
            })
        })
        .collect()
}

/// # Safety
/// Vulkan's rules for `vkQueuePresentKHR`.
pub unsafe extern "system" fn queue_present(queue: vk::Queue, p_info: *const vk::PresentInfoKHR<'_>) -> vk::Result {
    guard("vkQueuePresentKHR", || {
        let queue = dispatchable::<Queue>(queue)?;
        let info = read_in(p_info)?;
        let handles = read_slice(info.p_swapchains, info.swapchain_count);
        let indices = read_slice(info.p_image_indices, info.swapchain_count);
        if handles.is_empty() || indices.len() != handles.len() {
            tracing::error!("vkQueuePresentKHR: no swapchains");
            return Err(crate::entry::INVALID_USAGE);
        }
        let regions = pnext::find_in::<vk::PresentRegionsKHR<'_>>(info.p_next)
            .map(|r| read_slice(r.p_regions, r.swapchain_count))
            .unwrap_or(&[]);
        let ids = pnext::find_in::<vk::PresentIdKHR<'_>>(info.p_next)
            .map(|p| read_slice(p.p_present_ids, p.swapchain_count))
            .unwrap_or(&[]);
        let fences = pnext::find_in::<vk::SwapchainPresentFenceInfoEXT<'_>>(info.p_next)
            .map(|p| read_slice(p.p_fences, p.swapchain_count))
            .unwrap_or(&[]);
        let modes = pnext::find_in::<vk::SwapchainPresentModeInfoEXT<'_>>(info.p_next)
            .map(|p| read_slice(p.p_present_modes, p.swapchain_count))
            .unwrap_or(&[]);
        let semaphores = read_slice(info.p_wait_semaphores, info.wait_semaphore_count)
            .iter()
            .map(|&s| Ok((get::<Semaphore>(s)?, 0)))
            .collect::<VkResult<Vec<_>>>()?;
        if semaphores.iter().any(|(s, _)| s.timeline) {
            tracing::error!("vkQueuePresentKHR: a timeline semaphore (presents wait on binary ones)");
            return Err(crate::entry::INVALID_USAGE);
        }
        // Check everything before changing anything.
        let mut checked = Vec::with_capacity(handles.len());
        for (i, (&handle, &index)) in handles.iter().zip(indices).enumerate() {
            let swapchain = get::<Swapchain>(handle)?;
            if handles[..i].contains(&handle) {
                tracing::error!("vkQueuePresentKHR: a swapchain appears twice");
                return Err(crate::entry::INVALID_USAGE);
            }
            let state = swapchain.shared.lock();
            if state.images.get(index as usize) != Some(&ImageState::Acquired) {
                tracing::error!("vkQueuePresentKHR: image {index} is not acquired by the application");
                return Err(crate::entry::INVALID_USAGE);
            }
            let present_id = ids.get(i).copied().unwrap_or(0);
            if present_id != 0 && present_id <= state.queued_id {
                tracing::error!("vkQueuePresentKHR: present id {present_id} is not above {}", state.queued_id);
                return Err(crate::entry::INVALID_USAGE);
            }
            drop(state);
            let mode = modes.get(i).copied().unwrap_or(swapchain.present_mode);
            if !swapchain.present_modes.contains(&mode) {
                tracing::error!(
                    "vkQueuePresentKHR: present mode {mode:?} is not among the swapchain's {:?}",
                    swapchain.present_modes
                );
                return Err(crate::entry::INVALID_USAGE);
            }
            let fence = match fences.get(i) {
                Some(&f) if f != vk::Fence::null() => Some(get::<Fence>(f)?),
                _ => None,
            };
            let damage = damage(regions.get(i), swapchain.extent);
            checked.push((swapchain, index as usize, mode, damage, present_id, fence));
        }
        let results = if info.p_results.is_null() {
            None
        } else {
            Some(std::slice::from_raw_parts_mut(info.p_results, handles.len()))
        };
        let mut items = Vec::with_capacity(checked.len());
        let mut overall = vk::Result::SUCCESS;
        for (i, (swapchain, index, mode, damage, present_id, fence)) in checked.into_iter().enumerate() {
            let mut state = swapchain.shared.lock();
            state.images[index] = ImageState::Presenting;
            if present_id != 0 {
                state.queued_id = present_id;
            }
            let outcome = state.outcome;
            drop(state);
            let result = outcome.result();
            if let Some(results) = &results {
                // SAFETY: `pResults` has `swapchainCount` elements (checked non-null above).
                std::ptr::write(results.as_ptr().add(i).cast_mut(), result);
            }
            if overall == vk::Result::SUCCESS || (overall == vk::Result::SUBOPTIMAL_KHR && result.as_raw() < 0) {
                overall = result;
            }
            let release = Release { shared: swapchain.shared.clone(), index };
            let shown = matches!(outcome, Presented::Optimal | Presented::Suboptimal);
            items.push(PresentItem { swapchain, release, mode, damage, present_id, fence, shown });
        }
        let after = move |ran: bool| {
            for item in items {
                let PresentItem { swapchain, release, mode, damage, present_id, fence, shown } = item;
                let shared = swapchain.shared.clone();
                if ran && shown {
                    let outcome = swapchain.presenter.lock().unwrap_or_else(|e| e.into_inner()).present(
                        release.index,
                        mode,
                        &damage,
                        release,
                    );
                    let mut state = shared.lock();
                    if let Some(outcome) = outcome {
                        record_outcome(&mut state, outcome);
                    }
                    state.presented_id = state.presented_id.max(present_id);
                } else {
                    drop(release);
                    let mut state = shared.lock();
                    state.presented_id = state.presented_id.max(present_id);
                }
                if let (true, Some(fence)) = (ran, fence) {
                    fence.signal();
                }
                shared.notifier.notify();
            }
        };
        let submission = Submission {
            waits: semaphores,
            command_buffers: vec![],
            signals: vec![],
            fence: None,
            after: Some(Box::new(after)),
        };
        let _ = crate::queue::submit_all(queue, vec![submission], None)?;
        Ok(overall)
    })
}

/// # Safety
/// Vulkan's rules for `vkWaitForPresentKHR` (VK_KHR_present_wait).
pub unsafe extern "system" fn wait_for_present(
    _device: vk::Device,
    swapchain: vk::SwapchainKHR,
    present_id: u64,
    timeout: u64,
) -> vk::Result {
    guard("vkWaitForPresentKHR", || {
        let swapchain = borrow::<Swapchain>(swapchain)?;
        let shared = &swapchain.shared;
        let done = |state: &State| state.presented_id >= present_id || state.outcome == Presented::SurfaceLost;
        {
            let state = shared.lock();
            if !done(&state) && present_id > state.queued_id && timeout == u64::MAX {
                tracing::error!(
                    "vkWaitForPresentKHR: present id {present_id} was never queued (the wait would never end)"
                );
                return Err(crate::entry::INVALID_USAGE);
            }
        }
        let ready = shared.notifier.wait_for_device(timeout, || done(&shared.lock()))?;
        let state = shared.lock();
        if state.outcome == Presented::SurfaceLost {
            return Err(vk::Result::ERROR_SURFACE_LOST_KHR);
        }
        if state.outcome == Presented::OutOfDate && state.presented_id < present_id {
            return Err(vk::Result::ERROR_OUT_OF_DATE_KHR);
        }
        Ok(ready)
    })
}

/// # Safety
/// Vulkan's rules for `vkReleaseSwapchainImagesEXT` (VK_EXT_swapchain_maintenance1):
/// acquired images go back to the swapchain unpresented.
pub unsafe extern "system" fn release_swapchain_images(
    _device: vk::Device,
    p_info: *const vk::ReleaseSwapchainImagesInfoEXT<'_>,
) -> vk::Result {
    guard("vkReleaseSwapchainImagesEXT", || {
        let info = read_in(p_info)?;
        let swapchain = borrow::<Swapchain>(info.swapchain)?;
        let indices = read_slice(info.p_image_indices, info.image_index_count);
        let mut state = swapchain.shared.lock();
        if indices.iter().any(|&i| state.images.get(i as usize) != Some(&ImageState::Acquired)) {
            tracing::error!("vkReleaseSwapchainImagesEXT: an image that is not acquired");
            return Err(crate::entry::INVALID_USAGE);
        }
        for &i in indices {
            state.images[i as usize] = ImageState::Free;
            state.free.push_back(i as usize);
        }
        drop(state);
        swapchain.shared.notifier.notify();
        Ok(vk::Result::SUCCESS)
    })
}

/// The memory of image `index` of `swapchain`, for `VkBindImageMemorySwapchainInfoKHR`.
///
/// # Safety
/// `swapchain` is a live swapchain handle (or null, refused).
pub unsafe fn image_memory(swapchain: vk::SwapchainKHR, index: u32) -> VkResult<Arc<DeviceMemory>> {
    let swapchain = borrow::<Swapchain>(swapchain)?;
    let Some(&handle) = swapchain.handles.get(index as usize) else {
        tracing::error!("swapchain image {index} does not exist ({} images)", swapchain.handles.len());
        return Err(crate::entry::INVALID_USAGE);
    };
    let image = borrow::<Image>(handle)?;
    image.binding.get().map(|b| b.memory.clone()).ok_or(crate::entry::INVALID_USAGE)
}
