//! Sampling and gathering, against values worked out from the spec's formulas.

use super::*;
use shader::interp::ImageResource;
use vk::Filter as Fi;
use vk::Format as F;
use vk::ImageViewType as T;
use vk::SamplerAddressMode as M;

/// R32_SFLOAT 2x2: row 0 is 1, 2 and row 1 is 3, 4.
fn two_by_two() -> Image {
    let mut image = Image::new(F::R32_SFLOAT, [2, 2, 1], 1, 1);
    image.set_f32(0, &[1.0, 2.0, 3.0, 4.0]);
    image
}

/// R32_SFLOAT 4x1: 10, 20, 30, 40.
fn row_of_four() -> Image {
    let mut image = Image::new(F::R32_SFLOAT, [4, 1, 1], 1, 1);
    image.set_f32(0, &[10.0, 20.0, 30.0, 40.0]);
    image
}

/// The R of a sample at (s, t) and `lod`.
fn red(view: &ShaderImage, sampler: &ShaderSampler, s: f32, t: f32, lod: f32) -> f32 {
    f32::from_bits(view.sample(sampler, [s, t, 0.0, 0.0], lod, None, [0; 3])[0])
}

#[test]
fn nearest_sampling_picks_the_texel_the_coordinate_lies_in() {
    let mut image = two_by_two();
    let view = image.view(T::TYPE_2D);
    let nearest = sampler(Fi::NEAREST, M::CLAMP_TO_EDGE);
    for (s, t, expected) in
        [(0.25, 0.25, 1.0), (0.75, 0.25, 2.0), (0.25, 0.75, 3.0), (0.75, 0.75, 4.0), (0.5, 0.5, 4.0)]
    {
        assert_eq!(floats(view.sample(&nearest, [s, t, 0.0, 0.0], 0.0, None, [0; 3])), [expected, 0.0, 0.0, 1.0]);
    }
    // An offset of (1, 1) texels moves (0.25, 0.25) -> u = 0.5 + 1 to texel (1, 1).
    assert_eq!(f32::from_bits(view.sample(&nearest, [0.25, 0.25, 0.0, 0.0], 0.0, None, [1, 1, 0])[0]), 4.0);
}

#[test]
fn linear_sampling_blends_the_2x2_footprint_with_8_bit_weights() {
    let mut image = two_by_two();
    let view = image.view(T::TYPE_2D);
    let linear = sampler(Fi::LINEAR, M::CLAMP_TO_EDGE);
    // Centre: u = v = 1.0, α = β = 0.5: the mean 2.5.
    assert_eq!(red(&view, &linear, 0.5, 0.5, 0.0), 2.5);
    // u = 0.75: α = 0.25; rows 0.75*1 + 0.25*2 = 1.25 and 0.75*3 + 0.25*4 = 3.25, β = 0.5.
    assert_eq!(red(&view, &linear, 0.375, 0.5, 0.0), 2.25);
    // A texel centre reads the texel alone.
    assert_eq!(red(&view, &linear, 0.25, 0.25, 0.0), 1.0);
    // u = 0.6: α = 0.1 -> round(25.6) / 256 = 26/256: (230*1 + 26*2) / 256 = 1.1015625.
    assert_eq!(red(&view, &linear, 0.3, 0.25, 0.0), 1.101_562_5);
    // Alpha (one) blends to one.
    assert_eq!(floats(view.sample(&linear, [0.5, 0.5, 0.0, 0.0], 0.0, None, [0; 3]))[3], 1.0);
}

#[test]
fn each_address_mode_wraps_coordinates_outside_0_1() {
    let mut image = row_of_four();
    let view = image.view(T::TYPE_2D);
    // s -> i = floor(4s): 1.125 -> 4, -0.125 -> -1, 1.375 -> 5, -0.375 -> -2, 2.125 -> 8.
    // Border: FLOAT_OPAQUE_WHITE on a one-component format is R = 1.
    let s = [1.125, -0.125, 1.375, -0.375, 2.125];
    let cases = [
        (M::REPEAT, [10.0, 40.0, 20.0, 30.0, 10.0]),
        (M::MIRRORED_REPEAT, [40.0, 10.0, 30.0, 20.0, 10.0]),
        (M::CLAMP_TO_EDGE, [40.0, 10.0, 40.0, 10.0, 40.0]),
        (M::CLAMP_TO_BORDER, [1.0; 5]),
        (M::MIRROR_CLAMP_TO_EDGE, [40.0, 10.0, 40.0, 20.0, 40.0]),
    ];
    for (mode, expected) in cases {
        let nearest = ShaderSampler { border_color: vk::BorderColor::FLOAT_OPAQUE_WHITE, ..sampler(Fi::NEAREST, mode) };
        assert_eq!(s.map(|s| red(&view, &nearest, s, 0.5, 0.0)), expected, "{mode:?}");
    }
}

