//! Khronos's validation layer over the tests' own use of the API.
//!
//! Every instance the harness creates enables `VK_LAYER_KHRONOS_validation` (Debian's
//! `vulkan-validationlayers`) when it is installed, with a `VK_EXT_debug_utils` messenger
//! that records each message of ERROR severity. When the instance is destroyed
//! ([`crate::destroy_instance`], or a [`crate::Context`] dropping) a recorded error fails
//! the test: a test the layer flags is a wrong test, on softvk and on lavapipe alike.
//!
//! `SOFTVK_TEST_VALIDATION`: unset or `auto` uses the layer when it is installed;
//! `require` (what `scripts/test.sh` sets) fails a test when the layer is missing; `off`
//! never loads it. Tests that misuse the API on purpose (the bad-input suite) create their
//! instances with [`Validation::Off`].

use ash::vk;
use std::collections::HashMap;
use std::ffi::{c_void, CStr};
use std::sync::{Mutex, OnceLock};

pub const LAYER_NAME: &CStr = c"VK_LAYER_KHRONOS_validation";
pub const MODE_VAR: &str = "SOFTVK_TEST_VALIDATION";

/// Whether an instance is created under the validation layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Validation {
    /// As `SOFTVK_TEST_VALIDATION` says (the default for every test).
    Default,
    /// No layer: for tests that misuse the API on purpose.
    Off,
}

/// The messages of ERROR severity the layer sent for one instance.
#[derive(Default)]
pub struct ErrorLog {
    messages: Mutex<Vec<String>>,
}

impl ErrorLog {
    fn push(&self, message: String) {
        self.messages.lock().unwrap_or_else(|e| e.into_inner()).push(message);
    }

    fn take(&self) -> Vec<String> {
        std::mem::take(&mut *self.messages.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

/// Whether instances made with `Validation::Default` load the layer: the environment's
/// choice, checked against what the loader can find (once per process).
pub fn enabled(entry: &ash::Entry, validation: Validation) -> bool {
    if validation == Validation::Off {
        return false;
    }
    static AVAILABLE: OnceLock<bool> = OnceLock::new();
    let mode = std::env::var(MODE_VAR).unwrap_or_default();
    if mode == "off" {
        return false;
    }
    let available = *AVAILABLE.get_or_init(|| {
        // SAFETY: a global command with no arguments to get wrong.
        let layers = unsafe { entry.enumerate_instance_layer_properties() }.unwrap_or_default();
        layers.iter().any(|l| l.layer_name_as_c_str() == Ok(LAYER_NAME))
    });
    if !available && mode == "require" {
        panic!("{MODE_VAR}=require but the loader finds no {LAYER_NAME:?} (Debian: vulkan-validationlayers)");
    }
    available
}

/// The messenger create info that sends ERROR messages to `log`. Chained into
/// `VkInstanceCreateInfo` it also covers `vkCreateInstance` and `vkDestroyInstance`.
pub fn messenger_info(log: &ErrorLog) -> vk::DebugUtilsMessengerCreateInfoEXT<'static> {
    vk::DebugUtilsMessengerCreateInfoEXT::default()
        .message_severity(vk::DebugUtilsMessageSeverityFlagsEXT::ERROR)
        .message_type(vk::DebugUtilsMessageTypeFlagsEXT::VALIDATION)
        .pfn_user_callback(Some(record_error))
        .user_data(log as *const ErrorLog as *mut c_void)
}

unsafe extern "system" fn record_error(
    _severity: vk::DebugUtilsMessageSeverityFlagsEXT,
    _types: vk::DebugUtilsMessageTypeFlagsEXT,
    p_data: *const vk::DebugUtilsMessengerCallbackDataEXT<'_>,
    p_user_data: *mut c_void,
) -> vk::Bool32 {
    // SAFETY: the layer passes valid callback data for the duration of the call, and
    // p_user_data is the ErrorLog registered with the messenger, which outlives the
    // instance (it is freed only after vkDestroyInstance returns).
    let (data, log) = unsafe { (&*p_data, &*(p_user_data as *const ErrorLog)) };
    // SAFETY: as above; the strings are null or NUL-terminated.
    let text = |p: *const std::ffi::c_char| {
        if p.is_null() {
            String::new()
        } else {
            unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
        }
    };
    let id = text(data.p_message_id_name);
    // softvk forwards its own warnings and errors to the application's messengers (its
    // log lines about refused input, named "softvk"); only the layer's verdicts count.
    if id == "softvk" {
        return vk::FALSE;
    }
    let message = format!("[{id}] {}", text(data.p_message));
    eprintln!("VALIDATION ERROR {message}");
    log.push(message);
    vk::FALSE
}

/// What the harness keeps for an instance under the layer until it is destroyed.
struct Watched {
    log: Box<ErrorLog>,
    messenger: vk::DebugUtilsMessengerEXT,
    functions: ash::ext::debug_utils::Instance,
}

fn watched() -> &'static Mutex<HashMap<u64, Watched>> {
    static WATCHED: OnceLock<Mutex<HashMap<u64, Watched>>> = OnceLock::new();
    WATCHED.get_or_init(Default::default)
}

/// Registers an instance created under the layer: `log` is the one its create info's
/// messenger writes to; a second messenger for the instance's lifetime is made here.
pub fn watch(entry: &ash::Entry, instance: &ash::Instance, log: Box<ErrorLog>) {
    let functions = ash::ext::debug_utils::Instance::new(entry, instance);
    let info = messenger_info(&log);
    // SAFETY: VK_EXT_debug_utils is enabled on the instance; log outlives the messenger.
    let messenger = unsafe { functions.create_debug_utils_messenger(&info, None) }
        .expect("vkCreateDebugUtilsMessengerEXT under the validation layer");
    use ash::vk::Handle;
    let key = instance.handle().as_raw();
    watched().lock().unwrap_or_else(|e| e.into_inner()).insert(key, Watched { log, messenger, functions });
}

/// Before `vkDestroyInstance`: destroys the instance's messenger and hands back its log,
/// which must live until the instance is destroyed (the create info's messenger still
/// reports `vkDestroyInstance`).
pub fn unwatch(instance: &ash::Instance) -> Option<Box<ErrorLog>> {
    use ash::vk::Handle;
    let watched = watched().lock().unwrap_or_else(|e| e.into_inner()).remove(&instance.handle().as_raw())?;
    // SAFETY: the messenger was made for this instance, which is still alive.
    unsafe { watched.functions.destroy_debug_utils_messenger(watched.messenger, None) };
    Some(watched.log)
}

/// After `vkDestroyInstance`: fails the test if the layer reported an error (unless the
/// test is already failing, when a second panic would abort the run).
pub fn check(log: Option<Box<ErrorLog>>) {
    let Some(log) = log else { return };
    let errors = log.take();
    if !errors.is_empty() && !std::thread::panicking() {
        panic!("the validation layer reported {} error(s) in this test's use of Vulkan:\n{}", errors.len(), errors.join("\n"));
    }
}
