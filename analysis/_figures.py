"""Every figure of an article and of its paragraphs, each defined once from the ``Analysis``.

The CLI table, the JSON, ``Document.summary()``, the report notebook and the comparison all read figures from here.
Article figures are a registry, :data:`ARTICLE_FIGURES`: one entry per figure, a plain function of the article's
:class:`Facts` whose docstring says what the figure means. A new figure is one more decorated function.

Conventions:
- Article figures cover the **running text**: ``body`` and ``lead_in`` paragraphs. The headline figures cover the
  ``title`` paragraph.
- ``word_count``: words (``_text.WORD_RE``).
- Tones of a paragraph or article: the word-count-weighted mean of its sentences; ``None`` where there is none.
- Densities are per 100 words; shares are in [0, 1].
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import cached_property
from typing import Any, Literal

from ._model import TEXT_KINDS, Analysis, Attribution, LoadedTerm, Paragraph, Relay
from ._sourcing import (SentenceSourcing, article_sourcing, paragraph_sourcing, resolved_type, sentence_sourcing,
                        source_types_by_span)
from ._text import count_words, signed

#: The analyzers disagree on a paragraph when their means have opposite signs and both are at least this far from 0.
DISAGREEMENT = 0.1
#: Paragraphs on each side in the moving average of the tone arc.
ARC_WINDOW = 2
#: A turn is a change of sign of the smoothed tone between values at least this far from 0.
TURN_MARGIN = 0.05
#: How many of the author's loaded terms ``top_loaded_terms`` lists.
TOP_TERMS = 10
#: The source type of an attribution without a source (a hedge: "reportedly").
NO_SOURCE = "none"
TONE_FIELDS = ("tone", "vader_compound", "textblob_polarity", "textblob_subjectivity")


class Facts:
    """What the figures of one article are computed from: the analysis, and the groupings every figure shares
    (computed once, on first use)."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.text = analysis.article.text

    @cached_property
    def running(self) -> frozenset[int]:
        """Indexes of the running-text paragraphs (body and lead_in)."""
        return frozenset(p.index for p in self.analysis.paragraphs if p.kind in TEXT_KINDS)

    @cached_property
    def headline(self) -> frozenset[int]:
        """Indexes of the title paragraph (none when the article has no title line)."""
        return frozenset(p.index for p in self.analysis.paragraphs if p.kind == "title")

    @cached_property
    def paragraph_words(self) -> dict[int, int]:
        return {p.index: count_words(self.text, p.start, p.end) for p in self.analysis.paragraphs}

    @cached_property
    def sentence_words(self) -> list[int]:
        return [count_words(self.text, s.start, s.end) for s in self.analysis.sentences]

    @cached_property
    def sentences_of(self) -> dict[int, list[int]]:
        """Sentence indexes by paragraph index."""
        grouped: dict[int, list[int]] = {}
        for i, sentence in enumerate(self.analysis.sentences):
            grouped.setdefault(sentence.paragraph, []).append(i)
        return grouped

    @cached_property
    def sourcing(self) -> list[SentenceSourcing]:
        return sentence_sourcing(self.analysis)

    @cached_property
    def article_sourcing(self) -> dict[str, float]:
        """The article's anonymous and unattributed shares (``_sourcing.article_sourcing``)."""
        return article_sourcing(self.analysis, self.sourcing)

    def words(self, paragraphs: frozenset[int]) -> int:
        return sum(self.paragraph_words[i] for i in paragraphs)

    def sentences(self, paragraphs: frozenset[int]) -> list[int]:
        return [i for p in sorted(paragraphs) for i in self.sentences_of.get(p, [])]

    @cached_property
    def terms_of(self) -> dict[int, list[int]]:
        """Loaded term indexes by paragraph index."""
        return _indexes_by_paragraph(self.analysis.loaded_terms)

    @cached_property
    def attributions_of(self) -> dict[int, list[int]]:
        """Attribution indexes by paragraph index."""
        return _indexes_by_paragraph(self.analysis.attributions)

    def loaded(self, paragraphs: frozenset[int], *, author: bool = False) -> list[LoadedTerm]:
        terms = self.analysis.loaded_terms
        return [terms[i] for i in _of(self.terms_of, paragraphs) if not author or terms[i].voice == "author"]

    def attributions(self, paragraphs: frozenset[int]) -> list[Attribution]:
        return [self.analysis.attributions[i] for i in _of(self.attributions_of, paragraphs)]

    def weighted_tone(self, sentence_indexes: list[int]) -> dict[str, float | None]:
        """The word-weighted means of the sentences' scores (``TONE_FIELDS``), None without sentences."""
        weights = [max(self.sentence_words[i], 1) for i in sentence_indexes]
        total = sum(weights)
        tones = self.analysis.tones
        return {name: round(sum(getattr(tones[i], name) * w for i, w in zip(sentence_indexes, weights)) / total, 4)
                if total else None for name in TONE_FIELDS}

    def author_tone(self, sentence_indexes: list[int]) -> float | None:
        """The word-weighted mean ``author_tone`` of the sentences in the author's voice, or None."""
        tones = self.analysis.tones
        pairs = [(tones[i].author_tone, max(self.sentence_words[i], 1)) for i in sentence_indexes
                 if tones[i].author_tone is not None]
        total = sum(w for _, w in pairs)
        return round(sum(t * w for t, w in pairs) / total, 4) if total else None

    def bias_probability(self, sentence_indexes: list[int]) -> float | None:
        """The mean probability that a sentence is biased (the expected share of biased sentences), None without
        sentences or without the model's reading."""
        bias = self.analysis.sentence_bias
        if not sentence_indexes or len(bias) != len(self.analysis.sentences):
            return None
        return round(sum(bias[i] for i in sentence_indexes) / len(sentence_indexes), 4)

    @cached_property
    def paragraph_records(self) -> list[dict[str, Any]]:
        """One record per paragraph with its figures (the JSON's ``paragraphs``)."""
        sourcing = paragraph_sourcing(self.analysis, self.sourcing)
        return [self._paragraph_record(p, sourcing[p.index].record()) for p in self.analysis.paragraphs]

    def _paragraph_record(self, paragraph: Paragraph, sourcing: dict[str, Any]) -> dict[str, Any]:
        index = paragraph.index
        one = frozenset({index})
        words = self.paragraph_words[index]
        sentences = self.sentences_of.get(index, [])
        loaded, author = self.loaded(one), self.loaded(one, author=True)
        tone = self.weighted_tone(sentences)
        return {
            "index": index, "start": paragraph.start, "end": paragraph.end, "kind": paragraph.kind,
            "word_count": words, "sentence_count": len(sentences),
            **tone,
            "author_tone": self.author_tone(sentences),
            "analyzers_disagree": disagree(tone),
            "loaded_count": len(loaded), "loaded_density": per_100(len(loaded), words),
            "author_loaded_count": len(author), "author_loaded_density": per_100(len(author), words),
            "loaded_categories": dict(sorted(Counter(t.category for t in loaded).items())),
            "intensity": per_100(sum(t.weight for t in author), words),
            "bias_probability": self.bias_probability(sentences),
            "attribution_count": len(self.attributions(one)),
            **sourcing,
            "relayed_from": relay_record(paragraph.relayed_from),
        }

    @cached_property
    def tone_arc(self) -> list[dict[str, Any]]:
        """Tone through the running text: each paragraph's tone, its ``position`` (the share of the running text's
        words before the paragraph's middle, 0 … 1, so that articles of any length share one axis), its moving
        average over ``ARC_WINDOW`` paragraphs on each side, and ``turn`` where the smoothed tone changes sign
        between values at least ``TURN_MARGIN`` from zero (a turn of the article's mood)."""
        total = max(self.words(self.running), 1)
        before, points = 0, []
        for record in self.paragraph_records:
            if record["index"] not in self.running:
                continue
            position = round((before + record["word_count"] / 2) / total, 4)
            before += record["word_count"]
            if record["tone"] is not None:
                points.append((record["index"], position, record["tone"]))
        arc = []
        for k, (index, position, tone) in enumerate(points):
            window = [t for _, _, t in points[max(0, k - ARC_WINDOW):k + ARC_WINDOW + 1]]
            arc.append({"paragraph": index, "tone": tone, "smoothed": round(sum(window) / len(window), 4),
                        "position": position})
        for previous, point in zip([None, *arc], arc):
            point["turn"] = previous is not None and previous["smoothed"] * point["smoothed"] < 0 \
                and min(abs(previous["smoothed"]), abs(point["smoothed"])) >= TURN_MARGIN
        return arc


