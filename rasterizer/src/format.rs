//! The format table: every `VkFormat` softvk knows, in one declarative list.
//!
//! Each row says how big a texel block is, which aspects the format has, its numeric class,
//! and its `Codec`: where each component sits in the texel and how its bits turn into a
//! number. Everything else is derived from the row — the image layout (`layout.rs`), the
//! texel codecs (`texel.rs`), the format features reported to applications (`properties`)
//! and copy compatibility. Adding a format is adding one line to `TABLE`.
//!
//! Bit positions: a texel is read as one little-endian bit string (byte 0 holds bits 0..8).
//! For array formats (`R8G8B8A8_*`) that puts component N at byte N; for packed formats
//! (`*_PACK16`, `*_PACK32`) it is the host-order word the spec describes, on the
//! little-endian hosts softvk runs on. The first component named in a packed format sits in
//! the most significant bits (spec "Formats": "packed formats").

use ash::vk;
use vk::Format as F;
use Encoding as E;

/// The numeric class of a format, as the spec's format names spell it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Numeric {
    Unorm,
    Snorm,
    Uscaled,
    Sscaled,
    Uint,
    Sint,
    Ufloat,
    Sfloat,
    Srgb,
    /// A depth-only format (unorm or float depth: the codec says which).
    Depth,
    Stencil,
    DepthStencil,
}

/// How one component's bits become a number (and back); see `texel.rs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// `c / (2^b - 1)`, spec "Conversion From Normalized Fixed-Point to Floating-Point".
    Unorm,
    /// `max(c / (2^(b-1) - 1), -1)`, two's complement.
    Snorm,
    /// The unsigned integer, as a float.
    Uscaled,
    /// The signed integer, as a float.
    Sscaled,
    Uint,
    Sint,
    /// Unsigned float with a 5-bit exponent (the 11- and 10-bit floats of B10G11R11).
    Ufloat,
    /// IEEE float: 16, 32 or 64 bits.
    Sfloat,
    /// Unorm with the sRGB transfer function on R, G and B; alpha is plain unorm.
    Srgb,
}

/// One component of a texel: which of R, G, B, A it is (depth and stencil are component 0),
/// and where its bits are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Channel {
    /// 0 = R (or depth, or stencil), 1 = G, 2 = B, 3 = A.
    pub component: u8,
    /// Bit offset of the least significant bit, in the little-endian texel.
    pub offset: u16,
    pub bits: u8,
}

