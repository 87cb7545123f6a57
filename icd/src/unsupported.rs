//! Core entry points whose features have not landed yet: shaders, pipelines, descriptors,
//! render passes, draws and dispatches (their issues build them).
//!
//! They exist so that a program calling them gets a clear error and a log line instead of
//! a crash through a null function pointer: object creation returns
//! `VK_ERROR_UNKNOWN` (`entry::NOT_IMPLEMENTED`) with a log line naming the command, and
//! recording one of these commands makes `vkEndCommandBuffer` fail with the same code. Since no such object can be created,
//! the destroy functions only ever see null handles.

use crate::command_buffer::record_unsupported;
use crate::entry::{guard, guard_void, write_out};
use ash::vk;
use std::ffi::c_void;

macro_rules! unsupported_creates {
    ($($name:literal fn $f:ident($($arg:ident: $ty:ty),*);)*) => {$(
        #[doc = concat!("`", $name, "`: not implemented yet, returns `VK_ERROR_UNKNOWN`.")]
        ///
        /// # Safety
        /// Any arguments are accepted: none is read.
        pub unsafe extern "system" fn $f($($arg: $ty),*) -> vk::Result {
            $(let _ = $arg;)*
            guard($name, || {
                tracing::error!(concat!($name, " is not implemented in softvk yet"));
                Err(crate::entry::NOT_IMPLEMENTED)
            })
        }
    )*};
}

macro_rules! unsupported_voids {
    ($($name:literal fn $f:ident($($arg:ident: $ty:ty),*);)*) => {$(
        #[doc = concat!("`", $name, "`: nothing to do, since no such object can exist yet.")]
        ///
        /// # Safety
        /// Any arguments are accepted: none is read.
        pub unsafe extern "system" fn $f($($arg: $ty),*) {
            $(let _ = $arg;)*
            guard_void($name, || {});
        }
    )*};
}

macro_rules! unsupported_commands {
    ($($name:literal fn $f:ident($($arg:ident: $ty:ty),*);)*) => {$(
        #[doc = concat!("`", $name, "`: not implemented yet; the command buffer's recording fails.")]
        ///
        /// # Safety
        /// Vulkan's rules for the command buffer handle; the other arguments are not read.
        pub unsafe extern "system" fn $f(command_buffer: vk::CommandBuffer, $($arg: $ty),*) {
            $(let _ = $arg;)*
            record_unsupported(command_buffer, $name);
        }
    )*};
}

type Alloc = *const vk::AllocationCallbacks<'static>;

unsupported_creates! {
    "vkCreateGraphicsPipelines" fn create_graphics_pipelines(d: vk::Device, c: vk::PipelineCache, n: u32, i: *const c_void, a: Alloc, o: *mut vk::Pipeline);
    "vkCreateFramebuffer" fn create_framebuffer(d: vk::Device, i: *const c_void, a: Alloc, o: *mut vk::Framebuffer);
    "vkCreateRenderPass" fn create_render_pass(d: vk::Device, i: *const c_void, a: Alloc, o: *mut vk::RenderPass);
    "vkCreateSamplerYcbcrConversion" fn create_sampler_ycbcr_conversion(d: vk::Device, i: *const c_void, a: Alloc, o: *mut vk::SamplerYcbcrConversion);
}

unsupported_voids! {
    "vkDestroyFramebuffer" fn destroy_framebuffer(d: vk::Device, h: vk::Framebuffer, a: Alloc);
    "vkDestroyRenderPass" fn destroy_render_pass(d: vk::Device, h: vk::RenderPass, a: Alloc);
    "vkDestroySamplerYcbcrConversion" fn destroy_sampler_ycbcr_conversion(d: vk::Device, h: vk::SamplerYcbcrConversion, a: Alloc);
}

/// `vkGetRenderAreaGranularity`: any render area is as good as any other on a CPU.
///
/// # Safety
/// Vulkan's rules for `vkGetRenderAreaGranularity`.
pub unsafe extern "system" fn get_render_area_granularity(
    _device: vk::Device,
    _render_pass: vk::RenderPass,
    p_granularity: *mut vk::Extent2D,
) {
    guard_void("vkGetRenderAreaGranularity", || {
        let _ = write_out(p_granularity, vk::Extent2D { width: 1, height: 1 });
    })
}

