//! A real third-party Vulkan compute program on the device under test: Tencent's ncnn
//! (a neural-network inference library) from its PyPI wheel, which carries its own
//! glslang, compiles its GLSL compute shaders at run time and opens the Vulkan driver
//! itself. Three checks:
//!
//! - ncnn's own Python test suite, from the sdist of the same version (`python/tests`:
//!   Vulkan instance and device queries, the Vulkan allocators, a convolution net with
//!   `use_vulkan_compute`, and the CPU-side API), under pytest: every selected test must
//!   pass, none skipped.
//! - `tests/third_party/ncnn_vulkan.py`: three small networks (convolutions, depthwise,
//!   deconvolution, pooling, batch and layer norm, inner products, element-wise and
//!   binary ops, concat, resize, padding, softmax, activations) run on the Vulkan device in
//!   fp32 and in ncnn's default fp16 mode and compared with ncnn's CPU path; the script
//!   fails when ncnn falls back to the CPU or picks another device.
//! - The same script through the Khronos loader under Khronos's validation layer.
//!
//! How ncnn finds the driver: when `VK_ICD_FILENAMES` (or `VK_DRIVER_FILES`) is set, ncnn
//! does not open the loader at all: it reads `library_path` from that manifest and
//! `dlopen`s the ICD itself (`src/simplevk.cpp`, `vk_icdGetInstanceProcAddr` with
//! interface version 5). The first two checks use that, which is what the README's
//! `VK_ICD_FILENAMES=icd.json program` does with ncnn. No layer can sit between ncnn and
//! the driver on that path, so `VK_INSTANCE_LAYERS` would change nothing there. The third
//! check leaves both variables unset, points ncnn at `libvulkan.so.1`
//! (`NCNN_VULKAN_DRIVER`), gives the loader the driver under test alone
//! (`VK_ADD_DRIVER_FILES` with a copy of the manifest, `VK_LOADER_DRIVERS_SELECT` naming
//! that copy) and, unless `SOFTVK_TEST_VALIDATION=off`, adds `VK_LAYER_KHRONOS_validation`
//! with its messages written to a file that must stay empty. ncnn's own test suite is not
//! run under the layer: at exit ncnn's static destructors call vkUnmapMemory through a
//! validation layer that has already been torn down, which hands the driver null handles
//! (a property of the layer and ncnn's exit order, not of either driver).
//!
//! Set-up: a venv under the target directory (`target/tmp/third-party-ncnn/`, made with
//! `python3 -m venv`; Debian: `python3-venv`) with pinned wheels from PyPI, downloaded once
//! into a wheel directory beside it, and ncnn's sdist for its tests; later runs reuse the
//! venv and need no network. Without PyPI the first run fails: there is no skip.
//! ncnn's C++ layer tests would need ncnn built from source with its glslang, far too slow
//! for CI; the Python suite and the networks here exercise the same shaders.

use softvk_tests::*;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::Duration;

const NCNN_VERSION: &str = "1.0.20261020";
/// Everything the venv holds, pinned, installed without dependency resolution (`--no-deps`;
/// ncnn's own requirements, requests and tqdm, serve only its model zoo downloads).
/// setuptools reads the sdist's metadata when pip downloads it.
const WHEELS: &[&str] = &[
    "ncnn==1.0.20261020",
    "numpy==2.4.6",
    "pytest==9.2.0",
    "iniconfig==2.3.1",
    "packaging==26.4",
    "pluggy==1.7.0",
    "pygments==2.21.0",
    "setuptools==80.9.0",
];
/// ncnn's sdist, by its PyPI file address with its hash (pip checks it). Asking pip for
/// `ncnn==1.0.20261020 --no-binary :all:` does not work: the sdist's setup.py stamps
/// today's date into the version, which then disagrees with the requested one.
const SDIST_URL: &str = "https://files.pythonhosted.org/packages/b7/50/\
    32b5172afe7d3e0dce410b7d8f4a5b7b84b942a0d69affbaedf669de52bc/ncnn-1.0.20261020.tar.gz\
    #sha256=ad8cdd63e9755cfa8e23b9b6d9ce46156077d80298a89e7c3ba325ffccfca200";

