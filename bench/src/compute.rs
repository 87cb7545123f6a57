//! The in-process compute workloads: saxpy, SGEMM (naive and tiled) and a reduction.
//! [`prepare`] uploads the inputs, creates the pipeline and its descriptor set on one
//! device (none of that is timed); [`record`] records the timed dispatch; [`check`]
//! reads the result back after the last run and compares it with what the host
//! computes, so that a wrong result is a failure cell, not a number.
//!
//! The shaders are GLSL in `bench/shaders/`, compiled by `bench/shaders/build.sh` into the
//! `.spv` files embedded here. Inputs are small integers held in floats (or plain uints),
//! so every correct result is exact whatever order a driver adds in, and the check
//! compares bit for bit.

use crate::device::{BenchDevice, Resources};
use crate::failure::Failure;
use crate::workloads::Operation;
use ash::vk;
use rayon::prelude::*;
use std::sync::{Arc, Mutex};

pub const SAXPY_256_SPV: &[u8] = include_bytes!("../shaders/saxpy_256.spv");
pub const SAXPY_64_SPV: &[u8] = include_bytes!("../shaders/saxpy_64.spv");
pub const SGEMM_NAIVE_SPV: &[u8] = include_bytes!("../shaders/sgemm_naive.spv");
pub const SGEMM_TILED_SPV: &[u8] = include_bytes!("../shaders/sgemm_tiled.spv");
pub const REDUCE_SPV: &[u8] = include_bytes!("../shaders/reduce.spv");

/// SGEMM's workgroups are 16×16 (`sgemm_*.comp`); n must be a multiple.
pub const SGEMM_TILE: u32 = 16;
/// `reduce.comp`: 256 invocations, 16 values each.
const REDUCE_PER_GROUP: u32 = 256 * 16;
/// saxpy's `a`.
const SAXPY_A: f32 = 2.0;
/// What SGEMM's C holds before the first run (a NaN), so that a dispatch that writes
/// nothing fails the check.
const UNWRITTEN: u32 = 0x7fc0_0000;
/// Workgroups per row of a saxpy dispatch (at most maxComputeWorkGroupCount[0] = 65535).
const SAXPY_ROW: u32 = 4096;

/// The SPIR-V words of an embedded `.spv`.
pub fn words(spv: &[u8]) -> Vec<u32> {
    assert!(spv.len().is_multiple_of(4), "SPIR-V is a whole number of words");
    spv.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect()
}

/// What [`check`] compares after the runs.
#[derive(Clone, Copy, Debug)]
pub enum Check {
    /// y = y0 + runs · a · x.
    Saxpy { y: vk::Buffer, elements: u32 },
    /// C = A · B.
    Sgemm { c: vk::Buffer, n: u32 },
    /// The total of the last run.
    Reduce { total: vk::Buffer, elements: u32 },
}

/// The timed command of a compute workload, with the handles it uses.
#[derive(Clone, Copy, Debug)]
pub struct Dispatch {
    pub pipeline: vk::Pipeline,
    pub layout: vk::PipelineLayout,
    pub set: vk::DescriptorSet,
    pub push: [u8; 8],
    pub push_len: u32,
    pub groups: [u32; 3],
    /// A 4-byte buffer zeroed (vkCmdFillBuffer) before the dispatch: the reduction's total.
    pub zero_first: Option<vk::Buffer>,
    pub check: Check,
}

