//! Bad create input is refused, not obeyed (issue 9): extreme and invalid values for every
//! create info and every command softvk implements, each case in its own child process.
//!
//! The parent test ([`every_bad_input_case_is_refused_in_its_own_process`]) re-executes
//! this test binary once per case of [`CASES`], with `SOFTVK_BAD_INPUT_CASE=<name>`, running
//! the ignored [`child_case`] test, which looks the case up and runs it. A case that makes
//! softvk crash (a signal), abort, hang (the deadline, [`CASE_DEADLINE`]) or allocate without
//! bound (the child limits its address space to [`ADDRESS_SPACE_LIMIT`] before it creates
//! the device, so a runaway allocation fails instead of swapping) fails on its own, and the
//! parent reports every failing case at the end, not just the first.
//!
//! A case passes when it returns, having seen softvk refuse the input: an error code (the
//! specific one where the spec or softvk's documentation names it), a sticky recording
//! error that vkEndCommandBuffer returns, or, for commands whose regions are checked when
//! they execute, a skip with a log line ([`expect_log`]: the parent finds the line in the
//! child's stderr). Cases misuse the API on purpose, so children run without the
//! validation layer, and only on softvk: on another driver invalid usage is undefined, so
//! the parent returns at once.
//!
//! Cases that fail because of code another engineer owns are listed in
//! [`KNOWN_FAILURES`] with where the fix belongs: they still run, their failure is printed
//! and does not fail the suite, and a listed case that passes fails it (remove it then).

use ash::vk;
use ash::vk::Handle;
use softvk_tests::{compute::spirv, image_info_2d, Context, HostBuffer, Validation, FENCE_TIMEOUT_NS};
use std::ffi::{c_void, CStr};
use std::io::Read;
use std::os::fd::IntoRawFd;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The variable that names the case a child runs.
const CASE_VAR: &str = "SOFTVK_BAD_INPUT_CASE";
/// What a child prints when its case returned.
const DONE: &str = "BAD INPUT CASE DONE";
/// What a child prints before a line the parent must find in its stderr.
const LOG_MARK: &str = "BAD INPUT EXPECT LOG: ";
/// How long one case may run.
const CASE_DEADLINE: Duration = Duration::from_secs(20);
/// The address space a child may use: room for the loader, the driver and its threads,
/// far less than any runaway allocation.
const ADDRESS_SPACE_LIMIT: u64 = 4 << 30;
/// How long the timed cases (100k sets, 100k command buffers) may take, loosely.
const FAST_ENOUGH: Duration = Duration::from_secs(10);

type Case = (&'static str, fn(&Context));

// ---------------------------------------------------------------------------------------
// The parent and the child
// ---------------------------------------------------------------------------------------

#[test]
fn every_bad_input_case_is_refused_in_its_own_process() {
    {
        let ctx = Context::without_validation();
        if !ctx.is_softvk {
            eprintln!("bad input suite: invalid usage is undefined on {}; not run", ctx.device_name());
            return;
        }
    }
    let mut names: Vec<&str> = CASES.iter().map(|(name, _)| *name).collect();
    names.sort_unstable();
    if let Some(twice) = names.windows(2).find(|w| w[0] == w[1]) {
        panic!("case {:?} is in CASES twice", twice[0]);
    }
    for (name, _) in KNOWN_FAILURES {
        assert!(names.contains(name), "KNOWN_FAILURES names {name:?}, which is not a case");
    }
    let started = Instant::now();
    let outcomes = run_all_cases();
    let mut failures = Vec::new();
    let mut known = Vec::new();
    for (name, outcome) in &outcomes {
        let listed = KNOWN_FAILURES.iter().find(|(n, _)| n == name);
        match (outcome, listed) {
            (Ok(()), None) => {}
            (Ok(()), Some(_)) => failures.push(format!(
                "{name}: passes but is listed in KNOWN_FAILURES; remove it from the list"
            )),
            (Err(why), None) => failures.push(format!("{name}: {why}")),
            (Err(why), Some((_, owner))) => known.push(format!("{name} (fix belongs in {owner}): {why}")),
        }
    }
    eprintln!(
        "bad input suite: {} cases in {:.1?}, {} known failures, {} failures",
        outcomes.len(),
        started.elapsed(),
        known.len(),
        failures.len()
    );
    for line in &known {
        eprintln!("KNOWN FAILURE {line}\n");
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n\n{}", failures.len(), outcomes.len(), failures.join("\n\n"));
}

/// Runs every case in a child, a few at a time, and returns each one's outcome.
fn run_all_cases() -> Vec<(&'static str, Result<(), String>)> {
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(2, 4);
    let next = AtomicUsize::new(0);
    let outcomes = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(&(name, _)) = CASES.get(i) else { break };
                let outcome = run_case(name);
                outcomes.lock().unwrap_or_else(|e| e.into_inner()).push((name, outcome));
            });
        }
    });
    let mut outcomes = outcomes.into_inner().unwrap_or_else(|e| e.into_inner());
    outcomes.sort_by_key(|(name, _)| CASES.iter().position(|(n, _)| n == name));
    outcomes
}

/// What a finished child left: its exit status, or that it ran out of time.
struct ChildRun {
    status: Option<std::process::ExitStatus>,
    stdout: String,
    stderr: String,
}

/// Runs one case in a child under [`CASE_DEADLINE`].
fn run_case(name: &str) -> Result<(), String> {
    let exe = std::env::current_exe().map_err(|e| format!("no test executable: {e}"))?;
    let mut command = Command::new(exe);
    command
        .args(["child_case", "--exact", "--ignored", "--nocapture", "--test-threads=1"])
        .env(CASE_VAR, name)
        // Fewer malloc arenas and kernel threads: less address space, same behaviour.
        .env("MALLOC_ARENA_MAX", "2")
        .env("RAYON_NUM_THREADS", "2")
        .env("RUST_BACKTRACE", "0")
        .env_remove("SOFTVK_LOG")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let run = spawn_with_deadline(&mut command, CASE_DEADLINE).map_err(|e| format!("cannot spawn: {e}"))?;
    let verdict = match run.status {
        None => Some(format!("did not finish within {CASE_DEADLINE:?} (a hang?); killed")),
        Some(status) if !status.success() => Some(describe_status(status)),
        Some(_) if !run.stdout.contains(DONE) => Some("exited 0 without finishing its checks".to_string()),
        Some(_) => run
            .stdout
            .lines()
            .filter_map(|line| line.strip_prefix(LOG_MARK))
            .find(|wanted| !run.stderr.contains(wanted))
            .map(|wanted| format!("softvk did not log {wanted:?}")),
    };
    match verdict {
        None => Ok(()),
        Some(why) => Err(format!("{why}{}\n{}", panic_message(&run.stderr), tail("stdout", &run.stdout, 6) + &tail("stderr", &run.stderr, 14))),
    }
}

/// The child's assertion message (the line after "panicked at"), if it panicked.
fn panic_message(stderr: &str) -> String {
    let mut lines = stderr.lines().skip_while(|l| !l.contains("panicked at"));
    match (lines.next(), lines.next()) {
        (Some(_), Some(message)) => format!(": {message}"),
        _ => String::new(),
    }
}

fn describe_status(status: std::process::ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(101), _) => "an assertion failed (exit status 101)".to_string(),
        (Some(code), _) => format!("exit status {code}"),
        (None, Some(signal)) => format!("killed by signal {signal}{}", if status.core_dumped() { " (core dumped)" } else { "" }),
        (None, None) => format!("{status}"),
    }
}

/// The last `n` lines of a child's stream, indented.
fn tail(what: &str, text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with(LOG_MARK) && !l.trim().is_empty()).collect();
    let shown = &lines[lines.len().saturating_sub(n)..];
    let mut out = format!("  --- last {} lines of {what} ---\n", shown.len());
    for line in shown {
        out.push_str("  | ");
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Spawns `command` (stdout and stderr piped) and waits at most `limit`; a child still
/// running then is killed and reported with `status: None`.
fn spawn_with_deadline(command: &mut Command, limit: Duration) -> std::io::Result<ChildRun> {
    let mut child = command.spawn()?;
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
    let deadline = Instant::now() + limit;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break Some(status);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Ok(ChildRun { status, stdout: stdout.join().unwrap_or_default(), stderr: stderr.join().unwrap_or_default() })
}

#[test]
#[ignore = "child-process helper, run by every_bad_input_case_is_refused_in_its_own_process"]
fn child_case() {
    let Ok(name) = std::env::var(CASE_VAR) else { return };
    let Some(&(_, case)) = CASES.iter().find(|(n, _)| *n == name) else {
        panic!("no bad-input case named {name:?}");
    };
    limit_address_space(ADDRESS_SPACE_LIMIT);
    let ctx = Context::with(EXTENSIONS, Validation::Off).expect("a device with the extensions the cases use");
    case(&ctx);
    drop(ctx);
    println!("{DONE}");
}

/// The device extensions every child enables (the import, export and timeline cases need
/// them).
const EXTENSIONS: &[&CStr] = &[
    ash::khr::external_memory_fd::NAME,
    ash::ext::external_memory_host::NAME,
    ash::khr::external_semaphore_fd::NAME,
    ash::khr::external_fence_fd::NAME,
    ash::khr::timeline_semaphore::NAME,
    ash::ext::host_query_reset::NAME,
    ash::khr::copy_commands2::NAME,
    ash::khr::synchronization2::NAME,
];

fn limit_address_space(bytes: u64) {
    let limit = libc::rlimit { rlim_cur: bytes, rlim_max: bytes };
    // SAFETY: setrlimit reads one rlimit struct.
    let result = unsafe { libc::setrlimit(libc::RLIMIT_AS, &limit) };
    assert_eq!(result, 0, "setrlimit(RLIMIT_AS): {}", std::io::Error::last_os_error());
}

// ---------------------------------------------------------------------------------------
// Helpers of the cases
// ---------------------------------------------------------------------------------------

/// Asks the parent to find `line` in this child's stderr: softvk's log of a refusal that
/// has no return code (a void command, a region skipped when it executes).
fn expect_log(line: &str) {
    println!("{LOG_MARK}{line}");
}

#[track_caller]
fn expect_err<T>(result: Result<T, vk::Result>, what: &str) {
    if result.is_ok() {
        panic!("{what}: softvk accepted it");
    }
}

#[track_caller]
fn expect_code<T>(result: Result<T, vk::Result>, code: vk::Result, what: &str) {
    match result {
        Ok(_) => panic!("{what}: softvk accepted it (expected {code:?})"),
        Err(got) => assert_eq!(got, code, "{what}"),
    }
}

#[track_caller]
fn expect_raw_err(code: vk::Result, what: &str) {
    assert!(code.as_raw() < 0, "{what}: softvk returned {code:?}, not an error");
}

/// Records `record` into a fresh primary command buffer and expects vkEndCommandBuffer to
/// fail with the sticky error; then checks the buffer cannot be submitted.
#[track_caller]
fn recording_fails(ctx: &Context, what: &str, record: impl FnOnce(vk::CommandBuffer)) {
    let cb = ctx.allocate_command_buffer(vk::CommandBufferLevel::PRIMARY);
    ctx.begin(cb);
    record(cb);
    // SAFETY: cb is recording.
    let ended = unsafe { ctx.device.end_command_buffer(cb) };
    expect_err(ended, what);
    let cbs = [cb];
    let submit = [vk::SubmitInfo::default().command_buffers(&cbs)];
    // SAFETY: invalid on purpose: the failed recording is not executable.
    expect_err(unsafe { ctx.device.queue_submit(ctx.queue, &submit, vk::Fence::null()) }, "submitting a failed recording");
    // SAFETY: nothing of cb is pending.
    unsafe { ctx.device.free_command_buffers(ctx.command_pool, &cbs) };
}

/// Records, submits and waits: the commands are checked when they execute; `log` is the
/// line softvk must write when it skips them.
fn skipped_when_run(ctx: &Context, log: &str, record: impl FnOnce(vk::CommandBuffer)) {
    ctx.run(record);
    expect_log(log);
}

fn buffer(ctx: &Context, size: u64) -> HostBuffer {
    ctx.create_transfer_buffer(size)
}

/// A buffer create info with transfer usage.
fn buffer_info(size: u64) -> vk::BufferCreateInfo<'static> {
    vk::BufferCreateInfo::default().size(size).usage(vk::BufferUsageFlags::TRANSFER_SRC | vk::BufferUsageFlags::TRANSFER_DST)
}

fn heap_size(ctx: &Context) -> u64 {
    ctx.memory_properties.memory_heaps[0].size
}

fn allocate(ctx: &Context, size: u64) -> vk::DeviceMemory {
    ctx.allocate_memory(size, 0).expect("vkAllocateMemory")
}

fn free(ctx: &Context, memory: vk::DeviceMemory) {
    // SAFETY: nothing uses the memory.
    unsafe { ctx.device.free_memory(memory, None) }
}

fn create_buffer(ctx: &Context, info: &vk::BufferCreateInfo) -> Result<vk::Buffer, vk::Result> {
    // SAFETY: the create info is valid as a struct; its values are what is tested.
    unsafe { ctx.device.create_buffer(info, None) }
}

fn create_image(ctx: &Context, info: &vk::ImageCreateInfo) -> Result<vk::Image, vk::Result> {
    // SAFETY: as for create_buffer.
    unsafe { ctx.device.create_image(info, None) }
}

/// An RGBA8 2D image of 4x4 texels with `mips` levels and `layers` layers, bound, in GENERAL
/// layout.
fn rgba_image(ctx: &Context, mips: u32, layers: u32) -> softvk_tests::Image {
    let info = image_info_2d(vk::Format::R8G8B8A8_UNORM, 4, 4)
        .mip_levels(mips)
        .array_layers(layers)
        .usage(vk::ImageUsageFlags::TRANSFER_SRC | vk::ImageUsageFlags::TRANSFER_DST | vk::ImageUsageFlags::SAMPLED);
    let image = ctx.create_image_raw(&info);
    ctx.run(|cb| ctx.cmd_transition(cb, &image, vk::ImageLayout::UNDEFINED, vk::ImageLayout::GENERAL));
    image
}

fn color_range(base_mip: u32, mips: u32, base_layer: u32, layers: u32) -> vk::ImageSubresourceRange {
    vk::ImageSubresourceRange {
        aspect_mask: vk::ImageAspectFlags::COLOR,
        base_mip_level: base_mip,
        level_count: mips,
        base_array_layer: base_layer,
        layer_count: layers,
    }
}

fn color_layers(mip: u32, base_layer: u32, layers: u32) -> vk::ImageSubresourceLayers {
    vk::ImageSubresourceLayers { aspect_mask: vk::ImageAspectFlags::COLOR, mip_level: mip, base_array_layer: base_layer, layer_count: layers }
}


fn storage_bindings(count: u32, first_type: vk::DescriptorType) -> Vec<vk::DescriptorSetLayoutBinding<'static>> {
    (0..count)
        .map(|i| {
            vk::DescriptorSetLayoutBinding::default()
                .binding(i)
                .descriptor_type(if i == 0 { first_type } else { vk::DescriptorType::STORAGE_BUFFER })
                .descriptor_count(1)
                .stage_flags(vk::ShaderStageFlags::COMPUTE)
        })
        .collect()
}

fn set_layout(ctx: &Context, bindings: &[vk::DescriptorSetLayoutBinding]) -> vk::DescriptorSetLayout {
    let info = vk::DescriptorSetLayoutCreateInfo::default().bindings(bindings);
    // SAFETY: valid create info.
    unsafe { ctx.device.create_descriptor_set_layout(&info, None) }.expect("vkCreateDescriptorSetLayout")
}

fn try_set_layout(ctx: &Context, bindings: &[vk::DescriptorSetLayoutBinding]) -> Result<vk::DescriptorSetLayout, vk::Result> {
    let info = vk::DescriptorSetLayoutCreateInfo::default().bindings(bindings);
    // SAFETY: the create info is valid as a struct; its values are what is tested.
    unsafe { ctx.device.create_descriptor_set_layout(&info, None) }
}

fn pipeline_layout(ctx: &Context, set_layouts: &[vk::DescriptorSetLayout], push_bytes: u32) -> vk::PipelineLayout {
    let push = [vk::PushConstantRange { stage_flags: vk::ShaderStageFlags::COMPUTE, offset: 0, size: push_bytes }];
    let info = vk::PipelineLayoutCreateInfo::default()
        .set_layouts(set_layouts)
        .push_constant_ranges(if push_bytes == 0 { &[] } else { &push });
    // SAFETY: valid create info.
    unsafe { ctx.device.create_pipeline_layout(&info, None) }.expect("vkCreatePipelineLayout")
}

fn try_pipeline_layout(ctx: &Context, info: &vk::PipelineLayoutCreateInfo) -> Result<vk::PipelineLayout, vk::Result> {
    // SAFETY: the create info is valid as a struct; its values are what is tested.
    unsafe { ctx.device.create_pipeline_layout(info, None) }
}

fn pool(ctx: &Context, max_sets: u32, descriptors: u32, flags: vk::DescriptorPoolCreateFlags) -> vk::DescriptorPool {
    let sizes = [
        vk::DescriptorPoolSize { ty: vk::DescriptorType::STORAGE_BUFFER, descriptor_count: descriptors },
        vk::DescriptorPoolSize { ty: vk::DescriptorType::STORAGE_BUFFER_DYNAMIC, descriptor_count: descriptors },
    ];
    let info = vk::DescriptorPoolCreateInfo::default().flags(flags).max_sets(max_sets).pool_sizes(&sizes);
    // SAFETY: valid create info.
    unsafe { ctx.device.create_descriptor_pool(&info, None) }.expect("vkCreateDescriptorPool")
}

fn allocate_sets(ctx: &Context, pool: vk::DescriptorPool, layouts: &[vk::DescriptorSetLayout]) -> Result<Vec<vk::DescriptorSet>, vk::Result> {
    let info = vk::DescriptorSetAllocateInfo::default().descriptor_pool(pool).set_layouts(layouts);
    // SAFETY: live pool and layouts.
    unsafe { ctx.device.allocate_descriptor_sets(&info) }
}

fn shader_module(ctx: &Context, words: &[u32]) -> vk::ShaderModule {
    let info = vk::ShaderModuleCreateInfo::default().code(words);
    // SAFETY: `words` is the code; softvk parses it when a pipeline is made.
    unsafe { ctx.device.create_shader_module(&info, None) }.expect("vkCreateShaderModule")
}

/// Creates a compute pipeline through the raw entry point and checks that a failure
/// leaves a null handle (spec: "Multiple Pipeline Creation").
fn compute_pipeline(
    ctx: &Context,
    module: vk::ShaderModule,
    layout: vk::PipelineLayout,
    entry: &CStr,
    spec: Option<&vk::SpecializationInfo>,
) -> Result<vk::Pipeline, vk::Result> {
    let mut stage = vk::PipelineShaderStageCreateInfo::default().stage(vk::ShaderStageFlags::COMPUTE).module(module).name(entry);
    if let Some(spec) = spec {
        stage = stage.specialization_info(spec);
    }
    let info = vk::ComputePipelineCreateInfo::default().stage(stage).layout(layout);
    compute_pipeline_from(ctx, &info)
}

fn compute_pipeline_from(ctx: &Context, info: &vk::ComputePipelineCreateInfo) -> Result<vk::Pipeline, vk::Result> {
    let mut pipeline = vk::Pipeline::from_raw(0xdead_beef);
    // SAFETY: one create info, one output handle.
    let code = unsafe {
        (ctx.device.fp_v1_0().create_compute_pipelines)(ctx.device.handle(), vk::PipelineCache::null(), 1, info, std::ptr::null(), &mut pipeline)
    };
    if code == vk::Result::SUCCESS {
        Ok(pipeline)
    } else {
        assert_eq!(pipeline, vk::Pipeline::null(), "a pipeline that failed ({code:?}) must be a null handle");
        Err(code)
    }
}

/// Builds a pipeline from `words` (entry "main") against a layout with the bindings saxpy
/// uses, and expects softvk to refuse it.
#[track_caller]
fn pipeline_fails(ctx: &Context, words: &[u32], what: &str) {
    let set_layout = set_layout(ctx, &storage_bindings(2, vk::DescriptorType::STORAGE_BUFFER));
    let layout = pipeline_layout(ctx, &[set_layout], 8);
    let module = shader_module(ctx, words);
    let result = compute_pipeline(ctx, module, layout, c"main", None);
    // SAFETY: nothing uses the objects.
    unsafe {
        if let Ok(pipeline) = result {
            ctx.device.destroy_pipeline(pipeline, None);
        }
        ctx.device.destroy_shader_module(module, None);
        ctx.device.destroy_pipeline_layout(layout, None);
        ctx.device.destroy_descriptor_set_layout(set_layout, None);
    }
    expect_err(result, what);
}

/// saxpy (tests/shaders/saxpy.comp) ready to dispatch: its pipeline, and a set with its two
/// storage buffers.
struct Saxpy<'a> {
    ctx: &'a Context,
    set_layout: vk::DescriptorSetLayout,
    layout: vk::PipelineLayout,
    module: vk::ShaderModule,
    pipeline: vk::Pipeline,
    pool: vk::DescriptorPool,
    set: vk::DescriptorSet,
    buffers: [HostBuffer; 2],
}

impl<'a> Saxpy<'a> {
    fn new(ctx: &'a Context) -> Saxpy<'a> {
        let set_layout = set_layout(ctx, &storage_bindings(2, vk::DescriptorType::STORAGE_BUFFER));
        let layout = pipeline_layout(ctx, &[set_layout], 8);
        let module = shader_module(ctx, &spirv("saxpy"));
        let pipeline = compute_pipeline(ctx, module, layout, c"main", None).expect("the saxpy pipeline");
        let pool = pool(ctx, 1, 4, vk::DescriptorPoolCreateFlags::empty());
        let set = allocate_sets(ctx, pool, &[set_layout]).expect("a set")[0];
        let usage = vk::BufferUsageFlags::STORAGE_BUFFER | vk::BufferUsageFlags::TRANSFER_DST | vk::BufferUsageFlags::INDIRECT_BUFFER;
        let buffers = [ctx.create_buffer(256, usage), ctx.create_buffer(256, usage)];
        for (i, b) in buffers.iter().enumerate() {
            b.fill(0);
            let info = [vk::DescriptorBufferInfo { buffer: b.buffer, offset: 0, range: vk::WHOLE_SIZE }];
            let write = vk::WriteDescriptorSet::default()
                .dst_set(set)
                .dst_binding(i as u32)
                .descriptor_type(vk::DescriptorType::STORAGE_BUFFER)
                .buffer_info(&info);
            // SAFETY: a valid write into a live set.
            unsafe { ctx.device.update_descriptor_sets(&[write], &[]) };
        }
        Saxpy { ctx, set_layout, layout, module, pipeline, pool, set, buffers }
    }

    /// Binds the pipeline and the set.
    fn bind(&self, cb: vk::CommandBuffer) {
        // SAFETY: cb is recording; the objects are live.
        unsafe {
            self.ctx.device.cmd_bind_pipeline(cb, vk::PipelineBindPoint::COMPUTE, self.pipeline);
            self.ctx.device.cmd_bind_descriptor_sets(cb, vk::PipelineBindPoint::COMPUTE, self.layout, 0, &[self.set], &[]);
        }
    }
}

impl Drop for Saxpy<'_> {
    fn drop(&mut self) {
        // SAFETY: the cases wait for their submissions before dropping.
        unsafe {
            let device = &self.ctx.device;
            device.destroy_descriptor_pool(self.pool, None);
            device.destroy_pipeline(self.pipeline, None);
            device.destroy_shader_module(self.module, None);
            device.destroy_pipeline_layout(self.layout, None);
            device.destroy_descriptor_set_layout(self.set_layout, None);
        }
    }
}

/// An fd number no case opens.
const NOT_OPEN: i32 = 1_000_000;

/// The fd is still open (a failed import leaves it to the application).
fn fd_is_open(fd: i32) -> bool {
    // SAFETY: F_GETFD only reads the descriptor table.
    unsafe { libc::fcntl(fd, libc::F_GETFD) >= 0 }
}

fn close_fd(fd: i32) {
    // SAFETY: the case owns the fd.
    unsafe { libc::close(fd) };
}

/// A pipe's two ends.
fn pipe() -> (i32, i32) {
    let mut fds = [0i32; 2];
    // SAFETY: pipe writes two fds.
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0, "pipe");
    (fds[0], fds[1])
}

fn open_directory() -> i32 {
    let dir = std::fs::File::open(std::env::temp_dir()).expect("the temporary directory");
    dir.into_raw_fd()
}

/// A regular file of 16 bytes, already unlinked.
fn tiny_file() -> i32 {
    let path = std::env::temp_dir().join(format!("softvk-bad-input-{}", std::process::id()));
    std::fs::write(&path, [7u8; 16]).expect("a temporary file");
    let file = std::fs::File::open(&path).expect("open the temporary file");
    let _ = std::fs::remove_file(&path);
    file.into_raw_fd()
}

/// A memfd of `size` bytes sealed against shrinking, as softvk's exports are.
fn sealed_memfd(size: i64) -> i32 {
    // SAFETY: memfd_create reads a NUL-terminated name; ftruncate and fcntl take plain ints.
    unsafe {
        let fd = libc::memfd_create(c"softvk-bad-input".as_ptr(), libc::MFD_ALLOW_SEALING | libc::MFD_CLOEXEC);
        assert!(fd >= 0, "memfd_create");
        assert_eq!(libc::ftruncate(fd, size), 0);
        assert_eq!(libc::fcntl(fd, libc::F_ADD_SEALS, libc::F_SEAL_SHRINK | libc::F_SEAL_SEAL), 0);
        fd
    }
}

