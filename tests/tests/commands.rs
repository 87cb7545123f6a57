//! Command buffer lifecycle: pool reset, buffer reset, implicit reset on begin,
//! re-submission, secondary command buffers, and execution order across the command
//! buffers and batches of one vkQueueSubmit.

use ash::vk;
use softvk_tests::*;

fn begin_reusable(ctx: &Context, cb: vk::CommandBuffer) {
    // No ONE_TIME_SUBMIT: the buffer may be submitted again.
    let info = vk::CommandBufferBeginInfo::default();
    // SAFETY: cb is in the initial state (or implicitly resettable).
    unsafe { ctx.device.begin_command_buffer(cb, &info) }.expect("vkBeginCommandBuffer");
}

fn fill(ctx: &Context, cb: vk::CommandBuffer, buffer: &HostBuffer, offset: u64, size: u64, word: u32) {
    // SAFETY: cb is recording; the range is word-aligned and inside the buffer.
    unsafe { ctx.device.cmd_fill_buffer(cb, buffer.buffer, offset, size, word) }
}

fn copy(
    ctx: &Context,
    cb: vk::CommandBuffer,
    src: &HostBuffer,
    dst: &HostBuffer,
    src_offset: u64,
    dst_offset: u64,
    size: u64,
) {
    // SAFETY: cb is recording; the ranges lie inside the buffers.
    unsafe {
        ctx.device.cmd_copy_buffer(cb, src.buffer, dst.buffer, &[vk::BufferCopy { src_offset, dst_offset, size }])
    }
}

/// After vkResetCommandPool the pool's buffers record from scratch: the second recording
/// writes other ranges than the first into a zeroed buffer, so a command kept from the
/// first recording would show.
#[test]
fn reset_command_pool_lets_its_buffers_be_recorded_again() {
    let ctx = Context::new();
    let buf = ctx.create_transfer_buffer(128);
    for flags in [vk::CommandPoolResetFlags::empty(), vk::CommandPoolResetFlags::RELEASE_RESOURCES] {
        let pool_info = vk::CommandPoolCreateInfo::default().queue_family_index(ctx.queue_family_index);
        // SAFETY: valid create info; destroyed at the end of the iteration.
        let pool = unsafe { ctx.device.create_command_pool(&pool_info, None) }.expect("vkCreateCommandPool");
        let alloc = vk::CommandBufferAllocateInfo::default()
            .command_pool(pool)
            .level(vk::CommandBufferLevel::PRIMARY)
            .command_buffer_count(2);
        // SAFETY: as above.
        let cbs = unsafe { ctx.device.allocate_command_buffers(&alloc) }.expect("vkAllocateCommandBuffers");
        buf.fill(0);
        // First recording: bytes 0..32 and 32..64.
        for (i, &cb) in cbs.iter().enumerate() {
            begin_reusable(&ctx, cb);
            fill(&ctx, cb, &buf, i as u64 * 32, 32, 0x1111_1111);
            ctx.cmd_host_barrier(cb);
            ctx.end(cb);
        }
        ctx.submit_and_wait(&cbs);
        let mut want = vec![0x11u8; 64];
        want.extend_from_slice(&[0; 64]);
        assert_bytes_eq(&buf.read(), &want, "first recording");

        // SAFETY: no buffer of the pool is pending.
        unsafe { ctx.device.reset_command_pool(pool, flags) }.expect("vkResetCommandPool");
        buf.fill(0);
        // Second recording: bytes 64..96 and 96..128 only.
        for (i, &cb) in cbs.iter().enumerate() {
            begin_reusable(&ctx, cb);
            fill(&ctx, cb, &buf, 64 + i as u64 * 32, 32, 0x2222_2222 * (i as u32 + 1));
            ctx.cmd_host_barrier(cb);
            ctx.end(cb);
        }
        ctx.submit_and_wait(&cbs);
        let mut want = vec![0u8; 64];
        want.extend_from_slice(&[0x22; 32]);
        want.extend_from_slice(&[0x44; 32]);
        assert_bytes_eq(&buf.read(), &want, &format!("re-recording after vkResetCommandPool({flags:?})"));
        // SAFETY: nothing is pending.
        unsafe {
            ctx.device.free_command_buffers(pool, &cbs);
            ctx.device.destroy_command_pool(pool, None);
        }
    }
}

