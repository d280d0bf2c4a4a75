"""The Streamlit app driven headless by ``AppTest``: stepping, the URL, saved journeys, corrections, exports.

Most tests stub ``geo.pipeline`` with the hand-built sample journey so they stay fast and independent of the
pipeline's choices; the last ones run the real pipeline on the bundled articles. Every test saves its
journeys in its own database (``GEO_DATA_DIR`` in a temporary folder).
"""

from __future__ import annotations

import json
import sys
import types
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from time import monotonic

import pytest
import streamlit as st
from sample_journey import sample_journey, with_quote_text
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from geo.errors import NoJourneyError
from geo.itinerary.corrections import (
    AddStop,
    Corrections,
    DropStop,
    PinTime,
    SetMode,
    SetRole,
    place_candidates,
)
from geo.journey import Journey
from geo.model import Article
from geo.outputs.export import geojson_text
from geo.outputs.ui_text import headline
from geo.places.geocoder import GazetteerGeocoder
from geo.store import JourneyStore

APP = Path(__file__).resolve().parents[1] / "app.py"
TEXTS = Path(__file__).resolve().parent / "texts"
TIMEOUT_S = 60
NO_JOURNEY = "NO JOURNEY HERE"
PASTED = "Kim left Pyongyang by train for Hanoi on Saturday."


@pytest.fixture(scope="module")
def sample() -> Journey:
    return sample_journey()


class StubPipeline:
    """Stands in for ``geo.pipeline``: the sample journey, or ``NoJourneyError`` for texts that say so."""

    def __init__(self, journey: Journey) -> None:
        self.journey = journey
        self.calls: list[list[Article]] = []
        self.corrections: list[Corrections | None] = []

    def build_journey(self, articles: Sequence[Article], corrections: Corrections | None = None) -> Journey:
        self.calls.append(list(articles))
        self.corrections.append(corrections)
        if any(NO_JOURNEY in article.text for article in articles):
            raise NoJourneyError("the articles tell of no journey (fewer than two stops)")
        return self.journey


@pytest.fixture(autouse=True)
def data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Each test saves its journeys in its own database, and keeps built journeys in its own cache."""
    monkeypatch.setenv("GEO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("GEO_JOURNEY_CACHE_DIR", str(tmp_path / "journeys"))
    return tmp_path / "data"


@pytest.fixture(autouse=True)
def fresh_caches() -> Iterator[None]:
    st.cache_resource.clear()
    st.cache_data.clear()
    yield
    st.cache_resource.clear()
    st.cache_data.clear()


@pytest.fixture
def stub(monkeypatch: pytest.MonkeyPatch, sample: Journey) -> StubPipeline:
    pipeline = StubPipeline(sample)
    module = types.ModuleType("geo.pipeline")
    module.build_journey = pipeline.build_journey  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "geo.pipeline", module)
    return pipeline


@pytest.fixture
def media(monkeypatch: pytest.MonkeyPatch) -> list[MemoryMediaFileStorage]:
    """The in-memory media stores AppTest creates, so a test can read what a download button serves."""
    stores: list[MemoryMediaFileStorage] = []

    class Recording(MemoryMediaFileStorage):
        def __init__(self, endpoint: str) -> None:
            super().__init__(endpoint)
            stores.append(self)

    monkeypatch.setattr("streamlit.testing.v1.app_test.MemoryMediaFileStorage", Recording)
    return stores


def run_app(stage: str | None = None, journey: str | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT_S)
    if stage is not None:
        at.query_params["stage"] = stage
    if journey is not None:
        at.query_params["journey"] = journey
    return at.run()


def panel(at: AppTest) -> str:
    """The stage panel's markup (the st.html element that holds it)."""
    bodies = [element.value for element in at.get("html") if "geo-stage" in element.value]
    assert len(bodies) == 1
    return bodies[0]


def page_html(at: AppTest) -> str:
    return "\n".join(str(element.value) for element in at.get("html"))


