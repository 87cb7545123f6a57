//! Compute shaders reading and writing images through the loader: storage images (load,
//! store, atomics, size), sampled images (explicit-LOD sampling, texel fetches, size) and
//! uniform and storage texel buffers. Expectations are computed here from the formats'
//! definitions.

use ash::vk;
use softvk_tests::compute::{bytes_of, spirv, values_of};
use softvk_tests::{Context, HostBuffer, Image, FENCE_TIMEOUT_NS};

/// What one binding of set 0 holds.
enum Info {
    Buffer(vk::Buffer),
    StorageImage(vk::ImageView),
    Combined(vk::ImageView, vk::Sampler),
    UniformTexel(vk::BufferView),
    StorageTexel(vk::BufferView),
}

impl Info {
    fn descriptor_type(&self) -> vk::DescriptorType {
        match self {
            Info::Buffer(_) => vk::DescriptorType::STORAGE_BUFFER,
            Info::StorageImage(_) => vk::DescriptorType::STORAGE_IMAGE,
            Info::Combined(..) => vk::DescriptorType::COMBINED_IMAGE_SAMPLER,
            Info::UniformTexel(_) => vk::DescriptorType::UNIFORM_TEXEL_BUFFER,
            Info::StorageTexel(_) => vk::DescriptorType::STORAGE_TEXEL_BUFFER,
        }
    }
}

/// Runs `shader` once over `groups` with binding i of set 0 = `bindings[i]`.
fn dispatch(ctx: &Context, shader: &str, bindings: &[Info], groups: [u32; 3]) {
    let device = &ctx.device;
    let code = spirv(shader);
    let layout_bindings: Vec<_> = bindings
        .iter()
        .enumerate()
        .map(|(i, b)| {
            vk::DescriptorSetLayoutBinding::default()
                .binding(i as u32)
                .descriptor_type(b.descriptor_type())
                .descriptor_count(1)
                .stage_flags(vk::ShaderStageFlags::COMPUTE)
        })
        .collect();
    // SAFETY: valid create infos; everything is destroyed after the submission finished.
    unsafe {
        let set_layout =
            device.create_descriptor_set_layout(&vk::DescriptorSetLayoutCreateInfo::default().bindings(&layout_bindings), None).unwrap();
        let set_layouts = [set_layout];
        let layout = device.create_pipeline_layout(&vk::PipelineLayoutCreateInfo::default().set_layouts(&set_layouts), None).unwrap();
        let module = device.create_shader_module(&vk::ShaderModuleCreateInfo::default().code(&code), None).unwrap();
        let stage = vk::PipelineShaderStageCreateInfo::default().stage(vk::ShaderStageFlags::COMPUTE).module(module).name(c"main");
        let pipeline = device
            .create_compute_pipelines(vk::PipelineCache::null(), &[vk::ComputePipelineCreateInfo::default().stage(stage).layout(layout)], None)
            .expect("vkCreateComputePipelines")[0];
        let sizes: Vec<_> = bindings.iter().map(|b| vk::DescriptorPoolSize { ty: b.descriptor_type(), descriptor_count: 1 }).collect();
        let pool = device.create_descriptor_pool(&vk::DescriptorPoolCreateInfo::default().max_sets(1).pool_sizes(&sizes), None).unwrap();
        let set = device.allocate_descriptor_sets(&vk::DescriptorSetAllocateInfo::default().descriptor_pool(pool).set_layouts(&set_layouts)).unwrap()[0];
        let buffer_infos: Vec<[vk::DescriptorBufferInfo; 1]> = bindings
            .iter()
            .map(|b| match b {
                Info::Buffer(buffer) => [vk::DescriptorBufferInfo { buffer: *buffer, offset: 0, range: vk::WHOLE_SIZE }],
                _ => [vk::DescriptorBufferInfo::default()],
            })
            .collect();
        let image_infos: Vec<[vk::DescriptorImageInfo; 1]> = bindings
            .iter()
            .map(|b| match b {
                Info::StorageImage(view) => [vk::DescriptorImageInfo { sampler: vk::Sampler::null(), image_view: *view, image_layout: vk::ImageLayout::GENERAL }],
                Info::Combined(view, sampler) => [vk::DescriptorImageInfo { sampler: *sampler, image_view: *view, image_layout: vk::ImageLayout::GENERAL }],
                _ => [vk::DescriptorImageInfo::default()],
            })
            .collect();
        let texel_views: Vec<[vk::BufferView; 1]> = bindings
            .iter()
            .map(|b| match b {
                Info::UniformTexel(v) | Info::StorageTexel(v) => [*v],
                _ => [vk::BufferView::null()],
            })
            .collect();
        let writes: Vec<_> = bindings
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let w = vk::WriteDescriptorSet::default().dst_set(set).dst_binding(i as u32).descriptor_type(b.descriptor_type());
                match b {
                    Info::Buffer(_) => w.buffer_info(&buffer_infos[i]),
                    Info::StorageImage(_) | Info::Combined(..) => w.image_info(&image_infos[i]),
                    Info::UniformTexel(_) | Info::StorageTexel(_) => w.texel_buffer_view(&texel_views[i]),
                }
            })
            .collect();
        device.update_descriptor_sets(&writes, &[]);
        let cb = ctx.allocate_command_buffer(vk::CommandBufferLevel::PRIMARY);
        ctx.begin(cb);
        device.cmd_bind_pipeline(cb, vk::PipelineBindPoint::COMPUTE, pipeline);
        device.cmd_bind_descriptor_sets(cb, vk::PipelineBindPoint::COMPUTE, layout, 0, &[set], &[]);
        device.cmd_dispatch(cb, groups[0], groups[1], groups[2]);
        let barrier = [vk::MemoryBarrier::default()
            .src_access_mask(vk::AccessFlags::SHADER_WRITE)
            .dst_access_mask(vk::AccessFlags::HOST_READ | vk::AccessFlags::TRANSFER_READ)];
        device.cmd_pipeline_barrier(
            cb,
            vk::PipelineStageFlags::COMPUTE_SHADER,
            vk::PipelineStageFlags::HOST | vk::PipelineStageFlags::TRANSFER,
            vk::DependencyFlags::empty(),
            &barrier,
            &[],
            &[],
        );
        ctx.end(cb);
        let fence = ctx.create_fence(false);
        device.queue_submit(ctx.queue, &[vk::SubmitInfo::default().command_buffers(std::slice::from_ref(&cb))], fence).unwrap();
        device.wait_for_fences(&[fence], true, FENCE_TIMEOUT_NS).expect("dispatch (hang?)");
        device.destroy_fence(fence, None);
        device.free_command_buffers(ctx.command_pool, &[cb]);
        device.destroy_descriptor_pool(pool, None);
        device.destroy_pipeline(pipeline, None);
        device.destroy_shader_module(module, None);
        device.destroy_pipeline_layout(layout, None);
        device.destroy_descriptor_set_layout(set_layout, None);
    }
}

