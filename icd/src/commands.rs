//! Commands as data: what `vkCmd*` records and the queue worker executes.
//!
//! Recording copies everything a command needs (regions, update data, clear values) and
//! holds `Arc`s to the objects it touches, so a recorded command buffer is a plain value
//! that can be printed (`SOFTVK_LOG=debug` traces each command as it runs) and tested.

use crate::descriptor::DescriptorSet;
use crate::pipeline::Pipeline;
use crate::query::QueryPool;
use crate::resources::{Buffer, Image};
use crate::sync::Event;
use ash::vk;
use std::sync::Arc;

#[derive(Debug)]
pub enum Command {
    CopyBuffer {
        src: Arc<Buffer>,
        dst: Arc<Buffer>,
        regions: Vec<vk::BufferCopy>,
    },
    CopyImage {
        src: Arc<Image>,
        dst: Arc<Image>,
        regions: Vec<vk::ImageCopy>,
    },
    CopyBufferToImage {
        src: Arc<Buffer>,
        dst: Arc<Image>,
        regions: Vec<vk::BufferImageCopy>,
    },
    CopyImageToBuffer {
        src: Arc<Image>,
        dst: Arc<Buffer>,
        regions: Vec<vk::BufferImageCopy>,
    },
    BlitImage {
        src: Arc<Image>,
        dst: Arc<Image>,
        regions: Vec<vk::ImageBlit>,
        filter: vk::Filter,
    },
    /// `color` holds the raw 32-bit words of the `VkClearColorValue`; the image format
    /// says whether they are floats, signed or unsigned integers.
    ClearColorImage {
        image: Arc<Image>,
        color: [u32; 4],
        ranges: Vec<vk::ImageSubresourceRange>,
    },
    ClearDepthStencilImage {
        image: Arc<Image>,
        value: vk::ClearDepthStencilValue,
        ranges: Vec<vk::ImageSubresourceRange>,
    },
    FillBuffer {
        dst: Arc<Buffer>,
        offset: u64,
        size: u64,
        data: u32,
    },
    UpdateBuffer {
        dst: Arc<Buffer>,
        offset: u64,
        data: Vec<u8>,
    },
    /// Commands execute in order on one thread, so a barrier has nothing to wait for; it is
    /// recorded so that the trace shows it.
    PipelineBarrier,
    SetEvent(Arc<Event>),
    ResetEvent(Arc<Event>),
    WaitEvents(Vec<Arc<Event>>),
    ResetQueryPool {
        pool: Arc<QueryPool>,
        first: u32,
        count: u32,
    },
    WriteTimestamp {
        pool: Arc<QueryPool>,
        query: u32,
    },
    CopyQueryPoolResults {
        pool: Arc<QueryPool>,
        first: u32,
        count: u32,
        dst: Arc<Buffer>,
        offset: u64,
        stride: u64,
        flags: vk::QueryResultFlags,
    },
    ExecuteCommands(Vec<Arc<Vec<Command>>>),
    Label(String),
    BindPipeline(Arc<Pipeline>),
    /// Sets `first..first + sets.len()` of a bind point, with the dynamic offsets of their
    /// dynamic buffers in binding order, set after set.
    BindDescriptorSets {
        bind_point: vk::PipelineBindPoint,
        first: u32,
        sets: Vec<Arc<DescriptorSet>>,
        dynamic_offsets: Vec<u32>,
    },
    /// A push-descriptor set: a set made at record time holding the pushed descriptors.
    PushDescriptorSet { bind_point: vk::PipelineBindPoint, set: u32, descriptors: Arc<DescriptorSet> },
    PushConstants { offset: u32, data: Vec<u8> },
    Dispatch { base: [u32; 3], groups: [u32; 3] },
    /// Group counts read from `buffer` at `offset` when the command executes.
    DispatchIndirect { buffer: Arc<Buffer>, offset: u64 },
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Pipeline({:?})", self.bind_point)
    }
}

impl std::fmt::Debug for DescriptorSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DescriptorSet({} bindings)", self.layout.bindings.len())
    }
}
