"""The speed and dwell model of ``data/speeds.json`` and ``data/crossings.json``: how fast each mode runs in
each country, and how long border crossings and stops hold the traveller.

Speeds are average km/h over a leg including short en-route stops; dwell times are hours. Every figure is a
(minimum, likely, maximum) triple with its source, so timing can carry earliest/likely/latest windows. The
triples are a model the articles' stated times may overrule; ``hard_max_kmh`` is not (no average above it).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path
from typing import Any

from geo.datafiles import read_json_object
from geo.errors import DataError
from geo.paths import DATA_DIR

SPEEDS_PATH = DATA_DIR / "speeds.json"
CROSSINGS_PATH = DATA_DIR / "crossings.json"
MODES = ("rail", "road", "air", "sea")


@dataclass(frozen=True)
class Range:
    """A (minimum, likely, maximum) figure with where it comes from."""

    min: float
    likely: float
    max: float
    source: str = ""

    def as_tuple(self) -> tuple[float, float, float]:
        return self.min, self.likely, self.max


@dataclass(frozen=True, eq=False)
class SpeedModel:
    """Speeds by mode and country (km/h), crossing and stop dwell times (hours), rail gauges (mm)."""

    defaults: dict[str, Range]
    by_country: dict[str, dict[str, Range]]
    crossing_speed: dict[str, Range]
    crossing_dwell: dict[str, Range]
    gauges_mm: dict[str, int]
    gauge_change: Range
    through_gauge_pairs: frozenset[frozenset[str]]
    stop_dwell: Range
    source: str = ""
    notes: dict[str, str] = field(default_factory=dict)
    hard_max_kmh: dict[str, float] = field(default_factory=dict)
    """Average speeds no leg of the mode exceeds (km/h): the only hard limits of the model."""
    crossings: dict[tuple[frozenset[str], str], Range] = field(default_factory=dict)
    """Dwell on a known border crossing, by (the two countries, mode), from ``data/crossings.json``."""

    def hard_min_hours(self, mode: str, distance_km: float) -> float:
        """The least time a leg of ``distance_km`` can take (hours): at the mode's hard maximum speed."""
        top = self.hard_max_kmh.get(mode)
        return max(distance_km, 0.0) / top if top else 0.0

    def speed(self, mode: str, country: str | None = None) -> tuple[float, float, float]:
        """(min, likely, max) km/h for ``mode`` in ``country`` (ISO code), or the mode's default."""
        return self.speed_range(mode, country).as_tuple()

    def speed_range(self, mode: str, country: str | None = None) -> Range:
        """Like ``speed`` with the figure's source."""
        if mode not in self.defaults:
            raise DataError(f"no speeds for mode {mode!r}")
        return self.by_country.get(mode, {}).get((country or "").upper(), self.defaults[mode])

    def leg_speed(self, mode: str, countries: tuple[str, ...], *, crossing: bool = False) -> Range:
        """Speed over a leg through ``countries``: the crossing speed for a border stretch, otherwise the
        slowest country's figures (conservative when a leg was not split at a border)."""
        if crossing and mode in self.crossing_speed:
            return self.crossing_speed[mode]
        ranges = [self.speed_range(mode, c) for c in countries] or [self.speed_range(mode)]
        if len(ranges) == 1:
            return ranges[0]
        return Range(
            min(r.min for r in ranges),
            min(r.likely for r in ranges),
            min(r.max for r in ranges),
            source="; ".join(dict.fromkeys(r.source for r in ranges)),
        )

    def gauge_break(self, a: str, b: str) -> bool:
        """True when rail stock must change bogies between countries ``a`` and ``b``."""
        ga, gb = self.gauges_mm.get(a.upper()), self.gauges_mm.get(b.upper())
        if ga is None or gb is None or ga == gb:
            return False
        return frozenset((a.upper(), b.upper())) not in self.through_gauge_pairs

    def border_dwell(self, mode: str, countries: tuple[str, ...]) -> Range:
        """Hours held at a border between consecutive ``countries``: formalities, plus a bogie change for rail
        where the gauges differ and no through (dual-gauge) line is known."""
        base = self.crossing_dwell.get(mode, Range(0.0, 0.0, 0.0, "no crossing dwell for this mode"))
        pairs = [
            self.crossings.get((frozenset((a.upper(), b.upper())), mode)) for a, b in pairwise(countries)
        ]
        known = [r for r in pairs if r is not None]
        if known and len(known) == len(pairs):
            base = Range(
                sum(r.min for r in known),
                sum(r.likely for r in known),
                sum(r.max for r in known),
                source="; ".join(r.source for r in known),
            )
        if mode != "rail":
            return base
        breaks = sum(self.gauge_break(a, b) for a, b in pairwise(countries))
        if not breaks:
            return base
        g = self.gauge_change
        return Range(
            base.min + breaks * g.min,
            base.likely + breaks * g.likely,
            base.max + breaks * g.max,
            source=f"{base.source}; gauge change: {g.source}",
        )