/// A 2D (or 1D) image in GENERAL layout with the usages the tests need, and a view.
fn image(ctx: &Context, format: vk::Format, image_type: vk::ImageType, width: u32, height: u32) -> (Image, vk::ImageView) {
    let info = vk::ImageCreateInfo::default()
        .image_type(image_type)
        .format(format)
        .extent(vk::Extent3D { width, height, depth: 1 })
        .mip_levels(1)
        .array_layers(1)
        .samples(vk::SampleCountFlags::TYPE_1)
        .tiling(vk::ImageTiling::OPTIMAL)
        .usage(vk::ImageUsageFlags::STORAGE | vk::ImageUsageFlags::SAMPLED | vk::ImageUsageFlags::TRANSFER_SRC | vk::ImageUsageFlags::TRANSFER_DST);
    let image = ctx.create_image(&info);
    let view_type = if image_type == vk::ImageType::TYPE_1D { vk::ImageViewType::TYPE_1D } else { vk::ImageViewType::TYPE_2D };
    let view_info = vk::ImageViewCreateInfo::default()
        .image(image.image)
        .view_type(view_type)
        .format(format)
        .subresource_range(image.full_range());
    // SAFETY: valid create info for a live image.
    let view = unsafe { ctx.device.create_image_view(&view_info, None) }.expect("vkCreateImageView");
    (image, view)
}

fn destroy_view(ctx: &Context, view: vk::ImageView) {
    // SAFETY: the dispatch that used the view has finished.
    unsafe { ctx.device.destroy_image_view(view, None) };
}

