//! Device memory: allocation, mapping, flush/invalidate, out-of-memory reporting, memory
//! requirements of buffers and images, bind offsets, and the layout of linear images
//! (vkGetImageSubresourceLayout) that host code relies on.
//!
//! allocationSize 0 is invalid usage (VUID-VkMemoryAllocateInfo-allocationSize-07897 and
//! predecessors), so it is not tested.

use ash::vk;
use softvk_tests::*;

fn host_type(ctx: &Context, bits: u32) -> u32 {
    ctx.memory_type_index(bits, vk::MemoryPropertyFlags::HOST_VISIBLE | vk::MemoryPropertyFlags::HOST_COHERENT)
        .expect("no HOST_VISIBLE|HOST_COHERENT memory type")
}

fn map(ctx: &Context, memory: vk::DeviceMemory, offset: u64, size: u64) -> *mut u8 {
    // SAFETY: memory is host visible and not currently mapped.
    unsafe { ctx.device.map_memory(memory, offset, size, vk::MemoryMapFlags::empty()) }.expect("vkMapMemory failed")
        as *mut u8
}

#[test]
fn mapped_writes_survive_unmap_and_remap() {
    let ctx = Context::new();
    let size = 64 * 1024u64;
    let memory = ctx.allocate_memory(size, host_type(&ctx, !0)).expect("vkAllocateMemory");
    let data = pattern(size as usize, 1);
    let ptr = map(&ctx, memory, 0, vk::WHOLE_SIZE);
    // SAFETY: the mapping covers `size` bytes.
    unsafe {
        std::ptr::copy_nonoverlapping(data.as_ptr(), ptr, data.len());
        ctx.device.unmap_memory(memory);
    }
    let again = map(&ctx, memory, 0, size);
    // SAFETY: as above.
    let seen = unsafe { std::slice::from_raw_parts(again, size as usize) }.to_vec();
    assert_bytes_eq(&seen, &data, "whole mapping after remap");
    // SAFETY: memory is mapped.
    unsafe { ctx.device.unmap_memory(memory) };

    // A mapping at an offset starts at that byte of the allocation.
    let offset = 4096 + 17;
    let at = map(&ctx, memory, offset, 1000);
    // SAFETY: the mapping covers 1000 bytes.
    let seen = unsafe { std::slice::from_raw_parts(at, 1000) }.to_vec();
    assert_bytes_eq(&seen, &data[offset as usize..offset as usize + 1000], "mapping at an offset");
    // SAFETY: memory is mapped; then freed once no longer used.
    unsafe {
        ctx.device.unmap_memory(memory);
        ctx.device.free_memory(memory, None);
    }
}

