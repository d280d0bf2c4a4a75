"""Which place mentions are stops of *this* journey, in what order, in what role, and how each hop travels.

The text decides, not the gazetteer. A mention becomes a stop only in a sentence about the traveller (the
person the articles send somewhere: "Lukashenko left Minsk by train" makes Alexander Lukashenko the
traveller) and
only when the words around it say what happens there: leaving ("left X", "from X"), going ("to X",
"arrived in X"), passing ("through X"), being seen ("pictured in X") or a coming event ("the summit will
be held in X"). Sentences about other people, earlier years, past visits and reporters' biographies give
no stops. Countries are not stops: "through China" is recorded on the hop. English word lists come from
``data/lexicon.json``.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

import networkx as nx
from geopy.distance import geodesic

from geo.errors import NoJourneyError
from geo.model import Article, Hop, Itinerary, Mention, Mode, Quote, Role, Stop
from geo.reading.mentions import Lexicon, Run, load_lexicon, person_name, person_names
from geo.reading.text import fold

EvidenceKind = Literal["depart", "arrive", "via", "present", "event"]
StopKey = tuple[str, str]

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_UNNAMED_REASON = "No article names this station; resolved against the rail network when routing"
_PREFERENCE: Mapping[Role, tuple[EvidenceKind, ...]] = {
    "origin": ("depart", "present", "via", "arrive", "event"),
    "border": ("present", "via", "arrive", "depart", "event"),
    "waypoint": ("present", "via", "arrive", "depart", "event"),
    "destination": ("event", "arrive", "present", "via", "depart"),
}
"""Which kind of evidence best explains a stop in each role (the one quoted in ``Stop.reason``)."""
_VERBS: Mapping[EvidenceKind, str] = {
    "depart": "sets out from",
    "arrive": "travels to",
    "via": "passes through",
    "present": "is reported at",
    "event": "is expected for the event at",
}


@dataclass(frozen=True)
class Evidence:
    """One sentence saying the traveller is at, leaves, reaches or passes a mentioned place."""

    kind: EvidenceKind
    mention: Mention
    quote: Quote
    trigger: str
    clause: tuple[int, int]
    mode: Mode | None = None
    paired_with: Mention | None = None
    """For "from X to Y": the mention at the other end of the same clause."""


@dataclass
class _StopDraft:
    key: StopKey
    mentions: list[Mention] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)

    def kinds(self) -> set[EvidenceKind]:
        return {e.kind for e in self.evidence}


# --- the traveller --------------------------------------------------------------------------------------


def _clean_name(run: Run, lex: Lexicon) -> str:
    return person_name(run, lex)


def find_traveller(articles: Sequence[Article], lexicon: Lexicon | None = None) -> str:
    """The person the articles move: the subject of movement verbs, or whom a vehicle "carries".

    A bare surname ("Lukashenko") stands for the most frequent full name that contains it
    ("Alexander Lukashenko"); a different full name ("Kim Il Sung") is a different person. Returns ""
    when nobody moves.
    """
    lex = lexicon or load_lexicon()
    scores: Counter[str] = Counter()
    full_names: Counter[str] = Counter()
    for article in articles:
        for run in person_names(article.text, lex):
            name = _clean_name(run, lex)
            if not name:
                continue
            if len(name.split()) > 1:
                full_names[name] += 1
            after = article.text[run.end : run.end + 60].casefold()
            words = re.findall(r"[\w’']+", after)[:4]
            before = _words_before_name(article.text, run.start, lex)
            carried = _ends_with(before, lex.raw["carry_words"]) is not None
            if any(fold(w) in lex.movement_verbs for w in words) or carried:
                scores[name] += 1
    if not scores:
        return ""
    resolved: Counter[str] = Counter()
    for name, score in scores.items():
        resolved[_full_name(name, full_names)] += score
    return max(resolved.items(), key=lambda kv: (kv[1], full_names[kv[0]], kv[0]))[0]


def _words_before_name(text: str, start: int, lex: Lexicon) -> str:
    """Words before a name minus titles and demonyms ("carrying North Korean leader" → "carrying")."""
    words = re.findall(r"[\w’'.]+", text[max(0, start - 60) : start])
    skip = lex.person_titles | lex.ambiguous_demonyms | set(lex.aliases) | set(lex.raw["person_roles"])
    while words and (fold(words[-1]) in skip or fold(words[-1]) in lex.demonyms or words[-1][0].isupper()):
        words.pop()
    return " ".join(words)


def _full_name(name: str, full_names: Counter[str]) -> str:
    if len(name.split()) > 1:
        return name
    containing = [(n, c) for n, c in full_names.items() if name in n.split()]
    if not containing:
        return name
    return max(containing, key=lambda nc: (nc[1], nc[0]))[0]


def _refers_to(run_name: str, traveller: str) -> bool:
    """ "Bush" and "George W. Bush" refer to George W. Bush; "Jeb Bush" does not."""
    if not traveller:
        return False
    parts = run_name.split()
    return run_name == traveller or (len(parts) == 1 and parts[0] in traveller.split())


# --- sentences and clauses ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Sentence:
    article: Article
    start: int
    end: int
    persons: tuple[tuple[int, int, bool], ...]
    """(start, end, is_traveller) of every person named in the sentence."""
    excluded: bool

    @property
    def text(self) -> str:
        return self.article.text[self.start : self.end]

    def quote(self) -> Quote:
        return Quote(self.text, self.article.id, self.article.publisher, self.start, self.end)


def _has_phrase(text: str, phrases: Iterable[str]) -> str | None:
    folded = " " + " ".join(re.findall(r"[\w’']+", text.casefold())) + " "
    for phrase in phrases:
        if f" {phrase} " in folded:
            return phrase
    return None


def _clause(text: str, start: int, end: int, offset: int, lex: Lexicon) -> tuple[int, int]:
    """The clause of the sentence ``text[start:end]`` around ``offset``, cut at commas, dashes, brackets."""
    breaks: list[str] = list(lex.raw["clause_breaks"])
    lo, hi = start, end
    for brk in breaks:
        left = text.rfind(brk, start, offset)
        if left != -1:
            lo = max(lo, left + len(brk))
        right = text.find(brk, offset, end)
        if right != -1:
            hi = min(hi, right)
    return lo, hi


def _sentences(
    article: Article, mentions: Sequence[Mention], traveller: str, lex: Lexicon
) -> dict[tuple[int, int], _Sentence]:
    persons = [
        (r.start, r.end, _refers_to(_clean_name(r, lex), traveller)) for r in person_names(article.text, lex)
    ]
    found: dict[tuple[int, int], _Sentence] = {}
    for m in mentions:
        span = (m.sentence_start, m.sentence_end)
        if span in found:
            continue
        text = article.text[span[0] : span[1]]
        years = {int(y) for y in _YEAR.findall(text)}
        excluded = bool(years - {article.published.year}) or _has_phrase(text, lex.bio_markers) is not None
        inside = tuple(p for p in persons if span[0] <= p[0] < span[1])
        found[span] = _Sentence(article, span[0], span[1], inside, excluded)
    return found


def _attach_start(m: Mention, text: str) -> int:
    """Where the phrase that names the place begins ("the Russian border town of Khasan" → at "the")."""
    if m.kind == "name" and m.description and m.description.endswith(m.text):
        start = m.end - len(m.description)
        if start >= 0 and text[start : m.end] == m.description:
            return start
    return m.start


def _traveller_in(sentence: _Sentence, lo: int, hi: int, lex: Lexicon) -> bool:
    """Is the traveller the one acting in ``text[lo:hi]``: named there, or (when nobody else is named in the
    sentence) referred to by a pronoun or a vehicle ("his train")."""
    if any(is_t and lo <= s < hi for s, _, is_t in sentence.persons):
        return True
    if any(not is_t for _, _, is_t in sentence.persons):
        return False
    clause = sentence.article.text[lo:hi]
    return _has_phrase(clause, lex.pronouns) is not None or _has_phrase(clause, lex.vehicle_words) is not None


def _mode_in(text: str, lex: Lexicon) -> Mode | None:
    phrase = _has_phrase(text, sorted(lex.modes, key=lambda p: (-len(p), p)))
    return lex.modes[phrase] if phrase else None  # type: ignore[return-value]


def _ends_with(context: str, phrases: Iterable[str]) -> str | None:
    words = " ".join(re.findall(r"[\w’']+", context.casefold()))
    for phrase in phrases:
        if words == phrase or words.endswith(" " + phrase):
            return phrase
    return None


def _evidence_for(
    m: Mention, sentence: _Sentence, others: Sequence[Mention], lex: Lexicon, event_words: set[str]
) -> Evidence | None:
    """What the sentence says happens at ``m`` on this journey, if anything."""
    text = sentence.article.text
    attach = _attach_start(m, text)
    lo, hi = _clause(text, sentence.start, sentence.end, attach, lex)
    clause_text = text[lo:hi]
    context = text[lo:attach]
    quote = sentence.quote()
    mode = _mode_in(clause_text, lex)
    event = _event_trigger(m, sentence, attach, others, lex, event_words)
    if event:
        return Evidence("event", m, quote, event, (lo, hi), mode)
    if _has_phrase(text[lo:attach], lex.past_markers) or not _traveller_in(sentence, lo, hi, lex):
        return None
    moving = mode is not None or any(
        fold(w) in lex.movement_verbs for w in re.findall(r"[\w’']+", clause_text)
    )
    if not moving:
        return None
    best: tuple[int, EvidenceKind, str] | None = None
    for kind, phrases in (
        ("depart", lex.depart_words),
        ("arrive", lex.arrive_words),
        ("via", lex.via_words),
        ("present", lex.presence_words),
    ):
        hit = _ends_with(context, phrases)
        if hit and (best is None or len(hit) > best[0]):
            best = (len(hit), kind, hit)  # type: ignore[assignment]
    if best is None:
        return None
    return Evidence(best[1], m, quote, best[2], (lo, hi), mode)


def _event_trigger(
    m: Mention,
    sentence: _Sentence,
    attach: int,
    others: Sequence[Mention],
    lex: Lexicon,
    event_words: set[str],
) -> str | None:
    """ "the summit will be held in X": the first place after a future-event verb in a sentence about the
    traveller, or about an event the traveller's own sentences name."""
    text = sentence.article.text
    head = text[sentence.start : attach]
    words = set(re.findall(r"[\w’']+", sentence.text.casefold()))
    about = any(is_t for *_, is_t in sentence.persons) or bool(words & event_words)
    if not about or not words & lex.event_nouns:
        return None
    verb = None
    for phrase in lex.event_verbs:
        found = list(re.finditer(rf"\b{re.escape(phrase)}\b", head.casefold()))
        at = found[-1].start() if found else -1
        if at != -1 and (
            verb is None or (at + len(phrase), len(phrase)) > (verb[0] + len(verb[1]), len(verb[1]))
        ):
            verb = (at, phrase)
    if verb is None:
        return None
    between_start = sentence.start + verb[0] + len(verb[1])
    gap = text[between_start:attach]
    if any(between_start <= o.start < attach for o in others if o is not m) or len(gap.split()) > 8:
        return None
    if re.search(r"[.;]", gap) or not _ends_with(gap, lex.raw["event_prepositions"]):
        return None
    return f"{verb[1]}{gap.rstrip()}"


