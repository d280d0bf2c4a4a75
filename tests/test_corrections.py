"""An editor's corrections: the file format, applying them to an itinerary, the pipeline and the CLI."""

from __future__ import annotations

import json
import warnings
from datetime import datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from sample_journey import sample_journey

from geo.cli import main
from geo.errors import InputError, NoJourneyError
from geo.itinerary.corrections import (
    AddStop,
    Correction,
    Corrections,
    CorrectionWarning,
    DropStop,
    PinTime,
    SetMode,
    SetRole,
    StopRef,
    apply_corrections,
    corrections_from_json,
    describe,
    item_from_json,
    item_to_json,
    load_corrections,
    place_candidates,
)
from geo.journey import Journey
from geo.model import Article, Itinerary
from geo.outputs.export import journey_to_geojson
from geo.pipeline import build_journey
from geo.places.geocoder import GazetteerGeocoder

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "docs" / "journey.schema.json").read_text(encoding="utf-8"))
HANOI_ARRIVAL = datetime.fromisoformat("2019-02-26T10:30+07:00")
NANNING = 1799869

EVERY_KIND: list[Correction] = [
    DropStop(StopRef("Dandong"), "the train only passed"),
    AddStop("Nanning", NANNING, after=StopRef("Dandong"), role="waypoint", note="seen in Nanning"),
    AddStop("Tianjin", before=StopRef("Hanoi")),
    SetRole(StopRef("Đồng Đăng", 1586350), "border"),
    SetMode(StopRef("Đồng Đăng"), "road", StopRef("Hanoi"), "by car"),
    PinTime(StopRef("Hanoi"), "arrive", HANOI_ARRIVAL, "state TV"),
]


@pytest.fixture(scope="module")
def itinerary() -> Itinerary:
    """Pyongyang (origin) → Dandong → Đồng Đăng (border) → Hanoi (destination): rail, rail, road."""
    return sample_journey().itinerary


def names(itinerary: Itinerary) -> list[str]:
    return [stop.name for stop in itinerary.stops]


# --- the format -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("item", EVERY_KIND, ids=lambda item: item.action)
def test_every_kind_of_correction_survives_a_round_trip_through_json(item: Correction) -> None:
    data = json.loads(json.dumps(item_to_json(item)))
    assert item_from_json(data) == item


def test_a_corrections_file_is_read_back_as_written(tmp_path: Path) -> None:
    corrections = Corrections(tuple(EVERY_KIND))
    path = tmp_path / "corrections.json"
    path.write_text(corrections.to_text(), encoding="utf-8")
    assert load_corrections(path) == corrections
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == "geo-journey corrections"


BAD_FILES: dict[str, tuple[str, str]] = {
    "not-json": ("{corrections: [", "not valid JSON"),
    "a-list": ("[]", "expected a JSON object"),
    "no-list": ('{"corrections": {}}', "'corrections' list"),
    "other-format": ('{"format": "something else", "corrections": []}', "not a corrections file"),
    "newer": ('{"version": 99, "corrections": []}', "newer"),
    "unknown-action": ('{"corrections": [{"action": "teleport"}]}', "correction 1: 'action' must be one of"),
    "bad-role": ('{"corrections": [{"action": "role", "stop": "Hanoi", "role": "capital"}]}', "'role'"),
    "no-stop": ('{"corrections": [{"action": "drop"}]}', "'stop' must name a stop"),
    "naive-time": ('{"corrections": [{"action": "pin", "stop": "Hanoi", "event": "arrive", '
                   '"at": "2019-02-26T10:30"}]}', "no UTC offset"),
    "after-and-before": ('{"corrections": [{"action": "add", "name": "X", "after": "A", "before": "B"}]}',
                         "not both"),
    "id-not-int": ('{"corrections": [{"action": "add", "name": "X", "geonameid": "12"}]}', "integer"),
}


@pytest.mark.parametrize("case", list(BAD_FILES), ids=list(BAD_FILES))
def test_a_bad_corrections_file_is_one_clear_error(tmp_path: Path, case: str) -> None:
    text, says = BAD_FILES[case]
    path = tmp_path / "corrections.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_corrections(path)
    message = str(caught.value)
    assert says in message and str(path) in message and "\n" not in message


def test_a_missing_corrections_file_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_corrections(tmp_path / "nope.json")


def test_descriptions_read_as_sentences() -> None:
    assert describe(EVERY_KIND[0]) == "Drop Dandong — the train only passed"
    assert describe(EVERY_KIND[4]) == "Đồng Đăng → Hanoi: by road — by car"
    assert describe(EVERY_KIND[5]).startswith("Pin arrival at Hanoi: 2019-02-26 10:30 +0700")