/// Host writes made available by vkFlushMappedMemoryRanges are what the device copies, and
/// after vkInvalidateMappedMemoryRanges the host sees what the device wrote: one allocation
/// holds a source and a destination buffer, the host writes the source, the device copies
/// it to the destination, the host reads the destination.
#[test]
fn flush_and_invalidate_of_mapped_ranges_carry_data_both_ways() {
    let ctx = Context::new();
    let atom = ctx.properties.limits.non_coherent_atom_size.max(1);
    let usage = vk::BufferUsageFlags::TRANSFER_SRC | vk::BufferUsageFlags::TRANSFER_DST;
    let info = vk::BufferCreateInfo::default().size(4096).usage(usage).sharing_mode(vk::SharingMode::EXCLUSIVE);
    // SAFETY: valid create infos; everything is destroyed at the end.
    unsafe {
        let src = ctx.device.create_buffer(&info, None).expect("vkCreateBuffer");
        let dst = ctx.device.create_buffer(&info, None).expect("vkCreateBuffer");
        let reqs = ctx.device.get_buffer_memory_requirements(src);
        // The destination starts at a multiple of both the alignment and nonCoherentAtomSize.
        let step = reqs.alignment.max(atom);
        let half = reqs.size.div_ceil(step) * step;
        // Prefer memory that is not coherent, where flush and invalidate matter; softvk has
        // only coherent memory, where they must still work.
        let host_visible = vk::MemoryPropertyFlags::HOST_VISIBLE;
        let type_index = (0..ctx.memory_properties.memory_type_count)
            .find(|&i| {
                let flags = ctx.memory_properties.memory_types[i as usize].property_flags;
                reqs.memory_type_bits & (1 << i) != 0
                    && flags.contains(host_visible)
                    && !flags.contains(vk::MemoryPropertyFlags::HOST_COHERENT)
            })
            .or_else(|| ctx.memory_type_index(reqs.memory_type_bits, host_visible))
            .expect("a host-visible memory type");
        let memory = ctx.allocate_memory(2 * half, type_index).expect("vkAllocateMemory");
        ctx.device.bind_buffer_memory(src, memory, 0).expect("bind src");
        ctx.device.bind_buffer_memory(dst, memory, half).expect("bind dst");
        let ptr = map(&ctx, memory, 0, vk::WHOLE_SIZE);
        std::ptr::write_bytes(ptr, 0, (2 * half) as usize);
        let ranges = [
            vk::MappedMemoryRange::default().memory(memory).offset(0).size(vk::WHOLE_SIZE),
            vk::MappedMemoryRange::default().memory(memory).offset(atom).size(atom * 2),
        ];
        ctx.device.flush_mapped_memory_ranges(&ranges).expect("vkFlushMappedMemoryRanges");
        let data = pattern(4096, 44);
        std::ptr::copy_nonoverlapping(data.as_ptr(), ptr, data.len());
        let written = [vk::MappedMemoryRange::default().memory(memory).offset(0).size(half)];
        ctx.device.flush_mapped_memory_ranges(&written).expect("vkFlushMappedMemoryRanges of the source");
        ctx.run(|cb| {
            let region = [vk::BufferCopy { src_offset: 0, dst_offset: 0, size: 4096 }];
            ctx.device.cmd_copy_buffer(cb, src, dst, &region);
        });
        let read = [vk::MappedMemoryRange::default().memory(memory).offset(half).size(vk::WHOLE_SIZE)];
        ctx.device.invalidate_mapped_memory_ranges(&read).expect("vkInvalidateMappedMemoryRanges of the destination");
        let seen = std::slice::from_raw_parts(ptr.add(half as usize), 4096).to_vec();
        assert_bytes_eq(&seen, &data, "the device's copy of the host's flushed writes, after invalidate");
        ctx.device.invalidate_mapped_memory_ranges(&ranges).expect("vkInvalidateMappedMemoryRanges");
        ctx.device.unmap_memory(memory);
        ctx.device.destroy_buffer(src, None);
        ctx.device.destroy_buffer(dst, None);
        ctx.device.free_memory(memory, None);
    }
}

fn assert_out_of_memory(result: Result<vk::DeviceMemory, vk::Result>, ctx: &Context, what: &str) {
    match result {
        Err(vk::Result::ERROR_OUT_OF_DEVICE_MEMORY) | Err(vk::Result::ERROR_OUT_OF_HOST_MEMORY) => {}
        Err(other) => panic!("{what}: expected an out-of-memory error, got {other:?}"),
        Ok(memory) => {
            // SAFETY: memory was just allocated and is unused.
            unsafe { ctx.device.free_memory(memory, None) };
            panic!("{what}: allocation unexpectedly succeeded");
        }
    }
}