# -- the registry of article figures ---------------------------------------------------------------------------

FigureKind = Literal["count", "density", "tone", "share", "breakdown", "paragraphs"]



def _indexes_by_paragraph(items: tuple[LoadedTerm, ...] | tuple[Attribution, ...]) -> dict[int, list[int]]:
    grouped: dict[int, list[int]] = {}
    for i, item in enumerate(items):
        grouped.setdefault(item.paragraph, []).append(i)
    return grouped


def _of(grouped: dict[int, list[int]], paragraphs: frozenset[int]) -> list[int]:
    """The indexes of the items in ``paragraphs``, in their order (time linear in what is found)."""
    return sorted(i for p in paragraphs for i in grouped.get(p, ()))

@dataclass(frozen=True)
class ArticleFigure:
    """One article figure: its JSON name, a label for people, what it means, its kind and how it is computed.

    ``kind`` says how to read and compare it: ``count`` (a number of things), ``density`` (per 100 words), ``tone``
    (in [-1, 1]), ``share`` (in [0, 1]); ``breakdown`` is a mapping or ranked list (categories, source types, terms),
    ``paragraphs`` a list of paragraph indexes. The first four are scalars and go to tables as they are.
    ``compare`` puts the figure in the side-by-side table of a comparison (it must not depend on length)."""

    name: str
    label: str
    meaning: str
    kind: FigureKind
    compute: Callable[[Facts], Any]
    compare: bool = False

    @property
    def scalar(self) -> bool:
        return self.kind not in ("breakdown", "paragraphs")

    def format(self, value: Any) -> str:
        """The value for people to read: "2.22", "+0.15", "9%", "labeling 33%, emotive 19%", "3, 7"."""
        if value is None or value != value:
            return "–"
        if self.kind == "tone":
            return signed(value)
        if self.kind == "density":
            return f"{value:.2f}"
        if self.kind == "share":
            return f"{value:.0%}"
        if self.kind == "paragraphs":
            return ", ".join(map(str, value)) or "none"
        if isinstance(value, dict):
            shown = sorted(value.items(), key=lambda kv: -kv[1])
            return ", ".join(f"{k} {v:.0%}" if isinstance(v, float) else f"{k} {v}" for k, v in shown) or "none"
        if isinstance(value, list):
            return ", ".join(f"{e['term']} ({e['count']})" for e in value) or "none"
        return str(value)


