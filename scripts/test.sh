#!/usr/bin/env bash
# Installs what the tests need, builds the driver (the tests load target/release/libsoftvk.so
# through the loader and icd.json), and runs every test of the workspace.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cargo build --release -p softvk
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
cargo test --workspace --no-fail-fast 2>&1
