//! Command pools and command buffers: allocation, the recording state machine, and the
//! one helper (`record`) every `vkCmd*` entry point uses to append a command.
//!
//! An error found while recording (a null handle, a command softvk cannot run yet) is
//! kept as a sticky error and returned by `vkEndCommandBuffer`, as Mesa's runtime does.

use crate::commands::Command;
use crate::entry::{guard, guard_void, read_in, read_slice, VkResult};
use crate::handles::{borrow, dispatchable, free_dispatchable, get, new_dispatchable, new_handle, release, Object};
use ash::vk::{self, Handle};
use std::sync::{Arc, Mutex};

pub struct CommandPool {
    pub flags: vk::CommandPoolCreateFlags,
    /// Raw handles of the command buffers allocated from this pool and not yet freed (a
    /// set: freeing n buffers costs time linear in n).
    buffers: Mutex<std::collections::HashSet<u64>>,
}

impl Object for CommandPool {
    type Handle = vk::CommandPool;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Initial,
    Recording,
    Executable,
}

struct Recording {
    state: State,
    commands: Vec<Command>,
    error: Option<vk::Result>,
    finished: Option<Arc<Vec<Command>>>,
    bound: crate::cmd_compute::RecordState,
}

pub struct CommandBuffer {
    pub level: vk::CommandBufferLevel,
    /// Its device enabled `synchronization2` (stage masks of 0 are valid).
    pub synchronization2: bool,
    recording: Mutex<Recording>,
}

impl Object for CommandBuffer {
    type Handle = vk::CommandBuffer;
}