#[test]
fn reset_command_buffer_lets_it_be_recorded_again() {
    let ctx = Context::new();
    let buf = ctx.create_transfer_buffer(64);
    let cb = ctx.allocate_command_buffer(vk::CommandBufferLevel::PRIMARY);
    begin_reusable(&ctx, cb);
    fill(&ctx, cb, &buf, 0, 64, 0x0101_0101);
    ctx.cmd_host_barrier(cb);
    ctx.end(cb);
    ctx.submit_and_wait(&[cb]);
    assert_bytes_eq(&buf.read(), &[0x01; 64], "first recording");

    // SAFETY: cb is not pending; the pool allows per-buffer reset.
    unsafe { ctx.device.reset_command_buffer(cb, vk::CommandBufferResetFlags::empty()) }.expect("vkResetCommandBuffer");
    buf.fill(0);
    begin_reusable(&ctx, cb);
    fill(&ctx, cb, &buf, 16, 16, 0x0202_0202);
    ctx.cmd_host_barrier(cb);
    ctx.end(cb);
    ctx.submit_and_wait(&[cb]);
    let mut want = vec![0u8; 64];
    want[16..32].fill(0x02);
    assert_bytes_eq(&buf.read(), &want, "only the second recording ran");
}

#[test]
fn begin_implicitly_resets_a_buffer_from_a_resettable_pool() {
    let ctx = Context::new();
    let buf = ctx.create_transfer_buffer(64);
    let cb = ctx.allocate_command_buffer(vk::CommandBufferLevel::PRIMARY);
    begin_reusable(&ctx, cb);
    fill(&ctx, cb, &buf, 0, 32, 0xAAAA_AAAA);
    ctx.cmd_host_barrier(cb);
    ctx.end(cb);
    ctx.submit_and_wait(&[cb]);
    buf.fill(0);
    // spec: vkBeginCommandBuffer on an executable buffer of a RESET_COMMAND_BUFFER pool resets it.
    begin_reusable(&ctx, cb);
    fill(&ctx, cb, &buf, 32, 32, 0xBBBB_BBBB);
    ctx.cmd_host_barrier(cb);
    ctx.end(cb);
    ctx.submit_and_wait(&[cb]);
    let mut want = vec![0u8; 64];
    want[32..].fill(0xBB);
    assert_bytes_eq(&buf.read(), &want, "commands of the first recording must be gone");
}

#[test]
fn resubmitted_command_buffer_reads_current_memory() {
    let ctx = Context::new();
    let src = ctx.create_transfer_buffer(64);
    let dst = ctx.create_transfer_buffer(64);
    let cb = ctx.allocate_command_buffer(vk::CommandBufferLevel::PRIMARY);
    begin_reusable(&ctx, cb);
    copy(&ctx, cb, &src, &dst, 0, 0, 64);
    ctx.cmd_host_barrier(cb);
    ctx.end(cb);
    for round in 0..3u64 {
        let bytes = pattern(64, 200 + round);
        src.write(0, &bytes);
        ctx.submit_and_wait(&[cb]);
        assert_bytes_eq(&dst.read(), &bytes, &format!("submission {round}"));
    }
}

fn record_secondary(ctx: &Context, record: impl FnOnce(vk::CommandBuffer)) -> vk::CommandBuffer {
    let cb = ctx.allocate_command_buffer(vk::CommandBufferLevel::SECONDARY);
    // Outside a render pass: the inheritance info carries no render pass.
    let inheritance = vk::CommandBufferInheritanceInfo::default();
    let info = vk::CommandBufferBeginInfo::default()
        .flags(vk::CommandBufferUsageFlags::ONE_TIME_SUBMIT)
        .inheritance_info(&inheritance);
    // SAFETY: cb is freshly allocated.
    unsafe { ctx.device.begin_command_buffer(cb, &info) }.expect("vkBeginCommandBuffer (secondary)");
    record(cb);
    ctx.end(cb);
    cb
}

#[test]
fn secondary_command_buffers_execute_in_place_within_the_primary() {
    let ctx = Context::new();
    let a = ctx.create_transfer_buffer(128);
    let b = ctx.create_transfer_buffer(128);
    a.fill(0);
    b.fill(0);
    let fill_a = record_secondary(&ctx, |cb| fill(&ctx, cb, &a, 0, 128, 0x5A5A_5A5A));
    let copy_a_to_b = record_secondary(&ctx, |cb| copy(&ctx, cb, &a, &b, 0, 64, 64));
    ctx.run(|cb| {
        // SAFETY: cb is a recording primary; the secondaries are executable.
        unsafe { ctx.device.cmd_execute_commands(cb, &[fill_a]) };
        ctx.cmd_transfer_barrier(cb);
        // SAFETY: as above.
        unsafe { ctx.device.cmd_execute_commands(cb, &[copy_a_to_b]) };
        ctx.cmd_transfer_barrier(cb);
        // A command of the primary after the secondaries runs after them.
        fill(&ctx, cb, &a, 0, 16, 0x0F0F_0F0F);
    });
    let mut want_a = vec![0x5Au8; 128];
    want_a[..16].fill(0x0F);
    let mut want_b = vec![0u8; 128];
    want_b[64..].fill(0x5A);
    assert_bytes_eq(&a.read(), &want_a, "buffer A");
    assert_bytes_eq(&b.read(), &want_b, "buffer B");
}

