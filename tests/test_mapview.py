"""The folium map, its self-contained HTML page, and the display texts they share."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import UTC, datetime
from html.parser import HTMLParser

import folium
import pytest
from sample_journey import sample_journey, with_quote_text

from geo.journey import Journey, assemble_journey
from geo.model import Route
from geo.outputs.mapview import (
    HIGHLIGHT_COLOUR,
    INFERRED_COLOUR,
    LEAFLET_JS,
    MODE_DASH,
    OSM_TILES,
    ROUTE_COLOUR,
    display_line,
    journey_bounds,
    journey_map,
    js_string,
    popup_html,
    stage_bounds,
    stage_ends,
    stage_layer,
    standalone_html,
)
from geo.outputs.ui_text import esc, highlight_names, local_time, stage_label, timeline_frame
from geo.paths import ASSETS_DIR
from geo.pipeline import build_journey
from geo.places.geocoder import GazetteerGeocoder
from geo.reading.articles import bundled_article_paths, load_articles

SCRIPT_PAYLOAD = '<script>window.pwned = 1</script>'
IMG_PAYLOAD = '<img src=x onerror="window.pwned = 1">'
CDN_HOSTS = ("jsdelivr", "cdnjs", "code.jquery", "unpkg", "bootstrapcdn", "googleapis", "openstreetmap")


@pytest.fixture(scope="module")
def journey() -> Journey:
    return sample_journey()


@pytest.fixture(scope="module")
def page(journey: Journey) -> str:
    return str(journey_map(journey).get_root().render())


@pytest.fixture(scope="module")
def standalone(journey: Journey) -> str:
    return standalone_html(journey)


def _renamed_stop(journey: Journey, name: str) -> Journey:
    first = replace(journey.stops[0], name=name)
    stops = (first, *journey.stops[1:])
    return assemble_journey(journey.articles, replace(journey.itinerary, stops=stops),
                            Route(stops, journey.legs), journey.timing)


def test_map_labels_every_stop(journey: Journey, page: str) -> None:
    for stop in journey.stops:
        assert js_string(esc(stop.name))[1:-1] in page


def test_map_draws_every_leg_from_its_display_geometry(journey: Journey, page: str) -> None:
    assert page.count("L.polyline(") == len(journey.legs)
    for leg in journey.legs:
        first_lat, first_lon = display_line(leg)[0]
        assert f"[{first_lat}, {first_lon}]" in page


def test_each_leg_is_dashed_by_its_mode(journey: Journey, page: str) -> None:
    options = re.findall(r"L\.polyline\(\s*\[.*?\],\s*\{(.*?)\}\s*\)", page, flags=re.DOTALL)
    dashes = [re.search(r'"dashArray": ("[^"]*"|null)', block).group(1) for block in options]  # type: ignore[union-attr]
    assert dashes == [json.dumps(MODE_DASH[leg.mode]) for leg in journey.legs]
    assert MODE_DASH["rail"] is None
    assert MODE_DASH["road"] != MODE_DASH["air"]


def test_inferred_paths_are_paler_and_say_so(journey: Journey, page: str) -> None:
    inferred = sum(leg.inferred_path for leg in journey.legs)
    assert page.count(f'"color": "{INFERRED_COLOUR}"') == inferred
    assert page.count(f'"color": "{ROUTE_COLOUR}"') == len(journey.legs) - inferred
    assert page.count("inferred path") == inferred


def test_border_crossings_are_marked(journey: Journey, page: str) -> None:
    crossings = sum(leg.kind == "crossing" for leg in journey.legs)
    assert crossings == 2
    assert page.count('"className": "geo-crossing"') == crossings


def test_stop_roles_are_distinguished(page: str) -> None:
    for fill in ("#15803d", "#b3261e", "#f59e0b", "#ffffff"):
        assert f'"fillColor": "{fill}"' in page


def test_legend_is_on_the_map(page: str) -> None:
    assert "geo-legend" in page
    assert js_string("By road")[1:-1] in page


def test_quote_with_script_tag_is_escaped_in_the_map(journey: Journey) -> None:
    page = str(journey_map(with_quote_text(journey, SCRIPT_PAYLOAD)).get_root().render())
    assert "<script>window.pwned" not in page
    assert js_string(esc(SCRIPT_PAYLOAD))[1:-1] in page


def test_popup_markup_escapes_quote_text(journey: Journey) -> None:
    hostile = with_quote_text(journey, IMG_PAYLOAD)
    card = popup_html(hostile, hostile.stages[0])
    assert "<img" not in card
    assert "&lt;img src=x onerror=&quot;window.pwned = 1&quot;&gt;" in card


def test_place_name_with_markup_is_escaped(journey: Journey) -> None:
    page = str(journey_map(_renamed_stop(journey, IMG_PAYLOAD)).get_root().render())
    assert "<img src=x" not in page
    assert "onerror=\\\"" not in page


def test_map_loads_vendored_leaflet_and_no_cdn(page: str) -> None:
    assert f'src="/app/static/{LEAFLET_JS}"' in page
    assert "http://" not in page
    assert "https://" not in page
    assert not [host for host in CDN_HOSTS if host in page]


def test_map_asset_url_is_configurable(journey: Journey) -> None:
    page = str(journey_map(journey, assets_url="/elsewhere/").get_root().render())
    assert 'src="/elsewhere/leaflet/leaflet.js"' in page
    assert '"/elsewhere/basemap/countries.geojson"' in page


def test_online_tiles_are_shown_when_asked_for_and_absent_otherwise(journey: Journey, page: str) -> None:
    online = str(journey_map(journey, online_tiles=OSM_TILES).get_root().render())
    assert "tile.openstreetmap.org" in online
    assert "tile.openstreetmap.org" not in page
    layer = re.search(r"var (tile_layer_\w+) = L\.tileLayer\(", online)
    assert layer is not None
    assert f"{layer.group(1)}.addTo(" in online


def test_stage_is_highlighted_and_fitted(journey: Journey) -> None:
    road = next(stage for stage in journey.stages if stage.mode == "road")
    page = str(journey_map(journey, stage=road.seq).get_root().render())
    assert f'"color": "{HIGHLIGHT_COLOUR}"' in page
    assert f"journey.map.fitBounds({js_string(stage_bounds(journey, road))}" in page


def test_stop_stage_view_is_a_box_around_the_stop(journey: Journey) -> None:
    hanoi = journey.stages[-1]
    (south, west), (north, east) = stage_bounds(journey, hanoi)
    place = journey.stops[-1].place
    assert place is not None
    assert south < place.latitude < north
    assert west < place.longitude < east


class _References(HTMLParser):
    """Every URL the page would load by itself: src/href attributes and CSS url(...)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.urls += [value or "" for name, value in attrs if name in ("src", "href")]


