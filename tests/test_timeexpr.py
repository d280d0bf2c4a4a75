"""Time expressions read from the parse, on the two bundled articles (Reuters, Sunday 24 Feb 2019 KST; NBC,
Saturday 9 Feb 2019 US Eastern) and on short texts written for one rule each."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from geo.errors import DataError
from geo.model import Article
from geo.reading.parse import parse_articles
from geo.reading.timeexpr import (
    CUES_PATH,
    TimeExpression,
    find_time_expressions,
    load_time_cues,
    publication_end,
    told_long_before,
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


def looked_back(text: str, published: datetime) -> list[str]:
    """The sentences of ``text`` that ``told_long_before`` sets long before the story, in order."""
    article = Article(id="t", text=text, published=published)
    parsed = parse_articles([article])["t"]
    back = told_long_before(find_time_expressions(article, parsed), parsed, published.date())
    sentences = [parsed.text[s.char_start : s.char_end].strip() for s in parsed.sentences]
    return [sentences[k] for k in sorted(back)]


def days_of(text: str, published: datetime) -> dict[str, date | None]:
    """Each time phrase of ``text`` → the first day it was read as."""
    return {e.text: e.first_date for e in texts(text, published)}


def test_reuters_expressions_in_order(reuters: list[TimeExpression]) -> None:
    assert [e.text for e in reuters] == [
        "Sunday",
        "February 23, 2019",
        "Saturday afternoon",
        "Feb. 27-28",
        "last year",
        "Saturday",
        "1950-1953",
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


def test_a_plan_told_in_the_past_tense_takes_the_weekday_nearest_publication() -> None:
    saturday_19_nov = datetime(2022, 11, 19, 16, 0, tzinfo=UTC)
    [plan] = texts("Officials said he was expected to be back in London on Sunday.", saturday_19_nov)
    [done] = texts("Officials said he had flown to London on Sunday.", saturday_19_nov)
    assert plan.first_date == date(2022, 11, 20) and done.first_date == date(2022, 11, 13)


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
    assert one(nbc, "June 12").first_date == date(2018, 6, 12)  # "June 12, 2018.Saul Loeb": a caption


def test_year_glued_to_a_clock_is_not_a_year(nbc: list[TimeExpression]) -> None:
    expr = one(nbc, "Feb. 6")
    assert expr.first_date == date(2019, 2, 6)


def test_impossible_date_is_not_an_expression() -> None:
    assert texts("They met on Feb. 30.") == []


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
        lambda raw: raw["clock_qualifiers"].update({"about": {"minute": [-10, 10]}}),
        lambda raw: raw["bound_prepositions"].update({"by": "sometimes"}),
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


def test_clock_time_before_a_day_narrows_it_to_the_statements_precision() -> None:
    [expr] = texts("The train arrived at 8:10 a.m. on Tuesday.")
    assert (expr.text, expr.first_date, expr.likely_hour) == (
        "8:10 a.m. on Tuesday",
        date(2019, 2, 19),
        8 + 10 / 60,
    )
    assert (expr.earliest, expr.latest) == (
        datetime(2019, 2, 19, 8, 8, tzinfo=KST),
        datetime(2019, 2, 19, 8, 12, tzinfo=KST),
    )


def test_clock_time_after_a_date_narrows_it() -> None:
    [expr] = texts("It will reach the border on Feb. 26 at 17:45.")
    assert (expr.text, expr.likely_hour) == ("Feb. 26 at 17:45", 17.75)


def test_clock_time_alone_is_on_the_publication_day() -> None:
    [expr] = texts("At 3 pm the train had not moved.", published=datetime(2019, 2, 24, tzinfo=KST))
    assert (expr.text, expr.day_from_publication, expr.likely_hour) == ("3 pm", True, 15.0)
    window = window_in_zone(expr, "Asia/Seoul")
    assert window is not None and window[0].date() == date(2019, 2, 24)


def test_clock_time_alone_after_publication_is_the_day_before() -> None:
    [expr] = texts("The train arrived at 11 p.m.", published=datetime(2019, 2, 24, 10, 0, tzinfo=KST))
    window = window_in_zone(expr, "Asia/Seoul")
    assert window is not None and window[0].date() == date(2019, 2, 23)


def test_the_same_moment_given_in_another_town_is_no_second_time() -> None:
    """ "(6.47 p.m. in Rome)" restates the local 9.47 p.m. on the sender's clock."""
    [expr] = texts("It landed in Abu Dhabi at 9.47 p.m. local time (6.47 p.m. in Rome) on Sunday.")
    assert expr.text == "9.47 p.m. local time (6.47 p.m. in Rome) on Sunday"

def test_clock_time_with_local_time_and_gmt_in_between() -> None:
    [expr] = texts("The train arrived at 8:10 a.m. local time (0110 GMT) on Tuesday.")
    assert (expr.first_date, expr.likely_hour, expr.local) == (date(2019, 2, 19), 8 + 10 / 60, True)


@pytest.mark.parametrize(
    ("text", "phrase", "hour", "half_width_minutes"),
    [
        ("It arrived at 8.13am.", "8.13am", 8 + 13 / 60, 2),
        ("It arrived at 8:15pm.", "8:15pm", 20.25, 2),
        ("At 08h15 the train stopped.", "08h15", 8.25, 2),
        ("The train left at 20:15 on Feb. 27.", "20:15 on Feb. 27", 20.25, 2),
        ("It arrived at 8 p.m.", "8 p.m.", 20.0, 10),
        ("It pulled in at about 8:15 a.m. local time.", "about 8:15 a.m. local time", 8.25, 10),
        (
            "It pulled in at around 9:30 p.m. Saturday local time.",
            "around 9:30 p.m. Saturday local time",
            21.5,
            10,
        ),
        ("It stopped at 8:22 local time.", "8:22 local time", 8 + 22 / 60, 2),
        (
            "Kim arrived just before 11 o'clock on Tuesday morning.",
            "just before 11 o'clock on Tuesday morning",
            10.875,
            7.5,
        ),
        ("It halted shortly after 1 p.m. local time.", "shortly after 1 p.m. local time", 13.25, 15),
        ("We have waited since four o'clock this morning.", "four o'clock this morning", 4.0, 10),
    ],
)
def test_clock_times_in_news_forms(text: str, phrase: str, hour: float, half_width_minutes: float) -> None:
    [expr] = texts(text)
    assert (expr.text, expr.clock) == (phrase, True)
    assert expr.likely_hour == pytest.approx(hour)
    assert expr.precision_minutes == pytest.approx(half_width_minutes)


def test_gmt_names_its_zone() -> None:
    [expr] = texts("Reuters said the train left at 0815 GMT on Tuesday.")
    assert (expr.text, expr.zone, expr.likely_hour) == ("0815 GMT on Tuesday", "UTC", 8.25)
    window = window_in_zone(expr, "Asia/Ho_Chi_Minh")
    assert window is not None and window[0].isoformat() == "2019-02-19T08:13:00+00:00"


def test_a_nationality_names_its_zone() -> None:
    [expr] = texts("It stopped at Dong Dang at 8.13 a.m. Vietnamese time.")
    assert expr.zone == "Asia/Ho_Chi_Minh"


