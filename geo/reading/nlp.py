"""The English language pipeline (spaCy), loaded once per process and checked against ``data/nlp.json``.

spaCy is imported here and nowhere else, and only when an article has to be parsed: a reading found in the
cache (``geo.reading.parse``) never needs it, which keeps a warm ``python -m geo build`` fast.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geo.datafiles import read_json_object
from geo.errors import DataError, ModelError
from geo.paths import DATA_DIR

NLP_PATH = DATA_DIR / "nlp.json"


@dataclass(frozen=True)
class ModelSpec:
    """Which pipeline the reader was written and tested for."""

    package: str
    name: str
    version: str
    components: tuple[str, ...]
    install_hint: str

    @property
    def key(self) -> str:
        """Part of every cached reading's key: another model means another reading."""
        return f"{self.name}-{self.version}"


@functools.cache
def model_spec(path: Path | None = None) -> ModelSpec:
    data = read_json_object(path or NLP_PATH, "the language-model settings")
    try:
        return ModelSpec(
            package=str(data["package"]),
            name=str(data["name"]),
            version=str(data["version"]),
            components=tuple(str(c) for c in data["components"]),
            install_hint=str(data["install_hint"]),
        )
    except (KeyError, TypeError) as exc:
        raise DataError(f"cannot read {path or NLP_PATH}: missing {exc}") from exc


@functools.cache
def load_nlp(spec: ModelSpec | None = None) -> Any:
    """The spaCy ``Language`` of ``spec``; ``ModelError`` (one line) when it is missing or not that model."""
    spec = spec or model_spec()
    try:
        import spacy
    except ImportError as exc:
        raise ModelError(f"spaCy is not installed; install the project with {spec.install_hint}") from exc
    try:
        nlp = spacy.load(spec.package)
        _break_at_line_ends(spacy)
        nlp.add_pipe("geo_line_breaks", before="parser")
        _split_at_dashes(spacy, nlp)
    except OSError as exc:
        raise ModelError(
            f"the English model {spec.package} {spec.version} is not installed; run {spec.install_hint}"
        ) from exc
    check_model(nlp.meta, tuple(nlp.pipe_names), spec)
    return nlp


def check_model(meta: dict[str, Any], components: tuple[str, ...], spec: ModelSpec) -> None:
    """Refuse a pipeline that is not the pinned one: its reading would differ from the tested one."""
    found = f"{meta.get('name')} {meta.get('version')}"
    if meta.get("name") != spec.name or meta.get("version") != spec.version:
        raise ModelError(f"the English model is {found}, expected {spec.name} {spec.version}")
    missing = [c for c in spec.components if c not in components]
    if missing:
        raise ModelError(f"the English model {found} lacks the components {', '.join(missing)}")


def _split_at_dashes(spacy: Any, nlp: Any) -> None:
    """Make an em or en dash a token of its own wherever it stands.

    The English tokenizer splits a dash between two letters but not after a full stop or a digit, and
    period copy and some house styles set dashes without spaces: "Jan. 25.—Miss Nellie Bly stepped down",
    "Monday—the day the train arrived". Left joined, "25.—Miss" is one token and the title is lost.
    """
    infixes = [*nlp.Defaults.infixes, r"[—–]"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer


def _break_at_line_ends(spacy: Any) -> None:
    """Register a component that starts a sentence after every line break.

    News text puts headlines, datelines, captions and paragraphs on lines of their own, often with no full
    stop; the parser would otherwise run a caption into the next paragraph. It respects preset starts.
    """
    from spacy.language import Language

    if Language.has_factory("geo_line_breaks"):
        return

    @Language.component("geo_line_breaks")
    def line_breaks(doc: Any) -> Any:
        for token in doc[:-1]:
            if token.is_space and "\n" in token.text:
                doc[token.i + 1].is_sent_start = True
        return doc
