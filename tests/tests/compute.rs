//! Compute shaders through the loader: pipelines, descriptor sets, push constants and
//! dispatches, checked against results computed on the host.

use softvk_tests::compute::{bytes_of, spirv, values_of, ComputeJob};
use ash::vk;
use softvk_tests::Context;

#[test]
fn saxpy_updates_y_within_the_bound_only() {
    let ctx = Context::new();
    let n = 1000u32;
    let x: Vec<f32> = (0..1024).map(|i| i as f32 * 0.5).collect();
    let y: Vec<f32> = (0..1024).map(|i| 1000.0 - i as f32).collect();
    let mut push = bytes_of(&[2.5f32]);
    push.extend(bytes_of(&[n]));
    let out = ComputeJob::new(&ctx, &spirv("saxpy")).storage(0, &bytes_of(&x)).storage(1, &bytes_of(&y)).push(&push).run([16, 1, 1]);
    let result: Vec<f32> = values_of(&out[1]);
    for i in 0..1024 {
        let expected = if (i as u32) < n { 2.5f32.mul_add(x[i], y[i]) } else { y[i] };
        assert_eq!(result[i], expected, "y[{i}]");
    }
    assert_eq!(values_of::<f32>(&out[0]), x, "x is read-only");
}

/// The objects of a compute pipeline whose set 0 has `bindings`, made with `set_flags`.
struct Pipeline<'a> {
    ctx: &'a Context,
    set_layout: vk::DescriptorSetLayout,
    layout: vk::PipelineLayout,
    module: vk::ShaderModule,
    pipeline: vk::Pipeline,
}

impl<'a> Pipeline<'a> {
    fn new(ctx: &'a Context, shader: &str, bindings: &[vk::DescriptorType], set_flags: vk::DescriptorSetLayoutCreateFlags) -> Self {
        let device = &ctx.device;
        let code = spirv(shader);
        let layout_bindings: Vec<_> = bindings
            .iter()
            .enumerate()
            .map(|(i, &t)| {
                vk::DescriptorSetLayoutBinding::default()
                    .binding(i as u32)
                    .descriptor_type(t)
                    .descriptor_count(1)
                    .stage_flags(vk::ShaderStageFlags::COMPUTE)
            })
            .collect();
        // SAFETY: valid create infos; destroyed in Drop after the work finished.
        unsafe {
            let set_layout = device
                .create_descriptor_set_layout(
                    &vk::DescriptorSetLayoutCreateInfo::default().flags(set_flags).bindings(&layout_bindings),
                    None,
                )
                .unwrap();
            let set_layouts = [set_layout];
            let layout = device.create_pipeline_layout(&vk::PipelineLayoutCreateInfo::default().set_layouts(&set_layouts), None).unwrap();
            let module = device.create_shader_module(&vk::ShaderModuleCreateInfo::default().code(&code), None).unwrap();
            let stage = vk::PipelineShaderStageCreateInfo::default().stage(vk::ShaderStageFlags::COMPUTE).module(module).name(c"main");
            let pipeline = device
                .create_compute_pipelines(vk::PipelineCache::null(), &[vk::ComputePipelineCreateInfo::default().stage(stage).layout(layout)], None)
                .unwrap()[0];
            Pipeline { ctx, set_layout, layout, module, pipeline }
        }
    }

    /// Records `record` after binding the pipeline, submits, waits.
    fn run(&self, record: impl FnOnce(vk::CommandBuffer)) {
        let device = &self.ctx.device;
        self.ctx.run(|cb| {
            // SAFETY: a recording command buffer and a live pipeline.
            unsafe { device.cmd_bind_pipeline(cb, vk::PipelineBindPoint::COMPUTE, self.pipeline) };
            record(cb);
            let barrier = [vk::MemoryBarrier::default().src_access_mask(vk::AccessFlags::SHADER_WRITE).dst_access_mask(vk::AccessFlags::HOST_READ)];
            // SAFETY: as above.
            unsafe {
                device.cmd_pipeline_barrier(
                    cb,
                    vk::PipelineStageFlags::COMPUTE_SHADER,
                    vk::PipelineStageFlags::HOST,
                    vk::DependencyFlags::empty(),
                    &barrier,
                    &[],
                    &[],
                )
            };
        });
    }
}