ARTICLE_FIGURES: dict[str, ArticleFigure] = {}


def article_figure(label: str, kind: FigureKind, *, compare: bool = False
                   ) -> Callable[[Callable[[Facts], Any]], Callable[[Facts], Any]]:
    """Register a function of :class:`Facts` as the article figure named after it; its docstring is its meaning."""

    def register(compute: Callable[[Facts], Any]) -> Callable[[Facts], Any]:
        meaning = " ".join((compute.__doc__ or "").replace("``", "").split())
        ARTICLE_FIGURES[compute.__name__] = ArticleFigure(compute.__name__, label, meaning, kind, compute, compare)
        return compute

    return register


def article_figures(facts: Facts) -> dict[str, Any]:
    """Every registered article figure of one article, by name, in registry order."""
    return {name: figure.compute(facts) for name, figure in ARTICLE_FIGURES.items()}


@article_figure("Words", "count", compare=True)
def word_count(f: Facts) -> int:
    """Words of the running text."""
    return f.words(f.running)


@article_figure("Paragraphs", "count")
def paragraph_count(f: Facts) -> int:
    """Paragraphs of the running text (body and lead-in)."""
    return len(f.running)


@article_figure("Tone", "tone", compare=True)
def tone(f: Facts) -> float | None:
    """What a reader perceives: the word-weighted mean sentence tone in [-1, 1] (see docs/tone.md)."""
    return f.weighted_tone(f.sentences(f.running))["tone"]


