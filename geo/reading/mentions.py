"""Place mentions in an article, read from its one parse: names, descriptive references and the dateline.

The gazetteer is the authority on what is a place and where it is; the parse says how a name is used.
A gazetteer hit counts only with something that says "place" here: the parser's GPE/LOC label, a
preposition of place or a movement verb governing it, a descriptive noun ("the border town of X",
"X station", "Russia's capital, Moscow"), the dateline, or being a country or a large city. A name inside
a person's, an organisation's or a building's name ("Jack London", "the Washington Post", "St. Michael's
Cathedral") is vetoed. Ambiguous names are ranked by the country the words around them name and by the
article's unambiguous places, and ``Place.why`` keeps the explanation.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal, Protocol

from geopy.distance import geodesic, great_circle
from geopy.location import Location

from geo.model import Article, Mention, Place
from geo.places.airports import airfield_trim, core, find_airfield
from geo.places.landmarks import load_landmarks
from geo.reading.lexicon import Lexicon, Motion, load_lexicon
from geo.reading.parse import ParsedText, Span, Token, opens_with_a_gerund
from geo.reading.text import fold, fold_compact
from geo.reading.timeexpr import default_cues

FAR_ALIAS_KM = 2500.0
"""A match found only through an alternate spelling ("Khasan" → Hassan, India) that lies farther than this
from every other place of the article is left unresolved rather than trusted (km)."""

ANCHOR_POPULATION = 10_000
"""Only towns of this size anchor the ranking of other names: a village namesake ("Āmūr", India) must not
pull another name ("Khasan" → Hassan, India) to its side of the world."""

AIRFIELD_EVIDENCE = "an airfield (airportsdata)"
LANDMARK_EVIDENCE = "(data/landmarks.json)"
HAMLET_POPULATION = 5_000
HAMLET_FAR_KM = 150.0
"""A place smaller than ``HAMLET_POPULATION`` in a country the article never names, farther than this from all
its other places, is a namesake (see ``_stray``)."""
STRAY_POPULATION = 50_000
"""A town smaller than this, in a country the article never names and farther than ``FAR_ALIAS_KM`` from
every other place of it ("Russia's main Pacific port" → Pacific, Missouri), is a namesake, not a place the
article means: the word is dropped as a place."""

DOMINANT_RATIO = 4
"""A name's most populous match wins outright when it has at least this many times the next one's people."""

SHORT_NAME = 2
"""Names of at most this many letters match a place's own name only."""
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
BARE_AIRPORT_MAX = 100_000
"""A name the gazetteer gives a town this large is that town, never an airport's bare name ("flew to
Beijing"; "flew them west to Entebbe", a town of its own where its airport lies), so the airfield table is
not consulted for it ("landed at Fiumicino", a town of 35,000, is Rome's airport)."""
VILLAGE_MAX = 10_000
"""Below this, a name's towns are villages that a great airport's name outranks ("left Heathrow")."""
GREAT_AIRPORT_CITY = 1_000_000
"""An airfield named bare after any move ("left Heathrow") must serve a city at least this large."""
SERVED_KM = 50.0
"""An airfield within this of the town it is listed as serving stands for that town (a capital's airport
lies 20-45 km out); farther, the airfield itself is the stop."""
BORDER_WORD_SPAN = 20
"""Tokens either side of a name within which a border word says the place is at a border."""
NAME_ENTITY_VETO = frozenset({"PERSON", "ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"})
PLACE_ENTITIES = frozenset({"GPE", "LOC"})
_DASHES = frozenset({"-", "—", "–", "--"})

Coordinates = tuple[float, float]


class SupportsGeocode(Protocol):
    """What ``find_mentions`` needs from a geocoder: geopy's ``geocode`` with our keywords."""

    def geocode(self, query: str, *args: Any, **kwargs: Any) -> Any: ...


def _one_airfield_per_name(found: list[_Candidate]) -> list[_Candidate]:
    """"should land at Fiumicino" makes the airport of every "Fiumicino" in the article ("a flight out of
    Fiumicino" too): a name the article once uses for an airfield is not also the town beside it."""
    fields = {fold(c.query): c for c in found if c.evidence == AIRFIELD_EVIDENCE and c.place is not None}
    out = []
    for c in found:
        field_named = fields.get(fold(c.query))
        if field_named is not None and c.evidence != AIRFIELD_EVIDENCE and c.kind == "name":
            c = replace(c, evidence=field_named.evidence, place=field_named.place, results=[],
                        airfield=field_named.airfield)
        out.append(c)
    return out


@dataclass
class _Candidate:
    start: int
    """First token."""
    end: int
    """Token after the last."""
    kind: Literal["name", "descriptive", "dateline"]
    query: str
    evidence: str = ""
    hint: str | None = None
    description: str | None = None
    feature: str | None = None
    border_of: str | None = None
    at_border: bool = False
    """The sentence speaks of a border ("across the border from X"): namesakes at one rank first."""
    results: list[Location] = field(default_factory=list)
    place: Place | None = None
    paragraph: int = 0
    acts: bool = False
    """The name is the subject of a verb that is no movement ("Moscow has not confirmed"): its
    government speaking, no antecedent for "the city" or "the capital"."""
    left: bool = False
    """The name follows "from": "from Poland to the capital" is not to Poland's capital."""
    sentence: int = -1
    owner: bool = False
    """The name owns what follows ("Japan's Kishida"): whose, not where."""
    reached: bool = False
    """The name follows "to", "into", "for": a place gone to."""
    moved: bool = False
    """The name is where a movement verb goes to or from ("reached New Delhi", "flew on to Agra")."""
    back: bool = False
    """A way back leads to it ("had flown back to the capital"): a place the story was at before."""
    airfield: Place | None = None
    """The airfield itself, when the name is an airfield that stands for the town it serves."""


# --- names in the parse ---------------------------------------------------------------------------------


def _is_name_token(tok: Token) -> bool:
    if tok.pos == "PROPN" or tok.tag in ("NNP", "NNPS"):
        return tok.text[:1].isupper()
    capitalised = tok.text[:1].isupper() and tok.text[1:].islower()
    if capitalised and tok.pos in ("VERB", "ADV") and tok.dep in ("pobj", "compound"):
        # "landed at Stansted", which the small tagger reads as a past participle; "the Badaling section
        # of the Great Wall", a name it takes for a verb; "touched down at Orly", for an adverb
        return True
    return tok.text[:1].isupper() and tok.ent_type in PLACE_ENTITIES and tok.pos in ("NOUN", "ADJ")


def name_runs(parsed: ParsedText, particles: frozenset[str] = frozenset()) -> Iterator[tuple[int, int]]:
    """Maximal runs of proper-noun tokens, joined across hyphens written without spaces and across the
    lower-case ``particles`` of place names ("Santiago de Cuba", "Mar del Plata")."""
    tokens = parsed.tokens
    i = 0
    while i < len(tokens):
        if not _is_name_token(tokens[i]):
            i += 1
            continue
        j = i + 1
        while j < len(tokens):
            tok = tokens[j]
            if tok.sent != tokens[i].sent:
                break
            if _is_name_token(tok):
                j += 1
                continue
            joined = tokens[j - 1].end == tok.start and j + 1 < len(tokens) and tokens[j + 1].start == tok.end
            if tok.text in ("-", "on") and joined and tokens[j + 1].text[:1].isalpha():
                j += 2
                continue
            if tok.text in particles and j + 1 < len(tokens) and _is_name_token(tokens[j + 1]):
                j += 2
                continue
            break
        yield i, j
        i = j


def _sub_runs(start: int, end: int) -> Iterator[tuple[int, int]]:
    """Longest first, left to right: "Khasan Railway" → "Khasan Railway", "Khasan", …"""
    for size in range(end - start, 0, -1):
        for a in range(start, end - size + 1):
            yield a, a + size


def span_root(parsed: ParsedText, start: int, end: int) -> int:
    """The token of the span whose head lies outside it."""
    toks = parsed.tokens
    outside = (i for i in range(start, end) if not start <= toks[i].head < end or toks[i].head == i)
    return next(outside, end - 1)


def where_one_went(parsed: ParsedText, lex: Lexicon, a: int, b: int) -> bool:
    """"took the train to Patras, where he boarded a liner": a name that a move goes to or from, or that
    a "where" clause hangs on, is a place, whatever the model tags it (a person's name is neither)."""
    toks = parsed.tokens
    root = toks[span_root(parsed, a, b)]
    if parsed.where_clauses(root.i):
        return True
    if root.dep != "pobj":
        return False
    verb = toks[toks[root.head].head]
    if verb.lower == "back" and verb.pos == "ADV":
        return True  # "She was back in Naypyitaw on Saturday"
    if lex.prepositions.get(toks[root.head].lower) not in ("to", "from"):
        return False
    if verb.pos == "ADV" and verb.head != verb.i:
        verb = toks[verb.head]  # "was driven back to Schiphol"
    return verb.pos == "VERB" and verb.lemma.casefold() in lex.movement


# --- the finder -------------------------------------------------------------------------------------------


class _Resolver:
    """Geocodes names once each and answers "is this a country?"."""

    def __init__(self, geocoder: SupportsGeocode, lex: Lexicon) -> None:
        self.geocoder = geocoder
        self.lex = lex
        self._memo: dict[tuple[str, str | None, tuple[Coordinates, ...], bool], list[Location]] = {}

    def query_for(self, name: str) -> str:
        alias = self.lex.aliases.get(fold(name))
        if alias:
            return alias
        first, _, rest = fold(name).partition(" ")
        if rest and first in self.lex.name_abbreviations:  # "St. Cloud": GeoNames's Saint-Cloud
            return f"{self.lex.name_abbreviations[first]} {rest}".title()
        return name.title() if name.isupper() and len(name) > 3 else name

    def lookup(
        self, name: str, hint: str | None = None, near: Sequence[Coordinates] = (), border: bool = False
    ) -> list[Location]:
        key = (fold(name), hint, tuple(near), border)
        if key not in self._memo:
            kwargs: dict[str, Any] = {"exactly_one": False}
            if hint:
                kwargs.update(country_codes=[hint], strict=True)
            if near:
                kwargs["near"] = list(near)
            if border:
                kwargs["border"] = True
            found = _as_list(self.geocoder.geocode(self.query_for(name), **kwargs))
            if len(fold(name).replace(" ", "")) <= SHORT_NAME:
                # "the plain of Ur": a name this short is only the place whose own name it is, not one that
                # lists it among its alternate names (Uren')
                found = [loc for loc in found if fold(str(loc.raw.get("name", ""))) == fold(name)
                         or fold(str(loc.raw.get("asciiname", ""))) == fold(name)]  # fmt: skip
            self._memo[key] = found
        return self._memo[key]

    def country_code(self, name: str) -> str | None:
        folded = fold(name)
        if folded in self.lex.demonyms:
            return self.lex.demonyms[folded]
        if folded in self.lex.stopwords:
            return None
        for loc in self.lookup(name):
            if loc.raw.get("kind") == "country":
                return str(loc.raw.get("country_code") or "").upper() or None
        return None


