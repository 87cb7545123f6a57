//! Transfer commands, checked byte for byte against expectations computed here: buffer
//! copies, fills and updates; colour and depth/stencil clears; buffer <-> image copies
//! with row/height padding across many formats; image copies between subregions, mips,
//! layers, 3D images and size-compatible formats; blits (nearest, linear, mirrored, format
//! converting); and the VK_KHR_copy_commands2 variants.

use ash::vk;
use softvk_tests::reference::*;
use softvk_tests::*;

const COLOR: vk::ImageAspectFlags = vk::ImageAspectFlags::COLOR;
const TRANSFER: vk::FormatFeatureFlags = vk::FormatFeatureFlags::from_raw(
    vk::FormatFeatureFlags::TRANSFER_SRC.as_raw() | vk::FormatFeatureFlags::TRANSFER_DST.as_raw(),
);

fn offset3(x: i32, y: i32, z: i32) -> vk::Offset3D {
    vk::Offset3D { x, y, z }
}

fn extent3(width: u32, height: u32, depth: u32) -> vk::Extent3D {
    vk::Extent3D { width, height, depth }
}

/// Applies `region` of a buffer-to-buffer copy to `dst`, as the spec defines it.
fn apply_buffer_copy(src: &[u8], dst: &mut [u8], region: &vk::BufferCopy) {
    let (s, d, n) = (region.src_offset as usize, region.dst_offset as usize, region.size as usize);
    dst[d..d + n].copy_from_slice(&src[s..s + n]);
}

// ---------------------------------------------------------------------------------------
// Buffers

#[test]
fn copy_buffer_applies_every_region() {
    let ctx = Context::new();
    let src = ctx.create_transfer_buffer(1024);
    let dst = ctx.create_transfer_buffer(1024);
    let src_bytes = pattern(1024, 11);
    src.write(0, &src_bytes);
    dst.fill(0xEE);
    let regions = [
        vk::BufferCopy { src_offset: 0, dst_offset: 100, size: 50 },
        vk::BufferCopy { src_offset: 200, dst_offset: 0, size: 64 },
        vk::BufferCopy { src_offset: 1000, dst_offset: 900, size: 24 },
        vk::BufferCopy { src_offset: 513, dst_offset: 511, size: 1 },
        vk::BufferCopy { src_offset: 300, dst_offset: 600, size: 200 },
    ];
    // SAFETY: the regions lie inside both buffers and do not overlap in dst.
    ctx.run(|cb| unsafe { ctx.device.cmd_copy_buffer(cb, src.buffer, dst.buffer, &regions) });
    let mut want = vec![0xEE; 1024];
    for r in &regions {
        apply_buffer_copy(&src_bytes, &mut want, r);
    }
    assert_bytes_eq(&dst.read(), &want, "dst after vkCmdCopyBuffer");
    assert_bytes_eq(&src.read(), &src_bytes, "src is unchanged");
}

#[test]
fn copy_buffer_within_one_buffer_between_disjoint_ranges() {
    let ctx = Context::new();
    let buf = ctx.create_transfer_buffer(512);
    let bytes = pattern(512, 12);
    buf.write(0, &bytes);
    let regions = [vk::BufferCopy { src_offset: 0, dst_offset: 256, size: 128 }];
    // SAFETY: source and destination ranges do not overlap.
    ctx.run(|cb| unsafe { ctx.device.cmd_copy_buffer(cb, buf.buffer, buf.buffer, &regions) });
    let mut want = bytes.clone();
    want.copy_within(0..128, 256);
    assert_bytes_eq(&buf.read(), &want, "buffer after a copy within itself");
}

#[test]
fn fill_buffer_repeats_the_word_and_whole_size_rounds_down_to_words() {
    let ctx = Context::new();
    let buf = ctx.create_transfer_buffer(258);
    buf.fill(0);
    // SAFETY: offsets are multiples of 4 and inside the buffer.
    ctx.run(|cb| unsafe {
        ctx.device.cmd_fill_buffer(cb, buf.buffer, 16, 32, 0xA1B2_C3D4);
        ctx.device.cmd_fill_buffer(cb, buf.buffer, 128, vk::WHOLE_SIZE, 0x0102_0304);
    });
    let mut want = vec![0u8; 258];
    for chunk in want[16..48].chunks_exact_mut(4) {
        chunk.copy_from_slice(&0xA1B2_C3D4u32.to_le_bytes());
    }
    // spec: VK_WHOLE_SIZE fills to the end, rounded down to a multiple of 4 (256 here).
    for chunk in want[128..256].chunks_exact_mut(4) {
        chunk.copy_from_slice(&0x0102_0304u32.to_le_bytes());
    }
    assert_bytes_eq(&buf.read(), &want, "buffer after two fills");
}

#[test]
fn update_buffer_writes_the_data_captured_at_record_time() {
    let ctx = Context::new();
    let buf = ctx.create_transfer_buffer(256);
    buf.fill(0x77);
    let original = pattern(100, 13);
    let mut data = original.clone();
    ctx.run(|cb| {
        // SAFETY: offset and size are multiples of 4, inside the buffer, size <= 65536.
        unsafe { ctx.device.cmd_update_buffer(cb, buf.buffer, 12, &data) };
        // spec: the data is copied into the command buffer when the command is recorded.
        data.fill(0);
    });
    let mut want = vec![0x77u8; 256];
    want[12..112].copy_from_slice(&original);
    assert_bytes_eq(&buf.read(), &want, "buffer after vkCmdUpdateBuffer");
}

// ---------------------------------------------------------------------------------------
// Clears

struct ColorClearCase {
    format: vk::Format,
    value: vk::ClearColorValue,
    /// Expected bytes of one texel.
    texel: Vec<u8>,
    /// Allowed difference per byte (0: exact).
    tolerance: u8,
}

