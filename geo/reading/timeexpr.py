"""Time expressions read from an article's parse, resolved against the article's publication time.

Dates, weekdays, parts of the day and clock times are matched as small token patterns over the one parse of
the article (``geo.reading.parse``), with the words of ``data/time_cues.json``: "late on Saturday night",
"early Wednesday", "this morning", "Tuesday morning", "the morning of Feb. 26", "at about 8:15 a.m. local
time", "8.13am", "08h15", "0815 GMT", "1900 GMT (Monday)", "just before 11 o'clock on Tuesday morning".
spaCy's entity labels are not trusted (it calls "8.13am" a CARDINAL); explicit dates are checked with
``dateparser`` so "Feb. 30" is no date.

Each expression keeps where it hangs in the tree: ``attach`` is the word it modifies (past any preposition)
and ``verb`` the first verb above it, so the timing can tie it to the event frame it modifies, not to the
nearest name.

Resolution rules (deterministic):

* A weekday is the most recent such day on or before the publication date, or the next one on or after it
  when its verb is future ("will arrive", "is expected to arrive"); "last"/"next" make it strictly
  before/after.
* A month and day without a year takes the year that puts it nearest the publication date.
* A date covers its whole calendar day, 00:00–24:00, in the zone of the place it is said of; a part of the
  day narrows it; a clock time narrows it to the statement's precision ("8:13" ± 2 min, "about 8:15" ± 10
  min, "shortly before 11 a.m." 10:30–11:00) with the stated minute as the likely time.
* "local time" (or no zone) means the zone of the place; "GMT", "UTC", "Beijing time" name their zone.
* "that night", "the same day" take the day of the previous date in the article; "the next morning" the day
  after it. A clock time with no day takes the day of its live-blog stamp, else of the date just before it
  in its paragraph ("crossed the border early on Tuesday and stopped at Khasan at 8.13 a.m."), else the
  publication day (the day before when that would put it after publication).
* A line that holds only a clock time ("0340 GMT") is a live-blog stamp for the lines after it.
* "by"/"until"/"before"/"after"/"since" before an expression make it a bound (``side``).

``first_date``/``last_date`` and the hours within them are kept so ``window_in_zone`` can re-read the same
calendar days in the zone of the place the expression turns out to be about.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import dateparser

from geo.datafiles import read_json_object
from geo.errors import DataError
from geo.model import Article
from geo.paths import DATA_DIR
from geo.reading.parse import ParsedText, Token

ExpressionKind = Literal["instant", "range"]
Tense = Literal["past", "future"]
Side = Literal["at", "by", "before", "after", "from"]

CUES_PATH = DATA_DIR / "time_cues.json"


@dataclass(frozen=True)
class TimeExpression:
    """A time phrase of an article with its span, where it hangs in the parse, and what it resolves to.

    ``earliest``/``latest`` bound the moment(s) meant, read in ``zone`` when the text names one, else in the
    publication's zone. ``first_date``/``last_date`` are the calendar days, ``start_hour``/``end_hour`` the
    hours after local midnight of ``first_date``/``last_date`` (below 0 or above 24 runs into the day
    before/after), so ``window_in_zone`` can re-read them in the zone of the place it is said of.
    """

    text: str
    start: int
    end: int
    kind: ExpressionKind
    earliest: datetime | None
    latest: datetime | None
    sentence_start: int
    sentence_end: int
    first_date: date | None = None
    last_date: date | None = None
    start_hour: float = 0.0
    end_hour: float = 24.0
    likely_hour: float | None = None
    """The stated instant (hours after midnight of ``first_date``) for a clock time; None otherwise."""
    part_of_day: str | None = None
    tense: Tense | None = None
    approximate: bool = False
    reason: str = ""
    """How the expression was resolved ("weekday on or before publication (past tense)")."""
    token_start: int = 0
    token_end: int = 0
    sentence: int = 0
    head: int = 0
    """The token of the span the rest hangs from."""
    attach: int | None = None
    """The word outside the span the expression modifies, past any preposition (None at a sentence root)."""
    verb: int | None = None
    """The first verb at or above ``attach``."""
    zone: str | None = None
    """A zone the text names ("UTC", "+09:00", "Asia/Shanghai"); None: the zone of the place."""
    local: bool = False
    """The text says "local time"."""
    clock: bool = False
    """A clock time is written (the expression is precise to minutes, not a part of a day)."""
    precision_minutes: float | None = None
    """For clock times: the half-width of the window the statement allows."""
    day_from_publication: bool = False
    """A clock time with no day: it is on the publication day unless that is after ``published_until``."""
    day_options: tuple[date | None, ...] = ()
    """For such a clock time after a date in an earlier paragraph: the days it may be on, most likely first
    (None: the publication-day rule); the timing keeps the first one the other statements allow
    (``on_day``)."""
    published_until: datetime | None = None
    stamp: bool = False
    """A live-blog stamp: a line that holds only this clock time; it dates the lines below it."""
    side: Side = "at"
    """"at": the moment lies in the window; "by"/"before": at the latest by its end/start; "after"/"from": at
    the earliest from its end/start."""
    dateline: bool = False
    """The date of a dateline ("MOSCOW, Feb. 24 (TASS) --"): when the report was filed, not an event's."""
    story_date: date | None = None
    """The day a retrospective is set on (the full date its lead gives), when it is not the publication's:
    what lies near it concerns the journey told."""
    story_reach: date | None = None
    """The latest day of the story told before it, in a retrospective: a tour of months goes on from there
    ("sailed from Bluff on 30 January … opened Parliament in February"), a step at a time."""
    also: tuple[int, ...] = ()
    """Verbs that share the time of ``verb``: its conjuncts ("On Wednesday Biden gave a speech … and then
    flew to Dublin") and a "when" clause under it ("The trip began on Tuesday, when Biden flew …")."""

    def relevant_to(self, published: date, days: int) -> bool:
        """Whether the expression's day lies within ``days`` of the story's date (else of ``published``)."""
        if self.first_date is None:
            return False
        if self.story_reach is not None and 0 <= (self.first_date - self.story_reach).days <= days:
            return True
        return abs((self.first_date - (self.story_date or published)).days) <= days


@dataclass(frozen=True, eq=False)
class TimeCues:
    """The vocabulary of ``data/time_cues.json`` (compared by identity: it is read once and cached)."""

    weekdays: dict[str, int]
    months: dict[str, int]
    parts_of_day: dict[str, tuple[float, float]]
    modified_parts: dict[str, tuple[float, float]]
    early_day: tuple[float, float]
    late_day: tuple[float, float]
    relative_days: dict[str, int]
    tonight_part: str
    same_day_words: tuple[tuple[str, ...], ...]
    next_day_words: tuple[tuple[str, ...], ...]
    year_prepositions: frozenset[str]
    am_words: frozenset[str]
    pm_words: frozenset[str]
    o_clock_words: frozenset[str]
    o_clock_earliest_hour: int
    dotted_clock_after: frozenset[str]
    dotted_clock_not: frozenset[str]
    hour_words: dict[str, int]
    precision_minutes: dict[str, float]
    clock_qualifiers: dict[tuple[str, ...], dict[str, tuple[float | None, float | None]]]
    bound_prepositions: dict[str, Side]
    zone_words: dict[str, str]
    zone_names: dict[str, str]
    stamp_zone_cues: tuple[str, ...]
    anniversary_words: frozenset[str]
    future_aux: frozenset[str]
    future_heads: frozenset[str]
    relevance_days: int
    chain_days: int
    story_chain_days: int
    back_to_now_words: frozenset[str]
    other_calendar_words: tuple[str, ...]
    filed_days: int
    event_nouns: frozenset[str]
    event_verbs: frozenset[str]
    on_leg_verbs: frozenset[str]
    transparent_deps: frozenset[str]
    report_verbs: frozenset[str]
    depart_lemmas: frozenset[str]
    arrive_lemmas: frozenset[str]
    from_prepositions: frozenset[str]
    to_prepositions: frozenset[str]
    via_prepositions: frozenset[str]
    mode_words: dict[str, frozenset[str]] = field(default_factory=dict)


def load_time_cues(path: str | Path | None = None) -> TimeCues:
    """Read and check the cue file; raise ``DataError`` when it is missing or malformed."""
    source = Path(path) if path is not None else CUES_PATH
    raw = read_json_object(source, "time cues")
    try:
        return _cues_from_dict(raw)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DataError(f"{source}: malformed time cues ({exc!r})") from exc


def _cues_from_dict(raw: dict[str, Any]) -> TimeCues:
    def pair(value: Any) -> tuple[float, float]:
        lo, hi = (float(v) for v in value)
        if not 0 <= lo < hi <= 48:
            raise ValueError(f"bad hour range {value!r}")
        return lo, hi

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).casefold() for w in raw[key])

    def phrases(key: str) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(str(p).casefold().split()) for p in raw[key])

    def offsets(value: Any) -> tuple[float | None, float | None]:
        lo, hi = value
        return (None if lo is None else float(lo)), (None if hi is None else float(hi))

    sides = {"before", "by", "after", "from"}
    bounds = {str(k): str(v) for k, v in raw["bound_prepositions"].items()}
    if not set(bounds.values()) <= sides:
        raise ValueError(f"bound_prepositions values must be among {sorted(sides)}")
    cues = TimeCues(
        weekdays={str(k): int(v) for k, v in raw["weekdays"].items()},
        months={str(k): int(v) for k, v in raw["months"].items()},
        parts_of_day={str(k): pair(v) for k, v in raw["parts_of_day"].items()},
        modified_parts={str(k): pair(v) for k, v in raw["modified_parts"].items()},
        early_day=pair(raw["early_day"]),
        late_day=pair(raw["late_day"]),
        relative_days={str(k): int(v) for k, v in raw["relative_days"].items()},
        tonight_part=str(raw["tonight_part"]),
        same_day_words=phrases("same_day_words"),
        next_day_words=phrases("next_day_words"),
        year_prepositions=words("year_prepositions"),
        am_words=words("am_words"),
        pm_words=words("pm_words"),
        o_clock_words=words("o_clock_words"),
        o_clock_earliest_hour=int(raw["o_clock_earliest_hour"]),
        dotted_clock_after=words("dotted_clock_after"),
        dotted_clock_not=words("dotted_clock_not_before"),
        hour_words={str(k): int(v) for k, v in raw["hour_words"].items()},
        precision_minutes={str(k): float(v) for k, v in raw["precision_minutes"].items()},
        clock_qualifiers={
            tuple(str(k).casefold().split()): {str(g): offsets(o) for g, o in v.items()}
            for k, v in raw["clock_qualifiers"].items()
        },
        bound_prepositions=bounds,  # type: ignore[arg-type]
        zone_words={str(k).casefold(): str(v) for k, v in raw["zone_words"].items()},
        zone_names={str(k).casefold(): str(v) for k, v in raw["zone_names"].items()},
        stamp_zone_cues=tuple(str(w).casefold() for w in raw["stamp_zone_cues"]),
        anniversary_words=words("anniversary_words"),
        future_aux=words("future_aux"),
        future_heads=words("future_heads"),
        relevance_days=int(raw["relevance_days"]),
        chain_days=int(raw["chain_days"]),
        story_chain_days=int(raw["story_chain_days"]),
        back_to_now_words=words("back_to_now_words"),
        other_calendar_words=tuple(str(w).casefold() for w in raw["other_calendar_words"]),
        filed_days=int(raw["filed_days"]),
        event_nouns=words("event_nouns"),
        event_verbs=words("event_verbs"),
        on_leg_verbs=words("on_leg_verbs"),
        transparent_deps=words("transparent_deps"),
        report_verbs=words("report_verbs"),
        depart_lemmas=words("depart_lemmas"),
        arrive_lemmas=words("arrive_lemmas"),
        from_prepositions=words("from_prepositions"),
        to_prepositions=words("to_prepositions"),
        via_prepositions=words("via_prepositions"),
        mode_words={str(k): frozenset(str(w).casefold() for w in v) for k, v in raw["mode_words"].items()},
    )
    if sorted(cues.weekdays.values()) != list(range(7)):
        raise ValueError("weekdays must map seven names to 0..6")
    if not all(1 <= m <= 12 for m in cues.months.values()):
        raise ValueError("months must map to 1..12")
    if cues.tonight_part not in cues.parts_of_day:
        raise ValueError("tonight_part must name a part of the day")
    if not {"minute", "hour"} <= set(cues.precision_minutes):
        raise ValueError("precision_minutes needs 'minute' and 'hour'")
    for qualifier in cues.clock_qualifiers.values():
        if not {"minute", "hour"} <= set(qualifier):
            raise ValueError("each clock qualifier needs 'minute' and 'hour' offsets")
    return cues


