"""The English word lists of ``data/lexicon.json``: what words mean for a journey, read once per process."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from geo.datafiles import read_json_object
from geo.errors import DataError
from geo.model import Mode
from geo.paths import DATA_DIR
from geo.reading.text import fold

LEXICON_PATH = DATA_DIR / "lexicon.json"


@dataclass(frozen=True)
class Motion:
    """What one movement lemma says (see ``movement_note`` in the data file)."""

    object: str | None = None
    arrival: bool = False
    presence: bool = False
    mode: Mode | None = None
    passive_only: bool = False
    event: bool = False
    at_place: bool = False
    at_means: str | None = None
    needs_object: frozenset[str] = frozenset()
    needs_particle: frozenset[str] = frozenset()
    passive_moves: bool = False
    """In the passive it is a move without the object it otherwise needs ("was taken to Bucha")."""
    vehicle_only: bool = False
    """A move only with a vehicle for subject ("the train sat in Przemyśl"; "the leaders sat down": none)."""
    journey_only: bool = False
    """A move only with a journey for subject ("a swing that opened in Jakarta"; "the King opened the
    summit in Apia": none)."""
    yields_mode: bool = False
    """Its mode gives way to a vehicle the verb it is joined to names ("crossed in the steamer Biarritz and
    landed at Folkestone" came by sea)."""


@dataclass(frozen=True, eq=False)
class Lexicon:
    """The lists, folded for matching (hashed by identity)."""

    demonyms: Mapping[str, str]
    regions: Mapping[str, Mapping[str, Any]]
    aliases: Mapping[str, str]
    stopwords: frozenset[str]
    well_known_population: int
    story_towns: int
    """Towns of one country a story names before a bare name of another town of it is read as that town."""
    story_town_population: int
    """The fewest people such a bare name's town has ("through Jiangxi" is the province, not the village)."""
    organisations: frozenset[str]
    default_mode: Mode
    descriptive_heads: Mapping[str, Mapping[str, Any]]
    border_words: frozenset[str]
    name_facilities: frozenset[str]
    name_vetoes: frozenset[str]
    movement: Mapping[str, Motion]
    movement_nouns: Mapping[str, Motion]
    prepositions: Mapping[str, str]
    for_lemmas: frozenset[str]
    vehicles: Mapping[str, Mode]
    vehicle_prepositions: frozenset[str]
    air_travel_since: int
    """The year before which a verb of flying or landing tells no air travel ("landed here", 1871)."""
    name_abbreviations: Mapping[str, str]
    """A place name's short first word → the word in full ("st" → "saint")."""
    carry_lemmas: frozenset[str]
    carry_arrival_lemmas: frozenset[str]
    welcome_lemmas: frozenset[str]
    office_titles: frozenset[str]
    """Offices one person holds ("president", "minister"): "the French president" is not the one the article
    titles "Prime Minister"."""
    person_nouns: frozenset[str]
    company_nouns: frozenset[str]
    area_nouns: frozenset[str]
    female_titles: frozenset[str]
    female_given_names: frozenset[str]
    regnal_titles: frozenset[str]
    male_titles: frozenset[str]
    station_names: frozenset[str]
    organisation_words: frozenset[str]
    object_control: frozenset[str]
    pronouns: Mapping[str, str]
    future_aux: frozenset[str]
    hypothetical_aux: frozenset[str]
    expect_lemmas: frozenset[str]
    wish_lemmas: frozenset[str]
    conditional_marks: frozenset[str]
    negations: frozenset[str]
    denial_lemmas: frozenset[str]
    denial_particles: Mapping[str, frozenset[str]]
    earlier_markers: tuple[str, ...]
    long_spans: frozenset[str]
    compass_words: frozenset[str]
    direction_nouns: frozenset[str]
    hearsay_nouns: frozenset[str]
    construal_lemmas: frozenset[str]
    guest_nouns: frozenset[str]
    other_trip_adjectives: frozenset[str]
    other_trip_nouns: frozenset[str]
    day_subjects: frozenset[str]
    group_nouns: frozenset[str]
    onlooker_nouns: frozenset[str]
    host_lemmas: frozenset[str]
    place_host_lemmas: frozenset[str]
    """Verbs whose subject, a town, has the traveller for object ("a rain-soaked Pittsburgh received him")."""
    passenger_nouns: frozenset[str]
    """Who a vehicle moves without ("sailed back without its passenger", "with no one aboard")."""
    activity_lemmas: frozenset[str]
    """What a visitor does at a stop ("Trois-Rivières, where he lunched"; "addressed the legislature at
    X")."""
    sequence_lemmas: frozenset[str]
    sequence_words: frozenset[str]
    """Towns that "came after" or "came next": the itinerary told by its places."""
    owner_verbs: frozenset[str]
    name_honorifics: frozenset[str]
    role_aliases: Mapping[str, str]
    kin_nouns: frozenset[str]
    scene_nouns: frozenset[str]
    recent_units: frozenset[str]
    owned_vehicles: Mapping[str, str]
    role_adjectives: Mapping[str, tuple[str, ...]]
    naming_lemmas: frozenset[str]
    phrasal_movement: Mapping[str, Motion]
    name_particles: frozenset[str]
    direction_prepositions: frozenset[str]
    routes: frozenset[str]
    return_lemmas: frozenset[str]
    return_particles: frozenset[str]
    here_words: frozenset[str]
    inward_particles: frozenset[str]
    there_words: frozenset[str]
    event_nouns: frozenset[str]
    event_verbs: frozenset[str]
    person_titles: frozenset[str]
    reporting_lemmas: frozenset[str]
    way_nouns: frozenset[str]
    ground_nouns: frozenset[str] = frozenset()
    still_words: frozenset[str] = frozenset()
    party_nouns: frozenset[str] = frozenset()
    stretch_nouns: frozenset[str] = frozenset()
    within_nouns: frozenset[str] = frozenset()
    title_modifiers: frozenset[str] = frozenset()
    mistaken_markers: frozenset[str] = frozenset()
    superseded_plan_words: frozenset[str] = frozenset()
    titled_only_nouns: frozenset[str] = frozenset()
    deputy_words: frozenset[str] = frozenset()
    past_holder_words: frozenset[str] = frozenset()
    """"the former president": a role's other holder, not the one the article titles so."""
    vessel_prefixes: frozenset[str] = frozenset()
    craft_nouns: frozenset[str] = frozenset()
    female_kin_nouns: frozenset[str] = frozenset()
    admin_prefixes: tuple[str, ...] = ()
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False)

    def phrasal(self, lemma: str, particle: str) -> Motion | None:
        """What a verb says with this particle when that differs from the verb alone ("set down", "take
        off"): ``phrasal_movement``'s entry, else None."""
        return self.phrasal_movement.get(f"{lemma.casefold()} {particle.casefold()}")


