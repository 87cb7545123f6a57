//! `vkUpdateDescriptorSets`: writes and copies, element by element, with the spec's
//! "consecutive binding updates" (a write longer than its binding continues into the
//! next one).
//!
//! The same element writer serves update templates and push descriptors.

use super::{Descriptor, DescriptorSet, DescriptorSetLayout};
use crate::entry::{guard_void, read_slice, VkResult, INVALID_USAGE};
use crate::handles::{borrow, get};
use crate::resources::{Buffer, BufferView, ImageView, Sampler};
use ash::vk;

/// What one element write carries, decoded from the application's info structs.
pub enum Source<'a> {
    Image(&'a vk::DescriptorImageInfo),
    Buffer(&'a vk::DescriptorBufferInfo),
    TexelBuffer(vk::BufferView),
}

/// Decodes one descriptor of type `t` from `source`. Null handles give an empty
/// descriptor (allowed with nullDescriptor, harmless otherwise: it reads as zero).
///
/// # Safety
/// Handles in `source` must be null or live.
pub unsafe fn decode(t: vk::DescriptorType, source: &Source, immutable: Option<&Descriptor>) -> VkResult<Descriptor> {
    use vk::DescriptorType as T;
    let view = |v: vk::ImageView| if v == vk::ImageView::null() { Ok(None) } else { get::<ImageView>(v).map(Some) };
    let sampler = |s: vk::Sampler| if s == vk::Sampler::null() { Ok(None) } else { get::<Sampler>(s).map(Some) };
    Ok(match (t, source) {
        (T::SAMPLER, Source::Image(info)) => match immutable {
            Some(d @ Descriptor::Sampler(_)) => d.clone(),
            _ => sampler(info.sampler)?.map_or(Descriptor::Empty, Descriptor::Sampler),
        },
        (T::COMBINED_IMAGE_SAMPLER, Source::Image(info)) => {
            let sampler = match immutable {
                Some(Descriptor::Combined { sampler: Some(s), .. }) => Some(s.clone()),
                _ => sampler(info.sampler)?,
            };
            Descriptor::Combined { view: view(info.image_view)?, sampler }
        }
        (T::SAMPLED_IMAGE | T::STORAGE_IMAGE | T::INPUT_ATTACHMENT, Source::Image(info)) => {
            view(info.image_view)?.map_or(Descriptor::Empty, Descriptor::Image)
        }
        (T::UNIFORM_TEXEL_BUFFER | T::STORAGE_TEXEL_BUFFER, Source::TexelBuffer(v)) => {
            if *v == vk::BufferView::null() {
                Descriptor::Empty
            } else {
                Descriptor::TexelBuffer(get::<BufferView>(*v)?)
            }
        }
        (T::UNIFORM_BUFFER | T::STORAGE_BUFFER | T::UNIFORM_BUFFER_DYNAMIC | T::STORAGE_BUFFER_DYNAMIC, Source::Buffer(info)) => {
            if info.buffer == vk::Buffer::null() {
                Descriptor::Empty
            } else {
                let buffer = get::<Buffer>(info.buffer)?;
                if info.offset > buffer.size {
                    tracing::error!("descriptor offset {} is past the buffer's {} bytes", info.offset, buffer.size);
                    return Err(INVALID_USAGE);
                }
                let range = if info.range == vk::WHOLE_SIZE { buffer.size - info.offset } else { info.range };
                if range == 0 || range > buffer.size - info.offset {
                    tracing::error!(
                        "descriptor range {} at offset {} is past the buffer's {} bytes",
                        info.range,
                        info.offset,
                        buffer.size
                    );
                    return Err(INVALID_USAGE);
                }
                Descriptor::Buffer { buffer, offset: info.offset, range }
            }
        }
        (t, _) => {
            tracing::error!("descriptor write of type {t:?} without the matching info");
            return Err(INVALID_USAGE);
        }
    })
}

/// Where element `element` of a write starting at (`binding`, `array_element`) lands,
/// following consecutive-binding updates: (binding index in the layout, element).
pub fn locate(layout: &DescriptorSetLayout, binding: u32, array_element: u32, element: u32) -> Option<(usize, usize)> {
    let mut index = layout.index_of(binding)?;
    let mut at = array_element as u64 + element as u64;
    loop {
        let count = layout.bindings[index].count as u64;
        if at < count {
            return Some((index, at as usize));
        }
        at -= count;
        index += 1;
        if index >= layout.bindings.len() {
            return None;
        }
    }
}

/// Writes `count` descriptors of type `t` into `set` from `source(i)`.
///
/// # Safety
/// As `decode`.
pub unsafe fn write<'a>(
    set: &DescriptorSet,
    binding: u32,
    array_element: u32,
    count: u32,
    t: vk::DescriptorType,
    mut source: impl FnMut(u32) -> Option<Source<'a>>,
) -> VkResult<()> {
    let layout = set.layout.clone();
    let mut table = set.bindings.write().unwrap_or_else(|e| e.into_inner());
    for i in 0..count {
        let Some((index, element)) = locate(&layout, binding, array_element, i) else {
            tracing::error!("descriptor write past the end of binding {binding}");
            return Err(INVALID_USAGE);
        };
        if layout.bindings[index].descriptor_type != t {
            tracing::error!("descriptor write of {t:?} into a binding of {:?}", layout.bindings[index].descriptor_type);
            return Err(INVALID_USAGE);
        }
        let Some(source) = source(i) else { return Err(INVALID_USAGE) };
        let immutable = if layout.bindings[index].immutable_samplers.is_empty() { None } else { Some(table[index][element].clone()) };
        table[index][element] = decode(t, &source, immutable.as_ref())?;
    }
    Ok(())
}

