"""Comparisons on constructed articles where the answer is known."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from analysis import ComparisonError, analyze, compare, read_analysis

ACTORS = """\
- name: HTS
  aliases: [HTS, Hayat Tahrir al-Sham]
  labels: [rebels, terrorists]
- name: Syrian government
  aliases: [Syrian army, Damascus]
"""
TITLE = "Fighters Take Aleppo Airport\n\n"
SEIZED = "The {label} seized the international airport of Aleppo on Saturday, the Syrian army said in a statement.\n\n"
SCHOOLS = "Schools and government offices stayed closed across the city, and most residents remained indoors.\n\n"
WITNESS = "“The streets are empty and the bakeries are shut,” said Mariam Haddad, an aid worker in western Aleppo.\n\n"
RESIDENTS = "Residents said the power was cut in several districts overnight.\n\n"
TRUCE = "The offensive began on Wednesday, the day a ceasefire between Israel and Hezbollah took effect in Lebanon."


@pytest.fixture(scope="module")
def cmp(tmp_path_factory):
    """Two articles that differ in the label for HTS ("rebels" / "terrorists") and in one paragraph: only the first
    quotes an aid worker."""
    folder = tmp_path_factory.mktemp("compare")
    actors = folder / "actors.yml"
    actors.write_text(ACTORS, encoding="utf-8")
    first = analyze(text=TITLE + SEIZED.format(label="rebels") + SCHOOLS + WITNESS + RESIDENTS + TRUCE, id="first",
                    outlet="Wire")
    second = analyze(text=TITLE + SEIZED.format(label="terrorists") + SCHOOLS + TRUCE, id="second")
    return compare([first, second], actors=actors)


def test_naming_matrix_shows_the_label_each_article_uses(cmp):
    labels = cmp.naming[(cmp.naming["actor"] == "HTS") & cmp.naming["is_label"]]
    assert {(r.article_id, r.word, r.mentions) for r in labels.itertuples()} == {("first", "rebels", 1),
                                                                                  ("second", "terrorists", 1)}
    army = cmp.naming[cmp.naming["actor"] == "Syrian government"]
    assert set(army["article_id"]) == {"first", "second"} and set(army["word"]) == {"syrian army"}


def test_voices_show_the_source_only_one_article_quotes(cmp):
    voices = cmp.voices.set_index(["article_id", "voice"])
    assert voices.loc[("first", "Mariam Haddad"), "only_here"]
    assert ("second", "Mariam Haddad") not in voices.index
    army = voices.xs("the Syrian army", level="voice")
    assert set(army.index) == {"first", "second"} and not army["only_here"].any() and (army["articles"] == 2).all()
    residents = voices.loc[("first", "Residents")]
    assert residents["type"] == "anonymous" and not residents["only_here"]  # an unnamed source is nobody's own
    shared = cmp.voice_cues[cmp.voice_cues["shared"]]
    assert set(shared["voice"]) == {"the Syrian army"} and set(shared["cue_class"]) == {"neutral"}


def test_alignment_shows_the_omitted_paragraph_unmatched(cmp):
    first = cmp.paragraphs[(cmp.paragraphs["article_id"] == "first") & cmp.paragraphs["kind"].isin(["body"])]
    unmatched = first[first["matched_articles"] == 0]
    assert [t[:20] for t in unmatched["text"]] == ["“The streets are emp", "Residents said the p"]
    assert (first[first["matched_articles"] != 0]["matched_articles"] == 1).all()
    rows = cmp.alignment[(cmp.alignment["article_id"] == "second")]
    assert rows["matched"].all() and (rows["other_article_id"] == "first").all()
    assert cmp.coverage.set_index(["article_id", "other_article_id"]).loc[("second", "first"), "share"] == 1.0


def test_side_by_side_marks_the_largest_difference(cmp):
    table = cmp.side_by_side
    assert set(table["figure"]) >= {"word_count", "loaded_density", "author_loaded_density", "headline_loaded_density",
                                    "tone", "author_tone", "attribution_density", "direct_quote_share",
                                    "anonymous_share", "unattributed_share", "source_types", "loaded_category_shares"}
    words = table[table["figure"] == "word_count"].set_index("article_id")
    assert words.loc["first", "value"] > words.loc["second", "value"]
    assert list(words["largest_difference"]) == [True, False]  # two articles: the larger value is marked
    assert words.loc["first", "distance"] == words.loc["first", "value"] - words.loc["second", "value"]


def test_labels_are_the_outlet_else_the_file_name_else_the_id(cmp, tmp_path):
    assert cmp.labels == {"first": "Wire", "second": "second"}
    path = tmp_path / "some-article.txt"
    path.write_text(TITLE + SCHOOLS + TRUCE, encoding="utf-8")
    again = compare([path, path], labels=None)
    assert list(again.labels.values()) == ["some-article", "some-article (2)"]
    assert len(set(again.articles["article_id"])) == 2


def test_labels_must_match_the_articles_and_two_articles_are_needed():
    doc = analyze(text=TITLE + SCHOOLS, id="one")
    with pytest.raises(ComparisonError, match="at least two"):
        compare([doc])
    with pytest.raises(ComparisonError, match="1 labels for 2 articles"):
        compare([doc, doc], labels=["a"])


def test_without_an_actors_file_the_actors_are_shared():
    texts = ["Aleppo Falls\n\nThe Harbour Union said the Harbour Union would strike. Ana Lopez agreed.",
             "Aleppo Falls\n\nThe Harbour Union stopped work, the Harbour Union said."]
    cmp = compare([analyze(text=t, id=str(k)) for k, t in enumerate(texts)])
    union = cmp.naming[cmp.naming["actor"] == "Harbour Union"]
    assert set(union["article_id"]) == {"0", "1"}



def test_one_articles_surname_joins_another_articles_full_name():
    texts = ["Veto Overridden\n\nCongress overrode the veto of Barack Obama on Wednesday. Obama called it a mistake.",
             "Veto Overridden\n\nLawmakers rejected the Obama veto. Obama said the vote was wrong, and Obama aides agreed.",
             "Veto Overridden\n\nThe Senate voted 97 to 1. Obama had warned against the bill; Obama lost."]
    cmp = compare([analyze(text=t, id=str(k)) for k, t in enumerate(texts)])
    obama = cmp.naming[cmp.naming["actor"] == "Barack Obama"]
    assert set(obama["article_id"]) == {"0", "1", "2"}
    assert set(obama[obama["article_id"] == "1"]["word"]) == {"obama"}
    assert "Obama" not in set(cmp.naming["actor"])

def test_every_table_has_article_ids_and_scalar_cells(cmp):
    for name, frame in cmp.tables().items():
        assert list(frame.columns[:2]) == ["article_id", "article"], name
        for column in frame.columns:
            assert not frame[column].map(lambda v: isinstance(v, (dict, list, set, tuple))).any(), (name, column)
        buffer = io.StringIO()
        frame.to_csv(buffer, index=False)
        assert len(pd.read_csv(io.StringIO(buffer.getvalue()))) == len(frame)


def test_voices_are_matched_across_articles_by_name():
    from analysis._compare import _voice_names

    sources = [("Ruiz", "person"), ("Ana Ruiz", "person"), ("the army", "military"), ("The Syrian army", "military"),
               ("Colonel Oleg Ignasyuk of the Russian Reconciliation Center", "military"),
               ("Colonel Oleg Ignasyuk", "military"), ("AFP", "media"), ("The AFP", "media"),
               ("The White House", "official"), ("White House Press Secretary Sarah Sanders", "official")]
    assert _voice_names(sources) == ["Ana Ruiz", "Ana Ruiz", "the army", "The Syrian army", "Colonel Oleg Ignasyuk",
                                     "Colonel Oleg Ignasyuk", "AFP", "AFP", "The White House",
                                     "White House Press Secretary Sarah Sanders"]


def test_the_shared_actors_mentions_keep_the_tone_toward_them(tmp_path):
    """As the pipeline gives it with the actors file, for an analysed document and for one read from its JSON."""
    from analysis._actors import load_actors
    from analysis._compare import _with_actors
    from analysis._pipeline import load_resources

    actors = tmp_path / "actors.yml"
    actors.write_text(ACTORS, encoding="utf-8")
    text = TITLE + SEIZED.format(label="terrorists") + SCHOOLS + WITNESS + TRUCE
    with_file = analyze(text=text, id="a", actors=actors)
    saved = tmp_path / "a.json"
    saved.write_text(analyze(text=text, id="a").to_json(), encoding="utf-8")
    for document in (analyze(text=text, id="a"), read_analysis(saved)):
        rebuilt = _with_actors([document], load_actors(actors), load_resources())[0]
        assert rebuilt.analysis.actor_mentions == with_file.analysis.actor_mentions
        assert any(m.tone_toward is not None for m in rebuilt.analysis.actor_mentions)


def test_voices_are_one_across_titles_and_unknown_pronouns_are_nobody_shared():
    first = analyze(text="Talks Resume\n\nHe said the hall was full. Barack Obama said the talks would resume.",
                    id="first")
    second = analyze(text="Talks Resume\n\nHe said more was needed. “We are hopeful,” Mr. Obama said.", id="second")
    voices = compare([first, second]).voices.set_index(["article_id", "source"])
    assert voices.loc[("second", "Mr. Obama"), "voice"] == "Barack Obama"
    assert (voices.xs("Barack Obama", level="source")["articles"] == 2).all()
    he = voices[voices["type"] == "pronoun"]
    assert not he.empty and (he["articles"] == 1).all() and not he["only_here"].any()
