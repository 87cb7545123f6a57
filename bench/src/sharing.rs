//! The `export_import_image` workload: what sharing an image between processes costs.
//!
//! The child (`bench --export-import <manifest>`, one driver) creates a 4096² RGBA8 image
//! (64 MiB) in exportable memory and clears it. For each run it starts an importer
//! (`bench --import-only <manifest> <socket>`), which creates its own instance and device
//! and then says it is ready; only then does the clock start: `vkGetMemoryFdKHR`, the fd
//! sent over a Unix socket (SCM_RIGHTS), the importer's `vkAllocateMemory` with
//! `VkImportMemoryFdInfoKHR`, an image bound to it, a copy of texel (0, 0) into a host
//! buffer, and the texel's bytes sent back. The time is export to first texel read; the
//! processes' start-up and device creation are not in it.

use crate::creation::load_one_driver;
use crate::failure::Failure;
use ash::vk;
use std::io::{Read, Write};
use std::os::fd::{AsFd, FromRawFd, IntoRawFd, OwnedFd};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

const SIZE: u32 = 4096;
const CLEAR: [u8; 4] = [10, 200, 30, 255];
const TIMEOUT: u64 = 10_000_000_000;

type Result<T> = std::result::Result<T, Failure>;

/// A failed Vulkan call, named; codes that mean "not supported" stay
/// [`Failure::Unsupported`] so that the table says so.
fn vk_err(what: &'static str) -> impl Fn(vk::Result) -> Failure {
    move |e| match Failure::from(e) {
        Failure::Unsupported(code) => Failure::Unsupported(format!("{what}: {code}")),
        _ => Failure::Error(format!("{what}: {e:?}")),
    }
}

/// A device with the external-memory extensions and its one queue.
struct Gpu {
    instance: ash::Instance,
    device: ash::Device,
    queue: vk::Queue,
    memory_properties: vk::PhysicalDeviceMemoryProperties,
    name: String,
}

impl Gpu {
    fn new(entry: &ash::Entry) -> Result<Gpu> {
        let app = vk::ApplicationInfo::default().application_name(c"softvk-bench").api_version(vk::API_VERSION_1_1);
        // SAFETY: every create info outlives its call.
        unsafe {
            let instance = entry
                .create_instance(&vk::InstanceCreateInfo::default().application_info(&app), None)
                .map_err(vk_err("vkCreateInstance"))?;
            let physical = *instance
                .enumerate_physical_devices()
                .map_err(vk_err("vkEnumeratePhysicalDevices"))?
                .first()
                .ok_or("no physical device")?;
            let name = instance
                .get_physical_device_properties(physical)
                .device_name_as_c_str()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let names = [ash::khr::external_memory::NAME, ash::khr::external_memory_fd::NAME];
            let available = instance
                .enumerate_device_extension_properties(physical)
                .map_err(vk_err("vkEnumerateDeviceExtensionProperties"))?;
            if let Some(missing) =
                names.iter().find(|&&name| !available.iter().any(|e| e.extension_name_as_c_str() == Ok(name)))
            {
                instance.destroy_instance(None);
                return Err(Failure::Unsupported(format!("{} not advertised", missing.to_string_lossy())));
            }
            let extensions = names.map(|name| name.as_ptr());
            let priorities = [1.0f32];
            let queues = [vk::DeviceQueueCreateInfo::default().queue_family_index(0).queue_priorities(&priorities)];
            let info = vk::DeviceCreateInfo::default().queue_create_infos(&queues).enabled_extension_names(&extensions);
            let device = instance
                .create_device(physical, &info, None)
                .map_err(vk_err("vkCreateDevice with VK_KHR_external_memory_fd"))?;
            let queue = device.get_device_queue(0, 0);
            let memory_properties = instance.get_physical_device_memory_properties(physical);
            Ok(Gpu { instance, device, queue, memory_properties, name })
        }
    }

    fn memory_type(&self, bits: u32, flags: vk::MemoryPropertyFlags) -> Result<u32> {
        (0..self.memory_properties.memory_type_count)
            .find(|&i| {
                bits & (1 << i) != 0 && self.memory_properties.memory_types[i as usize].property_flags.contains(flags)
            })
            .ok_or_else(|| Failure::Error("no suitable memory type".into()))
    }