/// How a format's texels are decoded and encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Codec {
    /// Independent components, each a number of the given encoding.
    Channels { channels: &'static [Channel], encoding: Encoding },
    /// E5B9G9R9: three 9-bit mantissas sharing a 5-bit exponent.
    SharedExponent,
    /// A combined depth/stencil format: softvk stores each aspect as its own plane, in the
    /// given formats (see `plane_format`), so there is no combined texel to decode.
    Planes { depth: vk::Format, stencil: vk::Format },
    /// A block-compressed format (BC, ETC2/EAC, ASTC): blocks are copied as they are;
    /// softvk does not decode them (no blits, no clears).
    Compressed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormatDescription {
    pub format: vk::Format,
    /// Bytes of one texel block. For combined depth/stencil formats, the sum of the planes'
    /// texel sizes (informational: storage uses each plane's own format).
    pub block_bytes: u32,
    pub block_width: u32,
    pub block_height: u32,
    pub aspects: vk::ImageAspectFlags,
    pub numeric: Numeric,
    pub codec: Codec,
}

impl FormatDescription {
    /// True for formats with a depth and/or stencil aspect.
    pub fn is_depth_stencil(&self) -> bool {
        self.aspects.intersects(vk::ImageAspectFlags::DEPTH | vk::ImageAspectFlags::STENCIL)
    }

    /// True for block-compressed formats (BC, ETC2/EAC, ASTC).
    pub fn is_compressed(&self) -> bool {
        matches!(self.codec, Codec::Compressed)
    }

    /// True when some component is 64 bits wide (the R64* families).
    pub fn has_64_bit_components(&self) -> bool {
        match self.codec {
            Codec::Channels { channels, .. } => channels.iter().any(|c| c.bits == 64),
            _ => false,
        }
    }
}

const fn ch(component: u8, offset: u16, bits: u8) -> Channel {
    Channel { component, offset, bits }
}

// Component layouts, named after the formats that use them.
const R4G4: &[Channel] = &[ch(0, 4, 4), ch(1, 0, 4)];
const R4G4B4A4: &[Channel] = &[ch(0, 12, 4), ch(1, 8, 4), ch(2, 4, 4), ch(3, 0, 4)];
const B4G4R4A4: &[Channel] = &[ch(2, 12, 4), ch(1, 8, 4), ch(0, 4, 4), ch(3, 0, 4)];
const R5G6B5: &[Channel] = &[ch(0, 11, 5), ch(1, 5, 6), ch(2, 0, 5)];
const B5G6R5: &[Channel] = &[ch(2, 11, 5), ch(1, 5, 6), ch(0, 0, 5)];
const R5G5B5A1: &[Channel] = &[ch(0, 11, 5), ch(1, 6, 5), ch(2, 1, 5), ch(3, 0, 1)];
const B5G5R5A1: &[Channel] = &[ch(2, 11, 5), ch(1, 6, 5), ch(0, 1, 5), ch(3, 0, 1)];
const A1R5G5B5: &[Channel] = &[ch(3, 15, 1), ch(0, 10, 5), ch(1, 5, 5), ch(2, 0, 5)];
const R8: &[Channel] = &[ch(0, 0, 8)];
const R8G8: &[Channel] = &[ch(0, 0, 8), ch(1, 8, 8)];
const R8G8B8: &[Channel] = &[ch(0, 0, 8), ch(1, 8, 8), ch(2, 16, 8)];
const B8G8R8: &[Channel] = &[ch(2, 0, 8), ch(1, 8, 8), ch(0, 16, 8)];
/// Also A8B8G8R8_*_PACK32: R in bits 0..8 of the word is R at byte 0.
const R8G8B8A8: &[Channel] = &[ch(0, 0, 8), ch(1, 8, 8), ch(2, 16, 8), ch(3, 24, 8)];
const B8G8R8A8: &[Channel] = &[ch(2, 0, 8), ch(1, 8, 8), ch(0, 16, 8), ch(3, 24, 8)];
const A2R10G10B10: &[Channel] = &[ch(2, 0, 10), ch(1, 10, 10), ch(0, 20, 10), ch(3, 30, 2)];
const A2B10G10R10: &[Channel] = &[ch(0, 0, 10), ch(1, 10, 10), ch(2, 20, 10), ch(3, 30, 2)];
const R16: &[Channel] = &[ch(0, 0, 16)];
const R16G16: &[Channel] = &[ch(0, 0, 16), ch(1, 16, 16)];
const R16G16B16: &[Channel] = &[ch(0, 0, 16), ch(1, 16, 16), ch(2, 32, 16)];
const R16G16B16A16: &[Channel] = &[ch(0, 0, 16), ch(1, 16, 16), ch(2, 32, 16), ch(3, 48, 16)];
const R32: &[Channel] = &[ch(0, 0, 32)];
const R32G32: &[Channel] = &[ch(0, 0, 32), ch(1, 32, 32)];
const R32G32B32: &[Channel] = &[ch(0, 0, 32), ch(1, 32, 32), ch(2, 64, 32)];
const R32G32B32A32: &[Channel] = &[ch(0, 0, 32), ch(1, 32, 32), ch(2, 64, 32), ch(3, 96, 32)];
const R64: &[Channel] = &[ch(0, 0, 64)];
const R64G64: &[Channel] = &[ch(0, 0, 64), ch(1, 64, 64)];
const R64G64B64: &[Channel] = &[ch(0, 0, 64), ch(1, 64, 64), ch(2, 128, 64)];
const R64G64B64A64: &[Channel] = &[ch(0, 0, 64), ch(1, 64, 64), ch(2, 128, 64), ch(3, 192, 64)];
const B10G11R11: &[Channel] = &[ch(0, 0, 11), ch(1, 11, 11), ch(2, 22, 10)];
/// Depth and stencil planes: the value in the low bits (X8_D24: top 8 bits unused).
const D16: &[Channel] = &[ch(0, 0, 16)];
const D24: &[Channel] = &[ch(0, 0, 24)];
const D32: &[Channel] = &[ch(0, 0, 32)];
const S8: &[Channel] = &[ch(0, 0, 8)];

const fn numeric_of(encoding: Encoding) -> Numeric {
    match encoding {
        Encoding::Unorm => Numeric::Unorm,
        Encoding::Snorm => Numeric::Snorm,
        Encoding::Uscaled => Numeric::Uscaled,
        Encoding::Sscaled => Numeric::Sscaled,
        Encoding::Uint => Numeric::Uint,
        Encoding::Sint => Numeric::Sint,
        Encoding::Ufloat => Numeric::Ufloat,
        Encoding::Sfloat => Numeric::Sfloat,
        Encoding::Srgb => Numeric::Srgb,
    }
}

const fn row(
    format: vk::Format,
    block_bytes: u32,
    aspects: vk::ImageAspectFlags,
    numeric: Numeric,
    codec: Codec,
) -> FormatDescription {
    FormatDescription { format, block_bytes, block_width: 1, block_height: 1, aspects, numeric, codec }
}

const fn color(
    format: vk::Format,
    block_bytes: u32,
    encoding: Encoding,
    channels: &'static [Channel],
) -> FormatDescription {
    row(format, block_bytes, vk::ImageAspectFlags::COLOR, numeric_of(encoding), Codec::Channels { channels, encoding })
}

const fn depth(
    format: vk::Format,
    block_bytes: u32,
    encoding: Encoding,
    channels: &'static [Channel],
) -> FormatDescription {
    row(format, block_bytes, vk::ImageAspectFlags::DEPTH, Numeric::Depth, Codec::Channels { channels, encoding })
}

const fn stencil(format: vk::Format) -> FormatDescription {
    row(
        format,
        1,
        vk::ImageAspectFlags::STENCIL,
        Numeric::Stencil,
        Codec::Channels { channels: S8, encoding: Encoding::Uint },
    )
}

const fn depth_stencil(format: vk::Format, block_bytes: u32, depth: vk::Format) -> FormatDescription {
    let aspects =
        vk::ImageAspectFlags::from_raw(vk::ImageAspectFlags::DEPTH.as_raw() | vk::ImageAspectFlags::STENCIL.as_raw());
    row(format, block_bytes, aspects, Numeric::DepthStencil, Codec::Planes { depth, stencil: vk::Format::S8_UINT })
}

/// A block-compressed format: `block_bytes` per `width` x `height` block.
const fn block(format: vk::Format, block_bytes: u32, width: u32, height: u32, numeric: Numeric) -> FormatDescription {
    FormatDescription {
        format,
        block_bytes,
        block_width: width,
        block_height: height,
        aspects: vk::ImageAspectFlags::COLOR,
        numeric,
        codec: Codec::Compressed,
    }
}

/// Every format softvk supports, sorted by `VkFormat` value (a test checks the order, so
/// `describe` can binary-search). Block-compressed formats are transfer-only.
static TABLE: &[FormatDescription] = &[
    color(F::R4G4_UNORM_PACK8, 1, E::Unorm, R4G4),
    color(F::R4G4B4A4_UNORM_PACK16, 2, E::Unorm, R4G4B4A4),
    color(F::B4G4R4A4_UNORM_PACK16, 2, E::Unorm, B4G4R4A4),
    color(F::R5G6B5_UNORM_PACK16, 2, E::Unorm, R5G6B5),
    color(F::B5G6R5_UNORM_PACK16, 2, E::Unorm, B5G6R5),
    color(F::R5G5B5A1_UNORM_PACK16, 2, E::Unorm, R5G5B5A1),
    color(F::B5G5R5A1_UNORM_PACK16, 2, E::Unorm, B5G5R5A1),
    color(F::A1R5G5B5_UNORM_PACK16, 2, E::Unorm, A1R5G5B5),
    color(F::R8_UNORM, 1, E::Unorm, R8),
    color(F::R8_SNORM, 1, E::Snorm, R8),
    color(F::R8_USCALED, 1, E::Uscaled, R8),
    color(F::R8_SSCALED, 1, E::Sscaled, R8),
    color(F::R8_UINT, 1, E::Uint, R8),
    color(F::R8_SINT, 1, E::Sint, R8),
    color(F::R8_SRGB, 1, E::Srgb, R8),
    color(F::R8G8_UNORM, 2, E::Unorm, R8G8),
    color(F::R8G8_SNORM, 2, E::Snorm, R8G8),
    color(F::R8G8_USCALED, 2, E::Uscaled, R8G8),
    color(F::R8G8_SSCALED, 2, E::Sscaled, R8G8),
    color(F::R8G8_UINT, 2, E::Uint, R8G8),
    color(F::R8G8_SINT, 2, E::Sint, R8G8),
    color(F::R8G8_SRGB, 2, E::Srgb, R8G8),
    color(F::R8G8B8_UNORM, 3, E::Unorm, R8G8B8),
    color(F::R8G8B8_SNORM, 3, E::Snorm, R8G8B8),
    color(F::R8G8B8_USCALED, 3, E::Uscaled, R8G8B8),
    color(F::R8G8B8_SSCALED, 3, E::Sscaled, R8G8B8),
    color(F::R8G8B8_UINT, 3, E::Uint, R8G8B8),
    color(F::R8G8B8_SINT, 3, E::Sint, R8G8B8),
    color(F::R8G8B8_SRGB, 3, E::Srgb, R8G8B8),
    color(F::B8G8R8_UNORM, 3, E::Unorm, B8G8R8),
    color(F::B8G8R8_SNORM, 3, E::Snorm, B8G8R8),
    color(F::B8G8R8_USCALED, 3, E::Uscaled, B8G8R8),
    color(F::B8G8R8_SSCALED, 3, E::Sscaled, B8G8R8),
    color(F::B8G8R8_UINT, 3, E::Uint, B8G8R8),
    color(F::B8G8R8_SINT, 3, E::Sint, B8G8R8),
    color(F::B8G8R8_SRGB, 3, E::Srgb, B8G8R8),
    color(F::R8G8B8A8_UNORM, 4, E::Unorm, R8G8B8A8),
    color(F::R8G8B8A8_SNORM, 4, E::Snorm, R8G8B8A8),
    color(F::R8G8B8A8_USCALED, 4, E::Uscaled, R8G8B8A8),
    color(F::R8G8B8A8_SSCALED, 4, E::Sscaled, R8G8B8A8),
    color(F::R8G8B8A8_UINT, 4, E::Uint, R8G8B8A8),
    color(F::R8G8B8A8_SINT, 4, E::Sint, R8G8B8A8),
    color(F::R8G8B8A8_SRGB, 4, E::Srgb, R8G8B8A8),
    color(F::B8G8R8A8_UNORM, 4, E::Unorm, B8G8R8A8),
    color(F::B8G8R8A8_SNORM, 4, E::Snorm, B8G8R8A8),
    color(F::B8G8R8A8_USCALED, 4, E::Uscaled, B8G8R8A8),
    color(F::B8G8R8A8_SSCALED, 4, E::Sscaled, B8G8R8A8),
    color(F::B8G8R8A8_UINT, 4, E::Uint, B8G8R8A8),
    color(F::B8G8R8A8_SINT, 4, E::Sint, B8G8R8A8),
    color(F::B8G8R8A8_SRGB, 4, E::Srgb, B8G8R8A8),
    color(F::A8B8G8R8_UNORM_PACK32, 4, E::Unorm, R8G8B8A8),
    color(F::A8B8G8R8_SNORM_PACK32, 4, E::Snorm, R8G8B8A8),
    color(F::A8B8G8R8_USCALED_PACK32, 4, E::Uscaled, R8G8B8A8),
    color(F::A8B8G8R8_SSCALED_PACK32, 4, E::Sscaled, R8G8B8A8),
    color(F::A8B8G8R8_UINT_PACK32, 4, E::Uint, R8G8B8A8),
    color(F::A8B8G8R8_SINT_PACK32, 4, E::Sint, R8G8B8A8),
    color(F::A8B8G8R8_SRGB_PACK32, 4, E::Srgb, R8G8B8A8),
    color(F::A2R10G10B10_UNORM_PACK32, 4, E::Unorm, A2R10G10B10),
    color(F::A2R10G10B10_SNORM_PACK32, 4, E::Snorm, A2R10G10B10),
    color(F::A2R10G10B10_USCALED_PACK32, 4, E::Uscaled, A2R10G10B10),
    color(F::A2R10G10B10_SSCALED_PACK32, 4, E::Sscaled, A2R10G10B10),
    color(F::A2R10G10B10_UINT_PACK32, 4, E::Uint, A2R10G10B10),
    color(F::A2R10G10B10_SINT_PACK32, 4, E::Sint, A2R10G10B10),
    color(F::A2B10G10R10_UNORM_PACK32, 4, E::Unorm, A2B10G10R10),
    color(F::A2B10G10R10_SNORM_PACK32, 4, E::Snorm, A2B10G10R10),
    color(F::A2B10G10R10_USCALED_PACK32, 4, E::Uscaled, A2B10G10R10),
    color(F::A2B10G10R10_SSCALED_PACK32, 4, E::Sscaled, A2B10G10R10),
    color(F::A2B10G10R10_UINT_PACK32, 4, E::Uint, A2B10G10R10),
    color(F::A2B10G10R10_SINT_PACK32, 4, E::Sint, A2B10G10R10),
    color(F::R16_UNORM, 2, E::Unorm, R16),
    color(F::R16_SNORM, 2, E::Snorm, R16),
    color(F::R16_USCALED, 2, E::Uscaled, R16),
    color(F::R16_SSCALED, 2, E::Sscaled, R16),
    color(F::R16_UINT, 2, E::Uint, R16),
    color(F::R16_SINT, 2, E::Sint, R16),
    color(F::R16_SFLOAT, 2, E::Sfloat, R16),
    color(F::R16G16_UNORM, 4, E::Unorm, R16G16),
    color(F::R16G16_SNORM, 4, E::Snorm, R16G16),
    color(F::R16G16_USCALED, 4, E::Uscaled, R16G16),
    color(F::R16G16_SSCALED, 4, E::Sscaled, R16G16),
    color(F::R16G16_UINT, 4, E::Uint, R16G16),
    color(F::R16G16_SINT, 4, E::Sint, R16G16),
    color(F::R16G16_SFLOAT, 4, E::Sfloat, R16G16),
    color(F::R16G16B16_UNORM, 6, E::Unorm, R16G16B16),
    color(F::R16G16B16_SNORM, 6, E::Snorm, R16G16B16),
    color(F::R16G16B16_USCALED, 6, E::Uscaled, R16G16B16),
    color(F::R16G16B16_SSCALED, 6, E::Sscaled, R16G16B16),
    color(F::R16G16B16_UINT, 6, E::Uint, R16G16B16),
    color(F::R16G16B16_SINT, 6, E::Sint, R16G16B16),
    color(F::R16G16B16_SFLOAT, 6, E::Sfloat, R16G16B16),
    color(F::R16G16B16A16_UNORM, 8, E::Unorm, R16G16B16A16),
    color(F::R16G16B16A16_SNORM, 8, E::Snorm, R16G16B16A16),
    color(F::R16G16B16A16_USCALED, 8, E::Uscaled, R16G16B16A16),
    color(F::R16G16B16A16_SSCALED, 8, E::Sscaled, R16G16B16A16),
    color(F::R16G16B16A16_UINT, 8, E::Uint, R16G16B16A16),
    color(F::R16G16B16A16_SINT, 8, E::Sint, R16G16B16A16),
    color(F::R16G16B16A16_SFLOAT, 8, E::Sfloat, R16G16B16A16),
    color(F::R32_UINT, 4, E::Uint, R32),
    color(F::R32_SINT, 4, E::Sint, R32),
    color(F::R32_SFLOAT, 4, E::Sfloat, R32),
    color(F::R32G32_UINT, 8, E::Uint, R32G32),
    color(F::R32G32_SINT, 8, E::Sint, R32G32),
    color(F::R32G32_SFLOAT, 8, E::Sfloat, R32G32),
    color(F::R32G32B32_UINT, 12, E::Uint, R32G32B32),
    color(F::R32G32B32_SINT, 12, E::Sint, R32G32B32),
    color(F::R32G32B32_SFLOAT, 12, E::Sfloat, R32G32B32),
    color(F::R32G32B32A32_UINT, 16, E::Uint, R32G32B32A32),
    color(F::R32G32B32A32_SINT, 16, E::Sint, R32G32B32A32),
    color(F::R32G32B32A32_SFLOAT, 16, E::Sfloat, R32G32B32A32),
    color(F::R64_UINT, 8, E::Uint, R64),
    color(F::R64_SINT, 8, E::Sint, R64),
    color(F::R64_SFLOAT, 8, E::Sfloat, R64),
    color(F::R64G64_UINT, 16, E::Uint, R64G64),
    color(F::R64G64_SINT, 16, E::Sint, R64G64),
    color(F::R64G64_SFLOAT, 16, E::Sfloat, R64G64),
    color(F::R64G64B64_UINT, 24, E::Uint, R64G64B64),
    color(F::R64G64B64_SINT, 24, E::Sint, R64G64B64),
    color(F::R64G64B64_SFLOAT, 24, E::Sfloat, R64G64B64),
    color(F::R64G64B64A64_UINT, 32, E::Uint, R64G64B64A64),
    color(F::R64G64B64A64_SINT, 32, E::Sint, R64G64B64A64),
    color(F::R64G64B64A64_SFLOAT, 32, E::Sfloat, R64G64B64A64),
    color(F::B10G11R11_UFLOAT_PACK32, 4, E::Ufloat, B10G11R11),
    row(F::E5B9G9R9_UFLOAT_PACK32, 4, vk::ImageAspectFlags::COLOR, Numeric::Ufloat, Codec::SharedExponent),
    depth(F::D16_UNORM, 2, E::Unorm, D16),
    depth(F::X8_D24_UNORM_PACK32, 4, E::Unorm, D24),
    depth(F::D32_SFLOAT, 4, E::Sfloat, D32),
    stencil(F::S8_UINT),
    depth_stencil(F::D16_UNORM_S8_UINT, 3, F::D16_UNORM),
    depth_stencil(F::D24_UNORM_S8_UINT, 5, F::X8_D24_UNORM_PACK32),
    depth_stencil(F::D32_SFLOAT_S8_UINT, 5, F::D32_SFLOAT),
    block(F::BC1_RGB_UNORM_BLOCK, 8, 4, 4, Numeric::Unorm),
    block(F::BC1_RGB_SRGB_BLOCK, 8, 4, 4, Numeric::Srgb),
    block(F::BC1_RGBA_UNORM_BLOCK, 8, 4, 4, Numeric::Unorm),
    block(F::BC1_RGBA_SRGB_BLOCK, 8, 4, 4, Numeric::Srgb),
    block(F::BC2_UNORM_BLOCK, 16, 4, 4, Numeric::Unorm),
    block(F::BC2_SRGB_BLOCK, 16, 4, 4, Numeric::Srgb),
    block(F::BC3_UNORM_BLOCK, 16, 4, 4, Numeric::Unorm),
    block(F::BC3_SRGB_BLOCK, 16, 4, 4, Numeric::Srgb),
    block(F::BC4_UNORM_BLOCK, 8, 4, 4, Numeric::Unorm),
    block(F::BC4_SNORM_BLOCK, 8, 4, 4, Numeric::Snorm),
    block(F::BC5_UNORM_BLOCK, 16, 4, 4, Numeric::Unorm),
    block(F::BC5_SNORM_BLOCK, 16, 4, 4, Numeric::Snorm),
    block(F::BC6H_UFLOAT_BLOCK, 16, 4, 4, Numeric::Ufloat),
    block(F::BC6H_SFLOAT_BLOCK, 16, 4, 4, Numeric::Sfloat),
    block(F::BC7_UNORM_BLOCK, 16, 4, 4, Numeric::Unorm),
    block(F::BC7_SRGB_BLOCK, 16, 4, 4, Numeric::Srgb),
    block(F::ETC2_R8G8B8_UNORM_BLOCK, 8, 4, 4, Numeric::Unorm),
    block(F::ETC2_R8G8B8_SRGB_BLOCK, 8, 4, 4, Numeric::Srgb),
    block(F::ETC2_R8G8B8A1_UNORM_BLOCK, 8, 4, 4, Numeric::Unorm),
    block(F::ETC2_R8G8B8A1_SRGB_BLOCK, 8, 4, 4, Numeric::Srgb),
    block(F::ETC2_R8G8B8A8_UNORM_BLOCK, 16, 4, 4, Numeric::Unorm),
    block(F::ETC2_R8G8B8A8_SRGB_BLOCK, 16, 4, 4, Numeric::Srgb),
    block(F::EAC_R11_UNORM_BLOCK, 8, 4, 4, Numeric::Unorm),
    block(F::EAC_R11_SNORM_BLOCK, 8, 4, 4, Numeric::Snorm),
    block(F::EAC_R11G11_UNORM_BLOCK, 16, 4, 4, Numeric::Unorm),
    block(F::EAC_R11G11_SNORM_BLOCK, 16, 4, 4, Numeric::Snorm),
    block(F::ASTC_4X4_UNORM_BLOCK, 16, 4, 4, Numeric::Unorm),
    block(F::ASTC_4X4_SRGB_BLOCK, 16, 4, 4, Numeric::Srgb),
    block(F::ASTC_5X4_UNORM_BLOCK, 16, 5, 4, Numeric::Unorm),
    block(F::ASTC_5X4_SRGB_BLOCK, 16, 5, 4, Numeric::Srgb),
    block(F::ASTC_5X5_UNORM_BLOCK, 16, 5, 5, Numeric::Unorm),
    block(F::ASTC_5X5_SRGB_BLOCK, 16, 5, 5, Numeric::Srgb),
    block(F::ASTC_6X5_UNORM_BLOCK, 16, 6, 5, Numeric::Unorm),
    block(F::ASTC_6X5_SRGB_BLOCK, 16, 6, 5, Numeric::Srgb),
    block(F::ASTC_6X6_UNORM_BLOCK, 16, 6, 6, Numeric::Unorm),
    block(F::ASTC_6X6_SRGB_BLOCK, 16, 6, 6, Numeric::Srgb),
    block(F::ASTC_8X5_UNORM_BLOCK, 16, 8, 5, Numeric::Unorm),
    block(F::ASTC_8X5_SRGB_BLOCK, 16, 8, 5, Numeric::Srgb),
    block(F::ASTC_8X6_UNORM_BLOCK, 16, 8, 6, Numeric::Unorm),
    block(F::ASTC_8X6_SRGB_BLOCK, 16, 8, 6, Numeric::Srgb),
    block(F::ASTC_8X8_UNORM_BLOCK, 16, 8, 8, Numeric::Unorm),
    block(F::ASTC_8X8_SRGB_BLOCK, 16, 8, 8, Numeric::Srgb),
    block(F::ASTC_10X5_UNORM_BLOCK, 16, 10, 5, Numeric::Unorm),
    block(F::ASTC_10X5_SRGB_BLOCK, 16, 10, 5, Numeric::Srgb),
    block(F::ASTC_10X6_UNORM_BLOCK, 16, 10, 6, Numeric::Unorm),
    block(F::ASTC_10X6_SRGB_BLOCK, 16, 10, 6, Numeric::Srgb),
    block(F::ASTC_10X8_UNORM_BLOCK, 16, 10, 8, Numeric::Unorm),
    block(F::ASTC_10X8_SRGB_BLOCK, 16, 10, 8, Numeric::Srgb),
    block(F::ASTC_10X10_UNORM_BLOCK, 16, 10, 10, Numeric::Unorm),
    block(F::ASTC_10X10_SRGB_BLOCK, 16, 10, 10, Numeric::Srgb),
    block(F::ASTC_12X10_UNORM_BLOCK, 16, 12, 10, Numeric::Unorm),
    block(F::ASTC_12X10_SRGB_BLOCK, 16, 12, 10, Numeric::Srgb),
    block(F::ASTC_12X12_UNORM_BLOCK, 16, 12, 12, Numeric::Unorm),
    block(F::ASTC_12X12_SRGB_BLOCK, 16, 12, 12, Numeric::Srgb),
];

const COLOR_PLANES: &[vk::ImageAspectFlags] = &[vk::ImageAspectFlags::COLOR];
const DEPTH_PLANES: &[vk::ImageAspectFlags] = &[vk::ImageAspectFlags::DEPTH];
const STENCIL_PLANES: &[vk::ImageAspectFlags] = &[vk::ImageAspectFlags::STENCIL];
const DEPTH_STENCIL_PLANES: &[vk::ImageAspectFlags] = &[vk::ImageAspectFlags::DEPTH, vk::ImageAspectFlags::STENCIL];

pub fn describe(format: vk::Format) -> Option<&'static FormatDescription> {
    let index = TABLE.binary_search_by_key(&format.as_raw(), |d| d.format.as_raw()).ok()?;
    TABLE.get(index)
}