def story_told_from(
    times: Sequence[TimeExpression], published: date, cues: TimeCues | None = None
) -> date | None:
    """The first day of a story told from long before its report (most of its days lie before the weeks
    around publication, chained months apart: an expedition's letter), else None. A year from there on is
    the story's own, not a look back."""
    cues = cues or default_cues()
    start = _reached_step_by_step(times, published, cues)
    return start if (published - start).days > cues.story_chain_days else None


def _reached_step_by_step(times: Sequence[TimeExpression], published: date, cues: TimeCues) -> date:
    """The earliest day a chain of told days reaches back from the story's time, each within
    ``chain_days`` of the next: a voyage of ten weeks told port by port ("Southampton on Nov. 22 … Colombo
    on Dec. 8 … sailed on Dec. 28 … Yokohama on Jan. 3", filed 25 January) is one story, however far its
    first day lies from the report. A trip months before, with nothing told between, stays a look back —
    unless most of the days told lie before the chain's start: then they chain ``story_chain_days`` apart."""
    days = sorted(
        {e.first_date for e in times
         if e.first_date is not None and e.first_date == e.last_date and not e.stamp and not e.dateline},
        reverse=True,
    )  # fmt: skip
    edge = min((d for d in days if abs((d - published).days) <= cues.relevance_days), default=published)
    start = edge
    for step in (timedelta(days=cues.chain_days), timedelta(days=cues.story_chain_days)):
        edge = start
        for day in days:
            if day < edge and edge - day <= step:
                edge = day
        # most of the days told lie before: that time is the story, told from its start (an expedition
        # of sixteen months, "landed here on the 6th of January, 1871", reported in July 1872), not a look
        # back, and its days may lie months apart
        if sum(d < edge for d in days) <= sum(d >= edge for d in days):
            break
    return edge


def told_long_before(
    times: Sequence[TimeExpression], parsed: ParsedText, published: date, cues: TimeCues | None = None
) -> frozenset[int]:
    """Sentences (by index) whose every date lies long before the story ("He flew to Dalian in May, and to
    Beijing again in June, a week after meeting Trump in Singapore", in January): an earlier trip, told
    with no year. A "since" date ("his first trip since June") says when the trip is the first since."""
    cues = cues or default_cues()
    by_sentence: dict[int, list[bool]] = {}
    years_before: set[int] = set()
    reached = _reached_step_by_step(times, published, cues)
    for expr in times:
        if expr.first_date is None or expr.stamp:
            continue
        if _in_relative_clause(parsed, expr.token_start):
            continue  # "a chaplain who had given the last rites to his son in 2015": said of a person
        verb = expr.verb
        if verb is not None and parsed.tokens[verb].head != verb and _past_perfect(parsed, verb):
            continue  # "reached Baltimore, the city Lincoln had slipped through in 1861": its own look back
        since = expr.token_start > 0 and parsed.tokens[expr.token_start - 1].lower == "since"
        old = (
            not since and expr.last_date is not None and not expr.relevant_to(published, cues.relevance_days)
            and expr.last_date < (expr.story_date or published) and expr.first_date < reached
        )  # fmt: skip
        by_sentence.setdefault(expr.sentence, []).append(old)
        if old and expr.last_date is not None and expr.last_date.year < (expr.story_date or published).year:
            years_before.add(expr.sentence)
    long_before = {k for k, olds in by_sentence.items() if all(olds)}
    dated = {expr.sentence for expr in times}
    # "Khomeini was forced out of Iran in November 1964. He spent almost a year in Bursa": the sentences
    # after one set long before, up to the next that gives a time of its own in the same paragraph, are
    # set then too; not after a month earlier in the story's year ("Cámpora, elected president in March, …
    # The jet put down at Dakar"), which is more often a fact about someone than a look back
    for k in sorted(long_before & years_before):
        n = k + 1
        while (n < len(parsed.sentences) and n not in dated and _same_paragraph(parsed, n - 1, n)
               and not _back_to_now(parsed, n, cues)):
            long_before.add(n)
            n += 1
    return frozenset(long_before)


def _in_another_calendar(parsed: ParsedText, match: _Match, cues: TimeCues) -> bool:
    """"28 February in the Julian calendar", "28 February Old Style", "O.S. 28 February": the day told again
    in another calendar (the words follow the date within four words, or come right before it)."""
    after = " ".join(t.lower for t in parsed.tokens[match.end : match.end + 4])
    before = " ".join(t.lower for t in parsed.tokens[max(0, match.start - 3) : match.start])
    return any(w in after or before.endswith(w) for w in cues.other_calendar_words)


def _back_to_now(parsed: ParsedText, n: int, cues: TimeCues) -> bool:
    """Sentence ``n`` returns from a look back to the story's time ("Now he prayed with the monks")."""
    sentence = parsed.sentences[n]
    return any(t.lower in cues.back_to_now_words and t.dep == "advmod"
               for t in parsed.tokens[sentence.start : sentence.end])


def _same_paragraph(parsed: ParsedText, a: int, b: int) -> bool:
    """Sentences ``a`` and ``b`` (in order) with no blank line between them (the parser may keep the blank
    line inside either)."""
    first, second = parsed.sentences[a], parsed.sentences[b]
    between = parsed.text[first.char_start : second.char_end]
    return "\n\n" not in between.strip()


def _in_relative_clause(parsed: ParsedText, k: int) -> bool:
    """Whether token ``k`` lies in a relative clause on a noun ("the hospice whose first sod he turned in
    2017")."""
    return any(parsed.tokens[a].dep == "relcl" for a in [k, *parsed.ancestors(k)])


@lru_cache(maxsize=1)
def default_cues() -> TimeCues:
    """The bundled cues, read once."""
    return load_time_cues()


def find_time_expressions(
    article: Article, parsed: ParsedText | None = None, cues: TimeCues | None = None
) -> list[TimeExpression]:
    """Every time expression of ``article`` in text order, resolved against ``article.published``.

    ``parsed`` is the article's one parse (``geo.reading.parse.parse_articles``); it is parsed here when not
    given.
    """
    if parsed is None:
        from geo.reading.parse import parse_articles

        parsed = parse_articles([article])[article.id]
    cues = cues or default_cues()
    reader = _Reader(parsed, cues)
    matches: list[_Match] = []
    i = 0
    while i < len(parsed.tokens):
        match = reader.match(i, reader.line_end(i))
        if match is None:
            i += 1
            continue
        matches.append(match)
        i = match.end
    return _resolve_all(matches, parsed, article, cues)


# --- zones and windows -----------------------------------------------------------------------------------


def window_in_zone(expr: TimeExpression, zone: str | tzinfo | None) -> tuple[datetime, datetime] | None:
    """The expression's calendar days (and hours) read in the zone it names, else in ``zone`` (the zone of
    the place it is said of), else in the publication's zone.

    Why: "June 7" said of Moscow means 00:00–24:00 Moscow time, not in the publisher's zone.
    """
    days = _days_in_zone(expr, zone)
    if days is None:
        return None
    first, last, tz = days
    earliest = datetime.combine(first, time(0), tz) + timedelta(hours=expr.start_hour)
    latest = datetime.combine(last, time(0), tz) + timedelta(hours=expr.end_hour)
    return _normalise(earliest), _normalise(latest)


def likely_in_zone(expr: TimeExpression, zone: str | tzinfo | None) -> datetime | None:
    """The instant a clock time states, in the same reading as ``window_in_zone``; None without one."""
    if expr.likely_hour is None:
        return None
    days = _days_in_zone(expr, zone)
    if days is None:
        return None
    first, _, tz = days
    return _normalise(datetime.combine(first, time(0), tz) + timedelta(hours=expr.likely_hour))


def zone_of(zone: str | tzinfo) -> tzinfo:
    """An IANA name, "UTC" or a "+HH:MM" offset as a tzinfo; ``DataError`` when unknown."""
    if not isinstance(zone, str):
        return zone
    match = re.fullmatch(r"([+-])(\d{2}):(\d{2})", zone)
    if match:
        sign = -1 if match.group(1) == "-" else 1
        return timezone(sign * timedelta(hours=int(match.group(2)), minutes=int(match.group(3))))
    if zone.upper() == "UTC":
        return UTC
    try:
        return ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise DataError(f"unknown time zone {zone!r}") from exc


def _days_in_zone(expr: TimeExpression, zone: str | tzinfo | None) -> tuple[date, date, tzinfo] | None:
    if expr.first_date is None or expr.last_date is None:
        return None
    if expr.zone is not None:
        tz = zone_of(expr.zone)
    elif zone is not None:
        tz = zone_of(zone)
    elif expr.earliest is not None and expr.earliest.tzinfo is not None:
        tz = expr.earliest.tzinfo
    else:
        return None
    first, last = expr.first_date, expr.last_date
    if expr.day_from_publication and expr.published_until is not None:
        # On the publication day where it happened, or the day before when that would be after publication.
        limit = expr.published_until
        day = (limit - timedelta(seconds=1)).astimezone(tz).date()
        hour = expr.likely_hour if expr.likely_hour is not None else expr.start_hour
        if datetime.combine(day, time(0), tz) + timedelta(hours=hour) > limit:
            day -= timedelta(days=1)
        first = last = day
    return first, last, tz


def _normalise(moment: datetime) -> datetime:
    """Re-attach the zone after wall-clock arithmetic so the UTC offset is the right one."""
    return moment.astimezone(moment.tzinfo)


def publication_end(article: Article) -> datetime:
    """The latest the article can have been published: its time, or the end of its day when only the day is
    known (a publication time of exactly midnight is read as a date)."""
    published = article.published
    if published.time() == time(0):
        return published + timedelta(days=1)
    return published


# --- matching over tokens --------------------------------------------------------------------------------

_DAY_NUMBER = re.compile(r"^(\d{1,2})(?:st|nd|rd|th|d)?$", re.IGNORECASE)  # ("the 23d of June", older print)
_YEAR = re.compile(r"^(1[0-9]\d\d|20\d\d)$")
_YEAR_RANGE = re.compile(r"^(1[89]\d\d|20\d\d)[-–—](1[89]\d\d|20\d\d)$")
_CLOCK_COLON = re.compile(r"^(\d{1,2})([:.])(\d{2})$")
_CLOCK_AMPM = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?([ap])\.?m\.?$", re.IGNORECASE)
_CLOCK_H = re.compile(r"^(\d{1,2})[hH](\d{2})$")
_CLOCK_4 = re.compile(r"^([01]\d|2[0-3])([0-5]\d)$")
_HOUR = re.compile(r"^(\d{1,2})$")
_DASHES = {"-", "–", "—", "to", "through", "and"}


@dataclass
class _Day:
    """What a day phrase says, before it is resolved against the publication date."""

    kind: str
    """"weekday", "date", "range", "relative", "anaphor", "month", "month_year", "year", "year_range",
    "rel_period", "rel_month", "ordinal" (a day of the month last told: "on the 18th")."""
    weekday: int | None = None
    rel: str | None = None
    month: int | None = None
    day: int | None = None
    year: int | None = None
    month2: int | None = None
    day2: int | None = None
    year2: int | None = None
    offset: int = 0
    period: str | None = None
    part: str | None = None
    part_mod: str | None = None
    day_mod: str | None = None
    same: bool = False
    """Said to be the day in focus ("that afternoon", "the same day"), not just a part of some day."""


@dataclass
class _Clock:
    hour: float
    minute_written: bool
    ampm: str | None
    o_clock: bool = False
    zone: str | None = None
    local: bool = False
    four_digit: bool = False


@dataclass
class _Match:
    start: int
    end: int
    day: _Day | None = None
    clock: _Clock | None = None
    qualifier: tuple[str, ...] | None = None
    side: Side = "at"
    stamp: bool = False


