"""Timing on a hand-built Pyongyang → Dandong → Đồng Đăng → Hanoi route whose stops carry movement events
read from the real parse of each text (so these tests do not depend on the reader's choices).

Real-world check: Kim left Pyongyang on the afternoon of Sat 23 Feb 2019, crossed into Dandong late on the
23rd, reached Đồng Đăng at about 8:15 on the morning of 26 Feb and Hanoi about three hours later by car; the
summit began on 27 Feb. The four ``tests/texts/timing_report_*.txt`` reports of that trip were written for
these tests and agree with each other.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from shapely.geometry import LineString

from geo.errors import DataError
from geo.model import (
    Anchor,
    Article,
    Event,
    EventStatus,
    Hop,
    Itinerary,
    Leg,
    Mention,
    Place,
    PlaceRelation,
    Quote,
    Route,
    Stop,
    TimePin,
    TimeWindow,
    Timing,
)
from geo.reading.parse import ParsedText, parse_articles
from geo.timing.estimate import distance_lines, estimate_timing, with_stated_distances
from geo.timing.speeds import CROSSINGS_PATH, SPEEDS_PATH, SpeedModel, load_speed_model

TEXTS = Path(__file__).resolve().parent / "texts"
KST = timezone(timedelta(hours=9))
ICT = timezone(timedelta(hours=7))


@pytest.fixture(scope="module")
def speeds() -> SpeedModel:
    return load_speed_model()


PYONGYANG = Place("Pyongyang", 39.0392, 125.7625, "KP", geonameid=1871859, timezone="Asia/Pyongyang")
SINUIJU = (124.3981, 40.1006)
DANDONG = Place("Dandong", 40.1292, 124.3947, "CN", geonameid=2037886, timezone="Asia/Shanghai")
PINGXIANG = (106.7544, 22.0946)
DONG_DANG = Place(
    "Đồng Đăng", 21.9436, 106.7006, "VN", kind="station", geonameid=1582998, timezone="Asia/Ho_Chi_Minh"
)
HANOI = Place("Hanoi", 21.0285, 105.8542, "VN", geonameid=1581130, timezone="Asia/Ho_Chi_Minh")
PLACES = {"Pyongyang": PYONGYANG, "Dandong": DANDONG, "Dong Dang": DONG_DANG, "Hanoi": HANOI}


# --- building itineraries from texts ---------------------------------------------------------------------


def article(name: str, published: str, publisher: str = "T") -> Article:
    text = (TEXTS / name).read_text(encoding="utf-8")
    return Article(
        id=name.removesuffix(".txt"),
        text=text,
        published=datetime.fromisoformat(published),
        publisher=publisher,
    )


def text_article(text: str, published: datetime, id: str = "t") -> Article:
    return Article(id=id, text=text, published=published, publisher="T")


def frame(
    a: Article,
    parsed: ParsedText,
    verb: str,
    places: Sequence[tuple[PlaceRelation, str]],
    status: EventStatus = "happened",
    after: str = "",
) -> Event:
    """The event of ``verb`` (its first occurrence after ``after``) with the named places, as a reader
    would give it."""
    at = a.text.index(verb, a.text.index(after) if after else 0)
    token = parsed.token_at(at)
    sentence = parsed.sentence(token)
    mentions = []
    for relation, name in places:
        start = a.text.index(name, sentence.char_start)
        mentions.append(
            (
                relation,
                Mention(
                    a.id,
                    name,
                    start,
                    start + len(name),
                    sentence.char_start,
                    sentence.char_end,
                    "name",
                    PLACES.get(name),
                ),
            )
        )
    quote = Quote(
        a.text[sentence.char_start : sentence.char_end],
        a.id,
        a.publisher,
        sentence.char_start,
        sentence.char_end,
    )
    return Event(
        a.id,
        token,
        parsed.tokens[token].lemma,
        "Kim Jong Un",
        "Kim",
        status,
        tuple(mentions),
        None,
        "",
        quote,
        sentence.char_start,
        sentence.char_end,
    )


def _line(*points: tuple[float, float]) -> LineString:
    return LineString(points)


def trip(events: dict[int, Sequence[Event]], road_km: float = 176.0) -> tuple[Itinerary, Route]:
    """The four stops and five legs of the February 2019 trip; ``events`` by stop."""
    stops = (
        Stop(0, "Pyongyang", "origin", PYONGYANG, events=tuple(events.get(0, ()))),
        Stop(1, "Dandong", "border", DANDONG, events=tuple(events.get(1, ()))),
        Stop(2, "Đồng Đăng", "border", DONG_DANG, events=tuple(events.get(2, ()))),
        Stop(3, "Hanoi", "destination", HANOI, events=tuple(events.get(3, ()))),
    )
    hops = (Hop("rail"), Hop("rail", via_countries=("CN",)), Hop("road"))
    p, d = (PYONGYANG.longitude, PYONGYANG.latitude), (DANDONG.longitude, DANDONG.latitude)
    dd, h = (DONG_DANG.longitude, DONG_DANG.latitude), (HANOI.longitude, HANOI.latitude)
    kp, cn, vn = "Asia/Pyongyang", "Asia/Shanghai", "Asia/Ho_Chi_Minh"
    legs = (
        Leg(0, "leg", "Pyongyang", "Sinuiju", "rail", _line(p, SINUIJU), 220.0, countries=("KP",),
            from_stop=0, start_timezone=kp, end_timezone=kp),
        Leg(1, "crossing", "Sinuiju", "Dandong", "rail", _line(SINUIJU, d), 3.0, countries=("KP", "CN"),
            to_stop=1, start_timezone=kp, end_timezone=cn),
        Leg(2, "leg", "Dandong", "Pingxiang", "rail", _line(d, PINGXIANG), 3700.0, countries=("CN",),
            from_stop=1, start_timezone=cn, end_timezone=cn),
        Leg(3, "crossing", "Pingxiang", "Đồng Đăng", "rail", _line(PINGXIANG, dd), 17.0,
            countries=("CN", "VN"), to_stop=2, start_timezone=cn, end_timezone=vn),
        Leg(4, "leg", "Đồng Đăng", "Hanoi", "road", _line(dd, h), road_km, countries=("VN",),
            approximate=True, from_stop=2, to_stop=3, start_timezone=vn, end_timezone=vn),
    )  # fmt: skip
    return Itinerary(stops=stops, hops=hops, traveller="Kim Jong Un"), Route(stops=stops, legs=legs)


# The four written reports, and the events a reader finds in each (by stop).
REPORTS = {
    "a": ("timing_report_a.txt", "2019-02-24T09:00:00+09:00"),
    "b": ("timing_report_b.txt", "2019-02-25T18:00:00+08:00"),
    "c": ("timing_report_c.txt", "2019-02-26T10:05:00+07:00"),
    "d": ("timing_report_d.txt", "2019-02-26T16:00:00+07:00"),
}


def report_events(key: str, a: Article, p: ParsedText) -> dict[int, list[Event]]:
    if key == "a":
        return {
            0: [frame(a, p, "left", [("from", "Pyongyang")])],
            1: [frame(a, p, "crossed", [("to", "Dandong")])],
            2: [frame(a, p, "reach", [("to", "Dong Dang")], status="expected")],
        }
    if key == "b":
        return {1: [frame(a, p, "left", [("from", "Dandong")])]}
    if key == "c":
        return {
            2: [
                frame(a, p, "pulled", [("to", "Dong Dang")]),
                frame(a, p, "left", [("from", "Dong Dang"), ("to", "Hanoi")]),
            ],
            3: [frame(a, p, "left", [("from", "Dong Dang"), ("to", "Hanoi")])],
        }
    return {3: [frame(a, p, "arrived", [("to", "Hanoi")])]}


@pytest.fixture(scope="module")
def reports() -> dict[str, tuple[Article, ParsedText, dict[int, list[Event]]]]:
    out = {}
    for key, (name, published) in REPORTS.items():
        a = article(name, published, publisher=key.upper())
        p = parse_articles([a])[a.id]
        out[key] = (a, p, report_events(key, a, p))
    return out


def estimate_reports(keys: str, reports: dict[str, Any], speeds: SpeedModel, **trip_args: Any) -> Timing:
    events: dict[int, list[Event]] = {}
    for key in keys:
        for stop, found in reports[key][2].items():
            events.setdefault(stop, []).extend(found)
    itinerary, route = trip(events, **trip_args)
    articles = [reports[k][0] for k in keys]
    return estimate_timing(
        articles, {reports[k][0].id: reports[k][1] for k in keys}, itinerary, route, speeds
    )


def windows(timing: Timing) -> dict[str, TimeWindow]:
    out = {}
    for name, table in (
        ("arrive", timing.stop_arrive),
        ("depart", timing.stop_depart),
        ("leg_depart", timing.leg_depart),
        ("leg_arrive", timing.leg_arrive),
    ):
        for seq, window in table.items():
            out[f"{name} {seq}"] = window
    return out


def inside(inner: TimeWindow, outer: TimeWindow) -> bool:
    lo = outer.earliest is None or (inner.earliest is not None and inner.earliest >= outer.earliest)
    hi = outer.latest is None or (inner.latest is not None and inner.latest <= outer.latest)
    return lo and hi


def anchor(timing: Timing, kind: str, expression: str | None = None) -> Anchor:
    return next(
        a for a in timing.anchors if a.kind == kind and (expression is None or a.expression == expression)
    )


# --- one report at a time -------------------------------------------------------------------------------


def test_every_stated_time_is_honoured(reports: dict[str, Any], speeds: SpeedModel) -> None:
    timing = estimate_reports("abcd", reports, speeds)
    assert [(a.kind, a.expression, a.note) for a in timing.anchors if not a.satisfied] == []
    assert timing.notes == ()


def test_each_time_is_tied_to_the_verb_it_modifies(reports: dict[str, Any], speeds: SpeedModel) -> None:
    timing = estimate_reports("abcd", reports, speeds)
    stated = {(a.kind, a.expression, a.stop) for a in timing.anchors if a.kind in ("arrive", "depart")}
    assert stated == {
        ("depart", "Saturday afternoon", 0),
        ("arrive", "late on Saturday night", 1),
        ("depart", "early on Sunday", 1),
        ("arrive", "Tuesday morning", 2),
        ("arrive", "8:13 a.m. on Tuesday", 2),
        ("arrive", "shortly before 11 a.m. on Tuesday", 3),
    }


def test_a_time_stated_to_the_minute_is_the_likely_time(reports: dict[str, Any], speeds: SpeedModel) -> None:
    for keys in ("c", "ac", "abc", "abcd", "dcba"):
        timing = estimate_reports(keys, reports, speeds)
        arrive = timing.stop_arrive[2]
        stated = datetime(2019, 2, 26, 8, 13, tzinfo=ICT)
        assert arrive.likely is not None and abs(arrive.likely - stated) <= timedelta(minutes=10), keys
        assert arrive.contains(stated)


def test_local_time_is_the_zone_of_the_place(reports: dict[str, Any], speeds: SpeedModel) -> None:
    timing = estimate_reports("c", reports, speeds)
    stated = anchor(timing, "arrive", "8:13 a.m. on Tuesday")
    assert stated.likely is not None and stated.likely.isoformat() == "2019-02-26T08:13:00+07:00"


def test_a_plan_is_a_weak_bound_and_says_so(reports: dict[str, Any], speeds: SpeedModel) -> None:
    timing = estimate_reports("a", reports, speeds)
    plan = anchor(timing, "arrive", "Tuesday morning")
    assert plan.weak and "expected" in plan.note


def test_stated_road_distance_is_the_road_legs_length(reports: dict[str, Any], speeds: SpeedModel) -> None:
    itinerary_timing = estimate_reports("c", reports, speeds)
    assert itinerary_timing.leg_distance_km == {4: pytest.approx(170.0)}
    _, route = trip({})
    routed = with_stated_distances(route, itinerary_timing)
    road = routed.legs[4]
    assert (road.distance_km, road.approximate) == (pytest.approx(170.0), False)
    assert "170 km" in road.reason


def test_reported_distances_are_shown_beside_the_route(reports: dict[str, Any], speeds: SpeedModel) -> None:
    timing = estimate_reports("c", reports, speeds)
    [drive] = timing.reported_distances
    assert (drive.expression, drive.legs, drive.route_km, drive.agrees) == ("about 170 km", (4,), 176.0, True)
    assert drive.note.startswith("route 176 km; reported: about 170 km")
    assert distance_lines(timing) == ["route 176 km; reported: about 170 km"]
    assert distance_lines(timing, legs=[4]) == distance_lines(timing)
    assert distance_lines(timing, legs=[3]) == []


def test_stated_duration_bounds_the_rail_trip(reports: dict[str, Any], speeds: SpeedModel) -> None:
    timing = estimate_reports("c", reports, speeds)
    duration = anchor(timing, "duration", "about 65 hours")
    assert duration.satisfied and (duration.leg, duration.duration_hours) == (0, 65.0)
    assert "Pyongyang → Đồng Đăng" in duration.note
    start, end = timing.leg_depart[0], timing.stop_arrive[2]
    assert start.earliest is not None and end.earliest is not None and start.likely and end.likely
    assert start.earliest >= end.earliest - timedelta(hours=65 * 1.2)
    assert timedelta(hours=65 * 0.8) <= end.likely - start.likely <= timedelta(hours=65 * 1.2)


# --- more reports never make it worse --------------------------------------------------------------------


@pytest.mark.parametrize("order", ["abcd", "dcba", "cadb", "bdac"])
def test_each_added_report_keeps_or_narrows_every_window(
    order: str, reports: dict[str, Any], speeds: SpeedModel
) -> None:
    previous: dict[str, TimeWindow] | None = None
    for n in range(1, len(order) + 1):
        current = windows(estimate_reports(order[:n], reports, speeds))
        if previous is not None:
            wider = {k: (previous[k], w) for k, w in current.items() if not inside(w, previous[k])}
            assert wider == {}, f"adding report {order[n - 1]} to {order[: n - 1]}"
        previous = current


def test_all_reports_together_narrow_the_border_arrival(reports: dict[str, Any], speeds: SpeedModel) -> None:
    one = estimate_reports("a", reports, speeds).stop_arrive[2]
    four = estimate_reports("abcd", reports, speeds).stop_arrive[2]
    assert one.earliest and one.latest and four.earliest and four.latest
    assert four.latest - four.earliest < timedelta(minutes=30) < one.latest - one.earliest


# --- crossings and zones ---------------------------------------------------------------------------------


def test_a_crossing_never_arrives_before_it_leaves(reports: dict[str, Any], speeds: SpeedModel) -> None:
    timing = estimate_reports("abcd", reports, speeds)
    for seq, depart in timing.leg_depart.items():
        arrive = timing.leg_arrive[seq]
        for a, b in (
            (depart.earliest, arrive.earliest),
            (depart.likely, arrive.likely),
            (depart.latest, arrive.latest),
        ):
            assert a is not None and b is not None and a <= b, seq


def test_a_short_bridge_takes_minutes_not_hours(reports: dict[str, Any], speeds: SpeedModel) -> None:
    timing = estimate_reports("a", reports, speeds)
    depart, arrive = timing.leg_depart[1].likely, timing.leg_arrive[1].likely
    assert depart is not None and arrive is not None
    assert arrive - depart < timedelta(minutes=40)
    assert speeds.border_dwell("rail", ("KP", "CN")).max <= 2
    assert (
        "Yalu" in speeds.border_dwell("rail", ("KP", "CN")).source
        or "NK News" in speeds.border_dwell("rail", ("KP", "CN")).source
    )


def test_times_carry_the_utc_offset_of_each_place(reports: dict[str, Any], speeds: SpeedModel) -> None:
    timing = estimate_reports("abcd", reports, speeds)
    offsets = {
        "Pyongyang depart": timing.stop_depart[0].likely,
        "Dandong arrive": timing.stop_arrive[1].likely,
        "Dong Dang arrive": timing.stop_arrive[2].likely,
        "Hanoi arrive": timing.stop_arrive[3].likely,
    }
    assert {k: v.strftime("%z") for k, v in offsets.items() if v} == {
        "Pyongyang depart": "+0900",
        "Dandong arrive": "+0800",
        "Dong Dang arrive": "+0700",
        "Hanoi arrive": "+0700",
    }


# --- short texts, one rule each --------------------------------------------------------------------------


def one_stop_trip(
    text: str,
    published: datetime,
    verb: str,
    relation: PlaceRelation,
    name: str,
    status: EventStatus = "happened",
    place: Place = HANOI,
) -> tuple[Timing, Article]:
    a = text_article(text, published)
    p = parse_articles([a])[a.id]
    PLACES.setdefault(name, place)
    event = frame(a, p, verb, [(relation, name)], status=status)
    stop = {"Pyongyang": 0, "Dandong": 1, "Dong Dang": 2, "Hanoi": 3}[name]
    itinerary, route = trip({stop: [event]})
    return estimate_timing([a], {a.id: p}, itinerary, route, load_speed_model()), a


def test_part_of_day_gives_a_likely_time_inside_it() -> None:
    timing, _ = one_stop_trip(
        "Kim arrived in Hanoi on Tuesday morning.",
        datetime(2019, 2, 27, tzinfo=ICT),
        "arrived",
        "to",
        "Hanoi",
    )
    arrive = timing.stop_arrive[3]
    assert arrive.likely == datetime(2019, 2, 26, 9, tzinfo=ICT)
    assert (arrive.earliest, arrive.latest) == (
        datetime(2019, 2, 26, 6, tzinfo=ICT),
        datetime(2019, 2, 26, 12, tzinfo=ICT),
    )


def test_reported_as_past_means_before_publication() -> None:
    timing, _ = one_stop_trip(
        "Kim has arrived in Hanoi for the summit.",
        datetime(2019, 2, 26, tzinfo=ICT),
        "arrived",
        "to",
        "Hanoi",
    )
    reported = anchor(timing, "reported")
    assert reported.satisfied
    assert timing.stop_arrive[3].latest == datetime(2019, 2, 27, tzinfo=ICT)


def test_reported_as_past_with_a_publication_time_is_before_that_time() -> None:
    published = datetime(2019, 2, 26, 14, 30, tzinfo=ICT)
    timing, _ = one_stop_trip("Kim has arrived in Hanoi.", published, "arrived", "to", "Hanoi")
    assert timing.stop_arrive[3].latest == published


def test_gmt_clock_time_is_read_in_utc() -> None:
    timing, _ = one_stop_trip(
        "The train pulled into Dong Dang at 0115 GMT on Tuesday.",
        datetime(2019, 2, 26, 12, tzinfo=UTC),
        "pulled",
        "to",
        "Dong Dang",
    )
    arrive = timing.stop_arrive[2]
    assert arrive.likely is not None
    assert abs(arrive.likely - datetime(2019, 2, 26, 1, 15, tzinfo=UTC)) <= timedelta(minutes=2)
    assert arrive.likely.strftime("%H:%M%z") == "08:15+0700"


def test_about_a_clock_time_is_within_ten_minutes() -> None:
    timing, _ = one_stop_trip(
        "The train pulled into Dong Dang at about 8:15 a.m. local time on Tuesday.",
        datetime(2019, 2, 26, 12, tzinfo=ICT),
        "pulled",
        "to",
        "Dong Dang",
    )
    arrive = timing.stop_arrive[2]
    stated = datetime(2019, 2, 26, 8, 15, tzinfo=ICT)
    assert arrive.likely == stated
    assert (arrive.earliest, arrive.latest) == (
        stated - timedelta(minutes=10),
        stated + timedelta(minutes=10),
    )


def test_a_live_blog_entry_is_dated_by_its_stamp() -> None:
    text = "LIVE: the train nears the border\n\n0125 GMT\nThe train has stopped at Dong Dang.\n"
    timing, _ = one_stop_trip(text, datetime(2019, 2, 26, 3, 45, tzinfo=UTC), "stopped", "to", "Dong Dang")
    arrive = timing.stop_arrive[2]
    stated = datetime(2019, 2, 26, 1, 25, tzinfo=UTC)
    assert arrive.likely == stated
    assert arrive.earliest == stated - timedelta(hours=1)


def test_the_most_precise_statement_wins_and_the_other_says_why(speeds: SpeedModel) -> None:
    text = (
        "Kim left Pyongyang by train on Saturday afternoon. The train pulled into Dong Dang at 8:13 a.m. on "
        "Sunday, a witness said."
    )
    a = text_article(text, datetime(2019, 2, 26, 12, tzinfo=ICT))
    p = parse_articles([a])[a.id]
    itinerary, route = trip(
        {0: [frame(a, p, "left", [("from", "Pyongyang")])], 2: [frame(a, p, "pulled", [("to", "Dong Dang")])]}
    )
    timing = estimate_timing([a], {a.id: p}, itinerary, route, speeds)
    clock = anchor(timing, "arrive", "8:13 a.m. on Sunday")
    day = anchor(timing, "depart", "Saturday afternoon")
    assert clock.satisfied and not day.satisfied
    assert "not honoured" in day.note and "8:13 a.m. on Sunday" in day.note


def test_an_editors_pin_comes_first(reports: dict[str, Any], speeds: SpeedModel) -> None:
    events: dict[int, list[Event]] = {}
    for stop, found in reports["c"][2].items():
        events.setdefault(stop, []).extend(found)
    itinerary, route = trip(events)
    pinned = datetime(2019, 2, 26, 8, 30, tzinfo=ICT)
    itinerary = replace(itinerary, pins=(TimePin(2, "arrive", pinned, "station clock"),))
    a, p, _ = reports["c"]
    timing = estimate_timing([a], {a.id: p}, itinerary, route, speeds)
    pin = next(x for x in timing.anchors if x.by_editor)
    assert (pin.satisfied, pin.stop, pin.quote.text) == (True, 2, "station clock")
    assert timing.stop_arrive[2].likely == pinned
    assert not anchor(timing, "arrive", "8:13 a.m. on Tuesday").satisfied


def test_hypothetical_duration_is_weak_and_bounds_the_rail_run(speeds: SpeedModel) -> None:
    text = (
        "Kim left Pyongyang by train on Saturday afternoon. If Kim travels all the way by train it could "
        "take "
        "him at least two and a half days to make the journey of thousands of kilometers through China."
    )
    a = text_article(text, datetime(2019, 2, 24, tzinfo=KST))
    p = parse_articles([a])[a.id]
    itinerary, route = trip({0: [frame(a, p, "left", [("from", "Pyongyang")])]})
    timing = estimate_timing([a], {a.id: p}, itinerary, route, speeds)
    duration = anchor(timing, "duration")
    assert (duration.weak, duration.satisfied, duration.leg, duration.duration_hours) == (True, True, 0, 60.0)
    assert "Pyongyang → Đồng Đăng" in duration.note
    [far] = timing.reported_distances
    assert far.vague and far.agrees and far.legs == (0, 1, 2, 3)
    depart, arrive = timing.stop_depart[0], timing.stop_arrive[2]
    assert depart.earliest and arrive.earliest and arrive.earliest - depart.earliest >= timedelta(hours=60)


def test_a_figure_of_another_journey_is_not_this_ones(speeds: SpeedModel) -> None:
    text = (
        "Kim left Pyongyang by train on Saturday afternoon. His father Kim Jong Il rode a train to Moscow in "
        "2001, a trip that took nine days."
    )
    a = text_article(text, datetime(2019, 2, 24, tzinfo=KST))
    p = parse_articles([a])[a.id]
    itinerary, route = trip({0: [frame(a, p, "left", [("from", "Pyongyang")])]})
    timing = estimate_timing([a], {a.id: p}, itinerary, route, speeds)
    assert [x.kind for x in timing.anchors if x.kind == "duration"] == []


def test_without_stated_times_windows_are_open(speeds: SpeedModel) -> None:
    a = text_article("Kim travelled by train.", datetime(2019, 2, 24, tzinfo=KST))
    itinerary, route = trip({})
    timing = estimate_timing([a], None, itinerary, route, speeds)
    assert timing.anchors == ()
    assert timing.stop_arrive[3].likely is None
    assert "No stated time" in timing.basis


def test_route_without_legs_leaves_statements_unhonoured(reports: dict[str, Any], speeds: SpeedModel) -> None:
    a, p, events = reports["a"]
    itinerary, route = trip(events)
    timing = estimate_timing([a], {a.id: p}, itinerary, replace(route, legs=()), speeds)
    assert timing.stop_arrive == {} and timing.leg_depart == {}
    assert all(not x.satisfied and "not on the routed journey" in x.note for x in timing.anchors)


def test_stops_without_events_read_their_quoted_sentences(reuters: Article, speeds: SpeedModel) -> None:
    """An older reader (or a hand-built itinerary) gives stops quotes but no events."""

    def quoted(phrase: str, after: str = "") -> Quote:
        start = reuters.text.index(phrase, reuters.text.index(after) if after else 0)
        return Quote(phrase, reuters.id, reuters.publisher, start, start + len(phrase))

    itinerary, route = trip({})
    stops = list(route.stops)
    stops[0] = replace(stops[0], quotes=(quoted("Kim left Pyongyang by train on Saturday afternoon"),))
    stops[1] = replace(stops[1], quotes=(quoted("pictured in the Chinese border city of Dandong"),))
    stops[2] = replace(
        stops[2],
        description="a station on the Chinese border",
        quotes=(quoted("a station on the Chinese border"),),
    )
    stops[3] = replace(stops[3], quotes=(quoted("Hanoi", "On Feb. 26"),))
    route = replace(route, stops=tuple(stops))
    timing = estimate_timing([reuters], None, replace(itinerary, stops=tuple(stops)), route, speeds)
    kinds = {(x.kind, x.expression) for x in timing.anchors}
    assert {
        ("depart", "Saturday afternoon"),
        ("present", "February 23, 2019"),
        ("on_leg", "Feb. 26"),
        ("arrive_by", "Feb. 27-28"),
        ("duration", "at least two and a half days"),
    } <= kinds
    assert [x.expression for x in timing.anchors if not x.satisfied] == []
    hanoi = timing.stop_arrive[3]
    assert hanoi.likely is not None and hanoi.likely.date() == date(2019, 2, 26)


# --- the speed model --------------------------------------------------------------------------------------


def test_speed_by_mode_and_country(speeds: SpeedModel) -> None:
    assert speeds.speed("rail", "KP") == (20.0, 40.0, 60.0)
    assert speeds.speed("rail", "kp") == speeds.speed("rail", "KP")


def test_a_fast_ocean_crossing_is_within_the_sea_model(speeds: SpeedModel) -> None:
    """A cruiser or a liner crosses the Atlantic (about 5,500 km) in five days: the model's soft maximum
    must allow it, or a stated arrival pulls the departure days too early."""
    low, _, high = speeds.speed("sea")
    assert low <= 5500 / (5 * 24) <= high


def test_unknown_country_takes_the_mode_default(speeds: SpeedModel) -> None:
    assert speeds.speed("rail", "ZZ") == speeds.speed("rail")


def test_unknown_mode_is_a_data_error(speeds: SpeedModel) -> None:
    with pytest.raises(DataError):
        speeds.speed("hyperloop", "CN")


def test_every_figure_has_a_source(speeds: SpeedModel) -> None:
    ranges = [
        *speeds.defaults.values(),
        *(r for by in speeds.by_country.values() for r in by.values()),
        *speeds.crossing_speed.values(),
        *speeds.crossing_dwell.values(),
        *speeds.crossings.values(),
        speeds.gauge_change,
        speeds.stop_dwell,
    ]
    assert all(r.source.strip() for r in ranges)
    assert all(("Reported" in r.source or "Assumption" in r.source) for r in speeds.crossings.values())


def test_hard_limits_bound_the_fastest_leg(speeds: SpeedModel) -> None:
    assert speeds.hard_min_hours("rail", 160.0) == pytest.approx(1.0)
    assert speeds.hard_min_hours("rail", 0.0) == 0.0


def test_gauge_break_between_standard_and_broad_gauge(speeds: SpeedModel) -> None:
    assert speeds.gauge_break("KP", "RU")
    assert not speeds.gauge_break("KP", "CN")


def test_dual_gauge_pair_needs_no_bogie_change(speeds: SpeedModel) -> None:
    assert not speeds.gauge_break("CN", "VN")
    assert (
        speeds.border_dwell("rail", ("CN", "VN")).max
        == speeds.crossings[(frozenset(("CN", "VN")), "rail")].max
    )


def test_bogie_change_lengthens_the_border_dwell(speeds: SpeedModel) -> None:
    plain = speeds.crossings[(frozenset(("KP", "RU")), "rail")]
    changed = speeds.border_dwell("rail", ("KP", "RU"))
    assert changed.min == plain.min + speeds.gauge_change.min
    assert changed.max == plain.max + speeds.gauge_change.max


def test_a_crossing_without_an_entry_takes_the_modes_default(speeds: SpeedModel) -> None:
    assert speeds.border_dwell("rail", ("LA", "CN")) == speeds.crossing_dwell["rail"]


def _data_file(tmp_path: Path, source: Path, change: Callable[[dict[str, Any]], object]) -> Path:
    raw = json.loads(source.read_text(encoding="utf-8"))
    change(raw)
    path = tmp_path / source.name
    path.write_text(json.dumps(raw), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "change",
    [
        lambda raw: raw["modes"].pop("road"),
        lambda raw: raw["modes"]["rail"]["countries"]["KP"].update({"likely": 99}),
        lambda raw: raw["modes"]["rail"]["countries"]["KP"].pop("source"),
        lambda raw: raw["modes"]["air"]["default"].update({"min": 0}),
        lambda raw: raw["crossing"]["rail"].pop("dwell_hours"),
        lambda raw: raw.update({"stop_dwell_hours": [0, 1, 2]}),
        lambda raw: raw.pop("source"),
        lambda raw: raw["hard_max_kmh"].pop("source"),
        lambda raw: raw["hard_max_kmh"].update({"rail": 0}),
    ],
    ids=[
        "mode missing",
        "likely above max",
        "no source",
        "zero speed",
        "no dwell",
        "dwell not object",
        "no file source",
        "no hard-limit source",
        "zero hard limit",
    ],
)
def test_malformed_speed_file_is_a_data_error(
    tmp_path: Path, change: Callable[[dict[str, Any]], object]
) -> None:
    with pytest.raises(DataError):
        load_speed_model(_data_file(tmp_path, SPEEDS_PATH, change))


@pytest.mark.parametrize(
    "change",
    [
        lambda raw: raw.pop("source"),
        lambda raw: raw["crossings"][0].update({"countries": ["KP"]}),
        lambda raw: raw["crossings"][0]["dwell_hours"].pop("source"),
        lambda raw: raw["crossings"][0].update({"mode": "hyperloop"}),
    ],
    ids=["no file source", "one country", "no source", "unknown mode"],
)
def test_malformed_crossings_file_is_a_data_error(
    tmp_path: Path, change: Callable[[dict[str, Any]], object]
) -> None:
    with pytest.raises(DataError):
        load_speed_model(crossings_path=_data_file(tmp_path, CROSSINGS_PATH, change))


def test_unreadable_speed_file_is_a_data_error(tmp_path: Path) -> None:
    bad = tmp_path / "speeds.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(DataError):
        load_speed_model(bad)


# --- with the whole pipeline ------------------------------------------------------------------------------


def test_the_bundled_articles_state_no_time_outside_its_window(bundled_articles: list[Article]) -> None:
    from geo.pipeline import build_journey

    journey = build_journey(bundled_articles)
    timing = journey.timing
    assert [a.expression for a in timing.anchors if not a.weak and not a.satisfied] == []
    for a in timing.anchors:
        if a.kind in ("arrive", "depart") and a.satisfied and a.stop is not None:
            table = timing.stop_arrive if a.kind == "arrive" else timing.stop_depart
            window = table[a.stop]
            stated = TimeWindow(a.earliest, None, a.latest)
            assert window.earliest is not None and window.latest is not None
            assert (stated.latest is None or window.earliest <= stated.latest) and (
                stated.earliest is None or stated.earliest <= window.latest
            )


def test_a_stated_speed_bounds_the_legs_it_describes(speeds: SpeedModel) -> None:
    text = (
        "Kim left Pyongyang by train on Saturday afternoon. The train travelled at an average speed of "
        "around 35 miles per hour."
    )
    a = text_article(text, datetime(2019, 2, 24, tzinfo=KST))
    p = parse_articles([a])[a.id]
    itinerary, route = trip({0: [frame(a, p, "left", [("from", "Pyongyang")])]})
    timing = estimate_timing([a], {a.id: p}, itinerary, route, speeds)
    speed = anchor(timing, "speed")
    assert speed.satisfied and speed.leg == 0
    km = 220.0 + 3.0 + 3700.0 + 17.0
    depart, arrive = timing.stop_depart[0], timing.stop_arrive[2]
    assert depart.likely and arrive.likely and depart.latest and arrive.earliest
    fastest = timedelta(hours=km / (35 * 1.609344 * 1.2))
    assert arrive.earliest - depart.latest >= fastest - timedelta(hours=6)  # the departure window is 6 h wide
    assert arrive.likely - depart.likely >= fastest


def test_a_stated_stay_bounds_the_dwell_at_its_stop(speeds: SpeedModel) -> None:
    text = "Kim left Pyongyang on Saturday afternoon. The train halted for about an hour in Dandong."
    a = text_article(text, datetime(2019, 2, 24, tzinfo=KST))
    p = parse_articles([a])[a.id]
    itinerary, route = trip({
        0: [frame(a, p, "left", [("from", "Pyongyang")])],
        1: [frame(a, p, "halted", [("at", "Dandong")])],
    })
    timing = estimate_timing([a], {a.id: p}, itinerary, route, speeds)
    dwell = anchor(timing, "dwell")
    assert (dwell.satisfied, dwell.stop, dwell.duration_hours) == (True, 1, 1.0)
    arrive, depart = timing.stop_arrive[1], timing.stop_depart[1]
    assert arrive.likely and depart.likely
    assert timedelta(minutes=48) <= depart.likely - arrive.likely <= timedelta(minutes=72)
