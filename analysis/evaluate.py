"""Measure the analyzers against the labelled dev sets in ``tests/data``: ``python -m analysis.evaluate TASK``.

Each set has a ``dev`` half (for tuning) and a ``heldout`` half set aside before tuning; figures are printed for both.
- ``attribution``: cue and source precision / recall / F1 by span overlap (a predicted span is right when it overlaps
  a gold one; a gold span is found when a predicted one overlaps it), content too, and the agreement of cue classes,
  source types and quote types on matched spans.
- ``loaded``: token-level precision / recall / F1 per category and overall (a token is loaded, any category), and
  span-overlap F1 over all categories but ``hedge``.
- ``tone``: Pearson r of ``tone``, VADER and TextBlob with the mean human rating, with 95% bootstrap intervals.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ._api import analyze
from ._gold import GoldSpan, read_gold
from ._pipeline import Resources, load_resources
from ._sentiment import score_text
from ._text import WORD_RE

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
HALVES = ("dev", "heldout")


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 from counts: right predictions, all predictions, found gold, all gold."""

    right: int
    predicted: int
    found: int
    gold: int

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.right + other.right, self.predicted + other.predicted, self.found + other.found, self.gold + other.gold)

    def line(self, name: str) -> str:
        return f"  {name:<22} P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}   (predicted {self.predicted}, gold {self.gold})"


ZERO = Score(0, 0, 0, 0)


def overlap_score(predicted: list[tuple[int, int]], gold: list[tuple[int, int]]) -> Score:
    """Span-overlap matching: a prediction is right when it overlaps a gold span; a gold span is found likewise."""
    def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
        return a[0] < b[1] and b[0] < a[1]
    right = sum(1 for p in predicted if any(overlaps(p, g) for g in gold))
    found = sum(1 for g in gold if any(overlaps(p, g) for p in predicted))
    return Score(right, len(predicted), found, len(gold))


# -- attribution --------------------------------------------------------------------------------------------


def attribution_records(half: str) -> list[dict]:
    """The gold records of one half: the seed's paragraphs are dev data."""
    folder = DATA / "attribution"
    records = read_gold(folder / f"{half}.jsonl")
    return records + read_gold(folder / "seed.jsonl") if half == "dev" else records


def evaluate_attribution(records: list[dict], resources: Resources) -> dict[str, Score]:
    """Scores of cues, sources and contents over the records, and agreement counts of their labels."""
    totals = {name: ZERO for name in ("cue", "source", "content", "cue class", "source type", "quote type")}
    for record in records:
        doc = analyze(text=record["text"], resources=resources)
        relations = doc.analysis.attributions
        gold = _gold_relations(record["spans"])
        cues = [(x.cue.start, x.cue.end) for x in relations]
        totals["cue"] += overlap_score(cues, [(c.start, c.end) for c, _, _ in gold.values()])
        totals["source"] += overlap_score(
            [(x.source.start, x.source.end) for x in relations if x.source],
            [(s.start, s.end) for _, s, _ in gold.values() if s is not None])
        totals["content"] += overlap_score(
            [(x.content.start, x.content.end) for x in relations if x.content],
            [(c.start, c.end) for _, _, c in gold.values() if c is not None])
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
    from ._model import LOADED_CATEGORIES

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
            [(s, e) for s, e, c in predicted if c != "hedge"], [(s, e) for s, e, c in gold if c != "hedge"])
    return totals


def _token_labels(words: list[tuple[int, int]], spans: list[tuple[int, int, str]]) -> list[str | None]:
    return [next((c for s, e, c in spans if s < end and start < e), None) for start, end in words]


def _token_score(gold: list[str | None], predicted: list[str | None], selected: Callable[[str | None], bool]) -> Score:
    right = sum(1 for g, p in zip(gold, predicted) if selected(p) and selected(g))
    return Score(right, sum(map(selected, predicted)), right, sum(map(selected, gold)))


# -- tone ---------------------------------------------------------------------------------------------------

NYT = DATA / "tone" / "nyt"


def tone_records(half: str) -> list[dict]:
    """Slant's own rated sentences (``tests/data/tone``), ``rating`` the mean of the two raters' -2 … +2."""
    path = DATA / "tone" / f"{half}.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
    return [{**r, "rating": (r["rating_a"] + r["rating_b"]) / 2} for r in records]