/// # Safety
/// Vulkan's rules for `vkUpdateDescriptorSets`.
pub unsafe extern "system" fn update_descriptor_sets(
    _device: vk::Device,
    write_count: u32,
    p_writes: *const vk::WriteDescriptorSet<'_>,
    copy_count: u32,
    p_copies: *const vk::CopyDescriptorSet<'_>,
) {
    guard_void("vkUpdateDescriptorSets", || {
        for w in read_slice(p_writes, write_count) {
            if let Err(e) = apply_write(w) {
                tracing::error!("vkUpdateDescriptorSets: a write was not applied ({e:?})");
            }
        }
        for c in read_slice(p_copies, copy_count) {
            if let Err(e) = apply_copy(c) {
                tracing::error!("vkUpdateDescriptorSets: a copy was not applied ({e:?})");
            }
        }
    })
}

/// # Safety
/// `w`'s pointers valid as Vulkan requires.
pub unsafe fn apply_write(w: &vk::WriteDescriptorSet<'_>) -> VkResult<()> {
    let set = borrow::<DescriptorSet>(w.dst_set)?;
    write_to(set, w)
}

/// Applies write `w` to `set` (which may be a push-descriptor set, whose `dst_set` is
/// ignored).
///
/// # Safety
/// As `apply_write`.
pub unsafe fn write_to(set: &DescriptorSet, w: &vk::WriteDescriptorSet<'_>) -> VkResult<()> {
    let images = read_slice(w.p_image_info, w.descriptor_count);
    let buffers = read_slice(w.p_buffer_info, w.descriptor_count);
    let texels = read_slice(w.p_texel_buffer_view, w.descriptor_count);
    use vk::DescriptorType as T;
    write(set, w.dst_binding, w.dst_array_element, w.descriptor_count, w.descriptor_type, |i| {
        let i = i as usize;
        match w.descriptor_type {
            T::SAMPLER | T::COMBINED_IMAGE_SAMPLER | T::SAMPLED_IMAGE | T::STORAGE_IMAGE | T::INPUT_ATTACHMENT => {
                images.get(i).map(Source::Image)
            }
            T::UNIFORM_TEXEL_BUFFER | T::STORAGE_TEXEL_BUFFER => texels.get(i).map(|v| Source::TexelBuffer(*v)),
            _ => buffers.get(i).map(Source::Buffer),
        }
    })
}

/// # Safety
/// `c`'s handles live.
unsafe fn apply_copy(c: &vk::CopyDescriptorSet<'_>) -> VkResult<()> {
    let src = borrow::<DescriptorSet>(c.src_set)?;
    let dst = borrow::<DescriptorSet>(c.dst_set)?;
    let mut copied = Vec::with_capacity(c.descriptor_count.min(1 << 16) as usize);
    {
        let table = src.bindings.read().unwrap_or_else(|e| e.into_inner());
        for i in 0..c.descriptor_count {
            let (index, element) = locate(&src.layout, c.src_binding, c.src_array_element, i).ok_or(INVALID_USAGE)?;
            copied.push((src.layout.bindings[index].descriptor_type, table[index][element].clone()));
        }
    }
    let mut table = dst.bindings.write().unwrap_or_else(|e| e.into_inner());
    for (i, (t, descriptor)) in copied.into_iter().enumerate() {
        let (index, element) = locate(&dst.layout, c.dst_binding, c.dst_array_element, i as u32).ok_or(INVALID_USAGE)?;
        if dst.layout.bindings[index].descriptor_type != t {
            tracing::error!("descriptor copy between bindings of different types");
            return Err(INVALID_USAGE);
        }
        table[index][element] = descriptor;
    }
    Ok(())
}