def assert_ok(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def errors(at: AppTest) -> list[str]:
    return [str(element.value) for element in at.error]


def downloaded(at: AppTest, media: list[MemoryMediaFileStorage], label: str) -> str:
    button = next(b for b in at.get("download_button") if b.label == label)
    file_name = button.proto.url.rsplit("/", 1)[-1]
    return str(media[-1].get_file(file_name).content.decode("utf-8"))


# --- stepping and the URL ---------------------------------------------------------------------------------


def test_opens_on_the_whole_story_at_the_first_stage(stub: StubPipeline, sample: Journey) -> None:
    at = run_app()
    assert_ok(at)
    assert f"Stage 1 of {len(sample.stages)}" in panel(at)
    assert "stage" not in at.query_params
    assert at.button(key="prev").disabled


def test_header_says_who_where_when_and_from_which_sources(stub: StubPipeline, sample: Journey) -> None:
    at = run_app()
    assert at.title[0].value == "Kim Jong Un: Pyongyang → Hanoi"
    assert headline(sample) == "Kim Jong Un · Pyongyang → Hanoi · 23–26 Feb 2019 · Reuters"
    assert headline(sample) in page_html(at)


def test_next_stage_reaches_every_stage(stub: StubPipeline, sample: Journey) -> None:
    at = run_app()
    count = len(sample.stages)
    for number in range(2, count + 1):
        at.button(key="next").click().run()
        assert_ok(at)
        assert at.query_params["stage"] == str(number)
        assert f"Stage {number} of {count}" in panel(at)
        assert at.selectbox(key="stage_select").value == number - 1
    assert at.button(key="next").disabled


def test_previous_stage_steps_back_to_the_first(stub: StubPipeline, sample: Journey) -> None:
    count = len(sample.stages)
    at = run_app(stage=str(count))
    for number in range(count - 1, 0, -1):
        at.button(key="prev").click().run()
        assert at.query_params["stage"] == str(number)
        assert f"Stage {number} of {count}" in panel(at)
    assert at.button(key="prev").disabled


def test_buttons_are_labelled_for_people(stub: StubPipeline) -> None:
    labels = {button.label for button in run_app().button}
    assert {"◀ Previous stage", "Next stage ▶", "Back to the bundled journey", "Build journey"} <= labels


def test_stage_in_the_url_opens_that_stage(stub: StubPipeline, sample: Journey) -> None:
    at = run_app(stage="4")
    assert_ok(at)
    assert f"Stage 4 of {len(sample.stages)}" in panel(at)
    assert sample.stages[3].title in panel(at)


CLAMPED = [("0", "1"), ("-3", "1"), ("99", "last"), ("abc", "1"), ("", "1")]


@pytest.mark.parametrize(("raw", "expected"), CLAMPED)
def test_out_of_range_stage_in_the_url_is_clamped(
    stub: StubPipeline, sample: Journey, raw: str, expected: str
) -> None:
    number = str(len(sample.stages)) if expected == "last" else expected
    at = run_app(stage=raw)
    assert_ok(at)
    assert at.query_params["stage"] == number
    assert f"Stage {number} of {len(sample.stages)}" in panel(at)


def test_selector_moves_to_the_chosen_stage(stub: StubPipeline, sample: Journey) -> None:
    at = run_app()
    at.selectbox(key="stage_select").select(6).run()
    assert at.query_params["stage"] == "7"
    assert sample.stages[6].title in panel(at)


def test_stepping_never_rebuilds_the_journey(stub: StubPipeline) -> None:
    at = run_app()
    for _ in range(4):
        at.button(key="next").click().run()
    at.button(key="prev").click().run()
    assert len(stub.calls) == 1


# --- the stage panel ------------------------------------------------------------------------------------


def test_quote_markup_is_shown_as_text(stub: StubPipeline, sample: Journey) -> None:
    stub.journey = with_quote_text(sample, '<script>window.pwned = 1</script> *bold* [link](x)')
    body = panel(run_app())
    assert "<script>" not in body
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt; *bold* [link](x)" in body


def test_badge_matches_the_reason(stub: StubPipeline, sample: Journey) -> None:
    last = run_app(stage=str(len(sample.stages)))
    assert 'geo-badge geo-expected' in panel(last) and "Expected" in panel(last)
    assert "geo-badge geo-reported" not in panel(last)
    inferred = run_app(stage="5")
    assert "geo-badge geo-inferred" in panel(inferred)
    first = run_app(stage="1")
    assert "geo-badge geo-reported" in panel(first)


def test_a_crossing_shows_each_time_in_its_zone_and_the_clock_change(stub: StubPipeline) -> None:
    body = panel(run_app(stage="3"))  # Sinuiju → Dandong: leaves on Pyongyang time, arrives on Beijing time
    assert "UTC+09:00" in body and "UTC+08:00" in body
    assert "clocks go back 1 h" in body


# --- downloads --------------------------------------------------------------------------------------------


def test_geojson_download_is_the_journey_geojson(
    stub: StubPipeline, sample: Journey, media: list[MemoryMediaFileStorage]
) -> None:
    served = downloaded(run_app(), media, "Download GeoJSON")
    assert served == geojson_text(sample)
    collection = json.loads(served)
    assert collection["type"] == "FeatureCollection"
    assert {f["properties"]["name"] for f in collection["features"] if f["properties"]["kind"] == "stop"} == {
        stop.name for stop in sample.stops
    }


def test_downloads_are_offered(stub: StubPipeline) -> None:
    labels = [button.label for button in run_app().get("download_button")]
    assert labels == ["Download GeoJSON", "Download stage table (CSV)",
                      "Download the story (HTML, works offline)", "Download corrections (JSON)"]


def test_html_download_is_the_whole_story(stub: StubPipeline, sample: Journey,
                                          media: list[MemoryMediaFileStorage]) -> None:
    page = downloaded(run_app(), media, "Download the story (HTML, works offline)")
    assert "<title>Kim Jong Un: Pyongyang → Hanoi</title>" in page
    assert "Kim Jong Un · Pyongyang → Hanoi · 23–26 Feb 2019 · Reuters" in page
    assert page.count('class="geo-story-stage"') == len(sample.stages)
    assert "published 24 Feb 2019" in page


# --- your own articles: built, saved, linked ----------------------------------------------------------------


def upload(at: AppTest, name: str, raw: bytes) -> AppTest:
    at.file_uploader(key="uploads").upload(name, raw, "text/plain")
    return at.button(key="build").click().run()


def paste(at: AppTest, text: str = PASTED, published: str | None = "2019-02-24") -> AppTest:
    at.text_area(key="pasted").input(text)
    if published:
        at.date_input(key="published").set_value(published)
    return at.button(key="build").click().run()


BAD_UPLOADS: list[tuple[str, bytes, Callable[[str], bool]]] = [
    ("latin1.txt", "Kim left Pyongyang for the café in Hanoi.".encode("latin-1"), lambda e: "UTF-8" in e),
    ("empty.txt", b"", lambda e: "empty" in e),
    ("blank.txt", b"   \n\n  ", lambda e: "empty" in e),
    ("economy.txt", NO_JOURNEY.encode() + b" The bank kept rates on 1 May 2019.", lambda e: "journey" in e),
    ("long.txt", b"Kim left Pyongyang by train. " * 70_000, lambda e: "too large" in e and "long.txt" in e),
]


@pytest.mark.parametrize(("name", "raw", "says"), BAD_UPLOADS, ids=[case[0] for case in BAD_UPLOADS])
def test_bad_upload_shows_one_error_and_keeps_the_journey(
    stub: StubPipeline, sample: Journey, name: str, raw: bytes, says: Callable[[str], bool]
) -> None:
    at = run_app(stage="3")
    at = upload(at, name, raw)
    assert_ok(at)
    (message,) = errors(at)
    assert "\n" not in message
    assert says(message), message
    assert f"Stage 3 of {len(sample.stages)}" in panel(at)
    assert at.button(key="reset").label == "Back to the bundled journey"
    at.button(key="next").click().run()
    assert f"Stage 4 of {len(sample.stages)}" in panel(at)


def test_build_without_any_article_says_what_is_missing(stub: StubPipeline) -> None:
    at = run_app()
    at.button(key="build").click().run()
    (message,) = errors(at)
    assert "nothing to build from" in message and "paste" in message


def test_pasted_article_is_saved_and_named_in_the_url(stub: StubPipeline, data_dir: Path) -> None:
    at = paste(run_app(stage="5"))
    assert_ok(at)
    assert not errors(at)
    (pasted,) = stub.calls[-1]
    assert pasted.text == PASTED
    assert pasted.published.date().isoformat() == "2019-02-24"
    assert pasted.id == "your text"
    journey_id = at.query_params["journey"]
    assert "stage" not in at.query_params
    saved = JourneyStore(data_dir / "journeys.sqlite").get(journey_id)
    assert saved is not None and saved.articles == (pasted,)


def test_a_link_to_a_saved_journey_opens_it_in_a_new_session(stub: StubPipeline) -> None:
    at = paste(run_app())
    journey_id = at.query_params["journey"]
    again = run_app(journey=journey_id, stage="2")
    assert_ok(again)
    assert stub.calls[-1][0].text == PASTED
    assert "Stage 2 of" in panel(again)
    assert again.selectbox(key="saved_pick").value == journey_id


def test_quotes_with_no_publisher_are_signed_with_the_file_name_or_your_text(
    stub: StubPipeline, sample: Journey
) -> None:
    from dataclasses import replace

    first = sample.stops[0]
    quote = replace(first.quotes[0], publisher="", article="your text")
    stops = (replace(first, quotes=(quote,)), *sample.stops[1:])
    from geo.journey import assemble_journey
    from geo.model import Route

    stub.journey = assemble_journey(sample.articles, replace(sample.itinerary, stops=stops),
                                    Route(stops, sample.legs), sample.timing)
    body = panel(run_app())
    assert "— your text" in body and "— pasted" not in body


def test_unknown_journey_in_the_url_opens_the_bundled_one(stub: StubPipeline) -> None:
    at = run_app(journey="nosuchid")
    assert_ok(at)
    assert any("no saved journey" in str(w.value) for w in at.warning)
    assert "Stage 1 of" in panel(at)
    assert "journey" not in at.query_params


def test_saved_journeys_can_be_renamed_and_deleted(stub: StubPipeline, data_dir: Path) -> None:
    at = paste(run_app())
    journey_id = at.query_params["journey"]
    at.text_input(key=f"title_{journey_id}").input("Kim's armoured train")
    at.button(key="rename").click().run()
    assert at.title[0].value == "Kim's armoured train"
    at.checkbox(key=f"sure_{journey_id}").check().run()
    at.button(key="delete").click().run()
    assert_ok(at)
    assert "journey" not in at.query_params
    assert JourneyStore(data_dir / "journeys.sqlite").list() == []


def test_back_to_the_bundled_journey(stub: StubPipeline, sample: Journey) -> None:
    at = paste(run_app())
    assert not at.button(key="reset").disabled
    at.button(key="reset").click().run()
    assert "journey" not in at.query_params
    assert at.button(key="reset").disabled
    assert at.selectbox(key="saved_pick").value is None


def test_a_damaged_database_is_one_message_and_the_bundled_journey_opens(
    stub: StubPipeline, data_dir: Path
) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "journeys.sqlite").write_bytes(b"garbage, not SQLite\n" * 100)
    at = run_app()
    assert_ok(at)
    (message,) = errors(at)
    assert "journeys.sqlite" in message and "damaged" in message
    assert "Stage 1 of" in panel(at)
    at = paste(at)
    assert_ok(at)
    assert any("could not be saved" in e for e in errors(at))
    assert stub.calls[-1][0].text == PASTED