@article_figure("Author tone", "tone", compare=True)
def author_tone(f: Facts) -> float | None:
    """The writer's own stance: the word-weighted mean tone of the sentences in the author's voice, quotes left out
    and factual event words discounted, in [-1, 1]."""
    return f.author_tone(f.sentences(f.running))


@article_figure("Paragraphs where VADER and TextBlob disagree", "paragraphs")
def disagreeing_paragraphs(f: Facts) -> list[int]:
    """Running-text paragraphs where VADER and TextBlob read opposite signs: read their tone with care."""
    return [r["index"] for r in f.paragraph_records if r["analyzers_disagree"] and r["index"] in f.running]


@article_figure("Turns of tone", "paragraphs")
def tone_turns(f: Facts) -> list[int]:
    """Paragraphs where the smoothed tone arc changes sign: turns of the article's mood."""
    return [point["paragraph"] for point in f.tone_arc if point["turn"]]


@article_figure("Loaded terms", "count")
def loaded_count(f: Facts) -> int:
    """Loaded terms in the running text, in any voice."""
    return len(f.loaded(f.running))


@article_figure("Loaded terms per 100 words", "density", compare=True)
def loaded_density(f: Facts) -> float:
    """Loaded terms per 100 words of running text, in any voice (the outlet's words and those it quotes)."""
    return per_100(len(f.loaded(f.running)), f.words(f.running))


@article_figure("… in the author's voice", "density", compare=True)
def author_loaded_density(f: Facts) -> float:
    """Loaded terms in the outlet's own voice (quotes and attributed content left out) per 100 words."""
    return per_100(len(f.loaded(f.running, author=True)), f.words(f.running))


@article_figure("… in the headline", "density", compare=True)
def headline_loaded_density(f: Facts) -> float | None:
    """Loaded terms per 100 words of the title paragraph (None without a title line): how the headline frames the
    story."""
    return per_100(len(f.loaded(f.headline)), f.words(f.headline)) if f.headline else None


@article_figure("Biased sentences (expected share)", "share")
def bias_probability(f: Facts) -> float | None:
    """The mean probability that a sentence of the running text is biased, i.e. takes a side by its words (BABE's
    notion; the sentence model of docs/loaded-language.md): the expected share of biased sentences."""
    return f.bias_probability(f.sentences(f.running))


@article_figure("… of the headline", "share")
def headline_bias_probability(f: Facts) -> float | None:
    """The probability that the headline is biased (mean over its sentences; None without a title line)."""
    return f.bias_probability(f.sentences(f.headline)) if f.headline else None


@article_figure("Intensity", "density")
def intensity(f: Facts) -> float:
    """100 × the summed weights of the author-voice loaded terms / words: how strongly the outlet's own words load
    the text (a strong label weighs 1.5 or 2, a hedge 0.5)."""
    return per_100(sum(t.weight for t in f.loaded(f.running, author=True)), f.words(f.running))


