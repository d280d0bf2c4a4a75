"""Name folding, and the parse's sentences on real article text."""

from __future__ import annotations

import pytest

from geo.reading.articles import bundled_article_paths, load_article
from geo.reading.parse import parse_texts
from geo.reading.text import fold, fold_compact


@pytest.fixture(scope="module")
def reuters_text() -> str:
    return load_article(bundled_article_paths()[0]).text


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Đồng Đăng", "dong dang"),
        ("Dong Dang", "dong dang"),
        ("Sinŭiju", "sinuiju"),
        ("PYONGYANG", "pyongyang"),
    ],
)
def test_fold_ignores_case_and_accents(name: str, key: str) -> None:
    assert fold(name) == key


def test_fold_compact_drops_apostrophes_and_spaces() -> None:
    assert fold_compact("P'yŏngyang") == fold_compact("Pyongyang") == "pyongyang"


def _sentences(text: str) -> list[str]:
    parsed = parse_texts([text])[0]
    return [parsed.span_text(s).strip() for s in parsed.sentences]


def test_sentences_do_not_end_at_abbreviations(reuters_text: str) -> None:
    left = [s for s in _sentences(reuters_text) if s.startswith("Kim left Pyongyang")]
    assert left == [
        "Kim left Pyongyang by train on Saturday afternoon for the Feb. 27-28 summit accompanied by senior "
        "North Korean officials, North Korea’s official KCNA news agency said."
    ]


def test_a_line_break_ends_a_sentence_even_without_a_full_stop(reuters_text: str) -> None:
    # the photo caption's credit line has no full stop; the next paragraph is a sentence of its own
    assert "Kyodo via REUTERS" in _sentences(reuters_text)
