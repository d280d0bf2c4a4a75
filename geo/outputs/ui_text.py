"""How a stage reads on screen: labels, local times, escaped HTML snippets and the timeline data.

Pure helpers shared by the map (popups) and the app (stage panel, timeline); no Streamlit here. Every string
that comes from an article or a place name goes through :func:`esc` before it meets any markup, because
article text is untrusted input.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import altair as alt
import pandas as pd

from geo.journey import Journey
from geo.model import Quote, Stage, TimeWindow

KIND_LABELS = {"stop": "Stop", "leg": "Leg", "crossing": "Border crossing"}
MODE_LABELS = {"rail": "by train", "road": "by road", "air": "by air", "sea": "by sea"}
UNKNOWN_TIME = "unknown"


def esc(text: object) -> str:
    """HTML-escape ``text`` so it is inert in element content, attribute values and JS template literals.

    ``html.escape`` covers ``& < > " '``; the backtick, ``$`` and backslash are escaped too because folium
    and our own scripts may embed the markup inside a JavaScript template literal.
    """
    escaped = html.escape(str(text), quote=True)
    return escaped.replace("`", "&#96;").replace("$", "&#36;").replace("\\", "&#92;")


def _zone(name: str | None) -> ZoneInfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def utc_offset_label(moment: datetime) -> str:
    """``UTC+09:00`` style label of an aware datetime's offset (``UTC`` when zero)."""
    offset = moment.utcoffset()
    if offset is None or not offset:
        return "UTC"
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def local_time(moment: datetime | None, timezone: str | None) -> str:
    """A moment in the place's local time with its UTC offset: ``Sat 23 Feb 2019, 15:00 UTC+09:00``.

    Without a known zone the moment keeps the offset it was computed with.
    """
    if moment is None:
        return UNKNOWN_TIME
    zone = _zone(timezone)
    local = moment.astimezone(zone) if zone is not None else moment
    return f"{local:%a %d %b %Y, %H:%M} {utc_offset_label(local)}"


def stage_label(stage: Stage) -> str:
    """One line per stage for the selector: ``4. Minsk → Smolensk (leg, by train)``."""
    detail = KIND_LABELS[stage.kind].lower()
    if stage.mode:
        detail += f", {MODE_LABELS.get(stage.mode, stage.mode)}"
    return f"{stage.seq + 1}. {stage.title} ({detail})"


def distance_label(distance_km: float | None, approximate: bool = False) -> str:
    """``3,177 km`` (``≈`` when the distance is an estimate); empty when there is none."""
    if distance_km is None:
        return ""
    return f"{'≈' if approximate else ''}{distance_km:,.0f} km"


def evidence_text(stage: Stage) -> str:
    """Whether the articles report this stage or it was inferred, and why."""
    what = "path" if stage.kind != "stop" else "place"
    if stage.inferred:
        reason = stage.reason or "no reason recorded"
        return f"Inferred {what}: {reason}"
    return f"Reported in the articles. {stage.reason}".strip()


def stage_zones(journey: Journey, stage: Stage) -> tuple[str | None, str | None]:
    """IANA zones for the start and the end of a stage (a leg may end in another zone)."""
    if stage.leg is not None:
        leg = next((leg for leg in journey.legs if leg.seq == stage.leg), None)
        if leg is not None:
            return leg.start_timezone or stage.timezone, leg.end_timezone or stage.timezone
    return stage.timezone, stage.timezone


def time_rows(journey: Journey, stage: Stage) -> list[tuple[str, TimeWindow, str | None]]:
    """(label, window, zone) for the windows a stage has, in travel order; empty windows left out."""
    start_zone, end_zone = stage_zones(journey, stage)
    if stage.kind == "stop":
        rows = [("Arrives", stage.arrive, start_zone), ("Departs", stage.depart, start_zone)]
    else:
        rows = [("Departs", stage.depart, start_zone), ("Arrives", stage.arrive, end_zone)]
    return [row for row in rows if _has_time(row[1])]


def _has_time(window: TimeWindow) -> bool:
    return any(moment is not None for moment in (window.earliest, window.likely, window.latest))


def highlight_names(text: str, names: Iterable[str]) -> str:
    """``text`` escaped, with each occurrence of a name (case-insensitive) wrapped in ``<mark>``."""
    wanted = sorted({name for name in names if name and name.strip()}, key=len, reverse=True)
    if not wanted:
        return esc(text)
    pattern = re.compile("|".join(re.escape(name) for name in wanted), re.IGNORECASE)
    parts: list[str] = []
    cursor = 0
    for match in pattern.finditer(text):
        parts.append(esc(text[cursor : match.start()]))
        parts.append(f"<mark>{esc(match.group())}</mark>")
        cursor = match.end()
    parts.append(esc(text[cursor:]))
    return "".join(parts)