class _Reader:
    """Token patterns over one parse."""

    def __init__(self, parsed: ParsedText, cues: TimeCues) -> None:
        self.p = parsed
        self.tokens = parsed.tokens
        self.cues = cues
        self.month_words = dict(cues.months)
        self.lows = [t.text.casefold() for t in parsed.tokens]
        self._line_ends: list[int] = []

    # helpers
    def low(self, i: int, end: int) -> str:
        return self.lows[i] if i < end else ""

    def words_at(self, i: int, end: int, phrase: Sequence[str]) -> bool:
        return all(i + k < end and self.lows[i + k] == w for k, w in enumerate(phrase))

    def longest(self, i: int, end: int, phrases: Sequence[tuple[str, ...]]) -> tuple[str, ...] | None:
        if i >= end:
            return None
        first = self.lows[i]
        hits = [p for p in phrases if p and p[0] == first and self.words_at(i, end, p)]
        return max(hits, key=len) if hits else None

    def month_at(self, i: int, end: int) -> tuple[int, int] | None:
        """(month, next index) for "Feb.", "Feb" "." or "February" (capitalised: "may" is a verb)."""
        if i >= end:
            return None
        token = self.tokens[i]
        text = token.text
        if not text[:1].isupper():
            return None
        name = text.rstrip(".").casefold()
        if name not in self.month_words:
            return None
        return self.month_words[name], i + 1

    def _ordinal_day(self, i: int, end: int) -> bool:
        """"18th" alone after "the", naming no month and counting nothing ("the 5th time")."""
        suffix = self.tokens[i].text[-2:].lower() if i < end else ""
        if self.day_number(i, end) is None or suffix not in ("st", "nd", "rd", "th"):
            return False
        after = self.tokens[i + 1] if i + 1 < end else None
        return after is None or (after.pos not in ("NOUN", "PROPN", "ADJ") and after.lower != "of"
                                 and self.month_at(i + 1, end) is None)

    def day_number(self, i: int, end: int) -> int | None:
        if i >= end:
            return None
        match = _DAY_NUMBER.match(self.tokens[i].text)
        if not match:
            return None
        value = int(match.group(1))
        if not 1 <= value <= 31:
            return None
        if i + 2 < end and self.tokens[i + 1].text == ":" and self.tokens[i + 2].text[:1].isdigit():
            return None  # "19:30" is a clock; "Saturday, Sept. 19: Rome to Havana" is a day
        return value

    def year_at(self, i: int, end: int) -> int | None:
        if i >= end:
            return None
        match = _YEAR.match(self.tokens[i].text)
        return int(match.group(1)) if match else None

    # the whole expression
    def match(self, i: int, end: int) -> _Match | None:
        side: Side = "at"
        if i > 0:
            previous = self.tokens[i - 1].lower
            side = self.cues.bound_prepositions.get(previous, "at")
        qualifier = self.longest(i, end, list(self.cues.clock_qualifiers))
        j = i + len(qualifier) if qualifier else i
        found = self.clock(j, end)
        if found is not None:
            clock, k = found
            k = self.zone(clock, k, end)
            k = self.paren_clock(k, end)
            day_match = None
            m = k
            # "was in Cincinnati shortly after 3 p.m. On the 13th he rode on": a capital "On" or "The" opens
            # the next sentence, whose day is not this clock time's
            opens_sentence = m < end and self.tokens[m].text in ("On", "The")
            if self.low(m, end) == ",":
                m += 1
            if self.low(m, end) == "on":
                m += 1
            day_found = None if opens_sentence else self.day(m, end)  # "at about 1 a.m. the next day"
            if (day_found is None and not opens_sentence and self.low(m, end) == "the"
                    and (self.day_number(m + 1, end) is None or self.low(m + 2, end) == "of")):
                day_found = self.day(m + 1, end)  # "at noon on the 10th of November"
            if day_found is not None:
                day_match, k = day_found
                k = self.zone(clock, k, end)
            elif self.low(k, end) == "(":
                inner = self.day(k + 1, end)
                if inner is not None and self.low(inner[1], end) == ")":
                    day_match, k = inner[0], inner[1] + 1
            if clock.four_digit and clock.zone is None and not clock.local:
                return None
            if clock.ampm is None and not clock.o_clock and not clock.minute_written:
                return None
            start = i if qualifier else j
            match = _Match(start, k, day=day_match, clock=clock, qualifier=qualifier, side=side)
            match.stamp = self.is_stamp(match)
            return match
        if qualifier is not None:
            found_part = self.day(j, end)
            if found_part is None or found_part[0].part is None:
                return None
            return _Match(i, found_part[1], day=found_part[0], qualifier=qualifier, side=side)
        found_day = self.day(i, end)
        if found_day is None:
            return None
        day_spec, k = found_day
        start = i
        while self.tokens[start].lower in ("in", "the") and start + 1 < k:
            start += 1
        match = _Match(start, k, day=day_spec, side=side)
        # a clock time after the day: "Feb. 26 at 17:45", "Tuesday, at about 8 a.m."
        m = k
        if self.low(m, end) == ",":
            m += 1
        if self.low(m, end) == "at":
            m += 1
            qualifier = self.longest(m, end, list(self.cues.clock_qualifiers))
            if qualifier:
                m += len(qualifier)
            clock_found = self.clock(m, end)
            if clock_found is not None:
                clock, m = clock_found
                m = self.zone(clock, m, end)
                m = self.paren_clock(m, end)
                match.clock, match.qualifier, match.end = clock, qualifier, m
                return match
        match.end = self.day_zone(k, end, match)
        return match

    def line_end(self, i: int) -> int:
        """Index of the first token after the line of token ``i`` (a match may cross a sentence break the
        parser put inside a line, as in "0340 GMT", but never a line break)."""
        if not self._line_ends:
            text = self.p.text
            ends = [len(self.tokens)] * len(self.tokens)
            boundary = len(self.tokens)
            for k in range(len(self.tokens) - 1, -1, -1):
                ends[k] = boundary
                gap = text[self.tokens[k - 1].end : self.tokens[k].start] if k > 0 else ""
                if "\n" in gap or (self.tokens[k].pos == "SPACE" and "\n" in self.tokens[k].text):
                    boundary = k
            self._line_ends = ends
        return self._line_ends[i]

    def is_stamp(self, match: _Match) -> bool:
        """A line that holds only this clock time (and a day in brackets) stamps a live-blog entry."""
        if match.clock is None or match.qualifier:
            return False
        text = self.p.text
        begin, finish = self.tokens[match.start].start, self.tokens[match.end - 1].end
        line_start = text.rfind("\n", 0, begin) + 1
        line_end = text.find("\n", finish)
        line_end = len(text) if line_end < 0 else line_end
        return not text[line_start:begin].strip() and not text[finish:line_end].strip(" \t.:")

    def day_zone(self, k: int, end: int, match: _Match) -> int:
        """ "Tuesday evening local time": a zone after a day phrase belongs to it (for a later clock)."""
        if self.low(k, end) == "local" and self.low(k + 1, end) == "time":
            return k + 2
        return k

    def clock(self, i: int, end: int) -> tuple[_Clock, int] | None:
        if i >= end:
            return None
        text = self.tokens[i].text
        nxt = self.low(i + 1, end)
        ampm = "am" if nxt in self.cues.am_words else "pm" if nxt in self.cues.pm_words else None
        if (m := _CLOCK_AMPM.match(text)) is not None:
            hour, minute = int(m.group(1)), int(m.group(2) or 0)
            if 1 <= hour <= 12 and minute < 60:
                return _Clock(
                    _twelve(hour, minute, m.group(3).lower() + "m"),
                    m.group(2) is not None,
                    m.group(3).lower() + "m",
                ), i + 1
            return None
        if (m := _CLOCK_COLON.match(text)) is not None:
            hour, minute = int(m.group(1)), int(m.group(3))
            if minute >= 60:
                return None
            if ampm is not None:
                if not 1 <= hour <= 12:
                    return None
                return _Clock(_twelve(hour, minute, ampm), True, ampm), i + 2
            if hour > 23:
                return None
            if nxt in self.cues.o_clock_words and 1 <= hour <= 12:
                # "at 3:15 o'clock in the morning of June 7", as the papers of the 1930s wrote it
                return _Clock(hour + minute / 60, True, None, o_clock=True), i + 2
            if m.group(2) == "." and 1 <= hour <= 12 and self.part_follows(i + 1, end):
                # "at 9.30 in the morning": a clock time the part of the day puts in its half
                return _Clock(hour + minute / 60, True, None, o_clock=True), i + 1
            if m.group(2) == "." and 1 <= hour <= 12 and self.dotted_clock(i, end):
                # "set down at 10.29", "landing at 6.20 that evening": a clock time written the British way
                return _Clock(hour + minute / 60, True, None, o_clock=True), i + 1
            if m.group(2) == "." and not self.zone_follows(i + 1, end):
                return None
            return _Clock(hour + minute / 60, True, None), i + 1
        if (m := _CLOCK_H.match(text)) is not None:
            hour, minute = int(m.group(1)), int(m.group(2))
            if hour > 23 or minute >= 60:
                return None
            return _Clock(hour + minute / 60, True, None), i + 1
        if (m := _CLOCK_4.match(text)) is not None and self.zone_follows(i + 1, end):
            hour, minute = int(m.group(1)), int(m.group(2))
            return _Clock(hour + minute / 60, True, None, four_digit=True), i + 1
        hour_value: int | None = None
        if (m := _HOUR.match(text)) is not None:
            hour_value = int(m.group(1))
        elif self.tokens[i].lower in self.cues.hour_words:
            hour_value = self.cues.hour_words[self.tokens[i].lower]
        if hour_value is None or not 1 <= hour_value <= 12:
            return None
        if ampm is not None:
            return _Clock(_twelve(hour_value, 0, ampm), False, ampm), i + 2
        if nxt in self.cues.o_clock_words:
            return _Clock(float(hour_value), False, None, o_clock=True), i + 2
        return None

    def dotted_clock(self, i: int, end: int) -> bool:
        """The dotted number at ``i`` follows "at", "by" … and no unit follows it ("at 2.25 per cent")."""
        before = self.tokens[i - 1].lower if i > 0 else ""
        unit = self.low(i + 1, end) in self.cues.dotted_clock_not
        return before in self.cues.dotted_clock_after and not unit

    def part_follows(self, i: int, end: int) -> bool:
        """ "in the morning", "in the evening" right after (which says a dotted number is a clock time)."""
        in_the = self.low(i, end) == "in" and self.low(i + 1, end) == "the"
        return in_the and self.part_at(i + 2, end) is not None

    def zone_follows(self, i: int, end: int) -> bool:
        return self.low(i, end) in self.cues.zone_words or self.low(i, end) == "local"

    def zone(self, clock: _Clock, i: int, end: int) -> int:
        """Consume a zone after a clock time: "GMT", "local time", "Beijing time", "Vietnamese time"."""
        word = self.low(i, end)
        if word in self.cues.zone_words:
            value = self.cues.zone_words[word]
            if value == "local":
                clock.local = True
            else:
                clock.zone = value
            return i + 1
        if word == "local":  # "local time", or "12.25pm local (0925 GMT)"
            clock.local = True
            return i + 2 if self.low(i + 1, end) == "time" else i + 1
        named = i + 2 < end and self.low(i + 2, end) == "time" and self.tokens[i + 1].text[:1].isupper()
        if word == "," and named:
            k = self.zone(clock, i + 1, end)  # "at 9.40 a.m., Moscow time, on June 11"
            return k if k > i + 1 else i
        if i + 1 < end and self.low(i + 1, end) == "time" and self.tokens[i].text[:1].isupper():
            name = self.tokens[i].lower
            if name in self.cues.zone_names:
                clock.zone = self.cues.zone_names[name]
            else:
                clock.local = True
            return i + 2
        return i

    def paren_clock(self, i: int, end: int) -> int:
        """Skip "(0115 GMT)" after a local clock time: the same moment written in another zone."""
        if self.low(i, end) != "(":
            return i
        found = self.clock(i + 1, end)
        if found is None:
            return i
        clock, k = found
        k = self.zone(clock, k, end)
        if self.low(k, end) == ")" and (clock.zone or clock.local):
            return k + 1
        if self.low(k, end) == "in":  # "9.47 p.m. local time (6.47 p.m. in Rome)"
            j = k + 1
            while j < end and j < k + 4 and self.tokens[j].text[:1].isupper():
                j += 1
            if j > k + 1 and self.low(j, end) == ")":
                return j + 1
        return i

    def _symmetric(self, qualifier: tuple[str, ...]) -> bool:
        """A qualifier that leaves the time where it is ("about", "around"): "at around noon" is noon."""
        lo, hi = self.cues.clock_qualifiers[qualifier]["hour"]
        return lo is not None and hi is not None and lo == -hi

    def part_at(self, i: int, end: int) -> tuple[str, str | None, int] | None:
        """A part of the day, maybe with early/late: ("night", "late", next index)."""
        mod = None
        j = i
        # "early", "late", and the words of the other modified parts ("the small hours", "the wee hours")
        if self.low(j, end) in ("early", "late") or any(
            key.startswith(f"{self.low(j, end)} ") for key in self.cues.modified_parts
        ):
            mod, j = self.low(j, end), j + 1
        word = self.low(j, end)
        if word in self.cues.parts_of_day:
            return word, mod, j + 1
        if mod and f"{mod} {word}" in self.cues.modified_parts:
            return word, mod, j + 1
        return None

    def day(self, i: int, end: int) -> tuple[_Day, int] | None:
        """A day phrase starting at ``i``, with the parts of the day around it."""
        day_mod = None
        j = i
        if self.low(j, end) in ("early", "late"):
            if self.low(j + 1, end) == "on":
                day_mod, j = self.low(j, end), j + 2
            elif self.core(j + 1, end) is not None and self.part_at(j, end) is None:
                day_mod, j = self.low(j, end), j + 1
        elif self.low(j, end) == "mid" and self.low(j + 1, end) in _DASHES and self.core(j + 2, end):
            day_mod, j = "mid", j + 2  # "in mid-June"
        part_prefix = None
        k = j
        if self.low(k, end) == "in":
            k += 1
        if self.low(k, end) == "the":
            k += 1
        prefix = self.part_at(k, end)
        if prefix is not None and self.low(prefix[2], end) in ("of", "on"):
            core = self.core(prefix[2] + 1, end)
            if core is not None:
                part_prefix, j = prefix, prefix[2] + 1
        found = self.core(j, end)
        if found is None:
            return self.lone_part(i, end)
        spec, k = found
        if spec.kind == "weekday":  # "Sunday, Sept. 10": the date says which Sunday
            m = k + 1 if self.low(k, end) == "," else k
            dated = self.core(m, end)
            if dated is not None and dated[0].kind == "date":
                spec, k = dated
        if spec.kind in ("month", "month_year") and day_mod is not None and part_prefix is None:
            spec.day_mod = day_mod  # "in late June": its last third
            return spec, k
        if spec.kind in ("year", "year_range", "month", "month_year", "rel_period", "rel_month"):
            return (spec, k) if day_mod is None and part_prefix is None else None
        if self.low(k, end) in ("'s", "’s"):
            k += 1
        suffix = self.part_at(k, end)
        if part_prefix is not None:
            spec.part, spec.part_mod = part_prefix[0], part_prefix[1]
        elif suffix is not None:
            spec.part, spec.part_mod, k = suffix[0], suffix[1], suffix[2]
            if spec.kind == "weekday" and self.low(k, end) == ",":
                # "on Wednesday morning, Sept. 23": the date says which Wednesday
                dated = self.core(k + 1, end)
                if dated is not None and dated[0].kind == "date":
                    dated[0].part, dated[0].part_mod = spec.part, spec.part_mod
                    spec, k = dated
        if day_mod is not None:
            if spec.part is None:
                spec.day_mod = day_mod
            elif spec.part_mod is None:
                spec.part_mod = day_mod
        return spec, k

    def lone_part(self, i: int, end: int) -> tuple[_Day, int] | None:
        """ "this morning", "last night", "late that night", "the next morning", "in the morning"."""
        mod = None
        j = i
        if self.low(j, end) in ("early", "late"):
            mod, j = self.low(j, end), j + 1
        same = self.longest(j, end, self.cues.same_day_words)
        following = self.longest(j, end, self.cues.next_day_words)
        word = self.low(j, end)
        if word in ("this", "last") or same or following:
            length = 1 if word in ("this", "last") else len(same or following or ())
            part = self.part_at(j + length, end)
            if part is not None and (mod is None or part[1] is None):
                if same or following:
                    spec = _Day("anaphor", offset=1 if following else 0, same=bool(same))
                else:
                    spec = _Day("relative", offset=-1 if word == "last" else 0)
                spec.part, spec.part_mod = part[0], part[1] or mod
                return spec, part[2]
            if (same or following) and self.low(j + length, end) == "day" and mod is None:
                return _Day("anaphor", offset=1 if following else 0), j + length + 1
        if word == "at" and mod is None:
            # "pulled into Hamburg at around noon": noon or midnight of the day the text is telling
            k = j + 1
            while (self.low(k, end),) in self.cues.clock_qualifiers and self._symmetric((self.low(k, end),)):
                k += 1
            dated = self.core(k + 1, end) is not None or (
                self.low(k + 1, end) in ("on", "of") and self.core(k + 2, end) is not None
            )  # "at noon on 16 December 1949" is read whole, as a day with its part
            if self.low(k, end) in ("noon", "midnight", "midday") and not dated:
                spec = _Day("anaphor", offset=0)
                spec.part = self.low(k, end)
                return spec, k + 1
        if word == "in" and self.low(j + 1, end) == "the" and mod is None:
            # "crossed the border in the morning": that part of the day the text is telling
            part = self.part_at(j + 2, end)
            after = self.tokens[part[2]] if part is not None and part[2] < end else None
            if part is not None and (after is None or after.pos not in ("NOUN", "PROPN")):
                spec = _Day("anaphor", offset=0)
                spec.part, spec.part_mod = part[0], part[1]
                return spec, part[2]
        return None

    def core(self, i: int, end: int) -> tuple[_Day, int] | None:
        """The calendar part: a weekday, a date, a range of dates, a relative day, a month, a year."""
        if i >= end:
            return None
        token = self.tokens[i]
        word = token.lower
        rel = None
        j = i
        if word in ("last", "next", "this") and i + 1 < end:
            rel, j = word, i + 1
            word = self.low(j, end)
        if word in self.cues.weekdays and self.tokens[j].text[:1].isupper():
            return _Day("weekday", weekday=self.cues.weekdays[word], rel=rel), j + 1
        if rel is not None:
            if word in ("week", "month", "year"):
                return _Day("rel_period", rel=rel, period=word), j + 1
            month = self.month_at(j, end)
            if month is not None and self.day_number(month[1], end) is None:
                return _Day("rel_month", rel=rel, month=month[0]), month[1]
            return None
        if word in self.cues.relative_days:
            return _Day(
                "relative",
                offset=self.cues.relative_days[word],
                part=self.cues.tonight_part if word == "tonight" else None,
            ), i + 1
        month = self.month_at(i, end)
        if month is not None:
            number = self.day_number(month[1], end)
            if number is not None:
                k = month[1] + 1
                spec = _Day("date", month=month[0], day=number)
                if self.low(k, end) in _DASHES:
                    month2 = self.month_at(k + 1, end)
                    at = month2[1] if month2 else k + 1
                    number2 = self.day_number(at, end)
                    if number2 is not None:
                        spec = _Day(
                            "range",
                            month=month[0],
                            day=number,
                            month2=month2[0] if month2 else None,
                            day2=number2,
                        )
                        k = at + 1
                elif m := re.fullmatch(r"(\d{1,2})[-–](\d{1,2})", self.tokens[k].text if k < end else ""):
                    spec = _Day("range", month=month[0], day=number, day2=int(m.group(2)))
                k, spec.year = self.year_after(k, end)
                return spec, k
            year = self.year_at(month[1], end)
            before = i
            while before > 0 and self.tokens[before - 1].lower in (*MONTH_THIRDS, "-"):
                before -= 1  # "in late June", "in mid-June"
            after_preposition = before > 0 and self.tokens[before - 1].lower in self.cues.year_prepositions
            if year is not None and after_preposition:
                return _Day("month_year", month=month[0], year=year), month[1] + 1
            if after_preposition and self.tokens[i].text[:1].isupper():
                return _Day("month", month=month[0]), month[1]  # "his trip to Moscow in July"
            return None
        if word == "the" and self._ordinal_day(i + 1, end):
            return _Day("ordinal", day=self.day_number(i + 1, end)), i + 2  # "on the 18th": of the month told
        if word == "the" and self.day_number(i + 1, end) is not None and self.low(i + 2, end) == "of":
            return self.core(i + 1, end)  # "at noon on the 10th of November"
        number = self.day_number(i, end)
        if number is not None and self.low(i + 1, end) in _DASHES:
            # "Beijing, 9 to 11 July", "9-11 July": the days of a stay, first day first
            number2 = self.day_number(i + 2, end)
            month = self.month_at(i + 3, end) if number2 is not None else None
            if month is not None and number2 is not None and number < number2:
                spec = _Day("range", month=month[0], day=number, day2=number2)
                k, spec.year = self.year_after(month[1], end)
                return spec, k
        if number is not None:
            of = 1 if self.low(i + 1, end) == "of" else 0  # "the 2nd of February"
            if of and self.low(i + 2, end) == "this" and self.low(i + 3, end) == "month":
                return _Day("ordinal", day=number, rel="this"), i + 4  # "on the 6th of this month"
            month = self.month_at(i + 1 + of, end)
            if month is not None:
                spec = _Day("date", month=month[0], day=number)
                k, spec.year = self.year_after(month[1], end)  # "the 6th of January, 1871"
                if spec.year is None and self.low(k, end) == "last":
                    spec.rel, k = "last", k + 1  # "the 10th of November last": the last one gone by
                return spec, k
        if (m := _YEAR_RANGE.match(token.text)) is not None:
            return _Day("year_range", year=int(m.group(1)), year2=int(m.group(2))), i + 1
        year = self.year_at(i, end)
        if year is not None:
            year2 = self.year_at(i + 2, end) if self.low(i + 1, end) in ("-", "–", "—") else None
            if year2 is not None:
                return _Day("year_range", year=year, year2=year2), i + 3
            after_preposition = i > 0 and self.tokens[i - 1].lower in self.cues.year_prepositions
            if after_preposition and self.low(i + 1, end) not in ("-", "–", "—"):
                return _Day("year", year=year), i + 1
        return None

    def year_after(self, k: int, end: int) -> tuple[int, int | None]:
        """A year after a month and day; one glued to the next word ("2018.Saul", a caption run into a
        credit) still gives the year, and the span ends before it."""
        m = k + 1 if self.low(k, end) == "," else k
        year = self.year_at(m, end)
        if year is not None:
            return m + 1, year
        glued = re.match(r"^(1[89]\d\d|20\d\d)\.\D", self.tokens[m].text) if m < end else None
        if glued:
            return k, int(glued.group(1))
        return k, None


