//! `OpImageSample*` and `OpImage*Gather` on a [`ShaderImage`], step by step as the
//! spec's "Image Operations" chapter describes them: LOD clamping and level selection,
//! (s, t, r) to (u, v, w) scaling with texel offsets, the wrapping operation, nearest or
//! linear filtering within a level and between levels, cube map face selection, border
//! texel replacement, depth comparison, and the view's component swizzle last.
//!
//! Weights (the fractions α, β, γ between texels and δ between levels) are quantized to
//! the 8 bits softvk reports as `subTexelPrecisionBits` and `mipmapPrecisionBits`.
//! Integer formats are never filtered (they cannot have `SAMPLED_IMAGE_FILTER_LINEAR`):
//! their texels are returned as they are, as are those of any single-texel lookup.
//! Cube maps are sampled within one face (edges clamp), not seamlessly across faces.

use super::texel_io::one_word;
use super::{Level, ShaderImage, ShaderSampler};
use crate::texel::ValueClass;
use ash::vk;

/// 2^subTexelPrecisionBits (= 2^mipmapPrecisionBits): the steps of a filter weight.
const WEIGHT_STEPS: f32 = 256.0;

/// A fraction rounded to the nearest representable weight.
fn quantize(fraction: f32) -> f32 {
    (fraction * WEIGHT_STEPS).round() / WEIGHT_STEPS
}

/// What stays the same for every texel one sample or gather reads.
struct Lookup {
    /// Spatial dimensions: 1, 2 (also cube faces) or 3.
    dims: usize,
    /// s, t, r (on the selected face, for cubes).
    coords: [f32; 3],
    normalized: bool,
    offset: [i32; 3],
    /// The array layer (for cubes: 6 * cube + face).
    layer: i64,
    modes: [vk::SamplerAddressMode; 3],
    /// The border texel after "Texel Replacement" and "Conversion to RGBA".
    border: [u32; 4],
    /// The compare op and the (clamped) reference value, for `Dref` instructions.
    compare: Option<(vk::CompareOp, f32)>,
}

/// The texels along one axis of a footprint: wrapped coordinates and their weights.
#[derive(Clone, Copy, Debug)]
struct Axis {
    coords: [i64; 2],
    weights: [f32; 2],
    taps: usize,
}

impl Axis {
    /// An axis the image does not have: coordinate 0.
    const UNUSED: Axis = Axis { coords: [0, 0], weights: [1.0, 0.0], taps: 1 };

    /// spec: nearest filtering, `i = floor(u)`.
    fn nearest(u: f32, size: u32, mode: vk::SamplerAddressMode) -> Axis {
        Axis { coords: [wrap(u.floor() as i64, size, mode), 0], weights: [1.0, 0.0], taps: 1 }
    }

    /// spec: linear filtering, `i0 = floor(u - 0.5)`, `i1 = i0 + 1`, `α = frac(u - 0.5)`.
    fn linear(u: f32, size: u32, mode: vk::SamplerAddressMode) -> Axis {
        let x = u - 0.5;
        let floor = x.floor();
        let alpha = quantize(x - floor);
        let i0 = floor as i64;
        Axis {
            coords: [wrap(i0, size, mode), wrap(i0.saturating_add(1), size, mode)],
            weights: [1.0 - alpha, alpha],
            taps: 2,
        }
    }
}

/// spec "Wrapping Operation". Clamp to border may give -1 or `size`: a border texel.
fn wrap(i: i64, size: u32, mode: vk::SamplerAddressMode) -> i64 {
    let size = i64::from(size.max(1));
    match mode {
        vk::SamplerAddressMode::REPEAT => i.rem_euclid(size),
        vk::SamplerAddressMode::MIRRORED_REPEAT => (size - 1) - mirror(i.rem_euclid(2 * size) - size),
        vk::SamplerAddressMode::CLAMP_TO_BORDER => i.clamp(-1, size),
        vk::SamplerAddressMode::MIRROR_CLAMP_TO_EDGE => mirror(i).clamp(0, size - 1),
        _ => i.clamp(0, size - 1),
    }
}

fn mirror(n: i64) -> i64 {
    if n >= 0 {
        n
    } else {
        -(1 + n)
    }
}

