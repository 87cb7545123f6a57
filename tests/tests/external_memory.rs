//! External memory, fences and semaphores through the loader, across processes.
//!
//! Cross-process tests re-run this test binary as a child (`child_process_role`, an ignored
//! test that does nothing unless `SOFTVK_EXTERNAL_ROLE` is set) and talk to it over a Unix
//! socket, passing fds with SCM_RIGHTS (`shm::passing`), as two real applications would.
//!
//! Against another driver (`SOFTVK_TEST_ICD`) the tests of extensions it does not advertise
//! are skipped, and what only softvk promises (byte N of an fd is byte N of the memory,
//! errors for bad handles) is checked only on softvk.

use ash::vk;
use softvk_tests::{pattern, skip, Context, Validation, COLOR_RANGE, FENCE_TIMEOUT_NS};
use std::io::{Read, Write};
use std::os::fd::{AsFd, AsRawFd, FromRawFd, IntoRawFd, OwnedFd, RawFd};
use std::os::unix::net::{UnixListener, UnixStream};
use std::process::Child;
use std::time::{Duration, Instant};

const ROLE_VAR: &str = "SOFTVK_EXTERNAL_ROLE";
const SOCKET_VAR: &str = "SOFTVK_EXTERNAL_SOCKET";
const SIZE: u64 = 1 << 16;

fn memory_fd_functions(ctx: &Context) -> ash::khr::external_memory_fd::Device {
    ctx.load_device_functions(ash::khr::external_memory_fd::Device::new)
}

fn host_type(ctx: &Context) -> u32 {
    ctx.memory_type_index(!0, vk::MemoryPropertyFlags::HOST_VISIBLE | vk::MemoryPropertyFlags::HOST_COHERENT)
        .expect("a host-visible memory type")
}

fn external_context() -> Context {
    Context::with_device_extensions(&[ash::khr::external_memory::NAME, ash::khr::external_memory_fd::NAME])
        .expect("softvk advertises VK_KHR_external_memory_fd")
}

/// A context with `extensions`, or None (after a SKIP line) on another driver that does not
/// advertise them; on softvk their absence fails the test.
fn context_with(test: &str, extensions: &[&std::ffi::CStr], validation: Validation) -> Option<Context> {
    let ctx = Context::with(extensions, validation);
    if ctx.is_none() {
        assert!(softvk_tests::icd_overridden(), "{test}: softvk advertises {extensions:?}");
        skip(test, &format!("the device does not advertise {extensions:?}"));
    }
    ctx
}

/// The context for memory exported through VK_NV_external_memory (`nv`) or the KHR path.
fn export_context(test: &str, nv: bool) -> Option<Context> {
    if !nv {
        let extensions = [ash::khr::external_memory::NAME, ash::khr::external_memory_fd::NAME];
        return context_with(test, &extensions, Validation::Default);
    }
    // VK_NV_external_memory requires VK_NV_external_memory_capabilities on the instance.
    let instance_extensions = [ash::nv::external_memory_capabilities::NAME];
    let extensions =
        [ash::khr::external_memory::NAME, ash::khr::external_memory_fd::NAME, ash::nv::external_memory::NAME];
    let ctx = Context::with_instance_extensions(&instance_extensions, &extensions, Validation::Default);
    if ctx.is_none() {
        assert!(softvk_tests::icd_overridden(), "{test}: softvk advertises {instance_extensions:?} and {extensions:?}");
        skip(test, "no VK_NV_external_memory(_capabilities)");
    }
    ctx
}

/// Allocates exportable memory, through the KHR structure or the NV one.
fn allocate_exportable(ctx: &Context, size: u64, nv: bool) -> vk::DeviceMemory {
    let mut export = vk::ExportMemoryAllocateInfo::default().handle_types(vk::ExternalMemoryHandleTypeFlags::OPAQUE_FD);
    let mut export_nv =
        vk::ExportMemoryAllocateInfoNV::default().handle_types(vk::ExternalMemoryHandleTypeFlagsNV::OPAQUE_WIN32);
    let info = vk::MemoryAllocateInfo::default().allocation_size(size).memory_type_index(host_type(ctx));
    let info = if nv { info.push_next(&mut export_nv) } else { info.push_next(&mut export) };
    // SAFETY: valid allocate info.
    unsafe { ctx.device.allocate_memory(&info, None) }.expect("exportable vkAllocateMemory")
}

fn export_fd(ctx: &Context, memory: vk::DeviceMemory) -> OwnedFd {
    let info =
        vk::MemoryGetFdInfoKHR::default().memory(memory).handle_type(vk::ExternalMemoryHandleTypeFlags::OPAQUE_FD);
    // SAFETY: memory was allocated exportable; the new fd is ours.
    let fd = unsafe { memory_fd_functions(ctx).get_memory_fd(&info) }.expect("vkGetMemoryFdKHR");
    // SAFETY: vkGetMemoryFdKHR returns a new fd owned by the caller.
    unsafe { OwnedFd::from_raw_fd(fd) }
}

/// Imports `fd` (ownership passes on success; on failure the fd is handed back).
fn import(
    ctx: &Context,
    fd: RawFd,
    size: u64,
    handle_type: vk::ExternalMemoryHandleTypeFlags,
) -> Result<vk::DeviceMemory, vk::Result> {
    let mut import = vk::ImportMemoryFdInfoKHR::default().handle_type(handle_type).fd(fd);
    let info = vk::MemoryAllocateInfo::default()
        .allocation_size(size)
        .memory_type_index(host_type(ctx))
        .push_next(&mut import);
    // SAFETY: valid allocate info.
    unsafe { ctx.device.allocate_memory(&info, None) }
}

fn map(ctx: &Context, memory: vk::DeviceMemory, size: u64) -> &'static mut [u8] {
    // SAFETY: host-visible memory of at least `size` bytes; the tests unmap/free it only
    // after their last use of the slice.
    unsafe {
        let ptr = ctx.device.map_memory(memory, 0, size, vk::MemoryMapFlags::empty()).expect("vkMapMemory") as *mut u8;
        std::slice::from_raw_parts_mut(ptr, size as usize)
    }
}

/// A transfer buffer bound at offset 0 of `memory`, which was exported or imported as
/// `handle_type` (spec: a buffer bound to external memory names its handle type,
/// VUID-vkBindBufferMemory-memory-02726/02727).
fn buffer_on(
    ctx: &Context,
    memory: vk::DeviceMemory,
    size: u64,
    handle_type: vk::ExternalMemoryHandleTypeFlags,
) -> vk::Buffer {
    let mut external = vk::ExternalMemoryBufferCreateInfo::default().handle_types(handle_type);
    let info = vk::BufferCreateInfo::default()
        .size(size)
        .usage(vk::BufferUsageFlags::TRANSFER_SRC | vk::BufferUsageFlags::TRANSFER_DST)
        .push_next(&mut external);
    // SAFETY: valid create info; memory is large enough.
    unsafe {
        let buffer = ctx.device.create_buffer(&info, None).expect("vkCreateBuffer");
        ctx.device.bind_buffer_memory(buffer, memory, 0).expect("vkBindBufferMemory");
        buffer
    }
}

