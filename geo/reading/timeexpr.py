"""Time expressions in article text, resolved against the article's publication date.

The spans are found with a small grammar built from ``data/time_cues.json`` (weekday and month names, parts of
the day, number words), because ``dateparser.search.search_dates`` splits "Feb. 27-28" into "the Feb" and a
year 1928 and reads "on Sunday" in an article of a Sunday as the Sunday before; explicit dates are then parsed
with ``dateparser.parse`` (strict, with an explicit year) so month spellings are not our problem.

Resolution rules (deterministic):

* A weekday in a past-tense clause ("left ... on Saturday") is the most recent such day on or before the
  publication date; in a future clause ("will ... on Tuesday") the next one on or after it. "last"/"next"
  make it strictly before/after. A clause is future when a marker ("will", "is expected to") stands between
  the clause start and the expression, or, when the expression opens the clause, after it.
* A month and day without a year takes the year that puts it nearest the publication date.
* A date covers its whole calendar day, 00:00–24:00; a part of the day ("afternoon") narrows it.
* "last year", "in 1958" cover the whole year; "last week" is approximate (the previous calendar week up to
  the publication day, since reporters use it for "within the past seven days" too).
* A clock time written next to a single day ("at 8:10 a.m. local time on Tuesday", "Feb. 26 at 17:45")
  narrows it to that minute; a clock time alone is ignored (its day is unknown).

Results are in the publication's zone. A date means a calendar day *where something happened*, which this
module cannot know, so each expression also carries ``first_date``/``last_date`` and the hours within them:
``window_in_zone(expr, "Asia/Vladivostok")`` re-reads the same calendar days in another zone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, tzinfo
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import dateparser

from geo.datafiles import read_json_object
from geo.errors import DataError
from geo.model import Article
from geo.paths import DATA_DIR
from geo.reading.text import sentence_spans

ExpressionKind = Literal["instant", "range", "duration"]
Bound = Literal["exact", "min", "max", "approx"]
Tense = Literal["past", "future"]

CUES_PATH = DATA_DIR / "time_cues.json"


@dataclass(frozen=True)
class TimeExpression:
    """A time phrase of an article with its span and what it resolves to.

    ``earliest``/``latest`` bound the moment(s) meant, in the publication's zone (None for durations).
    ``first_date``/``last_date`` are the calendar days, and ``start_hour`` / ``end_hour`` the hours after
    local midnight of ``first_date`` / ``last_date`` (an end above 24 runs into the next day), so the window
    can be re-read in the zone of the place it refers to.
    """

    text: str
    start: int
    end: int
    kind: ExpressionKind
    earliest: datetime | None
    latest: datetime | None
    sentence_start: int
    sentence_end: int
    duration_hours: float | None = None
    """For durations: the length in hours (the lower bound for "at least ...")."""
    bound: Bound = "exact"
    """For durations: ``duration_hours`` is exact, a minimum ("at least"), a maximum or approximate."""
    first_date: date | None = None
    last_date: date | None = None
    start_hour: float = 0.0
    end_hour: float = 24.0
    part_of_day: str | None = None
    tense: Tense | None = None
    approximate: bool = False
    reason: str = ""
    """How the expression was resolved ("weekday on or before publication (past tense)")."""


@dataclass(frozen=True, eq=False)
class TimeCues:
    """The vocabulary of ``data/time_cues.json`` (compared by identity: it is read once and cached)."""

    weekdays: dict[str, int]
    months: dict[str, int]
    parts_of_day: dict[str, tuple[float, float]]
    early_day: tuple[float, float]
    late_day: tuple[float, float]
    relative_days: dict[str, int]
    tonight_part: str
    numbers: dict[str, float]
    unit_hours: dict[str, float]
    duration_qualifiers: dict[str, Bound]
    year_prepositions: tuple[str, ...]
    future_markers: tuple[str, ...]
    clause_breaks: tuple[str, ...]
    relevance_days: int
    anchor_cues: dict[str, tuple[str, ...]]
    mode_words: dict[str, tuple[str, ...]]


def load_time_cues(path: str | Path | None = None) -> TimeCues:
    """Read and check the cue file; raise ``DataError`` when it is missing or malformed."""
    source = Path(path) if path is not None else CUES_PATH
    raw = read_json_object(source, "time cues")
    try:
        return _cues_from_dict(raw)
    except (KeyError, TypeError, ValueError) as exc:
        raise DataError(f"{source}: malformed time cues ({exc!r})") from exc


def _cues_from_dict(raw: dict[str, Any]) -> TimeCues:
    def pair(value: Any) -> tuple[float, float]:
        lo, hi = (float(v) for v in value)
        if not 0 <= lo < hi <= 48:
            raise ValueError(f"bad hour range {value!r}")
        return lo, hi

    qualifiers = {str(k): str(v) for k, v in raw["duration_qualifiers"].items()}
    if not set(qualifiers.values()) <= {"min", "max", "approx", "exact"}:
        raise ValueError("duration_qualifiers values must be min, max, approx or exact")
    cues = TimeCues(
        weekdays={str(k): int(v) for k, v in raw["weekdays"].items()},
        months={str(k): int(v) for k, v in raw["months"].items()},
        parts_of_day={str(k): pair(v) for k, v in raw["parts_of_day"].items()},
        early_day=pair(raw["early_day"]),
        late_day=pair(raw["late_day"]),
        relative_days={str(k): int(v) for k, v in raw["relative_days"].items()},
        tonight_part=str(raw["tonight_part"]),
        numbers={str(k): float(v) for k, v in raw["numbers"].items()},
        unit_hours={str(k): float(v) for k, v in raw["unit_hours"].items()},
        duration_qualifiers=qualifiers,  # type: ignore[arg-type]
        year_prepositions=tuple(str(p) for p in raw["year_prepositions"]),
        future_markers=tuple(str(p) for p in raw["future_markers"]),
        clause_breaks=tuple(str(p) for p in raw["clause_breaks"]),
        relevance_days=int(raw["relevance_days"]),
        anchor_cues={str(k): tuple(str(p) for p in v) for k, v in raw["anchor_cues"].items()},
        mode_words={str(k): tuple(str(p) for p in v) for k, v in raw["mode_words"].items()},
    )
    if sorted(cues.weekdays.values()) != list(range(7)):
        raise ValueError("weekdays must map seven names to 0..6")
    if not all(1 <= m <= 12 for m in cues.months.values()):
        raise ValueError("months must map to 1..12")
    if cues.tonight_part not in cues.parts_of_day:
        raise ValueError("tonight_part must name a part of the day")
    return cues


@lru_cache(maxsize=1)
def default_cues() -> TimeCues:
    """The bundled cues, read once."""
    return load_time_cues()


def find_time_expressions(article: Article, cues: TimeCues | None = None) -> list[TimeExpression]:
    """Every time expression of ``article`` in text order, resolved against ``article.published``."""
    grammar = _grammar(cues or default_cues())
    text = article.text
    spans = sentence_spans(text)
    found: list[TimeExpression] = []
    taken: list[tuple[int, int]] = []
    for pattern_name, pattern in grammar.patterns:
        for match in pattern.finditer(text):
            start, end = match.span("expr")
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            sentence = _sentence_of(spans, start, len(text))
            expr = _resolve(pattern_name, match, article, sentence, grammar)
            if expr is not None:
                found.append(expr)
                taken.append((start, end))
    return _with_clock_times(sorted(found, key=lambda e: e.start), text)


_CLOCK = re.compile(
    r"(?<![\w:.])(?P<h>\d{1,2})(?:[:.](?P<m>[0-5]\d))?\s*(?P<ampm>[ap]\.m\.|[ap]m\b)"
    r"|(?<![\w:.])(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\w:])",
    re.IGNORECASE,
)
_CLOCK_BEFORE_DAY = re.compile(
    r"\s+(?:\(?local time\)?\s+)?(?:\(\d{3,4}\s*(?:GMT|UTC)\)\s+)?on\s+(?:the\s+)?$", re.IGNORECASE
)
_CLOCK_AFTER_DAY = re.compile(r"^,?\s+at\s+(?:around\s+|about\s+)?$", re.IGNORECASE)


def _with_clock_times(found: list[TimeExpression], text: str) -> list[TimeExpression]:
    """Narrow a single day to a clock time written next to it: "at 8:10 a.m. on Tuesday", "Feb. 26 at 08:10".

    The merged expression spans both and is an instant of zero width at that local time.
    """
    days = [e for e in found if e.kind == "instant" and e.first_date == e.last_date]
    merged: dict[int, TimeExpression] = {}
    for match in _CLOCK.finditer(text):
        hours = _clock_hours(match)
        if hours is None:
            continue
        for day in days:
            before = text[match.end() : day.start]
            after = text[day.end : match.start()]
            if (day.start >= match.end() and _CLOCK_BEFORE_DAY.match(before) and len(before) < 40) or (
                match.start() >= day.end and _CLOCK_AFTER_DAY.match(after) and len(after) < 20
            ):
                start, end = min(day.start, match.start()), max(day.end, match.end())
                narrowed = replace(
                    day, text=text[start:end], start=start, end=end, start_hour=hours, end_hour=hours,
                    reason=f"{day.reason}; clock time",
                )
                window = window_in_zone(narrowed, day.earliest.tzinfo if day.earliest else None)
                if window is not None:
                    merged[day.start] = replace(narrowed, earliest=window[0], latest=window[1])
                break
    return [merged.get(e.start, e) for e in found]


def _clock_hours(match: re.Match[str]) -> float | None:
    if match.group("h24") is not None:
        return int(match.group("h24")) + int(match.group("m24")) / 60
    hour, minute = int(match.group("h")), int(match.group("m") or 0)
    if not 1 <= hour <= 12:
        return None
    pm = match.group("ampm").lower().startswith("p")
    return (hour % 12 + (12 if pm else 0)) + minute / 60


def window_in_zone(expr: TimeExpression, zone: str | tzinfo | None) -> tuple[datetime, datetime] | None:
    """The expression's calendar days (and hours) read in ``zone``; None for durations.

    Why: "June 7" said of Moscow means 00:00–24:00 Moscow time, not in the publisher's zone.
    """
    if expr.first_date is None or expr.last_date is None:
        return None
    tz = _zone(zone) if zone is not None else expr.earliest.tzinfo if expr.earliest else None
    if tz is None:
        return None
    earliest = datetime.combine(expr.first_date, time(0), tz) + timedelta(hours=expr.start_hour)
    latest = datetime.combine(expr.last_date, time(0), tz) + timedelta(hours=expr.end_hour)
    return _normalise(earliest), _normalise(latest)


def _normalise(moment: datetime) -> datetime:
    """Re-attach the zone after wall-clock arithmetic so the UTC offset is the right one."""
    return moment.astimezone(moment.tzinfo)


def _zone(zone: str | tzinfo) -> tzinfo:
    if not isinstance(zone, str):
        return zone
    try:
        return ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise DataError(f"unknown time zone {zone!r}") from exc


# --- the grammar -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Grammar:
    cues: TimeCues
    patterns: tuple[tuple[str, re.Pattern[str]], ...]


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=4)
def _grammar(cues: TimeCues) -> _Grammar:
    month = "(?:" + "|".join(_month_form(m, cues) for m in sorted(cues.months, key=len, reverse=True)) + ")"
    weekday = rf"(?:{'|'.join(w.capitalize() for w in cues.weekdays)})"
    part = rf"(?:{_alternation(list(cues.parts_of_day))})"
    number = _alternation([n for n in cues.numbers if " " not in n])
    multi = _alternation([n for n in cues.numbers if " " in n])
    num = (
        rf"(?:\d+(?:\.\d+)?|(?:{number})(?:[- ](?:{number}))?)(?:\s+and\s+a\s+half)?"
        rf"|half\s+an?|{multi}"
    )
    units = _alternation(list(cues.unit_hours))
    qualifier = _alternation(list(cues.duration_qualifiers))
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?(?![\d:])"
    year = r"(?:,?\s+(?P<year>\d{4})(?!\d))?"
    part_prefix = rf"(?:(?:(?P<pmod>early|late)\s+)?(?P<ppart>{part})\s+of\s+|(?P<dmod>early|late)\s+on\s+)?"
    part_suffix = rf"(?:\s+(?:(?P<smod>early|late)\s+)?(?P<spart>{part}))?"
    i = re.IGNORECASE
    year4 = r"1[89]\d\d|20\d\d"
    patterns: list[tuple[str, re.Pattern[str]]] = [
        (
            "date_range",
            re.compile(
                rf"\b(?P<expr>(?P<month>{month})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|—|\s+and\s+|"
                rf"\s+to\s+|\s+through\s+)\s*(?:(?P<month2>{month})\s+)?(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?"
                rf"(?![\d:]){year})"
            ),
        ),
        ("date", re.compile(rf"\b(?P<expr>{part_prefix}(?P<month>{month})\s+{day}{year}{part_suffix})\b")),
        (
            "date_dm",
            re.compile(rf"\b(?P<expr>{part_prefix}{day}\s+(?P<month>{month})(?:\s+(?P<year>\d{{4}})(?!\d))?)"),
        ),
        (
            "weekday",
            re.compile(
                rf"\b(?P<expr>(?:(?P<dmod>[Ee]arly|[Ll]ate)\s+on\s+|(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+)?"
                rf"(?P<weekday>{weekday})(?:'s|\u2019s)?(?:\s+(?:(?P<smod>early|late)\s+)?(?P<spart>{part}))?)\b"
            ),
        ),
        (
            "relative_day",
            re.compile(
                rf"\b(?P<expr>(?P<rday>{_alternation(list(cues.relative_days))})"
                rf"(?:\s+(?:(?P<smod>early|late)\s+)?(?P<spart>{part}))?)\b",
                i,
            ),
        ),
        ("this_part", re.compile(rf"\b(?P<expr>(?P<rel>this|last)\s+(?P<spart>{part}))\b", i)),
        (
            "rel_month_name",
            re.compile(rf"\b(?P<expr>(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+(?P<month>{month}))\b"),
        ),
        ("rel_period", re.compile(r"\b(?P<expr>(?P<rel>last|next|this)\s+(?P<period>week|month|year))\b", i)),
        (
            "month_year",
            re.compile(rf"\b(?:in|during|since|until|by|of)\s+(?P<expr>(?P<month>{month})\s+(?P<year>\d{{4}}))\b"),
        ),
        (
            "year_range",
            re.compile(rf"\b(?P<expr>(?P<year>{year4})\s*[-–—]\s*(?P<year2>{year4}))\b"),
        ),
        (
            "year",
            re.compile(
                rf"\b(?:{_alternation(list(cues.year_prepositions))})\s+(?P<expr>(?P<year>{year4}))\b(?!-)", i
            ),
        ),
        (
            "duration",
            re.compile(
                rf"\b(?P<expr>(?:(?P<qual>{qualifier})\s+)?(?P<num>{num})[\s-]+(?P<unit>{units})s?"
                rf"(?P<half>\s+and\s+a\s+half)?)\b(?!-long)",
                i,
            ),
        ),
    ]
    return _Grammar(cues=cues, patterns=tuple(patterns))


def _month_form(name: str, cues: TimeCues) -> str:
    """"Feb" may take a full stop ("Feb."); a full name ("May") may not, so a sentence's stop stays out."""
    number = cues.months[name]
    abbreviation = any(o != name and o.startswith(name) and cues.months[o] == number for o in cues.months)
    return re.escape(name.capitalize()) + (r"\.?" if abbreviation else "")


