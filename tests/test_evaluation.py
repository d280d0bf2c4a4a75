"""The evaluation set (data/eval/) is well formed, the scorer is right, `python -m geo evaluate` runs."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from geo.cli import main
from geo.errors import InputError
from geo.evaluation.cases import Case, GoldStop, GoldTime, load_cases
from geo.evaluation.runner import blank
from geo.evaluation.score import (
    Prediction,
    PredStop,
    Window,
    fold,
    match_stops,
    order_errors,
    score_case,
    time_error_hours,
    time_inside,
    total,
    traveller_correct,
)

EVAL_DIR = Path(__file__).resolve().parents[1] / "data" / "eval"
HANOI_TZ = timezone(timedelta(hours=7))


@pytest.fixture(scope="module")
def cases() -> list[Case]:
    return load_cases(EVAL_DIR)


# --- the set -------------------------------------------------------------------------------------------


def test_set_size_and_variety(cases: list[Case]) -> None:
    texts = sorted((EVAL_DIR / "texts").glob("*.txt"))
    assert len(texts) >= 44
    used = {article.file for case in cases for article in case.articles}
    assert used == {path.name for path in texts}, "every text belongs to a case, every case's text exists"
    journeys = {case.journey for case in cases if case.stops}
    travellers = {case.traveller for case in cases if case.stops}
    assert len(journeys) >= 12
    assert len(travellers) >= 6
    splits = Counter(case.split for case in cases)
    assert splits["dev"] >= 25 and splits["heldout"] >= 12
    dev_journeys = {case.journey for case in cases if case.split == "dev"}
    heldout_only = {case.journey for case in cases if case.split == "heldout"} - dev_journeys
    assert len(heldout_only) >= 3
    assert sum(1 for case in cases if len(case.articles) > 1) >= 3, "several-report cases"
    assert {case.split for case in cases if not case.stops} == {"dev", "heldout"}, "no-journey texts"


def test_texts_are_news_length(cases: list[Case]) -> None:
    for case in cases:
        for article in case.articles:
            words = len(article.text.split())
            assert 150 <= words <= 650, f"{article.file}: {words} words"


def test_every_phrase_is_in_its_article(cases: list[Case]) -> None:
    for case in cases:
        for time in case.times:
            assert time.phrase in case.articles[time.article].text, (case.id, time.phrase)


def test_hops_and_roles(cases: list[Case]) -> None:
    for case in cases:
        assert len(case.hops) == max(0, len(case.stops) - 1), case.id
        assert set(case.hops) <= {"rail", "road", "air", "sea"}, case.id
        for stop in case.stops:
            assert stop.role in {"origin", "border", "waypoint", "destination"}, (case.id, stop.name)
            if stop.geonameid is None:
                assert stop.latitude is not None and stop.longitude is not None, (case.id, stop.name)


def test_stated_arrivals_are_before_publication(cases: list[Case]) -> None:
    """An arrival reported as done cannot be after the last article was published."""
    for case in cases:
        last = max(article.published for article in case.articles)
        for time in case.times:
            if time.event == "arrive" and not case.stops[time.stop].planned:
                assert time.at - timedelta(minutes=time.precision_minutes) <= last, (case.id, time.phrase)


def test_geonameids_are_in_the_gazetteer_under_the_gold_name(cases: list[Case], gazetteer: Any) -> None:
    for case in cases:
        for stop in case.stops:
            if stop.geonameid is None:
                continue
            entry = gazetteer.get(stop.geonameid)
            assert entry is not None, (case.id, stop.name, stop.geonameid)
            named = {e.geonameid for e in gazetteer.lookup(stop.name)}
            compact = fold(stop.name).replace(" ", "")
            assert stop.geonameid in named or compact in {
                fold(entry.name).replace(" ", ""), fold(entry.asciiname).replace(" ", "")
            }, (case.id, stop.name, entry.name)


# --- loading -------------------------------------------------------------------------------------------


def _write_case(root: Path, **changes: Any) -> Path:
    (root / "cases").mkdir(parents=True, exist_ok=True)
    (root / "texts").mkdir(parents=True, exist_ok=True)
    (root / "texts" / "a.txt").write_text("Kim left Pyongyang on Saturday afternoon for Dandong.\n")
    data = {
        "id": "c1", "split": "dev", "journey": "j", "traveller": "Kim Jong Un", "surname": "Kim",
        "articles": [{"file": "a.txt", "published": "2019-02-24T00:00:00+09:00", "publisher": "X"}],
        "stops": [{"name": "Pyongyang", "geonameid": 1871859, "role": "origin"},
                  {"name": "Dandong", "geonameid": 2037886, "role": "destination"}],
        "hops": ["rail"],
        "times": [{"stop": 0, "event": "depart", "at": "2019-02-23T15:00:00+09:00", "precision_minutes": 180,
                   "article": 0, "phrase": "on Saturday afternoon"}],
    }  # fmt: skip
    data.update(changes)
    path = root / "cases" / "c1.json"
    path.write_text(json.dumps(data))
    return path


def test_load_a_good_case(tmp_path: Path) -> None:
    _write_case(tmp_path)
    (case,) = load_cases(tmp_path)
    assert case.surname == "Kim" and case.stops[1].geonameid == 2037886
    assert case.times[0].at == datetime(2019, 2, 23, 6, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"times": [{"stop": 0, "event": "depart", "at": "2019-02-23T15:00:00+09:00",
                     "phrase": "on Sunday"}]}, "is not in a.txt"),
        ({"articles": [{"file": "missing.txt", "published": "2019-02-24T00:00:00+09:00"}]}, "is missing"),
        ({"hops": []}, "2 stops need 1 hops"),
        ({"split": "test"}, "split must be one of"),
        ({"stops": [{"name": "Khasan", "geonameid": None, "role": "border"}], "hops": [], "times": []},
         "needs latitude and longitude"),
    ],
)
def test_bad_cases_are_one_input_error(tmp_path: Path, changes: dict[str, Any], message: str) -> None:
    _write_case(tmp_path, **changes)
    with pytest.raises(InputError, match=message) as caught:
        load_cases(tmp_path)
    assert "c1.json" in str(caught.value)


def test_bad_json_is_one_input_error(tmp_path: Path) -> None:
    _write_case(tmp_path).write_text("{ not json")
    with pytest.raises(InputError, match="not valid JSON"):
        load_cases(tmp_path)


# --- scoring -------------------------------------------------------------------------------------------

PYONGYANG = GoldStop("Pyongyang", 1871859, "origin", latitude=39.03, longitude=125.75)
DANDONG = GoldStop("Dandong", 2037886, "border", latitude=40.13, longitude=124.39)
PINGXIANG = GoldStop("Pingxiang", 1798655, "border", latitude=22.097, longitude=106.757)
DONG_DANG = GoldStop("Đồng Đăng", 1582998, "border", latitude=21.951, longitude=106.698)
HANOI = GoldStop("Hanoi", 1581130, "destination", latitude=21.024, longitude=105.841)


def _pred(seq: int, name: str, gid: int | None, lat: float | None, lon: float | None) -> PredStop:
    return PredStop(seq=seq, name=name, place_name=name, geonameid=gid, latitude=lat, longitude=lon)


def _case(stops: tuple[GoldStop, ...], hops: tuple[str, ...], times: tuple[GoldTime, ...] = (),
          traveller: str = "Kim Jong Un", surname: str = "Kim") -> Case:
    return Case(id="t", split="dev", journey="j", traveller=traveller, surname=surname, style="", decoys=(),
                articles=(), stops=stops, hops=hops, times=times)


def test_match_by_id_name_and_distance() -> None:
    predicted = [
        _pred(0, "Pyongyang", 1871859, 39.03, 125.75),        # same id
        _pred(1, "Tandong", None, 40.2, 124.45),               # no id, within 30 km
        _pred(2, "Dong Dang", None, None, None),                # folded name, no coordinates
        _pred(3, "Hai Duong", 1581326, 20.94, 106.33),         # 60 km from Hanoi: no match
    ]
    assert match_stops([PYONGYANG, DANDONG, DONG_DANG, HANOI], predicted) == [0, 1, 2, None]


def test_a_near_place_does_not_take_a_stop_a_later_gold_stop_names() -> None:
    """Pingxiang lies 17 km from Đồng Đăng: the predicted Đồng Đăng belongs to the gold Đồng Đăng."""
    predicted = [_pred(0, "Đồng Đăng", 1582998, 21.951, 106.698), _pred(1, "Hanoi", 1581130, 21.02, 105.84)]
    assert match_stops([PINGXIANG, DONG_DANG, HANOI], predicted) == [None, 0, 1]


def test_a_place_visited_twice_matches_two_predicted_stops_in_order() -> None:
    przemysl = GoldStop("Przemyśl", 761168, "border", latitude=49.78, longitude=22.77)
    kyiv = GoldStop("Kyiv", 703448, "waypoint", latitude=50.45, longitude=30.52)
    predicted = [_pred(0, "Przemysl", 761168, 49.78, 22.77), _pred(1, "Kyiv", 703448, 50.45, 30.52),
                 _pred(2, "Przemysl", 761168, 49.78, 22.77)]
    assert match_stops([przemysl, kyiv, przemysl], predicted) == [0, 1, 2]


def test_order_errors_count_pairs() -> None:
    assert order_errors([0, 1, 2]) == (3, [])
    assert order_errors([1, 0, None, 2]) == (3, [(0, 1)])
    assert order_errors([2, 1, 0]) == (3, [(0, 1), (0, 2), (1, 2)])


def _prediction(stops: list[PredStop], modes: tuple[str, ...], traveller: str = "Kim Jong Un",
                arrive: dict[int, Window] | None = None) -> Prediction:
    return Prediction(stops=tuple(stops), modes=modes, traveller=traveller, arrive=arrive or {}, depart={})


def test_score_case_stops_modes_ids_and_traveller() -> None:
    case = _case((PYONGYANG, DANDONG, DONG_DANG, HANOI), ("rail", "rail", "road"))
    predicted = [
        _pred(0, "Pyongyang", 1871859, 39.03, 125.75),
        _pred(1, "Dandong", 2037886, 40.13, 124.39),
        _pred(2, "Nanning", 1799869, 22.82, 108.32),   # extra, between two matched stops
        _pred(3, "Dong Dang", 9999, 21.951, 106.698),  # matched by name, wrong id
        _pred(4, "Seoul", 1835848, 37.57, 126.98),     # extra
    ]
    score, matching = score_case(case, _prediction(predicted, ("rail", "rail", "rail", "air"), "Kim"))
    assert matching == [0, 1, 3, None]
    assert (score.tp, score.fp, score.fn) == (3, 2, 1)
    assert (score.order_right, score.order_pairs) == (3, 3)
    # Pyongyang→Dandong rail (right); Dandong→Đồng Đăng: rail, rail through the extra stop (right);
    # Đồng Đăng→Hanoi: Hanoi is not matched, so the hop is not scored.
    assert (score.modes_right, score.modes_total) == (2, 2)
    assert (score.ids_right, score.ids_total) == (2, 3)
    assert (score.traveller_right, score.traveller_total) == (1, 1)
    assert any("wrong id: gold Đồng Đăng (1582998)" in miss for miss in score.misses)
    assert any(miss.startswith("extra stop Seoul") for miss in score.misses)
    assert any(miss.startswith("missing stop Hanoi") for miss in score.misses)


def test_a_mixed_mode_between_matched_stops_is_wrong() -> None:
    case = _case((DONG_DANG, HANOI), ("road",))
    predicted = [_pred(0, "Đồng Đăng", 1582998, 21.951, 106.698),
                 _pred(1, "Lạng Sơn", 1576633, 21.85, 106.76),
                 _pred(2, "Hanoi", 1581130, 21.02, 105.84)]
    score, _ = score_case(case, _prediction(predicted, ("road", "rail")))
    assert (score.modes_right, score.modes_total) == (0, 1)
    score, _ = score_case(case, _prediction(predicted, ("road", "road")))
    assert (score.modes_right, score.modes_total) == (1, 1)


def test_traveller_names() -> None:
    assert traveller_correct("Kim Jong Un", "Kim", "Kim Jong Un")
    assert traveller_correct("Kim Jong Un", "Kim", "Kim")
    assert not traveller_correct("Kim Jong Un", "Kim", "Kim Yo Jong")
    assert not traveller_correct("Kim Jong Un", "Kim", "Kim Jong Il")
    assert traveller_correct("Joe Biden", "Biden", "President Joe Biden")
    assert traveller_correct("Richard Nixon", "Nixon", "Richard M. Nixon")  # a middle initial
    assert not traveller_correct("Richard Nixon", "Nixon", "Pat Nixon")
    assert not traveller_correct("Joe Biden", "Biden", "")
    assert traveller_correct("Aung San Suu Kyi", "Suu Kyi", "Aung San Suu Kyi")  # a surname of two words
    assert traveller_correct("Aung San Suu Kyi", "Suu Kyi", "Suu Kyi")
    assert not traveller_correct("Aung San Suu Kyi", "Suu Kyi", "Aung San")


def test_time_inside_and_error() -> None:
    at = datetime(2019, 2, 26, 8, 15, tzinfo=HANOI_TZ)
    window = Window(at - timedelta(hours=2), at + timedelta(hours=3), at + timedelta(hours=4))
    assert time_inside(at, 0, window)
    assert time_error_hours(at, window) == pytest.approx(3.0)
    late = Window(at + timedelta(hours=1), at + timedelta(hours=2), at + timedelta(hours=3))
    assert not time_inside(at, 30, late)
    assert time_inside(at, 60, late), "the stated time's precision widens the test"
    assert time_inside(at, 0, Window(None, at, None)), "an unknown end is open"
    assert not time_inside(at, 0, None) and time_error_hours(at, None) is None


def test_times_are_checked_at_the_matched_stop_and_long_hops_flagged() -> None:
    depart = GoldTime(0, "depart", datetime(2019, 2, 23, 6, 0, tzinfo=UTC), 180, 0, "on Saturday afternoon")
    arrive = GoldTime(1, "arrive", datetime(2019, 2, 26, 1, 15, tzinfo=UTC), 10, 0, "at 8:15 a.m.")
    case = _case((PYONGYANG, DONG_DANG), ("rail",), times=(depart, arrive))
    stated = arrive.at
    predicted = [_pred(10, "Pyongyang", 1871859, 39.03, 125.75),
                 _pred(11, "Đồng Đăng", 1582998, 21.951, 106.698)]
    hours = [timedelta(hours=h) for h in (-5, 6, 9)]
    windows = {11: Window(stated + hours[0], stated + hours[1], stated + hours[2])}
    score, _ = score_case(case, _prediction(predicted, ("rail",), arrive=windows))
    by_stop = {check.stop: check for check in score.times}
    assert by_stop["Đồng Đăng"].inside and by_stop["Đồng Đăng"].error_hours == pytest.approx(6.0)
    assert by_stop["Đồng Đăng"].long, "gold times say the hop took about 67 hours"
    assert not by_stop["Pyongyang"].inside, "no departure window predicted"
    assert any(miss.startswith("time depart Pyongyang") for miss in score.misses)
    figures = total([score]).times
    assert (figures.n, figures.inside, figures.median_error, figures.long_n) == (2, 0.5, 6.0, 1)


def test_no_journey_cases() -> None:
    case = _case((), (), traveller="", surname="")
    score, _ = score_case(case, None, "nothing", no_journey=True)
    assert (score.tp, score.fp, score.fn, score.error, score.misses) == (0, 0, 0, None, [])
    score, _ = score_case(case, _prediction([_pred(0, "Hanoi", 1581130, 21.02, 105.84),
                                             _pred(1, "Nanning", 1799869, 22.82, 108.32)], ("rail",)))
    assert (score.tp, score.fp, score.fn) == (0, 2, 0)
    told = _case((PYONGYANG, HANOI), ("rail",))
    score, _ = score_case(told, None, "RouteError: no route")
    assert (score.tp, score.fn, score.traveller_total) == (0, 2, 1) and score.error


def test_totals_are_micro_averaged() -> None:
    case_a = _case((PYONGYANG, DANDONG), ("rail",))
    case_b = _case((PYONGYANG, DANDONG, DONG_DANG, HANOI), ("rail", "rail", "road"))
    only_pyongyang = _prediction([_pred(0, "Pyongyang", 1871859, 39.03, 125.75)], ())
    full = _prediction([_pred(0, "Pyongyang", 1871859, 39.03, 125.75),
                        _pred(1, "Dandong", 2037886, 40.13, 124.39)], ("rail",))
    a, _ = score_case(case_a, full)
    b, _ = score_case(case_b, only_pyongyang)
    t = total([a, b])
    assert (t.tp, t.fn, t.fp) == (3, 3, 0)
    assert t.recall == pytest.approx(0.5), "3 of 6 gold stops, not the mean of 1.0 and 0.25"
    assert t.precision == pytest.approx(1.0)


def test_blank_keeps_offsets() -> None:
    text = "It left on Saturday afternoon and, on Saturday afternoon, crossed."
    blanked = blank(text, "on Saturday afternoon")
    assert len(blanked) == len(text) and "Saturday" not in blanked
    assert blanked.index("crossed") == text.index("crossed")


# --- the command ---------------------------------------------------------------------------------------


def test_evaluate_two_dev_cases(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["evaluate", "--split", "dev", "--no-loo",
                   "--case", "kim2019-hanoi-wire-1", "--case", "none-policy-1"])
    out = capsys.readouterr().out
    assert status == 0
    lines = out.strip().splitlines()
    assert lines[-2].split()[:2] == ["split", "cases"]
    assert lines[-1].split()[:2] == ["dev", "2"]
    assert "== dev: 2 cases ==" in out


def test_evaluate_json(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["evaluate", "--split", "dev", "--no-loo", "--json", "--case", "kim2018-singapore-wire-1"])
    data = json.loads(capsys.readouterr().out)
    assert status == 0
    assert data["splits"]["dev"]["cases"] == 1
    assert [case["case"] for case in data["cases"]] == ["kim2018-singapore-wire-1"]


def test_evaluate_bad_cases_dir_is_one_error_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write_case(tmp_path, hops=[])
    status = main(["evaluate", "--cases", str(tmp_path), "--no-loo"])
    err = capsys.readouterr().err.strip().splitlines()
    assert status == 1
    assert len(err) == 1 and err[0].startswith("error: ") and "c1.json" in err[0]
