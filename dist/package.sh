#!/usr/bin/env bash
# Packs a release binary for the release workflow:
#   dist/package.sh TARGET BINARY OUTDIR
# writes OUTDIR/<archive> (named by names.sh: the binary, README.md and LICENSE)
# and OUTDIR/<archive>.sha256 (the archive's SHA-256, as `sha256sum` prints it).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
target=${1:?TARGET}
binary=${2:?BINARY}
out=${3:?OUTDIR}
archive=$(bash "$here/names.sh" archive "$target")
exe=$(bash "$here/names.sh" exe "$target")

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp "$binary" "$stage/$exe"
cp "$here/../README.md" "$here/../LICENSE" "$stage/"
mkdir -p "$out"
out=$(cd "$out" && pwd)
case "$archive" in
*.zip)
    if command -v 7z >/dev/null; then
        (cd "$stage" && 7z a -bd -tzip "$out/$archive" . >/dev/null)
    else
        (cd "$stage" && zip -q -r "$out/$archive" .)
    fi
    ;;
*) tar -C "$stage" -czf "$out/$archive" . ;;
esac

if command -v sha256sum >/dev/null; then
    (cd "$out" && sha256sum "$archive" >"$archive.sha256")
else
    (cd "$out" && shasum -a 256 "$archive" >"$archive.sha256")
fi
echo "$out/$archive"
