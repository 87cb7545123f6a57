//! One texel in and out of shader-visible memory: the bytes move through
//! [`SharedMemory`] atomics (never a slice of the image, which other invocations read and
//! write at the same time) into a small local buffer, and `TexelCodec` turns that buffer
//! into the four 32-bit words a shader sees, or back.

use crate::format::{self, Codec, Encoding};
use crate::texel::{TexelCodec, ValueClass};
use ash::vk;
use shader::memory::SharedMemory;

/// The largest texel softvk has: R64G64B64A64 (32 bytes).
const MAX_TEXEL_BYTES: usize = 32;

/// Texel bytes to shader words, for one class of format.
type Decode = fn(&TexelCodec, &[u8]) -> [u32; 4];
/// Shader words to texel bytes.
type Encode = fn(&TexelCodec, [u32; 4], &mut [u8]);

/// A format's codec with the conversion to and from shader words chosen once.
#[derive(Clone, Copy, Debug)]
pub(super) struct TexelIo {
    codec: TexelCodec,
    decode: Decode,
    encode: Encode,
}

impl TexelIo {
    /// None for formats without texels of their own (compressed, combined depth/stencil)
    /// and for texels larger than any format softvk knows.
    pub(super) fn new(format: vk::Format) -> Option<TexelIo> {
        let codec = TexelCodec::new(format)?;
        if codec.bytes() > MAX_TEXEL_BYTES {
            return None;
        }
        let (decode, encode): (Decode, Encode) = match codec.class() {
            ValueClass::Float => (decode_float, encode_float),
            ValueClass::Uint => (decode_uint, encode_uint),
            ValueClass::Sint => (decode_sint, encode_sint),
        };
        Some(TexelIo { codec, decode, encode })
    }

    pub(super) fn bytes(&self) -> usize {
        self.codec.bytes()
    }

    pub(super) fn class(&self) -> ValueClass {
        self.codec.class()
    }

    /// The texel at `offset` as shader words; None when it is not inside `memory`.
    pub(super) fn load(&self, memory: &SharedMemory, offset: usize) -> Option<[u32; 4]> {
        let mut bytes = [0u8; MAX_TEXEL_BYTES];
        let texel = &mut bytes[..self.bytes()];
        load_bytes(memory, offset, texel)?;
        Some((self.decode)(&self.codec, texel))
    }

    /// Writes shader words as a texel at `offset`; dropped when it is not inside `memory`.
    pub(super) fn store(&self, memory: &SharedMemory, offset: usize, words: [u32; 4]) {
        let mut bytes = [0u8; MAX_TEXEL_BYTES];
        let texel = &mut bytes[..self.bytes()];
        (self.encode)(&self.codec, words, texel);
        store_bytes(memory, offset, texel);
    }
}

fn decode_float(codec: &TexelCodec, texel: &[u8]) -> [u32; 4] {
    codec.decode_f32(texel).map(f32::to_bits)
}

fn decode_uint(codec: &TexelCodec, texel: &[u8]) -> [u32; 4] {
    codec.decode_u32(texel)
}

fn decode_sint(codec: &TexelCodec, texel: &[u8]) -> [u32; 4] {
    codec.decode_i32(texel).map(|v| v as u32)
}

fn encode_float(codec: &TexelCodec, words: [u32; 4], out: &mut [u8]) {
    codec.encode_f32(words.map(f32::from_bits), out);
}

fn encode_uint(codec: &TexelCodec, words: [u32; 4], out: &mut [u8]) {
    codec.encode_u32(words, out);
}

fn encode_sint(codec: &TexelCodec, words: [u32; 4], out: &mut [u8]) {
    codec.encode_i32(words.map(|w| w as i32), out);
}

