//! Reads, writes, sizes, texel offsets and texel buffers.

use super::*;
use shader::interp::ImageResource;
use std::sync::atomic::Ordering;
use vk::Format as F;
use vk::ImageViewType as T;

const COLOR: vk::ImageAspectFlags = vk::ImageAspectFlags::COLOR;

/// Writes `written` at texel (1, 0) of a 2x1 image, checks the words stored there (and
/// that texel 0 is untouched), and reads `read` back.
fn round_trip(format: F, written: [u32; 4], stored: &[u32], read: [u32; 4]) {
    let mut image = Image::new(format, [2, 1, 1], 1, 1);
    let view = image.view(T::TYPE_2D);
    view.write([1, 0, 0], 0, written);
    assert_eq!(view.read([1, 0, 0], 0, 0), Some(read), "{format:?} read");
    let texel_words = stored.len();
    assert_eq!(&image.words[texel_words..2 * texel_words], stored, "{format:?} stored");
    assert!(image.words[..texel_words].iter().all(|&w| w == 0), "{format:?} neighbour");
}

#[test]
fn rgba8_unorm_round_trips_through_float_words() {
    // 1.0, 0.0, 0.2, 1.0 -> bytes 255, 0, 51, 255 (0.2 * 255 = 51).
    let texel = [1.0f32, 0.0, 0.2, 1.0].map(f32::to_bits);
    round_trip(F::R8G8B8A8_UNORM, texel, &[0xFF33_00FF], texel);
}

#[test]
fn r32_sfloat_reads_missing_components_as_0_0_1() {
    let written = [(-1.5f32).to_bits(), 7, 7, 7];
    round_trip(F::R32_SFLOAT, written, &[(-1.5f32).to_bits()], [(-1.5f32).to_bits(), 0, 0, 1f32.to_bits()]);
}

#[test]
fn r32_uint_keeps_its_bits_and_reads_alpha_as_integer_one() {
    round_trip(F::R32_UINT, [0xDEAD_BEEF, 5, 6, 7], &[0xDEAD_BEEF], [0xDEAD_BEEF, 0, 0, 1]);
}

#[test]
fn rgba8_sint_sign_extends_and_clamps_on_write() {
    let written = [-1i32, 127, -128, 300].map(|v| v as u32);
    // Bytes FF 7F 80 7F: 300 clamps to 127.
    round_trip(F::R8G8B8A8_SINT, written, &[0x7F80_7FFF], [-1i32, 127, -128, 127].map(|v| v as u32));
}

#[test]
fn rgba16_sfloat_round_trips_through_halves() {
    let texel = [1.0f32, -2.0, 0.5, 0.0].map(f32::to_bits);
    // f16: 1.0 = 0x3C00, -2.0 = 0xC000, 0.5 = 0x3800, 0.0 = 0.
    round_trip(F::R16G16B16A16_SFLOAT, texel, &[0xC000_3C00, 0x0000_3800], texel);
}

#[test]
fn bgra8_srgb_decodes_to_linear_and_encodes_from_linear() {
    // Linear 0.5 -> sRGB 1.055 * 0.5^(1/2.4) - 0.055 = 0.735357 -> 187.5 -> 188 = 0xBC.
    // Stored B, G, R, A: FF 00 BC 80.
    let mut image = Image::new(F::B8G8R8A8_SRGB, [2, 1, 1], 1, 1);
    let view = image.view(T::TYPE_2D);
    view.write([1, 0, 0], 0, [0.5f32, 0.0, 1.0, 0.5].map(f32::to_bits));
    assert_eq!(image.words[1], 0x80BC_00FF);
    // Bytes B=00 G=FF R=80 A=80: R = ((128/255 + 0.055) / 1.055)^2.4 = 0.2158605.
    image.set(0, &[0x8080_FF00]);
    let [r, g, b, a] = floats(view.read([0, 0, 0], 0, 0).unwrap());
    assert!((r - 0.215_860_5).abs() < 1e-6, "{r}");
    assert_eq!((g, b), (1.0, 0.0));
    assert_eq!(a, 128.0 / 255.0, "alpha is linear");
}

