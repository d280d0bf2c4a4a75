"""The domain: what the pipeline reads, finds and builds, as frozen dataclasses.

The data flows one way: ``Article`` → ``Mention`` (a span that names a ``Place``) → ``Stop`` and ``Hop``
(the itinerary told by the text) → ``Leg`` (a hop routed over the network, split at borders) →
``TimeWindow`` estimates → ``Stage`` rows of a ``Journey``. Every module imports from here and never
from a later step.

Coordinates are WGS84 degrees; distances are kilometres on the ellipsoid; datetimes are timezone-aware.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from shapely.geometry import LineString

Role = Literal["origin", "border", "waypoint", "destination"]
Mode = Literal["rail", "road", "air", "sea"]
MentionKind = Literal["name", "descriptive", "dateline"]
PlaceKind = Literal["city", "country", "region", "station", "water"]
StageKind = Literal["stop", "leg", "crossing"]
EventStatus = Literal["happened", "planned", "expected", "denied", "hypothetical", "earlier"]
PlaceRelation = Literal["from", "to", "at", "via"]
PinEvent = Literal["arrive", "depart"]


@dataclass(frozen=True)
class Article:
    """One news article: its unchanged body text and what we know about its publication."""

    id: str
    text: str
    published: datetime
    publisher: str = ""
    title: str = ""
    dateline: str | None = None
    language: str = "en"
    url: str | None = None
    published_inferred: bool = False
    """True when ``published`` was not given but inferred from dates in the text."""


@dataclass(frozen=True)
class Quote:
    """A passage of an article offered as evidence, with its character offsets in ``Article.text``."""

    text: str
    article: str
    publisher: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "article": self.article,
            "publisher": self.publisher,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class Place:
    """A geocoded place. ``why`` says how it was chosen when the name was ambiguous."""

    name: str
    latitude: float
    longitude: float
    country: str
    """ISO 3166-1 alpha-2 code, upper case; "" when unknown."""
    kind: PlaceKind = "city"
    geonameid: int | None = None
    population: int = 0
    admin1: str = ""
    timezone: str | None = None
    why: str = ""


@dataclass(frozen=True)
class Mention:
    """A span of an article that refers to a place, by name or by description."""

    article: str
    text: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    kind: MentionKind
    place: Place | None
    """The geocoded place; None for a descriptive reference that names no place."""
    description: str | None = None
    """For descriptive references, the whole phrase ("a station on the Chinese border")."""
    feature: str | None = None
    """What a descriptive reference is ("station", "city", "border")."""
    border_of: str | None = None
    """ISO code of the country whose border the reference lies on ("Chinese border" → "CN")."""
    country_hint: str | None = None
    """ISO code the surrounding words put the place in ("the Russian border town of Khasan" → "RU")."""
    airfield: Place | None = None
    """The airfield itself when the name is an airport that ``place``, the town it serves, stands for
    ("landed at Changi" is Singapore); a move between the two makes the airfield a stop of its own."""

    @property
    def is_area(self) -> bool:
        """A country or a region: where a move goes through or lies ("into China"), never a stop."""
        return self.place is not None and self.place.kind in ("country", "region")


@dataclass(frozen=True)
class Event:
    """One movement predicate read from the parse, as a frame: who moved, how, from/to/at/via where, when.

    ``token`` is the predicate's index in the article's parse, so time expressions can be tied to the verb
    they modify (not to the nearest name). ``places`` pairs each place mention with its relation to the move.
    """

    article: str
    token: int
    lemma: str
    mover: str
    """The person who moves, resolved ("Alexander Lukashenko"); "" when the text does not say."""
    mover_text: str
    """The mover as written ("his train", "he", "Kim")."""
    status: EventStatus
    places: tuple[tuple[PlaceRelation, Mention], ...]
    mode: Mode | None
    mode_text: str
    quote: Quote
    sentence_start: int
    sentence_end: int
    elaborates: bool = False
    """A participle that retells the same move ("landed in Baghdad, flying in from Rome"), not a next one."""
    backshifted: bool = False
    """Told in the past perfect ("had flown to X"): it happened before the moves told around it."""
    returning: bool = False
    """A move back ("returned to X", "flew back to X", "headed home"): its "to" place is visited again."""
    opens: bool = False
    """The journey's start is told ("a swing that opened in Jakarta", "the tour began in Moscow"): its "from"
    place is where the whole trip began, not just one hop."""
    home: bool = False
    """The move is told as going home and names no place ("before heading home", "returned home"): its
    place is where the journey began."""
    others: bool = False
    """The subject is neither a person nor a vehicle ("most of the journalists", "a TV crew"): whoever
    moves, it is not somebody the article names, so the move is not the traveller's by default."""