fn storage_buffer(ctx: &Context, data: &[u8]) -> HostBuffer {
    let usage = vk::BufferUsageFlags::STORAGE_BUFFER | vk::BufferUsageFlags::UNIFORM_TEXEL_BUFFER | vk::BufferUsageFlags::STORAGE_TEXEL_BUFFER;
    let buffer = ctx.create_buffer(data.len() as u64, usage);
    buffer.write(0, data);
    buffer
}

fn unorm8(v: f32) -> u8 {
    (v.clamp(0.0, 1.0) * 255.0).round() as u8
}

#[test]
fn image_store_writes_converted_texels_to_an_rgba8_storage_image() {
    let ctx = Context::new();
    let (target, view) = image(&ctx, vk::Format::R8G8B8A8_UNORM, vk::ImageType::TYPE_2D, 16, 8);
    dispatch(&ctx, "image_store_gradient", &[Info::StorageImage(view)], [4, 2, 1]);
    let texels = ctx.read_image(&target, vk::ImageAspectFlags::COLOR, 0, 0, 1);
    for y in 0..8 {
        for x in 0..16 {
            let at = (y * 16 + x) * 4;
            let expected = [unorm8(x as f32 / 16.0), unorm8(y as f32 / 8.0), unorm8(0.5), 255];
            assert_eq!(&texels[at..at + 4], &expected, "texel ({x}, {y})");
        }
    }
    destroy_view(&ctx, view);
}

#[test]
fn image_load_and_image_size_read_an_r32f_storage_image() {
    let ctx = Context::new();
    let (source, view) = image(&ctx, vk::Format::R32_SFLOAT, vk::ImageType::TYPE_2D, 8, 4);
    let values: Vec<f32> = (0..32).map(|i| i as f32 * 0.25 - 3.0).collect();
    ctx.write_image(&source, vk::ImageAspectFlags::COLOR, 0, 0, 1, &bytes_of(&values));
    let out = storage_buffer(&ctx, &vec![0u8; 8 + 32 * 4]);
    dispatch(&ctx, "image_load_scale", &[Info::StorageImage(view), Info::Buffer(out.buffer)], [4, 1, 1]);
    let bytes = out.read();
    assert_eq!(values_of::<i32>(&bytes[..8]), vec![8, 4], "imageSize");
    let got: Vec<f32> = values_of(&bytes[8..]);
    for i in 0..32 {
        assert_eq!(got[i], 2.0 * values[i] + (i % 8) as f32, "value {i}");
    }
    destroy_view(&ctx, view);
}

#[test]
fn image_atomic_add_counts_into_an_r32ui_image_exactly() {
    let ctx = Context::new();
    let (bins, view) = image(&ctx, vk::Format::R32_UINT, vk::ImageType::TYPE_1D, 16, 1);
    ctx.write_image(&bins, vk::ImageAspectFlags::COLOR, 0, 0, 1, &vec![0u8; 64]);
    let values: Vec<u32> = (0..1024u32).map(|i| i.wrapping_mul(2654435761) >> 7).collect();
    let input = storage_buffer(&ctx, &bytes_of(&values));
    dispatch(&ctx, "image_atomic_histogram", &[Info::StorageImage(view), Info::Buffer(input.buffer)], [16, 1, 1]);
    let counts: Vec<u32> = values_of(&ctx.read_image(&bins, vk::ImageAspectFlags::COLOR, 0, 0, 1));
    let mut expected = [0u32; 16];
    for v in &values {
        expected[(v % 16) as usize] += 1;
    }
    assert_eq!(counts, expected.to_vec());
    destroy_view(&ctx, view);
}

