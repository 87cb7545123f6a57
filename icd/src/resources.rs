//! Buffers, images, their views and samplers: the objects commands read and write.
//!
//! A buffer or image is a shape plus, once bound, a place in a `DeviceMemory`. Images use
//! the linear layout of `rasterizer::layout` for every tiling, so
//! `vkGetImageSubresourceLayout` can answer for all of them.

use crate::entry::{guard, guard_void, read_in, read_slice, write_out, VkResult};
use crate::handles::{borrow, get, new_handle, release, Object};
use crate::memory::DeviceMemory;
use crate::pnext;
use ash::vk;
use rasterizer::{ImageLayout, ImageShape, MemoryView};
use std::sync::{Arc, OnceLock};

/// Alignment of every buffer and image in memory. 64 bytes keeps rows of large images on
/// cache-line boundaries, which the kernels like.
pub const RESOURCE_ALIGNMENT: u64 = 64;

/// Where a resource lives once `vkBind*Memory` has run.
#[derive(Debug)]
pub struct Binding {
    pub memory: Arc<DeviceMemory>,
    pub offset: u64,
}

#[derive(Debug)]
pub struct Buffer {
    pub size: u64,
    pub usage: vk::BufferUsageFlags,
    pub binding: OnceLock<Binding>,
}

impl Object for Buffer {
    type Handle = vk::Buffer;
}

impl Buffer {
    /// The memory and the buffer's start in it; `None` (with a log line) when unbound.
    pub fn memory(&self) -> Option<(MemoryView, u64)> {
        let binding = self.binding.get();
        if binding.is_none() {
            tracing::error!("buffer used by a command has no memory bound");
        }
        binding.map(|b| (b.memory.view(), b.offset))
    }
}

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

