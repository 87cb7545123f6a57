//! The shared harness of softvk's integration tests, demo and tools.
//!
//! Everything here goes through the Khronos loader (`libvulkan.so.1`, opened by
//! `ash::Entry::load`) exactly as an application would. Before the loader is opened,
//! `VK_ICD_FILENAMES` and `VK_DRIVER_FILES` are pointed at the workspace's `icd.json`, so
//! the loader sees softvk alone; that manifest names `target/release/libsoftvk.so`, which
//! `cargo build --release -p softvk` builds.
//!
//! `SOFTVK_TEST_ICD=<manifest>` replaces softvk's manifest with another one (Mesa's
//! lavapipe, `/usr/share/vulkan/icd.d/lvp_icd.x86_64.json`): the same suite then runs on
//! a second implementation, which is how the tests themselves are checked. Assertions on
//! what only softvk promises (its name, apiVersion 1.1, a single memory type...) are made
//! only when the device is softvk ([`Context::is_softvk`]).
//!
//! Tests run on threads of one process: the environment is set once ([`init_loader_env`])
//! before any loader call, and every test builds its own [`Context`].

use ash::vk;
use std::ffi::{c_char, CStr, CString};
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard, Once};

pub mod compute;
pub mod features;
pub mod precision;
pub mod reference;
pub mod spec_tables;
pub mod validation;
pub mod wsi;

pub use features::ShaderFeatures;
use features::FeatureChain;
pub use validation::Validation;

/// The `deviceName` softvk reports.
pub const SOFTVK_DEVICE_NAME: &str = "softvk";
/// Environment variable that replaces softvk's manifest with another ICD's.
pub const ICD_OVERRIDE_VAR: &str = "SOFTVK_TEST_ICD";
/// The API version the tests ask for: softvk's (1.1).
pub const API_VERSION: u32 = vk::API_VERSION_1_1;
/// How long a test waits for the device before it calls the run a hang (ns).
pub const FENCE_TIMEOUT_NS: u64 = 10_000_000_000;

static LOADER_ENV: Once = Once::new();
static LOADER_LIFECYCLE: Mutex<()> = Mutex::new(());

/// Serialises device creation (with its function loading) and device/instance destruction
/// across the test threads of one process.
///
/// Works around a race in the Khronos loader (1.3.239 here, and later versions:
/// KhronosGroup/Vulkan-Loader#2018): vkGetDeviceProcAddr for a name the loader resolves
/// in its terminator walks every instance's device list under a lock that vkCreateDevice
/// and vkDestroyDevice do not take, so loading device functions on one thread while
/// another thread destroys a device reads freed memory. ash loads the 1.2 and 1.3 names
/// too, which on a 1.1 device take that path. An application that creates and destroys
/// devices on several threads at once meets the same race; this is not softvk's.
pub fn loader_guard() -> MutexGuard<'static, ()> {
    LOADER_LIFECYCLE.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The ICD manifest the loader is pointed at: `$SOFTVK_TEST_ICD`, or softvk's `icd.json`.
pub fn icd_manifest() -> PathBuf {
    match std::env::var_os(ICD_OVERRIDE_VAR) {
        Some(path) if !path.is_empty() => PathBuf::from(path),
        _ => {
            let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../icd.json");
            manifest.canonicalize().unwrap_or(manifest)
        }
    }
}

/// True when `SOFTVK_TEST_ICD` points the suite at another implementation.
pub fn icd_overridden() -> bool {
    std::env::var_os(ICD_OVERRIDE_VAR).is_some_and(|v| !v.is_empty())
}

/// Points the loader at [`icd_manifest`] only. Idempotent; call before any loader call
/// ([`load_entry`] does).
pub fn init_loader_env() {
    LOADER_ENV.call_once(|| {
        let manifest = icd_manifest();
        // Both names: VK_DRIVER_FILES is the current one and wins in new loaders,
        // VK_ICD_FILENAMES is what older loaders read.
        std::env::set_var("VK_ICD_FILENAMES", &manifest);
        std::env::set_var("VK_DRIVER_FILES", &manifest);
        std::env::remove_var("VK_ADD_DRIVER_FILES");
    });
}

/// Opens the Khronos loader with the environment from [`init_loader_env`].
pub fn load_entry() -> ash::Entry {
    init_loader_env();
    // SAFETY: loading libvulkan.so.1 runs its initialisers; the loader is designed for it.
    unsafe { ash::Entry::load() }.expect("cannot open the Vulkan loader (libvulkan.so.1)")
}

/// Creates an instance at [`API_VERSION`] with the given extensions and pNext chain, under
/// the validation layer ([`validation`]).
pub fn create_instance_with(
    entry: &ash::Entry,
    extensions: &[*const c_char],
    p_next: *const std::ffi::c_void,
) -> Result<ash::Instance, vk::Result> {
    create_instance_validated(entry, extensions, p_next, Validation::Default)
}

/// [`create_instance_with`], saying whether the validation layer watches the instance.
/// An instance made here is destroyed with [`destroy_instance`], which fails the test if
/// the layer reported an error.
pub fn create_instance_validated(
    entry: &ash::Entry,
    extensions: &[*const c_char],
    p_next: *const std::ffi::c_void,
    validation: Validation,
) -> Result<ash::Instance, vk::Result> {
    let use_layer = validation::enabled(entry, validation);
    let app_info = vk::ApplicationInfo::default()
        .application_name(c"softvk-tests")
        .engine_name(c"softvk-tests")
        .api_version(API_VERSION);
    let mut names = extensions.to_vec();
    let layers = if use_layer { vec![validation::LAYER_NAME.as_ptr()] } else { Vec::new() };
    let debug_utils = ash::ext::debug_utils::NAME;
    // SAFETY: every pointer in `extensions` is a NUL-terminated extension name.
    if use_layer && !names.iter().any(|&n| unsafe { CStr::from_ptr(n) } == debug_utils) {
        names.push(debug_utils.as_ptr());
    }
    let log = Box::new(validation::ErrorLog::default());
    let mut messenger = validation::messenger_info(&log);
    let mut create_info = vk::InstanceCreateInfo::default()
        .application_info(&app_info)
        .enabled_extension_names(&names)
        .enabled_layer_names(&layers);
    if use_layer {
        messenger.p_next = p_next;
        create_info.p_next = &messenger as *const _ as *const std::ffi::c_void;
    } else {
        create_info.p_next = p_next;
    }
    // SAFETY: create_info and everything it points to outlive the call.
    let created = unsafe { entry.create_instance(&create_info, None) };
    match created {
        Ok(instance) if use_layer => {
            validation::watch(entry, &instance, log);
            Ok(instance)
        }
        Ok(instance) => Ok(instance),
        Err(e) => {
            validation::check(use_layer.then_some(log));
            Err(e)
        }
    }
}