#[test]
fn texture_lod_filters_and_texel_fetch_reads_a_sampled_image() {
    let ctx = Context::new();
    let (tex, view) = image(&ctx, vk::Format::R8G8B8A8_UNORM, vk::ImageType::TYPE_2D, 4, 4);
    // Texel (x, y) = (x * 60, y * 60, 255 - x * 60, 255).
    let texels: Vec<u8> = (0..16).flat_map(|i| [(i % 4) as u8 * 60, (i / 4) as u8 * 60, 255 - (i % 4) as u8 * 60, 255]).collect();
    ctx.write_image(&tex, vk::ImageAspectFlags::COLOR, 0, 0, 1, &texels);
    let sampler_info = vk::SamplerCreateInfo::default()
        .mag_filter(vk::Filter::LINEAR)
        .min_filter(vk::Filter::LINEAR)
        .address_mode_u(vk::SamplerAddressMode::CLAMP_TO_EDGE)
        .address_mode_v(vk::SamplerAddressMode::CLAMP_TO_EDGE)
        .address_mode_w(vk::SamplerAddressMode::CLAMP_TO_EDGE)
        .max_lod(0.0);
    // SAFETY: valid create info.
    let sampler = unsafe { ctx.device.create_sampler(&sampler_info, None) }.unwrap();
    let out = storage_buffer(&ctx, &vec![0u8; 16 * 3 + 16]);
    dispatch(&ctx, "texture_sample_lod", &[Info::Combined(view, sampler), Info::Buffer(out.buffer)], [1, 1, 1]);
    let bytes = out.read();
    let v: Vec<f32> = values_of(&bytes[..48]);
    let close = |got: &[f32], want: [f32; 4], what: &str| {
        for c in 0..4 {
            assert!((got[c] - want[c]).abs() < 1.0 / 255.0 + 1e-4, "{what}: {got:?} vs {want:?}");
        }
    };
    // (0.125, 0.125) is the centre of texel (0, 0): linear filtering gives it exactly.
    close(&v[0..4], [0.0, 0.0, 1.0, 1.0], "texel (0,0) centre");
    // (0.25, 0.125) is halfway between texels (0,0) and (1,0).
    close(&v[4..8], [30.0 / 255.0, 0.0, 225.0 / 255.0, 1.0], "between (0,0) and (1,0)");
    close(&v[8..12], [180.0 / 255.0, 60.0 / 255.0, 75.0 / 255.0, 1.0], "texelFetch (3,1)");
    assert_eq!(values_of::<i32>(&bytes[48..56]), vec![4, 4], "textureSize");
    // SAFETY: the dispatch finished.
    unsafe { ctx.device.destroy_sampler(sampler, None) };
    destroy_view(&ctx, view);
}

#[test]
fn texel_buffers_are_fetched_and_stored_through_their_formats() {
    let ctx = Context::new();
    let source_texels: Vec<u8> = (0..64u32).map(|i| (i * 4) as u8).collect();
    let source = storage_buffer(&ctx, &source_texels);
    let target = storage_buffer(&ctx, &vec![0u8; 64]);
    // SAFETY: valid create infos for live buffers.
    let (source_view, target_view) = unsafe {
        let view = |buffer: vk::Buffer, format| {
            ctx.device
                .create_buffer_view(&vk::BufferViewCreateInfo::default().buffer(buffer).format(format).range(vk::WHOLE_SIZE), None)
                .unwrap()
        };
        (view(source.buffer, vk::Format::R8G8B8A8_UNORM), view(target.buffer, vk::Format::R32_SFLOAT))
    };
    dispatch(&ctx, "texel_buffers", &[Info::UniformTexel(source_view), Info::StorageTexel(target_view)], [1, 1, 1]);
    let sums: Vec<f32> = values_of(&target.read());
    for i in 0..16 {
        let expected: f32 = (0..4).map(|c| source_texels[i * 4 + c] as f32 / 255.0).sum();
        assert!((sums[i] - expected).abs() < 1e-5, "texel {i}: {} vs {expected}", sums[i]);
    }
    // SAFETY: the dispatch finished.
    unsafe {
        ctx.device.destroy_buffer_view(source_view, None);
        ctx.device.destroy_buffer_view(target_view, None);
    }
}

/// A cube-compatible image of `cubes` cubes of `size`x`size` faces, in GENERAL layout,
/// with a CUBE_ARRAY view.
fn cube_array(ctx: &Context, format: vk::Format, size: u32, cubes: u32) -> (Image, vk::ImageView) {
    let info = vk::ImageCreateInfo::default()
        .flags(vk::ImageCreateFlags::CUBE_COMPATIBLE)
        .image_type(vk::ImageType::TYPE_2D)
        .format(format)
        .extent(vk::Extent3D { width: size, height: size, depth: 1 })
        .mip_levels(1)
        .array_layers(6 * cubes)
        .samples(vk::SampleCountFlags::TYPE_1)
        .tiling(vk::ImageTiling::OPTIMAL)
        .usage(vk::ImageUsageFlags::STORAGE | vk::ImageUsageFlags::SAMPLED | vk::ImageUsageFlags::TRANSFER_SRC | vk::ImageUsageFlags::TRANSFER_DST);
    let image = ctx.create_image(&info);
    let view_info = vk::ImageViewCreateInfo::default()
        .image(image.image)
        .view_type(vk::ImageViewType::CUBE_ARRAY)
        .format(format)
        .subresource_range(image.full_range());
    // SAFETY: valid create info for a live image.
    let view = unsafe { ctx.device.create_image_view(&view_info, None) }.expect("vkCreateImageView (CUBE_ARRAY)");
    (image, view)
}

