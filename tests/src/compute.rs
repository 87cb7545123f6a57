//! Running one compute shader through the loader, for the shader tests: buffers in, one
//! dispatch, buffers out.
//!
//! ```ignore
//! let out = ComputeJob::new(&ctx, &spirv("saxpy"))
//!     .storage(0, &x_bytes)
//!     .storage(1, &y_bytes)
//!     .push(&push_bytes)
//!     .run([16, 1, 1]);
//! ```
//! Every binding is in set 0. The job creates and destroys everything it uses (layouts,
//! pool, pipeline, buffers), so a test is just its inputs and its expectations.
//!
//! Besides plain storage and uniform buffers a job can bind descriptor arrays
//! ([`storage_array`](ComputeJob::storage_array)), dynamic buffers with their dynamic
//! offset ([`storage_dynamic`](ComputeJob::storage_dynamic)), a window of a buffer
//! ([`storage_window`](ComputeJob::storage_window)), specialisation constants, pipeline
//! flags, and dispatch from a base workgroup ([`run_base`](ComputeJob::run_base)).

use crate::{Context, HostBuffer};
use ash::vk;
use std::path::PathBuf;

/// The SPIR-V words of `tests/shaders/<name>.spv` (built from `<name>.comp` and friends by
/// `tests/shaders/build.sh`).
pub fn spirv(name: &str) -> Vec<u32> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("shaders").join(format!("{name}.spv"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e} (run tests/shaders/build.sh)", path.display()));
    assert!(bytes.len() % 4 == 0, "{} is not SPIR-V", path.display());
    bytes.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect()
}

/// Bytes of a slice of plain numbers (u32, f32, i64...).
pub fn bytes_of<T: Copy>(values: &[T]) -> Vec<u8> {
    // SAFETY: T is a plain Copy number type in every use; its bytes are initialised.
    unsafe { std::slice::from_raw_parts(values.as_ptr() as *const u8, std::mem::size_of_val(values)) }.to_vec()
}

/// The numbers in a byte buffer.
pub fn values_of<T: Copy + Default>(bytes: &[u8]) -> Vec<T> {
    let n = bytes.len() / std::mem::size_of::<T>();
    let mut out = vec![T::default(); n];
    // SAFETY: out has room for n Ts, and any bit pattern is a valid number.
    unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), out.as_mut_ptr() as *mut u8, n * std::mem::size_of::<T>()) };
    out
}

struct JobBinding {
    binding: u32,
    kind: vk::DescriptorType,
    /// One buffer per array element (one for a plain binding).
    elements: Vec<Vec<u8>>,
    /// The descriptor's offset and range in each element's buffer.
    offset: u64,
    range: u64,
    /// For the DYNAMIC types: the offset given to vkCmdBindDescriptorSets.
    dynamic_offset: Option<u32>,
}

impl JobBinding {
    fn plain(binding: u32, kind: vk::DescriptorType, data: &[u8]) -> Self {
        JobBinding { binding, kind, elements: vec![data.to_vec()], offset: 0, range: vk::WHOLE_SIZE, dynamic_offset: None }
    }
}

pub struct ComputeJob<'a> {
    ctx: &'a Context,
    spirv: Vec<u32>,
    entry: std::ffi::CString,
    bindings: Vec<JobBinding>,
    push: Vec<u8>,
    spec: Vec<(u32, Vec<u8>)>,
    flags: vk::PipelineCreateFlags,
}

impl<'a> ComputeJob<'a> {
    pub fn new(ctx: &'a Context, spirv: &[u32]) -> Self {
        ComputeJob { ctx, spirv: spirv.to_vec(), entry: c"main".into(), bindings: Vec::new(), push: Vec::new(), spec: Vec::new(), flags: vk::PipelineCreateFlags::empty() }
    }

    pub fn entry(mut self, name: &str) -> Self {
        self.entry = std::ffi::CString::new(name).expect("entry name");
        self
    }

    /// A storage buffer at `binding` holding `data`.
    pub fn storage(mut self, binding: u32, data: &[u8]) -> Self {
        self.bindings.push(JobBinding::plain(binding, vk::DescriptorType::STORAGE_BUFFER, data));
        self
    }

    /// A storage buffer holding `data` whose descriptor covers only `range` bytes from
    /// `offset` (what `.length()` of a runtime array and bounds checks see).
    pub fn storage_window(mut self, binding: u32, data: &[u8], offset: u64, range: u64) -> Self {
        let mut b = JobBinding::plain(binding, vk::DescriptorType::STORAGE_BUFFER, data);
        (b.offset, b.range) = (offset, range);
        self.bindings.push(b);
        self
    }

    /// A STORAGE_BUFFER_DYNAMIC binding of `range` bytes of a buffer holding `data`, at
    /// descriptor offset 0 and dynamic offset `dynamic_offset` (a multiple of
    /// `minStorageBufferOffsetAlignment`).
    pub fn storage_dynamic(mut self, binding: u32, data: &[u8], dynamic_offset: u32, range: u64) -> Self {
        let mut b = JobBinding::plain(binding, vk::DescriptorType::STORAGE_BUFFER_DYNAMIC, data);
        (b.range, b.dynamic_offset) = (range, Some(dynamic_offset));
        self.bindings.push(b);
        self
    }

