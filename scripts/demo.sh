#!/usr/bin/env bash
# Builds softvk and runs its demo: renders through the Khronos loader into exported memory,
# and a second process (shm's receive_png, no Vulkan) maps it and writes softvk-demo.png.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cargo build --release -p softvk -p softvk-tests --bin demo
cargo build --release -p shm --example receive_png
VK_ICD_FILENAMES="$PWD/icd.json" ./target/release/demo "${1:-softvk-demo.png}"
