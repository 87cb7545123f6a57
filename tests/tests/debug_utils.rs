//! VK_EXT_debug_utils: messengers receive softvk's own error reports; object names and
//! labels are accepted.

use ash::vk;
use softvk_tests::{create_instance_validated, destroy_instance, load_entry, select_physical_device, Validation};

use std::sync::Mutex;

static MESSAGES: Mutex<Vec<(vk::DebugUtilsMessageSeverityFlagsEXT, String)>> = Mutex::new(Vec::new());

unsafe extern "system" fn collect(
    severity: vk::DebugUtilsMessageSeverityFlagsEXT,
    _types: vk::DebugUtilsMessageTypeFlagsEXT,
    data: *const vk::DebugUtilsMessengerCallbackDataEXT<'_>,
    _user: *mut std::ffi::c_void,
) -> vk::Bool32 {
    // SAFETY: the driver passes valid callback data with a NUL-terminated message.
    let message = unsafe {
        data.as_ref().and_then(|d| d.message_as_c_str()).map(|m| m.to_string_lossy().into_owned()).unwrap_or_default()
    };
    MESSAGES.lock().unwrap_or_else(|e| e.into_inner()).push((severity, message));
    vk::FALSE
}

/// The error is invalid usage on purpose (VUID-vkAllocateMemory-pAllocateInfo-01714), so
/// the validation layer does not watch this instance: the messages are the driver's own.
#[test]
fn driver_errors_reach_the_application_messenger() {
    let entry = load_entry();
    let extensions = [ash::ext::debug_utils::NAME.as_ptr()];
    let instance = create_instance_validated(&entry, &extensions, std::ptr::null(), Validation::Off)
        .expect("instance with VK_EXT_debug_utils");
    let debug = ash::ext::debug_utils::Instance::new(&entry, &instance);
    let info = vk::DebugUtilsMessengerCreateInfoEXT::default()
        .message_severity(vk::DebugUtilsMessageSeverityFlagsEXT::ERROR | vk::DebugUtilsMessageSeverityFlagsEXT::WARNING)
        .message_type(vk::DebugUtilsMessageTypeFlagsEXT::GENERAL | vk::DebugUtilsMessageTypeFlagsEXT::VALIDATION)
        .pfn_user_callback(Some(collect));
    // SAFETY: valid create info; the callback is a plain function.
    let messenger = unsafe { debug.create_debug_utils_messenger(&info, None) }.expect("vkCreateDebugUtilsMessengerEXT");

    let (physical_device, properties) = select_physical_device(&instance);
    let priorities = [1.0f32];
    let queues = [vk::DeviceQueueCreateInfo::default().queue_family_index(0).queue_priorities(&priorities)];
    // SAFETY: valid create info.
    let device = unsafe {
        instance.create_device(physical_device, &vk::DeviceCreateInfo::default().queue_create_infos(&queues), None)
    }
    .expect("vkCreateDevice");

    // Object names are accepted.
    let debug_device = ash::ext::debug_utils::Device::new(&instance, &device);
    // SAFETY: valid create info.
    let fence = unsafe { device.create_fence(&vk::FenceCreateInfo::default(), None) }.expect("fence");
    let name_info = vk::DebugUtilsObjectNameInfoEXT::default().object_handle(fence).object_name(c"the-fence");
    // SAFETY: the fence is live.
    unsafe { debug_device.set_debug_utils_object_name(&name_info) }.expect("vkSetDebugUtilsObjectNameEXT");

    // An error softvk detects: a memory type that does not exist. Undefined behaviour on
    // other drivers, so made only on softvk, which promises an error and a message.
    if properties.device_name_as_c_str().ok() == Some(c"softvk") {
        let bad = vk::MemoryAllocateInfo::default().allocation_size(4096).memory_type_index(31);
        // SAFETY: the call is invalid on purpose; softvk refuses it cleanly.
        let result = unsafe { device.allocate_memory(&bad, None) };
        assert!(result.is_err(), "memory type 31 must be refused");
        let messages = MESSAGES.lock().unwrap_or_else(|e| e.into_inner()).clone();
        assert!(
            messages.iter().any(|(severity, text)| *severity == vk::DebugUtilsMessageSeverityFlagsEXT::ERROR
                && text.contains("memory type 31")),
            "softvk's error did not reach the messenger: {messages:?}"
        );
    }

    // SAFETY: children destroyed before parents.
    unsafe {
        device.destroy_fence(fence, None);
        device.destroy_device(None);
        debug.destroy_debug_utils_messenger(messenger, None);
    }
    destroy_instance(&instance);
}