    /// A UNIFORM_BUFFER_DYNAMIC binding, as [`storage_dynamic`](Self::storage_dynamic).
    pub fn uniform_dynamic(mut self, binding: u32, data: &[u8], dynamic_offset: u32, range: u64) -> Self {
        let mut b = JobBinding::plain(binding, vk::DescriptorType::UNIFORM_BUFFER_DYNAMIC, data);
        (b.range, b.dynamic_offset) = (range, Some(dynamic_offset));
        self.bindings.push(b);
        self
    }

    /// An array of storage buffers at `binding`, element `i` holding `elements[i]`.
    pub fn storage_array(mut self, binding: u32, elements: &[Vec<u8>]) -> Self {
        let mut b = JobBinding::plain(binding, vk::DescriptorType::STORAGE_BUFFER, &[]);
        b.elements = elements.to_vec();
        self.bindings.push(b);
        self
    }

    /// An array of uniform buffers at `binding`.
    pub fn uniform_array(mut self, binding: u32, elements: &[Vec<u8>]) -> Self {
        let mut b = JobBinding::plain(binding, vk::DescriptorType::UNIFORM_BUFFER, &[]);
        b.elements = elements.to_vec();
        self.bindings.push(b);
        self
    }

    /// Pipeline creation flags (`DISPATCH_BASE` for [`run_base`](Self::run_base)).
    pub fn flags(mut self, flags: vk::PipelineCreateFlags) -> Self {
        self.flags = flags;
        self
    }

    /// A uniform buffer at `binding` holding `data`.
    pub fn uniform(mut self, binding: u32, data: &[u8]) -> Self {
        self.bindings.push(JobBinding::plain(binding, vk::DescriptorType::UNIFORM_BUFFER, data));
        self
    }

    pub fn push(mut self, data: &[u8]) -> Self {
        self.push = data.to_vec();
        self
    }

    /// Specialisation constant `id` = `value`'s bytes.
    pub fn specialize(mut self, id: u32, value: &[u8]) -> Self {
        self.spec.push((id, value.to_vec()));
        self
    }

    /// Creates the pipeline, dispatches `groups` and returns every buffer's bytes
    /// afterwards, in the order they were added (an array binding gives one buffer per
    /// element, in element order). Panics (with the driver's result) if the pipeline
    /// cannot be created.
    pub fn run(self, groups: [u32; 3]) -> Vec<Vec<u8>> {
        self.try_run(groups).unwrap_or_else(|e| panic!("compute job failed: {e:?}"))
    }

    /// As `run`, with `vkCmdDispatchBase(base, groups)`; needs
    /// `.flags(vk::PipelineCreateFlags::DISPATCH_BASE)`.
    pub fn run_base(self, base: [u32; 3], groups: [u32; 3]) -> Vec<Vec<u8>> {
        self.try_dispatch(base, groups).unwrap_or_else(|e| panic!("compute job failed: {e:?}"))
    }

    /// As `run`, returning the pipeline creation's error instead of panicking.
    pub fn try_run(self, groups: [u32; 3]) -> Result<Vec<Vec<u8>>, vk::Result> {
        self.try_dispatch([0; 3], groups)
    }