fn import_fd_memory(ctx: &Context, fd: i32, size: u64, handle_type: vk::ExternalMemoryHandleTypeFlags) -> Result<vk::DeviceMemory, vk::Result> {
    let mut import = vk::ImportMemoryFdInfoKHR::default().handle_type(handle_type).fd(fd);
    let info = vk::MemoryAllocateInfo::default().allocation_size(size).memory_type_index(0).push_next(&mut import);
    // SAFETY: the chain outlives the call; the fd is the case's.
    unsafe { ctx.device.allocate_memory(&info, None) }
}

/// Imports `fd` as OPAQUE_FD memory, expects INVALID_EXTERNAL_HANDLE and that the fd stays
/// the application's, then closes it.
#[track_caller]
fn bogus_memory_import(ctx: &Context, fd: i32, size: u64, what: &str) {
    let result = import_fd_memory(ctx, fd, size, vk::ExternalMemoryHandleTypeFlags::OPAQUE_FD);
    expect_code(result, vk::Result::ERROR_INVALID_EXTERNAL_HANDLE, what);
    if fd >= 0 && fd != NOT_OPEN {
        assert!(fd_is_open(fd), "{what}: a failed import closed the application's fd");
        close_fd(fd);
    }
}

fn import_host_pointer(ctx: &Context, pointer: *mut c_void, size: u64) -> Result<vk::DeviceMemory, vk::Result> {
    let mut import = vk::ImportMemoryHostPointerInfoEXT::default()
        .handle_type(vk::ExternalMemoryHandleTypeFlags::HOST_ALLOCATION_EXT)
        .host_pointer(pointer);
    let info = vk::MemoryAllocateInfo::default().allocation_size(size).memory_type_index(0).push_next(&mut import);
    // SAFETY: the chain outlives the call; softvk refuses the pointer before touching it.
    unsafe { ctx.device.allocate_memory(&info, None) }
}

/// VK_KHR_timeline_semaphore's commands (the device is 1.1: the core 1.2 names are not
/// there).
fn timeline_fns(ctx: &Context) -> ash::khr::timeline_semaphore::Device {
    ctx.load_device_functions(ash::khr::timeline_semaphore::Device::new)
}

/// vkResetQueryPoolEXT (VK_EXT_host_query_reset; ash has no wrapper for it).
fn host_reset(ctx: &Context, pool: vk::QueryPool, first: u32, count: u32) {
    let functions = ctx.load_device_functions(ash::ext::host_query_reset::Device::new);
    // SAFETY: a live pool; the range is what is tested.
    unsafe { (functions.fp().reset_query_pool_ext)(ctx.device.handle(), pool, first, count) }
}

fn semaphore_fd(ctx: &Context) -> ash::khr::external_semaphore_fd::Device {
    ctx.load_device_functions(ash::khr::external_semaphore_fd::Device::new)
}

fn fence_fd(ctx: &Context) -> ash::khr::external_fence_fd::Device {
    ctx.load_device_functions(ash::khr::external_fence_fd::Device::new)
}

fn timeline(ctx: &Context, initial: u64) -> vk::Semaphore {
    let mut kind = vk::SemaphoreTypeCreateInfo::default().semaphore_type(vk::SemaphoreType::TIMELINE).initial_value(initial);
    ctx.owned_semaphore(&vk::SemaphoreCreateInfo::default().push_next(&mut kind))
}

fn binary(ctx: &Context) -> vk::Semaphore {
    ctx.owned_semaphore(&vk::SemaphoreCreateInfo::default())
}

/// A second device of the context's physical device, with one queue.
fn second_device(ctx: &Context) -> ash::Device {
    let priorities = [1.0f32];
    let queues = [vk::DeviceQueueCreateInfo::default().queue_family_index(0).queue_priorities(&priorities)];
    let info = vk::DeviceCreateInfo::default().queue_create_infos(&queues);
    try_device(ctx, &info).expect("a second device")
}

fn try_device(ctx: &Context, info: &vk::DeviceCreateInfo) -> Result<ash::Device, vk::Result> {
    let _guard = softvk_tests::loader_guard();
    // SAFETY: the create info is valid as a struct; its values are what is tested.
    unsafe { ctx.instance.create_device(ctx.physical_device, info, None) }
}

fn destroy_device(device: ash::Device) {
    let _guard = softvk_tests::loader_guard();
    // SAFETY: the case is done with the device (pending work included, on purpose).
    unsafe { device.destroy_device(None) };
}

/// Expects vkCreateDevice to refuse `info` with `code`.
#[track_caller]
fn device_refused(ctx: &Context, info: &vk::DeviceCreateInfo, code: vk::Result, what: &str) {
    match try_device(ctx, info) {
        Ok(device) => {
            destroy_device(device);
            panic!("{what}: softvk created the device");
        }
        Err(got) => assert_eq!(got, code, "{what}"),
    }
}

/// Submits nothing but a fence on `device`'s queue and waits: the device still works.
fn device_still_works(device: &ash::Device) {
    // SAFETY: a fence, an empty submission and a wait on a live device.
    unsafe {
        let queue = device.get_device_queue(0, 0);
        let fence = device.create_fence(&vk::FenceCreateInfo::default(), None).expect("vkCreateFence");
        device.queue_submit(queue, &[], fence).expect("an empty submission");
        device.wait_for_fences(&[fence], true, FENCE_TIMEOUT_NS).expect("the fence of an empty submission");
        device.destroy_fence(fence, None);
    }
}

/// Virtual memory this process uses now, in bytes (VmSize), to see that nothing large
/// was allocated.
fn address_space_in_use() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kib = status
        .lines()
        .find_map(|l| l.strip_prefix("VmSize:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .unwrap_or(0);
    kib * 1024
}

#[track_caller]
fn timed(what: &str, body: impl FnOnce()) {
    let started = Instant::now();
    body();
    let took = started.elapsed();
    assert!(took < FAST_ENOUGH, "{what} took {took:?} (more than {FAST_ENOUGH:?})");
}

// ---------------------------------------------------------------------------------------
// The cases, by object
// ---------------------------------------------------------------------------------------

const CASES: &[Case] = &[
    // memory
    ("memory_size_zero", memory_size_zero),
    ("memory_size_u64_max", memory_size_u64_max),
    ("memory_size_2_pow_63", memory_size_2_pow_63),
    ("memory_size_heap_plus_one", memory_size_heap_plus_one),
    ("memory_size_half_heap_fails_cleanly", memory_size_half_heap_fails_cleanly),
    ("memory_type_index_out_of_range", memory_type_index_out_of_range),
    ("memory_map_offset_past_end", memory_map_offset_past_end),
    ("memory_map_size_past_end", memory_map_size_past_end),
    ("memory_map_size_zero", memory_map_size_zero),
    ("memory_map_twice", memory_map_twice),
    ("memory_flush_range_past_end", memory_flush_range_past_end),
    ("memory_invalidate_range_past_end", memory_invalidate_range_past_end),
    ("memory_flush_unmapped", memory_flush_unmapped),
    ("memory_flush_null_memory", memory_flush_null_memory),
    ("memory_import_fd_minus_one", memory_import_fd_minus_one),
    ("memory_import_fd_not_open", memory_import_fd_not_open),
    ("memory_import_pipe", memory_import_pipe),
    ("memory_import_directory", memory_import_directory),
    ("memory_import_tiny_file", memory_import_tiny_file),
    ("memory_import_memfd_smaller_than_allocation", memory_import_memfd_smaller_than_allocation),
    ("memory_import_fd_wrong_handle_type", memory_import_fd_wrong_handle_type),
    ("memory_export_unsupported_handle_type", memory_export_unsupported_handle_type),
    ("memory_get_fd_of_unexportable_memory", memory_get_fd_of_unexportable_memory),
    ("memory_import_host_pointer_misaligned", memory_import_host_pointer_misaligned),
    ("memory_import_host_pointer_null", memory_import_host_pointer_null),
    // buffers and buffer views
    ("buffer_size_zero", buffer_size_zero),
    ("buffer_size_u64_max", buffer_size_u64_max),
    ("buffer_size_heap_plus_one", buffer_size_heap_plus_one),
    ("buffer_usage_zero", buffer_usage_zero),
    ("buffer_usage_unknown_bits", buffer_usage_unknown_bits),
    ("buffer_sparse_flags", buffer_sparse_flags),
    ("buffer_flags_garbage", buffer_flags_garbage),
    ("buffer_sharing_mode_garbage", buffer_sharing_mode_garbage),
    ("buffer_bind_offset_past_memory", buffer_bind_offset_past_memory),
    ("buffer_bind_memory_too_small", buffer_bind_memory_too_small),
    ("buffer_bind_misaligned", buffer_bind_misaligned),
    ("buffer_bind_twice", buffer_bind_twice),
    ("buffer_bind2_bad_entry", buffer_bind2_bad_entry),
    ("buffer_bind_null_memory", buffer_bind_null_memory),
    ("buffer_view_huge_range", buffer_view_huge_range),
    ("buffer_view_offset_past_end", buffer_view_offset_past_end),
    ("buffer_view_range_not_whole_texels", buffer_view_range_not_whole_texels),
    ("buffer_view_misaligned_offset", buffer_view_misaligned_offset),
    ("buffer_view_unknown_format", buffer_view_unknown_format),
    ("buffer_view_too_many_texels", buffer_view_too_many_texels),
    ("buffer_view_without_texel_usage", buffer_view_without_texel_usage),
    ("buffer_view_unbound_buffer", buffer_view_unbound_buffer),
    ("buffer_view_null_buffer", buffer_view_null_buffer),
    // images and image views
    ("image_zero_extent", image_zero_extent),
    ("image_huge_extent", image_huge_extent),
    ("image_mip_levels", image_mip_levels),
    ("image_array_layers", image_array_layers),
    ("image_1d_with_height", image_1d_with_height),
    ("image_2d_with_depth", image_2d_with_depth),
    ("image_3d_with_layers", image_3d_with_layers),
    ("image_type_garbage", image_type_garbage),
    ("image_unknown_format", image_unknown_format),
    ("image_usage_the_format_lacks", image_usage_the_format_lacks),
    ("image_usage_zero", image_usage_zero),
    ("image_usage_unknown_bits", image_usage_unknown_bits),
    ("image_samples", image_samples),
    ("image_tiling_garbage", image_tiling_garbage),
    ("image_flags_garbage", image_flags_garbage),
    ("image_initial_layout_garbage", image_initial_layout_garbage),
    ("image_sharing_mode_garbage", image_sharing_mode_garbage),
    ("image_cube_not_square", image_cube_not_square),
    ("image_larger_than_the_heap", image_larger_than_the_heap),
    ("image_bind_past_memory", image_bind_past_memory),
    ("image_bind_twice", image_bind_twice),
    ("image_subresource_layout_out_of_range", image_subresource_layout_out_of_range),
    ("image_view_mips_past_the_image", image_view_mips_past_the_image),
    ("image_view_layers_past_the_image", image_view_layers_past_the_image),
    ("image_view_wrong_aspect", image_view_wrong_aspect),
    ("image_view_incompatible_format", image_view_incompatible_format),
    ("image_view_type_mismatch", image_view_type_mismatch),
    ("image_view_swizzle_garbage", image_view_swizzle_garbage),
    ("image_view_unbound_image", image_view_unbound_image),
    ("image_view_null_image", image_view_null_image),
    // samplers
    ("sampler_nan_lod", sampler_nan_lod),
    ("sampler_infinite_lod", sampler_infinite_lod),
    ("sampler_max_lod_below_min_lod", sampler_max_lod_below_min_lod),
    ("sampler_huge_anisotropy", sampler_huge_anisotropy),
    ("sampler_unknown_enums", sampler_unknown_enums),
    ("sampler_unnormalized_with_mipmaps", sampler_unnormalized_with_mipmaps),
    // descriptor set layouts, pools, sets, updates and templates
    ("set_layout_descriptor_count_u32_max", set_layout_descriptor_count_u32_max),
    ("set_layout_million_bindings", set_layout_million_bindings),
    ("set_layout_duplicate_bindings", set_layout_duplicate_bindings),
    ("set_layout_unknown_descriptor_type", set_layout_unknown_descriptor_type),
    ("set_layout_flags_garbage", set_layout_flags_garbage),
    ("set_layout_null_immutable_sampler", set_layout_null_immutable_sampler),
    ("pool_max_sets_zero", pool_max_sets_zero),
    ("pool_max_sets_u32_max_allocates_nothing_upfront", pool_max_sets_u32_max_allocates_nothing_upfront),
    ("pool_allocate_more_sets_than_max_sets", pool_allocate_more_sets_than_max_sets),
    ("pool_allocate_more_descriptors_than_the_pool", pool_allocate_more_descriptors_than_the_pool),
    ("pool_allocate_null_layout", pool_allocate_null_layout),
    ("pool_100k_sets_allocate_free_reset", pool_100k_sets_allocate_free_reset),
    ("pool_free_without_free_flag", pool_free_without_free_flag),
    ("pool_free_set_of_another_pool", pool_free_set_of_another_pool),
    ("update_array_element_past_the_end", update_array_element_past_the_end),
    ("update_descriptor_count_huge", update_descriptor_count_huge),
    ("update_wrong_descriptor_type", update_wrong_descriptor_type),
    ("update_null_infos", update_null_infos),
    ("update_unknown_binding_and_null_set", update_unknown_binding_and_null_set),
    ("update_buffer_offset_past_the_buffer", update_buffer_offset_past_the_buffer),
    ("update_copy_past_the_end", update_copy_past_the_end),
    ("template_entries_past_the_end", template_entries_past_the_end),
    ("template_entry_wrong_type", template_entry_wrong_type),
    ("template_type_garbage", template_type_garbage),
    ("template_apply_null_data", template_apply_null_data),
    // pipeline layouts
    ("pipeline_layout_100_set_layouts", pipeline_layout_100_set_layouts),
    ("pipeline_layout_null_set_layout", pipeline_layout_null_set_layout),
    ("pipeline_layout_push_constants_past_256", pipeline_layout_push_constants_past_256),
    ("pipeline_layout_push_constants_malformed", pipeline_layout_push_constants_malformed),
    // shader modules, compute pipelines and pipeline caches
    ("shader_module_code_size_zero", shader_module_code_size_zero),
    ("shader_module_code_size_not_a_multiple_of_4", shader_module_code_size_not_a_multiple_of_4),
    ("shader_module_300_mib", shader_module_300_mib),
    ("shader_module_garbage_words", shader_module_garbage_words),
    ("shader_module_valid_header_garbage_body", shader_module_valid_header_garbage_body),
    ("shader_module_header_only", shader_module_header_only),
    ("shader_module_wrong_magic", shader_module_wrong_magic),
    ("shader_module_huge_id_bound", shader_module_huge_id_bound),
    ("shader_module_truncated", shader_module_truncated),
    ("shader_module_instruction_word_count_zero", shader_module_instruction_word_count_zero),
    ("pipeline_wrong_entry_name", pipeline_wrong_entry_name),
    ("pipeline_wrong_stage", pipeline_wrong_stage),
    ("pipeline_null_module_and_name", pipeline_null_module_and_name),
    ("pipeline_layout_lacks_the_shaders_bindings", pipeline_layout_lacks_the_shaders_bindings),
    ("pipeline_layout_lacks_the_push_constants", pipeline_layout_lacks_the_push_constants),
    ("pipeline_specialization_past_data", pipeline_specialization_past_data),
    ("pipeline_workgroup_past_the_limits", pipeline_workgroup_past_the_limits),
    ("pipeline_workgroup_specialized_past_the_limits", pipeline_workgroup_specialized_past_the_limits),
    ("pipeline_cache_garbage_data", pipeline_cache_garbage_data),
    ("pipeline_cache_another_drivers_header", pipeline_cache_another_drivers_header),
    ("pipeline_cache_truncated_entry", pipeline_cache_truncated_entry),
    ("pipeline_cache_huge_entry_count", pipeline_cache_huge_entry_count),
    ("pipeline_cache_hostile_entries", pipeline_cache_hostile_entries),
    ("pipeline_cache_get_data_small_sizes", pipeline_cache_get_data_small_sizes),
    ("pipeline_cache_merge_into_itself", pipeline_cache_merge_into_itself),
    // command pools and command buffers
    ("command_pool_queue_family_5", command_pool_queue_family_5),
    ("command_buffers_100k_allocate_and_free", command_buffers_100k_allocate_and_free),
    ("command_buffer_begin_twice", command_buffer_begin_twice),
    ("command_buffer_end_without_begin", command_buffer_end_without_begin),
    ("command_buffer_submit_secondary", command_buffer_submit_secondary),
    ("command_buffer_execute_a_primary", command_buffer_execute_a_primary),
    ("command_buffer_submit_in_initial_state", command_buffer_submit_in_initial_state),
    ("command_buffer_record_when_not_recording", command_buffer_record_when_not_recording),
    ("command_buffer_level_garbage", command_buffer_level_garbage),
    ("command_buffer_free_of_another_pool", command_buffer_free_of_another_pool),
    // transfer commands
    ("copy_buffer_regions_past_the_end", copy_buffer_regions_past_the_end),
    ("copy_buffer_overlapping", copy_buffer_overlapping),
    ("copy_buffer_null_buffers", copy_buffer_null_buffers),
    ("copy_image_regions_past_the_end", copy_image_regions_past_the_end),
    ("transfer_layers_past_the_image", transfer_layers_past_the_image),
    ("copy_image_overlapping", copy_image_overlapping),
    ("copy_buffer_to_image_regions_past_the_end", copy_buffer_to_image_regions_past_the_end),
    ("copy_image_to_buffer_regions_past_the_end", copy_image_to_buffer_regions_past_the_end),
    ("blit_regions_past_the_end", blit_regions_past_the_end),
    ("blit_filter_garbage", blit_filter_garbage),
    ("clear_color_ranges_past_the_image", clear_color_ranges_past_the_image),
    ("clear_color_of_a_depth_image", clear_color_of_a_depth_image),
    ("clear_depth_stencil_of_a_color_image", clear_depth_stencil_of_a_color_image),
    ("fill_buffer_past_the_end", fill_buffer_past_the_end),
    ("fill_buffer_misaligned", fill_buffer_misaligned),
    ("update_buffer_bad_sizes", update_buffer_bad_sizes),
    ("update_buffer_past_the_end", update_buffer_past_the_end),
    // compute commands: pipelines, descriptor sets, push constants, dispatches
    ("dispatch_without_pipeline", dispatch_without_pipeline),
    ("dispatch_group_counts_past_the_limit", dispatch_group_counts_past_the_limit),
    ("dispatch_base_past_the_limit", dispatch_base_past_the_limit),
    ("dispatch_indirect_offset_past_the_end", dispatch_indirect_offset_past_the_end),
    ("dispatch_indirect_counts_past_the_limit", dispatch_indirect_counts_past_the_limit),
    ("bind_pipeline_wrong", bind_pipeline_wrong),
    ("bind_sets_past_the_layout", bind_sets_past_the_layout),
    ("bind_sets_wrong_dynamic_offset_count", bind_sets_wrong_dynamic_offset_count),
    ("bind_sets_misaligned_dynamic_offset", bind_sets_misaligned_dynamic_offset),
    ("bind_sets_dynamic_offset_past_the_buffer", bind_sets_dynamic_offset_past_the_buffer),
    ("push_constants_past_256", push_constants_past_256),
    // barriers and events
    ("barrier_garbage_stages", barrier_garbage_stages),
    ("barrier_garbage_image_barriers", barrier_garbage_image_barriers),
    ("barrier_garbage_buffer_barriers", barrier_garbage_buffer_barriers),
    ("event_commands_with_null_events", event_commands_with_null_events),
    ("synchronization2_garbage", synchronization2_garbage),
    ("event_never_set_does_not_hang", event_never_set_does_not_hang),
    // queries
    ("query_pool_count_u32_max", query_pool_count_u32_max),
    ("query_pool_count_zero_and_unknown_type", query_pool_count_zero_and_unknown_type),
    ("query_results_past_the_end", query_results_past_the_end),
    ("query_results_bad_stride_and_size", query_results_bad_stride_and_size),
    ("query_results_wait_for_a_query_never_written", query_results_wait_for_a_query_never_written),
    ("query_host_reset_past_the_end", query_host_reset_past_the_end),
    ("query_commands_past_the_end", query_commands_past_the_end),
    // fences, semaphores, events and their fds
    ("submit_waits_on_a_binary_semaphore_nobody_signals", submit_waits_on_a_binary_semaphore_nobody_signals),
    ("timeline_signal_backwards", timeline_signal_backwards),
    ("timeline_submit_signal_backwards", timeline_submit_signal_backwards),
    ("timeline_waits_time_out", timeline_waits_time_out),
    ("wait_semaphores_count_zero_or_binary", wait_semaphores_count_zero_or_binary),
    ("semaphore_create_garbage", semaphore_create_garbage),
    ("wait_for_fences_count_zero", wait_for_fences_count_zero),
    ("wait_for_fences_never_submitted", wait_for_fences_never_submitted),
    ("semaphore_import_bogus_fds", semaphore_import_bogus_fds),
    ("fence_import_bogus_fds", fence_import_bogus_fds),
    ("semaphore_and_fence_export_without_export_info", semaphore_and_fence_export_without_export_info),
    // devices
    ("device_queue_family_5", device_queue_family_5),
    ("device_queue_count_2", device_queue_count_2),
    ("device_queue_priorities_out_of_range", device_queue_priorities_out_of_range),
    ("device_queue_infos_missing_or_repeated", device_queue_infos_missing_or_repeated),
    ("device_unknown_extension", device_unknown_extension),
    ("device_features_not_supported", device_features_not_supported),
    ("device_extended_features_not_supported", device_extended_features_not_supported),
    ("device_queue_that_does_not_exist", device_queue_that_does_not_exist),
    ("two_devices_destroyed_in_either_order", two_devices_destroyed_in_either_order),
    ("device_destroyed_with_pending_work", device_destroyed_with_pending_work),
    ("device_destroyed_with_live_objects", device_destroyed_with_live_objects),
    // WSI
    ("swapchain_extreme_create_infos", swapchain_extreme_create_infos),
    ("present_images_not_acquired", present_images_not_acquired),
    ("acquire_with_every_image_held_and_no_timeout", acquire_with_every_image_held_and_no_timeout),
    ("wait_for_a_present_never_queued", wait_for_a_present_never_queued),
];

/// Cases that fail because of code another engineer owns (see the module docs), with
/// the file where the fix belongs.
const KNOWN_FAILURES: &[(&str, &str)] = &[
];

// ---------------------------------------------------------------------------------------
// Memory
// ---------------------------------------------------------------------------------------

fn memory_size_zero(ctx: &Context) {
    expect_code(ctx.allocate_memory(0, 0), vk::Result::ERROR_OUT_OF_DEVICE_MEMORY, "allocationSize 0");
}

fn memory_size_u64_max(ctx: &Context) {
    expect_code(ctx.allocate_memory(u64::MAX, 0), vk::Result::ERROR_OUT_OF_DEVICE_MEMORY, "allocationSize u64::MAX");
}

fn memory_size_2_pow_63(ctx: &Context) {
    expect_code(ctx.allocate_memory(1 << 63, 0), vk::Result::ERROR_OUT_OF_DEVICE_MEMORY, "allocationSize 2^63");
}

fn memory_size_heap_plus_one(ctx: &Context) {
    let size = heap_size(ctx) + 1;
    expect_code(ctx.allocate_memory(size, 0), vk::Result::ERROR_OUT_OF_DEVICE_MEMORY, "more than the heap");
}

/// Half the heap passes the size check but not the child's address-space limit: the
/// failure to map must come back as an error, not an abort.
fn memory_size_half_heap_fails_cleanly(ctx: &Context) {
    let size = (heap_size(ctx) / 2).max(ADDRESS_SPACE_LIMIT + 4096);
    expect_code(ctx.allocate_memory(size, 0), vk::Result::ERROR_OUT_OF_DEVICE_MEMORY, "more than the process may map");
}

fn memory_type_index_out_of_range(ctx: &Context) {
    for index in [1, 31, 32, u32::MAX] {
        expect_code(ctx.allocate_memory(4096, index), vk::Result::ERROR_OUT_OF_DEVICE_MEMORY, "memory type index");
    }
}

fn map(ctx: &Context, memory: vk::DeviceMemory, offset: u64, size: u64) -> Result<*mut c_void, vk::Result> {
    // SAFETY: the memory is the case's; invalid ranges are refused before a pointer is made.
    unsafe { ctx.device.map_memory(memory, offset, size, vk::MemoryMapFlags::empty()) }
}

fn memory_map_offset_past_end(ctx: &Context) {
    let memory = allocate(ctx, 4096);
    for offset in [4096, 1 << 40, u64::MAX] {
        expect_code(map(ctx, memory, offset, vk::WHOLE_SIZE), vk::Result::ERROR_MEMORY_MAP_FAILED, "offset past the end");
    }
    free(ctx, memory);
}

fn memory_map_size_past_end(ctx: &Context) {
    let memory = allocate(ctx, 4096);
    for (offset, size) in [(0, 4097), (1, 4096), (4095, 2), (1, u64::MAX - 1), (u64::MAX - 1, 2)] {
        expect_code(map(ctx, memory, offset, size), vk::Result::ERROR_MEMORY_MAP_FAILED, "range past the end");
    }
    free(ctx, memory);
}

fn memory_map_size_zero(ctx: &Context) {
    let memory = allocate(ctx, 4096);
    expect_code(map(ctx, memory, 0, 0), vk::Result::ERROR_MEMORY_MAP_FAILED, "a mapping of 0 bytes");
    free(ctx, memory);
}

fn memory_map_twice(ctx: &Context) {
    let memory = allocate(ctx, 4096);
    map(ctx, memory, 0, vk::WHOLE_SIZE).expect("the first map");
    expect_code(map(ctx, memory, 0, 16), vk::Result::ERROR_MEMORY_MAP_FAILED, "mapping twice");
    // SAFETY: mapped above.
    unsafe { ctx.device.unmap_memory(memory) };
    free(ctx, memory);
}

fn ranges_check(ctx: &Context, flush: bool, ranges: &[(u64, u64)], mapped: bool) {
    let memory = allocate(ctx, 4096);
    if mapped {
        map(ctx, memory, 0, vk::WHOLE_SIZE).expect("map");
    }
    for &(offset, size) in ranges {
        let range = [vk::MappedMemoryRange::default().memory(memory).offset(offset).size(size)];
        // SAFETY: the ranges are invalid on purpose; softvk only checks them.
        let result = unsafe {
            if flush {
                ctx.device.flush_mapped_memory_ranges(&range)
            } else {
                ctx.device.invalidate_mapped_memory_ranges(&range)
            }
        };
        expect_err(result, &format!("range {offset}+{size} of 4096 bytes (mapped: {mapped})"));
    }
    if mapped {
        // SAFETY: mapped above.
        unsafe { ctx.device.unmap_memory(memory) };
    }
    free(ctx, memory);
}

const BAD_RANGES: &[(u64, u64)] = &[(0, 4097), (4096, 64), (4096, vk::WHOLE_SIZE), (u64::MAX - 63, 64), (64, u64::MAX - 1)];

fn memory_flush_range_past_end(ctx: &Context) {
    ranges_check(ctx, true, BAD_RANGES, true);
}

fn memory_invalidate_range_past_end(ctx: &Context) {
    ranges_check(ctx, false, BAD_RANGES, true);
}

fn memory_flush_unmapped(ctx: &Context) {
    ranges_check(ctx, true, &[(0, vk::WHOLE_SIZE), (0, 64)], false);
}

fn memory_flush_null_memory(ctx: &Context) {
    let range = [vk::MappedMemoryRange::default().offset(0).size(vk::WHOLE_SIZE)];
    // SAFETY: invalid on purpose: a null memory handle.
    expect_err(unsafe { ctx.device.flush_mapped_memory_ranges(&range) }, "a null memory");
}

fn memory_import_fd_minus_one(ctx: &Context) {
    bogus_memory_import(ctx, -1, 4096, "fd -1");
}

fn memory_import_fd_not_open(ctx: &Context) {
    bogus_memory_import(ctx, NOT_OPEN, 4096, "an fd number that is not open");
}

fn memory_import_pipe(ctx: &Context) {
    let (read, write) = pipe();
    bogus_memory_import(ctx, read, 4096, "a pipe");
    close_fd(write);
}

fn memory_import_directory(ctx: &Context) {
    bogus_memory_import(ctx, open_directory(), 4096, "a directory");
}

fn memory_import_tiny_file(ctx: &Context) {
    bogus_memory_import(ctx, tiny_file(), 4096, "a 16-byte file");
}

fn memory_import_memfd_smaller_than_allocation(ctx: &Context) {
    bogus_memory_import(ctx, sealed_memfd(16), 4096, "a sealed 16-byte memfd for 4096 bytes");
}

fn memory_import_fd_wrong_handle_type(ctx: &Context) {
    let fd = sealed_memfd(4096);
    for handle_type in [vk::ExternalMemoryHandleTypeFlags::DMA_BUF_EXT, vk::ExternalMemoryHandleTypeFlags::from_raw(0x4000_0000)] {
        let result = import_fd_memory(ctx, fd, 4096, handle_type);
        expect_code(result, vk::Result::ERROR_INVALID_EXTERNAL_HANDLE, "an fd import of another handle type");
        assert!(fd_is_open(fd), "a failed import closed the fd");
    }
    close_fd(fd);
}

fn memory_export_unsupported_handle_type(ctx: &Context) {
    let mut export = vk::ExportMemoryAllocateInfo::default().handle_types(vk::ExternalMemoryHandleTypeFlags::DMA_BUF_EXT);
    let info = vk::MemoryAllocateInfo::default().allocation_size(4096).memory_type_index(0).push_next(&mut export);
    // SAFETY: the chain outlives the call.
    let result = unsafe { ctx.device.allocate_memory(&info, None) };
    expect_code(result, vk::Result::ERROR_INVALID_EXTERNAL_HANDLE, "export as DMA_BUF");
}

fn memory_get_fd_of_unexportable_memory(ctx: &Context) {
    let memory = allocate(ctx, 4096);
    let functions = ctx.load_device_functions(ash::khr::external_memory_fd::Device::new);
    for handle_type in [vk::ExternalMemoryHandleTypeFlags::OPAQUE_FD, vk::ExternalMemoryHandleTypeFlags::DMA_BUF_EXT] {
        let info = vk::MemoryGetFdInfoKHR::default().memory(memory).handle_type(handle_type);
        // SAFETY: invalid on purpose: the memory was not allocated exportable.
        let result = unsafe { functions.get_memory_fd(&info) };
        if let Ok(fd) = result {
            close_fd(fd);
        }
        expect_code(result, vk::Result::ERROR_INVALID_EXTERNAL_HANDLE, "an fd of memory that is not exportable");
    }
    free(ctx, memory);
}

fn memory_import_host_pointer_misaligned(ctx: &Context) {
    let mut bytes = vec![0u8; 3 * 4096];
    let aligned = bytes.as_mut_ptr().wrapping_add(4096 - bytes.as_ptr() as usize % 4096);
    let result = import_host_pointer(ctx, aligned.wrapping_add(1) as *mut c_void, 4096);
    expect_code(result, vk::Result::ERROR_INVALID_EXTERNAL_HANDLE, "a host pointer one byte past a page");
    let result = import_host_pointer(ctx, aligned as *mut c_void, 100);
    expect_code(result, vk::Result::ERROR_INVALID_EXTERNAL_HANDLE, "a host allocation of 100 bytes");
}

fn memory_import_host_pointer_null(ctx: &Context) {
    let result = import_host_pointer(ctx, std::ptr::null_mut(), 4096);
    expect_code(result, vk::Result::ERROR_INVALID_EXTERNAL_HANDLE, "a null host pointer");
}

// ---------------------------------------------------------------------------------------
// Buffers and buffer views
// ---------------------------------------------------------------------------------------

fn buffer_size_zero(ctx: &Context) {
    expect_err(create_buffer(ctx, &buffer_info(0)), "size 0");
}

fn buffer_size_u64_max(ctx: &Context) {
    for size in [u64::MAX, u64::MAX - 63, 1 << 63] {
        expect_err(create_buffer(ctx, &buffer_info(size)), "a buffer no memory can hold");
    }
}

fn buffer_size_heap_plus_one(ctx: &Context) {
    expect_err(create_buffer(ctx, &buffer_info(heap_size(ctx) + 1)), "a buffer larger than the heap");
}

fn buffer_usage_zero(ctx: &Context) {
    expect_err(create_buffer(ctx, &buffer_info(64).usage(vk::BufferUsageFlags::empty())), "usage 0");
}

fn buffer_usage_unknown_bits(ctx: &Context) {
    let usage = vk::BufferUsageFlags::from_raw(0x8000_0000 | vk::BufferUsageFlags::TRANSFER_DST.as_raw());
    expect_err(create_buffer(ctx, &buffer_info(64).usage(usage)), "a usage bit no extension of softvk's defines");
}

fn buffer_sparse_flags(ctx: &Context) {
    for flags in [vk::BufferCreateFlags::SPARSE_BINDING, vk::BufferCreateFlags::SPARSE_RESIDENCY, vk::BufferCreateFlags::SPARSE_ALIASED] {
        expect_err(create_buffer(ctx, &buffer_info(64).flags(flags)), "a sparse buffer");
    }
}

fn buffer_flags_garbage(ctx: &Context) {
    for flags in [vk::BufferCreateFlags::PROTECTED, vk::BufferCreateFlags::from_raw(0xffff_0000)] {
        expect_err(create_buffer(ctx, &buffer_info(64).flags(flags)), "flags softvk does not support");
    }
}

fn buffer_sharing_mode_garbage(ctx: &Context) {
    expect_err(create_buffer(ctx, &buffer_info(64).sharing_mode(vk::SharingMode::from_raw(12345))), "sharing mode 12345");
}

fn bind_buffer(ctx: &Context, buffer_size: u64, memory_size: u64, offset: u64) -> Result<(), vk::Result> {
    let buffer = create_buffer(ctx, &buffer_info(buffer_size)).expect("vkCreateBuffer");
    let memory = allocate(ctx, memory_size);
    // SAFETY: live objects; the offset is what is tested.
    let result = unsafe { ctx.device.bind_buffer_memory(buffer, memory, offset) };
    // SAFETY: nothing uses them.
    unsafe { ctx.device.destroy_buffer(buffer, None) };
    free(ctx, memory);
    result
}

fn buffer_bind_offset_past_memory(ctx: &Context) {
    for offset in [4096, 1 << 40, u64::MAX - 63] {
        expect_err(bind_buffer(ctx, 64, 4096, offset), "a bind past the end of the memory");
    }
}

fn buffer_bind_memory_too_small(ctx: &Context) {
    expect_err(bind_buffer(ctx, 8192, 4096, 0), "a buffer larger than its memory");
    expect_err(bind_buffer(ctx, 4096, 4096, 64), "a buffer that runs past the memory's end");
}

fn buffer_bind_misaligned(ctx: &Context) {
    for offset in [1, 4, 63] {
        expect_err(bind_buffer(ctx, 64, 4096, offset), "an offset that breaks the alignment");
    }
}

fn buffer_bind_twice(ctx: &Context) {
    let buffer = create_buffer(ctx, &buffer_info(64)).expect("vkCreateBuffer");
    let memory = allocate(ctx, 4096);
    // SAFETY: live objects; the second bind is invalid on purpose.
    unsafe {
        ctx.device.bind_buffer_memory(buffer, memory, 0).expect("the first bind");
        expect_err(ctx.device.bind_buffer_memory(buffer, memory, 64), "binding a bound buffer");
        ctx.device.destroy_buffer(buffer, None);
    }
    free(ctx, memory);
}

fn buffer_bind2_bad_entry(ctx: &Context) {
    let buffer = create_buffer(ctx, &buffer_info(64)).expect("vkCreateBuffer");
    let memory = allocate(ctx, 4096);
    let infos = [vk::BindBufferMemoryInfo::default().buffer(buffer).memory(memory).memory_offset(1 << 20)];
    // SAFETY: live objects; the offset is invalid on purpose.
    unsafe {
        expect_err(ctx.device.bind_buffer_memory2(&infos), "vkBindBufferMemory2 past the end");
        ctx.device.destroy_buffer(buffer, None);
    }
    free(ctx, memory);
}

fn buffer_bind_null_memory(ctx: &Context) {
    let buffer = create_buffer(ctx, &buffer_info(64)).expect("vkCreateBuffer");
    // SAFETY: invalid on purpose: a null memory handle.
    unsafe {
        expect_err(ctx.device.bind_buffer_memory(buffer, vk::DeviceMemory::null(), 0), "a null memory");
        ctx.device.destroy_buffer(buffer, None);
    }
}

fn texel_buffer(ctx: &Context, size: u64) -> HostBuffer {
    ctx.create_buffer(size, vk::BufferUsageFlags::UNIFORM_TEXEL_BUFFER | vk::BufferUsageFlags::STORAGE_TEXEL_BUFFER)
}

fn buffer_view(ctx: &Context, buffer: vk::Buffer, format: vk::Format, offset: u64, range: u64) -> Result<vk::BufferView, vk::Result> {
    let info = vk::BufferViewCreateInfo::default().buffer(buffer).format(format).offset(offset).range(range);
    // SAFETY: the create info is valid as a struct; its values are what is tested.
    unsafe { ctx.device.create_buffer_view(&info, None) }
}

fn buffer_view_huge_range(ctx: &Context) {
    let buffer = texel_buffer(ctx, 256);
    for range in [u64::MAX - 3, 1 << 40, 260] {
        expect_err(buffer_view(ctx, buffer.buffer, vk::Format::R32_UINT, 0, range), "a view past the buffer");
    }
}

fn buffer_view_offset_past_end(ctx: &Context) {
    let buffer = texel_buffer(ctx, 256);
    for (offset, range) in [(256, vk::WHOLE_SIZE), (1 << 40, 16), (u64::MAX - 15, 16), (u64::MAX - 15, vk::WHOLE_SIZE)] {
        expect_err(buffer_view(ctx, buffer.buffer, vk::Format::R32_UINT, offset, range), "an offset past the buffer");
    }
}

fn buffer_view_range_not_whole_texels(ctx: &Context) {
    let buffer = texel_buffer(ctx, 256);
    expect_err(buffer_view(ctx, buffer.buffer, vk::Format::R32_UINT, 0, 6), "6 bytes of 4-byte texels");
    expect_err(buffer_view(ctx, buffer.buffer, vk::Format::R32_UINT, 0, 0), "a range of 0");
}

fn buffer_view_misaligned_offset(ctx: &Context) {
    let buffer = texel_buffer(ctx, 256);
    expect_err(buffer_view(ctx, buffer.buffer, vk::Format::R32_UINT, 4, 16), "offset 4 (minTexelBufferOffsetAlignment 16)");
}

fn buffer_view_unknown_format(ctx: &Context) {
    let buffer = texel_buffer(ctx, 256);
    for format in [vk::Format::UNDEFINED, vk::Format::from_raw(12345), vk::Format::BC1_RGB_UNORM_BLOCK, vk::Format::D32_SFLOAT] {
        expect_err(buffer_view(ctx, buffer.buffer, format, 0, vk::WHOLE_SIZE), &format!("a texel buffer of {format:?}"));
    }
}

fn buffer_view_too_many_texels(ctx: &Context) {
    let elements = 1u64 << 27; // maxTexelBufferElements
    let buffer = texel_buffer(ctx, elements + 16);
    expect_err(buffer_view(ctx, buffer.buffer, vk::Format::R8_UINT, 0, vk::WHOLE_SIZE), "more than maxTexelBufferElements");
}

fn buffer_view_without_texel_usage(ctx: &Context) {
    let buffer = ctx.create_transfer_buffer(256);
    expect_err(buffer_view(ctx, buffer.buffer, vk::Format::R32_UINT, 0, vk::WHOLE_SIZE), "a buffer without texel usage");
}

fn buffer_view_unbound_buffer(ctx: &Context) {
    let info = buffer_info(256).usage(vk::BufferUsageFlags::UNIFORM_TEXEL_BUFFER);
    let buffer = create_buffer(ctx, &info).expect("vkCreateBuffer");
    expect_err(buffer_view(ctx, buffer, vk::Format::R32_UINT, 0, vk::WHOLE_SIZE), "a view of a buffer with no memory");
    // SAFETY: nothing uses it.
    unsafe { ctx.device.destroy_buffer(buffer, None) };
}

fn buffer_view_null_buffer(ctx: &Context) {
    expect_err(buffer_view(ctx, vk::Buffer::null(), vk::Format::R32_UINT, 0, vk::WHOLE_SIZE), "a null buffer");
}

// ---------------------------------------------------------------------------------------
// Images and image views
// ---------------------------------------------------------------------------------------

fn rgba_info(width: u32, height: u32) -> vk::ImageCreateInfo<'static> {
    image_info_2d(vk::Format::R8G8B8A8_UNORM, width, height)
}