def load_speed_model(path: str | Path | None = None, crossings_path: str | Path | None = None) -> SpeedModel:
    """Read ``data/speeds.json`` (or ``path``) and ``data/crossings.json`` (or ``crossings_path``); raise
    ``DataError`` when either is missing or malformed."""
    source = Path(path) if path is not None else SPEEDS_PATH
    raw = read_json_object(source, "the speed model")
    try:
        model = _model_from_dict(raw)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DataError(f"{source}: malformed speed model ({exc!r})") from exc
    crossings_file = Path(crossings_path) if crossings_path is not None else CROSSINGS_PATH
    raw_crossings = read_json_object(crossings_file, "the border crossings")
    try:
        crossings = _crossings_from_dict(raw_crossings)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DataError(f"{crossings_file}: malformed border crossings ({exc!r})") from exc
    return replace(model, crossings=crossings)


def _crossings_from_dict(raw: dict[str, Any]) -> dict[tuple[frozenset[str], str], Range]:
    if not isinstance(raw.get("source"), str):
        raise ValueError("the file needs a top-level 'source' note")
    out: dict[tuple[frozenset[str], str], Range] = {}
    for k, item in enumerate(raw["crossings"]):
        countries = frozenset(str(c).upper() for c in item["countries"])
        mode = str(item["mode"])
        if len(countries) != 2 or mode not in MODES:
            raise ValueError(f"crossings[{k}]: need two countries and a mode among {MODES}")
        out[(countries, mode)] = _range(item["dwell_hours"], f"crossings[{k}].dwell_hours", positive=False)
    return out


def _range(value: Any, what: str, *, positive: bool) -> Range:
    if not isinstance(value, dict):
        raise ValueError(f"{what}: expected an object with min, likely, max")
    lo, likely, hi = (float(value[k]) for k in ("min", "likely", "max"))
    if not lo <= likely <= hi:
        raise ValueError(f"{what}: need min <= likely <= max, got {lo}, {likely}, {hi}")
    if lo < 0 or (positive and lo <= 0):
        raise ValueError(f"{what}: figures must be {'positive' if positive else 'non-negative'}")
    source = value.get("source", "")
    if not isinstance(source, str) or not source.strip():
        raise ValueError(f"{what}: every figure needs a 'source'")
    return Range(lo, likely, hi, source)


def _model_from_dict(raw: dict[str, Any]) -> SpeedModel:
    if not isinstance(raw.get("source"), str):
        raise ValueError("the file needs a top-level 'source' note")
    modes = raw["modes"]
    missing = [m for m in MODES if m not in modes]
    if missing:
        raise ValueError(f"modes missing: {missing}")
    defaults = {m: _range(modes[m]["default"], f"modes.{m}.default", positive=True) for m in modes}
    by_country = {
        m: {
            str(code).upper(): _range(v, f"modes.{m}.countries.{code}", positive=True)
            for code, v in modes[m].get("countries", {}).items()
        }
        for m in modes
    }
    crossing = raw["crossing"]
    gauges = raw["gauges_mm"]
    hard = raw["hard_max_kmh"]
    if not isinstance(hard.get("source"), str) or not hard["source"].strip():
        raise ValueError("hard_max_kmh needs a 'source'")
    hard_max = {m: float(hard[m]) for m in MODES}
    if any(v <= 0 for v in hard_max.values()):
        raise ValueError("hard_max_kmh must be positive")
    return SpeedModel(
        defaults=defaults,
        by_country=by_country,
        crossing_speed={
            m: _range(v["speed"], f"crossing.{m}.speed", positive=True) for m, v in crossing.items()
        },
        crossing_dwell={
            m: _range(v["dwell_hours"], f"crossing.{m}.dwell", positive=False) for m, v in crossing.items()
        },
        gauges_mm={str(k).upper(): int(v) for k, v in gauges["countries"].items()},
        gauge_change=_range(raw["gauge_change_hours"], "gauge_change_hours", positive=False),
        through_gauge_pairs=frozenset(
            frozenset(str(c).upper() for c in pair["countries"]) for pair in raw["through_gauge_pairs"]
        ),
        stop_dwell=_range(raw["stop_dwell_hours"], "stop_dwell_hours", positive=False),
        source=raw["source"],
        notes={"gauges": str(gauges.get("source", "")), "hard_max_kmh": str(hard["source"])},
        hard_max_kmh=hard_max,
    )
