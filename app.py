"""Streamlit app: step through a journey told in news articles, on a map that works offline.

UI only — the journey, the map, the texts and the exports all come from ``geo``. The current stage lives in
the URL (``?stage=N``, 1-based like the "Stage N of M" on screen), so a link opens at that stage and a reload
keeps it; "Play" moves on one stage every ``PLAY_INTERVAL_S``. Article text is untrusted: it is shown
escaped (``geo.outputs.ui_text``), never as Markdown or HTML.
Run: ``streamlit run app.py`` (settings in ``.streamlit/config.toml``).
"""

from __future__ import annotations

import hashlib
import warnings
from collections.abc import Sequence
from datetime import date
from time import monotonic
from typing import Any

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile
from streamlit_folium import st_folium

from geo.errors import GeoError
from geo.journey import Journey
from geo.model import Article
from geo.outputs import ui_text
from geo.outputs.export import geojson_text, stages_csv
from geo.outputs.mapview import OSM_TILES, journey_map, stage_layer, standalone_html
from geo.reading.articles import articles_from_sources, bundled_article_paths, load_articles

MAP_KEY = "journey_map"
MAP_HEIGHT_PX = 580
PLAY_INTERVAL_S = 2.5


# --- data (cached: stepping through stages never rebuilds anything) ---------------------------------------


def articles_key(articles: Sequence[Article]) -> str:
    """A digest of everything the pipeline reads from the articles."""
    digest = hashlib.sha256()
    for article in articles:
        for part in (article.id, article.publisher, article.published.isoformat(), article.text):
            digest.update(part.encode("utf-8") + b"\x00")
    return digest.hexdigest()


@st.cache_resource(show_spinner=False)
def bundled_articles() -> tuple[Article, ...]:
    return tuple(load_articles(bundled_article_paths()))


@st.cache_resource(show_spinner="Reading the articles and building the journey…", max_entries=16)
def build(key: str, _articles: tuple[Article, ...]) -> Journey:
    from geo.pipeline import build_journey  # late: the pipeline is the slow import

    return build_journey(list(_articles))


@st.cache_resource(show_spinner=False, max_entries=16)
def exports(key: str, _journey: Journey) -> dict[str, str]:
    return {"geojson": geojson_text(_journey), "csv": stages_csv(_journey), "html": standalone_html(_journey)}


@st.cache_resource(show_spinner=False, max_entries=16)
def timeline_spec(key: str, _journey: Journey) -> dict[str, Any]:
    """The timeline's Vega-Lite spec, built and validated by Altair once per journey (~0.1 s)."""
    return dict(ui_text.timeline_chart(_journey).to_dict())


def user_articles(
    files: Sequence[UploadedFile], pasted: str, published: date | None, publisher: str
) -> tuple[Article, ...]:
    """Uploaded files and pasted text as articles; ``InputError`` (one line) for anything unusable."""
    sources = [(f.name, f.getvalue()) for f in files]
    if pasted.strip():
        sources.append(("pasted.txt", pasted.encode("utf-8")))
    return tuple(articles_from_sources(sources, published, publisher))


# --- sidebar: bring your own articles --------------------------------------------------------------------


def article_inputs() -> None:
    """Upload or paste articles; on "Build journey", replace the journey only if the new one works."""
    side = st.sidebar
    side.header("Your own articles")
    side.caption("Upload plain-text articles or paste one; the journey is rebuilt from them.")
    files = side.file_uploader("Article files", type=["txt", "md"], accept_multiple_files=True, key="uploads")
    pasted = side.text_area("…or paste an article", key="pasted", height=150)
    published = side.date_input("Publication date", value=None, key="published", format="YYYY-MM-DD")
    publisher = side.text_input("Publisher", key="publisher")
    if side.button("Build journey", key="build", type="primary"):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                articles = user_articles(files or [], pasted, published, publisher)
                build(articles_key(articles), articles)
            except GeoError as err:
                side.error(str(err))
                return
        for warning in caught:
            side.info(str(warning.message))
        st.session_state["articles"] = articles
        st.query_params["stage"] = "1"
    if "articles" in st.session_state and side.button("Back to the bundled articles", key="reset"):
        del st.session_state["articles"]
        st.query_params["stage"] = "1"
    st.session_state["online_tiles"] = side.toggle("OpenStreetMap tiles (needs internet)", key="tiles")


# --- main area ---------------------------------------------------------------------------------------------


def current_stage(count: int) -> int:
    """The 0-based stage index from ``?stage=N`` (1-based), clamped into range; the URL is corrected."""
    raw = st.query_params.get("stage", "1")
    try:
        wanted = int(raw)
    except ValueError:
        wanted = 1
    number = min(max(wanted, 1), max(count, 1))
    if str(number) != raw:
        st.query_params["stage"] = str(number)
    return number - 1