/// ncnn's test files that are run: all of `python/tests/test_*.py` but
/// test_optional_opencv.py, which needs OpenCV and ncnn's model zoo (network downloads).
const OWN_TEST_FILES: &[&str] = &[
    "tests/test_vulkan_device.py",
    "tests/test_vulkan_allocator.py",
    "tests/test_net.py",
    "tests/test_extractor.py",
    "tests/test_mat.py",
    "tests/test_option.py",
    "tests/test_blob.py",
    "tests/test_paramdict.py",
    "tests/test_allocator.py",
    "tests/test_custom_layer_lifetime.py",
];
/// How many tests those files hold at NCNN_VERSION.
const OWN_TEST_COUNT: usize = 85;
/// Left out everywhere: it times a CPU convolution against a busy loop on another
/// Python thread (does extract release the GIL?), which a loaded 2-core CI machine makes
/// flaky, and it does not touch Vulkan.
const OWN_TESTS_LEFT_OUT: &[&str] = &["tests/test_extractor.py::test_extractor_releases_gil"];
/// These assert that apiVersion, driverVersion, vendorID and deviceID are all non-zero.
/// The spec allows zero (lavapipe's deviceID is 0); softvk's are non-zero and must pass.
const OWN_TESTS_NEEDING_NONZERO_IDS: &[&str] =
    &["tests/test_vulkan_device.py::test_gpu_api", "tests/test_vulkan_device.py::test_vulkan_device"];

const SETUP_STEP_LIMIT: Duration = Duration::from_secs(300);
const RUN_LIMIT: Duration = Duration::from_secs(180);

/// The venv's interpreter and the directory holding ncnn's `tests/`.
struct Ncnn {
    python: PathBuf,
    own_tests: PathBuf,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("third-party-ncnn")
}

/// Runs a set-up command; its failure fails the test with the command's output.
fn setup_step(what: &str, command: &mut Command) -> ChildOutput {
    let run = run_with_deadline(command, SETUP_STEP_LIMIT).unwrap_or_else(|e| panic!("{what}: cannot run: {e}"));
    assert!(run.status.success(), "{what} failed\n{}", run.report());
    run
}

fn pip(python: &Path) -> Command {
    let mut command = Command::new(python);
    command.args(["-m", "pip", "--disable-pip-version-check", "--no-input"]).env_remove("PYTHONPATH");
    command
}

/// Builds the venv, or reuses it when its stamp names the same pins; fetches ncnn's sdist
/// and unpacks its tests when they are missing.
fn ncnn() -> &'static Ncnn {
    static NCNN: OnceLock<Ncnn> = OnceLock::new();
    NCNN.get_or_init(|| {
        let root = root();
        std::fs::create_dir_all(&root).expect("creating the ncnn directory under the target dir");
        // Another test process may be building the same venv.
        let lock = std::fs::File::create(root.join(".lock")).expect("creating the lock file");
        lock.lock().expect("locking the ncnn directory");
        let venv = root.join("venv");
        let python = venv.join("bin/python");
        let stamp = venv.join("softvk-ready");
        // The interpreter the venv was made from is part of the stamp: a venv outlives
        // neither its Python nor a change of version.
        let interpreter = setup_step(
            "python3 (Debian: python3)",
            Command::new("python3").args(["-c", "import sys; print(sys.executable, sys.version)"]),
        )
        .stdout;
        let wanted = format!("{interpreter}{}\n", WHEELS.join("\n"));
        if std::fs::read_to_string(&stamp).ok().as_deref() != Some(wanted.as_str()) {
            build_venv(&root, &venv);
            std::fs::write(&stamp, &wanted).expect("writing the venv's stamp");
        }
        let sdist_dir = root.join("sdist");
        let sdist = sdist_dir.join(format!("ncnn-{NCNN_VERSION}.tar.gz"));
        if !sdist.exists() {
            setup_step(
                "downloading ncnn's sdist from PyPI",
                pip(&python)
                    .args(["download", "--no-deps", "--no-build-isolation", "-d"])
                    .arg(&sdist_dir)
                    .arg(SDIST_URL),
            );
        }
        let own_tests = root.join(format!("ncnn-{NCNN_VERSION}-python"));
        if !own_tests.join("tests/test_net.py").exists() {
            let _ = std::fs::remove_dir_all(&own_tests);
            std::fs::create_dir_all(&own_tests).unwrap();
            setup_step(
                "unpacking ncnn's python/tests",
                Command::new("tar")
                    .arg("-xzf")
                    .arg(&sdist)
                    .arg("-C")
                    .arg(&own_tests)
                    .arg("--strip-components=2")
                    .arg(format!("ncnn-{NCNN_VERSION}/python/tests")),
            );
        }
        Ncnn { python, own_tests }
    })
}

