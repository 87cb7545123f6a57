#!/usr/bin/env bash
# Installs what the tests need, builds the driver (the tests load target/release/libsoftvk.so
# through the loader and icd.json), and runs every test of the workspace under Khronos's
# validation layer, which fails any test whose own use of Vulkan is wrong. Then runs the
# integration suite once more against Mesa's lavapipe: the same tests passing on a second
# driver is how the tests themselves are checked. Ends with one line that sums up all test
# binaries of both runs: "N passed, M failed".
#
# Everything builds in the release profile, once: the tests, the driver and the demo
# share one set of compiled dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cargo build --release -p softvk
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
export SOFTVK_TEST_VALIDATION=require
log="$(mktemp)"
status=0
echo "== softvk: every test of the workspace"
cargo test --release --workspace --no-fail-fast 2>&1 | tee "$log" || status=$?
lavapipe=/usr/share/vulkan/icd.d/lvp_icd.x86_64.json
echo "== lavapipe ($lavapipe): the integration suite, checking the tests themselves"
SOFTVK_TEST_ICD="$lavapipe" cargo test --release -p softvk-tests --no-fail-fast 2>&1 | tee -a "$log" || status=$?
awk '/^test result:/ { passed += $4; failed += $6 } END { printf "%d passed, %d failed\n", passed, failed }' "$log"
rm -f "$log"
exit "$status"
