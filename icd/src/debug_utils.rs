//! `VK_EXT_debug_utils`: messengers, object names and labels.
//!
//! softvk reports its own errors and warnings through the application's messengers: every
//! `tracing` event at WARN or ERROR level (the same lines `SOFTVK_LOG` prints) is also
//! delivered to each live messenger that asked for that severity. Object names are kept
//! so that traces can show them.

use crate::entry::{guard, guard_void, read_in, write_out};
use crate::handles::{dispatchable, new_handle, release, Object};
use crate::instance::Instance;
use ash::vk;
use std::collections::HashMap;
use std::ffi::CString;
use std::sync::{Arc, Mutex, Weak};

pub struct Messenger {
    severities: vk::DebugUtilsMessageSeverityFlagsEXT,
    types: vk::DebugUtilsMessageTypeFlagsEXT,
    callback: vk::PFN_vkDebugUtilsMessengerCallbackEXT,
    user_data: usize,
}

impl Object for Messenger {
    type Handle = vk::DebugUtilsMessengerEXT;
}

impl Messenger {
    fn from_info(info: &vk::DebugUtilsMessengerCreateInfoEXT<'_>) -> Messenger {
        Messenger {
            severities: info.message_severity,
            types: info.message_type,
            callback: info.pfn_user_callback,
            user_data: info.p_user_data as usize,
        }
    }

    fn deliver(
        &self,
        severity: vk::DebugUtilsMessageSeverityFlagsEXT,
        types: vk::DebugUtilsMessageTypeFlagsEXT,
        data: &vk::DebugUtilsMessengerCallbackDataEXT<'_>,
    ) {
        if !self.severities.intersects(severity) || !self.types.intersects(types) {
            return;
        }
        if let Some(callback) = self.callback {
            // SAFETY: the application registered this callback for exactly this use; the
            // data outlives the call.
            unsafe { callback(severity, types, data, self.user_data as *mut std::ffi::c_void) };
        }
    }
}

/// The messengers of one instance (created with the instance or later).
#[derive(Default)]
pub struct Messengers {
    list: Mutex<Vec<Arc<Messenger>>>,
}

/// Every live messenger of every instance, for driver messages that have no instance.
static LIVE: Mutex<Vec<Weak<Messenger>>> = Mutex::new(Vec::new());

/// Makes a messenger hear softvk's own messages for as long as it lives.
fn make_live(messenger: &Arc<Messenger>) {
    LIVE.lock().unwrap_or_else(|e| e.into_inner()).push(Arc::downgrade(messenger));
}

impl Messengers {
    fn add(&self, messenger: Arc<Messenger>) {
        make_live(&messenger);
        self.list.lock().unwrap_or_else(|e| e.into_inner()).push(messenger);
    }

    fn remove(&self, messenger: &Arc<Messenger>) {
        self.list.lock().unwrap_or_else(|e| e.into_inner()).retain(|m| !Arc::ptr_eq(m, messenger));
    }
}

/// Messengers chained into `VkInstanceCreateInfo`: live while the value lives, so they
/// hear about `vkCreateInstance` and nothing after it.
pub struct ScopedMessengers {
    _messengers: Vec<Arc<Messenger>>,
}

impl ScopedMessengers {
    /// # Safety
    /// `p_next` is a valid input chain.
    pub unsafe fn from_chain(mut p_next: *const std::ffi::c_void) -> ScopedMessengers {
        let mut list = Vec::new();
        while let Some(info) = crate::pnext::find_in::<vk::DebugUtilsMessengerCreateInfoEXT>(p_next) {
            let messenger = Arc::new(Messenger::from_info(info));
            make_live(&messenger);
            list.push(messenger);
            p_next = info.p_next;
        }
        ScopedMessengers { _messengers: list }
    }
}

