"""A CRF read from its model file (``_crf``): the attribute numbers of word-pair features found without their strings
(the scores and the tagging are pinned against crfsuite in ``test_sequence`` and ``test_loaded_model``)."""

from __future__ import annotations

from itertools import product

from analysis._crf import PairNumbers


def test_a_word_pair_finds_the_attribute_of_its_string_whatever_bars_its_words_hold():
    words = ["a", "b", "|", "||", "a|b", "", "x|"]
    numbers = {f"pair={a}|{b}": k for k, (a, b) in enumerate(product(words[:6], repeat=2), 1)}
    numbers["other=a|b"] = 99  # ("|", "") and ("", "|") are one string, one attribute
    pairs = PairNumbers(numbers, "pair=")
    for a, b in product(words, repeat=2):
        assert pairs.of([a, b]) == [numbers.get(f"pair={a}|{b}", 0)], (a, b)
    assert pairs.of(["a", "b", "a"]) == [numbers["pair=a|b"], numbers["pair=b|a"]]
    assert pairs.of(["a"]) == [] and pairs.of([]) == []