_OFFSET = re.compile(r"\b(?:gmt|utc)\s*([+-−])\s*(\d{1,2})(?::?(\d{2}))?")


def _stamp_zone(article: Article, cues: TimeCues) -> str:
    """The zone a live blog's stamps are in: the one its header declares ("All times local (GMT+8)",
    "Entries are stamped in Kyiv time (GMT+2)", "All times GMT"), else the publication's own zone (a
    blog stamps its entries where it is written, not where the traveller is)."""
    text = article.text[:800].casefold()
    for cue in cues.stamp_zone_cues:
        at = text.find(cue)
        if at < 0:
            continue
        tail = text[at + len(cue) : at + len(cue) + 40].split(".")[0].split(";")[0]
        if (m := _OFFSET.search(tail)) is not None:
            sign = "-" if m.group(1) in "-−" else "+"
            return f"{sign}{int(m.group(2)):02d}:{m.group(3) or '00'}"
        for word in re.findall(r"[a-z]+", tail):
            if word in cues.zone_words and cues.zone_words[word] != "local":
                return cues.zone_words[word]
            if word in cues.zone_names:
                return cues.zone_names[word]
    offset = article.published.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _twelve(hour: int, minute: int, ampm: str) -> float:
    return (hour % 12 + (12 if ampm == "pm" else 0)) + minute / 60


# --- resolution -------------------------------------------------------------------------------------------


