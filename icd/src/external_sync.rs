//! External fences and semaphores: `VK_KHR_external_{fence,semaphore}(_fd)`.
//!
//! `OPAQUE_FD` shares the payload itself (a memfd page, see `sync_payload`): a signal in
//! any process that imported it is seen by all. `SYNC_FD` is a one-shot eventfd that
//! becomes readable when the signal it was exported for happens; binary semaphores and
//! fences support it, timeline semaphores do not.

use crate::entry::{guard, guard_void, read_in, write_out};
use crate::handles::borrow;
use crate::pnext;
use crate::sync::{Fence, Semaphore};
use ash::vk;

type SemHandle = vk::ExternalSemaphoreHandleTypeFlags;
type FenceHandle = vk::ExternalFenceHandleTypeFlags;

/// # Safety
/// Vulkan's rules for `vkGetPhysicalDeviceExternalSemaphoreProperties`.
pub unsafe extern "system" fn get_physical_device_external_semaphore_properties(
    _physical_device: vk::PhysicalDevice,
    p_info: *const vk::PhysicalDeviceExternalSemaphoreInfo<'_>,
    p_properties: *mut vk::ExternalSemaphoreProperties<'_>,
) {
    guard_void("vkGetPhysicalDeviceExternalSemaphoreProperties", || {
        let (Ok(info), Some(out)) = (read_in(p_info), p_properties.as_mut()) else { return };
        let timeline = pnext::find_in::<vk::SemaphoreTypeCreateInfo>(info.p_next)
            .is_some_and(|t| t.semaphore_type == vk::SemaphoreType::TIMELINE);
        let supported =
            info.handle_type == SemHandle::OPAQUE_FD || (info.handle_type == SemHandle::SYNC_FD && !timeline);
        let (types, features) = if supported {
            (
                info.handle_type,
                vk::ExternalSemaphoreFeatureFlags::EXPORTABLE | vk::ExternalSemaphoreFeatureFlags::IMPORTABLE,
            )
        } else {
            (SemHandle::empty(), vk::ExternalSemaphoreFeatureFlags::empty())
        };
        out.export_from_imported_handle_types = types;
        out.compatible_handle_types = types;
        out.external_semaphore_features = features;
    })
}

/// # Safety
/// Vulkan's rules for `vkGetPhysicalDeviceExternalFenceProperties`.
pub unsafe extern "system" fn get_physical_device_external_fence_properties(
    _physical_device: vk::PhysicalDevice,
    p_info: *const vk::PhysicalDeviceExternalFenceInfo<'_>,
    p_properties: *mut vk::ExternalFenceProperties<'_>,
) {
    guard_void("vkGetPhysicalDeviceExternalFenceProperties", || {
        let (Ok(info), Some(out)) = (read_in(p_info), p_properties.as_mut()) else { return };
        let supported = info.handle_type == FenceHandle::OPAQUE_FD || info.handle_type == FenceHandle::SYNC_FD;
        let (types, features) = if supported {
            (info.handle_type, vk::ExternalFenceFeatureFlags::EXPORTABLE | vk::ExternalFenceFeatureFlags::IMPORTABLE)
        } else {
            (FenceHandle::empty(), vk::ExternalFenceFeatureFlags::empty())
        };
        out.export_from_imported_handle_types = types;
        out.compatible_handle_types = types;
        out.external_fence_features = features;
    })
}

/// A SYNC_FD to import is -1 ("already signalled") or a sync file: softvk's own are
/// eventfds, other drivers' are the kernel's sync_file. Anything else (a pipe, a file, a
/// directory, a socket) would never signal, or signal at once, and is refused with the fd
/// left to the application (VUID-VkImportSemaphoreFdInfoKHR-handleType-01143). Without
/// /proc the kind of fd cannot be told, and only an fd that is not open is refused.
fn check_sync_fd(fd: i32, what: &str) -> Result<(), vk::Result> {
    if fd == -1 {
        return Ok(());
    }
    let refuse = |kind: &str| {
        tracing::error!("{what}: fd {fd} ({kind}) is not a sync file");
        Err(vk::Result::ERROR_INVALID_EXTERNAL_HANDLE)
    };
    // SAFETY: F_GETFD only reads the descriptor table.
    if fd < 0 || unsafe { libc::fcntl(fd, libc::F_GETFD) } < 0 {
        return refuse("not open");
    }
    match std::fs::read_link(format!("/proc/self/fd/{fd}")) {
        Ok(target) if target == std::path::Path::new("anon_inode:[eventfd]") || target == std::path::Path::new("anon_inode:sync_file") => Ok(()),
        Ok(target) => refuse(&target.to_string_lossy()),
        Err(_) => Ok(()),
    }
}

