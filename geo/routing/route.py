"""Join an itinerary's stops over the rail network (or by road or air) into legs split at borders.

Rail hops follow the shortest path over the network; road hops are a geodesic line whose length is scaled by
a road factor (``data/road.json``) and marked approximate; air hops are great-circle lines. A rail path is cut
where the country changes: the stretch between the last station of one country and the first of the next is
a "crossing" leg of its own. A stop the articles describe but do not name ("a station on the Chinese
border") is placed on the network: the first station inside the next stop's country on the path from the
previous stop.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from geographiclib.geodesic import Geodesic
from geopy.distance import geodesic
from shapely.geometry import LineString

from geo.datafiles import read_json_object
from geo.errors import DataError, RouteError
from geo.model import Hop, Itinerary, Leg, Mode, Place, Route, Station, Stop
from geo.paths import DATA_DIR
from geo.routing.railnet import STATION_RADIUS_KM, RailNetwork

ROAD_FILE = DATA_DIR / "road.json"
SNAP_MAX_KM = 150.0
"""A stop further than this (km) from every station is not joined to the network by rail."""
DENSIFY_KM = 50.0
"""Great-circle lines (air, road) get a vertex at least every this many km so they draw as curves."""
DISPLAY_TOLERANCE_DEG = 0.01
"""Simplification tolerance for drawing (degrees, about 1 km): invisible at country scale."""
SAME_POINT_KM = 0.5
"""A stop this close to its station (km) adds no vertex of its own to the geometry."""


@dataclass(frozen=True)
class RoadModel:
    """How long a road is when no road data exists: ``factor`` × the geodesic distance."""

    factor: float
    source: str
    approximate: bool = True


def load_road_model(path: str | Path | None = None) -> RoadModel:
    """Read the road factor (default ``data/road.json``); DataError when missing or malformed."""
    file = Path(path) if path is not None else ROAD_FILE
    doc = read_json_object(file, "the road model")
    factor = doc.get("factor")
    source = doc.get("source")
    if not isinstance(factor, int | float) or isinstance(factor, bool) or not 1.0 <= factor <= 3.0:
        raise DataError(f"{file.name}: 'factor' must be a number between 1 and 3")
    if not isinstance(source, str) or not source.strip():
        raise DataError(f"{file.name}: 'source' must say where the factor comes from")
    return RoadModel(float(factor), source, bool(doc.get("approximate", True)))


def display_geometry(leg: Leg, tolerance_deg: float = DISPLAY_TOLERANCE_DEG) -> LineString:
    """The leg's line simplified for drawing (``tolerance_deg`` in degrees); distances never use it."""
    return leg.geometry.simplify(tolerance_deg, preserve_topology=False)


def line_km(geometry: LineString) -> float:
    """Length of a lon/lat line on the WGS84 ellipsoid, in km (sum of geodesic pieces)."""
    coords = list(geometry.coords)
    return float(sum(geodesic((a[1], a[0]), (b[1], b[0])).km for a, b in itertools.pairwise(coords)))


def great_circle(a: tuple[float, float], b: tuple[float, float], step_km: float = DENSIFY_KM) -> LineString:
    """The geodesic from ``a`` to ``b`` (lat, lon) as a lon/lat line with a vertex every ``step_km`` km."""
    line = Geodesic.WGS84.InverseLine(a[0], a[1], b[0], b[1])
    count = max(1, int(line.s13 / 1000.0 / step_km) + 1)
    points = []
    for i in range(count + 1):
        pos = line.Position(line.s13 * i / count)
        points.append((pos["lon2"], pos["lat2"]))
    return LineString(points)


# --- unnamed stops ------------------------------------------------------------------------------------


def resolve_stops(
    stops: Sequence[Stop], network: RailNetwork, told_km: Mapping[int, tuple[float, str]] | None = None
) -> tuple[Stop, ...]:
    """Every stop with ``place`` None placed on the network when its neighbours allow it, else explained."""
    resolved = [_by_station_name(stop, network) for stop in stops]
    for i, stop in enumerate(resolved):
        if stop.place is None:
            told = (told_km or {}).get(stop.seq)
            resolved[i] = _resolve_unnamed(stop, resolved[:i], stops[i + 1 :], network, told)
    return tuple(resolved)


