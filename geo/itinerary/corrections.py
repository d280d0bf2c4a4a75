"""An editor's corrections to the itinerary the reader found, and how they are applied.

An editor can drop a stop the reader got wrong, add one it missed (geocoded by name; a GeoNames id settles an
ambiguous name), change a stop's role or a hop's mode, and pin a time with a note. The corrections are data:
one JSON format for the command line's ``--corrections FILE`` and for the rows of the journey database, and
:func:`apply_corrections` turns the reader's ``Itinerary`` into the corrected one *before* routing, so the
route and the times are recomputed from it rather than patched afterwards.

Corrections name stops by GeoNames id when they have one and by name otherwise (case and accents ignored),
never only by position, because the reader's numbering may change from one release to the next. A correction
that no longer matches any stop is skipped with a :class:`CorrectionWarning`, so a stale one never loses the
journey. The JSON format (``version`` 1)::

    {"format": "geo-journey corrections", "version": 1, "corrections": [
      {"action": "drop", "stop": "Springfield", "note": "another town of that name"},
      {"action": "add", "name": "Shelbyville", "geonameid": 123, "after": "Ogdenville", "role": "waypoint"},
      {"action": "role", "stop": {"name": "Capital City", "geonameid": 456}, "role": "border"},
      {"action": "mode", "from": "Shelbyville", "to": "Capital City", "mode": "road"},
      {"action": "pin", "stop": "Capital City", "event": "arrive", "at": "2020-05-04T10:30+02:00",
       "note": "station clock in the photo"}]}
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, get_args

from geopy.distance import great_circle

from geo.errors import InputError, NoJourneyError
from geo.model import Hop, Itinerary, Mode, PinEvent, Place, Role, Stop, TimePin
from geo.places.geocoder import GazetteerGeocoder, place_from_location
from geo.reading.text import fold

FORMAT = "geo-journey corrections"
VERSION = 1
MAX_NOTE_CHARS = 500
MAX_CORRECTIONS = 500
MAX_FILE_BYTES = 1_000_000
CANDIDATE_LIMIT = 8
"""At most this many places are offered when a name is ambiguous."""

Action = Literal["drop", "add", "role", "mode", "pin"]


class CorrectionWarning(UserWarning):
    """A correction was skipped: the stop it names is not in the itinerary (any more)."""


@dataclass(frozen=True)
class StopRef:
    """A stop named by an editor: by GeoNames id when it has one, else by name."""

    name: str = ""
    geonameid: int | None = None

    def __str__(self) -> str:
        return self.name or f"GeoNames {self.geonameid}"

    @classmethod
    def of(cls, stop: Stop) -> StopRef:
        """How a correction names ``stop``: its name, and its GeoNames id when it has one."""
        return cls(stop.name, stop.place.geonameid if stop.place else None)


@dataclass(frozen=True)
class DropStop:
    stop: StopRef
    note: str = ""
    action: Action = field(default="drop", init=False)


@dataclass(frozen=True)
class AddStop:
    """A stop the reader missed. Without ``after``/``before`` it goes where it lengthens the trip least."""

    name: str
    geonameid: int | None = None
    after: StopRef | None = None
    before: StopRef | None = None
    role: Role | None = None
    """None: origin when first, destination when last, else waypoint."""
    note: str = ""
    action: Action = field(default="add", init=False)


@dataclass(frozen=True)
class SetRole:
    stop: StopRef
    role: Role
    note: str = ""
    action: Action = field(default="role", init=False)


@dataclass(frozen=True)
class SetMode:
    """The mode of the hop that leaves ``start`` (and, when given, reaches ``end``)."""

    start: StopRef
    mode: Mode
    end: StopRef | None = None
    note: str = ""
    action: Action = field(default="mode", init=False)


@dataclass(frozen=True)
class PinTime:
    """The traveller arrived at / left ``stop`` at ``at`` (timezone-aware), as the editor knows."""

    stop: StopRef
    event: PinEvent
    at: datetime
    note: str = ""
    action: Action = field(default="pin", init=False)


Correction = DropStop | AddStop | SetRole | SetMode | PinTime


@dataclass(frozen=True)
class Corrections:
    """An editor's corrections, applied in order (a later one may name a stop an earlier one added)."""

    items: tuple[Correction, ...] = ()

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)

    def adding(self, item: Correction) -> Corrections:
        return Corrections((*self.items, item))

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": VERSION, "corrections": [item_to_json(i) for i in self.items]}

    def to_text(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, indent=1) + "\n"


