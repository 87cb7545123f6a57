//! Texel codecs: the bytes of one texel <-> the numbers they stand for.
//!
//! Every conversion is driven by the format table's `Codec` (where each component's bits
//! are, and how they encode a number); there is no per-format code here. Kernels look a
//! format's codec up once per command (`TexelCodec::new`) and then call its methods in
//! their loops; the free functions (`decode_f32`, `encode_color`, ...) are the checked,
//! one-off forms of the same thing. A later fast path (say RGBA8 -> RGBA8 linear blit) can
//! be chosen at the same place a kernel looks the codec up.
//!
//! Conversions follow the spec: "Fixed-Point Data Conversions" (round to nearest, even on
//! ties, after clamping), "Floating-Point Format Conversions" (f16 through `half`, the
//! unsigned 10/11-bit floats of B10G11R11), the shared-exponent rules of E5B9G9R9
//! (Khronos Data Format Specification) and the sRGB transfer functions.

use crate::format::{self, Channel, Codec, Encoding};
use ash::vk;
use std::sync::OnceLock;

/// A `VkClearColorValue`: which member the application meant is decided by the image's
/// format, so all three are read as the same 128 bits (`bits`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ClearColor {
    Float([f32; 4]),
    Int([i32; 4]),
    Uint([u32; 4]),
}

impl ClearColor {
    /// The union's raw 32-bit words.
    pub fn bits(self) -> [u32; 4] {
        match self {
            ClearColor::Float(v) => v.map(f32::to_bits),
            ClearColor::Int(v) => v.map(|x| x as u32),
            ClearColor::Uint(v) => v,
        }
    }
}

/// How a format's values travel through a blit: as floats, or as unsigned or signed
/// integers (spec: integer formats convert only to integers of the same signedness).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueClass {
    Float,
    Uint,
    Sint,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Layout {
    Channels { channels: &'static [Channel], encoding: Encoding },
    SharedExponent,
}

/// The codec of one format, looked up once and used for many texels.
///
/// The methods read and write the first `bytes()` bytes of the slices they are given; a
/// shorter slice reads as zero bits and drops the bits that do not fit (no panic). The
/// free functions below check lengths and return `None` instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TexelCodec {
    format: vk::Format,
    bytes: usize,
    layout: Layout,
    rows: RowPath,
}

/// Whole-row conversions for the formats blits meet most, chosen once per codec; every
/// other format goes texel by texel through the generic bit reader. Each fast path gives
/// exactly the generic path's results (same formulas, same tables).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RowPath {
    Generic,
    /// 4 x 8-bit UNORM, `bgra` when the bytes are B, G, R, A.
    Unorm8x4 {
        bgra: bool,
    },
    /// 4 x 8-bit, RGB sRGB-encoded, alpha UNORM. Encoding stays generic (pow per texel).
    Srgb8x4 {
        bgra: bool,
    },
    Half4,
    Float4,
}

impl RowPath {
    fn of(format: vk::Format) -> RowPath {
        use vk::Format as F;
        match format {
            F::R8G8B8A8_UNORM | F::A8B8G8R8_UNORM_PACK32 => RowPath::Unorm8x4 { bgra: false },
            F::B8G8R8A8_UNORM => RowPath::Unorm8x4 { bgra: true },
            F::R8G8B8A8_SRGB | F::A8B8G8R8_SRGB_PACK32 => RowPath::Srgb8x4 { bgra: false },
            F::B8G8R8A8_SRGB => RowPath::Srgb8x4 { bgra: true },
            F::R16G16B16A16_SFLOAT => RowPath::Half4,
            F::R32G32B32A32_SFLOAT => RowPath::Float4,
            _ => RowPath::Generic,
        }
    }
}

/// `TexelCodec::halve_rows_f32` for one byte order, known at compile time so that every
/// byte index is a constant. A block of destination texels at a time: first, in loops the
/// compiler turns into SIMD, each byte of the top row is paired with the byte below it
/// as a table index (`pair_index`); then each colour channel of a destination texel is
/// two lookups in `color_pairs` (quarter sums of two decoded bytes) instead of four in a
/// byte table, and alpha, which is UNORM, is the sum of its four bytes / 1020.
fn halve_8x4<const BGRA: bool>(top: &[u8], bottom: &[u8], color_pairs: &[f32; 65536], out: &mut Vec<[f32; 4]>) {
    let (r, b) = if BGRA { (2, 0) } else { (0, 2) };
    // `pairs`: the pair indices of a texel's bytes (top, bottom) for 2 source texels.
    let texel = |pairs: &[u16; 8]| -> [f32; 4] {
        let color = |c: usize| color_pairs[usize::from(pairs[c])] + color_pairs[usize::from(pairs[c + 4])];
        // Alpha: the two bytes of each pair index are the top and bottom bytes.
        let alpha = (pairs[3] & 0xff) + (pairs[3] >> 8) + (pairs[7] & 0xff) + (pairs[7] >> 8);
        [color(r), color(1), color(b), f32::from(alpha) * (1.0 / 1020.0)]
    };
    const BLOCK: usize = 16;
    let texels = top.len().min(bottom.len()) / 8;
    out.clear();
    out.resize(texels, [0.0; 4]);
    let (mut low, mut high, mut pairs) = ([0u8; 8 * BLOCK], [0u8; 8 * BLOCK], [0u16; 8 * BLOCK]);
    let mut blocks = out.chunks_exact_mut(BLOCK);
    // Arrays, not slices: the compiler then knows every length and emits straight SIMD.
    let (top_blocks, bottom_blocks) = (top.as_chunks::<{ 8 * BLOCK }>().0, bottom.as_chunks::<{ 8 * BLOCK }>().0);
    for ((t, u), block) in top_blocks.iter().zip(bottom_blocks).zip(&mut blocks) {
        // `pair_index` for 16 bytes at a time: byte min and max, then interleaved.
        for i in 0..8 * BLOCK {
            low[i] = t[i].min(u[i]);
            high[i] = t[i].max(u[i]);
        }
        for i in 0..8 * BLOCK {
            pairs[i] = u16::from(low[i]) | u16::from(high[i]) << 8;
        }
        for (texel_out, pairs) in block.iter_mut().zip(pairs.as_chunks::<8>().0) {
            *texel_out = texel(pairs);
        }
    }
    // The last texels, one at a time.
    let done = texels / BLOCK * BLOCK * 8;
    for ((t, u), texel_out) in
        top[done..].chunks_exact(8).zip(bottom[done..].chunks_exact(8)).zip(blocks.into_remainder())
    {
        *texel_out = texel(&std::array::from_fn(|i| pair_index(t[i], u[i])));
    }
}