def test_standalone_page_loads_nothing_from_outside(standalone: str) -> None:
    parser = _References()
    parser.feed(standalone)
    assert parser.urls == []
    assert "link" not in parser.tags
    css_urls = re.findall(r"url\(([^)]*)\)", standalone)
    assert css_urls
    assert all(url.startswith(("data:", "#")) for url in css_urls)


def test_standalone_page_has_no_url_outside_the_inlined_leaflet(standalone: str) -> None:
    leaflet = (ASSETS_DIR / LEAFLET_JS).read_text(encoding="utf-8")
    assert leaflet in standalone
    ours = standalone.replace(leaflet, "")
    assert not re.search(r"(https?|file)://", ours)


def test_standalone_page_inlines_the_basemap(standalone: str) -> None:
    assert '"FeatureCollection"' in standalone
    assert '"Vietnam"' in standalone
    assert "fetch(" not in standalone


def test_standalone_page_of_a_stage_is_focused(journey: Journey) -> None:
    assert "journey.map.fitBounds(" in standalone_html(journey, stage=3)


def test_basemap_asset_stays_small() -> None:
    assert (ASSETS_DIR / "basemap" / "countries.geojson").stat().st_size < 300_000


def test_esc_neutralises_template_literal_characters() -> None:
    assert esc("`${x}` \\ <b>") == "&#96;&#36;{x}&#96; &#92; &lt;b&gt;"


