//! Every format the device reports for transfers survives a buffer -> image -> buffer
//! round trip bit for bit, through padded buffer rows and two array layers.
//!
//! Texel sizes come from the formats' names, the spec's own notation (`R16G16_SFLOAT`
//! is 32 bits, `*_PACK16` is 16 bits), not from the driver.

use ash::vk;
use softvk_tests::{pattern, Context};

/// Bytes per texel of one aspect, from the format's name; None for block-compressed
/// and multi-planar formats.
fn texel_bytes(format: vk::Format, aspect: vk::ImageAspectFlags) -> Option<usize> {
    let name = format!("{format:?}");
    if aspect == vk::ImageAspectFlags::STENCIL {
        return Some(1);
    }
    if name.contains("BLOCK")
        || name.contains("PLANE")
        || name.contains("422")
        || name.contains("420")
        || name.contains("444")
    {
        return None;
    }
    // Depth aspects of combined formats copy as 2 (D16) or 4 (D24 in 32 bits, D32) bytes.
    if aspect == vk::ImageAspectFlags::DEPTH {
        return Some(if name.starts_with("D16") { 2 } else { 4 });
    }
    for (suffix, bytes) in [("PACK8", 1), ("PACK16", 2), ("PACK32", 4)] {
        if name.ends_with(suffix) {
            return Some(bytes);
        }
    }
    let channels = name.split('_').next()?;
    let mut bits = 0usize;
    let mut digits = String::new();
    for c in channels.chars().chain(std::iter::once('!')) {
        if c.is_ascii_digit() {
            digits.push(c);
        } else if !digits.is_empty() {
            bits += digits.parse::<usize>().ok()?;
            digits.clear();
        }
    }
    (bits > 0 && bits.is_multiple_of(8)).then_some(bits / 8)
}

fn aspects(format: vk::Format) -> Vec<vk::ImageAspectFlags> {
    let name = format!("{format:?}");
    match (name.starts_with('D') || name.starts_with("X8_D"), name.contains("S8_UINT")) {
        (true, true) => vec![vk::ImageAspectFlags::DEPTH, vk::ImageAspectFlags::STENCIL],
        (true, false) => vec![vk::ImageAspectFlags::DEPTH],
        (false, true) => vec![vk::ImageAspectFlags::STENCIL],
        _ => vec![vk::ImageAspectFlags::COLOR],
    }
}

/// Data that every implementation must preserve: depth values in [0, 1] (D32), the
/// unused top byte of 24-bit depth zero; anything else is raw bits.
fn valid_data(format: vk::Format, aspect: vk::ImageAspectFlags, len: usize, seed: u64) -> Vec<u8> {
    let mut data = pattern(len, seed);
    if aspect == vk::ImageAspectFlags::DEPTH {
        let name = format!("{format:?}");
        for (i, texel) in data.chunks_mut(4).enumerate() {
            if name.contains("D32") {
                texel.copy_from_slice(&((i % 1000) as f32 / 999.0).to_le_bytes());
            } else if name.contains("D24") {
                texel[3] = 0;
            }
        }
    }
    data
}

