"""Slant's own labelled sets in ``tests/data``, kept as regression tests (the yardstick is the real corpora).

Each set has a ``dev`` half and a ``heldout`` half frozen before tuning; the seed's attribution gold
(``seed.jsonl``) is a regression test of its own, in no half.
- attribution: cue, source and content precision / recall / F1 by span overlap, and the agreement of cue classes,
  source types and quote types on matched spans.
- loaded language: token-level precision / recall / F1 per category and overall, and span-overlap F1 over all
  categories but ``hedge``.
- tone: Pearson r of ``tone``, VADER and TextBlob with the mean of two raters, with 95% bootstrap intervals.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from analysis import analyze
from analysis._model import LOADED_CATEGORIES
from analysis._pipeline import Resources
from analysis._text import WORD_RE

from .corpora import PARTS
from .gold import GoldSpan, read_gold
from .report import SLANT, Figure
from .scores import ZERO, Score, overlap_score
from .tone import correlations

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


# -- attribution --------------------------------------------------------------------------------------------


def attribution_records(half: str) -> list[dict]:
    """The gold records of one half (``dev``, ``heldout``), or the seed's (``seed``)."""
    return read_gold(DATA / "attribution" / f"{half}.jsonl")


def evaluate_attribution(records: list[dict], resources: Resources) -> dict[str, Score]:
    """Scores of cues, sources and contents over the records, and agreement counts of their labels."""
    totals = {name: ZERO for name in ("cue", "source", "content", "cue class", "source type", "quote type")}
    for record in records:
        doc = analyze(text=record["text"], resources=resources)
        relations = doc.analysis.attributions
        gold = _gold_relations(record["spans"])
        cues = [((x.cue.start, x.cue.end),) for x in relations]
        totals["cue"] += overlap_score(cues, [((c.start, c.end),) for c, _, _ in gold.values()])
        totals["source"] += overlap_score(
            [((x.source.start, x.source.end),) for x in relations if x.source],
            [((s.start, s.end),) for _, s, _ in gold.values() if s is not None])
        totals["content"] += overlap_score(
            [((x.content.start, x.content.end),) for x in relations if x.content],
            [((c.start, c.end),) for _, _, c in gold.values() if c is not None])
        for name, agreed in _label_agreement(relations, gold).items():
            totals[name] += agreed
    return totals


def _gold_relations(spans: list[GoldSpan]) -> dict[str, tuple[GoldSpan, GoldSpan | None, GoldSpan | None]]:
    """Gold relations by number: (cue, source, content)."""
    parts: dict[str, dict[str, GoldSpan]] = {}
    for span in spans:
        match = re.fullmatch(r"([SCX])(\d+):.*", span.tag)
        if match:
            parts.setdefault(match.group(2), {})[match.group(1)] = span
    return {n: (p["C"], p.get("S"), p.get("X")) for n, p in parts.items() if "C" in p}


def _label_agreement(relations, gold) -> dict[str, Score]:  # noqa: ANN001
    """How often the labels of a predicted relation equal those of the gold relation whose cue it overlaps."""
    agreed = {"cue class": [0, 0], "source type": [0, 0], "quote type": [0, 0]}
    for x in relations:
        match = next((g for g in gold.values() if g[0].start < x.cue.end and x.cue.start < g[0].end), None)
        if match is None:
            continue
        cue, source, content = match
        pairs = [("cue class", x.cue.cls, _label(cue))]
        if source is not None and x.source is not None:
            pairs.append(("source type", x.source.type, _label(source).split("=")[0]))
        if content is not None and x.content is not None:
            pairs.append(("quote type", x.quote, _label(content)))
        for name, predicted, expected in pairs:
            agreed[name][0] += predicted == expected
            agreed[name][1] += 1
    return {name: Score(a, n, a, n) for name, (a, n) in agreed.items()}


def _label(span: GoldSpan) -> str:
    return span.tag.split(":", 1)[1] if ":" in span.tag else ""


# -- loaded language ----------------------------------------------------------------------------------------


def evaluate_loaded(records: list[dict], resources: Resources) -> dict[str, Score]:
    """Token-level scores per category and overall, and span-overlap scores without hedges."""
    totals = {name: ZERO for name in (*LOADED_CATEGORIES, "all (tokens)", "spans without hedge")}
    for record in records:
        text = record["text"]
        gold = [(s.start, s.end, s.tag.split("/")[0]) for s in record["spans"]]
        doc = analyze(text=text, resources=resources)
        predicted = [(t.start, t.end, t.category) for t in doc.analysis.loaded_terms]
        words = [(m.start(), m.end()) for m in WORD_RE.finditer(text)]
        gold_labels = _token_labels(words, gold)
        predicted_labels = _token_labels(words, predicted)
        for category in LOADED_CATEGORIES:
            totals[category] += _token_score(gold_labels, predicted_labels, lambda label, c=category: label == c)
        totals["all (tokens)"] += _token_score(gold_labels, predicted_labels, lambda label: label is not None)
        totals["spans without hedge"] += overlap_score(
            [((s, e),) for s, e, c in predicted if c != "hedge"], [((s, e),) for s, e, c in gold if c != "hedge"])
    return totals


def _token_labels(words: list[tuple[int, int]], spans: list[tuple[int, int, str]]) -> list[str | None]:
    return [next((c for s, e, c in spans if s < end and start < e), None) for start, end in words]


def _token_score(gold: list[str | None], predicted: list[str | None], selected: Callable[[str | None], bool]) -> Score:
    right = sum(1 for g, p in zip(gold, predicted) if selected(p) and selected(g))
    return Score(right, sum(map(selected, predicted)), right, sum(map(selected, gold)))


# -- tone ---------------------------------------------------------------------------------------------------

def tone_records(half: str) -> list[dict]:
    """Slant's own rated sentences (``tests/data/tone``), ``rating`` the mean of the two raters' -2 … +2."""
    path = DATA / "tone" / f"{half}.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
    return [{**r, "rating": (r["rating_a"] + r["rating_b"]) / 2} for r in records]


# -- as figures ---------------------------------------------------------------------------------------------


def own_sets(resources: Resources, root: str | None) -> Iterable[Figure]:
    """Slant's own sets: the seed's attribution (a regression test), and the written dev / held-out halves."""
    task = "own sets (regression)"
    seed = attribution_records("seed")
    for name in ("cue", "source"):
        yield Figure(task, SLANT, f"seed attribution {name}", "dev", evaluate_attribution(seed, resources)[name], len(seed))
    for part in PARTS:
        records = attribution_records(part)
        scores = evaluate_attribution(records, resources)
        for name in ("cue", "source", "content"):
            yield Figure(task, SLANT, f"attribution {name}", part, scores[name], len(records))
        records = read_gold(DATA / "loaded" / f"{part}.jsonl")
        scores = evaluate_loaded(records, resources)
        yield Figure(task, SLANT, "loaded spans without hedge", part, scores["spans without hedge"], len(records))
        records = tone_records(part)
        for system, (r, interval) in correlations(records, resources.sentiment).items():
            yield Figure(task, system, "tone Pearson r", part, r, len(records), interval)
