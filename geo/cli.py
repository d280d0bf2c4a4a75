"""``python -m geo``: build the journey told by articles and write it as GeoJSON, a table or a map.

Every failure the user can cause (a missing or unreadable file, no journey in the text, an output path
that cannot be written) ends in one ``error: …`` line on stderr and exit status 1; an existing output file
is never left half-written.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Callable, Sequence
from datetime import datetime

from geo import __version__
from geo.errors import GeoError, InputError
from geo.evaluation.cli import register as register_evaluate
from geo.itinerary.corrections import Corrections, load_corrections
from geo.journey import Journey
from geo.model import Article
from geo.outputs.export import geojson_text, stages_csv, stages_json, write_text_atomic
from geo.reading.articles import bundled_article_paths, load_articles, parse_published

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_INTERRUPTED = 130


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            status = int(args.run(args))
        for warning in caught:
            print(f"warning: {warning.message}", file=sys.stderr)
        return status
    except GeoError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m geo",
        description="Turn news articles about a journey into stops, a route, timings and a map.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser("build", help="write the journey as a GeoJSON FeatureCollection (RFC 7946)")
    _common(build)
    build.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    build.set_defaults(run=_build)

    stages = commands.add_parser("stages", help="print the stage table")
    _common(stages)
    stages.add_argument("--format", choices=("table", "csv", "json"), default="table", help="default: table")
    stages.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    stages.set_defaults(run=_stages)

    html = commands.add_parser("html", help="write a self-contained HTML map that works offline")
    _common(html)
    html.add_argument("-o", "--output", metavar="FILE", required=True, help="the HTML file to write")
    html.set_defaults(run=_html)

    index = commands.add_parser(
        "index", help="build the offline gazetteer index and read the bundled articles once (set-up step)"
    )
    index.set_defaults(run=_index)
    register_evaluate(commands)
    return parser


def _common(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "articles",
        nargs="*",
        metavar="ARTICLE",
        help="article files (.json with metadata, or plain .txt/.md); default: the bundled articles",
    )
    command.add_argument(
        "--published",
        metavar="DATE",
        help="publication date for plain-text articles (YYYY-MM-DD or ISO 8601 with offset); "
        "without it, the latest date written in the text is used, with a warning",
    )
    command.add_argument(
        "--online",
        action="store_true",
        help="also ask OpenStreetMap's Nominatim for names the offline gazetteer lacks "
        "(at most one request a second, answers cached on disk; off by default)",
    )
    command.add_argument(
        "--corrections",
        metavar="FILE",
        help="an editor's corrections (JSON: drop or add stops, set roles and modes, pin times), "
        "applied before routing",
    )
    command.add_argument(
        "--user-agent",
        default=f"geo-journey/{__version__}",
        metavar="NAME",
        help="the user agent sent with --online (Nominatim asks for one naming the application)",
    )


def _journey(args: argparse.Namespace) -> Journey:
    from geo.pipeline import build_journey
    from geo.places.geocoder import GazetteerGeocoder  # imported late: loading the pipeline is the slow part

    fallback = None
    if args.online:
        from geo.places.online import online_geocoder

        fallback = online_geocoder(user_agent=args.user_agent)
    corrections = load_corrections(args.corrections) if args.corrections else None
    geocoder = GazetteerGeocoder(fallback=fallback)
    return build_journey(_articles(args), geocoder=geocoder, corrections=corrections)


def _articles(args: argparse.Namespace) -> list[Article]:
    published: datetime | None = parse_published(args.published) if args.published else None
    paths = args.articles or bundled_article_paths()
    if not paths:
        raise InputError("no articles given and none bundled in data/articles/")
    return load_articles(paths, published=published)


def _emit(args: argparse.Namespace, text: str) -> int:
    if args.output:
        write_text_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _build(args: argparse.Namespace) -> int:
    return _emit(args, geojson_text(_journey(args)))


def _stages(args: argparse.Namespace) -> int:
    journey = _journey(args)
    render: dict[str, Callable[[Journey], str]] = {
        "table": _table,
        "csv": stages_csv,
        "json": stages_json,
    }
    return _emit(args, render[args.format](journey))


def _table(journey: Journey) -> str:
    """The stage table for a terminal: each time in its own zone (with its offset), the duration beside."""
    frame = journey.stages_frame()
    stop = frame["kind"] == "stop"
    frame["from"] = frame["arrive"].where(stop, frame["depart"])
    frame["until"] = frame["depart"].where(stop, frame["arrive"])
    frame["hours"] = frame["duration_h"]
    columns = ["stage", "kind", "title", "mode", "distance_km", "from", "until", "hours", "evidence",
               "edited"]
    return str(frame[columns].astype(object).where(frame[columns].notna(), "").to_string(index=False)) + "\n"


def _html(args: argparse.Namespace) -> int:
    from geo.outputs.mapview import standalone_html

    return _emit(args, standalone_html(_journey(args)))


def _index(args: argparse.Namespace) -> int:
    """The set-up step: the gazetteer index (with a progress bar on stderr), then the bundled journey, built
    once and kept in the journey cache, so the app's first request finds everything ready."""
    from geo.pipeline import build_journey
    from geo.places.gazetteer import index_path, index_ready, load_gazetteer
    from geo.store.cache import cached_journey

    bar = ProgressBar("gazetteer index")
    if index_ready():
        print(f"gazetteer index: ready ({index_path()})", file=sys.stderr)
    else:
        load_gazetteer(progress=bar.update)
        bar.finish(str(index_path()))
    print("bundled articles: reading once…", file=sys.stderr)
    articles = load_articles(bundled_article_paths())
    cached_journey(articles, Corrections(), lambda: build_journey(articles))
    print("ready", file=sys.stderr)
    return EXIT_OK


class ProgressBar:
    """A one-line progress bar on stderr (plain step lines when stderr is not a terminal)."""

    WIDTH = 30

    def __init__(self, label: str) -> None:
        self.label = label
        self.step = ""
        self.tty = sys.stderr.isatty()

    def update(self, fraction: float, step: str) -> None:
        if self.tty:
            filled = round(self.WIDTH * max(0.0, min(1.0, fraction)))
            bar = "#" * filled + "." * (self.WIDTH - filled)
            sys.stderr.write(f"\r{self.label}: [{bar}] {fraction:4.0%} {step:<28}")
            sys.stderr.flush()
        elif step != self.step:
            print(f"{self.label}: {fraction:4.0%} {step}", file=sys.stderr)
        self.step = step

    def finish(self, where: str) -> None:
        if self.tty:
            sys.stderr.write("\n")
        print(f"{self.label}: built ({where})", file=sys.stderr)