/// Creates and fills the buffers of `operation`, its pipeline and descriptor set on
/// `device`, recording them in `resources` (which the caller destroys, also on failure).
pub fn prepare(device: &BenchDevice, operation: &Operation, resources: &mut Resources) -> Result<Dispatch, Failure> {
    if !device.queue_flags.contains(vk::QueueFlags::COMPUTE) {
        return Err(Failure::Unsupported("the benchmark's queue family has no COMPUTE".into()));
    }
    match *operation {
        Operation::Saxpy { elements, local_size } => {
            let spv = match local_size {
                256 => SAXPY_256_SPV,
                64 => SAXPY_64_SPV,
                other => return Err(Failure::Error(format!("no saxpy shader with local_size_x {other}"))),
            };
            let x = storage_buffer(device, &f32_bytes(elements, saxpy_x), resources)?;
            let y = storage_buffer(device, &f32_bytes(elements, saxpy_y0), resources)?;
            let (layout, set) = bind_buffers(device, &[x, y], 8, resources)?;
            let pipeline = create_pipeline(device, &words(spv), layout, vk::PipelineCache::null(), resources)?;
            let groups = elements.div_ceil(local_size);
            let row = groups.min(SAXPY_ROW);
            let mut push = [0u8; 8];
            push[..4].copy_from_slice(&SAXPY_A.to_le_bytes());
            push[4..].copy_from_slice(&elements.to_le_bytes());
            Ok(Dispatch {
                pipeline,
                layout,
                set,
                push,
                push_len: 8,
                groups: [row, groups.div_ceil(row), 1],
                zero_first: None,
                check: Check::Saxpy { y, elements },
            })
        }
        Operation::Sgemm { n, tiled } => {
            let kernel = if tiled { SGEMM_TILED_SPV } else { SGEMM_NAIVE_SPV };
            let (a, b, c) = sgemm_buffers(device, n, resources)?;
            let (layout, set) = bind_buffers(device, &[a, b, c], 4, resources)?;
            let pipeline = create_pipeline(device, &words(kernel), layout, vk::PipelineCache::null(), resources)?;
            Ok(Dispatch {
                pipeline,
                layout,
                set,
                push: push_u32(n),
                push_len: 4,
                groups: [n / SGEMM_TILE, n / SGEMM_TILE, 1],
                zero_first: None,
                check: Check::Sgemm { c, n },
            })
        }
        Operation::Reduce { elements } => {
            let values: Vec<u8> =
                (0..elements).into_par_iter().flat_map_iter(|i| reduce_value(i).to_le_bytes()).collect();
            let values = storage_buffer(device, &values, resources)?;
            let total = storage_buffer(device, &UNWRITTEN.to_le_bytes(), resources)?;
            let (layout, set) = bind_buffers(device, &[values, total], 4, resources)?;
            let pipeline = create_pipeline(device, &words(REDUCE_SPV), layout, vk::PipelineCache::null(), resources)?;
            Ok(Dispatch {
                pipeline,
                layout,
                set,
                push: push_u32(elements),
                push_len: 4,
                groups: [elements.div_ceil(REDUCE_PER_GROUP), 1, 1],
                zero_first: Some(total),
                check: Check::Reduce { total, elements },
            })
        }
        _ => Err(Failure::Error("not a compute workload".into())),
    }
}

/// Records `dispatch` into `cb`: a barrier after everything before (earlier runs, the
/// uploads), the reduction's zeroing, then the dispatch.
pub fn record(d: &ash::Device, cb: vk::CommandBuffer, dispatch: &Dispatch) {
    full_barrier(d, cb);
    // SAFETY: cb is recording; every handle belongs to its device.
    unsafe {
        if let Some(buffer) = dispatch.zero_first {
            d.cmd_fill_buffer(cb, buffer, 0, 4, 0);
            full_barrier(d, cb);
        }
        d.cmd_bind_pipeline(cb, vk::PipelineBindPoint::COMPUTE, dispatch.pipeline);
        d.cmd_bind_descriptor_sets(cb, vk::PipelineBindPoint::COMPUTE, dispatch.layout, 0, &[dispatch.set], &[]);
        d.cmd_push_constants(
            cb,
            dispatch.layout,
            vk::ShaderStageFlags::COMPUTE,
            0,
            &dispatch.push[..dispatch.push_len as usize],
        );
        let [x, y, z] = dispatch.groups;
        d.cmd_dispatch(cb, x, y, z);
    }
}

