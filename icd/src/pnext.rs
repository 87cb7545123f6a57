//! Walking `pNext` chains.
//!
//! Input chains (`VkXxxCreateInfo`) are read with `find_in`; output chains
//! (`VkXxxProperties2`, `VkMemoryRequirements2`) are filled with `for_each_out`. Structures
//! softvk does not know are skipped, as the spec requires ("Valid Usage for Structure
//! Pointer Chains": implementations ignore structures they do not support).

use ash::vk;

/// Finds the first structure of type `T` in an input chain starting at `p_next`.
///
/// # Safety
/// `p_next` must be null or the start of a valid chain of Vulkan structures.
pub unsafe fn find_in<'a, T: vk::TaggedStructure>(mut p_next: *const std::ffi::c_void) -> Option<&'a T> {
    let mut guard = 0;
    while let Some(base) = (p_next as *const vk::BaseInStructure).as_ref() {
        if base.s_type == T::STRUCTURE_TYPE {
            return Some(&*(p_next as *const T));
        }
        p_next = base.p_next as *const std::ffi::c_void;
        guard += 1;
        if guard > 1024 {
            tracing::error!("pNext chain longer than 1024 structures (a cycle?)");
            return None;
        }
    }
    None
}

/// Calls `visit` with the type and address of each structure of an output chain.
///
/// # Safety
/// `p_next` must be null or the start of a valid, writable chain of Vulkan structures.
pub unsafe fn for_each_out(
    mut p_next: *mut std::ffi::c_void,
    mut visit: impl FnMut(vk::StructureType, *mut std::ffi::c_void),
) {
    let mut guard = 0;
    while let Some(base) = (p_next as *mut vk::BaseOutStructure).as_mut() {
        let next = base.p_next as *mut std::ffi::c_void;
        visit(base.s_type, p_next);
        p_next = next;
        guard += 1;
        if guard > 1024 {
            tracing::error!("pNext chain longer than 1024 structures (a cycle?)");
            return;
        }
    }
}

/// Fills an output structure found in a chain, keeping its `sType` and `pNext`.
///
/// # Safety
/// `ptr` must point at a writable `T` whose `sType` is `T::STRUCTURE_TYPE`.
pub unsafe fn fill<T: vk::TaggedStructure>(ptr: *mut std::ffi::c_void, value: T) {
    let out = ptr as *mut T;
    let p_next = (*(ptr as *mut vk::BaseOutStructure)).p_next;
    out.write(value);
    (*(ptr as *mut vk::BaseOutStructure)).p_next = p_next;
}
