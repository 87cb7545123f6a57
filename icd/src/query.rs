//! Query pools. softvk supports timestamp queries: a query holds the nanoseconds since the
//! process started (`timestampPeriod` is 1.0) when the queue reached the command.

use crate::command_buffer::{object, record};
use crate::commands::Command;
use crate::device::Device;
use crate::entry::{guard, guard_void, read_in, write_out};
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

    pub fn reset(&self, first: u32, count: u32) {
        for query in first..first.saturating_add(count) {
            if let Some(available) = self.available.get(query as usize) {
                available.store(false, Ordering::Release);
            }
        }
    }

    fn available(&self, query: usize) -> bool {
        self.available.get(query).is_some_and(|a| a.load(Ordering::Acquire))
    }
}

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

/// # Safety
/// Vulkan's rules for `vkGetQueryPoolResults`.
#[allow(clippy::too_many_arguments)]
pub unsafe extern "system" fn get_query_pool_results(
    _device: vk::Device,
    pool: vk::QueryPool,
    first: u32,
    count: u32,
    data_size: usize,
    p_data: *mut std::ffi::c_void,
    stride: vk::DeviceSize,
    flags: vk::QueryResultFlags,
) -> vk::Result {
    guard("vkGetQueryPoolResults", || {
        let pool = borrow::<QueryPool>(pool)?;
        if first.checked_add(count).is_none_or(|end| end as usize > pool.results.len()) || p_data.is_null() {
            tracing::error!("vkGetQueryPoolResults: queries {first}+{count} outside a pool of {}", pool.results.len());
            return Err(crate::entry::INVALID_USAGE);
        }
        if flags.contains(vk::QueryResultFlags::WAIT) {
            let range = first as usize..(first + count) as usize;
            pool.notifier.wait_until(u64::MAX, || range.clone().all(|q| pool.available(q)));
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
            pool.reset(first, count);
        }
    })
}

/// # Safety
/// Vulkan's rules for `vkCmdResetQueryPool`.
pub unsafe extern "system" fn cmd_reset_query_pool(cb: vk::CommandBuffer, pool: vk::QueryPool, first: u32, count: u32) {
    record(cb, "vkCmdResetQueryPool", || Ok(Command::ResetQueryPool { pool: object(pool)?, first, count }))
}

/// # Safety
/// Vulkan's rules for `vkCmdWriteTimestamp`.
pub unsafe extern "system" fn cmd_write_timestamp(
    cb: vk::CommandBuffer,
    _stage: vk::PipelineStageFlags,
    pool: vk::QueryPool,
    query: u32,
) {
    record(cb, "vkCmdWriteTimestamp", || Ok(Command::WriteTimestamp { pool: object(pool)?, query }))
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
        Ok(Command::CopyQueryPoolResults {
            pool: object(pool)?,
            first,
            count,
            dst: object(dst)?,
            offset,
            stride,
            flags,
        })
    })
}