/// Creates a plain instance; panics with a hint when the loader finds no driver.
pub fn create_instance(entry: &ash::Entry) -> ash::Instance {
    create_instance_with(entry, &[], std::ptr::null()).unwrap_or_else(|e| {
        panic!(
            "vkCreateInstance failed with {e:?} for manifest {}; \
             was softvk built (cargo build --release -p softvk)?",
            icd_manifest().display()
        )
    })
}

/// Destroys an instance that has no live children, under [`loader_guard`].
pub fn destroy_instance(instance: &ash::Instance) {
    let log = validation::unwatch(instance);
    {
        let _guard = loader_guard();
        // SAFETY: the caller destroyed every child of the instance and does not use it again.
        unsafe { instance.destroy_instance(None) };
    }
    validation::check(log);
}

/// `deviceName` as a Rust string.
pub fn device_name(properties: &vk::PhysicalDeviceProperties) -> String {
    properties.device_name_as_c_str().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

/// The device under test: the one named "softvk" (which must be a CPU device), or with
/// `SOFTVK_TEST_ICD` set, the first CPU device if none is named softvk.
pub fn select_physical_device(instance: &ash::Instance) -> (vk::PhysicalDevice, vk::PhysicalDeviceProperties) {
    // SAFETY: instance is a live instance.
    let devices = unsafe { instance.enumerate_physical_devices() }.expect("vkEnumeratePhysicalDevices failed");
    let with_props: Vec<_> = devices
        .iter()
        // SAFETY: each handle was just enumerated from this instance.
        .map(|&pd| (pd, unsafe { instance.get_physical_device_properties(pd) }))
        .collect();
    if let Some(&(pd, props)) = with_props.iter().find(|(_, p)| device_name(p) == SOFTVK_DEVICE_NAME) {
        assert_eq!(props.device_type, vk::PhysicalDeviceType::CPU, "softvk must report a CPU device");
        return (pd, props);
    }
    let names: Vec<String> = with_props.iter().map(|(_, p)| device_name(p)).collect();
    if icd_overridden() {
        if let Some(&(pd, props)) = with_props.iter().find(|(_, p)| p.device_type == vk::PhysicalDeviceType::CPU) {
            return (pd, props);
        }
    }
    panic!("no device named {SOFTVK_DEVICE_NAME:?} (found {names:?}) through {}", icd_manifest().display());
}

/// The colour aspect of level 0, layer 0: all of a one-level, one-layer colour image.
pub const COLOR_RANGE: vk::ImageSubresourceRange = vk::ImageSubresourceRange {
    aspect_mask: vk::ImageAspectFlags::COLOR,
    base_mip_level: 0,
    level_count: 1,
    base_array_layer: 0,
    layer_count: 1,
};

/// Aspect mask of a whole image of `format`.
pub fn aspect_mask(format: vk::Format) -> vk::ImageAspectFlags {
    match format {
        vk::Format::D16_UNORM | vk::Format::X8_D24_UNORM_PACK32 | vk::Format::D32_SFLOAT => vk::ImageAspectFlags::DEPTH,
        vk::Format::S8_UINT => vk::ImageAspectFlags::STENCIL,
        vk::Format::D16_UNORM_S8_UINT | vk::Format::D24_UNORM_S8_UINT | vk::Format::D32_SFLOAT_S8_UINT => {
            vk::ImageAspectFlags::DEPTH | vk::ImageAspectFlags::STENCIL
        }
        _ => vk::ImageAspectFlags::COLOR,
    }
}

/// Bytes per texel in a buffer for one aspect of `format` (spec: "Copying Data Between
/// Buffers and Images", depth/stencil aspect sizes). Only the formats the tests use.
pub fn texel_size(format: vk::Format, aspect: vk::ImageAspectFlags) -> usize {
    use vk::Format as F;
    if aspect == vk::ImageAspectFlags::STENCIL {
        return 1;
    }
    match format {
        F::R8_UNORM | F::R8_UINT | F::R8_SRGB | F::S8_UINT => 1,
        F::R8G8_UNORM
        | F::R8G8_SINT
        | F::R16_SFLOAT
        | F::R16_UINT
        | F::R16_UNORM
        | F::D16_UNORM
        | F::R5G6B5_UNORM_PACK16
        | F::D16_UNORM_S8_UINT => 2,
        F::R8G8B8A8_UNORM
        | F::R8G8B8A8_UINT
        | F::R8G8B8A8_SRGB
        | F::B8G8R8A8_UNORM
        | F::B8G8R8A8_SRGB
        | F::R32_UINT
        | F::R32_SFLOAT
        | F::R16G16_SFLOAT
        | F::R16G16_UNORM
        | F::A2B10G10R10_UNORM_PACK32
        | F::B10G11R11_UFLOAT_PACK32
        | F::E5B9G9R9_UFLOAT_PACK32
        | F::D32_SFLOAT
        | F::X8_D24_UNORM_PACK32
        | F::D24_UNORM_S8_UINT
        | F::D32_SFLOAT_S8_UINT => 4,
        F::R16G16B16A16_SFLOAT | F::R16G16B16A16_UINT | F::R16G16B16A16_UNORM | F::R64_UINT | F::R32G32_UINT | F::R32G32_SFLOAT => 8,
        F::R32G32B32A32_SFLOAT | F::R32G32B32A32_UINT | F::R32G32B32A32_SINT => 16,
        other => panic!("texel_size: format {other:?} not in the test table"),
    }
}

/// Extent of mip level `mip` of `extent`.
pub fn mip_extent(extent: vk::Extent3D, mip: u32) -> vk::Extent3D {
    vk::Extent3D {
        width: (extent.width >> mip).max(1),
        height: (extent.height >> mip).max(1),
        depth: (extent.depth >> mip).max(1),
    }
}

/// Deterministic pseudo-random bytes (xorshift64*), so failures reproduce.
pub fn pattern(len: usize, seed: u64) -> Vec<u8> {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..len)
        .map(|_| {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 56) as u8
        })
        .collect()
}