fn fill_with_device(
    ctx: &Context,
    memory: vk::DeviceMemory,
    handle_type: vk::ExternalMemoryHandleTypeFlags,
    bytes: u64,
    value: u32,
) {
    let buffer = buffer_on(ctx, memory, bytes, handle_type);
    // SAFETY: recording into a fresh command buffer; the buffer lives until after the wait.
    ctx.run(|cb| unsafe { ctx.device.cmd_fill_buffer(cb, buffer, 0, bytes, value) });
    // SAFETY: the submission finished.
    unsafe { ctx.device.destroy_buffer(buffer, None) };
}

/// The tests of this file run one at a time: the fd-count check of the bad-handle test
/// would otherwise see other tests' sockets and memfds come and go.
fn serial() -> std::sync::MutexGuard<'static, ()> {
    static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

fn open_fd_count() -> usize {
    std::fs::read_dir("/proc/self/fd").map(|d| d.count()).unwrap_or(0)
}

/// The fd count once it stops moving: threads that start in the background (the driver's
/// thread pool reads a few /proc and /sys files when it starts) open and close fds of
/// their own for a moment.
fn settled_fd_count() -> usize {
    let mut last = open_fd_count();
    for _ in 0..100 {
        std::thread::sleep(Duration::from_millis(5));
        let now = open_fd_count();
        if now == last {
            return now;
        }
        last = now;
    }
    last
}

// ---- the child process side ----------------------------------------------------------

/// Parent side: starts this binary as a child in `role`, returns it and the connection.
fn spawn_child(role: &str) -> (Child, UnixStream) {
    let path = std::env::temp_dir().join(format!("softvk-ext-{}-{role}.sock", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let listener = UnixListener::bind(&path).expect("bind a Unix socket");
    listener.set_nonblocking(true).expect("non-blocking listener");
    let child = softvk_tests::child_test("child_process_role", ROLE_VAR)
        .env(ROLE_VAR, role)
        .env(SOCKET_VAR, &path)
        // The child's libtest chatter would mix with ours; its panics still reach stderr.
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("spawn the child process");
    let deadline = Instant::now() + Duration::from_secs(60);
    let stream = loop {
        match listener.accept() {
            Ok((stream, _)) => break stream,
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock && Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(10))
            }
            Err(e) => panic!("the child never connected: {e}"),
        }
    };
    let _ = std::fs::remove_file(&path);
    stream.set_nonblocking(false).expect("blocking stream");
    stream.set_read_timeout(Some(Duration::from_secs(60))).expect("read timeout");
    (child, stream)
}

fn send_fd(stream: &UnixStream, fd: &OwnedFd, message: &str) {
    shm::passing::send_fds(stream, &[fd.as_fd()], format!("{message}\n").as_bytes()).expect("send an fd");
}

fn recv_fd(stream: &UnixStream) -> (OwnedFd, String) {
    let mut buf = [0u8; 256];
    let (n, mut fds) = shm::passing::recv_fds(stream, 1, &mut buf).expect("receive an fd");
    assert_eq!(fds.len(), 1, "expected one fd");
    (fds.remove(0), String::from_utf8_lossy(&buf[..n]).trim().to_string())
}

fn send_line(stream: &UnixStream, line: &str) {
    let mut s = stream;
    s.write_all(format!("{line}\n").as_bytes()).expect("write to the peer");
}

/// Reads one line, a byte at a time, so that nothing after the newline is consumed (a
/// buffered reader would swallow the next message).
fn read_line(stream: &UnixStream) -> String {
    let mut line = Vec::new();
    let mut byte = [0u8; 1];
    let mut s = stream;
    while s.read(&mut byte).expect("read from the peer") == 1 && byte[0] != b'\n' {
        line.push(byte[0]);
    }
    String::from_utf8_lossy(&line).trim().to_string()
}

fn finish(mut child: Child, stream: &UnixStream) {
    let status = read_line(stream);
    assert_eq!(status, "ok", "the child reported a failure");
    // The child has answered; it only has to exit.
    let deadline = Instant::now() + Duration::from_secs(30);
    let exit = loop {
        if let Some(exit) = child.try_wait().expect("wait for the child") {
            break exit;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the child process did not exit after its report");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    assert!(exit.success(), "the child process failed");
}

/// Runs the child's side of a cross-process test (spawned with `--ignored` by
/// `spawn_child`); does nothing without the parent's variables.
#[test]
#[ignore = "child-process helper, run by the cross-process tests of this file"]
fn child_process_role() {
    let Ok(role) = std::env::var(ROLE_VAR) else {
        return;
    };
    let path = std::env::var(SOCKET_VAR).expect("socket path");
    let stream = UnixStream::connect(path).expect("connect to the parent");
    stream.set_read_timeout(Some(Duration::from_secs(60))).expect("read timeout");
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match role.as_str() {
        "import-memory" => child_import_memory(&stream),
        "layout" => child_layout(&stream),
        "semaphore" => child_semaphore(&stream),
        "timeline" => child_timeline(&stream),
        "fence" => child_fence(&stream),
        "sync-fd" => child_sync_fd(&stream),
        other => panic!("unknown role {other}"),
    }));
    send_line(&stream, if outcome.is_ok() { "ok" } else { "failed" });
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

/// Child: imports the parent's memory, checks the parent's pattern, writes its own with
/// the device, frees its side.
fn child_import_memory(stream: &UnixStream) {
    let (fd, message) = recv_fd(stream);
    let seed: u64 = message.parse().expect("seed");
    let ctx = external_context();
    let memory = import(&ctx, fd.into_raw_fd(), SIZE, vk::ExternalMemoryHandleTypeFlags::OPAQUE_FD)
        .expect("import in the child");
    let bytes = map(&ctx, memory, SIZE);
    assert!(bytes == pattern(SIZE as usize, seed).as_slice(), "the child does not see the parent's bytes");
    fill_with_device(&ctx, memory, vk::ExternalMemoryHandleTypeFlags::OPAQUE_FD, 4096, 0xA5A5_A5A5);
    // SAFETY: no pending work uses the memory.
    unsafe { ctx.device.free_memory(memory, None) };
}

/// The memory requirements of the probe image and the layout of each (mip, layer).
struct ProbedLayout {
    requirements: vk::MemoryRequirements,
    subresources: Vec<(u32, u32, vk::SubresourceLayout)>,
}

fn probe_layout(ctx: &Context) -> ProbedLayout {
    let info = layout_probe_info();
    // SAFETY: valid create info; the image is destroyed before returning.
    unsafe {
        let image = ctx.device.create_image(&info, None).expect("vkCreateImage");
        let requirements = ctx.device.get_image_memory_requirements(image);
        let mut subresources = Vec::new();
        for level in 0..info.mip_levels {
            for layer in 0..info.array_layers {
                let sub = vk::ImageSubresource {
                    aspect_mask: vk::ImageAspectFlags::COLOR,
                    mip_level: level,
                    array_layer: layer,
                };
                subresources.push((level, layer, ctx.device.get_image_subresource_layout(image, sub)));
            }
        }
        ctx.device.destroy_image(image, None);
        ProbedLayout { requirements, subresources }
    }
}

fn layout_report(ctx: &Context) -> String {
    let probed = probe_layout(ctx);
    let mut report = format!("size={} alignment={}", probed.requirements.size, probed.requirements.alignment);
    for (level, layer, l) in &probed.subresources {
        report += &format!(" {level}/{layer}:{}+{}/{}/{}", l.offset, l.size, l.row_pitch, l.array_pitch);
    }
    report
}

/// Each subresource of the probe image on its own: rows wide enough, the bytes its rows
/// span inside the memory requirements, layers at least that far apart, and no two
/// subresources' texels overlapping. On softvk the reported `size` (the subresource's own
/// size, spec: VkSubresourceLayout) is checked the same way; Mesa 22.3's lavapipe reports
/// the whole image's size for every subresource.
fn check_probed_layout(ctx: &Context, probed: &ProbedLayout) {
    let info = layout_probe_info();
    let texel = 4u64;
    let mut spans = Vec::new();
    let mut sized = Vec::new();
    for &(level, layer, l) in &probed.subresources {
        let what = format!("mip {level} layer {layer} ({l:?})");
        let extent = softvk_tests::mip_extent(info.extent, level);
        let (w, h) = (u64::from(extent.width), u64::from(extent.height));
        assert!(l.row_pitch >= w * texel, "{what}: rowPitch below {w} texels");
        // From the first texel of the first row to the end of the last row.
        let span = (h - 1) * l.row_pitch + w * texel;
        assert!(l.offset + span <= probed.requirements.size, "{what}: its rows end past the memory requirements");
        assert!(l.array_pitch >= span, "{what}: arrayPitch smaller than a layer's rows");
        spans.push((l.offset, l.offset + span, what.clone()));
        if ctx.is_softvk {
            assert!(l.size >= span, "{what}: size cannot hold {h} rows");
            assert!(l.offset + l.size <= probed.requirements.size, "{what}: ends past the memory requirements");
            assert!(l.array_pitch >= l.size, "{what}: arrayPitch smaller than a layer");
            sized.push((l.offset, l.offset + l.size, what));
        }
    }
    for mut list in [spans, sized] {
        list.sort();
        for pair in list.windows(2) {
            assert!(pair[0].1 <= pair[1].0, "{} overlaps {}", pair[0].2, pair[1].2);
        }
    }
}

fn layout_probe_info() -> vk::ImageCreateInfo<'static> {
    vk::ImageCreateInfo::default()
        .image_type(vk::ImageType::TYPE_2D)
        .format(vk::Format::R8G8B8A8_UNORM)
        .extent(vk::Extent3D { width: 37, height: 21, depth: 1 })
        .mip_levels(4)
        .array_layers(3)
        .samples(vk::SampleCountFlags::TYPE_1)
        .tiling(vk::ImageTiling::LINEAR)
        .usage(vk::ImageUsageFlags::TRANSFER_SRC | vk::ImageUsageFlags::TRANSFER_DST)
}

