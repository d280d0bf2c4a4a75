"""Built journeys on disk: the key changes with everything a journey depends on; a bad entry is rebuilt."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from sample_journey import sample_journey

from geo.itinerary.corrections import Corrections, DropStop, StopRef
from geo.journey import Journey
from geo.store import cache as cache_module
from geo.store.cache import JourneyCache, cached_journey, default_cache_dir, journey_key


@pytest.fixture(scope="module")
def sample() -> Journey:
    return sample_journey()


def test_the_key_follows_the_articles_the_corrections_and_the_code(
    sample: Journey, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = list(sample.articles)
    key = journey_key(articles, Corrections())
    assert key == journey_key(list(articles), Corrections())
    edited = [replace(articles[0], text=articles[0].text + " ")]
    assert journey_key(edited, Corrections()) != key
    assert journey_key(articles, Corrections((DropStop(StopRef("Dandong")),))) != key
    monkeypatch.setattr(cache_module, "code_version", lambda: "another release")
    assert journey_key(articles, Corrections()) != key


def test_a_stored_journey_comes_back_with_its_notes(tmp_path: Path, sample: Journey) -> None:
    store = JourneyCache(tmp_path)
    store.put("k", sample, ["a note"])
    assert store.get("k") == (sample, ("a note",))
    assert store.get("missing") is None


def test_a_damaged_entry_is_dropped(tmp_path: Path) -> None:
    (tmp_path / "k.pickle").write_bytes(b"not a pickle")
    assert JourneyCache(tmp_path).get("k") is None
    assert not (tmp_path / "k.pickle").exists()


def test_a_journey_is_built_once_then_read(tmp_path: Path, sample: Journey) -> None:
    builds: list[int] = []

    def build() -> Journey:
        builds.append(1)
        import warnings

        warnings.warn("built from the text", UserWarning, stacklevel=1)
        return sample

    store = JourneyCache(tmp_path)
    first = cached_journey(sample.articles, Corrections(), build, store)
    second = cached_journey(sample.articles, Corrections(), build, store)
    assert first == second == (sample, ("built from the text",))
    assert len(builds) == 1


def test_an_unwritable_cache_only_costs_time(tmp_path: Path, sample: Journey) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    store = JourneyCache(blocker / "journeys")
    assert cached_journey(sample.articles, Corrections(), lambda: sample, store) == (sample, ())


def test_old_entries_are_pruned(tmp_path: Path, sample: Journey, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache_module, "MAX_ENTRIES", 2)
    store = JourneyCache(tmp_path)
    for n, key in enumerate(("a", "b", "c")):
        store.put(key, sample)
        os.utime(tmp_path / f"{key}.pickle", (n, n))
    store.put("d", sample)
    assert sorted(p.stem for p in tmp_path.glob("*.pickle")) == ["c", "d"]


def test_the_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GEO_JOURNEY_CACHE_DIR", str(tmp_path / "own"))
    assert default_cache_dir() == tmp_path / "own"
    monkeypatch.delenv("GEO_JOURNEY_CACHE_DIR")
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path / "shared"))
    assert default_cache_dir() == tmp_path / "shared" / "journeys"
