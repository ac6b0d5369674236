"""The analysed document: tidy DataFrames (one row per paragraph, sentence, span), a summary, and the JSON contract.

Figures, as reported everywhere:
- ``word_count``: words (``_text.WORD_RE``) in the paragraph, or in the article's running text.
- ``tone``, ``vader_compound``, ``textblob_*`` of a paragraph or article: the word-count-weighted mean of its
  sentences; ``None`` where there is no sentence.
- ``loaded_density``: loaded terms per 100 words; ``author_loaded_density`` counts the author's voice only.
- ``intensity``: 100 × the sum of the weights of the author-voice loaded terms / words: how strongly the outlet's own
  words load the text (a strong label weighs 1.5 or 2, a hedge 0.5).
- Article figures cover the running text: ``body`` and ``lead_in`` paragraphs.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections import Counter
from dataclasses import asdict
from functools import cached_property
from typing import Any

import pandas as pd

from ._model import (
    TEXT_KINDS,
    ActorMention,
    Analysis,
    Article,
    Attribution,
    Cue,
    Evidence,
    LoadedTerm,
    Paragraph,
    Quote,
    Relay,
    Sentence,
    SentenceTone,
    Source,
    Span,
)
from ._sourcing import SentenceSourcing, article_sourcing, paragraph_sourcing, sentence_sourcing, voices
from ._text import count_words

SCHEMA = "slant/analysis-v1"
#: The analyzers disagree on a paragraph when their means have opposite signs and both are at least this far from 0.
DISAGREEMENT = 0.1
#: Paragraphs on each side in the moving average of the tone arc.
ARC_WINDOW = 2
#: A turn is a change of sign of the smoothed tone between values at least this far from 0.
TURN_MARGIN = 0.05
_TONE_FIELDS = ("tone", "vader_compound", "textblob_polarity", "textblob_subjectivity")
_SENTENCE_FIELDS = ("paragraph", "start", "end", "quoted", *_TONE_FIELDS, "author_tone")


class Document:
    """One analysed article. Build it with :func:`analysis.analyze`; every span indexes ``article.text``."""

    def __init__(self, analysis: Analysis, *, kit_version: str) -> None:
        self.analysis = analysis
        self.kit_version = kit_version

    @property
    def article(self) -> Article:
        return self.analysis.article

    @property
    def text(self) -> str:
        return self.analysis.article.text

    def __repr__(self) -> str:
        return f"<Document {self.article.id!r}: {len(self.analysis.paragraphs)} paragraphs>"

    # -- records: the single source of every table and of the JSON ---------------------------------------------

    @cached_property
    def _sentence_words(self) -> list[int]:
        return [count_words(self.text, s.start, s.end) for s in self.analysis.sentences]

    @cached_property
    def paragraph_records(self) -> list[dict[str, Any]]:
        """One record per paragraph with its figures (see the module docstring)."""
        a = self.analysis
        loaded = Counter(t.paragraph for t in a.loaded_terms)
        author = Counter(t.paragraph for t in a.loaded_terms if t.voice == "author")
        weights = Counter()
        categories: dict[int, Counter] = {p.index: Counter() for p in a.paragraphs}
        for t in a.loaded_terms:
            categories[t.paragraph][t.category] += 1
            if t.voice == "author":
                weights[t.paragraph] += t.weight
        attributions = Counter(x.paragraph for x in a.attributions)
        sourcing = paragraph_sourcing(a, self._sentence_sourcing)
        records = []
        for p in a.paragraphs:
            words = count_words(self.text, p.start, p.end)
            sentences = self._sentences_of.get(p.index, [])
            records.append({
                "index": p.index, "start": p.start, "end": p.end, "kind": p.kind,
                "word_count": words, "sentence_count": len(sentences),
                **self._weighted_tone(sentences),
                "author_tone": self._author_tone(sentences),
                "analyzers_disagree": self._disagree(sentences),
                "loaded_count": loaded[p.index], "loaded_density": _per_100(loaded[p.index], words),
                "author_loaded_count": author[p.index], "author_loaded_density": _per_100(author[p.index], words),
                "loaded_categories": dict(sorted(categories[p.index].items())),
                "intensity": _per_100(weights[p.index], words),
                "attribution_count": attributions[p.index],
                **sourcing[p.index].record(),
                "relayed_from": _relay_record(p.relayed_from),
            })
        return records

    @cached_property
    def _sentences_of(self) -> dict[int, list[int]]:
        """Sentence indexes by paragraph index."""
        grouped: dict[int, list[int]] = {}
        for i, sentence in enumerate(self.analysis.sentences):
            grouped.setdefault(sentence.paragraph, []).append(i)
        return grouped

    @cached_property
    def _sentence_sourcing(self) -> list[SentenceSourcing]:
        return sentence_sourcing(self.analysis)

    def _author_tone(self, sentence_indexes: list[int]) -> float | None:
        """The word-weighted mean ``author_tone`` of the sentences in the author's voice, or None."""
        tones = self.analysis.tones
        pairs = [(tones[i].author_tone, max(self._sentence_words[i], 1)) for i in sentence_indexes
                 if tones[i].author_tone is not None]
        total = sum(w for _, w in pairs)
        return round(sum(t * w for t, w in pairs) / total, 4) if total else None

    def _disagree(self, sentence_indexes: list[int]) -> bool:
        """VADER and TextBlob read the sentences with opposite signs (each at least ``DISAGREEMENT`` from zero)."""
        tone = self._weighted_tone(sentence_indexes)
        vader, blob = tone["vader_compound"], tone["textblob_polarity"]
        return vader is not None and blob is not None and vader * blob < 0 and min(abs(vader), abs(blob)) >= DISAGREEMENT

    def _weighted_tone(self, sentence_indexes: list[int]) -> dict[str, float | None]:
        weights = [max(self._sentence_words[i], 1) for i in sentence_indexes]
        total = sum(weights)
        if not total:
            return {name: None for name in _TONE_FIELDS}
        tones = self.analysis.tones
        return {
            name: round(sum(getattr(tones[i], name) * w for i, w in zip(sentence_indexes, weights)) / total, 4)
            for name in _TONE_FIELDS
        }

    @cached_property
    def article_record(self) -> dict[str, Any]:
        """The article's metadata, text and figures over its running text (body and lead_in paragraphs)."""
        a = self.analysis
        text_paragraphs = {p.index for p in a.paragraphs if p.kind in TEXT_KINDS}
        words = sum(r["word_count"] for r in self.paragraph_records if r["index"] in text_paragraphs)
        loaded = [t for t in a.loaded_terms if t.paragraph in text_paragraphs]
        author = [t for t in loaded if t.voice == "author"]
        sentences = [i for i, s in enumerate(a.sentences) if s.paragraph in text_paragraphs]
        article = a.article
        return {
            "id": article.id, "path": article.path, "title": article.title, "outlet": article.outlet,
            "published": article.published, "url": article.url, "text": article.text,
            "word_count": words,
            "paragraph_count": len(text_paragraphs),
            "tone": self._weighted_tone(sentences)["tone"],
            "author_tone": self._author_tone(sentences),
            "disagreeing_paragraphs": [r["index"] for r in self.paragraph_records
                                       if r["analyzers_disagree"] and r["index"] in text_paragraphs],
            "tone_turns": [point["paragraph"] for point in self.tone_arc if point["turn"]],
            "loaded_count": len(loaded),
            "loaded_density": _per_100(len(loaded), words),
            "author_loaded_density": _per_100(len(author), words),
            "intensity": _per_100(sum(t.weight for t in author), words),
            "loaded_category_shares": {c: round(n / len(loaded), 4) for c, n in sorted(Counter(t.category for t in loaded).items())},
            "top_loaded_terms": [{"term": term, "count": n} for term, n in
                                 sorted(Counter(t.term or t.text.lower() for t in author).items(), key=lambda kv: (-kv[1], kv[0]))[:10]],
            "attribution_count": sum(1 for x in a.attributions if x.paragraph in text_paragraphs),
            **article_sourcing(a, self._sentence_sourcing),
        }

    @cached_property
    def tone_arc(self) -> list[dict[str, Any]]:
        """Tone through the running text: each paragraph's tone, its moving average over ``ARC_WINDOW`` paragraphs
        on each side, and ``turn`` where the smoothed tone changes sign between values at least ``TURN_MARGIN`` from
        zero (a turn of the article's mood)."""
        points = [(r["index"], r["tone"]) for r in self.paragraph_records
                  if r["kind"] in TEXT_KINDS and r["tone"] is not None]
        arc = []
        for k, (index, tone) in enumerate(points):
            window = [t for _, t in points[max(0, k - ARC_WINDOW):k + ARC_WINDOW + 1]]
            arc.append({"paragraph": index, "tone": tone, "smoothed": round(sum(window) / len(window), 4)})
        for previous, point in zip([None, *arc], arc):
            point["turn"] = previous is not None and previous["smoothed"] * point["smoothed"] < 0 \
                and min(abs(previous["smoothed"]), abs(point["smoothed"])) >= TURN_MARGIN
        return arc

    # -- DataFrames ------------------------------------------------------------------------------------------

    @cached_property
    def paragraphs(self) -> pd.DataFrame:
        """One row per paragraph: offsets, kind, figures and the paragraph's text."""
        frame = pd.DataFrame(self.paragraph_records)
        frame["text"] = [self.text[p.start:p.end] for p in self.analysis.paragraphs]
        return frame

    @cached_property
    def sentences(self) -> pd.DataFrame:
        """One row per sentence: offsets, whether it is inside a direct quote, and its sentiment scores."""
        rows = [
            {**asdict(s), **asdict(t), "word_count": w, "text": self.text[s.start:s.end]}
            for s, t, w in zip(self.analysis.sentences, self.analysis.tones, self._sentence_words)
        ]
        return pd.DataFrame(rows, columns=[*_SENTENCE_FIELDS, "word_count", "text"])

    @cached_property
    def evidence(self) -> pd.DataFrame:
        """One row per word that moved VADER or TextBlob: sentence, span, analyzer, valence, event word or not."""
        rows = [{"sentence": i, **asdict(e)} for i, tone in enumerate(self.analysis.tones) for e in tone.evidence]
        return pd.DataFrame(rows, columns=["sentence", "start", "end", "text", "analyzer", "valence", "event"])

    @cached_property
    def quotes(self) -> pd.DataFrame:
        """One row per direct-quote span (marks excluded)."""
        rows = [{**asdict(q), "text": self.text[q.start:q.end]} for q in self.analysis.quotes]
        return pd.DataFrame(rows, columns=["paragraph", "start", "end", "warning", "text"])

    @cached_property
    def loaded_terms(self) -> pd.DataFrame:
        """One row per loaded term: span, category, voice, weight and the lexicon term it matched."""
        rows = [asdict(t) for t in self.analysis.loaded_terms]
        return pd.DataFrame(rows, columns=["paragraph", "start", "end", "text", "category", "voice", "weight", "term"])

    @cached_property
    def attributions(self) -> pd.DataFrame:
        """One row per attribution: cue, source (with its type and what a pronoun resolves to), content, quote type."""
        rows = []
        for x in self.analysis.attributions:
            source = x.source
            rows.append({
                "paragraph": x.paragraph,
                "cue": x.cue.text, "cue_class": x.cue.cls, "cue_start": x.cue.start, "cue_end": x.cue.end,
                "source": source.text if source else None, "source_type": source.type if source else None,
                "source_start": source.start if source else None, "source_end": source.end if source else None,
                "resolved": source.resolved.text if source and source.resolved else None,
                "content": x.content.text if x.content else None,
                "content_start": x.content.start if x.content else None,
                "content_end": x.content.end if x.content else None,
                "quote": x.quote,
            })
        columns = ["paragraph", "cue", "cue_class", "cue_start", "cue_end", "source", "source_type", "source_start",
                   "source_end", "resolved", "content", "content_start", "content_end", "quote"]
        return pd.DataFrame(rows, columns=columns)

    @cached_property
    def voices(self) -> pd.DataFrame:
        """One row per distinct source (pronouns resolved): type, attributions, words of content, cue classes."""
        columns = ["source", "type", "attributions", "content_words", "cue_classes", "paragraphs"]
        return pd.DataFrame(voices(self.analysis), columns=columns)

    @cached_property
    def actor_mentions(self) -> pd.DataFrame:
        """One row per mention of an actor (name, alias or label), with the tones of its sentence."""
        starts = [sentence.start for sentence in self.analysis.sentences]
        rows = []
        for m in self.analysis.actor_mentions:
            k = bisect_right(starts, m.start) - 1
            inside = k >= 0 and m.start < self.analysis.sentences[k].end
            tone = self.analysis.tones[k] if inside else None
            rows.append({**asdict(m), "sentence": k if inside else None,
                         "sentence_tone": tone.tone if tone else None,
                         "sentence_author_tone": tone.author_tone if tone else None})
        return pd.DataFrame(rows, columns=["paragraph", "start", "end", "text", "actor", "label", "sentence",
                                           "sentence_tone", "sentence_author_tone"])

    @cached_property
    def actors(self) -> pd.DataFrame:
        """One row per actor: mentions (of which labels), the sentences that mention it, and their mean ``tone`` and
        ``author_tone`` (the tone toward the actor, as far as sentence tone tells)."""
        return _actor_table(self.actor_mentions, ["actor"])

    @cached_property
    def actor_paragraphs(self) -> pd.DataFrame:
        """One row per actor and paragraph: mentions and the mean tones of the sentences that mention the actor."""
        return _actor_table(self.actor_mentions, ["actor", "paragraph"])

    # -- summary and JSON ------------------------------------------------------------------------------------

    def summary(self) -> dict[str, Any]:
        """Headline figures of the article, for a reader: what each means is in the module docstring."""
        record = self.article_record
        kinds = Counter(p.kind for p in self.analysis.paragraphs)
        terms = self.loaded_terms
        sources = self.attributions.dropna(subset=["source"])
        return {
            "id": record["id"],
            "title": record["title"],
            "words": record["word_count"],
            "paragraphs": record["paragraph_count"],
            "paragraph_kinds": dict(sorted(kinds.items())),
            "tone": record["tone"],
            "loaded_terms": record["loaded_count"],
            "loaded_density": record["loaded_density"],
            "author_loaded_density": record["author_loaded_density"],
            "loaded_by_category": terms["category"].value_counts().sort_index().to_dict(),
            "top_loaded_terms": terms["text"].str.lower().value_counts().head(10).to_dict(),
            "attributions": record["attribution_count"],
            "source_types": sources["source_type"].value_counts().sort_index().to_dict(),
            "anonymous_share": record["anonymous_share"],
            "unattributed_share": record["unattributed_share"],
            "relayed_paragraphs": sum(1 for p in self.analysis.paragraphs if p.relayed_from is not None),
            "quoted_sentence_share": round(float(self.sentences["quoted"].mean()), 4) if len(self.sentences) else None,
        }

    def to_dict(self) -> dict[str, Any]:
        """The analysis as the ``slant/analysis-v1`` JSON object (see ``schema/analysis-v1.schema.json``)."""
        a = self.analysis
        return {
            "schema": SCHEMA,
            "kit_version": self.kit_version,
            "lexicons": dict(a.lexicons),
            "article": self.article_record,
            "paragraphs": self.paragraph_records,
            "sentences": [{**asdict(s), **asdict(t), "evidence": [asdict(e) for e in t.evidence]}
                          for s, t in zip(a.sentences, a.tones)],
            "quotes": [asdict(q) for q in a.quotes],
            "loaded_terms": [asdict(t) for t in a.loaded_terms],
            "attributions": [_attribution_record(x) for x in a.attributions],
            "voices": voices(a),
            "actor_mentions": [asdict(m) for m in a.actor_mentions],
            "actors": json.loads(self.actors.to_json(orient="records")),
            "actor_paragraphs": json.loads(self.actor_paragraphs.to_json(orient="records")),
            "tone_arc": self.tone_arc,
        }

    def to_json(self, *, indent: int | None = None) -> str:
        """The JSON text of :meth:`to_dict` (one line unless ``indent`` is given); same input, same bytes."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent, allow_nan=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """Read back a saved analysis (the output of :meth:`to_dict`)."""
        article_fields = {"id", "text", "path", "title", "outlet", "published", "url"}
        article = Article(**{k: v for k, v in data["article"].items() if k in article_fields})
        analysis = Analysis(
            article=article,
            paragraphs=tuple(Paragraph(p["index"], p["start"], p["end"], p["kind"], _relay_from(p.get("relayed_from")))
                             for p in data["paragraphs"]),
            sentences=tuple(Sentence(s["paragraph"], s["start"], s["end"], s["quoted"]) for s in data["sentences"]),
            quotes=tuple(Quote(**q) for q in data["quotes"]),
            attributions=tuple(_attribution_from(x) for x in data["attributions"]),
            loaded_terms=tuple(LoadedTerm(**t) for t in data["loaded_terms"]),
            tones=tuple(SentenceTone(s["vader_compound"], s["textblob_polarity"], s["textblob_subjectivity"], s["tone"],
                                     s.get("author_tone"), tuple(Evidence(**e) for e in s.get("evidence", [])))
                        for s in data["sentences"]),
            actor_mentions=tuple(ActorMention(**m) for m in data.get("actor_mentions", [])),
            lexicons=dict(data["lexicons"]),
        )
        return cls(analysis, kit_version=data["kit_version"])


def _actor_table(mentions: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    columns = [*keys, "mentions", "label_mentions", "sentences", "tone", "author_tone"]
    if mentions.empty:
        return pd.DataFrame(columns=columns)
    by_sentence = mentions.drop_duplicates(["actor", "sentence"])
    grouped = mentions.groupby(keys, sort=True)
    sentences = by_sentence.groupby(keys)
    frame = pd.DataFrame({
        "mentions": grouped.size(),
        "label_mentions": grouped["label"].sum().astype(int),
        "sentences": sentences.size(),
        "tone": sentences["sentence_tone"].mean().round(4),
        "author_tone": sentences["sentence_author_tone"].mean().round(4),
    }).reset_index()
    order = ["mentions", *keys] if len(keys) == 1 else keys
    return frame.sort_values(order, ascending=[False, True] if len(keys) == 1 else True, ignore_index=True)[columns]


def _per_100(count: float, words: int) -> float:
    return round(100 * count / words, 4) if words else 0.0


def _relay_record(relay: Relay | None) -> dict[str, Any] | None:
    return {"cue": asdict(relay.cue), "source": asdict(relay.source) if relay.source else None} if relay else None


def _relay_from(record: dict[str, Any] | None) -> Relay | None:
    if record is None:
        return None
    return Relay(Span(**record["cue"]), Span(**record["source"]) if record["source"] else None)


def _attribution_record(x: Attribution) -> dict[str, Any]:
    source = None
    if x.source is not None:
        source = {**asdict(x.source), "resolved": asdict(x.source.resolved) if x.source.resolved else None}
    return {
        "paragraph": x.paragraph,
        "cue": {"start": x.cue.start, "end": x.cue.end, "text": x.cue.text, "class": x.cue.cls},
        "source": source,
        "content": asdict(x.content) if x.content else None,
        "quote": x.quote,
    }


def _attribution_from(record: dict[str, Any]) -> Attribution:
    cue = record["cue"]
    source = record["source"]
    content = record["content"]
    return Attribution(
        paragraph=record["paragraph"],
        cue=Cue(cue["start"], cue["end"], cue["text"], cue["class"]),
        source=Source(source["start"], source["end"], source["text"], source["type"],
                      Span(**source["resolved"]) if source["resolved"] else None) if source else None,
        content=Span(**content) if content else None,
        quote=record["quote"],
    )
