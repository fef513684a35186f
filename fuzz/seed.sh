#!/bin/sh
# Fills fuzz/corpus/<target>/ with seeds: the small hand-written ones in
# fuzz/seeds/, the example site's files, and ../shared/realdata when it is
# there (cut to 64 KB). Safe to run again: it only adds files.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
site="$here/../example-site"
shared="${ABIERTO_SHARED:-$here/../../shared}"
corpus="$here/corpus"

for target in descriptor front_matter csv kml geojson xlsx markdown serve_path; do
    mkdir -p "$corpus/$target"
    if [ -d "$here/seeds/$target" ]; then
        cp "$here/seeds/$target/"* "$corpus/$target/" 2>/dev/null || true
    fi
done

# name: a seed's file name, from its path in the site (unique, readable).
name() { echo "$1" | sed "s|^$site/||; s|/|_|g"; }

find "$site/participants" -name '*.toml' ! -name participant.toml | while read -r f; do
    cp "$f" "$corpus/descriptor/$(name "$f")"
done
find "$site" -name 'participant.toml' -o -name portal.toml | while read -r f; do
    cp "$f" "$corpus/descriptor/$(name "$f")"
done
find "$site" -name '*.md' | while read -r f; do
    cp "$f" "$corpus/front_matter/$(name "$f")"
    # The Markdown body alone (after the closing `+++`).
    awk 'n >= 2 { print } /^\+\+\+/ { n++ }' "$f" > "$corpus/markdown/$(name "$f")"
done
for ext in csv kml geojson xlsx; do
    find "$site" -name "*.$ext" | while read -r f; do
        head -c 65536 "$f" > "$corpus/$ext/$(name "$f")"
    done
    if [ -d "$shared/realdata" ]; then
        find "$shared/realdata" -name "*.$ext" | while read -r f; do
            head -c 65536 "$f" > "$corpus/$ext/realdata_$(basename "$f")"
        done
    fi
done
# Request paths: a selector byte (which base path) and a path of the built site.
i=0
for path in / /index.html /datos/ /datos /datos/xalapa/semaforos/ /descargas/xalapa/semaforos/semaforos.csv \
    /assets/style.css /404.html /red/ /red/datos/ /a/b/api/v1/datasets.json /__abierto/reload.js; do
    printf '\001%s' "$path" > "$corpus/serve_path/site-$i"
    i=$((i + 1))
done
for target in "$corpus"/*; do
    echo "$(ls "$target" | wc -l) seeds in $target"
done
