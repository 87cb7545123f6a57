//! One benchmarked Vulkan device: its logical device, a queue, one command buffer and one
//! fence, plus the helpers the workloads need to create buffers and images in it.
//!
//! Everything a timed run does goes through [`BenchDevice::submit_and_wait`]: record the
//! command buffer (not timed), then time `vkQueueSubmit` until the fence signals.

use crate::failure::Failure;
use ash::vk;
use std::time::{Duration, Instant};

/// How long a submission may take before the run is called a hang.
const FENCE_TIMEOUT_NS: u64 = 120_000_000_000;

/// Which driver a device belongs to, as far as the report is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Softvk,
    Lavapipe,
    SwiftShader,
    Other,
}

impl Role {
    /// softvk reports `deviceName` "softvk"; lavapipe "llvmpipe (LLVM ...)" with
    /// `driverName` "llvmpipe"; SwiftShader "SwiftShader Device (Subzero)" (or "(LLVM ...)")
    /// with `driverName` "SwiftShader driver". `driver_name` is empty when the device does
    /// not report one.
    pub fn identify(device_name: &str, driver_name: &str) -> Self {
        if device_name == "softvk" {
            Role::Softvk
        } else if device_name.starts_with("llvmpipe") || driver_name == "llvmpipe" {
            Role::Lavapipe
        } else if device_name.starts_with("SwiftShader") || driver_name.starts_with("SwiftShader") {
            Role::SwiftShader
        } else {
            Role::Other
        }
    }

    /// Report order: softvk, then lavapipe, then SwiftShader, then anything else.
    pub fn order(self) -> u8 {
        match self {
            Role::Softvk => 0,
            Role::Lavapipe => 1,
            Role::SwiftShader => 2,
            Role::Other => 3,
        }
    }

    /// The peers softvk's targets are stated against.
    pub fn is_peer(self) -> bool {
        matches!(self, Role::Lavapipe | Role::SwiftShader)
    }

    /// The table's short name for a known driver.
    pub fn label(self) -> Option<&'static str> {
        match self {
            Role::Softvk => Some("softvk"),
            Role::Lavapipe => Some("lavapipe"),
            Role::SwiftShader => Some("SwiftShader"),
            Role::Other => None,
        }
    }
}

/// A physical device as the report describes it (one table column).
#[derive(Clone, Debug)]
pub struct Column {
    pub role: Role,
    pub device_name: String,
    /// Short name for the table header: softvk, lavapipe, SwiftShader or the device name.
    pub label: String,
    /// Driver name and version, API version.
    pub driver: String,
}

impl Column {
    pub fn describe(instance: &ash::Instance, physical: vk::PhysicalDevice) -> Self {
        // SAFETY: physical was enumerated from this live instance.
        let properties = unsafe { instance.get_physical_device_properties(physical) };
        let device_name =
            properties.device_name_as_c_str().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let driver = driver_properties(instance, physical, &properties);
        let driver_name = driver.as_ref().map_or("", |(name, _)| name.as_str());
        let role = Role::identify(&device_name, driver_name);
        let label = role.label().map_or_else(|| device_name.clone(), str::to_string);
        let api = format!("Vulkan {}", version_text(properties.api_version));
        let info = match &driver {
            Some((name, info)) if !info.is_empty() => format!("{name} {info}"),
            // SwiftShader leaves driverInfo empty; its driverVersion is VK_MAKE_VERSION.
            Some((name, _)) => format!("{name}, driverVersion {}", version_text(properties.driver_version)),
            None => format!("driverVersion {:#x}", properties.driver_version),
        };
        let mut driver = format!("{device_name}: {}, {api}", info.trim());
        if role == Role::SwiftShader {
            if let Some(source) = crate::swiftshader::source() {
                driver.push_str(&format!("; from {source}"));
            }
        }
        Column { role, label, driver, device_name }
    }
}

