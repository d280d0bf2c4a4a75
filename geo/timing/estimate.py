"""When the traveller was where: one timeline that every statement of every article constrains.

The journey is a chain of instants: the departure of each leg and its arrival, with a stop's dwell between an
arrival and the next departure. Every statement becomes a constraint on those instants, read from the parse:

* a time expression tied to one of the traveller's movement events (``Stop.events``; "left X on Saturday
  afternoon" → the departure from X, "arrived in Y late that night" → the arrival at Y); a clock time pins its
  instant to the statement's precision;
* a live-blog entry's stamp, for what the entry reports as just happened;
* what an article reports as past happened before it was published; what it reports as still to come, after;
* stated durations ("a trip that lasted more than 60 hours", "halted for about half an hour at X") and speeds
  ("an average speed of around 35 mph") bound the legs or the stop they describe;
* a dated event at the destination ("the Feb. 27-28 summit") and a closure of the traveller's road on a date;
* an editor's pinned times (``Itinerary.pins``), before anything else.

The constraints form a simple temporal network (``_Network``: the tightest bounds between every pair of
instants, kept exact under each addition). Statements are added strongest first — the editor's pins, then
reported times (narrowest first), reports-before-publication, stated durations — and each that would leave
some instant with no possible time is refused and says why. The speed and dwell model of
``data/speeds.json`` then narrows each gap where it agrees with what is stated (where it does not, the
statements win and ``Timing.notes`` says so), and last come the weak statements: plans, expectations and
writers' estimates. Because every accepted statement only removes possibilities, a further report that agrees
with the others can only keep or narrow each window.

The likely instants are then chosen inside the windows: stated clock times and narrow windows first, the gaps
between them shared out by the speed model.

Instants are hours since the first article's publication (UTC) and are shown in the zone of the place they
happen in.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta, tzinfo

from geo.model import (
    Anchor,
    Article,
    Event,
    EventStatus,
    Itinerary,
    Leg,
    Mention,
    PlaceRelation,
    Quote,
    ReportedDistance,
    Route,
    Stop,
    TimeWindow,
    Timing,
)
from geo.reading.parse import ParsedText
from geo.reading.quantities import Quantity, QuantityWords, default_quantity_words, find_quantities
from geo.reading.text import fold
from geo.reading.timeexpr import (
    TimeCues,
    TimeExpression,
    default_cues,
    find_time_expressions,
    likely_in_zone,
    on_day,
    publication_end,
    verb_tense,
    window_in_zone,
    zone_of,
)
from geo.timing.speeds import Range, SpeedModel

INF = math.inf
Zone = str | tzinfo | None
"""An IANA zone name, a fixed offset (an article's publication), or None for UTC."""
_EPS = 1e-6
POINT_WIDTH_HOURS = 12.0
"""A stated window at most this wide also gives a likely instant (its middle)."""
STAMP_LEAD_HOURS = 1.0
"""A live-blog entry saying something has just happened ("has arrived") reports the hour before its stamp."""
MAX_RANGE_DAYS = 7
"""A date range wider than this ("last week", "in February") says too little to bound an instant."""
TIER_PIN, TIER_STATED, TIER_REPORTED, TIER_DURATION, TIER_WEAK = 0, 1, 2, 3, 5
_TIER_MODEL = 4
FOCUS_DAY_WIDTH = 12.0
"""How much less sure a clock time read on the day in focus is than one with its own date (in hours of
window, for the order statements are applied in): after the dated clock times, before a weekday alone."""


# --- the network of instants ------------------------------------------------------------------------------


class _Network:
    """Tightest bounds between instants: ``d[i][j]`` is the most ``t_j − t_i`` can be (hours); node 0 is the
    reference instant (hour 0), so ``−d[k][0] ≤ t_k ≤ d[0][k]``. Each addition keeps every bound exact."""

    def __init__(self, size: int) -> None:
        self.n = size
        self.d = [[0.0 if i == j else INF for j in range(size)] for i in range(size)]

    def copy(self) -> _Network:
        other = _Network.__new__(_Network)
        other.n = self.n
        other.d = [row[:] for row in self.d]
        return other

    def window(self, node: int) -> tuple[float, float]:
        return -self.d[node][0], self.d[0][node]

    def span(self, a: int, b: int) -> tuple[float, float]:
        """The least and most ``t_b − t_a`` can be."""
        return -self.d[b][a], self.d[a][b]

    def admits(self, bounds: Iterable[tuple[int, int, float, float]]) -> bool:
        trial = self.copy()
        return all(trial.add(*b) for b in bounds)

    def add(self, a: int, b: int, lo: float, hi: float) -> bool:
        """Require ``lo ≤ t_b − t_a ≤ hi``; False (and the network left as it was) if that is impossible."""
        if hi < INF and self.d[b][a] + hi < -_EPS:
            return False
        if lo > -INF and self.d[a][b] - lo < -_EPS:
            return False
        if hi < INF:
            self._tighten(a, b, hi)
        if lo > -INF:
            if self.d[a][b] - lo < -_EPS:
                return False
            self._tighten(b, a, -lo)
        return True

    def _tighten(self, u: int, v: int, w: float) -> None:
        d = self.d
        if w >= d[u][v]:
            return
        n = self.n
        col_u = [d[i][u] for i in range(n)]
        row_v = d[v]
        for i in range(n):
            du = col_u[i]
            if du == INF:
                continue
            base = du + w
            row_i = d[i]
            for j in range(n):
                value = base + row_v[j]
                if value < row_i[j]:
                    row_i[j] = value


# --- the chain ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Chain:
    """The instants of the journey in order and the gaps between them (hours)."""

    labels: tuple[str, ...]
    zones: tuple[Zone, ...]
    gaps: tuple[Range, ...]
    """The speed model's (min, likely, max) hours of each gap, with its source."""
    hard_min: tuple[float, ...]
    gap_names: tuple[str, ...]
    leg_depart: dict[int, int]
    leg_arrive: dict[int, int]
    stop_arrive: dict[int, int]
    stop_depart: dict[int, int]
    legs: tuple[Leg, ...]
    stop_order: tuple[int, ...]


def _node(k: int) -> int:
    return k + 1


def _build_chain(
    route: Route, speeds: SpeedModel, fallback_zone: Zone, lengths: Mapping[int, float]
) -> _Chain:
    """Instants: for each leg its departure and arrival; between legs, a stop's dwell when the leg ends at a
    stop, otherwise none (a border's formalities are part of the crossing leg's duration)."""
    legs = tuple(sorted(route.legs, key=lambda leg: leg.seq))
    stops = {s.seq: s for s in route.stops}
    labels: list[str] = []
    zones: list[Zone] = []
    gaps: list[Range] = []
    hard: list[float] = []
    names: list[str] = []
    leg_depart: dict[int, int] = {}
    leg_arrive: dict[int, int] = {}
    stop_arrive: dict[int, int] = {}
    stop_depart: dict[int, int] = {}
    for i, leg in enumerate(legs):
        if i > 0:
            at_stop = legs[i - 1].to_stop if legs[i - 1].to_stop is not None else leg.from_stop
            dwell = speeds.stop_dwell if at_stop is not None else Range(0.0, 0.0, 0.0, "no stop")
            gaps.append(dwell)
            hard.append(0.0)
            names.append(f"the stop at {leg.start}" if at_stop is not None else f"the change at {leg.start}")
        leg_depart[leg.seq] = len(labels)
        if leg.from_stop is not None and leg.from_stop not in stop_depart:
            stop_depart[leg.from_stop] = len(labels)
        labels.append(f"departure from {leg.start}")
        zones.append(leg.start_timezone or _stop_zone(stops.get(leg.from_stop or -1)) or fallback_zone)
        estimated = _leg_hours(leg, leg.distance_km, speeds)
        stated_km = lengths.get(leg.seq)
        gaps.append(estimated if stated_km is None else _stated_leg_hours(leg, stated_km, estimated, speeds))
        hard.append(speeds.hard_min_hours(leg.mode, min(leg.distance_km, stated_km or leg.distance_km)))
        names.append(f"the {'crossing' if leg.kind == 'crossing' else 'leg'} {leg.start} → {leg.end}")
        leg_arrive[leg.seq] = len(labels)
        if leg.to_stop is not None:
            stop_arrive[leg.to_stop] = len(labels)
        labels.append(f"arrival at {leg.end}")
        zones.append(leg.end_timezone or _stop_zone(stops.get(leg.to_stop or -1)) or fallback_zone)
    for seq, k in list(stop_arrive.items()) + list(stop_depart.items()):
        zone = _stop_zone(stops.get(seq))
        if zone:
            zones[k] = zone
    if route.stops:
        stop_arrive.pop(route.stops[0].seq, None)
        stop_depart.pop(route.stops[-1].seq, None)
    return _Chain(
        labels=tuple(labels), zones=tuple(zones), gaps=tuple(gaps), hard_min=tuple(hard),
        gap_names=tuple(names),
        leg_depart=leg_depart, leg_arrive=leg_arrive, stop_arrive=stop_arrive, stop_depart=stop_depart,
        legs=legs, stop_order=tuple(s.seq for s in route.stops),
    )  # fmt: skip


def _leg_hours(leg: Leg, km: float, speeds: SpeedModel) -> Range:
    """(min, likely, max) hours for a leg: distance at (max, likely, min) speed, plus border dwell."""
    crossing = leg.kind == "crossing"
    speed = speeds.leg_speed(leg.mode, leg.countries, crossing=crossing)
    dwell = speeds.border_dwell(leg.mode, leg.countries) if crossing else Range(0.0, 0.0, 0.0, "")
    km = max(km, 0.0)
    source = "; ".join(s for s in (speed.source, dwell.source) if s)
    return Range(
        km / speed.max + dwell.min, km / speed.likely + dwell.likely, km / speed.min + dwell.max, source
    )


def _stated_leg_hours(leg: Leg, km: float, estimated: Range, speeds: SpeedModel) -> Range:
    """A leg whose length an article states: the likely hours at that length, within the range both lengths
    allow (so a stated length only narrows what the estimated one allowed); the stated length's own range
    when the two do not meet."""
    stated = _leg_hours(leg, km, speeds)
    low, high = max(stated.min, estimated.min), min(stated.max, estimated.max)
    if low > high:
        return stated
    likely = min(max(stated.likely, low), high)
    return Range(low, likely, high, f"{stated.source}; length as stated ({km:.0f} km)")


def _stop_zone(stop: Stop | None) -> str | None:
    return stop.place.timezone if stop is not None and stop.place is not None else None


def _fallback_zone(articles: Sequence[Article]) -> Zone:
    """The zone (or fixed offset) of the first article's publication, else UTC, for places with none."""
    for article in articles:
        if article.published.tzinfo is not None:
            return article.published.tzinfo
    return UTC


# --- what the articles say ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Reading:
    article: Article
    parsed: ParsedText
    expressions: tuple[TimeExpression, ...]
    quantities: tuple[Quantity, ...]


@dataclass(frozen=True)
class _Fact:
    """One of the traveller's events at one stop."""

    stop: int
    relation: PlaceRelation
    event: Event


@dataclass
class _Context:
    readings: dict[str, _Reading]
    route: Route
    chain: _Chain
    facts: list[_Fact]
    cues: TimeCues
    words: QuantityWords
    traveller: str
    fallback_zone: Zone
    origin_hours: float
    stops: dict[int, Stop] = field(default_factory=dict)
    lengths: dict[int, float] = field(default_factory=dict)
    event_tokens: dict[str, set[int]] = field(default_factory=dict)
    stop_tokens: dict[str, dict[int, tuple[int, PlaceRelation | None]]] = field(default_factory=dict)

    def rel(self, moment: datetime) -> float:
        return moment.timestamp() / 3600.0 - self.origin_hours

    def zone_of_stop(self, seq: int) -> Zone:
        return _stop_zone(self.stops.get(seq)) or self.fallback_zone


@dataclass(frozen=True)
class _Candidate:
    anchor: Anchor
    bounds: tuple[tuple[int, int, float, float], ...]
    tier: int
    width: float
    targets: tuple[tuple[int, float], ...] = ()
    order: int = 0
    alternatives: tuple[_Candidate, ...] = ()
    """Readings to try in turn when this one is refused (a clock time whose day the text leaves open)."""
    focus: bool = False
    """This reading is on the day the text last put in focus ("The journey began on Sunday 3 February. The
    aircraft left Rome at 1.27 p.m.")."""
    sigma: float = 1.0
    """How far (hours, one standard deviation) the likely time may sit from ``targets``."""
    span_prior: tuple[int, int, float, float] | None = None
    """(from instant, to instant, hours, sigma): a stated duration the likely times should keep."""
    end: tuple[str, int, float, float, float | None] | None = None
    """(kind, stop, earliest, latest, stated) of a stated arrival at the first stop or departure from the
    last, instants the journey's chain does not have: shown as stated, within what the chain allows."""


def estimate_timing(
    articles: Sequence[Article],
    parses: Mapping[str, ParsedText] | None,
    itinerary: Itinerary,
    route: Route,
    speeds: SpeedModel,
    *,
    cues: TimeCues | None = None,
    words: QuantityWords | None = None,
    times: Mapping[str, Sequence[TimeExpression]] | None = None,
    quantities: Mapping[str, Sequence[Quantity]] | None = None,
) -> Timing:
    """Arrival/departure windows at every stop and leg of ``route``, honouring the statements it can.

    ``parses`` holds each article's one parse by id (``geo.reading.parse.parse_articles``); an article
    missing from it is parsed here. ``times`` are the time expressions the reading already found with the
    default cues (``Reading.times``), so they are not read twice; they are ignored with other ``cues``.
    ``quantities`` likewise (``Reading.quantities``), ignored with other ``words``.
    """
    known = times if cues is None else None
    counted = quantities if words is None else None
    cues = cues or default_cues()
    words = words or default_quantity_words()
    readings = _readings(articles, parses, cues, words, known, counted)
    fallback_zone = _fallback_zone(articles)
    origin = min((a.published for a in articles), default=datetime(2000, 1, 1, tzinfo=UTC))
    stops = {s.seq: s for s in itinerary.stops}
    stops.update({s.seq: s for s in route.stops})
    facts = _facts(itinerary, route, readings, cues)
    draft = _build_chain(route, speeds, fallback_zone, {})
    ctx = _Context(
        readings,
        route,
        draft,
        facts,
        cues,
        words,
        itinerary.traveller,
        fallback_zone,
        origin.timestamp() / 3600.0,
        stops,
    )
    _index(ctx)
    distances, lengths = _distances(ctx)
    chain = _build_chain(route, speeds, fallback_zone, lengths) if lengths else draft
    ctx.chain, ctx.lengths = chain, lengths
    candidates = _candidates(ctx, itinerary)
    network, chosen, anchors, notes = _solve(chain, candidates, ctx)
    likely = _likely(chain, network, [c for c, a in zip(chosen, anchors, strict=True) if a.satisfied])
    anchors = [_check_likely(a, c, likely) for a, c in zip(anchors, chosen, strict=True)]
    n = len(chain.labels)
    windows = []
    for k in range(n):
        lo, hi = network.window(_node(k))
        windows.append(_window(ctx, lo, likely[k], hi, chain.zones[k]))
    ends = _end_windows(ctx, chain, network, likely, chosen, anchors)
    return Timing(
        stop_arrive={**{s: windows[k] for s, k in chain.stop_arrive.items()}, **ends["arrive"]},
        stop_depart={**{s: windows[k] for s, k in chain.stop_depart.items()}, **ends["depart"]},
        leg_depart={s: windows[k] for s, k in chain.leg_depart.items()},
        leg_arrive={s: windows[k] for s, k in chain.leg_arrive.items()},
        anchors=tuple(anchors),
        basis=_basis(chain, anchors, likely),
        reported_distances=tuple(distances),
        leg_distance_km=dict(lengths),
        notes=tuple(notes),
    )


def _end_windows(
    ctx: _Context, chain: _Chain, network: _Network, likely: Sequence[float],
    chosen: Sequence[_Candidate], anchors: Sequence[Anchor],
) -> dict[str, dict[int, TimeWindow]]:
    """The arrival at the first stop and the departure from the last, where an article states them: the
    statement's window, cut to what the journey allows (he arrived before he left, left after he came)."""
    out: dict[str, dict[int, TimeWindow]] = {"arrive": {}, "depart": {}}
    for candidate, anchor in zip(chosen, anchors, strict=True):
        if candidate.end is None or not anchor.satisfied:
            continue
        kind, stop, lo, hi, stated = candidate.end
        if kind == "arrive":
            k = chain.stop_depart[stop]
            hi = min(hi, network.window(_node(k))[1])
            middle = (lo + hi) / 2 if math.isfinite(hi) else lo
            guess = min(stated if stated is not None else middle, likely[k])
        else:
            k = chain.stop_arrive[stop]
            lo = max(lo, network.window(_node(k))[0])
            middle = (lo + hi) / 2 if math.isfinite(lo) else hi
            guess = max(stated if stated is not None else middle, likely[k])
        if stop not in out[kind]:  # candidates come strongest first: the strongest statement shows
            out[kind][stop] = _window(ctx, lo, min(max(guess, lo), hi), hi, chain.zones[k])
    return out


def distance_lines(timing: Timing, legs: Iterable[int] | None = None) -> list[str]:
    """One line per stretch the articles give a distance for, the route's length beside the reported ones:
    "route 3,880 km; reported: more than 3,000 kilometres, about 4,000 km". With ``legs`` (``Leg.seq``),
    only the stretch made of exactly those legs."""
    wanted = None if legs is None else tuple(sorted(legs))
    groups: dict[tuple[int, ...], list[ReportedDistance]] = {}
    for distance in timing.reported_distances:
        if wanted is None or tuple(sorted(distance.legs)) == wanted:
            groups.setdefault(distance.legs, []).append(distance)
    lines = []
    for found in groups.values():
        said = ", ".join(dict.fromkeys(d.expression for d in found))
        lines.append(f"route {found[0].route_km:,.0f} km; reported: {said}")
    return lines


def with_stated_distances(route: Route, timing: Timing) -> Route:
    """``route`` with the road legs whose length an article states set to that length (and not approximate),
    so the journey shows the distance the timing used."""
    if not timing.leg_distance_km:
        return route
    legs = []
    for leg in route.legs:
        km = timing.leg_distance_km.get(leg.seq)
        if km is None:
            legs.append(leg)
            continue
        why = f"Distance as an article states it ({km:.0f} km), not the estimate ({leg.distance_km:.0f} km)."
        reason = f"{leg.reason} {why}".strip()
        legs.append(replace(leg, distance_km=km, approximate=False, reason=reason))
    return replace(route, legs=tuple(legs))


def _readings(
    articles: Sequence[Article],
    parses: Mapping[str, ParsedText] | None,
    cues: TimeCues,
    words: QuantityWords,
    times: Mapping[str, Sequence[TimeExpression]] | None = None,
    quantities: Mapping[str, Sequence[Quantity]] | None = None,
) -> dict[str, _Reading]:
    missing = [a for a in articles if parses is None or a.id not in parses]
    parsed: dict[str, ParsedText] = dict(parses or {})
    if missing:
        from geo.reading.parse import parse_articles

        parsed.update(parse_articles(missing))
    out = {}
    for article in articles:
        p = parsed[article.id]
        found = times.get(article.id) if times is not None else None
        counted = quantities.get(article.id) if quantities is not None else None
        out[article.id] = _Reading(
            article,
            p,
            tuple(found) if found is not None else tuple(find_time_expressions(article, p, cues)),
            tuple(counted) if counted is not None else tuple(find_quantities(article, p, words)),
        )
    return out


# --- the traveller's events at each stop ----------------------------------------------------------------


def _facts(
    itinerary: Itinerary, route: Route, readings: Mapping[str, _Reading], cues: TimeCues
) -> list[_Fact]:
    """(stop, relation, event) for every event the reader put on a route stop. When the reader gave no stop
    any event, events are read here from the sentences quoted for the stops (the verb that governs each stop's
    name), so older readers and hand-built itineraries still get their times."""
    stops = list(route.stops)
    facts: list[_Fact] = []
    if any(stop.events for stop in stops):
        for stop in stops:
            for event in stop.events:
                relation = _relation_of(stop, event, cues)
                reading = readings.get(event.article)
                if reading is None or relation is None:
                    continue
                if relation == "to" and _purpose(reading.parsed, event, stop):
                    continue
                facts.append(_Fact(stop.seq, relation, event))
        return facts
    merged: dict[tuple[str, int], Event] = {}
    order: list[tuple[str, int, int]] = []
    for stop in stops:
        for quote in stop.quotes:
            reading = readings.get(quote.article)
            if reading is None:
                continue
            found = _event_from_quote(stop, quote, reading, itinerary.traveller, cues)
            if found is None:
                continue
            event = found
            key = (event.article, event.token)
            if key in merged:
                old = merged[key]
                if all(m.start != event.places[0][1].start for _, m in old.places):
                    merged[key] = replace(old, places=old.places + event.places)
            else:
                merged[key] = event
            order.append((event.article, event.token, stop.seq))
    seen: set[tuple[str, int, int]] = set()
    for article, token, seq in order:
        if (article, token, seq) in seen:
            continue
        seen.add((article, token, seq))
        event = merged[(article, token)]
        relation = _relation_of(next(s for s in stops if s.seq == seq), event, cues)
        if relation is not None:
            facts.append(_Fact(seq, relation, event))
    return facts


def _relation_of(stop: Stop, event: Event, cues: TimeCues) -> PlaceRelation | None:
    """How the event relates to the stop: the relation of the place that is the stop; the only place's
    relation when the reader resolved it to the stop some other way; None when the event is about others,
    or only names the stop as where a departure heads ("left X for Y" says nothing of reaching Y)."""
    relation: PlaceRelation | None = None
    for candidate, mention in event.places:
        if _same_place(mention, stop):
            relation = candidate
            break
    else:
        if len(event.places) == 1:
            relation = event.places[0][0]
    if relation == "to" and event.lemma.casefold() in cues.depart_lemmas:
        return None
    return relation


def _purpose(p: ParsedText, event: Event, stop: Stop) -> bool:
    """The stop is only where the move is for ("got into a limousine for the drive to Kyiv", "boarded the
    train for Beijing"): a "for" stands between its name and the verb."""
    for _, mention in event.places:
        if not _same_place(mention, stop):
            continue
        for ancestor in p.ancestors(p.token_at(mention.start)):
            if ancestor == event.token:
                break
            if p.tokens[ancestor].lower == "for" and p.tokens[ancestor].pos == "ADP":
                return True
    return False


def _same_place(mention: Mention, stop: Stop) -> bool:
    if mention.place is not None and stop.place is not None:
        a, b = mention.place.geonameid, stop.place.geonameid
        if a is not None and a == b:
            return True
        if fold(mention.place.name) == fold(stop.place.name):
            return True
    names = {fold(stop.name), fold(stop.description or ""), fold(stop.place.name) if stop.place else ""} - {
        ""
    }
    return fold(mention.text) in names or (
        mention.description is not None and fold(mention.description) in names
    )


def _event_from_quote(
    stop: Stop, quote: Quote, reading: _Reading, traveller: str, cues: TimeCues
) -> Event | None:
    p = reading.parsed
    text = reading.article.text
    sentence = p.sentence(p.token_at(quote.start))
    start, end = max(quote.start, sentence.char_start), max(quote.end, sentence.char_end)
    lowered = text[start:end].casefold()
    names = [n for n in (stop.description, stop.name, stop.place.name if stop.place else None) if n]
    hits = [(lowered.find(n.casefold()), n) for n in names]
    hits = [(pos, n) for pos, n in hits if pos >= 0]
    if not hits:
        return None
    pos, name = min(hits)
    token = p.token_at(start + pos)
    relation: PlaceRelation | None = None
    node = token
    verb: int | None = None
    for ancestor in p.ancestors(token):
        t = p.tokens[ancestor]
        if t.pos in ("ADP", "SCONJ") and relation is None:
            word = t.lower
            if word in cues.from_prepositions:
                relation = "from"
            elif word in cues.to_prepositions:
                relation = "to"
            elif word in cues.via_prepositions:
                relation = "via"
        if t.pos == "VERB" or (t.pos == "AUX" and t.dep == "ROOT"):
            verb = ancestor
            break
        node = ancestor
    if verb is None:
        return None
    lemma = p.tokens[verb].lemma.casefold()
    if relation is None:
        direct = p.tokens[node].dep in ("dobj", "nsubj", "nsubjpass") or node == token
        if lemma in cues.depart_lemmas and direct and p.tokens[node].dep == "dobj":
            relation = "from"
        elif lemma in cues.arrive_lemmas:
            relation = "to"
        else:
            relation = "at"
    status = _status(p, verb, cues)
    mention = Mention(
        article=reading.article.id, text=text[start + pos : start + pos + len(name)], start=start + pos,
        end=start + pos + len(name), sentence_start=sentence.char_start, sentence_end=sentence.char_end,
        kind="descriptive" if name == stop.description else "name", place=stop.place,
        description=stop.description,
    )  # fmt: skip
    return Event(
        article=reading.article.id, token=verb, lemma=lemma, mover=traveller, mover_text="", status=status,
        places=((relation, mention),), mode=None, mode_text="", quote=quote,
        sentence_start=sentence.char_start, sentence_end=sentence.char_end,
    )  # fmt: skip


def _status(p: ParsedText, verb: int, cues: TimeCues) -> EventStatus:
    kids = [p.tokens[k] for k in p.children(verb)]
    if any(k.dep == "aux" and k.lower in ("could", "would", "might", "may") for k in kids):
        return "hypothetical"
    if verb_tense(p, verb, cues) == "future":
        return "planned"
    return "happened"


def _index(ctx: _Context) -> None:
    """Which tokens are the traveller's events, and where each stop is named, article by article."""
    for fact in ctx.facts:
        ctx.event_tokens.setdefault(fact.event.article, set()).add(fact.event.token)
        reading = ctx.readings.get(fact.event.article)
        if reading is None:
            continue
        for relation, mention in fact.event.places:
            if _same_place(mention, ctx.stops[fact.stop]) or len(fact.event.places) == 1:
                token = reading.parsed.token_at(mention.start)
                ctx.stop_tokens.setdefault(fact.event.article, {})[token] = (fact.stop, relation)
    for stop in ctx.route.stops:
        for quote in stop.quotes:
            reading = ctx.readings.get(quote.article)
            if reading is None:
                continue
            text = reading.article.text
            names = [n for n in (stop.name, stop.place.name if stop.place else None, stop.description) if n]
            p = reading.parsed
            sentence = p.sentence(p.token_at(quote.start))
            lowered = text[sentence.char_start : max(sentence.char_end, quote.end)].casefold()
            for name in names:
                at = lowered.find(name.casefold())
                if at >= 0:
                    token = p.token_at(sentence.char_start + at)
                    ctx.stop_tokens.setdefault(quote.article, {}).setdefault(token, (stop.seq, None))


# --- statements → candidates ----------------------------------------------------------------------------


def _candidates(ctx: _Context, itinerary: Itinerary) -> list[_Candidate]:
    found: list[_Candidate] = []
    found += _pins(ctx, itinerary)
    found += _event_times(ctx)
    found += _publication_bounds(ctx)
    found += _dated_events(ctx)
    found += _on_leg(ctx)
    found += _durations(ctx)
    ordered = [replace(c, order=i) for i, c in enumerate(found)]
    return sorted(ordered, key=lambda c: (c.tier, c.width, c.order))


def _pins(ctx: _Context, itinerary: Itinerary) -> list[_Candidate]:
    out = []
    for pin in itinerary.pins:
        instant = (ctx.chain.stop_arrive if pin.event == "arrive" else ctx.chain.stop_depart).get(pin.stop)
        quote = Quote(text=pin.note or "editor's correction", article="", publisher="editor", start=0, end=0)
        anchor = Anchor(
            kind=pin.event,
            expression=pin.at.isoformat(timespec="minutes"),
            quote=quote,
            earliest=pin.at,
            latest=pin.at,
            stop=pin.stop,
            likely=pin.at,
            by_editor=True,
            note="the editor's pinned time",
        )
        if instant is None:
            out.append(_Candidate(anchor, (), TIER_PIN, 0.0))
            continue
        at = ctx.rel(pin.at)
        out.append(_Candidate(anchor, ((0, _node(instant), at, at),), TIER_PIN, 0.0, ((instant, at),),
                              sigma=MIN_SIGMA_HOURS))
    return out


def _relevant(expr: TimeExpression, article: Article, cues: TimeCues) -> bool:
    """A dated expression can anchor this journey only if it lies near the article's publication date, is
    narrower than ``MAX_RANGE_DAYS`` and is no dateline."""
    if expr.first_date is None or expr.last_date is None or expr.dateline:
        return False
    if (expr.last_date - expr.first_date).days > MAX_RANGE_DAYS:
        return False
    return expr.relevant_to(article.published.date(), cues.relevance_days)


def _is_dated_event(expr: TimeExpression, p: ParsedText, cues: TimeCues) -> bool:
    """ "the Feb. 27-28 summit", "Sunday's talks", "the summit will be held … on February 27 and 28"."""
    if expr.attach is not None:
        attach = p.tokens[expr.attach]
        if attach.pos in ("NOUN", "PROPN") and attach.lemma.casefold() in cues.event_nouns:
            return True
    if expr.verb is not None:
        verb = p.tokens[expr.verb]
        if verb.lemma.casefold() in cues.event_verbs:
            subjects = [
                p.tokens[k] for k in p.children(expr.verb) if p.tokens[k].dep in ("nsubj", "nsubjpass")
            ]
            return any(s.lemma.casefold() in cues.event_nouns for s in subjects)
    return False


def _tied_event(expr: TimeExpression, p: ParsedText, events: set[int], cues: TimeCues) -> int | None:
    """The event the expression modifies: the first verb above its head, through a participle that hangs
    from a noun ("this photo taken on February 23") and into a "to …" complement ("is expected to arrive")."""
    verb = expr.verb
    seen: set[int] = set()
    while verb is not None and verb not in seen:
        seen.add(verb)
        if verb in events:
            return verb
        complements = [k for k in p.children(verb) if p.tokens[k].dep == "xcomp" and k in events]
        if len(complements) == 1:
            return complements[0]
        token = p.tokens[verb]
        if token.lemma.casefold() in cues.report_verbs or token.dep not in cues.transparent_deps:
            return None
        verb = next((a for a in p.ancestors(verb) if p.tokens[a].pos in ("VERB", "AUX")), None)
    return None


def _instants(ctx: _Context, stop: int, kind: str) -> tuple[int | None, int | None]:
    """(arrival, departure) instants at ``stop`` the statement bounds."""
    arrive = ctx.chain.stop_arrive.get(stop)
    depart = ctx.chain.stop_depart.get(stop)
    if kind == "arrive":
        return arrive, None
    if kind == "depart":
        return None, depart
    return arrive, depart


_KIND: Mapping[str, str] = {"to": "arrive", "from": "depart", "at": "present", "via": "present"}


def _kind(fact: _Fact, cues: TimeCues) -> str:
    """What the event's time bounds at its stop: "stopped at X", "halted at X" are arrivals there, "left
    from X" a departure, "was seen in X", "passed X" only presence."""
    kind = _KIND[fact.relation]
    if kind == "present" and fact.relation == "at":
        lemma = fact.event.lemma.casefold()
        if lemma in cues.arrive_lemmas:
            return "arrive"
        if lemma in cues.depart_lemmas:
            return "depart"
    return kind


def _event_times(ctx: _Context) -> list[_Candidate]:
    """Time expressions tied to the traveller's events, and live-blog stamps of the events they date."""
    out: list[_Candidate] = []
    for fact in ctx.facts:
        event = fact.event
        if event.status in ("denied", "hypothetical"):
            continue
        reading = ctx.readings[event.article]
        p = reading.parsed
        events = ctx.event_tokens.get(event.article, set())
        weak = event.status != "happened"
        kind = _kind(fact, ctx.cues)
        tied = [
            e for e in reading.expressions
            if not e.stamp
            and not e.dateline
            and not _is_dated_event(e, p, ctx.cues)
            and _tied_event(e, p, events, ctx.cues) == event.token
        ]  # fmt: skip
        for expr in tied:
            if not _relevant(expr, reading.article, ctx.cues):
                continue
            options = []
            for day in expr.day_options or (None,):
                option = _time_candidate(ctx, fact, on_day(expr, day), kind, weak)
                if option is not None and expr.day_options:
                    which = day.isoformat() if day else "the publication day"
                    note = f"no day written: read on {which}, the first day the other statements allow"
                    marked = replace(option.anchor, note=_join(option.anchor.note, note))
                    option = replace(option, anchor=marked)
                if option is not None:
                    options.append(option)
            if options:
                first = options[0]
                if len(options) == 1:
                    width = first.width
                elif expr.day_options[0] == expr.first_date:
                    width = first.width + FOCUS_DAY_WIDTH  # the day in focus, most likely the one meant
                else:
                    width = 24.0 * len(options)
                focus = bool(expr.day_options) and expr.day_options[0] == expr.first_date
                out.append(replace(first, width=width, alternatives=tuple(options[1:]), focus=focus))
        if not tied and not weak:
            stamp = _stamp_of(reading, event)
            if stamp is not None:
                candidate = _stamp_candidate(ctx, fact, stamp, kind, p)
                if candidate is not None:
                    out.append(candidate)
    return out


def _time_candidate(
    ctx: _Context, fact: _Fact, expr: TimeExpression, kind: str, weak: bool
) -> _Candidate | None:
    zone = ctx.zone_of_stop(fact.stop)
    window = window_in_zone(expr, zone)
    if window is None:
        return None
    stated = likely_in_zone(expr, zone)
    lo, hi = ctx.rel(window[0]), ctx.rel(window[1])
    side = expr.side
    if side in ("by", "before"):
        lo, hi = -INF, hi if side == "by" else lo
    elif side in ("after", "from"):
        lo, hi = lo if side == "from" else hi, INF
    arrive, depart = _instants(ctx, fact.stop, kind)
    if kind == "arrive" and arrive is None:
        depart = ctx.chain.stop_depart.get(fact.stop)  # the first stop: only its departure is on the journey
    if kind == "depart" and depart is None:
        arrive = ctx.chain.stop_arrive.get(fact.stop)
    bounds: list[tuple[int, int, float, float]] = []
    targets: list[tuple[int, float]] = []
    end: tuple[str, int, float, float, float | None] | None = None
    if kind == "present":
        if arrive is not None:
            bounds.append((0, _node(arrive), -INF, hi))
        if depart is not None:
            bounds.append((0, _node(depart), lo, INF))
        seen = arrive if arrive is not None else depart
        if seen is not None and side == "at" and hi - lo <= POINT_WIDTH_HOURS:
            targets.append((seen, ctx.rel(stated) if stated is not None else (lo + hi) / 2))
    else:
        instant = arrive if kind == "arrive" else depart
        if instant is not None:
            bounds.append((0, _node(instant), lo, hi))
            if side == "at" and stated is not None:
                targets.append((instant, ctx.rel(stated)))
            elif side == "at" and hi - lo <= POINT_WIDTH_HOURS:
                targets.append((instant, (lo + hi) / 2))
        elif kind == "arrive" and depart is not None and math.isfinite(lo):
            # the arrival at the first stop ("crossed into Russia at Khasan in the morning"): he left after it
            bounds.append((0, _node(depart), lo, INF))
            end = ("arrive", fact.stop, lo, hi, ctx.rel(stated) if stated is not None else None)
        elif kind == "depart" and arrive is not None and math.isfinite(hi):
            bounds.append((0, _node(arrive), -INF, hi))  # the departure from the last stop: he came before
            end = ("depart", fact.stop, lo, hi, ctx.rel(stated) if stated is not None else None)
    note = _side_note(side)
    if weak:
        note = _join(note, f"reported as {fact.event.status}, not as done: a weak bound")
    anchor = Anchor(
        kind=kind, expression=expr.text, quote=fact.event.quote, earliest=window[0] if lo > -INF else None,
        latest=window[1] if hi < INF and side != "before" else (window[0] if side == "before" else None),
        stop=fact.stop, likely=stated if side == "at" else None, weak=weak, note=note,
    )  # fmt: skip
    if not bounds:
        anchor = replace(anchor, note=_join(anchor.note, f"the stop has no {kind} on the routed journey"))
    if end is not None:
        where = "starts there, after it" if kind == "arrive" else "ends there, before it"
        anchor = replace(anchor, note=_join(anchor.note, f"the journey {where}"))
    width = hi - lo if math.isfinite(hi - lo) else 24.0 * 365
    return _Candidate(anchor, tuple(bounds), TIER_WEAK if weak else TIER_STATED, width, tuple(targets),
                      sigma=max(width / 4, MIN_SIGMA_HOURS), end=end)


def _side_note(side: str) -> str:
    return {
        "by": "at the latest by its end",
        "before": "before it",
        "after": "after it",
        "from": "from it on",
    }.get(side, "")


def _stamp_of(reading: _Reading, event: Event) -> TimeExpression | None:
    """The live-blog stamp above the event's sentence (the last stamp line before it)."""
    sentence = reading.parsed.tokens[event.token].sent
    stamps = [e for e in reading.expressions if e.stamp and e.sentence < sentence]
    if not stamps:
        return None
    stamp = max(stamps, key=lambda e: e.start)
    between = [e for e in reading.expressions if e.stamp and stamp.start < e.start < event.quote.start]
    return None if between else stamp


def _just_happened(p: ParsedText, verb: int) -> bool:
    """ "has arrived", "is pulling", "steps down", "Touchdown at Hamad International": the entry reports it
    as it happens or just after (a line that is only a noun of the move is a headline of the moment)."""
    token = p.tokens[verb]
    if token.pos in ("NOUN", "PROPN") and token.dep == "ROOT":
        return True
    kids = [p.tokens[k] for k in p.children(verb)]
    perfect = any(k.dep == "aux" and k.lemma == "have" and k.tag in ("VBZ", "VBP") for k in kids)
    progressive = token.tag == "VBG" and any(k.dep == "aux" and k.tag in ("VBZ", "VBP") for k in kids)
    return perfect or progressive or token.tag in ("VBZ", "VBP")


def _stamp_candidate(
    ctx: _Context, fact: _Fact, stamp: TimeExpression, kind: str, p: ParsedText
) -> _Candidate | None:
    window = window_in_zone(stamp, ctx.zone_of_stop(fact.stop))
    at = likely_in_zone(stamp, ctx.zone_of_stop(fact.stop))
    if window is None or at is None:
        return None
    arrive, depart = _instants(ctx, fact.stop, kind)
    stamp_hi = ctx.rel(window[1])
    just = _just_happened(p, fact.event.token)
    bounds: list[tuple[int, int, float, float]] = []
    targets: list[tuple[int, float]] = []
    end: tuple[str, int, float, float, float | None] | None = None
    if just:
        lo = ctx.rel(at) - STAMP_LEAD_HOURS
        instant = arrive if kind == "arrive" else depart if kind == "depart" else None
        first = ctx.chain.stop_depart.get(fact.stop) if kind == "arrive" and arrive is None else None
        last = ctx.chain.stop_arrive.get(fact.stop) if kind == "depart" and depart is None else None
        if instant is not None:
            bounds.append((0, _node(instant), lo, stamp_hi))
            targets.append((instant, ctx.rel(at)))
        elif first is not None:  # "has landed in Jeddah" at the first stop: he left after it
            bounds.append((0, _node(first), lo, INF))
            end = ("arrive", fact.stop, lo, stamp_hi, ctx.rel(at))
        elif last is not None:  # "has taken off from X" at the last stop: he came before it
            bounds.append((0, _node(last), -INF, stamp_hi))
            end = ("depart", fact.stop, lo, stamp_hi, ctx.rel(at))
        else:
            if arrive is not None:
                bounds.append((0, _node(arrive), -INF, stamp_hi))
            if depart is not None:
                bounds.append((0, _node(depart), lo, INF))
        note = f"a live-blog entry stamped {stamp.text} reports it as just done: within the hour before"
        earliest: datetime | None = at - timedelta(hours=STAMP_LEAD_HOURS)
    else:
        instant = arrive if kind == "arrive" else depart if kind == "depart" else arrive
        if instant is not None:
            bounds.append((0, _node(instant), -INF, stamp_hi))
        note = f"reported in the live-blog entry stamped {stamp.text}: by then"
        earliest = None
    anchor = Anchor(
        kind=kind,
        expression=stamp.text,
        quote=fact.event.quote,
        earliest=earliest,
        latest=window[1],
        stop=fact.stop,
        likely=at if just and targets else None,
        note=note,
    )
    tier = TIER_STATED if just else TIER_REPORTED
    return _Candidate(anchor, tuple(bounds), tier, STAMP_LEAD_HOURS if just else 24.0, tuple(targets),
                      sigma=STAMP_LEAD_HOURS / 4, end=end)


def _publication_bounds(ctx: _Context) -> list[_Candidate]:
    """What an article reports as done happened before it was published; what it reports as still to come
    (in the present or future tense) happens after. One bound per instant: the earliest report."""
    before: dict[int, tuple[datetime, _Fact]] = {}
    after: dict[int, tuple[datetime, _Fact]] = {}
    for fact in ctx.facts:
        reading = ctx.readings[fact.event.article]
        kind = _kind(fact, ctx.cues)
        arrive, depart = _instants(ctx, fact.stop, kind)
        if fact.event.status == "happened":
            instant = arrive if arrive is not None else depart if kind == "depart" else None
            if instant is None:
                continue
            end = publication_end(reading.article)
            if instant not in before or end < before[instant][0]:
                before[instant] = (end, fact)
        elif fact.event.status in ("planned", "expected"):
            if verb_tense(reading.parsed, fact.event.token, ctx.cues) != "future":
                continue
            instant = depart if kind == "depart" else arrive if arrive is not None else depart
            if instant is None:
                continue
            start = reading.article.published
            if instant not in after or start > after[instant][0]:
                after[instant] = (start, fact)
    out = []
    for instant, (end, fact) in before.items():
        article = ctx.readings[fact.event.article].article
        anchor = Anchor(
            kind="reported",
            expression=f"reported as done ({_publication_text(article)})",
            quote=fact.event.quote,
            latest=end,
            stop=fact.stop,
            note=f"the article reports the {ctx.chain.labels[instant]} as past, so it came before "
            "publication",
        )
        out.append(_Candidate(anchor, ((0, _node(instant), -INF, ctx.rel(end)),), TIER_REPORTED, 24.0))
    for instant, (start, fact) in after.items():
        article = ctx.readings[fact.event.article].article
        anchor = Anchor(
            kind="planned",
            expression=f"reported as to come ({_publication_text(article)})",
            quote=fact.event.quote,
            earliest=start,
            stop=fact.stop,
            weak=True,
            note=f"the article reports the {ctx.chain.labels[instant]} as still to come, so it came after "
            "publication",
        )
        out.append(_Candidate(anchor, ((0, _node(instant), ctx.rel(start), INF),), TIER_WEAK, 24.0 * 30))
    return out


def _publication_text(article: Article) -> str:
    return f"{article.publisher or article.id}, {article.published.date().isoformat()}"


def _traveller_sentences(ctx: _Context, article_id: str) -> set[int]:
    """Sentences of an article that hold one of the traveller's events or a stop's quote."""
    reading = ctx.readings[article_id]
    p = reading.parsed
    out = {p.tokens[t].sent for t in ctx.event_tokens.get(article_id, set())}
    out |= {p.tokens[t].sent for t in ctx.stop_tokens.get(article_id, {})}
    return out


def _dated_events(ctx: _Context) -> list[_Candidate]:
    """A dated event of the traveller's sentences ("for the Feb. 27-28 summit"): the traveller reaches the
    destination by the end of its first day. A plan, so weak."""
    if not ctx.route.stops:
        return []
    last = ctx.route.stops[-1]
    instant = ctx.chain.stop_arrive.get(last.seq)
    out = []
    for article_id, reading in ctx.readings.items():
        sentences = _traveller_sentences(ctx, article_id)
        for expr in reading.expressions:
            if expr.sentence not in sentences or expr.side != "at":
                continue
            if not _is_dated_event(expr, reading.parsed, ctx.cues) or not _relevant(
                expr, reading.article, ctx.cues
            ):
                continue
            window = window_in_zone(expr, ctx.zone_of_stop(last.seq))
            if window is None:
                continue
            latest = min(window[1], window[0] + timedelta(days=1))
            quote = _sentence_quote(reading, expr.sentence)
            anchor = Anchor(
                kind="arrive_by",
                expression=expr.text,
                quote=quote,
                latest=latest,
                stop=last.seq,
                weak=True,
                note="a dated event at the destination: there by the end of its first day",
            )
            bounds = ((0, _node(instant), -INF, ctx.rel(latest)),) if instant is not None else ()
            out.append(_Candidate(anchor, bounds, TIER_WEAK, 24.0))
    return out


def _sentence_quote(reading: _Reading, sentence: int) -> Quote:
    span = reading.parsed.sentences[sentence]
    article = reading.article
    return Quote(
        text=article.text[span.char_start : span.char_end],
        article=article.id,
        publisher=article.publisher,
        start=span.char_start,
        end=span.char_end,
    )


def _on_leg(ctx: _Context) -> list[_Candidate]:
    """A closure or ban on a date whose object holds the traveller's move ("will ban traffic on the road Kim
    is expected to take to Vladivostok"): that hop is travelled within the window."""
    out = []
    for article_id, reading in ctx.readings.items():
        p = reading.parsed
        for expr in reading.expressions:
            if expr.verb is None or p.tokens[expr.verb].lemma.casefold() not in ctx.cues.on_leg_verbs:
                continue
            inside = set(p.subtree(expr.verb))
            moves = [f for f in ctx.facts if f.event.article == article_id and f.event.token in inside]
            if not moves or not _relevant(expr, reading.article, ctx.cues):
                continue
            ends = _fact_ends(ctx, moves)
            if ends is None:
                continue
            legs = _legs_between(ctx, *ends)
            mode = next((f.event.mode for f in moves if f.event.mode), None)
            legs = [leg for leg in legs if mode is None or leg.mode == mode] or legs
            if not legs:
                continue
            zone = legs[0].start_timezone or ctx.zone_of_stop(ends[0])
            window = window_in_zone(expr, zone)
            if window is None:
                continue
            weak = expr.tense == "future" or any(f.event.status != "happened" for f in moves)
            anchor = Anchor(
                kind="on_leg",
                expression=expr.text,
                quote=moves[0].event.quote,
                earliest=window[0],
                latest=window[1],
                stop=ends[0],
                leg=legs[0].seq,
                weak=weak,
                note=f"the traveller's road or line is closed for the hop {legs[0].start} → {legs[-1].end}",
            )
            bounds = (
                (0, _node(ctx.chain.leg_depart[legs[0].seq]), ctx.rel(window[0]), INF),
                (0, _node(ctx.chain.leg_arrive[legs[-1].seq]), -INF, ctx.rel(window[1])),
            )
            out.append(_Candidate(anchor, bounds, TIER_WEAK if weak else TIER_STATED, _hours(window)))
    return out


def _hours(window: tuple[datetime, datetime]) -> float:
    return (window[1] - window[0]).total_seconds() / 3600.0


def _fact_ends(ctx: _Context, facts: Sequence[_Fact]) -> tuple[int, int] | None:
    """The stops a move runs between: its "from" and "to" stops, else the stop before its "to" stop."""
    order = ctx.chain.stop_order
    starts = [f.stop for f in facts if f.relation == "from"]
    ends = [f.stop for f in facts if f.relation in ("to", "at")]
    if ends and not starts:
        index = order.index(ends[-1]) if ends[-1] in order else 0
        if index == 0:
            return None
        starts = [order[index - 1]]
    if starts and not ends:
        index = order.index(starts[0]) if starts[0] in order else len(order) - 1
        if index + 1 >= len(order):
            return None
        ends = [order[index + 1]]
    if not starts or not ends:
        return None
    return starts[0], ends[-1]


def _legs_between(ctx: _Context, start_stop: int, end_stop: int) -> list[Leg]:
    """The legs from the one leaving ``start_stop`` to the one reaching ``end_stop``."""
    legs = list(ctx.chain.legs)
    first = next((i for i, leg in enumerate(legs) if leg.from_stop == start_stop), None)
    last = next((i for i, leg in enumerate(legs) if leg.to_stop == end_stop), None)
    if first is None or last is None or last < first:
        return []
    return legs[first : last + 1]


# --- durations, speeds and distances --------------------------------------------------------------------


@dataclass(frozen=True)
class _Scope:
    """The stretch a figure is said of: legs (a journey or hop) or the dwell at one stop."""

    legs: tuple[Leg, ...] = ()
    dwell_stop: int | None = None
    weak: bool = False
    mode: str | None = None
    one_hop: bool = False
    """The legs are exactly one hop of the itinerary."""


def _scope(ctx: _Context, reading: _Reading, q: Quantity) -> _Scope | None:
    """What a duration, distance or speed is said of, or None when it is not the traveller's journey."""
    p = reading.parsed
    words = ctx.words
    if q.attach is None:
        return None
    if q.token_end < len(p.tokens) and p.tokens[q.token_end].lower in words.offset_words:
        return None
    if _other_year(ctx, reading, q.sentence):
        return None
    governor = q.attach
    token = p.tokens[governor]
    if token.lemma.casefold() in ("be", *words.duration_verbs):
        subjects = [k for k in p.children(governor) if p.tokens[k].dep in ("nsubj", "nsubjpass")]
        if subjects and p.tokens[subjects[0]].lemma.casefold() in words.journey_nouns:
            governor = subjects[0]
    token = p.tokens[governor]
    if token.pos in ("VERB", "AUX") and token.dep == "relcl":
        head = p.tokens[token.head]
        if head.lemma.casefold() in words.journey_nouns:
            governor = token.head
    if not (
        _about_traveller(ctx, reading, q.sentence)
        or _the_journey(ctx, p, governor)
        or (q.verb is not None and _the_vehicle(ctx, p, q.verb))
    ):
        return None
    verb = q.verb
    verb_lemma = p.tokens[verb].lemma.casefold() if verb is not None else ""
    governor_lemma = p.tokens[governor].lemma.casefold()
    region = set(p.subtree(verb if verb is not None else governor))
    span = p.sentences[q.sentence]
    mode = _mode_in(ctx, p, region) or _mode_in(ctx, p, set(range(span.start, span.end)))
    weak = _hypothetical(ctx, p, verb, q.sentence)
    named = _stops_in(ctx, reading.article.id, region)
    if q.kind == "duration" and verb_lemma in words.dwell_verbs and not _aboard(ctx, p, verb):
        stop = next((seq for seq, _ in named), None)
        if stop is None:
            stop = _last_stop_before(ctx, reading, q.sentence)
        if stop is None:
            return None
        return _Scope(dwell_stop=stop, weak=weak)
    journey = (
        governor_lemma in words.journey_nouns
        or verb_lemma in words.duration_verbs
        or verb_lemma in words.travel_verbs
        or verb_lemma in words.dwell_verbs
        or (q.kind == "speed" and governor_lemma in words.speed_nouns)
    )
    if not journey:
        return None
    noun_region = set(p.subtree(governor)) if p.tokens[governor].pos in ("NOUN", "PROPN") else region
    starts = [seq for seq, rel in _stops_in(ctx, reading.article.id, noun_region) if rel == "from"]
    ends = [seq for seq, rel in _stops_in(ctx, reading.article.id, noun_region) if rel in ("to",)]
    sentence_facts = [
        f
        for f in ctx.facts
        if f.event.article == reading.article.id and p.tokens[f.event.token].sent == q.sentence
    ]
    if not ends:
        ends = [f.stop for f in sentence_facts if f.relation == "to"]
    if not starts:
        starts = [f.stop for f in sentence_facts if f.relation == "from"]
    legs = _stretch(ctx, starts[0] if starts else None, ends[-1] if ends else None, mode)
    if not legs:
        return None
    order = ctx.chain.stop_order
    first, last = legs[0].from_stop, legs[-1].to_stop
    one_hop = first in order and last in order and order.index(last) == order.index(first) + 1
    return _Scope(legs=tuple(legs), weak=weak, mode=mode, one_hop=one_hop)


def _stretch(ctx: _Context, start: int | None, end: int | None, mode: str | None) -> list[Leg]:
    """Legs from ``start`` to ``end`` (stops); a missing end is the end of the run of ``mode`` legs from or to
    the other, else the whole journey; with neither, the longest run of ``mode`` (else the whole journey)."""
    legs = list(ctx.chain.legs)
    if not legs:
        return []
    order = ctx.chain.stop_order
    if (
        start is not None
        and end is not None
        and start in order
        and end in order
        and order.index(start) < order.index(end)
    ):
        return _legs_between(ctx, start, end)
    runs = _runs(legs, mode) if mode else [legs]
    if start is not None:
        first = next((i for i, leg in enumerate(legs) if leg.from_stop == start), None)
        if first is None:
            return []
        run = next((r for r in runs if legs[first] in r), None)
        return run[run.index(legs[first]) :] if run else []
    if end is not None:
        last = next((i for i, leg in enumerate(legs) if leg.to_stop == end), None)
        if last is None:
            return []
        run = next((r for r in runs if legs[last] in r), None)
        return run[: run.index(legs[last]) + 1] if run else []
    if not runs:
        return []
    return max(runs, key=lambda r: sum(leg.distance_km for leg in r))


def _runs(legs: Sequence[Leg], mode: str) -> list[list[Leg]]:
    runs: list[list[Leg]] = []
    previous = False
    for leg in legs:
        if leg.mode == mode and previous:
            runs[-1].append(leg)
        elif leg.mode == mode:
            runs.append([leg])
        previous = leg.mode == mode
    return runs


def _mode_in(ctx: _Context, p: ParsedText, region: set[int]) -> str | None:
    hits = sorted(
        (i, mode) for i in region for mode, words in ctx.cues.mode_words.items()
        if p.tokens[i].lower in words or p.tokens[i].lemma.casefold() in words
    )  # fmt: skip
    return hits[0][1] if hits else None


def _hypothetical(ctx: _Context, p: ParsedText, verb: int | None, sentence: int) -> bool:
    """ "could take", "would take", "is expected to take", or a clause under "if"."""
    if verb is None:
        return False
    node: int | None = verb
    for _ in range(4):
        if node is None:
            break
        kids = [p.tokens[k] for k in p.children(node)]
        if any(k.dep == "aux" and k.lower in ctx.words.hypothetical_aux for k in kids):
            return True
        if verb_tense(p, node, ctx.cues) == "future":
            return True
        token = p.tokens[node]
        node = (
            token.head
            if token.dep in ("xcomp", "ccomp", "advcl", "conj", "relcl") and token.head != node
            else None
        )
    span = p.sentences[sentence]
    return any(t.lower == "if" and t.dep == "mark" for t in p.tokens[span.start : span.end])


def _stops_in(ctx: _Context, article_id: str, region: set[int]) -> list[tuple[int, PlaceRelation | None]]:
    p = ctx.readings[article_id].parsed
    out = []
    for token, (seq, relation) in sorted(ctx.stop_tokens.get(article_id, {}).items()):
        if token in region:
            if relation is None:
                relation = _preposition_relation(ctx, p, token)
            out.append((seq, relation))
    return out


def _preposition_relation(ctx: _Context, p: ParsedText, token: int) -> PlaceRelation | None:
    for ancestor in p.ancestors(token):
        t = p.tokens[ancestor]
        if t.pos in ("ADP", "SCONJ"):
            if t.lower in ctx.cues.from_prepositions:
                return "from"
            if t.lower in ctx.cues.to_prepositions:
                return "to"
            if t.lower in ctx.cues.via_prepositions:
                return "via"
            return "at"
        if t.pos in ("VERB", "AUX"):
            return None
    return None


def _last_stop_before(ctx: _Context, reading: _Reading, sentence: int) -> int | None:
    """The stop of the traveller's last event in or before ``sentence`` (within three sentences)."""
    p = reading.parsed
    best: tuple[int, int] | None = None
    for fact in ctx.facts:
        if fact.event.article != reading.article.id:
            continue
        s = p.tokens[fact.event.token].sent
        if sentence - 3 <= s <= sentence and (best is None or s >= best[0]):
            best = (s, fact.stop)
    return best[1] if best else None


def _about_traveller(ctx: _Context, reading: _Reading, sentence: int) -> bool:
    """The sentence holds one of the traveller's events or names the traveller (in full, or by the first or
    last word of the name alone)."""
    if sentence in _traveller_sentences(ctx, reading.article.id):
        return True
    if not ctx.traveller:
        return False
    p = reading.parsed
    span = p.sentences[sentence]
    full = fold(ctx.traveller)
    parts = full.split()
    short = {parts[0], parts[-1]} if parts else set()
    for entity in p.entities:
        if entity.label != "PERSON" or not span.start <= entity.start < span.end:
            continue
        name = fold(p.span_text(entity)).removesuffix(" s").strip()
        if name == full or name in short:
            return True
    return False


def _the_journey(ctx: _Context, p: ParsedText, noun: int) -> bool:
    """"the journey", "his trip": in a report of the traveller's journey, the journey it is about."""
    token = p.tokens[noun]
    if token.lemma.casefold() not in ctx.words.journey_nouns:
        return False
    kids = [p.tokens[k] for k in p.children(noun)]
    return any(
        (k.dep == "det" and k.lower in ("the", "this")) or (k.dep == "poss" and k.pos == "PRON") for k in kids
    )


def _the_vehicle(ctx: _Context, p: ParsedText, verb: int) -> bool:
    """"The train halted", "his motorcade drove": the verb's subject is the (traveller's) vehicle."""
    for k in p.children(verb):
        token = p.tokens[k]
        if token.dep not in ("nsubj", "nsubjpass"):
            continue
        modes = ctx.cues.mode_words.values()
        if not any(token.lower in words or token.lemma.casefold() in words for words in modes):
            continue
        kids = [p.tokens[c] for c in p.children(k)]
        if any((c.dep == "det" and c.lower in ("the", "this")) or (c.dep == "poss" and c.pos == "PRON")
               for c in kids):
            return True
    return False


def _aboard(ctx: _Context, p: ParsedText, verb: int | None) -> bool:
    """"spent three days on a train", "by car": time spent travelling, not at a stop."""
    if verb is None:
        return False
    for k in p.children(verb):
        token = p.tokens[k]
        if token.pos != "ADP":
            continue
        for obj in p.children(k):
            word = p.tokens[obj]
            if any(word.lower in w or word.lemma.casefold() in w for w in ctx.cues.mode_words.values()):
                return True
    return False


def _other_year(ctx: _Context, reading: _Reading, sentence: int) -> bool:
    """The sentence is dated to another time ("in 2001"): its figures are of another journey."""
    for expr in reading.expressions:
        if expr.sentence != sentence or expr.first_date is None:
            continue
        if not expr.relevant_to(reading.article.published.date(), ctx.cues.relevance_days):
            return True
    return False


def _distances(ctx: _Context) -> tuple[list[ReportedDistance], dict[int, float]]:
    """Every distance said of the traveller's journey, beside the route's; a road hop's stated length."""
    out: list[ReportedDistance] = []
    lengths: dict[int, float] = {}
    for reading in ctx.readings.values():
        for q in reading.quantities:
            if q.kind != "distance":
                continue
            scope = _scope(ctx, reading, q)
            if scope is None or not scope.legs:
                continue
            route_km = sum(leg.distance_km for leg in scope.legs)
            agrees = (q.low is None or route_km >= q.low) and (q.high is None or route_km <= q.high)
            from_stop = scope.legs[0].from_stop
            to_stop = scope.legs[-1].to_stop
            note = f"route {route_km:,.0f} km; reported: {q.text}"
            road = all(leg.mode == "road" for leg in scope.legs)
            if (
                road
                and scope.one_hop
                and not q.vague
                and q.bound in ("exact", "approx", "range")
                and not scope.weak
            ):
                total = sum(leg.distance_km for leg in scope.legs) or 1.0
                for leg in scope.legs:
                    lengths[leg.seq] = q.likely * leg.distance_km / total
                note = _join(note, f"the road leg takes the stated {q.likely:,.0f} km")
            out.append(ReportedDistance(
                expression=q.text, quote=_sentence_quote(reading, q.sentence), stated_km=q.value,
                low_km=q.low,
                high_km=q.high, route_km=route_km, from_stop=from_stop, to_stop=to_stop,
                legs=tuple(leg.seq for leg in scope.legs), vague=q.vague, agrees=agrees, note=note,
            ))  # fmt: skip
    return out, lengths


def _durations(ctx: _Context) -> list[_Candidate]:
    """Stated durations bound the legs or the stop they describe; stated speeds bound the legs' duration."""
    out = []
    for reading in ctx.readings.values():
        for q in reading.quantities:
            if q.kind == "distance":
                continue
            scope = _scope(ctx, reading, q)
            if scope is None:
                continue
            quote = _sentence_quote(reading, q.sentence)
            tier = TIER_WEAK if scope.weak else TIER_DURATION
            if scope.dwell_stop is not None:
                arrive = ctx.chain.stop_arrive.get(scope.dwell_stop)
                depart = ctx.chain.stop_depart.get(scope.dwell_stop)
                if q.kind != "duration" or arrive is None or depart is None:
                    continue
                anchor = Anchor(
                    kind="dwell",
                    expression=q.text,
                    quote=quote,
                    duration_hours=q.value,
                    stop=scope.dwell_stop,
                    weak=scope.weak,
                    note=f"stop of {_range_text(q.low, q.high, 'h')}",
                )
                bounds = (
                    (_node(arrive), _node(depart), q.low or 0.0, q.high if q.high is not None else INF),
                )
                prior = _span_prior(arrive, depart, q.likely, q.low, q.high, q.bound)
                width = (q.high or 1e3) - (q.low or 0.0)
                out.append(_Candidate(anchor, bounds, tier, width, span_prior=prior))
                continue
            first, last = scope.legs[0], scope.legs[-1]
            a, b = ctx.chain.leg_depart[first.seq], ctx.chain.leg_arrive[last.seq]
            what = f"{first.start} → {last.end}"
            if q.kind == "duration":
                lo, hi = q.low or 0.0, q.high if q.high is not None else INF
                anchor = Anchor(
                    kind="duration",
                    expression=q.text,
                    quote=quote,
                    duration_hours=q.value,
                    leg=first.seq,
                    stop=first.from_stop,
                    weak=scope.weak,
                    note=f"{what}: {_range_text(q.low, q.high, 'h')}",
                )
            else:
                km = sum(ctx.lengths.get(leg.seq, leg.distance_km) for leg in scope.legs)
                fastest = q.high if q.high is not None else None
                slowest = None if q.top_speed else q.low
                lo = km / fastest if fastest else 0.0
                hi = km / slowest if slowest else INF
                anchor = Anchor(
                    kind="speed",
                    expression=q.text,
                    quote=quote,
                    duration_hours=km / q.likely,
                    leg=first.seq,
                    stop=first.from_stop,
                    weak=scope.weak,
                    note=f"{what} ({km:,.0f} km): {_range_text(lo, hi if hi < INF else None, 'h')}",
                )
            bounds = ((_node(a), _node(b), lo, hi),)
            width = (hi if hi < INF else 1e3) - lo
            likely_hours = q.likely if q.kind == "duration" else (anchor.duration_hours or 0.0)
            prior = _span_prior(a, b, likely_hours, lo, hi if hi < INF else None, q.bound)
            out.append(_Candidate(anchor, bounds, tier, width, span_prior=prior))
    return out


def _span_prior(
    a: int, b: int, hours: float, low: float | None, high: float | None, bound: str
) -> tuple[int, int, float, float] | None:
    """A stated duration the likely times should keep, when it states a value (not only a bound); weighed
    loosely (half its range as one standard deviation), since writers round durations ("two and a half
    days" for 66 hours)."""
    if bound in ("min", "max") or low is None or high is None or not hours:
        return None
    return a, b, hours, max((high - low) / 2, MIN_SIGMA_HOURS)


def _range_text(low: float | None, high: float | None, unit: str) -> str:
    if low is not None and high is not None:
        return f"{low:.1f}–{high:.1f} {unit}"
    if low is not None:
        return f"at least {low:.1f} {unit}"
    if high is not None:
        return f"at most {high:.1f} {unit}"
    return "open"


# --- solving ---------------------------------------------------------------------------------------------


def _hard_network(chain: _Chain) -> _Network:
    network = _Network(len(chain.labels) + 1)
    for k, low in enumerate(chain.hard_min):
        network.add(_node(k), _node(k + 1), low, INF)
    return network


def _solve(
    chain: _Chain, candidates: Sequence[_Candidate], ctx: _Context
) -> tuple[_Network, list[_Candidate], list[Anchor], list[str]]:
    """Add the statements strongest first, then the speed model where it agrees, then the weak statements;
    refuse (and explain) any that would leave an instant with no possible time. Returns the network, the
    reading kept of each candidate (one of its alternatives, if one was needed), the anchors and the notes."""
    network = _hard_network(chain)
    accepted: list[_Candidate] = []
    anchors: dict[int, Anchor] = {}
    chosen: dict[int, _Candidate] = {}
    notes: list[str] = []
    strong = [c for c in candidates if c.tier < _TIER_MODEL]
    weak = [c for c in candidates if c.tier >= _TIER_MODEL]
    for group_index, group in enumerate((strong, weak)):
        if group_index == 1:
            notes += _apply_model(chain, network)
        for candidate in group:
            chosen[id(candidate)] = candidate
            anchor = candidate.anchor
            if not candidate.bounds:
                anchors[id(candidate)] = replace(
                    anchor, satisfied=False, note=_join(anchor.note, "not on the routed journey")
                )
                continue
            picked = _pick_option(chain, network, candidate)
            if picked is not None:
                option, network = picked
                accepted.append(option)
                chosen[id(candidate)] = option
                anchors[id(candidate)] = replace(option.anchor, satisfied=True)
            else:
                why = _conflict(chain, network, candidate, accepted, ctx, model=group_index == 1)
                anchors[id(candidate)] = replace(anchor, satisfied=False, note=_join(anchor.note, why))
    return network, [chosen[id(c)] for c in candidates], [anchors[id(c)] for c in candidates], notes


def _pick_option(
    chain: _Chain, network: _Network, candidate: _Candidate
) -> tuple[_Candidate, _Network] | None:
    """The reading of a statement to keep, with the network it leaves: the first the other statements allow;
    for a clock time with no day written, the first day on which the speed model also fits ("left Przemyśl
    at 9.05 p.m. on Sunday … reached Kyiv at 8.40 a.m." is Monday morning, not the publication day), when
    the statements kept so far fit the model at all."""
    feasible: list[tuple[_Candidate, _Network]] = []
    for option in (candidate, *candidate.alternatives):
        trial = network.copy()
        if option.bounds and all(trial.add(*b) for b in option.bounds):
            if not candidate.alternatives:
                return option, trial
            feasible.append((option, trial))
    if not feasible:
        return None
    # the day in focus when the legs' travel times allow it: how long the traveller stays is his choice (a
    # state visit outlasts any transit halt), so a stay is no reason to move a clock time off its day
    first_option, first_trial = feasible[0]
    if candidate.focus and first_option is candidate and _fits_model(chain, first_trial, open_stays=True):
        return feasible[0]
    # else the whole model first (a transit halt is short: "left Przemyśl at 9.05 p.m. … reached Kyiv at
    # 8.40 a.m." is the next morning), then with stays of any length
    for open_stays in (False, True):
        if _fits_model(chain, network, open_stays=open_stays):
            for option, trial in feasible:
                if _fits_model(chain, trial, open_stays=open_stays):
                    return option, trial
    return feasible[0]


def _fits_model(chain: _Chain, network: _Network, *, open_stays: bool = False) -> bool:
    return _with_model(chain, network, open_stays=open_stays) is not None


def _stay_gaps(chain: _Chain) -> set[int]:
    return {k for k, name in enumerate(chain.gap_names) if name.startswith(("the stop at", "the change at"))}


def _with_model(chain: _Chain, network: _Network, *, open_stays: bool = False) -> _Network | None:
    """The network with every gap narrowed to the speed model's range (with ``open_stays``, a stay only to
    its minimum); None when the statements in it leave no room for that."""
    trial = network.copy()
    stays = _stay_gaps(chain) if open_stays else set()
    ok = all(
        trial.add(_node(k), _node(k + 1), g.min, INF if k in stays else g.max)
        for k, g in enumerate(chain.gaps)
    )
    return trial if ok else None


def _apply_model(chain: _Chain, network: _Network) -> list[str]:
    """Narrow each gap to the speed model's range where the statements allow it; where they do not, keep what
    they require and say so."""
    notes: list[str] = []
    fitted = _with_model(chain, network)
    if fitted is not None:
        network.d = fitted.d
        return notes
    # travel first, stays last: how long a leg takes is physics, how long the traveller stays is his choice
    # (a state visit outlasts any transit halt), so where the statements leave no room for both, the stay
    # gives way
    stays = sorted(_stay_gaps(chain))
    for k in [k for k in range(len(chain.gaps)) if k not in stays] + stays:
        gap = chain.gaps[k]
        lo, hi = network.span(_node(k), _node(k + 1))
        low, high = max(lo, gap.min), min(hi, gap.max)
        if low <= high + _EPS:
            network.add(_node(k), _node(k + 1), low, max(low, high))
            continue
        notes.append(
            f"The stated times need {chain.gap_names[k]} to take {_duration_text(lo, hi)}; the speed model "
            f"allows {_duration_text(gap.min, gap.max)}, so the statements win there."
        )
    return notes


def _duration_text(lo: float, hi: float) -> str:
    def one(h: float) -> str:
        if not math.isfinite(h):
            return "unbounded"
        return f"{h:.1f} h" if h < 48 else f"{h / 24:.1f} days"

    return f"{one(lo)}–{one(hi)}"


def _conflict(
    chain: _Chain,
    network: _Network,
    candidate: _Candidate,
    accepted: Sequence[_Candidate],
    ctx: _Context,
    *,
    model: bool,
) -> str:
    """Why the statement cannot be honoured: the window the stronger statements leave, and which of them."""
    parts = []
    for a, b, _lo, _hi in candidate.bounds:
        if a == 0:
            cur_lo, cur_hi = network.window(b)
            k = b - 1
            zone = chain.zones[k]
            parts.append(
                f"the {chain.labels[k]} must be between {_fmt(ctx, cur_lo, zone)} and "
                f"{_fmt(ctx, cur_hi, zone)}"
            )
        else:
            cur_lo, cur_hi = network.span(a, b)
            parts.append(
                f"{chain.labels[a - 1]} to {chain.labels[b - 1]} must take {_duration_text(cur_lo, cur_hi)}"
            )
    culprits = []
    for other in accepted:
        rest = _hard_network(chain)
        for kept in accepted:
            if kept is not other:
                for bound in kept.bounds:
                    rest.add(*bound)
        if model:
            _apply_model(chain, rest)
        if rest.admits(candidate.bounds):
            culprits.append(other.anchor)
    basis = (
        "the speed model's hard limits"
        if not culprits
        else ", ".join(f"“{c.expression}” ({c.kind})" for c in culprits[:3])
    )
    if model and not culprits:
        basis = "the speed model"
    return f"not honoured: {'; '.join(parts)} given {basis}, which are stronger"


def _likely(chain: _Chain, network: _Network, accepted: Sequence[_Candidate]) -> list[float]:
    """Most likely instants: the weighted least-squares timeline that best fits the stated instants (each
    weighed by its precision: a clock time to the minute, a morning to an hour and a half), the stated
    durations, and the speed model's likely gaps (each weighed by its spread), then each instant in turn
    clamped into what the windows and the earlier choices allow (so the result is one consistent timeline).
    """
    n = len(chain.labels)
    likely = [math.nan] * n
    if n == 0:
        return likely
    rows: list[tuple[dict[int, float], float, float]] = []
    for candidate in accepted:
        for k, value in candidate.targets:
            rows.append(({k: 1.0}, value, candidate.sigma))
        if candidate.span_prior is not None:
            a, b, hours, sigma = candidate.span_prior
            rows.append(({b: 1.0, a: -1.0}, hours, sigma))
    if not any(len(coeffs) == 1 for coeffs, _, _ in rows):
        anchor = _loosest_anchor(network, n)
        if anchor is None:
            return likely
        rows.append(anchor)
    for k, gap in enumerate(chain.gaps):
        rows.append(({k + 1: 1.0, k: -1.0}, gap.likely, max((gap.max - gap.min) / 4, MIN_SIGMA_HOURS)))
    solution = _least_squares(n, rows)
    work = network.copy()
    for k in range(n):
        lo, hi = work.window(_node(k))
        value = min(max(solution[k], lo), hi)
        if math.isfinite(value):
            work.add(0, _node(k), value, value)
            likely[k] = value
    return likely


MIN_SIGMA_HOURS = 1 / 60
"""The least uncertainty any stated instant or modelled gap is given (hours), so none weighs infinitely."""


def _loosest_anchor(network: _Network, n: int) -> tuple[dict[int, float], float, float] | None:
    """With no stated instant to fit, the middle of the narrowest window (or a window's one known end)."""
    finite = [(hi - lo, k, lo, hi) for k in range(n) for lo, hi in [network.window(_node(k))]
              if math.isfinite(hi - lo)]  # fmt: skip
    if finite:
        width, k, lo, hi = min(finite)
        return {k: 1.0}, (lo + hi) / 2, max(width / 4, MIN_SIGMA_HOURS)
    for k in range(n):
        lo, hi = network.window(_node(k))
        if math.isfinite(lo) or math.isfinite(hi):
            return {k: 1.0}, lo if math.isfinite(lo) else hi, 24.0
    return None


def _least_squares(n: int, rows: Sequence[tuple[dict[int, float], float, float]]) -> list[float]:
    """Solve min Σ ((Σ c_k t_k − y) / σ)² by the normal equations (a small dense system, Gauss–Jordan)."""
    matrix = [[0.0] * n for _ in range(n)]
    rhs = [0.0] * n
    for coeffs, value, sigma in rows:
        weight = 1.0 / (sigma * sigma)
        for i, ci in coeffs.items():
            rhs[i] += weight * ci * value
            for j, cj in coeffs.items():
                matrix[i][j] += weight * ci * cj
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(matrix[r][col]))
        if abs(matrix[pivot][col]) < 1e-12:
            continue
        matrix[col], matrix[pivot] = matrix[pivot], matrix[col]
        rhs[col], rhs[pivot] = rhs[pivot], rhs[col]
        inverse = 1.0 / matrix[col][col]
        for r in range(n):
            if r != col and matrix[r][col] != 0.0:
                factor = matrix[r][col] * inverse
                row_r, row_c = matrix[r], matrix[col]
                for c in range(col, n):
                    row_r[c] -= factor * row_c[c]
                rhs[r] -= factor * rhs[col]
    return [rhs[k] / matrix[k][k] if abs(matrix[k][k]) > 1e-12 else math.nan for k in range(n)]


