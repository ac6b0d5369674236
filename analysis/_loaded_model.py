"""The loaded-language model learned from annotated news, next to the lexicon.

Two parts, both trained on the dev parts of real annotated corpora by ``make train`` (``evaluation/train_loaded.py``;
see ``docs/loaded-language.md``) and shipped as data in ``analysis/models``:

- a **token model**: a linear-chain CRF (python-crfsuite) that reads every token of an analysed sentence and gives the
  probability that it is loaded (PTC's Loaded_Language and Name_Calling,Labeling spans, BABE's biased words), and that
  it is a name-calling label (PTC's Name_Calling,Labeling) rather than other loaded language. It reads the word, its
  word clusters (``_word_clusters``: classes of words used alike, so that what it learned of a word reaches the words
  of its class), its suffix and shape, its part of speech, whether the lexicon matches it and in which category, its
  polarity in the opinion lexicon, its VADER valence and TextBlob subjectivity, whether it is a factual event word,
  whether it is inside a source's speech or in the headline, and the same of its neighbours;
- a **sentence model**: a logistic regression over what the token model and the lexicons say of a sentence and over
  the log-odds of a **word model** (a logistic regression over the TF-IDF of the sentence's words and word pairs, fitted
  on BABE's sentences), which gives the probability that the sentence is biased in BABE's sense (it takes a side, by
  its words).

How the model and the lexicon combine (:func:`judge_terms`): a lexicon term stays when the model gives one of its
tokens at least ``lexicon_threshold``, or ``mild_lexicon_threshold`` for a mild entry (weight 0.5, sometimes neutral)
(the model confirms it in context; scare quotes, hedges and the terms of a user's lexicon always stay); contiguous
tokens at or above ``token_threshold`` that overlap no kept lexicon term make a span of their own (function words at
its edges left out), ``labeling`` when the model reads it as name calling more than as other loaded language (PTC's
two techniques) and ``emotive`` otherwise, weight 1. Each term carries ``probability``: the model's highest token
probability inside it.

The token model reads each token's features as the model's attribute numbers (:func:`attribute_numbers`, in the
order of :func:`token_features`, the strings the training writes), and crfsuite gives its probabilities from the label
scores they sum to (``_crf``): the same probabilities as crfsuite's given the strings.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from importlib import resources
from typing import NamedTuple

import numpy as np

from ._crf import CRFWeights, PairNumbers, WordRows
from ._data import read_tsv
from ._loaded import with_voice
from ._model import Analysis, LoadedTerm, Sentence, Token
from ._names import is_title
from ._text import SpanIndex, overlapping
from ._sentiment import Sentiment
from ._word_clusters import WordClusters

MODEL_FILE = "loaded.crfsuite"
SETTINGS_FILE = "loaded.tsv"
WORDS_FILE = "loaded_words.tsv"
#: The token model's labels: loaded language (PTC's Loaded_Language, BABE's biased words), a name-calling label
#: (PTC's Name_Calling,Labeling), neither.
LOADED, NAME_CALLING, OTHER = "L", "N", "O"
#: Sentence-model inputs, in the order of their weights in ``loaded.tsv``.
SENTENCE_INPUTS = ("bias", "max_p", "mean_p", "sum_p", "lexicon", "negative", "positive", "subjective", "valence",
                   "speech", "headline", "words")
#: A lexicon entry of this weight or less is mild, sometimes neutral (``lexicons/loaded.tsv``).
MILD_WEIGHT = 0.5
#: Entries of each memo of word features: the common words of a corpus (rare ones, numbers and names come and go).
_MEMO = 1 << 12


class LoadedModel:
    """The shipped token, word and sentence models and their thresholds (``analysis/models``)."""

    def __init__(self, crf: bytes, settings: str, words: str) -> None:
        self.weights = CRFWeights(crf)
        #: crfsuite over the token model's label scores (``_crf``), reading the bytes of ``weights`` in place
        self.tagger = self.weights.tagger()
        self.numbers = _ContextNumbers.of(self.weights)
        values = {row["name"]: float(row["value"]) for _, row in read_tsv(settings)[1]}
        self.token_threshold = values["token_threshold"]
        self.lexicon_threshold = values["lexicon_threshold"]
        self.mild_lexicon_threshold = values["mild_lexicon_threshold"]
        self.sentence_threshold = values["sentence_threshold"]
        self.sentence_weights = tuple(values[f"weight_{name}"] for name in SENTENCE_INPUTS)
        self.words_intercept = values["words_intercept"]
        self.words = {row["term"]: (float(row["idf"]), float(row["weight"])) for _, row in read_tsv(words)[1]}

    def token_probabilities(self, readings: Sequence[SentenceReading], clusters: WordClusters,
                            sentiment: Sentiment) -> list[tuple[list[float], list[float]]]:
        """For each sentence read, the probability that each of its tokens is loaded, and that it is a name-calling
        label (read only where the first is at least ``token_threshold``, where a model span can hold the token: 0.0
        elsewhere): the token model over the features of :func:`token_features`, read as its attribute numbers."""
        scores = self.weights.scores(attribute_numbers(readings, clusters, sentiment, self))
        read, at = [], 0
        for reading in readings:
            read.append(self._marginals(scores[at:at + len(reading.tokens)]))
            at += len(reading.tokens)
        return read

    def _marginals(self, scores: list[dict[str, float]]) -> tuple[list[float], list[float]]:
        """The probabilities of ``token_probabilities`` for one sentence whose tokens have the label ``scores``."""
        if not scores:
            return [], []
        self.tagger.set(scores)
        marginal, threshold = self.tagger.marginal, self.token_threshold
        loaded = [1 - marginal(OTHER, i) for i in range(len(scores))]
        return loaded, [marginal(NAME_CALLING, i) if p >= threshold else 0.0 for i, p in enumerate(loaded)]

    def lexicon_threshold_of(self, term: LoadedTerm) -> float:
        """The model probability at or above which a lexicon term stays: ``mild_lexicon_threshold`` for a mild entry
        (weight 0.5 or less: sometimes neutral), ``lexicon_threshold`` for the others."""
        return self.mild_lexicon_threshold if term.weight <= MILD_WEIGHT else self.lexicon_threshold

    def words_logit(self, tokens: Sequence[Token]) -> float:
        """The word model's log-odds that a sentence is biased: a logistic regression over the TF-IDF of its
        :func:`sentence_terms` (term frequency 1 + ln count, times the term's idf, the vector scaled to length 1)."""
        counts = Counter(term for term in sentence_terms(tokens) if term in self.words)
        x = {term: (1 + math.log(n)) * self.words[term][0] for term, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in x.values()))
        return self.words_intercept + (sum(self.words[t][1] * v for t, v in x.items()) / norm if norm else 0.0)

    def sentence_probability(self, inputs: Sequence[float]) -> float:
        """The probability that a sentence is biased, from its ``sentence_inputs``."""
        z = sum(w * x for w, x in zip(self.sentence_weights, inputs))
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def load_loaded_model() -> LoadedModel:
    """The model shipped in the package."""
    folder = resources.files("analysis").joinpath("models")
    return LoadedModel(folder.joinpath(MODEL_FILE).read_bytes(), folder.joinpath(SETTINGS_FILE).read_text("utf-8"),
                       folder.joinpath(WORDS_FILE).read_text("utf-8"))


