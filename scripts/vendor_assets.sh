#!/usr/bin/env bash
# Fetch the browser files the map needs from the npm registry into assets/, and build the offline basemap.
# Run by hand when a version changes; CI never runs it: the results are committed (see assets/README.md).
# Needs: npm, node, and the project's .venv (shapely) for simplifying the basemap.
set -euo pipefail

LEAFLET=1.9.4          # BSD-2-Clause
WORLD_ATLAS=2.0.2      # ISC; the data is Natural Earth (public domain)
TOPOJSON_CLIENT=3.1.0  # ISC; used only here, to turn TopoJSON into GeoJSON
BASEMAP_SCALE=50m      # Natural Earth 1:50m country outlines
TOLERANCE_DEG=0.1      # Douglas-Peucker tolerance for the outlines (about 10 km)
DECIMALS=2             # coordinates rounded to 0.01 degree (about 1 km)

root=$(cd "$(dirname "$0")/.." && pwd)
python=${PYTHON:-$root/.venv/bin/python}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

npm pack --silent "leaflet@$LEAFLET" "world-atlas@$WORLD_ATLAS" "topojson-client@$TOPOJSON_CLIENT" >/dev/null
for tarball in *.tgz; do
    mkdir -p "${tarball%.tgz}"
    tar -xzf "$tarball" -C "${tarball%.tgz}"
done

mkdir -p "$root/assets/leaflet/images" "$root/assets/basemap"
cp "leaflet-$LEAFLET/package/dist/leaflet.js" "leaflet-$LEAFLET/package/dist/leaflet.css" "$root/assets/leaflet/"
cp "leaflet-$LEAFLET/package/dist/images/"*.png "$root/assets/leaflet/images/"
cp "leaflet-$LEAFLET/package/LICENSE" "$root/assets/leaflet/LICENSE"

node -e '
const topojson = require(process.argv[1]);
const topology = require(process.argv[2]);
process.stdout.write(JSON.stringify(topojson.feature(topology, topology.objects.countries)));
' "$work/topojson-client-$TOPOJSON_CLIENT/package/dist/topojson-client.js" \
  "$work/world-atlas-$WORLD_ATLAS/package/countries-$BASEMAP_SCALE.json" > countries-full.geojson

"$python" - countries-full.geojson "$root/assets/basemap/countries.geojson" "$TOLERANCE_DEG" "$DECIMALS" <<'PY'
"""Simplify and round the country outlines so the basemap stays small (a few hundred KB)."""
import json
import sys

import numpy as np
from shapely import transform
from shapely.geometry import mapping, shape

source, target, tolerance, decimals = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
features = []
for feature in json.load(open(source, encoding="utf-8"))["features"]:
    if feature["geometry"] is None:
        continue
    geom = shape(feature["geometry"]).simplify(tolerance, preserve_topology=False)
    geom = transform(geom, lambda coords: np.round(coords, decimals))
    if geom.is_empty:
        continue
    features.append({
        "type": "Feature",
        "properties": {"name": feature["properties"].get("name", "")},
        "geometry": mapping(geom),
    })
collection = {
    "type": "FeatureCollection",
    "source": "Natural Earth 1:50m admin-0 countries (public domain) via the npm package world-atlas; "
              f"simplified at {tolerance} degrees, rounded to {decimals} decimals",
    "features": features,
}
text = json.dumps(collection, separators=(",", ":"), ensure_ascii=False)
with open(target, "w", encoding="utf-8") as out:
    out.write(text)
print(f"{target}: {len(features)} countries, {len(text.encode()) // 1024} KB")
PY
