"""Pure scoring: a predicted journey (``Prediction``) against a case's gold, and totals over cases.

Nothing here builds journeys or reads files; ``runner`` turns a ``Journey`` into a ``Prediction``.

Rules (also in ``data/eval/README.md``):

- Stops are matched one-to-one, gold stop by gold stop in travel order. A predicted stop matches when its
  GeoNames id equals the gold id, or its folded name equals the gold name (case, accents and punctuation
  ignored), or it lies within ``MATCH_KM`` of the gold place. The best kind of match wins (id, then name,
  then distance); among equals, the first unused predicted stop after the previous match, else the first
  unused one.
- Order: over every pair of matched gold stops (i < j), whether their predicted stops are in the same order.
- Mode: a gold hop whose two ends are matched is right when every predicted hop between the two matched
  predicted stops has the gold mode.
- Id: a matched gold stop with a GeoNames id is right when the predicted place has that id.
- Time: a stated time is inside when it lies in [earliest − precision, latest + precision] of the predicted
  window (``stop_arrive``/``stop_depart`` of the matched predicted stop); the error is |likely − stated|.
  A "long" time is one whose stop was reached by a hop of at least ``LONG_HOURS`` (from the gold times of
  the stop and the one before when both are stated, else from the predicted likely times).
"""

from __future__ import annotations

import math
import statistics
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from geo.evaluation.cases import Case, GoldStop, GoldTime

MATCH_KM = 30.0
LONG_HOURS = 24.0
TITLES = frozenset({
    "president", "prime", "minister", "chancellor", "leader", "chairman", "mr", "general", "secretary",
    "comrade", "supreme", "premier", "pm",
})  # fmt: skip