#[track_caller]
fn image_refused(ctx: &Context, info: &vk::ImageCreateInfo, what: &str) {
    match create_image(ctx, info) {
        Ok(image) => {
            // SAFETY: nothing uses it.
            unsafe { ctx.device.destroy_image(image, None) };
            panic!("{what}: softvk created the image");
        }
        Err(code) => expect_raw_err(code, what),
    }
}

fn image_zero_extent(ctx: &Context) {
    image_refused(ctx, &rgba_info(0, 4), "width 0");
    image_refused(ctx, &rgba_info(4, 0), "height 0");
    image_refused(ctx, &rgba_info(4, 4).extent(vk::Extent3D { width: 4, height: 4, depth: 0 }), "depth 0");
}

fn image_huge_extent(ctx: &Context) {
    image_refused(ctx, &rgba_info(u32::MAX, 4), "width u32::MAX");
    image_refused(ctx, &rgba_info(4, u32::MAX), "height u32::MAX");
    image_refused(ctx, &rgba_info(16385, 16), "width past maxImageDimension2D");
    let volume = rgba_info(4, 4).image_type(vk::ImageType::TYPE_3D);
    image_refused(ctx, &volume.extent(vk::Extent3D { width: 4, height: 4, depth: u32::MAX }), "depth u32::MAX");
    image_refused(ctx, &volume.extent(vk::Extent3D { width: u32::MAX, height: u32::MAX, depth: u32::MAX }), "u32::MAX³");
}

fn image_mip_levels(ctx: &Context) {
    for levels in [0, 4, 100, u32::MAX] {
        image_refused(ctx, &rgba_info(4, 4).mip_levels(levels), &format!("{levels} levels of a 4x4 image"));
    }
}

fn image_array_layers(ctx: &Context) {
    for layers in [0, 2049, u32::MAX] {
        image_refused(ctx, &rgba_info(4, 4).array_layers(layers), &format!("{layers} layers"));
    }
}

fn image_1d_with_height(ctx: &Context) {
    image_refused(ctx, &rgba_info(4, 2).image_type(vk::ImageType::TYPE_1D), "a 1D image 2 texels high");
}

fn image_2d_with_depth(ctx: &Context) {
    image_refused(ctx, &rgba_info(4, 4).extent(vk::Extent3D { width: 4, height: 4, depth: 2 }), "a 2D image 2 texels deep");
}

fn image_3d_with_layers(ctx: &Context) {
    let info = rgba_info(4, 4).image_type(vk::ImageType::TYPE_3D).array_layers(2);
    image_refused(ctx, &info, "a 3D image with 2 layers");
}

fn image_type_garbage(ctx: &Context) {
    image_refused(ctx, &rgba_info(4, 4).image_type(vk::ImageType::from_raw(12345)), "image type 12345");
}

fn image_unknown_format(ctx: &Context) {
    for format in [vk::Format::UNDEFINED, vk::Format::from_raw(12345), vk::Format::G8_B8R8_2PLANE_420_UNORM, vk::Format::from_raw(-1)] {
        image_refused(ctx, &image_info_2d(format, 4, 4), &format!("format {format:?}"));
    }
}

fn image_usage_the_format_lacks(ctx: &Context) {
    let storage = vk::ImageUsageFlags::STORAGE;
    image_refused(ctx, &image_info_2d(vk::Format::BC1_RGB_UNORM_BLOCK, 4, 4).usage(storage), "a STORAGE BC1 image");
    let sampled = vk::ImageUsageFlags::COLOR_ATTACHMENT;
    image_refused(ctx, &image_info_2d(vk::Format::BC1_RGB_UNORM_BLOCK, 4, 4).usage(sampled), "a BC1 colour attachment");
    image_refused(ctx, &image_info_2d(vk::Format::BC1_RGB_UNORM_BLOCK, 4, 4).image_type(vk::ImageType::TYPE_3D), "a 3D BC1 image");
}

fn image_usage_zero(ctx: &Context) {
    image_refused(ctx, &rgba_info(4, 4).usage(vk::ImageUsageFlags::empty()), "usage 0");
}

fn image_usage_unknown_bits(ctx: &Context) {
    let usage = vk::ImageUsageFlags::from_raw(0x8000_0000 | vk::ImageUsageFlags::TRANSFER_DST.as_raw());
    image_refused(ctx, &rgba_info(4, 4).usage(usage), "a usage bit softvk does not define");
}

fn image_samples(ctx: &Context) {
    for samples in [0, 3, 64, 0x8000_0000] {
        image_refused(ctx, &rgba_info(4, 4).samples(vk::SampleCountFlags::from_raw(samples)), &format!("samples {samples:#x}"));
    }
}

fn image_tiling_garbage(ctx: &Context) {
    image_refused(ctx, &rgba_info(4, 4).tiling(vk::ImageTiling::from_raw(12345)), "tiling 12345");
    image_refused(ctx, &rgba_info(4, 4).tiling(vk::ImageTiling::DRM_FORMAT_MODIFIER_EXT), "a DRM modifier tiling");
}

fn image_flags_garbage(ctx: &Context) {
    for flags in [0xffff_0000, vk::ImageCreateFlags::SPARSE_BINDING.as_raw(), vk::ImageCreateFlags::PROTECTED.as_raw()] {
        image_refused(ctx, &rgba_info(4, 4).flags(vk::ImageCreateFlags::from_raw(flags)), &format!("flags {flags:#x}"));
    }
}

fn image_initial_layout_garbage(ctx: &Context) {
    for layout in [vk::ImageLayout::GENERAL, vk::ImageLayout::from_raw(12345)] {
        image_refused(ctx, &rgba_info(4, 4).initial_layout(layout), &format!("initial layout {layout:?}"));
    }
}

fn image_sharing_mode_garbage(ctx: &Context) {
    image_refused(ctx, &rgba_info(4, 4).sharing_mode(vk::SharingMode::from_raw(12345)), "sharing mode 12345");
}

fn image_cube_not_square(ctx: &Context) {
    let cube = rgba_info(4, 4).flags(vk::ImageCreateFlags::CUBE_COMPATIBLE).array_layers(6);
    image_refused(ctx, &cube.extent(vk::Extent3D { width: 4, height: 8, depth: 1 }), "a cube of 4x8 faces");
    image_refused(ctx, &cube.array_layers(5), "a cube of 5 faces");
}

/// Within every limit, but far more than the heap: refused when created, or at the
/// latest when memory for it is allocated.
fn image_larger_than_the_heap(ctx: &Context) {
    let info = image_info_2d(vk::Format::R32G32B32A32_SFLOAT, 16384, 16384).array_layers(2048);
    let Ok(image) = create_image(ctx, &info) else { return };
    // SAFETY: a live image.
    let size = unsafe { ctx.device.get_image_memory_requirements(image) }.size;
    assert!(size >= 16384 * 16384 * 16 * 2048, "an 8 TiB image needs {size} bytes?");
    expect_code(ctx.allocate_memory(size, 0), vk::Result::ERROR_OUT_OF_DEVICE_MEMORY, "memory for an 8 TiB image");
    // SAFETY: nothing uses it.
    unsafe { ctx.device.destroy_image(image, None) };
}

fn image_bind_past_memory(ctx: &Context) {
    let image = create_image(ctx, &rgba_info(32, 32)).expect("vkCreateImage");
    let memory = allocate(ctx, 1024);
    // SAFETY: live objects; the binds are invalid on purpose.
    unsafe {
        expect_err(ctx.device.bind_image_memory(image, memory, 0), "1 KiB for a 32x32 RGBA8 image");
        expect_err(ctx.device.bind_image_memory(image, memory, u64::MAX - 63), "an offset near u64::MAX");
        ctx.device.destroy_image(image, None);
    }
    free(ctx, memory);
}

fn image_bind_twice(ctx: &Context) {
    let image = create_image(ctx, &rgba_info(4, 4)).expect("vkCreateImage");
    let memory = allocate(ctx, 4096);
    // SAFETY: live objects; the second bind is invalid on purpose.
    unsafe {
        ctx.device.bind_image_memory(image, memory, 0).expect("the first bind");
        expect_err(ctx.device.bind_image_memory(image, memory, 0), "binding a bound image");
        ctx.device.destroy_image(image, None);
    }
    free(ctx, memory);
}

fn image_subresource_layout_out_of_range(ctx: &Context) {
    let image = rgba_image(ctx, 1, 1);
    let sentinel = vk::SubresourceLayout { offset: 77, size: 77, row_pitch: 77, array_pitch: 77, depth_pitch: 77 };
    for (aspect, mip, layer) in
        [(vk::ImageAspectFlags::COLOR, 100, 0), (vk::ImageAspectFlags::COLOR, 0, u32::MAX), (vk::ImageAspectFlags::DEPTH, 0, 0)]
    {
        let sub = vk::ImageSubresource { aspect_mask: aspect, mip_level: mip, array_layer: layer };
        let mut layout = sentinel;
        // SAFETY: invalid subresources on purpose; softvk writes nothing for them.
        unsafe { (ctx.device.fp_v1_0().get_image_subresource_layout)(ctx.device.handle(), image.image, &sub, &mut layout) };
        let unchanged = [layout.offset, layout.size, layout.row_pitch, layout.array_pitch, layout.depth_pitch] == [77; 5];
        assert!(unchanged, "a layout was written for {sub:?}: {layout:?}");
    }
    expect_log("vkGetImageSubresourceLayout: no subresource");
}

fn view_info(image: vk::Image, range: vk::ImageSubresourceRange) -> vk::ImageViewCreateInfo<'static> {
    vk::ImageViewCreateInfo::default()
        .image(image)
        .view_type(vk::ImageViewType::TYPE_2D)
        .format(vk::Format::R8G8B8A8_UNORM)
        .subresource_range(range)
}

#[track_caller]
fn view_refused(ctx: &Context, info: &vk::ImageViewCreateInfo, what: &str) {
    // SAFETY: the create info is valid as a struct; its values are what is tested.
    match unsafe { ctx.device.create_image_view(info, None) } {
        Ok(view) => {
            // SAFETY: nothing uses it.
            unsafe { ctx.device.destroy_image_view(view, None) };
            panic!("{what}: softvk created the view");
        }
        Err(code) => expect_raw_err(code, what),
    }
}