def _sentence_of(spans: list[tuple[int, int]], offset: int, length: int) -> tuple[int, int]:
    for start, end in spans:
        if start <= offset < end:
            return start, end
    return 0, length


# --- resolution ----------------------------------------------------------------------------------------


def _resolve(
    name: str, match: re.Match[str], article: Article, sentence: tuple[int, int], grammar: _Grammar
) -> TimeExpression | None:
    cues = grammar.cues
    pub = article.published
    pub_day = pub.date()
    start, end = match.span("expr")
    base: dict[str, Any] = {"text": match.group("expr"), "start": start, "end": end,
                            "sentence_start": sentence[0], "sentence_end": sentence[1]}
    groups = match.groupdict()
    if name == "duration":
        return _duration(match, cues, base)
    hours = _hours(groups, cues)
    tense = _tense(article.text, start, end, sentence, cues)
    reason = ""
    approximate = False
    first: date | None
    last: date | None
    if name in ("date", "date_dm"):
        first = _calendar_date(groups["month"], int(groups["day"]), groups.get("year"), pub_day, cues)
        if first is None:
            return None
        last = first
        reason = "explicit date" if groups.get("year") else "month and day; year nearest the publication date"
    elif name == "date_range":
        first = _calendar_date(groups["month"], int(groups["day"]), groups.get("year"), pub_day, cues)
        last_month = groups.get("month2") or groups["month"]
        last = _calendar_date(last_month, int(groups["day2"]), groups.get("year"), pub_day, cues)
        if first is None or last is None:
            return None
        if last < first and groups.get("month2") is None:
            return None
        if last < first:
            last = last.replace(year=last.year + 1)
        reason = "date range"
    elif name == "weekday":
        first, reason = _weekday(groups["weekday"], groups.get("rel"), tense, pub_day, cues)
        last = first
    elif name == "relative_day":
        word = groups["rday"].lower()
        first = pub_day + timedelta(days=cues.relative_days[word])
        last = first
        if word == "tonight" and hours == (0.0, 24.0):
            hours = cues.parts_of_day[cues.tonight_part]
        reason = f"{word!r} relative to the publication date"
    elif name == "this_part":
        first = last = pub_day - timedelta(days=1) if groups["rel"].lower() == "last" else pub_day
        reason = "part of the publication day (or of the day before for 'last')"
    elif name == "rel_month_name":
        first, last = _relative_month(groups["month"], groups["rel"].lower(), pub_day, cues)
        reason = f"{groups['rel'].lower()} {groups['month']} relative to the publication month"
    elif name == "rel_period":
        first, last, approximate = _relative_period(groups["rel"].lower(), groups["period"].lower(), pub_day)
        reason = f"{groups['rel'].lower()} {groups['period'].lower()} relative to the publication date"
    elif name == "month_year":
        month = _month_number(groups["month"], cues)
        first = date(int(groups["year"]), month, 1)
        last = _month_end(first)
        reason = "whole month"
    elif name == "year_range":
        first, last = date(int(groups["year"]), 1, 1), date(int(groups["year2"]), 12, 31)
        if last < first:
            return None
        reason = "whole years"
    else:  # year
        first, last = date(int(groups["year"]), 1, 1), date(int(groups["year"]), 12, 31)
        reason = "whole year"
    if first is None or last is None:
        return None
    kind: ExpressionKind = "instant" if first == last else "range"
    zone = pub.tzinfo
    expr = TimeExpression(
        **base, kind=kind, earliest=None, latest=None, first_date=first, last_date=last,
        start_hour=hours[0], end_hour=hours[1],
        part_of_day=_part_name(groups), tense=tense, approximate=approximate, reason=reason,
    )
    window = window_in_zone(expr, zone)
    assert window is not None
    return replace(expr, earliest=window[0], latest=window[1])