fn color_clear_cases() -> Vec<ColorClearCase> {
    let float = |v: [f32; 4]| vk::ClearColorValue { float32: v };
    let srgb_linear = [0.0f32, 0.5, 0.214, 0.6];
    vec![
        ColorClearCase {
            format: vk::Format::R8G8B8A8_UNORM,
            value: float([0.0, 0.2, 0.6, 1.0]),
            texel: [0.0f32, 0.2, 0.6, 1.0].iter().map(|&v| float_to_unorm(v, 8) as u8).collect(),
            tolerance: 0,
        },
        ColorClearCase {
            format: vk::Format::R32G32B32A32_SFLOAT,
            value: float([1.5, -2.25, 0.0, 3.0e10]),
            texel: f32_bytes(&[1.5, -2.25, 0.0, 3.0e10]),
            tolerance: 0,
        },
        ColorClearCase {
            format: vk::Format::R16G16B16A16_UINT,
            value: vk::ClearColorValue { uint32: [1, 65535, 300, 0] },
            texel: [1u16, 65535, 300, 0].iter().flat_map(|v| v.to_le_bytes()).collect(),
            tolerance: 0,
        },
        ColorClearCase {
            format: vk::Format::R8G8B8A8_SRGB,
            value: float(srgb_linear),
            // spec: the clear colour is linear; R, G, B are sRGB-encoded, A is not.
            texel: vec![
                linear_to_srgb8(srgb_linear[0]),
                linear_to_srgb8(srgb_linear[1]),
                linear_to_srgb8(srgb_linear[2]),
                float_to_unorm(srgb_linear[3], 8) as u8,
            ],
            tolerance: 1,
        },
    ]
}

fn assert_close(actual: &[u8], expected: &[u8], tolerance: u8, what: &str) {
    assert_eq!(actual.len(), expected.len(), "{what}: length");
    for (i, (&a, &e)) in actual.iter().zip(expected).enumerate() {
        assert!(a.abs_diff(e) <= tolerance, "{what}: byte {i} is {a:#04x}, want {e:#04x} ±{tolerance}");
    }
}

#[test]
fn clear_color_image_writes_the_converted_value_to_the_selected_subresource_only() {
    let ctx = Context::new();
    let cases = color_clear_cases();
    let case_count = cases.len();
    let mut ran = 0;
    for case in cases {
        if !ctx.optimal_supports(case.format, TRANSFER) {
            skip("clear_color_image", &format!("{:?} lacks TRANSFER_SRC|DST", case.format));
            continue;
        }
        let info = image_info_2d(case.format, 5, 3).mip_levels(2).array_layers(2);
        let image = ctx.create_image(&info);
        let ts = texel_size(case.format, COLOR);
        let mip0 = pattern(5 * 3 * 2 * ts, 21);
        let mip1 = pattern(2 * 2 * ts, 22);
        ctx.write_image(&image, COLOR, 0, 0, 2, &mip0);
        ctx.write_image(&image, COLOR, 1, 0, 2, &mip1);
        let range = [vk::ImageSubresourceRange {
            aspect_mask: COLOR,
            base_mip_level: 0,
            level_count: 1,
            base_array_layer: 1,
            layer_count: 1,
        }];
        ctx.run(|cb| {
            ctx.cmd_transfer_barrier(cb);
            // SAFETY: the range lies inside the image, which is in GENERAL layout.
            unsafe { ctx.device.cmd_clear_color_image(cb, image.image, vk::ImageLayout::GENERAL, &case.value, &range) };
        });
        let what = format!("{:?}", case.format);
        let layer0 = ctx.read_image(&image, COLOR, 0, 0, 1);
        assert_bytes_eq(&layer0, &mip0[..5 * 3 * ts], &format!("{what}: layer 0 must be untouched"));
        let layer1 = ctx.read_image(&image, COLOR, 0, 1, 1);
        let want: Vec<u8> = case.texel.iter().copied().cycle().take(5 * 3 * ts).collect();
        assert_close(&layer1, &want, case.tolerance, &format!("{what}: cleared layer 1"));
        assert_bytes_eq(&ctx.read_image(&image, COLOR, 1, 0, 2), &mip1, &format!("{what}: mip 1 must be untouched"));
        ran += 1;
    }
    assert!(ran > 0, "no colour format could be cleared");
    if ctx.is_softvk {
        assert_eq!(ran, case_count, "softvk transfers every format of the clear cases");
    }
}

#[test]
fn clear_depth_stencil_image_writes_each_aspect_in_its_copy_format() {
    let ctx = Context::new();
    let depth = 0.2f32;
    let stencil = 0x5Au32;
    let (w, h) = (4u32, 3u32);
    let n = (w * h) as usize;
    let depth_aspect = vk::ImageAspectFlags::DEPTH;
    let stencil_aspect = vk::ImageAspectFlags::STENCIL;
    let mut ran = 0;
    let formats = [
        vk::Format::D32_SFLOAT,
        vk::Format::D16_UNORM,
        vk::Format::D24_UNORM_S8_UINT,
        vk::Format::D32_SFLOAT_S8_UINT,
        vk::Format::S8_UINT,
    ];
    for format in formats {
        if !ctx.optimal_supports(format, TRANSFER) {
            skip("clear_depth_stencil_image", &format!("{format:?} lacks TRANSFER_SRC|DST"));
            continue;
        }
        let image = ctx.create_image_2d(format, w, h);
        let aspects = aspect_mask(format);
        let full = [image.full_range()];
        let value = vk::ClearDepthStencilValue { depth, stencil };
        ctx.run(|cb| {
            // SAFETY: the range covers the image, which is in GENERAL layout.
            unsafe {
                ctx.device.cmd_clear_depth_stencil_image(cb, image.image, vk::ImageLayout::GENERAL, &value, &full)
            };
        });
        let what = format!("{format:?}");
        // Copy formats of the depth aspect (spec: "Depth/Stencil Formats" in buffer copies).
        let check_depth = |want_depth: f32| {
            let got = ctx.read_image(&image, depth_aspect, 0, 0, 1);
            match format {
                vk::Format::D32_SFLOAT | vk::Format::D32_SFLOAT_S8_UINT => {
                    assert_bytes_eq(&got, &f32_bytes(&vec![want_depth; n]), &format!("{what}: depth"))
                }
                vk::Format::D16_UNORM => {
                    let want = (float_to_unorm(want_depth, 16) as u16).to_le_bytes();
                    assert_bytes_eq(&got, &want.repeat(n), &format!("{what}: depth"));
                }
                vk::Format::D24_UNORM_S8_UINT => {
                    // 4 bytes per texel, depth in the low 24 bits, the top 8 undefined.
                    let want = float_to_unorm(want_depth, 24);
                    for (i, word) in got.chunks_exact(4).enumerate() {
                        let v = u32::from_le_bytes(word.try_into().unwrap()) & 0x00FF_FFFF;
                        assert_eq!(v, want, "{what}: depth texel {i}");
                    }
                }
                _ => unreachable!(),
            }
        };
        let check_stencil = |want: u8| {
            let got = ctx.read_image(&image, stencil_aspect, 0, 0, 1);
            assert_bytes_eq(&got, &vec![want; n], &format!("{what}: stencil"));
        };
        if aspects.contains(depth_aspect) {
            check_depth(depth);
        }
        if aspects.contains(stencil_aspect) {
            check_stencil(stencil as u8);
        }
        if aspects == depth_aspect | stencil_aspect {
            // Clearing the stencil aspect alone leaves depth alone.
            let stencil_only = [vk::ImageSubresourceRange { aspect_mask: stencil_aspect, ..full[0] }];
            let second = vk::ClearDepthStencilValue { depth: 0.9, stencil: 0x33 };
            ctx.run(|cb| {
                ctx.cmd_transfer_barrier(cb);
                // SAFETY: as above.
                unsafe {
                    ctx.device.cmd_clear_depth_stencil_image(
                        cb,
                        image.image,
                        vk::ImageLayout::GENERAL,
                        &second,
                        &stencil_only,
                    )
                };
            });
            check_depth(depth);
            check_stencil(0x33);
        }
        ran += 1;
    }
    assert!(ran > 0, "no depth/stencil format could be cleared");
    if ctx.is_softvk {
        assert_eq!(ran, formats.len(), "softvk transfers every depth/stencil format");
    }
}