#[test]
fn every_transfer_format_round_trips_bit_exactly() {
    let ctx = Context::new();
    let (width, height, layers, row_length) = (7u32, 5u32, 2u32, 9u32);
    let mut tested = Vec::new();
    // The core formats (1..=130) are the uncompressed ones up to D32_SFLOAT_S8_UINT.
    for raw in 1..=130 {
        let format = vk::Format::from_raw(raw);
        let needed = vk::FormatFeatureFlags::TRANSFER_SRC | vk::FormatFeatureFlags::TRANSFER_DST;
        if !ctx.format_properties(format).optimal_tiling_features.contains(needed) {
            assert!(!ctx.is_softvk, "softvk does not report transfers for {format:?}");
            continue;
        }
        let info = vk::ImageCreateInfo::default()
            .image_type(vk::ImageType::TYPE_2D)
            .format(format)
            .extent(vk::Extent3D { width, height, depth: 1 })
            .mip_levels(1)
            .array_layers(layers)
            .samples(vk::SampleCountFlags::TYPE_1)
            .tiling(vk::ImageTiling::OPTIMAL)
            .usage(vk::ImageUsageFlags::TRANSFER_SRC | vk::ImageUsageFlags::TRANSFER_DST);
        let image = ctx.create_image(&info);
        for aspect in aspects(format) {
            let texel = texel_bytes(format, aspect).unwrap_or_else(|| panic!("no texel size for {format:?}"));
            // Upload from rows padded to `row_length` texels, read back tightly packed.
            let padded_len = texel * (row_length * height * layers) as usize;
            let padded = valid_data(format, aspect, padded_len, raw as u64);
            let upload = ctx.create_transfer_buffer(padded_len as u64);
            upload.write(0, &padded);
            let packed_len = texel * (width * height * layers) as usize;
            let download = ctx.create_transfer_buffer(packed_len as u64);
            download.fill(0xEE);
            let layers_of = vk::ImageSubresourceLayers {
                aspect_mask: aspect,
                mip_level: 0,
                base_array_layer: 0,
                layer_count: layers,
            };
            let extent = vk::Extent3D { width, height, depth: 1 };
            ctx.run(|cb| {
                let up = vk::BufferImageCopy {
                    buffer_row_length: row_length,
                    buffer_image_height: height,
                    image_subresource: layers_of,
                    image_extent: extent,
                    ..Default::default()
                };
                let down =
                    vk::BufferImageCopy { image_subresource: layers_of, image_extent: extent, ..Default::default() };
                // SAFETY: both regions lie inside their resources.
                unsafe {
                    ctx.device.cmd_copy_buffer_to_image(
                        cb,
                        upload.buffer,
                        image.image,
                        vk::ImageLayout::GENERAL,
                        &[up],
                    );
                    ctx.cmd_transfer_barrier(cb);
                    ctx.device.cmd_copy_image_to_buffer(
                        cb,
                        image.image,
                        vk::ImageLayout::GENERAL,
                        download.buffer,
                        &[down],
                    );
                }
            });
            let mut expected = Vec::with_capacity(packed_len);
            for row in padded.chunks(texel * row_length as usize) {
                expected.extend_from_slice(&row[..texel * width as usize]);
            }
            assert!(download.read() == expected, "{format:?} {aspect:?} did not round-trip");
        }
        tested.push(format);
    }
    eprintln!("round-tripped {} formats", tested.len());
    if ctx.is_softvk {
        assert_eq!(tested.len(), 130);
    }
}

#[test]
fn texel_sizes_from_names_match_the_spec_examples() {
    use vk::Format as F;
    assert_eq!(texel_bytes(F::R8G8B8A8_UNORM, vk::ImageAspectFlags::COLOR), Some(4));
    assert_eq!(texel_bytes(F::R16G16B16_SFLOAT, vk::ImageAspectFlags::COLOR), Some(6));
    assert_eq!(texel_bytes(F::R64G64B64A64_SFLOAT, vk::ImageAspectFlags::COLOR), Some(32));
    assert_eq!(texel_bytes(F::A2B10G10R10_UNORM_PACK32, vk::ImageAspectFlags::COLOR), Some(4));
    assert_eq!(texel_bytes(F::R4G4_UNORM_PACK8, vk::ImageAspectFlags::COLOR), Some(1));
    assert_eq!(texel_bytes(F::D24_UNORM_S8_UINT, vk::ImageAspectFlags::DEPTH), Some(4));
    assert_eq!(texel_bytes(F::D16_UNORM_S8_UINT, vk::ImageAspectFlags::DEPTH), Some(2));
    assert_eq!(texel_bytes(F::D32_SFLOAT_S8_UINT, vk::ImageAspectFlags::STENCIL), Some(1));
    assert_eq!(texel_bytes(F::BC1_RGB_UNORM_BLOCK, vk::ImageAspectFlags::COLOR), None);
}

/// Bytes and extent of one block of a block-compressed format, from its name: BC1, BC4,
/// ETC2 RGB8 / RGB8A1 and EAC R11 blocks are 8 bytes, the others 16; ASTC names give the
/// block extent, the others are 4x4.
fn block_of(format: vk::Format) -> Option<(usize, u32, u32)> {
    let name = format!("{format:?}");
    if !name.ends_with("_BLOCK") {
        return None;
    }
    if let Some(dims) = name.strip_prefix("ASTC_") {
        let dims = dims.split('_').next()?;
        let (w, h) = dims.split_once('X')?;
        return Some((16, w.parse().ok()?, h.parse().ok()?));
    }
    let small = ["BC1_", "BC4_", "ETC2_R8G8B8_", "ETC2_R8G8B8A1_", "EAC_R11_"];
    Some((if small.iter().any(|p| name.starts_with(p)) { 8 } else { 16 }, 4, 4))
}

