#!/usr/bin/env bash
# Installs the system packages softvk's demo, tests and benchmarks use: the Khronos
# loader (libvulkan1), vulkaninfo (vulkan-tools), lavapipe (mesa-vulkan-drivers, one of
# the two peers the benchmarks compare against and the second driver the tests run on;
# scripts/bench.sh fetches the other, SwiftShader, itself), Khronos's validation layer
# (vulkan-validationlayers: the tests run under it), the shader tools (glslc,
# spirv-tools), python3-venv (tests/tests/third_party_ncnn.rs builds a venv for ncnn), and
# the window systems of the WSI tests: for X11 (tests/tests/wsi_x11.rs) the Xvfb server and
# libX11-xcb, which softvk opens at run time for Xlib surfaces (libxcb and libX11 come with
# them); for Wayland (tests/tests/wsi_wayland.rs) weston, started headless per test and read
# back with weston-screenshooter (libwayland-client comes with it).
# Installs only what is missing, so it is quick on a prepared machine.
set -euo pipefail
packages=(libvulkan1 vulkan-tools mesa-vulkan-drivers vulkan-validationlayers glslc spirv-tools python3-venv
    xvfb libx11-xcb1 weston "$@")
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo_cmd=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "install-deps.sh: need root or sudo to install ${missing[*]}" >&2; exit 1; }
        sudo_cmd="sudo"
    fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo_cmd apt-get update -q
    $sudo_cmd apt-get install -y -q "${missing[@]}"
fi
