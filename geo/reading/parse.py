"""One parse per article: tokens, sentences, lemmas, parts of speech, the dependency tree and entities.

Every step that reads text (place mentions, movement events, time expressions) reads this one
``ParsedText``; nothing else splits sentences or tokenises. It is a plain, spaCy-free copy of what the
pipeline found, so it can be cached on disk: a reading is keyed by the text's hash, the model and
``PARSE_FORMAT``, and a cache hit never imports spaCy.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from geo.model import Article
from geo.reading.nlp import ModelSpec, load_nlp, model_spec

PARSE_FORMAT = 3
"""Bump when the cached layout or what is taken from the parse changes."""

CACHE_ENV = "GEO_CACHE_DIR"
MULTIPROCESS_MIN_WORDS = 20_000
"""Below this many words a second process costs more to start than it saves."""

_COLUMNS = ("text", "ws", "lemma", "pos", "tag", "dep", "head", "ent_iob", "ent_type", "sent_start")


@dataclass(frozen=True)
class Token:
    """One token: its text, character span in the article, and what the parser says of it."""

    i: int
    text: str
    start: int
    end: int
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    ent_iob: str
    ent_type: str
    sent: int

    @property
    def lower(self) -> str:
        return self.text.casefold()


@dataclass(frozen=True)
class Span:
    """Tokens ``[start, end)``; ``char_start``/``char_end`` index the article text; ``label`` for entities."""

    start: int
    end: int
    char_start: int
    char_end: int
    label: str = ""


@dataclass(frozen=True, eq=False)
class ParsedText:
    """The reading of one article, with tree helpers. Hashed by identity (it is built once per article)."""

    text: str
    tokens: tuple[Token, ...]
    sentences: tuple[Span, ...]
    entities: tuple[Span, ...]
    noun_chunks: tuple[Span, ...]
    model: str

    def __len__(self) -> int:
        return len(self.tokens)

    def span_text(self, span: Span) -> str:
        return self.text[span.char_start : span.char_end]

    def tokens_text(self, start: int, end: int) -> str:
        """Text of tokens ``[start, end)`` as written (with its inner spaces)."""
        if start >= end:
            return ""
        return self.text[self.tokens[start].start : self.tokens[end - 1].end]

    @functools.cached_property
    def _children(self) -> tuple[tuple[int, ...], ...]:
        kids: list[list[int]] = [[] for _ in self.tokens]
        for token in self.tokens:
            if token.head != token.i:
                kids[token.head].append(token.i)
        return tuple(tuple(k) for k in kids)

    def children(self, i: int) -> tuple[int, ...]:
        return self._children[i]

    def where_clauses(self, i: int) -> list[int]:
        """The relative clauses on token ``i`` that "where" opens ("Patras, where he boarded a liner")."""
        return [c for c in self._children[i] if self.tokens[c].dep == "relcl"
                and any(self.tokens[w].lower == "where" for w in self._children[c])]  # fmt: skip

    @functools.cached_property
    def _edges(self) -> tuple[tuple[int, int], ...]:
        """Leftmost and rightmost token of each token's subtree."""
        left = [t.i for t in self.tokens]
        right = [t.i for t in self.tokens]
        for token in self.tokens:
            seen = set()
            head = token.i
            while self.tokens[head].head != head and head not in seen:
                seen.add(head)
                head = self.tokens[head].head
                left[head] = min(left[head], token.i)
                right[head] = max(right[head], token.i)
        return tuple(zip(left, right, strict=True))

    def subtree(self, i: int) -> range:
        left, right = self._edges[i]
        return range(left, right + 1)

    def ancestors(self, i: int) -> Iterator[int]:
        seen = {i}
        while self.tokens[i].head != i:
            i = self.tokens[i].head
            if i in seen:
                return
            seen.add(i)
            yield i

    def sentence(self, i: int) -> Span:
        return self.sentences[self.tokens[i].sent]

    def paragraph_start(self, char: int) -> int:
        """Where the paragraph holding character ``char`` begins (after the blank line before it)."""
        before = self.text.rfind("\n\n", 0, char)
        return before + 2 if before >= 0 else 0

    def is_heading(self, sent: Span) -> bool:
        """A short sentence with no verb ("Washington, 1 July.", "Beijing, 9 to 11 July."): an explainer's
        heading for the paragraph it opens, which the frame reader and the time reader both ask about."""
        words = self.tokens[sent.start : sent.end]
        return len(words) <= 10 and not any(t.pos in ("VERB", "AUX") for t in words)

    def takes_had(self, i: int) -> bool:
        """Token ``i`` has "had" for its auxiliary ("had begun", "had been driven"): the past perfect, which
        the frame reader and the time reader both ask about."""
        kids = (self.tokens[c] for c in self.children(i))
        return any(c.dep == "aux" and c.lower in ("had", "'d") for c in kids)

    def by_way_of(self, i: int) -> bool:
        """Token ``i`` is the "of" of "by way of Lyons", which says "via" to the place and frame readers."""
        before = [t.lower for t in self.tokens[max(0, i - 2) : i]]
        return self.tokens[i].lower == "of" and before == ["by", "way"]

    def object_as_adverb(self, i: int) -> bool:
        """Token ``i`` is a proper noun right after its verb that the small parser made the verb's adverb
        ("The column entered Nadiad"): the object, which the place reader and the frame reader both need."""
        tok = self.tokens[i]
        return tok.dep == "advmod" and tok.pos == "PROPN" and tok.head == i - 1

    @functools.cached_property
    def _starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    @functools.cached_property
    def first_line_end(self) -> int:
        """Where the article's first line (its headline, when it has one) ends: the text's end when it has
        one line only."""
        end = self.text.find("\n")
        return len(self.text) if end < 0 else end

    @functools.cached_property
    def headline_in_capitals(self) -> bool:
        """The first line is set in capitals ("TITO SIGNS PARTY DECLARATION, LEAVES MOSCOW TONIGHT"), which
        the small model parses as one long run of proper-noun compounds: the people finder asks twice."""
        end = self.first_line_end
        head = [t for t in self.tokens if t.end <= end and t.text.isalpha() and len(t.text) > 1]
        return len(head) >= 3 and sum(t.text.isupper() for t in head) >= 0.8 * len(head)

    def token_at(self, char: int) -> int:
        """Index of the token covering (or first after) character ``char``."""
        i = bisect.bisect_right(self._starts, char) - 1
        if i < 0:
            return 0
        if self.tokens[i].end <= char and i + 1 < len(self.tokens):
            return i + 1
        return i

    def entity_at(self, i: int) -> Span | None:
        for ent in self._entity_of[i : i + 1]:
            return ent
        return None

    @functools.cached_property
    def _entity_of(self) -> list[Span | None]:
        out: list[Span | None] = [None] * len(self.tokens)
        for ent in self.entities:
            for k in range(ent.start, ent.end):
                out[k] = ent
        return out

    def to_json(self) -> dict[str, Any]:
        columns: dict[str, list[Any]] = {name: [] for name in _COLUMNS}
        for token in self.tokens:
            nxt = self.tokens[token.i + 1].start if token.i + 1 < len(self.tokens) else token.end
            columns["text"].append(token.text)
            columns["ws"].append(self.text[token.end : nxt])
            columns["lemma"].append(token.lemma)
            columns["pos"].append(token.pos)
            columns["tag"].append(token.tag)
            columns["dep"].append(token.dep)
            columns["head"].append(token.head)
            columns["ent_iob"].append(token.ent_iob)
            columns["ent_type"].append(token.ent_type)
            columns["sent_start"].append(1 if self.sentences[token.sent].start == token.i else 0)
        return {
            "format": PARSE_FORMAT,
            "model": self.model,
            "lead": self.tokens[0].start if self.tokens else len(self.text),
            "columns": columns,
            "entities": [[e.start, e.end, e.label] for e in self.entities],
            "noun_chunks": [[c.start, c.end] for c in self.noun_chunks],
        }


