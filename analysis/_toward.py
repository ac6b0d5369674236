"""Tone toward one mention in a sentence: what the sentence says about the person or group named there, not the
tone of the sentence as a whole ("Police praised the volunteers who caught the attacker": praise for the
volunteers, not for the attacker). See ``docs/tone.md``.

A multinomial logistic regression over three classes (negative, neutral, positive) reads features of the mention
in its sentence; ``score`` = P(positive) - P(negative), in [-1, 1]. The features (``mention_features``):

- the sentiment words of the sentence (the evidence of ``SentenceTone``: VADER′, TextBlob, the opinion lexicon),
  each by where it stands: in the mention's own phrase (between commas and clause marks), in its clause
  (``;``, ``:``, dashes, "but", "while" …), or elsewhere; before or after the mention; weighted by its distance in
  tokens; whether another name or pronoun stands nearer to it than the mention;
- the mention's role, read from parts of speech and word order (no parser): the agent (before its verb, or after
  "by" in a passive), the patient (after a verb, or before a passive verb), a possessor ("X's failure"), each
  crossed with the sentiment words after and before it;
- the words that are the mention's own (the content of what it is reported to say): their sentiment is its own,
  not the writer's about it;
- charged terms (labeling, derision …) near the mention, whether the mention is itself a label or a pronoun;
- the words around the mention in its clause (a learned vocabulary: "accused", "praised", "critics");
- the sentence's ``tone``, ``author_tone`` and VADER compound.

The weights (``data/tone_toward.tsv``) are written by ``python -m evaluation.train toward`` from the dev part of
NewsMTSC's train split (Hamborg and Donnay 2021); the provenance is in the file's header.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ._data import package_text, read_tsv
from ._model import ActorMention, Analysis, Attribution, Evidence, LoadedTerm, Quote, SentenceTone, Source, Span, Token
from ._text import overlapping

CLASSES = ("negative", "neutral", "positive")
#: Analyzers whose evidence words count, and the valence that is full strength (VADER's valences run to ±4).
_SCALE = {"vader": 2.0, "textblob": 1.0, "opinion": 1.0}
#: Tokens and words that end a clause; commas and brackets end a phrase.
_CLAUSE_MARKS = frozenset({";", ":", "—", "–", "--", "but", "while", "whereas", "although", "though", "however", "yet"})
_PHRASE_MARKS = frozenset({",", "(", ")", '"', "“", "”", "and"})
_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "his", "their", "i", "we", "you", "it"})
_PASSIVE_AUX = frozenset({"was", "were", "is", "are", "be", "been", "being", "got", "get", "gets"})
_MODIFIER_TAGS = ("DT", "JJ", "NN", "PRP$", "CD", "POS")
_CHARGED = frozenset({"labeling", "derision", "insinuation", "sensational"})
#: Words near the mention that get their own weight: at most this far, in tokens.
WINDOW = 4
#: A sentiment word's weight falls as 1 / (1 + distance / DECAY).
DECAY = 3.0


@dataclass(frozen=True)
class TowardModel:
    """The weights of tone toward a mention: an intercept and one weight per feature for each class of
    ``CLASSES``."""

    intercepts: tuple[float, float, float]
    weights: dict[str, tuple[float, float, float]]

    def probabilities(self, features: dict[str, float]) -> tuple[float, float, float]:
        """P(negative), P(neutral), P(positive) for the features."""
        negative, neutral, positive = self.intercepts
        weights = self.weights
        for name, value in features.items():
            weight = weights.get(name)
            if weight is not None and value:
                negative += weight[0] * value
                neutral += weight[1] * value
                positive += weight[2] * value
        logits = (negative, neutral, positive)
        top = max(logits)
        exps = [math.exp(logit - top) for logit in logits]
        total = sum(exps)
        return tuple(e / total for e in exps)  # type: ignore[return-value]


def load_toward_model(text: str | None = None) -> TowardModel:
    """The model of a weights file's text (default: the shipped ``data/tone_toward.tsv``)."""
    _, rows = read_tsv(text if text is not None else package_text("data", "tone_toward.tsv"))
    weights = {row["feature"]: tuple(float(row[c]) for c in CLASSES) for _, row in rows}
    intercepts = weights.pop("(intercept)")
    return TowardModel(intercepts, weights)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Toward:
    """The tone toward one mention: ``score`` = P(positive) - P(negative), the three probabilities, and the
    sentiment words that bear on the mention (nearest to it, in its clause, not its own words)."""

    score: float
    probabilities: tuple[float, float, float]
    evidence: tuple[Span, ...] = ()

    @property
    def polarity(self) -> str:
        """The most probable class."""
        return CLASSES[self.probabilities.index(max(self.probabilities))]


