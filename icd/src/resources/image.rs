//! `VkImage`: a shape, its linear layout (`rasterizer::layout`) and, once bound, a place in
//! memory.

use super::{bind, fill_requirements2, Binding, RESOURCE_ALIGNMENT};
use crate::entry::{guard, guard_void, read_in, read_slice, write_out, VkResult};
use crate::handles::{borrow, dispatchable, new_handle, release, Object};
use ash::vk;
use rasterizer::{ImageLayout, ImageShape, MemoryView};
use std::sync::{Arc, OnceLock};

#[derive(Debug)]
pub struct Image {
    pub image_type: vk::ImageType,
    pub tiling: vk::ImageTiling,
    pub usage: vk::ImageUsageFlags,
    pub flags: vk::ImageCreateFlags,
    pub layout: ImageLayout,
    pub binding: OnceLock<Binding>,
}

impl Object for Image {
    type Handle = vk::Image;
}

impl Image {
    pub fn format(&self) -> vk::Format {
        self.layout.shape.format
    }

    pub fn extent(&self) -> vk::Extent3D {
        self.layout.shape.extent
    }

    pub fn memory(&self) -> Option<(MemoryView, u64)> {
        let binding = self.binding.get();
        if binding.is_none() {
            tracing::error!("image used by a command has no memory bound");
        }
        binding.map(|b| (b.memory.view(), b.offset))
    }

    /// Number of mip levels and layers a subresource range covers, resolving
    /// VK_REMAINING_MIP_LEVELS / VK_REMAINING_ARRAY_LAYERS.
    pub fn range_counts(&self, range: &vk::ImageSubresourceRange) -> (u32, u32) {
        let levels = self.layout.shape.mip_levels;
        let layers = self.layout.shape.array_layers;
        let level_count = if range.level_count == vk::REMAINING_MIP_LEVELS {
            levels.saturating_sub(range.base_mip_level)
        } else {
            range.level_count
        };
        let layer_count = if range.layer_count == vk::REMAINING_ARRAY_LAYERS {
            layers.saturating_sub(range.base_array_layer)
        } else {
            range.layer_count
        };
        (level_count, layer_count)
    }
}

/// The image-create-info → layout step, shared by image creation and requirement queries.
pub fn image_shape(info: &vk::ImageCreateInfo<'_>) -> VkResult<ImageShape> {
    let extent = info.extent;
    if extent.width == 0 || extent.height == 0 || extent.depth == 0 || info.mip_levels == 0 || info.array_layers == 0 {
        tracing::error!("image with a zero extent, level count or layer count");
        return Err(crate::entry::INVALID_USAGE);
    }
    if info.samples != vk::SampleCountFlags::TYPE_1 {
        tracing::error!("multisampled images are not supported yet");
        return Err(crate::entry::NOT_IMPLEMENTED);
    }
    Ok(ImageShape {
        format: info.format,
        extent,
        mip_levels: info.mip_levels,
        array_layers: info.array_layers,
        samples: 1,
    })
}

/// Image usage bits of core Vulkan 1.1, the only ones softvk supports.
const SUPPORTED_USAGE: vk::ImageUsageFlags = vk::ImageUsageFlags::from_raw(0xff);

/// The members of an image create info that no format query covers: usage (not 0, no
/// unknown bits), initial layout (VUID-VkImageCreateInfo-initialLayout-00993), sharing
/// mode, and the shape of cube-compatible images (square faces, at least 6 layers:
/// VUID-VkImageCreateInfo-flags-08865 and -08866).
fn check_create_info(info: &vk::ImageCreateInfo<'_>) -> VkResult<()> {
    let refuse = |what: String| {
        tracing::error!("vkCreateImage: {what}");
        Err(crate::entry::INVALID_USAGE)
    };
    if info.usage.is_empty() || !SUPPORTED_USAGE.contains(info.usage) {
        return refuse(format!("usage {:?} is not a usage softvk supports", info.usage));
    }
    if info.initial_layout != vk::ImageLayout::UNDEFINED && info.initial_layout != vk::ImageLayout::PREINITIALIZED {
        return refuse(format!("initial layout {:?} (UNDEFINED or PREINITIALIZED only)", info.initial_layout));
    }
    if info.sharing_mode != vk::SharingMode::EXCLUSIVE && info.sharing_mode != vk::SharingMode::CONCURRENT {
        return refuse(format!("sharing mode {:?} does not exist", info.sharing_mode));
    }
    if info.flags.contains(vk::ImageCreateFlags::CUBE_COMPATIBLE)
        && (info.extent.width != info.extent.height || info.array_layers < 6)
    {
        return refuse(format!("a cube-compatible image of {:?} and {} layers", info.extent, info.array_layers));
    }
    Ok(())
}

