"""The whole chain on every journey we have: the bundled articles and the texts written for the tests.

Each must come out as a connected route with times that honour every anchor the text states.
"""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from geo.journey import Journey
from geo.model import Article
from geo.pipeline import build_journey
from geo.places.geocoder import GazetteerGeocoder

TEXTS = Path(__file__).parent / "texts"

# file, publication date, stops expected in order, modes of the legs that are not crossings
WRITTEN = {
    "vladivostok_2019": (datetime(2019, 4, 25, tzinfo=ZoneInfo("Asia/Seoul")),
                         ["Pyongyang", "Khasan", "Vladivostok"]),
    "beijing_2018": (datetime(2018, 6, 19, tzinfo=ZoneInfo("Asia/Shanghai")),
                     ["Pyongyang", "Dandong", "Beijing"]),
    "vostochny_2023": (datetime(2023, 9, 12, tzinfo=ZoneInfo("Europe/Moscow")),
                       ["Pyongyang", "Khasan", "Vostochny Cosmodrome"]),
    "moscow_petersburg": (datetime(2019, 6, 7, tzinfo=ZoneInfo("Europe/Moscow")),
                          ["Moscow", "Tver", "Saint Petersburg"]),
}  # fmt: skip


def _journey(name: str, geocoder: GazetteerGeocoder) -> Journey:
    published, _ = WRITTEN[name]
    path = TEXTS / f"{name}.txt"
    article = Article(path.stem, path.read_text(encoding="utf-8"), published, publisher="Test Wire")
    return build_journey([article], geocoder=geocoder)


@pytest.fixture(scope="module", params=sorted(WRITTEN))
def written(request: pytest.FixtureRequest, geocoder: GazetteerGeocoder) -> tuple[str, Journey]:
    return request.param, _journey(request.param, geocoder)


def _assert_connected(journey: Journey) -> None:
    """Legs run end to end from the first stop to the last, with no gap."""
    legs = journey.legs
    assert legs, "no legs"
    assert legs[0].from_stop == journey.stops[0].seq
    assert legs[-1].to_stop == journey.stops[-1].seq
    for a, b in itertools.pairwise(legs):
        assert a.geometry.coords[-1] == pytest.approx(b.geometry.coords[0], abs=0.05), (a.end, b.start)


def _assert_windows_ordered(journey: Journey) -> None:
    for stage in journey.stages:
        for window in (stage.arrive, stage.depart):
            moments = [m for m in (window.earliest, window.likely, window.latest) if m is not None]
            assert moments == sorted(moments), stage.title


def test_written_journeys_have_their_stops_in_order(written: tuple[str, Journey]) -> None:
    name, journey = written
    assert [stop.name for stop in journey.stops] == WRITTEN[name][1]


def test_written_journeys_are_connected_routes(written: tuple[str, Journey]) -> None:
    _assert_connected(written[1])


def test_written_journeys_have_times_at_every_stop(written: tuple[str, Journey]) -> None:
    _, journey = written
    timing = journey.timing
    for stop in journey.stops[1:]:
        assert timing.stop_arrive[stop.seq].likely is not None, stop.name
    assert timing.stop_depart[journey.stops[0].seq].likely is not None
    _assert_windows_ordered(journey)


def test_written_journeys_honour_every_anchor(written: tuple[str, Journey]) -> None:
    _, journey = written
    assert journey.timing.anchors, "the text states times; none was read"
    assert [a.expression for a in journey.timing.anchors if not a.satisfied] == []


def test_written_journeys_cross_borders_as_stages_of_their_own(written: tuple[str, Journey]) -> None:
    name, journey = written
    crossings = [stage for stage in journey.stages if stage.kind == "crossing"]
    countries = {stop.place.country for stop in journey.stops if stop.place}
    assert len(crossings) == len(countries) - 1, name


# --- the bundled articles: every anchor, one by one ------------------------------------------------------


def _anchor(journey: Journey, expression: str) -> object:
    found = [a for a in journey.timing.anchors if a.expression == expression]
    assert len(found) == 1, [a.expression for a in journey.timing.anchors]
    return found[0]


def test_bundled_journey_is_connected_and_ordered(journey: Journey) -> None:
    _assert_connected(journey)
    _assert_windows_ordered(journey)


@pytest.mark.parametrize(
    ("expression", "kind", "stop"),
    [
        ("Saturday afternoon", "depart", "Pyongyang"),
        ("February 23, 2019", "present", "Dandong"),
        ("Feb. 27-28", "arrive_by", "Hanoi"),
        ("February 27 and 28", "arrive_by", "Hanoi"),
    ],
)
def test_bundled_stop_anchor_is_satisfied(journey: Journey, expression: str, kind: str, stop: str) -> None:
    anchor = _anchor(journey, expression)
    assert anchor.kind == kind  # type: ignore[attr-defined]
    assert journey.stops[anchor.stop].name == stop  # type: ignore[attr-defined]
    assert anchor.satisfied is True  # type: ignore[attr-defined]


