//! Images, samplers and texel buffers as a shader sees them: the driver side of the
//! shader crate's image interface (`shader::interp::ImageResource` and
//! `SamplerResource`).
//!
//! Where the data comes from: when a dispatch (or draw) executes, the icd walks the bound
//! descriptor sets and builds, for every image descriptor, a [`ShaderImage`] (the image's
//! bound memory as a `SharedMemory`, its [`ImageLayout`], and the view's format, type,
//! subresource range and swizzle), a [`ShaderSampler`] for every sampler, and a
//! [`TexelBufferView`] for every texel buffer. These live for the dispatch and are put in
//! the program's `Resources` table.
//!
//! Where it goes: the interpreter calls them per lane, from many threads at once. Every
//! texel goes through `SharedMemory`'s atomic, bounds-checked accesses, never through a
//! slice of the image, and every coordinate a shader supplies is checked here: reads
//! outside the view give `None` (zeros), writes outside it are dropped.
//!
//! The pieces: `texel_io` moves one texel between memory and the four shader words
//! (through `TexelCodec`, chosen once per view); `sampling` implements the spec's "Image
//! Sample Operations" (wrapping, filtering, mip selection, cube faces, depth comparison,
//! gathers); `sampler` is the sampler state; `texel_buffer` the texel buffer views.
//!
//! Not done yet: seamless cube filtering (edges clamp within a face), anisotropy,
//! min/max reduction and cubic filters, views of block-compressed images, and 64-bit
//! components beyond what one 32-bit word per component carries (R64 formats saturate
//! on reads; their atomics go through `texel_offset`, which is exact).

mod sampler;
mod sampling;
mod texel_buffer;
mod texel_io;

#[cfg(test)]
mod tests;

pub use sampler::ShaderSampler;
pub use texel_buffer::TexelBufferView;

use crate::format;
use crate::layout::{ImageLayout, SubresourceLayout};
use ash::vk;
use shader::interp::{ImageResource, SamplerResource};
use shader::memory::SharedMemory;
use texel_io::{Swizzle, TexelIo};

/// What a `VkImageView` says about how shaders see its image, as plain values (the icd
/// decodes `VkImageViewCreateInfo` into this).
#[derive(Clone, Copy, Debug)]
pub struct ImageView {
    /// The view's format: the image's, or one compatible with it (same texel size).
    pub format: vk::Format,
    pub view_type: vk::ImageViewType,
    /// One aspect (COLOR, DEPTH or STENCIL); `VK_REMAINING_*` counts are resolved here.
    pub range: vk::ImageSubresourceRange,
    pub components: vk::ComponentMapping,
}

/// Where one level of the view lives in the image's memory.
#[derive(Clone, Copy, Debug)]
struct Level {
    /// Byte offset of the view's first layer of this level.
    offset: usize,
    row_pitch: usize,
    slice_pitch: usize,
    layer_pitch: usize,
    /// Width, height and depth in texels.
    extent: [u32; 3],
}

impl Level {
    /// Level `sub` of the view whose first layer is `base_layer`.
    fn new(sub: &SubresourceLayout, base_layer: u32, slices_as_layers: bool) -> Option<Level> {
        let layer_pitch = if slices_as_layers { sub.depth_pitch } else { sub.array_pitch };
        let offset = sub.offset.checked_add(layer_pitch.checked_mul(u64::from(base_layer))?)?;
        Some(Level {
            offset: usize::try_from(offset).ok()?,
            row_pitch: usize::try_from(sub.row_pitch).ok()?,
            slice_pitch: usize::try_from(sub.depth_pitch).ok()?,
            layer_pitch: usize::try_from(layer_pitch).ok()?,
            extent: [sub.extent.width, sub.extent.height, if slices_as_layers { 1 } else { sub.extent.depth }],
        })
    }
}

