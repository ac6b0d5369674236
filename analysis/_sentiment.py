"""Sentiment per sentence: VADER and TextBlob, their evidence, and Slant's two scores (see ``docs/tone.md``).

- ``vader_compound`` in [-1, 1]: VADER's normalized sum of lexicon valences after its negation, intensifier and
  "but" rules (the analyzer and lexicon of the ``vaderSentiment`` package).
- ``textblob_polarity`` in [-1, 1], ``textblob_subjectivity`` in [0, 1]: TextBlob's pattern-lexicon averages.
- ``tone`` in [-1, 1], the sentiment a reader perceives: the mean reader rating (-4 … +4) that a linear model
  predicts from VADER′ compound, TextBlob polarity, VADER′'s positive and negative valences over √words, the
  positive and negative words of Hu and Liu's opinion lexicon over √words (``lexicons/opinion.tsv``), and the news
  words (``lexicons/tone_words.tsv``) whose weight corrects what the analyzers say ("too" -0.36, "party" -0.30),
  divided by ``RATING_SCALE`` and clipped. VADER′ is VADER with the news words its lexicon lacks
  (``lexicons/news_valence.tsv``: "airstrike", "famine"). The weights (``lexicons/tone_model.tsv``) were fitted by
  ``python -m evaluation.calibrate`` on the dev half of 5,190 New York Times editorial sentences rated by 20 people
  each, never on the held-out half.
- ``author_tone`` in [-1, 1], the writer's own evaluative stance, for sentences in the author's voice only (``None``
  in quoted speech): the same model with factual event words ("killed", "airstrikes", ``lexicons/events.tsv``)
  taken out of every input, minus ``LOADED_PULL`` × the weight of each charged author-voice term in the sentence
  (labeling, derision, insinuation, sensational) that neither analyzer scores already.
- ``evidence``: each word that moved VADER′, TextBlob, the opinion lexicon or the news-word weights, with its
  valence after negation and intensifiers, and whether it is an event word; ``tone`` is computed from it alone, so a report can show why a
  sentence reads negative.

Paragraph and article values are word-count-weighted means of their sentences (no second pass over the text).
The analyzers, the model and the word lists are read once per run (``load_sentiment``) into a ``Sentiment``, a member
of the pipeline's ``Resources``.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

import textblob.en
from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentimentIntensityAnalyzer, SentiText

from ._data import package_tsv
from ._inflect import noun_forms, verb_forms
from ._model import Evidence, LoadedTerm, Sentence, SentenceTone
from ._textblob import PatternLexicon
from ._text import overlapping

#: How much each unit of weight of a charged author-voice term pulls ``author_tone`` down.
LOADED_PULL = 0.1
_CHARGED = frozenset({"labeling", "derision", "insinuation", "sensational"})
#: ``tone`` × RATING_SCALE is the predicted mean reader rating on VADER's -4 … +4 scale: ±1 is a mean rating of ±2,
#: which only the strongest 1% of newspaper editorial sentences reach.
RATING_SCALE = 2.0
_TOKEN = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*|[.,;:!?]")
_STRAIGHT_MARKS = str.maketrans("‘’“”", "''\"\"")
_NEGATORS = frozenset({"not", "no", "never", "nothing", "nobody", "none", "neither", "nor", "without", "cannot"})


#: The analyzer inputs of ``tone``, in the order of ``tone_inputs`` (their weights: ``lexicons/tone_model.tsv``).
INPUTS = ("vader", "textblob", "positive", "negative", "opinion_positive", "opinion_negative")


@dataclass(frozen=True)
class ToneModel:
    """The weights of ``tone`` (``lexicons/tone_model.tsv`` and ``lexicons/tone_words.tsv``, written by
    ``python -m evaluation.calibrate``): one per analyzer input (``INPUTS``), and one per news word ("not" + word
    when negated)."""

    inputs: tuple[float, ...]
    words: dict[tuple[str, bool], float]

    def predict(self, inputs: list[float], news: list[float]) -> float:
        """``tone`` from its inputs: the predicted reader rating divided by ``RATING_SCALE``, clipped."""
        return _clip((sum(w * x for w, x in zip(self.inputs, inputs, strict=True)) + sum(news)) / RATING_SCALE)


def load_tone_model() -> ToneModel:
    """The shipped weights of ``tone``."""
    weights = {row["feature"]: float(row["weight"]) for row in package_tsv("lexicons", "tone_model.tsv")}
    words = {(row["term"], row["negated"] == "yes"): float(row["weight"])
             for row in package_tsv("lexicons", "tone_words.tsv")}
    return ToneModel(tuple(weights[name] for name in INPUTS), words)


@dataclass(frozen=True, eq=False)  # hashed by identity: memoised feature functions take it as an argument
class Sentiment:
    """What sentence sentiment reads, loaded once (``load_sentiment``): the analyzers, the tone model and the word
    lists; the loaded-language model reads the word lists too (``_loaded_model``)."""

    #: VADER as shipped (for ``vader_compound``).
    vader: SentimentIntensityAnalyzer
    #: VADER′: VADER with the news words its lexicon lacks (``lexicons/news_valence.tsv``, its own entries kept) and
    #: without ``neutral`` words (for ``tone``).
    news_vader: SentimentIntensityAnalyzer
    #: The pattern sentiment that TextBlob's ``PatternAnalyzer`` runs, read from plain dictionaries (``_textblob``;
    #: called once per sentence: ``analyze(keep_assessments=True)`` runs it twice).
    pattern: PatternLexicon
    model: ToneModel
    #: Words that say who someone is ("black", "refugees"; ``lexicons/neutral.tsv``): never scored in ``tone``.
    neutral: frozenset[str]
    #: Hu and Liu's opinion lexicon (``lexicons/opinion.tsv``): +1 for a positive word, -1 for a negative one; a word
    #: listed as both, or in ``neutral``, is left out.
    opinion: Mapping[str, float]
    #: Factual event words and their inflected forms (``lexicons/events.tsv``).
    events: frozenset[str]
    #: VADER's valence of each word of its lexicon, lower-cased, and TextBlob's mean subjectivity of each word it lists.
    valences: Mapping[str, float]
    subjectivity: Mapping[str, float]
    #: The words whose lexicon entry differs between VADER and VADER′, and the characters VADER reads as emoji.
    differing: frozenset[str]
    emojis: frozenset[str]


def load_sentiment() -> Sentiment:
    """The analyzers, the shipped tone model and the word lists."""
    neutral = _neutral_words()
    stock, news = SentimentIntensityAnalyzer(), _news_vader(neutral)
    differing = frozenset(w for w in stock.lexicon.keys() | news.lexicon.keys() if stock.lexicon.get(w) != news.lexicon.get(w))
    pattern = PatternLexicon.of_textblob()
    return Sentiment(stock, news, pattern, load_tone_model(), neutral, _opinion_words(neutral), _event_words(),
                     {w.lower(): v for w, v in stock.lexicon.items()}, _subjectivity(), differing,
                     frozenset(stock.emojis))


def _news_vader(neutral: frozenset[str]) -> SentimentIntensityAnalyzer:
    news = SentimentIntensityAnalyzer()
    for row in package_tsv("lexicons", "news_valence.tsv"):
        for form in noun_forms(row["term"]) | verb_forms(row["term"]):
            news.lexicon.setdefault(form, float(row["valence"]))
    for word in neutral:
        news.lexicon.pop(word, None)
    return news


def _neutral_words() -> frozenset[str]:
    return frozenset(form for row in package_tsv("lexicons", "neutral.tsv") for form in noun_forms(row["term"].lower()))


def _opinion_words(neutral: frozenset[str]) -> dict[str, float]:
    polarities: dict[str, set[float]] = {}
    for row in package_tsv("lexicons", "opinion.tsv"):
        polarities.setdefault(row["term"], set()).add(1.0 if row["polarity"] == "positive" else -1.0)
    return {word: next(iter(values)) for word, values in polarities.items() if len(values) == 1 and word not in neutral}


def _subjectivity() -> dict[str, float]:
    subjectivity = {}
    for word, senses in textblob.en.sentiment.items():
        values = [s for _, s, _ in senses.values()]
        if values:
            subjectivity[word.lower()] = sum(values) / len(values)
    return subjectivity


def _event_words() -> frozenset[str]:
    forms: set[str] = set()
    for row in package_tsv("lexicons", "events.tsv"):
        term = row["term"].lower()
        forms |= noun_forms(term) | verb_forms(term) if " " not in term else {term}
    return frozenset(forms)


def scoped_words(sentence: str) -> Iterator[tuple[str, bool, int, int]]:
    """Every word of a sentence as the tone model reads it: lower-cased (hyphenated compounds whole), whether a
    negation governs it ("no", "not", "never", "-n't", "without" … up to the next punctuation mark or "but"), and
    its span."""
    negated = False
    for match in _TOKEN.finditer(sentence):
        word = match.group().lower().replace("’", "'")
        if not word[0].isalpha() or word == "but":
            negated = False
        if not word[0].isalpha():
            continue
        yield word, negated, *match.span()
        negated = negated or word in _NEGATORS or word.endswith("n't")


def news_words(sentence: str) -> list[tuple[str, bool, int, int]]:
    """The words of ``scoped_words``, each (word, negated) pair once, where it first occurs."""
    return _first_occurrences(scoped_words(sentence))


def _first_occurrences(scoped: Iterable[tuple[str, bool, int, int]]) -> list[tuple[str, bool, int, int]]:
    found: dict[tuple[str, bool], tuple[int, int]] = {}
    for word, negated, start, end in scoped:
        found.setdefault((word, negated), (start, end))
    return [(word, negated, start, end) for (word, negated), (start, end) in found.items()]


def tone_inputs(evidence: Iterable[Evidence], sentence: str, words: int,
                sentiment: Sentiment) -> tuple[list[float], list[float]]:
    """The analyzer inputs of ``tone`` (``INPUTS``) from a sentence's evidence (or part of it): VADER′ compound,
    TextBlob polarity (the mean of its scored words), the sums of VADER′'s positive and negative valences over
    √``words``, and the same sums for the opinion lexicon; and the news-word weights."""
    evidence = list(evidence)
    vader, blob, opinion = (_valences(evidence, name) for name in ("vader", "textblob", "opinion"))
    root = math.sqrt(max(words, 1))
    inputs = [_vader_compound(sentiment.news_vader, vader, sentence), sum(blob) / len(blob) if blob else 0.0]
    for valences in (vader, opinion):
        inputs += [sum(v for v in valences if v > 0) / root, sum(v for v in valences if v < 0) / root]
    return inputs, _valences(evidence, "news")


@dataclass(frozen=True)
class _Scores:
    vader: float  # VADER as shipped
    textblob: float  # TextBlob as shipped
    subjectivity: float
    words: int  # VADER's word count
    evidence: tuple[Evidence, ...]


def score_sentences(
    text: str, sentences: tuple[Sentence, ...], sentiment: Sentiment, loaded_terms: tuple[LoadedTerm, ...] = (),
    speech: tuple[tuple[int, int], ...] = (),
) -> tuple[SentenceTone, ...]:
    """The scores of every sentence, in order. ``speech`` spans (direct quotes and attributed content) are the
    sources' words: ``author_tone`` leaves them out, and is ``None`` for a sentence that is all speech."""
    inside, charged = _per_sentence(sentences, speech, loaded_terms)
    return tuple(score_text(text[sentence.start:sentence.end], sentiment, offset=sentence.start,
                            speech=() if sentence.quoted else tuple(inside[i]), quoted=sentence.quoted,
                            charged=tuple(charged[i]))
                 for i, sentence in enumerate(sentences))


