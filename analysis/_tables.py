"""The tidy tables of one article: one row per item, an ``article_id`` column first, scalar cells only.

Tables of several articles concatenate with ``pandas.concat`` and go to CSV or Parquet as they are. Mappings of the
JSON become columns (``loaded_<category>``, ``source_<type>``, ``cue_<class>``) or long tables
(``loaded_categories``, ``source_types``, ``top_loaded_terms``).
"""

from __future__ import annotations

from bisect import bisect_right
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, fields
from typing import Any

import numpy as np
import pandas as pd

from ._figures import ARTICLE_FIGURES, NO_SOURCE, TONE_FIELDS, Facts
from ._model import CUE_CLASSES, LOADED_CATEGORIES, SOURCE_TYPES
from ._sourcing import voice_names, voices
from ._text import count_words

SENTENCE_COLUMNS = ["paragraph", "start", "end", "quoted", *TONE_FIELDS, "author_tone", "bias_probability", "word_count",
                    "text"]
LOADED_COLUMNS = ["paragraph", "start", "end", "text", "category", "voice", "weight", "term", "probability"]
ATTRIBUTION_COLUMNS = ["paragraph", "cue", "cue_class", "cue_start", "cue_end", "source", "source_type", "source_start",
                       "source_end", "resolved", "voice", "content", "content_start", "content_end", "content_words",
                       "quote"]
MENTION_COLUMNS = ["paragraph", "start", "end", "text", "actor", "label", "sentence", "sentence_tone",
                   "sentence_author_tone", "tone_toward", "evidence"]
#: The evidence words of an actor's row: its most frequent ones, at most this many.
ACTOR_EVIDENCE = 5
#: Every source type a table may hold: the model's, and ``none`` for an attribution without a source.
SOURCE_KEYS = (*SOURCE_TYPES, NO_SOURCE)


