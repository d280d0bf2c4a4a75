"""Saved journeys in a local SQLite database: their articles with metadata, the corrections, and when.

A journey is saved as what it is made from, never as its result: the pipeline rebuilds the route and times
from the articles and corrections (the reader caches its parses, so that is quick), so a saved journey
follows every improvement of the reader. Ids are short random URL-safe strings, so a link
``?journey=<id>`` names one without telling how many there are.

Several app sessions (threads or processes) may save at once: every call opens its own connection and runs
one short transaction (``BEGIN IMMEDIATE`` where it writes) in WAL mode with a busy timeout, and
corrections are rows appended one by one, so no writer overwrites another's work. The schema is versioned
with ``PRAGMA user_version`` and a ``schema_migrations`` table; :data:`MIGRATIONS` lists every step, and
opening a database applies the missing ones. Every failure is one :class:`~geo.errors.StoreError` that says
what is wrong with which file.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import platformdirs

from geo.errors import InputError, StoreError
from geo.itinerary.corrections import Correction, Corrections, item_from_json, item_to_json
from geo.model import Article

DATA_ENV = "GEO_DATA_DIR"
"""Environment variable naming the folder of the journey database (default: the user data folder)."""
APP_NAME = "geo-journey"
FILE_NAME = "journeys.sqlite"
BUSY_TIMEOUT_S = 10.0
"""How long a writer waits for another one (writes take milliseconds)."""
ID_BYTES = 6
"""Random bytes per id: 8 URL-safe characters."""
MAX_TITLE_CHARS = 200
_ID = re.compile(r"[A-Za-z0-9_-]{4,40}")

MIGRATIONS: tuple[tuple[int, str, tuple[str, ...]], ...] = (
    (1, "journeys, their articles and their corrections", (
        """CREATE TABLE journeys (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            created TEXT NOT NULL,
            updated TEXT NOT NULL)""",
        """CREATE TABLE articles (
            journey TEXT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            article_id TEXT NOT NULL,
            text TEXT NOT NULL,
            published TEXT NOT NULL,
            published_inferred INTEGER NOT NULL,
            publisher TEXT NOT NULL,
            title TEXT NOT NULL,
            dateline TEXT,
            language TEXT NOT NULL,
            url TEXT,
            PRIMARY KEY (journey, position))""",
        """CREATE TABLE corrections (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            journey TEXT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
            body TEXT NOT NULL,
            created TEXT NOT NULL)""",
        "CREATE INDEX corrections_by_journey ON corrections (journey, id)",
    )),
)  # fmt: skip
"""(version, what it does, SQL statements): each step brings the schema from version - 1 to version."""
SCHEMA_VERSION = MIGRATIONS[-1][0]


def default_store_path() -> Path:
    """``$GEO_DATA_DIR/journeys.sqlite``, else the file in this application's per-user data folder."""
    folder = os.environ.get(DATA_ENV) or platformdirs.user_data_dir(APP_NAME)
    return Path(folder) / FILE_NAME


@dataclass(frozen=True)
class JourneySummary:
    """One line of the list of saved journeys."""

    id: str
    title: str
    created: datetime
    updated: datetime
    articles: int
    corrections: int


@dataclass(frozen=True)
class SavedJourney:
    """What a journey is made from; ``correction_ids`` are the database ids of ``corrections.items``."""

    id: str
    title: str
    created: datetime
    updated: datetime
    articles: tuple[Article, ...]
    corrections: Corrections
    correction_ids: tuple[int, ...]