@dataclass(frozen=True)
class TimePin:
    """An editor's correction: the traveller arrived at / left stop ``stop`` (a ``Stop.seq``) at ``at``."""

    stop: int
    event: PinEvent
    at: datetime
    note: str = ""


@dataclass(frozen=True)
class Stop:
    """A place the traveller of this journey is at, in order. ``place`` is None while unresolved."""

    seq: int
    name: str
    role: Role
    place: Place | None
    quotes: tuple[Quote, ...] = ()
    inferred: bool = False
    """True when no article names the place (it was resolved from a description or the network)."""
    reason: str = ""
    description: str | None = None
    feature: str | None = None
    border_of: str | None = None
    country_hint: str | None = None
    planned: bool = False
    """True when the articles only say the traveller is to go there (planned or expected)."""
    events: tuple[Event, ...] = ()
    """The traveller's movement events that put them at this stop (evidence for its times)."""
    edited: bool = False
    """True when an editor's correction added this stop or changed its role."""
    edit_note: str = ""


@dataclass(frozen=True)
class Hop:
    """How the traveller got from ``stops[i]`` to ``stops[i + 1]``, as the text tells it."""

    mode: Mode
    mode_inferred: bool = False
    via_countries: tuple[str, ...] = ()
    """ISO codes of countries the text says the hop goes through ("through China" → ("CN",))."""
    quotes: tuple[Quote, ...] = ()
    reason: str = ""
    edited: bool = False
    """True when an editor's correction set this hop's mode."""
    edit_note: str = ""


@dataclass(frozen=True)
class Itinerary:
    """The text's account of the journey: stops in order and the hops between them."""

    stops: tuple[Stop, ...]
    hops: tuple[Hop, ...]
    traveller: str = ""
    pins: tuple[TimePin, ...] = ()
    """Times an editor pinned; the timing honours them before any article's statement."""


@dataclass(frozen=True)
class Station:
    """A node of the rail network: a gazetteer place on one or more lines."""

    geonameid: int
    name: str
    latitude: float
    longitude: float
    country: str
    timezone: str | None = None


@dataclass(frozen=True)
class Leg:
    """A stretch of travel between two points, routed on the network and split at borders.

    ``kind`` is "leg" for travel inside one country (or a whole hop) and "crossing" for the short stretch
    between the last station of one country and the first of the next.
    """

    seq: int
    kind: Literal["leg", "crossing"]
    start: str
    end: str
    mode: Mode
    geometry: LineString
    """Lon/lat line (full resolution)."""
    distance_km: float
    via: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    inferred_path: bool = True
    approximate: bool = False
    """True when the distance is an estimate (e.g. geodesic × a road factor)."""
    reason: str = ""
    quotes: tuple[Quote, ...] = ()
    from_stop: int | None = None
    """``Stop.seq`` this leg starts from, when it starts at a stop."""
    to_stop: int | None = None
    """``Stop.seq`` this leg ends at, when it ends at a stop."""
    start_timezone: str | None = None
    end_timezone: str | None = None