/// spec "Cube Map Face Selection" and "Cube Map Coordinate Transformation": the face
/// (its layer number) and (s_face, t_face). Ties go to z, then y, as the spec advises.
fn cube_face([x, y, z]: [f32; 3]) -> (i64, f32, f32) {
    let (ax, ay, az) = (x.abs(), y.abs(), z.abs());
    let (face, sc, tc, ma) = if az >= ax && az >= ay {
        if z < 0.0 {
            (5, -x, -y, az)
        } else {
            (4, x, -y, az)
        }
    } else if ay >= ax {
        if y < 0.0 {
            (3, x, -z, ay)
        } else {
            (2, x, z, ay)
        }
    } else if x < 0.0 {
        (1, z, -y, ax)
    } else {
        (0, -z, -y, ax)
    };
    (face, 0.5 * sc / ma + 0.5, 0.5 * tc / ma + 0.5)
}

/// `reference op test` (spec "Depth Compare Operation": `Dref` is the reference, the
/// texel the test value).
pub(crate) fn compare(op: vk::CompareOp, reference: f32, test: f32) -> bool {
    match op {
        vk::CompareOp::LESS => reference < test,
        vk::CompareOp::EQUAL => reference == test,
        vk::CompareOp::LESS_OR_EQUAL => reference <= test,
        vk::CompareOp::GREATER => reference > test,
        vk::CompareOp::NOT_EQUAL => reference != test,
        vk::CompareOp::GREATER_OR_EQUAL => reference >= test,
        vk::CompareOp::ALWAYS => true,
        _ => false,
    }
}

/// spec: `l = clamp(RNE(a), 0, count - 1)`.
fn layer_index(a: f32, count: u32) -> i64 {
    (a.round_ties_even() as i64).max(0).min(i64::from(count.max(1)) - 1)
}

fn lerp(a: [u32; 4], b: [u32; 4], t: f32) -> [u32; 4] {
    std::array::from_fn(|c| ((1.0 - t) * f32::from_bits(a[c]) + t * f32::from_bits(b[c])).to_bits())
}

impl ShaderImage {
    fn lookup(&self, sampler: &ShaderSampler, c: [f32; 4], dref: Option<f32>, offset: [i32; 3]) -> Lookup {
        let mut look = Lookup {
            dims: 2,
            coords: [c[0], c[1], 0.0],
            normalized: !sampler.unnormalized_coordinates,
            offset,
            layer: 0,
            modes: sampler.address_modes,
            border: self.border(sampler),
            compare: sampler.compare.zip(dref).map(|(op, d)| (op, if self.dref_clamp { d.clamp(0.0, 1.0) } else { d })),
        };
        match self.view_type {
            vk::ImageViewType::TYPE_1D => (look.dims, look.coords[1]) = (1, 0.0),
            vk::ImageViewType::TYPE_1D_ARRAY => {
                (look.dims, look.coords[1], look.layer) = (1, 0.0, layer_index(c[1], self.layers));
            }
            vk::ImageViewType::TYPE_2D_ARRAY => look.layer = layer_index(c[2], self.layers),
            vk::ImageViewType::TYPE_3D => (look.dims, look.coords[2]) = (3, c[2]),
            vk::ImageViewType::CUBE | vk::ImageViewType::CUBE_ARRAY => {
                let (face, s, t) = cube_face([c[0], c[1], c[2]]);
                let cube =
                    if self.view_type == vk::ImageViewType::CUBE { 0 } else { layer_index(c[3], self.layers / 6) };
                look.coords = [s, t, 0.0];
                look.layer = 6 * cube + face;
                // spec "Wrapping Operation": cube images ignore the sampler's wrap modes;
                // without seamless filtering softvk clamps to the face's edge. Offsets
                // and unnormalized coordinates are not allowed with cubes.
                look.modes = [vk::SamplerAddressMode::CLAMP_TO_EDGE; 3];
                (look.offset, look.normalized) = ([0; 3], true);
            }
            _ => {}
        }
        look
    }

    /// The border colour as a texel of this view: only the components the format has
    /// come from the colour (spec "Texel Replacement"); the rest read as 0, 0, 0, one.
    fn border(&self, sampler: &ShaderSampler) -> [u32; 4] {
        let words = sampler.border_words();
        let one = one_word(self.io.class());
        std::array::from_fn(|c| match (self.present[c], c) {
            (true, _) => words[c],
            (false, 3) => one,
            (false, _) => 0,
        })
    }

