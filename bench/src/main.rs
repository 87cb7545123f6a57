//! softvk's benchmark harness. Runs the same transfer workloads (clears, copies, fills,
//! buffer↔image, blits), compute workloads (saxpy, SGEMM, a reduction, compute pipeline
//! creation) and instance + device creation on every Vulkan device the loader
//! sees — softvk and its peers, Mesa's lavapipe and Google's SwiftShader, when
//! `VK_ICD_FILENAMES` lists them — interleaved, and writes a markdown table of medians,
//! throughputs and speed-ups beside the machine's memcpy bandwidth (the physical limit)
//! to BENCHMARKS.md.
//!
//! Flow: `options` → `memcpy` (the limit) → one instance, a `device::BenchDevice` per
//! physical device → for each entry of `workloads`: `schedule` (in-process transfers and
//! dispatches, recorded by `transfer` and `compute`) or `creation` (child processes:
//! `creation` itself, `sharing`, `pipeline_create`) → `report` → `sections` (the
//! file). `scaling` composes the per-thread-count sections into one table; `swiftshader`
//! tells the report where SwiftShader came from and how many threads it ran.
//! `scripts/bench.sh` builds everything and runs it.

mod compute;
mod creation;
mod device;
mod failure;
mod machine;
mod memcpy;
mod options;
mod pipeline_create;
mod present;
mod report;
mod scaling;
mod schedule;
mod sections;
mod sharing;
mod stats;
mod swiftshader;
mod transfer;
mod workloads;

use ash::vk;
use device::{BenchDevice, Column};
use failure::Failure;
use options::{BenchOptions, Mode};
use report::{Report, Row};
use schedule::RunPlan;
use std::process::ExitCode;
use workloads::Runner;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match options::parse(&args) {
        Err(message) => {
            eprintln!("bench: {message}\n\n{}", options::USAGE);
            ExitCode::from(2)
        }
        Ok(Mode::Help) => {
            println!("{}", options::USAGE);
            ExitCode::SUCCESS
        }
        Ok(Mode::List) => {
            for workload in workloads::all(false) {
                println!("{:<32} {}", workload.name, workload.description);
            }
            ExitCode::SUCCESS
        }
        Ok(Mode::CreateOnly { manifest, runs }) => creation::child_main(&manifest, runs),
        Ok(Mode::ExportImport { manifest, runs }) => sharing::exporter_main(&manifest, runs),
        Ok(Mode::ImportOnly { manifest, socket }) => sharing::importer_main(&manifest, &socket),
        Ok(Mode::PipelineChild { phase, manifest, blob }) => pipeline_create::child_main(phase, &manifest, Some(&blob)),
        Ok(Mode::PresentChild { platform, manifest }) => present::child_main(platform, &manifest),
        Ok(Mode::Scaling { thread_counts, prefix, out, section }) => {
            write_scaling(&thread_counts, &prefix, &out, &section)
        }
        Ok(Mode::Bench(options)) => run_bench(&options),
    }
}

fn write_scaling(thread_counts: &[usize], prefix: &str, out: &std::path::Path, section: &str) -> ExitCode {
    let text = match std::fs::read_to_string(out) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("bench: cannot read {}: {e}", out.display());
            return ExitCode::FAILURE;
        }
    };
    let body = scaling::render(&text, thread_counts, prefix);
    println!("{body}");
    match sections::write(out, section, &body) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bench: cannot write {}: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}