/// Where the sum of two decoded bytes sits in a pair table: the smaller byte first, so
/// that only half of the (symmetric) table is ever read, and half as much of it needs to
/// stay in cache. (In 16-bit lanes, where SSE2 has min and max.)
fn pair_index(a: u8, b: u8) -> u16 {
    let (a, b) = (i16::from(a), i16::from(b));
    (a.min(b) | a.max(b) << 8) as u16
}

/// `pairs[a | b << 8] = (table[a] + table[b]) / 4`: one lookup gives half of a 2x2 mean.
/// (The division by 4 is exact, so it may come before the last addition.) 256 KiB a
/// table, built on first use.
fn pair_table(table: &'static [f32; 256], cell: &'static OnceLock<Box<[f32; 65536]>>) -> &'static [f32; 65536] {
    cell.get_or_init(|| {
        let pairs: Box<[f32]> = (0..65536).map(|i| 0.25 * (table[i & 0xff] + table[i >> 8])).collect();
        pairs.try_into().expect("65536 entries")
    })
}

fn unorm8_table() -> &'static [f32; 256] {
    static TABLE: OnceLock<[f32; 256]> = OnceLock::new();
    TABLE.get_or_init(|| std::array::from_fn(|i| unorm_to_f32(i as u64, 8)))
}

impl TexelCodec {
    /// The codec of a format with texels of its own: None for unknown formats and for
    /// combined depth/stencil formats (their texels live in per-aspect planes; ask for the
    /// `format::plane_format` instead).
    pub fn new(format: vk::Format) -> Option<TexelCodec> {
        let description = format::describe(format)?;
        let layout = match description.codec {
            Codec::Channels { channels, encoding } => Layout::Channels { channels, encoding },
            Codec::SharedExponent => Layout::SharedExponent,
            Codec::Planes { .. } | Codec::Compressed => return None,
        };
        Some(TexelCodec { format, bytes: description.block_bytes as usize, layout, rows: RowPath::of(format) })
    }

    pub fn format(&self) -> vk::Format {
        self.format
    }

