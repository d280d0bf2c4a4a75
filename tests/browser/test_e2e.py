"""End to end in headless Chromium: the real app on the bundled articles, as a person would use it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import FrameLocator, Page, expect

from geo.journey import Journey
from geo.outputs.mapview import standalone_html
from geo.pipeline import build_journey
from geo.reading.articles import bundled_article_paths, load_articles

if TYPE_CHECKING:
    from conftest import Recorder

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = ROOT / "tests" / "artifacts" / "screenshot.png"  # docs/screenshot.png is a copy of one
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
HOSTILE_ARTICLE = (
    "SEOUL (Reuters) - North Korean leader Kim Jong Un left Pyongyang by train on Saturday "
    '<script>window.pwned=1</script> <img src=x onerror="window.pwned=2"> <img src=y onerror=alert(2)> '
    "bound for Hanoi, state media said.\n\n"
    "The train is expected to cross into China at Dandong on Saturday night."
)


@pytest.fixture(scope="module")
def journey() -> Journey:
    """The journey the app shows by default, built here the same way."""
    return build_journey(load_articles(bundled_article_paths()))


def open_app(page: Page, url: str, stage: int | None = None) -> FrameLocator:
    """Open the app (at ``?stage=N``) and wait until the map has drawn its stops and route."""
    page.goto(url + (f"/?stage={stage}" if stage else "/"))
    frame = page.frame_locator(MAP_FRAME)
    frame.locator(".geo-label").first.wait_for()
    frame.locator("path.leaflet-interactive").first.wait_for(state="attached")
    return frame


def kicker(page: Page) -> str:
    return str(page.locator(".geo-kicker").first.text_content())


def test_map_shows_every_stop_and_the_route(page: Page, app_url: str, journey: Journey) -> None:
    frame = open_app(page, app_url)
    expect(frame.locator(".geo-label")).to_have_count(len(journey.stops))
    for stop in journey.stops:
        expect(frame.locator(".geo-label", has_text=stop.name).first).to_be_attached()
    assert frame.locator("path.leaflet-interactive").count() >= len(journey.legs)
    expect(frame.locator(".geo-legend")).to_be_attached()


def test_next_stage_reaches_every_stage(page: Page, app_url: str, journey: Journey) -> None:
    frame = open_app(page, app_url)
    count = len(journey.stages)
    next_button = page.get_by_role("button", name="Next stage")
    for number in range(2, count + 1):
        next_button.click()
        expect(page.locator(".geo-kicker")).to_contain_text(f"Stage {number} of {count}")
        expect(frame.locator(f'[data-stage="{number - 1}"]')).to_be_attached()
        assert re.search(rf"[?&]stage={number}\b", page.url)
    expect(next_button).to_be_disabled()


def test_link_opens_at_its_stage_and_reload_keeps_it(page: Page, app_url: str, journey: Journey) -> None:
    open_app(page, app_url, stage=3)
    expect(page.locator(".geo-kicker")).to_contain_text(f"Stage 3 of {len(journey.stages)}")
    page.reload()
    expect(page.locator(".geo-kicker")).to_contain_text(f"Stage 3 of {len(journey.stages)}")


def test_downloaded_geojson_is_a_feature_collection_of_the_stops(
    page: Page, app_url: str, journey: Journey
) -> None:
    open_app(page, app_url)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download GeoJSON").click()
    collection = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    stops = [f["properties"]["name"] for f in collection["features"] if f["properties"]["kind"] == "stop"]
    assert stops == [stop.name for stop in journey.stops]


def test_pasted_markup_is_shown_as_text_and_never_runs(page: Page, app_url: str, recorder: Recorder) -> None:
    frame = open_app(page, app_url)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_label("…or paste an article").fill(HOSTILE_ARTICLE)
    sidebar.get_by_role("spinbutton", name="year, Publication date").focus()
    page.keyboard.type("20190224")
    page.keyboard.press("Escape")
    expect(sidebar.get_by_role("spinbutton", name="day, Publication date")).to_have_text("24")
    sidebar.get_by_role("button", name="Build journey").click()
    first_quote = page.locator(".geo-quote").first
    expect(first_quote).to_contain_text("<script>window.pwned=1</script>")
    expect(first_quote).to_contain_text('<img src=x onerror="window.pwned=2">')
    expect(first_quote).to_contain_text("<img src=y onerror=alert(2)>")
    expect(page.locator(MAP_FRAME)).to_have_count(1)
    frame.locator(".geo-label").first.wait_for()
    assert page.evaluate("window.pwned") is None
    assert page.frame_locator(MAP_FRAME).locator("body").evaluate("() => window.pwned") is None
    assert page.locator(".geo-quote img").count() == 0
    assert recorder.dialogs == []


def test_no_request_leaves_this_machine(
    page: Page, app_url: str, recorder: Recorder, journey: Journey
) -> None:
    open_app(page, app_url)
    page.get_by_role("button", name="Next stage").click()
    expect(page.locator(".geo-kicker")).to_contain_text(f"Stage 2 of {len(journey.stages)}")
    assert len(recorder.requests) > 10
    assert recorder.external() == []


def test_standalone_map_works_from_disk_offline(page: Page, recorder: Recorder, journey: Journey,
                                                tmp_path: Path) -> None:
    path = tmp_path / "journey-map.html"
    path.write_text(standalone_html(journey), encoding="utf-8")
    page.goto(path.as_uri())
    expect(page.locator(".geo-label")).to_have_count(len(journey.stops))
    assert all(url.startswith(("file:", "data:")) for url in recorder.requests)


def test_screenshot_of_the_app(page: Page, app_url: str, journey: Journey) -> None:
    longest = max((s for s in journey.stages if s.distance_km), key=lambda s: s.distance_km or 0.0)
    page.set_viewport_size({"width": 1440, "height": 1240})
    frame = open_app(page, app_url, stage=longest.seq + 1)
    frame.locator(f'[data-stage="{longest.seq}"]').wait_for(state="attached")
    page.locator(".geo-quote, .geo-muted").first.wait_for()
    page.locator('[data-testid="stVegaLiteChart"], [data-testid="stArrowVegaLiteChart"]').first.wait_for()
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 50_000
