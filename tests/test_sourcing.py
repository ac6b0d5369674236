import pytest

from analysis import analyze


@pytest.fixture(scope="module")
def doc():
    return analyze(text=(
        "Water Runs Out In Valley Towns\n\n"
        "Wells ran dry in three towns on Monday, officials said. The river is at its lowest in a century. "
        "The dam was reportedly closed.\n\n"
        "“We have nothing left,” said Ana Ruiz, a farmer in Palmar. Ruiz added that her cattle were dying. "
        "Sources at the ministry said aid would come.\n\n"
        "The drought is a disgrace."
    ))


def test_paragraph_sourcing_figures(doc):
    first, second = doc.paragraph_records[1], doc.paragraph_records[2]
    assert first["attributed_sentence_share"] == pytest.approx(1 / 3, abs=1e-4)
    assert first["hedged_sentence_count"] == 1
    assert first["source_types"] == {"anonymous": 1}
    assert second["direct_count"] == 1 and second["indirect_count"] == 2
    assert second["attributed_sentence_share"] == 1.0
    assert second["cue_classes"] == {"neutral": 3}


def test_article_shares(doc):
    record = doc.article_record
    assert record["anonymous_share"] == pytest.approx(2 / 4)
    # body sentences: 3 + 3 + 1; unattributed assertions: "The river …", "The drought …"
    assert record["unattributed_share"] == pytest.approx(2 / 7, abs=1e-4)


def test_voices_join_surnames_and_leave_appositives_out(doc):
    voices = doc.voices.set_index("source")
    assert voices.loc["Ana Ruiz", "attributions"] == 2
    assert voices.loc["Ana Ruiz", "type"] == "person"
    assert voices.loc["Ana Ruiz", "content_words"] == 4 + 4
    assert set(voices.index) == {"Ana Ruiz", "officials", "Sources at the ministry"}
