#!/usr/bin/env bash
# Benchmark of abierto at national scale, against Hugo building as many plain pages.
#
#   bench/run.sh                 # small and national sites, plus the 2 GB memory check
#   bench/run.sh small           # the small site only (a minute)
#   bench/run.sh national        # the national site only
#   bench/run.sh portals         # the small site with 32 participant portals: the network's portal
#                                # alone against --all-portals (one analysis for all), cold and warm
#   bench/run.sh portals-national  # the same at national size
#
# Environment: BENCH_DIR (default /tmp/abierto-bench; needs ~7 GB free), RUNS (default 3),
# SKIP_DOUBLE=1 to skip the 2 GB data check. Sites are regenerated only when missing.
# Prints, as the median of RUNS runs: cold build (fresh output, empty analysis cache),
# warm build (nothing changed, output and cache kept), `abierto build` after editing one
# story and one descriptor, the peak resident memory of each, output size and page
# count, Hugo's cold and warm builds of the same number of pages, and the ratios
# abierto/Hugo; then the rebuilds `abierto serve` does after one story edit and one
# descriptor edit (examples/rebuild_bench.rs: `build::Session::run` with the change);
# then what the table explorers add (cold builds with `[build] explore_max_rows = 0`).
set -euo pipefail

SCALES=${1:-all}
BENCH_DIR=${BENCH_DIR:-/tmp/abierto-bench}
RUNS=${RUNS:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$BENCH_DIR"

if ! command -v hugo >/dev/null || [ ! -x /usr/bin/time ]; then
    echo "installing hugo and time (Debian packages)…" >&2
    apt-get install -y hugo time >/dev/null
fi

(cd "$ROOT" && cargo build --release --quiet --bin abierto --example synth_site --example rebuild_bench)
ABIERTO="$ROOT/target/release/abierto"
SYNTH="$ROOT/target/release/examples/synth_site"
REBUILD="$ROOT/target/release/examples/rebuild_bench"

# run LOG CMD…: runs CMD under /usr/bin/time, appends "seconds kilobytes cpu-seconds"
# to LOG (CPU time, user plus system, is less swayed than wall time by other work
# on a shared machine).
run() {
    local log=$1
    shift
    /usr/bin/time -f "%e %M %U %S" -o "$BENCH_DIR/.time" "$@" >"$BENCH_DIR/.stdout" 2>"$BENCH_DIR/.stderr" || {
        echo "FAILED: $*" >&2
        tail -20 "$BENCH_DIR/.stderr" >&2
        exit 1
    }
    tail -1 "$BENCH_DIR/.time" | awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }' >>"$log"
}

# median FILE COLUMN: the median of a column of numbers.
median() {
    sort -n -k"$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END { m = int((NR + 1) / 2); print v[m] }'
}

report() { # LABEL LOG
    printf '  %-34s %8.2f s  (CPU %6.2f s)  %7.0f MB\n' "$1" "$(median "$2" 1)" "$(median "$2" 3)" \
        "$(echo "$(median "$2" 2) / 1024" | bc -l)"
}

generate() { # NAME ARGS…
    local name=$1
    shift
    local site="$BENCH_DIR/$name-site"
    if [ ! -f "$site/.generated" ] || [ "$(cat "$site/.generated")" != "$*" ]; then
        "$SYNTH" --out "$site" "$@"
        echo "$*" >"$site/.generated"
    fi
}

