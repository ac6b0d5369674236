"""Source types on a written set of sources of every kind (tests/data/attribution/source_types.tsv)."""

import csv
from pathlib import Path

import pytest

from analysis._source_types import _TYPES_MEMO, _first_listed, _listed_type, load_source_types

ROWS = [row for row in csv.DictReader(
    (line for line in (Path(__file__).parent / "data" / "attribution" / "source_types.tsv").open(encoding="utf-8")
     if not line.startswith("#")), delimiter="\t")]


def test_the_set_covers_a_hundred_sources_of_every_type():
    assert len(ROWS) >= 100
    assert {row["type"] for row in ROWS} >= {"person", "official", "military", "media", "organization", "document",
                                             "anonymous", "social_media", "pronoun"}


SOURCES = load_source_types()


@pytest.mark.parametrize("row", ROWS, ids=[row["source"] for row in ROWS])
def test_source_type(row):
    assert SOURCES.type_of(row["source"]) == row["type"], row["kind"]


def test_the_memo_of_source_types_stays_bounded():
    sources = load_source_types()
    for k in range(_TYPES_MEMO + 10):
        sources.type_of(f"Officer {k}")
    assert 0 < len(sources.memo) <= _TYPES_MEMO
    assert sources.type_of("the ministry") == "official"


def test_the_listed_types_are_remembered_as_found_and_stay_bounded():
    sources = load_source_types()
    phrases = [row["source"] for row in ROWS] + [word for row in ROWS for word in row["source"].split()]
    found = [_first_listed(phrase, sources) for phrase in phrases]
    assert {"official", None} <= set(found)
    assert [_listed_type(phrase, sources) for phrase in phrases] == found
    assert [_listed_type(phrase, sources) for phrase in phrases] == found  # now from the memo
    for k in range(_TYPES_MEMO + 10):
        _listed_type(f"Officer {k}", sources)
    assert 0 < len(sources.listed) <= _TYPES_MEMO