/// Asserts two byte strings are equal; on failure reports the first differing offsets
/// instead of dumping both arrays.
#[track_caller]
pub fn assert_bytes_eq(actual: &[u8], expected: &[u8], what: &str) {
    assert_eq!(actual.len(), expected.len(), "{what}: length differs");
    let diffs: Vec<usize> = (0..actual.len()).filter(|&i| actual[i] != expected[i]).collect();
    if !diffs.is_empty() {
        let shown: Vec<String> =
            diffs.iter().take(16).map(|&i| format!("[{i}] got {:#04x} want {:#04x}", actual[i], expected[i])).collect();
        panic!("{what}: {} of {} bytes differ; first: {}", diffs.len(), actual.len(), shown.join(", "));
    }
}

/// Says why a test did not run its checks. On softvk that is a failure: a check softvk
/// cannot run is a missing feature or a regression, never a pass. Against another driver
/// (`SOFTVK_TEST_ICD`) it prints the reason and the test returns.
pub fn skip(test: &str, why: &str) {
    if !icd_overridden() {
        panic!("{test}: skipped on softvk ({why}); on softvk every check must run");
    }
    eprintln!("SKIP {test}: {why}");
}

/// What [`run_with_deadline`] collected from a child process that finished in time.
pub struct ChildOutput {
    pub status: std::process::ExitStatus,
    pub stdout: String,
    pub stderr: String,
}

impl ChildOutput {
    /// Both streams, for a failure message.
    pub fn report(&self) -> String {
        format!("status {}\n--- stdout ---\n{}\n--- stderr ---\n{}", self.status, self.stdout, self.stderr)
    }
}

/// A command that runs the `#[ignore]`d test `name` of this test binary alone, in a child
/// process (`--exact --ignored --nocapture`), with `role` set to 1 so that the child half
/// of a test knows it is one. Add the child's own environment and run it with
/// [`run_with_deadline`].
pub fn child_test(name: &str, role: &str) -> std::process::Command {
    let exe = std::env::current_exe().expect("the test executable");
    let mut command = std::process::Command::new(exe);
    command.args([name, "--exact", "--ignored", "--nocapture", "--test-threads=1"]).env(role, "1");
    command
}

/// Runs `command` with its stdout and stderr captured (stdin closed) and waits for it,
/// polling: a child still running after `limit` is killed and the test fails, instead of
/// hanging the suite. An `Err` is the spawn's own error (the program does not exist...).
pub fn run_with_deadline(
    command: &mut std::process::Command,
    limit: std::time::Duration,
) -> std::io::Result<ChildOutput> {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = command.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn()?;
    // Drain both pipes on threads so that a large output cannot block the child.
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut text = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut text);
            }
            String::from_utf8_lossy(&text).into_owned()
        })
    };
    let stdout = drain(child.stdout.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let stderr = drain(child.stderr.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let deadline = std::time::Instant::now() + limit;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            // The drains are not joined: a grandchild may still hold the pipes open.
            panic!("{command:?} did not finish within {limit:?}; killed");
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    };
    Ok(ChildOutput { status, stdout: stdout.join().unwrap_or_default(), stderr: stderr.join().unwrap_or_default() })
}

/// A buffer bound to HOST_VISIBLE | HOST_COHERENT memory, mapped for its whole life.
pub struct HostBuffer {
    device: ash::Device,
    pub buffer: vk::Buffer,
    pub memory: vk::DeviceMemory,
    pub size: u64,
    ptr: *mut u8,
}

impl HostBuffer {
    /// The mapped bytes. Read only when the device is not writing them (after a wait).
    pub fn bytes(&self) -> &[u8] {
        // SAFETY: ptr maps `size` bytes for the life of self; the tests read only after
        // the fence wait of the submission that wrote them.
        unsafe { std::slice::from_raw_parts(self.ptr, self.size as usize) }
    }

    /// A copy of the mapped bytes.
    pub fn read(&self) -> Vec<u8> {
        self.bytes().to_vec()
    }

    /// Writes `data` at `offset` through the mapping (coherent: no flush needed).
    pub fn write(&self, offset: usize, data: &[u8]) {
        assert!(offset + data.len() <= self.size as usize, "write past the end of the buffer");
        // SAFETY: in bounds (checked above); no submission uses the buffer meanwhile.
        unsafe { std::ptr::copy_nonoverlapping(data.as_ptr(), self.ptr.add(offset), data.len()) }
    }

    /// Sets every byte to `value`.
    pub fn fill(&self, value: u8) {
        // SAFETY: ptr maps `size` bytes.
        unsafe { std::ptr::write_bytes(self.ptr, value, self.size as usize) }
    }
}

impl Drop for HostBuffer {
    fn drop(&mut self) {
        // SAFETY: the tests wait for their submissions before dropping resources.
        unsafe {
            self.device.destroy_buffer(self.buffer, None);
            self.device.free_memory(self.memory, None);
        }
    }
}

/// An image with its own memory.
pub struct Image {
    device: ash::Device,
    pub image: vk::Image,
    pub memory: vk::DeviceMemory,
    pub format: vk::Format,
    pub extent: vk::Extent3D,
    pub mip_levels: u32,
    pub array_layers: u32,
    pub image_type: vk::ImageType,
}

impl Image {
    /// All mips and layers, all aspects.
    pub fn full_range(&self) -> vk::ImageSubresourceRange {
        vk::ImageSubresourceRange {
            aspect_mask: aspect_mask(self.format),
            base_mip_level: 0,
            level_count: self.mip_levels,
            base_array_layer: 0,
            layer_count: self.array_layers,
        }
    }

    /// Subresource layers of one mip, `layer_count` layers from `base_layer`.
    pub fn layers(
        &self,
        aspect: vk::ImageAspectFlags,
        mip: u32,
        base_layer: u32,
        layer_count: u32,
    ) -> vk::ImageSubresourceLayers {
        vk::ImageSubresourceLayers { aspect_mask: aspect, mip_level: mip, base_array_layer: base_layer, layer_count }
    }
}