#[test]
fn border_colours_replace_only_the_components_the_format_has() {
    let border = |color, custom| ShaderSampler {
        border_color: color,
        custom_border_color: custom,
        ..sampler(Fi::NEAREST, M::CLAMP_TO_BORDER)
    };
    let outside = [-0.5, 0.5, 0.0, 0.0];
    let mut rgba = Image::new(F::R8G8B8A8_UNORM, [2, 2, 1], 1, 1);
    let black = border(vk::BorderColor::FLOAT_OPAQUE_BLACK, [0; 4]);
    assert_eq!(floats(rgba.view(T::TYPE_2D).sample(&black, outside, 0.0, None, [0; 3])), [0.0, 0.0, 0.0, 1.0]);
    let custom = [0.25f32, 0.5, 0.75, 0.125].map(f32::to_bits);
    let float_custom = border(vk::BorderColor::FLOAT_CUSTOM_EXT, custom);
    assert_eq!(
        floats(rgba.view(T::TYPE_2D).sample(&float_custom, outside, 0.0, None, [0; 3])),
        [0.25, 0.5, 0.75, 0.125]
    );
    let mut red_only = two_by_two();
    assert_eq!(
        floats(red_only.view(T::TYPE_2D).sample(&float_custom, outside, 0.0, None, [0; 3])),
        [0.25, 0.0, 0.0, 1.0]
    );
    let mut uint = Image::new(F::R32_UINT, [2, 2, 1], 1, 1);
    let white = border(vk::BorderColor::INT_OPAQUE_WHITE, [0; 4]);
    assert_eq!(uint.view(T::TYPE_2D).sample(&white, outside, 0.0, None, [0; 3]), [1, 0, 0, 1]);
    let mut rgba_uint = Image::new(F::R8G8B8A8_UINT, [2, 2, 1], 1, 1);
    let int_custom = border(vk::BorderColor::INT_CUSTOM_EXT, [5, 6, 7, 8]);
    assert_eq!(rgba_uint.view(T::TYPE_2D).sample(&int_custom, outside, 0.0, None, [0; 3]), [5, 6, 7, 8]);
}

#[test]
fn linear_filtering_blends_border_texels_in() {
    let mut image = row_of_four();
    let view = image.view(T::TYPE_2D);
    // s = 0: u - 0.5 = -0.5, i0 = -1 (border, R = 0, A = one), i1 = 0 (10), α = 0.5.
    let linear = sampler(Fi::LINEAR, M::CLAMP_TO_BORDER);
    assert_eq!(floats(view.sample(&linear, [0.0, 0.5, 0.0, 0.0], 0.0, None, [0; 3])), [5.0, 0.0, 0.0, 1.0]);
}

#[test]
fn integer_formats_are_never_filtered() {
    let mut image = Image::new(F::R32_UINT, [2, 2, 1], 1, 1);
    image.set(0, &[1, 2, 3, 4]);
    let linear = ShaderSampler { mipmap_mode: vk::SamplerMipmapMode::LINEAR, ..sampler(Fi::LINEAR, M::REPEAT) };
    // Nearest: u = v = 1.5 -> texel (1, 1).
    assert_eq!(image.view(T::TYPE_2D).sample(&linear, [0.75, 0.75, 0.0, 0.0], 0.0, None, [0; 3]), [4, 0, 0, 1]);
}

/// R32_SFLOAT 2x2 with two levels: level 0 (at 0) all 4.0, level 1 (1x1, at 16) 8.0.
fn two_levels() -> Image {
    let mut image = Image::new(F::R32_SFLOAT, [2, 2, 1], 2, 1);
    image.set_f32(0, &[4.0; 4]);
    image.set_f32(16, &[8.0]);
    image
}

