"""Sentiment per sentence: VADER and TextBlob, and ``tone``, the combination Slant reports.

- ``vader_compound`` in [-1, 1]: VADER's normalized sum of lexicon valences (``vaderSentiment`` package lexicon).
- ``textblob_polarity`` in [-1, 1] and ``textblob_subjectivity`` in [0, 1]: TextBlob's pattern lexicon averages.
- ``tone`` in [-1, 1]: the mean of the two polarities. Each analyzer errs on its own (VADER overreacts to single
  strong words, TextBlob reads many news sentences as 0); the mean damps both. A first version: calibrated on news
  in a later release.

Paragraph and article values are word-count-weighted means of their sentences (no second pass over the text).
"""

from __future__ import annotations

from functools import lru_cache

from textblob.en.sentiments import PatternAnalyzer
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from ._model import Sentence, SentenceTone


@lru_cache(maxsize=1)
def _analyzers() -> tuple[SentimentIntensityAnalyzer, PatternAnalyzer]:
    return SentimentIntensityAnalyzer(), PatternAnalyzer()


def score_sentences(text: str, sentences: tuple[Sentence, ...]) -> tuple[SentenceTone, ...]:
    """The sentiment scores of every sentence, in the same order."""
    return tuple(score_text(text[s.start:s.end]) for s in sentences)


def score_text(sentence: str) -> SentenceTone:
    """VADER, TextBlob and the combined ``tone`` of one sentence."""
    vader, pattern = _analyzers()
    compound = vader.polarity_scores(sentence)["compound"]
    polarity, subjectivity = pattern.analyze(sentence)
    tone = max(-1.0, min(1.0, (compound + polarity) / 2))
    return SentenceTone(round(compound, 4), round(polarity, 4), round(subjectivity, 4), round(tone, 4))