def _as_list(result: Location | list[Location] | None) -> list[Location]:
    if result is None:
        return []
    return list(result) if isinstance(result, list) else [result]


def find_mentions(
    article: Article, parsed: ParsedText, geocoder: SupportsGeocode, lexicon: Lexicon | None = None
) -> list[Mention]:
    """Every place mention of ``article`` in its parse: spans, sentence spans, geocoded place and hints."""
    lex = lexicon or load_lexicon()
    resolver = _Resolver(geocoder, lex)
    reader = _Reader(parsed, lex, resolver)
    candidates = reader.candidates()
    for cand in candidates:
        if cand.kind != "descriptive" and not cand.results:
            cand.results = resolver.lookup(cand.query, cand.hint)
    regions = reader.regions(article)
    # "Asia" is a continent, not the town of that name; "Southeast Asia" is one region, not two
    regions = [r for r in regions if not any(o is not r and _inside(r, o) for o in regions)]
    spans = {id(c): (parsed.tokens[c.start].start, parsed.tokens[c.end - 1].end) for c in candidates}
    named = [c for c in candidates if reader.accept(c)]
    # "Korea" is the peninsula, but not inside "South Korea"
    regions = [r for r in regions if not any(a <= r.start and r.end <= b and b - a > r.end - r.start
                                             for a, b in (spans[id(c)] for c in named))]  # fmt: skip

    def in_region(c: _Candidate) -> bool:
        a, b = spans[id(c)]
        return any(r.start <= a and b <= r.end for r in regions)

    accepted = [c for c in named if not in_region(c)]
    # "the little frontier station of Medyka … the train pulled out of Medyka": a name the article has
    # placed once is a place wherever it recurs
    placed = {fold(c.query): c for c in accepted if c.kind == "name"}
    taken = {id(c) for c in accepted}
    for cand in candidates:
        first = placed.get(fold(cand.query))
        if cand.kind != "name" or not cand.results or first is None or id(cand) in taken or in_region(cand):
            continue
        cand.results, cand.hint = first.results, first.hint  # the same place, however it was told
        cand.description, cand.evidence = first.description, first.evidence
        accepted.append(cand)
    outside = [c for c in candidates if not in_region(c)]
    accepted.extend(reader.towns_of_the_story(outside, accepted))
    accepted.extend(reader.listed_with_towns(outside, accepted))
    accepted.sort(key=lambda c: c.start)
    _short_forms(accepted)
    for cand in accepted:
        cand.paragraph = reader.paragraph(cand.start)
        cand.at_border = bool(cand.border_of) or reader.speaks_of_border(cand.start, cand.end)
        cand.acts = reader.acts(cand.start, cand.end)
        cand.left = reader.left(cand.start, cand.end)
        cand.sentence = parsed.tokens[cand.start].sent
        cand.owner = cand.end < len(parsed.tokens) and parsed.tokens[cand.end].text in ("'s", "’s")
        cand.reached = cand.start > 0 and parsed.tokens[cand.start - 1].lower in ("to", "into", "for")
        cand.moved = reader.moved(cand.start, cand.end)
        before = parsed.tokens[max(0, cand.start - 3) : cand.start]
        cand.back = any(t.lower == "back" or t.lemma == "return" for t in before)
    _in_the_country_just_named(accepted, resolver)
    states = {(m.place.country, m.place.admin1) for m in regions if m.place is not None and m.place.admin1}
    _resolve_places(accepted, resolver, {m.place.country for m in regions if m.place is not None}, states)
    _city_states(accepted, geocoder)  # Singapore is a town that "the airport" may be at
    _resolve_anaphora(accepted)  # "the city" first: "the capital" after it is that city's country's
    _resolve_capitals(accepted, geocoder)
    _capital_before_the_city(accepted)
    _resolve_deictic(accepted)
    mentions = [reader.mention(article, c) for c in accepted]  # none inside a region: those were left out
    return sorted(mentions + regions, key=lambda m: (m.start, m.end))


def _in_the_country_just_named(candidates: Sequence[_Candidate], resolver: _Resolver) -> None:
    """"It reached Bermuda on 24 November, and the couple drove through St George's to Hamilton": a name
    several places bear is, first, the one in the country a move went to earlier in its sentence (not one
    set out from, "left Britain for Perth", nor a title's, "the President of the United States entered
    Paris")."""
    countries: dict[int, _Candidate] = {}
    for cand in sorted(candidates, key=lambda c: c.start):
        top = cand.results[0].raw if cand.results else {}
        if top.get("kind") == "country":
            countries[cand.sentence] = cand  # the nearest before, in its sentence
            continue
        named = countries.get(cand.sentence)
        if (named is None or named.left or not named.moved or cand.hint or len(cand.results) < 2
                or cand.kind != "name"):
            continue
        code = str(named.results[0].raw.get("country_code") or "")
        for query in dict.fromkeys([cand.query, _saint(cand.query)]):
            there = resolver.lookup(query, code)
            if any(str(r.raw.get("country_code") or "") == code and _is_exact(r, resolver.query_for(query))
                   for r in there):  # fmt: skip
                cand.hint, cand.results = code, there
                break


def _saint(name: str) -> str:
    """"St George" → "Saint George": the gazetteer may know a saint's town only by the full word."""
    first, _, rest = name.partition(" ")
    return f"Saint {rest}" if first in ("St", "St.") and rest else name


def _short_forms(candidates: Sequence[_Candidate]) -> None:
    """"Santiago de Cuba … returned to Santiago": a one-word name that opens a longer place name of the same
    article is that place (not the bigger Santiago in Chile); only after it, as a reader takes it ("Brest"
    four times, then "the treaty … signed at Brest-Litovsk", is not the Belarusian town)."""
    longer: dict[str, _Candidate] = {}
    for c in sorted(candidates, key=lambda c: c.start):
        full = longer.get(fold(c.query)) if c.kind == "name" and c.place is None else None
        if full is not None and full is not c:
            c.results, c.hint = full.results, full.hint
            c.evidence = f"short for {full.query}"
        words = fold(c.query).split()
        if c.kind == "name" and len(words) >= 2 and c.results and c.place is None:
            longer.setdefault(words[0], c)


def _inside(inner: Mention, outer: Mention) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