#[test]
fn linear_mipmapping_blends_two_levels_by_the_clamped_lod() {
    let mut image = two_levels();
    let view = image.view(T::TYPE_2D);
    let mip = ShaderSampler { mipmap_mode: vk::SamplerMipmapMode::LINEAR, ..sampler(Fi::NEAREST, M::CLAMP_TO_EDGE) };
    let at = |sampler: &ShaderSampler, lod| red(&view, sampler, 0.5, 0.5, lod);
    assert_eq!([0.0, 0.25, 0.5, 1.0, 3.0].map(|lod| at(&mip, lod)), [4.0, 5.0, 6.0, 8.0, 8.0]);
    // δ = 0.1 -> 26/256: (230*4 + 26*8) / 256 = 4.40625.
    assert_eq!(at(&mip, 0.1), 4.406_25);
    assert_eq!(at(&ShaderSampler { max_lod: 0.25, ..mip }, 0.75), 5.0);
    assert_eq!(at(&ShaderSampler { min_lod: 0.5, ..mip }, 0.0), 6.0);
    assert_eq!(at(&ShaderSampler { mip_lod_bias: 0.5, ..mip }, 0.0), 6.0);
    // minLod > maxLod is undefined, but must not panic.
    let _ = at(&ShaderSampler { min_lod: 2.0, max_lod: 1.0, ..mip }, 0.0);
}

#[test]
fn nearest_mipmapping_rounds_half_down_and_views_start_at_their_base_level() {
    let mut image = two_levels();
    let view = image.view(T::TYPE_2D);
    let mip = sampler(Fi::NEAREST, M::CLAMP_TO_EDGE);
    // nearest(d) = ceil(d + 0.5) - 1: 0.5 -> 0, 0.5001 -> 1.
    assert_eq!([0.5, 0.5001, 1.4, -2.0].map(|lod| red(&view, &mip, 0.5, 0.5, lod)), [4.0, 8.0, 8.0, 4.0]);
    let upper = image.view_of(T::TYPE_2D, F::R32_SFLOAT, vk::ImageAspectFlags::COLOR, (1, 1), (0, 1));
    assert_eq!(red(&upper, &mip, 0.5, 0.5, 0.0), 8.0);
}

#[test]
fn magnification_uses_mag_filter_and_minification_min_filter() {
    let mut image = two_by_two();
    let view = image.view(T::TYPE_2D);
    let mag_linear = ShaderSampler { mag_filter: Fi::LINEAR, ..sampler(Fi::NEAREST, M::CLAMP_TO_EDGE) };
    let min_linear = ShaderSampler { min_filter: Fi::LINEAR, ..sampler(Fi::NEAREST, M::CLAMP_TO_EDGE) };
    // At the centre LINEAR gives 2.5 and NEAREST texel (1, 1) = 4; λ <= 0 magnifies.
    assert_eq!([-1.0, 0.0, 0.25].map(|lod| red(&view, &mag_linear, 0.5, 0.5, lod)), [2.5, 2.5, 4.0]);
    assert_eq!([-1.0, 0.0, 0.25].map(|lod| red(&view, &min_linear, 0.5, 0.5, lod)), [4.0, 4.0, 2.5]);
}

#[test]
fn unnormalized_coordinates_are_texel_coordinates() {
    let mut image = row_of_four();
    let view = image.view(T::TYPE_2D);
    let nearest = ShaderSampler { unnormalized_coordinates: true, ..sampler(Fi::NEAREST, M::CLAMP_TO_EDGE) };
    let linear = ShaderSampler { unnormalized_coordinates: true, ..sampler(Fi::LINEAR, M::CLAMP_TO_EDGE) };
    assert_eq!(red(&view, &nearest, 2.5, 0.5, 0.0), 30.0);
    // u = 2.0: i0 = 1, α = 0.5: (20 + 30) / 2.
    assert_eq!(red(&view, &linear, 2.0, 0.5, 0.0), 25.0);
}

#[test]
fn the_view_swizzle_applies_to_samples() {
    let mut image = two_by_two();
    use vk::ComponentSwizzle as S;
    let view = image
        .try_view(ImageView {
            format: F::R32_SFLOAT,
            view_type: T::TYPE_2D,
            range: vk::ImageSubresourceRange {
                aspect_mask: vk::ImageAspectFlags::COLOR,
                base_mip_level: 0,
                level_count: 1,
                base_array_layer: 0,
                layer_count: 1,
            },
            components: vk::ComponentMapping { r: S::ZERO, g: S::R, b: S::ONE, a: S::IDENTITY },
        })
        .unwrap();
    let nearest = sampler(Fi::NEAREST, M::CLAMP_TO_EDGE);
    assert_eq!(floats(view.sample(&nearest, [0.75, 0.25, 0.0, 0.0], 0.0, None, [0; 3])), [0.0, 2.0, 1.0, 1.0]);
}

