"""The optional online geocoder: disk cache and geopy's rate limiter, with a fake service (no network)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from geopy.exc import GeocoderQueryError
from geopy.extra.rate_limiter import RateLimiter
from geopy.location import Location
from geopy.point import Point

from geo.errors import GazetteerError, InputError
from geo.places.online import CachedGeocoder, decode_result, encode_result, online_geocoder


class FakeService:
    """Answers like Nominatim would for two names, and records when it was called."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, float]] = []

    def geocode(self, query: str, *, exactly_one: bool = True, timeout: Any = None, **kwargs: Any) -> Any:
        self.calls.append((query, time.monotonic()))
        if query == "Broken":
            raise GeocoderQueryError("bad query")
        if query != "Hanoi":
            return None
        hanoi = Location("Hà Nội, Việt Nam", Point(21.0285, 105.8542), {"osm_id": 1903516, "type": "city"})
        return hanoi if exactly_one else [hanoi]


@pytest.fixture
def fake() -> FakeService:
    return FakeService()


def _online(tmp_path: Path, fake: FakeService, **options: Any) -> CachedGeocoder:
    """The online geocoder over the fake, with no delay between calls unless a test asks for one."""
    options.setdefault("min_delay_seconds", 0.0)
    return online_geocoder(user_agent="geo-journey tests", cache_dir=tmp_path, service=fake, **options)


def test_second_call_is_answered_by_the_cache(tmp_path: Path, fake: FakeService) -> None:
    online = _online(tmp_path, fake)
    first = online.geocode("Hanoi")
    second = online.geocode("Hanoi")
    assert len(fake.calls) == 1
    assert isinstance(second, Location)
    assert isinstance(first, Location)
    assert (second.address, second.raw) == (first.address, first.raw)


def test_cache_survives_a_new_geocoder_object(tmp_path: Path, fake: FakeService) -> None:
    _online(tmp_path, fake).geocode("Hanoi")
    again = _online(tmp_path, fake).geocode("Hanoi")
    assert len(fake.calls) == 1
    assert isinstance(again, Location)
    assert again.latitude == pytest.approx(21.0285)


def test_no_match_is_cached_too(tmp_path: Path, fake: FakeService) -> None:
    online = _online(tmp_path, fake)
    assert online.geocode("Qzxwvutopia") is None
    assert online.geocode("Qzxwvutopia") is None
    assert len(fake.calls) == 1


def test_different_options_are_cached_apart(tmp_path: Path, fake: FakeService) -> None:
    online = _online(tmp_path, fake)
    online.geocode("Hanoi")
    many = online.geocode("Hanoi", exactly_one=False)
    assert isinstance(many, list)
    assert len(fake.calls) == 2


def test_calls_go_through_geopys_rate_limiter(tmp_path: Path, fake: FakeService) -> None:
    online = _online(tmp_path, fake, min_delay_seconds=0.2)
    assert isinstance(online.rate_limited, RateLimiter)
    online.geocode("Hanoi")
    online.geocode("Haiphong")
    (_, first), (_, second) = fake.calls
    assert second - first >= 0.2


def test_service_errors_become_gazetteer_errors_and_are_not_cached(tmp_path: Path, fake: FakeService) -> None:
    online = _online(tmp_path, fake, max_retries=0)
    for _ in range(2):
        with pytest.raises(GazetteerError, match="Broken"):
            online.geocode("Broken")
    assert len(fake.calls) == 2


def test_blank_user_agent_is_refused(tmp_path: Path, fake: FakeService) -> None:
    with pytest.raises(InputError, match="user agent"):
        online_geocoder(user_agent=" ", cache_dir=tmp_path, service=fake)


def test_default_service_is_nominatim_with_our_user_agent(tmp_path: Path) -> None:
    online = online_geocoder(user_agent="geo-journey tests", cache_dir=tmp_path, timeout=3)
    assert type(online.service).__name__ == "Nominatim"
    assert online.service.headers["User-Agent"] == "geo-journey tests"  # type: ignore[attr-defined]
    assert online.cache_path.parent == tmp_path


def test_encoded_answers_round_trip() -> None:
    hanoi = Location("Hà Nội", Point(21.0285, 105.8542), {"osm_id": 1})
    assert decode_result(encode_result([hanoi])) == [hanoi]
    assert decode_result(encode_result(None)) is None
