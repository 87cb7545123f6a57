//! `scripts/install.sh`: a system-style install that the Khronos loader finds with no
//! variable naming softvk, and an uninstall that removes exactly what it installed.
//!
//! The install goes into a fresh temporary prefix; `vulkaninfo --summary` then runs with
//! `VK_ICD_FILENAMES`/`VK_DRIVER_FILES` removed and `XDG_DATA_DIRS=<prefix>/share`, the
//! variable that already holds `/usr/local/share` by default, so this is what a user of the
//! default prefix gets.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").canonicalize().expect("repository root")
}

/// Runs a command with a deadline, returning (success, stdout + stderr).
fn run(command: &mut Command, limit: Duration) -> (bool, String) {
    let dir = std::env::temp_dir().join(format!("softvk-install-out-{}-{:?}", std::process::id(), Instant::now()));
    std::fs::create_dir_all(&dir).expect("temporary directory");
    let out_path = dir.join("out");
    let out = std::fs::File::create(&out_path).expect("output file");
    let mut child = command
        .stdin(Stdio::null())
        .stdout(out.try_clone().expect("dup"))
        .stderr(out)
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {command:?}: {e}"));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("waiting") {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{command:?} did not finish in {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let text = std::fs::read_to_string(&out_path).unwrap_or_default();
    let _ = std::fs::remove_dir_all(&dir);
    (status.success(), text)
}

fn install_script(prefix: &Path, extra: &[&str]) -> Command {
    let mut command = Command::new("bash");
    command.arg(repo_root().join("scripts/install.sh")).arg("--prefix").arg(prefix).args(extra);
    command
}

/// Every file and directory under `dir`, relative to it, sorted.
fn tree(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(at) = pending.pop() {
        for entry in std::fs::read_dir(&at).expect("read_dir") {
            let path = entry.expect("entry").path();
            found.push(path.strip_prefix(dir).unwrap().to_path_buf());
            if path.is_dir() {
                pending.push(path);
            }
        }
    }
    found.sort();
    found
}

#[test]
fn install_into_a_prefix_is_found_by_the_loader_without_variables_and_uninstalls_cleanly() {
    let library = repo_root().join("target/release/libsoftvk.so");
    assert!(library.exists(), "{} is missing: cargo build --release -p softvk", library.display());
    let prefix = std::env::temp_dir().join(format!("softvk-install-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&prefix);
    // A directory that was there before the install must survive the uninstall.
    std::fs::create_dir_all(prefix.join("share")).expect("prefix");
    std::fs::write(prefix.join("share/keep"), b"not softvk's").expect("a file of someone else's");
    let before = tree(&prefix);

    let (ok, output) = run(&mut install_script(&prefix, &["--no-build"]), Duration::from_secs(60));
    assert!(ok, "install.sh failed:\n{output}");
    let lib = prefix.join("lib/libsoftvk.so");
    let manifest = prefix.join("share/vulkan/icd.d/softvk_icd.x86_64.json");
    assert_eq!(std::fs::read(&lib).expect("installed library"), std::fs::read(&library).unwrap());
    let manifest_text = std::fs::read_to_string(&manifest).expect("installed manifest");
    assert!(
        manifest_text.contains(&format!("\"library_path\": \"{}\"", lib.display())),
        "the manifest must name the library by its absolute path:\n{manifest_text}"
    );
    let api_version = |text: &str| text.split("\"api_version\"").nth(1).map(|rest| rest.split('"').nth(1).unwrap().to_string());
    let repo_manifest = std::fs::read_to_string(repo_root().join("icd.json")).unwrap();
    assert_eq!(api_version(&manifest_text), api_version(&repo_manifest), "api_version differs from icd.json");

    // The loader finds it through XDG_DATA_DIRS alone.
    let runtime_dir = prefix.join("runtime");
    std::fs::create_dir_all(&runtime_dir).unwrap();
    let mut vulkaninfo = Command::new("vulkaninfo");
    vulkaninfo
        .arg("--summary")
        .env_remove("VK_ICD_FILENAMES")
        .env_remove("VK_DRIVER_FILES")
        .env_remove("VK_ADD_DRIVER_FILES")
        .env_remove("VK_INSTANCE_LAYERS")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("XDG_RUNTIME_DIR", &runtime_dir)
        .env("XDG_DATA_DIRS", prefix.join("share"));
    let (ok, summary) = run(&mut vulkaninfo, Duration::from_secs(120));
    assert!(ok, "vulkaninfo --summary failed with the installed softvk:\n{summary}");
    assert!(
        summary.lines().any(|l| l.contains("deviceName") && l.contains(softvk_tests::SOFTVK_DEVICE_NAME)),
        "vulkaninfo does not list softvk from {}:\n{summary}",
        manifest.display()
    );
    std::fs::remove_dir_all(&runtime_dir).unwrap();

    // Installing again is harmless, and uninstall then removes exactly what was added.
    let (ok, output) = run(&mut install_script(&prefix, &["--no-build"]), Duration::from_secs(60));
    assert!(ok, "a second install.sh failed:\n{output}");
    let (ok, output) = run(&mut install_script(&prefix, &["--uninstall"]), Duration::from_secs(60));
    assert!(ok, "install.sh --uninstall failed:\n{output}");
    assert_eq!(tree(&prefix), before, "uninstall left or removed something");
    let (ok, _) = run(&mut install_script(&prefix, &["--uninstall"]), Duration::from_secs(60));
    assert!(!ok, "a second uninstall has nothing to remove and must say so");
    std::fs::remove_dir_all(&prefix).unwrap();
}