fn child_layout(stream: &UnixStream) {
    let ctx = external_context();
    send_line(stream, &layout_report(&ctx));
}

fn semaphore_functions(ctx: &Context) -> ash::khr::external_semaphore_fd::Device {
    ctx.load_device_functions(ash::khr::external_semaphore_fd::Device::new)
}

fn fence_functions(ctx: &Context) -> ash::khr::external_fence_fd::Device {
    ctx.load_device_functions(ash::khr::external_fence_fd::Device::new)
}

const SYNC_EXTENSIONS: &[&std::ffi::CStr] = &[
    ash::khr::external_semaphore::NAME,
    ash::khr::external_semaphore_fd::NAME,
    ash::khr::external_fence::NAME,
    ash::khr::external_fence_fd::NAME,
    ash::khr::timeline_semaphore::NAME,
];

/// The child's context: the parent made sure the extensions are there.
fn sync_context() -> Context {
    Context::with_device_extensions(SYNC_EXTENSIONS).expect("the external semaphore and fence extensions")
}

/// The parent's context, or None (skipped) on another driver without the extensions.
fn sync_context_for(test: &str) -> Option<Context> {
    context_with(test, SYNC_EXTENSIONS, Validation::Default)
}

fn create_semaphore(ctx: &Context, timeline: bool, export: vk::ExternalSemaphoreHandleTypeFlags) -> vk::Semaphore {
    let mut export_info = vk::ExportSemaphoreCreateInfo::default().handle_types(export);
    let mut type_info =
        vk::SemaphoreTypeCreateInfo::default().semaphore_type(vk::SemaphoreType::TIMELINE).initial_value(0);
    let mut info = vk::SemaphoreCreateInfo::default();
    if !export.is_empty() {
        info = info.push_next(&mut export_info);
    }
    if timeline {
        info = info.push_next(&mut type_info);
    }
    ctx.owned_semaphore(&info)
}

fn submit_signal(ctx: &Context, semaphore: vk::Semaphore, fence: vk::Fence) {
    let signal = [semaphore];
    let submit = [vk::SubmitInfo::default().signal_semaphores(&signal)];
    // SAFETY: valid submission.
    unsafe { ctx.device.queue_submit(ctx.queue, &submit, fence) }.expect("vkQueueSubmit");
}

fn submit_wait(ctx: &Context, semaphore: vk::Semaphore, fence: vk::Fence) {
    let wait = [semaphore];
    let stages = [vk::PipelineStageFlags::ALL_COMMANDS];
    let submit = [vk::SubmitInfo::default().wait_semaphores(&wait).wait_dst_stage_mask(&stages)];
    // SAFETY: valid submission.
    unsafe { ctx.device.queue_submit(ctx.queue, &submit, fence) }.expect("vkQueueSubmit");
}

/// Child: imports a binary semaphore (OPAQUE_FD) and signals it from its queue.
fn child_semaphore(stream: &UnixStream) {
    let (fd, _) = recv_fd(stream);
    let ctx = sync_context();
    let semaphore = create_semaphore(&ctx, false, vk::ExternalSemaphoreHandleTypeFlags::empty());
    let info = vk::ImportSemaphoreFdInfoKHR::default()
        .semaphore(semaphore)
        .handle_type(vk::ExternalSemaphoreHandleTypeFlags::OPAQUE_FD)
        .fd(fd.into_raw_fd());
    // SAFETY: valid import; ownership of the fd passes to the driver.
    unsafe { semaphore_functions(&ctx).import_semaphore_fd(&info) }.expect("vkImportSemaphoreFdKHR");
    submit_signal(&ctx, semaphore, vk::Fence::null());
    // SAFETY: the queue is ours.
    unsafe { ctx.device.queue_wait_idle(ctx.queue) }.expect("vkQueueWaitIdle");
}

/// Child: imports a timeline semaphore and signals value 5 from the host.
fn child_timeline(stream: &UnixStream) {
    let (fd, _) = recv_fd(stream);
    let ctx = sync_context();
    let semaphore = create_semaphore(&ctx, true, vk::ExternalSemaphoreHandleTypeFlags::empty());
    let info = vk::ImportSemaphoreFdInfoKHR::default()
        .semaphore(semaphore)
        .handle_type(vk::ExternalSemaphoreHandleTypeFlags::OPAQUE_FD)
        .fd(fd.into_raw_fd());
    // SAFETY: valid import.
    unsafe { semaphore_functions(&ctx).import_semaphore_fd(&info) }.expect("vkImportSemaphoreFdKHR");
    let timeline = ctx.load_device_functions(ash::khr::timeline_semaphore::Device::new);
    // SAFETY: valid signal of a timeline semaphore.
    unsafe { timeline.signal_semaphore(&vk::SemaphoreSignalInfo::default().semaphore(semaphore).value(5)) }
        .expect("vkSignalSemaphore");
}

