#!/usr/bin/env bash
# Builds softvk and the benchmark harness (bench/) in release and runs every workload on
# softvk and on its two peers, Mesa's lavapipe and Google's SwiftShader, interleaved,
# writing a section of BENCHMARKS.md.
#
#   bash scripts/bench.sh [bench options]       # e.g. --quick, --filter copy, --runs 15
#   bash scripts/bench.sh --scaling [options]   # one run per thread count T in 1 2 4 8 16
#                                               # (T <= nproc), pinned to CPUs 0..T-1 with
#                                               # RAYON_NUM_THREADS=T LP_NUM_THREADS=T and
#                                               # SwiftShader's ThreadCount=T (below),
#                                               # sections threads-T, then the scaling table
#
# With --scaling, BENCH_SECTION_PREFIX=P names the sections Pthreads-T and Pscaling, so
# that a run of some workloads (--filter) keeps the full run's sections, e.g.
#   BENCH_SECTION_PREFIX=compute- bash scripts/bench.sh --scaling \
#       --filter saxpy,sgemm,reduce,compute-pipeline
# and BENCH_THREAD_COUNTS="1 2" runs only those thread counts: the scaling table is still
# composed from every Pthreads-T section in the file (T in 1 2 4 8 16, T <= nproc), so a
# long scaling run can be split over several calls that share BENCHMARKS.md.
#
# BENCH_SKIP_BUILD=1 skips the build and install steps (binaries already built), the
# download of SwiftShader included.
# BENCH_PEER_ICD overrides lavapipe's manifest (default: lvp_icd.<arch>.json).
# BENCH_SWIFTSHADER_ICD overrides SwiftShader's manifest. Otherwise it is
# /usr/lib/chromium/vk_swiftshader_icd.json when chromium is installed, else the one in
# Debian's chromium-common package (the package that ships SwiftShader's Vulkan ICD,
# libvk_swiftshader.so, which needs only libc, libm and libgcc_s): fetched once with
# `apt-get download` and unpacked with `dpkg -x` into target/swiftshader/, without
# installing chromium. Without SwiftShader the run goes on with softvk and lavapipe, and
# the report says why.
#
# SwiftShader reads no thread variable: its scheduler takes `[Processor] ThreadCount`
# from a SwiftShader.ini in the working directory (default: online CPUs, at most 16).
# --scaling writes that file here for each T and removes it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    bash scripts/install-deps.sh
    cargo build --release -p softvk -p softvk-bench
fi

peer="${BENCH_PEER_ICD:-/usr/share/vulkan/icd.d/lvp_icd.$(uname -m).json}"
[ -f "$peer" ] || { echo "bench.sh: lavapipe manifest $peer not found (set BENCH_PEER_ICD)" >&2; exit 1; }

# SwiftShader: sets $swiftshader to its manifest and exports BENCH_SWIFTSHADER_SOURCE, or
# leaves $swiftshader empty and exports BENCH_SWIFTSHADER_MISSING (both read by bench).
swiftshader=""
cache="$PWD/target/swiftshader"
cached_manifest="$cache/usr/lib/chromium/vk_swiftshader_icd.json"
download_swiftshader() {
    # The package lists may be stale or absent on a fresh machine: update them once.
    local download="$cache/download"
    rm -rf "$cache" && mkdir -p "$download"
    (cd "$download" && { apt-get download chromium-common || { apt-get update -q && apt-get download chromium-common; }; }) >&2 \
        || return 1
    local deb
    deb=$(ls "$download"/chromium-common_*.deb 2>/dev/null | head -n 1)
    [ -n "$deb" ] && dpkg -x "$deb" "$cache/unpacked" || return 1
    # Keep only the ICD (the package is ~30 MB of browser resources besides it).
    mkdir -p "$(dirname "$cached_manifest")"
    mv "$cache/unpacked/usr/lib/chromium/vk_swiftshader_icd.json" \
        "$cache/unpacked/usr/lib/chromium/libvk_swiftshader.so" "$(dirname "$cached_manifest")/" || return 1
    echo "chromium-common $(dpkg-deb -f "$deb" Version) (Debian, apt-get download)" > "$cache/SOURCE"
    rm -rf "$download" "$cache/unpacked"
}
if [ -n "${BENCH_SWIFTSHADER_ICD:-}" ]; then
    if [ -f "$BENCH_SWIFTSHADER_ICD" ]; then
        swiftshader="$BENCH_SWIFTSHADER_ICD"
    else
        export BENCH_SWIFTSHADER_MISSING="BENCH_SWIFTSHADER_ICD=$BENCH_SWIFTSHADER_ICD does not exist"
    fi
elif [ -n "${BENCH_SWIFTSHADER_MISSING:-}" ]; then
    : # the caller (scripts/device-bench.sh) already knows there is none
