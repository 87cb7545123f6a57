//! BENCHMARKS.md holds several sections (one per run kind, thread count or machine), each
//! between `<!-- bench:begin NAME -->` and `<!-- bench:end NAME -->`. A run rewrites its
//! own section and leaves the rest of the file alone; a new section is appended.

use std::path::Path;

const PREAMBLE: &str = "# Benchmarks\n\n\
Measured by `bash scripts/bench.sh` (the harness is `bench/`; `bash scripts/bench.sh --scaling` \
adds the per-thread-count sections and the scaling table). Each section between \
`bench:begin` / `bench:end` markers is rewritten by the run that produced it; the others stay.\n\n\
softvk is measured beside two peers, interleaved: Mesa's lavapipe (`mesa-vulkan-drivers`) and \
Google's SwiftShader, whose Vulkan ICD comes from Debian's `chromium-common` package (chromium's \
copy when installed, else fetched with `apt-get download` and unpacked into `target/swiftshader/`).\n\n";

fn begin_marker(name: &str) -> String {
    format!("<!-- bench:begin {name} -->")
}

fn end_marker(name: &str) -> String {
    format!("<!-- bench:end {name} -->")
}

/// The body of section `name` in `text`, without its markers.
pub fn extract<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    let begin = begin_marker(name);
    let start = text.find(&begin)? + begin.len();
    let end = text[start..].find(&end_marker(name))? + start;
    Some(&text[start..end])
}

/// `text` with section `name` set to `body` (replaced in place, or appended).
pub fn replace(text: &str, name: &str, body: &str) -> String {
    let block = format!("{}\n{}\n{}", begin_marker(name), body.trim_matches('\n'), end_marker(name));
    let begin = begin_marker(name);
    let end = end_marker(name);
    if let Some(start) = text.find(&begin) {
        if let Some(stop) = text[start..].find(&end) {
            let stop = start + stop + end.len();
            return format!("{}{block}{}", &text[..start], &text[stop..]);
        }
    }
    let mut out = text.to_string();
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
    }
    out.push_str(&block);
    out.push('\n');
    out
}

/// Writes section `name` of the file at `path`, creating the file when missing.
pub fn write(path: &Path, name: &str, body: &str) -> std::io::Result<()> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => PREAMBLE.to_string(),
        Err(e) => return Err(e),
    };
    std::fs::write(path, replace(&text, name, body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replacing_a_section_keeps_the_others() {
        let text = replace("# T\n", "a", "one");
        let text = replace(&text, "b", "two");
        let text = replace(&text, "a", "three");
        assert_eq!(extract(&text, "a"), Some("\nthree\n"));
        assert_eq!(extract(&text, "b"), Some("\ntwo\n"));
        assert!(text.starts_with("# T\n"));
        assert_eq!(text.matches("bench:begin a").count(), 1);
    }
}