/// An allocation as large as the heap is valid usage. If it succeeds the memory works at
/// both ends; if it fails, with an out-of-memory error, the device still allocates.
#[test]
fn allocation_of_the_whole_heap_succeeds_or_reports_out_of_memory() {
    let ctx = Context::new();
    let type_index = host_type(&ctx, !0);
    let heap = ctx.memory_properties.memory_types[type_index as usize].heap_index;
    let heap_size = ctx.memory_properties.memory_heaps[heap as usize].size;
    match ctx.allocate_memory(heap_size, type_index) {
        Ok(memory) => {
            let ptr = map(&ctx, memory, 0, vk::WHOLE_SIZE);
            // SAFETY: the mapping covers heap_size bytes; only the first and last are touched.
            unsafe {
                let last = ptr.add(heap_size as usize - 1);
                ptr.write_volatile(0x5A);
                last.write_volatile(0xA5);
                assert_eq!(
                    (ptr.read_volatile(), last.read_volatile()),
                    (0x5A, 0xA5),
                    "ends of a heap-sized allocation"
                );
                ctx.device.unmap_memory(memory);
                ctx.device.free_memory(memory, None);
            }
        }
        Err(e) => {
            if ctx.is_softvk {
                assert_eq!(e, vk::Result::ERROR_OUT_OF_DEVICE_MEMORY, "allocating the heap's size ({heap_size})");
            } else {
                assert!(
                    e == vk::Result::ERROR_OUT_OF_DEVICE_MEMORY || e == vk::Result::ERROR_OUT_OF_HOST_MEMORY,
                    "allocating the heap's size ({heap_size}) gave {e:?}"
                );
            }
            let small =
                ctx.allocate_memory(4096, type_index).expect("a 4 KiB allocation after a refused heap-sized one");
            // SAFETY: unused.
            unsafe { ctx.device.free_memory(small, None) };
        }
    }
}

/// More than the heap is invalid usage (VUID-vkAllocateMemory-pAllocateInfo-01713): no
/// validation layer here, softvk must answer with an error.
#[test]
fn allocation_of_2_pow_50_bytes_reports_out_of_memory() {
    let ctx = Context::without_validation();
    let type_index = host_type(&ctx, !0);
    let heap = ctx.memory_properties.memory_types[type_index as usize].heap_index;
    let heap_size = ctx.memory_properties.memory_heaps[heap as usize].size;
    let huge = 1u64 << 50;
    if huge > heap_size && !ctx.is_softvk {
        // Larger than the heap is invalid usage (VUID-vkAllocateMemory-pAllocateInfo-01713);
        // softvk promises an error instead of a crash on bad input, other drivers need not.
        skip("allocation_of_2_pow_50_bytes_reports_out_of_memory", "invalid usage on a non-softvk device");
        return;
    }
    assert_out_of_memory(ctx.allocate_memory(huge, type_index), &ctx, "1 << 50 bytes");
    // The device is still usable afterwards.
    let small = ctx.allocate_memory(4096, type_index).expect("small allocation after a failed huge one");
    // SAFETY: unused.
    unsafe { ctx.device.free_memory(small, None) };
}

fn is_power_of_two(v: u64) -> bool {
    v != 0 && v & (v - 1) == 0
}

/// A VkMemoryDedicatedRequirements whose members no driver would write, so that the
/// checks see whether the driver filled it.
fn unwritten_dedicated_requirements() -> vk::MemoryDedicatedRequirements<'static> {
    vk::MemoryDedicatedRequirements {
        prefers_dedicated_allocation: 0xDEAD,
        requires_dedicated_allocation: 0xDEAD,
        ..Default::default()
    }
}

/// spec (VkMemoryDedicatedRequirements): requiresDedicatedAllocation is VK_FALSE for a
/// resource made without external memory handle types, and a required dedicated
/// allocation is also a preferred one.
fn check_dedicated_requirements(dedicated: &vk::MemoryDedicatedRequirements, what: &str) {
    let (prefers, requires) = (dedicated.prefers_dedicated_allocation, dedicated.requires_dedicated_allocation);
    assert!(
        prefers == vk::TRUE || prefers == vk::FALSE,
        "{what}: prefersDedicatedAllocation not written ({prefers:#x})"
    );
    assert_eq!(requires, vk::FALSE, "{what}: requiresDedicatedAllocation for a resource without external memory");
    assert!(requires == vk::FALSE || prefers == vk::TRUE, "{what}: required but not preferred");
}

