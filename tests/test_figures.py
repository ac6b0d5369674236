"""Article figures: one registry, each figure with a meaning, the same value in the JSON, the summary and tables."""

from __future__ import annotations

from dataclasses import replace

import pytest

from analysis import LoadedTerm, analyze
from analysis._figures import ARTICLE_FIGURES, Facts

TEXT = ("Jihadists Storm The Town\n\n"
        "The militants stormed the town on Saturday, officials said. The army reportedly withdrew.\n\n"
        "“We will never surrender,” the governor told reporters.")


@pytest.fixture(scope="module")
def doc():
    return analyze(text=TEXT, id="town")


def test_every_figure_says_what_it_means():
    for figure in ARTICLE_FIGURES.values():
        assert figure.meaning and figure.label, figure.name


def test_figures_are_the_same_in_json_summary_and_table(doc):
    record, summary, row = doc.article_record, doc.summary(), doc.figures.iloc[0]
    for name, figure in ARTICLE_FIGURES.items():
        assert record[name] == summary[name] == doc.figure_values[name]
        if figure.scalar:
            assert row[name] == record[name] or (record[name] is None and row[name] != row[name])
        else:
            assert name not in doc.figures.columns


def test_headline_loaded_density_counts_the_title_paragraph(doc):
    title_words = 4  # "Jihadists Storm The Town": one loaded term in it, one in the body
    terms = (LoadedTerm(0, 0, 9, "Jihadists", "labeling"), LoadedTerm(1, 40, 47, "stormed", "emotive"))
    facts = Facts(replace(doc.analysis, loaded_terms=terms))
    assert ARTICLE_FIGURES["headline_loaded_density"].compute(facts) == pytest.approx(100 / title_words)
    assert analyze(text="the militants stormed the town.").figure_values["headline_loaded_density"] is None


def test_source_types_sum_to_the_attributions_with_none_for_a_hedge(doc):
    values = doc.figure_values
    assert values["source_types"]["none"] == 1  # "reportedly"
    assert sum(values["source_types"].values()) == values["attribution_count"]
    # 3 attributions (said, reportedly, told) in 13 + 8 running words
    assert (values["attribution_count"], values["word_count"]) == (3, 21)
    assert values["attribution_density"] == pytest.approx(300 / 21, abs=1e-4)


def test_direct_quote_share_is_among_attributions_with_content(doc):
    # "officials said" is indirect, "the governor told reporters" direct; "reportedly" has no content
    assert doc.figure_values["direct_quote_share"] == 0.5


def test_formatting_for_people():
    assert ARTICLE_FIGURES["tone"].format(0.25) == "+0.25"
    assert ARTICLE_FIGURES["anonymous_share"].format(0.5) == "50%"
    assert ARTICLE_FIGURES["loaded_density"].format(None) == "–"
    assert ARTICLE_FIGURES["source_types"].format({"media": 1, "official": 3}) == "official 3, media 1"


def test_bias_probability_is_the_mean_over_the_sentences(doc):
    sentences = doc.analysis.sentences  # the headline, two body sentences, the quote
    assert [s.paragraph for s in sentences] == [0, 1, 1, 2]
    facts = Facts(replace(doc.analysis, sentence_bias=(0.9, 0.2, 0.4, 0.6)))
    assert ARTICLE_FIGURES["headline_bias_probability"].compute(facts) == 0.9
    assert ARTICLE_FIGURES["bias_probability"].compute(facts) == 0.4  # (0.2 + 0.4 + 0.6) / 3
    assert [r["bias_probability"] for r in facts.paragraph_records] == [0.9, 0.3, 0.6]
    assert ARTICLE_FIGURES["bias_probability"].compute(Facts(replace(doc.analysis, sentence_bias=()))) is None