fn image_view_mips_past_the_image(ctx: &Context) {
    let image = rgba_image(ctx, 3, 1);
    for (base, count) in [(3, 1), (u32::MAX - 1, 1), (u32::MAX, vk::REMAINING_MIP_LEVELS), (1, 3), (0, u32::MAX - 1), (0, 0)] {
        view_refused(ctx, &view_info(image.image, color_range(base, count, 0, 1)), &format!("levels {base}+{count} of 3"));
    }
}

fn image_view_layers_past_the_image(ctx: &Context) {
    let image = rgba_image(ctx, 1, 4);
    let array = vk::ImageViewType::TYPE_2D_ARRAY;
    for (base, count) in [(4, 1), (u32::MAX, 1), (u32::MAX, vk::REMAINING_ARRAY_LAYERS), (2, 3), (0, u32::MAX - 1), (0, 0)] {
        let info = view_info(image.image, color_range(0, 1, base, count)).view_type(array);
        view_refused(ctx, &info, &format!("layers {base}+{count} of 4"));
    }
}

fn image_view_wrong_aspect(ctx: &Context) {
    let image = rgba_image(ctx, 1, 1);
    for aspect in [vk::ImageAspectFlags::DEPTH, vk::ImageAspectFlags::STENCIL, vk::ImageAspectFlags::empty(), vk::ImageAspectFlags::from_raw(0x8000)] {
        let range = vk::ImageSubresourceRange { aspect_mask: aspect, ..color_range(0, 1, 0, 1) };
        view_refused(ctx, &view_info(image.image, range), &format!("aspect {aspect:?} of a colour image"));
    }
}

fn image_view_incompatible_format(ctx: &Context) {
    let image = rgba_image(ctx, 1, 1);
    let range = color_range(0, 1, 0, 1);
    for format in [vk::Format::R8_UNORM, vk::Format::R32G32B32A32_SFLOAT, vk::Format::R8G8B8A8_SRGB, vk::Format::from_raw(12345)] {
        view_refused(ctx, &view_info(image.image, range).format(format), &format!("a {format:?} view of an RGBA8 image"));
    }
}

fn image_view_type_mismatch(ctx: &Context) {
    let image = rgba_image(ctx, 1, 1);
    let range = color_range(0, 1, 0, 1);
    for view_type in [vk::ImageViewType::TYPE_3D, vk::ImageViewType::TYPE_1D, vk::ImageViewType::CUBE, vk::ImageViewType::from_raw(12345)] {
        view_refused(ctx, &view_info(image.image, range).view_type(view_type), &format!("a {view_type:?} view of a 2D image"));
    }
}

fn image_view_swizzle_garbage(ctx: &Context) {
    let image = rgba_image(ctx, 1, 1);
    let components = vk::ComponentMapping { r: vk::ComponentSwizzle::from_raw(12345), ..Default::default() };
    view_refused(ctx, &view_info(image.image, color_range(0, 1, 0, 1)).components(components), "swizzle 12345");
}

fn image_view_unbound_image(ctx: &Context) {
    let image = create_image(ctx, &rgba_info(4, 4)).expect("vkCreateImage");
    view_refused(ctx, &view_info(image, color_range(0, 1, 0, 1)), "a view of an image with no memory");
    // SAFETY: nothing uses it.
    unsafe { ctx.device.destroy_image(image, None) };
}

fn image_view_null_image(ctx: &Context) {
    view_refused(ctx, &view_info(vk::Image::null(), color_range(0, 1, 0, 1)), "a null image");
}

// ---------------------------------------------------------------------------------------
// Samplers
// ---------------------------------------------------------------------------------------

#[track_caller]
fn sampler_refused(ctx: &Context, info: &vk::SamplerCreateInfo, what: &str) {
    // SAFETY: the create info is valid as a struct; its values are what is tested.
    match unsafe { ctx.device.create_sampler(info, None) } {
        Ok(sampler) => {
            // SAFETY: nothing uses it.
            unsafe { ctx.device.destroy_sampler(sampler, None) };
            panic!("{what}: softvk created the sampler");
        }
        Err(code) => expect_raw_err(code, what),
    }
}

fn sampler() -> vk::SamplerCreateInfo<'static> {
    vk::SamplerCreateInfo::default().max_lod(vk::LOD_CLAMP_NONE)
}

fn sampler_nan_lod(ctx: &Context) {
    sampler_refused(ctx, &sampler().min_lod(f32::NAN), "minLod NaN");
    sampler_refused(ctx, &sampler().max_lod(f32::NAN), "maxLod NaN");
    sampler_refused(ctx, &sampler().mip_lod_bias(f32::NAN), "mipLodBias NaN");
}

fn sampler_infinite_lod(ctx: &Context) {
    sampler_refused(ctx, &sampler().min_lod(f32::INFINITY).max_lod(f32::INFINITY), "minLod +inf");
    sampler_refused(ctx, &sampler().min_lod(f32::NEG_INFINITY), "minLod -inf");
    sampler_refused(ctx, &sampler().mip_lod_bias(f32::INFINITY), "mipLodBias +inf");
    sampler_refused(ctx, &sampler().mip_lod_bias(-1e30), "mipLodBias past maxSamplerLodBias");
}

fn sampler_max_lod_below_min_lod(ctx: &Context) {
    sampler_refused(ctx, &sampler().min_lod(4.0).max_lod(1.0), "maxLod < minLod");
}

fn sampler_huge_anisotropy(ctx: &Context) {
    for max in [1e9, f32::INFINITY, f32::NAN, 0.5] {
        let info = sampler().anisotropy_enable(true).max_anisotropy(max);
        sampler_refused(ctx, &info, &format!("anisotropy {max} (the feature is off)"));
    }
}

fn sampler_unknown_enums(ctx: &Context) {
    let bad = 12345;
    sampler_refused(ctx, &sampler().mag_filter(vk::Filter::from_raw(bad)), "magFilter 12345");
    sampler_refused(ctx, &sampler().min_filter(vk::Filter::CUBIC_EXT), "a cubic minFilter");
    sampler_refused(ctx, &sampler().mipmap_mode(vk::SamplerMipmapMode::from_raw(bad)), "mipmapMode 12345");
    sampler_refused(ctx, &sampler().address_mode_u(vk::SamplerAddressMode::from_raw(bad)), "addressModeU 12345");
    sampler_refused(ctx, &sampler().address_mode_w(vk::SamplerAddressMode::from_raw(-7)), "addressModeW -7");
    let border = sampler().address_mode_v(vk::SamplerAddressMode::CLAMP_TO_BORDER).border_color(vk::BorderColor::from_raw(bad));
    sampler_refused(ctx, &border, "borderColor 12345");
    sampler_refused(ctx, &sampler().compare_enable(true).compare_op(vk::CompareOp::from_raw(bad)), "compareOp 12345");
    sampler_refused(ctx, &sampler().flags(vk::SamplerCreateFlags::from_raw(0xffff)), "flags 0xffff");
}

fn sampler_unnormalized_with_mipmaps(ctx: &Context) {
    let info = sampler().unnormalized_coordinates(true).min_filter(vk::Filter::LINEAR).mag_filter(vk::Filter::NEAREST);
    sampler_refused(ctx, &info, "unnormalized coordinates with different filters and lods");
}

// ---------------------------------------------------------------------------------------
// Descriptor set layouts, pools, sets, updates and templates
// ---------------------------------------------------------------------------------------

fn binding(number: u32, ty: vk::DescriptorType, count: u32) -> vk::DescriptorSetLayoutBinding<'static> {
    vk::DescriptorSetLayoutBinding::default()
        .binding(number)
        .descriptor_type(ty)
        .descriptor_count(count)
        .stage_flags(vk::ShaderStageFlags::COMPUTE)
}

fn layout_refused(ctx: &Context, bindings: &[vk::DescriptorSetLayoutBinding], what: &str) {
    expect_err(try_set_layout(ctx, bindings), what);
    let info = vk::DescriptorSetLayoutCreateInfo::default().bindings(bindings);
    let mut support = vk::DescriptorSetLayoutSupport::default();
    // SAFETY: valid pointers; the bindings are what is tested.
    unsafe { ctx.device.get_descriptor_set_layout_support(&info, &mut support) };
    assert_eq!(support.supported, vk::FALSE, "{what}: vkGetDescriptorSetLayoutSupport says it is supported");
}

fn set_layout_descriptor_count_u32_max(ctx: &Context) {
    layout_refused(ctx, &[binding(0, vk::DescriptorType::STORAGE_BUFFER, u32::MAX)], "descriptorCount u32::MAX");
    let two = [binding(0, vk::DescriptorType::STORAGE_BUFFER, 1 << 31), binding(1, vk::DescriptorType::SAMPLER, 1 << 31)];
    layout_refused(ctx, &two, "2^31 + 2^31 descriptors");
}

/// maxPerSetDescriptors is 2^20: a million one-descriptor bindings fit (and a set of them
/// is quick to make), two million do not.
fn set_layout_million_bindings(ctx: &Context) {
    let many: Vec<_> = (0..1_000_000).map(|i| binding(i * 3, vk::DescriptorType::STORAGE_BUFFER, 1)).collect();
    timed("a layout of a million bindings and a set of it", || {
        let layout = try_set_layout(ctx, &many).expect("a million descriptors are within maxPerSetDescriptors");
        let pool = pool(ctx, 1, 1_000_000, vk::DescriptorPoolCreateFlags::empty());
        allocate_sets(ctx, pool, &[layout]).expect("a set of the layout");
        // SAFETY: nothing uses them.
        unsafe {
            ctx.device.destroy_descriptor_pool(pool, None);
            ctx.device.destroy_descriptor_set_layout(layout, None);
        }
    });
    let twice: Vec<_> = (0..1_000_000).map(|i| binding(i, vk::DescriptorType::STORAGE_BUFFER, 2)).collect();
    layout_refused(ctx, &twice, "two million descriptors");
}

fn set_layout_duplicate_bindings(ctx: &Context) {
    let twice = [binding(3, vk::DescriptorType::STORAGE_BUFFER, 1), binding(3, vk::DescriptorType::SAMPLER, 1)];
    layout_refused(ctx, &twice, "binding 3 twice");
}

fn set_layout_unknown_descriptor_type(ctx: &Context) {
    for ty in [vk::DescriptorType::from_raw(12345), vk::DescriptorType::INLINE_UNIFORM_BLOCK, vk::DescriptorType::ACCELERATION_STRUCTURE_KHR] {
        layout_refused(ctx, &[binding(0, ty, 1)], &format!("descriptor type {ty:?}"));
    }
}

fn set_layout_flags_garbage(ctx: &Context) {
    let bindings = [binding(0, vk::DescriptorType::STORAGE_BUFFER, 1)];
    let info = vk::DescriptorSetLayoutCreateInfo::default().bindings(&bindings).flags(vk::DescriptorSetLayoutCreateFlags::from_raw(0xff00));
    // SAFETY: the flags are what is tested.
    expect_err(unsafe { ctx.device.create_descriptor_set_layout(&info, None) }, "layout flags 0xff00");
}

fn set_layout_null_immutable_sampler(ctx: &Context) {
    let samplers = [vk::Sampler::null()];
    let bindings = [binding(0, vk::DescriptorType::SAMPLER, 1).immutable_samplers(&samplers)];
    expect_err(try_set_layout(ctx, &bindings), "a null immutable sampler");
}

fn create_pool(ctx: &Context, max_sets: u32, sizes: &[vk::DescriptorPoolSize]) -> Result<vk::DescriptorPool, vk::Result> {
    let info = vk::DescriptorPoolCreateInfo::default().max_sets(max_sets).pool_sizes(sizes);
    // SAFETY: the create info is valid as a struct; its values are what is tested.
    unsafe { ctx.device.create_descriptor_pool(&info, None) }
}

const ONE_STORAGE_BUFFER: [vk::DescriptorPoolSize; 1] = [vk::DescriptorPoolSize { ty: vk::DescriptorType::STORAGE_BUFFER, descriptor_count: 1 }];

fn pool_max_sets_zero(ctx: &Context) {
    expect_err(create_pool(ctx, 0, &ONE_STORAGE_BUFFER), "maxSets 0");
}

/// A pool's budget is a number, not memory: u32::MAX sets and descriptors cost nothing
/// until sets are allocated.
fn pool_max_sets_u32_max_allocates_nothing_upfront(ctx: &Context) {
    let before = address_space_in_use();
    let sizes = [
        vk::DescriptorPoolSize { ty: vk::DescriptorType::STORAGE_BUFFER, descriptor_count: u32::MAX },
        vk::DescriptorPoolSize { ty: vk::DescriptorType::SAMPLED_IMAGE, descriptor_count: u32::MAX },
    ];
    let pool = create_pool(ctx, u32::MAX, &sizes).expect("a pool of u32::MAX sets");
    let grown = address_space_in_use().saturating_sub(before);
    assert!(grown < 64 << 20, "creating the pool took {grown} bytes of address space");
    let layout = set_layout(ctx, &storage_bindings(1, vk::DescriptorType::STORAGE_BUFFER));
    allocate_sets(ctx, pool, &[layout; 4]).expect("four sets");
    // SAFETY: nothing uses them.
    unsafe {
        ctx.device.destroy_descriptor_pool(pool, None);
        ctx.device.destroy_descriptor_set_layout(layout, None);
    }
}

fn pool_allocate_more_sets_than_max_sets(ctx: &Context) {
    let pool = pool(ctx, 2, 100, vk::DescriptorPoolCreateFlags::empty());
    let layout = set_layout(ctx, &storage_bindings(1, vk::DescriptorType::STORAGE_BUFFER));
    expect_code(allocate_sets(ctx, pool, &[layout; 3]), vk::Result::ERROR_OUT_OF_POOL_MEMORY, "3 sets of a 2-set pool");
    allocate_sets(ctx, pool, &[layout; 2]).expect("2 sets of a 2-set pool");
    expect_code(allocate_sets(ctx, pool, &[layout]), vk::Result::ERROR_OUT_OF_POOL_MEMORY, "a third set");
    // SAFETY: nothing uses them.
    unsafe {
        ctx.device.destroy_descriptor_pool(pool, None);
        ctx.device.destroy_descriptor_set_layout(layout, None);
    }
}

fn pool_allocate_more_descriptors_than_the_pool(ctx: &Context) {
    let pool = pool(ctx, 10, 3, vk::DescriptorPoolCreateFlags::empty());
    let layout = set_layout(ctx, &[binding(0, vk::DescriptorType::STORAGE_BUFFER, 2)]);
    allocate_sets(ctx, pool, &[layout]).expect("2 of 3 descriptors");
    expect_code(allocate_sets(ctx, pool, &[layout]), vk::Result::ERROR_OUT_OF_POOL_MEMORY, "4 of 3 descriptors");
    let images = set_layout(ctx, &[binding(0, vk::DescriptorType::SAMPLED_IMAGE, 1)]);
    expect_code(allocate_sets(ctx, pool, &[images]), vk::Result::ERROR_OUT_OF_POOL_MEMORY, "a type the pool has none of");
    // SAFETY: nothing uses them.
    unsafe {
        ctx.device.destroy_descriptor_pool(pool, None);
        ctx.device.destroy_descriptor_set_layout(layout, None);
        ctx.device.destroy_descriptor_set_layout(images, None);
    }
}

fn pool_allocate_null_layout(ctx: &Context) {
    let pool = pool(ctx, 4, 4, vk::DescriptorPoolCreateFlags::empty());
    expect_err(allocate_sets(ctx, pool, &[vk::DescriptorSetLayout::null()]), "a null set layout");
    // SAFETY: nothing uses it.
    unsafe { ctx.device.destroy_descriptor_pool(pool, None) };
}

fn pool_100k_sets_allocate_free_reset(ctx: &Context) {
    const SETS: u32 = 100_000;
    let pool = pool(ctx, SETS, SETS, vk::DescriptorPoolCreateFlags::FREE_DESCRIPTOR_SET);
    let layout = set_layout(ctx, &storage_bindings(1, vk::DescriptorType::STORAGE_BUFFER));
    let layouts = vec![layout; 1000];
    timed("100k descriptor sets allocated, freed, allocated and reset", || {
        let mut sets = Vec::new();
        for _ in 0..SETS / 1000 {
            sets.extend(allocate_sets(ctx, pool, &layouts).expect("1000 sets"));
        }
        expect_code(allocate_sets(ctx, pool, &[layout]), vk::Result::ERROR_OUT_OF_POOL_MEMORY, "set 100001");
        for set in sets.iter().rev() {
            // SAFETY: sets of this pool, freed once.
            unsafe { ctx.device.free_descriptor_sets(pool, std::slice::from_ref(set)) }.expect("vkFreeDescriptorSets");
        }
        for _ in 0..SETS / 1000 {
            allocate_sets(ctx, pool, &layouts).expect("1000 sets after the frees");
        }
        // SAFETY: no set of the pool is in use.
        unsafe { ctx.device.reset_descriptor_pool(pool, vk::DescriptorPoolResetFlags::empty()) }.expect("reset");
        allocate_sets(ctx, pool, &layouts).expect("1000 sets after the reset");
    });
    // SAFETY: nothing uses them.
    unsafe {
        ctx.device.destroy_descriptor_pool(pool, None);
        ctx.device.destroy_descriptor_set_layout(layout, None);
    }
}

fn pool_free_without_free_flag(ctx: &Context) {
    let pool = pool(ctx, 4, 4, vk::DescriptorPoolCreateFlags::empty());
    let layout = set_layout(ctx, &storage_bindings(1, vk::DescriptorType::STORAGE_BUFFER));
    let sets = allocate_sets(ctx, pool, &[layout]).expect("a set");
    // SAFETY: invalid on purpose: the pool has no FREE_DESCRIPTOR_SET.
    expect_err(unsafe { ctx.device.free_descriptor_sets(pool, &sets) }, "a free without FREE_DESCRIPTOR_SET");
    // SAFETY: nothing uses them.
    unsafe {
        ctx.device.destroy_descriptor_pool(pool, None);
        ctx.device.destroy_descriptor_set_layout(layout, None);
    }
}

fn pool_free_set_of_another_pool(ctx: &Context) {
    let flags = vk::DescriptorPoolCreateFlags::FREE_DESCRIPTOR_SET;
    let (a, b) = (pool(ctx, 4, 4, flags), pool(ctx, 4, 4, flags));
    let layout = set_layout(ctx, &storage_bindings(1, vk::DescriptorType::STORAGE_BUFFER));
    let sets = allocate_sets(ctx, a, &[layout]).expect("a set");
    // SAFETY: invalid on purpose: the set is a's.
    expect_err(unsafe { ctx.device.free_descriptor_sets(b, &sets) }, "freeing another pool's set");
    // SAFETY: nothing uses them.
    unsafe {
        ctx.device.free_descriptor_sets(a, &sets).expect("freeing it from its own pool");
        ctx.device.destroy_descriptor_pool(a, None);
        ctx.device.destroy_descriptor_pool(b, None);
        ctx.device.destroy_descriptor_set_layout(layout, None);
    }
}

/// A set of one binding (0) of 4 storage buffers, and a buffer to point them at.
struct SetOfFour<'a> {
    ctx: &'a Context,
    layout: vk::DescriptorSetLayout,
    pool: vk::DescriptorPool,
    set: vk::DescriptorSet,
    other: vk::DescriptorSet,
    buffer: HostBuffer,
}

impl<'a> SetOfFour<'a> {
    fn new(ctx: &'a Context) -> SetOfFour<'a> {
        let layout = set_layout(ctx, &[binding(0, vk::DescriptorType::STORAGE_BUFFER, 4)]);
        let pool = pool(ctx, 2, 8, vk::DescriptorPoolCreateFlags::empty());
        let sets = allocate_sets(ctx, pool, &[layout, layout]).expect("two sets");
        let buffer = ctx.create_buffer(256, vk::BufferUsageFlags::STORAGE_BUFFER);
        SetOfFour { ctx, layout, pool, set: sets[0], other: sets[1], buffer }
    }

    fn infos(&self, n: usize) -> Vec<vk::DescriptorBufferInfo> {
        vec![vk::DescriptorBufferInfo { buffer: self.buffer.buffer, offset: 0, range: vk::WHOLE_SIZE }; n]
    }

    fn write(&self, element: u32, count: u32, ty: vk::DescriptorType, infos: *const vk::DescriptorBufferInfo) {
        let mut write = vk::WriteDescriptorSet::default().dst_set(self.set).dst_binding(0).dst_array_element(element).descriptor_type(ty);
        write.descriptor_count = count;
        write.p_buffer_info = infos;
        // SAFETY: softvk reads at most as many infos as the binding has elements (4), all
        // of which `infos` holds when it is not null.
        unsafe { (self.ctx.device.fp_v1_0().update_descriptor_sets)(self.ctx.device.handle(), 1, &write, 0, std::ptr::null()) };
    }
}

impl Drop for SetOfFour<'_> {
    fn drop(&mut self) {
        // SAFETY: nothing uses them.
        unsafe {
            self.ctx.device.destroy_descriptor_pool(self.pool, None);
            self.ctx.device.destroy_descriptor_set_layout(self.layout, None);
        }
    }
}

fn update_array_element_past_the_end(ctx: &Context) {
    let s = SetOfFour::new(ctx);
    let infos = s.infos(4);
    s.write(4, 1, vk::DescriptorType::STORAGE_BUFFER, infos.as_ptr());
    s.write(u32::MAX, 1, vk::DescriptorType::STORAGE_BUFFER, infos.as_ptr());
    s.write(3, 2, vk::DescriptorType::STORAGE_BUFFER, infos.as_ptr());
    expect_log("descriptor write past the end of binding 0");
}

fn update_descriptor_count_huge(ctx: &Context) {
    let s = SetOfFour::new(ctx);
    let infos = s.infos(4);
    s.write(0, u32::MAX, vk::DescriptorType::STORAGE_BUFFER, infos.as_ptr());
    expect_log("descriptor write past the end of binding 0");
}

fn update_wrong_descriptor_type(ctx: &Context) {
    let s = SetOfFour::new(ctx);
    let infos = s.infos(4);
    s.write(0, 1, vk::DescriptorType::UNIFORM_BUFFER, infos.as_ptr());
    s.write(0, 1, vk::DescriptorType::from_raw(12345), infos.as_ptr());
    expect_log("into a binding of STORAGE_BUFFER");
}

fn update_null_infos(ctx: &Context) {
    let s = SetOfFour::new(ctx);
    s.write(0, 2, vk::DescriptorType::STORAGE_BUFFER, std::ptr::null());
    expect_log("a write was not applied");
}

fn update_unknown_binding_and_null_set(ctx: &Context) {
    let s = SetOfFour::new(ctx);
    let infos = s.infos(1);
    let write = vk::WriteDescriptorSet::default().dst_set(s.set).dst_binding(7).descriptor_type(vk::DescriptorType::STORAGE_BUFFER).buffer_info(&infos);
    // SAFETY: invalid on purpose: there is no binding 7, and then no set.
    unsafe {
        ctx.device.update_descriptor_sets(&[write], &[]);
        ctx.device.update_descriptor_sets(&[write.dst_set(vk::DescriptorSet::null())], &[]);
    }
    expect_log("descriptor write past the end of binding 7");
    expect_log("null");
}

fn update_buffer_offset_past_the_buffer(ctx: &Context) {
    let s = SetOfFour::new(ctx);
    let infos = [vk::DescriptorBufferInfo { buffer: s.buffer.buffer, offset: 1 << 40, range: 16 }];
    s.write(0, 1, vk::DescriptorType::STORAGE_BUFFER, infos.as_ptr());
    let infos = [vk::DescriptorBufferInfo { buffer: s.buffer.buffer, offset: 0, range: 1 << 40 }];
    s.write(1, 1, vk::DescriptorType::STORAGE_BUFFER, infos.as_ptr());
    expect_log("descriptor offset 1099511627776 is past the buffer");
    expect_log("descriptor range 1099511627776");
}

fn copy_descriptors(ctx: &Context, s: &SetOfFour, src_element: u32, dst_element: u32, count: u32) {
    let copy = vk::CopyDescriptorSet::default()
        .src_set(s.set)
        .src_binding(0)
        .src_array_element(src_element)
        .dst_set(s.other)
        .dst_binding(0)
        .dst_array_element(dst_element)
        .descriptor_count(count);
    // SAFETY: live sets; the ranges are what is tested.
    unsafe { ctx.device.update_descriptor_sets(&[], &[copy]) };
}

fn update_copy_past_the_end(ctx: &Context) {
    let s = SetOfFour::new(ctx);
    copy_descriptors(ctx, &s, 3, 0, 2);
    copy_descriptors(ctx, &s, 0, 3, 2);
    copy_descriptors(ctx, &s, u32::MAX, 0, 1);
    copy_descriptors(ctx, &s, 0, 0, u32::MAX);
    expect_log("a copy was not applied");
}

fn template(ctx: &Context, layout: vk::DescriptorSetLayout, entries: &[vk::DescriptorUpdateTemplateEntry]) -> Result<vk::DescriptorUpdateTemplate, vk::Result> {
    let info = vk::DescriptorUpdateTemplateCreateInfo::default()
        .descriptor_update_entries(entries)
        .template_type(vk::DescriptorUpdateTemplateType::DESCRIPTOR_SET)
        .descriptor_set_layout(layout);
    // SAFETY: the create info is valid as a struct; its entries are what is tested.
    unsafe { ctx.device.create_descriptor_update_template(&info, None) }
}

