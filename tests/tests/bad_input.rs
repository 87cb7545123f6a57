//! Invalid input gets a Vulkan error (or, for a command, is skipped with a log line) and
//! never a crash or a hang. Much of this is invalid usage that the spec leaves undefined;
//! the exact codes are softvk's and are checked only on softvk.

use ash::vk;
use softvk_tests::{assert_bytes_eq, image_info_2d, pattern, Context, FENCE_TIMEOUT_NS};

#[test]
fn zero_sized_and_impossible_objects_are_refused() {
    let ctx = Context::without_validation();
    if !ctx.is_softvk {
        return;
    }
    // SAFETY: invalid create infos on purpose; the driver must refuse them cleanly.
    unsafe {
        let buffer = vk::BufferCreateInfo::default().size(0).usage(vk::BufferUsageFlags::TRANSFER_DST);
        assert!(ctx.device.create_buffer(&buffer, None).is_err(), "a zero-sized buffer");
        let mut image = image_info_2d(vk::Format::R8G8B8A8_UNORM, 0, 4);
        assert!(ctx.device.create_image(&image, None).is_err(), "a zero-width image");
        image = image_info_2d(vk::Format::G8_B8R8_2PLANE_420_UNORM, 4, 4);
        assert!(ctx.device.create_image(&image, None).is_err(), "a format softvk does not know");
        let memory = vk::MemoryAllocateInfo::default().allocation_size(4096).memory_type_index(7);
        assert_eq!(ctx.device.allocate_memory(&memory, None), Err(vk::Result::ERROR_OUT_OF_DEVICE_MEMORY));
        let too_large = [vk::PushConstantRange { stage_flags: vk::ShaderStageFlags::COMPUTE, offset: 0, size: 4096 }];
        let pipeline_layout = vk::PipelineLayoutCreateInfo::default().push_constant_ranges(&too_large);
        assert!(
            ctx.device.create_pipeline_layout(&pipeline_layout, None).is_err(),
            "push constants past maxPushConstantsSize"
        );
        let null = (ctx.device.fp_v1_0().create_fence)(
            ctx.device.handle(),
            std::ptr::null(),
            std::ptr::null(),
            std::ptr::null_mut(),
        );
        assert_ne!(null, vk::Result::SUCCESS, "null pointers");
    }
}

#[test]
fn mapping_rules_are_enforced() {
    let ctx = Context::without_validation();
    if !ctx.is_softvk {
        return;
    }
    let memory = ctx.allocate_memory(4096, 0).expect("memory");
    // SAFETY: the memory is ours; the invalid maps are refused before any pointer is made.
    unsafe {
        assert_eq!(
            ctx.device.map_memory(memory, 4096, 1, vk::MemoryMapFlags::empty()),
            Err(vk::Result::ERROR_MEMORY_MAP_FAILED)
        );
        assert_eq!(
            ctx.device.map_memory(memory, 0, 8192, vk::MemoryMapFlags::empty()),
            Err(vk::Result::ERROR_MEMORY_MAP_FAILED)
        );
        assert!(ctx.device.map_memory(memory, 0, vk::WHOLE_SIZE, vk::MemoryMapFlags::empty()).is_ok());
        assert_eq!(
            ctx.device.map_memory(memory, 0, vk::WHOLE_SIZE, vk::MemoryMapFlags::empty()),
            Err(vk::Result::ERROR_MEMORY_MAP_FAILED),
            "mapping twice"
        );
        ctx.device.unmap_memory(memory);
        let buffer = ctx
            .device
            .create_buffer(&vk::BufferCreateInfo::default().size(4096).usage(vk::BufferUsageFlags::TRANSFER_DST), None)
            .expect("buffer");
        assert!(ctx.device.bind_buffer_memory(buffer, memory, 4096).is_err(), "a bind past the end of the memory");
        ctx.device.destroy_buffer(buffer, None);
        ctx.device.free_memory(memory, None);
    }
}