class _Reader:
    """The per-article reading of names: which runs name places, and what the words around them say."""

    def __init__(self, parsed: ParsedText, lex: Lexicon, resolver: _Resolver) -> None:
        self.p = parsed
        self.lex = lex
        self.resolver = resolver
        self.known_people = self._known_people()
        self.airfields: set[str] = set()
        """The cores of the airfields named so far ("schiphol")."""
        self.person_words = frozenset(fold(parsed.tokens[e.start].text) for e in parsed.entities
                                      if e.label == "PERSON" and e.end - e.start == 1)  # fmt: skip

    # people ---------------------------------------------------------------------------------------------

    def _known_people(self) -> frozenset[str]:
        """Every word of a multi-word person's name stands for a person elsewhere ("Kim", "Biden")."""
        words: set[str] = set()
        for ent in self.p.entities:
            if ent.label != "PERSON" or ent.end - ent.start < 2 or opens_with_a_gerund(self.p, ent):
                continue
            # "Mao Zedong ended his journey": a two-word name the gazetteer does not know as a whole is a
            # person's even untitled (a two-word town the model tags PERSON is in the gazetteer)
            if self._titled(ent.start) or not self.resolver.lookup(self.p.tokens_text(ent.start, ent.end)):
                words.update(fold(t.text) for t in self.p.tokens[ent.start : ent.end] if t.pos == "PROPN")
        return frozenset(words)

    def _titled(self, start: int) -> bool:
        """A person's name with something that says person: a title or role noun before it, or three names.

        The small model also tags place names as PERSON (small towns); those carry no title."""
        toks = self.p.tokens
        ent = self.p.entity_at(start)
        if ent is not None and len(self.p.tokens_text(ent.start, ent.end).split()) >= 3:
            # three names ("Trois-Rivières" is one word of three tokens), unless they are exactly a sizeable
            # town's own name ("left Bandar Seri Begawan"; "Ho Chi Minh" is only another name of a city)
            return not self._a_towns_own_name(ent.start, ent.end)
        for k in range(max(0, start - 3), start):
            word = toks[k].lower.rstrip(".")
            if word in self.lex.person_titles or toks[k].lemma.casefold() in self.lex.person_titles:
                return True
        if ent is not None:
            root = self._root(ent.start, ent.end)
            tok = toks[root]
            if tok.dep in ("nsubj", "nsubjpass") and toks[tok.head].lemma in self.lex.reporting_lemmas:
                return True
            if tok.dep == "poss":
                return True
        return False

    def _a_towns_own_name(self, start: int, end: int) -> bool:
        """The words are exactly the own name of a town of at least ``story_town_population`` people."""
        text = self.p.tokens_text(start, end)
        return any(_is_exact(r, text) and r.raw.get("kind") == "city"
                   and _population(r) >= self.lex.story_town_population
                   for r in self.resolver.lookup(text))  # fmt: skip

    def _person_evidence(self, start: int, end: int) -> bool:
        toks = self.p.tokens
        prev = toks[start - 1] if start > 0 else None
        if prev is not None and prev.lower.rstrip(".") in self.lex.person_titles:
            return True
        head = toks[self._root(start, end)]
        if head.dep in ("nsubj", "nsubjpass") and toks[head.head].lemma in self.lex.reporting_lemmas:
            return True
        return all(fold(t.text) in self.known_people for t in toks[start:end])

    # structure --------------------------------------------------------------------------------------------

    def _root(self, start: int, end: int) -> int:
        return span_root(self.p, start, end)

    def _entity_over(self, start: int, end: int) -> Span | None:
        for k in range(start, end):
            ent = self.p.entity_at(k)
            if ent is not None and start > ent.start and opens_with_a_gerund(self.p, ent):
                return None  # "Leaving Oakland on May 20", which the small model tags as a person
            if ent is not None:
                return ent
        return None

    def _next_word(self, end: int) -> Token | None:
        toks = self.p.tokens
        k = end
        if k < len(toks) and toks[k].text in ("'s", "’s"):
            return None
        return toks[k] if k < len(toks) and toks[k].sent == toks[end - 1].sent else None

    def _heads(self, lemma: str) -> dict[str, Any] | None:
        info = self.lex.descriptive_heads.get(lemma)
        return dict(info) if info is not None else None

    def _head_phrase(self, i: int) -> tuple[str, dict[str, Any]] | None:
        """The descriptive head at token ``i`` ("station", "border town"), with its feature."""
        tok = self.p.tokens[i]
        if tok.pos not in ("NOUN", "PROPN"):
            return None
        if i > 0 and self.p.tokens[i - 1].head == i:  # "border town", "railway station"
            two = f"{self.p.tokens[i - 1].lemma.casefold()} {tok.lemma.casefold()}"
            info = self._heads(two)
            if info:
                return two, info
        info = self._heads(tok.lemma.casefold())
        return (tok.lemma.casefold(), info) if info else None

    def _demonym_country(self, i: int) -> str | None:
        """The country a modifier names: "Chinese" → CN, "Russia's" → RU, "North Korean" → KP."""
        tok = self.p.tokens[i]
        two = f"{self.p.tokens[i - 1].text} {tok.text}" if i > 0 else ""
        for words in (two, tok.text):
            code = self.lex.demonyms.get(fold(words)) if words else None
            if code:
                return code
        if tok.pos == "PROPN" or tok.ent_type == "GPE":
            ent = self.p.entity_at(i)
            name = self.p.span_text(ent) if ent is not None else tok.text
            return self.resolver.country_code(name)
        return None

    def _country_of_phrase(self, head: int, skip: range | None = None) -> str | None:
        """A country named around a descriptive head: its modifiers, possessor or "in <Country>"."""
        for child in self.p.children(head):
            if skip is not None and child in skip:
                continue
            tok = self.p.tokens[child]
            if tok.dep in ("amod", "compound", "poss", "nmod"):
                code = self._demonym_country(child)
                if code:
                    return code
            if tok.dep == "prep" and tok.lower in ("in", "of"):
                for obj in self.p.children(child):
                    if self.p.tokens[obj].dep == "pobj" and (skip is None or obj not in skip):
                        code = self._demonym_country(obj)
                        if code:
                            return code
        return None

    def _border_of(self, head: int) -> str | None:
        """"on the Chinese border" / "near the border with China" / "Chinese border city" → CN."""
        for k in self.p.subtree(head):
            tok = self.p.tokens[k]
            if tok.lemma.casefold() not in self.lex.border_words:
                continue
            for child in self.p.children(k):
                ctok = self.p.tokens[child]
                if ctok.dep in ("amod", "compound", "poss", "nmod"):
                    code = self._demonym_country(child)
                    if code:
                        return code
                if ctok.dep == "prep" and ctok.lower == "with":
                    for obj in self.p.children(child):
                        code = self._demonym_country(obj)
                        if code:
                            return code
            if self.p.tokens[head].dep != "ROOT":
                for sib in self.p.children(head):
                    if self.p.tokens[sib].dep in ("amod", "compound") and sib != k:
                        code = self._demonym_country(sib)
                        if code and k in self.p.children(head):
                            return code
        return None

    def _descriptor_for(self, start: int, end: int) -> tuple[str, dict[str, Any], int] | None:
        """The descriptive noun a name hangs on: "X station", "the town of X", "the capital, X"."""
        toks = self.p.tokens
        root = self._root(start, end)
        tok = toks[root]
        head = tok.head
        named_by_of = any(toks[c].lower == "of" and any(toks[o].pos == "PROPN" for o in self.p.children(c))
                          for c in self.p.children(head))  # fmt: skip
        if tok.dep == "compound" and head != root and not named_by_of:
            # "the Atlantic port of Lobito": the port is Lobito, whatever word stands before it
            found = self._head_phrase(head)
            if found:
                return (*found, head)
        if tok.dep == "pobj" and toks[head].lower in ("of", "at") and toks[head].head != head:
            noun = toks[head].head
            found = self._head_phrase(noun)
            if found:
                return (*found, noun)
        if tok.dep == "appos":
            found = self._head_phrase(head)
            if found:
                return (*found, head)
        for child in self.p.children(root):
            if toks[child].dep == "appos":
                found = self._head_phrase(child)
                if found:
                    return (*found, child)
        nxt = self._next_word(end)
        if nxt is not None:
            found = self._head_phrase(nxt.i)
            if found and found[1].get("feature") in ("station", "crossing"):
                return (*found, nxt.i)
        return None

    def _governed_as_place(self, start: int, end: int) -> str:
        toks = self.p.tokens
        root = self._root(start, end)
        tok = toks[root]
        for _ in range(4):  # "through Oulu and Tampere": a conjunct stands where the first one does
            if tok.dep != "conj" or tok.head == tok.i:
                break
            tok = toks[tok.head]
        if tok.dep == "compound" and toks[tok.head].lemma.casefold() in self.lex.stretch_nouns:
            tok = toks[tok.head]  # "to the Badaling section of the Great Wall": where the stretch stands
        if tok.dep == "pobj" and toks[tok.head].lower == "of" and toks[tok.head].head != tok.head:
            noun = toks[toks[tok.head].head]
            if noun.pos == "NOUN" and noun.lemma.casefold() in self.lex.within_nouns:
                tok = noun  # "reached the palace of Fontainebleau": where that palace stands
        head = toks[tok.head]
        if tok.dep == "pobj" and head.lower in self.lex.prepositions:
            return "preposition of place"
        if tok.dep == "pobj" and self.p.by_way_of(head.i):
            return "preposition of place"  # "by way of Innsbruck"
        movement = self.lex.movement.get(head.lemma)
        places_object = movement is not None and movement.object in ("from", "to", "via", "at")
        if tok.dep in ("dobj", "obj") and places_object:
            return "object of a movement verb"
        if tok.dep == "npadvmod" and head.lemma in self.lex.movement:
            return "object of a movement verb"
        if self.p.object_as_adverb(tok.i) and places_object:
            return "object of a movement verb"  # "The column entered Nadiad", parsed as an adverb
        return ""

    def _country_after(self, end: int) -> str | None:
        """"Khasan, Russia" → RU."""
        toks = self.p.tokens
        if end + 1 < len(toks) and toks[end].text == "," and toks[end + 1].pos == "PROPN":
            k = end + 1
            while k + 1 < len(toks) and toks[k + 1].pos == "PROPN":
                k += 1
            name = self.p.tokens_text(end + 1, k + 1)
            folded = fold(name)
            if folded in self.lex.demonyms:
                return None
            return self.resolver.country_code(name)
        return None

    # candidates ---------------------------------------------------------------------------------------

    def _line_starts(self, lines: int) -> Iterator[int]:
        toks = self.p.tokens
        yielded = 0
        for tok in toks:
            if yielded >= lines:
                return
            starts = tok.i == 0 or (toks[tok.i - 1].pos == "SPACE" and "\n" in toks[tok.i - 1].text)
            if starts and tok.pos != "SPACE":
                yielded += 1
                yield tok.i

    def dateline(self) -> tuple[int, int] | None:
        """The place a line opens with in capitals before "(Agency)", a comma or a dash (first six lines: an
        old paper may put a summary and "(FROM OUR OWN CORRESPONDENT.)" before it)."""
        toks = self.p.tokens
        for start in self._line_starts(6):
            k = start
            while k < len(toks) and (
                (toks[k].text.isupper() and toks[k].text.replace(".", "").isalpha())
                or (toks[k].text == "-" and k > start and toks[k - 1].end == toks[k].start
                    and k + 1 < len(toks) and toks[k + 1].text.isupper())
            ):  # fmt: skip
                k += 1
            if k == start or len(self.p.tokens_text(start, k)) < 3:
                titled = self._titled_dateline(start)
                if titled is not None:
                    return titled
                continue
            after = k
            while after < len(toks) and toks[after].pos == "SPACE" and "\n" not in toks[after].text:
                after += 1
            if after < len(toks) and (toks[after].text in (",", "(") or toks[after].text in _DASHES):
                if fold(self.p.tokens_text(start, k)) in self.lex.organisations:
                    continue
                if self._shouted_headline(start):
                    continue
                cues = default_cues()
                if any(t.lower in cues.weekdays or t.lower in cues.months for t in toks[start:k]):
                    continue  # "SATURDAY, JULY 26", a live blog's day heading
                return start, k
        return None

    def _shouted_headline(self, start: int) -> bool:
        """"TITO SIGNS PARTY DECLARATION, LEAVES MOSCOW TONIGHT": a line all in capitals with nothing of a
        dateline's after the comma (no date, no agency, no dash, no lower-case words) is a headline."""
        end = self.p.text.find("\n", self.p.tokens[start].start)
        line = self.p.text[self.p.tokens[start].start : end if end >= 0 else len(self.p.text)]
        if any(c.islower() or c.isdigit() or c in "(" for c in line) or any(d in line for d in _DASHES):
            return False
        return len([w for w in line.split() if w.isalpha()]) >= 5

    def _titled_dateline(self, start: int) -> tuple[int, int] | None:
        """"Minsk, March 5 (Agency) --": a title-case place, a comma, and a dash soon after."""
        toks = self.p.tokens
        k = start
        while k < len(toks) and toks[k].pos == "PROPN" and toks[k].text[:1].isupper() and k - start < 4:
            k += 1
        if k == start or k >= len(toks) or toks[k].text != ",":
            return None
        for j in range(k + 1, min(k + 14, len(toks))):
            if toks[j].pos == "SPACE" and "\n" in toks[j].text:
                return None
            if toks[j].text in _DASHES:
                return start, k
        return None

    def speaks_of_border(self, start: int, end: int) -> bool:
        """Whether a border word ("border", "frontier") stands near the name, in its sentence ("the border
        town of X", "X station, a few kilometres from the border"); not one a clause away ("flew back to X
        … to be elsewhere after the neighbour threw open its border")."""
        sentence = self.p.sentence(start)
        lo, hi = max(sentence.start, start - BORDER_WORD_SPAN), min(sentence.end, end + BORDER_WORD_SPAN)
        return any(t.lemma.casefold() in self.lex.border_words for t in self.p.tokens[lo:hi])

    def left(self, start: int, end: int) -> bool:
        """"from Poland", "after leaving Poland": a place set out from."""
        toks = self.p.tokens
        if start > 0 and toks[start - 1].lower == "from":
            return True
        root = toks[self._root(start, end)]
        prep = toks[root.head]
        if (root.dep == "pobj" and prep.lower in ("in", "at") and prep.head != prep.i
                and toks[prep.head].lemma.casefold() in ("begin", "start")):
            return True  # "a tour of some 3,000 km that had begun in Lisbon"
        motion = self.lex.movement.get(toks[root.head].lemma.casefold())
        return root.dep in ("dobj", "obj") and motion is not None and motion.object == "from"

    def moved(self, start: int, end: int) -> bool:
        """The name is where a movement verb goes to or from ("reached New Delhi", "flew on to Agra")."""
        return self._moved_verb(self._root(start, end)) is not None

    def acts(self, start: int, end: int) -> bool:
        """The span is the subject of a verb that is no movement ("Tokyo said", "Moscow has not
        confirmed"), or says whose clock a time is on ("at 8.13 a.m. (10.13 a.m. in Seoul)")."""
        for k in range(start, end):
            tok = self.p.tokens[k]
            if tok.dep in _SUBJECT_DEPS and not start <= tok.head < end:
                return self.p.tokens[tok.head].lemma.casefold() not in self.lex.movement
            if tok.dep == "pobj" and not start <= tok.head < end:
                prep = self.p.tokens[tok.head]
                return prep.head != prep.i and self.p.tokens[prep.head].ent_type in ("TIME", "DATE")
        return False

    def paragraph(self, i: int) -> int:
        """Index of the paragraph (text between blank lines) token ``i`` is in."""
        return self.p.text.count("\n\n", 0, self.p.tokens[i].start)

    def candidates(self) -> list[_Candidate]:
        out: list[_Candidate] = []
        taken: set[int] = set()
        dateline = self.dateline()
        if dateline:
            text = self.p.tokens_text(*dateline)
            out.append(_Candidate(dateline[0], dateline[1], "dateline", text, "dateline"))
            taken.update(range(*dateline))
        unplaced: list[tuple[int, int]] = []
        for start, end in name_runs(self.p, self.lex.name_particles):
            if start in taken:
                continue
            found = self._run_candidates(start, end)
            out.extend(found)
            if not found:
                unplaced.append((start, end))
        out.extend(self._airfields_by_short_name(unplaced, out))
        out.extend(self._unnamed())
        return _one_airfield_per_name(out)

    def _airfields_by_short_name(
        self, runs: Sequence[tuple[int, int]], found: Sequence[_Candidate]
    ) -> list[_Candidate]:
        """"Faleolo International Airport" named once, "lifted off from Faleolo" elsewhere: a name the
        gazetteer lacks that is an airfield's core name in the same article is that airfield."""
        short = {
            core(c.query): c for c in found
            if c.evidence == AIRFIELD_EVIDENCE and c.place is not None and core(c.query) != fold(c.query)
        }  # fmt: skip
        out = []
        for start, end in runs:
            text = self.p.tokens_text(start, end)
            named = short.get(fold(text))
            if named is not None:
                out.append(_Candidate(start, end, "name", text, evidence=named.evidence, place=named.place,
                                      airfield=named.airfield))
        return out

    def _run_candidates(self, start: int, end: int) -> list[_Candidate]:
        found = self._run_pass(start, end, unknown=False)
        return found or self._run_pass(start, end, unknown=True)

    def _run_pass(self, start: int, end: int, *, unknown: bool) -> list[_Candidate]:
        """Sub-runs the gazetteer knows; or, in the second pass, a described name it does not know."""
        toks = self.p.tokens
        found: list[_Candidate] = []
        used: set[int] = set()
        for a, b in _sub_runs(start, end):
            if used.intersection(range(a, b)):
                continue
            text = self.p.tokens_text(a, b)
            if len(text) < 2 or (text.endswith(".") and b - a == 1):
                continue
            acronym = toks[a].text.isupper() and len(text) > 1 and b - a == 1
            if acronym and fold(text) not in self.lex.aliases and toks[a].ent_type not in PLACE_ENTITIES:
                continue
            if fold(text) in self.lex.organisations or self._station_name(a, b, text):
                used.update(range(a, b))
                continue
            if (a, b) != (start, end) and not self._sub_run_ok(a, b, start, end):
                continue
            landmark = None if unknown else self._landmark(a, b, text)
            if landmark is not None:
                found.append(landmark)
                used.update(range(a, b))
                continue
            full = [] if unknown else self._with_its_article(a, text)
            results = full or ([] if unknown else self.resolver.lookup(text))
            if not results and not (unknown and self._unknown_but_described(a, b)):
                continue
            cand = _Candidate(a, b, "name", f"The {text}" if full else text, results=results)
            if self._vetoed(cand):
                used.update(range(a, b))
                continue
            self._describe(cand)
            if cand.hint:
                cand.results = self.resolver.lookup(text, cand.hint) or results
            found.append(cand)
            used.update(range(a, b))
        return found

    def _landmark(self, a: int, b: int, text: str) -> _Candidate | None:
        """A cosmodrome, an air base, an airport or an island of ``data/landmarks.json`` ("the Vostochny
        Cosmodrome", "Noi Bai airport"); an airport stands for the town it serves."""
        landmarks = load_landmarks()
        nxt = self.p.tokens[b] if b < len(self.p.tokens) else None
        names = [text] + ([f"{text} {nxt.text}"] if nxt is not None else [])
        found = next((landmarks[fold(n)] for n in reversed(names) if fold(n) in landmarks), None)
        if found is None:
            return self._airfield(a, b, text)
        evidence = f"a {found.kind} {LANDMARK_EVIDENCE}"
        cand = _Candidate(a, b, "name", text, evidence=evidence, place=found.place)
        if found.serves:
            served = self.resolver.lookup(found.serves, found.place.country)
            # (the town of that very name first: "New Delhi", not Delhi, which lists it among its names)
            own = [loc for loc in served if fold(str(loc.raw.get("name", ""))) == fold(found.serves)]
            if served:
                place = _place_from((own or served)[0])
                cand.place = replace(place, why=f"{found.name} serves {place.name}")
                cand.airfield = found.place
        return cand

    def _station_name(self, a: int, b: int, text: str) -> bool:
        """"Union Station", "Central Station": a station named by a word many cities use is no town's."""
        after = self.p.tokens[b].lemma.casefold() if b < len(self.p.tokens) else ""
        last = self.p.tokens[b - 1].lemma.casefold()
        if last in ("station", "terminal", "terminus") and b - a > 1:
            return fold(self.p.tokens_text(a, b - 1)) in self.lex.station_names
        return after in ("station", "terminal", "terminus") and fold(text) in self.lex.station_names

    def _facility_in_apposition(self, head: int, trim: frozenset[str]) -> str:
        """The airfield words ("air base") of the noun set beside a name, as its apposition."""
        for c in self.p.children(head):
            if self.p.tokens[c].dep != "appos":
                continue
            span = [k for k in self.p.children(c) if k < c and self.p.tokens[k].dep == "compound"] + [c]
            words = [self.p.tokens[k].text for k in sorted(span) if fold(self.p.tokens[k].text) in trim]
            if words:
                return " ".join(words)
        return ""

    def _airfield(self, a: int, b: int, text: str) -> _Candidate | None:
        """An airfield of ``airportsdata`` named with its own words ("Yokota Air Base", "Chubu Centrair
        International Airport", "Fiumicino airport"): the town it serves when that town lies near it, as
        for the airports of ``data/landmarks.json``, else the airfield itself."""
        toks, trim = self.p.tokens, airfield_trim()
        end = b
        while end < len(toks) and end - b < 4 and toks[end].text.isalpha() and fold(toks[end].text) in trim:
            end += 1  # "Yokota air base": the airfield's words after the capitalised run
        phrase = self.p.tokens_text(a, end)
        field = find_airfield(phrase)
        if field is None and end == b:
            # "Al Udeid, the sprawling US air base south-west of Doha": the apposition says what it is
            words = self._facility_in_apposition(b - 1, trim)
            field = find_airfield(f"{phrase} {words}") if words else None
        # "landed at Amsterdam's Schiphol airport … was driven back to Schiphol": an airfield named once is
        # that airfield when its bare name recurs
        flown = field is None and end == b and (self._flown(self._root(a, b)) or fold(text) in self.airfields)
        # "the pair left Heathrow": a great airport's name, where any move starts or ends, is that airport
        # when the towns of that name are villages (Heathrow, Florida)
        move = self._moved_verb(self._root(a, b)) if field is None and end == b and not flown else None
        # (not a stay: "spent the night at the InterContinental"; and a name of its own beside the airfield
        # words: "InterContinental" alone is no airport's)
        moved = move is not None and not move[1].presence and bool(core(phrase))
        people = self._population_of(text) if flown or moved else 0  # looked up once, only for a move's name
        bare = (flown and people < BARE_AIRPORT_MAX) or (moved and people < VILLAGE_MAX)
        if bare:
            # "landed at Fiumicino", "the plane left Heathrow": an airport's own name, in a flight, is the
            # airport, and stands for the town it serves (Rome, not the town of Fiumicino beside it); only
            # then, so a bare name never becomes an airfield far from any town it could be
            field = find_airfield(f"{phrase} airport")
            if field is not None and (not field.iata or not field.city or fold(field.city) == fold(phrase)):
                field = None
        if field is None:
            return None
        if field.city and not field.military and core(phrase) == fold(field.city):
            # "reached London Airport on Sunday evening" (Heathrow's old name): an airfield named only by its
            # town is that town's, not the airport of a smaller namesake abroad (London, Ontario)
            towns = self.resolver.lookup(field.city)
            if towns and _place_from(towns[0]).country != field.country:
                return None
        here = (field.latitude, field.longitude)
        why = f"{field.name}: an airfield of the airportsdata table (cities500 has none)"
        airfield = place = Place(name=field.name, latitude=field.latitude, longitude=field.longitude,
                                 country=field.country, timezone=field.timezone or None, why=why)
        served = self.resolver.lookup(field.city, field.country, near=[here]) if field.city else []
        if served and geodesic(here, (served[0].latitude, served[0].longitude)).km <= SERVED_KM:
            town = _place_from(served[0])
            place = replace(town, why=f"{field.name} serves {town.name}")
        if bare and (place.geonameid is None or place.population <= people):
            return None  # "took him on to Pristina": the capital, not Lipjan where its airport lies
        if moved and place.population < GREAT_AIRPORT_CITY:
            return None
        self.airfields.add(core(phrase))
        return _Candidate(a, b, "name", text, evidence=AIRFIELD_EVIDENCE, place=place,
                          airfield=airfield if place is not airfield else None)

    def _population_of(self, name: str) -> int:
        """The people of the town the gazetteer gives for ``name`` first (0 when none)."""
        found = self.resolver.lookup(name)
        return _place_from(found[0]).population if found else 0

    def _moved_verb(self, a: int) -> tuple[int, Motion] | None:
        """The movement verb the name at token ``a`` is the object of ("left Heathrow", "landed at X"), and
        what it says."""
        toks = self.p.tokens
        head = toks[a].head
        if toks[a].dep == "pobj":
            head = toks[head].head
        elif toks[a].dep not in ("dobj", "obj"):
            return None
        motion = self.lex.movement.get(toks[head].lemma.casefold())
        return (head, motion) if motion is not None else None

    def _flown(self, a: int) -> bool:
        """The name at token ``a`` is where a flight lands or leaves: the object of a flying verb ("landed
        at", "flew into") or of any move whose subject is an aircraft ("the plane left")."""
        toks = self.p.tokens
        found = self._moved_verb(a)
        if found is None:
            return False
        head, motion = found
        verb = toks[head]
        particles = [toks[c].lower for c in self.p.children(head) if toks[c].dep == "prt"]
        phrasal = [self.lex.phrasal(verb.lemma, p) for p in particles]
        motion = next((m for m in phrasal if m is not None), motion)  # "took off from Fiumicino"
        subjects = [toks[c].lemma.casefold() for c in self.p.children(head) if toks[c].dep in _SUBJECT_DEPS]
        # "the King left Heathrow … on a scheduled commercial flight", "boarded Aeroflot flight SU213 at Chek
        # Lap Kok": a flight said in the verb's own words
        said = [toks[k].lemma.casefold() for c in self.p.children(head) if toks[c].dep in ("prep", "dobj")
                for k in self.p.subtree(c)]  # fmt: skip
        return motion.mode == "air" or any(self.lex.vehicles.get(w) == "air" for w in [*subjects, *said])

    def _unknown_but_described(self, a: int, b: int) -> bool:
        """A name the gazetteer lacks is still a place when a descriptive noun says so ("the border
        station of Tumangang"): it is kept unresolved, and routing places it at the station of that name."""
        last = self.p.tokens[b - 1].lemma.casefold()
        if self._place_word(last):
            return False
        ent = self._entity_over(a, b)
        if ent is not None and ent.label in ("LOC", "NORP"):
            return False  # "the Mediterranean port", "the Baltic port": a sea or a people, no town's name
        found = self._descriptor_for(a, b)
        return found is not None and found[1].get("feature") in ("station", "crossing", "city")

    def _sub_run_ok(self, a: int, b: int, start: int, end: int) -> bool:
        """A part of a longer proper-noun run is a place only when the parser marks it as one, or when the
        rest of the run is a facility or descriptive word ("Vladivostok Station")."""
        ent = self._entity_over(a, b)
        if ent is not None and ent.label in PLACE_ENTITIES and ent.start == a and ent.end == b:
            return True
        if a == start and self._facility_named_after(a, end):
            return True
        rest = [t for t in self.p.tokens[start:end] if not a <= t.i < b]
        return all(self._place_word(t.lemma.casefold()) or fold(t.text) in self.lex.demonyms for t in rest)

    def _where_it_stands(self, a: int, b: int, ent: Span) -> bool:
        """"the Great Wall at Badaling", "the hospital in Landstuhl": a name that ends a facility's span after
        "at" or "in" is where the facility stands, not a part of its name."""
        return (ent.label == "FAC" and a > ent.start and b == ent.end
                and self.p.tokens[a - 1].lower in ("at", "in"))  # fmt: skip

    def _facility_named_after(self, a: int, end: int) -> bool:
        """"Beijing Capital International Airport", "Moscow Vnukovo airport": a facility whose name starts
        with the town's is in that town, whatever words come between."""
        last = self.p.tokens[end - 1].lemma.casefold()
        after = self.p.tokens[end].lemma.casefold() if end < len(self.p.tokens) else ""
        # the facility word may stand outside the capitalised run: "Berlin Brandenburg airport"
        return end - a <= 6 and (last in self.lex.name_facilities or after in self.lex.name_facilities)

    def _place_word(self, lemma: str) -> bool:
        """A word that, beside a name, says the name is a place: "station", "border town", "railway"."""
        lex = self.lex
        return lemma in lex.name_facilities or lemma in lex.descriptive_heads or lemma in lex.vehicles

    def _vetoed(self, cand: _Candidate) -> bool:
        a, b = cand.start, cand.end
        if b - a == 1 and self.p.tokens[a].lemma.casefold() in self.lex.name_vetoes:
            return True  # "St. Michael's Cathedral": the building's own word is no town
        if not core(self.p.tokens_text(a, b)):
            return True  # "at Beijing's Capital Airport" read as "Airport": an airfield's word, not a town
        if b - a == 1 and a > 0 and self.p.tokens[a].lemma.casefold() in self.lex.vehicles and (
                self.p.tokens[a - 1].pos in ("DET", "ADJ") or self.p.tokens[a - 1].tag in ("VBG", "PRP$")):
            return True  # "switched to a waiting Mercedes", "his Boeing": a make of vehicle, not Mercedes, UY
        if fold(self.p.tokens_text(a, b)) in self.lex.demonyms:
            return True  # "addressed the summit in English": a people or a language, not English, AR
        before = self.p.tokens[a - 2].lemma.casefold() if a >= 2 else ""
        if before in self.lex.area_nouns and self.p.tokens[a - 1].lower == "of":
            return True  # "the surrounding state of Brandenburg", "the island of Rügen": an area, no town
        root = self._root(a, b)
        if any(self.p.tokens[c].dep == "appos" and self.p.tokens[c].lemma.casefold() in self.lex.name_vetoes
               for c in self.p.children(root)):  # fmt: skip
            return True  # "along Khreshchatyk, the city's main street": what it is named as, a street
        ent = self._entity_over(a, b)
        if ent is not None and ent.label in NAME_ENTITY_VETO and (ent.start < a or ent.end > b):
            extra = [t for t in self.p.tokens[ent.start : ent.end] if not a <= t.i < b]
            after = self.p.tokens[b] if b < ent.end else None
            if after is not None and after.pos == "ADP" and after.lower != "of":
                extra = [t for t in extra if t.i < a]  # "Bureya in the Amur region" read as one name
            before_name = self.p.tokens[a - 1] if a > ent.start else None
            if (before_name is not None and before_name.pos == "ADP"
                    and before_name.lower in self.lex.prepositions):
                extra = [t for t in extra if t.i > a]  # "through Sisteron to Grenoble" read as one name
            harmless = (ent.start == a and self._facility_named_after(a, ent.end)) or all(
                self._place_word(t.lemma.casefold()) or t.pos == "PUNCT" or t.text in ("'s", "’s")
                for t in extra
            ) or self._a_conjunct(a, b, ent) or self._where_it_stands(a, b, ent)
            if not harmless:
                return True
        if self._names_a_thing(a, b):
            return True
        if self._definite_proper_noun(a, b, cand) or self._possessed_building(a, b):
            return True
        if (a > 0 and self.p.tokens[a - 1].tag == "PRP$" and cand.results
                and not any(_is_exact(r, self.resolver.query_for(cand.query)) for r in cand.results)):
            return True  # "in his Packard": a thing of his that a town was once also called
        if self._modifies_a_thing(a, b) and not self._his(a, b):
            return True
        if ent is not None and ent.label == "PERSON" and self._person_evidence(a, b):
            return True
        # "Stalin's birthday": a name the model reads as a person that is only an old or other name of a town
        # (Donetsk's), not its own; read as a person once, it is that person wherever it stands untagged
        # ("LIVE: Snowden walks out …", where "Snowden" is an old name of Leland, Mississippi)
        # (or tagged a place there, when it is the surname of a full name the article gives: "a helicopter
        # brought Brezhnev into Washington", Brezhnev an old name of Naberezhnye Chelny; not "the Sword of
        # Stalingrad", tagged a person once)
        word = fold(self.p.tokens[a].text)
        surname = ent is not None and ent.label == "GPE" and word in self.known_people
        one_person = b - a == 1 and word in self.person_words and (
            ent is None or ((ent.start, ent.end) == (a, b) and (ent.label == "PERSON" or surname)))
        if one_person and not where_one_went(self.p, self.lex, a, b):
            own = [r for r in cand.results if fold(str(r.raw.get("name") or "")) == fold(cand.query)]
            if cand.results and not own and all(r.raw.get("kind") == "city" for r in cand.results):
                return True
        known = all(fold(t.text) in self.known_people for t in self.p.tokens[a:b])
        return (ent is None or ent.label not in PLACE_ENTITIES) and known and self._person_evidence(a, b)

    def _names_a_thing(self, a: int, b: int) -> bool:
        """"the Hotel Metropole", "the Arizona Memorial", "the USS Arizona": a name a building's noun follows
        (not "his New Delhi hotel": after "his", a lower-case noun says what of the town is his) or a
        ship's prefix comes before names that thing; so does a vehicle's noun set beside it ("crossed in the
        steamer Biarritz", "the P. and O. liner Rajputana")."""
        nxt = self._next_word(b)
        vetoed_by_next = nxt is not None and nxt.lemma.casefold() in self.lex.name_vetoes
        if vetoed_by_next and nxt is not None and nxt.pos in ("NOUN", "PROPN") and not self._his(a, b):
            return True
        if a > 0 and self.p.tokens[a - 1].lower in self.lex.vessel_prefixes:
            return True
        before, root = self.p.tokens[a - 1] if a > 0 else None, self.p.tokens[self._root(a, b)]
        # (the small tagger may take "steamer" for an adjective)
        return (before is not None and before.pos in ("NOUN", "ADJ")
                and before.lemma.casefold() in self.lex.vehicles
                and ((root.dep == "appos" and root.head == before.i) or before.head == root.i))

    def _his(self, a: int, b: int) -> bool:
        """"his New Delhi hotel": after "his", a lower-case noun says what of the town is his."""
        nxt = self._next_word(b)
        return a > 0 and self.p.tokens[a - 1].tag == "PRP$" and nxt is not None and nxt.text.islower()

    def _a_conjunct(self, a: int, b: int, ent: Span) -> bool:
        """"through Oulu and Tampere", which the small model tags as one organisation: a name that is one
        member of a coordination inside the entity is that name alone."""
        toks = self.p.tokens
        inside = toks[ent.start : ent.end]
        if not any(t.pos == "CCONJ" for t in inside):
            return False
        left = a == ent.start or toks[a - 1].pos in ("CCONJ", "PUNCT")
        right = b == ent.end or toks[b].pos in ("CCONJ", "PUNCT")
        return left and right

    def _modifies_a_thing(self, a: int, b: int) -> bool:
        """"the Angara rocket", "the Singapore summit": a name that only qualifies a common noun names that
        thing, not a place the traveller is at (a station, a border crossing or an airport still is)."""
        toks = self.p.tokens
        root = toks[self._root(a, b)]
        # "in the Julian calendar": a capitalised adjective on a noun qualifies it too
        qualifies = root.dep == "compound" or (root.dep == "amod" and root.pos == "ADJ")
        if not qualifies or root.head == root.i:
            return False
        head = toks[root.head]
        lemma = head.lemma.casefold()
        if head.pos != "NOUN" or lemma in self.lex.descriptive_heads or lemma in self.lex.name_facilities:
            return False
        if lemma in self.lex.stretch_nouns and any(toks[c].lower == "of" for c in self.p.children(head.i)):
            return False  # "the Badaling section of the Great Wall": where that stretch is
        if lemma in self.lex.vehicles and head.dep == "compound" and toks[head.head].pos == "PROPN":
            return True  # "the Orient liner Orford": the line that runs the named vessel
        return lemma not in self.lex.vehicles and lemma not in self.lex.border_words

    def _possessed_building(self, a: int, b: int) -> bool:
        """"St. Michael's Golden-Domed Monastery": a name owning a building or a body is part of its name."""
        toks = self.p.tokens
        if b >= len(toks) or toks[b].text not in ("'s", "’s"):
            return False
        head = toks[self._root(a, b)].head
        if (self._heads(toks[head].lemma.casefold()) or {}).get("feature") == "station":
            return False  # "Baltimore's President Street station": the town's station, not a saint's
        words = [toks[k] for k in range(b + 1, min(head + 1, b + 6))]
        return any(t.lemma.casefold() in self.lex.name_vetoes for t in words)

    def _definite_proper_noun(self, a: int, b: int, cand: _Candidate) -> bool:
        """"the Amur", "the Yalu", "the Istana": a name with "the" of its own is a river, a building or a
        region, not a town (countries keep theirs: "the Philippines"; "the Khasan station" is a town)."""
        toks = self.p.tokens
        if a == 0 or toks[a - 1].lower != "the":
            return False
        if toks[self._root(a, b)].dep in ("compound", "amod", "nmod"):
            return False
        if fold(cand.query) in self.lex.aliases or fold(cand.query).startswith("the "):
            return False  # (a name found with its "The": "The Hague")
        return not any(r.raw.get("kind") == "country" for r in cand.results[:1])

    def _with_its_article(self, a: int, text: str) -> list[Location]:
        """"to The Hague", "the Netherlands": a place whose own name begins with "The" (the gazetteer's
        "The Hague", "The Netherlands"), found by the name with it."""
        if a == 0 or self.p.tokens[a - 1].lower != "the":
            return []
        full = f"The {text}"
        return [r for r in self.resolver.lookup(full) if fold(str(r.raw.get("name", ""))) == fold(full)]

    def _describe(self, cand: _Candidate) -> None:
        desc = self._descriptor_for(cand.start, cand.end)
        if desc is not None:
            phrase, info, head = desc
            span = self.p.subtree(head)
            lo = min(span.start, cand.start)
            hi = max(cand.end, head + 1)
            cand.description = self.p.tokens_text(lo, hi)
            cand.feature = str(info.get("feature") or "")
            cand.evidence = f"descriptive phrase ({phrase})"
            cand.hint = self._country_of_phrase(head, range(cand.start, cand.end))
            if info.get("border") or "border" in phrase:
                cand.border_of = self._border_of(head) or cand.hint
        if not cand.hint:
            cand.hint = self._country_after(cand.end)
            if cand.hint and not cand.evidence:
                cand.evidence = "followed by its country"
        if not cand.evidence:
            cand.evidence = self._governed_as_place(cand.start, cand.end)
        ent = self._entity_over(cand.start, cand.end)
        if not cand.evidence and ent is not None and ent.label in PLACE_ENTITIES:
            cand.evidence = f"the parser reads it as a place ({ent.label})"
        if not cand.evidence and self._heads_its_line(cand.start):
            cand.evidence = "the heading of its paragraph"  # "11.52am ¶ Alliance. The train reached town"

    def _heads_its_line(self, a: int) -> bool:
        """The name at token ``a`` opens a short verbless sentence that opens its line ("Alliance.",
        "Pittsburgh, the first stop in Pennsylvania."): a live blog's or an explainer's heading, a place."""
        sent = self.p.sentence(a)
        line_start = self.p.text.rfind("\n", 0, self.p.tokens[a].start) + 1
        # ends as a heading does ("Emmanuel", a name the parser cut off as a sentence of its own, does not)
        ends = self.p.text[sent.char_start : sent.char_end].rstrip().endswith((".", ":"))
        return (sent.start == a and self.p.is_heading(sent) and ends and line_start <= sent.char_start
                and not self.p.text[line_start : sent.char_start].strip())

    def _unnamed(self) -> Iterator[_Candidate]:
        """Descriptive references that name no place: "a station on the Chinese border"."""
        toks = self.p.tokens
        for tok in toks:
            found = self._head_phrase(tok.i)
            if found is None or tok.pos != "NOUN":
                continue
            phrase, info = found
            capital = phrase in ("capital", "capital city")
            deictic = any(toks[k].lower == "this" for k in self.p.children(tok.i))
            anaphoric = phrase in ("station", "city", "town") or info.get("feature") == "landmark"
            plain = info.get("feature") not in ("station", "crossing") and not info.get("border")
            if plain and not capital and not deictic and not anaphoric:
                continue
            kids = self.p.children(tok.i)
            if any(toks[k].pos == "PROPN" and toks[k].dep in ("compound", "appos", "poss") for k in kids) \
                    and not deictic:  # "this Silk Road city" names none
                continue
            if any(
                toks[k].dep == "prep" and toks[k].lower in ("of", "at")
                and any(toks[o].pos == "PROPN" for o in self.p.children(k))
                for k in kids
            ):
                continue
            if tok.dep == "appos" and toks[tok.head].pos == "PROPN":
                continue
            if tok.dep == "compound":
                continue
            border = self._border_of(tok.i)
            hint = self._country_of_phrase(tok.i)
            if not border and not info.get("border") and not hint and not capital and not anaphoric:
                continue
            if info.get("feature") == "landmark" and (border or hint or len(kids) != 1):
                continue  # "an airport in south-eastern Poland": no site named before it to point back to
            if capital and not any(toks[k].lower in ("the", "its", "his", "her", "this") for k in kids):
                continue
            if deictic:
                # "at this small Vietnamese border town", "to this old imperial capital": the dateline's place
                yield _Candidate(tok.i, tok.i + 1, "descriptive", tok.text, "deictic",
                                 description=self.p.tokens_text(min(kids), tok.i + 1),
                                 feature=str(info.get("feature") or ""))  # fmt: skip
                continue
            if not border and not hint and not capital:
                # "the station": the station named last, when the phrase is bare and definite
                if len(kids) == 1 and toks[kids[0]].lower == "the":
                    phrase_text = self.p.tokens_text(tok.i - 1, tok.i + 1)
                    feature = str(info.get("feature") or "")
                    yield _Candidate(tok.i - 1, tok.i + 1, "descriptive", phrase_text, "anaphora",
                                     description=phrase_text, feature=feature)  # fmt: skip
                continue
            span = self.p.subtree(tok.i)
            start = span.start
            while start < tok.i and toks[start].dep in ("punct", "cc"):
                start += 1
            end = span.stop
            clauses = [c for c in kids
                       if c > tok.i and toks[c].dep in ("relcl", "acl") and toks[c].pos == "VERB"]
            if clauses:  # "out of the capital the party reached X": a clause after the noun is not its name
                end = min(self.p.subtree(clauses[0]).start, end)
            while end > tok.i + 1 and toks[end - 1].dep in ("punct", "cc"):
                end -= 1
            description = self.p.tokens_text(start, end)
            yield _Candidate(
                start, end, "descriptive", description, "capital" if capital else "descriptive phrase",
                hint=hint, description=description, feature=str(info.get("feature") or ""), border_of=border,
            )  # fmt: skip

    def accept(self, cand: _Candidate) -> bool:
        """Positive evidence that a gazetteer hit is a place mention here."""
        if cand.kind in ("descriptive", "dateline") or cand.place is not None:
            return True
        if not cand.results:
            return cand.description is not None
        if cand.description is not None or cand.evidence:
            return fold(cand.query) not in self.lex.stopwords or bool(cand.description)
        top = cand.results[0].raw
        if top.get("kind") == "country":
            return True
        return (
            int(top.get("population") or 0) >= self.lex.well_known_population
            and fold(cand.query) not in self.lex.stopwords
        )

    def towns_of_the_story(
        self, candidates: Sequence[_Candidate], accepted: Sequence[_Candidate]
    ) -> list[_Candidate]:
        """"Holguin turned out for him": in a story told among the towns of one country, a name that is
        exactly a town of that country is that town, even bare, unless the article says it is a person.

        The small model tags such towns PERSON; a title, or a longer name it is part of, still says person."""
        named = {fold(c.query): str(c.results[0].raw.get("country_code") or "") for c in accepted
                 if c.kind == "name" and c.results and c.results[0].raw.get("kind") != "country"}  # fmt: skip
        counts = Counter(named.values())
        if not counts:
            return []
        country, n = counts.most_common(1)[0]
        if not country or n < self.lex.story_towns:
            return []
        taken = {id(c) for c in accepted}  # with the recurrences of names placed once
        out = []
        for cand in candidates:
            if id(cand) in taken or cand.kind != "name" or not cand.results or not self._one_word(cand):
                continue
            top = cand.results[0]
            word = fold(cand.query)
            if str(top.raw.get("country_code") or "") != country or not _is_exact(top, cand.query):
                continue
            if int(top.raw.get("population") or 0) < self.lex.story_town_population:
                continue
            if word in self.known_people or word in self.lex.stopwords or self._titled(cand.start):
                continue
            cand.evidence = f"a town of the country the story is told in ({country})"
            out.append(cand)
        return out

    def _one_word(self, cand: _Candidate) -> bool:
        """One word as written, hyphens and all ("Trois-Rivières" is three tokens but one word)."""
        toks = self.p.tokens
        return all(toks[k].start == toks[k - 1].end for k in range(cand.start + 1, cand.end))

    def listed_with_towns(
        self, candidates: Sequence[_Candidate], accepted: Sequence[_Candidate]
    ) -> list[_Candidate]:
        """"Louiseville, Berthierville and Repentigny came after": a bare name in one coordination with a town
        the article places is a town of that town's country too, when the gazetteer has it there by exactly
        that name (a list of stops names small places beside big ones)."""
        placed = {self._root(c.start, c.end): c for c in accepted if c.kind == "name" and c.results}
        taken = {id(c) for c in accepted}
        out: list[_Candidate] = []
        grew = True
        while grew:  # a town placed so is a neighbour for the rest of its list
            grew = False
            for cand in candidates:
                if id(cand) in taken or not self._listed_with(cand, placed):
                    continue
                taken.add(id(cand))
                placed[self._root(cand.start, cand.end)] = cand
                out.append(cand)
                grew = True
        return out

    def _listed_with(self, cand: _Candidate, placed: Mapping[int, _Candidate]) -> bool:
        """Whether ``cand`` is a town listed with one of the ``placed`` (by root token); if so its results
        put that country's town of the name first and its evidence says why."""
        toks = self.p.tokens
        if cand.kind != "name" or not cand.results or not self._one_word(cand):
            return False
        root = self._root(cand.start, cand.end)
        # the coordination: the first conjunct and every conjunct hung on it
        first = toks[root].head if toks[root].dep == "conj" else root
        members = [first, *(k for k in self.p.subtree(first) if toks[k].dep == "conj")]
        neighbours = [placed[k] for k in members if k in placed and k != root]
        if not neighbours or fold(cand.query) in self.lex.stopwords or fold(cand.query) in self.known_people:
            return False
        # (a neighbour's own namesakes count: its first result may be another town's old name)
        countries = {str(r.raw.get("country_code") or "") for n in neighbours
                     for r in [n.results[0], *(r for r in n.results if _is_exact(r, n.query))]}  # fmt: skip
        # "Louiseville" is also an old name of Tuscaloosa: the town of the listed towns' country
        same = [r for r in cand.results if str(r.raw.get("country_code") or "") in countries
                and _is_exact(r, cand.query)]  # fmt: skip
        if not same or self._titled(cand.start):
            return False
        cand.results = [same[0], *(r for r in cand.results if r is not same[0])]
        country = str(same[0].raw.get("country_code") or "")
        cand.evidence = f"listed with {neighbours[0].query}, a town of the same country ({country})"
        return True

    def mention(self, article: Article, cand: _Candidate) -> Mention:
        toks = self.p.tokens
        sent = self.p.sentence(cand.start)
        start, end = toks[cand.start].start, toks[cand.end - 1].end
        return Mention(
            article=article.id,
            text=article.text[start:end],
            start=start,
            end=end,
            sentence_start=sent.char_start,
            sentence_end=sent.char_end,
            kind=cand.kind,
            place=cand.place,
            description=cand.description,
            feature=cand.feature or None,
            border_of=cand.border_of,
            country_hint=cand.hint,
            airfield=cand.airfield,
        )

    def regions(self, article: Article) -> list[Mention]:
        """Named regions of the lexicon ("the Russian Far East"), placed at their centres, and the areas the
        geocoder knows ("Maryland")."""
        out: list[Mention] = []
        folded_tokens = [fold(t.text) for t in self.p.tokens]
        areas = getattr(self.resolver.geocoder, "areas", None)
        by_first: dict[str, list[tuple[list[str], Place]]] = defaultdict(list)
        for name, area in (areas() if areas is not None else {}).items():
            if name in self.lex.regions:
                continue  # the lexicon's own centre for it ("Alaska")
            words = [fold(w) for w in name.split()]
            by_first[words[0]].append((words, area))
        for i, word in enumerate(folded_tokens):
            for words, area in by_first.get(word, ()):
                if (folded_tokens[i : i + len(words)] == words and self.p.tokens[i].text[:1].isupper()
                        and not self._names_a_thing(i, i + len(words))):
                    cand = _Candidate(i, i + len(words), "name", area.name, place=area)
                    out.append(self.mention(article, cand))
        for name, info in self.lex.regions.items():
            words = [fold(w) for w in name.split()]
            for i in range(len(folded_tokens) - len(words) + 1):
                if folded_tokens[i : i + len(words)] != words:
                    continue
                countries = info.get("countries") or []
                place = Place(
                    name=name,
                    latitude=float(info["latitude"]),
                    longitude=float(info["longitude"]),
                    country=countries[0] if len(countries) == 1 else "",
                    kind="region",
                    why="a named region from data/lexicon.json",
                )
                cand = _Candidate(i, i + len(words), "name", name, place=place)
                out.append(self.mention(article, cand))
        return out


