"""Loaded language: lexicon terms matched as whole words, and scare quotes read from punctuation.

Matching: a term's words must follow each other in the text (any case, unless the term has capitals); its last word
may carry a plural or verb ending ("jihadists", "pounded"). Where candidates overlap, the longest wins, so spans never
overlap and each has one category.

Voice: a term inside a direct quote or inside the content of an attribution is ``quoted`` (the source's word);
otherwise it is ``author`` (the outlet's own voice). A scare quote is always ``author``: the writer distances
themselves from the quoted word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ._lexicon import Lexicon, LexiconEntry
from ._model import Attribution, LoadedTerm, Paragraph, Quote
from ._text import WORD_RE, count_words

#: A scare quote is a quoted fragment of at most this many words that is not speech.
SCARE_QUOTE_MAX_WORDS = 3
_ENDINGS = ("", "s", "es", "d", "ed", "ing")


@dataclass(frozen=True)
class TermIndex:
    """Lexicon entries keyed by their first word, for one pass over the words of a text."""

    by_first_word: dict[str, tuple[tuple[tuple[str, ...], LexiconEntry], ...]]

    @classmethod
    def build(cls, lexicon: Lexicon) -> TermIndex:
        index: dict[str, list[tuple[tuple[str, ...], LexiconEntry]]] = {}
        for entry in lexicon.entries:
            words = tuple(m.group() for m in WORD_RE.finditer(entry.term))
            if words:
                index.setdefault(_fold(words[0], entry), []).append((words, entry))
        return cls({k: tuple(sorted(v, key=lambda t: -len(t[0]))) for k, v in index.items()})


def find_loaded_terms(
    text: str,
    paragraphs: Iterable[Paragraph],
    quotes: tuple[Quote, ...],
    attributions: tuple[Attribution, ...],
    index: TermIndex,
) -> tuple[LoadedTerm, ...]:
    """Loaded terms and scare quotes of the given paragraphs, in text order, never overlapping."""
    speech = _speech_spans(quotes, attributions)
    scare = [q for q in quotes if _is_scare_quote(text, q, attributions)]
    terms: list[LoadedTerm] = []
    for paragraph in paragraphs:
        candidates = [
            *(_scare_term(text, q) for q in scare if q.paragraph == paragraph.index),
            *_lexicon_matches(text, paragraph, index),
        ]
        for term in _longest_first(candidates):
            voice = "author" if term.category == "scare_quote" or not _inside(term, speech) else "quoted"
            terms.append(LoadedTerm(term.paragraph, term.start, term.end, term.text, term.category, voice, term.weight, term.term))
    return tuple(terms)


def _lexicon_matches(text: str, paragraph: Paragraph, index: TermIndex) -> list[LoadedTerm]:
    words = list(WORD_RE.finditer(text, paragraph.start, paragraph.end))
    found = []
    for i, word in enumerate(words):
        lowered = word.group().lower()
        for key in {lowered, word.group(), *_stems(lowered)}:
            for term_words, entry in index.by_first_word.get(key, ()):
                end = _match_at(words, i, term_words, entry)
                if end is not None:
                    start = word.start()
                    found.append(LoadedTerm(paragraph.index, start, end, text[start:end], entry.category, "author", entry.weight, entry.term))  # type: ignore[arg-type]
    return found


def _match_at(words: list[re.Match[str]], i: int, term_words: tuple[str, ...], entry: LexiconEntry) -> int | None:
    """The end offset of the term when its words start at ``words[i]``, else None."""
    if i + len(term_words) > len(words):
        return None
    for k, expected in enumerate(term_words):
        actual = words[i + k].group()
        last = k == len(term_words) - 1
        if not _same_word(actual, expected, entry, inflected=last):
            return None
        if k and not _adjacent(words[i + k - 1], words[i + k]):
            return None
    return words[i + len(term_words) - 1].end()


def _same_word(actual: str, expected: str, entry: LexiconEntry, *, inflected: bool) -> bool:
    actual, expected = _fold(actual, entry), _fold(expected, entry)
    if not inflected:
        return actual == expected
    return any(actual == expected + ending for ending in _ENDINGS) or (
        expected.endswith("e") and actual == expected[:-1] + "ing"
    ) or (expected.endswith("y") and actual == expected[:-1] + "ies")


def _stems(word: str) -> set[str]:
    """Base forms a word may come from, to look it up by its first word ("pounded" → "pound")."""
    stems = {word[: -len(e)] for e in _ENDINGS if e and word.endswith(e)}
    if word.endswith("ing"):
        stems.add(word[:-3] + "e")
    if word.endswith("ies"):
        stems.add(word[:-3] + "y")
    return stems


def _adjacent(previous: re.Match[str], current: re.Match[str]) -> bool:
    """Words of a phrase are separated by white space only."""
    between = current.string[previous.end():current.start()]
    return between.isspace() and "\n\n" not in between


def _fold(word: str, entry: LexiconEntry) -> str:
    return word if entry.term != entry.term.lower() else word.lower()


def _longest_first(candidates: list[LoadedTerm]) -> list[LoadedTerm]:
    """Keep the longest of overlapping candidates (then the earliest); the result is in text order."""
    kept: list[LoadedTerm] = []
    for term in sorted(candidates, key=lambda t: (-(t.end - t.start), t.start)):
        if all(term.end <= k.start or k.end <= term.start for k in kept):
            kept.append(term)
    return sorted(kept, key=lambda t: t.start)


def _speech_spans(quotes: tuple[Quote, ...], attributions: tuple[Attribution, ...]) -> list[tuple[int, int]]:
    spans = [(q.start, q.end) for q in quotes]
    spans += [(a.content.start, a.content.end) for a in attributions if a.content is not None]
    return spans


def _inside(term: LoadedTerm, spans: list[tuple[int, int]]) -> bool:
    return any(start <= term.start and term.end <= end for start, end in spans)


def _is_scare_quote(text: str, quote: Quote, attributions: tuple[Attribution, ...]) -> bool:
    """A short quoted fragment that is not a sentence and is not given to a source as speech."""
    fragment = text[quote.start:quote.end]
    if count_words(fragment) > SCARE_QUOTE_MAX_WORDS or fragment.rstrip(",").endswith((".", "!", "?")):
        return False
    return not any(a.content is not None and a.content.start <= quote.start and quote.end <= a.content.end for a in attributions)


def _scare_term(text: str, quote: Quote) -> LoadedTerm:
    end = quote.end
    while end > quote.start and text[end - 1] in ",;:":
        end -= 1
    fragment = text[quote.start:end]
    return LoadedTerm(quote.paragraph, quote.start, end, fragment, "scare_quote", "author", 1.0, "")