impl Drop for Pipeline<'_> {
    fn drop(&mut self) {
        let device = &self.ctx.device;
        // SAFETY: every submission using these objects has finished.
        unsafe {
            device.destroy_pipeline(self.pipeline, None);
            device.destroy_shader_module(self.module, None);
            device.destroy_pipeline_layout(self.layout, None);
            device.destroy_descriptor_set_layout(self.set_layout, None);
        }
    }
}

const ADD_ARRAYS: [vk::DescriptorType; 4] = [
    vk::DescriptorType::STORAGE_BUFFER,
    vk::DescriptorType::STORAGE_BUFFER,
    vk::DescriptorType::STORAGE_BUFFER,
    vk::DescriptorType::UNIFORM_BUFFER,
];

/// The buffers of `add_arrays` (a, b, c, scale) and the expected c.
fn add_arrays_inputs(ctx: &Context, scale: i32) -> (Vec<softvk_tests::HostBuffer>, Vec<i32>) {
    let a: Vec<i32> = (0..64).map(|i| i * 3 - 50).collect();
    let b: Vec<i32> = (0..64).map(|i| 7 - i).collect();
    let usage = vk::BufferUsageFlags::STORAGE_BUFFER | vk::BufferUsageFlags::UNIFORM_BUFFER;
    let buffers: Vec<_> = [bytes_of(&a), bytes_of(&b), vec![0u8; 256], bytes_of(&[scale, 0, 0, 0])]
        .iter()
        .map(|data| {
            let buffer = ctx.create_buffer(data.len() as u64, usage);
            buffer.write(0, data);
            buffer
        })
        .collect();
    let expected = a.iter().zip(&b).map(|(x, y)| x + y * scale).collect();
    (buffers, expected)
}

/// What a template reads for `add_arrays`: four buffer infos, 32 bytes apart.
#[repr(C)]
struct TemplateData {
    entries: [(vk::DescriptorBufferInfo, [u8; 8]); 4],
}

fn template_data(buffers: &[softvk_tests::HostBuffer]) -> TemplateData {
    let info = |i: usize| (vk::DescriptorBufferInfo { buffer: buffers[i].buffer, offset: 0, range: vk::WHOLE_SIZE }, [0u8; 8]);
    TemplateData { entries: [info(0), info(1), info(2), info(3)] }
}

fn template_entries() -> Vec<vk::DescriptorUpdateTemplateEntry> {
    (0..4)
        .map(|i| vk::DescriptorUpdateTemplateEntry {
            dst_binding: i,
            dst_array_element: 0,
            descriptor_count: 1,
            descriptor_type: ADD_ARRAYS[i as usize],
            offset: i as usize * std::mem::size_of::<(vk::DescriptorBufferInfo, [u8; 8])>(),
            stride: std::mem::size_of::<(vk::DescriptorBufferInfo, [u8; 8])>(),
        })
        .collect()
}

