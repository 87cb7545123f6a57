//! What a run of a program can reach: the resources its descriptors name, resolved by
//! the driver when the dispatch executes (not per invocation), and the built-in values of
//! the dispatch.
//!
//! A pointer's object word picks a binding (`Program::bindings[object >> 20]`) and an
//! array element (`object & 0xfffff`); anything out of range resolves to nothing, which
//! reads as zero and drops writes.

use crate::memory::{AddressMap, SharedMemory};

/// A storage image, sampled image or texel buffer, as the driver's image code presents
/// it. Coordinates are integer texel coordinates (`x`, `y`, `z` or layer); texels are the
/// four 32-bit words the shader sees (float bits, or integers), already converted from
/// the image's format.
pub trait ImageResource: Sync {
    /// Width, height and depth (or layers) of level `level`.
    fn size(&self, level: u32) -> [u32; 3];
    fn levels(&self) -> u32;
    fn samples(&self) -> u32;
    /// The texel at `coord`, or None outside the image (the caller returns zeros).
    fn read(&self, coord: [i32; 3], level: u32, sample: u32) -> Option<[u32; 4]>;
    /// Writes a texel; outside the image the write is dropped.
    fn write(&self, coord: [i32; 3], sample: u32, texel: [u32; 4]);
    /// The image's memory, for atomics on its texels.
    fn memory(&self) -> SharedMemory;
    /// The byte offset in [`memory`](Self::memory) of the (32- or 64-bit) texel at
    /// `coord`, or None outside the image.
    fn texel_offset(&self, coord: [i32; 3], sample: u32) -> Option<usize>;
    /// Samples at normalized (or unnormalized) coordinates `coord` with `sampler`, at
    /// level of detail `lod`; `dref` for depth comparisons. Returns four words.
    fn sample(&self, sampler: &dyn SamplerResource, coord: [f32; 4], lod: f32, dref: Option<f32>, offset: [i32; 3]) -> [u32; 4];
    /// Four texels of a gather of component `component`.
    fn gather(&self, sampler: &dyn SamplerResource, coord: [f32; 4], component: u32, dref: Option<f32>, offset: [i32; 3]) -> [u32; 4];
}

/// A sampler's state, as the image code needs it (the driver's own type).
pub trait SamplerResource: Sync {
    fn as_any(&self) -> &dyn std::any::Any;
}

/// What one binding of a program resolves to at a dispatch.
#[derive(Default)]
pub enum Bound<'a> {
    /// Nothing bound (or a binding the layout does not have): reads zero.
    #[default]
    None,
    /// Uniform or storage buffers (one window per array element, already offset to the
    /// descriptor's range), or the push constants.
    Buffers(Vec<SharedMemory>),
    Images(Vec<Option<&'a dyn ImageResource>>),
    Samplers(Vec<Option<&'a dyn SamplerResource>>),
    Combined(Vec<(Option<&'a dyn ImageResource>, Option<&'a dyn SamplerResource>)>),
}

/// Everything the bindings of a program resolve to, in `Program::bindings` order.
#[derive(Default)]
pub struct Resources<'a> {
    pub bindings: Vec<Bound<'a>>,
    /// What `PhysicalStorageBuffer` pointers reach (empty unless the program uses them).
    pub addresses: AddressMap,
}

impl<'a> Resources<'a> {
    fn split(object: u32) -> (usize, usize) {
        ((object >> crate::front::OBJECT_ELEMENT_BITS) as usize, (object & ((1 << crate::front::OBJECT_ELEMENT_BITS) - 1)) as usize)
    }

    pub fn buffer(&self, object: u32) -> SharedMemory {
        let (binding, element) = Self::split(object);
        match self.bindings.get(binding) {
            Some(Bound::Buffers(list)) => list.get(element).copied().unwrap_or(SharedMemory::EMPTY),
            _ => SharedMemory::EMPTY,
        }
    }

    pub fn image(&self, object: u32) -> Option<&'a dyn ImageResource> {
        let (binding, element) = Self::split(object);
        match self.bindings.get(binding)? {
            Bound::Images(list) => list.get(element).copied().flatten(),
            Bound::Combined(list) => list.get(element).and_then(|(image, _)| *image),
            _ => None,
        }
    }

    pub fn sampler(&self, object: u32) -> Option<&'a dyn SamplerResource> {
        let (binding, element) = Self::split(object);
        match self.bindings.get(binding)? {
            Bound::Samplers(list) => list.get(element).copied().flatten(),
            Bound::Combined(list) => list.get(element).and_then(|(_, sampler)| *sampler),
            _ => None,
        }
    }
}

/// The built-in values of one dispatch that are not per invocation.
#[derive(Clone, Copy, Debug, Default)]
pub struct DispatchInfo {
    pub num_workgroups: [u32; 3],
    /// `vkCmdDispatchBase`'s base: added to workgroup ids.
    pub base_workgroup: [u32; 3],
}
