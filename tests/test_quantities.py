"""Durations, distances and speeds read from the parse, on short texts written for one rule each and on the
bundled Reuters report."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from geo.errors import DataError
from geo.model import Article
from geo.reading.parse import parse_articles
from geo.reading.quantities import QUANTITIES_PATH, Quantity, find_quantities, load_quantity_words

KST = timezone(timedelta(hours=9))
MILE = 1.609344


def quantities(text: str) -> list[Quantity]:
    return find_quantities(Article(id="q", text=text, published=datetime(2019, 2, 24, tzinfo=KST)))


def only(text: str) -> Quantity:
    [q] = quantities(text)
    return q


@pytest.mark.parametrize(
    ("text", "phrase", "hours", "low", "high", "bound"),
    [
        ("A 70-hour train trip ended.", "70-hour", 70, 63, 77, "exact"),
        ("The trip took some 60 hours.", "some 60 hours", 60, 48, 72, "approx"),
        ("The ride took two and a half days.", "two and a half days", 60, 54, 66, "exact"),
        ("It was a week-long journey.", "a week-long", 168, 126, 210, "approx"),
        ("It was an overnight ride of about eleven hours.", "about eleven hours", 11, 8.8, 13.2, "approx"),
        ("The ride took up to 36 hours.", "up to 36 hours", 36, 0, 36, "max"),
        ("The ride took twenty-four hours.", "twenty-four hours", 24, 21.6, 26.4, "exact"),
        ("The ride took about a day and a half.", "about a day and a half", 36, 28.8, 43.2, "approx"),
        ("The trip lasted more than 60 hours.", "more than 60 hours", 60, 60, None, "min"),
        ("It could take at least two and a half days.", "at least two and a half days", 60, 60, None, "min"),
        ("The trip took 60 to 70 hours.", "60 to 70 hours", 60, 60, 70, "range"),
        (
            "He spent barely ten minutes on the platform.",
            "barely ten minutes",
            1 / 6,
            0.8 / 6,
            1 / 6,
            "approx",
        ),
    ],
)
def test_durations(text: str, phrase: str, hours: float, low: float, high: float | None, bound: str) -> None:
    q = only(text)
    assert (q.kind, q.text, q.bound) == ("duration", phrase, bound)
    assert q.value == pytest.approx(hours)
    assert q.low == pytest.approx(low)
    assert (q.high is None and high is None) or q.high == pytest.approx(high)


@pytest.mark.parametrize(
    ("text", "phrase", "km", "low", "high"),
    [
        ("It covered more than 3,000 kilometres.", "more than 3,000 kilometres", 3000, 3000, None),
        ("It ran some 4,000 km overland.", "some 4,000 km", 4000, 3200, 4800),
        ("Hanoi lies about 170 km to the south.", "about 170 km", 170, 136, 204),
        ("Estimates vary between 3,800 km and 4,500 km.", "between 3,800 km and 4,500 km", 3800, 3800, 4500),
        ("It was a 4,000km trip.", "4,000km", 4000, 3600, 4400),
        ("The road runs for 100 miles.", "100 miles", 100 * MILE, 90 * MILE, 110 * MILE),
    ],
)
def test_distances(text: str, phrase: str, km: float, low: float, high: float | None) -> None:
    q = only(text)
    assert (q.kind, q.text) == ("distance", phrase)
    assert (q.value, q.low) == (pytest.approx(km), pytest.approx(low))
    assert (q.high is None and high is None) or q.high == pytest.approx(high)


def test_thousands_of_kilometres_is_an_order_of_magnitude() -> None:
    q = only("It made the journey of thousands of kilometers through China.")
    assert (q.kind, q.vague, q.low, q.high, q.bound) == ("distance", True, 2000, 9999, "min")


@pytest.mark.parametrize(
    ("text", "kmh", "top"),
    [
        ("It travelled at an average speed of around 35 miles per hour.", 35 * MILE, False),
        ("It ran at 60km/h.", 60, False),
        ("It ran at 60 km/h.", 60, False),
        ("It ran at 40 kph.", 40, False),
        ("It moved at speeds of up to 60 km/h.", 60, True),
        ("It has a top speed of 60 kilometres an hour.", 60, True),
    ],
)
def test_speeds(text: str, kmh: float, top: bool) -> None:
    q = only(text)
    assert (q.kind, q.top_speed) == ("speed", top)
    assert q.value == pytest.approx(kmh)


def test_a_year_range_is_no_quantity() -> None:
    assert quantities("The 1950-1953 war ended in a truce.") == []


def test_a_figure_knows_what_it_modifies() -> None:
    text = "A trip from Pyongyang that lasted more than 60 hours ended."
    a = Article(id="q", text=text, published=datetime(2019, 2, 24, tzinfo=KST))
    parsed = parse_articles([a])["q"]
    [q] = find_quantities(a, parsed)
    assert q.attach is not None and q.verb is not None
    assert (parsed.tokens[q.attach].text, parsed.tokens[q.verb].text) == ("lasted", "lasted")


def test_reuters_figures(reuters: Article) -> None:
    found = [(q.kind, q.text) for q in find_quantities(reuters)]
    assert found == [
        ("duration", "eight months"),
        ("duration", "at least two and a half days"),
        ("distance", "thousands of kilometers"),
    ]


def _words_file(tmp_path: Path, change: Callable[[dict[str, Any]], object]) -> Path:
    raw = json.loads(QUANTITIES_PATH.read_text(encoding="utf-8"))
    change(raw)
    path = tmp_path / "quantities.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "change",
    [
        lambda raw: raw.pop("distance_units"),
        lambda raw: raw["qualifiers"].pop(""),
        lambda raw: raw["speed_units"].update({"mph": 0}),
        lambda raw: raw.update({"one_unit": [0.5, None]}),
    ],
    ids=["no distance units", "no plain figure", "zero factor", "open one unit"],
)
def test_malformed_quantity_words_are_a_data_error(
    tmp_path: Path, change: Callable[[dict[str, Any]], object]
) -> None:
    with pytest.raises(DataError):
        load_quantity_words(_words_file(tmp_path, change))


def test_a_hundred_and_sixty_is_one_figure() -> None:
    """"a hundred and sixty miles" is 160 miles, not 60 (nor "a" hundred alone)."""
    q = only("The special ran a hundred and sixty miles that day.")
    assert (q.kind, q.text) == ("distance", "a hundred and sixty miles")
    assert q.value == pytest.approx(160 * MILE)
    q = only("The road runs two hundred and twenty-five kilometres.")
    assert q.value == pytest.approx(225)