    /// A 4096² RGBA8 image bound to its own dedicated memory, exported or imported.
    fn external_image(&self, import: Option<(OwnedFd, u64)>) -> Result<(vk::Image, vk::DeviceMemory, u64)> {
        let handle = vk::ExternalMemoryHandleTypeFlags::OPAQUE_FD;
        let mut external = vk::ExternalMemoryImageCreateInfo::default().handle_types(handle);
        let info = vk::ImageCreateInfo::default()
            .image_type(vk::ImageType::TYPE_2D)
            .format(vk::Format::R8G8B8A8_UNORM)
            .extent(vk::Extent3D { width: SIZE, height: SIZE, depth: 1 })
            .mip_levels(1)
            .array_layers(1)
            .samples(vk::SampleCountFlags::TYPE_1)
            .tiling(vk::ImageTiling::OPTIMAL)
            .usage(vk::ImageUsageFlags::TRANSFER_SRC | vk::ImageUsageFlags::TRANSFER_DST)
            .push_next(&mut external);
        // SAFETY: valid create infos; the image is bound once.
        unsafe {
            let image = self.device.create_image(&info, None).map_err(vk_err("vkCreateImage"))?;
            let requirements = self.device.get_image_memory_requirements(image);
            let type_index = self.memory_type(requirements.memory_type_bits, vk::MemoryPropertyFlags::empty())?;
            let mut dedicated = vk::MemoryDedicatedAllocateInfo::default().image(image);
            let mut export = vk::ExportMemoryAllocateInfo::default().handle_types(handle);
            let (size, fd) = match import {
                Some((fd, size)) => (size, Some(fd)),
                None => (requirements.size, None),
            };
            let mut import_info = vk::ImportMemoryFdInfoKHR::default()
                .handle_type(handle)
                .fd(fd.as_ref().map_or(-1, std::os::fd::AsRawFd::as_raw_fd));
            let allocate = vk::MemoryAllocateInfo::default()
                .allocation_size(size)
                .memory_type_index(type_index)
                .push_next(&mut dedicated);
            let allocate =
                if fd.is_some() { allocate.push_next(&mut import_info) } else { allocate.push_next(&mut export) };
            let memory = self.device.allocate_memory(&allocate, None).map_err(vk_err("vkAllocateMemory"))?;
            // A successful import owns the fd now.
            if let Some(fd) = fd {
                let _ = fd.into_raw_fd();
            }
            self.device.bind_image_memory(image, memory, 0).map_err(vk_err("vkBindImageMemory"))?;
            Ok((image, memory, size))
        }
    }

    /// Records `record` into a one-time command buffer, submits it and waits.
    fn run(&self, record: impl FnOnce(vk::CommandBuffer)) -> Result<()> {
        // SAFETY: the pool, buffer and fence live until the wait below has returned.
        unsafe {
            let pool = self
                .device
                .create_command_pool(&vk::CommandPoolCreateInfo::default(), None)
                .map_err(vk_err("vkCreateCommandPool"))?;
            let cb = self
                .device
                .allocate_command_buffers(
                    &vk::CommandBufferAllocateInfo::default().command_pool(pool).command_buffer_count(1),
                )
                .map_err(vk_err("vkAllocateCommandBuffers"))?[0];
            self.device
                .begin_command_buffer(cb, &vk::CommandBufferBeginInfo::default())
                .map_err(vk_err("vkBeginCommandBuffer"))?;
            record(cb);
            self.device.end_command_buffer(cb).map_err(vk_err("vkEndCommandBuffer"))?;
            let fence =
                self.device.create_fence(&vk::FenceCreateInfo::default(), None).map_err(vk_err("vkCreateFence"))?;
            let cbs = [cb];
            self.device
                .queue_submit(self.queue, &[vk::SubmitInfo::default().command_buffers(&cbs)], fence)
                .map_err(vk_err("vkQueueSubmit"))?;
            self.device.wait_for_fences(&[fence], true, TIMEOUT).map_err(vk_err("vkWaitForFences"))?;
            self.device.destroy_fence(fence, None);
            self.device.destroy_command_pool(pool, None);
        }
        Ok(())
    }