// ---------------------------------------------------------------------------------------
// Buffer <-> image

#[test]
fn core_formats_report_transfer_src_and_dst() {
    let ctx = Context::new();
    for format in [vk::Format::R8G8B8A8_UNORM, vk::Format::R32_SFLOAT, vk::Format::D32_SFLOAT] {
        let features = ctx.format_properties(format).optimal_tiling_features;
        assert!(features.contains(TRANSFER), "{format:?}: optimal features {features:?} lack TRANSFER_SRC|DST");
    }
}

const ROUND_TRIP_FORMATS: &[vk::Format] = &[
    vk::Format::R8_UNORM,
    vk::Format::R8G8_UNORM,
    vk::Format::R8G8B8A8_UNORM,
    vk::Format::B8G8R8A8_SRGB,
    vk::Format::R16_SFLOAT,
    vk::Format::R16G16B16A16_SFLOAT,
    vk::Format::R32_UINT,
    vk::Format::R32G32B32A32_SFLOAT,
    vk::Format::R64_UINT,
    vk::Format::A2B10G10R10_UNORM_PACK32,
    vk::Format::R5G6B5_UNORM_PACK16,
    vk::Format::B10G11R11_UFLOAT_PACK32,
    vk::Format::E5B9G9R9_UFLOAT_PACK32,
    vk::Format::D16_UNORM,
    vk::Format::D32_SFLOAT,
    vk::Format::S8_UINT,
];

/// Bytes that are valid texels of `format` (D32_SFLOAT copies need depths in [0,1]).
fn valid_texel_bytes(format: vk::Format, len: usize, seed: u64) -> Vec<u8> {
    let raw = pattern(len, seed);
    if format != vk::Format::D32_SFLOAT {
        return raw;
    }
    raw.chunks_exact(4)
        .flat_map(|w| {
            let v = u32::from_le_bytes(w.try_into().unwrap()) % 1_000_001;
            (v as f32 / 1_000_000.0).to_le_bytes()
        })
        .collect()
}

/// One buffer -> image -> buffer round trip of a 7x5 image; returns an error message.
fn round_trip(ctx: &Context, format: vk::Format) -> Result<(), String> {
    let aspect = aspect_mask(format);
    let ts = texel_size(format, aspect);
    let (w, h) = (7usize, 5usize);
    // Upload: padded rows and a padded image height (spec: bufferRowLength, bufferImageHeight).
    let (up_offset, up_row, up_height) = (48usize, 10usize, 7usize);
    let up_size = up_offset + up_row * up_height * ts;
    let up = ctx.create_transfer_buffer(up_size as u64);
    let up_bytes = valid_texel_bytes(format, up_size, format.as_raw() as u64);
    up.write(0, &up_bytes);
    let up_texel = |x: usize, y: usize| &up_bytes[up_offset + (y * up_row + x) * ts..][..ts];

    // Download: region A tight at offset 32; region B a 3x2 subrectangle at (2,1) with rows of 4.
    let a_offset = 32usize;
    let b_offset = (a_offset + w * h * ts).div_ceil(16) * 16;
    let (b_x, b_y, b_w, b_h, b_row) = (2usize, 1usize, 3usize, 2usize, 4usize);
    let down_size = b_offset + b_row * b_h * ts + 16;
    let down = ctx.create_transfer_buffer(down_size as u64);
    down.fill(0xCD);

    let image = ctx.create_image_raw(&image_info_2d(format, w as u32, h as u32));
    let layers = image.layers(aspect, 0, 0, 1);
    let upload = [vk::BufferImageCopy {
        buffer_offset: up_offset as u64,
        buffer_row_length: up_row as u32,
        buffer_image_height: up_height as u32,
        image_subresource: layers,
        image_offset: offset3(0, 0, 0),
        image_extent: extent3(w as u32, h as u32, 1),
    }];
    let download = [
        vk::BufferImageCopy {
            buffer_offset: a_offset as u64,
            buffer_row_length: 0,
            buffer_image_height: 0,
            image_subresource: layers,
            image_offset: offset3(0, 0, 0),
            image_extent: extent3(w as u32, h as u32, 1),
        },
        vk::BufferImageCopy {
            buffer_offset: b_offset as u64,
            buffer_row_length: b_row as u32,
            buffer_image_height: 0,
            image_subresource: layers,
            image_offset: offset3(b_x as i32, b_y as i32, 0),
            image_extent: extent3(b_w as u32, b_h as u32, 1),
        },
    ];
    ctx.run(|cb| {
        ctx.cmd_transition(cb, &image, vk::ImageLayout::UNDEFINED, vk::ImageLayout::TRANSFER_DST_OPTIMAL);
        // SAFETY: the regions lie inside the resources; layouts match the transitions.
        unsafe {
            ctx.device.cmd_copy_buffer_to_image(
                cb,
                up.buffer,
                image.image,
                vk::ImageLayout::TRANSFER_DST_OPTIMAL,
                &upload,
            )
        };
        ctx.cmd_transition(cb, &image, vk::ImageLayout::TRANSFER_DST_OPTIMAL, vk::ImageLayout::TRANSFER_SRC_OPTIMAL);
        // SAFETY: as above.
        unsafe {
            ctx.device.cmd_copy_image_to_buffer(
                cb,
                image.image,
                vk::ImageLayout::TRANSFER_SRC_OPTIMAL,
                down.buffer,
                &download,
            )
        };
    });

    let mut want = vec![0xCDu8; down_size];
    for y in 0..h {
        for x in 0..w {
            want[a_offset + (y * w + x) * ts..][..ts].copy_from_slice(up_texel(x, y));
        }
    }
    for y in 0..b_h {
        for x in 0..b_w {
            want[b_offset + (y * b_row + x) * ts..][..ts].copy_from_slice(up_texel(b_x + x, b_y + y));
        }
    }
    let got = down.read();
    let diffs: Vec<usize> = (0..down_size).filter(|&i| got[i] != want[i]).collect();
    if diffs.is_empty() {
        Ok(())
    } else {
        let first: Vec<String> =
            diffs.iter().take(8).map(|&i| format!("[{i}] {:#04x}!={:#04x}", got[i], want[i])).collect();
        Err(format!("{format:?}: {} bytes differ, first {}", diffs.len(), first.join(" ")))
    }
}

