//! Several threads using one device at once, as multi-threaded renderers do: each thread
//! has its own command pool and resources and records in parallel; submissions to the one
//! queue are serialised by a mutex (the queue is externally synchronised, as the spec
//! requires). Every thread's results must be its own.

use ash::vk;
use softvk_tests::{Context, FENCE_TIMEOUT_NS};
use std::sync::Mutex;

#[test]
fn threads_recording_and_submitting_in_parallel_see_their_own_results() {
    let ctx = Context::new();
    let queue = Mutex::new(ctx.queue);
    let type_index = ctx
        .memory_type_index(!0, vk::MemoryPropertyFlags::HOST_VISIBLE | vk::MemoryPropertyFlags::HOST_COHERENT)
        .expect("host-visible memory");
    let device = &ctx.device;
    std::thread::scope(|scope| {
        for thread in 0..4u32 {
            let queue = &queue;
            scope.spawn(move || {
                // SAFETY: every object is created, used and destroyed by this thread alone;
                // the queue is only touched under the mutex.
                unsafe {
                    let pool = device
                        .create_command_pool(&vk::CommandPoolCreateInfo::default().queue_family_index(0), None)
                        .expect("pool");
                    for round in 0..25u32 {
                        let size = 4096 * u64::from(1 + round % 7);
                        let buffer = device
                            .create_buffer(
                                &vk::BufferCreateInfo::default().size(size).usage(vk::BufferUsageFlags::TRANSFER_DST),
                                None,
                            )
                            .expect("buffer");
                        let requirements = device.get_buffer_memory_requirements(buffer);
                        let memory = device
                            .allocate_memory(
                                &vk::MemoryAllocateInfo::default()
                                    .allocation_size(requirements.size)
                                    .memory_type_index(type_index),
                                None,
                            )
                            .expect("memory");
                        device.bind_buffer_memory(buffer, memory, 0).expect("bind");
                        let cb = device
                            .allocate_command_buffers(
                                &vk::CommandBufferAllocateInfo::default().command_pool(pool).command_buffer_count(1),
                            )
                            .expect("command buffer")[0];
                        device.begin_command_buffer(cb, &vk::CommandBufferBeginInfo::default()).expect("begin");
                        let word = thread << 16 | round;
                        device.cmd_fill_buffer(cb, buffer, 0, vk::WHOLE_SIZE, word);
                        device.end_command_buffer(cb).expect("end");
                        let fence = device.create_fence(&vk::FenceCreateInfo::default(), None).expect("fence");
                        {
                            let queue = queue.lock().unwrap_or_else(|e| e.into_inner());
                            let cbs = [cb];
                            device
                                .queue_submit(*queue, &[vk::SubmitInfo::default().command_buffers(&cbs)], fence)
                                .expect("submit");
                        }
                        device.wait_for_fences(&[fence], true, FENCE_TIMEOUT_NS).expect("wait");
                        let ptr =
                            device.map_memory(memory, 0, size, vk::MemoryMapFlags::empty()).expect("map") as *const u32;
                        let words = std::slice::from_raw_parts(ptr, size as usize / 4);
                        assert!(
                            words.iter().all(|&w| w == word),
                            "thread {thread} round {round} saw another thread's data"
                        );
                        device.unmap_memory(memory);
                        device.destroy_fence(fence, None);
                        device.free_command_buffers(pool, &[cb]);
                        device.destroy_buffer(buffer, None);
                        device.free_memory(memory, None);
                    }
                    device.destroy_command_pool(pool, None);
                }
            });
        }
    });
}