/// vkCreateImage accepts exactly what vkGetPhysicalDeviceImageFormatProperties reports:
/// the format, type, tiling, usage and flags must be supported, and the extent, levels,
/// layers and samples within the limits it gives.
fn check_against_format_properties(info: &vk::ImageCreateInfo<'_>) -> VkResult<()> {
    let refuse = |what: String| {
        tracing::error!("vkCreateImage: {what}");
        Err(crate::entry::INVALID_USAGE)
    };
    let Ok(props) =
        crate::physical_device::image_format_properties(info.format, info.image_type, info.tiling, info.usage, info.flags)
    else {
        return refuse(format!(
            "{:?} {:?} {:?} images with usage {:?} and flags {:?} are not supported",
            info.format, info.image_type, info.tiling, info.usage, info.flags
        ));
    };
    let e = info.extent;
    let shaped = match info.image_type {
        vk::ImageType::TYPE_1D => e.height == 1 && e.depth == 1,
        vk::ImageType::TYPE_2D => e.depth == 1,
        _ => true,
    };
    if !shaped {
        return refuse(format!("extent {e:?} does not fit a {:?} image", info.image_type));
    }
    let max = props.max_extent;
    if e.width > max.width || e.height > max.height || e.depth > max.depth {
        return refuse(format!("extent {e:?} is past {max:?}"));
    }
    if info.mip_levels > props.max_mip_levels || info.array_layers > props.max_array_layers {
        return refuse(format!("{} levels and {} layers are past the limits", info.mip_levels, info.array_layers));
    }
    let full_chain = 32 - e.width.max(e.height).max(e.depth).leading_zeros();
    if info.mip_levels > full_chain {
        return refuse(format!("{} levels for a {e:?} image", info.mip_levels));
    }
    if !props.sample_counts.contains(info.samples) {
        return refuse(format!("{:?} samples", info.samples));
    }
    Ok(())
}

/// Every check of vkCreateImage, and the layout of the image `info` describes: what
/// vkCreateImage creates and vkGetDeviceImageMemoryRequirements measures.
fn checked_layout(info: &vk::ImageCreateInfo<'_>, heap_size: u64) -> VkResult<ImageLayout> {
    let shape = image_shape(info)?;
    check_create_info(info)?;
    check_against_format_properties(info)?;
    let Some(layout) = ImageLayout::new(shape) else {
        tracing::error!("vkCreateImage: format {:?} is not supported", info.format);
        return Err(crate::entry::INVALID_USAGE);
    };
    if layout.size > heap_size {
        tracing::error!("vkCreateImage: {} bytes is more than the {heap_size}-byte heap can ever hold", layout.size);
        return Err(vk::Result::ERROR_OUT_OF_DEVICE_MEMORY);
    }
    if info.flags.intersects(
        vk::ImageCreateFlags::SPARSE_BINDING | vk::ImageCreateFlags::SPARSE_RESIDENCY | vk::ImageCreateFlags::SPARSE_ALIASED,
    ) {
        tracing::error!("vkCreateImage: sparse images are not supported");
        return Err(crate::entry::NOT_IMPLEMENTED);
    }
    Ok(layout)
}

