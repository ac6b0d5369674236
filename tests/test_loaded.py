"""The lexicon matcher (``_loaded``): its terms before the loaded-language model judges them in context (the model and
the combined output: ``test_loaded_model``)."""

from functools import lru_cache

import pytest

from analysis import analyze
from analysis._loaded import find_loaded_terms
from analysis._model import Article
from analysis._pipeline import PIPELINE, Resources, analyzed_paragraphs, load_resources, run_pipeline
from conftest import REPO

BEFORE_LOADED = PIPELINE[:[a.name for a in PIPELINE].index("loaded")]


@lru_cache(maxsize=1)
def builtin() -> Resources:
    return load_resources()


def terms(text: str, *, resources: Resources | None = None) -> list[tuple[str, str, str]]:
    """The lexicon matcher's terms of a text: (text, category, voice)."""
    resources = resources or builtin()
    analysis = run_pipeline(Article("t", text), resources, BEFORE_LOADED)
    found = find_loaded_terms(text, analyzed_paragraphs(analysis), analysis.tokens, analysis.quotes,
                              analysis.attributions, resources.terms, resources.loaded_contexts)
    return [(t.text, t.category, t.voice) for t in found]


def test_event_words_alone_are_not_loaded():
    assert terms("Four workers died when the roof of the mine collapsed on Tuesday, officials said.") == []


def test_labels_and_inflections_match_whole_words():
    assert terms("The extremists and a terrorist attacked the regimes.") == [
        ("extremists", "labeling", "author"),
        ("terrorist", "labeling", "author"),
        ("regimes", "labeling", "author"),
    ]


def test_word_parts_do_not_match():
    assert terms("Counterterrorism units and the regimental band marched.") == []


def test_multi_word_phrase_and_longest_match_wins():
    found = terms("A terrorist organisation with a hidden agenda ran the camp.")
    assert found == [
        ("terrorist organisation", "labeling", "author"),
        ("hidden agenda", "insinuation", "author"),
    ]


def test_hyphenated_compound_is_one_term():
    assert terms("Shell-shocked voters arrived.") == [("Shell-shocked", "sensational", "author")]


def test_inside_a_direct_quote_the_voice_is_quoted():
    found = terms("“These thugs will pay,” the governor said. The thugs left.")
    assert found == [("thugs", "labeling", "quoted"), ("thugs", "labeling", "author")]


def test_quoted_fragment_given_to_a_source_is_quoted_not_a_scare_quote():
    found = terms("The ministry said it had arrested “violent extremists” at the border.")
    assert found == [("extremists", "labeling", "quoted")]


def test_scare_quote_is_author_voice_and_excludes_the_marks():
    doc = analyze(text="The council funded so-called ‘community partners’ in the east.")
    scare = [t for t in doc.analysis.loaded_terms if t.category == "scare_quote"]
    assert [(t.text, t.voice) for t in scare] == [("community partners", "author")]
    assert doc.text[scare[0].start - 1] == "‘" and doc.text[scare[0].end] == "’"


def test_user_lexicon_adds_and_overrides(tmp_path):
    lexicon = tmp_path / "mine.tsv"
    lexicon.write_text(
        "term\tcategory\tweight\tnote\n"
        "fat cats\tderision\t1.5\tmocking label for the rich\n"
        "regime\tinsinuation\t2\tmy reading of the word\n",
        encoding="utf-8",
    )
    found = terms("The fat cats backed the regime.", resources=load_resources(lexicon=lexicon))
    assert found == [("fat cats", "derision", "author"), ("regime", "insinuation", "author")]
    analyzed = analyze(text="The fat cats backed the regime.", lexicon=lexicon).analysis.loaded_terms
    assert [(t.text, t.category) for t in analyzed] == [("fat cats", "derision"), ("regime", "insinuation")]


def test_seed_labels_and_quoted_army_phrase():
    text = (REPO / "seeds" / "000_8122d49cfe791c67.txt").read_text(encoding="utf-8")
    found = {(t.lower(), voice) for t, _, voice in terms(text)}
    assert ("jihadists", "author") in found and ("invaders", "author") in found
    assert ("blitz", "author") in found and ("shock", "author") in found
    assert ("out of nowhere", "author") in found and ("amusing", "author") in found
    assert ("terrorist organisations", "quoted") in found
    assert ("moderate rebels", "author") in found


# More matching rules, each on a text written for the test (no phrase of the seed).

def test_part_of_speech_constraint_keeps_the_factual_use_out():
    assert terms("A blast ripped through the market.") == []
    assert terms("The senator blasted the plan.") == [("blasted", "emotive", "author")]


def test_negated_term_is_not_counted():
    assert terms("The scale of the floods is not unprecedented.") == []


def test_adverbs_come_from_adjectives():
    assert ("brutally", "emotive", "author") in terms("The protest was brutally dispersed.")


def test_capitalized_term_inside_a_name_is_not_loaded():
    assert terms("The Terrorist Screening Center updated its list. Thug Life Radio reported it.") == []


