"""Time expressions on the two bundled articles (Reuters, Sunday 24 Feb 2019 KST; NBC, Saturday 9 Feb 2019
US Eastern) and on short texts written for one rule each."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from geo.errors import DataError
from geo.model import Article
from geo.reading.timeexpr import (
    CUES_PATH,
    TimeExpression,
    find_time_expressions,
    load_time_cues,
    window_in_zone,
)

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"
KST = timezone(timedelta(hours=9))
SUNDAY_24_FEB_2019 = datetime(2019, 2, 24, 10, 0, tzinfo=KST)


def bundled(name: str) -> Article:
    raw = json.loads((ARTICLES / name).read_text(encoding="utf-8"))
    return Article(id=raw["id"], text=raw["text"], published=datetime.fromisoformat(raw["published"]))


@pytest.fixture(scope="module")
def reuters() -> list[TimeExpression]:
    return find_time_expressions(bundled("000_bde62e97f9f7df89.json"))


@pytest.fixture(scope="module")
def nbc() -> list[TimeExpression]:
    return find_time_expressions(bundled("003_00fa2c3822e22cb8.json"))


def one(found: list[TimeExpression], text: str, after: str = "", *, source: str = "") -> TimeExpression:
    """The expression whose text is ``text`` (the first one whose sentence contains ``after``)."""
    for expr in found:
        if expr.text == text and (not after or after in source[expr.sentence_start : expr.sentence_end]):
            return expr
    raise AssertionError(f"{text!r} not found in {[e.text for e in found]}")


def texts(text: str, published: datetime = SUNDAY_24_FEB_2019) -> list[TimeExpression]:
    return find_time_expressions(Article(id="t", text=text, published=published))


def test_reuters_expressions_in_order(reuters: list[TimeExpression]) -> None:
    assert [e.text for e in reuters] == [
        "Sunday",
        "February 23, 2019",
        "Saturday afternoon",
        "Feb. 27-28",
        "last year",
        "Saturday",
        "eight months",
        "1950-1953",
        "at least two and a half days",
        "Feb. 26",
        "1958",
        "Saturday",
    ]


def test_offsets_point_at_the_expression_inside_its_sentence(reuters: list[TimeExpression]) -> None:
    text = bundled("000_bde62e97f9f7df89.json").text
    for e in reuters:
        assert text[e.start : e.end] == e.text
        assert e.sentence_start <= e.start < e.end <= e.sentence_end


def test_saturday_afternoon_is_noon_to_six_on_the_day_before_publication(
    reuters: list[TimeExpression],
) -> None:
    expr = one(reuters, "Saturday afternoon")
    assert (expr.earliest, expr.latest) == (
        datetime(2019, 2, 23, 12, tzinfo=KST),
        datetime(2019, 2, 23, 18, tzinfo=KST),
    )
    assert (expr.kind, expr.first_date, expr.part_of_day) == ("instant", date(2019, 2, 23), "afternoon")


def test_sunday_in_a_sunday_article_is_the_publication_day(reuters: list[TimeExpression]) -> None:
    assert one(reuters, "Sunday").first_date == date(2019, 2, 24)


def test_friday_in_a_saturday_article_is_the_day_before(nbc: list[TimeExpression]) -> None:
    assert {e.first_date for e in nbc if e.text == "Friday"} == {date(2019, 2, 8)}


def test_announced_on_saturday_stays_past_despite_a_later_will(reuters: list[TimeExpression]) -> None:
    source = bundled("000_bde62e97f9f7df89.json").text
    expr = one(reuters, "Saturday", "foreign ministry announced", source=source)
    assert (expr.tense, expr.first_date) == ("past", date(2019, 2, 23))


def test_future_weekday_is_the_next_one() -> None:
    [expr] = texts("The leader will arrive in the capital on Tuesday.")
    assert (expr.tense, expr.first_date) == ("future", date(2019, 2, 26))


def test_past_weekday_is_the_last_one() -> None:
    [expr] = texts("The leader arrived in the capital on Tuesday.")
    assert (expr.tense, expr.first_date) == ("past", date(2019, 2, 19))


def test_last_sunday_in_a_sunday_article_is_a_week_earlier() -> None:
    [expr] = texts("He left last Sunday.")
    assert expr.first_date == date(2019, 2, 17)


def test_date_range_with_hyphen_covers_both_whole_days(reuters: list[TimeExpression]) -> None:
    expr = one(reuters, "Feb. 27-28")
    assert (expr.kind, expr.first_date, expr.last_date) == ("range", date(2019, 2, 27), date(2019, 2, 28))
    assert (expr.earliest, expr.latest) == (
        datetime(2019, 2, 27, tzinfo=KST),
        datetime(2019, 3, 1, tzinfo=KST),
    )


def test_date_range_with_and(nbc: list[TimeExpression]) -> None:
    expr = one(nbc, "February 27 and 28")
    assert (expr.kind, expr.first_date, expr.last_date) == ("range", date(2019, 2, 27), date(2019, 2, 28))


def test_date_without_year_takes_the_year_nearest_publication(reuters: list[TimeExpression]) -> None:
    expr = one(reuters, "Feb. 26")
    assert (expr.first_date, expr.tense) == (date(2019, 2, 26), "future")


def test_date_without_year_may_fall_in_the_previous_year() -> None:
    [expr] = texts("The train left on Dec. 30.", published=datetime(2019, 1, 2, tzinfo=KST))
    assert expr.first_date == date(2018, 12, 30)


def test_explicit_dates_keep_their_year(reuters: list[TimeExpression], nbc: list[TimeExpression]) -> None:
    assert one(reuters, "February 23, 2019").first_date == date(2019, 2, 23)
    assert one(nbc, "June 12, 2018").first_date == date(2018, 6, 12)


def test_year_glued_to_a_clock_is_not_a_year(nbc: list[TimeExpression]) -> None:
    expr = one(nbc, "Feb. 6")
    assert expr.first_date == date(2019, 2, 6)


def test_impossible_date_is_not_an_expression() -> None:
    assert texts("They met on Feb. 30.") == []


def test_at_least_two_and_a_half_days_is_a_sixty_hour_minimum(reuters: list[TimeExpression]) -> None:
    expr = one(reuters, "at least two and a half days")
    assert (expr.kind, expr.duration_hours, expr.bound, expr.earliest) == ("duration", 60.0, "min", None)


def test_three_days_is_exact_and_eight_months_approximate(
    reuters: list[TimeExpression], nbc: list[TimeExpression]
) -> None:
    three, eight = one(nbc, "three days"), one(reuters, "eight months")
    assert (three.duration_hours, three.bound, three.approximate) == (72.0, "exact", False)
    assert (eight.duration_hours, eight.approximate) == (8 * 730.5, True)


@pytest.mark.parametrize(
    ("text", "hours", "bound"),
    [
        ("The ride took up to 36 hours.", 36.0, "max"),
        ("The ride took twenty-four hours.", 24.0, "exact"),
        ("The ride took about a day and a half.", 36.0, "approx"),
        ("The ride took about one and a half days.", 36.0, "approx"),
    ],
)
def test_duration_numbers_and_qualifiers(text: str, hours: float, bound: str) -> None:
    found = [e for e in texts(text) if e.kind == "duration"]
    assert [(e.duration_hours, e.bound) for e in found] == [(hours, bound)]


def test_in_1958_is_the_whole_year(reuters: list[TimeExpression]) -> None:
    expr = one(reuters, "1958")
    assert (expr.kind, expr.first_date, expr.last_date) == ("range", date(1958, 1, 1), date(1958, 12, 31))


def test_last_year_is_the_calendar_year_before_publication(reuters: list[TimeExpression]) -> None:
    expr = one(reuters, "last year")
    assert (expr.first_date, expr.last_date) == (date(2018, 1, 1), date(2018, 12, 31))


def test_last_september_in_february_is_the_previous_year(nbc: list[TimeExpression]) -> None:
    expr = one(nbc, "last September")
    assert (expr.first_date, expr.last_date) == (date(2018, 9, 1), date(2018, 9, 30))


def test_last_week_is_approximate_and_reaches_the_publication_day(nbc: list[TimeExpression]) -> None:
    expr = one(nbc, "last week")
    assert expr.approximate
    assert (expr.first_date, expr.last_date) == (date(2019, 1, 28), date(2019, 2, 9))


def test_year_range(reuters: list[TimeExpression]) -> None:
    expr = one(reuters, "1950-1953")
    assert (expr.first_date, expr.last_date) == (date(1950, 1, 1), date(1953, 12, 31))


def test_late_on_a_day_is_its_evening() -> None:
    [expr] = texts("The train was seen late on Saturday.")
    assert (expr.earliest, expr.latest) == (
        datetime(2019, 2, 23, 18, tzinfo=KST),
        datetime(2019, 2, 24, tzinfo=KST),
    )


def test_night_runs_into_the_next_morning() -> None:
    [expr] = texts("The train crossed the border on Saturday night.")
    assert (expr.earliest, expr.latest) == (
        datetime(2019, 2, 23, 20, tzinfo=KST),
        datetime(2019, 2, 24, 6, tzinfo=KST),
    )
    assert expr.kind == "instant"


def test_part_of_day_before_a_date() -> None:
    [expr] = texts("He arrived on the morning of Feb. 26.")
    assert (expr.text, expr.start_hour, expr.end_hour) == ("morning of Feb. 26", 6.0, 12.0)


def test_yesterday_and_tomorrow_count_from_publication() -> None:
    found = texts("He left yesterday and arrives tomorrow.")
    assert [e.first_date for e in found] == [date(2019, 2, 23), date(2019, 2, 25)]


def test_window_in_zone_reads_the_same_calendar_day_in_the_place_zone(reuters: list[TimeExpression]) -> None:
    expr = one(reuters, "February 23, 2019")
    window = window_in_zone(expr, "Asia/Shanghai")
    assert window is not None
    assert [w.isoformat() for w in window] == ["2019-02-23T00:00:00+08:00", "2019-02-24T00:00:00+08:00"]


def test_window_in_zone_of_a_duration_is_none(reuters: list[TimeExpression]) -> None:
    assert window_in_zone(one(reuters, "at least two and a half days"), "Asia/Shanghai") is None


def test_window_in_unknown_zone_is_a_data_error(reuters: list[TimeExpression]) -> None:
    with pytest.raises(DataError):
        window_in_zone(one(reuters, "Feb. 26"), "Asia/Atlantis")


def test_lowercase_may_is_not_a_month() -> None:
    assert texts("He may surprise some on 5 May.")[0].text == "5 May"
    assert [e.text for e in texts("He may surprise some.")] == []


def test_bundled_cues_load() -> None:
    cues = load_time_cues()
    assert cues.parts_of_day["afternoon"] == (12.0, 18.0)


@pytest.mark.parametrize(
    "change",
    [
        lambda raw: raw.pop("weekdays"),
        lambda raw: raw["parts_of_day"].update({"afternoon": [18, 12]}),
        lambda raw: raw["months"].update({"smarch": 13}),
        lambda raw: raw["duration_qualifiers"].update({"at least": "sometimes"}),
    ],
)
def test_malformed_cue_file_is_a_data_error(tmp_path: Path, change: object) -> None:
    raw = json.loads(CUES_PATH.read_text(encoding="utf-8"))
    change(raw)  # type: ignore[operator]
    path = tmp_path / "cues.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(DataError):
        load_time_cues(path)


def test_missing_cue_file_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError):
        load_time_cues(tmp_path / "nope.json")


def test_clock_time_before_a_day_narrows_it_to_that_minute() -> None:
    [expr] = texts("The train arrived at 8:10 a.m. on Tuesday.")
    assert (expr.text, expr.earliest, expr.latest) == (
        "8:10 a.m. on Tuesday",
        datetime(2019, 2, 19, 8, 10, tzinfo=KST),
        datetime(2019, 2, 19, 8, 10, tzinfo=KST),
    )


def test_clock_time_after_a_date_narrows_it() -> None:
    [expr] = texts("It will reach the border on Feb. 26 at 17:45.")
    assert (expr.text, expr.start_hour) == ("Feb. 26 at 17:45", 17.75)


def test_clock_time_alone_is_not_an_expression() -> None:
    assert texts("At 3 pm the train had not moved.") == []


def test_clock_time_with_local_time_and_gmt_in_between() -> None:
    [expr] = texts("The train arrived at 8:10 a.m. local time (0110 GMT) on Tuesday.")
    assert (expr.first_date, expr.start_hour) == (date(2019, 2, 19), 8 + 10 / 60)
