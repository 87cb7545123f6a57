#!/usr/bin/env bash
# Builds softvk and runs its demo through the Khronos loader: writes softvk-demo.png.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cargo build --release -p softvk -p softvk-tests --bin demo
VK_ICD_FILENAMES="$PWD/icd.json" ./target/release/demo "${1:-softvk-demo.png}"
