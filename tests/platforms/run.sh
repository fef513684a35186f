#!/usr/bin/env bash
# abierto on other systems, from this Linux machine:
#   - Windows: cross-built for x86_64-pc-windows-gnu (Debian's mingw-w64), its
#     unit tests run under wine64, and one build of the example site by the
#     Windows binary compared byte for byte with the Linux binary's;
#   - Linux musl: a static binary (musl-tools) that builds the example site too.
# A target that cannot be installed here is reported as SKIPPED with the reason,
# never passed silently.
#   tests/platforms/run.sh LINUX_ABIERTO_BINARY
set -uo pipefail
cd "$(dirname "$0")/../.."
linux=$(realpath "${1:?usage: run.sh LINUX_ABIERTO_BINARY}")
target_dir=${CARGO_TARGET_DIR:-target}
work=$(mktemp -d)
trap 'WINEPREFIX="$work/wine" wineserver -k >/dev/null 2>&1; rm -rf "$work"' EXIT
export ABIERTO_TODAY=2026-01-15
skipped=0

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; elif sudo -n true 2>/dev/null; then sudo "$@"; else return 1; fi
}

# needs PACKAGE COMMAND: installs the Debian package unless COMMAND exists.
needs() {
    command -v "$2" >/dev/null 2>&1 && return 0
    as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq "$1" >/dev/null 2>&1 ||
        { as_root apt-get -o DPkg::Lock::Timeout=300 update -qq >/dev/null 2>&1 &&
            as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq "$1" >/dev/null 2>&1; }
    command -v "$2" >/dev/null 2>&1
}

skip() {
    echo "SKIPPED: $1" >&2
    skipped=$((skipped + 1))
}

# same_portal A B: the two portals hold the same files, byte for byte.
same_portal() {
    if diff -r -x .abierto-manifest "$1" "$2" >"$work/diff" 2>&1; then
        echo "  same output as the Linux build ($(find "$1" -type f | wc -l) files)"
    else
        head -20 "$work/diff" >&2
        echo "error: $3 built the example site differently from Linux" >&2
        exit 1
    fi
}

ABIERTO_CACHE_DIR="$work/cache-linux" "$linux" build example-site -o "$work/linux" --quiet || exit 1

echo "-- Windows (x86_64-pc-windows-gnu, under wine64)"
if ! rustup target add x86_64-pc-windows-gnu >/dev/null 2>&1; then
    skip "rustup cannot add the x86_64-pc-windows-gnu target on this machine"
elif ! needs gcc-mingw-w64-x86-64 x86_64-w64-mingw32-gcc; then
    skip "Debian's gcc-mingw-w64-x86-64 cannot be installed here"
elif ! needs wine64 wine; then
    skip "Debian's wine64 cannot be installed here"
else
    wine=$(command -v wine)
    export WINEDEBUG=-all WINEPREFIX="$work/wine"
    export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER="$wine"
    cargo build --locked --target x86_64-pc-windows-gnu --bin abierto || exit 1
    cargo test --locked --target x86_64-pc-windows-gnu --lib --no-run || exit 1
    windows="$target_dir/x86_64-pc-windows-gnu/debug"
    # wine 8 (Debian 12) has no bcryptprimitives.dll, which Rust's standard
    # library loads since 1.78: a stand-in beside the programs (tests/platforms/).
    x86_64-w64-mingw32-gcc -shared -O2 -o "$work/bcryptprimitives.dll" \
        tests/platforms/bcryptprimitives.c tests/platforms/bcryptprimitives.def -ladvapi32 || exit 1
    cp "$work/bcryptprimitives.dll" "$windows/"
    cp "$work/bcryptprimitives.dll" "$windows/deps/"
    "$wine" wineboot -i >/dev/null 2>&1 || true
    cargo test --locked --target x86_64-pc-windows-gnu --lib || exit 1
    ABIERTO_CACHE_DIR="$work/cache-win" "$wine" "$windows/abierto.exe" \
        build example-site -o "$work/windows" --quiet || exit 1
    same_portal "$work/linux" "$work/windows" "the Windows binary"
fi

echo "-- Linux, static (x86_64-unknown-linux-musl)"
if ! rustup target add x86_64-unknown-linux-musl >/dev/null 2>&1; then
    skip "rustup cannot add the x86_64-unknown-linux-musl target on this machine"
elif ! needs musl-tools musl-gcc; then
    skip "Debian's musl-tools cannot be installed here"
else
    cargo build --locked --target x86_64-unknown-linux-musl --bin abierto || exit 1
    musl="$target_dir/x86_64-unknown-linux-musl/debug/abierto"
    if ldd "$musl" 2>&1 | grep -q "=>"; then
        ldd "$musl" >&2
        echo "error: the musl binary is not static" >&2
        exit 1
    fi
    ABIERTO_CACHE_DIR="$work/cache-musl" "$musl" build example-site -o "$work/musl" --quiet || exit 1
    same_portal "$work/linux" "$work/musl" "the static musl binary"
fi

echo "platforms: $skipped skipped"