#[test]
fn reads_outside_the_view_are_none_and_writes_there_are_dropped() {
    let mut image = Image::new(F::R32_UINT, [2, 2, 1], 1, 2);
    image.words.iter_mut().enumerate().for_each(|(i, w)| *w = i as u32 + 100);
    let before = image.words.clone();
    let view = image.view(T::TYPE_2D_ARRAY);
    for coord in [[2, 0, 0], [0, 2, 0], [-1, 0, 0], [0, -1, 0], [0, 0, 2], [0, 0, -1], [i32::MAX, i32::MIN, 0]] {
        assert_eq!(view.read(coord, 0, 0), None, "{coord:?}");
        view.write(coord, 0, [7; 4]);
        assert_eq!(view.texel_offset(coord, 0), None, "{coord:?}");
    }
    assert_eq!(view.read([0, 0, 0], 1, 0), None, "level 1 does not exist");
    assert_eq!(view.read([0, 0, 0], 0, 1), None, "sample 1 does not exist");
    view.write([0, 0, 0], 1, [7; 4]);
    assert_eq!(image.words, before);
    // Layer 1, texel (1, 1): 16 + 8 + 4 bytes in.
    assert_eq!(view.read([1, 1, 1], 0, 0), Some([107, 0, 0, 1]));
}

#[test]
fn memory_shorter_than_the_layout_reads_none() {
    let mut image = Image::new(F::R32_UINT, [2, 2, 1], 1, 1);
    let view = ImageView {
        format: F::R32_UINT,
        view_type: T::TYPE_2D,
        range: vk::ImageSubresourceRange {
            aspect_mask: COLOR,
            base_mip_level: 0,
            level_count: 1,
            base_array_layer: 0,
            layer_count: 1,
        },
        components: vk::ComponentMapping::default(),
    };
    let short = ShaderImage::new(SharedMemory::of_words(&mut image.words[..2]), &image.layout, &view).unwrap();
    assert_eq!(short.read([1, 0, 0], 0, 0), Some([0, 0, 0, 1]));
    assert_eq!(short.read([0, 1, 0], 0, 0), None);
    short.write([1, 1, 0], 0, [9; 4]);
    assert_eq!(image.words, [0; 4]);
}

#[test]
fn size_follows_the_view_type() {
    let mut one_d = Image::new(F::R32_SFLOAT, [4, 1, 1], 1, 3);
    assert_eq!(one_d.view_of(T::TYPE_1D, F::R32_SFLOAT, COLOR, (0, 1), (2, 1)).size(0), [4, 0, 0]);
    assert_eq!(one_d.view(T::TYPE_1D_ARRAY).size(0), [4, 3, 0]);

    let mut two_d = Image::new(F::R32_SFLOAT, [4, 2, 1], 3, 3);
    assert_eq!(two_d.view_of(T::TYPE_2D, F::R32_SFLOAT, COLOR, (0, !0), (1, 1)).size(0), [4, 2, 0]);
    let array = two_d.view(T::TYPE_2D_ARRAY);
    assert_eq!((array.size(0), array.size(2), array.levels()), ([4, 2, 3], [1, 1, 3], 3));
    // From base level 1: 2x1 then 1x1.
    let upper = two_d.view_of(T::TYPE_2D, F::R32_SFLOAT, COLOR, (1, !0), (0, 1));
    assert_eq!((upper.size(0), upper.size(1), upper.size(2), upper.levels()), ([2, 1, 0], [1, 1, 0], [0; 3], 2));

    let mut three_d = Image::new(F::R32_SFLOAT, [4, 2, 5], 1, 1);
    assert_eq!(three_d.view(T::TYPE_3D).size(0), [4, 2, 5]);

    let mut cubes = Image::new(F::R32_SFLOAT, [2, 2, 1], 1, 12);
    assert_eq!(cubes.view_of(T::CUBE, F::R32_SFLOAT, COLOR, (0, 1), (6, 6)).size(0), [2, 2, 0]);
    let cube_array = cubes.view(T::CUBE_ARRAY);
    assert_eq!((cube_array.size(0), cube_array.samples()), ([2, 2, 2], 1));
}