class JourneyStore:
    """The journey database at ``path`` (default: :func:`default_store_path`), created on first use."""

    def __init__(self, path: str | Path | None = None, *, now: Callable[[], datetime] | None = None) -> None:
        self.path = Path(path) if path is not None else default_store_path()
        self._now = now or (lambda: datetime.now(UTC))
        self._ready = False

    # --- connections ---------------------------------------------------------------------------------

    def _fail(self, error: BaseException) -> StoreError:
        text = str(error)
        lowered = text.lower()
        if "not a database" in lowered or "malformed" in lowered or "disk image" in lowered:
            why = ("the file is damaged or is not a journey database; move it away and the app starts a new "
                   "one")
        elif "readonly" in lowered or "read-only" in lowered or "unable to open" in lowered:
            why = "it cannot be written here (check the folder's permissions, or set GEO_DATA_DIR)"
        elif "locked" in lowered or "busy" in lowered:
            why = f"another program kept it busy for more than {BUSY_TIMEOUT_S:.0f} s; try again"
        elif isinstance(error, OSError) and error.strerror:
            why = (f"its folder cannot be created or opened ({error.strerror.lower()}); set GEO_DATA_DIR "
                   "to a folder you can write")
        else:
            why = text
        return StoreError(f"journey database {self.path}: {why}")

    @contextmanager
    def _connect(self, *, write: bool = False) -> Iterator[sqlite3.Connection]:
        """One connection and one transaction (``BEGIN IMMEDIATE`` to write); committed on success."""
        self._ensure_schema()
        try:
            connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        except (sqlite3.Error, OSError) as error:
            raise self._fail(error) from None
        try:
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            yield connection
            connection.execute("COMMIT")
        except sqlite3.Error as error:
            _rollback(connection)
            self._ready = False  # check the schema again next time (the file may have been replaced)
            raise self._fail(error) from None
        except BaseException:
            _rollback(connection)
            raise
        finally:
            connection.close()

    def _ensure_schema(self) -> None:
        if self._ready:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        except (sqlite3.Error, OSError) as error:
            raise self._fail(error) from None
        try:
            if connection.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                connection.execute("PRAGMA journal_mode = WAL")
            self._migrate(connection)
        except sqlite3.Error as error:
            raise self._fail(error) from None
        finally:
            connection.close()
        self._ready = True

    def _migrate(self, connection: sqlite3.Connection) -> None:
        """Bring the schema up to :data:`SCHEMA_VERSION`, one recorded step at a time, in one transaction."""
        if connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
            return
        connection.execute("BEGIN IMMEDIATE")
        try:
            version = int(connection.execute("PRAGMA user_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                raise StoreError(f"journey database {self.path}: made by a newer release (schema {version}; "
                                 f"this one reads up to {SCHEMA_VERSION}); update geo-journey")
            if version == 0 and _has_foreign_tables(connection):
                raise StoreError(f"journey database {self.path}: the file is another program's database; "
                                 "set GEO_DATA_DIR to another folder")
            connection.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                               "description TEXT NOT NULL, applied TEXT NOT NULL)")
            for step, description, statements in MIGRATIONS:
                if step <= version:
                    continue
                for statement in statements:
                    connection.execute(statement)
                connection.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                                   (step, description, self._stamp()))
                connection.execute(f"PRAGMA user_version = {int(step)}")
            connection.execute("COMMIT")
        except BaseException:
            _rollback(connection)
            raise

    def _stamp(self) -> str:
        return self._now().astimezone(UTC).isoformat(timespec="seconds")

    def check(self) -> None:
        """Open (creating or migrating) the database now; ``StoreError`` when it cannot be used."""
        with self._connect() as connection:
            connection.execute("SELECT count(*) FROM journeys").fetchone()

    # --- journeys ------------------------------------------------------------------------------------

    def create(self, articles: Sequence[Article], title: str,
               corrections: Corrections = Corrections()) -> str:  # noqa: B008 (immutable default)
        """Save a new journey; returns its id."""
        if not articles:
            raise InputError("a journey needs at least one article")
        title = _clean_title(title)
        stamp = self._stamp()
        with self._connect(write=True) as connection:
            journey_id = _new_id(connection)
            connection.execute("INSERT INTO journeys VALUES (?, ?, ?, ?)", (journey_id, title, stamp, stamp))
            connection.executemany(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(journey_id, i, *_article_row(article)) for i, article in enumerate(articles)],
            )
            connection.executemany(
                "INSERT INTO corrections (journey, body, created) VALUES (?, ?, ?)",
                [(journey_id, _body(item), stamp) for item in corrections.items],
            )
        return journey_id

    def get(self, journey_id: str) -> SavedJourney | None:
        """The saved journey with this id, or None (also for a malformed id: it comes from a URL)."""
        if not _ID.fullmatch(journey_id or ""):
            return None
        with self._connect() as connection:
            row = connection.execute("SELECT id, title, created, updated FROM journeys WHERE id = ?",
                                     (journey_id,)).fetchone()
            if row is None:
                return None
            articles = connection.execute(
                "SELECT article_id, text, published, published_inferred, publisher, title, dateline, "
                "language, url FROM articles WHERE journey = ? ORDER BY position", (journey_id,)).fetchall()
            corrections = connection.execute(
                "SELECT id, body FROM corrections WHERE journey = ? ORDER BY id", (journey_id,)).fetchall()
        items = tuple(self._correction(body, journey_id) for _, body in corrections)
        return SavedJourney(
            id=row[0], title=row[1], created=_parse_stamp(row[2]), updated=_parse_stamp(row[3]),
            articles=tuple(self._article(values, journey_id) for values in articles),
            corrections=Corrections(items), correction_ids=tuple(int(cid) for cid, _ in corrections),
        )

    def list(self) -> list[JourneySummary]:
        """Every saved journey, the most recently changed first."""
        with self._connect() as connection:
            rows = connection.execute(
                "SELECT j.id, j.title, j.created, j.updated, "
                "(SELECT count(*) FROM articles a WHERE a.journey = j.id), "
                "(SELECT count(*) FROM corrections c WHERE c.journey = j.id) "
                "FROM journeys j ORDER BY j.updated DESC, j.created DESC, j.id").fetchall()
        return [JourneySummary(row[0], row[1], _parse_stamp(row[2]), _parse_stamp(row[3]), int(row[4]),
                               int(row[5])) for row in rows]

    def rename(self, journey_id: str, title: str) -> bool:
        """Give the journey a new title; False when there is no such journey."""
        title = _clean_title(title)
        with self._connect(write=True) as connection:
            cursor = connection.execute("UPDATE journeys SET title = ?, updated = ? WHERE id = ?",
                                        (title, self._stamp(), journey_id))
        return cursor.rowcount > 0

    def delete(self, journey_id: str) -> bool:
        """Delete the journey with its articles and corrections; False when there is no such journey."""
        with self._connect(write=True) as connection:
            cursor = connection.execute("DELETE FROM journeys WHERE id = ?", (journey_id,))
        return cursor.rowcount > 0

    # --- corrections ---------------------------------------------------------------------------------

    def add_correction(self, journey_id: str, item: Correction) -> int:
        """Append one correction (applied after the earlier ones); returns its id."""
        stamp = self._stamp()
        with self._connect(write=True) as connection:
            self._touch(connection, journey_id, stamp)
            cursor = connection.execute("INSERT INTO corrections (journey, body, created) VALUES (?, ?, ?)",
                                        (journey_id, _body(item), stamp))
        return int(cursor.lastrowid or 0)

    def remove_correction(self, journey_id: str, correction_id: int) -> bool:
        """Undo one correction; False when it was already gone."""
        with self._connect(write=True) as connection:
            cursor = connection.execute("DELETE FROM corrections WHERE journey = ? AND id = ?",
                                        (journey_id, int(correction_id)))
            if cursor.rowcount:
                self._touch(connection, journey_id, self._stamp())
        return cursor.rowcount > 0

    def _touch(self, connection: sqlite3.Connection, journey_id: str, stamp: str) -> None:
        cursor = connection.execute("UPDATE journeys SET updated = ? WHERE id = ?", (stamp, journey_id))
        if cursor.rowcount == 0:
            raise StoreError(f"journey database {self.path}: no saved journey {journey_id!r} (deleted?)")

    # --- rows ----------------------------------------------------------------------------------------

    def _article(self, values: Sequence[Any], journey_id: str) -> Article:
        article_id, text, published, inferred, publisher, title, dateline, language, url = values
        try:
            moment = datetime.fromisoformat(published)
        except (TypeError, ValueError):
            raise StoreError(f"journey database {self.path}: journey {journey_id!r} has an article with a "
                             f"damaged date ({published!r})") from None
        return Article(id=article_id, text=text, published=moment, publisher=publisher, title=title,
                       dateline=dateline, language=language, url=url, published_inferred=bool(inferred))

    def _correction(self, body: str, journey_id: str) -> Correction:
        try:
            return item_from_json(json.loads(body), f"journey {journey_id}")
        except (ValueError, InputError) as error:
            raise StoreError(f"journey database {self.path}: a damaged correction: {error}") from None