# --- reading and writing ---------------------------------------------------------------------------------


def _ref_json(ref: StopRef) -> str | dict[str, Any]:
    if ref.geonameid is None:
        return ref.name
    return {"name": ref.name, "geonameid": ref.geonameid} if ref.name else {"geonameid": ref.geonameid}


def item_to_json(item: Correction) -> dict[str, Any]:
    """One correction as the JSON object of the file format (also one row of the journey database)."""
    data: dict[str, Any] = {"action": item.action}
    if isinstance(item, DropStop):
        data["stop"] = _ref_json(item.stop)
    elif isinstance(item, AddStop):
        data["name"] = item.name
        if item.geonameid is not None:
            data["geonameid"] = item.geonameid
        if item.after is not None:
            data["after"] = _ref_json(item.after)
        if item.before is not None:
            data["before"] = _ref_json(item.before)
        if item.role is not None:
            data["role"] = item.role
    elif isinstance(item, SetRole):
        data |= {"stop": _ref_json(item.stop), "role": item.role}
    elif isinstance(item, SetMode):
        data["from"] = _ref_json(item.start)
        if item.end is not None:
            data["to"] = _ref_json(item.end)
        data["mode"] = item.mode
    else:
        at = item.at.isoformat(timespec="minutes")
        data |= {"stop": _ref_json(item.stop), "event": item.event, "at": at}
    if item.note:
        data["note"] = item.note
    return data


class _Reader:
    """Checks one JSON object of the format; every problem is an ``InputError`` naming where it is."""

    def __init__(self, data: Any, where: str) -> None:
        if not isinstance(data, dict):
            raise InputError(f"{where}: a correction must be a JSON object")
        self.data: dict[str, Any] = data
        self.where = where

    def fail(self, message: str) -> InputError:
        return InputError(f"{self.where}: {message}")

    def text(self, key: str, *, required: bool = True, limit: int = 200) -> str:
        value = self.data.get(key, "")
        if not isinstance(value, str) or (required and not value.strip()):
            kind = "a non-empty string" if required else "a string"
            raise self.fail(f"{key!r} must be {kind}")
        if len(value) > limit:
            raise self.fail(f"{key!r} is longer than {limit} characters")
        return value.strip()

    def choice(self, key: str, options: Iterable[str], *, required: bool = True) -> Any:
        value = self.data.get(key)
        if value is None and not required:
            return None
        allowed = tuple(options)
        if value not in allowed:
            raise self.fail(f"{key!r} must be one of {', '.join(allowed)}")
        return value

    def geonameid(self, data: Mapping[str, Any] | None = None) -> int | None:
        value = (self.data if data is None else data).get("geonameid")
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail("'geonameid' must be an integer")
        return value

    def ref(self, key: str, *, required: bool = True) -> StopRef | None:
        value = self.data.get(key)
        if value is None and not required:
            return None
        if isinstance(value, str) and value.strip():
            return StopRef(name=value.strip())
        if isinstance(value, dict):
            name = value.get("name", "")
            geonameid = self.geonameid(value)
            if isinstance(name, str) and (name.strip() or geonameid is not None):
                return StopRef(name=name.strip(), geonameid=geonameid)
        raise self.fail(f"{key!r} must name a stop: a name, or {{\"name\": …, \"geonameid\": …}}")

    def moment(self, key: str) -> datetime:
        raw = self.text(key)
        try:
            moment = datetime.fromisoformat(raw)
        except ValueError:
            raise self.fail(f"{key!r}: {raw!r} is not an ISO 8601 time like 2024-08-23T07:50+03:00") from None
        if moment.tzinfo is None:
            raise self.fail(f"{key!r}: {raw!r} has no UTC offset (write it like 2024-08-23T07:50+03:00)")
        return moment


def item_from_json(data: Any, where: str = "correction") -> Correction:
    """One correction from its JSON object; ``InputError`` saying what is wrong and where."""
    read = _Reader(data, where)
    action = read.choice("action", get_args(Action))
    note = read.text("note", required=False, limit=MAX_NOTE_CHARS)
    if action == "drop":
        return DropStop(_required(read.ref("stop")), note)
    if action == "add":
        after, before = read.ref("after", required=False), read.ref("before", required=False)
        if after is not None and before is not None:
            raise read.fail("give 'after' or 'before', not both")
        role = read.choice("role", get_args(Role), required=False)
        return AddStop(read.text("name"), read.geonameid(), after, before, role, note)
    if action == "role":
        return SetRole(_required(read.ref("stop")), read.choice("role", get_args(Role)), note)
    if action == "mode":
        start = _required(read.ref("from"))
        return SetMode(start, read.choice("mode", get_args(Mode)), read.ref("to", required=False), note)
    event = read.choice("event", get_args(PinEvent))
    return PinTime(_required(read.ref("stop")), event, read.moment("at"), note)


