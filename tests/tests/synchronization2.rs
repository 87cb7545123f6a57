//! VK_KHR_synchronization2: vkQueueSubmit2 with binary and timeline semaphores and a
//! fence, vkCmdPipelineBarrier2 between copies (with a NONE stage mask too), events set,
//! waited on and reset with dependency infos, and vkCmdWriteTimestamp2; with the feature
//! enabled, a Vulkan 1.0 barrier may name no stage.

use ash::vk;
use softvk_tests::{pattern, Context, ShaderFeatures, FENCE_TIMEOUT_NS};

#[test]
fn submit2_barriers2_and_events2_order_copies_and_signal() {
    let wanted = ShaderFeatures { synchronization2: true, ..Default::default() };
    let ctx = match Context::with_features(&[ash::khr::timeline_semaphore::NAME], &wanted) {
        Ok(ctx) => ctx,
        Err(why) => return softvk_tests::skip("synchronization2", &why),
    };
    let timelines = ash::khr::timeline_semaphore::Device::new(&ctx.instance, &ctx.device);
    let sync2 = ash::khr::synchronization2::Device::new(&ctx.instance, &ctx.device);
    let size = 4096u64;
    let usage = vk::BufferUsageFlags::TRANSFER_SRC | vk::BufferUsageFlags::TRANSFER_DST;
    let [a, b, c, d] = [0, 1, 2, 3].map(|_| ctx.create_buffer(size, usage));
    let data = pattern(size as usize, 71);
    a.write(0, &data);
    let event = ctx.owned_event();
    let binary = ctx.owned_semaphore(&vk::SemaphoreCreateInfo::default());
    let mut timeline_type = vk::SemaphoreTypeCreateInfo::default().semaphore_type(vk::SemaphoreType::TIMELINE);
    let timeline = ctx.owned_semaphore(&vk::SemaphoreCreateInfo::default().push_next(&mut timeline_type));
    let region = [vk::BufferCopy { src_offset: 0, dst_offset: 0, size }];
    let copy2 = vk::PipelineStageFlags2::COPY;
    let write = vk::AccessFlags2::TRANSFER_WRITE;
    let read = vk::AccessFlags2::TRANSFER_READ;
    // SAFETY: every handle belongs to ctx.device; the command buffers are recorded and
    // submitted here, and waited for before the buffers are read.
    unsafe {
        let pool = ctx.device.create_query_pool(&vk::QueryPoolCreateInfo::default().query_type(vk::QueryType::TIMESTAMP).query_count(1), None).unwrap();
        let first = ctx.allocate_command_buffer(vk::CommandBufferLevel::PRIMARY);
        ctx.begin(first);
        ctx.device.cmd_reset_query_pool(first, pool, 0, 1);
        ctx.device.cmd_copy_buffer(first, a.buffer, b.buffer, &region);
        let into_b = [vk::BufferMemoryBarrier2::default()
            .src_stage_mask(copy2)
            .src_access_mask(write)
            .dst_stage_mask(copy2)
            .dst_access_mask(read)
            .src_queue_family_index(vk::QUEUE_FAMILY_IGNORED)
            .dst_queue_family_index(vk::QUEUE_FAMILY_IGNORED)
            .buffer(b.buffer)
            .size(vk::WHOLE_SIZE)];
        sync2.cmd_pipeline_barrier2(first, &vk::DependencyInfo::default().buffer_memory_barriers(&into_b));
        ctx.device.cmd_copy_buffer(first, b.buffer, c.buffer, &region);
        // A barrier that waits for nothing (stage NONE) is valid with synchronization2.
        let none = [vk::MemoryBarrier2::default().src_stage_mask(vk::PipelineStageFlags2::NONE).dst_stage_mask(vk::PipelineStageFlags2::NONE)];
        sync2.cmd_pipeline_barrier2(first, &vk::DependencyInfo::default().memory_barriers(&none));
        // And so is a Vulkan 1.0 barrier with no stages.
        ctx.device.cmd_pipeline_barrier(
            first,
            vk::PipelineStageFlags::NONE,
            vk::PipelineStageFlags::NONE,
            vk::DependencyFlags::empty(),
            &[],
            &[],
            &[],
        );
        let after_copy = [vk::MemoryBarrier2::default().src_stage_mask(copy2).src_access_mask(write).dst_stage_mask(copy2).dst_access_mask(read)];
        let dependency = vk::DependencyInfo::default().memory_barriers(&after_copy);
        sync2.cmd_set_event2(first, event, &dependency);
        sync2.cmd_write_timestamp2(first, vk::PipelineStageFlags2::ALL_COMMANDS, pool, 0);
        ctx.end(first);

        let second = ctx.allocate_command_buffer(vk::CommandBufferLevel::PRIMARY);
        ctx.begin(second);
        sync2.cmd_wait_events2(second, &[event], &[dependency]);
        ctx.device.cmd_copy_buffer(second, c.buffer, d.buffer, &region);
        sync2.cmd_reset_event2(second, event, copy2);
        ctx.end(second);

        let first_cb = [vk::CommandBufferSubmitInfo::default().command_buffer(first)];
        let signals = [
            vk::SemaphoreSubmitInfo::default().semaphore(binary).stage_mask(vk::PipelineStageFlags2::ALL_COMMANDS),
            vk::SemaphoreSubmitInfo::default().semaphore(timeline).value(5).stage_mask(vk::PipelineStageFlags2::ALL_COMMANDS),
        ];
        let second_cb = [vk::CommandBufferSubmitInfo::default().command_buffer(second)];
        let waits = [
            vk::SemaphoreSubmitInfo::default().semaphore(binary).stage_mask(copy2),
            vk::SemaphoreSubmitInfo::default().semaphore(timeline).value(5).stage_mask(copy2),
        ];
        let submits = [
            vk::SubmitInfo2::default().command_buffer_infos(&first_cb).signal_semaphore_infos(&signals),
            vk::SubmitInfo2::default().wait_semaphore_infos(&waits).command_buffer_infos(&second_cb),
        ];
        let fence = ctx.owned_fence(false);
        sync2.queue_submit2(ctx.queue, &submits, fence).expect("vkQueueSubmit2");
        ctx.device.wait_for_fences(&[fence], true, FENCE_TIMEOUT_NS).expect("the fence of the last batch signals");
        assert_eq!(d.read(), data, "the copies ran in order: A -> B -> C -> D");
        assert_eq!(timelines.get_semaphore_counter_value(timeline).unwrap(), 5, "the timeline was signalled with 5");
        assert_eq!(ctx.device.get_event_status(event), Ok(false), "vkCmdResetEvent2 reset the event");
        let mut stamp = [0u64; 1];
        ctx.device
            .get_query_pool_results(pool, 0, &mut stamp, vk::QueryResultFlags::TYPE_64 | vk::QueryResultFlags::WAIT)
            .expect("the timestamp is written");
        assert_ne!(stamp[0], 0, "vkCmdWriteTimestamp2 wrote a time");
        // An empty submission only signals its fence.
        let empty_fence = ctx.owned_fence(false);
        sync2.queue_submit2(ctx.queue, &[], empty_fence).expect("an empty vkQueueSubmit2");
        ctx.device.wait_for_fences(&[empty_fence], true, FENCE_TIMEOUT_NS).expect("an empty submission signals its fence");
        ctx.device.destroy_query_pool(pool, None);
    }
}