/// # Safety
/// Vulkan's rules for `vkCreateImage`.
pub unsafe extern "system" fn create_image(
    device: vk::Device,
    p_create_info: *const vk::ImageCreateInfo<'_>,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
    p_image: *mut vk::Image,
) -> vk::Result {
    guard("vkCreateImage", || {
        let device = dispatchable::<crate::device::Device>(device)?;
        let info = read_in(p_create_info)?;
        let layout = checked_layout(info, device.memory_heap_size)?;
        let image = Arc::new(Image {
            image_type: info.image_type,
            tiling: info.tiling,
            usage: info.usage,
            flags: info.flags,
            layout,
            binding: OnceLock::new(),
        });
        write_out(p_image, new_handle(image))?;
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkDestroyImage`.
pub unsafe extern "system" fn destroy_image(
    _device: vk::Device,
    image: vk::Image,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
) {
    guard_void("vkDestroyImage", || {
        release::<Image>(image);
    })
}

fn image_requirements(image: &Image) -> vk::MemoryRequirements {
    layout_requirements(&image.layout)
}

/// # Safety
/// Vulkan's rules for `vkGetDeviceImageMemoryRequirements` (VK_KHR_maintenance4): the
/// requirements of the image `pCreateInfo` would create, from the same layout. A create
/// info vkCreateImage would refuse gets zero requirements and a log line.
pub unsafe extern "system" fn get_device_image_memory_requirements(
    device: vk::Device,
    p_info: *const vk::DeviceImageMemoryRequirements<'_>,
    p_requirements: *mut vk::MemoryRequirements2<'_>,
) {
    guard_void("vkGetDeviceImageMemoryRequirements", || {
        let (Ok(device), Ok(info), Some(out)) =
            (dispatchable::<crate::device::Device>(device), read_in(p_info), p_requirements.as_mut())
        else {
            return;
        };
        let Ok(create) = read_in(info.p_create_info) else { return };
        let layout = checked_layout(create, device.memory_heap_size).ok();
        fill_requirements2(out, layout.as_ref().map_or_else(vk::MemoryRequirements::default, layout_requirements));
    })
}

/// # Safety
/// Vulkan's rules for `vkGetDeviceImageSparseMemoryRequirements`: no sparse images.
pub unsafe extern "system" fn get_device_image_sparse_memory_requirements(
    _device: vk::Device,
    _p_info: *const vk::DeviceImageMemoryRequirements<'_>,
    p_count: *mut u32,
    p_requirements: *mut vk::SparseImageMemoryRequirements2<'_>,
) {
    guard_void("vkGetDeviceImageSparseMemoryRequirements", || {
        let _ = crate::entry::fill_array(0, p_count, p_requirements, |_, _| {});
    })
}

fn layout_requirements(layout: &ImageLayout) -> vk::MemoryRequirements {
    vk::MemoryRequirements {
        size: layout.size.div_ceil(RESOURCE_ALIGNMENT) * RESOURCE_ALIGNMENT,
        alignment: RESOURCE_ALIGNMENT,
        memory_type_bits: 1,
    }
}

/// # Safety
/// Vulkan's rules for `vkGetImageMemoryRequirements`.
pub unsafe extern "system" fn get_image_memory_requirements(
    _device: vk::Device,
    image: vk::Image,
    p_requirements: *mut vk::MemoryRequirements,
) {
    guard_void("vkGetImageMemoryRequirements", || {
        if let Ok(image) = borrow::<Image>(image) {
            let _ = write_out(p_requirements, image_requirements(image));
        }
    })
}

/// # Safety
/// Vulkan's rules for `vkGetImageMemoryRequirements2`.
pub unsafe extern "system" fn get_image_memory_requirements2(
    _device: vk::Device,
    p_info: *const vk::ImageMemoryRequirementsInfo2<'_>,
    p_requirements: *mut vk::MemoryRequirements2<'_>,
) {
    guard_void("vkGetImageMemoryRequirements2", || {
        let (Ok(info), Some(out)) = (read_in(p_info), p_requirements.as_mut()) else { return };
        if let Ok(image) = borrow::<Image>(info.image) {
            fill_requirements2(out, image_requirements(image));
        }
    })
}

/// # Safety
/// Vulkan's rules for `vkGetImageSparseMemoryRequirements`.
pub unsafe extern "system" fn get_image_sparse_memory_requirements(
    _device: vk::Device,
    _image: vk::Image,
    p_count: *mut u32,
    p_requirements: *mut vk::SparseImageMemoryRequirements,
) {
    guard_void("vkGetImageSparseMemoryRequirements", || {
        let _ = crate::entry::write_array::<vk::SparseImageMemoryRequirements>(&[], p_count, p_requirements);
    })
}

/// # Safety
/// Vulkan's rules for `vkGetImageSparseMemoryRequirements2`.
pub unsafe extern "system" fn get_image_sparse_memory_requirements2(
    _device: vk::Device,
    _p_info: *const vk::ImageSparseMemoryRequirementsInfo2<'_>,
    p_count: *mut u32,
    p_requirements: *mut vk::SparseImageMemoryRequirements2<'_>,
) {
    guard_void("vkGetImageSparseMemoryRequirements2", || {
        let _ = crate::entry::fill_array(0, p_count, p_requirements, |_, _| {});
    })
}

/// # Safety
/// Vulkan's rules for `vkBindImageMemory`.
pub unsafe extern "system" fn bind_image_memory(
    _device: vk::Device,
    image: vk::Image,
    memory: vk::DeviceMemory,
    offset: vk::DeviceSize,
) -> vk::Result {
    guard("vkBindImageMemory", || {
        let image = borrow::<Image>(image)?;
        bind(&image.binding, memory, offset, image_requirements(image))?;
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkBindImageMemory2`.
pub unsafe extern "system" fn bind_image_memory2(
    _device: vk::Device,
    count: u32,
    p_infos: *const vk::BindImageMemoryInfo<'_>,
) -> vk::Result {
    guard("vkBindImageMemory2", || {
        for info in read_slice(p_infos, count) {
            let image = borrow::<Image>(info.image)?;
            // VK_KHR_swapchain with Vulkan 1.1: an image made with VkImageSwapchainCreateInfoKHR
            // may be bound to the memory of a swapchain image instead.
            if let Some(swapchain) = crate::pnext::find_in::<vk::BindImageMemorySwapchainInfoKHR<'_>>(info.p_next) {
                let memory = crate::wsi::swapchain::image_memory(swapchain.swapchain, swapchain.image_index)?;
                let required = image_requirements(image);
                if required.size > memory.size {
                    tracing::error!("vkBindImageMemory2: the image needs more memory than the swapchain image has");
                    return Err(crate::entry::INVALID_USAGE);
                }
                image.binding.set(Binding { memory, offset: 0 }).map_err(|_| {
                    tracing::error!("vkBindImageMemory2: the image is already bound to memory");
                    crate::entry::INVALID_USAGE
                })?;
                continue;
            }
            bind(&image.binding, info.memory, info.memory_offset, image_requirements(image))?;
        }
        Ok(vk::Result::SUCCESS)
    })
}

/// Reports softvk's linear layout (see `rasterizer::layout`) for every tiling.
///
/// # Safety
/// Vulkan's rules for `vkGetImageSubresourceLayout`.
pub unsafe extern "system" fn get_image_subresource_layout(
    _device: vk::Device,
    image: vk::Image,
    p_subresource: *const vk::ImageSubresource,
    p_layout: *mut vk::SubresourceLayout,
) {
    guard_void("vkGetImageSubresourceLayout", || {
        let (Ok(image), Ok(sub)) = (borrow::<Image>(image), read_in(p_subresource)) else { return };
        let Some(layout) = image.layout.subresource(sub.aspect_mask, sub.mip_level, sub.array_layer) else {
            tracing::error!("vkGetImageSubresourceLayout: no subresource {sub:?}");
            return;
        };
        let _ = write_out(
            p_layout,
            vk::SubresourceLayout {
                offset: layout.offset,
                size: layout.size,
                row_pitch: layout.row_pitch,
                array_pitch: layout.array_pitch,
                depth_pitch: layout.depth_pitch,
            },
        );
    })
}