def _spans(tokens: Sequence[Token], bounds: Sequence[Sequence[Any]]) -> tuple[Span, ...]:
    spans = []
    for bound in bounds:
        start, end = int(bound[0]), int(bound[1])
        if 0 <= start < end <= len(tokens):
            label = str(bound[2]) if len(bound) > 2 else ""
            spans.append(Span(start, end, tokens[start].start, tokens[end - 1].end, label))
    return tuple(spans)


FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP"})
"""Tags of a finite verb, which no name holds."""


def _names_only(
    tokens: tuple[Token, ...], bounds: Sequence[Sequence[Any]]
) -> tuple[tuple[Token, ...], list[Sequence[Any]]]:
    """Entities cut before a finite verb inside them: "Guevara reached Cusco", which the small model tags as
    one person, is the person "Guevara"; the words from the verb on lose the tag (the gazetteer decides
    what "Cusco" is)."""
    out: list[Sequence[Any]] = []
    cut: set[int] = set()
    for bound in bounds:
        start, end = int(bound[0]), int(bound[1])
        verb = next((k for k in range(start + 1, min(end, len(tokens)))
                     if tokens[k].tag in FINITE_VERB_TAGS and tokens[k].pos == "VERB"), None)  # fmt: skip
        out.append(bound if verb is None else (start, verb, *bound[2:]))
        if verb is not None:
            cut.update(range(verb, min(end, len(tokens))))
    if cut:
        tokens = tuple(replace(t, ent_iob="O", ent_type="") if t.i in cut else t for t in tokens)
    return tokens, out