def nyt_records(half: str) -> list[dict]:
    """The 5,190 New York Times editorial sentences of Hutto & Gilbert (2014), each rated -4 … +4 by at least 20
    people (``rating``: their mean; ``ratings``: each one), split by article: dev when the first byte of the
    SHA-256 of the article number is even."""
    raw = {line.split("\t")[0]: json.loads(line.split("\t")[3])
           for line in (NYT / "nytEditorialSnippets_anonDataRatings.txt").read_text(encoding="utf-8").splitlines()}
    records = []
    for line in (NYT / "nytEditorialSnippets_GroundTruth.txt").read_text(encoding="utf-8").splitlines():
        id_, rating, text = line.split("\t", 2)
        article = id_.split("_")[0]
        if ("dev" if hashlib.sha256(article.encode()).digest()[0] % 2 == 0 else "heldout") == half:
            records.append({"id": id_, "article": article, "text": text, "rating": float(rating), "ratings": raw[id_]})
    return records


def evaluate_tone(records: list[dict], *, samples: int = 2000) -> dict[str, tuple[float, float, float]]:
    """Pearson r with the mean human rating, and its 95% bootstrap interval, for tone, VADER and TextBlob."""
    human = np.array([r["rating"] for r in records])
    scores = [score_text(r["text"]) for r in records]
    systems = {
        "tone": [s.tone for s in scores],
        "VADER compound": [s.vader_compound for s in scores],  # VADER as shipped, measured in the same run
        "TextBlob polarity": [s.textblob_polarity for s in scores],
    }
    return {name: _with_interval(np.array(values), human, samples) for name, values in systems.items()}


def single_rater(records: list[dict]) -> float:
    """How well one person agrees with the others: the mean, over rating positions, of the Pearson r between the
    rating in that position and the mean of the other ratings of the same sentence (a human ceiling for r)."""
    width = min(len(r["ratings"]) for r in records)
    ratings = np.array([r["ratings"][:width] for r in records], dtype=float)
    others = (ratings.sum(axis=1, keepdims=True) - ratings) / (width - 1)
    return float(np.mean([_pearson(ratings[:, k], others[:, k]) for k in range(width)]))


def _pearson(xs: np.ndarray, ys: np.ndarray) -> float:
    if xs.std() == 0 or ys.std() == 0:
        return 0.0
    return float(np.corrcoef(xs, ys)[0, 1])


def _with_interval(xs: np.ndarray, ys: np.ndarray, samples: int) -> tuple[float, float, float]:
    """r and the 2.5th and 97.5th percentiles of r over resamples (a fixed seed: the same interval every run)."""
    picks = np.random.default_rng(0).integers(0, len(xs), size=(samples, len(xs)))
    rs = sorted(_pearson(xs[p], ys[p]) for p in picks)
    return _pearson(xs, ys), rs[int(0.025 * samples)], rs[int(0.975 * samples) - 1]


# -- command line -------------------------------------------------------------------------------------------


def _print_scores(title: str, scores: dict[str, Score], agreements: Iterable[str] = ()) -> None:
    print(title)
    for name, score in scores.items():
        if name in agreements:
            print(f"  {name:<22} agreement {score.precision:.3f}   (on {score.predicted} matched)")
        else:
            print(score.line(name))


def _print_correlations(correlations: dict[str, tuple[float, float, float]]) -> None:
    for name, (r, low, high) in correlations.items():
        print(f"  {name:<22} r {r:+.3f}  [{low:+.3f}, {high:+.3f}]")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.evaluate", description=__doc__.split("\n")[0])
    parser.add_argument("task", choices=("attribution", "loaded", "tone"))
    args = parser.parse_args(argv)
    resources = load_resources()
    for half in HALVES:
        if args.task == "attribution":
            records = attribution_records(half)
            _print_scores(f"attribution, {half} ({len(records)} texts)", evaluate_attribution(records, resources),
                          agreements=("cue class", "source type", "quote type"))
        elif args.task == "loaded":
            records = read_gold(DATA / "loaded" / f"{half}.jsonl")
            _print_scores(f"loaded language, {half} ({len(records)} paragraphs)", evaluate_loaded(records, resources))
        else:
            records = nyt_records(half)
            print(f"tone, New York Times editorials, {half} ({len(records)} sentences): Pearson r with the mean "
                  f"rating of 20 people [95% bootstrap]")
            _print_correlations(evaluate_tone(records))
            print(f"  {'one person':<22} r {single_rater(records):+.3f}  (with the mean of the others)")
            records = tone_records(half)
            print(f"tone, Slant's rated sentences, {half} ({len(records)} sentences): Pearson r with the mean of two "
                  f"raters [95% bootstrap]")
            _print_correlations(evaluate_tone(records))
    return 0


if __name__ == "__main__":
    sys.exit(main())
