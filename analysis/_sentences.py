"""Sentences with offsets, from NLTK's Punkt algorithm with parameters this repo owns (no punkt download)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from ._data import package_tsv
from ._model import Paragraph, Sentence
from ._limits import warn
from ._text import strip_span

_SPACE_RE = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _tokenizer() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = {row["abbreviation"] for row in package_tsv("data", "abbreviations.tsv")}
    return PunktSentenceTokenizer(params)


def split_sentences(text: str, paragraphs: tuple[Paragraph, ...], *, max_chars: int | None = None) -> tuple[Sentence, ...]:
    """The sentences of every paragraph, in order; a sentence never crosses a paragraph boundary. A sentence longer
    than ``max_chars`` is cut at white space into pieces of at most that length, with a warning: the analyzers'
    time grows faster than linearly in a sentence's length."""
    tokenizer = _tokenizer()
    sentences: list[Sentence] = []
    for paragraph in paragraphs:
        first = len(sentences)
        body = text[paragraph.start:paragraph.end]
        for start, end in tokenizer.span_tokenize(body):
            start, end = strip_span(text, paragraph.start + start, paragraph.start + end)
            if start >= end:
                continue
            if len(sentences) > first and _continues(text[start]):
                sentences[-1] = Sentence(paragraph.index, sentences[-1].start, end)
            else:
                sentences.append(Sentence(paragraph.index, start, end))
    if max_chars is None or all(s.end - s.start <= max_chars for s in sentences):
        return tuple(sentences)
    long = sum(1 for s in sentences if s.end - s.start > max_chars)
    warn(f"{long:,} sentence{'s' if long > 1 else ''} longer than {max_chars:,} characters cut into pieces "
         f"(the sentence_chars limit)")
    return tuple(piece for s in sentences for piece in _pieces(text, s, max_chars))


def _pieces(text: str, sentence: Sentence, max_chars: int) -> Iterator[Sentence]:
    """``sentence`` cut at the last white space before every ``max_chars`` characters (a hard cut where none)."""
    start, end = sentence.start, sentence.end
    while end - start > max_chars:
        last = None
        for last in _SPACE_RE.finditer(text, start + 1, start + max_chars + 1):
            pass
        cut = last.start() if last is not None else start + max_chars
        piece = strip_span(text, start, cut)
        if piece[0] < piece[1]:
            yield Sentence(sentence.paragraph, *piece)
        start = strip_span(text, cut, end)[0]
    if start < end:
        yield Sentence(sentence.paragraph, start, end)


def _continues(first_char: str) -> bool:
    """A piece that starts in lower case continues the sentence before it ("“Win!” said Mr. Ali.")."""
    return first_char.islower()