    /// Bytes of one texel.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    pub fn class(&self) -> ValueClass {
        match self.layout {
            Layout::Channels { encoding: Encoding::Uint, .. } => ValueClass::Uint,
            Layout::Channels { encoding: Encoding::Sint, .. } => ValueClass::Sint,
            _ => ValueClass::Float,
        }
    }

    /// RGBA as f32; missing components read as (0, 0, 0, 1). sRGB is decoded to linear;
    /// integer formats give their values as floats.
    pub fn decode_f32(&self, texel: &[u8]) -> [f32; 4] {
        let mut rgba = [0.0, 0.0, 0.0, 1.0];
        match self.layout {
            Layout::Channels { channels, encoding } => {
                for c in channels {
                    let raw = read_bits(texel, c.offset.into(), c.bits.into());
                    rgba[usize::from(c.component & 3)] = decode_channel(raw, c.bits.into(), encoding, c.component);
                }
            }
            Layout::SharedExponent => {
                let [r, g, b] = decode_shared_exponent(read_bits(texel, 0, 32) as u32);
                rgba[..3].copy_from_slice(&[r, g, b]);
            }
        }
        rgba
    }

    /// Writes RGBA f32 as this format: values are clamped to the format's range and
    /// rounded to nearest (spec "Conversion From Floating-Point to Normalized
    /// Fixed-Point"); sRGB formats encode linear to sRGB. Unused bits are written as zero.
    pub fn encode_f32(&self, rgba: [f32; 4], out: &mut [u8]) {
        self.clear(out);
        match self.layout {
            Layout::Channels { channels, encoding } => {
                for c in channels {
                    let value = rgba[usize::from(c.component & 3)];
                    write_bits(
                        out,
                        c.offset.into(),
                        c.bits.into(),
                        encode_channel(value, c.bits.into(), encoding, c.component),
                    );
                }
            }
            Layout::SharedExponent => {
                write_bits(out, 0, 32, u64::from(encode_shared_exponent([rgba[0], rgba[1], rgba[2]])));
            }
        }
    }

    /// For the 4 x 8-bit UNORM formats: whether the bytes are B, G, R, A (true) or
    /// R, G, B, A (false). None for every other format.
    pub fn unorm8x4_order(&self) -> Option<bool> {
        match self.rows {
            RowPath::Unorm8x4 { bgra } => Some(bgra),
            _ => None,
        }
    }

    /// For the table-decoded 4 x 8-bit formats (UNORM and sRGB): the table that decodes R, G
    /// and B, the one that decodes A, and whether the bytes are B, G, R, A.
    fn byte_tables(&self) -> Option<(&'static [f32; 256], &'static [f32; 256], bool)> {
        match self.rows {
            RowPath::Unorm8x4 { bgra } => Some((unorm8_table(), unorm8_table(), bgra)),
            RowPath::Srgb8x4 { bgra } => Some((srgb_table(), unorm8_table(), bgra)),
            _ => None,
        }
    }

    /// Decodes a row of texels (`src.len() / bytes()` of them) into `out`, replacing its
    /// contents: the same values as `decode_f32` on each texel, faster for common formats.
    pub fn decode_row_f32(&self, src: &[u8], out: &mut Vec<[f32; 4]>) {
        out.clear();
        if let Some((color, alpha, bgra)) = self.byte_tables() {
            out.extend(src.chunks_exact(4).map(|p| {
                let (r, b) = if bgra { (p[2], p[0]) } else { (p[0], p[2]) };
                [color[usize::from(r)], color[usize::from(p[1])], color[usize::from(b)], alpha[usize::from(p[3])]]
            }));
            return;
        }
        match self.rows {
            RowPath::Unorm8x4 { .. } | RowPath::Srgb8x4 { .. } => {}
            RowPath::Half4 => out.extend(
                src.chunks_exact(8)
                    .map(|p| std::array::from_fn(|c| half::f16::from_le_bytes([p[2 * c], p[2 * c + 1]]).to_f32())),
            ),
            RowPath::Float4 => out.extend(src.chunks_exact(16).map(|p| {
                std::array::from_fn(|c| f32::from_le_bytes([p[4 * c], p[4 * c + 1], p[4 * c + 2], p[4 * c + 3]]))
            })),
            RowPath::Generic => out.extend(src.chunks_exact(self.bytes).map(|texel| self.decode_f32(texel))),
        }
    }

    /// Whether `halve_rows_f32` handles this format.
    pub fn halves_rows(&self) -> bool {
        self.byte_tables().is_some()
    }

    /// The 2:1 LINEAR case for table-decoded formats (8-bit UNORM and sRGB): each output
    /// value is the mean of a 2x2 block of decoded texels. Returns false, doing nothing,
    /// for other formats.
    pub fn halve_rows_f32(&self, top: &[u8], bottom: &[u8], out: &mut Vec<[f32; 4]>) -> bool {
        static UNORM_PAIRS: OnceLock<Box<[f32; 65536]>> = OnceLock::new();
        static SRGB_PAIRS: OnceLock<Box<[f32; 65536]>> = OnceLock::new();
        let (color_pairs, bgra) = match self.rows {
            RowPath::Unorm8x4 { bgra } => (pair_table(unorm8_table(), &UNORM_PAIRS), bgra),
            RowPath::Srgb8x4 { bgra } => (pair_table(srgb_table(), &SRGB_PAIRS), bgra),
            _ => return false,
        };
        if bgra {
            halve_8x4::<true>(top, bottom, color_pairs, out);
        } else {
            halve_8x4::<false>(top, bottom, color_pairs, out);
        }
        true
    }

    /// Encodes a row of values into `out` (`values.len() * bytes()` bytes): the same bytes
    /// as `encode_f32` on each value, faster for common formats.
    pub fn encode_row_f32(&self, values: &[[f32; 4]], out: &mut [u8]) {
        match self.rows {
            RowPath::Unorm8x4 { bgra } => {
                for (v, p) in values.iter().zip(out.chunks_exact_mut(4)) {
                    let q = v.map(f32_to_unorm8);
                    p.copy_from_slice(&if bgra { [q[2], q[1], q[0], q[3]] } else { q });
                }
            }
            RowPath::Half4 => {
                // One bulk conversion (F16C when the CPU has it), then the bytes.
                use half::slice::HalfFloatSliceExt;
                const CHUNK: usize = 256;
                let mut halves = [half::f16::ZERO; CHUNK];
                for (floats, bytes) in values.as_flattened().chunks(CHUNK).zip(out.chunks_mut(2 * CHUNK)) {
                    let halves = &mut halves[..floats.len()];
                    halves.convert_from_f32_slice(floats);
                    for (h, p) in halves.iter().zip(bytes.chunks_exact_mut(2)) {
                        p.copy_from_slice(&h.to_le_bytes());
                    }
                }
            }
            RowPath::Float4 => {
                for (v, p) in values.iter().zip(out.chunks_exact_mut(16)) {
                    for c in 0..4 {
                        p[4 * c..4 * c + 4].copy_from_slice(&v[c].to_le_bytes());
                    }
                }
            }
            RowPath::Srgb8x4 { .. } | RowPath::Generic => {
                for (v, p) in values.iter().zip(out.chunks_exact_mut(self.bytes)) {
                    self.encode_f32(*v, p);
                }
            }
        }
    }

    /// The raw unsigned component values (64-bit ones saturate); missing: (0, 0, 0, 1).
    pub fn decode_u32(&self, texel: &[u8]) -> [u32; 4] {
        let mut rgba = [0, 0, 0, 1];
        if let Layout::Channels { channels, .. } = self.layout {
            for c in channels {
                let raw = read_bits(texel, c.offset.into(), c.bits.into());
                rgba[usize::from(c.component & 3)] = u32::try_from(raw).unwrap_or(u32::MAX);
            }
        }
        rgba
    }

    /// Writes unsigned integers, each clamped to its component's range (spec, blits:
    /// "converted by first clamping to the representable range ..., then casting").
    pub fn encode_u32(&self, rgba: [u32; 4], out: &mut [u8]) {
        self.clear(out);
        if let Layout::Channels { channels, .. } = self.layout {
            for c in channels {
                let value = u64::from(rgba[usize::from(c.component & 3)]).min(unsigned_max(c.bits.into()));
                write_bits(out, c.offset.into(), c.bits.into(), value);
            }
        }
    }

    /// The component values as signed (two's complement) integers, saturated to i32;
    /// missing: (0, 0, 0, 1).
    pub fn decode_i32(&self, texel: &[u8]) -> [i32; 4] {
        let mut rgba = [0, 0, 0, 1];
        if let Layout::Channels { channels, .. } = self.layout {
            for c in channels {
                let value = sign_extend(read_bits(texel, c.offset.into(), c.bits.into()), c.bits.into());
                rgba[usize::from(c.component & 3)] = value.clamp(i32::MIN.into(), i32::MAX.into()) as i32;
            }
        }
        rgba
    }

    /// Writes signed integers, each clamped to its component's range.
    pub fn encode_i32(&self, rgba: [i32; 4], out: &mut [u8]) {
        self.clear(out);
        if let Layout::Channels { channels, .. } = self.layout {
            for c in channels {
                let bits = u32::from(c.bits);
                let (min, max) = signed_range(bits);
                let value = i64::from(rgba[usize::from(c.component & 3)]).clamp(min, max);
                write_bits(out, c.offset.into(), bits, value as u64);
            }
        }
    }

    /// Writes a `VkClearColorValue` (spec "Clearing Images"): floats for float-like
    /// formats; for integer formats the 32-bit value cast to the component width
    /// (truncation); 64-bit components take two consecutive 32-bit words each (R from
    /// words 0-1, G from words 2-3; B and A get zero).
    fn encode_clear(&self, color: ClearColor, out: &mut [u8]) {
        let words = color.bits();
        match self.layout {
            Layout::Channels { channels, encoding }
                if matches!(encoding, Encoding::Uint | Encoding::Sint) || channels.iter().any(|c| c.bits == 64) =>
            {
                self.clear(out);
                for c in channels {
                    let component = usize::from(c.component & 3);
                    let value = if c.bits == 64 {
                        match component {
                            0 | 1 => u64::from(words[2 * component]) | u64::from(words[2 * component + 1]) << 32,
                            _ => 0,
                        }
                    } else {
                        u64::from(words[component])
                    };
                    write_bits(out, c.offset.into(), c.bits.into(), value);
                }
            }
            _ => self.encode_f32(words.map(f32::from_bits), out),
        }
    }

    fn clear(&self, out: &mut [u8]) {
        out.iter_mut().take(self.bytes).for_each(|b| *b = 0);
    }
}