@pytest.mark.parametrize(
    ("text", "phrase", "first", "hours"),
    [
        (
            "It crossed into Dandong late on Saturday night.",
            "late on Saturday night",
            date(2019, 2, 23),
            (21, 27),
        ),
        ("He arrived early Wednesday.", "early Wednesday", date(2019, 2, 20), (0, 9)),
        ("This morning he left.", "This morning", date(2019, 2, 24), (6, 12)),
        ("He arrived in Moscow on Tuesday morning.", "Tuesday morning", date(2019, 2, 19), (6, 12)),
        (
            "It passed Nanning in the early hours of Tuesday.",
            "early hours of Tuesday",
            date(2019, 2, 19),
            (0, 6),
        ),
        (
            "It halted at Changsha around lunchtime on Monday.",
            "around lunchtime on Monday",
            date(2019, 2, 18),
            (11.5, 14),
        ),
        ("He left last night.", "last night", date(2019, 2, 23), (20, 30)),
    ],
)
def test_days_and_parts_of_days(text: str, phrase: str, first: date, hours: tuple[float, float]) -> None:
    [expr] = texts(text)
    assert (expr.text, expr.first_date, (expr.start_hour, expr.end_hour)) == (phrase, first, hours)


def test_that_night_is_the_night_of_the_date_before_it() -> None:
    found = texts("He left Pyongyang on Saturday and arrived in Dandong late that night.")
    assert [(e.text, e.first_date, e.start_hour) for e in found] == [
        ("Saturday", date(2019, 2, 23), 0.0),
        ("late that night", date(2019, 2, 23), 21.0),
    ]


def test_each_expression_knows_the_verb_it_modifies() -> None:
    text = "He left Pyongyang on Saturday and arrived in Dandong late that night."
    found = texts(text)
    verbs = [text[found[0].start :][:0] or e.verb for e in found]
    parsed = parse_articles([Article(id="t", text=text, published=SUNDAY_24_FEB_2019)])["t"]
    assert [parsed.tokens[v].text for v in verbs if v is not None] == ["left", "arrived"]


def test_a_date_on_a_noun_hangs_from_the_noun() -> None:
    text = "Kim left for the Feb. 27-28 summit."
    [expr] = texts(text)
    parsed = parse_articles([Article(id="t", text=text, published=SUNDAY_24_FEB_2019)])["t"]
    assert expr.attach is not None and parsed.tokens[expr.attach].text == "summit"


def test_expected_to_arrive_is_future() -> None:
    [expr] = texts("Kim is expected to arrive on Tuesday.")
    assert (expr.tense, expr.first_date) == ("future", date(2019, 2, 26))


def test_by_and_before_make_bounds() -> None:
    by, before = texts("It arrived by Feb. 26. It left before Sunday.")
    assert (by.side, before.side) == ("by", "before")


def test_a_line_with_only_a_clock_time_is_a_live_blog_stamp() -> None:
    text = (
        "LIVE: the train\n\n0340 GMT\nThe motorcade has arrived.\n\n1900 GMT (Monday)\n"
        "The train passed Nanning.\n"
    )
    found = texts(text, published=datetime(2019, 2, 26, 3, 45, tzinfo=UTC))
    assert [(e.text, e.stamp, e.first_date, e.zone) for e in found] == [
        ("0340 GMT", True, date(2019, 2, 26), "UTC"),
        ("1900 GMT (Monday)", True, date(2019, 2, 25), "UTC"),
    ]


def test_live_blog_stamps_take_the_zone_its_header_declares() -> None:
    entries = "\n\n8.05pm\nThe jet has landed.\n\n6.40am\nThe jet took off a few minutes ago.\n"
    declared = texts("Lisbon visit, live\n\nAll times local (GMT+8). Newest first." + entries,
                     published=datetime(2018, 6, 10, 21, tzinfo=timezone(timedelta(hours=8))))
    assert [(e.text, e.zone) for e in declared] == [("8.05pm", "+08:00"), ("6.40am", "+08:00")]
    kyiv = texts("Entries are stamped in Kyiv time (GMT+2), newest first." + entries,
                 published=datetime(2023, 3, 21, 9, tzinfo=UTC))
    assert {e.zone for e in kyiv} == {"+02:00"}
    silent = texts("Rolling coverage." + entries, published=datetime(2023, 3, 21, 9, tzinfo=UTC))
    assert {e.zone for e in silent} == {"+00:00"}  # the blog's own zone, not the place's


def test_clock_time_in_a_stamped_entry_takes_the_stamps_day() -> None:
    text = "0600 GMT (Monday)\nThe train halted at Changsha shortly after 1 p.m. local time.\n"
    found = texts(text, published=datetime(2019, 2, 26, 3, 45, tzinfo=UTC))
    assert [(e.text, e.first_date) for e in found] == [
        ("0600 GMT (Monday)", date(2019, 2, 25)),
        ("shortly after 1 p.m. local time", date(2019, 2, 25)),
    ]


def test_publication_at_midnight_is_a_date() -> None:
    a = Article(id="t", text="x", published=datetime(2019, 2, 26, tzinfo=KST))
    assert publication_end(a) == datetime(2019, 2, 27, tzinfo=KST)
    b = replace(a, published=datetime(2019, 2, 26, 10, 5, tzinfo=KST))
    assert publication_end(b) == b.published


def test_a_weekday_before_a_date_is_read_as_that_date() -> None:
    text = "The train had left Minsk on Sunday, Sept. 10."
    article = Article("t", text, datetime(2023, 9, 17, tzinfo=UTC))
    [expr] = find_time_expressions(article)
    assert expr.text == "Sunday, Sept. 10"
    assert expr.earliest == datetime(2023, 9, 10, tzinfo=UTC)


def test_in_the_morning_is_the_morning_of_the_day_being_told() -> None:
    text = "The train passed Ussuriysk on Wednesday afternoon. It had crossed at Khasan in the morning."
    exprs = find_time_expressions(Article("t", text, datetime(2019, 4, 25, tzinfo=UTC)))
    morning = exprs[-1]
    assert morning.earliest == datetime(2019, 4, 24, 6, tzinfo=UTC)
    assert morning.latest == datetime(2019, 4, 24, 12, tzinfo=UTC)


def test_in_the_morning_before_a_noun_is_no_time() -> None:
    text = "He arrived on Monday and spoke in the morning session."
    exprs = find_time_expressions(Article("t", text, datetime(2019, 4, 25, tzinfo=UTC)))
    assert [e.text for e in exprs] == ["Monday"]


def test_a_verb_with_no_tense_of_its_own_takes_the_tense_it_hangs_from() -> None:
    found = texts(
        "She is expected to reach Lusaka before dawn on Wednesday and then fly on to Harare, before "
        "returning home on Thursday morning."
    )
    thursday = one(found, "Thursday morning")
    assert thursday.tense == "future"
    assert thursday.first_date == date(2019, 2, 28)  # the coming Thursday, not the one before publication


def test_a_clock_time_after_a_dated_one_may_fall_past_midnight() -> None:
    found = texts(
        "The train left Lusaka at 11 p.m. on Friday. It pulled into Harare at 7.15 a.m., officials said."
    )
    morning = one(found, "7.15 a.m.")
    assert morning.first_date == date(2019, 2, 22)  # read on the day in focus first …
    assert morning.day_options[:2] == (date(2019, 2, 22), date(2019, 2, 23))  # … or the next one