# --- stops ----------------------------------------------------------------------------------------------


def _key(m: Mention) -> StopKey:
    if m.place is not None and m.place.geonameid is not None:
        return ("id", str(m.place.geonameid))
    if m.place is not None:
        return ("place", fold(m.place.name))
    if m.kind == "descriptive":
        return ("description", fold(m.description or m.text))
    return ("name", fold(m.text))


def _is_country_or_region(m: Mention) -> bool:
    return m.place is not None and m.place.kind in ("country", "region")


def _collect(
    articles: Sequence[Article],
    mentions_by_article: Mapping[str, Sequence[Mention]],
    traveller: str,
    lex: Lexicon,
) -> list[Evidence]:
    evidence: list[Evidence] = []
    for article in articles:
        mentions = [m for m in mentions_by_article.get(article.id, ()) if m.kind != "dateline"]
        sentences = _sentences(article, mentions, traveller, lex)
        event_words = _traveller_event_words(sentences.values(), lex)
        previous: Evidence | None = None
        for m in mentions:
            sentence = sentences[(m.sentence_start, m.sentence_end)]
            if sentence.excluded:
                continue
            same = [o for o in mentions if o.sentence_start == m.sentence_start]
            found = _evidence_for(m, sentence, same, lex, event_words) or _listed_after(m, previous, lex)
            if found:
                evidence.append(found)
            previous = found
    return _pair(evidence)


