"""The journey database: what is saved comes back, several processes save at once, bad files are one error."""

from __future__ import annotations

import multiprocessing
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from geo.errors import StoreError
from geo.itinerary.corrections import AddStop, Corrections, DropStop, PinTime, SetMode, StopRef
from geo.model import Article
from geo.store import SCHEMA_VERSION, JourneyStore, default_store_path

WORKERS = 4
SAVES_PER_WORKER = 12


def article(n: int = 0, publisher: str = "Wire") -> Article:
    return Article(id=f"a{n}.txt", text=f"Kim left Pyongyang by train for Hanoi. ({n})",
                   published=datetime(2019, 2, 24, 12, tzinfo=UTC), publisher=publisher,
                   title="Kim leaves", url="https://example.org/a", published_inferred=n % 2 == 1)


@pytest.fixture
def store(tmp_path: Path) -> JourneyStore:
    return JourneyStore(tmp_path / "journeys.sqlite")


def test_a_saved_journey_comes_back_with_its_articles_and_corrections(store: JourneyStore) -> None:
    corrections = Corrections((
        DropStop(StopRef("Dandong"), "not a stop"),
        PinTime(StopRef("Hanoi", 1581130), "arrive", datetime.fromisoformat("2019-02-26T10:30+07:00"),
                "photo"),
    ))  # fmt: skip
    journey_id = store.create([article(0), article(1, publisher="")], "Kim to Hanoi", corrections)
    saved = store.get(journey_id)
    assert saved is not None
    assert saved.title == "Kim to Hanoi"
    assert saved.articles == (article(0), article(1, publisher=""))
    assert saved.corrections == corrections
    assert saved.created.tzinfo is not None


def test_ids_are_short_url_safe_and_distinct(store: JourneyStore) -> None:
    ids = {store.create([article()], "x") for _ in range(20)}
    assert len(ids) == 20
    assert all(len(i) == 8 and i.replace("-", "").replace("_", "").isalnum() for i in ids)


@pytest.mark.parametrize("bad_id", ["", "nope", "../../etc/passwd", "x' OR '1'='1", "a" * 200])
def test_unknown_or_malformed_id_is_none(store: JourneyStore, bad_id: str) -> None:
    store.create([article()], "x")
    assert store.get(bad_id) is None


def test_list_rename_delete(tmp_path: Path) -> None:
    ticks = iter(range(100))
    store = JourneyStore(tmp_path / "j.sqlite", now=lambda: datetime(2024, 1, 1, 0, next(ticks), tzinfo=UTC))
    first = store.create([article()], "first")
    second = store.create([article(), article(2)], "second")
    assert [(s.id, s.articles) for s in store.list()] == [(second, 2), (first, 1)]
    assert store.rename(first, "  Kim's   train  ")
    saved = store.get(first)
    assert saved is not None and saved.title == "Kim's train"
    assert store.list()[0].id == first
    assert store.delete(second)
    assert not store.delete(second)
    assert [s.id for s in store.list()] == [first]
    assert store.get(second) is None


def test_corrections_are_appended_and_removed_one_by_one(store: JourneyStore) -> None:
    journey_id = store.create([article()], "x")
    first = store.add_correction(journey_id, AddStop("Nanning", after=StopRef("Dandong")))
    store.add_correction(journey_id, SetMode(StopRef("Đồng Đăng"), "road", StopRef("Hanoi")))
    saved = store.get(journey_id)
    assert saved is not None and [item.action for item in saved.corrections.items] == ["add", "mode"]
    assert store.remove_correction(journey_id, first)
    saved = store.get(journey_id)
    assert saved is not None and [item.action for item in saved.corrections.items] == ["mode"]
    assert saved.correction_ids != (first,)


def test_a_correction_for_a_deleted_journey_is_one_error(store: JourneyStore) -> None:
    journey_id = store.create([article()], "x")
    store.delete(journey_id)
    with pytest.raises(StoreError, match="no saved journey"):
        store.add_correction(journey_id, DropStop(StopRef("Dandong")))


def test_schema_is_versioned_with_its_migrations_recorded(store: JourneyStore) -> None:
    store.check()
    with sqlite3.connect(store.path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        steps = [row[0] for row in connection.execute("SELECT version FROM schema_migrations")]
        assert steps == list(range(1, SCHEMA_VERSION + 1))
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection.close()


def test_a_newer_schema_is_refused_with_one_message(store: JourneyStore) -> None:
    store.check()
    connection = sqlite3.connect(store.path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    with pytest.raises(StoreError, match="newer release"):
        JourneyStore(store.path).list()


def test_a_damaged_file_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "journeys.sqlite"
    path.write_bytes(b"this is not a database at all\n" * 200)
    with pytest.raises(StoreError) as caught:
        JourneyStore(path).list()
    message = str(caught.value)
    assert str(path) in message and "damaged" in message and "\n" not in message
    assert path.read_bytes().startswith(b"this is not a database")


def test_another_programs_database_is_not_touched(tmp_path: Path) -> None:
    path = tmp_path / "journeys.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE bookmarks (url TEXT)")
    connection.commit()
    connection.close()
    with pytest.raises(StoreError, match="another program"):
        JourneyStore(path).check()


def test_an_unwritable_folder_is_one_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match="journey database"):
        JourneyStore(blocker / "journeys.sqlite").create([article()], "x")


def test_default_path_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GEO_DATA_DIR", str(tmp_path))
    assert default_store_path() == tmp_path / "journeys.sqlite"


def _save_many(path: str, worker: int, journey_id: str) -> list[str]:
    store = JourneyStore(path)
    ids = []
    for n in range(SAVES_PER_WORKER):
        ids.append(store.create([article(n)], f"worker {worker} journey {n}"))
        store.add_correction(journey_id, DropStop(StopRef(f"stop {worker}-{n}")))
    return ids


def test_concurrent_saves_from_several_processes_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "journeys.sqlite"
    shared = JourneyStore(path).create([article()], "shared")
    context = multiprocessing.get_context("spawn")
    with context.Pool(WORKERS) as pool:
        results = pool.starmap(_save_many, [(str(path), w, shared) for w in range(WORKERS)])
    created = [journey_id for ids in results for journey_id in ids]
    store = JourneyStore(path)
    listed = {summary.id for summary in store.list()}
    assert len(created) == WORKERS * SAVES_PER_WORKER
    assert set(created) | {shared} == listed
    saved = store.get(shared)
    assert saved is not None
    names = {item.stop.name for item in saved.corrections.items if isinstance(item, DropStop)}
    assert names == {f"stop {w}-{n}" for w in range(WORKERS) for n in range(SAVES_PER_WORKER)}