fn template_entry(element: u32, count: u32, ty: vk::DescriptorType) -> vk::DescriptorUpdateTemplateEntry {
    vk::DescriptorUpdateTemplateEntry {
        dst_binding: 0,
        dst_array_element: element,
        descriptor_count: count,
        descriptor_type: ty,
        offset: 0,
        stride: std::mem::size_of::<vk::DescriptorBufferInfo>(),
    }
}

fn template_entries_past_the_end(ctx: &Context) {
    let s = SetOfFour::new(ctx);
    let storage = vk::DescriptorType::STORAGE_BUFFER;
    for (element, count) in [(4, 1), (2, 3), (0, u32::MAX), (u32::MAX, 1)] {
        expect_err(template(ctx, s.layout, &[template_entry(element, count, storage)]), &format!("a template entry {element}+{count} of 4"));
    }
    let unknown = vk::DescriptorUpdateTemplateEntry { dst_binding: 9, ..template_entry(0, 1, storage) };
    expect_err(template(ctx, s.layout, &[unknown]), "a template entry of binding 9");
}

fn template_entry_wrong_type(ctx: &Context) {
    let s = SetOfFour::new(ctx);
    expect_err(template(ctx, s.layout, &[template_entry(0, 1, vk::DescriptorType::SAMPLED_IMAGE)]), "a template of the wrong type");
}

fn template_type_garbage(ctx: &Context) {
    let s = SetOfFour::new(ctx);
    let entries = [template_entry(0, 1, vk::DescriptorType::STORAGE_BUFFER)];
    let info = vk::DescriptorUpdateTemplateCreateInfo::default()
        .descriptor_update_entries(&entries)
        .template_type(vk::DescriptorUpdateTemplateType::from_raw(12345))
        .descriptor_set_layout(s.layout);
    // SAFETY: the type is what is tested.
    expect_err(unsafe { ctx.device.create_descriptor_update_template(&info, None) }, "template type 12345");
}

fn template_apply_null_data(ctx: &Context) {
    let s = SetOfFour::new(ctx);
    let t = template(ctx, s.layout, &[template_entry(0, 4, vk::DescriptorType::STORAGE_BUFFER)]).expect("a template");
    // SAFETY: invalid on purpose: null data for a template with entries.
    unsafe {
        (ctx.device.fp_v1_1().update_descriptor_set_with_template)(ctx.device.handle(), s.set, t, std::ptr::null());
        ctx.device.destroy_descriptor_update_template(t, None);
    }
    expect_log("vkUpdateDescriptorSetWithTemplate: not applied");
}

// ---------------------------------------------------------------------------------------
// Pipeline layouts
// ---------------------------------------------------------------------------------------

fn pipeline_layout_100_set_layouts(ctx: &Context) {
    let layout = set_layout(ctx, &storage_bindings(1, vk::DescriptorType::STORAGE_BUFFER));
    let layouts = [layout; 100];
    expect_err(try_pipeline_layout(ctx, &vk::PipelineLayoutCreateInfo::default().set_layouts(&layouts)), "100 set layouts");
    // SAFETY: nothing uses it.
    unsafe { ctx.device.destroy_descriptor_set_layout(layout, None) };
}

fn pipeline_layout_null_set_layout(ctx: &Context) {
    let layouts = [vk::DescriptorSetLayout::null()];
    expect_err(try_pipeline_layout(ctx, &vk::PipelineLayoutCreateInfo::default().set_layouts(&layouts)), "a null set layout");
}

fn push_range_refused(ctx: &Context, ranges: &[vk::PushConstantRange], what: &str) {
    expect_err(try_pipeline_layout(ctx, &vk::PipelineLayoutCreateInfo::default().push_constant_ranges(ranges)), what);
}

fn push(stage_flags: vk::ShaderStageFlags, offset: u32, size: u32) -> vk::PushConstantRange {
    vk::PushConstantRange { stage_flags, offset, size }
}

fn pipeline_layout_push_constants_past_256(ctx: &Context) {
    let compute = vk::ShaderStageFlags::COMPUTE;
    push_range_refused(ctx, &[push(compute, 0, 260)], "260 bytes");
    push_range_refused(ctx, &[push(compute, 252, 8)], "252+8");
    push_range_refused(ctx, &[push(compute, u32::MAX - 3, 8)], "an offset near u32::MAX");
    push_range_refused(ctx, &[push(compute, u32::MAX, u32::MAX)], "offset and size u32::MAX");
}

fn pipeline_layout_push_constants_malformed(ctx: &Context) {
    let compute = vk::ShaderStageFlags::COMPUTE;
    push_range_refused(ctx, &[push(compute, 0, 0)], "size 0");
    push_range_refused(ctx, &[push(compute, 2, 4)], "offset 2");
    push_range_refused(ctx, &[push(compute, 0, 6)], "size 6");
    push_range_refused(ctx, &[push(vk::ShaderStageFlags::empty(), 0, 4)], "no stages");
    push_range_refused(ctx, &[push(compute, 0, 4), push(compute, 4, 4)], "two ranges for one stage");
}

// ---------------------------------------------------------------------------------------
// Shader modules, compute pipelines and pipeline caches
// ---------------------------------------------------------------------------------------

fn raw_shader_module(ctx: &Context, code_size: usize, code: *const u32) -> Result<vk::ShaderModule, vk::Result> {
    let info = vk::ShaderModuleCreateInfo { code_size, p_code: code, ..Default::default() };
    // SAFETY: `code` holds `code_size` bytes (or is null, which is refused).
    unsafe { ctx.device.create_shader_module(&info, None) }
}

fn shader_module_code_size_zero(ctx: &Context) {
    let words = spirv("saxpy");
    expect_err(raw_shader_module(ctx, 0, words.as_ptr()), "codeSize 0");
    expect_err(raw_shader_module(ctx, 4, std::ptr::null()), "a null pCode");
}

fn shader_module_code_size_not_a_multiple_of_4(ctx: &Context) {
    let words = spirv("saxpy");
    for size in [1, 6, words.len() * 4 - 1] {
        expect_err(raw_shader_module(ctx, size, words.as_ptr()), &format!("codeSize {size}"));
    }
}

/// 300 MiB of code, really allocated: more than the 256 MiB softvk takes.
fn shader_module_300_mib(ctx: &Context) {
    let words = vec![0u32; (300 << 20) / 4];
    let result = raw_shader_module(ctx, words.len() * 4, words.as_ptr());
    expect_code(result, vk::Result::ERROR_OUT_OF_HOST_MEMORY, "300 MiB of SPIR-V");
}

fn shader_module_garbage_words(ctx: &Context) {
    let words: Vec<u32> = softvk_tests::pattern(4096, 9).chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
    pipeline_fails(ctx, &words, "1 KiB of random words");
}

fn shader_module_valid_header_garbage_body(ctx: &Context) {
    let mut words = vec![0x0723_0203, 0x0001_0000, 0, 100, 0];
    words.extend((0..200u32).map(|i| i.wrapping_mul(0x9E37_79B9)));
    pipeline_fails(ctx, &words, "a SPIR-V header before garbage");
}

fn shader_module_header_only(ctx: &Context) {
    pipeline_fails(ctx, &[0x0723_0203, 0x0001_0000, 0, 1, 0], "a header and nothing else");
}

fn shader_module_wrong_magic(ctx: &Context) {
    let mut words = spirv("saxpy");
    words[0] = 0x0302_2307;
    pipeline_fails(ctx, &words, "saxpy with its magic byte-swapped");
}

fn shader_module_huge_id_bound(ctx: &Context) {
    let mut words = spirv("saxpy");
    words[3] = u32::MAX;
    // Valid SPIR-V needs bound > every id, which still holds: the module may compile, but
    // must not allocate a table of 2^32 ids.
    let set_layout = set_layout(ctx, &storage_bindings(2, vk::DescriptorType::STORAGE_BUFFER));
    let layout = pipeline_layout(ctx, &[set_layout], 8);
    let module = shader_module(ctx, &words);
    let result = compute_pipeline(ctx, module, layout, c"main", None);
    // SAFETY: nothing uses the objects.
    unsafe {
        if let Ok(pipeline) = result {
            ctx.device.destroy_pipeline(pipeline, None);
        }
        ctx.device.destroy_shader_module(module, None);
        ctx.device.destroy_pipeline_layout(layout, None);
        ctx.device.destroy_descriptor_set_layout(set_layout, None);
    }
}

fn shader_module_truncated(ctx: &Context) {
    let words = spirv("saxpy");
    for len in [6, words.len() / 2, words.len() - 1] {
        pipeline_fails(ctx, &words[..len], &format!("saxpy cut to {len} of {} words", words.len()));
    }
}

fn shader_module_instruction_word_count_zero(ctx: &Context) {
    let mut words = spirv("saxpy");
    words[5] &= 0xffff; // the first instruction (OpCapability) now claims 0 words
    pipeline_fails(ctx, &words, "an instruction of word count 0");
    let mut words = spirv("saxpy");
    words[5] |= 0xffff_0000; // ... or 65535 words, far past the end
    pipeline_fails(ctx, &words, "an instruction longer than the module");
}

/// Creates the saxpy pipeline with `entry`, `layout`'s set layouts and `spec`, and
/// expects a refusal.
#[track_caller]
fn saxpy_refused(ctx: &Context, entry: &CStr, bindings: &[vk::DescriptorSetLayoutBinding], push_bytes: u32, spec: Option<&vk::SpecializationInfo>, what: &str) {
    let set_layout = set_layout(ctx, bindings);
    let layout = pipeline_layout(ctx, &[set_layout], push_bytes);
    let module = shader_module(ctx, &spirv("saxpy"));
    let result = compute_pipeline(ctx, module, layout, entry, spec);
    // SAFETY: nothing uses the objects.
    unsafe {
        if let Ok(pipeline) = result {
            ctx.device.destroy_pipeline(pipeline, None);
        }
        ctx.device.destroy_shader_module(module, None);
        ctx.device.destroy_pipeline_layout(layout, None);
        ctx.device.destroy_descriptor_set_layout(set_layout, None);
    }
    expect_err(result, what);
}

fn saxpy_bindings() -> Vec<vk::DescriptorSetLayoutBinding<'static>> {
    storage_bindings(2, vk::DescriptorType::STORAGE_BUFFER)
}

fn pipeline_wrong_entry_name(ctx: &Context) {
    saxpy_refused(ctx, c"nope", &saxpy_bindings(), 8, None, "entry point \"nope\"");
    saxpy_refused(ctx, c"", &saxpy_bindings(), 8, None, "an empty entry point name");
}

fn pipeline_wrong_stage(ctx: &Context) {
    let set_layout = set_layout(ctx, &saxpy_bindings());
    let layout = pipeline_layout(ctx, &[set_layout], 8);
    let module = shader_module(ctx, &spirv("saxpy"));
    for stage in [vk::ShaderStageFlags::VERTEX, vk::ShaderStageFlags::FRAGMENT, vk::ShaderStageFlags::ALL, vk::ShaderStageFlags::from_raw(0x8000_0000)] {
        let stage_info = vk::PipelineShaderStageCreateInfo::default().stage(stage).module(module).name(c"main");
        let info = vk::ComputePipelineCreateInfo::default().stage(stage_info).layout(layout);
        expect_err(compute_pipeline_from(ctx, &info), &format!("a compute pipeline of stage {stage:?}"));
    }
    // SAFETY: nothing uses the objects.
    unsafe {
        ctx.device.destroy_shader_module(module, None);
        ctx.device.destroy_pipeline_layout(layout, None);
        ctx.device.destroy_descriptor_set_layout(set_layout, None);
    }
}

fn pipeline_null_module_and_name(ctx: &Context) {
    let set_layout = set_layout(ctx, &saxpy_bindings());
    let layout = pipeline_layout(ctx, &[set_layout], 8);
    let mut stage = vk::PipelineShaderStageCreateInfo::default().stage(vk::ShaderStageFlags::COMPUTE).name(c"main");
    expect_err(compute_pipeline_from(ctx, &vk::ComputePipelineCreateInfo::default().stage(stage).layout(layout)), "no module");
    let module = shader_module(ctx, &spirv("saxpy"));
    stage = stage.module(module);
    stage.p_name = std::ptr::null();
    expect_err(compute_pipeline_from(ctx, &vk::ComputePipelineCreateInfo::default().stage(stage).layout(layout)), "a null entry name");
    let stage = stage.name(c"main");
    expect_err(compute_pipeline_from(ctx, &vk::ComputePipelineCreateInfo::default().stage(stage)), "a null layout");
    // SAFETY: nothing uses the objects.
    unsafe {
        ctx.device.destroy_shader_module(module, None);
        ctx.device.destroy_pipeline_layout(layout, None);
        ctx.device.destroy_descriptor_set_layout(set_layout, None);
    }
}

fn pipeline_layout_lacks_the_shaders_bindings(ctx: &Context) {
    saxpy_refused(ctx, c"main", &storage_bindings(1, vk::DescriptorType::STORAGE_BUFFER), 8, None, "a layout without binding 1");
    saxpy_refused(ctx, c"main", &storage_bindings(2, vk::DescriptorType::UNIFORM_BUFFER), 8, None, "a uniform buffer for a storage buffer");
    saxpy_refused(ctx, c"main", &storage_bindings(2, vk::DescriptorType::SAMPLED_IMAGE), 8, None, "an image for a buffer");
}

fn pipeline_layout_lacks_the_push_constants(ctx: &Context) {
    saxpy_refused(ctx, c"main", &saxpy_bindings(), 0, None, "a layout without the shader's push constants");
    saxpy_refused(ctx, c"main", &saxpy_bindings(), 4, None, "4 bytes of push constants for a shader that reads 8");
}

fn pipeline_specialization_past_data(ctx: &Context) {
    let data = [0u8; 8];
    for (offset, size) in [(4, 8), (8, 4), (u32::MAX, 4), (0, usize::MAX), (0, 16)] {
        let entries = [vk::SpecializationMapEntry { constant_id: 0, offset, size }];
        let spec = vk::SpecializationInfo::default().map_entries(&entries).data(&data);
        saxpy_refused(ctx, c"main", &saxpy_bindings(), 8, Some(&spec), &format!("a specialization entry {offset}+{size} of 8 bytes"));
    }
}

fn workgroup_refused(ctx: &Context, shader: &str, spec: Option<&vk::SpecializationInfo>, what: &str) {
    let layout = pipeline_layout(ctx, &[], 0);
    let module = shader_module(ctx, &spirv(shader));
    let result = compute_pipeline(ctx, module, layout, c"main", spec);
    // SAFETY: nothing uses the objects.
    unsafe {
        if let Ok(pipeline) = result {
            ctx.device.destroy_pipeline(pipeline, None);
        }
        ctx.device.destroy_shader_module(module, None);
        ctx.device.destroy_pipeline_layout(layout, None);
    }
    expect_err(result, what);
}

fn pipeline_workgroup_past_the_limits(ctx: &Context) {
    workgroup_refused(ctx, "bad_wg_too_wide", None, "LocalSize 2048 1 1 (maxComputeWorkGroupSize 1024)");
    workgroup_refused(ctx, "bad_wg_too_many_invocations", None, "LocalSize 64 64 1 (maxComputeWorkGroupInvocations 1024)");
    workgroup_refused(ctx, "bad_wg_u32_max", None, "LocalSize u32::MAX³");
}

fn pipeline_workgroup_specialized_past_the_limits(ctx: &Context) {
    for values in [[u32::MAX, 1, 1], [1, 1, 65], [0, 1, 1], [1 << 16, 1 << 16, 1]] {
        let entries: Vec<_> = (0..3).map(|i| vk::SpecializationMapEntry { constant_id: i, offset: i * 4, size: 4 }).collect();
        let data: Vec<u8> = values.iter().flat_map(|v| v.to_le_bytes()).collect();
        let spec = vk::SpecializationInfo::default().map_entries(&entries).data(&data);
        workgroup_refused(ctx, "bad_wg_spec", Some(&spec), &format!("a workgroup size specialised to {values:?}"));
    }
}

fn create_cache(ctx: &Context, data: &[u8]) -> Result<vk::PipelineCache, vk::Result> {
    let info = vk::PipelineCacheCreateInfo::default().initial_data(data);
    // SAFETY: `data` is the initial data; its contents are what is tested.
    unsafe { ctx.device.create_pipeline_cache(&info, None) }
}

fn cache_data(ctx: &Context, cache: vk::PipelineCache) -> Vec<u8> {
    // SAFETY: a live cache.
    unsafe { ctx.device.get_pipeline_cache_data(cache) }.expect("vkGetPipelineCacheData")
}

/// A cache created from `data` starts empty (spec: incompatible data is ignored): its data
/// is a header and no entries.
#[track_caller]
fn cache_ignores(ctx: &Context, data: &[u8], what: &str) {
    let cache = create_cache(ctx, data).unwrap_or_else(|e| panic!("{what}: vkCreatePipelineCache failed with {e:?}"));
    let empty = create_cache(ctx, &[]).expect("an empty cache");
    assert_eq!(cache_data(ctx, cache), cache_data(ctx, empty), "{what}: the cache is not empty");
    // SAFETY: nothing uses them.
    unsafe {
        ctx.device.destroy_pipeline_cache(cache, None);
        ctx.device.destroy_pipeline_cache(empty, None);
    }
}

/// The data of a cache holding the saxpy pipeline.
fn saxpy_cache_data(ctx: &Context) -> Vec<u8> {
    let cache = create_cache(ctx, &[]).expect("a cache");
    let set_layout = set_layout(ctx, &saxpy_bindings());
    let layout = pipeline_layout(ctx, &[set_layout], 8);
    let module = shader_module(ctx, &spirv("saxpy"));
    let stage = vk::PipelineShaderStageCreateInfo::default().stage(vk::ShaderStageFlags::COMPUTE).module(module).name(c"main");
    let info = [vk::ComputePipelineCreateInfo::default().stage(stage).layout(layout)];
    // SAFETY: valid create infos; everything is destroyed before returning.
    unsafe {
        let pipeline = ctx.device.create_compute_pipelines(cache, &info, None).expect("saxpy")[0];
        let data = cache_data(ctx, cache);
        ctx.device.destroy_pipeline(pipeline, None);
        ctx.device.destroy_shader_module(module, None);
        ctx.device.destroy_pipeline_layout(layout, None);
        ctx.device.destroy_descriptor_set_layout(set_layout, None);
        ctx.device.destroy_pipeline_cache(cache, None);
        data
    }
}

fn pipeline_cache_garbage_data(ctx: &Context) {
    cache_ignores(ctx, &softvk_tests::pattern(4096, 3), "4 KiB of random bytes");
    cache_ignores(ctx, &[1, 2, 3], "3 bytes");
    cache_ignores(ctx, &[0xff; 32], "a header of 0xff bytes");
}

fn pipeline_cache_another_drivers_header(ctx: &Context) {
    let mut data = saxpy_cache_data(ctx);
    data[8..12].copy_from_slice(&0x10de_u32.to_le_bytes());
    cache_ignores(ctx, &data, "another vendor's header");
    let mut data = saxpy_cache_data(ctx);
    data[16] ^= 0xff;
    cache_ignores(ctx, &data, "another build's pipelineCacheUUID");
    let mut data = saxpy_cache_data(ctx);
    data[0..4].copy_from_slice(&u32::MAX.to_le_bytes());
    cache_ignores(ctx, &data, "a header length of u32::MAX");
}

fn pipeline_cache_truncated_entry(ctx: &Context) {
    let data = saxpy_cache_data(ctx);
    assert!(data.len() > 60, "the saxpy cache holds an entry");
    for cut in [41, 48, 60, data.len() / 2, data.len() - 1] {
        cache_ignores(ctx, &data[..cut], &format!("the saxpy cache cut to {cut} of {} bytes", data.len()));
    }
}

fn pipeline_cache_huge_entry_count(ctx: &Context) {
    let mut data = saxpy_cache_data(ctx);
    data.truncate(40);
    data[36..40].copy_from_slice(&u32::MAX.to_le_bytes());
    timed("a cache claiming u32::MAX entries", || cache_ignores(ctx, &data, "u32::MAX entries claimed"));
}

/// An entry whose words hash right but are hostile: a huge name length, a huge word
/// count, and SPIR-V with an id bound of u32::MAX.
fn pipeline_cache_hostile_entries(ctx: &Context) {
    let header = saxpy_cache_data(ctx)[..36].to_vec();
    let entry = |name_len: u32, words: &[u32], word_count: u32| {
        let hash = words.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &w| (h ^ u64::from(w)).wrapping_mul(0x0000_0100_0000_01b3));
        let mut e = header.clone();
        e.extend_from_slice(&1u32.to_le_bytes());
        e.extend_from_slice(&hash.to_le_bytes());
        e.extend_from_slice(&2u32.to_le_bytes()); // compute
        e.extend_from_slice(&name_len.to_le_bytes());
        e.extend_from_slice(b"main");
        e.extend_from_slice(&0u32.to_le_bytes());
        e.extend_from_slice(&word_count.to_le_bytes());
        e.extend(words.iter().flat_map(|w| w.to_le_bytes()));
        e
    };
    let mut hostile = spirv("saxpy");
    hostile[3] = u32::MAX;
    cache_ignores(ctx, &entry(u32::MAX, &hostile, hostile.len() as u32), "a name of u32::MAX bytes");
    cache_ignores(ctx, &entry(4, &hostile, u32::MAX), "u32::MAX words");
    let garbage: Vec<u32> = (0..64).map(|i| i * 0x0101_0101).collect();
    cache_ignores(ctx, &entry(4, &garbage, garbage.len() as u32), "an entry of garbage SPIR-V");
    // The hostile bound may compile or not; it must not take the process down.
    let data = entry(4, &hostile, hostile.len() as u32);
    let cache = create_cache(ctx, &data).expect("a cache from a hostile entry");
    // SAFETY: nothing uses it.
    unsafe { ctx.device.destroy_pipeline_cache(cache, None) };
}

fn pipeline_cache_get_data_small_sizes(ctx: &Context) {
    let full = saxpy_cache_data(ctx);
    let cache = create_cache(ctx, &full).expect("a cache from its own data");
    for size in [0usize, 1, 16, 39, full.len() - 1] {
        let mut out = vec![0xabu8; full.len() + 64];
        let mut written = size;
        // SAFETY: `out` has room for `size` bytes and more.
        let code = unsafe {
            (ctx.device.fp_v1_0().get_pipeline_cache_data)(ctx.device.handle(), cache, &mut written, out.as_mut_ptr() as *mut c_void)
        };
        assert_eq!(code, vk::Result::INCOMPLETE, "{size} bytes for a {}-byte blob", full.len());
        assert!(written <= size, "{written} bytes written into {size}");
        if size < 40 {
            assert_eq!(written, 0, "a blob smaller than its header was written");
        }
        assert!(out[written..].iter().all(|&b| b == 0xab), "bytes past the {written} reported were written");
    }
    let mut out = vec![0u8; full.len()];
    let mut written = full.len();
    // SAFETY: `out` holds the whole blob.
    let code = unsafe {
        (ctx.device.fp_v1_0().get_pipeline_cache_data)(ctx.device.handle(), cache, &mut written, out.as_mut_ptr() as *mut c_void)
    };
    assert_eq!((code, written), (vk::Result::SUCCESS, full.len()), "the whole blob");
    // SAFETY: nothing uses it.
    unsafe { ctx.device.destroy_pipeline_cache(cache, None) };
}

fn pipeline_cache_merge_into_itself(ctx: &Context) {
    let cache = create_cache(ctx, &[]).expect("a cache");
    // SAFETY: invalid on purpose: a cache merged into itself.
    expect_err(unsafe { ctx.device.merge_pipeline_caches(cache, &[cache]) }, "a cache merged into itself");
    // SAFETY: invalid on purpose: a null source.
    expect_err(unsafe { ctx.device.merge_pipeline_caches(cache, &[vk::PipelineCache::null()]) }, "a null source cache");
    // SAFETY: nothing uses it.
    unsafe { ctx.device.destroy_pipeline_cache(cache, None) };
}

// ---------------------------------------------------------------------------------------
// Command pools and command buffers
// ---------------------------------------------------------------------------------------

fn command_pool_queue_family_5(ctx: &Context) {
    for family in [5, u32::MAX] {
        let info = vk::CommandPoolCreateInfo::default().queue_family_index(family);
        // SAFETY: the family is what is tested.
        expect_err(unsafe { ctx.device.create_command_pool(&info, None) }, &format!("queue family {family}"));
    }
}

fn command_buffers_100k_allocate_and_free(ctx: &Context) {
    let info = vk::CommandPoolCreateInfo::default().queue_family_index(0);
    // SAFETY: valid create info.
    let pool = unsafe { ctx.device.create_command_pool(&info, None) }.expect("vkCreateCommandPool");
    let allocate = vk::CommandBufferAllocateInfo::default().command_pool(pool).level(vk::CommandBufferLevel::PRIMARY).command_buffer_count(100_000);
    timed("100k command buffers allocated, freed, allocated and destroyed with their pool", || {
        // SAFETY: a live pool; the buffers are freed before it is destroyed, then the
        // second batch with it.
        unsafe {
            let buffers = ctx.device.allocate_command_buffers(&allocate).expect("100k command buffers");
            ctx.device.free_command_buffers(pool, &buffers);
            let again = ctx.device.allocate_command_buffers(&allocate).expect("100k command buffers again");
            for cb in again.iter().step_by(1000) {
                ctx.device.begin_command_buffer(*cb, &vk::CommandBufferBeginInfo::default()).expect("begin");
            }
            ctx.device.reset_command_pool(pool, vk::CommandPoolResetFlags::empty()).expect("vkResetCommandPool");
            ctx.device.destroy_command_pool(pool, None);
        }
    });
}

