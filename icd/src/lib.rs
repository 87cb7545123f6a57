//! softvk's Vulkan ICD: the Vulkan ABI.
//!
//! The Khronos loader opens `libsoftvk.so`, negotiates an interface version
//! (`loader_interface`), and from then on asks `vk_icdGetInstanceProcAddr` for every entry
//! point (`proc_addr`). Each entry point is a few lines: decode the Vulkan structs into
//! plain values, call into the object modules here or the `rasterizer` / `shm` crates, and
//! turn the `Result` into a `VkResult` through `entry::guard`.
//!
//! Where to read next: `handles` (how a Vulkan handle becomes a Rust object), `instance`,
//! `physical_device`, `device`, `memory`, `resources`, `command_buffer` (recording),
//! `queue` (the worker thread that executes submissions) and `execute/` (one module per
//! family of commands).

pub mod cmd_compute;
pub mod cmd_sync;
pub mod cmd_transfer;
pub mod command_buffer;
pub mod commands;
pub mod debug_utils;
pub mod descriptor;
pub mod device;
pub mod device_address;
pub mod entry;
pub mod execute;
pub mod extensions;
pub mod external_memory;
pub mod external_sync;
pub mod handles;
pub mod instance;
pub mod loader_interface;
pub mod memory;
pub mod physical_device;
pub mod pipeline;
pub mod pnext;
pub mod private_data;
pub mod proc_addr;
pub mod query;
pub mod queue;
pub mod resources;
pub mod sync;
pub mod sync_payload;
pub mod unsupported;
pub mod wsi;
