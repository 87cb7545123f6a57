//! `TexelBufferView`: a uniform or storage texel buffer descriptor (a `VkBufferView`)
//! as a shader sees it: a one-dimensional array of texels of one format, fetched, read,
//! written or atomically updated by index, never sampled.

use super::texel_io::TexelIo;
use ash::vk;
use shader::interp::{ImageResource, SamplerResource};
use shader::memory::SharedMemory;

#[derive(Clone, Copy, Debug)]
pub struct TexelBufferView {
    memory: SharedMemory,
    io: TexelIo,
    count: u32,
}

impl TexelBufferView {
    /// A view of `memory` (the buffer's memory with the view's offset and range already
    /// applied) as texels of `format`: `range / texel size` of them (spec: the number of
    /// texels is `floor(range / texel block size)`). None for a format without texels of
    /// its own.
    pub fn new(memory: SharedMemory, format: vk::Format) -> Option<TexelBufferView> {
        let io = TexelIo::new(format)?;
        let count = u32::try_from(memory.len() / io.bytes()).unwrap_or(u32::MAX);
        Some(TexelBufferView { memory, io, count })
    }

    /// The number of texels (OpImageQuerySize).
    pub fn count(&self) -> u32 {
        self.count
    }

    fn offset(&self, coord: [i32; 3]) -> Option<usize> {
        let index = u32::try_from(coord[0]).ok().filter(|&x| x < self.count)?;
        Some(index as usize * self.io.bytes())
    }
}

impl ImageResource for TexelBufferView {
    fn size(&self, _level: u32) -> [u32; 3] {
        [self.count, 0, 0]
    }

    fn levels(&self) -> u32 {
        1
    }

    fn samples(&self) -> u32 {
        1
    }

    fn read(&self, coord: [i32; 3], level: u32, sample: u32) -> Option<[u32; 4]> {
        if level != 0 || sample != 0 {
            return None;
        }
        self.io.load(&self.memory, self.offset(coord)?)
    }

    fn write(&self, coord: [i32; 3], sample: u32, texel: [u32; 4]) {
        if let (Some(offset), 0) = (self.offset(coord), sample) {
            self.io.store(&self.memory, offset, texel);
        }
    }

    fn memory(&self) -> SharedMemory {
        self.memory
    }

    fn texel_offset(&self, coord: [i32; 3], sample: u32) -> Option<usize> {
        if !matches!(self.io.bytes(), 4 | 8) || sample != 0 {
            return None;
        }
        self.offset(coord)
    }

    /// Texel buffers are only fetched: a sample reads zero.
    fn sample(&self, _: &dyn SamplerResource, _: [f32; 4], _: f32, _: Option<f32>, _: [i32; 3]) -> [u32; 4] {
        [0; 4]
    }

    fn gather(&self, _: &dyn SamplerResource, _: [f32; 4], _: u32, _: Option<f32>, _: [i32; 3]) -> [u32; 4] {
        [0; 4]
    }
}