/// A fresh venv with WHEELS: from the wheel directory when it has them all (no network),
/// else downloaded from PyPI into it first.
fn build_venv(root: &Path, venv: &Path) {
    let _ = std::fs::remove_dir_all(venv);
    let run = run_with_deadline(Command::new("python3").arg("-m").arg("venv").arg(venv), SETUP_STEP_LIMIT)
        .unwrap_or_else(|e| panic!("cannot run python3 (Debian: python3, python3-venv): {e}"));
    assert!(run.status.success(), "python3 -m venv failed (Debian: python3-venv)\n{}", run.report());
    let python = venv.join("bin/python");
    let wheels = root.join("wheels");
    let install = || {
        run_with_deadline(
            pip(&python).args(["install", "--no-deps", "--no-index", "--find-links"]).arg(&wheels).args(WHEELS),
            SETUP_STEP_LIMIT,
        )
        .expect("running pip")
    };
    if !install().status.success() {
        setup_step(
            "downloading ncnn's wheels from PyPI (the test needs PyPI on its first run)",
            pip(&python).args(["download", "--no-deps", "--only-binary", ":all:", "-d"]).arg(&wheels).args(WHEELS),
        );
        let run = install();
        assert!(run.status.success(), "pip install from {} failed\n{}", wheels.display(), run.report());
    }
}

/// What the device under test reports through the harness (and its loader).
fn device_under_test() -> ash::vk::PhysicalDeviceProperties {
    let entry = load_entry();
    let instance = create_instance(&entry);
    let (_, properties) = select_physical_device(&instance);
    destroy_instance(&instance);
    if !icd_overridden() {
        assert_eq!(device_name(&properties), SOFTVK_DEVICE_NAME);
    }
    properties
}

/// How ncnn is pointed at the driver under test.
enum DriverPath {
    /// `VK_ICD_FILENAMES`: ncnn opens the ICD itself.
    Direct,
    /// Through the Khronos loader, with the files of that run in this directory.
    Loader { dir: PathBuf, validation: bool },
}

