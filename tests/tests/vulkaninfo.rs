//! The real `vulkaninfo`, run against the device under test alone: it must exit with
//! status 0, print no error line, and show what the driver reports through the loader
//! (device type, apiVersion, every device extension). On softvk a missing vulkaninfo
//! (Debian: vulkan-tools) fails the test.
//!
//! Window-system probing is kept quiet and out of the verdict: DISPLAY and WAYLAND_DISPLAY
//! are removed and XDG_RUNTIME_DIR is a fresh private directory (libwayland otherwise
//! prints "error: XDG_RUNTIME_DIR is invalid", which says nothing about the driver).

use ash::vk;
use softvk_tests::*;
use std::collections::BTreeSet;
use std::process::Command;
use std::time::Duration;

const TIME_LIMIT: Duration = Duration::from_secs(120);

/// Output of one vulkaninfo run, or None when vulkaninfo is not installed.
fn run_vulkaninfo(args: &[&str]) -> Option<ChildOutput> {
    let runtime_dir = std::env::temp_dir().join(format!("softvk-vulkaninfo-{}-{}", std::process::id(), args.len()));
    std::fs::create_dir_all(&runtime_dir).expect("creating XDG_RUNTIME_DIR");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&runtime_dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    let manifest = icd_manifest();
    let run = run_with_deadline(
        Command::new("vulkaninfo")
            .args(args)
            .env("VK_ICD_FILENAMES", &manifest)
            .env("VK_DRIVER_FILES", &manifest)
            .env_remove("VK_ADD_DRIVER_FILES")
            .env_remove("VK_INSTANCE_LAYERS")
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .env("XDG_RUNTIME_DIR", &runtime_dir),
        TIME_LIMIT,
    );
    let _ = std::fs::remove_dir_all(&runtime_dir);
    match run {
        Ok(run) => Some(run),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => panic!("cannot run vulkaninfo: {e}"),
    }
}

/// What the driver reports through the loader: (deviceName, deviceType, apiVersion,
/// device extensions with their revisions).
struct Reported {
    name: String,
    device_type: vk::PhysicalDeviceType,
    api_version: u32,
    extensions: BTreeSet<(String, u32)>,
}

fn reported() -> Reported {
    let entry = load_entry();
    let instance = create_instance(&entry);
    let (pd, props) = select_physical_device(&instance);
    // SAFETY: pd belongs to instance.
    let extensions = unsafe { instance.enumerate_device_extension_properties(pd) }
        .expect("vkEnumerateDeviceExtensionProperties")
        .iter()
        .map(|e| {
            let name = e.extension_name_as_c_str().expect("a NUL-terminated name").to_string_lossy().into_owned();
            (name, e.spec_version)
        })
        .collect();
    destroy_instance(&instance);
    Reported { name: device_name(&props), device_type: props.device_type, api_version: props.api_version, extensions }
}

/// vulkaninfo's spelling of a device type.
fn type_name(device_type: vk::PhysicalDeviceType) -> &'static str {
    match device_type {
        vk::PhysicalDeviceType::CPU => "PHYSICAL_DEVICE_TYPE_CPU",
        vk::PhysicalDeviceType::INTEGRATED_GPU => "PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU",
        vk::PhysicalDeviceType::DISCRETE_GPU => "PHYSICAL_DEVICE_TYPE_DISCRETE_GPU",
        vk::PhysicalDeviceType::VIRTUAL_GPU => "PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU",
        _ => "PHYSICAL_DEVICE_TYPE_OTHER",
    }
}

fn version_string(v: u32) -> String {
    format!("{}.{}.{}", vk::api_version_major(v), vk::api_version_minor(v), vk::api_version_patch(v))
}

/// The value of each `key = value` line, trimmed.
fn values<'a>(text: &'a str, key: &str) -> Vec<&'a str> {
    text.lines().filter_map(|l| l.split_once('=')).filter(|(k, _)| k.trim() == key).map(|(_, v)| v.trim()).collect()
}

/// Runs vulkaninfo with `args` and applies the checks common to every report; None when
/// vulkaninfo is missing on another driver (on softvk that fails).
fn check(args: &[&str], test: &str) -> Option<(ChildOutput, Reported)> {
    let Some(run) = run_vulkaninfo(args) else {
        assert!(icd_overridden(), "{test}: vulkaninfo is not installed (Debian: vulkan-tools); on softvk it must run");
        skip(test, "vulkaninfo is not installed");
        return None;
    };
    let bad: Vec<&str> =
        run.stdout.lines().chain(run.stderr.lines()).filter(|l| l.contains("ERROR") || l.contains("error:")).collect();
    assert!(run.status.success(), "vulkaninfo {args:?} failed\n{}", run.report());
    assert!(bad.is_empty(), "vulkaninfo {args:?} printed error lines: {bad:#?}\n{}", run.report());
    let reported = reported();
    assert!(
        values(&run.stdout, "deviceName").contains(&reported.name.as_str()),
        "vulkaninfo {args:?} does not show the device {:?}\n{}",
        reported.name,
        run.report()
    );
    if !icd_overridden() {
        assert_eq!(reported.name, SOFTVK_DEVICE_NAME);
    }
    Some((run, reported))
}

#[test]
fn vulkaninfo_summary_runs_clean() {
    let Some((run, reported)) = check(&["--summary"], "vulkaninfo_summary_runs_clean") else {
        return;
    };
    // The device under test is a CPU device (select_physical_device insists).
    assert_eq!(reported.device_type, vk::PhysicalDeviceType::CPU);
    let types = values(&run.stdout, "deviceType");
    assert_eq!(types, [type_name(reported.device_type)], "deviceType in the summary\n{}", run.report());
    let version = version_string(reported.api_version);
    let versions = values(&run.stdout, "apiVersion");
    assert!(
        versions.len() == 1 && (versions[0] == version || versions[0].starts_with(&format!("{version} "))),
        "apiVersion in the summary: {versions:?}, the driver reports {version}\n{}",
        run.report()
    );
}

#[test]
fn vulkaninfo_full_report_runs_clean() {
    let Some((run, reported)) = check(&[], "vulkaninfo_full_report_runs_clean") else {
        return;
    };
    // The "Device Extensions: count = N" section: N lines "NAME : extension revision R".
    let lines: Vec<&str> = run.stdout.lines().map(str::trim).collect();
    let header = lines
        .iter()
        .position(|l| l.starts_with("Device Extensions: count ="))
        .unwrap_or_else(|| panic!("no Device Extensions section\n{}", run.report()));
    let count: usize = lines[header].rsplit('=').next().unwrap().trim().parse().expect("an extension count");
    let shown: BTreeSet<(String, u32)> = lines[header + 1..]
        .iter()
        .filter(|l| !l.is_empty() && !l.starts_with('-'))
        .take(count)
        .map(|l| {
            let (name, rest) = l.split_once(':').unwrap_or_else(|| panic!("unexpected extension line {l:?}"));
            let revision = rest.trim().strip_prefix("extension revision").map(str::trim).and_then(|r| r.parse().ok());
            (name.trim().to_string(), revision.unwrap_or_else(|| panic!("no revision in {l:?}")))
        })
        .collect();
    assert_eq!(count, reported.extensions.len(), "vulkaninfo's device extension count");
    let missing: Vec<_> = reported.extensions.difference(&shown).collect();
    let extra: Vec<_> = shown.difference(&reported.extensions).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "device extensions: reported by the driver but not shown {missing:?}, shown but not reported {extra:?}"
    );
}
