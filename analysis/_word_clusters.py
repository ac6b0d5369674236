"""Word clusters: distributional classes of words learned from unlabelled news text (``analysis/models/word_clusters.tsv``).

Words that occur in the same contexts (the words up to five places to their left and right) fall in the same cluster:
"slammed", "blasted", "criticized", "denounced"; "liberal", "progressive", "radical". Each word has a cluster at
several granularities (coarse to fine), like the prefixes of a Brown cluster's bit string, so that a model that learned
something of one word can apply it to the words of its cluster it never saw labelled. Written by ``make train``
(``evaluation/word_clusters.py``) from the dev parts of the shared corpora only; the file holds a derived vocabulary
(each word with its cluster numbers), no corpus text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources

from ._data import read_tsv

CLUSTERS_FILE = "word_clusters.tsv"


@dataclass(frozen=True, eq=False)  # hashed by identity: memoised feature functions take it as an argument
class WordClusters:
    """Each known word (lower case) with its cluster at each of ``granularities`` (the number of clusters)."""

    granularities: tuple[int, ...]
    clusters: Mapping[str, tuple[str, ...]] = field(repr=False)

    def of(self, word: str) -> tuple[str, ...]:
        """The clusters of a lower-cased word, coarse to fine (empty for a word the text they were learned from lacked)."""
        return self.clusters.get(word, ())


#: No clusters: every word unknown (the steps before loaded language read none).
NO_CLUSTERS = WordClusters((), {})


def parse_word_clusters(text: str) -> WordClusters:
    """The clusters of a TSV with a ``word`` column and one column ``kN`` per granularity N."""
    header, rows = read_tsv(text)
    columns = [name for name in header if name != "word"]
    return WordClusters(tuple(int(name[1:]) for name in columns),
                        {row["word"]: tuple(row[name] for name in columns) for _, row in rows})


def load_word_clusters() -> WordClusters:
    """The word clusters shipped in the package."""
    return parse_word_clusters(resources.files("analysis").joinpath("models", CLUSTERS_FILE).read_text("utf-8"))