#[test]
fn buffer_to_image_to_buffer_round_trip_honours_row_length_and_image_height() {
    let ctx = Context::new();
    let mut failures = Vec::new();
    let mut tested = Vec::new();
    for &format in ROUND_TRIP_FORMATS {
        if !ctx.optimal_supports(format, TRANSFER) {
            skip("round trip", &format!("{format:?} lacks TRANSFER_SRC|DST"));
            continue;
        }
        tested.push(format);
        if let Err(e) = round_trip(&ctx, format) {
            failures.push(e);
        }
    }
    eprintln!("round trip tested {tested:?}");
    assert!(failures.is_empty(), "round trip failures:\n{}", failures.join("\n"));
    assert!(tested.contains(&vk::Format::R8G8B8A8_UNORM) && tested.contains(&vk::Format::D32_SFLOAT));
    if ctx.is_softvk {
        assert_eq!(tested, ROUND_TRIP_FORMATS, "softvk transfers every round-trip format");
    }
}

#[test]
fn buffer_image_copies_address_array_layers_and_mips() {
    let ctx = Context::new();
    let format = vk::Format::R8G8B8A8_UNORM;
    let image = ctx.create_image(&image_info_2d(format, 6, 4).mip_levels(3).array_layers(3));
    let mut written = Vec::new();
    for mip in 0..3 {
        let e = mip_extent(image.extent, mip);
        let bytes = pattern((e.width * e.height * 4 * 3) as usize, 30 + mip as u64);
        ctx.write_image(&image, COLOR, mip, 0, 3, &bytes);
        written.push(bytes);
    }
    for mip in 0..3u32 {
        let e = mip_extent(image.extent, mip);
        let layer_size = (e.width * e.height * 4) as usize;
        for layer in 0..3u32 {
            let got = ctx.read_image(&image, COLOR, mip, layer, 1);
            let want = &written[mip as usize][layer as usize * layer_size..][..layer_size];
            assert_bytes_eq(&got, want, &format!("mip {mip} layer {layer}"));
        }
    }
}

// ---------------------------------------------------------------------------------------
// Image copies

/// Texel (x, y, z) of a tightly packed w x h (x d) RGBA8-sized image.
fn texel(bytes: &[u8], ts: usize, w: usize, h: usize, x: usize, y: usize, z: usize) -> &[u8] {
    &bytes[((z * h + y) * w + x) * ts..][..ts]
}

fn image_copy(
    src: vk::ImageSubresourceLayers,
    src_offset: vk::Offset3D,
    dst: vk::ImageSubresourceLayers,
    dst_offset: vk::Offset3D,
    extent: vk::Extent3D,
) -> vk::ImageCopy {
    vk::ImageCopy { src_subresource: src, src_offset, dst_subresource: dst, dst_offset, extent }
}

fn copy_image(ctx: &Context, src: &Image, dst: &Image, regions: &[vk::ImageCopy]) {
    ctx.run(|cb| {
        ctx.cmd_transfer_barrier(cb);
        ctx.cmd_copy_image(cb, src, dst, regions);
    });
}

#[test]
fn copy_image_copies_a_subrectangle_and_leaves_the_rest() {
    let ctx = Context::new();
    let format = vk::Format::R8G8B8A8_UNORM;
    let (w, h) = (8usize, 8usize);
    let src = ctx.create_image_2d(format, w as u32, h as u32);
    let dst = ctx.create_image_2d(format, w as u32, h as u32);
    let src_bytes = pattern(w * h * 4, 40);
    let dst_bytes = pattern(w * h * 4, 41);
    ctx.write_image(&src, COLOR, 0, 0, 1, &src_bytes);
    ctx.write_image(&dst, COLOR, 0, 0, 1, &dst_bytes);
    let l = src.layers(COLOR, 0, 0, 1);
    copy_image(&ctx, &src, &dst, &[image_copy(l, offset3(1, 2, 0), l, offset3(4, 3, 0), extent3(3, 4, 1))]);
    let mut want = dst_bytes.clone();
    for y in 0..4 {
        for x in 0..3 {
            let t = texel(&src_bytes, 4, w, h, 1 + x, 2 + y, 0).to_vec();
            want[((3 + y) * w + 4 + x) * 4..][..4].copy_from_slice(&t);
        }
    }
    assert_bytes_eq(&ctx.read_image(&dst, COLOR, 0, 0, 1), &want, "dst after vkCmdCopyImage");
}

