"""When the traveller was where: stated times (anchors) and the speed model, as earliest/likely/latest.

The journey is a chain of instants: the departure of each leg and its arrival, with a stop's dwell between an
arrival and the next departure. Each gap has a (min, likely, max) duration from ``speeds``. Anchors come
from the time expressions in the sentences quoted for stops and hops, classified by the cue words of
``data/time_cues.json``; each one bounds an instant ("left X on Saturday afternoon" bounds the departure
from X) or a pair of instants ("at least two and a half days" for the rail journey). Bounds spread along the
chain forwards and backwards until nothing changes; an anchor that would leave some instant with no possible
time is rejected, marked unsatisfied, and the estimate is kept without it.

Instants are handled as hours since the Unix epoch (UTC) and shown in the zone of the place they happen in.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from geo.errors import DataError
from geo.model import Anchor, Article, Itinerary, Leg, Quote, Route, Stop, TimeWindow, Timing
from geo.reading.text import sentence_spans
from geo.reading.timeexpr import TimeCues, TimeExpression, default_cues, find_time_expressions, window_in_zone
from geo.timing.speeds import Range, SpeedModel

INF = math.inf
Zone = str | tzinfo | None
"""An IANA zone name, a fixed offset (an article's publication), or None for UTC."""
_EPS_HOURS = 1e-6
_PRIORITY = {"depart": 0, "arrive": 1, "present": 1, "on_leg": 2, "arrive_by": 3, "min_duration": 4}


@dataclass(frozen=True)
class _Chain:
    """The instants of the journey in order and the gaps between them (hours)."""

    labels: tuple[str, ...]
    zones: tuple[Zone, ...]
    gap_min: tuple[float, ...]
    gap_likely: tuple[float, ...]
    gap_max: tuple[float, ...]
    leg_depart: dict[int, int]
    leg_arrive: dict[int, int]
    stop_arrive: dict[int, int]
    stop_depart: dict[int, int]


@dataclass(frozen=True)
class _Constraint:
    """What an anchor asks of the chain: bounds on instants and a minimum span between two instants."""

    bounds: tuple[tuple[int, float, float], ...] = ()
    min_span: tuple[int, int, float] | None = None


@dataclass(frozen=True)
class _Candidate:
    anchor: Anchor
    constraint: _Constraint | None
    width_hours: float
    """How much the anchor leaves open: narrower anchors are applied first within a kind."""


def estimate_timing(
    articles: Sequence[Article],
    itinerary: Itinerary,
    route: Route,
    speeds: SpeedModel,
    *,
    cues: TimeCues | None = None,
) -> Timing:
    """Arrival/departure windows at every stop and leg of ``route``, honouring the stated times it can."""
    cues = cues or default_cues()
    fallback_zone = _fallback_zone(articles)
    chain = _build_chain(route, speeds, fallback_zone)
    candidates = _find_anchors(articles, itinerary, route, chain, cues, fallback_zone)
    lo, hi, anchors = _apply(chain, candidates)
    likely = _likely(chain, lo, hi, [c for c, a in zip(candidates, anchors, strict=True) if a.satisfied])
    anchors = [_check_likely(a, c, likely) for a, c in zip(anchors, candidates, strict=True)]
    windows = [_window(lo[k], likely[k], hi[k], chain.zones[k]) for k in range(len(chain.labels))]
    return Timing(
        stop_arrive={s: windows[k] for s, k in chain.stop_arrive.items()},
        stop_depart={s: windows[k] for s, k in chain.stop_depart.items()},
        leg_depart={s: windows[k] for s, k in chain.leg_depart.items()},
        leg_arrive={s: windows[k] for s, k in chain.leg_arrive.items()},
        anchors=tuple(anchors),
        basis=_basis(chain, anchors, likely),
    )


# --- the chain ------------------------------------------------------------------------------------------


def _build_chain(route: Route, speeds: SpeedModel, fallback_zone: Zone) -> _Chain:
    """Instants: for each leg its departure and arrival; between legs, a stop's dwell when the leg ends at a
    stop, otherwise none (a border's formalities are part of the crossing leg's duration)."""
    legs = sorted(route.legs, key=lambda leg: leg.seq)
    stops = {s.seq: s for s in route.stops}
    last_stop = route.stops[-1].seq if route.stops else None
    labels: list[str] = []
    zones: list[Zone] = []
    gmin: list[float] = []
    glik: list[float] = []
    gmax: list[float] = []
    leg_depart: dict[int, int] = {}
    leg_arrive: dict[int, int] = {}
    stop_arrive: dict[int, int] = {}
    stop_depart: dict[int, int] = {}
    for i, leg in enumerate(legs):
        if i > 0:
            at_stop = legs[i - 1].to_stop if legs[i - 1].to_stop is not None else leg.from_stop
            dwell = speeds.stop_dwell if at_stop is not None else Range(0.0, 0.0, 0.0)
            gmin.append(dwell.min)
            glik.append(dwell.likely)
            gmax.append(dwell.max)
        leg_depart[leg.seq] = len(labels)
        if leg.from_stop is not None and leg.from_stop not in stop_depart:
            stop_depart[leg.from_stop] = len(labels)
        labels.append(f"departure of leg {leg.seq} from {leg.start}")
        zones.append(leg.start_timezone or _stop_zone(_stop_in(stops, leg.from_stop)) or fallback_zone)
        low, likely, high = _leg_hours(leg, speeds)
        gmin.append(low)
        glik.append(likely)
        gmax.append(high)
        leg_arrive[leg.seq] = len(labels)
        if leg.to_stop is not None:
            stop_arrive[leg.to_stop] = len(labels)
        labels.append(f"arrival of leg {leg.seq} at {leg.end}")
        zones.append(leg.end_timezone or _stop_zone(_stop_in(stops, leg.to_stop)) or fallback_zone)
    for seq, k in list(stop_arrive.items()) + list(stop_depart.items()):
        zone = _stop_zone(stops.get(seq))
        if zone:
            zones[k] = zone
    if route.stops:
        stop_arrive.pop(route.stops[0].seq, None)
    if last_stop is not None:
        stop_depart.pop(last_stop, None)
    return _Chain(
        labels=tuple(labels), zones=tuple(zones), gap_min=tuple(gmin), gap_likely=tuple(glik),
        gap_max=tuple(gmax), leg_depart=leg_depart, leg_arrive=leg_arrive, stop_arrive=stop_arrive,
        stop_depart=stop_depart,
    )


def _leg_hours(leg: Leg, speeds: SpeedModel) -> tuple[float, float, float]:
    """(min, likely, max) hours for a leg: distance at (max, likely, min) speed, plus border dwell."""
    crossing = leg.kind == "crossing"
    speed = speeds.leg_speed(leg.mode, leg.countries, crossing=crossing)
    dwell = speeds.border_dwell(leg.mode, leg.countries) if crossing else Range(0.0, 0.0, 0.0)
    km = max(leg.distance_km, 0.0)
    return km / speed.max + dwell.min, km / speed.likely + dwell.likely, km / speed.min + dwell.max


def _stop_in(stops: dict[int, Stop], seq: int | None) -> Stop | None:
    return stops.get(seq) if seq is not None else None


def _stop_zone(stop: Stop | None) -> str | None:
    return stop.place.timezone if stop is not None and stop.place is not None else None


def _fallback_zone(articles: Sequence[Article]) -> Zone:
    """The zone (or fixed offset) of the first article's publication, else UTC, for places with none."""
    for article in articles:
        if article.published.tzinfo is not None:
            return article.published.tzinfo
    return UTC


# --- anchors --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Evidence:
    """One sentence quoted for stops and/or hops, with where each stop's quote starts."""

    article: Article
    start: int
    end: int
    stops: tuple[tuple[int, int], ...]
    """(Stop.seq, offset of the quote) pairs."""
    hops: tuple[int, ...]
    """Indexes into ``itinerary.hops``."""


def _find_anchors(
    articles: Sequence[Article],
    itinerary: Itinerary,
    route: Route,
    chain: _Chain,
    cues: TimeCues,
    fallback_zone: Zone,
) -> list[_Candidate]:
    """Anchors from the time expressions in the sentences quoted for stops and hops, in application order."""
    by_id = {a.id: a for a in articles}
    published = [a.published for a in articles]
    found: dict[tuple[object, ...], _Candidate] = {}
    expressions_of: dict[str, list[TimeExpression]] = {}
    for evidence in _evidence(by_id, itinerary, route):
        article = evidence.article
        if article.id not in expressions_of:
            expressions_of[article.id] = find_time_expressions(article, cues)
        expressions = [
            e for e in expressions_of[article.id] if evidence.start <= e.start and e.end <= evidence.end
        ]
        for expr in expressions:
            kind = classify(evidence.article.text, evidence.start, evidence.end, expr, cues, published)
            if kind is None:
                continue
            candidate = _anchor(kind, expr, evidence, itinerary, route, chain, cues, fallback_zone)
            if candidate is None:
                continue
            a = candidate.anchor
            key = (a.kind, a.stop, a.leg, a.quote.article, expr.start)
            found.setdefault(key, candidate)
    return sorted(found.values(), key=lambda c: (_PRIORITY.get(c.anchor.kind, 9), c.width_hours))


def _evidence(by_id: dict[str, Article], itinerary: Itinerary, route: Route) -> list[_Evidence]:
    stops_by_sentence: dict[tuple[str, int, int], list[tuple[int, int]]] = {}
    hops_by_sentence: dict[tuple[str, int, int], list[int]] = {}
    spans_of: dict[str, list[tuple[int, int]]] = {}

    def sentences(quote: Quote) -> Iterable[tuple[str, int, int]]:
        article = by_id.get(quote.article)
        if article is None:
            return []
        spans = spans_of.setdefault(article.id, sentence_spans(article.text))
        end = max(quote.end, quote.start + 1)
        return [(article.id, s, e) for s, e in spans if s < end and quote.start < e]

    stops = {s.seq: s for s in itinerary.stops}
    stops.update({s.seq: s for s in route.stops})
    for stop in stops.values():
        for quote in stop.quotes:
            for key in sentences(quote):
                where = _name_position(by_id[key[0]].text, key[1], key[2], stop)
                stops_by_sentence.setdefault(key, []).append((stop.seq, where))
    for index, hop in enumerate(itinerary.hops):
        for quote in hop.quotes:
            for key in sentences(quote):
                hops_by_sentence.setdefault(key, []).append(index)
    keys = sorted(set(stops_by_sentence) | set(hops_by_sentence))
    return [
        _Evidence(
            article=by_id[key[0]], start=key[1], end=key[2],
            stops=tuple(sorted(set(stops_by_sentence.get(key, [])), key=lambda p: p[1])),
            hops=tuple(sorted(set(hops_by_sentence.get(key, [])))),
        )
        for key in keys
    ]


def _name_position(text: str, start: int, end: int, stop: Stop) -> int:
    """Where the sentence ``text[start:end]`` names ``stop`` (its name, place name or description), so a
    cue word can find its object; the sentence start when the stop is not named there."""
    sentence = text[start:end].casefold()
    names = [stop.name, stop.place.name if stop.place else "", stop.description or ""]
    found = [sentence.find(name.casefold()) for name in names if name]
    hits = [position for position in found if position >= 0]
    return start + min(hits) if hits else start


def classify(
    text: str,
    sentence_start: int,
    sentence_end: int,
    expr: TimeExpression,
    cues: TimeCues,
    published: Sequence[datetime],
) -> str | None:
    """What a time expression says about the journey: "depart", "arrive", "present", "arrive_by", "on_leg",
    "min_duration", or None when it dates something else (a report, a past event, a talk).

    The cue nearest the expression in its own clause decides (then the nearest in the sentence), so in
    "Putin left Moscow on Friday and arrived in Kazan on Sunday" Friday is the departure and Sunday the
    arrival, and "the ministry announced on Saturday" only dates an announcement; a reporting verb counts
    only inside the expression's clause (", KCNA said." attributes the whole sentence).
    """
    sentence = text[sentence_start:sentence_end].lower()
    offset = expr.start - sentence_start
    length = expr.end - expr.start
    if expr.kind == "duration":
        if expr.bound == "max" or not _find(sentence, cues.anchor_cues.get("journey_duration", ())):
            return None
        return "min_duration"
    if not _relevant(expr, cues, published):
        return None
    if _is_event_date(text[sentence_start:sentence_end], offset, length, cues):
        return "arrive_by"
    best: tuple[int, str] | None = None
    for kind, words in (
        ("depart", cues.anchor_cues.get("depart", ())),
        ("present", cues.anchor_cues.get("present", ())),
        ("arrive", cues.anchor_cues.get("arrive", ())),
        ("on_leg", cues.anchor_cues.get("on_leg", ())),
        ("report", cues.anchor_cues.get("report_verbs", ())),
    ):
        for position, phrase in _find(sentence, words):
            before = position < offset
            distance = offset - (position + len(phrase)) if before else position - (offset + length)
            end = position + len(phrase)
            gap = sentence[end:offset] if before else sentence[offset + length : position]
            crosses_clause = any(brk in gap for brk in cues.clause_breaks)
            if kind == "report" and crosses_clause:
                continue
            if crosses_clause:
                distance += len(sentence)  # a cue in the expression's own clause beats any in another
            if best is None or distance < best[0]:
                best = (distance, kind)
    if best is None or best[1] == "report":
        return None
    return best[1]


def _relevant(expr: TimeExpression, cues: TimeCues, published: Sequence[datetime]) -> bool:
    """A dated expression can anchor this journey only if it lies near the articles' publication dates."""
    if expr.earliest is None or expr.latest is None or not published:
        return False
    margin_hours = cues.relevance_days * 24.0
    lo = min(_hours(p) for p in published) - margin_hours
    hi = max(_hours(p) for p in published) + margin_hours
    return lo <= _hours(expr.earliest) and _hours(expr.latest) <= hi


def _is_event_date(original: str, offset: int, length: int, cues: TimeCues) -> bool:
    """"the Feb. 27-28 summit", "Sunday's talks", "the June 7 Moscow forum", or "the summit will be held
    ... on February 27 and 28"; not "arrived on Tuesday ahead of talks" (the date belongs to the arrival)."""
    events = cues.anchor_cues.get("event", ())
    sentence = original.lower()
    tokens = re.findall(r"[\w'’-]+", original[offset + length :])[:2]
    if tokens and tokens[0].lower() in events:
        return True
    if len(tokens) == 2 and tokens[1].lower() in events and tokens[0][0].isupper():
        return True
    before = sentence[:offset]
    hits = _find(before, events)
    if not hits:
        return False
    position, phrase = max(hits)
    between = before[position + len(phrase) :]
    if _find(between, cues.anchor_cues.get("report_verbs", ())):
        return False
    return bool(_find(between, cues.anchor_cues.get("event_verbs", ())))


def _find(text: str, phrases: Iterable[str]) -> list[tuple[int, str]]:
    """(offset, phrase) of each whole-word occurrence of the phrases in lower-cased ``text``."""
    hits: list[tuple[int, str]] = []
    for phrase in phrases:
        for match in re.finditer(rf"(?<![\w]){re.escape(phrase.lower())}(?![\w])", text):
            hits.append((match.start(), phrase.lower()))
    return hits


def _anchor(
    kind: str,
    expr: TimeExpression,
    evidence: _Evidence,
    itinerary: Itinerary,
    route: Route,
    chain: _Chain,
    cues: TimeCues,
    fallback_zone: Zone,
) -> _Candidate | None:
    article = evidence.article
    quote = Quote(
        text=article.text[evidence.start : evidence.end], article=article.id, publisher=article.publisher,
        start=evidence.start, end=evidence.end,
    )
    base = Anchor(kind=kind, expression=expr.text, quote=quote)
    if kind == "min_duration":
        return _duration_anchor(base, expr, evidence, itinerary, route, chain, cues)
    if kind == "arrive_by":
        if not route.stops:
            return None
        last = route.stops[-1]
        window = window_in_zone(expr, _stop_zone(last) or fallback_zone)
        assert window is not None
        anchor = replace(base, stop=last.seq, latest=window[0])
        point = chain.stop_arrive.get(last.seq)
        constraint = None if point is None else _Constraint(bounds=((point, -INF, _hours(window[0])),))
        return _Candidate(anchor, constraint, _width(window))
    if kind == "on_leg":
        return _leg_anchor(base, expr, evidence, itinerary, route, chain, cues, fallback_zone)
    stop_seq = _stop_for_cue(kind, evidence, expr, cues)
    if stop_seq is None:
        return None
    stop = next((s for s in route.stops if s.seq == stop_seq), None)
    window = window_in_zone(expr, _stop_zone(stop) or fallback_zone)
    assert window is not None
    anchor = replace(base, stop=stop_seq, earliest=window[0], latest=window[1])
    lo, hi = _hours(window[0]), _hours(window[1])
    if kind == "depart":
        point = chain.stop_depart.get(stop_seq)
        constraint = None if point is None else _Constraint(bounds=((point, lo, hi),))
    elif kind == "arrive" and stop_seq in chain.stop_arrive:
        constraint = _Constraint(bounds=((chain.stop_arrive[stop_seq], lo, hi),))
    else:
        bounds = []
        if stop_seq in chain.stop_arrive:
            bounds.append((chain.stop_arrive[stop_seq], -INF, hi))
        if stop_seq in chain.stop_depart:
            bounds.append((chain.stop_depart[stop_seq], lo, INF))
        constraint = _Constraint(bounds=tuple(bounds)) if bounds else None
    return _Candidate(anchor, constraint, _width(window))


def _stop_for_cue(kind: str, evidence: _Evidence, expr: TimeExpression, cues: TimeCues) -> int | None:
    """The stop a departure or sighting is about: the first stop quoted after the cue word (its object),
    else the stop quoted nearest the expression."""
    if not evidence.stops:
        return None
    text = evidence.article.text[evidence.start : evidence.end].lower()
    hits = _find(text, cues.anchor_cues.get(kind, ()))
    offset = expr.start - evidence.start
    if hits:
        position, phrase = min(hits, key=lambda h: abs(h[0] - offset))
        cue_end = evidence.start + position + len(phrase)
        after = [seq for seq, start in evidence.stops if start >= cue_end]
        if after:
            return after[0]
    return min(evidence.stops, key=lambda p: abs(p[1] - expr.start))[0]


def _hop_stops(itinerary: Itinerary, index: int) -> tuple[int, int] | None:
    if index + 1 >= len(itinerary.stops):
        return None
    return itinerary.stops[index].seq, itinerary.stops[index + 1].seq


def _hop_legs(route: Route, start_stop: int, end_stop: int) -> list[Leg]:
    """The legs from the one leaving ``start_stop`` to the one reaching ``end_stop``."""
    legs = sorted(route.legs, key=lambda leg: leg.seq)
    first = next((i for i, leg in enumerate(legs) if leg.from_stop == start_stop), None)
    last = next((i for i, leg in enumerate(legs) if leg.to_stop == end_stop), None)
    if first is None or last is None or last < first:
        return []
    return legs[first : last + 1]


def _sentence_mode(sentence: str, cues: TimeCues) -> str | None:
    hits = [(pos, mode) for mode, words in cues.mode_words.items() for pos, _ in _find(sentence, words)]
    return min(hits)[1] if hits else None


def _leg_anchor(
    base: Anchor,
    expr: TimeExpression,
    evidence: _Evidence,
    itinerary: Itinerary,
    route: Route,
    chain: _Chain,
    cues: TimeCues,
    fallback_zone: Zone,
) -> _Candidate | None:
    """A leg expected on a date ("ban traffic on the road ... on Feb. 26"): the hop whose mode the sentence
    names, between stops it quotes; the anchor asks that hop's legs of that mode to lie within the date."""
    sentence = evidence.article.text[evidence.start : evidence.end].lower()
    mode = _sentence_mode(sentence, cues)
    quoted = {seq for seq, _ in evidence.stops}
    best: tuple[int, int] | None = None
    for index, hop in enumerate(itinerary.hops):
        ends = _hop_stops(itinerary, index)
        if ends is None:
            continue
        score = (2 if index in evidence.hops else 0) + sum(seq in quoted for seq in ends)
        score += 2 if mode is not None and hop.mode == mode else 0
        if score > 0 and (best is None or score > best[0]):
            best = (score, index)
    if best is None:
        return None
    hop = itinerary.hops[best[1]]
    ends = _hop_stops(itinerary, best[1])
    assert ends is not None
    legs = [leg for leg in _hop_legs(route, *ends) if leg.mode == hop.mode] or _hop_legs(route, *ends)
    if not legs:
        anchor = replace(base, stop=ends[0])
        return _Candidate(anchor, None, INF)
    zone = legs[0].start_timezone or _stop_zone(_stop(route, ends[0])) or fallback_zone
    window = window_in_zone(expr, zone)
    assert window is not None
    anchor = replace(base, stop=ends[0], leg=legs[0].seq, earliest=window[0], latest=window[1])
    constraint = _Constraint(
        bounds=(
            (chain.leg_depart[legs[0].seq], _hours(window[0]), INF),
            (chain.leg_arrive[legs[-1].seq], -INF, _hours(window[1])),
        )
    )
    return _Candidate(anchor, constraint, _width(window))


def _duration_anchor(
    base: Anchor,
    expr: TimeExpression,
    evidence: _Evidence,
    itinerary: Itinerary,
    route: Route,
    chain: _Chain,
    cues: TimeCues,
) -> _Candidate | None:
    """"It could take him at least two and a half days": a minimum for the run of legs in the sentence's mode
    (the quoted hop's run, else the longest run of that mode)."""
    if expr.duration_hours is None:
        return None
    sentence = evidence.article.text[evidence.start : evidence.end].lower()
    hop_modes = [itinerary.hops[i].mode for i in evidence.hops]
    mode = _sentence_mode(sentence, cues) or (hop_modes[0] if hop_modes else None)
    if mode is None:
        return None
    legs = sorted(route.legs, key=lambda leg: leg.seq)
    runs: list[list[Leg]] = []
    previous_matched = False
    for leg in legs:
        if leg.mode == mode and previous_matched:
            runs[-1].append(leg)
        elif leg.mode == mode:
            runs.append([leg])
        previous_matched = leg.mode == mode
    if not runs:
        return None
    hop_leg_seqs = {
        leg.seq
        for i in evidence.hops
        if (ends := _hop_stops(itinerary, i))
        for leg in _hop_legs(route, *ends)
    }
    chosen = next((run for run in runs if hop_leg_seqs & {leg.seq for leg in run}), None)
    run = chosen or max(runs, key=lambda r: sum(leg.distance_km for leg in r))
    first, last = chain.leg_depart[run[0].seq], chain.leg_arrive[run[-1].seq]
    anchor = replace(base, leg=run[0].seq, duration_hours=expr.duration_hours,
                     note=f"{mode} legs {run[0].seq}–{run[-1].seq}")
    return _Candidate(anchor, _Constraint(min_span=(first, last, expr.duration_hours)), expr.duration_hours)


def _stop(route: Route, seq: int) -> Stop | None:
    return next((s for s in route.stops if s.seq == seq), None)


# --- propagation ----------------------------------------------------------------------------------------


def _apply(chain: _Chain, candidates: Sequence[_Candidate]) -> tuple[list[float], list[float], list[Anchor]]:
    """Add anchors one at a time (departures first, narrow before wide); keep each that leaves every instant a
    possible time, reject the others with the reason."""
    accepted: list[_Constraint] = []
    lo, hi = _propagate(chain, accepted)
    assert lo is not None and hi is not None
    anchors: list[Anchor] = []
    for candidate in candidates:
        anchor = candidate.anchor
        if candidate.constraint is None:
            why = _join(anchor.note, "not on the routed journey")
            anchors.append(replace(anchor, satisfied=False, note=why))
            continue
        trial_lo, trial_hi = _propagate(chain, [*accepted, candidate.constraint])
        if trial_lo is None or trial_hi is None:
            why = _conflict(chain, [*accepted, candidate.constraint])
            anchors.append(replace(anchor, satisfied=False, note=_join(anchor.note, why)))
            continue
        accepted.append(candidate.constraint)
        lo, hi = trial_lo, trial_hi
        anchors.append(replace(anchor, satisfied=True))
    return lo, hi, anchors


def _propagate(
    chain: _Chain, constraints: Sequence[_Constraint]
) -> tuple[list[float] | None, list[float] | None]:
    """Tightest [earliest, latest] (hours) for every instant, or (None, None) if some instant has none."""
    n = len(chain.labels)
    lo, hi = [-INF] * n, [INF] * n
    for constraint in constraints:
        for k, low, high in constraint.bounds:
            lo[k], hi[k] = max(lo[k], low), min(hi[k], high)
    spans = [c.min_span for c in constraints if c.min_span is not None]
    for _ in range(4 * n + 4):
        before = (list(lo), list(hi))
        for k in range(n - 1):
            lo[k + 1] = max(lo[k + 1], lo[k] + chain.gap_min[k])
            hi[k + 1] = min(hi[k + 1], hi[k] + chain.gap_max[k])
        for k in reversed(range(n - 1)):
            hi[k] = min(hi[k], hi[k + 1] - chain.gap_min[k])
            lo[k] = max(lo[k], lo[k + 1] - chain.gap_max[k])
        for a, b, hours in spans:
            lo[b] = max(lo[b], lo[a] + hours)
            hi[a] = min(hi[a], hi[b] - hours)
        if any(lo[k] > hi[k] + _EPS_HOURS for k in range(n)):
            return None, None
        if (lo, hi) == before:
            break
    return lo, hi


def _conflict(chain: _Chain, constraints: Sequence[_Constraint]) -> str:
    """Say which instant the anchor would leave without a possible time."""
    n = len(chain.labels)
    lo, hi = [-INF] * n, [INF] * n
    for constraint in constraints:
        for k, low, high in constraint.bounds:
            lo[k], hi[k] = max(lo[k], low), min(hi[k], high)
    for _ in range(2 * n + 2):
        for k in range(n - 1):
            lo[k + 1] = max(lo[k + 1], lo[k] + chain.gap_min[k])
        for a, b, hours in (c.min_span for c in constraints if c.min_span is not None):
            lo[b] = max(lo[b], lo[a] + hours)
    for k in range(n):
        if lo[k] > hi[k] + _EPS_HOURS:
            zone = chain.zones[k]
            return (
                f"conflicts with the other stated times and the speed model: the {chain.labels[k]} could not "
                f"be before {_fmt(lo[k], zone)} but would have to be by {_fmt(hi[k], zone)}"
            )
    return "conflicts with the other stated times and the speed model"


def _likely(chain: _Chain, lo: list[float], hi: list[float], accepted: Sequence[_Candidate]) -> list[float]:
    """Most likely instants: from the first bounded instant (its window's middle), forward at likely speeds
    and backward before it, each clamped into its window."""
    n = len(chain.labels)
    likely = [math.nan] * n
    start = next((k for k in range(n) if math.isfinite(lo[k]) or math.isfinite(hi[k])), None)
    if start is None:
        return likely
    first_lo, first_hi = lo[start], hi[start]
    likely[start] = (first_lo + first_hi) / 2 if math.isfinite(first_lo + first_hi) else (
        first_lo if math.isfinite(first_lo) else first_hi
    )
    spans = [c.constraint.min_span for c in accepted if c.constraint and c.constraint.min_span]
    for k in range(start, n - 1):
        value = likely[k] + chain.gap_likely[k]
        for a, b, hours in spans:
            if b == k + 1 and math.isfinite(likely[a]):
                value = max(value, likely[a] + hours)
        likely[k + 1] = min(max(value, lo[k + 1]), hi[k + 1])
    for k in reversed(range(start)):
        likely[k] = min(max(likely[k + 1] - chain.gap_likely[k], lo[k]), hi[k])
    return likely


def _check_likely(anchor: Anchor, candidate: _Candidate, likely: list[float]) -> Anchor:
    """Say in the note how the most likely times sit against a satisfied anchor."""
    if not anchor.satisfied or candidate.constraint is None:
        return anchor
    constraint = candidate.constraint
    if constraint.min_span is not None:
        a, b, hours = constraint.min_span
        took = likely[b] - likely[a]
        text = f"likely {took:.1f} h against at least {hours:g} h" if math.isfinite(took) else ""
        return replace(anchor, note=_join(anchor.note, text))
    inside = all(
        math.isfinite(likely[k]) and low - _EPS_HOURS <= likely[k] <= high + _EPS_HOURS
        for k, low, high in constraint.bounds
    )
    text = "the likely times fall within it" if inside else "possible within the windows"
    return replace(anchor, note=_join(anchor.note, text))


# --- output ---------------------------------------------------------------------------------------------


def _window(lo: float, likely: float, hi: float, zone: Zone) -> TimeWindow:
    tz = _tz(zone)
    return TimeWindow(
        earliest=_datetime(lo, tz) if math.isfinite(lo) else None,
        likely=_datetime(likely, tz) if math.isfinite(likely) else None,
        latest=_datetime(hi, tz) if math.isfinite(hi) else None,
    )


def _basis(chain: _Chain, anchors: Sequence[Anchor], likely: list[float]) -> str:
    kept = [a for a in anchors if a.satisfied]
    if not any(math.isfinite(v) for v in likely):
        return (
            f"No stated time could be tied to the journey ({len(anchors)} found), so only durations between "
            "instants are known, not clock times."
        )
    start = next((a for a in kept if a.kind == "depart"), kept[0] if kept else None)
    origin = f"the stated “{start.expression}” ({start.kind})" if start else "the stated times"
    return (
        f"Propagated from {origin} over {len(chain.leg_depart)} legs at the minimum/likely/maximum speeds of "
        f"the speed model by mode and country, with border and stop dwell times, then narrowed to honour "
        f"{len(kept)} of {len(anchors)} stated times."
    )


def _join(*parts: str) -> str:
    return "; ".join(p for p in parts if p)


def _hours(moment: datetime) -> float:
    return moment.timestamp() / 3600.0


def _datetime(hours: float, tz: tzinfo) -> datetime:
    return datetime.fromtimestamp(round(hours * 3600.0), tz=tz)


def _tz(zone: Zone) -> tzinfo:
    if not zone:
        return UTC
    if isinstance(zone, tzinfo):
        return zone
    try:
        return ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise DataError(f"unknown time zone {zone!r}") from exc


def _fmt(hours: float, zone: Zone) -> str:
    if not math.isfinite(hours):
        return "unbounded"
    return _datetime(hours, _tz(zone)).strftime("%Y-%m-%d %H:%M %z")


def _width(window: tuple[datetime, datetime]) -> float:
    return _hours(window[1]) - _hours(window[0])


__all__ = ["classify", "estimate_timing"]
