#!/usr/bin/env bash
# Maps in a real browser, on real shapes: builds a site from ../shared/realdata
# (Yucatán's 106 municipalities, Benito Juárez's neighbourhoods and Veracruz's
# AGEBs as KML, Metepec's licences as CSV points), a GeoJSON with hostile
# properties, and a generated 40 MB GeoJSON of 2,469 municipalities; prints the
# build's peak memory; runs tests/browser/maps.mjs (the map draws, a click shows
# a feature's properties, the legend matches the colours, points cluster, no
# request leaves 127.0.0.1, what a phone transfers for the first view of the
# big map), then the quality gate's checks on every page of the site.
#
#   tests/browser/maps.sh ABIERTO_BINARY [WORK_DIR]
#
# Needs ../shared/realdata (or ABIERTO_SHARED), Node and Chromium (lib/setup.sh).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
ABIERTO="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
WORK="${2:-$ROOT/target/maps-check}"
SHARED="${ABIERTO_SHARED:-$(cd "$ROOT/.." && pwd)/shared}"
REAL="$SHARED/realdata"
if [ ! -d "$REAL" ]; then
  echo "error: $REAL is missing: the maps suite needs ../shared/realdata (or ABIERTO_SHARED)" >&2
  exit 2
fi

# shellcheck source=lib/setup.sh
. "$HERE/lib/setup.sh"
if [ ! -x /usr/bin/time ]; then
  apt_install time
fi

rm -rf "$WORK"
SITE="$WORK/site"
OUT="$WORK/public"
P="$SITE/participants/yucatan"
mkdir -p "$P/datos" "$SITE/participants/nacional/datos"

cat > "$SITE/portal.toml" <<'EOF'
title = "Mapas de prueba"
description = "Un portal de prueba con mapas de archivos reales."
base_url = "https://mapas.example.org/mapas/"
default_license = "cc-by-4.0"
EOF
cat > "$P/participant.toml" <<'EOF'
name = "Gobierno del Estado de Yucatán (prueba)"
short_name = "Yucatán"
kind = "estado"
boundary = "datos/municipios_yucatan.geojson"
EOF
cat > "$SITE/participants/nacional/participant.toml" <<'EOF'
name = "Instituto Nacional (prueba)"
short_name = "Nacional"
kind = "federal"
EOF

# dataset ID FILE TITLE: a descriptor for a data file.
dataset() {
  cat > "$P/$1.toml" <<EOF
title = "$3"
description = "Archivo real para probar los mapas: $2."
keywords = ["mapas"]

[[resources]]
title = "$3"
path = "datos/$2"
EOF
}
cp "$REAL/municipios_yucatan.geojson" "$REAL/colonias_benito_juarez.kml" "$REAL/miniAgebs.kml" \
   "$REAL/LicenciasMetepec.csv" "$P/datos/"
dataset municipios municipios_yucatan.geojson "Municipios de Yucatán"
dataset colonias colonias_benito_juarez.kml "Colonias de Benito Juárez"
dataset agebs miniAgebs.kml "AGEB de Veracruz"
dataset licencias LicenciasMetepec.csv "Licencias de Metepec"

# Properties that must stay text.
cat > "$P/datos/hostil.geojson" <<'EOF'
{"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"nombre": "<img src=x onerror=\"window.__hostil=1\">", "enlace": "javascript:window.__hostil=2", "tipo": "a"},
 "geometry": {"type": "Polygon", "coordinates": [[[-89.7, 20.9], [-89.5, 20.9], [-89.5, 21.1], [-89.7, 21.1], [-89.7, 20.9]]]}},
{"type": "Feature", "properties": {"nombre": "<script>window.__hostil=3</script>", "enlace": "https://example.org", "tipo": "b"},
 "geometry": {"type": "Point", "coordinates": [-89.62, 20.97]}}
]}
EOF
dataset hostil hostil.geojson "Propiedades hostiles"

cat > "$SITE/participants/nacional/municipios.toml" <<'EOF'
title = "Municipios del país (generados)"
description = "Una capa de 2,469 polígonos generados, de unos 40 MB, para medir un mapa grande."

[[resources]]
title = "Municipios"
path = "datos/municipios.geojson"
EOF
echo "[maps] generating the 40 MB GeoJSON"
(cd "$ROOT" && cargo run --quiet --example map_bench -- --geojson "$SITE/participants/nacional/datos/municipios.geojson" 40)

mkdir -p "$P/historias"
cat > "$P/historias/licencias.md" <<'EOF'
+++
title = "Dónde están las licencias"
date = 2024-05-01
+++

Las licencias de Metepec, por giro:

{{ mapa(datos="yucatan/licencias", recurso="LicenciasMetepec.csv", color="giro") }}
EOF

echo "[maps] building the site"
export ABIERTO_CACHE_DIR="$WORK/cache"
/usr/bin/time -f "%M %e" -o "$WORK/time" "$ABIERTO" build "$SITE" -o "$OUT" --quiet
read -r kb seconds < "$WORK/time"
echo "[maps] build: ${seconds} s, peak memory ${kb} KB ($((kb / 1024)) MB) for a site with a 40 MB GeoJSON"

status=0
node "$HERE/maps.mjs" "$OUT" /mapas/ || status=$?
"$HERE/run.sh" "$OUT" /mapas/ --no-screenshots || status=$?
exit "$status"