def test_departure_window_is_saturday_afternoon_in_pyongyang(journey: Journey) -> None:
    depart = journey.timing.stop_depart[0]
    assert depart.earliest.isoformat() == "2019-02-23T12:00:00+09:00"
    assert depart.latest.isoformat() == "2019-02-23T18:00:00+09:00"


def test_train_is_in_dandong_on_the_photo_date(journey: Journey) -> None:
    dandong = next(stop for stop in journey.stops if stop.name == "Dandong")
    arrive = journey.timing.stop_arrive[dandong.seq]
    assert arrive.likely.utcoffset() == timedelta(hours=8)
    assert arrive.likely.date().isoformat() == "2019-02-23"


def test_road_leg_runs_on_the_day_the_road_is_closed(journey: Journey) -> None:
    anchor = _anchor(journey, "Feb. 26")
    assert anchor.kind == "on_leg" and anchor.satisfied is True  # type: ignore[attr-defined]
    road = next(leg for leg in journey.legs if leg.mode == "road")
    for moment in (journey.timing.leg_depart[road.seq].likely, journey.timing.leg_arrive[road.seq].likely):
        assert moment.utcoffset() == timedelta(hours=7)
        assert moment.date().isoformat() == "2019-02-26"


def test_rail_part_lasts_at_least_two_and_a_half_days(journey: Journey) -> None:
    anchor = _anchor(journey, "at least two and a half days")
    assert anchor.kind == "duration" and anchor.satisfied is True  # type: ignore[attr-defined]
    rail = [leg for leg in journey.legs if leg.mode == "rail"]
    start = journey.timing.leg_depart[rail[0].seq].likely
    end = journey.timing.leg_arrive[rail[-1].seq].likely
    assert end - start >= timedelta(hours=60)