@dataclass(frozen=True)
class Route:
    """Stops with every unnamed one resolved (or explained as unresolvable) and the legs between them."""

    stops: tuple[Stop, ...]
    legs: tuple[Leg, ...]


@dataclass(frozen=True)
class TimeWindow:
    """An estimated instant: earliest possible, most likely, latest possible (aware datetimes)."""

    earliest: datetime | None = None
    likely: datetime | None = None
    latest: datetime | None = None

    def contains(self, moment: datetime) -> bool:
        lo = self.earliest is None or self.earliest <= moment
        hi = self.latest is None or moment <= self.latest
        return lo and hi


@dataclass(frozen=True)
class Anchor:
    """A time the articles state, tied to a stop or leg, and whether the estimate honours it."""

    kind: str
    """What the statement bounds: "arrive", "depart", "present" (at the stop within the window),
    "arrive_by" (before a dated event there), "on_leg" (a hop travelled within the window), "reported" (the
    article reports it as past: before publication), "planned" (reported as still to come: after
    publication), "duration", "dwell", "speed"."""
    expression: str
    """The time expression as written ("Saturday afternoon")."""
    quote: Quote
    earliest: datetime | None = None
    latest: datetime | None = None
    duration_hours: float | None = None
    stop: int | None = None
    leg: int | None = None
    satisfied: bool | None = None
    note: str = ""
    likely: datetime | None = None
    """The instant the text states, when it states one ("8:15 a.m."); None for a day or part of a day."""
    weak: bool = False
    """A plan, an expectation or a writer's estimate, not a report: honoured only where nothing stronger
    and the speed model disagree."""
    by_editor: bool = False
    """An editor's pinned time (``Itinerary.pins``), honoured before any article's statement."""


@dataclass(frozen=True)
class ReportedDistance:
    """A distance an article states for the whole journey or a stretch of it, beside the route's length."""

    expression: str
    """As written ("more than 3,000 kilometres")."""
    quote: Quote
    stated_km: float
    low_km: float | None
    high_km: float | None
    route_km: float
    """The routed length of the same stretch (km)."""
    from_stop: int | None = None
    to_stop: int | None = None
    legs: tuple[int, ...] = ()
    """``Leg.seq`` of the stretch the distance is said of."""
    vague: bool = False
    """Only an order of magnitude ("thousands of kilometers")."""
    agrees: bool | None = None
    """Whether ``route_km`` lies within [low_km, high_km]."""
    note: str = ""


@dataclass(frozen=True)
class Timing:
    """Arrival/departure windows at each stop and along each leg, and the anchors they honour."""

    stop_arrive: dict[int, TimeWindow] = field(default_factory=dict)
    stop_depart: dict[int, TimeWindow] = field(default_factory=dict)
    leg_depart: dict[int, TimeWindow] = field(default_factory=dict)
    leg_arrive: dict[int, TimeWindow] = field(default_factory=dict)
    anchors: tuple[Anchor, ...] = ()
    basis: str = ""
    reported_distances: tuple[ReportedDistance, ...] = ()
    """Distances the articles state, each beside the route's length of the same stretch."""
    leg_distance_km: dict[int, float] = field(default_factory=dict)
    """Road legs whose length an article states (``Leg.seq`` → km): the timing used this length, and the
    journey should show it instead of the estimated one (``geo.timing.estimate.with_stated_distances``)."""
    notes: tuple[str, ...] = ()
    """Where the speed model was overruled by stated times, and why."""


@dataclass(frozen=True)
class Stage:
    """One row of the journey table: a stop, a leg or a border crossing, with its times and evidence."""

    seq: int
    kind: StageKind
    title: str
    start: str
    end: str
    mode: Mode | None
    distance_km: float | None
    arrive: TimeWindow
    depart: TimeWindow
    timezone: str | None
    inferred: bool
    reason: str
    quotes: tuple[Quote, ...]
    stop: int | None = None
    leg: int | None = None
