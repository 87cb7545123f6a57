//! vkCmdBlitImage: scaled, filtered, format-converting copies between two subresources.
//!
//! The icd splits a blit command into one call per region and per (aspect, layer) pair,
//! each with the two subresources' layouts (`layout::SubresourceLayout`, already offset to
//! the level and layer) and the region's corner offsets. This module follows the spec
//! ("Image Copies with Scaling"): for every destination texel centre it computes the
//! source coordinate
//!
//! ```text
//! u = src0.x + (x + 0.5 - dst0.x) * (src1.x - src0.x) / (dst1.x - dst0.x)
//! ```
//!
//! (signed extents, so reversed offsets mirror), samples the source at `u, v, w` with
//! CLAMP_TO_EDGE addressing on the whole source subresource, NEAREST (`floor(u)`) or
//! LINEAR (bilinear, trilinear for 3D), and converts the value to the destination format.
//!
//! Everything that is constant for the call is decided once, before the loops: the
//! conversion (raw texel copy, f32, u32 or i32), the codecs, and the source coordinates of
//! every destination column, row and slice (the sampling is separable). Destination rows
//! are then spread over threads with rayon.

use crate::copy::OutOfBounds;
use crate::format;
use crate::layout::SubresourceLayout;
use crate::memory::MemoryView;
use crate::texel::{TexelCodec, ValueClass};
use ash::vk;

/// One side of a blit: the memory of an image and the layout of one (aspect, level, layer).
#[derive(Clone, Copy, Debug)]
pub struct BlitSurface {
    pub memory: MemoryView,
    pub layout: SubresourceLayout,
}

/// `VkImageBlit`'s corners: `src[0]..src[1]` is sampled into `dst[0]..dst[1]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BlitRegion {
    pub src: [vk::Offset3D; 2],
    pub dst: [vk::Offset3D; 2],
}

/// Destination texels each parallel task converts at least.
const TEXELS_PER_TASK: usize = 4096;

/// Destination texels per block of a 2:1 LINEAR row: 1 KiB of decoded values.
const HALVING_BLOCK: usize = 64;

/// Whether `blit` handles this pair of (plane) formats with this filter: both formats
/// blittable (`format::blit_supported`); depth/stencil only to the identical format and
/// NEAREST; integer formats only to integers of the same signedness and NEAREST; LINEAR
/// only from formats with `SAMPLED_IMAGE_FILTER_LINEAR`.
pub fn blit_supported(src: vk::Format, dst: vk::Format, filter: vk::Filter) -> bool {
    conversion(src, dst, filter).is_some()
}

/// Blits one region between two subresources. Destination texels outside the destination
/// subresource are skipped and reported as `Err(OutOfBounds)` after the others are
/// written; an unsupported combination of formats and filter (see `blit_supported`), or a
/// layout that does not match its format (multisampled, block-compressed), writes nothing
/// and returns `Err(OutOfBounds)` too: such a command is invalid.
pub fn blit(src: &BlitSurface, dst: &BlitSurface, region: &BlitRegion, filter: vk::Filter) -> Result<(), OutOfBounds> {
    let conversion = conversion(src.layout.format, dst.layout.format, filter).ok_or(OutOfBounds)?;
    let src_codec = codec_for(&src.layout).ok_or(OutOfBounds)?;
    let dst_codec = codec_for(&dst.layout).ok_or(OutOfBounds)?;
    let linear = filter == vk::Filter::LINEAR;

    let src_size = [src.layout.extent.width, src.layout.extent.height, src.layout.extent.depth];
    let dst_size = [dst.layout.extent.width, dst.layout.extent.height, dst.layout.extent.depth];
    let [s0, s1] = region.src.map(|o| [o.x, o.y, o.z]);
    let [d0, d1] = region.dst.map(|o| [o.x, o.y, o.z]);
    let mut clipped = false;
    let mut axes: [Axis; 3] = Default::default();
    for a in 0..3 {
        let (axis, was_clipped) =
            Axis::new([s0[a], s1[a]], [d0[a], d1[a]], src_size[a], dst_size[a], linear).ok_or(OutOfBounds)?;
        axes[a] = axis;
        clipped |= was_clipped;
    }
    let [xs, ys, zs] = &axes;
    if xs.taps.is_empty() || ys.taps.is_empty() || zs.taps.is_empty() {
        return if clipped { Err(OutOfBounds) } else { Ok(()) };
    }

    // LINEAR between 4 x 8-bit UNORM formats of a 2D region runs in fixed point.
    let single_slice = zs.taps.iter().all(|t| t.index[0] == t.index[1] || t.weight[1] == 0.0);
    let fixed_point_unorm8 = match (linear && single_slice, src_codec.unorm8x4_order(), dst_codec.unorm8x4_order()) {
        (true, Some(src_bgra), Some(dst_bgra)) => Some(src_bgra != dst_bgra),
        _ => None,
    };
    // What only LINEAR needs is worked out for LINEAR only: this set-up runs on one thread.
    let x_weights: Vec<u32> = if fixed_point_unorm8.is_some() {
        xs.taps.iter().map(|t| quantize_weight(t.weight[1])).collect()
    } else {
        vec![]
    };
    let halving = linear
        && xs.taps.iter().enumerate().all(|(i, t)| {
            let first = xs.src_min + 2 * i as u32;
            t.index == [first, first + 1] && t.weight == [0.5, 0.5]
        });
    // NEAREST magnification by a whole factor k (1024 -> 4096 wide, say): each source
    // texel repeats k times.
    let span = (xs.src_max - xs.src_min) as usize + 1;
    let repeat = xs.taps.len() / span;
    let x_repeat = (!linear
        && repeat * span == xs.taps.len()
        && xs.taps.iter().enumerate().all(|(i, t)| {
            // t.index[0] - src_min == i / repeat, without dividing.
            let first = (t.index[0] - xs.src_min) as usize * repeat;
            (first..first + repeat).contains(&i)
        }))
    .then_some(repeat);
    let job = Job {
        src,
        dst,
        src_codec,
        dst_codec,
        conversion,
        linear,
        fixed_point_unorm8,
        x_weights: &x_weights,
        halving,
        x_repeat,
        xs,
        ys,
        zs,
    };
    let rows = ys.taps.len() * zs.taps.len();
    let rows_per_task = (TEXELS_PER_TASK / xs.taps.len()).max(1);
    let failed = crate::parallel::for_each_row(rows, rows_per_task, Scratch::default, |scratch, i| {
        let (y, z) = (i % ys.taps.len(), i / ys.taps.len());
        job.row(y, z, scratch).is_none()
    });
    if failed || clipped {
        Err(OutOfBounds)
    } else {
        Ok(())
    }
}

/// How values move from the source format to the destination format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Conversion {
    /// Same format, NEAREST: copy the texel bytes (exact, and the only legal way for
    /// depth/stencil).
    Raw,
    Float,
    Uint,
    Sint,
}