def test_an_unwritable_database_folder_is_one_message_and_the_bundled_journey_opens(
    stub: StubPipeline, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("GEO_DATA_DIR", str(blocker / "data"))
    at = run_app()
    assert_ok(at)
    (message,) = errors(at)
    assert "journey database" in message and "cannot be created" in message and "GEO_DATA_DIR" in message
    assert "Stage 1 of" in panel(at)


# --- corrections -----------------------------------------------------------------------------------------


def editing(at: AppTest) -> AppTest:
    """Open the editor (its widgets are drawn only while it is open)."""
    return at.toggle(key="editing").set_value(True).run()


def saved_corrections(data_dir: Path, at: AppTest) -> Corrections:
    saved = JourneyStore(data_dir / "journeys.sqlite").get(at.query_params["journey"])
    assert saved is not None
    return saved.corrections


def test_correcting_the_bundled_journey_saves_it_with_the_correction(
    stub: StubPipeline, data_dir: Path
) -> None:
    at = editing(run_app(stage="4"))  # Dandong
    at.text_input(key="drop_note").input("not a stop: the train passed through")
    at.button(key="drop_save").click().run()
    assert_ok(at)
    (item,) = saved_corrections(data_dir, at).items
    assert isinstance(item, DropStop) and item.stop.name == "Dandong" and item.note.startswith("not a stop")
    assert stub.corrections[-1] is not None and stub.corrections[-1].items == (item,)
    assert at.query_params["stage"] == "4"


def test_role_mode_and_time_corrections_are_saved_in_order(stub: StubPipeline, data_dir: Path) -> None:
    at = editing(run_app(stage="7"))  # Đồng Đăng
    at.selectbox(key="role_pick").select("waypoint")
    at.button(key="role_save").click().run()
    at.button(key="next").click().run()  # Đồng Đăng → Hanoi
    at.selectbox(key="mode_pick").select("rail")
    at.button(key="mode_save").click().run()
    at.button(key="next").click().run()  # Hanoi
    at.date_input(key="pin_date").set_value("2019-02-26")
    at.text_input(key="pin_note").input("arrived 10:30, state TV")
    at.button(key="pin_save").click().run()
    assert_ok(at)
    role, mode, pin = saved_corrections(data_dir, at).items
    assert isinstance(role, SetRole) and role.role == "waypoint" and role.stop.name == "Đồng Đăng"
    assert isinstance(mode, SetMode) and (mode.start.name, mode.end.name if mode.end else None) == (
        "Đồng Đăng", "Hanoi")
    assert isinstance(pin, PinTime) and pin.stop.geonameid == 1581130 and pin.at.utcoffset() is not None
    assert pin.at.isoformat() == "2019-02-26T11:00:00+07:00"  # the likely arrival, on Hanoi's clocks


def test_a_missed_stop_is_added_by_name_choosing_among_places_of_that_name(
    stub: StubPipeline, data_dir: Path, sample: Journey, geocoder: GazetteerGeocoder
) -> None:
    near = [stop.place for stop in sample.stops if stop.place is not None]
    expected = place_candidates("Springfield", geocoder, near)
    at = editing(run_app(stage="5"))
    at.text_input(key="add_name").input("Springfield")
    at.button(key="add_find").click().run()
    choices = at.radio(key="add_choice")
    assert len(choices.options) > 3 and all("Springfield" in option for option in choices.options)
    choices.set_value(2).run()
    at.button(key="add_confirm").click().run()
    assert_ok(at)
    (item,) = saved_corrections(data_dir, at).items
    assert isinstance(item, AddStop) and item.name == "Springfield" and item.after is None
    assert item.geonameid == expected[2].geonameid


def test_a_name_the_gazetteer_lacks_is_one_message(stub: StubPipeline) -> None:
    at = editing(run_app(stage="5"))
    at.text_input(key="add_name").input("Qwxzy Halt")
    at.button(key="add_find").click().run()
    assert any("No place called “Qwxzy Halt”" in e for e in errors(at))


def test_a_correction_can_be_undone(stub: StubPipeline, data_dir: Path) -> None:
    at = editing(run_app(stage="4"))
    at.button(key="drop_save").click().run()
    undo = next(b for b in at.button if b.label == "Undo")
    undo.click().run()
    assert_ok(at)
    assert not saved_corrections(data_dir, at)


# --- play -------------------------------------------------------------------------------------------------


def play(at: AppTest) -> AppTest:
    return at.toggle(key="playing").set_value(True).run()


def tick(at: AppTest) -> AppTest:
    """Make the next run count as a timer tick (as if ``PLAY_INTERVAL_S`` had passed)."""
    at.session_state["played_at"] = monotonic() - 60
    return at.run()


def test_play_moves_one_stage_per_tick(stub: StubPipeline) -> None:
    at = play(run_app(stage="2"))
    assert at.query_params["stage"] == "2"
    at = tick(at)
    assert at.query_params["stage"] == "3"
    assert "Stage 3 of" in panel(at)


def test_play_does_not_advance_between_ticks(stub: StubPipeline) -> None:
    at = tick(play(run_app(stage="2")))
    at.run()
    assert at.query_params["stage"] == "3"


def test_play_stops_at_the_last_stage(stub: StubPipeline, sample: Journey) -> None:
    last = str(len(sample.stages))
    at = tick(play(run_app(stage=str(len(sample.stages) - 1))))
    assert_ok(at)
    assert at.query_params["stage"] == last
    assert at.toggle(key="playing").value is False


def test_play_from_the_last_stage_starts_again_from_the_first(stub: StubPipeline, sample: Journey) -> None:
    at = play(run_app(stage=str(len(sample.stages))))
    assert at.query_params["stage"] == "1"
    assert at.toggle(key="playing").value is True


# --- the real pipeline --------------------------------------------------------------------------------------


def test_app_shows_the_journey_of_the_bundled_articles() -> None:
    at = run_app()
    assert_ok(at)
    body = panel(at)
    assert "Pyongyang" in body
    count = int(body.split("Stage 1 of ", 1)[1].split("<", 1)[0].split()[0])
    assert count >= 4
    assert "Reuters" in page_html(at) and "NBC News" in page_html(at)
    at = run_app(stage=str(count))
    assert "Hanoi" in panel(at)


def test_real_text_with_no_journey_shows_an_error_and_keeps_the_journey() -> None:
    at = run_app(stage="2")
    before = panel(at)
    at.date_input(key="published").set_value("2019-03-01")
    at = upload(at, "no_journey.txt", (TEXTS / "no_journey.txt").read_bytes())
    assert_ok(at)
    assert errors(at)
    assert panel(at) == before


def test_corrections_reach_the_panel_and_the_geojson(
    data_dir: Path, media: list[MemoryMediaFileStorage]
) -> None:
    at = run_app()
    stages = len(at.selectbox(key="stage_select").options)
    at = editing(run_app(stage=str(stages)))  # the destination
    at.selectbox(key="role_pick").select("waypoint")
    at.text_input(key="role_note").input("the summit city, not the end of the trip")
    at.button(key="role_save").click().run()
    assert_ok(at)
    body = panel(at)
    assert "geo-badge geo-edited" in body and "the summit city, not the end of the trip" in body
    collection = json.loads(downloaded(at, media, "Download GeoJSON"))
    last = [f["properties"] for f in collection["features"] if f["properties"]["kind"] == "stop"][-1]
    assert last["edited"] is True and last["role"] == "waypoint"
    assert last["edit_note"] == "the summit city, not the end of the trip"
