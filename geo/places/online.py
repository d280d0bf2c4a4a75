"""Optional online geocoding through geopy's Nominatim: rate-limited, cached on disk, off unless asked for.

Nothing in the default pipeline calls this module. Nominatim's usage policy asks for a real user agent and at
most one request per second, and answers rarely change, so every answer (including "no match") is kept in a
small SQLite file in the user cache and a repeated query never reaches the network again.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol, TypeAlias

from geopy.exc import GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.location import Location
from geopy.point import Point

from geo.errors import GazetteerError, InputError
from geo.places.gazetteer import default_cache_dir

GeocodeResult: TypeAlias = "Location | list[Location] | None"


class SupportsGeocode(Protocol):
    """Anything with geopy's ``geocode(query, *, exactly_one, timeout, ...)``: a geopy geocoder or a fake."""

    def geocode(self, query: str, *, exactly_one: bool = True, timeout: Any = ..., **kwargs: Any) -> Any: ...


def _location_to_json(location: Location) -> dict[str, Any]:
    return {
        "address": location.address,
        "latitude": location.latitude,
        "longitude": location.longitude,
        "altitude": location.altitude,
        "raw": location.raw,
    }


def _location_from_json(data: dict[str, Any]) -> Location:
    point = Point(data["latitude"], data["longitude"], data.get("altitude") or 0.0)
    return Location(data["address"], point, data.get("raw") or {})


def encode_result(result: GeocodeResult) -> str:
    """JSON text of a geocoding answer (a Location, a list of them, or None for "no match")."""
    if result is None:
        return "null"
    if isinstance(result, list):
        return json.dumps([_location_to_json(item) for item in result], ensure_ascii=False)
    return json.dumps(_location_to_json(result), ensure_ascii=False)


def decode_result(text: str) -> GeocodeResult:
    """The answer stored by ``encode_result``."""
    data = json.loads(text)
    if data is None:
        return None
    if isinstance(data, list):
        return [_location_from_json(item) for item in data]
    return _location_from_json(data)


@dataclass
class CachedGeocoder:
    """A geocoder whose calls go through geopy's ``RateLimiter`` and whose answers are cached on disk.

    ``min_delay_seconds`` is the least time between two requests to the service (Nominatim asks for 1 s);
    ``timeout`` is seconds per request; a service error is retried ``max_retries`` times, 5 s apart.
    """

    service: SupportsGeocode
    cache_path: Path
    min_delay_seconds: float = 1.0
    timeout: float = 10.0
    max_retries: int = 2
    rate_limited: RateLimiter = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.rate_limited = RateLimiter(
            self.service.geocode,
            min_delay_seconds=self.min_delay_seconds,
            max_retries=self.max_retries,
            error_wait_seconds=max(5.0, self.min_delay_seconds),
            swallow_exceptions=False,
        )
        try:
            self.cache_path.parent.mkdir(parents=True, exist_ok=True)
            with self._connect() as connection:
                connection.execute(
                    "CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, answer TEXT NOT NULL, "
                    "fetched TEXT NOT NULL)"
                )
        except (OSError, sqlite3.Error) as error:
            raise GazetteerError(f"cannot create the online cache {self.cache_path}: {error}") from error

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        connection = sqlite3.connect(self.cache_path, timeout=30.0)
        try:
            with connection:
                yield connection
        finally:
            connection.close()

    def cached(self, key: str) -> tuple[bool, GeocodeResult]:
        """(True, answer) when ``key`` was asked before, else (False, None)."""
        try:
            with self._connect() as connection:
                row = connection.execute("SELECT answer FROM answers WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as error:
            raise GazetteerError(f"cannot read the online cache {self.cache_path}: {error}") from error
        if row is None:
            return False, None
        try:
            return True, decode_result(row[0])
        except (ValueError, KeyError, TypeError):
            return False, None

    def geocode(self, query: str, exactly_one: bool = True, **kwargs: Any) -> GeocodeResult:
        """The service's answer for ``query`` (extra keyword arguments go to the service), cached."""
        if not isinstance(query, str) or not query.strip():
            raise InputError("an online geocoding query must be a non-empty string")
        key = json.dumps({"query": query, "exactly_one": exactly_one, **kwargs}, sort_keys=True, default=str)
        found, answer = self.cached(key)
        if found:
            return answer
        try:
            answer = self.rate_limited(query, exactly_one=exactly_one, timeout=self.timeout, **kwargs)
        except GeopyError as error:
            raise GazetteerError(f"online geocoding of {query!r} failed: {error}") from error
        fetched = datetime.now(UTC).isoformat(timespec="seconds")
        try:
            with self._connect() as connection:
                connection.execute(
                    "INSERT OR REPLACE INTO answers VALUES (?, ?, ?)", (key, encode_result(answer), fetched)
                )
        except sqlite3.Error as error:
            raise GazetteerError(f"cannot write the online cache {self.cache_path}: {error}") from error
        return answer


def online_geocoder(
    *,
    user_agent: str,
    cache_dir: Path | str | None = None,
    min_delay_seconds: float = 1.0,
    timeout: float = 10.0,
    max_retries: int = 2,
    service: SupportsGeocode | None = None,
) -> CachedGeocoder:
    """Nominatim (OpenStreetMap) behind a rate limiter and a disk cache; only when the user asks for it.

    ``user_agent`` must name the application (Nominatim's policy). ``cache_dir`` defaults to the gazetteer's
    cache directory. ``service`` replaces Nominatim (tests inject a fake; nothing else touches the network).
    """
    if not user_agent.strip():
        raise InputError("online geocoding needs a user agent that names the application (Nominatim policy)")
    if service is None:
        from geopy.geocoders import Nominatim

        service = Nominatim(user_agent=user_agent, timeout=timeout)
    directory = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    path = directory / f"online-{type(service).__name__.lower()}.sqlite"
    return CachedGeocoder(service, path, min_delay_seconds, timeout, max_retries)