def sentence_terms(tokens: Sequence[Token]) -> list[str]:
    """What the word model reads of a sentence: its words in lower case and each pair of consecutive words."""
    words = [t.lower for t in tokens if t.text[:1].isalnum()]
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


@dataclass(frozen=True)
class TokenContext:
    """What the model knows of a token besides its words: the lexicon's category for it (``B-``/``I-`` prefixed, or
    empty), whether it is in a source's speech, and whether it is in the headline."""

    lexicon: str = ""
    speech: bool = False
    headline: bool = False


def _shape(word: str) -> str:
    if word.isdigit():
        return "d"
    if not word[:1].isalnum():
        return "p"
    if word.isupper() and len(word) > 1:
        return "X"
    return "Xx" if word[:1].isupper() else "x"


def _own(lower: str, pos: str, lex: str, sentiment: Sentiment) -> dict[str, str]:
    """The attributes of a token that its neighbours also see, from its lower-cased word, part of speech and lexicon
    category."""
    vader, subjectivity = sentiment.valences, sentiment.subjectivity
    opinion = sentiment.opinion.get(lower)
    attributes = {"w": lower, "pos": pos, "lex": lex}
    if opinion:
        attributes["op"] = "+" if opinion > 0 else "-"
    if lower in vader:
        attributes["vad"] = str(max(-3, min(3, round(vader[lower]))))
    if subjectivity.get(lower, 0) >= 0.5:
        attributes["subj"] = "1"
    return attributes