#[test]
fn cube_array_images_store_by_layer_and_sample_by_direction_and_cube() {
    use softvk_tests::features::context_with;
    let features = softvk_tests::ShaderFeatures { image_cube_array: true, ..Default::default() };
    let Some(ctx) = context_with("image_cube_array", features) else { return };
    let format = vk::Format::R8G8B8A8_UNORM;
    let (dst, dst_view) = cube_array(&ctx, format, 4, 2);
    let (src, src_view) = cube_array(&ctx, format, 2, 2);
    // Every face of the source is one colour, distinct per layer.
    let colour = |layer: u32| [layer as u8 * 20, 255 - layer as u8 * 20, layer as u8, 255];
    for layer in 0..12 {
        ctx.write_image(&src, vk::ImageAspectFlags::COLOR, 0, layer, 1, &colour(layer).repeat(4));
    }
    let sampler_info = vk::SamplerCreateInfo::default().mag_filter(vk::Filter::NEAREST).min_filter(vk::Filter::NEAREST).max_lod(0.0);
    // SAFETY: valid create info.
    let sampler = unsafe { ctx.device.create_sampler(&sampler_info, None) }.unwrap();
    let out = storage_buffer(&ctx, &vec![0u8; 14 * 16]);
    dispatch(&ctx, "image_cube_array", &[Info::StorageImage(dst_view), Info::Combined(src_view, sampler), Info::Buffer(out.buffer)], [1, 1, 12]);
    for layer in 0..12u32 {
        let got = ctx.read_image(&dst, vk::ImageAspectFlags::COLOR, 0, layer, 1);
        let want: Vec<u8> =
            (0..16u32).flat_map(|i| [unorm8((i % 4) as f32 / 4.0), unorm8((i / 4) as f32 / 4.0), unorm8(layer as f32 / 16.0), 255]).collect();
        assert_eq!(got, want, "stored layer {layer} (cube {}, face {})", layer / 6, layer % 6);
    }
    let v: Vec<[f32; 4]> = values_of(&out.read());
    for layer in 0..12u32 {
        // UNORM8 to float within a few ULP (spec "Conversion from Normalized Fixed-Point").
        let want = colour(layer).map(|c| c as f32 / 255.0);
        let close = v[layer as usize].iter().zip(want).all(|(g, w)| (g - w).abs() <= 1e-6);
        assert!(close, "sampled face {} of cube {}: {:?}, want {want:?}", layer % 6, layer / 6, v[layer as usize]);
    }
    assert_eq!(v[12], [4.0, 4.0, 2.0, 0.0], "imageSize: face size and cube count");
    assert_eq!(v[13], [2.0, 2.0, 2.0, 0.0], "textureSize: face size and cube count");
    // SAFETY: the dispatch finished.
    unsafe { ctx.device.destroy_sampler(sampler, None) };
    destroy_view(&ctx, dst_view);
    destroy_view(&ctx, src_view);
}

/// Texel data a shader copy must keep bit for bit: any bits for UNORM and integer
/// formats; for float formats, finite normal values (no NaN payloads, no denormals,
/// which a shader may flush).
fn copyable_data(format: vk::Format, len: usize, seed: u64) -> Vec<u8> {
    let mut data = softvk_tests::pattern(len, seed);
    match format {
        vk::Format::R16G16B16A16_SFLOAT => {
            for h in data.chunks_exact_mut(2) {
                let mut bits = u16::from_le_bytes([h[0], h[1]]);
                let exponent = (bits >> 10) & 0x1f;
                if exponent == 0 || exponent == 0x1f {
                    bits = (bits & !(0x1f << 10)) | (15 << 10);
                }
                h.copy_from_slice(&bits.to_le_bytes());
            }
        }
        vk::Format::R32G32_SFLOAT => {
            for f in data.chunks_exact_mut(4) {
                let mut bits = u32::from_le_bytes([f[0], f[1], f[2], f[3]]);
                let exponent = (bits >> 23) & 0xff;
                if exponent == 0 || exponent == 0xff {
                    bits = (bits & !(0xff << 23)) | (127 << 23);
                }
                f.copy_from_slice(&bits.to_le_bytes());
            }
        }
        _ => {}
    }
    data
}