def _check_likely(anchor: Anchor, candidate: _Candidate, likely: list[float]) -> Anchor:
    """Say in the note how the most likely times sit against a satisfied anchor."""
    if not anchor.satisfied or not candidate.bounds:
        return anchor
    inside = True
    for a, b, lo, hi in candidate.bounds:
        ta = 0.0 if a == 0 else likely[a - 1]
        tb = likely[b - 1]
        if not (math.isfinite(ta) and math.isfinite(tb)):
            return anchor
        inside &= lo - _EPS <= tb - ta <= hi + _EPS
    text = "the likely times fall within it" if inside else "possible within the windows"
    return replace(anchor, note=_join(anchor.note, text))


# --- output ---------------------------------------------------------------------------------------------


def _window(ctx: _Context, lo: float, likely: float, hi: float, zone: Zone) -> TimeWindow:
    tz = _tz(zone)
    return TimeWindow(
        earliest=_datetime(ctx, lo, tz) if math.isfinite(lo) else None,
        likely=_datetime(ctx, likely, tz) if math.isfinite(likely) else None,
        latest=_datetime(ctx, hi, tz) if math.isfinite(hi) else None,
    )


def _basis(chain: _Chain, anchors: Sequence[Anchor], likely: list[float]) -> str:
    kept = [a for a in anchors if a.satisfied]
    if not any(math.isfinite(v) for v in likely):
        return (
            f"No stated time could be tied to the journey ({len(anchors)} statements found), so only "
            "durations "
            "between instants are known, not clock times."
        )
    start = next((a for a in kept if a.likely is not None), None) or next(
        (a for a in kept if a.kind in ("depart", "arrive")), kept[0] if kept else None
    )
    origin = f"the stated “{start.expression}” ({start.kind})" if start else "the stated times"
    return (
        f"Built around {origin}: {len(kept)} of {len(anchors)} statements honoured as bounds on one "
        f"timeline, the {len(chain.leg_depart)} legs narrowed by the speed model by mode and country with "
        "border and stop "
        "dwell times where the statements allow it."
    )


def _join(*parts: str) -> str:
    return "; ".join(p for p in parts if p)


def _datetime(ctx: _Context, hours: float, tz: tzinfo) -> datetime:
    return datetime.fromtimestamp(round((hours + ctx.origin_hours) * 3600.0), tz=tz)


def _tz(zone: Zone) -> tzinfo:
    if not zone:
        return UTC
    return zone_of(zone)


def _fmt(ctx: _Context, hours: float, zone: Zone) -> str:
    if not math.isfinite(hours):
        return "unbounded"
    return _datetime(ctx, hours, _tz(zone)).strftime("%Y-%m-%d %H:%M %z")


__all__ = ["distance_lines", "estimate_timing", "with_stated_distances"]