pub fn all() -> &'static [FormatDescription] {
    TABLE
}

/// Aspects stored as separate planes, in storage order: [COLOR] for colour formats,
/// [DEPTH], [STENCIL] or [DEPTH, STENCIL] for depth/stencil formats. None for unknown
/// formats.
pub fn planes(format: vk::Format) -> Option<&'static [vk::ImageAspectFlags]> {
    let description = describe(format)?;
    match description.numeric {
        Numeric::Depth => Some(DEPTH_PLANES),
        Numeric::Stencil => Some(STENCIL_PLANES),
        Numeric::DepthStencil => Some(DEPTH_STENCIL_PLANES),
        _ => Some(COLOR_PLANES),
    }
}

/// The format of one aspect's plane: D24_UNORM_S8_UINT with DEPTH is X8_D24_UNORM_PACK32
/// and with STENCIL is S8_UINT; D32_SFLOAT_S8_UINT with DEPTH is D32_SFLOAT;
/// D16_UNORM_S8_UINT with DEPTH is D16_UNORM; any other format with one of its own
/// aspects is itself. None otherwise (unknown format, an aspect the format lacks, or
/// several aspect bits).
pub fn plane_format(format: vk::Format, aspect: vk::ImageAspectFlags) -> Option<vk::Format> {
    let description = describe(format)?;
    if aspect.as_raw().count_ones() != 1 || !description.aspects.contains(aspect) {
        return None;
    }
    match description.codec {
        Codec::Planes { depth, .. } if aspect == vk::ImageAspectFlags::DEPTH => Some(depth),
        Codec::Planes { stencil, .. } if aspect == vk::ImageAspectFlags::STENCIL => Some(stencil),
        Codec::Planes { .. } => None,
        _ => Some(format),
    }
}