/// VK_KHR_format_feature_flags2 says which formats storage images read and write
/// without a declared format; for each of these, a shader whose images are declared
/// without one copies every texel exactly (the view's format converts).
#[test]
fn unformatted_storage_images_copy_every_texel_through_the_views_format() {
    use softvk_tests::features::context_with;
    use softvk_tests::ShaderFeatures;
    let features =
        ShaderFeatures { storage_image_read_without_format: true, storage_image_write_without_format: true, ..Default::default() };
    let Some(ctx) = context_with("unformatted_storage_images", features) else { return };
    // SAFETY: the physical device belongs to the instance.
    let has_flags2 = unsafe { ctx.instance.enumerate_device_extension_properties(ctx.physical_device) }
        .expect("vkEnumerateDeviceExtensionProperties")
        .iter()
        .any(|e| e.extension_name_as_c_str() == Ok(ash::khr::format_feature_flags2::NAME));
    assert!(has_flags2 || !ctx.is_softvk, "softvk advertises VK_KHR_format_feature_flags2");
    let without_format = vk::FormatFeatureFlags2::STORAGE_READ_WITHOUT_FORMAT | vk::FormatFeatureFlags2::STORAGE_WRITE_WITHOUT_FORMAT;
    let cases = [
        (vk::Format::R8G8B8A8_UNORM, "image_copy_unformatted_f", 4),
        (vk::Format::B8G8R8A8_UNORM, "image_copy_unformatted_f", 4),
        (vk::Format::A2B10G10R10_UNORM_PACK32, "image_copy_unformatted_f", 4),
        (vk::Format::R16G16_UNORM, "image_copy_unformatted_f", 4),
        (vk::Format::R16G16B16A16_SFLOAT, "image_copy_unformatted_f", 8),
        (vk::Format::R32G32_SFLOAT, "image_copy_unformatted_f", 8),
        (vk::Format::R32_UINT, "image_copy_unformatted_u", 4),
        (vk::Format::R16G16B16A16_UINT, "image_copy_unformatted_u", 8),
        (vk::Format::R8G8_SINT, "image_copy_unformatted_i", 2),
        (vk::Format::R32G32B32A32_SINT, "image_copy_unformatted_i", 16),
    ];
    let mut copied = 0;
    for (k, &(format, shader, bytes)) in cases.iter().enumerate() {
        let mut p3 = vk::FormatProperties3::default();
        let mut p2 = vk::FormatProperties2::default().push_next(&mut p3);
        if has_flags2 {
            // SAFETY: the physical device belongs to the instance; VkFormatProperties3 is
            // chained only where VK_KHR_format_feature_flags2 is advertised.
            unsafe { ctx.instance.get_physical_device_format_properties2(ctx.physical_device, format, &mut p2) };
        }
        let features = p3.optimal_tiling_features;
        if !features.contains(without_format) {
            assert!(!ctx.is_softvk, "softvk reads and writes {format:?} storage images without a format: {features:?}");
            continue;
        }
        let (source, source_view) = image(&ctx, format, vk::ImageType::TYPE_2D, 8, 8);
        let (target, target_view) = image(&ctx, format, vk::ImageType::TYPE_2D, 8, 8);
        let data = copyable_data(format, 64 * bytes, 40 + k as u64);
        ctx.write_image(&source, vk::ImageAspectFlags::COLOR, 0, 0, 1, &data);
        dispatch(&ctx, shader, &[Info::StorageImage(source_view), Info::StorageImage(target_view)], [2, 2, 1]);
        assert_eq!(ctx.read_image(&target, vk::ImageAspectFlags::COLOR, 0, 0, 1), data, "{format:?} copied by an unformatted shader");
        destroy_view(&ctx, source_view);
        destroy_view(&ctx, target_view);
        copied += 1;
    }
    assert!(copied > 0 || !ctx.is_softvk, "every format ran on softvk");
}