#[test]
fn buffer_memory_requirements_agree_with_requirements2_and_dedicated_query() {
    let ctx = Context::new();
    for (size, usage) in [
        (1u64, vk::BufferUsageFlags::TRANSFER_SRC),
        (1000, vk::BufferUsageFlags::TRANSFER_SRC | vk::BufferUsageFlags::TRANSFER_DST),
        (65536 + 3, vk::BufferUsageFlags::STORAGE_BUFFER | vk::BufferUsageFlags::UNIFORM_BUFFER),
        (4096, vk::BufferUsageFlags::VERTEX_BUFFER | vk::BufferUsageFlags::INDEX_BUFFER),
    ] {
        let info = vk::BufferCreateInfo::default().size(size).usage(usage).sharing_mode(vk::SharingMode::EXCLUSIVE);
        // SAFETY: valid create info; destroyed below.
        let buffer = unsafe { ctx.device.create_buffer(&info, None) }.expect("vkCreateBuffer");
        // SAFETY: buffer is live.
        let reqs = unsafe { ctx.device.get_buffer_memory_requirements(buffer) };
        assert!(reqs.size >= size, "{usage:?}: size {} < {size}", reqs.size);
        assert!(is_power_of_two(reqs.alignment), "alignment {} not a power of two", reqs.alignment);
        assert_ne!(reqs.memory_type_bits, 0);
        assert!(
            ctx.memory_type_index(
                reqs.memory_type_bits,
                vk::MemoryPropertyFlags::HOST_VISIBLE | vk::MemoryPropertyFlags::HOST_COHERENT
            )
            .is_some(),
            "spec: buffers must allow a host visible coherent memory type"
        );
        let mut dedicated = unwritten_dedicated_requirements();
        {
            let mut reqs2 = vk::MemoryRequirements2::default().push_next(&mut dedicated);
            let info2 = vk::BufferMemoryRequirementsInfo2::default().buffer(buffer);
            // SAFETY: buffer is live; the chain outlives the call.
            unsafe { ctx.device.get_buffer_memory_requirements2(&info2, &mut reqs2) };
            let r2 = reqs2.memory_requirements;
            assert_eq!(
                (r2.size, r2.alignment, r2.memory_type_bits),
                (reqs.size, reqs.alignment, reqs.memory_type_bits)
            );
        }
        check_dedicated_requirements(&dedicated, &format!("buffer {size} {usage:?}"));
        // SAFETY: buffer is unused.
        unsafe { ctx.device.destroy_buffer(buffer, None) };
    }
}

#[test]
fn image_memory_requirements_agree_with_requirements2_and_dedicated_query() {
    let ctx = Context::new();
    let info = image_info_2d(vk::Format::R8G8B8A8_UNORM, 37, 19).mip_levels(3).array_layers(2);
    // SAFETY: valid create info; destroyed below.
    let image = unsafe { ctx.device.create_image(&info, None) }.expect("vkCreateImage");
    // SAFETY: image is live.
    let reqs = unsafe { ctx.device.get_image_memory_requirements(image) };
    // At least every texel of every mip of every layer.
    let texels: u64 = (0..3).map(|m| mip_extent(info.extent, m)).map(|e| (e.width * e.height) as u64).sum();
    assert!(reqs.size >= texels * 4 * 2, "size {} too small for the image", reqs.size);
    assert!(is_power_of_two(reqs.alignment));
    assert_ne!(reqs.memory_type_bits, 0);
    let mut dedicated = unwritten_dedicated_requirements();
    {
        let mut reqs2 = vk::MemoryRequirements2::default().push_next(&mut dedicated);
        let info2 = vk::ImageMemoryRequirementsInfo2::default().image(image);
        // SAFETY: image is live; the chain outlives the call.
        unsafe { ctx.device.get_image_memory_requirements2(&info2, &mut reqs2) };
        let r2 = reqs2.memory_requirements;
        assert_eq!((r2.size, r2.alignment, r2.memory_type_bits), (reqs.size, reqs.alignment, reqs.memory_type_bits));
    }
    check_dedicated_requirements(&dedicated, "image");
    // SAFETY: image is unused.
    unsafe { ctx.device.destroy_image(image, None) };
}

