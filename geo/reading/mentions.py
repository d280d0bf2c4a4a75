"""Place mentions in an article: names, descriptive references and datelines, each with its spans.

A gazetteer match alone is not a mention: GeoNames has villages called "Summit", "Union" and "Un". A name
counts only when it is a capitalised run that is not part of a person's or an organisation's name *and*
something says it is a place: a preposition of place before it, a descriptive phrase ("the Russian border
town of Khasan"), a dateline, being a country, or being a large city everyone knows. Every English word
list used here lives in ``data/lexicon.json``.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, Protocol

from geopy.distance import geodesic
from geopy.location import Location

from geo.datafiles import read_json_object
from geo.errors import DataError
from geo.model import Article, Mention, Place
from geo.paths import DATA_DIR
from geo.reading.text import fold, sentence_spans

LEXICON_PATH = DATA_DIR / "lexicon.json"

FAR_ALIAS_KM = 2500.0
"""A match found only through an alternate spelling ("Khasan" → Hassan, India) that lies farther than this
from every other place of the article is treated as unresolved rather than trusted (km)."""

DOMINANT_RATIO = 10
"""A name's most populous match wins outright when it has at least this many times the next one's people."""

RunKind = Literal["organisation", "person", "demonym", "stopword", "candidate"]
Coordinates = tuple[float, float]


class SupportsGeocode(Protocol):
    """What ``find_mentions`` needs from a geocoder: geopy's ``geocode`` with our two keywords."""

    def geocode(self, query: str, *args: Any, **kwargs: Any) -> Any: ...


@dataclass(frozen=True, eq=False)
class Lexicon:
    """The English word lists of ``data/lexicon.json``, folded for matching (hashed by identity)."""

    demonyms: Mapping[str, str]
    """Folded demonym → ISO code ("north korean" → "KP")."""
    ambiguous_demonyms: frozenset[str]
    regions: Mapping[str, Mapping[str, Any]]
    descriptive_heads: Mapping[str, Mapping[str, Any]]
    border_words: frozenset[str]
    facility_after_name: frozenset[str]
    place_prepositions: frozenset[str]
    depart_words: tuple[str, ...]
    arrive_words: tuple[str, ...]
    via_words: tuple[str, ...]
    presence_words: tuple[str, ...]
    movement_verbs: frozenset[str]
    modes: Mapping[str, str]
    vehicle_words: tuple[str, ...]
    event_nouns: frozenset[str]
    event_verbs: tuple[str, ...]
    past_markers: tuple[str, ...]
    bio_markers: tuple[str, ...]
    pronouns: frozenset[str]
    person_titles: frozenset[str]
    person_particles: frozenset[str]
    person_followers: frozenset[str]
    organisation_words: frozenset[str]
    organisations: frozenset[str]
    name_openers: frozenset[str]
    connectors: tuple[str, ...]
    stopwords: frozenset[str]
    aliases: Mapping[str, str]
    well_known_population: int
    bylines: tuple[str, ...] = ()
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False)


def _folded(words: Iterable[str]) -> frozenset[str]:
    return frozenset(fold(word) for word in words)


def _sorted_phrases(words: Iterable[str]) -> tuple[str, ...]:
    """Longest first, so a regex alternation prefers "border city" over "city"."""
    return tuple(sorted({w.casefold() for w in words}, key=lambda w: (-len(w), w)))


