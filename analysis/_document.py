"""The analysed document: the article's figures (``_figures``), its tidy tables (``_tables``), a summary and the
JSON contract (``_json``), all computed on first use from one ``Analysis``."""

from __future__ import annotations

import json
from collections import Counter
from functools import cached_property
from pathlib import Path
from typing import Any

import pandas as pd

from . import _io, _tables
from ._errors import InputError
from ._figures import Facts, article_figures
from ._json import SCHEMA, article_record, from_record, to_record
from ._model import Analysis, Article

__all__ = ["SCHEMA", "Document", "read_analysis"]


class Document:
    """One analysed article. Build it with :func:`analysis.analyze`; every span indexes ``article.text``.

    Every DataFrame has an ``article_id`` column first and scalar cells, so that the tables of several articles
    concatenate."""

    def __init__(self, analysis: Analysis, *, kit_version: str) -> None:
        self.analysis = analysis
        self.kit_version = kit_version
        self.facts = Facts(analysis)

    @property
    def article(self) -> Article:
        return self.analysis.article

    @property
    def text(self) -> str:
        return self.analysis.article.text

    def __repr__(self) -> str:
        return f"<Document {self.article.id!r}: {len(self.analysis.paragraphs)} paragraphs>"

    # -- figures and records ---------------------------------------------------------------------------------

    @cached_property
    def figure_values(self) -> dict[str, Any]:
        """Every article figure by name (see ``_figures.ARTICLE_FIGURES`` for what each means)."""
        return article_figures(self.facts)

    @property
    def article_record(self) -> dict[str, Any]:
        """The article's metadata, text and figures over its running text (the JSON's ``article``)."""
        return article_record(self.facts, self.figure_values)

    @property
    def paragraph_records(self) -> list[dict[str, Any]]:
        """One record per paragraph with its figures (the JSON's ``paragraphs``)."""
        return self.facts.paragraph_records

    @property
    def tone_arc(self) -> list[dict[str, Any]]:
        """Tone through the running text: per paragraph its position, tone, smoothed tone and turns."""
        return self.facts.tone_arc

    # -- DataFrames ------------------------------------------------------------------------------------------

    @cached_property
    def figures(self) -> pd.DataFrame:
        """One row: the article's metadata and scalar figures."""
        return _tables.figures(self.facts, self.figure_values)

    @cached_property
    def paragraphs(self) -> pd.DataFrame:
        """One row per paragraph: offsets, kind, figures and the paragraph's text."""
        return _tables.paragraphs(self.facts)

    @cached_property
    def sentences(self) -> pd.DataFrame:
        """One row per sentence: offsets, whether it is inside a direct quote, and its sentiment scores."""
        return _tables.sentences(self.facts)

    @cached_property
    def evidence(self) -> pd.DataFrame:
        """One row per word that moved VADER or TextBlob: sentence, span, analyzer, valence, event word or not."""
        return _tables.evidence(self.facts)

    @cached_property
    def quotes(self) -> pd.DataFrame:
        """One row per direct-quote span (marks excluded)."""
        return _tables.quotes(self.facts)

    @cached_property
    def loaded_terms(self) -> pd.DataFrame:
        """One row per loaded term: span, category, voice, weight and the lexicon term it matched."""
        return _tables.loaded_terms(self.facts)

    @cached_property
    def loaded_categories(self) -> pd.DataFrame:
        """One row per loaded-language category: terms of the running text (all, author's voice) and share."""
        return _tables.loaded_categories(self.facts)

    @cached_property
    def top_loaded_terms(self) -> pd.DataFrame:
        """The author's most frequent loaded terms in the running text."""
        return _tables.top_loaded_terms(self.figure_values, self.article.id)

    @cached_property
    def attributions(self) -> pd.DataFrame:
        """One row per attribution: cue, source (its type, resolved pronoun, voice), content, quote type."""
        return _tables.attributions(self.facts)

    @cached_property
    def source_types(self) -> pd.DataFrame:
        """Attributions of the running text per source type (``none``: without a source)."""
        return _tables.source_types(self.figure_values, self.article.id)

    @cached_property
    def voices(self) -> pd.DataFrame:
        """One row per distinct source (pronouns resolved): type, attributions, words of content, cue classes."""
        return _tables.voice_table(self.facts)

    @cached_property
    def _mention_rows(self) -> list[dict[str, Any]]:
        return _tables.actor_mention_rows(self.facts)

    @cached_property
    def actor_mentions(self) -> pd.DataFrame:
        """One row per mention of an actor (name, alias or label), with the tones of its sentence."""
        return _tables.actor_mentions(self.facts)

    @cached_property
    def actors(self) -> pd.DataFrame:
        """One row per actor: mentions (of which labels), the sentences that mention it, and their mean ``tone`` and
        ``author_tone`` (the tone toward the actor, as far as sentence tone tells)."""
        return _tables.actor_table(self._mention_rows, ["actor"], self.article.id)

    @cached_property
    def actor_paragraphs(self) -> pd.DataFrame:
        """One row per actor and paragraph: mentions and the mean tones of the sentences that mention the actor."""
        return _tables.actor_table(self._mention_rows, ["actor", "paragraph"], self.article.id)

    @cached_property
    def actor_labels(self) -> pd.DataFrame:
        """One row per actor and word used for it: how often, and whether it is a label."""
        return _tables.actor_labels(self.actor_mentions, self.article.id)

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table of the article by name (each with ``article_id`` and scalar cells)."""
        return {
            "figures": self.figures, "paragraphs": self.paragraphs, "sentences": self.sentences,
            "evidence": self.evidence, "quotes": self.quotes, "loaded_terms": self.loaded_terms,
            "loaded_categories": self.loaded_categories, "top_loaded_terms": self.top_loaded_terms,
            "attributions": self.attributions, "source_types": self.source_types, "voices": self.voices,
            "actor_mentions": self.actor_mentions, "actors": self.actors, "actor_paragraphs": self.actor_paragraphs,
            "actor_labels": self.actor_labels, "tone_arc": _tables.tone_arc(self.facts),
        }

    # -- summary and JSON ------------------------------------------------------------------------------------

    def summary(self) -> dict[str, Any]:
        """Headline figures of the article, by their names in ``_figures.ARTICLE_FIGURES``, with the paragraph kinds
        and the loaded terms per category (which sum to ``loaded_count``)."""
        categories = self.loaded_categories
        return {
            "id": self.article.id,
            "title": self.article.title,
            "paragraph_kinds": dict(sorted(Counter(p.kind for p in self.analysis.paragraphs).items())),
            "loaded_by_category": {row.category: int(row.terms) for row in categories.itertuples() if row.terms},
            **self.figure_values,
        }

    def to_dict(self) -> dict[str, Any]:
        """The analysis as the ``slant/analysis-v1`` JSON object (see ``data/analysis-v1.schema.json``)."""
        return to_record(self.facts, kit_version=self.kit_version, actors=_records(self.actors),
                         actor_paragraphs=_records(self.actor_paragraphs))

    def to_json(self, *, indent: int | None = None) -> str:
        """The JSON text of :meth:`to_dict` (one line unless ``indent`` is given); same input, same bytes."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent, allow_nan=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """Read back a saved analysis (the output of :meth:`to_dict`)."""
        return cls(from_record(data), kit_version=data["kit_version"])


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """A table's rows as JSON records, without its ``article_id`` (the JSON holds one article)."""
    return json.loads(frame.drop(columns="article_id").to_json(orient="records"))


def read_analysis(path: str | Path) -> Document:
    """A saved analysis (one ``slant/analysis-v1`` JSON object, as ``slant analyze --json`` writes) read back."""
    try:
        data = json.loads(_io.read_bytes(str(path)).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(str(path), f"not a saved analysis: {error}") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise InputError(str(path), f"not a saved analysis: expected a JSON object with \"schema\": \"{SCHEMA}\"")
    return Document.from_dict(data)
