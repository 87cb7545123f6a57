//! External memory: what can be exported or imported, and how.
//!
//! softvk's memory is shared memory, so export and import are nearly free (see
//! `docs/external-memory.md`):
//! * **KHR, OPAQUE_FD** — memory allocated with `VkExportMemoryAllocateInfo` is a sealed
//!   memfd; `vkGetMemoryFdKHR` returns a new fd for it (a dup) each call; importing with
//!   `VkImportMemoryFdInfoKHR` maps the fd and takes ownership of it on success.
//! * **NV** (`VK_NV_external_memory`) — its handle types are Windows handles. On POSIX
//!   softvk carries `OPAQUE_WIN32_BIT_NV` as an fd: memory allocated with
//!   `VkExportMemoryAllocateInfoNV` is the same memfd, fetched with `vkGetMemoryFdKHR`
//!   and imported with `VkImportMemoryFdInfoKHR`. D3D11 and KMT handle types have no
//!   features.
//! * **Host pointers** (`VK_EXT_external_memory_host`) — the application's pages become
//!   the allocation, without a copy.
//!
//! Byte N of an exported fd is byte N of the `VkDeviceMemory`: no header, no private
//! layout.

use crate::entry::{guard, guard_void, read_in, write_out};
use crate::handles::borrow;
use crate::memory::DeviceMemory;
use crate::physical_device::image_format_properties;
use crate::pnext;
use ash::vk;
use std::os::fd::IntoRawFd;

/// Alignment of imported host pointers and their sizes: the page size.
pub const HOST_POINTER_ALIGNMENT: u64 = 4096;

type MemoryHandle = vk::ExternalMemoryHandleTypeFlags;
type MemoryFeature = vk::ExternalMemoryFeatureFlags;

/// What softvk can do with a KHR memory handle type, for images and buffers alike.
pub fn memory_properties(handle_type: MemoryHandle) -> Option<vk::ExternalMemoryProperties> {
    match handle_type {
        MemoryHandle::OPAQUE_FD => Some(vk::ExternalMemoryProperties {
            external_memory_features: MemoryFeature::EXPORTABLE | MemoryFeature::IMPORTABLE,
            export_from_imported_handle_types: MemoryHandle::OPAQUE_FD,
            compatible_handle_types: MemoryHandle::OPAQUE_FD,
        }),
        MemoryHandle::HOST_ALLOCATION_EXT => Some(vk::ExternalMemoryProperties {
            external_memory_features: MemoryFeature::IMPORTABLE,
            export_from_imported_handle_types: MemoryHandle::empty(),
            compatible_handle_types: MemoryHandle::HOST_ALLOCATION_EXT,
        }),
        _ => None,
    }
}

/// How `vkAllocateMemory` should make an allocation, from its pNext chain.
pub enum Source {
    Plain,
    Exportable,
    ImportFd(std::os::fd::RawFd),
    ImportHost(*mut u8),
}

/// Reads the external-memory structures of a `VkMemoryAllocateInfo` chain.
///
/// # Safety
/// `p_next` is a valid input chain.
pub unsafe fn allocation_source(p_next: *const std::ffi::c_void, size: u64) -> Result<Source, vk::Result> {
    // spec: an import structure whose handleType is 0 imports nothing.
    if let Some(import) = pnext::find_in::<vk::ImportMemoryFdInfoKHR>(p_next).filter(|i| !i.handle_type.is_empty()) {
        if import.handle_type != MemoryHandle::OPAQUE_FD {
            tracing::error!("vkAllocateMemory: fd import of handle type {:?} is not supported", import.handle_type);
            return Err(vk::Result::ERROR_INVALID_EXTERNAL_HANDLE);
        }
        return Ok(Source::ImportFd(import.fd));
    }
    if let Some(import) =
        pnext::find_in::<vk::ImportMemoryHostPointerInfoEXT>(p_next).filter(|i| !i.handle_type.is_empty())
    {
        let address = import.p_host_pointer as u64;
        if import.handle_type != MemoryHandle::HOST_ALLOCATION_EXT
            || address == 0
            || !address.is_multiple_of(HOST_POINTER_ALIGNMENT)
            || !size.is_multiple_of(HOST_POINTER_ALIGNMENT)
        {
            tracing::error!("vkAllocateMemory: host pointer {address:#x} ({:?}, {size} bytes) is not importable: page-aligned HOST_ALLOCATION pointers and sizes only", import.handle_type);
            return Err(vk::Result::ERROR_INVALID_EXTERNAL_HANDLE);
        }
        return Ok(Source::ImportHost(import.p_host_pointer as *mut u8));
    }
    if let Some(export) = pnext::find_in::<vk::ExportMemoryAllocateInfo>(p_next) {
        if !export.handle_types.is_empty() {
            if export.handle_types != MemoryHandle::OPAQUE_FD {
                tracing::error!(
                    "vkAllocateMemory: export as {:?} is not supported (OPAQUE_FD is)",
                    export.handle_types
                );
                return Err(vk::Result::ERROR_INVALID_EXTERNAL_HANDLE);
            }
            return Ok(Source::Exportable);
        }
    }
    if let Some(export) = pnext::find_in::<vk::ExportMemoryAllocateInfoNV>(p_next) {
        if !export.handle_types.is_empty() {
            if export.handle_types != vk::ExternalMemoryHandleTypeFlagsNV::OPAQUE_WIN32 {
                tracing::error!(
                    "vkAllocateMemory: NV export as {:?} is not supported (OPAQUE_WIN32, carried as an fd, is)",
                    export.handle_types
                );
                return Err(vk::Result::ERROR_INVALID_EXTERNAL_HANDLE);
            }
            return Ok(Source::Exportable);
        }
    }
    Ok(Source::Plain)
}