/// Child: imports a fence (OPAQUE_FD) and signals it with an empty submission.
fn child_fence(stream: &UnixStream) {
    let (fd, _) = recv_fd(stream);
    let ctx = sync_context();
    let fence = ctx.owned_fence(false);
    let info = vk::ImportFenceFdInfoKHR::default()
        .fence(fence)
        .handle_type(vk::ExternalFenceHandleTypeFlags::OPAQUE_FD)
        .fd(fd.into_raw_fd());
    // SAFETY: valid import.
    unsafe { fence_functions(&ctx).import_fence_fd(&info) }.expect("vkImportFenceFdKHR");
    // SAFETY: empty submission that signals the fence.
    unsafe { ctx.device.queue_submit(ctx.queue, &[], fence) }.expect("vkQueueSubmit");
    unsafe { ctx.device.queue_wait_idle(ctx.queue) }.expect("vkQueueWaitIdle");
}

/// Child: waits on a SYNC_FD whose signal is still pending in the parent.
fn child_sync_fd(stream: &UnixStream) {
    let (fd, _) = recv_fd(stream);
    let ctx = sync_context();
    let semaphore = create_semaphore(&ctx, false, vk::ExternalSemaphoreHandleTypeFlags::empty());
    let info = vk::ImportSemaphoreFdInfoKHR::default()
        .semaphore(semaphore)
        .flags(vk::SemaphoreImportFlags::TEMPORARY)
        .handle_type(vk::ExternalSemaphoreHandleTypeFlags::SYNC_FD)
        .fd(fd.into_raw_fd());
    // SAFETY: valid import.
    unsafe { semaphore_functions(&ctx).import_semaphore_fd(&info) }.expect("vkImportSemaphoreFdKHR");
    let fence = ctx.owned_fence(false);
    submit_wait(&ctx, semaphore, fence);
    std::thread::sleep(Duration::from_millis(100));
    // SAFETY: the fence is ours.
    assert_eq!(
        unsafe { ctx.device.get_fence_status(fence) },
        Ok(false),
        "the wait finished before the parent signalled"
    );
    send_line(stream, "waiting");
    // SAFETY: the fence is ours.
    unsafe { ctx.device.wait_for_fences(&[fence], true, FENCE_TIMEOUT_NS) }
        .expect("the imported SYNC_FD never signalled");
}

// ---- the tests -------------------------------------------------------------------------

#[test]
fn exported_memory_is_shared_both_ways_with_another_process() {
    let _serial = serial();
    for nv in [false, true] {
        let Some(ctx) = export_context("exported_memory_is_shared_both_ways_with_another_process", nv) else {
            continue;
        };
        let memory = allocate_exportable(&ctx, SIZE, nv);
        let bytes = map(&ctx, memory, SIZE);
        let seed = 7 + u64::from(nv);
        bytes.copy_from_slice(&pattern(SIZE as usize, seed));
        let (child, stream) = spawn_child("import-memory");
        send_fd(&stream, &export_fd(&ctx, memory), &seed.to_string());
        finish(child, &stream);
        // The child's device fill landed in our memory; the rest is untouched.
        assert!(bytes[..4096].iter().all(|&b| b == 0xA5), "the child's write is not visible to the exporter (nv={nv})");
        assert!(bytes[4096..] == pattern(SIZE as usize, seed)[4096..], "bytes past the child's write changed");
        // SAFETY: no pending work.
        unsafe { ctx.device.free_memory(memory, None) };
    }
}

#[test]
fn each_export_returns_a_new_fd_whose_bytes_are_the_memory() {
    let _serial = serial();
    let ctx = external_context();
    let memory = allocate_exportable(&ctx, SIZE, false);
    let bytes = map(&ctx, memory, SIZE);
    bytes.copy_from_slice(&pattern(SIZE as usize, 3));
    let (a, b) = (export_fd(&ctx, memory), export_fd(&ctx, memory));
    assert_ne!(a.as_raw_fd(), b.as_raw_fd(), "vkGetMemoryFdKHR must return a new fd each call");
    if !ctx.is_softvk {
        // What an OPAQUE_FD holds is the driver's business; softvk documents it.
        skip("each_export_returns_a_new_fd_whose_bytes_are_the_memory", "the fd's contents are softvk's promise");
        // SAFETY: no pending work.
        unsafe { ctx.device.free_memory(memory, None) };
        return;
    }
    // A consumer that knows nothing of Vulkan: shm only.
    let raw = shm::Segment::import(a, SIZE as usize).expect("map the exported fd with shm");
    // SAFETY: the segment maps SIZE bytes.
    let seen = unsafe { std::slice::from_raw_parts(raw.as_ptr(), SIZE as usize) };
    assert!(seen == pattern(SIZE as usize, 3).as_slice(), "byte N of the fd is not byte N of the memory");
    bytes[100] = 0x42;
    // SAFETY: as above; the write above went through the other mapping of the same memory.
    assert_eq!(unsafe { *raw.as_ptr().add(100) }, 0x42);
    drop(b);
    // SAFETY: no pending work.
    unsafe { ctx.device.free_memory(memory, None) };
}

#[test]
fn imported_memory_outlives_the_exporter_in_another_instance() {
    let _serial = serial();
    let exporter = external_context();
    let importer = external_context();
    let memory = allocate_exportable(&exporter, SIZE, false);
    map(&exporter, memory, SIZE).copy_from_slice(&pattern(SIZE as usize, 11));
    let fd = export_fd(&exporter, memory);
    let imported =
        import(&importer, fd.into_raw_fd(), SIZE, vk::ExternalMemoryHandleTypeFlags::OPAQUE_FD).expect("import");
    // SAFETY: no pending work; the exporter goes away entirely.
    unsafe { exporter.device.free_memory(memory, None) };
    drop(exporter);
    let bytes = map(&importer, imported, SIZE);
    assert!(bytes == pattern(SIZE as usize, 11).as_slice(), "imported memory changed after the exporter freed it");
    // SAFETY: no pending work.
    unsafe { importer.device.free_memory(imported, None) };
}

