//! `VkPipelineCache`: compiled stages by key (module, entry point, specialisation,
//! stage), and the blob that carries them between runs.
//!
//! Blob format (little endian), after Vulkan's 32-byte `VkPipelineCacheHeaderVersionOne`
//! whose `pipelineCacheUUID` is softvk's build id (`physical_device::pipeline_cache_uuid`):
//!
//! ```text
//! "SVKC"  u32 entry count
//! entry:  u64 module hash, u32 stage, u32 name length, name bytes (padded to 4),
//!         u32 specialisation count, (u32 id, u64 value) each, u32 word count, SPIR-V words
//! ```
//!
//! A blob whose header is not softvk's own (another driver, another build, a truncated or
//! corrupt one) is ignored: the cache starts empty. Entries are recompiled from their
//! SPIR-V when the cache is created, so a pipeline created from a warm cache skips all
//! compilation; an entry whose words do not hash to its recorded module hash is dropped.

use super::compute::compile;
use super::ShaderModule;
use crate::entry::{guard, guard_void, read_in, read_slice, write_out, INVALID_USAGE};
use crate::handles::{borrow, new_handle, release, Object};
use ash::vk;
use shader::interp::Executable;
use std::collections::HashMap;
use std::ffi::c_void;
use std::sync::{Arc, Mutex};

const HEADER_BYTES: usize = 32;
const MAGIC: &[u8; 4] = b"SVKC";

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CacheKey {
    pub module_hash: u64,
    pub entry: String,
    pub spec: Vec<(u32, u64)>,
    pub stage: u32,
}

struct Entry {
    words: Arc<Vec<u32>>,
    executable: Arc<Executable>,
}

pub struct PipelineCache {
    entries: Mutex<HashMap<CacheKey, Entry>>,
}

impl Object for PipelineCache {
    type Handle = vk::PipelineCache;
}

fn stage_of(n: u32) -> Option<shader::ir::Stage> {
    use shader::ir::Stage;
    [Stage::Vertex, Stage::Fragment, Stage::Compute].into_iter().find(|s| *s as u32 == n)
}

impl PipelineCache {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<CacheKey, Entry>> {
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn lookup(&self, key: &CacheKey) -> Option<Arc<Executable>> {
        self.lock().get(key).map(|e| e.executable.clone())
    }

    pub fn insert(&self, key: CacheKey, words: Arc<Vec<u32>>, executable: Arc<Executable>) {
        self.lock().insert(key, Entry { words, executable });
    }

    fn header() -> [u8; HEADER_BYTES] {
        let properties = crate::physical_device::properties();
        let mut h = [0u8; HEADER_BYTES];
        h[0..4].copy_from_slice(&(HEADER_BYTES as u32).to_le_bytes());
        h[4..8].copy_from_slice(&(vk::PipelineCacheHeaderVersion::ONE.as_raw() as u32).to_le_bytes());
        h[8..12].copy_from_slice(&properties.vendor_id.to_le_bytes());
        h[12..16].copy_from_slice(&properties.device_id.to_le_bytes());
        h[16..32].copy_from_slice(&properties.pipeline_cache_uuid);
        h
    }