bench() { # NAME
    local name=$1
    local site="$BENCH_DIR/$name-site" out="$BENCH_DIR/$name-out" logs="$BENCH_DIR/$name-logs"
    rm -rf "$logs" && mkdir -p "$logs"
    local story descriptor
    story=$(find "$site/participants" -path '*/historias/*.md' | sort | awk 'NR == 1')
    descriptor=$(find "$site/participants" -name '*.toml' ! -name participant.toml | sort | awk 'NR == 1')
    cp "$story" "$logs/story.orig" && cp "$descriptor" "$logs/descriptor.orig"

    # The analysis cache of this site, emptied for each cold build.
    export ABIERTO_CACHE_DIR="$BENCH_DIR/.$name-cache"

    echo "== $name: $(cat "$site/.generated")"
    for i in $(seq "$RUNS"); do
        rm -rf "$out" "$BENCH_DIR/.$name-out.abierto-staging" "$BENCH_DIR/.$name-out.abierto-previous"
        rm -rf "$ABIERTO_CACHE_DIR"
        sync
        run "$logs/cold" "$ABIERTO" build "$site" -o "$out" --quiet
        run "$logs/warm" "$ABIERTO" build "$site" -o "$out" --quiet
        printf '\nOtro párrafo añadido en la prueba %s.\n' "$i" >>"$story"
        run "$logs/story" "$ABIERTO" build "$site" -o "$out" --quiet
        sed -i "s/^title = \"\(.*\)\"$/title = \"\1 (edición $i)\"/" "$descriptor"
        run "$logs/descriptor" "$ABIERTO" build "$site" -o "$out" --quiet
        cp "$logs/story.orig" "$story" && cp "$logs/descriptor.orig" "$descriptor"
    done
    local pages bytes
    pages=$(find "$out" -name '*.html' | wc -l)
    bytes=$(du -sb "$out" | cut -f1)

    local hugo="$BENCH_DIR/$name-hugo"
    if [ ! -f "$hugo/.pages" ] || [ "$(cat "$hugo/.pages")" != "$pages" ]; then
        "$SYNTH" --out "$BENCH_DIR/.scratch" --datasets 1 --stories 0 --data-bytes 0 \
            --hugo "$hugo" --pages "$pages" >/dev/null
        rm -rf "$BENCH_DIR/.scratch"
        echo "$pages" >"$hugo/.pages"
    fi
    for _ in $(seq "$RUNS"); do
        rm -rf "$hugo/public" "$hugo/resources" "$BENCH_DIR/.hugo-cache"
        sync
        run "$logs/hugo-cold" hugo --source "$hugo" --quiet --cacheDir "$BENCH_DIR/.hugo-cache"
        run "$logs/hugo-warm" hugo --source "$hugo" --quiet --cacheDir "$BENCH_DIR/.hugo-cache"
    done
    local hugo_pages
    hugo_pages=$(find "$hugo/public" -name '*.html' | wc -l)

    echo "  output: $pages pages, $(echo "$bytes / 1048576" | bc) MB (Hugo: $hugo_pages pages)"
    report "abierto cold build" "$logs/cold"
    report "abierto warm build" "$logs/warm"
    report "build after one story edit" "$logs/story"
    report "build after one descriptor edit" "$logs/descriptor"
    report "hugo cold build" "$logs/hugo-cold"
    report "hugo warm build" "$logs/hugo-warm"
    ratio() { echo "$(median "$logs/$1" "$3") / $(median "$logs/$2" "$3")" | bc -l; }
    printf '  ratio abierto/hugo: cold %.2f, warm %.2f (CPU time: cold %.2f, warm %.2f)\n' \
        "$(ratio cold hugo-cold 1)" "$(ratio warm hugo-warm 1)" "$(ratio cold hugo-cold 3)" "$(ratio warm hugo-warm 3)"
    echo "  serve's rebuilds (Session::run, median of 5 edits):"
    "$REBUILD" "$site" --runs 5 | sed 's/^/    /'
    cp "$logs/story.orig" "$story" && cp "$logs/descriptor.orig" "$descriptor"
    explorers "$name"
}