fn conversion(src: vk::Format, dst: vk::Format, filter: vk::Filter) -> Option<Conversion> {
    let (src_description, dst_description) = (format::describe(src)?, format::describe(dst)?);
    if !format::blit_supported(src) || !format::blit_supported(dst) {
        return None;
    }
    let linear = match filter {
        vk::Filter::NEAREST => false,
        vk::Filter::LINEAR => true,
        _ => return None,
    };
    if linear && !format::linear_filter_supported(src) {
        return None;
    }
    // spec: "No format conversion is supported between depth/stencil images." A combined
    // format (D24_UNORM_S8_UINT) is blitted aspect by aspect, each a plane of its own
    // format (`format::plane_format`); `blit` itself refuses a combined layout.
    if src_description.is_depth_stencil() || dst_description.is_depth_stencil() {
        return (src == dst && !linear).then_some(Conversion::Raw);
    }
    if src == dst && !linear {
        return Some(Conversion::Raw);
    }
    let (src_class, dst_class) = (TexelCodec::new(src)?.class(), TexelCodec::new(dst)?.class());
    match (src_class, dst_class) {
        (ValueClass::Float, ValueClass::Float) => Some(Conversion::Float),
        (ValueClass::Uint, ValueClass::Uint) => Some(Conversion::Uint),
        (ValueClass::Sint, ValueClass::Sint) => Some(Conversion::Sint),
        _ => None,
    }
}

/// The codec of a subresource's format, if its layout holds plain single-sample texels.
fn codec_for(layout: &SubresourceLayout) -> Option<TexelCodec> {
    let codec = TexelCodec::new(layout.format)?;
    let plain = layout.block_width == 1 && layout.block_height == 1 && layout.block_bytes as usize == codec.bytes();
    plain.then_some(codec)
}

/// Where one destination coordinate samples the source along one axis: `weight[0]` of
/// texel `index[0]` plus `weight[1]` of texel `index[1]` (NEAREST: one texel, weight 1).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Tap {
    index: [u32; 2],
    weight: [f32; 2],
}

impl Tap {
    /// The distinct texels with a non-zero weight.
    fn texels(&self) -> impl Iterator<Item = (u32, f32)> {
        let merged = self.index[0] == self.index[1];
        let first = if merged { (self.index[0], 1.0) } else { (self.index[0], self.weight[0]) };
        let second = (!merged).then_some((self.index[1], self.weight[1]));
        std::iter::once(first).chain(second).filter(|(_, w)| *w != 0.0)
    }
}

/// The taps of every destination coordinate along one axis, for the destination range
/// `first..first + taps.len()` (already clipped to the destination subresource).
#[derive(Clone, Debug, Default)]
struct Axis {
    first: u32,
    taps: Vec<Tap>,
    /// The smallest and largest source texel any tap reads.
    src_min: u32,
    src_max: u32,
}

impl Axis {
    /// Also says whether the destination range had to be clipped. None when the source
    /// has no texels to clamp to.
    fn new(src: [i32; 2], dst: [i32; 2], src_size: u32, dst_size: u32, linear: bool) -> Option<(Axis, bool)> {
        if src_size == 0 {
            return None;
        }
        let (lo, hi) = (i64::from(dst[0].min(dst[1])), i64::from(dst[0].max(dst[1])));
        let (first, end) = (lo.max(0), hi.min(i64::from(dst_size)));
        let clipped = first != lo || end != hi;
        let last_texel = i64::from(src_size) - 1;
        let clamp = |i: i64| i.clamp(0, last_texel) as u32;
        // u = s0 + (x + 0.5 - d0) * (s1 - s0) / (d1 - d0) = s0 + num / den, with
        // num = (2 (x - d0) + 1) (s1 - s0) and den = 2 (d1 - d0), exact in integers.
        let src_extent = i64::from(src[1]) - i64::from(src[0]);
        // den > 0: the sign of d1 - d0 moves to the numerator.
        let dst_extent = i64::from(dst[1]) - i64::from(dst[0]);
        let (sign, den) = if dst_extent < 0 { (-1, -2 * dst_extent) } else { (1, 2 * dst_extent) };
        // spec "Texel Linear Filtering": i0 = floor(u - 0.5), alpha = frac(u - 0.5).
        let linear_tap = |quotient: f64| {
            let t = f64::from(src[0]) - 0.5 + quotient;
            let i0 = floor_to_i64(t);
            let alpha = (t - i0 as f64) as f32;
            Tap { index: [clamp(i0), clamp(i0.saturating_add(1))], weight: [1.0 - alpha, alpha] }
        };
        // spec: NEAREST takes floor(u); `floor` is floor(num / den), exact.
        let nearest_tap = |floor: i64| {
            let i = clamp(i64::from(src[0]).saturating_add(floor));
            Tap { index: [i, i], weight: [1.0, 0.0] }
        };
        let xs = first..end.max(first);
        // Real image sizes keep every numerator in 64 bits, where dividing and converting
        // to f64 are single instructions; in 128 bits they are library calls, which made
        // this serial set-up about a quarter of the instructions each thread runs in a
        // 16-thread NEAREST blit.
        let widest = 2 * (xs.start - i64::from(dst[0])).abs().max((xs.end - i64::from(dst[0])).abs()) + 1;
        let taps: Vec<Tap> = if xs.is_empty() {
            // Also den = 0 (d0 = d1) lands here: nothing to divide by, nothing to write.
            Vec::new()
        } else if widest.checked_mul(src_extent.abs()).is_some_and(|n| n < 1 << 62) {
            let numerator = |x: i64| (2 * (x - i64::from(dst[0])) + 1) * src_extent * sign;
            if linear {
                xs.map(|x| linear_tap(numerator(x) as f64 / den as f64)).collect()
            } else {
                // floor(num / den) stepped along x without a division per texel: num grows
                // by 2 * src_extent * sign a step, so the quotient grows by `step.0` and the
                // remainder by `step.1`, carrying into the quotient when it reaches den.
                let start = numerator(xs.start);
                let (mut floor, mut rem) = (start.div_euclid(den), start.rem_euclid(den));
                let increment = 2 * src_extent * sign;
                let step = (increment.div_euclid(den), increment.rem_euclid(den));
                xs.map(|_| {
                    let tap = nearest_tap(floor);
                    (floor, rem) = (floor + step.0, rem + step.1);
                    if rem >= den {
                        (floor, rem) = (floor + 1, rem - den);
                    }
                    tap
                })
                .collect()
            }
        } else {
            xs.map(|x| {
                let num = i128::from(2 * (x - i64::from(dst[0])) + 1) * i128::from(src_extent * sign);
                if linear {
                    linear_tap(num as f64 / den as f64)
                } else {
                    let floor = num.div_euclid(i128::from(den));
                    nearest_tap(floor.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64)
                }
            })
            .collect()
        };
        let src_min = taps.iter().map(|t| t.index[0].min(t.index[1])).min().unwrap_or(0);
        let src_max = taps.iter().map(|t| t.index[0].max(t.index[1])).max().unwrap_or(0);
        Some((Axis { first: first as u32, taps, src_min, src_max }, clipped))
    }
}

