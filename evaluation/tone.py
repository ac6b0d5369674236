"""Tone on rated news sentences: the New York Times editorial sentences of Hutto and Gilbert (2014), and the tone toward
each person in NewsMTSC (Hamborg and Donnay, EACL 2021).

- NYT: Pearson r of ``tone``, VADER and TextBlob with the mean rating of 20 people, with a 95% bootstrap interval.
  The sentences ship in ``tests/data/tone/nyt``, split by article: dev when the first byte of SHA-256 of the article
  number is even (fixed before ``tone`` was fitted on dev).
- NewsMTSC: macro-F1 over negative / neutral / positive of the tone toward each target mention, for all targets and
  for the sentences with two or more targets. Slant's tone toward a target is the most probable class of its model
  (fitted on the dev part); a continuous score (Slant's sentence tone, the peers) becomes a class by two cut points
  chosen on the dev part for each system (the best dev macro-F1), then applied unchanged to the held-out part.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import numpy as np

from analysis import Document, analyze
from analysis._pipeline import Resources
from analysis._sentiment import Sentiment, score_text
from analysis._toward import toward_span

from .corpora import PARTS, POLARITIES, MtscSentence, Target, items
from .report import HUMAN, SLANT, Figure
from .scores import macro_f1, pearson

NYT = Path(__file__).resolve().parent.parent / "tests" / "data" / "tone" / "nyt"


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


def correlations(records: list[dict], sentiment: Sentiment, *,
                 samples: int = 2000) -> dict[str, tuple[float, tuple[float, float]]]:
    """Pearson r with the mean rating and its 95% bootstrap interval, for tone, VADER and TextBlob."""
    human = np.array([r["rating"] for r in records])
    scores = [score_text(r["text"], sentiment) for r in records]
    systems = {SLANT: [s.tone for s in scores], "VADER compound": [s.vader_compound for s in scores],
               "TextBlob polarity": [s.textblob_polarity for s in scores]}
    return {name: with_interval(np.array(values), human, samples) for name, values in systems.items()}


def with_interval(xs: np.ndarray, ys: np.ndarray, samples: int) -> tuple[float, tuple[float, float]]:
    """r and the 2.5th and 97.5th percentiles of r over resamples (a fixed seed: the same interval every run)."""
    picks = np.random.default_rng(0).integers(0, len(xs), size=(samples, len(xs)))
    rs = sorted(pearson(xs[p], ys[p]) for p in picks)
    return pearson(xs, ys), (rs[int(0.025 * samples)], rs[int(0.975 * samples) - 1])


def single_rater(records: list[dict]) -> float:
    """How well one person agrees with the others: the mean, over rating positions, of the Pearson r between the
    rating in that position and the mean of the other ratings of the same sentence (a human ceiling for r)."""
    width = min(len(r["ratings"]) for r in records)
    ratings = np.array([r["ratings"][:width] for r in records], dtype=float)
    others = (ratings.sum(axis=1, keepdims=True) - ratings) / (width - 1)
    return float(np.mean([pearson(ratings[:, k], others[:, k]) for k in range(width)]))


def nyt(resources: Resources, root: str | None) -> Iterable[Figure]:
    for part in PARTS:
        records = nyt_records(part)
        for system, (r, interval) in correlations(records, resources.sentiment).items():
            yield Figure("NYT editorials", system, "Pearson r", part, r, len(records), interval)
        yield Figure("NYT editorials", HUMAN, "Pearson r", part, single_rater(records), len(records))


# -- NewsMTSC -----------------------------------------------------------------------------------------------


def sentence_tone(doc: Document, target: Target, resources: Resources) -> float:
    """The tone of the sentence, whoever the target."""
    return doc.analysis.tones[0].tone if doc.analysis.tones else 0.0


def target_tone(doc: Document, target: Target, resources: Resources) -> str:
    """Slant's tone toward the target (``analysis._toward``): the most probable of negative, neutral, positive."""
    toward = toward_span(doc.analysis, resources.toward, target.start, target.end)
    return toward.polarity if toward else "neutral"


#: Each system's reading of a target: Slant's class, and continuous scores (Slant's sentence tone and the peers on
#: the sentence) that become classes by cut points chosen on dev.
SYSTEMS: dict[str, Callable[[Document, Target, Resources], float | str]] = {
    f"{SLANT}": target_tone,
    "Slant sentence tone": sentence_tone,
    "VADER compound": lambda doc, *_: doc.analysis.tones[0].vader_compound if doc.analysis.tones else 0.0,
    "TextBlob polarity": lambda doc, *_: doc.analysis.tones[0].textblob_polarity if doc.analysis.tones else 0.0,
}
CUTS = np.round(np.arange(0.0, 0.61, 0.02), 2)


def classify(scores: Sequence[float | str], low: float, high: float) -> list[str]:
    """negative below ``-low``, positive above ``high``, neutral between (a class stays as it is)."""
    return [s if isinstance(s, str) else "negative" if s < -low else "positive" if s > high else "neutral"
            for s in scores]


def best_cuts(scores: Sequence[float | str], gold: Sequence[str]) -> tuple[float, float]:
    """The cut points with the best macro-F1 (the first of equals, smallest cuts first)."""
    best = max(((macro_f1(classify(scores, low, high), gold, POLARITIES), -low, -high)
                for low in CUTS for high in CUTS))
    return -best[1], -best[2]


def _scores(sentences: list[MtscSentence], resources: Resources) -> tuple[dict[str, list[float | str]], list[str], list[bool]]:
    scores: dict[str, list[float | str]] = {name: [] for name in SYSTEMS}
    gold, multi = [], []
    for sentence in sentences:
        doc = analyze(text=sentence.text, resources=resources)
        for target in sentence.targets:
            for name, system in SYSTEMS.items():
                scores[name].append(system(doc, target, resources))
            gold.append(target.polarity)
            multi.append(len(sentence.targets) > 1)
    return scores, gold, multi


def newsmtsc(resources: Resources, root: str | None) -> Iterable[Figure]:
    task = "NewsMTSC"
    measured = {part: _scores(items("newsmtsc", part, root), resources) for part in PARTS}
    dev_scores, dev_gold, _ = measured["dev"]
    cuts = {name: best_cuts(values, dev_gold) for name, values in dev_scores.items()}
    for part in PARTS:
        scores, gold, multi = measured[part]
        for name, values in scores.items():
            predicted = classify(values, *cuts[name])
            yield Figure(task, name, "macro-F1, all targets", part, macro_f1(predicted, gold, POLARITIES), len(gold))
            chosen = [i for i, m in enumerate(multi) if m]
            yield Figure(task, name, "macro-F1, multi-target sentences", part,
                         macro_f1([predicted[i] for i in chosen], [gold[i] for i in chosen], POLARITIES), len(chosen))
