"""End to end in headless Chromium: the real app on the bundled articles, as a journalist would use it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Browser, FrameLocator, Page, Route, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from geo.journey import Journey
from geo.outputs.mapview import stage_ends, standalone_html
from geo.pipeline import build_journey
from geo.reading.articles import bundled_article_paths, load_articles
from geo.store import JourneyStore

if TYPE_CHECKING:
    from browser_helpers import Recorder

from browser_helpers import PHONE, new_page, running_server

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
SCREENSHOT = ARTIFACTS / "screenshot.png"  # docs/screenshot.png is a copy of one
PHONE_SCREENSHOT = ARTIFACTS / "phone.png"
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
CHART = '[data-testid="stVegaLiteChart"], [data-testid="stArrowVegaLiteChart"]'
HOSTILE_ARTICLE = (
    "SEOUL (Reuters) - North Korean leader Kim Jong Un left Pyongyang by train on Saturday "
    '<script>window.pwned=1</script> <img src=x onerror="window.pwned=2"> <img src=y onerror=alert(2)> '
    "bound for Hanoi, state media said.\n\n"
    "The train is expected to cross into China at Dandong on Saturday night."
)
BLANK_TILE = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


@pytest.fixture(scope="module")
def journey() -> Journey:
    """The journey the app shows by default, built here the same way."""
    return build_journey(load_articles(bundled_article_paths()))


def the_map(page: Page) -> FrameLocator:
    """The map's frame. A journey that changes gets a new map; the old one stays until the page is redrawn,
    and the newest is the last."""
    return page.frame_locator(MAP_FRAME).last


def open_app(page: Page, url: str, query: str = "") -> FrameLocator:
    """Open the app (``query`` like ``?stage=3``) and wait until the map has drawn its stops and route."""
    page.goto(url + "/" + query)
    frame = the_map(page)
    frame.locator(".geo-label").first.wait_for()
    frame.locator("path.leaflet-interactive").first.wait_for(state="attached")
    return frame


VISIBLE = """e => { const r = e.getBoundingClientRect();
    return r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight; }"""
"""Whether an element of the map's frame lies wholly inside the map."""


def kicker(page: Page) -> str:
    return str(page.locator(".geo-kicker").first.text_content())


def in_view(frame: FrameLocator, points: list[list[float]]) -> bool:
    """Whether every ``[lat, lon]`` is inside the map's current view."""
    return bool(frame.locator("body").evaluate(
        "(b, points) => points.every(p => window.geoJourney.map.getBounds().contains(p))", points))


def leg_ends(journey: Journey, number: int) -> list[list[float]]:
    leg = journey.leg_of(journey.stages[number - 1])
    assert leg is not None
    coords = list(leg.geometry.coords)
    return [[coords[0][1], coords[0][0]], [coords[-1][1], coords[-1][0]]]


def paste_and_build(page: Page, text: str = HOSTILE_ARTICLE, day: str = "20190224") -> None:
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_label("…or paste an article").fill(text)
    sidebar.get_by_role("spinbutton", name="year, Publication date").focus()
    page.keyboard.type(day)
    page.keyboard.press("Escape")
    expect(sidebar.get_by_role("spinbutton", name="day, Publication date")).to_have_text(day[-2:])
    sidebar.get_by_role("button", name="Build journey").click()


# --- the first view and stepping ----------------------------------------------------------------------------


def test_map_shows_every_stop_and_the_route_with_the_legend_closed(
    page: Page, app_url: str, journey: Journey
) -> None:
    frame = open_app(page, app_url)
    expect(frame.locator(".geo-label")).to_have_count(len(journey.stops))
    for stop in journey.stops:
        expect(frame.locator(".geo-label", has_text=stop.name).first).to_be_attached()
    assert frame.locator("path.leaflet-interactive").count() >= len(journey.legs)
    expect(frame.locator("details.geo-legend")).to_be_attached()
    assert frame.locator("details.geo-legend").evaluate("e => e.open") is False