def test_an_anniversary_lead_sets_the_story_in_its_year() -> None:
    text = (
        "The night the tsar's envoy came home\n\nSeventy years ago tonight a train from the frontier pulled "
        "into Odessa. The envoy had left Vienna on 3 March, and on Sunday he changed trains in Lviv. He "
        "reached the coast in March."
    )
    found = texts(text, published=datetime(2020, 3, 9, 20, tzinfo=UTC))
    got = {e.text: e.first_date for e in found}
    assert got["tonight"] == date(1950, 3, 9)
    assert got["3 March"] == date(1950, 3, 3)
    assert got["Sunday"] == date(1950, 3, 5)  # the Sunday nearest the date just told
    assert got["March"] == date(1950, 3, 1)


def test_ties_set_up_thirty_years_ago_are_no_anniversary() -> None:
    text = "Modi will travel to Ukraine, the first visit since ties were set up more than 30 years ago. He " \
        "leaves on 21 August."
    found = texts(text, published=datetime(2024, 8, 19, tzinfo=UTC))
    assert [e.first_date for e in found if e.text == "21 August"] == [date(2024, 8, 21)]


def test_at_noon_alone_is_noon_of_the_day_told_and_with_a_date_stays_whole() -> None:
    found = texts("The train left Berlin on Friday morning and pulled into Hamburg at around noon. "
                  "It eased into Moscow at noon on 16 December 1949.",
                  published=datetime(2023, 3, 31, 19, tzinfo=UTC))
    got = {e.text: (e.first_date, e.start_hour, e.end_hour) for e in found}
    assert got["at around noon"] == (date(2023, 3, 31), 11.5, 12.5)
    assert got["noon on 16 December 1949"][0] == date(1949, 12, 16)


def test_a_trip_retold_in_order_moves_its_weekdays_forward_from_the_date_just_told() -> None:
    tuesday_14_nov = datetime(2017, 11, 14, 22, 0, tzinfo=UTC)
    text = (
        "The president left Manila on Tuesday afternoon.\n\n"
        "He flew out of Washington on 3 November and landed in Honolulu just before 1pm on Friday. "
        "He reached Tokyo on Sunday morning and flew on to Seoul on Tuesday morning.\n\n"
        "He touched down in Beijing on Wednesday."
    )
    days = days_of(text, tuesday_14_nov)
    assert days["Tuesday afternoon"] == date(2017, 11, 14)  # the lead: the last Tuesday before publication
    assert days["just before 1pm on Friday"] == date(2017, 11, 3)  # not Friday 10 November
    assert days["Sunday morning"] == date(2017, 11, 5)
    assert days["Tuesday morning"] == date(2017, 11, 7)
    assert days["Wednesday"] == date(2017, 11, 8)


def test_a_plans_date_is_no_anchor_for_the_weekdays_after_it() -> None:
    friday_14_apr = datetime(2023, 4, 14, 18, 0, tzinfo=UTC)
    text = (
        "He had been due to leave Brasilia on March 25, but called it off.\n\n"
        "This time the president took off from Brasilia on Tuesday and landed in Shanghai on Wednesday."
    )
    days = days_of(text, friday_14_apr)
    assert days["Tuesday"] == date(2023, 4, 11) and days["Wednesday"] == date(2023, 4, 12)


def test_a_live_blog_day_heading_dates_the_stamps_below_it() -> None:
    thursday = datetime(2019, 2, 28, 10, 0, tzinfo=UTC)
    text = (
        "LIVE: the summit\n\nAll times Hanoi (GMT+7). Newest entries first.\n\n"
        "THURSDAY 28 FEBRUARY\n\n4.10pm\nWheels up.\n\n"
        "TUESDAY 26 FEBRUARY\n\n8.53pm\nAir Force One has landed.\n\n1.35pm\nIt has landed in Qatar."
    )
    days = {e.text: (e.first_date, e.reason) for e in texts(text, thursday)}
    assert days["4.10pm"][0] == date(2019, 2, 28)
    assert days["8.53pm"] == (date(2019, 2, 26), "live-blog stamp under its day heading; clock time")
    assert days["1.35pm"][0] == date(2019, 2, 26)  # not the publication day nor the day before


def test_shortly_after_midnight_on_a_day_opens_that_day_and_just_before_it_ends_it() -> None:
    monday = datetime(2010, 8, 30, 12, 0, tzinfo=UTC)
    found = {e.text: e for e in texts(
        "The train crossed the river shortly after midnight on Thursday. It left Harbin just before midnight "
        "on Saturday.", monday)}
    after, before = found["shortly after midnight on Thursday"], found["just before midnight on Saturday"]
    assert after.earliest == datetime(2010, 8, 26, 0, 0, tzinfo=UTC)
    assert after.latest == datetime(2010, 8, 26, 0, 30, tzinfo=UTC)  # not the night into Friday
    assert before.earliest == datetime(2010, 8, 28, 23, 45, tzinfo=UTC)
    assert before.latest == datetime(2010, 8, 29, 0, 0, tzinfo=UTC)


def test_the_same_day_after_a_month_in_its_sentence_is_a_day_of_that_month() -> None:
    friday_24_jan = datetime(2025, 1, 24, 4, 0, tzinfo=UTC)
    text = ("Modi met the press on Monday. In July Modi flew to Moscow and embraced Putin on the same day a "
            "missile struck a hospital in Kyiv.")
    found = {e.text: e for e in texts(text, friday_24_jan)}
    same = found["same day"]
    # not Monday 20 January, the last single day told: some day of July 2024
    assert (same.first_date, same.last_date) == (date(2024, 7, 1), date(2024, 7, 31))


def test_a_year_long_past_in_the_lead_sets_the_year_of_the_dates_told_after_it() -> None:
    july_2025 = datetime(2025, 7, 15, 8, 0, tzinfo=UTC)
    text = ("Truman's road to Potsdam\n\n"
            "Harry Truman had met neither Churchill nor Stalin when he set out in the summer of 1945.\n\n"
            "A special train left Union Station at 11 p.m. on 6 July and reached Newport News on 7 July.")
    found = {e.text: e for e in texts(text, july_2025)}
    assert found["11 p.m. on 6 July"].first_date == date(1945, 7, 6)  # not 2025, the publication's year
    assert found["7 July"].first_date == date(1945, 7, 7)


def test_a_live_blog_entrys_weekdays_count_from_the_entrys_own_day() -> None:
    saturday_26_oct = datetime(2024, 10, 26, 12, 30, tzinfo=UTC)
    text = (
        "LIVE: the royal tour\n\n"
        "12.09pm (Saturday)\nWheels up.\n\n"
        "7.30am (Tuesday)\nFor readers joining now: the King left London early last Thursday."
    )
    days = days_of(text, saturday_26_oct)
    assert days["early last Thursday"] == date(2024, 10, 17)  # not the 24th, the Thursday before the 26th


def test_a_clock_time_in_a_piece_set_decades_back_is_on_the_day_last_told() -> None:
    text = (
        "Eighty years on: the flight that carried Churchill to Stalin\n\n"
        "At dawn on 12 August the bomber set off again over the mountains.\n\n"
        "Churchill landed in Moscow at about 5 p.m."
    )
    days = days_of(text, datetime(2022, 8, 3, 5, 0, tzinfo=UTC))
    assert days["about 5 p.m."] == date(1942, 8, 12)