/// The bytes of one texel of `format` holding `color` (the VkClearColorValue, read as
/// float for UNORM/SNORM/SCALED/FLOAT/SRGB formats, int32/uint32 for SINT/UINT). None for
/// an unknown or depth/stencil format.
pub fn encode_color(format: vk::Format, color: ClearColor) -> Option<Vec<u8>> {
    let description = format::describe(format)?;
    if !description.aspects.contains(vk::ImageAspectFlags::COLOR) {
        return None;
    }
    let codec = TexelCodec::new(format)?;
    let mut out = vec![0; codec.bytes()];
    codec.encode_clear(color, &mut out);
    Some(out)
}

/// Depth-plane texel bytes for a depth value (D16: unorm16, X8_D24: unorm24 in the low
/// bits of a u32 with the top 8 bits zero, D32: f32), clamped to [0,1] for unorm. A
/// combined depth/stencil format is taken as its depth plane. None for other formats.
pub fn encode_depth(plane_format: vk::Format, depth: f32) -> Option<Vec<u8>> {
    let plane = format::plane_format(plane_format, vk::ImageAspectFlags::DEPTH)?;
    let codec = TexelCodec::new(plane)?;
    let mut out = vec![0; codec.bytes()];
    codec.encode_f32([depth, 0.0, 0.0, 1.0], &mut out);
    Some(out)
}

/// Stencil-plane texel bytes: one byte, the low 8 bits of `stencil`.
pub fn encode_stencil(stencil: u32) -> Vec<u8> {
    vec![(stencil & 0xff) as u8]
}

/// Decodes one texel to RGBA f32 (missing components 0, 0, 0, 1; sRGB decoded to linear).
/// None for an unknown format or a texel shorter than the format's texel size.
pub fn decode_f32(format: vk::Format, texel: &[u8]) -> Option<[f32; 4]> {
    let codec = TexelCodec::new(format)?;
    (texel.len() >= codec.bytes()).then(|| codec.decode_f32(texel))
}

/// Encodes RGBA f32 into `out` (clamping, rounding to nearest; linear to sRGB for SRGB).
pub fn encode_f32(format: vk::Format, rgba: [f32; 4], out: &mut [u8]) -> Option<()> {
    let codec = TexelCodec::new(format)?;
    (out.len() >= codec.bytes()).then(|| codec.encode_f32(rgba, out))
}

/// Decodes a UINT texel (missing components 0, 0, 0, 1). None unless the format is UINT.
pub fn decode_u32(format: vk::Format, texel: &[u8]) -> Option<[u32; 4]> {
    let codec = integer_codec(format, ValueClass::Uint, texel.len())?;
    Some(codec.decode_u32(texel))
}

/// Encodes a UINT texel, each component clamped to its range.
pub fn encode_u32(format: vk::Format, rgba: [u32; 4], out: &mut [u8]) -> Option<()> {
    let codec = integer_codec(format, ValueClass::Uint, out.len())?;
    codec.encode_u32(rgba, out);
    Some(())
}

/// Decodes a SINT texel (missing components 0, 0, 0, 1). None unless the format is SINT.
pub fn decode_i32(format: vk::Format, texel: &[u8]) -> Option<[i32; 4]> {
    let codec = integer_codec(format, ValueClass::Sint, texel.len())?;
    Some(codec.decode_i32(texel))
}

/// Encodes a SINT texel, each component clamped to its range.
pub fn encode_i32(format: vk::Format, rgba: [i32; 4], out: &mut [u8]) -> Option<()> {
    let codec = integer_codec(format, ValueClass::Sint, out.len())?;
    codec.encode_i32(rgba, out);
    Some(())
}

fn integer_codec(format: vk::Format, class: ValueClass, len: usize) -> Option<TexelCodec> {
    let codec = TexelCodec::new(format)?;
    (codec.class() == class && len >= codec.bytes()).then_some(codec)
}

// ---- bits ----

fn low_mask(bits: u32) -> u128 {
    if bits >= 128 {
        u128::MAX
    } else {
        (1u128 << bits) - 1
    }
}

/// `bits` bits (at most 64) starting `offset` bits into the little-endian texel.
fn read_bits(texel: &[u8], offset: u32, bits: u32) -> u64 {
    let first = (offset / 8) as usize;
    let shift = offset % 8;
    let count = (shift + bits).div_ceil(8) as usize;
    let mut word = 0u128;
    for i in 0..count {
        if let Some(&byte) = texel.get(first + i) {
            word |= u128::from(byte) << (8 * i);
        }
    }
    ((word >> shift) & low_mask(bits)) as u64
}

fn write_bits(out: &mut [u8], offset: u32, bits: u32, value: u64) {
    let first = (offset / 8) as usize;
    let shift = offset % 8;
    let count = (shift + bits).div_ceil(8) as usize;
    let mask = low_mask(bits) << shift;
    let value = (u128::from(value) << shift) & mask;
    for i in 0..count {
        if let Some(byte) = out.get_mut(first + i) {
            let (m, v) = ((mask >> (8 * i)) as u8, (value >> (8 * i)) as u8);
            *byte = (*byte & !m) | v;
        }
    }
}

fn unsigned_max(bits: u32) -> u64 {
    low_mask(bits.min(64)) as u64
}

fn signed_range(bits: u32) -> (i64, i64) {
    let bits = bits.clamp(1, 64);
    let max = (low_mask(bits - 1)) as i64;
    (-max - 1, max)
}

fn sign_extend(raw: u64, bits: u32) -> i64 {
    let unused = 64 - bits.clamp(1, 64);
    ((raw << unused) as i64) >> unused
}

// ---- one component ----

fn decode_channel(raw: u64, bits: u32, encoding: Encoding, component: u8) -> f32 {
    match encoding {
        Encoding::Unorm => unorm_to_f32(raw, bits),
        Encoding::Snorm => {
            let max = signed_range(bits).1 as f32;
            (sign_extend(raw, bits) as f32 / max).max(-1.0)
        }
        Encoding::Uscaled | Encoding::Uint => raw as f32,
        Encoding::Sscaled | Encoding::Sint => sign_extend(raw, bits) as f32,
        Encoding::Sfloat => match bits {
            16 => half::f16::from_bits(raw as u16).to_f32(),
            32 => f32::from_bits(raw as u32),
            64 => f64::from_bits(raw) as f32,
            _ => 0.0,
        },
        Encoding::Ufloat => decode_ufloat(raw, bits.saturating_sub(5)),
        Encoding::Srgb if component < 3 => match bits {
            8 => srgb_table()[(raw & 0xff) as usize],
            _ => srgb_to_linear(unorm_to_f32(raw, bits)),
        },
        Encoding::Srgb => unorm_to_f32(raw, bits),
    }
}

