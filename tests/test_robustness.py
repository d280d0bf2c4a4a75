"""Untrusted text never crashes the pipeline: it yields a journey or one ``GeoError``, nothing else.

The inputs are the real articles cut, shuffled and mixed, the test texts, and hostile strings.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path

import pytest

from geo.errors import GeoError
from geo.model import Article
from geo.pipeline import build_journey
from geo.places.geocoder import GazetteerGeocoder
from geo.reading.parse import parse_texts

TEXTS = Path(__file__).parent / "texts"
PUBLISHED = datetime(2019, 2, 24, 3, tzinfo=UTC)


def _sentences(articles: list[Article]) -> list[str]:
    texts = [a.text for a in articles] + [p.read_text(encoding="utf-8") for p in sorted(TEXTS.glob("*.txt"))]
    return [
        parsed.span_text(s).strip() for parsed in parse_texts(texts) for s in parsed.sentences
        if parsed.span_text(s).strip()
    ]


def _build_or_geo_error(text: str, geocoder: GazetteerGeocoder) -> None:
    try:
        journey = build_journey([Article("fuzz", text, PUBLISHED, publisher="Fuzz")], geocoder=geocoder)
    except GeoError:
        return
    assert len(journey.stops) >= 2
    for stop in journey.stops:
        for quote in stop.quotes:
            assert text[quote.start : quote.end] == quote.text


@pytest.mark.parametrize("seed", range(25))
def test_shuffled_sentences_give_a_journey_or_a_geo_error(
    seed: int, bundled_articles: list[Article], geocoder: GazetteerGeocoder
) -> None:
    rng = random.Random(seed)
    pool = _sentences(bundled_articles)
    text = " ".join(rng.sample(pool, k=rng.randint(1, 12)))
    _build_or_geo_error(text, geocoder)


@pytest.mark.parametrize("cut", [1, 50, 417, 600, 1200, 2000, 3000])
def test_truncated_article_gives_a_journey_or_a_geo_error(
    cut: int, reuters: Article, geocoder: GazetteerGeocoder
) -> None:
    _build_or_geo_error(reuters.text[:cut], geocoder)


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script> left Pyongyang by train for Beijing on Monday.",
        "Kim left Pyongyang by train for Pyongyang.",
        "Kim left Pyongyang by train for Beijing, then Beijing, then Beijing.",
        "LEFT PYONGYANG BY TRAIN FOR BEIJING ON MONDAY.",
        "Kim left by train on Monday.",
        "Kim left Atlantis by train for El Dorado on Feb. 30.",
        "\u200bKim\u00a0left\u00a0Pyongyang by train for Vladivostok on 31 Feb 2019.",
        "Kim left Pyongyang by train for Beijing " + "and then " * 400 + "Shanghai.",
        "Kim left Pyongyang by plane for Buenos Aires on Monday.",
        "Kim left Pyongyang by train for Beijing in 1958 and 2019 and 3019 on Monday at 25:99.",
        "\n\n\n.",
    ],
    ids=["html", "same-place", "repeats", "upper-case", "no-place", "fictional", "odd-spaces", "long",
         "no-rail-to-there", "odd-dates", "punctuation"],
)
def test_hostile_text_gives_a_journey_or_a_geo_error(text: str, geocoder: GazetteerGeocoder) -> None:
    _build_or_geo_error(text, geocoder)