/// Per-thread buffers for LINEAR rows.
#[derive(Default)]
struct Scratch {
    decoded: Vec<[f32; 4]>,
    blended: Vec<[f32; 4]>,
    filtered: Vec<[f32; 4]>,
    /// The fixed-point UNORM8 path's vertically blended row (8.8 fixed point per byte).
    fixed: Vec<u16>,
    /// NEAREST: the source row (y, z) the last destination row of this task came from,
    /// and where that row starts. A magnifying blit repeats it: the next row is a copy.
    last_nearest: Option<(u32, u32, usize)>,
    /// LINEAR: the last two source rows decoded (a blit never writes its source rows, so
    /// they stay valid for the whole command).
    cached: [DecodedRow; 2],
}

/// A decoded source row and which one it is, (y, z).
#[derive(Default)]
struct DecodedRow {
    key: Option<(u32, u32)>,
    texels: Vec<[f32; 4]>,
}

/// Everything one destination row needs, shared by all rows of a call.
struct Job<'a> {
    src: &'a BlitSurface,
    dst: &'a BlitSurface,
    src_codec: TexelCodec,
    dst_codec: TexelCodec,
    conversion: Conversion,
    linear: bool,
    /// `Some(swap)`: LINEAR from and to 4 x 8-bit UNORM, in fixed point (`swap`: R and B
    /// trade places, RGBA <-> BGRA).
    fixed_point_unorm8: Option<bool>,
    /// `xs.taps[i].weight[1]` in 1/256ths, for the fixed-point path.
    x_weights: &'a [u32],
    /// The x taps are an exact 2:1 reduction: destination x reads 2x and 2x+1, halves.
    halving: bool,
    /// NEAREST: destination x reads source texel `src_min + x / k`, for every x.
    x_repeat: Option<usize>,
    xs: &'a Axis,
    ys: &'a Axis,
    zs: &'a Axis,
}