fn encode_channel(value: f32, bits: u32, encoding: Encoding, component: u8) -> u64 {
    match encoding {
        Encoding::Unorm => f32_to_unorm(value, bits),
        Encoding::Snorm => {
            let max = signed_range(bits).1 as f64;
            let scaled = if value.is_nan() { 0.0 } else { f64::from(value).clamp(-1.0, 1.0) * max };
            (scaled.round_ties_even() as i64) as u64 & (low_mask(bits) as u64)
        }
        Encoding::Uscaled | Encoding::Uint => {
            let max = unsigned_max(bits) as f64;
            if value.is_nan() {
                0
            } else {
                f64::from(value).clamp(0.0, max).round_ties_even() as u64
            }
        }
        Encoding::Sscaled | Encoding::Sint => {
            let (min, max) = signed_range(bits);
            let rounded = if value.is_nan() {
                0
            } else {
                f64::from(value).round_ties_even().clamp(min as f64, max as f64) as i64
            };
            rounded as u64 & (low_mask(bits) as u64)
        }
        Encoding::Sfloat => match bits {
            16 => u64::from(half::f16::from_f32(value).to_bits()),
            32 => u64::from(value.to_bits()),
            64 => f64::from(value).to_bits(),
            _ => 0,
        },
        Encoding::Ufloat => encode_ufloat(value, bits.saturating_sub(5)),
        Encoding::Srgb if component < 3 => f32_to_unorm(linear_to_srgb(value), bits),
        Encoding::Srgb => f32_to_unorm(value, bits),
    }
}

/// spec "Conversion From Normalized Fixed-Point to Floating-Point": c / (2^b - 1).
fn unorm_to_f32(raw: u64, bits: u32) -> f32 {
    if bits <= 24 {
        // Both operands are exact in f32, so the quotient is correctly rounded.
        raw as f32 / unsigned_max(bits) as f32
    } else {
        (raw as f64 / unsigned_max(bits) as f64) as f32
    }
}

/// spec "Conversion From Floating-Point to Normalized Fixed-Point": clamp to [0,1], scale
/// by 2^b - 1, round to nearest (ties to even). NaN becomes 0.
fn f32_to_unorm(value: f32, bits: u32) -> u64 {
    if value.is_nan() {
        return 0;
    }
    round_ties_even_small(f64::from(value).clamp(0.0, 1.0) * unsigned_max(bits) as f64) as u64
}

/// `f32_to_unorm(value, 8)` without branches or float-to-int conversion: after adding
/// 2^52 the rounded integer sits in the low mantissa bits. NaN stays NaN through the clamp
/// and the addition, whose low bits are 0, as `f32_to_unorm` gives.
fn f32_to_unorm8(value: f32) -> u8 {
    const SHIFT: f64 = 4_503_599_627_370_496.0; // 2^52
    let scaled = f64::from(value).clamp(0.0, 1.0) * 255.0;
    ((scaled + SHIFT).to_bits() & 0xff) as u8
}

/// `x.round_ties_even()` for 0 <= x < 2^52, without a libm call (baseline x86-64 has no
/// rounding instruction): adding 2^52 leaves no fraction bits, so the FPU's default
/// round-to-nearest-even does the rounding.
fn round_ties_even_small(x: f64) -> f64 {
    const SHIFT: f64 = 4_503_599_627_370_496.0; // 2^52
    if (0.0..SHIFT).contains(&x) {
        (x + SHIFT) - SHIFT
    } else {
        x.round_ties_even()
    }
}

// ---- sRGB (spec "sRGB transfer functions", the EOTF and its inverse) ----

fn srgb_to_linear(c: f32) -> f32 {
    let c = f64::from(c);
    let linear = if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) };
    linear as f32
}

fn linear_to_srgb(l: f32) -> f32 {
    if l.is_nan() {
        return 0.0;
    }
    let l = f64::from(l).clamp(0.0, 1.0);
    let srgb = if l <= 0.0031308 { l * 12.92 } else { 1.055 * l.powf(1.0 / 2.4) - 0.055 };
    srgb as f32
}

/// 8-bit sRGB to linear, computed once.
fn srgb_table() -> &'static [f32; 256] {
    static TABLE: OnceLock<[f32; 256]> = OnceLock::new();
    TABLE.get_or_init(|| std::array::from_fn(|i| srgb_to_linear(i as f32 / 255.0)))
}

// ---- unsigned 10/11-bit floats: 5-bit exponent (bias 15), no sign ----

fn decode_ufloat(raw: u64, mantissa_bits: u32) -> f32 {
    let mantissa = (raw & unsigned_max(mantissa_bits)) as f32;
    let exponent = ((raw >> mantissa_bits) & 0x1f) as i32;
    let one = (1u64 << mantissa_bits) as f32;
    match exponent {
        0 => mantissa / one * 2f32.powi(-14),
        31 if mantissa == 0.0 => f32::INFINITY,
        31 => f32::NAN,
        e => (1.0 + mantissa / one) * 2f32.powi(e - 15),
    }
}

/// Round to nearest even; negative values and -inf become 0, NaN stays NaN, finite values
/// too large become the largest finite value (spec "Floating-Point Format Conversions"
/// allows it), +inf stays +inf.
fn encode_ufloat(value: f32, mantissa_bits: u32) -> u64 {
    let infinity = 31u64 << mantissa_bits;
    if value.is_nan() {
        return infinity | 1;
    }
    if value == f32::INFINITY {
        return infinity;
    }
    if value <= 0.0 {
        return 0;
    }
    let max_finite = infinity - 1;
    let exponent = ((value.to_bits() >> 23) & 0xff) as i32 - 127;
    let v = f64::from(value);
    if exponent < -14 {
        // Denormal in the target: the mantissa counts units of 2^(-14 - m). Rounding up to
        // 2^m lands exactly on the smallest normal's encoding.
        return (v * 2f64.powi(14 + mantissa_bits as i32)).round_ties_even() as u64;
    }
    if exponent > 15 {
        return max_finite;
    }
    // v / 2^(e - m) lies in [2^m, 2^(m+1)); a carry from rounding moves into the exponent.
    let significand = (v / 2f64.powi(exponent - mantissa_bits as i32)).round_ties_even() as u64;
    let encoded = (((exponent + 15) as u64) << mantissa_bits) + significand - (1u64 << mantissa_bits);
    encoded.min(max_finite)
}