# --- choosing among namesakes -----------------------------------------------------------------------------


def _is_exact(location: Location, query: str) -> bool:
    """The place's own name, however spaced or apostrophised ("Siumu" is "Si’umu", "Danang" "Da Nang")."""
    return fold_compact(str(location.raw.get("name", ""))) == fold_compact(query)


def _dominant(results: Sequence[Location], lex: Lexicon) -> bool:
    """A famous city that dwarfs its namesakes (Paris, France vs Paris, Texas) is meant wherever we are."""
    first = _population(results[0])
    second = _population(results[1]) if len(results) > 1 else 0
    return first >= lex.well_known_population and first >= DOMINANT_RATIO * max(second, 1)


STATE_TOWN_SHARE = 10
"""A town of a state the article names is meant over a namesake at most this many times bigger."""


def _resolve_places(
    candidates: list[_Candidate], resolver: _Resolver, area_countries: set[str] | None = None,
    states: set[tuple[str, str]] | None = None,
) -> None:
    """Pick one place per candidate: unambiguous names first, then the rest ranked near them. The countries
    of the areas the article names ("SAIPAN, Northern Mariana Islands") count as named, and a town of a state
    it names ("COON RAPIDS, Iowa" … "Des Moines") is that state's."""
    anchors: list[Coordinates] = []
    for cand in candidates:
        if (
            cand.results
            and (len(cand.results) == 1 or cand.hint or _dominant(cand.results, resolver.lex))
            and cand.results[0].raw.get("kind") != "country"
            and _population(cand.results[0]) >= ANCHOR_POPULATION
        ):
            anchors.append((cand.results[0].latitude, cand.results[0].longitude))
    countries = {c.hint for c in candidates if c.hint} | {
        str(c.results[0].raw.get("country_code") or "") for c in candidates
        if c.results and (c.results[0].raw.get("kind") == "country" or len(c.results) == 1
                          # a dateline's "PARIS" names France, as "Hoboken" does the US (not a famous
                          # namesake's country for any name: Perth's Australia in a story of Scotland)
                          or (c.kind == "dateline" and _dominant(c.results, resolver.lex)
                              and _is_exact(c.results[0], resolver.query_for(c.query))))
    } | (area_countries or set())  # fmt: skip
    strays: set[int] = set()
    for cand in candidates:
        if cand.place is not None or not cand.results:
            continue
        results = cand.results
        own = (results[0].latitude, results[0].longitude)
        near = tuple(a for a in dict.fromkeys(anchors) if a != own)
        # a place only known by the name as another name (Belém, once "Bethlehem") does not dominate the
        # places called so: among those, nearness to the article's other places decides
        called = [r for r in results if _is_exact(r, resolver.query_for(cand.query))] or results
        if len(results) > 1 and (cand.at_border or (near and not _dominant(called, resolver.lex))):
            results = resolver.lookup(cand.query, cand.hint, near, cand.at_border) or results
        exact = [r for r in results if _is_exact(r, resolver.query_for(cand.query))]
        # … unless another namesake dwarfs it (Albany, New York over Albany, Illinois; Washington, DC)
        top = max((_population(r) for r in exact), default=0)
        in_state = [r for r in exact if (str(r.raw.get("country_code") or ""), str(r.raw.get("admin1") or ""))
                    in (states or set()) and _population(r) * STATE_TOWN_SHARE >= top]  # fmt: skip
        famous = exact and _population(exact[0]) >= resolver.lex.well_known_population
        if in_state and len(exact) > 1 and not famous:
            exact = sorted(in_state, key=_population, reverse=True)
        best = exact[0] if exact else results[0]  # "New Delhi" is New Delhi, not the bigger Delhi around it
        if (exact and near and _far_from_all(best, near) and not _far_from_all(results[0], near)
                and _population(results[0]) > _population(best)):
            # "Guangzhou - Canton, as the French still call it": not Canton, Michigan (but Saipan is not the
            # smaller Sapian that is merely nearer the article's other places)
            best = results[0]
        elif (exact and results[0] is not best and (not near or _far_from_all(best, near))
              and _population(results[0]) >= resolver.lex.well_known_population
              and _population(best) * ALIAS_DWARFS < _population(results[0])):
            # "sailed from Bombay" with only London named before: Mumbai, once so called, not the hamlet of
            # Bombay in New Zealand that nothing else in the article sits near
            best = results[0]
        elif (exact and near and results[0] is not best and not _is_exact(results[0], cand.query)
              and _population(best) * ALIAS_OUTGROWS <= _population(results[0])
              and _population(results[0]) >= resolver.lex.story_town_population
              and _nearest(results[0], near) + ALIAS_NEARER_KM < min(_nearest(best, near), FAR_ALIAS_KM)):
            # "across the Channel to Havre", as English long wrote it: Le Havre, known by that name too, far
            # bigger and nearer the article's other places than the Belgian village of Havré
            best = results[0]
        elif exact and near and _population(best) < HAMLET_POPULATION:
            # "flew to Calcutta" in a world flight that also touched Paramaribo: Kolkata, once so called and
            # itself among the article's places, not the Surinamese hamlet of that name nearer another stop
            big = resolver.lex.well_known_population
            name = resolver.query_for(cand.query)
            city = next((r for r in results if _population(r) >= big and not _far_from_all(r, near)
                         and _population(best) * ALIAS_DWARFS < _population(r) and not _is_exact(r, name)),
                        None)  # fmt: skip
            best = city or best
        # "landed at Las Palmas … Madrid confirmed the stopover": the bigger place of a country the article
        # names, known by that name too, over towns so called in a country it never names
        in_named = [r for r in results if str(r.raw.get("country_code") or "") in countries
                    and r.raw.get("kind") != "country" and _population(r) > _population(best)]  # fmt: skip
        abroad = str(best.raw.get("country_code") or "") not in countries
        # (not over a namesake among the article's other places: "into Bethlehem, where he met Abbas" after
        # Jerusalem is the West Bank town, not an American one a "U.S." elsewhere names the country of)
        among = bool(near) and not _far_from_all(best, near, HAMLET_FAR_KM)
        named_country = bool(exact) and abroad and bool(in_named) and not among
        if named_country:
            best = in_named[0]
        alias = not _is_exact(best, resolver.query_for(cand.query)) and best.raw.get("kind") != "country"
        # a well-known city is known by its other names too ("Quebec City" for Québec), however far
        known = _population(best) >= resolver.lex.well_known_population or named_country
        if near and alias and not known and _far_from_all(best, near):
            continue  # a match through another spelling must sit among the article's places
        if near and cand.kind != "dateline" and _stray(best, countries, near):  # the reporter is there
            strays.add(id(cand))
            continue
        cand.place = _place_from(best)
    candidates[:] = [c for c in candidates if id(c) not in strays]