/// Reads the result back after `runs` dispatches and compares it with the host's.
pub fn check(device: &BenchDevice, dispatch: &Dispatch, runs: usize) -> Result<(), Failure> {
    match dispatch.check {
        Check::Saxpy { y, elements } => {
            let got = f32_values(&read_back(device, y, 4 * u64::from(elements))?);
            let scale = runs as f32 * SAXPY_A;
            let expected = |i: u32| saxpy_y0(i) + scale * saxpy_x(i);
            compare_floats(&got, expected, |i| format!("y[{i}] after {runs} dispatches"))
        }
        Check::Sgemm { c, n } => {
            let got = f32_values(&read_back(device, c, 4 * u64::from(n) * u64::from(n))?);
            let reference = sgemm_reference(n);
            compare_floats(&got, |i| reference[i as usize], |i| format!("C[{}][{}]", i / n, i % n))
        }
        Check::Reduce { total, elements } => {
            let bytes = read_back(device, total, 4)?;
            let got = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
            let expected = reduce_reference(elements);
            if got == expected {
                Ok(())
            } else {
                Err(Failure::Error(format!("wrong sum: {got:#010x}, expected {expected:#010x}")))
            }
        }
    }
}

/// Bit-for-bit comparison; the failure names the first wrong element and the count.
pub fn compare_floats(
    got: &[f32],
    expected: impl Fn(u32) -> f32 + Sync,
    name: impl Fn(u32) -> String,
) -> Result<(), Failure> {
    let wrong = |i: usize| got[i].to_bits() != expected(i as u32).to_bits();
    let count = (0..got.len()).into_par_iter().filter(|&i| wrong(i)).count();
    if count == 0 {
        return Ok(());
    }
    let first = (0..got.len()).find(|&i| wrong(i)).unwrap_or(0) as u32;
    Err(Failure::Error(format!(
        "wrong result: {} = {}, expected {} ({count} of {} wrong)",
        name(first),
        got[first as usize],
        expected(first),
        got.len()
    )))
}

/// saxpy's x: integers in -30..=30, so every y stays an exactly representable integer.
pub fn saxpy_x(i: u32) -> f32 {
    ((u64::from(i) * 7) % 61) as f32 - 30.0
}

/// saxpy's y before the first run: integers in -48..=48.
pub fn saxpy_y0(i: u32) -> f32 {
    ((u64::from(i) * 13) % 97) as f32 - 48.0
}

/// SGEMM's A[row][k]: integers in -5..=5.
pub fn sgemm_a(row: u32, k: u32) -> f32 {
    ((u64::from(row) * 7 + u64::from(k) * 3) % 11) as f32 - 5.0
}

/// SGEMM's B[k][col]: integers in -6..=6 (so |C| ≤ 30 n, exact in f32 for n ≤ 2¹⁹).
pub fn sgemm_b(k: u32, col: u32) -> f32 {
    ((u64::from(k) * 5 + u64::from(col) * 9) % 13) as f32 - 6.0
}

/// One element of A · B, on the host.
pub fn sgemm_element(n: u32, row: u32, col: u32) -> f32 {
    (0..n).map(|k| sgemm_a(row, k) as i64 * sgemm_b(k, col) as i64).sum::<i64>() as f32
}

/// A · B on the host (exact, in integers), once per size and process.
fn sgemm_reference(n: u32) -> Arc<Vec<f32>> {
    static CACHE: Mutex<Vec<(u32, Arc<Vec<f32>>)>> = Mutex::new(Vec::new());
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, c)) = cache.iter().find(|(size, _)| *size == n) {
        return c.clone();
    }
    let size = n as usize;
    let b: Vec<i32> = (0..n * n).map(|i| sgemm_b(i / n, i % n) as i32).collect();
    let mut c = vec![0f32; size * size];
    c.par_chunks_mut(size).enumerate().for_each(|(row, out)| {
        let mut sums = vec![0i32; size];
        for k in 0..size {
            let a = sgemm_a(row as u32, k as u32) as i32;
            for (sum, &b) in sums.iter_mut().zip(&b[k * size..(k + 1) * size]) {
                *sum += a * b;
            }
        }
        for (o, s) in out.iter_mut().zip(sums) {
            *o = s as f32;
        }
    });
    let c = Arc::new(c);
    cache.push((n, c.clone()));
    c
}