thread_local! {
    static DELIVERING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Sends one driver message to every live messenger.
pub fn report(severity: vk::DebugUtilsMessageSeverityFlagsEXT, message: &str) {
    // A callback that calls back into softvk must not loop.
    if DELIVERING.with(|d| d.replace(true)) {
        return;
    }
    let live: Vec<Arc<Messenger>> = {
        let mut all = LIVE.lock().unwrap_or_else(|e| e.into_inner());
        all.retain(|m| m.strong_count() > 0);
        all.iter().filter_map(Weak::upgrade).collect()
    };
    if !live.is_empty() {
        let text = CString::new(message.replace('\0', " ")).unwrap_or_default();
        let data = vk::DebugUtilsMessengerCallbackDataEXT::default().message_id_name(c"softvk").message(&text);
        for messenger in live {
            messenger.deliver(
                severity,
                vk::DebugUtilsMessageTypeFlagsEXT::VALIDATION | vk::DebugUtilsMessageTypeFlagsEXT::GENERAL,
                &data,
            );
        }
    }
    DELIVERING.with(|d| d.set(false));
}

/// A `tracing` layer that forwards WARN and ERROR events to the messengers.
pub struct MessengerLayer;

impl<S: tracing::Subscriber> tracing_subscriber::Layer<S> for MessengerLayer {
    fn on_event(&self, event: &tracing::Event<'_>, _ctx: tracing_subscriber::layer::Context<'_, S>) {
        let severity = match *event.metadata().level() {
            tracing::Level::ERROR => vk::DebugUtilsMessageSeverityFlagsEXT::ERROR,
            tracing::Level::WARN => vk::DebugUtilsMessageSeverityFlagsEXT::WARNING,
            _ => return,
        };
        let mut message = String::new();
        event.record(&mut MessageVisitor(&mut message));
        report(severity, &message);
    }
}

struct MessageVisitor<'a>(&'a mut String);

impl tracing::field::Visit for MessageVisitor<'_> {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        use std::fmt::Write;
        if field.name() == "message" {
            let _ = write!(self.0, "{value:?}");
        } else {
            let _ = write!(self.0, " {}={value:?}", field.name());
        }
    }
}

static OBJECT_NAMES: Mutex<Option<HashMap<(i32, u64), String>>> = Mutex::new(None);

/// The name an application gave an object, if any.
pub fn object_name(ty: vk::ObjectType, handle: u64) -> Option<String> {
    OBJECT_NAMES.lock().unwrap_or_else(|e| e.into_inner()).as_ref()?.get(&(ty.as_raw(), handle)).cloned()
}

