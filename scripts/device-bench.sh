#!/usr/bin/env bash
# Runs the benchmark harness on a machine that has neither the Vulkan loader nor Mesa
# (the 16-core measurement machine): unpacks Debian packages carried in .devdebs/
# (libvulkan1, mesa-vulkan-drivers, libllvm15 and their libraries, and chromium-common,
# whose vk_swiftshader_icd.json + libvk_swiftshader.so are SwiftShader's Vulkan ICD; all
# fetched with `apt-get download`) into a private prefix, points lavapipe's manifest,
# SwiftShader's manifest (BENCH_SWIFTSHADER_ICD; its library_path is relative, so it
# works where it is unpacked) and LD_LIBRARY_PATH at it, and runs scripts/bench.sh with
# the softvk library and bench binary carried in .devbin/ (built and stripped on the
# development machine). Without a chromium-common_*.deb the run measures softvk and
# lavapipe only, and the report says so.
#
#   bash scripts/device-bench.sh OUT_DIR [bench.sh arguments]
#
# bench.sh's variables pass through, e.g. the compute workloads alone with thread scaling,
# in sections of their own (compute-threads-T, compute-scaling):
#   BENCH_SECTION_PREFIX=compute- bash scripts/device-bench.sh OUT_DIR --scaling \
#       --filter saxpy,sgemm,reduce,compute-pipeline
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
chromium=$(ls .devdebs/chromium-common_*.deb 2>/dev/null | head -n 1 || true)
if [ -n "$chromium" ] && [ -f "$prefix/usr/lib/chromium/vk_swiftshader_icd.json" ]; then
    export BENCH_SWIFTSHADER_ICD="$prefix/usr/lib/chromium/vk_swiftshader_icd.json"
    export BENCH_SWIFTSHADER_SOURCE="chromium-common $(dpkg-deb -f "$chromium" Version) (Debian, carried in .devdebs)"
else
    export BENCH_SWIFTSHADER_MISSING="no chromium-common_*.deb with SwiftShader's ICD in .devdebs/"
fi
bash scripts/bench.sh "$@"
cp BENCHMARKS.md "$out/"
