from analysis._model import Paragraph
from analysis._sentences import split_sentences


def sentences(text: str) -> list[str]:
    found = split_sentences(text, (Paragraph(0, 0, len(text)),))
    return [text[s.start:s.end] for s in found]


def test_news_abbreviations_do_not_end_sentences():
    text = "Gen. Smith met Col. Jones and Mr. Ali in the U.S. on Jan. 5. They talked for an hour."
    assert sentences(text) == ["Gen. Smith met Col. Jones and Mr. Ali in the U.S. on Jan. 5.", "They talked for an hour."]


def test_number_abbreviation_and_initials():
    assert sentences("The No. 2 official resigned. Lt. Col. Ward stayed.") == [
        "The No. 2 official resigned.",
        "Lt. Col. Ward stayed.",
    ]


def test_closing_curly_quote_stays_with_its_sentence():
    text = "He said: “We will win.” Then he left."
    assert sentences(text) == ["He said: “We will win.”", "Then he left."]


def test_quote_followed_by_lower_case_speech_verb_is_one_sentence():
    text = "“That is unbelievable!” said the reporter. Nobody answered."
    assert sentences(text) == ["“That is unbelievable!” said the reporter.", "Nobody answered."]


def test_ellipsis_inside_a_sentence_does_not_split():
    assert sentences("Restore control … over the city. Done.") == ["Restore control … over the city.", "Done."]


def test_sentences_never_cross_paragraphs_and_offsets_index_the_text():
    text = "First paragraph ends here\nSecond one. It has two."
    paragraphs = (Paragraph(0, 0, 25), Paragraph(1, 26, len(text)))
    found = split_sentences(text, paragraphs)
    assert [(s.paragraph, text[s.start:s.end]) for s in found] == [
        (0, "First paragraph ends here"),
        (1, "Second one."),
        (1, "It has two."),
    ]
