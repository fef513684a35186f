#!/usr/bin/env bash
# The table explorer on a generated table of ROWS rows (default 1,000,000):
# makes the site (make_site.py), builds it with ABIERTO (a fresh analysis
# cache), then checks it in headless Chromium (explore.mjs) and prints figures.
#
#   tests/browser/explore/run.sh ABIERTO [ROWS] [WORK_DIR]
#   e.g. tests/browser/explore/run.sh target/debug/abierto
#
# WORK_DIR (default target/explore-gate) keeps the site and the portal; a site
# made by the same make_site.py with the same ROWS is reused.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ $# -lt 1 ]; then
  echo "usage: $0 ABIERTO [ROWS] [WORK_DIR]" >&2
  exit 2
fi
ABIERTO="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
ROWS="${2:-1000000}"
WORK="${3:-target/explore-gate}"
mkdir -p "$WORK"
WORK="$(cd "$WORK" && pwd)"

# shellcheck source=../lib/setup.sh
. "$HERE/lib/setup.sh"

site="$WORK/site-$ROWS"
made="$ROWS $(sha256sum <"$HERE/explore/make_site.py" | cut -c1-16)"
if [ ! -f "$site/.made" ] || [ "$(cat "$site/.made")" != "$made" ]; then
  rm -rf "$site"
  python3 "$HERE/explore/make_site.py" "$site" "$ROWS"
  echo "$made" >"$site/.made"
fi
out="$WORK/portal-$ROWS"
rm -rf "$out" "$WORK/cache"
start=$(date +%s.%N)
ABIERTO_CACHE_DIR="$WORK/cache" "$ABIERTO" build "$site" -o "$out" --base-url https://datos.example.org/red/ --quiet
echo "built $ROWS rows in $(echo "$(date +%s.%N) - $start" | bc) s; datos.bin $(stat -c %s "$out"/datos/prueba/incidentes/explorar/incidentes/datos.bin) bytes, CSV $(stat -c %s "$site"/participants/prueba/datos/incidentes.csv) bytes"
cd "$HERE"
exec node "$HERE/explore.mjs" "$out" /red/ "$site/participants/prueba/datos/incidentes.csv"
