//! From bound descriptor sets to what a shader run reaches: each binding of the pipeline
//! resolves, once per dispatch (not per invocation), to windows of memory
//! (`shader::memory::SharedMemory`) for buffers, and to `rasterizer::shader_image` views
//! for images, samplers and texel buffers.
//!
//! Every window is clamped to the descriptor's range and to the memory the buffer is
//! bound to, so bounds inside the shader are never wider than the application's resource.

use super::state::{BindPoint, BoundSet, PUSH_CONSTANT_BYTES};
use crate::descriptor::Descriptor;
use crate::pipeline::BindingSlot;
use crate::resources::{Buffer, Image, ImageView, Sampler};
use ash::vk;
use rasterizer::{ShaderImage, ShaderSampler, TexelBufferView};
use shader::interp::{Bound, ImageResource, Resources, SamplerResource};
use crate::device_address::AddressRegistry;
use crate::memory::DeviceMemory;
use shader::memory::{AddressMap, SharedMemory};
use std::sync::Arc;

/// The window of `buffer` from `offset`, `range` bytes long (clamped to the buffer and its
/// memory); empty when unbound.
pub fn buffer_window(buffer: &Buffer, offset: u64, range: u64) -> SharedMemory {
    let Some((memory, start)) = buffer.memory() else { return SharedMemory::EMPTY };
    let range = range.min(buffer.size.saturating_sub(offset));
    let Some(begin) = start.checked_add(offset) else { return SharedMemory::EMPTY };
    if begin >= memory.len() as u64 {
        return SharedMemory::EMPTY;
    }
    let len = range.min(memory.len() as u64 - begin) as usize;
    // SAFETY: begin..begin+len is inside the memory's mapping, which the command's Arcs
    // (descriptor set -> buffer -> memory) keep alive for the whole dispatch; shaders
    // access it only through SharedMemory's atomics.
    unsafe { SharedMemory::new(memory.as_ptr().add(begin as usize), len) }
}

/// The whole memory of `image`'s binding, from the image's start.
fn image_window(image: &Image) -> SharedMemory {
    let Some((memory, start)) = image.memory() else { return SharedMemory::EMPTY };
    if start >= memory.len() as u64 {
        return SharedMemory::EMPTY;
    }
    let len = image.layout.size.min(memory.len() as u64 - start) as usize;
    // SAFETY: as in `buffer_window`: inside the bound memory, kept alive by the command.
    unsafe { SharedMemory::new(memory.as_ptr().add(start as usize), len) }
}

fn shader_image(view: &ImageView) -> Option<ShaderImage> {
    let (levels, layers) = view.image.range_counts(&view.range);
    let mut range = view.range;
    range.level_count = levels;
    range.layer_count = layers;
    let plain = rasterizer::shader_image::ImageView { format: view.format, view_type: view.view_type, range, components: view.components };
    ShaderImage::new(image_window(&view.image), &view.image.layout, &plain)
}

fn shader_sampler(sampler: &Sampler) -> ShaderSampler {
    ShaderSampler {
        mag_filter: sampler.mag_filter,
        min_filter: sampler.min_filter,
        mipmap_mode: sampler.mipmap_mode,
        address_modes: sampler.address_modes,
        mip_lod_bias: sampler.mip_lod_bias,
        compare: sampler.compare,
        min_lod: sampler.lod_range[0],
        max_lod: sampler.lod_range[1],
        border_color: sampler.border_color,
        custom_border_color: [0; 4],
        unnormalized_coordinates: sampler.unnormalized_coordinates,
    }
}

/// An image-like resource a shader reads: an image view or a texel buffer.
type ImageBox = Box<dyn ImageResource + Send>;

/// One binding, resolved.
enum Slot {
    None,
    Buffers(Vec<SharedMemory>),
    Images(Vec<Option<ImageBox>>),
    Samplers(Vec<Option<ShaderSampler>>),
    Combined(Vec<(Option<ImageBox>, Option<ShaderSampler>)>),
}

/// What the bindings of one dispatch resolve to; `resources` lends them to the
/// interpreter.
pub struct Resolved {
    slots: Vec<Slot>,
    /// The push constants, as words (the window in `slots` points here).
    _push: Box<[u32; PUSH_CONSTANT_BYTES / 4]>,
    /// What buffer device addresses reach, for programs that use them.
    addresses: AddressMap,
    /// The memory behind `addresses`, alive until the dispatch is over.
    _address_memory: Vec<Arc<DeviceMemory>>,
}

fn image(i: &Option<ImageBox>) -> Option<&dyn ImageResource> {
    i.as_deref().map(|i| i as &dyn ImageResource)
}

fn sampler(s: &Option<ShaderSampler>) -> Option<&dyn SamplerResource> {
    s.as_ref().map(|s| s as &dyn SamplerResource)
}

