"""The evaluation set: one JSON file per case in ``<dir>/cases/``, its articles as text in ``<dir>/texts/``.

Every case file is checked when loaded (types, roles, modes, indices, that each time's ``phrase`` is in its
article); anything wrong is one ``InputError`` naming the file, so ``python -m geo evaluate`` ends with one
``error: …`` line. The format is described in ``data/eval/README.md``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from geo.errors import InputError

Split = Literal["dev", "heldout"]
SPLITS: tuple[Split, ...] = ("dev", "heldout")
ROLES = ("origin", "border", "waypoint", "destination")
MODES = ("rail", "road", "air", "sea")
EVENTS = ("arrive", "depart")


@dataclass(frozen=True)
class CaseArticle:
    """One article of a case: its text file, read once, and the metadata the reader is given."""

    file: str
    text: str
    published: datetime
    publisher: str
    title: str = ""
    dateline: str | None = None


@dataclass(frozen=True)
class GoldStop:
    """A stop of the traveller's journey. ``geonameid`` is None for a place not in GeoNames cities500;
    ``latitude``/``longitude`` are given in the file for those (else filled from the gazetteer)."""

    name: str
    geonameid: int | None
    role: str
    planned: bool = False
    named: bool = True
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class GoldTime:
    """A time an article states for the traveller's arrival at or departure from ``stops[stop]``."""

    stop: int
    event: str
    at: datetime
    precision_minutes: int
    article: int
    phrase: str


@dataclass(frozen=True)
class Case:
    """One evaluation case: one or more articles about one journey (or about none) and its gold."""

    id: str
    split: Split
    journey: str
    traveller: str
    surname: str
    """The traveller's family name ("Xi" for Xi Jinping); by default the last word of ``traveller``."""
    style: str
    decoys: tuple[str, ...]
    articles: tuple[CaseArticle, ...]
    stops: tuple[GoldStop, ...]
    hops: tuple[str, ...]
    times: tuple[GoldTime, ...]


def load_cases(directory: str | Path, split: str = "all") -> list[Case]:
    """Every case under ``directory/cases`` (sorted by id), optionally only one split."""
    root = Path(directory)
    case_dir = root / "cases"
    if not case_dir.is_dir():
        raise InputError(f"{case_dir}: no such directory (expected the evaluation cases there)")
    cases = [load_case(path, root / "texts") for path in sorted(case_dir.glob("*.json"))]
    if not cases:
        raise InputError(f"{case_dir}: no case files (*.json)")
    if split != "all":
        cases = [case for case in cases if case.split == split]
    return sorted(cases, key=lambda case: case.id)


def load_case(path: str | Path, text_dir: str | Path) -> Case:
    """One case file, checked; ``InputError`` naming the file on anything malformed."""
    path = Path(path)
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    except json.JSONDecodeError as err:
        raise InputError(f"{path}: not valid JSON ({err.msg} at line {err.lineno})") from None
    try:
        case = _case(data, Path(text_dir))
    except (KeyError, TypeError, ValueError) as err:
        message = f"missing key {err}" if isinstance(err, KeyError) else str(err)
        raise InputError(f"{path}: {message}") from None
    if case.id != path.stem:
        raise InputError(f"{path}: the id {case.id!r} must be the file name without .json")
    return case


def _case(data: Any, text_dir: Path) -> Case:
    _require(isinstance(data, dict), "a case must be a JSON object")
    split = _str(data, "split")
    _require(split in SPLITS, f"split must be one of {', '.join(SPLITS)}, not {split!r}")
    articles = tuple(_article(item, text_dir) for item in _list(data, "articles"))
    _require(bool(articles), "a case needs at least one article")
    stops = tuple(_stop(item) for item in _list(data, "stops"))
    hops = tuple(_list(data, "hops"))
    _require(len(hops) == max(0, len(stops) - 1), f"{len(stops)} stops need {max(0, len(stops) - 1)} hops")
    for mode in hops:
        _require(mode in MODES, f"hop mode must be one of {', '.join(MODES)}, not {mode!r}")
    times = tuple(_time(item, stops, articles) for item in _list(data, "times"))
    traveller = str(data.get("traveller") or "")
    _require(bool(traveller) or not stops, "a case with stops needs its traveller")
    return Case(
        id=_str(data, "id"),
        split=split,  # type: ignore[arg-type]
        journey=_str(data, "journey"),
        traveller=traveller,
        surname=str(data.get("surname") or (traveller.split() or [""])[-1]),
        style=str(data.get("style") or ""),
        decoys=tuple(str(d) for d in data.get("decoys", [])),
        articles=articles,
        stops=stops,
        hops=hops,
        times=times,
    )


