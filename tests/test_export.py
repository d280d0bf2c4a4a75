"""GeoJSON export: RFC 7946 rules, a GDAL read, atomic writes, and the stage table."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import jsonschema
import pyogrio
import pytest

from geo.errors import OutputError
from geo.journey import Journey
from geo.outputs.export import geojson_text, journey_to_geojson, stages_csv, write_text_atomic


def _positions(geometry: dict[str, Any]) -> list[list[float]]:
    kind, coords = geometry["type"], geometry["coordinates"]
    if kind == "Point":
        return [coords]
    if kind == "LineString":
        return coords
    if kind == "MultiLineString":
        return [p for line in coords for p in line]
    raise AssertionError(f"unexpected geometry type {kind}")


def assert_rfc7946(collection: dict[str, Any]) -> None:
    """The parts of RFC 7946 our files can break: structure, lon/lat ranges, no crs, bbox order."""
    assert collection["type"] == "FeatureCollection"
    assert "crs" not in collection
    assert isinstance(collection["features"], list) and collection["features"]
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        assert isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        if geometry is None:
            continue
        positions = _positions(geometry)
        if geometry["type"] == "LineString":
            assert len(positions) >= 2
        for lon, lat, *rest in positions:
            assert -180 <= lon <= 180 and -90 <= lat <= 90
            assert len(rest) <= 1
    west, south, east, north = collection["bbox"]
    assert west <= east and south <= north


def test_geojson_follows_rfc7946(journey: Journey) -> None:
    assert_rfc7946(journey_to_geojson(journey))


def test_geojson_coordinates_are_lon_lat(journey: Journey) -> None:
    stops = [f for f in journey_to_geojson(journey)["features"] if f["properties"]["kind"] == "stop"]
    origin = stops[0]
    lon, lat = origin["geometry"]["coordinates"]
    assert (round(lat), round(lon)) == (round(journey.stops[0].place.latitude),
                                        round(journey.stops[0].place.longitude))  # fmt: skip
    assert lon > 100  # east Asia: a swapped pair would put it in the Arctic or fail the range check


def test_geojson_opens_with_gdal(journey: Journey, tmp_path: Path) -> None:
    path = tmp_path / "journey.geojson"
    path.write_text(geojson_text(journey), encoding="utf-8")
    info = pyogrio.read_info(path)
    assert info["features"] == len(journey.stops) + len(journey.legs)
    meta, _, geometry, fields = pyogrio.raw.read(path)
    kinds = fields[list(meta["fields"]).index("kind")]
    assert set(kinds) == {"stop", "leg", "crossing"}
    assert all(wkb is not None for wkb in geometry)


def test_leg_distances_add_up_to_the_journey(journey: Journey) -> None:
    legs = [f for f in journey_to_geojson(journey)["features"] if f["properties"]["kind"] != "stop"]
    total = sum(f["properties"]["distance_km"] for f in legs)
    assert total == pytest.approx(journey.total_distance_km, abs=1.0)


def test_stages_csv_has_a_row_per_stage(journey: Journey) -> None:
    lines = stages_csv(journey).splitlines()
    assert lines[0].startswith("stage,kind,title,start,end,mode,distance_km,")
    assert sum(1 for line in lines if line[:1].isdigit()) >= len(journey.stages)


def test_stage_numbers_agree_across_the_table_the_csv_and_the_geojson(journey: Journey) -> None:
    frame = journey.stages_frame()
    assert list(frame["stage"]) == list(range(1, len(journey.stages) + 1))
    rows = list(csv.DictReader(io.StringIO(stages_csv(journey))))
    assert [int(row["stage"]) for row in rows] == list(frame["stage"])
    numbered = {(f["properties"]["kind"], f["properties"].get("name") or f"{f['properties']['from']} → "
                 f"{f['properties']['to']}"): f["properties"]["stage"]
                for f in journey_to_geojson(journey)["features"]}
    for stage in journey.stages:
        assert numbered[(stage.kind, stage.title)] == stage.seq + 1


def test_every_time_is_in_the_zone_its_row_names(journey: Journey) -> None:
    for row in journey.stages_frame().to_dict(orient="records"):
        for event in ("arrive", "depart"):
            zone = row[f"{event}_timezone"]
            for column in (f"{event}_earliest", event, f"{event}_latest"):
                if isinstance(row[column], str) and zone:
                    moment = datetime.fromisoformat(row[column])
                    assert moment.utcoffset() == moment.astimezone(ZoneInfo(zone)).utcoffset(), (row, column)


def test_no_row_arrives_before_it_leaves(journey: Journey) -> None:
    for row in journey.stages_frame().to_dict(orient="records"):
        if row["kind"] != "stop" and isinstance(row["depart"], str) and isinstance(row["arrive"], str):
            assert datetime.fromisoformat(row["arrive"]) >= datetime.fromisoformat(row["depart"])
            assert row["duration_h"] >= 0


def test_atomic_write_replaces_only_when_complete(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    write_text_atomic(target, json.dumps({"new": True}))
    assert json.loads(target.read_text(encoding="utf-8")) == {"new": True}
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_atomic_write_to_a_directory_fails_cleanly(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="is a directory"):
        write_text_atomic(tmp_path, "x")


SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "docs" / "journey.schema.json").read_text("utf-8"))


def test_geojson_validates_against_the_documented_schema(journey: Journey) -> None:
    jsonschema.validate(journey_to_geojson(journey), SCHEMA)


@pytest.mark.parametrize(
    "breakage",
    ["swap-lon-lat", "crs", "leg-without-mode", "bad-time", "stage-zero", "edited-not-boolean"],
)
def test_schema_rejects_broken_files(journey: Journey, breakage: str) -> None:
    data = journey_to_geojson(journey)
    stop = next(f for f in data["features"] if f["properties"]["kind"] == "stop")
    leg = next(f for f in data["features"] if f["properties"]["kind"] == "leg")
    if breakage == "swap-lon-lat":
        stop["geometry"]["coordinates"] = [10.0, 125.0]
    elif breakage == "crs":
        data["crs"] = {"type": "name", "properties": {"name": "EPSG:4326"}}
    elif breakage == "leg-without-mode":
        del leg["properties"]["mode"]
    elif breakage == "stage-zero":
        stop["properties"]["stage"] = 0
    elif breakage == "edited-not-boolean":
        leg["properties"]["edited"] = "yes"
    else:
        stop["properties"]["depart"] = "Saturday afternoon"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)
