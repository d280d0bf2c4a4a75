"""Name folding and sentence spans on real article text."""

from __future__ import annotations

import pytest

from geo.reading.articles import bundled_article_paths, load_article
from geo.reading.text import fold, fold_compact, sentence_spans


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


def test_sentences_do_not_end_at_abbreviations(reuters_text: str) -> None:
    sentences = [reuters_text[s:e] for s, e in sentence_spans(reuters_text)]
    left = [s for s in sentences if s.startswith("Kim left Pyongyang")]
    assert left == [
        "Kim left Pyongyang by train on Saturday afternoon for the Feb. 27-28 summit accompanied by senior "
        "North Korean officials, North Korea’s official KCNA news agency said."
    ]


def test_sentences_end_after_closing_quote_only_after_a_full_stop(reuters_text: str) -> None:
    sentences = [reuters_text[s:e] for s, e in sentence_spans(reuters_text)]
    assert "Kim will also make an official goodwill visit to Vietnam “soon,” KCNA said." in sentences


def test_sentence_spans_cover_only_text() -> None:
    text = "First one.  Second one!\n\nThird"
    assert [text[s:e] for s, e in sentence_spans(text)] == ["First one.", "Second one!", "Third"]
