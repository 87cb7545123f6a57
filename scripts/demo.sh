#!/usr/bin/env bash
# Builds softvk and runs its demo: renders through the Khronos loader into exported memory,
# and a second process (shm's receive_png, no Vulkan) maps it and writes softvk-demo.png.
#
# Three builds, because a target filter such as `--bin demo` applies to every package
# named beside it: `cargo build -p softvk -p softvk-tests --bin demo` builds no
# libsoftvk.so at all, and the loader then finds no driver.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cargo build --release -p softvk
cargo build --release -p softvk-tests --bin demo
cargo build --release -p shm --example receive_png
test -f target/release/libsoftvk.so || { echo "demo.sh: target/release/libsoftvk.so was not built" >&2; exit 1; }
VK_ICD_FILENAMES="$PWD/icd.json" VK_DRIVER_FILES="$PWD/icd.json" ./target/release/demo "${1:-softvk-demo.png}"
