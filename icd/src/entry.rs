//! The one wrapper every entry point goes through.
//!
//! `guard` runs the body under `catch_unwind` so that a bug in softvk becomes a logged
//! `VK_ERROR_UNKNOWN` instead of unwinding into C (which would abort the application),
//! traces the call at `trace` level, and turns `Result<(), vk::Result>` into a `VkResult`.
//! It also starts the `SOFTVK_LOG` subscriber the first time any entry point runs.
//!
//! Logging never panics into C either: an application may call Vulkan from a static
//! destructor at exit, after its thread's thread-locals are gone (ncnn does), where
//! tracing-subscriber's per-thread format buffer would panic; events from such a thread
//! are dropped (`thread_alive`), and the guards' own log lines run inside `catch_unwind`.

use ash::vk;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Once;

/// Result type of the code behind an entry point: `Err` carries the Vulkan error code.
pub type VkResult<T> = Result<T, vk::Result>;

/// What softvk returns for input it can tell is invalid (a null pointer or handle, an
/// object in the wrong state, a format or flag it never offered). The spec lets any
/// command return VK_ERROR_UNKNOWN "when an unexpected error occurs that cannot be
/// attributed to valid behavior of the application and implementation"; a log line says
/// what was wrong.
pub const INVALID_USAGE: vk::Result = vk::Result::ERROR_UNKNOWN;

/// What softvk returns for a core command or object it does not implement yet
/// (pipelines, draws, occlusion queries...): VK_ERROR_UNKNOWN too, since the commands'
/// own lists of codes have nothing closer, with a log line naming the command.
pub const NOT_IMPLEMENTED: vk::Result = vk::Result::ERROR_UNKNOWN;

static LOGGING: Once = Once::new();

/// A thread-local with a destructor, touched before every event is printed: it is set up
/// on a thread before the format layer's own buffer, so it is torn down after that buffer,
/// and once it is gone the thread has no logging left.
struct Alive;

impl Drop for Alive {
    fn drop(&mut self) {}
}

thread_local! {
    static ALIVE: Alive = const { Alive };
}

/// Whether this thread's thread-locals still exist (false in exit-time destructors).
fn thread_alive() -> bool {
    ALIVE.try_with(|_| ()).is_ok()
}

/// Runs `log` unless the thread is past its thread-locals; a panic in it is swallowed.
fn log_safely(log: impl FnOnce()) {
    if thread_alive() {
        let _ = catch_unwind(AssertUnwindSafe(log));
    }
}

/// Starts the `tracing` subscriber filtered by `SOFTVK_LOG` (default: warnings), writing to
/// stderr. Safe to call many times; only the first call does anything.
pub fn init_logging() {
    LOGGING.call_once(|| {
        let filter = std::env::var("SOFTVK_LOG").unwrap_or_else(|_| "warn".to_string());
        let filter = tracing_subscriber::EnvFilter::try_new(&filter)
            .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
        use tracing_subscriber::prelude::*;
        let printer = tracing_subscriber::fmt::layer()
            .with_writer(std::io::stderr)
            .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
            .with_target(false)
            .with_filter(filter)
            .with_filter(tracing_subscriber::filter::filter_fn(|_| thread_alive()));
        // An application may have installed its own global subscriber; then we use it.
        let _ = tracing_subscriber::registry()
            .with(printer)
            .with(crate::debug_utils::MessengerLayer.with_filter(tracing_subscriber::filter::LevelFilter::WARN))
            .try_init();
    });
}

/// Runs an entry point that returns a `VkResult`.
pub fn guard(name: &'static str, body: impl FnOnce() -> VkResult<vk::Result>) -> vk::Result {
    trace_call(name);
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(code)) => code,
        Ok(Err(code)) => {
            log_safely(|| tracing::debug!("{name} -> {code:?}"));
            code
        }
        Err(panic) => {
            log_safely(|| {
                tracing::error!("{name}: internal error (panic: {}); returning VK_ERROR_UNKNOWN", panic_message(&panic))
            });
            vk::Result::ERROR_UNKNOWN
        }
    }
}