def _listed_after(m: Mention, previous: Evidence | None, lex: Lexicon) -> Evidence | None:
    """ "through Shenyang and Tianjin": a place listed right after a stop shares its evidence."""
    if previous is None or previous.quote.start != m.sentence_start:
        return None
    gap = previous.quote.text[previous.mention.end - previous.quote.start : m.start - previous.quote.start]
    if gap.strip(" ,").casefold() not in lex.raw["list_joiners"]:
        return None
    return Evidence(previous.kind, m, previous.quote, previous.trigger, previous.clause, previous.mode)


def _traveller_event_words(sentences: Iterable[_Sentence], lex: Lexicon) -> set[str]:
    """Event nouns ("summit", "forum") of the traveller's sentences: "the summit" then means theirs."""
    words: set[str] = set()
    for s in sentences:
        if any(is_t for *_, is_t in s.persons) and not s.excluded:
            words |= set(re.findall(r"[\w’']+", s.text.casefold())) & lex.event_nouns
    return words


def _pair(evidence: list[Evidence]) -> list[Evidence]:
    """Join "from X" with the "to Y" of the same clause: X comes right before Y on the way."""
    paired: list[Evidence] = []
    for e in evidence:
        if e.kind == "depart":
            targets = [
                o
                for o in evidence
                if o.kind in ("arrive", "event")
                and o.clause == e.clause
                and o.quote == e.quote
                and not _is_country_or_region(o.mention)
            ]
            if targets:
                target = min(targets, key=lambda o: abs(o.mention.start - e.mention.start))
                e = Evidence(e.kind, e.mention, e.quote, e.trigger, e.clause, e.mode, target.mention)
        paired.append(e)
    return paired


