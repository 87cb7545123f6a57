//! From bound descriptor sets to what a shader run reaches: each binding of the pipeline
//! resolves, once per dispatch (not per invocation), to windows of memory
//! (`shader::memory::SharedMemory`) for buffers, and to `rasterizer::shader_image` views
//! for images, samplers and texel buffers.
//!
//! Every window is clamped to the descriptor's range and to the memory the buffer is
//! bound to, so bounds inside the shader are never wider than the application's resource.

use super::state::{BindPoint, PUSH_CONSTANT_BYTES};
use crate::descriptor::Descriptor;
use crate::pipeline::BindingSlot;
use crate::resources::Buffer;
use shader::interp::{Bound, Resources};
use shader::memory::SharedMemory;

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

/// What the bindings of one dispatch resolve to.
pub struct Resolved {
    bindings: Vec<Bound<'static>>,
    /// The push constants, as words (the window in `bindings` points here).
    _push: Box<[u32; PUSH_CONSTANT_BYTES / 4]>,
}

impl Resolved {
    pub fn resources(&self) -> Resources<'_> {
        Resources { bindings: self.bindings.iter().map(reborrow).collect() }
    }
}

fn reborrow<'a>(bound: &'a Bound<'static>) -> Bound<'a> {
    match bound {
        Bound::None => Bound::None,
        Bound::Buffers(list) => Bound::Buffers(list.clone()),
        Bound::Images(list) => Bound::Images(list.clone()),
        Bound::Samplers(list) => Bound::Samplers(list.clone()),
        Bound::Combined(list) => Bound::Combined(list.clone()),
    }
}

/// Resolves `slots` (a pipeline's bindings) against the sets bound at `point`.
pub fn resolve(slots: &[BindingSlot], point: &BindPoint, push_constants: &[u8; PUSH_CONSTANT_BYTES]) -> Resolved {
    let mut push = Box::new([0u32; PUSH_CONSTANT_BYTES / 4]);
    for (word, bytes) in push.iter_mut().zip(push_constants.chunks_exact(4)) {
        *word = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
    }
    let push_window = SharedMemory::of_words(&mut push[..]);
    let bindings = slots
        .iter()
        .map(|slot| match *slot {
            BindingSlot::PushConstants => Bound::Buffers(vec![push_window]),
            BindingSlot::Descriptor { set, index, descriptor_type } => {
                let Some(bound) = point.sets.get(set as usize).and_then(|s| s.as_ref()) else {
                    return Bound::None;
                };
                let table = bound.set.bindings.read().unwrap_or_else(|e| e.into_inner());
                let Some(descriptors) = table.get(index) else { return Bound::None };
                // The first dynamic offset of this binding: after those of the dynamic
                // bindings before it in the set.
                let dynamic_base: usize = bound.set.layout.bindings[..index]
                    .iter()
                    .filter(|b| crate::descriptor::is_dynamic(b.descriptor_type))
                    .map(|b| b.count as usize)
                    .sum();
                let dynamic = crate::descriptor::is_dynamic(descriptor_type);
                let windows = descriptors
                    .iter()
                    .enumerate()
                    .map(|(i, d)| match d {
                        Descriptor::Buffer { buffer, offset, range } => {
                            let extra = if dynamic {
                                bound.dynamic_offsets.get(dynamic_base + i).copied().unwrap_or(0) as u64
                            } else {
                                0
                            };
                            buffer_window(buffer, offset.saturating_add(extra), *range)
                        }
                        _ => SharedMemory::EMPTY,
                    })
                    .collect();
                Bound::Buffers(windows)
            }
        })
        .collect();
    Resolved { bindings, _push: push }
}
