#!/usr/bin/env bash
# Installs softvk where the Khronos loader looks without any variable, as a distribution's
# Vulkan driver is installed:
#
#   DIR/lib/libsoftvk.so
#   DIR/share/vulkan/icd.d/softvk_icd.x86_64.json   (library_path: the absolute path above)
#
#   bash scripts/install.sh [--prefix DIR] [--no-build]   DIR defaults to /usr/local
#   bash scripts/install.sh [--prefix DIR] --uninstall
#
# The loader searches $XDG_DATA_DIRS/vulkan/icd.d, and XDG_DATA_DIRS defaults to
# /usr/local/share:/usr/share, so the default prefix needs nothing else. For another prefix,
# add DIR/share to XDG_DATA_DIRS. softvk is built first (as the calling user) when cargo is
# there, unless --no-build; copying into a prefix that user cannot write uses sudo.
#
# The install writes a receipt (DIR/share/softvk/installed) of every file and directory it
# created; --uninstall removes exactly those, directories only when they are empty.
set -euo pipefail
cd "$(dirname "$0")/.."

prefix=/usr/local
action=install
build=1
usage() { sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || { usage >&2; exit 2; }; prefix="$2"; shift 2 ;;
        --prefix=*) prefix="${1#--prefix=}"; shift ;;
        --uninstall) action=uninstall; shift ;;
        --no-build) build=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "install.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
    esac
done
case "$prefix" in /*) ;; *) prefix="$PWD/$prefix" ;; esac
prefix="${prefix%/}"

receipt="$prefix/share/softvk/installed"
lib="$prefix/lib/libsoftvk.so"
manifest="$prefix/share/vulkan/icd.d/softvk_icd.x86_64.json"

# Runs a command as root when the prefix is not writable by the caller.
as_owner() {
    local probe="$prefix"
    while [ ! -e "$probe" ]; do probe="$(dirname "$probe")"; done
    if [ -w "$probe" ] && { [ ! -e "$prefix/share" ] || [ -w "$prefix/share" ]; }; then
        "$@"
    elif [ "$(id -u)" -eq 0 ]; then
        "$@"
    else
        sudo "$@"
    fi
}

if [ "$action" = uninstall ]; then
    if [ ! -f "$receipt" ]; then
        echo "install.sh: nothing to uninstall under $prefix (no $receipt)" >&2
        exit 1
    fi
    # Files first, then directories deepest first (the receipt lists them in creation order).
    tac "$receipt" | while IFS=' ' read -r kind path; do
        case "$kind" in
            file) as_owner rm -f -- "$path" ;;
            dir) [ -d "$path" ] && as_owner rmdir --ignore-fail-on-non-empty -- "$path" ;;
        esac
    done
    echo "softvk uninstalled from $prefix"
    exit 0
fi

if [ "$build" = 1 ] && command -v cargo >/dev/null; then
    cargo build --release -p softvk
fi
built="target/release/libsoftvk.so"
[ -f "$built" ] || { echo "install.sh: $built is missing; run cargo build --release -p softvk" >&2; exit 1; }
api_version="$(sed -n 's/.*"api_version": *"\([^"]*\)".*/\1/p' icd.json)"

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
: >"$staging/receipt"
# Creates DIR and each missing parent, noting those it made.
make_dir() {
    local dir="$1" missing=()
    while [ ! -d "$dir" ]; do missing=("$dir" "${missing[@]}"); dir="$(dirname "$dir")"; done
    for d in "${missing[@]}"; do
        as_owner mkdir -- "$d"
        echo "dir $d" >>"$staging/receipt"
    done
}
make_dir "$(dirname "$lib")"
make_dir "$(dirname "$manifest")"
make_dir "$(dirname "$receipt")"
as_owner install -m 644 "$built" "$lib"
echo "file $lib" >>"$staging/receipt"
cat >"$staging/manifest.json" <<JSON
{
    "file_format_version": "1.0.0",
    "ICD": {
        "library_path": "$lib",
        "api_version": "$api_version"
    }
}
JSON
as_owner install -m 644 "$staging/manifest.json" "$manifest"
echo "file $manifest" >>"$staging/receipt"
echo "file $receipt" >>"$staging/receipt"
# A reinstall keeps the directories an earlier install created in the receipt.
if [ -f "$receipt" ]; then
    grep '^dir ' "$receipt" | cat - "$staging/receipt" | awk '!seen[$0]++' >"$staging/merged"
    mv "$staging/merged" "$staging/receipt"
fi
as_owner install -m 644 "$staging/receipt" "$receipt"
echo "softvk installed: $lib, $manifest"
case "$prefix" in
    /usr/local|/usr) ;;
    *) echo "the loader finds it with XDG_DATA_DIRS=$prefix/share:\${XDG_DATA_DIRS:-/usr/local/share:/usr/share}" ;;
esac
