"""The rail network: ``data/rail/*.json`` lines loaded into one networkx graph of gazetteer stations.

Nodes are station ids (GeoNames ids; negative ids are local stations that GeoNames cities500 lacks), edges
join consecutive stations of a line, weighted by their geodesic distance in km. Lines join where they share
a station id. The network knows nothing about any journey; it only answers "which station is near" and
"which stations lie between".
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
from geopy.distance import geodesic

from geo.datafiles import read_json_object
from geo.errors import DataError, RouteError
from geo.model import Place, Station
from geo.paths import DATA_DIR
from geo.reading.text import fold_compact

RAIL_DIR = DATA_DIR / "rail"
STATION_RADIUS_KM = 25.0
"""A place this close to a station (km) is served by it: a town's station lies within its urban area."""
SAME_STATION_KM = 1.0
"""Two records of one station id may differ by rounding, not by more than this (km)."""


@dataclass(frozen=True)
class Line:
    """One railway line as its data file tells it: stations in line order and where the facts come from."""

    name: str
    countries: tuple[str, ...]
    source: str
    stations: tuple[int, ...]
    path: str = ""


class RailNetwork:
    """Stations and lines as a graph. Shared and cached: treat ``graph`` as read-only."""

    def __init__(self, stations: Mapping[int, Station], lines: Iterable[Line]) -> None:
        self.stations: dict[int, Station] = dict(stations)
        self.lines: tuple[Line, ...] = tuple(lines)
        self.graph: nx.Graph = _graph(self.stations, self.lines)

    def __repr__(self) -> str:
        return f"RailNetwork({len(self.stations)} stations, {len(self.lines)} lines)"

    def nearest_station(
        self, lat: float, lon: float, max_km: float | None = None, country: str | None = None
    ) -> Station | None:
        """The station closest to (lat, lon) on the ellipsoid (in ``country`` when given), or None when
        none lies within ``max_km``."""
        pool = [st for st in self.stations.values() if country is None or st.country == country]
        best = min(pool, key=lambda st: _km((lat, lon), st), default=None)
        if best is None or (max_km is not None and _km((lat, lon), best) > max_km):
            return None
        return best

    def station_for(self, place: Place, max_km: float = STATION_RADIUS_KM) -> Station | None:
        """The station serving ``place``: the same GeoNames id, else the nearest within ``max_km`` km in the
        place's own country (a border town is not served by the station across the river), else any."""
        if place.geonameid is not None and place.geonameid in self.stations:
            return self.stations[place.geonameid]
        if place.country:
            home = self.nearest_station(place.latitude, place.longitude, max_km=max_km, country=place.country)
            if home is not None:
                return home
        return self.nearest_station(place.latitude, place.longitude, max_km=max_km)

    def station_named(self, name: str, country: str | None = None) -> Station | None:
        """The station called ``name`` (case- and accent-insensitive; in ``country`` when given), if exactly
        one is: a place the gazetteer lacks can still be a station the network knows."""
        key = fold_compact(name)
        found = [
            st for st in self.stations.values()
            if fold_compact(st.name) == key and (country is None or st.country == country)
        ]  # fmt: skip
        return found[0] if len(found) == 1 else None

    def shortest_path(
        self, a_id: int, b_id: int, countries: Collection[str] | None = None
    ) -> list[Station]:
        """Stations from ``a_id`` to ``b_id`` along the shortest path by geodesic km (both ends included).

        With ``countries``, a path that stays inside them is taken when one exists, however much longer:
        Khasan → Moscow runs on Russia's own line, not on the shorter line through China that no one
        would take without saying so.
        """
        for sid in (a_id, b_id):
            if sid not in self.stations:
                raise RouteError(f"station {sid} is not on the rail network")
        if countries:
            inside = [sid for sid, st in self.stations.items() if st.country in countries]
            try:
                ids = nx.shortest_path(self.graph.subgraph(inside), a_id, b_id, weight="weight")
                return [self.stations[sid] for sid in ids]
            except (nx.NetworkXNoPath, nx.NodeNotFound):
                pass
        try:
            ids = nx.shortest_path(self.graph, a_id, b_id, weight="weight")
        except nx.NetworkXNoPath as exc:
            a, b = self.stations[a_id].name, self.stations[b_id].name
            raise RouteError(f"no rail path joins {a} and {b} on the network") from exc
        return [self.stations[sid] for sid in ids]

    def path_lines(self, path: list[Station]) -> list[str]:
        """Names of the lines the path runs on, in order of travel, each once."""
        names: list[str] = []
        for a, b in itertools.pairwise(path):
            for name in self.graph.edges[a.geonameid, b.geonameid]["lines"]:
                if name not in names:
                    names.append(name)
                break
        return names