def _per_sentence(sentences: tuple[Sentence, ...], speech: tuple[tuple[int, int], ...],
                  loaded_terms: tuple[LoadedTerm, ...]) -> tuple[list[list[tuple[int, int]]], list[list[tuple[int, int, float]]]]:
    """For each sentence (in text order, not overlapping), the parts of the speech spans inside it and its charged
    author-voice terms outside them (start, end, weight), in their given order: found by bisection, in time linear in the
    sentences, spans and terms (plus the overlaps)."""
    starts, ends = [s.start for s in sentences], [s.end for s in sentences]
    inside = [[(max(s, starts[i]), min(e, ends[i])) for s, e in found]
              for i, found in enumerate(overlapping(starts, ends, speech))]
    charged: list[list[tuple[int, int, float]]] = [[] for _ in sentences]
    for t in loaded_terms:
        i = bisect_right(starts, t.start) - 1
        if i >= 0 and t.start < ends[i] and t.voice == "author" and t.category in _CHARGED \
                and not any(s <= t.start < e for s, e in inside[i]):  # a paraphrase's words: not author_tone's
            charged[i].append((t.start, t.end, t.weight))
    return inside, charged


def score_text(sentence: str, sentiment: Sentiment, *, offset: int = 0, speech: tuple[tuple[int, int], ...] = (), quoted: bool = False,
               charged: tuple[tuple[int, int, float], ...] = ()) -> SentenceTone:
    """VADER, TextBlob, ``tone``, ``author_tone`` and the evidence of one sentence (offsets shifted by ``offset``;
    ``speech``: spans of it in a source's voice; ``quoted``: all of it is; ``charged``: author-voice charged terms
    as (start, end, weight))."""
    scores = _scores(sentence, offset, sentiment)
    model = sentiment.model
    tone = model.predict(*tone_inputs(scores.evidence, sentence, scores.words, sentiment))
    author_tone = None
    if not quoted and not _covered(offset, offset + len(sentence.strip()), speech):
        kept = [e for e in scores.evidence if not e.event and not any(s <= e.start < t for s, t in speech)]
        unscored = sum(w for start, end, w in charged if not any(start < e.end and e.start < end for e in kept))
        own = tone if len(kept) == len(scores.evidence) else model.predict(*tone_inputs(kept, sentence, scores.words,
                                                                                        sentiment))
        author_tone = _clip(own - LOADED_PULL * unscored)
    return SentenceTone(round(scores.vader, 4), round(scores.textblob, 4), round(scores.subjectivity, 4),
                        round(tone, 4), None if author_tone is None else round(author_tone, 4), scores.evidence)


