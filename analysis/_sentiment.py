"""Sentiment per sentence: VADER and TextBlob, their evidence, and Slant's two scores (see ``docs/tone.md``).

- ``vader_compound`` in [-1, 1]: VADER's normalized sum of lexicon valences after its negation, intensifier and
  "but" rules (the analyzer and lexicon of the ``vaderSentiment`` package).
- ``textblob_polarity`` in [-1, 1], ``textblob_subjectivity`` in [0, 1]: TextBlob's pattern-lexicon averages.
- ``tone`` in [-1, 1], the sentiment a reader perceives: ``TONE_VADER`` × VADER + ``TONE_TEXTBLOB`` × TextBlob,
  clipped, where VADER's lexicon gains the news words it lacks (``lexicons/news_valence.tsv``: "airstrike",
  "famine", "breakthrough"). The weights were fitted on the tone dev set (news sentences rated by people), never on
  the held-out half.
- ``author_tone`` in [-1, 1], the writer's own evaluative stance, for sentences in the author's voice only (``None``
  in quoted speech): the same combination with factual event words ("killed", "airstrikes", ``lexicons/events.tsv``)
  taken out of both analyzers, minus ``LOADED_PULL`` × the weight of each charged author-voice term in the sentence
  (labeling, derision, insinuation, sensational) that neither analyzer scores already.
- ``evidence``: each word that moved VADER or TextBlob, with its valence after negation and intensifiers, and
  whether it is an event word; so a report can show why a sentence reads negative.

Paragraph and article values are word-count-weighted means of their sentences (no second pass over the text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from textblob.en.sentiments import PatternAnalyzer
from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentimentIntensityAnalyzer, SentiText

from ._data import package_tsv
from ._inflect import noun_forms, verb_forms
from ._model import Evidence, LoadedTerm, Sentence, SentenceTone

#: Fitted on the tone dev set (see docs/tone.md): both analyzers count, and clipping the sum at ±1 reads a sentence
#: with several strong words as strongly negative or positive, as readers do.
TONE_VADER = 1.5
TONE_TEXTBLOB = 1.25
#: How much each unit of weight of a charged author-voice term pulls ``author_tone`` down.
LOADED_PULL = 0.1
_CHARGED = frozenset({"labeling", "derision", "insinuation", "sensational"})


@lru_cache(maxsize=1)
def _analyzers() -> tuple[SentimentIntensityAnalyzer, SentimentIntensityAnalyzer, PatternAnalyzer]:
    """VADER as shipped (for ``vader_compound``), VADER with the news words its lexicon lacks
    (``lexicons/news_valence.tsv``, its own entries kept; for ``tone``), and TextBlob's pattern analyzer."""
    news = SentimentIntensityAnalyzer()
    for row in package_tsv("lexicons", "news_valence.tsv"):
        for form in noun_forms(row["term"]) | verb_forms(row["term"]):
            news.lexicon.setdefault(form, float(row["valence"]))
    return SentimentIntensityAnalyzer(), news, PatternAnalyzer()


@lru_cache(maxsize=1)
def event_words() -> frozenset[str]:
    """Factual event words and their inflected forms (``lexicons/events.tsv``)."""
    forms: set[str] = set()
    for row in package_tsv("lexicons", "events.tsv"):
        term = row["term"].lower()
        forms |= noun_forms(term) | verb_forms(term) if " " not in term else {term}
    return frozenset(forms)


@dataclass(frozen=True)
class _Scores:
    vader: float  # VADER as shipped
    news_vader: float  # VADER with news words
    textblob: float
    subjectivity: float
    evidence: tuple[Evidence, ...]


def score_sentences(
    text: str, sentences: tuple[Sentence, ...], loaded_terms: tuple[LoadedTerm, ...] = (), speech: tuple[tuple[int, int], ...] = ()
) -> tuple[SentenceTone, ...]:
    """The scores of every sentence, in order. ``speech`` spans (direct quotes and attributed content) are the
    sources' words: ``author_tone`` leaves them out, and is ``None`` for a sentence that is all speech."""
    tones = []
    for sentence in sentences:
        inside = [(max(s, sentence.start), min(e, sentence.end)) for s, e in speech if s < sentence.end and sentence.start < e]
        charged = tuple((t.start, t.end, t.weight) for t in loaded_terms if sentence.start <= t.start < sentence.end
                        and t.voice == "author" and t.category in _CHARGED)
        tones.append(score_text(text[sentence.start:sentence.end], offset=sentence.start,
                                speech=() if sentence.quoted else tuple(inside), quoted=sentence.quoted,
                                charged=charged))
    return tuple(tones)