/// Two images bound at offset 0 of one imported allocation see each other's texels, and
/// the exporter's mapping sees them at the layout vkGetImageSubresourceLayout reports. The
/// images are LINEAR with ALIAS_BIT and identical create infos: the spec's conditions for
/// aliases that interpret memory consistently ("Memory Aliasing").
#[test]
fn two_images_alias_one_imported_allocation() {
    let _serial = serial();
    let ctx = external_context();
    let memory = allocate_exportable(&ctx, SIZE, false);
    let imported =
        import(&ctx, export_fd(&ctx, memory).into_raw_fd(), SIZE, vk::ExternalMemoryHandleTypeFlags::OPAQUE_FD)
            .expect("import");
    let mut external =
        vk::ExternalMemoryImageCreateInfo::default().handle_types(vk::ExternalMemoryHandleTypeFlags::OPAQUE_FD);
    let info = vk::ImageCreateInfo::default()
        .flags(vk::ImageCreateFlags::ALIAS)
        .image_type(vk::ImageType::TYPE_2D)
        .format(vk::Format::R8G8B8A8_UNORM)
        .extent(vk::Extent3D { width: 16, height: 16, depth: 1 })
        .mip_levels(1)
        .array_layers(1)
        .samples(vk::SampleCountFlags::TYPE_1)
        .tiling(vk::ImageTiling::LINEAR)
        .usage(vk::ImageUsageFlags::TRANSFER_SRC | vk::ImageUsageFlags::TRANSFER_DST)
        .push_next(&mut external);
    let out = ctx.create_transfer_buffer(16 * 16 * 4);
    let range = COLOR_RANGE;
    // SAFETY: valid create infos; both images bound at offset 0 of the imported memory.
    unsafe {
        let a = ctx.device.create_image(&info, None).expect("image a");
        let b = ctx.device.create_image(&info, None).expect("image b");
        let requirements = ctx.device.get_image_memory_requirements(a);
        assert!(requirements.size <= SIZE, "a 16x16 RGBA8 image needs {} bytes", requirements.size);
        ctx.device.bind_image_memory(a, imported, 0).expect("bind a");
        ctx.device.bind_image_memory(b, imported, 0).expect("bind b");
        let layout = ctx.device.get_image_subresource_layout(
            a,
            vk::ImageSubresource { aspect_mask: range.aspect_mask, mip_level: 0, array_layer: 0 },
        );
        ctx.run(|cb| {
            for image in [a, b] {
                ctx.cmd_transition_color(cb, image, vk::ImageLayout::UNDEFINED, vk::ImageLayout::GENERAL);
            }
            ctx.device.cmd_clear_color_image(
                cb,
                a,
                vk::ImageLayout::GENERAL,
                &vk::ClearColorValue { float32: [1.0, 0.0, 0.0, 1.0] },
                &[range],
            );
            ctx.cmd_transfer_barrier(cb);
            let region = vk::BufferImageCopy {
                image_subresource: vk::ImageSubresourceLayers {
                    aspect_mask: vk::ImageAspectFlags::COLOR,
                    mip_level: 0,
                    base_array_layer: 0,
                    layer_count: 1,
                },
                image_extent: vk::Extent3D { width: 16, height: 16, depth: 1 },
                ..Default::default()
            };
            ctx.device.cmd_copy_image_to_buffer(cb, b, vk::ImageLayout::GENERAL, out.buffer, &[region]);
        });
        assert!(out.read().chunks(4).all(|t| t == [255, 0, 0, 255]), "image b does not see image a's clear");
        // The exporter's mapping sees the same texels, first and last, at the reported layout.
        let mapped = map(&ctx, memory, SIZE);
        let first = layout.offset as usize;
        let last = (layout.offset + 15 * layout.row_pitch) as usize + 15 * 4;
        assert_eq!(&mapped[first..first + 4], &[255, 0, 0, 255], "texel (0,0) through the exporter's mapping");
        assert_eq!(&mapped[last..last + 4], &[255, 0, 0, 255], "texel (15,15) through the exporter's mapping");
        ctx.device.destroy_image(a, None);
        ctx.device.destroy_image(b, None);
        ctx.device.free_memory(imported, None);
        ctx.device.free_memory(memory, None);
    }
}

#[test]
fn host_pointer_import_is_zero_copy() {
    let _serial = serial();
    let extensions = [ash::khr::external_memory::NAME, ash::ext::external_memory_host::NAME];
    let Some(ctx) = context_with("host_pointer_import_is_zero_copy", &extensions, Validation::Default) else {
        return;
    };
    let layout = std::alloc::Layout::from_size_align(SIZE as usize, 4096).expect("layout");
    // SAFETY: non-zero size.
    let host = unsafe { std::alloc::alloc_zeroed(layout) };
    assert!(!host.is_null());
    let functions = ctx.load_device_functions(ash::ext::external_memory_host::Device::new);
    let mut props = vk::MemoryHostPointerPropertiesEXT::default();
    // SAFETY: host is a live page-aligned allocation.
    let result = unsafe {
        (functions.fp().get_memory_host_pointer_properties_ext)(
            ctx.device.handle(),
            vk::ExternalMemoryHandleTypeFlags::HOST_ALLOCATION_EXT,
            host as *const _,
            &mut props,
        )
    };
    assert_eq!(result, vk::Result::SUCCESS, "vkGetMemoryHostPointerPropertiesEXT");
    assert_ne!(props.memory_type_bits, 0);
    let mut import = vk::ImportMemoryHostPointerInfoEXT::default()
        .handle_type(vk::ExternalMemoryHandleTypeFlags::HOST_ALLOCATION_EXT)
        .host_pointer(host as *mut _);
    let type_index = props.memory_type_bits.trailing_zeros();
    let info =
        vk::MemoryAllocateInfo::default().allocation_size(SIZE).memory_type_index(type_index).push_next(&mut import);
    // SAFETY: the host allocation outlives the device memory (freed below, before dealloc).
    unsafe {
        let memory = ctx.device.allocate_memory(&info, None).expect("host pointer import");
        fill_with_device(&ctx, memory, vk::ExternalMemoryHandleTypeFlags::HOST_ALLOCATION_EXT, SIZE, 0x0102_0304);
        let seen = std::slice::from_raw_parts(host, SIZE as usize);
        assert!(
            seen.chunks(4).all(|w| w == 0x0102_0304u32.to_ne_bytes()),
            "device writes did not land in the host allocation"
        );
        ctx.device.free_memory(memory, None);
        std::alloc::dealloc(host, layout);
    }
}

/// A host pointer not aligned to minImportedHostPointerAlignment is invalid usage
/// (VUID-VkImportMemoryHostPointerInfoEXT-pHostPointer-01749), which softvk refuses with an
/// error: no validation layer, and softvk only.
#[test]
fn misaligned_host_pointer_import_is_refused() {
    let _serial = serial();
    let test = "misaligned_host_pointer_import_is_refused";
    let extensions = [ash::khr::external_memory::NAME, ash::ext::external_memory_host::NAME];
    let Some(ctx) = context_with(test, &extensions, Validation::Off) else {
        return;
    };
    if !ctx.is_softvk {
        skip(test, "invalid usage, whose outcome only softvk promises");
        return;
    }
    let layout = std::alloc::Layout::from_size_align(SIZE as usize, 4096).expect("layout");
    // SAFETY: non-zero size.
    let host = unsafe { std::alloc::alloc_zeroed(layout) };
    assert!(!host.is_null());
    // SAFETY: host + 8 lies in the allocation; the import must fail before using it.
    unsafe {
        let mut bad = vk::ImportMemoryHostPointerInfoEXT::default()
            .handle_type(vk::ExternalMemoryHandleTypeFlags::HOST_ALLOCATION_EXT)
            .host_pointer(host.add(8) as *mut _);
        let info = vk::MemoryAllocateInfo::default().allocation_size(4096).memory_type_index(0).push_next(&mut bad);
        assert_eq!(ctx.device.allocate_memory(&info, None), Err(vk::Result::ERROR_INVALID_EXTERNAL_HANDLE));
        std::alloc::dealloc(host, layout);
    }
}

#[test]
fn same_image_create_info_has_the_same_layout_in_two_processes() {
    let _serial = serial();
    let ctx = external_context();
    check_probed_layout(&ctx, &probe_layout(&ctx));
    let here = layout_report(&ctx);
    let (child, stream) = spawn_child("layout");
    let there = read_line(&stream);
    finish(child, &stream);
    assert_eq!(here, there, "layouts differ between processes");
}

