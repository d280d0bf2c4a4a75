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
    return build_journey(_articles(args), geocoder=GazetteerGeocoder(fallback=fallback))


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
    frame = journey.stages_frame()
    columns = ["seq", "kind", "title", "mode", "distance_km", "arrive", "depart", "inferred"]
    return str(frame[columns].astype(object).where(frame[columns].notna(), "").to_string(index=False)) + "\n"


def _html(args: argparse.Namespace) -> int:
    from geo.outputs.mapview import standalone_html

    return _emit(args, standalone_html(_journey(args)))