#[test]
fn buffers_bound_at_offsets_write_at_those_offsets() {
    let ctx = Context::new();
    let usage = vk::BufferUsageFlags::TRANSFER_DST;
    let info = vk::BufferCreateInfo::default().size(256).usage(usage).sharing_mode(vk::SharingMode::EXCLUSIVE);
    // SAFETY: valid create infos; everything is destroyed at the end.
    unsafe {
        let a = ctx.device.create_buffer(&info, None).unwrap();
        let b = ctx.device.create_buffer(&info, None).unwrap();
        let reqs = ctx.device.get_buffer_memory_requirements(a);
        let offset_b = (reqs.size + 100).div_ceil(reqs.alignment) * reqs.alignment;
        let total = offset_b + reqs.size;
        let memory = ctx.allocate_memory(total, host_type(&ctx, reqs.memory_type_bits)).unwrap();
        ctx.device.bind_buffer_memory(a, memory, 0).unwrap();
        ctx.device.bind_buffer_memory(b, memory, offset_b).unwrap();
        let ptr = map(&ctx, memory, 0, vk::WHOLE_SIZE);
        std::ptr::write_bytes(ptr, 0, total as usize);
        ctx.run(|cb| {
            ctx.device.cmd_fill_buffer(cb, a, 0, 256, 0x1111_1111);
            ctx.device.cmd_fill_buffer(cb, b, 0, 256, 0x2222_2222);
        });
        let seen = std::slice::from_raw_parts(ptr, total as usize).to_vec();
        let mut want = vec![0u8; total as usize];
        want[..256].fill(0x11);
        want[offset_b as usize..offset_b as usize + 256].fill(0x22);
        assert_bytes_eq(&seen, &want, "memory shared by two buffers");
        ctx.device.unmap_memory(memory);
        ctx.device.destroy_buffer(a, None);
        ctx.device.destroy_buffer(b, None);
        ctx.device.free_memory(memory, None);
    }
}

/// A LINEAR RGBA8 image with host-visible memory, in PREINITIALIZED layout, mapped.
struct LinearImage {
    image: Image,
    layout: vk::SubresourceLayout,
    requirements: vk::MemoryRequirements,
    ptr: *mut u8,
}

fn create_linear_rgba8(ctx: &Context, width: u32, height: u32) -> Option<LinearImage> {
    let format = vk::Format::R8G8B8A8_UNORM;
    let needed = vk::FormatFeatureFlags::TRANSFER_SRC | vk::FormatFeatureFlags::TRANSFER_DST;
    if !ctx.format_properties(format).linear_tiling_features.contains(needed) {
        assert!(!ctx.is_softvk, "softvk reports no LINEAR transfers for {format:?}");
        return None;
    }
    let info = image_info_2d(format, width, height)
        .tiling(vk::ImageTiling::LINEAR)
        .initial_layout(vk::ImageLayout::PREINITIALIZED);
    // SAFETY: valid create info; the Image below owns what is made here.
    unsafe {
        let image = ctx.device.create_image(&info, None).expect("vkCreateImage LINEAR");
        let requirements = ctx.device.get_image_memory_requirements(image);
        let Some(type_index) = ctx.memory_type_index(
            requirements.memory_type_bits,
            vk::MemoryPropertyFlags::HOST_VISIBLE | vk::MemoryPropertyFlags::HOST_COHERENT,
        ) else {
            ctx.device.destroy_image(image, None);
            assert!(!ctx.is_softvk, "softvk offers no host-visible memory for a LINEAR image");
            return None;
        };
        let memory = ctx.allocate_memory(requirements.size, type_index).unwrap();
        ctx.device.bind_image_memory(image, memory, 0).unwrap();
        let layout = ctx.device.get_image_subresource_layout(
            image,
            vk::ImageSubresource { aspect_mask: vk::ImageAspectFlags::COLOR, mip_level: 0, array_layer: 0 },
        );
        let ptr = map(ctx, memory, 0, vk::WHOLE_SIZE);
        // The harness type destroys image and memory on drop.
        let owned = ctx.adopt_image(image, memory, &info);
        Some(LinearImage { image: owned, layout, requirements, ptr })
    }
}