#[test]
fn copy_image_between_mip_levels() {
    let ctx = Context::new();
    let format = vk::Format::R8G8B8A8_UNORM;
    let info = image_info_2d(format, 8, 8).mip_levels(4);
    let src = ctx.create_image(&info);
    let dst = ctx.create_image(&info);
    let mut src_mips = Vec::new();
    let mut dst_mips = Vec::new();
    for mip in 0..4 {
        let e = mip_extent(info.extent, mip);
        let n = (e.width * e.height * 4) as usize;
        src_mips.push(pattern(n, 50 + mip as u64));
        dst_mips.push(vec![0u8; n]);
        ctx.write_image(&src, COLOR, mip, 0, 1, &src_mips[mip as usize]);
        ctx.write_image(&dst, COLOR, mip, 0, 1, &dst_mips[mip as usize]);
    }
    let m = |mip| src.layers(COLOR, mip, 0, 1);
    copy_image(
        &ctx,
        &src,
        &dst,
        &[
            // whole mip 1 -> mip 1
            image_copy(m(1), offset3(0, 0, 0), m(1), offset3(0, 0, 0), extent3(4, 4, 1)),
            // a 2x2 block of mip 0 -> all of mip 2
            image_copy(m(0), offset3(3, 5, 0), m(2), offset3(0, 0, 0), extent3(2, 2, 1)),
            // mip 3 (1x1) -> the last texel of mip 0
            image_copy(m(3), offset3(0, 0, 0), m(0), offset3(7, 7, 0), extent3(1, 1, 1)),
        ],
    );
    dst_mips[1] = src_mips[1].clone();
    for y in 0..2 {
        for x in 0..2 {
            let t = texel(&src_mips[0], 4, 8, 8, 3 + x, 5 + y, 0).to_vec();
            dst_mips[2][(y * 2 + x) * 4..][..4].copy_from_slice(&t);
        }
    }
    let t = src_mips[3].clone();
    dst_mips[0][(7 * 8 + 7) * 4..][..4].copy_from_slice(&t);
    for mip in 0..4u32 {
        assert_bytes_eq(&ctx.read_image(&dst, COLOR, mip, 0, 1), &dst_mips[mip as usize], &format!("dst mip {mip}"));
    }
}

#[test]
fn copy_image_between_array_layers() {
    let ctx = Context::new();
    let format = vk::Format::R8G8B8A8_UNORM;
    let info = image_info_2d(format, 4, 4).array_layers(3);
    let src = ctx.create_image(&info);
    let dst = ctx.create_image(&info);
    let layer = 4 * 4 * 4;
    let src_bytes = pattern(layer * 3, 60);
    ctx.write_image(&src, COLOR, 0, 0, 3, &src_bytes);
    ctx.write_image(&dst, COLOR, 0, 0, 3, &vec![0u8; layer * 3]);
    // layers 0..2 of src -> layers 1..3 of dst, in one region
    copy_image(
        &ctx,
        &src,
        &dst,
        &[image_copy(
            src.layers(COLOR, 0, 0, 2),
            offset3(0, 0, 0),
            dst.layers(COLOR, 0, 1, 2),
            offset3(0, 0, 0),
            extent3(4, 4, 1),
        )],
    );
    let mut want = vec![0u8; layer * 3];
    want[layer..].copy_from_slice(&src_bytes[..2 * layer]);
    assert_bytes_eq(&ctx.read_image(&dst, COLOR, 0, 0, 3), &want, "dst layers");
}

#[test]
fn copy_image_copies_a_subvolume_of_a_3d_image() {
    let ctx = Context::new();
    let format = vk::Format::R8G8B8A8_UNORM;
    let (w, h, d) = (4usize, 3usize, 5usize);
    let info = image_info_2d(format, w as u32, h as u32)
        .image_type(vk::ImageType::TYPE_3D)
        .extent(extent3(w as u32, h as u32, d as u32));
    let src = ctx.create_image(&info);
    let dst = ctx.create_image(&info);
    let src_bytes = pattern(w * h * d * 4, 70);
    let dst_bytes = pattern(w * h * d * 4, 71);
    ctx.write_image(&src, COLOR, 0, 0, 1, &src_bytes);
    ctx.write_image(&dst, COLOR, 0, 0, 1, &dst_bytes);
    let l = src.layers(COLOR, 0, 0, 1);
    let (so, dof, ext) = ((1usize, 0usize, 1usize), (0usize, 1usize, 2usize), (2usize, 2usize, 3usize));
    copy_image(
        &ctx,
        &src,
        &dst,
        &[image_copy(
            l,
            offset3(so.0 as i32, so.1 as i32, so.2 as i32),
            l,
            offset3(dof.0 as i32, dof.1 as i32, dof.2 as i32),
            extent3(ext.0 as u32, ext.1 as u32, ext.2 as u32),
        )],
    );
    let mut want = dst_bytes.clone();
    for z in 0..ext.2 {
        for y in 0..ext.1 {
            for x in 0..ext.0 {
                let t = texel(&src_bytes, 4, w, h, so.0 + x, so.1 + y, so.2 + z).to_vec();
                let at = (((dof.2 + z) * h + dof.1 + y) * w + dof.0 + x) * 4;
                want[at..at + 4].copy_from_slice(&t);
            }
        }
    }
    assert_bytes_eq(&ctx.read_image(&dst, COLOR, 0, 0, 1), &want, "3D dst");
}

#[test]
fn copy_image_between_size_compatible_formats_keeps_the_bits() {
    let ctx = Context::new();
    let (w, h) = (5u32, 4u32);
    let as_uint = ctx.create_image_2d(vk::Format::R32_UINT, w, h);
    let as_unorm = ctx.create_image_2d(vk::Format::R8G8B8A8_UNORM, w, h);
    let bytes = pattern((w * h * 4) as usize, 80);
    ctx.write_image(&as_uint, COLOR, 0, 0, 1, &bytes);
    let l = as_uint.layers(COLOR, 0, 0, 1);
    let whole = image_copy(l, offset3(0, 0, 0), l, offset3(0, 0, 0), extent3(w, h, 1));
    copy_image(&ctx, &as_uint, &as_unorm, &[whole]);
    assert_bytes_eq(&ctx.read_image(&as_unorm, COLOR, 0, 0, 1), &bytes, "R32_UINT -> R8G8B8A8_UNORM");
    let back = pattern((w * h * 4) as usize, 81);
    ctx.write_image(&as_unorm, COLOR, 0, 0, 1, &back);
    copy_image(&ctx, &as_unorm, &as_uint, &[whole]);
    assert_bytes_eq(&ctx.read_image(&as_uint, COLOR, 0, 0, 1), &back, "R8G8B8A8_UNORM -> R32_UINT");
}

// ---------------------------------------------------------------------------------------
// Blits

