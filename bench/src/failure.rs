//! Why a workload has no number for a device: the device returned an error, lacks a
//! feature the workload needs, or something else went wrong (a child process died, a
//! panic was caught). The report prints these in the table cell instead of a time; the
//! harness never panics on them.

use ash::vk;
use std::fmt;

/// The outcome of a workload on a device that is not a measurement.
#[derive(Clone, Debug)]
pub enum Failure {
    /// A Vulkan call returned this error code.
    Vk(vk::Result),
    /// The device cannot run the workload (a format feature is missing...).
    Skipped(String),
    /// Anything else, described.
    Error(String),
}

impl From<vk::Result> for Failure {
    fn from(result: vk::Result) -> Self {
        Failure::Vk(result)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Vk(result) => write!(f, "failed: {result:?}"),
            Failure::Skipped(why) => write!(f, "skipped: {why}"),
            Failure::Error(what) => write!(f, "failed: {what}"),
        }
    }
}

/// Runs `body`, turning a panic into a [`Failure`] so that one broken workload cannot end
/// the whole benchmark.
pub fn catch_panic<T>(body: impl FnOnce() -> Result<T, Failure>) -> Result<T, Failure> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(body)) {
        Ok(result) => result,
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            Err(Failure::Error(format!("panicked: {message}")))
        }
    }
}