/// Makes the segment behind a new allocation.
///
/// # Safety
/// For `ImportHost`, the application's pointer must stay valid for the allocation's
/// lifetime (its promise under VK_EXT_external_memory_host).
pub unsafe fn make_segment(source: Source, size: usize) -> Result<shm::Segment, vk::Result> {
    match source {
        Source::Plain => shm::Segment::anonymous(size).map_err(|err| {
            tracing::error!("vkAllocateMemory: {size} bytes: {err}");
            vk::Result::ERROR_OUT_OF_DEVICE_MEMORY
        }),
        Source::Exportable => shm::Segment::exportable("softvk-memory", size).map_err(|err| {
            tracing::error!("vkAllocateMemory: exportable {size} bytes: {err}");
            vk::Result::ERROR_OUT_OF_DEVICE_MEMORY
        }),
        // SAFETY: the application owns `fd` and hands it over on success only.
        Source::ImportFd(fd) => import_opaque_fd(fd, size, "vkAllocateMemory"),
        Source::ImportHost(ptr) => Ok(shm::Segment::from_host_pointer(ptr, size)),
    }
}

/// Maps an OPAQUE_FD handed over by an application (memory, or a fence or semaphore
/// payload): only shared memory sealed against shrinking, at least `size` bytes, is
/// accepted, so that no other holder can make the mapping fault. Ownership of `fd` passes
/// to the segment on success only; on failure the fd is untouched (the import rules of
/// VK_KHR_external_{memory,fence,semaphore}_fd). `what` names the command in the log.
///
/// # Safety
/// If `fd` is open, the caller (the application) must own it and give it up when this
/// returns `Ok`.
pub unsafe fn import_opaque_fd(fd: std::os::fd::RawFd, size: usize, what: &str) -> Result<shm::Segment, vk::Result> {
    if !shm::is_sealed_memory(fd) {
        tracing::error!("{what}: fd {fd} is not sealed shared memory exported by a Vulkan driver");
        return Err(vk::Result::ERROR_INVALID_EXTERNAL_HANDLE);
    }
    // SAFETY: the caller's contract, which is import_raw's.
    unsafe { shm::Segment::import_raw(fd, size) }.map_err(|err| {
        tracing::error!("{what}: importing fd {fd}: {err}");
        vk::Result::ERROR_INVALID_EXTERNAL_HANDLE
    })
}

/// # Safety
/// Vulkan's rules for `vkGetMemoryFdKHR`.
pub unsafe extern "system" fn get_memory_fd(
    _device: vk::Device,
    p_info: *const vk::MemoryGetFdInfoKHR<'_>,
    p_fd: *mut i32,
) -> vk::Result {
    guard("vkGetMemoryFdKHR", || {
        let info = read_in(p_info)?;
        let memory = borrow::<DeviceMemory>(info.memory)?;
        if info.handle_type != MemoryHandle::OPAQUE_FD {
            tracing::error!("vkGetMemoryFdKHR: handle type {:?} is not exportable (OPAQUE_FD is)", info.handle_type);
            return Err(vk::Result::ERROR_INVALID_EXTERNAL_HANDLE);
        }
        let fd = memory.segment.export_fd().map_err(|err| {
            tracing::error!("vkGetMemoryFdKHR: {err} (was the memory allocated with export info?)");
            if err.raw_os_error() == Some(24) {
                vk::Result::ERROR_TOO_MANY_OBJECTS
            } else {
                vk::Result::ERROR_INVALID_EXTERNAL_HANDLE
            }
        })?;
        write_out(p_fd, fd.into_raw_fd())?;
        Ok(vk::Result::SUCCESS)
    })
}