#[test]
fn one_submit_runs_its_batches_and_command_buffers_in_order() {
    let ctx = Context::new();
    let a = ctx.create_transfer_buffer(64);
    let b = ctx.create_transfer_buffer(128);
    b.fill(0);
    let record = |body: &dyn Fn(vk::CommandBuffer)| {
        let cb = ctx.allocate_command_buffer(vk::CommandBufferLevel::PRIMARY);
        ctx.begin(cb);
        // Barriers order transfers across command buffers: the first scope covers every
        // command earlier in submission order.
        ctx.cmd_transfer_barrier(cb);
        body(cb);
        ctx.cmd_host_barrier(cb);
        ctx.end(cb);
        cb
    };
    let cb1 = record(&|cb| fill(&ctx, cb, &a, 0, 64, 0x0101_0101));
    let cb2 = record(&|cb| copy(&ctx, cb, &a, &b, 0, 0, 64));
    let cb3 = record(&|cb| fill(&ctx, cb, &a, 0, 32, 0x0303_0303));
    let cb4 = record(&|cb| copy(&ctx, cb, &a, &b, 0, 64, 64));
    let first = [cb1, cb2];
    let second = [cb3, cb4];
    let batches =
        [vk::SubmitInfo::default().command_buffers(&first), vk::SubmitInfo::default().command_buffers(&second)];
    let fence = ctx.create_fence(false);
    // SAFETY: the command buffers are executable; the fence is unsignalled.
    unsafe {
        ctx.device.queue_submit(ctx.queue, &batches, fence).expect("vkQueueSubmit");
        ctx.device.wait_for_fences(&[fence], true, FENCE_TIMEOUT_NS).expect("wait");
        ctx.device.destroy_fence(fence, None);
    }
    let mut want = vec![0x01u8; 128];
    want[64..96].fill(0x03);
    assert_bytes_eq(&b.read(), &want, "B after four ordered command buffers");
}

/// A barrier whose source and destination queue families are equal transfers no
/// ownership, whatever the index (VUID-VkBufferMemoryBarrier-buffer-04089 constrains only
/// different indices): 0xdeadbeef on both sides is an ordinary barrier. The CTS's
/// synchronization.smoke.queue_type_ignore_buffer_arbitrary records exactly this.
#[test]
fn equal_arbitrary_queue_families_make_an_ordinary_barrier() {
    let ctx = Context::new();
    let buf = ctx.create_transfer_buffer(256);
    buf.fill(0);
    ctx.run(|cb| {
        fill(&ctx, cb, &buf, 0, 128, 0x5555_5555);
        let barrier = [vk::BufferMemoryBarrier::default()
            .src_access_mask(vk::AccessFlags::TRANSFER_WRITE)
            .dst_access_mask(vk::AccessFlags::TRANSFER_WRITE)
            .src_queue_family_index(0xdead_beef)
            .dst_queue_family_index(0xdead_beef)
            .buffer(buf.buffer)
            .offset(0)
            .size(vk::WHOLE_SIZE)];
        // SAFETY: cb is recording; the barrier names a live buffer.
        unsafe {
            ctx.device.cmd_pipeline_barrier(
                cb,
                vk::PipelineStageFlags::TRANSFER,
                vk::PipelineStageFlags::TRANSFER,
                vk::DependencyFlags::empty(),
                &[],
                &barrier,
                &[],
            )
        };
        fill(&ctx, cb, &buf, 64, 128, 0xaaaa_aaaa);
        ctx.cmd_host_barrier(cb);
    });
    let bytes = buf.read();
    assert!(bytes[..64].iter().all(|&b| b == 0x55), "before the barrier");
    assert!(bytes[64..192].iter().all(|&b| b == 0xaa), "after the barrier, in order");
    assert!(bytes[192..].iter().all(|&b| b == 0), "untouched");
}