@article_figure("Loaded categories", "breakdown", compare=True)
def loaded_category_shares(f: Facts) -> dict[str, float]:
    """Share of each category among the running text's loaded terms (they sum to 1)."""
    counts = Counter(t.category for t in f.loaded(f.running))
    total = sum(counts.values())
    return {c: round(counts[c] / total, 4) for c in sorted(counts)}


@article_figure("Top loaded terms", "breakdown")
def top_loaded_terms(f: Facts) -> list[dict[str, Any]]:
    """The author's most frequent loaded terms in the running text (by lexicon entry), most frequent first."""
    counts = Counter(t.term or t.text.lower() for t in f.loaded(f.running, author=True))
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_TERMS]
    return [{"term": term, "count": n} for term, n in ranked]


@article_figure("Attributions", "count")
def attribution_count(f: Facts) -> int:
    """Attribution cues in the running text, with or without a named source (a hedge has none)."""
    return len(f.attributions(f.running))


@article_figure("Attributions per 100 words", "density", compare=True)
def attribution_density(f: Facts) -> float:
    """Attribution cues per 100 words of running text: how much of the story is sourced."""
    return per_100(len(f.attributions(f.running)), f.words(f.running))


@article_figure("Source types", "breakdown", compare=True)
def source_types(f: Facts) -> dict[str, int]:
    """Attributions of the running text by source type (a pronoun counts as the name it resolves to; ``none``:
    no source, as in a hedge); they sum to ``attribution_count``."""
    types = source_types_by_span(f.analysis.attributions)
    counts = Counter(resolved_type(x, types) if x.source is not None else NO_SOURCE for x in f.attributions(f.running))
    return dict(sorted(counts.items()))


@article_figure("Direct-quote share", "share", compare=True)
def direct_quote_share(f: Facts) -> float:
    """Share of the attributions with content whose content is a direct quote (mixed and indirect are not)."""
    quoted = [x.quote for x in f.attributions(f.running) if x.quote != "none"]
    return round(quoted.count("direct") / len(quoted), 4) if quoted else 0.0


@article_figure("Anonymous share", "share", compare=True)
def anonymous_share(f: Facts) -> float:
    """Share of the sourced attributions whose source is unnamed ("officials", "sources")."""
    return f.article_sourcing["anonymous_share"]


@article_figure("Unattributed share", "share", compare=True)
def unattributed_share(f: Facts) -> float:
    """Share of body sentences neither attributed nor hedged: the outlet's own claims."""
    return f.article_sourcing["unattributed_share"]


@article_figure("Relayed paragraphs", "count")
def relayed_paragraph_count(f: Facts) -> int:
    """Running-text paragraphs reproduced from elsewhere (via …, "X reports:", between separators)."""
    return sum(1 for p in f.analysis.paragraphs if p.index in f.running and p.relayed_from is not None)


@article_figure("Quoted-sentence share", "share")
def quoted_sentence_share(f: Facts) -> float:
    """Share of the running text's sentences that lie wholly inside a direct quote."""
    sentences = f.sentences(f.running)
    quoted = sum(1 for i in sentences if f.analysis.sentences[i].quoted)
    return round(quoted / len(sentences), 4) if sentences else 0.0


def disagree(tone: dict[str, float | None]) -> bool:
    """VADER and TextBlob read the sentences of a ``weighted_tone`` with opposite signs (each at least
    ``DISAGREEMENT`` from zero)."""
    vader, blob = tone["vader_compound"], tone["textblob_polarity"]
    return vader is not None and blob is not None and vader * blob < 0 and min(abs(vader), abs(blob)) >= DISAGREEMENT


def per_100(count: float, words: int) -> float:
    """``count`` per 100 words (0.0 without words)."""
    return round(100 * count / words, 4) if words else 0.0


def relay_record(relay: Relay | None) -> dict[str, Any] | None:
    """A relay as JSON: its cue span and the source span it names."""
    return {"cue": asdict(relay.cue), "source": asdict(relay.source) if relay.source else None} if relay else None