def test_first_view_contains_every_stop(page: Page, app_url: str, journey: Journey) -> None:
    frame = open_app(page, app_url)
    expect(frame.locator('[data-view="overview"]')).to_be_attached()
    points = [[s.place.latitude, s.place.longitude] for s in journey.stops if s.place is not None]
    assert len(points) == len(journey.stops)
    assert in_view(frame, points)
    expect(page.locator(".geo-lede")).to_contain_text("Kim Jong Un · Pyongyang → Hanoi")
    expect(page.locator(".geo-lede")).to_contain_text("Reuters, NBC News")


def test_next_stage_reaches_every_stage_with_both_ends_in_view_and_labelled(
    page: Page, app_url: str, journey: Journey
) -> None:
    frame = open_app(page, app_url)
    count = len(journey.stages)
    next_button = page.get_by_role("button", name="Next stage")
    for number in range(2, count + 1):
        next_button.click()
        expect(page.locator(".geo-kicker")).to_contain_text(f"Stage {number} of {count}")
        expect(frame.locator(f'[data-stage="{number - 1}"]')).to_be_attached()
        assert re.search(rf"[?&]stage={number}\b", page.url)
        stage = journey.stages[number - 1]
        if stage.kind != "stop":
            assert in_view(frame, leg_ends(journey, number)), stage.title
            for name, _ in stage_ends(journey, stage):
                label = frame.locator(".geo-station", has_text=name)
                expect(label).to_have_count(1)
                assert label.evaluate(VISIBLE), f"{name} is labelled outside the map"
    expect(next_button).to_be_disabled()


def test_link_opens_at_its_stage_and_reload_keeps_it(page: Page, app_url: str, journey: Journey) -> None:
    open_app(page, app_url, "?stage=3")
    expect(page.locator(".geo-kicker")).to_contain_text(f"Stage 3 of {len(journey.stages)}")
    page.reload()
    expect(page.locator(".geo-kicker")).to_contain_text(f"Stage 3 of {len(journey.stages)}")


def test_a_click_on_a_timeline_bar_opens_its_stage(page: Page, app_url: str, journey: Journey) -> None:
    open_app(page, app_url)
    target = journey.stages[3]
    bar = page.locator(CHART).locator(f'path[aria-label*="stage: {target.seq + 1} {target.title};"]').first
    bar.scroll_into_view_if_needed()
    bar.click()
    expect(page.locator(".geo-kicker")).to_contain_text(f"Stage {target.seq + 1} of {len(journey.stages)}")
    assert re.search(rf"[?&]stage={target.seq + 1}\b", page.url)


def test_tiles_switch_shows_the_tiles(page: Page, app_url: str) -> None:
    def blank(route: Route) -> None:
        route.fulfill(status=200, content_type="image/png", body=BLANK_TILE)

    page.route(re.compile(r"https://tile\.openstreetmap\.org/.*"), blank)
    frame = open_app(page, app_url)
    assert frame.locator("img.leaflet-tile").count() == 0
    page.locator('[data-testid="stSidebar"]').get_by_text("OpenStreetMap tiles").click()
    expect(the_map(page).locator("img.leaflet-tile-loaded").first).to_be_attached()


# --- downloads and safety ---------------------------------------------------------------------------------


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
    open_app(page, app_url)
    paste_and_build(page)
    first_quote = page.locator(".geo-quote").first
    expect(first_quote).to_contain_text("<script>window.pwned=1</script>")
    expect(first_quote).to_contain_text('<img src=x onerror="window.pwned=2">')
    expect(first_quote).to_contain_text("<img src=y onerror=alert(2)>")
    expect(first_quote).to_contain_text("— your text")
    the_map(page).locator(".geo-label").first.wait_for()
    assert page.evaluate("window.pwned") is None
    assert the_map(page).locator("body").evaluate("() => window.pwned") is None
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


