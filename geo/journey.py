"""A ``Journey``: the articles, the itinerary they tell, its route and timings, as ordered stages.

Stages interleave stops with the legs and border crossings between them, so a reader can step through the
journey in travel order. Stages are numbered from 1 wherever people see them (the app's "Stage 3 of 9", the
stage table, the CSV and the GeoJSON's ``stage``); ``Stage.seq`` stays the 0-based index.

Every time a row shows is in the zone that row names: a stop's in its place's zone, a leg's departure in the
zone it leaves from and its arrival in the zone it reaches, each with its UTC offset, and the duration beside
them, so a train that crosses into an earlier zone never seems to arrive before it left.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pandas as pd

from geo.model import Article, Hop, Itinerary, Leg, Route, Stage, Stop, TimePin, TimeWindow, Timing

Evidence = Literal["reported", "expected", "inferred"]
"""What the articles say of a stage: reported as done, expected (planned), or not said at all (inferred)."""
_FUTURE = frozenset({"planned", "expected"})

STAGE_COLUMNS = (
    "stage", "kind", "title", "start", "end", "mode", "distance_km",
    "arrive_earliest", "arrive", "arrive_latest", "arrive_timezone",
    "depart_earliest", "depart", "depart_latest", "depart_timezone", "duration_h",
    "evidence", "inferred", "edited", "reason", "edit_note", "quotes",
)  # fmt: skip


@dataclass(frozen=True)
class Journey:
    """Everything the map and the exports need, built once per set of articles and corrections."""

    articles: tuple[Article, ...]
    itinerary: Itinerary
    route: Route
    timing: Timing
    stages: tuple[Stage, ...]

    @property
    def stops(self) -> tuple[Stop, ...]:
        return self.route.stops

    @property
    def legs(self) -> tuple[Leg, ...]:
        return self.route.legs

    @property
    def total_distance_km(self) -> float:
        return sum(leg.distance_km for leg in self.legs)

    def stop_of(self, stage: Stage) -> Stop | None:
        """The stop a stop stage shows (None for a leg)."""
        if stage.stop is None:
            return None
        return next((stop for stop in self.stops if stop.seq == stage.stop), None)

    def leg_of(self, stage: Stage) -> Leg | None:
        """The leg or crossing a stage shows (None for a stop)."""
        if stage.leg is None:
            return None
        return next((leg for leg in self.legs if leg.seq == stage.leg), None)

    def hop_of(self, leg: Leg) -> Hop | None:
        """The itinerary's hop a leg belongs to: the hop leaving the stop its stretch of route starts at."""
        ends = self.hop_ends(leg)
        if ends is None:
            return None
        index = next((i for i, stop in enumerate(self.itinerary.stops) if stop.seq == ends[0].seq), None)
        if index is None or index >= len(self.itinerary.hops):
            return None
        return self.itinerary.hops[index]

    def hop_ends(self, leg: Leg) -> tuple[Stop, Stop] | None:
        """The stops a leg's hop runs between (a crossing belongs to the hop it lies on)."""
        before = [other for other in self.legs if other.seq <= leg.seq and other.from_stop is not None]
        after = [other for other in self.legs if other.seq >= leg.seq and other.to_stop is not None]
        if not before or not after:
            return None
        stops = {stop.seq: stop for stop in self.stops}
        start, end = stops.get(before[-1].from_stop or 0), stops.get(after[0].to_stop or 0)
        return (start, end) if start is not None and end is not None else None

    def _destination_of(self, leg: Leg) -> Stop | None:
        ends = self.hop_ends(leg)
        return ends[1] if ends else None

    def evidence(self, stage: Stage) -> Evidence:
        """Whether the articles report a stage, only expect it, or do not tell it (inferred)."""
        if stage.inferred:
            return "inferred"
        stop = self.stop_of(stage)
        leg = self.leg_of(stage)
        if leg is not None:
            stop = self._destination_of(leg)
        return "expected" if stop is not None and _expected(stop) else "reported"

    def pins_of(self, stage: Stage) -> tuple[TimePin, ...]:
        """The times an editor pinned at a stop stage."""
        if stage.stop is None:
            return ()
        return tuple(pin for pin in self.itinerary.pins if pin.stop == stage.stop)

    def edit_notes(self, stage: Stage) -> tuple[str, ...]:
        """What the editor changed about a stage, one note each; empty when it is as the reader found it."""
        notes: list[str] = []
        stop = self.stop_of(stage)
        if stop is not None and stop.edited:
            notes.append(stop.edit_note or "edited")
        leg = self.leg_of(stage)
        hop = self.hop_of(leg) if leg is not None else None
        if hop is not None and hop.edited:
            notes.append(hop.edit_note or "edited")
        for pin in self.pins_of(stage):
            what = "arrival" if pin.event == "arrive" else "departure"
            said = f": {pin.note}" if pin.note else ""
            notes.append(f"{what} pinned at {local_iso(pin.at, stage.timezone)}{said}")
        return tuple(notes)

    def stage_zones(self, stage: Stage) -> tuple[str | None, str | None]:
        """IANA zones where a stage starts and ends (a leg may end in another zone than it started)."""
        leg = self.leg_of(stage)
        if leg is not None:
            return leg.start_timezone or stage.timezone, leg.end_timezone or stage.timezone
        return stage.timezone, stage.timezone

    def stages_frame(self) -> pd.DataFrame:
        """One row per stage, numbered from 1; each time as ISO 8601 in the zone its column names."""
        rows = [self.stage_row(stage) for stage in self.stages]
        return pd.DataFrame(rows, columns=list(STAGE_COLUMNS))

    def stage_row(self, stage: Stage) -> dict[str, object]:
        """A stage as a flat dict (times as ISO strings in their zones, quotes as dicts)."""
        start_zone, end_zone = self.stage_zones(stage)
        arrive_zone = start_zone if stage.kind == "stop" else end_zone
        notes = self.edit_notes(stage)
        return {
            "stage": stage.seq + 1,
            "kind": stage.kind,
            "title": stage.title,
            "start": stage.start,
            "end": stage.end,
            "mode": stage.mode,
            "distance_km": stage.distance_km,
            **window_fields("arrive", stage.arrive, arrive_zone),
            "arrive_timezone": arrive_zone,
            **window_fields("depart", stage.depart, start_zone),
            "depart_timezone": start_zone,
            "duration_h": duration_hours(stage),
            "evidence": self.evidence(stage),
            "inferred": stage.inferred,
            "edited": bool(notes),
            "reason": stage.reason,
            "edit_note": "; ".join(notes),
            "quotes": [quote.to_dict() for quote in stage.quotes],
        }


