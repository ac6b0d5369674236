"""The ``slant/analysis-v1`` JSON of one analysis, and the analysis read back from it.

The schema (``data/analysis-v1.schema.json``) only grows: fields are added, never renamed or removed.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from ._collector import cycle_collector_paused
from ._figures import Facts, article_figures
from ._model import (
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
from ._sourcing import voices

SCHEMA = "slant/analysis-v1"
_ARTICLE_FIELDS = ("id", "path", "title", "outlet", "published", "url", "author", "text")


def article_record(facts: Facts, figures: dict[str, Any]) -> dict[str, Any]:
    """The article's metadata, text and figures (the JSON's ``article``)."""
    article = facts.analysis.article
    return {**{name: getattr(article, name) for name in _ARTICLE_FIELDS}, **figures}


@cycle_collector_paused()
def to_record(facts: Facts, *, kit_version: str, actors: list[dict], actor_paragraphs: list[dict]) -> dict[str, Any]:
    """The analysis as one ``slant/analysis-v1`` object."""
    a = facts.analysis
    return {
        "schema": SCHEMA,
        "kit_version": kit_version,
        "lexicons": dict(a.lexicons),
        "shipped_data": a.shipped_data,
        "article": article_record(facts, article_figures(facts)),
        "paragraphs": facts.paragraph_records,
        "sentences": [{**asdict(s), **asdict(t), "evidence": [asdict(e) for e in t.evidence],
                       **({"bias_probability": a.sentence_bias[i]} if len(a.sentence_bias) == len(a.sentences) else {})}
                      for i, (s, t) in enumerate(zip(a.sentences, a.tones))],
        "quotes": [asdict(q) for q in a.quotes],
        "loaded_terms": [asdict(t) for t in a.loaded_terms],
        "attributions": [_attribution_record(x) for x in a.attributions],
        "voices": voices(a),
        "actor_mentions": [{**asdict(m), "evidence": [asdict(e) for e in m.evidence]} for m in a.actor_mentions],
        "actors": actors,
        "actor_paragraphs": actor_paragraphs,
        "tone_arc": facts.tone_arc,
    }


def from_record(data: dict[str, Any]) -> Analysis:
    """The analysis of a saved ``slant/analysis-v1`` object."""
    article = Article(**{k: v for k, v in data["article"].items() if k in _ARTICLE_FIELDS})
    return Analysis(
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
        actor_mentions=tuple(ActorMention(**{**m, "evidence": tuple(Span(**e) for e in m.get("evidence", []))})
                             for m in data.get("actor_mentions", [])),
        lexicons=dict(data["lexicons"]),
        shipped_data=data.get("shipped_data", ""),
        sentence_bias=tuple(s["bias_probability"] for s in data["sentences"])
        if all("bias_probability" in s for s in data["sentences"]) else (),
    )


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