def _by_station_name(stop: Stop, network: RailNetwork) -> Stop:
    """A stop the text names but the gazetteer lacks, placed at the rail station of that name."""
    if stop.place is not None or stop.inferred:
        return stop
    station = network.station_named(stop.name, stop.country_hint)
    if station is None:
        return stop
    told = stop.reason.split(";")[0].rstrip(".")
    reason = (f"{told}; the gazetteer has no place called {stop.name!r}, so it is placed at the "
              f"{station.name} station of the rail network.")
    return replace(stop, place=_station_place(station, reason), reason=reason)


def _station_place(station: Station, why: str) -> Place:
    """A rail station as a ``Place``; local ids (negative: not in the gazetteer) become None."""
    return Place(name=station.name, latitude=station.latitude, longitude=station.longitude,
                 country=station.country, kind="station",
                 geonameid=station.geonameid if station.geonameid > 0 else None,
                 timezone=station.timezone, why=why)


def _resolve_unnamed(
    stop: Stop, before: Sequence[Stop], after: Sequence[Stop], network: RailNetwork,
    told: tuple[float, str] | None = None,
) -> Stop:
    prev = next((s for s in reversed(before) if s.place is not None), None)
    nxt = next((s for s in after if s.place is not None), None)
    what = stop.description or stop.name or "an unnamed stop"
    if (prev is None) != (nxt is None) and stop.border_of:
        known = prev if prev is not None else nxt
        assert known is not None
        return _border_end(stop, known, network, what, told)
    if prev is None or nxt is None or prev.place is None or nxt.place is None:
        side = "before" if prev is None else "after"
        return replace(stop, reason=f"No article names {what!r} and no named stop comes {side} it, "
                                    "so it cannot be placed on the network.")
    target = stop.country_hint or nxt.place.country
    if not target:
        return replace(stop, reason=f"No article names {what!r} and the country of {nxt.name} is unknown, "
                                    "so it cannot be placed.")
    try:
        path = _station_path(prev.place, nxt.place, network)
    except RouteError as exc:
        return replace(stop, reason=f"No article names {what!r}; it cannot be placed: {exc}.")
    station = _first_across(path, target, stop.border_of)
    if station is None:
        return replace(stop, reason=f"No article names {what!r}; the line from {prev.name} toward "
                                    f"{nxt.name} crosses no border into {target}, so it cannot be placed.")
    origin = stop.border_of if stop.border_of and stop.border_of != target else prev.place.country
    noun = "station" if (stop.feature or "station") == "station" else "place"
    reason = (f"No article names the {noun}; the first station in {target} on the line from {origin} "
              f"toward {nxt.name} is {station.name}.")
    same = [s.name for s in (prev, nxt) if s.place is not None and station == _snap(s.place, network)]
    if same:
        reason += f" It is the station of the stop {same[0]} too, so the two may be one."
    return replace(stop, name=station.name, place=_station_place(station, reason), inferred=True,
                   reason=reason)


def _border_end(
    stop: Stop, known: Stop, network: RailNetwork, what: str, told: tuple[float, str] | None = None
) -> Stop:
    """An unnamed border place at an end of the journey ("from a town on the Polish border" to Kyiv): the
    station of that country at its border that is nearest by rail to the named stop on the other side; when
    the text states how long the ride took ("an overnight ride of roughly ten hours"), the one whose rail
    distance is nearest the distance that time implies."""
    border = stop.border_of
    assert border is not None and known.place is not None
    target = _snap(known.place, network)
    if target is None:
        return replace(stop, reason=f"No article names {what!r} and {known.name} is far from any station.")
    best: tuple[float, float, Station] | None = None  # (how far from what the text says, km, station)
    for station in network.stations.values():
        if station.country != border or not any(
            network.stations[n].country != border for n in network.graph.neighbors(station.geonameid)
        ):
            continue
        countries = {border, known.place.country}
        try:
            path = network.shortest_path(station.geonameid, target.geonameid, countries=countries)
        except RouteError:
            continue
        km = sum(network.graph.edges[a.geonameid, b.geonameid]["weight"] for a, b in itertools.pairwise(path))
        off = abs(km - told[0]) if told else km
        if best is None or off < best[0]:
            best = (off, km, station)
    if best is None:
        return replace(stop, reason=f"No article names {what!r}; no border station of {border} is joined to "
                                    f"{known.name} on the network, so it cannot be placed.")
    _, km, station = best
    if told:
        reason = (f"No article names the place; of the border stations of {border} joined by rail to "
                  f"{known.name}, {station.name} ({km:,.0f} km) best fits “{told[1]}” (about "
                  f"{told[0]:,.0f} km at the usual speed of a train there).")
    else:
        reason = (f"No article names the place; the border station of {border} nearest by rail to "
                  f"{known.name} is {station.name} ({km:,.0f} km).")
    return replace(stop, name=station.name, place=_station_place(station, reason), inferred=True,
                   reason=reason)


