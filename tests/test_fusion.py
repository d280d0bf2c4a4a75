"""Several reports of one trip make one journey: stops merge, names resolve descriptions, nothing is lost."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from geo.model import Article, Itinerary
from geo.pipeline import read_itinerary
from geo.places.geocoder import GazetteerGeocoder
from geo.reading.articles import article_from_text

TEXTS = Path(__file__).parent / "texts"
STATION = "a station on the Chinese border"


def _report(name: str) -> Article:
    text = (TEXTS / name).read_text(encoding="utf-8")
    return article_from_text(text, datetime(2019, 2, 26, 12, tzinfo=UTC), id=name, publisher=name)


@pytest.fixture(scope="module")
def bundled_only(reuters: Article, nbc: Article, geocoder: GazetteerGeocoder) -> Itinerary:
    return read_itinerary([reuters, nbc], geocoder)[1]


@pytest.fixture(scope="module")
def with_a_report(reuters: Article, nbc: Article, geocoder: GazetteerGeocoder) -> Itinerary:
    return read_itinerary([reuters, nbc, _report("timing_report_a.txt")], geocoder)[1]


def test_alone_the_bundled_articles_describe_the_border_station_without_naming_it(
    bundled_only: Itinerary,
) -> None:
    station = bundled_only.stops[2]
    assert station.name == STATION and station.place is None and station.inferred


def test_a_report_that_names_the_station_resolves_the_description(with_a_report: Itinerary) -> None:
    station = with_a_report.stops[2]
    assert station.name == "Đồng Đăng" and not station.inferred
    assert station.place is not None and station.place.country == "VN"
    # the station carries the Reuters sentence that describes it and the report's sentence that names it
    assert {q.article for q in station.quotes} == {"000_bde62e97f9f7df89", "timing_report_a.txt"}


def test_adding_a_report_keeps_every_stop_and_its_order(
    bundled_only: Itinerary, with_a_report: Itinerary
) -> None:
    before = [s.place.geonameid for s in bundled_only.stops if s.place is not None]
    after = [s.place.geonameid for s in with_a_report.stops if s.place is not None]
    assert [g for g in after if g in before] == before
    assert [s.role for s in with_a_report.stops] == ["origin", "border", "border", "destination"]


def test_merged_stops_keep_every_articles_quotes(with_a_report: Itinerary) -> None:
    dandong = with_a_report.stops[1]
    assert dandong.name == "Dandong"
    assert {"000_bde62e97f9f7df89", "timing_report_a.txt"} <= {q.article for q in dandong.quotes}


def test_the_hops_keep_their_modes(bundled_only: Itinerary, with_a_report: Itinerary) -> None:
    modes = ["rail", "rail", "road"]
    assert [h.mode for h in with_a_report.hops] == [h.mode for h in bundled_only.hops] == modes