/// OPAQUE_FD handles carry no properties to query (spec: this command is for other types).
///
/// # Safety
/// Vulkan's rules for `vkGetMemoryFdPropertiesKHR`.
pub unsafe extern "system" fn get_memory_fd_properties(
    _device: vk::Device,
    handle_type: MemoryHandle,
    _fd: i32,
    _p_properties: *mut vk::MemoryFdPropertiesKHR<'_>,
) -> vk::Result {
    guard("vkGetMemoryFdPropertiesKHR", || {
        tracing::error!("vkGetMemoryFdPropertiesKHR: handle type {handle_type:?} is not supported");
        Err(vk::Result::ERROR_INVALID_EXTERNAL_HANDLE)
    })
}

/// # Safety
/// Vulkan's rules for `vkGetMemoryHostPointerPropertiesEXT`.
pub unsafe extern "system" fn get_memory_host_pointer_properties(
    _device: vk::Device,
    handle_type: MemoryHandle,
    p_host_pointer: *const std::ffi::c_void,
    p_properties: *mut vk::MemoryHostPointerPropertiesEXT<'_>,
) -> vk::Result {
    guard("vkGetMemoryHostPointerPropertiesEXT", || {
        if handle_type != MemoryHandle::HOST_ALLOCATION_EXT
            || !(p_host_pointer as u64).is_multiple_of(HOST_POINTER_ALIGNMENT)
        {
            return Err(vk::Result::ERROR_INVALID_EXTERNAL_HANDLE);
        }
        let out = p_properties.as_mut().ok_or(crate::entry::INVALID_USAGE)?;
        out.memory_type_bits = 1;
        Ok(vk::Result::SUCCESS)
    })
}

/// `vkGetPhysicalDeviceExternalImageFormatPropertiesNV`, as the extension defines it:
/// handle type 0 gives the plain image-format properties with zeroed external members;
/// OPAQUE_WIN32 (an fd on POSIX) is exportable and importable; D3D11 and KMT have no
/// features.
///
/// # Safety
/// Vulkan's rules for the command.
#[allow(clippy::too_many_arguments)]
pub unsafe extern "system" fn get_physical_device_external_image_format_properties_nv(
    _physical_device: vk::PhysicalDevice,
    format: vk::Format,
    ty: vk::ImageType,
    tiling: vk::ImageTiling,
    usage: vk::ImageUsageFlags,
    flags: vk::ImageCreateFlags,
    handle_type: vk::ExternalMemoryHandleTypeFlagsNV,
    p_properties: *mut vk::ExternalImageFormatPropertiesNV,
) -> vk::Result {
    guard("vkGetPhysicalDeviceExternalImageFormatPropertiesNV", || {
        let image_format_properties = image_format_properties(format, ty, tiling, usage, flags)?;
        type NvHandle = vk::ExternalMemoryHandleTypeFlagsNV;
        type NvFeature = vk::ExternalMemoryFeatureFlagsNV;
        let (features, compatible) = if handle_type.contains(NvHandle::OPAQUE_WIN32) {
            (NvFeature::EXPORTABLE | NvFeature::IMPORTABLE, NvHandle::OPAQUE_WIN32)
        } else {
            (NvFeature::empty(), NvHandle::empty())
        };
        write_out(
            p_properties,
            vk::ExternalImageFormatPropertiesNV {
                image_format_properties,
                external_memory_features: features,
                export_from_imported_handle_types: compatible,
                compatible_handle_types: compatible,
            },
        )?;
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkGetPhysicalDeviceExternalBufferProperties`.
pub unsafe extern "system" fn get_physical_device_external_buffer_properties(
    _physical_device: vk::PhysicalDevice,
    p_info: *const vk::PhysicalDeviceExternalBufferInfo<'_>,
    p_properties: *mut vk::ExternalBufferProperties<'_>,
) {
    guard_void("vkGetPhysicalDeviceExternalBufferProperties", || {
        let (Ok(info), Some(out)) = (read_in(p_info), p_properties.as_mut()) else { return };
        out.external_memory_properties = memory_properties(info.handle_type).unwrap_or_default();
    })
}
