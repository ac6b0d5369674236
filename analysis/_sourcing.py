"""Sourcing statistics from the attributions: which sentences are attributed, and whose voices carry the article.

- A sentence is **attributed** when it holds a cue with a source, or lies inside the content of an attribution or a
  direct quote; it is **hedged** when it holds a hedge ("reportedly", "It is reported that").
- An **unattributed assertion** is a sentence of a body paragraph that is neither attributed nor hedged: the
  outlet's own claim.
- A **voice** is a distinct source: pronouns count for the name they resolve to, an appositive is left out of the
  name ("Colonel X, the deputy head of Y" is "Colonel X"), a later surname joins its full name ("Fischer" joins
  "Lena Fischer").
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ._model import TEXT_KINDS, Analysis, Attribution
from ._text import SpanIndex, count_words

_DETERMINERS = ("the ", "a ", "an ")


@dataclass(frozen=True)
class SentenceSourcing:
    """Whether a sentence is attributed or hedged."""

    attributed: bool
    hedged: bool


def sentence_sourcing(analysis: Analysis) -> list[SentenceSourcing]:
    """For each sentence, in order: attributed, hedged."""
    contents = SpanIndex((x.content.start, x.content.end) for x in analysis.attributions if x.content is not None)
    covers = SpanIndex([*contents.spans, *((q.start, q.end) for q in analysis.quotes if contents.contain(q.start, q.end))])
    cues = sorted(x.cue.start for x in analysis.attributions if x.source is not None)
    hedges = sorted(x.cue.start for x in analysis.attributions if x.cue.cls == "hedge")
    result = []
    for s in analysis.sentences:
        holds_cue = _any_in(cues, s.start, s.end)
        inside = covers.contain(s.start + 1, s.end - 2) or s.quoted
        result.append(SentenceSourcing(holds_cue or inside, _any_in(hedges, s.start, s.end)))
    return result


def _any_in(positions: list[int], start: int, end: int) -> bool:
    """Whether a sorted list of positions has one in ``start:end``."""
    i = bisect_left(positions, start)
    return i < len(positions) and positions[i] < end


@dataclass
class ParagraphSourcing:
    """Sourcing figures of one paragraph."""

    attributed_sentences: int = 0
    hedged_sentences: int = 0
    sentences: int = 0
    quote_types: Counter = field(default_factory=Counter)
    source_types: Counter = field(default_factory=Counter)
    cue_classes: Counter = field(default_factory=Counter)

    def record(self) -> dict:
        return {
            "attributed_sentence_share": round(self.attributed_sentences / self.sentences, 4) if self.sentences else 0.0,
            "hedged_sentence_count": self.hedged_sentences,
            "direct_count": self.quote_types["direct"],
            "indirect_count": self.quote_types["indirect"],
            "mixed_count": self.quote_types["mixed"],
            "source_types": dict(sorted(self.source_types.items())),
            "cue_classes": dict(sorted(self.cue_classes.items())),
        }


def paragraph_sourcing(analysis: Analysis, sentences: list[SentenceSourcing]) -> dict[int, ParagraphSourcing]:
    """Sourcing figures by paragraph index."""
    figures = {p.index: ParagraphSourcing() for p in analysis.paragraphs}
    types = source_types_by_span(analysis.attributions)
    for sentence, sourcing in zip(analysis.sentences, sentences):
        entry = figures[sentence.paragraph]
        entry.sentences += 1
        entry.attributed_sentences += sourcing.attributed
        entry.hedged_sentences += sourcing.hedged
    for x in analysis.attributions:
        entry = figures[x.paragraph]
        entry.cue_classes[x.cue.cls] += 1
        if x.quote != "none":
            entry.quote_types[x.quote] += 1
        if x.source is not None:
            entry.source_types[resolved_type(x, types)] += 1
    return figures


SpanTypes = Mapping[tuple[int, int], str]


def source_types_by_span(attributions: Iterable[Attribution]) -> SpanTypes:
    """The type of each source of the attributions by its start and end: a pronoun resolves to one of them."""
    return {(x.source.start, x.source.end): x.source.type for x in attributions if x.source is not None}


def resolved_type(x: Attribution, types: SpanTypes) -> str:
    """The source type, with a resolved pronoun typed as the source it points to (``types``: the article's
    ``source_types_by_span``); a pronoun resolved to no source of them stays a pronoun."""
    assert x.source is not None
    resolved = x.source.resolved
    return types.get((resolved.start, resolved.end), x.source.type) if resolved else x.source.type


def article_sourcing(analysis: Analysis, sentences: list[SentenceSourcing]) -> dict:
    """Share of anonymous sources among sourced attributions, and of unattributed assertions in body paragraphs."""
    text_paragraphs = {p.index for p in analysis.paragraphs if p.kind in TEXT_KINDS}
    body = {p.index for p in analysis.paragraphs if p.kind == "body"}
    sourced = [x for x in analysis.attributions if x.source is not None and x.paragraph in text_paragraphs]
    types = source_types_by_span(analysis.attributions)
    anonymous = sum(1 for x in sourced if resolved_type(x, types) == "anonymous")
    body_sentences = [s for s, x in zip(sentences, analysis.sentences) if x.paragraph in body]
    unattributed = sum(1 for s in body_sentences if not s.attributed and not s.hedged)
    return {
        "anonymous_share": round(anonymous / len(sourced), 4) if sourced else 0.0,
        "unattributed_share": round(unattributed / len(body_sentences), 4) if body_sentences else 0.0,
    }


def voice_names(analysis: Analysis) -> list[str | None]:
    """For each attribution, in order, the name of its voice (the distinct source it counts for), or None without
    a source."""
    names: list[str | None] = []
    known: dict[str, dict] = {}
    types = source_types_by_span(analysis.attributions)
    for x in analysis.attributions:
        if x.source is None:
            names.append(None)
            continue
        named = x.source.resolved.text if x.source.resolved else x.source.text
        entry = known.setdefault(voice_key(named, known), {"source": named.split(",")[0].strip(), "type": resolved_type(x, types)})
        names.append(entry["source"])
    return names


def voices(analysis: Analysis) -> list[dict]:
    """Each distinct source with its type, attributions, words of content given to it, cue classes and paragraphs,
    most attributions first."""
    text = analysis.article.text
    table: dict[str, dict] = {}
    types = source_types_by_span(analysis.attributions)
    for x, name in zip(analysis.attributions, voice_names(analysis)):
        if name is None:
            continue
        entry = table.setdefault(name, {"source": name, "type": resolved_type(x, types), "attributions": 0,
                                        "content_words": 0, "cue_classes": set(), "paragraphs": set()})
        entry["attributions"] += 1
        entry["content_words"] += count_words(text, x.content.start, x.content.end) if x.content else 0
        entry["cue_classes"].add(x.cue.cls)
        entry["paragraphs"].add(x.paragraph)
    rows = [{**e, "cue_classes": sorted(e["cue_classes"]), "paragraphs": sorted(e["paragraphs"])} for e in table.values()]
    return sorted(rows, key=lambda r: (-r["attributions"], r["paragraphs"][0]))


def voice_key(name: str, known: dict[str, dict]) -> str:
    """The key of a source's name among the ``known`` voices: lower case, no leading article, and a lone surname
    joins an earlier person's full name."""
    key = name.split(",")[0].strip().lower()
    for determiner in _DETERMINERS:
        if key.startswith(determiner):
            key = key[len(determiner):]
    if " " not in key:
        for earlier in known:
            if earlier.endswith(" " + key) and known[earlier]["type"] == "person":
                return earlier
    return key
