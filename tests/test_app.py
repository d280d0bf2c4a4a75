"""The Streamlit app driven headless by ``AppTest``: stepping, the URL, downloads, your own articles.

Most tests stub ``geo.pipeline`` with the hand-built sample journey so they stay fast and independent of the
pipeline's choices; the last ones run the real pipeline on the bundled articles and on a text with no journey.
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
from geo.journey import Journey
from geo.model import Article
from geo.outputs.export import geojson_text

APP = Path(__file__).resolve().parents[1] / "app.py"
TEXTS = Path(__file__).resolve().parent / "texts"
TIMEOUT_S = 60
NO_JOURNEY = "NO JOURNEY HERE"


@pytest.fixture(scope="module")
def sample() -> Journey:
    return sample_journey()


class StubPipeline:
    """Stands in for ``geo.pipeline``: the sample journey, or ``NoJourneyError`` for texts that say so."""

    def __init__(self, journey: Journey) -> None:
        self.journey = journey
        self.calls: list[list[Article]] = []

    def build_journey(self, articles: Sequence[Article]) -> Journey:
        self.calls.append(list(articles))
        if any(NO_JOURNEY in article.text for article in articles):
            raise NoJourneyError("the articles tell of no journey (fewer than two stops)")
        return self.journey


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


def run_app(stage: str | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT_S)
    if stage is not None:
        at.query_params["stage"] = stage
    return at.run()


def panel(at: AppTest) -> str:
    """The stage panel's markup (the st.html element that holds it)."""
    bodies = [element.value for element in at.get("html") if "geo-stage" in element.value]
    assert len(bodies) == 1
    return bodies[0]


def assert_ok(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def test_opens_at_the_first_stage(stub: StubPipeline, sample: Journey) -> None:
    at = run_app()
    assert_ok(at)
    assert f"Stage 1 of {len(sample.stages)}" in panel(at)
    assert at.button(key="prev").disabled


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
    at = run_app()
    labels = {button.label for button in at.button}
    assert {"Previous stage", "Next stage"} <= labels


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


def test_geojson_download_is_the_journey_geojson(
    stub: StubPipeline, sample: Journey, media: list[MemoryMediaFileStorage]
) -> None:
    at = run_app()
    button = next(b for b in at.get("download_button") if b.label == "Download GeoJSON")
    file_name = button.proto.url.rsplit("/", 1)[-1]
    served = media[-1].get_file(file_name).content.decode("utf-8")
    assert served == geojson_text(sample)
    collection = json.loads(served)
    assert collection["type"] == "FeatureCollection"
    assert {f["properties"]["name"] for f in collection["features"] if f["properties"]["kind"] == "stop"} == {
        stop.name for stop in sample.stops
    }


def test_csv_and_html_downloads_are_offered(stub: StubPipeline) -> None:
    labels = [button.label for button in run_app().get("download_button")]
    assert labels == ["Download GeoJSON", "Download stage table (CSV)", "Download map (HTML, works offline)"]


def test_quote_markup_is_shown_as_text(stub: StubPipeline, sample: Journey) -> None:
    stub.journey = with_quote_text(sample, '<script>window.pwned = 1</script> *bold* [link](x)')
    body = panel(run_app())
    assert "<script>" not in body
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt; *bold* [link](x)" in body


def upload(at: AppTest, name: str, raw: bytes) -> AppTest:
    at.file_uploader(key="uploads").upload(name, raw, "text/plain")
    return at.button(key="build").click().run()


def errors(at: AppTest) -> list[str]:
    return [str(element.value) for element in at.error]


BAD_UPLOADS: list[tuple[str, bytes, Callable[[str], bool]]] = [
    ("latin1.txt", "Kim left Pyongyang for the café in Hanoi.".encode("latin-1"), lambda e: "UTF-8" in e),
    ("empty.txt", b"", lambda e: "empty" in e),
    ("blank.txt", b"   \n\n  ", lambda e: "empty" in e),
    ("economy.txt", NO_JOURNEY.encode() + b" The bank kept rates on 1 May 2019.", lambda e: "journey" in e),
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
    at.button(key="next").click().run()
    assert f"Stage 4 of {len(sample.stages)}" in panel(at)


def test_too_large_upload_is_refused(stub: StubPipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("geo.reading.articles.MAX_ARTICLE_BYTES", 100)
    at = upload(run_app(), "long.txt", b"Kim left Pyongyang by train. " * 10)
    (message,) = errors(at)
    assert "too large" in message


def test_pasted_article_rebuilds_the_journey(stub: StubPipeline) -> None:
    at = run_app(stage="5")
    at.text_area(key="pasted").input("Kim left Pyongyang by train for Hanoi on Saturday.")
    at.date_input(key="published").set_value("2019-02-24")
    at.button(key="build").click().run()
    assert_ok(at)
    assert not errors(at)
    assert len(stub.calls) == 2
    (pasted,) = stub.calls[-1]
    assert pasted.text.startswith("Kim left Pyongyang")
    assert pasted.published.date().isoformat() == "2019-02-24"
    assert at.query_params["stage"] == "1"


def test_build_without_any_article_asks_for_one(stub: StubPipeline) -> None:
    at = run_app()
    at.button(key="build").click().run()
    (message,) = errors(at)
    assert "add an article" in message


# --- the real pipeline --------------------------------------------------------------------------------------


def test_app_shows_the_journey_of_the_bundled_articles() -> None:
    at = run_app()
    assert_ok(at)
    body = panel(at)
    assert "Pyongyang" in body
    count = int(body.split("Stage 1 of ", 1)[1].split("<", 1)[0].split()[0])
    assert count >= 4
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


def test_play_stays_on_the_last_stage(stub: StubPipeline, sample: Journey) -> None:
    last = str(len(sample.stages))
    at = tick(play(run_app(stage=last)))
    assert_ok(at)
    assert at.query_params["stage"] == last
