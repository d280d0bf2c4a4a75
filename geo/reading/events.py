"""Movement events read from the dependency parse: one frame per movement predicate.

A frame says who moved (a person, the vehicle carrying them, or a pronoun or surname resolved to a person),
with what predicate, what kind of statement it is (happened, planned, expected, denied, hypothetical, or an
earlier trip), from / to / at / via which place mentions, by which mode, and which sentence says so.
Conjoined verbs share their subject ("flew to A, was driven to B and boarded a train there"). Every English
word it relies on comes from ``data/lexicon.json``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

from geopy.distance import geodesic

from geo.model import Article, Event, EventStatus, Mention, Mode, PlaceRelation, Quote
from geo.reading.lexicon import Lexicon, Motion, load_lexicon
from geo.reading.mentions import where_one_went
from geo.reading.parse import ParsedText, Span, Token, headline_small_words, opens_with_a_gerund
from geo.reading.text import fold

_REGNAL = re.compile(r"[IVX]+")
"""A regnal number ("Charles III", "Elizabeth II"): no word a person is called by alone."""
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b(?!\s*(?:gmt|utc|z\b|hrs|hours|local|[ap]\.?m\b))", re.IGNORECASE)
"""A year, not a clock time written as four figures ("1900 GMT", "2130 hrs")."""
_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")
DISTRICT_KM = 15.0
"""A town this close to the dateline's is one of its districts ("BERLIN — … Then came Schöneberg")."""
_MODIFIER_DEPS = ("compound", "poss", "amod", "nmod")
_OBJECT_RELATIONS = ("from", "to", "via")
_OBJECTS = ("dobj", "obj", "npadvmod")
_HELD = ("dobj", "dative", "pobj")
"""A pronoun someone acts on: "received her", "travelled with her"."""
_DIRECT_OBJECTS = ("dobj", "obj")
_INHERIT = ("conj", "xcomp", "advcl", "acomp", "dep", "ccomp")
_PRONOUN_CASES = (frozenset({"he", "him", "his"}), frozenset({"she", "her", "hers"}))
"""One pronoun in its cases: a later "him" may be the "He" that opened the sentence, a "her" the "She"."""


@dataclass(frozen=True)
class People:
    """The people an article names: full names, and which full name a surname or given name stands for."""

    full: tuple[str, ...]
    by_word: dict[str, str]
    positions: tuple[tuple[int, str, bool], ...]
    """(token index, full name, is a subject) of every person mention, in text order, for pronouns."""
    counts: dict[str, int]
    titles: dict[str, str] = field(default_factory=dict)
    """Title word → the person it was first written before ("minister" → "Narendra Modi")."""
    shared_roles: dict[str, frozenset[str]] = field(default_factory=dict)
    """Role words the article gives to more than one person ("President Moon", "Trump … the US
    president"): "the president" is then the one named most, else whichever of them was last the subject."""
    women: frozenset[str] = frozenset()
    """People a title names as women ("Queen Elizabeth II", "Mrs May"): whom "she" and "her" stand for."""
    nationality: dict[str, str] = field(default_factory=dict)
    """Person → country code the article gives them ("Japan's Kishida", "Japanese Prime Minister Fumio
    Kishida"): "the Japanese prime minister" is then Kishida even when another prime minister is titled."""
    kin: frozenset[str] = frozenset()
    """Full names given as somebody's relative or aide ("his daughter, Ivanka Trump"): a bare shared
    name ("Trump") never stands for them."""
    headline: str = ""
    """The person the first line is about ("Putin in Beijing for Xi talks": Putin, not the Xi of "Xi
    talks"), "" when it names nobody that way."""
    known_alone: frozenset[str] = frozenset()
    """Folded surnames the body uses before any full name with them ("Biden spent Monday in Brussels …
    Jill Biden flew home"): somebody of their own, not the full name's bearer."""
    crafts: frozenset[str] = frozenset()
    """Folded names of vehicles ("the presidential jet Inkwazi"): nobody, however the model tags them."""

    def resolve(self, name: str) -> str:
        folded = fold(name)
        if not folded:
            return ""
        if folded in self.known_alone:
            return name
        for full in self.full:
            if fold(full) == folded:
                return full
        words = folded.split()
        if len(words) == 1 and words[0] in self.by_word:
            return self.by_word[words[0]]
        for full in self.full:  # whole words: "Xi" is not the "xi" inside "Xuexiang"
            if len(words) == 1 and full in self.kin:
                continue  # "Trump" is not "his daughter, Ivanka Trump"
            if _words_within(words, fold(full).split()) or _words_within(fold(full).split(), words):
                return full
        return name

    def last_before(self, i: int, *, subject: bool = False) -> str:
        """The person named last before token ``i`` (as a subject of a clause when ``subject``)."""
        best = ""
        for k, name, is_subject in self.positions:
            if k >= i:
                break
            if is_subject or not subject:
                best = name
        return best or (self.last_before(i) if subject else "")


def _in_a_place(places: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether the characters [start, end) overlap a place mention's."""
    return any(s < end and start < e for s, e in places)


def _words_within(part: Sequence[str], whole: Sequence[str]) -> bool:
    n = len(part)
    return n > 0 and any(list(whole[k : k + n]) == list(part) for k in range(len(whole) - n + 1))


def _unlabelled_full_names(
    parsed: ParsedText, names: Sequence[tuple[int, str, bool]], places: Sequence[tuple[int, int]],
    lex: Lexicon,
) -> list[tuple[int, str, bool]]:
    """"Xi Jinping" where the small model only tags the later "Xi": a one-word name followed (or preceded)
    by another capitalised proper noun it is compounded with is that person's full name."""
    single = {fold(n) for _, n, _ in names if len(n.split()) == 1}
    taken = _name_tokens(names)  # "Pahlavi" inside "Mohammad Reza Shah Pahlavi" is no new "Shah Pahlavi"
    out: list[tuple[int, str, bool]] = []
    for tok in parsed.tokens[:-1]:
        nxt = parsed.tokens[tok.i + 1]
        ent = parsed.entity_at(nxt.i)
        if (tok.i in taken or fold(tok.text) not in single or nxt.pos != "PROPN" or not nxt.text[:1].isupper()
                or tok.dep != "compound" or tok.head != nxt.i or (ent is not None and ent.label != "PERSON")
                or _in_a_place(places, tok.start, nxt.end) or _ends_in_a_thing(nxt, lex)):
            continue
        is_subject = any(parsed.tokens[k].dep in _SUBJECTS for k in (tok.i, nxt.i))
        out.append((tok.i, f"{tok.text} {nxt.text}", is_subject))
    for tok in parsed.tokens[1:]:  # "Emmanuel Macron on Monday became …" where only "Macron" is tagged later
        prev = parsed.tokens[tok.i - 1]
        ent = parsed.entity_at(tok.i)
        if (prev.i in taken or tok.i in taken or fold(tok.text) not in single
                or (ent is not None and ent.label != "PERSON")
                or not _given_name(parsed, prev, tok, places, lex)):
            continue
        out.append((prev.i, f"{prev.text} {tok.text}", tok.dep in _SUBJECTS))
    return out


def _regnal_names(
    parsed: ParsedText, names: Sequence[tuple[int, str, bool]], places: Sequence[tuple[int, int]],
    lex: Lexicon,
) -> list[tuple[int, str, bool]]:
    """"Between November 1953 and May 1954 Elizabeth II … covered some 43,600 miles", untagged by the small
    model: in an article that speaks of a monarch or a pope ("the young Queen"), a capitalised name (one or
    two words) followed by a king's or pope's number is a person, unless the model calls it something else
    ("World War II" is an event); elsewhere such a name is more often a thing ("Lunik II")."""
    if not any(t.lower in lex.regnal_titles for t in parsed.tokens):
        return []
    taken = _name_tokens(names)
    out: list[tuple[int, str, bool]] = []
    for number in parsed.tokens[1:]:
        if not _REGNAL.fullmatch(number.text) or number.i in taken:
            continue
        first = number.i
        while (first > max(0, number.i - 2) and parsed.tokens[first - 1].pos == "PROPN"
               and parsed.tokens[first - 1].text.istitle() and parsed.tokens[first - 1].text.isalpha()):
            first -= 1
        run = range(first, number.i + 1)
        ents = [e for k in run if (e := parsed.entity_at(k)) is not None]
        if (first == number.i or any(k in taken for k in run) or any(e.label != "PERSON" for e in ents)
                or _in_a_place(places, parsed.tokens[first].start, number.end)):
            continue
        out.append((first, parsed.tokens_text(first, number.i + 1), any(
            parsed.tokens[k].dep in _SUBJECTS for k in run)))
        taken.update(run)
    return out


def _name_tokens(names: Sequence[tuple[int, str, bool]]) -> set[int]:
    """Every token a name told covers (its first token and one per word after it)."""
    return {k for k, name, _ in names for k in range(k, k + len(name.split()))}


def _name_root(parsed: ParsedText, i: int, name: str) -> int:
    """The token of a name at ``i`` that the rest of the sentence hangs on ("Gaulle" in "Charles de Gaulle
    vanished", whose "Charles" the parser makes a modifier of it)."""
    # the name as written may be shorter than the one it resolves to ("Trump summit" for Donald Trump); a
    # hyphen is a token of its own, between two ("Kim Dae-jung" is four)
    last = min(i + len(name.split()) + 2 * name.count("-"), len(parsed.tokens))
    end = i + 1
    while end < last and parsed.tokens[end].pos not in ("NOUN", "VERB"):
        end += 1
    span = range(i, end)
    k = i
    while parsed.tokens[k].head in span and parsed.tokens[k].head != k:
        k = parsed.tokens[k].head
    return k


def _unnumbered(name: str) -> list[str]:
    """The words of a name without a king's or pope's number ("Charles III" → ["Charles"])."""
    return [w for w in name.split() if not _REGNAL.fullmatch(w)]


def _family_head(parsed: ParsedText, i: int, word: str, by_word: Mapping[str, str]) -> str:
    """"the Carters got out": a family named by the plural of a surname the article gives (folded ``word``
    at ``i``, after "the") travels with the one it names by that surname; "" for any other word."""
    if i == 0 or parsed.tokens[i - 1].lower != "the" or not word.endswith("s") or word in by_word:
        return ""
    return by_word.get(word[:-1], "")


def _stays_put(parsed: ParsedText, verb: int, lex: Lexicon) -> bool:
    """"Clinton stayed put", "stayed behind": a subject the text says is not moving."""
    return any(parsed.tokens[c].lower in lex.still_words for c in parsed.children(verb))


def _deputy(parsed: ParsedText, k: int, lex: Lexicon) -> bool:
    """"Vice-President", "vice president", "deputy prime minister": the title at ``k`` is the second's."""
    before = [t.lower for t in parsed.tokens[max(0, k - 3) : k]
              if t.lower not in lex.person_titles and t.lower not in lex.person_nouns and t.text.isalpha()]
    return bool(before) and before[-1] in lex.deputy_words


def _aircraft(word: str, lex: Lexicon) -> bool:
    """"Airbus", "Ilyushin", "Boeing": a maker or kind of aircraft ends no person's name ("the papal Alitalia
    Airbus", which the small model may tag as a person); "Air" and "One" stand in names that are ("Air Force
    One" is found by its whole name)."""
    lemma = fold(word)
    return lex.vehicles.get(lemma) == "air" and lemma not in ("air", "one")


def _vehicle_word(tok: Token) -> bool:
    """A vehicle's word as written: "one" is Air Force One's head, never "the one that had rested on him"."""
    return tok.text != "one"


def _numbered(name: str) -> bool:
    """A "name" with a digit in it is a flight or a unit ("DP936"), nobody."""
    return any(ch.isdigit() for ch in name)


def _given_name(
    parsed: ParsedText, prev: Token, tok: Token, places: Sequence[tuple[int, int]], lex: Lexicon
) -> bool:
    """``prev`` reads as a given name before the name word ``tok``: a capitalised (not all-capitals)
    proper noun the model tags as nothing, no title, one space before it, not inside a place."""
    return (prev.pos == "PROPN" and prev.text[:1].isupper() and not prev.text.isupper()
            and prev.lower.rstrip(".") not in lex.person_titles and parsed.text[prev.end : tok.start] == " "
            and parsed.entity_at(prev.i) is None and not _in_a_place(places, prev.start, tok.end))


def _kin_names(
    parsed: ParsedText, names: Sequence[tuple[int, str, bool]], places: Sequence[tuple[int, int]],
    lex: Lexicon,
) -> list[tuple[int, str, bool]]:
    """"Julian Assange admitted …", untagged, where the model tags only his wife "Stella Assange": another
    first name before a tagged person's surname is a kinsman of that name, not nobody."""
    surnames = {fold(n.split()[-1]) for _, n, _ in names if len(n.split()) >= 2}
    taken = _name_tokens(names)
    out: list[tuple[int, str, bool]] = []
    for tok in parsed.tokens[1:]:
        prev = parsed.tokens[tok.i - 1]
        if (fold(tok.text) not in surnames or tok.i in taken or prev.i in taken or prev.dep != "compound"
                or prev.head != tok.i or not _given_name(parsed, prev, tok, places, lex)):
            continue
        out.append((prev.i, f"{prev.text} {tok.text}", tok.dep in _SUBJECTS))
    return out


def _finite(parsed: ParsedText, verb: int) -> bool:
    """A clause of its own, whose subject a later "he" may be: not a bare participle ("footage showed the
    minister welcoming him": the minister is no subject a reader carries on)."""
    tok = parsed.tokens[verb]
    if tok.tag not in ("VBG", "VBN") or tok.head == verb:
        return True
    return any(parsed.tokens[c].dep in ("aux", "auxpass") for c in parsed.children(verb))


def _clean_person(parsed: ParsedText, start: int, end: int, lex: Lexicon) -> str:
    toks = parsed.tokens
    while (end + 1 < len(toks) and toks[end].text == "-" and toks[end - 1].end == toks[end].start
           and toks[end].end == toks[end + 1].start and toks[end + 1].text.isalpha()):
        end += 2  # "Moon Jae-in", where the model's entity stops at "Jae"
    words = [t for t in parsed.tokens[start:end] if t.text not in ("'s", "’s")]
    if words and words[0].lower in lex.prepositions:
        return ""  # "Via Bangkok to the Peace Palace", which the model tags as a person in a headline
    while words and (words[0].lower.rstrip(".") in lex.person_titles | lex.name_honorifics
                     or fold(words[0].text) in lex.demonyms):
        words = words[1:]
    if not words:
        return ""
    # as written: "Frank-Walter Steinmeier" keeps its hyphen unspaced
    glued = [a.text + (" " if parsed.text[a.end : b.start] else "") for a, b in pairwise(words)]
    return "".join(glued) + words[-1].text


def find_people(parsed: ParsedText, lex: Lexicon, mentions: Sequence[Mention] = ()) -> People:
    """The people an article names. A name the reader took as a place ("Khasan", which the small model
    tags PERSON) is not a person."""
    places = [(m.start, m.end) for m in mentions if m.kind != "descriptive"]
    described = [(m.start, m.end) for m in mentions if m.kind == "descriptive" and m.place is not None]
    names: list[tuple[int, str, bool]] = []
    line_end = parsed.first_line_end
    surnames = {fold(parsed.tokens[e.end - 1].text) for e in parsed.entities
                if e.label == "PERSON" and e.end - e.start > 1 and e.char_start > line_end}  # fmt: skip
    crafts = _craft_names(parsed, lex)
    for ent in parsed.entities:
        if _in_a_place(places, ent.char_start, ent.char_end) or in_byline(parsed, parsed.sentence(ent.start)):
            continue
        if ent.label == "PERSON" and where_one_went(parsed, lex, ent.start, ent.end):
            continue  # "thence to Blair Atholl, where he is to spend some days": a place the gazetteer lacks
        if ent.label == "ORG" and _moving_name(parsed, ent, lex):
            names.append((ent.start, parsed.tokens_text(ent.start, ent.end), True))
            continue
        # "Trump heads home from Helsinki", which the model reads as an organisation (and "trump" as a verb):
        # a headline's one-word name that is the surname of somebody the body names in full
        # (not "ahead of Trump summit", where the name only modifies a noun)
        surname = (ent.end - ent.start == 1 and ent.char_end <= line_end
                   and parsed.tokens[ent.start].dep not in _MODIFIER_DEPS
                   and fold(parsed.tokens[ent.start].text) in surnames)  # fmt: skip
        if (ent.label != "PERSON" and not surname) or opens_with_a_gerund(parsed, ent):
            continue  # (not "Leaving Oakland on May 20", which the small model tags as a person)
        if ent.end - ent.start > 1 and _ends_in_a_thing(parsed.tokens[ent.end - 1], lex):
            continue
        possessive = ent.end < len(parsed.tokens) and parsed.tokens[ent.end].text in ("'s", "’s")
        if _in_a_place(described, ent.char_start, ent.char_end) and not possessive:
            continue  # "the little frontier station of Medyka", which the small model tags PERSON
        one_word = ent.end - ent.start == 1
        craft = one_word and fold(parsed.tokens[ent.start].text) in crafts
        if _named_as_a_thing(parsed, ent, lex) or craft:
            continue
        name = _clean_person(parsed, ent.start, ent.end, lex)
        if name and not _numbered(name):
            # "Kim's train arrived … after he left": the possessor of the subject is who "he" is
            is_subject = any(
                (parsed.tokens[k].dep in _SUBJECTS and _finite(parsed, parsed.tokens[k].head)
                 and not _stays_put(parsed, parsed.tokens[k].head, lex))
                or (parsed.tokens[k].dep == "poss" and parsed.tokens[parsed.tokens[k].head].dep in _SUBJECTS)
                for k in range(ent.start, ent.end)
            ) or _subject_of_own_clause(parsed, range(ent.start, ent.end))
            names.append((ent.start, name, is_subject))
    names = _headline_names_trimmed(parsed, names)
    # "the Soviet rocket that struck the Moon": a one-word name after "the" is nobody, unless it is a family
    # ("the Ceaușescus") or a word of a name the article gives in full
    in_full = {fold(w) for _, n, _ in names for w in n.split() if len(n.split()) > 1}
    names = [(i, n, subj) for i, n, subj in names
             if not (" " not in n and i > 0 and parsed.tokens[i - 1].lower == "the"
                     and fold(n) not in in_full and not n.endswith("s"))]  # fmt: skip
    names = sorted([*names, *_titled_names(parsed, names, places, lex)])
    names = sorted([*names, *_unlabelled_full_names(parsed, names, places, lex)])
    # "the General Assembly", read as a general named Assembly: a body's word after "the" and a title
    names = [(i, n, subj) for i, n, subj in names
             if not (" " not in n and i > 1 and n.lower() in lex.name_vetoes
                     and parsed.tokens[i - 1].lower in lex.person_titles
                     and parsed.tokens[i - 2].lower == "the")]  # fmt: skip
    names = sorted([*names, *_regnal_names(parsed, names, places, lex)])
    names = sorted([*names, *_kin_names(parsed, names, places, lex)])
    named_things = _words_of_named_things(parsed)
    names = sorted([*names, *_untagged_movers(parsed, names, places, lex, named_things | crafts)])
    # "his Apostolic Journey to the United Arab Emirates": a capitalised trip is nobody
    # … nor is a flight number ("Pobeda flight DP936", which the model may take for a name)
    # … nor a title alone ("His Royal Highness", "Crown Prince", tagged as names)
    titles_only = lex.person_titles | lex.person_nouns | lex.title_modifiers
    names = [(i, n, subj) for i, n, subj in names
             if fold(n.split()[-1]) not in lex.movement_nouns and not _numbered(n)
             and not _aircraft(n.split()[-1], lex) and not all(fold(w) in titles_only for w in n.split())]
    full = list(dict.fromkeys(n for _, n, _ in names if len(n.split()) >= 2))
    # "his daughter, Ivanka Trump": a relative or aide is not who a bare shared name stands for
    relatives = {n for i, n, _ in names if len(n.split()) >= 2 and _kin_before(parsed, i, lex)}
    by_word: dict[str, str] = {}
    known_alone: set[str] = set()
    first_at = {n: min(i for i, m, _ in names if m == n) for n in full}
    line_end = parsed.first_line_end
    # first named first (a report names its subject in full, then by surname), relatives last
    for name in sorted(full, key=lambda n: n in relatives):
        parts = _unnumbered(name) or name.split()
        first, last = parts[0], parts[-1]  # "Charles III" is Charles
        # a first word that also begins an airline or a force ("Air Koryo", "Air China") names nobody alone
        for word in ((first, last) if fold(first) not in named_things else (last,)):
            common = sum(fold(word) in fold(other).split() for other in full) > 1
            # "Biden spent Monday at the NATO summit … Jill Biden flew home": a surname the body uses twice
            # before the full name first appears is somebody the article knows by it, not that name
            used_before = sum(1 for i, m, _ in names if m == word and parsed.tokens[i].start > line_end
                              and i < first_at[name])  # fmt: skip
            if used_before >= 2:
                known_alone.add(fold(word))
            elif not (name in relatives and common):
                by_word.setdefault(fold(word), name)
    singles = {fold(n): n for _, n, _ in names if len(n.split()) == 1}
    names = sorted([*names, *_untagged_surnames(parsed, names, places, {**singles, **by_word})])
    men = {by_word.get(fold(n), n) for i, n, _ in names if _title_before(parsed, i, lex) in lex.male_titles}
    resolved: list[tuple[int, str, bool]] = []
    for i, name, is_subject in names:
        words = fold(name).split()
        family = _family_head(parsed, i, words[0], by_word) if len(words) == 1 else ""
        longer = [f for f in full
                  if len(f.split()) > len(words) > 1 and fold(f).split()[-len(words) :] == words]  # fmt: skip
        # a full name whose words, without a king's or pope's number, are the name's
        regnal = [f for f in full if f != name and [fold(w) for w in _unnumbered(f)] == words]
        if family:
            name = family
        elif len(longer) == 1:
            name = longer[0]  # "Suu Kyi" after "Aung San Suu Kyi", "bin Salman": the end of one full name
        elif len(words) > 1 and len(regnal) == 1:
            name = regnal[0]  # "John Paul" after "Pope John Paul II"
        elif len(words) == 1 and words[0] not in by_word:
            # "the Shah" after "Mohammad Reza Shah Pahlavi": a word inside one full name is that person
            inside = [f for f in full if words[0] in fold(f).split()[1:-1] and f not in relatives]
            name = inside[0] if len(inside) == 1 else name
        elif len(words) == 1:
            # "King Hassan II of Morocco rang … Hassan met them" in a story that also quotes a waiter Hassan
            # Abdel-Rahim: a king's name without its number is that king
            name = regnal[0] if len(regnal) == 1 else by_word[words[0]]
        if _title_before(parsed, i, lex) in lex.female_titles and (
            name in men or (" " in name and fold(name.split()[0]) not in lex.female_given_names
                            and _title_before(parsed, first_at.get(name, i), lex) not in lex.female_titles)
        ):
            # "Mrs Trump" is not "Mr Trump" ("President John F. Kennedy … Mrs Kennedy"), nor "Madame de
            # Gaulle" the General: the woman of that surname the article names, else herself
            kin = [f for f in full if f != name and f not in men and fold(f).split()[-len(words) :] == words]
            # (the title is the name's own first token when the entity took it in: "Mrs Thatcher")
            at = i if parsed.tokens[i].lower.rstrip(".") in lex.female_titles else i - 1
            name = kin[0] if kin else parsed.tokens_text(at, at + 1 + len(words))
        resolved.append((i, name, is_subject))
    # (two finders may give the same name at the same token: it is one mention)
    once: dict[tuple[int, str], bool] = {}
    for i, name, is_subject in resolved:
        once[(i, name)] = once.get((i, name), False) or is_subject
    # ("Baron Hayashi", told from its title by one finder and from the name by another, is one mention)
    titled_at = {(i, name) for i, name in once
                 if parsed.tokens[i].lower.rstrip(".") in lex.person_titles and (i + 1, name) in once}
    resolved = [(i, name, is_subject or once.get((i - 1, name), False))
                for (i, name), is_subject in once.items() if (i, name) not in titled_at]
    totals = Counter(n for _, n, _ in resolved)
    titles: dict[str, str] = {}
    holders: dict[str, set[str]] = defaultdict(set)  # role word → everyone the article gives it
    for i, name, _ in resolved:
        titled = True
        start = _title_of_country(parsed, i, lex)
        for k in range(start - 1, max(-1, start - 4), -1):
            word = parsed.tokens[k].lower.rstrip(".")
            if word not in lex.person_titles and word not in lex.person_nouns:
                break
            if _deputy(parsed, k, lex):
                break  # "Vice-President Álvaro García Linera" is not the president
            if k >= i - 2:
                holders[word].add(name)
            # "party chief Gao Gang": a role noun is his title only right before the name ("the party" that
            # travels is another's)
            titled = titled and (word in lex.person_titles or k == i - 1)
            if not titled:
                continue
            titles.setdefault(word, name)
            country = _demonym_before(parsed, k, lex)
            if country:
                titles.setdefault(f"{country} {word}", name)  # "RU president" → Vladimir Putin
    for word, holder in _honorifics(parsed, resolved, lex).items():
        titles.setdefault(word, holder)
    for word, holder, appositive in _predicated_roles(parsed, resolved, lex):
        holders[word].add(holder)
        if appositive:
            titles.setdefault(word, holder)  # "Willy Brandt, the West German Chancellor … The Chancellor"
    lead = _lead_role(parsed, resolved, totals, lex)
    if lead is not None:
        word, country, holder = lead
        holders[word].add(holder)
        if country:
            titles.setdefault(f"{country} {word}", holder)
    shared = {word: frozenset(who) for word, who in holders.items() if len(who) > 1}
    first_headline = _headline_person(parsed, resolved, totals, line_end)
    titles = _titles_used_first(parsed, titles, resolved, first_headline, lex)
    # "In Cologne, the city Adenauer once governed, the President signed the Golden Book … He was in Bonn":
    # a titled role as a clause's subject is that person's mention, as a surname would be
    resolved = sorted([*resolved, *_role_subjects(parsed, resolved, titles, shared, lex)])
    nationality = _nationalities(parsed, resolved, mentions, lex)
    women = frozenset(name for i, name, _ in resolved if _woman_titled(parsed, i, lex)) - _titled_men(
        parsed, resolved, lex)
    women |= {name for _, name, _ in resolved if fold(name.split()[0]) in lex.female_given_names} - men
    women |= _named_before_she(parsed, resolved, men)
    women |= {name for i, name, _ in resolved if _female_kin_before(parsed, i, lex)} - men
    women |= _her_own(parsed, resolved, men)
    women |= _she_all_through(parsed, totals, men)
    headline = _headline_person(parsed, resolved, totals, line_end) or _headline_role(
        parsed, titles, shared, line_end, lex)
    return People(tuple(full), by_word, tuple(resolved), dict(totals), titles, shared, women, nationality,
                  frozenset(relatives), headline, frozenset(known_alone - by_word.keys()), crafts)


def _titled_men(parsed: ParsedText, resolved: Sequence[tuple[int, str, bool]], lex: Lexicon) -> set[str]:
    """"President Eisenhower … Mrs. Eisenhower has stayed at the White House": a surname the article gives
    an office at least as often as a woman's title is the man's (his wife is named in passing); a woman's
    given name still says she is one ("Prime Minister Theresa May … Mrs May")."""
    office: Counter[str] = Counter()
    woman: Counter[str] = Counter()
    for i, name, _ in resolved:
        if _woman_titled(parsed, i, lex):
            woman[name] += 1
        elif (title := _title_before(parsed, i, lex)) in lex.person_titles and title not in lex.female_titles:
            office[name] += 1  # ("The Princess waved": her title as the subject names her)
    return {name for name, n in office.items() if n >= woman[name]}


def _woman_titled(parsed: ParsedText, i: int, lex: Lexicon) -> bool:
    """A woman's title in the two words before the name at ``i`` ("Mrs Trump", "Madame de Gaulle")."""
    return any(parsed.tokens[k].lower.rstrip(".") in lex.female_titles for k in range(max(0, i - 2), i))


def _honorifics(
    parsed: ParsedText, resolved: Sequence[tuple[int, str, bool]], lex: Lexicon
) -> dict[str, str]:
    """"Bangabandhu Sheikh Mujibur Rahman … the Bangabandhu left London": a capitalised word set before a
    person's titles and name, that the article then uses with "the" alone, is that person's honorific (the
    Mahatma, the Generalissimo), whatever the title list knows."""
    out: dict[str, str] = {}
    for i, name, _ in resolved:
        k = _title_of_country(parsed, i, lex) - 1
        while k >= 0 and parsed.tokens[k].lower.rstrip(".") in lex.person_titles:
            k -= 1
        if k < 0:
            continue
        tok = parsed.tokens[k]
        if (tok.pos != "PROPN" or not tok.text.istitle() or fold(tok.text) in lex.demonyms
                or (parsed.entity_at(k) is not None and parsed.entity_at(k) != parsed.entity_at(i))):
            continue
        # … used as a person is: a clause's subject or object ("Father of the Nation" is no such use)
        used = any(t.text == tok.text and t.i > i and parsed.tokens[t.i - 1].lower == "the"
                   and t.dep in (*_SUBJECTS, "dobj", "obj") for t in parsed.tokens)  # fmt: skip
        if used:
            out.setdefault(tok.lower, name)
    return out


def _titles_used_first(
    parsed: ParsedText, titles: Mapping[str, str], resolved: Sequence[tuple[int, str, bool]], headline: str,
    lex: Lexicon,
) -> dict[str, str]:
    """"The General wanted a rest at his country house … General Jacques Massu, commander of French forces":
    a title the article uses bare ("the General") before it names anyone with it is the headline's person's,
    not the one named with it later; with nobody in the headline, the one the article names first ("Elizabeth
    II … covered some 43,600 miles … The Queen and the Duke took off … Queen Salote held an umbrella"), when
    a woman's title fits her given name."""
    first_at: dict[str, int] = {}
    for i, name, _ in resolved:
        first_at.setdefault(name, i)
    out = dict(titles)
    owner = headline or (resolved[0][1] if resolved else "")
    her_name = bool(owner) and fold(owner.split()[0]) in lex.female_given_names
    for word, holder in titles.items():
        if word in lex.female_titles and not headline and not her_name:
            continue
        if " " in word or not owner or holder == owner:
            continue
        for tok in parsed.tokens[: first_at.get(holder, 0)]:
            nxt = parsed.tokens[tok.i + 1] if tok.i + 1 < len(parsed.tokens) else None
            the = tok.i > 0 and parsed.tokens[tok.i - 1].lower == "the"
            if (tok.lower == word and tok.text[:1].isupper() and the and tok.pos in ("NOUN", "PROPN")
                    and not (nxt is not None and nxt.pos == "PROPN")):
                out[word] = owner
                break
    return out


def _named_as_a_thing(parsed: ParsedText, ent: Span, lex: Lexicon) -> bool:
    """"Lunik II, the Soviet rocket that struck the Moon", "the Baltika, a Soviet liner": a name put in
    apposition to a vehicle or craft names that thing, however the small model tags it."""
    things = set(lex.vehicles) | lex.craft_nouns
    if any(parsed.tokens[c].dep == "appos" and parsed.tokens[c].pos == "NOUN"
           and parsed.tokens[c].lemma.casefold() in things
           for k in range(ent.start, ent.end) for c in parsed.children(k)):  # fmt: skip
        return True
    # the parser may join the phrase after the comma to something else: read the words themselves
    after = parsed.tokens[ent.end : ent.end + 6]
    if not after or after[0].text != "," or len(after) < 2 or after[1].lower not in ("the", "a", "an"):
        return False
    for tok in after[2:]:
        if tok.pos == "NOUN":
            return tok.lemma.casefold() in things
        if tok.pos not in ("ADJ", "PROPN", "NUM", "PUNCT"):
            return False
    return False


def _own_clauses(parsed: ParsedText, span: range) -> list[int]:
    """The relative clauses that hang on the tokens of a name ("Nina Petrovna, who kept her own …")."""
    return [c for k in span for c in parsed.children(k) if parsed.tokens[c].dep == "relcl"]


def _subject_of_own_clause(parsed: ParsedText, span: range) -> bool:
    """"The last Soviet leader to make the trip was Nikita Khrushchev, who came to Peking … He left after
    three days": a name whose own relative clause has it ("who") do something is that clause's subject
    (not one inside a phrase: "drove to the apartment of Gu Yuxiu, who taught him calculus. He arrived")."""
    if any(parsed.tokens[k].dep == "pobj" for k in span):
        return False
    return any(parsed.tokens[g].dep == "nsubj" and parsed.tokens[g].lower == "who"
               for c in _own_clauses(parsed, span) for g in parsed.children(c))  # fmt: skip


def _role_subjects(
    parsed: ParsedText, resolved: Sequence[tuple[int, str, bool]], titles: Mapping[str, str],
    shared: Mapping[str, frozenset[str]], lex: Lexicon,
) -> list[tuple[int, str, bool]]:
    """(token, person, True) for "the President" as the subject of a clause, where the article titles one
    person so and no other: whom a later "he" may stand for."""
    taken = _name_tokens(resolved)
    line_end = parsed.first_line_end
    out: list[tuple[int, str, bool]] = []
    for tok in parsed.tokens:
        lemma = tok.lemma.casefold()
        if (tok.dep not in ("nsubj", "nsubjpass") or tok.pos not in ("NOUN", "PROPN") or tok.i in taken
                or lemma not in lex.person_nouns or lemma not in titles or lemma in shared
                or not _finite(parsed, tok.head)):
            continue
        kids = [parsed.tokens[c] for c in parsed.children(tok.i)]
        # "Pope flies back to Rome" in a headline, which drops its article
        headline = not kids and tok.end <= line_end and tok.text[:1].isupper()
        if not (headline or _the_role(kids, tok.i, lex)):
            continue  # "the Soviet leader", "the president of Germany", "a president": another's
        out.append((tok.i, titles[lemma], True))
    return out


def _the_role(kids: Sequence[Token], head: int, lex: Lexicon) -> bool:
    """A role noun's own words say it is the one the article titles so: "the president", "the 71-year-old
    president", "the ageing premier"; not "the Soviet leader" (a country's), "the former president", "the
    president of Germany" or "a president". What the parser hangs after it, but an "of", says nothing of
    whose role it is ("The visitor had a gift ready: a model …")."""
    kids = [k for k in kids if k.i < head or (k.dep == "prep" and k.lower == "of")]
    if not kids or kids[0].lower != "the":
        return False
    return all(k.dep == "amod" and k.text.islower() and k.lower not in lex.past_holder_words
               and k.lower not in lex.deputy_words for k in kids[1:])  # fmt: skip


def _female_kin_before(parsed: ParsedText, i: int, lex: Lexicon) -> bool:
    """"His wife Peng Liyuan", "his daughter, Ivanka Trump": a name given as a woman relative is a woman's
    (whom no "he" stands for)."""
    k = _word_before_name(parsed, i)
    return k >= 0 and parsed.tokens[k].text.islower() and parsed.tokens[k].lower in lex.female_kin_nouns


def _word_before_name(parsed: ParsedText, i: int) -> int:
    """The word before the name at ``i``, past a comma ("his daughter, Ivanka Trump"); -1 at the start."""
    k = i - 1
    if k >= 0 and parsed.tokens[k].text == ",":
        k -= 1
    return k


def _kin_before(parsed: ParsedText, i: int, lex: Lexicon) -> bool:
    """The name at ``i`` is given as somebody's relative or aide: "his daughter, Ivanka Trump", "Biden's
    son, Hunter Biden", "His grandfather Fred Trump" (a possessive within the few words before)."""
    def kin(k: int) -> bool:
        tok = parsed.tokens[k]
        return tok.lemma.casefold() in lex.kin_nouns and tok.text.islower()

    def possessed(a: int, b: int) -> bool:
        return any(t.tag == "PRP$" or t.text in ("'s", "’s") for t in parsed.tokens[max(0, a) : b])

    k = _word_before_name(parsed, i)
    if k >= 0 and kin(k) and possessed(k - 4, k):
        return True
    # "Lara Trump, Trump's adviser": the relation in apposition after the name
    end = i
    while end < len(parsed.tokens) and parsed.tokens[end].pos == "PROPN":
        end += 1
    if end < len(parsed.tokens) and parsed.tokens[end].text == ",":
        # only the apposition itself ("Donald Trump, along with his daughter" is no relative of anyone)
        heads = [k for k in range(end + 1, min(end + 7, len(parsed.tokens)))
                 if parsed.tokens[k].dep == "appos" and i <= parsed.tokens[k].head < end]  # fmt: skip
        return any(kin(k) and possessed(end + 1, k) for h in heads for k in parsed.subtree(h))
    return False


def _headline_person(
    parsed: ParsedText, resolved: Sequence[tuple[int, str, bool]], totals: Mapping[str, int], line_end: int
) -> str:
    """The headline's subject: its first name that is not a modifier ("Putin's jet" names the jet); but a
    name the article hardly repeats gives way to one it names far more often ("Forty minutes over the Sinai:
    how Anwar Sadat's 44 hours …", where the model takes "Sinai" for a person)."""
    # (in a headline in title case, a name no word of which the body repeats is the tagger's misreading:
    # "Nation Accords Historic Welcome"; "how Haile Selassie went into exile" is a name however rare)
    body = {fold(t.text) for t in parsed.tokens if t.start > line_end}
    capitals = _title_case(parsed, line_end)
    modifiers = ("poss",) if parsed.headline_in_capitals else _MODIFIER_DEPS  # (all "compound" there)
    found = [(i, name, parsed.tokens[_name_root(parsed, i, name)].dep in modifiers)
             for i, name, _ in resolved if parsed.tokens[i].end <= line_end
             and (not capitals or any(fold(w) in body for w in name.split()))]  # fmt: skip
    named = [(name, modifier) for _, name, modifier in sorted(found)]
    first = next((name for name, modifier in named if not modifier), "")
    most = max((name for name, _ in named), key=lambda n: totals.get(n, 0), default="")
    if first and most and totals.get(most, 0) > 2 * totals.get(first, 0):
        return most
    return first


def _title_case(parsed: ParsedText, line_end: int) -> bool:
    """The headline capitalises its words ("Bangabandhu Returns to Free Motherland"): four of five of its
    words at least, leaving aside the small words title case keeps in lower case ("… Returns to Beijing
    after State Visits to Russia and the Republic of the Congo")."""
    small = headline_small_words()
    head = [t for t in parsed.tokens if t.end <= line_end and t.text.isalpha() and t.lower not in small]
    return len(head) >= 4 and sum(t.text[:1].isupper() for t in head) >= 0.8 * len(head)


def _headline_role(
    parsed: ParsedText, titles: Mapping[str, str], shared: Mapping[str, frozenset[str]], line_end: int,
    lex: Lexicon,
) -> str:
    """"Japan's emperor flies home from Shanghai": a headline that names nobody but whose subject is a role
    is about that role's holder in the body ("Emperor Akihito"); a role the article gives several people
    counts only with the country that tells them apart ("Chinese president")."""
    for tok in parsed.tokens:
        if tok.end > line_end:
            break
        word = tok.lower
        if tok.dep not in ("nsubj", "nsubjpass") or tok.pos not in ("NOUN", "PROPN") or word not in titles:
            continue
        country = _demonym_before(parsed, tok.i, lex) or next(
            (code for c in parsed.children(tok.i) if parsed.tokens[c].dep == "poss"
             and (code := lex.demonyms.get(fold(parsed.tokens[c].text)))), None)
        if country and f"{country} {word}" in titles:
            return titles[f"{country} {word}"]
        return "" if word in shared else titles[word]
    return ""


def _title_of_country(parsed: ParsedText, i: int, lex: Lexicon) -> int:
    """Where the titles before the name at ``i`` end: "President of the Russian Federation Vladimir
    Putin" is titled "President", the country's name between them skipped."""
    toks = parsed.tokens
    k = i - 1
    while k >= 0 and toks[k].pos == "PROPN" and (ent := parsed.entity_at(k)) is not None \
            and ent.label in ("GPE", "LOC", "NORP", "ORG"):  # fmt: skip
        k -= 1
    if k < i - 1 and k >= 1 and toks[k].lower == "the":
        k -= 1
    if k < i - 1 and k >= 1 and toks[k].lower == "of" and toks[k - 1].lower.rstrip(".") in lex.person_titles:
        return k
    return i


def _her_own(parsed: ParsedText, resolved: Sequence[tuple[int, str, bool]], men: set[str]) -> frozenset[str]:
    """"Nina Petrovna, who kept her own schedule": a name whose own relative clause says "her" (hers, or
    "herself") is a woman's, so "he" in the sentences after is somebody else; not "the ambassador, who made
    the journey with her", where "her" is another."""
    out = set()
    for i, name, _ in resolved:
        span = range(i, min(i + len(name.split()) + 1, len(parsed.tokens)))
        if any((parsed.tokens[k].lower == "her" and parsed.tokens[k].dep == "poss")
               or parsed.tokens[k].lower == "herself"
               for c in _own_clauses(parsed, span) for k in parsed.subtree(c)):  # fmt: skip
            out.add(name)
    return frozenset(out - men)


def _she_all_through(parsed: ParsedText, totals: Mapping[str, int], men: set[str]) -> frozenset[str]:
    """An article that says "she" and "her" again and again and never "he", "him" or "his" is about a woman:
    the person it names most (so "she" is not the last man named, "That same day she received China's
    foreign minister, Wang Yi … she walked through the terminal")."""
    said = Counter(t.lower for t in parsed.tokens)
    if said["he"] + said["him"] + said["his"] + said["himself"] or said["she"] + said["her"] < 3:
        return frozenset()
    ranked = Counter(totals).most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]) or ranked[0][0] in men:
        return frozenset()
    return frozenset({ranked[0][0]})