def _drafts(evidence: Sequence[Evidence]) -> dict[StopKey, _StopDraft]:
    drafts: dict[StopKey, _StopDraft] = {}
    for e in evidence:
        if _is_country_or_region(e.mention):
            continue
        draft = drafts.setdefault(_key(e.mention), _StopDraft(_key(e.mention)))
        draft.mentions.append(e.mention)
        draft.evidence.append(e)
    return drafts


def _order(drafts: Mapping[StopKey, _StopDraft]) -> list[StopKey]:
    """Origin first, destination last, the rest by distance from the origin; "from X to Y" puts X before Y."""
    arriving = {"arrive", "present", "event", "via"}
    origins = [
        k
        for k, d in drafts.items()
        if not d.kinds() & arriving and any(e.kind == "depart" and e.paired_with is None for e in d.evidence)
    ]
    if not origins:
        origins = [k for k, d in drafts.items() if not d.kinds() & arriving]
    ends = [k for k, d in drafts.items() if "event" in d.kinds() and k not in origins]
    if not ends:
        ends = [
            k
            for k, d in drafts.items()
            if "arrive" in d.kinds() and "depart" not in d.kinds() and k not in origins
        ]
    rank = {k: 0 if k in origins else 2 if k in ends else 1 for k in drafts}
    first_seen = {k: min(m.start for m in d.mentions) for k, d in drafts.items()}
    anchor = next((drafts[k].mentions[0].place for k in origins if drafts[k].mentions[0].place), None)
    pairs = {
        (k, _key(e.paired_with))
        for k, d in drafts.items()
        for e in d.evidence
        if e.paired_with is not None and _key(e.paired_with) in drafts and _key(e.paired_with) != k
    }

    def distance(k: StopKey) -> float:
        place = next((m.place for m in drafts[k].mentions if m.place), None)
        if place is not None and anchor is not None:
            return float(geodesic((anchor.latitude, anchor.longitude), (place.latitude, place.longitude)).km)
        target = next((b for a, b in pairs if a == k), None)
        if target is not None and target != k:
            return distance_of_target(target) - 1e-3
        return math.inf

    def distance_of_target(k: StopKey) -> float:
        place = next((m.place for m in drafts[k].mentions if m.place), None)
        if place is None or anchor is None:
            return math.inf
        return float(geodesic((anchor.latitude, anchor.longitude), (place.latitude, place.longitude)).km)

    pairs |= _text_order(drafts)
    sort_key = {k: (rank[k], distance(k), first_seen[k]) for k in drafts}
    graph = nx.DiGraph()
    graph.add_nodes_from(drafts)
    for a, b in pairs:
        if rank[a] <= rank[b]:
            graph.add_edge(a, b)
    try:
        return list(nx.lexicographical_topological_sort(graph, key=lambda k: sort_key[k]))
    except nx.NetworkXUnfeasible:
        return sorted(drafts, key=lambda k: sort_key[k])


def _text_order(drafts: Mapping[StopKey, _StopDraft]) -> set[tuple[StopKey, StopKey]]:
    """An unplaced stop told in the same sentence as another ("arrived at X …, then drove to Y") keeps
    the sentence's order: nothing else can place it."""
    by_sentence: dict[tuple[str, int], list[tuple[int, StopKey, bool]]] = defaultdict(list)
    for k, d in drafts.items():
        for e in d.evidence:
            if e.kind != "depart" and e.paired_with is None:
                by_sentence[(e.quote.article, e.quote.start)].append(
                    (e.mention.start, k, e.mention.place is None)
                )
    edges: set[tuple[StopKey, StopKey]] = set()
    for items in by_sentence.values():
        items.sort()
        for (_, a, a_open), (_, b, b_open) in itertools.pairwise(items):
            if a != b and (a_open or b_open):
                edges.add((a, b))
    return edges