def quote_html(quote: Quote, names: Iterable[str]) -> str:
    """A quote as a ``<blockquote>`` with the place names marked and the publisher cited."""
    source = quote.publisher or quote.article
    return (
        f'<blockquote class="geo-quote">“{highlight_names(quote.text, names)}”'
        f'<footer>— {esc(source)}</footer></blockquote>'
    )


def _local(moment: datetime, timezone: str | None) -> datetime:
    zone = _zone(timezone)
    return moment.astimezone(zone) if zone is not None else moment


def times_table_html(journey: Journey, stage: Stage) -> str:
    """Earliest / likely / latest for each window of the stage, in the place's local time; each row names
    its UTC offset once (a cell repeats it only if it differs), and the corner cell gives the year."""
    rows = time_rows(journey, stage)
    if not rows:
        return '<p class="geo-muted">No time could be estimated for this stage.</p>'
    body = []
    years: set[int] = set()
    for label, window, zone in rows:
        moments = [window.earliest, window.likely, window.latest]
        known = [_local(m, zone) for m in moments if m is not None]
        row_offset = utc_offset_label(_local(window.likely, zone) if window.likely else known[0])
        years |= {m.year for m in known}
        cells = []
        for part, moment in zip(("earliest", "likely", "latest"), moments, strict=True):
            text = UNKNOWN_TIME
            if moment is not None:
                local = _local(moment, zone)
                text = f"{local:%a %d %b, %H:%M}"
                if utc_offset_label(local) != row_offset:
                    text += f" {utc_offset_label(local)}"
            css = ' class="geo-likely"' if part == "likely" else ""
            cells.append(f"<td{css}>{esc(text)}</td>")
        body.append(f'<tr><th>{esc(label)}<br><span class="geo-offset">{esc(row_offset)}</span></th>'
                    + "".join(cells) + "</tr>")
    corner = esc(" / ".join(str(year) for year in sorted(years)))
    head = f"<tr><th>{corner}</th><th>earliest</th><th>likely</th><th>latest</th></tr>"
    return f'<table class="geo-times">{head}{"".join(body)}</table>'


def stage_panel_html(journey: Journey, stage: Stage) -> str:
    """The whole stage panel: kind, title, mode and distance, times, evidence, supporting quotes."""
    total = len(journey.stages)
    kicker = f"Stage {stage.seq + 1} of {total} · {KIND_LABELS[stage.kind]}"
    facts = [MODE_LABELS.get(stage.mode, stage.mode) if stage.mode else "",
             distance_label(stage.distance_km, _approximate(journey, stage))]
    facts_text = " · ".join(fact for fact in facts if fact)
    badge = ('<span class="geo-badge geo-inferred">inferred</span>' if stage.inferred
             else '<span class="geo-badge geo-reported">reported</span>')
    names = {stage.start, stage.end, stage.title}
    quotes = "".join(quote_html(quote, names) for quote in stage.quotes) or (
        '<p class="geo-muted">No sentence of the articles mentions this stage directly.</p>'
    )
    return (
        f'<div class="geo-stage"><div class="geo-kicker">{esc(kicker)}</div>'
        f"<h3>{esc(stage.title)}</h3>"
        f'<div class="geo-facts">{badge} {esc(facts_text)}</div>'
        f"{times_table_html(journey, stage)}"
        f'<p class="geo-why">{esc(evidence_text(stage))}</p>'
        f'<div class="geo-quotes">{quotes}</div></div>'
    )


def _approximate(journey: Journey, stage: Stage) -> bool:
    leg = next((leg for leg in journey.legs if leg.seq == stage.leg), None) if stage.leg is not None else None
    return bool(leg and leg.approximate)


PANEL_CSS = """
<style>
.geo-stage h3 { margin: 0.1rem 0 0.3rem; font-size: 1.45rem; }
.geo-kicker { text-transform: uppercase; letter-spacing: .06em; font-size: .75rem; color: #6b7280; }
.geo-facts { margin-bottom: .6rem; color: #374151; }
.geo-badge { display: inline-block; padding: 0 .5rem; border-radius: .7rem; font-size: .78rem;
             font-weight: 600; margin-right: .3rem; }
.geo-reported { background: #fde2e1; color: #9f1c16; }
.geo-inferred { background: #e8eaf0; color: #374151; border: 1px dashed #6b7280; }
.geo-times { border-collapse: collapse; font-size: .82rem; margin: .2rem 0 .6rem; width: 100%; }
.geo-times th, .geo-times td { border-bottom: 1px solid #e5e7eb; padding: .2rem .35rem; text-align: left;
                               vertical-align: top; }
.geo-times td.geo-likely { font-weight: 600; }
.geo-offset { font-weight: 400; color: #6b7280; font-size: .75rem; }
[data-testid="stMainBlockContainer"] { padding-top: 2.2rem; }
.geo-why { font-size: .88rem; color: #374151; }
.geo-quote { margin: .4rem 0; padding: .35rem .7rem; border-left: 3px solid #b3261e; background: #faf7f2;
             font-size: .9rem; white-space: pre-wrap; }
.geo-quote footer { font-size: .78rem; color: #6b7280; margin-top: .2rem; white-space: normal; }
.geo-quote mark { background: #ffe08a; padding: 0 .1rem; }
.geo-muted { color: #6b7280; font-size: .88rem; }
</style>
"""