_EXTRA = str.maketrans({"đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "ß": "ss", "ı": "i"})


def fold(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key: "Đà Nẵng" → "da nang", "Ulan-Ude" → "ulan ude"."""
    text = unicodedata.normalize("NFKD", name.translate(_EXTRA))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = "".join(ch if ch.isalnum() else " " for ch in text)
    return " ".join(text.split())


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (spherical Earth, radius 6371 km: ample for a 30 km threshold)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True)
class Window:
    """A predicted time window (aware datetimes; any end may be unknown)."""

    earliest: datetime | None = None
    likely: datetime | None = None
    latest: datetime | None = None


@dataclass(frozen=True)
class PredStop:
    """A predicted stop as the scorer sees it."""

    seq: int
    name: str
    place_name: str = ""
    geonameid: int | None = None
    latitude: float | None = None
    longitude: float | None = None

    def label(self) -> str:
        shown = self.name if not self.place_name or self.place_name == self.name else (
            f"{self.name} [{self.place_name}]")
        return f"{shown} ({self.geonameid})" if self.geonameid else shown


@dataclass(frozen=True)
class Prediction:
    """What the reader built: stops in order, the mode of each hop between them, the traveller, windows."""

    stops: tuple[PredStop, ...]
    modes: tuple[str, ...]
    traveller: str = ""
    arrive: Mapping[int, Window] = field(default_factory=dict)
    depart: Mapping[int, Window] = field(default_factory=dict)

    def window(self, seq: int, event: str) -> Window | None:
        return (self.arrive if event == "arrive" else self.depart).get(seq)


# --- stops ---------------------------------------------------------------------------------------------


def match_kind(gold: GoldStop, pred: PredStop, km: float = MATCH_KM) -> int | None:
    """0 = same GeoNames id, 1 = same folded name, 2 = within ``km``; None = no match."""
    if gold.geonameid is not None and pred.geonameid == gold.geonameid:
        return 0
    key = fold(gold.name)
    if key and key in {fold(pred.name), fold(pred.place_name)}:
        return 1
    if None not in (gold.latitude, gold.longitude, pred.latitude, pred.longitude):
        distance = km_between(gold.latitude, gold.longitude, pred.latitude, pred.longitude)  # type: ignore[arg-type]
        if distance <= km:
            return 2
    return None


def match_stops(gold: Sequence[GoldStop], predicted: Sequence[PredStop]) -> list[int | None]:
    """For each gold stop the index of its predicted stop in ``predicted``, or None.

    Three passes, one per kind of match (id, then name, then distance), so a distance match never takes a
    predicted stop that a later gold stop names exactly. In each pass gold stops go in order, and a gold stop
    takes the first fitting unused predicted stop that lies between the predicted stops of its nearest
    matched neighbours, else the first fitting unused one.
    """
    matching: list[int | None] = [None] * len(gold)
    used: set[int] = set()
    for kind in (0, 1, 2):
        for g, stop in enumerate(gold):
            if matching[g] is not None:
                continue
            fits = [i for i, pred in enumerate(predicted) if i not in used and match_kind(stop, pred) == kind]
            if not fits:
                continue
            before = [p for p in matching[:g] if p is not None]
            after = [p for p in matching[g + 1:] if p is not None]
            lo = before[-1] if before else -1
            hi = after[0] if after else len(predicted)
            between = [i for i in fits if lo < i < hi]
            chosen = between[0] if between else fits[0]
            matching[g] = chosen
            used.add(chosen)
    return matching


def order_errors(matching: Sequence[int | None]) -> tuple[int, list[tuple[int, int]]]:
    """(number of pairs of matched gold stops, the pairs (i, j), i < j, predicted in the other order)."""
    matched = [(g, p) for g, p in enumerate(matching) if p is not None]
    pairs = 0
    wrong: list[tuple[int, int]] = []
    for a in range(len(matched)):
        for b in range(a + 1, len(matched)):
            pairs += 1
            if matched[a][1] > matched[b][1]:
                wrong.append((matched[a][0], matched[b][0]))
    return pairs, wrong


@dataclass(frozen=True)
class ModeCheck:
    hop: int
    gold: str
    predicted: tuple[str, ...]
    correct: bool


def mode_checks(
    gold_hops: Sequence[str], matching: Sequence[int | None], modes: Sequence[str]
) -> list[ModeCheck]:
    """Gold hops whose two ends are matched, with the predicted modes between the two predicted stops."""
    checks: list[ModeCheck] = []
    for hop, mode in enumerate(gold_hops):
        a, b = matching[hop], matching[hop + 1]
        if a is None or b is None:
            continue
        lo, hi = min(a, b), max(a, b)
        between = tuple(modes[lo:hi])
        checks.append(ModeCheck(hop, mode, between, bool(between) and all(m == mode for m in between)))
    return checks


def traveller_correct(gold: str, surname: str, predicted: str) -> bool:
    """The predicted traveller names the gold surname and nothing that is not in the gold name or a title
    ("Xi" and "Xi Jinping" are right for Xi Jinping; "Xi Zhongxun" is not). A middle initial is no other
    name ("Richard M. Nixon" is Richard Nixon). A surname may have several words ("Suu Kyi")."""
    words = fold(predicted).split()
    last = fold(surname).split()
    if not any(words[k : k + len(last)] == last for k in range(len(words))):
        return False
    allowed = set(fold(gold).split()) | TITLES
    return all(word in allowed or len(word.rstrip(".")) == 1 for word in words)


# --- times ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimeCheck:
    """One stated time against the predicted window at its matched stop."""

    index: int
    """Index into ``case.times``."""
    stop: str
    event: str
    at: datetime
    window: Window | None
    inside: bool
    error_hours: float | None
    long: bool = False
    phrase: str = ""


def time_inside(at: datetime, precision_minutes: int, window: Window | None) -> bool:
    """The stated time (± its precision) meets the window [earliest, latest] (an unknown end is open)."""
    if window is None or (window.earliest is None and window.likely is None and window.latest is None):
        return False
    slack = precision_minutes * 60.0
    if window.earliest is not None and (window.earliest - at).total_seconds() > slack:
        return False
    return not (window.latest is not None and (at - window.latest).total_seconds() > slack)


def time_error_hours(at: datetime, window: Window | None) -> float | None:
    if window is None or window.likely is None:
        return None
    return abs((window.likely - at).total_seconds()) / 3600.0


def incoming_hours(
    case: Case, stop: int, prediction: Prediction | None, matching: Sequence[int | None]
) -> float | None:
    """How long the hop into gold ``stop`` took: from the gold times when the stop's arrival (or departure)
    and the previous stop's departure (or arrival) are both stated, else from the predicted likely times."""
    if stop == 0:
        return None
    here = _gold_time(case.times, stop, ("arrive", "depart"))
    before = _gold_time(case.times, stop - 1, ("depart", "arrive"))
    if here is not None and before is not None:
        return (here - before).total_seconds() / 3600.0
    if prediction is None:
        return None
    p_here = matching[stop]
    if p_here is None or p_here == 0:
        return None
    p_before = matching[stop - 1] if matching[stop - 1] is not None else p_here - 1
    assert p_before is not None
    arrive = prediction.window(prediction.stops[p_here].seq, "arrive")
    depart = prediction.window(prediction.stops[p_before].seq, "depart") or prediction.window(
        prediction.stops[p_before].seq, "arrive")
    if arrive is None or depart is None or arrive.likely is None or depart.likely is None:
        return None
    return (arrive.likely - depart.likely).total_seconds() / 3600.0


def _gold_time(times: Iterable[GoldTime], stop: int, events: Sequence[str]) -> datetime | None:
    for event in events:
        for t in times:
            if t.stop == stop and t.event == event:
                return t.at
    return None


def check_time(
    case: Case, index: int, prediction: Prediction | None, matching: Sequence[int | None]
) -> TimeCheck | None:
    """The check of ``case.times[index]``; None when its stop is not matched."""
    gold = case.times[index]
    if prediction is None:
        return None
    p = matching[gold.stop]
    if p is None:
        return None
    window = prediction.window(prediction.stops[p].seq, gold.event)
    hours = incoming_hours(case, gold.stop, prediction, matching)
    return TimeCheck(
        index=index,
        stop=case.stops[gold.stop].name,
        event=gold.event,
        at=gold.at,
        window=window,
        inside=time_inside(gold.at, gold.precision_minutes, window),
        error_hours=time_error_hours(gold.at, window),
        long=hours is not None and hours >= LONG_HOURS,
        phrase=gold.phrase,
    )


# --- one case ------------------------------------------------------------------------------------------


@dataclass
class CaseScore:
    """Counts for one case; ``misses`` are the lines the report prints, without the case id."""

    case: str
    split: str
    journey: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    order_pairs: int = 0
    order_right: int = 0
    modes_total: int = 0
    modes_right: int = 0
    ids_total: int = 0
    ids_right: int = 0
    traveller_total: int = 0
    traveller_right: int = 0
    times_total: int = 0
    times: list[TimeCheck] = field(default_factory=list)
    loo: list[TimeCheck] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    error: str | None = None


def score_case(case: Case, prediction: Prediction | None, error: str | None = None,
               no_journey: bool = False) -> tuple[CaseScore, list[int | None]]:
    """Score one case. ``prediction`` None means the build raised: ``no_journey`` for NoJourneyError,
    else ``error`` is the GeoError message. Returns the score and the gold → predicted matching."""
    score = CaseScore(case.id, case.split, case.journey, times_total=len(case.times))
    gold_stops = case.stops
    if prediction is None:
        matching: list[int | None] = [None] * len(gold_stops)
        score.fn = len(gold_stops)
        if gold_stops:
            score.traveller_total = 1
            reason = "no journey found (NoJourneyError)" if no_journey else f"error: {error}"
            score.misses.append(reason)
            score.error = reason
        elif error and not no_journey:
            score.misses.append(f"error (no journey expected): {error}")
            score.error = error
        for stop in gold_stops:
            score.misses.append(f"missing stop {stop.name} ({stop.role})")
        return score, matching

    matching = match_stops(gold_stops, prediction.stops)
    score.tp = sum(1 for p in matching if p is not None)
    score.fn = len(gold_stops) - score.tp
    used = {p for p in matching if p is not None}
    score.fp = len(prediction.stops) - len(used)
    if not gold_stops:
        score.misses.append("a journey was built from a text that tells none")
    for g, p in enumerate(matching):
        if p is None:
            stop = gold_stops[g]
            planned = ", planned" if stop.planned else ""
            score.misses.append(f"missing stop {stop.name} ({stop.role}{planned})")
    for i, pred in enumerate(prediction.stops):
        if i not in used:
            score.misses.append(f"extra stop {pred.label()}")

    score.order_pairs, wrong = order_errors(matching)
    score.order_right = score.order_pairs - len(wrong)
    for a, b in wrong:
        score.misses.append(f"order: {gold_stops[a].name} should come before {gold_stops[b].name}")

    for check in mode_checks(case.hops, matching, prediction.modes):
        score.modes_total += 1
        if check.correct:
            score.modes_right += 1
        else:
            shown = "/".join(check.predicted) or "none"
            score.misses.append(f"mode {gold_stops[check.hop].name} → {gold_stops[check.hop + 1].name}: "
                                f"gold {check.gold}, predicted {shown}")

    for g, p in enumerate(matching):
        stop = gold_stops[g]
        if p is None or stop.geonameid is None:
            continue
        score.ids_total += 1
        pred = prediction.stops[p]
        if pred.geonameid == stop.geonameid:
            score.ids_right += 1
        else:
            score.misses.append(f"wrong id: gold {stop.name} ({stop.geonameid}), predicted {pred.label()}")

    if gold_stops:
        score.traveller_total = 1
        if traveller_correct(case.traveller, case.surname, prediction.traveller):
            score.traveller_right = 1
        else:
            score.misses.append(f"traveller: gold {case.traveller}, predicted {prediction.traveller or '—'}")

    for index in range(len(case.times)):
        timed = check_time(case, index, prediction, matching)
        if timed is None:
            continue
        score.times.append(timed)
        if not timed.inside:
            score.misses.append("time " + describe_time(timed))
    return score, matching


def describe_time(check: TimeCheck) -> str:
    window = check.window
    if window is None or window.likely is None:
        shown = "no estimate"
    else:
        shown = (f"[{_iso(window.earliest)} … {_iso(window.latest)}], likely {_iso(window.likely)}, "
                 f"off by {check.error_hours:.1f} h")
    return f"{check.event} {check.stop} {check.at.isoformat(timespec='minutes')} outside {shown}"


def _iso(moment: datetime | None) -> str:
    return moment.isoformat(timespec="minutes") if moment else "?"


# --- totals --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimeFigures:
    n: int
    """Stated times checked (their stop matched)."""
    inside: float | None
    median_error: float | None
    worst_error: float | None
    long_n: int
    long_median_error: float | None


@dataclass(frozen=True)
class Totals:
    cases: int
    tp: int
    fp: int
    fn: int
    order_pairs: int
    order_right: int
    modes_total: int
    modes_right: int
    ids_total: int
    ids_right: int
    traveller_total: int
    traveller_right: int
    times_total: int
    times: TimeFigures
    loo: TimeFigures | None
    errors: int

    @property
    def precision(self) -> float | None:
        return _share(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _share(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return 0.0 if (p is not None and r is not None) else None
        return 2 * p * r / (p + r)

    @property
    def order(self) -> float | None:
        return _share(self.order_right, self.order_pairs)

    @property
    def modes(self) -> float | None:
        return _share(self.modes_right, self.modes_total)

    @property
    def ids(self) -> float | None:
        return _share(self.ids_right, self.ids_total)

    @property
    def traveller(self) -> float | None:
        return _share(self.traveller_right, self.traveller_total)


def total(scores: Sequence[CaseScore], with_loo: bool = True) -> Totals:
    """Micro-averaged totals over cases (sums of counts, then shares)."""
    return Totals(
        cases=len(scores),
        tp=sum(s.tp for s in scores),
        fp=sum(s.fp for s in scores),
        fn=sum(s.fn for s in scores),
        order_pairs=sum(s.order_pairs for s in scores),
        order_right=sum(s.order_right for s in scores),
        modes_total=sum(s.modes_total for s in scores),
        modes_right=sum(s.modes_right for s in scores),
        ids_total=sum(s.ids_total for s in scores),
        ids_right=sum(s.ids_right for s in scores),
        traveller_total=sum(s.traveller_total for s in scores),
        traveller_right=sum(s.traveller_right for s in scores),
        times_total=sum(s.times_total for s in scores),
        times=time_figures([c for s in scores for c in s.times]),
        loo=time_figures([c for s in scores for c in s.loo]) if with_loo else None,
        errors=sum(1 for s in scores if s.error),
    )


def time_figures(checks: Sequence[TimeCheck]) -> TimeFigures:
    """Share inside, median and worst |likely − stated| (hours), and the median over long hops."""
    errors = [c.error_hours for c in checks if c.error_hours is not None]
    long_errors = [c.error_hours for c in checks if c.long and c.error_hours is not None]
    return TimeFigures(
        n=len(checks),
        inside=_share(sum(1 for c in checks if c.inside), len(checks)),
        median_error=statistics.median(errors) if errors else None,
        worst_error=max(errors) if errors else None,
        long_n=sum(1 for c in checks if c.long),
        long_median_error=statistics.median(long_errors) if long_errors else None,
    )


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None
