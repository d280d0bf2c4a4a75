"""Read articles: our JSON files (text plus publication metadata) or plain text with a given date.

Article text is untrusted input: it is checked for size, encoding and emptiness here, once, so every later
step can assume a readable, non-empty text.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from geo.errors import InputError
from geo.model import Article
from geo.paths import DATA_DIR

MAX_ARTICLE_BYTES = 2_000_000
"""Largest article file accepted (bytes); news articles are tens of kilobytes."""

TEXT_SUFFIXES = {".txt", ".md", ".text", ""}


class InferredDateWarning(UserWarning):
    """The publication date was not given and was read from the latest absolute date in the text."""


def bundled_article_paths() -> list[Path]:
    """The articles shipped in ``data/articles/``, in file-name order."""
    return sorted((DATA_DIR / "articles").glob("*.json"))


def load_articles(paths: Iterable[str | Path], published: datetime | None = None) -> list[Article]:
    """Load several articles; ids are made unique (a second ``a.txt`` becomes ``a-2``)."""
    articles: list[Article] = []
    for path in paths:
        article = load_article(path, published=published)
        articles.append(replace(article, id=_unique_id(article.id, articles)))
    if not articles:
        raise InputError("no articles given")
    return articles


def load_article(path: str | Path, published: datetime | None = None) -> Article:
    """Read one article file: ``.json`` in our format, anything else as plain UTF-8 text.

    ``published`` applies to plain text only: a JSON article carries its own date.
    """
    path = Path(path)
    raw = _read_bytes(path)
    text = decode_text(raw, str(path))
    if path.suffix.lower() == ".json":
        return _article_from_json(text, path)
    return article_from_text(text, published, id=path.stem or "article", source=str(path))


BARE_DATE_HOUR_UTC = 12
"""A publication date without a time is read as noon UTC: the same calendar day from UTC-11 to UTC+11."""


def articles_from_sources(
    sources: Sequence[tuple[str, bytes]], published: date | None = None, publisher: str = ""
) -> list[Article]:
    """Articles from (file name, bytes) pairs, e.g. uploads or pasted text; ids unique by file stem.

    Each source is checked like a file (size, encoding, emptiness); ``InputError`` names the bad one.
    """
    when = datetime.combine(published, time(BARE_DATE_HOUR_UTC), tzinfo=UTC) if published else None
    articles: list[Article] = []
    for name, raw in sources:
        text = decode_text(raw, name)
        article_id = _unique_id(Path(name).stem or "article", articles)
        articles.append(
            article_from_text(text, when, id=article_id, publisher=publisher.strip(), source=name)
        )
    if not articles:
        raise InputError("add an article first: a .txt/.md file or pasted text")
    return articles


def decode_text(raw: bytes, name: str = "input") -> str:
    """UTF-8 (with or without BOM) text, non-empty, no NUL bytes — else one clear ``InputError``."""
    if len(raw) > MAX_ARTICLE_BYTES:
        raise InputError(f"{name}: too large ({len(raw):,} bytes; the limit is {MAX_ARTICLE_BYTES:,})")
    if b"\x00" in raw:
        raise InputError(f"{name}: looks like a binary file (it contains NUL bytes), not an article")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(
            f"{name}: not UTF-8 text (undecodable byte 0x{raw[err.start]:02x} at offset {err.start})"
        ) from None
    if not text.strip():
        raise InputError(f"{name}: the article is empty")
    return text


def article_from_text(
    text: str,
    published: datetime | None = None,
    *,
    id: str = "article",
    publisher: str = "",
    title: str = "",
    source: str | None = None,
) -> Article:
    """An ``Article`` from bare text. Without ``published``, the latest absolute date in the text is used
    (midnight UTC) and an ``InferredDateWarning`` says so; with no date at all it is an ``InputError``.
    ``source`` (a file name) is what messages call the article; the id by default.
    """
    label = source or id
    if not text.strip():
        raise InputError(f"{label}: the article is empty")
    inferred = published is None
    if published is None:
        latest = latest_absolute_date(text)
        if latest is None:
            raise InputError(
                f"{label}: no publication date given and none found in the text "
                "(give a publication date, YYYY-MM-DD)"
            )
        published = datetime(latest.year, latest.month, latest.day, tzinfo=UTC)
        warnings.warn(
            f"{label}: no publication date given; using {latest.isoformat()}, the latest date in the text",
            InferredDateWarning,
            stacklevel=2,
        )
    elif published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    return Article(
        id=id,
        text=text,
        published=published,
        publisher=publisher,
        title=title or _first_line(text),
        published_inferred=inferred,
    )


def parse_published(value: str) -> datetime:
    """``--published`` values: ``YYYY-MM-DD`` or a full ISO 8601 datetime; no offset means UTC."""
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise InputError(
            f"--published: {value!r} is not a date like YYYY-MM-DD or YYYY-MM-DDTHH:MM+HH:MM"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_ABSOLUTE_DATES = [
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})\b"),
    re.compile(rf"\b(?P<day>\d{{1,2}})\s+{_MONTH}\s+(?P<year>\d{{4}})\b"),
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
]


def latest_absolute_date(text: str) -> date | None:
    """The latest fully written date ("February 3, 2020", "3 Feb 2020", "2020-02-03") in the text."""
    found: list[date] = []
    for pattern in _ABSOLUTE_DATES:
        for match in pattern.finditer(text):
            month_text = match.group("month")
            month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text.lower())
            if month is None:
                continue
            try:
                found.append(date(int(match.group("year")), month, int(match.group("day"))))
            except ValueError:
                continue
    return max(found, default=None)


_REQUIRED = ("text", "published")


def _article_from_json(text: str, path: Path) -> Article:
    """Our article format; its own ``published`` wins over any date given for plain-text files."""
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(f"{path}: not valid JSON ({err.msg} at line {err.lineno})") from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: expected a JSON object with 'text' and 'published'")
    missing = [key for key in _REQUIRED if not isinstance(data.get(key), str) or not data[key].strip()]
    if missing:
        raise InputError(f"{path}: missing or empty field(s): {', '.join(missing)}")
    when = parse_published(data["published"])
    return Article(
        id=str(data.get("id") or path.stem),
        text=data["text"],
        published=when,
        publisher=str(data.get("publisher") or ""),
        title=str(data.get("title") or _first_line(data["text"])),
        dateline=data.get("dateline"),
        language=str(data.get("language") or "en"),
        url=data.get("url"),
    )


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not an article file")
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise InputError(f"{path}: too large ({size:,} bytes; the limit is {MAX_ARTICLE_BYTES:,})")
        return path.read_bytes()
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror})") from None


def _first_line(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line[:120]


def _unique_id(base: str, taken: Iterable[Article]) -> str:
    """``base``, or ``base-2``, ``base-3``… when an article already has that id."""
    ids = {article.id for article in taken}
    candidate, n = base, 1
    while candidate in ids:
        n += 1
        candidate = f"{base}-{n}"
    return candidate