def parsed_from_json(text: str, data: dict[str, Any]) -> ParsedText:
    """Rebuild a reading from its cached form; ``ValueError`` when it does not fit ``text``."""
    if data.get("format") != PARSE_FORMAT:
        raise ValueError("another parse format")
    columns = data["columns"]
    offset = int(data["lead"])
    tokens: list[Token] = []
    sent = -1
    sent_starts: list[int] = []
    for i, word in enumerate(columns["text"]):
        if columns["sent_start"][i] or i == 0:
            sent += 1
            sent_starts.append(i)
        end = offset + len(word)
        if text[offset:end] != word:
            raise ValueError("the cached reading does not match the text")
        tokens.append(
            Token(
                i, word, offset, end, columns["lemma"][i], columns["pos"][i], columns["tag"][i],
                columns["dep"][i], int(columns["head"][i]), columns["ent_iob"][i], columns["ent_type"][i],
                sent,
            )
        )  # fmt: skip
        offset = end + len(columns["ws"][i])
    bounds = list(zip(sent_starts, [*sent_starts[1:], len(tokens)], strict=True))
    named_tokens, entities = _names_only(tuple(tokens), data["entities"])
    return ParsedText(
        text=text,
        tokens=named_tokens,
        sentences=_spans(tokens, bounds),
        entities=_spans(named_tokens, entities),
        noun_chunks=_spans(tokens, data["noun_chunks"]),
        model=str(data["model"]),
    )


def opens_with_a_gerund(parsed: ParsedText, ent: Span) -> bool:
    """An entity whose first word is a verb's -ing form ("Leaving Oakland", which the small model tags as a
    person) is a clause the tagger misread, not a name."""
    return ent.end - ent.start > 1 and parsed.tokens[ent.start].tag == "VBG"


def parsed_from_doc(text: str, doc: Any, model: str) -> ParsedText:
    """Copy what the reader uses out of a spaCy ``Doc`` (token texts from ``text``, the original)."""
    sent_index = [0] * len(doc)
    sentences = []
    for k, sent in enumerate(doc.sents):
        sentences.append((sent.start, sent.end))
        for i in range(sent.start, sent.end):
            sent_index[i] = k
    tokens = tuple(
        Token(
            t.i, text[t.idx : t.idx + len(t.text)], t.idx, t.idx + len(t.text), t.lemma_, t.pos_, t.tag_,
            t.dep_, t.head.i,
            t.ent_iob_, t.ent_type_, sent_index[t.i],
        )
        for t in doc
    )  # fmt: skip
    tokens, entities = _names_only(tokens, [(e.start, e.end, e.label_) for e in doc.ents])
    return ParsedText(
        text=text,
        tokens=tokens,
        sentences=_spans(tokens, sentences),
        entities=_spans(tokens, entities),
        noun_chunks=_spans(tokens, [(c.start, c.end) for c in doc.noun_chunks]),
        model=model,
    )


# --- the reading cache -----------------------------------------------------------------------------------


def default_cache_dir() -> Path:
    """``$GEO_CACHE_DIR/readings`` when set, else the per-user cache directory of this application."""
    root = os.environ.get(CACHE_ENV)
    if root:
        return Path(root) / "readings"
    import platformdirs

    return Path(platformdirs.user_cache_dir("geo-journey")) / "readings"