/// Every kind of bad handle: the error code, at once, and no fd leaked or stolen. Importing
/// a handle that is not one of its type is invalid usage (VUID-VkImportMemoryFdInfoKHR-fd-00668)
/// that softvk promises to refuse: no validation layer, and softvk only (another driver may
/// close the fd, or accept it).
#[test]
fn bad_memory_handles_are_refused_at_once_without_leaking() {
    let _serial = serial();
    let test = "bad_memory_handles_are_refused_at_once_without_leaking";
    let extensions = [ash::khr::external_memory::NAME, ash::khr::external_memory_fd::NAME];
    let Some(ctx) = context_with(test, &extensions, Validation::Off) else {
        return;
    };
    if !ctx.is_softvk {
        skip(test, "invalid usage, whose outcome only softvk promises");
        return;
    }
    let small = shm::Segment::exportable("small", 4096).expect("small memfd");
    let file_path = std::env::temp_dir().join(format!("softvk-bad-handle-{}", std::process::id()));
    std::fs::write(&file_path, vec![0u8; SIZE as usize]).expect("regular file");
    type Maker<'a> = Box<dyn Fn() -> RawFd + 'a>;
    let cases: Vec<(&str, Maker, vk::ExternalMemoryHandleTypeFlags)> = vec![
        (
            "pipe",
            Box::new(|| std::io::pipe().expect("pipe").0.into_raw_fd()),
            vk::ExternalMemoryHandleTypeFlags::OPAQUE_FD,
        ),
        (
            "socket",
            Box::new(|| UnixStream::pair().expect("pair").0.into_raw_fd()),
            vk::ExternalMemoryHandleTypeFlags::OPAQUE_FD,
        ),
        (
            "regular file",
            Box::new(|| std::fs::File::open(&file_path).expect("open").into_raw_fd()),
            vk::ExternalMemoryHandleTypeFlags::OPAQUE_FD,
        ),
        (
            "/dev/null",
            Box::new(|| std::fs::File::open("/dev/null").expect("open").into_raw_fd()),
            vk::ExternalMemoryHandleTypeFlags::OPAQUE_FD,
        ),
        (
            "directory",
            Box::new(|| std::fs::File::open("/").expect("open").into_raw_fd()),
            vk::ExternalMemoryHandleTypeFlags::OPAQUE_FD,
        ),
        (
            "too-small memfd",
            Box::new(|| small.export_fd().expect("fd").into_raw_fd()),
            vk::ExternalMemoryHandleTypeFlags::OPAQUE_FD,
        ),
        (
            "wrong handle type",
            Box::new(|| small.export_fd().expect("fd").into_raw_fd()),
            vk::ExternalMemoryHandleTypeFlags::DMA_BUF_EXT,
        ),
        (
            "closed fd",
            Box::new(|| std::fs::File::open("/dev/null").expect("open").into_raw_fd()),
            vk::ExternalMemoryHandleTypeFlags::OPAQUE_FD,
        ),
        ("negative fd", Box::new(|| -1), vk::ExternalMemoryHandleTypeFlags::OPAQUE_FD),
    ];
    for (name, make, handle_type) in cases {
        let before = settled_fd_count();
        let fd = make();
        if name == "closed fd" {
            // SAFETY: we own fd; closing it leaves a number that is not open.
            drop(unsafe { OwnedFd::from_raw_fd(fd) });
        }
        // On a thread, so that an import that blocks (reading a pipe...) fails the test
        // after a second instead of hanging it.
        let (device, type_index) = (ctx.device.clone(), host_type(&ctx));
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut import = vk::ImportMemoryFdInfoKHR::default().handle_type(handle_type).fd(fd);
            let info = vk::MemoryAllocateInfo::default()
                .allocation_size(SIZE)
                .memory_type_index(type_index)
                .push_next(&mut import);
            // SAFETY: a bad handle on purpose; the driver must refuse it.
            let _ = sender.send(unsafe { device.allocate_memory(&info, None) });
        });
        let result = receiver
            .recv_timeout(Duration::from_secs(1))
            .unwrap_or_else(|_| panic!("{name}: the import did not return within 1 s"));
        assert_eq!(result, Err(vk::Result::ERROR_INVALID_EXTERNAL_HANDLE), "{name}");
        if fd >= 0 && name != "closed fd" {
            // spec: a failed import leaves the fd with the application, open.
            // SAFETY: the fd is still ours after a failed import.
            drop(unsafe { OwnedFd::from_raw_fd(fd) });
        }
        assert_eq!(settled_fd_count(), before, "{name}: the fd count changed");
    }
    let _ = std::fs::remove_file(&file_path);
}

#[test]
fn external_memory_capability_queries_report_opaque_fd_and_host_pointers() {
    let _serial = serial();
    let ctx = external_context();
    let mut external_props = vk::ExternalImageFormatProperties::default();
    let mut external_info =
        vk::PhysicalDeviceExternalImageFormatInfo::default().handle_type(vk::ExternalMemoryHandleTypeFlags::OPAQUE_FD);
    let info = vk::PhysicalDeviceImageFormatInfo2::default()
        .format(vk::Format::R8G8B8A8_UNORM)
        .ty(vk::ImageType::TYPE_2D)
        .tiling(vk::ImageTiling::OPTIMAL)
        .usage(vk::ImageUsageFlags::TRANSFER_SRC | vk::ImageUsageFlags::TRANSFER_DST)
        .push_next(&mut external_info);
    let mut props = vk::ImageFormatProperties2::default().push_next(&mut external_props);
    // SAFETY: valid query.
    unsafe { ctx.instance.get_physical_device_image_format_properties2(ctx.physical_device, &info, &mut props) }
        .expect("OPAQUE_FD images are supported");
    let features = external_props.external_memory_properties.external_memory_features;
    assert!(
        features.contains(vk::ExternalMemoryFeatureFlags::EXPORTABLE | vk::ExternalMemoryFeatureFlags::IMPORTABLE),
        "{features:?}"
    );

    // softvk does not advertise VK_EXT_external_memory_dma_buf and answers for its handle
    // type that it is not supported. (On a driver without the extension the question is
    // not well-formed; Mesa 22.3's lavapipe answers SUCCESS, or crashes without the
    // optional output structure.)
    if ctx.is_softvk {
        let mut dma_info = vk::PhysicalDeviceExternalImageFormatInfo::default()
            .handle_type(vk::ExternalMemoryHandleTypeFlags::DMA_BUF_EXT);
        let info = vk::PhysicalDeviceImageFormatInfo2::default()
            .format(vk::Format::R8G8B8A8_UNORM)
            .ty(vk::ImageType::TYPE_2D)
            .tiling(vk::ImageTiling::OPTIMAL)
            .usage(vk::ImageUsageFlags::TRANSFER_SRC)
            .push_next(&mut dma_info);
        let mut props = vk::ImageFormatProperties2::default();
        // SAFETY: valid query.
        let result = unsafe {
            ctx.instance.get_physical_device_image_format_properties2(ctx.physical_device, &info, &mut props)
        };
        assert_eq!(result, Err(vk::Result::ERROR_FORMAT_NOT_SUPPORTED), "dma-buf is not advertised");
    }

    for (handle_type, expected) in [
        (
            vk::ExternalMemoryHandleTypeFlags::OPAQUE_FD,
            vk::ExternalMemoryFeatureFlags::EXPORTABLE | vk::ExternalMemoryFeatureFlags::IMPORTABLE,
        ),
        (vk::ExternalMemoryHandleTypeFlags::HOST_ALLOCATION_EXT, vk::ExternalMemoryFeatureFlags::IMPORTABLE),
    ] {
        let info = vk::PhysicalDeviceExternalBufferInfo::default()
            .usage(vk::BufferUsageFlags::TRANSFER_DST)
            .handle_type(handle_type);
        let mut props = vk::ExternalBufferProperties::default();
        // SAFETY: valid query.
        unsafe { ctx.instance.get_physical_device_external_buffer_properties(ctx.physical_device, &info, &mut props) };
        assert_eq!(props.external_memory_properties.external_memory_features, expected, "{handle_type:?}");
    }
}