    /// One texel of the footprint (a border texel outside the level), depth-compared.
    fn tap(&self, look: &Lookup, level: u32, texel: [i64; 4]) -> [u32; 4] {
        let mut t = self.load(level, texel, 0).unwrap_or(look.border);
        if let Some((op, reference)) = look.compare {
            t[0] = if compare(op, reference, f32::from_bits(t[0])) { 1f32 } else { 0f32 }.to_bits();
        }
        t
    }

    fn axis(&self, look: &Lookup, level: &Level, a: usize, linear: bool) -> Axis {
        if a >= look.dims {
            return Axis::UNUSED;
        }
        let size = level.extent[a];
        // spec "(s,t,r,q,a) to (u,v,w,a) Transformation": u = s * width + Δi.
        let scaled = if look.normalized { look.coords[a] * size as f32 } else { look.coords[a] };
        let u = scaled + look.offset[a] as f32;
        if linear {
            Axis::linear(u, size, look.modes[a])
        } else {
            Axis::nearest(u, size, look.modes[a])
        }
    }

    /// spec "Texel Filtering" within one level: one texel, or the weighted sum of 2, 4
    /// or 8 (texels of weight zero are not read).
    fn filter_level(&self, look: &Lookup, level: u32, linear: bool) -> [u32; 4] {
        let Some(l) = self.levels.get(level as usize) else { return look.border };
        let [ai, aj, ak] = [0, 1, 2].map(|a| self.axis(look, l, a, linear));
        if !linear {
            return self.tap(look, level, [ai.coords[0], aj.coords[0], ak.coords[0], look.layer]);
        }
        let mut sum = [0f32; 4];
        for k in 0..ak.taps {
            for j in 0..aj.taps {
                for i in 0..ai.taps {
                    let weight = ai.weights[i] * aj.weights[j] * ak.weights[k];
                    if weight == 0.0 {
                        continue;
                    }
                    let texel = self.tap(look, level, [ai.coords[i], aj.coords[j], ak.coords[k], look.layer]);
                    for (s, t) in sum.iter_mut().zip(texel) {
                        *s += weight * f32::from_bits(t);
                    }
                }
            }
        }
        sum.map(f32::to_bits)
    }

    pub(super) fn sample_with(
        &self,
        sampler: &ShaderSampler,
        coord: [f32; 4],
        lod: f32,
        dref: Option<f32>,
        offset: [i32; 3],
    ) -> [u32; 4] {
        let look = self.lookup(sampler, coord, dref, offset);
        // spec "LOD Operation": λ = clamp(λbase + bias, minLod, maxLod), without a panic
        // when an application gives minLod > maxLod (undefined there).
        let lambda = (lod + sampler.mip_lod_bias).max(sampler.min_lod).min(sampler.max_lod);
        let filterable = self.io.class() == ValueClass::Float;
        let filter = if lambda <= 0.0 { sampler.mag_filter } else { sampler.min_filter };
        let linear = filterable && filter == vk::Filter::LINEAR;
        // spec "Image Level(s) Selection", relative to the view's base level.
        let q = self.levels.len().saturating_sub(1) as u32;
        let d = lambda.max(0.0).min(q as f32);
        let texel = if filterable && sampler.mipmap_mode == vk::SamplerMipmapMode::LINEAR {
            let hi = d.floor();
            let delta = quantize(d - hi);
            let (hi, lo) = (hi as u32, (hi as u32 + 1).min(q));
            let upper = self.filter_level(&look, hi, linear);
            if delta == 0.0 || lo == hi {
                upper
            } else {
                lerp(upper, self.filter_level(&look, lo, linear), delta)
            }
        } else {
            // nearest(d') = ceil(d' + 0.5) - 1, the spec's preferred rounding.
            self.filter_level(&look, ((d + 0.5).ceil() - 1.0).max(0.0) as u32, linear)
        };
        self.swizzle.apply(texel)
    }