def _article(item: Any, text_dir: Path) -> CaseArticle:
    _require(isinstance(item, dict), "each article must be an object")
    name = _str(item, "file")
    _require(Path(name).name == name, f"article file {name!r} must be a bare file name in texts/")
    path = text_dir / name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ValueError(f"article text {path} is missing") from None
    except (OSError, UnicodeDecodeError) as err:
        raise ValueError(f"article text {path} cannot be read ({err})") from None
    _require(bool(text.strip()), f"article text {path} is empty")
    published = _moment(_str(item, "published"), "published")
    dateline = item.get("dateline")
    return CaseArticle(
        file=name,
        text=text,
        published=published,
        publisher=str(item.get("publisher") or ""),
        title=str(item.get("title") or ""),
        dateline=str(dateline) if dateline else None,
    )


def _stop(item: Any) -> GoldStop:
    _require(isinstance(item, dict), "each stop must be an object")
    role = _str(item, "role")
    _require(role in ROLES, f"stop role must be one of {', '.join(ROLES)}, not {role!r}")
    raw_id = item.get("geonameid")
    _require(raw_id is None or (isinstance(raw_id, int) and raw_id > 0),
             f"geonameid must be a positive integer or null, not {raw_id!r}")
    lat, lon = item.get("latitude"), item.get("longitude")
    _require((lat is None) == (lon is None), "give both latitude and longitude, or neither")
    if lat is not None:
        _require(isinstance(lat, int | float) and isinstance(lon, int | float)
                 and -90 <= lat <= 90 and -180 <= lon <= 180, "latitude/longitude must be degrees")
    _require(raw_id is not None or lat is not None,
             f"stop {item.get('name')!r}: a stop without geonameid needs latitude and longitude")
    return GoldStop(
        name=_str(item, "name"),
        geonameid=raw_id,
        role=role,
        planned=bool(item.get("planned", False)),
        named=bool(item.get("named", True)),
        latitude=float(lat) if lat is not None else None,
        longitude=float(lon) if lon is not None else None,
    )


def _time(item: Any, stops: tuple[GoldStop, ...], articles: tuple[CaseArticle, ...]) -> GoldTime:
    _require(isinstance(item, dict), "each time must be an object")
    stop, article = item.get("stop"), item.get("article", 0)
    _require(isinstance(stop, int) and 0 <= stop < len(stops), f"time stop {stop!r} is not a stop index")
    _require(isinstance(article, int) and 0 <= article < len(articles),
             f"time article {article!r} is not an article index")
    event = _str(item, "event")
    _require(event in EVENTS, f"time event must be arrive or depart, not {event!r}")
    precision = item.get("precision_minutes", 0)
    _require(isinstance(precision, int) and precision >= 0, "precision_minutes must be a whole number ≥ 0")
    phrase = _str(item, "phrase")
    _require(phrase in articles[article].text,
             f"phrase {phrase!r} is not in {articles[article].file}")
    return GoldTime(stop=stop, event=event, at=_moment(_str(item, "at"), "at"),
                    precision_minutes=precision, article=article, phrase=phrase)


def _moment(value: str, key: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{key}: {value!r} is not an ISO 8601 date-time") from None
    _require(moment.tzinfo is not None, f"{key}: {value!r} needs a UTC offset")
    return moment


def _str(data: dict[str, Any], key: str) -> str:
    value = data[key]
    _require(isinstance(value, str) and bool(value.strip()), f"{key} must be a non-empty string")
    return str(value)


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    _require(isinstance(value, list), f"{key} must be a list")
    return list(value)


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise ValueError(message)