/// The reduction's inputs: a multiplicative hash of the index (any uint).
fn reduce_value(i: u32) -> u32 {
    i.wrapping_mul(0x9e37_79b1) ^ (i >> 5)
}

/// The wrapping uint sum of the reduction's inputs, on the host.
fn reduce_reference(elements: u32) -> u32 {
    (0..elements).into_par_iter().map(reduce_value).reduce(|| 0, u32::wrapping_add)
}

/// A, B (filled) and C (holding NaNs) of an n×n SGEMM, as storage buffers.
pub fn sgemm_buffers(
    device: &BenchDevice,
    n: u32,
    resources: &mut Resources,
) -> Result<(vk::Buffer, vk::Buffer, vk::Buffer), Failure> {
    if n == 0 || !n.is_multiple_of(SGEMM_TILE) {
        return Err(Failure::Error(format!("SGEMM size {n} is not a multiple of {SGEMM_TILE}")));
    }
    let a = storage_buffer(device, &f32_bytes(n * n, |i| sgemm_a(i / n, i % n)), resources)?;
    let b = storage_buffer(device, &f32_bytes(n * n, |i| sgemm_b(i / n, i % n)), resources)?;
    let bytes = 4 * u64::from(n) * u64::from(n);
    let (c, _) = device.create_buffer_with_usage(bytes, storage_usage(), false, Some(resources))?;
    device.submit_and_wait(|d, cb| {
        // SAFETY: cb is recording; c is `bytes` long with TRANSFER_DST usage.
        unsafe { d.cmd_fill_buffer(cb, c, 0, bytes, UNWRITTEN) };
    })?;
    Ok((a, b, c))
}

fn f32_bytes(elements: u32, value: impl Fn(u32) -> f32 + Sync + Send) -> Vec<u8> {
    (0..elements).into_par_iter().flat_map_iter(|i| value(i).to_le_bytes()).collect()
}

pub fn f32_values(bytes: &[u8]) -> Vec<f32> {
    bytes.par_chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect()
}

pub fn push_u32(value: u32) -> [u8; 8] {
    let mut push = [0u8; 8];
    push[..4].copy_from_slice(&value.to_le_bytes());
    push
}

fn storage_usage() -> vk::BufferUsageFlags {
    vk::BufferUsageFlags::STORAGE_BUFFER | vk::BufferUsageFlags::TRANSFER_SRC | vk::BufferUsageFlags::TRANSFER_DST
}

/// Every earlier transfer or shader write, made visible to later shaders and transfers.
pub fn full_barrier(d: &ash::Device, cb: vk::CommandBuffer) {
    use vk::AccessFlags as A;
    let stages = vk::PipelineStageFlags::TRANSFER | vk::PipelineStageFlags::COMPUTE_SHADER;
    let memory = [vk::MemoryBarrier::default()
        .src_access_mask(A::TRANSFER_WRITE | A::SHADER_WRITE)
        .dst_access_mask(A::TRANSFER_READ | A::TRANSFER_WRITE | A::SHADER_READ | A::SHADER_WRITE)];
    // SAFETY: cb is recording.
    unsafe { d.cmd_pipeline_barrier(cb, stages, stages, vk::DependencyFlags::empty(), &memory, &[], &[]) };
}

