import pytest

from analysis._model import Paragraph
from analysis._quotes import UNCLOSED, UNOPENED, find_quotes


def paragraphs(text: str) -> tuple[Paragraph, ...]:
    found, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            found.append(Paragraph(len(found), offset, offset + len(line)))
        offset += len(line) + 1
    return tuple(found)


def quotes(text: str) -> list[tuple[int, str, str | None]]:
    return [(q.paragraph, text[q.start:q.end], q.warning) for q in find_quotes(text, paragraphs(text))]


def test_curly_and_straight_double_quotes():
    text = 'He said “we will win” and she said "we will see."'
    assert quotes(text) == [(0, "we will win", None), (0, "we will see.", None)]


def test_marks_are_outside_the_span():
    text = "A “quote” here"
    (quote,) = find_quotes(text, paragraphs(text))
    assert text[quote.start - 1] == "“" and text[quote.end] == "”"


def test_single_quotes_pair_but_apostrophes_do_not():
    text = "Officials described as ‘key partners’ joined Kenya’s neighbours’ talks."
    assert quotes(text) == [(0, "key partners", None)]


def test_single_quotes_inside_double_quotes_are_part_of_it():
    text = "“They called it ‘a victory’ today,” he said."
    assert quotes(text) == [(0, "They called it ‘a victory’ today,", None)]


def test_quote_over_several_paragraphs_only_the_last_closes():
    text = "“The first part goes on\n“and the second part ends here.”\nAfter."
    assert quotes(text) == [(0, "The first part goes on", None), (1, "and the second part ends here.", None)]


def test_two_straight_single_marks_open_and_close_a_quote():
    text = "``Yes,'' she said. ''We will stay,'' the mayor said of the ''plan.''"
    assert quotes(text) == [(0, "Yes,", None), (0, "We will stay,", None), (0, "plan.", None)]


def test_two_straight_single_marks_after_a_digit_are_an_inch_mark():
    text = "He is 6'2'' tall and ''quick.''"
    assert quotes(text) == [(0, "quick.", None)]


def test_unclosed_quote_runs_to_paragraph_end_with_a_warning():
    text = 'He said "we will never\nNext paragraph.'
    assert quotes(text) == [(0, "we will never", UNCLOSED)]


def test_closing_mark_without_opening_quotes_from_paragraph_start():
    text = "we will stay,” the mayor said."
    assert quotes(text) == [(0, "we will stay,", UNOPENED)]


@pytest.mark.parametrize(
    "text",
    ['"', "“", "”", '""', '"a"b"c', "‘’’‘", "“ ” “", 'x " y', "’twas ’90s", "«a» „b“ »c«", "\"\n\"\n\""],
)
def test_odd_marks_never_crash_and_spans_stay_inside_paragraphs(text):
    paras = paragraphs(text)
    for quote in find_quotes(text, paras):
        paragraph = paras[quote.paragraph]
        assert paragraph.start <= quote.start < quote.end <= paragraph.end
        assert text[quote.start:quote.end] == text[quote.start:quote.end].strip()


def test_quote_spans_never_overlap():
    text = 'One "two" three “four ‘five’ six” seven \'eight\' nine "ten'
    found = find_quotes(text, paragraphs(text))
    for first, second in zip(found, found[1:]):
        assert first.end <= second.start


# The odd-quotes corpus: every text with its exact expected quote spans and number of warnings.

from analysis import analyze  # noqa: E402
from evaluation.gold import read_gold  # noqa: E402

ODD_QUOTES = read_gold("tests/data/attribution/odd_quotes.jsonl")


@pytest.mark.parametrize("record", ODD_QUOTES, ids=[r["id"] for r in ODD_QUOTES])
def test_odd_quotes_corpus_spans_and_warnings(record):
    doc = analyze(text=record["text"])
    assert [(q.start, q.end) for q in doc.analysis.quotes] == [(s.start, s.end) for s in record["spans"] if s.tag == "Q"]
    assert sum(1 for q in doc.analysis.quotes if q.warning) == record["warnings"]


def test_odd_quotes_corpus_is_large_enough():
    assert len(ODD_QUOTES) >= 20