def test_a_dotted_clock_time_with_its_part_of_day_is_a_time_on_that_day_or_the_next() -> None:
    saturday = datetime(2022, 6, 18, 7, 0, tzinfo=UTC)
    text = "The train left at 11 p.m. on Wednesday. It eased into the capital at 9.30 in the morning."
    [_, arrived] = texts(text, saturday)
    assert arrived.text == "9.30 in the morning"
    assert arrived.day_options == (date(2022, 6, 15), date(2022, 6, 16))  # that day, or the morning after
    assert (arrived.earliest.hour, arrived.earliest.minute) == (9, 28)
    assert texts("Growth was 2.30 in the year.", saturday) == []  # no part of the day: a number


def test_a_clock_time_that_afternoon_is_on_the_day_in_focus_only() -> None:
    """"that afternoon" says which day, where "in the morning" after a night departure may be the next."""
    text = ("The train crossed the frontier on Friday, June 1. At 10.23 next morning it drew into Bryansk, "
            "and at 5 o'clock that afternoon it reached the capital.")
    found = texts(text, datetime(1956, 6, 20, 18, 0, tzinfo=UTC))
    arrived = one(found, "5 o'clock that afternoon")
    assert arrived.first_date == date(1956, 6, 2) and arrived.day_options == ()


def test_a_date_naming_an_event_does_not_move_the_story_on() -> None:
    wednesday = datetime(2023, 10, 18, 20, 0, tzinfo=UTC)
    text = (
        "Biden landed in Tel Aviv on Wednesday. He warned against the mistakes made after the Sept. 11 "
        "attacks. The plane landed to refuel at Ramstein Air Base on Wednesday night."
    )
    days = days_of(text, wednesday)
    assert days["Wednesday night"] == date(2023, 10, 18)  # not the Wednesday after 11 September


def test_the_date_of_a_statement_does_not_anchor_the_weekdays_after_it() -> None:
    sunday = datetime(2023, 7, 16, 0, 40, tzinfo=UTC)
    text = (
        "As recently as July 6 his office said there were no plans to go to Ukraine.\n\n"
        "Yoon boarded a train back toward Poland on Saturday evening."
    )
    days = days_of(text, sunday)
    assert days["Saturday evening"] == date(2023, 7, 15)  # not the Saturday after 6 July


def test_a_live_blog_stamp_in_australian_eastern_daylight_time() -> None:
    saturday = datetime(2024, 10, 26, 0, 0, tzinfo=UTC)
    text = "LIVE: the royal tour\n\n12.04pm AEDT (Wednesday)\nGone. The royal Boeing took off from Sydney."
    [stamp] = texts(text, saturday)
    assert stamp.stamp and stamp.earliest == datetime(2024, 10, 23, 1, 2, tzinfo=UTC)  # 12.02pm at +11:00


def test_a_feature_filed_months_later_is_set_on_the_day_its_lead_gives() -> None:
    """"slid away from her berth on 14 August" opening a piece filed in November: "At 3 p.m." after it is on
    14 August, not on the publication day, and later month-days keep that year."""
    text = (
        "How she sailed from our harbour\n\n"
        "PLYMOUTH — The yacht slid away from her berth on 14 August. A crowd lined the wall. At 3 p.m. the "
        "boat "
        "was past the breakwater.\n\n"
        "She tied up in Manhattan on Wednesday 28 August at about 4 p.m."
    )
    days = days_of(text, datetime(2019, 11, 5, 7, tzinfo=UTC))
    assert days["3 p.m."] == date(2019, 8, 14)
    assert days["Wednesday 28 August at about 4 p.m."] == date(2019, 8, 28)


def test_early_mid_and_late_in_a_month_are_its_thirds() -> None:
    found = {e.text: (e.first_date, e.last_date) for e in texts(
        "In late June Putin travelled to Dushanbe. In early May 2021 he flew to Paris. He left in mid-June.",
        datetime(2022, 7, 19, 12, tzinfo=UTC),
    )}
    assert found["late June"] == (date(2022, 6, 21), date(2022, 6, 30))
    assert found["early May 2021"] == (date(2021, 5, 1), date(2021, 5, 10))
    assert found["mid-June"] == (date(2022, 6, 11), date(2022, 6, 20))


def test_eastern_time_and_a_bare_local_make_live_blog_stamps() -> None:
    """"11.39am ET" is New York's clock (summer time in May); "12.25pm local (0925 GMT)" is a stamp line."""
    found = {e.text: e for e in texts(
        "MONDAY 12 MAY\n\n11.39am ET\nAir Force One has taken off.\n\n"
        "THURSDAY 15 MAY\n\n12.25pm local (0925 GMT)\nAirborne again.",
        datetime(2025, 5, 16, 12, tzinfo=UTC),
    )}
    eastern = found["11.39am ET"]
    assert eastern.stamp and eastern.earliest is not None
    assert eastern.earliest.utcoffset() == timedelta(hours=-4)
    assert found["12.25pm local (0925 GMT)"].stamp


def test_the_day_of_the_month_last_told() -> None:
    """"on the morning of the 18th", "Early on the 19th", "3.40 p.m. on the 30th" after "17 January" are
    January's; "the 5th time" is no date; "the 2nd of February" is a full date."""
    days = days_of(
        "The train left Beijing on the evening of 17 January. Its first halt came on the morning of the 18th "
        "at Wuchang. Early on the 19th it paused at Guangzhou. At 3.40 p.m. on the 30th it stopped at "
        "Yingtan. "
        "It was the 5th time. He was home on the 2nd of February.",
        datetime(2022, 1, 18, tzinfo=UTC),
    )
    assert days["morning of the 18th"] == date(2022, 1, 18)
    assert days["Early on the 19th"] == date(2022, 1, 19)
    assert days["3.40 p.m. on the 30th"] == date(2022, 1, 30)
    assert days["2nd of February"] == date(2022, 2, 2)
    assert not any("5th" in phrase for phrase in days)


def test_a_live_blog_entry_that_looks_back_dates_its_clock_times_by_the_day_it_tells() -> None:
    """An entry stamped on Wednesday that retells Monday night: "left at 8.56pm" after "on Monday" is on
    Monday, not on the entry's day."""
    days = days_of(
        "WEDNESDAY 22 MARCH\n\n0615 GMT\nHow he got here. After talks with Modi on Monday, Kishida slipped "
        "out "
        "of his hotel. A chartered jet left at 8.56pm India time and landed at Rzeszów at 11.41pm.",
        datetime(2023, 3, 22, 6, 20, tzinfo=UTC),
    )
    assert days["Monday"] == date(2023, 3, 20)
    assert days["8.56pm India time"] == date(2023, 3, 20)


def test_a_day_heading_ending_in_a_colon_is_a_date_not_a_clock() -> None:
    """"Saturday, Sept. 19: Rome to Havana." heads a leg of an explainer; "19:30" is still a clock."""
    days = days_of(
        "Saturday, Sept. 19: Rome to Havana. The plane took off at 10:32 a.m. It left at 19:30 on Sunday.",
        datetime(2015, 9, 30, 8, tzinfo=UTC),
    )
    assert days["Saturday, Sept. 19"] == date(2015, 9, 19)
    assert days["10:32 a.m."] == date(2015, 9, 19)
    assert any(phrase.startswith("19:30") for phrase in days)