def _valences(evidence, analyzer: str) -> list[float]:
    return [e.valence for e in evidence if e.analyzer == analyzer]


def _covered(start: int, end: int, spans: tuple[tuple[int, int], ...]) -> bool:
    """Whether the spans leave no word of ``start:end`` outside them (marks and punctuation aside)."""
    outside = end - start - sum(e - s for s, e in spans)
    return outside <= 4


def _clip(value: float) -> float:
    return max(-1.0, min(1.0, value))


def _scores(sentence: str, offset: int, sentiment: Sentiment) -> _Scores:
    vader, pattern = sentiment.news_vader, sentiment.pattern
    events, neutral = sentiment.events, sentiment.neutral
    straight = sentence.translate(_STRAIGHT_MARKS)  # VADER strips only ASCII marks from words: "brilliant,”"
    sentitext, before_but, valences = _vader_valences(vader, straight)
    words = sentitext.words_and_emoticons
    evidence = [
        Evidence(offset + start, offset + end, sentence[start:end], "vader", round(v, 4), word.lower() in events)
        for (word, start, end), v in zip(_locate(straight, words), valences) if v
    ]
    scored = pattern(sentence)
    polarity, subjectivity, assessments = scored.polarity, scored.subjectivity, scored.assessments
    evidence += [
        Evidence(offset + start, offset + end, sentence[start:end], "textblob", round(p, 4),
                 all(w.lower() in events for w in phrase if w.isalpha()))
        for phrase, p, _, _ in assessments if p and phrase[-1].lower() not in neutral
        for start, end in [_phrase_span(sentence, phrase)] if start is not None
    ]
    opinion, scoped = sentiment.opinion, list(scoped_words(sentence))
    evidence += [
        Evidence(offset + start, offset + end, sentence[start:end], "opinion", opinion[word], word in events)
        for word, negated, start, end in scoped if word in opinion and not negated
    ]
    weights = sentiment.model.words
    evidence += [
        Evidence(offset + start, offset + end, sentence[start:end], "news", weights[word, negated], word in events)
        for word, negated, start, end in _first_occurrences(scoped) if (word, negated) in weights
    ]
    return _Scores(_stock_compound(sentiment, sentence, straight, sentitext, before_but), polarity, subjectivity, len(words),
                   tuple(sorted(evidence, key=lambda e: (e.start, e.analyzer))))