impl Drop for Image {
    fn drop(&mut self) {
        // SAFETY: the tests wait for their submissions before dropping resources.
        unsafe {
            self.device.destroy_image(self.image, None);
            self.device.free_memory(self.memory, None);
        }
    }
}

/// Instance, the device under test, a device with one queue of family 0 and a command pool.
///
/// Not for use from several threads at once (queue and pool are externally synchronised);
/// tests that need another thread hand it clones of `device` and the handles it needs.
pub struct Context {
    pub entry: ash::Entry,
    pub instance: ash::Instance,
    pub physical_device: vk::PhysicalDevice,
    pub properties: vk::PhysicalDeviceProperties,
    pub memory_properties: vk::PhysicalDeviceMemoryProperties,
    pub device: ash::Device,
    pub queue_family_index: u32,
    pub queue: vk::Queue,
    /// Created with RESET_COMMAND_BUFFER.
    pub command_pool: vk::CommandPool,
    pub enabled_extensions: Vec<CString>,
    pub is_softvk: bool,
    /// Synchronisation objects made by `owned_*`, destroyed when the context drops.
    owned: Mutex<Vec<Owned>>,
}

/// An object a [`Context`] destroys when it drops, after the device is idle.
enum Owned {
    Fence(vk::Fence),
    Semaphore(vk::Semaphore),
    Event(vk::Event),
}

impl Context {
    /// A context with no device extensions.
    pub fn new() -> Self {
        Self::with_device_extensions(&[]).expect("creating a device with no extensions")
    }

    /// A context with `extensions` enabled, or `None` when the device does not advertise
    /// one of them. Enabling VK_KHR_timeline_semaphore also enables its feature.
    pub fn with_device_extensions(extensions: &[&CStr]) -> Option<Self> {
        Self::with(extensions, Validation::Default)
    }

    /// A context whose instance the validation layer does not watch: for tests that
    /// misuse the API on purpose to see softvk refuse it.
    pub fn without_validation() -> Self {
        Self::with(&[], Validation::Off).expect("creating a device with no extensions")
    }

    /// A context with `extensions`, under the validation layer or not.
    pub fn with(extensions: &[&CStr], validation: Validation) -> Option<Self> {
        Self::with_instance_extensions(&[], extensions, validation)
    }

    /// A context whose instance enables `instance_extensions` (those some device extensions
    /// require, such as VK_NV_external_memory_capabilities for VK_NV_external_memory) and
    /// whose device enables `extensions`; None when the loader or the device does not
    /// offer one of them.
    pub fn with_instance_extensions(
        instance_extensions: &[&CStr],
        extensions: &[&CStr],
        validation: Validation,
    ) -> Option<Self> {
        match Self::build(instance_extensions, extensions, validation, None) {
            Ok(context) => Some(context),
            Err(why) => {
                eprintln!("{why}");
                None
            }
        }
    }

    /// A context whose device enables `extensions` and the shader `features` (with the
    /// extensions those features need: VK_KHR_shader_float16_int8, VK_KHR_8bit_storage),
    /// under the validation layer. `Err` says which extension or feature the device lacks;
    /// tests pass it to [`skip`], which fails on softvk.
    pub fn with_features(extensions: &[&CStr], features: &ShaderFeatures) -> Result<Self, String> {
        Self::build(&[], extensions, Validation::Default, Some(features))
    }

    /// `with_features` on an instance that enables `instance_extensions` too (WSI).
    pub fn with_instance_extensions_and_features(
        instance_extensions: &[&CStr],
        extensions: &[&CStr],
        features: &ShaderFeatures,
    ) -> Result<Self, String> {
        Self::build(instance_extensions, extensions, Validation::Default, Some(features))
    }

    fn build(
        instance_extensions: &[&CStr],
        extensions: &[&CStr],
        validation: Validation,
        features: Option<&ShaderFeatures>,
    ) -> Result<Self, String> {
        let entry = load_entry();
        let instance_names: Vec<*const c_char> = instance_extensions.iter().map(|n| n.as_ptr()).collect();
        let instance = match create_instance_validated(&entry, &instance_names, std::ptr::null(), validation) {
            Ok(instance) => instance,
            Err(vk::Result::ERROR_EXTENSION_NOT_PRESENT) if !instance_extensions.is_empty() => {
                return Err(format!("the loader does not offer {instance_extensions:?}"));
            }
            Err(e) => panic!("vkCreateInstance failed with {e:?} for manifest {}", icd_manifest().display()),
        };
        let (physical_device, properties) = select_physical_device(&instance);
        let is_softvk = device_name(&properties) == SOFTVK_DEVICE_NAME;
        // SAFETY: physical_device belongs to instance.
        let available = unsafe { instance.enumerate_device_extension_properties(physical_device) }
            .expect("vkEnumerateDeviceExtensionProperties failed");
        let advertised = |name: &CStr| available.iter().any(|e| e.extension_name_as_c_str() == Ok(name));
        let mut extensions: Vec<&CStr> = extensions.to_vec();
        if let Some(wanted) = features {
            for needed in wanted.extensions() {
                if !extensions.contains(&needed) {
                    extensions.push(needed);
                }
            }
        }
        if let Some(missing) = extensions.iter().find(|n| !advertised(n)) {
            destroy_instance(&instance);
            return Err(format!("device does not advertise {missing:?}"));
        }
        let mut chain = FeatureChain::default();
        if let Some(wanted) = features {
            let supported = ShaderFeatures::supported(&instance, physical_device, &advertised);
            let missing = wanted.missing_from(&supported);
            if !missing.is_empty() {
                destroy_instance(&instance);
                return Err(format!("device does not support {}", missing.join(", ")));
            }
            chain = wanted.chain();
        }
        // SAFETY: as above.
        let memory_properties = unsafe { instance.get_physical_device_memory_properties(physical_device) };
        let queue_family_index = 0;
        let priorities = [1.0f32];
        let queue_info =
            [vk::DeviceQueueCreateInfo::default().queue_family_index(queue_family_index).queue_priorities(&priorities)];
        let names: Vec<*const c_char> = extensions.iter().map(|n| n.as_ptr()).collect();
        let mut timeline = vk::PhysicalDeviceTimelineSemaphoreFeatures::default().timeline_semaphore(true);
        let mut device_info =
            vk::DeviceCreateInfo::default().queue_create_infos(&queue_info).enabled_extension_names(&names);
        if extensions.contains(&ash::khr::timeline_semaphore::NAME) {
            device_info = device_info.push_next(&mut timeline);
        }
        if let Some(wanted) = features {
            device_info = chain.attach(device_info, wanted);
        }
        let device = {
            let _guard = loader_guard();
            // SAFETY: device_info and what it points to outlive the call.
            unsafe { instance.create_device(physical_device, &device_info, None) }.expect("vkCreateDevice failed")
        };
        // SAFETY: family 0, index 0 was requested above.
        let queue = unsafe { device.get_device_queue(queue_family_index, 0) };
        let pool_info = vk::CommandPoolCreateInfo::default()
            .flags(vk::CommandPoolCreateFlags::RESET_COMMAND_BUFFER)
            .queue_family_index(queue_family_index);
        // SAFETY: valid create info.
        let command_pool = unsafe { device.create_command_pool(&pool_info, None) }.expect("vkCreateCommandPool failed");
        Ok(Context {
            entry,
            instance,
            physical_device,
            properties,
            memory_properties,
            device,
            queue_family_index,
            queue,
            command_pool,
            enabled_extensions: extensions.iter().map(|n| (*n).to_owned()).collect(),
            is_softvk,
            owned: Mutex::new(Vec::new()),
        })
    }