def test_the_day_of_a_report_is_not_the_same_day_of_the_move_told_before_it() -> None:
    """"Kim left Pyongyang on Saturday afternoon. State media announced on Sunday that he had set out. The
    train crossed into Dandong at 9.30 p.m. the same day": Saturday, not the day of the announcement."""
    days = days_of(
        "The train left Pyongyang on Saturday afternoon. KCNA announced on Sunday that Kim had set out. The "
        "train crossed the river into Dandong at around 9.30 p.m. the same day.",
        datetime(2019, 2, 26, 9, tzinfo=UTC),
    )
    assert days["Saturday afternoon"] == date(2019, 2, 23)
    assert days["Sunday"] == date(2019, 2, 24)
    assert date(2019, 2, 23) in {d for phrase, d in days.items() if "same day" in phrase}


def test_a_date_hung_on_the_subject_of_a_report_verb_is_told_not_reported() -> None:
    """"His schedule for 25 December said nothing about Pakistan": the date is the schedule's, so a
    "Friday" told after it in a look back over a week old is that 25 December, not the last Friday."""
    text = (
        "Since Saturday, when gunmen stormed the air base, the footage has been replayed.\n\n"
        "Modi's schedule for 25 December said nothing about Pakistan. After talks in Moscow, he flew on to "
        "Kabul, landing early on Friday morning."
    )
    days = days_of(text, datetime(2016, 1, 3, 19, tzinfo=timezone(timedelta(hours=5, minutes=30))))
    assert days["early on Friday morning"] == date(2015, 12, 25)


def test_a_clock_time_in_a_trip_retold_from_weeks_back_is_on_the_day_last_told() -> None:
    """A new paragraph's "touched down at 4.52pm IST" goes on with the day last told (25 December), not
    the publication day nine days later; "IST" is India's +05:30."""
    text = (
        "Modi's schedule for 25 December said nothing about Pakistan. He flew on to Kabul, landing early "
        "on Friday morning.\n\n"
        "His Boeing left Kabul in mid-afternoon and touched down in Lahore at 4.52pm IST."
    )
    found = texts(text, datetime(2016, 1, 3, 19, tzinfo=timezone(timedelta(hours=5, minutes=30))))
    [clock] = [e for e in found if e.text.startswith("4.52")]
    assert clock.first_date == date(2015, 12, 25)
    assert clock.earliest <= datetime(2015, 12, 25, 11, 22, tzinfo=UTC) <= clock.latest


def test_the_small_hours_of_a_day() -> None:
    days = {e.text: (e.earliest.hour, e.latest.hour) for e in texts(
        "The train ran through Nanning in the small hours of Tuesday.",
        datetime(2019, 2, 27, 12, tzinfo=timezone(timedelta(hours=7))))}
    assert days == {"small hours of Tuesday": (0, 5)}


def test_a_past_perfects_date_is_no_day_for_the_clock_times_after_it() -> None:
    """"… halted at about 8:15 on Tuesday, ending a run that had begun on Saturday afternoon. His motorcade
    pulled up a little before 11 a.m." is Tuesday's 11 a.m.; and that clock time, with no day of its own,
    moves no day on: "late that night" in the next paragraph, of the departure, is still Saturday's."""
    text = (
        "The train came to a halt at about 8:15 on Tuesday, ending a run of some 4,000 km that had begun in "
        "Pyongyang on Saturday afternoon. His motorcade pulled up outside the hotel a little before "
        "11 a.m.\n\n"
        "The train left the capital's main station, and it was filmed rolling into Dandong late that night."
    )
    days = days_of(text, datetime(2019, 2, 27, 12, tzinfo=timezone(timedelta(hours=7))))
    assert days["a little before 11 a.m."] == date(2019, 2, 26)
    assert days["late that night"] == date(2019, 2, 23)


def test_a_present_be_with_a_word_of_intention_looks_ahead() -> None:
    """Filed on a Monday evening: "On Tuesday afternoon Air Force One is due to take him on", "He is to fly
    home on Thursday" and "He is expected there on Wednesday" are the coming days; "He was due to fly home
    on Friday", a plan told in the past, is the Friday nearest publication."""
    monday = datetime(2016, 3, 21, 20, 30, tzinfo=timezone(timedelta(hours=-4)))
    found = texts(
        "On Tuesday afternoon Air Force One is due to take him on to Buenos Aires. He is expected there on "
        "Wednesday. He is to fly home on Thursday.",
        monday,
    )
    assert [(e.text, e.first_date) for e in found] == [
        ("Tuesday afternoon", date(2016, 3, 22)), ("Wednesday", date(2016, 3, 23)),
        ("Thursday", date(2016, 3, 24))]
    assert found[0].verb is not None and found[0].also  # the "be" lends its day to "take"


def test_a_time_told_as_past_has_no_reading_after_publication() -> None:
    """An entry filed at 06:20 (GMT+2) on 22 March: "has just pulled into Przemyśl … (0404 GMT)" may be on
    the day told or the one before, never on the 23rd."""
    published = datetime(2023, 3, 22, 6, 20, tzinfo=timezone(timedelta(hours=2)))
    found = texts(
        "Wednesday 22 March\n\n06:04\nThe train carrying Kishida pulled into Przemyśl, our correspondent at "
        "the station reports (0404 GMT).",
        published,
    )
    [gmt] = [e for e in found if e.text == "0404 GMT"]
    assert date(2023, 3, 23) not in gmt.day_options and date(2023, 3, 22) in gmt.day_options


def test_an_anniversary_below_a_byline_and_a_scene_sets_the_year_of_the_days_told() -> None:
    text = (
        "Six days on the Nile\n\nBy Nadia Lind\n\nASWAN, Egypt - The old waiter still remembers the guest "
        "who never spoke.\n\nForty years ago this week, the Shah spent six days on this island. He left "
        "Tehran on "
        "January 16, 1979. On January 22 he flew on to Marrakesh."
    )
    got = days_of(text, datetime(2019, 1, 22, 7, tzinfo=UTC))
    assert got["January 22"] == date(1979, 1, 22)  # not the publication's year


def test_an_anniversary_between_commas_outweighs_a_year_the_lead_gives_first() -> None:
    text = (
        "The last afternoon\n\nTARGOVISTE - The museum, which since 2013 has occupied the old barracks, "
        "opens at ten.\n\nIt was here, thirty years ago this week, that the couple were held. They landed "
        "in a field on "
        "22 December."
    )
    got = days_of(text, datetime(2019, 12, 22, 7, tzinfo=UTC))
    assert got["22 December"] == date(1989, 12, 22)


def test_a_dotted_time_after_at_is_a_clock_time_in_the_half_its_part_of_day_gives() -> None:
    text = ("On Tuesday morning helicopters lifted the party out of the capital. Mr. Kennedy set down at "
            "10.29 outside Hanau. A helicopter carried him on to Wiesbaden, landing at 6.20 that evening. "
            "Rates rose "
            "at 2.25 per cent.")
    got = {e.text: (e.first_date, e.start_hour) for e in texts(text, datetime(1963, 6, 26, 20, tzinfo=UTC))}
    # Tuesday: the day in focus
    assert got["10.29"] == (date(1963, 6, 25), pytest.approx(10 + 29 / 60, abs=0.1))
    assert got["6.20 that evening"] == (date(1963, 6, 25), pytest.approx(18 + 20 / 60, abs=0.1))
    assert not any("2.25" in t for t in got)


def test_a_date_before_the_after_clause_dates_the_main_clause() -> None:
    text = ("On January 22, after the Sadats had seen them off at the airport, the royal couple flew the "
            "length of North Africa to Marrakesh.")
    article = Article(id="t", text=text, published=datetime(1979, 2, 1, tzinfo=UTC))
    [expr] = [e for e in find_time_expressions(article) if e.text == "January 22"]
    parsed = parse_articles([article])["t"]
    assert expr.verb is not None and parsed.tokens[expr.verb].text == "flew"


