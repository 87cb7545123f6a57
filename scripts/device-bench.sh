#!/usr/bin/env bash
# Runs the benchmark harness on a machine that has neither the Vulkan loader nor Mesa
# (the 16-core measurement machine): unpacks Debian packages carried in .devdebs/
# (libvulkan1, mesa-vulkan-drivers, libllvm15 and their libraries, fetched with
# `apt-get download`) into a private prefix, points lavapipe's manifest and
# LD_LIBRARY_PATH at it, and runs scripts/bench.sh with the softvk library and bench
# binary carried in .devbin/ (built and stripped on the development machine).
#
#   bash scripts/device-bench.sh OUT_DIR [bench.sh arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:?usage: device-bench.sh OUT_DIR [bench.sh arguments]}"
shift
prefix=/tmp/softvk-vk-prefix
mkdir -p "$prefix" "$out" target/release
for deb in .devdebs/*.deb; do dpkg -x "$deb" "$prefix"; done
lib="$prefix/usr/lib/x86_64-linux-gnu"
export LD_LIBRARY_PATH="$lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
sed "s#/usr/lib/x86_64-linux-gnu#$lib#" "$prefix/usr/share/vulkan/icd.d/lvp_icd.x86_64.json" > "$prefix/lvp_icd.json"
cp .devbin/libsoftvk.so .devbin/bench target/release/
export BENCH_SKIP_BUILD=1 BENCH_PEER_ICD="$prefix/lvp_icd.json"
bash scripts/bench.sh "$@"
cp BENCHMARKS.md "$out/"
