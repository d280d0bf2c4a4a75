"""Reading benchmark (on demand): the spaCy parse and what the reading cache saves.

Measures, on this machine:
(1) parse throughput in words per second over the evaluation texts (each text once, so ~20 k words),
    ``nlp.pipe`` in one process and in two (``n_process=2``), the cache bypassed;
(2) ``python -m geo build`` on the bundled articles in a fresh process with the readings cached (no spaCy
    import) and with an empty reading cache (spaCy imported, model loaded, both articles parsed), the
    gazetteer index already built in both;
(3) ``build_journey`` warm in one process, readings cached in memory: everything but the parse.
Writes ``benchmarks/RESULTS-reading.md``.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from geo.pipeline import build_journey  # noqa: E402
from geo.places.geocoder import GazetteerGeocoder  # noqa: E402
from geo.reading import parse  # noqa: E402
from geo.reading.articles import bundled_article_paths, load_articles  # noqa: E402
from geo.reading.nlp import load_nlp  # noqa: E402
from geo.routing.railnet import load_network  # noqa: E402
from geo.timing.speeds import load_speed_model  # noqa: E402

RESULTS = HERE / "RESULTS-reading.md"


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / "eval" / "texts").glob("*.txt"))]
    return texts + [a.text for a in load_articles(bundled_article_paths())]


def _words_per_second(texts: list[str], n_process: int) -> float:
    nlp = load_nlp()
    words = sum(len(t.split()) for t in texts)
    start = time.perf_counter()
    for _ in nlp.pipe((parse.for_the_parser(t) for t in texts), n_process=n_process, batch_size=16):
        pass
    return words / (time.perf_counter() - start)


def _build(env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "-m", "geo", "build", "-o", os.devnull], cwd=ROOT, env=env, check=True)


def _cli_seconds(env: dict[str, str], runs: int, fresh_readings: bool) -> float:
    times = []
    for _ in range(runs):
        if fresh_readings:
            readings = Path(env["GEO_CACHE_DIR"]) / "readings"
            for file in readings.glob("*.json"):
                file.unlink()
        start = time.perf_counter()
        _build(env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _warm_build_ms(runs: int = 20) -> float:
    articles = load_articles(bundled_article_paths())
    geocoder, network, speeds = GazetteerGeocoder(), load_network(), load_speed_model()
    build_journey(articles, geocoder=geocoder, network=network, speeds=speeds)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        build_journey(articles, geocoder=geocoder, network=network, speeds=speeds)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    texts = _texts()
    words = sum(len(t.split()) for t in texts)
    one = statistics.median(_words_per_second(texts, 1) for _ in range(3))
    two = statistics.median(_words_per_second(texts, 2) for _ in range(2))
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "GEO_CACHE_DIR": cache}
        # one untimed run builds this cache's gazetteer index; the timed runs then differ only in readings
        _build(env)
        cold = _cli_seconds(env, 3, fresh_readings=True)
        warm = _cli_seconds(env, 5, fresh_readings=False)
    build_ms = _warm_build_ms()
    rows = [
        ("parse, `nlp.pipe`, one process", f"{one:,.0f} words/s", "", ""),
        ("parse, `nlp.pipe`, two processes (`n_process=2`)", f"{two:,.0f} words/s", "≥ 8,000 words/s",
         "met" if two >= 8000 else "not met"),
        ("`python -m geo build`, readings cached (no spaCy import)", f"{warm:.2f} s", "≤ 1.5 s",
         "met" if warm <= 1.5 else "not met"),
        ("`python -m geo build`, reading cache empty (model load + parse)", f"{cold:.2f} s", "≤ 3 s",
         "met" if cold <= 3 else "not met"),
        ("warm `build_journey`, two articles, readings cached", f"{build_ms:.0f} ms", "≤ 100 ms",
         "met" if build_ms <= 100 else "not met"),
    ]  # fmt: skip
    lines = [
        "### Reading (`benchmarks/bench_reading.py`)",
        "",
        f"spaCy {__import__('spacy').__version__} with en_core_web_sm 3.8.0; {len(texts)} texts, {words:,} "
        f"words; Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs; CLI "
        "times are medians of fresh processes with the gazetteer index already built.",
        "",
        "| measure | result | target | |",
        "| --- | --- | --- | --- |",
        *(f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows),
        "",
    ]
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