def test_a_date_a_since_clause_gives_is_background_and_the_trip_is_not_retold_from_it() -> None:
    text = ("Leaders back from Kyiv\n\nWARSAW, 16 March (Wire) - The "
            "three prime ministers were back in Poland "
            "on Wednesday, ending the first visit by foreign leaders since Russia invaded on 24 February. "
            "Early on Tuesday the group was driven from Rzeszow to Przemysl.")
    days = days_of(text, datetime(2022, 3, 16, 12, 30, tzinfo=UTC))
    assert days["Early on Tuesday"] == date(2022, 3, 15)


def test_a_date_after_before_is_a_limit_and_the_trip_is_not_retold_from_it() -> None:
    text = ("Pope on Lesbos\n\nMYTILENE (Wire) - Pope Francis took "
            "refugees to Rome on Saturday. All of them had "
            "reached the island before 20 March, when the deal came into force. Francis had left Rome early "
            "on Saturday, and his plane landed at Mytilene around 10.20am.")
    days = days_of(text, datetime(2016, 4, 16, 19, 30, tzinfo=UTC))
    assert days["early on Saturday"] == date(2016, 4, 16)
    assert days["around 10.20am"] == date(2016, 4, 16)


def test_a_clock_time_followed_by_the_next_day_is_on_that_day() -> None:
    text = ("Lorry crossed the sea\n\nTBILISI (Wire) - The ferry docked "
            "at Poti at about 11 p.m. on Sept. 28. "
            "The lorry was driven off the vessel at about 1 a.m. the next day.")
    found = texts(text, datetime(2021, 10, 20, 18, tzinfo=UTC))
    off = one(found, "about 1 a.m. the next day")
    assert off.first_date == date(2021, 9, 29)


def test_the_next_days_elections_do_not_move_the_story_on() -> None:
    text = ("Arrest\n\nTBILISI (Wire) - On the morning of Oct. 1 he posted videos urging a vote in the next "
            "day's local elections. That evening the prime minister announced his arrest.")
    days = days_of(text, datetime(2021, 10, 20, 18, tzinfo=UTC))
    assert days["That evening"] == date(2021, 10, 1)


def test_a_dateline_day_just_before_publication_is_the_reports_today() -> None:
    """A morning paper prints the evening's dispatch: "this afternoon" is the dateline's day."""
    text = (
        "Rebel Leader Reaches Santo Domingo\n\n"
        "SANTO DOMINGO, March 3 - The rebel leader drove into the capital this afternoon and spoke "
        "tonight from the cathedral steps.\n"
    )
    days = days_of(text, datetime(1965, 3, 4, 7, 0, tzinfo=UTC))
    assert days["this afternoon"] == date(1965, 3, 3)
    assert days["tonight"] == date(1965, 3, 3)


def test_a_dateline_alone_on_its_line_is_the_filing_day() -> None:
    """A paper's dispatch sets "KAZAN, March 3." on a line above the story and comes out the next morning:
    "this morning" and "tomorrow" count from the dateline's day, not from the day it is printed."""
    text = (
        "Minister tours the Volga\n\nFrom Our Correspondent\n\nKAZAN, March 3.\n\n"
        "The Foreign Minister left Moscow this morning and flew east to this river city. "
        "He goes on to Samara tomorrow.\n"
    )
    days = days_of(text, datetime(1975, 3, 4, 6, 0, tzinfo=UTC))
    assert days["this morning"] == date(1975, 3, 3)
    assert days["tomorrow"] == date(1975, 3, 4)


def test_a_time_after_a_subjects_relative_clause_dates_the_clause() -> None:
    """The small parser hangs "on Saturday" on "landed"; it dates the flight the relative clause tells."""
    text = ("Visit\n\nSAMARKAND (Wire) - The Ilyushin that brought him from New Delhi on Saturday landed "
            "here shortly after ten on Monday.")
    article = Article(id="t", text=text, published=datetime(1992, 5, 12, 12, tzinfo=UTC))
    [parsed] = parse_articles([article]).values()
    verbs = {e.text: parsed.tokens[e.verb].text for e in find_time_expressions(article) if e.verb is not None}
    assert verbs["Saturday"] == "brought"
    assert verbs["Monday"] == "landed"


def test_a_weekday_on_a_verb_in_the_simple_present_is_still_to_come() -> None:
    """A report tells what happened in the past tense; "On Sunday she makes a stop in Kandy" is the
    schedule, so Sunday is the one after a Friday's publication, not the one before."""
    text = (
        "Premier in Colombo\n\nCOLOMBO, 24 September (Radio) - The premier met the president today. "
        "On Sunday she makes a short stop in Kandy before flying on to Madras. She arrived on Wednesday.\n"
    )
    days = days_of(text, datetime(1982, 9, 24, 21, tzinfo=UTC))
    assert days["Sunday"] == date(1982, 9, 26)
    assert days["Wednesday"] == date(1982, 9, 22)


def test_day_first_ranges_and_the_clock_times_under_a_heading_span() -> None:
    """An explainer headed "Havana, 3 to 5 May." lands "at 11.40 a.m." on the first of those days."""
    text = (
        "How the envoy got there\n\n"
        "Havana, 3 to 5 May. The aircraft touched down at 11.40 a.m. and he stayed 3-5 May at the embassy.\n"
    )
    found = texts(text, datetime(2021, 5, 20, tzinfo=UTC))
    span = one(found, "3 to 5 May", source=text)
    assert (span.first_date, span.last_date) == (date(2021, 5, 3), date(2021, 5, 5))
    assert one(found, "11.40 a.m.", source=text).first_date == date(2021, 5, 3)
    assert one(found, "3-5 May", source=text).last_date == date(2021, 5, 5)


def test_a_weekday_in_the_past_perfect_of_a_retold_trip_is_before_the_date_just_told() -> None:
    """"on Wednesday, Sept. 23, from Des Moines, where he had arrived on Tuesday": the Tuesday before that
    Wednesday, not the last Tuesday before publication ten days on."""
    text = (
        "Khrushchev in Iowa\n\n"
        "COON RAPIDS, Iowa (Test Wire) - His motorcade came up the highway on Wednesday morning, Sept. 23, "
        "from Des Moines, where he had arrived on Tuesday from San Francisco.\n"
    )
    days = days_of(text, datetime(1959, 10, 3, 12, tzinfo=UTC))
    assert days["Tuesday"] == date(1959, 9, 22)


def test_a_part_of_the_day_after_a_clock_time_in_its_sentence_takes_that_clock_times_day() -> None:
    """"left the airport at about 4.30 p.m. … and was back in Split in the early evening": the day of the
    4.30 (the publication day here), not of a Wednesday told two paragraphs before."""
    text = (
        "Mitterrand in Sarajevo\n\n"
        "BELGRADE, June 28 (Test Wire) - French President Francois Mitterrand flew into Sarajevo on "
        "Sunday.\n\n"
        "The last relief flight landed there on Wednesday. That morning a shell hit the runway.\n\n"
        "Mitterrand left the airport at about 4.30 p.m. and was back in Split in the early evening.\n"
    )
    days = days_of(text, datetime(1992, 6, 28, 20, tzinfo=UTC))
    assert days["early evening"] == date(1992, 6, 28)


