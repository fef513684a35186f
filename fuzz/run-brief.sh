#!/bin/sh
# Runs every fuzz target briefly (FUZZ_SECONDS each, 30 by default) on the
# stable toolchain, to keep the targets building and catch easy regressions.
# Needs cargo-fuzz (`cargo install cargo-fuzz --locked`) and a C++ compiler
# (libfuzzer-sys builds libFuzzer). Exits non-zero on the first crash, hang
# (10 s) or out-of-memory (2 GB); the input is in fuzz/artifacts/<target>/.
#
# Stable Rust: RUSTC_BOOTSTRAP=1 lets cargo-fuzz pass its -Z flags, and
# `--sanitizer none` skips AddressSanitizer (which needs nightly's -Zsanitizer);
# safe Rust needs no ASan to find panics, hangs and runaway memory.
#
# FUZZ_BUILD=dev builds without optimisation (`cargo fuzz build --dev`):
# quicker to build, slower to run; the default is `-O`.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
seconds="${FUZZ_SECONDS:-30}"
targets="${*:-descriptor front_matter csv kml geojson xlsx markdown serve_path}"
case "${FUZZ_BUILD:-release}" in
    release) build=-O ;;
    dev) build=--dev ;;
    *) echo "FUZZ_BUILD is release or dev, not ${FUZZ_BUILD}" >&2; exit 2 ;;
esac
export RUSTC_BOOTSTRAP=1
./seed.sh > /dev/null
cargo fuzz build --sanitizer none "$build"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for target in $targets; do
    echo "== $target (${seconds} s)"
    status=0
    cargo fuzz run "$target" --sanitizer none "$build" "corpus/$target" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        > "$log" 2>&1 || status=$?
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)' "$log" || true
    if [ "$status" -ne 0 ]; then
        tail -40 "$log"
        echo "fuzz target $target failed (the input is in fuzz/artifacts/$target/)" >&2
        exit 1
    fi
done