    /// The device's subgroup properties (`VkPhysicalDeviceSubgroupProperties`, core 1.1).
    pub fn subgroup_properties(&self) -> vk::PhysicalDeviceSubgroupProperties<'static> {
        let mut subgroup = vk::PhysicalDeviceSubgroupProperties::default();
        let mut properties = vk::PhysicalDeviceProperties2::default().push_next(&mut subgroup);
        // SAFETY: physical_device belongs to instance; the chain outlives the call.
        unsafe { self.instance.get_physical_device_properties2(self.physical_device, &mut properties) };
        let vk::PhysicalDeviceSubgroupProperties { subgroup_size, supported_stages, supported_operations, quad_operations_in_all_stages, .. } =
            subgroup;
        vk::PhysicalDeviceSubgroupProperties { subgroup_size, supported_stages, supported_operations, quad_operations_in_all_stages, ..Default::default() }
    }

    pub fn device_name(&self) -> String {
        device_name(&self.properties)
    }

    /// Loads an extension's device functions (`ash::khr::*::Device::new`) under
    /// [`loader_guard`].
    pub fn load_device_functions<T>(&self, load: impl FnOnce(&ash::Instance, &ash::Device) -> T) -> T {
        let _guard = loader_guard();
        load(&self.instance, &self.device)
    }

    /// Index of the first memory type allowed by `type_bits` that has all of `flags`.
    pub fn memory_type_index(&self, type_bits: u32, flags: vk::MemoryPropertyFlags) -> Option<u32> {
        (0..self.memory_properties.memory_type_count).find(|&i| {
            type_bits & (1 << i) != 0 && self.memory_properties.memory_types[i as usize].property_flags.contains(flags)
        })
    }

    /// Allocates `size` bytes of memory type `type_index`.
    pub fn allocate_memory(&self, size: u64, type_index: u32) -> Result<vk::DeviceMemory, vk::Result> {
        let info = vk::MemoryAllocateInfo::default().allocation_size(size).memory_type_index(type_index);
        // SAFETY: valid allocate info.
        unsafe { self.device.allocate_memory(&info, None) }
    }

    /// A buffer of `size` bytes with `usage`, bound to mapped host-visible coherent memory.
    pub fn create_buffer(&self, size: u64, usage: vk::BufferUsageFlags) -> HostBuffer {
        let info = vk::BufferCreateInfo::default().size(size).usage(usage).sharing_mode(vk::SharingMode::EXCLUSIVE);
        // SAFETY: valid create info; every object made here is owned by the HostBuffer.
        unsafe {
            let buffer = self.device.create_buffer(&info, None).expect("vkCreateBuffer failed");
            let requirements = self.device.get_buffer_memory_requirements(buffer);
            let type_index = self
                .memory_type_index(
                    requirements.memory_type_bits,
                    vk::MemoryPropertyFlags::HOST_VISIBLE | vk::MemoryPropertyFlags::HOST_COHERENT,
                )
                .expect("no HOST_VISIBLE|HOST_COHERENT memory type for a buffer");
            let memory = self.allocate_memory(requirements.size, type_index).expect("vkAllocateMemory failed");
            self.device.bind_buffer_memory(buffer, memory, 0).expect("vkBindBufferMemory failed");
            let ptr = self
                .device
                .map_memory(memory, 0, vk::WHOLE_SIZE, vk::MemoryMapFlags::empty())
                .expect("vkMapMemory failed") as *mut u8;
            HostBuffer { device: self.device.clone(), buffer, memory, size, ptr }
        }
    }

    /// A transfer source/destination buffer, mapped.
    pub fn create_transfer_buffer(&self, size: u64) -> HostBuffer {
        self.create_buffer(size, vk::BufferUsageFlags::TRANSFER_SRC | vk::BufferUsageFlags::TRANSFER_DST)
    }

    /// Creates an image and binds it to its own memory, leaving it in its initial layout.
    pub fn create_image_raw(&self, info: &vk::ImageCreateInfo) -> Image {
        // SAFETY: valid create info; every object made here is owned by the Image.
        unsafe {
            let image = self.device.create_image(info, None).expect("vkCreateImage failed");
            let requirements = self.device.get_image_memory_requirements(image);
            let type_index = self
                .memory_type_index(requirements.memory_type_bits, vk::MemoryPropertyFlags::empty())
                .expect("no memory type for an image");
            let memory = self.allocate_memory(requirements.size, type_index).expect("vkAllocateMemory failed");
            self.device.bind_image_memory(image, memory, 0).expect("vkBindImageMemory failed");
            self.adopt_image(image, memory, info)
        }
    }

    /// Takes ownership of an image and its bound memory made by the caller from `info`.
    pub fn adopt_image(&self, image: vk::Image, memory: vk::DeviceMemory, info: &vk::ImageCreateInfo) -> Image {
        Image {
            device: self.device.clone(),
            image,
            memory,
            format: info.format,
            extent: info.extent,
            mip_levels: info.mip_levels,
            array_layers: info.array_layers,
            image_type: info.image_type,
        }
    }

    /// Creates an image (optimal tiling unless `info` says otherwise) and moves it to GENERAL.
    pub fn create_image(&self, info: &vk::ImageCreateInfo) -> Image {
        let image = self.create_image_raw(info);
        self.run(|cb| self.cmd_transition(cb, &image, vk::ImageLayout::UNDEFINED, vk::ImageLayout::GENERAL));
        image
    }

    /// A 2D image with one mip and one layer, usable as transfer source and destination,
    /// in GENERAL layout.
    pub fn create_image_2d(&self, format: vk::Format, width: u32, height: u32) -> Image {
        self.create_image(&image_info_2d(format, width, height))
    }

    pub fn format_properties(&self, format: vk::Format) -> vk::FormatProperties {
        // SAFETY: physical_device belongs to instance.
        unsafe { self.instance.get_physical_device_format_properties(self.physical_device, format) }
    }

    /// True when optimal tiling of `format` has all of `features`.
    pub fn optimal_supports(&self, format: vk::Format, features: vk::FormatFeatureFlags) -> bool {
        self.format_properties(format).optimal_tiling_features.contains(features)
    }

    /// Allocates one command buffer of `level` from the context's pool.
    pub fn allocate_command_buffer(&self, level: vk::CommandBufferLevel) -> vk::CommandBuffer {
        let info = vk::CommandBufferAllocateInfo::default()
            .command_pool(self.command_pool)
            .level(level)
            .command_buffer_count(1);
        // SAFETY: valid allocate info; the pool is used by this thread only.
        unsafe { self.device.allocate_command_buffers(&info) }.expect("vkAllocateCommandBuffers failed")[0]
    }

    pub fn begin(&self, cb: vk::CommandBuffer) {
        let info = vk::CommandBufferBeginInfo::default().flags(vk::CommandBufferUsageFlags::ONE_TIME_SUBMIT);
        // SAFETY: cb is in the initial state (freshly allocated or reset).
        unsafe { self.device.begin_command_buffer(cb, &info) }.expect("vkBeginCommandBuffer failed");
    }

    pub fn end(&self, cb: vk::CommandBuffer) {
        // SAFETY: cb is recording.
        unsafe { self.device.end_command_buffer(cb) }.expect("vkEndCommandBuffer failed");
    }

    pub fn create_fence(&self, signaled: bool) -> vk::Fence {
        let flags = if signaled { vk::FenceCreateFlags::SIGNALED } else { vk::FenceCreateFlags::empty() };
        // SAFETY: valid create info.
        unsafe { self.device.create_fence(&vk::FenceCreateInfo::default().flags(flags), None) }
            .expect("vkCreateFence failed")
    }

    /// A fence the context destroys when it drops.
    pub fn owned_fence(&self, signaled: bool) -> vk::Fence {
        let fence = self.create_fence(signaled);
        self.own(Owned::Fence(fence));
        fence
    }

    /// A semaphore from `info`, destroyed when the context drops.
    pub fn owned_semaphore(&self, info: &vk::SemaphoreCreateInfo) -> vk::Semaphore {
        // SAFETY: the caller's create info is valid.
        let semaphore = unsafe { self.device.create_semaphore(info, None) }.expect("vkCreateSemaphore failed");
        self.own(Owned::Semaphore(semaphore));
        semaphore
    }

    /// An event, destroyed when the context drops.
    pub fn owned_event(&self) -> vk::Event {
        // SAFETY: valid create info.
        let event =
            unsafe { self.device.create_event(&vk::EventCreateInfo::default(), None) }.expect("vkCreateEvent failed");
        self.own(Owned::Event(event));
        event
    }

    fn own(&self, object: Owned) {
        self.owned.lock().unwrap_or_else(|e| e.into_inner()).push(object);
    }

    /// Submits `command_buffers` in one batch and waits for them (panics after
    /// [`FENCE_TIMEOUT_NS`] instead of hanging).
    pub fn submit_and_wait(&self, command_buffers: &[vk::CommandBuffer]) {
        let fence = self.create_fence(false);
        let submit = [vk::SubmitInfo::default().command_buffers(command_buffers)];
        // SAFETY: the command buffers are executable; the fence is unsignalled and ours.
        unsafe {
            self.device.queue_submit(self.queue, &submit, fence).expect("vkQueueSubmit failed");
            self.device
                .wait_for_fences(&[fence], true, FENCE_TIMEOUT_NS)
                .expect("waiting for the submission failed (hang?)");
            self.device.destroy_fence(fence, None);
        }
    }

    /// Records `record` into a fresh primary command buffer, followed by a barrier that makes
    /// every device write visible to the host, submits it alone and waits for it.
    pub fn run(&self, record: impl FnOnce(vk::CommandBuffer)) {
        let cb = self.allocate_command_buffer(vk::CommandBufferLevel::PRIMARY);
        self.begin(cb);
        record(cb);
        self.cmd_host_barrier(cb);
        self.end(cb);
        self.submit_and_wait(&[cb]);
        // SAFETY: the submission completed.
        unsafe { self.device.free_command_buffers(self.command_pool, &[cb]) };
    }

    /// Global barrier: transfer writes before it are visible to transfer reads/writes after it.
    pub fn cmd_transfer_barrier(&self, cb: vk::CommandBuffer) {
        let barrier = [vk::MemoryBarrier::default()
            .src_access_mask(vk::AccessFlags::TRANSFER_WRITE)
            .dst_access_mask(vk::AccessFlags::TRANSFER_READ | vk::AccessFlags::TRANSFER_WRITE)];
        // SAFETY: cb is recording.
        unsafe {
            self.device.cmd_pipeline_barrier(
                cb,
                vk::PipelineStageFlags::TRANSFER,
                vk::PipelineStageFlags::TRANSFER,
                vk::DependencyFlags::empty(),
                &barrier,
                &[],
                &[],
            )
        }
    }

    /// Records a blit of `regions` from `src` to `dst`, both in GENERAL layout.
    pub fn cmd_blit(
        &self,
        cb: vk::CommandBuffer,
        src: &Image,
        dst: &Image,
        regions: &[vk::ImageBlit],
        filter: vk::Filter,
    ) {
        let general = vk::ImageLayout::GENERAL;
        // SAFETY: cb is recording; the tests pass regions inside both images, which are in
        // GENERAL layout (tests of bad regions call the driver directly).
        unsafe { self.device.cmd_blit_image(cb, src.image, general, dst.image, general, regions, filter) }
    }

    /// Records a copy of `regions` from `src` to `dst`, both in GENERAL layout.
    pub fn cmd_copy_image(&self, cb: vk::CommandBuffer, src: &Image, dst: &Image, regions: &[vk::ImageCopy]) {
        let general = vk::ImageLayout::GENERAL;
        // SAFETY: as for `cmd_blit`.
        unsafe { self.device.cmd_copy_image(cb, src.image, general, dst.image, general, regions) }
    }

    /// Global barrier: all device writes before it are visible to host reads.
    pub fn cmd_host_barrier(&self, cb: vk::CommandBuffer) {
        let barrier = [vk::MemoryBarrier::default()
            .src_access_mask(vk::AccessFlags::MEMORY_WRITE)
            .dst_access_mask(vk::AccessFlags::HOST_READ)];
        // SAFETY: cb is recording.
        unsafe {
            self.device.cmd_pipeline_barrier(
                cb,
                vk::PipelineStageFlags::ALL_COMMANDS,
                vk::PipelineStageFlags::HOST,
                vk::DependencyFlags::empty(),
                &barrier,
                &[],
                &[],
            )
        }
    }

    /// Layout transition of every subresource of `image`, ordered against all commands.
    pub fn cmd_transition(&self, cb: vk::CommandBuffer, image: &Image, old: vk::ImageLayout, new: vk::ImageLayout) {
        self.cmd_transition_range(cb, image.image, image.full_range(), old, new);
    }

    /// Layout transition of `range` of `image` (any image: a swapchain's, an alias...),
    /// ordered against all commands (ALL_COMMANDS, MEMORY_WRITE -> MEMORY_READ | WRITE).
    pub fn cmd_transition_range(
        &self,
        cb: vk::CommandBuffer,
        image: vk::Image,
        range: vk::ImageSubresourceRange,
        old: vk::ImageLayout,
        new: vk::ImageLayout,
    ) {
        let barrier = [vk::ImageMemoryBarrier::default()
            .src_access_mask(vk::AccessFlags::MEMORY_WRITE)
            .dst_access_mask(vk::AccessFlags::MEMORY_READ | vk::AccessFlags::MEMORY_WRITE)
            .old_layout(old)
            .new_layout(new)
            .src_queue_family_index(vk::QUEUE_FAMILY_IGNORED)
            .dst_queue_family_index(vk::QUEUE_FAMILY_IGNORED)
            .image(image)
            .subresource_range(range)];
        // SAFETY: cb is recording.
        unsafe {
            self.device.cmd_pipeline_barrier(
                cb,
                vk::PipelineStageFlags::ALL_COMMANDS,
                vk::PipelineStageFlags::ALL_COMMANDS,
                vk::DependencyFlags::empty(),
                &[],
                &[],
                &barrier,
            )
        }
    }

    /// [`Context::cmd_transition_range`] over [`COLOR_RANGE`]: a colour image of one
    /// level and one layer.
    pub fn cmd_transition_color(
        &self,
        cb: vk::CommandBuffer,
        image: vk::Image,
        old: vk::ImageLayout,
        new: vk::ImageLayout,
    ) {
        self.cmd_transition_range(cb, image, COLOR_RANGE, old, new);
    }

    /// Writes tightly packed `data` into `layer_count` layers (from `base_layer`) of mip
    /// `mip`, one aspect, of an image in GENERAL layout, through a staging buffer.
    pub fn write_image(
        &self,
        image: &Image,
        aspect: vk::ImageAspectFlags,
        mip: u32,
        base_layer: u32,
        layer_count: u32,
        data: &[u8],
    ) {
        let extent = mip_extent(image.extent, mip);
        let expected =
            texel_size(image.format, aspect) * (extent.width * extent.height * extent.depth * layer_count) as usize;
        assert_eq!(data.len(), expected, "write_image: data size");
        let staging = self.create_transfer_buffer(data.len() as u64);
        staging.write(0, data);
        let region = [vk::BufferImageCopy {
            buffer_offset: 0,
            buffer_row_length: 0,
            buffer_image_height: 0,
            image_subresource: image.layers(aspect, mip, base_layer, layer_count),
            image_offset: vk::Offset3D::default(),
            image_extent: extent,
        }];
        self.run(|cb| {
            self.cmd_transfer_barrier(cb);
            // SAFETY: region lies inside both resources.
            unsafe {
                self.device.cmd_copy_buffer_to_image(cb, staging.buffer, image.image, vk::ImageLayout::GENERAL, &region)
            };
        });
    }

    /// Reads `layer_count` layers (from `base_layer`) of mip `mip`, one aspect, of an
    /// image in GENERAL layout, tightly packed.
    pub fn read_image(
        &self,
        image: &Image,
        aspect: vk::ImageAspectFlags,
        mip: u32,
        base_layer: u32,
        layer_count: u32,
    ) -> Vec<u8> {
        let extent = mip_extent(image.extent, mip);
        let size =
            texel_size(image.format, aspect) * (extent.width * extent.height * extent.depth * layer_count) as usize;
        let staging = self.create_transfer_buffer(size as u64);
        let region = [vk::BufferImageCopy {
            buffer_offset: 0,
            buffer_row_length: 0,
            buffer_image_height: 0,
            image_subresource: image.layers(aspect, mip, base_layer, layer_count),
            image_offset: vk::Offset3D::default(),
            image_extent: extent,
        }];
        self.run(|cb| {
            self.cmd_transfer_barrier(cb);
            // SAFETY: region lies inside both resources.
            unsafe {
                self.device.cmd_copy_image_to_buffer(cb, image.image, vk::ImageLayout::GENERAL, staging.buffer, &region)
            };
        });
        staging.read()
    }
}

