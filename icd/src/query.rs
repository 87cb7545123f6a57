//! Query pools. softvk supports timestamp queries: a query holds the nanoseconds since the
//! process started (`timestampPeriod` is 1.0) when the queue reached the command.

use crate::command_buffer::{object, record};
use crate::commands::Command;
use crate::device::Device;
use crate::entry::{guard, guard_void, read_in, write_out, VkResult};
use crate::handles::{borrow, dispatchable, new_handle, release, Object};
use crate::sync::Notifier;
use ash::vk;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Instant;

pub struct QueryPool {
    results: Vec<AtomicU64>,
    available: Vec<AtomicBool>,
    notifier: Arc<Notifier>,
}

impl Object for QueryPool {
    type Handle = vk::QueryPool;
}

impl std::fmt::Debug for QueryPool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "QueryPool({} timestamps)", self.results.len())
    }
}

/// Nanoseconds on softvk's timestamp clock (never 0).
pub fn now_ns() -> u64 {
    static EPOCH: OnceLock<Instant> = OnceLock::new();
    EPOCH.get_or_init(Instant::now).elapsed().as_nanos() as u64 + 1
}

impl QueryPool {
    pub fn write_timestamp(&self, query: u32) {
        if let (Some(result), Some(available)) = (self.results.get(query as usize), self.available.get(query as usize))
        {
            result.store(now_ns(), Ordering::Release);
            available.store(true, Ordering::Release);
            self.notifier.notify();
        } else {
            tracing::error!("timestamp query {query} is outside its pool");
        }
    }

    /// Resets queries `first..first + count`, those of them that exist.
    pub fn reset(&self, first: u32, count: u32) {
        let end = (first as usize).saturating_add(count as usize).min(self.available.len());
        for available in self.available.get(first as usize..end).unwrap_or_default() {
            available.store(false, Ordering::Release);
        }
    }

    pub fn len(&self) -> u32 {
        self.results.len() as u32
    }

    pub fn is_empty(&self) -> bool {
        self.results.is_empty()
    }

    /// Whether queries `first..first + count` are all in the pool.
    fn holds(&self, first: u32, count: u32) -> bool {
        u64::from(first) + u64::from(count) <= self.results.len() as u64
    }

    fn available(&self, query: usize) -> bool {
        self.available.get(query).is_some_and(|a| a.load(Ordering::Acquire))
    }
}

/// Queries one pool may hold: results and availability are allocated when the pool is
/// made, so a count of u32::MAX (36 GiB) is refused, not allocated.
pub const MAX_QUERIES: u32 = 1 << 20;