def _role(index: int, count: int, draft: _StopDraft, lex: Lexicon, entries: set[tuple[str, int]]) -> Role:
    """First origin, last destination; between them a border place when its words say so ("border city",
    "a station on the Chinese border") or the traveller enters a country *at* it ("entered China at X")."""
    if index == 0:
        return "origin"
    if index == count - 1:
        return "destination"
    for m in draft.mentions:
        words = set(fold(m.description or "").split())
        if m.border_of or m.feature == "crossing" or words & lex.border_words:
            return "border"
    if any(e.trigger == "at" and (e.quote.article, e.clause[0]) in entries for e in draft.evidence):
        return "border"
    return "waypoint"


def _country_entries(evidence: Iterable[Evidence]) -> set[tuple[str, int]]:
    """Clauses where the traveller enters a country ("crossed into Russia", "entered China")."""
    return {
        (e.quote.article, e.clause[0])
        for e in evidence
        if e.kind in ("arrive", "via") and e.mention.place is not None and e.mention.place.kind == "country"
    }


def _quotes(evidence: Iterable[Evidence], article_order: Mapping[str, int]) -> tuple[Quote, ...]:
    unique = {(q.article, q.start): q for q in (e.quote for e in evidence)}
    return tuple(sorted(unique.values(), key=lambda q: (article_order.get(q.article, 0), q.start)))


def _first(draft: _StopDraft, attribute: str) -> str | None:
    return next((getattr(m, attribute) for m in draft.mentions if getattr(m, attribute)), None)


def _stop(
    seq: int, role: Role, draft: _StopDraft, traveller: str, order: Mapping[str, int], hint: str | None
) -> Stop:
    place = next((m.place for m in draft.mentions if m.place), None)
    descriptive = next((m for m in draft.mentions if m.kind == "descriptive"), None)
    preference = _PREFERENCE[role]
    best = min(draft.evidence, key=lambda e: preference.index(e.kind))
    who = traveller or "The traveller"
    if place is not None:
        name, inferred = place.name, False
        source = best.quote.publisher or best.quote.article
        reason = f"{who} {_VERBS[best.kind]} {name} (“{best.trigger}”, {source})."
    elif descriptive is not None:
        name, inferred = descriptive.description or descriptive.text, True
        reason = f"{_UNNAMED_REASON}; {who} {_VERBS[best.kind]} it (“{best.trigger}”)."
    else:
        name, inferred = draft.mentions[0].text, False
        reason = (
            f"{who} {_VERBS[best.kind]} {name} (“{best.trigger}”); the name is not in the gazetteer, "
            "so it is resolved against the rail network when routing."
        )
    return Stop(
        seq=seq,
        name=name,
        role=role,
        place=place,
        quotes=_quotes(draft.evidence, order),
        inferred=inferred,
        reason=reason,
        description=_first(draft, "description"),
        feature=_first(draft, "feature"),
        border_of=_first(draft, "border_of"),
        country_hint=hint or _first(draft, "country_hint"),
    )


def _countries(stop: Stop) -> set[str]:
    codes = {stop.place.country} if stop.place and stop.place.country else set()
    return codes | {c for c in (stop.border_of, stop.country_hint) if c}


def _unnamed_hint(draft: _StopDraft, drafts: Mapping[StopKey, _StopDraft]) -> str | None:
    """An unnamed border place the road or rail *from* it leads into country Y lies in Y, not in the border's
    own country ("a station on the Chinese border" from which the road goes to Ulaanbaatar is in Mongolia)."""
    for e in draft.evidence:
        if e.paired_with is None or e.paired_with.place is None:
            continue
        border = _first(draft, "border_of")
        if border and e.paired_with.place.country and e.paired_with.place.country != border:
            return e.paired_with.place.country
    return None


# --- hops -----------------------------------------------------------------------------------------------


