"""Each article read once: its parse, the place mentions, the people and the movement frames in it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from geo.model import Article, Event, Mention
from geo.reading.events import People, find_events, find_people, in_byline
from geo.reading.lexicon import Lexicon, load_lexicon
from geo.reading.mentions import SupportsGeocode, find_mentions
from geo.reading.parse import ParsedText, Span, parse_articles
from geo.reading.quantities import Quantity, find_quantities
from geo.reading.timeexpr import TimeExpression, find_time_expressions, story_told_from, told_long_before

LEAD_SENTENCES = 2
"""Headline, dateline and lead: where a report says whose trip it is."""


@dataclass(frozen=True)
class Reading:
    """What the reader found in one article; every later step reads this, never the raw text again."""

    article: Article
    parsed: ParsedText
    mentions: tuple[Mention, ...]
    people: People
    events: tuple[Event, ...]
    times: tuple[TimeExpression, ...]
    quantities: tuple[Quantity, ...] = ()
    """Durations, distances and speeds, read once with the default words (timing and routing use them)."""

    @property
    def lead_end_token(self) -> int:
        """Token index where the headline and lead end (people are recorded by token); a byline ("By Hana
        Lindqvist, Eastgate Broadcasting") is not part of the lead."""
        sentences = [s for s in self.parsed.sentences if not in_byline(self.parsed, s)]
        # the headline, then sentences with a verb: a dateline the splitter cut off ("VLADIVOSTOK", "—")
        # is not the lead
        told = sentences[:1] + [s for s in sentences[1:] if _has_verb(self.parsed, s)]
        return told[min(LEAD_SENTENCES, len(told)) - 1].end if told else 0


def _has_verb(parsed: ParsedText, sentence: Span) -> bool:
    return any(t.pos in ("VERB", "AUX") for t in parsed.tokens[sentence.start : sentence.end])


def _still_to_come(
    events: Sequence[Event], times: Sequence[TimeExpression], doc: ParsedText, article: Article
) -> tuple[Event, ...]:
    """"He leaves tonight by special train for Kiev", "On Sunday she makes a short stop in Canton before
    flying on to Hong Kong": a move in the present tense dated after the report was filed is still to come,
    and so are the moves under it that have no tense of their own (a noun, "flying")."""
    ahead = [t.verb for t in times if t.verb is not None and not t.stamp and t.earliest is not None
             and t.earliest > article.published and doc.tokens[t.verb].tag in ("VBZ", "VBP")]  # fmt: skip
    under = {k for v in ahead for k in doc.subtree(v)
             if k == v or doc.tokens[k].tag in ("VBG", "NN", "NNS")}  # fmt: skip
    return tuple(replace(e, status="planned") if e.status == "happened" and e.token in under else e
                 for e in events)  # fmt: skip


def read_articles(
    articles: Sequence[Article], geocoder: SupportsGeocode, lexicon: Lexicon | None = None
) -> list[Reading]:
    """Parse every article once (``nlp.pipe``, cached on disk), then read places, people and frames."""
    lex = lexicon or load_lexicon()
    parsed = parse_articles(articles)
    readings = []
    for article in articles:
        doc = parsed[article.id]
        mentions = tuple(find_mentions(article, doc, geocoder, lex))
        people = find_people(doc, lex, mentions)
        times = tuple(find_time_expressions(article, doc))
        story = next((t.story_date for t in times if t.story_date is not None), None)
        told_from = story_told_from(times, article.published.date())
        events = tuple(find_events(article, doc, mentions, lex, people, story.year if story else None,
                                   told_from.year if told_from else None))
        long_before = told_long_before(times, doc, article.published.date())
        events = tuple(
            replace(e, status="earlier") if e.status == "happened" and doc.tokens[e.token].sent in long_before
            else e
            for e in events
        )  # fmt: skip
        events = _still_to_come(events, times, doc, article)
        quantities = tuple(find_quantities(article, doc))
        readings.append(Reading(article, doc, mentions, people, events, times, quantities))
    return readings