/// # Safety
/// Vulkan's rules for `vkCreateBuffer`.
pub unsafe extern "system" fn create_buffer(
    _device: vk::Device,
    p_create_info: *const vk::BufferCreateInfo<'_>,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
    p_buffer: *mut vk::Buffer,
) -> vk::Result {
    guard("vkCreateBuffer", || {
        let info = read_in(p_create_info)?;
        if info.size == 0 {
            tracing::error!("vkCreateBuffer: size 0 is not allowed");
            return Err(vk::Result::ERROR_INITIALIZATION_FAILED);
        }
        if info.flags.intersects(
            vk::BufferCreateFlags::SPARSE_BINDING
                | vk::BufferCreateFlags::SPARSE_RESIDENCY
                | vk::BufferCreateFlags::SPARSE_ALIASED,
        ) {
            tracing::error!("vkCreateBuffer: sparse buffers are not supported");
            return Err(vk::Result::ERROR_FEATURE_NOT_PRESENT);
        }
        let buffer = Arc::new(Buffer { size: info.size, usage: info.usage, binding: OnceLock::new() });
        write_out(p_buffer, new_handle(buffer))?;
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkDestroyBuffer`.
pub unsafe extern "system" fn destroy_buffer(
    _device: vk::Device,
    buffer: vk::Buffer,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
) {
    guard_void("vkDestroyBuffer", || {
        release::<Buffer>(buffer);
    })
}

/// The image-create-info → layout step, shared by image creation and requirement queries.
pub fn image_shape(info: &vk::ImageCreateInfo<'_>) -> VkResult<ImageShape> {
    let extent = info.extent;
    if extent.width == 0 || extent.height == 0 || extent.depth == 0 || info.mip_levels == 0 || info.array_layers == 0 {
        tracing::error!("image with a zero extent, level count or layer count");
        return Err(vk::Result::ERROR_INITIALIZATION_FAILED);
    }
    if info.samples != vk::SampleCountFlags::TYPE_1 {
        tracing::error!("multisampled images are not supported yet");
        return Err(vk::Result::ERROR_FEATURE_NOT_PRESENT);
    }
    Ok(ImageShape {
        format: info.format,
        extent,
        mip_levels: info.mip_levels,
        array_layers: info.array_layers,
        samples: 1,
    })
}

/// # Safety
/// Vulkan's rules for `vkCreateImage`.
pub unsafe extern "system" fn create_image(
    _device: vk::Device,
    p_create_info: *const vk::ImageCreateInfo<'_>,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
    p_image: *mut vk::Image,
) -> vk::Result {
    guard("vkCreateImage", || {
        let info = read_in(p_create_info)?;
        let shape = image_shape(info)?;
        let Some(layout) = ImageLayout::new(shape) else {
            tracing::error!("vkCreateImage: format {:?} is not supported", info.format);
            return Err(vk::Result::ERROR_FORMAT_NOT_SUPPORTED);
        };
        if info.flags.intersects(
            vk::ImageCreateFlags::SPARSE_BINDING
                | vk::ImageCreateFlags::SPARSE_RESIDENCY
                | vk::ImageCreateFlags::SPARSE_ALIASED,
        ) {
            tracing::error!("vkCreateImage: sparse images are not supported");
            return Err(vk::Result::ERROR_FEATURE_NOT_PRESENT);
        }
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

fn buffer_requirements(buffer: &Buffer) -> vk::MemoryRequirements {
    vk::MemoryRequirements {
        size: buffer.size.div_ceil(RESOURCE_ALIGNMENT) * RESOURCE_ALIGNMENT,
        alignment: RESOURCE_ALIGNMENT,
        memory_type_bits: 1,
    }
}

fn image_requirements(image: &Image) -> vk::MemoryRequirements {
    vk::MemoryRequirements {
        size: image.layout.size.div_ceil(RESOURCE_ALIGNMENT) * RESOURCE_ALIGNMENT,
        alignment: RESOURCE_ALIGNMENT,
        memory_type_bits: 1,
    }
}

/// softvk never needs a dedicated allocation, and never prefers one.
unsafe fn fill_requirements2(out: &mut vk::MemoryRequirements2<'_>, requirements: vk::MemoryRequirements) {
    out.memory_requirements = requirements;
    pnext::for_each_out(out.p_next, |s_type, ptr| {
        if s_type == vk::StructureType::MEMORY_DEDICATED_REQUIREMENTS {
            pnext::fill(
                ptr,
                vk::MemoryDedicatedRequirements {
                    prefers_dedicated_allocation: vk::FALSE,
                    requires_dedicated_allocation: vk::FALSE,
                    ..Default::default()
                },
            );
        }
    });
}

/// # Safety
/// Vulkan's rules for `vkGetBufferMemoryRequirements`.
pub unsafe extern "system" fn get_buffer_memory_requirements(
    _device: vk::Device,
    buffer: vk::Buffer,
    p_requirements: *mut vk::MemoryRequirements,
) {
    guard_void("vkGetBufferMemoryRequirements", || {
        if let Ok(buffer) = borrow::<Buffer>(buffer) {
            let _ = write_out(p_requirements, buffer_requirements(buffer));
        }
    })
}

/// # Safety
/// Vulkan's rules for `vkGetBufferMemoryRequirements2`.
pub unsafe extern "system" fn get_buffer_memory_requirements2(
    _device: vk::Device,
    p_info: *const vk::BufferMemoryRequirementsInfo2<'_>,
    p_requirements: *mut vk::MemoryRequirements2<'_>,
) {
    guard_void("vkGetBufferMemoryRequirements2", || {
        let (Ok(info), Some(out)) = (read_in(p_info), p_requirements.as_mut()) else { return };
        if let Ok(buffer) = borrow::<Buffer>(info.buffer) {
            fill_requirements2(out, buffer_requirements(buffer));
        }
    })
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

fn bind(
    binding: &OnceLock<Binding>,
    memory: vk::DeviceMemory,
    offset: u64,
    required: vk::MemoryRequirements,
) -> VkResult<()> {
    // SAFETY: the application passes a live memory handle.
    let memory = unsafe { get::<DeviceMemory>(memory)? };
    if !offset.is_multiple_of(required.alignment)
        || offset.checked_add(required.size).is_none_or(|end| end > memory.size)
    {
        tracing::error!(
            "bind at offset {offset}: {} bytes do not fit a {}-byte allocation (or misaligned)",
            required.size,
            memory.size
        );
        return Err(vk::Result::ERROR_OUT_OF_DEVICE_MEMORY);
    }
    binding.set(Binding { memory, offset }).map_err(|_| {
        tracing::error!("resource is already bound to memory");
        vk::Result::ERROR_INITIALIZATION_FAILED
    })
}

/// # Safety
/// Vulkan's rules for `vkBindBufferMemory`.
pub unsafe extern "system" fn bind_buffer_memory(
    _device: vk::Device,
    buffer: vk::Buffer,
    memory: vk::DeviceMemory,
    offset: vk::DeviceSize,
) -> vk::Result {
    guard("vkBindBufferMemory", || {
        let buffer = borrow::<Buffer>(buffer)?;
        bind(&buffer.binding, memory, offset, buffer_requirements(buffer))?;
        Ok(vk::Result::SUCCESS)
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
/// Vulkan's rules for `vkBindBufferMemory2`.
pub unsafe extern "system" fn bind_buffer_memory2(
    _device: vk::Device,
    count: u32,
    p_infos: *const vk::BindBufferMemoryInfo<'_>,
) -> vk::Result {
    guard("vkBindBufferMemory2", || {
        for info in read_slice(p_infos, count) {
            let buffer = borrow::<Buffer>(info.buffer)?;
            bind(&buffer.binding, info.memory, info.memory_offset, buffer_requirements(buffer))?;
        }
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

/// Views and samplers keep their create info for the shader issues that will read them.
#[derive(Debug)]
pub struct ImageView {
    pub image: Arc<Image>,
    pub view_type: vk::ImageViewType,
    pub format: vk::Format,
    pub components: vk::ComponentMapping,
    pub range: vk::ImageSubresourceRange,
}

impl Object for ImageView {
    type Handle = vk::ImageView;
}

#[derive(Debug)]
pub struct BufferView {
    pub buffer: Arc<Buffer>,
    pub format: vk::Format,
    pub offset: u64,
    pub range: u64,
}

impl Object for BufferView {
    type Handle = vk::BufferView;
}

#[derive(Debug)]
pub struct Sampler {
    pub mag_filter: vk::Filter,
    pub min_filter: vk::Filter,
    pub mipmap_mode: vk::SamplerMipmapMode,
    pub address_modes: [vk::SamplerAddressMode; 3],
    pub mip_lod_bias: f32,
    pub compare: Option<vk::CompareOp>,
    pub lod_range: [f32; 2],
    pub border_color: vk::BorderColor,
    pub unnormalized_coordinates: bool,
}

impl Object for Sampler {
    type Handle = vk::Sampler;
}

/// # Safety
/// Vulkan's rules for `vkCreateImageView`.
pub unsafe extern "system" fn create_image_view(
    _device: vk::Device,
    p_create_info: *const vk::ImageViewCreateInfo<'_>,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
    p_view: *mut vk::ImageView,
) -> vk::Result {
    guard("vkCreateImageView", || {
        let info = read_in(p_create_info)?;
        let image = get::<Image>(info.image)?;
        if rasterizer::format::describe(info.format).is_none() {
            return Err(vk::Result::ERROR_FORMAT_NOT_SUPPORTED);
        }
        let view = ImageView {
            image,
            view_type: info.view_type,
            format: info.format,
            components: info.components,
            range: info.subresource_range,
        };
        write_out(p_view, new_handle(Arc::new(view)))?;
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkDestroyImageView`.
pub unsafe extern "system" fn destroy_image_view(
    _device: vk::Device,
    view: vk::ImageView,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
) {
    guard_void("vkDestroyImageView", || {
        release::<ImageView>(view);
    })
}

/// # Safety
/// Vulkan's rules for `vkCreateBufferView`.
pub unsafe extern "system" fn create_buffer_view(
    _device: vk::Device,
    p_create_info: *const vk::BufferViewCreateInfo<'_>,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
    p_view: *mut vk::BufferView,
) -> vk::Result {
    guard("vkCreateBufferView", || {
        let info = read_in(p_create_info)?;
        let buffer = get::<Buffer>(info.buffer)?;
        // spec: VK_WHOLE_SIZE is the rest of the buffer rounded down to whole texels.
        let texel = rasterizer::format::describe(info.format).map_or(1, |d| u64::from(d.block_bytes.max(1)));
        let range = if info.range == vk::WHOLE_SIZE {
            buffer.size.saturating_sub(info.offset) / texel * texel
        } else {
            info.range
        };
        let view = BufferView { buffer, format: info.format, offset: info.offset, range };
        write_out(p_view, new_handle(Arc::new(view)))?;
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkDestroyBufferView`.
pub unsafe extern "system" fn destroy_buffer_view(
    _device: vk::Device,
    view: vk::BufferView,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
) {
    guard_void("vkDestroyBufferView", || {
        release::<BufferView>(view);
    })
}

/// # Safety
/// Vulkan's rules for `vkCreateSampler`.
pub unsafe extern "system" fn create_sampler(
    _device: vk::Device,
    p_create_info: *const vk::SamplerCreateInfo<'_>,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
    p_sampler: *mut vk::Sampler,
) -> vk::Result {
    guard("vkCreateSampler", || {
        let info = read_in(p_create_info)?;
        let sampler = Sampler {
            mag_filter: info.mag_filter,
            min_filter: info.min_filter,
            mipmap_mode: info.mipmap_mode,
            address_modes: [info.address_mode_u, info.address_mode_v, info.address_mode_w],
            mip_lod_bias: info.mip_lod_bias,
            compare: (info.compare_enable != 0).then_some(info.compare_op),
            lod_range: [info.min_lod, info.max_lod],
            border_color: info.border_color,
            unnormalized_coordinates: info.unnormalized_coordinates != 0,
        };
        write_out(p_sampler, new_handle(Arc::new(sampler)))?;
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkDestroySampler`.
pub unsafe extern "system" fn destroy_sampler(
    _device: vk::Device,
    sampler: vk::Sampler,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
) {
    guard_void("vkDestroySampler", || {
        release::<Sampler>(sampler);
    })
}