fn blit_region(
    src: &Image,
    src_offsets: [vk::Offset3D; 2],
    dst: &Image,
    dst_offsets: [vk::Offset3D; 2],
) -> vk::ImageBlit {
    vk::ImageBlit {
        src_subresource: src.layers(COLOR, 0, 0, 1),
        src_offsets,
        dst_subresource: dst.layers(COLOR, 0, 0, 1),
        dst_offsets,
    }
}

fn blit(ctx: &Context, src: &Image, dst: &Image, region: vk::ImageBlit, filter: vk::Filter) {
    ctx.run(|cb| {
        ctx.cmd_transfer_barrier(cb);
        ctx.cmd_blit(cb, src, dst, &[region], filter);
    });
}

fn require_blit(ctx: &Context, src: vk::Format, dst: vk::Format, filter: vk::Filter) -> bool {
    let mut src_needs = vk::FormatFeatureFlags::BLIT_SRC;
    if filter == vk::Filter::LINEAR {
        src_needs |= vk::FormatFeatureFlags::SAMPLED_IMAGE_FILTER_LINEAR;
    }
    ctx.optimal_supports(src, src_needs) && ctx.optimal_supports(dst, vk::FormatFeatureFlags::BLIT_DST)
}

/// A 2x2 RGBA8 image of four distinct colours, row-major.
const FOUR_COLOURS: [[u8; 4]; 4] = [[255, 0, 0, 255], [0, 255, 0, 255], [0, 0, 255, 255], [255, 255, 0, 128]];

#[test]
fn blit_nearest_2x_upscale_repeats_each_texel() {
    let ctx = Context::new();
    let format = vk::Format::R8G8B8A8_UNORM;
    assert!(require_blit(&ctx, format, format, vk::Filter::NEAREST), "RGBA8_UNORM must support blits (mandatory)");
    let src = ctx.create_image_2d(format, 2, 2);
    let dst = ctx.create_image_2d(format, 4, 4);
    ctx.write_image(&src, COLOR, 0, 0, 1, &FOUR_COLOURS.concat());
    blit(
        &ctx,
        &src,
        &dst,
        blit_region(&src, [offset3(0, 0, 0), offset3(2, 2, 1)], &dst, [offset3(0, 0, 0), offset3(4, 4, 1)]),
        vk::Filter::NEAREST,
    );
    let mut want = Vec::new();
    for y in 0..4 {
        for x in 0..4 {
            want.extend_from_slice(&FOUR_COLOURS[(y / 2) * 2 + x / 2]);
        }
    }
    assert_bytes_eq(&ctx.read_image(&dst, COLOR, 0, 0, 1), &want, "nearest 2x upscale");
}

#[test]
fn blit_linear_2x_downscale_averages_2x2_blocks() {
    let ctx = Context::new();
    let format = vk::Format::R8G8B8A8_UNORM;
    assert!(
        require_blit(&ctx, format, format, vk::Filter::LINEAR),
        "RGBA8_UNORM must support linear blits (mandatory)"
    );
    let src = ctx.create_image_2d(format, 4, 4);
    let dst = ctx.create_image_2d(format, 2, 2);
    let src_bytes = pattern(4 * 4 * 4, 90);
    ctx.write_image(&src, COLOR, 0, 0, 1, &src_bytes);
    blit(
        &ctx,
        &src,
        &dst,
        blit_region(&src, [offset3(0, 0, 0), offset3(4, 4, 1)], &dst, [offset3(0, 0, 0), offset3(2, 2, 1)]),
        vk::Filter::LINEAR,
    );
    // Each destination centre maps to the shared corner of a 2x2 source block, so linear
    // filtering weighs the four texels equally.
    let mut want = Vec::new();
    for y in 0..2 {
        for x in 0..2 {
            for c in 0..4 {
                let sum: u32 = [(0, 0), (1, 0), (0, 1), (1, 1)]
                    .iter()
                    .map(|&(dx, dy)| src_bytes[((2 * y + dy) * 4 + 2 * x + dx) * 4 + c] as u32)
                    .sum();
                want.push(((sum as f32 / 4.0).round()) as u8);
            }
        }
    }
    assert_close(&ctx.read_image(&dst, COLOR, 0, 0, 1), &want, 1, "linear 2x downscale");
}

#[test]
fn blit_with_swapped_offsets_mirrors_the_image() {
    let ctx = Context::new();
    let format = vk::Format::R8G8B8A8_UNORM;
    let src = ctx.create_image_2d(format, 4, 4);
    let dst = ctx.create_image_2d(format, 4, 4);
    let src_bytes = pattern(4 * 4 * 4, 91);
    ctx.write_image(&src, COLOR, 0, 0, 1, &src_bytes);
    // Source y flipped (srcOffsets[0].y > srcOffsets[1].y), destination x flipped.
    blit(
        &ctx,
        &src,
        &dst,
        blit_region(&src, [offset3(0, 4, 0), offset3(4, 0, 1)], &dst, [offset3(4, 0, 0), offset3(0, 4, 1)]),
        vk::Filter::NEAREST,
    );
    let mut want = Vec::new();
    for y in 0..4 {
        for x in 0..4 {
            want.extend_from_slice(texel(&src_bytes, 4, 4, 4, 3 - x, 3 - y, 0));
        }
    }
    assert_bytes_eq(&ctx.read_image(&dst, COLOR, 0, 0, 1), &want, "mirrored blit");
}

#[test]
fn blit_from_srgb_to_rgba16f_decodes_to_linear() {
    let ctx = Context::new();
    let (src_format, dst_format) = (vk::Format::R8G8B8A8_SRGB, vk::Format::R16G16B16A16_SFLOAT);
    // spec ("Mandatory format support"): R8G8B8A8_SRGB is a blit source and
    // R16G16B16A16_SFLOAT a blit destination on every device.
    assert!(
        require_blit(&ctx, src_format, dst_format, vk::Filter::NEAREST),
        "{src_format:?} BLIT_SRC and {dst_format:?} BLIT_DST are mandatory"
    );
    let src = ctx.create_image_2d(src_format, 4, 4);
    let dst = ctx.create_image_2d(dst_format, 4, 4);
    let mut src_bytes = pattern(4 * 4 * 4, 92);
    src_bytes[..8].copy_from_slice(&[0, 10, 128, 255, 255, 1, 188, 0]);
    ctx.write_image(&src, COLOR, 0, 0, 1, &src_bytes);
    let full = [offset3(0, 0, 0), offset3(4, 4, 1)];
    blit(&ctx, &src, &dst, blit_region(&src, full, &dst, full), vk::Filter::NEAREST);
    let got = f16_values(&ctx.read_image(&dst, COLOR, 0, 0, 1));
    for (i, (&g, &byte)) in got.iter().zip(&src_bytes).enumerate() {
        // R, G, B are decoded with the sRGB EOTF; A is plain UNORM.
        let want = if i % 4 == 3 { unorm_to_float(byte as u32, 8) } else { srgb8_to_linear(byte) };
        // f16 keeps ~11 bits; sRGB decode may be table-based: allow both.
        let tolerance = 2e-3 + want * 2e-3;
        assert!((g - want).abs() <= tolerance, "component {i}: byte {byte} -> {g}, want {want}");
    }
}

