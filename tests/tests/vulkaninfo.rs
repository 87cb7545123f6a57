//! The real `vulkaninfo`, run against the device under test alone: it must exit with
//! status 0 and print no error line. Skipped (with a note) when vulkaninfo is missing.
//!
//! Window-system probing is kept quiet and out of the verdict: DISPLAY and WAYLAND_DISPLAY
//! are removed and XDG_RUNTIME_DIR is a fresh private directory (libwayland otherwise
//! prints "error: XDG_RUNTIME_DIR is invalid", which says nothing about the driver).

use softvk_tests::*;
use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const TIME_LIMIT: Duration = Duration::from_secs(120);

/// Output of one vulkaninfo run, or None when vulkaninfo is not installed.
struct Run {
    success: bool,
    status: String,
    stdout: String,
    stderr: String,
}

fn run_vulkaninfo(args: &[&str]) -> Option<Run> {
    let runtime_dir = std::env::temp_dir().join(format!("softvk-vulkaninfo-{}-{}", std::process::id(), args.len()));
    std::fs::create_dir_all(&runtime_dir).expect("creating XDG_RUNTIME_DIR");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&runtime_dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    let manifest = icd_manifest();
    let spawned = Command::new("vulkaninfo")
        .args(args)
        .env("VK_ICD_FILENAMES", &manifest)
        .env("VK_DRIVER_FILES", &manifest)
        .env_remove("VK_ADD_DRIVER_FILES")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("XDG_RUNTIME_DIR", &runtime_dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match spawned {
        Ok(child) => child,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => panic!("cannot run vulkaninfo: {e}"),
    };
    // Drain both pipes on threads so a large output cannot block the child.
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut text = String::new();
            let _ = pipe.read_to_string(&mut text);
            text
        })
    };
    let out = drain(Box::new(child.stdout.take().unwrap()));
    let err = drain(Box::new(child.stderr.take().unwrap()));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("waiting for vulkaninfo") {
            break status;
        }
        if start.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("vulkaninfo {args:?} did not finish in {TIME_LIMIT:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let _ = std::fs::remove_dir_all(&runtime_dir);
    Some(Run {
        success: status.success(),
        status: format!("{status}"),
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    })
}

fn check(args: &[&str], test: &str) {
    let Some(run) = run_vulkaninfo(args) else {
        skip(test, "vulkaninfo is not installed");
        return;
    };
    let bad: Vec<&str> =
        run.stdout.lines().chain(run.stderr.lines()).filter(|l| l.contains("ERROR") || l.contains("error:")).collect();
    let report = || format!("--- stdout ---\n{}\n--- stderr ---\n{}", run.stdout, run.stderr);
    assert!(run.success, "vulkaninfo {args:?} exited with {}\n{}", run.status, report());
    assert!(bad.is_empty(), "vulkaninfo {args:?} printed error lines: {bad:#?}\n{}", report());
    let name_shown = run.stdout.contains("deviceName");
    assert!(name_shown, "vulkaninfo {args:?} shows no device\n{}", report());
    if !icd_overridden() {
        assert!(run.stdout.contains(SOFTVK_DEVICE_NAME), "vulkaninfo {args:?} does not show softvk\n{}", report());
    }
}

#[test]
fn vulkaninfo_summary_runs_clean() {
    check(&["--summary"], "vulkaninfo_summary_runs_clean");
}

#[test]
fn vulkaninfo_full_report_runs_clean() {
    check(&[], "vulkaninfo_full_report_runs_clean");
}
