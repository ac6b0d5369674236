"""Direct quotes: the words between quote marks, straight or curly, with unbalanced marks handled (never a crash).

Rules, in order of reading a paragraph:
- A double mark (" “ ” „ « ») opens or closes by its context: after white space, a dash, an opening bracket or an
  opening mark, and before a non-space, it opens; after a non-space and before white space or punctuation it closes.
  Where the context does not tell, the curly shape does. A straight mark between two letters or digits (``a"b"c``)
  or after a digit with no quote open (``6'2"``, an inch mark) is no quote mark. Two backticks open and two straight
  single marks close (TeX style: ````like this''``); two straight single marks also open where a double mark would
  (``''like this''``).
- A single mark counts only as a quote pair: an opening ‘ or ' at a word start closed by ’ or ' that no letter
  follows, outside a double quote; ’ never opens. ``Syria’s``, ``allies’ intelligence``, ``’til`` and
  ``rock ’n’ roll`` are apostrophes.
- A quote still open at the end of a paragraph runs on to the end of it. If the next paragraph opens with a quote mark
  it is a quote over several paragraphs (newspaper convention: only the last paragraph closes it); otherwise the
  quote gets a warning. A closing mark with no opening one quotes from the paragraph start, with a warning.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import Literal

from ._model import Paragraph, Quote, Sentence
from ._text import SpanIndex, strip_span

DOUBLE_OPENERS = "“„«"
DOUBLE_CLOSERS = "”»"
DOUBLE_MARKS = '"' + DOUBLE_OPENERS + DOUBLE_CLOSERS
SINGLE_MARKS = "‘’'"
QUOTE_MARKS = DOUBLE_MARKS + SINGLE_MARKS
#: The characters a double quote (or a TeX one: `` and '') can start at: the only places the scan for them stops.
_DOUBLE_CANDIDATE_RE = re.compile("[%s`']" % re.escape(DOUBLE_MARKS))
_OPEN_CONTEXT = "([{<—–-/"
_CLOSE_CONTEXT = ".,;:!?)]}>—–-…"

Role = Literal["open", "close"]

UNCLOSED = "unclosed quote mark: the quote is read to the end of the paragraph"
UNOPENED = "closing quote mark without an opening one: the quote is read from the start of the paragraph"
UNBALANCED = "a quote mark opens again before the last one closed"


def find_quotes(text: str, paragraphs: tuple[Paragraph, ...]) -> tuple[Quote, ...]:
    """Direct-quote spans of every paragraph, in text order; spans never overlap and exclude the marks."""
    quotes: list[Quote] = []
    for position, paragraph in enumerate(paragraphs):
        following = paragraphs[position + 1] if position + 1 < len(paragraphs) else None
        continues = following is not None and _opens_with_quote(text, following)
        quotes.extend(_paragraph_quotes(text, paragraph, continues_next=continues))
    return tuple(quotes)


def mark_quoted(text: str, sentences: tuple[Sentence, ...], quotes: tuple[Quote, ...]) -> tuple[Sentence, ...]:
    """The sentences, with ``quoted`` set on those that lie wholly inside one direct quote."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for quote in quotes:
        spans.setdefault(quote.paragraph, []).append((quote.start, quote.end))
    by_paragraph = {paragraph: SpanIndex(found) for paragraph, found in spans.items()}
    marked = []
    for sentence in sentences:
        start, end = _inner(text, sentence.start, sentence.end)
        index = by_paragraph.get(sentence.paragraph)
        inside = index is not None and index.contain(start, end)
        marked.append(Sentence(sentence.paragraph, sentence.start, sentence.end, quoted=inside))
    return tuple(marked)


def _inner(text: str, start: int, end: int) -> tuple[int, int]:
    """A sentence span without the quote marks and closing punctuation at its edges."""
    while start < end and text[start] in QUOTE_MARKS:
        start += 1
    while end > start and (text[end - 1] in QUOTE_MARKS or text[end - 1] in ".,;:!?…"):
        end -= 1
    return start, end


def _opens_with_quote(text: str, paragraph: Paragraph) -> bool:
    first = text[paragraph.start]
    return first in DOUBLE_MARKS and _double_role(text, paragraph.start) == "open"


def _paragraph_quotes(text: str, paragraph: Paragraph, *, continues_next: bool) -> Iterator[Quote]:
    doubles = list(_double_quotes(text, paragraph, continues_next=continues_next))
    yield from _merge(doubles, _single_quotes(text, paragraph, outside=doubles))