#[test]
fn linear_image_subresource_layout_fits_in_its_memory_requirements() {
    let ctx = Context::new();
    let Some(linear) = create_linear_rgba8(&ctx, 5, 3) else {
        skip("linear_image_subresource_layout_fits_in_its_memory_requirements", "no host-visible LINEAR RGBA8");
        return;
    };
    let l = linear.layout;
    eprintln!("layout {l:?}, requirements {:?}", linear.requirements);
    assert!(l.row_pitch >= 5 * 4, "rowPitch {} < 20", l.row_pitch);
    assert!(l.size >= l.row_pitch * 2 + 20, "size {} cannot hold 3 rows", l.size);
    assert!(l.offset + l.size <= linear.requirements.size, "subresource ends past the memory requirements");
    assert_eq!(l.offset % 4, 0, "texels must be aligned to their size");
    assert_eq!(l.row_pitch % 4, 0, "rows must be aligned to the texel size");
    // SAFETY: memory is mapped.
    unsafe { ctx.device.unmap_memory(linear.image.memory) };
}

#[test]
fn host_writes_at_the_reported_linear_layout_are_what_the_device_copies() {
    let ctx = Context::new();
    let (w, h) = (5usize, 3usize);
    let Some(linear) = create_linear_rgba8(&ctx, w as u32, h as u32) else {
        skip("host_writes_at_the_reported_linear_layout_are_what_the_device_copies", "no host-visible LINEAR RGBA8");
        return;
    };
    let texels = pattern(w * h * 4, 7);
    let l = linear.layout;
    for y in 0..h {
        // SAFETY: offset + y*rowPitch + 4w lies within the subresource (checked by the layout test).
        unsafe {
            std::ptr::copy_nonoverlapping(
                texels[y * w * 4..].as_ptr(),
                linear.ptr.add((l.offset + y as u64 * l.row_pitch) as usize),
                w * 4,
            )
        };
    }
    let out = ctx.create_transfer_buffer((w * h * 4) as u64);
    ctx.run(|cb| {
        // PREINITIALIZED -> TRANSFER_SRC keeps the host-written texels.
        let barrier = [vk::ImageMemoryBarrier::default()
            .src_access_mask(vk::AccessFlags::HOST_WRITE)
            .dst_access_mask(vk::AccessFlags::TRANSFER_READ)
            .old_layout(vk::ImageLayout::PREINITIALIZED)
            .new_layout(vk::ImageLayout::TRANSFER_SRC_OPTIMAL)
            .src_queue_family_index(vk::QUEUE_FAMILY_IGNORED)
            .dst_queue_family_index(vk::QUEUE_FAMILY_IGNORED)
            .image(linear.image.image)
            .subresource_range(linear.image.full_range())];
        let region = [vk::BufferImageCopy {
            image_subresource: linear.image.layers(vk::ImageAspectFlags::COLOR, 0, 0, 1),
            image_extent: linear.image.extent,
            ..Default::default()
        }];
        // SAFETY: cb is recording; region is inside both resources.
        unsafe {
            ctx.device.cmd_pipeline_barrier(
                cb,
                vk::PipelineStageFlags::HOST,
                vk::PipelineStageFlags::TRANSFER,
                vk::DependencyFlags::empty(),
                &[],
                &[],
                &barrier,
            );
            ctx.device.cmd_copy_image_to_buffer(
                cb,
                linear.image.image,
                vk::ImageLayout::TRANSFER_SRC_OPTIMAL,
                out.buffer,
                &region,
            );
        }
    });
    assert_bytes_eq(&out.read(), &texels, "texels copied out of a host-written linear image");
    // SAFETY: memory is mapped.
    unsafe { ctx.device.unmap_memory(linear.image.memory) };
}

