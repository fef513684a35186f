#!/usr/bin/env bash
# Validates the example portal's machine-readable catalogs with the standards' own
# tools (pyshacl + DCAT-AP 3 shapes, frictionless, the POD 1.1 JSON Schema, extruct,
# feedparser), read from ../shared/standards (or $ABIERTO_SHARED/standards).
#
#   tests/catalogs/validate.sh            builds the example site (`--all-portals`), then validates
#                                         the network's portal and San Pedro Garza García's own
#   tests/catalogs/validate.sh DIR [URL]  validates a portal already built in DIR with base URL URL
#
# The validators are installed, pinned, into a virtual environment under target/
# (or $CATALOGS_VENV), reused while requirements.txt is unchanged. Exits 1 on any violation,
# and then (selftest.py) on any damaged copy of the portal that validate.py lets pass.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
base_url="${2:-https://red.example.org/red-mexico-abierto/}"
shared="${ABIERTO_SHARED:-$root/../shared}"
standards="$shared/standards"
if [ ! -d "$standards/dcat-ap-3.0.1" ]; then
  echo "validate.sh: the standards' files are not in $standards (set ABIERTO_SHARED)" >&2
  exit 2
fi

venv="${CATALOGS_VENV:-$root/target/catalogs-venv}"
stamp="$venv/.requirements.sha256"
wanted="$(sha256sum "$here/requirements.txt" | cut -d' ' -f1)"
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  echo "== installing the validators into $venv"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
  echo "$wanted" > "$stamp"
fi

if [ $# -ge 1 ]; then
  portal="$1"
else
  portal="$root/target/catalogs-portal"
  echo "== building the example site into $portal, and San Pedro's own portal beside it"
  (cd "$root" && cargo run --quiet --release -- build example-site -o "$portal" --base-url "$base_url" --all-portals --quiet)
  # San Pedro Garza García's portal, at the address its [portal] declares.
  own="$portal-san-pedro-garza-garcia"
  own_url="$(sed -n 's/^base_url = "\(.*\)"$/\1/p' "$root/example-site/participants/san-pedro-garza-garcia/participant.toml")"
  echo "== validating San Pedro Garza García's own portal ($own_url)"
  "$venv/bin/python" "$here/validate.py" "$own" "$own_url" "$standards"
fi

echo "== validating"
"$venv/bin/python" "$here/validate.py" "$portal" "$base_url" "$standards"

echo "== self-test: damaged copies of the portal must fail"
"$venv/bin/python" "$here/selftest.py" "$portal" "$base_url" "$standards"