def _required(ref: StopRef | None) -> StopRef:
    assert ref is not None  # ``_Reader.ref(required=True)`` raises instead of returning None
    return ref


def corrections_from_json(data: Any, source: str = "corrections") -> Corrections:
    """``Corrections`` from the parsed JSON of the file format; ``InputError`` for anything malformed."""
    if not isinstance(data, dict):
        raise InputError(f"{source}: expected a JSON object with a 'corrections' list")
    if data.get("format", FORMAT) != FORMAT:
        raise InputError(f"{source}: not a corrections file (format {data.get('format')!r})")
    version = data.get("version", VERSION)
    if not isinstance(version, int) or version > VERSION:
        raise InputError(f"{source}: corrections version {version!r} is newer than this program reads "
                         f"({VERSION}); update geo-journey")
    items = data.get("corrections")
    if not isinstance(items, list):
        raise InputError(f"{source}: expected a 'corrections' list")
    if len(items) > MAX_CORRECTIONS:
        raise InputError(f"{source}: more than {MAX_CORRECTIONS} corrections")
    return Corrections(tuple(item_from_json(item, f"{source}: correction {i}")
                             for i, item in enumerate(items, start=1)))


def load_corrections(path: str | Path) -> Corrections:
    """Read a corrections file (UTF-8 JSON); one ``InputError`` naming the file for anything wrong."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise InputError(f"{path}: too large for a corrections file (limit {MAX_FILE_BYTES:,} bytes)")
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a corrections file") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(f"{path}: not valid JSON ({err.msg} at line {err.lineno})") from None
    return corrections_from_json(data, str(path))


def describe(item: Correction) -> str:
    """One line for people: ``Drop Przemyśl``, ``Pin arrival at Vladivostok: 2024-08-23 07:50 +03:00``."""
    if isinstance(item, DropStop):
        text = f"Drop {item.stop}"
    elif isinstance(item, AddStop):
        where = f" after {item.after}" if item.after else f" before {item.before}" if item.before else ""
        text = f"Add {item.name}{where}" + (f" as {item.role}" if item.role else "")
    elif isinstance(item, SetRole):
        text = f"{item.stop}: role {item.role}"
    elif isinstance(item, SetMode):
        text = f"{item.start} → {item.end or 'next stop'}: by {item.mode}"
    else:
        label = "arrival at" if item.event == "arrive" else "departure from"
        text = f"Pin {label} {item.stop}: {item.at:%Y-%m-%d %H:%M %z}"
    return text + (f" — {item.note}" if item.note else "")


# --- places ----------------------------------------------------------------------------------------------


def place_candidates(
    name: str, geocoder: GazetteerGeocoder, near: Sequence[Place] = (), limit: int = CANDIDATE_LIMIT
) -> list[Place]:
    """Places called ``name``, best first (nearest to ``near``, then most populous), for an editor to pick."""
    points = [(p.latitude, p.longitude) for p in near]
    found = geocoder.geocode(name, exactly_one=False, near=points or None, limit=limit)
    return [place_from_location(location) for location in found or []] if isinstance(found, list) else []


def _place_for(item: AddStop, geocoder: GazetteerGeocoder, near: Sequence[Place]) -> Place | None:
    candidates = place_candidates(item.name, geocoder, near, limit=50)
    if item.geonameid is not None:
        chosen = next((p for p in candidates if p.geonameid == item.geonameid), None)
        if chosen is None:
            entry = geocoder.gazetteer.get(item.geonameid)
            if entry is None:
                raise InputError(f"add {item.name}: no GeoNames id {item.geonameid} in the gazetteer")
            chosen = Place(entry.name, entry.latitude, entry.longitude, entry.country_code,
                           kind="country" if entry.kind == "country" else "city", geonameid=entry.geonameid,
                           population=entry.population, admin1=entry.admin1, timezone=entry.timezone)
        return replace(chosen, why=f"the place the editor chose (GeoNames {item.geonameid})")
    return candidates[0] if candidates else None


# --- applying --------------------------------------------------------------------------------------------


@dataclass
class _Draft:
    """The itinerary while corrections are applied: stops keyed by an id that survives renumbering."""

    stops: list[Stop]
    hops: list[Hop]
    pins: dict[tuple[int, PinEvent], TimePin]
    next_id: int = -1

    def find(self, ref: StopRef) -> int | None:
        """Index of the first stop ``ref`` names: by GeoNames id first, then by name."""
        if ref.geonameid is not None:
            for i, stop in enumerate(self.stops):
                if stop.place is not None and stop.place.geonameid == ref.geonameid:
                    return i
        key = fold(ref.name)
        if not key:
            return None
        for i, stop in enumerate(self.stops):
            names = (stop.name, stop.place.name if stop.place else "", stop.description or "")
            if key in {fold(name) for name in names if name}:
                return i
        return None


def apply_corrections(
    itinerary: Itinerary, corrections: Corrections, geocoder: GazetteerGeocoder
) -> Itinerary:
    """The itinerary with the editor's corrections applied in order, every changed part marked ``edited``.

    Stops are renumbered 0…n-1 and pins refer to the new numbers. A correction naming no stop of the
    itinerary is skipped with a ``CorrectionWarning``; an added name the gazetteer lacks is kept unplaced
    (the route then looks for a rail station of that name). Raises ``NoJourneyError`` when fewer than two
    stops are left, ``InputError`` for a GeoNames id the gazetteer does not know.
    """
    pins = {(pin.stop, pin.event): pin for pin in itinerary.pins}
    draft = _Draft(list(itinerary.stops), list(itinerary.hops), pins)
    for item in corrections.items:
        if isinstance(item, DropStop):
            _drop(draft, item)
        elif isinstance(item, AddStop):
            _add(draft, item, geocoder)
        elif isinstance(item, SetRole):
            _set_role(draft, item)
        elif isinstance(item, SetMode):
            _set_mode(draft, item)
        else:
            _pin(draft, item)
    if len(draft.stops) < 2:
        raise NoJourneyError("the corrections leave fewer than two stops, so there is no journey to draw")
    return _renumbered(itinerary, draft)


def _skip(item: Correction, ref: StopRef) -> None:
    warnings.warn(f"correction skipped ({describe(item)}): no stop called {ref} in the itinerary",
                  CorrectionWarning, stacklevel=3)


def _drop(draft: _Draft, item: DropStop) -> None:
    index = draft.find(item.stop)
    if index is None:
        _skip(item, item.stop)
        return
    dropped = draft.stops.pop(index)
    what = f"{dropped.name} dropped by the editor" + (f": {item.note}" if item.note else "")
    if not draft.hops:
        return
    if index == 0 or index > len(draft.hops) - 1:
        draft.hops.pop(0 if index == 0 else index - 1)
        _restore_ends(draft)
        return
    before, after = draft.hops[index - 1], draft.hops[index]
    same = before.mode == after.mode
    draft.hops[index - 1 : index + 1] = [
        Hop(mode=before.mode, mode_inferred=before.mode_inferred or not same,
            via_countries=tuple(dict.fromkeys((*before.via_countries, *after.via_countries))),
            quotes=tuple(dict.fromkeys((*before.quotes, *after.quotes))),
            reason=before.reason if same else f"{before.reason} {after.reason}".strip(),
            edited=True, edit_note=_join(before.edit_note, after.edit_note, what))
    ]


def _restore_ends(draft: _Draft) -> None:
    """After the first or last stop is dropped, the new end takes its role unless the editor set one."""
    ends: tuple[tuple[int, Role], ...] = ((0, "origin"), (len(draft.stops) - 1, "destination"))
    for index, role in ends:
        stop = draft.stops[index] if draft.stops else None
        if stop is not None and not stop.edited and stop.role != role:
            draft.stops[index] = replace(stop, role=role)


def _add(draft: _Draft, item: AddStop, geocoder: GazetteerGeocoder) -> None:
    anchor = item.after or item.before
    if anchor is not None:
        found = draft.find(anchor)
        if found is None:
            _skip(item, anchor)
            return
        index = found + 1 if item.after is not None else found
    else:
        index = None
    near = [s.place for s in draft.stops if s.place is not None]
    place = _place_for(item, geocoder, near)
    if index is None:
        index = _cheapest_position(draft.stops, place)
    count = len(draft.stops)
    role: Role = item.role or ("origin" if index == 0 else "destination" if index == count else "waypoint")
    note = item.note
    if place is not None:
        where = f"{place.name}, {place.country}" if place.country else place.name
        why = f": {place.why}." if place.why else "."
        said = f" ({note})" if note else ""
        reason = f"Added by the editor{said}; no article names it here. At {where}{why}"
    else:
        reason = (f"Added by the editor{f' ({note})' if note else ''}; the gazetteer has no place called "
                  f"{item.name!r}, so the route looks for a rail station of that name.")
    stop = Stop(seq=draft.next_id, name=place.name if place else item.name, role=role, place=place,
                inferred=place is not None, reason=reason, edited=True,
                edit_note=note or "added by the editor")
    draft.next_id -= 1
    if item.role is None and count:
        if index == 0 and draft.stops[0].role == "origin":
            draft.stops[0] = replace(draft.stops[0], role="waypoint")
        if index == count and draft.stops[-1].role == "destination":
            draft.stops[-1] = replace(draft.stops[-1], role="waypoint")
    draft.stops.insert(index, stop)
    _split_hop(draft, index, stop)


def _split_hop(draft: _Draft, index: int, stop: Stop) -> None:
    """Hops around a stop inserted at ``index``: the hop it sits on is split in two with the same mode."""
    count = len(draft.stops)
    if count < 2:
        return
    note = f"{stop.name} added by the editor"
    if index == 0 or index == count - 1:
        neighbour = draft.hops[0] if index == 0 and draft.hops else draft.hops[-1] if draft.hops else None
        mode: Mode = neighbour.mode if neighbour else "rail"
        hop = Hop(mode=mode, mode_inferred=True, reason=f"{note}; the mode is assumed from the next hop.",
                  edited=True, edit_note=note)
        draft.hops.insert(0 if index == 0 else len(draft.hops), hop)
        return
    old = draft.hops[index - 1]
    half = replace(old, edited=True, edit_note=_join(old.edit_note, note))
    draft.hops[index - 1 : index] = [half, half]


def _cheapest_position(stops: Sequence[Stop], place: Place | None) -> int:
    """Where a new stop lengthens the trip least (between two placed stops); at the end when unknown."""
    if place is None:
        return len(stops)
    here = (place.latitude, place.longitude)
    best, best_km = len(stops), float("inf")
    for i in range(1, len(stops)):
        a, b = stops[i - 1].place, stops[i].place
        if a is None or b is None:
            continue
        pa, pb = (a.latitude, a.longitude), (b.latitude, b.longitude)
        extra = great_circle(pa, here).km + great_circle(here, pb).km - great_circle(pa, pb).km
        if extra < best_km:
            best, best_km = i, extra
    return best


def _set_role(draft: _Draft, item: SetRole) -> None:
    index = draft.find(item.stop)
    if index is None:
        _skip(item, item.stop)
        return
    stop = draft.stops[index]
    note = item.note or f"role set to {item.role} by the editor"
    draft.stops[index] = replace(stop, role=item.role, edited=True, edit_note=_join(stop.edit_note, note))


def _set_mode(draft: _Draft, item: SetMode) -> None:
    index = draft.find(item.start)
    if index is None or index >= len(draft.hops):
        _skip(item, item.start)
        return
    if item.end is not None and draft.find(item.end) != index + 1:
        _skip(item, item.end)
        return
    hop = draft.hops[index]
    a, b = draft.stops[index].name, draft.stops[index + 1].name
    note = item.note or f"mode set to {item.mode} by the editor"
    reason = f"The editor says {a} → {b} is by {item.mode}" + (f" ({item.note})." if item.note else ".")
    draft.hops[index] = replace(hop, mode=item.mode, mode_inferred=False, reason=reason, edited=True,
                                edit_note=_join(hop.edit_note, note))


def _pin(draft: _Draft, item: PinTime) -> None:
    index = draft.find(item.stop)
    if index is None:
        _skip(item, item.stop)
        return
    seq = draft.stops[index].seq
    draft.pins[(seq, item.event)] = TimePin(seq, item.event, item.at, item.note)


def _renumbered(itinerary: Itinerary, draft: _Draft) -> Itinerary:
    new_seq = {stop.seq: i for i, stop in enumerate(draft.stops)}
    stops = tuple(replace(stop, seq=i) for i, stop in enumerate(draft.stops))
    pins = tuple(replace(pin, stop=new_seq[pin.stop]) for pin in draft.pins.values() if pin.stop in new_seq)
    return replace(itinerary, stops=stops, hops=tuple(draft.hops), pins=pins)


def _join(*notes: str) -> str:
    return "; ".join(dict.fromkeys(note for note in notes if note))