// ---- E5B9G9R9: shared exponent (Khronos Data Format Specification, "Shared exponent") ----

const SHARED_MANTISSA_BITS: i32 = 9;
const SHARED_BIAS: i32 = 15;

fn decode_shared_exponent(word: u32) -> [f32; 3] {
    let exponent = (word >> 27) as i32;
    let scale = 2f64.powi(exponent - SHARED_BIAS - SHARED_MANTISSA_BITS);
    [0, 9, 18].map(|shift| (f64::from((word >> shift) & 0x1ff) * scale) as f32)
}

fn encode_shared_exponent(rgb: [f32; 3]) -> u32 {
    // sharedexp_max = (2^N - 1) / 2^N * 2^(Emax - B)
    let max_value = 511.0 / 512.0 * 65536.0;
    let clamped = rgb.map(|c| if c.is_nan() { 0.0 } else { f64::from(c).clamp(0.0, max_value) });
    let max_c = clamped[0].max(clamped[1]).max(clamped[2]);
    // floor(log2(max_c)), exactly, bounded below by -B - 1.
    let floor_log2 = if max_c < 2f64.powi(-SHARED_BIAS - 1) {
        -SHARED_BIAS - 1
    } else {
        ((max_c.to_bits() >> 52) & 0x7ff) as i32 - 1023
    };
    let mut exponent = floor_log2.max(-SHARED_BIAS - 1) + 1 + SHARED_BIAS;
    let max_s = (max_c / 2f64.powi(exponent - SHARED_BIAS - SHARED_MANTISSA_BITS) + 0.5).floor();
    if max_s >= 512.0 {
        exponent += 1;
    }
    let scale = 2f64.powi(exponent - SHARED_BIAS - SHARED_MANTISSA_BITS);
    let [r, g, b] = clamped.map(|c| ((c / scale + 0.5).floor() as u32).min(511));
    (exponent as u32) << 27 | b << 18 | g << 9 | r
}

#[cfg(test)]
mod tests {
    use super::*;
    use vk::Format as F;

    fn enc(format: vk::Format, rgba: [f32; 4]) -> Vec<u8> {
        let mut out = vec![0xAA; format::describe(format).unwrap().block_bytes as usize];
        encode_f32(format, rgba, &mut out).unwrap();
        out
    }

    #[test]
    fn unorm8_fast_encoder_matches_the_generic_one() {
        for i in 0..=20_000 {
            let v = i as f32 / 16_000.0 - 0.1;
            assert_eq!(f32_to_unorm8(v), f32_to_unorm(v, 8) as u8, "{v}");
        }
        for v in [f32::NAN, f32::INFINITY, f32::NEG_INFINITY, 0.5 / 255.0, 1.5 / 255.0, 127.5 / 255.0] {
            assert_eq!(f32_to_unorm8(v), f32_to_unorm(v, 8) as u8, "{v}");
        }
    }

    #[test]
    fn halved_rows_are_the_means_of_2x2_blocks_of_decoded_texels() {
        // 37 destination texels: two whole blocks of 16 and a remainder of 5.
        for format in [F::R8G8B8A8_SRGB, F::B8G8R8A8_SRGB, F::R8G8B8A8_UNORM, F::B8G8R8A8_UNORM] {
            let codec = TexelCodec::new(format).unwrap();
            let top: Vec<u8> = (0..74 * 4).map(|i| (i * 37 % 256) as u8).collect();
            let bottom: Vec<u8> = (0..74 * 4).map(|i| ((i * 11 % 256) ^ 0x5a) as u8).collect();
            let mut halved = Vec::new();
            assert!(codec.halve_rows_f32(&top, &bottom, &mut halved));
            assert_eq!(halved.len(), 37);
            let decode = |row: &[u8], x: usize| codec.decode_f32(&row[4 * x..4 * x + 4]).map(f64::from);
            for (x, got) in halved.iter().enumerate() {
                let block =
                    [decode(&top, 2 * x), decode(&top, 2 * x + 1), decode(&bottom, 2 * x), decode(&bottom, 2 * x + 1)];
                for c in 0..4 {
                    let want = block.iter().map(|texel| texel[c]).sum::<f64>() / 4.0;
                    assert!(
                        (f64::from(got[c]) - want).abs() <= 1e-6 * want.max(1e-3),
                        "{format:?} x={x} c={c}: {got:?}"
                    );
                }
            }
        }
        assert!(!TexelCodec::new(F::R16G16B16A16_SFLOAT).unwrap().halve_rows_f32(&[0; 16], &[0; 16], &mut Vec::new()));
    }

    #[test]
    fn small_round_ties_even_matches_the_library() {
        for x in [0.0, 0.5, 1.5, 2.5, 127.5, 128.5, 254.49999, 254.5, 255.0, 65534.5, 4294967294.5, 1e15 + 0.5] {
            assert_eq!(round_ties_even_small(x), x.round_ties_even(), "{x}");
        }
    }

