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
from ._names import courtesy_of, is_title, reads_as_person, without_possessive
from ._text import SpanIndex, count_words

_DETERMINERS = ("the", "a", "an")
#: Source types whose name is no person's full name for a later surname to join ("An email from Neera Tanden").
_NO_FULL_NAME = frozenset({"anonymous", "pronoun", "document"})


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
    ``source_types_by_span``), or as a person where it points to a person's name that is no source ("he" after "John
    Kasich spoke"); an unresolved pronoun stays a pronoun."""
    assert x.source is not None
    resolved = x.source.resolved
    return types.get((resolved.start, resolved.end), "person") if resolved else x.source.type


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
    return [voice["name"] if voice else None for voice in _voice_of(analysis)]


def voices(analysis: Analysis) -> list[dict]:
    """Each distinct source with its type, attributions, words of content given to it, cue classes and paragraphs,
    most attributions first."""
    text = analysis.article.text
    table: dict[str, dict] = {}
    for x, voice in zip(analysis.attributions, _voice_of(analysis)):
        if voice is None:
            continue
        entry = table.setdefault(voice["name"], {"source": voice["name"], "type": voice["type"], "attributions": 0,
                                                 "content_words": 0, "cue_classes": set(), "paragraphs": set()})
        entry["attributions"] += 1
        entry["content_words"] += count_words(text, x.content.start, x.content.end) if x.content else 0
        entry["cue_classes"].add(x.cue.cls)
        entry["paragraphs"].add(x.paragraph)
    rows = [{**e, "cue_classes": sorted(e["cue_classes"]), "paragraphs": sorted(e["paragraphs"])} for e in table.values()]
    return sorted(rows, key=lambda r: (-r["attributions"], r["paragraphs"][0]))


def _voice_of(analysis: Analysis) -> list[dict | None]:
    """For each attribution, in order, its voice (the name and type of the first form of the source it counts for),
    or None without a source. Names of several words are read first, in text order, so that a surname joins a full
    name written after it ("Issa" in a headline, "Rep. Darrell Issa" in the story)."""
    types = source_types_by_span(analysis.attributions)
    sources = {i: (x.source.resolved.text if x.source.resolved else x.source.text, resolved_type(x, types))
               for i, x in enumerate(analysis.attributions) if x.source is not None}
    known: dict[str, dict] = {}
    keys = {}
    for i in sorted(sources, key=lambda i: (len(voice_key(sources[i][0], sources[i][1], {}).split()) == 1, i)):
        named, type_ = sources[i]
        keys[i] = voice_key(named, type_, known)
        known.setdefault(keys[i], {"name": without_possessive(named.split(",")[0].strip()), "type": type_})
    return [known[keys[i]] if i in keys else None for i in range(len(analysis.attributions))]


def voice_key(name: str, type_: str, known: dict[str, dict]) -> str:
    """The key of a source (its name and type) among the ``known`` voices (name and type of each): lower case, no
    leading article, no possessive ending ("Trump’s"), no title before a name ("Mr. Jealous", "Sen. Lindsey Graham"
    and "President Barack Obama" are "jealous", "lindsey graham" and "barack obama"; "Ms. Khan" stays apart from "Mr.
    Khan"), and a lone word joins an earlier name that ends with it: a capitalized word, a full name that can be a
    person's whatever its type ("Jealous" joins "Benjamin Todd Jealous", who may speak for a body, "Times" joins "The
    New York Times"; not "One pastor supporting Mr. Cruz"); a word in lower case, a person's ("the employee" joins
    "the Platte River employee"). Anonymous, pronoun and document sources neither join nor are joined ("An email from
    Neera Tanden")."""
    head = without_possessive(name.split(",")[0].strip())
    words = _without_article(head.split())
    while len(words) > 1 and is_title(words[0]) and words[1][:1].isupper():
        words = words[1:]
    key = " ".join(words).lower()
    if key in known and {courtesy_of(head), courtesy_of(known[key]["name"])} == {"m", "f"}:
        return head.lower()
    if len(words) == 1 and type_ not in _NO_FULL_NAME:
        capitalized = words[0][:1].isupper()
        for earlier, entry in known.items():
            if earlier.endswith(" " + key) and (_full_name(entry["name"], entry["type"]) if capitalized
                                                else entry["type"] == "person"):
                return earlier
    return key


def _full_name(name: str, type_: str) -> bool:
    """Whether a source's name ends with a full name: its last two words capitalized, the first of them no title, and
    none of "of", "for", "the", "and", "&" in it after a leading article."""
    words = _without_article(name.split())
    return (type_ not in _NO_FULL_NAME and len(words) >= 2 and words[-2][:1].isupper()
            and not is_title(words[-2]) and reads_as_person(" ".join(words)))


def _without_article(words: list[str]) -> list[str]:
    """The words of a name without a leading article ("the", "a", "an")."""
    return words[1:] if words and words[0].lower() in _DETERMINERS else words