def _expected(stop: Stop) -> bool:
    if stop.planned:
        return True
    return bool(stop.events) and all(event.status in _FUTURE for event in stop.events)


def assemble_journey(
    articles: tuple[Article, ...] | list[Article], itinerary: Itinerary, route: Route, timing: Timing
) -> Journey:
    """Order stops, legs and crossings into stages with their time windows."""
    stages = tuple(_stages(route, timing))
    return Journey(tuple(articles), itinerary, route, timing, stages)


def _stages(route: Route, timing: Timing) -> Iterator[Stage]:
    legs_after: dict[int, list[Leg]] = {}
    current: int | None = None
    for leg in route.legs:
        if leg.from_stop is not None:
            current = leg.from_stop
        legs_after.setdefault(current if current is not None else -1, []).append(leg)
    seq = 0
    for stop in route.stops:
        yield _stop_stage(seq, stop, timing)
        seq += 1
        for leg in legs_after.get(stop.seq, []):
            yield _leg_stage(seq, leg, timing)
            seq += 1


def _stop_stage(seq: int, stop: Stop, timing: Timing) -> Stage:
    tz = stop.place.timezone if stop.place else None
    return Stage(
        seq=seq,
        kind="stop",
        title=stop.name,
        start=stop.name,
        end=stop.name,
        mode=None,
        distance_km=None,
        arrive=timing.stop_arrive.get(stop.seq, TimeWindow()),
        depart=timing.stop_depart.get(stop.seq, TimeWindow()),
        timezone=tz,
        inferred=stop.inferred,
        reason=stop.reason,
        quotes=stop.quotes,
        stop=stop.seq,
    )


def _leg_stage(seq: int, leg: Leg, timing: Timing) -> Stage:
    return Stage(
        seq=seq,
        kind=leg.kind,
        title=f"{leg.start} → {leg.end}",
        start=leg.start,
        end=leg.end,
        mode=leg.mode,
        distance_km=round(leg.distance_km, 1),
        arrive=timing.leg_arrive.get(leg.seq, TimeWindow()),
        depart=timing.leg_depart.get(leg.seq, TimeWindow()),
        timezone=leg.start_timezone,
        inferred=leg.inferred_path,
        reason=leg.reason,
        quotes=leg.quotes,
        leg=leg.seq,
    )


def zone(name: str | None) -> ZoneInfo | None:
    """The IANA zone called ``name``; None when unknown or not given."""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def in_zone(moment: datetime, timezone: str | None) -> datetime:
    """``moment`` on the clocks of ``timezone`` (unchanged when the zone is unknown)."""
    where = zone(timezone)
    return moment.astimezone(where) if where is not None else moment


def local_iso(moment: datetime, timezone: str | None) -> str:
    """ISO 8601 to the minute, on the clocks of ``timezone``, with its UTC offset."""
    return in_zone(moment, timezone).isoformat(timespec="minutes")


def iso(moment: datetime | None, timezone: str | None = None) -> str | None:
    """ISO 8601 with the UTC offset, to the minute, in ``timezone`` when given; None stays None."""
    return local_iso(moment, timezone) if moment is not None else None


def window_fields(prefix: str, window: TimeWindow, timezone: str | None = None) -> dict[str, str | None]:
    """``arrive_earliest``/``arrive``/``arrive_latest`` (or ``depart_…``) from a window, in ``timezone``."""
    return {
        f"{prefix}_earliest": iso(window.earliest, timezone),
        prefix: iso(window.likely, timezone),
        f"{prefix}_latest": iso(window.latest, timezone),
    }


def duration_hours(stage: Stage) -> float | None:
    """Likely hours from the stage's start to its end (a stop's dwell, a leg's travel), to 0.01 h."""
    start, end = (stage.arrive, stage.depart) if stage.kind == "stop" else (stage.depart, stage.arrive)
    if start.likely is None or end.likely is None:
        return None
    return round((end.likely - start.likely).total_seconds() / 3600, 2)