def go_to(index: int) -> None:
    st.query_params["stage"] = str(index + 1)


def stage_controls(journey: Journey, index: int) -> None:
    """Previous / Next buttons and a selector, all writing the stage into the URL."""
    count = len(journey.stages)
    back, forward = st.columns(2)
    back.button("Previous stage", key="prev", on_click=go_to, args=(index - 1,), disabled=index <= 0,
                width="stretch")
    forward.button("Next stage", key="next", on_click=go_to, args=(index + 1,), disabled=index >= count - 1,
                   width="stretch")
    labels = [ui_text.stage_label(stage) for stage in journey.stages]
    st.session_state["stage_select"] = index
    st.selectbox("Stage", range(count), format_func=labels.__getitem__, key="stage_select",
                 on_change=lambda: go_to(st.session_state["stage_select"]))


def header(journey: Journey) -> None:
    st.title("Journey map")
    stops = journey.stops
    sources = ", ".join(sorted({a.publisher or a.id for a in journey.articles}))
    route = f"{stops[0].name} → {stops[-1].name}" if len(stops) > 1 else ""
    st.html(f'<p class="geo-lede">{ui_text.esc(route)} · {len(journey.stages)} stages · '
            f"{journey.total_distance_km:,.0f} km · told by {ui_text.esc(sources)}</p>")


def map_and_stage(journey: Journey, index: int) -> None:
    left, right = st.columns([7, 4], gap="medium")
    with left:
        tiles = OSM_TILES if st.session_state.get("online_tiles") else None
        st_folium(journey_map(journey, online_tiles=tiles), key=MAP_KEY, returned_objects=[],
                  height=MAP_HEIGHT_PX, use_container_width=True,
                  feature_group_to_add=stage_layer(journey, index))
    with right:
        stage_controls(journey, index)
        st.html(ui_text.PANEL_CSS + ui_text.stage_panel_html(journey, journey.stages[index]))


def stage_view(key: str, journey: Journey) -> None:
    """The part that changes with the stage. It runs as a fragment, so stepping reruns only this; while
    "Play" is on, the fragment also reruns every ``PLAY_INTERVAL_S`` and moves one stage on."""
    index = current_stage(len(journey.stages))
    if st.session_state.get("playing") and play_tick_due() and index < len(journey.stages) - 1:
        index += 1
        go_to(index)
    map_and_stage(journey, index)
    timeline(key, journey, index)


def play_tick_due() -> bool:
    """True once per ``PLAY_INTERVAL_S`` while playing (a click in between does not advance)."""
    now = monotonic()
    last = st.session_state.get("played_at")
    if last is not None and now - last < PLAY_INTERVAL_S * 0.8:
        return False
    st.session_state["played_at"] = now
    return last is not None


def stepper(key: str, journey: Journey) -> None:
    playing = st.toggle("Play", key="playing", help="Move to the next stage every few seconds")
    if not playing:
        st.session_state.pop("played_at", None)
    run_every = PLAY_INTERVAL_S if playing else None
    st.fragment(stage_view, run_every=run_every)(key, journey)


def timeline(key: str, journey: Journey, index: int) -> None:
    st.subheader("Timeline")
    st.caption("Pale bars: earliest to latest possible; dark bars and ticks: the likely times (UTC).")
    st.vega_lite_chart(ui_text.with_current(timeline_spec(key, journey), index), width="stretch")


def downloads(key: str, journey: Journey) -> None:
    st.subheader("Downloads")
    files = exports(key, journey)
    geojson, csv, html = st.columns(3)
    geojson.download_button("Download GeoJSON", files["geojson"], file_name="journey.geojson",
                            mime="application/geo+json", key="dl_geojson", on_click="ignore")
    csv.download_button("Download stage table (CSV)", files["csv"], file_name="stages.csv", mime="text/csv",
                        key="dl_csv", on_click="ignore")
    html.download_button("Download map (HTML, works offline)", files["html"], file_name="journey-map.html",
                         mime="text/html", key="dl_html", on_click="ignore")
    with st.expander("Stage table"):
        st.dataframe(journey.stages_frame().drop(columns=["quotes"]), hide_index=True)


def main() -> None:
    st.set_page_config(page_title="Journey map", page_icon="🚆", layout="wide")
    article_inputs()
    articles = st.session_state.get("articles") or bundled_articles()
    key = articles_key(articles)
    try:
        journey = build(key, articles)
    except GeoError as err:
        st.error(str(err))
        st.stop()
    header(journey)
    stepper(key, journey)
    downloads(key, journey)


main()