def _km(point: tuple[float, float], station: Station) -> float:
    return float(geodesic(point, (station.latitude, station.longitude)).km)


def _graph(stations: Mapping[int, Station], lines: Iterable[Line]) -> nx.Graph:
    graph = nx.Graph()
    for sid, st in stations.items():
        graph.add_node(sid, name=st.name, country=st.country)
    for line in lines:
        for a, b in itertools.pairwise(line.stations):
            if graph.has_edge(a, b):
                graph.edges[a, b]["lines"] += (line.name,)
                continue
            km = _km((stations[a].latitude, stations[a].longitude), stations[b])
            graph.add_edge(a, b, weight=km, line=line.name, lines=(line.name,))
    return graph


def load_network(path: str | Path | None = None) -> RailNetwork:
    """Load every ``*.json`` line under ``path`` (a directory or one file; default ``data/rail``).

    Cached per resolved path: the network is read once per process.
    """
    return _load(Path(path).resolve() if path is not None else RAIL_DIR.resolve())


@functools.lru_cache(maxsize=8)
def _load(path: Path) -> RailNetwork:
    if path.is_dir():
        files = sorted(path.glob("*.json"))
        if not files:
            raise DataError(f"no rail line files (*.json) in {path}")
    elif path.is_file():
        files = [path]
    else:
        raise DataError(f"rail data not found: {path}")
    stations: dict[int, Station] = {}
    lines = [_read_line(file, stations) for file in files]
    return RailNetwork(stations, lines)


def _read_line(path: Path, stations: dict[int, Station]) -> Line:
    """Parse one line file, adding its stations to ``stations`` (checked against earlier files)."""
    doc = read_json_object(path, "a rail line")
    name = _text(doc, "name", path.name)
    source = _text(doc, "source", path.name)
    countries = doc.get("countries", [])
    if not isinstance(countries, list) or not all(_is_country(c) for c in countries):
        raise DataError(f"{path.name}: 'countries' must be a list of ISO 3166-1 alpha-2 codes")
    rows = doc.get("stations")
    if not isinstance(rows, list) or len(rows) < 2:
        raise DataError(f"{path.name}: 'stations' must list at least two stations in line order")
    ids: list[int] = []
    for i, row in enumerate(rows):
        station = _station(row, f"{path.name}: station {i}")
        known = stations.get(station.geonameid)
        if known is not None and not _same(known, station):
            raise DataError(f"{path.name}: station {station.geonameid} ({station.name}) disagrees with "
                            f"{known.name} in another file")
        stations.setdefault(station.geonameid, station)
        if ids and ids[-1] == station.geonameid:
            raise DataError(f"{path.name}: station {station.name} is listed twice in a row")
        ids.append(station.geonameid)
    return Line(name, tuple(countries), source, tuple(ids), path.name)


def _text(doc: Mapping[str, Any], key: str, where: str) -> str:
    value = doc.get(key)
    if not isinstance(value, str) or not value.strip():
        raise DataError(f"{where}: '{key}' must be a non-empty string")
    return value


def _is_country(value: object) -> bool:
    return isinstance(value, str) and len(value) == 2 and value.isalpha() and value.isupper()


def _station(row: object, where: str) -> Station:
    if not isinstance(row, dict):
        raise DataError(f"{where}: must be an object with name, geonameid, lat, lon, country")
    name = _text(row, "name", where)
    sid, lat, lon = row.get("geonameid"), row.get("lat"), row.get("lon")
    if not isinstance(sid, int) or isinstance(sid, bool) or sid == 0:
        raise DataError(f"{where} ({name}): 'geonameid' must be a non-zero integer")
    for key, value, bound in (("lat", lat, 90), ("lon", lon, 180)):
        if not isinstance(value, int | float) or isinstance(value, bool) or not -bound <= value <= bound:
            raise DataError(f"{where} ({name}): '{key}' must be a number within ±{bound}")
    country = row.get("country")
    if not _is_country(country):
        raise DataError(f"{where} ({name}): 'country' must be an ISO 3166-1 alpha-2 code")
    zone = row.get("timezone")
    if zone is not None and not isinstance(zone, str):
        raise DataError(f"{where} ({name}): 'timezone' must be a string")
    return Station(sid, name, float(lat), float(lon), str(country), zone)  # type: ignore[arg-type]


def _same(a: Station, b: Station) -> bool:
    return a.country == b.country and _km((a.latitude, a.longitude), b) <= SAME_STATION_KM
