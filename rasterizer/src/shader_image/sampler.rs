//! `ShaderSampler`: a `VkSampler`'s state as plain values, decoded by the icd from
//! `VkSamplerCreateInfo` (and its pNext chain: custom border colours) when the sampler is
//! created, and handed to the interpreter through the descriptor table.

use ash::vk;
use shader::interp::SamplerResource;
use std::any::Any;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ShaderSampler {
    pub mag_filter: vk::Filter,
    pub min_filter: vk::Filter,
    pub mipmap_mode: vk::SamplerMipmapMode,
    /// Address modes for u, v and w.
    pub address_modes: [vk::SamplerAddressMode; 3],
    pub mip_lod_bias: f32,
    /// `compareOp` when `compareEnable` is set: `OpImage*Dref*` instructions compare.
    pub compare: Option<vk::CompareOp>,
    pub min_lod: f32,
    pub max_lod: f32,
    pub border_color: vk::BorderColor,
    /// `VkSamplerCustomBorderColorCreateInfoEXT::customBorderColor` as its four raw words
    /// (float bits for `FLOAT_CUSTOM_EXT`, integers for `INT_CUSTOM_EXT`).
    pub custom_border_color: [u32; 4],
    pub unnormalized_coordinates: bool,
}

impl Default for ShaderSampler {
    /// NEAREST everywhere, REPEAT, no comparison, every level (`VK_LOD_CLAMP_NONE`),
    /// transparent black border, normalized coordinates.
    fn default() -> ShaderSampler {
        ShaderSampler {
            mag_filter: vk::Filter::NEAREST,
            min_filter: vk::Filter::NEAREST,
            mipmap_mode: vk::SamplerMipmapMode::NEAREST,
            address_modes: [vk::SamplerAddressMode::REPEAT; 3],
            mip_lod_bias: 0.0,
            compare: None,
            min_lod: 0.0,
            max_lod: vk::LOD_CLAMP_NONE,
            border_color: vk::BorderColor::FLOAT_TRANSPARENT_BLACK,
            custom_border_color: [0; 4],
            unnormalized_coordinates: false,
        }
    }
}

impl ShaderSampler {
    /// The border colour's four words (spec "Texel Replacement", table "Border Color"):
    /// floats for the FLOAT_* colours, integers for the INT_* ones.
    pub fn border_words(&self) -> [u32; 4] {
        let (zero, one) = (0f32.to_bits(), 1f32.to_bits());
        match self.border_color {
            vk::BorderColor::FLOAT_OPAQUE_BLACK => [zero, zero, zero, one],
            vk::BorderColor::FLOAT_OPAQUE_WHITE => [one; 4],
            vk::BorderColor::INT_OPAQUE_BLACK => [0, 0, 0, 1],
            vk::BorderColor::INT_OPAQUE_WHITE => [1; 4],
            vk::BorderColor::FLOAT_CUSTOM_EXT | vk::BorderColor::INT_CUSTOM_EXT => self.custom_border_color,
            // FLOAT_ and INT_TRANSPARENT_BLACK: all zero bits either way.
            _ => [0; 4],
        }
    }
}

impl SamplerResource for ShaderSampler {
    fn as_any(&self) -> &dyn Any {
        self
    }
}