ALIAS_OUTGROWS = 10
ALIAS_NEARER_KM = 25.0
"""A place known by the name only as another name is taken over one called so exactly when it has at
least ``ALIAS_OUTGROWS`` times the people and sits ``ALIAS_NEARER_KM`` nearer the article's other places."""
ALIAS_DWARFS = 100
"""How many times more people a well-known city must have than a place of the very name before the city,
known by that name too, is taken over it when neither sits near the article's other places."""


def _population(location: Location) -> int:
    return int(location.raw.get("population") or 0)


def _nearest(location: Location, near: Sequence[Coordinates]) -> float:
    """Km on the sphere to the closest of the article's other places."""
    here = (location.latitude, location.longitude)
    return min((great_circle(here, a).km for a in near), default=math.inf)


def _far_from_all(location: Location, near: Sequence[Coordinates], km: float = FAR_ALIAS_KM) -> bool:
    """Farther than ``km`` from every other place of the article (on the sphere: at 2,500 km the ellipsoid's
    0.5 % changes nothing, and this runs for every candidate against every anchor)."""
    return _nearest(location, near) > km


def _stray(best: Location, countries: set[str], near: Sequence[Coordinates]) -> bool:
    """A small town of a country the article never names, far from all its other places; a hamlet of such a
    country even 150 km off ("the Irish National Stud at Tully" is not Tully in France)."""
    raw = best.raw
    if raw.get("kind") == "country" or str(raw.get("country_code") or "") in countries:
        return False
    people = _population(best)
    if people < HAMLET_POPULATION:
        return _far_from_all(best, near, HAMLET_FAR_KM)
    return people < STRAY_POPULATION and _far_from_all(best, near)


