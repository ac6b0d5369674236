"""A CRF read from its model file (``_crf``): the attribute numbers of word-pair features found without their strings
(the scores and the tagging are pinned against crfsuite in ``test_sequence`` and ``test_loaded_model``)."""

from __future__ import annotations

from itertools import product

import numpy as np

from analysis._crf import _BLOCK, PairNumbers
from analysis._sequence import load_attribution_model


def test_a_word_pair_finds_the_attribute_of_its_string_whatever_bars_its_words_hold():
    words = ["a", "b", "|", "||", "a|b", "", "x|"]
    numbers = {f"pair={a}|{b}": k for k, (a, b) in enumerate(product(words[:6], repeat=2), 1)}
    numbers["other=a|b"] = 99  # ("|", "") and ("", "|") are one string, one attribute
    pairs = PairNumbers(numbers, "pair=")
    for a, b in product(words, repeat=2):
        assert pairs.of([a, b]) == [numbers.get(f"pair={a}|{b}", 0)], (a, b)
    assert pairs.of(["a", "b", "a"]) == [numbers["pair=a|b"], numbers["pair=b|a"]]
    assert pairs.of(["a"]) == [] and pairs.of([]) == []


def test_a_long_sequence_is_scored_token_by_token_as_its_tokens_alone_across_the_blocks():
    weights = load_attribution_model()._weights
    attributes = np.random.default_rng(0).integers(0, len(weights.names) + 1, size=(12, 2 * _BLOCK + 3))
    alone = [score for k in range(attributes.shape[1]) for score in weights.scores(attributes[:, k:k + 1])]
    assert weights.scores(attributes) == alone
    assert weights.scores(attributes[:, :0]) == []
