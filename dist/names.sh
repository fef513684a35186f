#!/usr/bin/env bash
# The one place that names abierto's release binaries. The release workflow
# (.github/workflows/release.yml, through package.sh) names the archives it
# attaches with it, and the GitHub Action (action.yml, through install.sh) asks
# for the same names, so the two cannot disagree.
#
#   names.sh target OS ARCH   the Rust target of a runner (GitHub's RUNNER_OS and
#                             RUNNER_ARCH: Linux|macOS|Windows, X64|ARM64); prints
#                             nothing when no release binary fits it
#   names.sh archive TARGET   the archive's file name: abierto-TARGET.tar.gz, or
#                             .zip for Windows; its checksum is ARCHIVE.sha256
#   names.sh exe TARGET       the binary's name inside it (abierto or abierto.exe)
#
# Archive names carry no version, so .../releases/download/vX.Y.Z/NAME and
# .../releases/latest/download/NAME both work.
set -euo pipefail

case "${1:-}" in
target)
    case "${2:-}/${3:-}" in
    Linux/X64) echo x86_64-unknown-linux-musl ;;
    Linux/ARM64) echo aarch64-unknown-linux-musl ;;
    macOS/X64) echo x86_64-apple-darwin ;;
    macOS/ARM64) echo aarch64-apple-darwin ;;
    Windows/X64) echo x86_64-pc-windows-msvc ;;
    *) ;;
    esac
    ;;
archive)
    case "${2:?names.sh archive TARGET}" in
    *windows*) echo "abierto-$2.zip" ;;
    *) echo "abierto-$2.tar.gz" ;;
    esac
    ;;
exe)
    case "${2:?names.sh exe TARGET}" in
    *windows*) echo abierto.exe ;;
    *) echo abierto ;;
    esac
    ;;
*)
    echo "usage: names.sh target OS ARCH | archive TARGET | exe TARGET" >&2
    exit 2
    ;;
esac