def _resolve_capitals(candidates: list[_Candidate], geocoder: SupportsGeocode) -> None:
    """"the Vietnamese capital", or "the capital" after a place in Vietnam: the capital GeoNames lists."""
    capital_of = getattr(geocoder, "capital", None)
    if capital_of is None:
        return
    ordered = sorted(candidates, key=lambda c: c.start)
    for k, cand in enumerate(ordered):
        if cand.evidence != "capital" or cand.place is not None:
            continue
        # "from Poland to the capital", "after leaving Poland, the train eased into the capital": a place set
        # out from is not the capital reached (but "pictures from Bucha, north-west of the capital" may be)
        left_here = [c for c in ordered if c.left and c.paragraph == cand.paragraph] if cand.reached else []
        left = {c.place.country for c in left_here if c.place is not None and c.sentence == cand.sentence}
        country = cand.hint if cand.hint not in left else None  # "from Poland to the capital": not Warsaw
        if not country and cand.back:
            # "had flown back to the capital on Friday from Alexandria": back to the capital the story named
            # before, of the country it comes back from
            country = next((c for c in sorted(left) if _capital_named(capital_of(c), ordered)), None)
        if not country:
            # the country of the place told just before in this paragraph, before the dateline's (the story
            # has moved on from it: "… toured the city and had lunch with Xi. The train left the capital")
            before = [
                c for c in ordered[:k]
                if c.place is not None and c.place.country and c.kind != "dateline" and not c.acts
                and c.paragraph == cand.paragraph and c not in left_here
            ]  # fmt: skip
            country = before[-1].place.country if before and before[-1].place else None
            if country and not _capital_named(capital_of(country), ordered):
                # "flew to Rzeszów … The train carrying him reached the capital": a capital the article never
                # names gives way to the one of the country the lead is about, when that one is named
                lead_country = _lead_country(ordered, left_here, left)
                if lead_country and _capital_named(capital_of(lead_country), ordered):
                    country = lead_country
        if not country:
            # the country the headline or lead is about ("Draghi's long day in Ukraine", "took secret train
            # into Ukraine … from Poland to the capital"), before where the reporter files from
            country = _lead_country(ordered, left_here, left)
        if not country:
            dateline = next((c for c in ordered if c.kind == "dateline" and c.place is not None), None)
            country = dateline.place.country if dateline is not None and dateline.place is not None else None
        if not country:
            named = [c.place.country for c in ordered if c.place is not None and c.place.kind == "country"
                     and c.place.country not in left]  # fmt: skip
            country = Counter(named).most_common(1)[0][0] if named else None
        location = capital_of(country) if country else None
        if location is not None:
            place = _place_from(location)
            cand.place = replace(place, why=f"{cand.description}: {place.why}")
    # a capital the words do not tie to a country names nothing
    candidates[:] = [c for c in candidates if c.evidence != "capital" or c.place is not None]


