#!/usr/bin/env bash
# Builds softvk and the benchmark harness (bench/) in release and runs every workload on
# softvk and on Mesa's lavapipe, interleaved, writing a section of BENCHMARKS.md.
#
#   bash scripts/bench.sh [bench options]       # e.g. --quick, --filter copy, --runs 15
#   bash scripts/bench.sh --scaling [options]   # one run per thread count T in 1 2 4 8 16
#                                               # (T <= nproc), pinned to CPUs 0..T-1 with
#                                               # RAYON_NUM_THREADS=T LP_NUM_THREADS=T,
#                                               # sections threads-T, then the scaling table
#
# BENCH_SKIP_BUILD=1 skips the build and install steps (binaries already built).
# BENCH_PEER_ICD overrides lavapipe's manifest (default: lvp_icd.<arch>.json).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    bash scripts/install-deps.sh
    cargo build --release -p softvk -p softvk-bench
fi

peer="${BENCH_PEER_ICD:-/usr/share/vulkan/icd.d/lvp_icd.$(uname -m).json}"
[ -f "$peer" ] || { echo "bench.sh: lavapipe manifest $peer not found (set BENCH_PEER_ICD)" >&2; exit 1; }
export VK_ICD_FILENAMES="$PWD/icd.json:$peer"
unset VK_DRIVER_FILES VK_ADD_DRIVER_FILES

if [ "${1:-}" = "--scaling" ]; then
    shift
    cpus=$(nproc)
    counts=()
    for threads in 1 2 4 8 16; do
        [ "$threads" -le "$cpus" ] || continue
        counts+=("$threads")
        echo "bench.sh: $threads thread(s)" >&2
        RAYON_NUM_THREADS=$threads LP_NUM_THREADS=$threads \
            taskset -c "0-$((threads - 1))" ./target/release/bench --section "threads-$threads" "$@"
    done
    # Pass --out through to the table builder when given.
    out_args=()
    while [ $# -gt 0 ]; do
        case "$1" in
            --out) out_args=(--out "$2"); shift 2 ;;
            *) shift ;;
        esac
    done
    list=$(IFS=,; echo "${counts[*]}")
    ./target/release/bench --scaling-section "$list" "${out_args[@]}"
else
    ./target/release/bench "$@"
fi