/// Whether `blit::blit` handles the format exactly (as source and as destination).
/// 64-bit components would lose precision through the f32/u32 path, so those formats
/// are not blittable yet.
pub fn blit_supported(format: vk::Format) -> bool {
    describe(format).is_some_and(|d| !d.has_64_bit_components() && !d.is_compressed())
}

/// Whether `blit::blit` can filter the format with `VK_FILTER_LINEAR`: the formats whose
/// values are floats (normalized, scaled, float, sRGB), not integer or depth/stencil ones.
pub fn linear_filter_supported(format: vk::Format) -> bool {
    let Some(description) = describe(format) else { return false };
    let float_like = matches!(
        description.numeric,
        Numeric::Unorm
            | Numeric::Snorm
            | Numeric::Uscaled
            | Numeric::Sscaled
            | Numeric::Ufloat
            | Numeric::Sfloat
            | Numeric::Srgb
    );
    float_like && blit_supported(format)
}

/// Whether shaders can read the format through `shader_image` (sampled images, input
/// attachments, uniform texel buffers): every uncompressed format without 64-bit
/// components, depth and stencil included.
pub fn shader_readable(format: vk::Format) -> bool {
    describe(format).is_some_and(|d| !d.is_compressed() && !d.has_64_bit_components())
}

/// Whether shaders can read and write the format as a storage image or storage texel
/// buffer: uncompressed colour formats without 64-bit components, except sRGB, scaled and
/// shared-exponent ones, which SPIR-V has no storage format for (the shader's declared
/// format does not matter: texels always convert through the view's format).
pub fn shader_storable(format: vk::Format) -> bool {
    describe(format).is_some_and(|d| {
        shader_readable(format)
            && !d.is_depth_stencil()
            && matches!(d.codec, Codec::Channels { .. })
            && !matches!(d.numeric, Numeric::Srgb | Numeric::Uscaled | Numeric::Sscaled)
    })
}