explorers() { # NAME: cold builds with the explorers off, to tell what they cost
    local name=$1
    local site="$BENCH_DIR/$name-site" out="$BENCH_DIR/$name-noexplore-out" logs="$BENCH_DIR/$name-logs"
    local with without data pages
    with=$(du -sb "$BENCH_DIR/$name-out" | cut -f1)
    data=$(find "$BENCH_DIR/$name-out" -name datos.bin -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
    pages=$(find "$BENCH_DIR/$name-out" -path '*/explorar/*' -name index.html | wc -l)
    cp "$site/portal.toml" "$logs/portal.orig"
    printf '\n[build]\nexplore_max_rows = 0\n' >>"$site/portal.toml"
    export ABIERTO_CACHE_DIR="$BENCH_DIR/.$name-noexplore-cache"
    for _ in $(seq "$RUNS"); do
        rm -rf "$out" "$ABIERTO_CACHE_DIR"
        sync
        run "$logs/cold-noexplore" "$ABIERTO" build "$site" -o "$out" --quiet
    done
    cp "$logs/portal.orig" "$site/portal.toml"
    without=$(du -sb "$out" | cut -f1)
    rm -rf "$out" "$ABIERTO_CACHE_DIR"
    report "cold build, explorers off" "$logs/cold-noexplore"
    printf '  explorers add: %.2f s (CPU %.2f s) to the cold build, %.1f MB of output (%d pages; datos.bin %.1f MB)\n' \
        "$(echo "$(median "$logs/cold" 1) - $(median "$logs/cold-noexplore" 1)" | bc -l)" \
        "$(echo "$(median "$logs/cold" 3) - $(median "$logs/cold-noexplore" 3)" | bc -l)" \
        "$(echo "($with - $without) / 1048576" | bc -l)" "$pages" "$(echo "$data / 1048576" | bc -l)"
}

double() { # the national site with data files twice as large: peak memory only
    local site="$BENCH_DIR/national2x-site" out="$BENCH_DIR/national2x-out" logs="$BENCH_DIR/national2x-logs"
    generate national2x --datasets 10000 --resources 20000 --stories 1000 --data-bytes 2000000000 --seed 1
    rm -rf "$logs" && mkdir -p "$logs"
    rm -rf "$out"
    export ABIERTO_CACHE_DIR="$BENCH_DIR/.national2x-cache"
    rm -rf "$ABIERTO_CACHE_DIR"
    run "$logs/cold" "$ABIERTO" build "$site" -o "$out" --quiet
    rm -rf "$out" "$ABIERTO_CACHE_DIR"
    echo "== national, data files twice as large (2 GB)"
    report "abierto cold build" "$logs/cold"
    printf '  memory 2 GB / 1 GB data: %.3f\n' \
        "$(echo "$(median "$logs/cold" 2) / $(median "$BENCH_DIR/national-logs/cold" 2)" | bc -l)"
}

portals() { # NAME GENERATOR-ARGS…: the network's portal alone, then every portal (--all-portals)
    local name=$1
    shift
    generate "$name" "$@"
    local site="$BENCH_DIR/$name-site" out="$BENCH_DIR/$name-out" logs="$BENCH_DIR/$name-logs"
    rm -rf "$logs" && mkdir -p "$logs"
    export ABIERTO_CACHE_DIR="$BENCH_DIR/.$name-cache"
    fresh() { rm -rf "$out" "$out"-* "$BENCH_DIR/.$name-out"* "$ABIERTO_CACHE_DIR"; sync; }
    echo "== $name: $(cat "$site/.generated")"
    for _ in $(seq "$RUNS"); do
        fresh
        run "$logs/network-cold" "$ABIERTO" build "$site" -o "$out" --quiet
        run "$logs/network-warm" "$ABIERTO" build "$site" -o "$out" --quiet
        fresh
        run "$logs/all-cold" "$ABIERTO" build "$site" -o "$out" --all-portals --quiet
        run "$logs/all-warm" "$ABIERTO" build "$site" -o "$out" --all-portals --quiet
    done
    local portals pages
    portals=$(find "$BENCH_DIR" -maxdepth 1 -name "$name-out-*" -type d | wc -l)
    pages=$(find "$out" "$out"-* -name '*.html' | wc -l)
    echo "  output: the network's portal and $portals participant portals, $pages pages in all"
    report "network portal alone, cold" "$logs/network-cold"
    report "network portal alone, warm" "$logs/network-warm"
    report "--all-portals, cold" "$logs/all-cold"
    report "--all-portals, warm" "$logs/all-warm"
    echo "  stages of a cold --all-portals build (the analysis runs once for every portal):"
    fresh
    "$ABIERTO" build "$site" -o "$out" --all-portals --quiet --timings 2>&1 |
        awk '/^timing +(load|analyse|render|write):/ || /^Datos/ { print "    " $0 }
             /^timing (render|write) [^ ]+:/ { n[$2]++; ms[$2] += $4 }
             END { for (k in n) printf "    %s of the %d participant portals: %.1f ms in all\n", k, n[k], ms[k] }'
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$SCALES" = all ] || [ "$SCALES" = small ]; then
    generate small --datasets 300 --resources 600 --stories 30 --data-bytes 30000000 --seed 1
    bench small
fi
if [ "$SCALES" = all ] || [ "$SCALES" = national ]; then
    generate national --datasets 10000 --resources 20000 --stories 1000 --data-bytes 1000000000 --seed 1
    bench national
    if [ "${SKIP_DOUBLE:-}" != 1 ]; then
        double
        rm -rf "$BENCH_DIR/national2x-site"
    fi
fi
if [ "$SCALES" = portals ]; then
    portals small-portals --datasets 300 --resources 600 --stories 30 --data-bytes 30000000 --seed 1 --portals 32
fi
if [ "$SCALES" = portals-national ]; then
    portals national-portals --datasets 10000 --resources 20000 --stories 1000 --data-bytes 1000000000 --seed 1 --portals 32
fi
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