@dataclass(frozen=True)
class SentenceReading:
    """What the features of every mention in a sentence read of it: each token's clause and phrase number, the
    sentiment of the tokens that have one, the tokens that are names or pronouns, and the word of each token that
    starts with a letter (as its feature)."""

    clause: list[int]
    phrase: list[int]
    valences: dict[int, float]
    names: list[int]
    words: list[tuple[int, str]]

    @classmethod
    def of(cls, tokens: Sequence[Token], tone: SentenceTone) -> SentenceReading:
        lower = [t.lower for t in tokens]
        clause, phrase = _regions(lower)
        names = [i for i, t in enumerate(tokens) if t.tag in ("NNP", "NNPS") or lower[i] in _PRONOUNS]
        words = [(i, f"word:sentence:{lower[i]}") for i, t in enumerate(tokens) if t.text[0].isalpha()]
        return cls(clause, phrase, _token_valences(tokens, tone.evidence), names, words)


@dataclass(frozen=True)
class MentionContext:
    """A sentence as the model reads it: its tagged tokens, its tone and evidence, what every mention reads of it
    (``reading``), the spans that are reported speech (``speech``: content spans; ``own``: those said by the mention
    itself) and the charged loaded terms."""

    tokens: Sequence[Token]
    tone: SentenceTone
    reading: SentenceReading
    own: tuple[tuple[int, int], ...] = ()
    speech: tuple[tuple[int, int], ...] = ()
    charged: tuple[LoadedTerm, ...] = ()


def tone_toward(model: TowardModel, context: MentionContext, start: int, end: int, *, label: bool = False) -> Toward:
    """The tone toward the mention ``start:end`` of the sentence in ``context`` (``label``: the mention is a label,
    "jihadists", not a name)."""
    features, evidence = mention_features(context, start, end, label=label)
    probabilities = model.probabilities(features)
    return Toward(round(probabilities[2] - probabilities[0], 4), tuple(round(p, 4) for p in probabilities), evidence)


def mention_features(context: MentionContext, start: int, end: int, *, label: bool = False) -> tuple[dict[str, float], tuple[Span, ...]]:
    """The features of the mention ``start:end`` (see the module's docstring), and the evidence words that bear on
    it."""
    tokens = context.tokens
    first = next((i for i, t in enumerate(tokens) if t.end > start), len(tokens))
    last = max(first, next((i for i in range(len(tokens) - 1, -1, -1) if tokens[i].start < end), first))
    reading = context.reading
    clause, phrase = reading.clause, reading.phrase
    features: dict[str, float] = {}

    def add(name: str, value: float) -> None:
        if value:
            features[name] = features.get(name, 0.0) + value

    tone = context.tone
    add("sentence:tone", tone.tone)
    add("sentence:author_tone", tone.tone if tone.author_tone is None else tone.author_tone)
    add("sentence:vader", tone.vader_compound)
    add("sentence:quoted", 1.0 if tone.author_tone is None else 0.0)
    head = tokens[first] if first < len(tokens) else None
    add("mention:label", float(label))
    add("mention:pronoun", float(head is not None and head.lower in _PRONOUNS))
    add("mention:first", float(first == 0))
    add("mention:in_speech", float(any(s <= start < e for s, e in context.speech)))
    add("mention:speaks", float(bool(context.own)))
    role, governor = _role(tokens, first, last, clause)
    add(f"role:{role}", 1.0)

    names = [i for i in reading.names if not first <= i <= last]
    evidence: list[tuple[float, Span]] = []
    for i, valence in reading.valences.items():
        if first <= i <= last:
            add(f"inside:{_sign(valence)}", abs(valence))
            continue
        token = tokens[i]
        side = "before" if i < first else "after"
        distance = first - i if i < first else i - last
        weight = 1.0 / (1.0 + (distance - 1) / DECAY)
        if any(s <= token.start < e for s, e in context.own):
            add(f"own:{_sign(valence)}", abs(valence))
            continue
        where = "phrase" if phrase[i] == phrase[first] else "clause" if clause[i] == clause[first] else "sentence"
        nearer = any(abs(n - i) < distance for n in names)
        sign = _sign(valence)
        add(f"{where}:{side}:{sign}", abs(valence) * weight)
        add(f"{where}:{sign}", abs(valence))
        add(f"{'other' if nearer else 'nearest'}:{sign}", abs(valence) * weight)
        if where != "sentence":
            add(f"role:{role}:{side}:{sign}", abs(valence) * weight)
            if not nearer:
                evidence.append((distance, Span(token.start, token.end, token.text)))
    for term in context.charged:
        distance = min(abs(term.start - start), abs(term.end - end))
        near = term.start < end + 40 and start - 40 < term.end
        add("charged:near" if near else "charged:far", term.weight)
        if near and not distance > 40:
            evidence.append((0, Span(term.start, term.end, term.text)))
    for i in range(max(0, first - WINDOW), min(len(tokens), last + WINDOW + 1)):
        if not first <= i <= last and clause[i] == clause[first] and tokens[i].text[0].isalpha():
            add(f"word:{'before' if i < first else 'after'}:{tokens[i].lower}", 1.0)
    for i, word in reading.words:
        if not first <= i <= last:
            features[word] = 1.0
    chosen = sorted(evidence, key=lambda item: (item[0], item[1].start))[:5]
    return features, tuple(sorted((span for _, span in chosen), key=lambda s: s.start))


