"""Paragraphs: split an article's text into paragraphs and give each a kind.

Layout. The text is split on ``\\n`` only. Usually each non-blank line is a paragraph. A hard-wrapped
text (lines broken mid-sentence inside blank-line-separated blocks) has one paragraph per block
instead; see :func:`_is_hard_wrapped`. Offsets always index the original text, which is never changed.

Kinds. Each paragraph first gets a kind from its own text (:func:`_own_kind`), then its neighbours
refine it (:func:`_kinds`): the headline and its repeats, bylines next to a date, and the page junk
after the end of the article. The word lists live in ``data/segment.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ._data import package_text, read_tsv
from ._errors import DataFileError
from ._model import Paragraph, ParagraphKind
from ._text import WORD_RE, strip_span

#: A title, heading or caption has at most this many words; longer lines are body text.
SHORT_WORDS = 25
#: A date line has at most this many words ...
DATE_MAX_WORDS = 12
#: ... and at least this share of them are numbers, month or weekday names, or words of the ``date_word`` list.
DATE_MIN_SHARE = 0.75
#: A byline's name has this many words, at least and at most ("Jane Doe", "Jane Doe and John Roe").
NAME_WORDS = (2, 5)
#: A byline opened by "By" has at most this many words after it.
BYLINE_MAX_WORDS = 8
#: The label of a "Label: rest" heading has at most this many words.
LABEL_MAX_WORDS = 5
#: A Title Case line has at least this share of capitalized words (minor words aside) ...
TITLE_CASE_SHARE = 0.8
#: ... and at least this many such words.
TITLE_CASE_MIN_WORDS = 2
#: A text is hard-wrapped when at least this share of its line breaks inside blocks are mid-sentence.
HARD_WRAP_SHARE = 0.5

_DATA_FILE = "segment.tsv"
_HEADER = ["group", "entry", "note"]
_GROUPS = (
    "month", "weekday", "date_word", "name_particle", "byline_prefix",
    "caption_cue", "boilerplate_line", "boilerplate_phrase", "minor_word",
)

#: Closing quotes and brackets, skipped when looking for the mark that ends a line.
_CLOSERS = "\"'”’»«“‘)]}"
#: The marks that can end a line: full stop, ellipsis, question, exclamation, colon.
_END_MARKS = frozenset(".…?!:")
#: A line of symbols only: "* * *", "---", "###", "~~~", "___".
_SEPARATOR_RE = re.compile(r"(?:[^\w\s]|_)+(?:\s+(?:[^\w\s]|_)+)*")
#: A bulleted list item: "- item", "• item". Its text is body text however short.
_BULLET_RE = re.compile(r"[-–—•*·]\s")
#: A numeric date or a clock time: "11/30/2024", "2024-11-30", "30.11.2024", "21:11".
_NUMERIC_DATE_RE = re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b|\b\d{1,2}:\d{2}\b")
#: A number, maybe ordinal, or numbers joined by date marks: "30", "30th", "2024-11-30".
_NUMBER_RE = re.compile(r"\d+(?:st|nd|rd|th)?|\d+(?:[-/.]\d+)+")
#: A word of a person's name ("Jane", "O’Brien", "Doe,") or an initial ("J.").
_NAME_TOKEN_RE = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W\d_])?,?|[^\W\d_]\.")


@dataclass(frozen=True)
class _Lexicon:
    """The word lists of ``data/segment.tsv``, ready to match."""

    date_names: frozenset[str]
    date_words: frozenset[str]
    name_particles: frozenset[str]
    minor_words: frozenset[str]
    boilerplate_lines: frozenset[str]
    byline_re: re.Pattern[str]
    caption_re: re.Pattern[str]
    boilerplate_re: re.Pattern[str]


def _phrases_re(phrases: list[str], suffix: str = "") -> re.Pattern[str]:
    """A case-insensitive pattern for any of ``phrases`` as whole words (any white space between words)."""
    alternatives = "|".join(
        r"\s+".join(map(re.escape, phrase.split())) for phrase in sorted(phrases, key=len, reverse=True)
    )
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w){suffix}", re.IGNORECASE)


@lru_cache(maxsize=None)
def _lexicon() -> _Lexicon:
    """Read ``data/segment.tsv`` once; raises DataFileError naming the line and what is wrong."""
    name = f"analysis/data/{_DATA_FILE}"
    header, rows = read_tsv(package_text("data", _DATA_FILE))
    if header != _HEADER:
        raise DataFileError(name, "expected the tab-separated header " + ", ".join(_HEADER))
    groups: dict[str, list[str]] = {group: [] for group in _GROUPS}
    for line, row in rows:
        if row.get("group") not in groups or not row.get("entry"):
            raise DataFileError(name, f"expected a known group ({', '.join(_GROUPS)}) and an entry", line)
        groups[row["group"]].append(row["entry"].casefold())
    empty = [group for group, entries in groups.items() if not entries]
    if empty:
        raise DataFileError(name, "no entries for " + ", ".join(empty))
    return _Lexicon(
        date_names=frozenset(groups["month"] + groups["weekday"]),
        date_words=frozenset(groups["month"] + groups["weekday"] + groups["date_word"]),
        name_particles=frozenset(groups["name_particle"]),
        minor_words=frozenset(groups["minor_word"]),
        boilerplate_lines=frozenset(groups["boilerplate_line"]),
        byline_re=_phrases_re(groups["byline_prefix"], r"\s*"),
        caption_re=_phrases_re(groups["caption_cue"]),
        boilerplate_re=_phrases_re(groups["boilerplate_phrase"]),
    )


def segment(text: str, *, title: str | None = None) -> tuple[Paragraph, ...]:
    """Split an article's text into paragraphs and give each a kind."""
    lines = _lines(text)
    if _is_hard_wrapped(text, lines):
        spans = _blocks(lines)
    else:
        spans = [(start, end) for start, end, _ in lines]
    kinds = _kinds([text[start:end] for start, end in spans], title)
    return tuple(
        Paragraph(index=index, start=start, end=end, kind=kind)
        for index, ((start, end), kind) in enumerate(zip(spans, kinds))
    )


