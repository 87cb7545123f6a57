//! The device-lost model: a dispatch that never ends is abandoned after
//! `SOFTVK_DISPATCH_TIMEOUT_MS`, the device is lost, and from then on nothing signals
//! success: the fence stays unsignalled, waits and later submits report
//! VK_ERROR_DEVICE_LOST. Runs in a child process (the timeout is read when the device is
//! created), with a deadline, so a hang fails the test instead of hanging it.

use ash::vk;
use softvk_tests::compute::spirv;
use softvk_tests::{run_with_deadline, Context, FENCE_TIMEOUT_NS};
use std::time::Duration;

const ROLE: &str = "SOFTVK_TEST_DEVICE_LOST_CHILD";

#[test]
fn a_dispatch_that_never_ends_loses_the_device_and_signals_nothing() {
    let ctx = Context::new();
    if !ctx.is_softvk {
        softvk_tests::skip("a_dispatch_that_never_ends_loses_the_device_and_signals_nothing", "softvk's timeout");
        return;
    }
    drop(ctx);
    let mut child = softvk_tests::child_test("child_spins_forever", ROLE);
    child.env("SOFTVK_DISPATCH_TIMEOUT_MS", "300");
    let output = run_with_deadline(&mut child, Duration::from_secs(60)).expect("spawn the child");
    assert!(output.status.success(), "the child failed:\n{}", output.report());
    assert!(output.stdout.contains("CHILD DONE"), "the child did not finish its checks:\n{}", output.report());
}

#[test]
#[ignore = "child-process helper, run by a_dispatch_that_never_ends_loses_the_device_and_signals_nothing"]
fn child_spins_forever() {
    if std::env::var_os(ROLE).is_none() {
        return;
    }
    // Without the validation layer: after a device loss the layer still counts the
    // submitted work as pending, so destroying the objects it used looks like misuse.
    let ctx = Context::without_validation();
    let device = &ctx.device;
    let buffer = ctx.create_buffer(16, vk::BufferUsageFlags::STORAGE_BUFFER);
    buffer.fill(0);
    let code = spirv("spin_until_flag");
    // SAFETY: valid create infos; everything is destroyed before the context.
    unsafe {
        let binding = [vk::DescriptorSetLayoutBinding::default()
            .binding(0)
            .descriptor_type(vk::DescriptorType::STORAGE_BUFFER)
            .descriptor_count(1)
            .stage_flags(vk::ShaderStageFlags::COMPUTE)];
        let set_layout = device.create_descriptor_set_layout(&vk::DescriptorSetLayoutCreateInfo::default().bindings(&binding), None).unwrap();
        let set_layouts = [set_layout];
        let layout = device.create_pipeline_layout(&vk::PipelineLayoutCreateInfo::default().set_layouts(&set_layouts), None).unwrap();
        let module = device.create_shader_module(&vk::ShaderModuleCreateInfo::default().code(&code), None).unwrap();
        let stage = vk::PipelineShaderStageCreateInfo::default().stage(vk::ShaderStageFlags::COMPUTE).module(module).name(c"main");
        let pipeline = device
            .create_compute_pipelines(vk::PipelineCache::null(), &[vk::ComputePipelineCreateInfo::default().stage(stage).layout(layout)], None)
            .unwrap()[0];
        let sizes = [vk::DescriptorPoolSize { ty: vk::DescriptorType::STORAGE_BUFFER, descriptor_count: 1 }];
        let pool = device.create_descriptor_pool(&vk::DescriptorPoolCreateInfo::default().max_sets(1).pool_sizes(&sizes), None).unwrap();
        let set = device.allocate_descriptor_sets(&vk::DescriptorSetAllocateInfo::default().descriptor_pool(pool).set_layouts(&set_layouts)).unwrap()[0];
        let info = [vk::DescriptorBufferInfo { buffer: buffer.buffer, offset: 0, range: vk::WHOLE_SIZE }];
        let write = vk::WriteDescriptorSet::default()
            .dst_set(set)
            .dst_binding(0)
            .descriptor_type(vk::DescriptorType::STORAGE_BUFFER)
            .buffer_info(&info);
        device.update_descriptor_sets(&[write], &[]);
        let cb = ctx.allocate_command_buffer(vk::CommandBufferLevel::PRIMARY);
        ctx.begin(cb);
        device.cmd_bind_pipeline(cb, vk::PipelineBindPoint::COMPUTE, pipeline);
        device.cmd_bind_descriptor_sets(cb, vk::PipelineBindPoint::COMPUTE, layout, 0, &[set], &[]);
        device.cmd_dispatch(cb, 1, 1, 1);
        ctx.end(cb);
        let fence = ctx.create_fence(false);
        let submit = [vk::SubmitInfo::default().command_buffers(std::slice::from_ref(&cb))];
        device.queue_submit(ctx.queue, &submit, fence).expect("the first submit");
        assert_eq!(device.wait_for_fences(&[fence], true, FENCE_TIMEOUT_NS), Err(vk::Result::ERROR_DEVICE_LOST));
        assert_eq!(device.get_fence_status(fence), Err(vk::Result::ERROR_DEVICE_LOST), "the fence must not be signalled");
        assert_eq!(device.queue_submit(ctx.queue, &[], vk::Fence::null()), Err(vk::Result::ERROR_DEVICE_LOST));
        assert_eq!(device.queue_wait_idle(ctx.queue), Err(vk::Result::ERROR_DEVICE_LOST));
        assert_eq!(buffer.read()[4..8], [0, 0, 0, 0], "the shader's store after the loop never ran");
        device.destroy_fence(fence, None);
        device.destroy_descriptor_pool(pool, None);
        device.destroy_pipeline(pipeline, None);
        device.destroy_shader_module(module, None);
        device.destroy_pipeline_layout(layout, None);
        device.destroy_descriptor_set_layout(set_layout, None);
    }
    drop(buffer);
    drop(ctx);
    println!("CHILD DONE");
}