/// An image view bound to a shader: storage image, sampled image, or input attachment.
#[derive(Clone, Debug)]
pub struct ShaderImage {
    memory: SharedMemory,
    io: TexelIo,
    view_type: vk::ImageViewType,
    /// For each internal axis (x, y, z, layer): which shader coordinate gives it.
    axes: [Option<usize>; 4],
    levels: Vec<Level>,
    layers: u32,
    samples: u32,
    /// Bytes from one texel to the next in a row (all samples of it).
    texel_pitch: usize,
    swizzle: Swizzle,
    /// Components the format stores (the others read as 0, 0, 0, one).
    present: [bool; 4],
    /// A fixed-point depth format: `Dref` is clamped to [0, 1].
    dref_clamp: bool,
}

impl ShaderImage {
    /// A view of the image whose memory (from the image's bind offset on) is `memory` and
    /// whose layout is `layout`. None when the view does not fit the image: an aspect the
    /// image lacks, levels or layers outside it, a format with no texels of its own
    /// (compressed) or a texel size different from the image's.
    pub fn new(memory: SharedMemory, layout: &ImageLayout, view: &ImageView) -> Option<ShaderImage> {
        let aspect = view.range.aspect_mask;
        let plane_format = format::plane_format(view.format, aspect)?;
        let io = TexelIo::new(plane_format)?;
        let samples = layout.shape.samples.max(1);
        let (base_level, level_count) =
            resolve_count(view.range.base_mip_level, view.range.level_count, layout.shape.mip_levels.max(1))?;
        let base = layout.subresource(aspect, base_level, 0)?;
        if base.block_width != 1 || base.block_height != 1 || base.block_bytes as usize != io.bytes() * samples as usize
        {
            return None;
        }
        // A 2D (array) view of a 3D image sees the depth slices of one level as layers.
        let slices_as_layers = base.extent.depth > 1 && view.view_type != vk::ImageViewType::TYPE_3D;
        if slices_as_layers && level_count != 1 {
            return None;
        }
        let layer_total = if slices_as_layers { base.extent.depth } else { layout.shape.array_layers.max(1) };
        let (base_layer, layers) = resolve_count(view.range.base_array_layer, view.range.layer_count, layer_total)?;
        let levels = (base_level..base_level + level_count)
            .map(|level| Level::new(&layout.subresource(aspect, level, 0)?, base_layer, slices_as_layers))
            .collect::<Option<Vec<_>>>()?;
        Some(ShaderImage {
            memory,
            io,
            view_type: view.view_type,
            axes: axes(view.view_type)?,
            levels,
            layers,
            samples,
            texel_pitch: base.block_bytes as usize,
            swizzle: Swizzle::new(view.components, io.class()),
            present: texel_io::present_components(plane_format),
            dref_clamp: texel_io::is_unorm(plane_format),
        })
    }

    /// The byte offset of a texel given as (x, y, z, layer), or None outside the view.
    fn address(&self, level: u32, texel: [i64; 4], sample: u32) -> Option<usize> {
        let l = self.levels.get(level as usize)?;
        let limits = [l.extent[0], l.extent[1], l.extent[2], self.layers];
        if sample >= self.samples || texel.iter().zip(limits).any(|(&c, limit)| c < 0 || c >= i64::from(limit)) {
            return None;
        }
        // In range, so each is a small non-negative number.
        let [x, y, z, layer] = texel.map(|c| c as usize);
        Some(
            l.offset
                + layer * l.layer_pitch
                + z * l.slice_pitch
                + y * l.row_pitch
                + x * self.texel_pitch
                + sample as usize * self.io.bytes(),
        )
    }

    /// Integer shader coordinates as (x, y, z, layer) for this view type.
    fn texel_coordinate(&self, coord: [i32; 3]) -> [i64; 4] {
        self.axes.map(|axis| axis.map_or(0, |a| i64::from(coord[a])))
    }

    /// The decoded texel words (before swizzle) at (x, y, z, layer); None outside.
    fn load(&self, level: u32, texel: [i64; 4], sample: u32) -> Option<[u32; 4]> {
        let offset = self.address(level, texel, sample)?;
        self.io.load(&self.memory, offset)
    }
}