def _resolve_all(
    matches: list[_Match], parsed: ParsedText, article: Article, cues: TimeCues
) -> list[TimeExpression]:
    found: list[TimeExpression] = []
    previous: TimeExpression | None = None
    stamp_day: tuple[date, str | None] | None = None
    pub_day = article.published.date()
    anniversary = _anniversary(parsed, pub_day, cues)
    # "thirty years ago this week" says outright which days the piece recalls: over a year the lead happens
    # to give first ("the museum, which since 2013 has occupied …")
    frame = anniversary[0] if anniversary is not None else _story_frame(matches, parsed, pub_day, cues)
    # "Two hundred years ago tonight" names the story's day itself
    names_day = anniversary is not None and any(
        m.start in anniversary[1] and m.day is not None and m.day.kind in ("relative", "weekday")
        for m in matches)
    if anniversary is not None and not names_day:
        # "Thirty years on … which he addressed on Monday 26 September 1994": the first day the piece writes
        # out in full in that year is the story's, over the anniversary's own day
        frame = next((day for m in matches if m.day is not None and m.day.kind == "date"
                      and m.day.year == anniversary[0].year and m.day.month is not None
                      and m.day.day is not None
                      and (day := _parse_date(m.day.month, m.day.day, m.day.year)) is not None), frame)
    stamp_zone = _stamp_zone(article, cues) if any(m.stamp for m in matches) else None
    told: date | None = None  # the day of the last date of something done, not planned
    carry: date | None = None  # the last such day, of a story begun the year before the report's
    heading: date | None = None  # the day a live blog's heading line gives the stamps below it
    focus: TimeExpression | None = None  # the last date that moves the story on (no past perfect's)
    filed: date | None = None  # the day a dateline gives, when it is before publication (a letter: weeks)
    recent: TimeExpression | None = None  # the last single day told, however long before publication
    reach: date | None = None  # the latest day a retrospective has told so far
    for match in matches:
        if _in_another_calendar(parsed, match, cues):
            continue
        in_focus = _day_in_focus(focus, match, parsed)
        before = previous
        sent = parsed.tokens[match.start].sent
        if (match.day is not None and match.day.kind == "anaphor" and recent is not None
                and (previous is None or recent.token_start > previous.token_start)
                and 0 <= sent - recent.sentence <= 1):
            # "On Monday evening, Aug. 16, a jet collected them … The jet landed in Abu Dhabi late that
            # night", filed in December: that night is the night of the date just told
            before = recent
        expr = _resolve(match, parsed, article, cues, before.first_date if before else None, stamp_day,
                        in_focus, frame, stamp_zone, told, heading, filed, carry)
        if expr is None:
            continue
        dated = expr.first_date if expr.dateline and expr.first_date == expr.last_date else None
        if filed is None and dated is not None and 0 < (pub_day - dated).days <= cues.filed_days:
            filed = dated
        single_day = expr.first_date is not None and expr.first_date == expr.last_date
        if match.day is not None and match.clock is None and single_day and _a_line_alone(parsed, match):
            heading = expr.first_date  # "TUESDAY 26 FEBRUARY" over the entries of that day
        if anniversary is not None and match.start in anniversary[1] and (
                expr.first_date == pub_day or (match.day is not None and match.day.kind == "weekday")):
            expr = _on_anniversary(expr, anniversary[0], article)  # "a hundred years ago tonight"
        span = found[-1] if found else None
        if (
            match.day is not None and match.day.kind == "anaphor" and span is not None
            and None not in (span.first_date, span.last_date) and span.first_date != span.last_date
            and (previous is None or span.token_start > previous.token_start)
            and span.sentence == parsed.tokens[match.start].sent
        ):
            expr = _within(expr, span, article)  # "In July he flew to Moscow … on the same day": in July
        elif (
            match.day is not None and match.day.kind == "anaphor" and not match.day.offset
            and span is not None and span.day_from_publication and span.first_date is not None
            and span.sentence == parsed.tokens[match.start].sent
        ):
            # "left the airport at about 4.30 p.m. … and was back in Split in the early evening": the day of
            # the clock time just told (itself read on the publication day, or the day the others allow),
            # not of an older date told paragraphs before
            redated = _redated(expr, span.first_date, span.first_date, f"the day of {span.text}", article)
            expr = replace(redated, day_from_publication=True, day_options=span.day_options)
        if _small_hours_after_a_night(match, expr, previous):
            assert previous is not None and previous.first_date is not None
            after = previous.first_date + timedelta(days=1)
            expr = _redated(expr, after, after, f"the small hours after {previous.text}", article)
        if expr.verb is not None:
            expr = replace(expr, also=_sharing_time(parsed, expr.verb))
        if frame is not None and reach is not None:
            expr = replace(expr, story_reach=reach)
        if (frame is not None and expr.first_date is not None and expr.first_date == expr.last_date
                and (reach is None or expr.first_date > reach)
                and expr.relevant_to(pub_day, cues.relevance_days)
                and not intended(parsed, expr.verb, cues)):
            reach = expr.first_date  # the story told so far reaches this day
        found.append(expr)
        if expr.stamp and expr.first_date is not None and not expr.day_from_publication:
            stamp_day = (expr.first_date, expr.zone)
        if _heads_its_paragraph(parsed, expr):
            focus = expr  # "Beijing, 9 to 11 July. The plane landed at 12.15 p.m.": on the first day
        if (
            expr.first_date is not None
            and expr.first_date == expr.last_date
            and not expr.day_from_publication
            and not _names_an_event(parsed, expr)
            and not _since(parsed, expr.verb, cues)
        ):
            verb = parsed.tokens[expr.verb] if expr.verb is not None else None
            if not expr.relevant_to(pub_day, cues.relevance_days):
                looks_back = verb is not None and (
                    verb.lemma.casefold() in cues.report_verbs or _past_perfect(parsed, verb.i))
                if match.day is not None and not expr.stamp and not expr.dateline and not looks_back:
                    recent = expr  # a day long before publication, for a "that night" just after it
                    if not intended(parsed, expr.verb, cues):
                        carry = _carried(match, expr, carry, pub_day)
                continue
            # "announced on Sunday" dates the report; "his schedule for 25 December said" dates the schedule
            noun = expr.attach is not None and parsed.tokens[expr.attach].pos in ("NOUN", "PROPN")
            reported = verb is not None and verb.lemma.casefold() in cues.report_verbs and not noun
            # "The ship docked at 8:15 on Tuesday, ending a voyage that had begun on Saturday afternoon. Her
            # car pulled up a little before 11 a.m.": a past perfect's date is a look back that a later clock
            # time of the paragraph does not take; a clock time with no day of its own moves no day on
            # ("… had begun in Plymouth on Saturday … ¶ the ship left the harbour … late that night")
            back = focus is not None and verb is not None and _past_perfect(parsed, verb.i)
            if (not reported or previous is None) and (match.day is not None or previous is None):
                # "State media announced on Sunday that he had set out … crossed at 9.30 p.m. the same day":
                # the day of a report is not the day "the same day" and later clock times go back to
                previous = expr
            if not reported and not back:
                focus = expr
            if not intended(parsed, expr.verb, cues) and not reported and not _bound(parsed, expr, cues):
                told = expr.first_date  # "as recently as July 6 his office said": the date of a report
                carry = _carried(match, expr, carry, pub_day)
    return _anaphors_dated_later_in_their_sentence(found, matches, parsed, article)


def _carried(match: _Match, expr: TimeExpression, carry: date | None, pub_day: date) -> date | None:
    """The day a story begun in the year before its report's has reached: a date given with that year
    ("landed here on the 6th of January, 1871", printed in 1872) starts the carry, a month and day without
    one read from it goes on with it, any other date ends it."""
    if match.day is None or match.day.kind != "date" or expr.first_date is None:
        return None
    if match.day.year is not None:  # (the year before the report's: a story that runs on into now)
        return expr.first_date if match.day.year == pub_day.year - 1 else None
    return expr.first_date if carry is not None else None


DAWN_HOUR = 6.0
"""A part of the day that ends by this hour is before dawn ("the small hours", "the early hours")."""


def _small_hours_after_a_night(match: _Match, expr: TimeExpression, previous: TimeExpression | None) -> bool:
    """"took off late on the night of 23 November … refuelled at Gander in the small hours": a part of the
    day before dawn, with no day of its own, told after a night that runs past midnight, is the next day's."""
    return (
        match.day is not None and match.day.kind == "anaphor" and not match.day.offset and match.clock is None
        and previous is not None and previous.first_date is not None
        and previous.first_date == previous.last_date == expr.first_date == expr.last_date
        and previous.end_hour > 24 and expr.start_hour < previous.end_hour - 24 and expr.end_hour <= DAWN_HOUR
    )  # fmt: skip


def _anaphors_dated_later_in_their_sentence(
    found: list[TimeExpression], matches: Sequence[_Match], parsed: ParsedText, article: Article
) -> list[TimeExpression]:
    """"The jet, which had left Rome early that morning, touched down at Warsaw a few minutes after 10am
    on Saturday 2 June": "that morning" in a relative clause is the morning of the day its sentence goes
    on to date, not of the last date told before it (a date of a thing, "an election for 21 December", is
    no such day)."""
    day_of = {m.start: m.day for m in matches}
    out = list(found)
    for k, expr in enumerate(out):
        day = day_of.get(expr.token_start)
        if day is None or day.kind != "anaphor" or day.offset:
            continue
        if expr.verb is None or parsed.tokens[expr.verb].dep != "relcl":
            continue  # only a clause on a noun of the sentence ("the jet, which had left Rome that morning")
        later = next((e for e in out[k + 1 :] if e.sentence == expr.sentence and e.first_date is not None
                      and e.first_date == e.last_date and not e.day_from_publication
                      and (d := day_of.get(e.token_start)) is not None and d.kind == "date"
                      and e.attach is not None and parsed.tokens[e.attach].pos in ("VERB", "AUX")),
                     None)  # fmt: skip
        day_given = later.first_date if later is not None else None
        if later is not None and day_given is not None and day_given != expr.first_date:
            out[k] = _redated(expr, day_given, day_given, f"the day {later.text} gives", article)
    return out


def _past_perfect(parsed: ParsedText, verb: int) -> bool:
    """"had begun", "had been driven": the verb takes "had"."""
    return parsed.tokens[verb].tag == "VBN" and parsed.takes_had(verb)


def _sharing_time(parsed: ParsedText, verb: int) -> tuple[int, ...]:
    """The conjuncts of ``verb`` and its "when" clauses (see ``TimeExpression.also``)."""
    out: list[int] = []
    todo = [verb]
    while todo:
        k = todo.pop()
        for c in parsed.children(k):
            tok = parsed.tokens[c]
            when = any(parsed.tokens[g].lower == "when" for g in parsed.children(c))
            # "On Tuesday afternoon Air Force One is due to take him on": a "be" lends its time to the
            # "to" clause under it (directly, or under "due", "expected")
            light = parsed.tokens[k].lemma == "be" or (tok.dep == "xcomp" and parsed.tokens[k].dep == "acomp")
            # "the liner let go her anchor": a bare infinitive under the verb is the same act
            bare = tok.dep == "xcomp" and tok.tag == "VB" and not any(
                parsed.tokens[g].tag == "TO" for g in parsed.children(c))
            shares = (tok.dep == "conj" or (tok.dep in ("advcl", "relcl") and when)
                      or (light and tok.dep == "xcomp") or bare)
            if light and tok.dep == "acomp":
                todo.append(c)  # "is due" → "to take"
            if tok.pos in ("VERB", "AUX") and shares and c not in out:
                out.append(c)
                todo.append(c)
    return tuple(out)


def _bound(parsed: ParsedText, expr: TimeExpression, cues: TimeCues) -> bool:
    """"had reached the island before 20 March": a date after "before", "until" or "since" is a limit, not
    the day something told happened, and a trip is not retold in order from it."""
    prep = parsed.tokens[parsed.tokens[expr.head].head]
    return prep.i != expr.head and prep.pos == "ADP" and prep.lower in cues.bound_prepositions


def _since(parsed: ParsedText, verb: int | None, cues: TimeCues) -> bool:
    """"the first visit by foreign leaders since Russia invaded on 24 February": a date in a clause that
    "since" opens is where a state began, the background of the story; the trip is not retold from it."""
    if verb is None:
        return False
    marks = (parsed.tokens[c] for c in parsed.children(verb))
    return any(m.dep == "mark" and cues.bound_prepositions.get(m.lower) == "from" for m in marks)


def _names_an_event(parsed: ParsedText, expr: TimeExpression) -> bool:
    """"the Sept. 11 attacks", "the Oct. 7 Hamas assault": a date in a noun's name says which event is
    meant, not when something told happened; the story does not move on from it (``expr.head`` is the
    phrase's head as ``attachment`` found it)."""
    tok = parsed.tokens[expr.head]
    first = parsed.sentence(expr.token_start).start
    if all(t.pos == "ADP" or t.pos == "SPACE" for t in parsed.tokens[first : expr.token_start]):
        # "On Tuesday morning helicopters lifted the party", "That evening Willy Brandt came": a day that
        # opens the sentence sets when it happens, however the parser hangs it on the subject
        return False
    # "the next day's local elections" names the elections too
    modifier = tok.dep in ("nmod", "compound", "amod", "poss")
    return modifier and parsed.tokens[tok.head].pos in ("NOUN", "PROPN")


FRAME_YEARS_BACK = 2
"""A year this far before publication, as the lead's first time phrase, sets the year the story is told in."""


FRAME_PARAGRAPHS = 1
"""A full date in the headline or the first paragraph of prose (the lead) sets the story's time (a
retrospective)."""