#[test]
fn array_layers_are_rounded_to_nearest_even_and_clamped() {
    // 1D array, 2 wide, 3 layers: texel x of layer l is 10l + x + 1, at 16l + 4x.
    let mut image = Image::new(F::R32_SFLOAT, [2, 1, 1], 1, 3);
    for layer in 0..3 {
        image.set_f32(16 * layer, &[10.0 * layer as f32 + 1.0, 10.0 * layer as f32 + 2.0]);
    }
    let view = image.view(T::TYPE_1D_ARRAY);
    let nearest = sampler(Fi::NEAREST, M::CLAMP_TO_EDGE);
    // (s, layer): RNE(2.2) = 2, 5 -> 2, -1 -> 0, RNE(0.5) = 0, RNE(1.5) = 2.
    let layers = [2.2, 5.0, -1.0, 0.5, 1.5];
    assert_eq!(layers.map(|a| red(&view, &nearest, 0.75, a, 0.0)), [22.0, 22.0, 2.0, 2.0, 22.0]);
    let mut flat = Image::new(F::R32_SFLOAT, [2, 1, 1], 1, 3);
    flat.set_f32(32, &[7.0, 8.0]);
    let array = flat.view(T::TYPE_2D_ARRAY);
    assert_eq!(f32::from_bits(array.sample(&nearest, [0.75, 0.5, 2.0, 0.0], 0.0, None, [0; 3])[0]), 8.0);
}

#[test]
fn three_d_linear_filtering_blends_slices() {
    // 2x2x2: slice 0 zeros, slice 1 (at 16) 8.0.
    let mut image = Image::new(F::R32_SFLOAT, [2, 2, 2], 1, 1);
    image.set_f32(16, &[8.0; 4]);
    let view = image.view(T::TYPE_3D);
    let at =
        |sampler: &ShaderSampler, r| f32::from_bits(view.sample(sampler, [0.5, 0.5, r, 0.0], 0.0, None, [0; 3])[0]);
    // w = 1.0: γ = 0.5 between the slices.
    assert_eq!(at(&sampler(Fi::LINEAR, M::CLAMP_TO_EDGE), 0.5), 4.0);
    assert_eq!(at(&sampler(Fi::NEAREST, M::CLAMP_TO_EDGE), 0.75), 8.0);
}

#[test]
fn cube_directions_select_faces_by_major_axis() {
    // A 1x1 cube: face f (a 16-byte layer) holds 10f + 1.
    let mut image = Image::new(F::R32_SFLOAT, [1, 1, 1], 1, 6);
    for face in 0..6 {
        image.set_f32(16 * face, &[10.0 * face as f32 + 1.0]);
    }
    let view = image.view(T::CUBE);
    let linear = sampler(Fi::LINEAR, M::REPEAT);
    let directions =
        [[1.0, 0.0, 0.0], [-1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, -1.0, 0.0], [0.0, 0.0, 1.0], [0.0, 0.0, -1.0]];
    let faces = directions.map(|[x, y, z]| f32::from_bits(view.sample(&linear, [x, y, z, 0.0], 0.0, None, [0; 3])[0]));
    assert_eq!(faces, [1.0, 11.0, 21.0, 31.0, 41.0, 51.0]);
    let off_axis = view.sample(&linear, [2.0, 0.5, -0.3, 0.0], 0.0, None, [0; 3]);
    assert_eq!(f32::from_bits(off_axis[0]), 1.0);
}