#[test]
fn views_start_at_their_base_level_and_layer() {
    // R32 4x2, 3 levels, 2 layers: level 0 layers at 0 and 32; level 1 (2x1, 8 bytes,
    // array pitch 16) at 64 and 80; level 2 (1x1) at 96 and 112.
    let mut image = Image::new(F::R32_UINT, [4, 2, 1], 3, 2);
    image.set(80 + 4, &[81]);
    image.set(112, &[112]);
    let view = image.view_of(T::TYPE_2D, F::R32_UINT, COLOR, (1, 2), (1, 1));
    assert_eq!(view.read([1, 0, 0], 0, 0), Some([81, 0, 0, 1]));
    assert_eq!(view.read([0, 0, 0], 1, 0), Some([112, 0, 0, 1]));
    assert_eq!(view.read([0, 0, 0], 2, 0), None);
    // Writes go to the view's base level.
    view.write([0, 0, 0], 0, [5, 0, 0, 0]);
    assert_eq!(image.words[80 / 4], 5);
}

#[test]
fn texel_offsets_address_32_bit_texels_for_atomics() {
    let mut image = Image::new(F::R32_UINT, [2, 2, 1], 1, 2);
    let view = image.view_of(T::TYPE_2D_ARRAY, F::R32_UINT, COLOR, (0, 1), (1, 1));
    // Layer 1 starts at 16; texel (1, 1) is 8 + 4 further.
    assert_eq!(view.texel_offset([1, 1, 0], 0), Some(28));
    assert_eq!(view.texel_offset([0, 0, 1], 0), None, "the view has one layer");
    view.memory().atomic_u32(28).unwrap().fetch_add(3, Ordering::Relaxed);
    assert_eq!(image.words[7], 3);
    let mut small = Image::new(F::R16_UINT, [2, 2, 1], 1, 1);
    assert_eq!(small.view(T::TYPE_2D).texel_offset([0, 0, 0], 0), None, "16-bit texels have no atomics");
}

#[test]
fn samples_of_a_multisampled_texel_are_consecutive() {
    let mut image = Image::with_samples(F::R32_UINT, [1, 1, 1], 1, 1, 4);
    image.set(0, &[10, 11, 12, 13]);
    let view = image.view(T::TYPE_2D);
    assert_eq!((view.samples(), view.read([0, 0, 0], 0, 2)), (4, Some([12, 0, 0, 1])));
    assert_eq!(view.read([0, 0, 0], 0, 4), None);
    assert_eq!(view.texel_offset([0, 0, 0], 3), Some(12));
}

#[test]
fn three_d_images_address_slices_and_2d_views_see_slices_as_layers() {
    // 2x2x2 R32: slice 1 starts at 16; texel (1, 0, 1) at 20.
    let mut image = Image::new(F::R32_UINT, [2, 2, 2], 1, 1);
    image.set(20, &[42]);
    assert_eq!(image.view(T::TYPE_3D).read([1, 0, 1], 0, 0), Some([42, 0, 0, 1]));
    assert_eq!(image.view(T::TYPE_2D_ARRAY).read([1, 0, 1], 0, 0), Some([42, 0, 0, 1]));
    let slice = image.view_of(T::TYPE_2D, F::R32_UINT, COLOR, (0, 1), (1, 1));
    assert_eq!(slice.read([1, 0, 0], 0, 0), Some([42, 0, 0, 1]));
}