/// VK_EXT_shader_atomic_float: atomicAdd on floats in a storage buffer (32- and 64-bit),
/// in workgroup memory and in an r32f storage image, and atomicExchange; the values are
/// multiples of 1/4 small enough for every partial sum to be exact, so the totals are
/// exact whatever the order, and the values each add returned chain up to the total.
#[test]
fn float_atomics_add_exactly_in_buffers_workgroup_memory_and_an_r32f_image() {
    use softvk_tests::features::context_with;
    use softvk_tests::ShaderFeatures;
    let features = ShaderFeatures {
        float64: true,
        buffer_float32_atomics: true,
        buffer_float32_atomic_add: true,
        buffer_float64_atomic_add: true,
        shared_float32_atomic_add: true,
        shared_float64_atomic_add: true,
        image_float32_atomic_add: true,
        ..Default::default()
    };
    let Some(ctx) = context_with("atomic_float", features) else { return };
    let groups = 4;
    let n = 64 * groups;
    let x: Vec<f32> = values_of::<u32>(&softvk_tests::pattern(4 * n, 61)).iter().map(|&w| (w % 512) as f32 / 4.0 - 64.0).collect();
    let input = storage_buffer(&ctx, &bytes_of(&x));
    // b32, xchg, b64 (at 8), then two floats per workgroup.
    let mut sums_init = vec![0u8; 16 + 8 * groups];
    sums_init[4..8].copy_from_slice(&(-1.0f32).to_le_bytes());
    let sums = storage_buffer(&ctx, &sums_init);
    let seen = storage_buffer(&ctx, &vec![0u8; 4 * n]);
    let (img, view) = image(&ctx, vk::Format::R32_SFLOAT, vk::ImageType::TYPE_2D, 4, 1);
    ctx.write_image(&img, vk::ImageAspectFlags::COLOR, 0, 0, 1, &bytes_of(&[0.5f32, 0.0, -0.25, 8.0]));
    dispatch(
        &ctx,
        "atomic_float",
        &[Info::Buffer(input.buffer), Info::Buffer(sums.buffer), Info::StorageImage(view), Info::Buffer(seen.buffer)],
        [groups as u32, 1, 1],
    );
    let total: f32 = x.iter().sum();
    let bytes = sums.read();
    let b32 = f32::from_le_bytes(bytes[0..4].try_into().unwrap());
    let xchg = f32::from_le_bytes(bytes[4..8].try_into().unwrap());
    let b64 = f64::from_le_bytes(bytes[8..16].try_into().unwrap());
    assert_eq!(b32, total, "32-bit buffer atomicAdd");
    assert_eq!(b64, total as f64, "64-bit buffer atomicAdd");
    assert!(x.contains(&xchg), "atomicExchange leaves one of the stored values: {xchg}");
    let per_group: Vec<f32> = values_of(&bytes[16..]);
    for g in 0..groups {
        let part: f32 = x[64 * g..64 * (g + 1)].iter().sum();
        assert_eq!(per_group[2 * g], part, "workgroup {g}: 32-bit shared atomicAdd");
        assert_eq!(per_group[2 * g + 1], 2.0 * part, "workgroup {g}: 64-bit shared atomicAdd");
    }
    // Each buffer add saw a partial sum and left the next one: what the adds saw, with the
    // total, is what they left, with the initial 0.
    let before: Vec<f32> = values_of(&seen.read());
    let mut saw: Vec<f32> = before.iter().copied().chain(std::iter::once(total)).collect();
    let mut left: Vec<f32> = before.iter().zip(&x).map(|(b, v)| b + v).chain(std::iter::once(0.0)).collect();
    saw.sort_by(f32::total_cmp);
    left.sort_by(f32::total_cmp);
    assert_eq!(saw, left, "the values atomicAdd returned chain from 0 to the total");
    let texels: Vec<f32> = values_of(&ctx.read_image(&img, vk::ImageAspectFlags::COLOR, 0, 0, 1));
    for (t, start) in [0.5f32, 0.0, -0.25, 8.0].iter().enumerate() {
        let want = start + x.iter().skip(t).step_by(4).sum::<f32>();
        assert_eq!(texels[t], want, "r32f texel {t}: imageAtomicAdd");
    }
    destroy_view(&ctx, view);
}