def _cluster_items(prefix: str, lower: str, clusters: WordClusters) -> list[str]:
    return [f"{prefix}c{k}={c}" for k, c in zip(clusters.granularities, clusters.of(lower))]


class _WordItems(NamedTuple):
    """The features a token gives of its word, part of speech and lexicon category: its own and what the token
    ``offset`` places away sees of it (see :func:`_word_items`)."""

    lower: str
    own: tuple[str, ...]
    seen: dict[int, tuple[str, ...]]


@lru_cache(maxsize=_MEMO)
def _word_items(text: str, pos: str, lexicon: str, clusters: WordClusters, sentiment: Sentiment) -> _WordItems:
    """A token's features of its own word, its clusters, part of speech and lexicon context, and those it gives its
    neighbours: all its attributes and clusters next to it, its part of speech and lexicon category two places away
    (memoised: words repeat)."""
    lower = text.lower()
    attributes = _own(lower, pos, lexicon[2:] if lexicon else "-", sentiment)
    items = [f"{k}={v}" for k, v in attributes.items()]
    items += _cluster_items("", lower, clusters)
    items += [f"suf3={lower[-3:]}", f"suf2={lower[-2:]}", f"shape={_shape(text)}", f"pos2={pos[:2]}"]
    if lexicon:
        items.append(f"lexb={lexicon}")
    if lower in sentiment.events:
        items.append("event")
    seen = {}
    for offset in (-2, -1, 1, 2):
        near = [f"{offset}:{k}={v}" for k, v in attributes.items() if abs(offset) == 1 or k in ("pos", "lex")]
        if abs(offset) == 1:
            near += _cluster_items(f"{offset}:", lower, clusters)
        seen[offset] = tuple(near)
    return _WordItems(lower, tuple(items), seen)


_OFFSETS = (-2, -1, 1, 2)
_EDGES = {offset: f"{offset}:edge" for offset in _OFFSETS}


def token_features(tokens: Sequence[Token], contexts: Sequence[TokenContext], clusters: WordClusters,
                   sentiment: Sentiment) -> list[list[str]]:
    """The CRF attributes of each token of one sentence (``sentiment``: the word lists it reads)."""
    words = [_word_items(t.text, t.tag, c.lexicon, clusters, sentiment) for t, c in zip(tokens, contexts)]
    n = len(words)
    features = []
    for i, (word, context) in enumerate(zip(words, contexts)):
        items = list(word.own)
        if context.speech:
            items.append("speech")
        if context.headline:
            items.append("headline")
        if i == 0:
            items.append("first")
        for offset in _OFFSETS:
            j = i + offset
            if 0 <= j < n:
                items += words[j].seen[offset]
            else:
                items.append(_EDGES[offset])
        if i > 0:
            items.append(f"bi-={words[i - 1].lower}|{word.lower}")
        if i + 1 < n:
            items.append(f"bi+={word.lower}|{words[i + 1].lower}")
        features.append(items)
    return features


class _ContextNumbers(NamedTuple):
    """The token model's attribute numbers of the features of :func:`token_features` that come from no word: speech,
    headline, first, the edges (by offset, in ``_OFFSETS`` order) and the word pairs (0: a feature the model lacks)."""

    speech: int
    headline: int
    first: int
    edges: tuple[int, ...]
    before: PairNumbers
    after: PairNumbers

    @classmethod
    def of(cls, weights: CRFWeights) -> _ContextNumbers:
        get = weights.numbers.get
        return cls(get("speech", 0), get("headline", 0), get("first", 0),
                   tuple(get(_EDGES[offset], 0) for offset in _OFFSETS),
                   PairNumbers(weights.numbers, "bi-="), PairNumbers(weights.numbers, "bi+="))


