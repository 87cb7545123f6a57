//! The symbols the Khronos loader looks up by name (LoaderDriverInterface.md).
//!
//! Negotiation: the loader passes the highest interface version it supports; softvk
//! answers with the lower of that and 7, and refuses loaders older than 5 (which would
//! not call `vk_icdGetPhysicalDeviceProcAddr`). After that, every entry point is found
//! through `vk_icdGetInstanceProcAddr`. `vkGetInstanceProcAddr` is exported as well so
//! that programs can open the library directly, without the loader.

use crate::entry::guard;
use crate::proc_addr;
use ash::vk;
use std::ffi::c_char;

pub const MIN_INTERFACE_VERSION: u32 = 5;
pub const MAX_INTERFACE_VERSION: u32 = 7;

/// # Safety
/// Called by the loader with a valid pointer.
#[no_mangle]
pub unsafe extern "system" fn vk_icdNegotiateLoaderICDInterfaceVersion(p_version: *mut u32) -> vk::Result {
    guard("vk_icdNegotiateLoaderICDInterfaceVersion", || {
        let version = p_version.as_mut().ok_or(crate::entry::INVALID_USAGE)?;
        if *version < MIN_INTERFACE_VERSION {
            tracing::error!("loader interface version {} is older than {MIN_INTERFACE_VERSION}", *version);
            return Err(vk::Result::ERROR_INCOMPATIBLE_DRIVER);
        }
        *version = (*version).min(MAX_INTERFACE_VERSION);
        tracing::info!("loader interface version {}", *version);
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// `name` must be a NUL-terminated string.
#[no_mangle]
pub unsafe extern "system" fn vk_icdGetInstanceProcAddr(
    instance: vk::Instance,
    name: *const c_char,
) -> vk::PFN_vkVoidFunction {
    proc_addr::get_instance_proc_addr(instance, name)
}

/// # Safety
/// `name` must be a NUL-terminated string.
#[no_mangle]
pub unsafe extern "system" fn vk_icdGetPhysicalDeviceProcAddr(
    instance: vk::Instance,
    name: *const c_char,
) -> vk::PFN_vkVoidFunction {
    proc_addr::get_physical_device_proc_addr(instance, name)
}

/// # Safety
/// `name` must be a NUL-terminated string.
#[no_mangle]
pub unsafe extern "system" fn vkGetInstanceProcAddr(
    instance: vk::Instance,
    name: *const c_char,
) -> vk::PFN_vkVoidFunction {
    proc_addr::get_instance_proc_addr(instance, name)
}
