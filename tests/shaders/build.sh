#!/usr/bin/env bash
# Regenerates the .spv of every shader here from its source, then validates every .spv.
# Run after editing a shader; commit both.
#
#   NAME.comp     GLSL, glslc (Debian's glslc package), -O unless the source says otherwise
#   NAME.hlsl     HLSL compute shader, entry point main, through glslc's HLSL front end
#   NAME.wgsl     WGSL, naga (naga-cli: `cargo install naga-cli`)
#   NAME.spvasm   SPIR-V assembly, spirv-as (spirv-tools), for what no compiler emits
#
# A source can replace the default flags of its tool with a line in its first five lines:
#   // glslc: -O0                        (GLSL and HLSL; the flags that replace -O)
#   ; spirv-env: vulkan1.1spv1.4          (assembly: spirv-as and spirv-val environment)
#   // spirv-val: --scalar-block-layout   (any source: flags for spirv-val, for layouts that
#                                          a device feature allows)
# Every .spv is checked by spirv-val for Vulkan 1.1 (or the environment its source names).
set -euo pipefail
cd "$(dirname "$0")"

flags_of() { # file, marker, default
    local line
    line=$(head -n 5 "$1" | grep -m1 -E "^(//|;) $2:" || true)
    if [ -n "$line" ]; then echo "${line#*: }"; else echo "$3"; fi
}

declare -A source_of
for src in *.comp *.hlsl *.wgsl *.spvasm; do
    [ -e "$src" ] || continue
    stem="${src%.*}"
    if [ -n "${source_of[$stem]:-}" ]; then
        echo "build.sh: $src and ${source_of[$stem]} would both make $stem.spv" >&2
        exit 1
    fi
    source_of[$stem]="$src"
done

declare -A env_of
for stem in "${!source_of[@]}"; do
    src="${source_of[$stem]}"
    env_of[$stem]=vulkan1.1
    case "$src" in
        *.comp)
            # shellcheck disable=SC2046
            glslc $(flags_of "$src" glslc -O) --target-env=vulkan1.1 "$src" -o "$stem.spv"
            ;;
        *.hlsl)
            # shellcheck disable=SC2046
            glslc $(flags_of "$src" glslc -O) -fshader-stage=compute -x hlsl --target-env=vulkan1.1 "$src" -o "$stem.spv"
            ;;
        *.wgsl)
            naga "$src" "$stem.spv" >/dev/null
            ;;
        *.spvasm)
            env_of[$stem]=$(flags_of "$src" spirv-env vulkan1.1)
            spirv-as --target-env "${env_of[$stem]}" "$src" -o "$stem.spv"
            ;;
    esac
done

for spv in *.spv; do
    stem="${spv%.spv}"
    if [ -z "${source_of[$stem]:-}" ]; then
        echo "build.sh: $spv has no source here" >&2
        exit 1
    fi
    # shellcheck disable=SC2046
    spirv-val --target-env "${env_of[$stem]}" $(flags_of "${source_of[$stem]}" spirv-val "") "$spv"
done
echo "built and validated ${#source_of[@]} shaders"