impl Job<'_> {
    /// Writes destination row `y` of slice `z` (indices into the clipped box). None when a
    /// row falls outside its memory.
    fn row(&self, y: usize, z: usize, scratch: &mut Scratch) -> Option<()> {
        let (y_tap, z_tap) = (self.ys.taps.get(y)?, self.zs.taps.get(z)?);
        let dst_bytes = self.dst_codec.bytes();
        let dst_y = u64::from(self.ys.first) + y as u64;
        let dst_z = u64::from(self.zs.first) + z as u64;
        let dst_offset = texel_offset(&self.dst.layout, u64::from(self.xs.first), dst_y, dst_z)?;
        let out = self.dst.memory.bytes_mut(dst_offset, self.xs.taps.len().checked_mul(dst_bytes)?)?;
        if let Some(swap) = self.fixed_point_unorm8 {
            self.linear_unorm8_row(y_tap, z_tap.index[0], out, scratch, swap)
        } else if self.linear {
            self.linear_row(y_tap, z_tap, out, scratch)
        } else {
            let key = (y_tap.index[0], z_tap.index[0]);
            let previous = scratch.last_nearest.filter(|&(y, z, _)| (y, z) == key);
            scratch.last_nearest = None;
            if let Some(previous) = previous.and_then(|(_, _, at)| self.dst.memory.bytes(at, out.len())) {
                out.copy_from_slice(previous);
            } else {
                let source = self.source_segment(key.0, key.1)?;
                self.nearest_row(source, out);
            }
            // Only a row that was written may be repeated.
            scratch.last_nearest = Some((key.0, key.1, dst_offset));
            Some(())
        }
    }

    /// LINEAR between 4 x 8-bit UNORM formats in fixed point, separably: the two source
    /// rows are blended into 8.8 fixed-point values (exact: 255 * 256 fits in 16 bits, a
    /// loop the compiler vectorises), then each destination texel blends two of those with
    /// its x weight and rounds once. Weights have the 8 bits of sub-texel precision softvk
    /// reports; with them the result is the exactly rounded bilinear value.
    fn linear_unorm8_row(&self, y_tap: &Tap, z: u32, out: &mut [u8], scratch: &mut Scratch, swap: bool) -> Option<()> {
        let wy1 = quantize_weight(y_tap.weight[1]);
        let wy0 = 256 - wy1;
        let top = self.source_segment(y_tap.index[0], z)?;
        let bottom = self.source_segment(y_tap.index[1], z)?;
        if self.halving && wy1 == 128 && !swap {
            // The mip-chain case, 2:1 both ways: each output byte is the rounded mean of a
            // 2x2 block, (a + b + c + d + 2) / 4, the same value as the general path.
            halve_unorm8(top, bottom, out);
            return Some(());
        }
        let blended = &mut scratch.fixed;
        blended.clear();
        blended.resize(top.len(), 0);
        // Fixed-size arrays (not slices) so that the compiler turns this into wide SIMD with
        // no bounds checks.
        const LANES: usize = 32;
        let (mut chunks, top_chunks, bottom_chunks) =
            (blended.as_chunks_mut::<LANES>().0.iter_mut(), top.as_chunks::<LANES>().0, bottom.as_chunks::<LANES>().0);
        // 16-bit arithmetic (SSE2 multiplies 8 lanes of it at once): a * wy0 + b * wy1 is
        // at most 255 * 256, since wy0 + wy1 = 256.
        let (w0, w1) = (wy0 as u16, wy1 as u16);
        let blend = |a: u8, b: u8| u16::from(a).wrapping_mul(w0).wrapping_add(u16::from(b).wrapping_mul(w1));
        for ((out, a), b) in (&mut chunks).zip(top_chunks).zip(bottom_chunks) {
            for i in 0..LANES {
                out[i] = blend(a[i], b[i]);
            }
        }
        let done = top.len() / LANES * LANES;
        for ((out, &a), &b) in blended[done..].iter_mut().zip(&top[done..]).zip(&bottom[done..]) {
            *out = blend(a, b);
        }
        if swap {
            self.unorm8_horizontal::<true>(blended, out);
        } else {
            self.unorm8_horizontal::<false>(blended, out);
        }
        Some(())
    }

    /// The horizontal half of `linear_unorm8_row`: each destination texel blends two 8.8
    /// fixed-point texels with its x weight and rounds once. An exact 2:1 reduction (the
    /// mip-chain case: taps 2x and 2x+1, weights 1/2) is a plain pairwise sum.
    fn unorm8_horizontal<const SWAP: bool>(&self, blended: &[u16], out: &mut [u8]) {
        let order = |v: [u8; 4]| if SWAP { [v[2], v[1], v[0], v[3]] } else { v };
        let min = self.xs.src_min as usize;
        if self.halving {
            for (pair, texel_out) in blended.chunks_exact(8).zip(out.chunks_exact_mut(4)) {
                let value: [u8; 4] =
                    std::array::from_fn(|c| ((u32::from(pair[c]) + u32::from(pair[c + 4]) + 256) >> 9) as u8);
                texel_out.copy_from_slice(&order(value));
            }
            return;
        }
        let texels = blended.as_chunks::<4>().0;
        for ((tap, &wx1), texel_out) in self.xs.taps.iter().zip(self.x_weights).zip(out.as_chunks_mut::<4>().0) {
            let (i0, i1) = (tap.index[0] as usize - min, tap.index[1] as usize - min);
            let (Some(a), Some(b)) = (texels.get(i0), texels.get(i1)) else { continue };
            let wx0 = 256 - wx1;
            let value: [u8; 4] =
                std::array::from_fn(|c| ((u32::from(a[c]) * wx0 + u32::from(b[c]) * wx1 + 32768) >> 16) as u8);
            *texel_out = order(value);
        }
    }

    /// The slot of `cache` that holds source row `key` (y, z) decoded: where it is already,
    /// else decoded now into the slot that does not hold row `keep`.
    fn cached_row(&self, key: (u32, u32), keep: (u32, u32), cache: &mut [DecodedRow; 2]) -> Option<usize> {
        if let Some(slot) = cache.iter().position(|row| row.key == Some(key)) {
            return Some(slot);
        }
        let slot = usize::from(cache[0].key == Some(keep));
        let row = &mut cache[slot];
        row.key = None;
        self.src_codec.decode_row_f32(self.source_segment(key.0, key.1)?, &mut row.texels);
        row.key = Some(key);
        Some(slot)
    }

    /// The bytes of source row (`y`, `z`) from `xs.src_min` to `xs.src_max`.
    fn source_segment(&self, y: u32, z: u32) -> Option<&[u8]> {
        let bytes = self.src_codec.bytes();
        let offset = texel_offset(&self.src.layout, u64::from(self.xs.src_min), u64::from(y), u64::from(z))?;
        let texels = (self.xs.src_max - self.xs.src_min) as usize + 1;
        self.src.memory.bytes(offset, texels.checked_mul(bytes)?)
    }

    fn nearest_row(&self, source: &[u8], out: &mut [u8]) {
        let (src_bytes, dst_bytes) = (self.src_codec.bytes(), self.dst_codec.bytes());
        let (src_codec, dst_codec) = (&self.src_codec, &self.dst_codec);
        let texels = self.xs.taps.iter().zip(out.chunks_exact_mut(dst_bytes)).filter_map(|(tap, texel_out)| {
            let at = (tap.index[0] - self.xs.src_min) as usize * src_bytes;
            Some((source.get(at..at + src_bytes)?, texel_out))
        });
        match self.conversion {
            Conversion::Raw => match (src_bytes, self.x_repeat) {
                (_, Some(1)) => out.copy_from_slice(source),
                (4, Some(k)) => repeat_texels::<4>(k, source, out),
                (8, Some(k)) => repeat_texels::<8>(k, source, out),
                (1, _) => copy_texels::<1>(self.xs, source, out),
                (2, _) => copy_texels::<2>(self.xs, source, out),
                (4, _) => copy_texels::<4>(self.xs, source, out),
                (8, _) => copy_texels::<8>(self.xs, source, out),
                (16, _) => copy_texels::<16>(self.xs, source, out),
                _ => texels.for_each(|(texel, out)| out.copy_from_slice(texel)),
            },
            Conversion::Float => texels.for_each(|(texel, out)| dst_codec.encode_f32(src_codec.decode_f32(texel), out)),
            Conversion::Uint => texels.for_each(|(texel, out)| dst_codec.encode_u32(src_codec.decode_u32(texel), out)),
            Conversion::Sint => texels.for_each(|(texel, out)| dst_codec.encode_i32(src_codec.decode_i32(texel), out)),
        }
    }

    /// Bi/trilinear, separably: blend the weighted source rows (up to 2 in y times 2 in z)
    /// into one row over the texels the x taps read (a streaming loop the compiler
    /// vectorises), then filter that row horizontally, then encode.
    fn linear_row(&self, y_tap: &Tap, z_tap: &Tap, out: &mut [u8], scratch: &mut Scratch) -> Option<()> {
        let Scratch { decoded, blended, filtered, cached, .. } = scratch;
        let segment = (self.xs.src_max - self.xs.src_min) as usize + 1;
        let dst_bytes = self.dst_codec.bytes();
        // At most 2 rows in y times 2 slices in z: no allocation per row.
        let mut taps = [(0u32, 0u32, 0f32); 4];
        let mut count = 0;
        for (z, wz) in z_tap.texels() {
            for (y, wy) in y_tap.texels() {
                taps[count] = (y, z, wz * wy);
                count += 1;
            }
        }
        let rows = &taps[..count];
        if let ([(y0, z0, w0), (y1, z1, w1)], true) = (rows, self.halving) {
            // The mip-chain case, 2:1 both ways: means of 2x2 blocks, straight from the bytes,
            // a block of texels at a time so that the values stay in L1 cache between
            // halving and encoding.
            let (top, bottom) = (self.source_segment(*y0, *z0)?, self.source_segment(*y1, *z1)?);
            if *w0 == 0.5 && *w1 == 0.5 && self.src_codec.halves_rows() {
                let (src_block, dst_block) = (2 * HALVING_BLOCK * self.src_codec.bytes(), HALVING_BLOCK * dst_bytes);
                for ((top, bottom), out) in
                    top.chunks(src_block).zip(bottom.chunks(src_block)).zip(out.chunks_mut(dst_block))
                {
                    self.src_codec.halve_rows_f32(top, bottom, filtered);
                    self.dst_codec.encode_row_f32(filtered, out);
                }
                return Some(());
            }
        }
        match rows {
            // The common 2D case: two rows (or one), decoded once each and kept for the
            // next destination rows, which mostly read the same source rows again.
            [(y0, z0, w0), rest @ ..] if rest.len() <= 1 => {
                let (y1, z1, w1) = rest.first().copied().unwrap_or((*y0, *z0, 0.0));
                let (first, second) = ((*y0, *z0), (y1, z1));
                let slot0 = self.cached_row(first, second, cached)?;
                let slot1 = self.cached_row(second, first, cached)?;
                let (a, b) = (cached[slot0].texels.as_flattened(), cached[slot1].texels.as_flattened());
                if blended.len() != a.len() / 4 {
                    // Every value is written below: only a new length needs filling.
                    blended.clear();
                    blended.resize(a.len() / 4, [0.0; 4]);
                }
                for ((out, a), b) in blended.as_flattened_mut().iter_mut().zip(a).zip(b) {
                    *out = w0 * a + w1 * b;
                }
            }
            _ => {
                blended.clear();
                blended.resize(segment, [0.0; 4]);
                for &(y, z, weight) in rows {
                    self.src_codec.decode_row_f32(self.source_segment(y, z)?, decoded);
                    for (acc, texel) in blended.iter_mut().zip(decoded.iter()) {
                        for c in 0..4 {
                            acc[c] += weight * texel[c];
                        }
                    }
                }
            }
        }
        filtered.clear();
        filtered.extend(self.xs.taps.iter().map(|tap| {
            let a = blended.get((tap.index[0] - self.xs.src_min) as usize).copied().unwrap_or_default();
            let b = blended.get((tap.index[1] - self.xs.src_min) as usize).copied().unwrap_or_default();
            std::array::from_fn(|c| tap.weight[0] * a[c] + tap.weight[1] * b[c])
        }));
        // spec: "After filtering, the float values are first clamped and then cast to the
        // destination image format" — the encoder clamps to the format's range.
        self.dst_codec.encode_row_f32(filtered, out);
        Some(())
    }
}