/// `vkGetDeviceGroupPeerMemoryFeatures`: softvk's device groups have one device.
///
/// # Safety
/// Vulkan's rules for `vkGetDeviceGroupPeerMemoryFeatures`.
pub unsafe extern "system" fn get_device_group_peer_memory_features(
    _device: vk::Device,
    _heap: u32,
    _local: u32,
    _remote: u32,
    p_features: *mut vk::PeerMemoryFeatureFlags,
) {
    guard_void("vkGetDeviceGroupPeerMemoryFeatures", || {
        let all = vk::PeerMemoryFeatureFlags::COPY_SRC
            | vk::PeerMemoryFeatureFlags::COPY_DST
            | vk::PeerMemoryFeatureFlags::GENERIC_SRC
            | vk::PeerMemoryFeatureFlags::GENERIC_DST;
        let _ = write_out(p_features, all);
    })
}

/// `vkCmdSetDeviceMask`: the only valid mask is 1, which changes nothing.
///
/// # Safety
/// Vulkan's rules for `vkCmdSetDeviceMask`.
pub unsafe extern "system" fn cmd_set_device_mask(command_buffer: vk::CommandBuffer, mask: u32) {
    crate::command_buffer::record(command_buffer, "vkCmdSetDeviceMask", || {
        Ok(crate::commands::Command::Label(format!("device mask {mask:#x}")))
    })
}

unsupported_commands! {
    "vkCmdSetViewport" fn cmd_set_viewport(f: u32, n: u32, v: *const vk::Viewport);
    "vkCmdSetScissor" fn cmd_set_scissor(f: u32, n: u32, s: *const vk::Rect2D);
    "vkCmdSetLineWidth" fn cmd_set_line_width(w: f32);
    "vkCmdSetDepthBias" fn cmd_set_depth_bias(c: f32, cl: f32, s: f32);
    "vkCmdSetBlendConstants" fn cmd_set_blend_constants(c: *const [f32; 4]);
    "vkCmdSetDepthBounds" fn cmd_set_depth_bounds(mn: f32, mx: f32);
    "vkCmdSetStencilCompareMask" fn cmd_set_stencil_compare_mask(f: vk::StencilFaceFlags, m: u32);
    "vkCmdSetStencilWriteMask" fn cmd_set_stencil_write_mask(f: vk::StencilFaceFlags, m: u32);
    "vkCmdSetStencilReference" fn cmd_set_stencil_reference(f: vk::StencilFaceFlags, r: u32);
    "vkCmdBindIndexBuffer" fn cmd_bind_index_buffer(bu: vk::Buffer, o: vk::DeviceSize, t: vk::IndexType);
    "vkCmdBindVertexBuffers" fn cmd_bind_vertex_buffers(f: u32, n: u32, bu: *const vk::Buffer, o: *const vk::DeviceSize);
    "vkCmdDraw" fn cmd_draw(vc: u32, ic: u32, fv: u32, fi: u32);
    "vkCmdDrawIndexed" fn cmd_draw_indexed(ic: u32, inst: u32, fi: u32, vo: i32, fin: u32);
    "vkCmdDrawIndirect" fn cmd_draw_indirect(bu: vk::Buffer, o: vk::DeviceSize, n: u32, s: u32);
    "vkCmdDrawIndexedIndirect" fn cmd_draw_indexed_indirect(bu: vk::Buffer, o: vk::DeviceSize, n: u32, s: u32);
    "vkCmdClearAttachments" fn cmd_clear_attachments(na: u32, a: *const vk::ClearAttachment, nr: u32, r: *const vk::ClearRect);
    "vkCmdResolveImage2KHR" fn cmd_resolve_image2(i: *const c_void);
    "vkCmdResolveImage" fn cmd_resolve_image(s: vk::Image, sl: vk::ImageLayout, d: vk::Image, dl: vk::ImageLayout, n: u32, r: *const vk::ImageResolve);
    "vkCmdBeginQuery" fn cmd_begin_query(p: vk::QueryPool, q: u32, f: vk::QueryControlFlags);
    "vkCmdEndQuery" fn cmd_end_query(p: vk::QueryPool, q: u32);
    "vkCmdBeginRenderPass" fn cmd_begin_render_pass(i: *const c_void, c: vk::SubpassContents);
    "vkCmdNextSubpass" fn cmd_next_subpass(c: vk::SubpassContents);
    "vkCmdEndRenderPass" fn cmd_end_render_pass();
}