#[test]
fn compatible_view_formats_reinterpret_the_texels() {
    let mut image = Image::new(F::R8G8B8A8_UNORM, [1, 1, 1], 1, 1);
    image.set(0, &[0x0403_0201]);
    let raw = image.view_of(T::TYPE_2D, F::R32_UINT, COLOR, (0, 1), (0, 1));
    assert_eq!(raw.read([0, 0, 0], 0, 0), Some([0x0403_0201, 0, 0, 1]));
    let bytes = image.view_of(T::TYPE_2D, F::R8G8B8A8_UINT, COLOR, (0, 1), (0, 1));
    assert_eq!(bytes.read([0, 0, 0], 0, 0), Some([1, 2, 3, 4]));
}

#[test]
fn views_that_do_not_fit_the_image_are_refused() {
    let mut image = Image::new(F::R8G8B8A8_UNORM, [4, 4, 1], 3, 2);
    let range = |aspect_mask, base_mip_level, level_count, base_array_layer, layer_count| vk::ImageSubresourceRange {
        aspect_mask,
        base_mip_level,
        level_count,
        base_array_layer,
        layer_count,
    };
    let view = |format, range| ImageView { format, view_type: T::TYPE_2D_ARRAY, range, components: Default::default() };
    assert!(image.try_view(view(F::R8G8B8A8_UNORM, range(COLOR, 0, 3, 0, 2))).is_some());
    assert!(image.try_view(view(F::R8G8B8A8_UNORM, range(COLOR, 2, !0, 1, !0))).is_some());
    assert!(image.try_view(view(F::R8G8B8A8_UNORM, range(COLOR, 2, 2, 0, 1))).is_none(), "levels");
    assert!(image.try_view(view(F::R8G8B8A8_UNORM, range(COLOR, 0, 1, 1, 2))).is_none(), "layers");
    assert!(image.try_view(view(F::R8G8B8A8_UNORM, range(COLOR, 0, 0, 0, 1))).is_none(), "no levels");
    assert!(image.try_view(view(F::R8G8B8A8_UNORM, range(COLOR, 3, !0, 0, 1))).is_none(), "past the end");
    let depth = vk::ImageAspectFlags::DEPTH;
    assert!(image.try_view(view(F::R8G8B8A8_UNORM, range(depth, 0, 1, 0, 1))).is_none(), "aspect");
    assert!(image.try_view(view(F::R16_UNORM, range(COLOR, 0, 1, 0, 1))).is_none(), "texel size");
    assert!(image.try_view(view(F::BC1_RGB_UNORM_BLOCK, range(COLOR, 0, 1, 0, 1))).is_none(), "compressed");
    // 2D views of a 3D image see one level's slices as layers: one level only.
    let mut volume = Image::new(F::R8G8B8A8_UNORM, [4, 4, 4], 2, 1);
    assert!(volume.try_view(view(F::R8G8B8A8_UNORM, range(COLOR, 0, 1, 1, 3))).is_some());
    assert!(volume.try_view(view(F::R8G8B8A8_UNORM, range(COLOR, 0, 2, 0, 1))).is_none(), "3D levels");
    assert!(volume.try_view(view(F::R8G8B8A8_UNORM, range(COLOR, 0, 1, 1, 4))).is_none(), "3D slices");
}

#[test]
fn depth_and_stencil_aspects_read_their_own_planes() {
    // D24S8 2x1: a depth plane of two 4-byte X8_D24 texels at 0, the S8 plane at 16.
    let mut image = Image::new(F::D24_UNORM_S8_UINT, [2, 1, 1], 1, 1);
    image.set(0, &[0, 0x00FF_FFFF]);
    image.set(16, &[0x2A00]);
    let depth = image.view_of(T::TYPE_2D, F::D24_UNORM_S8_UINT, vk::ImageAspectFlags::DEPTH, (0, 1), (0, 1));
    assert_eq!(floats(depth.read([1, 0, 0], 0, 0).unwrap()), [1.0, 0.0, 0.0, 1.0]);
    assert_eq!(floats(depth.read([0, 0, 0], 0, 0).unwrap()), [0.0, 0.0, 0.0, 1.0]);
    let stencil = image.view_of(T::TYPE_2D, F::D24_UNORM_S8_UINT, vk::ImageAspectFlags::STENCIL, (0, 1), (0, 1));
    assert_eq!(stencil.read([1, 0, 0], 0, 0), Some([42, 0, 0, 1]));
}