def _first_across(path: Sequence[Station], target: str, border_of: str | None) -> Station | None:
    """First station in ``target`` entered from another country (from ``border_of`` when given)."""
    fallback = None
    for a, b in itertools.pairwise(path):
        if b.country == target and a.country != target:
            if border_of is None or border_of == target or a.country == border_of:
                return b
            fallback = fallback or b
    return fallback


def _station_path(
    a: Place, b: Place, network: RailNetwork, via: Sequence[str] = ()
) -> list[Station]:
    """Stations from the one serving ``a`` to the one serving ``b`` (RouteError when not joined), inside the
    two stops' countries and the ones the text says the hop passes through when the network allows."""
    sa = _snap(a, network)
    sb = _snap(b, network)
    if sa is None or sb is None:
        far = a if sa is None else b
        raise RouteError(f"{far.name} is more than {SNAP_MAX_KM:.0f} km from any station")
    if sa.geonameid == sb.geonameid:
        return [sa]
    countries = {c for c in (a.country, b.country, *via) if c}
    return network.shortest_path(sa.geonameid, sb.geonameid, countries=countries)


def _snap(place: Place, network: RailNetwork) -> Station | None:
    """The station serving ``place``, else the nearest within ``SNAP_MAX_KM`` (its own country first)."""
    return network.station_for(place) or network.station_for(place, max_km=SNAP_MAX_KM)


# --- legs ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Draft:
    """A leg before numbering: everything but ``seq``."""

    kind: str
    start: str
    end: str
    mode: Mode
    coords: tuple[tuple[float, float], ...]
    via: tuple[str, ...]
    countries: tuple[str, ...]
    inferred_path: bool
    approximate: bool
    reason: str
    start_timezone: str | None
    end_timezone: str | None
    factor: float = 1.0


def plan_route(
    itinerary: Itinerary, network: RailNetwork, road: RoadModel | None = None,
    told_km: Mapping[int, tuple[float, str]] | None = None,
) -> Route:
    """Legs for every hop of ``itinerary``, numbered in travel order; RouteError when none is possible.
    ``told_km``: for an unnamed stop (by ``seq``), the rail distance a stated duration implies, and the
    phrase that states it."""
    stops = itinerary.stops
    if len(itinerary.hops) != max(0, len(stops) - 1):
        raise RouteError(f"the itinerary has {len(stops)} stops but {len(itinerary.hops)} hops")
    resolved = resolve_stops(stops, network, told_km)
    placed = [i for i, s in enumerate(resolved) if s.place is not None]
    if len(placed) < 2:
        raise RouteError("fewer than two stops could be placed, so there is no route to draw")
    road_model = road or load_road_model()
    legs: list[Leg] = []
    for i, j in itertools.pairwise(placed):
        hop, skipped = _joined_hop(itinerary.hops[i:j], resolved[i + 1 : j])
        drafts = _hop_drafts(resolved[i], resolved[j], hop, network, road_model)
        if _told_by_text(drafts, resolved[i], resolved[j]) and not skipped:
            drafts = [replace(drafts[0], inferred_path=False)]
        for k, draft in enumerate(drafts):
            reason = draft.reason + skipped + _mode_note(hop)
            legs.append(_leg(len(legs), draft, hop, reason,
                             from_stop=resolved[i].seq if k == 0 else None,
                             to_stop=resolved[j].seq if k == len(drafts) - 1 else None))
    return Route(stops=resolved, legs=tuple(legs))


