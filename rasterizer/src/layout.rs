//! The linear image layout: where every texel of an image lives in its memory.
//!
//! This is softvk's external-memory contract (DESIGN "Memory and external memory"): the
//! layout is a pure function of the image's create info, the same for every tiling, in every
//! process and every instance, and it is what `vkGetImageSubresourceLayout` reports.
//!
//! ```text
//! image  = plane[0] plane[1]          planes: COLOR, or DEPTH then STENCIL
//! plane  = level[0] level[1] ...      each level starts 16-byte aligned
//! level  = layer[0] layer[1] ...      array_pitch apart
//! layer  = slice[0] slice[1] ...      depth_pitch apart (3D images)
//! slice  = row[0] row[1] ...          row_pitch apart, rows of texel blocks, tightly packed
//! ```
//! A combined depth/stencil format stores each aspect in its own plane with the texel size
//! that buffer copies use (D24S8: a 4-byte X8_D24 plane, then a 1-byte S8 plane), so copies
//! of one aspect are plain row copies.

use crate::format;
use ash::vk;

const LEVEL_ALIGNMENT: u64 = 16;

/// What the layout depends on: the parts of `VkImageCreateInfo` that shape memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ImageShape {
    pub format: vk::Format,
    pub extent: vk::Extent3D,
    pub mip_levels: u32,
    pub array_layers: u32,
    pub samples: u32,
}

/// Where one (aspect, level, layer) lives: the fields of `VkSubresourceLayout`, plus the
/// texel-block geometry the kernels need.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SubresourceLayout {
    /// Format of the texels in this plane (for D24S8's stencil plane: S8_UINT).
    pub format: vk::Format,
    pub offset: u64,
    pub size: u64,
    pub row_pitch: u64,
    pub depth_pitch: u64,
    pub array_pitch: u64,
    /// Extent of the level in texels.
    pub extent: vk::Extent3D,
    /// Bytes of one texel block (times samples for multisampled images).
    pub block_bytes: u32,
    pub block_width: u32,
    pub block_height: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageLayout {
    pub shape: ImageShape,
    /// `planes[p].0` is the aspect, `planes[p].1[level]` the layout of layer 0 of that level.
    planes: Vec<(vk::ImageAspectFlags, Vec<SubresourceLayout>)>,
    pub size: u64,
}

fn align_up(value: u64, alignment: u64) -> u64 {
    value.div_ceil(alignment) * alignment
}

pub fn mip_extent(extent: vk::Extent3D, level: u32) -> vk::Extent3D {
    vk::Extent3D {
        width: (extent.width >> level).max(1),
        height: (extent.height >> level).max(1),
        depth: (extent.depth >> level).max(1),
    }
}

impl ImageLayout {
    /// The layout of an image of this shape, or `None` for a format softvk does not know
    /// or a size that overflows.
    pub fn new(shape: ImageShape) -> Option<ImageLayout> {
        let mut planes = Vec::new();
        let mut offset = 0u64;
        for &aspect in format::planes(shape.format)? {
            let plane_format = format::plane_format(shape.format, aspect)?;
            let info = format::describe(plane_format)?;
            let block_bytes = info.block_bytes.checked_mul(shape.samples.max(1))?;
            let mut levels = Vec::new();
            for level in 0..shape.mip_levels.max(1) {
                let extent = mip_extent(shape.extent, level);
                let blocks_w = u64::from(extent.width.div_ceil(info.block_width));
                let blocks_h = u64::from(extent.height.div_ceil(info.block_height));
                let row_pitch = blocks_w.checked_mul(u64::from(block_bytes))?;
                let depth_pitch = row_pitch.checked_mul(blocks_h)?;
                let layer_size = depth_pitch.checked_mul(u64::from(extent.depth))?;
                let array_pitch = align_up(layer_size, LEVEL_ALIGNMENT);
                offset = align_up(offset, LEVEL_ALIGNMENT);
                levels.push(SubresourceLayout {
                    format: plane_format,
                    offset,
                    size: layer_size,
                    row_pitch,
                    depth_pitch,
                    array_pitch,
                    extent,
                    block_bytes,
                    block_width: info.block_width,
                    block_height: info.block_height,
                });
                offset = offset.checked_add(array_pitch.checked_mul(u64::from(shape.array_layers.max(1)))?)?;
            }
            planes.push((aspect, levels));
        }
        Some(ImageLayout { shape, planes, size: align_up(offset, LEVEL_ALIGNMENT).max(LEVEL_ALIGNMENT) })
    }