/// Whether image atomics work on the format: one 32-bit integer, or a 32-bit float
/// (VK_EXT_shader_atomic_float: load, store, exchange and add).
pub fn shader_atomic(format: vk::Format) -> bool {
    matches!(format, vk::Format::R32_UINT | vk::Format::R32_SINT | vk::Format::R32_SFLOAT)
}

/// Format features softvk supports: what the transfer kernels do exactly, and what
/// shaders read, write and update through `shader_image`.
pub fn properties(format: vk::Format) -> vk::FormatProperties {
    type F = vk::FormatFeatureFlags;
    if describe(format).is_none() {
        return vk::FormatProperties::default();
    }
    let mut features = F::TRANSFER_SRC | F::TRANSFER_DST;
    let mut buffer_features = F::empty();
    if blit_supported(format) {
        features |= F::BLIT_SRC | F::BLIT_DST;
    }
    let depth_stencil = describe(format).is_some_and(|d| d.is_depth_stencil());
    if shader_readable(format) {
        features |= F::SAMPLED_IMAGE;
        if !depth_stencil {
            buffer_features |= F::UNIFORM_TEXEL_BUFFER;
        }
    }
    // spec: SAMPLED_IMAGE_FILTER_LINEAR "must only be exposed for formats that also
    // support SAMPLED_IMAGE or BLIT_SRC"; with BLIT_SRC it allows LINEAR blits.
    if linear_filter_supported(format) {
        features |= F::SAMPLED_IMAGE_FILTER_LINEAR;
    }
    if shader_storable(format) {
        features |= F::STORAGE_IMAGE;
        buffer_features |= F::STORAGE_TEXEL_BUFFER;
    }
    if shader_atomic(format) {
        features |= F::STORAGE_IMAGE_ATOMIC;
        buffer_features |= F::STORAGE_TEXEL_BUFFER_ATOMIC;
    }
    vk::FormatProperties { linear_tiling_features: features, optimal_tiling_features: features, buffer_features }
}

