"""Timing on a hand-built Pyongyang → Dandong → Đồng Đăng → Hanoi route with quotes at the real offsets of the
Reuters article (published Sunday 24 Feb 2019 KST).

Real-world check: Kim left Pyongyang on the afternoon of Sat 23 Feb 2019, was seen in Dandong late on the
23rd, reached Đồng Đăng on the morning of 26 Feb and Hanoi about three hours later by car; the summit began on
27 Feb.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from shapely.geometry import LineString

from geo.errors import DataError
from geo.journey import Journey
from geo.model import Article, Hop, Itinerary, Leg, Place, Quote, Route, Stop, Timing
from geo.pipeline import build_journey
from geo.places.geocoder import GazetteerGeocoder
from geo.reading.timeexpr import default_cues, find_time_expressions
from geo.timing.estimate import classify, estimate_timing
from geo.timing.speeds import SPEEDS_PATH, SpeedModel, load_speed_model

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"
KST = timedelta(hours=9)


@pytest.fixture(scope="module")
def speeds() -> SpeedModel:
    return load_speed_model()


def quote(article: Article, phrase: str, after: str = "") -> Quote:
    """A quote of ``phrase`` at its real offset (the first one after ``after``)."""
    start = article.text.index(phrase, article.text.index(after) if after else 0)
    return Quote(
        text=phrase, article=article.id, publisher=article.publisher, start=start, end=start + len(phrase)
    )


PYONGYANG = Place("Pyongyang", 39.0392, 125.7625, "KP", timezone="Asia/Pyongyang")
SINUIJU = (124.3981, 40.1006)
DANDONG = Place("Dandong", 40.1292, 124.3947, "CN", timezone="Asia/Shanghai")
PINGXIANG = (106.7544, 22.0946)
DONG_DANG = Place("Đồng Đăng", 21.9436, 106.7006, "VN", kind="station", timezone="Asia/Ho_Chi_Minh")
HANOI = Place("Hanoi", 21.0285, 105.8542, "VN", timezone="Asia/Ho_Chi_Minh")


def _line(*points: tuple[float, float]) -> LineString:
    return LineString(points)


def build(article: Article) -> tuple[Itinerary, Route]:
    stops = (
        Stop(0, "Pyongyang", "origin", PYONGYANG, quotes=(quote(article, "Pyongyang", "Kim left"),)),
        Stop(1, "Dandong", "border", DANDONG, quotes=(quote(article, "Dandong"),)),
        Stop(
            2,
            "Đồng Đăng",
            "border",
            DONG_DANG,
            quotes=(quote(article, "a station on the Chinese border"),),
            inferred=True,
            description="a station on the Chinese border",
            border_of="CN",
        ),
        Stop(
            3,
            "Hanoi",
            "destination",
            HANOI,
            quotes=(quote(article, "Hanoi"), quote(article, "Hanoi", "On Feb. 26")),
        ),
    )
    hops = (
        Hop("rail", quotes=(quote(article, "by train", "Kim left"),)),
        Hop("rail", via_countries=("CN",), quotes=(quote(article, "through China"),)),
        Hop("road", quotes=(quote(article, "the road"),)),
    )
    p, d, h = (
        (PYONGYANG.longitude, PYONGYANG.latitude),
        (DANDONG.longitude, DANDONG.latitude),
        (HANOI.longitude, HANOI.latitude),
    )
    dd = (DONG_DANG.longitude, DONG_DANG.latitude)
    legs = (
        Leg(
            0,
            "leg",
            "Pyongyang",
            "Sinuiju",
            "rail",
            _line(p, SINUIJU),
            220.0,
            countries=("KP",),
            from_stop=0,
            start_timezone="Asia/Pyongyang",
            end_timezone="Asia/Pyongyang",
        ),
        Leg(
            1,
            "crossing",
            "Sinuiju",
            "Dandong",
            "rail",
            _line(SINUIJU, d),
            3.0,
            countries=("KP", "CN"),
            to_stop=1,
            start_timezone="Asia/Pyongyang",
            end_timezone="Asia/Shanghai",
        ),
        Leg(
            2,
            "leg",
            "Dandong",
            "Pingxiang",
            "rail",
            _line(d, PINGXIANG),
            3700.0,
            countries=("CN",),
            from_stop=1,
            start_timezone="Asia/Shanghai",
            end_timezone="Asia/Shanghai",
        ),
        Leg(
            3,
            "crossing",
            "Pingxiang",
            "Đồng Đăng",
            "rail",
            _line(PINGXIANG, dd),
            15.0,
            countries=("CN", "VN"),
            to_stop=2,
            start_timezone="Asia/Shanghai",
            end_timezone="Asia/Ho_Chi_Minh",
        ),
        Leg(
            4,
            "leg",
            "Đồng Đăng",
            "Hanoi",
            "road",
            _line(dd, h),
            170.0,
            countries=("VN",),
            approximate=True,
            from_stop=2,
            to_stop=3,
            start_timezone="Asia/Ho_Chi_Minh",
            end_timezone="Asia/Ho_Chi_Minh",
        ),
    )
    return Itinerary(stops=stops, hops=hops, traveller="Kim Jong Un"), Route(stops=stops, legs=legs)


@pytest.fixture(scope="module")
def timing(reuters: Article, speeds: SpeedModel) -> Timing:
    itinerary, route = build(reuters)
    return estimate_timing([reuters], itinerary, route, speeds)


def anchor_kinds(timing: Timing) -> dict[str, list[str]]:
    kinds: dict[str, list[str]] = {}
    for a in timing.anchors:
        kinds.setdefault(a.kind, []).append(a.expression)
    return kinds


def test_anchors_found_in_the_quoted_sentences(timing: Timing) -> None:
    assert anchor_kinds(timing) == {
        "depart": ["Saturday afternoon"],
        "present": ["February 23, 2019"],
        "on_leg": ["Feb. 26"],
        "arrive_by": ["Feb. 27-28"],
        "min_duration": ["at least two and a half days"],
    }


def test_every_anchor_is_satisfied(timing: Timing) -> None:
    assert [(a.kind, a.satisfied) for a in timing.anchors if not a.satisfied] == []


def test_departure_anchor_is_saturday_afternoon_in_pyongyang(timing: Timing) -> None:
    depart = next(a for a in timing.anchors if a.kind == "depart")
    assert depart.stop == 0
    assert depart.earliest == datetime(2019, 2, 23, 12, tzinfo=UTC) - KST
    assert depart.latest == datetime(2019, 2, 23, 18, tzinfo=UTC) - KST


def test_road_ban_anchors_the_road_leg_on_26_february_vietnam_time(timing: Timing) -> None:
    on_leg = next(a for a in timing.anchors if a.kind == "on_leg")
    assert on_leg.leg == 4
    assert on_leg.earliest is not None
    assert on_leg.earliest.isoformat() == "2019-02-26T00:00:00+07:00"


def test_duration_anchor_is_about_the_rail_run(timing: Timing) -> None:
    duration = next(a for a in timing.anchors if a.kind == "min_duration")
    assert duration.duration_hours == 60.0
    assert duration.leg == 0


def test_every_window_is_ordered(timing: Timing) -> None:
    windows = [
        *timing.stop_arrive.values(),
        *timing.stop_depart.values(),
        *timing.leg_depart.values(),
        *timing.leg_arrive.values(),
    ]
    assert len(windows) == 3 + 3 + 5 + 5
    for w in windows:
        assert w.earliest is not None and w.likely is not None and w.latest is not None
        assert w.earliest <= w.likely <= w.latest


def test_origin_has_no_arrival_and_destination_no_departure(timing: Timing) -> None:
    assert 0 not in timing.stop_arrive
    assert 3 not in timing.stop_depart


def test_times_carry_the_utc_offset_of_each_place(timing: Timing) -> None:
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


def test_crossing_leg_departs_in_one_zone_and_arrives_in_the_next(timing: Timing) -> None:
    assert timing.leg_depart[1].likely is not None and timing.leg_arrive[1].likely is not None
    assert (timing.leg_depart[1].likely.strftime("%z"), timing.leg_arrive[1].likely.strftime("%z")) == (
        "+0900",
        "+0800",
    )


def test_arrival_in_hanoi_is_on_26_february_local(timing: Timing) -> None:
    w = timing.stop_arrive[3]
    assert w.earliest is not None and w.likely is not None and w.latest is not None
    assert w.likely.date() == date(2019, 2, 26)
    assert w.earliest.date() == date(2019, 2, 26)
    assert w.latest <= datetime.fromisoformat("2019-02-27T00:00:00+07:00")


def test_dandong_is_reached_on_23_february_china_time(timing: Timing) -> None:
    w = timing.stop_arrive[1]
    assert w.likely is not None and w.latest is not None
    assert w.likely.date() == date(2019, 2, 23)
    assert w.latest <= datetime.fromisoformat("2019-02-24T00:00:00+08:00")


def test_rail_journey_lasts_at_least_sixty_hours(timing: Timing) -> None:
    start, end = timing.stop_depart[0], timing.stop_arrive[2]
    assert start.likely is not None and end.likely is not None and end.earliest is not None
    assert start.earliest is not None
    assert end.likely - start.likely >= timedelta(hours=60)
    assert end.earliest - start.earliest >= timedelta(hours=60)


def test_likely_arrival_at_dong_dang_is_on_26_february(timing: Timing) -> None:
    w = timing.stop_arrive[2]
    assert w.likely is not None
    assert w.likely.date() == date(2019, 2, 26)


def test_basis_is_one_sentence(timing: Timing) -> None:
    assert timing.basis.endswith(".")
    assert timing.basis.count(". ") == 0
    assert "5 of 5" in timing.basis


def test_conflicting_anchor_is_kept_unsatisfied_with_a_reason(reuters: Article, speeds: SpeedModel) -> None:
    itinerary, route = build(reuters)
    hasty = replace(speeds, stop_dwell=replace(speeds.stop_dwell, max=1.0))
    slow = replace(
        hasty,
        by_country={
            **hasty.by_country,
            "rail": {
                **hasty.by_country["rail"],
                "CN": replace(hasty.by_country["rail"]["CN"], min=10, likely=15, max=20),
            },
        },
    )
    result = estimate_timing([reuters], itinerary, route, slow)
    unsatisfied = [a for a in result.anchors if a.satisfied is False]
    assert unsatisfied, "a 20 km/h ceiling over 3,700 km cannot meet a summit four days later"
    assert all("could not be before" in a.note for a in unsatisfied)
    for w in result.stop_arrive.values():
        assert w.earliest is not None and w.likely is not None and w.latest is not None
        assert w.earliest <= w.likely <= w.latest


def test_without_stated_times_windows_are_open(reuters: Article, speeds: SpeedModel) -> None:
    itinerary, route = build(reuters)
    bare = Article(id=reuters.id, text="Kim travelled by train.", published=reuters.published)
    result = estimate_timing([bare], itinerary, route, speeds)
    assert result.anchors == ()
    assert result.stop_arrive[3].likely is None
    assert "No stated time" in result.basis


# --- classifying a time expression by its cue words -------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expression", "kind"),
    [
        ("Kim left Pyongyang by train on Saturday afternoon, KCNA said.", "Saturday afternoon", "depart"),
        ("The ministry announced on Saturday that Kim will visit.", "Saturday", None),
        ("The train arrived in Dandong on Saturday evening.", "Saturday evening", "arrive"),
        (
            "A train is pictured in Dandong in this photo taken on February 23, 2019.",
            "February 23, 2019",
            "present",
        ),
        ("Kim left for the Feb. 27-28 summit.", "Feb. 27-28", "arrive_by"),
        ("The summit will be held in Hanoi on February 27 and 28.", "February 27 and 28", "arrive_by"),
        ("The summit was confirmed on Sunday.", "Sunday", None),
        ("He arrived in Hanoi on Tuesday ahead of the talks.", "Tuesday", "arrive"),
        ("Trump left for the Feb. 27 Hanoi summit.", "Feb. 27", "arrive_by"),
        ("Kim left before Sunday's talks.", "Sunday's", "arrive_by"),
        ("On Feb. 26, Vietnam will ban traffic on the road to Hanoi, state media said.", "Feb. 26", "on_leg"),
        ("When Kim Il Sung visited Hanoi in 1958, he left Pyongyang by train.", "1958", None),
        (
            "It could take him at least two and a half days to make the journey.",
            "at least two and a half days",
            "min_duration",
        ),
        ("Biegun held three days of talks in Pyongyang.", "three days", None),
    ],
)
def test_classify_by_the_nearest_cue(sentence: str, expression: str, kind: str | None) -> None:
    article = Article(id="t", text=sentence, published=datetime(2019, 2, 24, 10, tzinfo=timezone(KST)))
    [expr] = [e for e in find_time_expressions(article) if e.text == expression]
    assert classify(sentence, 0, len(sentence), expr, default_cues(), [article.published]) == kind


# --- the speed model --------------------------------------------------------------------------------------


def test_speed_by_mode_and_country(speeds: SpeedModel) -> None:
    assert speeds.speed("rail", "KP") == (20.0, 40.0, 60.0)
    assert speeds.speed("rail", "kp") == speeds.speed("rail", "KP")


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
        speeds.gauge_change,
        speeds.stop_dwell,
    ]
    assert all(r.source.strip() for r in ranges)


def test_gauge_break_between_standard_and_broad_gauge(speeds: SpeedModel) -> None:
    assert speeds.gauge_break("KP", "RU")
    assert not speeds.gauge_break("KP", "CN")


def test_dual_gauge_pair_needs_no_bogie_change(speeds: SpeedModel) -> None:
    assert not speeds.gauge_break("CN", "VN")
    assert speeds.border_dwell("rail", ("CN", "VN")) == speeds.border_dwell("rail", ("KP", "CN"))


def test_bogie_change_lengthens_the_border_dwell(speeds: SpeedModel) -> None:
    plain = speeds.border_dwell("rail", ("KP", "CN"))
    changed = speeds.border_dwell("rail", ("KP", "RU"))
    assert changed.min == plain.min + speeds.gauge_change.min
    assert changed.max == plain.max + speeds.gauge_change.max


def _speeds_file(tmp_path: Path, change: Callable[[dict[str, Any]], object]) -> Path:
    raw = json.loads(SPEEDS_PATH.read_text(encoding="utf-8"))
    change(raw)
    path = tmp_path / "speeds.json"
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
    ],
    ids=[
        "mode missing",
        "likely above max",
        "no source",
        "zero speed",
        "no dwell",
        "dwell not object",
        "no file source",
    ],
)
def test_malformed_speed_file_is_a_data_error(
    tmp_path: Path, change: Callable[[dict[str, Any]], object]
) -> None:
    with pytest.raises(DataError):
        load_speed_model(_speeds_file(tmp_path, change))


def test_unreadable_speed_file_is_a_data_error(tmp_path: Path) -> None:
    bad = tmp_path / "speeds.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(DataError):
        load_speed_model(bad)


# --- another journey: the code knows no place or date -----------------------------------------------------

MONGOLIA_TEXT = (
    "The special train left Ulaanbaatar on Friday evening, Montsame said. "
    "It was pictured in Erenhot late on Saturday after its bogies were changed. "
    "The train will arrive in Beijing on Monday."
)


def _mongolia() -> tuple[Article, Itinerary, Route]:
    article = Article(
        id="mn", text=MONGOLIA_TEXT, published=datetime(2019, 6, 2, 9, tzinfo=timezone(timedelta(hours=8)))
    )
    ub = Place("Ulaanbaatar", 47.9077, 106.8832, "MN", timezone="Asia/Ulaanbaatar")
    erenhot = Place("Erenhot", 43.6475, 111.9767, "CN", timezone="Asia/Shanghai")
    beijing = Place("Beijing", 39.9042, 116.4074, "CN", timezone="Asia/Shanghai")
    zamyn = (111.8986, 43.7253)
    stops = (
        Stop(0, "Ulaanbaatar", "origin", ub, quotes=(quote(article, "Ulaanbaatar"),)),
        Stop(1, "Erenhot", "border", erenhot, quotes=(quote(article, "Erenhot"),)),
        Stop(2, "Beijing", "destination", beijing, quotes=(quote(article, "Beijing"),)),
    )
    hops = (Hop("rail"), Hop("rail"))
    legs = (
        Leg(
            0,
            "leg",
            "Ulaanbaatar",
            "Zamyn-Üüd",
            "rail",
            _line((ub.longitude, ub.latitude), zamyn),
            700.0,
            countries=("MN",),
            from_stop=0,
            start_timezone="Asia/Ulaanbaatar",
            end_timezone="Asia/Ulaanbaatar",
        ),
        Leg(
            1,
            "crossing",
            "Zamyn-Üüd",
            "Erenhot",
            "rail",
            _line(zamyn, (erenhot.longitude, erenhot.latitude)),
            9.0,
            countries=("MN", "CN"),
            to_stop=1,
            start_timezone="Asia/Ulaanbaatar",
            end_timezone="Asia/Shanghai",
        ),
        Leg(
            2,
            "leg",
            "Erenhot",
            "Beijing",
            "rail",
            _line((erenhot.longitude, erenhot.latitude), (beijing.longitude, beijing.latitude)),
            840.0,
            countries=("CN",),
            from_stop=1,
            to_stop=2,
            start_timezone="Asia/Shanghai",
            end_timezone="Asia/Shanghai",
        ),
    )
    return article, Itinerary(stops, hops), Route(stops, legs)


def test_another_journey_gets_its_own_anchors(speeds: SpeedModel) -> None:
    article, itinerary, route = _mongolia()
    result = estimate_timing([article], itinerary, route, speeds)
    assert [(a.kind, a.expression, a.stop, a.satisfied) for a in result.anchors] == [
        ("depart", "Friday evening", 0, True),
        ("present", "late on Saturday", 1, True),
        ("arrive", "Monday", 2, True),
    ]


def test_another_journey_crossing_includes_the_bogie_change(speeds: SpeedModel) -> None:
    article, itinerary, route = _mongolia()
    result = estimate_timing([article], itinerary, route, speeds)
    depart, arrive = result.leg_depart[1].likely, result.leg_arrive[1].likely
    assert depart is not None and arrive is not None
    assert arrive - depart >= timedelta(hours=speeds.gauge_change.likely)


def test_future_arrival_is_the_next_monday_in_the_destination_zone(speeds: SpeedModel) -> None:
    article, itinerary, route = _mongolia()
    result = estimate_timing([article], itinerary, route, speeds)
    arrive = next(a for a in result.anchors if a.kind == "arrive")
    assert arrive.earliest is not None
    assert arrive.earliest.isoformat() == "2019-06-03T00:00:00+08:00"


# --- with the real route planner --------------------------------------------------------------------------


def test_timing_on_the_planned_route_satisfies_every_anchor(reuters: Article, speeds: SpeedModel) -> None:
    from geo.routing.railnet import load_network
    from geo.routing.route import plan_route

    itinerary, _ = build(reuters)
    stops = list(itinerary.stops)
    stops[2] = replace(stops[2], place=None, name="a station on the Chinese border", feature="station")
    itinerary = replace(itinerary, stops=tuple(stops))
    route = plan_route(itinerary, load_network())
    result = estimate_timing([reuters], itinerary, route, speeds)
    assert [a.kind for a in result.anchors if not a.satisfied] == []
    hanoi = result.stop_arrive[route.stops[-1].seq]
    assert hanoi.likely is not None and hanoi.likely.date() == date(2019, 2, 26)


def test_timing_of_the_whole_pipeline_on_both_articles(journey: Journey) -> None:
    timing = journey.timing
    assert {a.kind for a in timing.anchors} >= {"depart", "present", "on_leg", "arrive_by", "min_duration"}
    assert [a.expression for a in timing.anchors if not a.satisfied] == []
    hanoi = timing.stop_arrive[journey.route.stops[-1].seq]
    assert hanoi.likely is not None and hanoi.likely.isoformat().startswith("2019-02-26")
    assert hanoi.likely.strftime("%z") == "+0700"


def test_route_without_legs_leaves_anchors_unsatisfied(reuters: Article, speeds: SpeedModel) -> None:
    itinerary, route = build(reuters)
    result = estimate_timing([reuters], itinerary, replace(route, legs=()), speeds)
    assert result.stop_arrive == {} and result.leg_depart == {}
    depart = next(a for a in result.anchors if a.kind == "depart")
    assert (depart.satisfied, depart.note) == (False, "not on the routed journey")


def test_place_without_zone_falls_back_to_the_publication_offset(
    reuters: Article, speeds: SpeedModel
) -> None:
    itinerary, route = build(reuters)
    stops = list(route.stops)
    stops[1] = replace(stops[1], place=replace(DANDONG, timezone=None))
    legs = list(route.legs)
    legs[1] = replace(legs[1], end_timezone=None)
    legs[2] = replace(legs[2], start_timezone=None)
    result = estimate_timing([reuters], itinerary, Route(tuple(stops), tuple(legs)), speeds)
    arrive = result.stop_arrive[1].likely
    assert arrive is not None and arrive.strftime("%z") == "+0900"


def test_departure_cue_anchors_the_stop_it_names_not_the_destination_in_the_same_sentence(
    geocoder: GazetteerGeocoder,
) -> None:
    text = "North Korean leader Kim Jong Un left Pyongyang by train on Monday for Beijing, state media said."
    article = Article("one-sentence", text, datetime(2019, 1, 8, 9, tzinfo=timezone(KST)), publisher="T")
    journey = build_journey([article], geocoder=geocoder)
    (anchor,) = journey.timing.anchors
    assert (anchor.kind, journey.stops[anchor.stop].name, anchor.satisfied) == ("depart", "Pyongyang", True)
    assert journey.timing.stop_depart[0].earliest.isoformat() == "2019-01-07T00:00:00+09:00"


def test_each_date_anchors_the_verb_of_its_own_clause(geocoder: GazetteerGeocoder) -> None:
    text = "Kim Jong Un left Pyongyang by train on Monday and arrived in Beijing on Tuesday, KCNA said."
    article = Article("two-clauses", text, datetime(2019, 1, 10, 9, tzinfo=timezone(KST)), publisher="T")
    journey = build_journey([article], geocoder=geocoder)
    kinds = {(a.expression, a.kind, journey.stops[a.stop].name) for a in journey.timing.anchors}
    assert kinds == {("Monday", "depart", "Pyongyang"), ("Tuesday", "arrive", "Beijing")}
    assert all(a.satisfied for a in journey.timing.anchors)