/// # Safety
/// Vulkan's rules for `vkGetSemaphoreFdKHR`.
pub unsafe extern "system" fn get_semaphore_fd(
    _device: vk::Device,
    p_info: *const vk::SemaphoreGetFdInfoKHR<'_>,
    p_fd: *mut i32,
) -> vk::Result {
    guard("vkGetSemaphoreFdKHR", || {
        let info = read_in(p_info)?;
        let semaphore = borrow::<Semaphore>(info.semaphore)?;
        let fd = match info.handle_type {
            SemHandle::OPAQUE_FD => semaphore.payload.export_opaque()?,
            SemHandle::SYNC_FD if !semaphore.timeline => semaphore.payload.export_sync()?,
            other => {
                tracing::error!("vkGetSemaphoreFdKHR: handle type {other:?} is not supported for this semaphore");
                return Err(vk::Result::ERROR_INVALID_EXTERNAL_HANDLE);
            }
        };
        write_out(p_fd, fd)?;
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkImportSemaphoreFdKHR`.
pub unsafe extern "system" fn import_semaphore_fd(
    _device: vk::Device,
    p_info: *const vk::ImportSemaphoreFdInfoKHR<'_>,
) -> vk::Result {
    guard("vkImportSemaphoreFdKHR", || {
        let info = read_in(p_info)?;
        let semaphore = borrow::<Semaphore>(info.semaphore)?;
        let temporary = info.flags.contains(vk::SemaphoreImportFlags::TEMPORARY);
        match info.handle_type {
            SemHandle::OPAQUE_FD if !(temporary && semaphore.timeline) => {
                semaphore.payload.import_opaque(info.fd, temporary)?
            }
            SemHandle::SYNC_FD if !semaphore.timeline => {
                check_sync_fd(info.fd, "vkImportSemaphoreFdKHR")?;
                semaphore.payload.import_sync(info.fd)?
            }
            other => {
                tracing::error!("vkImportSemaphoreFdKHR: handle type {other:?} cannot be imported into this semaphore");
                return Err(vk::Result::ERROR_INVALID_EXTERNAL_HANDLE);
            }
        }
        semaphore.shared.store(true, std::sync::atomic::Ordering::Release);
        semaphore.notifier().set_external();
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkGetFenceFdKHR`.
pub unsafe extern "system" fn get_fence_fd(
    _device: vk::Device,
    p_info: *const vk::FenceGetFdInfoKHR<'_>,
    p_fd: *mut i32,
) -> vk::Result {
    guard("vkGetFenceFdKHR", || {
        let info = read_in(p_info)?;
        let fence = borrow::<Fence>(info.fence)?;
        let fd = match info.handle_type {
            FenceHandle::OPAQUE_FD => fence.payload.export_opaque()?,
            FenceHandle::SYNC_FD => fence.payload.export_sync()?,
            other => {
                tracing::error!("vkGetFenceFdKHR: handle type {other:?} is not supported");
                return Err(vk::Result::ERROR_INVALID_EXTERNAL_HANDLE);
            }
        };
        write_out(p_fd, fd)?;
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkImportFenceFdKHR`.
pub unsafe extern "system" fn import_fence_fd(
    _device: vk::Device,
    p_info: *const vk::ImportFenceFdInfoKHR<'_>,
) -> vk::Result {
    guard("vkImportFenceFdKHR", || {
        let info = read_in(p_info)?;
        let fence = borrow::<Fence>(info.fence)?;
        let temporary = info.flags.contains(vk::FenceImportFlags::TEMPORARY);
        match info.handle_type {
            FenceHandle::OPAQUE_FD => fence.payload.import_opaque(info.fd, temporary)?,
            FenceHandle::SYNC_FD => {
                check_sync_fd(info.fd, "vkImportFenceFdKHR")?;
                fence.payload.import_sync(info.fd)?
            }
            other => {
                tracing::error!("vkImportFenceFdKHR: handle type {other:?} is not supported");
                return Err(vk::Result::ERROR_INVALID_EXTERNAL_HANDLE);
            }
        }
        fence.notifier().set_external();
        Ok(vk::Result::SUCCESS)
    })
}