def _sign(valence: float) -> str:
    return "positive" if valence > 0 else "negative"


def _token_valences(tokens: Sequence[Token], evidence: Sequence[Evidence]) -> dict[int, float]:
    """Each token's sentiment: the mean of the analyzers' scaled valences of the evidence words that end on it."""
    ends = {t.end: i for i, t in enumerate(tokens)}
    starts = sorted((t.start, i) for i, t in enumerate(tokens))
    found: dict[int, list[float]] = {}
    for e in evidence:
        if e.analyzer not in _SCALE:
            continue
        index = ends.get(e.end)
        if index is None:
            index = next((i for s, i in reversed(starts) if s < e.end), None)
        if index is not None:
            found.setdefault(index, []).append(max(-1.0, min(1.0, e.valence / _SCALE[e.analyzer])))
    return {i: sum(v) / len(v) for i, v in found.items() if sum(v)}


def _regions(words: Sequence[str]) -> tuple[list[int], list[int]]:
    """The clause and the phrase number of every token (``words``: the tokens in lower case)."""
    clause, phrase = [], []
    c = p = 0
    for word in words:
        if word in _CLAUSE_MARKS:
            c += 1
            p += 1
        elif word in _PHRASE_MARKS:
            p += 1
        clause.append(c)
        phrase.append(p)
    return clause, phrase


def _role(tokens: Sequence[Token], first: int, last: int, clause: list[int]) -> tuple[str, int | None]:
    """The mention's part in its clause, from parts of speech and word order: ``possessor`` ("X's failure"),
    ``agent`` (before its verb, or after "by" following a participle), ``patient`` (right after a verb, or before a
    passive verb), ``oblique`` (after another preposition), else ``other``; and the token that tells (the verb,
the preposition, the possessed noun), if any."""
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    if after is not None and (after.tag == "POS" or after.text in ("’s", "'s")) or tokens[first].lower in ("his", "her", "their"):
        return "possessor", next((i for i in range(last + 2, min(len(tokens), last + 5)) if tokens[i].tag.startswith("NN")), None)
    j = first - 1
    while j >= 0 and clause[j] == clause[first] and tokens[j].tag.startswith(_MODIFIER_TAGS):
        j -= 1  # "the Republican lawmaker", "President Trump"
    if j >= 0 and clause[j] == clause[first]:
        word = tokens[j]
        if word.lower == "by":
            return ("agent", j - 1) if j > 0 and tokens[j - 1].tag == "VBN" else ("oblique", j)
        if word.tag in ("IN", "TO"):
            return "oblique", j
        if word.tag.startswith("VB"):
            return "patient", j
    for i in range(last + 1, min(len(tokens), last + 8)):
        if clause[i] != clause[first]:
            break
        if tokens[i].tag.startswith(("VB", "MD")):
            group = [t for t in tokens[i:i + 3]]
            passive = any(t.lower in _PASSIVE_AUX for t in group) and any(t.tag == "VBN" for t in group)
            verb = next((i + k for k, t in enumerate(group) if t.tag.startswith("VB") and t.lower not in _PASSIVE_AUX), i)
            return ("patient" if passive else "agent"), verb
    return "other", None


