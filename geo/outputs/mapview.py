"""The journey as a folium (Leaflet) map that works offline; no Streamlit here.

``journey_map`` draws the whole route: stops as markers by role, legs as lines styled by mode (rail solid,
road dashed, air dotted), border crossings marked, inferred parts paler than reported ones, what an editor
changed marked "✎", over an offline basemap of country outlines (Natural Earth). ``stage_layer`` is the
highlight of one stage: it fits the view to the stage (both ends in sight, every station its title names
labelled) and dims the rest, or, for the first view, fits the whole route; it is kept separate so the app can
swap it without reloading the map. On touch screens one finger scrolls the page and two move the map.
``standalone_html`` is the whole story in one page that opens from disk with no network: the headline, the
map (Leaflet and the basemap inlined), every stage with its times and quotes, and the sources.

Every string that comes from an article or a place name is escaped (``ui_text.esc``) and then embedded
in scripts as JSON with ``<``, ``>`` and ``&`` escaped, so article text can never become markup or code.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterable
from functools import cache
from typing import Any

import folium
from branca.element import Element, Figure, MacroElement
from folium.template import Template
from shapely.geometry import LineString

from geo.journey import Journey
from geo.model import Leg, Stage, Stop
from geo.outputs.ui_text import (
    KIND_LABELS,
    MODE_LABELS,
    STORY_CSS,
    default_title,
    distance_label,
    edits_html,
    esc,
    evidence_text,
    headline,
    local_time,
    quote_html,
    sources_html,
    stage_list_html,
    stage_names,
    time_rows,
)
from geo.paths import ASSETS_DIR
from geo.routing.route import DISPLAY_TOLERANCE_DEG, display_geometry

STOP_VIEW_PAD_DEG = 1.5
"""Half-size (degrees) of the view around a single stop when that stage is focused."""
FOCUS_MAX_ZOOM = 8
LABEL_ROOM_PX = 110
"""Extra padding on the right when fitting the view, so the stop labels (drawn right of the stop) fit."""

LEAFLET_JS = "leaflet/leaflet.js"
LEAFLET_CSS = "leaflet/leaflet.css"
BASEMAP = "basemap/countries.geojson"

OSM_TILES = (
    "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
)
"""(URL template, attribution) of the optional online layer; pass it as ``online_tiles`` to use it."""

ROUTE_COLOUR = "#b3261e"
INFERRED_COLOUR = "#dd8078"
HIGHLIGHT_COLOUR = "#1d4ed8"
MODE_DASH: dict[str, str | None] = {"rail": None, "road": "10 7", "air": "1 9", "sea": "12 6 2 6"}
ROLE_STYLE: dict[str, dict[str, Any]] = {
    "origin": {"fill": "#15803d", "radius": 8},
    "destination": {"fill": "#b3261e", "radius": 9},
    "border": {"fill": "#f59e0b", "radius": 7},
    "waypoint": {"fill": "#ffffff", "radius": 6},
}
ROLE_LABELS = {"origin": "Origin", "destination": "Destination", "border": "Border stop", "waypoint": "Stop"}
EDITED_MARK = "✎"
STANDALONE_MAP_HEIGHT = "70vh"


def js_string(value: object) -> str:
    """A JSON literal that is safe inside a ``<script>`` element (no ``<``, ``>`` or ``&`` left raw)."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class _Bind(MacroElement):
    """Binds a tooltip and a popup (our own escaped markup) to the parent layer, without jQuery."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.bindTooltip({{ this.tooltip }}, {{ this.tooltip_options }});
        {% if this.popup %}
        {{ this._parent.get_name() }}.bindPopup({{ this.popup }}, {maxWidth: 380});
        {% endif %}
        {% endmacro %}
    """)

    def __init__(self, tooltip_html: str, popup_html: str | None = None, **tooltip_options: object) -> None:
        super().__init__()
        self._name = "Bind"
        self.tooltip = js_string(tooltip_html)
        self.popup = js_string(popup_html) if popup_html else None
        self.tooltip_options = js_string({"sticky": True, **tooltip_options})