/// `major.minor.patch` of a version packed as `VK_MAKE_API_VERSION`.
fn version_text(version: u32) -> String {
    format!("{}.{}.{}", vk::api_version_major(version), vk::api_version_minor(version), vk::api_version_patch(version))
}

/// `driverName` and `driverInfo` from `VkPhysicalDeviceDriverProperties`, when the device
/// supports that structure (Vulkan 1.2 or `VK_KHR_driver_properties`).
fn driver_properties(
    instance: &ash::Instance,
    physical: vk::PhysicalDevice,
    properties: &vk::PhysicalDeviceProperties,
) -> Option<(String, String)> {
    // SAFETY: physical was enumerated from this live instance.
    let extensions = unsafe { instance.enumerate_device_extension_properties(physical) }.ok()?;
    let has_extension =
        extensions.iter().any(|e| e.extension_name_as_c_str().is_ok_and(|n| n == ash::khr::driver_properties::NAME));
    if properties.api_version < vk::API_VERSION_1_2 && !has_extension {
        return None;
    }
    let mut driver = vk::PhysicalDeviceDriverProperties::default();
    let mut properties2 = vk::PhysicalDeviceProperties2::default().push_next(&mut driver);
    // SAFETY: the chain holds one structure the device supports; both outlive the call.
    unsafe { instance.get_physical_device_properties2(physical, &mut properties2) };
    let name = driver.driver_name_as_c_str().ok()?.to_string_lossy().trim().to_string();
    let info = driver.driver_info_as_c_str().ok()?.to_string_lossy().trim().to_string();
    Some((name, info))
}

/// The buffers and images one workload created on one device, and for compute
/// workloads its pipeline and descriptor objects; destroyed together.
#[derive(Default)]
pub struct Resources {
    buffers: Vec<(vk::Buffer, vk::DeviceMemory)>,
    images: Vec<(vk::Image, vk::DeviceMemory)>,
    pub pipelines: Vec<vk::Pipeline>,
    pub shader_modules: Vec<vk::ShaderModule>,
    pub pipeline_layouts: Vec<vk::PipelineLayout>,
    pub set_layouts: Vec<vk::DescriptorSetLayout>,
    /// Destroying a pool frees its sets.
    pub descriptor_pools: Vec<vk::DescriptorPool>,
}

impl Resources {
    /// Destroys everything after waiting for the device to be idle.
    pub fn destroy(self, device: &BenchDevice) {
        let d = &device.device;
        // SAFETY: once the device is idle no command uses these objects, and each was
        // created from this device and is destroyed exactly once.
        unsafe {
            let _ = d.device_wait_idle();
            for pipeline in self.pipelines {
                d.destroy_pipeline(pipeline, None);
            }
            for module in self.shader_modules {
                d.destroy_shader_module(module, None);
            }
            for layout in self.pipeline_layouts {
                d.destroy_pipeline_layout(layout, None);
            }
            for pool in self.descriptor_pools {
                d.destroy_descriptor_pool(pool, None);
            }
            for layout in self.set_layouts {
                d.destroy_descriptor_set_layout(layout, None);
            }
            for (buffer, memory) in self.buffers {
                d.destroy_buffer(buffer, None);
                d.free_memory(memory, None);
            }
            for (image, memory) in self.images {
                d.destroy_image(image, None);
                d.free_memory(memory, None);
            }
        }
    }
}

/// A logical device ready to run one command at a time.
pub struct BenchDevice {
    pub instance: ash::Instance,
    pub physical: vk::PhysicalDevice,
    pub device: ash::Device,
    queue: vk::Queue,
    /// What the queue's family can do (the compute workloads need COMPUTE).
    pub queue_flags: vk::QueueFlags,
    pool: vk::CommandPool,
    command_buffer: vk::CommandBuffer,
    fence: vk::Fence,
    memory: vk::PhysicalDeviceMemoryProperties,
}

