"""Learn the word clusters (``analysis/models/word_clusters.tsv``) from unlabelled text: ``make train``.

Reads the text of the dev parts of all five shared corpora (PTC, BABE, BASIL, PolNeAR, NewsMTSC; the held-out parts
are never read), no annotation. Each word seen at least ``MIN_COUNT`` times is described by the words up to ``WINDOW``
places to its left and right (``CONTEXT_MIN_COUNT`` times or more; weight 1 / distance), as positive pointwise mutual
information (context counts smoothed by ``SMOOTHING``); the matrix is reduced to ``DIMENSIONS`` dimensions
(truncated SVD), the rows scaled to length 1 and grouped by k-means at each of ``GRANULARITIES``. Fixed seeds: the
same corpora give the same file, byte for byte.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import scipy.sparse as sparse
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.preprocessing import normalize

from analysis._io import write_text_atomic
from analysis._tokens import tokenize
from analysis._word_clusters import CLUSTERS_FILE

from .corpora import READERS, items

MODELS = Path(__file__).resolve().parent.parent / "analysis" / "models"
MIN_COUNT = 3
CONTEXT_MIN_COUNT = 5
WINDOW = 5
SMOOTHING = 0.75
DIMENSIONS = 100
GRANULARITIES = (50, 200, 800)
SEED = 0


def dev_texts(root: str) -> list[list[str]]:
    """The lower-cased words of every dev item of the five corpora, item by item."""
    texts = []
    for corpus in READERS:
        for item in items(corpus, "dev", root):
            texts.append([t.text.lower() for t in tokenize(item.text) if t.text[:1].isalnum()])
    return texts


def word_vectors(texts: Sequence[Sequence[str]]) -> tuple[list[str], np.ndarray]:
    """The words seen at least ``MIN_COUNT`` times and their context vectors (PPMI, SVD, length 1)."""
    counts = Counter(w for words in texts for w in words)
    vocabulary = sorted(w for w, n in counts.items() if n >= MIN_COUNT)
    contexts = sorted(w for w, n in counts.items() if n >= CONTEXT_MIN_COUNT)
    row_of = {w: i for i, w in enumerate(vocabulary)}
    column_of = {w: i for i, w in enumerate(contexts)}
    rows, columns, values = [], [], []
    for words in texts:
        for i, word in enumerate(words):
            row = row_of.get(word)
            if row is None:
                continue
            for offset in (*range(-WINDOW, 0), *range(1, WINDOW + 1)):
                j = i + offset
                column = column_of.get(words[j]) if 0 <= j < len(words) else None
                if column is not None:  # left and right contexts apart
                    rows.append(row)
                    columns.append(column + (0 if offset < 0 else len(contexts)))
                    values.append(1.0 / abs(offset))
    counts_matrix = sparse.coo_matrix((values, (rows, columns)), shape=(len(vocabulary), 2 * len(contexts))).tocsr().tocoo()
    total = counts_matrix.sum()
    p_word = np.asarray(counts_matrix.sum(axis=1)).ravel() / total
    p_context = np.asarray(counts_matrix.sum(axis=0)).ravel() ** SMOOTHING
    p_context /= p_context.sum()
    pmi = np.log(counts_matrix.data / total / (p_word[counts_matrix.row] * p_context[counts_matrix.col]))
    positive = pmi > 0
    ppmi = sparse.csr_matrix((pmi[positive], (counts_matrix.row[positive], counts_matrix.col[positive])),
                             shape=counts_matrix.shape)
    return vocabulary, normalize(TruncatedSVD(DIMENSIONS, random_state=SEED).fit_transform(ppmi))


def clusters_text(vocabulary: Sequence[str], vectors: np.ndarray, n_texts: int) -> str:
    labels = [KMeans(k, random_state=SEED, n_init=1).fit_predict(vectors) for k in GRANULARITIES]
    header = (
        "# Slant's word clusters (analysis/_word_clusters.py): each word with its cluster at each granularity (kN: one\n"
        "# of N clusters, coarse to fine). Written by `make train` (evaluation/word_clusters.py) from the unlabelled text\n"
        f"# of the dev parts of PTC, BABE, BASIL, PolNeAR and NewsMTSC ({n_texts} items; the held-out parts are never\n"
        f"# read): words seen at least {MIN_COUNT} times, described by the words up to {WINDOW} places to their left and\n"
        f"# right (seen at least {CONTEXT_MIN_COUNT} times) as positive PMI (context smoothing {SMOOTHING}), reduced to\n"
        f"# {DIMENSIONS} dimensions by truncated SVD, grouped by k-means (scikit-learn, seed {SEED}).\n"
    )
    columns = "\t".join(f"k{k}" for k in GRANULARITIES)
    rows = "".join(f"{word}\t" + "\t".join(str(label[i]) for label in labels) + "\n" for i, word in enumerate(vocabulary))
    return header + f"word\t{columns}\n" + rows


def main(root: str) -> int:
    texts = dev_texts(root)
    vocabulary, vectors = word_vectors(texts)
    print(f"  {len(texts)} dev items, {sum(map(len, texts))} words, {len(vocabulary)} clustered")
    MODELS.mkdir(exist_ok=True)
    write_text_atomic(str(MODELS / CLUSTERS_FILE), clusters_text(vocabulary, vectors, len(texts)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ""))
