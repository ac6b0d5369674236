from evaluation.peers import regex_attributions, word_lists


def spans(text, fragments):
    return [text[s:e] for s, e in fragments] if fragments else None


def test_cue_regex_finds_preposed_inverted_and_according_to():
    text = "Officials said the bridge was closed. “It is safe,” said Mayor Ruiz. According to police, two died."
    found = [(spans(text, r.cue), spans(text, r.source), spans(text, r.content)) for r in regex_attributions(text)]
    assert found == [
        (["said"], ["Officials"], ["the bridge was closed"]),
        (["said"], ["Mayor Ruiz."], ["It is safe"]),
        (["According to"], ["police"], ["two died"]),
    ]


def test_word_lists_mark_whole_words_any_case():
    negative, strong = word_lists()
    text = "A Disgraceful, horrible plan."
    assert [text[s:e] for ((s, e),) in negative.spans(text)] == ["Disgraceful", "horrible"]
    assert "horrible" in strong.words