def tidy(article_id: str, rows: Sequence[dict[str, Any]] | pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """A table with ``article_id`` as its first column and the given columns (in order), even when empty."""
    frame = rows.reindex(columns=list(columns)) if isinstance(rows, pd.DataFrame) else pd.DataFrame(list(rows), columns=list(columns))
    frame.insert(0, "article_id", pd.Series([article_id] * len(frame), index=frame.index, dtype="object"))
    return frame


def scalar_fields(item: Any) -> dict[str, Any]:
    """The scalar fields of a dataclass instance by name (``asdict`` without its deep copies, and without the
    fields that hold lists, such as a tone's evidence)."""
    return {f.name: value for f in fields(item) if not isinstance(value := getattr(item, f.name), (tuple, list))}


def paragraph_rows(facts: Facts) -> list[dict[str, Any]]:
    """One row per paragraph: offsets, kind, figures, counts per loaded category, source type and cue class, what it
    is relayed from, and its text."""
    rows = []
    for record in facts.paragraph_records:
        relay = record["relayed_from"]
        row = {k: v for k, v in record.items() if k not in ("loaded_categories", "source_types", "cue_classes", "relayed_from")}
        row.update({f"loaded_{c}": record["loaded_categories"].get(c, 0) for c in LOADED_CATEGORIES})
        sourced = sum(record["source_types"].values())
        row.update({f"source_{t}": record["source_types"].get(t, 0) for t in SOURCE_TYPES})
        row[f"source_{NO_SOURCE}"] = record["attribution_count"] - sourced
        row.update({f"cue_{c}": record["cue_classes"].get(c, 0) for c in CUE_CLASSES})
        row["relayed_cue"] = relay["cue"]["text"] if relay else None
        row["relayed_source"] = relay["source"]["text"] if relay and relay["source"] else None
        row["text"] = facts.text[record["start"]:record["end"]]
        rows.append(row)
    return rows


def paragraphs(facts: Facts) -> pd.DataFrame:
    """The rows of ``paragraph_rows`` as a table."""
    rows = paragraph_rows(facts)
    columns = list(rows[0]) if rows else ["index", "kind", "word_count", "text"]
    return tidy(facts.analysis.article.id, rows, columns)


def sentence_rows(facts: Facts) -> list[dict[str, Any]]:
    """One row per sentence: offsets, whether it is inside a direct quote, its scores, the probability that it is
    biased, words and text."""
    a = facts.analysis
    bias = a.sentence_bias if len(a.sentence_bias) == len(a.sentences) else (None,) * len(a.sentences)
    return [{**scalar_fields(s), **scalar_fields(t), "bias_probability": b, "word_count": w,
             "text": facts.text[s.start:s.end]}
            for s, t, b, w in zip(a.sentences, a.tones, bias, facts.sentence_words)]


def sentences(facts: Facts) -> pd.DataFrame:
    """The rows of ``sentence_rows`` as a table."""
    return tidy(facts.analysis.article.id, sentence_rows(facts), SENTENCE_COLUMNS)


def evidence(facts: Facts) -> pd.DataFrame:
    """One row per word that moved VADER or TextBlob: sentence, span, analyzer, valence, event word or not."""
    rows = [{"sentence": i, **asdict(e)} for i, tone in enumerate(facts.analysis.tones) for e in tone.evidence]
    return tidy(facts.analysis.article.id, rows, ["sentence", "start", "end", "text", "analyzer", "valence", "event"])


def quotes(facts: Facts) -> pd.DataFrame:
    """One row per direct-quote span (marks excluded)."""
    rows = [{**asdict(q), "text": facts.text[q.start:q.end]} for q in facts.analysis.quotes]
    return tidy(facts.analysis.article.id, rows, ["paragraph", "start", "end", "warning", "text"])


def loaded_term_rows(facts: Facts) -> list[dict[str, Any]]:
    """One row per loaded term: span, category, voice, weight, the lexicon term it matched and the model's
    probability."""
    return [scalar_fields(t) for t in facts.analysis.loaded_terms]


def loaded_terms(facts: Facts) -> pd.DataFrame:
    """The rows of ``loaded_term_rows`` as a table."""
    return tidy(facts.analysis.article.id, loaded_term_rows(facts), LOADED_COLUMNS)


def attribution_rows(facts: Facts) -> list[dict[str, Any]]:
    """One row per attribution: cue, source (its type, what a pronoun resolves to, the voice it counts for),
    content (and its words), quote type."""
    rows = []
    for x, voice in zip(facts.analysis.attributions, voice_names(facts.analysis)):
        source, content = x.source, x.content
        rows.append({
            "paragraph": x.paragraph,
            "cue": x.cue.text, "cue_class": x.cue.cls, "cue_start": x.cue.start, "cue_end": x.cue.end,
            "source": source.text if source else None, "source_type": source.type if source else None,
            "source_start": source.start if source else None, "source_end": source.end if source else None,
            "resolved": source.resolved.text if source and source.resolved else None,
            "voice": voice,
            "content": content.text if content else None,
            "content_start": content.start if content else None, "content_end": content.end if content else None,
            "content_words": count_words(facts.text, content.start, content.end) if content else 0,
            "quote": x.quote,
        })
    return rows


def attributions(facts: Facts) -> pd.DataFrame:
    """The rows of ``attribution_rows`` as a table."""
    return tidy(facts.analysis.article.id, attribution_rows(facts), ATTRIBUTION_COLUMNS)


def voice_table(facts: Facts) -> pd.DataFrame:
    """One row per distinct source (pronouns resolved): type, attributions, words of content, attributions per cue
    class, the first paragraph and the number of paragraphs it is cited in."""
    rows = []
    cited = attributions(facts)
    for voice in voices(facts.analysis):
        own = cited[cited["voice"] == voice["source"]]["cue_class"].value_counts()
        rows.append({
            "source": voice["source"], "type": voice["type"], "attributions": voice["attributions"],
            "content_words": voice["content_words"],
            **{f"cue_{c}": int(own.get(c, 0)) for c in CUE_CLASSES},
            "first_paragraph": voice["paragraphs"][0], "paragraph_count": len(voice["paragraphs"]),
        })
    columns = ["source", "type", "attributions", "content_words", *(f"cue_{c}" for c in CUE_CLASSES),
               "first_paragraph", "paragraph_count"]
    return tidy(facts.analysis.article.id, rows, columns)


def actor_mention_rows(facts: Facts) -> list[dict[str, Any]]:
    """One row per mention of an actor (name, alias or label), with the tones of its sentence, the tone toward the
    mention and its evidence words (separated by "; ")."""
    a = facts.analysis
    starts = [sentence.start for sentence in a.sentences]
    rows = []
    for m in a.actor_mentions:
        k = bisect_right(starts, m.start) - 1
        inside = k >= 0 and m.start < a.sentences[k].end
        tone = a.tones[k] if inside else None
        rows.append({**scalar_fields(m), "sentence": k if inside else None,
                     "sentence_tone": tone.tone if tone else None,
                     "sentence_author_tone": tone.author_tone if tone else None,
                     "evidence": "; ".join(e.text for e in m.evidence)})
    return rows


def actor_mentions(facts: Facts) -> pd.DataFrame:
    """The rows of ``actor_mention_rows`` as a table."""
    return tidy(facts.analysis.article.id, actor_mention_rows(facts), MENTION_COLUMNS)


def actor_rows(mentions: Sequence[dict[str, Any]], keys: Sequence[str]) -> list[dict[str, Any]]:
    """Mentions grouped by ``keys``: mentions (of which labels), the sentences that mention the actor, and their
    mean ``tone`` and ``author_tone`` (each sentence counted once per actor); the tone toward the actor
    (``tone_toward``: the mean over its mentions) and its evidence words (the most frequent, lower-cased, separated by
    "; "). By ``actor`` alone, the most mentioned first; else in key order."""
    groups: dict[tuple, dict[str, Any]] = {}
    seen: set[tuple] = set()
    for m in mentions:
        group = groups.setdefault(tuple(m[k] for k in keys), {"mentions": 0, "label_mentions": 0, "sentences": [],
                                                              "toward": [], "evidence": Counter()})
        group["mentions"] += 1
        group["toward"].append(m["tone_toward"])
        group["evidence"].update(w.lower() for w in m["evidence"].split("; ") if w)
        group["label_mentions"] += int(m["label"])
        if (m["actor"], m["sentence"]) not in seen:
            seen.add((m["actor"], m["sentence"]))
            group["sentences"].append(m)
    rows = [{**dict(zip(keys, key)), "mentions": g["mentions"], "label_mentions": g["label_mentions"],
             "sentences": len(g["sentences"]), "tone": _mean(m["sentence_tone"] for m in g["sentences"]),
             "author_tone": _mean(m["sentence_author_tone"] for m in g["sentences"]),
             "tone_toward": _mean(g["toward"]),
             "evidence": "; ".join(word for word, _ in g["evidence"].most_common(ACTOR_EVIDENCE))}
            for key, g in groups.items()]
    order = (lambda r: (-r["mentions"], r["actor"])) if list(keys) == ["actor"] else (lambda r: tuple(r[k] for k in keys))
    return sorted(rows, key=order)


def _mean(values: Iterable[float | None]) -> float | None:
    """The mean of the values that are not None, to 4 decimals (rounded as numpy rounds); None without any."""
    present = [v for v in values if v is not None]
    return float(np.round(math.fsum(present) / len(present), 4)) if present else None


def actor_table(mentions: Sequence[dict[str, Any]], keys: list[str], article_id: str) -> pd.DataFrame:
    """The rows of ``actor_rows`` as a table."""
    return tidy(article_id, actor_rows(mentions, keys), [*keys, "mentions", "label_mentions", "sentences", "tone",
                                                         "author_tone", "tone_toward", "evidence"])


def actor_labels(mentions: pd.DataFrame, article_id: str) -> pd.DataFrame:
    """One row per actor and word used for it (lower-cased, white space collapsed): how often, and whether it is a
    label."""
    columns = ["actor", "word", "label", "mentions"]
    if mentions.empty:
        return tidy(article_id, [], columns)
    words = mentions.assign(word=mentions["text"].str.lower().str.split().str.join(" "))
    frame = words.groupby(["actor", "word", "label"], sort=True).size().rename("mentions").reset_index()
    return tidy(article_id, frame, columns)


def figure_row(facts: Facts, values: dict[str, Any]) -> dict[str, Any]:
    """The article's metadata and every scalar figure (see ``_figures.ARTICLE_FIGURES``)."""
    article = facts.analysis.article
    return {"title": article.title, "outlet": article.outlet, "published": article.published, "url": article.url,
            "path": article.path,
            **{name: values[name] for name, figure in ARTICLE_FIGURES.items() if figure.scalar}}


def figures(facts: Facts, values: dict[str, Any]) -> pd.DataFrame:
    """One row: ``figure_row``."""
    row = figure_row(facts, values)
    return tidy(facts.analysis.article.id, [row], list(row))


def loaded_categories(facts: Facts) -> pd.DataFrame:
    """One row per loaded-language category: terms of the running text in any voice, in the author's voice, and the
    category's share of all (every category, zero included)."""
    terms = facts.loaded(facts.running)
    total = len(terms)
    rows = [{"category": c, "terms": sum(1 for t in terms if t.category == c),
             "author_terms": sum(1 for t in terms if t.category == c and t.voice == "author")} for c in LOADED_CATEGORIES]
    for row in rows:
        row["share"] = round(row["terms"] / total, 4) if total else 0.0
    return tidy(facts.analysis.article.id, rows, ["category", "terms", "author_terms", "share"])


def source_types(values: dict[str, Any], article_id: str) -> pd.DataFrame:
    """One row per source type (``none``: no source): attributions of the running text."""
    rows = [{"source_type": t, "attributions": values["source_types"].get(t, 0)} for t in SOURCE_KEYS]
    return tidy(article_id, rows, ["source_type", "attributions"])


def top_loaded_terms(values: dict[str, Any], article_id: str) -> pd.DataFrame:
    """One row per top loaded term of the author's voice: rank, term, count."""
    rows = [{"rank": rank, **entry} for rank, entry in enumerate(values["top_loaded_terms"], 1)]
    return tidy(article_id, rows, ["rank", "term", "count"])


def tone_arc(facts: Facts) -> pd.DataFrame:
    """One row per running-text paragraph with a tone: position, tone, smoothed tone, turn."""
    return tidy(facts.analysis.article.id, facts.tone_arc, ["paragraph", "position", "tone", "smoothed", "turn"])
