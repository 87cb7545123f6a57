//! Memory segments for softvk: every `VkDeviceMemory` is one [`Segment`].
//!
//! softvk's "device" is the CPU, so device memory is ordinary process memory.
//! What makes it interesting is that it can be *exported*: another process (or
//! another Vulkan instance, or a non-Vulkan consumer) receives a file
//! descriptor and maps the very same bytes. The contract is simple: byte N of
//! an exported fd is byte N of the `VkDeviceMemory` — no header, no private
//! layout.
//!
//! This crate knows nothing about Vulkan. The ICD decodes `VkMemoryAllocateInfo`
//! and its pNext chain, then calls one of these constructors:
//!
//! | Vulkan request                               | constructor                       | backing                      |
//! |----------------------------------------------|-----------------------------------|------------------------------|
//! | plain allocation                             | [`Segment::anonymous`]            | private anonymous mapping    |
//! | export info (KHR or NV)                      | [`Segment::exportable`]           | sealed memfd (or POSIX shm)  |
//! | `VkImportMemoryFdInfoKHR`                    | [`Segment::import`] / [`Segment::import_raw`] | the caller's fd   |
//! | `VkImportMemoryHostPointerInfoEXT`           | [`Segment::from_host_pointer`]    | the caller's memory          |
//!
//! and `vkGetMemoryFdKHR` is [`Segment::export_fd`]. The address of a segment
//! never changes during its lifetime, so `vkMapMemory` is pointer arithmetic.
//!
//! [`passing`] moves descriptors between processes over a Unix socket
//! (`SCM_RIGHTS`), for consumers that share memory across process boundaries.
//! [`image`] describes an exported image's layout in a small text format and
//! lets a process that knows nothing of Vulkan map it and read texel rows.
//!
//! Modules:
//! - `segment`: the [`Segment`] type, anonymous and host-pointer segments, and
//!   the one place that maps and unmaps.
//! - `exportable`: memfd creation and sealing, and the POSIX shm fallback.
//! - `import`: checking a foreign fd before mapping it, and [`ImportError`].
//! - [`passing`]: sending and receiving fds with a payload.
//! - [`image`]: the image-layout descriptor, its text form, [`image::MappedImage`]
//!   and the send/receive helpers built on `passing`.
//!
//! All `unsafe` in softvk outside the ABI boundary lives here; each block says
//! which invariant makes it sound in a `// SAFETY:` comment.

mod exportable;
pub mod image;
mod import;
pub mod passing;
mod segment;

pub use import::{is_sealed_memory, ImportError};
pub use segment::Segment;

#[cfg(test)]
mod test_support;
