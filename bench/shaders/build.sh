#!/usr/bin/env bash
# Regenerates the benchmark shaders' SPIR-V from the GLSL here and validates it. Run after
# editing a shader and commit both: the harness embeds the .spv (include_bytes! in
# bench/src/compute.rs), so building it needs no shader compiler.
#
#   glslc (Debian's glslc package) -O for Vulkan 1.1; spirv-val (spirv-tools).
set -euo pipefail
cd "$(dirname "$0")"

built=()
build() { # output.spv source.comp [glslc flags...]
    local out=$1 src=$2
    shift 2
    glslc -O --target-env=vulkan1.1 "$@" "$src" -o "$out"
    spirv-val --target-env vulkan1.1 "$out"
    built+=("$out")
}

build saxpy_256.spv saxpy.comp -DLOCAL_SIZE=256
build saxpy_64.spv saxpy.comp -DLOCAL_SIZE=64
build sgemm_naive.spv sgemm_naive.comp
build sgemm_tiled.spv sgemm_tiled.comp
build reduce.spv reduce.comp

for spv in *.spv; do
    [[ " ${built[*]} " == *" $spv "* ]] || { echo "build.sh: $spv is not built from a source here" >&2; exit 1; }
done
echo "built and validated ${#built[@]} shaders"
