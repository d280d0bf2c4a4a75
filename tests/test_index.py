"""The set-up step: ``python -m geo index`` builds the gazetteer index with a progress bar, and the app shows
its own progress bar when it has to build the index itself."""

from __future__ import annotations

import io
import sys
import types
from collections.abc import Sequence
from pathlib import Path

import pytest
import streamlit as st
from sample_journey import sample_journey
from streamlit.testing.v1 import AppTest
from test_gazetteer import small_source  # noqa: F401 (a fixture)

import geo.places.gazetteer as gazetteer_module
from geo.cli import ProgressBar, main
from geo.model import Article
from geo.places.gazetteer import build_index, index_path, index_ready

APP = Path(__file__).resolve().parents[1] / "app.py"


def test_a_build_reports_its_progress_up_to_done(tmp_path: Path, small_source: Path) -> None:  # noqa: F811
    seen: list[tuple[float, str]] = []
    build_index(tmp_path / "index.sqlite", small_source, progress=lambda f, step: seen.append((f, step)))
    fractions = [fraction for fraction, _ in seen]
    assert fractions == sorted(fractions)
    assert fractions[0] == 0.0 and seen[-1] == (1.0, "done")
    assert {"reading GeoNames", "folding the names", "indexing the names"} <= {step for _, step in seen}


def test_index_ready_tells_a_built_index_from_none(tmp_path: Path, small_source: Path) -> None:  # noqa: F811
    assert not index_ready(tmp_path)
    gazetteer_module.forget_loaded()
    gazetteer_module.load_gazetteer(tmp_path, source=small_source)
    assert index_ready(tmp_path)
    gazetteer_module.forget_loaded()


def test_progress_bar_prints_one_line_per_step_off_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    bar = ProgressBar("gazetteer index")
    for fraction, step in [(0.0, "reading"), (0.2, "folding"), (0.3, "folding"), (1.0, "done")]:
        bar.update(fraction, step)
    bar.finish("/somewhere/index.sqlite")
    assert err.getvalue().splitlines() == [
        "gazetteer index:   0% reading", "gazetteer index:  20% folding", "gazetteer index: 100% done",
        "gazetteer index: built (/somewhere/index.sqlite)",
    ]


def test_index_command_with_the_index_built_reads_the_articles_and_says_ready(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["index"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"gazetteer index: ready ({index_path()})"
    assert err[-1] == "ready"


def test_the_app_builds_a_missing_index_with_a_progress_bar(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, small_source: Path  # noqa: F811
) -> None:
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("GEO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("GEO_JOURNEY_CACHE_DIR", str(tmp_path / "journeys"))
    monkeypatch.setattr(gazetteer_module, "source_dir", lambda: small_source)
    steps: list[str] = []
    real_load = gazetteer_module.load_gazetteer

    def load(*args: object, **kwargs: object) -> object:
        progress = kwargs["progress"]
        assert callable(progress)
        return real_load(*args, progress=lambda f, step: (steps.append(step), progress(f, step)), **{
            k: v for k, v in kwargs.items() if k != "progress"})

    monkeypatch.setattr(gazetteer_module, "load_gazetteer", load)
    pipeline = types.ModuleType("geo.pipeline")
    journey = sample_journey()

    def build_journey(articles: Sequence[Article], corrections: object = None) -> object:
        return journey

    pipeline.build_journey = build_journey  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "geo.pipeline", pipeline)
    st.cache_resource.clear()
    gazetteer_module.forget_loaded()
    try:
        at = AppTest.from_file(str(APP), default_timeout=60).run()
        assert not at.exception, [e.value for e in at.exception]
        assert index_ready(tmp_path / "cache")
        assert steps[-1] == "done"
        assert "Stage 1 of" in "".join(str(e.value) for e in at.get("html"))
    finally:
        gazetteer_module.forget_loaded()
        st.cache_resource.clear()
