"""Pipeline benchmark (on demand): how long the whole chain takes on the bundled articles.

Measures (1) ``python -m geo build`` end to end in a fresh process, gazetteer index already cached, and
(2) ``build_journey`` warm in one process (the cost the app pays per new input), with each step's share.
Writes ``benchmarks/RESULTS-pipeline.md``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from geo.itinerary.stops import extract_itinerary  # noqa: E402
from geo.itinerary.traveller import find_traveller  # noqa: E402
from geo.pipeline import build_journey  # noqa: E402
from geo.places.geocoder import GazetteerGeocoder  # noqa: E402
from geo.reading.articles import bundled_article_paths, load_articles  # noqa: E402
from geo.reading.reading import read_articles  # noqa: E402
from geo.routing.railnet import load_network  # noqa: E402
from geo.routing.route import plan_route  # noqa: E402
from geo.timing.estimate import estimate_timing  # noqa: E402
from geo.timing.speeds import load_speed_model  # noqa: E402


def _cli_seconds(runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "geo", "build", "-o", "/dev/null"], cwd=ROOT, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _median_ms(func: object, runs: int = 20) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    articles = load_articles(bundled_article_paths())
    geocoder = GazetteerGeocoder()
    network = load_network()
    speeds = load_speed_model()
    build_journey(articles, geocoder=geocoder, network=network, speeds=speeds)  # warm caches
    readings = read_articles(articles, geocoder)
    events = {r.article.id: r.events for r in readings}
    people = {r.article.id: r.people for r in readings}
    lead_ends = {r.article.id: r.lead_end_token for r in readings}
    traveller = find_traveller(articles, events, people, lead_ends)
    times = {r.article.id: r.times for r in readings}
    parses = {r.article.id: r.parsed for r in readings}
    itinerary = extract_itinerary(articles, events, people, traveller, times=times)
    route = plan_route(itinerary, network)
    steps = {
        "reading: cached parse, mentions, frames (both articles)": lambda: read_articles(articles, geocoder),
        "traveller and stops": lambda: extract_itinerary(
            articles, events, people, find_traveller(articles, events, people, lead_ends), times=times
        ),
        "route": lambda: plan_route(itinerary, network),
        "timing": lambda: estimate_timing(articles, parses, itinerary, route, speeds),
        "whole `build_journey`, warm": lambda: build_journey(
            articles, geocoder=geocoder, network=network, speeds=speeds
        ),
    }
    rows = [(name, _median_ms(func)) for name, func in steps.items()]
    cli = _cli_seconds()
    lines = [
        "### Pipeline (`benchmarks/bench_pipeline.py`)",
        "",
        f"Bundled articles (2), {len(itinerary.stops)} stops, {len(route.legs)} legs; medians of 20 runs "
        "(the CLI: of 3 fresh processes, gazetteer index already cached).",
        "",
        "| step | time |",
        "| --- | ---: |",
        *[f"| {name} | {ms:.1f} ms |" for name, ms in rows],
        f"| `python -m geo build` in a fresh process | {cli * 1000:.0f} ms |",
    ]
    text = "\n".join(lines) + "\n"
    (HERE / "RESULTS-pipeline.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
