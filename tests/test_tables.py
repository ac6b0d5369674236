"""Tidy tables: an article_id column first, scalar cells only, so that tables of several articles concatenate."""

from __future__ import annotations

import io

import pandas as pd

from analysis import analyze


def test_tables_of_two_articles_concatenate_with_scalar_cells(tmp_path):
    docs = [analyze("seeds/000_8122d49cfe791c67.txt", actors="seeds/aleppo-2024.actors.yml"),
            analyze(text="Rebels Take The City\n\nThe rebels took the city, officials said. “It fell,” he said.", id="b")]
    first, second = (doc.tables() for doc in docs)
    assert first.keys() == second.keys()
    for name in first:
        both = pd.concat([first[name], second[name]], ignore_index=True)
        assert list(both.columns) == list(first[name].columns) == list(second[name].columns), name
        assert both.columns[0] == "article_id"
        assert set(both["article_id"]) <= {docs[0].article.id, "b"}
        for column in both.columns:
            assert not both[column].map(lambda v: isinstance(v, (dict, list, set, tuple))).any(), (name, column)
        buffer = io.StringIO()
        both.to_csv(buffer, index=False)
        assert len(pd.read_csv(io.StringIO(buffer.getvalue()))) == len(both)


def test_paragraph_breakdowns_are_columns():
    doc = analyze(text="Rebels Take The City\n\nThe so-called liberators took the city, officials said.", id="b")
    row = doc.paragraphs.iloc[1]
    record = doc.paragraph_records[1]
    assert row["source_official"] + row["source_anonymous"] == sum(record["source_types"].values())
    assert sum(row[f"loaded_{c}"] for c in record["loaded_categories"]) == record["loaded_count"]


def test_attributions_name_the_voice_the_voices_table_counts():
    doc = analyze(text="Water Runs Out\n\n“We have nothing,” said Ana Ruiz. Ruiz added that cattle died.", id="w")
    assert list(doc.attributions["voice"]) == ["Ana Ruiz", "Ana Ruiz"]
    voice = doc.voices.set_index("source").loc["Ana Ruiz"]
    assert voice["attributions"] == 2 and voice["cue_neutral"] == 2 and voice["paragraph_count"] == 1