def test_a_weekday_with_a_part_of_the_day_then_a_date_is_that_date() -> None:
    """"on Wednesday morning, Sept. 23", ten days before publication: the date says which Wednesday (and
    the part of the day stays), as it does without the part ("Sunday, Sept. 10")."""
    found = texts(
        "Khrushchev in Iowa\n\nCOON RAPIDS, Iowa (Test Wire) - His motorcade came up the highway on "
        "Wednesday morning, Sept. 23, from Des Moines.\n",
        datetime(1959, 10, 3, 12, tzinfo=UTC),
    )
    expr = next(e for e in found if e.text.startswith("Wednesday"))
    assert (expr.text, expr.first_date, expr.start_hour) == (
        "Wednesday morning, Sept. 23", date(1959, 9, 23), 6.0)


def test_an_anniversary_piece_reads_its_days_in_the_first_full_date_of_that_year() -> None:
    """"Thirty years on … State papers released this week … which he addressed on Monday 26 September
    1994 … Late on Thursday morning, 29 September … On Thursday evening he took off": the story is set
    that September (the first day written out in full in the anniversary's year), not thirty years before
    the week of publication."""
    text = (
        "Retracing Yeltsin's 1994 flight home\n\n"
        "DUBLIN — Thirty years on, the afternoon Boris Yeltsin stayed in his seat at Shannon still gets an "
        "airing. State papers released this week add some colour.\n\n"
        "The outward leg. Yeltsin flew to New York for the General Assembly, which he addressed on Monday "
        "26 September 1994.\n\n"
        "The north-west. Late on Thursday morning, 29 September, the jet set down in Everett. On Thursday "
        "evening he took off from Seattle for home.\n"
    )
    days = days_of(text, datetime(2024, 12, 28, 12, tzinfo=UTC))
    assert days["Thursday evening"] == date(1994, 9, 29)


def test_that_morning_in_a_relative_clause_is_the_morning_its_sentence_dates() -> None:
    """"The jet, which had left Rome early that morning, touched down in Warsaw at 10am on Saturday 2
    June": the morning of 2 June, not of the publication day told in the lead; "That evening … set an
    election for 21 December" keeps its own evening (a date of a thing, in a main clause)."""
    text = (
        "Pope back in Rome\n\nPope John Paul II returned to Rome this evening after nine days in Poland.\n\n"
        "The jet, which had left Rome early that morning, touched down in Warsaw a few minutes after 10am "
        "on Saturday 2 June.\n\n"
        "On Friday 8 June the bishops met. That evening the council set an election for 21 December.\n"
    )
    found = texts(text, datetime(1979, 6, 10, 20, tzinfo=UTC))
    assert one(found, "early that morning").first_date == date(1979, 6, 2)
    assert one(found, "That evening").first_date == date(1979, 6, 8)


def test_an_anniversary_that_names_the_night_sets_the_story_day() -> None:
    # "a century ago tonight" is the story's day, over the one date written out in full later
    text = (
        "A hundred years ago tonight the train pulled into Rome\n\n"
        "A hundred years ago tonight the king's train pulled into Rome. He had left Turin on 24 October and "
        "slept at Pisa on 26 October.\n\n"
        "Before the year was out, on 12 December 1922, he was in Naples.\n"
    )
    found = texts(text, datetime(2022, 10, 28, 20, tzinfo=UTC))
    assert {e.story_date for e in found} == {date(1922, 10, 28)}


def test_that_night_after_a_date_months_before_publication_is_that_dates_night() -> None:
    text = (
        "Ex-leader recalls his flight\n\n"
        "DOHA, Dec 30 (Wire) - The former president said on Thursday that he left the capital on the morning "
        "of Aug. 14.\n\n"
        "On Tuesday evening, Aug. 17, a chartered jet collected the party. It landed in Doha late that "
        "night, a person on board said.\n"
    )
    days = days_of(text, datetime(2021, 12, 30, 12, tzinfo=UTC))
    assert days["late that night"] == date(2021, 8, 17)


def test_a_dateline_and_a_reported_weekday_leave_the_lead_date_the_story_frame() -> None:
    # the lead's own date opens the story; "Dec 30" is the filing's, "on Thursday" the interview's
    text = (
        "Ex-leader recalls his flight\n\n"
        "DOHA, Dec 30 (Wire) - The former president left the capital by helicopter on the morning of "
        "Aug. 14, he told a broadcaster on Thursday.\n\n"
        "He landed in Doha on Aug. 17.\n"
    )
    found = texts(text, datetime(2021, 12, 30, 12, tzinfo=UTC))
    assert {e.story_date for e in found} == {date(2021, 8, 14)}


def test_a_day_told_again_in_another_calendar_is_not_read() -> None:
    text = (
        "Tsar abdicates\n\n"
        "PSKOV (Wire) - The train pulled out of Mogilev at 5am on 13 March - 28 February in the Julian "
        "calendar Russia then kept.\n"
    )
    assert [e.text for e in texts(text, datetime(1917, 3, 20, 12, tzinfo=UTC))] == ["5am on 13 March"]


def test_now_ends_a_look_back() -> None:
    text = (
        "The exile's road\n\n"
        "Haifa, 8 May. The cruiser tied up at Haifa on 8 May 1936.\n\n"
        "Jerusalem. He had first seen the city in 1924, as regent. Now he prayed with the monks. A fortnight "
        "later he took the train back down to Haifa.\n"
    )
    back = looked_back(text, datetime(1936, 6, 3, tzinfo=UTC))
    assert back == ["He had first seen the city in 1924, as regent."]


def test_a_time_hung_on_an_auxiliary_dates_the_verb_it_serves() -> None:
    text = (
        "Liner reaches port\n\n"
        "LONDON (Wire) - Before dawn yesterday the escort was sighted. At about three o'clock in the "
        "afternoon the liner let go her anchor in the roads of Cherbourg.\n"
    )
    article = Article(id="t", text=text, published=datetime(1921, 6, 3, 18, tzinfo=UTC))
    parsed = parse_articles([article])["t"]
    expr = one(find_time_expressions(article, parsed), "about three o'clock in the afternoon")
    dated = [parsed.tokens[k].text for k in (expr.verb, *expr.also) if k is not None]
    assert "go" in dated


def test_years_ago_on_a_weekday_is_that_weekday_of_now_so_many_years_back() -> None:
    """A Sunday paper's "Fifty years ago on Tuesday" is the coming Tuesday, 20 June 2023, fifty years back:
    20 June 1973 (a Wednesday then), not the Sunday of publication moved back nor a Tuesday of 1973."""
    text = (
        "The homecoming that went wrong\n\n"
        "Fifty years ago on Tuesday, the general came home for good. His jet touched down late in the "
        "afternoon.\n"
    )
    published = datetime(2023, 6, 18, 7, tzinfo=timezone(timedelta(hours=-3)))
    days = days_of(text, published)
    assert days["Tuesday"] == date(1973, 6, 20)
    assert days["afternoon"] == date(1973, 6, 20)


def test_a_hundred_and_sixty_years_ago_sets_the_anniversary() -> None:
    """"A hundred and sixty years ago this morning" is 160 years back, so "11 February" is of 1861."""
    text = (
        "Thirteen days to the capital\n\n"
        "A hundred and sixty years ago this morning, a tall man stepped down from a train in Washington. "
        "He had set out from Springfield at 8 a.m. on 11 February.\n"
    )
    days = days_of(text, datetime(2021, 2, 23, 7, tzinfo=timezone(timedelta(hours=-5))))
    assert days["this morning"] == date(1861, 2, 23)
    assert days["8 a.m. on 11 February"] == date(1861, 2, 11)


