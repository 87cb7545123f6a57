//! WSI: surfaces (`VK_KHR_surface` and one extension per window system) and swapchains
//! (`swapchain`), presented from exported memory.
//!
//! A `VkSurfaceKHR` is softvk's own object (the loader lets drivers of interface version
//! 3 and later create their surfaces, and unwraps its own surface handle into softvk's in
//! every call that takes one). It remembers what the application passed: a window system
//! connection and a window, or nothing for `VK_EXT_headless_surface`.
//!
//! Each window system is a module with two functions, called through `SurfaceKind`:
//! * `info` answers the surface queries (the window's size, the formats and present modes
//!   that are true for it);
//! * `connect` gives a swapchain its [`Presenter`]: the object that shows an image, on the
//!   queue thread, once the present's semaphores are signalled.
//!
//! Swapchain images are ordinary softvk images, each alone in an exportable memfd segment
//! (rows tightly packed, `width * 4` bytes apart), so a presenter hands the window system
//! the image's own memory: MIT-SHM on X11, a `wl_shm` pool on Wayland, nothing at all
//! headless.
//!
//! `x11` serves both `VK_KHR_xcb_surface` and `VK_KHR_xlib_surface` (an Xlib display is
//! used through its XCB connection).

pub mod headless;
pub mod swapchain;
pub mod x11;
pub mod wayland;

use crate::entry::{fill_array, guard, guard_void, read_in, write_array, write_out, VkResult};
use crate::handles::{borrow, dispatchable, new_handle, release, Object};
use crate::instance::{Instance, InstanceState};
use crate::pnext;
use ash::vk;
use std::sync::{Arc, Mutex, Weak};

/// What the application's window is, as it passed it at surface creation.
#[derive(Debug)]
pub enum SurfaceKind {
    Headless,
    /// `VK_KHR_xcb_surface`: the application's connection and window.
    Xcb { connection: x11::XcbConnectionPtr, window: u32 },
    /// `VK_KHR_xlib_surface`: the application's display and window.
    Xlib { display: x11::XlibDisplayPtr, window: u32 },
    /// `VK_KHR_wayland_surface`: the application's `wl_display*` and `wl_surface*`, and the
    /// compositor's `wl_shm` formats once asked.
    Wayland { display: wayland::Foreign, surface: wayland::Foreign, shm_formats: std::sync::OnceLock<wayland::ShmFormats> },
}

pub struct Surface {
    pub kind: SurfaceKind,
    /// The swapchain that presents to it now (a surface has at most one that is not
    /// retired: VK_ERROR_NATIVE_WINDOW_IN_USE_KHR otherwise).
    pub current: Mutex<Weak<swapchain::Shared>>,
    pub instance: Arc<InstanceState>,
}

impl Object for Surface {
    type Handle = vk::SurfaceKHR;
}

/// What a window system says about a surface right now.
#[derive(Clone, Debug)]
pub struct SurfaceInfo {
    /// The window's size, or `None` where the swapchain's extent decides it.
    pub current_extent: Option<vk::Extent2D>,
    /// The formats it can show without converting (each in the sRGB colour space).
    pub formats: Vec<vk::Format>,
    pub present_modes: Vec<vk::PresentModeKHR>,
    pub composite_alpha: vk::CompositeAlphaFlagsKHR,
}

/// How a present ended, for the application's `pResults`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Presented {
    Optimal,
    /// Shown, but the window no longer matches the swapchain (VK_SUBOPTIMAL_KHR).
    Suboptimal,
    /// Not shown: the window changed so that the swapchain must be recreated.
    OutOfDate,
    /// The window or the connection to the window system is gone.
    SurfaceLost,
}

impl Presented {
    pub fn result(self) -> vk::Result {
        match self {
            Presented::Optimal => vk::Result::SUCCESS,
            Presented::Suboptimal => vk::Result::SUBOPTIMAL_KHR,
            Presented::OutOfDate => vk::Result::ERROR_OUT_OF_DATE_KHR,
            Presented::SurfaceLost => vk::Result::ERROR_SURFACE_LOST_KHR,
        }
    }
}

/// One image of a swapchain, as a presenter sees it.
pub struct PresentImage {
    /// The memfd allocation that holds the image alone, from offset 0.
    pub memory: Arc<crate::memory::DeviceMemory>,
    pub extent: vk::Extent2D,
    /// Bytes from one row to the next (`width * 4`).
    pub row_pitch: u64,
    pub format: vk::Format,
    /// How the window system blends it (the swapchain's `compositeAlpha`).
    pub composite_alpha: vk::CompositeAlphaFlagsKHR,
}

