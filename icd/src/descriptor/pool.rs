//! `VkDescriptorPool` and `VkDescriptorSet`: allocation against the pool's budget, free,
//! reset.
//!
//! The pool keeps the handles of its live sets in a hash set, so freeing or resetting many
//! sets costs time linear in their number.

use super::{Descriptor, DescriptorSetLayout};
use crate::entry::{guard, read_in, read_slice, VkResult, INVALID_USAGE};
use crate::handles::{borrow, get, new_handle, release, Object};
use ash::vk::{self, Handle};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, RwLock};

pub struct DescriptorSet {
    pub layout: Arc<DescriptorSetLayout>,
    /// One array per binding of the layout, in the layout's order.
    pub bindings: RwLock<Vec<Vec<Descriptor>>>,
}

impl Object for DescriptorSet {
    type Handle = vk::DescriptorSet;
}

impl DescriptorSet {
    pub fn new(layout: Arc<DescriptorSetLayout>) -> DescriptorSet {
        let bindings = layout
            .bindings
            .iter()
            .map(|b| {
                if b.immutable_samplers.is_empty() {
                    vec![Descriptor::Empty; b.count as usize]
                } else {
                    b.immutable_samplers
                        .iter()
                        .map(|s| match b.descriptor_type {
                            vk::DescriptorType::SAMPLER => Descriptor::Sampler(s.clone()),
                            _ => Descriptor::Combined { view: None, sampler: Some(s.clone()) },
                        })
                        .collect()
                }
            })
            .collect();
        DescriptorSet { layout, bindings: RwLock::new(bindings) }
    }
}

struct PoolState {
    sets: HashSet<u64>,
    used: HashMap<vk::DescriptorType, u64>,
}

pub struct DescriptorPool {
    pub flags: vk::DescriptorPoolCreateFlags,
    max_sets: u32,
    capacity: HashMap<vk::DescriptorType, u64>,
    state: Mutex<PoolState>,
}

impl Object for DescriptorPool {
    type Handle = vk::DescriptorPool;
}

impl DescriptorPool {
    fn lock(&self) -> std::sync::MutexGuard<'_, PoolState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Frees every set of the pool.
    fn release_all(&self) {
        let mut state = self.lock();
        for raw in state.sets.drain() {
            // SAFETY: the pool made these handles and has not freed them.
            unsafe { release::<DescriptorSet>(vk::DescriptorSet::from_raw(raw)) };
        }
        state.used.clear();
    }
}

impl Drop for DescriptorPool {
    fn drop(&mut self) {
        self.release_all();
    }
}

