"""The simple peers every task is measured beside, on the same items in the same run.

- Loaded language: a plain word list, the negative half of Hu and Liu's opinion lexicon that Slant ships; and the
  words of VADER's lexicon with a valence of at least 2 either way.
- Attribution: a cue-verb regular expression (reporting verbs and "according to"), its source the capitalised words or
  pronoun next to the cue, its content the rest of the sentence.
- Tone: VADER's compound and TextBlob's polarity (in ``tone.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis._data import package_tsv
from analysis._text import WORD_RE

from .scores import Fragments


@dataclass(frozen=True)
class WordList:
    """A peer that marks every word of a list."""

    name: str
    words: frozenset[str]

    def spans(self, text: str, start: int = 0, end: int | None = None) -> list[Fragments]:
        """Every listed word of ``text[start:end]``, as one-fragment spans."""
        return [((m.start(), m.end()),) for m in WORD_RE.finditer(text, start, len(text) if end is None else end)
                if m.group().lower() in self.words]


@lru_cache(maxsize=None)
def word_lists() -> tuple[WordList, ...]:
    """The two word-list peers of loaded language."""
    negative = frozenset(row["term"].lower() for row in package_tsv("lexicons", "opinion.tsv")
                         if row["polarity"] == "negative")
    strong = frozenset(w.lower() for w, v in SentimentIntensityAnalyzer().lexicon.items() if abs(v) >= 2)
    return (WordList("negative opinion words (Hu & Liu)", negative), WordList("VADER words |valence| >= 2", strong))


# -- attribution --------------------------------------------------------------------------------------------

_VERBS = ("said says say told tells tell stated states added adds argued argues claimed claims wrote writes noted "
          "notes explained explains announced announces insisted insists asked asks reported reports suggested "
          "suggests warned warns acknowledged acknowledges admitted admits denied denies believes believe thinks "
          "think").split()
_NAME = r"(?:[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|of|the|de|van|von))*|[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Ii]t)"
_VERB = r"(?:" + "|".join(_VERBS) + r")"
_PREPOSED = re.compile(rf"(?P<source>{_NAME})\s+(?P<cue>{_VERB})\b")
_INVERTED = re.compile(rf"\b(?P<cue>{_VERB})\s+(?P<source>{_NAME})")
_ACCORDING = re.compile(rf"\b(?P<cue>[Aa]ccording to)\s+(?P<source>[^,.;:\n]+)")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*[\"”’]?")


@dataclass(frozen=True)
class RegexRelation:
    cue: Fragments
    source: Fragments | None
    content: Fragments | None


def regex_attributions(text: str) -> Iterator[RegexRelation]:
    """The cue-verb regex peer: one relation per reporting verb or "according to" in a sentence."""
    for sentence in _SENTENCE.finditer(text):
        start, end = sentence.span()
        taken: list[tuple[int, int]] = []
        for pattern, source_first in ((_ACCORDING, False), (_PREPOSED, True), (_INVERTED, False)):
            for m in pattern.finditer(text, start, end):
                cue = m.span("cue")
                if any(s < cue[1] and cue[0] < e for s, e in taken):
                    continue
                taken.append(cue)
                source = m.span("source")
                if source_first or pattern is _ACCORDING:
                    content = (cue[1] + 1, end) if pattern is _PREPOSED else (start, cue[0])
                    if pattern is _ACCORDING:
                        content = (source[1] + 1, end) if cue[0] - start < 3 else (start, cue[0])
                else:
                    content = (start, cue[0])
                content = _strip(text, *content)
                yield RegexRelation((cue,), (source,), (content,) if content[1] > content[0] else None)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end