def test_standalone_story_works_from_disk_offline(page: Page, recorder: Recorder, journey: Journey,
                                                 tmp_path: Path) -> None:
    path = tmp_path / "journey.html"
    path.write_text(standalone_html(journey), encoding="utf-8")
    page.goto(path.as_uri())
    expect(page.locator(".geo-label")).to_have_count(len(journey.stops))
    expect(page.locator("h1")).to_have_text("Kim Jong Un: Pyongyang → Hanoi")
    expect(page.locator(".geo-story-stage")).to_have_count(len(journey.stages))
    expect(page.locator(".geo-sources li")).to_have_count(len(journey.articles))
    assert all(url.startswith(("file:", "data:")) for url in recorder.requests)


# --- saved journeys -----------------------------------------------------------------------------------------


def choose(page: Page, label: str, option: str, attempts: int = 3) -> None:
    """Pick ``option`` in the select box ``label`` (a rerun of the page may close an open menu: retried)."""
    for attempt in range(attempts):
        page.get_by_label(label).click()
        choice = page.get_by_role("option", name=option)
        try:
            choice.wait_for(timeout=3_000)
            choice.click()
            return
        except PlaywrightTimeoutError:
            if attempt == attempts - 1:
                raise


def journey_id_in(page: Page) -> str:
    page.wait_for_url(re.compile(r"[?&]journey=[\w-]+"))
    found = re.search(r"[?&]journey=([\w-]+)", page.url)
    assert found is not None
    return found.group(1)


def test_a_pasted_journey_survives_a_reload_and_its_link_opens_in_a_fresh_browser(
    page: Page, app_url: str, browser: Browser, recorder: Recorder
) -> None:
    open_app(page, app_url)
    paste_and_build(page)
    journey_id = journey_id_in(page)
    expect(page.locator(".geo-quote").first).to_contain_text("<script>window.pwned=1</script>")
    page.get_by_role("button", name="Next stage").click()
    page.wait_for_url(re.compile(r"stage=2"))
    page.reload()
    expect(page.locator(".geo-kicker")).to_contain_text("Stage 2 of")
    assert f"journey={journey_id}" in page.url
    with new_page(browser, recorder, viewport={"width": 1200, "height": 900}) as other:
        open_app(other, app_url, f"?journey={journey_id}")
        expect(other.locator(".geo-quote").first).to_contain_text("<script>window.pwned=1</script>")
        expect(other.get_by_role("combobox", name="Saved journeys")).to_have_value(re.compile(journey_id))


def test_two_browsers_saving_at_once_lose_nothing(
    browser: Browser, recorder: Recorder, app_url: str, app_data_dir: Path
) -> None:
    with (new_page(browser, recorder, viewport={"width": 1200, "height": 900}) as first,
          new_page(browser, recorder, viewport={"width": 1200, "height": 900}) as second):
        for tab in (first, second):
            open_app(tab, app_url)
        paste_and_build(first, HOSTILE_ARTICLE.replace("Saturday", "Friday", 1))
        paste_and_build(second, HOSTILE_ARTICLE.replace("Saturday", "Sunday", 1))
        ids = {journey_id_in(first), journey_id_in(second)}
    assert len(ids) == 2
    store = JourneyStore(app_data_dir / "journeys.sqlite")
    texts = {saved.articles[0].text for journey_id in ids if (saved := store.get(journey_id))}
    assert len(texts) == 2


def test_corrections_reach_the_map_the_panel_and_the_geojson(
    page: Page, app_url: str, journey: Journey
) -> None:
    count = len(journey.stages)
    destination = journey.stops[-1].name
    open_app(page, app_url, f"?stage={count}")
    page.get_by_text("Correct this journey").click()  # the editor's switch
    choose(page, f"Role of {destination}", "waypoint")
    page.get_by_label("Note (why)").first.fill("the summit city <b>not</b> the end")
    page.get_by_role("button", name="Set the role").click()
    journey_id_in(page)
    expect(page.locator(".geo-stage .geo-edited")).to_have_text("edited")
    expect(page.locator(".geo-edits")).to_contain_text("the summit city <b>not</b> the end")
    expect(the_map(page).locator(".geo-label-edited", has_text=destination)).to_be_attached()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download GeoJSON").click()
    collection = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    last = [f["properties"] for f in collection["features"] if f["properties"]["kind"] == "stop"][-1]
    assert (last["name"], last["role"], last["edited"]) == (destination, "waypoint", True)
    assert last["edit_note"] == "the summit city <b>not</b> the end"


