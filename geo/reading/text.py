"""Name folding shared by every step (sentences come from the one parse, ``geo.reading.parse``)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACE = re.compile(r"\s+")
_PUNCT = re.compile(r"[\u2019'`´.\-‐-―]")
# Letters with no decomposition that NFKD leaves untouched.
_EXTRA = str.maketrans({"đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "ß": "ss", "ı": "i"})


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Key for case- and accent-insensitive matching: "Đà Nẵng" → "da nang", "Chŏngjin" → "chongjin".

    Apostrophes, dots and hyphens become spaces so "Ch'ŏngjin" and "Chongjin" stay apart only by a space,
    which ``fold_compact`` removes for a second-chance lookup. Cached: every step folds the same few
    thousand words of an article again and again.
    """
    text = name.translate(_EXTRA)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _PUNCT.sub(" ", text.casefold())
    return _SPACE.sub(" ", text).strip()


def fold_compact(name: str) -> str:
    """``fold`` without spaces: "Ch'ongjin" → "chongjin", "Da Nang" → "danang"."""
    return fold(name).replace(" ", "")