def _named_before_she(
    parsed: ParsedText, resolved: Sequence[tuple[int, str, bool]], men: set[str]
) -> frozenset[str]:
    """The woman the text shows by its pronoun: "Greta Thunberg, then 16, needed 15. She was crossing by
    sail": the subject of the sentence before the first sentence-opening "She" (a man's title says
    otherwise)."""
    for sent in parsed.sentences[1:]:
        first = parsed.tokens[sent.start]
        if first.lower != "she" or first.dep != "nsubj":
            continue
        # only the first: a writer says "she" right after naming her; a later "She" leans on that
        before = parsed.sentence(sent.start - 1)
        told = parsed.tokens[before.start : before.end]
        if any((t.lower == "she" and t.dep in _SUBJECTS) or (t.lower == "her" and t.dep in _HELD)
               for t in told):  # fmt: skip
            # "she left Yangon with the ambassador, who travelled with her. She landed"; "President Lübke
            # received her in Bonn. She stayed at the Petersberg": the "She" goes on from the "her"
            return frozenset()
        subjects = [n for k, n, is_subject in resolved if before.start <= k < before.end and is_subject]
        return frozenset(subjects[:1]) - men
    return frozenset()


TITLE_PHRASE_WORDS = 5
"""How far before a name its title's phrase may begin ("Soviet Communist party chief Leonid I. Brezhnev")."""


def _nationalities(
    parsed: ParsedText, people: Sequence[tuple[int, str, bool]], mentions: Sequence[Mention], lex: Lexicon
) -> dict[str, str]:
    """Person → country, from "Japan's Kishida" (a country's possessive right before the name) or a demonym
    before the name and its titles ("Japanese Prime Minister Fumio Kishida"). A person given two
    countries keeps none."""
    countries = {(m.start, m.end): m.place.country for m in mentions if m.is_area and m.place is not None
                 and m.place.kind == "country"}  # fmt: skip
    seen: dict[str, set[str]] = defaultdict(set)
    for i, name, _ in people:
        k = i - 1
        # (over the words of the title's own phrase too: "Soviet Communist party chief Leonid I. Brezhnev")
        while k >= 0 and (parsed.tokens[k].lower.rstrip(".") in lex.person_titles | lex.person_nouns or (
                parsed.tokens[k].dep in ("compound", "amod") and k < parsed.tokens[k].head < i
                and i - k <= TITLE_PHRASE_WORDS and _demonym_before(parsed, k + 1, lex) is None)):
            k -= 1
        code = _demonym_before(parsed, k + 1, lex)
        if code is None and k >= 1 and parsed.tokens[k].text in ("'s", "’s"):
            before = parsed.tokens[k - 1]
            code = next((c for (a, b), c in countries.items() if a <= before.start < b), None)
        if code:
            seen[name].add(code)
    return {name: next(iter(codes)) for name, codes in seen.items() if len(codes) == 1}


