"""The traveller's stops in order, with roles, modes and quotes, fused from every article's movement frames.

Only the traveller's own frames give stops, and only when they tell a trip that happened, is planned or is
expected: other people's moves, earlier trips, denials and hypotheticals give none. A dateline place is a
stop only when a frame puts the traveller there. Countries and regions are not stops ("through China" is
kept on the hop). Stops from different articles merge when they are the same GeoNames place (or the same
name), and carry every article's quotes; a description in one article ("a station on the Chinese border")
takes the name another article gives it. Order comes from explicit from→to frames and frames told in
sequence, then geography (distance from the origin); each hop's mode from the frames that tell it.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from geopy.distance import geodesic

from geo.errors import NoJourneyError
from geo.itinerary.traveller import canonical_names
from geo.model import Article, Event, Hop, Itinerary, Mention, Mode, Place, PlaceRelation, Quote, Role, Stop
from geo.places.airports import is_airfield_phrase
from geo.reading.events import People
from geo.reading.lexicon import Lexicon, load_lexicon
from geo.reading.text import fold
from geo.reading.timeexpr import TimeExpression, on_day, window_in_zone, zone_of

COUNTING = ("happened", "planned", "expected")
_UNNAMED_REASON = "No article names this place; it is resolved against the rail network when routing"
_VERBS: Mapping[PlaceRelation, str] = {
    "from": "sets out from",
    "to": "travels to",
    "via": "passes through",
    "at": "is reported at",
}
_PREFERENCE: Mapping[Role, tuple[PlaceRelation, ...]] = {
    "origin": ("from", "at", "via", "to"),
    "border": ("at", "via", "to", "from"),
    "waypoint": ("at", "via", "to", "from"),
    "destination": ("to", "at", "via", "from"),
}
SEQUENCE_WEIGHT = 1.0
PAIR_WEIGHT = 3.0
TIME_WEIGHT = 2.0
"""Per pair of dated frames: dates say the order more surely than the telling, less than "from A to B"."""
ORIGIN_MIN = 0.75
"""Below this score a place only left is not taken as the start; the first place nothing comes before is."""
OPENS_WEIGHT = 0.5
"""A place the journey is told to have begun or opened at is its origin over one merely left."""
STATUS_WEIGHT = 1.5
"""What is reported done before what is reported still to come: more than a weekday, less than a date."""
END_WEIGHT = 1.25
"""A place only ever left is the origin, one only ever reached the destination: before / after the rest."""
NARRATIVE_WEIGHT = 0.5
"""Two of the traveller's moves told one after the other past the lead: a narrative mostly keeps the order
things happened in, so this breaks ties that only geography would, and gives way to anything stated."""
RETURN_HOME_WEIGHT = 1.0
"""A return to the place the journey began is its end, unless more is told of what came after."""
HOME_WEIGHT = 2.0
"""A place the traveller is only said to go back to (and was not told at before) ends the journey: home."""
WEEKDAY_WEIGHT = 0.75
"""A weekday alone is read against the publication day and may land in the wrong week: it counts less
than two frames told in sequence."""

StopKey = tuple[str, ...]


@dataclass(frozen=True)
class Evidence:
    """One frame putting the traveller in relation to one place mention."""

    relation: PlaceRelation
    mention: Mention
    event: Event
    visit: int = 0
    """1 for the return to a place the traveller had left ("left Beijing …" then "returned to Beijing"), 2 for
    a second return after another trip out ("returned to the capital … brought the party back to Moscow")."""

    @property
    def key(self) -> StopKey:
        """The stop this evidence is about: the place, and which visit to it (one "again" per return)."""
        return (*_key(self.mention), *(("again",) * self.visit))


@dataclass
class _Draft:
    key: StopKey
    mentions: list[Mention] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def place(self) -> Place | None:
        return next((m.place for m in self.mentions if m.place is not None), None)

    def relations(self) -> Counter[PlaceRelation]:
        return Counter(e.relation for e in self.evidence)

    def articles(self) -> set[str]:
        return {e.event.article for e in self.evidence}

    def first(self, attribute: str) -> str | None:
        return next((getattr(m, attribute) for m in self.mentions if getattr(m, attribute)), None)


def _first_visit(key: StopKey) -> StopKey:
    """The place a key is about, whichever visit to it (``Evidence.key`` marks each return with "again")."""
    while key[-1:] == ("again",):
        key = key[:-1]
    return key


def _key(m: Mention) -> StopKey:
    if m.place is not None and m.place.geonameid is not None:
        return ("id", str(m.place.geonameid))
    if m.place is not None:
        return ("name", fold(m.place.name))
    if m.kind == "descriptive":
        return ("desc", m.article, m.border_of or "", m.feature or "", m.country_hint or "")
    return ("name", fold(m.text))


def traveller_evidence(
    events: Mapping[str, Sequence[Event]], traveller: str, names: Mapping[str, str]
) -> list[Evidence]:
    """The traveller's place relations from every article's frames, in article and text order."""
    own_modes = {
        e.mode for evs in events.values() for e in evs
        if e.mode and e.status in COUNTING and names.get(e.mover, e.mover) == traveller
    }  # fmt: skip
    out: list[Evidence] = []
    for evs in events.values():
        for event in evs:
            mover = names.get(event.mover, event.mover)
            gathering = (
                not event.mover and not event.mover_text and event.mode is None
                and (event.lemma in SUMMITS or _names_traveller(event, traveller))
            )  # fmt: skip
            # "the train pulled into Przemyśl": a vehicle nobody is named in goes the traveller's way
            vehicle = (
                not event.mover and event.mode is not None and not event.others
                and (not own_modes or event.mode in own_modes or event.mode in SURFACE_MODES)
            )  # fmt: skip
            own = bool(mover) and mover == traveller
            if event.status not in COUNTING or not (own or gathering or vehicle):
                continue
            out.extend(Evidence(relation, mention, event) for relation, mention in event.places)
    return out


def airfields_apart(
    evidence: Sequence[Evidence], texts: Mapping[str, str], directions: frozenset[str]
) -> list[Evidence]:
    """An airport stands for the town it serves ("landed at Changi" is Singapore), unless the traveller is
    told to move between the two: "From Andrews he was driven into Washington", "touched down at Stansted
    … then drove on to London". Then the airfield named in those moves is a stop of its own, where the plane
    was (its other mentions stay the town's: "that night the Tu-114 took off from Andrews for home"). A
    move only "towards" the town is no move between them ("his motorcade pulled away towards Tel Aviv")."""
    apart: set[tuple[str, int]] = set()
    fields = [e for e in evidence if e.mention.airfield is not None and e.relation in ("to", "from")]
    for f in fields:
        for t in evidence:
            if (
                t.mention.airfield is not None or t.mention.kind != "name" or t.relation not in ("to", "from")
                or _key(t.mention) != _key(f.mention) or t.event.article != f.event.article
            ):  # fmt: skip
                continue  # ("driven into the city", "the run back to the airport": the town by a word for it)
            at = t.mention.start
            before = texts.get(t.mention.article, "")[max(0, at - 30) : at].split()[-1:]  # the word before it
            if before and before[0].casefold() in directions:
                continue
            same = (t.event.article, t.event.token) == (f.event.article, f.event.token)
            # from the airfield into the town, or the other way; or the airfield reached, then the town by a
            # move of its own
            between = same and t.relation != f.relation
            then = not same and f.relation == t.relation == "to" and t.event.token > f.event.token
            if between or (then and t.event.mode not in ("air", None)):
                apart.add((f.mention.article, f.mention.start))
    return [
        replace(e, mention=replace(e.mention, place=e.mention.airfield, airfield=None))
        if (e.mention.article, e.mention.start) in apart else e
        for e in evidence
    ]  # fmt: skip


SURFACE_MODES = frozenset({"rail", "road", "sea"})
"""A train, car or ship nobody is named in is the traveller's; a plane must match how the traveller is said
to travel (the other leader's plane lands too)."""
SUMMITS = frozenset({"summit"})
"""A summit's place is where the traveller goes; other meetings count only in a sentence naming them."""


OTHER_TRIP_DAYS = 14
"""Dated moves more than this many days apart from every other dated move belong to another trip ("his
trip to Moscow in July" in a report of an August journey)."""


def _not_a_later_trip(
    evidence: Sequence[Evidence], when: Mapping[tuple[str, int], Window], published: Mapping[str, datetime]
) -> list[Evidence]:
    """"Modi arrived in Kyiv on Tuesday … is expected in Paris next month": in articles that tell moves
    made, a plan dated (by the middle of its window) more than ``OTHER_TRIP_DAYS`` after the article and
    after the last of them is a later trip. A story that tells only the plan ("the summit will be held in
    Geneva on 16 and 17 June") keeps it."""
    gap = timedelta(days=OTHER_TRIP_DAYS)
    done = [e for e in evidence if e.event.status == "happened"]
    if not done:
        return list(evidence)
    dated = [when[k][1] for e in done if (k := (e.event.article, e.event.token)) in when]

    def later(e: Evidence) -> bool:
        window = when.get((e.event.article, e.event.token))
        at = published.get(e.event.article)
        if e.event.status == "happened" or window is None or at is None:
            return False
        if e.event.returning and any(r == "to" or r == "at" for r, _ in e.event.places):
            return False  # "is due home in Houston on November 5", three weeks on: this trip's end
        at = max([at, *dated])
        return window[0] + (window[1] - window[0]) / 2 > at + gap  # "next month": its middle

    return [e for e in evidence if not later(e)]


def one_trip(evidence: Sequence[Evidence], when: Mapping[tuple[str, int], Window]) -> list[Evidence]:
    """The evidence of the trip told: the traveller's dated frames fall into groups separated by more than
    ``OTHER_TRIP_DAYS``; frames dated in a smaller group than the largest (of equals, the latest) are another
    trip's. Undated frames stay, unless their sentence dates its moves in another group."""
    dated = sorted({when[k][:2] for k in ((e.event.article, e.event.token) for e in evidence) if k in when})
    if len(dated) < 2:
        return list(evidence)
    gap = timedelta(days=OTHER_TRIP_DAYS)
    groups: list[list[tuple[datetime, datetime]]] = [[dated[0]]]
    for window in dated[1:]:
        if window[0] - max(w[1] for w in groups[-1]) > gap:
            groups.append([])
        groups[-1].append(window)
    groups = _continued(groups, evidence, when)
    if len(groups) == 1:
        return list(evidence)
    size = Counter[int]()
    group_of = {w: g for g, members in enumerate(groups) for w in members}
    for e in evidence:
        k = (e.event.article, e.event.token)
        if k in when:
            size[group_of[when[k][:2]]] += 1
    most = max(size.values())
    # the largest group is the trip told; of equal ones, the latest (news tells the newest trip; a piece
    # that looks back dates its own story, so its frames fall in one group)
    keep = max((g for g, n in size.items() if n == most), key=lambda g: groups[g][0])
    # "on 1 March he visited troops in Estonia and met Poland's leaders in Warsaw": an undated move goes with
    # the dated moves of its sentence
    in_sentence: dict[tuple[str, int], set[int]] = defaultdict(set)
    for e in evidence:
        k = (e.event.article, e.event.token)
        if k in when:
            in_sentence[(e.event.article, e.event.sentence_start)].add(group_of[when[k][:2]])

    def kept(e: Evidence) -> bool:
        k = (e.event.article, e.event.token)
        if k in when:
            return group_of[when[k][:2]] == keep
        groups = in_sentence.get((e.event.article, e.event.sentence_start))
        return not groups or keep in groups

    # "stayed three weeks … The special train brought him home to Beijing on 21 February": the way home
    # after a long stay ends this trip, to the place it set out from
    left = {e.key for e in evidence if kept(e) and e.relation == "from"}
    trip_end = max(w[1] for w in groups[keep])

    def home(e: Evidence) -> bool:
        k = (e.event.article, e.event.token)
        return (e.event.returning and e.relation in ("to", "at") and e.key in left
                and k in when and when[k][0] > trip_end)

    return [e for e in evidence if kept(e) or home(e)]


def _continued(
    groups: list[list[tuple[datetime, datetime]]],
    evidence: Sequence[Evidence],
    when: Mapping[tuple[str, int], Window],
) -> list[list[tuple[datetime, datetime]]]:
    """Groups of dates joined where the later one sets out from a place the earlier one reached ("landed at
    Changi" on 14 July, "left Singapore" on 11 August): a long stay, not another trip."""
    def keys(group: list[tuple[datetime, datetime]], relations: tuple[str, ...]) -> set[StopKey]:
        members = set(group)
        return {e.key for e in evidence
                if e.relation in relations and e.event.status == "happened" and not e.mention.is_area
                and (k := (e.event.article, e.event.token)) in when and when[k][:2] in members}  # fmt: skip

    # from the first move dated to a day or so to the last ("in 1960" dates no span)
    exact = [w[0] for g in groups for w in g if w[1] - w[0] <= timedelta(days=OTHER_TRIP_DAYS)]
    span = max(exact) - min(exact) if exact else timedelta(0)
    out = [groups[0]]
    for group in groups[1:]:
        joined = keys(out[-1], ("to", "at")) & keys(group, ("from",))
        apart = [] if joined else _told_apart(out[-1], group, evidence, when)
        if joined or _told_between(apart, evidence, when) or _told_in_order(out[-1], group, apart, span):
            out[-1] = [*out[-1], *group]
        else:
            out.append(group)
    return out


def _told_in_order(
    earlier: list[tuple[datetime, datetime]],
    later: list[tuple[datetime, datetime]],
    apart: Sequence[tuple[str, int, int]],
    span: timedelta,
) -> bool:
    """"rode out of Buenos Aires on 4 January … reached Bariloche in mid-February … Lima on 1 May … Caracas
    on 17 July": a journey of months, told date after date, has gaps of weeks between its dated moves. Two
    groups are one journey when an article tells all of the earlier's moves before any of the later's and
    the gap between them is at most half of ``span``, all the dated moves' (a drive a month before a
    trip of a month is another trip). ``apart``: what ``_told_apart`` says of the two groups."""
    if min(w[0] for w in later) - max(w[1] for w in earlier) > span / 2:
        return False
    return bool(apart)


def _told_between(
    apart: Sequence[tuple[str, int, int]],
    evidence: Sequence[Evidence],
    when: Mapping[tuple[str, int], Window],
) -> bool:
    """"reached Djibouti on 3 May … steamed through Suez … took the train to Haifa … docked at Southampton
    on 3 June": an article that tells the two groups' moves in their order (``apart``, from
    ``_told_apart``), with undated moves told between them, tells one journey leg by leg, not another
    trip."""
    return any(
        e.event.article == article and end < e.event.token < start and e.event.status == "happened"
        and (e.event.article, e.event.token) not in when and e.relation in ("to", "at", "via")
        for article, end, start in apart for e in evidence
    )  # fmt: skip


def _told_apart(
    earlier: list[tuple[datetime, datetime]],
    later: list[tuple[datetime, datetime]],
    evidence: Sequence[Evidence],
    when: Mapping[tuple[str, int], Window],
) -> list[tuple[str, int, int]]:
    """Each article that tells every dated move of the ``earlier`` group before any of the ``later``
    group's: the article, the token of its last move of the one and of its first move of the other."""
    def told(members: set[tuple[datetime, datetime]]) -> list[tuple[str, int]]:
        keys = ((e.event.article, e.event.token) for e in evidence)
        return [k for k in keys if k in when and when[k][:2] in members]

    first, then = told(set(earlier)), told(set(later))
    out = []
    for article in {a for a, _ in first} & {a for a, _ in then}:
        end = max(t for a, t in first if a == article)
        start = min(t for a, t in then if a == article)
        if end < start:
            out.append((article, end, start))
    return out


AWAY_KM = 60.0
"""A town this far from a place is away from it (a stop round the city, 10 or 25 km out, is not; a day's
drive to a town 75 km away, Oxford from London or Belmopan from Belize City, is)."""
AWAY_AT_LEAST = timedelta(hours=12)
"""A place reached this long after a dated departure from it is reached again (a return), whatever order the
article tells them in."""
RETOLD_DEPARTURE_WITHIN = timedelta(days=1)
"""A departure retold beside the move it began ("after leaving Haneda") is dated to this span before that
move's latest instant: wide enough for a flight or a night train, narrow enough not to join the trip to
another one told in the article (``one_trip``)."""


def second_visits(
    evidence: Sequence[Evidence],
    when: Mapping[tuple[str, int], Window] | None = None,
    lead_ends: Mapping[str, int] | None = None,
) -> list[Evidence]:
    """The traveller's return to a place already left ("left Beijing by plane", "returned to Beijing") is
    a second stop at that place: the return's own evidence is marked as the second visit. So is the place
    a return leaves from, when it was reached before ("landed at Rzeszów … flew back to Rome from
    Rzeszów")."""
    when = when or {}
    ahead = _told_before_earlier(evidence, when, lead_ends)

    def dated(e: Evidence) -> Window | None:
        """The window of ``e``, else of a dated move to the same place in its sentence ("before flying on
        to Luanda, where he landed at about 5:30 p.m. on Monday")."""
        own = when.get((e.event.article, e.event.token))
        if own is not None:
            return own
        mates = [when[k] for m in evidence
                 if m.key == e.key and m.event.article == e.event.article and m.relation == e.relation
                 and m.event.sentence_start == e.event.sentence_start
                 and (k := (m.event.article, m.event.token)) in when]  # fmt: skip
        return mates[0] if mates else None

    def after(e: Evidence, back: Evidence, by: timedelta = timedelta(0)) -> bool:
        """``e`` is dated at least ``by`` after ``back`` (both dated)."""
        a, b = dated(e), dated(back)
        return a is not None and b is not None and a[0] >= b[1] + by

    def left_before(back: Evidence) -> bool:
        """Left, and not on a date after the return ("flew back to Budapest" on the 2nd, "took off from
        Budapest" on the 5th: the return is where he set out from next, not a second visit)."""
        return any(
            e.key == back.key and e.relation == "from" and not e.event.returning and not after(e, back)
            # "heads home from Singapore": the plane that "will leave Changi" is that departure, not another
            and (back.relation != "from" or e.event.status == "happened")
            for e in evidence
        )  # fmt: skip

    def elsewhere_between(first: Evidence, back: Evidence, *, towns_reached: bool = False) -> bool:
        """Another place told between ``first`` and ``back`` in their article (not one only set out from;
        with ``towns_reached``, a town arrived at or stayed in)."""
        return any(
            e.key != back.key and e.event.article == back.event.article
            and first.event.token < e.event.token < back.event.token
            and ((e.relation in ("to", "at") and not e.mention.is_area) if towns_reached
                 else e.relation != "from")
            for e in evidence
        )  # fmt: skip

    def been_there(back: Evidence) -> bool:
        """"touched down at Osan … flew to Camp Bonifas … flew back to Osan": reached before, in the same
        article, with another place reached in between (a place only set out from, "reached Hamburg from
        Berlin … flew home from Hamburg", is no trip away)."""
        first = [e for e in evidence if e.key == back.key and e is not back
                 and e.event.article == back.event.article and e.event.token < back.event.token]  # fmt: skip
        if back.relation == "from" and first and (first[0].event.article, first[0].event.token) in ahead:
            return False  # "flew home from Moscow" after a piece that opens on the arrival there: one visit
        return bool(first) and elsewhere_between(first[0], back)

    def still_to_come(again: Evidence) -> bool:
        """"drove him to Przemyśl … reached Kyiv … is expected to reach Przemyśl before dawn": a place
        reached (as done) before another, then said to be reached again as still to come."""
        return again.event.status != "happened" and again.relation == "to" and been_there(again) and any(
            e.key == again.key and e.event.status == "happened" and e.event.token < again.event.token
            and e.event.article == again.event.article
            and not _starts_before(dated(again), dated(e))  # "was due to leave for Saipan at 9pm" the eve
            for e in evidence
        )  # fmt: skip

    def round_trip(back: Evidence) -> bool:
        """"Draghi had left Rome … touched down at Rzeszów … his plane left Rzeszów for Rome": a place the
        article first tells him leaving, reached again after another place, is his way home."""
        article = back.event.article
        lead_end = (lead_ends or {}).get(article, 0)
        same = [e for e in evidence if e.key == back.key and e.event.article == article]
        # "Pope flies refugees to Rome" over "Francis had left Rome early on Saturday": a headline that
        # sums the trip up is not where the story first has him
        first = next((e for e in same if e.event.token >= lead_end and e.relation == "from"
                      and e.event.token < back.event.token), same[0] if same else None)  # fmt: skip
        if first is None or first.relation != "from" or first.event.status != "happened":
            return False
        if first.event.returning:
            return False  # "brought him back from Hong Kong … He had flown out to Hong Kong": the far end
        # "left Tromsø for Oslo on Thursday … ¶ A chartered airliner … took off from Tromsø": an undated
        # departure told after a dated one from the same place is that departure told again
        told_again = [e for e in same if e.relation == "from" and e.event.status == "happened"
                      and e.event.token < first.event.token and dated(e) is not None]  # fmt: skip
        if dated(first) is None and told_again and after(told_again[-1], back):
            return False
        if first.event.token < (lead_ends or {}).get(first.event.article, 0) or after(first, back):
            return False  # a lead that sums the trip up, or a departure dated after the arrival told later
        if any(after(first, e) for e in evidence if e.event.article == article and e.relation == "to"
               and first.event.token < e.event.token < back.event.token
               and (e.event.article, e.event.token) not in ahead):
            # "lifted off from Hongqiao" on Wednesday, told first; "flew to Xi'an" on Sunday "and on to
            # Shanghai": left after a place the story reaches before the arrival, so that is the one visit
            return False
        # (a place only expected in between is no trip away: "lifted off from Hongqiao … was expected back in
        # Moscow … had flown down from Beijing" to Shanghai is the one visit told twice)
        away = any(e.key != back.key and e.event.article == article and e.event.status == "happened"
                   and first.event.token < e.event.token < back.event.token and e.relation != "from"
                   for e in evidence)  # fmt: skip
        return back.relation == "to" and back.event.status == "happened" and been_there(back) and away

    def left_on_an_earlier_day(back: Evidence) -> bool:
        """"landed at Fiumicino shortly after 4pm" on Monday, when "the plane left Fiumicino at 6.41pm on
        Thursday": reached on a day after the dated departure from it, however the article orders them (or
        still to come: "is expected at Joint Base Andrews on Friday evening", after leaving it Monday)."""
        if back.event.status not in ("happened", "expected", "planned"):
            return False
        if back.relation != "to" and (back.relation != "at" or back.event.status == "happened"):
            return False  # ("was due at Tokyo's Haneda airport": a presence still to come is an arrival)
        return any(
            e.key == back.key and e.relation == "from" and e.event.status == "happened"
            and not e.event.returning
            and after(back, e, AWAY_AT_LEAST)  # a day away, not a drive out of its airport
            for e in evidence
        )  # fmt: skip

    def reached_again(back: Evidence) -> bool:
        """"came on to Shanghai … flew to Hangzhou … flew to Shanghai": a place reached, another reached
        after it, then the first reached again, all told as done in the story's own order."""
        # (or passed through again: "landed at Toulon and went by train through Marseille to Barcelona")
        if back.relation not in ("to", "via") or back.event.status != "happened" or back.event.backshifted:
            return False
        lead_end = (lead_ends or {}).get(back.event.article, 0)
        first = next((e for e in evidence if e.key == back.key and e.event.article == back.event.article
                      and e.relation == "to" and e.event.status == "happened"), None)  # fmt: skip
        if first is None or first is back or first.event.token < lead_end:
            return False
        if {(back.event.article, back.event.token), (first.event.article, first.event.token)} & ahead:
            return False  # a piece that opens on one of the two
        both = dated(first) is not None and dated(back) is not None
        return elsewhere_between(first, back, towns_reached=True) and (
            not both or after(back, first, AWAY_AT_LEAST)
        )

    towns_reached = {e.key for e in evidence if e.relation in ("to", "at") and e.event.status == "happened"
                     and not e.mention.is_area}  # fmt: skip

    def going_back(back: Evidence) -> bool:
        """"Xi flew in from Beijing … He is due to leave for Beijing on Wednesday": a place only ever set out
        from, that a plan now heads for, after another place was reached, is the way home."""
        if back.relation != "to" or back.event.status not in ("planned", "expected"):
            return False
        same = [e for e in evidence if e.key == back.key and e is not back]
        left = [e for e in same if e.relation == "from" and e.event.status == "happened"]
        return bool(left) and bool(towns_reached - {back.key}) and all(e.relation == "from" for e in same)

    marked = [
        replace(e, visit=1)
        if (e.event.returning and e.relation in ("to", "at", "from", "via")
            # "returns from Abu Dhabi" after "had departed from Abu Dhabi": one departure told twice
            and ((e.relation != "from" and left_before(e)) or been_there(e)))
        or still_to_come(e) or round_trip(e) or left_on_an_earlier_day(e) or reached_again(e) or going_back(e)
        else e
        for e in evidence
    ]

    def left_after_return(e: Evidence) -> bool:
        """"Xi then returned to San Francisco … On Nov. 17 Xi left San Francisco": a departure told after
        the one return there (and not dated before it) leaves from the second visit. After two returns
        (a third visit) it is left as it is."""
        if e.relation != "from" or e.visit or e.event.status != "happened":
            return False
        returns = [
            r for r in marked
            if r.visit == 1 and _key(r.mention) == _key(e.mention) and r.relation in ("to", "at")
            and r.event.status == "happened" and r.event.article == e.event.article
            and r.event.token >= (lead_ends or {}).get(r.event.article, 0)  # not a lead summing up the trip
            and (r.event.article, r.event.token) not in ahead
        ]  # fmt: skip
        # (nor one dated before a return told first: "touched down at Ben Gurion on Sunday … He took off from
        # Ben Gurion on Monday morning" a week before)
        earlier = any(r.visit == 1 and _key(r.mention) == _key(e.mention) and after(r, e) for r in marked)
        return (len(returns) == 1 and returns[0].event.token < e.event.token and not after(returns[0], e)
                and not earlier)

    def reached_far_from(m: Evidence, e: Evidence) -> bool:
        """``m`` is another town reached, as done, far from ``e``'s place (not a drive round the city), and
        dated before ``e``."""
        return (_key(m.mention) != _key(e.mention) and m.relation in ("to", "at") and not m.mention.is_area
                and m.event.status == "happened" and after(e, m)
                and (_km(m.mention.place, e.mention.place) or 0.0) >= AWAY_KM)

    def left_after_away(e: Evidence) -> bool:
        """"The plane left Washington at about 6 p.m. on Saturday", told before the story goes back to the
        arrival on Monday, the trip to Florida on Friday and the flight back to Washington: a departure
        dated after a town reached away from a place visited twice leaves from the second visit."""
        if e.relation != "from" or e.visit or e.event.status != "happened":
            return False
        key = _key(e.mention)
        if not any(r.visit == 1 and _key(r.mention) == key and r.relation in ("to", "at") for r in marked):
            return False
        firsts = [f for f in marked if not f.visit and _key(f.mention) == key and f.relation in ("to", "at")
                  and f.event.status == "happened"]  # fmt: skip
        return any(reached_far_from(m, e) and after(m, first) for first in firsts for m in marked)

    def on_the_way_back(e: Evidence) -> bool:
        """"flew on to Rzeszów … halted on Friday morning at Nemishaieve … was in Przemyśl early on
        Saturday. Inkwazi took off from Rzeszów late on Saturday morning": a place reached in the story's
        order before a town far away, then left (or stayed at) on a date after that town's, is passed again
        on the way back."""
        if e.relation not in ("from", "at") or e.visit or e.event.status != "happened" or dated(e) is None:
            return False
        article, key = e.event.article, _key(e.mention)
        lead_end = (lead_ends or {}).get(article, 0)

        def told(x: Evidence) -> bool:
            return (x.event.article == article and x.event.token >= lead_end
                    and (article, x.event.token) not in ahead)

        firsts = [f for f in marked if f is not e and not f.visit and _key(f.mention) == key and told(f)
                  and f.relation in ("to", "at") and f.event.status == "happened"
                  and f.event.token < e.event.token]  # fmt: skip
        return any(
            reached_far_from(m, e) and told(m) and first.event.token < m.event.token
            and (e.relation == "from" or m.event.token < e.event.token)
            and (dated(first) is None or after(m, first))
            for first in firsts for m in marked
        )  # fmt: skip

    seconds = [replace(e, visit=1) if left_after_return(e) or left_after_away(e) or on_the_way_back(e) else e
               for e in marked]
    return _third_visits(seconds, ahead, lead_ends or {}, when)


def _third_visits(
    evidence: Sequence[Evidence], ahead: set[tuple[str, int]], lead_ends: Mapping[str, int],
    when: Mapping[tuple[str, int], Window],
) -> list[Evidence]:
    """"returned to the capital for a second round … a special train brought the party back to Moscow": a
    return reached, as done, after an earlier return to the same place and another town reached in between,
    all told past the lead (which sums the trip up: "before flying back to Paris") in the story's own order,
    is a third visit. So is a departure from that place told after the third arrival, or dated after a town
    reached between the second and the third ("LEAVES MOSCOW TONIGHT" over the whole tour)."""
    def reached(x: Evidence, article: str) -> bool:
        return (x.relation in ("to", "at") and x.event.status == "happened" and not x.mention.is_area
                and x.event.article == article and (x.event.article, x.event.token) not in ahead
                and x.event.token >= lead_ends.get(x.event.article, 0))

    def between(a: Evidence, b: Evidence) -> list[Evidence]:
        """Other towns reached, told between ``a`` and ``b``."""
        return [m for m in evidence if reached(m, a.event.article) and _key(m.mention) != _key(a.mention)
                and a.event.token < m.event.token < b.event.token]  # fmt: skip

    def came_back(r: Evidence) -> bool:
        """``r`` returns to a place told before it, with another town reached in between (not a summing up
        told ahead: "spent nine hours on the ground before flying back to Paris")."""
        return any(f.visit == 0 and _key(f.mention) == _key(r.mention) and f.event.article == r.event.article
                   and f.event.token < r.event.token and between(f, r) for f in evidence)  # fmt: skip

    thirds = {
        id(e): (r, e) for e in evidence
        if e.visit == 1 and e.event.returning and reached(e, e.event.article)
        for r in evidence
        if r.visit == 1 and reached(r, e.event.article) and _key(r.mention) == _key(e.mention)
        and r.event.token < e.event.token and between(r, e) and came_back(r)
    }  # fmt: skip

    def dated_after(e: Evidence, m: Evidence) -> bool:
        a, b = when.get((e.event.article, e.event.token)), when.get((m.event.article, m.event.token))
        return a is not None and b is not None and a[0] >= b[1]

    def leaves_third(e: Evidence) -> bool:
        if e.relation != "from" or e.event.article not in {t.event.article for _, t in thirds.values()}:
            return False
        return any(
            _key(t.mention) == _key(e.mention) and t.event.article == e.event.article
            and (t.event.token < e.event.token or any(dated_after(e, m) for m in between(r, t)))
            for r, t in thirds.values()
        )  # fmt: skip

    return [replace(e, visit=2) if id(e) in thirds or leaves_third(e) else e for e in evidence]


def _starts_before(a: Window | None, b: Window | None) -> bool:
    """Window ``a`` may begin before ``b`` ends (both known): ``a`` is not wholly after ``b``."""
    return a is not None and b is not None and a[0] < b[1]


def _names_traveller(event: Event, traveller: str) -> bool:
    words = {fold(w) for w in traveller.split()}
    return bool(words) and any(fold(w.strip(".,;:'’\"")) in words for w in event.quote.text.split())


def _drafts(evidence: Sequence[Evidence]) -> dict[StopKey, _Draft]:
    drafts: dict[StopKey, _Draft] = {}
    for e in evidence:
        if e.mention.is_area:
            continue
        draft = drafts.setdefault(e.key, _Draft(e.key))
        draft.mentions.append(e.mention)
        draft.evidence.append(e)
    return drafts


# --- order ----------------------------------------------------------------------------------------------


Claims = dict[tuple[StopKey, StopKey], dict[str, float]]
"""("a", "b") → {kind of statement: weight} for every statement that puts stop a before stop b."""

_CLAIM_WORDS = {
    "pair": "a sentence takes the traveller from the one to the other",
    "time": "the dates the articles give put it so",
    "sequence": "a sentence tells the two in that order",
    "told": "the article tells the two moves in that order",
    "status": "the articles report the one as done and the other as still to come",
    "again": "the traveller comes back to a place reached before",
}


def _claims(
    evidence: Sequence[Evidence], when: Mapping[tuple[str, int], Window], lead_ends: Mapping[str, int],
    entries: Mapping[str, Sequence[int]] | None = None,
) -> Claims:
    claims: Claims = defaultdict(lambda: defaultdict(float))
    kinds = {
        "pair": _pair_constraints(evidence),
        "sequence": _sequence_constraints(evidence),
        "told": _narrative_constraints(evidence, lead_ends, when, entries),
        "time": _time_constraints(evidence, when),
        "status": _status_constraints(evidence),
        "again": _visit_constraints(evidence),
    }
    for kind, weights in kinds.items():
        for pair, weight in weights.items():
            claims[pair][kind] += weight
    return claims


def _visit_constraints(evidence: Sequence[Evidence]) -> dict[tuple[StopKey, StopKey], float]:
    """A second visit comes after the first one to the same place."""
    keys = {e.key for e in evidence if not e.mention.is_area}
    return {(k[:-1], k): PAIR_WEIGHT for k in keys if k[-1:] == ("again",) and k[:-1] in keys}


def _pair_constraints(evidence: Sequence[Evidence]) -> dict[tuple[StopKey, StopKey], float]:
    """"from A to B" inside one frame: A before B."""
    weights: dict[tuple[StopKey, StopKey], float] = defaultdict(float)
    by_event = _by_event(evidence)
    rank = {"from": 0, "via": 1, "at": 1, "to": 2}
    for items in by_event.values():
        for a, b in itertools.permutations(items, 2):
            ordered = rank[a.relation] < rank[b.relation] and a.key != b.key
            if ordered and (a.relation == "from" or b.relation == "to"):
                weights[(a.key, b.key)] += PAIR_WEIGHT
        # "took them south through Oulu and Tampere and swung east at Riihimäki": the places passed, in the
        # order the sentence lists them
        passed = sorted((e for e in items if e.relation in ("via", "at")), key=lambda e: e.mention.start)
        for a, b in itertools.pairwise(passed):
            if a.key != b.key:
                weights[(a.key, b.key)] += SEQUENCE_WEIGHT
        # "was driven to Bucha, where he bowed …, and then on to Irpin": the goals, in the order told
        goals = sorted((e for e in items if e.relation == "to" and not e.mention.is_area),
                       key=lambda e: e.mention.start)
        for a, b in itertools.pairwise(goals):
            if a.key != b.key:
                weights[(a.key, b.key)] += SEQUENCE_WEIGHT
    return dict(weights)


def _retold_departure(event: Event) -> bool:
    """A departure told beside the move it began ("landed …, four hours after leaving Haneda"): a frame that
    retells another and only leaves places."""
    return event.elaborates and bool(event.places) and all(rel == "from" for rel, _ in event.places)


def _sequence_constraints(evidence: Sequence[Evidence]) -> dict[tuple[StopKey, StopKey], float]:
    """Frames told one after the other in one sentence ("flew to A, was driven to B"): A before B."""
    weights: dict[tuple[StopKey, StopKey], float] = defaultdict(float)
    by_event = _by_event(evidence)
    events = sorted(by_event.items(), key=lambda kv: kv[0])
    for (ka, ia), (kb, ib) in itertools.pairwise(events):
        if ka[0] != kb[0] or ia[0].event.sentence_start != ib[0].event.sentence_start:
            continue
        # both done, or both still to come ("is expected to reach Przemyśl before dawn and then fly on to
        # Warsaw"): told in that order
        if ia[0].event.status != ib[0].event.status:
            continue
        if ia[0].event.status not in ("happened", "expected", "planned"):
            continue
        ends_a = [e for e in ia if e.relation in ("to", "at", "via", "from")]
        ends_b = [e for e in ib if e.relation in ("to", "at", "via", "from")]
        if ib[0].event.elaborates:
            # "touched down in Beijing …, four hours after leaving Haneda": a departure retold after the
            # move it began was left first; any other retelling tells no order
            if _retold_departure(ib[0].event):
                _add_before(weights, ends_b, [e for e in ends_a if e.relation != "from"], SEQUENCE_WEIGHT)
            continue
        _add_before(weights, ends_a, ends_b, SEQUENCE_WEIGHT)
    return dict(weights)


def _narrative_constraints(
    evidence: Sequence[Evidence], lead_ends: Mapping[str, int],
    when: Mapping[tuple[str, int], Window] | None = None,
    entries: Mapping[str, Sequence[int]] | None = None,
) -> dict[tuple[StopKey, StopKey], float]:
    """Two moves that happened, told in consecutive frames after the lead (which sums the trip up out of
    order) and not in the past perfect ("had flown": earlier than what is told around it): the places the
    first reaches come before those the second reaches. Only for the articles in ``lead_ends``, and in an
    article of ``entries`` (a live blog's stamps, by token: newest entry first, so not told in order) only
    within one entry. A move dated after one told later (a feature that opens on the arrival, then goes
    back to the start) tells no order."""
    weights: dict[tuple[StopKey, StopKey], float] = defaultdict(float)
    flash_forward = _told_before_earlier(evidence, when or {}, lead_ends)
    # "The motorcade covered the 170 km to the capital and pulled up at 10.50": an undated move told just
    # before a dated flash-forward, in its sentence, is part of it
    ahead = {(e.event.article, e.event.sentence_start): e.event.token for e in evidence
             if (e.event.article, e.event.token) in flash_forward}  # fmt: skip
    def told_ahead(key: tuple[str, int], first: Evidence) -> bool:
        return key in flash_forward or first.event.token < ahead.get((key[0], first.event.sentence_start), -1)

    reached = [
        (key, [e for e in items if e.relation in ("to", "at", "via")], told_ahead(key, items[0]))
        for key, items in sorted(_by_event(evidence).items(), key=lambda kv: kv[0])
        if items[0].event.status == "happened"
        and not items[0].event.elaborates
        and not items[0].event.backshifted
        and key[0] in lead_ends
        and items[0].event.token >= lead_ends[key[0]]
    ]
    # "… came to Prague from Warsaw. The train has carried him since he set out from Beijing. It entered
    # Mongolia at Zamyn-Uud": a departure told as the journey's opening starts the telling over
    restarts = {(e.event.article, e.event.token) for e in evidence
                if e.event.opens and e.relation == "from" and e.event.status == "happened"}  # fmt: skip
    # the opening told ahead keeps its own order, and tells none against the story told after it
    for (ka, ia, fa), (kb, ib, fb) in itertools.pairwise([r for r in reached if r[1]]):
        restarted = any(a == ka[0] and ka[1] < t < kb[1] for a, t in restarts)
        stamps = (entries or {}).get(ka[0], ())
        another_entry = bisect.bisect(stamps, ka[1]) != bisect.bisect(stamps, kb[1])
        if ka[0] == kb[0] and fa == fb and not restarted and not another_entry:
            _add_before(weights, ia, ib, NARRATIVE_WEIGHT)
    return dict(weights)


def _told_before_earlier(
    evidence: Sequence[Evidence], when: Mapping[tuple[str, int], Window],
    lead_ends: Mapping[str, int] | None = None,
) -> set[tuple[str, int]]:
    """Frames dated wholly after frames the same article tells later: a piece that opens on the arrival,
    then tells the trip from its start. One flashback in the past perfect ("Lukashenko's train had left Minsk
    on Sunday", late in a report told in order) marks itself as out of order, and does not make the moves
    told before it so, unless they are the lead's."""
    dated = sorted({(e.event.article, e.event.token) for e in evidence} & set(when))
    back = {(e.event.article, e.event.token) for e in evidence if e.event.backshifted}

    def out_of_order(a: tuple[str, int]) -> bool:
        earlier = [b for b in dated if b[0] == a[0] and b[1] > a[1] and when[b][1] <= when[a][0]]
        opening = lead_ends is not None and a[1] < lead_ends.get(a[0], 0)
        return len(earlier) > 1 or any(b not in back or opening for b in earlier)

    return {a for a in dated if out_of_order(a)}


def _add_before(
    weights: dict[tuple[StopKey, StopKey], float],
    firsts: Sequence[Evidence],
    seconds: Sequence[Evidence],
    weight: float,
) -> None:
    """Each place of ``firsts`` before each other place of ``seconds``, by ``weight``."""
    for a in firsts:
        for b in seconds:
            if a.key != b.key:
                weights[(a.key, b.key)] += weight


def _status_constraints(evidence: Sequence[Evidence]) -> dict[tuple[StopKey, StopKey], float]:
    """A stop the articles report as reached comes before one they report as still to come."""
    done: set[StopKey] = set()
    to_come: set[StopKey] = set()
    for e in evidence:
        if e.mention.is_area:
            continue
        (done if e.event.status == "happened" else to_come).add(e.key)
    only_done, only_to_come = done - to_come, to_come - done
    return {(a, b): STATUS_WEIGHT for a in only_done for b in only_to_come}


def _by_event(evidence: Sequence[Evidence]) -> dict[tuple[str, int], list[Evidence]]:
    by_event: dict[tuple[str, int], list[Evidence]] = defaultdict(list)
    for e in evidence:
        if not e.mention.is_area:
            by_event[(e.event.article, e.event.token)].append(e)
    return by_event


def _endpoint_scores(
    drafts: Mapping[StopKey, _Draft], weights: Mapping[tuple[StopKey, StopKey], float]
) -> tuple[StopKey | None, StopKey | None]:
    """The origin (left from, never reached) and the destination (reached or going to, never left).

    What happened weighs more than what is planned, a named place more than a description, and more
    articles more than one; what the text or the dates put before (after) another stop is less likely the
    destination (origin); among equals the one told first wins."""
    before: dict[StopKey, float] = defaultdict(float)
    after: dict[StopKey, float] = defaultdict(float)
    for (a, b), weight in weights.items():
        before[a] += weight
        after[b] += weight
    origin_score: dict[StopKey, float] = {}
    dest_score: dict[StopKey, float] = {}
    for key, draft in drafts.items():
        rel = draft.relations()
        named = 0.5 if draft.place is not None else 0.0
        spread = 0.1 * len(draft.articles())
        if rel["from"] and not rel["to"]:
            opened = any(e.event.opens and e.relation == "from" for e in draft.evidence)
            opens = OPENS_WEIGHT if opened else 0.0
            origin_score[key] = _weight(draft, "from") + named + spread + opens - after[key]
        if rel["to"] and not rel["from"]:
            # where the trip is going counts as much when it is still to come (early reports)
            dest_score[key] = rel["to"] + named + spread - before[key]
        elif rel["at"] and not rel["from"]:
            # reported there and never said to leave: "the summit will be held in X", "stepped off in X"
            planned = any(e.event.status != "happened" for e in draft.evidence)
            dest_score[key] = (0.5 if planned else 0.4) * _weight(draft, "at") + named + spread - before[key]
    # a place only left, but that the telling puts after another, is no sure start (a return trip's leg)
    origin_score = {k: v for k, v in origin_score.items() if v > ORIGIN_MIN}
    origin = max(origin_score, key=lambda k: (origin_score[k], _first_seen(drafts[k])), default=None)
    if origin is not None:
        dest_score.pop(origin, None)
        home = (*origin, "again")
        if home in dest_score:
            dest_score[home] += RETURN_HOME_WEIGHT
    start = drafts[origin].place if origin is not None else None

    def farthest(k: StopKey) -> float:
        return _km(start, drafts[k].place) or 0.0

    for key in dest_score:  # "only once Johnson was back in London": a way home ends the journey
        home_only = key[-1:] != ("again",) and all(e.relation in ("to", "at") for e in drafts[key].evidence)
        if home_only and any(e.event.returning for e in drafts[key].evidence):
            dest_score[key] += HOME_WEIGHT
    # a place the text or the dates put before another is no end while one that nothing puts first is
    last = {k: v for k, v in dest_score.items() if not before[k]}
    if last:
        dest_score = last
    # among equally supported ends, the one farthest from the origin ("left X for Y"; Z passed on the way)
    destination = max(dest_score, key=lambda k: (dest_score[k], farthest(k)), default=None)
    return origin, destination


def _weight(draft: _Draft, relation: PlaceRelation) -> float:
    return sum(1.0 if e.event.status == "happened" else 0.5 for e in draft.evidence if e.relation == relation)


def _first_seen(draft: _Draft) -> int:
    return -min(e.event.sentence_start for e in draft.evidence)


def _km(a: Place | None, b: Place | None) -> float | None:
    if a is None or b is None:
        return None
    return float(geodesic((a.latitude, a.longitude), (b.latitude, b.longitude)).km)


Window = tuple[datetime, datetime, float]
"""Earliest, latest, and how much the dating counts for the order."""


def event_windows(
    events: Mapping[str, Sequence[Event]], times: Mapping[str, Sequence[TimeExpression]]
) -> dict[tuple[str, int], Window]:
    """When each frame happened, as far as the time expressions on its verb say ("left Minsk on
    Saturday"); a live blog's time stamp dates the frames below it until the next stamp."""
    out: dict[tuple[str, int], Window] = {}
    placed = (m.place for evs in events.values() for e in evs for _, m in e.places if not m.is_area)
    zoned = list({(p.latitude, p.longitude): p for p in placed if p is not None and p.timezone}.values())
    for article_id, evs in events.items():
        exprs = [t for t in times.get(article_id, ()) if t.earliest is not None and t.latest is not None]
        stamps = sorted((t for t in exprs if t.stamp), key=lambda t: t.start)
        dated: list[tuple[Event, TimeExpression]] = []
        by_token = {e.token: e for e in evs}
        for event in evs:
            own = [t for t in exprs if not t.stamp and (t.verb == event.token or t.attach == event.token)]
            if not own:
                # "On Wednesday Biden gave a speech … and then flew to Dublin": the day of a verb that is no
                # move dates the moves conjoined to it
                # ("crossed back into the South at about 9 p.m. and stopped at Dorasan": so does a move that
                # names no place)
                own = [t for t in exprs if not t.stamp and event.token in t.also
                       and (t.verb not in by_token or not by_token[t.verb].places)]  # fmt: skip
            if not own and stamps:
                # "An RAAF jet carried them on to Sydney, landing at about 8.30pm on Friday": in a live blog,
                # the one date of the sentence, on no frame going elsewhere, over the entry's stamp
                said = [t for t in exprs
                        if not t.stamp and event.sentence_start <= t.start < event.sentence_end]  # fmt: skip
                other = by_token.get(said[0].verb) if len(said) == 1 and said[0].verb is not None else None
                own = said if len(said) == 1 and (other is None or _same_places(other, event)) else []
            if not own:
                above = [t for t in stamps if t.start <= event.sentence_start]
                own = above[-1:]
            if own and own[0].earliest is not None and own[0].latest is not None:
                dated.append((event, own[0]))
        zones = [_event_zone(event, zoned) for event, _ in dated]
        known = [(event.token, z) for (event, _), z in zip(dated, zones, strict=True) if z]
        # a frame whose place has no zone yet (an unplaced border station): the zone of the dated frame
        # told nearest to it, so that it is compared in the zones around it, not in the publication's
        zones = [z or min(known, key=lambda k: abs(k[0] - event.token), default=(0, None))[1]
                 for (event, _), z in zip(dated, zones, strict=True)]  # fmt: skip
        for (event, expr), zone in zip(dated, zones, strict=True):
            weight = TIME_WEIGHT if expr.stamp or _calendar(expr) else WEEKDAY_WEIGHT
            out[(article_id, event.token)] = (*_span_of_days(expr, zone), weight)
        for event in evs:
            # "touched down in Beijing at 1:40 p.m., about four hours after leaving Haneda": an undated
            # departure retold beside a dated move of its sentence happened by then (how long before, unsaid)
            if (article_id, event.token) in out or not _retold_departure(event):
                continue
            before = [e for e in evs if e.sentence_start == event.sentence_start and e.token < event.token
                      and (article_id, e.token) in out]  # fmt: skip
            if before:
                _, latest, _ = out[(article_id, before[-1].token)]
                out[(article_id, event.token)] = (latest - RETOLD_DEPARTURE_WITHIN, latest, WEEKDAY_WEIGHT)
    return out


def _opening_scene(
    evidence: Sequence[Evidence], when: Mapping[tuple[str, int], Window],
    lead_ends: Mapping[str, int] | None, texts: Mapping[str, str],
) -> dict[tuple[str, int], Window]:
    """A piece that opens on its last day and then goes back ("went first to the shrine in Knock … visited a
    hospice in Castlebar … before reaching Ballina on Friday evening. … The trip began on Tuesday"): the
    undated moves told before a dated move of that opening, in its paragraph, are on that day (weakly)."""
    out: dict[tuple[str, int], Window] = {}
    by_frame = {(e.event.article, e.event.token): e for e in evidence}
    for article, token in sorted(_told_before_earlier(evidence, when, lead_ends)):
        dated = by_frame[(article, token)]
        start, end, _ = when[(article, token)]
        para = texts.get(article, "").rfind("\n\n", 0, dated.event.sentence_start)
        for e in evidence:
            k = (e.event.article, e.event.token)
            if (e.event.article != article or k in when or k in out or e.event.token >= token
                    or e.event.sentence_start <= para or e.event.status != "happened"):
                continue
            out[k] = (start.replace(hour=0, minute=0, second=0, microsecond=0), end, WEEKDAY_WEIGHT)
    return out


def _same_places(a: Event, b: Event) -> bool:
    """Whether two frames name the same places ("carried them on to Sydney, landing …")."""
    return {m.place.name for _, m in a.places if m.place} == {m.place.name for _, m in b.places if m.place}


ZONE_FROM_NEIGHBOUR_KM = 500.0
"""A place the gazetteer gives no time zone takes the zone of the nearest place of the story within this."""


def _event_zone(event: Event, zoned: Sequence[Place]) -> str | None:
    """The zone of the place a frame is about: "landed in San Francisco on the afternoon of Nov. 14" is
    that afternoon in California, whatever the dateline. A place with none (a border station) takes its
    nearest neighbour's among the story's places."""
    for _, m in event.places:
        if m.place is None or m.is_area:
            continue
        if m.place.timezone:
            return m.place.timezone
        near = [(km, p.timezone) for p in zoned if (km := _km(m.place, p)) is not None]
        best = min(near, default=None)
        return best[1] if best is not None and best[0] <= ZONE_FROM_NEIGHBOUR_KM else None
    return None


def _span_of_days(expr: TimeExpression, zone: str | None = None) -> tuple[datetime, datetime]:
    """A clock time with no day may fall on any day from the article's previous date to publication
    ("took off at 4:15 a.m. on Sunday … At 7:57 p.m. the plane landed"), or just past midnight of the day in
    focus: for the order it is dated over all of those days from the first one read, so the
    publication-day reading does not put it after later moves. Days and hours are read in the zone of the
    frame's place (``zone``) unless the phrase names its own."""
    assert expr.earliest is not None and expr.latest is not None
    days = [d for d in expr.day_options if d is not None]
    if not days:
        if zone is None or expr.zone is not None or expr.latest - expr.earliest > timedelta(days=2):
            return expr.earliest, expr.latest  # a month's dating does not hang on its zone
        # the same wall-clock times, in the place's zone
        place_zone = zone_of(zone)
        return expr.earliest.replace(tzinfo=place_zone), expr.latest.replace(tzinfo=place_zone)
    in_zone = zone or expr.earliest.tzinfo
    windows = [w for d in days if d >= days[0] and (w := window_in_zone(on_day(expr, d), in_zone))]
    return min([expr.earliest, *(w[0] for w in windows)]), max([expr.latest, *(w[1] for w in windows)])


_DIGIT = re.compile(r"\d")


def _calendar(expr: TimeExpression) -> bool:
    """A date written with its day number ("Feb. 26", "March 2"): weekdays alone ("on Tuesday") are read
    against the publication day and can fall in the wrong week, so they do not order stops."""
    return bool(_DIGIT.search(expr.text)) and not expr.day_from_publication


def _time_constraints(
    evidence: Sequence[Evidence], when: Mapping[tuple[str, int], Window]
) -> dict[tuple[StopKey, StopKey], float]:
    """"a before b" wherever the traveller's frame at a is dated wholly before the one at b."""
    weights: dict[tuple[StopKey, StopKey], float] = defaultdict(float)
    dated = [(e, when[(e.event.article, e.event.token)]) for e in evidence
             if (e.event.article, e.event.token) in when and not e.mention.is_area]  # fmt: skip
    for (a, wa), (b, wb) in itertools.permutations(dated, 2):
        if a.key != b.key and wa[1] <= wb[0]:
            weights[(a.key, b.key)] += min(wa[2], wb[2])
        elif (a.key != b.key and a.relation == "from" and b.relation in ("to", "at") and wa[0] <= wb[0]
              and wa[1] <= wb[1] and wb[0] < wa[1] and a.event.sentence_start != b.event.sentence_start):
            # "LEAVES MOSCOW TONIGHT … He leaves tonight by special train for Kiev": a place left and
            # another reached in the same window (or one no earlier), told apart: the one left comes first
            # (in one sentence the two share a time: "landed at Noi Bai … after leaving Washington")
            weights[(a.key, b.key)] += min(wa[2], wb[2]) / 2
    return dict(weights)


def order_stops(
    drafts: Mapping[StopKey, _Draft],
    evidence: Sequence[Evidence],
    when: Mapping[tuple[str, int], Window] | None = None,
    lead_ends: Mapping[str, int] | None = None,
    entries: Mapping[str, Sequence[int]] | None = None,
) -> tuple[list[StopKey], dict[StopKey, str]]:
    """A topological order of the weighted statements (the weakest of two contradicting ones dropped), ties
    broken by distance from the origin: the origin first, the destination last. With it, for each stop, why
    it comes where it does, and which contradicting statement was not followed."""
    keys = list(drafts)
    claims = _claims(evidence, when or {}, lead_ends or {}, entries or {})
    weights = {pair: sum(kinds.values()) for pair, kinds in claims.items()}
    origin, destination = _endpoint_scores(drafts, weights)
    if origin is None:
        sources = [k for k in keys if not any(b == k for (_, b) in weights) and k != destination]
        origin = min(sources or keys, key=lambda k: _first_seen(drafts[k]) * -1)
    origin_place = drafts[origin].place
    for k in keys:
        if k != origin:
            weights[(origin, k)] = weights.get((origin, k), 0.0) + END_WEIGHT
        if destination is not None and k != destination:
            weights[(k, destination)] = weights.get((k, destination), 0.0) + END_WEIGHT
    edges = _acyclic(weights)

    def distance(k: StopKey) -> float:
        km = _km(origin_place, drafts[k].place)
        if km is not None:
            return km
        # an unnamed place sits just before the nearest stop it leads to, or just after the farthest one it
        # comes from
        nexts = [_km(origin_place, drafts[b].place) or 0.0 for (a, b) in edges
                 if a == k and drafts[b].place is not None]  # fmt: skip
        if nexts:
            return min(nexts) - 1.0
        befores = [_km(origin_place, drafts[a].place) or 0.0 for (a, b) in edges
                   if b == k and drafts[a].place is not None]  # fmt: skip
        return max(befores) + 1.0 if befores else 0.0

    incoming: dict[StopKey, int] = dict.fromkeys(keys, 0)
    for (_, b) in edges:
        incoming[b] += 1
    heap = [(distance(k), i, k) for i, k in enumerate(keys) if incoming[k] == 0]
    heapq.heapify(heap)
    order: list[StopKey] = []
    while heap:
        _, _, k = heapq.heappop(heap)
        order.append(k)
        for (a, b) in edges:
            if a == k:
                incoming[b] -= 1
                if incoming[b] == 0:
                    heapq.heappush(heap, (distance(b), keys.index(b), b))
    return order, _order_notes(order, drafts, claims, edges)


def _order_notes(
    order: Sequence[StopKey],
    drafts: Mapping[StopKey, _Draft],
    claims: Claims,
    kept: set[tuple[StopKey, StopKey]],
) -> dict[StopKey, str]:
    """Why each stop comes after the one before it, and any contradicting statement that was overruled."""
    notes: dict[StopKey, str] = {}

    def name(k: StopKey) -> str:
        return _draft_name(drafts[k])

    for prev, key in itertools.pairwise(order):
        kinds = claims.get((prev, key), {})
        if kinds:
            strongest = max(kinds, key=lambda kind: kinds[kind])
            note = f"After {name(prev)}: {_CLAIM_WORDS[strongest]}."
        elif prev == order[0] and not any(b == prev for (_, b) in claims):
            note = f"After {name(prev)}, where the journey starts."
        else:
            note = f"After {name(prev)}: no statement orders the two, so by distance from the start."
        overruled = [b for (a, b) in claims if a == key and (a, b) not in kept and b in order]
        overruled = [b for b in overruled if order.index(b) < order.index(key)]
        if overruled:
            note += (f" A statement puts it before {', '.join(name(b) for b in overruled)}; the stronger "
                     "statements and the dates were followed.")
        notes[key] = note
    return notes


def _leads_into(draft: _Draft) -> str | None:
    """An unnamed border place the road or rail *from* it leads into country Y lies in Y, not in the border's
    own country ("a town on the Polish border" from which the train goes to Kyiv is in Ukraine)."""
    border = draft.first("border_of")
    for e in draft.evidence:
        if e.relation != "from":
            continue
        for relation, mention in e.event.places:
            country = mention.place.country if mention.place is not None else ""
            if relation == "to" and country and country != border:
                return country
    return None


def _with_note(stop: Stop, note: str | None) -> Stop:
    return replace(stop, reason=f"{stop.reason} {note}") if note else stop


def _draft_name(draft: _Draft) -> str:
    if draft.place is not None:
        return draft.place.name
    return next((m.description or m.text for m in draft.mentions), "?")


def _acyclic(weights: Mapping[tuple[StopKey, StopKey], float]) -> set[tuple[StopKey, StopKey]]:
    """Keep the heaviest constraints that form no cycle (the lighter of two opposite claims is dropped)."""
    kept: set[tuple[StopKey, StopKey]] = set()
    for (a, b), _ in sorted(weights.items(), key=lambda kv: -kv[1]):
        if (b, a) in kept or _reaches(kept, b, a):
            continue
        kept.add((a, b))
    return kept


def _reaches(edges: set[tuple[StopKey, StopKey]], start: StopKey, goal: StopKey) -> bool:
    seen = {start}
    todo = [start]
    while todo:
        k = todo.pop()
        if k == goal:
            return True
        for (a, b) in edges:
            if a == k and b not in seen:
                seen.add(b)
                todo.append(b)
    return False


# --- fusing descriptions with names -------------------------------------------------------------------


def _merge_descriptions(order: list[StopKey], drafts: dict[StopKey, _Draft]) -> list[StopKey]:
    """"a station on the Chinese border" (one report) is the named stop another report puts at that border:
    the named stop where the journey enters or leaves that country, next to the same neighbours."""
    for key in list(order):
        draft = drafts[key]
        if key[0] != "desc" or draft.place is not None:
            continue
        border = draft.first("border_of")
        i = order.index(key)
        partners = _partners(draft)
        candidates = []
        for j, other in enumerate(order):
            o = drafts[other]
            if other == key or o.place is None or other[0] == "desc" or not (o.articles() - draft.articles()):
                continue
            if not _fits(j, order, partners):
                continue
            before = drafts[order[j - 1]].place if j > 0 else None
            after = drafts[order[j + 1]].place if j + 1 < len(order) else None
            at_border = border is not None and (
                (before is not None and before.country == border and o.place.country != border)
                or (after is not None and after.country == border and o.place.country != border)
                or (o.place.country == border and (
                    (after is not None and after.country != border)
                    or (before is not None and before.country != border)
                ))
            )  # fmt: skip
            if at_border or (border is None and o.first("feature") == draft.first("feature")):
                candidates.append((abs(j - i), j, other))
        if not candidates:
            continue
        _, _, target = min(candidates)
        drafts[target].mentions.extend(draft.mentions)
        drafts[target].evidence.extend(draft.evidence)
        order.remove(key)
    return order


GROUND_KM = 400.0
"""An untold hop shorter than this, in a journey told as flown, is assumed made on the ground."""
LONG_ROAD_KM = 1000.0
"""An untold hop longer than this, in a journey that tells a flight, is assumed flown, however much of the
journey is told as driven (a leader who "drove himself round the city" flew the 1,400 km to get there)."""
NEARBY_KM = 5.0
"""Consecutive stops this close in one country are one stop (a palace or a hotel told as a place of its own,
beside its city); a town 8 km or 20 km out that the traveller is driven to is a stop of its own (Bethlehem
beside East Jerusalem, Irpin beside Kyiv)."""
LOCAL_KM = 60.0
"""A hop no sentence describes, shorter than this inside one country, is assumed by road (a city to its
airport or an island off it), not by the journey's main mode."""


def _merge_repeats(order: list[StopKey], drafts: dict[StopKey, _Draft]) -> list[StopKey]:
    """"flew in from Tokyo … She left Tokyo on Wednesday and her plane touched down here": an arrival told
    twice, the second after a look back at the stop before, is one visit when the order puts nothing between
    the two."""
    out: list[StopKey] = []
    for key in order:
        prev = drafts[out[-1]] if out else None
        if (
            prev is not None and _first_visit(out[-1]) == _first_visit(key)
            and not any(e.relation == "from" for e in prev.evidence)
            and any(e.relation == "to" for e in drafts[key].evidence) and _done(prev) == _done(drafts[key])
            and not any(e.event.returning for e in drafts[key].evidence)
        ):  # fmt: skip
            # (never left between the two, nor told coming back: a visit left and come back to stays two)
            drafts[out[-1]].mentions.extend(drafts[key].mentions)
            drafts[out[-1]].evidence.extend(drafts[key].evidence)
            continue
        out.append(key)
    return out


def _merge_nearby(order: list[StopKey], drafts: dict[StopKey, _Draft]) -> list[StopKey]:
    """"landed at Changi" and "arrived in Singapore": the most populous of neighbouring places stands, when
    both are reported reached (or both still to come)."""
    returned_to = {k[:-1] for k in order if k[-1:] == ("again",)}
    out: list[StopKey] = []
    for key in order:
        # "taken to Bucha … returning to Kyiv": a place the traveller comes back to is not the one near it
        distinct = key[-1:] == ("again",) or (bool(out) and out[-1] in returned_to)
        if out and not distinct:
            prev = drafts[out[-1]]
            here = drafts[key]
            km = _km(prev.place, here.place)
            if (
                km is not None and km <= NEARBY_KM and prev.place is not None and here.place is not None
                and prev.place.country == here.place.country and _done(prev) == _done(here)
                and not _goals_of_one_move(prev, here)
            ):  # fmt: skip
                bigger = prev.place.population >= here.place.population
                keep, drop = (out[-1], key) if bigger else (key, out[-1])
                drafts[keep].mentions.extend(drafts[drop].mentions)  # its own first: they name the stop
                drafts[keep].evidence[:0] = drafts[drop].evidence
                out[-1] = keep
                continue
        out.append(key)
    return out


def _goals_of_one_move(a: _Draft, b: _Draft) -> bool:
    """"driven to Bucha … and then on to Irpin": two places one move goes to in turn are two stops, however
    near each other."""
    goals = {(e.event.article, e.event.token) for e in a.evidence if e.relation == "to"}
    return any((e.event.article, e.event.token) in goals for e in b.evidence if e.relation == "to")


def _done(draft: _Draft) -> bool:
    """Whether any article reports the traveller there as done (not only planned or expected): a place
    reached and a nearby one still to come are two visits, not two names of one stop."""
    return any(e.event.status == "happened" for e in draft.evidence)


def _country_of(stop: Stop) -> str | None:
    return stop.place.country if stop.place is not None else None


def _partners(draft: _Draft) -> dict[StopKey, str]:
    """The places a description is told with: "(from) a station … to Vladivostok" → {Vladivostok: "after"}."""
    out: dict[StopKey, str] = {}
    for e in draft.evidence:
        for relation, mention in e.event.places:
            if mention is e.mention or mention.is_area:
                continue
            if e.relation == "from" and relation == "to":
                out[_key(mention)] = "after"
            elif e.relation == "to" and relation == "from":
                out[_key(mention)] = "before"
    return out


def _fits(j: int, order: Sequence[StopKey], partners: Mapping[StopKey, str]) -> bool:
    """Whether the stop at ``j`` has the description's partners right next to it, on the right side."""
    for partner, side in partners.items():
        if partner not in order:
            continue
        k = order.index(partner)
        if (side == "after" and k not in (j + 1, j + 2)) or (side == "before" and k not in (j - 1, j - 2)):
            return False
    return True


# --- roles, stops, hops ----------------------------------------------------------------------------------


def _role(
    i: int, keys: Sequence[StopKey], drafts: Mapping[StopKey, _Draft], modes: Sequence[Mode | None]
) -> Role:
    """Origin and destination at the ends; a border stop where a land hop changes country next to it,
    or where the articles describe it at a border; any other stop is a waypoint."""
    if i == 0:
        return "origin"
    if i == len(keys) - 1:
        return "destination"
    draft = drafts[keys[i]]
    if draft.first("border_of") or "border" in (draft.first("description") or "").casefold():
        return "border"
    here = _country(draft)
    prev = _country(drafts[keys[i - 1]])
    nxt = _country(drafts[keys[i + 1]])
    land = ("rail", "road", None)
    near_prev = _near(draft, drafts[keys[i - 1]])
    near_next = _near(draft, drafts[keys[i + 1]])
    if here and prev and prev != here and modes[i - 1] in land and near_prev:
        return "border"
    if here and nxt and nxt != here and modes[i] in land and near_next:
        return "border"
    return "waypoint"


def _roles(
    keys: Sequence[StopKey], drafts: Mapping[StopKey, _Draft], modes: Sequence[Mode | None]
) -> list[Role]:
    return [_role(i, keys, drafts, modes) for i in range(len(keys))]


BORDER_KM = 250.0
"""A stop is at a border when the next (or previous) stop, across it, is at most this far (km)."""


def _near(a: _Draft, b: _Draft) -> bool:
    km = _km(a.place, b.place)
    return km is None or km <= BORDER_KM


def _country(draft: _Draft) -> str:
    return draft.place.country if draft.place else (draft.first("country_hint") or "")


def _quotes(evidence: Sequence[Evidence], order: Mapping[str, int]) -> tuple[Quote, ...]:
    unique = {(e.event.quote.article, e.event.quote.start): e.event.quote for e in evidence}
    return tuple(sorted(unique.values(), key=lambda q: (order.get(q.article, 0), q.start)))


def _events(evidence: Sequence[Evidence]) -> tuple[Event, ...]:
    return tuple({(e.event.article, e.event.token, e.event.mover): e.event for e in evidence}.values())


def display_name(name: str, lex: Lexicon) -> str:
    """The place's name without GeoNames' kind-of-municipality prefix ("Thị Trấn Sa Pa" → "Sa Pa")."""
    for prefix in lex.admin_prefixes:
        if name.startswith(prefix + " ") and len(name) > len(prefix) + 1:
            return name[len(prefix) + 1 :]
    return name


def _stop(
    seq: int, role: Role, draft: _Draft, traveller: str, order: Mapping[str, int], lex: Lexicon
) -> Stop:
    place = draft.place
    preference = _PREFERENCE[role]
    best = min(draft.evidence, key=lambda e: (preference.index(e.relation), order.get(e.event.article, 0)))
    who = traveller or "The traveller"
    source = best.event.quote.publisher or best.event.quote.article
    verb = _VERBS[best.relation]
    planned = all(e.event.status in ("planned", "expected") for e in draft.evidence)
    status = " (planned)" if planned else ""
    descriptive = next((m for m in draft.mentions if m.kind == "descriptive"), None)
    named = next((m for m in draft.mentions if m.kind != "descriptive"), None)
    if place is not None:
        name, inferred = display_name(place.name, lex), False
        said = f"{best.event.mover_text or who} … {best.event.lemma}"
        reason = f"{who} {verb} {name}{status} (“{said}”, {source})."
    elif named is None and descriptive is not None:
        name, inferred = descriptive.description or descriptive.text, True
        reason = f"{_UNNAMED_REASON}; {who} {verb} it{status} ({source})."
    else:
        name, inferred = (named or draft.mentions[0]).text, False
        reason = (
            f"{who} {verb} {name}{status} ({source}); the name is not in the gazetteer, so it is placed at "
            "the rail station of that name when routing."
        )
    return Stop(
        seq=seq,
        name=name,
        role=role,
        place=place,
        quotes=_quotes(draft.evidence, order),
        inferred=inferred,
        reason=reason,
        description=draft.first("description"),
        feature=draft.first("feature"),
        border_of=draft.first("border_of"),
        country_hint=draft.first("country_hint") or (_leads_into(draft) if place is None else None),
        planned=planned,
        events=_events(draft.evidence),
    )


def _hop_evidence(
    a: StopKey, b: StopKey, evidence: Sequence[Evidence], key_of: Mapping[tuple[str, int, int], StopKey],
    arrivals: frozenset[str] = frozenset(),
) -> list[Evidence]:
    """Frames that tell how the traveller went from a to b: both ends in one frame, else the arrival at b
    (also one said "at" b by a verb of arriving: "the Quincy entered the harbour at Valletta"), else the
    departure from a (or boarding at a)."""
    by_event: dict[tuple[str, int], list[Evidence]] = defaultdict(list)
    for e in evidence:
        by_event[(e.event.article, e.event.token)].append(e)
    both, arrive, depart = [], [], []
    for items in by_event.values():
        keys = {key_of.get((e.mention.article, e.mention.start, e.mention.end), e.key): e
                for e in items}  # fmt: skip
        event = items[0].event
        if event.mode is None:
            continue
        if a in keys and b in keys:
            both.append(keys[b])
        elif b in keys and event.mode == "road" and is_airfield_phrase(keys[b].mention.text):
            continue  # "the motorcade headed to the airport": on the way to the next flight, not how b was
            # reached
        elif b in keys and (keys[b].relation in ("to", "via") or (keys[b].relation == "at" and event.lemma
                            in arrivals)) and event.lemma not in ("board", "catch"):  # fmt: skip
            arrive.append(keys[b])
        elif a in keys and (keys[a].relation == "from" or event.lemma in ("board", "catch")):
            depart.append(keys[a])
    return both or arrive or depart


RANGE_ORDER: tuple[Mode, ...] = ("road", "rail", "sea", "air")
"""Modes by how far they carry: of several told for one long hop, the farthest-reaching one made it (the
motorcade from the airport is the last few kilometres of a flight)."""
LONG_HOP_KM = 300.0
"""A hop longer than this takes the farthest-reaching of the modes told for it."""


def _told_mode(told: Sequence[Evidence], km: float | None) -> Mode | None:
    """The mode the frames tell for a hop of ``km``: the most told, or on a long hop the farthest-reaching."""
    counts = Counter(e.event.mode for e in told if e.event.mode)
    if not counts:
        return None
    if len(counts) > 1 and km is not None and km > LONG_HOP_KM:
        return max(counts, key=lambda m: RANGE_ORDER.index(m) if m in RANGE_ORDER else -1)
    return counts.most_common(1)[0][0]


def _mode_before(told_modes: Sequence[Mode | None], i: int) -> Mode | None:
    """The mode of the nearest hop before hop ``i`` that the text tells."""
    return next((m for m in reversed(told_modes[:i]) if m), None)


def _hops(
    keys: Sequence[StopKey],
    stops: Sequence[Stop],
    evidence: Sequence[Evidence],
    all_events: Sequence[Event],
    lex: Lexicon,
    order: Mapping[str, int],
    key_of: Mapping[tuple[str, int, int], StopKey],
    neighbours: Mapping[str, frozenset[str]] | None = None,
    unnamed_modes: frozenset[Mode] | set[Mode] = frozenset(),
) -> tuple[Hop, ...]:
    """One hop per pair of consecutive stops: the mode the text tells, else one inferred with its reason.
    ``neighbours`` (country code → land neighbours) lets an untold hop between countries that share no
    border be flown rather than take the journey's usual mode."""
    general = Counter(e.mode for e in all_events if e.mode and e.status in COUNTING)
    fallback: Mode = general.most_common(1)[0][0] if general else lex.default_mode
    via = [e for e in evidence if e.relation in ("via", "to") and e.mention.place is not None
           and e.mention.place.kind == "country"]  # fmt: skip
    hops: list[Hop] = []
    arrivals = frozenset(k for k, m in lex.movement.items() if m.arrival or m.object == "to")
    told_by_hop = [_hop_evidence(keys[i], keys[i + 1], evidence, key_of, arrivals)
                   for i in range(len(keys) - 1)]  # fmt: skip
    km_by_hop = [_km(stops[i].place, stops[i + 1].place) for i in range(len(keys) - 1)]
    told_modes = [_told_mode(told, km) for told, km in zip(told_by_hop, km_by_hop, strict=True)]
    # a journey that tells a short flight (a helicopter to the border) may have flown its untold short hops
    short_flights = any(
        mode == "air" and (km or 0) < GROUND_KM for mode, km in zip(told_modes, km_by_hop, strict=True)
    )
    for i in range(len(keys) - 1):
        a, b = stops[i], stops[i + 1]
        told, km = told_by_hop[i], km_by_hop[i]
        countries = {s.place.country for s in (a, b) if s.place is not None}
        through = tuple(
            dict.fromkeys(
                e.mention.place.country for e in via
                if e.mention.place is not None and e.relation == "via"
                and e.mention.place.country not in countries
            )
        )  # fmt: skip
        if told:
            mode = told_modes[i] or fallback
            told = [e for e in told if e.event.mode == mode] or told
            phrase = told[0].event.mode_text or told[0].event.lemma
            hops.append(
                Hop(
                    mode=mode,
                    via_countries=through,
                    quotes=_quotes(told, order),
                    reason=f"The text says {a.name} → {b.name} is by {mode} (“{phrase}”).",
                )
            )
            continue
        # "the special train … The motorcade": an untold hop goes on the way the hop before it was told to go
        before = _mode_before(told_modes, i)
        hop_fallback = before or fallback
        if km is not None and km <= LOCAL_KM and _country_of(a) == _country_of(b):
            hops.append(
                Hop(
                    mode="road",
                    mode_inferred=True,
                    via_countries=through,
                    reason=f"No sentence tells how {a.name} → {b.name} was travelled; a move of {km:.0f} km "
                    "within one area is assumed by road.",
                )
            )
            continue
        ca, cb = _country_of(a), _country_of(b)
        if (hop_fallback != "air" and neighbours is not None and ca and cb and ca != cb and not through
                and cb not in neighbours.get(ca, frozenset()) and ca in neighbours):
            # a journey that tells a ferry or a ship and no flight crossed the water by sea ("a Baltic ferry")
            crossing = {*general, *unnamed_modes}
            by_sea = "sea" in crossing and "air" not in crossing
            hops.append(
                Hop(
                    mode="sea" if by_sea else "air",
                    mode_inferred=True,
                    reason=f"No sentence tells how {a.name} → {b.name} was travelled; the two countries "
                    "share no land border and no country in between is named, so the hop is assumed "
                    + ("made by sea, the only way the text tells of crossing water." if by_sea else "flown."),
                )
            )
            continue
        if hop_fallback == "air" and km is not None and km < GROUND_KM and not short_flights:
            # a short hop in a journey told as flown is the drive or the train between its flights
            ground: Mode = max(("road", "rail"), key=lambda m: general.get(m, 0))  # type: ignore[arg-type]
            hops.append(
                Hop(
                    mode=ground,
                    mode_inferred=True,
                    via_countries=through,
                    reason=f"No sentence tells how {a.name} → {b.name} was travelled; {km:.0f} km is a short "
                    f"hop for a flight, so it is assumed by {ground}"
                    + (", the way the journey is told to go on the ground." if general.get(ground) else "."),
                )
            )
            continue
        flies = "air" in told_modes or general.get("air", 0) > 0
        if hop_fallback == "road" and km is not None and km > LONG_ROAD_KM and flies:
            hops.append(
                Hop(
                    mode="air",
                    mode_inferred=True,
                    via_countries=through,
                    reason=f"No sentence tells how {a.name} → {b.name} was travelled; {km:.0f} km is far for "
                    "the drives told, and the text tells of flying, so it is assumed flown.",
                )
            )
            continue
        stated = general.get(hop_fallback, 0) > 0
        hops.append(
            Hop(
                mode=hop_fallback,
                mode_inferred=True,
                via_countries=through,
                reason=(
                    f"No sentence tells how {a.name} → {b.name} was travelled; "
                    + (f"the hop before it is told as by {before}." if before
                       else f"the journey is told as by {hop_fallback}." if stated
                       else f"assumed by {hop_fallback}.")
                ),
            )
        )
    return tuple(hops)


def extract_itinerary(
    articles: Sequence[Article],
    events: Mapping[str, Sequence[Event]],
    people: Mapping[str, People],
    traveller: str,
    lexicon: Lexicon | None = None,
    times: Mapping[str, Sequence[TimeExpression]] | None = None,
    lead_ends: Mapping[str, int] | None = None,
    neighbours: Mapping[str, frozenset[str]] | None = None,
) -> Itinerary:
    """The journey the articles tell, from the traveller's frames. ``NoJourneyError`` below two stops.
    ``lead_ends``: the token ending each article's lead (the moves told after it are told in order).
    ``neighbours``: each country's land neighbours, for the mode of hops no sentence describes."""
    lex = lexicon or load_lexicon()
    names = canonical_names(people)
    when = event_windows(events, times or {})
    published = {a.id: a.published for a in articles}
    trip = one_trip(_not_a_later_trip(traveller_evidence(events, traveller, names), when, published), when)
    trip = airfields_apart(trip, {a.id: a.text for a in articles}, lex.direction_prepositions)
    when = {**when, **_opening_scene(trip, when, lead_ends, {a.id: a.text for a in articles})}
    evidence = second_visits(trip, when, lead_ends)
    drafts = _drafts(evidence)
    if len(drafts) < 2:
        found = ", ".join(d.mentions[0].text for d in drafts.values()) or "none"
        who = traveller or "anyone"
        raise NoJourneyError(
            f"no journey found: the articles tell of {len(drafts)} place(s) {who} travels to or from "
            f"({found}); a journey needs at least two"
        )
    # a live blog is told newest entry first, but each entry in order ("Catch-up for latecomers. The papal
    # plane took off from Ciampino … touched down at Edinburgh … was driven to Glasgow")
    entries = {a: stamps for a, exprs in (times or {}).items()
               if (stamps := sorted(t.token_start for t in exprs if t.stamp))}  # fmt: skip
    narrated = {a: 0 if a in entries else end for a, end in (lead_ends or {}).items()}
    ordered, order_notes = order_stops(drafts, evidence, when, narrated, entries)
    keys = _merge_nearby(_merge_descriptions(_merge_repeats(ordered, drafts), drafts), drafts)
    if len(keys) < 2:
        raise NoJourneyError("no journey found: the articles tell of one place only")
    order = {a.id: i for i, a in enumerate(articles)}
    draft_stops = [_stop(i, "waypoint", drafts[k], traveller, order, lex) for i, k in enumerate(keys)]
    merged = [e for k in keys for e in drafts[k].evidence]
    area = [e for e in evidence if e.mention.is_area]
    traveller_events = [e for evs in events.values() for e in evs if names.get(e.mover, e.mover) == traveller]
    # the modes of the traveller's moves and of moves nobody is named in ("the exiles walked aboard the
    # ferry"): what a hop between two countries with no land border between them could have been made by
    unnamed = {e.mode for evs in events.values() for e in evs
               if e.mode and not e.mover and e.status in COUNTING}  # fmt: skip
    key_of = {(m.article, m.start, m.end): k for k in keys for m in drafts[k].mentions}
    hops = _hops(keys, draft_stops, merged + area, traveller_events, lex, order, key_of, neighbours, unnamed)
    modes = [h.mode for h in hops]
    stops = tuple(
        _with_note(_stop(i, role, drafts[k], traveller, order, lex), order_notes.get(k))
        for i, (k, role) in enumerate(zip(keys, _roles(keys, drafts, modes), strict=True))
    )
    stops = _with_country_entries(stops, area)
    home = _home_left(keys, drafts, stops, hops, traveller)
    if home is not None:
        stop, hop = home
        shifted = [replace(s, seq=s.seq + 1, role="waypoint" if s.role == "origin" else s.role)
                   for s in stops]  # fmt: skip
        stops, hops = (stop, *shifted), (hop, *hops)
    home_reached = _home_reached(stops, hops, traveller_events, drafts[keys[-1]], traveller)
    if home_reached is not None:
        stop, hop = home_reached
        last = replace(stops[-1], role="waypoint") if stops[-1].role == "destination" else stops[-1]
        stops, hops = (*stops[:-1], last, replace(stop, seq=len(stops))), (*hops, hop)
    return Itinerary(stops=stops, hops=hops, traveller=traveller)


def _home_reached(
    stops: Sequence[Stop], hops: Sequence[Hop], traveller_events: Sequence[Event], last: _Draft,
    traveller: str,
) -> tuple[Stop, Hop] | None:
    """"… flew back to Ulleungdo before heading home": a move home that names no place, told after the
    last stop, ends the journey where it began (marked inferred: the article does not name it)."""
    first, end = stops[0], stops[-1]
    if first.inferred or first.place is None or first.place.kind != "city" or end.place == first.place:
        return None
    told_last: dict[str, int] = {}
    for e in last.evidence:
        told_last[e.event.article] = max(told_last.get(e.event.article, -1), e.event.token)
    # (a way home still to come, "before returning home on his train", is left out: the trip told ends
    # where the articles leave the traveller)
    home = [e for e in traveller_events if e.home and e.status == "happened"
            and e.token > told_last.get(e.article, 1 << 30)]  # fmt: skip
    if not home:
        return None
    event = home[-1]
    who = traveller or "The traveller"
    stop = Stop(
        seq=0, name=first.name, role="destination", place=first.place, inferred=True,
        quotes=(event.quote,), events=(event,),
        reason=f"{who} heads home (“{event.quote.text}”); no place is named, so home is taken to be "
        f"{first.name}, where the journey began.",
    )
    mode = event.mode or (hops[-1].mode if hops else "air")
    hop = Hop(
        mode=mode, mode_inferred=event.mode is None, quotes=(event.quote,),
        reason=f"{who} heads home by {mode}"
        + ("." if event.mode else " (assumed: the way the hop before went)."),
    )
    return stop, hop


def _with_country_entries(stops: Sequence[Stop], area: Sequence[Evidence]) -> tuple[Stop, ...]:
    """"The president had landed in Israel on Wednesday afternoon": an arrival in a country is the arrival at
    the first stop the journey makes in it after coming from another country, so the time told of it counts
    there (the country is no stop of its own)."""
    out = list(stops)
    for e in area:
        place = e.mention.place
        if e.relation != "to" or e.event.status != "happened" or place is None or place.kind != "country":
            continue
        for i in range(1, len(out)):
            here, before = out[i].place, out[i - 1].place
            if here is None or before is None or here.country != place.country:
                continue
            if before.country != place.country and e.event not in out[i].events:
                out[i] = replace(out[i], events=(*out[i].events, e.event))
            break
    return tuple(out)


def _home_left(
    keys: Sequence[StopKey], drafts: Mapping[StopKey, _Draft], stops: Sequence[Stop], hops: Sequence[Hop],
    traveller: str,
) -> tuple[Stop, Hop] | None:
    """"The Prime Minister had emplaned for New York … returned to New Delhi": a tour (two stops or more
    before home) that ends with a return home, and whose first stop no sentence sets out from, set out from
    that home."""
    first, last = drafts[keys[0]], drafts[keys[-1]]
    home = last.place
    returns = [e for e in last.evidence if e.event.returning and e.relation in ("to", "at")]
    told = first.relations()
    # "He landed at Ciampino on Wednesday … His jet lifted off from Ciampino": a first stop the traveller
    # reached is no place the journey set out from, even when it is left too
    if home is None or not returns or (told["from"] and not told["to"]) or home.kind != "city":
        return None
    if len(keys) < 3 and not told["from"]:
        return None  # "arrived in Kyiv … back in London" tells a visit, not a journey from home and back
    if any(_first_visit(k) == _first_visit(keys[-1]) for k in keys[:-1]):
        return None  # "A special train left Union Station" under "Washington, 6 July": set out from there
    who = traveller or "The traveller"
    name = stops[-1].name
    stop = Stop(
        seq=0, name=name, role="origin", place=home, inferred=True,
        reason=f"No sentence says where the journey began; {who} returned to {name} at its end (“"
        f"{returns[0].event.quote.text}”), so it is taken to have set out from there.",
    )
    hop = Hop(
        mode=hops[-1].mode if hops else "air", mode_inferred=True,
        reason=f"No sentence tells how {who} left {name}; assumed the way the journey came back.",
    )
    return stop, hop