#[test]
fn cube_face_coordinates_follow_the_spec_table() {
    // 2x2 faces, 16 bytes each. Face +X: texel (i, j) = 100 + i + 2j; face +Y (at 32)
    // texel (1, 1) = 203.
    let mut image = Image::new(F::R32_SFLOAT, [2, 2, 1], 1, 6);
    image.set_f32(0, &[100.0, 101.0, 102.0, 103.0]);
    image.set_f32(32 + 12, &[203.0]);
    let view = image.view(T::CUBE);
    let nearest = sampler(Fi::NEAREST, M::REPEAT);
    let at = |d: [f32; 3]| f32::from_bits(view.sample(&nearest, [d[0], d[1], d[2], 0.0], 0.0, None, [0; 3])[0]);
    // +X: sc = -rz, tc = -ry. (1, 0.5, -0.5): s = 0.75, t = 0.25 -> (1, 0).
    assert_eq!(at([1.0, 0.5, -0.5]), 101.0);
    // (1, -0.5, 0.5): s = 0.25, t = 0.75 -> (0, 1).
    assert_eq!(at([1.0, -0.5, 0.5]), 102.0);
    // +Y: sc = rx, tc = rz. (0.5, 1, 0.5): s = t = 0.75 -> (1, 1).
    assert_eq!(at([0.5, 1.0, 0.5]), 203.0);
}

#[test]
fn cube_arrays_pick_the_cube_from_the_fourth_coordinate() {
    // 12 layers of 1x1: layer l holds 10l + 1. +Z is face 4.
    let mut image = Image::new(F::R32_SFLOAT, [1, 1, 1], 1, 12);
    for layer in 0..12 {
        image.set_f32(16 * layer, &[10.0 * layer as f32 + 1.0]);
    }
    let view = image.view(T::CUBE_ARRAY);
    let nearest = sampler(Fi::NEAREST, M::REPEAT);
    // a = 1 -> layer 10; 0.5 -> RNE 0 -> layer 4; 1.5 -> 2, clamped to 1; -3 -> 0.
    let cubes =
        [1.0, 0.5, 1.5, -3.0].map(|a| f32::from_bits(view.sample(&nearest, [0.0, 0.0, 1.0, a], 0.0, None, [0; 3])[0]));
    assert_eq!(cubes, [101.0, 41.0, 101.0, 41.0]);
}

#[test]
fn depth_comparison_happens_per_texel_before_filtering() {
    // D32 2x1: 0.25, 0.75. LESS: Dref < texel.
    let mut image = Image::new(F::D32_SFLOAT, [2, 1, 1], 1, 1);
    image.set_f32(0, &[0.25, 0.75]);
    let view = image.view_of(T::TYPE_2D, F::D32_SFLOAT, vk::ImageAspectFlags::DEPTH, (0, 1), (0, 1));
    let less = |filter| ShaderSampler { compare: Some(vk::CompareOp::LESS), ..sampler(filter, M::CLAMP_TO_EDGE) };
    let at = |sampler: &ShaderSampler, s, dref| floats(view.sample(sampler, [s, 0.5, 0.0, 0.0], 0.0, dref, [0; 3]));
    assert_eq!(at(&less(Fi::NEAREST), 0.25, Some(0.5)), [0.0, 0.0, 0.0, 1.0]);
    assert_eq!(at(&less(Fi::NEAREST), 0.75, Some(0.5)), [1.0, 0.0, 0.0, 1.0]);
    // LINEAR at the centre: results 0 and 1 blend to 0.5 (filtering the depths first
    // would give 0.5 < 0.5, false).
    assert_eq!(at(&less(Fi::LINEAR), 0.5, Some(0.5)), [0.5, 0.0, 0.0, 1.0]);
    // Without Dref the depth itself.
    assert_eq!(at(&less(Fi::NEAREST), 0.75, None), [0.75, 0.0, 0.0, 1.0]);
}

#[test]
fn dref_is_clamped_for_unorm_depth_only() {
    let lequal =
        ShaderSampler { compare: Some(vk::CompareOp::LESS_OR_EQUAL), ..sampler(Fi::NEAREST, M::CLAMP_TO_EDGE) };
    let depth = vk::ImageAspectFlags::DEPTH;
    // D16 1.0 (0xFFFF): Dref 2.0 clamps to 1.0 <= 1.0.
    let mut unorm = Image::new(F::D16_UNORM, [1, 1, 1], 1, 1);
    unorm.set(0, &[0xFFFF]);
    let view = unorm.view_of(T::TYPE_2D, F::D16_UNORM, depth, (0, 1), (0, 1));
    assert_eq!(f32::from_bits(view.sample(&lequal, [0.5; 4], 0.0, Some(2.0), [0; 3])[0]), 1.0);
    // D32 1.0: 2.0 <= 1.0 is false.
    let mut float = Image::new(F::D32_SFLOAT, [1, 1, 1], 1, 1);
    float.set_f32(0, &[1.0]);
    let view = float.view_of(T::TYPE_2D, F::D32_SFLOAT, depth, (0, 1), (0, 1));
    assert_eq!(f32::from_bits(view.sample(&lequal, [0.5; 4], 0.0, Some(2.0), [0; 3])[0]), 0.0);
}