_NOT_PEOPLE = frozenset({"ORG", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE", "DATE", "TIME"})


def _titled_names(
    parsed: ParsedText, names: Sequence[tuple[int, str, bool]], places: Sequence[tuple[int, int]],
    lex: Lexicon,
) -> list[tuple[int, str, bool]]:
    """"Queen Elizabeth II", "Pope Francis" where the model tags no person: capitalised words right after a
    capitalised title ("Queen", "Pope", "President") are a person's name."""
    taken = _name_tokens(names)
    out: list[tuple[int, str, bool]] = []
    toks = parsed.tokens
    # "PRESIDENT RIDES BENEATH THE ARCH": a word in capitals is a name only where the article also writes it
    # as one ("Wilson" for "WILSON")
    as_names = {t.lower for t in toks if t.text.istitle()}
    for tok in toks[:-1]:
        if not tok.text[:1].isupper() or tok.lower.rstrip(".") not in lex.person_titles:
            continue
        run: list[Token] = []
        k = tok.i + 1
        while k < len(toks) and len(run) < 3 and toks[k].pos == "PROPN" and toks[k].text[:1].isupper():
            if toks[k].lower.rstrip(".") in lex.person_titles or toks[k].lower in lex.compass_words:
                break  # ("Cruiser Bears President West Toward Tunis": a heading, not Mr West)
            word = toks[k].text
            capitals = word.isupper() and len(word) > 1 and not set(word) <= set("IVX")
            if capitals and toks[k].lower not in as_names:
                break  # (a regnal number, "Elizabeth II", is the name's)
            run.append(toks[k])
            k += 1
        if not run or any(t.i in taken for t in run) or _in_a_place(places, run[0].start, run[-1].end):
            continue
        if len(run) > 1 and _ends_in_a_thing(run[-1], lex):
            continue
        ent = parsed.entity_at(run[0].i)
        if ent is not None and ent.label in ("GPE", "LOC", "FAC", "NORP"):
            continue
        name = " ".join(t.text for t in run)
        out.append((run[0].i, name, any(t.dep in _SUBJECTS for t in run)))
        taken.update(t.i for t in run)
    return out


def _a_stamp(text: str) -> bool:
    """A live blog entry's time stamp alone ("11.52am", "0115 GMT", "18:05")."""
    words = text.strip().casefold().replace(".", " ").replace(":", " ").split()
    return bool(words) and any(w[:1].isdigit() for w in words) and all(
        w.isdigit() or w in ("am", "pm", "gmt", "utc", "bst", "edt", "est", "local") or
        (w[:-2].isdigit() and w[-2:] in ("am", "pm")) or (w[:-1].isdigit() and w[-1:] == "h")
        for w in words)


def _ends_in_a_thing(last: Token, lex: Lexicon) -> bool:
    """"Princess Elizabeth Highway", "Sagana Lodge": a name ending in a road's or a building's word names
    that thing, after somebody perhaps, and is nobody's name."""
    return last.text.istitle() and last.lower in lex.name_vetoes


def in_byline(parsed: ParsedText, sentence: Span) -> bool:
    """"By Niamh Costigan, Eastgate Broadcasting, Seoul": a line that starts with "By" and has no verb names
    the reporter, nobody who travels, and is no part of the lead."""
    words = [t for t in parsed.tokens[sentence.start : sentence.end] if t.pos not in ("SPACE", "PUNCT")]
    return bool(words) and words[0].text == "By" and not any(t.pos in ("VERB", "AUX") for t in words)


def _moving_name(parsed: ParsedText, ent: Span, lex: Lexicon) -> bool:
    """"Olaf Scholz had flown in from Berlin", tagged as an organisation: two or three capitalised words,
    none an organisation's, a people's or a vehicle's, the subject of a verb of movement."""
    toks = parsed.tokens[ent.start : ent.end]
    if not 2 <= len(toks) <= 3 or not all(t.text.isalpha() and t.text.istitle() for t in toks):
        return False
    if any(fold(t.text) in lex.organisation_words or fold(t.text) in lex.demonyms
           or t.lemma.casefold() in lex.vehicles for t in toks):  # fmt: skip
        return False
    root = next((t for t in toks if not ent.start <= t.head < ent.end), None)
    return (root is not None and root.dep in _SUBJECTS
            and parsed.tokens[root.head].lemma.casefold() in lex.movement)  # fmt: skip


def _words_of_named_things(parsed: ParsedText) -> frozenset[str]:
    """Words of the names the model gives to things of several words ("Air China", "the South China Sea",
    "Air Force One"): such a word said alone elsewhere is that thing, not a person's name."""
    return frozenset(
        fold(parsed.tokens[k].text)
        for ent in parsed.entities if ent.label != "PERSON" and ent.end - ent.start > 1
        and (ent.label in _NOT_PEOPLE or ent.label in ("LOC", "GPE"))
        for k in range(ent.start, ent.end) if parsed.tokens[k].pos == "PROPN"
    )


def _craft_names(parsed: ParsedText, lex: Lexicon) -> frozenset[str]:
    """"the presidential jet Inkwazi touched down … Inkwazi took off from Rzeszów": a name set right after
    a vehicle's noun is that vehicle's, wherever else the article says it. "A BOAC Argonaut landed her at
    Entebbe": a name a moving or carrying subject is one of ("a", "an") is a make of craft, nobody's name."""
    things = set(lex.vehicles) | lex.craft_nouns
    moving = set(lex.movement) | set(lex.carry_lemmas)  # ("A B.E.A. Viscount carried him north")
    named = {
        fold(t.text) for t in parsed.tokens[1:]
        if t.pos == "PROPN" and parsed.tokens[t.i - 1].pos == "NOUN"
        and parsed.tokens[t.i - 1].lemma.casefold() in things
        # set beside the noun as its name ("by road Kim …" is no name of a road)
        and ((t.dep == "appos" and t.head == t.i - 1) or parsed.tokens[t.i - 1].head == t.i)
    }
    makes = {
        fold(t.text) for t in parsed.tokens
        if t.pos == "PROPN" and t.dep in _SUBJECTS and _indefinite(parsed, t.i)
        and parsed.tokens[t.head].lemma.casefold() in moving
    }
    return frozenset(named | makes)


def _indefinite(parsed: ParsedText, i: int) -> bool:
    """Token ``i`` has "a" or "an" for its determiner: one of a kind ("a liner", "a BOAC Argonaut")."""
    return any(parsed.tokens[c].dep == "det" and parsed.tokens[c].lower in ("a", "an")
               for c in parsed.children(i))  # fmt: skip


def _untagged_movers(
    parsed: ParsedText, names: Sequence[tuple[int, str, bool]], places: Sequence[tuple[int, int]],
    lex: Lexicon, named_things: frozenset[str],
) -> list[tuple[int, str, bool]]:
    """"Meloni spent Monday in Warsaw" where the small model tags "Meloni" as a nationality and "Giorgia" as a
    country: a proper noun that is no place, no organisation and no title, said at least twice in the
    article and at least once the subject of a verb of movement, is a person; the capitalised word
    compounded before it ("Giorgia Meloni") makes the full name."""
    taken = _name_tokens(names)
    known = {fold(w) for _, name, _ in names for w in name.split()}
    headline_end = parsed.first_line_end

    def candidate(tok: Token) -> bool:
        ent = parsed.entity_at(tok.i)
        word = fold(tok.text)
        # a headline's name the tagger takes for a common noun ("Sunak makes first visit to Kyiv") counts
        proper = tok.pos == "PROPN" or (tok.pos == "NOUN" and tok.end <= headline_end)
        return (
            proper and tok.text[:1].isupper() and not tok.text.isupper() and len(tok.text) > 2
            and tok.i not in taken and word not in known
            and (tok.i == 0 or parsed.tokens[tok.i - 1].lower not in ("the", "a", "an"))  # the Spirit of '76
            and (ent is None or ent.label not in _NOT_PEOPLE or _lone_org(ent))
            and word not in lex.demonyms and word not in lex.organisations
            and tok.lower.rstrip(".") not in lex.person_titles and tok.lemma.casefold() not in lex.vehicles
            and not _in_a_place(places, tok.start, tok.end)
        )

    said: dict[str, list[Token]] = defaultdict(list)
    for tok in parsed.tokens:
        if candidate(tok):
            said[tok.text].append(tok)
    out: list[tuple[int, str, bool]] = []
    for word, toks in said.items():
        moves = [
            t for t in toks
            if t.dep in ("nsubj", "nsubjpass") and parsed.tokens[t.head].lemma.casefold() in lex.movement
        ]  # fmt: skip
        # "Napoleon had left his island exile", tagged as an organisation each time, or a word of a thing's
        # name ("the Route Napoléon"): such a word is a person's name when it moves in two sentences at least
        doubtful = fold(word) in named_things or all(_lone_org(parsed.entity_at(t.i)) for t in toks)
        if len(toks) < 2 or not moves or (doubtful and len({parsed.sentence(t.i) for t in moves}) < 2):
            continue
        full = word
        for t in toks:
            first = parsed.tokens[t.i - 1] if t.i > 0 else None
            if (first is not None and first.dep == "compound" and first.head == t.i and candidate(first)
                    and parsed.text[first.end : t.start] == " "):
                full = f"{first.text} {word}"
                break
        for t in toks:
            out.append((t.i, full, t.dep in _SUBJECTS))
    return out


def _lone_org(ent: Span | None) -> bool:
    return ent is not None and ent.label == "ORG" and ent.end - ent.start == 1


def _headline_names_trimmed(
    parsed: ParsedText, names: Sequence[tuple[int, str, bool]]
) -> list[tuple[int, str, bool]]:
    """"Australian Prime Minister Albanese Concludes Official Visit": in a headline in title case the model
    may run a name into the verb after it; words at a headline name's end that no name in the body has are
    cut off, when a word before them has one ("Albanese")."""
    end = parsed.first_line_end
    if not _title_case(parsed, end):
        return list(names)
    body = {fold(w) for i, n, _ in names if parsed.tokens[i].start > end for w in n.split()}
    out = []
    for i, name, subj in names:
        words = name.split()
        if parsed.tokens[i].end <= end:
            while len(words) > 1 and fold(words[-1]) not in body and any(fold(w) in body for w in words):
                words = words[:-1]
        out.append((i, " ".join(words), subj))
    return out


def _untagged_surnames(
    parsed: ParsedText, names: Sequence[tuple[int, str, bool]], places: Sequence[tuple[int, int]],
    by_word: Mapping[str, str],
) -> list[tuple[int, str, bool]]:
    """"Trump steps into North Korea" in a headline the model does not tag: a proper noun that is a word
    of a full name the article gives, or a one-word name it tags elsewhere, is that person."""
    tagged = {k for ent in parsed.entities if ent.label == "PERSON" for k in range(ent.start, ent.end)}
    out: list[tuple[int, str, bool]] = []
    headline_end = parsed.first_line_end
    full = {fold(n) for _, n, _ in names if len(n.split()) > 1}
    for tok in parsed.tokens:
        # "LIVE: Trump in Manila …", where the tagger reads "Trump" as the verb: a capitalised verb that is a
        # known name's word, in the headline or not opening its sentence
        opens = tok.i == parsed.sentence(tok.i).start and tok.end > headline_end
        slipped_verb = tok.pos == "VERB" and tok.text[:1].isupper() and not opens
        # the headline's parse is rough ("CHOU AND NU PLEDGE …", "LIVE: Merz heads home", Merz an adjective):
        # there any capitalised word of exactly one full name the body gives is that person
        one_name = tok.end <= headline_end and tok.text[:1].isupper() \
            and sum(fold(tok.text) in n.split() for n in full) == 1
        # in a headline set in capitals ("TITO SIGNS PARTY DECLARATION") every word is a "compound"
        shouted = tok.end <= headline_end and parsed.headline_in_capitals
        if not (_name_like(tok) or slipped_verb or one_name) or tok.i in tagged \
                or fold(tok.text) not in by_word:
            continue
        ent = parsed.entity_at(tok.i)
        # the model's GPE/NORP on a name is no place unless the gazetteer reading made it one, and its ORG
        # on the name alone as a subject ("Japan's Kishida makes …" in a headline) or in any headline slot
        # but a modifier's is a slip; a longer ORG, or one that modifies a noun ("ahead of Trump summit"),
        # is a thing
        slip = ent is not None and ent.label == "ORG" and ent.end - ent.start == 1 \
            and (tok.dep in _SUBJECTS or shouted or (one_name and tok.dep not in ("compound", "poss")))
        named_thing = ent is not None and ent.label in _NOT_PEOPLE and not slip
        if named_thing or _in_a_place(places, tok.start, tok.end):
            continue
        # (a word in capitals, "CHOU" or "TITO", is written as the body writes the name)
        out.append((tok.i, by_word[fold(tok.text)] if tok.text.isupper() else tok.text, tok.dep in _SUBJECTS))
    return out


def _predicated_roles(
    parsed: ParsedText, people: Sequence[tuple[int, str, bool]], lex: Lexicon
) -> Iterator[tuple[str, str, bool]]:
    """(role word, person, whether in apposition) for a role said of a person: "Trump … became the first
    sitting US president" (a predicate), "Moon, the South Korean president" (an apposition)."""
    at = {i: name for i, name, _ in people}
    for tok in parsed.tokens:
        word = tok.lemma.casefold()
        if word not in lex.person_nouns or tok.dep not in ("attr", "appos"):
            continue
        head = tok.head
        if tok.dep == "attr":
            head = next((c for c in parsed.children(head) if parsed.tokens[c].dep in _SUBJECTS), -1)
        holder = next((at[k] for k in parsed.subtree(head) if k in at), None) if head >= 0 else None
        # (an apposition right after the name, not "Fiala, Janša and Jarosław Kaczyński, the governing party
        # leader", which the parser may hang on the first of the names)
        left = min(parsed.subtree(tok.i))
        beside = tok.dep == "appos" and left >= 2 and parsed.tokens[left - 1].text == "," and left - 2 == head
        if holder:
            yield word, holder, beside


def _name_like(tok: Token) -> bool:
    """A proper noun, or a capitalised word the tagger took for a common noun ("Draghi had left Rome")."""
    return tok.pos == "PROPN" or (tok.pos == "NOUN" and tok.text[:1].isupper() and tok.text[1:].islower())


def _inflects(tok: Token, lemmas: frozenset[str]) -> bool:
    """The token is a form of one of ``lemmas``; the small model's lemmatiser slips ("hopes" → "hop")."""
    lower = tok.lower
    return tok.lemma.casefold() in lemmas or any(
        lower.endswith(end) and lower[: -len(end)] in lemmas for end in ("s", "es", "d", "ed")
    )


def _title_before(parsed: ParsedText, i: int, lex: Lexicon) -> str:
    """The title a name at token ``i`` carries, folded, without a full stop: its own first word when the
    entity took the title in ("Mrs Trump"), else the word before it ("Mrs." → "mrs")."""
    own = parsed.tokens[i].lower.rstrip(".")
    if own in lex.male_titles or own in lex.female_titles:
        return own
    return parsed.tokens[i - 1].lower.rstrip(".") if i > 0 else ""


def _lead_role(
    parsed: ParsedText, resolved: Sequence[tuple[int, str, bool]], totals: Counter[str], lex: Lexicon
) -> tuple[str, str | None, str] | None:
    """A role a story gives its subject before naming anyone ("The US president left Manila …, Donald
    Trump is on his way back"): (role word, country, the person named most), so that "the president" later
    is that person even when the article titles another president by name ("President Moon")."""
    if not totals:
        return None
    headline_end = parsed.first_line_end  # a headline names its subject; the lead may still say the role
    body = [i for i, _, _ in resolved if parsed.tokens[i].end > headline_end]
    first = body[0] if body else len(parsed.tokens)
    for tok in parsed.tokens[:first]:
        lemma = tok.lemma.casefold()
        if (
            tok.dep in _SUBJECTS
            and lemma in lex.person_nouns
            and any(parsed.tokens[c].lower == "the" for c in parsed.children(tok.i))  # not "a minister"
            and not in_byline(parsed, parsed.sentence(tok.i))
        ):
            return lemma, _demonym_before(parsed, tok.i, lex), max(totals, key=lambda n: totals[n])
    return None


def _demonym_before(parsed: ParsedText, k: int, lex: Lexicon) -> str | None:
    """The country a demonym just before token ``k`` names ("North Korean leader" → KP)."""
    for size in (2, 1):
        if k - size >= 0:
            words = " ".join(t.text for t in parsed.tokens[k - size : k])
            code = lex.demonyms.get(fold(words))
            if code:
                return code
    return None


class _Frames:
    """Reads the frames of one article."""

    def __init__(
        self, article: Article, parsed: ParsedText, mentions: Sequence[Mention], lex: Lexicon, people: People,
        story_year: int | None = None, since_year: int | None = None,
    ) -> None:
        self.article = article
        self.story_year = story_year or article.published.year
        """The year the story is set in: the publication's, or a retrospective's ("16 December 1949")."""
        self.since_year = min(since_year or self.story_year, self.story_year)
        """The year a story told from long before starts in ("landed here on the 6th of January, 1871")."""
        self.p = parsed
        self.lex = lex
        self.people = people
        self._named_at = {k: name for k, name, _ in people.positions}
        self.mentions = [m for m in mentions if m.article == article.id]
        self._mention_at: dict[int, Mention] = {}
        for m in self.mentions:
            first = parsed.token_at(m.start)
            k = first
            while k < len(parsed.tokens) and parsed.tokens[k].start < m.end:
                self._mention_at.setdefault(k, m)
                k += 1
        self.dateline = next((m for m in self.mentions if m.kind == "dateline"), None)
        self._movers: dict[int, tuple[str, str]] = {}
        self._asking: set[int] = set()
        self._roles: dict[str, list[tuple[int, str]]] = {}
        self._pronouns_read: dict[int, str] = {}
        """Whom each mover pronoun stood for when its frame was read (a later question must not re-read it
        with a later sentence's focus)."""
        self.last_mover = ""
        self.last_mover_at = -1
        """Who moved in the last frame with a mover: "the train" after it is that person's train."""
        self._vehicle_names = self._named_vehicles()
        """"a Liberator bomber named Commando": the folded name → the vehicle noun it was given to."""

    # who ---------------------------------------------------------------------------------------------------

    def _named_vehicles(self) -> dict[str, int]:
        """Names a vehicle is given in the text ("a Liberator bomber named Commando", "the jet, dubbed the
        Sacred Cow"): the name then moves whoever the vehicle carries."""
        out: dict[str, int] = {}

        def give(name: int, vehicle: int) -> None:
            parts = [name]  # the name's own words, not what is joined to it ("skippers X and Y")
            for k in parts:
                parts.extend(c for c in self.p.children(k) if self.p.tokens[c].dep in ("compound", "flat"))
            words = [self.p.tokens[k].text for k in sorted(parts) if self.p.tokens[k].pos == "PROPN"]
            if words and fold(" ".join(words)) in {fold(n) for n in self.people.full}:
                return  # "a 60-foot racer offered by its skippers, Pierre Casiraghi …": its people
            if words:
                out.setdefault(fold(" ".join(words)), vehicle)
                out.setdefault(fold(words[-1]), vehicle)  # "the cruiser USS Augusta … The Augusta docked"

        for tok in self.p.tokens:
            lemma = tok.lemma.casefold()
            if lemma in self.lex.vehicles and tok.pos == "NOUN":
                for c in self.p.children(tok.i):  # "the heavy cruiser USS Augusta"
                    if self.p.tokens[c].dep == "appos" and self.p.tokens[c].pos == "PROPN":
                        give(c, tok.i)
                if tok.dep == "compound" and self.p.tokens[tok.head].pos == "PROPN":
                    give(tok.head, tok.i)  # the same, parsed with the name as the head
                # "they joined the Gothic, a liner fitted out as a royal yacht"
                by_name = tok.dep == "appos" and self.p.tokens[tok.head].pos == "PROPN"
                if by_name and _indefinite(self.p, tok.i):
                    give(tok.head, tok.i)
            motion = self.lex.movement.get(self.p.tokens[tok.head].lemma.casefold())
            boarded = motion is not None and motion.object == "vehicle"
            if tok.pos == "PROPN" and tok.dep in ("dobj", "obj") and boarded:
                give(tok.i, tok.i)  # "they boarded the new Britannia. Britannia entered the Grand Harbour"
            head = self.p.tokens[tok.head]
            of_vehicle = head.lemma.casefold() in self.lex.vehicles
            if lemma in self.lex.naming_lemmas and tok.dep == "acl" and of_vehicle:
                for c in self.p.children(tok.i):  # "a Liberator bomber named Commando"
                    named = self.p.tokens[c]
                    if named.dep in ("oprd", "dobj", "attr", "xcomp") and named.pos == "PROPN":
                        give(c, head.i)
        return out

    def _vehicle_named(self, i: int) -> int | None:
        """The vehicle noun a name at ``i`` was given to ("Commando … reached Gibraltar")."""
        if not self._vehicle_names or self.p.tokens[i].pos != "PROPN":
            return None
        parts = sorted(k for k in self._name_parts(i) if self.p.tokens[k].pos == "PROPN")
        return self._vehicle_names.get(fold(" ".join(self.p.tokens[k].text for k in parts)))

    def _person_at(self, i: int) -> str:
        ent = self.p.entity_at(i)
        if i in self._mention_at and self._mention_at[i].kind != "descriptive":
            return ""  # a place the small model took for a person ("Khasan")
        if ent is not None and ent.label == "PERSON":
            told = next((k for k in range(ent.start, ent.end) if k in self._named_at), None)
            if told is not None:
                # as find_people resolved it ("Mrs Trump" is not Mr Trump), then to a full name ("Lula")
                return self.people.resolve(self._named_at[told])
            # a title alone ("the pope", which the small model may tag PERSON) is read as a role noun; a
            # flight number ("Pobeda flight DP936") is nobody, nor a jet's name ("the jet Inkwazi")
            if ent.end - ent.start == 1 and fold(self.p.tokens[ent.start].text) in self.people.crafts:
                return ""
            cleaned = _clean_person(self.p, ent.start, ent.end, self.lex)
            if _numbered(cleaned):
                return ""
            named = self.people.resolve(cleaned)
            one_word = ent.end - ent.start == 1
            after_the = one_word and ent.start > 0 and self.p.tokens[ent.start - 1].lower == "the"
            if after_the and named == cleaned and named not in self.people.full:
                return ""  # "the Comet took off": a one-word name after "the" that find_people left out
            return named
        tok = self.p.tokens[i]
        if _name_like(tok) and fold(tok.text) in self.people.by_word:
            named = self.people.by_word[fold(tok.text)]
            if named not in self.people.women and _woman_titled(self.p, i, self.lex):
                return ""  # "Madame de Gaulle" is not the General
            return named
        family = _family_head(self.p, i, fold(tok.text), self.people.by_word)
        if _name_like(tok) and family:
            return family  # "the Carters were driven back", untagged
        if tok.pos == "PROPN" and i in self._named_at:
            return self._named_at[i]  # a one-word name the model did not tag ("Albanese", as a nationality)
        return ""

    def _who_quick(self, i: int) -> bool:
        return any(self._person_at(k) for k in self._name_parts(i))

    def _name_parts(self, i: int, conjuncts: bool = True) -> list[int]:
        """Token ``i`` and what is joined to it as compound, apposition or (unless not ``conjuncts``)
        conjunct (not its clauses)."""
        deps = ("compound", "appos", "conj") if conjuncts else ("compound", "appos")
        out = [i]
        for k in out:
            out.extend(c for c in self.p.children(k) if self.p.tokens[c].dep in deps)
            if len(out) > 12:
                break
        return out

    def _carried(self, vehicle: int) -> str:
        """"the train believed to carry Kim", "a plane carrying Xi", "Kim's train", "his train"."""
        head = self.p.tokens[vehicle].head
        if self.p.tokens[vehicle].dep == "nsubj" and self.p.tokens[head].lemma in self.lex.carry_lemmas:
            # "a Cathay Pacific flight brought him back from Hong Kong, touching down at …": whom it brought
            for obj in self.p.children(head):
                who = self._who_once(obj) if self.p.tokens[obj].dep in ("dobj", "obj") else ""
                if who:
                    return who
        for k in self.p.subtree(vehicle):
            tok = self.p.tokens[k]
            if tok.lemma in self.lex.carry_lemmas and k != vehicle:
                for obj in self.p.subtree(k):
                    if obj != k and self.p.tokens[obj].dep in ("dobj", "pobj", "obj", "compound", "appos"):
                        who = self._person_at(obj) or self._role_carried(obj)
                        if who:
                            return who
                # the small parser often hangs the passenger elsewhere: take the next person named
                for obj in range(k + 1, min(k + 8, len(self.p.tokens))):
                    if self.p.tokens[obj].sent != tok.sent:
                        break
                    who = self._person_at(obj)
                    if who:
                        return who
        owners = self.lex.owner_verbs
        for child in self.p.children(vehicle):
            if self.p.tokens[child].dep == "poss" and self.p.tokens[child].lower == "their":
                # "Maduro and his wife began the tour when their plane landed at Shenzhen": the party of the
                # story's subject, who heads the sentence (not "Their chartered plane" of a team told before)
                lead = self._protagonist()
                sent = self.p.sentence(child)
                if any(n == lead and is_subject and sent.start <= k < child
                       for k, n, is_subject in self.people.positions):  # fmt: skip
                    return lead
            if self.p.tokens[child].dep == "poss":
                return self._who(child)
            if self.p.tokens[child].dep in ("relcl", "acl") and self.p.tokens[child].lemma in owners:
                # "a business jet that US sanctions filings tie to Prigozhin": the one the clause ties it to
                people = {self._person_at(k) for k in self.p.subtree(child)} - {""}
                if len(people) == 1:
                    return people.pop()
            if self.p.tokens[child].lower == "of":  # "the train of Belarusian President Alexander Lukashenko"
                for obj in self.p.children(child):
                    who = self._who(obj) if self._who_quick(obj) else ""
                    if who:
                        return who
            roles = self.lex.role_adjectives.get(self.p.tokens[child].lower, ())
            # "the presidential Boeing" of a story about one president who meets another: the story's
            lead = self._protagonist()
            holder = next((lead for r in roles if lead in self.people.shared_roles.get(r, ())), "")
            holder = holder or next((self.people.titles[r] for r in roles if r in self.people.titles), "")
            if holder:
                return holder  # "the royal motorcade": the King's
        return self._owner_by_name(vehicle)

    def _role_carried(self, obj: int) -> str:
        """"The A330 carrying the 86-year-old pope": a role the article gives one person ("the pope")."""
        tok = self.p.tokens[obj]
        if tok.dep not in ("dobj", "obj"):
            return ""
        mods = (c for c in self.p.children(obj) if self.p.tokens[c].dep in ("compound", "amod"))
        first = min(mods, default=obj)
        alias = self.lex.role_aliases.get(fold(self.p.tokens_text(first, obj + 1)))
        if alias is not None:
            return self.people.titles.get(alias, "")  # "the aircraft bearing the Holy Father": the pope
        if tok.pos == "PROPN" and self._the(obj) and tok.lower in self.people.titles:
            return self.people.titles[tok.lower]  # "the Comet carrying the Bangabandhu": the honorific's
        if tok.lemma.casefold() not in self.lex.person_nouns:
            return ""
        # "the plane carrying the pontiff": a role no title gives is whom the article calls so
        return self.people.titles.get(tok.lemma.casefold(), "") or (self._who(obj) if self._the(obj) else "")

    def _owner_by_name(self, vehicle: int) -> str:
        """"Air Force One lifted off": an aircraft whose name says whose it is (``owned_vehicles``) carries
        the one the article titles so with the country, else the one of that country, else the person its
        headline is about, else the one titled with the role alone."""
        parts = sorted(k for k in self._name_parts(vehicle) if k <= vehicle)
        owner = self.lex.owned_vehicles.get(fold(self.p.tokens_text(parts[0], vehicle + 1)))
        if owner is None:
            return ""
        possessor = next((who for k in parts for c in self.p.children(k)
                          if self.p.tokens[c].dep == "poss" and (who := self._person_at(c))), "")
        if possessor:
            return possessor  # "Trump's Air Force One"
        country, _, role = owner.partition(" ")
        holder = self._of_country(country, role) if role else self.people.titles.get(owner, "")
        if holder:
            return holder
        # "Trump chose a faster route. Air Force One left Joint Base Andrews": the subject of the sentence
        # just before, in the same paragraph, in a story about somebody else
        sent = self.p.sentence(vehicle)
        before = self.p.sentence(sent.start - 1) if sent.start > 0 else None
        topic = ""
        if before is not None and "\n\n" not in self.p.text[before.char_start : sent.char_start]:
            topic = next((n for k, n, is_subject in self.people.positions
                          if before.start <= k < before.end and is_subject and n in self.people.full
                          and self.people.nationality.get(n, country) == country), "")
        # the headline's subject, else whoever the article titles so ("President Joe Biden")
        return topic or self.people.headline or self.people.titles.get(role or owner, "")

    def _of_country(self, country: str, role: str) -> str:
        """The one the article titles with that country's role ("the North Korean leader"), else the one
        person it gives that country ("Japan's Kishida" … "the Japanese prime minister"); "" when neither."""
        if f"{country} {role}" in self.people.titles:
            return self.people.titles[f"{country} {role}"]
        of_country = [n for n, c in self.people.nationality.items() if c == country]
        if len(of_country) > 1 and self._protagonist() in of_country:
            # "Soviet party chief Brezhnev … Soviet Ambassador Dobrynin": the story's own
            return self._protagonist()
        return of_country[0] if len(of_country) == 1 else ""

    def _who(self, i: int) -> str:
        """The person token ``i`` stands for."""
        tok = self.p.tokens[i]
        vehicle = self._vehicle_named(i)
        if vehicle is not None and vehicle != i:
            return self._carried(vehicle) or self._protagonist()  # "Commando took off": whom it carried
        name_parts = self._name_parts(i)
        person_noun = tok.pos == "NOUN" and tok.lemma.casefold() in self.lex.person_nouns
        if not person_noun and any(self.p.tokens[c].dep in ("acl", "relcl")
               and self.p.tokens[c].lemma in self.lex.carry_lemmas | self.lex.owner_verbs
               for k in name_parts for c in self.p.children(k)):  # fmt: skip
            # "The Air China Boeing 747 carrying Xi", "The chartered Alitalia A330, carrying Francis": a
            # carrier by any name, even one the model takes for a person
            carried = self._carried(i)
            if carried:
                return carried
        for c in self.p.children(i):
            # "Yoon and first lady Kim Keon Hee reached …", parsed with "Yoon" as a modifier of "Hee": the
            # first of a coordination the parser folded into one name leads it
            if c < i and any(self.p.tokens[g].dep == "cc" for g in self.p.children(c)):
                word = self.p.tokens[c].text  # tagged as an adjective, it is no entity: its surname says who
                named = self.people.by_word.get(fold(word), "") if word[:1].isupper() else ""
                leader = self._person_at(c) or named
                if leader:
                    return leader
        named_parts = (t for t in (self.p.tokens[k] for k in name_parts) if t.pos == "PROPN")
        craft = next((t.i for t in named_parts if _aircraft(t.text, self.lex)), None)
        if craft is not None:
            # "the papal Alitalia Airbus landed", which the small model may tag as a person: an aircraft
            return self._owner_by_name(craft) or self._carried(craft) or self._carried(i)
        who = self._person_at(i)
        if who:
            return who
        if tok.pos == "PROPN" and fold(tok.text) in self.people.crafts:
            return self._carried(i)  # "A BOAC Argonaut landed her at Entebbe": whom the craft carried
        if self._an_age(i):
            # "The 68-year-old and Maryam were taken into custody": the one whose story it is, once named
            lead = self._protagonist()
            so_far = {n for k, n, _ in self.people.positions if k < i}
            return lead if lead in so_far else self.people.last_before(i, subject=True)
        # "he and Lord Beaverbrook flew to Moscow": the pronoun leads, not the name joined to it; so does a
        # role ("the president and his wife, Lee Hee-ho, took off": the president, whom the role names)
        if tok.lower in self.lex.pronouns:
            parts = []
        elif person_noun and tok.lemma.casefold() in self.people.titles:
            parts = self._name_parts(i, conjuncts=False)
        else:
            parts = name_parts
        for k in parts:  # "Belarusian President Alexander Lukashenko", "Modi and his aides"
            who = self._person_at(k)
            if who:
                return who
        lower = tok.lower
        lemma = tok.lemma.casefold()
        if lower == "whose":
            # "Biden, whose motorcade had come down from the city": the one the clause hangs on
            clause = next((a for a in self.p.ancestors(i) if self.p.tokens[a].dep == "relcl"), None)
            return self._who(self.p.tokens[clause].head) if clause is not None else ""
        if tok.pos == "PROPN" and lemma in self.lex.vehicles:
            return self._owner_by_name(i) or self._carried(i)  # "Air Force One"; "his ageing Airbus"
        if lower == "it" and tok.dep in _SUBJECTS:
            # "His RAAF jet lifted off from New Delhi. It put down in Darwin": whom the vehicle the sentence
            # before was about carries
            vehicle = self._vehicle_told_just_before(i)
            if vehicle is not None and vehicle not in self._asking:
                self._asking.add(vehicle)
                try:
                    return self._carried(i) or self._who(vehicle)
                finally:
                    self._asking.discard(vehicle)
        if (lemma in self.lex.vehicles and self._noun(tok)) or lower == "it":
            return self._carried(i)  # a bare "the train" is left to the itinerary: whose train is it?
        if lower == "she" and tok.dep in _SUBJECTS and (ship := self._ship_before(i)) is not None:
            # "The ship cast off … Delayed by a storm, she reached Colombo": a ship is "she", and carries
            # whom the ship does
            return self._carried(ship)
        if tok.pos == "NOUN" and lemma in self.lex.movement_nouns and tok.dep not in _SUBJECTS:
            # "after a journey that began in Minsk": whoever makes the journey (the verb it hangs on says)
            owner = self.subject_token(i)
            if owner is not None and owner != i and owner not in self._asking:
                self._asking.add(i)
                try:
                    return self._who(owner)
                finally:
                    self._asking.discard(i)
        if tok.pos == "NOUN" and lemma in self.lex.movement_nouns and tok.dep in _SUBJECTS:
            kids = [self.p.tokens[c] for c in self.p.children(i)]
            words = {k.lower for k in kids}
            verb = tok.head
            objects = [self.p.tokens[c] for c in self.p.children(verb) if self.p.tokens[c].dep == "dobj"]
            # ("the visit had turned a new page": a figure of speech, nobody's move)
            figurative = any(
                o.pos == "NOUN" and o.i not in self._mention_at and not o.ent_type
                and not any(self.p.tokens[c].dep == "nummod" for c in self.p.children(o.i))
                for o in objects
            )  # ("took about nine hours" is the trip's own length)
            owned = any(k.dep == "poss" for k in kids)
            if "the" in words and "of" not in words and not owned and not figurative:
                return self._protagonist()  # "The journey began with a flight out of Fiumicino": the story's
        if (lemma in self.lex.day_subjects and tok.dep in _SUBJECTS
                and self._the(i) and self.p.tokens[tok.head].lemma.casefold() in ("begin", "start", "end")):
            return self._protagonist()  # "The day had begun at the summit hotel in Shima"
        if (lemma in self.lex.person_nouns and tok.tag == "NNS" and self._group_reference(i)
                and lemma not in self.people.titles and lemma not in self.people.shared_roles):
            # "the two leaders flew together to Camp David": a pair, as "they" would be (a pair in a role the
            # article titles someone with, "the two prime ministers", is read as that role below)
            return self._role_holder(i, "they", "they")
        if lemma in self.lex.person_nouns and any(
            self.p.tokens[c].lower in ("a", "an", "most", "many", "some", "several", "other", "few")
            for c in self.p.children(i)
        ):
            return ""  # "a delegation of officers", "most visitors now come by car" are somebody else
        if lemma in self.lex.person_nouns:
            first = i
            while first > 0 and self.p.tokens[first - 1].lower in self.lex.person_titles:
                first -= 1  # "the Japanese prime minister"
            country = _demonym_before(self.p, first, self.lex)
            holder = self._of_country(country, lemma) if country else ""
            if holder:
                return holder
            if country and lemma not in self.lex.party_nouns:
                # "The Russian president": a role of a given country is the person named last, not the
                # last subject (who may be the traveller from another country); "the Russian party" is
                # whoever's party is on the move; not one the article titles with another office ("Prime
                # Minister Lester Pearson … the French president boarded his DC-8")
                other_office = {n for word, n in self.people.titles.items()
                                if word in self.lex.office_titles and word != lemma}
                named = next((n for k, n, _ in reversed(self.people.positions)
                              if k < i and n not in other_office
                              and self.people.nationality.get(n, country) == country), "")
                if named:
                    return named
        if lemma in self.people.shared_roles:
            # the one the article names most (whose story it is), else whichever was last the subject
            holders = self.people.shared_roles[lemma]
            counts = sorted((self.people.counts.get(n, 0) for n in holders), reverse=True)
            if counts[0] > counts[1]:
                return max(holders, key=lambda n: self.people.counts.get(n, 0))
            last = [(k, n) for k, n, is_subject in self.people.positions
                    if k < i and is_subject and n in holders]  # fmt: skip
            first_titled = self.people.titles.get(lemma, "")
            if last and (not first_titled or self.p.tokens[i].sent - self.p.tokens[last[-1][0]].sent <= 1):
                return last[-1][1]
            if first_titled in holders:
                # "Prime Minister Dr. Mostafa Madbouly received him … The Prime Minister emplaned for New
                # Delhi" four sentences on: the one the article gave the title first, whose story it is
                return first_titled
            if last:
                return last[-1][1]
        # a word the article gave with the name, used alone after "the": an honorific ("the Bangabandhu") or
        # a title ("Colonel Muammar Gaddafi … the colonel was back in Tripoli")
        title = tok.pos == "NOUN" and lemma in self.lex.person_titles
        given = self._the(i) and (tok.pos == "PROPN" or title)
        if ((lemma in self.lex.person_nouns or given) and lemma in self.people.titles
                and any(k < i for k, n, _ in self.people.positions if n == self.people.titles[lemma])):
            # "the prime minister" is the one titled so, once named ("Air Force One took off … The president
            # is due back at Andrews" is not a "President Sauli Niinistö" the story names only later)
            return self.people.titles[lemma]
        if lemma in self.lex.titled_only_nouns and lemma not in self.people.titles:
            return ""  # "The Empress stayed behind": nobody the article titles so, not the last one named
        if lower in ("she", "her", "hers", "herself") and self._a_woman_leads():
            # the woman named last before it, else the one named most ("Queen Elizabeth II … The aerodrome is
            # named after Roger Casement … She stepped out in green")
            # ("… for President Mary McAleese's welcome. That afternoon she laid a wreath": the last woman
            # named as a subject, over one named in passing)
            before = [(n, is_subject) for k, n, is_subject in self.people.positions
                      if k < i and n in self.people.women]  # fmt: skip
            # (not one who is only the subject of a clause describing something: "past the castles Queen
            # Victoria admired")
            subjects = [n for k, n, is_subject in self.people.positions if k < i and n in self.people.women
                        and is_subject and not self._in_relative_clause(k)]  # fmt: skip
            most = max(self.people.women, key=lambda n: self.people.counts.get(n, 0))
            lead = self._protagonist()
            # (no woman told as a subject: the story's subject if she is a woman, over one named in passing,
            # "her grandmother, Queen Mary, had relations in Württemberg. On Tuesday the train brought her")
            passing = lead if lead in self.people.women else before[-1][0] if before else most
            chosen = subjects[-1] if subjects else passing
            # "Queen Salote held an umbrella over her guest. ¶ … ¶ the royal barge landed her at Farm Cove":
            # a woman a whole paragraph back is no longer in focus; the story's subject is
            named_at = max((k for k, n, _ in self.people.positions if n == chosen and k < i), default=None)
            if (chosen != lead and lead in self.people.women and named_at is not None
                    and self._paragraphs_between(named_at, i)):
                return lead
            return chosen
        if tok.lemma.casefold() in self.lex.scene_nouns and tok.pos == "NOUN":
            # "signs of its passage were seen in Kharkiv", "footage of Lula was filmed at X": who is shown
            shown = self._shown(i)
            owners = [c for o in shown for c in self.p.children(o) if self.p.tokens[c].dep == "poss"]
            for k in (*owners, *shown):
                who = self._who(k) or (self.last_mover if self.p.tokens[k].lower == "its" else "")
                if who:
                    return who  # "its passage": the passage of the one last on the move
        if self._group_reference(i):
            return self._role_holder(i, "they", "they")  # "A taxi took the three to Shinagawa station"
        role = self._role_phrase(i) if lemma in self.lex.person_nouns else ""
        if role:
            # "The head of state arrived in Sevastopol … The head of state has since returned to Moscow": a
            # description told again names whom it named before
            told = [who for k, who in self._roles.get(role, ()) if k < i]
            if told:
                return told[-1]
            who = self._role_holder(i, lower, lemma)
            if who:
                self._roles.setdefault(role, []).append((i, who))
            return who
        return self._role_holder(i, lower, lemma) or self._nameless_role(i, lemma)

    def _nameless_role(self, i: int, lemma: str) -> str:
        """"Pope lands in Juba … The pope arrived … The pontiff was joined by Justin Welby": a role the
        article gives nobody by name, told before anyone is named, is its own traveller ("Pope")."""
        tok = self.p.tokens[i]
        if lemma not in self.lex.person_titles or self.people.titles.get(lemma):
            return ""
        if not self._the(i) and not (tok.pos == "PROPN" and tok.text[:1].isupper()):
            return ""
        if any(k < i for k, _, _ in self.people.positions):
            return ""  # somebody named before: the usual reading stands
        return self.lex.role_aliases.get(lemma, lemma).title()

    def _the(self, i: int) -> bool:
        """The noun at ``i`` takes "the" ("the pope", "the three", "The day had begun")."""
        return any(self.p.tokens[c].lower == "the" for c in self.p.children(i))

    def _group_reference(self, i: int) -> bool:
        """"the three", "the pair", "the two men": a definite group standing for the party on the move."""
        tok = self.p.tokens[i]
        kids = [self.p.tokens[c] for c in self.p.children(i)]
        if not self._the(i):
            return False
        if tok.pos == "NUM" and tok.lower.isalpha():
            return True
        numbered = any(k.dep == "nummod" for k in kids)
        group = tok.lemma.casefold() in self.lex.group_nouns
        # "the two leaders", "the two presidents": people numbered as a group
        people = numbered and tok.tag == "NNS" and tok.lemma.casefold() in self.lex.person_nouns
        return people or (group and (numbered or tok.lower not in ("men", "women")))

    def _people_of(self, i: int) -> bool:
        """The noun at ``i`` is people a place has ("Washington's harshest critics", "Moscow's allies"): a
        plural that is no kind of place or facility."""
        tok = self.p.tokens[i]
        lemma = tok.lemma.casefold()
        places = (self.lex.descriptive_heads, self.lex.name_facilities, self.lex.name_vetoes)
        return tok.tag == "NNS" and not any(lemma in words for words in places)

    def _of_countries(self, i: int) -> bool:
        """The noun at ``i`` has an "of" phrase naming countries or towns ("the leaders of Syria …")."""
        return any(self.p.tokens[c].lower == "of" and self.p.tokens[c].dep == "prep"
                   and any(self.p.tokens[o].ent_type == "GPE" for o in self.p.subtree(c))
                   for c in self.p.children(i))  # fmt: skip

    def _role_phrase(self, i: int) -> str:
        """"head of state": a role noun with an "of" phrase, as written (lower case); "" for any other."""
        for c in self.p.children(i):
            if self.p.tokens[c].lower == "of" and self.p.tokens[c].dep == "prep":
                span = self.p.subtree(c)
                words = (t.lower for t in self.p.tokens[span.start : span.stop])
                return " ".join([self.p.tokens[i].lower, *words])
        return ""

    def _role_holder(self, i: int, lower: str, lemma: str) -> str:
        """Whom a pronoun or a role noun at ``i`` stands for (see ``_who``); a host is not the "he" who moves
        on in a later sentence ("T. S. Murty … met the party … Over the high passes he reached Bomdila")."""
        if lemma in self.lex.company_nouns and self._of_countries(i):
            return ""  # "the leaders of Syria, Libya, Algeria and South Yemen met the PLO": other countries'
        lead = self._protagonist()
        hosts = [c for c in self.p.children(i) if self.p.tokens[c].dep == "poss"]
        if lemma in self.lex.guest_nouns and hosts:
            # "Massu's version is that his visitor arrived": the host's visitor is the story's traveller
            return lead if lead and self._who(hosts[0]) != lead else ""
        if lemma in self.lex.guest_nouns and self._the(i) and lead:
            # "where President Eisenhower stood at the stairway. The visitor had a gift ready": the story's
            # traveller, not the host named last
            return lead
        if lower == "they" and self._vehicles_before(i):
            return ""  # "the helicopters took off …, and this time they did go to Colombey": the machines
        who = self._named_holder(i, lower, lemma)
        moving = lower in ("he", "she", "they") or lemma in self.lex.company_nouns  # "the party"
        if lower in ("he", "she") and (lower == "she") != (lead in self.people.women):
            moving = False  # "she" is no man's, "he" no woman's
        if (who and lead and who != lead and moving and who != self.last_mover
                and self._only_hosts(who, i)):
            return lead
        # "the two leaders flew together to Camp David", "Air Force One carried them": a group the story's
        # subject was just told among moves the subject too (the headline's; a party last on the move is
        # otherwise its own: "the Dakota … flew them west to Entebbe")
        group = self.lex.pronouns.get(lower) == "group"
        joins = (who != self.last_mover or self.people.headline == lead) and self._lead_told_near(i)
        if who and lead and who != lead and group and joins:
            return lead
        return who

    def _lead_told_near(self, i: int) -> bool:
        """The story's subject is named in ``i``'s sentence or the two before it, or was the last to move."""
        lead = self._protagonist()
        if self.last_mover == lead:
            return True
        since = self.p.sentences[max(0, self.p.tokens[i].sent - 2)].start
        return any(n == lead and since <= k < i for k, n, _ in self.people.positions)

    def _vehicles_before(self, i: int) -> bool:
        """A "they" that is the subject of a verb joined to one whose subject is vehicles ("the helicopters
        took off …, and this time they did go"): the vehicles, whoever they carry."""
        tok = self.p.tokens[i]
        verb = self.p.tokens[tok.head]
        if tok.dep not in _SUBJECTS or verb.dep != "conj":
            return False
        return any(self._vehicle_subject(self.p.tokens[c], plural=True) for c in self.p.children(verb.head))

    def _noun(self, tok: Token) -> bool:
        """A noun, or an adjective standing as one ("The special pulled out of the depot": the special
        train)."""
        return tok.pos == "NOUN" or (tok.pos == "ADJ" and tok.dep in (*_SUBJECTS, *_DIRECT_OBJECTS, "pobj")
                                     and any(self.p.tokens[c].dep == "det" for c in self.p.children(tok.i)))

    def _vehicle_subject(self, tok: Token, *, plural: bool) -> bool:
        """``tok`` is vehicles (or one vehicle) as a clause's subject: "the helicopters took off"."""
        return (tok.dep in _SUBJECTS and self._noun(tok) and tok.lemma.casefold() in self.lex.vehicles
                and _vehicle_word(tok)
                and (tok.tag == "NNS") == plural)

    def _only_hosts(self, name: str, i: int) -> bool:
        """Every mention of ``name`` before token ``i`` (none in its sentence) is as the subject of meeting,
        greeting or waiting, or no subject at all: the person is a host, not a traveller."""
        sent = self.p.sentence(i)
        told = [(k, is_subject) for k, n, is_subject in self.people.positions if n == name and k < i]
        if not any(is_subject for _, is_subject in told) or any(k >= sent.start for k, _ in told):
            return False
        for k, is_subject in told:
            if not is_subject:
                continue
            subject = self.p.tokens[k]
            while subject.dep not in _SUBJECTS and subject.head != subject.i:
                subject = self.p.tokens[subject.head]  # "T. S. Murty" → "Murty", the subject
            verb = self.p.tokens[subject.head]
            if verb.lemma.casefold() not in self.lex.host_lemmas:
                return False
            kids = [self.p.tokens[c] for c in self.p.children(verb.i)]
            if verb.lemma == "be" and not any(c.dep == "prep" or c.tag == "VBG" for c in kids):
                return False  # "was on the tarmac", "was waiting"; not "is our correspondent"
            if verb.lemma == "be" and self.p.takes_had(verb.i):
                return False  # "Khrushchev had been in the city since Friday": he came there too
        return True

    def _named_holder(self, i: int, lower: str, lemma: str) -> str:
        if self._speaks_of_self(i):
            return ""
        if lower in self.lex.pronouns or lemma in self.lex.person_nouns:
            # the person named earlier in the same sentence, else the last one named as a subject
            sent = self.p.sentence(i)
            itself = self._own_subject(i)
            # "Owji greeted him … before a convoy carried him into the city": the second "him" is the first's,
            # so not the subject that greeted him
            echoed = {self._own_subject(k) for k in range(sent.start, i)
                      if self.p.tokens[k].lower == lower and lower in ("him", "her")} - {None}  # fmt: skip
            # "First Lady Dr. Jill Biden hosted the Prime Minister. He had earlier visited …": not her
            not_him = self.people.women if lower in ("he", "him", "his", "himself") else frozenset()
            same = [(n, is_subject) for k, n, is_subject in self.people.positions
                    if sent.start <= k < i and n != itself and n not in echoed | not_him
                    and not self._fronted_object(k, i)]  # fmt: skip
            if same:
                # a pronoun in a later clause is the sentence's subject more often than its object ("Kishida
                # spent Monday in Delhi, where he met Modi, and his itinerary had him flying home"), also when
                # that subject is itself a pronoun ("He met Abbas … before a helicopter flew him back")
                subjects_here = [n for n, is_subject in same if is_subject]
                opener = self._pronoun_subject_before(i) if not subjects_here else ""
                # "Clinton stayed put; the Russian party headed west": a party is no one named beside it
                if opener or subjects_here or lemma not in self.lex.party_nouns:
                    return opener or (subjects_here or [n for n, _ in same])[-1]
            # "King Zahir Shah rode with him into the capital. At dusk he was in New Delhi": a pronoun goes on
            # with the story's subject the sentence before told of by it (only the story's subject, and not
            # after another person moved or a role was named in this sentence: "The Russian president flew in
            # from Moscow; officials said he would leave")
            chained = self._pronoun_chain(i, lower)
            lead = self._protagonist()
            other_moved = (self.last_mover not in ("", chained, lead, itself)
                           and self.last_mover_at >= sent.start)
            if (chained and self.people.resolve(chained) == lead and chained != itself
                    and chained not in not_him and not other_moved
                    and self._role_subject_after(sent.start - 1, i) is None):
                return lead
            # "He and Rosalynn flew out from Atlanta" after "he … was briefed by Robert Gallucci": a subject
            # joined to a name is found as any subject is (not as the last person named), only not that name
            conjoined_subject = itself is not None and self.p.tokens[i].dep in _SUBJECTS
            if itself and not conjoined_subject:
                others = [n for k, n, _ in self.people.positions if k < i and n != itself]
                if others:
                    return others[-1]
            if echoed:
                others = [n for k, n, is_subject in self.people.positions
                          if k < i and is_subject and n not in echoed]  # fmt: skip
                if others:
                    return others[-1]
            # the last subject named, or the last mover a frame found (a role noun: "The Russian president
            # flew in … he would leave"), whichever came later
            subjects = [k for k, n, is_subject in self.people.positions
                        if k < i and is_subject and n not in not_him and n != itself
                        and not (lower in ("he", "she") and self._one_of_a_pair(k, n))]  # fmt: skip
            # "took them south", "The delegation left Kyiv" after "Zelensky said": the party last on the move
            group = self.lex.pronouns.get(lower) == "group" or lemma in self.lex.party_nouns
            focus = max(subjects[-1] if subjects else -1, self.last_mover_at if self.last_mover else -1)
            role = self._role_subject_after(focus, i) if lower in ("he", "she") else None
            if role is not None and role[1] not in not_him and role[1] != itself:
                return role[1]
            opens = (lower in ("he", "she") and (self._opens_paragraph(i) or self._after_the_trip(i))
                     and self._protagonist() not in not_him)
            away = self._paragraphs_between(focus, i) or opens
            if focus >= 0 and not group and away and self._protagonist():
                # "Zelensky travelled to Kherson … ¶ The embassy welcomed the visit. ¶ Officials said he was
                # expected back in London": after a paragraph that names nobody, "he" is the story's subject
                return self._protagonist()
            earlier = self._pronoun_before(i, lower, focus)
            if earlier is not None:
                # "Jerusalem. He had first seen the city in 1924 … About a fortnight later he took the train":
                # the "he" before it in its paragraph, with nobody named in between
                who = self._who_once(earlier)
                if who:
                    return who
            # "His wife Peng Liyuan … returned on the same plane. He set out from Beijing": not her (the
            # story's own subject stays whom "he" may be, however the article's pronouns have read)
            woman = self.last_mover in not_him and self.last_mover != self._protagonist()
            if self.last_mover and self.last_mover != itself and not woman and (
                    group or not subjects or subjects[-1] < self.last_mover_at):
                return self.last_mover
            if not_him:
                by_token = {k: n for k, n, _ in self.people.positions}
                return by_token[subjects[-1]] if subjects else ""
            return self.people.last_before(i, subject=True)
        return ""

    def _role_subject_after(self, start: int, i: int) -> tuple[int, str] | None:
        """The last definite role noun ("the 71-year-old president waded into the surf") that is a clause's
        subject after token ``start`` and before ``i``, and whom it names: the latest subject a "he" may
        stand for, where the article gives the role to several people."""
        first = max(start + 1, self.p.sentence(i).start - 60)
        for k in range(i - 1, first - 1, -1):
            tok = self.p.tokens[k]
            if (tok.dep in ("nsubj", "nsubjpass") and tok.pos == "NOUN"
                    and tok.lemma.casefold() in self.lex.person_titles | self.lex.guest_nouns
                    and tok.lemma.casefold() not in self.lex.party_nouns
                    and _the_role([self.p.tokens[c] for c in self.p.children(k)], k, self.lex)):
                who = self._who_once(k)
                return (k, who) if who else None
        return None

    def _one_of_a_pair(self, k: int, name: str) -> bool:
        """"Gov. George Pataki and Mayor Rudolph Giuliani found reasons not to meet him. … when he reached
        Boston": one of two people joined as a subject is no later "he" (unless the story is about them)."""
        if name == self._protagonist():
            return False
        root = self.p.tokens[_name_root(self.p, k, name)]
        if root.dep == "conj" and self.p.tokens[root.head].dep in _SUBJECTS:
            return True
        return root.dep in _SUBJECTS and any(
            self.p.tokens[c].dep == "conj" and self.p.tokens[c].pos in ("PROPN", "NOUN")
            for c in self.p.children(root.i)
        )

    def _speaks_of_self(self, i: int) -> bool:
        """"One man said he had driven up from Antwerp": the subject pronoun of what somebody in the crowd
        says is that speaker (not the traveller), when the two agree in number."""
        tok = self.p.tokens[i]
        if tok.dep not in _SUBJECTS or tok.lower not in ("he", "she", "they"):
            return False
        clause = self.p.tokens[tok.head]
        speech = self.p.tokens[clause.head].lemma.casefold()
        if clause.dep != "ccomp" or speech not in self.lex.reporting_lemmas:
            return False
        plural = tok.lower == "they"
        return any(
            s.dep == "nsubj" and s.pos == "NOUN" and s.lemma.casefold() in self.lex.onlooker_nouns
            and (s.tag in ("NNS", "NNPS")) == plural
            for s in (self.p.tokens[c] for c in self.p.children(clause.head))
        )  # fmt: skip

    def _fronted_object(self, k: int, i: int) -> bool:
        """"After two days of talks with President Vladimir Putin in Moscow, he flew on to Kabul": a name
        inside a phrase put before the clause whose subject pronoun ``i`` is is not who "he" is; the story's
        subject is."""
        pronoun = self.p.tokens[i]
        if pronoun.dep not in ("nsubj", "nsubjpass"):
            return False
        verb = pronoun.head
        for a in self.p.ancestors(k):
            if a == verb:
                return False
            tok = self.p.tokens[a]
            # "In August 1953, losing a power struggle with Mosaddegh, he flew": a participle clause put
            # first has the pronoun for its own subject, so a name inside it is somebody else
            fronted = tok.dep == "prep" or (tok.dep == "advcl" and tok.tag == "VBG")
            if fronted and tok.head == verb and a < i:
                return True
        return False

    def _pronoun_subject_before(self, i: int) -> str:
        """Whom the sentence's first subject pronoun before token ``i`` stands for, when it is the same
        pronoun in another case ("He … him", "She … her"); "" when there is none."""
        sent = self.p.sentence(i)
        cases = next((c for c in _PRONOUN_CASES if self.p.tokens[i].lower in c), None)
        for k in range(sent.start, i):
            tok = self.p.tokens[k]
            if tok.dep in ("nsubj", "nsubjpass") and tok.lower in self.lex.pronouns and k not in self._asking:
                if cases is None or tok.lower not in cases:
                    return ""
                return self._who_once(k)
        return ""

    def _who_once(self, k: int) -> str:
        """Whom token ``k`` stands for, or "" when that question is already being asked further up (a
        pronoun and a vehicle may each lead back to the other)."""
        if k in self._asking:
            return ""
        self._asking.add(k)
        try:
            return self._who(k)
        finally:
            self._asking.discard(k)

    def _pronoun_chain(self, i: int, lower: str) -> str:
        """"He left Karachi at 8:20 … the plane landed at Bagram, and King Zahir Shah rode with him into the
        capital", "Nehru later took him to Agra. At dusk he was in New Delhi": the one the sentence before
        told of by this pronoun, as its subject or else as an object, goes on being it, not another person
        named there, also across a paragraph's break ("Herter flew to Paris ahead of him. ¶
        From Paris the jet will take him to Madrid"); "" when the sentence before has no such pronoun."""
        cases = next((c for c in _PRONOUN_CASES if lower in c), None)
        sent_index = self.p.tokens[i].sent
        if cases is None or sent_index == 0:
            return ""
        before = self.p.sentences[sent_index - 1]
        told = [t for t in self.p.tokens[before.start : before.end] if t.lower in cases]
        subjects = [t.i for t in told if t.dep in _SUBJECTS]
        objects = [t.i for t in told if t.dep in ("dobj", "obj", "pobj")]
        told_of = subjects[:1] or objects[-1:]
        if not told_of:
            return ""
        k = told_of[0]
        return self._pronouns_read[k] if k in self._pronouns_read else self._who_once(k)

    def _pronoun_before(self, i: int, lower: str, after: int) -> int | None:
        """The last subject "he" (or "she", as ``lower``) before token ``i`` in its paragraph, after token
        ``after``, in an earlier sentence; None when there is none."""
        if lower not in ("he", "she"):
            return None
        sent = self.p.sentence(i)
        earlier = (t for t in reversed(self._paragraph_before(i)) if after < t.i < sent.start)
        return next((t.i for t in earlier if t.lower == lower and t.dep in _SUBJECTS), None)

    def _opens_paragraph(self, i: int) -> bool:
        """"… on 9 May Mussolini proclaimed a new empire. ¶ Jerusalem. He had first seen the city in 1924": a
        "he" that opens its paragraph (after a heading, if any) is the story's subject, not the last one named
        in the paragraph before."""
        sent = self.p.sentence(i)
        words = [t for t in self.p.tokens[sent.start : i] if t.pos not in ("SPACE", "PUNCT")]
        if words:
            return False
        text = self.p.text
        start = self.p.paragraph_start(self.p.tokens[i].start)
        if text[start : self.p.tokens[i].start].strip() == "":
            return True
        if sent.start == 0:
            return False
        heading = self.p.sentence(sent.start - 1)  # "Jerusalem.", "Palestine, 8 May."
        return heading.char_start <= start + 1 and self.p.is_heading(heading) and (
            text[start : heading.char_start].strip() == "")

    def _after_the_trip(self, i: int) -> bool:
        """"… the Soviet leader stopped his limousine … ¶ From Washington the tour swung west. In Indianapolis
        he gave another lecture": a "he" whose paragraph so far names nobody, only the trip ("the tour",
        "the journey"), is the story's subject, whose trip it is."""
        before = self._paragraph_before(i)
        # (a "he" before it in the paragraph is this same subject; "they" may be anyone's party)
        if not before or any(self.lex.pronouns.get(t.lower) == "group" for t in before):
            return False
        if any(before[0].i <= k < i for k, _, _ in self.people.positions):
            return False
        # (the subject, or what the parser makes of one: "the tour swung west" with "tour" a compound)
        return any(t.dep not in ("pobj", "dobj", "obj", "attr") and self._the(t.i)
                   and t.lemma.casefold() in self.lex.movement_nouns
                   and not any(self.p.tokens[c].dep == "poss" for c in self.p.children(t.i))
                   for t in before)  # fmt: skip

    def _paragraphs_between(self, k: int, i: int) -> bool:
        """A whole paragraph lies between tokens ``k`` and ``i``: the one named at ``k`` has left the
        reader's focus."""
        text, end = self.p.text, self.p.tokens[k].end
        first = text.find("\n\n", end, self.p.tokens[i].start)
        return first >= 0 and text.find("\n\n", first + 2, self.p.tokens[i].start) >= 0

    def _an_age(self, i: int) -> bool:
        """"the 68-year-old" standing alone for a person (the parser heads it with "old")."""
        tok = self.p.tokens[i]
        return tok.lower == "old" and self._the(i) and any(
            self.p.tokens[c].lemma.casefold() == "year"
            and any(self.p.tokens[n].dep == "nummod" for n in self.p.children(c))
            for c in self.p.children(i))

    def _protagonist(self) -> str:
        """The person the article is about: the headline's subject, else the one named most."""
        counts = self.people.counts
        headline = self.people.headline
        if headline:
            # "López Obrador back home … Andrés Manuel López Obrador": the fullest name the headline's is in
            words = fold(headline).split()
            return max((n for n in self.people.full if _words_within(words, fold(n).split())),
                       key=lambda n: len(n.split()), default=headline)
        # (not a name only the headline and deck give, as the model reads "Saigon, Phnom Penh and Angkor
        # Next"; of names as often told, the one the body names first)
        heads_end = self.p.text.find("\n\n")
        first: dict[str, int] = {}
        for k, n, _ in self.people.positions:
            if self.p.tokens[k].start > heads_end and n in counts:
                first.setdefault(n, k)
        return max(first or counts, key=lambda n: (counts[n], -first.get(n, 0))) if counts else ""

    def _in_relative_clause(self, k: int) -> bool:
        """Token ``k`` is the subject of a clause that describes a noun ("the castles Queen Victoria
        admired")."""
        head = self.p.tokens[self.p.tokens[k].head]
        return self.p.tokens[k].dep in _SUBJECTS and head.dep == "relcl"

    def _a_woman_leads(self) -> bool:
        """A woman the article titles so is named at least as often as anyone: "she" is hers to claim
        (a woman named in passing does not take every "her" from a protagonist the article never titles)."""
        counts = self.people.counts
        top = max(counts.values(), default=0)
        # "The Princess walked on": her title as a subject names her too
        told = Counter(n for _, n, _ in self.people.positions)
        return any(max(counts.get(n, 0), told[n]) >= top for n in self.people.women)

    def _own_subject(self, i: int) -> str | None:
        """The person who is the subject of the clause an object pronoun stands in: "Kishida invited him"
        — "him" is anyone but Kishida (he would be "himself"); or the one a pronoun is joined to ("he and
        Harriman")."""
        tok = self.p.tokens[i]
        for c in self.p.children(i):  # "he and Harriman flew": "he" is not Harriman
            joined = self._person_at(c) if self.p.tokens[c].dep == "conj" else ""
            if joined:
                return joined
        if tok.dep not in ("dobj", "dative", "pobj") or tok.lower.endswith("self"):
            return None
        verb = tok.head
        for _ in range(2):
            if self.p.tokens[verb].pos in ("VERB", "AUX") or self.p.tokens[verb].head == verb:
                break
            verb = self.p.tokens[verb].head
        kids = self.p.children(verb)
        subject = next((c for c in kids if self.p.tokens[c].dep in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return None
        # "the regional party chief, Alexei Chuyanov, met him": the name in apposition to the subject
        return next((who for k in self._name_parts(subject) if (who := self._person_at(k))), "")

    def _subject(self, i: int) -> tuple[str, str]:
        """(resolved mover, mover as written) of predicate ``i``; conjoined and embedded verbs inherit."""
        if i not in self._movers:
            subj = self.subject_token(i)
            if subj is None:
                self._movers[i] = ("", "")
            else:
                span = self.p.subtree(subj)
                text = self.p.tokens_text(span.start, min(span.stop, span.start + 8))
                who = "" if self.p.tokens[subj].dep == "expl" else self._who(subj)
                self._movers[i] = (who, text)
        return self._movers[i]

    def subject_token(self, i: int, depth: int = 0) -> int | None:
        """The token that says who does predicate ``i``: its own subject; for a noun its possessor ("Kim's
        trip") or "by X"; else the subject of the verb it is conjoined to, complements or modifies."""
        tok = self.p.tokens[i]
        subjects = [c for c in self.p.children(i) if self.p.tokens[c].dep in _SUBJECTS]
        # two subjects (a dateline the parser took for one): the person, else the one nearest the verb
        people = [c for c in subjects if self._person_at(c) or self._who_quick(c)]
        # "The jet carrying Pelosi and five fellow lawmakers landed", parsed with two subjects: the vehicle
        vehicles = [c for c in subjects if self.p.tokens[c].lemma.casefold() in self.lex.vehicles]
        subj: int | None = (people or vehicles or subjects)[-1] if subjects else None
        if subj is not None and self._in_dateline(subj):
            # "SAIPAN, Northern Mariana Islands, June 26 (Wire) - Julian Assange admitted …": the parser takes
            # the dateline for the subject and the person for its apposition
            # ("… - Air Force One brought the president back": a vehicle, likewise)
            subj = next((c for c in self.p.children(subj) if self.p.tokens[c].dep == "appos"
                         and (self._who_quick(c) or self._vehicle_mode(c)[0])), subj)  # fmt: skip
        if subj is not None and self._with_before(subj):
            # "this time with Mr Khrushchev and Mr Mikoyan, and their special train arrived", parsed with the
            # companions as the subject: the last of the joined words, the one not brought in by "with"
            subj = next((c for c in reversed(self._conjuncts(subj)) if c > subj), subj)
        if subj is not None and tok.dep == "relcl" and self.p.tokens[subj].lower in ("who", "that", "which"):
            return tok.head  # "Modi, who flew into Hiroshima": the one the clause is about
        if subj is None and tok.pos == "NOUN":
            subj = next((c for c in self.p.children(i) if self.p.tokens[c].dep == "poss"), None)
            if subj is None:
                subj = next(
                    (
                        o for c in self.p.children(i) if self.p.tokens[c].lower == "by"
                        for o in self.p.children(c) if self._person_at(o)
                    ),
                    None,
                )  # fmt: skip
        if subj is None and tok.head == i and tok.pos == "VERB":
            subj = self._stranded_subject(i)
        if subj is not None or depth >= 6 or tok.head == i:
            return subj
        if tok.dep in ("relcl", "acl"):
            return tok.head
        if tok.dep == "xcomp" and self.p.tokens[tok.head].lemma.casefold() in self.lex.object_control:
            # "invited him to attend", "asked Kim to stay": the one invited does it
            kids = self.p.children(tok.head)
            obj = next((c for c in kids if self.p.tokens[c].dep in ("dobj", "obj")), None)
            if obj is not None:
                return obj
        if tok.dep in ("xcomp", "advcl") and (doer := self._it_took(tok.head)) is not None:
            return doer
        if tok.dep in _INHERIT:
            return self.subject_token(self._joined_to(i), depth + 1)
        if tok.dep in ("pobj", "pcomp"):
            return self.subject_token(self._prep_head(tok.head), depth + 1)
        if tok.pos == "NOUN" and tok.dep in ("dobj", "attr", "nsubj"):
            # "Kim made the trip", "embarked on a journey": the noun's governing verb has the subject
            return self.subject_token(tok.head, depth + 1)
        return None

    def _with_before(self, k: int) -> bool:
        """The name at ``k`` comes right after "with" (and its titles: "with Mr Khrushchev"), which the
        parser did not hang it on."""
        first = min(self._name_parts(k, conjuncts=False))
        return first > 0 and self.p.tokens[first - 1].lower == "with" and self.p.tokens[k].dep in _SUBJECTS

    def _it_took(self, verb: int) -> int | None:
        """"It took him 60 hours to reach Vladivostok", "it took me until three to walk back": the one it
        took, not "it", does the move."""
        toks = self.p.tokens
        if toks[verb].lemma.casefold() != "take":
            return None
        kids = self.p.children(verb)
        if not any(toks[c].dep in ("nsubj", "expl") and toks[c].lower == "it" for c in kids):
            return None
        return next((c for c in kids if toks[c].dep in ("dobj", "dative") and toks[c].lower != "it" and (
            toks[c].pos in ("PRON", "PROPN") or toks[c].lemma.casefold() in self.lex.vehicles)), None)

    def _joined_to(self, i: int) -> int:
        """The verb a joined verb at ``i`` shares its subject with. "The train ran north by way of Lyons,
        where an admirer handed up a goat, and drew into Paris": after a clause of place or time set off by
        commas, ", and drew" joins the sentence's verb, which the parser hangs on that clause's."""
        toks = self.p.tokens
        tok = toks[i]
        head = toks[tok.head]
        aside = head.dep == "parataxis" and head.lemma.casefold() in self.lex.reporting_lemmas
        if tok.dep == "conj" and aside and head.head != head.i:
            # "He left Boston on Aug 13, his aides said, and flew to Los Angeles", parsed with "flew" joined
            # to the aside: it goes on the sentence's own verb
            return head.head
        if tok.dep != "conj" or head.dep != "relcl" or i < 2 or toks[i - 2].text != ",":
            return tok.head
        kids = [toks[c] for c in self.p.children(head.i)]
        if not any(k.lower in ("where", "when") and k.i < head.i for k in kids) or not any(
            k.dep in _SUBJECTS and k.pos in ("NOUN", "PROPN") for k in kids
        ):
            return tok.head
        k = head.head  # the noun the clause is on, then up to the verb that governs it
        for _ in range(6):
            if toks[k].pos in ("VERB", "AUX") or toks[k].head == k:
                break
            k = toks[k].head
        return k if toks[k].pos in ("VERB", "AUX") else tok.head

    def _stranded_subject(self, i: int) -> int | None:
        """"After four months at Sundby, Trotsky and his wife, Natalia Sedova, were put aboard …", where the
        parser joins "Trotsky" to "Sundby" and leaves the verb with no subject: the person named last before
        the verb's auxiliaries, past an apposition, is its subject."""
        kids = [c for c in self.p.children(i) if self.p.tokens[c].dep in ("aux", "auxpass", "neg")]
        k = min([i, *kids]) - 1
        sent = self.p.sentence(i)
        for _ in range(10):
            if k < sent.start:
                return None
            tok = self.p.tokens[k]
            joined_noun = tok.dep == "conj" and tok.pos == "NOUN"  # "Trotsky and his wife"
            if tok.dep in ("punct", "appos", "compound", "cc", "poss", "det") or joined_noun:
                k -= 1
                continue
            # (not "At Shenyang Mao got off", a name the parser keeps in the fronted phrase)
            return k if self._person_at(k) and tok.dep != "pobj" else None
        return None

    def _in_dateline(self, k: int) -> bool:
        line = self.dateline
        return line is not None and line.start <= self.p.tokens[k].start < line.end

    def _prep_head(self, prep: int) -> int:
        """What preposition ``prep`` modifies. "touched down at 5 p.m., after a short flight from X, where he
        had thanked members gathered in a hangar": a phrase the parser hangs on a later adverbial clause
        whose own subject comes after it belongs to the clause that clause hangs on."""
        head = self.p.tokens[prep].head
        verb = self.p.tokens[head]
        if verb.dep == "advcl" and verb.head < prep < head:
            subj = [c for c in self.p.children(head) if self.p.tokens[c].dep in _SUBJECTS]
            if subj and all(prep < c for c in subj):
                return verb.head
        return head

    # what kind of statement ----------------------------------------------------------------------------

    def _status(self, i: int, clause_root: int) -> EventStatus:
        if self._instead(i):
            return "denied"  # "swung east instead of running down to the capital"
        chain = [i, *self.p.ancestors(i)]
        status: EventStatus = "happened"
        for depth, k in enumerate(chain):
            tok = self.p.tokens[k]
            if depth > 0 and self._own_conjunct(chain[depth - 1]):
                break  # "had been expected at West Palm Beach but instead landed at Fort Lauderdale"
            kids = [self.p.tokens[c] for c in self.p.children(k)]
            negated = any(
                c.dep == "neg" or (c.lower in self.lex.negations and c.dep == "advmod") for c in kids
            )
            if negated and (
                depth == 0 or tok.lemma in self.lex.expect_lemmas or tok.lemma in self.lex.denial_lemmas
            ):
                return "denied"
            if tok.pos == "NOUN" and self._with_no(k):
                return "denied"  # "no sign of making the stop in Beijing"
            if depth > 0 and tok.pos == "NOUN" and tok.lemma.casefold() in self.lex.hearsay_nouns:
                return "hypothetical"  # "feeding a rumour that Assad was heading for the Emirates"
            if depth == 0 and any(c.dep in _DIRECT_OBJECTS and self._with_no(c.i) for c in kids):
                return "denied"  # "the train made no stop in Beijing"
            if any(c.dep == "mark" and c.lower in self.lex.conditional_marks for c in kids):
                return "hypothetical"
            if (depth > 0 and tok.tag == "VBN" and tok.lemma.casefold() in self.lex.construal_lemmas
                    and any(c.dep == "prep" and c.lower == "as" for c in kids)):
                return "hypothetical"  # "widely seen as the first leg of a route via Caracas"
            # not a month the tagger took for a modal ("on Saturday 2 May the family boarded …")
            aux = {c.lower for c in kids if c.dep in ("aux", "auxpass") and c.tag != "NNP"}
            if "should" in aux and not aux & {"have", "'ve"} and status == "happened":
                # "Air Force One should set down at Joint Base Andrews around midnight", "The flight should
                # take four hours, putting him down at Ciampino": what is expected ("should have gone" is
                # what did not happen)
                return "expected"
            if aux & self.lex.hypothetical_aux:
                if aux & {"would", "'d"} and self._reported(chain[depth + 1 :]) and not self._conditional(k):
                    # "Putin said Kim would travel on to X": a future told in the past, a plan
                    return "planned" if status == "happened" else status
                return "hypothetical"
            if (depth > 0 and tok.lemma in self.lex.denial_lemmas and tok.pos == "VERB"
                    and self.p.tokens[chain[depth - 1]].dep != "conj" and self._denies(tok, kids)):
                # "cancelled his trip to X"; not "called on Katzir, left Jerusalem" (another verb joined to
                # it), nor a "call" with no "off"
                return "denied"
            if aux & self.lex.future_aux and status == "happened":
                status = "planned"
            if depth > 0 and _inflects(tok, self.lex.wish_lemmas) and self._wish_of_another(k, i):
                return "hypothetical"  # "Macron hopes Xi will visit Paris": Macron's wish, not Xi's plan
            if depth > 0 and _inflects(tok, self.lex.wish_lemmas) and tok.tag == "VBD":
                return "hypothetical"  # "saying he wanted to spend a last night in Paoay": a past wish, unmet
            if depth > 0 and tok.lemma.casefold() in self.lex.expect_lemmas and self._past_perfect_plan(tok):
                return "hypothetical"  # "had been due to fly straight back", "had planned to go": it did not
            if depth > 0 and tok.lemma.casefold() in self.lex.expect_lemmas:
                if any(c.dep == "prt" for c in kids):
                    continue  # "set down at 10.29, then rode to Frankfurt": a phrasal verb, no plan
                if tok.lemma in ("believe", "think") and self._mistaken(k):
                    return "hypothetical"  # "he believed at first that they were heading for Khost"
                if tok.lemma in ("believe", "report") and self._passive(k):
                    continue
                if tok.lemma not in ("believe", "report"):
                    status = "expected"
            # "landed to refuel at X": the purpose of a move keeps its status ("Modi to visit Kyiv, India
            # says" is still a plan)
            purpose = tok.dep == "advcl" and self._motion(self.p.tokens[tok.head]) is not None
            # "it took him 60 hours to reach Vladivostok": he reached it
            purpose = purpose or (tok.dep in ("xcomp", "advcl") and self._it_took(tok.head) is not None)
            to_do = any(c.dep == "aux" and c.tag == "TO" for c in kids)
            if depth == 0 and to_do and status == "happened" and not purpose:
                status = "planned"
            if depth == 0 and tok.lemma == "be" and status == "happened" and self._be_to(kids):
                status = "planned"  # "the talks are to be held in X", "he is to visit X"
            if depth > 0 and tok.lemma == "be" and self._superseded_plan(kids):
                return "hypothetical"  # "The first plan was to drive Stalin from Baku into Iran"
            if tok.lemma == "be" and any(
                c.dep == "acomp" and c.lemma.casefold() in self.lex.expect_lemmas for c in kids
            ):  # "is due in Paris on Sunday", "was due to board …, landing in Washington on Thursday"; "had
                # been due in Paris" and was not
                return "hypothetical" if self.p.takes_had(k) else "expected"
            if depth == 0 and tok.lemma.casefold() in self.lex.expect_lemmas and self._passive(k) and any(
                self.p.tokens[c].lower in self.lex.return_particles for c in self.p.children(k)
            ):  # "is expected back in Warsaw"; "had been expected back" and was not
                return "hypothetical" if self.p.takes_had(k) else "expected"
            if depth == 0 and tok.lemma == "be" and tok.tag in ("VBZ", "VBP") and self._way_under(k):
                return "expected"  # "is on his way back to Washington": getting there is still to come
            if depth > 0 and (tok.dep in ("ccomp", "relcl", "acl") or tok.lemma in self.lex.reporting_lemmas):
                break
            if k == clause_root:
                break
        return status

    def _own_conjunct(self, k: int) -> bool:
        """A verb joined to another that says in its own words what happened: with its own subject ("and
        his motorcade drove …") or "instead" ("but instead landed at …"); the first verb's plan or doubt is
        not its."""
        tok = self.p.tokens[k]
        if tok.dep != "conj" or tok.pos not in ("VERB", "AUX"):
            return False
        kids = [self.p.tokens[c] for c in self.p.children(k)]
        return any(c.dep in ("nsubj", "nsubjpass") or c.lower == "instead" for c in kids)

    def _after_but(self, obj: int) -> bool:
        """The object's preposition is the "but" half of "not from X but from Y"."""
        prep = self.p.tokens[obj].head
        tok = self.p.tokens[prep]
        return tok.dep == "conj" and any(self.p.tokens[c].lower == "but" for c in self.p.children(tok.head))

    def _denies(self, tok: Token, kids: list[Token]) -> bool:
        """A denial verb that needs its particle has it ("called off", "ruled out")."""
        particles = self.lex.denial_particles.get(tok.lemma.casefold())
        return particles is None or any(c.lower in particles for c in kids)

    def _without_passenger(self, verb: int) -> bool:
        """"steamed upriver with no president aboard", "will sail back without its passenger": the vehicle
        moves without the one it carried."""
        for prep in self.p.children(verb):
            word = self.p.tokens[prep].lower
            if self.p.tokens[prep].dep != "prep" or word not in ("with", "without"):
                continue
            for obj in self.p.children(prep):
                tok = self.p.tokens[obj]
                lemma = tok.lemma.casefold()
                person = (lemma in self.lex.person_nouns or lemma in self.lex.passenger_nouns
                          or self._who_quick_or_pronoun(obj))  # fmt: skip
                if tok.dep == "pobj" and person and (word == "without" or self._with_no(obj)):
                    return True
        return False

    def _with_no(self, k: int) -> bool:
        """The word has "no" for its determiner ("no stop")."""
        return any(self.p.tokens[c].dep == "det" and self.p.tokens[c].lower == "no"
                   for c in self.p.children(k))  # fmt: skip

    def _called_off(self, sent: Span) -> bool:
        """The next sentence, in the same paragraph, opens on "Instead": what this one planned was not
        done."""
        after = self.p.tokens[sent.end] if sent.end < len(self.p.tokens) else None
        return (after is not None and after.lower == "instead"
                and "\n\n" not in self.p.text[sent.char_end : after.start])  # fmt: skip

    def _instead(self, i: int) -> bool:
        """"instead of flying to X", "rather than drive to X": the move not made."""
        before = [t.lower for t in self.p.tokens[max(0, i - 2) : i]]
        return before in (["instead", "of"], ["rather", "than"])

    def _wish_of_another(self, wish: int, move: int) -> bool:
        """The one who hopes or wants (the subject of ``wish``) is a person other than the mover."""
        wisher = next((c for c in self.p.children(wish) if self.p.tokens[c].dep == "nsubj"), None)
        mover = self.subject_token(move)
        if wisher is None or mover is None or mover == wisher:
            return False
        who, moving = self._who(wisher), self._who(mover)
        return bool(who) and bool(moving) and who != moving

    def _mover_like(self, subject: int | None) -> bool:
        """A subject that can arrive: a pronoun, a vehicle or a person (not "its passage")."""
        if subject is None:
            return False
        tok = self.p.tokens[subject]
        vehicle = tok.lemma.casefold() in self.lex.vehicles
        return tok.lower in self.lex.pronouns or vehicle or self._who_quick(subject)

    def _right_after(self, previous: Event | None, sent: Span) -> bool:
        """``previous`` was told in this article, in this sentence or the one before, as done."""
        if previous is None or previous.article != self.article.id or previous.status != "happened":
            return False
        before = self.p.sentence(previous.token)
        return before.start == sent.start or before.end == sent.start or (
            before.end < sent.start
            and all(t.pos == "SPACE" for t in self.p.tokens[before.end : sent.start])
        )

    def _others(self, subject: int | None) -> bool:
        """A subject that names no person and no vehicle: a crew, the journalists, a crowd."""
        if subject is None:
            return False
        if self._speaks_of_self(subject):
            return True  # "One man said he had driven up from Antwerp"
        tok = self.p.tokens[subject]
        lemma = tok.lemma.casefold()
        if tok.pos == "PROPN" and self._titled_by_place(subject):
            return True  # "The Duke of Edinburgh, who had flown in from Tokyo": a titled somebody else
        if (lemma in self.lex.person_titles and lemma not in self.lex.person_nouns and self._the(subject)
                and tok.pos in ("NOUN", "PROPN")):
            return True  # "the Governor was on a train to Mombasa": a titled somebody nobody named
        if tok.pos not in ("NOUN", "ADJ") or tok.dep == "expl":
            return False  # a pronoun, a name, "it": left to the resolution of who moves
        if lemma in self.lex.company_nouns and any(
                self.p.tokens[c].lower in ("a", "an", "another") for c in self.p.children(subject)):
            return True  # "a package-tour group … had flown in from Yangon": some party, not the traveller's
        if lemma in self.lex.person_nouns or lemma in self.lex.company_nouns:
            return False
        theirs = any(self.p.tokens[c].lower == "their" for c in self.p.children(subject))
        if lemma in self.lex.vehicles and theirs:
            # "Most of Ramaphosa's protection team never reached Ukraine. Their chartered plane … left
            # Waterkloof": the vehicle of the others the sentence before was about
            start = self.p.sentence(subject).start
            if start > 0:
                before = self.p.sentence(start - 1)
                root = next((k for k in range(before.start, before.end) if self.p.tokens[k].head == k), None)
                owner = self.subject_token(root) if root is not None else None
                return owner is not None and owner != subject and self._others(owner)
        # the small parser may take a vehicle's modifier for the subject ("a green train with yellow
        # stripes rolled into …" with "stripes" as subject): any vehicle in the phrase makes it a vehicle
        near = range(max(0, subject - 6), subject + 1)
        return not any(self.p.tokens[k].lemma.casefold() in self.lex.vehicles
                       for k in (*self.p.subtree(subject), *near))  # fmt: skip

    def _titled_by_place(self, i: int) -> bool:
        """"the Duke of Edinburgh", "the Earl of Wessex": a title of a place, given to nobody the article
        names with that title (a "Prince Charles" makes "the Prince of Wales" his)."""
        lemma = self.p.tokens[i].lemma.casefold()
        if lemma not in self.lex.person_titles or lemma in self.people.titles:
            return False
        return any(self.p.tokens[c].lower == "of" for c in self.p.children(i))

    def _past_perfect_plan(self, tok: Token) -> bool:
        """A plan in the past perfect ("had been due to", "had planned to") was overtaken by what happened."""
        holders = [tok.i, tok.head] if tok.dep == "acomp" else [tok.i]
        return any(self.p.takes_had(k) for k in holders)

    def _be_to(self, kids: Sequence[Token]) -> bool:
        """"is to" + infinitive: a plan."""
        infinitives = (c for c in kids if c.dep == "xcomp")
        return any(self.p.tokens[g].tag == "TO" for c in infinitives for g in self.p.children(c.i))

    def _superseded_plan(self, kids: Sequence[Token]) -> bool:
        """The subject among ``kids`` is a plan called first or original, which gave way to another."""
        return any(
            k.dep in _SUBJECTS and k.lemma.casefold() in self.lex.expect_lemmas
            and any(self.p.tokens[a].lower in self.lex.superseded_plan_words for a in self.p.children(k.i))
            for k in kids
        )

    def _mistaken(self, k: int) -> bool:
        """The verb at ``k`` carries a word that says the belief was wrong ("believed at first")."""
        for c in self.p.children(k):
            tok = self.p.tokens[c]
            words = [tok.lower, *(f"{tok.lower} {self.p.tokens[g].lower}" for g in self.p.children(c))]
            if tok.dep in ("advmod", "prep") and any(w in self.lex.mistaken_markers for w in words):
                return True
        return False

    def _conditional(self, k: int) -> bool:
        """"he would reach X if he travelled by train": an "if" clause on the verb makes it a hypothesis."""
        return any(
            self.p.tokens[c].dep == "advcl"
            and any(self.p.tokens[m].lower in self.lex.conditional_marks for m in self.p.children(c))
            for c in self.p.children(k)
        )

    def _reported(self, above: Sequence[int]) -> bool:
        """Whether a clause hangs on a verb of saying ("told", "did not say") with no "if" on the way."""
        for k in above:
            tok = self.p.tokens[k]
            if any(self.p.tokens[c].dep == "mark" and self.p.tokens[c].lower in self.lex.conditional_marks
                   for c in self.p.children(k)):  # fmt: skip
                return False
            if tok.lemma.casefold() in self.lex.reporting_lemmas:
                return True
        return False

    def _earlier(self, i: int) -> bool:
        tok = self.p.tokens[i]
        if tok.lemma.casefold() in self.lex.other_trip_nouns and any(
            self.p.tokens[c].lower in self.lex.other_trip_adjectives for c in self.p.children(i)
        ):
            return True  # "The pope's next trip, to Luxembourg and Belgium": another journey
        prep = self.p.tokens[tok.head]
        if tok.pos == "NOUN" and tok.dep == "pobj" and prep.lower in ("after", "since"):
            # "six weeks after Modi's trip to Moscow", "since his last visit" (not "after a ten-hour ride")
            spans_time = any(self.p.tokens[c].dep in ("npadvmod", "advmod") for c in self.p.children(prep.i))
            if prep.lower == "since" or spans_time:
                return True
        return self._since_long_ago(i) or self._earlier_words(i)

    def _since_long_ago(self, i: int) -> bool:
        """"It is not yet nine months since he took the train to Erfurt": a move a clause dates months or
        years back from the story's time is another trip."""
        kids = self.p.children(i)
        if not any(self.p.tokens[c].dep == "mark" and self.p.tokens[c].lower == "since" for c in kids):
            return False
        head = self.p.tokens[i].head
        return head != i and any(self.p.tokens[c].lemma.casefold() in self.lex.long_spans
                                 for c in self.p.children(head))

    def _earlier_words(self, i: int) -> bool:
        """Another trip: a year before the story's (or, in a retrospective, after it), or words such as
        "in the past", in the clause."""
        sent = self.p.sentence(i)
        text = self.p.span_text(sent).casefold()
        published = self.story_year
        retrospective = published < self.article.published.year
        for match in _YEAR.finditer(text):
            since = text[max(0, match.start() - 6) : match.start()].strip().endswith("since")
            year = int(match.group(1))
            if self.since_year <= year <= published or (year > published and not retrospective):
                continue  # this trip's year, or a plan for a later one; in a retrospective a later year is
                # another trip ("In 1975 Gerald Ford flew to Peking")
            if since:  # "the first trip since 2002" is now, but "since 2002, when he travelled to X" is then
                at = self.p.token_at(sent.char_start + match.start())
                when = [c for c in self.p.children(i) if self.p.tokens[c].lower == "when"]
                if (i in self.p.subtree(at) and i != at) or any(at < c <= at + 2 for c in when):
                    return True
                continue
            at = self.p.token_at(sent.char_start + match.start())
            if self._after_a_where(i, sent.char_start + match.start()) or self._other_relative_clause(at, i):
                continue  # "stopped at Yingtan, the junction where … he had caught a train … in 1973"
            if self._back_in_its_own_clause(at, i):
                continue
            if self._in_clause_of(sent.char_start + match.start(), i):
                return True
        for marker in self.lex.earlier_markers:
            for match in re.finditer(rf"\b{re.escape(marker)}\b", text):
                at = self.p.token_at(sent.char_start + match.start())
                again = at + 1 < len(self.p.tokens) and self.p.tokens[at + 1].lower in ("more", "again")
                once = marker == "once" and (self._opens_clause(at) or again)
                if self.p.tokens[at].dep == "mark" or once:
                    continue  # "Once the talks were over, he flew", "Once in Kyiv, he was …", "took off once
                    # more": not "formerly"
                if self._dates_a_since(at):
                    continue  # "his first trip since the invasion nearly a year ago": the invasion's date
                if marker == "ago" and self._recent_ago(at):
                    continue  # "took off a few minutes ago": now, in a live blog
                if self._in_clause_of(sent.char_start + match.start(), i):
                    return True
        return False

    def _back_in_its_own_clause(self, k: int, i: int) -> bool:
        """"reached Baltimore two hours later, the city Lincoln had slipped through by night in 1861": a year
        that dates a clause in the past perfect of its own (however the parser hangs it) dates that look
        back, not predicate ``i``."""
        verb = next((a for a in self.p.ancestors(k) if self.p.tokens[a].pos in ("VERB", "AUX")), None)
        return (verb is not None and verb != i and self._past_perfect(self.p.tokens[verb])
                and not self._past_perfect(self.p.tokens[i]))  # fmt: skip

    def _other_relative_clause(self, k: int, i: int) -> bool:
        """Token ``k`` lies in a relative clause that does not hold predicate ``i`` ("visited a hospice whose
        first sod he had turned in 2017, and looked … before reaching Ballina"): as parsed, or as written
        (from "whose"/"who"/"which" to the next comma, when the parser hangs the clause elsewhere)."""
        mine = {i, *self.p.ancestors(i)}
        if any(self.p.tokens[a].dep == "relcl" and a not in mine for a in [k, *self.p.ancestors(k)]):
            return True
        sent = self.p.sentence(k)
        for w in range(k - 1, sent.start - 1, -1):
            tok = self.p.tokens[w]
            if tok.text == ",":
                return False
            if tok.tag in ("WP", "WP$", "WDT") and not w <= i <= k:
                end = next((c for c in range(k, sent.end) if self.p.tokens[c].text == ","), sent.end)
                return not w <= i < end
        return False

    def _after_a_where(self, i: int, char: int) -> bool:
        """Whether a "where"/"when" that opens a clause on a place or time comes between predicate ``i``
        and the words at ``char``: what that clause tells is not when ``i`` happened."""
        k = self.p.token_at(char)
        return any(self.p.tokens[w].lower in ("where", "when") and self.p.tokens[w].tag == "WRB"
                   for w in range(i + 1, k))  # fmt: skip

    def _opens_clause(self, at: int) -> bool:
        """Token ``at`` begins its sentence or follows a comma, and no verb comes right after it ("Once in
        Kyiv, …", "Once there, …"; not "Once visited by …")."""
        toks = self.p.tokens
        first = at == self.p.sentence(at).start or toks[at - 1].text in (",", ";", "—", "–")
        return first and at + 1 < len(toks) and toks[at + 1].pos not in ("VERB", "AUX")

    def _recent_ago(self, at: int) -> bool:
        """"a few minutes ago", "two hours ago": the unit right before "ago" is one of the lexicon's recent
        ones."""
        return at > 0 and self.p.tokens[at - 1].lemma.casefold() in self.lex.recent_units

    def _dates_a_since(self, at: int) -> bool:
        """The marker at token ``at`` ends a "since …" phrase with no verb between: it dates what the
        trip is the first since, not the trip."""
        sent = self.p.sentence(at)
        for k in range(at - 1, max(sent.start, at - 10) - 1, -1):
            tok = self.p.tokens[k]
            if tok.pos in ("VERB", "AUX"):
                return False
            if tok.lower == "since":
                return True
        return False

    def _in_clause_of(self, char: int, i: int) -> bool:
        """Whether the words at ``char`` belong to predicate ``i``'s clause: the verb they hang on is ``i``,
        governs ``i``, or is a "when" clause of ``i`` ("When Khrushchev visited Beijing in 1958, he …")."""
        k = self.p.token_at(char)
        verb = next((a for a in [k, *self.p.ancestors(k)] if self.p.tokens[a].pos in ("VERB", "AUX")), None)
        if verb is None:
            return True
        if verb == i or verb in set(self.p.ancestors(i)):
            return True
        tok = self.p.tokens[verb]
        if tok.dep == "advcl" and tok.head == i:
            return True
        # "When X visited Beijing in 1958, he traveled … then flew to Beijing": a conjunct shares its time
        pred = self.p.tokens[i]
        return pred.dep in ("conj", "dep") and pred.head != i and self._in_clause_of(char, pred.head)

    # where --------------------------------------------------------------------------------------------

    def _mentions_in(self, i: int) -> list[Mention]:
        """Place mentions inside the phrase headed by ``i``, the one covering ``i`` first."""
        seen: list[Mention] = []
        own = self._mention_at.get(i)
        if own is not None:
            seen.append(own)
        # "in July, where he met X on the day a missile hit a hospital in Kyiv": a relative clause on a
        # time tells of other things (on a region, "from Buryatia, where …", it may name the town meant)
        # "at 1.20am Polish time (9h20 in Tokyo)": a place said of a time gives its zone, not a move
        when = self.p.tokens[i].ent_type in ("DATE", "TIME") or self.p.tokens[i].lemma.casefold() == "time"
        inner = {k for c in self.p.children(i) if when for k in self.p.subtree(c)}
        if own is None and self.p.tokens[i].ent_type == "PERSON":
            # "went to Khamenei, who told him that if Russia had not acted": what a person says is no place
            clauses = [c for c in self.p.children(i) if self.p.tokens[c].dep == "relcl"]
            inner |= {k for c in clauses for k in self.p.subtree(c)}
        # "drove to the apartment of Gu Yuxiu, who taught him calculus in Shanghai": what a "who" clause
        # tells of somebody inside the phrase is not where the phrase is
        inner |= {k for c in self._who_clauses(i) for k in self.p.subtree(c)}
        if own is None and self.p.tokens[i].ent_type not in ("GPE", "LOC"):
            # "stayed at Claridge's Hotel, where he … spoke with his family in Dacca": what a "where" clause
            # tells of a building is done there, not where the building is (on a region, "from Buryatia,
            # where Kim met Medvedev … outside Ulan-Ude", it may name the town meant)
            inner |= {k for c in self.p.where_clauses(i) for k in self.p.subtree(c)}
        for k in self.p.subtree(i):
            if k in inner:
                continue
            m = self._mention_at.get(k)
            if m is not None and m not in seen:
                tok = self.p.tokens[k]
                # "a station near Medyka" under "station": keep the head's own reading first
                if tok.dep in ("conj",) and own is not None:
                    continue
                if tok.dep == "poss" and self._people_of(tok.head):
                    continue  # "taken him to some of Washington's harshest critics": people, no place
                seen.append(m)
        # "at the Baltimore and Ohio depot in Washington": a thing named after places ("and" between two names
        # before it) stands in the town its "in" phrase names
        where = [m for c in self.p.children(i)
                 if self.p.tokens[c].dep == "prep" and self.p.tokens[c].lower in ("in", "at")
                 for o in self.p.children(c) for m in self._mentions_in(o)[:1] if not m.is_area]  # fmt: skip
        named_after = [k for k in self.p.children(i) if k < i and self.p.tokens[k].dep in ("nmod", "compound")
                       and any(self.p.tokens[g].dep == "conj" for g in self.p.children(k))]  # fmt: skip
        if own is None and where and named_after:
            seen = [*where, *(m for m in seen if m not in where)]
        # "in Russia's capital, Moscow": the town before the country that qualifies it
        areas = [
            m for m in seen if m is not own and m.is_area
        ]
        # "from the U.S. Marine Corps Air Station at Iwakuni": a name no gazetteer knows, inside the
        # phrase, comes after the place the phrase locates itself by
        unknown = [m for m in seen if m is not own and m.kind == "name" and m.place is None]
        return [m for m in seen if m not in areas and m not in unknown] + areas + unknown

    def _who_clauses(self, i: int) -> list[int]:
        """The relative clauses inside the phrase headed by ``i`` (not ``i``'s own) whose subject is "who"."""
        return [k for k in self.p.subtree(i) if k != i and self.p.tokens[k].dep == "relcl"
                and self.p.tokens[k].head != i
                and any(self.p.tokens[c].dep in _SUBJECTS and self.p.tokens[c].lower in ("who", "whom")
                        for c in self.p.children(k))]  # fmt: skip

    def _relation(self, prep: Token, motion: Motion, lemma: str) -> PlaceRelation | None:
        word = prep.lower
        kids = self.p.children(prep.i)
        if word == "of" and prep.i > 0 and self.p.tokens[prep.i - 1].lower == "out":
            word = "out of"
        if word == "as" and prep.i > 0 and self.p.tokens[prep.i - 1].lower == "far":
            word = "as far as"  # "got as far as Rangoon"
        if self.p.by_way_of(prep.i):
            word = "by way of"  # "ran north by way of Lyons"
        relation = self.lex.prepositions.get(word)
        if relation is None:
            return None
        if word == "for" and lemma not in self.lex.for_lemmas:
            return None
        if relation == "at" and motion.at_means in ("from", "to"):
            return motion.at_means  # type: ignore[return-value]
        if relation == "at" and motion.arrival:
            return "to"
        if not kids:
            return None
        return relation  # type: ignore[return-value]

    def _places(self, i: int, motion: Motion, lemma: str) -> list[tuple[PlaceRelation, Mention, int]]:
        heads = [i]
        tok = self.p.tokens[i]
        if tok.tag == "NN" and tok.dep == "nsubj" and self.p.tokens[tok.head].lemma in ("come", "be"):
            # "Its first halt came … at Wuchang": the light verb holds the place ("his two visits were to
            # Beijing and Dalian" counts other trips)
            heads.append(tok.head)
        for child in self.p.children(i):
            tok = self.p.tokens[child]
            if tok.dep in ("dobj", "obj", "npadvmod"):
                # "took the train to Beijing", "made his way to Kyiv", "travel the rest of the way to Kyiv"
                lemmas = ((k, self.p.tokens[k].lemma) for k in self.p.subtree(child))
                heads.extend(k for k, lemma in lemmas if self._carries_a_place(lemma))
            if tok.dep in ("prt", "advmod"):
                heads.append(child)  # "set off from", "arrived back in Minsk"
                # "is back with the train in Latrobe": the parser hangs "in" on the vehicle
                heads.extend(o for p in self.p.children(child) if self.p.tokens[p].dep == "prep"
                             and self.p.tokens[p].lower in self.lex.vehicle_prepositions
                             for o in self.p.children(p) if self.p.tokens[o].lemma in self.lex.vehicles)
            if tok.dep == "acomp" and tok.lemma.casefold() in self.lex.expect_lemmas:
                heads.append(child)  # "is due in Tokyo on Thursday night"
            if tok.dep == "xcomp" and motion.arrival:
                staying = self.lex.movement.get(tok.lemma.casefold())
                if staying is not None and staying.presence:
                    heads.append(child)  # "it came to rest in the Kiev station here"
            if tok.dep == "prep" and tok.lower == "by":
                # "by way of Lyons": the "of" hangs on the way
                heads.extend(o for o in self.p.children(child) if self.p.tokens[o].lower == "way")
            if tok.dep == "prep" and tok.lower in self.lex.vehicle_prepositions:
                # "continue by train to Vladivostok": the parser hangs "to" on the vehicle; "put aboard the
                # steamer Oihonna at Turku", on the vessel's name
                heads.extend(o for o in self.p.children(child) if self.p.tokens[o].lemma in self.lex.vehicles
                             or fold(self.p.tokens[o].text) in self.people.crafts)
            if tok.dep == "prep":
                # "the flight of about 13 hours home to Washington": the parser hangs "to" on the "home"
                heads.extend(o for o in self.p.children(child) if self.p.tokens[o].pos == "ADV"
                             and self.p.tokens[o].lower in self.lex.return_particles)  # fmt: skip
            if tok.dep == "prep" and tok.lower == "of" and self.p.tokens[i].pos == "NOUN":
                # "a flight of some four hours from Moscow": the parser hangs "from" on the duration
                heads.extend(o for o in self.p.children(child) if self._measure(o))
            if tok.dep == "prep" and tok.lower == "on":
                # "is on his way back to Washington": the way carries the destination, its "back" the "to"
                ways = self._on_the_way(child)
                heads.extend(ways)
                # "is on the ground in Fortaleza": where the ground is
                heads.extend(o for o in self.p.children(child)
                             if self.p.tokens[o].lemma.casefold() in self.lex.ground_nouns)  # fmt: skip
                heads.extend(g for w in ways for g in self.p.children(w) if self.p.tokens[g].dep == "advmod")
        out = self._places_under(heads, i, motion, lemma)
        if not out and motion.object == "from":
            out = self._after_a_stay(i)
        if all(r == "to" for r, _, _ in out) and (motion.arrival or motion.presence):
            # "landed to refuel at Ramstein Air Base": the place of a purpose clause is where he landed, on
            # the way to any goal it has ("stop to refuel in Anchorage … on the way back to Washington")
            purposed = self._places_under(self._purposes(i), i, motion, lemma)
            out = [*(("at", m, k) for _, m, k in purposed), *out] if out else purposed
        out.extend(self._relative_place(i, motion))
        inward = next((c for c in self.p.children(i) if self.p.tokens[c].lower in self.lex.inward_particles
                       and self.p.tokens[c].dep in ("advmod", "prt")), None)  # fmt: skip
        if inward is not None and self.dateline is not None and self._in_from_afar(i, out):
            out.append(("to", self.dateline, inward))
        if not any(r != "at" or motion.presence for r, _, _ in out):
            out.extend(self._stray_places(i, motion, lemma))
        # "landed at Catumbela airport, just outside Lobito": "outside"/"near" says where the other place is
        # … as it does inside the phrase ("left Moscow from a small platform near Kuntsevo")
        beside = [x for x in out if self._near(x[1], x[2])]
        others = {_place_key(x[1]) for x in out if x not in beside and x[1].place and not x[1].is_area}
        beside = [x for x in beside if x[1].place and _place_key(x[1]) not in others]
        if beside and others:
            out = [x for x in out if x not in beside]
        if motion.presence and not out:
            for child in self.p.children(i):
                if self.p.tokens[child].dep in ("dobj", "obj"):
                    for m in [m for m in self._mentions_in(child) if self._names_the_object(m, child)][:1]:
                        out.append(("at" if motion.object is None else motion.object, m, child))  # type: ignore[arg-type]
        return self._without_containers(out)

    def _after_a_stay(self, i: int) -> list[tuple[PlaceRelation, Mention, int]]:
        """"After some six hours in Sarajevo, Mitterrand left the airport": a departure after a stay that
        names where it was, and no place of its own, leaves from there."""
        out: list[tuple[PlaceRelation, Mention, int]] = []
        for prep in self.p.children(i):
            if self.p.tokens[prep].lower != "after" or self.p.tokens[prep].dep != "prep":
                continue
            for span in self.p.children(prep):
                if self.p.tokens[span].ent_type not in ("TIME", "DATE") and not self._measure(span):
                    continue
                for inner in self.p.children(span):
                    if self.p.tokens[inner].lower in ("in", "at") and self.p.tokens[inner].dep == "prep":
                        out.extend(("from", m, o) for o in self.p.children(inner)
                                   for m in self._mentions_in(o)[:1] if not m.is_area)  # fmt: skip
        return out

    def _goal_hung_on(self, obj: int) -> list[int]:
        """The objects of a "to" phrase the parser hangs on the object of a "from" phrase."""
        preps = [c for c in self.p.children(obj) if self.p.tokens[c].dep == "prep"
                 and self.lex.prepositions.get(self.p.tokens[c].lower) == "to"]  # fmt: skip
        return [o for c in preps for o in self.p.children(c) if self.p.tokens[o].dep == "pobj"]

    def _token_of(self, mention: Mention) -> int:
        """The token a mention starts at (as ``_mention_at`` is built)."""
        return self.p.token_at(mention.start)

    def _near(self, mention: Mention, obj: int) -> bool:
        """The place is given as what something is near or outside: the phrase's head, or the mention's own
        word within it, hangs on "near"/"outside"."""
        words = ("outside", "near")
        if self.p.tokens[self.p.tokens[obj].head].lower in words:
            return True
        k = self._token_of(mention)
        return k != obj and k in self.p.subtree(obj) and self.p.tokens[self.p.tokens[k].head].lower in words

    def _measure(self, i: int) -> bool:
        """A counted duration or distance ("some four hours", "4,000 km")."""
        tok = self.p.tokens[i]
        return tok.ent_type in ("TIME", "QUANTITY", "DATE") or any(
            self.p.tokens[c].dep == "nummod" for c in self.p.children(i)
        )

    def _names_the_object(self, mention: Mention, obj: int) -> bool:
        """Whether a place inside an object says where the object is ("visited the mosque in Jakarta"),
        not where something said of it is ("met missionaries who work in Baro", "girls from a shelter
        named after Luján, the shrine town west of Buenos Aires")."""
        k = next((t for t in self.p.subtree(obj) if self._mention_at.get(t) is mention), obj)
        while k != obj and self.p.tokens[k].head != k:
            tok = self.p.tokens[k]
            if tok.dep in ("relcl", "acl", "advcl"):
                return False
            head = self.p.tokens[tok.head]
            compass = head.lower.replace("-", "") in self.lex.compass_words
            if tok.dep == "prep" and tok.lower == "of" and compass:
                return False
            k = tok.head
        return True

    def _in_from_afar(self, i: int, found: Sequence[tuple[PlaceRelation, Mention, int]]) -> bool:
        """WARSAW — "The Chancellor flew in from Bonn on Sunday": a move "in" from a place, with no other
        place in its sentence ("jetted in from London, touching down at Jomo Kenyatta airport"), comes to
        the town the story is filed from."""
        if not found or any(r != "from" for r, _, _ in found):
            return False
        sent = self.p.sentence(i)
        left = {id(m) for _, m, _ in found}
        return all(id(m) in left or m is self.dateline for m in self.mentions
                   if sent.char_start <= m.start < sent.char_end)  # fmt: skip

    def _purposes(self, i: int) -> list[int]:
        """"landed to refuel at X", "stopped to greet crowds in Y": the verb's to-clauses (which the parser
        may hang as its complement: "stop to refuel in Anchorage")."""
        tokens = self.p.tokens
        return [
            c for c in self.p.children(i)
            if tokens[c].dep in ("advcl", "xcomp") and tokens[c].tag == "VB"
            and any(tokens[k].lower == "to" for k in self.p.children(c))
        ]

    def _places_under(
        self, heads: list[int], i: int, motion: Motion, lemma: str
    ) -> list[tuple[PlaceRelation, Mention, int]]:
        """The places the prepositions and objects under ``heads`` give predicate ``i``."""
        out: list[tuple[PlaceRelation, Mention, int]] = []
        for head in heads:
            negated_head = head != i and self._negated(head)
            for child in self._with_conjoined_preps(head):
                tok = self.p.tokens[child]
                if self._negated(child) or (negated_head and tok.head == head):
                    continue  # "flew from Brussels not home to Budapest but to Debrecen"
                child = self._preposition_meant(child)
                tok = self.p.tokens[child]
                route = self.p.tokens[head].lemma in self.lex.routes
                if route and tok.lower in self.lex.direction_prepositions:
                    continue  # "passed Ussuriysk on the main line towards Khabarovsk": where the line runs
                conjoined = tok.dep == "conj" and tok.pos == "ADP"  # "not to Beijing but to Dalian"
                particle = tok.dep == "prt" and tok.lower in ("into", "through", "across")
                if tok.dep == "prep" or conjoined or particle:
                    relation = self._relation(tok, motion, lemma)
                    if relation is None:
                        continue
                    located = self.lex.prepositions.get(tok.lower) == "at"  # "in", "at", "near", not "for"
                    end = self._end_named_after(child, head, motion) if located else None
                    if end == "from" or (end == "to" and relation == "at"):
                        # "taken to Prison No. 12 in Rustavi": the prison is in Rustavi; "pulled out of the
                        # depot in Springfield", "left the depot in Springfield": left from there
                        relation = end
                    for obj in self.p.children(child):
                        if self.p.tokens[obj].dep not in ("pobj", "pcomp", "obj"):
                            continue
                        if self.p.tokens[obj].lemma.casefold() in self.lex.direction_nouns:
                            continue  # "heading in the direction of Kolkata": where it pointed, not went
                        goals = self._goal_hung_on(obj) if relation == "from" else []
                        if goals:
                            # "driven from the runway to the compound in Tel Aviv", with "to" hung on the
                            # runway: the goal is where he went, not where he left
                            out.extend(("to", m, g) for g in goals for m in self._mentions_in(g)[:1])
                            inside = {k for g in goals for k in self.p.subtree(g)}
                            found = [m for m in self._mentions_in(obj) if self._token_of(m) not in inside]
                        else:
                            found = self._mentions_in(obj)
                        if self.dateline is not None and self._station_here(obj, head):
                            found = [self.dateline]  # "came to rest in the Kiev station here": Moscow's
                        for m in found[:1]:
                            out.append((relation, m, obj))
                        for conj in self._conjuncts(obj):
                            for m in self._mentions_in(conj)[:1]:
                                out.append((relation, m, conj))
                elif (tok.dep in _OBJECTS or self.p.object_as_adverb(child)) and head == i \
                        and motion.object in _OBJECT_RELATIONS:
                    # "The column entered Nadiad", which the small parser may hang on the verb as an adverb
                    for m in (self._mentions_in(child) or self._set_off_after(child))[:1]:
                        out.append((motion.object, m, child))  # type: ignore[arg-type]
                    if tok.dep == "advmod":  # "… and Anand the following day": its conjuncts too
                        out.extend((motion.object, m, c) for c in self.p.children(i)  # type: ignore[misc]
                                   if self.p.tokens[c].dep == "conj" and self.p.tokens[c].pos == "PROPN"
                                   for m in self._mentions_in(c)[:1])  # fmt: skip
                elif tok.dep == "advmod" and head == i and tok.lower in self.lex.here_words and self.dateline:
                    out.append(("to" if motion.arrival else "at", self.dateline, child))
                elif tok.dep == "advmod" and head == i and tok.lower in self.lex.there_words:
                    # ("leaving there": the place left)
                    out.append(("from" if motion.object == "from" else "at", _THERE, child))
        return out

    def _preposition_meant(self, k: int) -> int:
        """The preposition a word under the verb stands for, where the parser hangs it one word down: "flew
        out of Madrid" ("of" on "out"), "leaving there the next day for Singapore" (the goal on the day), "got
        as far as Rangoon" ("as" on "far"), "ran out on to the pier", "went in to the capital", "down to
        Singapore" ("to" on the first word of the pair). Else ``k`` itself."""
        tok = self.p.tokens[k]
        kids = self.p.children(k)

        def under(words: tuple[str, ...], *, prep: bool = False) -> int | None:
            return next((c for c in kids if self.p.tokens[c].lower in words
                         and (not prep or self.p.tokens[c].dep == "prep")), None)  # fmt: skip

        found: int | None = None
        if tok.dep in ("prep", "prt", "advmod") and tok.lower == "out":
            found = under(("of",))
        elif tok.dep == "npadvmod" and tok.ent_type in ("DATE", "TIME"):
            found = under(("for", "to"), prep=True)
        elif tok.dep == "advmod" and tok.lower == "far":
            found = under(("as",), prep=True)
        if found is not None:
            k, tok, kids = found, self.p.tokens[found], self.p.children(found)
        paired = tok.dep == "prep" and tok.lower in ("on", "up", "in", "down", "over", "back")
        to = under(("to",)) if paired and not any(self.p.tokens[c].dep == "pobj" for c in kids) else None
        return k if to is None else to

    def _conjuncts(self, i: int) -> list[int]:
        """The words joined to ``i`` by "and" or a comma, however the parser chains them ("by way of Burbank,
        Tucson and New Orleans": Orleans hangs on Tucson, which hangs on Burbank), in text order."""
        out: list[int] = []
        todo = [i]
        while todo and len(out) < 20:
            k = todo.pop()
            joined = [c for c in self.p.children(k) if self.p.tokens[c].dep == "conj"]
            out.extend(joined)
            todo.extend(joined)
        return sorted(out)

    def _end_named_after(self, prep: int, head: int, motion: Motion) -> PlaceRelation | None:
        """"taken to Prison No. 12 in Rustavi", "flown to a military hospital in Berlin", "pulled out of the
        depot in Springfield", "left the depot in Springfield", which the parser may hang on the verb: a place
        right after a "to" or "from" phrase (or the object of a verb of leaving) that names none says where
        that end is: "to" or "from"."""
        if prep == 0 or not any(m.kind != "descriptive" for c in self.p.children(prep)
                                for m in self._mentions_in(c)[:1]):
            return None
        toks = self.p.tokens
        for c in self.p.children(head):
            if self.p.subtree(c).stop != prep or self._mentions_in(c):
                continue
            if toks[c].dep == "prep":
                relation = self.lex.prepositions.get(toks[c].lower)
                if toks[c].lower == "out" and any(toks[k].lower == "of" for k in self.p.children(c)):
                    relation = "from"  # "out of", the parser hanging "of" on "out"
                if relation in ("to", "from"):
                    return relation  # type: ignore[return-value]
            if toks[c].dep in ("dobj", "obj") and motion.object == "from":
                return "from"
        return None

    def _station_here(self, obj: int, head: int) -> bool:
        """"in the Kiev station here": a station named after another town, in the dateline's town."""
        tok = self.p.tokens[obj]
        info = self.lex.descriptive_heads.get(tok.lemma.casefold(), {})
        return info.get("feature") == "station" and any(
            self.p.tokens[c].lower in self.lex.here_words and self.p.tokens[c].dep == "advmod"
            for c in (*self.p.children(head), *self.p.children(obj)))

    def _set_off_after(self, obj: int) -> list[Mention]:
        """"left the Sabarmati Ashram, on the riverbank at Ahmedabad, at 6.30": a phrase set off by commas
        right after an object that names no place says where that object is (the parser hangs it on the
        verb)."""
        end = self.p.subtree(obj).stop
        if end >= len(self.p.tokens) or self.p.tokens[end].text != ",":
            return []
        after = self.p.tokens[end + 1] if end + 1 < len(self.p.tokens) else None
        if after is None or after.dep != "prep" or after.head != self.p.tokens[obj].head:
            return []
        span = self.p.subtree(after.i)
        if span.stop >= len(self.p.tokens) or self.p.tokens[span.stop].text != ",":
            return []
        return self._mentions_in(after.i)

    def _without_containers(
        self, out: list[tuple[PlaceRelation, Mention, int]]
    ) -> list[tuple[PlaceRelation, Mention, int]]:
        """"touched down at RAF Mildenhall in Suffolk": a place written right after another as "X in Y"
        says where X is (a county, a city), and is no second place of the move."""
        ends = {m.end for _, m, _ in out}
        kept = []
        for relation, m, obj in out:
            first = self.p.token_at(m.start)
            if first >= 2 and self.p.tokens[first - 1].lower == "in" and self.p.tokens[first - 2].end in ends:
                continue
            kept.append((relation, m, obj))
        return kept

    def _with_conjoined_preps(self, head: int) -> list[int]:
        """The head's children, and the prepositions conjoined to its prepositions ("through Tianjin and
        out past Shanhaiguan": "out", and "past" under it; "to Bucha … and then on to Irpin": "to" under
        "on") or chained to its "from"."""
        out = list(self.p.children(head))
        for child in self.p.children(head):
            tok = self.p.tokens[child]
            if tok.dep == "conj" and tok.pos in ("ADP", "ADV") and tok.lower in ("on", "onward", "onwards"):
                # "took the couple up the empty highway … and on to the capital": "on" hung on the verb
                out.extend(g for g in self.p.children(child) if self.p.tokens[g].dep == "prep")
            if tok.dep != "prep":
                continue
            for conj in self.p.children(child):
                tok = self.p.tokens[conj]
                if tok.dep == "prep" and self.p.tokens[child].lower == "from":
                    out.append(conj)  # "sailed from our harbour to Manhattan": "to" hung on "from"
                if tok.dep == "conj" and tok.pos == "ADP":
                    out.append(conj)
                if tok.dep == "conj" and tok.pos in ("ADP", "ADV"):
                    out.extend(g for g in self.p.children(conj) if self.p.tokens[g].dep == "prep")
        return out

    def _quote(self, sent: Span) -> Quote:
        """The sentence as evidence, its offsets trimmed to the words (no line breaks around it)."""
        raw = self.p.span_text(sent)
        start = sent.char_start + (len(raw) - len(raw.lstrip()))
        end = sent.char_end - (len(raw) - len(raw.rstrip()))
        return Quote(self.article.text[start:end], self.article.id, self.article.publisher, start, end)

    def _co_movers(self, subject: int | None, mover: str, verb: int) -> list[str]:
        """"Putin and Lukashenko will meet in Minsk": each conjoined person is a mover of the same frame; so
        is the one the mover travels with ("Sharif flew back to the airport with him")."""
        ks = [] if subject is None else [k for k in self.p.subtree(subject) if self.p.tokens[k].dep == "conj"]
        for w in self.p.children(verb):
            if self.p.tokens[w].lower == "with" and self.p.tokens[w].dep == "prep":
                ks += [o for o in self.p.children(w) if self.p.tokens[o].dep == "pobj"
                       and not any(self.p.tokens[g].pos in ("VERB", "AUX") for g in self.p.children(o))]
        out: list[str] = []
        for k in ks:
            who = self._who(k)
            if who and who != mover and who not in out:
                out.append(who)
        return out

    def _relative_place(self, i: int, motion: Motion) -> list[tuple[PlaceRelation, Mention, int]]:
        """"Nanning, which it passed at dawn", "Przemyśl, where the train stopped": the place a relative
        clause hangs on is the object (or the place) of its verb."""
        tok = self.p.tokens[i]
        if tok.dep != "relcl":
            return []
        kids = [self.p.tokens[c] for c in self.p.children(i)]
        if any(c.dep in ("dobj", "obj") and c.lower in ("which", "that") for c in kids):
            relation: PlaceRelation = motion.object if motion.object in _OBJECT_RELATIONS else "at"  # type: ignore[assignment]
        elif any(c.lower == "where" for c in kids):
            relation = "to" if motion.arrival or motion.mode or self._passive(i) else "at"
        else:
            return []
        clause = self.p.subtree(i)
        own = range(self.p.tokens[clause.start].start, self.p.tokens[clause.stop - 1].end)
        where = any(c.lower == "where" for c in kids)
        # a "where" clause's own places are not the place it hangs on
        found = [m for m in self._mentions_in(tok.head) if not (where and m.start in own)][:1]
        head = tok.head
        while (not found and self.p.tokens[head].dep in ("pobj", "prep", "appos")
               and head != self.p.tokens[head].head):
            # "from Des Moines, some 70 miles to the southeast, where he had arrived": the parser hangs the
            # clause on the distance that only says where the town lies
            head = self.p.tokens[head].head
            found = [m for m in [self._mention_at.get(head)] if m is not None]
        if found and found[0].is_area:
            # "the airport at Rzeszow, in south-eastern Poland, where he had been driven": the parser hangs
            # the clause on the country that only says where the town lies
            town = [self._mention_at[k] for k in range(tok.head - 1, max(-1, tok.head - 8), -1)
                    if k in self._mention_at and not self._mention_at[k].is_area]  # fmt: skip
            found = town[:1] or found
        return [(relation, m, tok.head) for m in found]

    def _passive(self, i: int) -> bool:
        """"where he had been driven", "was taken to": a verb in the passive."""
        return any(self.p.tokens[c].dep in ("auxpass", "nsubjpass") for c in self.p.children(i))

    def _carries_a_place(self, lemma: str) -> bool:
        return lemma in self.lex.vehicles or lemma in self.lex.way_nouns or lemma in self.lex.movement_nouns

    def _stray_places(self, i: int, motion: Motion, lemma: str) -> list[tuple[PlaceRelation, Mention, int]]:
        """Prepositional phrases the parser hung on the main verb that follow this predicate in the text
        ("had spent two days on the train before it stopped, at 8.10, at Khasan")."""
        head = self.p.tokens[i].head
        if head == i or self._motion(self.p.tokens[head]) is not None:
            return []
        nxt_verb = next(
            (k for k in range(i + 1, self.p.sentence(i).end) if self.p.tokens[k].pos == "VERB"),
            self.p.sentence(i).end,
        )
        out: list[tuple[PlaceRelation, Mention, int]] = []
        for child in self.p.children(head):
            tok = self.p.tokens[child]
            if tok.dep != "prep" or not i < child < nxt_verb:
                continue
            relation = self._relation(tok, motion, lemma)
            if relation is None:
                continue
            for obj in self.p.children(child):
                if self.p.tokens[obj].dep in ("pobj", "pcomp"):
                    for m in self._mentions_in(obj)[:1]:
                        out.append((relation, m, obj))
        return out

    # how ---------------------------------------------------------------------------------------------------

    def _vehicle_mode(self, i: int) -> tuple[Mode | None, str]:
        tok = self.p.tokens[i]
        named = self._vehicle_named(i)
        if named is not None and named != i:
            return self._vehicle_mode(named)[0], tok.text  # "Commando" is a bomber's name
        mode = self.lex.vehicles.get(tok.lemma.casefold())
        if mode is None or not _vehicle_word(tok):
            return None, ""
        span = self.p.subtree(i)
        return mode, self.p.tokens_text(span.start, min(span.stop, i + 1))

    def _owned_by_other(self, vehicle: int, i: int) -> bool:
        """A vehicle that is the object of a preposition of place ("across the bridge") is not the mover's."""
        return self.p.tokens[vehicle].dep == "pobj" and self.p.tokens[self.p.tokens[vehicle].head].lower in (
            "across", "over", "past", "near", "beside"
        )

    def _elaborates(self, tok: Token) -> bool:
        """"landed in Baghdad on Friday, flying in from Rome": a participle hung on another move, with no
        "before"/"after"/"then", retells that move; so does "arrived … after a 60-hour trip from X"."""
        head = self.p.tokens[tok.head]
        if tok.pos == "NOUN" and tok.dep == "pobj" and head.lower in ("after", "following"):
            return True
        if tok.dep == "relcl" and head.lemma.casefold() in self.lex.movement_nouns:
            return True  # "after a journey that began in Minsk": the trip's own beginning, retold
        marks = {self.p.tokens[c].lower for c in self.p.children(tok.i) if self.p.tokens[c].dep == "mark"}
        if tok.dep == "advcl" and marks & {"after", "since", "once"}:
            return True  # "ran through Smolensk after Lukashenko left Minsk": told second, happened first
        if tok.tag == "VBG" and tok.dep == "pcomp" and head.lower in ("after", "since", "following"):
            own, main = self._motion(tok), self._motion(self.p.tokens[head.head])
            if own is not None and own.object == "from" and main is not None and not main.presence:
                return True  # "touched down in Beijing … four hours after leaving Haneda": the flight's start
        if tok.tag != "VBG" or tok.dep not in ("advcl", "xcomp", "conj") or tok.head == tok.i:
            return False
        markers = {self.p.tokens[c].lower for c in self.p.children(tok.i)}
        prep = self.p.tokens[tok.head]
        if tok.dep == "advcl" and tok.i < tok.head and self._motion(prep) is None:
            return False  # "Returning to Kyiv, Kishida held talks": a move of its own before the talks
        return not markers & {"before", "after", "then"} and prep.lower not in ("before", "after")

    def _heads_home(self, tok: Token) -> bool:
        """"before heading home", "returned home", "flew back home": a move whose goal is the word "home"."""
        kids = [self.p.tokens[c] for c in self.p.children(tok.i)]
        if tok.lemma == "be" or any(k.tag == "TO" for k in kids):
            return False  # "was home at the ranch" names where; "waiting for her to come home" is no move
        kids += [self.p.tokens[g] for k in kids if k.lower == "back" for g in self.p.children(k.i)]
        return any(k.lower == "home" and k.dep in ("advmod", "dobj", "npadvmod") for k in kids)

    def _returning(self, tok: Token) -> bool:
        """"returned to", "his return to", "flew back to", "arrived back in", "headed home"."""
        if tok.lemma.casefold() in self.lex.return_lemmas:
            return True
        near = [*self.p.children(tok.i), *self._way_under(tok.i)]  # "on his way back to Washington"
        # "is due back in Beijing": the "back" hangs on the "due"
        near += [g for c in near if self.p.tokens[c].dep in ("advmod", "npadvmod")
                 or (self.p.tokens[c].dep == "acomp"
                     and self.p.tokens[c].lemma.casefold() in self.lex.expect_lemmas)
                 for g in self.p.children(c)]  # fmt: skip
        if any(self.p.tokens[c].dep in ("prt", "advmod", "npadvmod")  # "flew back south"
               and self.p.tokens[c].lower in self.lex.return_particles
               for c in near):  # fmt: skip
            return True
        if self._home_to(tok.i):
            return True
        # "the return train pulled into X", "on the return flight", "on the way back"
        nouns = [c for c in self.p.children(tok.i) if self.p.tokens[c].dep in ("nsubj", "nsubjpass")]
        nouns += [g for c in self.p.children(tok.i) if self.p.tokens[c].dep == "prep"
                  for g in self.p.children(c) if self.p.tokens[g].dep == "pobj"]  # fmt: skip
        return any(
            (kid.dep in ("compound", "amod", "nmod") and kid.lemma.casefold() in self.lex.return_lemmas)
            or (kid.dep == "advmod" and kid.lower in self.lex.return_particles and kid.lower != "home")
            for n in nouns for kid in (self.p.tokens[g] for g in self.p.children(n))
        )

    def _home_to(self, k: int, depth: int = 3) -> bool:
        """"the flight of about 13 hours home to Washington": a "home" that heads the move's "to" phrase,
        however deep the noun phrase puts it."""
        for c in self.p.children(k):
            kid = self.p.tokens[c]
            if kid.lower == "home" and any(self.p.tokens[g].lower == "to" for g in self.p.children(c)):
                return True
            if depth > 1 and kid.dep in ("prep", "pobj", "pcomp", "npadvmod") and self._home_to(c, depth - 1):
                return True
        return False

    def _past_perfect(self, tok: Token) -> bool:
        """"had flown", "had been driven": the verb (or the verb it is conjoined to) takes "had"."""
        return any(
            self.p.tokens[k].tag == "VBN" and self.p.takes_had(k)
            for k in ((tok.i, tok.head) if tok.dep == "conj" else (tok.i,))
        )

    def _generic_vehicles(self, i: int) -> bool:
        """"Freight trains run from Khasan to Ussuriysk": vehicles in the plural with no "the" or owner
        tell a service, not a trip."""
        tok = self.p.tokens[i]
        if tok.tag != "NNS" or tok.lemma.casefold() not in self.lex.vehicles:
            return False
        return not any(self.p.tokens[c].dep in ("det", "poss") for c in self.p.children(i))

    def _relative_noun(self, i: int) -> int | None:
        """"the road Kim is expected to take": the noun a relative clause around ``i`` modifies."""
        k = i
        for _ in range(3):
            tok = self.p.tokens[k]
            if tok.dep == "relcl":
                return tok.head
            if tok.dep not in ("xcomp", "conj") or tok.head == k:
                return None
            k = tok.head
        return None

    def _mode(self, i: int, motion: Motion, subject: int | None) -> tuple[Mode | None, str]:
        tok = self.p.tokens[i]
        if motion.mode and motion.yields_mode and tok.dep == "conj":
            head = self.p.tokens[tok.head]
            head_motion = self._motion(head)
            if head_motion is not None and not head_motion.mode:
                mode, text = self._mode(head.i, head_motion, self.subject_token(head.i))
                if mode:
                    return mode, text  # "crossed in the steamer Biarritz and landed at Folkestone"
        if motion.mode == "air" and self.story_year < self.lex.air_travel_since:
            # "He landed here from India on the 6th of January, 1871": ashore from a ship, not a plane
            return ("sea", tok.text) if motion.arrival else (None, "")
        if motion.mode:
            return motion.mode, tok.text
        relative = self._relative_noun(i)
        if relative is not None:
            mode, text = self._vehicle_mode(relative)
            if mode:
                return mode, text
        for child in self.p.children(i):
            ctok = self.p.tokens[child]
            if ctok.dep == "prep" and ctok.lower in self.lex.vehicle_prepositions:
                for obj in self.p.children(child):
                    mode, text = self._vehicle_mode(obj)
                    if mode:
                        return mode, f"{ctok.text} {text}"
            if ctok.dep in ("dobj", "obj", "compound", "nsubj", "nsubjpass"):
                mode, text = self._vehicle_mode(child)
                if mode and self._one_mode_listed(i, child):
                    return mode, text
                if mode:
                    continue
                for grand in self.p.children(child):  # "a 60-hour train trip", "the train ride"
                    if self.p.tokens[grand].dep == "compound":
                        mode, text = self._vehicle_mode(grand)
                        if mode:
                            return mode, text
        if tok.pos == "NOUN":
            noun_motion = self.lex.movement_nouns.get(tok.lemma.casefold())
            if noun_motion is not None and noun_motion.mode:
                return noun_motion.mode, tok.text
        if subject is not None and not self._person_at(subject):
            # "a long green train with yellow stripes rolled into Przemyśl": a vehicle before the verb
            sent = self.p.sentence(i)
            # the subject's own words first, then the nearest before the verb ("… on the roads, took up the
            # offer of a helicopter, and it set him down"); the subject's head first ("the nine-car train")
            for k in [subject, *self.p.subtree(subject), *range(i - 1, sent.start - 1, -1)]:
                mode, text = self._vehicle_mode(k)
                if mode and self._noun(self.p.tokens[k]) and not self._owned_by_other(k, i):
                    return mode, text
        if tok.dep == "conj" and self.p.tokens[tok.head].pos == "VERB" and not self._vehicle_word_after(i):
            # "left Rome by special plane and arrived in Baghdad at noon": the second verb goes the way
            # the first did
            head = self.p.tokens[tok.head]
            head_motion = self._motion(head)
            if head_motion is not None:
                mode, text = self._mode(head.i, head_motion, self.subject_token(head.i))
                if mode:
                    return mode, text
        if subject is not None and self.p.tokens[subject].lower == "it":
            # "his armoured train … before it stopped"
            for k in range(subject - 1, max(-1, subject - 80), -1):
                mode, text = self._vehicle_mode(k)
                if mode and self._noun(self.p.tokens[k]):
                    return mode, text
        if subject is not None and self.p.tokens[subject].lower == "she":
            ship = self._ship_before(subject)  # "she reached Colombo late on 27 October": the ship's way
            if ship is not None:
                return self._vehicle_mode(ship)
        return None, ""

    def _one_mode_listed(self, verb: int, obj: int) -> bool:
        """"reached Kyiv: a jet, a convoy and a night train" lists several ways of travelling: none of them
        is the mode of the whole move."""
        listed = [*self.p.subtree(obj)]
        siblings = [
            c for c in self.p.children(verb) if c != obj and self.p.tokens[c].dep in ("dep", "appos", "conj")
        ]
        listed += [k for c in siblings for k in self.p.subtree(c)]
        modes = {self._vehicle_mode(k)[0] for k in listed if self.p.tokens[k].pos == "NOUN"}
        return len(modes - {None}) <= 1

    def _passenger(self, tok: Token) -> int | None:
        """"A helicopter took him on to Seoul", "the train carried Kim across the border", "the final leg
        will bring the president back to Andrews": a vehicle or a stretch of the trip that carries a person
        moves that person (the object)."""
        if tok.pos == "VERB" and tok.lemma.casefold() in self.lex.welcome_lemmas:
            return self._welcomed(tok)
        if tok.pos != "VERB" or tok.lemma.casefold() not in self.lex.carry_lemmas:
            return None
        kids = self.p.children(tok.i)
        subject = next((c for c in kids if self.p.tokens[c].dep == "nsubj"), None)
        if (subject is None and tok.dep == "xcomp") or (subject is not None and self._in_dateline(subject)):
            subject = self.subject_token(tok.i)  # "is expected to bring"; a subject hung on the dateline
        if subject is not None and tok.dep == "relcl" and self.p.tokens[subject].tag in ("WDT", "WP"):
            subject = tok.head  # "the Boeing that brought him from New Delhi": the Boeing brought him
        if subject is None:
            return None
        carrier = (self._vehicle_mode(subject)[0] or self._vehicles_just_before(subject)
                   or self.p.tokens[subject].lemma.casefold() in self.lex.way_nouns)
        if not carrier and not self._escorted_to_a_place(tok, subject):
            return None
        objects = (c for c in kids if self.p.tokens[c].dep in ("dobj", "obj"))
        found = next((c for c in objects if self._who_quick_or_pronoun(c) or self._role_carried(c)
                      or self._group_reference(c) or self._company(c)), None)
        if found is not None and tok.dep == "relcl" and self.p.tokens[found].pos == "PRON":
            aboard = self._put_aboard(tok.head)
            if aboard is not None:
                # (and the pronoun is read so for the next sentence's "He and his wife spent some days there")
                self._pronouns_read.setdefault(found, self._who(aboard))
                return aboard
        return found

    def _put_aboard(self, vehicle: int) -> int | None:
        """"Mr Khrushchev saw the Marshal aboard the cruiser Frunze, which … carried him to Sochi": the one
        the sentence puts aboard the vehicle (the object of the verb "aboard" hangs on), not its subject."""
        prep = self.p.tokens[vehicle]
        while prep.dep in ("pobj", "compound", "appos") and prep.head != prep.i:
            prep = self.p.tokens[prep.head]
        if prep.dep != "prep" or prep.lower not in ("aboard", "on", "onto", "into", "to"):
            return None
        # ("aboard" on the verb, or on its object: "saw [the President aboard the cruiser]")
        on_object = self.p.tokens[prep.head].dep in ("dobj", "obj")
        objects = [prep.head] if on_object else self.p.children(prep.head)
        return next((c for c in objects if self.p.tokens[c].dep in ("dobj", "obj")
                     and (self._who_quick(c) or self._who(c))), None)  # fmt: skip

    def _escorted_to_a_place(self, tok: Token, subject: int) -> bool:
        """"Prime Minister Nehru later took him to Agra": a host who takes or drives a guest to a named place
        moves the guest there (a person subject, a person object, a goal the text names)."""
        return self._who_quick_or_pronoun(subject) and self._to_a_place(tok.i, ("to", "into"))

    def _to_a_place(self, verb: int, preps: tuple[str, ...] = ("to",)) -> bool:
        """The verb has a "to" (or one of ``preps``) with a place mention for its object."""
        return any(self.p.tokens[c].dep == "prep" and self.p.tokens[c].lower in preps
                   and any(o in self._mention_at for o in self.p.children(c))
                   for c in self.p.children(verb))  # fmt: skip

    def _welcomed(self, tok: Token) -> int | None:
        """"the Governor welcomed the couple to Nairobi": the people a host welcomes to a place arrive there
        (the object, a person or the party, with "to" and a place beside it)."""
        if not self._to_a_place(tok.i) or self._passive(tok.i):
            return None
        return self._guest(tok)

    def _ship_before(self, i: int) -> int | None:
        """The ship a "she" at ``i`` stands for: a vessel that is a subject earlier in ``i``'s paragraph,
        with no woman named after it, in an article no woman leads."""
        if self._a_woman_leads():
            return None
        for tok in reversed(self._paragraph_before(i)):
            if self._person_at(tok.i) in self.people.women:
                return None
            ship = self.lex.vehicles.get(tok.lemma.casefold()) == "sea"
            if ship and self._vehicle_subject(tok, plural=False):
                return tok.i
        return None

    def _paragraph_before(self, i: int) -> list[Token]:
        """The tokens of ``i``'s paragraph before ``i``."""
        start = self.p.paragraph_start(self.p.tokens[i].start)
        first = i
        while first > 0 and self.p.tokens[first - 1].start >= start:
            first -= 1
        return list(self.p.tokens[first:i])

    def _vehicle_told_just_before(self, i: int, *, plural: bool = False) -> int | None:
        """The vehicle (or vehicles) that is the subject of the sentence before ``i``'s, in the same
        paragraph."""
        tok = self.p.tokens[i]
        if tok.sent == 0:
            return None
        before = self.p.sentences[tok.sent - 1]
        if "\n\n" in self.p.text[before.char_end : tok.start]:
            return None
        return next((t.i for t in self.p.tokens[before.start : before.end]
                     if self._vehicle_subject(t, plural=plural)), None)  # fmt: skip

    def _journey_subject(self, verb: int) -> bool:
        """The verb's subject is a journey ("a three-nation swing that opened in Jakarta": the relative
        clause's subject is the noun it hangs from)."""
        tok = self.p.tokens[verb]
        subject = self.subject_token(verb)
        if subject is None and tok.dep == "relcl":
            subject = tok.head
        return subject is not None and self.p.tokens[subject].lemma.casefold() in self.lex.movement_nouns

    def _carrying(self, tok: Token) -> Motion:
        """What a vehicle's carrying says: "it set him down in X" is an arrival there; "flew him over X" a
        move that place lies on."""
        lemma = tok.lemma.casefold()
        return _CARRIED_TO if lemma in self.lex.carry_arrival_lemmas | self.lex.welcome_lemmas else _CARRIED

    def _company(self, i: int) -> bool:
        """"took the couple up the highway", "flew the party home": the people the story is with."""
        return self._the(i) and self.p.tokens[i].lemma.casefold() in self.lex.company_nouns

    def _vehicles_just_before(self, subject: int) -> bool:
        """"North Korean cars were waiting. They took the couple up the highway": a subject "they" (or "it")
        stands for the vehicles that were the subject of the sentence before, in the same paragraph, when they
        agree in number; or for the last noun of its own sentence that agrees, when that is a vehicle."""
        tok = self.p.tokens[subject]
        if tok.lower not in ("they", "it"):
            return False
        plural = tok.lower == "they"
        # "took up the offer of a helicopter, and it set him down in X": the noun just before in its sentence,
        # when it is one vehicle ("by train, it could take him two days" names a way, not a vehicle)
        own = self.p.sentence(subject)
        # (not a time's noun: "At 10.23 next morning it drew into Bryansk")
        nouns = [t for t in self.p.tokens[own.start : subject] if t.pos == "NOUN"
                 and (t.tag == "NNS") == plural and t.ent_type not in ("DATE", "TIME")]  # fmt: skip
        if nouns:
            last = nouns[-1]
            determined = any(self.p.tokens[k].dep in ("det", "poss") for k in self.p.children(last.i))
            return determined and last.lemma.casefold() in self.lex.vehicles
        return self._vehicle_told_just_before(subject, plural=plural) is not None

    def _place_told_just_before(self, sent: Span, previous: Event | None) -> Mention | None:
        """The town named last in the sentence before, in the same paragraph, when no move was told since
        it: "there" is the place the text just spoke of."""
        index = self.p.tokens[sent.start].sent
        start = self.p.sentences[index - 1].char_start if index > 0 else sent.char_start
        if "\n\n" in self.p.text[start : sent.char_start]:
            return None
        if previous is not None and previous.article == self.article.id and previous.sentence_start >= start:
            return None  # the sentence before told a move: its place is "there"
        named = [m for m in self.mentions if start <= m.start < sent.char_start and not m.is_area
                 and m.place is not None]  # fmt: skip
        # a town named outright before one described ("Bucha, about 25 km north-west of the capital")
        by_name = [m for m in named if m.kind != "descriptive"]
        return (by_name or named)[-1] if named else None

    def _on_the_way(self, prep: int) -> list[int]:
        """The way nouns "on" governs ("on his way", "on the final leg")."""
        return [o for o in self.p.children(prep) if self.p.tokens[o].lemma.casefold() in self.lex.way_nouns]

    def _way_under(self, verb: int) -> list[int]:
        ons = [c for c in self.p.children(verb) if self.p.tokens[c].lower == "on"]
        return [w for c in ons for w in self._on_the_way(c)]

    def _negated(self, k: int) -> bool:
        return any(self.p.tokens[c].dep == "neg" for c in self.p.children(k))

    def _named_end(self, verb: int) -> bool:
        """The move names where it ends, even if no gazetteer knows it ("arrived in Downing Street")."""
        return any(
            self.p.tokens[prep].lower in ("in", "at", "into", "to")
            and any(self.p.tokens[o].dep == "pobj" and self.p.tokens[o].pos == "PROPN"
                    for o in self.p.children(prep))
            for prep in self.p.children(verb)
        )

    def _on_board(self, verb: int) -> str:
        """"Air Force One landed at X with Trump on board": the person "with" whom a vehicle moves, when
        "on board" or "aboard" follows, is its passenger (the small parser hangs the "with" anywhere)."""
        sent = self.p.sentence(verb)
        for k in self.p.subtree(verb):
            if self.p.tokens[k].lower != "with":
                continue
            for obj in self.p.children(k):
                if self.p.tokens[obj].dep != "pobj" or not self._who_quick(obj):
                    continue
                after = self.p.subtree(obj).stop
                words = [self.p.tokens[j].lower for j in range(after, min(after + 2, sent.end))]
                if words[:1] == ["aboard"] or words[:2] == ["on", "board"]:
                    return self._who(obj)
        return ""

    def _who_quick_or_pronoun(self, i: int) -> bool:
        return self.p.tokens[i].lower in self.lex.pronouns or self._who_quick(i)

    def _vehicle_word_after(self, i: int) -> bool:
        """A vehicle named in the verb's own words ("was driven", "boarded a car") overrides what the verb
        before it says."""
        return any(self._vehicle_mode(k)[0] for k in self.p.subtree(i) if k > i)

    # frames ------------------------------------------------------------------------------------------------

    def _opening_verb(self, tok: Token) -> str | None:
        """The movement verb a live-blog line opens with when the tagger takes it for a name ("Landed in
        Quebec City at 2.43pm local"): its lemma, else None."""
        if not self._opens_as_a_name(tok):
            return None
        low = tok.lower
        forms = (low, low[:-2], low[:-1], low[:-3] + "y") if low.endswith("ed") else (low,)
        return next((f for f in forms if f in self.lex.movement), None)

    def _opens_as_a_name(self, tok: Token) -> bool:
        """The word opens its sentence and the tagger takes it for a name that is no place ("Landed in …",
        "Touchdown at …" atop a live-blog entry)."""
        return tok.pos == "PROPN" and tok.i not in self._mention_at and self.p.sentence(tok.i).start == tok.i

    def _lemma(self, tok: Token) -> str:
        return self._opening_verb(tok) or tok.lemma.casefold()

    def _motion(self, tok: Token) -> Motion | None:
        lemma = self._lemma(tok)
        verbal = tok.tag.startswith("VB") or self._bare_after_to(tok) or self._opening_verb(tok) is not None
        if tok.pos in ("VERB", "AUX") or (tok.pos in ("NOUN", "PROPN") and verbal):
            motion = self.lex.movement.get(lemma)
            if motion is None and lemma in self.lex.expect_lemmas and any(
                self.p.tokens[c].dep == "advmod" and self.p.tokens[c].lower in self.lex.return_particles
                for c in self.p.children(tok.i)
            ):
                return self.lex.movement.get("arrive")  # "is expected back in Warsaw on Sunday"
            if motion is None and lemma in self.lex.expect_lemmas and tok.tag == "VBN" and any(
                self.p.tokens[c].dep == "prep" and self.p.tokens[c].lower in ("at", "in")
                and any(o in self._mention_at for o in self.p.children(c))
                for c in self.p.children(tok.i)
            ):
                return self.lex.movement.get("arrive")  # "Air Force One is expected at Joint Base Andrews"
            if motion is None:
                return None
            kids = [self.p.tokens[c] for c in self.p.children(tok.i)]
            passive = self._passive(tok.i) or tok.tag == "VBN"
            if motion.passive_only and not passive:
                return None
            subjects = self._clause_subjects(tok)
            if motion.vehicle_only and not any(
                (c.lemma.casefold() in self.lex.vehicles
                 # "the train sat", "his train waited"; "a back-up jet waited in Tallinn" is another's
                 and not any(self.p.tokens[d].lower in ("a", "an") for d in self.p.children(c.i)))
                or self._vehicles_just_before(c.i)  # "the train ran on through the night. … it drew into X"
                for c in subjects
            ):
                return None
            if motion.journey_only and not self._journey_subject(tok.i):
                return None
            has_particle = any(c.lower in motion.needs_particle for c in kids)
            if motion.needs_particle and not motion.needs_object and not has_particle:
                return None
            if has_particle:  # "took off": either the particle or the object ("took the train") will do
                particle = next(c.lower for c in kids if c.lower in motion.needs_particle)
                # "set down at Holguín" lands where "set out from" leaves; "was taken off his ship" took
                # no flight
                phrasal = self.lex.phrasal(lemma, particle)
                # … but "were put aboard the tanker at Fagerstrand" boards, in the passive too
                return phrasal if phrasal is not None and (not passive or phrasal.at_place) else motion
            if passive and motion.passive_moves and any(
                c.dep == "prep" and self.lex.prepositions.get(c.lower) in ("to", "from", "via") for c in kids
            ):
                return motion  # "he was then taken to Bucha" (not "a photo taken by Kyodo on Saturday")

            relative = self._relative_noun(tok.i)
            if relative is not None and self.p.tokens[relative].lemma.casefold() in motion.needs_object:
                return motion
            if motion.needs_object and not any(
                (c.dep in ("dobj", "obj", "attr") and c.lemma.casefold() in motion.needs_object)
                or (any(self.p.tokens[g].lemma.casefold() in motion.needs_object for g in self.p.subtree(c.i))
                and c.dep in ("dobj", "obj"))
                for c in kids
            ):
                return None
            return motion
        if tok.pos == "NOUN" or self._opens_as_a_name(tok):
            # "Touchdown at Hamad International in Doha": a live blog's noun opening a line, taken for a name
            return self.lex.movement_nouns.get(lemma)
        return None

    def _bare_after_to(self, tok: Token) -> bool:
        """"is due to land in Seoul", with "land" parsed as a noun after the preposition "to": a verb's
        infinitive, when nothing makes it a noun phrase (no article, possessor or adjective)."""
        if tok.dep != "pobj" or tok.head != tok.i - 1 or self.p.tokens[tok.head].lower != "to":
            return False
        noun_words = ("det", "poss", "amod", "nummod")
        return not any(self.p.tokens[c].dep in noun_words for c in self.p.children(tok.i))

    def _gathering(self, tok: Token) -> Motion | None:
        """"The summit will be held in Minsk", "talks in Vladivostok": where the traveller's meeting is."""
        if tok.pos not in ("NOUN", "PROPN") or not (
            tok.lemma.casefold() in self.lex.event_nouns or tok.lower in self.lex.event_nouns
        ):
            return None
        if any(self.p.tokens[c].dep == "poss" for c in self.p.children(tok.i)):
            return None
        if tok.dep in ("nsubj", "nsubjpass") and self.p.tokens[tok.head].lemma in self.lex.event_verbs:
            return _GATHERING
        if self._held(tok.i) is not None:
            return _GATHERING
        if tok.dep in ("pobj", "dobj") and self._governed_by_motion(tok.i):
            return None  # "left for the summit in Vladivostok" is read by the verb's own frame
        return _GATHERING

    def _held(self, i: int) -> int | None:
        """"talks to be held in Minsk": the verb of a clause on the meeting noun that says where it is."""
        for child in self.p.children(i):
            tok = self.p.tokens[child]
            if tok.dep in ("acl", "relcl") and tok.lemma in self.lex.event_verbs:
                return child
        return None

    def _governed_by_motion(self, i: int) -> bool:
        return any(self._motion(self.p.tokens[a]) is not None for a in list(self.p.ancestors(i))[:3])

    def _gathering_frame(self, tok: Token) -> Event | None:
        held = self._held(tok.i)
        predicate = held if held is not None else tok.head if tok.dep in ("nsubj", "nsubjpass") else tok.i
        heads = [predicate] if predicate == tok.i else [predicate, tok.i]
        # "are to be held in"
        heads += [c for c in self.p.children(predicate) if self.p.tokens[c].dep in ("xcomp", "advcl")]
        places: list[tuple[PlaceRelation, Mention]] = [
            ("at", m)
            for head in heads
            for rel, m, _ in self._places(head, _GATHERING, "be")
            if rel in ("at", "to") and m is not _THERE  # ("the 1986 summit there": no place of its own)
        ]
        if not places:
            return None
        sent = self.p.sentence(tok.i)
        earlier = self._earlier(predicate) or self._earlier(tok.i)
        status: EventStatus = "earlier" if earlier else self._status(predicate, sent.start)
        if status == "happened" and self.p.tokens[predicate].lemma.casefold() in self.lex.expect_lemmas:
            status = "expected"  # "the meeting set to take place in Minsk", "talks scheduled for Monday"
        # "Kishida invited him to take part in the summit in Hiroshima": the one invited goes there
        invitee = self.subject_token(tok.i)
        if invitee is None or self.p.tokens[invitee].dep not in ("dobj", "obj"):
            # "a tour that also took Zelensky to London and to an EU summit in Brussels": the one the verb
            # above takes there
            verbs = [a for a in list(self.p.ancestors(tok.i))[:4] if self.p.tokens[a].pos == "VERB"][:1]
            taken = [c for v in verbs for c in self.p.children(v) if self.p.tokens[c].dep in _DIRECT_OBJECTS]
            invitee = next((c for c in taken if self._who_quick(c)), invitee)
        mover = ""
        if invitee is not None and self.p.tokens[invitee].dep in _DIRECT_OBJECTS:
            mover = self._who(invitee)
        return Event(
            article=self.article.id, token=predicate, lemma=tok.lemma.casefold(), mover=mover,
            mover_text=self.p.tokens[invitee].text if mover and invitee is not None else "",
            status=status, places=tuple(places[:1]), mode=None, mode_text="",
            quote=self._quote(sent),
            sentence_start=sent.char_start, sentence_end=sent.char_end,
        )  # fmt: skip

    def _setting(self, sent: Span) -> Mention | None:
        """The town a sentence opens on ("In Rzeszów, …", "At Medyka, …"), set off by a comma."""
        first = self.p.tokens[sent.start]
        if first.lower not in ("in", "at") or first.dep != "prep":
            return None
        obj = next((o for o in self.p.children(first.i) if self.p.tokens[o].dep == "pobj"), None)
        if obj is None:
            return None
        if any(self.p.tokens[c].dep in ("relcl", "acl") for c in self.p.children(obj)):
            return None  # "In Stockholm, where she first sat outside parliament, …": it describes the town
        end = self.p.subtree(obj).stop
        m = self._mention_at.get(obj)
        if (m is None or m.place is None or m.is_area or end >= len(self.p.tokens)
                or self.p.tokens[end].text != ","):
            return None
        return m

    def _heading(self, sent: Span) -> Mention | None:
        """The town a paragraph is headed with, in an explainer told stop by stop: "Washington, 1 July.
        Kissinger set off with a handful of aides" sets off from Washington. The heading is the paragraph's
        first sentence, a short one with no verb that opens on the town; it holds until the paragraph names
        another place."""
        text = self.p.text
        start = self.p.paragraph_start(sent.char_start)
        first = next((s for s in self.p.sentences if s.char_end > start), None)
        if first is not None and _a_stamp(text[first.char_start : first.char_end]):
            # "11.52am ¶ Alliance. Horns blaring, the train reached town": a live blog's entry opens on its
            # stamp, then the heading
            first = next((s for s in self.p.sentences if s.char_start >= first.char_end), None)
        if first is None or first.char_start >= sent.char_start or not self.p.is_heading(first):
            return None
        m = self._mention_at.get(first.start)
        if m is None or m.place is None or m.is_area or m.kind != "name":
            return None
        # once the paragraph names another place, the story has moved on from the heading's
        told = [o for o in self.mentions
                if first.char_end <= o.start < sent.char_start and o.place is not None]  # fmt: skip
        return None if told else m

    def _shown(self, i: int) -> list[int]:
        """What a picture noun shows: the objects of its "of" ("footage of Kim", "signs of its passage")."""
        return [o for c in self.p.children(i) if self.p.tokens[c].lower == "of"
                for o in self.p.children(c) if self.p.tokens[o].dep == "pobj"]  # fmt: skip

    def _scene_frame(self, tok: Token) -> Event | None:
        """"Television aired footage of Modi waving on the steps at Palam airport", "pictures of the leader
        smiling at Przemyśl": what a picture shows the person in it doing somewhere puts that person there."""
        if tok.pos != "NOUN" or tok.lemma.casefold() not in self.lex.scene_nouns:
            return None
        shown = next(iter(self._shown(tok.i)), None)
        if shown is None:
            return None
        whom = [shown, *(c for c in self.p.children(shown) if self.p.tokens[c].dep in _SUBJECTS)]
        pronouns = self.lex.pronouns
        person = next((k for k in whom if self._who_quick(k) or self.p.tokens[k].lower in pronouns), None)
        if person is None:
            return None
        inside = [k for k in self.p.subtree(shown) if k != person and k not in self.p.subtree(person)]
        seen: list[Mention] = []
        for k in inside:
            m = self._mention_at.get(k)
            if m is not None and m not in seen and m.place is not None and not m.is_area:
                seen.append(m)
        if len(seen) != 1:
            return None  # no place, or several: no one place the picture shows
        verb = next((a for a in self.p.ancestors(tok.i) if self.p.tokens[a].pos in ("VERB", "AUX")), tok.i)
        return self._presence(tok.i, verb, self._who(person), self.p.tokens[person].text, seen[0])

    def _since_left(self, tok: Token) -> bool:
        """"The train has carried him across the continent since he set out from Beijing", "since leaving
        Moscow": what has gone on since a departure counts from the journey's start."""
        marks = {self.p.tokens[c].lower for c in self.p.children(tok.i) if self.p.tokens[c].dep == "mark"}
        head = self.p.tokens[tok.head]
        return "since" in marks or (tok.dep == "pcomp" and head.lower == "since")

    def _fronted_presence(self, tok: Token) -> Event | None:
        """"At Khabarovsk the President recalled …", "In Novosibirsk on May 21 he had a reunion on the
        platform": a town a sentence opens on, where a person does something that is no move, puts that
        person there (a move's own frame reads such a town as its setting)."""
        sent = self.p.sentence(tok.i)
        if tok.i != sent.start or tok.lower not in ("at", "in") or tok.dep != "prep":
            return None
        verb = self.p.tokens[tok.head]
        host = verb.lemma.casefold() in self.lex.host_lemmas
        if verb.pos not in ("VERB", "AUX") or (not host and (self._motion(verb) is not None
                                                             or self._gathering(verb))):
            return None
        obj = next((o for o in self.p.children(tok.i) if self.p.tokens[o].dep == "pobj"), None)
        m = self._mention_at.get(obj) if obj is not None else None
        if obj is None or m is None or m.place is None or m.is_area or m.kind == "dateline":
            return None
        if any(self.p.tokens[c].dep in ("relcl", "acl") for c in self.p.children(obj)):
            return None  # "In Stockholm, where she first sat outside parliament, …": it describes the town
        subject = next((c for c in self.p.children(verb.i)
                        if self.p.tokens[c].dep in ("nsubj", "nsubjpass")), None)  # fmt: skip
        # "At Stalingrad the regional party chief met him on the platform": the one met is there
        guest = next((c for c in self.p.children(verb.i) if self.p.tokens[c].dep in _DIRECT_OBJECTS
                      and (self.p.tokens[c].lower in self.lex.pronouns or self._who_quick(c))), None)
        if host:
            if guest is None:
                return None
            mover, mover_text = self._who(guest), self.p.tokens[guest].text
        else:
            if subject is None:
                return None
            # a role only when the article gives it to somebody ("In Dhaka, the president dissolved
            # parliament" in a story that titles nobody so is not the prime minister's)
            role = self.p.tokens[subject].lemma.casefold()
            titled = role in self.people.titles or role in self.people.shared_roles
            if not (self._who_quick(subject) or self.p.tokens[subject].lower in self.lex.pronouns or titled):
                return None
            mover, mover_text = self._subject(verb.i)
        if not mover:
            return None
        return self._presence(verb.i, verb.i, mover, mover_text, m)

    def _place_host_frame(self, tok: Token) -> Event | None:
        """"A rain-soaked Pittsburgh received him", "Buffalo … kept him over Sunday": a town that receives or
        keeps a person (not "Seoul welcomed the decision") is where that person was."""
        hosting = tok.lemma.casefold() in self.lex.place_host_lemmas
        if tok.pos != "VERB" or not hosting or self._passive(tok.i):
            return None
        # ("Buffalo, reached at about 4.30 p.m., kept him": the parser joins "kept" to "reached")
        subject = next((c.i for c in self._clause_subjects(tok) if c.dep == "nsubj"), None)
        m = self._town(subject)
        if m is None:
            return None
        guest = self._guest(tok)
        if guest is None or self.p.tokens[guest].lower == "it":
            return None
        mover = self._who(guest)
        if not mover and self._company(guest):
            mover = self.last_mover or self._protagonist()
        if not mover:
            return None
        return self._presence(tok.i, tok.i, mover, self.p.tokens[guest].text, m)

    def _clause_subjects(self, tok: Token) -> list[Token]:
        """The subjects of the verb ``tok``, else of the verb it is joined to ("The train ran north … and
        drew into Paris")."""
        subjects = [self.p.tokens[c] for c in self.p.children(tok.i) if self.p.tokens[c].dep in _SUBJECTS]
        if not subjects and tok.dep == "conj":
            joined = (self.p.tokens[c] for c in self.p.children(self._joined_to(tok.i)))
            subjects = [c for c in joined if c.dep in _SUBJECTS]
        return subjects

    def _guest(self, tok: Token) -> int | None:
        """The person (or the party) the verb ``tok`` has for direct object: whom a host welcomes."""
        objects = (c for c in self.p.children(tok.i) if self.p.tokens[c].dep in _DIRECT_OBJECTS)
        return next((c for c in objects if self._who_quick_or_pronoun(c) or self._company(c)), None)

    def _town(self, k: int | None) -> Mention | None:
        """The town token ``k`` names (no area, dateline or description), if any."""
        m = self._mention_at.get(k) if k is not None else None
        if m is None or m.place is None or m.is_area or m.kind in ("dateline", "descriptive"):
            return None
        return m

    def _activity_frame(self, tok: Token) -> Event | None:
        """"Trois-Rivières, where he lunched at the seminary", "He addressed the legislature at Trenton": what
        a visitor does in a town (a relative "where" on it, or the verb's "at") puts the doer there."""
        if tok.pos != "VERB" or tok.lemma.casefold() not in self.lex.activity_lemmas or self._passive(tok.i):
            return None
        kids = self.p.children(tok.i)
        subject = next((c for c in kids if self.p.tokens[c].dep == "nsubj"), None)
        if subject is None or not self._who_quick_or_pronoun(subject) or self.p.tokens[subject].lower == "it":
            return None
        place = None
        if tok.dep == "relcl" and any(self.p.tokens[c].lower == "where" for c in kids):
            place = self._town(tok.head)
        if place is None:
            opening = self.p.sentence(tok.i).start  # ("At Irkutsk the President laid a wreath": fronted)
            ats = (c for c in kids if self.p.tokens[c].lower == "at" and c != opening)
            place = next((t for c in ats for t in map(self._town, self.p.children(c)) if t is not None), None)
        if place is None:
            return None
        mover, mover_text = self._subject(tok.i)
        return self._presence(tok.i, tok.i, mover, mover_text, place) if mover else None

    def _sequence_frames(self, tok: Token) -> list[Event]:
        """"Louiseville, Berthierville and Repentigny came after", "Next came Joliette": towns that come next
        in the telling are where the one last on the move went next, in the order named."""
        if tok.pos != "VERB" or tok.lemma.casefold() not in self.lex.sequence_lemmas:
            return []
        kids = self.p.children(tok.i)
        if not any(self.p.tokens[c].lower in self.lex.sequence_words for c in kids):
            return []
        towns: list[Mention] = []
        for c in kids:
            if self.p.tokens[c].dep != "nsubj" or self._town(c) is None:
                continue
            for k in (c, *(g for g in self.p.subtree(c) if self.p.tokens[g].dep == "conj")):
                town = self._town(k)
                if town is not None and all(t is not town for t in towns):
                    towns.append(town)
        # "BERLIN — … Then came Schöneberg": a district of the city the report is filed from is that city
        towns = [t for t in towns if not self._part_of_dateline(t)]
        mover = self.last_mover or self._protagonist()
        if not towns or not mover:
            return []
        return [self._presence(tok.i, tok.i, mover, "", town) for town in towns]

    def _then_list(self, tok: Token, previous: Event | None) -> list[Event]:
        """"The ship was at Shanghai again on New Year's Eve, then Hong Kong, Singapore, Penang and Colombo":
        towns listed after "then", governed by no preposition, are where the move just told went next, in
        the order named (the parser hangs the list anywhere)."""
        if tok.lower != "then" or tok.dep != "advmod" or previous is None or previous.status != "happened":
            return []
        sent = self.p.sentence(tok.i)
        if previous.article != self.article.id or previous.sentence_start != sent.char_start:
            return []
        first = self._town(tok.i + 1) if tok.i + 1 < sent.end else None
        if first is None:
            return []
        # the name's own head: the last word of its span ("Hong Kong")
        name = max(k for k in range(tok.i + 1, sent.end) if self._mention_at.get(k) is first)
        if self.p.tokens[name].dep in ("pobj", "pcomp"):
            return []  # "then to Hong Kong" is read by its verb
        towns = [first, *(t for k in self._conjuncts(name) if (t := self._town(k)) is not None)]
        return [replace(previous, token=self._token_of(town), places=(("to", town),)) for town in towns]

    def _part_of_dateline(self, town: Mention) -> bool:
        """Another town within a few kilometres of the dateline's (a district of the city filed from)."""
        line, there = self.dateline, town.place
        if line is None or line.place is None or there is None or _place_key(town) == _place_key(line):
            return False
        here = line.place
        return geodesic((here.latitude, here.longitude), (there.latitude, there.longitude)).km <= DISTRICT_KM

    def _presence(self, token: int, verb: int, mover: str, mover_text: str, mention: Mention) -> Event:
        """The frame that puts ``mover`` at ``mention`` by the word at ``token`` (no move, no mode), told as
        its ``verb`` tells it (done, planned, an earlier trip)."""
        sent = self.p.sentence(token)
        status: EventStatus = "earlier" if self._earlier(verb) else self._status(verb, sent.start)
        return Event(
            article=self.article.id, token=token, lemma=self.p.tokens[token].lemma.casefold(), mover=mover,
            mover_text=mover_text, status=status, places=(("at", mention),), mode=None, mode_text="",
            quote=self._quote(sent), sentence_start=sent.char_start, sentence_end=sent.char_end,
        )  # fmt: skip

    def frames(self) -> Iterator[Event]:
        previous: Event | None = None
        placed: list[Event] = []  # the moves with a place told so far, for an arrival that names none
        for tok in self.p.tokens:
            scene = (self._scene_frame(tok) or self._fronted_presence(tok) or self._place_host_frame(tok)
                     or self._activity_frame(tok))
            if scene is not None:
                yield scene
                continue
            listed = self._sequence_frames(tok) or self._then_list(tok, previous)
            if listed:
                yield from listed
                continue
            if self._gathering(tok) is not None:
                gathering = self._gathering_frame(tok)
                if gathering is not None:
                    yield gathering
                continue
            passenger = self._passenger(tok)
            motion = self._motion(tok) if passenger is None else self._carrying(tok)
            if motion is None:
                continue
            places = self._places(tok.i, motion, self._lemma(tok))
            if tok.pos == "NOUN" and (not places or tok.dep == "appos"):
                continue  # "Sosnovy Bor, a short drive from the city" says where a place lies, not a move
            mover, mover_text = self._subject(tok.i)
            subject = self.subject_token(tok.i)
            if passenger is not None:
                mover, mover_text = self._who(passenger), self.p.tokens[passenger].text
                if not mover and self._company(passenger):
                    mover = self._role_holder(passenger, "they", "they")  # "took the couple": the party
                if self._company(passenger) and tok.lemma.casefold() in self.lex.welcome_lemmas:
                    # "the Governor, Sir Philip Mitchell, welcomed the couple": the party last on the move,
                    # whoever is named beside it
                    mover = self.last_mover or self._protagonist() or mover
                owner = self._owner_by_name(subject) if subject is not None else ""
                if owner and self.p.tokens[passenger].lower in self.lex.pronouns:
                    mover = owner  # "Air Force One … carried him about 180 km west": the president it flies
            elif not mover:
                mover = self._on_board(tok.i)
            elif subject is not None and self.p.tokens[subject].lemma.casefold() in self.lex.vehicles:
                # "Air Force One has landed … with President Donald Trump on board": who is on board, over
                # whom the aircraft's name suggests
                mover = self._on_board(tok.i) or mover
            for k in (subject, passenger):
                if k is not None and self.p.tokens[k].lower in self.lex.pronouns:
                    self._pronouns_read.setdefault(k, mover)
            empty = self._without_passenger(tok.i)
            if empty:
                mover = ""  # "the Colbert steamed upriver with no president aboard": nobody's move
            if subject is not None and self._generic_vehicles(subject):
                continue
            if self.story_year < self.article.published.year and tok.tag in ("VBZ", "VBP"):
                continue  # a retrospective's present tense is today ("the K3 still goes via X"), not the trip
            mode, mode_text = self._mode(tok.i, motion, subject)
            sent = self.p.sentence(tok.i)
            status: EventStatus = "earlier" if self._earlier(tok.i) else self._status(tok.i, sent.start)
            lemma = tok.lemma.casefold()
            expecting = lemma in self.lex.expect_lemmas and lemma not in self.lex.movement
            if status == "happened" and expecting:
                status = "expected"  # "Air Force One is expected at Joint Base Andrews"
            if status in ("planned", "expected") and self._called_off(sent):
                status = "denied"  # "He was due to land here at 4 o'clock. Instead, he boarded his DC-8 …"
            resolved: list[tuple[PlaceRelation, Mention]] = []
            flashback = False  # "had … stopped at Khasan. … He spent roughly an hour there": still then
            for relation, mention, _ in places:
                if motion.at_place and relation == "at":
                    relation = "from"  # "boarded the train there": the next hop leaves from there
                if mention is _THERE:
                    told = self._place_told_just_before(sent, previous)
                    if self._returning(tok) and not _reached_in(told, placed):
                        # "he was back there that night": where he had been before the last move
                        told = _left_for_last_move(placed, previous) or told
                    if told is not None:
                        resolved.append((relation, told))  # "Pictures from Bucha. … got there at 1.40pm"
                        flashback = flashback or (previous is not None and previous.backshifted
                                                  and any(m is told for _, m in previous.places))
                        continue
                    if previous is None or previous.article != self.article.id:
                        continue
                    # where the last move went, else where it left from ("left Taipei at 6 p.m. … She had
                    # landed there at 10.43 p.m. on Tuesday")
                    same_paragraph = "\n\n" not in self.p.text[previous.sentence_end : sent.char_start]
                    targets = [m for r, m in previous.places if r in ("to", "at")] or [
                        m for r, m in previous.places if r == "from" and same_paragraph
                    ]
                    if not targets:
                        continue
                    mention = targets[-1]
                    flashback = flashback or previous.backshifted
                resolved.append((relation, mention))
            follows = self._right_after(previous, sent) and self._mover_like(subject)
            follows = follows and not self._named_end(tok.i)
            if not resolved and motion.arrival and follows:
                # "his train ran east to Komsomolsk-on-Amur. It arrived at 8:50 a.m. on Friday": an arrival
                # with no place of its own is at the place the move told just before went to
                assert previous is not None
                # "arrived in Kyiv by train …, going out to Bucha. Meloni stepped off the overnight train":
                # of the moves the sentence before told, the one made the same way
                same_way = [e for e in placed if e.sentence_start == previous.sentence_start
                            and e.article == previous.article and mode is not None and e.mode == mode
                            and any(r == "to" and not m.is_area for r, m in e.places)]
                source = same_way[-1] if same_way else previous
                resolved = [("to", m) for r, m in source.places if r == "to"][-1:]
            placeless = not resolved and tok.pos != "NOUN" and status == "happened" and lemma != "be"
            setting = (self._setting(sent) or self._heading(sent)) if placeless else None
            if setting is not None:
                # "In Przemyśl, residents said the station had been sealed off before the train rolled in":
                # a place the sentence opens on is where its moves happen
                resolved = [("at", setting)]
            event = Event(
                article=self.article.id,
                token=tok.i,
                lemma=self._lemma(tok),
                mover=mover,
                mover_text=mover_text,
                status=status,
                places=tuple(resolved),
                mode=mode,
                mode_text=mode_text,
                quote=self._quote(sent),
                sentence_start=sent.char_start,
                sentence_end=sent.char_end,
                elaborates=self._elaborates(tok),
                backshifted=self._past_perfect(tok) or flashback,
                returning=self._returning(tok),
                opens=motion.at_means == "from" or self._since_left(tok),
                home=not resolved and self._heads_home(tok),
                others=empty or (not mover and self._others(subject)),
            )
            denied = status == "denied"
            affirmed = {id(m) for _, m, obj in places if denied and self._after_but(obj)}
            if affirmed and any(id(m) not in affirmed for _, m in resolved):
                # "did not leave from Cairo's airport but from Abu Suweir": the "but" part happened
                yes = tuple(p for p in resolved if id(p[1]) in affirmed)
                yield replace(event, status="happened", places=yes)
                resolved = [p for p in resolved if id(p[1]) not in affirmed]
                event = replace(event, places=tuple(resolved))
            if resolved or mode or event.home:
                # "Morgulov, who had travelled to Khasan", "the previous autumn he had flown to Moscow": an
                # aside or an earlier trip is not the party "they" then stands for
                # … nor is a host who met or greeted the party where it arrived
                host = tok.lemma.casefold() in self.lex.host_lemmas
                if mover and tok.dep != "relcl" and status != "earlier" and not host:
                    self.last_mover, self.last_mover_at = mover, tok.i
                yield event
                # (a carried passenger's subject is the vehicle or the host, nobody else on the move)
                alone = passenger is None and not empty
                for other in self._co_movers(subject, mover, tok.i) if alone else ():
                    yield replace(event, mover=other)
                if resolved:
                    previous = event
                    placed.append(event)
            elif mover and tok.dep != "relcl" and status == "happened" and not motion.presence:
                # "He went to the hotel room … and left with the two men. A taxi took the three to
                # Shinagawa": a move to no named place still says who is on the move ("Hassan Abdel-Rahim
                # was 19" is no move: being somewhere moves nobody)
                self.last_mover, self.last_mover_at = mover, tok.i


def _place_key(mention: Mention) -> int | str | None:
    """Which place a mention names, whatever its explanation says (an airfield's town is that town)."""
    return None if mention.place is None else mention.place.geonameid or mention.place.name


def _reached_in(mention: Mention | None, frames: Sequence[Event]) -> bool:
    """Whether one of the frames reached (or was at) the place ``mention`` names."""
    if mention is None or mention.place is None:
        return False
    key = _place_key(mention)
    return any(r in ("to", "at") and m.place is not None and _place_key(m) == key
               for e in frames for r, m in e.places)  # fmt: skip


def _left_for_last_move(frames: Sequence[Event], last: Event | None) -> Mention | None:
    """The place reached before the last move's destination: where "back there" is after a day trip."""
    if last is None:
        return None
    reached = [m for e in frames if e.article == last.article
               for r, m in e.places if r in ("to", "at") and not m.is_area]  # fmt: skip
    if not reached:
        return None
    return next((m for m in reversed(reached) if m.place != reached[-1].place), None)


_GATHERING = Motion(presence=True, event=True)
_CARRIED = Motion()
_CARRIED_TO = Motion(arrival=True)
"""A vehicle carrying a person ("a helicopter took him to X"): a plain move of that person."""
_THERE = Mention("", "there", 0, 0, 0, 0, "name", None)
"""Stands for "there" until the frame is built: the previous frame's destination."""


def find_events(
    article: Article,
    parsed: ParsedText,
    mentions: Sequence[Mention],
    lexicon: Lexicon | None = None,
    people: People | None = None,
    story_year: int | None = None,
    since_year: int | None = None,
) -> list[Event]:
    """Every movement frame of ``article`` with at least a place or a mode, in text order. ``people`` is
    the article's ``find_people`` when the caller has it already; ``story_year`` the year a retrospective
    is set in (a trip of an earlier year than that is an earlier trip); ``since_year`` the year a story
    told from long before its report starts in (its years up to ``story_year`` are its own)."""
    lex = lexicon or load_lexicon()
    people = people if people is not None else find_people(parsed, lex, mentions)
    return list(_Frames(article, parsed, mentions, lex, people, story_year, since_year).frames())