impl Default for Context {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for Context {
    fn drop(&mut self) {
        // SAFETY: resources made from the device are dropped before the Context (they are
        // declared after it); waiting idle first makes destruction legal.
        unsafe {
            let _ = self.device.device_wait_idle();
            for object in self.owned.get_mut().unwrap_or_else(|e| e.into_inner()).drain(..) {
                match object {
                    Owned::Fence(fence) => self.device.destroy_fence(fence, None),
                    Owned::Semaphore(semaphore) => self.device.destroy_semaphore(semaphore, None),
                    Owned::Event(event) => self.device.destroy_event(event, None),
                }
            }
            self.device.destroy_command_pool(self.command_pool, None);
            let _guard = loader_guard();
            self.device.destroy_device(None);
        }
        destroy_instance(&self.instance);
    }
}

/// Create info of a 2D optimal-tiling image with one mip and one layer, transfer src+dst.
pub fn image_info_2d(format: vk::Format, width: u32, height: u32) -> vk::ImageCreateInfo<'static> {
    vk::ImageCreateInfo::default()
        .image_type(vk::ImageType::TYPE_2D)
        .format(format)
        .extent(vk::Extent3D { width, height, depth: 1 })
        .mip_levels(1)
        .array_layers(1)
        .samples(vk::SampleCountFlags::TYPE_1)
        .tiling(vk::ImageTiling::OPTIMAL)
        .usage(vk::ImageUsageFlags::TRANSFER_SRC | vk::ImageUsageFlags::TRANSFER_DST)
        .sharing_mode(vk::SharingMode::EXCLUSIVE)
        .initial_layout(vk::ImageLayout::UNDEFINED)
}