def _mode_note(hop: Hop) -> str:
    """Say so when the articles do not state how the traveller went."""
    if not hop.mode_inferred:
        return ""
    return f" The mode ({hop.mode}) is inferred" + (f": {hop.reason}" if hop.reason else ".")


def _told_by_text(drafts: Sequence[_Draft], a: Stop, b: Stop) -> bool:
    """A single rail leg between two named stops with nothing between them is the path the text tells."""
    return (len(drafts) == 1 and drafts[0].mode == "rail" and not drafts[0].via
            and not drafts[0].approximate and not a.inferred and not b.inferred)


def _joined_hop(hops: Sequence[Hop], skipped: Sequence[Stop]) -> tuple[Hop, str]:
    """One hop standing for ``hops`` around unplaced stops, and a note saying which were skipped."""
    if not skipped:
        return hops[0], ""
    modes = {h.mode for h in hops}
    mode: Mode = "rail" if modes == {"rail"} else hops[0].mode
    quotes = tuple(q for h in hops for q in h.quotes)
    via = tuple(dict.fromkeys(c for h in hops for c in h.via_countries))
    names = ", ".join(repr(s.description or s.name) for s in skipped)
    hop = Hop(mode=mode, mode_inferred=len(modes) > 1 or hops[0].mode_inferred, via_countries=via,
              quotes=quotes, reason=hops[0].reason)
    return hop, f" Routed around {names}, which could not be placed."


def _leg(seq: int, draft: _Draft, hop: Hop, reason: str, from_stop: int | None, to_stop: int | None) -> Leg:
    geometry = LineString(draft.coords)
    distance = line_km(geometry) * draft.factor
    return Leg(seq=seq, kind="crossing" if draft.kind == "crossing" else "leg", start=draft.start,
               end=draft.end, mode=draft.mode, geometry=geometry, distance_km=distance, via=draft.via,
               countries=draft.countries, inferred_path=draft.inferred_path, approximate=draft.approximate,
               reason=reason, quotes=hop.quotes, from_stop=from_stop, to_stop=to_stop,
               start_timezone=draft.start_timezone, end_timezone=draft.end_timezone)


def _hop_drafts(a: Stop, b: Stop, hop: Hop, network: RailNetwork, road: RoadModel) -> list[_Draft]:
    assert a.place is not None and b.place is not None
    if hop.mode == "rail":
        try:
            return _rail_drafts(a, b, hop, network)
        except RouteError as exc:
            return [_straight(a, b, hop.mode, 1.0, approximate=True,
                              reason=f"Rail, but {exc}: drawn as a straight line, distance approximate.")]
    if hop.mode == "road":
        km = _km_between(a.place, b.place)
        return [_straight(a, b, "road", road.factor, approximate=True,
                          reason=f"Road: no road data, so the distance is the geodesic {km:.0f} km × "
                                 f"{road.factor:g}, the road factor (approximate).")]
    if hop.mode == "air":
        return [_straight(a, b, "air", 1.0, approximate=False, reason="Air: the great-circle line.")]
    return [_straight(a, b, hop.mode, 1.0, approximate=True,
                      reason=f"{hop.mode.capitalize()}: no route data, drawn as the great-circle line.")]


def _straight(a: Stop, b: Stop, mode: Mode, factor: float, *, approximate: bool, reason: str) -> _Draft:
    pa, pb = a.place, b.place
    assert pa is not None and pb is not None
    line = great_circle((pa.latitude, pa.longitude), (pb.latitude, pb.longitude))
    countries = tuple(dict.fromkeys(c for c in (pa.country, pb.country) if c))
    return _Draft("leg", a.name, b.name, mode, tuple(line.coords), (), countries, True, approximate, reason,
                  pa.timezone, pb.timezone, factor)


