//! The `compute-pipeline-create-cold` and `-warm` workloads: what a compute pipeline costs
//! before its first result, the tiled SGEMM shader's (`bench/shaders/sgemm_tiled.comp`).
//!
//! One child process per run and driver (`bench --pipeline-child PHASE MANIFEST [BLOB]`),
//! so that nothing a driver keeps in memory makes a later run warm. The child creates its
//! instance, device, the 1024² A, B and C buffers, the descriptor set and the pipeline
//! layout (none timed), then times vkCreateShaderModule + vkCreateComputePipelines +
//! recording, submitting and waiting for one 1×1×1 dispatch (lavapipe compiles the shader
//! when it is first dispatched, so the first dispatch counts), and checks the tile of C
//! that the dispatch computed.
//!
//! Phases:
//! - `cold`: an empty VkPipelineCache; the parent sets `MESA_SHADER_CACHE_DISABLE=true`
//!   (Mesa ≥ 22.1's name for disabling the on-disk shader cache) and points
//!   `MESA_SHADER_CACHE_DIR` at a fresh empty directory, so lavapipe compiles from
//!   scratch even if the variable were not honoured.
//! - `prime`: as cold, but with Mesa's disk cache on in the directory the warm runs use;
//!   writes `vkGetPipelineCacheData` to BLOB. Run once per driver before the warm runs.
//! - `warm`: a VkPipelineCache created from BLOB (a previous process's creation, so the
//!   blob path is exercised) and Mesa's disk cache as the prime left it: what a second
//!   launch of an application sees. vkCreatePipelineCache is timed apart and reported in a
//!   note (softvk compiles a blob's entries there).
//!
//! The child prints `device\t<name>`, `seconds\t<time>` and `extra\t<kind>\t<label>\t<value>`
//! lines, or `failed\t<reason>`.

use crate::compute::{self, Check, Dispatch};
use crate::creation::load_one_driver;
use crate::device::{BenchDevice, Resources};
use crate::failure::Failure;
use ash::vk;
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// The SGEMM size of the buffers the pipeline is dispatched on.
const N: u32 = 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Cold,
    Prime,
    Warm,
}

impl Phase {
    pub fn parse(text: &str) -> Option<Phase> {
        match text {
            "cold" => Some(Phase::Cold),
            "prime" => Some(Phase::Prime),
            "warm" => Some(Phase::Warm),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Phase::Cold => "cold",
            Phase::Prime => "prime",
            Phase::Warm => "warm",
        }
    }
}

/// What one child measured besides its time.
struct Extras(Vec<(&'static str, &'static str, f64)>);

/// `bench --pipeline-child PHASE MANIFEST [BLOB]`.
pub fn child_main(phase: Phase, manifest: &Path, blob: Option<&Path>) -> ExitCode {
    let outcome = load_one_driver(manifest)
        .map_err(Failure::Error)
        .and_then(|entry| crate::failure::catch_panic(|| run(&entry, phase, blob)));
    match outcome {
        Ok((name, time, extras)) => {
            println!("device\t{name}\nseconds\t{:.9}", time.as_secs_f64());
            for (kind, label, value) in extras.0 {
                println!("extra\t{kind}\t{label}\t{value}");
            }
            ExitCode::SUCCESS
        }
        Err(failure) => {
            println!("failed\t{failure}");
            ExitCode::FAILURE
        }
    }
}

