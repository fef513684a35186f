#!/usr/bin/env bash
# Quality gate for a site built by abierto.
#
#   tests/browser/run.sh OUT_DIR BASE_PATH [extra options for check.mjs]
#   e.g. tests/browser/run.sh /tmp/site /red/
#
# Installs what it needs (npm packages from package-lock.json; Debian's
# chromium and a Java runtime when missing and running as root), serves
# OUT_DIR under BASE_PATH on 127.0.0.1 and runs every check. Exit status:
# 0 all checks pass, 1 a check failed, 2 the suite could not run.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [ $# -lt 1 ]; then
  echo "usage: $0 OUT_DIR BASE_PATH [--only=html,a11y,keyboard,phone,hosts,links,weight,js] [--no-screenshots]" >&2
  exit 2
fi
OUT_DIR="$1"
BASE_PATH="${2:-/}"
shift $(( $# >= 2 ? 2 : 1 ))

if [ ! -d "$OUT_DIR" ]; then
  echo "error: site folder not found: $OUT_DIR" >&2
  exit 2
fi
OUT_DIR="$(cd "$OUT_DIR" && pwd)"

# shellcheck source=lib/setup.sh
. "$HERE/lib/setup.sh"

cd "$HERE"
exec node "$HERE/check.mjs" "$OUT_DIR" "$BASE_PATH" "$@"
