"""Named sites that are not towns (cosmodromes, air bases, airports, islands), from ``data/landmarks.json``.

GeoNames cities500 lists populated places only; a leader's train that stops at a cosmodrome or a plane that
lands at an air base would otherwise lose that stop or take a namesake village.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from geo.datafiles import read_json_object
from geo.errors import DataError
from geo.model import Place
from geo.paths import DATA_DIR
from geo.reading.text import fold

LANDMARKS_PATH = DATA_DIR / "landmarks.json"


@dataclass(frozen=True)
class Landmark:
    name: str
    place: Place
    kind: str
    serves: str | None
    """The town an airport serves ("Vnukovo" → Moscow): the stop is shown as that town."""


@functools.cache
def load_landmarks(path: Path | None = None) -> dict[str, Landmark]:
    """Every name a landmark goes by (folded) → the landmark."""
    path = path or LANDMARKS_PATH
    data = read_json_object(path, "the landmarks")
    out: dict[str, Landmark] = {}
    try:
        for item in data["landmarks"]:
            kind = str(item["kind"])
            place = Place(
                name=str(item["name"]),
                latitude=float(item["latitude"]),
                longitude=float(item["longitude"]),
                country=str(item["country"]),
                kind="city",
                timezone=str(item["timezone"]),
                why=f"a {kind} listed in data/landmarks.json (GeoNames cities500 has no such town)",
            )
            landmark = Landmark(place.name, place, kind, item.get("serves"))
            for name in item["names"]:
                out[fold(name)] = landmark
    except (KeyError, TypeError, ValueError) as exc:
        raise DataError(f"cannot read {path}: {exc}") from exc
    return out
