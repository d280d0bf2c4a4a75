"""Streamlit app: a newsroom tool for a journey told in news articles, on a map that works offline.

UI only — the journey, the map, the texts, the corrections and the exports come from ``geo``; saved journeys
live in the local database of ``geo.store``. The URL names what is shown: ``?journey=<id>`` a saved journey
(none: the bundled articles) and ``?stage=N`` the stage (1-based like "Stage N of M"; none: the first view,
which fits the whole route), so a reload keeps both and a link opens the same view in another browser on the
same server. "Play" moves on one stage every ``PLAY_INTERVAL_S`` and stops at the last. Article text is
untrusted: it is shown escaped (``geo.outputs.ui_text``), never as Markdown or HTML.
Run: ``streamlit run app.py`` (settings in ``.streamlit/config.toml``).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from time import monotonic
from typing import Any
from zoneinfo import ZoneInfo

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile
from streamlit_folium import st_folium

from geo.errors import GeoError, InputError, StoreError
from geo.itinerary.corrections import (
    AddStop,
    Correction,
    Corrections,
    DropStop,
    PinTime,
    SetMode,
    SetRole,
    StopRef,
    describe,
    place_candidates,
)
from geo.journey import Journey, zone
from geo.model import Article, Mode, PinEvent, Place, Role, Stage, Stop
from geo.outputs import ui_text
from geo.outputs.export import geojson_text, stages_csv
from geo.outputs.mapview import OSM_TILES, journey_map, stage_layer, standalone_html
from geo.reading.articles import articles_from_sources, bundled_article_paths, load_articles
from geo.store import JourneyStore, SavedJourney
from geo.store.cache import cached_journey, journey_key

MAP_KEY = "journey_map"
MAP_HEIGHT_PX = 560
PLAY_INTERVAL_S = 2.5
ROLES: tuple[Role, ...] = ("origin", "waypoint", "border", "destination")
MODES: tuple[Mode, ...] = ("rail", "road", "air", "sea")
PASTED_NAME = ui_text.NO_SOURCE
PAGE_CSS = """
<style>
.geo-lede { font-size: 1.05rem; color: #1f2937; margin: -.6rem 0 0; font-weight: 600; }
.geo-facts-line { color: #6b7280; margin: 0 0 .4rem; font-size: .9rem; }
[data-testid="stFileUploaderDropzoneInstructions"] { display: none; }  /* says the server's 20 MB, not 2 */
.st-key-geo-controls [data-testid="stHorizontalBlock"] { flex-wrap: nowrap !important; gap: .5rem; }
.st-key-geo-controls [data-testid="stColumn"] { min-width: 0 !important; width: auto !important; }
@media (max-width: 640px) {
  iframe[title="streamlit_folium.st_folium"] { height: 58vh !important; }
  h1 { font-size: 1.5rem !important; }
  .st-key-geo-controls button p { font-size: .85rem; }
}
</style>
"""


@dataclass(frozen=True)
class Shown:
    """The journey on screen: what it is made from, and the saved record when it has one."""

    articles: tuple[Article, ...]
    corrections: Corrections
    saved: SavedJourney | None = None


# --- data (cached: stepping through stages never rebuilds anything) ---------------------------------------


@st.cache_resource(show_spinner=False)
def bundled_articles() -> tuple[Article, ...]:
    return tuple(load_articles(bundled_article_paths()))


@st.cache_resource(show_spinner=False)
def journey_store() -> JourneyStore:
    return JourneyStore()


@st.cache_resource(show_spinner="Reading the articles and building the journey…", max_entries=16)
def build(
    key: str, _articles: tuple[Article, ...], _corrections: Corrections
) -> tuple[Journey, tuple[str, ...]]:
    """The journey and the warnings its build gave (kept with it, so they show on every run); from the disk
    cache when this code already built it (the set-up step builds the bundled journey there)."""

    def run() -> Journey:
        from geo.pipeline import build_journey  # late: the pipeline (and its model) is slow to import

        return build_journey(list(_articles), corrections=_corrections)

    return cached_journey(_articles, _corrections, run)


@st.cache_resource(show_spinner=False, max_entries=16)
def exports(key: str, title: str, _journey: Journey) -> dict[str, str]:
    return {"geojson": geojson_text(_journey), "csv": stages_csv(_journey),
            "html": standalone_html(_journey, title=title)}


@st.cache_resource(show_spinner=False, max_entries=16)
def timeline_spec(key: str, _journey: Journey) -> dict[str, Any]:
    """The timeline's Vega-Lite spec, built and validated by Altair once per journey (~0.1 s)."""
    return dict(ui_text.timeline_chart(_journey).to_dict())


def ensure_index() -> None:
    """The offline gazetteer index, built here with a progress bar when the set-up step did not build it."""
    from geo.places.gazetteer import index_ready, load_gazetteer

    if index_ready():
        return
    label = "Building the offline gazetteer index (once, about 15 s)"
    bar = st.progress(0.0, text=label + "…")

    def show(fraction: float, step: str) -> None:
        bar.progress(min(1.0, fraction), text=f"{label}: {step}")

    load_gazetteer(progress=show)
    bar.empty()


def user_articles(
    files: Sequence[UploadedFile], pasted: str, published: date | None, publisher: str
) -> tuple[Article, ...]:
    """Uploaded files and pasted text as articles named by their file name ("your text" when pasted);
    ``InputError`` (one line) for anything unusable."""
    sources = [(f.name, f.getvalue()) for f in files]
    if pasted.strip():
        sources.append((PASTED_NAME, pasted.encode("utf-8")))
    if not sources:
        raise InputError("nothing to build from: choose an article file (.txt or .md, up to 2 MB) or "
                         "paste an article's text first")
    articles = articles_from_sources(sources, published, publisher)
    names: list[str] = []
    for name, _ in sources:
        names.append(name if name not in names else f"{name} ({names.count(name) + 1})")
    return tuple(replace(article, id=name) for article, name in zip(articles, names, strict=True))


# --- which journey: the URL, the database ----------------------------------------------------------------


def store_problem() -> str | None:
    """Why saved journeys cannot be used right now (a damaged or unwritable database), else None."""
    try:
        journey_store().check()
    except StoreError as err:
        return str(err)
    return None


def shown_journey(problem: str | None) -> Shown:
    """The journey the URL names (a saved one), else the one kept in this session, else the bundled one."""
    journey_id = st.query_params.get("journey")
    if journey_id and problem is None:
        try:
            saved = journey_store().get(journey_id)
        except StoreError as err:
            st.error(f"{err}. Showing the bundled journey.")
            return Shown(bundled_articles(), Corrections())
        if saved is not None:
            return Shown(saved.articles, saved.corrections, saved)
        st.warning(f"There is no saved journey “{journey_id}” on this server (it may have been deleted). "
                   "Showing the bundled journey.")
        open_journey(None)
    unsaved = st.session_state.get("unsaved")
    if unsaved is not None:
        return Shown(*unsaved)
    return Shown(bundled_articles(), Corrections())


def open_journey(journey_id: str | None) -> None:
    """Show a saved journey (None: the bundled one) from its first view."""
    st.session_state.pop("unsaved", None)
    st.query_params.pop("stage", None)
    if journey_id:
        st.query_params["journey"] = journey_id
    else:
        st.query_params.pop("journey", None)


def save_correction(shown: Shown, journey: Journey, item: Correction) -> None:
    """Store a correction with the journey (a journey not saved yet is saved first), then rebuild."""
    store = journey_store()
    try:
        if shown.saved is None:
            title = ui_text.default_title(journey) + " (edited)"
            journey_id = store.create(shown.articles, title, shown.corrections.adding(item))
            stage = st.query_params.get("stage")
            open_journey(journey_id)
            if stage:
                st.query_params["stage"] = stage
        else:
            store.add_correction(shown.saved.id, item)
    except GeoError as err:
        st.session_state["flash_error"] = str(err)
    st.rerun()


# --- sidebar: journeys, your own articles, the map --------------------------------------------------------


def sidebar(shown: Shown | None, problem: str | None) -> None:
    side = st.sidebar
    side.header("Journeys")
    saved = shown.saved if shown is not None else None
    side.button("Back to the bundled journey", key="reset", on_click=open_journey, args=(None,),
                disabled=shown is not None and saved is None and "unsaved" not in st.session_state,
                width="stretch")
    if problem is None:
        saved_list(saved)
    else:
        side.caption("Saved journeys are unavailable (see the message on the page).")
    if saved is not None:
        this_journey(saved)
    article_inputs()
    side.header("Map")
    st.session_state["online_tiles"] = side.toggle("OpenStreetMap tiles (needs internet)", key="tiles")


def saved_list(saved: SavedJourney | None) -> None:
    side = st.sidebar
    try:
        summaries = journey_store().list()
    except StoreError as err:
        side.error(f"Saved journeys are unavailable: {err}")
        return
    if not summaries:
        side.caption("No saved journeys yet: build one from your articles, or correct this one.")
        return
    ids = [s.id for s in summaries]
    labels = {s.id: f"{s.title} · {s.updated:%d %b %H:%M} · {s.articles} article(s), {s.corrections} "
                    f"correction(s) · {s.id}" for s in summaries}  # unique: the widget matches by label
    current = saved.id if saved else None
    st.session_state["saved_pick"] = current if current in ids else None
    side.selectbox("Saved journeys", ids, format_func=labels.__getitem__, key="saved_pick",
                   placeholder="Open a saved journey…",
                   on_change=lambda: open_journey(st.session_state["saved_pick"]))


def this_journey(saved: SavedJourney) -> None:
    side = st.sidebar
    with side.expander("This journey: link, rename, delete"):
        st.caption("Link to this journey (it opens on any browser that reaches this server):")
        base = (st.context.url or "").split("?", 1)[0]
        st.code(f"{base}?journey={saved.id}", language=None)
        st.caption(f"Made {saved.created:%d %b %Y, %H:%M} UTC · changed {saved.updated:%d %b %Y, %H:%M} UTC")
        title = st.text_input("Title", value=saved.title, key=f"title_{saved.id}")
        if st.button("Rename", key="rename"):
            act(journey_store().rename, saved.id, title)
            st.rerun()
        sure = st.checkbox("Yes, delete it for everyone", key=f"sure_{saved.id}")
        if st.button("Delete this journey", key="delete", disabled=not sure):
            if act(journey_store().delete, saved.id):
                open_journey(None)
            st.rerun()


def act(action: Callable[..., object], *args: object) -> bool:
    """Run a database action; on failure keep its one-line message for the next run."""
    try:
        action(*args)
    except GeoError as err:
        st.session_state["flash_error"] = str(err)
        return False
    return True


def article_inputs() -> None:
    """Upload or paste articles; on "Build journey", save and open the new journey only if it works."""
    side = st.sidebar
    side.header("New journey from your articles")
    side.caption("Upload plain-text articles (.txt or .md, up to 2 MB each) or paste one; the journey is "
                 "built from them and saved.")
    files = side.file_uploader("Article files", type=["txt", "md"], accept_multiple_files=True, key="uploads")
    pasted = side.text_area("…or paste an article", key="pasted", height=150)
    published = side.date_input("Publication date", value=None, key="published", format="YYYY-MM-DD")
    publisher = side.text_input("Publisher", key="publisher")
    if not side.button("Build journey", key="build", type="primary"):
        return
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            articles = user_articles(files or [], pasted, published, publisher)
        ensure_index()
        journey, _ = build(journey_key(articles, Corrections()), articles, Corrections())
    except GeoError as err:
        side.error(str(err))
        return
    st.session_state["flash_info"] = [str(warning.message) for warning in caught]
    try:
        journey_id = journey_store().create(articles, ui_text.default_title(journey))
    except StoreError as err:
        open_journey(None)
        st.session_state["unsaved"] = (articles, Corrections())
        st.session_state["flash_error"] = f"The journey is shown but could not be saved: {err}"
        st.rerun()
    open_journey(journey_id)
    st.rerun()


# --- the header -------------------------------------------------------------------------------------------


def header(shown: Shown, journey: Journey, notes: Sequence[str]) -> str:
    title = shown.saved.title if shown.saved else ui_text.default_title(journey)
    st.set_page_config(page_title=title)
    st.title(title, anchor=False)
    st.html(ui_text.headline_html(journey))
    if "unsaved" in st.session_state and shown.saved is None:
        st.info("This journey is not saved (the database is unavailable): it stays until you close the tab.")
    for note in notes:
        st.info(note)
    return title


# --- the map and the current stage (a fragment: stepping reruns only this) ---------------------------------


def current_stage(count: int) -> tuple[int, bool]:
    """The 0-based stage from ``?stage=N`` (1-based), clamped (the URL is corrected), and whether this is
    the first view (no stage in the URL: the whole route in view)."""
    raw = st.query_params.get("stage")
    if raw is None:
        return 0, True
    try:
        wanted = int(raw)
    except ValueError:
        wanted = 1
    number = min(max(wanted, 1), max(count, 1))
    if str(number) != raw:
        st.query_params["stage"] = str(number)
    return number - 1, False


def go_to(index: int) -> None:
    st.query_params["stage"] = str(index + 1)


def stage_controls(journey: Journey, index: int) -> None:
    """Previous / Next and Play, right above the map (so on a phone the map stays in sight)."""
    count = len(journey.stages)
    back, forward, play = st.container(key="geo-controls").columns([2, 2, 1.2], vertical_alignment="center")
    back.button("◀ Previous stage", key="prev", on_click=go_to, args=(index - 1,), disabled=index <= 0,
                width="stretch")
    forward.button("Next stage ▶", key="next", on_click=go_to, args=(index + 1,),
                   disabled=index >= count - 1, width="stretch")
    play.toggle("Play", key="playing")


def stage_select(journey: Journey, index: int) -> None:
    labels = [ui_text.stage_label(stage) for stage in journey.stages]
    st.session_state["stage_select"] = index
    st.selectbox("Stage", range(len(labels)), format_func=labels.__getitem__, key="stage_select",
                 on_change=lambda: go_to(st.session_state["stage_select"]))


def stage_view(key: str, shown: Shown, journey: Journey) -> None:
    """The part that changes with the stage. It runs as a fragment, so stepping reruns only this; while
    "Play" is on, the fragment also reruns every ``PLAY_INTERVAL_S`` and moves one stage on."""
    if bool(st.session_state.get("playing")) != st.session_state.get("play_timer"):
        st.rerun()  # Play was switched: the whole page reruns to start or stop the fragment's timer
    count = len(journey.stages)
    index, overview = current_stage(count)
    if st.session_state.get("playing") and play_tick_due():
        if index < count - 1:
            index, overview = index + 1, False
            go_to(index)
        if index >= count - 1:
            st.session_state["stop_playing"] = True
            st.rerun()
    left, right = st.columns([7, 4], gap="medium")
    with left:
        stage_controls(journey, index)
        tiles = OSM_TILES if st.session_state.get("online_tiles") else None
        st_folium(journey_map(journey, online_tiles=tiles), key=MAP_KEY, returned_objects=[],
                  height=MAP_HEIGHT_PX, use_container_width=True,
                  feature_group_to_add=stage_layer(journey, index, overview=overview))
    with right:
        stage_select(journey, index)
        stage = journey.stages[index]
        st.html(ui_text.PANEL_CSS + ui_text.stage_panel_html(journey, stage))
        editor(shown, journey, stage)
    timeline(key, journey, index)


def play_tick_due() -> bool:
    """True once per ``PLAY_INTERVAL_S`` while playing (a click in between does not advance)."""
    now = monotonic()
    last = st.session_state.get("played_at")
    if last is not None and now - last < PLAY_INTERVAL_S * 0.8:
        return False
    st.session_state["played_at"] = now
    return last is not None


def stepper(key: str, shown: Shown, journey: Journey) -> None:
    if st.session_state.pop("stop_playing", False):
        st.session_state["playing"] = False
    playing = bool(st.session_state.get("playing"))
    if playing and st.session_state.get("played_at") is None:
        index, overview = current_stage(len(journey.stages))
        if not overview and index >= len(journey.stages) - 1:
            go_to(0)  # Play from the end starts again from the first stage
    if not playing:
        st.session_state.pop("played_at", None)
    st.session_state["play_timer"] = playing
    st.fragment(stage_view, run_every=PLAY_INTERVAL_S if playing else None)(key, shown, journey)


def timeline(key: str, journey: Journey, index: int) -> None:
    st.subheader("Timeline")
    st.caption("Pale bars: earliest to latest possible; dark bars and ticks: the likely times. The axis is "
               "in UTC; hover a bar for local times. Click a bar to open its stage.")
    st.vega_lite_chart(ui_text.with_current(timeline_spec(key, journey), index), width="stretch",
                       key="timeline", on_select=picked_on_timeline, selection_mode=ui_text.PICK_PARAM)


def picked_on_timeline() -> None:
    seq = ui_text.picked_stage(st.session_state.get("timeline"))
    if seq is not None:
        go_to(seq)


# --- corrections by the editor ------------------------------------------------------------------------------


def editor(shown: Shown, journey: Journey, stage: Stage) -> None:
    """Correct the current stage (its role, a time, drop it; a hop's mode), add a missed stop, and see or
    undo every correction. Saved with the journey; the pipeline then rebuilds route and times from them."""
    count = len(shown.corrections)
    label = f"✎ Correct this journey ({count} correction{'s' if count != 1 else ''})"
    if not st.toggle(label, key="editing", help="Drop or add a stop, change a role or a mode, pin a time"):
        return  # nothing more to draw (or send) on every step while the editor is closed
    with st.container(border=True):
        stop = journey.stop_of(stage)
        leg = journey.leg_of(stage)
        ends = journey.hop_ends(leg) if leg is not None else None
        here = ["Role", "Pin a time", "Drop"] if stop is not None else ["Mode"] if ends else []
        tabs = st.tabs([*here, "Add a stop", f"All corrections ({count})"])
        if stop is not None:
            with tabs[0]:
                set_role(shown, journey, stage)
            with tabs[1]:
                pin_time(shown, journey, stage)
            with tabs[2]:
                drop_stop(shown, journey, stage)
        elif ends is not None and leg is not None:
            with tabs[0]:
                set_mode(shown, journey, leg.mode, ends)
        with tabs[-2]:
            add_stop(shown, journey)
        with tabs[-1]:
            corrections_list(shown)


def set_role(shown: Shown, journey: Journey, stage: Stage) -> None:
    stop = journey.stop_of(stage)
    assert stop is not None
    with st.form("role_form", border=False):
        role = st.selectbox(f"Role of {stop.name}", ROLES, index=ROLES.index(stop.role), key="role_pick")
        note = st.text_input("Note (why)", key="role_note")
        if st.form_submit_button("Set the role", key="role_save"):
            save_correction(shown, journey, SetRole(StopRef.of(stop), role, note))


def pin_time(shown: Shown, journey: Journey, stage: Stage) -> None:
    """Pin an arrival or departure, entered on the stop's local clock (its zone is named)."""
    stop = journey.stop_of(stage)
    assert stop is not None
    where = zone(stage.timezone) or ZoneInfo("UTC")
    zone_name = stage.timezone if zone(stage.timezone) else "UTC"
    with st.form("pin_form", border=False):
        events: tuple[PinEvent, ...] = ("arrive", "depart")
        event = st.radio("Pin the", events, horizontal=True, key="pin_event",
                         format_func={"arrive": "arrival", "depart": "departure"}.__getitem__)
        guess = stage.arrive.likely or stage.depart.likely
        local = guess.astimezone(where) if guess else None
        day = st.date_input(f"Date ({zone_name})", value=local.date() if local else None, key="pin_date")
        clock = st.time_input(f"Local time ({zone_name})", value=local.time() if local else time(12),
                              key="pin_time")
        note = st.text_input("Source or note", key="pin_note")
        if st.form_submit_button("Pin this time", key="pin_save"):
            if day is None:
                st.error("give the date of the time to pin")
            else:
                at = datetime.combine(day, clock, tzinfo=where)
                save_correction(shown, journey, PinTime(StopRef.of(stop), event, at, note))


def drop_stop(shown: Shown, journey: Journey, stage: Stage) -> None:
    stop = journey.stop_of(stage)
    assert stop is not None
    with st.form("drop_form", border=False):
        note = st.text_input(f"Why {stop.name} is not a stop", key="drop_note")
        if st.form_submit_button(f"Drop {stop.name}", key="drop_save"):
            save_correction(shown, journey, DropStop(StopRef.of(stop), note))


def set_mode(shown: Shown, journey: Journey, mode: Mode, ends: tuple[Stop, Stop]) -> None:
    with st.form("mode_form", border=False):
        chosen = st.selectbox(f"How {ends[0].name} → {ends[1].name} was travelled", MODES,
                              index=MODES.index(mode), format_func=ui_text.MODE_LABELS.__getitem__,
                              key="mode_pick")
        note = st.text_input("Note (why)", key="mode_note")
        if st.form_submit_button("Set the mode", key="mode_save"):
            save_correction(shown, journey, SetMode(StopRef.of(ends[0]), chosen, StopRef.of(ends[1]), note))


BEST_FIT = "where it fits best (the shortest detour)"


def add_stop(shown: Shown, journey: Journey) -> None:
    """Add a stop the reader missed: by name, geocoded offline; an ambiguous name offers its places."""
    stops = journey.stops
    with st.form("add_form", border=False):
        name = st.text_input("Place name", key="add_name")
        after = st.selectbox("Put it", [None, *range(len(stops))], key="add_after",
                             format_func=lambda i: BEST_FIT if i is None else f"after {stops[i].name}")
        note = st.text_input("Note (why)", key="add_note")
        find = st.form_submit_button("Find the place", key="add_find")
    if find:
        anchor = StopRef.of(stops[after]) if after is not None else None
        st.session_state["add_query"] = (name.strip(), anchor, note)
    query = st.session_state.get("add_query")
    if not query or not query[0]:
        return
    name, anchor, note = query
    near = [stop.place for stop in stops if stop.place is not None]
    try:
        ensure_index()
        from geo.places.geocoder import GazetteerGeocoder

        candidates = place_candidates(name, GazetteerGeocoder(), near)
    except GeoError as err:
        st.error(str(err))
        return
    if not candidates:
        st.error(f"No place called “{name}” in the offline gazetteer: check the spelling, or try the "
                 "nearest town.")
        return
    choice = st.radio(f"Which {name}?", range(len(candidates)), key="add_choice",
                      format_func=lambda i: place_text(candidates[i]))
    place = candidates[choice or 0]
    where = f"after {anchor}" if anchor is not None else BEST_FIT
    if st.button(f"Add {place.name}, {where}", key="add_confirm"):
        st.session_state.pop("add_query", None)
        save_correction(shown, journey, AddStop(place.name, place.geonameid, anchor, note=note))


def place_text(place: Place) -> str:
    region = f", {place.admin1}" if place.admin1 else ""
    people = f" · pop. {place.population:,}" if place.population else ""
    return f"{place.name} ({place.country}{region}){people} · {place.latitude:.2f}, {place.longitude:.2f}"


def corrections_list(shown: Shown) -> None:
    if not shown.corrections:
        st.caption("No corrections yet. Corrections are saved with the journey; route and times are "
                   "recomputed from them.")
        return
    st.markdown("**Corrections, in the order applied**")
    ids = shown.saved.correction_ids if shown.saved else ()
    for n, item in enumerate(shown.corrections.items):
        text, undo = st.columns([5, 1], vertical_alignment="center")
        text.text(describe(item))
        if shown.saved is not None and n < len(ids) and undo.button("Undo", key=f"undo_{ids[n]}"):
            act(journey_store().remove_correction, shown.saved.id, ids[n])
            st.rerun()


# --- downloads --------------------------------------------------------------------------------------------


def downloads(key: str, title: str, shown: Shown, journey: Journey) -> None:
    st.subheader("Downloads")
    files = exports(key, title, journey)
    geojson, csv, html, fixes = st.columns(4)
    geojson.download_button("Download GeoJSON", files["geojson"], file_name="journey.geojson",
                            mime="application/geo+json", key="dl_geojson", on_click="ignore")
    csv.download_button("Download stage table (CSV)", files["csv"], file_name="stages.csv", mime="text/csv",
                        key="dl_csv", on_click="ignore")
    html.download_button("Download the story (HTML, works offline)", files["html"], file_name="journey.html",
                         mime="text/html", key="dl_html", on_click="ignore")
    fixes.download_button("Download corrections (JSON)", shown.corrections.to_text(),
                          file_name="corrections.json", mime="application/json", key="dl_corrections",
                          on_click="ignore", disabled=not shown.corrections,
                          help="The same file `python -m geo build --corrections FILE` reads")
    with st.expander("Stage table"):
        st.dataframe(journey.stages_frame().drop(columns=["quotes"]), hide_index=True)


def main() -> None:
    st.set_page_config(page_title="Journey map", page_icon="🚆", layout="wide")
    st.html(PAGE_CSS)
    if message := st.session_state.pop("flash_error", None):
        st.error(message)
    for note in st.session_state.pop("flash_info", []):
        st.info(note)
    problem = store_problem()
    if problem is not None:
        st.error(f"Saved journeys are unavailable: {problem}. The bundled journey still works.")
    shown: Shown | None = None
    try:
        shown = shown_journey(problem)
        sidebar(shown, problem)
        ensure_index()
        key = journey_key(shown.articles, shown.corrections)
        journey, notes = build(key, shown.articles, shown.corrections)
    except GeoError as err:
        if shown is None:
            sidebar(None, problem)
        st.error(str(err))
        if shown is not None and (shown.saved is not None or "unsaved" in st.session_state):
            st.button("Back to the bundled journey", key="reset_main", on_click=open_journey, args=(None,))
        st.stop()
    title = header(shown, journey, notes)
    stepper(key, shown, journey)
    downloads(key, title, shown, journey)


main()
