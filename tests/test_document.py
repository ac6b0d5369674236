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


def test_paragraph_tone_is_the_word_weighted_mean_of_its_sentences():
    # "The bus arrived at noon." (5 words, no sentiment word: tone 0) and "The rescue was a wonderful success."
    # (6 words, tone clipped at +1): 0 × 5/11 + 1 × 6/11.
    doc = analyze(text="The bus arrived at noon. The rescue was a wonderful success.")
    assert list(doc.sentences["word_count"]) == [5, 6] and list(doc.sentences["tone"]) == [0, 1]
    assert doc.paragraph_records[0]["tone"] == pytest.approx(6 / 11, abs=1e-4)


def test_seed_paragraph_scores_lie_between_their_sentences(seed):
    sentences = seed.sentences
    for row in seed.paragraphs.itertuples():
        own = sentences[sentences["paragraph"] == row.index]
        if own.empty:
            assert pd.isna(row.tone)
            continue
        for name in ("tone", "vader_compound", "textblob_polarity", "textblob_subjectivity"):
            assert own[name].min() - 1e-4 <= getattr(row, name) <= own[name].max() + 1e-4


def test_loaded_density_is_per_100_words():
    doc = analyze(text="The thugs blocked the road.")  # 1 loaded term in 5 words
    assert doc.paragraph_records[0]["loaded_density"] == 20.0


def test_article_figures_cover_body_and_lead_in_only():
    doc = analyze(text="Harbour Strike Ends\n\nBy Jane Doe\n\nThe strike ended on Monday, the union said.\n\n"
                       "* * *\n\nWorkers returned.\n\nAdvertisement")
    assert list(doc.paragraphs["kind"]) == ["title", "byline", "body", "separator", "body", "boilerplate"]
    record = doc.article_record
    assert (record["word_count"], record["paragraph_count"], record["attribution_count"]) == (8 + 2, 2, 1)


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



def test_analyze_takes_an_article_as_read_and_names_a_wrong_type():
    from analysis import Article

    article = Article("a", "Rebels Seize Airport\n\nThe militants stormed the airport, officials said.", outlet="Example")
    doc = analyze(article)
    assert (doc.article.id, doc.article.text, doc.article.title) == ("a", article.text, "Rebels Seize Airport")
    assert doc.analysis.attributions
    from_text = analyze(text=article.text, id="a", outlet="Example").analysis
    assert (doc.analysis.attributions, doc.analysis.loaded_terms) == (from_text.attributions, from_text.loaded_terms)
    with pytest.raises(TypeError, match="not int"):
        analyze(3)

def test_tone_arc_smooths_and_marks_turns():
    text = "\n\n".join(["A wonderful, happy success for everyone."] * 3 + ["A horrible, tragic disaster for all."] * 3)
    doc = analyze(text=text)
    arc = doc.tone_arc
    assert [p["paragraph"] for p in arc] == list(range(6))
    assert arc[0]["smoothed"] > 0 > arc[-1]["smoothed"]
    assert [p["paragraph"] for p in arc if p["turn"]] == doc.article_record["tone_turns"] and len(doc.article_record["tone_turns"]) == 1


def test_disagreeing_analyzers_are_flagged():
    # VADER reads "won" as positive, TextBlob "small" as negative: opposite signs, both at least 0.1 from zero.
    disagree = analyze(text="The opposition won only a small share of the vote.").paragraph_records[0]
    assert disagree["vader_compound"] >= 0.1 and disagree["textblob_polarity"] <= -0.1
    assert disagree["analyzers_disagree"] is True
    agree = analyze(text="The plan is a great success.").paragraph_records[0]
    assert agree["vader_compound"] > 0 and agree["textblob_polarity"] > 0
    assert agree["analyzers_disagree"] is False
    # Opposite signs, but TextBlob stays within 0.1 of zero: not a disagreement.
    weak = analyze(text="The first half was great, but the second half was bad.").paragraph_records[0]
    assert weak["vader_compound"] <= -0.1 and 0 < weak["textblob_polarity"] < 0.1
    assert weak["analyzers_disagree"] is False