def _lead_country(
    ordered: Sequence[_Candidate], left_here: Sequence[_Candidate], left: set[str]
) -> str | None:
    """The country of the first place the headline or lead names (not a dateline, a place left or one where
    others act)."""
    lead = [c.place.country for c in ordered if c.place is not None and c.place.country
            and c.kind != "dateline" and c.paragraph <= 1 and c not in left_here and not c.acts
            and not c.owner and c.place.country not in left]  # fmt: skip
    return lead[0] if lead else None


def _capital_named(capital: Location | None, ordered: Sequence[_Candidate]) -> bool:
    """The article names that capital outright somewhere."""
    if capital is None:
        return False
    wanted = capital.raw.get("geonameid")
    return any(c.place is not None and c.evidence != "capital" and c.place.geonameid == wanted
               for c in ordered)  # fmt: skip


def _city_states(candidates: list[_Candidate], geocoder: SupportsGeocode) -> None:
    """A country that is one city (Singapore) is, as a place one travels to, that city."""
    capital_of = getattr(geocoder, "capital", None)
    if capital_of is None:
        return
    for cand in candidates:
        if cand.place is None or cand.place.kind != "country":
            continue
        location = capital_of(cand.place.country)
        if location is not None and fold(str(location.raw.get("name", ""))) == fold(cand.place.name):
            cand.place = _place_from(location)