/// Known to softvk's owner of command_buffer.rs: a second vkBeginCommandBuffer on a
/// recording buffer resets it instead of failing (VUID-vkBeginCommandBuffer-commandBuffer-00049).
fn command_buffer_begin_twice(ctx: &Context) {
    let cb = ctx.allocate_command_buffer(vk::CommandBufferLevel::PRIMARY);
    ctx.begin(cb);
    // SAFETY: invalid on purpose: cb is already recording.
    let again = unsafe { ctx.device.begin_command_buffer(cb, &vk::CommandBufferBeginInfo::default()) };
    expect_err(again, "vkBeginCommandBuffer on a recording command buffer");
}

fn command_buffer_end_without_begin(ctx: &Context) {
    let cb = ctx.allocate_command_buffer(vk::CommandBufferLevel::PRIMARY);
    // SAFETY: invalid on purpose: cb is in the initial state.
    expect_err(unsafe { ctx.device.end_command_buffer(cb) }, "vkEndCommandBuffer without vkBeginCommandBuffer");
    ctx.begin(cb);
    ctx.end(cb);
    // SAFETY: invalid on purpose: cb is executable.
    expect_err(unsafe { ctx.device.end_command_buffer(cb) }, "vkEndCommandBuffer twice");
}

fn submit(ctx: &Context, cbs: &[vk::CommandBuffer]) -> Result<(), vk::Result> {
    let submit = [vk::SubmitInfo::default().command_buffers(cbs)];
    // SAFETY: the command buffers' states are what is tested.
    unsafe { ctx.device.queue_submit(ctx.queue, &submit, vk::Fence::null()) }
}

fn command_buffer_submit_secondary(ctx: &Context) {
    let secondary = ctx.allocate_command_buffer(vk::CommandBufferLevel::SECONDARY);
    let inheritance = vk::CommandBufferInheritanceInfo::default();
    // SAFETY: a valid begin of a secondary.
    unsafe {
        ctx.device.begin_command_buffer(secondary, &vk::CommandBufferBeginInfo::default().inheritance_info(&inheritance)).expect("begin");
        ctx.device.end_command_buffer(secondary).expect("end");
    }
    expect_err(submit(ctx, &[secondary]), "a secondary command buffer submitted");
}

fn command_buffer_execute_a_primary(ctx: &Context) {
    let primary = ctx.allocate_command_buffer(vk::CommandBufferLevel::PRIMARY);
    ctx.begin(primary);
    ctx.end(primary);
    // SAFETY: invalid on purpose: a primary executed as a secondary.
    recording_fails(ctx, "vkCmdExecuteCommands of a primary", |cb| unsafe { ctx.device.cmd_execute_commands(cb, &[primary]) });
    let secondary = ctx.allocate_command_buffer(vk::CommandBufferLevel::SECONDARY);
    // SAFETY: invalid on purpose: a secondary in the initial state, and a null one.
    recording_fails(ctx, "vkCmdExecuteCommands of an unrecorded secondary", |cb| unsafe { ctx.device.cmd_execute_commands(cb, &[secondary]) });
    recording_fails(ctx, "vkCmdExecuteCommands of a null secondary", |cb| unsafe {
        ctx.device.cmd_execute_commands(cb, &[vk::CommandBuffer::null()])
    });
}

fn command_buffer_submit_in_initial_state(ctx: &Context) {
    let cb = ctx.allocate_command_buffer(vk::CommandBufferLevel::PRIMARY);
    expect_err(submit(ctx, &[cb]), "a command buffer never recorded");
    ctx.begin(cb);
    expect_err(submit(ctx, &[cb]), "a command buffer still recording");
    expect_err(submit(ctx, &[vk::CommandBuffer::null()]), "a null command buffer");
    // SAFETY: the failed submissions queued nothing.
    unsafe { ctx.device.queue_wait_idle(ctx.queue) }.expect("the queue is idle");
}

fn command_buffer_record_when_not_recording(ctx: &Context) {
    let buffer = buffer(ctx, 64);
    let cb = ctx.allocate_command_buffer(vk::CommandBufferLevel::PRIMARY);
    // SAFETY: invalid on purpose: cb is not recording.
    unsafe { ctx.device.cmd_fill_buffer(cb, buffer.buffer, 0, 64, 1) };
    expect_log("vkCmdFillBuffer: command buffer is not recording");
    ctx.run(|_| {});
    assert!(buffer.read().iter().all(|&b| b == 0), "a fill recorded outside a recording ran");
}

fn command_buffer_level_garbage(ctx: &Context) {
    let info = vk::CommandBufferAllocateInfo::default()
        .command_pool(ctx.command_pool)
        .level(vk::CommandBufferLevel::from_raw(12345))
        .command_buffer_count(1);
    // SAFETY: one output handle; the level is what is tested.
    let result = unsafe { ctx.device.allocate_command_buffers(&info) };
    expect_err(result, "command buffer level 12345");
}

fn command_buffer_free_of_another_pool(ctx: &Context) {
    let info = vk::CommandPoolCreateInfo::default().queue_family_index(0);
    // SAFETY: valid create info; the free is invalid on purpose and must be ignored.
    unsafe {
        let pool = ctx.device.create_command_pool(&info, None).expect("a second pool");
        let cb = ctx.allocate_command_buffer(vk::CommandBufferLevel::PRIMARY);
        ctx.device.free_command_buffers(pool, &[cb]);
        ctx.begin(cb);
        ctx.end(cb);
        ctx.device.destroy_command_pool(pool, None);
    }
    expect_log("command buffer does not belong to this pool");
}

// ---------------------------------------------------------------------------------------
// Transfer commands
// ---------------------------------------------------------------------------------------

/// Runs `record` against a buffer of 256 bytes of 0x11 and checks nothing changed.
fn buffer_untouched(ctx: &Context, log: &str, record: impl FnOnce(vk::CommandBuffer, vk::Buffer)) {
    let b = buffer(ctx, 256);
    b.fill(0x11);
    skipped_when_run(ctx, log, |cb| record(cb, b.buffer));
    assert!(b.read().iter().all(|&x| x == 0x11), "an out-of-range command changed the buffer");
}

fn copy_buffer_regions_past_the_end(ctx: &Context) {
    buffer_untouched(ctx, "is outside a 256-byte buffer; skipped", |cb, b| {
        let regions = [
            vk::BufferCopy { src_offset: 0, dst_offset: 250, size: 16 },
            vk::BufferCopy { src_offset: u64::MAX, dst_offset: 0, size: 1 },
            vk::BufferCopy { src_offset: 0, dst_offset: 1, size: u64::MAX },
            vk::BufferCopy { src_offset: 8, dst_offset: 0, size: vk::WHOLE_SIZE },
        ];
        // SAFETY: invalid regions on purpose.
        unsafe { ctx.device.cmd_copy_buffer(cb, b, b, &regions) };
    });
}

fn copy_buffer_overlapping(ctx: &Context) {
    let b = buffer(ctx, 256);
    recording_fails(ctx, "a copy within one buffer whose source and destination overlap", |cb| {
        // SAFETY: invalid on purpose: the ranges overlap.
        unsafe { ctx.device.cmd_copy_buffer(cb, b.buffer, b.buffer, &[vk::BufferCopy { src_offset: 0, dst_offset: 8, size: 64 }]) };
    });
    recording_fails(ctx, "two regions of one copy that overlap", |cb| {
        let regions = [vk::BufferCopy { src_offset: 0, dst_offset: 128, size: 16 }, vk::BufferCopy { src_offset: 136, dst_offset: 64, size: 16 }];
        // SAFETY: invalid on purpose: region 0 writes what region 1 reads.
        unsafe { ctx.device.cmd_copy_buffer(cb, b.buffer, b.buffer, &regions) };
    });
}

fn copy_buffer_null_buffers(ctx: &Context) {
    let b = buffer(ctx, 64);
    let region = [vk::BufferCopy { src_offset: 0, dst_offset: 0, size: 4 }];
    // SAFETY: invalid on purpose: null buffers.
    recording_fails(ctx, "a copy from a null buffer", |cb| unsafe { ctx.device.cmd_copy_buffer(cb, vk::Buffer::null(), b.buffer, &region) });
    recording_fails(ctx, "a copy to a null buffer", |cb| unsafe { ctx.device.cmd_copy_buffer(cb, b.buffer, vk::Buffer::null(), &region) });
}

fn image_copy(src: vk::ImageSubresourceLayers, src_offset: vk::Offset3D, dst: vk::ImageSubresourceLayers, dst_offset: vk::Offset3D, extent: vk::Extent3D) -> vk::ImageCopy {
    vk::ImageCopy { src_subresource: src, src_offset, dst_subresource: dst, dst_offset, extent }
}

fn offset(x: i32, y: i32, z: i32) -> vk::Offset3D {
    vk::Offset3D { x, y, z }
}

fn extent(width: u32, height: u32, depth: u32) -> vk::Extent3D {
    vk::Extent3D { width, height, depth }
}

/// Two RGBA8 4x4 images of 2 layers and known contents; checks both are unchanged
/// after `record`.
fn images_untouched(ctx: &Context, log: &str, record: impl FnOnce(vk::CommandBuffer, &softvk_tests::Image, &softvk_tests::Image)) {
    let (a, b) = (rgba_image(ctx, 1, 2), rgba_image(ctx, 1, 2));
    let (pa, pb) = (softvk_tests::pattern(128, 1), softvk_tests::pattern(128, 2));
    ctx.write_image(&a, vk::ImageAspectFlags::COLOR, 0, 0, 2, &pa);
    ctx.write_image(&b, vk::ImageAspectFlags::COLOR, 0, 0, 2, &pb);
    skipped_when_run(ctx, log, |cb| record(cb, &a, &b));
    softvk_tests::assert_bytes_eq(&ctx.read_image(&a, vk::ImageAspectFlags::COLOR, 0, 0, 2), &pa, "the source image");
    softvk_tests::assert_bytes_eq(&ctx.read_image(&b, vk::ImageAspectFlags::COLOR, 0, 0, 2), &pb, "the destination image");
}

fn copy_image_regions_past_the_end(ctx: &Context) {
    images_untouched(ctx, "vkCmdCopyImage: region", |cb, a, b| {
        let l = color_layers(0, 0, 1);
        let regions = [
            image_copy(l, offset(2, 2, 0), l, offset(0, 0, 0), extent(4, 4, 1)),
            image_copy(l, offset(0, 0, 0), l, offset(i32::MAX, 0, 0), extent(1, 1, 1)),
            image_copy(l, offset(-1, 0, 0), l, offset(0, 0, 0), extent(1, 1, 1)),
            image_copy(l, offset(0, 0, 0), l, offset(0, 0, 0), extent(u32::MAX, u32::MAX, u32::MAX)),
            image_copy(color_layers(5, 0, 1), offset(0, 0, 0), l, offset(0, 0, 0), extent(1, 1, 1)),
            image_copy(color_layers(0, 2, vk::REMAINING_ARRAY_LAYERS), offset(0, 0, 0), l, offset(0, 0, 0), extent(4, 4, 1)),
        ];
        ctx.cmd_copy_image(cb, a, b, &regions);
    });
}

/// Layer ranges past the image (other than VK_REMAINING_ARRAY_LAYERS, which softvk takes
/// as "from the base layer on") would otherwise be cut to the layers there are: refused
/// when recorded.
fn transfer_layers_past_the_image(ctx: &Context) {
    let (a, b) = (rgba_image(ctx, 1, 2), rgba_image(ctx, 1, 2));
    let buffer = buffer(ctx, 256);
    let o = offset(0, 0, 0);
    let e = extent(4, 4, 1);
    for (base, count) in [(1, u32::MAX - 1), (0, 3), (2, 1), (u32::MAX, 1), (7, 1), (1, 0)] {
        let bad = color_layers(0, base, count);
        let good = color_layers(0, 0, count.min(2));
        let what = format!("layers {base}+{count} of 2");
        recording_fails(ctx, &format!("vkCmdCopyImage source {what}"), |cb| ctx.cmd_copy_image(cb, &a, &b, &[image_copy(bad, o, good, o, e)]));
        recording_fails(ctx, &format!("vkCmdCopyImage destination {what}"), |cb| ctx.cmd_copy_image(cb, &a, &b, &[image_copy(good, o, bad, o, e)]));
        let whole = [o, offset(4, 4, 1)];
        let blit = vk::ImageBlit { src_subresource: bad, src_offsets: whole, dst_subresource: good, dst_offsets: whole };
        recording_fails(ctx, &format!("vkCmdBlitImage {what}"), |cb| ctx.cmd_blit(cb, &a, &b, &[blit], vk::Filter::NEAREST));
        let region = [buffer_image_copy(0, 0, 0, bad, o, extent(1, 1, 1))];
        recording_fails(ctx, &format!("vkCmdCopyBufferToImage {what}"), |cb| unsafe {
            // SAFETY: invalid on purpose.
            ctx.device.cmd_copy_buffer_to_image(cb, buffer.buffer, b.image, vk::ImageLayout::GENERAL, &region)
        });
        recording_fails(ctx, &format!("vkCmdCopyImageToBuffer {what}"), |cb| unsafe {
            // SAFETY: invalid on purpose.
            ctx.device.cmd_copy_image_to_buffer(cb, a.image, vk::ImageLayout::GENERAL, buffer.buffer, &region)
        });
    }
}

fn copy_image_overlapping(ctx: &Context) {
    let a = rgba_image(ctx, 1, 1);
    let l = color_layers(0, 0, 1);
    recording_fails(ctx, "a copy within one image whose boxes overlap", |cb| {
        ctx.cmd_copy_image(cb, &a, &a, &[image_copy(l, offset(0, 0, 0), l, offset(1, 1, 0), extent(2, 2, 1))]);
    });
}

fn buffer_image_copy(buffer_offset: u64, row_length: u32, image_height: u32, layers: vk::ImageSubresourceLayers, at: vk::Offset3D, size: vk::Extent3D) -> vk::BufferImageCopy {
    vk::BufferImageCopy {
        buffer_offset,
        buffer_row_length: row_length,
        buffer_image_height: image_height,
        image_subresource: layers,
        image_offset: at,
        image_extent: size,
    }
}

fn bad_buffer_image_regions() -> Vec<vk::BufferImageCopy> {
    let l = color_layers(0, 0, 1);
    let o = offset(0, 0, 0);
    vec![
        buffer_image_copy(200, 0, 0, l, o, extent(4, 4, 1)),
        buffer_image_copy(u64::MAX - 3, 0, 0, l, o, extent(1, 1, 1)),
        buffer_image_copy(0, u32::MAX, u32::MAX, color_layers(0, 0, 2), o, extent(4, 4, 1)),
        buffer_image_copy(0, u32::MAX, 0, l, o, extent(4, 4, 1)),
        buffer_image_copy(0, 0, 0, l, offset(3, 3, 0), extent(u32::MAX, 4, 1)),
        buffer_image_copy(0, 0, 0, color_layers(9, 0, 1), o, extent(1, 1, 1)),
        buffer_image_copy(0, 0, 0, color_layers(0, 2, vk::REMAINING_ARRAY_LAYERS), o, extent(4, 4, 1)),
    ]
}

fn copy_buffer_to_image_regions_past_the_end(ctx: &Context) {
    let b = buffer(ctx, 256);
    b.fill(0x22);
    images_untouched(ctx, "buffer/image copy region", |cb, _, dst| {
        // SAFETY: invalid regions on purpose.
        unsafe { ctx.device.cmd_copy_buffer_to_image(cb, b.buffer, dst.image, vk::ImageLayout::GENERAL, &bad_buffer_image_regions()) };
    });
}

fn copy_image_to_buffer_regions_past_the_end(ctx: &Context) {
    let image = rgba_image(ctx, 1, 2);
    buffer_untouched(ctx, "is outside a 256-byte buffer; skipped", |cb, b| {
        // SAFETY: invalid regions on purpose.
        unsafe { ctx.device.cmd_copy_image_to_buffer(cb, image.image, vk::ImageLayout::GENERAL, b, &bad_buffer_image_regions()) };
    });
}

/// Blit boxes outside the images would be clipped (a part of the region obeyed): they are
/// refused when recorded, like levels and layers that do not exist and unknown filters.
fn blit_regions_past_the_end(ctx: &Context) {
    let (a, b) = (rgba_image(ctx, 1, 2), rgba_image(ctx, 1, 2));
    let l = color_layers(0, 0, 1);
    let whole = [offset(0, 0, 0), offset(4, 4, 1)];
    let blit = |src: [vk::Offset3D; 2], dst: [vk::Offset3D; 2], sl, dl| vk::ImageBlit { src_subresource: sl, src_offsets: src, dst_subresource: dl, dst_offsets: dst };
    for (region, what) in [
        (blit([offset(0, 0, 0), offset(i32::MAX, i32::MAX, 1)], whole, l, l), "a source box to i32::MAX"),
        (blit(whole, [offset(i32::MIN, i32::MIN, 0), offset(i32::MAX, i32::MAX, 1)], l, l), "a destination box from i32::MIN"),
        (blit(whole, [offset(-1, 0, 0), offset(3, 4, 1)], l, l), "a destination box one texel left of the image"),
        (blit(whole, [offset(0, 0, 0), offset(4, 4, i32::MAX)], l, l), "a 2D box i32::MAX deep"),
        (blit(whole, [offset(0, 0, 1), offset(4, 4, 2)], l, l), "a 2D box at z = 1"),
        (blit(whole, whole, color_layers(3, 0, 1), l), "level 3 of 1"),
    ] {
        recording_fails(ctx, what, |cb| ctx.cmd_blit(cb, &a, &b, &[region], vk::Filter::NEAREST));
    }
}

fn blit_filter_garbage(ctx: &Context) {
    let (a, b) = (rgba_image(ctx, 1, 1), rgba_image(ctx, 1, 1));
    let l = color_layers(0, 0, 1);
    let whole = [offset(0, 0, 0), offset(4, 4, 1)];
    let region = vk::ImageBlit { src_subresource: l, src_offsets: whole, dst_subresource: l, dst_offsets: whole };
    for filter in [vk::Filter::from_raw(12345), vk::Filter::CUBIC_EXT] {
        recording_fails(ctx, &format!("filter {filter:?}"), |cb| ctx.cmd_blit(cb, &a, &b, &[region], filter));
    }
}

fn clear_color<'a>(ctx: &'a Context, image: vk::Image, ranges: &[vk::ImageSubresourceRange]) -> impl FnOnce(vk::CommandBuffer) + 'a {
    let ranges = ranges.to_vec();
    move |cb| {
        let color = vk::ClearColorValue { float32: [1.0; 4] };
        // SAFETY: the ranges are what is tested.
        unsafe { ctx.device.cmd_clear_color_image(cb, image, vk::ImageLayout::GENERAL, &color, &ranges) };
    }
}

fn clear_color_ranges_past_the_image(ctx: &Context) {
    let image = rgba_image(ctx, 2, 2);
    for range in [
        color_range(2, 1, 0, 1),
        color_range(0, u32::MAX - 1, 0, 1),
        color_range(0, 1, 0, u32::MAX - 1),
        color_range(u32::MAX, vk::REMAINING_MIP_LEVELS, 0, 1),
        color_range(0, 1, 2, vk::REMAINING_ARRAY_LAYERS),
        color_range(1, 2, 0, 1),
        color_range(0, 0, 0, 1),
    ] {
        recording_fails(ctx, &format!("a clear of {range:?} in a 2-mip 2-layer image"), clear_color(ctx, image.image, &[range]));
    }
}

fn clear_color_of_a_depth_image(ctx: &Context) {
    let depth = ctx.create_image_raw(&image_info_2d(vk::Format::D32_SFLOAT, 4, 4));
    let range = vk::ImageSubresourceRange { aspect_mask: vk::ImageAspectFlags::DEPTH, ..color_range(0, 1, 0, 1) };
    recording_fails(ctx, "a colour clear of a depth image", clear_color(ctx, depth.image, &[range]));
    let rgba = rgba_image(ctx, 1, 1);
    let depth_aspect = vk::ImageAspectFlags::DEPTH;
    let range = vk::ImageSubresourceRange { aspect_mask: depth_aspect, ..color_range(0, 1, 0, 1) };
    recording_fails(ctx, "a colour clear of the depth aspect", clear_color(ctx, rgba.image, &[range]));
}

fn clear_depth_stencil_of_a_color_image(ctx: &Context) {
    let rgba = rgba_image(ctx, 1, 1);
    let value = vk::ClearDepthStencilValue { depth: 1.0, stencil: 0 };
    let range = vk::ImageSubresourceRange { aspect_mask: vk::ImageAspectFlags::DEPTH, ..color_range(0, 1, 0, 1) };
    recording_fails(ctx, "a depth clear of a colour image", |cb| unsafe {
        // SAFETY: invalid on purpose.
        ctx.device.cmd_clear_depth_stencil_image(cb, rgba.image, vk::ImageLayout::GENERAL, &value, &[range]);
    });
    let depth = ctx.create_image_raw(&image_info_2d(vk::Format::D32_SFLOAT, 4, 4));
    let range = vk::ImageSubresourceRange { aspect_mask: vk::ImageAspectFlags::DEPTH, ..color_range(0, u32::MAX - 1, 0, 1) };
    recording_fails(ctx, "a depth clear of u32::MAX - 1 levels", |cb| unsafe {
        // SAFETY: invalid on purpose.
        ctx.device.cmd_clear_depth_stencil_image(cb, depth.image, vk::ImageLayout::GENERAL, &value, &[range]);
    });
}

fn fill_buffer_past_the_end(ctx: &Context) {
    buffer_untouched(ctx, "is outside a 256-byte buffer; skipped", |cb, b| {
        // SAFETY: invalid ranges on purpose.
        unsafe {
            ctx.device.cmd_fill_buffer(cb, b, 256, 4, 0xdead_beef);
            ctx.device.cmd_fill_buffer(cb, b, 252, 8, 0xdead_beef);
            ctx.device.cmd_fill_buffer(cb, b, u64::MAX - 3, 8, 0xdead_beef);
            ctx.device.cmd_fill_buffer(cb, b, 0, u64::MAX - 3, 0xdead_beef);
        }
    });
}

fn fill_buffer_misaligned(ctx: &Context) {
    let b = buffer(ctx, 256);
    // SAFETY: invalid on purpose: offsets and sizes not multiples of 4.
    recording_fails(ctx, "a fill at offset 2", |cb| unsafe { ctx.device.cmd_fill_buffer(cb, b.buffer, 2, 4, 1) });
    recording_fails(ctx, "a fill of 6 bytes", |cb| unsafe { ctx.device.cmd_fill_buffer(cb, b.buffer, 0, 6, 1) });
    recording_fails(ctx, "a fill of 0 bytes", |cb| unsafe { ctx.device.cmd_fill_buffer(cb, b.buffer, 0, 0, 1) });
}

fn update_buffer_bad_sizes(ctx: &Context) {
    let b = buffer(ctx, 256);
    let data = [0u8; 64];
    let update = |offset: u64, size: u64, data: *const c_void| {
        move |cb| unsafe {
            // SAFETY: softvk reads `size` bytes only when it accepts the size (at most 64
            // here), and `data` holds 64.
            (ctx.device.fp_v1_0().cmd_update_buffer)(cb, b.buffer, offset, size, data)
        }
    };
    let p = data.as_ptr() as *const c_void;
    recording_fails(ctx, "an update of 0 bytes", update(0, 0, p));
    recording_fails(ctx, "an update of 6 bytes", update(0, 6, p));
    recording_fails(ctx, "an update at offset 2", update(2, 4, p));
    recording_fails(ctx, "an update of 65540 bytes", update(0, 65540, p));
    recording_fails(ctx, "an update of u64::MAX bytes", update(0, u64::MAX, p));
    recording_fails(ctx, "an update from null", update(0, 4, std::ptr::null()));
}

fn update_buffer_past_the_end(ctx: &Context) {
    let data = [7u8; 16];
    buffer_untouched(ctx, "is outside a 256-byte buffer; skipped", |cb, b| {
        // SAFETY: invalid offsets on purpose.
        unsafe {
            ctx.device.cmd_update_buffer(cb, b, 248, &data);
            ctx.device.cmd_update_buffer(cb, b, u64::MAX - 3, &data[..4]);
        }
    });
}

// ---------------------------------------------------------------------------------------
// Compute commands: pipelines, descriptor sets, push constants, dispatches
// ---------------------------------------------------------------------------------------

fn dispatch_without_pipeline(ctx: &Context) {
    // SAFETY: invalid on purpose: nothing is bound.
    recording_fails(ctx, "a dispatch with no pipeline", |cb| unsafe { ctx.device.cmd_dispatch(cb, 1, 1, 1) });
    let saxpy = Saxpy::new(ctx);
    recording_fails(ctx, "a dispatch without the pipeline's set", |cb| unsafe {
        // SAFETY: invalid on purpose: set 0 is not bound.
        ctx.device.cmd_bind_pipeline(cb, vk::PipelineBindPoint::COMPUTE, saxpy.pipeline);
        ctx.device.cmd_dispatch(cb, 1, 1, 1);
    });
}

fn dispatch_group_counts_past_the_limit(ctx: &Context) {
    let saxpy = Saxpy::new(ctx);
    for groups in [[u32::MAX, 1, 1], [1, u32::MAX, 1], [1, 1, u32::MAX], [65536, 1, 1], [u32::MAX; 3]] {
        recording_fails(ctx, &format!("a dispatch of {groups:?} groups"), |cb| {
            saxpy.bind(cb);
            // SAFETY: invalid on purpose: past maxComputeWorkGroupCount.
            unsafe { ctx.device.cmd_dispatch(cb, groups[0], groups[1], groups[2]) };
        });
    }
}