def _part_name(groups: dict[str, str | None]) -> str | None:
    part = groups.get("ppart") or groups.get("spart")
    mod = groups.get("pmod") or groups.get("smod") or groups.get("dmod")
    if part:
        return f"{mod.lower()} {part.lower()}" if mod else part.lower()
    return f"{mod.lower()} day" if mod else None


def _hours(groups: dict[str, str | None], cues: TimeCues) -> tuple[float, float]:
    """Hours within the day that the part-of-day words allow; the whole day when there are none."""
    part = groups.get("ppart") or groups.get("spart")
    mod = (groups.get("pmod") or groups.get("smod") or "").lower()
    if part:
        lo, hi = cues.parts_of_day[part.lower()]
        mid = (lo + hi) / 2
        if mod == "early":
            return lo, mid
        if mod == "late":
            return mid, hi
        return lo, hi
    day_mod = (groups.get("dmod") or "").lower()
    if day_mod == "early":
        return cues.early_day
    if day_mod == "late":
        return cues.late_day
    return 0.0, 24.0


def _month_number(name: str, cues: TimeCues) -> int:
    return cues.months[name.rstrip(".").lower()]


@lru_cache(maxsize=512)
def _parse_date(month: int, day: int, year: int) -> date | None:
    """Parse with dateparser (strict, all parts given) so impossible dates ("Feb. 30") give None."""
    parsed = dateparser.parse(
        f"{year:04d}-{month:02d}-{day:02d}",
        languages=["en"],
        settings={"STRICT_PARSING": True, "DATE_ORDER": "YMD", "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return parsed.date() if parsed is not None else None


def _calendar_date(
    month_name: str, day: int, year: str | None, pub_day: date, cues: TimeCues
) -> date | None:
    month = _month_number(month_name, cues)
    if year is not None:
        return _parse_date(month, day, int(year))
    years = (pub_day.year - 1, pub_day.year, pub_day.year + 1)
    candidates = [d for y in years if (d := _parse_date(month, day, y))]
    if not candidates:
        return None
    return min(candidates, key=lambda d: (abs((d - pub_day).days), d))


def _weekday(
    name: str, rel: str | None, tense: Tense | None, pub_day: date, cues: TimeCues
) -> tuple[date, str]:
    target = cues.weekdays[name.lower()]
    rel = (rel or "").lower()
    if rel == "next" or (rel != "last" and tense == "future"):
        delta = (target - pub_day.weekday()) % 7
        if rel == "next" and delta == 0:
            delta = 7
        why = "next such day after publication" if rel == "next" else "on or after publication (future tense)"
        return pub_day + timedelta(days=delta), f"weekday {why}"
    delta = (pub_day.weekday() - target) % 7
    if rel == "last" and delta == 0:
        delta = 7
    why = "last such day before publication" if rel == "last" else "on or before publication (past tense)"
    return pub_day - timedelta(days=delta), f"weekday {why}"


def _relative_month(month_name: str, rel: str, pub_day: date, cues: TimeCues) -> tuple[date, date]:
    month = _month_number(month_name, cues)
    year = pub_day.year
    if rel == "last":
        year = year if month < pub_day.month else year - 1
    elif rel == "next":
        year = year if month > pub_day.month else year + 1
    first = date(year, month, 1)
    return first, _month_end(first)


def _relative_period(rel: str, period: str, pub_day: date) -> tuple[date, date, bool]:
    shift = {"last": -1, "this": 0, "next": 1}[rel]
    if period == "year":
        year = pub_day.year + shift
        return date(year, 1, 1), date(year, 12, 31), False
    if period == "month":
        index = pub_day.year * 12 + pub_day.month - 1 + shift
        first = date(index // 12, index % 12 + 1, 1)
        return first, _month_end(first), False
    monday = pub_day - timedelta(days=pub_day.weekday()) + timedelta(weeks=shift)
    if rel == "last":
        return monday, pub_day, True
    return monday, monday + timedelta(days=6), False


def _month_end(first: date) -> date:
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return following - timedelta(days=1)


def _duration(match: re.Match[str], cues: TimeCues, base: dict[str, Any]) -> TimeExpression | None:
    amount = _number(match.group("num"), cues)
    if amount is None or amount <= 0:
        return None
    if match.group("half"):
        amount += 0.5
    unit = match.group("unit").lower().rstrip("s")
    qualifier = " ".join((match.group("qual") or "").lower().split())
    bound: Bound = cues.duration_qualifiers.get(qualifier, "exact") if qualifier else "exact"
    return TimeExpression(
        **base, kind="duration", earliest=None, latest=None, duration_hours=amount * cues.unit_hours[unit],
        bound=bound, approximate=bound == "approx" or unit in ("month", "year"),
        reason=f"{amount:g} {unit}(s) ({bound})",
    )


def _number(words: str, cues: TimeCues) -> float | None:
    """"two and a half" → 2.5, "twenty-four" → 24, "36" → 36, "half a" → 0.5."""
    text = " ".join(words.lower().split())
    half = 0.0
    if text.endswith(" and a half"):
        text, half = text[: -len(" and a half")], 0.5
    if text.startswith("half a"):
        return 0.5
    if text in cues.numbers:
        return cues.numbers[text] + half
    try:
        return float(text) + half
    except ValueError:
        pass
    parts = re.split(r"[- ]", text)
    if all(p in cues.numbers for p in parts):
        return sum(cues.numbers[p] for p in parts) + half
    return None


def _tense(text: str, start: int, end: int, sentence: tuple[int, int], cues: TimeCues) -> Tense:
    """Future when a future marker opens the expression's clause, else past (news reports the past)."""
    clause_start = _clause_start(text, start, sentence[0], cues)
    before = " " + text[clause_start:start].lower() + " "
    if _has_marker(before, cues.future_markers):
        return "future"
    if before.strip(" ,.;:\"“”‘’(").strip() in ("", "on", "by", "from", "until"):
        clause_end = _clause_end(text, end, sentence[1], cues)
        after = " " + text[end:clause_end].lower() + " "
        if _has_marker(after, cues.future_markers):
            return "future"
    return "past"


def _has_marker(window: str, markers: tuple[str, ...]) -> bool:
    return any(re.search(rf"(?<![\w']){re.escape(m)}(?![\w'])", window) for m in markers)


def _clause_start(text: str, offset: int, floor: int, cues: TimeCues) -> int:
    head = text[floor:offset]
    best = floor
    for brk in cues.clause_breaks:
        index = head.rfind(brk)
        if index >= 0:
            best = max(best, floor + index + len(brk))
    return best


def _clause_end(text: str, offset: int, ceiling: int, cues: TimeCues) -> int:
    tail = text[offset:ceiling]
    best = ceiling
    for brk in cues.clause_breaks:
        index = tail.find(brk, 1)
        if index >= 0:
            best = min(best, offset + index)
    return best
