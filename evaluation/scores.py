"""The measures: precision / recall / F1 from counts, span matching, MCC, macro-F1 and rank correlation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

Fragments = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 from counts: right predictions, all predictions, found gold items, all gold items."""

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
        return Score(self.right + other.right, self.predicted + other.predicted,
                     self.found + other.found, self.gold + other.gold)


ZERO = Score(0, 0, 0, 0)


def _overlaps(a: Fragments, b: Fragments) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def overlap_score(predicted: Sequence[Fragments], gold: Sequence[Fragments]) -> Score:
    """Span overlap: a prediction is right when it shares a character with a gold span; a gold span is found when a
    prediction shares a character with it (SemEval-2020 Task 11's partial match, counted both ways)."""
    right = sum(1 for p in predicted if any(_overlaps(p, g) for g in gold))
    found = sum(1 for g in gold if any(_overlaps(p, g) for p in predicted))
    return Score(right, len(predicted), found, len(gold))


def envelope(fragments: Fragments) -> tuple[int, int]:
    """The first character and the end of the last fragment."""
    return min(s for s, _ in fragments), max(e for _, e in fragments)


def exact_score(predicted: Sequence[Fragments], gold: Sequence[Fragments]) -> Score:
    """Exact match: a prediction is right when its extent equals a gold span's."""
    gold_extents = {envelope(g) for g in gold}
    predicted_extents = {envelope(p) for p in predicted}
    right = sum(1 for p in predicted if envelope(p) in gold_extents)
    found = sum(1 for g in gold if envelope(g) in predicted_extents)
    return Score(right, len(predicted), found, len(gold))


def token_score(words: Sequence[tuple[int, int]], predicted: Sequence[Fragments], gold: Sequence[Fragments]) -> Score:
    """Token level: a word is loaded when a span overlaps it; precision and recall over the words of the text."""
    marked_p = [any(_overlaps(((s, e),), p) for p in predicted) for s, e in words]
    marked_g = [any(_overlaps(((s, e),), g) for g in gold) for s, e in words]
    right = sum(1 for p, g in zip(marked_p, marked_g) if p and g)
    return Score(right, sum(marked_p), right, sum(marked_g))


def mcc(predicted: Sequence[bool], gold: Sequence[bool]) -> float:
    """Matthews correlation of two yes/no labellings (0 when a margin is empty)."""
    tp = sum(1 for p, g in zip(predicted, gold) if p and g)
    tn = sum(1 for p, g in zip(predicted, gold) if not p and not g)
    fp = sum(1 for p, g in zip(predicted, gold) if p and not g)
    fn = sum(1 for p, g in zip(predicted, gold) if not p and g)
    denominator = ((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn)) ** 0.5
    return (tp * tn - fp * fn) / denominator if denominator else 0.0


def binary_score(predicted: Sequence[bool], gold: Sequence[bool]) -> Score:
    """Precision, recall and F1 of the positive class."""
    right = sum(1 for p, g in zip(predicted, gold) if p and g)
    return Score(right, sum(predicted), right, sum(gold))


def macro_f1(predicted: Sequence[str], gold: Sequence[str], labels: Sequence[str]) -> float:
    """The mean over ``labels`` of each label's F1."""
    return float(np.mean([binary_score([p == label for p in predicted], [g == label for g in gold]).f1
                          for label in labels]))


def ranks(values: Sequence[float]) -> np.ndarray:
    """1-based ranks, ties sharing their mean rank."""
    values = np.asarray(values, dtype=float)
    order = np.argsort(values, kind="stable")
    result = np.empty(len(values))
    i = 0
    while i < len(values):
        j = i
        while j + 1 < len(values) and values[order[j + 1]] == values[order[i]]:
            j += 1
        result[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return result


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Pearson r (0 when either side is constant)."""
    xs, ys = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
    if len(xs) < 2 or xs.std() == 0 or ys.std() == 0:
        return 0.0
    return float(np.corrcoef(xs, ys)[0, 1])


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Spearman's rank correlation: Pearson r of the ranks."""
    return pearson(ranks(xs), ranks(ys))


def pair_order(predicted: Sequence[float], gold: Sequence[float]) -> tuple[float, int]:
    """Of the pairs whose gold values differ, the share the predictions order the same way (a tie counts half), and
    how many such pairs there are."""
    agree, pairs = 0.0, 0
    for i in range(len(gold)):
        for j in range(i + 1, len(gold)):
            if gold[i] == gold[j]:
                continue
            pairs += 1
            if predicted[i] == predicted[j]:
                agree += 0.5
            elif (predicted[i] < predicted[j]) == (gold[i] < gold[j]):
                agree += 1
    return (agree / pairs if pairs else 0.0), pairs