fn dispatch_base_past_the_limit(ctx: &Context) {
    let saxpy = Saxpy::new(ctx);
    recording_fails(ctx, "a dispatch from base u32::MAX", |cb| {
        saxpy.bind(cb);
        // SAFETY: invalid on purpose: base + count overflows.
        unsafe { ctx.device.cmd_dispatch_base(cb, u32::MAX, 0, 0, 2, 1, 1) };
    });
}

fn dispatch_indirect_offset_past_the_end(ctx: &Context) {
    let saxpy = Saxpy::new(ctx);
    let b = saxpy.buffers[0].buffer;
    for offset in [256, 248, u64::MAX - 3, 2, 1 << 40] {
        recording_fails(ctx, &format!("an indirect dispatch at {offset} of 256 bytes"), |cb| {
            saxpy.bind(cb);
            // SAFETY: invalid on purpose.
            unsafe { ctx.device.cmd_dispatch_indirect(cb, b, offset) };
        });
    }
}

fn dispatch_indirect_counts_past_the_limit(ctx: &Context) {
    let saxpy = Saxpy::new(ctx);
    let args = &saxpy.buffers[0];
    args.write(0, &[u32::MAX, u32::MAX, u32::MAX].map(u32::to_le_bytes).concat());
    skipped_when_run(ctx, "vkCmdDispatchIndirect: group counts", |cb| {
        saxpy.bind(cb);
        // SAFETY: the counts in the buffer are invalid on purpose.
        unsafe { ctx.device.cmd_dispatch_indirect(cb, args.buffer, 0) };
    });
}

fn bind_pipeline_wrong(ctx: &Context) {
    let saxpy = Saxpy::new(ctx);
    // SAFETY: invalid on purpose: a compute pipeline at the graphics bind point, and null.
    recording_fails(ctx, "a compute pipeline bound for graphics", |cb| unsafe {
        ctx.device.cmd_bind_pipeline(cb, vk::PipelineBindPoint::GRAPHICS, saxpy.pipeline)
    });
    recording_fails(ctx, "a null pipeline", |cb| unsafe { ctx.device.cmd_bind_pipeline(cb, vk::PipelineBindPoint::COMPUTE, vk::Pipeline::null()) });
    recording_fails(ctx, "bind point 12345", |cb| unsafe {
        ctx.device.cmd_bind_pipeline(cb, vk::PipelineBindPoint::from_raw(12345), saxpy.pipeline)
    });
}

fn bind_sets<'a>(ctx: &'a Context, layout: vk::PipelineLayout, first: u32, sets: &[vk::DescriptorSet], offsets: &[u32]) -> impl FnOnce(vk::CommandBuffer) + 'a {
    let (sets, offsets) = (sets.to_vec(), offsets.to_vec());
    move |cb| {
        // SAFETY: the sets and offsets are what is tested.
        unsafe { ctx.device.cmd_bind_descriptor_sets(cb, vk::PipelineBindPoint::COMPUTE, layout, first, &sets, &offsets) }
    }
}

fn bind_sets_past_the_layout(ctx: &Context) {
    let saxpy = Saxpy::new(ctx);
    for (first, count) in [(1, 1), (0, 2), (7, 2), (u32::MAX, 1)] {
        let sets = vec![saxpy.set; count];
        recording_fails(ctx, &format!("sets {first}..+{count} of a one-set layout"), bind_sets(ctx, saxpy.layout, first, &sets, &[]));
    }
    recording_fails(ctx, "a null set", bind_sets(ctx, saxpy.layout, 0, &[vk::DescriptorSet::null()], &[]));
    recording_fails(ctx, "a null layout", bind_sets(ctx, vk::PipelineLayout::null(), 0, &[saxpy.set], &[]));
}

/// A layout of one dynamic storage buffer and a set of it pointing at a 256-byte buffer.
fn dynamic_set(ctx: &Context) -> (vk::DescriptorSetLayout, vk::PipelineLayout, vk::DescriptorPool, vk::DescriptorSet, HostBuffer) {
    let set_layout = set_layout(ctx, &storage_bindings(1, vk::DescriptorType::STORAGE_BUFFER_DYNAMIC));
    let layout = pipeline_layout(ctx, &[set_layout], 0);
    let pool = pool(ctx, 1, 1, vk::DescriptorPoolCreateFlags::empty());
    let set = allocate_sets(ctx, pool, &[set_layout]).expect("a set")[0];
    let b = ctx.create_buffer(256, vk::BufferUsageFlags::STORAGE_BUFFER);
    let info = [vk::DescriptorBufferInfo { buffer: b.buffer, offset: 0, range: 64 }];
    let write = vk::WriteDescriptorSet::default().dst_set(set).descriptor_type(vk::DescriptorType::STORAGE_BUFFER_DYNAMIC).buffer_info(&info);
    // SAFETY: a valid write.
    unsafe { ctx.device.update_descriptor_sets(&[write], &[]) };
    (set_layout, layout, pool, set, b)
}

fn destroy_dynamic_set(ctx: &Context, parts: (vk::DescriptorSetLayout, vk::PipelineLayout, vk::DescriptorPool, vk::DescriptorSet, HostBuffer)) {
    // SAFETY: nothing uses them.
    unsafe {
        ctx.device.destroy_descriptor_pool(parts.2, None);
        ctx.device.destroy_pipeline_layout(parts.1, None);
        ctx.device.destroy_descriptor_set_layout(parts.0, None);
    }
}

fn bind_sets_wrong_dynamic_offset_count(ctx: &Context) {
    let parts = dynamic_set(ctx);
    recording_fails(ctx, "no dynamic offset for a dynamic buffer", bind_sets(ctx, parts.1, 0, &[parts.3], &[]));
    recording_fails(ctx, "two dynamic offsets for one", bind_sets(ctx, parts.1, 0, &[parts.3], &[0, 0]));
    destroy_dynamic_set(ctx, parts);
}

fn bind_sets_misaligned_dynamic_offset(ctx: &Context) {
    let parts = dynamic_set(ctx);
    for offset in [4, 17, u32::MAX] {
        recording_fails(ctx, &format!("dynamic offset {offset}"), bind_sets(ctx, parts.1, 0, &[parts.3], &[offset]));
    }
    destroy_dynamic_set(ctx, parts);
}

/// VUID-vkCmdBindDescriptorSets-pDynamicOffsets-01979: offset + range must lie in the
/// buffer.
fn bind_sets_dynamic_offset_past_the_buffer(ctx: &Context) {
    let parts = dynamic_set(ctx);
    for offset in [208, 256, 1 << 20] {
        recording_fails(ctx, &format!("dynamic offset {offset} for 64 bytes of 256"), bind_sets(ctx, parts.1, 0, &[parts.3], &[offset]));
    }
    destroy_dynamic_set(ctx, parts);
}

fn push_constants_past_256(ctx: &Context) {
    let data = [0u8; 512];
    let saxpy = Saxpy::new(ctx);
    for (offset, size) in [(252, 8), (0, 260), (u32::MAX - 3, 8), (256, 4), (0, 0), (2, 4), (0, 6)] {
        recording_fails(ctx, &format!("push constants {offset}+{size}"), |cb| unsafe {
            // SAFETY: `data` holds more than softvk may read (it refuses sizes past 256).
            (ctx.device.fp_v1_0().cmd_push_constants)(cb, saxpy.layout, vk::ShaderStageFlags::COMPUTE, offset, size, data.as_ptr() as *const c_void)
        });
    }
    recording_fails(ctx, "push constants from null", |cb| unsafe {
        // SAFETY: invalid on purpose: null values.
        (ctx.device.fp_v1_0().cmd_push_constants)(cb, saxpy.layout, vk::ShaderStageFlags::COMPUTE, 0, 4, std::ptr::null())
    });
}

// ---------------------------------------------------------------------------------------
// Barriers and events
// ---------------------------------------------------------------------------------------

fn barrier<'a>(
    ctx: &'a Context,
    src: vk::PipelineStageFlags,
    dst: vk::PipelineStageFlags,
    buffers: &[vk::BufferMemoryBarrier<'static>],
    images: &[vk::ImageMemoryBarrier<'static>],
) -> impl FnOnce(vk::CommandBuffer) + 'a {
    let (buffers, images) = (buffers.to_vec(), images.to_vec());
    move |cb| {
        // SAFETY: the barriers are what is tested.
        unsafe { ctx.device.cmd_pipeline_barrier(cb, src, dst, vk::DependencyFlags::empty(), &[], &buffers, &images) }
    }
}

const ALL: vk::PipelineStageFlags = vk::PipelineStageFlags::ALL_COMMANDS;

fn barrier_garbage_stages(ctx: &Context) {
    let garbage = vk::PipelineStageFlags::from_raw(0x8000_0000);
    recording_fails(ctx, "srcStageMask 0", barrier(ctx, vk::PipelineStageFlags::empty(), ALL, &[], &[]));
    recording_fails(ctx, "dstStageMask 0", barrier(ctx, ALL, vk::PipelineStageFlags::empty(), &[], &[]));
    recording_fails(ctx, "a stage bit no one defines", barrier(ctx, garbage, ALL, &[], &[]));
}

fn image_barrier(image: vk::Image, old: vk::ImageLayout, new: vk::ImageLayout, range: vk::ImageSubresourceRange) -> vk::ImageMemoryBarrier<'static> {
    vk::ImageMemoryBarrier::default()
        .old_layout(old)
        .new_layout(new)
        .src_queue_family_index(vk::QUEUE_FAMILY_IGNORED)
        .dst_queue_family_index(vk::QUEUE_FAMILY_IGNORED)
        .image(image)
        .subresource_range(range)
}

fn barrier_garbage_image_barriers(ctx: &Context) {
    let image = rgba_image(ctx, 1, 1);
    let general = vk::ImageLayout::GENERAL;
    let whole = color_range(0, 1, 0, 1);
    let refused = |b: vk::ImageMemoryBarrier<'static>, what: &str| recording_fails(ctx, what, barrier(ctx, ALL, ALL, &[], &[b]));
    refused(image_barrier(vk::Image::null(), general, general, whole), "a barrier on a null image");
    refused(image_barrier(image.image, general, vk::ImageLayout::from_raw(12345), whole), "layout 12345");
    refused(image_barrier(image.image, general, vk::ImageLayout::UNDEFINED, whole), "a transition to UNDEFINED");
    refused(image_barrier(image.image, general, general, color_range(1, 1, 0, 1)), "level 1 of a 1-level image");
    refused(image_barrier(image.image, general, general, color_range(0, 1, 0, u32::MAX - 1)), "u32::MAX - 1 layers");
    refused(image_barrier(image.image, general, general, color_range(0, 1, 5, vk::REMAINING_ARRAY_LAYERS)), "layers from 5 of 1");
    let odd_family = image_barrier(image.image, general, general, whole).src_queue_family_index(12345).dst_queue_family_index(0);
    refused(odd_family, "queue family 12345");
}

fn barrier_garbage_buffer_barriers(ctx: &Context) {
    let b = buffer(ctx, 256);
    let barrier_of = |buffer: vk::Buffer, offset: u64, size: u64| {
        vk::BufferMemoryBarrier::default()
            .src_queue_family_index(vk::QUEUE_FAMILY_IGNORED)
            .dst_queue_family_index(vk::QUEUE_FAMILY_IGNORED)
            .buffer(buffer)
            .offset(offset)
            .size(size)
    };
    for (buffer, offset, size) in [(vk::Buffer::null(), 0, vk::WHOLE_SIZE), (b.buffer, 256, 4), (b.buffer, 0, 260), (b.buffer, u64::MAX, 1), (b.buffer, 0, 0)] {
        let what = format!("a buffer barrier {offset}+{size} of {buffer:?}");
        recording_fails(ctx, &what, barrier(ctx, ALL, ALL, &[barrier_of(buffer, offset, size)], &[]));
    }
}

fn event_commands_with_null_events(ctx: &Context) {
    // SAFETY: invalid on purpose: null events.
    recording_fails(ctx, "vkCmdSetEvent of null", |cb| unsafe { ctx.device.cmd_set_event(cb, vk::Event::null(), ALL) });
    recording_fails(ctx, "vkCmdResetEvent of null", |cb| unsafe { ctx.device.cmd_reset_event(cb, vk::Event::null(), ALL) });
    recording_fails(ctx, "vkCmdWaitEvents of null", |cb| unsafe {
        ctx.device.cmd_wait_events(cb, &[vk::Event::null()], ALL, ALL, &[], &[], &[])
    });
    let event = ctx.owned_event();
    recording_fails(ctx, "vkCmdSetEvent at stage 0", |cb| unsafe { ctx.device.cmd_set_event(cb, event, vk::PipelineStageFlags::empty()) });
}

/// The synchronization2 commands check what their dependency infos name, as the 1.0 ones do;
/// vkQueueSubmit2 refuses protected batches and null semaphores.
fn synchronization2_garbage(ctx: &Context) {
    let sync2 = ash::khr::synchronization2::Device::new(&ctx.instance, &ctx.device);
    let garbage = vk::PipelineStageFlags2::from_raw(1 << 45);
    let b = buffer(ctx, 256);
    // SAFETY (every closure): invalid on purpose: what the barriers name.
    recording_fails(ctx, "vkCmdPipelineBarrier2 with a stage bit no one defines", |cb| unsafe {
        let m = [vk::MemoryBarrier2::default().src_stage_mask(garbage)];
        sync2.cmd_pipeline_barrier2(cb, &vk::DependencyInfo::default().memory_barriers(&m));
    });
    recording_fails(ctx, "vkCmdPipelineBarrier2 past the end of a buffer", |cb| unsafe {
        let bb = [vk::BufferMemoryBarrier2::default()
            .src_queue_family_index(vk::QUEUE_FAMILY_IGNORED)
            .dst_queue_family_index(vk::QUEUE_FAMILY_IGNORED)
            .buffer(b.buffer)
            .offset(200)
            .size(100)];
        sync2.cmd_pipeline_barrier2(cb, &vk::DependencyInfo::default().buffer_memory_barriers(&bb));
    });
    recording_fails(ctx, "vkCmdPipelineBarrier2 with no dependency info", |cb| unsafe {
        (sync2.fp().cmd_pipeline_barrier2_khr)(cb, std::ptr::null());
    });
    let event = ctx.owned_event();
    recording_fails(ctx, "vkCmdWaitEvents2 with no dependency infos", |cb| unsafe {
        (sync2.fp().cmd_wait_events2_khr)(cb, 1, &event, std::ptr::null());
    });
    recording_fails(ctx, "vkCmdResetEvent2 with a stage bit no one defines", |cb| unsafe {
        sync2.cmd_reset_event2(cb, event, garbage);
    });
    // SAFETY: invalid on purpose: a protected batch, a null semaphore.
    unsafe {
        let protected = [vk::SubmitInfo2::default().flags(vk::SubmitFlags::PROTECTED)];
        expect_err(sync2.queue_submit2(ctx.queue, &protected, vk::Fence::null()), "a protected vkQueueSubmit2");
        let null = [vk::SemaphoreSubmitInfo::default()];
        let waits = [vk::SubmitInfo2::default().wait_semaphore_infos(&null)];
        expect_err(sync2.queue_submit2(ctx.queue, &waits, vk::Fence::null()), "vkQueueSubmit2 waiting on a null semaphore");
    }
}

/// A wait for an event nobody sets holds the queue, not the host: the fence times out,
/// and setting the event from the host lets the work finish.
fn event_never_set_does_not_hang(ctx: &Context) {
    let event = ctx.owned_event();
    let cb = ctx.allocate_command_buffer(vk::CommandBufferLevel::PRIMARY);
    ctx.begin(cb);
    // SAFETY: cb is recording; the event is live.
    unsafe { ctx.device.cmd_wait_events(cb, &[event], vk::PipelineStageFlags::HOST, ALL, &[], &[], &[]) };
    ctx.end(cb);
    let fence = ctx.owned_fence(false);
    // SAFETY: valid submission and waits.
    unsafe {
        ctx.device.queue_submit(ctx.queue, &[vk::SubmitInfo::default().command_buffers(&[cb])], fence).expect("submit");
        assert_eq!(ctx.device.wait_for_fences(&[fence], true, 10_000_000), Err(vk::Result::TIMEOUT), "the wait for the event");
        ctx.device.set_event(event).expect("vkSetEvent");
        ctx.device.wait_for_fences(&[fence], true, FENCE_TIMEOUT_NS).expect("the work after the event was set");
    }
}

// ---------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------

fn query_pool(ctx: &Context, ty: vk::QueryType, count: u32) -> Result<vk::QueryPool, vk::Result> {
    let info = vk::QueryPoolCreateInfo::default().query_type(ty).query_count(count);
    // SAFETY: the create info is valid as a struct; its values are what is tested.
    unsafe { ctx.device.create_query_pool(&info, None) }
}

fn timestamps(ctx: &Context, count: u32) -> vk::QueryPool {
    query_pool(ctx, vk::QueryType::TIMESTAMP, count).expect("a timestamp pool")
}

fn destroy_query_pool(ctx: &Context, pool: vk::QueryPool) {
    // SAFETY: nothing uses it.
    unsafe { ctx.device.destroy_query_pool(pool, None) }
}

fn query_pool_count_u32_max(ctx: &Context) {
    let before = address_space_in_use();
    let result = query_pool(ctx, vk::QueryType::TIMESTAMP, u32::MAX);
    let grown = address_space_in_use().saturating_sub(before);
    if let Ok(pool) = result {
        destroy_query_pool(ctx, pool);
    }
    expect_err(result, "u32::MAX timestamp queries");
    assert!(grown < 64 << 20, "the refused pool took {grown} bytes of address space");
}

fn query_pool_count_zero_and_unknown_type(ctx: &Context) {
    expect_err(query_pool(ctx, vk::QueryType::TIMESTAMP, 0), "queryCount 0");
    expect_err(query_pool(ctx, vk::QueryType::from_raw(12345), 4), "query type 12345");
}

fn get_results(ctx: &Context, pool: vk::QueryPool, first: u32, count: u32, out: &mut [u8], stride: u64, flags: vk::QueryResultFlags) -> vk::Result {
    // SAFETY: `out` holds `out.len()` bytes.
    unsafe {
        (ctx.device.fp_v1_0().get_query_pool_results)(ctx.device.handle(), pool, first, count, out.len(), out.as_mut_ptr() as *mut c_void, stride, flags)
    }
}

fn query_results_past_the_end(ctx: &Context) {
    let pool = timestamps(ctx, 4);
    let mut out = [0u8; 64];
    for (first, count) in [(4, 1), (3, 2), (u32::MAX, 2), (0, u32::MAX)] {
        let code = get_results(ctx, pool, first, count, &mut out, 8, vk::QueryResultFlags::TYPE_64);
        expect_raw_err(code, &format!("queries {first}+{count} of 4"));
    }
    destroy_query_pool(ctx, pool);
}

fn query_results_bad_stride_and_size(ctx: &Context) {
    let pool = timestamps(ctx, 4);
    host_reset(ctx, pool, 0, 4);
    let mut out = [0u8; 64];
    let wide = vk::QueryResultFlags::TYPE_64;
    expect_raw_err(get_results(ctx, pool, 0, 4, &mut out[..16], 8, wide), "16 bytes for 4 64-bit results");
    expect_raw_err(get_results(ctx, pool, 0, 2, &mut out, 0, wide), "stride 0 for 2 queries");
    expect_raw_err(get_results(ctx, pool, 0, 2, &mut out, 6, wide), "stride 6 for 64-bit results");
    expect_raw_err(get_results(ctx, pool, 0, 2, &mut out, 2, vk::QueryResultFlags::empty()), "stride 2 for 32-bit results");
    destroy_query_pool(ctx, pool);
}

/// WAIT for a query that nothing will ever write (spec: "If the query does not become
/// available in a finite amount of time (e.g. due to not issuing a query since the last
/// reset), a VK_ERROR_DEVICE_LOST error may occur"): softvk says so instead of hanging.
fn query_results_wait_for_a_query_never_written(ctx: &Context) {
    let pool = timestamps(ctx, 2);
    host_reset(ctx, pool, 0, 2);
    let mut out = [0u8; 16];
    let flags = vk::QueryResultFlags::TYPE_64 | vk::QueryResultFlags::WAIT;
    assert_eq!(get_results(ctx, pool, 0, 2, &mut out, 8, flags), vk::Result::ERROR_DEVICE_LOST, "WAIT for queries never written");
    // The device is not lost for all that.
    ctx.run(|cb| unsafe {
        // SAFETY: cb is recording.
        ctx.device.cmd_write_timestamp(cb, ALL, pool, 0);
        ctx.device.cmd_write_timestamp(cb, ALL, pool, 1);
    });
    assert_eq!(get_results(ctx, pool, 0, 2, &mut out, 8, flags), vk::Result::SUCCESS, "WAIT for written queries");
    destroy_query_pool(ctx, pool);
}

fn query_host_reset_past_the_end(ctx: &Context) {
    let pool = timestamps(ctx, 4);
    timed("host resets of u32::MAX queries", || {
        host_reset(ctx, pool, 0, u32::MAX);
        host_reset(ctx, pool, 2, u32::MAX);
        host_reset(ctx, pool, u32::MAX, 1);
    });
    destroy_query_pool(ctx, pool);
    expect_log("vkResetQueryPool: queries");
}

fn query_commands_past_the_end(ctx: &Context) {
    let pool = timestamps(ctx, 4);
    let b = buffer(ctx, 256);
    // SAFETY: invalid ranges on purpose.
    recording_fails(ctx, "vkCmdResetQueryPool 2+3 of 4", |cb| unsafe { ctx.device.cmd_reset_query_pool(cb, pool, 2, 3) });
    recording_fails(ctx, "vkCmdResetQueryPool u32::MAX queries", |cb| unsafe { ctx.device.cmd_reset_query_pool(cb, pool, 0, u32::MAX) });
    recording_fails(ctx, "vkCmdWriteTimestamp of query 4 of 4", |cb| unsafe { ctx.device.cmd_write_timestamp(cb, ALL, pool, 4) });
    recording_fails(ctx, "vkCmdWriteTimestamp of query u32::MAX", |cb| unsafe { ctx.device.cmd_write_timestamp(cb, ALL, pool, u32::MAX) });
    let copy = |first: u32, count: u32, offset: u64, stride: u64| {
        move |cb| unsafe { ctx.device.cmd_copy_query_pool_results(cb, pool, first, count, b.buffer, offset, stride, vk::QueryResultFlags::TYPE_64) }
    };
    recording_fails(ctx, "vkCmdCopyQueryPoolResults 3+2 of 4", copy(3, 2, 0, 8));
    recording_fails(ctx, "vkCmdCopyQueryPoolResults at offset 2", copy(0, 1, 2, 8));
    recording_fails(ctx, "vkCmdCopyQueryPoolResults with stride 4 for 64-bit results", copy(0, 2, 0, 4));
    recording_fails(ctx, "vkCmdCopyQueryPoolResults past the buffer", copy(0, 4, 240, 8));
    recording_fails(ctx, "vkCmdCopyQueryPoolResults with a huge stride", copy(0, 4, 0, u64::MAX - 7));
    destroy_query_pool(ctx, pool);
}

// ---------------------------------------------------------------------------------------
// Fences, semaphores, events and their fds
// ---------------------------------------------------------------------------------------

fn submit_waits_on_a_binary_semaphore_nobody_signals(ctx: &Context) {
    let semaphore = binary(ctx);
    let waits = [semaphore];
    let stages = [ALL];
    let submit = [vk::SubmitInfo::default().wait_semaphores(&waits).wait_dst_stage_mask(&stages)];
    // SAFETY: invalid on purpose: nothing will signal the semaphore.
    expect_err(unsafe { ctx.device.queue_submit(ctx.queue, &submit, vk::Fence::null()) }, "a wait no signal can end");
    // SAFETY: the queue is ours.
    unsafe { ctx.device.queue_wait_idle(ctx.queue) }.expect("the queue is idle, nothing was queued");
}

fn timeline_signal_backwards(ctx: &Context) {
    let semaphore = timeline(ctx, 10);
    for value in [9, 10, 0] {
        let info = vk::SemaphoreSignalInfo::default().semaphore(semaphore).value(value);
        // SAFETY: invalid on purpose: the value does not grow.
        expect_err(unsafe { timeline_fns(ctx).signal_semaphore(&info) }, &format!("a host signal of {value} after 10"));
    }
    // SAFETY: a live semaphore.
    assert_eq!(unsafe { timeline_fns(ctx).get_semaphore_counter_value(semaphore) }, Ok(10), "the counter went back");
}

/// VUID-VkSubmitInfo-pSignalSemaphores-03242: a queue signal must be larger than the
/// current value.
fn timeline_submit_signal_backwards(ctx: &Context) {
    let semaphore = timeline(ctx, 10);
    let signals = [semaphore];
    let values = [3u64];
    let mut timeline_info = vk::TimelineSemaphoreSubmitInfo::default().signal_semaphore_values(&values);
    let submit = [vk::SubmitInfo::default().signal_semaphores(&signals).push_next(&mut timeline_info)];
    // SAFETY: invalid on purpose: 3 after 10.
    let result = unsafe { ctx.device.queue_submit(ctx.queue, &submit, vk::Fence::null()) };
    // SAFETY: the queue is ours.
    unsafe { ctx.device.queue_wait_idle(ctx.queue) }.expect("wait idle");
    // SAFETY: a live semaphore.
    assert_eq!(unsafe { timeline_fns(ctx).get_semaphore_counter_value(semaphore) }, Ok(10), "the counter went back");
    expect_err(result, "a queue signal of 3 after 10");
}