#[test]
fn device_writes_to_a_linear_image_land_at_the_reported_layout() {
    let ctx = Context::new();
    let (w, h) = (5usize, 3usize);
    let Some(linear) = create_linear_rgba8(&ctx, w as u32, h as u32) else {
        skip("device_writes_to_a_linear_image_land_at_the_reported_layout", "no host-visible LINEAR RGBA8");
        return;
    };
    let texels = pattern(w * h * 4, 8);
    let src = ctx.create_transfer_buffer((w * h * 4) as u64);
    src.write(0, &texels);
    ctx.run(|cb| {
        ctx.cmd_transition(cb, &linear.image, vk::ImageLayout::PREINITIALIZED, vk::ImageLayout::GENERAL);
        let region = [vk::BufferImageCopy {
            image_subresource: linear.image.layers(vk::ImageAspectFlags::COLOR, 0, 0, 1),
            image_extent: linear.image.extent,
            ..Default::default()
        }];
        // SAFETY: cb is recording; region is inside both resources.
        unsafe {
            ctx.device.cmd_copy_buffer_to_image(cb, src.buffer, linear.image.image, vk::ImageLayout::GENERAL, &region)
        };
    });
    let l = linear.layout;
    let mut seen = Vec::new();
    for y in 0..h {
        let start = (l.offset + y as u64 * l.row_pitch) as usize;
        // SAFETY: the row lies within the mapped subresource.
        seen.extend_from_slice(unsafe { std::slice::from_raw_parts(linear.ptr.add(start), w * 4) });
    }
    assert_bytes_eq(&seen, &texels, "texels read by the host at the reported layout");
    // SAFETY: memory is mapped.
    unsafe { ctx.device.unmap_memory(linear.image.memory) };
}

/// Usage bits of extensions the device does not enable are valid values of
/// VkBufferUsageFlagBits (the CTS's buffer_memory_requirements creates transform-feedback and
/// conditional-rendering buffers on any device); on softvk they make an ordinary buffer
/// with the memory requirements of one without them.
#[test]
fn buffers_with_usage_bits_of_other_extensions_are_ordinary_buffers() {
    let ctx = Context::new();
    let requirements = |usage: vk::BufferUsageFlags| {
        let info = vk::BufferCreateInfo::default().size(1000).usage(usage | vk::BufferUsageFlags::TRANSFER_DST);
        // SAFETY: a valid create info; the buffer is destroyed right after the query.
        unsafe {
            let buffer = ctx.device.create_buffer(&info, None).unwrap_or_else(|e| panic!("vkCreateBuffer with {usage:?}: {e:?}"));
            let r = ctx.device.get_buffer_memory_requirements(buffer);
            ctx.device.destroy_buffer(buffer, None);
            r
        }
    };
    let plain = requirements(vk::BufferUsageFlags::empty());
    for usage in [
        vk::BufferUsageFlags::TRANSFORM_FEEDBACK_BUFFER_EXT,
        vk::BufferUsageFlags::TRANSFORM_FEEDBACK_COUNTER_BUFFER_EXT,
        vk::BufferUsageFlags::CONDITIONAL_RENDERING_EXT,
    ] {
        let r = requirements(usage);
        assert!(r.size >= 1000 && r.alignment == plain.alignment && r.memory_type_bits != 0, "{usage:?}: {r:?} (plain: {plain:?})");
    }
}