/// The Python command with the environment for `path`.
fn python_command(ncnn: &Ncnn, path: &DriverPath) -> Command {
    let mut command = Command::new(&ncnn.python);
    command
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYTHONNOUSERSITE", "1")
        .env_remove("PYTHONPATH")
        .env_remove("PYTHONHOME")
        .env_remove("VK_ADD_DRIVER_FILES")
        .env_remove("VK_LOADER_DRIVERS_SELECT")
        .env_remove("VK_INSTANCE_LAYERS")
        .env_remove("NCNN_VULKAN_DRIVER");
    let manifest = icd_manifest();
    match path {
        DriverPath::Direct => {
            command.env("VK_ICD_FILENAMES", &manifest).env("VK_DRIVER_FILES", &manifest);
        }
        DriverPath::Loader { dir, validation } => {
            let copy = copy_manifest(&manifest, dir);
            command
                .env_remove("VK_ICD_FILENAMES")
                .env_remove("VK_DRIVER_FILES")
                .env("NCNN_VULKAN_DRIVER", "libvulkan.so.1")
                .env("VK_ADD_DRIVER_FILES", &copy)
                .env("VK_LOADER_DRIVERS_SELECT", copy.file_name().unwrap());
            if *validation {
                let settings = dir.join("vk_layer_settings.txt");
                std::fs::write(
                    &settings,
                    format!(
                        "khronos_validation.debug_action = VK_DBG_LAYER_ACTION_LOG_MSG\n\
                         khronos_validation.log_filename = {}\n\
                         khronos_validation.report_flags = error\n",
                        dir.join("validation.log").display()
                    ),
                )
                .unwrap();
                command
                    .env("VK_INSTANCE_LAYERS", "VK_LAYER_KHRONOS_validation")
                    .env("VK_LAYER_SETTINGS_PATH", &settings);
            }
        }
    }
    command
}

/// A copy of `manifest` in `dir` under a name no installed driver has, with
/// `library_path` made absolute, so that `VK_LOADER_DRIVERS_SELECT` picks it alone even
/// when the original is installed too (lavapipe's is).
fn copy_manifest(manifest: &Path, dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(manifest).unwrap_or_else(|e| panic!("reading {}: {e}", manifest.display()));
    let key = text.find("\"library_path\"").unwrap_or_else(|| panic!("no library_path in {}", manifest.display()));
    let open = key + "\"library_path\"".len() + text[key + "\"library_path\"".len()..].find('"').unwrap() + 1;
    let close = open + text[open..].find('"').unwrap();
    let library = &text[open..close];
    let absolute = if library.contains('/') && !library.starts_with('/') {
        manifest.parent().unwrap().join(library).canonicalize().unwrap_or_else(|e| panic!("{library}: {e}"))
    } else {
        PathBuf::from(library)
    };
    let copy = dir.join("softvk-test-ncnn-driver.json");
    std::fs::write(&copy, format!("{}{}{}", &text[..open], absolute.display(), &text[close..])).unwrap();
    copy
}