def _stock_compound(sentiment: Sentiment, sentence: str, straight: str, read: SentiText, valences: list[float]) -> float:
    """VADER's compound as shipped (``polarity_scores``) from the valences VADER′ gave the sentence before VADER's "but"
    rule (``valences``; ``read``: VADER′'s reading of ``straight``, the sentence with straight quote marks). VADER
    gives a word its valence from that word, the three before it and the two after it, so only the valences within
    reach of a word the two read differently (one with a curly mark, or one whose lexicon entry differs) are computed
    again, by VADER as shipped on the sentence as it is: VADER runs once per sentence. A sentence with an emoji or
    white space at an edge (``polarity_scores`` rewrites and strips it) has a pass of its own."""
    stock, differing, emojis = sentiment.vader, sentiment.differing, sentiment.emojis
    if not emojis.isdisjoint(sentence) or sentence != sentence.strip():
        return stock.polarity_scores(sentence)["compound"]
    text = read if straight == sentence else SentiText(sentence)
    words = text.words_and_emoticons  # as many as VADER′ read: the quote marks are changed one for one, never spaces
    redo = {i for j, (word, theirs) in enumerate(zip(words, read.words_and_emoticons))
            if word != theirs or word.lower() in differing for i in range(max(j - 2, 0), min(j + 4, len(words)))}
    sentiments = list(valences)
    for i in redo:
        item = words[i].lower()
        modifier = item in BOOSTER_DICT or item == "kind" and i + 1 < len(words) and words[i + 1].lower() == "of"
        known = item in stock.lexicon  # VADER gives a word outside its lexicon 0, whatever its neighbours
        sentiments[i] = stock.sentiment_valence(0, text, words[i], i, [])[-1] if known and not modifier else 0
    return stock.score_valence(stock._but_check(words, sentiments), sentence)["compound"]  # noqa: SLF001 - VADER's own