def _low(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w.casefold() for w in words)


def _motion(spec: Mapping[str, Any]) -> Motion:
    return Motion(
        object=spec.get("object"),
        arrival=bool(spec.get("arrival")),
        presence=bool(spec.get("presence")),
        mode=spec.get("mode"),
        passive_only=bool(spec.get("passive_only")),
        event=bool(spec.get("event")),
        at_place=bool(spec.get("at_place")),
        at_means=spec.get("at_means"),
        needs_object=_low(spec.get("needs_object", ())),
        needs_particle=_low(spec.get("needs_particle", ())),
        passive_moves=bool(spec.get("passive_moves")),
        vehicle_only=bool(spec.get("vehicle_only")),
        journey_only=bool(spec.get("journey_only")),
        yields_mode=bool(spec.get("yields_mode")),
    )


@functools.cache
def load_lexicon(path: Path | None = None) -> Lexicon:
    """Read ``data/lexicon.json`` once (``DataError`` when it is missing or malformed)."""
    path = path or LEXICON_PATH
    data = read_json_object(path, "the lexicon")
    try:
        status = data["status"]
        return Lexicon(
            demonyms={fold(k): v for k, v in data["demonyms"].items()},
            regions={k: v for k, v in data["regions"].items() if isinstance(v, dict)},
            aliases={fold(k): v for k, v in data["aliases"].items()},
            stopwords=frozenset(fold(w) for w in data["stopwords"]),
            well_known_population=int(data["well_known_population"]),
            story_towns=int(data["story_towns"]),
            story_town_population=int(data["story_town_population"]),
            organisations=frozenset(fold(w) for w in data["organisations"]),
            default_mode=data["default_mode"],
            descriptive_heads={k.casefold(): v for k, v in data["descriptive_heads"].items()},
            border_words=_low(data["border_words"]),
            name_facilities=_low(data["name_facilities"]),
            name_vetoes=_low(data["name_vetoes"]),
            movement={k: _motion(v) for k, v in data["movement"].items()},
            movement_nouns={k: _motion(v) for k, v in data["movement_nouns"].items()},
            prepositions={k.casefold(): v for k, v in data["prepositions"].items()},
            for_lemmas=_low(data["for_lemmas"]),
            vehicles={k.casefold(): v for k, v in data["vehicles"].items()},
            vehicle_prepositions=_low(data["vehicle_prepositions"]),
            air_travel_since=int(data["air_travel_since"]),
            name_abbreviations={k.casefold(): str(v) for k, v in data["name_abbreviations"].items()},
            carry_lemmas=_low(data["carry_lemmas"]),
            carry_arrival_lemmas=_low(data["carry_arrival_lemmas"]),
            welcome_lemmas=_low(data.get("welcome_lemmas", ())),
            office_titles=_low(data.get("office_titles", ())),
            person_nouns=_low(data["person_nouns"]),
            company_nouns=_low(data["company_nouns"]),
            area_nouns=_low(data["area_nouns"]),
            female_titles=_low(data["female_titles"]),
            female_given_names=_low(data["female_given_names"]),
            regnal_titles=_low(data["regnal_titles"]),
            male_titles=_low(data["male_titles"]),
            station_names=frozenset(fold(w) for w in data["station_names"]),
            organisation_words=_low(data["organisation_words"]),
            object_control=_low(data["object_control"]),
            pronouns={k.casefold(): v for k, v in data["pronouns"].items()},
            future_aux=_low(status["future_aux"]),
            hypothetical_aux=_low(status["hypothetical_aux"]),
            expect_lemmas=_low(status["expect_lemmas"]),
            wish_lemmas=_low(status["wish_lemmas"]),
            conditional_marks=_low(status["conditional_marks"]),
            negations=_low(status["negations"]),
            denial_lemmas=_low(status["denial_lemmas"]),
            denial_particles={fold(k): _low(v) for k, v in status["denial_particles"].items()},
            earlier_markers=tuple(w.casefold() for w in data["earlier_markers"]),
            long_spans=_low(data["long_spans"]),
            compass_words=_low(data["compass_words"]),
            direction_nouns=_low(data["direction_nouns"]),
            hearsay_nouns=_low(data["hearsay_nouns"]),
            construal_lemmas=_low(data["construal_lemmas"]),
            guest_nouns=_low(data["guest_nouns"]),
            other_trip_adjectives=_low(data["other_trips"]["adjectives"]),
            other_trip_nouns=_low(data["other_trips"]["nouns"]),
            day_subjects=_low(data["day_subjects"]),
            group_nouns=_low(data["group_nouns"]),
            onlooker_nouns=_low(data["onlooker_nouns"]),
            host_lemmas=_low(data["host_lemmas"]),
            place_host_lemmas=_low(data["place_host_lemmas"]),
            passenger_nouns=_low(data["passenger_nouns"]),
            activity_lemmas=_low(data["activity_lemmas"]),
            sequence_lemmas=_low(data["sequence"]["lemmas"]),
            sequence_words=_low(data["sequence"]["words"]),
            owner_verbs=_low(data["owner_verbs"]),
            name_honorifics=_low(data["name_honorifics"]),
            role_aliases={fold(k): fold(v) for k, v in data["role_aliases"].items()},
            kin_nouns=_low(data["kin_nouns"]),
            scene_nouns=_low(data["scene_nouns"]),
            recent_units=_low(data["recent_units"]),
            owned_vehicles={fold(k): str(v) for k, v in data["owned_vehicles"].items()},
            role_adjectives={fold(k): tuple(fold(r) for r in v) for k, v in data["role_adjectives"].items()},
            naming_lemmas=_low(data["naming_lemmas"]),
            phrasal_movement={k.casefold(): _motion(v) for k, v in data["phrasal_movement"].items()},
            name_particles=frozenset(data["name_particles"]),
            direction_prepositions=_low(data["direction_prepositions"]),
            routes=_low(data["routes"]),
            return_lemmas=_low(data["return_lemmas"]),
            return_particles=_low(data["return_particles"]),
            here_words=_low(data["here_words"]),
            inward_particles=_low(data["inward_particles"]),
            there_words=_low(data["there_words"]),
            event_nouns=_low(data["event_nouns"]),
            event_verbs=_low(data["event_verbs"]),
            person_titles=_low(data["person_titles"]),
            reporting_lemmas=_low(data["reporting_lemmas"]),
            way_nouns=_low(data["way_nouns"]),
            ground_nouns=_low(data.get("ground_nouns", ())),
            still_words=_low(data.get("still_words", ())),
            party_nouns=_low(data.get("party_nouns", ())),
            stretch_nouns=_low(data.get("stretch_nouns", ())),
            within_nouns=_low(data.get("within_nouns", ())),
            title_modifiers=_low(data.get("title_modifiers", ())),
            mistaken_markers=_low(data.get("mistaken_markers", ())),
            superseded_plan_words=_low(data.get("superseded_plan_words", ())),
            titled_only_nouns=_low(data.get("titled_only_nouns", ())),
            deputy_words=_low(data.get("deputy_words", ())),
            past_holder_words=_low(data.get("past_holder_words", ())),
            vessel_prefixes=_low(data.get("vessel_prefixes", ())),
            craft_nouns=_low(data.get("craft_nouns", ())),
            female_kin_nouns=_low(data.get("female_kin_nouns", ())),
            admin_prefixes=tuple(data.get("admin_prefixes", ())),
            raw=data,
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DataError(f"cannot read the lexicon {path}: {exc}") from exc
