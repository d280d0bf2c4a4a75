"""The command line: the GeoJSON contract, the stage table, and one clear line for every bad input."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from geo.cli import _parser, main

ROOT = Path(__file__).resolve().parents[1]
STOP_KEYS = {
    "kind", "seq", "name", "role", "geonameid", "country", "timezone", "inferred", "reason", "quotes",
    "arrive_earliest", "arrive", "arrive_latest", "depart_earliest", "depart", "depart_latest",
}  # fmt: skip
LEG_KEYS = {
    "kind", "seq", "from", "to", "mode", "distance_km", "via", "inferred_path", "quotes",
    "arrive_earliest", "arrive", "arrive_latest", "depart_earliest", "depart", "depart_latest",
}  # fmt: skip


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("cli") / "journey.geojson"
    assert main(["build", "-o", str(out)]) == 0
    return json.loads(out.read_text(encoding="utf-8"))


def test_build_writes_a_feature_collection_of_stops_and_legs(built: dict) -> None:
    assert built["type"] == "FeatureCollection"
    kinds = {f["properties"]["kind"] for f in built["features"]}
    assert {"stop", "leg"} <= kinds
    for feature in built["features"]:
        keys = STOP_KEYS if feature["properties"]["kind"] == "stop" else LEG_KEYS
        assert keys <= set(feature["properties"]), feature["properties"]["kind"]


def test_build_stops_are_the_journey_in_order(built: dict) -> None:
    stops = sorted((f for f in built["features"] if f["properties"]["kind"] == "stop"),
                   key=lambda f: f["properties"]["seq"])  # fmt: skip
    names = [f["properties"]["name"] for f in stops]
    roles = [f["properties"]["role"] for f in stops]
    assert names[0] == "Pyongyang" and names[1] == "Dandong" and names[-1] == "Hanoi"
    assert roles[0] == "origin" and roles[-1] == "destination"
    assert [f["properties"]["seq"] for f in stops] == list(range(len(stops)))
    assert stops[0]["properties"]["country"] == "KP"
    assert stops[0]["properties"]["timezone"] == "Asia/Pyongyang"
    quote = stops[0]["properties"]["quotes"][0]
    assert quote["text"].startswith("Kim left Pyongyang by train")
    assert quote["publisher"] == "Reuters"


def test_build_to_stdout_equals_build_to_file(built: dict, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build"]) == 0
    assert json.loads(capsys.readouterr().out) == built


def test_stages_table_lists_every_stage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stages"]) == 0
    table = capsys.readouterr().out
    assert "Pyongyang" in table and "Hanoi" in table and "crossing" in table


def test_stages_csv_and_json_have_the_same_rows(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stages", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert main(["stages", "--format", "csv"]) == 0
    csv_lines = capsys.readouterr().out
    assert csv_lines.startswith("stage,kind,title,")
    assert [row["stage"] for row in rows] == list(range(1, len(rows) + 1))
    assert rows[0]["kind"] == "stop" and rows[-1]["kind"] == "stop"


def test_plain_text_article_with_published_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "beijing.txt"
    text.write_text(
        "North Korean leader Kim Jong Un left Pyongyang by train on Monday for Beijing, state media said. "
        "His train crossed into the Chinese border city of Dandong on Monday night.\n",
        encoding="utf-8",
    )
    assert main(["build", str(text), "--published", "2019-01-08"]) == 0
    names = [f["properties"]["name"] for f in json.loads(capsys.readouterr().out)["features"]
             if f["properties"]["kind"] == "stop"]  # fmt: skip
    assert names[0] == "Pyongyang" and names[-1] == "Beijing"


def _write(tmp_path: Path, name: str, content: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(content)
    return str(path)


BAD_INPUTS = {
    "missing": (lambda tmp: [str(tmp / "nope.txt")], "no such file"),
    "empty": (lambda tmp: [_write(tmp, "e.txt", b"")], "empty"),
    "latin-1": (lambda tmp: [_write(tmp, "l.txt", b"Caf\xe9 in Hanoi, 1 May 2019.")], "not UTF-8"),
    "binary": (lambda tmp: [_write(tmp, "b.txt", b"\x89PNG\r\n\x1a\n\x00\x00")], "binary"),
    "huge": (lambda tmp: [_write(tmp, "h.txt", b"a" * 3_000_000)], "too large"),
    "no-journey": (
        lambda tmp: [_write(tmp, "n.txt", b"The weather was mild on 1 May 2019. Markets rose.")],
        "journey",
    ),
    "bad-date": (lambda tmp: ["--published", "someday"], "not a date"),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS), ids=list(BAD_INPUTS))
def test_bad_input_is_one_error_line_and_leaves_output_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    make_args, message = BAD_INPUTS[case]
    out = tmp_path / "out.geojson"
    out.write_text("previous", encoding="utf-8")
    assert main(["build", "--published", "2019-05-02", "-o", str(out), *make_args(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ") and message in err
    assert out.read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out")) == []


def test_unwritable_output_path_is_one_error_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["build", "-o", str(tmp_path / "no" / "such" / "dir" / "x.geojson")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "does not exist" in err


def test_real_process_exits_non_zero_without_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    result = subprocess.run(
        [sys.executable, "-m", "geo", "build", str(tmp_path / "missing.txt")],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [f"error: {tmp_path / 'missing.txt'}: no such file"]


def test_every_cli_option_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    parser = _parser()
    subparsers = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    for name, sub in subparsers.choices.items():  # type: ignore[attr-defined]
        assert f"python -m geo {name}" in readme
        for action in sub._actions:
            for option in action.option_strings:
                if option not in ("-h", "--help"):
                    assert re.search(rf"{re.escape(option)}\b", readme), f"{name} {option}"