/// Starts logging if needed and traces the call, both under `log_safely`.
fn trace_call(name: &'static str) {
    log_safely(|| {
        init_logging();
        tracing::trace!(target: "softvk::call", "{name}");
    });
}

/// Runs an entry point that returns nothing (`vkDestroy*`, `vkCmd*`, queries).
pub fn guard_void(name: &'static str, body: impl FnOnce()) {
    trace_call(name);
    if let Err(panic) = catch_unwind(AssertUnwindSafe(body)) {
        log_safely(|| tracing::error!("{name}: internal error (panic: {})", panic_message(&panic)));
    }
}

/// Runs an entry point that returns a value (`vkGetBufferDeviceAddress`, proc addrs),
/// giving `fallback` if it panics.
pub fn guard_value<T>(name: &'static str, fallback: T, body: impl FnOnce() -> T) -> T {
    trace_call(name);
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(value) => value,
        Err(panic) => {
            log_safely(|| tracing::error!("{name}: internal error (panic: {})", panic_message(&panic)));
            fallback
        }
    }
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown".to_string()
    }
}

/// Writes `items` into an application array with Vulkan's two-call idiom: a null `out`
/// asks for the count; otherwise at most `*count` items are written and `VK_INCOMPLETE`
/// says that some were left out.
///
/// # Safety
/// `count` must be valid for reads and writes; `out`, when not null, must point at
/// `*count` writable elements (the application's promise in every `vkEnumerate*`).
pub unsafe fn write_array<T: Copy>(items: &[T], count: *mut u32, out: *mut T) -> VkResult<vk::Result> {
    if count.is_null() {
        return Err(crate::entry::INVALID_USAGE);
    }
    if out.is_null() {
        *count = items.len() as u32;
        return Ok(vk::Result::SUCCESS);
    }
    let n = (*count as usize).min(items.len());
    std::ptr::copy_nonoverlapping(items.as_ptr(), out, n);
    *count = n as u32;
    Ok(if n < items.len() { vk::Result::INCOMPLETE } else { vk::Result::SUCCESS })
}

/// Like `write_array`, for arrays of `*2` structs whose `pNext` the application owns:
/// `fill` writes one item into the application's element in place.
///
/// # Safety
/// As `write_array`.
pub unsafe fn fill_array<T>(
    len: usize,
    count: *mut u32,
    out: *mut T,
    mut fill: impl FnMut(usize, &mut T),
) -> VkResult<vk::Result> {
    if count.is_null() {
        return Err(crate::entry::INVALID_USAGE);
    }
    if out.is_null() {
        *count = len as u32;
        return Ok(vk::Result::SUCCESS);
    }
    let n = (*count as usize).min(len);
    for i in 0..n {
        fill(i, &mut *out.add(i));
    }
    *count = n as u32;
    Ok(if n < len { vk::Result::INCOMPLETE } else { vk::Result::SUCCESS })
}

/// Writes `value` through an output pointer from the application.
///
/// # Safety
/// `out` must be null or valid for a write of `T`.
pub unsafe fn write_out<T>(out: *mut T, value: T) -> VkResult<()> {
    if out.is_null() {
        return Err(crate::entry::INVALID_USAGE);
    }
    out.write(value);
    Ok(())
}

/// Reads an application struct behind a pointer, failing on null.
///
/// # Safety
/// `ptr` must be null or point at a valid `T` for the duration of the call.
pub unsafe fn read_in<'a, T>(ptr: *const T) -> VkResult<&'a T> {
    ptr.as_ref().ok_or(crate::entry::INVALID_USAGE)
}

/// A slice from an application's (pointer, count) pair; empty when count is zero.
///
/// # Safety
/// When `count > 0`, `ptr` must point at `count` valid elements.
pub unsafe fn read_slice<'a, T>(ptr: *const T, count: u32) -> &'a [T] {
    if count == 0 || ptr.is_null() {
        &[]
    } else {
        std::slice::from_raw_parts(ptr, count as usize)
    }
}
