"""Text helpers shared by every step: name folding and sentence spans."""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")
_PUNCT = re.compile(r"[\u2019'`´.\-‐-―]")
# Letters with no decomposition that NFKD leaves untouched.
_EXTRA = str.maketrans({"đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "ß": "ss", "ı": "i"})


def fold(name: str) -> str:
    """Key for case- and accent-insensitive matching: "Đà Nẵng" → "da nang", "Chŏngjin" → "chongjin".

    Apostrophes, dots and hyphens become spaces so "Ch'ŏngjin" and "Chongjin" stay apart only by a space,
    which ``fold_compact`` removes for a second-chance lookup.
    """
    text = name.translate(_EXTRA)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _PUNCT.sub(" ", text.casefold())
    return _SPACE.sub(" ", text).strip()


def fold_compact(name: str) -> str:
    """``fold`` without spaces: "Ch'ongjin" → "chongjin", "Da Nang" → "danang"."""
    return fold(name).replace(" ", "")


_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\u201d\"]))\s+(?=[\"\u201c]?[A-Z0-9])|\n+")
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Gov|Sen|Rep|Lt|Col|Prof|U\.S|U\.N|Jan|Feb|Mar|Apr|"
                     r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|vs|etc|[A-Z])\.)$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text`` (paragraph breaks always end a sentence).

    A full stop after a common abbreviation ("Feb.", "U.S.", "Mr.") does not end a sentence.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        head = text[start : match.start()]
        if "\n" not in match.group() and _ABBREV.search(head):
            continue
        _append(spans, text, start, match.start())
        start = match.end()
    _append(spans, text, start, len(text))
    return spans


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