/// VK_EXT_shader_atomic_float2: atomicMin and atomicMax on 32- and 64-bit floats in a
/// storage buffer and in workgroup memory, and on an r32f image; each 32-bit buffer max
/// returns the initial value or one an invocation stored, never above the final maximum.
#[test]
fn float_min_max_atomics_in_buffers_workgroup_memory_and_an_r32f_image() {
    use softvk_tests::features::context_with;
    use softvk_tests::ShaderFeatures;
    let features = ShaderFeatures {
        float64: true,
        buffer_float32_atomic_min_max: true,
        buffer_float64_atomic_min_max: true,
        shared_float32_atomic_min_max: true,
        shared_float64_atomic_min_max: true,
        image_float32_atomic_min_max: true,
        ..Default::default()
    };
    let Some(ctx) = context_with("atomic_float_minmax", features) else { return };
    let groups = 4;
    let n = 64 * groups;
    let x: Vec<f32> =
        values_of::<u32>(&softvk_tests::pattern(4 * n, 67)).iter().map(|&w| (w % 100_000) as f32 * 0.37 - 18_000.0).collect();
    let input = storage_buffer(&ctx, &bytes_of(&x));
    let mut init = Vec::new();
    init.extend_from_slice(&1e30f32.to_le_bytes());
    init.extend_from_slice(&(-1e30f32).to_le_bytes());
    init.extend_from_slice(&1e300f64.to_le_bytes());
    init.extend_from_slice(&(-1e300f64).to_le_bytes());
    init.resize(24 + 8 * groups, 0);
    let out = storage_buffer(&ctx, &init);
    let seen = storage_buffer(&ctx, &vec![0u8; 4 * n]);
    let (img, view) = image(&ctx, vk::Format::R32_SFLOAT, vk::ImageType::TYPE_2D, 2, 1);
    ctx.write_image(&img, vk::ImageAspectFlags::COLOR, 0, 0, 1, &bytes_of(&[5e4f32, -5e4]));
    dispatch(
        &ctx,
        "atomic_float_minmax",
        &[Info::Buffer(input.buffer), Info::Buffer(out.buffer), Info::StorageImage(view), Info::Buffer(seen.buffer)],
        [groups as u32, 1, 1],
    );
    let min = x.iter().copied().fold(f32::INFINITY, f32::min);
    let max = x.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let bytes = out.read();
    let f32_at = |o: usize| f32::from_le_bytes(bytes[o..o + 4].try_into().unwrap());
    let f64_at = |o: usize| f64::from_le_bytes(bytes[o..o + 8].try_into().unwrap());
    assert_eq!((f32_at(0), f32_at(4)), (min, max), "32-bit buffer atomicMin and atomicMax");
    assert_eq!((f64_at(8), f64_at(16)), (min as f64, max as f64), "64-bit buffer atomicMin and atomicMax");
    let per_group: Vec<f32> = values_of(&bytes[24..]);
    for g in 0..groups {
        let part = &x[64 * g..64 * (g + 1)];
        let (pmin, pmax) = part.iter().fold((f32::INFINITY, f32::NEG_INFINITY), |(a, b), &v| (a.min(v), b.max(v)));
        assert_eq!((per_group[2 * g], per_group[2 * g + 1]), (pmin, pmax), "workgroup {g}: shared 32-bit min, 64-bit max");
    }
    let before: Vec<f32> = values_of(&seen.read());
    for (i, b) in before.iter().enumerate() {
        assert!(*b == -1e30 || (x.contains(b) && *b <= max), "invocation {i}: atomicMax returned {b}, neither the initial value nor a stored one");
    }
    assert!(before.contains(&-1e30), "the first atomicMax saw the initial value");
    let texels: Vec<f32> = values_of(&ctx.read_image(&img, vk::ImageAspectFlags::COLOR, 0, 0, 1));
    let even_min = x.iter().step_by(2).copied().fold(5e4f32, f32::min);
    let odd_max = x.iter().skip(1).step_by(2).copied().fold(-5e4f32, f32::max);
    assert_eq!(texels, vec![even_min, odd_max], "imageAtomicMin and imageAtomicMax on r32f");
    destroy_view(&ctx, view);
}
