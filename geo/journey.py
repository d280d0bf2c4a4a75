"""A ``Journey``: the articles, the itinerary they tell, its route and timings, as ordered stages.

Stages interleave stops with the legs and border crossings between them, so a reader can step through the
journey in travel order; ``Journey.stages_frame()`` gives the same rows as a pandas DataFrame.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

import pandas as pd

from geo.model import Article, Itinerary, Leg, Route, Stage, Stop, TimeWindow, Timing

STAGE_COLUMNS = (
    "seq", "kind", "title", "start", "end", "mode", "distance_km",
    "arrive_earliest", "arrive", "arrive_latest", "depart_earliest", "depart", "depart_latest",
    "timezone", "inferred", "reason", "quotes",
)  # fmt: skip


@dataclass(frozen=True)
class Journey:
    """Everything the map and the exports need, built once per set of articles."""

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

    def stages_frame(self) -> pd.DataFrame:
        """One row per stage; times as ISO 8601 strings with the place's UTC offset."""
        rows = [stage_row(stage) for stage in self.stages]
        return pd.DataFrame(rows, columns=list(STAGE_COLUMNS))


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


def iso(moment: datetime | None) -> str | None:
    """ISO 8601 with the UTC offset, to the minute; None stays None."""
    return moment.isoformat(timespec="minutes") if moment is not None else None


def window_fields(prefix: str, window: TimeWindow) -> dict[str, str | None]:
    """``arrive_earliest``/``arrive``/``arrive_latest`` (or ``depart_…``) from a window."""
    return {
        f"{prefix}_earliest": iso(window.earliest),
        prefix: iso(window.likely),
        f"{prefix}_latest": iso(window.latest),
    }


def stage_row(stage: Stage) -> dict[str, object]:
    """A stage as a flat dict (times as ISO strings, quotes as dicts)."""
    return {
        "seq": stage.seq,
        "kind": stage.kind,
        "title": stage.title,
        "start": stage.start,
        "end": stage.end,
        "mode": stage.mode,
        "distance_km": stage.distance_km,
        **window_fields("arrive", stage.arrive),
        **window_fields("depart", stage.depart),
        "timezone": stage.timezone,
        "inferred": stage.inferred,
        "reason": stage.reason,
        "quotes": [quote.to_dict() for quote in stage.quotes],
    }