def reading_key(text: str, spec: ModelSpec) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
    lowered = [*sorted(headline_words()), "|", *sorted(headline_small_words())]
    words = hashlib.sha256(" ".join(lowered).encode("utf-8")).hexdigest()[:8]
    return f"{digest}-{spec.key}-p{PARSE_FORMAT}-h{words}"


@functools.cache
def headline_words() -> frozenset[str]:
    """Verb forms read in lower case in a title-case headline ("Lukashenko Leaves for Moscow")."""
    from geo.reading.lexicon import load_lexicon

    out: set[str] = set()
    for verb in load_lexicon().raw.get("headline_verbs", ()):
        stem = verb[:-1] if verb.endswith("e") else verb
        out.update({verb, verb + "s", verb + "es", stem + "ed", stem + "ing", verb + "ed"})
    out.update({"flies", "flew", "left", "came", "went", "took", "made", "began", "held", "met", "set"})
    return frozenset(out)


@functools.cache
def headline_small_words() -> frozenset[str]:
    """Prepositions, articles and conjunctions a title-case headline capitalises ("… Havana Atop a Tank")."""
    from geo.reading.lexicon import load_lexicon

    return frozenset(load_lexicon().raw.get("headline_small_words", ()))


_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


def _headline_case(match: re.Match[str]) -> str:
    """One word of a title-case headline as the parser should see it: verbs always in lower case, small
    words except at the start of the line (where every sentence capitalises them)."""
    word = match.group(0)
    lower = word.lower()
    if lower in headline_words():
        return lower
    if lower in headline_small_words() and match.string[: match.start()].strip():
        return lower
    return word


def for_the_parser(text: str) -> str:
    """The text as the parser should see it: verbs of title-case headlines in lower case, same length.

    Offsets do not move, so every span the parser finds indexes the original text."""
    out = []
    for line in text.splitlines(keepends=True):
        words = _WORD.findall(line)
        capitalised = sum(1 for w in words if w[0].isupper())
        if 3 <= len(words) <= 25 and capitalised >= 0.7 * len(words) and not line.rstrip().endswith("."):
            line = _WORD.sub(_headline_case, line)
        out.append(line)
    return "".join(out)


def _read_cached(path: Path, text: str) -> ParsedText | None:
    try:
        with path.open(encoding="utf-8") as handle:
            return parsed_from_json(text, json.load(handle))
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None


def _write_cached(path: Path, parsed: ParsedText) -> None:
    """Best effort and atomic: a reading that cannot be cached is simply parsed again next time."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".reading-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(parsed.to_json(), handle, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)


def parse_texts(
    texts: Sequence[str], *, cache_dir: Path | str | None = None, use_cache: bool = True
) -> list[ParsedText]:
    """Parse each text once (spaCy ``nlp.pipe``, two processes for large batches), reusing cached readings."""
    spec = model_spec()
    folder = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    out: list[ParsedText | None] = [None] * len(texts)
    todo: list[int] = []
    for k, text in enumerate(texts):
        cached = _read_cached(folder / f"{reading_key(text, spec)}.json", text) if use_cache else None
        if cached is None:
            todo.append(k)
        else:
            out[k] = cached
    if todo:
        nlp = load_nlp(spec)
        words = sum(len(texts[k].split()) for k in todo)
        n_process = 2 if words >= MULTIPROCESS_MIN_WORDS and (os.cpu_count() or 1) > 1 else 1
        docs = nlp.pipe((for_the_parser(texts[k]) for k in todo), n_process=n_process, batch_size=16)
        for k, doc in zip(todo, docs, strict=True):
            parsed = parsed_from_doc(texts[k], doc, spec.key)
            out[k] = parsed
            if use_cache:
                _write_cached(folder / f"{reading_key(texts[k], spec)}.json", parsed)
    return [p for p in out if p is not None]


def parse_articles(
    articles: Sequence[Article], *, cache_dir: Path | str | None = None, use_cache: bool = True
) -> dict[str, ParsedText]:
    """Each article's one reading, by article id."""
    parsed = parse_texts([a.text for a in articles], cache_dir=cache_dir, use_cache=use_cache)
    return {article.id: p for article, p in zip(articles, parsed, strict=True)}