#[test]
fn descriptor_update_templates_read_their_infos_at_offsets_and_strides() {
    let ctx = Context::new();
    let pipeline = Pipeline::new(&ctx, "add_arrays", &ADD_ARRAYS, vk::DescriptorSetLayoutCreateFlags::empty());
    let (buffers, expected) = add_arrays_inputs(&ctx, -3);
    let data = template_data(&buffers);
    let entries = template_entries();
    let device = &ctx.device;
    // SAFETY: valid create infos; the template reads `data`, which outlives the call.
    unsafe {
        let sizes = [
            vk::DescriptorPoolSize { ty: vk::DescriptorType::STORAGE_BUFFER, descriptor_count: 3 },
            vk::DescriptorPoolSize { ty: vk::DescriptorType::UNIFORM_BUFFER, descriptor_count: 1 },
        ];
        let pool = device.create_descriptor_pool(&vk::DescriptorPoolCreateInfo::default().max_sets(1).pool_sizes(&sizes), None).unwrap();
        let set_layouts = [pipeline.set_layout];
        let set = device.allocate_descriptor_sets(&vk::DescriptorSetAllocateInfo::default().descriptor_pool(pool).set_layouts(&set_layouts)).unwrap()[0];
        let template_info = vk::DescriptorUpdateTemplateCreateInfo::default()
            .descriptor_update_entries(&entries)
            .template_type(vk::DescriptorUpdateTemplateType::DESCRIPTOR_SET)
            .descriptor_set_layout(pipeline.set_layout);
        let template = device.create_descriptor_update_template(&template_info, None).unwrap();
        device.update_descriptor_set_with_template(set, template, &data as *const TemplateData as *const std::ffi::c_void);
        pipeline.run(|cb| {
            device.cmd_bind_descriptor_sets(cb, vk::PipelineBindPoint::COMPUTE, pipeline.layout, 0, &[set], &[]);
            device.cmd_dispatch(cb, 2, 1, 1);
        });
        device.destroy_descriptor_update_template(template, None);
        device.destroy_descriptor_pool(pool, None);
    }
    assert_eq!(values_of::<i32>(&buffers[2].read()), expected);
}

#[test]
fn push_descriptors_bind_buffers_without_a_set_through_writes_and_templates() {
    let Some(ctx) = Context::with_device_extensions(&[ash::khr::push_descriptor::NAME]) else {
        softvk_tests::skip("push_descriptors_bind_buffers_without_a_set", "VK_KHR_push_descriptor not advertised");
        return;
    };
    let push = ctx.load_device_functions(ash::khr::push_descriptor::Device::new);
    let pipeline = Pipeline::new(&ctx, "add_arrays", &ADD_ARRAYS, vk::DescriptorSetLayoutCreateFlags::PUSH_DESCRIPTOR_KHR);
    // Through writes.
    let (buffers, expected) = add_arrays_inputs(&ctx, 5);
    let infos: Vec<[vk::DescriptorBufferInfo; 1]> =
        buffers.iter().map(|b| [vk::DescriptorBufferInfo { buffer: b.buffer, offset: 0, range: vk::WHOLE_SIZE }]).collect();
    let writes: Vec<_> = (0..4)
        .map(|i| vk::WriteDescriptorSet::default().dst_binding(i as u32).descriptor_type(ADD_ARRAYS[i]).buffer_info(&infos[i]))
        .collect();
    pipeline.run(|cb| {
        // SAFETY: a recording command buffer; the writes name live buffers.
        unsafe {
            push.cmd_push_descriptor_set(cb, vk::PipelineBindPoint::COMPUTE, pipeline.layout, 0, &writes);
            ctx.device.cmd_dispatch(cb, 2, 1, 1);
        }
    });
    assert_eq!(values_of::<i32>(&buffers[2].read()), expected, "pushed with writes");
    // Through a push-descriptor template.
    let (buffers, expected) = add_arrays_inputs(&ctx, -7);
    let data = template_data(&buffers);
    let entries = template_entries();
    // SAFETY: valid create info; the data outlives the recording.
    unsafe {
        let template_info = vk::DescriptorUpdateTemplateCreateInfo::default()
            .descriptor_update_entries(&entries)
            .template_type(vk::DescriptorUpdateTemplateType::PUSH_DESCRIPTORS_KHR)
            .pipeline_bind_point(vk::PipelineBindPoint::COMPUTE)
            .pipeline_layout(pipeline.layout)
            .set(0);
        let template = ctx.device.create_descriptor_update_template(&template_info, None).unwrap();
        pipeline.run(|cb| {
            push.cmd_push_descriptor_set_with_template(cb, template, pipeline.layout, 0, &data as *const TemplateData as *const std::ffi::c_void);
            ctx.device.cmd_dispatch(cb, 2, 1, 1);
        });
        ctx.device.destroy_descriptor_update_template(template, None);
    }
    assert_eq!(values_of::<i32>(&buffers[2].read()), expected, "pushed with a template");
}

const PRINTF_ROLE: &str = "SOFTVK_TEST_PRINTF_CHILD";