/// # Safety
/// Vulkan's rules for `vkCreateDescriptorPool`.
pub unsafe extern "system" fn create_descriptor_pool(
    _device: vk::Device,
    p_create_info: *const vk::DescriptorPoolCreateInfo<'_>,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
    p_pool: *mut vk::DescriptorPool,
) -> vk::Result {
    guard("vkCreateDescriptorPool", || {
        let info = read_in(p_create_info)?;
        if info.max_sets == 0 {
            tracing::error!("vkCreateDescriptorPool: maxSets 0 (VUID-VkDescriptorPoolCreateInfo-maxSets-00301)");
            return Err(INVALID_USAGE);
        }
        let mut capacity = HashMap::new();
        for size in read_slice(info.p_pool_sizes, info.pool_size_count) {
            *capacity.entry(size.ty).or_insert(0u64) += size.descriptor_count as u64;
        }
        let pool = DescriptorPool {
            flags: info.flags,
            max_sets: info.max_sets,
            capacity,
            state: Mutex::new(PoolState { sets: HashSet::new(), used: HashMap::new() }),
        };
        crate::entry::write_out(p_pool, new_handle(Arc::new(pool)))?;
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkDestroyDescriptorPool`: frees the pool's sets.
pub unsafe extern "system" fn destroy_descriptor_pool(
    _device: vk::Device,
    pool: vk::DescriptorPool,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
) {
    crate::entry::guard_void("vkDestroyDescriptorPool", || {
        if let Some(pool) = release::<DescriptorPool>(pool) {
            pool.release_all();
        }
    })
}

/// # Safety
/// Vulkan's rules for `vkResetDescriptorPool`.
pub unsafe extern "system" fn reset_descriptor_pool(
    _device: vk::Device,
    pool: vk::DescriptorPool,
    _flags: vk::DescriptorPoolResetFlags,
) -> vk::Result {
    guard("vkResetDescriptorPool", || {
        borrow::<DescriptorPool>(pool)?.release_all();
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkAllocateDescriptorSets`. On failure no set is allocated and every
/// output handle is null.
pub unsafe extern "system" fn allocate_descriptor_sets(
    _device: vk::Device,
    p_allocate_info: *const vk::DescriptorSetAllocateInfo<'_>,
    p_sets: *mut vk::DescriptorSet,
) -> vk::Result {
    guard("vkAllocateDescriptorSets", || {
        let info = read_in(p_allocate_info)?;
        if p_sets.is_null() && info.descriptor_set_count > 0 {
            return Err(INVALID_USAGE);
        }
        for i in 0..info.descriptor_set_count as usize {
            p_sets.add(i).write(vk::DescriptorSet::null());
        }
        let pool = borrow::<DescriptorPool>(info.descriptor_pool)?;
        let layouts = read_slice(info.p_set_layouts, info.descriptor_set_count)
            .iter()
            .map(|&l| get::<DescriptorSetLayout>(l))
            .collect::<VkResult<Vec<_>>>()?;
        let mut state = pool.lock();
        if state.sets.len() + layouts.len() > pool.max_sets as usize {
            tracing::warn!("vkAllocateDescriptorSets: the pool's {} sets are used up", pool.max_sets);
            return Err(vk::Result::ERROR_OUT_OF_POOL_MEMORY);
        }
        let mut needed: HashMap<vk::DescriptorType, u64> = HashMap::new();
        for layout in &layouts {
            for (t, n) in layout.counts() {
                *needed.entry(t).or_insert(0) += n;
            }
        }
        for (t, n) in &needed {
            let used = state.used.get(t).copied().unwrap_or(0);
            if used + n > pool.capacity.get(t).copied().unwrap_or(0) {
                tracing::warn!("vkAllocateDescriptorSets: the pool has no room for {n} more {t:?} descriptors");
                return Err(vk::Result::ERROR_OUT_OF_POOL_MEMORY);
            }
        }
        for (t, n) in needed {
            *state.used.entry(t).or_insert(0) += n;
        }
        for (i, layout) in layouts.into_iter().enumerate() {
            let handle = new_handle(Arc::new(DescriptorSet::new(layout)));
            state.sets.insert(handle.as_raw());
            p_sets.add(i).write(handle);
        }
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkFreeDescriptorSets`.
pub unsafe extern "system" fn free_descriptor_sets(
    _device: vk::Device,
    pool: vk::DescriptorPool,
    count: u32,
    p_sets: *const vk::DescriptorSet,
) -> vk::Result {
    guard("vkFreeDescriptorSets", || {
        let pool = borrow::<DescriptorPool>(pool)?;
        if !pool.flags.contains(vk::DescriptorPoolCreateFlags::FREE_DESCRIPTOR_SET) {
            tracing::error!("vkFreeDescriptorSets on a pool created without FREE_DESCRIPTOR_SET");
            return Err(INVALID_USAGE);
        }
        let mut state = pool.lock();
        let mut result = Ok(vk::Result::SUCCESS);
        for &set in read_slice(p_sets, count) {
            if set == vk::DescriptorSet::null() {
                continue;
            }
            if !state.sets.remove(&set.as_raw()) {
                // The pool's own sets in the list are still freed.
                tracing::error!("vkFreeDescriptorSets: a set that is not this pool's");
                result = Err(INVALID_USAGE);
                continue;
            }
            if let Some(set) = release::<DescriptorSet>(set) {
                for (t, n) in set.layout.counts() {
                    if let Some(used) = state.used.get_mut(&t) {
                        *used = used.saturating_sub(n);
                    }
                }
            }
        }
        result
    })
}
