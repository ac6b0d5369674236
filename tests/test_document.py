import json
from pathlib import Path

import pandas as pd
import pytest
from spans import check_record

from analysis import Document, analyze, read_analysis

SEED = Path("seeds/000_8122d49cfe791c67.txt")
TEXTS = [
    "One line only, no title.",
    "A Headline Without A Period\n\nBy Jane Roe\n\n“Quote one,” she said. He claimed that the “so-called” plan failed.\n\n* * *\n\nThe end.",
    'Straight "quotes" and an unclosed "mark\n\nNext paragraph with ‘single’ quotes and Syria’s apostrophe.',
    "Mixed\r\nnewlines\rare normalized. The regime’s thugs reportedly fled, according to AP.",
    "  Leading and trailing NBSP\u00a0\n\n\u00a0Text.\u00a0 ",
]


@pytest.fixture(scope="module")
def seed() -> Document:
    return analyze(SEED, actors="seeds/aleppo-2024.actors.yml")


def test_seed_record_keeps_the_offsets_contract(seed):
    check_record(seed.to_dict())


@pytest.mark.parametrize("text", TEXTS)
def test_written_texts_keep_the_offsets_contract(text):
    check_record(analyze(text=text).to_dict())


def test_article_text_of_a_txt_file_is_its_content(seed):
    assert seed.text == SEED.read_text(encoding="utf-8")
    assert seed.article.title.startswith("Turkey-Backed Jihadists")


def test_one_row_per_paragraph_sentence_and_span(seed):
    a = seed.analysis
    assert len(seed.paragraphs) == len(a.paragraphs)
    assert len(seed.sentences) == len(a.sentences) == len(a.tones)
    assert len(seed.quotes) == len(a.quotes)
    assert len(seed.loaded_terms) == len(a.loaded_terms)
    assert len(seed.attributions) == len(a.attributions)
    assert (seed.paragraphs["text"] == [seed.text[p.start:p.end] for p in a.paragraphs]).all()


def test_paragraph_scores_are_word_weighted_means_of_sentences(seed):
    sentences = seed.sentences
    for row in seed.paragraphs.itertuples():
        own = sentences[sentences["paragraph"] == row.index]
        if own.empty:
            assert pd.isna(row.tone)
            continue
        weights = own["word_count"].clip(lower=1)
        for name in ("tone", "vader_compound", "textblob_polarity", "textblob_subjectivity"):
            expected = (own[name] * weights).sum() / weights.sum()
            assert getattr(row, name) == pytest.approx(expected, abs=1e-4)


def test_loaded_density_is_per_100_words(seed):
    for row in seed.paragraphs.itertuples():
        if row.word_count:
            assert row.loaded_density == pytest.approx(100 * row.loaded_count / row.word_count, abs=1e-4)


def test_article_figures_cover_body_and_lead_in_only(seed):
    record = seed.article_record
    running = seed.paragraphs[seed.paragraphs["kind"].isin(["body", "lead_in"])]
    assert record["word_count"] == running["word_count"].sum()
    assert record["paragraph_count"] == len(running)
    assert record["attribution_count"] == running["attribution_count"].sum()


def test_separators_and_boilerplate_are_not_analysed():
    doc = analyze(text="First Title Here\n\nThe regime fell, the army said.\n\n* * *\n\nThe regime rose again, he said.")
    separator = doc.paragraphs[doc.paragraphs["kind"] == "separator"]
    assert len(separator) == 1 and separator.iloc[0]["sentence_count"] == 0
    assert pd.isna(separator.iloc[0]["tone"])
    assert next(p for p in doc.paragraph_records if p["kind"] == "separator")["tone"] is None


def test_json_is_deterministic_and_round_trips(seed, tmp_path):
    again = analyze(SEED, actors="seeds/aleppo-2024.actors.yml")
    assert seed.to_json() == again.to_json()
    saved = tmp_path / "seed.json"
    saved.write_text(seed.to_json(), encoding="utf-8")
    assert read_analysis(saved).to_json() == seed.to_json()


def test_summary_names_the_headline_figures(seed):
    summary = seed.summary()
    assert summary["id"] == "000_8122d49cfe791c67"
    assert summary["paragraph_kinds"]["separator"] == 2
    assert summary["loaded_count"] == seed.article_record["loaded_count"]
    json.dumps(summary)


def test_breakdowns_sum_to_their_totals(seed):
    """One definition of each figure: categories sum to the loaded terms, source types to the attributions."""
    summary = seed.summary()
    assert sum(summary["loaded_by_category"].values()) == summary["loaded_count"]
    assert sum(summary["source_types"].values()) == summary["attribution_count"]
    assert seed.loaded_categories["terms"].sum() == summary["loaded_count"]
    assert seed.source_types["attributions"].sum() == summary["attribution_count"]
    assert sum(seed.article_record["loaded_category_shares"].values()) == pytest.approx(1, abs=1e-3)
    assert {k: v for k, v in summary.items() if k in seed.article_record} == \
        {k: v for k, v in seed.article_record.items() if k in summary}


def test_read_analysis_rejects_other_json(tmp_path):
    from analysis import InputError

    path = tmp_path / "other.json"
    path.write_text('{"id": "x", "text": "y"}', encoding="utf-8")
    with pytest.raises(InputError, match="not a saved analysis"):
        read_analysis(path)


def test_analyze_takes_a_path_or_text_not_both():
    with pytest.raises(TypeError):
        analyze(SEED, text="x")
    with pytest.raises(TypeError):
        analyze()


def test_tone_arc_smooths_and_marks_turns():
    text = "\n\n".join(["A wonderful, happy success for everyone."] * 3 + ["A horrible, tragic disaster for all."] * 3)
    doc = analyze(text=text)
    arc = doc.tone_arc
    assert [p["paragraph"] for p in arc] == list(range(6))
    assert arc[0]["smoothed"] > 0 > arc[-1]["smoothed"]
    assert [p["paragraph"] for p in arc if p["turn"]] == doc.article_record["tone_turns"] and len(doc.article_record["tone_turns"]) == 1


def test_disagreeing_analyzers_are_flagged():
    doc = analyze(text="The plan failed, though it was the best ever.")
    record = doc.paragraph_records[0]
    assert record["analyzers_disagree"] == ((record["vader_compound"] * record["textblob_polarity"] < 0)
                                           and min(abs(record["vader_compound"]), abs(record["textblob_polarity"])) >= 0.1)
