//! softvk's engine: everything that computes, with no Vulkan ABI in it.
//!
//! The icd decodes Vulkan structs into the plain values taken here (`ImageShape`,
//! `CopyRegion`, `BlitRegion`, clear values) and hands over `MemoryView`s of the memory
//! involved. `ash::vk` enums and flags are used as vocabulary only.

pub mod blit;
pub mod clear;
pub mod copy;
pub mod format;
pub mod layout;
pub mod memory;
pub mod parallel;
pub mod raster;
pub mod shader_image;
pub mod texel;

pub use layout::{ImageLayout, ImageShape, SubresourceLayout};
pub use memory::MemoryView;
pub use shader_image::{ShaderImage, ShaderSampler, TexelBufferView};
