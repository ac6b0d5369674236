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


def test_voices_join_a_titled_surname_to_the_full_name():
    doc = analyze(text=(
        "Benjamin Todd Jealous, the president of the civil rights group, said the resolution was overdue.\n\n"
        "President Barack Obama said on Tuesday that the talks would go on. Obama’s claim that they would end soon "
        "was denied.\n\n"
        "“We will not back down,” Mr. Jealous said. Obama added that he was hopeful.\n\n"
        "One pastor supporting Mr. Cruz said the church would vote. Mr. Cruz said he was grateful.\n\n"
        "The New York Times reported the vote. The Times said turnout was high."
    ))
    voices = doc.voices.set_index("source")
    assert voices.loc["Benjamin Todd Jealous", "attributions"] == 2  # he speaks for the group, the title is Mr.
    assert voices.loc["President Barack Obama", "attributions"] == 3  # "Obama’s claim" too
    assert voices.loc["Mr. Cruz", "attributions"] == 1  # the pastor's description ends with no full name
    assert voices.loc["The New York Times", "attributions"] == 2
    assert set(voices.index) == {"Benjamin Todd Jealous", "President Barack Obama", "One pastor supporting Mr. Cruz",
                                 "Mr. Cruz", "The New York Times"}


def test_voices_keep_two_people_a_courtesy_title_tells_apart():
    doc = analyze(text="Mr. Khan said the speech was true. Ms. Khan said she could not speak. Mr. Khan added more.")
    assert doc.voices.set_index("source")["attributions"].to_dict() == {"Mr. Khan": 2, "Ms. Khan": 1}


def test_a_surname_joins_a_full_name_written_after_it():
    doc = analyze(text="Issa Says Talks Failed\n\nIssa said the talks had failed.\n\n"
                       "Rep. Darrell Issa said on Monday that the committee would meet again.")
    voices = doc.voices.set_index("source")
    assert voices["attributions"].to_dict() == {"Rep. Darrell Issa": 3}  # the headline's "Issa Says" too
    assert voices.loc["Rep. Darrell Issa", "type"] == "official"  # the full name's type