class _Basemap(MacroElement):
    """Country outlines into the parent feature group: fetched from the static folder, or inlined."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (group) {
            var style = {pane: "geo-basemap", interactive: false, attribution: "Natural Earth",
                         style: {color: "#a8a29e", weight: 0.8, fillColor: "#f7f4ee", fillOpacity: 1}};
            {% if this.data %}
            L.geoJSON({{ this.data }}, style).addTo(group);
            {% else %}
            fetch({{ this.url }}).then(function (r) { return r.json(); })
                .then(function (data) { L.geoJSON(data, style).addTo(group); });
            {% endif %}
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, url: str | None = None, data: str | None = None) -> None:
        super().__init__()
        self._name = "Basemap"
        self.url = js_string(url) if url else None
        self.data = data


class _Setup(MacroElement):
    """Map-wide details: a plain-text attribution prefix (no link out), the CSS of our markers, one-finger
    page scrolling on touch screens, and (``fill``) a map as tall as the frame it is shown in, so the app
    can size the frame to the screen."""

    _template = Template("""
        {% macro header(this, kwargs) %}
        <style>
        .leaflet-container { background: #d6e6f2;
                             font: 13px/1.4 "Source Sans Pro", "DejaVu Sans", sans-serif; }
        .geo-label { background: rgba(255,255,255,.85); border: 0; box-shadow: none; padding: 0 4px;
                     font-weight: 600; color: #1f2937; border-radius: 3px; }
        .geo-label::before { display: none; }
        .geo-label-edited { color: #1e3a8a; }
        .geo-station { background: rgba(255,255,255,.8); border: 0; box-shadow: none; padding: 0 3px;
                       color: #374151; font-size: 11px; border-radius: 3px; }
        .geo-station::before { display: none; }
        .geo-touch-hint { background: rgba(255,255,255,.85); padding: 1px 6px; border-radius: 4px;
                          font-size: 11px; color: #374151; }
        path.leaflet-interactive:focus { outline: none; }
        .geo-diamond { width: 11px; height: 11px; background: #fff; border: 2px solid #1f2937;
                       transform: rotate(45deg); box-sizing: border-box; }
        .geo-legend { background: rgba(255,255,255,.92); padding: 6px 9px; border-radius: 6px;
                      box-shadow: 0 1px 4px rgba(0,0,0,.3); line-height: 1.3; color: #1f2937;
                      font-size: 12px; }
        .geo-legend summary { font-weight: 600; cursor: pointer; }
        .geo-legend svg { vertical-align: middle; margin-right: 6px; }
        .geo-popup h4 { margin: 0 0 4px; font-size: 14px; }
        .geo-popup .geo-kicker { color: #6b7280; font-size: 11px; text-transform: uppercase; }
        .geo-popup blockquote { margin: 6px 0 0; padding: 2px 8px; border-left: 3px solid #b3261e;
                                background: #faf7f2; }
        .geo-popup blockquote footer { color: #6b7280; font-size: 11px; }
        .geo-popup mark { background: #ffe08a; }
        .geo-popup table { border-collapse: collapse; font-size: 12px; }
        .geo-popup td, .geo-popup th { padding: 1px 6px 1px 0; text-align: left; }
        {% if this.fill %}
        html, body { height: 100%; margin: 0; }
        .folium-map { height: 100vh !important; }
        {% endif %}
        </style>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        (function (map) {
            map.attributionControl.setPrefix("Leaflet");
            var touch = L.Browser.mobile || (window.matchMedia && matchMedia("(pointer: coarse)").matches);
            if (touch) {
                map.dragging.disable();
                if (map.tap) { map.tap.disable(); }
                map.getContainer().classList.add("geo-touch");
                var hint = L.control({position: "topright"});
                hint.onAdd = function () {
                    var div = L.DomUtil.create("div", "geo-touch-hint");
                    div.textContent = "Two fingers move the map";
                    return div;
                };
                hint.addTo(map);
            }
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, *, fill: bool = False) -> None:
        super().__init__()
        self._name = "Setup"
        self.fill = fill


class _Legend(MacroElement):
    """The key to the symbols, as a Leaflet control holding escaped text."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (map) {
            var legend = L.control({position: "bottomright"});
            legend.onAdd = function (m) {
                var div = L.DomUtil.create("details", "geo-legend");
                div.innerHTML = {{ this.html }};
                L.DomEvent.disableClickPropagation(div);
                return div;
            };
            legend.addTo(map);
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, modes: Iterable[str]) -> None:
        super().__init__()
        self._name = "Legend"
        self.html = js_string(legend_html(modes))


class _Registry(MacroElement):
    """Remembers the map and the route layers in ``window.geoJourney`` so a stage layer can dim them."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        window.geoJourney = {map: {{ this._parent.get_name() }},
                             layers: [{% for layer in this.layers %}{{ layer.get_name() }},{% endfor %}]};
        {% endmacro %}
    """)

    def __init__(self, layers: list[folium.FeatureGroup]) -> None:
        super().__init__()
        self._name = "Registry"
        self.layers = layers


class _Focus(MacroElement):
    """Fits the view to a stage and dims every route layer (the highlight is drawn above them), or, for the
    overview, fits the whole route and dims nothing; the map's container gets ``data-stage="<seq>"`` (and
    ``data-view``) so tests and benchmarks can tell when the map has caught up."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var journey = window.geoJourney;
            if (!journey) { return; }
            var dim = {{ this.dim }};
            journey.layers.forEach(function (group) {
                group.eachLayer(function (layer) {
                    var o = layer.options;
                    if (o.geoOpacity === undefined) { o.geoOpacity = o.opacity; o.geoFill = o.fillOpacity; }
                    var k = dim ? 0.35 : 1;
                    if (layer.setStyle) {
                        layer.setStyle({opacity: (o.geoOpacity || 1) * k, fillOpacity: (o.geoFill || 0) * k});
                    } else if (layer.setOpacity) { layer.setOpacity(dim ? 0.45 : 1); }
                });
            });
            journey.map.getContainer().setAttribute("data-stage", {{ this.seq }});
            journey.map.getContainer().setAttribute("data-view", {{ this.view }});
            var room = Math.min({{ this.label_room }}, journey.map.getSize().x * 0.25);
            journey.map.fitBounds({{ this.bounds }},
                {paddingTopLeft: [dim ? room : 24, 36], paddingBottomRight: [room, 36],
                 maxZoom: {{ this.max_zoom }}, animate: false});
        })();
        {% endmacro %}
    """)

    def __init__(self, seq: int, bounds: list[list[float]], max_zoom: int = FOCUS_MAX_ZOOM, *,
                 overview: bool = False) -> None:
        super().__init__()
        self._name = "Focus"
        self.label_room = LABEL_ROOM_PX
        self.seq = int(seq)
        self.bounds = js_string(bounds)
        self.max_zoom = max_zoom
        self.dim = "false" if overview else "true"
        self.view = js_string("overview" if overview else "stage")


class _FitView(MacroElement):
    """Fits the map to bounds without animation (a later fit during an animated zoom would be ignored)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (map) {
            var room = Math.min({{ this.label_room }}, map.getSize().x * 0.25);
            map.fitBounds({{ this.bounds }},
                {paddingTopLeft: [24, 24], paddingBottomRight: [room, 24], animate: false});
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, bounds: list[list[float]]) -> None:
        super().__init__()
        self._name = "FitView"
        self.label_room = LABEL_ROOM_PX
        self.bounds = js_string(bounds)


def legend_html(modes: Iterable[str]) -> str:
    """The legend's markup: roles of stops, the modes present, reported vs inferred (escaped text)."""
    rows = ["<summary>" + esc("Legend") + "</summary>"]
    for role in ("origin", "waypoint", "border", "destination"):
        style = ROLE_STYLE[role]
        swatch = (f'<svg width="18" height="18"><circle cx="9" cy="9" r="6" fill="{style["fill"]}" '
                  'stroke="#1f2937" stroke-width="1.5"/></svg>')
        rows.append(f"<div>{swatch}{esc(ROLE_LABELS[role])}</div>")
    for mode in sorted(set(modes)) or ["rail"]:
        dash = MODE_DASH.get(mode)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        swatch = (f'<svg width="34" height="10"><line x1="1" y1="5" x2="33" y2="5" stroke="{ROUTE_COLOUR}" '
                  f'stroke-width="4"{dash_attr}/></svg>')
        rows.append(f"<div>{swatch}{esc(MODE_LABELS.get(mode, mode).capitalize())}</div>")
    rows.append(f'<div><svg width="34" height="10"><line x1="1" y1="5" x2="33" y2="5" '
                f'stroke="{INFERRED_COLOUR}" stroke-width="3"/></svg>'
                f"{esc('Inferred path (not in the articles)')}</div>")
    rows.append('<div><svg width="18" height="18"><rect x="4" y="4" width="10" height="10" fill="#fff" '
                'stroke="#1f2937" stroke-width="2" transform="rotate(45 9 9)"/></svg>'
                f"{esc('Border crossing')}</div>")
    rows.append('<div><svg width="18" height="18"><circle cx="9" cy="9" r="6" fill="#fff" stroke="#1f2937" '
                'stroke-width="1.5" stroke-dasharray="2 2"/></svg>'
                f"{esc('Inferred place (dashed outline)')}</div>")
    rows.append(f'<div><svg width="18" height="18"><text x="3" y="14" font-size="13">{EDITED_MARK}</text>'
                f"</svg>{esc('Changed by the editor')}</div>")
    return "".join(rows)


# --- geometry --------------------------------------------------------------------------------------------


def display_line(leg: Leg, tolerance_deg: float = DISPLAY_TOLERANCE_DEG) -> list[list[float]]:
    """The leg's display geometry (simplified at ``tolerance_deg`` degrees, ~1 km: invisible at route scale,
    and it keeps the map's script small) as Leaflet ``[lat, lon]`` pairs, 5 decimals (~1 m)."""
    line: LineString = display_geometry(leg, tolerance_deg=tolerance_deg)
    if line.is_empty or len(line.coords) < 2:
        line = leg.geometry
    return [[round(y, 5), round(x, 5)] for x, y, *_ in line.coords]


def _stop_point(stop: Stop) -> list[float] | None:
    return [stop.place.latitude, stop.place.longitude] if stop.place is not None else None


def journey_bounds(journey: Journey) -> list[list[float]]:
    """``[[south, west], [north, east]]`` of every stop and leg."""
    points = [point for stop in journey.stops if (point := _stop_point(stop)) is not None]
    for leg in journey.legs:
        points += [[y, x] for x, y, *_ in leg.geometry.coords]
    return _bounds(points)


def stage_bounds(journey: Journey, stage: Stage) -> list[list[float]]:
    """The view for one stage: the leg's extent (both ends in it), or a small box around a stop."""
    leg = journey.leg_of(stage)
    if leg is not None:
        return _bounds([[y, x] for x, y, *_ in leg.geometry.coords])
    stop = journey.stop_of(stage)
    point = _stop_point(stop) if stop is not None else None
    if point is None:
        return journey_bounds(journey)
    lat, lon = point
    pad = STOP_VIEW_PAD_DEG
    return [[lat - pad, lon - pad], [lat + pad, lon + pad]]


def _bounds(points: list[list[float]]) -> list[list[float]]:
    if not points:
        return [[-60.0, -170.0], [75.0, 170.0]]
    lats = [lat for lat, _ in points]
    lons = [lon for _, lon in points]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def stage_ends(journey: Journey, stage: Stage) -> list[tuple[str, list[float]]]:
    """(name, [lat, lon]) of the stations a leg's title names that are not stops (a crossing's two sides)."""
    leg = journey.leg_of(stage)
    if leg is None:
        return []
    coords = list(leg.geometry.coords)
    ends = []
    if leg.from_stop is None:
        ends.append((leg.start, [coords[0][1], coords[0][0]]))
    if leg.to_stop is None:
        ends.append((leg.end, [coords[-1][1], coords[-1][0]]))
    return ends


# --- popups and tooltips ----------------------------------------------------------------------------------


def popup_html(journey: Journey, stage: Stage) -> str:
    """A compact card for a stop or leg: kind, title, mode and distance, times, evidence, quotes."""
    facts = [KIND_LABELS[stage.kind]]
    if stage.mode:
        facts.append(MODE_LABELS.get(stage.mode, stage.mode))
    leg = journey.leg_of(stage)
    if stage.distance_km is not None:
        facts.append(distance_label(stage.distance_km, bool(leg and leg.approximate)))
    times = "".join(
        f"<tr><th>{esc(label)}</th><td>{esc(local_time(window.likely, zone))}</td></tr>"
        for label, window, zone in time_rows(journey, stage)
    )
    quotes = "".join(quote_html(quote, stage_names(stage)) for quote in stage.quotes[:2])
    return (
        f'<div class="geo-popup"><div class="geo-kicker">{esc(" · ".join(facts))}</div>'
        f"<h4>{esc(stage.title)}</h4>"
        + (f"<table>{times}</table>" if times else "")
        + f"<div>{esc(evidence_text(journey, stage))}</div>{edits_html(journey, stage)}{quotes}</div>"
    )


def _leg_tooltip(leg: Leg, edited: bool = False) -> str:
    what = KIND_LABELS["crossing"] if leg.kind == "crossing" else MODE_LABELS.get(leg.mode, leg.mode)
    evidence = "inferred path" if leg.inferred_path else "reported"
    distance = distance_label(leg.distance_km, leg.approximate)
    parts = [what, distance, evidence] + (["edited"] if edited else [])
    return f"<b>{esc(leg.start)} → {esc(leg.end)}</b><br>{esc(' · '.join(parts))}"


def _stop_tooltip(stop: Stop, edited: bool = False) -> str:
    return (esc(stop.name) + (" " + esc("(inferred)") if stop.inferred else "")
            + (" " + EDITED_MARK if edited else ""))


# --- layers --------------------------------------------------------------------------------------------


def _stage_for(journey: Journey, *, stop: int | None = None, leg: int | None = None) -> Stage | None:
    for stage in journey.stages:
        if (stop is not None and stage.stop == stop) or (leg is not None and stage.leg == leg):
            return stage
    return None


def _leg_layer(journey: Journey, leg: Leg) -> folium.PolyLine:
    inferred = leg.inferred_path
    line = folium.PolyLine(
        display_line(leg),
        color=INFERRED_COLOUR if inferred else ROUTE_COLOUR,
        weight=4 if inferred else 5,
        opacity=0.95,
        dash_array=MODE_DASH.get(leg.mode),
        line_cap="round",
    )
    stage = _stage_for(journey, leg=leg.seq)
    edited = bool(stage and journey.edit_notes(stage))
    _Bind(_leg_tooltip(leg, edited), popup_html(journey, stage) if stage else None).add_to(line)
    return line


def _crossing_marker(leg: Leg) -> folium.Marker:
    middle = leg.geometry.interpolate(0.5, normalized=True)
    icon = folium.DivIcon(html='<div class="geo-diamond"></div>', class_name="geo-crossing",
                          icon_size=(12, 12), icon_anchor=(6, 6))
    marker = folium.Marker([middle.y, middle.x], icon=icon, pane="geo-crossings")
    countries = " → ".join(leg.countries)
    text = f"<b>{esc('Border crossing')}</b><br>{esc(leg.start)} → {esc(leg.end)}"
    _Bind(text + (f"<br>{esc(countries)}" if countries else "")).add_to(marker)
    return marker


def _stop_marker(journey: Journey, stop: Stop) -> folium.CircleMarker | None:
    point = _stop_point(stop)
    if point is None:
        return None
    style = ROLE_STYLE.get(stop.role, ROLE_STYLE["waypoint"])
    marker = folium.CircleMarker(
        point,
        radius=style["radius"],
        color="#1f2937",
        weight=2,
        fill=True,
        fill_color=style["fill"],
        fill_opacity=0.6 if stop.inferred else 1.0,
        dash_array="3 3" if stop.inferred else None,
        pane="geo-stops",
    )
    stage = _stage_for(journey, stop=stop.seq)
    edited = bool(stage and journey.edit_notes(stage))
    label = _Bind(_stop_tooltip(stop, edited), popup_html(journey, stage) if stage else None, permanent=True,
                  direction="right", offset=[10, 0], sticky=False,
                  className="geo-label geo-label-edited" if edited else "geo-label")
    label.add_to(marker)
    return marker


def _basemap_group(assets_url: str, inline: bool) -> folium.FeatureGroup:
    group = folium.FeatureGroup(name="Country outlines (Natural Earth, offline)", overlay=True, control=True)
    if inline:
        _Basemap(data=basemap_json()).add_to(group)
    else:
        _Basemap(url=f"{assets_url}/{BASEMAP}").add_to(group)
    return group


def _build(journey: Journey, *, stage: int | None, assets_url: str,
           online_tiles: tuple[str, str] | None, inline: bool, overview: bool = False) -> folium.Map:
    bounds = journey_bounds(journey)
    centre = [(bounds[0][0] + bounds[1][0]) / 2, (bounds[0][1] + bounds[1][1]) / 2]
    fmap = folium.Map(location=centre, zoom_start=4, tiles=None, control_scale=True, zoom_snap=0.25,
                      height=STANDALONE_MAP_HEIGHT if inline else "100%")
    fmap.default_js = [] if inline else [("leaflet", f"{assets_url}/{LEAFLET_JS}")]
    fmap.default_css = [] if inline else [("leaflet_css", f"{assets_url}/{LEAFLET_CSS}")]
    _Setup(fill=not inline).add_to(fmap)
    folium.map.CustomPane("geo-basemap", z_index=250, pointer_events=False).add_to(fmap)
    folium.map.CustomPane("geo-crossings", z_index=450, pointer_events=True).add_to(fmap)
    folium.map.CustomPane("geo-stops", z_index=620, pointer_events=True).add_to(fmap)
    _basemap_group(assets_url, inline).add_to(fmap)
    if online_tiles is not None:
        folium.map.CustomPane("geo-tiles", z_index=260, pointer_events=False).add_to(fmap)
        url, attribution = online_tiles
        folium.TileLayer(tiles=url, attr=attribution, name="OpenStreetMap tiles (online)", overlay=True,
                         control=True, show=True, pane="geo-tiles").add_to(fmap)
    route = folium.FeatureGroup(name="Route", control=True)
    for leg in journey.legs:
        _leg_layer(journey, leg).add_to(route)
        if leg.kind == "crossing":
            _crossing_marker(leg).add_to(route)
    route.add_to(fmap)
    stops = folium.FeatureGroup(name="Stops", control=True)
    for stop in journey.stops:
        marker = _stop_marker(journey, stop)
        if marker is not None:
            marker.add_to(stops)
    stops.add_to(fmap)
    _Legend(leg.mode for leg in journey.legs).add_to(fmap)
    folium.LayerControl(collapsed=True).add_to(fmap)
    _FitView(bounds).add_to(fmap)
    _Registry([route, stops]).add_to(fmap)
    if stage is not None:
        stage_layer(journey, stage, overview=overview).add_to(fmap)
    return fmap


def journey_map(
    journey: Journey,
    *,
    stage: int | None = None,
    assets_url: str = "/app/static",
    online_tiles: tuple[str, str] | None = None,
) -> folium.Map:
    """The whole route over the offline basemap; with ``stage``, that stage highlighted and in view.

    ``assets_url`` is where the vendored Leaflet files and the basemap are served (Streamlit serves
    ``./static/`` at ``/app/static``). ``online_tiles`` = (URL template, attribution) adds a tile layer over
    the basemap (shown; the layer control can hide it); without it the map makes no request outside
    ``assets_url``.
    """
    return _build(journey, stage=stage, assets_url=assets_url.rstrip("/"), online_tiles=online_tiles,
                  inline=False)


def stage_layer(journey: Journey, stage: int, *, overview: bool = False) -> folium.FeatureGroup:
    """The highlight of one stage (by ``Stage.seq``), drawn above the route, with the stations its title
    names labelled; the view is fitted to the stage and the rest dimmed, or with ``overview`` the view
    shows the whole route and nothing is dimmed (the first view)."""
    current = journey.stages[stage]
    group = folium.FeatureGroup(name=f"Stage {current.seq + 1}", control=False)
    edited = bool(journey.edit_notes(current))
    leg = journey.leg_of(current)
    if leg is not None:
        points = display_line(leg)
        folium.PolyLine(points, color="#ffffff", weight=12, opacity=0.9, line_cap="round").add_to(group)
        line = folium.PolyLine(points, color=HIGHLIGHT_COLOUR, weight=6, opacity=1.0,
                               dash_array=MODE_DASH.get(leg.mode), line_cap="round")
        _Bind(_leg_tooltip(leg, edited), popup_html(journey, current)).add_to(line)
        line.add_to(group)
        for name, point in stage_ends(journey, current):
            station = folium.CircleMarker(point, radius=4, color="#1f2937", weight=1.5, fill=True,
                                          fill_color="#ffffff", fill_opacity=1.0, pane="geo-stops")
            # "right", not "left": a left label is placed by its width, which is wrong while the
            # stylesheet is still loading; below the line of the stop labels, so the two do not collide
            _Bind(esc(name), permanent=True, direction="right", offset=[6, 14], className="geo-station",
                  sticky=False).add_to(station)
            station.add_to(group)
    else:
        stop = journey.stop_of(current)
        centre = _stop_point(stop) if stop is not None else None
        if stop is not None and centre is not None:
            ring = folium.CircleMarker(centre, radius=16, color=HIGHLIGHT_COLOUR, weight=4, fill=True,
                                       fill_color=HIGHLIGHT_COLOUR, fill_opacity=0.15)
            _Bind(_stop_tooltip(stop, edited), popup_html(journey, current)).add_to(ring)
            ring.add_to(group)
    bounds = journey_bounds(journey) if overview else stage_bounds(journey, current)
    _Focus(current.seq, bounds, overview=overview).add_to(group)
    return group


# --- the self-contained page ----------------------------------------------------------------------------


@cache
def basemap_json() -> str:
    """The basemap GeoJSON as script-safe text (read once per process)."""
    data = json.loads((ASSETS_DIR / BASEMAP).read_text(encoding="utf-8"))
    return js_string(data)


@cache
def _inline_assets() -> str:
    css = (ASSETS_DIR / LEAFLET_CSS).read_text(encoding="utf-8")
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)  # comments only: they carry bug-tracker links
    css = re.sub(r"url\((['\"]?)images/([\w.-]+)\1\)", _data_uri, css)
    js = (ASSETS_DIR / LEAFLET_JS).read_text(encoding="utf-8")
    if "</script" in js.lower() or "</style" in css.lower():
        raise ValueError("a vendored asset contains a closing tag and cannot be inlined")
    return f"<style>\n{css}\n</style>\n<script>\n{js}\n</script>"


def _data_uri(match: re.Match[str]) -> str:
    image = ASSETS_DIR / "leaflet" / "images" / match.group(2)
    encoded = base64.b64encode(image.read_bytes()).decode("ascii")
    return f"url(data:image/png;base64,{encoded})"


def standalone_html(journey: Journey, *, stage: int | None = None, title: str | None = None) -> str:
    """The whole story as one HTML page that opens from disk, offline, and loads nothing: the title and
    headline, the map (Leaflet, the basemap and the route inlined), every stage with its times, evidence,
    edits and quotes, and the sources with their publication dates. ``stage`` focuses the map on a stage."""
    fmap = _build(journey, stage=stage, assets_url="", online_tiles=None, inline=True)
    root = fmap.get_root()
    if not isinstance(root, Figure):
        raise TypeError("a folium map's root is a branca Figure")
    heading = title or default_title(journey)
    root.title = esc(heading)
    root.header.add_child(Element(_inline_assets()), name="geo_inline_assets", index=0)
    root.header.add_child(Element(f"<style>{STORY_CSS}{_STORY_PAGE_CSS}</style>"), name="geo_story_css")
    top = (f'<header class="geo-story-head"><h1>{esc(heading)}</h1>'
           f'<p class="geo-lede">{esc(headline(journey))}</p></header>')
    story = (f'<main class="geo-story"><h2>Stages</h2>{stage_list_html(journey)}'
             f"<h2>Sources</h2>{sources_html(journey)}"
             '<p class="geo-muted">Made with geo-journey. Times are estimates (earliest – latest, likely in '
             "bold in the app), each in the local time of its place; anything not quoted from an article is "
             "marked inferred, with the reason.</p></main>")
    root.html.add_child(Element(top), name="geo_story_head", index=0)
    _Story(story).add_to(fmap)  # a child of the map renders after the map's own element
    return str(root.render())


class _Story(MacroElement):
    """Markup placed in the page right after the map (our own, already escaped)."""

    _template = Template("""
        {% macro html(this, kwargs) %}{{ this.markup }}{% endmacro %}
    """)

    def __init__(self, markup: str) -> None:
        super().__init__()
        self._name = "Story"
        self.markup = markup


_STORY_PAGE_CSS = """
body { font: 15px/1.45 "Source Sans Pro", "DejaVu Sans", sans-serif; color: #1f2937; background: #fff; }
.geo-story-head, .geo-story { max-width: 900px; margin: 0 auto; padding: 12px 16px; }
.geo-story-head h1 { margin: 0 0 4px; font-size: 1.6rem; }
.geo-story-stages { list-style: none; padding: 0; }
.geo-story-stage { border-top: 1px solid #e5e7eb; padding: 10px 0; }
.geo-story-stage h3 { margin: 2px 0; font-size: 1.15rem; }
.geo-story-times { margin: 4px 0; padding-left: 18px; font-size: .9rem; }
.geo-sources { padding-left: 18px; }
"""
