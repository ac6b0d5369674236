"""Coverage alignment: TF-IDF cosine between paragraphs."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd
import pytest

from analysis._alignment import align, tfidf


def test_tfidf_rows_are_unit_vectors_and_common_words_weigh_nothing():
    vectors = tfidf([Counter(the=1, army=1), Counter(the=1, army=1), Counter(the=2, bread=1)])
    assert np.linalg.norm(vectors, axis=1) == pytest.approx([1, 1, 1])
    assert vectors[0] @ vectors[1] == pytest.approx(1)
    assert vectors[0] @ vectors[2] == pytest.approx(0)  # they share only "the", which is everywhere


def test_each_paragraph_gets_the_best_match_in_each_other_article():
    bags = pd.DataFrame({
        "article_id": ["a", "a", "b"],
        "paragraph": [1, 2, 5],
        "bag": [Counter(airport=1, aleppo=1, seized=1), Counter(bakeries=1, shut=1), Counter(airport=1, aleppo=1, took=1)],
    })
    table = align(bags).set_index(["article_id", "paragraph"])
    assert table.loc[("a", 1), "other_paragraph"] == 5 and table.loc[("a", 1), "matched"]
    assert table.loc[("a", 2), "similarity"] == 0 and not table.loc[("a", 2), "matched"]
    assert table.loc[("b", 5), "other_paragraph"] == 1