    fn barrier(&self, cb: vk::CommandBuffer, image: vk::Image, old: vk::ImageLayout, new: vk::ImageLayout) {
        let barrier = vk::ImageMemoryBarrier::default()
            .src_access_mask(vk::AccessFlags::MEMORY_WRITE)
            .dst_access_mask(vk::AccessFlags::MEMORY_READ | vk::AccessFlags::MEMORY_WRITE)
            .old_layout(old)
            .new_layout(new)
            .image(image)
            .subresource_range(vk::ImageSubresourceRange {
                aspect_mask: vk::ImageAspectFlags::COLOR,
                base_mip_level: 0,
                level_count: 1,
                base_array_layer: 0,
                layer_count: 1,
            });
        // SAFETY: cb is recording; the image is live.
        unsafe {
            self.device.cmd_pipeline_barrier(
                cb,
                vk::PipelineStageFlags::ALL_COMMANDS,
                vk::PipelineStageFlags::ALL_COMMANDS,
                vk::DependencyFlags::empty(),
                &[],
                &[],
                &[barrier],
            )
        };
    }
}

impl Drop for Gpu {
    fn drop(&mut self) {
        // SAFETY: the users of this Gpu destroyed their objects and waited for their work.
        unsafe {
            let _ = self.device.device_wait_idle();
            self.device.destroy_device(None);
            self.instance.destroy_instance(None);
        }
    }
}

/// `bench --export-import <manifest> [--runs N]`: prints `device\t<name>` and
/// `seconds\t<time>` per run, or `failed\t<reason>` (a [`Failure`] as displayed).
pub fn exporter_main(manifest: &Path, runs: usize) -> ExitCode {
    match exporter(manifest, runs) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            println!("failed\t{e}");
            ExitCode::FAILURE
        }
    }
}

fn exporter(manifest: &Path, runs: usize) -> Result<()> {
    let entry = load_one_driver(manifest)?;
    let gpu = Gpu::new(&entry)?;
    let (image, memory, size) = gpu.external_image(None)?;
    let clear = vk::ClearColorValue { float32: CLEAR.map(|c| f32::from(c) / 255.0) };
    let range = vk::ImageSubresourceRange {
        aspect_mask: vk::ImageAspectFlags::COLOR,
        base_mip_level: 0,
        level_count: 1,
        base_array_layer: 0,
        layer_count: 1,
    };
    gpu.run(|cb| {
        gpu.barrier(cb, image, vk::ImageLayout::UNDEFINED, vk::ImageLayout::GENERAL);
        // SAFETY: cb is recording; the image is in GENERAL layout.
        unsafe { gpu.device.cmd_clear_color_image(cb, image, vk::ImageLayout::GENERAL, &clear, &[range]) };
    })?;
    let fd_functions = ash::khr::external_memory_fd::Device::new(&gpu.instance, &gpu.device);
    for _ in 0..runs.max(1) {
        let time = one_share(manifest, &fd_functions, memory, size)?;
        println!("device\t{}\nseconds\t{:.9}", gpu.name, time.as_secs_f64());
    }
    // SAFETY: no work is pending.
    unsafe {
        gpu.device.destroy_image(image, None);
        gpu.device.free_memory(memory, None);
    }
    Ok(())
}

fn one_share(
    manifest: &Path,
    fd_functions: &ash::khr::external_memory_fd::Device,
    memory: vk::DeviceMemory,
    size: u64,
) -> Result<Duration> {
    let path = std::env::temp_dir().join(format!("softvk-bench-share-{}.sock", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let listener = UnixListener::bind(&path).map_err(|e| format!("bind {}: {e}", path.display()))?;
    let exe = std::env::current_exe().map_err(|e| format!("current_exe: {e}"))?;
    let mut importer = Command::new(exe)
        .arg("--import-only")
        .arg(manifest)
        .arg(&path)
        .spawn()
        .map_err(|e| format!("start the importer: {e}"))?;
    let (mut stream, _) = listener.accept().map_err(|e| format!("accept: {e}"))?;
    let _ = std::fs::remove_file(&path);
    stream.set_read_timeout(Some(Duration::from_secs(60))).map_err(|e| e.to_string())?;
    let mut ready = [0u8; 1];
    stream.read_exact(&mut ready).map_err(|e| format!("the importer never got ready: {e}"))?;

    let start = Instant::now();
    let info =
        vk::MemoryGetFdInfoKHR::default().memory(memory).handle_type(vk::ExternalMemoryHandleTypeFlags::OPAQUE_FD);
    // SAFETY: the memory was allocated exportable; the fd is ours.
    let fd = unsafe { OwnedFd::from_raw_fd(fd_functions.get_memory_fd(&info).map_err(vk_err("vkGetMemoryFdKHR"))?) };
    shm::passing::send_fds(&stream, &[fd.as_fd()], &size.to_le_bytes()).map_err(|e| format!("send the fd: {e}"))?;
    let mut texel = [0u8; 4];
    stream.read_exact(&mut texel).map_err(|e| format!("the importer sent no texel: {e}"))?;
    let elapsed = start.elapsed();

    let status = importer.wait().map_err(|e| e.to_string())?;
    if texel != CLEAR || !status.success() {
        return Err(Failure::Error(format!("the importer read {texel:?} (expected {CLEAR:?}), exit {status}")));
    }
    Ok(elapsed)
}

/// `bench --import-only <manifest> <socket>`: the second process.
pub fn importer_main(manifest: &Path, socket: &Path) -> ExitCode {
    match importer(manifest, socket) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("importer: {e}");
            ExitCode::FAILURE
        }
    }
}