    fn try_dispatch(self, base: [u32; 3], groups: [u32; 3]) -> Result<Vec<Vec<u8>>, vk::Result> {
        let ctx = self.ctx;
        let device = &ctx.device;
        let buffers: Vec<Vec<HostBuffer>> = self
            .bindings
            .iter()
            .map(|b| {
                b.elements
                    .iter()
                    .map(|data| {
                        let usage = vk::BufferUsageFlags::STORAGE_BUFFER | vk::BufferUsageFlags::UNIFORM_BUFFER;
                        let buffer = ctx.create_buffer(data.len().max(4) as u64, usage);
                        buffer.write(0, data);
                        buffer
                    })
                    .collect()
            })
            .collect();
        let layout_bindings: Vec<vk::DescriptorSetLayoutBinding> = self
            .bindings
            .iter()
            .map(|b| {
                vk::DescriptorSetLayoutBinding::default()
                    .binding(b.binding)
                    .descriptor_type(b.kind)
                    .descriptor_count(b.elements.len() as u32)
                    .stage_flags(vk::ShaderStageFlags::COMPUTE)
            })
            .collect();
        // SAFETY: every create info below is valid and outlives its call; every object is
        // destroyed before returning, after the submission finished.
        unsafe {
            let set_layout = device
                .create_descriptor_set_layout(&vk::DescriptorSetLayoutCreateInfo::default().bindings(&layout_bindings), None)
                .expect("vkCreateDescriptorSetLayout");
            let push_ranges = [vk::PushConstantRange::default().stage_flags(vk::ShaderStageFlags::COMPUTE).offset(0).size(self.push.len() as u32)];
            let set_layouts = [set_layout];
            let mut layout_info = vk::PipelineLayoutCreateInfo::default().set_layouts(&set_layouts);
            if !self.push.is_empty() {
                layout_info = layout_info.push_constant_ranges(&push_ranges);
            }
            let pipeline_layout = device.create_pipeline_layout(&layout_info, None).expect("vkCreatePipelineLayout");
            let module = device
                .create_shader_module(&vk::ShaderModuleCreateInfo::default().code(&self.spirv), None)
                .expect("vkCreateShaderModule");
            let mut spec_data = Vec::new();
            let mut spec_entries = Vec::new();
            for (id, value) in &self.spec {
                spec_entries.push(vk::SpecializationMapEntry { constant_id: *id, offset: spec_data.len() as u32, size: value.len() });
                spec_data.extend_from_slice(value);
            }
            let spec_info = vk::SpecializationInfo::default().map_entries(&spec_entries).data(&spec_data);
            let mut stage = vk::PipelineShaderStageCreateInfo::default()
                .stage(vk::ShaderStageFlags::COMPUTE)
                .module(module)
                .name(&self.entry);
            if !self.spec.is_empty() {
                stage = stage.specialization_info(&spec_info);
            }
            let pipeline_info = vk::ComputePipelineCreateInfo::default().stage(stage).layout(pipeline_layout).flags(self.flags);
            let created = device.create_compute_pipelines(vk::PipelineCache::null(), &[pipeline_info], None);
            let cleanup_pipeline_objects = || {
                device.destroy_shader_module(module, None);
                device.destroy_pipeline_layout(pipeline_layout, None);
                device.destroy_descriptor_set_layout(set_layout, None);
            };
            let pipeline = match created {
                Ok(p) => p[0],
                Err((_, e)) => {
                    cleanup_pipeline_objects();
                    return Err(e);
                }
            };
            let mut pool_sizes: Vec<vk::DescriptorPoolSize> = Vec::new();
            for b in &self.bindings {
                pool_sizes.push(vk::DescriptorPoolSize { ty: b.kind, descriptor_count: b.elements.len() as u32 });
            }
            if pool_sizes.is_empty() {
                pool_sizes.push(vk::DescriptorPoolSize { ty: vk::DescriptorType::STORAGE_BUFFER, descriptor_count: 1 });
            }
            let pool = device
                .create_descriptor_pool(&vk::DescriptorPoolCreateInfo::default().max_sets(1).pool_sizes(&pool_sizes), None)
                .expect("vkCreateDescriptorPool");
            let set = device
                .allocate_descriptor_sets(&vk::DescriptorSetAllocateInfo::default().descriptor_pool(pool).set_layouts(&set_layouts))
                .expect("vkAllocateDescriptorSets")[0];
            let infos: Vec<Vec<vk::DescriptorBufferInfo>> = self
                .bindings
                .iter()
                .zip(&buffers)
                .map(|(b, elements)| {
                    elements
                        .iter()
                        .map(|e| vk::DescriptorBufferInfo { buffer: e.buffer, offset: b.offset, range: b.range })
                        .collect()
                })
                .collect();
            let writes: Vec<vk::WriteDescriptorSet> = self
                .bindings
                .iter()
                .zip(&infos)
                .map(|(b, info)| {
                    vk::WriteDescriptorSet::default().dst_set(set).dst_binding(b.binding).descriptor_type(b.kind).buffer_info(info)
                })
                .collect();
            device.update_descriptor_sets(&writes, &[]);
            // Dynamic offsets go in binding-number order (spec: vkCmdBindDescriptorSets).
            let mut dynamic: Vec<(u32, u32)> = self.bindings.iter().filter_map(|b| b.dynamic_offset.map(|o| (b.binding, o))).collect();
            dynamic.sort();
            let dynamic_offsets: Vec<u32> = dynamic.iter().map(|&(_, o)| o).collect();
            ctx.run(|cb| {
                device.cmd_bind_pipeline(cb, vk::PipelineBindPoint::COMPUTE, pipeline);
                device.cmd_bind_descriptor_sets(cb, vk::PipelineBindPoint::COMPUTE, pipeline_layout, 0, &[set], &dynamic_offsets);
                if !self.push.is_empty() {
                    device.cmd_push_constants(cb, pipeline_layout, vk::ShaderStageFlags::COMPUTE, 0, &self.push);
                }
                if base == [0; 3] {
                    device.cmd_dispatch(cb, groups[0], groups[1], groups[2]);
                } else {
                    device.cmd_dispatch_base(cb, base[0], base[1], base[2], groups[0], groups[1], groups[2]);
                }
            });
            device.destroy_descriptor_pool(pool, None);
            device.destroy_pipeline(pipeline, None);
            cleanup_pipeline_objects();
        }
        Ok(buffers.iter().flatten().map(|b| b.read()).collect())
    }
}
