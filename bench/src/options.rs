//! The command line.

use std::path::PathBuf;

pub const USAGE: &str = "\
usage: bench [--quick] [--filter NAME[,NAME...]] [--runs N] [--warmups N]
             [--out FILE|-] [--section NAME]
       bench --scaling-section 1,2,4,8,16 [--threads-prefix P] [--out FILE] [--section NAME]
       bench --create-only MANIFEST [--runs N]
       bench --export-import MANIFEST [--runs N]
       bench --import-only MANIFEST SOCKET
       bench --pipeline-child cold|prime|warm MANIFEST BLOB
       bench --present-child headless|xcb-shm|xcb-noshm MANIFEST
       bench --list

Runs every workload on every physical device the Vulkan loader sees (point it at the
drivers with VK_ICD_FILENAMES=softvk/icd.json:lvp_icd.x86_64.json:vk_swiftshader_icd.json;
scripts/bench.sh does), interleaved, and
writes a markdown section to FILE (default BENCHMARKS.md; '-' for stdout only) between
<!-- bench:begin NAME --> / <!-- bench:end NAME --> markers (default NAME: main, or
quick with --quick). The section is also printed.

  --quick              small sizes (1024² images, 16 MiB buffers), 3 runs, 1 warm-up
  --filter NAMES       only workloads whose name contains one of the comma-separated NAMES
  --runs N             timed runs per workload and device (default 9)
  --warmups N          untimed runs first (default 2)
  --scaling-section L  build the scaling table from sections threads-T, T in L (default
                       section name: scaling)
  --threads-prefix P   with --scaling-section: read sections Pthreads-T instead (default
                       section name: Pscaling)
  --create-only M      child mode: time instance + device creation with only manifest M
  --export-import M    child mode: export a 64 MiB image, time its import by a second process
  --import-only M S    grandchild mode: the importing process of --export-import
  --pipeline-child P M B  child mode: create the tiled SGEMM compute pipeline with only
                       manifest M and time it with its first dispatch; P = cold, prime
                       (also writes the pipeline cache blob B) or warm (a cache from B)
  --present-child P M  child mode: present cleared 1920x1080 frames on surface kind P
                       with only manifest M and print the time per frame
  --list               print the workload names

Threads: softvk follows RAYON_NUM_THREADS, lavapipe LP_NUM_THREADS, SwiftShader
[Processor] ThreadCount in ./SwiftShader.ini.";

/// What to do.
pub enum Mode {
    Bench(BenchOptions),
    Scaling {
        thread_counts: Vec<usize>,
        /// The thread sections are `{prefix}threads-T`.
        prefix: String,
        out: PathBuf,
        section: String,
    },
    CreateOnly {
        manifest: PathBuf,
        runs: usize,
    },
    /// Child mode of `export_import_image`: export, and time a second process's import.
    ExportImport {
        manifest: PathBuf,
        runs: usize,
    },
    /// Grandchild mode: the importing process, talking to the exporter at `socket`.
    ImportOnly {
        manifest: PathBuf,
        socket: PathBuf,
    },
    /// Child mode of the `compute-pipeline-create-*` workloads.
    PipelineChild {
        phase: crate::pipeline_create::Phase,
        manifest: PathBuf,
        blob: PathBuf,
    },
    /// Child mode of the `present-*` workloads.
    PresentChild {
        platform: crate::present::Platform,
        manifest: PathBuf,
    },
    List,
    Help,
}

pub struct BenchOptions {
    pub quick: bool,
    pub filters: Vec<String>,
    pub runs: usize,
    pub warmups: usize,
    /// None: print only.
    pub out: Option<PathBuf>,
    pub section: String,
}

pub fn parse(args: &[String]) -> Result<Mode, String> {
    let mut quick = false;
    let mut filters = Vec::new();
    let mut runs = None;
    let mut warmups = None;
    let mut out = Some(PathBuf::from("BENCHMARKS.md"));
    let mut section = None;
    let mut scaling = None;
    let mut threads_prefix = String::new();
    let mut create_only = None;
    let mut export_import = None;
    let mut import_only = None;
    let mut pipeline_child = None;
    let mut present_child = None;
    let mut list = false;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().cloned().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--quick" => quick = true,
            "--filter" => filters.extend(value(arg)?.split(',').filter(|s| !s.is_empty()).map(str::to_string)),
            "--runs" => runs = Some(number(&value(arg)?)?),
            "--warmups" => warmups = Some(number(&value(arg)?)?),
            "--out" => {
                let path = value(arg)?;
                out = (path != "-").then(|| PathBuf::from(path));
            }
            "--section" => section = Some(value(arg)?),
            "--scaling-section" => {
                let list = value(arg)?;
                let counts = list.split(',').map(|t| number(t.trim())).collect::<Result<Vec<_>, _>>()?;
                scaling = Some(counts);
            }
            "--threads-prefix" => threads_prefix = value(arg)?,
            "--create-only" => create_only = Some(PathBuf::from(value(arg)?)),
            "--export-import" => export_import = Some(PathBuf::from(value(arg)?)),
            "--import-only" => {
                let manifest = PathBuf::from(value(arg)?);
                import_only = Some((manifest, PathBuf::from(value(arg)?)));
            }
            "--pipeline-child" => {
                let phase = value(arg)?;
                let phase = crate::pipeline_create::Phase::parse(&phase)
                    .ok_or_else(|| format!("--pipeline-child: {phase:?} is not cold, prime or warm"))?;
                let manifest = PathBuf::from(value(arg)?);
                pipeline_child = Some((phase, manifest, PathBuf::from(value(arg)?)));
            }
            "--present-child" => {
                let name = value(arg)?;
                let platform = crate::present::Platform::parse(&name)
                    .ok_or_else(|| format!("--present-child: {name:?} is not headless, xcb-shm or xcb-noshm"))?;
                present_child = Some((platform, PathBuf::from(value(arg)?)));
            }
            "--list" => list = true,
            "-h" | "--help" => return Ok(Mode::Help),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if let Some((platform, manifest)) = present_child {
        return Ok(Mode::PresentChild { platform, manifest });
    }
    if let Some((phase, manifest, blob)) = pipeline_child {
        return Ok(Mode::PipelineChild { phase, manifest, blob });
    }
    if let Some((manifest, socket)) = import_only {
        return Ok(Mode::ImportOnly { manifest, socket });
    }
    if let Some(manifest) = export_import {
        return Ok(Mode::ExportImport { manifest, runs: runs.unwrap_or(1) });
    }
    if let Some(manifest) = create_only {
        return Ok(Mode::CreateOnly { manifest, runs: runs.unwrap_or(1) });
    }
    if list {
        return Ok(Mode::List);
    }
    if let Some(thread_counts) = scaling {
        let out = out.ok_or("--scaling-section reads and writes a file: --out - is not allowed")?;
        let section = section.unwrap_or_else(|| format!("{threads_prefix}scaling"));
        return Ok(Mode::Scaling { thread_counts, prefix: threads_prefix, out, section });
    }
    let runs = runs.unwrap_or(if quick { 3 } else { 9 });
    if runs == 0 {
        return Err("--runs must be at least 1".into());
    }
    Ok(Mode::Bench(BenchOptions {
        quick,
        filters,
        runs,
        warmups: warmups.unwrap_or(if quick { 1 } else { 2 }),
        out,
        section: section.unwrap_or_else(|| if quick { "quick" } else { "main" }.into()),
    }))
}

fn number(text: &str) -> Result<usize, String> {
    text.parse().map_err(|_| format!("{text:?} is not a number"))
}