def _word_numbers(key: tuple[str, str, str], weights: CRFWeights, clusters: WordClusters,
                  sentiment: Sentiment) -> list[list[int]]:
    """The attribute numbers in ``weights`` of the features :func:`_word_items` gives of a token's word, part of speech
    and lexicon category (``key``), those the model lacks left out: its own, then what the token at each offset of
    ``_OFFSETS`` sees of it."""
    items, get = _word_items(*key, clusters, sentiment), weights.numbers.get
    return [[n for f in part if (n := get(f))] for part in (items.own, *map(items.seen.get, _OFFSETS))]


@lru_cache(maxsize=4)
def _word_rows(weights: CRFWeights, clusters: WordClusters, sentiment: Sentiment) -> WordRows:
    """The memo of :func:`_word_numbers` (words repeat), one per model and word lists (the pipeline has one)."""
    return WordRows(partial(_word_numbers, weights=weights, clusters=clusters, sentiment=sentiment),
                    1 + len(_OFFSETS), _MEMO)


def attribute_numbers(readings: Sequence[SentenceReading], clusters: WordClusters, sentiment: Sentiment,
                      model: LoadedModel) -> np.ndarray:
    """The token model's attribute numbers of the features of :func:`token_features` of every token of ``readings``
    (0 for none), one column per token (the sentences one after the other): a token's column holds its features'
    numbers in the order of its list of strings there, those the model lacks left out, read a block of features at
    a time over the tokens of all the sentences."""
    tokens = [t for reading in readings for t in reading.tokens]
    contexts = [c for reading in readings for c in reading.contexts]
    words = _word_rows(model.weights, clusters, sentiment)
    own, *seen = words.columns((t.text, t.tag, c.lexicon) for t, c in zip(tokens, contexts))
    fixed, n = model.numbers, len(tokens)
    lengths = np.array([len(reading.tokens) for reading in readings], dtype=np.intp)
    length = np.repeat(lengths, lengths)
    place = np.arange(n) - np.repeat(np.cumsum(lengths) - lengths, lengths)  # each token's index in its sentence
    blocks = [own, np.array([[fixed.speech if c.speech else 0 for c in contexts],
                             [fixed.headline if c.headline else 0 for c in contexts]], dtype=np.intp).reshape(2, n),
              np.where(place == 0, fixed.first, 0)[None]]
    for k, offset in enumerate(_OFFSETS):
        outside = (place + offset < 0) | (place + offset >= length)
        block = seen[k][:, np.clip(np.arange(n) + offset, 0, max(n - 1, 0))]
        block[:, outside] = 0
        block[0, outside] = fixed.edges[k]
        blocks.append(block)
    lowers = [t.lower for t in tokens]
    before = np.array([0, *fixed.before.of(lowers)], dtype=np.intp)[:n]
    after = np.array([*fixed.after.of(lowers), 0], dtype=np.intp)[:n]
    before[place == 0] = 0
    after[place == length - 1] = 0
    return np.concatenate([*blocks, before[None], after[None]])


def sentence_inputs(tokens: Sequence[Token], contexts: Sequence[TokenContext], probabilities: Sequence[float],
                    words_logit: float, sentiment: Sentiment) -> list[float]:
    """The sentence model's inputs (``SENTENCE_INPUTS``): the token model's highest, mean and summed probability
    (over √words), and per √words the lexicon's terms, the opinion lexicon's negative and positive words, TextBlob's
    subjective words and VADER's |valence|; the share of tokens in speech; whether it is the headline; the word
    model's log-odds."""
    words = [i for i, t in enumerate(tokens) if t.text[:1].isalnum()]
    root = math.sqrt(max(len(words), 1))
    vader, subjectivity, opinion = sentiment.valences, sentiment.subjectivity, sentiment.opinion
    p = [probabilities[i] for i in words] or [0.0]
    lower = [tokens[i].lower for i in words]
    return [
        1.0,
        max(p),
        sum(p) / len(p),
        sum(p) / root,
        sum(1 for c in contexts if c.lexicon.startswith("B-")) / root,
        sum(1 for w in lower if opinion.get(w, 0) < 0) / root,
        sum(1 for w in lower if opinion.get(w, 0) > 0) / root,
        sum(1 for w in lower if subjectivity.get(w, 0) >= 0.5) / root,
        sum(abs(vader.get(w, 0.0)) for w in lower) / root,
        sum(1 for c in contexts if c.speech) / max(len(contexts), 1),
        1.0 if contexts and contexts[0].headline else 0.0,
        words_logit,
    ]