/// The access unit for `len` bytes at `offset`: the largest of 8, 4, 2, 1 bytes that
/// divides the length, the offset and the address, so that a 32-bit texel is one atomic
/// 32-bit access (what image atomics on it use) and no access is misaligned even when
/// the window itself starts at an odd address.
fn unit(memory: &SharedMemory, offset: usize, len: usize) -> usize {
    let address = (memory.as_ptr() as usize).wrapping_add(offset);
    [8, 4, 2]
        .into_iter()
        .find(|&u| len.is_multiple_of(u) && offset.is_multiple_of(u) && address.is_multiple_of(u))
        .unwrap_or(1)
}

fn load_bytes(memory: &SharedMemory, offset: usize, out: &mut [u8]) -> Option<()> {
    let end = offset.checked_add(out.len())?;
    if end > memory.len() {
        return None;
    }
    let unit = unit(memory, offset, out.len());
    for (i, chunk) in out.chunks_exact_mut(unit).enumerate() {
        let value = memory.load(offset + i * unit, unit)?;
        chunk.copy_from_slice(&value.to_le_bytes()[..unit]);
    }
    Some(())
}

fn store_bytes(memory: &SharedMemory, offset: usize, bytes: &[u8]) {
    let Some(end) = offset.checked_add(bytes.len()) else { return };
    if end > memory.len() {
        return;
    }
    let unit = unit(memory, offset, bytes.len());
    for (i, chunk) in bytes.chunks_exact(unit).enumerate() {
        let mut word = [0u8; 8];
        word[..unit].copy_from_slice(chunk);
        memory.store(offset + i * unit, unit, u64::from_le_bytes(word));
    }
}

/// Which RGBA components a format stores (spec "Conversion to RGBA": the others read as
/// 0, 0, 0, one; "Texel Replacement": a border colour replaces only these).
pub(super) fn present_components(format: vk::Format) -> [bool; 4] {
    let mut present = [false; 4];
    match format::describe(format).map(|d| d.codec) {
        Some(Codec::Channels { channels, .. }) => {
            channels.iter().for_each(|c| present[usize::from(c.component & 3)] = true)
        }
        Some(Codec::SharedExponent) => present[..3].fill(true),
        _ => {}
    }
    present
}

/// Whether a (depth) format is fixed-point: `Dref` is then clamped to [0, 1] (spec
/// "Depth Compare Operation").
pub(super) fn is_unorm(format: vk::Format) -> bool {
    matches!(format::describe(format).map(|d| d.codec), Some(Codec::Channels { encoding: Encoding::Unorm, .. }))
}

/// Where each output component of a view's `VkComponentMapping` comes from: an index
/// into `[r, g, b, a, 0, one]` (spec "Component Swizzle").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Swizzle {
    sources: [u8; 4],
    /// The word of "one": 1.0 for float formats, 1 for integer ones.
    one: u32,
}

impl Swizzle {
    pub(super) fn new(mapping: vk::ComponentMapping, class: ValueClass) -> Swizzle {
        let source = |swizzle: vk::ComponentSwizzle, identity: u8| match swizzle {
            vk::ComponentSwizzle::R => 0,
            vk::ComponentSwizzle::G => 1,
            vk::ComponentSwizzle::B => 2,
            vk::ComponentSwizzle::A => 3,
            vk::ComponentSwizzle::ZERO => 4,
            vk::ComponentSwizzle::ONE => 5,
            _ => identity,
        };
        Swizzle {
            sources: [source(mapping.r, 0), source(mapping.g, 1), source(mapping.b, 2), source(mapping.a, 3)],
            one: one_word(class),
        }
    }

    pub(super) fn apply(&self, rgba: [u32; 4]) -> [u32; 4] {
        let extended = [rgba[0], rgba[1], rgba[2], rgba[3], 0, self.one];
        self.sources.map(|s| extended[usize::from(s)])
    }
}

/// The word of "one" in a texel of this class: 1.0 or integer 1.
pub(super) fn one_word(class: ValueClass) -> u32 {
    match class {
        ValueClass::Float => 1f32.to_bits(),
        ValueClass::Uint | ValueClass::Sint => 1,
    }
}
