"""Sentences with offsets, from NLTK's Punkt algorithm with parameters this repo owns (no punkt download)."""

from __future__ import annotations

from functools import lru_cache

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from ._data import package_tsv
from ._model import Paragraph, Sentence
from ._text import strip_span


@lru_cache(maxsize=1)
def _tokenizer() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = {row["abbreviation"] for row in package_tsv("data", "abbreviations.tsv")}
    return PunktSentenceTokenizer(params)


def split_sentences(text: str, paragraphs: tuple[Paragraph, ...]) -> tuple[Sentence, ...]:
    """The sentences of every paragraph, in order; a sentence never crosses a paragraph boundary."""
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
    return tuple(sentences)


def _continues(first_char: str) -> bool:
    """A piece that starts in lower case continues the sentence before it ("“Win!” said Mr. Ali.")."""
    return first_char.islower()