def _resolve_deictic(candidates: list[_Candidate]) -> None:
    """"this border town" in a report datelined from that town is the dateline's place."""
    dateline = next((c for c in candidates if c.kind == "dateline"), None)
    for cand in candidates:
        if cand.evidence == "deictic" and dateline is not None:
            cand.place, cand.query, cand.hint = dateline.place, dateline.query, dateline.hint
    candidates[:] = [c for c in candidates if c.evidence != "deictic" or dateline is not None]


def _same_kind(named: _Candidate, anaphor: _Candidate) -> bool:
    """What "the station" / "the city" / "the cosmodrome" can point back to: a station named as one; an
    airfield or site of ``data/landmarks.json``; any town or city."""
    if named.evidence == "anaphora" or (named.place is None and named.kind != "name"):
        return False
    if anaphor.feature == "station":
        return named.feature == "station"
    if anaphor.feature == "landmark":  # "the cosmodrome", "the air base": the site named last
        return named.evidence == AIRFIELD_EVIDENCE or named.evidence.endswith(LANDMARK_EVIDENCE)
    return named.place is not None and named.place.kind == "city"


def _resolve_anaphora(candidates: list[_Candidate]) -> None:
    """"the station" is the last station named before it; with none, it names nothing and is dropped."""
    ordered = sorted(candidates, key=lambda c: c.start)
    for k, cand in enumerate(ordered):
        if cand.evidence != "anaphora":
            continue
        before = [c for c in ordered[:k] if _same_kind(c, cand) and _may_stand_for(c, cand)]
        if before and cand.feature == "landmark":
            # "landed at Fiumicino … reached Singapore … before heading to the airport": a site in another
            # country than the town the story has since moved to is not the one meant; that town's is
            site = before[-1]
            towns = [(c, c.place) for c in ordered[ordered.index(site) + 1 : k] if c.kind == "name"
                     and not c.acts and c.place is not None and c.place.kind == "city"]  # fmt: skip
            if towns and site.place is not None and towns[-1][1].country != site.place.country:
                # that country's town last gone to or from ("reached New Delhi … clashes in districts
                # including Jaffrabad … the motorcade headed to the airport"), else the last named
                here = [c for c, place in towns if place.country == towns[-1][1].country]
                town = next((t for t in reversed(here) if t.moved), here[-1])
                before = [town]
        if before:
            cand.place = before[-1].place
            cand.query = before[-1].query
            cand.hint = before[-1].hint
    candidates[:] = [
        c for c in candidates if c.evidence != "anaphora" or c.place is not None or c.query != c.description
    ]


def _may_stand_for(named: _Candidate, anaphor: _Candidate) -> bool:
    """A place told before an anaphor may be what it points back to: not one where others act, nor one set
    out from when the anaphor is reached ("after a flight from Moscow … into the city")."""
    return not named.acts and not (anaphor.reached and named.left)


def _capital_before_the_city(candidates: Sequence[_Candidate]) -> None:
    """"the train eased into the capital's central station … met up with them in the city": a capital
    described just before "the city" (placed only after the anaphora were) is the city meant."""
    ordered = sorted(candidates, key=lambda c: c.start)
    for k, cand in enumerate(ordered):
        if cand.evidence != "anaphora" or cand.feature != "city":
            continue
        before = [c for c in ordered[:k] if (c.evidence == "capital" or _same_kind(c, cand))
                  and _may_stand_for(c, cand) and c.place is not None]  # fmt: skip
        if before and before[-1].evidence == "capital":
            cand.place = before[-1].place


def _place_from(location: Location) -> Place:
    from geo.places.geocoder import place_from_location  # the geocoder module is the one place that reads raw

    return place_from_location(location)
