//! The instance + device creation workload. The Khronos loader keeps one state per
//! process, so to load one driver at a time this binary re-executes itself as
//! `bench --create-only <manifest>`: the child points the loader at that manifest alone,
//! times vkCreateInstance + vkEnumeratePhysicalDevices + vkCreateDevice + both destroys,
//! and prints the time. The parent runs one child per run, interleaving drivers, and
//! takes the median of the children's own timings (process start-up and loading
//! libvulkan are not included; loading the ICD library is, as an application pays it).
//!
//! Implicit layers (Mesa's device-select layer...) are disabled in the child so that the
//! time is the driver's, not the layers'.
//!
//! The other cross-process workloads have the same shape: a child mode of this binary
//! that prints `device\t<name>` and `seconds\t<time>` lines (`sharing`: export an image,
//! import it in a second process; `pipeline_create`: a compute pipeline and its first
//! dispatch, cold or warm), and [`measure`] as the parent loop.

use crate::device::{Column, Role};
use crate::failure::Failure;
use crate::pipeline_create::Phase;
use crate::schedule::RunPlan;
use crate::stats::{format_range, Measurement};
use ash::vk;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

/// The manifests the parent's loader was pointed at (`VK_DRIVER_FILES`, else
/// `VK_ICD_FILENAMES`), one per driver.
pub fn manifests_from_env() -> Vec<PathBuf> {
    let list = ["VK_DRIVER_FILES", "VK_ICD_FILENAMES"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
        .unwrap_or_default();
    std::env::split_paths(&list).filter(|p| !p.as_os_str().is_empty()).collect()
}

/// `bench --create-only <manifest> [--runs N]`: N creation cycles with the loader seeing
/// only `manifest`; prints `device\t<name>` and `seconds\t<time>` per cycle, or
/// `failed\t<reason>` and exits 1.
pub fn child_main(manifest: &Path, runs: usize) -> ExitCode {
    let entry = match load_one_driver(manifest) {
        Ok(entry) => entry,
        Err(e) => {
            println!("failed\t{e}");
            return ExitCode::FAILURE;
        }
    };
    for _ in 0..runs.max(1) {
        match create_cycle(&entry) {
            Ok((name, time)) => println!("device\t{name}\nseconds\t{:.9}", time.as_secs_f64()),
            Err(failure) => {
                println!("failed\t{failure}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}

/// Opens the loader seeing only `manifest`, with implicit layers off. Call before any
/// other thread starts: it sets environment variables.
pub fn load_one_driver(manifest: &Path) -> Result<ash::Entry, String> {
    std::env::set_var("VK_ICD_FILENAMES", manifest);
    std::env::set_var("VK_DRIVER_FILES", manifest);
    std::env::remove_var("VK_ADD_DRIVER_FILES");
    std::env::set_var("VK_LOADER_LAYERS_DISABLE", "~implicit~");
    std::env::set_var("NODEVICE_SELECT", "1");
    // SAFETY: opening libvulkan.so.1 runs its initialisers; the loader is made for that.
    unsafe { ash::Entry::load() }.map_err(|e| format!("cannot open the Vulkan loader: {e}"))
}

/// One timed create/destroy cycle; returns the first device's name and the time.
fn create_cycle(entry: &ash::Entry) -> Result<(String, Duration), Failure> {
    let app_info = vk::ApplicationInfo::default().application_name(c"softvk-bench").api_version(vk::API_VERSION_1_1);
    let instance_info = vk::InstanceCreateInfo::default().application_info(&app_info);
    let priorities = [1.0f32];
    let start = Instant::now();
    // SAFETY: every create info outlives its call; each object is destroyed once, the
    // device before the instance, and nothing is used after destruction.
    unsafe {
        let instance = entry.create_instance(&instance_info, None)?;
        let result = (|| {
            let physical = *instance
                .enumerate_physical_devices()?
                .first()
                .ok_or_else(|| Failure::Error("no physical device".into()))?;
            let properties = instance.get_physical_device_properties(physical);
            let families = instance.get_physical_device_queue_family_properties(physical);
            if families.is_empty() {
                return Err(Failure::Error("no queue family".into()));
            }
            let queue_info = [vk::DeviceQueueCreateInfo::default().queue_family_index(0).queue_priorities(&priorities)];
            let device_info = vk::DeviceCreateInfo::default().queue_create_infos(&queue_info);
            let device = instance.create_device(physical, &device_info, None)?;
            device.destroy_device(None);
            let name = properties.device_name_as_c_str().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            Ok(name)
        })();
        instance.destroy_instance(None);
        Ok((result?, start.elapsed()))
    }
}

/// What the children of one manifest reported.
struct ManifestRuns {
    manifest: PathBuf,
    device_name: Option<String>,
    samples: Vec<Duration>,
    failure: Option<Failure>,
    /// `extra` lines of the timed children (and of the prime): (kind, label) → values.
    extras: Vec<((String, String), Vec<f64>)>,
}

impl ManifestRuns {
    /// Keeps a child's time when `timed`, its extras when `timed` or `prime`.
    fn record(&mut self, report: ChildReport, timed: bool, prime: bool) {
        self.device_name = Some(report.name);
        if timed {
            self.samples.push(report.time);
        }
        if !timed && !prime {
            return;
        }
        for (key, value) in report.extras {
            match self.extras.iter_mut().find(|(k, _)| *k == key) {
                Some((_, values)) => values.push(value),
                None => self.extras.push((key, vec![value])),
            }
        }
    }
}

/// Runs the children of `child` for every manifest, interleaved, and returns one result
/// per column (matched by device name). Problems that fit no column, and what the
/// children measured besides their time, go to `notes`.
pub fn measure(
    columns: &[Column],
    plan: RunPlan,
    notes: &mut Vec<String>,
    child: ChildWorkload,
) -> Vec<Result<Measurement, Failure>> {
    let manifests = manifests_from_env();
    if manifests.is_empty() {
        let why = Failure::Skipped("VK_ICD_FILENAMES not set, cannot load one driver at a time".into());
        return columns.iter().map(|_| Err(why.clone())).collect();
    }
    let scratch = std::env::temp_dir().join(format!("softvk-bench-{}", std::process::id()));
    if let Err(e) = std::fs::create_dir_all(&scratch) {
        let why = Failure::Error(format!("cannot create {}: {e}", scratch.display()));
        return columns.iter().map(|_| Err(why.clone())).collect();
    }
    let mut runs: Vec<ManifestRuns> = manifests
        .into_iter()
        .map(|manifest| ManifestRuns {
            manifest,
            device_name: None,
            samples: Vec::new(),
            failure: None,
            extras: Vec::new(),
        })
        .collect();
    if let ChildWorkload::ComputePipeline { warm: true } = child {
        for (index, manifest_runs) in runs.iter_mut().enumerate() {
            let invocation = pipeline_invocation(Phase::Prime, &manifest_runs.manifest, &scratch, index, 0);
            match run_child(&invocation) {
                Ok(report) => manifest_runs.record(report, false, true),
                Err(failure) => manifest_runs.failure = Some(failure),
            }
        }
    }
    for run in 0..plan.warmups + plan.runs {
        for (index, manifest_runs) in runs.iter_mut().enumerate().filter(|(_, r)| r.failure.is_none()) {
            let invocation = child.invocation(&manifest_runs.manifest, &scratch, index, run);
            match run_child(&invocation) {
                Ok(report) => manifest_runs.record(report, run >= plan.warmups, false),
                Err(failure) => manifest_runs.failure = Some(failure),
            }
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);

    let mut results: Vec<Result<Measurement, Failure>> =
        columns.iter().map(|_| Err(Failure::Skipped("no manifest of its own in VK_ICD_FILENAMES".into()))).collect();
    // (kind, label) → (column label, values), in the order first seen.
    type ByColumn = Vec<(String, Vec<f64>)>;
    let mut extras: Vec<((String, String), ByColumn)> = Vec::new();
    for manifest_runs in runs {
        let column = match &manifest_runs.device_name {
            Some(name) => columns.iter().position(|c| &c.device_name == name),
            None => columns.iter().position(|c| c.role != Role::Other && c.role == guess_role(&manifest_runs.manifest)),
        };
        let result = match (manifest_runs.failure, Measurement::from_samples(&manifest_runs.samples)) {
            (Some(failure), _) => Err(failure),
            (None, Some(measurement)) => Ok(measurement),
            (None, None) => Err(Failure::Error("no timed runs".into())),
        };
        match column {
            Some(index) => {
                if result.is_ok() {
                    for (key, values) in manifest_runs.extras {
                        let by_column = (columns[index].label.clone(), values);
                        match extras.iter_mut().find(|(k, _)| *k == key) {
                            Some((_, list)) => list.push(by_column),
                            None => extras.push((key, vec![by_column])),
                        }
                    }
                }
                results[index] = result;
            }
            None => notes.push(format!(
                "{} with {} ({}): {}",
                child.name(),
                manifest_runs.manifest.display(),
                manifest_runs.device_name.as_deref().unwrap_or("device unknown"),
                match &result {
                    Ok(m) => format!("median {:?}", m.median),
                    Err(f) => f.to_string(),
                }
            )),
        }
    }
    for ((kind, label), by_column) in extras {
        let cells: Vec<String> = by_column
            .iter()
            .map(|(column, values)| {
                let value = if kind == "seconds" {
                    let samples: Vec<Duration> = values.iter().map(|&v| Duration::from_secs_f64(v)).collect();
                    Measurement::from_samples(&samples).map_or("—".into(), |m| format_range(&m))
                } else {
                    format!("{} {kind}", values.last().copied().unwrap_or(0.0))
                };
                format!("{column} {value}")
            })
            .collect();
        notes.push(format!("`{}`: {label} (not in the time): {}", child.name(), cells.join(", ")));
    }
    results
}

/// For a manifest whose child failed before naming its device: softvk's is `icd.json`
/// beside a `target/` folder, lavapipe's is named `lvp_icd...`, SwiftShader's
/// `vk_swiftshader_icd.json`.
fn guess_role(manifest: &Path) -> Role {
    let file = manifest.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
    if file.starts_with("lvp_icd") {
        Role::Lavapipe
    } else if file.starts_with("vk_swiftshader") {
        Role::SwiftShader
    } else if file == "icd.json" {
        Role::Softvk
    } else {
        Role::Other
    }
}

/// The workloads that run in child processes, one driver per child.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChildWorkload {
    CreateInstanceDevice,
    ExportImportImage,
    /// `pipeline_create`: cold, or warm (after one prime per driver).
    ComputePipeline {
        warm: bool,
    },
    /// `present`: frames per second on one kind of surface.
    Present {
        platform: crate::present::Platform,
    },
}

impl ChildWorkload {
    fn name(self) -> &'static str {
        match self {
            ChildWorkload::CreateInstanceDevice => "create_instance_device",
            ChildWorkload::ExportImportImage => "export_import_image",
            ChildWorkload::ComputePipeline { warm: false } => "compute-pipeline-create-cold",
            ChildWorkload::ComputePipeline { warm: true } => "compute-pipeline-create-warm",
            ChildWorkload::Present { platform } => platform.name(),
        }
    }

    /// The child of run `run` for the `index`th manifest; `scratch` holds what the
    /// children of one workload share (pipeline cache blobs, Mesa's disk caches).
    fn invocation(self, manifest: &Path, scratch: &Path, index: usize, run: usize) -> Invocation {
        let plain = |flag: &str| Invocation { args: vec![flag.into(), manifest.into()], env: Vec::new() };
        match self {
            ChildWorkload::CreateInstanceDevice => plain("--create-only"),
            ChildWorkload::ExportImportImage => plain("--export-import"),
            ChildWorkload::Present { platform } => {
                let args = vec!["--present-child".into(), platform.name().into(), manifest.into()];
                // The X display each X11 platform uses (unset: the child says it is skipped).
                let env = platform
                    .display_variable()
                    .map(|var| vec![("DISPLAY", Some(std::env::var_os(var).unwrap_or_default()))])
                    .unwrap_or_default();
                Invocation { args, env }
            }
            ChildWorkload::ComputePipeline { warm } => {
                let phase = if warm { Phase::Warm } else { Phase::Cold };
                pipeline_invocation(phase, manifest, scratch, index, run)
            }
        }
    }
}

/// A child's command line (after the binary) and the environment it changes (`None`:
/// removed).
struct Invocation {
    args: Vec<OsString>,
    env: Vec<(&'static str, Option<OsString>)>,
}

/// `bench --pipeline-child PHASE MANIFEST BLOB`. Cold children get Mesa's disk cache
/// disabled and, in case that were not honoured, a fresh empty directory of their own;
/// the prime and the warm children share the manifest's cache directory.
fn pipeline_invocation(phase: Phase, manifest: &Path, scratch: &Path, index: usize, run: usize) -> Invocation {
    let blob = scratch.join(format!("pipeline-cache-{index}.bin"));
    let args = vec!["--pipeline-child".into(), phase.name().into(), manifest.into(), blob.into()];
    let env = match phase {
        Phase::Cold => vec![
            ("MESA_SHADER_CACHE_DISABLE", Some("true".into())),
            ("MESA_SHADER_CACHE_DIR", Some(scratch.join(format!("mesa-cold-{index}-{run}")).into())),
        ],
        Phase::Prime | Phase::Warm => vec![
            ("MESA_SHADER_CACHE_DISABLE", None),
            ("MESA_GLSL_CACHE_DISABLE", None),
            ("MESA_SHADER_CACHE_DIR", Some(scratch.join(format!("mesa-warm-{index}")).into())),
        ],
    };
    Invocation { args, env }
}

/// What one child printed.
struct ChildReport {
    name: String,
    time: Duration,
    /// `extra\t<kind>\t<label>\t<value>` lines: ((kind, label), value).
    extras: Vec<((String, String), f64)>,
}

/// Runs this binary once as `invocation` and parses its report.
fn run_child(invocation: &Invocation) -> Result<ChildReport, Failure> {
    let exe = std::env::current_exe().map_err(|e| Failure::Error(format!("current_exe: {e}")))?;
    let mut command = Command::new(exe);
    command.args(&invocation.args);
    for (name, value) in &invocation.env {
        match value {
            Some(value) => command.env(name, value),
            None => command.env_remove(name),
        };
    }
    let output = command.output().map_err(|e| Failure::Error(format!("cannot start child: {e}")))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let mut name = None;
    let mut time = None;
    let mut extras = Vec::new();
    for line in stdout.lines() {
        match line.split_once('\t') {
            Some(("device", value)) => name = Some(value.to_string()),
            Some(("seconds", value)) => time = value.trim().parse::<f64>().ok().map(Duration::from_secs_f64),
            Some(("failed", value)) => return Err(Failure::from_child(value)),
            Some(("extra", rest)) => {
                let fields: Vec<&str> = rest.splitn(3, '\t').collect();
                if let [kind, label, value] = fields[..] {
                    if let Ok(value) = value.trim().parse::<f64>() {
                        extras.push(((kind.to_string(), label.to_string()), value));
                    }
                }
            }
            _ => {}
        }
    }
    match (name, time) {
        (Some(name), Some(time)) if output.status.success() => Ok(ChildReport { name, time, extras }),
        _ => {
            let stderr = String::from_utf8_lossy(&output.stderr);
            let last = stderr.lines().last().unwrap_or("").trim();
            Err(Failure::Error(format!("child {} {last}", output.status)))
        }
    }
}