#[test]
fn debug_printf_lines_reach_the_softvk_log() {
    if !Context::new().is_softvk {
        softvk_tests::skip("debug_printf_lines_reach_the_softvk_log", "the output goes to softvk's log");
        return;
    }
    let mut child = softvk_tests::child_test("child_prints", PRINTF_ROLE);
    child.env("SOFTVK_LOG", "warn,softvk::printf=info");
    let output = softvk_tests::run_with_deadline(&mut child, std::time::Duration::from_secs(60)).expect("spawn");
    assert!(output.status.success(), "{}", output.report());
    for i in 0..4 {
        let line = format!("softvk printf test: invocation {i} has value {}", i * 7 - 3);
        assert!(output.stderr.contains(&line), "missing {line:?}:\n{}", output.report());
    }
}

#[test]
#[ignore = "child-process helper, run by debug_printf_lines_reach_the_softvk_log"]
fn child_prints() {
    if std::env::var_os(PRINTF_ROLE).is_none() {
        return;
    }
    let ctx = Context::with_device_extensions(&[ash::khr::shader_non_semantic_info::NAME]).expect("VK_KHR_shader_non_semantic_info");
    ComputeJob::new(&ctx, &spirv("printf_values")).run([1, 1, 1]);
}

/// VK_EXT_pipeline_creation_cache_control: with FAIL_ON_PIPELINE_COMPILE_REQUIRED a
/// pipeline is created only when its stage is already in the cache (filled by an earlier
/// pipeline or by another cache's data); otherwise its handle is null and the call returns
/// VK_PIPELINE_COMPILE_REQUIRED, which EARLY_RETURN_ON_FAILURE stops at. That a cache hit
/// creates the pipeline is softvk's promise; the spec lets a driver ask to compile anyway
/// (lavapipe 22.3 always does), so elsewhere a hit may be either outcome.
#[test]
fn fail_on_compile_required_creates_only_cached_pipelines() {
    use softvk_tests::features::context_with;
    use softvk_tests::ShaderFeatures;
    let features = ShaderFeatures { pipeline_creation_cache_control: true, ..Default::default() };
    let Some(ctx) = context_with("pipeline_creation_cache_control", features) else { return };
    let device = &ctx.device;
    let on_softvk = ctx.is_softvk;
    // A pipeline found in the cache: created on softvk, created or refused elsewhere.
    let hit = |got: bool| on_softvk || got;
    let code = spirv("saxpy");
    let bindings: Vec<_> = (0..2)
        .map(|i| {
            vk::DescriptorSetLayoutBinding::default()
                .binding(i)
                .descriptor_type(vk::DescriptorType::STORAGE_BUFFER)
                .descriptor_count(1)
                .stage_flags(vk::ShaderStageFlags::COMPUTE)
        })
        .collect();
    let push = [vk::PushConstantRange { stage_flags: vk::ShaderStageFlags::COMPUTE, offset: 0, size: 8 }];
    // A specialisation of a constant saxpy does not have: the same code under another key.
    let entries = [vk::SpecializationMapEntry { constant_id: 77, offset: 0, size: 4 }];
    let data = 5u32.to_ne_bytes();
    let other = vk::SpecializationInfo::default().map_entries(&entries).data(&data);
    let no_compile = vk::PipelineCreateFlags::FAIL_ON_PIPELINE_COMPILE_REQUIRED;
    let early = no_compile | vk::PipelineCreateFlags::EARLY_RETURN_ON_FAILURE;
    // SAFETY: valid create infos; every object is destroyed at the end, nothing runs.
    unsafe {
        let set_layout = device.create_descriptor_set_layout(&vk::DescriptorSetLayoutCreateInfo::default().bindings(&bindings), None).unwrap();
        let set_layouts = [set_layout];
        let layout = device
            .create_pipeline_layout(&vk::PipelineLayoutCreateInfo::default().set_layouts(&set_layouts).push_constant_ranges(&push), None)
            .unwrap();
        let module = device.create_shader_module(&vk::ShaderModuleCreateInfo::default().code(&code), None).unwrap();
        let stage = vk::PipelineShaderStageCreateInfo::default().stage(vk::ShaderStageFlags::COMPUTE).module(module).name(c"main");
        let cache = device.create_pipeline_cache(&vk::PipelineCacheCreateInfo::default(), None).unwrap();
        let mut made = Vec::new();
        let mut create = |cache, infos: &[vk::ComputePipelineCreateInfo]| {
            let (pipelines, result) = match device.create_compute_pipelines(cache, infos, None) {
                Ok(p) => (p, vk::Result::SUCCESS),
                Err((p, e)) => (p, e),
            };
            made.extend(pipelines.iter().copied().filter(|p| *p != vk::Pipeline::null()));
            (pipelines.iter().map(|p| *p != vk::Pipeline::null()).collect::<Vec<_>>(), result)
        };

        assert_eq!(create(cache, &[compute_info(stage, layout, no_compile, None)]), (vec![false], vk::Result::PIPELINE_COMPILE_REQUIRED), "empty cache");
        assert_eq!(
            create(vk::PipelineCache::null(), &[compute_info(stage, layout, no_compile, None)]),
            (vec![false], vk::Result::PIPELINE_COMPILE_REQUIRED),
            "no cache at all"
        );
        assert_eq!(create(cache, &[compute_info(stage, layout, vk::PipelineCreateFlags::empty(), None)]), (vec![true], vk::Result::SUCCESS), "compiling fills the cache");
        let (created, result) = create(cache, &[compute_info(stage, layout, no_compile, None)]);
        let expected = if hit(created[0]) { vk::Result::SUCCESS } else { vk::Result::PIPELINE_COMPILE_REQUIRED };
        assert_eq!((created.clone(), result), (vec![hit(created[0])], expected), "a cache hit needs no compiling");
        let (created, result) =
            create(cache, &[compute_info(stage, layout, no_compile, Some(&other)), compute_info(stage, layout, no_compile, None)]);
        assert_eq!(
            (created.clone(), result),
            (vec![false, hit(created[1])], vk::Result::PIPELINE_COMPILE_REQUIRED),
            "a miss and a hit: the hit is still created"
        );
        assert_eq!(
            create(cache, &[compute_info(stage, layout, early, Some(&other)), compute_info(stage, layout, no_compile, None), compute_info(stage, layout, vk::PipelineCreateFlags::empty(), None)]),
            (vec![false, false, false], vk::Result::PIPELINE_COMPILE_REQUIRED),
            "EARLY_RETURN_ON_FAILURE stops at the miss"
        );

        // The cache's data carries the entry into a new cache.
        let blob = device.get_pipeline_cache_data(cache).unwrap();
        let loaded = device.create_pipeline_cache(&vk::PipelineCacheCreateInfo::default().initial_data(&blob), None).unwrap();
        let (created, result) = create(loaded, &[compute_info(stage, layout, no_compile, None)]);
        let expected = if hit(created[0]) { vk::Result::SUCCESS } else { vk::Result::PIPELINE_COMPILE_REQUIRED };
        assert_eq!((created.clone(), result), (vec![hit(created[0])], expected), "a cache made from the data hits");

        for pipeline in made {
            device.destroy_pipeline(pipeline, None);
        }
        device.destroy_pipeline_cache(loaded, None);
        device.destroy_pipeline_cache(cache, None);
        device.destroy_shader_module(module, None);
        device.destroy_pipeline_layout(layout, None);
        device.destroy_descriptor_set_layout(set_layout, None);
    }
}

fn compute_info<'a>(
    stage: vk::PipelineShaderStageCreateInfo<'a>,
    layout: vk::PipelineLayout,
    flags: vk::PipelineCreateFlags,
    spec: Option<&'a vk::SpecializationInfo<'a>>,
) -> vk::ComputePipelineCreateInfo<'a> {
    let stage = match spec {
        Some(spec) => stage.specialization_info(spec),
        None => stage,
    };
    vk::ComputePipelineCreateInfo::default().flags(flags).stage(stage).layout(layout)
}