def toward_mentions(analysis: Analysis, mentions: Sequence[ActorMention], model: TowardModel) -> tuple[ActorMention, ...]:
    """The mentions with the tone toward each (``tone_toward``) and its evidence."""
    found, sentences = [], SentenceIndex.of(analysis)
    for mention in mentions:
        context = mention_context(analysis, mention.start, mention.end, sentences=sentences)
        toward = None if context is None else tone_toward(model, context, mention.start, mention.end, label=mention.label)
        found.append(mention if toward is None else replace(mention, tone_toward=toward.score, evidence=toward.evidence))
    return tuple(found)


def toward_span(analysis: Analysis, model: TowardModel, start: int, end: int, *, label: bool = False) -> Toward | None:
    """The tone toward the mention ``start:end`` of an analysed article, or ``None`` outside its analysed
    sentences."""
    context = mention_context(analysis, start, end)
    return None if context is None else tone_toward(model, context, start, end, label=label)


@dataclass(frozen=True)
class SentenceIndex:
    """Per analysed sentence, the attributions whose content overlaps it, the quotes that overlap it and the loaded
    terms that start in it, in text order: built once per article (by bisection), so that the context of each
    mention is not a scan of the whole article; and its reading (:class:`SentenceReading`), made when a mention in
    it first needs it and shared by the others."""

    starts: list[int]
    attributions: list[list[Attribution]]
    quotes: list[list[Quote]]
    terms: list[list[LoadedTerm]]
    readings: dict[int, SentenceReading] = field(default_factory=dict)

    def reading(self, analysis: Analysis, index: int) -> SentenceReading:
        """The reading of the analysed sentence ``index``."""
        if index not in self.readings:
            self.readings[index] = SentenceReading.of(analysis.tokens[index], analysis.tones[index])
        return self.readings[index]

    @classmethod
    def of(cls, analysis: Analysis) -> SentenceIndex:
        starts, ends = [s.start for s in analysis.sentences], [s.end for s in analysis.sentences]
        with_content = [x for x in analysis.attributions if x.content is not None]
        terms: list[list[LoadedTerm]] = [[] for _ in starts]
        for term in analysis.loaded_terms:
            i = bisect_right(starts, term.start) - 1
            if i >= 0 and term.start < ends[i]:
                terms[i].append(term)
        return cls(starts, overlapping(starts, ends, with_content, lambda x: (x.content.start, x.content.end)),
                   overlapping(starts, ends, analysis.quotes, lambda q: (q.start, q.end)), terms)


def mention_context(analysis: Analysis, start: int, end: int, *, sentences: SentenceIndex | None = None
                    ) -> MentionContext | None:
    """The context of the mention ``start:end`` in its sentence of the analysis: the sentence's tagged tokens, its
    tone, the reported speech in it (what the mention itself says apart) and its charged author-voice terms; or
    ``None`` outside the analysed sentences. ``sentences``: the article's index, when there are many mentions."""
    sentences = sentences or SentenceIndex.of(analysis)
    index = bisect_right(sentences.starts, start) - 1
    if index < 0 or start >= analysis.sentences[index].end:
        return None
    inside = sentences.attributions[index]
    own = tuple((x.content.start, x.content.end) for x in inside if _speaks(x.source, start, end))
    speech = tuple((x.content.start, x.content.end) for x in inside)
    speech += tuple((q.start, q.end) for q in sentences.quotes[index])
    charged = tuple(t for t in sentences.terms[index]
                    if t.voice == "author" and t.category in _CHARGED and not (start <= t.start < end))
    return MentionContext(analysis.tokens[index], analysis.tones[index], sentences.reading(analysis, index), own, speech,
                          charged)


def _speaks(source: Source | None, start: int, end: int) -> bool:
    """Whether an attribution's source is the mention (or a pronoun resolved to it)."""
    if source is None:
        return False
    spans = [source, source.resolved] if source.resolved else [source]
    return any(s.start < end and start < s.end for s in spans)