# --- layout ---------------------------------------------------------------------------------------


def _lines(text: str) -> list[tuple[int, int, int]]:
    """``(start, end, block)`` of each non-blank line, stripped; ``block`` numbers the blank-line-separated blocks."""
    lines = []
    block = pos = 0
    for line in text.split("\n"):
        start, end = strip_span(text, pos, pos + len(line))
        if start < end:
            lines.append((start, end, block))
        else:
            block += 1
        pos += len(line) + 1
    return lines


def _is_hard_wrapped(text: str, lines: list[tuple[int, int, int]]) -> bool:
    """True when at least ``HARD_WRAP_SHARE`` of the line breaks inside blocks fall mid-sentence.

    A break is mid-sentence when its line ends without a final mark (``. … ? ! :``) and the next
    line starts with a lower-case letter. A text without breaks inside blocks is not hard-wrapped.
    """
    breaks = [(before, after) for before, after in zip(lines, lines[1:]) if before[2] == after[2]]
    mid_sentence = sum(
        1 for (start, end, _), (next_start, _, _) in breaks
        if not _final_mark(text[start:end]) and text[next_start].islower()
    )
    return bool(breaks) and mid_sentence >= HARD_WRAP_SHARE * len(breaks)


def _blocks(lines: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """One ``(start, end)`` per block, from its first line's start to its last line's end."""
    spans: list[tuple[int, int]] = []
    last_block = None
    for start, end, block in lines:
        if block == last_block:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
        last_block = block
    return spans


# --- kinds ----------------------------------------------------------------------------------------


def _kinds(texts: list[str], title: str | None) -> list[ParagraphKind]:
    """The kind of each paragraph: its own kind, then the title, bylines and page junk from the context."""
    if len(texts) == 1:
        return ["body"]
    lexicon = _lexicon()
    kinds = [_own_kind(text, lexicon) for text in texts]
    _mark_titles(texts, kinds, title, lexicon)
    _mark_bylines(texts, kinds, lexicon)
    _mark_tail(kinds)
    return kinds


def _own_kind(text: str, lexicon: _Lexicon) -> ParagraphKind:
    """The kind a paragraph has by its text alone.

    Symbols only: separator. Junk phrases: boilerplate. Mostly date words: date. "By Name": byline.
    Ends with ":": lead_in. Long, ending a sentence, or a list item: body. Of the short lines left,
    those with a photo credit are captions; those ending in "?" or "!", shaped "Label: rest" or in
    Title Case are headings; the rest (sentence-case descriptions) are captions.
    """
    if _SEPARATOR_RE.fullmatch(text):
        return "separator"
    words = WORD_RE.findall(text)
    if _is_boilerplate(text, words, lexicon):
        return "boilerplate"
    if _is_date(text, words, lexicon):
        return "date"
    if _is_byline(text, lexicon):
        return "byline"
    mark = _final_mark(text)
    if mark == ":":
        return "lead_in"
    if len(words) > SHORT_WORDS or mark in (".", "…") or _BULLET_RE.match(text):
        return "body"
    if lexicon.caption_re.search(text):
        return "caption"
    if mark in ("?", "!") or _has_label(text) or _is_title_case(words, lexicon):
        return "heading"
    return "caption"


def _mark_titles(texts: list[str], kinds: list[ParagraphKind], title: str | None, lexicon: _Lexicon) -> None:
    """The title is the first paragraph that is not junk, a separator, a date or a byline, if it
    equals the metadata ``title`` or reads like a headline: a short line without final full stop or
    colon, or a short Title Case line ending with a full stop ("Assange Never Met Manafort.").
    Later paragraphs equal to either title are ``duplicate_title``."""
    titles = {_normalized(title)} - {""} if title else set()
    for index, kind in enumerate(kinds):
        if kind in ("boilerplate", "separator", "date", "byline"):
            continue
        if _normalized(texts[index]) in titles or kind in ("heading", "caption") or _is_headline_sentence(texts[index], lexicon):
            kinds[index] = "title"
            titles.add(_normalized(texts[index]))
        break
    for index, text in enumerate(texts):
        if kinds[index] != "title" and _normalized(text) in titles:
            kinds[index] = "duplicate_title"


def _is_headline_sentence(text: str, lexicon: _Lexicon) -> bool:
    """A short Title Case line ending with a full stop: a headline, not a sentence of the body."""
    words = WORD_RE.findall(text)
    return _final_mark(text) == "." and len(words) <= SHORT_WORDS and _is_title_case(words, lexicon)


def _mark_bylines(texts: list[str], kinds: list[ParagraphKind], lexicon: _Lexicon) -> None:
    """A short line that is only a person's name is a byline when a date line is next to it or
    when it comes right after the title."""
    for index, text in enumerate(texts):
        if kinds[index] not in ("heading", "caption") or not _is_name(text, lexicon):
            continue
        before = kinds[index - 1] if index else None
        after = kinds[index + 1] if index + 1 < len(kinds) else None
        if "date" in (before, after) or before in ("title", "duplicate_title"):
            kinds[index] = "byline"


def _mark_tail(kinds: list[ParagraphKind]) -> None:
    """Page junk: the short lines (headings, captions) after the last body text, i.e. everything
    there except a closing byline/date block and separators. Needs some body text."""
    text_indexes = [index for index, kind in enumerate(kinds) if kind in ("body", "lead_in")]
    if not text_indexes:
        return
    for index in range(text_indexes[-1] + 1, len(kinds)):
        if kinds[index] not in ("byline", "date", "separator"):
            kinds[index] = "boilerplate"


# --- tests on one paragraph -----------------------------------------------------------------------


def _final_mark(text: str) -> str:
    """The mark that ends ``text`` (one of ``. … ? ! :``) past closing quotes and brackets, else ``""``."""
    last = text.rstrip(_CLOSERS)[-1:]
    return last if last in _END_MARKS else ""


def _normalized(text: str) -> str:
    """``text`` as lower-case words separated by single spaces, apostrophes straight: for comparing titles."""
    return " ".join(WORD_RE.findall(text.casefold().replace("’", "'")))


def _is_boilerplate(text: str, words: list[str], lexicon: _Lexicon) -> bool:
    """A line that is only a junk phrase ("Advertisement"), or a short line containing one ("All rights reserved")."""
    if " ".join(words).casefold() in lexicon.boilerplate_lines:
        return True
    return len(words) <= SHORT_WORDS and lexicon.boilerplate_re.search(text) is not None


def _is_date(text: str, words: list[str], lexicon: _Lexicon) -> bool:
    """A short line with a date anchor (month or weekday name, numeric date, clock time) whose words
    are mostly numbers and date words: "Sat, 11/30/2024 – 21:11", "Published March 4, 2025"."""
    if not words or len(words) > DATE_MAX_WORDS:
        return False
    lowered = [word.casefold() for word in words]
    if not (_NUMERIC_DATE_RE.search(text) or any(word in lexicon.date_names for word in lowered)):
        return False
    dated = sum(1 for word in lowered if word in lexicon.date_words or _NUMBER_RE.fullmatch(word))
    return dated >= DATE_MIN_SHARE * len(words)


def _is_byline(text: str, lexicon: _Lexicon) -> bool:
    """A byline prefix ("By", "Written by") then a short capitalized credit without a final mark."""
    match = lexicon.byline_re.match(text)
    if not match:
        return False
    credit = text[match.end():]
    return (
        credit[:1].isupper()
        and len(WORD_RE.findall(credit)) <= BYLINE_MAX_WORDS
        and not _final_mark(credit)
    )


def _is_name(text: str, lexicon: _Lexicon) -> bool:
    """A person's name (or two): capitalized words, initials and name particles, no digits or sentence marks."""
    tokens = text.split()
    return NAME_WORDS[0] <= len(tokens) <= NAME_WORDS[1] and all(
        token.casefold() in lexicon.name_particles
        or (token[0].isupper() and _NAME_TOKEN_RE.fullmatch(token) is not None)
        for token in tokens
    )


def _has_label(text: str) -> bool:
    """Shaped "Label: rest", with a label of at most ``LABEL_MAX_WORDS`` words."""
    label, colon, rest = text.partition(":")
    return bool(colon) and bool(rest.strip()) and 0 < len(WORD_RE.findall(label)) <= LABEL_MAX_WORDS


def _is_title_case(words: list[str], lexicon: _Lexicon) -> bool:
    """Most words that start with a letter, minor words ("of", "the") aside, are capitalized."""
    content = [word for word in words if word[0].isalpha() and word.casefold() not in lexicon.minor_words]
    capitalized = sum(1 for word in content if word[0].isupper())
    return len(content) >= TITLE_CASE_MIN_WORDS and capitalized >= TITLE_CASE_SHARE * len(content)
