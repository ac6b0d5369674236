"""Attribution on real news: PolNeAR (Newell, Margolin and Ruths, LREC 2018), election coverage from seven US
publishers with every source / cue / content relation marked.

Cue, source and content precision / recall / F1, by span overlap (a predicted span is right when it shares a character
with a gold span of the same role; a gold span is found likewise) and by exact extent.
"""

from __future__ import annotations

from collections.abc import Iterable

from analysis import Document, analyze
from analysis._pipeline import Resources

from .corpora import PARTS, Relation, items
from .peers import regex_attributions
from .report import SLANT, Figure
from .scores import ZERO, Fragments, exact_score, overlap_score

PEER = "cue-verb regex"
ROLES = ("cue", "source", "content")


def slant_relations(doc: Document) -> list[Relation]:
    """Slant's attributions as relations of fragments."""
    def span(x) -> Fragments | None:  # noqa: ANN001
        return ((x.start, x.end),) if x is not None else None
    return [Relation(((a.cue.start, a.cue.end),), span(a.source), span(a.content)) for a in doc.analysis.attributions]


def role_spans(relations: Iterable[Relation], role: str) -> list[Fragments]:
    return [getattr(r, role) for r in relations if getattr(r, role) is not None]


def polnear(resources: Resources, root: str | None) -> Iterable[Figure]:
    task = "PolNeAR"
    for part in PARTS:
        articles = items("polnear", part, root)
        totals = {(system, role, match): ZERO for system in (SLANT, PEER) for role in ROLES
                  for match in ("overlap", "exact")}
        for article in articles:
            predictions = {SLANT: slant_relations(analyze(text=article.text, resources=resources)),
                           PEER: list(regex_attributions(article.text))}
            for system, relations in predictions.items():
                for role in ROLES:
                    predicted, gold = role_spans(relations, role), role_spans(article.relations, role)
                    totals[system, role, "overlap"] += overlap_score(predicted, gold)
                    totals[system, role, "exact"] += exact_score(predicted, gold)
        for (system, role, match), score in totals.items():
            yield Figure(task, system, f"{role} ({match})", part, score, len(articles))
