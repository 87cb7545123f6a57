//! Why a workload has no number for a device: the device returned an error, does not
//! support what the workload needs (a format feature, an extension), the harness could
//! not run it (no manifest of its own...), or something else went wrong (a child process
//! died, a panic was caught). The report prints these in the table cell instead of a
//! time; the harness never panics on them.

use ash::vk;
use std::fmt;

/// The outcome of a workload on a device that is not a measurement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// A Vulkan call returned this error code.
    Vk(vk::Result),
    /// The device cannot run the workload (a format feature or an extension is missing...).
    Unsupported(String),
    /// The harness did not run the workload on this device (no manifest of its own...).
    Skipped(String),
    /// Anything else, described.
    Error(String),
}

impl From<vk::Result> for Failure {
    /// The codes that say "this device does not do that" become [`Failure::Unsupported`].
    fn from(result: vk::Result) -> Self {
        match result {
            vk::Result::ERROR_EXTENSION_NOT_PRESENT
            | vk::Result::ERROR_FEATURE_NOT_PRESENT
            | vk::Result::ERROR_FORMAT_NOT_SUPPORTED => Failure::Unsupported(format!("{result:?}")),
            _ => Failure::Vk(result),
        }
    }
}

/// A described error from code that reports errors as text (`?` on `Result<_, String>`).
impl From<String> for Failure {
    fn from(what: String) -> Self {
        Failure::Error(what)
    }
}

impl From<&str> for Failure {
    fn from(what: &str) -> Self {
        Failure::Error(what.to_string())
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Vk(result) => write!(f, "failed: {result:?}"),
            Failure::Unsupported(why) => write!(f, "unsupported: {why}"),
            Failure::Skipped(why) => write!(f, "skipped: {why}"),
            Failure::Error(what) => write!(f, "failed: {what}"),
        }
    }
}

impl Failure {
    /// Reads back what a child process printed after `failed\t` (this type's `Display`),
    /// keeping the unsupported / skipped distinction across the process boundary.
    pub fn from_child(text: &str) -> Self {
        let text = text.trim();
        if let Some(why) = text.strip_prefix("unsupported: ") {
            Failure::Unsupported(why.to_string())
        } else if let Some(why) = text.strip_prefix("skipped: ") {
            Failure::Skipped(why.to_string())
        } else {
            Failure::Error(text.strip_prefix("failed: ").unwrap_or(text).to_string())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_extension_reads_as_unsupported() {
        let failure = Failure::from(vk::Result::ERROR_EXTENSION_NOT_PRESENT);
        assert_eq!(failure.to_string(), "unsupported: ERROR_EXTENSION_NOT_PRESENT");
        assert_eq!(Failure::from(vk::Result::ERROR_DEVICE_LOST).to_string(), "failed: ERROR_DEVICE_LOST");
    }

    #[test]
    fn child_failures_keep_their_kind_across_the_process_boundary() {
        for failure in [
            Failure::Unsupported("R8G8B8A8_SRGB lacks BLIT_SRC".into()),
            Failure::Skipped("no manifest".into()),
            Failure::Error("vkCreateDevice: ERROR_INITIALIZATION_FAILED".into()),
        ] {
            assert_eq!(Failure::from_child(&failure.to_string()), failure);
        }
        assert_eq!(Failure::from_child("something odd"), Failure::Error("something odd".into()));
    }
}