def score_text(sentence: str, *, offset: int = 0, speech: tuple[tuple[int, int], ...] = (), quoted: bool = False,
               charged: tuple[tuple[int, int, float], ...] = ()) -> SentenceTone:
    """VADER, TextBlob, ``tone``, ``author_tone`` and the evidence of one sentence (offsets shifted by ``offset``;
    ``speech``: spans of it in a source's voice; ``quoted``: all of it is; ``charged``: author-voice charged terms
    as (start, end, weight))."""
    scores = _scores(sentence, offset)
    tone = combine(scores.news_vader, scores.textblob)
    author_tone = None
    if not quoted and not _covered(offset, offset + len(sentence.strip()), speech):
        kept = [e for e in scores.evidence if not e.event and not any(s <= e.start < t for s, t in speech)]
        vader = _vader_compound([e.valence for e in kept if e.analyzer == "vader"], sentence)
        blob = [e.valence for e in kept if e.analyzer == "textblob"]
        textblob = sum(blob) / len(blob) if blob else 0.0
        unscored = sum(w for start, end, w in charged if not any(start < e.end and e.start < end for e in kept))
        author_tone = _clip(combine(vader, textblob) - LOADED_PULL * unscored)
    return SentenceTone(round(scores.vader, 4), round(scores.textblob, 4), round(scores.subjectivity, 4),
                        round(tone, 4), None if author_tone is None else round(author_tone, 4), scores.evidence)


def _covered(start: int, end: int, spans: tuple[tuple[int, int], ...]) -> bool:
    """Whether the spans leave no word of ``start:end`` outside them (marks and punctuation aside)."""
    outside = end - start - sum(e - s for s, e in spans)
    return outside <= 4


def combine(vader: float, textblob: float) -> float:
    """``tone`` from the two analyzers' polarities."""
    return _clip(TONE_VADER * vader + TONE_TEXTBLOB * textblob)


def _clip(value: float) -> float:
    return max(-1.0, min(1.0, value))


def _scores(sentence: str, offset: int) -> _Scores:
    stock, vader, pattern = _analyzers()
    events = event_words()
    words, valences = _vader_valences(vader, sentence)
    evidence = [
        Evidence(offset + start, offset + end, sentence[start:end], "vader", round(v, 4), word.lower() in events)
        for (word, start, end), v in zip(_locate(sentence, words), valences) if v
    ]
    polarity, subjectivity, assessments = pattern.analyze(sentence, keep_assessments=True)
    evidence += [
        Evidence(offset + start, offset + end, sentence[start:end], "textblob", round(p, 4),
                 all(w.lower() in events for w in phrase if w.isalpha()))
        for phrase, p, _, _ in assessments if p for start, end in [_phrase_span(sentence, phrase)] if start is not None
    ]
    return _Scores(stock.polarity_scores(sentence)["compound"], _vader_compound(valences, sentence), polarity,
                   subjectivity, tuple(sorted(evidence, key=lambda e: (e.start, e.analyzer))))


def _vader_valences(vader: SentimentIntensityAnalyzer, sentence: str) -> tuple[list[str], list[float]]:
    """Each word's valence after VADER's rules: the same steps as ``polarity_scores`` before summing."""
    sentitext = SentiText(sentence)
    words = sentitext.words_and_emoticons
    sentiments: list[float] = []
    for i, item in enumerate(words):
        if item.lower() in BOOSTER_DICT or (item.lower() == "kind" and i + 1 < len(words) and words[i + 1].lower() == "of"):
            sentiments.append(0)
            continue
        sentiments = vader.sentiment_valence(0, sentitext, item, i, sentiments)
    return words, vader._but_check(words, sentiments)  # noqa: SLF001 - VADER's own "but" rule


def _vader_compound(valences: list[float], sentence: str) -> float:
    _, vader, _ = _analyzers()
    return vader.score_valence(valences, sentence)["compound"] if valences else 0.0


def _locate(sentence: str, words: list[str]) -> list[tuple[str, int, int]]:
    """Offsets of VADER's words (white-space tokens with edge punctuation stripped), in order."""
    located, position = [], 0
    for word in words:
        start = sentence.find(word, position)
        if start < 0:
            located.append((word, position, position))
            continue
        located.append((word, start, start + len(word)))
        position = start + len(word)
    return located


def _phrase_span(sentence: str, phrase: list[str]) -> tuple[int | None, int]:
    """The span of TextBlob's assessed words ("not very good") in the sentence."""
    pattern = r"\W+".join(re.escape(w) for w in phrase)
    match = re.search(r"(?<!\w)%s(?!\w)" % pattern, sentence, re.IGNORECASE)
    return (match.start(), match.end()) if match else (None, 0)
