//! Tests of shader images on small images in a `Vec<u32>`, laid out by the real
//! `ImageLayout`. Expected values are worked out by hand in the comments.

mod sampling;
mod storage;

use super::*;
use crate::layout::ImageShape;

/// An image of `format` in its own memory, with words the test can set and inspect.
struct Image {
    words: Vec<u32>,
    layout: ImageLayout,
}

impl Image {
    fn new(format: vk::Format, extent: [u32; 3], levels: u32, layers: u32) -> Image {
        Image::with_samples(format, extent, levels, layers, 1)
    }

    fn with_samples(
        format: vk::Format,
        [width, height, depth]: [u32; 3],
        levels: u32,
        layers: u32,
        samples: u32,
    ) -> Image {
        let extent = vk::Extent3D { width, height, depth };
        let shape = ImageShape { format, extent, mip_levels: levels, array_layers: layers, samples };
        let layout = ImageLayout::new(shape).expect("a layout");
        Image { words: vec![0; layout.size as usize / 4], layout }
    }

    /// A view of the whole image (every level and layer) of `view_type`.
    fn view(&mut self, view_type: vk::ImageViewType) -> ShaderImage {
        let format = self.layout.shape.format;
        self.view_of(view_type, format, vk::ImageAspectFlags::COLOR, (0, !0), (0, !0))
    }

    fn view_of(
        &mut self,
        view_type: vk::ImageViewType,
        format: vk::Format,
        aspect: vk::ImageAspectFlags,
        (base_mip_level, level_count): (u32, u32),
        (base_array_layer, layer_count): (u32, u32),
    ) -> ShaderImage {
        self.try_view(ImageView {
            format,
            view_type,
            range: vk::ImageSubresourceRange {
                aspect_mask: aspect,
                base_mip_level,
                level_count,
                base_array_layer,
                layer_count,
            },
            components: vk::ComponentMapping::default(),
        })
        .expect("a valid view")
    }

    fn try_view(&mut self, view: ImageView) -> Option<ShaderImage> {
        ShaderImage::new(SharedMemory::of_words(&mut self.words), &self.layout, &view)
    }

    /// Sets consecutive 32-bit words from byte offset `offset`.
    fn set(&mut self, offset: usize, words: &[u32]) {
        self.words[offset / 4..offset / 4 + words.len()].copy_from_slice(words);
    }

    fn set_f32(&mut self, offset: usize, values: &[f32]) {
        self.set(offset, &values.iter().map(|v| v.to_bits()).collect::<Vec<_>>());
    }
}

fn floats(words: [u32; 4]) -> [f32; 4] {
    words.map(f32::from_bits)
}

/// A sampler with `filter` for both mag and min, `mode` on every axis.
fn sampler(filter: vk::Filter, mode: vk::SamplerAddressMode) -> ShaderSampler {
    ShaderSampler { mag_filter: filter, min_filter: filter, address_modes: [mode; 3], ..ShaderSampler::default() }
}