#[test]
fn every_compressed_transfer_format_round_trips_its_blocks() {
    let ctx = Context::new();
    let mut tested = 0;
    // BC (131..=146), ETC2/EAC (147..=156), ASTC LDR (157..=184).
    for raw in 131..=184 {
        let format = vk::Format::from_raw(raw);
        let needed = vk::FormatFeatureFlags::TRANSFER_SRC | vk::FormatFeatureFlags::TRANSFER_DST;
        if !ctx.format_properties(format).optimal_tiling_features.contains(needed) {
            assert!(!ctx.is_softvk, "softvk does not report transfers for {format:?}");
            continue;
        }
        let (block_bytes, bw, bh) = block_of(format).expect("a block format");
        // 3 x 2 blocks, the last column and row partial (the image is not a whole number of
        // blocks); the buffer rows are padded to 4 blocks.
        let (width, height) = (3 * bw - 1, 2 * bh - 1);
        let info = vk::ImageCreateInfo::default()
            .image_type(vk::ImageType::TYPE_2D)
            .format(format)
            .extent(vk::Extent3D { width, height, depth: 1 })
            .mip_levels(1)
            .array_layers(1)
            .samples(vk::SampleCountFlags::TYPE_1)
            .tiling(vk::ImageTiling::OPTIMAL)
            .usage(vk::ImageUsageFlags::TRANSFER_SRC | vk::ImageUsageFlags::TRANSFER_DST);
        let image = ctx.create_image(&info);
        let padded = pattern(4 * 2 * block_bytes, raw as u64);
        let upload = ctx.create_transfer_buffer(padded.len() as u64);
        upload.write(0, &padded);
        let download = ctx.create_transfer_buffer((3 * 2 * block_bytes) as u64);
        let layers = vk::ImageSubresourceLayers {
            aspect_mask: vk::ImageAspectFlags::COLOR,
            mip_level: 0,
            base_array_layer: 0,
            layer_count: 1,
        };
        let extent = vk::Extent3D { width, height, depth: 1 };
        ctx.run(|cb| {
            let up = vk::BufferImageCopy {
                buffer_row_length: 4 * bw,
                image_subresource: layers,
                image_extent: extent,
                ..Default::default()
            };
            let down = vk::BufferImageCopy { image_subresource: layers, image_extent: extent, ..Default::default() };
            // SAFETY: both regions lie inside their resources.
            unsafe {
                ctx.device.cmd_copy_buffer_to_image(cb, upload.buffer, image.image, vk::ImageLayout::GENERAL, &[up]);
                ctx.cmd_transfer_barrier(cb);
                ctx.device.cmd_copy_image_to_buffer(
                    cb,
                    image.image,
                    vk::ImageLayout::GENERAL,
                    download.buffer,
                    &[down],
                );
            }
        });
        let expected: Vec<u8> =
            padded.chunks(4 * block_bytes).flat_map(|row| row[..3 * block_bytes].to_vec()).collect();
        assert!(download.read() == expected, "{format:?} blocks did not round-trip");
        tested += 1;
    }
    eprintln!("round-tripped {tested} compressed formats");
    if ctx.is_softvk {
        assert_eq!(tested, 54);
    }
}

/// vkCmdCopyImage between a compressed and a size-compatible uncompressed format copies
/// blocks to texels: a 16x8 BC1 image (4x2 blocks of 8 bytes) into a 4x2 R32G32_UINT one.
#[test]
fn copy_image_moves_compressed_blocks_into_uncompressed_texels() {
    let ctx = Context::new();
    let needed = vk::FormatFeatureFlags::TRANSFER_SRC | vk::FormatFeatureFlags::TRANSFER_DST;
    if !ctx.format_properties(vk::Format::BC1_RGB_UNORM_BLOCK).optimal_tiling_features.contains(needed) {
        // BC is one of three compressed families a device may offer; softvk offers all three.
        assert!(!ctx.is_softvk, "softvk reports no transfers for BC1_RGB_UNORM_BLOCK");
        softvk_tests::skip("copy_image_moves_compressed_blocks_into_uncompressed_texels", "no BC1 transfers");
        return;
    }
    let image = |format, width, height| {
        ctx.create_image(
            &vk::ImageCreateInfo::default()
                .image_type(vk::ImageType::TYPE_2D)
                .format(format)
                .extent(vk::Extent3D { width, height, depth: 1 })
                .mip_levels(1)
                .array_layers(1)
                .samples(vk::SampleCountFlags::TYPE_1)
                .tiling(vk::ImageTiling::OPTIMAL)
                .usage(vk::ImageUsageFlags::TRANSFER_SRC | vk::ImageUsageFlags::TRANSFER_DST),
        )
    };
    let (bc1, plain) = (image(vk::Format::BC1_RGB_UNORM_BLOCK, 16, 8), image(vk::Format::R32G32_UINT, 4, 2));
    let blocks = pattern(8 * 8, 99);
    let upload = ctx.create_transfer_buffer(blocks.len() as u64);
    upload.write(0, &blocks);
    let layers = vk::ImageSubresourceLayers {
        aspect_mask: vk::ImageAspectFlags::COLOR,
        mip_level: 0,
        base_array_layer: 0,
        layer_count: 1,
    };
    let out = ctx.create_transfer_buffer(blocks.len() as u64);
    ctx.run(|cb| {
        let region = vk::ImageCopy {
            src_subresource: layers,
            dst_subresource: layers,
            extent: vk::Extent3D { width: 16, height: 8, depth: 1 },
            ..Default::default()
        };
        let down = vk::BufferImageCopy {
            image_subresource: layers,
            image_extent: vk::Extent3D { width: 4, height: 2, depth: 1 },
            ..Default::default()
        };
        let up = vk::BufferImageCopy {
            image_subresource: layers,
            image_extent: vk::Extent3D { width: 16, height: 8, depth: 1 },
            ..Default::default()
        };
        // SAFETY: the regions lie inside the images and the buffers.
        unsafe {
            ctx.device.cmd_copy_buffer_to_image(cb, upload.buffer, bc1.image, vk::ImageLayout::GENERAL, &[up]);
            ctx.cmd_transfer_barrier(cb);
            ctx.cmd_copy_image(cb, &bc1, &plain, &[region]);
            ctx.cmd_transfer_barrier(cb);
            ctx.device.cmd_copy_image_to_buffer(cb, plain.image, vk::ImageLayout::GENERAL, out.buffer, &[down]);
        }
    });
    assert!(out.read() == blocks, "the blocks did not arrive as texels");
}