ANNIVERSARY_PARAGRAPHS = 2
"""An anniversary ("Fifty years ago today") is looked for in the headline, byline and dateline lines and the
first two paragraphs of prose (a feature may open on a scene before it says which day it recalls)."""


_PROSE_END = re.compile(r"[.!?\"'”’)]\s*$")


def _lead_end(parsed: ParsedText, paragraphs: int) -> int:
    """Where the headline, any byline or dateline lines and the first ``paragraphs`` paragraphs of prose end.
    A paragraph of prose ends as a sentence does; a headline or "By Nadia Farouk-Lind" does not, and does not
    count (a feature's lead may sit below both)."""
    text, start, told = parsed.text, 0, 0
    for brk in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = brk.start() if brk is not None else len(text)
        if _PROSE_END.search(text[start:end]):
            told += 1
            if told >= paragraphs:
                return end
        start = brk.end() if brk is not None else end
    return len(text)


def _anniversary(parsed: ParsedText, pub_day: date, cues: TimeCues) -> tuple[date, frozenset[int]] | None:
    """(the day N years before publication, the tokens after each "ago"/"on") for "A hundred years ago
    tonight", "Fifty years on" in the headline or lead: the piece tells that day's story."""
    from geo.reading.quantities import number_ending_at

    end = _lead_end(parsed, ANNIVERSARY_PARAGRAPHS)
    found: list[tuple[date, int]] = []
    for tok in parsed.tokens[1:-1]:
        if tok.start >= end:
            break
        after = parsed.tokens[tok.i + 1]
        if tok.lemma.casefold() != "year" or after.lower not in cues.anniversary_words:
            continue
        number = number_ending_at(parsed, tok.i)
        if number is None or not number[0].is_integer() or not 2 <= number[0] <= 500:
            continue
        years, start = number
        # an anniversary opens its sentence or names the day ("Fifty years on", "… ago today"); "ties set up
        # more than 30 years ago" is a since
        opens = start == parsed.sentence(start).start or parsed.tokens[start - 1].text in (":", "—", "–")
        nxt = [t.lower for t in parsed.tokens[tok.i + 2 : tok.i + 4]]
        # "… ago today", "thirty years ago this week": the days recalled are those about now
        this_week = nxt in (["this", "week"], ["this", "month"])
        names_day = bool(nxt) and (nxt[0] in cues.relative_days or this_week)
        # "Fifty years ago on Tuesday", in a Sunday paper: the Tuesday about now, that many years back (its
        # weekday then was another)
        weekday = (cues.weekdays.get(nxt[1]) if len(nxt) == 2 and nxt[0] in ("on", "this")
                   and parsed.tokens[tok.i + 3].text[:1].isupper() else None)
        if not opens and not names_day and weekday is None:
            continue
        day = _nearest_weekday(pub_day, weekday) if weekday is not None else pub_day
        try:
            then = day.replace(year=day.year - int(years))
        except ValueError:  # 29 February
            then = day.replace(year=day.year - int(years), day=28)
        found.append((then, tok.i + 2))
        if weekday is not None:
            found.append((then, tok.i + 3))
    if not found or len({then for then, _ in found}) > 1:
        return None  # none, or two anniversaries: no one story day
    return found[0][0], frozenset(k for _, k in found)


def _redated(expr: TimeExpression, first: date, last: date, reason: str, article: Article) -> TimeExpression:
    """The expression read on the days ``first`` to ``last`` instead of those it resolved to, its window
    recomputed (in the publication's zone, as ``_resolve`` does)."""
    moved = replace(expr, first_date=first, last_date=last, day_from_publication=False, published_until=None,
                    day_options=(), reason=reason)
    window = window_in_zone(moved, article.published.tzinfo or UTC)
    return replace(moved, earliest=window[0], latest=window[1]) if window is not None else moved


def _on_anniversary(expr: TimeExpression, then: date, article: Article) -> TimeExpression:
    """"tonight" right after "a hundred years ago": that evening then, not the publication's."""
    return _redated(expr, then, then, f"{expr.reason}, the anniversary's day ({then.isoformat()})", article)


def _within(expr: TimeExpression, span: TimeExpression, article: Article) -> TimeExpression:
    """An anaphoric day ("the same day", "that night") told right after a period ("In July"): some day of
    that period, not the day of an older date."""
    assert span.first_date is not None and span.last_date is not None
    return _redated(expr, span.first_date, span.last_date, f"a day of the period just told ({span.text})",
                    article)


def _story_frame(matches: Sequence[_Match], parsed: ParsedText, pub_day: date, cues: TimeCues) -> date | None:
    """"… eased into the station at noon on 16 December 1949" at the top of an anniversary piece: the
    dates written later without a year ("left on 6 December") are that year's, not the publication's. Only
    when it is the article's first time phrase ("met on Friday … their first summit on June 12, 2018" is a
    story of now that looks back)."""
    # "DUBAI, Dec 31 (Wire) - … when he boarded a helicopter … on the afternoon of Aug. 15": the dateline's
    # date is the filing's, not the story's; "told a broadcaster on Thursday" dates the telling, not the
    # story's own days
    matches = [m for m in matches if not _in_dateline(parsed, m)]
    if not matches:
        return None
    told_days = [m for m in matches if not _reported_on(parsed, m, cues)]
    lead_end = _lead_end(parsed, FRAME_PARAGRAPHS)
    first, day = matches[0], matches[0].day
    if parsed.tokens[first.start].start >= lead_end or day is None:
        return None
    if day.kind == "year" and day.year is not None and pub_day.year - day.year >= FRAME_YEARS_BACK:
        # "when he set out in the summer of 1945": an explainer set in that year reads "on 6 July" in it,
        # from its first month and day on; a story of now that recalls a year ("When Nixon visited Peking
        # in 1972") tells its own days by weekday or "yesterday", and gets no such frame
        if any(m.day is not None and m.day.kind in ("weekday", "relative") for m in told_days):
            return None
        dated = next((m.day for m in matches[1:] if m.day is not None and m.day.kind == "date"
                      and m.day.month is not None and m.day.day is not None), None)
        if dated is None or dated.month is None or dated.day is None:
            return None
        return _parse_date(dated.month, dated.day, day.year)
    if day.kind != "date":
        return None
    if day.month is None or day.day is None:
        return None
    if day.year is None and any(m.day is not None and m.day.kind in ("weekday", "relative")
                                for m in told_days):
        # "slipped out on 14 August" opening a feature filed months later sets its time; a story of now
        # that recalls a day ("met on June 12 … on Friday he left") tells its own days by weekday
        return None
    written = _calendar_date(day.month, day.day, day.year, pub_day)
    return written if written is not None and abs((pub_day - written).days) > cues.relevance_days else None


NARRATIVE_BACK_DAYS = 7
"""A weekday told after a date at least this many days before publication follows that date (the story is
being retold in order), instead of being the last such day before publication."""


MAX_OPTION_DAYS = 7
"""How many days back from publication the day of an undated clock time is looked for."""


def _day_options(previous_day: date | None, pub_day: date) -> tuple[date | None, ...]:
    """The previous date of the article, the publication-day rule, then the days between them."""
    if previous_day is None or not 0 < (pub_day - previous_day).days <= MAX_OPTION_DAYS:
        return ()
    between = [previous_day + timedelta(days=k) for k in range(1, (pub_day - previous_day).days)]
    return (previous_day, None, *between)


def on_day(expr: TimeExpression, day: date | None) -> TimeExpression:
    """The expression read on one of its ``day_options`` (None: as resolved, by the publication-day rule)."""
    if day is None:
        return expr
    reason = f"{expr.reason}; on {day.isoformat()}, the day the other times allow"
    return replace(expr, first_date=day, last_date=day, day_from_publication=False, published_until=None,
                   day_options=(), reason=reason)


FOCUS_SENTENCES = 3
"""A clock time with no day takes the day of a date at most this many sentences before it in its paragraph."""
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _heads_its_paragraph(parsed: ParsedText, expr: TimeExpression) -> bool:
    """A span of days in a heading with no verb ("Beijing, 9 to 11 July."): the clock times under it begin
    on its first day."""
    if expr.first_date is None or expr.last_date is None or expr.first_date == expr.last_date or expr.stamp:
        return False
    return parsed.is_heading(parsed.sentences[expr.sentence])


def _day_in_focus(previous: TimeExpression | None, match: _Match, parsed: ParsedText) -> date | None:
    """The day a clock time with no day of its own is about: the previous date of its paragraph, when near."""
    if previous is None or previous.first_date is None or match.day is not None or match.stamp:
        return None
    token = parsed.tokens[match.start]
    if token.sent - previous.sentence > FOCUS_SENTENCES:
        return None
    if _PARAGRAPH_BREAK.search(parsed.text, previous.end, token.start):
        return None
    return previous.first_date