def _vader_valences(vader: SentimentIntensityAnalyzer, sentence: str) -> tuple[SentiText, list[float], list[float]]:
    """VADER's reading of the sentence and each word's valence after VADER's rules, before and after its "but" rule:
    the same steps as ``polarity_scores`` before summing."""
    sentitext = SentiText(sentence)
    words = sentitext.words_and_emoticons
    sentiments: list[float] = []
    for i, item in enumerate(words):
        if item.lower() in BOOSTER_DICT or (item.lower() == "kind" and i + 1 < len(words) and words[i + 1].lower() == "of"):
            sentiments.append(0)
            continue
        sentiments = vader.sentiment_valence(0, sentitext, item, i, sentiments)
    return sentitext, list(sentiments), vader._but_check(words, sentiments)  # noqa: SLF001 - VADER's own "but" rule


def _vader_compound(vader: SentimentIntensityAnalyzer, valences: list[float], sentence: str) -> float:
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
    match = _phrase_pattern(tuple(phrase)).search(sentence)
    return (match.start(), match.end()) if match else (None, 0)


@lru_cache(maxsize=4096)
def _phrase_pattern(phrase: tuple[str, ...]) -> re.Pattern[str]:
    """TextBlob's assessed words as a pattern, compiled once per phrase."""
    return re.compile(r"(?<!\w)%s(?!\w)" % r"\W+".join(re.escape(w) for w in phrase), re.IGNORECASE)