/// An image bound at offset 0 of its own exportable (OPAQUE_FD, dedicated) memory, for
/// handing to another process. Needs VK_KHR_external_memory_fd on the context.
///
/// The image is LINEAR whatever `info` says: the consumer finds its texels through
/// `vkGetImageSubresourceLayout` ([`color_image_descriptor`]), which the spec defines for
/// LINEAR images only (VUID-vkGetImageSubresourceLayout-image-07789).
pub fn create_exportable_image(ctx: &Context, info: &vk::ImageCreateInfo) -> (Image, u64) {
    let mut external =
        vk::ExternalMemoryImageCreateInfo::default().handle_types(vk::ExternalMemoryHandleTypeFlags::OPAQUE_FD);
    let mut create = (*info).tiling(vk::ImageTiling::LINEAR);
    create.p_next = &mut external as *mut _ as *const std::ffi::c_void;
    // SAFETY: valid create info; the chain outlives the call.
    let image = unsafe { ctx.device.create_image(&create, None) }.expect("vkCreateImage (external)");
    // SAFETY: live image.
    let requirements = unsafe { ctx.device.get_image_memory_requirements(image) };
    let type_index = ctx
        .memory_type_index(requirements.memory_type_bits, vk::MemoryPropertyFlags::HOST_VISIBLE)
        .expect("a host-visible memory type");
    let mut export = vk::ExportMemoryAllocateInfo::default().handle_types(vk::ExternalMemoryHandleTypeFlags::OPAQUE_FD);
    let mut dedicated = vk::MemoryDedicatedAllocateInfo::default().image(image);
    let allocate = vk::MemoryAllocateInfo::default()
        .allocation_size(requirements.size)
        .memory_type_index(type_index)
        .push_next(&mut export)
        .push_next(&mut dedicated);
    // SAFETY: valid allocate info; the image is bound once, at offset 0.
    let memory = unsafe { ctx.device.allocate_memory(&allocate, None) }.expect("exportable vkAllocateMemory");
    unsafe { ctx.device.bind_image_memory(image, memory, 0) }.expect("vkBindImageMemory");
    let image = ctx.adopt_image(image, memory, info);
    ctx.run(|cb| ctx.cmd_transition(cb, &image, vk::ImageLayout::UNDEFINED, vk::ImageLayout::GENERAL));
    (image, requirements.size)
}