impl BenchDevice {
    /// Creates a device with one queue of the first family that can do transfers.
    pub fn create(instance: &ash::Instance, physical: vk::PhysicalDevice) -> Result<Self, Failure> {
        // SAFETY: physical was enumerated from this live instance.
        let families = unsafe { instance.get_physical_device_queue_family_properties(physical) };
        let transfer_capable = vk::QueueFlags::GRAPHICS | vk::QueueFlags::COMPUTE | vk::QueueFlags::TRANSFER;
        let family = families
            .iter()
            .position(|f| f.queue_count > 0 && f.queue_flags.intersects(transfer_capable))
            .ok_or_else(|| Failure::Unsupported("no queue family can do transfers".into()))?
            as u32;
        let priorities = [1.0f32];
        let queue_info =
            [vk::DeviceQueueCreateInfo::default().queue_family_index(family).queue_priorities(&priorities)];
        let create_info = vk::DeviceCreateInfo::default().queue_create_infos(&queue_info);
        // SAFETY: create_info and what it points to outlive the call.
        let device = unsafe { instance.create_device(physical, &create_info, None) }?;
        // SAFETY: the device was created with one queue in `family`.
        let queue = unsafe { device.get_device_queue(family, 0) };
        // SAFETY: physical was enumerated from this live instance.
        let memory = unsafe { instance.get_physical_device_memory_properties(physical) };
        let mut this = BenchDevice {
            instance: instance.clone(),
            physical,
            device,
            queue,
            queue_flags: families[family as usize].queue_flags,
            pool: vk::CommandPool::null(),
            command_buffer: vk::CommandBuffer::null(),
            fence: vk::Fence::null(),
            memory,
        };
        // On failure `this` is dropped without destroying the device: acceptable for a
        // benchmark that reports the failure and carries on.
        this.create_command_objects(family)?;
        Ok(this)
    }

    fn create_command_objects(&mut self, family: u32) -> Result<(), Failure> {
        let d = &self.device;
        let pool_info = vk::CommandPoolCreateInfo::default()
            .queue_family_index(family)
            .flags(vk::CommandPoolCreateFlags::RESET_COMMAND_BUFFER);
        // SAFETY: the create infos outlive the calls; the device is live.
        unsafe {
            self.pool = d.create_command_pool(&pool_info, None)?;
            let allocate = vk::CommandBufferAllocateInfo::default()
                .command_pool(self.pool)
                .level(vk::CommandBufferLevel::PRIMARY)
                .command_buffer_count(1);
            self.command_buffer = d.allocate_command_buffers(&allocate)?[0];
            self.fence = d.create_fence(&vk::FenceCreateInfo::default(), None)?;
        }
        Ok(())
    }

    /// Records one command buffer with `record`, submits it and waits for its fence.
    /// Returns the time from just before `vkQueueSubmit` to the fence wait's return;
    /// recording is not timed.
    pub fn submit_and_wait(&self, record: impl FnOnce(&ash::Device, vk::CommandBuffer)) -> Result<Duration, Failure> {
        let d = &self.device;
        let cb = self.command_buffer;
        let begin = vk::CommandBufferBeginInfo::default().flags(vk::CommandBufferUsageFlags::ONE_TIME_SUBMIT);
        let command_buffers = [cb];
        let submit = [vk::SubmitInfo::default().command_buffers(&command_buffers)];
        // SAFETY: the previous submission of cb finished (its fence was waited on), so cb
        // may be reset; every handle is from this device.
        unsafe {
            d.reset_command_buffer(cb, vk::CommandBufferResetFlags::empty())?;
            d.begin_command_buffer(cb, &begin)?;
            record(d, cb);
            d.end_command_buffer(cb)?;
            d.reset_fences(&[self.fence])?;
            let start = Instant::now();
            d.queue_submit(self.queue, &submit, self.fence)?;
            d.wait_for_fences(&[self.fence], true, FENCE_TIMEOUT_NS)?;
            Ok(start.elapsed())
        }
    }

