//! Timestamp queries: vkCmdWriteTimestamp around work, vkGetQueryPoolResults with 64-bit,
//! WAIT and WITH_AVAILABILITY flags, and NOT_READY for a query that was never written.

use ash::vk;
use softvk_tests::*;

const QUERIES: u32 = 3;

/// A pool of QUERIES timestamps; queries 0 and 1 written around a 1 MiB fill, query 2 reset
/// but never written.
fn written_pool(ctx: &Context) -> vk::QueryPool {
    let family = ctx.queue_family_index as usize;
    // SAFETY: physical_device belongs to instance.
    let families = unsafe { ctx.instance.get_physical_device_queue_family_properties(ctx.physical_device) };
    assert!(families[family].timestamp_valid_bits > 0, "the queue family must support timestamps");
    let info = vk::QueryPoolCreateInfo::default().query_type(vk::QueryType::TIMESTAMP).query_count(QUERIES);
    // SAFETY: valid create info.
    let pool = unsafe { ctx.device.create_query_pool(&info, None) }.expect("vkCreateQueryPool");
    let buf = ctx.create_transfer_buffer(1 << 20);
    ctx.run(|cb| {
        // SAFETY: cb is recording; queries are reset before they are written.
        unsafe {
            ctx.device.cmd_reset_query_pool(cb, pool, 0, QUERIES);
            ctx.device.cmd_write_timestamp(cb, vk::PipelineStageFlags::TOP_OF_PIPE, pool, 0);
            ctx.device.cmd_fill_buffer(cb, buf.buffer, 0, vk::WHOLE_SIZE, 0x1234_5678);
            ctx.device.cmd_write_timestamp(cb, vk::PipelineStageFlags::BOTTOM_OF_PIPE, pool, 1);
        }
    });
    pool
}

fn destroy(ctx: &Context, pool: vk::QueryPool) {
    // SAFETY: no submission uses the pool any more.
    unsafe { ctx.device.destroy_query_pool(pool, None) };
}

#[test]
fn timestamps_around_a_fill_are_nonzero_and_ordered() {
    let ctx = Context::new();
    assert!(ctx.properties.limits.timestamp_period > 0.0, "timestampPeriod must be positive");
    let pool = written_pool(&ctx);
    let mut stamps = [0u64; 2];
    // SAFETY: queries 0 and 1 were written by a completed submission.
    unsafe {
        ctx.device.get_query_pool_results(
            pool,
            0,
            &mut stamps,
            vk::QueryResultFlags::TYPE_64 | vk::QueryResultFlags::WAIT,
        )
    }
    .expect("vkGetQueryPoolResults");
    eprintln!("timestamps {stamps:?}, period {} ns", ctx.properties.limits.timestamp_period);
    assert_ne!(stamps[0], 0, "timestamp 0 is zero");
    assert!(stamps[1] >= stamps[0], "timestamps go backwards: {stamps:?}");
    destroy(&ctx, pool);
}

#[test]
fn with_availability_reports_written_queries_as_available() {
    let ctx = Context::new();
    let pool = written_pool(&ctx);
    let mut plain = [0u64; 2];
    let mut with_availability = [[0u64; 2]; 2];
    let flags = vk::QueryResultFlags::TYPE_64 | vk::QueryResultFlags::WAIT;
    // SAFETY: as above; the stride of [u64; 2] holds value + availability.
    unsafe {
        ctx.device.get_query_pool_results(pool, 0, &mut plain, flags).expect("plain results");
        ctx.device
            .get_query_pool_results(pool, 0, &mut with_availability, flags | vk::QueryResultFlags::WITH_AVAILABILITY)
            .expect("results with availability");
    }
    for (i, [value, available]) in with_availability.iter().enumerate() {
        assert_eq!(*available, 1, "query {i} availability");
        assert_eq!(*value, plain[i], "query {i} value differs between the two reads");
    }
    destroy(&ctx, pool);
}

#[test]
fn unwritten_query_without_wait_is_not_ready() {
    let ctx = Context::new();
    let pool = written_pool(&ctx);
    let mut value = [0u64; 1];
    // SAFETY: query 2 was reset and never written; no WAIT, so the call returns at once.
    let result = unsafe { ctx.device.get_query_pool_results(pool, 2, &mut value, vk::QueryResultFlags::TYPE_64) };
    assert_eq!(result, Err(vk::Result::NOT_READY));
    let mut with_availability = [[0u64, 0xDEAD]; 1];
    // SAFETY: as above.
    let result = unsafe {
        ctx.device.get_query_pool_results(
            pool,
            2,
            &mut with_availability,
            vk::QueryResultFlags::TYPE_64 | vk::QueryResultFlags::WITH_AVAILABILITY,
        )
    };
    assert_eq!(result, Err(vk::Result::NOT_READY));
    assert_eq!(with_availability[0][1], 0, "an unavailable query reports availability 0");
    // A range spanning written and unwritten queries is NOT_READY too.
    let mut three = [0u64; 3];
    // SAFETY: as above.
    let result = unsafe { ctx.device.get_query_pool_results(pool, 0, &mut three, vk::QueryResultFlags::TYPE_64) };
    assert_eq!(result, Err(vk::Result::NOT_READY));
    destroy(&ctx, pool);
}
