"""Who the articles are about: the person whose movements they report, weighed over every article.

A person scores for each movement frame they are the mover of (an earlier, denied or hypothetical trip
scores nothing), more in the headline and the lead, and a little for being named there at all. Names are
unified across articles ("Kim" in one report is the "Kim Jong Un" of another).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from geo.model import Article, Event
from geo.reading.events import People
from geo.reading.text import fold

LEAD_WEIGHT = 2.0
PLACE_WEIGHT = 1.0
NAMED_IN_LEAD = 0.5
COUNTING = ("happened", "planned", "expected")


def canonical_names(people: Mapping[str, People]) -> dict[str, str]:
    """Every name any article uses → the fullest form of it any article uses."""
    full: list[str] = []
    for p in people.values():
        full.extend(n for n in p.full if n not in full)
    out: dict[str, str] = {}
    for p in people.values():
        for _, name, _ in p.positions:
            out[name] = _fullest(name, full)
    return out


def _fullest(name: str, full: Sequence[str]) -> str:
    words = fold(name).split()
    for candidate in full:
        cwords = fold(candidate).split()
        if words == cwords:
            return candidate
    if len(words) == 1:
        for candidate in full:
            cwords = fold(candidate).split()
            if words[0] in (cwords[0], cwords[-1]):
                return candidate
    return name


def find_traveller(
    articles: Sequence[Article],
    events: Mapping[str, Sequence[Event]],
    people: Mapping[str, People],
    lead_ends: Mapping[str, int],
) -> str:
    """The traveller's name ("" when no frame has a mover). ``lead_ends``: char offset ending each lead."""
    names = canonical_names(people)
    score: Counter[str] = Counter()
    for article in articles:
        lead_end = lead_ends.get(article.id, 0)
        for event in events.get(article.id, ()):
            if not event.mover or event.status not in COUNTING:
                continue
            who = names.get(event.mover, event.mover)
            weight = 1.0 + (PLACE_WEIGHT if event.places else 0.0)
            if event.sentence_start < lead_end:
                weight *= LEAD_WEIGHT
            score[who] += weight
        for k, name, _ in people[article.id].positions if article.id in people else ():
            if k < lead_end:
                score[names.get(name, name)] += NAMED_IN_LEAD
    movers = {names.get(e.mover, e.mover) for evs in events.values() for e in evs if e.mover}
    ranked = [(s, n) for n, s in score.items() if n in movers]
    if not ranked:
        return ""
    ranked.sort(key=lambda item: (-item[0], item[1]))
    return ranked[0][1]