    /// The optimal-tiling features of `format`.
    pub fn format_features(&self, format: vk::Format) -> vk::FormatFeatureFlags {
        // SAFETY: physical was enumerated from this live instance.
        unsafe { self.instance.get_physical_device_format_properties(self.physical, format) }.optimal_tiling_features
    }

    /// Fails with [`Failure::Unsupported`] unless `format` has `needed` for optimal tiling and
    /// a `width`×`height` 2D transfer image of it can be created.
    pub fn require_format(
        &self,
        format: vk::Format,
        needed: vk::FormatFeatureFlags,
        width: u32,
        height: u32,
    ) -> Result<(), Failure> {
        let missing = needed & !self.format_features(format);
        if !missing.is_empty() {
            return Err(Failure::Unsupported(format!("{format:?} lacks {missing:?}")));
        }
        // SAFETY: physical was enumerated from this live instance.
        let limits = unsafe {
            self.instance.get_physical_device_image_format_properties(
                self.physical,
                format,
                vk::ImageType::TYPE_2D,
                vk::ImageTiling::OPTIMAL,
                transfer_usage(),
                vk::ImageCreateFlags::empty(),
            )
        }
        .map_err(|e| Failure::Unsupported(format!("{format:?} transfer images: {e:?}")))?;
        if limits.max_extent.width < width || limits.max_extent.height < height {
            return Err(Failure::Unsupported(format!("{format:?} images limited to {:?}", limits.max_extent)));
        }
        Ok(())
    }

    /// A buffer of `size` bytes usable as transfer source and destination, bound to its
    /// own allocation (device-local, or host-visible and coherent when `host_visible`).
    /// Recorded in `resources` unless `resources` is `None` (the caller then frees it).
    pub fn create_buffer(
        &self,
        size: u64,
        host_visible: bool,
        resources: Option<&mut Resources>,
    ) -> Result<(vk::Buffer, vk::DeviceMemory), Failure> {
        let usage = vk::BufferUsageFlags::TRANSFER_SRC | vk::BufferUsageFlags::TRANSFER_DST;
        self.create_buffer_with_usage(size, usage, host_visible, resources)
    }

    /// As [`create_buffer`](Self::create_buffer), with `usage` instead of transfer
    /// source and destination.
    pub fn create_buffer_with_usage(
        &self,
        size: u64,
        usage: vk::BufferUsageFlags,
        host_visible: bool,
        resources: Option<&mut Resources>,
    ) -> Result<(vk::Buffer, vk::DeviceMemory), Failure> {
        let d = &self.device;
        let info = vk::BufferCreateInfo::default().size(size).usage(usage).sharing_mode(vk::SharingMode::EXCLUSIVE);
        // SAFETY: info outlives the call; the buffer is freed on every error path below.
        unsafe {
            let buffer = d.create_buffer(&info, None)?;
            let requirements = d.get_buffer_memory_requirements(buffer);
            let memory = match self.allocate(requirements, host_visible) {
                Ok(memory) => memory,
                Err(e) => {
                    d.destroy_buffer(buffer, None);
                    return Err(e);
                }
            };
            if let Err(e) = d.bind_buffer_memory(buffer, memory, 0) {
                d.destroy_buffer(buffer, None);
                d.free_memory(memory, None);
                return Err(e.into());
            }
            if let Some(resources) = resources {
                resources.buffers.push((buffer, memory));
            }
            Ok((buffer, memory))
        }
    }

