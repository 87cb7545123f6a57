//! `SOFTVK_DUMP_SHADERS=<dir>`: each compiled pipeline stage's SPIR-V disassembly and its
//! IR before and after the passes, as `<dir>/<module hash>-<entry>.{spvasm,ir,opt.ir}`,
//! so a learner can follow every step of the compiler on their own shader.

use std::path::PathBuf;

fn directory() -> Option<PathBuf> {
    std::env::var_os("SOFTVK_DUMP_SHADERS").filter(|d| !d.is_empty()).map(PathBuf::from)
}

pub fn enabled() -> bool {
    directory().is_some()
}

/// Writes `text` to `<dir>/<hash>-<entry>.<suffix>`; failures are logged, never fatal.
pub fn write(hash: u64, entry: &str, suffix: &str, text: &str) {
    let Some(dir) = directory() else { return };
    let safe: String = entry.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '_' }).collect();
    let path = dir.join(format!("{hash:016x}-{safe}.{suffix}"));
    if let Err(e) = std::fs::create_dir_all(&dir).and_then(|_| std::fs::write(&path, text)) {
        tracing::warn!("SOFTVK_DUMP_SHADERS: cannot write {}: {e}", path.display());
    }
}
