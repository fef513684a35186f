#!/usr/bin/env bash
# Self-test of the quality gate: runs the checks over small fixture sites,
# one clean and one per defect, and asserts that the right check fails for
# each. Prints "N passed, N failed" at the end; exit 0 only if all pass.
#
#   tests/browser/selftest.sh
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/setup.sh
. "$HERE/lib/setup.sh"

cd "$HERE"
exec node "$HERE/selftest.mjs" "$@"