fn scratch_dir(test: &str) -> PathBuf {
    let dir = root().join(format!("run-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// softvk's own warnings and errors on stderr (its `tracing` lines: a timestamp, then the
/// level): something ncnn did that softvk refused.
fn softvk_complaints(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| {
            let mut words = l.split_whitespace();
            words.next().is_some_and(|t| t.ends_with('Z') && t.contains('T'))
                && matches!(words.next(), Some("WARN" | "ERROR"))
        })
        .collect()
}

fn assert_clean_run(what: &str, run: &ChildOutput) {
    assert!(run.status.success(), "{what} failed\n{}", run.report());
    let complaints = softvk_complaints(&run.stderr);
    assert!(complaints.is_empty(), "{what}: the driver logged warnings or errors: {complaints:#?}\n{}", run.report());
}

#[test]
fn ncnn_own_python_tests_pass_on_the_device() {
    let ncnn = ncnn();
    let device = device_under_test();
    let mut left_out: Vec<&str> = OWN_TESTS_LEFT_OUT.to_vec();
    let ids = [
        ("apiVersion", device.api_version),
        ("driverVersion", device.driver_version),
        ("vendorID", device.vendor_id),
        ("deviceID", device.device_id),
    ];
    let zero: Vec<&str> = ids.iter().filter(|(_, v)| *v == 0).map(|(n, _)| *n).collect();
    if !zero.is_empty() {
        skip(
            "ncnn_own_python_tests_pass_on_the_device (test_vulkan_device.py)",
            &format!("the device reports {zero:?} = 0, which ncnn's check_gpuinfo rejects"),
        );
        left_out.extend(OWN_TESTS_NEEDING_NONZERO_IDS);
    }
    let mut command = python_command(ncnn, &DriverPath::Direct);
    command.current_dir(&ncnn.own_tests).args(["-m", "pytest", "-p", "no:cacheprovider", "-rfEsxX"]);
    for test in &left_out {
        command.args(["--deselect", test]);
    }
    let run = run_with_deadline(command.args(OWN_TEST_FILES), RUN_LIMIT).expect("running pytest");
    assert_clean_run("ncnn's Python tests", &run);
    // The summary line, e.g. "===== 84 passed, 1 deselected in 2.91s =====".
    let summary = run
        .stdout
        .lines()
        .rev()
        .find(|l| l.starts_with('=') && l.contains(" in ") && l.contains("passed"))
        .unwrap_or_else(|| panic!("no pytest summary line\n{}", run.report()));
    let counts = summary.trim_matches(|c| c == '=' || c == ' ');
    let counts = &counts[..counts.rfind(" in ").unwrap()];
    let expected = format!("{} passed, {} deselected", OWN_TEST_COUNT - left_out.len(), left_out.len());
    assert_eq!(counts, expected, "pytest's summary (nothing may be skipped or fail)\n{}", run.report());
}

fn run_networks(path: DriverPath, test: &str) -> ChildOutput {
    let ncnn = ncnn();
    let expected = device_name(&device_under_test());
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("third_party/ncnn_vulkan.py");
    let work = scratch_dir(test);
    let run = run_with_deadline(
        python_command(ncnn, &path).arg(&script).arg("--device").arg(&expected).arg("--workdir").arg(&work),
        RUN_LIMIT,
    )
    .expect("running ncnn_vulkan.py");
    assert_clean_run("ncnn_vulkan.py", &run);
    assert!(
        run.stdout.contains("ncnn_vulkan: 6 checks passed"),
        "ncnn_vulkan.py did not finish its checks\n{}",
        run.report()
    );
    if let DriverPath::Loader { dir, validation: true } = &path {
        // The layer opens its log file when it loads, so a missing file means it never ran.
        let log = std::fs::read_to_string(dir.join("validation.log"))
            .unwrap_or_else(|e| panic!("the validation layer wrote no log ({e}): was it loaded?\n{}", run.report()));
        assert!(log.trim().is_empty(), "the validation layer reported errors in ncnn's use of Vulkan:\n{log}");
    }
    let _ = std::fs::remove_dir_all(&work);
    run
}

#[test]
fn ncnn_networks_on_the_device_match_ncnn_on_the_cpu() {
    let run = run_networks(DriverPath::Direct, "direct");
    eprintln!("{}", run.stdout);
}

#[test]
fn ncnn_networks_through_the_loader_under_validation_match_ncnn_on_the_cpu() {
    let entry = load_entry();
    let validation = validation::enabled(&entry, Validation::Default);
    let dir = scratch_dir("loader");
    run_networks(DriverPath::Loader { dir: dir.clone(), validation }, "loader-networks");
    let _ = std::fs::remove_dir_all(&dir);
}

/// At exit ncnn's static destructors call vkDeviceWaitIdle and friends after the main
/// thread's thread-locals are gone; with SOFTVK_LOG=trace every one of those calls logs,
/// and a logger that touched its per-thread buffer there would panic into C and abort
/// the process (softvk's did, until entry.rs dropped events from such threads).
#[test]
fn ncnn_exits_cleanly_with_trace_logging() {
    let ncnn = ncnn();
    let run = run_with_deadline(
        python_command(ncnn, &DriverPath::Direct).current_dir(&ncnn.own_tests).env("SOFTVK_LOG", "trace").args([
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-q",
            "tests/test_net.py",
        ]),
        RUN_LIMIT,
    )
    .expect("running pytest");
    assert!(run.status.success(), "ncnn's test_net.py with SOFTVK_LOG=trace: status {}", run.status);
}
