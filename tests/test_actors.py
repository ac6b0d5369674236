import pytest

from analysis import DataFileError, analyze
from analysis._actors import load_actors

ACTORS = """
- name: Harbour Union
  aliases: [Harbour Union, dockworkers' union]
  labels: [strikers, militants]
- name: City Council
  aliases: [City Council, the council]
"""


def test_mentions_by_name_alias_and_label_with_sentence_tone(tmp_path):
    path = tmp_path / "actors.yml"
    path.write_text(ACTORS, encoding="utf-8")
    doc = analyze(text="The Harbour Union walked out. The militants blocked the gate. The council praised the wonderful deal.",
                  actors=path)
    mentions = doc.actor_mentions
    assert list(mentions["text"]) == ["Harbour Union", "militants", "The council"]
    assert list(mentions["label"]) == [False, True, False]
    table = doc.actors.set_index("actor")
    assert table.loc["Harbour Union", "mentions"] == 2 and table.loc["Harbour Union", "label_mentions"] == 1
    assert table.loc["City Council", "tone"] > 0


def test_seed_actors_file_is_valid():
    actors = load_actors("seeds/aleppo-2024.actors.yml")
    assert {a.name for a in actors} >= {"HTS", "Syrian government"}


@pytest.mark.parametrize("content", ["just text", "- aliases: [x]", "- name: X\n  labels: nope", "[]"])
def test_bad_actor_files_are_clear_errors(tmp_path, content):
    path = tmp_path / "actors.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError):
        load_actors(path)


def test_without_a_file_actors_are_the_frequent_names_with_their_labels():
    doc = analyze(text="Harbour Strike Grows\n\nThe Harbour Union said the strike would go on. Union thugs blocked "
                       "the gate, the company said. The Harbour Union denied it. Mayor Ruiz met the Harbour Union. "
                       "Mayor Ruiz was hopeful.")
    table = doc.actors.set_index("actor")
    assert {"Harbour Union", "Ruiz"} <= set(table.index)  # a title is no part of the name
    # three by name, "Union" (its last word, no other name ends so) and "thugs" (tied: "Union thugs")
    assert table.loc["Harbour Union", "mentions"] == 5 and table.loc["Harbour Union", "label_mentions"] == 1


def test_per_paragraph_actor_tones(tmp_path):
    path = tmp_path / "actors.yml"
    path.write_text(ACTORS, encoding="utf-8")
    doc = analyze(text="The Harbour Union won a wonderful deal.\n\nThe council failed badly. The militants were angry.",
                  actors=path)
    rows = doc.actor_paragraphs.set_index(["actor", "paragraph"])
    assert rows.loc[("Harbour Union", 0), "tone"] > 0
    assert rows.loc[("City Council", 1), "tone"] < 0
    assert rows.loc[("Harbour Union", 1), "label_mentions"] == 1


def test_without_a_file_forms_of_one_name_are_one_actor_and_non_names_are_none():
    doc = analyze(text="Vote Count\n\nPresident Ana Kowalski spoke on Monday. Some critics said Kowalski’s plan failed. "
                       "Coverage was thin. Ms. Kowalski denied it, Jan. 5. Sen. Ortiz objected, and Ortiz voted no. "
                       "The Republican senator was angry; the coverage was wrong.")
    actors = set(doc.actors["actor"])
    assert "Ana Kowalski" in actors and "Ortiz" in actors
    assert not actors & {"Kowalski", "Kowalski’s", "Some", "Coverage", "Monday", "Jan", "Sen", "Republican"}
    assert doc.actors.set_index("actor").loc["Ana Kowalski", "mentions"] == 3


def test_without_a_file_a_label_counts_only_where_the_text_ties_it():
    doc = analyze(text="Border Clash\n\nHarbour Front, the extremist group, shelled the port. Harbour Front said it "
                       "would go on. Residents fled from extremist gangs across the river.")
    mentions = doc.actor_mentions
    labels = mentions[mentions["label"]]
    assert list(labels["text"]) == ["extremist group"] and list(labels["actor"]) == ["Harbour Front"]


def _names_of(text):
    """The names ``_actors`` reads in one untagged sentence."""
    from analysis._actors import _names
    from analysis._tokens import tokenize

    return list(_names(tokenize(text, 0, len(text))))


def test_and_joins_two_names_unless_it_continues_a_name_with_of():
    assert _names_of("Lawmakers in the House and Senate voted, as did Democrats and Mr. Obama.") == [
        "Lawmakers", "House", "Senate", "Democrats", "Obama"]
    assert _names_of("The Department of Health and Human Services said so.") == [
        "Department of Health and Human Services"]
    assert _names_of("Johnson & Johnson said so.") == ["Johnson & Johnson"]


def test_a_one_word_name_joins_a_persons_name_only():
    from collections import Counter

    from analysis._actors import merged_forms

    forms = merged_forms(Counter({"Syria": 4, "Russian Reconciliation Center for Syria": 2, "Aleppo": 9,
                                  "Aleppo Citadel": 1, "Bashar": 1, "Bashar Assad": 3, "Assad": 5}))
    assert forms["Bashar Assad"] == {"Bashar Assad", "Bashar", "Assad"}
    assert forms["Syria"] == {"Syria"} and forms["Aleppo"] == {"Aleppo"}


def test_a_hyphenated_modifier_is_no_part_of_a_name():
    assert _names_of("Fighters entered AQ-held Idlib and the Russian-backed Syrian Army withdrew.") == [
        "Fighters", "Idlib", "Syrian Army"]


def test_a_title_inside_a_run_leaves_the_name_after_it():
    assert _names_of("Yesterday Ohio Gov. John Kasich met House Speaker Paul Ryan and FBI Director James Comey.") == [
        "John Kasich", "Paul Ryan", "James Comey"]
    assert _names_of("Then Secretary of State Hillary Clinton spoke at the United Nations General Assembly.") == [
        "Hillary Clinton", "United Nations General Assembly"]
    assert _names_of("Later Secretary of State Kerry and Texas Sen. Cruz arrived.") == ["State Kerry", "Cruz"]