// ---------------------------------------------------------------------------------------
// VK_KHR_copy_commands2

fn copy2_context(test: &str) -> Option<(Context, ash::khr::copy_commands2::Device)> {
    let Some(ctx) = Context::with_device_extensions(&[ash::khr::copy_commands2::NAME]) else {
        assert!(icd_overridden(), "softvk advertises VK_KHR_copy_commands2");
        skip(test, "VK_KHR_copy_commands2 not advertised");
        return None;
    };
    let copy2 = ctx.load_device_functions(ash::khr::copy_commands2::Device::new);
    Some((ctx, copy2))
}

#[test]
fn copy_buffer2_applies_every_region() {
    let Some((ctx, copy2)) = copy2_context("copy_buffer2_applies_every_region") else {
        return;
    };
    let src = ctx.create_transfer_buffer(512);
    let dst = ctx.create_transfer_buffer(512);
    let src_bytes = pattern(512, 100);
    src.write(0, &src_bytes);
    dst.fill(0x5C);
    let plain = [
        vk::BufferCopy { src_offset: 0, dst_offset: 256, size: 100 },
        vk::BufferCopy { src_offset: 400, dst_offset: 3, size: 50 },
    ];
    let regions: Vec<vk::BufferCopy2> = plain
        .iter()
        .map(|r| vk::BufferCopy2::default().src_offset(r.src_offset).dst_offset(r.dst_offset).size(r.size))
        .collect();
    let info = vk::CopyBufferInfo2::default().src_buffer(src.buffer).dst_buffer(dst.buffer).regions(&regions);
    // SAFETY: regions lie inside both buffers.
    ctx.run(|cb| unsafe { copy2.cmd_copy_buffer2(cb, &info) });
    let mut want = vec![0x5C; 512];
    for r in &plain {
        apply_buffer_copy(&src_bytes, &mut want, r);
    }
    assert_bytes_eq(&dst.read(), &want, "dst after vkCmdCopyBuffer2");
}

#[test]
fn copy_buffer_to_image2_and_image_to_buffer2_round_trip_with_padding() {
    let Some((ctx, copy2)) = copy2_context("copy_buffer_to_image2_and_image_to_buffer2_round_trip_with_padding") else {
        return;
    };
    let (w, h, row, height) = (5usize, 3usize, 8usize, 4usize);
    let image = ctx.create_image_2d(vk::Format::R8G8B8A8_UNORM, w as u32, h as u32);
    let up = ctx.create_transfer_buffer((16 + row * height * 4) as u64);
    let up_bytes = pattern(up.size as usize, 101);
    up.write(0, &up_bytes);
    let down = ctx.create_transfer_buffer((w * h * 4) as u64);
    let region = |offset: u64, row_length: u32, image_height: u32| {
        [vk::BufferImageCopy2::default()
            .buffer_offset(offset)
            .buffer_row_length(row_length)
            .buffer_image_height(image_height)
            .image_subresource(image.layers(COLOR, 0, 0, 1))
            .image_extent(extent3(w as u32, h as u32, 1))]
    };
    let up_regions = region(16, row as u32, height as u32);
    let down_regions = region(0, 0, 0);
    let to_image = vk::CopyBufferToImageInfo2::default()
        .src_buffer(up.buffer)
        .dst_image(image.image)
        .dst_image_layout(vk::ImageLayout::GENERAL)
        .regions(&up_regions);
    let to_buffer = vk::CopyImageToBufferInfo2::default()
        .src_image(image.image)
        .src_image_layout(vk::ImageLayout::GENERAL)
        .dst_buffer(down.buffer)
        .regions(&down_regions);
    ctx.run(|cb| {
        // SAFETY: regions lie inside the resources; the image is in GENERAL layout.
        unsafe { copy2.cmd_copy_buffer_to_image2(cb, &to_image) };
        ctx.cmd_transfer_barrier(cb);
        // SAFETY: as above.
        unsafe { copy2.cmd_copy_image_to_buffer2(cb, &to_buffer) };
    });
    let mut want = Vec::new();
    for y in 0..h {
        want.extend_from_slice(&up_bytes[16 + y * row * 4..][..w * 4]);
    }
    assert_bytes_eq(&down.read(), &want, "round trip through the *2 commands");
}

#[test]
fn copy_image2_copies_a_subrectangle() {
    let Some((ctx, copy2)) = copy2_context("copy_image2_copies_a_subrectangle") else {
        return;
    };
    let format = vk::Format::R8G8B8A8_UNORM;
    let src = ctx.create_image_2d(format, 4, 4);
    let dst = ctx.create_image_2d(format, 4, 4);
    let src_bytes = pattern(64, 102);
    ctx.write_image(&src, COLOR, 0, 0, 1, &src_bytes);
    ctx.write_image(&dst, COLOR, 0, 0, 1, &[0u8; 64]);
    let regions = [vk::ImageCopy2::default()
        .src_subresource(src.layers(COLOR, 0, 0, 1))
        .src_offset(offset3(2, 1, 0))
        .dst_subresource(dst.layers(COLOR, 0, 0, 1))
        .dst_offset(offset3(0, 2, 0))
        .extent(extent3(2, 2, 1))];
    let info = vk::CopyImageInfo2::default()
        .src_image(src.image)
        .src_image_layout(vk::ImageLayout::GENERAL)
        .dst_image(dst.image)
        .dst_image_layout(vk::ImageLayout::GENERAL)
        .regions(&regions);
    // SAFETY: the region lies inside both images.
    ctx.run(|cb| unsafe { copy2.cmd_copy_image2(cb, &info) });
    let mut want = vec![0u8; 64];
    for y in 0..2 {
        for x in 0..2 {
            let t = texel(&src_bytes, 4, 4, 4, 2 + x, 1 + y, 0).to_vec();
            want[((2 + y) * 4 + x) * 4..][..4].copy_from_slice(&t);
        }
    }
    assert_bytes_eq(&ctx.read_image(&dst, COLOR, 0, 0, 1), &want, "dst after vkCmdCopyImage2");
}

