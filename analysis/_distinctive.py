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
log-odds of rare words toward zero, so that a word said once is not "distinctive".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
import pandas as pd

#: Words an article shows at most in the distinctive-words table.
TOP_WORDS = 15


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


def distinctive_words(counts: dict[str, Counter], *, top: int = TOP_WORDS, prior_words: float | None = None
                      ) -> pd.DataFrame:
    """Per article (``counts`` by article id), its ``top`` words by z-score among those it uses: rank, word, count in
    the article and in the others, δ and z."""
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
        used = [j for j, w in enumerate(vocabulary) if counts[article_id].get(w)]
        ranked = sorted(used, key=lambda j: (-z[k, j], vocabulary[j]))[:top]
        for rank, j in enumerate(ranked, 1):
            word = vocabulary[j]
            rows.append({"article_id": article_id, "rank": rank, "word": word, "count": counts[article_id][word],
                         "others_count": totals[word] - counts[article_id][word],
                         "log_odds": round(float(delta[k, j]), 4), "z": round(float(z[k, j]), 3)})
    return pd.DataFrame(rows, columns=columns)