#[test]
fn fetches_apply_the_view_swizzle() {
    let mut image = Image::new(F::R8G8B8A8_UNORM, [1, 1, 1], 1, 1);
    image.set(0, &[0x2818_0A05]); // R = 5, G = 10, B = 24, A = 40
    use vk::ComponentSwizzle as S;
    let view = image
        .try_view(ImageView {
            format: F::R8G8B8A8_UNORM,
            view_type: T::TYPE_2D,
            range: vk::ImageSubresourceRange {
                aspect_mask: COLOR,
                base_mip_level: 0,
                level_count: 1,
                base_array_layer: 0,
                layer_count: 1,
            },
            components: vk::ComponentMapping { r: S::A, g: S::ZERO, b: S::ONE, a: S::R },
        })
        .unwrap();
    assert_eq!(floats(view.read([0, 0, 0], 0, 0).unwrap()), [40.0 / 255.0, 0.0, 1.0, 5.0 / 255.0]);
    // Writes are not swizzled.
    view.write([0, 0, 0], 0, [1.0f32, 0.0, 0.0, 0.0].map(f32::to_bits));
    assert_eq!(image.words[0], 0xFF);
}

#[test]
fn texel_buffers_index_texels_within_their_range() {
    // A window of 3 words from byte 4 of a 5-word buffer: three R16G16_SINT texels.
    let mut words = vec![0u32; 5];
    let memory = SharedMemory::of_words(&mut words).window(4, 12);
    let buffer = TexelBufferView::new(memory, F::R16G16_SINT).unwrap();
    assert_eq!((buffer.size(0), buffer.levels(), buffer.samples()), ([3, 0, 0], 1, 1));
    buffer.write([2, 0, 0], 0, [-5i32 as u32, 7, 0, 0]);
    assert_eq!(words[3], 0x0007_FFFB);
    assert_eq!(buffer.read([2, 0, 0], 0, 0), Some([-5i32 as u32, 7, 0, 1]));
    for index in [3, -1, i32::MAX] {
        assert_eq!(buffer.read([index, 0, 0], 0, 0), None);
        buffer.write([index, 0, 0], 0, [1; 4]);
    }
    assert_eq!(words, [0, 0, 0, 0x0007_FFFB, 0]);
    let sampler = ShaderSampler::default();
    assert_eq!(buffer.sample(&sampler, [0.5; 4], 0.0, None, [0; 3]), [0; 4]);
    assert_eq!(buffer.gather(&sampler, [0.5; 4], 0, None, [0; 3]), [0; 4]);
}

#[test]
fn texel_buffer_offsets_are_for_32_bit_formats() {
    let mut words = vec![0u32; 4];
    let buffer = TexelBufferView::new(SharedMemory::of_words(&mut words), F::R32_UINT).unwrap();
    assert_eq!((buffer.texel_offset([3, 0, 0], 0), buffer.texel_offset([4, 0, 0], 0)), (Some(12), None));
    buffer.memory().atomic_u32(12).unwrap().fetch_add(9, Ordering::Relaxed);
    assert_eq!(buffer.read([3, 0, 0], 0, 0), Some([9, 0, 0, 1]));
    let mut bytes = vec![0u32; 1];
    let small = TexelBufferView::new(SharedMemory::of_words(&mut bytes), F::R8_UINT).unwrap();
    assert_eq!((small.count(), small.texel_offset([0, 0, 0], 0)), (4, None));
    assert!(TexelBufferView::new(SharedMemory::EMPTY, F::BC1_RGB_UNORM_BLOCK).is_none());
}
