"""Airports and air bases by the names news writers give them, from the ``airportsdata`` package.

Flights begin and end at airfields that GeoNames cities500 does not list ("Yokota Air Base", "Chubu
Centrair International Airport", "Casement Aerodrome"). ``data/landmarks.json`` keeps the few that need a
hand-made entry; this module finds the rest among the airfields of ``airportsdata`` (MIT, ICAO codes,
names, the town served, coordinates, IANA zones) that have an airline code or are named as air bases
(about 8,300 of 28,000). A writer rarely uses the official name, so both
sides are cut to their *core*: the words left once the airfield words of ``data/landmarks.json`` are taken
off either end ("Marine Corps Air Station Iwakuni" and "Iwakuni Marine Corps Air Station" are both
"Iwakuni"), and a bracketed other name counts too ("Leonardo Da Vinci (Fiumicino) International Airport"
is also "Fiumicino").
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

from geo.datafiles import read_json_object
from geo.errors import DataError
from geo.places.landmarks import LANDMARKS_PATH
from geo.reading.text import fold

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_BRACKETED = re.compile(r"\(([^)]*)\)")


@dataclass(frozen=True)
class Airfield:
    name: str
    city: str
    country: str
    latitude: float
    longitude: float
    timezone: str
    iata: str
    military: bool
    """Named as an air base or air station: a writer's "air base" prefers these."""


@dataclass(frozen=True)
class _Words:
    trim: frozenset[str]
    """Taken off either end of a name to find its core ("international", "airport", "air", "base")."""
    says: frozenset[str]
    """One of these makes a phrase an airfield's ("airport", "aerodrome", "airbase")."""
    pairs: frozenset[tuple[str, str]]
    """Or one of these word pairs ("air base", "air station", "joint base")."""
    military: frozenset[str]
    """Words of an air base's name: a writer's "air base" prefers such a field to a namesake airport."""


@functools.cache
def _words() -> _Words:
    data = read_json_object(LANDMARKS_PATH, "the landmarks")
    try:
        words = data["airfield_words"]
        folded = {key: frozenset(fold(w) for w in words[key]) for key in ("trim", "says", "military")}
        pairs = frozenset((fold(a), fold(b)) for a, b in (p.split() for p in words["pairs"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise DataError(f"cannot read {LANDMARKS_PATH}: airfield_words: {exc}") from exc
    return _Words(folded["trim"], folded["says"], pairs, folded["military"])


def airfield_trim() -> frozenset[str]:
    """The folded words an airfield's name may carry after its core ("air", "base", "airport")."""
    return _words().trim


def core(name: str) -> str:
    """The words of ``name`` left once airfield words are taken off, folded ("" if none): "Ireland West
    Airport Knock" is "Ireland West Knock Airport"."""
    stop = _words().trim
    return " ".join(w for w in (fold(w) for w in _WORD.findall(name)) if w not in stop)


def is_airfield_phrase(phrase: str) -> bool:
    """Whether a phrase names an airfield by its own words ("Yokota Air Base", "Fiumicino airport")."""
    words = [fold(w) for w in _WORD.findall(phrase)]
    known = _words()
    paired = any(pair in known.pairs for pair in itertools.pairwise(words))
    return (paired or bool(known.says.intersection(words))) and bool(core(phrase))


@functools.cache
def _index() -> dict[str, tuple[Airfield, ...]]:
    import airportsdata  # imported here: only a text that names an airfield pays for the table

    out: dict[str, list[Airfield]] = {}
    military = _words().military
    for row in airportsdata.load("ICAO").values():
        name = str(row["name"])
        named_military = bool({fold(w) for w in _WORD.findall(name)} & military)
        if not row["iata"] and not named_military:
            continue  # strips and private fields: no leader's flight uses one, and a third of the build
        field = Airfield(name, str(row["city"]), str(row["country"]), float(row["lat"]), float(row["lon"]),
                         str(row["tz"]), str(row["iata"]), named_military)
        keys = {core(_BRACKETED.sub(" ", name))} | {core(alt) for alt in _BRACKETED.findall(name)}
        town = fold(field.city)
        # "London Heathrow Airport" is "Heathrow airport" too: a name that opens with its town's
        keys |= {k[len(town) + 1 :] for k in keys if town and k.startswith(town + " ")}
        for key in keys - {""}:
            out.setdefault(key, []).append(field)
    return {k: tuple(v) for k, v in out.items()}


@functools.cache
def _tails() -> dict[str, tuple[Airfield, ...]]:
    """The airfields by the last two or more words of their names' cores: "Benito Juárez International
    Airport" is what writers call the "Licenciado Benito Juarez International Airport"."""
    out: dict[str, set[Airfield]] = {}
    for key, fields in _index().items():
        words = key.split()
        for n in range(2, len(words)):
            out.setdefault(" ".join(words[-n:]), set()).update(fields)
    return {k: tuple(sorted(v, key=lambda f: f.name)) for k, v in out.items()}


def find_airfield(phrase: str) -> Airfield | None:
    """The airfield ``phrase`` names, or None. Among namesakes: the kind the phrase says (air base or
    airport), then one with an airline code (a field that scheduled and state flights use), else none: a
    guess between equals would draw a wrong stop."""
    if not is_airfield_phrase(phrase):
        return None
    key = core(phrase)
    found = _index().get(key, ()) or (_tails().get(key, ()) if " " in key else ())
    said = {fold(w) for w in _WORD.findall(phrase)} & _words().military
    joint = re.search(r"(\w+)-\w+", phrase)
    if not found and said and joint:
        # "Joint Base Elmendorf-Richardson", "Joint Base Lewis-McChord": two bases merged under one name;
        # the first is the airfield's ("Elmendorf Air Force Base")
        found = tuple(f for f in _index().get(fold(joint.group(1)), ()) if f.military)
    if said:
        # "Clark Air Base" is not "Stephenville Clark Regional Airport": an air base named after a town's
        # civil airfield only by a word inside that airfield's name is none of it
        found = tuple(f for f in found if f.military or fold(f.name).startswith(key))
    if len(found) <= 1:
        return found[0] if found else None

    def rank(field: Airfield) -> tuple[bool, bool]:
        return (field.military == bool(said), bool(field.iata))

    best = max(found, key=rank)
    ties = [f for f in found if rank(f) == rank(best)]
    return best if len(ties) == 1 else None
