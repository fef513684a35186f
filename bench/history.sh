#!/usr/bin/env bash
# What the datasets' history from git costs.
#
#   bench/history.sh             # the small site in git with 50 commits, then the 100 MB diff
#
# 1. The small benchmark site (bench/run.sh's: 300 datasets, 600 files, 30 MB) is
#    committed to a git repository, then changed over 50 commits (each appends a row
#    to two CSV files and revises a row of a third). It is built cold (empty analysis
#    cache, fresh output) and warm (nothing changed), RUNS times each, and the same
#    site without its .git folder likewise, for comparison.
# 2. examples/history_bench.rs diffs a 100 MB CSV (1,000,000 rows) with a few
#    rows revised, removed and added between two commits, and prints the peak memory.
#
# Environment: BENCH_DIR (default /tmp/abierto-bench), RUNS (default 3), ROWS (default 1000000).
set -euo pipefail

BENCH_DIR=${BENCH_DIR:-/tmp/abierto-bench}
RUNS=${RUNS:-3}
ROWS=${ROWS:-1000000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$BENCH_DIR"
[ -x /usr/bin/time ] || apt-get install -y time >/dev/null

(cd "$ROOT" && cargo build --release --quiet --bin abierto --example synth_site --example history_bench)
ABIERTO="$ROOT/target/release/abierto"
SYNTH="$ROOT/target/release/examples/synth_site"

export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=Banco GIT_AUTHOR_EMAIL=banco@example.org
export GIT_COMMITTER_NAME=Banco GIT_COMMITTER_EMAIL=banco@example.org

git_site="$BENCH_DIR/history-git-site"
plain_site="$BENCH_DIR/history-plain-site"
if [ ! -f "$git_site/.generated" ]; then
    rm -rf "$git_site" "$plain_site"
    "$SYNTH" --out "$git_site" --datasets 300 --resources 600 --stories 30 --data-bytes 30000000 --seed 1 >/dev/null
    (
        cd "$git_site"
        git init -q -b main
        git add -A
        GIT_AUTHOR_DATE="2024-01-01T10:00:00-06:00" GIT_COMMITTER_DATE="2024-01-01T10:00:00-06:00" \
            git commit -q -m "Sitio inicial"
        mapfile -t csvs < <(find participants -name '*.csv' | sort)
        for n in $(seq 1 50); do
            for k in 0 1; do
                f=${csvs[$(((n * 3 + k) % ${#csvs[@]}))]}
                tail -1 "$f" >>"$f"
            done
            f=${csvs[$(((n * 7 + 2) % ${#csvs[@]}))]}
            sed -i '2s/$/ revisado/' "$f"
            when=$(printf '2024-03-%02dT10:%02d:00-06:00' $((n % 28 + 1)) $((n % 60)))
            GIT_AUTHOR_DATE=$when GIT_COMMITTER_DATE=$when git commit -q -a -m "Actualiza datos ($n)"
        done
    )
    touch "$git_site/.generated"
    git -C "$git_site" log --oneline | wc -l | xargs echo "commits:"
fi
rm -rf "$plain_site" && cp -r "$git_site" "$plain_site" && rm -rf "$plain_site/.git"

measure() { # LABEL SITE
    local label=$1 site=$2 out="$BENCH_DIR/history-out" cold="" warm=""
    export ABIERTO_CACHE_DIR="$BENCH_DIR/.history-cache"
    for _ in $(seq 1 "$RUNS"); do
        rm -rf "$ABIERTO_CACHE_DIR" "$out"
        /usr/bin/time -f "%e %M" -o "$BENCH_DIR/.time" "$ABIERTO" build "$site" -o "$out" --quiet >/dev/null
        cold+="$(cat "$BENCH_DIR/.time")"$'\n'
        /usr/bin/time -f "%e %M" -o "$BENCH_DIR/.time" "$ABIERTO" build "$site" -o "$out" --quiet >/dev/null
        warm+="$(cat "$BENCH_DIR/.time")"$'\n'
    done
    local m='{ v[NR] = $1; k[NR] = $2 } END { n = asort(v); asort(k); i = int((n + 1) / 2); printf "%6.2f s  %5.0f MB", v[i], k[i] / 1024 }'
    printf '  %-28s cold %s   warm %s\n' "$label" "$(printf '%s' "$cold" | awk "$m")" "$(printf '%s' "$warm" | awk "$m")"
}

echo "== small site, median of $RUNS runs"
measure "without git" "$plain_site"
measure "in git, 51 commits" "$git_site"
find "$BENCH_DIR/history-out/datos" -path '*historial*' -name index.html | wc -l | xargs echo "  history and change pages:"

echo "== a 100 MB CSV diffed between two commits"
"$ROOT/target/release/examples/history_bench" --rows "$ROWS" --dir "$BENCH_DIR/history-big"