    /// spec "Texel Gathering": the 2x2 footprint of LINEAR filtering in the base level,
    /// each texel swizzled, component `component` of each, in the order i0j1, i1j1,
    /// i1j0, i0j0.
    pub(super) fn gather_with(
        &self,
        sampler: &ShaderSampler,
        coord: [f32; 4],
        component: u32,
        dref: Option<f32>,
        offset: [i32; 3],
    ) -> [u32; 4] {
        let look = self.lookup(sampler, coord, dref, offset);
        let Some(base) = self.levels.first() else { return [0; 4] };
        let (ai, aj) = (self.axis(&look, base, 0, true), self.axis(&look, base, 1, true));
        let c = (component & 3) as usize;
        let texel =
            |i: usize, j: usize| self.swizzle.apply(self.tap(&look, 0, [ai.coords[i], aj.coords[j], 0, look.layer]))[c];
        [texel(0, 1), texel(1, 1), texel(1, 0), texel(0, 0)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_follows_the_spec_formulas_for_each_address_mode() {
        use vk::SamplerAddressMode as M;
        // size 4; inputs -5..=8; expected results worked out by hand from the formulas.
        let inputs = [-5, -4, -1, 0, 3, 4, 5, 8];
        let cases = [
            (M::REPEAT, [3, 0, 3, 0, 3, 0, 1, 0]),
            // (size-1) - mirror((i mod 8) - 4): -5 -> 3-mirror(-1)=3; -4 -> 3-0=3; -1 -> 3-3=0;
            // 0 -> 3-3=0; 3 -> 3; 4 -> 3; 5 -> 2; 8 -> 0.
            (M::MIRRORED_REPEAT, [3, 3, 0, 0, 3, 3, 2, 0]),
            (M::CLAMP_TO_EDGE, [0, 0, 0, 0, 3, 3, 3, 3]),
            (M::CLAMP_TO_BORDER, [-1, -1, -1, 0, 3, 4, 4, 4]),
            // clamp(mirror(i), 0, 3): -5 -> 4 -> 3; -4 -> 3; -1 -> 0.
            (M::MIRROR_CLAMP_TO_EDGE, [3, 3, 0, 0, 3, 3, 3, 3]),
        ];
        for (mode, expected) in cases {
            let got = inputs.map(|i| wrap(i, 4, mode));
            assert_eq!(got, expected, "{mode:?}");
        }
        assert_eq!(wrap(i64::MIN, 4, M::MIRRORED_REPEAT), wrap(0, 4, M::MIRRORED_REPEAT));
        assert_eq!(wrap(i64::MIN, 4, M::MIRROR_CLAMP_TO_EDGE), 3);
    }

    #[test]
    fn linear_weights_are_quantized_to_8_bits() {
        // u = 1.3 on a 4-texel axis: u - 0.5 = 0.8 -> i0 = 0, α = 0.8 -> 205/256.
        let axis = Axis::linear(1.3, 4, vk::SamplerAddressMode::REPEAT);
        assert_eq!(axis.coords, [0, 1]);
        assert_eq!(axis.weights, [51.0 / 256.0, 205.0 / 256.0]);
    }

    #[test]
    fn cube_faces_follow_the_major_axis_and_ties_prefer_z_then_y() {
        assert_eq!(cube_face([1.0, 0.0, 0.0]), (0, 0.5, 0.5));
        assert_eq!(cube_face([1.0, 1.0, 1.0]).0, 4);
        assert_eq!(cube_face([1.0, -1.0, 0.5]).0, 3);
        // +X: sc = -rz, tc = -ry: (1, 0.5, -0.5) -> s = 0.5*0.5+0.5, t = 0.5*-0.5+0.5.
        assert_eq!(cube_face([1.0, 0.5, -0.5]), (0, 0.75, 0.25));
        // A zero vector must not panic (the result is undefined).
        let _ = cube_face([0.0, 0.0, 0.0]);
    }

    #[test]
    fn compare_uses_dref_as_reference() {
        assert!(compare(vk::CompareOp::LESS, 0.25, 0.5));
        assert!(!compare(vk::CompareOp::LESS, 0.5, 0.5));
        assert!(compare(vk::CompareOp::GREATER_OR_EQUAL, 0.5, 0.5));
        assert!(!compare(vk::CompareOp::NEVER, 0.0, 1.0));
        assert!(compare(vk::CompareOp::ALWAYS, 1.0, 0.0));
    }
}