/// VK_KHR_maintenance4: vkGetDeviceBufferMemoryRequirements and
/// vkGetDeviceImageMemoryRequirements give, without an object, what the object created from
/// the same create info reports; buffers that differ only in usage need the same; a
/// smaller buffer never needs more than a larger one; maxBufferSize is at least the 2^30
/// the spec requires.
#[test]
fn device_memory_requirements_match_the_objects_made_from_the_same_create_info() {
    use softvk_tests::features::context_with;
    use softvk_tests::ShaderFeatures;
    let Some(ctx) = context_with("maintenance4", ShaderFeatures { maintenance4: true, ..Default::default() }) else { return };
    let m4 = ash::khr::maintenance4::Device::new(&ctx.instance, &ctx.device);
    let mut props4 = vk::PhysicalDeviceMaintenance4Properties::default();
    let mut props = vk::PhysicalDeviceProperties2::default().push_next(&mut props4);
    // SAFETY: the physical device belongs to the instance; the structure is the
    // advertised extension's.
    unsafe { ctx.instance.get_physical_device_properties2(ctx.physical_device, &mut props) };
    assert!(props4.max_buffer_size >= 1 << 30, "maxBufferSize {}", props4.max_buffer_size);
    let usages = [
        vk::BufferUsageFlags::TRANSFER_SRC,
        vk::BufferUsageFlags::STORAGE_BUFFER | vk::BufferUsageFlags::TRANSFER_DST,
        vk::BufferUsageFlags::UNIFORM_BUFFER,
    ];
    let mut previous = 0;
    for size in [1u64, 100, 4096, 65_537, 1 << 20] {
        let mut sizes = Vec::new();
        for usage in usages {
            let info = vk::BufferCreateInfo::default().size(size).usage(usage);
            let mut from_info = vk::MemoryRequirements2::default();
            // SAFETY: valid create infos; the buffer is destroyed right away.
            let from_object = unsafe {
                m4.get_device_buffer_memory_requirements(&vk::DeviceBufferMemoryRequirements::default().create_info(&info), &mut from_info);
                let buffer = ctx.device.create_buffer(&info, None).unwrap();
                let r = ctx.device.get_buffer_memory_requirements(buffer);
                ctx.device.destroy_buffer(buffer, None);
                r
            };
            let r = from_info.memory_requirements;
            assert_eq!(
                (r.size, r.alignment, r.memory_type_bits),
                (from_object.size, from_object.alignment, from_object.memory_type_bits),
                "a {size}-byte buffer with {usage:?}"
            );
            sizes.push(r.size);
        }
        assert!(sizes.windows(2).all(|w| w[0] == w[1]), "usage does not change a {size}-byte buffer's size: {sizes:?}");
        assert!(sizes[0] >= size && sizes[0] >= previous, "requirements grow with the size");
        previous = sizes[0];
    }
    for (format, extent, mips, layers) in [
        (vk::Format::R8G8B8A8_UNORM, vk::Extent3D { width: 17, height: 9, depth: 1 }, 3, 2),
        (vk::Format::R32G32B32A32_SFLOAT, vk::Extent3D { width: 64, height: 64, depth: 1 }, 7, 1),
        (vk::Format::BC1_RGB_UNORM_BLOCK, vk::Extent3D { width: 32, height: 32, depth: 1 }, 1, 1),
    ] {
        let info = vk::ImageCreateInfo::default()
            .image_type(vk::ImageType::TYPE_2D)
            .format(format)
            .extent(extent)
            .mip_levels(mips)
            .array_layers(layers)
            .samples(vk::SampleCountFlags::TYPE_1)
            .tiling(vk::ImageTiling::OPTIMAL)
            .usage(vk::ImageUsageFlags::TRANSFER_SRC | vk::ImageUsageFlags::TRANSFER_DST);
        let mut from_info = vk::MemoryRequirements2::default();
        // SAFETY: valid create infos; the image is destroyed right away.
        let from_object = unsafe {
            m4.get_device_image_memory_requirements(&vk::DeviceImageMemoryRequirements::default().create_info(&info), &mut from_info);
            let image = ctx.device.create_image(&info, None).unwrap();
            let r = ctx.device.get_image_memory_requirements(image);
            ctx.device.destroy_image(image, None);
            r
        };
        let r = from_info.memory_requirements;
        assert_eq!(
            (r.size, r.alignment, r.memory_type_bits),
            (from_object.size, from_object.alignment, from_object.memory_type_bits),
            "a {format:?} image"
        );
        // SAFETY: valid create info; nothing is sparse.
        let sparse = unsafe {
            m4.get_device_image_sparse_memory_requirements_len(&vk::DeviceImageMemoryRequirements::default().create_info(&info))
        };
        // The spec: an image without SPARSE_RESIDENCY has none. (lavapipe 22.3 answers 4096.)
        if ctx.is_softvk {
            assert_eq!(sparse, 0, "a non-sparse image has no sparse requirements");
        }
    }
}