def test_highlight_marks_names_and_escapes_the_rest() -> None:
    marked = highlight_names("<i>to Hanoi</i> via hanoi", ["Hanoi"])
    assert marked == "&lt;i&gt;to <mark>Hanoi</mark>&lt;/i&gt; via <mark>hanoi</mark>"


def test_local_time_uses_the_place_zone_with_offset() -> None:
    moment = datetime(2019, 2, 23, 6, 0, tzinfo=UTC)
    assert local_time(moment, "Asia/Pyongyang") == "Sat 23 Feb 2019, 15:00 UTC+09:00"
    assert local_time(None, "Asia/Pyongyang") == "unknown"


def test_stage_label_is_one_based(journey: Journey) -> None:
    assert stage_label(journey.stages[0]) == "1. Pyongyang (stop)"


def test_timeline_spans_every_timed_stage_in_order(journey: Journey) -> None:
    frame = timeline_frame(journey)
    assert list(frame["seq"]) == [stage.seq for stage in journey.stages]
    assert (frame["earliest"] <= frame["likely_start"]).all()
    assert (frame["likely_end"] <= frame["latest"]).all()


def test_map_of_the_real_journey_draws_every_stop_and_leg(geocoder: GazetteerGeocoder) -> None:
    real = build_journey(load_articles(bundled_article_paths()), geocoder=geocoder)
    page = str(journey_map(real).get_root().render())
    assert page.count("L.polyline(") == len(real.legs)
    for stop in real.stops:
        assert js_string(esc(stop.name))[1:-1] in page


def with_layer(journey: Journey, layer: folium.FeatureGroup) -> str:
    """The page of the route map with ``layer`` added (as the app adds a stage layer)."""
    fmap = journey_map(journey)
    layer.add_to(fmap)
    return str(fmap.get_root().render())


def test_legend_starts_closed(page: str) -> None:
    assert 'L.DomUtil.create("details", "geo-legend")' in page
    assert ".open = true" not in page


def test_first_view_fits_the_whole_route_and_dims_nothing(journey: Journey) -> None:
    page = str(journey_map(journey, stage=0).get_root().render())
    assert f"journey.map.fitBounds({js_string(stage_bounds(journey, journey.stages[0]))}" in page
    overview = with_layer(journey, stage_layer(journey, 0, overview=True))
    assert f"journey.map.fitBounds({js_string(journey_bounds(journey))}" in overview
    assert "var dim = false;" in overview and '"overview"' in overview


def test_a_crossing_labels_both_stations_its_title_names(journey: Journey) -> None:
    crossing = next(stage for stage in journey.stages if stage.kind == "crossing")
    ends = stage_ends(journey, crossing)
    assert [name for name, _ in ends] == [crossing.start]  # its other end is a stop, labelled already
    layer = with_layer(journey, stage_layer(journey, crossing.seq))
    assert layer.count('"className": "geo-station"') == len(ends)
    assert js_string(esc(crossing.start)) in layer


def test_an_edited_stop_is_marked_on_the_map(journey: Journey) -> None:
    last = journey.stops[-1]
    edited = replace(last, edited=True, edit_note="summit city")
    stops = (*journey.stops[:-1], edited)
    changed = assemble_journey(journey.articles, replace(journey.itinerary, stops=stops),
                               Route(stops, journey.legs), journey.timing)
    page = str(journey_map(changed).get_root().render())
    assert '"className": "geo-label geo-label-edited"' in page
    assert page.count("geo-label-edited") >= 1
    assert "summit city" in page


def test_standalone_page_is_the_whole_story(standalone: str, journey: Journey) -> None:
    head = standalone.index('class="geo-story-head"')
    map_div = standalone.index('class="folium-map"')
    stages = standalone.index('class="geo-story-stages"')
    assert head < map_div < stages
    assert "<title>Kim Jong Un: Pyongyang → Hanoi</title>" in standalone
    assert standalone.count('class="geo-story-stage"') == len(journey.stages)
    assert "<b>Reuters</b>, published 24 Feb 2019" in standalone
    assert "clocks go back 1 h" in standalone