/// 2x2 box filter of two rows of 4 x 8-bit texels into one row of half the width: each
/// output byte is (a + b + c + d + 2) / 4 of its block. SIMD within a register: a texel's
/// four bytes are spread into the four 16-bit lanes of a u64, where sums cannot overflow
/// (4 * 255 + 2 < 2^16), so one u64 addition adds four channels.
fn halve_unorm8(top: &[u8], bottom: &[u8], out: &mut [u8]) {
    // Blocks of 8 output texels: 64 input bytes per row, summed vertically into 16-bit
    // lanes, then each texel pair's lanes added; fixed-size arrays let the compiler use
    // SIMD with no bounds checks.
    const TEXELS: usize = 8;
    let halve = |t: &[u8; 8 * TEXELS], b: &[u8; 8 * TEXELS], o: &mut [u8; 4 * TEXELS]| {
        let mut sums = [0u16; 8 * TEXELS];
        for i in 0..8 * TEXELS {
            sums[i] = u16::from(t[i]) + u16::from(b[i]);
        }
        for x in 0..TEXELS {
            for c in 0..4 {
                o[4 * x + c] = ((sums[8 * x + c] + sums[8 * x + 4 + c] + 2) >> 2) as u8;
            }
        }
    };
    let whole = out.len() / (4 * TEXELS) * (4 * TEXELS);
    let (body, rest) = out.split_at_mut(whole);
    for ((t, b), o) in top.as_chunks().0.iter().zip(bottom.as_chunks().0).zip(body.as_chunks_mut().0) {
        halve(t, b, o);
    }
    // The last texels, one at a time.
    for ((t, b), o) in
        top[2 * whole..].chunks_exact(8).zip(bottom[2 * whole..].chunks_exact(8)).zip(rest.chunks_exact_mut(4))
    {
        for c in 0..4 {
            let sum = u16::from(t[c]) + u16::from(t[c + 4]) + u16::from(b[c]) + u16::from(b[c + 4]);
            o[c] = ((sum + 2) >> 2) as u8;
        }
    }
}

/// A filter weight in 1/256ths: softvk reports `subTexelPrecisionBits` = 8. Rounds half
/// up, as `f32::round` does for values >= 0, by truncating (no libm call).
fn quantize_weight(weight: f32) -> u32 {
    (f64::from(weight.clamp(0.0, 1.0)) * 256.0 + 0.5) as u32
}

/// floor(t), as `f64::floor` but without the libm call baseline x86-64 makes for it;
/// saturates outside the i64 range.
fn floor_to_i64(t: f64) -> i64 {
    let truncated = t as i64;
    truncated - i64::from((truncated as f64) > t)
}

/// NEAREST with no conversion: one fixed-size copy per destination texel (the size known
/// at compile time, so each is a single load and store).
fn copy_texels<const N: usize>(xs: &Axis, source: &[u8], out: &mut [u8]) {
    for (tap, texel_out) in xs.taps.iter().zip(out.chunks_exact_mut(N)) {
        let at = (tap.index[0] - xs.src_min) as usize * N;
        if let Some(texel) = source.get(at..at + N) {
            texel_out.copy_from_slice(texel);
        }
    }
}

/// NEAREST magnification by a whole factor `k`, no conversion: each source texel written
/// `k` times, with no per-texel tap to read.
fn repeat_texels<const N: usize>(k: usize, source: &[u8], out: &mut [u8]) {
    for (texel, run) in source.chunks_exact(N).zip(out.chunks_exact_mut(N * k)) {
        for texel_out in run.chunks_exact_mut(N) {
            texel_out.copy_from_slice(texel);
        }
    }
}