    /// The blob: the header, then as many whole entries as fit in `limit` bytes.
    fn serialize(&self, limit: usize) -> Vec<u8> {
        let mut entries: Vec<Vec<u8>> = Vec::new();
        for (key, entry) in self.lock().iter() {
            let mut e = Vec::new();
            e.extend_from_slice(&key.module_hash.to_le_bytes());
            e.extend_from_slice(&key.stage.to_le_bytes());
            e.extend_from_slice(&(key.entry.len() as u32).to_le_bytes());
            e.extend_from_slice(key.entry.as_bytes());
            e.resize(e.len().div_ceil(4) * 4, 0);
            e.extend_from_slice(&(key.spec.len() as u32).to_le_bytes());
            for (id, value) in &key.spec {
                e.extend_from_slice(&id.to_le_bytes());
                e.extend_from_slice(&value.to_le_bytes());
            }
            e.extend_from_slice(&(entry.words.len() as u32).to_le_bytes());
            for w in entry.words.iter() {
                e.extend_from_slice(&w.to_le_bytes());
            }
            entries.push(e);
        }
        entries.sort();
        let mut blob = Self::header().to_vec();
        blob.extend_from_slice(MAGIC);
        let count_at = blob.len();
        blob.extend_from_slice(&0u32.to_le_bytes());
        let mut count = 0u32;
        for e in entries {
            if blob.len() + e.len() > limit {
                break;
            }
            blob.extend_from_slice(&e);
            count += 1;
        }
        blob[count_at..count_at + 4].copy_from_slice(&count.to_le_bytes());
        blob
    }

    /// A cache from an application's initial data: empty unless the blob is softvk's own.
    fn from_blob(data: &[u8]) -> PipelineCache {
        let cache = PipelineCache { entries: Mutex::new(HashMap::new()) };
        if data.is_empty() {
            return cache;
        }
        if data.len() < HEADER_BYTES + 8 || data[..HEADER_BYTES] != Self::header() || &data[HEADER_BYTES..HEADER_BYTES + 4] != MAGIC {
            tracing::info!("pipeline cache data is not from this softvk build; starting an empty cache");
            return cache;
        }
        let mut reader = Reader { data, at: HEADER_BYTES + 4 };
        let Some(count) = reader.u32() else { return cache };
        for _ in 0..count {
            let Some((key, words)) = reader.entry() else {
                tracing::warn!("pipeline cache data is truncated; keeping the entries before the damage");
                break;
            };
            let module = ShaderModule::new(words);
            if module.hash != key.module_hash {
                tracing::warn!("a pipeline cache entry does not match its hash; dropped");
                continue;
            }
            let Some(stage) = stage_of(key.stage) else { continue };
            let spec = shader::front::Specialization { values: key.spec.clone() };
            match compile(&module, &key.entry, stage, &spec) {
                Ok(executable) => cache.insert(key, module.words.clone(), executable),
                Err(_) => tracing::warn!("a pipeline cache entry no longer compiles; dropped"),
            }
        }
        cache
    }
}

/// Bounds-checked reads from a blob: a length in the blob never makes softvk read past it
/// or allocate more than the blob holds.
struct Reader<'a> {
    data: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn bytes(&mut self, n: usize) -> Option<&[u8]> {
        let end = self.at.checked_add(n)?;
        let slice = self.data.get(self.at..end)?;
        self.at = end;
        Some(slice)
    }

    fn u32(&mut self) -> Option<u32> {
        self.bytes(4).map(|b| u32::from_le_bytes(b.try_into().unwrap_or_default()))
    }

    fn u64(&mut self) -> Option<u64> {
        self.bytes(8).map(|b| u64::from_le_bytes(b.try_into().unwrap_or_default()))
    }

    fn entry(&mut self) -> Option<(CacheKey, Vec<u32>)> {
        let module_hash = self.u64()?;
        let stage = self.u32()?;
        let name_len = self.u32()? as usize;
        let name = String::from_utf8(self.bytes(name_len)?.to_vec()).ok()?;
        self.bytes(name_len.div_ceil(4) * 4 - name_len)?;
        let spec_count = self.u32()? as usize;
        if spec_count > (self.data.len() - self.at) / 12 {
            return None;
        }
        let mut spec = Vec::with_capacity(spec_count);
        for _ in 0..spec_count {
            spec.push((self.u32()?, self.u64()?));
        }
        let word_count = self.u32()? as usize;
        let bytes = self.bytes(word_count.checked_mul(4)?)?;
        let words = bytes.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
        Some((CacheKey { module_hash, entry: name, spec, stage }, words))
    }
}