fn run_bench(options: &BenchOptions) -> ExitCode {
    let plan = RunPlan { warmups: options.warmups, runs: options.runs };
    let selected: Vec<_> = workloads::all(options.quick)
        .into_iter()
        .filter(|w| options.filters.is_empty() || options.filters.iter().any(|f| w.name.contains(f.as_str())))
        .collect();
    if selected.is_empty() {
        eprintln!("bench: no workload matches {:?} (see bench --list)", options.filters);
        return ExitCode::from(2);
    }

    let machine = machine::Machine::probe();
    let memcpy_bytes = if options.quick { 64 << 20 } else { 256 << 20 };
    eprintln!("bench: memcpy bandwidth ({} MiB)...", memcpy_bytes >> 20);
    let memcpy = memcpy::measure(memcpy_bytes, options.runs.max(5));

    // SAFETY: opening libvulkan.so.1 runs its initialisers; the loader is made for that.
    let entry = match unsafe { ash::Entry::load() } {
        Ok(entry) => entry,
        Err(e) => {
            eprintln!("bench: cannot open the Vulkan loader (libvulkan.so.1): {e}");
            return ExitCode::FAILURE;
        }
    };
    let instance = match create_instance(&entry) {
        Ok(instance) => instance,
        Err(e) => {
            eprintln!("bench: vkCreateInstance failed: {e:?}; is VK_ICD_FILENAMES set (see scripts/bench.sh)?");
            return ExitCode::FAILURE;
        }
    };
    // SAFETY: instance is live.
    let physical_devices = unsafe { instance.enumerate_physical_devices() }.unwrap_or_default();
    let mut described: Vec<(Column, vk::PhysicalDevice)> =
        physical_devices.iter().map(|&pd| (Column::describe(&instance, pd), pd)).collect();
    described.sort_by_key(|(column, _)| column.role.order());
    if described.is_empty() {
        eprintln!("bench: the loader found no physical device");
    }
    let columns: Vec<Column> = described.iter().map(|(c, _)| c.clone()).collect();
    let devices: Vec<Result<BenchDevice, Failure>> =
        described.iter().map(|(_, pd)| failure::catch_panic(|| BenchDevice::create(&instance, *pd))).collect();
    for (column, device) in columns.iter().zip(&devices) {
        match device {
            Ok(_) => eprintln!("bench: device {}", column.driver),
            Err(f) => eprintln!("bench: device {}: {f}", column.driver),
        }
    }

    let mut notes = Vec::new();
    let mut rows = Vec::new();
    for workload in selected {
        eprint!("bench: {:<30}", workload.name);
        let results = match workload.runner() {
            Runner::InProcess => schedule::run_in_process(&workload, &devices, plan),
            Runner::ChildProcess(child) => creation::measure(&columns, plan, &mut notes, child),
        };
        let summary: Vec<String> = columns
            .iter()
            .zip(&results)
            .map(|(c, r)| match r {
                Ok(m) => format!("{} {}", c.label, stats::format_range(m)),
                Err(f) => format!("{} {f}", c.label),
            })
            .collect();
        eprintln!(" {}", summary.join("   "));
        rows.push(Row { workload, results });
    }

    let report = Report {
        section: &options.section,
        machine: &machine,
        columns: &columns,
        memcpy: &memcpy,
        plan,
        quick: options.quick,
        rows,
        notes,
    };
    let body = report.render();
    println!("{body}");

    for device in devices.into_iter().flatten() {
        device.destroy();
    }
    // SAFETY: every device of the instance was destroyed.
    unsafe { instance.destroy_instance(None) };

    if let Some(out) = &options.out {
        if let Err(e) = sections::write(out, &options.section, &body) {
            eprintln!("bench: cannot write {}: {e}", out.display());
            return ExitCode::FAILURE;
        }
        eprintln!("bench: wrote section {:?} of {}", options.section, out.display());
    }
    ExitCode::SUCCESS
}

fn create_instance(entry: &ash::Entry) -> Result<ash::Instance, vk::Result> {
    let app_info = vk::ApplicationInfo::default().application_name(c"softvk-bench").api_version(vk::API_VERSION_1_1);
    let info = vk::InstanceCreateInfo::default().application_info(&app_info);
    // SAFETY: info and app_info outlive the call.
    unsafe { entry.create_instance(&info, None) }
}