/// Shows the images of one swapchain on its surface.
pub trait Presenter: Send {
    /// Shows image `index`; runs on the queue thread, in the order of the presents, after
    /// the present's semaphore waits. `damage` is the part that changed (the whole image
    /// when empty). `done` hands the image back to the swapchain for acquiring: drop it
    /// once the window system no longer reads the image (before returning for a copy,
    /// later for a buffer the compositor holds). FIFO pacing, where the window system
    /// tells the refresh, happens here by blocking.
    ///
    /// Returns how the present went, or `None` when the window system answers later: the
    /// presenter then reports it through [`swapchain::Release::finish`].
    fn present(
        &mut self,
        index: usize,
        mode: vk::PresentModeKHR,
        damage: &[vk::Rect2D],
        done: swapchain::Release,
    ) -> Option<Presented>;
}

impl SurfaceKind {
    pub fn info(&self, instance: &InstanceState) -> VkResult<SurfaceInfo> {
        match self {
            SurfaceKind::Headless => Ok(headless::info(instance)),
            SurfaceKind::Xcb { .. } | SurfaceKind::Xlib { .. } => x11::info(self),
            SurfaceKind::Wayland { display, shm_formats, .. } => wayland::info(*display, shm_formats),
        }
    }

    pub fn connect(&self, images: &[PresentImage]) -> VkResult<Box<dyn Presenter>> {
        match self {
            SurfaceKind::Headless => Ok(Box::new(headless::Presenter::new(images))),
            SurfaceKind::Xcb { .. } | SurfaceKind::Xlib { .. } => x11::connect(self, images),
            SurfaceKind::Wayland { display, surface, .. } => Ok(Box::new(wayland::Presenter::new(*display, *surface, images)?)),
        }
    }
}

/// Colour spaces softvk shows a format in: sRGB, and with VK_EXT_swapchain_colorspace the
/// values passed through as they are.
fn color_spaces(instance: &InstanceState) -> Vec<vk::ColorSpaceKHR> {
    let mut spaces = vec![vk::ColorSpaceKHR::SRGB_NONLINEAR];
    if instance.enabled_extensions.iter().any(|e| e == "VK_EXT_swapchain_colorspace") {
        spaces.push(vk::ColorSpaceKHR::PASS_THROUGH_EXT);
    }
    spaces
}

/// The image usages a swapchain offers: what every reported format's features allow, and
/// colour attachment, which the spec requires of every surface.
pub fn supported_usage(formats: &[vk::Format]) -> vk::ImageUsageFlags {
    use vk::FormatFeatureFlags as F;
    use vk::ImageUsageFlags as U;
    let mut usage = U::TRANSFER_SRC | U::TRANSFER_DST | U::SAMPLED | U::STORAGE;
    for &format in formats {
        let features = rasterizer::format::properties(format).optimal_tiling_features;
        for (bit, feature) in [
            (U::TRANSFER_SRC, F::TRANSFER_SRC),
            (U::TRANSFER_DST, F::TRANSFER_DST),
            (U::SAMPLED, F::SAMPLED_IMAGE),
            (U::STORAGE, F::STORAGE_IMAGE),
        ] {
            if !features.contains(feature) {
                usage &= !bit;
            }
        }
    }
    usage | U::COLOR_ATTACHMENT
}

/// Most images one swapchain may have.
pub const MAX_IMAGES: u32 = 16;

fn capabilities(info: &SurfaceInfo) -> vk::SurfaceCapabilitiesKHR {
    let max = crate::physical_device::limits().max_image_dimension2_d;
    vk::SurfaceCapabilitiesKHR {
        min_image_count: 2,
        max_image_count: MAX_IMAGES,
        current_extent: info.current_extent.unwrap_or(vk::Extent2D { width: u32::MAX, height: u32::MAX }),
        min_image_extent: vk::Extent2D { width: 1, height: 1 },
        max_image_extent: vk::Extent2D { width: max, height: max },
        max_image_array_layers: 1,
        supported_transforms: vk::SurfaceTransformFlagsKHR::IDENTITY,
        current_transform: vk::SurfaceTransformFlagsKHR::IDENTITY,
        supported_composite_alpha: info.composite_alpha,
        supported_usage_flags: supported_usage(&info.formats),
    }
}