/// Out-of-range regions, blits the formats do not allow and commands that are not
/// implemented yet: the submission still completes, nothing outside the regions changes.
#[test]
fn bad_commands_neither_crash_nor_hang() {
    let ctx = Context::without_validation();
    let buffer = ctx.create_transfer_buffer(256);
    buffer.fill(0x11);
    let image = ctx.create_image_2d(vk::Format::R8G8B8A8_UINT, 4, 4);
    let other = ctx.create_image_2d(vk::Format::R8G8B8A8_UINT, 4, 4);
    let layers = vk::ImageSubresourceLayers {
        aspect_mask: vk::ImageAspectFlags::COLOR,
        mip_level: 0,
        base_array_layer: 0,
        layer_count: 1,
    };
    if ctx.is_softvk {
        let color = vk::ImageAspectFlags::COLOR;
        let (image_bytes, other_bytes) = (pattern(4 * 4 * 4, 1), pattern(4 * 4 * 4, 2));
        ctx.write_image(&image, color, 0, 0, 1, &image_bytes);
        ctx.write_image(&other, color, 0, 0, 1, &other_bytes);
        ctx.run(|cb| {
            // SAFETY: invalid regions on purpose; softvk checks every region when it executes.
            unsafe {
                ctx.device.cmd_fill_buffer(cb, buffer.buffer, 1 << 20, 16, 0xdead_beef);
                ctx.device.cmd_copy_buffer(
                    cb,
                    buffer.buffer,
                    buffer.buffer,
                    &[vk::BufferCopy { src_offset: 200, dst_offset: 0, size: 100 }],
                );
                let far = vk::BufferImageCopy {
                    image_subresource: layers,
                    image_offset: vk::Offset3D { x: 3, y: 3, z: 0 },
                    image_extent: vk::Extent3D { width: 4, height: 4, depth: 1 },
                    ..Default::default()
                };
                ctx.device.cmd_copy_buffer_to_image(cb, buffer.buffer, image.image, vk::ImageLayout::GENERAL, &[far]);
                // Layers from 1 on, of images with one layer, and a count a loop would never
                // finish (u32::MAX alone is VK_REMAINING_ARRAY_LAYERS, which softvk takes
                // to mean "from the base layer on": the one layer there is).
                let many_layers = vk::ImageSubresourceLayers { base_array_layer: 1, layer_count: u32::MAX, ..layers };
                let copy = vk::ImageCopy {
                    src_subresource: many_layers,
                    dst_subresource: many_layers,
                    extent: vk::Extent3D { width: 4, height: 4, depth: 1 },
                    ..Default::default()
                };
                ctx.device.cmd_copy_image(
                    cb,
                    image.image,
                    vk::ImageLayout::GENERAL,
                    other.image,
                    vk::ImageLayout::GENERAL,
                    &[copy],
                );
                // LINEAR filtering of an integer format is not allowed.
                let blit = vk::ImageBlit {
                    src_subresource: layers,
                    src_offsets: [vk::Offset3D::default(), vk::Offset3D { x: 4, y: 4, z: 1 }],
                    dst_subresource: layers,
                    dst_offsets: [vk::Offset3D::default(), vk::Offset3D { x: 2, y: 2, z: 1 }],
                };
                ctx.device.cmd_blit_image(
                    cb,
                    image.image,
                    vk::ImageLayout::GENERAL,
                    other.image,
                    vk::ImageLayout::GENERAL,
                    &[blit],
                    vk::Filter::LINEAR,
                );
            }
        });
        assert!(buffer.read().iter().all(|&b| b == 0x11), "an out-of-range command changed the buffer");
        assert_bytes_eq(&ctx.read_image(&image, color, 0, 0, 1), &image_bytes, "image after refused commands");
        assert_bytes_eq(&ctx.read_image(&other, color, 0, 0, 1), &other_bytes, "other after refused commands");
    }

    // A command softvk cannot run yet makes the recording fail, and nothing else.
    let cb = ctx.allocate_command_buffer(vk::CommandBufferLevel::PRIMARY);
    ctx.begin(cb);
    // SAFETY: recording into a fresh command buffer.
    unsafe { ctx.device.cmd_dispatch(cb, 1, 1, 1) };
    // SAFETY: the command buffer is recording.
    let ended = unsafe { ctx.device.end_command_buffer(cb) };
    if ctx.is_softvk {
        assert!(ended.is_err(), "vkCmdDispatch without a pipeline must not record on softvk yet");
        // A command buffer that did not end is not submitted.
        let cbs = [cb];
        let submit = [vk::SubmitInfo::default().command_buffers(&cbs)];
        // SAFETY: invalid on purpose: the driver refuses the submission.
        assert!(unsafe { ctx.device.queue_submit(ctx.queue, &submit, vk::Fence::null()) }.is_err());
    }
    // SAFETY: the queue is ours.
    unsafe { ctx.device.queue_wait_idle(ctx.queue) }.expect("the queue still works");
    let fence = ctx.create_fence(false);
    // SAFETY: an empty submission.
    unsafe {
        ctx.device.queue_submit(ctx.queue, &[], fence).expect("submit");
        ctx.device.wait_for_fences(&[fence], true, FENCE_TIMEOUT_NS).expect("the queue still runs");
        ctx.device.destroy_fence(fence, None);
    }
}
