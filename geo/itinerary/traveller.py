"""Who the articles are about: the person whose movements they report, weighed over every article.

A person scores for each movement frame they are the mover of (an earlier, denied or hypothetical trip
scores nothing), more in the headline and the lead, and a little for being named there at all. Names are
unified across articles ("Modi" in one report is the "Narendra Modi" of another).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from geo.model import Article, Event
from geo.reading.events import People
from geo.reading.text import fold

EVENT_WEIGHT = 1.5
"""Per movement frame (with a place) the person is the mover of."""
HEADLINE_MOVED = 3.0
"""More for being the mover of a frame in the headline (the one who "flies home from" somewhere there): the
report is about that trip, however often the host is named below."""
HEADLINE_CHARS = 200
"""A first line longer than this is the lead's paragraph, not a headline."""
LEAD_NAMED = 3.0
"""For being named in the headline or lead: a report names whose trip it is there."""
MENTION_WEIGHT = 0.5
MENTION_CAP = 10
COUNTING = ("happened", "planned", "expected")


def canonical_names(people: Mapping[str, People]) -> dict[str, str]:
    """Every name any article uses → the fullest form of it any article uses."""
    full: list[str] = []
    for p in people.values():
        full.extend(n for n in p.full if n not in full)
    kin = {n for p in people.values() for n in p.kin}
    out: dict[str, str] = {}
    for p in people.values():
        for _, name, _ in p.positions:
            # "Trump" beside "his daughter, Ivanka Trump": a bare name is not a relative's full name, nor is
            # a surname the article used alone before it ("Biden" before "Jill Biden") that full name
            alone = fold(name) in p.known_alone
            single = [n for n in full if n not in kin and not (alone and n in p.full)]
            out[name] = _fullest(name, single if len(name.split()) == 1 else full)
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
    """The traveller's name ("" when no frame has a mover). ``lead_ends``: token index ending each lead."""
    names = canonical_names(people)
    score: dict[str, float] = defaultdict(float)
    movers: set[str] = set()
    for article in articles:
        lead_end = lead_ends.get(article.id, 0)
        headline_end = article.text.find("\n")
        if headline_end > HEADLINE_CHARS:
            headline_end = -1  # a first paragraph, not a headline
        for event in events.get(article.id, ()):
            if not event.mover or event.status not in COUNTING or not event.places:
                continue
            who = names.get(event.mover, event.mover)
            movers.add(who)
            score[who] += EVENT_WEIGHT + (HEADLINE_MOVED if event.sentence_start < headline_end else 0.0)
        if article.id not in people:
            continue
        mentions: Counter[str] = Counter()
        in_lead: set[str] = set()
        for k, name, _ in people[article.id].positions:
            who = names.get(name, name)
            mentions[who] += 1
            if k < lead_end:
                in_lead.add(who)
        for who, count in mentions.items():
            score[who] += MENTION_WEIGHT * min(count, MENTION_CAP) + (LEAD_NAMED if who in in_lead else 0.0)
    leads = {names.get(n, n) for a in articles if a.id in people
             for k, n, _ in people[a.id].positions if k < lead_ends.get(a.id, 0)}  # fmt: skip
    ranked = [(s, n) for n, s in score.items() if n in movers or n in leads]
    if not ranked:
        return ""
    ranked.sort(key=lambda item: (-item[0], item[1]))
    return ranked[0][1]