/// A device-local storage buffer holding `data`, uploaded through a staging buffer that
/// is freed again.
pub fn storage_buffer(device: &BenchDevice, data: &[u8], resources: &mut Resources) -> Result<vk::Buffer, Failure> {
    let bytes = data.len() as u64;
    let (buffer, _) = device.create_buffer_with_usage(bytes, storage_usage(), false, Some(resources))?;
    let (staging, memory) = device.create_buffer(bytes, true, None)?;
    let d = &device.device;
    let uploaded = (|| {
        // SAFETY: memory is host-visible, `bytes` long and not mapped elsewhere.
        unsafe {
            let ptr = d.map_memory(memory, 0, bytes, vk::MemoryMapFlags::empty())?;
            std::ptr::copy_nonoverlapping(data.as_ptr(), ptr.cast::<u8>(), data.len());
            d.unmap_memory(memory);
        }
        device.submit_and_wait(|d, cb| {
            let region = [vk::BufferCopy { src_offset: 0, dst_offset: 0, size: bytes }];
            // SAFETY: cb is recording; both buffers are `bytes` long with transfer usage.
            unsafe { d.cmd_copy_buffer(cb, staging, buffer, &region) };
            full_barrier(d, cb);
        })
    })();
    // SAFETY: the upload finished (or never started); staging is ours and unused.
    unsafe {
        let _ = d.device_wait_idle();
        d.destroy_buffer(staging, None);
        d.free_memory(memory, None);
    }
    uploaded?;
    Ok(buffer)
}

/// The first `bytes` of `buffer`, copied to a host-visible buffer after every earlier
/// shader write.
pub fn read_back(device: &BenchDevice, buffer: vk::Buffer, bytes: u64) -> Result<Vec<u8>, Failure> {
    let (staging, memory) = device.create_buffer(bytes, true, None)?;
    let d = &device.device;
    let result = (|| {
        device.submit_and_wait(|d, cb| {
            full_barrier(d, cb);
            let region = [vk::BufferCopy { src_offset: 0, dst_offset: 0, size: bytes }];
            let to_host = [vk::MemoryBarrier::default()
                .src_access_mask(vk::AccessFlags::TRANSFER_WRITE)
                .dst_access_mask(vk::AccessFlags::HOST_READ)];
            // SAFETY: cb is recording; both buffers hold `bytes` with transfer usage.
            unsafe {
                d.cmd_copy_buffer(cb, buffer, staging, &region);
                d.cmd_pipeline_barrier(
                    cb,
                    vk::PipelineStageFlags::TRANSFER,
                    vk::PipelineStageFlags::HOST,
                    vk::DependencyFlags::empty(),
                    &to_host,
                    &[],
                    &[],
                );
            }
        })?;
        // SAFETY: memory is host-visible and coherent, `bytes` long, the copy finished.
        unsafe {
            let ptr = d.map_memory(memory, 0, bytes, vk::MemoryMapFlags::empty())?;
            let out = std::slice::from_raw_parts(ptr.cast::<u8>(), bytes as usize).to_vec();
            d.unmap_memory(memory);
            Ok(out)
        }
    })();
    // SAFETY: the copy finished (or never started); staging is ours and unused.
    unsafe {
        let _ = d.device_wait_idle();
        d.destroy_buffer(staging, None);
        d.free_memory(memory, None);
    }
    result
}

