//! What the report says about SwiftShader beyond its device properties: where the
//! library came from, why it may be missing, and how many threads it ran with.
//!
//! `scripts/bench.sh` takes SwiftShader's Vulkan ICD from Debian's `chromium-common`
//! package and passes what it knows in `BENCH_SWIFTSHADER_SOURCE` (the package and its
//! version) or `BENCH_SWIFTSHADER_MISSING` (why there is no SwiftShader this run).
//!
//! SwiftShader reads no thread variable from the environment. Its marl scheduler takes
//! `[Processor] ThreadCount` from a `SwiftShader.ini` in the working directory
//! (`src/System/SwiftConfig.cpp`); without it the worker count is min(online CPUs, 16),
//! online CPUs being `sysconf(_SC_NPROCESSORS_ONLN)`, which ignores `taskset`. The workers
//! are pinned to CPUs 0..N-1, N the number of CPUs the process may use (marl's
//! `Affinity::all`), which is the `taskset -c 0-(T-1)` set of a `--scaling` run.

/// Where SwiftShader's ICD came from (`BENCH_SWIFTSHADER_SOURCE`), for the driver line.
pub fn source() -> Option<String> {
    non_empty_env("BENCH_SWIFTSHADER_SOURCE")
}

/// Why `scripts/bench.sh` found no SwiftShader (`BENCH_SWIFTSHADER_MISSING`).
pub fn missing() -> Option<String> {
    non_empty_env("BENCH_SWIFTSHADER_MISSING")
}

fn non_empty_env(name: &str) -> Option<String> {
    std::env::var(name).ok().map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
}

/// The threads part of the report's header for SwiftShader, from `./SwiftShader.ini`.
pub fn threads_setting(online_cpus: usize) -> String {
    let ini = std::fs::read_to_string("SwiftShader.ini").unwrap_or_default();
    describe_threads(thread_count(&ini), online_cpus)
}

fn describe_threads(configured: Option<u32>, online_cpus: usize) -> String {
    match configured {
        Some(count) => format!("SwiftShader ThreadCount={count} (marl workers, from ./SwiftShader.ini)"),
        None => format!(
            "SwiftShader {} marl workers (no ThreadCount in ./SwiftShader.ini: min(online CPUs, 16))",
            online_cpus.min(16)
        ),
    }
}

/// `[Processor] ThreadCount` of a SwiftShader.ini, as SwiftShader's `Configurator` reads
/// it: `[section]` lines, `key=value` lines (trimmed, the last one wins), `;` and `#`
/// comments; a value containing `0x` is hexadecimal. 0 means "default", so `None`.
pub fn thread_count(ini: &str) -> Option<u32> {
    let mut section = "";
    let mut value = None;
    for line in ini.lines() {
        let Some(position) = line.find([';', '#', '[', '=']) else {
            continue;
        };
        match line.as_bytes()[position] {
            b'[' => {
                if let Some(end) = line.rfind(']').filter(|&end| end > position) {
                    section = line[position + 1..end].trim();
                }
            }
            b'=' if section == "Processor" && line[..position].trim() == "ThreadCount" => {
                value = Some(line[position + 1..].trim());
            }
            _ => {}
        }
    }
    let value = value?;
    let count = match value.find("0x") {
        Some(start) => leading_number(&value[start + 2..], 16),
        None => leading_number(value, 10),
    };
    count.filter(|&c| c > 0)
}

/// The number at the start of `text` in `radix`, as a C++ stream reads one.
fn leading_number(text: &str, radix: u32) -> Option<u32> {
    let end = text.find(|c: char| !c.is_digit(radix)).unwrap_or(text.len());
    u32::from_str_radix(&text[..end], radix).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thread_count_is_read_from_the_processor_section() {
        let ini =
            "# written by bench.sh\n[Profiler]\nThreadCount=9\n\n[Processor]\nAffinityMask=0xf\nThreadCount = 4\r\n";
        assert_eq!(thread_count(ini), Some(4));
        assert_eq!(thread_count("[Processor]\nThreadCount=0x10\n"), Some(16));
        assert_eq!(thread_count("[Processor]\nThreadCount=1\nThreadCount=3\n"), Some(3));
    }

    #[test]
    fn missing_or_zero_thread_count_means_the_default() {
        assert_eq!(thread_count(""), None);
        assert_eq!(thread_count("[Processor]\n# ThreadCount=4\n"), None);
        assert_eq!(thread_count("[Processor]\nThreadCount=0\n"), None);
        assert_eq!(thread_count("ThreadCount=4\n"), None);
    }

    #[test]
    fn default_thread_count_is_capped_at_sixteen() {
        assert!(describe_threads(None, 64).starts_with("SwiftShader 16 marl workers"));
        assert!(describe_threads(None, 2).starts_with("SwiftShader 2 marl workers"));
        assert!(describe_threads(Some(3), 2).starts_with("SwiftShader ThreadCount=3"));
    }
}