@functools.cache
def load_lexicon(path: Path | None = None) -> Lexicon:
    """Read ``data/lexicon.json`` once per process (raises ``DataError`` when it is missing or malformed)."""
    path = path or LEXICON_PATH
    data = read_json_object(path, "the lexicon")
    try:
        regions = {k: v for k, v in data["regions"].items() if isinstance(v, dict)}
        return Lexicon(
            demonyms={fold(k): v for k, v in data["demonyms"].items()},
            ambiguous_demonyms=_folded(data["ambiguous_demonyms"]),
            regions=regions,
            descriptive_heads={k.casefold(): v for k, v in data["descriptive_heads"].items()},
            border_words=_folded(data["border_words"]),
            facility_after_name=_folded(data["facility_after_name"]),
            place_prepositions=_folded(data["place_prepositions"]),
            depart_words=_sorted_phrases(data["depart_words"]),
            arrive_words=_sorted_phrases(data["arrive_words"]),
            via_words=_sorted_phrases(data["via_words"]),
            presence_words=_sorted_phrases(data["presence_words"]),
            movement_verbs=_folded(data["movement_verbs"]),
            modes={k.casefold(): v for k, v in data["modes"].items()},
            vehicle_words=_sorted_phrases(data["vehicle_words"]),
            event_nouns=_folded(data["event_nouns"]),
            event_verbs=_sorted_phrases(data["event_verbs"]),
            past_markers=_sorted_phrases(data["past_markers"]),
            bio_markers=_sorted_phrases(data["bio_markers"]),
            pronouns=_folded(data["pronouns"]),
            person_titles=_folded(data["person_titles"]),
            person_particles=_folded(data["person_particles"]),
            person_followers=_folded(data["person_followers"]),
            organisation_words=_folded(data["organisation_words"]),
            organisations=_folded(data["organisations"]),
            name_openers=_folded(data["name_openers"]),
            connectors=_sorted_phrases(data["connectors"]),
            stopwords=_folded(data["stopwords"]),
            aliases={fold(k): v for k, v in data["aliases"].items()},
            well_known_population=int(data["well_known_population"]),
            bylines=tuple(data["bylines"]),
            raw=data,
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DataError(f"cannot read the lexicon {path}: {exc}") from exc


# --- capitalised runs -------------------------------------------------------------------------------------

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_][\w]*(?:[-'’][^\W\d_][\w]*)*")
_POSSESSIVE = re.compile(r"['’]s$")
_SPACE_ONLY = re.compile(r"[ \u00a0]")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    possessive: bool


@dataclass(frozen=True)
class Run:
    """A maximal run of capitalised words ("Kim Yo Jong", "North Korea", "Asan Institute for Policy ...")."""

    start: int
    end: int
    tokens: tuple[Token, ...]
    kind: RunKind = "candidate"
    dropped: tuple[Token, ...] = ()
    """Leading stop-words removed from the run ("In Moscow" → "Moscow"); they still count as context."""

    @property
    def text(self) -> str:
        return " ".join(t.text for t in self.tokens)


def _tokens(text: str) -> list[Token]:
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        if not word[0].isupper():
            continue
        possessive = bool(_POSSESSIVE.search(word)) and len(word) > 2
        end = match.end() - 2 if possessive else match.end()
        tokens.append(Token(match.start(), end, text[match.start() : end], possessive))
    return tokens


def _is_opener(tokens: Sequence[Token], lex: Lexicon) -> bool:
    return any(fold(t.text) in lex.name_openers or fold(t.text) in lex.organisation_words for t in tokens)


def capitalised_runs(text: str, lexicon: Lexicon | None = None) -> list[Run]:
    """Runs of capitalised words joined by single spaces, and across "of"/"for"/"and" inside names of
    institutions ("Ministry of People's Armed Forces"); a possessive ends a run ("North Korea's Kim")."""
    lex = lexicon or load_lexicon()
    groups: list[list[Token]] = []
    for token in _tokens(text):
        if groups:
            last = groups[-1][-1]
            gap = text[last.end : token.start]
            joined = not last.possessive and _SPACE_ONLY.fullmatch(gap) is not None
            if not joined and not last.possessive:
                inner = gap.strip().casefold()
                joined = (
                    gap.startswith(" ")
                    and gap.endswith(" ")
                    and inner in lex.connectors
                    and _is_opener(groups[-1], lex)
                )
            if joined:
                groups[-1].append(token)
                continue
        groups.append([token])
    runs = [_classify(text, Run(g[0].start, g[-1].end, tuple(g)), lex) for g in groups]
    return _known_people(runs, lex)


def _known_people(runs: list[Run], lex: Lexicon) -> list[Run]:
    """A word of a full name stands for that person elsewhere: "Alexander Lukashenko" … "Lukashenko left"."""
    words = {fold(w) for run in runs if run.kind == "person" for w in person_name(run, lex).split()}
    words -= lex.stopwords
    return [
        replace(run, kind="person")
        if run.kind == "candidate" and all(fold(t.text) in words for t in run.tokens)
        else run
        for run in runs
    ]


def person_name(run: Run, lex: Lexicon | None = None) -> str:
    """The name without titles, demonyms and country abbreviations ("Russian President Vladimir Putin")."""
    lex = lex or load_lexicon()
    words = [t.text for t in run.tokens]
    drop = lex.person_titles | lex.ambiguous_demonyms | set(lex.aliases) | lex.demonyms.keys()
    kept: list[str] = []
    i = 0
    while i < len(words):
        if i + 1 < len(words) and fold(" ".join(words[i : i + 2])) in lex.demonyms:
            i += 2
            continue
        if fold(words[i]) not in drop:
            kept.append(words[i])
        i += 1
    return " ".join(kept)


def _classify(text: str, run: Run, lex: Lexicon) -> Run:
    tokens = list(run.tokens)
    dropped: list[Token] = []
    while len(tokens) > 1 and fold(tokens[0].text) in lex.stopwords and not _is_title(tokens[0], lex):
        dropped.append(tokens.pop(0))
    folded = [fold(t.text) for t in tokens]
    whole = " ".join(folded)
    kind: RunKind = "candidate"
    after = text[run.end : run.end + 12].casefold().split()
    if whole in lex.organisations or any(
        f in lex.organisation_words or f in lex.organisations for f in folded
    ):
        kind = "organisation"
    elif whole in lex.demonyms or whole in lex.ambiguous_demonyms:
        kind = "demonym"
    elif (
        any(f in lex.person_particles or f in lex.person_titles for f in folded)
        or any(p in lex.person_particles for f in folded for p in f.split())
        or _after_byline(text, tokens[0].start, lex)
        or (len(tokens) > 1 and after and after[0].strip(",.") in lex.person_followers)
    ):
        kind = "person"
    elif all(f in lex.stopwords for f in folded):
        kind = "stopword"
    start = tokens[0].start
    return replace(run, start=start, tokens=tuple(tokens), kind=kind, dropped=tuple(dropped))


def _after_byline(text: str, start: int, lex: Lexicon) -> bool:
    before = text[max(0, start - 30) : start]
    for phrase in lex.bylines:
        cased = before if phrase[0].isupper() else before.casefold()
        if cased.endswith(phrase + " ") and (
            len(cased) == len(phrase) + 1 or not cased[-len(phrase) - 2].isalpha()
        ):
            return True
    return False


def _is_title(token: Token, lex: Lexicon) -> bool:
    return fold(token.text) in lex.person_titles


def person_names(text: str, lexicon: Lexicon | None = None) -> list[Run]:
    """Capitalised runs that name people (by particle, title, byline or a following "said")."""
    return [run for run in capitalised_runs(text, lexicon) if run.kind == "person"]


# --- descriptive phrases --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Descriptor:
    """What a descriptive phrase says about the name it introduces (or about an unnamed place)."""

    start: int
    end: int
    description: str
    feature: str | None
    border_of: str | None
    country_hint: str | None
    name_start: int | None
    """Where the named place starts; None for an unnamed reference ("a station on the Chinese border")."""


def _alternation(phrases: Iterable[str]) -> str:
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)


@functools.cache
def _patterns(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    heads = _alternation(lex.descriptive_heads)
    demonyms = _alternation(k for k in lex.raw["demonyms"])
    borders = _alternation(lex.raw["border_words"])
    g = lex.raw["grammar"]
    article = "|".join(rf"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" for w in g["articles"])
    links = _alternation(g["name_links"])
    near = _alternation(g["border_links"])
    with_ = _alternation(g["border_with"])
    definite = _alternation(g["definite"])
    not_glue = rf"(?!(?:{_alternation(g['glue'])})\s)"
    named = re.compile(
        rf"\b(?:{article})\s+(?P<mods>(?:{not_glue}[\w’'-]+\s+){{0,3}}?)(?P<head>{heads})\s+"
        rf"(?:(?:{links})\s+)?(?=[A-Z])"
    )
    owned = re.compile(
        rf"(?P<owner>[A-Z][\w.]*(?:\s[A-Z][\w.]*)*)['’]s\s+(?P<mods>(?:[\w-]+\s+){{0,2}}?)(?P<head>{heads}),?\s+"
        rf"(?:(?:{links})\s+)?(?=[A-Z])"
    )
    unnamed = re.compile(
        rf"\b(?:{article})\s+(?:[\w-]+\s+){{0,2}}?(?P<head>{heads})\s+(?:{near})\s+"
        rf"(?:{definite})\s+(?:(?P<dem>{demonyms})\s+(?:{borders})\b(?!\s+(?:{heads})\b)"
        rf"|(?:{borders})\s+(?:{with_})\s+(?P<country>[A-Z][\w]*(?:\s[A-Z][\w]*)?))"
    )
    country_after = re.compile(r",\s+(?P<country>[A-Z][\w]*(?:\s[A-Z][\w]*)?)\b")
    return named, owned, unnamed, country_after


def _demonym_in(words: str, lex: Lexicon) -> str | None:
    folded = fold(words)
    for dem, code in sorted(lex.demonyms.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{re.escape(dem)}\b", folded):
            return code
    return None


def _head_info(head: str, mods: str, lex: Lexicon) -> tuple[str | None, bool]:
    info = lex.descriptive_heads.get(" ".join(head.casefold().split()), {})
    border = bool(info.get("border")) or any(w in lex.border_words for w in fold(mods).split())
    return info.get("feature"), border


def find_descriptors(text: str, country_code: Any, lexicon: Lexicon | None = None) -> list[Descriptor]:
    """Descriptive phrases: "the Russian border town of Khasan", "Russia’s capital, Moscow",
    "a station on the Chinese border". ``country_code(name)`` returns the ISO code of a country name."""
    lex = lexicon or load_lexicon()
    named, owned, unnamed, _ = _patterns(lex)
    found: list[Descriptor] = []
    for m in unnamed.finditer(text):
        code = lex.demonyms.get(fold(m.group("dem"))) if m.group("dem") else country_code(m.group("country"))
        if code is None:
            continue
        feature, _ = _head_info(m.group("head"), "", lex)
        found.append(Descriptor(m.start(), m.end(), m.group(), feature, code, None, None))
    for m in named.finditer(text):
        feature, border = _head_info(m.group("head"), m.group("mods"), lex)
        hint = _demonym_in(m.group("mods"), lex)
        found.append(
            Descriptor(m.start(), m.end(), m.group(), feature, hint if border else None, hint, m.end())
        )
    for m in owned.finditer(text):
        hint = country_code(m.group("owner"))
        if hint is None:
            continue
        feature, border = _head_info(m.group("head"), m.group("mods"), lex)
        found.append(
            Descriptor(m.start(), m.end(), m.group(), feature, hint if border else None, hint, m.end())
        )
    return found


# --- geocoding ------------------------------------------------------------------------------------------


def _as_list(result: Location | list[Location] | None) -> list[Location]:
    if result is None:
        return []
    return list(result) if isinstance(result, list) else [result]


@dataclass
class _Candidate:
    start: int
    end: int
    text: str
    query: str
    kind: Literal["name", "descriptive", "dateline"]
    evidence: str
    descriptor: Descriptor | None = None
    hint: str | None = None
    results: list[Location] = field(default_factory=list)
    place: Place | None = None


class _Resolver:
    """Geocodes names once each and answers "is this a country?" for the descriptive patterns."""

    def __init__(self, geocoder: SupportsGeocode, lex: Lexicon) -> None:
        self.geocoder = geocoder
        self.lex = lex
        self._memo: dict[tuple[str, str | None, tuple[Coordinates, ...]], list[Location]] = {}

    def query_for(self, name: str) -> str:
        alias = self.lex.aliases.get(fold(name))
        if alias:
            return alias
        return name.title() if name.isupper() else name

    def lookup(self, name: str, hint: str | None = None, near: Sequence[Coordinates] = ()) -> list[Location]:
        key = (fold(name), hint, tuple(near))
        if key not in self._memo:
            kwargs: dict[str, Any] = {"exactly_one": False}
            if hint:
                kwargs.update(country_codes=[hint], strict=True)
            if near:
                kwargs["near"] = list(near)
            self._memo[key] = _as_list(self.geocoder.geocode(self.query_for(name), **kwargs))
        return self._memo[key]

    def country_code(self, name: str) -> str | None:
        folded = fold(name)
        if folded in self.lex.stopwords or folded in self.lex.demonyms:
            return None
        for loc in self.lookup(name):
            if loc.raw.get("kind") == "country":
                return str(loc.raw.get("country_code") or "").upper() or None
        return None


def _place_from(location: Location) -> Place:
    from geo.places.geocoder import place_from_location  # the geocoder module is the one place that reads raw

    return place_from_location(location)


# --- the finder -----------------------------------------------------------------------------------------

_DATELINE = re.compile(
    r"\A\s*(?P<city>[A-Z][A-Z'’.\-]*(?:\s[A-Z][A-Z'’.\-]*)*)(?:,\s*[A-Za-z .]+?)?\s*"
    r"(?:\([^)\n]{1,40}\)\s*)?[-—–]"
)
_WORD_BEFORE = re.compile(r"([A-Za-z’']+)\s+$")
_TWO_WORDS_BEFORE = re.compile(r"([A-Za-z’']+\s+[A-Za-z’']+)\s+$")


def _preposition_before(text: str, run: Run, lex: Lexicon) -> bool:
    if run.dropped and fold(run.dropped[-1].text) in lex.place_prepositions:
        return True
    head = text[max(0, run.start - 40) : run.start]
    definite = lex.raw["grammar"]["definite"]
    for word in definite:
        if head.casefold().endswith(f" {word} "):
            head = head[: -len(word) - 1]
    for pattern in (_TWO_WORDS_BEFORE, _WORD_BEFORE):
        match = pattern.search(head)
        if match and fold(match.group(1)) in lex.place_prepositions:
            return True
    return False


def _facility_after(text: str, run: Run, lex: Lexicon) -> bool:
    words = text[run.end : run.end + 30].split()
    return bool(words) and words[0].islower() and fold(words[0].strip(",.;:")) in lex.facility_after_name


def _region_spans(text: str, lex: Lexicon) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    for name in lex.regions:
        pattern = r"\b" + r"\s+".join(re.escape(w) for w in name.split()) + r"\b"
        spans.extend((m.start(), m.end(), name) for m in re.finditer(pattern, text, flags=re.IGNORECASE))
    return spans


def _dateline(text: str, lex: Lexicon) -> tuple[int, int] | None:
    match = _DATELINE.match(text)
    if not match or len(match.group("city")) < 3 or fold(match.group("city")) in lex.organisations:
        return None
    return match.start("city"), match.end("city")


def find_mentions(
    article: Article, geocoder: SupportsGeocode, lexicon: Lexicon | None = None
) -> list[Mention]:
    """Every place mention of ``article``: spans, sentence spans, geocoded place and descriptive hints.

    ``geocoder`` is a ``geo.places.geocoder.GazetteerGeocoder`` (or anything with its ``geocode`` keywords).
    Ambiguous names are ranked with the country the words suggest and the article's unambiguous places.
    """
    lex = lexicon or load_lexicon()
    text = article.text
    resolver = _Resolver(geocoder, lex)
    descriptors = find_descriptors(text, resolver.country_code, lex)
    by_name_start = {d.name_start: d for d in descriptors if d.name_start is not None}
    _, _, _, country_after = _patterns(lex)

    candidates: list[_Candidate] = []
    dateline = _dateline(text, lex)
    if dateline:
        city = text[dateline[0] : dateline[1]]
        candidates.append(_Candidate(dateline[0], dateline[1], city, city, "dateline", "dateline"))
    regions = _region_spans(text, lex)
    taken = [(s, e) for s, e, _ in regions] + ([dateline] if dateline else [])

    for d in descriptors:
        if d.name_start is None:
            candidates.append(
                _Candidate(
                    d.start,
                    d.end,
                    d.description,
                    d.description,
                    "descriptive",
                    "descriptive phrase",
                    descriptor=d,
                    hint=d.country_hint,
                )
            )

    hints: dict[str, str] = {}
    for run in capitalised_runs(text, lex):
        if any(s <= run.start < e for s, e in taken) or run.kind != "candidate":
            continue
        if run.text.isupper() and len(run.text) > 1 and fold(run.text) not in lex.aliases:
            continue
        descriptor = by_name_start.get(run.start)
        if descriptor is None and _facility_after(text, run, lex):
            continue
        hint = descriptor.country_hint if descriptor else None
        evidence = "descriptive phrase" if descriptor else ""
        after = country_after.match(text, run.end)
        if after and hint is None and resolver.country_code(run.text) is None:
            hint = resolver.country_code(after.group("country"))
            evidence = evidence or ("followed by its country" if hint else "")
        if not evidence and _preposition_before(text, run, lex):
            evidence = "preposition of place"
        end = run.end
        if descriptor:
            descriptor = replace(descriptor, end=end, description=text[descriptor.start : end])
        candidates.append(_Candidate(run.start, end, run.text, run.text, "name", evidence, descriptor, hint))
        if hint:
            hints.setdefault(fold(run.text), hint)

    for cand in candidates:
        if cand.kind != "descriptive":
            cand.hint = cand.hint or hints.get(fold(cand.text))
            cand.results = resolver.lookup(cand.query, cand.hint)
    accepted = [c for c in candidates if _accept(c, lex)]
    _resolve_places(accepted, resolver)
    mentions = [_mention(article, c, _sentence_of(text, c.start)) for c in accepted]
    mentions.extend(_region_mentions(article, regions, lex))
    return sorted(mentions, key=lambda m: (m.start, m.end))


def _accept(cand: _Candidate, lex: Lexicon) -> bool:
    """Positive evidence that a gazetteer hit is a place mention here, not a word that happens to match."""
    if cand.kind in ("descriptive", "dateline"):
        return True
    if cand.descriptor is not None:
        return True
    if not cand.results:
        return False
    top = cand.results[0].raw
    if top.get("kind") == "country":
        return True
    if cand.evidence:
        return True
    return (
        int(top.get("population") or 0) >= lex.well_known_population and fold(cand.text) not in lex.stopwords
    )


def _is_exact(location: Location, query: str) -> bool:
    return fold(str(location.raw.get("name", ""))) == fold(query)


def _dominant(results: Sequence[Location], lex: Lexicon) -> bool:
    """A famous city that dwarfs its namesakes (Paris, France vs Paris, Texas) is meant wherever we are."""
    first = int(results[0].raw.get("population") or 0)
    second = int(results[1].raw.get("population") or 0) if len(results) > 1 else 0
    return first >= lex.well_known_population and first >= DOMINANT_RATIO * max(second, 1)


def _resolve_places(candidates: list[_Candidate], resolver: _Resolver) -> None:
    """Pick one place per candidate: unambiguous names first, then the rest ranked near them."""
    anchors: list[Coordinates] = []
    for cand in candidates:
        if (
            cand.results
            and (len(cand.results) == 1 or cand.hint)
            and cand.results[0].raw.get("kind") != "country"
        ):
            anchors.append((cand.results[0].latitude, cand.results[0].longitude))
    for cand in candidates:
        if not cand.results:
            continue
        results = cand.results
        own = (results[0].latitude, results[0].longitude)
        near = tuple(a for a in dict.fromkeys(anchors) if a != own)
        if len(results) > 1 and near and not cand.hint and not _dominant(results, resolver.lex):
            results = resolver.lookup(cand.query, None, near) or results
        best = results[0]
        if near and not _is_exact(best, resolver.query_for(cand.query)) and best.raw.get("kind") != "country":
            here = (best.latitude, best.longitude)
            if min(geodesic(here, a).km for a in near) > FAR_ALIAS_KM:
                continue
        cand.place = _place_from(best)


def _sentence_of(text: str, offset: int) -> tuple[int, int]:
    spans = _spans(text)
    index = bisect.bisect_right([s for s, _ in spans], offset) - 1
    if index >= 0 and spans[index][0] <= offset < spans[index][1]:
        return spans[index]
    return (offset, offset)


@functools.lru_cache(maxsize=64)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(sentence_spans(text))


def _mention(article: Article, cand: _Candidate, sentence: tuple[int, int]) -> Mention:
    d = cand.descriptor
    return Mention(
        article=article.id,
        text=article.text[cand.start : cand.end],
        start=cand.start,
        end=cand.end,
        sentence_start=sentence[0],
        sentence_end=sentence[1],
        kind=cand.kind,
        place=cand.place,
        description=d.description if d else None,
        feature=d.feature if d else None,
        border_of=d.border_of if d else None,
        country_hint=cand.hint or (d.country_hint if d else None),
    )


def _region_mentions(article: Article, regions: list[tuple[int, int, str]], lex: Lexicon) -> list[Mention]:
    mentions: list[Mention] = []
    for start, end, name in regions:
        info = lex.regions[name]
        countries = info.get("countries") or []
        place = Place(
            name=name,
            latitude=float(info["latitude"]),
            longitude=float(info["longitude"]),
            country=countries[0] if len(countries) == 1 else "",
            kind="region",
            why="a named region from data/lexicon.json",
        )
        sentence = _sentence_of(article.text, start)
        mentions.append(
            Mention(article.id, article.text[start:end], start, end, sentence[0], sentence[1], "name", place)
        )
    return mentions
