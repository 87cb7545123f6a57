//! Derives softvk's build id from the sources of the parts that decide what a pipeline
//! cache holds (the shader compiler and the ICD), so that `pipelineCacheUUID` changes
//! whenever a cache blob from another build could mean something else.

use std::path::Path;

fn hash_dir(dir: &Path, hash: &mut u64) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            hash_dir(&path, hash);
        } else if path.extension().is_some_and(|e| e == "rs") {
            if let Ok(bytes) = std::fs::read(&path) {
                for b in path.to_string_lossy().bytes().chain(bytes) {
                    *hash = (*hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
                }
            }
        }
    }
}

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest);
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    for dir in [root.join("src"), root.join("../shader/src"), root.join("../rasterizer/src")] {
        println!("cargo:rerun-if-changed={}", dir.display());
        hash_dir(&dir, &mut hash);
    }
    println!("cargo:rustc-env=SOFTVK_BUILD_ID={hash:016x}");
}
