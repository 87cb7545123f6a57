#!/usr/bin/env bash
# Installs what the tests need, builds the driver (the tests load target/release/libsoftvk.so
# through the loader and icd.json), and runs every test of the workspace. Ends with one
# line that sums up all test binaries: "N passed, M failed".
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cargo build --release -p softvk
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
log="$(mktemp)"
status=0
cargo test --workspace --no-fail-fast 2>&1 | tee "$log" || status=$?
awk '/^test result:/ { passed += $4; failed += $6 } END { printf "%d passed, %d failed\n", passed, failed }' "$log"
rm -f "$log"
exit "$status"