# --- applying -------------------------------------------------------------------------------------------


def apply(itinerary: Itinerary, *items: Correction, geocoder: Any = None) -> Itinerary:
    return apply_corrections(itinerary, Corrections(items), geocoder)


def test_dropping_a_stop_joins_its_hops_and_says_why(itinerary: Itinerary) -> None:
    fixed = apply(itinerary, DropStop(StopRef("dandong"), "the train only passed"))
    assert names(fixed) == ["Pyongyang", "Đồng Đăng", "Hanoi"]
    assert [stop.seq for stop in fixed.stops] == [0, 1, 2]
    assert len(fixed.hops) == 2
    assert fixed.hops[0].edited
    assert "Dandong dropped by the editor: the train only passed" in fixed.hops[0].edit_note
    assert fixed.hops[0].quotes == itinerary.hops[0].quotes + itinerary.hops[1].quotes


def test_dropping_the_origin_makes_the_next_stop_the_origin(itinerary: Itinerary) -> None:
    fixed = apply(itinerary, DropStop(StopRef("Pyongyang")))
    assert names(fixed)[0] == "Dandong" and fixed.stops[0].role == "origin"
    assert len(fixed.hops) == len(fixed.stops) - 1


def test_a_stop_is_found_by_geonames_id_before_its_name(itinerary: Itinerary) -> None:
    fixed = apply(itinerary, SetRole(StopRef("not its name", 2037886), "border", "crossing town"))
    (dandong,) = [stop for stop in fixed.stops if stop.name == "Dandong"]
    assert (dandong.role, dandong.edited, dandong.edit_note) == ("border", True, "crossing town")


def test_setting_a_mode_marks_the_hop_edited(itinerary: Itinerary) -> None:
    fixed = apply(itinerary, SetMode(StopRef("Đồng Đăng"), "rail", StopRef("Hanoi"), "the train went on"))
    hop = fixed.hops[2]
    assert (hop.mode, hop.mode_inferred, hop.edited) == ("rail", False, True)
    assert hop.edit_note == "the train went on"
    assert "The editor says Đồng Đăng → Hanoi is by rail" in hop.reason


def test_a_pin_refers_to_the_stop_after_renumbering(itinerary: Itinerary) -> None:
    fixed = apply(itinerary, PinTime(StopRef("Hanoi"), "arrive", HANOI_ARRIVAL, "state TV"),
                  DropStop(StopRef("Dandong")))
    (pin,) = fixed.pins
    assert fixed.stops[pin.stop].name == "Hanoi"
    assert (pin.event, pin.at, pin.note) == ("arrive", HANOI_ARRIVAL, "state TV")


def test_a_correction_naming_no_stop_is_skipped_with_a_warning(itinerary: Itinerary) -> None:
    with pytest.warns(CorrectionWarning, match="no stop called Atlantis"):
        fixed = apply(itinerary, DropStop(StopRef("Atlantis")))
    assert fixed == itinerary


def test_a_mode_for_stops_that_are_not_consecutive_is_skipped(itinerary: Itinerary) -> None:
    with pytest.warns(CorrectionWarning):
        fixed = apply(itinerary, SetMode(StopRef("Pyongyang"), "air", StopRef("Hanoi")))
    assert [hop.mode for hop in fixed.hops] == [hop.mode for hop in itinerary.hops]


def test_dropping_all_but_one_stop_leaves_no_journey(itinerary: Itinerary) -> None:
    with pytest.raises(NoJourneyError, match="fewer than two stops"):
        apply(itinerary, *(DropStop(StopRef(name)) for name in ("Pyongyang", "Dandong", "Hanoi")))


def test_adding_a_stop_geocodes_it_and_splits_the_hop(
    itinerary: Itinerary, geocoder: GazetteerGeocoder
) -> None:
    fixed = apply(itinerary, AddStop("Nanning", after=StopRef("Dandong"), note="photographed there"),
                  geocoder=geocoder)
    assert names(fixed) == ["Pyongyang", "Dandong", "Nanning", "Đồng Đăng", "Hanoi"]
    nanning = fixed.stops[2]
    assert nanning.place is not None and nanning.place.geonameid == NANNING and nanning.place.country == "CN"
    assert (nanning.role, nanning.edited, nanning.inferred) == ("waypoint", True, True)
    assert "Added by the editor (photographed there)" in nanning.reason
    assert len(fixed.hops) == 4 and fixed.hops[1].mode == fixed.hops[2].mode == "rail"