elif [ -f /usr/lib/chromium/vk_swiftshader_icd.json ]; then
    swiftshader=/usr/lib/chromium/vk_swiftshader_icd.json
    version=$(dpkg-query -W -f='${Version}' chromium-common 2>/dev/null || true)
    export BENCH_SWIFTSHADER_SOURCE="${BENCH_SWIFTSHADER_SOURCE:-chromium-common ${version:-(version unknown)} (installed)}"
elif [ -f "$cached_manifest" ]; then
    swiftshader="$cached_manifest"
elif [ "${BENCH_SKIP_BUILD:-0}" = 1 ]; then
    export BENCH_SWIFTSHADER_MISSING="no SwiftShader manifest, and BENCH_SKIP_BUILD=1 skips its download"
elif download_swiftshader; then
    swiftshader="$cached_manifest"
else
    rm -rf "$cache"
    export BENCH_SWIFTSHADER_MISSING="could not fetch Debian's chromium-common with apt-get download (set BENCH_SWIFTSHADER_ICD)"
fi
if [ "$swiftshader" = "$cached_manifest" ] && [ -z "${BENCH_SWIFTSHADER_SOURCE:-}" ] && [ -f "$cache/SOURCE" ]; then
    export BENCH_SWIFTSHADER_SOURCE="$(cat "$cache/SOURCE")"
fi
if [ -n "$swiftshader" ]; then
    unset BENCH_SWIFTSHADER_MISSING
    export VK_ICD_FILENAMES="$PWD/icd.json:$peer:$swiftshader"
else
    echo "bench.sh: SwiftShader not measured: $BENCH_SWIFTSHADER_MISSING" >&2
    export VK_ICD_FILENAMES="$PWD/icd.json:$peer"
fi
unset VK_DRIVER_FILES VK_ADD_DRIVER_FILES

# The present-x11-* workloads: two Xvfb servers, with MIT-SHM and without (the fallback a
# remote display gets), stopped when the script ends. Without Xvfb they are skipped.
xvfb_pids=()
stop_xvfb() { for pid in "${xvfb_pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
start_xvfb() { # DISPLAY_NUMBER [Xvfb options]: starts it and waits for its socket
    local n=$1; shift
    Xvfb ":$n" -screen 0 1920x1080x24 -nolisten tcp "$@" >/dev/null 2>&1 &
    xvfb_pids+=($!)
    for _ in $(seq 50); do [ -S "/tmp/.X11-unix/X$n" ] && return 0; sleep 0.1; done
    return 1
}
if command -v Xvfb >/dev/null && [ -z "${BENCH_X11_DISPLAY:-}" ]; then
    base=$(( 200 + $$ % 500 ))
    if start_xvfb "$base" && start_xvfb "$((base + 1))" -extension MIT-SHM; then
        export BENCH_X11_DISPLAY=":$base" BENCH_X11_DISPLAY_NOSHM=":$((base + 1))"
    else
        echo "bench.sh: Xvfb did not start; the present-x11 workloads are skipped" >&2
    fi
fi

# SwiftShader.ini: only ever one that this script wrote is replaced or removed.
ini_marker="# written by scripts/bench.sh --scaling"
ours() { [ -f SwiftShader.ini ] && head -n 1 SwiftShader.ini | grep -qxF "$ini_marker"; }
if ours; then rm -f SwiftShader.ini; fi

if [ "${1:-}" = "--scaling" ]; then
    shift
    if [ -e SwiftShader.ini ]; then
        echo "bench.sh: ./SwiftShader.ini exists; --scaling sets SwiftShader's ThreadCount there, move it away first" >&2
        exit 1
    fi
    trap 'if ours; then rm -f SwiftShader.ini; fi; stop_xvfb' EXIT
    cpus=$(nproc)
    prefix="${BENCH_SECTION_PREFIX:-}"
    counts=()
    for threads in 1 2 4 8 16; do
        [ "$threads" -le "$cpus" ] || continue
        counts+=("$threads")
        case " ${BENCH_THREAD_COUNTS:-1 2 4 8 16} " in *" $threads "*) ;; *) continue ;; esac
        echo "bench.sh: $threads thread(s)" >&2
        printf '%s\n[Processor]\nThreadCount=%s\n' "$ini_marker" "$threads" > SwiftShader.ini
        RAYON_NUM_THREADS=$threads LP_NUM_THREADS=$threads \
            taskset -c "0-$((threads - 1))" ./target/release/bench --section "${prefix}threads-$threads" "$@"
    done
    rm -f SwiftShader.ini
    # Pass --out through to the table builder when given.
    out_args=()
    while [ $# -gt 0 ]; do
        case "$1" in
            --out) out_args=(--out "$2"); shift 2 ;;
            *) shift ;;
        esac
    done
    list=$(IFS=,; echo "${counts[*]}")
    ./target/release/bench --scaling-section "$list" --threads-prefix "$prefix" "${out_args[@]}"
else
    trap stop_xvfb EXIT
    ./target/release/bench "$@"
fi
