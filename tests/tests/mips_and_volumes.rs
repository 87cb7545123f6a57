//! Transfers the way applications chain them: a mip chain generated level by level with
//! LINEAR blits, 2D array layers copied to and from the slices of a 3D image, and depth
//! blitted with NEAREST. Expected values are computed here from the source bytes.

use ash::vk;
use softvk_tests::{image_info_2d, pattern, Context};

const COLOR: vk::ImageAspectFlags = vk::ImageAspectFlags::COLOR;

fn corner(x: u32, y: u32, z: u32) -> vk::Offset3D {
    vk::Offset3D { x: x as i32, y: y as i32, z: z as i32 }
}

/// The classic mip generation loop: each level is a LINEAR blit of the one above, with a
/// barrier between levels. The expected chain is computed here from the base level alone
/// (each level the round-to-nearest 2x2 mean of the expected level above); filtering may
/// round differently, by at most 1 per level, so level L may differ by L.
#[test]
fn mip_chain_generated_by_successive_blits_averages_each_level() {
    let ctx = Context::new();
    let format = vk::Format::R8G8B8A8_UNORM;
    // spec ("Mandatory format support"): R8G8B8A8_UNORM with optimal tiling has all three.
    let needs = vk::FormatFeatureFlags::BLIT_SRC
        | vk::FormatFeatureFlags::BLIT_DST
        | vk::FormatFeatureFlags::SAMPLED_IMAGE_FILTER_LINEAR;
    let features = ctx.format_properties(format).optimal_tiling_features;
    assert!(features.contains(needs), "{format:?} optimal features {features:?} lack the mandatory {needs:?}");
    let levels = 4;
    let image = ctx.create_image(&image_info_2d(format, 16, 16).mip_levels(levels));
    let base = pattern(16 * 16 * 4, 5);
    ctx.write_image(&image, COLOR, 0, 0, 1, &base);
    ctx.run(|cb| {
        for level in 1..levels {
            let (w, h) = (16 >> (level - 1), 16 >> (level - 1));
            let region = vk::ImageBlit {
                src_subresource: image.layers(COLOR, level - 1, 0, 1),
                src_offsets: [corner(0, 0, 0), corner(w, h, 1)],
                dst_subresource: image.layers(COLOR, level, 0, 1),
                dst_offsets: [corner(0, 0, 0), corner(w / 2, h / 2, 1)],
            };
            ctx.cmd_transfer_barrier(cb);
            ctx.cmd_blit(cb, &image, &image, &[region], vk::Filter::LINEAR);
        }
    });
    let mut above = base;
    for level in 1..levels {
        let size = 16 >> level;
        let at = |bytes: &[u8], x: usize, y: usize, c: usize| u32::from(bytes[(y * size * 2 + x) * 4 + c]);
        let mut expected = vec![0u8; size * size * 4];
        for y in 0..size {
            for x in 0..size {
                for c in 0..4 {
                    let sum = at(&above, 2 * x, 2 * y, c)
                        + at(&above, 2 * x + 1, 2 * y, c)
                        + at(&above, 2 * x, 2 * y + 1, c)
                        + at(&above, 2 * x + 1, 2 * y + 1, c);
                    expected[(y * size + x) * 4 + c] = ((sum + 2) / 4) as u8;
                }
            }
        }
        let got = ctx.read_image(&image, COLOR, level, 0, 1);
        for (i, (&g, &e)) in got.iter().zip(&expected).enumerate() {
            let (x, y, c) = ((i / 4) % size, i / 4 / size, i % 4);
            assert!(
                u32::from(g.abs_diff(e)) <= level,
                "level {level} texel ({x},{y}) channel {c}: {g}, expected {e} within {level}"
            );
        }
        above = expected;
    }
}