/// A descriptor set with `buffers` as storage buffers at bindings 0, 1, ... of set 0,
/// and a pipeline layout with it and `push_bytes` of compute push constants.
pub fn bind_buffers(
    device: &BenchDevice,
    buffers: &[vk::Buffer],
    push_bytes: u32,
    resources: &mut Resources,
) -> Result<(vk::PipelineLayout, vk::DescriptorSet), Failure> {
    let d = &device.device;
    let bindings: Vec<vk::DescriptorSetLayoutBinding> = (0..buffers.len() as u32)
        .map(|binding| {
            vk::DescriptorSetLayoutBinding::default()
                .binding(binding)
                .descriptor_type(vk::DescriptorType::STORAGE_BUFFER)
                .descriptor_count(1)
                .stage_flags(vk::ShaderStageFlags::COMPUTE)
        })
        .collect();
    // SAFETY: every create info outlives its call; each object goes into `resources` as
    // soon as it exists, so the caller destroys it.
    unsafe {
        let set_layout =
            d.create_descriptor_set_layout(&vk::DescriptorSetLayoutCreateInfo::default().bindings(&bindings), None)?;
        resources.set_layouts.push(set_layout);
        let set_layouts = [set_layout];
        let push = [vk::PushConstantRange { stage_flags: vk::ShaderStageFlags::COMPUTE, offset: 0, size: push_bytes }];
        let layout_info = vk::PipelineLayoutCreateInfo::default().set_layouts(&set_layouts).push_constant_ranges(&push);
        let layout = d.create_pipeline_layout(&layout_info, None)?;
        resources.pipeline_layouts.push(layout);
        let sizes =
            [vk::DescriptorPoolSize { ty: vk::DescriptorType::STORAGE_BUFFER, descriptor_count: buffers.len() as u32 }];
        let pool_info = vk::DescriptorPoolCreateInfo::default().max_sets(1).pool_sizes(&sizes);
        let pool = d.create_descriptor_pool(&pool_info, None)?;
        resources.descriptor_pools.push(pool);
        let allocate = vk::DescriptorSetAllocateInfo::default().descriptor_pool(pool).set_layouts(&set_layouts);
        let set = d.allocate_descriptor_sets(&allocate)?[0];
        let infos: Vec<[vk::DescriptorBufferInfo; 1]> = buffers
            .iter()
            .map(|&buffer| [vk::DescriptorBufferInfo { buffer, offset: 0, range: vk::WHOLE_SIZE }])
            .collect();
        let writes: Vec<vk::WriteDescriptorSet> = infos
            .iter()
            .enumerate()
            .map(|(binding, info)| {
                vk::WriteDescriptorSet::default()
                    .dst_set(set)
                    .dst_binding(binding as u32)
                    .descriptor_type(vk::DescriptorType::STORAGE_BUFFER)
                    .buffer_info(info)
            })
            .collect();
        d.update_descriptor_sets(&writes, &[]);
        Ok((layout, set))
    }
}

/// A shader module of `spirv` and a compute pipeline of its `main` with `layout`, through
/// `cache` (may be null); both recorded in `resources`.
pub fn create_pipeline(
    device: &BenchDevice,
    spirv: &[u32],
    layout: vk::PipelineLayout,
    cache: vk::PipelineCache,
    resources: &mut Resources,
) -> Result<vk::Pipeline, Failure> {
    let d = &device.device;
    // SAFETY: the create infos outlive the calls; the objects go into `resources`.
    unsafe {
        let module = d.create_shader_module(&vk::ShaderModuleCreateInfo::default().code(spirv), None)?;
        resources.shader_modules.push(module);
        let stage = vk::PipelineShaderStageCreateInfo::default()
            .stage(vk::ShaderStageFlags::COMPUTE)
            .module(module)
            .name(c"main");
        let info = vk::ComputePipelineCreateInfo::default().stage(stage).layout(layout);
        let pipeline = d.create_compute_pipelines(cache, &[info], None).map_err(|(_, e)| Failure::from(e))?[0];
        resources.pipelines.push(pipeline);
        Ok(pipeline)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_shaders_are_spirv() {
        for spv in [SAXPY_256_SPV, SAXPY_64_SPV, SGEMM_NAIVE_SPV, SGEMM_TILED_SPV, REDUCE_SPV] {
            assert_eq!(words(spv)[0], 0x0723_0203);
        }
    }

    #[test]
    fn sgemm_reference_matches_element_by_element() {
        let n = 32;
        let c = sgemm_reference(n);
        for (row, col) in [(0, 0), (3, 17), (31, 31)] {
            assert_eq!(c[(row * n + col) as usize], sgemm_element(n, row, col));
        }
    }

    #[test]
    fn reduction_reference_wraps() {
        let by_hand = (0..1000u32).fold(0u32, |s, i| s.wrapping_add(reduce_value(i)));
        assert_eq!(reduce_reference(1000), by_hand);
    }
}