/// The `shm` descriptor of a single-aspect colour image bound at offset 0 of memory of
/// `memory_size` bytes, filled from `vkGetImageSubresourceLayout`: what a consumer without
/// Vulkan needs to read it.
pub fn color_image_descriptor(
    ctx: &Context,
    image: &Image,
    texel_bytes: u32,
    memory_size: u64,
) -> shm::image::ImageDescriptor {
    let levels = (0..image.mip_levels)
        .map(|level| {
            let sub =
                vk::ImageSubresource { aspect_mask: vk::ImageAspectFlags::COLOR, mip_level: level, array_layer: 0 };
            // SAFETY: the subresource exists.
            let layout = unsafe { ctx.device.get_image_subresource_layout(image.image, sub) };
            let extent = mip_extent(image.extent, level);
            shm::image::LevelDescriptor {
                offset: layout.offset,
                row_pitch: layout.row_pitch,
                depth_pitch: layout.depth_pitch,
                array_pitch: layout.array_pitch,
                size: layout.size,
                extent: [extent.width, extent.height, extent.depth],
            }
        })
        .collect();
    shm::image::ImageDescriptor {
        format: image.format.as_raw(),
        format_name: format!("{:?}", image.format),
        texel_bytes,
        extent: [image.extent.width, image.extent.height, image.extent.depth],
        mip_levels: image.mip_levels,
        array_layers: image.array_layers,
        size: memory_size,
        planes: vec![shm::image::PlaneDescriptor { aspect: shm::image::Aspect::Color, texel_bytes, levels }],
    }
}

/// The exportable memory's fd (`vkGetMemoryFdKHR`, OPAQUE_FD), owned by the caller.
pub fn export_memory_fd(ctx: &Context, memory: vk::DeviceMemory) -> std::os::fd::OwnedFd {
    use std::os::fd::FromRawFd;
    let functions = ctx.load_device_functions(ash::khr::external_memory_fd::Device::new);
    let info =
        vk::MemoryGetFdInfoKHR::default().memory(memory).handle_type(vk::ExternalMemoryHandleTypeFlags::OPAQUE_FD);
    // SAFETY: the memory was allocated exportable; the new fd is ours.
    unsafe { std::os::fd::OwnedFd::from_raw_fd(functions.get_memory_fd(&info).expect("vkGetMemoryFdKHR")) }
}