def test_a_damaged_database_is_one_message_and_the_bundled_journey_still_opens(
    browser: Browser, recorder: Recorder, tmp_path: Path, journey: Journey
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "journeys.sqlite").write_bytes(b"not a database\n" * 1000)
    with running_server(tmp_path, data) as url, new_page(browser, recorder,
                                                        viewport={"width": 1200, "height": 900}) as tab:
        frame = open_app(tab, url)
        alert = tab.locator('[data-testid="stAlertContentError"]')
        expect(alert).to_have_count(1)
        expect(alert).to_contain_text("journeys.sqlite")
        expect(alert).to_contain_text("damaged")
        expect(frame.locator(".geo-label")).to_have_count(len(journey.stops))
    assert (data / "journeys.sqlite").read_bytes().startswith(b"not a database")


# --- a phone ----------------------------------------------------------------------------------------------


def swipe_up(page: Page, x: float, from_y: float, to_y: float, steps: int = 12) -> None:
    """A one-finger vertical swipe, as real touch events (Chromium scrolls or pans from them)."""
    client = page.context.new_cdp_session(page)
    client.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": from_y}]})
    for step in range(1, steps + 1):
        y = from_y + (to_y - from_y) * step / steps
        client.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y}]})
        page.wait_for_timeout(16)
    client.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


def test_on_a_phone_the_map_fits_the_buttons_sit_by_it_and_the_page_scrolls(
    phone: Page, app_url: str, journey: Journey
) -> None:
    frame = open_app(phone, app_url, "?stage=2")
    phone.get_by_role("button", name="Next stage").click()
    expect(frame.locator('[data-stage="2"]')).to_be_attached()
    height = PHONE["viewport"]["height"]  # type: ignore[index]
    width = PHONE["viewport"]["width"]  # type: ignore[index]
    box = phone.locator(MAP_FRAME).bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height, box
    back = phone.get_by_role("button", name="Previous stage").bounding_box()
    forward = phone.get_by_role("button", name="Next stage").bounding_box()
    assert back is not None and forward is not None
    assert abs(back["y"] - forward["y"]) < 2, "the stepping buttons share one row"
    assert 0 <= box["y"] - (forward["y"] + forward["height"]) < 80, "the buttons sit right above the map"
    assert frame.locator("body").evaluate("() => window.geoJourney.map.dragging.enabled()") is False
    touch_action = frame.locator(".leaflet-container").evaluate("e => getComputedStyle(e).touchAction")
    assert "pan-y" in touch_action
    scroller = phone.locator('[data-testid="stMain"]')
    middle = box["x"] + box["width"] / 2
    swipe_up(phone, middle, box["y"] + box["height"] * 0.8, box["y"] + box["height"] * 0.3)
    phone.wait_for_function("() => document.querySelector('[data-testid=\"stMain\"]').scrollTop > 100")
    chart = phone.locator(CHART).first
    chart.scroll_into_view_if_needed()
    labels = chart.locator(".role-axis-label").last.bounding_box()
    assert labels is not None and labels["width"] < 0.4 * width
    phone.locator(".geo-stage").scroll_into_view_if_needed()
    scroller.evaluate("e => e.scrollTo(0, 0)")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    phone.screenshot(path=str(PHONE_SCREENSHOT))


def test_screenshot_of_the_app(page: Page, app_url: str, journey: Journey) -> None:
    longest = max((s for s in journey.stages if s.distance_km), key=lambda s: s.distance_km or 0.0)
    page.set_viewport_size({"width": 1440, "height": 1240})
    frame = open_app(page, app_url, f"?stage={longest.seq + 1}")
    frame.locator(f'[data-stage="{longest.seq}"]').wait_for(state="attached")
    page.locator(".geo-quote, .geo-muted").first.wait_for()
    page.locator(CHART).first.wait_for()
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 50_000