fn timeline_waits_time_out(ctx: &Context) {
    let semaphore = timeline(ctx, 0);
    let semaphores = [semaphore];
    let values = [u64::MAX];
    let info = vk::SemaphoreWaitInfo::default().semaphores(&semaphores).values(&values);
    // SAFETY: a live semaphore; the wait times out.
    assert_eq!(unsafe { timeline_fns(ctx).wait_semaphores(&info, 10_000_000) }, Err(vk::Result::TIMEOUT), "a wait for u64::MAX");
}

fn wait_semaphores_count_zero_or_binary(ctx: &Context) {
    let empty = vk::SemaphoreWaitInfo::default().flags(vk::SemaphoreWaitFlags::ANY);
    // SAFETY: invalid on purpose: no semaphores; u64::MAX would wait forever.
    expect_err(unsafe { timeline_fns(ctx).wait_semaphores(&empty, u64::MAX) }, "vkWaitSemaphores of nothing, ANY");
    let semaphores = [binary(ctx)];
    let values = [1u64];
    let info = vk::SemaphoreWaitInfo::default().semaphores(&semaphores).values(&values);
    // SAFETY: invalid on purpose: a binary semaphore.
    expect_err(unsafe { timeline_fns(ctx).wait_semaphores(&info, u64::MAX) }, "vkWaitSemaphores on a binary semaphore");
}

fn semaphore_create_garbage(ctx: &Context) {
    let mut kind = vk::SemaphoreTypeCreateInfo::default().semaphore_type(vk::SemaphoreType::from_raw(12345));
    let info = vk::SemaphoreCreateInfo::default().push_next(&mut kind);
    // SAFETY: the type is what is tested.
    expect_err(unsafe { ctx.device.create_semaphore(&info, None) }, "semaphore type 12345");
    let mut kind = vk::SemaphoreTypeCreateInfo::default().semaphore_type(vk::SemaphoreType::BINARY).initial_value(5);
    let info = vk::SemaphoreCreateInfo::default().push_next(&mut kind);
    // SAFETY: as above.
    expect_err(unsafe { ctx.device.create_semaphore(&info, None) }, "a binary semaphore with initial value 5");
}

fn wait_for_fences_count_zero(ctx: &Context) {
    for wait_all in [vk::FALSE, vk::TRUE] {
        // SAFETY: invalid on purpose: no fences; a wait for any of none would never end.
        let code = unsafe { (ctx.device.fp_v1_0().wait_for_fences)(ctx.device.handle(), 0, std::ptr::null(), wait_all, u64::MAX) };
        expect_raw_err(code, &format!("vkWaitForFences of no fences, waitAll {wait_all}"));
    }
}

fn wait_for_fences_never_submitted(ctx: &Context) {
    let fence = ctx.owned_fence(false);
    // SAFETY: a live fence; the wait times out.
    assert_eq!(unsafe { ctx.device.wait_for_fences(&[fence], true, 10_000_000) }, Err(vk::Result::TIMEOUT), "an unsubmitted fence");
    // SAFETY: as above, with a null fence beside it (invalid on purpose).
    expect_err(unsafe { ctx.device.wait_for_fences(&[fence, vk::Fence::null()], false, 10_000_000) }, "a null fence");
    // SAFETY: invalid on purpose.
    expect_err(unsafe { ctx.device.reset_fences(&[vk::Fence::null()]) }, "vkResetFences of null");
}

fn import_semaphore(ctx: &Context, semaphore: vk::Semaphore, handle_type: vk::ExternalSemaphoreHandleTypeFlags, fd: i32, temporary: bool) -> Result<(), vk::Result> {
    let flags = if temporary { vk::SemaphoreImportFlags::TEMPORARY } else { vk::SemaphoreImportFlags::empty() };
    let info = vk::ImportSemaphoreFdInfoKHR::default().semaphore(semaphore).handle_type(handle_type).fd(fd).flags(flags);
    // SAFETY: the fd is the case's; it is what is tested.
    unsafe { semaphore_fd(ctx).import_semaphore_fd(&info) }
}

/// Bogus fds for a fence or semaphore import: each must be refused and left open.
fn bogus_sync_fds() -> Vec<(&'static str, i32, Option<i32>)> {
    let (read, write) = pipe();
    vec![
        ("an fd number that is not open", NOT_OPEN, None),
        ("a pipe", read, Some(write)),
        ("a directory", open_directory(), None),
        ("a 16-byte file", tiny_file(), None),
        ("a sealed 16-byte memfd", sealed_memfd(16), None),
    ]
}

fn semaphore_import_bogus_fds(ctx: &Context) {
    let sem = ash::vk::ExternalSemaphoreHandleTypeFlags::OPAQUE_FD;
    let semaphore = binary(ctx);
    expect_code(import_semaphore(ctx, semaphore, sem, -1, false), vk::Result::ERROR_INVALID_EXTERNAL_HANDLE, "OPAQUE_FD -1");
    for (what, fd, other) in bogus_sync_fds() {
        for (handle_type, temporary) in [(sem, false), (sem, true), (vk::ExternalSemaphoreHandleTypeFlags::SYNC_FD, true)] {
            let result = import_semaphore(ctx, semaphore, handle_type, fd, temporary);
            expect_code(result, vk::Result::ERROR_INVALID_EXTERNAL_HANDLE, &format!("{what} imported as {handle_type:?}"));
            assert!(fd < 0 || fd == NOT_OPEN || fd_is_open(fd), "{what}: a failed import closed the fd");
        }
        for fd in [Some(fd), other].into_iter().flatten().filter(|&fd| fd != NOT_OPEN) {
            close_fd(fd);
        }
    }
    let unknown = vk::ExternalSemaphoreHandleTypeFlags::from_raw(0x4000_0000);
    expect_code(import_semaphore(ctx, semaphore, unknown, 0, false), vk::Result::ERROR_INVALID_EXTERNAL_HANDLE, "an unknown handle type");
}

fn fence_import_bogus_fds(ctx: &Context) {
    let fence = ctx.owned_fence(false);
    let import = |handle_type, fd, flags| {
        let info = vk::ImportFenceFdInfoKHR::default().fence(fence).handle_type(handle_type).fd(fd).flags(flags);
        // SAFETY: the fd is the case's; it is what is tested.
        unsafe { fence_fd(ctx).import_fence_fd(&info) }
    };
    let opaque = vk::ExternalFenceHandleTypeFlags::OPAQUE_FD;
    let temporary = vk::FenceImportFlags::TEMPORARY;
    expect_code(import(opaque, -1, vk::FenceImportFlags::empty()), vk::Result::ERROR_INVALID_EXTERNAL_HANDLE, "OPAQUE_FD -1");
    for (what, fd, other) in bogus_sync_fds() {
        for (handle_type, flags) in [(opaque, vk::FenceImportFlags::empty()), (vk::ExternalFenceHandleTypeFlags::SYNC_FD, temporary)] {
            let result = import(handle_type, fd, flags);
            expect_code(result, vk::Result::ERROR_INVALID_EXTERNAL_HANDLE, &format!("{what} imported as {handle_type:?}"));
            assert!(fd == NOT_OPEN || fd_is_open(fd), "{what}: a failed import closed the fd");
        }
        for fd in [Some(fd), other].into_iter().flatten().filter(|&fd| fd != NOT_OPEN) {
            close_fd(fd);
        }
    }
    // The fence still works.
    // SAFETY: an empty submission signalling the fence.
    unsafe {
        ctx.device.queue_submit(ctx.queue, &[], fence).expect("submit");
        ctx.device.wait_for_fences(&[fence], true, FENCE_TIMEOUT_NS).expect("the fence after the failed imports");
    }
}

fn semaphore_and_fence_export_without_export_info(ctx: &Context) {
    let semaphore = binary(ctx);
    let info = vk::SemaphoreGetFdInfoKHR::default().semaphore(semaphore).handle_type(vk::ExternalSemaphoreHandleTypeFlags::OPAQUE_FD);
    // SAFETY: invalid on purpose: the semaphore was not created exportable.
    let result = unsafe { semaphore_fd(ctx).get_semaphore_fd(&info) };
    if let Ok(fd) = result {
        close_fd(fd);
    }
    expect_err(result, "an OPAQUE_FD of a semaphore made without export info");
    let fence = ctx.owned_fence(false);
    let info = vk::FenceGetFdInfoKHR::default().fence(fence).handle_type(vk::ExternalFenceHandleTypeFlags::OPAQUE_FD);
    // SAFETY: as above.
    let result = unsafe { fence_fd(ctx).get_fence_fd(&info) };
    if let Ok(fd) = result {
        close_fd(fd);
    }
    expect_err(result, "an OPAQUE_FD of a fence made without export info");
    let timeline = timeline(ctx, 0);
    let info = vk::SemaphoreGetFdInfoKHR::default().semaphore(timeline).handle_type(vk::ExternalSemaphoreHandleTypeFlags::SYNC_FD);
    // SAFETY: invalid on purpose: SYNC_FD of a timeline semaphore.
    expect_err(unsafe { semaphore_fd(ctx).get_semaphore_fd(&info) }, "a SYNC_FD of a timeline semaphore");
}

// ---------------------------------------------------------------------------------------
// Devices
// ---------------------------------------------------------------------------------------

fn device_info<'a>(queues: &'a [vk::DeviceQueueCreateInfo<'a>]) -> vk::DeviceCreateInfo<'a> {
    vk::DeviceCreateInfo::default().queue_create_infos(queues)
}

fn device_queue_family_5(ctx: &Context) {
    let priorities = [1.0];
    for family in [5, 1, u32::MAX] {
        let queues = [vk::DeviceQueueCreateInfo::default().queue_family_index(family).queue_priorities(&priorities)];
        device_refused(ctx, &device_info(&queues), vk::Result::ERROR_INITIALIZATION_FAILED, &format!("queue family {family}"));
    }
}

fn device_queue_count_2(ctx: &Context) {
    let priorities = [1.0, 1.0];
    let queues = [vk::DeviceQueueCreateInfo::default().queue_family_index(0).queue_priorities(&priorities)];
    device_refused(ctx, &device_info(&queues), vk::Result::ERROR_INITIALIZATION_FAILED, "two queues of family 0");
    let mut zero = vk::DeviceQueueCreateInfo::default().queue_family_index(0).queue_priorities(&priorities);
    zero.queue_count = 0;
    device_refused(ctx, &device_info(&[zero]), vk::Result::ERROR_INITIALIZATION_FAILED, "zero queues");
}

fn device_queue_priorities_out_of_range(ctx: &Context) {
    for priority in [f32::NAN, -0.5, 1.5, f32::INFINITY] {
        let priorities = [priority];
        let queues = [vk::DeviceQueueCreateInfo::default().queue_family_index(0).queue_priorities(&priorities)];
        device_refused(ctx, &device_info(&queues), vk::Result::ERROR_INITIALIZATION_FAILED, &format!("priority {priority}"));
    }
    let mut null = vk::DeviceQueueCreateInfo::default().queue_family_index(0);
    null.queue_count = 1;
    device_refused(ctx, &device_info(&[null]), vk::Result::ERROR_INITIALIZATION_FAILED, "null priorities");
}

fn device_queue_infos_missing_or_repeated(ctx: &Context) {
    device_refused(ctx, &vk::DeviceCreateInfo::default(), vk::Result::ERROR_INITIALIZATION_FAILED, "no queue create infos");
    let priorities = [1.0];
    let queue = vk::DeviceQueueCreateInfo::default().queue_family_index(0).queue_priorities(&priorities);
    device_refused(ctx, &device_info(&[queue, queue]), vk::Result::ERROR_INITIALIZATION_FAILED, "family 0 twice");
}

fn device_unknown_extension(ctx: &Context) {
    let priorities = [1.0];
    let queues = [vk::DeviceQueueCreateInfo::default().queue_family_index(0).queue_priorities(&priorities)];
    for name in [c"VK_KHR_no_such_extension", c"VK_KHR_dynamic_rendering", c""] {
        let names = [name.as_ptr()];
        let info = device_info(&queues).enabled_extension_names(&names);
        device_refused(ctx, &info, vk::Result::ERROR_EXTENSION_NOT_PRESENT, &format!("extension {name:?}"));
    }
}

fn device_features_not_supported(ctx: &Context) {
    let priorities = [1.0];
    let queues = [vk::DeviceQueueCreateInfo::default().queue_family_index(0).queue_priorities(&priorities)];
    let geometry = vk::PhysicalDeviceFeatures::default().geometry_shader(true).sparse_binding(true);
    let info = device_info(&queues).enabled_features(&geometry);
    device_refused(ctx, &info, vk::Result::ERROR_FEATURE_NOT_PRESENT, "geometryShader and sparseBinding");
    let mut features2 = vk::PhysicalDeviceFeatures2::default().features(geometry);
    let info = device_info(&queues).push_next(&mut features2);
    device_refused(ctx, &info, vk::Result::ERROR_FEATURE_NOT_PRESENT, "geometryShader through VkPhysicalDeviceFeatures2");
}

fn device_extended_features_not_supported(ctx: &Context) {
    let priorities = [1.0];
    let queues = [vk::DeviceQueueCreateInfo::default().queue_family_index(0).queue_priorities(&priorities)];
    let mut protected = vk::PhysicalDeviceProtectedMemoryFeatures::default().protected_memory(true);
    device_refused(ctx, &device_info(&queues).push_next(&mut protected), vk::Result::ERROR_FEATURE_NOT_PRESENT, "protectedMemory");
    let mut ycbcr = vk::PhysicalDeviceSamplerYcbcrConversionFeatures::default().sampler_ycbcr_conversion(true);
    device_refused(ctx, &device_info(&queues).push_next(&mut ycbcr), vk::Result::ERROR_FEATURE_NOT_PRESENT, "samplerYcbcrConversion");
    let mut multiview = vk::PhysicalDeviceMultiviewFeatures::default().multiview_geometry_shader(true);
    device_refused(ctx, &device_info(&queues).push_next(&mut multiview), vk::Result::ERROR_FEATURE_NOT_PRESENT, "multiviewGeometryShader");
}

fn device_queue_that_does_not_exist(ctx: &Context) {
    let mut queue = vk::Queue::from_raw(0xdead);
    // SAFETY: invalid on purpose: there is no queue 3 of family 5.
    unsafe { (ctx.device.fp_v1_0().get_device_queue)(ctx.device.handle(), 5, 3, &mut queue) };
    assert_eq!(queue, vk::Queue::null(), "a queue that does not exist");
    expect_log("vkGetDeviceQueue: no queue 3 in family 5");
}

fn two_devices_destroyed_in_either_order(ctx: &Context) {
    for first_destroyed_first in [true, false] {
        let (a, b) = (second_device(ctx), second_device(ctx));
        device_still_works(&a);
        device_still_works(&b);
        if first_destroyed_first {
            destroy_device(a);
            device_still_works(&b);
            destroy_device(b);
        } else {
            destroy_device(b);
            device_still_works(&a);
            destroy_device(a);
        }
    }
    device_still_works(&ctx.device);
}

/// Work waiting for an event nobody sets, and for a timeline value nobody signals, then
/// vkDestroyDevice with it pending: the destroy returns (the work is dropped), it does not
/// wait forever.
fn device_destroyed_with_pending_work(ctx: &Context) {
    let device = second_device(ctx);
    // SAFETY: objects of the second device; after vkDestroyDevice none is used again.
    unsafe {
        let queue = device.get_device_queue(0, 0);
        let pool = device.create_command_pool(&vk::CommandPoolCreateInfo::default(), None).expect("a pool");
        let allocate = vk::CommandBufferAllocateInfo::default().command_pool(pool).command_buffer_count(1);
        let cb = device.allocate_command_buffers(&allocate).expect("a command buffer")[0];
        let event = device.create_event(&vk::EventCreateInfo::default(), None).expect("an event");
        device.begin_command_buffer(cb, &vk::CommandBufferBeginInfo::default()).expect("begin");
        device.cmd_wait_events(cb, &[event], vk::PipelineStageFlags::HOST, ALL, &[], &[], &[]);
        device.end_command_buffer(cb).expect("end");
        let mut kind = vk::SemaphoreTypeCreateInfo::default().semaphore_type(vk::SemaphoreType::TIMELINE);
        let semaphore = device.create_semaphore(&vk::SemaphoreCreateInfo::default().push_next(&mut kind), None).expect("a timeline");
        let fence = device.create_fence(&vk::FenceCreateInfo::default(), None).expect("a fence");
        device.queue_submit(queue, &[vk::SubmitInfo::default().command_buffers(&[cb])], vk::Fence::null()).expect("submit");
        let waits = [semaphore];
        let values = [5u64];
        let stages = [ALL];
        let mut timeline_info = vk::TimelineSemaphoreSubmitInfo::default().wait_semaphore_values(&values);
        let wait = vk::SubmitInfo::default().wait_semaphores(&waits).wait_dst_stage_mask(&stages).push_next(&mut timeline_info);
        device.queue_submit(queue, &[wait], fence).expect("submit a timeline wait");
        assert_eq!(device.wait_for_fences(&[fence], true, 10_000_000), Err(vk::Result::TIMEOUT), "the pending work");
    }
    timed("vkDestroyDevice with pending work", || destroy_device(device));
    device_still_works(&ctx.device);
}

fn device_destroyed_with_live_objects(ctx: &Context) {
    let device = second_device(ctx);
    // SAFETY: objects of the second device, never freed (on purpose).
    unsafe {
        let buffer = device.create_buffer(&buffer_info(64), None).expect("a buffer");
        let memory = device.allocate_memory(&vk::MemoryAllocateInfo::default().allocation_size(4096), None).expect("memory");
        device.bind_buffer_memory(buffer, memory, 0).expect("bind");
        device.map_memory(memory, 0, vk::WHOLE_SIZE, vk::MemoryMapFlags::empty()).expect("map");
    }
    destroy_device(device);
    device_still_works(&ctx.device);
}

// ---------------------------------------------------------------------------------------
// WSI
// ---------------------------------------------------------------------------------------

/// A headless surface on a context of its own (the suite's context has no surface
/// extensions), with swapchain, present id and present wait enabled.
struct Headless {
    ctx: Context,
    wsi: softvk_tests::wsi::Wsi,
    surface: vk::SurfaceKHR,
}

impl Headless {
    fn new() -> Headless {
        let ctx = Context::with_instance_extensions(
            &[ash::khr::surface::NAME, ash::ext::headless_surface::NAME],
            &[ash::khr::swapchain::NAME, ash::khr::present_id::NAME, ash::khr::present_wait::NAME],
            Validation::Off,
        )
        .expect("a context with a headless surface");
        let wsi = softvk_tests::wsi::Wsi::new(&ctx);
        let headless = ash::ext::headless_surface::Instance::new(&ctx.entry, &ctx.instance);
        // SAFETY: a valid create info.
        let surface = unsafe { headless.create_headless_surface(&vk::HeadlessSurfaceCreateInfoEXT::default(), None) }
            .expect("vkCreateHeadlessSurfaceEXT");
        Headless { ctx, wsi, surface }
    }

    fn info(&self) -> vk::SwapchainCreateInfoKHR<'static> {
        vk::SwapchainCreateInfoKHR::default()
            .surface(self.surface)
            .min_image_count(3)
            .image_format(vk::Format::B8G8R8A8_UNORM)
            .image_color_space(vk::ColorSpaceKHR::SRGB_NONLINEAR)
            .image_extent(vk::Extent2D { width: 64, height: 64 })
            .image_array_layers(1)
            .image_usage(vk::ImageUsageFlags::TRANSFER_DST)
            .pre_transform(vk::SurfaceTransformFlagsKHR::IDENTITY)
            .composite_alpha(vk::CompositeAlphaFlagsKHR::OPAQUE)
            .present_mode(vk::PresentModeKHR::FIFO)
    }

    fn swapchain(&self) -> vk::SwapchainKHR {
        // SAFETY: a valid create info.
        unsafe { self.wsi.swapchain.create_swapchain(&self.info(), None) }.expect("a valid swapchain")
    }
}

impl Drop for Headless {
    fn drop(&mut self) {
        // SAFETY: the cases destroy their swapchains first.
        unsafe { self.wsi.surface.destroy_surface(self.surface, None) };
    }
}

fn swapchain_extreme_create_infos(_ctx: &Context) {
    let h = Headless::new();
    let base = h.info();
    let cases: Vec<(&str, vk::SwapchainCreateInfoKHR)> = vec![
        ("extent 0x0", base.image_extent(vk::Extent2D { width: 0, height: 0 })),
        ("extent 2^30 x 2^30", base.image_extent(vk::Extent2D { width: 1 << 30, height: 1 << 30 })),
        ("extent u32::MAX", base.image_extent(vk::Extent2D { width: u32::MAX, height: u32::MAX })),
        ("minImageCount 0", base.min_image_count(0)),
        ("minImageCount u32::MAX", base.min_image_count(u32::MAX)),
        ("a format the surface does not show", base.image_format(vk::Format::R32_SFLOAT)),
        ("an unknown format", base.image_format(vk::Format::from_raw(0x7fff_0000))),
        ("an unknown colour space", base.image_color_space(vk::ColorSpaceKHR::from_raw(0x7fff_0000))),
        ("0 array layers", base.image_array_layers(0)),
        ("u32::MAX array layers", base.image_array_layers(u32::MAX)),
        ("no usage", base.image_usage(vk::ImageUsageFlags::empty())),
        ("every usage bit", base.image_usage(vk::ImageUsageFlags::from_raw(u32::MAX))),
        ("an unknown present mode", base.present_mode(vk::PresentModeKHR::from_raw(0x7fff_0000))),
        ("two composite alpha bits", base.composite_alpha(vk::CompositeAlphaFlagsKHR::from_raw(3))),
        ("no composite alpha", base.composite_alpha(vk::CompositeAlphaFlagsKHR::empty())),
        ("a rotating transform", base.pre_transform(vk::SurfaceTransformFlagsKHR::ROTATE_90)),
        ("unknown flags", base.flags(vk::SwapchainCreateFlagsKHR::from_raw(0x4000_0000))),
        ("MUTABLE_FORMAT without a format list", base.flags(vk::SwapchainCreateFlagsKHR::MUTABLE_FORMAT)),
    ];
    for (what, info) in cases {
        // SAFETY: the create info is invalid on purpose; softvk must refuse it.
        expect_err(unsafe { h.wsi.swapchain.create_swapchain(&info, None) }, what);
    }
}

fn present_images_not_acquired(_ctx: &Context) {
    let h = Headless::new();
    let swapchain = h.swapchain();
    let queue = h.ctx.queue;
    for (what, index) in [("image 99", 99u32), ("image u32::MAX", u32::MAX), ("image 0, never acquired", 0)] {
        let swapchains = [swapchain];
        let indices = [index];
        let info = vk::PresentInfoKHR::default().swapchains(&swapchains).image_indices(&indices);
        // SAFETY: invalid on purpose.
        expect_err(unsafe { h.wsi.swapchain.queue_present(queue, &info) }, what);
    }
    let swapchains = [swapchain, swapchain];
    let indices = [0, 1];
    let info = vk::PresentInfoKHR::default().swapchains(&swapchains).image_indices(&indices);
    // SAFETY: invalid on purpose.
    expect_err(unsafe { h.wsi.swapchain.queue_present(queue, &info) }, "one swapchain twice");
    // SAFETY: nothing was presented.
    unsafe { h.wsi.swapchain.destroy_swapchain(swapchain, None) };
}

fn acquire_with_every_image_held_and_no_timeout(_ctx: &Context) {
    let h = Headless::new();
    let swapchain = h.swapchain();
    // SAFETY: the swapchain and fences are live; the last acquire is invalid on purpose.
    unsafe {
        let count = h.wsi.swapchain.get_swapchain_images(swapchain).unwrap().len();
        let mut fences = Vec::new();
        for _ in 0..count {
            let fence = h.ctx.create_fence(false);
            h.wsi.swapchain.acquire_next_image(swapchain, 0, vk::Semaphore::null(), fence).expect("acquire");
            fences.push(fence);
        }
        let fence = h.ctx.create_fence(false);
        // Every image is the application's: an infinite wait would never end.
        expect_err(h.wsi.swapchain.acquire_next_image(swapchain, u64::MAX, vk::Semaphore::null(), fence), "infinite acquire");
        expect_err(
            h.wsi.swapchain.acquire_next_image(swapchain, 0, vk::Semaphore::null(), vk::Fence::null()),
            "neither semaphore nor fence",
        );
        fences.push(fence);
        h.ctx.device.wait_for_fences(&fences[..count], true, FENCE_TIMEOUT_NS).unwrap();
        for fence in fences {
            h.ctx.device.destroy_fence(fence, None);
        }
        h.wsi.swapchain.destroy_swapchain(swapchain, None);
    }
}

fn wait_for_a_present_never_queued(_ctx: &Context) {
    let h = Headless::new();
    let swapchain = h.swapchain();
    let wait = ash::khr::present_wait::Device::new(&h.ctx.instance, &h.ctx.device);
    // SAFETY: invalid on purpose: id 7 was never presented and the wait is infinite.
    expect_err(unsafe { wait.wait_for_present(swapchain, 7, u64::MAX) }, "an infinite wait for a present never queued");
    // SAFETY: nothing was presented.
    unsafe { h.wsi.swapchain.destroy_swapchain(swapchain, None) };
}