def token_contexts(tokens: Sequence[Token], terms: Sequence[LoadedTerm], speech: Sequence[tuple[int, int]],
                   headline: bool) -> list[TokenContext]:
    """Each token's context from the lexicon's terms, the spans of speech, and whether the sentence is a headline."""
    if not terms and not speech:  # most sentences: one context for every token (it is immutable)
        return [_context("", False, headline)] * len(tokens)
    contexts = []
    for token in tokens:
        term = next((t for t in terms if t.start <= token.start < t.end), None) if terms else None
        lexicon = f"{'B' if term.start == token.start else 'I'}-{term.category}" if term else ""
        inside = bool(speech) and any(start <= token.start and token.end <= end for start, end in speech)
        contexts.append(_context(lexicon, inside, headline))
    return contexts


@lru_cache(maxsize=256)
def _context(lexicon: str, speech: bool, headline: bool) -> TokenContext:
    """One context for all the tokens that share it (they are immutable, and few)."""
    return TokenContext(lexicon, speech, headline)


def model_spans(tokens: Sequence[Token], probabilities: Sequence[float], threshold: float) -> list[tuple[int, int]]:
    """Runs of consecutive word tokens at or above ``threshold``, without the function words at their edges ("retains
    the" → "retains", "the heels" → "heels"; a run of function words only is dropped): (first token, end token)."""
    spans, run = [], []
    for i, (token, p) in enumerate(zip(tokens, probabilities)):
        if p >= threshold and token.text[:1].isalnum():
            run.append(i)
            continue
        if run:
            spans.append(run)
        run = []
    if run:
        spans.append(run)
    return [(a, b) for a, b in (_content(tokens, r[0], r[-1] + 1) for r in spans) if a < b]


def _content(tokens: Sequence[Token], a: int, b: int) -> tuple[int, int]:
    """``tokens[a:b]`` without the function words at either edge."""
    while a < b and tokens[a].tag in _FUNCTION_TAGS:
        a += 1
    while b > a and tokens[b - 1].tag in _FUNCTION_TAGS:
        b -= 1
    return a, b


#: The part-of-speech tags of function words (determiners, prepositions, conjunctions, pronouns, wh-words, modals),
#: which a model span neither starts nor ends on (a particle may end one: "lashed out").
_FUNCTION_TAGS = frozenset({"DT", "PDT", "IN", "CC", "TO", "PRP", "PRP$", "WP", "WP$", "WDT", "WRB", "MD"})


@dataclass(frozen=True)
class SentenceReading:
    """One analysed sentence as the model reads it: its index in ``Analysis.sentences``, tokens and their contexts."""

    sentence: int
    tokens: Sequence[Token]
    contexts: list[TokenContext]


def sentence_readings(analysis: Analysis, terms: Sequence[LoadedTerm], speech: Sequence[tuple[int, int]]) -> list[SentenceReading]:
    """Every analysed sentence with its tagged tokens and their contexts (lexicon ``terms``, in text order and never
    overlapping, and ``speech`` spans)."""
    headlines = {p.index for p in analysis.paragraphs if p.kind == "title"}
    starts = [t.start for t in terms]
    speech_of = overlapping([s.start for s in analysis.sentences], [s.end for s in analysis.sentences], speech)
    readings = []
    for i, (sentence, tokens) in enumerate(zip(analysis.sentences, analysis.tokens)):
        first = max(bisect_left(starts, sentence.start) - 1, 0)  # the term before may reach into the sentence
        near = [t for t in terms[first:bisect_left(starts, sentence.end)] if t.end > sentence.start]
        inside = speech_of[i]
        readings.append(SentenceReading(i, tokens, token_contexts(tokens, near, inside, sentence.paragraph in headlines)))
    return readings