/// The 64-bit format features of VK_KHR_format_feature_flags2 (`VkFormatProperties3`):
/// linear tiling, optimal tiling and buffer, in that order. They are the 32-bit ones and
/// three more: every storage format is read and written without a declared format (texels
/// always convert through the view's format), and depth formats that are sampled support
/// `Dref` comparisons (`shader_image::sampling` compares every depth format it reads).
pub fn properties2(format: vk::Format) -> [vk::FormatFeatureFlags2; 3] {
    type F2 = vk::FormatFeatureFlags2;
    let p = properties(format);
    let depth = describe(format).is_some_and(|d| d.aspects.contains(vk::ImageAspectFlags::DEPTH));
    let widen = |features: vk::FormatFeatureFlags, storage: vk::FormatFeatureFlags| {
        let mut f = F2::from_raw(features.as_raw() as u64);
        if features.contains(storage) {
            f |= F2::STORAGE_READ_WITHOUT_FORMAT | F2::STORAGE_WRITE_WITHOUT_FORMAT;
        }
        if depth && features.contains(vk::FormatFeatureFlags::SAMPLED_IMAGE) {
            f |= F2::SAMPLED_IMAGE_DEPTH_COMPARISON;
        }
        f
    };
    [
        widen(p.linear_tiling_features, vk::FormatFeatureFlags::STORAGE_IMAGE),
        widen(p.optimal_tiling_features, vk::FormatFeatureFlags::STORAGE_IMAGE),
        widen(p.buffer_features, vk::FormatFeatureFlags::STORAGE_TEXEL_BUFFER),
    ]
}