fn run(entry: &ash::Entry, phase: Phase, blob: Option<&Path>) -> Result<(String, Duration, Extras), Failure> {
    let app_info = vk::ApplicationInfo::default().application_name(c"softvk-bench").api_version(vk::API_VERSION_1_1);
    // SAFETY: the create info outlives the call; the instance is destroyed below, after
    // everything made from it.
    let instance =
        unsafe { entry.create_instance(&vk::InstanceCreateInfo::default().application_info(&app_info), None) }
            .map_err(|e| Failure::Error(format!("vkCreateInstance: {e:?}")))?;
    let result = (|| {
        // SAFETY: instance is live.
        let physical = *unsafe { instance.enumerate_physical_devices() }?
            .first()
            .ok_or_else(|| Failure::Error("no physical device".into()))?;
        // SAFETY: physical was enumerated from this instance.
        let properties = unsafe { instance.get_physical_device_properties(physical) };
        let name = properties.device_name_as_c_str().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let device = BenchDevice::create(&instance, physical)?;
        let mut resources = Resources::default();
        let mut cache = vk::PipelineCache::null();
        let measured = measure(&device, phase, blob, &mut resources, &mut cache);
        resources.destroy(&device);
        // SAFETY: the device is idle (Resources::destroy waited), so the cache is unused.
        unsafe { device.device.destroy_pipeline_cache(cache, None) };
        device.destroy();
        measured.map(|(time, extras)| (name, time, extras))
    })();
    // SAFETY: the device made from the instance was destroyed (or never made).
    unsafe { instance.destroy_instance(None) };
    result
}

fn measure(
    device: &BenchDevice,
    phase: Phase,
    blob: Option<&Path>,
    resources: &mut Resources,
    cache: &mut vk::PipelineCache,
) -> Result<(Duration, Extras), Failure> {
    if !device.queue_flags.contains(vk::QueueFlags::COMPUTE) {
        return Err(Failure::Unsupported("the queue family has no COMPUTE".into()));
    }
    let d = &device.device;
    let mut extras = Extras(Vec::new());
    let (a, b, c) = compute::sgemm_buffers(device, N, resources)?;
    let (layout, set) = compute::bind_buffers(device, &[a, b, c], 4, resources)?;
    let spirv = compute::words(compute::SGEMM_TILED_SPV);

    let initial = match phase {
        Phase::Warm => {
            let path = blob.ok_or("the warm phase needs the prime's blob")?;
            std::fs::read(path).map_err(|e| Failure::Error(format!("{}: {e}", path.display())))?
        }
        Phase::Cold | Phase::Prime => Vec::new(),
    };
    let cache_info = vk::PipelineCacheCreateInfo::default().initial_data(&initial);
    let started = Instant::now();
    // SAFETY: cache_info and `initial` outlive the call.
    *cache = unsafe { d.create_pipeline_cache(&cache_info, None) }
        .map_err(|e| Failure::Error(format!("vkCreatePipelineCache: {e:?}")))?;
    if phase == Phase::Warm {
        extras.0.push(("seconds", "vkCreatePipelineCache from the blob", started.elapsed().as_secs_f64()));
    }

    // The timed part: module, pipeline, first dispatch (recorded, submitted, waited for).
    let started = Instant::now();
    let pipeline = compute::create_pipeline(device, &spirv, layout, *cache, resources)?;
    let dispatch = Dispatch {
        pipeline,
        layout,
        set,
        push: compute::push_u32(N),
        push_len: 4,
        groups: [1, 1, 1],
        zero_first: None,
        check: Check::Sgemm { c, n: N },
    };
    device.submit_and_wait(|d, cb| compute::record(d, cb, &dispatch))?;
    let time = started.elapsed();

    // Workgroup (0, 0) computed the 16×16 tile at C's corner.
    let tile = compute::SGEMM_TILE;
    let rows = compute::f32_values(&compute::read_back(device, c, 4 * u64::from(N) * u64::from(tile))?);
    let corner: Vec<f32> = (0..tile * tile).map(|i| rows[((i / tile) * N + i % tile) as usize]).collect();
    compute::compare_floats(
        &corner,
        |i| compute::sgemm_element(N, i / tile, i % tile),
        |i| format!("C[{}][{}]", i / tile, i % tile),
    )?;

    if phase == Phase::Prime {
        let path = blob.ok_or("the prime phase writes a blob")?;
        // SAFETY: the cache is live and not used by another thread.
        let data = unsafe { d.get_pipeline_cache_data(*cache) }
            .map_err(|e| Failure::Error(format!("vkGetPipelineCacheData: {e:?}")))?;
        std::fs::write(path, &data).map_err(|e| Failure::Error(format!("{}: {e}", path.display())))?;
        extras.0.push(("bytes", "vkGetPipelineCacheData blob", data.len() as f64));
    }
    Ok((time, extras))
}
