#!/usr/bin/env bash
# Regenerates the .spv of every shader here from its source (glslc from Debian's glslc
# package, spirv-as from spirv-tools). Run after editing a shader; commit both.
#   *.comp          -> NAME.spv
#   *.vert, *.frag  -> NAME.vert.spv, NAME.frag.spv
#   *.spvasm        -> NAME.spv (assembly for what GLSL cannot express)
#   refused/*.spvasm -> refused/NAME.spv: modules softvk must refuse with an error; many
#                      are invalid for Vulkan, so they are assembled but not validated.
set -euo pipefail
cd "$(dirname "$0")"
for src in *.comp; do
    glslc -O --target-env=vulkan1.1 "$src" -o "${src%.comp}.spv"
done
for src in *.vert *.frag; do
    [ -e "$src" ] || continue
    glslc -O --target-env=vulkan1.1 "$src" -o "$src.spv"
done
for src in *.spvasm; do
    [ -e "$src" ] || continue
    spirv-as --target-env vulkan1.1 "$src" -o "${src%.spvasm}.spv"
done
for spv in *.spv; do
    spirv-val --target-env vulkan1.1 "$spv"
done
for src in refused/*.spvasm; do
    [ -e "$src" ] || continue
    spirv-as --target-env vulkan1.1 "$src" -o "${src%.spvasm}.spv"
done