#[test]
fn blit_image2_nearest_upscale_repeats_each_texel() {
    let Some((ctx, copy2)) = copy2_context("blit_image2_nearest_upscale_repeats_each_texel") else {
        return;
    };
    let format = vk::Format::R8G8B8A8_UNORM;
    let src = ctx.create_image_2d(format, 2, 2);
    let dst = ctx.create_image_2d(format, 6, 2);
    ctx.write_image(&src, COLOR, 0, 0, 1, &FOUR_COLOURS.concat());
    let regions = [vk::ImageBlit2::default()
        .src_subresource(src.layers(COLOR, 0, 0, 1))
        .src_offsets([offset3(0, 0, 0), offset3(2, 2, 1)])
        .dst_subresource(dst.layers(COLOR, 0, 0, 1))
        .dst_offsets([offset3(0, 0, 0), offset3(6, 2, 1)])];
    let info = vk::BlitImageInfo2::default()
        .src_image(src.image)
        .src_image_layout(vk::ImageLayout::GENERAL)
        .dst_image(dst.image)
        .dst_image_layout(vk::ImageLayout::GENERAL)
        .regions(&regions)
        .filter(vk::Filter::NEAREST);
    // SAFETY: the region lies inside both images.
    ctx.run(|cb| unsafe { copy2.cmd_blit_image2(cb, &info) });
    let mut want = Vec::new();
    for y in 0..2 {
        for x in 0..6 {
            want.extend_from_slice(&FOUR_COLOURS[y * 2 + x / 3]);
        }
    }
    assert_bytes_eq(&ctx.read_image(&dst, COLOR, 0, 0, 1), &want, "3x horizontal nearest blit");
}

/// NEAREST blits between two images of a combined depth/stencil format copy each aspect
/// in its plane: depth and stencil both land, mirrored here, and one aspect alone leaves the
/// other untouched (CTS blit_image.all_formats.depth_stencil.*_s8_uint).
#[test]
fn blit_of_combined_depth_stencil_formats_copies_each_aspect() {
    let ctx = Context::new();
    let (w, h) = (4u32, 2u32);
    let n = (w * h) as usize;
    let (depth, stencil) = (vk::ImageAspectFlags::DEPTH, vk::ImageAspectFlags::STENCIL);
    let mut ran = 0;
    for format in [vk::Format::D24_UNORM_S8_UINT, vk::Format::D32_SFLOAT_S8_UINT, vk::Format::D16_UNORM_S8_UINT] {
        if !require_blit(&ctx, format, format, vk::Filter::NEAREST) {
            skip("blit_of_combined_depth_stencil_formats", &format!("{format:?} lacks BLIT_SRC|BLIT_DST"));
            continue;
        }
        let (src, dst) = (ctx.create_image_2d(format, w, h), ctx.create_image_2d(format, w, h));
        // Depth in its copy format: 4 bytes for D24 (low 24 bits) and D32, 2 for D16.
        let depth_bytes = if format == vk::Format::D16_UNORM_S8_UINT { 2 } else { 4 };
        let depth_mask: u32 = match format {
            vk::Format::D24_UNORM_S8_UINT => 0x00ff_ffff,
            vk::Format::D16_UNORM_S8_UINT => 0xffff,
            _ => u32::MAX,
        };
        let depth_texel = |i: usize| match format {
            vk::Format::D32_SFLOAT_S8_UINT => (i as f32 / 8.0).to_bits(),
            _ => (i as u32 * 0x1357) & depth_mask,
        };
        let depth_data: Vec<u8> = (0..n).flat_map(|i| depth_texel(i).to_le_bytes()[..depth_bytes].to_vec()).collect();
        let stencil_data: Vec<u8> = (0..n).map(|i| 0x10 + i as u8).collect();
        ctx.write_image(&src, depth, 0, 0, 1, &depth_data);
        ctx.write_image(&src, stencil, 0, 0, 1, &stencil_data);
        ctx.write_image(&dst, depth, 0, 0, 1, &vec![0; n * depth_bytes]);
        ctx.write_image(&dst, stencil, 0, 0, 1, &vec![0xee; n]);
        let mirrored = |aspect| vk::ImageBlit {
            src_subresource: src.layers(aspect, 0, 0, 1),
            src_offsets: [offset3(0, 0, 0), offset3(w as i32, h as i32, 1)],
            dst_subresource: dst.layers(aspect, 0, 0, 1),
            dst_offsets: [offset3(w as i32, 0, 0), offset3(0, h as i32, 1)],
        };
        let mirror_of = |i: usize| (i / w as usize) * w as usize + (w as usize - 1 - i % w as usize);
        // The depth aspect alone first: stencil keeps its 0xee (lavapipe 22.3 blits both
        // aspects here, so this is checked on softvk only).
        blit(&ctx, &src, &dst, mirrored(depth), vk::Filter::NEAREST);
        if ctx.is_softvk {
            assert_bytes_eq(&ctx.read_image(&dst, stencil, 0, 0, 1), &vec![0xee; n], &format!("{format:?}: stencil before its blit"));
        }
        blit(&ctx, &src, &dst, mirrored(stencil), vk::Filter::NEAREST);
        let got_depth = ctx.read_image(&dst, depth, 0, 0, 1);
        for (i, texel) in got_depth.chunks_exact(depth_bytes).enumerate() {
            let mut word = [0u8; 4];
            word[..depth_bytes].copy_from_slice(texel);
            assert_eq!(u32::from_le_bytes(word) & depth_mask, depth_texel(mirror_of(i)), "{format:?}: depth texel {i}");
        }
        let want_stencil: Vec<u8> = (0..n).map(|i| stencil_data[mirror_of(i)]).collect();
        assert_bytes_eq(&ctx.read_image(&dst, stencil, 0, 0, 1), &want_stencil, &format!("{format:?}: stencil"));
        ran += 1;
    }
    if ctx.is_softvk {
        assert_eq!(ran, 3, "softvk blits every combined depth/stencil format");
    }
}
