"""Exports of a ``Journey``: GeoJSON (RFC 7946), the stage table as CSV/JSON, and atomic file writes.

GeoJSON contract (``python -m geo build``, written down in ``docs/journey.schema.json``): one Point feature
per stop (``kind: "stop"``) and one LineString feature per leg or border crossing (``kind: "leg"`` /
``"crossing"``), lon/lat coordinates, no ``crs``. Every feature carries its 1-based ``stage`` number (the
app's "Stage N"), its ``evidence`` (reported / expected / inferred) and whether an editor changed it
(``edited``, ``edit_note``); its times are in the zone it names.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from shapely.geometry import LineString, mapping

from geo.errors import OutputError
from geo.journey import Journey, duration_hours, iso, window_fields
from geo.model import Leg, Stage, Stop, TimeWindow

COORD_DECIMALS = 6
"""RFC 7946 §11.2: six decimals (~0.1 m) is more than enough precision."""


def journey_to_geojson(journey: Journey) -> dict[str, Any]:
    """The journey as an RFC 7946 FeatureCollection (a plain dict, ready for ``json.dumps``)."""
    stop_stages = {stage.stop: stage for stage in journey.stages if stage.stop is not None}
    leg_stages = {stage.leg: stage for stage in journey.stages if stage.leg is not None}
    features = [_stop_feature(stop, stop_stages.get(stop.seq), journey) for stop in journey.stops]
    features += [_leg_feature(leg, leg_stages.get(leg.seq), journey) for leg in journey.legs]
    collection: dict[str, Any] = {"type": "FeatureCollection", "features": features}
    bounds = _bbox(features)
    if bounds is not None:
        collection["bbox"] = bounds
    return collection


def geojson_text(journey: Journey) -> str:
    """The GeoJSON as UTF-8-ready text (non-ASCII names kept readable)."""
    return json.dumps(journey_to_geojson(journey), ensure_ascii=False, indent=1) + "\n"


def _stage_fields(stage: Stage | None, journey: Journey) -> dict[str, Any]:
    if stage is None:
        return {"stage": None, "evidence": None, "edited": False, "edit_note": None}
    notes = journey.edit_notes(stage)
    return {"stage": stage.seq + 1, "evidence": journey.evidence(stage), "edited": bool(notes),
            "edit_note": "; ".join(notes) or None}


def _stop_feature(stop: Stop, stage: Stage | None, journey: Journey) -> dict[str, Any]:
    place = stop.place
    zone = place.timezone if place else None
    geometry = (
        {"type": "Point", "coordinates": [_r(place.longitude), _r(place.latitude)]} if place else None
    )
    properties: dict[str, Any] = {
        "kind": "stop",
        "seq": stop.seq,
        **_stage_fields(stage, journey),
        "name": stop.name,
        "role": stop.role,
        "geonameid": place.geonameid if place else None,
        "country": place.country if place and place.country else None,
        "timezone": place.timezone if place else None,
        "inferred": stop.inferred,
        "reason": stop.reason or None,
        "description": stop.description,
        **window_fields("arrive", journey.timing.stop_arrive.get(stop.seq, TimeWindow()), zone),
        **window_fields("depart", journey.timing.stop_depart.get(stop.seq, TimeWindow()), zone),
        "pins": [{"event": pin.event, "at": iso(pin.at, zone), "note": pin.note}
                 for pin in journey.itinerary.pins if pin.stop == stop.seq],
        "quotes": [quote.to_dict() for quote in stop.quotes],
    }
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def _leg_feature(leg: Leg, stage: Stage | None, journey: Journey) -> dict[str, Any]:
    properties: dict[str, Any] = {
        "kind": leg.kind,
        "seq": leg.seq,
        **_stage_fields(stage, journey),
        "from": leg.start,
        "to": leg.end,
        "mode": leg.mode,
        "distance_km": round(leg.distance_km, 1),
        "approximate": leg.approximate,
        "via": list(leg.via),
        "countries": list(leg.countries),
        "inferred_path": leg.inferred_path,
        "reason": leg.reason or None,
        **window_fields("arrive", journey.timing.leg_arrive.get(leg.seq, TimeWindow()), leg.end_timezone),
        **window_fields("depart", journey.timing.leg_depart.get(leg.seq, TimeWindow()), leg.start_timezone),
        "depart_timezone": leg.start_timezone,
        "arrive_timezone": leg.end_timezone,
        "duration_h": duration_hours(stage) if stage is not None else None,
        "quotes": [quote.to_dict() for quote in leg.quotes],
    }
    return {"type": "Feature", "geometry": _line(leg.geometry), "properties": properties}


def _line(geometry: LineString) -> dict[str, Any]:
    data = mapping(geometry)
    return {
        "type": data["type"],
        "coordinates": [[_r(x), _r(y)] for x, y, *_ in data["coordinates"]],
    }


def _r(value: float) -> float:
    return round(float(value), COORD_DECIMALS)


def _bbox(features: list[dict[str, Any]]) -> list[float] | None:
    xs: list[float] = []
    ys: list[float] = []
    for feature in features:
        geometry = feature["geometry"]
        if geometry is None:
            continue
        coords = geometry["coordinates"]
        points = [coords] if geometry["type"] == "Point" else coords
        xs += [point[0] for point in points]
        ys += [point[1] for point in points]
    if not xs:
        return None
    return [min(xs), min(ys), max(xs), max(ys)]


def stages_csv(journey: Journey) -> str:
    """The stage table as CSV (stages numbered from 1); quotes are joined into one cell as
    ``source: "text"`` lines, the source being the publisher, else the article's name."""
    frame = journey.stages_frame()
    frame["quotes"] = [
        "\n".join(f'{q["publisher"] or q["article"]}: "{q["text"]}"' for q in quotes)
        for quotes in frame["quotes"]
    ]
    return str(frame.to_csv(index=False))


def stages_json(journey: Journey) -> str:
    """The stage table as a JSON array of row objects."""
    frame = journey.stages_frame()
    return json.dumps(frame.to_dict(orient="records"), ensure_ascii=False, indent=1) + "\n"


def write_text_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` all at once: a temporary file in the same folder, then a rename.

    An existing file is replaced only when the new one is complete; on any failure it is left untouched.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path()
    if target.is_dir():
        raise OutputError(f"{target}: is a directory")
    if not folder.is_dir():
        raise OutputError(f"{target}: folder {folder} does not exist")
    try:
        handle, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise OutputError(f"{target}: cannot write here ({err.strerror})") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        if target.exists():
            os.chmod(tmp_name, target.stat().st_mode & 0o777)
        else:
            os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, target)
    except OSError as err:
        Path(tmp_name).unlink(missing_ok=True)
        raise OutputError(f"{target}: cannot write ({err.strerror})") from None
