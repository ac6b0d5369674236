from analysis import analyze


def terms(text: str, **options) -> list[tuple[str, str, str]]:
    doc = analyze(text=text, **options)
    return [(t.text, t.category, t.voice) for t in doc.analysis.loaded_terms]


def test_event_words_alone_are_not_loaded():
    assert terms("Twenty soldiers were killed in the airstrikes on Tuesday, officials said.") == []


def test_labels_and_inflections_match_whole_words():
    assert terms("The extremists and a terrorist attacked the regimes.") == [
        ("extremists", "labeling", "author"),
        ("terrorist", "labeling", "author"),
        ("regimes", "labeling", "author"),
    ]


def test_word_parts_do_not_match():
    assert terms("Counterterrorism units and the regimental band marched.") == []


def test_multi_word_phrase_and_longest_match_wins():
    found = terms("The region saw a shock offensive by a terrorist organisation out of nowhere.")
    assert found == [
        ("shock offensive", "sensational", "author"),
        ("terrorist organisation", "labeling", "author"),
        ("out of nowhere", "sensational", "author"),
    ]


def test_hyphenated_compound_is_one_term():
    assert terms("Black-clad fighters arrived.") == [("Black-clad", "emotive", "author")]


def test_inside_a_direct_quote_the_voice_is_quoted():
    found = terms("“These thugs will pay,” the governor said. The thugs left.")
    assert found == [("thugs", "labeling", "quoted"), ("thugs", "labeling", "author")]


def test_quoted_fragment_given_to_a_source_is_quoted_not_a_scare_quote():
    found = terms("The police said they fought “armed terrorist organisations” near the border.")
    assert found == [("terrorist organisations", "labeling", "quoted")]


def test_scare_quote_is_author_voice_and_excludes_the_marks():
    doc = analyze(text="Washington armed so-called ‘moderate rebels’ in the north.")
    scare = [t for t in doc.analysis.loaded_terms if t.category == "scare_quote"]
    assert [(t.text, t.voice) for t in scare] == [("moderate rebels", "author")]
    assert doc.text[scare[0].start - 1] == "‘" and doc.text[scare[0].end] == "’"


def test_user_lexicon_adds_and_overrides(tmp_path):
    lexicon = tmp_path / "mine.tsv"
    lexicon.write_text(
        "term\tcategory\tweight\tnote\n"
        "fat cats\tderision\t1.5\tmocking label for the rich\n"
        "regime\tinsinuation\t2\tmy reading of the word\n",
        encoding="utf-8",
    )
    found = terms("The fat cats backed the regime.", lexicon=lexicon)
    assert found == [("fat cats", "derision", "author"), ("regime", "insinuation", "author")]


def test_seed_labels_and_quoted_army_phrase():
    doc = analyze("seeds/000_8122d49cfe791c67.txt")
    found = {(t.text.lower(), t.voice) for t in doc.analysis.loaded_terms}
    assert ("jihadists", "author") in found and ("invaders", "author") in found
    assert ("blitz campaign", "author") in found and ("shock offensive", "author") in found
    assert ("out of nowhere", "author") in found and ("amusing", "author") in found
    assert ("terrorist organisations", "quoted") in found
    assert ("moderate rebels", "author") in found