impl Resolved {
    pub fn resources(&self) -> Resources<'_> {
        let bindings = self
            .slots
            .iter()
            .map(|slot| match slot {
                Slot::None => Bound::None,
                Slot::Buffers(list) => Bound::Buffers(list.clone()),
                Slot::Images(list) => Bound::Images(list.iter().map(image).collect()),
                Slot::Samplers(list) => Bound::Samplers(list.iter().map(sampler).collect()),
                Slot::Combined(list) => Bound::Combined(list.iter().map(|(i, s)| (image(i), sampler(s))).collect()),
            })
            .collect();
        Resources { bindings, addresses: self.addresses.clone() }
    }
}

impl Resolved {
    /// Adds what `registry`'s device addresses reach now (see `crate::device_address`).
    pub fn with_addresses(mut self, registry: &AddressRegistry) -> Resolved {
        (self.addresses, self._address_memory) = registry.snapshot();
        self
    }
}

/// Resolves `slots` (a pipeline's bindings) against the sets bound at `point`.
pub fn resolve(slots: &[BindingSlot], point: &BindPoint, push_constants: &[u8; PUSH_CONSTANT_BYTES]) -> Resolved {
    let mut push = Box::new([0u32; PUSH_CONSTANT_BYTES / 4]);
    for (word, bytes) in push.iter_mut().zip(push_constants.chunks_exact(4)) {
        *word = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
    }
    let push_window = SharedMemory::of_words(&mut push[..]);
    let slots = slots
        .iter()
        .map(|slot| match *slot {
            BindingSlot::PushConstants => Slot::Buffers(vec![push_window]),
            BindingSlot::Descriptor { set, index, descriptor_type } => {
                let Some(bound) = point.sets.get(set as usize).and_then(|s| s.as_ref()) else {
                    return Slot::None;
                };
                let table = bound.set.bindings.read().unwrap_or_else(|e| e.into_inner());
                let Some(descriptors) = table.get(index) else { return Slot::None };
                resolve_binding(descriptors, descriptor_type, bound, index)
            }
        })
        .collect();
    Resolved { slots, _push: push, addresses: AddressMap::default(), _address_memory: Vec::new() }
}

fn resolve_binding(descriptors: &[Descriptor], t: vk::DescriptorType, bound: &BoundSet, index: usize) -> Slot {
    use vk::DescriptorType as T;
    match t {
        T::UNIFORM_BUFFER | T::STORAGE_BUFFER | T::UNIFORM_BUFFER_DYNAMIC | T::STORAGE_BUFFER_DYNAMIC => {
            // The first dynamic offset of this binding: after those of the dynamic
            // bindings before it in the set.
            let dynamic_base: usize = bound.set.layout.bindings[..index]
                .iter()
                .filter(|b| crate::descriptor::is_dynamic(b.descriptor_type))
                .map(|b| b.count as usize)
                .sum();
            let dynamic = crate::descriptor::is_dynamic(t);
            Slot::Buffers(
                descriptors
                    .iter()
                    .enumerate()
                    .map(|(i, d)| match d {
                        Descriptor::Buffer { buffer, offset, range } => {
                            let extra =
                                if dynamic { bound.dynamic_offsets.get(dynamic_base + i).copied().unwrap_or(0) as u64 } else { 0 };
                            buffer_window(buffer, offset.saturating_add(extra), *range)
                        }
                        _ => SharedMemory::EMPTY,
                    })
                    .collect(),
            )
        }
        T::SAMPLED_IMAGE | T::STORAGE_IMAGE | T::INPUT_ATTACHMENT | T::UNIFORM_TEXEL_BUFFER | T::STORAGE_TEXEL_BUFFER => Slot::Images(
            descriptors
                .iter()
                .map(|d| match d {
                    Descriptor::Image(view) => shader_image(view).map(|i| Box::new(i) as ImageBox),
                    Descriptor::TexelBuffer(view) => {
                        TexelBufferView::new(buffer_window(&view.buffer, view.offset, view.range), view.format).map(|t| Box::new(t) as ImageBox)
                    }
                    _ => None,
                })
                .collect(),
        ),
        T::SAMPLER => Slot::Samplers(
            descriptors.iter().map(|d| if let Descriptor::Sampler(s) = d { Some(shader_sampler(s)) } else { None }).collect(),
        ),
        T::COMBINED_IMAGE_SAMPLER => Slot::Combined(
            descriptors
                .iter()
                .map(|d| match d {
                    Descriptor::Combined { view, sampler } => (
                        view.as_ref().and_then(|v| shader_image(v)).map(|i| Box::new(i) as ImageBox),
                        sampler.as_ref().map(|s| shader_sampler(s)),
                    ),
                    _ => (None, None),
                })
                .collect(),
        ),
        _ => Slot::None,
    }
}