/// # Safety
/// Vulkan's rules for `vkCreateQueryPool`.
pub unsafe extern "system" fn create_query_pool(
    device: vk::Device,
    p_create_info: *const vk::QueryPoolCreateInfo<'_>,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
    p_pool: *mut vk::QueryPool,
) -> vk::Result {
    guard("vkCreateQueryPool", || {
        let device = dispatchable::<Device>(device)?;
        let info = read_in(p_create_info)?;
        if info.query_type != vk::QueryType::TIMESTAMP {
            tracing::error!("vkCreateQueryPool: {:?} queries are not supported yet", info.query_type);
            return Err(crate::entry::NOT_IMPLEMENTED);
        }
        if info.query_count == 0 || info.query_count > MAX_QUERIES {
            tracing::error!("vkCreateQueryPool: {} queries (1 to {MAX_QUERIES} per pool)", info.query_count);
            return Err(if info.query_count == 0 { crate::entry::INVALID_USAGE } else { vk::Result::ERROR_OUT_OF_DEVICE_MEMORY });
        }
        let count = info.query_count as usize;
        let pool = QueryPool {
            results: (0..count).map(|_| AtomicU64::new(0)).collect(),
            available: (0..count).map(|_| AtomicBool::new(false)).collect(),
            notifier: device.notifier.clone(),
        };
        write_out(p_pool, new_handle(Arc::new(pool)))?;
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkDestroyQueryPool`.
pub unsafe extern "system" fn destroy_query_pool(
    _device: vk::Device,
    pool: vk::QueryPool,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
) {
    guard_void("vkDestroyQueryPool", || {
        release::<QueryPool>(pool);
    })
}

/// Writes results as `vkGetQueryPoolResults` and `vkCmdCopyQueryPoolResults` define them:
/// each query's value (32 or 64 bits) then, when asked, its availability, `stride` apart.
/// Returns false if some query was not available.
pub fn write_results(
    pool: &QueryPool,
    first: u32,
    count: u32,
    out: &mut [u8],
    stride: usize,
    flags: vk::QueryResultFlags,
) -> bool {
    let wide = flags.contains(vk::QueryResultFlags::TYPE_64);
    let word = if wide { 8 } else { 4 };
    let mut all_available = true;
    for i in 0..count as usize {
        let query = first as usize + i;
        let available = pool.available(query);
        all_available &= available;
        let Some(slot) = out.get_mut(i * stride..) else { break };
        let mut put = |at: usize, value: u64| {
            if let Some(dst) = slot.get_mut(at..at + word) {
                if wide {
                    dst.copy_from_slice(&value.to_ne_bytes());
                } else {
                    dst.copy_from_slice(&(value as u32).to_ne_bytes());
                }
            }
        };
        if available {
            put(0, pool.results[query].load(Ordering::Acquire));
        }
        if flags.contains(vk::QueryResultFlags::WITH_AVAILABILITY) {
            put(word, u64::from(available));
        }
    }
    all_available
}

/// Bytes of one query's results: its value and, when asked, its availability.
fn result_bytes(flags: vk::QueryResultFlags) -> u64 {
    let word = if flags.contains(vk::QueryResultFlags::TYPE_64) { 8 } else { 4 };
    if flags.contains(vk::QueryResultFlags::WITH_AVAILABILITY) {
        2 * word
    } else {
        word
    }
}

/// The VUIDs of vkGetQueryPoolResults and vkCmdCopyQueryPoolResults on where results go:
/// the stride is a multiple of the result word (and not 0 for several queries), and `room`
/// bytes hold every query's results.
fn check_results_layout(what: &str, count: u32, room: u64, stride: u64, flags: vk::QueryResultFlags) -> VkResult<()> {
    let word = if flags.contains(vk::QueryResultFlags::TYPE_64) { 8 } else { 4 };
    let needed = stride.checked_mul(u64::from(count.saturating_sub(1))).and_then(|n| n.checked_add(result_bytes(flags)));
    if !stride.is_multiple_of(word) || (count > 1 && stride == 0) || needed.is_none_or(|n| count > 0 && n > room) {
        tracing::error!("{what}: {count} queries {stride} bytes apart ({word}-byte results) do not fit {room} bytes");
        return Err(crate::entry::INVALID_USAGE);
    }
    Ok(())
}

/// # Safety
/// Vulkan's rules for `vkGetQueryPoolResults`.
#[allow(clippy::too_many_arguments)]
pub unsafe extern "system" fn get_query_pool_results(
    device: vk::Device,
    pool: vk::QueryPool,
    first: u32,
    count: u32,
    data_size: usize,
    p_data: *mut std::ffi::c_void,
    stride: vk::DeviceSize,
    flags: vk::QueryResultFlags,
) -> vk::Result {
    guard("vkGetQueryPoolResults", || {
        let device = dispatchable::<Device>(device)?;
        let pool = borrow::<QueryPool>(pool)?;
        if !pool.holds(first, count) || p_data.is_null() {
            tracing::error!("vkGetQueryPoolResults: queries {first}+{count} outside a pool of {}", pool.results.len());
            return Err(crate::entry::INVALID_USAGE);
        }
        check_results_layout("vkGetQueryPoolResults", count, data_size as u64, stride, flags)?;
        if flags.contains(vk::QueryResultFlags::WAIT) {
            let range = first as usize..(first + count) as usize;
            let ready = || range.clone().all(|q| pool.available(q));
            // What the queue has been given will write what it writes: once it is idle, a
            // query still unavailable never will be (spec: "If the query does not become
            // available in a finite amount of time (e.g. due to not issuing a query since
            // the last reset), a VK_ERROR_DEVICE_LOST error may occur").
            if !ready() {
                let _idle = dispatchable::<crate::queue::Queue>(device.queue)?.wait_idle()?;
            }
            if !ready() {
                tracing::error!("vkGetQueryPoolResults: WAIT for queries {first}+{count}, which no submitted command writes");
                return Err(vk::Result::ERROR_DEVICE_LOST);
            }
        }
        let out = std::slice::from_raw_parts_mut(p_data as *mut u8, data_size);
        let complete = write_results(pool, first, count, out, stride as usize, flags);
        Ok(if complete { vk::Result::SUCCESS } else { vk::Result::NOT_READY })
    })
}

/// # Safety
/// Vulkan's rules for `vkResetQueryPool` (host reset, `VK_EXT_host_query_reset`).
pub unsafe extern "system" fn reset_query_pool(_device: vk::Device, pool: vk::QueryPool, first: u32, count: u32) {
    guard_void("vkResetQueryPool", || {
        if let Ok(pool) = borrow::<QueryPool>(pool) {
            if !pool.holds(first, count) {
                tracing::error!("vkResetQueryPool: queries {first}+{count} outside a pool of {}; not reset", pool.len());
                return;
            }
            pool.reset(first, count);
        }
    })
}

/// # Safety
/// Vulkan's rules for `vkCmdResetQueryPool`.
pub unsafe extern "system" fn cmd_reset_query_pool(cb: vk::CommandBuffer, pool: vk::QueryPool, first: u32, count: u32) {
    record(cb, "vkCmdResetQueryPool", || {
        let pool = object::<QueryPool>(pool)?;
        if !pool.holds(first, count) {
            tracing::error!("vkCmdResetQueryPool: queries {first}+{count} outside a pool of {}", pool.len());
            return Err(crate::entry::INVALID_USAGE);
        }
        Ok(Command::ResetQueryPool { pool, first, count })
    })
}

/// # Safety
/// Vulkan's rules for `vkCmdWriteTimestamp`.
pub unsafe extern "system" fn cmd_write_timestamp(
    cb: vk::CommandBuffer,
    _stage: vk::PipelineStageFlags,
    pool: vk::QueryPool,
    query: u32,
) {
    record(cb, "vkCmdWriteTimestamp", || {
        let pool = object::<QueryPool>(pool)?;
        if !pool.holds(query, 1) {
            tracing::error!("vkCmdWriteTimestamp: query {query} outside a pool of {}", pool.len());
            return Err(crate::entry::INVALID_USAGE);
        }
        Ok(Command::WriteTimestamp { pool, query })
    })
}

/// # Safety
/// Vulkan's rules for `vkCmdWriteTimestamp2` (VK_KHR_synchronization2): the same, with a
/// 64-bit stage, which does not matter either.
pub unsafe extern "system" fn cmd_write_timestamp2(
    cb: vk::CommandBuffer,
    _stage: vk::PipelineStageFlags2,
    pool: vk::QueryPool,
    query: u32,
) {
    cmd_write_timestamp(cb, vk::PipelineStageFlags::ALL_COMMANDS, pool, query)
}

/// # Safety
/// Vulkan's rules for `vkCmdCopyQueryPoolResults`.
#[allow(clippy::too_many_arguments)]
pub unsafe extern "system" fn cmd_copy_query_pool_results(
    cb: vk::CommandBuffer,
    pool: vk::QueryPool,
    first: u32,
    count: u32,
    dst: vk::Buffer,
    offset: vk::DeviceSize,
    stride: vk::DeviceSize,
    flags: vk::QueryResultFlags,
) {
    record(cb, "vkCmdCopyQueryPoolResults", || {
        let (pool, dst) = (object::<QueryPool>(pool)?, object::<crate::resources::Buffer>(dst)?);
        if !pool.holds(first, count) {
            tracing::error!("vkCmdCopyQueryPoolResults: queries {first}+{count} outside a pool of {}", pool.len());
            return Err(crate::entry::INVALID_USAGE);
        }
        let word = if flags.contains(vk::QueryResultFlags::TYPE_64) { 8 } else { 4 };
        if !offset.is_multiple_of(word) || offset >= dst.size {
            tracing::error!("vkCmdCopyQueryPoolResults: offset {offset} of a {}-byte buffer ({word}-byte results)", dst.size);
            return Err(crate::entry::INVALID_USAGE);
        }
        check_results_layout("vkCmdCopyQueryPoolResults", count, dst.size - offset, stride, flags)?;
        Ok(Command::CopyQueryPoolResults {
            pool,
            first,
            count,
            dst,
            offset,
            stride,
            flags,
        })
    })
}
