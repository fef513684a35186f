#!/usr/bin/env bash
# Installs abierto for the GitHub Action (action.yml): the release binary for
# this runner, its SHA-256 checked, or `cargo install` when no binary fits the
# runner. Reads:
#   ABIERTO_REPO     owner/name of abierto's repository (the action's own)
#   ABIERTO_VERSION  X.Y.Z or vX.Y.Z; empty or "latest": the newest release
#   RUNNER_OS, RUNNER_ARCH, RUNNER_TEMP, GITHUB_PATH (set by GitHub Actions)
# Messages are in Spanish first, as the portals' maintainers read them.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=${ABIERTO_REPO:?ABIERTO_REPO}
version=${ABIERTO_VERSION:-latest}
version=${version#v}
bin_dir="${RUNNER_TEMP:-/tmp}/abierto-bin"
mkdir -p "$bin_dir"

fail() {
    echo "::error title=abierto::$1"
    exit 1
}

if [ "$version" = latest ]; then
    base="https://github.com/$repo/releases/latest/download"
    tag_page="https://github.com/$repo/releases/latest"
else
    [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$ ]] ||
        fail "la versión «$version» no es una versión de abierto (X.Y.Z) / «$version» is not a version (X.Y.Z)"
    base="https://github.com/$repo/releases/download/v$version"
    tag_page="https://github.com/$repo/releases/tag/v$version"
fi

target=$(bash "$here/names.sh" target "${RUNNER_OS:-}" "${RUNNER_ARCH:-}")
if [ -z "$target" ]; then
    echo "No hay binario de abierto para ${RUNNER_OS:-?}/${RUNNER_ARCH:-?}: se compila con cargo install."
    if [ "$version" = latest ]; then
        cargo install abierto --locked --root "$bin_dir/.."
    else
        cargo install abierto --locked --version "$version" --root "$bin_dir/.."
    fi
    echo "$bin_dir" >>"$GITHUB_PATH"
    exit 0
fi

archive=$(bash "$here/names.sh" archive "$target")
exe=$(bash "$here/names.sh" exe "$target")
work=$(mktemp -d)
if ! curl -fsSL --retry 3 -o "$work/$archive.sha256" "$base/$archive.sha256"; then
    if ! curl -fsIL --retry 2 -o /dev/null "$tag_page"; then
        fail "abierto $version no tiene versión publicada en https://github.com/$repo/releases (¿un error al escribir la versión?) / abierto $version has no release"
    fi
    fail "la versión $version de abierto no trae binario para $target / release $version has no binary for $target"
fi
curl -fsSL --retry 3 -o "$work/$archive" "$base/$archive" ||
    fail "no se pudo descargar $base/$archive / could not download it"

expected=$(awk '{ print $1; exit }' "$work/$archive.sha256")
if command -v sha256sum >/dev/null; then
    actual=$(sha256sum "$work/$archive" | awk '{ print $1 }')
else
    actual=$(shasum -a 256 "$work/$archive" | awk '{ print $1 }')
fi
[ -n "$expected" ] && [ "$expected" = "$actual" ] ||
    fail "la suma SHA-256 de $archive no coincide (esperada $expected, obtenida $actual) / checksum mismatch"

case "$archive" in
*.zip)
    if command -v unzip >/dev/null; then
        unzip -o -q "$work/$archive" "$exe" -d "$bin_dir"
    else
        7z x -y -bd -o"$bin_dir" "$work/$archive" "$exe" >/dev/null
    fi
    ;;
*) tar -C "$bin_dir" -xzf "$work/$archive" "./$exe" ;;
esac
chmod +x "$bin_dir/$exe"
echo "$bin_dir" >>"$GITHUB_PATH"
"$bin_dir/$exe" --version
