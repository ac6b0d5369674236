from analysis import analyze


def relations(text: str) -> list[tuple]:
    doc = analyze(text=text)
    out = []
    for x in doc.analysis.attributions:
        source = x.source
        out.append((
            x.cue.text,
            x.cue.cls,
            source.text if source else None,
            source.type if source else None,
            x.content.text if x.content else None,
            x.quote,
        ))
    return out


def test_preposed_source_with_said_and_indirect_content():
    assert relations("The navy said the ship had left the port on Monday.") == [
        ("said", "neutral", "The navy", "military", "the ship had left the port on Monday", "indirect"),
    ]


def test_postposed_source_after_a_comma():
    assert relations("Nine people were hurt in the blast, said the Red Cross Observatory.") == [
        ("said", "neutral", "the Red Cross Observatory", "organization", "Nine people were hurt in the blast", "indirect"),
    ]


def test_direct_quote_before_name_with_appositive_and_listener_verb():
    text = "“We expect more rain,” Maria Lopez, the head of the regional weather office, told reporters on Monday."
    assert relations(text) == [(
        "told", "neutral", "Maria Lopez, the head of the regional weather office", "person",
        "We expect more rain,", "direct",
    )]


def test_according_to_takes_the_source_after_it():
    assert relations("The bridge will reopen in May, according to Reuters.") == [
        ("according to", "neutral", "Reuters", "media", "The bridge will reopen in May", "indirect"),
    ]


def test_mixed_quote_is_paraphrase_with_a_quoted_fragment():
    (relation,) = relations("The ministry said its staff had “done everything possible” to help.")
    assert relation[2:4] == ("The ministry", "official") and relation[5] == "mixed"


def test_cue_classes_come_from_the_data_file():
    found = relations("The mayor claimed the fire was an accident. The company denied that it knew.")
    assert [(cue, cls) for cue, cls, *_ in found] == [("claimed", "distancing"), ("denied", "denial")]


def test_hedge_has_no_source():
    assert relations("The minister reportedly resigned.") == [("reportedly", "hedge", None, None, None, "none")]


def test_noun_uses_of_cue_words_are_not_cues():
    assert relations("The claim of fraud was dropped. Reports of looting spread.") == []


def test_capitalized_cue_word_inside_a_name_is_not_a_cue():
    assert relations("The Department of State added new names to the list on Friday.") == []


def test_pronoun_resolves_to_the_last_named_person():
    doc = analyze(text="Anna Berg, a nurse at the clinic, said the ward was full. She added that staff were tired.")
    pronoun = doc.analysis.attributions[-1].source
    assert pronoun.type == "pronoun" and pronoun.text == "She"
    assert pronoun.resolved.text == "Anna Berg, a nurse at the clinic"


def test_it_resolves_to_the_last_named_body():
    doc = analyze(text="The army said it had retreated. It said the town was quiet.")
    pronoun = doc.analysis.attributions[-1].source
    assert pronoun.resolved.text == "The army"


def test_nested_attribution_is_read_within_the_quote():
    found = relations("The union wrote that “managers said the plant would stay open.”")
    assert [(cue, source, content, quote) for cue, _, source, _, content, quote in found] == [
        ("wrote", "The union", "managers said the plant would stay open.", "direct"),
        ("said", "managers", "the plant would stay open", "indirect"),
    ]


def test_seed_ignasyuk_and_he_added_twin_on_the_seed():
    doc = analyze("seeds/000_8122d49cfe791c67.txt")
    added = next(x for x in doc.analysis.attributions if x.cue.text == "added")
    assert added.source.resolved.text.startswith("Colonel Oleg Ignasyuk")
    observatory = next(x for x in doc.analysis.attributions if x.source and "Observatory" in x.source.text)
    assert observatory.source.text == "the Syrian Observatory for Human Rights"
    assert observatory.source.type == "organization"


# The odd-quotes corpus: exact expected attributions (cue, source and content spans) for every text.

import pytest  # noqa: E402

from analysis._gold import read_gold  # noqa: E402
from analysis.evaluate import _gold_relations  # noqa: E402

ODD_QUOTES = read_gold("tests/data/attribution/odd_quotes.jsonl")


def _offsets(span):
    return (span.start, span.end) if span is not None else None


@pytest.mark.parametrize("record", ODD_QUOTES, ids=[r["id"] for r in ODD_QUOTES])
def test_odd_quotes_corpus_attributions_are_exact(record):
    doc = analyze(text=record["text"])
    found = sorted((_offsets(x.cue), _offsets(x.source), _offsets(x.content)) for x in doc.analysis.attributions)
    expected = sorted((_offsets(c), _offsets(s), _offsets(x)) for c, s, x in _gold_relations(record["spans"]).values())
    assert found == expected