fn create_surface(instance: vk::Instance, kind: SurfaceKind, p_surface: *mut vk::SurfaceKHR) -> VkResult<vk::Result> {
    // SAFETY: the loader (or the application) passes a live instance softvk created.
    let instance = unsafe { dispatchable::<Instance>(instance)? };
    tracing::info!("surface created: {kind:?}");
    let surface = Arc::new(Surface { kind, current: Mutex::new(Weak::new()), instance: instance.state.clone() });
    // SAFETY: the application's output pointer.
    unsafe { write_out(p_surface, new_handle(surface))? };
    Ok(vk::Result::SUCCESS)
}

/// # Safety
/// Vulkan's rules for `vkCreateHeadlessSurfaceEXT`.
pub unsafe extern "system" fn create_headless_surface(
    instance: vk::Instance,
    p_create_info: *const vk::HeadlessSurfaceCreateInfoEXT<'_>,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
    p_surface: *mut vk::SurfaceKHR,
) -> vk::Result {
    guard("vkCreateHeadlessSurfaceEXT", || {
        read_in(p_create_info)?;
        create_surface(instance, SurfaceKind::Headless, p_surface)
    })
}

/// # Safety
/// Vulkan's rules for `vkCreateWaylandSurfaceKHR`: `display` and `surface` are live and
/// outlive the surface.
pub unsafe extern "system" fn create_wayland_surface(
    instance: vk::Instance,
    p_create_info: *const vk::WaylandSurfaceCreateInfoKHR<'_>,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
    p_surface: *mut vk::SurfaceKHR,
) -> vk::Result {
    guard("vkCreateWaylandSurfaceKHR", || {
        let info = read_in(p_create_info)?;
        if info.display.is_null() || info.surface.is_null() {
            tracing::error!("vkCreateWaylandSurfaceKHR: display {:?} or surface {:?} is null", info.display, info.surface);
            return Err(crate::entry::INVALID_USAGE);
        }
        wayland::check_available()?;
        let kind = SurfaceKind::Wayland {
            display: wayland::Foreign(info.display),
            surface: wayland::Foreign(info.surface),
            shm_formats: std::sync::OnceLock::new(),
        };
        create_surface(instance, kind, p_surface)
    })
}

/// # Safety
/// Vulkan's rules for `vkGetPhysicalDeviceWaylandPresentationSupportKHR`: softvk's one
/// queue family presents to every compositor (wl_shm is core Wayland).
pub unsafe extern "system" fn get_physical_device_wayland_presentation_support(
    _physical_device: vk::PhysicalDevice,
    queue_family_index: u32,
    display: *mut vk::wl_display,
) -> vk::Bool32 {
    crate::entry::guard_value("vkGetPhysicalDeviceWaylandPresentationSupportKHR", vk::FALSE, || {
        if queue_family_index != 0 {
            tracing::error!("vkGetPhysicalDeviceWaylandPresentationSupportKHR: queue family {queue_family_index} does not exist");
            return vk::FALSE;
        }
        if display.is_null() {
            tracing::error!("vkGetPhysicalDeviceWaylandPresentationSupportKHR: the wl_display is null");
            return vk::FALSE;
        }
        if wayland::check_available().is_err() {
            return vk::FALSE;
        }
        vk::TRUE
    })
}

/// # Safety
/// Vulkan's rules for `vkDestroySurfaceKHR`.
pub unsafe extern "system" fn destroy_surface(
    _instance: vk::Instance,
    surface: vk::SurfaceKHR,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
) {
    guard_void("vkDestroySurfaceKHR", || {
        release::<Surface>(surface);
    })
}