/// vkCmdCopyImage compatibility: same block size class (same block_bytes and block extent)
/// for colour formats, identical format for depth/stencil.
pub fn copy_compatible(a: vk::Format, b: vk::Format) -> bool {
    let (Some(a), Some(b)) = (describe(a), describe(b)) else { return false };
    if a.is_depth_stencil() || b.is_depth_stencil() {
        return a.format == b.format;
    }
    (a.block_bytes, a.block_width, a.block_height) == (b.block_bytes, b.block_width, b.block_height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_unique_and_every_row_is_found() {
        assert!(TABLE.windows(2).all(|w| w[0].format.as_raw() < w[1].format.as_raw()));
        for description in TABLE {
            let blocky = description.block_width > 1 || description.block_height > 1;
            assert!(description.block_bytes > 0 && blocky == description.is_compressed());
            assert_eq!(describe(description.format).map(|d| d.format), Some(description.format));
        }
        // 130 uncompressed formats, 16 BC, 10 ETC2/EAC and 28 ASTC LDR.
        assert_eq!(TABLE.len(), 130 + 16 + 10 + 28);
        assert!(describe(vk::Format::UNDEFINED).is_none());
        let bc1 = describe(vk::Format::BC1_RGB_UNORM_BLOCK).unwrap();
        assert_eq!((bc1.block_bytes, bc1.block_width, bc1.block_height), (8, 4, 4));
        let astc = describe(vk::Format::ASTC_10X6_SRGB_BLOCK).unwrap();
        assert_eq!((astc.block_bytes, astc.block_width, astc.block_height), (16, 10, 6));
    }

    #[test]
    fn channels_fit_their_texel_and_do_not_overlap() {
        for description in TABLE {
            let Codec::Channels { channels, .. } = description.codec else { continue };
            let mut used = vec![false; description.block_bytes as usize * 8];
            for channel in channels {
                for bit in channel.offset as usize..channel.offset as usize + channel.bits as usize {
                    assert!(bit < used.len(), "{:?} channel out of texel", description.format);
                    assert!(!used[bit], "{:?} channels overlap", description.format);
                    used[bit] = true;
                }
            }
        }
    }

    #[test]
    fn combined_depth_stencil_formats_split_into_plane_formats() {
        let (d, s) = (vk::ImageAspectFlags::DEPTH, vk::ImageAspectFlags::STENCIL);
        assert_eq!(plane_format(F::D24_UNORM_S8_UINT, d), Some(F::X8_D24_UNORM_PACK32));
        assert_eq!(plane_format(F::D24_UNORM_S8_UINT, s), Some(F::S8_UINT));
        assert_eq!(plane_format(F::D32_SFLOAT_S8_UINT, d), Some(F::D32_SFLOAT));
        assert_eq!(plane_format(F::D16_UNORM_S8_UINT, d), Some(F::D16_UNORM));
        assert_eq!(plane_format(F::D16_UNORM, d), Some(F::D16_UNORM));
        assert_eq!(plane_format(F::D16_UNORM, s), None);
        assert_eq!(plane_format(F::R8_UNORM, vk::ImageAspectFlags::COLOR), Some(F::R8_UNORM));
        assert_eq!(plane_format(F::R8_UNORM, d), None);
        assert_eq!(plane_format(F::D24_UNORM_S8_UINT, d | s), None);
        assert_eq!(planes(F::D24_UNORM_S8_UINT), Some(&[d, s][..]));
        assert_eq!(planes(F::S8_UINT), Some(&[s][..]));
        assert_eq!(planes(F::B8G8R8A8_SRGB), Some(&[vk::ImageAspectFlags::COLOR][..]));
        assert_eq!(planes(F::UNDEFINED), None);
    }

    #[test]
    fn features_follow_what_the_kernels_do() {
        use vk::FormatFeatureFlags as Ff;
        let transfer = Ff::TRANSFER_SRC | Ff::TRANSFER_DST;
        let blit = transfer | Ff::BLIT_SRC | Ff::BLIT_DST;
        let linear = blit | Ff::SAMPLED_IMAGE_FILTER_LINEAR;
        let sampled = Ff::SAMPLED_IMAGE;
        let storage = Ff::STORAGE_IMAGE;
        let texel = Ff::UNIFORM_TEXEL_BUFFER;
        let storage_texel = Ff::STORAGE_TEXEL_BUFFER;
        let cases = [
            (F::R8G8B8A8_UNORM, linear | sampled | storage, texel | storage_texel),
            (F::B8G8R8A8_SRGB, linear | sampled, texel),
            (F::E5B9G9R9_UFLOAT_PACK32, linear | sampled, texel),
            (F::R16G16_SSCALED, linear | sampled, texel),
            (F::R8_UINT, blit | sampled | storage, texel | storage_texel),
            (F::R32_UINT, blit | sampled | storage | Ff::STORAGE_IMAGE_ATOMIC, texel | storage_texel | Ff::STORAGE_TEXEL_BUFFER_ATOMIC),
            (F::R32G32B32A32_SINT, blit | sampled | storage, texel | storage_texel),
            (F::D24_UNORM_S8_UINT, blit | sampled, Ff::empty()),
            (F::S8_UINT, blit | sampled, Ff::empty()),
            (F::R64_SFLOAT, transfer, Ff::empty()),
            (F::R64G64B64A64_UINT, transfer, Ff::empty()),
        ];
        for (format, expected, buffer) in cases {
            let p = properties(format);
            assert_eq!(p.optimal_tiling_features, expected, "{format:?}");
            assert_eq!(p.linear_tiling_features, expected, "{format:?}");
            assert_eq!(p.buffer_features, buffer, "{format:?}");
        }
        // Block-compressed formats are copied, never decoded: transfers only.
        let bc7 = properties(F::BC7_SRGB_BLOCK);
        assert_eq!(bc7.optimal_tiling_features, Ff::TRANSFER_SRC | Ff::TRANSFER_DST);
        let unknown = properties(F::G8_B8R8_2PLANE_420_UNORM);
        assert_eq!(
            unknown.optimal_tiling_features | unknown.linear_tiling_features | unknown.buffer_features,
            Ff::empty()
        );
    }

    #[test]
    fn copy_compatibility_is_by_block_size_or_identical_depth_format() {
        assert!(copy_compatible(F::R32_UINT, F::R8G8B8A8_UNORM));
        assert!(copy_compatible(F::B10G11R11_UFLOAT_PACK32, F::R16G16_SFLOAT));
        assert!(!copy_compatible(F::R16_UNORM, F::R8G8B8A8_UNORM));
        assert!(!copy_compatible(F::D16_UNORM, F::R16_UNORM));
        assert!(copy_compatible(F::D16_UNORM, F::D16_UNORM));
        assert!(!copy_compatible(F::D32_SFLOAT, F::R32_SFLOAT));
        assert!(!copy_compatible(F::UNDEFINED, F::UNDEFINED));
    }
}