/// Vulkan 1.1 (maintenance1): the layers of a 2D array image and the depth slices of a 3D
/// image are interchangeable in vkCmdCopyImage.
#[test]
fn copy_image_moves_array_layers_to_3d_slices_and_back() {
    let ctx = Context::new();
    let format = vk::Format::R8G8B8A8_UNORM;
    let array = ctx.create_image(&image_info_2d(format, 4, 4).array_layers(3));
    let volume =
        ctx.create_image(&image_info_2d(format, 4, 4).image_type(vk::ImageType::TYPE_3D).extent(vk::Extent3D {
            width: 4,
            height: 4,
            depth: 3,
        }));
    let back = ctx.create_image(&image_info_2d(format, 4, 4).array_layers(3));
    let data = pattern(4 * 4 * 4 * 3, 77);
    ctx.write_image(&array, COLOR, 0, 0, 3, &data);
    let extent = vk::Extent3D { width: 4, height: 4, depth: 3 };
    ctx.run(|cb| {
        let to_volume = vk::ImageCopy {
            src_subresource: array.layers(COLOR, 0, 0, 3),
            dst_subresource: volume.layers(COLOR, 0, 0, 1),
            extent,
            ..Default::default()
        };
        let to_array = vk::ImageCopy {
            src_subresource: volume.layers(COLOR, 0, 0, 1),
            dst_subresource: back.layers(COLOR, 0, 0, 3),
            extent,
            ..Default::default()
        };
        // The regions cover exactly the three layers / slices of each image.
        ctx.cmd_copy_image(cb, &array, &volume, &[to_volume]);
        ctx.cmd_transfer_barrier(cb);
        ctx.cmd_copy_image(cb, &volume, &back, &[to_array]);
    });
    assert!(ctx.read_image(&volume, COLOR, 0, 0, 1) == data, "slice z of the 3D image is not layer z of the array");
    assert!(ctx.read_image(&back, COLOR, 0, 0, 3) == data, "the round trip through the 3D image changed the layers");
}

/// Depth can be blitted (NEAREST, same format): a mirrored copy keeps every value.
#[test]
fn depth_blit_with_nearest_mirrors_the_values() {
    let ctx = Context::new();
    let format = vk::Format::D32_SFLOAT;
    let features = ctx.format_properties(format).optimal_tiling_features;
    // spec ("Mandatory format support"): D32_SFLOAT is a mandatory blit source; BLIT_DST is
    // optional for depth formats, and softvk reports it.
    assert!(features.contains(vk::FormatFeatureFlags::BLIT_SRC), "{format:?} lacks the mandatory BLIT_SRC");
    if !features.contains(vk::FormatFeatureFlags::BLIT_DST) {
        assert!(!ctx.is_softvk, "softvk reports no BLIT_DST for {format:?}");
        softvk_tests::skip("depth_blit_with_nearest_mirrors_the_values", "no D32 BLIT_DST");
        return;
    }
    let info = image_info_2d(format, 4, 2);
    let (src, dst) = (ctx.create_image(&info), ctx.create_image(&info));
    let values: Vec<f32> = (0..8).map(|i| i as f32 / 8.0).collect();
    let bytes: Vec<u8> = values.iter().flat_map(|v| v.to_le_bytes()).collect();
    let depth = vk::ImageAspectFlags::DEPTH;
    ctx.write_image(&src, depth, 0, 0, 1, &bytes);
    ctx.run(|cb| {
        let region = vk::ImageBlit {
            src_subresource: src.layers(depth, 0, 0, 1),
            src_offsets: [corner(0, 0, 0), corner(4, 2, 1)],
            dst_subresource: dst.layers(depth, 0, 0, 1),
            dst_offsets: [corner(4, 0, 0), corner(0, 2, 1)],
        };
        ctx.cmd_blit(cb, &src, &dst, &[region], vk::Filter::NEAREST);
    });
    let got: Vec<f32> =
        ctx.read_image(&dst, depth, 0, 0, 1).chunks(4).map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect();
    let expected: Vec<f32> = (0..2).flat_map(|y| (0..4).rev().map(move |x| (y * 4 + x) as f32 / 8.0)).collect();
    assert_eq!(got, expected);
}