/// An image format query for a combination the device cannot create fails with
/// VK_ERROR_FORMAT_NOT_SUPPORTED and fills every member of VkImageFormatProperties with
/// zero (spec), in both the 1.0 and the 2 entry points, whatever the memory held before.
#[test]
fn unsupported_image_format_queries_zero_the_properties() {
    let ctx = Context::new();
    let combinations = [
        (vk::Format::BC1_RGB_UNORM_BLOCK, vk::ImageType::TYPE_2D, vk::ImageUsageFlags::SAMPLED),
        (vk::Format::D16_UNORM, vk::ImageType::TYPE_3D, vk::ImageUsageFlags::SAMPLED),
        (vk::Format::D32_SFLOAT_S8_UINT, vk::ImageType::TYPE_1D, vk::ImageUsageFlags::TRANSFER_DST),
        (vk::Format::R8G8B8A8_UNORM, vk::ImageType::TYPE_2D, vk::ImageUsageFlags::TRANSFER_DST),
    ];
    let garbage = vk::ImageFormatProperties {
        max_extent: vk::Extent3D { width: 0xabab, height: 0xabab, depth: 0xabab },
        max_mip_levels: 0xabab,
        max_array_layers: 0xabab,
        sample_counts: vk::SampleCountFlags::from_raw(0xab),
        max_resource_size: 0xabab_abab,
    };
    let zero = vk::ImageFormatProperties::default();
    let mut refused = 0;
    for (format, ty, usage) in combinations {
        let mut props = garbage;
        // SAFETY: a valid query with a writable output structure.
        let result = unsafe {
            (ctx.instance.fp_v1_0().get_physical_device_image_format_properties)(
                ctx.physical_device,
                format,
                ty,
                vk::ImageTiling::OPTIMAL,
                usage,
                vk::ImageCreateFlags::empty(),
                &mut props,
            )
        };
        let info = vk::PhysicalDeviceImageFormatInfo2::default().format(format).ty(ty).tiling(vk::ImageTiling::OPTIMAL).usage(usage);
        let mut props2 = vk::ImageFormatProperties2 { image_format_properties: garbage, ..Default::default() };
        // SAFETY: as above.
        let result2 = unsafe {
            (ctx.instance.fp_v1_1().get_physical_device_image_format_properties2)(ctx.physical_device, &info, &mut props2)
        };
        assert_eq!(result, result2, "{format:?} {ty:?} {usage:?}: the two entry points agree");
        match result {
            vk::Result::SUCCESS => {
                assert!(props.max_extent.width >= 1, "{format:?} {ty:?}: {props:?}");
                assert_eq!(fields(&props2.image_format_properties), fields(&props), "{format:?} {ty:?}: the two entry points agree");
            }
            vk::Result::ERROR_FORMAT_NOT_SUPPORTED => {
                refused += 1;
                assert_eq!(fields(&props), fields(&zero), "{format:?} {ty:?} {usage:?}: not zeroed");
                assert_eq!(fields(&props2.image_format_properties), fields(&zero), "{format:?} {ty:?} {usage:?}: not zeroed (2)");
            }
            other => panic!("{format:?} {ty:?} {usage:?}: {other:?}"),
        }
    }
    // softvk has no compressed formats and no 3D or 1D depth images.
    if ctx.is_softvk {
        assert_eq!(refused, 3, "the unsupported combinations are refused");
    }
}

fn fields(p: &vk::ImageFormatProperties) -> (u32, u32, u32, u32, u32, u32, u64) {
    let e = p.max_extent;
    (e.width, e.height, e.depth, p.max_mip_levels, p.max_array_layers, p.sample_counts.as_raw(), p.max_resource_size)
}