#[test]
fn gathers_return_one_component_of_the_footprint_in_spec_order() {
    // R32G32 2x2 (8-byte texels): R = 1, 2 / 3, 4 and G = 10 R.
    let mut image = Image::new(F::R32G32_SFLOAT, [2, 2, 1], 1, 1);
    image.set_f32(0, &[1.0, 10.0, 2.0, 20.0, 3.0, 30.0, 4.0, 40.0]);
    let view = image.view(T::TYPE_2D);
    let clamp = sampler(Fi::NEAREST, M::CLAMP_TO_EDGE);
    let gather = |sampler: &ShaderSampler, s, t, component| {
        floats(view.gather(sampler, [s, t, 0.0, 0.0], component, None, [0; 3]))
    };
    // i0 = j0 = 0, i1 = j1 = 1: (i0,j1), (i1,j1), (i1,j0), (i0,j0) = 3, 4, 2, 1.
    assert_eq!(gather(&clamp, 0.5, 0.5, 0), [3.0, 4.0, 2.0, 1.0]);
    assert_eq!(gather(&clamp, 0.5, 0.5, 1), [30.0, 40.0, 20.0, 10.0]);
    assert_eq!(gather(&clamp, 0.5, 0.5, 3), [1.0; 4], "alpha is one");
    // REPEAT at (0, 0): i0 = j0 = -1 -> 1, i1 = j1 = 0: (1,0), (0,0), (0,1), (1,1).
    assert_eq!(gather(&sampler(Fi::NEAREST, M::REPEAT), 0.0, 0.0, 0), [2.0, 1.0, 3.0, 4.0]);
}

#[test]
fn depth_gathers_compare_each_texel() {
    // D32 2x2: 0.1, 0.2 / 0.3, 0.4; Dref 0.25 LESS: 0, 0 / 1, 1.
    let mut image = Image::new(F::D32_SFLOAT, [2, 2, 1], 1, 1);
    image.set_f32(0, &[0.1, 0.2, 0.3, 0.4]);
    let view = image.view_of(T::TYPE_2D, F::D32_SFLOAT, vk::ImageAspectFlags::DEPTH, (0, 1), (0, 1));
    let less = ShaderSampler { compare: Some(vk::CompareOp::LESS), ..sampler(Fi::LINEAR, M::CLAMP_TO_EDGE) };
    assert_eq!(floats(view.gather(&less, [0.5, 0.5, 0.0, 0.0], 0, Some(0.25), [0; 3])), [1.0, 1.0, 0.0, 0.0]);
}

#[test]
fn a_sampler_of_another_type_samples_zero() {
    struct Foreign;
    impl SamplerResource for Foreign {
        fn as_any(&self) -> &dyn std::any::Any {
            self
        }
    }
    let mut image = two_by_two();
    let view = image.view(T::TYPE_2D);
    assert_eq!(view.sample(&Foreign, [0.5; 4], 0.0, None, [0; 3]), [0; 4]);
    assert_eq!(view.gather(&Foreign, [0.5; 4], 0, None, [0; 3]), [0; 4]);
}

#[test]
fn hostile_coordinates_do_not_panic() {
    let mut image = two_levels();
    let mip = ShaderSampler { mipmap_mode: vk::SamplerMipmapMode::LINEAR, ..sampler(Fi::LINEAR, M::MIRRORED_REPEAT) };
    let views = [T::TYPE_2D, T::TYPE_2D_ARRAY].map(|t| image.view(t));
    for view in &views {
        for v in [f32::NAN, f32::INFINITY, f32::NEG_INFINITY, f32::MAX, -f32::MAX, 1e30] {
            let _ = view.sample(&mip, [v; 4], v, Some(v), [i32::MAX, i32::MIN, 0]);
            let _ = view.gather(&mip, [v; 4], u32::MAX, None, [i32::MIN; 3]);
        }
    }
    let mut cube = Image::new(F::R32_SFLOAT, [1, 1, 1], 1, 6);
    let cube = cube.view(T::CUBE_ARRAY);
    for v in [f32::NAN, 0.0, f32::INFINITY] {
        let _ = cube.sample(&mip, [v; 4], v, None, [0; 3]);
    }
}