def _rollback(connection: sqlite3.Connection) -> None:
    with contextlib.suppress(sqlite3.Error):
        if connection.in_transaction:
            connection.execute("ROLLBACK")


def _has_foreign_tables(connection: sqlite3.Connection) -> bool:
    names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return bool(names - {"schema_migrations"})


def _new_id(connection: sqlite3.Connection) -> str:
    while True:
        candidate = secrets.token_urlsafe(ID_BYTES)
        taken = connection.execute("SELECT 1 FROM journeys WHERE id = ?", (candidate,)).fetchone()
        if taken is None:
            return candidate


def _clean_title(title: str) -> str:
    cleaned = " ".join(str(title).split())
    if not cleaned:
        raise InputError("give the journey a title")
    if len(cleaned) > MAX_TITLE_CHARS:
        raise InputError(f"a title is at most {MAX_TITLE_CHARS} characters")
    return cleaned


def _body(item: Correction) -> str:
    return json.dumps(item_to_json(item), ensure_ascii=False)


def _article_row(article: Article) -> tuple[Any, ...]:
    return (article.id, article.text, article.published.isoformat(), int(article.published_inferred),
            article.publisher, article.title, article.dateline, article.language, article.url)


def _parse_stamp(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return datetime.fromtimestamp(0, UTC)
