"""Distinctive words: log-odds with an informative Dirichlet prior, checked by hand on a tiny example."""

from __future__ import annotations

import math
from collections import Counter

import pytest

from analysis._distinctive import distinctive_words, log_odds


def test_log_odds_by_hand():
    # A: x x y; B: y z z. n = 3 each; α_0 = mean length 3; π = 1/3 for each word, so α_w = 1.
    vocabulary, delta, z = log_odds([Counter(x=2, y=1), Counter(y=1, z=2)])
    assert vocabulary == ["x", "y", "z"]
    # x in A: log((2+1)/(3+3-2-1)) - log((0+1)/(3+3-0-1)) = log 1 - log 1/5 = log 5
    assert delta[0, 0] == pytest.approx(math.log(5))
    assert z[0, 0] == pytest.approx(math.log(5) / math.sqrt(1 / 3 + 1 / 1))
    assert delta[0, 1] == pytest.approx(0) and z[0, 1] == pytest.approx(0)  # y: once in each
    assert delta[1, 2] == pytest.approx(math.log(5)) and delta[0, 2] == pytest.approx(-math.log(5))


def test_a_stronger_prior_shrinks_the_log_odds():
    counts = [Counter(x=2, y=1), Counter(y=1, z=2)]
    weak, strong = log_odds(counts, prior_words=1)[1][0, 0], log_odds(counts, prior_words=100)[1][0, 0]
    assert 0 < strong < weak


def test_table_ranks_the_words_each_article_uses_by_z():
    table = distinctive_words({"a": Counter(x=5, y=2, w=1), "b": Counter(y=2, z=5, w=1)}, top=2)
    assert list(table[table["article_id"] == "a"]["word"]) == ["x", "w"]
    assert list(table[table["article_id"] == "b"]["word"]) == ["z", "w"]
    row = table.iloc[0]
    assert (row["count"], row["others_count"]) == (5, 0) and row["z"] > 0


def test_function_words_count_but_are_not_ranked():
    long = Counter(the=40, of=20, shelling=3, civilians=2)
    short = Counter(the=5, of=2, truce=3)
    table = distinctive_words({"long": long, "short": short}, top=3)
    assert "the" not in set(table["word"]) and "of" not in set(table["word"])
    assert list(table[table["article_id"] == "long"]["word"])[:1] == ["shelling"]
    everything = distinctive_words({"long": long, "short": short}, top=3, unranked=())
    assert "the" in set(everything["word"])  # the counts are unchanged; only the ranking skips them


def test_first_and_second_person_stay_rankable():
    from analysis._distinctive import function_words
    assert {"the", "is", "of", "would", "they"} <= function_words()
    assert not {"we", "our", "you", "i", "said"} & function_words()
