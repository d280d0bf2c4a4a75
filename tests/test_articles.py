"""Reading articles: the bundled JSON files, plain text, and every kind of bad input."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from geo.errors import InputError
from geo.reading.articles import (
    MAX_ARTICLE_BYTES,
    InferredDateWarning,
    article_from_text,
    articles_from_sources,
    bundled_article_paths,
    latest_absolute_date,
    load_article,
    load_articles,
    parse_published,
)

SHARED = Path(__file__).resolve().parents[2] / "shared" / "articles"


def test_bundled_articles_carry_publication_metadata() -> None:
    articles = {a.id: a for a in load_articles(bundled_article_paths())}
    reuters = articles["000_bde62e97f9f7df89"]
    nbc = articles["003_00fa2c3822e22cb8"]
    assert reuters.publisher == "Reuters"
    assert reuters.dateline == "Seoul"
    assert reuters.published.date().isoformat() == "2019-02-24"
    assert reuters.published.utcoffset() == timedelta(hours=9)
    assert reuters.published.strftime("%A") == "Sunday"
    assert nbc.publisher == "NBC News"
    assert nbc.published.date().isoformat() == "2019-02-09"
    assert nbc.title == "Trump says second summit with North Korea's Kim Jong Un will be in Hanoi"


@pytest.mark.skipif(not SHARED.is_dir(), reason="shared/articles is not beside this checkout")
def test_bundled_text_is_the_source_file_unchanged() -> None:
    for path in bundled_article_paths():
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["text"] == (SHARED / data["source_file"]).read_text(encoding="utf-8")


def test_plain_text_takes_the_given_date(tmp_path: Path) -> None:
    path = tmp_path / "trip.txt"
    path.write_text("The train left Pyongyang on Monday.", encoding="utf-8")
    when = datetime(2019, 4, 24, tzinfo=UTC)
    article = load_article(path, published=when)
    assert (article.id, article.published, article.published_inferred) == ("trip", when, False)


def test_plain_text_without_date_uses_latest_date_in_text_and_warns(tmp_path: Path) -> None:
    path = tmp_path / "trip.txt"
    path.write_text("Photo taken on April 24, 2019. Earlier, on 2 March 2018, he met.", encoding="utf-8")
    with pytest.warns(InferredDateWarning, match="2019-04-24"):
        article = load_article(path)
    assert article.published == datetime(2019, 4, 24, tzinfo=UTC)
    assert article.published_inferred


def test_latest_absolute_date_ignores_partial_dates() -> None:
    assert latest_absolute_date("On Feb. 26 and in 1958, nothing else.") is None
    assert str(latest_absolute_date("June 12, 2018 and Feb. 8, 2019")) == "2019-02-08"


def test_text_with_no_date_and_no_option_is_an_input_error() -> None:
    with pytest.raises(InputError, match="no publication date"):
        article_from_text("The train left on Monday.")


def test_duplicate_file_names_get_distinct_ids(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text("Text of 1 May 2020.", encoding="utf-8")
    when = datetime(2020, 5, 1, tzinfo=UTC)
    ids = [a.id for a in load_articles([tmp_path / "a" / "story.txt", tmp_path / "b" / "story.txt"], when)]
    assert ids == ["story", "story-2"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"caf\xe9 au lait", "not UTF-8"),
        (b"PK\x03\x04\x00\x00binary", "binary"),
        (b"x" * (MAX_ARTICLE_BYTES + 1), "too large"),
    ],
    ids=["empty", "blank", "latin-1", "binary", "too-large"],
)
def test_bad_files_raise_one_clear_input_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        load_article(path, published=datetime(2020, 1, 1, tzinfo=UTC))


def test_missing_file_and_directory_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_article(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="directory"):
        load_article(tmp_path)


@pytest.mark.parametrize(
    ("content", "message"),
    [("{not json", "not valid JSON"), ("[1, 2]", "JSON object"), ('{"text": "x"}', "published")],
)
def test_malformed_json_articles(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_article(path)


def test_parse_published_accepts_dates_and_offsets() -> None:
    assert parse_published("2019-02-24") == datetime(2019, 2, 24, tzinfo=UTC)
    assert parse_published("2019-02-24T09:00+09:00").utcoffset() == timedelta(hours=9)
    with pytest.raises(InputError, match="not a date"):
        parse_published("last Sunday")


def test_sources_become_articles_with_unique_ids_and_noon_utc_dates() -> None:
    sources = [("trip.txt", b"He left Minsk by train."), ("trip.md", "Он уехал.".encode()), ("x", b"Text.")]
    articles = articles_from_sources(sources, date(2024, 3, 1), " Belta ")
    assert [a.id for a in articles] == ["trip", "trip-2", "x"]
    assert articles[0].published == datetime(2024, 3, 1, 12, tzinfo=UTC)
    assert {a.publisher for a in articles} == {"Belta"}


def test_a_bad_source_is_named_in_the_error() -> None:
    with pytest.raises(InputError, match=r"^second\.txt: not UTF-8"):
        articles_from_sources([("first.txt", b"Fine."), ("second.txt", b"\xff\xfe\xfa")], date(2024, 3, 1))


def test_no_sources_is_an_input_error() -> None:
    with pytest.raises(InputError, match="add an article"):
        articles_from_sources([], date(2024, 3, 1))
