"""Shared fixtures: the offline gazetteer and its geocoder, built at most once per test session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from geo.journey import Journey
from geo.model import Article
from geo.pipeline import build_journey
from geo.places.gazetteer import Gazetteer, load_gazetteer
from geo.places.geocoder import GazetteerGeocoder
from geo.reading.articles import bundled_article_paths, load_articles


@pytest.fixture(scope="session")
def gazetteer_cache_dir(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """pytest's own cache directory (kept between runs, inside the repo), else a session tmp dir."""
    cache = getattr(request.config, "cache", None)
    if cache is not None:
        return Path(cache.mkdir("geo-gazetteer"))
    return tmp_path_factory.mktemp("geo-gazetteer")


@pytest.fixture(scope="session")
def gazetteer(gazetteer_cache_dir: Path) -> Gazetteer:
    """The real GeoNames gazetteer (the index is built on the first run only: ~15 s)."""
    return load_gazetteer(gazetteer_cache_dir)


@pytest.fixture(scope="session")
def geocoder(gazetteer: Gazetteer) -> GazetteerGeocoder:
    """The offline geopy geocoder over the session's gazetteer."""
    return GazetteerGeocoder(gazetteer)


@pytest.fixture(scope="session", autouse=True)
def _shared_gazetteer_cache(gazetteer_cache_dir: Path) -> Iterator[None]:
    """Code that opens the default gazetteer (the CLI, the app, subprocesses) shares the session's index."""
    previous = os.environ.get("GEO_CACHE_DIR")
    os.environ["GEO_CACHE_DIR"] = str(gazetteer_cache_dir)
    yield
    if previous is None:
        os.environ.pop("GEO_CACHE_DIR", None)
    else:
        os.environ["GEO_CACHE_DIR"] = previous


@pytest.fixture(scope="session")
def bundled_articles() -> list[Article]:
    """The two bundled articles (Reuters, NBC News)."""
    return load_articles(bundled_article_paths())


@pytest.fixture(scope="session")
def reuters(bundled_articles: list[Article]) -> Article:
    """The Reuters report (Seoul, Sunday 24 Feb 2019) as bundled, with its metadata."""
    return next(article for article in bundled_articles if article.publisher == "Reuters")


@pytest.fixture(scope="session")
def nbc(bundled_articles: list[Article]) -> Article:
    """The NBC News report (9 Feb 2019) as bundled, with its metadata."""
    return next(article for article in bundled_articles if article.publisher == "NBC News")


@pytest.fixture(scope="session")
def journey(bundled_articles: list[Article], geocoder: GazetteerGeocoder) -> Journey:
    """The journey the bundled articles tell, built once per test session."""
    return build_journey(bundled_articles, geocoder=geocoder)