#[test]
fn nv_external_image_format_properties_follow_the_extension_text() {
    let _serial = serial();
    let entry = softvk_tests::load_entry();
    let created = softvk_tests::create_instance_with(
        &entry,
        &[ash::nv::external_memory_capabilities::NAME.as_ptr()],
        std::ptr::null(),
    );
    let instance = match created {
        Ok(instance) => instance,
        Err(vk::Result::ERROR_EXTENSION_NOT_PRESENT) if softvk_tests::icd_overridden() => {
            skip(
                "nv_external_image_format_properties_follow_the_extension_text",
                "no VK_NV_external_memory_capabilities",
            );
            return;
        }
        Err(e) => panic!("instance with VK_NV_external_memory_capabilities: {e:?}"),
    };
    let (physical_device, _) = softvk_tests::select_physical_device(&instance);
    let nv = ash::nv::external_memory_capabilities::Instance::new(&entry, &instance);
    type H = vk::ExternalMemoryHandleTypeFlagsNV;
    let query = |format: vk::Format, handle: H| {
        // SAFETY: valid query on a live physical device.
        unsafe {
            let mut out = vk::ExternalImageFormatPropertiesNV::default();
            let result = (nv.fp().get_physical_device_external_image_format_properties_nv)(
                physical_device,
                format,
                vk::ImageType::TYPE_2D,
                vk::ImageTiling::OPTIMAL,
                vk::ImageUsageFlags::TRANSFER_SRC | vk::ImageUsageFlags::TRANSFER_DST,
                vk::ImageCreateFlags::empty(),
                handle,
                &mut out,
            );
            if result == vk::Result::SUCCESS {
                Ok(out)
            } else {
                Err(result)
            }
        }
    };
    // SAFETY: valid query.
    let plain = unsafe {
        instance.get_physical_device_image_format_properties(
            physical_device,
            vk::Format::R8G8B8A8_UNORM,
            vk::ImageType::TYPE_2D,
            vk::ImageTiling::OPTIMAL,
            vk::ImageUsageFlags::TRANSFER_SRC | vk::ImageUsageFlags::TRANSFER_DST,
            vk::ImageCreateFlags::empty(),
        )
    }
    .expect("plain properties");
    let none = query(vk::Format::R8G8B8A8_UNORM, H::empty()).expect("handle type 0");
    assert_eq!(format!("{:?}", none.image_format_properties), format!("{plain:?}"));
    assert_eq!(
        (none.external_memory_features, none.export_from_imported_handle_types, none.compatible_handle_types),
        (vk::ExternalMemoryFeatureFlagsNV::empty(), H::empty(), H::empty())
    );
    let win32 = query(vk::Format::R8G8B8A8_UNORM, H::OPAQUE_WIN32).expect("OPAQUE_WIN32");
    assert_eq!(
        win32.external_memory_features,
        vk::ExternalMemoryFeatureFlagsNV::EXPORTABLE | vk::ExternalMemoryFeatureFlagsNV::IMPORTABLE
    );
    assert!(win32.compatible_handle_types.contains(H::OPAQUE_WIN32));
    for handle in [H::D3D11_IMAGE, H::D3D11_IMAGE_KMT, H::OPAQUE_WIN32_KMT] {
        let props = query(vk::Format::R8G8B8A8_UNORM, handle).expect("D3D11/KMT answer with no features");
        assert!(props.external_memory_features.is_empty(), "{handle:?}");
    }
    assert_eq!(
        query(vk::Format::G8_B8R8_2PLANE_420_UNORM, H::OPAQUE_WIN32).err(),
        Some(vk::Result::ERROR_FORMAT_NOT_SUPPORTED)
    );
    softvk_tests::destroy_instance(&instance);
}

#[test]
fn binary_semaphore_signalled_in_another_process_releases_a_wait_here() {
    let _serial = serial();
    let Some(ctx) = sync_context_for("binary_semaphore_signalled_in_another_process_releases_a_wait_here") else {
        return;
    };
    let semaphore = create_semaphore(&ctx, false, vk::ExternalSemaphoreHandleTypeFlags::OPAQUE_FD);
    let info = vk::SemaphoreGetFdInfoKHR::default()
        .semaphore(semaphore)
        .handle_type(vk::ExternalSemaphoreHandleTypeFlags::OPAQUE_FD);
    // SAFETY: the semaphore was created exportable.
    let fd = unsafe {
        OwnedFd::from_raw_fd(semaphore_functions(&ctx).get_semaphore_fd(&info).expect("vkGetSemaphoreFdKHR"))
    };
    let fence = ctx.owned_fence(false);
    submit_wait(&ctx, semaphore, fence);
    // SAFETY: the fence is ours.
    let early = unsafe { ctx.device.wait_for_fences(&[fence], true, 50_000_000) };
    assert_eq!(early, Err(vk::Result::TIMEOUT), "the wait finished before anyone signalled the semaphore");
    let (child, stream) = spawn_child("semaphore");
    send_fd(&stream, &fd, "semaphore");
    finish(child, &stream);
    // SAFETY: the fence is ours.
    unsafe { ctx.device.wait_for_fences(&[fence], true, FENCE_TIMEOUT_NS) }
        .expect("the wait on the shared semaphore never finished");
}

#[test]
fn timeline_semaphore_signalled_in_another_process_is_seen_by_a_host_wait() {
    let _serial = serial();
    let Some(ctx) = sync_context_for("timeline_semaphore_signalled_in_another_process_is_seen_by_a_host_wait") else {
        return;
    };
    let semaphore = create_semaphore(&ctx, true, vk::ExternalSemaphoreHandleTypeFlags::OPAQUE_FD);
    let info = vk::SemaphoreGetFdInfoKHR::default()
        .semaphore(semaphore)
        .handle_type(vk::ExternalSemaphoreHandleTypeFlags::OPAQUE_FD);
    // SAFETY: the semaphore was created exportable.
    let fd = unsafe {
        OwnedFd::from_raw_fd(semaphore_functions(&ctx).get_semaphore_fd(&info).expect("vkGetSemaphoreFdKHR"))
    };
    let timeline = ctx.load_device_functions(ash::khr::timeline_semaphore::Device::new);
    let semaphores = [semaphore];
    let values = [5u64];
    let wait_info = vk::SemaphoreWaitInfo::default().semaphores(&semaphores).values(&values);
    // SAFETY: a live timeline semaphore.
    let counter = || unsafe { timeline.get_semaphore_counter_value(semaphore) }.expect("vkGetSemaphoreCounterValue");
    assert_eq!(counter(), 0, "the counter before the child runs");
    // SAFETY: valid wait.
    let early = unsafe { timeline.wait_semaphores(&wait_info, 0) };
    assert_eq!(early, Err(vk::Result::TIMEOUT), "value 5 reached before the child signalled it");
    let (child, stream) = spawn_child("timeline");
    send_fd(&stream, &fd, "timeline");
    // SAFETY: valid wait.
    unsafe { timeline.wait_semaphores(&wait_info, FENCE_TIMEOUT_NS) }.expect("value 5 never arrived");
    assert!(counter() >= 5, "the wait returned with the counter at {}", counter());
    finish(child, &stream);
}

