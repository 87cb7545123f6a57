//! How Vulkan handles become Rust objects, in one place.
//!
//! * Dispatchable handles (instance, physical device, device, queue, command buffer) point
//!   at a `Dispatchable<T>`: its first word is the loader's slot, set to `ICD_LOADER_MAGIC`
//!   at creation, which the loader overwrites with its dispatch table
//!   (LoaderDriverInterface.md, "Driver Dispatchable Object Creation").
//! * Non-dispatchable handles are `Arc<T>` pointers cast to `u64`. An `Arc` rather than a
//!   `Box` because recorded commands and pending submissions hold their own references, so
//!   an object outlives its handle until the last command using it has run.
//!
//! Each object type names its handle type through `Object`, so a handle of one type can
//! never be turned into an object of another.

use crate::entry::VkResult;
use ash::vk::Handle;
use std::sync::Arc;

/// The value of a dispatchable object's first word until the loader claims it.
pub const ICD_LOADER_MAGIC: usize = 0x01CD_C0DE;

/// Ties an object type to its Vulkan handle type.
pub trait Object: Sized + Send + Sync + 'static {
    type Handle: Handle + Copy;
}

#[repr(C)]
pub struct Dispatchable<T> {
    loader_data: usize,
    pub object: T,
}

/// Moves a dispatchable object to the heap and returns its handle.
pub fn new_dispatchable<T: Object>(object: T) -> T::Handle {
    let boxed = Box::new(Dispatchable { loader_data: ICD_LOADER_MAGIC, object });
    T::Handle::from_raw(Box::into_raw(boxed) as u64)
}

/// The object behind a dispatchable handle.
///
/// # Safety
/// `handle` must be null or a live handle made by `new_dispatchable::<T>` (Vulkan's
/// valid-usage rule for every dispatchable parameter).
pub unsafe fn dispatchable<'a, T: Object>(handle: T::Handle) -> VkResult<&'a T> {
    let ptr = handle.as_raw() as *const Dispatchable<T>;
    ptr.as_ref().map(|d| &d.object).ok_or_else(|| {
        tracing::error!("null {} handle", std::any::type_name::<T>());
        crate::entry::INVALID_USAGE
    })
}

/// Frees a dispatchable object. Null handles are ignored, as Vulkan allows.
///
/// # Safety
/// As `dispatchable`, and the handle must not be used again.
pub unsafe fn free_dispatchable<T: Object>(handle: T::Handle) -> Option<T> {
    let ptr = handle.as_raw() as *mut Dispatchable<T>;
    if ptr.is_null() {
        return None;
    }
    Some(Box::from_raw(ptr).object)
}

/// Returns the handle of a new non-dispatchable object.
pub fn new_handle<T: Object>(object: Arc<T>) -> T::Handle {
    T::Handle::from_raw(Arc::into_raw(object) as u64)
}

/// A new reference to the object behind a non-dispatchable handle.
///
/// # Safety
/// `handle` must be null or a live handle made by `new_handle::<T>`.
pub unsafe fn get<T: Object>(handle: T::Handle) -> VkResult<Arc<T>> {
    let ptr = handle.as_raw() as *const T;
    if ptr.is_null() {
        tracing::error!("null {} handle", std::any::type_name::<T>());
        return Err(crate::entry::INVALID_USAGE);
    }
    Arc::increment_strong_count(ptr);
    Ok(Arc::from_raw(ptr))
}

/// Borrows the object behind a non-dispatchable handle for the duration of a call.
///
/// # Safety
/// As `get`; the handle's own reference keeps the object alive during the call.
pub unsafe fn borrow<'a, T: Object>(handle: T::Handle) -> VkResult<&'a T> {
    let ptr = handle.as_raw() as *const T;
    ptr.as_ref().ok_or_else(|| {
        tracing::error!("null {} handle", std::any::type_name::<T>());
        crate::entry::INVALID_USAGE
    })
}

/// Drops the handle's reference (`vkDestroy*` / `vkFree*`); null is ignored.
///
/// # Safety
/// As `get`, and the handle must not be used again.
pub unsafe fn release<T: Object>(handle: T::Handle) -> Option<Arc<T>> {
    let ptr = handle.as_raw() as *const T;
    if ptr.is_null() {
        None
    } else {
        Some(Arc::from_raw(ptr))
    }
}
