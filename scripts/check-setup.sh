#!/usr/bin/env bash
# What CI checks beyond the test suite: a newcomer's first hour.
#
# 1. The README's first command on a fresh clone of this commit, with its own target
#    directory: `bash scripts/demo.sh` builds softvk and its demo from nothing and writes
#    the PNG (this once failed because nothing had built libsoftvk.so yet).
# 2. The Debian package: `cargo deb -p softvk` (cargo-deb is installed from crates.io when
#    missing), `dpkg -i` of it, `vulkaninfo --summary` finding softvk with no variable set,
#    `dpkg -r`, and nothing of it left behind. Needs root (CI runs as root); skipped with a
#    note otherwise, since it installs into /usr.
# (scripts/install.sh is checked by the suite itself: tests/tests/install.rs.)
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
clean_env=(env -u VK_ICD_FILENAMES -u VK_DRIVER_FILES -u VK_ADD_DRIVER_FILES -u CARGO_TARGET_DIR
    -u DISPLAY -u WAYLAND_DISPLAY XDG_RUNTIME_DIR="$work")

echo "== README's first command on a fresh clone of $(git rev-parse --short HEAD)"
git clone -q --no-hardlinks "$repo" "$work/clone"
started=$SECONDS
(cd "$work/clone" && "${clean_env[@]}" bash scripts/demo.sh "$work/demo.png")
test -s "$work/demo.png" || { echo "check-setup: the demo wrote no PNG" >&2; exit 1; }
echo "demo from a fresh clone: ok ($((SECONDS - started)) s)"

echo "== the Debian package"
if [ "$(id -u)" -ne 0 ]; then
    echo "check-setup: not root, so the .deb is built but not installed"
fi
bash scripts/install-deps.sh dpkg-dev
command -v cargo-deb >/dev/null || cargo install -q --locked cargo-deb
cargo deb -p softvk
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)"
deb="target/debian/softvk_${version}_amd64.deb"
test -f "$deb" || { echo "check-setup: $deb was not built" >&2; ls target/debian >&2; exit 1; }
dpkg-deb --contents "$deb"
if [ "$(id -u)" -eq 0 ]; then
    if dpkg-query -W softvk >/dev/null 2>&1; then
        echo "check-setup: a softvk package is already installed; not touching it" >&2
        exit 1
    fi
    dpkg -i "$deb"
    summary="$("${clean_env[@]}" vulkaninfo --summary 2>&1)" || { echo "$summary"; dpkg -r softvk; exit 1; }
    dpkg -r softvk
    if ! grep -q "deviceName.*= softvk$" <<<"$summary"; then
        echo "$summary"
        echo "check-setup: vulkaninfo did not find softvk installed from $deb" >&2
        exit 1
    fi
    for f in /usr/lib/x86_64-linux-gnu/libsoftvk.so /usr/share/vulkan/icd.d/softvk_icd.x86_64.json; do
        [ ! -e "$f" ] || { echo "check-setup: dpkg -r left $f" >&2; exit 1; }
    done
    echo "the .deb installs, vulkaninfo finds softvk with no variable set, and dpkg -r removes it: ok"
fi