def test_an_added_stop_without_a_position_goes_where_it_lengthens_the_trip_least(
    itinerary: Itinerary, geocoder: GazetteerGeocoder
) -> None:
    fixed = apply(itinerary, AddStop("Nanning"), geocoder=geocoder)
    assert names(fixed) == ["Pyongyang", "Dandong", "Nanning", "Đồng Đăng", "Hanoi"]


def test_an_ambiguous_name_is_settled_by_the_geonames_id(
    itinerary: Itinerary, geocoder: GazetteerGeocoder
) -> None:
    candidates = place_candidates("Springfield", geocoder)
    assert len(candidates) > 3
    chosen = candidates[2]
    item = AddStop("Springfield", chosen.geonameid, after=StopRef("Hanoi"))
    fixed = apply(itinerary, item, geocoder=geocoder)
    added = fixed.stops[-1]
    assert added.place is not None and added.place.geonameid == chosen.geonameid
    assert added.role == "destination" and fixed.stops[-2].role == "waypoint"


def test_a_name_the_gazetteer_lacks_is_kept_for_the_route_to_place(
    itinerary: Itinerary, geocoder: GazetteerGeocoder
) -> None:
    fixed = apply(itinerary, AddStop("Qwxzy Halt", after=StopRef("Pyongyang")), geocoder=geocoder)
    added = fixed.stops[1]
    assert (added.name, added.place, added.inferred) == ("Qwxzy Halt", None, False)
    assert "rail station of that name" in added.reason


# --- through the pipeline, the exports and the command line ----------------------------------------------


@pytest.fixture(scope="module")
def corrected(bundled_articles: list[Article], geocoder: GazetteerGeocoder) -> Journey:
    corrections = Corrections((
        SetMode(StopRef("Dandong"), "air", note="flew on from Dandong (test)"),
        PinTime(StopRef("Hanoi"), "arrive", HANOI_ARRIVAL, "state TV"),
    ))  # fmt: skip
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorrectionWarning)
        return build_journey(bundled_articles, geocoder=geocoder, corrections=corrections)


def test_the_route_is_recomputed_from_the_corrected_itinerary(corrected: Journey, journey: Journey) -> None:
    after_dandong = [leg for leg in corrected.legs if leg.from_stop is not None
                     and corrected.stops[leg.from_stop].name == "Dandong"]
    assert after_dandong and after_dandong[0].mode == "air"
    assert [leg.mode for leg in corrected.legs] != [leg.mode for leg in journey.legs]
    assert corrected.itinerary.pins and corrected.stops[corrected.itinerary.pins[0].stop].name == "Hanoi"


def test_corrections_show_as_edited_in_the_geojson(corrected: Journey) -> None:
    collection = journey_to_geojson(corrected)
    jsonschema.validate(collection, SCHEMA)
    edited = {f["properties"].get("name") or f["properties"]["from"]: f["properties"]
              for f in collection["features"] if f["properties"]["edited"]}
    assert "Hanoi" in edited and "state TV" in edited["Hanoi"]["edit_note"]
    pin = {"event": "arrive", "at": "2019-02-26T10:30+07:00", "note": "state TV"}
    assert edited["Hanoi"]["pins"] == [pin]
    assert any(p["mode"] == "air" and p["edit_note"] == "flew on from Dandong (test)" for p in edited.values()
               if p["kind"] != "stop")


def test_cli_applies_a_corrections_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "corrections.json"
    path.write_text(Corrections((SetRole(StopRef("Hanoi"), "waypoint", "summit city"),)).to_text(), "utf-8")
    assert main(["build", "--corrections", str(path)]) == 0
    stops = [f["properties"] for f in json.loads(capsys.readouterr().out)["features"]
             if f["properties"]["kind"] == "stop"]
    hanoi = next(p for p in stops if p["name"] == "Hanoi")
    assert (hanoi["role"], hanoi["edited"], hanoi["edit_note"]) == ("waypoint", True, "summit city")


def test_cli_with_a_bad_corrections_file_is_one_error_line(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "corrections.json"
    path.write_text('{"corrections": [{"action": "drop"}]}', encoding="utf-8")
    assert main(["stages", "--corrections", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ") and "must name a stop" in err


def test_corrections_from_json_names_the_source() -> None:
    with pytest.raises(InputError, match=r"^journey abc: "):
        corrections_from_json([], "journey abc")