def _resolve(
    match: _Match,
    parsed: ParsedText,
    article: Article,
    cues: TimeCues,
    previous_day: date | None,
    stamp_day: tuple[date, str | None] | None,
    in_focus: date | None = None,
    frame: date | None = None,
    stamp_zone: str | None = None,
    told: date | None = None,
    heading: date | None = None,
    filed: date | None = None,
    carry: date | None = None,
) -> TimeExpression | None:
    tokens = parsed.tokens
    start_char, end_char = tokens[match.start].start, tokens[match.end - 1].end
    sentence = parsed.sentence(match.start)
    head, attach, verb = attachment(parsed, match.start, match.end)
    tense = verb_tense(parsed, verb, cues)
    if tense == "past" and match.day is not None and match.day.kind == "weekday" and _scheduled(parsed, verb):
        tense = "future"
    # "HAVANA, Jan. 8 - … rolled into the capital this afternoon", printed the next morning: the day the
    # dateline gives is the report's "today"
    pub_day = article.published.date()
    if filed is not None and match.day is not None and (match.day.kind in ("relative", "rel_period") or (
            match.day.kind == "ordinal" and match.day.rel == "this")):
        pub_day = filed  # ("on the 6th of this month" in a letter dated May 30, printed in July: May)
    if (match.day is not None and match.day.kind in ("weekday", "relative") and not match.stamp
            and stamp_day is not None and stamp_day[0] < pub_day):
        # "7.30am (Tuesday) … the King left Heathrow early last Thursday": a live-blog entry's "last
        # Thursday" and "yesterday" count from the entry's own day, not from the blog's last update; a
        # weekday may be the next day where it happened ("1900 GMT (Monday) … arrived in the early hours of
        # Tuesday local time")
        pub_day = min(pub_day, stamp_day[0] + timedelta(days=1 if match.day.kind == "weekday" else 0))
    first: date | None
    last: date | None
    reason = ""
    approximate = False
    day = match.day
    day_from_publication = False
    options: tuple[date | None, ...] = ()
    if day is None:
        if match.stamp and heading is not None:
            first = last = heading
            reason = "live-blog stamp under its day heading"
        elif (stamp_day is not None and not match.stamp and (match.clock is None or match.clock.zone is None)
              and (in_focus is None or in_focus == stamp_day[0])):
            first = last = stamp_day[0]
            reason = "clock time on the day of its live-blog stamp"
        elif in_focus is not None:
            # "How he got here. After talks with Modi on Monday, … a chartered jet left at 8.56pm": in a
            # live-blog entry, a day told just before the clock time is its day, not the entry's
            first = last = in_focus
            reason = "clock time on the day of the date before it in its paragraph"
            # past midnight ("left at 11 p.m. on Monday … arrived at 7 a.m."), or the date before it was
            # a plan ("was due to fly home on Tuesday afternoon; instead he left at 8 p.m.")
            options = (in_focus, in_focus + timedelta(days=1), in_focus - timedelta(days=1))
        elif frame is not None and previous_day is not None and previous_day.year == frame.year:
            # a piece set decades back: "Churchill landed in Moscow at about 5 p.m." is on the day last told,
            # or the next, never on the publication day
            first = last = previous_day
            reason = "clock time with no day in a story set in the past: the day of the date told before it"
            options = (previous_day, previous_day + timedelta(days=1))
        elif (told is not None and told == previous_day and not match.stamp
              and (pub_day - told).days >= NARRATIVE_BACK_DAYS):
            # "Nine days ago … landing early on Friday morning. ¶ His jet left Kabul in mid-afternoon and
            # touched down at 4.52pm": a trip retold from over a week back goes on on the day last told
            first = last = told
            reason = "clock time with no day in a trip retold from over a week back: the day last told"
            options = (told, told + timedelta(days=1))
        else:
            first = last = pub_day
            day_from_publication = True
            reason = "clock time with no day: the publication day (or the day before)"
            options = _day_options(previous_day, pub_day)
    else:
        # "officials said he was expected to be back in London on Sunday": a plan told in the past tense
        # has its weekday on either side of publication
        plan = tense == "past" and day.kind == "weekday" and intended(parsed, verb, cues)
        perfect = verb is not None and _past_perfect(parsed, verb)
        done = verb is not None and (perfect or parsed.tokens[verb].tag == "VBD")
        resolved = _resolve_day(day, tense, pub_day, previous_day, cues, frame, told, plan, perfect, done,
                                carry)
        if resolved is None:
            return None
        first, last, reason, approximate = resolved
        in_focus_day = day.same and day.part is not None and cues.parts_of_day.get(day.part, (0, 24))[1] <= 24
        if day.kind == "anaphor" and not day.offset and match.clock is not None and first == last and (
            not in_focus_day
        ):
            # "left at 11 p.m. … arrived at 9.30 in the morning": the day in focus, or the one after it (but
            # "at 5 o'clock that afternoon" is the day in focus; "at 1 a.m. that night", a part running past
            # midnight, may be the next)
            options = (first, first + timedelta(days=1))
    hours = _hours(day, cues) if day is not None else (0.0, 24.0)
    if day is not None and day.part == "midnight" and match.clock is None and match.qualifier is not None:
        # "shortly after midnight on Thursday" opens Thursday; "just before midnight on Thursday" ends it
        lo, hi = cues.clock_qualifiers[match.qualifier]["hour"]
        if lo is not None and lo >= 0:
            hours = (lo / 60, (hi if hi is not None else 60) / 60)
        elif hi is not None and hi <= 0:
            hours = (24 + (lo if lo is not None else -60) / 60, 24 + hi / 60)
    likely_hour = None
    precision = None
    zone = None
    local = False
    if match.clock is not None:
        clock = match.clock
        hour = _clock_hour(clock, day, cues)
        grain = "minute" if clock.minute_written else "hour"
        if match.qualifier is not None:
            before, after = cues.clock_qualifiers[match.qualifier][grain]
        else:
            half = cues.precision_minutes[grain]
            before, after = -half, half
        lo = hour + before / 60 if before is not None else 0.0
        hi = hour + after / 60 if after is not None else 24.0
        hours = (lo, hi)
        likely_hour = (
            hour if before is not None and after is not None and before + after == 0 else (lo + hi) / 2
        )
        precision = (hi - lo) / 2 * 60
        zone, local = clock.zone, clock.local
        if match.stamp and zone is None and not local:
            zone = stamp_zone  # "2.36pm" atop an entry: the blog's zone, not the place's
        reason = _join(reason, "clock time" + (f" ({' '.join(match.qualifier)})" if match.qualifier else ""))
    elif match.day is not None and match.end > match.start and tokens[match.end - 1].lower == "time":
        local = True
    text = parsed.text[start_char:end_char]
    kind: ExpressionKind = "instant" if first == last else "range"
    expr = TimeExpression(
        text=text, start=start_char, end=end_char, kind=kind, earliest=None, latest=None,
        sentence_start=sentence.char_start, sentence_end=sentence.char_end, first_date=first, last_date=last,
        start_hour=hours[0], end_hour=hours[1], likely_hour=likely_hour,
        part_of_day=_part_name(day) if day is not None else None, tense=tense, approximate=approximate,
        reason=reason, token_start=match.start, token_end=match.end, sentence=tokens[match.start].sent,
        head=head, attach=attach, verb=verb, zone=zone, local=local, clock=match.clock is not None,
        precision_minutes=precision, day_from_publication=day_from_publication, day_options=options,
        published_until=publication_end(article) if day_from_publication else None,
        stamp=match.stamp, side=match.side, dateline=_in_dateline(parsed, match), story_date=frame,
    )  # fmt: skip
    if options and tense == "past" and not match.stamp:
        # "pulled into Przemyśl (0404 GMT)" in an entry filed at 06:20: a day on which the time told as past
        # would fall after publication is no reading of it
        kept = tuple(d for d in options if d is None or _starts_by(on_day(expr, d), article))
        expr = replace(expr, day_options=kept if any(d is not None for d in kept) else ())
    window = window_in_zone(expr, article.published.tzinfo or UTC)
    assert window is not None
    if expr.stamp and expr.day_from_publication:
        days = _days_in_zone(expr, article.published.tzinfo or UTC)
        assert days is not None
        stamped = days[0]
        expr = replace(
            expr,
            first_date=stamped,
            last_date=stamped,
            day_from_publication=False,
            published_until=None,
            day_options=(),
            reason="live-blog stamp on the publication day (or the day before)",
        )
    return replace(expr, earliest=window[0], latest=window[1])


def _starts_by(expr: TimeExpression, article: Article) -> bool:
    """The expression, read on its day, begins no later than the article's publication."""
    window = window_in_zone(expr, article.published.tzinfo or UTC)
    return window is None or window[0] <= article.published


_DASHES_AFTER_DATELINE = {"--", "—", "–", "-", "―"}


def _a_line_alone(parsed: ParsedText, match: _Match) -> bool:
    """The date is a line of its own (a live blog's day heading: "TUESDAY 26 FEBRUARY", "Feb. 26")."""
    text = parsed.text
    start, end = parsed.tokens[match.start].start, parsed.tokens[match.end - 1].end
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return bool(line.strip()) and line.strip(" \t.:,") == text[start:end]


def _reported_on(parsed: ParsedText, match: _Match, cues: TimeCues) -> bool:
    """The phrase dates a report ("told a British broadcaster on Thursday", "said on Monday")."""
    _, _, verb = attachment(parsed, match.start, match.end)
    return verb is not None and parsed.tokens[verb].lemma.casefold() in cues.report_verbs


def _in_dateline(parsed: ParsedText, match: _Match) -> bool:
    """A date between a place name that opens its paragraph and the dash that ends the dateline, or the end
    of its line: "Minsk, February 24 (KCNA) --", "BREST, Feb. 26 (Lotus) —", "KAZAN, March 3." above the
    story."""
    tokens = parsed.tokens
    text = parsed.text
    first = tokens[match.start]
    line_start = text.rfind("\n", 0, first.start) + 1
    before = [t for t in tokens[: match.start] if t.start >= line_start]
    if not before or len(before) > 6 or any(t.pos not in ("PROPN", "PUNCT", "SPACE", "NOUN") for t in before):
        return False
    if not text[line_start:first.start].rstrip().endswith(","):
        return False
    # "XIAN, December 22." alone on its line, the story beginning on the next
    end = tokens[match.end - 1].end
    line_end = text.find("\n", end)
    if line_end >= 0 and not text[end:line_end].strip(" \t.:"):
        return True
    after = tokens[match.end : match.end + 8]
    for token in after:
        if token.text in _DASHES_AFTER_DATELINE:
            return True
        if token.text in ("(", ")") or token.pos in ("PROPN", "PUNCT", "SPACE"):
            continue
        return False
    return False


def _join(*parts: str) -> str:
    return "; ".join(p for p in parts if p)


def _clock_hour(clock: _Clock, day: _Day | None, cues: TimeCues) -> float:
    """The hour of a clock time; an o'clock hour is put in the part of the day when one is given."""
    if not clock.o_clock:
        return clock.hour
    hour = clock.hour % 12
    if day is not None and day.part is not None:
        lo, hi = _part_hours(day.part, day.part_mod, cues)
        return min((hour, hour + 12), key=lambda h: max(lo - h, 0.0, h - hi))
    return hour + 12 if hour < cues.o_clock_earliest_hour else hour


def attachment(parsed: ParsedText, start: int, end: int) -> tuple[int, int | None, int | None]:
    """The span's head token, the word outside it that it modifies (past prepositions), the first verb."""
    tokens = parsed.tokens
    outside = [t.i for t in tokens[start:end] if not start <= t.head < end or t.head == t.i]
    if not outside:
        return start, None, None
    head = max(outside, key=lambda i: (len(parsed.subtree(i)), i))
    if tokens[head].head == head:
        return head, None, None
    attach: int | None = tokens[head].head
    while attach is not None and tokens[attach].pos in ("ADP", "SCONJ") and tokens[attach].head != attach:
        attach = tokens[attach].head
    verb = attach
    while verb is not None and tokens[verb].pos not in ("VERB", "AUX"):
        verb = tokens[verb].head if tokens[verb].head != verb else None
    aux = verb is not None and tokens[verb].dep in ("aux", "auxpass") and tokens[verb].head > verb
    if verb is not None and verb == attach and aux:
        # "At about three o'clock the George Washington let go her anchor", parsed with the time on the
        # auxiliary "let": it dates the verb the auxiliary serves
        attach = verb = tokens[verb].head
    if verb is not None and verb == attach and head < verb and tokens[verb].dep in ("advcl", "ccomp"):
        # "On January 22, after the Sadats had seen them off, the couple flew …", parsed with the date on
        # "seen": a date put before the "after" that opens a clause dates the main clause, not that clause
        marks = [c for c in parsed.children(verb) if tokens[c].dep == "mark" and end <= c]
        if marks and tokens[verb].head != verb and all(t.pos == "PUNCT" for t in tokens[end : marks[0]]):
            attach = verb = tokens[verb].head
    if verb is not None and verb == attach and start < verb:
        clause = _relative_clause_just_before(parsed, start, verb)
        if clause is not None:
            attach = verb = clause
    return head, attach, verb


def _relative_clause_just_before(parsed: ParsedText, start: int, verb: int) -> int | None:
    """"The Boeing that brought him from Delhi on Monday landed here", parsed with "on Monday" on "landed":
    a time between a subject's relative clause and the verb, with no comma after the clause, dates the
    clause (a time put between a subject and its verb without commas rarely belongs to the verb)."""
    tokens = parsed.tokens
    if start > 0 and tokens[start - 1].pos == "ADP":
        start -= 1  # the "on" of "on Monday"
    if start == 0 or tokens[start - 1].pos == "PUNCT":
        return None
    subjects = [c for c in parsed.children(verb) if tokens[c].dep in ("nsubj", "nsubjpass") and c < start]
    for subject in subjects:
        for clause in parsed.children(subject):
            if tokens[clause].dep == "relcl" and max(parsed.subtree(clause)) == start - 1:
                return clause
    return None


_CLAUSE_STEPS = 8
"""How many heads up from a verb its tense or intention is looked for."""


def _verb_chain(parsed: ParsedText, verb: int, climbs: Callable[[Token], bool]) -> Iterator[Token]:
    """The verb, then the words it hangs from while ``climbs`` says the link carries tense or intention
    ("is expected to reach": "reach", then "expected")."""
    node = verb
    for _ in range(_CLAUSE_STEPS):
        token = parsed.tokens[node]
        yield token
        if token.head == node or not climbs(token):
            return
        node = token.head


_INTENTION_LINKS = ("xcomp", "acomp", "prep", "conj", "pcomp", "advcl")
"""Links through which a verb takes the intention of the one above ("had been due to leave … and fly on")."""


def intended(parsed: ParsedText, verb: int | None, cues: TimeCues) -> bool:
    """Whether the verb tells an intention in any tense ("had been due to leave", "was to fly", "will go"):
    its date is a plan's, which a story's later dates need not follow."""
    if verb is None:
        return False
    for token in _verb_chain(parsed, verb, lambda t: t.dep in _INTENTION_LINKS):
        if any(parsed.tokens[k].dep in ("aux", "auxpass") and parsed.tokens[k].lower in cues.future_aux
               for k in parsed.children(token.i)):  # fmt: skip
            return True
        if token.i != verb and token.lemma.casefold() in cues.future_heads:
            return True
        if token.i != verb and any(parsed.tokens[k].dep == "acomp" and parsed.tokens[k].lemma.casefold()
                                   in cues.future_heads for k in parsed.children(token.i)):
            return True  # "was due to board …, landing in Washington on Thursday"
    return False


def _tense_climbs(token: Token) -> bool:
    # "is expected to reach X … and then fly on …, before returning to Japan on Thursday": a verb with no
    # tense of its own takes the tense of the verb it hangs from (through "before"/"after")
    non_finite = token.tag in ("VB", "VBG") and token.dep in ("conj", "pcomp", "advcl")
    return token.dep in ("xcomp", "acomp", "prep") or non_finite