    /// A `width`×`height` 2D optimal-tiling image of `format` with transfer usage, in
    /// device-local memory, recorded in `resources`. Its layout is UNDEFINED.
    pub fn create_image(
        &self,
        format: vk::Format,
        width: u32,
        height: u32,
        resources: &mut Resources,
    ) -> Result<vk::Image, Failure> {
        let d = &self.device;
        let info = vk::ImageCreateInfo::default()
            .image_type(vk::ImageType::TYPE_2D)
            .format(format)
            .extent(vk::Extent3D { width, height, depth: 1 })
            .mip_levels(1)
            .array_layers(1)
            .samples(vk::SampleCountFlags::TYPE_1)
            .tiling(vk::ImageTiling::OPTIMAL)
            .usage(transfer_usage())
            .sharing_mode(vk::SharingMode::EXCLUSIVE)
            .initial_layout(vk::ImageLayout::UNDEFINED);
        // SAFETY: info outlives the call; the image is freed on every error path below.
        unsafe {
            let image = d.create_image(&info, None)?;
            let requirements = d.get_image_memory_requirements(image);
            let memory = match self.allocate(requirements, false) {
                Ok(memory) => memory,
                Err(e) => {
                    d.destroy_image(image, None);
                    return Err(e);
                }
            };
            if let Err(e) = d.bind_image_memory(image, memory, 0) {
                d.destroy_image(image, None);
                d.free_memory(memory, None);
                return Err(e.into());
            }
            resources.images.push((image, memory));
            Ok(image)
        }
    }

    /// Allocates memory for `requirements`: a DEVICE_LOCAL type (or, for staging,
    /// HOST_VISIBLE | HOST_COHERENT) among the allowed ones, else any allowed type.
    fn allocate(&self, requirements: vk::MemoryRequirements, host_visible: bool) -> Result<vk::DeviceMemory, Failure> {
        let wanted = if host_visible {
            vk::MemoryPropertyFlags::HOST_VISIBLE | vk::MemoryPropertyFlags::HOST_COHERENT
        } else {
            vk::MemoryPropertyFlags::DEVICE_LOCAL
        };
        let types = &self.memory.memory_types[..self.memory.memory_type_count as usize];
        let allowed = |i: usize| requirements.memory_type_bits & (1 << i) != 0;
        let preferred = (0..types.len()).find(|&i| allowed(i) && types[i].property_flags.contains(wanted));
        let index = match (preferred, host_visible) {
            (Some(i), _) => i,
            (None, true) => return Err(Failure::Unsupported("no host-visible memory for staging".into())),
            (None, false) => {
                (0..types.len()).find(|&i| allowed(i)).ok_or_else(|| Failure::Error("no allowed memory type".into()))?
            }
        };
        let info = vk::MemoryAllocateInfo::default().allocation_size(requirements.size).memory_type_index(index as u32);
        // SAFETY: info outlives the call; the device is live.
        Ok(unsafe { self.device.allocate_memory(&info, None) }?)
    }

    /// Destroys the command objects, then the device.
    pub fn destroy(self) {
        // SAFETY: after wait-idle nothing is pending; each object is destroyed once and
        // the device last.
        unsafe {
            let _ = self.device.device_wait_idle();
            self.device.destroy_fence(self.fence, None);
            self.device.destroy_command_pool(self.pool, None);
            self.device.destroy_device(None);
        }
    }
}

/// Every benchmark image is a transfer source and destination.
pub fn transfer_usage() -> vk::ImageUsageFlags {
    vk::ImageUsageFlags::TRANSFER_SRC | vk::ImageUsageFlags::TRANSFER_DST
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drivers_are_told_apart_by_device_or_driver_name() {
        assert_eq!(Role::identify("softvk", ""), Role::Softvk);
        assert_eq!(Role::identify("llvmpipe (LLVM 15.0.6, 256 bits)", "llvmpipe"), Role::Lavapipe);
        assert_eq!(Role::identify("SwiftShader Device (Subzero)", "SwiftShader driver"), Role::SwiftShader);
        assert_eq!(Role::identify("SwiftShader Device (LLVM 10.0.0)", ""), Role::SwiftShader);
        assert_eq!(Role::identify("Some GPU", "SwiftShader driver"), Role::SwiftShader);
        assert_eq!(Role::identify("NVIDIA GeForce", "NVIDIA"), Role::Other);
    }

    #[test]
    fn driver_versions_read_as_make_version() {
        assert_eq!(version_text(20_971_520), "5.0.0");
        assert_eq!(version_text(vk::make_api_version(0, 1, 3, 230)), "1.3.230");
    }
}
