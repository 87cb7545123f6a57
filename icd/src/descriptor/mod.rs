//! Descriptors: set layouts, pools, sets, updates (writes, copies, templates) and
//! pipeline layouts.
//!
//! A descriptor set is a table of [`Descriptor`]s, one array per binding of its layout.
//! Writes copy the application's handles into it (as `Arc`s, so an object stays alive
//! while a set names it); nothing is resolved to memory until a command that uses the set
//! executes (`execute::resources`), so update-after-bind needs nothing special.

mod layout;
mod pool;
mod template;
mod update;

pub use layout::{DescriptorSetLayout, LayoutBinding, PipelineLayout};
pub use pool::{DescriptorPool, DescriptorSet};
pub use template::DescriptorUpdateTemplate;

use crate::resources::{Buffer, BufferView, ImageView, Sampler};
use ash::vk;
use std::sync::Arc;

/// Descriptor types softvk implements.
pub const SUPPORTED_TYPES: &[vk::DescriptorType] = &[
    vk::DescriptorType::SAMPLER,
    vk::DescriptorType::COMBINED_IMAGE_SAMPLER,
    vk::DescriptorType::SAMPLED_IMAGE,
    vk::DescriptorType::STORAGE_IMAGE,
    vk::DescriptorType::UNIFORM_TEXEL_BUFFER,
    vk::DescriptorType::STORAGE_TEXEL_BUFFER,
    vk::DescriptorType::UNIFORM_BUFFER,
    vk::DescriptorType::STORAGE_BUFFER,
    vk::DescriptorType::UNIFORM_BUFFER_DYNAMIC,
    vk::DescriptorType::STORAGE_BUFFER_DYNAMIC,
    vk::DescriptorType::INPUT_ATTACHMENT,
];

/// Descriptors in one set at most, summed over its bindings (also what
/// `maxPerSetDescriptors` reports): a layout can never make a set allocate more.
pub const MAX_DESCRIPTORS_PER_SET: u64 = 1 << 20;

pub fn is_dynamic(t: vk::DescriptorType) -> bool {
    matches!(t, vk::DescriptorType::UNIFORM_BUFFER_DYNAMIC | vk::DescriptorType::STORAGE_BUFFER_DYNAMIC)
}

/// One descriptor of a set.
#[derive(Clone, Debug, Default)]
pub enum Descriptor {
    /// Never written (or written with a null handle): reads as zero.
    #[default]
    Empty,
    /// Uniform or storage buffer (dynamic ones get their offset at bind time).
    Buffer { buffer: Arc<Buffer>, offset: u64, range: u64 },
    /// Sampled image, storage image or input attachment.
    Image(Arc<ImageView>),
    Sampler(Arc<Sampler>),
    Combined { view: Option<Arc<ImageView>>, sampler: Option<Arc<Sampler>> },
    TexelBuffer(Arc<BufferView>),
}

pub use layout::{
    create_descriptor_set_layout, create_pipeline_layout, destroy_descriptor_set_layout, destroy_pipeline_layout,
    get_descriptor_set_layout_support,
};
pub use pool::{allocate_descriptor_sets, create_descriptor_pool, destroy_descriptor_pool, free_descriptor_sets, reset_descriptor_pool};
pub use template::{create_descriptor_update_template, destroy_descriptor_update_template, update_descriptor_set_with_template};
pub use update::{update_descriptor_sets, write_to};