def stage_window(stage: Stage) -> TimeWindow:
    """The stage's span as one window: the earliest start, the likely middle, the latest end."""
    start, end = (stage.arrive, stage.depart) if stage.kind == "stop" else (stage.depart, stage.arrive)
    earliest = start.earliest or start.likely or end.earliest or end.likely
    latest = end.latest or end.likely or start.latest or start.likely
    return TimeWindow(earliest, start.likely or end.likely, latest)


def timeline_frame(journey: Journey) -> pd.DataFrame:
    """One row per stage with a time: the earliest–latest span, the likely start and end (UTC)."""
    rows = []
    for stage in journey.stages:
        start, end = (stage.arrive, stage.depart) if stage.kind == "stop" else (stage.depart, stage.arrive)
        span = stage_window(stage)
        if span.earliest is None or span.latest is None:
            continue
        rows.append({
            "seq": stage.seq,
            "stage": stage_label(stage),
            "kind": KIND_LABELS[stage.kind],
            "inferred": "inferred" if stage.inferred else "reported",
            "earliest": _utc(span.earliest),
            "latest": _utc(span.latest),
            "likely_start": _utc(start.likely or end.likely),
            "likely_end": _utc(end.likely or start.likely),
        })
    columns = ["seq", "stage", "kind", "inferred", "earliest", "latest", "likely_start", "likely_end"]
    return pd.DataFrame(rows, columns=columns)


def _utc(moment: datetime | None) -> pd.Timestamp | None:
    return pd.Timestamp(moment.astimezone(UTC)).tz_localize(None) if moment is not None else None


def timeline_chart(journey: Journey, current: int | None = None) -> alt.LayerChart:
    """Every stage on one time axis (UTC): a pale bar from earliest to latest, a dark bar for the likely
    start–end, ticks at the likely times; the stage whose ``seq`` equals the Vega parameter ``current``
    is drawn in red (change it with :func:`with_current` without rebuilding the chart)."""
    frame = timeline_frame(journey)
    stage = alt.param(name=CURRENT_PARAM, value=-1 if current is None else current)
    is_current = alt.datum.seq == stage
    order = list(frame["stage"])
    y = alt.Y("stage:N", sort=order, title=None, axis=alt.Axis(labelLimit=280, labelOverlap=False))
    tooltip = [
        alt.Tooltip("stage:N", title="stage"),
        alt.Tooltip("inferred:N", title="evidence"),
        alt.Tooltip("earliest:T", title="earliest (UTC)", format="%a %d %b %H:%M"),
        alt.Tooltip("likely_start:T", title="likely start (UTC)", format="%a %d %b %H:%M"),
        alt.Tooltip("likely_end:T", title="likely end (UTC)", format="%a %d %b %H:%M"),
        alt.Tooltip("latest:T", title="latest (UTC)", format="%a %d %b %H:%M"),
    ]
    base = alt.Chart(frame)
    span = base.mark_bar(height=12, cornerRadius=3).encode(
        x=alt.X("earliest:T", title="time (UTC)", axis=alt.Axis(format="%a %d %b %H:%M", labelAngle=0)),
        x2="latest:T",
        y=y,
        color=alt.condition(is_current, alt.value("#f3b4ae"), alt.value("#e3e6ec")),
        tooltip=tooltip,
    )
    likely = base.mark_bar(height=5).encode(
        x="likely_start:T", x2="likely_end:T", y=y,
        color=alt.condition(is_current, alt.value("#b3261e"), alt.value("#4b5563")),
        tooltip=tooltip,
    )
    ticks = base.mark_tick(thickness=2, size=16).encode(
        x="likely_start:T", y=y,
        color=alt.condition(is_current, alt.value("#b3261e"), alt.value("#111827")),
        tooltip=tooltip,
    )
    chart = cast(alt.LayerChart, alt.layer(span, likely, ticks).add_params(stage))
    return chart.properties(height=alt.Step(26))


CURRENT_PARAM = "current"


def with_current(spec: dict[str, Any], current: int) -> dict[str, Any]:
    """A copy of a timeline spec (``timeline_chart(...).to_dict()``) highlighting stage ``current``."""
    params = [
        {**param, "value": current} if param.get("name") == CURRENT_PARAM else param
        for param in spec.get("params", [])
    ]
    return {**spec, "params": params}