def _hops(
    stops: Sequence[Stop],
    keys: Sequence[StopKey],
    evidence: Sequence[Evidence],
    lex: Lexicon,
    order: Mapping[str, int],
) -> tuple[Hop, ...]:
    index = {k: i for i, k in enumerate(keys)}
    specific: dict[int, list[Evidence]] = defaultdict(list)
    general: list[Evidence] = []
    ranged: list[tuple[int, Evidence]] = []
    """"travelled to Y by train": every earlier hop no sentence describes goes by train too."""
    via: list[Evidence] = []
    for e in evidence:
        if _is_country_or_region(e.mention):
            if e.kind == "via" and e.mention.place and e.mention.place.kind == "country":
                via.append(e)
            if e.mode:
                general.append(e)
            continue
        k = _key(e.mention)
        if e.mode is None or k not in index:
            continue
        i = index[k]
        if e.kind == "depart" and e.paired_with is not None and _key(e.paired_with) in index:
            j = index[_key(e.paired_with)]
            for hop in range(min(i, j), max(i, j)):
                specific[hop].append(e)
        elif e.kind == "depart" and i < len(stops) - 1:
            specific[i].append(e)
        elif e.kind == "arrive" and i > 0:
            specific[i - 1].append(e)
            if not any(o.paired_with is e.mention for o in evidence):
                ranged.append((i, e))
    default_mode = Counter(e.mode for e in general if e.mode).most_common(1)
    fallback: Mode = default_mode[0][0] if default_mode else lex.raw.get("default_mode", "rail")
    hops: list[Hop] = []
    for i in range(len(stops) - 1):
        a, b = stops[i], stops[i + 1]
        through = [
            e for e in via if e.mention.place and e.mention.place.country in _countries(a) & _countries(b)
        ]
        codes = tuple(dict.fromkeys(e.mention.place.country for e in through if e.mention.place))
        through_text = f", through {', '.join(codes)}" if codes else ""
        if not specific[i] and not any(e.mode for e in through):
            specific[i].extend(e for j, e in ranged if j > i)
        if specific[i]:
            mode = Counter(e.mode for e in specific[i]).most_common(1)[0][0] or fallback
            hops.append(
                Hop(
                    mode=mode,
                    via_countries=codes,
                    quotes=_quotes(specific[i] + through, order),
                    reason=f"The text says {a.name} → {b.name} is by {mode}{through_text} "
                    f"(“{_mode_phrase(specific[i][0], lex)}”).",
                )
            )
            continue
        quoted = through or general
        stated = [e for e in quoted if e.mode == fallback]
        hops.append(
            Hop(
                mode=fallback,
                mode_inferred=not stated,
                via_countries=codes,
                quotes=_quotes(quoted, order),
                reason=(
                    f"No sentence describes {a.name} → {b.name} alone; "
                    + (f"the journey is told as by {fallback}" if stated else f"assumed by {fallback}")
                    + f"{through_text}."
                ),
            )
        )
    return tuple(hops)


def _mode_phrase(e: Evidence, lex: Lexicon) -> str:
    clause = e.quote.text[e.clause[0] - e.quote.start : e.clause[1] - e.quote.start].strip()
    return clause if len(clause) <= 90 else clause[:87] + "…"


# --- the itinerary --------------------------------------------------------------------------------------


def extract_itinerary(
    articles: Sequence[Article],
    mentions_by_article: Mapping[str, Sequence[Mention]],
    lexicon: Lexicon | None = None,
) -> Itinerary:
    """The journey the articles tell: stops in order with roles and quotes, and the hops between them.

    Raises ``NoJourneyError`` when fewer than two places are stops of the traveller's journey.
    """
    lex = lexicon or load_lexicon()
    traveller = find_traveller(articles, lex)
    evidence = _collect(articles, mentions_by_article, traveller, lex)
    drafts = _drafts(evidence)
    if len(drafts) < 2:
        names = ", ".join(d.mentions[0].text for d in drafts.values()) or "none"
        who = traveller or "anyone"
        raise NoJourneyError(
            f"no journey found: the articles tell of {len(drafts)} place(s) where {who} travels ({names}); "
            "a journey needs at least two"
        )
    keys = _order(drafts)
    entries = _country_entries(evidence)
    order = {a.id: i for i, a in enumerate(articles)}
    stops = tuple(
        _stop(
            i,
            _role(i, len(keys), drafts[k], lex, entries),
            drafts[k],
            traveller,
            order,
            _unnamed_hint(drafts[k], drafts) if drafts[k].mentions[0].place is None else None,
        )
        for i, k in enumerate(keys)
    )
    return Itinerary(stops=stops, hops=_hops(stops, keys, evidence, lex, order), traveller=traveller)