/// # Safety
/// Vulkan's rules for `vkGetPhysicalDeviceSurfaceSupportKHR`: softvk's one queue family
/// presents to every surface it can create.
pub unsafe extern "system" fn get_physical_device_surface_support(
    _physical_device: vk::PhysicalDevice,
    queue_family_index: u32,
    surface: vk::SurfaceKHR,
    p_supported: *mut vk::Bool32,
) -> vk::Result {
    guard("vkGetPhysicalDeviceSurfaceSupportKHR", || {
        let surface = borrow::<Surface>(surface)?;
        if queue_family_index != 0 {
            tracing::error!("vkGetPhysicalDeviceSurfaceSupportKHR: queue family {queue_family_index} does not exist");
            return Err(crate::entry::INVALID_USAGE);
        }
        surface.kind.info(&surface.instance)?;
        write_out(p_supported, vk::TRUE)?;
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkGetPhysicalDeviceSurfaceCapabilitiesKHR`.
pub unsafe extern "system" fn get_physical_device_surface_capabilities(
    _physical_device: vk::PhysicalDevice,
    surface: vk::SurfaceKHR,
    p_capabilities: *mut vk::SurfaceCapabilitiesKHR,
) -> vk::Result {
    guard("vkGetPhysicalDeviceSurfaceCapabilitiesKHR", || {
        let surface = borrow::<Surface>(surface)?;
        let info = surface.kind.info(&surface.instance)?;
        write_out(p_capabilities, capabilities(&info))?;
        Ok(vk::Result::SUCCESS)
    })
}

fn surface_formats(surface: &Surface) -> VkResult<Vec<vk::SurfaceFormatKHR>> {
    let info = surface.kind.info(&surface.instance)?;
    let spaces = color_spaces(&surface.instance);
    Ok(spaces
        .iter()
        .flat_map(|&color_space| info.formats.iter().map(move |&format| vk::SurfaceFormatKHR { format, color_space }))
        .collect())
}

/// # Safety
/// Vulkan's rules for `vkGetPhysicalDeviceSurfaceFormatsKHR`.
pub unsafe extern "system" fn get_physical_device_surface_formats(
    _physical_device: vk::PhysicalDevice,
    surface: vk::SurfaceKHR,
    p_count: *mut u32,
    p_formats: *mut vk::SurfaceFormatKHR,
) -> vk::Result {
    guard("vkGetPhysicalDeviceSurfaceFormatsKHR", || {
        let surface = borrow::<Surface>(surface)?;
        write_array(&surface_formats(surface)?, p_count, p_formats)
    })
}

/// # Safety
/// Vulkan's rules for `vkGetPhysicalDeviceSurfacePresentModesKHR`.
pub unsafe extern "system" fn get_physical_device_surface_present_modes(
    _physical_device: vk::PhysicalDevice,
    surface: vk::SurfaceKHR,
    p_count: *mut u32,
    p_modes: *mut vk::PresentModeKHR,
) -> vk::Result {
    guard("vkGetPhysicalDeviceSurfacePresentModesKHR", || {
        let surface = borrow::<Surface>(surface)?;
        write_array(&surface.kind.info(&surface.instance)?.present_modes, p_count, p_modes)
    })
}

/// # Safety
/// Vulkan's rules for `vkGetPhysicalDeviceSurfaceCapabilities2KHR`
/// (VK_KHR_get_surface_capabilities2), with VK_EXT_surface_maintenance1's structures:
/// every present mode of a surface is compatible with every other (a swapchain switches
/// between them at any present), and images are shown one to one, never scaled.
pub unsafe extern "system" fn get_physical_device_surface_capabilities2(
    _physical_device: vk::PhysicalDevice,
    p_surface_info: *const vk::PhysicalDeviceSurfaceInfo2KHR<'_>,
    p_capabilities: *mut vk::SurfaceCapabilities2KHR<'_>,
) -> vk::Result {
    guard("vkGetPhysicalDeviceSurfaceCapabilities2KHR", || {
        let surface_info = read_in(p_surface_info)?;
        let surface = borrow::<Surface>(surface_info.surface)?;
        let out = p_capabilities.as_mut().ok_or(crate::entry::INVALID_USAGE)?;
        let info = surface.kind.info(&surface.instance)?;
        let asked_mode = pnext::find_in::<vk::SurfacePresentModeEXT>(surface_info.p_next).map(|m| m.present_mode);
        if let Some(mode) = asked_mode {
            if !info.present_modes.contains(&mode) {
                tracing::error!(
                    "vkGetPhysicalDeviceSurfaceCapabilities2KHR: present mode {mode:?} is not one the surface has"
                );
                return Err(crate::entry::INVALID_USAGE);
            }
        }
        out.surface_capabilities = capabilities(&info);
        let mut failed = None;
        pnext::for_each_out(out.p_next, |s_type, ptr| match s_type {
            vk::StructureType::SURFACE_PROTECTED_CAPABILITIES_KHR => {
                (*(ptr as *mut vk::SurfaceProtectedCapabilitiesKHR<'_>)).supports_protected = vk::FALSE;
            }
            vk::StructureType::SURFACE_PRESENT_SCALING_CAPABILITIES_EXT => {
                let out = &mut *(ptr as *mut vk::SurfacePresentScalingCapabilitiesEXT<'_>);
                out.supported_present_scaling = vk::PresentScalingFlagsEXT::empty();
                out.supported_present_gravity_x = vk::PresentGravityFlagsEXT::empty();
                out.supported_present_gravity_y = vk::PresentGravityFlagsEXT::empty();
                out.min_scaled_image_extent = out_extent(&info, 1);
                out.max_scaled_image_extent = out_extent(&info, u32::MAX);
            }
            vk::StructureType::SURFACE_PRESENT_MODE_COMPATIBILITY_EXT => {
                let out = &mut *(ptr as *mut vk::SurfacePresentModeCompatibilityEXT<'_>);
                let Some(asked) = asked_mode else {
                    failed = Some("VkSurfacePresentModeCompatibilityEXT without a VkSurfacePresentModeEXT");
                    return;
                };
                // The mode asked about first, so that a short array still holds it.
                let modes: Vec<_> =
                    std::iter::once(asked).chain(info.present_modes.iter().copied().filter(|&m| m != asked)).collect();
                if out.p_present_modes.is_null() {
                    out.present_mode_count = modes.len() as u32;
                } else {
                    let n = (out.present_mode_count as usize).min(modes.len());
                    std::ptr::copy_nonoverlapping(modes.as_ptr(), out.p_present_modes, n);
                    out.present_mode_count = n as u32;
                }
            }
            _ => {}
        });
        if let Some(why) = failed {
            tracing::error!("vkGetPhysicalDeviceSurfaceCapabilities2KHR: {why}");
            return Err(crate::entry::INVALID_USAGE);
        }
        Ok(vk::Result::SUCCESS)
    })
}

/// The scaled-extent bounds of VkSurfacePresentScalingCapabilitiesEXT: with no scaling, the
/// window's own size where it has one.
fn out_extent(info: &SurfaceInfo, fallback: u32) -> vk::Extent2D {
    let max = crate::physical_device::limits().max_image_dimension2_d;
    info.current_extent.unwrap_or(vk::Extent2D { width: fallback.min(max), height: fallback.min(max) })
}

/// # Safety
/// Vulkan's rules for `vkGetPhysicalDeviceSurfaceFormats2KHR`.
pub unsafe extern "system" fn get_physical_device_surface_formats2(
    _physical_device: vk::PhysicalDevice,
    p_surface_info: *const vk::PhysicalDeviceSurfaceInfo2KHR<'_>,
    p_count: *mut u32,
    p_formats: *mut vk::SurfaceFormat2KHR<'_>,
) -> vk::Result {
    guard("vkGetPhysicalDeviceSurfaceFormats2KHR", || {
        let surface = borrow::<Surface>(read_in(p_surface_info)?.surface)?;
        let formats = surface_formats(surface)?;
        fill_array(formats.len(), p_count, p_formats, |i, out| out.surface_format = formats[i])
    })
}

/// # Safety
/// Vulkan's rules for `vkGetPhysicalDevicePresentRectanglesKHR`: the whole window.
pub unsafe extern "system" fn get_physical_device_present_rectangles(
    _physical_device: vk::PhysicalDevice,
    surface: vk::SurfaceKHR,
    p_count: *mut u32,
    p_rects: *mut vk::Rect2D,
) -> vk::Result {
    guard("vkGetPhysicalDevicePresentRectanglesKHR", || {
        let surface = borrow::<Surface>(surface)?;
        let info = surface.kind.info(&surface.instance)?;
        let extent = info.current_extent.unwrap_or(vk::Extent2D { width: u32::MAX, height: u32::MAX });
        write_array(&[vk::Rect2D { offset: vk::Offset2D::default(), extent }], p_count, p_rects)
    })
}

/// # Safety
/// Vulkan's rules for `vkGetDeviceGroupPresentCapabilitiesKHR`: one device, presenting
/// its own images.
pub unsafe extern "system" fn get_device_group_present_capabilities(
    _device: vk::Device,
    p_capabilities: *mut vk::DeviceGroupPresentCapabilitiesKHR<'_>,
) -> vk::Result {
    guard("vkGetDeviceGroupPresentCapabilitiesKHR", || {
        let out = p_capabilities.as_mut().ok_or(crate::entry::INVALID_USAGE)?;
        out.present_mask = [0; vk::MAX_DEVICE_GROUP_SIZE];
        out.present_mask[0] = 1;
        out.modes = vk::DeviceGroupPresentModeFlagsKHR::LOCAL;
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkGetDeviceGroupSurfacePresentModesKHR`.
pub unsafe extern "system" fn get_device_group_surface_present_modes(
    _device: vk::Device,
    surface: vk::SurfaceKHR,
    p_modes: *mut vk::DeviceGroupPresentModeFlagsKHR,
) -> vk::Result {
    guard("vkGetDeviceGroupSurfacePresentModesKHR", || {
        borrow::<Surface>(surface)?;
        write_out(p_modes, vk::DeviceGroupPresentModeFlagsKHR::LOCAL)?;
        Ok(vk::Result::SUCCESS)
    })
}