/// `(base, count)` with `VK_REMAINING_MIP_LEVELS` / `VK_REMAINING_ARRAY_LAYERS` (both
/// `!0`) resolved, or None when it leaves `0..total` or is empty.
fn resolve_count(base: u32, count: u32, total: u32) -> Option<(u32, u32)> {
    let count = if count == vk::REMAINING_ARRAY_LAYERS { total.checked_sub(base)? } else { count };
    (count > 0 && base.checked_add(count)? <= total).then_some((base, count))
}

/// Which shader coordinate gives x, y, z and the layer, per view type (spec "Texel
/// Coordinate Systems": `(i [,j] [,k] [,l])`; cube faces are layers).
fn axes(view_type: vk::ImageViewType) -> Option<[Option<usize>; 4]> {
    Some(match view_type {
        vk::ImageViewType::TYPE_1D => [Some(0), None, None, None],
        vk::ImageViewType::TYPE_1D_ARRAY => [Some(0), None, None, Some(1)],
        vk::ImageViewType::TYPE_2D => [Some(0), Some(1), None, None],
        vk::ImageViewType::TYPE_2D_ARRAY | vk::ImageViewType::CUBE | vk::ImageViewType::CUBE_ARRAY => {
            [Some(0), Some(1), None, Some(2)]
        }
        vk::ImageViewType::TYPE_3D => [Some(0), Some(1), Some(2), None],
        _ => return None,
    })
}

impl ImageResource for ShaderImage {
    /// OpImageQuerySize's dimensions: the level's size, then layers for arrays (cubes for
    /// cube arrays).
    fn size(&self, level: u32) -> [u32; 3] {
        let Some(l) = self.levels.get(level as usize) else { return [0; 3] };
        let [w, h, d] = l.extent;
        match self.view_type {
            vk::ImageViewType::TYPE_1D => [w, 0, 0],
            vk::ImageViewType::TYPE_1D_ARRAY => [w, self.layers, 0],
            vk::ImageViewType::TYPE_2D | vk::ImageViewType::CUBE => [w, h, 0],
            vk::ImageViewType::TYPE_2D_ARRAY => [w, h, self.layers],
            vk::ImageViewType::CUBE_ARRAY => [w, h, self.layers / 6],
            _ => [w, h, d],
        }
    }

    fn levels(&self) -> u32 {
        self.levels.len() as u32
    }

    fn samples(&self) -> u32 {
        self.samples
    }

    fn read(&self, coord: [i32; 3], level: u32, sample: u32) -> Option<[u32; 4]> {
        // spec "Component Swizzle": every texel input instruction swizzles (storage image
        // views must have the identity mapping, so this only changes fetches).
        self.load(level, self.texel_coordinate(coord), sample).map(|t| self.swizzle.apply(t))
    }

    fn write(&self, coord: [i32; 3], sample: u32, texel: [u32; 4]) {
        if let Some(offset) = self.address(0, self.texel_coordinate(coord), sample) {
            self.io.store(&self.memory, offset, texel);
        }
    }

    fn memory(&self) -> SharedMemory {
        self.memory
    }

    /// Only 32- and 64-bit texels can be atomically updated.
    fn texel_offset(&self, coord: [i32; 3], sample: u32) -> Option<usize> {
        if !matches!(self.io.bytes(), 4 | 8) {
            return None;
        }
        self.address(0, self.texel_coordinate(coord), sample)
    }

    fn sample(
        &self,
        sampler: &dyn SamplerResource,
        coord: [f32; 4],
        lod: f32,
        dref: Option<f32>,
        offset: [i32; 3],
    ) -> [u32; 4] {
        match sampler.as_any().downcast_ref::<ShaderSampler>() {
            Some(sampler) => self.sample_with(sampler, coord, lod, dref, offset),
            None => [0; 4],
        }
    }

    fn gather(
        &self,
        sampler: &dyn SamplerResource,
        coord: [f32; 4],
        component: u32,
        dref: Option<f32>,
        offset: [i32; 3],
    ) -> [u32; 4] {
        match sampler.as_any().downcast_ref::<ShaderSampler>() {
            Some(sampler) => self.gather_with(sampler, coord, component, dref, offset),
            None => [0; 4],
        }
    }
}