impl CommandBuffer {
    fn new(level: vk::CommandBufferLevel, synchronization2: bool) -> CommandBuffer {
        CommandBuffer {
            level,
            synchronization2,
            recording: Mutex::new(Recording {
                state: State::Initial,
                commands: Vec::new(),
                error: None,
                finished: None,
                bound: Default::default(),
            }),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Recording> {
        self.recording.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn reset(&self) {
        let mut rec = self.lock();
        *rec = Recording { state: State::Initial, commands: Vec::new(), error: None, finished: None, bound: Default::default() };
    }

    /// The recorded commands of a command buffer of `level`: primaries are submitted,
    /// secondaries executed by `vkCmdExecuteCommands`; the wrong level is an error.
    pub fn snapshot_as(&self, level: vk::CommandBufferLevel) -> VkResult<Arc<Vec<Command>>> {
        if self.level != level {
            tracing::error!("a {:?} command buffer where a {level:?} one is required", self.level);
            return Err(crate::entry::INVALID_USAGE);
        }
        self.snapshot_for_submit()
    }

    /// The recorded commands, for a submission or `vkCmdExecuteCommands`.
    pub fn snapshot_for_submit(&self) -> VkResult<Arc<Vec<Command>>> {
        let rec = self.lock();
        match (&rec.finished, rec.state) {
            (Some(commands), State::Executable) => Ok(commands.clone()),
            _ => {
                tracing::error!("submitted a command buffer that is not in the executable state ({:?})", rec.state);
                Err(crate::entry::INVALID_USAGE)
            }
        }
    }
}

/// Appends the command built by `build` to a command buffer in the recording state; a
/// failure becomes the buffer's sticky error.
pub fn record(command_buffer: vk::CommandBuffer, name: &'static str, build: impl FnOnce() -> VkResult<Command>) {
    guard_void(name, || {
        // SAFETY: the application passes a live command buffer handle.
        let Ok(cb) = (unsafe { dispatchable::<CommandBuffer>(command_buffer) }) else { return };
        let command = build();
        let mut rec = cb.lock();
        if rec.state != State::Recording {
            tracing::error!("{name}: command buffer is not recording");
            rec.error.get_or_insert(crate::entry::INVALID_USAGE);
            return;
        }
        match command {
            Ok(command) => rec.commands.push(command),
            Err(code) => {
                tracing::error!("{name}: not recorded ({code:?})");
                rec.error.get_or_insert(code);
            }
        }
    })
}

/// Like `record`, for commands whose validity depends on what was bound before them in
/// this command buffer (decoded at record time: execution never re-validates).
pub fn record_bound(
    command_buffer: vk::CommandBuffer,
    name: &'static str,
    build: impl FnOnce(&mut crate::cmd_compute::RecordState) -> VkResult<Command>,
) {
    guard_void(name, || {
        // SAFETY: the application passes a live command buffer handle.
        let Ok(cb) = (unsafe { dispatchable::<CommandBuffer>(command_buffer) }) else { return };
        let mut rec = cb.lock();
        if rec.state != State::Recording {
            tracing::error!("{name}: command buffer is not recording");
            rec.error.get_or_insert(crate::entry::INVALID_USAGE);
            return;
        }
        match build(&mut rec.bound) {
            Ok(command) => rec.commands.push(command),
            Err(code) => {
                tracing::error!("{name}: not recorded ({code:?})");
                rec.error.get_or_insert(code);
            }
        }
    })
}

/// Whether the command buffer's device enabled `synchronization2` (false for a null handle).
///
/// # Safety
/// `command_buffer` is null or a live command buffer handle.
pub unsafe fn synchronization2(command_buffer: vk::CommandBuffer) -> bool {
    dispatchable::<CommandBuffer>(command_buffer).is_ok_and(|cb| cb.synchronization2)
}

/// Records a command softvk cannot execute yet: `vkEndCommandBuffer` will fail.
pub fn record_unsupported(command_buffer: vk::CommandBuffer, name: &'static str) {
    record(command_buffer, name, || {
        tracing::error!("{name} is not implemented in softvk yet");
        Err(crate::entry::NOT_IMPLEMENTED)
    })
}

/// # Safety
/// Vulkan's rules for `vkCreateCommandPool`.
pub unsafe extern "system" fn create_command_pool(
    _device: vk::Device,
    p_create_info: *const vk::CommandPoolCreateInfo<'_>,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
    p_pool: *mut vk::CommandPool,
) -> vk::Result {
    guard("vkCreateCommandPool", || {
        let info = read_in(p_create_info)?;
        if info.queue_family_index != 0 {
            tracing::error!("vkCreateCommandPool: no queue family {}", info.queue_family_index);
            return Err(crate::entry::INVALID_USAGE);
        }
        let pool = Arc::new(CommandPool { flags: info.flags, buffers: Mutex::new(Default::default()) });
        crate::entry::write_out(p_pool, new_handle(pool))?;
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkDestroyCommandPool`: frees every command buffer of the pool.
pub unsafe extern "system" fn destroy_command_pool(
    _device: vk::Device,
    pool: vk::CommandPool,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
) {
    guard_void("vkDestroyCommandPool", || {
        if let Some(pool) = release::<CommandPool>(pool) {
            for raw in pool.buffers.lock().unwrap_or_else(|e| e.into_inner()).drain() {
                free_dispatchable::<CommandBuffer>(vk::CommandBuffer::from_raw(raw));
            }
        }
    })
}

/// # Safety
/// Vulkan's rules for `vkResetCommandPool`.
pub unsafe extern "system" fn reset_command_pool(
    _device: vk::Device,
    pool: vk::CommandPool,
    _flags: vk::CommandPoolResetFlags,
) -> vk::Result {
    guard("vkResetCommandPool", || {
        let pool = borrow::<CommandPool>(pool)?;
        for &raw in pool.buffers.lock().unwrap_or_else(|e| e.into_inner()).iter() {
            dispatchable::<CommandBuffer>(vk::CommandBuffer::from_raw(raw))?.reset();
        }
        Ok(vk::Result::SUCCESS)
    })
}

/// Nothing to trim: command memory is freed when a buffer is reset.
///
/// # Safety
/// Vulkan's rules for `vkTrimCommandPool`.
pub unsafe extern "system" fn trim_command_pool(
    _device: vk::Device,
    _pool: vk::CommandPool,
    _flags: vk::CommandPoolTrimFlags,
) {
    guard_void("vkTrimCommandPool", || {})
}

/// # Safety
/// Vulkan's rules for `vkAllocateCommandBuffers`.
pub unsafe extern "system" fn allocate_command_buffers(
    device: vk::Device,
    p_allocate_info: *const vk::CommandBufferAllocateInfo<'_>,
    p_command_buffers: *mut vk::CommandBuffer,
) -> vk::Result {
    guard("vkAllocateCommandBuffers", || {
        let synchronization2 = dispatchable::<crate::device::Device>(device)?.synchronization2;
        let info = read_in(p_allocate_info)?;
        let pool = borrow::<CommandPool>(info.command_pool)?;
        if info.level != vk::CommandBufferLevel::PRIMARY && info.level != vk::CommandBufferLevel::SECONDARY {
            tracing::error!("vkAllocateCommandBuffers: level {:?}", info.level);
            return Err(crate::entry::INVALID_USAGE);
        }
        if p_command_buffers.is_null() {
            return Err(crate::entry::INVALID_USAGE);
        }
        let mut buffers = pool.buffers.lock().unwrap_or_else(|e| e.into_inner());
        for i in 0..info.command_buffer_count as usize {
            let handle = new_dispatchable(CommandBuffer::new(info.level, synchronization2));
            buffers.insert(handle.as_raw());
            p_command_buffers.add(i).write(handle);
        }
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkFreeCommandBuffers`.
pub unsafe extern "system" fn free_command_buffers(
    _device: vk::Device,
    pool: vk::CommandPool,
    count: u32,
    p_command_buffers: *const vk::CommandBuffer,
) {
    guard_void("vkFreeCommandBuffers", || {
        let Ok(pool) = borrow::<CommandPool>(pool) else { return };
        let mut buffers = pool.buffers.lock().unwrap_or_else(|e| e.into_inner());
        for &cb in read_slice(p_command_buffers, count) {
            if cb == vk::CommandBuffer::null() {
                continue;
            }
            if buffers.remove(&cb.as_raw()) {
                free_dispatchable::<CommandBuffer>(cb);
            } else {
                tracing::error!("vkFreeCommandBuffers: command buffer does not belong to this pool");
            }
        }
    })
}

/// # Safety
/// Vulkan's rules for `vkBeginCommandBuffer`.
pub unsafe extern "system" fn begin_command_buffer(
    command_buffer: vk::CommandBuffer,
    p_begin_info: *const vk::CommandBufferBeginInfo<'_>,
) -> vk::Result {
    guard("vkBeginCommandBuffer", || {
        let cb = dispatchable::<CommandBuffer>(command_buffer)?;
        read_in(p_begin_info)?;
        // Beginning an executable buffer resets it implicitly; a recording one is an error
        // (VUID-vkBeginCommandBuffer-commandBuffer-00049).
        let mut rec = cb.lock();
        if rec.state == State::Recording {
            tracing::error!("vkBeginCommandBuffer on a command buffer that is already recording");
            return Err(crate::entry::INVALID_USAGE);
        }
        *rec = Recording { state: State::Recording, commands: Vec::new(), error: None, finished: None, bound: Default::default() };
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkEndCommandBuffer`.
pub unsafe extern "system" fn end_command_buffer(command_buffer: vk::CommandBuffer) -> vk::Result {
    guard("vkEndCommandBuffer", || {
        let cb = dispatchable::<CommandBuffer>(command_buffer)?;
        let mut rec = cb.lock();
        if rec.state != State::Recording {
            tracing::error!("vkEndCommandBuffer: command buffer is not recording");
            return Err(crate::entry::INVALID_USAGE);
        }
        if let Some(error) = rec.error {
            // Spec: a failed recording leaves the buffer invalid.
            rec.state = State::Initial;
            rec.commands.clear();
            return Err(error);
        }
        let commands = std::mem::take(&mut rec.commands);
        tracing::debug!("command buffer recorded: {} commands", commands.len());
        rec.finished = Some(Arc::new(commands));
        rec.state = State::Executable;
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkResetCommandBuffer`.
pub unsafe extern "system" fn reset_command_buffer(
    command_buffer: vk::CommandBuffer,
    _flags: vk::CommandBufferResetFlags,
) -> vk::Result {
    guard("vkResetCommandBuffer", || {
        dispatchable::<CommandBuffer>(command_buffer)?.reset();
        Ok(vk::Result::SUCCESS)
    })
}

/// Secondary command buffers are inlined: their commands run where this one is recorded.
///
/// # Safety
/// Vulkan's rules for `vkCmdExecuteCommands`.
pub unsafe extern "system" fn cmd_execute_commands(
    command_buffer: vk::CommandBuffer,
    count: u32,
    p_command_buffers: *const vk::CommandBuffer,
) {
    record(command_buffer, "vkCmdExecuteCommands", || {
        let secondaries = read_slice(p_command_buffers, count)
            .iter()
            .map(|&cb| dispatchable::<CommandBuffer>(cb)?.snapshot_as(vk::CommandBufferLevel::SECONDARY))
            .collect::<VkResult<Vec<_>>>()?;
        Ok(Command::ExecuteCommands(secondaries))
    })
}

/// A new reference to the object behind a handle passed to a `vkCmd*` call.
pub fn object<T: Object>(handle: T::Handle) -> VkResult<Arc<T>> {
    // SAFETY: recorders pass handles the application gave to a vkCmd* call.
    unsafe { get::<T>(handle) }
}
