"""Coverage alignment: for each paragraph of an article, the most similar paragraph of each other article, by the
cosine of their TF-IDF vectors, so that what one article reports and another leaves out stands out.

A paragraph is a bag of lower-cased words; a word's weight is its count times its inverse document frequency over
all the paragraphs compared, ``idf = ln((1 + N) / (1 + df))``: a word in every paragraph weighs nothing. Vectors are
L2-normalised, so the cosine is their dot product, in [0, 1]. Two paragraphs **match** when their cosine is at least
``MATCH``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
import pandas as pd

#: The cosine from which two paragraphs count as reporting the same thing.
MATCH = 0.2


def tfidf(bags: Sequence[Counter]) -> np.ndarray:
    """The L2-normalised TF-IDF matrix of the bags of words (one row each)."""
    vocabulary = {w: j for j, w in enumerate(sorted(set().union(*bags)))}
    counts = np.zeros((len(bags), len(vocabulary)))
    for i, bag in enumerate(bags):
        for word, n in bag.items():
            counts[i, vocabulary[word]] = n
    df = (counts > 0).sum(axis=0)
    weights = counts * np.log((1 + len(bags)) / (1 + df))
    norms = np.linalg.norm(weights, axis=1, keepdims=True)
    return np.divide(weights, norms, out=np.zeros_like(weights), where=norms > 0)


def align(paragraphs: pd.DataFrame, *, match: float = MATCH) -> pd.DataFrame:
    """For each paragraph (rows of ``article_id``, ``paragraph``, ``bag``) and each other article: the most similar
    paragraph there, its cosine, and whether it is a match."""
    columns = ["article_id", "paragraph", "other_article_id", "other_paragraph", "similarity", "matched"]
    if paragraphs.empty:
        return pd.DataFrame(columns=columns)
    vectors = tfidf(list(paragraphs["bag"]))
    similarity = vectors @ vectors.T
    ids = paragraphs["article_id"].to_numpy()
    numbers = paragraphs["paragraph"].to_numpy()
    rows = []
    for other in dict.fromkeys(ids):
        columns_of_other = np.flatnonzero(ids == other)
        best = columns_of_other[similarity[:, columns_of_other].argmax(axis=1)]
        for i in np.flatnonzero(ids != other):
            value = round(float(similarity[i, best[i]]), 4)
            rows.append({"article_id": ids[i], "paragraph": int(numbers[i]), "other_article_id": other,
                         "other_paragraph": int(numbers[best[i]]), "similarity": value, "matched": value >= match})
    order = {article_id: k for k, article_id in enumerate(dict.fromkeys(ids))}
    frame = pd.DataFrame(rows, columns=columns)
    frame = frame.sort_values(["article_id", "paragraph", "other_article_id"],
                              key=lambda c: c.map(order) if c.name in ("article_id", "other_article_id") else c)
    return frame.reset_index(drop=True)