def test_a_month_earlier_in_the_story_year_does_not_set_the_sentences_after_it_back() -> None:
    """"Cámpora, elected president in March" tells when somebody was elected; the jet's stop at Dakar told
    next, on the story's own day, is not set back with it (a year before the story's would be)."""
    text = (
        "The homecoming\n\n"
        "BUENOS AIRES (Wire) - The general flew home from Madrid on 20 June 1973. With him was Cámpora, the "
        "man elected president in March. The jet put down at Dakar to refuel.\n"
    )
    assert "The jet put down at Dakar to refuel." not in looked_back(text, datetime(1973, 6, 22, tzinfo=UTC))


def test_a_voyage_told_port_by_port_reaches_back_as_one_story() -> None:
    """Filed on 25 January: Southampton on 22 November lies two months back, but the ports after it are
    told within three weeks of each other up to the story's days, so the voyage is this story. A trip
    of the spring before, with nothing told between, is still a look back."""
    text = (
        "Round the world\n\nJERSEY CITY (Wire) - She stepped down here today. The liner landed her at "
        "Southampton on Nov. 22. She reached Colombo on Dec. 8. She sailed from Hong Kong on Dec. 28. She "
        "reached Yokohama on Jan. 3. She had toured Mexico in April.\n"
    )
    assert looked_back(text, datetime(1890, 1, 25, 20, tzinfo=UTC)) == ["She had toured Mexico in April."]


def test_a_clock_time_keeps_no_day_from_the_next_sentence() -> None:
    """"was in Dayton shortly after 3 p.m. On the 13th he rode on": the capital "On" opens a new sentence,
    so 3 p.m. is on the day told before (the 12th), and "the 13th" is a phrase of its own."""
    text = (
        "A slow train east\n\nDAYTON (Wire) - He left at 11 a.m. on 12 February and was in Dayton shortly "
        "after 3 p.m. On the 13th he rode to Columbus.\n"
    )
    days = days_of(text, datetime(2019, 2, 20, tzinfo=UTC))
    assert days["shortly after 3 p.m."] == date(2019, 2, 12)
    assert days["13th"] == date(2019, 2, 13)



def test_the_small_hours_after_a_late_night_are_the_next_day() -> None:
    """"took off late on the night of 23 November … refuelled at Gander in the small hours": the small hours
    the night ran into, the 24th, not those of the 23rd before the take-off."""
    text = (
        "A royal tour\n\nThe Queen took off from London late on the night of 23 November 1953. It refuelled "
        "at Gander, Newfoundland, in the small hours, where locals woke her.\n"
    )
    days = days_of(text, datetime(2023, 11, 23, tzinfo=UTC))
    assert days["late on the night of 23 November 1953"] == date(1953, 11, 23)
    assert days["small hours"] == date(1953, 11, 24)


def test_a_months_long_tour_told_in_order_keeps_its_later_dates_relevant() -> None:
    """A retrospective of a six-month tour: each date told goes on from the one before, so the April and May
    dates, more than the relevance window after the lead's November, still concern the journey told."""
    text = (
        "Seventy years on\n\nThe Queen left London on 23 November 1953. She reached Auckland on 23 December "
        "and sailed from Bluff on 30 January. She flew to Canberra on 13 February, left Fremantle on 1 April "
        "and reached Gibraltar on 10 May.\n"
    )
    article = Article(id="t", text=text, published=datetime(2023, 11, 23, tzinfo=UTC))
    found = texts(text, article.published)
    cues = load_time_cues()
    may = one(found, "10 May")
    assert may.first_date == date(1954, 5, 10)
    assert may.relevant_to(article.published.date(), cues.relevance_days)


def test_a_minute_clock_with_o_clock_takes_the_day_after_it() -> None:
    """"left Natal at 3:15 o'clock in the morning of June 7", as the papers of the 1930s wrote it: one clock
    time on June 7, not a bare 3:15 on the publication day."""
    text = "Flight\n\nShe left Natal at 3:15 o'clock in the morning of June 7 and crossed the ocean.\n"
    found = texts(text, datetime(1937, 7, 6, tzinfo=UTC))
    clock = one(found, "3:15 o'clock in the morning of June 7")
    assert clock.first_date == date(1937, 6, 7)
    assert clock.start_hour < 3.25 < clock.end_hour


def test_a_named_zone_set_off_by_commas_and_the_next_morning_after_a_clock() -> None:
    """A period dispatch's "at 9.40 a.m., Moscow time, on June 11" is that day on Moscow's clock (not the
    "June 10" the sentence opens with), and "At 10.23 next morning" is the day after the date before it."""
    published = datetime(1956, 6, 20, 19, 30, tzinfo=timezone(timedelta(hours=3)))
    text = (
        "MOSCOW, June 20.\n\nThe party changed trains at the frontier on Friday, June 1. At 10.23 next "
        "morning the train drew into Bryansk. On June 10 he set out again, and his train arrived at "
        "Stalingrad at 9.40 a.m., Moscow time, on June 11."
    )
    found = texts(text, published)
    assert one(found, "10.23 next morning").first_date == date(1956, 6, 2)
    stalingrad = one(found, "9.40 a.m., Moscow time, on June 11")
    assert (stalingrad.first_date, stalingrad.zone) == (date(1956, 6, 11), "Europe/Moscow")


EXPEDITION_LETTER = (
    "THE EXPLORER RETURNS.\n\n"
    "MOMBASA, April 28.\n\n"
    "Mr. Harlow reached the coast at Tanga on the 3d of this month and crossed to this port on the "
    "following day. He found the lost party at Kilwa at noon on the 12th of October last.\n\n"
    "He first came here from Aden on the 9th of February, 1880. On the 2nd of March he marched inland, "
    "and he entered the lake country on the 23d of June. He left the lake on the 20th of December and "
    "reached Tanga again on the 1st of April."
)


def test_an_expedition_letter_is_read_from_its_dateline_and_in_its_own_years() -> None:
    """A letter datelined "MOMBASA, April 28" and printed in London seven weeks later: "this month" and "the
    following day" count from the dateline; "the 12th of October last" is the October gone by; "the 23d of
    June" is an older print's ordinal; a month and day after "the 9th of February, 1880" go on in 1880 (and
    into 1881), and a past-tense "20th of December" is never after the report."""
    days = days_of(EXPEDITION_LETTER, datetime(1881, 6, 16, 9, tzinfo=UTC))
    assert days["3d of this month"] == date(1881, 4, 3)
    assert days["following day"] == date(1881, 4, 4)
    assert days["noon on the 12th of October last"] == date(1880, 10, 12)
    assert days["2nd of March"] == date(1880, 3, 2)
    assert days["23d of June"] == date(1880, 6, 23)
    assert days["20th of December"] == date(1880, 12, 20)
    assert days["1st of April"] == date(1881, 4, 1)


def test_a_story_told_from_more_than_a_year_back_is_no_look_back() -> None:
    """Most of the letter's days lie a year and more before it is printed, months apart: they are its story,
    not an earlier trip."""
    assert looked_back(EXPEDITION_LETTER, datetime(1881, 6, 16, 9, tzinfo=UTC)) == []