/// Byte offset of texel (x, y, z) in a subresource.
fn texel_offset(layout: &SubresourceLayout, x: u64, y: u64, z: u64) -> Option<usize> {
    let at = layout
        .offset
        .checked_add(z.checked_mul(layout.depth_pitch)?)?
        .checked_add(y.checked_mul(layout.row_pitch)?)?
        .checked_add(x.checked_mul(u64::from(layout.block_bytes))?)?;
    usize::try_from(at).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use vk::Format as F;

    fn layout(format: vk::Format, width: u32, height: u32, depth: u32) -> SubresourceLayout {
        let bytes = format::describe(format).unwrap().block_bytes;
        let row_pitch = u64::from(width * bytes);
        let depth_pitch = row_pitch * u64::from(height);
        SubresourceLayout {
            format,
            offset: 0,
            size: depth_pitch * u64::from(depth),
            row_pitch,
            depth_pitch,
            array_pitch: depth_pitch * u64::from(depth),
            extent: vk::Extent3D { width, height, depth },
            block_bytes: bytes,
            block_width: 1,
            block_height: 1,
        }
    }

    fn offsets(a: [i32; 3], b: [i32; 3]) -> [vk::Offset3D; 2] {
        [vk::Offset3D { x: a[0], y: a[1], z: a[2] }, vk::Offset3D { x: b[0], y: b[1], z: b[2] }]
    }

    /// Channel `c` of an 8-bit sRGB texel as a linear value, in f64 and independently of
    /// the codecs: spec "sRGB transfer functions" (EOTF) for R, G and B; alpha is UNORM.
    fn srgb_reference(byte: u8, c: usize) -> f64 {
        let v = f64::from(byte) / 255.0;
        match c {
            3 => v,
            _ if v <= 0.04045 => v / 12.92,
            _ => ((v + 0.055) / 1.055).powf(2.4),
        }
    }

    /// Blits `src_data` (a `src_size` image) into a fresh zeroed `dst_size` image.
    #[allow(clippy::too_many_arguments)]
    fn run(
        src_format: vk::Format,
        src_size: [u32; 3],
        mut src_data: Vec<u8>,
        dst_format: vk::Format,
        dst_size: [u32; 3],
        region: BlitRegion,
        filter: vk::Filter,
    ) -> (Result<(), OutOfBounds>, Vec<u8>) {
        let src_layout = layout(src_format, src_size[0], src_size[1], src_size[2]);
        let dst_layout = layout(dst_format, dst_size[0], dst_size[1], dst_size[2]);
        let mut dst_data = vec![0u8; dst_layout.size as usize];
        let src = BlitSurface { memory: MemoryView::of_slice(&mut src_data), layout: src_layout };
        let dst = BlitSurface { memory: MemoryView::of_slice(&mut dst_data), layout: dst_layout };
        let result = blit(&src, &dst, &region, filter);
        (result, dst_data)
    }

    #[test]
    fn linear_2x_downscale_averages_each_2x2_block() {
        // 4x4 RGBA8, R = 10 * (x + 4y), G = 4 * x, B = 255 - 8 * y, A = 255.
        let mut src = Vec::new();
        for y in 0..4u8 {
            for x in 0..4u8 {
                src.extend_from_slice(&[10 * (x + 4 * y), 4 * x, 255 - 8 * y, 255]);
            }
        }
        let region = BlitRegion { src: offsets([0, 0, 0], [4, 4, 1]), dst: offsets([0, 0, 0], [2, 2, 1]) };
        let (result, dst) =
            run(F::R8G8B8A8_UNORM, [4, 4, 1], src, F::R8G8B8A8_UNORM, [2, 2, 1], region, vk::Filter::LINEAR);
        assert_eq!(result, Ok(()));
        // Block (0,0): R (0+10+40+50)/4 = 25, G (0+4+0+4)/4 = 2, B (255+255+247+247)/4 = 251.
        // Block (1,0): R (20+30+60+70)/4 = 45, G (8+12)/2 = 10.  Row 1: R + 80, B 235.
        let expected = [
            25, 2, 251, 255, 45, 10, 251, 255, //
            105, 2, 235, 255, 125, 10, 235, 255,
        ];
        assert_eq!(dst, expected);
    }

    #[test]
    fn fixed_point_unorm8_linear_is_within_one_of_the_float_path() {
        // An odd scale in both axes, mirrored in y, from RGBA8: to RGBA8 (fixed point) and
        // to RGBA32F (float), whose values rounded to 8 bits must agree within 1.
        let (sw, sh, dw, dh) = (37u32, 23u32, 16u32, 41u32);
        let src: Vec<u8> = (0..sw * sh * 4).map(|i| (i * 97 % 256) as u8).collect();
        let region = BlitRegion {
            src: offsets([0, 0, 0], [sw as i32, sh as i32, 1]),
            dst: offsets([0, dh as i32, 0], [dw as i32, 0, 1]),
        };
        let (r8, fixed) = run(
            F::R8G8B8A8_UNORM,
            [sw, sh, 1],
            src.clone(),
            F::R8G8B8A8_UNORM,
            [dw, dh, 1],
            region,
            vk::Filter::LINEAR,
        );
        let (r32, float) = run(
            F::R8G8B8A8_UNORM,
            [sw, sh, 1],
            src.clone(),
            F::R32G32B32A32_SFLOAT,
            [dw, dh, 1],
            region,
            vk::Filter::LINEAR,
        );
        let (_, bgra) =
            run(F::R8G8B8A8_UNORM, [sw, sh, 1], src, F::B8G8R8A8_UNORM, [dw, dh, 1], region, vk::Filter::LINEAR);
        assert_eq!((r8, r32), (Ok(()), Ok(())));
        for (i, (&f, v)) in fixed.iter().zip(float.chunks_exact(4)).enumerate() {
            let reference = f32::from_le_bytes(v.try_into().unwrap()) * 255.0;
            assert!((f32::from(f) - reference).abs() <= 1.0, "byte {i}: {f} vs {reference}");
        }
        for (rgba, bgra) in fixed.chunks_exact(4).zip(bgra.chunks_exact(4)) {
            assert_eq!([rgba[2], rgba[1], rgba[0], rgba[3]], bgra);
        }
    }

    #[test]
    fn halving_box_filter_rounds_each_channel_to_nearest() {
        let top = [0, 255, 1, 2, 1, 255, 1, 1];
        let bottom = [0, 255, 0, 3, 1, 255, 1, 2];
        let mut out = [0u8; 4];
        halve_unorm8(&top, &bottom, &mut out);
        // sums 2, 1020, 3, 8 -> (sum + 2) / 4 = 1, 255, 1, 2
        assert_eq!(out, [1, 255, 1, 2]);
    }

    #[test]
    fn linear_upscale_interpolates_and_clamps_at_the_edge() {
        // 2x1 -> 4x1: u - 0.5 = -0.25, 0.25, 0.75, 1.25 -> a, 0.75a + 0.25b, 0.25a + 0.75b, b.
        let region = BlitRegion { src: offsets([0, 0, 0], [2, 1, 1]), dst: offsets([0, 0, 0], [4, 1, 1]) };
        let (result, dst) =
            run(F::R8_UNORM, [2, 1, 1], vec![0, 200], F::R8_UNORM, [4, 1, 1], region, vk::Filter::LINEAR);
        assert_eq!(result, Ok(()));
        assert_eq!(dst, [0, 50, 150, 200]);
    }

    #[test]
    fn linear_2d_blits_match_a_per_texel_bilinear_reference() {
        // sRGB to RGBA32F, up (7x5 -> 13x11), down (13x11 -> 5x4) and mirrored in y: the
        // decoded source rows are reused and replaced in every order.
        for (src_size, dst_size, mirror) in
            [((7, 5), (13, 11), false), ((13, 11), (5, 4), false), ((7, 5), (9, 12), true)]
        {
            let (sw, sh) = src_size;
            let (dw, dh) = dst_size;
            let src: Vec<u8> = (0..sw * sh * 4).map(|i| (i * 53 % 256) as u8).collect();
            let dst_y = if mirror { [dh as i32, 0] } else { [0, dh as i32] };
            let region = BlitRegion {
                src: offsets([0, 0, 0], [sw as i32, sh as i32, 1]),
                dst: offsets([0, dst_y[0], 0], [dw as i32, dst_y[1], 1]),
            };
            let (result, dst) = run(
                F::R8G8B8A8_SRGB,
                [sw, sh, 1],
                src.clone(),
                F::R32G32B32A32_SFLOAT,
                [dw, dh, 1],
                region,
                vk::Filter::LINEAR,
            );
            assert_eq!(result, Ok(()));
            // spec "Texel Linear Filtering": i0 = floor(u - 0.5), weights from its fraction,
            // texel coordinates clamped to the edge.
            let taps = |x: u32, src: u32, dst: u32| {
                let u = (f64::from(x) + 0.5) * f64::from(src) / f64::from(dst) - 0.5;
                let (i0, alpha) = (u.floor(), u - u.floor());
                let clamp = |i: f64| i.clamp(0.0, f64::from(src - 1)) as u32;
                [(clamp(i0), 1.0 - alpha), (clamp(i0 + 1.0), alpha)]
            };
            for y in 0..dh {
                let sy = if mirror { dh - 1 - y } else { y };
                for x in 0..dw {
                    for c in 0..4 {
                        let mut want = 0.0;
                        for (ty, wy) in taps(sy, sh, dh) {
                            for (tx, wx) in taps(x, sw, dw) {
                                want += wy * wx * srgb_reference(src[((ty * sw + tx) * 4) as usize + c], c);
                            }
                        }
                        let at = (((y * dw + x) * 4) as usize + c) * 4;
                        let got = f64::from(f32::from_le_bytes(dst[at..at + 4].try_into().unwrap()));
                        assert!(
                            (got - want).abs() < 1e-5,
                            "{src_size:?} -> {dst_size:?} ({x}, {y}) c{c}: {got} vs {want}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn linear_3d_blit_filters_between_slices() {
        // 1x1x2 -> 1x1x1: w = 1.0, w - 0.5 = 0.5 -> the mean of the two slices.
        let region = BlitRegion { src: offsets([0, 0, 0], [1, 1, 2]), dst: offsets([0, 0, 0], [1, 1, 1]) };
        let (result, dst) =
            run(F::R8_UNORM, [1, 1, 2], vec![100, 200], F::R8_UNORM, [1, 1, 1], region, vk::Filter::LINEAR);
        assert_eq!(result, Ok(()));
        assert_eq!(dst, [150]);
    }

    #[test]
    fn nearest_2x_upscale_repeats_each_texel() {
        let region = BlitRegion { src: offsets([0, 0, 0], [2, 2, 1]), dst: offsets([0, 0, 0], [4, 4, 1]) };
        let (result, dst) =
            run(F::R8_UINT, [2, 2, 1], vec![1, 2, 3, 4], F::R8_UINT, [4, 4, 1], region, vk::Filter::NEAREST);
        assert_eq!(result, Ok(()));
        assert_eq!(dst, [1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4]);
    }

    #[test]
    fn zero_sized_destination_regions_write_nothing() {
        for filter in [vk::Filter::NEAREST, vk::Filter::LINEAR] {
            for dst in [offsets([2, 0, 0], [2, 4, 1]), offsets([0, 3, 0], [4, 3, 1])] {
                let region = BlitRegion { src: offsets([0, 0, 0], [4, 4, 1]), dst };
                let (result, data) =
                    run(F::R8G8B8A8_UNORM, [4, 4, 1], vec![9; 64], F::R8G8B8A8_UNORM, [4, 4, 1], region, filter);
                assert_eq!(result, Ok(()), "{filter:?} {dst:?}");
                assert!(data.iter().all(|&b| b == 0), "{filter:?} {dst:?}");
            }
        }
    }

    #[test]
    fn axis_taps_match_exact_arithmetic_for_any_direction_and_offset() {
        // The set-up steps NEAREST taps without dividing and uses 64-bit arithmetic; check
        // both against floor((2 (x - d0) + 1) (s1 - s0) / (2 (d1 - d0))) in i128, and the
        // LINEAR taps against the same u in f64.
        let cases = [
            ([0, 1024], [0, 4096], 1024),
            ([0, 100], [0, 300], 100),
            ([7, 93], [5, 61], 100),
            ([93, 7], [5, 61], 100),
            ([7, 93], [61, 5], 100),
            ([-20, 130], [-3, 70], 100),
            ([3, 4], [0, 1000], 10),
            ([0, 1000], [0, 3], 1000),
        ];
        for (src, dst, src_size) in cases {
            for linear in [false, true] {
                let (axis, _) = Axis::new(src, dst, src_size, 1000, linear).unwrap();
                for (i, tap) in axis.taps.iter().enumerate() {
                    let x = i128::from(axis.first) + i as i128;
                    let num = (2 * (x - i128::from(dst[0])) + 1) * (i128::from(src[1]) - i128::from(src[0]));
                    let den = 2 * (i128::from(dst[1]) - i128::from(dst[0]));
                    let clamp = |i: i128| i.clamp(0, i128::from(src_size) - 1) as u32;
                    if linear {
                        let t = f64::from(src[0]) - 0.5 + num as f64 / den as f64;
                        let i0 = t.floor() as i128;
                        assert_eq!(tap.index, [clamp(i0), clamp(i0 + 1)], "{src:?} {dst:?} x={x}");
                        assert!((tap.weight[1] - (t - t.floor()) as f32).abs() < 1e-6, "{src:?} {dst:?} x={x}");
                    } else {
                        let floor = if den < 0 { (-num).div_euclid(-den) } else { num.div_euclid(den) };
                        let want = clamp(i128::from(src[0]) + floor);
                        assert_eq!(tap.index, [want, want], "{src:?} {dst:?} x={x}");
                    }
                }
            }
        }
    }

    #[test]
    fn nearest_whole_factor_and_same_size_blits_match_a_per_texel_reference() {
        // RGBA8 from a 60x4 region at x = 20 of a 100x4 image: 3x wider (each texel three
        // times), the same size, and mirrored (not a whole-factor repeat).
        let (w, h) = (100usize, 4usize);
        let src: Vec<u8> = (0..w * h * 4).map(|i| (i * 7 % 251) as u8).collect();
        for (dst_x, dst_w) in [([0, 180], 180usize), ([0, 60], 60), ([60, 0], 60)] {
            let region =
                BlitRegion { src: offsets([20, 0, 0], [80, 4, 1]), dst: offsets([dst_x[0], 0, 0], [dst_x[1], 4, 1]) };
            let size = [dst_w as u32, 4, 1];
            let (result, dst) =
                run(F::R8G8B8A8_UNORM, [100, 4, 1], src.clone(), F::R8G8B8A8_UNORM, size, region, vk::Filter::NEAREST);
            assert_eq!(result, Ok(()));
            for y in 0..h {
                for x in 0..dst_w {
                    let from = if dst_x[0] > dst_x[1] { dst_w - 1 - x } else { x };
                    let sx = 20 + from * 60 / dst_w;
                    let (d, s) = ((y * dst_w + x) * 4, (y * w + sx) * 4);
                    assert_eq!(dst[d..d + 4], src[s..s + 4], "{dst_x:?}: ({x}, {y})");
                }
            }
        }
    }

    #[test]
    fn reversed_destination_offsets_mirror_the_image() {
        let region = BlitRegion { src: offsets([0, 0, 0], [4, 2, 1]), dst: offsets([4, 0, 0], [0, 2, 1]) };
        let src = vec![1, 2, 3, 4, 5, 6, 7, 8];
        let (result, dst) =
            run(F::R8_UNORM, [4, 2, 1], src.clone(), F::R8_UNORM, [4, 2, 1], region, vk::Filter::NEAREST);
        assert_eq!(result, Ok(()));
        assert_eq!(dst, [4, 3, 2, 1, 8, 7, 6, 5]);
        // Flipping y through the source offsets instead.
        let region = BlitRegion { src: offsets([0, 2, 0], [4, 0, 1]), dst: offsets([0, 0, 0], [4, 2, 1]) };
        let (_, dst) = run(F::R8_UNORM, [4, 2, 1], src, F::R8_UNORM, [4, 2, 1], region, vk::Filter::LINEAR);
        assert_eq!(dst, [5, 6, 7, 8, 1, 2, 3, 4]);
    }

    #[test]
    fn srgb_to_half_float_decodes_to_linear() {
        // sRGB 0x80 -> 0.2158605 -> f16 0x32E8 (0.21582); alpha 0xFF -> 1.0 = 0x3C00.
        let region = BlitRegion { src: offsets([0, 0, 0], [1, 1, 1]), dst: offsets([0, 0, 0], [1, 1, 1]) };
        let (result, dst) = run(
            F::R8G8B8A8_SRGB,
            [1, 1, 1],
            vec![0x80, 0x80, 0x80, 0xFF],
            F::R16G16B16A16_SFLOAT,
            [1, 1, 1],
            region,
            vk::Filter::NEAREST,
        );
        assert_eq!(result, Ok(()));
        assert_eq!(dst, [0xE8, 0x32, 0xE8, 0x32, 0xE8, 0x32, 0x00, 0x3C]);
    }

    #[test]
    fn integer_blit_clamps_to_the_destination_range() {
        let region = BlitRegion { src: offsets([0, 0, 0], [2, 1, 1]), dst: offsets([0, 0, 0], [2, 1, 1]) };
        let (result, dst) =
            run(F::R16_UINT, [2, 1, 1], vec![0x2C, 0x01, 7, 0], F::R8_UINT, [2, 1, 1], region, vk::Filter::NEAREST);
        assert_eq!(result, Ok(()));
        assert_eq!(dst, [255, 7]);
        let (result, _) = run(F::R16_UINT, [2, 1, 1], vec![0; 4], F::R8_UINT, [2, 1, 1], region, vk::Filter::LINEAR);
        assert_eq!(result, Err(OutOfBounds), "integer formats have no LINEAR filter");
        let (result, _) = run(F::R16_UINT, [2, 1, 1], vec![0; 4], F::R8_SINT, [2, 1, 1], region, vk::Filter::NEAREST);
        assert_eq!(result, Err(OutOfBounds), "signedness must match");
    }

    #[test]
    fn depth_blit_copies_raw_texels_of_the_same_format_only() {
        let src: Vec<u8> = (1..=16).collect();
        let region = BlitRegion { src: offsets([0, 0, 0], [4, 1, 1]), dst: offsets([0, 0, 0], [2, 1, 1]) };
        let (result, dst) = run(
            F::X8_D24_UNORM_PACK32,
            [4, 1, 1],
            src.clone(),
            F::X8_D24_UNORM_PACK32,
            [2, 1, 1],
            region,
            vk::Filter::NEAREST,
        );
        assert_eq!(result, Ok(()));
        // u = 1.0 and 3.0: texels 1 and 3, bytes unchanged (padding included).
        assert_eq!(dst, [5, 6, 7, 8, 13, 14, 15, 16]);
        let (result, _) = run(
            F::X8_D24_UNORM_PACK32,
            [4, 1, 1],
            src.clone(),
            F::X8_D24_UNORM_PACK32,
            [2, 1, 1],
            region,
            vk::Filter::LINEAR,
        );
        assert_eq!(result, Err(OutOfBounds));
        let (result, _) = run(F::D32_SFLOAT, [4, 1, 1], src, F::R32_SFLOAT, [2, 1, 1], region, vk::Filter::NEAREST);
        assert_eq!(result, Err(OutOfBounds));
    }

    #[test]
    fn destination_outside_the_image_is_clipped_and_reported() {
        let region = BlitRegion { src: offsets([0, 0, 0], [2, 1, 1]), dst: offsets([-1, 0, 0], [3, 1, 1]) };
        let (result, dst) =
            run(F::R8_UNORM, [2, 1, 1], vec![10, 20], F::R8_UNORM, [2, 1, 1], region, vk::Filter::NEAREST);
        assert_eq!(result, Err(OutOfBounds));
        // The region is 4 wide from x = -1: u = (x + 0.5 + 1) * 2 / 4, so the two texels
        // inside sample u = 0.75 (texel 0) and 1.25 (texel 1).
        assert_eq!(dst, [10, 20]);
    }

    #[test]
    fn unknown_formats_and_64_bit_formats_are_refused() {
        let region = BlitRegion { src: offsets([0, 0, 0], [1, 1, 1]), dst: offsets([0, 0, 0], [1, 1, 1]) };
        let (result, _) =
            run(F::R64_SFLOAT, [1, 1, 1], vec![0; 8], F::R64_SFLOAT, [1, 1, 1], region, vk::Filter::NEAREST);
        assert_eq!(result, Err(OutOfBounds));
        assert!(!blit_supported(F::UNDEFINED, F::R8_UNORM, vk::Filter::NEAREST));
        assert!(blit_supported(F::R8_UNORM, F::B10G11R11_UFLOAT_PACK32, vk::Filter::LINEAR));
        assert!(!blit_supported(F::R8_UNORM, F::R8_UNORM, vk::Filter::CUBIC_EXT));
    }

    #[test]
    fn large_blit_rows_run_in_parallel_and_match_a_serial_reference() {
        // 3x nearest upscale of a 100x50 gradient, compared with a direct per-texel loop.
        let (w, h) = (100u32, 50u32);
        let src: Vec<u8> = (0..w * h).map(|i| (i * 7 % 251) as u8).collect();
        let region = BlitRegion { src: offsets([0, 0, 0], [100, 50, 1]), dst: offsets([0, 0, 0], [300, 150, 1]) };
        let (result, dst) =
            run(F::R8_UNORM, [w, h, 1], src.clone(), F::R8_UNORM, [300, 150, 1], region, vk::Filter::NEAREST);
        assert_eq!(result, Ok(()));
        for y in 0..150usize {
            for x in 0..300usize {
                assert_eq!(dst[y * 300 + x], src[(y / 3) * 100 + x / 3], "({x}, {y})");
            }
        }
    }

    #[test]
    fn srgb_to_half_float_halving_matches_the_mean_of_each_decoded_block() {
        // 2:1 in x and y, 150 destination texels a row: two whole halving blocks and a part.
        let (w, h) = (300u32, 4u32);
        let src: Vec<u8> = (0..w * h * 4).map(|i| (i * 37 % 253) as u8).collect();
        let region = BlitRegion { src: offsets([0, 0, 0], [300, 4, 1]), dst: offsets([0, 0, 0], [150, 2, 1]) };
        let (result, dst) = run(
            F::R8G8B8A8_SRGB,
            [w, h, 1],
            src.clone(),
            F::R16G16B16A16_SFLOAT,
            [150, 2, 1],
            region,
            vk::Filter::LINEAR,
        );
        assert_eq!(result, Ok(()));
        for y in 0..2usize {
            for x in 0..150usize {
                for c in 0..4 {
                    let at = |sx: usize, sy: usize| srgb_reference(src[(sy * w as usize + sx) * 4 + c], c);
                    let want =
                        (at(2 * x, 2 * y) + at(2 * x + 1, 2 * y) + at(2 * x, 2 * y + 1) + at(2 * x + 1, 2 * y + 1))
                            / 4.0;
                    let o = ((y * 150 + x) * 4 + c) * 2;
                    let got = f64::from(half::f16::from_le_bytes([dst[o], dst[o + 1]]));
                    // Within one f16 step (2^-11 relative) of the exact mean.
                    assert!((got - want).abs() <= want * 2f64.powi(-11) + 1e-7, "({x}, {y}) c{c}: {got} vs {want}");
                }
            }
        }
    }
}