/// # Safety
/// Vulkan's rules for `vkCreatePipelineCache`.
pub unsafe extern "system" fn create_pipeline_cache(
    _device: vk::Device,
    p_create_info: *const vk::PipelineCacheCreateInfo<'_>,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
    p_cache: *mut vk::PipelineCache,
) -> vk::Result {
    guard("vkCreatePipelineCache", || {
        let info = read_in(p_create_info)?;
        let data = if info.initial_data_size == 0 || info.p_initial_data.is_null() {
            &[][..]
        } else {
            std::slice::from_raw_parts(info.p_initial_data as *const u8, info.initial_data_size)
        };
        write_out(p_cache, new_handle(Arc::new(PipelineCache::from_blob(data))))?;
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkDestroyPipelineCache`.
pub unsafe extern "system" fn destroy_pipeline_cache(
    _device: vk::Device,
    cache: vk::PipelineCache,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
) {
    guard_void("vkDestroyPipelineCache", || {
        release::<PipelineCache>(cache);
    })
}

/// # Safety
/// Vulkan's rules for `vkGetPipelineCacheData`.
pub unsafe extern "system" fn get_pipeline_cache_data(
    _device: vk::Device,
    cache: vk::PipelineCache,
    p_data_size: *mut usize,
    p_data: *mut c_void,
) -> vk::Result {
    guard("vkGetPipelineCacheData", || {
        let cache = borrow::<PipelineCache>(cache)?;
        let size = p_data_size.as_mut().ok_or(INVALID_USAGE)?;
        let full = cache.serialize(usize::MAX);
        if p_data.is_null() {
            *size = full.len();
            return Ok(vk::Result::SUCCESS);
        }
        if *size < HEADER_BYTES + 8 {
            *size = 0;
            return Ok(vk::Result::INCOMPLETE);
        }
        let blob = if *size >= full.len() { full.clone() } else { cache.serialize(*size) };
        std::ptr::copy_nonoverlapping(blob.as_ptr(), p_data as *mut u8, blob.len());
        *size = blob.len();
        Ok(if blob.len() < full.len() { vk::Result::INCOMPLETE } else { vk::Result::SUCCESS })
    })
}

/// # Safety
/// Vulkan's rules for `vkMergePipelineCaches`.
pub unsafe extern "system" fn merge_pipeline_caches(
    _device: vk::Device,
    dst: vk::PipelineCache,
    count: u32,
    p_src: *const vk::PipelineCache,
) -> vk::Result {
    guard("vkMergePipelineCaches", || {
        let dst = borrow::<PipelineCache>(dst)?;
        for &src in read_slice(p_src, count) {
            let src = borrow::<PipelineCache>(src)?;
            if std::ptr::eq(src, dst) {
                return Err(INVALID_USAGE);
            }
            let copied: Vec<(CacheKey, Arc<Vec<u32>>, Arc<Executable>)> =
                src.lock().iter().map(|(k, e)| (k.clone(), e.words.clone(), e.executable.clone())).collect();
            for (key, words, executable) in copied {
                dst.insert(key, words, executable);
            }
        }
        Ok(vk::Result::SUCCESS)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn foreign_or_damaged_blobs_give_an_empty_cache() {
        assert!(PipelineCache::from_blob(&[0u8; 64]).lock().is_empty(), "another driver's header");
        let empty = PipelineCache { entries: Mutex::new(HashMap::new()) };
        let mut blob = empty.serialize(usize::MAX);
        // Claim a million entries in a blob that holds none.
        blob[HEADER_BYTES + 4..HEADER_BYTES + 8].copy_from_slice(&1_000_000u32.to_le_bytes());
        assert!(PipelineCache::from_blob(&blob).lock().is_empty());
        blob.extend_from_slice(&[0xff; 24]);
        assert!(PipelineCache::from_blob(&blob).lock().is_empty(), "a garbage entry");
    }
}