def test_arrival_in_hanoi_is_before_the_summit(journey: Journey) -> None:
    hanoi = journey.stops[-1]
    arrive = journey.timing.stop_arrive[hanoi.seq]
    assert arrive.latest <= datetime(2019, 2, 27, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    assert arrive.likely.date().isoformat() == "2019-02-26"


def test_stage_times_carry_three_different_offsets(journey: Journey) -> None:
    offsets = {
        stage.title: (stage.depart.likely or stage.arrive.likely).utcoffset()
        for stage in journey.stages if stage.kind == "stop"
    }  # fmt: skip
    assert offsets["Pyongyang"] == timedelta(hours=9)
    assert offsets["Dandong"] == timedelta(hours=8)
    assert offsets["Hanoi"] == timedelta(hours=7)


def test_clock_times_told_after_one_dated_day_fall_on_that_night(geocoder: GazetteerGeocoder) -> None:
    """The day is written once ("on Sunday"); the clock times after it, paragraphs later, are that evening,
    not the publication day, and the morning arrival is the next day's."""
    text = (
        "How Sánchez got to Kyiv\n\n"
        "Pedro Sánchez flew out of Madrid at 2.10 p.m. on Sunday aboard a Spanish air force jet.\n\n"
        "The plane landed at Rzeszów at 6.35 p.m.\n\n"
        "A convoy drove him to Przemyśl, where he boarded a train at 9.05 p.m.\n\n"
        "The train reached Kyiv at 8.40 a.m., local time."
    )
    published = datetime(2023, 2, 23, 18, 0, tzinfo=ZoneInfo("Europe/Madrid"))
    journey = build_journey([Article("sanchez", text, published, publisher="T")], geocoder=geocoder)
    assert [s.name for s in journey.stops] == ["Madrid", "Rzeszów", "Przemyśl", "Kyiv"]
    arrive = {s.name: journey.timing.stop_arrive[s.seq] for s in journey.stops[1:]}
    days = {name: w.likely.date().isoformat() for name, w in arrive.items() if w.likely is not None}
    assert days["Rzeszów"] == "2023-02-19"
    assert days["Kyiv"] == "2023-02-20"


def test_a_stated_arrival_at_the_first_stop_is_shown_and_comes_before_the_departure(
    geocoder: GazetteerGeocoder,
) -> None:
    """The story starts at the border: the arrival there is stated, and the journey leaves after it."""
    text = (
        "Lukashenko's train crosses into Russia\n\n"
        "Alexander Lukashenko's train reached Smolensk at 6.40 a.m. on Tuesday after crossing the border. "
        "It left Smolensk at 8.10 a.m. and arrived in Moscow at 1.30 p.m."
    )
    published = datetime(2023, 5, 10, 9, 0, tzinfo=ZoneInfo("Europe/Moscow"))
    journey = build_journey([Article("luka", text, published, publisher="T")], geocoder=geocoder)
    first = journey.stops[0]
    assert first.name == "Smolensk"
    arrive, depart = journey.timing.stop_arrive[first.seq], journey.timing.stop_depart[first.seq]
    assert arrive.likely is not None and (arrive.likely.hour, arrive.likely.minute) == (6, 40)
    assert depart.earliest is not None and arrive.latest is not None and arrive.latest <= depart.latest
    anchor = next(a for a in journey.timing.anchors if a.expression == "6.40 a.m. on Tuesday")
    assert anchor.satisfied and "the journey starts there" in anchor.note


def test_a_state_visit_outlasts_a_transit_halt_and_the_flight_keeps_its_length(
    geocoder: GazetteerGeocoder,
) -> None:
    """Out on Thursday morning, back on Friday afternoon: the stay abroad takes the day and a half, not the
    one-hour flight home."""
    text = (
        "Erdogan returns from Baku\n\n"
        "ANKARA, June 21 — Turkish President Recep Tayyip Erdogan returned to Ankara by plane on Friday "
        "afternoon after a state visit to Azerbaijan.\n\n"
        "Erdogan left Ankara by plane on the morning of June 20 and arrived in Baku at noon."
    )
    published = datetime(2019, 6, 21, 20, 0, tzinfo=ZoneInfo("Europe/Istanbul"))
    journey = build_journey([Article("erdogan", text, published, publisher="T")], geocoder=geocoder)
    assert [s.name for s in journey.stops] == ["Ankara", "Baku", "Ankara"]
    baku = journey.stops[1]
    depart = journey.timing.stop_depart[baku.seq]
    assert depart.likely is not None and depart.likely.date().isoformat() == "2019-06-21"
    leg = next(leg for leg in journey.legs if leg.from_stop == baku.seq)
    back = journey.timing.leg_arrive[leg.seq]
    assert back.likely is not None and depart.likely is not None
    assert back.likely - depart.likely < timedelta(hours=4)


def test_a_clock_time_keeps_the_day_told_before_it_when_the_visit_lasts_days(
    geocoder: GazetteerGeocoder,
) -> None:
    """Out on Sunday, home on Tuesday: "left at 1.27 p.m." after "The journey began on Sunday 3 February" is
    Sunday's, although a stay of two days is more than any transit halt the speed model knows."""
    text = (
        "The Pope returns from Abu Dhabi\n\n"
        "Pope Francis returned to Rome on Tuesday afternoon, 5 February. His plane had departed from "
        "Abu Dhabi "
        "at 1.23 p.m. local time.\n\n"
        "The journey began on Sunday 3 February. The aircraft carrying the Pope left Rome at 1.27 p.m. and "
        "landed in Abu Dhabi at 9.47 p.m. local time (6.47 p.m. in Rome)."
    )
    published = datetime(2019, 2, 5, 19, 30, tzinfo=ZoneInfo("Europe/Rome"))
    journey = build_journey([Article("pope", text, published, publisher="T")], geocoder=geocoder)
    assert [s.name for s in journey.stops] == ["Rome", "Abu Dhabi", "Rome"]
    depart = journey.timing.stop_depart[journey.stops[0].seq]
    arrive = journey.timing.stop_arrive[journey.stops[1].seq]
    assert depart.likely is not None and depart.likely.date().isoformat() == "2019-02-03"
    assert arrive.likely is not None and (arrive.likely.day, arrive.likely.hour) == (3, 21)


def test_a_stated_ride_time_picks_the_border_station_of_an_unnamed_start(geocoder: GazetteerGeocoder) -> None:
    """"an overnight ride of roughly ten hours from a town on the Polish border" to Kyiv: not the Polish
    border station nearest Kyiv by rail (Dorohusk, ~490 km), but the one about ten hours of a Ukrainian
    train away (Medyka, beside Przemyśl); without the duration, the nearest one."""
    published = datetime(2023, 2, 20, 12, tzinfo=ZoneInfo("Europe/Kyiv"))
    told = build_journey([Article("b", (
        "Biden visits Kyiv\n\nKYIV - Joe Biden reached Kyiv by train at about 8 a.m. after an overnight "
        "ride of "
        "roughly ten hours from a town on the Polish border, officials said."
    ), published, publisher="T")], geocoder=geocoder)
    assert told.stops[0].name == "Medyka" and "roughly ten hours" in told.stops[0].reason
    untold = build_journey([Article("b", (
        "Biden visits Kyiv\n\nKYIV - Joe Biden reached Kyiv by train at about 8 a.m. after an overnight ride "
        "from a town on the Polish border, officials said."
    ), published, publisher="T")], geocoder=geocoder)
    assert untold.stops[0].name == "Dorohusk"