#[test]
fn fence_signalled_in_another_process_is_signalled_here() {
    let _serial = serial();
    let Some(ctx) = sync_context_for("fence_signalled_in_another_process_is_signalled_here") else {
        return;
    };
    let mut export = vk::ExportFenceCreateInfo::default().handle_types(vk::ExternalFenceHandleTypeFlags::OPAQUE_FD);
    // SAFETY: valid create info.
    let fence = unsafe { ctx.device.create_fence(&vk::FenceCreateInfo::default().push_next(&mut export), None) }
        .expect("exportable fence");
    let info = vk::FenceGetFdInfoKHR::default().fence(fence).handle_type(vk::ExternalFenceHandleTypeFlags::OPAQUE_FD);
    // SAFETY: the fence was created exportable.
    let fd = unsafe { OwnedFd::from_raw_fd(fence_functions(&ctx).get_fence_fd(&info).expect("vkGetFenceFdKHR")) };
    // SAFETY: the fence is ours (here and below).
    let status = || unsafe { ctx.device.get_fence_status(fence) }.expect("vkGetFenceStatus");
    assert!(!status(), "the shared fence is signalled before the child runs");
    let (child, stream) = spawn_child("fence");
    send_fd(&stream, &fd, "fence");
    // SAFETY: as above.
    unsafe { ctx.device.wait_for_fences(&[fence], true, FENCE_TIMEOUT_NS) }
        .expect("the shared fence was never signalled");
    assert!(status(), "the fence the wait returned for is not signalled");
    finish(child, &stream);
    // SAFETY: nothing pending uses the fence.
    unsafe { ctx.device.destroy_fence(fence, None) };
}

#[test]
fn sync_fd_exported_before_its_signal_releases_a_wait_in_another_process() {
    let _serial = serial();
    let Some(ctx) = sync_context_for("sync_fd_exported_before_its_signal_releases_a_wait_in_another_process") else {
        return;
    };
    let semaphore = create_semaphore(&ctx, false, vk::ExternalSemaphoreHandleTypeFlags::SYNC_FD);
    // The signal is pending behind an event that only the host sets.
    // SAFETY: valid create info.
    let event = unsafe { ctx.device.create_event(&vk::EventCreateInfo::default(), None) }.expect("vkCreateEvent");
    let cb = ctx.allocate_command_buffer(vk::CommandBufferLevel::PRIMARY);
    ctx.begin(cb);
    // SAFETY: recording a wait on a live event.
    unsafe {
        ctx.device.cmd_wait_events(
            cb,
            &[event],
            vk::PipelineStageFlags::HOST,
            vk::PipelineStageFlags::TRANSFER,
            &[],
            &[],
            &[],
        )
    };
    ctx.end(cb);
    let cbs = [cb];
    let signal = [semaphore];
    let submit = [vk::SubmitInfo::default().command_buffers(&cbs).signal_semaphores(&signal)];
    // SAFETY: valid submission.
    unsafe { ctx.device.queue_submit(ctx.queue, &submit, vk::Fence::null()) }.expect("vkQueueSubmit");
    let info = vk::SemaphoreGetFdInfoKHR::default()
        .semaphore(semaphore)
        .handle_type(vk::ExternalSemaphoreHandleTypeFlags::SYNC_FD);
    // SAFETY: the semaphore has a pending signal.
    let fd = unsafe {
        OwnedFd::from_raw_fd(semaphore_functions(&ctx).get_semaphore_fd(&info).expect("vkGetSemaphoreFdKHR SYNC_FD"))
    };
    let (child, stream) = spawn_child("sync-fd");
    send_fd(&stream, &fd, "sync");
    assert_eq!(read_line(&stream), "waiting");
    // SAFETY: the event is ours.
    unsafe { ctx.device.set_event(event) }.expect("vkSetEvent");
    finish(child, &stream);
    // SAFETY: nothing is pending once the queue is idle.
    unsafe {
        ctx.device.queue_wait_idle(ctx.queue).expect("idle");
        ctx.device.destroy_event(event, None);
    }
}

#[test]
fn import_structures_with_handle_type_zero_import_nothing() {
    let _serial = serial();
    let ctx = external_context();
    // spec: VkImportMemoryFdInfoKHR with handleType 0 is ignored (its fd is not read).
    let memory = match import(&ctx, -1, SIZE, vk::ExternalMemoryHandleTypeFlags::empty()) {
        Ok(memory) => memory,
        Err(e) if !ctx.is_softvk => {
            // Mesa 22.3's lavapipe imports whatever the structure says.
            skip("import_structures_with_handle_type_zero_import_nothing", &format!("the driver refuses it: {e:?}"));
            return;
        }
        Err(e) => panic!("a plain allocation: {e:?}"),
    };
    map(&ctx, memory, SIZE)[0] = 1;
    // SAFETY: no pending work.
    unsafe { ctx.device.free_memory(memory, None) };
}

#[test]
fn sync_fd_of_a_signalled_semaphore_imports_as_signalled() {
    let _serial = serial();
    let Some(ctx) = sync_context_for("sync_fd_of_a_signalled_semaphore_imports_as_signalled") else {
        return;
    };
    let semaphore = create_semaphore(&ctx, false, vk::ExternalSemaphoreHandleTypeFlags::SYNC_FD);
    submit_signal(&ctx, semaphore, vk::Fence::null());
    // SAFETY: the queue is ours.
    unsafe { ctx.device.queue_wait_idle(ctx.queue) }.expect("idle");
    let info = vk::SemaphoreGetFdInfoKHR::default()
        .semaphore(semaphore)
        .handle_type(vk::ExternalSemaphoreHandleTypeFlags::SYNC_FD);
    // SAFETY: the semaphore is signalled.
    let fd = unsafe { semaphore_functions(&ctx).get_semaphore_fd(&info) }.expect("vkGetSemaphoreFdKHR");
    if ctx.is_softvk {
        assert_eq!(fd, -1, "a signalled payload exports as -1");
    }
    let other = create_semaphore(&ctx, false, vk::ExternalSemaphoreHandleTypeFlags::empty());
    let import = vk::ImportSemaphoreFdInfoKHR::default()
        .semaphore(other)
        .flags(vk::SemaphoreImportFlags::TEMPORARY)
        .handle_type(vk::ExternalSemaphoreHandleTypeFlags::SYNC_FD)
        .fd(fd);
    // SAFETY: valid import (-1 means "already signalled").
    unsafe { semaphore_functions(&ctx).import_semaphore_fd(&import) }.expect("import");
    let fence = ctx.owned_fence(false);
    submit_wait(&ctx, other, fence);
    // SAFETY: the fence is ours.
    unsafe { ctx.device.wait_for_fences(&[fence], true, FENCE_TIMEOUT_NS) }
        .expect("the wait on an imported signalled SYNC_FD never finished");
}

/// The exporter frees its memory and destroys its device before the other process even
/// imports: the fd alone keeps the memory, with every byte, alive.
#[test]
fn memory_freed_by_its_exporter_is_whole_in_another_process() {
    let _serial = serial();
    let fd = {
        let ctx = external_context();
        let memory = allocate_exportable(&ctx, SIZE, false);
        map(&ctx, memory, SIZE).copy_from_slice(&pattern(SIZE as usize, 21));
        let fd = export_fd(&ctx, memory);
        // SAFETY: no pending work uses the memory.
        unsafe { ctx.device.free_memory(memory, None) };
        fd
    };
    let (child, stream) = spawn_child("import-memory");
    send_fd(&stream, &fd, "21");
    finish(child, &stream);
}