/// # Safety
/// Vulkan's rules for `vkCreateDebugUtilsMessengerEXT`.
pub unsafe extern "system" fn create_debug_utils_messenger(
    instance: vk::Instance,
    p_create_info: *const vk::DebugUtilsMessengerCreateInfoEXT<'_>,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
    p_messenger: *mut vk::DebugUtilsMessengerEXT,
) -> vk::Result {
    guard("vkCreateDebugUtilsMessengerEXT", || {
        let instance = dispatchable::<Instance>(instance)?;
        let messenger = Arc::new(Messenger::from_info(read_in(p_create_info)?));
        instance.state.messengers.add(messenger.clone());
        write_out(p_messenger, new_handle(messenger))?;
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkDestroyDebugUtilsMessengerEXT`.
pub unsafe extern "system" fn destroy_debug_utils_messenger(
    instance: vk::Instance,
    messenger: vk::DebugUtilsMessengerEXT,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
) {
    guard_void("vkDestroyDebugUtilsMessengerEXT", || {
        if let (Ok(instance), Some(messenger)) = (dispatchable::<Instance>(instance), release::<Messenger>(messenger)) {
            instance.state.messengers.remove(&messenger);
        }
    })
}

/// # Safety
/// Vulkan's rules for `vkSubmitDebugUtilsMessageEXT`.
pub unsafe extern "system" fn submit_debug_utils_message(
    instance: vk::Instance,
    severity: vk::DebugUtilsMessageSeverityFlagsEXT,
    types: vk::DebugUtilsMessageTypeFlagsEXT,
    p_data: *const vk::DebugUtilsMessengerCallbackDataEXT<'_>,
) {
    guard_void("vkSubmitDebugUtilsMessageEXT", || {
        let (Ok(instance), Some(data)) = (dispatchable::<Instance>(instance), p_data.as_ref()) else { return };
        let list: Vec<_> = instance.state.messengers.list.lock().unwrap_or_else(|e| e.into_inner()).clone();
        for messenger in list {
            messenger.deliver(severity, types, data);
        }
    })
}

/// # Safety
/// Vulkan's rules for `vkSetDebugUtilsObjectNameEXT`.
pub unsafe extern "system" fn set_debug_utils_object_name(
    _device: vk::Device,
    p_name_info: *const vk::DebugUtilsObjectNameInfoEXT<'_>,
) -> vk::Result {
    guard("vkSetDebugUtilsObjectNameEXT", || {
        let info = read_in(p_name_info)?;
        let key = (info.object_type.as_raw(), info.object_handle);
        let mut names = OBJECT_NAMES.lock().unwrap_or_else(|e| e.into_inner());
        let names = names.get_or_insert_with(HashMap::new);
        match info.object_name_as_c_str() {
            Some(name) if !name.is_empty() => {
                tracing::debug!("object {:?} {:#x} named {:?}", info.object_type, info.object_handle, name);
                names.insert(key, name.to_string_lossy().into_owned());
            }
            _ => {
                names.remove(&key);
            }
        }
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkSetDebugUtilsObjectTagEXT`.
pub unsafe extern "system" fn set_debug_utils_object_tag(
    _device: vk::Device,
    p_tag_info: *const vk::DebugUtilsObjectTagInfoEXT<'_>,
) -> vk::Result {
    guard("vkSetDebugUtilsObjectTagEXT", || {
        read_in(p_tag_info)?;
        // Tags carry tool-specific data that softvk has no use for.
        Ok(vk::Result::SUCCESS)
    })
}

fn label_text(p_label: *const vk::DebugUtilsLabelEXT<'_>) -> String {
    // SAFETY: the application passes a valid label with a NUL-terminated name or null.
    unsafe {
        p_label
            .as_ref()
            .and_then(|l| l.label_name_as_c_str())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }
}

/// # Safety
/// Vulkan's rules for `vkQueueBeginDebugUtilsLabelEXT`.
pub unsafe extern "system" fn queue_begin_debug_utils_label(
    _queue: vk::Queue,
    p_label: *const vk::DebugUtilsLabelEXT<'_>,
) {
    guard_void("vkQueueBeginDebugUtilsLabelEXT", || tracing::debug!("queue label begin: {}", label_text(p_label)))
}

/// # Safety
/// Vulkan's rules for `vkQueueEndDebugUtilsLabelEXT`.
pub unsafe extern "system" fn queue_end_debug_utils_label(_queue: vk::Queue) {
    guard_void("vkQueueEndDebugUtilsLabelEXT", || tracing::debug!("queue label end"))
}

/// # Safety
/// Vulkan's rules for `vkQueueInsertDebugUtilsLabelEXT`.
pub unsafe extern "system" fn queue_insert_debug_utils_label(
    _queue: vk::Queue,
    p_label: *const vk::DebugUtilsLabelEXT<'_>,
) {
    guard_void("vkQueueInsertDebugUtilsLabelEXT", || tracing::debug!("queue label: {}", label_text(p_label)))
}

/// # Safety
/// Vulkan's rules for `vkCmdBeginDebugUtilsLabelEXT`.
pub unsafe extern "system" fn cmd_begin_debug_utils_label(
    command_buffer: vk::CommandBuffer,
    p_label: *const vk::DebugUtilsLabelEXT<'_>,
) {
    crate::command_buffer::record(command_buffer, "vkCmdBeginDebugUtilsLabelEXT", || {
        Ok(crate::commands::Command::Label(format!("begin {}", label_text(p_label))))
    })
}

/// # Safety
/// Vulkan's rules for `vkCmdEndDebugUtilsLabelEXT`.
pub unsafe extern "system" fn cmd_end_debug_utils_label(command_buffer: vk::CommandBuffer) {
    crate::command_buffer::record(command_buffer, "vkCmdEndDebugUtilsLabelEXT", || {
        Ok(crate::commands::Command::Label("end".to_string()))
    })
}

/// # Safety
/// Vulkan's rules for `vkCmdInsertDebugUtilsLabelEXT`.
pub unsafe extern "system" fn cmd_insert_debug_utils_label(
    command_buffer: vk::CommandBuffer,
    p_label: *const vk::DebugUtilsLabelEXT<'_>,
) {
    crate::command_buffer::record(command_buffer, "vkCmdInsertDebugUtilsLabelEXT", || {
        Ok(crate::commands::Command::Label(label_text(p_label)))
    })
}
