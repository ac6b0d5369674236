"""Distinctive words: which words one article uses more than the others, by the log-odds ratio with an informative
Dirichlet prior (Monroe, Colaresi and Quinn 2008, "Fightin' Words", section 3.5).

For a word ``w``, counts ``y_i`` in the article (``n_i`` words) and ``y_j`` in the other articles pooled (``n_j``),
and the informative prior ``α_w = α_0 · π_w``, where ``π_w`` is the word's frequency in all the articles together and
``α_0`` the prior's size in words (by default the mean length of the articles: the prior weighs as much as one
typical article)::

    δ_w = log((y_i + α_w) / (n_i + α_0 − y_i − α_w)) − log((y_j + α_w) / (n_j + α_0 − y_j − α_w))
    σ²(δ_w) ≈ 1 / (y_i + α_w) + 1 / (y_j + α_w)
    z_w = δ_w / σ(δ_w)

``z`` above 1.96 is a word the article uses distinctly more than the others (at the 5% level); the prior shrinks the
log-odds of rare words toward zero, so that a word said once is not "distinctive". Function words (``data/function_words.tsv``:
articles, prepositions, auxiliaries...) count in the totals and the prior but are not ranked: a longer article uses
"the" and "is" distinctly more often, which says nothing about how it tells the story.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from functools import cache

import numpy as np
import pandas as pd

from ._data import package_tsv

#: Words an article shows at most in the distinctive-words table.
TOP_WORDS = 15


@cache
def function_words() -> frozenset[str]:
    """The closed-class words left out of the ranking (``data/function_words.tsv``)."""
    return frozenset(row["word"] for row in package_tsv("data", "function_words.tsv"))


def log_odds(counts: Sequence[Counter], *, prior_words: float | None = None
             ) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The vocabulary (sorted), and for each article (row) and word (column) the log-odds ratio δ of the article
    against all the others, and its z-score. ``prior_words`` is α_0 (default: the mean article length)."""
    vocabulary = sorted(set().union(*counts))
    y = np.array([[c.get(w, 0) for w in vocabulary] for c in counts], dtype=float).reshape(len(counts), len(vocabulary))
    n = y.sum(axis=1, keepdims=True)
    alpha0 = prior_words if prior_words is not None else float(n.mean())
    alpha = alpha0 * y.sum(axis=0) / y.sum()
    rest, n_rest = y.sum(axis=0) - y, n.sum() - n
    delta = (np.log((y + alpha) / (n + alpha0 - y - alpha))
             - np.log((rest + alpha) / (n_rest + alpha0 - rest - alpha)))
    z = delta / np.sqrt(1 / (y + alpha) + 1 / (rest + alpha))
    return vocabulary, delta, z


def distinctive_words(counts: dict[str, Counter], *, top: int = TOP_WORDS, prior_words: float | None = None,
                      unranked: Collection[str] | None = None) -> pd.DataFrame:
    """Per article (``counts`` by article id), its ``top`` words by z-score among those it uses, ``unranked`` words
    (default: the function words) aside: rank, word, count in the article and in the others, δ and z."""
    unranked = function_words() if unranked is None else unranked
    ids = list(counts)
    columns = ["article_id", "rank", "word", "count", "others_count", "log_odds", "z"]
    if len(ids) < 2:
        return pd.DataFrame(columns=columns)
    vocabulary, delta, z = log_odds([counts[i] for i in ids], prior_words=prior_words)
    totals = Counter()
    for c in counts.values():
        totals.update(c)
    rows = []
    for k, article_id in enumerate(ids):
        used = [j for j, w in enumerate(vocabulary) if counts[article_id].get(w) and w not in unranked]
        ranked = sorted(used, key=lambda j: (-z[k, j], vocabulary[j]))[:top]
        for rank, j in enumerate(ranked, 1):
            word = vocabulary[j]
            rows.append({"article_id": article_id, "rank": rank, "word": word, "count": counts[article_id][word],
                         "others_count": totals[word] - counts[article_id][word],
                         "log_odds": round(float(delta[k, j]), 4), "z": round(float(z[k, j]), 3)})
    return pd.DataFrame(rows, columns=columns)