    #[test]
    fn row_fast_paths_give_the_generic_results() {
        for format in [
            F::R8G8B8A8_UNORM,
            F::B8G8R8A8_UNORM,
            F::R8G8B8A8_SRGB,
            F::B8G8R8A8_SRGB,
            F::A8B8G8R8_UNORM_PACK32,
            F::R16G16B16A16_SFLOAT,
            F::R32G32B32A32_SFLOAT,
        ] {
            let codec = TexelCodec::new(format).unwrap();
            let bytes: Vec<u8> = (0..256 * codec.bytes()).map(|i| (i * 37 % 256) as u8).collect();
            let mut row = Vec::new();
            codec.decode_row_f32(&bytes, &mut row);
            for (texel, value) in bytes.chunks_exact(codec.bytes()).zip(&row) {
                let generic = codec.decode_f32(texel);
                assert!(
                    generic.iter().zip(value).all(|(a, b)| a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())),
                    "{format:?} decode"
                );
            }
            let values: Vec<[f32; 4]> = (0..256)
                .map(|i| [i as f32 / 200.0 - 0.1, (i % 7) as f32 * 0.17, -3.0 + i as f32 * 0.03, 0.5])
                .collect();
            let mut fast = vec![0u8; values.len() * codec.bytes()];
            codec.encode_row_f32(&values, &mut fast);
            let mut generic = vec![0u8; fast.len()];
            for (v, out) in values.iter().zip(generic.chunks_exact_mut(codec.bytes())) {
                codec.encode_f32(*v, out);
            }
            assert_eq!(fast, generic, "{format:?} encode");
        }
    }

    #[test]
    fn unorm_rounds_to_nearest_and_clamps() {
        assert_eq!(enc(F::R8_UNORM, [0.5, 0.0, 0.0, 0.0]), [128]);
        assert_eq!(enc(F::R8_UNORM, [1.0, 0.0, 0.0, 0.0]), [255]);
        assert_eq!(enc(F::R8_UNORM, [-0.3, 0.0, 0.0, 0.0]), [0]);
        assert_eq!(enc(F::R8_UNORM, [7.0, 0.0, 0.0, 0.0]), [255]);
        assert_eq!(enc(F::R8_UNORM, [f32::NAN, 0.0, 0.0, 0.0]), [0]);
        // 0.2 * 255 = 51.0
        assert_eq!(enc(F::R8_UNORM, [0.2, 0.0, 0.0, 0.0]), [51]);
        assert_eq!(decode_f32(F::R8_UNORM, &[51]), Some([0.2, 0.0, 0.0, 1.0]));
        // 0.5 * 65535 = 32767.5 -> 32768 (ties to even)
        assert_eq!(enc(F::R16_UNORM, [0.5, 0.0, 0.0, 0.0]), [0x00, 0x80]);
    }

    #[test]
    fn snorm_maps_minus_one_to_minus_127_and_clamps_minus_128() {
        assert_eq!(enc(F::R8_SNORM, [-1.0, 0.0, 0.0, 0.0]), [0x81]);
        assert_eq!(enc(F::R8_SNORM, [1.0, 0.0, 0.0, 0.0]), [0x7f]);
        assert_eq!(enc(F::R8_SNORM, [-5.0, 0.0, 0.0, 0.0]), [0x81]);
        assert_eq!(decode_f32(F::R8_SNORM, &[0x80]).unwrap()[0], -1.0);
        assert_eq!(decode_f32(F::R8_SNORM, &[0x81]).unwrap()[0], -1.0);
        assert_eq!(decode_f32(F::R8_SNORM, &[0x7f]).unwrap()[0], 1.0);
    }

    #[test]
    fn bgra_and_packed_layouts_put_components_in_spec_positions() {
        assert_eq!(enc(F::B8G8R8A8_UNORM, [1.0, 0.0, 0.2, 1.0]), [51, 0, 255, 255]);
        // R5G6B5: R=31 in bits 11..16, G=round(31.5)=32 in bits 5..11, B=0 -> 0xFC00.
        assert_eq!(enc(F::R5G6B5_UNORM_PACK16, [1.0, 0.5, 0.0, 1.0]), [0x00, 0xFC]);
        // B5G6R5: B in the top bits: B=31 -> 0xF800.
        assert_eq!(enc(F::B5G6R5_UNORM_PACK16, [0.0, 0.0, 1.0, 1.0]), [0x00, 0xF8]);
        // A2B10G10R10: R=1023 in bits 0..10, A=3 in bits 30..32 -> 0xC00003FF.
        assert_eq!(enc(F::A2B10G10R10_UNORM_PACK32, [1.0, 0.0, 0.0, 1.0]), [0xFF, 0x03, 0x00, 0xC0]);
        // A1R5G5B5: A in bit 15, R in 10..15 -> 0x8000 | 0x7C00.
        assert_eq!(enc(F::A1R5G5B5_UNORM_PACK16, [1.0, 0.0, 0.0, 1.0]), [0x00, 0xFC]);
        // R4G4: R in the high nibble.
        assert_eq!(enc(F::R4G4_UNORM_PACK8, [1.0, 0.0, 0.0, 0.0]), [0xF0]);
        assert_eq!(decode_f32(F::R4G4B4A4_UNORM_PACK16, &[0x0F, 0xF0]), Some([1.0, 0.0, 0.0, 1.0]));
    }

    #[test]
    fn half_float_one_is_0x3c00() {
        assert_eq!(enc(F::R16_SFLOAT, [1.0, 0.0, 0.0, 0.0]), [0x00, 0x3C]);
        assert_eq!(decode_f32(F::R16_SFLOAT, &[0x00, 0xC0]), Some([-2.0, 0.0, 0.0, 1.0]));
    }

    #[test]
    fn b10g11r11_of_one_packs_exponent_15() {
        // fp11 1.0 = 15 << 6 = 0x3C0; fp10 1.0 = 15 << 5 = 0x1E0.
        // 0x3C0 | 0x3C0 << 11 | 0x1E0 << 22 = 0x781E03C0
        assert_eq!(enc(F::B10G11R11_UFLOAT_PACK32, [1.0, 1.0, 1.0, 1.0]), 0x781E_03C0u32.to_le_bytes());
        assert_eq!(decode_f32(F::B10G11R11_UFLOAT_PACK32, &0x781E_03C0u32.to_le_bytes()), Some([1.0; 4]));
        // Negative -> 0; smallest fp11 denormal 2^-20; 0.3 -> nearest fp11 0.30078125 (e=-2, m=13).
        assert_eq!(enc(F::B10G11R11_UFLOAT_PACK32, [-1.0, 2f32.powi(-20), 0.0, 0.0]), (1u32 << 11).to_le_bytes());
        assert_eq!(enc(F::B10G11R11_UFLOAT_PACK32, [0.3, 0.0, 0.0, 0.0]), ((13u32 << 6) | 13).to_le_bytes());
        // Too large -> largest finite fp11 (e=30, m=63) = 65024.
        assert_eq!(enc(F::B10G11R11_UFLOAT_PACK32, [1e9, 0.0, 0.0, 0.0]), 0x7BFu32.to_le_bytes());
        assert_eq!(decode_f32(F::B10G11R11_UFLOAT_PACK32, &0x7BFu32.to_le_bytes()).unwrap()[0], 65024.0);
    }

    #[test]
    fn e5b9g9r9_of_one_uses_exponent_16_and_mantissa_256() {
        // 256 * 2^(16 - 15 - 9) = 1: 256 | 256 << 9 | 256 << 18 | 16 << 27 = 0x84020100
        assert_eq!(enc(F::E5B9G9R9_UFLOAT_PACK32, [1.0, 1.0, 1.0, 0.5]), 0x8402_0100u32.to_le_bytes());
        assert_eq!(decode_f32(F::E5B9G9R9_UFLOAT_PACK32, &0x8402_0100u32.to_le_bytes()), Some([1.0; 4]));
        // (3, 0.5, 0): floor(log2 3) = 1 -> exponent 17, scale 2^-7: 384, 64, 0.
        let expected = 17u32 << 27 | 64 << 9 | 384;
        assert_eq!(enc(F::E5B9G9R9_UFLOAT_PACK32, [3.0, 0.5, 0.0, 1.0]), expected.to_le_bytes());
        assert_eq!(enc(F::E5B9G9R9_UFLOAT_PACK32, [0.0, 0.0, 0.0, 1.0]), [0, 0, 0, 0]);
    }

    #[test]
    fn srgb_decodes_to_linear_and_encodes_from_linear() {
        // ((128/255 + 0.055) / 1.055)^2.4 = 0.2158605
        let linear = decode_f32(F::R8G8B8A8_SRGB, &[0x80, 0x80, 0x80, 0x80]).unwrap();
        assert!((linear[0] - 0.215_860_5).abs() < 1e-6);
        assert_eq!(linear[3], 128.0 / 255.0, "alpha is not sRGB-encoded");
        // 1.055 * 0.5^(1/2.4) - 0.055 = 0.735357; * 255 = 187.5 -> 188
        assert_eq!(enc(F::R8G8B8A8_SRGB, [0.5, 0.0, 1.0, 0.5]), [188, 0, 255, 128]);
    }

    #[test]
    fn scaled_formats_are_integers_as_floats() {
        assert_eq!(enc(F::R8_USCALED, [3.6, 0.0, 0.0, 0.0]), [4]);
        assert_eq!(enc(F::R8_SSCALED, [-300.0, 0.0, 0.0, 0.0]), [0x80]);
        assert_eq!(decode_f32(F::R8_USCALED, &[200]).unwrap()[0], 200.0);
        assert_eq!(decode_f32(F::R8_SSCALED, &[0xFE]).unwrap()[0], -2.0);
    }

    #[test]
    fn integer_codecs_clamp_to_the_component_range() {
        let mut out = [0u8; 4];
        encode_u32(F::R8G8B8A8_UINT, [300, 7, 0, 1], &mut out).unwrap();
        assert_eq!(out, [255, 7, 0, 1]);
        encode_i32(F::R8G8B8A8_SINT, [-200, -1, 127, 5], &mut out).unwrap();
        assert_eq!(out, [0x80, 0xFF, 0x7F, 5]);
        assert_eq!(decode_i32(F::R8G8B8A8_SINT, &out), Some([-128, -1, 127, 5]));
        assert_eq!(decode_u32(F::R16_UINT, &[0x34, 0x12]), Some([0x1234, 0, 0, 1]));
        assert_eq!(decode_u32(F::R8_UNORM, &[1]), None, "not a UINT format");
        assert_eq!(decode_i32(F::R8_UINT, &[1]), None, "not a SINT format");
        let mut a2 = [0u8; 4];
        encode_u32(F::A2R10G10B10_UINT_PACK32, [1023, 0, 0, 9], &mut a2).unwrap();
        assert_eq!(u32::from_le_bytes(a2), 1023 << 20 | 3 << 30);
    }

    #[test]
    fn clear_colors_cast_integers_and_split_64_bit_values() {
        assert_eq!(encode_color(F::R8_UINT, ClearColor::Uint([0x123, 0, 0, 0])), Some(vec![0x23]));
        assert_eq!(encode_color(F::R16_SINT, ClearColor::Int([-2, 0, 0, 0])), Some(vec![0xFE, 0xFF]));
        assert_eq!(
            encode_color(F::R8G8B8A8_UNORM, ClearColor::Float([1.0, 0.0, 0.5, 1.0])),
            Some(vec![255, 0, 128, 255])
        );
        // R64_SFLOAT: words 0-1 are the f64 1.0 = 0x3FF0_0000_0000_0000.
        let one = ClearColor::Uint([0, 0x3FF0_0000, 0, 0]);
        assert_eq!(encode_color(F::R64_SFLOAT, one), Some(1.0f64.to_le_bytes().to_vec()));
        let g = encode_color(F::R64G64B64A64_UINT, ClearColor::Uint([1, 0, 2, 3])).unwrap();
        let mut expected = vec![0u8; 32];
        expected[0] = 1;
        expected[8] = 2;
        expected[12] = 3;
        assert_eq!(g, expected);
        assert_eq!(encode_color(F::D16_UNORM, ClearColor::Float([0.0; 4])), None);
        assert_eq!(encode_color(F::UNDEFINED, ClearColor::Float([0.0; 4])), None);
    }

    #[test]
    fn depth_values_encode_per_plane_format() {
        // 0.5 * 65535 = 32767.5 -> 32768 (ties to even)
        assert_eq!(encode_depth(F::D16_UNORM, 0.5), Some(vec![0x00, 0x80]));
        assert_eq!(encode_depth(F::D16_UNORM, 2.0), Some(vec![0xFF, 0xFF]));
        assert_eq!(encode_depth(F::X8_D24_UNORM_PACK32, 1.0), Some(vec![0xFF, 0xFF, 0xFF, 0x00]));
        assert_eq!(encode_depth(F::D24_UNORM_S8_UINT, 1.0), Some(vec![0xFF, 0xFF, 0xFF, 0x00]));
        assert_eq!(encode_depth(F::D32_SFLOAT, 0.25), Some(0.25f32.to_le_bytes().to_vec()));
        assert_eq!(encode_depth(F::R8_UNORM, 0.25), None);
        assert_eq!(encode_depth(F::S8_UINT, 0.25), None);
        assert_eq!(encode_stencil(0x1FF), vec![0xFF]);
    }

    #[test]
    fn short_slices_and_unknown_formats_are_refused() {
        assert_eq!(decode_f32(F::R8G8B8A8_UNORM, &[1, 2, 3]), None);
        assert_eq!(encode_f32(F::R8G8B8A8_UNORM, [0.0; 4], &mut [0u8; 2]), None);
        assert_eq!(decode_f32(F::UNDEFINED, &[0; 16]), None);
        assert_eq!(decode_f32(F::D24_UNORM_S8_UINT, &[0; 16]), None);
        assert!(TexelCodec::new(F::D24_UNORM_S8_UINT).is_none());
    }

    #[test]
    fn every_format_round_trips_its_extreme_values() {
        for description in format::all() {
            let Some(codec) = TexelCodec::new(description.format) else { continue };
            let mut out = vec![0u8; codec.bytes()];
            if codec.class() == ValueClass::Float {
                codec.encode_f32([1.0; 4], &mut out);
                let back = codec.decode_f32(&out);
                let mut again = vec![0u8; codec.bytes()];
                codec.encode_f32(back, &mut again);
                assert_eq!(out, again, "{:?}", description.format);
            }
        }
    }
}