def _double_quotes(text: str, paragraph: Paragraph, *, continues_next: bool) -> Iterator[Quote]:
    opened: int | None = None
    warning: str | None = None
    seen = False  # a double mark so far: a closing mark without an opening one closes a quote only before any
    for i in (m.start() for m in _DOUBLE_CANDIDATE_RE.finditer(text, paragraph.start, paragraph.end)):
        role = _tex_role(text, i)
        if role == "close" and opened is None and i > 0 and text[i - 1].isdigit():
            continue  # an inch mark (6'2'')
        seen_before = seen
        seen = seen or role is not None or text[i] in DOUBLE_MARKS and not _not_a_mark(text, i, inside=False)
        if role is None and (text[i] not in DOUBLE_MARKS or _not_a_mark(text, i, inside=opened is not None)):
            continue
        mark_length = 2 if role is not None else 1
        role = role or _double_role(text, i)
        if role == "open":
            if opened is not None:
                warning = UNBALANCED
            opened = i + mark_length
        elif opened is not None:
            yield from _quote(text, paragraph.index, opened, i, warning)
            opened, warning = None, None
        elif not seen_before:
            yield from _quote(text, paragraph.index, paragraph.start, i, UNOPENED)
    if opened is not None:
        yield from _quote(text, paragraph.index, opened, paragraph.end, None if continues_next else UNCLOSED)


def _tex_role(text: str, i: int) -> Role | None:
    """Two backticks open a quote (TeX style). Two straight single marks close one, and open one where a straight
    double mark would (after white space or an opening bracket, before a word: ``''Yes,'' he said``, as some wire
    and archive copy writes quotes)."""
    if text.startswith("``", i):
        return "open"
    if text.startswith("''", i) and not text.startswith("'", i + 2) and (i == 0 or text[i - 1] != "'"):
        before = text[i - 1] if i > 0 else " "
        after = text[i + 2] if i + 2 < len(text) else " "
        return "open" if (before.isspace() or before in _OPEN_CONTEXT) and not after.isspace() else "close"
    return None


def _not_a_mark(text: str, i: int, *, inside: bool) -> bool:
    """A straight double mark glued between letters or digits (``a"b"c``), or an inch mark after a digit (``6'2"``)."""
    if text[i] != '"':
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isalnum() and after.isalnum() or before.isdigit() and not inside


def _double_role(text: str, i: int) -> Role:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    after_opener = before in "“‘«„" and before != text[i] and text[i] not in DOUBLE_CLOSERS  # (“”) is an empty pair
    opens_here = before.isspace() or before in _OPEN_CONTEXT or after_opener
    if opens_here and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or after in _CLOSE_CONTEXT):
        return "close"
    return "open" if text[i] in DOUBLE_OPENERS or (text[i] == '"' and not after.isspace()) else "close"


def _by_a_double(i: int, starts: list[int], ends: list[int]) -> bool:
    """Whether position ``i`` is inside a double quote or at most two characters from it (found by bisection)."""
    j = bisect_right(starts, i + 2) - 1
    return j >= 0 and ends[j] >= i - 1


def _single_quotes(text: str, paragraph: Paragraph, *, outside: list[Quote]) -> Iterator[Quote]:
    opened: int | None = None
    starts, ends = [q.start for q in outside], [q.end for q in outside]  # in text order, never overlapping
    for i in range(paragraph.start, paragraph.end):
        c = text[i]
        if c not in SINGLE_MARKS or _by_a_double(i, starts, ends):
            continue
        before = text[i - 1] if i > paragraph.start else " "
        after = text[i + 1] if i + 1 < paragraph.end else " "
        if opened is None and c != "’" and (before.isspace() or before in _OPEN_CONTEXT) and after.isalnum():
            opened = i + 1
        elif opened is not None and c != "‘" and not before.isspace() and not after.isalpha():
            yield from _quote(text, paragraph.index, opened, i, None)
            opened = None


def _quote(text: str, paragraph: int, start: int, end: int, warning: str | None) -> Iterator[Quote]:
    start, end = strip_span(text, start, end)
    if start < end:
        yield Quote(paragraph, start, end, warning)


def _merge(doubles: list[Quote], singles: Iterator[Quote]) -> list[Quote]:
    return sorted([*doubles, *singles], key=lambda q: q.start)
