"""Timing on a hand-built Pyongyang → Dandong → Đồng Đăng → Hanoi route with quotes at the real offsets of the
Reuters article (published Sunday 24 Feb 2019 KST).

Real-world check: Kim left Pyongyang on the afternoon of Sat 23 Feb 2019, was seen in Dandong late on the
23rd, reached Đồng Đăng on the morning of 26 Feb and Hanoi about three hours later by car; the summit began on
27 Feb.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from shapely.geometry import LineString

from geo.model import Article, Hop, Itinerary, Leg, Place, Quote, Route, Stop, Timing
from geo.speeds import SpeedModel, load_speed_model
from geo.timing import estimate_timing

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"
KST = timedelta(hours=9)


@pytest.fixture(scope="module")
def reuters() -> Article:
    import json

    raw = json.loads((ARTICLES / "000_bde62e97f9f7df89.json").read_text(encoding="utf-8"))
    return Article(
        id=raw["id"],
        text=raw["text"],
        published=datetime.fromisoformat(raw["published"]),
        publisher="Reuters",
    )


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
