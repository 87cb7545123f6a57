//! Query commands on the queue thread.

use crate::query::{write_results, QueryPool};
use crate::resources::Buffer;
use ash::vk;

/// `vkCmdCopyQueryPoolResults`: the same layout as `vkGetQueryPoolResults`, into a buffer.
pub fn copy_results(
    pool: &QueryPool,
    first: u32,
    count: u32,
    dst: &Buffer,
    offset: u64,
    stride: u64,
    flags: vk::QueryResultFlags,
) {
    let Some((memory, base)) = dst.memory() else { return };
    let word = if flags.contains(vk::QueryResultFlags::TYPE_64) { 8 } else { 4 };
    let per_query = if flags.contains(vk::QueryResultFlags::WITH_AVAILABILITY) { 2 * word } else { word };
    let len = stride * u64::from(count.saturating_sub(1)) + per_query;
    if count == 0 || offset.checked_add(len).is_none_or(|end| end > dst.size) {
        tracing::error!("vkCmdCopyQueryPoolResults: {len} bytes at {offset} do not fit the buffer");
        return;
    }
    // Queries are written by earlier commands on this same queue, so WAIT has nothing to
    // wait for here: a query that is still unavailable was never written.
    if let Some(out) = memory.bytes_mut((base + offset) as usize, len as usize) {
        write_results(pool, first, count, out, stride as usize, flags);
    }
}