def _rail_drafts(a: Stop, b: Stop, hop: Hop, network: RailNetwork) -> list[_Draft]:
    pa, pb = a.place, b.place
    assert pa is not None and pb is not None
    path = _station_path(pa, pb, network, hop.via_countries)
    if len(path) == 1:
        return [_straight(a, b, "rail", 1.0, approximate=True,
                          reason=f"Rail: {path[0].name} serves both stops; drawn as a straight line.")]
    notes = _snap_notes(a, path[0]) + _snap_notes(b, path[-1])
    groups = [list(g) for _, g in itertools.groupby(path, key=lambda st: st.country)]
    drafts: list[_Draft] = []
    for k, group in enumerate(groups):
        if len(group) > 1:
            drafts.append(_country_draft(group, network.path_lines(group)))
        if k < len(groups) - 1:
            drafts.append(_crossing_draft(group[-1], groups[k + 1][0], network))
    _attach_stops(drafts, a, b, path)
    if notes:
        drafts[0] = replace(drafts[0], reason=drafts[0].reason + notes)
    if hop.via_countries:
        crossed = {st.country for st in path}
        missing = [c for c in hop.via_countries if c not in crossed]
        if missing:
            drafts[0] = replace(drafts[0], reason=drafts[0].reason + f" The text says the hop goes through "
                                f"{', '.join(missing)}, which this path does not.")
    return drafts


def _country_draft(group: list[Station], lines: list[str]) -> _Draft:
    """A rail leg inside one country, from its first to its last station on the path."""
    via = tuple(st.name for st in group[1:-1])
    country = group[0].country
    on = f" on the {', '.join(lines)}" if lines else ""
    reason = (f"Rail within {country}: the shortest path over the network{on}"
              + (f", via {len(via)} stations the articles do not name." if via else "."))
    return _Draft("leg", group[0].name, group[-1].name, "rail", _coords(group), via, (country,), True,
                  False, reason, group[0].timezone, group[-1].timezone)


def _crossing_draft(a: Station, b: Station, network: RailNetwork) -> _Draft:
    line = network.graph.edges[a.geonameid, b.geonameid]["line"]
    reason = (f"Border crossing from {a.country} to {b.country}: {a.name} and {b.name} are consecutive "
              f"stations of the {line}.")
    return _Draft("crossing", a.name, b.name, "rail", _coords([a, b]), (), (a.country, b.country), True,
                  False, reason, a.timezone, b.timezone)


def _attach_stops(drafts: list[_Draft], a: Stop, b: Stop, path: list[Station]) -> None:
    """Start the first draft at stop ``a`` and end the last at ``b`` when they are not the stations."""
    pa, pb = a.place, b.place
    assert pa is not None and pb is not None
    head = drafts[0]
    coords, via = head.coords, head.via
    if _km_between(pa, path[0]) > SAME_POINT_KM:
        coords = ((pa.longitude, pa.latitude), *coords)
    if head.start != a.name:
        via = (head.start, *via)
    drafts[0] = replace(head, start=a.name, coords=coords, via=via,
                        start_timezone=pa.timezone or head.start_timezone)
    tail = drafts[-1]
    coords, via = tail.coords, tail.via
    if _km_between(pb, path[-1]) > SAME_POINT_KM:
        coords = (*coords, (pb.longitude, pb.latitude))
    if tail.end != b.name:
        via = (*via, tail.end)
    drafts[-1] = replace(tail, end=b.name, coords=coords, via=via,
                         end_timezone=pb.timezone or tail.end_timezone)


def _snap_notes(stop: Stop, station: Station) -> str:
    place = stop.place
    assert place is not None
    if place.geonameid == station.geonameid:
        return ""
    km = _km_between(place, station)
    if km <= STATION_RADIUS_KM:
        return f" {stop.name} is served by {station.name} station ({km:.0f} km away)."
    return (f" {stop.name} is not on the network; snapped to the nearest station, {station.name} "
            f"({km:.0f} km).")


def _km_between(place: Place, other: Place | Station) -> float:
    return float(geodesic((place.latitude, place.longitude), (other.latitude, other.longitude)).km)


def _coords(stations: Sequence[Station]) -> tuple[tuple[float, float], ...]:
    return tuple((st.longitude, st.latitude) for st in stations)