def test_hedge_cues_of_the_attribution_analyzer_are_loaded_hedges():
    assert terms("It is reported that the talks failed.") == [("It is reported", "hedge", "author")]


def test_naming_word_makes_a_scare_quote_even_in_attributed_content():
    found = terms("The ministry said the so-called ‘experts’ were wrong.")
    assert ("experts", "scare_quote", "author") in found


def test_one_word_quote_modifying_a_noun_is_a_scare_quote():
    assert terms("Police cleared the “peaceful” protesters by noon.") == [("peaceful", "scare_quote", "author")]


def test_one_word_quote_before_a_function_word_or_verb_marks_speech():
    # the tagger reads the next word: not a noun or adjective the quoted word modifies, so the marks give a source's word
    assert terms("The mayor said the plan would be “wonderful” if the council backs it.") == []
    assert terms("Critics were “shocked” by the ruling.") == [("shocked", "sensational", "quoted")]


def test_a_quoted_small_word_is_mentioned_not_a_scare_quote():
    # a closed-class word or an interjection carries no judgement to distance from, even before the noun it modifies
    assert terms("The lone “no” vote in the Senate was cast by a Democrat.") == []
    assert terms("Dozens of “yes” votes came from the north, and the word “if” did the rest.") == []

def test_quoted_names_are_not_scare_quotes():
    assert terms("They joined the ‘Northern Defence Front’ in May.") == []


def test_relayed_copy_stays_in_the_author_voice():
    doc = analyze(text="Strike Ends\n\nWorkers went back.\n\nAs Reuters reported:\n\nThe thugs left the docks.")
    assert [(t.text, t.voice) for t in doc.analysis.loaded_terms] == [("thugs", "author")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The thugs and their allies, a mix of extremists and radicals, took the town.",
     {"thugs", "extremists", "radicals"}),
    ("Two splinter groups left the coalition in March.", {"splinter groups"}),
    ("A blitz of adverts preceded the shock result.", {"blitz", "shock"}),
    ("The minister's laughable excuse fooled nobody.", {"laughable"}),
])
def test_seed_twins(text, expected):
    assert {t for t, _, _ in terms(text)} >= expected


def test_factual_event_sentence_twin():
    assert terms("Twelve soldiers were killed and thirty wounded when rockets hit the base.") == []


def test_event_words_and_loaded_terms_are_disjoint():
    from analysis._lexicon import load_lexicon

    events = builtin().sentiment.events
    assert not [e.term for e in load_lexicon().entries if e.term.lower() in events and e.pos in ("", "noun")]


def test_seed_scare_quotes():
    doc = analyze("seeds/000_8122d49cfe791c67.txt")
    scare = {t.text for t in doc.analysis.loaded_terms if t.category == "scare_quote"}
    assert {"moderate rebels", "modern", "local"} <= scare


# Context: fixed expressions, names and titles in quotes, a headline's quoted speech, who chose the words.

def test_a_loaded_word_inside_a_fixed_expression_is_read_literally():
    assert terms("A storm surge and a supply shock hit the region after the terrorist attacks.") == []


def test_quoted_titles_with_small_words_are_not_scare_quotes():
    assert terms("The senators debated the “For the People Act” on Monday.") == []


def test_a_headline_quote_followed_by_its_source_is_speech():
    found = terms("Floods will get ‘much worse’: UN\n\nThe agency warned of rising rivers.")
    assert all(category != "scare_quote" for _, category, _ in found)


def test_voice_follows_who_chose_the_words():
    paraphrase = terms("The minister said the plan was a disgraceful failure.")
    quotation = terms("“The plan is a disgraceful failure,” the minister said.")
    assert ("disgraceful", "emotive", "author") in paraphrase
    assert ("disgraceful", "emotive", "quoted") in quotation


@pytest.mark.parametrize("seed", range(20))
def test_clause_start_is_the_last_mark_before_it_however_far(seed):
    """The clause of a quote starts after the last sentence end, semicolon, colon or line break before it, read back
    in widening windows (linear in a paragraph of thousands of quotes): the same place as one search of the whole
    text, for marks near, far, straddling a window's edge or absent."""
    import random

    from analysis._loaded import clause_start

    rng = random.Random(seed)
    pieces = ["word ", ". ", "; ", ": ", "\n", ".", ";", "x" * 250, "y" * 1020]
    text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 40)))
    for end in range(0, len(text) + 1, 7):
        assert clause_start(text, end) == max(text.rfind(m, 0, end) for m in (". ", "; ", ": ", "\n")) + 1


def test_a_name_closing_the_line_after_a_quote_is_its_speaker_not_across_a_line_break():
    assert terms("Vaccine could be ‘stronger’: WHO\n\nThe agency met on Monday.") == []
    assert terms("Vaccine could be ‘stronger’:\n\nWHO") == [("stronger", "scare_quote", "author")]
