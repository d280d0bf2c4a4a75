"""Durations, distances and speeds read from an article's parse: "a 70-hour train trip", "some 60 hours",
"two and a half days", "a week-long journey", "an overnight ride of about eleven hours", "more than 3,000
kilometres", "thousands of kilometers", "about 170 km", "an average speed of around 35 miles per hour".

Each figure is matched as a small token pattern (the words of ``data/quantities.json``) over the article's one
parse, converted to hours, kilometres or km/h, and given the range a reader may take it to mean ("about" ±
20 %, "more than" open above). Where it hangs in the tree (``attach``, ``verb``) lets the timing tie it to
the journey or hop it describes; this module does not decide that.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from geo.datafiles import read_json_object
from geo.errors import DataError
from geo.model import Article
from geo.paths import DATA_DIR
from geo.reading.parse import ParsedText
from geo.reading.timeexpr import attachment

QuantityKind = Literal["duration", "distance", "speed"]
Bound = Literal["exact", "approx", "min", "max", "range"]

QUANTITIES_PATH = DATA_DIR / "quantities.json"
_NUMBER = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_GLUED = re.compile(r"^(\d+(?:\.\d+)?)([a-z/]+)$", re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    """A stated duration (hours), distance (km) or speed (km/h), with the range it allows.

    ``value`` is the figure as written (converted); ``low``/``high`` what a reader may take it to mean (None:
    open on that side); ``likely`` the figure to plan with (the value, or a range's middle).
    """

    kind: QuantityKind
    text: str
    start: int
    end: int
    value: float
    low: float | None
    high: float | None
    likely: float
    bound: Bound
    token_start: int
    token_end: int
    sentence: int
    head: int
    attach: int | None
    """The word outside the span the figure modifies, past any preposition ("trip", "took")."""
    verb: int | None
    """The first verb at or above ``attach``."""
    vague: bool = False
    """Only an order of magnitude ("thousands of kilometres")."""
    top_speed: bool = False
    """A speed said to be a maximum ("at up to 60 km/h", "a top speed of"), not an average."""
    reason: str = ""


@dataclass(frozen=True, eq=False)
class QuantityWords:
    """The vocabulary of ``data/quantities.json`` (compared by identity: read once and cached)."""

    numbers: dict[tuple[str, ...], float]
    vague_numbers: dict[tuple[str, ...], tuple[float, float]]
    units: dict[QuantityKind, dict[tuple[str, ...], float]]
    qualifiers: dict[tuple[str, ...], tuple[float | None, float | None]]
    one_unit: tuple[float, float]
    range_words: frozenset[str]
    journey_nouns: frozenset[str]
    duration_verbs: frozenset[str]
    dwell_verbs: frozenset[str]
    travel_verbs: frozenset[str]
    speed_nouns: frozenset[str]
    top_speed_words: tuple[tuple[str, ...], ...]
    hypothetical_aux: frozenset[str]
    offset_words: frozenset[str]


def load_quantity_words(path: str | Path | None = None) -> QuantityWords:
    """Read and check the quantity vocabulary; raise ``DataError`` when it is missing or malformed."""
    source = Path(path) if path is not None else QUANTITIES_PATH
    raw = read_json_object(source, "the quantity words")
    try:
        return _words_from_dict(raw)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DataError(f"{source}: malformed quantity words ({exc!r})") from exc


def _words_from_dict(raw: dict[str, Any]) -> QuantityWords:
    def key(phrase: str) -> tuple[str, ...]:
        return tuple(phrase.casefold().split())

    def factors(value: Any) -> tuple[float | None, float | None]:
        lo, hi = value
        lo_f = None if lo is None else float(lo)
        hi_f = None if hi is None else float(hi)
        if lo_f is not None and hi_f is not None and not lo_f <= 1.0 <= hi_f and lo_f > hi_f:
            raise ValueError(f"bad qualifier range {value!r}")
        return lo_f, hi_f

    def positive(table: dict[str, Any]) -> dict[tuple[str, ...], float]:
        out = {key(k): float(v) for k, v in table.items()}
        if any(v <= 0 for v in out.values()):
            raise ValueError("unit factors and numbers must be positive")
        return out

    one = factors(raw["one_unit"])
    if one[0] is None or one[1] is None:
        raise ValueError("one_unit needs both factors")
    qualifiers = {key(k): factors(v) for k, v in raw["qualifiers"].items()}
    if () not in qualifiers:
        raise ValueError("qualifiers need the empty qualifier (a plainly written figure)")
    return QuantityWords(
        numbers=positive(raw["numbers"]),
        vague_numbers={key(k): (float(v[0]), float(v[1])) for k, v in raw["vague_numbers"].items()},
        units={
            "duration": positive(raw["duration_units"]),
            "distance": positive(raw["distance_units"]),
            "speed": positive(raw["speed_units"]),
        },
        qualifiers=qualifiers,
        one_unit=(one[0], one[1]),
        range_words=frozenset(str(w).casefold() for w in raw["range_words"]),
        journey_nouns=frozenset(str(w).casefold() for w in raw["journey_nouns"]),
        duration_verbs=frozenset(str(w).casefold() for w in raw["duration_verbs"]),
        dwell_verbs=frozenset(str(w).casefold() for w in raw["dwell_verbs"]),
        travel_verbs=frozenset(str(w).casefold() for w in raw["travel_verbs"]),
        speed_nouns=frozenset(str(w).casefold() for w in raw["speed_nouns"]),
        top_speed_words=tuple(key(w) for w in raw["top_speed_words"]),
        hypothetical_aux=frozenset(str(w).casefold() for w in raw["hypothetical_aux"]),
        offset_words=frozenset(str(w).casefold() for w in raw["offset_words"]),
    )


@lru_cache(maxsize=1)
def default_quantity_words() -> QuantityWords:
    """The bundled vocabulary, read once."""
    return load_quantity_words()


def find_quantities(
    article: Article, parsed: ParsedText | None = None, words: QuantityWords | None = None
) -> list[Quantity]:
    """Every duration, distance and speed of ``article`` in text order (``parsed``: its one parse)."""
    if parsed is None:
        from geo.reading.parse import parse_articles

        parsed = parse_articles([article])[article.id]
    reader = _Reader(parsed, words or default_quantity_words())
    found: list[Quantity] = []
    i = 0
    while i < len(parsed.tokens):
        quantity = reader.match(i)
        if quantity is None:
            i += 1
            continue
        found.append(quantity)
        i = quantity.token_end
    return found


def number_ending_at(
    parsed: ParsedText, end: int, words: QuantityWords | None = None
) -> tuple[float, int] | None:
    """(value, first token) of the figure written just before token ``end`` ("a hundred", "fifty", "70")."""
    reader = _Reader(parsed, words or default_quantity_words())
    found = None
    for start in range(end - 1, max(-1, end - 9), -1):
        number = reader.number(start)
        if number is not None and number.end == end and number.vague is None and not number.one_word:
            found = (number.value, start)  # the longest: "a hundred", not "hundred"
    return found


@dataclass(frozen=True)
class _Number:
    value: float
    end: int
    one_word: bool = False
    """"a"/"an": one unit, said loosely."""
    vague: tuple[float, float] | None = None


class _Reader:
    def __init__(self, parsed: ParsedText, words: QuantityWords) -> None:
        self.p = parsed
        self.tokens = parsed.tokens
        self.w = words
        self.n = len(parsed.tokens)
        self.lows = [t.text.casefold() for t in parsed.tokens]

    def low(self, i: int) -> str:
        return self.lows[i] if 0 <= i < self.n else ""

    def word(self, i: int, *, last: bool) -> str:
        """The token's lower-case text; a phrase's last word may carry the sentence's full stop ("h.")."""
        text = self.low(i)
        return text[:-1] if last and len(text) > 1 and text.endswith(".") else text

    def phrase_at(self, i: int, table: str) -> tuple[str, ...] | None:
        """The longest phrase of ``table`` (see ``_phrase_tables``) that starts at token ``i``."""
        first = self.low(i)
        if not first:
            return None
        index = _phrase_tables(self.w)[table]
        candidates = index.get(first, ())
        if first.endswith(".") and len(first) > 1:
            candidates += index.get(first[:-1], ())
        hits = [
            p for p in candidates if all(self.word(i + k, last=k == len(p) - 1) == w for k, w in enumerate(p))
        ]
        return max(hits, key=len) if hits else None

    def number(self, i: int) -> _Number | None:
        """A figure at ``i``: "3,000", "1.5", "two and a half", "twenty-four", "a", "half a", "thousands of"
        (an order of magnitude)."""
        vague = self.phrase_at(i, "vague")
        if vague is not None:
            return _Number(0.0, i + len(vague), vague=self.w.vague_numbers[vague])
        text = self.low(i)
        if text == "half" and self.low(i + 1) in ("a", "an"):
            return _Number(0.5, i + 2)
        value: float | None = None
        end = i + 1
        one_word = False
        if _NUMBER.match(text):
            value = float(text.replace(",", ""))
        else:
            phrase = self.phrase_at(i, "numbers")
            if phrase is None:
                return None
            value = self.w.numbers[phrase]
            end = i + len(phrase)
            one_word = phrase in (("a",), ("an",))
            if one_word and self.low(end) in ("hundred", "thousand"):
                one_word = False  # "a hundred and sixty": the figure starts at "a"
            while self.low(end) == "-" and (self.low(end + 1),) in self.w.numbers and not one_word:
                value += self.w.numbers[(self.low(end + 1),)]
                end += 2
            if (
                (self.low(end),) in self.w.numbers
                and self.low(end) in ("hundred", "thousand")
                and not one_word
            ):
                value *= self.w.numbers[(self.low(end),)]
                end += 1
            if self.low(end - 1) in ("hundred", "thousand") and self.low(end) == "and" and not one_word:
                rest = self.number(end + 1)  # "a hundred and sixty", "two hundred and twenty-five"
                if rest is not None and rest.vague is None and not rest.one_word and rest.value < 100:
                    value, end = value + rest.value, rest.end
        if [self.low(end + k) for k in range(3)] == ["and", "a", "half"]:
            return _Number(value + 0.5, end + 3)
        return _Number(value, end, one_word=one_word)

    def unit(self, i: int) -> tuple[QuantityKind, float, int] | None:
        """(kind, factor, next index) for the unit at ``i`` (the longest phrase; speed before distance)."""
        best: tuple[int, QuantityKind, float] | None = None
        for kind in ("speed", "distance", "duration"):
            table = self.w.units[kind]  # type: ignore[index]
            phrase = self.phrase_at(i, kind)
            if phrase is not None and (best is None or len(phrase) > best[0]):
                best = (len(phrase), kind, table[phrase])  # type: ignore[assignment]
        if best is None:
            return None
        return best[1], best[2], i + best[0]

    def match(self, i: int) -> Quantity | None:
        qualifier = self.phrase_at(i, "qualifiers")
        between = self.low(i) == "between"
        j = i + len(qualifier) if qualifier else i + 1 if between else i
        glued = _GLUED.match(self.low(j))
        if glued:
            unit_word = glued.group(2)
            for kind in ("speed", "distance", "duration"):
                factor = self.w.units[kind].get((unit_word,))  # type: ignore[index]
                if factor is not None:
                    return self.build(
                        i,
                        j + 1,
                        kind,
                        float(glued.group(1)) * factor,
                        None,  # type: ignore[arg-type]
                        qualifier,
                        None,
                        False,
                    )
            return None
        number = self.number(j)
        if number is None:
            return None
        k = number.end
        second: _Number | None = None
        if self.low(k) in self.w.range_words and (between or self.low(k) != "and"):
            other = self.number(k + 1)
            if other is not None and other.vague is None and not other.one_word:
                unit_between = self.unit(other.end)
                if unit_between is not None or self.unit(k + 1) is None:
                    second, k = other, other.end
        if self.low(k) == "-":
            k += 1
        unit = self.unit(k)
        if unit is None and second is None and between:
            return None
        if unit is None:
            return None
        kind, factor, k = unit
        if between and second is None and self.low(k) == "and":
            other = self.number(k + 1)
            other_unit = self.unit(other.end) if other is not None else None
            if other is not None and other_unit is not None and other_unit[0] == kind:
                second = _Number(other.value * other_unit[1] / factor, other.end)
                k = other_unit[2]
        if [self.low(k + t) for t in range(3)] == ["and", "a", "half"] and kind == "duration":
            number = _Number(number.value + 0.5, number.end)
            k += 3
        if self.low(k) == "-" and self.low(k + 1) in ("long", "plus"):
            k += 2
        elif self.low(k) in ("-long", "-plus"):
            k += 1
        if number.one_word and kind != "duration":
            return None
        if number.vague is not None:
            low, high = number.vague[0] * factor, number.vague[1] * factor
            return self.build(i, k, kind, low, high, qualifier, None, vague=True)
        value = number.value * factor
        high_value = second.value * factor if second is not None else None
        return self.build(i, k, kind, value, high_value, qualifier, number, vague=False)

    def build(
        self,
        start: int,
        end: int,
        kind: QuantityKind,
        value: float,
        second: float | None,
        qualifier: tuple[str, ...] | None,
        number: _Number | None,
        vague: bool,
    ) -> Quantity:
        low: float | None
        high: float | None
        if vague:
            assert second is not None
            low, high, bound, likely = value, second, "min", value
            reason = "order of magnitude"
        elif second is not None:
            low, high, bound, likely = value, second, "range", (value + second) / 2
            reason = "range"
        else:
            factors: tuple[float | None, float | None] = self.w.qualifiers[qualifier or ()]
            if number is not None and number.one_word and not qualifier:
                factors = self.w.one_unit
            low = value * factors[0] if factors[0] is not None else None
            high = value * factors[1] if factors[1] is not None else None
            name = " ".join(qualifier) if qualifier else ""
            if factors[1] is None:
                bound = "min"
            elif factors[0] == 0.0:
                bound = "max"
            elif name or (number is not None and number.one_word):
                bound = "approx"
            else:
                bound = "exact"
            likely = value
            reason = f"{name or 'as written'}: {_fmt(low)}–{_fmt(high)}"
        top = kind == "speed" and (qualifier == ("up", "to") or self.top_speed_before(start))
        head, attach, verb = attachment(self.p, start, end)
        tokens = self.tokens
        return Quantity(
            kind=kind, text=self.p.tokens_text(start, end), start=tokens[start].start,
            end=tokens[end - 1].end,
            value=value, low=low, high=high, likely=likely, bound=bound,  # type: ignore[arg-type]
            token_start=start, token_end=end, sentence=tokens[start].sent, head=head, attach=attach,
            verb=verb,
            vague=vague, top_speed=top, reason=reason,
        )  # fmt: skip

    def top_speed_before(self, start: int) -> bool:
        window = range(max(0, start - 4), start)
        return any(self.phrase_at(k, "top") for k in window)


Index = dict[str, tuple[tuple[str, ...], ...]]


@lru_cache(maxsize=4)
def _phrase_tables(words: QuantityWords) -> dict[str, Index]:
    """Each phrase list indexed by its first word, so matching at a token looks at a few phrases only."""

    def index(phrases: Iterable[tuple[str, ...]]) -> Index:
        out: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            if phrase:
                out.setdefault(phrase[0], []).append(phrase)
        return {k: tuple(v) for k, v in out.items()}

    return {
        "vague": index(words.vague_numbers),
        "numbers": index(words.numbers),
        "qualifiers": index(words.qualifiers),
        "top": index(words.top_speed_words),
        **{kind: index(table) for kind, table in words.units.items()},
    }


def _fmt(value: float | None) -> str:
    return "open" if value is None else f"{value:g}"


__all__ = ["Quantity", "QuantityWords", "default_quantity_words", "find_quantities", "load_quantity_words"]