def verb_tense(parsed: ParsedText, verb: int | None, cues: TimeCues) -> Tense:
    """Future when the verb (or the verb it hangs from as "to …") has a future auxiliary, or hangs from a
    present-tense word of intention ("is expected to arrive", "plans to leave"); else past."""
    if verb is None:
        return "past"
    tokens = parsed.tokens
    if _present_intention(parsed, verb, cues):
        return "future"
    for token in _verb_chain(parsed, verb, _tense_climbs):
        kids = [tokens[k] for k in parsed.children(token.i)]
        if any(
            k.dep in ("aux", "auxpass") and (k.lower in cues.future_aux or k.lemma in cues.future_aux)
            for k in kids
        ):
            return "future"
        if token.lemma.casefold() in cues.future_heads and token.i != verb:
            present = token.tag in ("VBZ", "VBP") or any(
                k.dep in ("aux", "auxpass") and k.tag in ("VBZ", "VBP") for k in kids
            )
            if token.pos == "ADJ":
                head = tokens[token.head]
                present = head.tag in ("VBZ", "VBP")
            if present:
                return "future"
    return "past"


def _scheduled(parsed: ParsedText, verb: int | None) -> bool:
    """"On Sunday she makes a short stop in Canton", "On Thursday he flies to New York": a weekday on a verb
    in the simple present, below the headline, is a day of the schedule still to come (a report tells what
    happened in the past tense)."""
    if verb is None:
        return False
    tok = parsed.tokens[verb]
    if tok.tag not in ("VBZ", "VBP") or tok.lemma in ("be", "have"):
        return False
    if any(parsed.tokens[k].dep in ("aux", "auxpass") for k in parsed.children(verb)):
        return False
    return tok.start > parsed.first_line_end


def _present_intention(parsed: ParsedText, verb: int, cues: TimeCues) -> bool:
    """"On Tuesday afternoon Air Force One is due to take him on", "he is to fly home on Thursday", "is
    expected there on Wednesday": a present "be" with a word of intention or a "to" clause under it, or a
    word of intention in the present passive, looks ahead."""
    tok = parsed.tokens[verb]
    head = parsed.tokens[tok.head]
    if (tok.dep == "xcomp" and head.lemma == "be" and head.tag in ("VBZ", "VBP")
            and any(parsed.tokens[c].tag == "TO" for c in parsed.children(verb))):
        return True  # "he is to fly home on Thursday"
    kids = [parsed.tokens[k] for k in parsed.children(verb)]
    present = tok.tag in ("VBZ", "VBP") or any(k.dep in ("aux", "auxpass") and k.tag in ("VBZ", "VBP")
                                               for k in kids)  # fmt: skip
    if not present:
        return False
    if tok.lemma.casefold() in cues.future_heads and tok.tag == "VBN":
        return True  # "is expected there on Wednesday"
    if tok.lemma != "be":
        return False
    return any(
        (k.dep == "acomp" and k.lemma.casefold() in cues.future_heads)
        or (k.dep == "xcomp" and any(parsed.tokens[c].tag == "TO" for c in parsed.children(k.i)))
        for k in kids
    )


def _part_hours(part: str, mod: str | None, cues: TimeCues) -> tuple[float, float]:
    if mod and f"{mod} {part}" in cues.modified_parts:
        return cues.modified_parts[f"{mod} {part}"]
    lo, hi = cues.parts_of_day[part]
    mid = (lo + hi) / 2
    if mod == "early":
        return lo, mid
    if mod == "late":
        return mid, hi
    return lo, hi


def _hours(day: _Day, cues: TimeCues) -> tuple[float, float]:
    """Hours within the day that the part-of-day words allow; the whole day when there are none."""
    if day.part is not None:
        return _part_hours(day.part, day.part_mod, cues)
    if day.kind in ("month", "month_year"):
        return 0.0, 24.0  # "late June" is its last days, whole
    if day.day_mod == "early":
        return cues.early_day
    if day.day_mod == "late":
        return cues.late_day
    return 0.0, 24.0


def _part_name(day: _Day) -> str | None:
    if day.part:
        return f"{day.part_mod} {day.part}" if day.part_mod else day.part
    return f"{day.day_mod} day" if day.day_mod else None


def _resolve_day(
    day: _Day, tense: Tense, pub_day: date, previous_day: date | None, cues: TimeCues,
    frame: date | None = None, told: date | None = None, plan: bool = False, perfect: bool = False,
    done: bool = False, carry: date | None = None,
) -> tuple[date, date, str, bool] | None:
    """(first day, last day, how, approximate) for a day phrase; None when it is no real date. ``frame``:
    the date a retrospective is set on, which a month and day without a year are read near; ``told``: the
    day of the last date of something done (not of a plan), which a trip retold in order moves on from;
    ``plan``: the phrase dates a plan told in the past tense, whose weekday is the one nearest publication;
    ``perfect``: the verb is in the past perfect, so a retold trip's weekday is on or before the date
    told; ``done``: the verb is in a past tense, so a month and day without a year is not after
    publication; ``carry``: the date just told of a story begun in the year before the report's (that
    year given), which a month and day without a year follows."""
    near = frame or pub_day
    if day.kind == "ordinal" and day.rel == "this":
        assert day.day is not None
        first = _parse_date(pub_day.month, day.day, pub_day.year)
        return (first, first, "day of this month", False) if first is not None else None
    if day.kind == "ordinal":
        assert day.day is not None
        base = told or previous_day
        if base is None:
            return None
        month = date(base.year, base.month, 1)
        if day.day < base.day:  # "on the 30th … on the 2nd": the month after
            month = _month_end(month) + timedelta(days=1)
        first = _parse_date(month.month, day.day, month.year)
        if first is None:
            return None
        return first, first, "day of the month last told", False
    if day.kind == "date":
        assert day.month is not None and day.day is not None
        if day.year is None and carry is not None and frame is None and not perfect:
            # "landed here on the 6th of January, 1871 … On the 5th of February he crossed": the story goes
            # on in the year it was set in
            first = next((d for y in (carry.year, carry.year + 1) if (d := _parse_date(day.month, day.day, y))
                          and d >= carry), None)  # fmt: skip
            if first is not None:
                return first, first, "month and day; the first such day after the date just told", False
        first = _calendar_date(day.month, day.day, day.year, near)
        if first is None:
            return None
        late = (first - near).days > cues.relevance_days
        if day.year is None and first > near and (day.rel == "last" or (done and late and frame is None)):
            # "left Ujiji on the 26th of December", printed in July: done, so the December gone by
            first = _parse_date(day.month, day.day, first.year - 1)
            if first is None:
                return None
            return first, first, "month and day; the last such day before the publication date", False
        why = "explicit date" if day.year else (
            "month and day; year nearest the publication date" if frame is None
            else "month and day; year nearest the full date the story opens with"
        )
        return first, first, why, False
    if day.kind == "range":
        assert day.month is not None and day.day is not None and day.day2 is not None
        first = _calendar_date(day.month, day.day, day.year, near)
        last = _calendar_date(day.month2 or day.month, day.day2, day.year, near)
        if first is None or last is None:
            return None
        if last < first and day.month2 is None:
            return None
        if last < first:
            last = last.replace(year=last.year + 1)
        return first, last, "date range", False
    if day.kind == "weekday":
        assert day.weekday is not None
        if frame is not None and day.rel is None:
            # a retrospective's "on Sunday": the one nearest the date just told (else the story's day)
            first = _nearest_weekday(previous_day or frame, day.weekday)
            return first, first, "weekday nearest the date just told (a retrospective)", False
        if plan and day.rel is None:
            first = _nearest_weekday(pub_day, day.weekday)
            return first, first, "weekday nearest publication (a plan told in the past tense)", False
        back = (pub_day - told).days if told is not None and told == previous_day else 0
        if day.rel is None and perfect and told is not None and back >= NARRATIVE_BACK_DAYS:
            # "on Wednesday, Sept. 23, from Des Moines, where he had arrived on Tuesday": the Tuesday before
            first = told - timedelta(days=(told.weekday() - day.weekday) % 7)
            return first, first, "weekday on or before the date just told (past perfect)", False
        if day.rel is None and tense != "future" and told is not None and back >= NARRATIVE_BACK_DAYS:
            # "flew out on 3 November and landed in Honolulu on Friday … reached Yokota on Sunday": a story
            # retold in order from more than a week back moves forward from the date just told (not from a
            # plan's date: "had been due to leave on March 25 … This time he took off on Tuesday")
            first = told + timedelta(days=(day.weekday - told.weekday()) % 7)
            if first <= pub_day:
                return first, first, "weekday on or after the date just told (a trip retold in order)", False
        first, why = _weekday(day.weekday, day.rel, tense, pub_day)
        return first, first, why, False
    if day.kind == "relative":
        first = pub_day + timedelta(days=day.offset)
        return first, first, "relative to the publication date", False
    if day.kind == "anaphor":
        base = previous_day or pub_day
        first = base + timedelta(days=day.offset)
        why = "the day of the previous date" if previous_day else "no previous date: the publication day"
        return first, first, why + (" plus one" if day.offset else ""), previous_day is None
    if day.kind == "rel_month":
        assert day.month is not None and day.rel is not None
        first, last = _relative_month(day.month, day.rel, pub_day)
        return first, last, f"{day.rel} month relative to the publication month", False
    if day.kind == "rel_period":
        assert day.rel is not None and day.period is not None
        first, last, approximate = _relative_period(day.rel, day.period, pub_day)
        return first, last, f"{day.rel} {day.period} relative to the publication date", approximate
    if day.kind == "month":
        assert day.month is not None
        if frame is not None:
            first = date(frame.year, day.month, 1)
            return (*_month_part(first, day.day_mod), "whole month of the year the story is set in", False)
        first = _month_alone(day.month, tense, pub_day)
        return (*_month_part(first, day.day_mod), "whole month; year by the tense and the publication month",
                False)
    if day.kind == "month_year":
        assert day.month is not None and day.year is not None
        first = date(day.year, day.month, 1)
        return (*_month_part(first, day.day_mod), "whole month", False)
    if day.kind == "year_range":
        assert day.year is not None and day.year2 is not None
        if day.year2 < day.year:
            return None
        return date(day.year, 1, 1), date(day.year2, 12, 31), "whole years", False
    assert day.year is not None
    return date(day.year, 1, 1), date(day.year, 12, 31), "whole year", False


MONTH_THIRDS = {"early": (1, 10), "mid": (11, 20), "late": (21, None)}
"""The days "early", "mid-" and "late" before a month cover (first and last): its thirds."""


def _month_part(first: date, mod: str | None) -> tuple[date, date]:
    """(first day, last day) of a month, or of the third of it ``mod`` names."""
    end = _month_end(first)
    if mod not in MONTH_THIRDS:
        return first, end
    lo, hi = MONTH_THIRDS[mod]
    return first.replace(day=lo), first.replace(day=hi) if hi is not None else end


@lru_cache(maxsize=512)
def _parse_date(month: int, day: int, year: int) -> date | None:
    """Parse with dateparser (strict, all parts given) so impossible dates ("Feb. 30") give None."""
    parsed = dateparser.parse(
        f"{year:04d}-{month:02d}-{day:02d}",
        languages=["en"],
        settings={"STRICT_PARSING": True, "DATE_ORDER": "YMD", "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return parsed.date() if parsed is not None else None


def _calendar_date(month: int, day: int, year: int | None, pub_day: date) -> date | None:
    if year is not None:
        return _parse_date(month, day, year)
    years = (pub_day.year - 1, pub_day.year, pub_day.year + 1)
    candidates = [d for y in years if (d := _parse_date(month, day, y))]
    if not candidates:
        return None
    return min(candidates, key=lambda d: (abs((d - pub_day).days), d))


def _nearest_weekday(base: date, weekday: int) -> date:
    """The day of that weekday nearest ``base``: at most three days before it or three after."""
    return base + timedelta(days=(weekday - base.weekday() + 3) % 7 - 3)


def _weekday(target: int, rel: str | None, tense: Tense, pub_day: date) -> tuple[date, str]:
    rel = rel or ""
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


def _month_alone(month: int, tense: Tense, pub_day: date) -> date:
    """"in July": this year's, unless the tense puts it on the other side of the publication month."""
    year = pub_day.year
    if tense == "past" and month > pub_day.month:
        year -= 1
    elif tense == "future" and month < pub_day.month:
        year += 1
    return date(year, month, 1)


def _relative_month(month: int, rel: str, pub_day: date) -> tuple[date, date]:
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


__all__ = [
    "TimeCues",
    "TimeExpression",
    "attachment",
    "default_cues",
    "find_time_expressions",
    "likely_in_zone",
    "load_time_cues",
    "on_day",
    "publication_end",
    "story_told_from",
    "told_long_before",
    "verb_tense",
    "window_in_zone",
    "zone_of",
]