fn importer(manifest: &Path, socket: &Path) -> Result<()> {
    let entry = load_one_driver(manifest)?;
    let gpu = Gpu::new(&entry)?;
    let mut stream = UnixStream::connect(socket).map_err(|e| format!("connect: {e}"))?;
    stream.set_read_timeout(Some(Duration::from_secs(60))).map_err(|e| e.to_string())?;
    stream.write_all(&[1]).map_err(|e| e.to_string())?;
    let mut payload = [0u8; 8];
    let (n, mut fds) = shm::passing::recv_fds(&stream, 1, &mut payload).map_err(|e| format!("receive the fd: {e}"))?;
    if n != 8 || fds.len() != 1 {
        return Err("malformed message".into());
    }
    let size = u64::from_le_bytes(payload);
    let (image, memory, _) = gpu.external_image(Some((fds.remove(0), size)))?;
    // A 4-byte host-visible buffer receives texel (0, 0).
    // SAFETY: valid create infos; everything is destroyed below after the wait.
    unsafe {
        let buffer = gpu
            .device
            .create_buffer(&vk::BufferCreateInfo::default().size(4).usage(vk::BufferUsageFlags::TRANSFER_DST), None)
            .map_err(vk_err("vkCreateBuffer"))?;
        let requirements = gpu.device.get_buffer_memory_requirements(buffer);
        let type_index = gpu.memory_type(
            requirements.memory_type_bits,
            vk::MemoryPropertyFlags::HOST_VISIBLE | vk::MemoryPropertyFlags::HOST_COHERENT,
        )?;
        let host = gpu
            .device
            .allocate_memory(
                &vk::MemoryAllocateInfo::default().allocation_size(requirements.size).memory_type_index(type_index),
                None,
            )
            .map_err(vk_err("vkAllocateMemory"))?;
        gpu.device.bind_buffer_memory(buffer, host, 0).map_err(vk_err("vkBindBufferMemory"))?;
        gpu.run(|cb| {
            // The exporter left the image in GENERAL layout.
            gpu.barrier(cb, image, vk::ImageLayout::GENERAL, vk::ImageLayout::GENERAL);
            let region = vk::BufferImageCopy {
                image_subresource: vk::ImageSubresourceLayers {
                    aspect_mask: vk::ImageAspectFlags::COLOR,
                    mip_level: 0,
                    base_array_layer: 0,
                    layer_count: 1,
                },
                image_extent: vk::Extent3D { width: 1, height: 1, depth: 1 },
                ..Default::default()
            };
            gpu.device.cmd_copy_image_to_buffer(cb, image, vk::ImageLayout::GENERAL, buffer, &[region]);
        })?;
        let ptr = gpu.device.map_memory(host, 0, 4, vk::MemoryMapFlags::empty()).map_err(vk_err("vkMapMemory"))?
            as *const [u8; 4];
        let texel = *ptr;
        stream.write_all(&texel).map_err(|e| e.to_string())?;
        gpu.device.unmap_memory(host);
        gpu.device.destroy_buffer(buffer, None);
        gpu.device.free_memory(host, None);
        gpu.device.destroy_image(image, None);
        gpu.device.free_memory(memory, None);
    }
    Ok(())
}
