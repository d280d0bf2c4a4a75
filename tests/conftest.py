"""Shared fixtures: the offline gazetteer and its geocoder, built at most once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.gazetteer import Gazetteer, load_gazetteer
from geo.geocoder import GazetteerGeocoder


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