#: Terms the model does not judge: scare quotes come from punctuation, hedges from attribution.
_KEPT = frozenset({"scare_quote", "hedge"})


def judge_terms(text: str, readings: Sequence[SentenceReading], probabilities: Sequence[Sequence[float]],
                names: Sequence[Sequence[float]], sentences: Sequence[Sentence], lexicon_terms: Sequence[LoadedTerm],
                model: LoadedModel, *, user_terms: frozenset[str] = frozenset()) -> list[LoadedTerm]:
    """The loaded terms of the analysed sentences, in text order (voice ``author``: the caller decides it): the
    lexicon terms the model confirms (a term of the user's lexicon, a scare quote and a hedge always stay), then
    the model's spans that overlap none of them, ``labeling`` where the token model reads name calling (``names``:
    each token's probability of it) more than other loaded language."""
    starts = [t.start for reading in readings for t in reading.tokens]
    token_p = [q for p in probabilities for q in p]
    judged: list[LoadedTerm] = []
    covered: set[int] = set()  # the token starts inside a kept lexicon term
    for term in lexicon_terms:
        inside = range(bisect_left(starts, term.start), bisect_left(starts, term.end))
        confidence = max((token_p[k] for k in inside), default=0.0)
        if term.category in _KEPT or term.term in user_terms or confidence >= model.lexicon_threshold_of(term):
            judged.append(replace(term, probability=round(confidence, 4)))
            covered.update(starts[k] for k in inside)
    for reading, p, name in zip(readings, probabilities, names):
        tokens, paragraph = reading.tokens, sentences[reading.sentence].paragraph
        for a, b in model_spans(tokens, p, model.token_threshold):
            start, end = tokens[a].start, tokens[b - 1].end
            if any(t.start in covered for t in tokens[a:b]):
                continue
            name_calling = sum(name[a:b])
            category = "labeling" if name_calling > sum(p[a:b]) - name_calling else "emotive"
            judged.append(LoadedTerm(paragraph, start, end, text[start:end], category, "author", 1.0, "",
                                     round(max(p[a:b]), 4)))
    return sorted(judged, key=lambda t: t.start)


def _titled_name(term: LoadedTerm, analysis: Analysis) -> bool:
    """A model span that is a title and a name the article also writes after a first name or another title ("Mr.
    Trump" beside "Donald J. Trump" or "President Trump"): a way of naming a person, no loaded language ("Mr.
    Conservative" stays)."""
    words = term.text.split()
    if term.term or len(words) != 2 or not is_title(words[0]) or not words[1][:1].isupper():
        return False
    return any(token.text == words[1] and k > 0 and sentence[k - 1].tag == "NNP" and sentence[k - 1].text != words[0]
               for sentence in analysis.tokens for k, token in enumerate(sentence))


def read_loaded(analysis: Analysis, lexicon_terms: Sequence[LoadedTerm], speech: Sequence[tuple[int, int]],
                quotations: SpanIndex, model: LoadedModel, clusters: WordClusters, sentiment: Sentiment, *,
                user_terms: frozenset[str] = frozenset()) -> tuple[tuple[LoadedTerm, ...], tuple[float, ...]]:
    """The article's loaded terms (voice ``quoted`` inside a direct quotation, else ``author``) and the probability
    that each of its sentences is biased."""
    readings = sentence_readings(analysis, lexicon_terms, speech)
    read = model.token_probabilities(readings, clusters, sentiment)
    probabilities, names = [p for p, _ in read], [n for _, n in read]
    terms = judge_terms(analysis.article.text, readings, probabilities, names, analysis.sentences, lexicon_terms,
                        model, user_terms=user_terms)
    voiced = tuple(with_voice(t, quotations) for t in terms if not _titled_name(t, analysis))
    bias = tuple(round(model.sentence_probability(sentence_inputs(r.tokens, r.contexts, p, model.words_logit(r.tokens),
                                                                  sentiment)), 4)
                 for r, p in zip(readings, probabilities))
    return voiced, bias