    /// The layout of one subresource. `aspect` is a single aspect bit (COLOR, DEPTH or
    /// STENCIL); `None` when the image has no such aspect, level or layer.
    pub fn subresource(&self, aspect: vk::ImageAspectFlags, level: u32, layer: u32) -> Option<SubresourceLayout> {
        if layer >= self.shape.array_layers.max(1) {
            return None;
        }
        let (_, levels) = self.planes.iter().find(|(a, _)| *a == aspect)?;
        let mut sub = *levels.get(level as usize)?;
        sub.offset += u64::from(layer) * sub.array_pitch;
        Some(sub)
    }

    pub fn aspects(&self) -> impl Iterator<Item = vk::ImageAspectFlags> + '_ {
        self.planes.iter().map(|(a, _)| *a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(format: vk::Format, w: u32, h: u32, d: u32, levels: u32, layers: u32) -> ImageShape {
        ImageShape {
            format,
            extent: vk::Extent3D { width: w, height: h, depth: d },
            mip_levels: levels,
            array_layers: layers,
            samples: 1,
        }
    }

    #[test]
    fn rgba8_mip_chain_is_tightly_packed_and_aligned() {
        let layout = ImageLayout::new(shape(vk::Format::R8G8B8A8_UNORM, 5, 3, 1, 3, 2)).unwrap();
        let l0 = layout.subresource(vk::ImageAspectFlags::COLOR, 0, 0).unwrap();
        assert_eq!((l0.offset, l0.row_pitch, l0.size, l0.array_pitch), (0, 20, 60, 64));
        let l0b = layout.subresource(vk::ImageAspectFlags::COLOR, 0, 1).unwrap();
        assert_eq!(l0b.offset, 64);
        let l1 = layout.subresource(vk::ImageAspectFlags::COLOR, 1, 0).unwrap();
        // level 1 is 2x1: 8 bytes a layer, starting after two 64-byte layers.
        assert_eq!((l1.offset, l1.row_pitch, l1.size, l1.array_pitch), (128, 8, 8, 16));
        let l2 = layout.subresource(vk::ImageAspectFlags::COLOR, 2, 1).unwrap();
        assert_eq!((l2.offset, l2.size), (160 + 16, 4));
        assert_eq!(layout.size, 192);
        assert!(layout.subresource(vk::ImageAspectFlags::COLOR, 3, 0).is_none());
        assert!(layout.subresource(vk::ImageAspectFlags::DEPTH, 0, 0).is_none());
    }

    #[test]
    fn depth_stencil_aspects_live_in_separate_planes() {
        let layout = ImageLayout::new(shape(vk::Format::D24_UNORM_S8_UINT, 4, 4, 1, 1, 1)).unwrap();
        let depth = layout.subresource(vk::ImageAspectFlags::DEPTH, 0, 0).unwrap();
        let stencil = layout.subresource(vk::ImageAspectFlags::STENCIL, 0, 0).unwrap();
        assert_eq!((depth.offset, depth.row_pitch, depth.format), (0, 16, vk::Format::X8_D24_UNORM_PACK32));
        assert_eq!((stencil.offset, stencil.row_pitch, stencil.format), (64, 4, vk::Format::S8_UINT));
    }

    #[test]
    fn three_d_images_have_a_depth_pitch() {
        let layout = ImageLayout::new(shape(vk::Format::R16_UINT, 3, 2, 4, 1, 1)).unwrap();
        let l0 = layout.subresource(vk::ImageAspectFlags::COLOR, 0, 0).unwrap();
        assert_eq!((l0.row_pitch, l0.depth_pitch, l0.size), (6, 12, 48));
    }
}
