import pytest

from evaluation.scores import (
    Score,
    binary_score,
    exact_score,
    macro_f1,
    mcc,
    overlap_score,
    pair_order,
    ranks,
    spearman,
    token_score,
)


def test_overlap_counts_both_ways_and_reads_fragments():
    score = overlap_score([((0, 5),), ((10, 12),)], [((3, 8),), ((20, 22), (30, 35))])
    assert score == Score(1, 2, 1, 2) and score.f1 == pytest.approx(0.5)
    assert overlap_score([((31, 32),)], [((20, 22), (30, 35))]) == Score(1, 1, 1, 1)


def test_touching_spans_do_not_overlap():
    assert overlap_score([((0, 5),)], [((5, 9),)]) == Score(0, 1, 0, 1)


def test_exact_match_compares_extents():
    assert exact_score([((0, 5),), ((6, 9),)], [((0, 2), (3, 5)), ((6, 10),)]) == Score(1, 2, 1, 2)


def test_token_score_counts_words():
    words = [(0, 3), (4, 7), (8, 11), (12, 15)]
    assert token_score(words, [((4, 11),)], [((8, 15),)]) == Score(1, 2, 1, 2)


def test_mcc_and_binary_scores_by_hand():
    predicted = [True, True, False, False, True]
    gold = [True, False, False, True, True]
    # tp 2, fp 1, tn 1, fn 1: (2*1 - 1*1) / sqrt(3*3*2*2) = 1/6
    assert mcc(predicted, gold) == pytest.approx(1 / 6)
    assert binary_score(predicted, gold) == Score(2, 3, 2, 3)
    assert mcc([True, True], [True, False]) == 0.0


def test_macro_f1_by_hand():
    # negative: P 1 R 0.5 -> 2/3; neutral: P 0.5 R 1 -> 2/3; positive: 1
    assert macro_f1(["negative", "neutral", "neutral", "positive"], ["negative", "negative", "neutral", "positive"],
                    ["negative", "neutral", "positive"]) == pytest.approx((2 / 3 + 2 / 3 + 1) / 3)


def test_ranks_share_ties_and_spearman_reads_order():
    assert list(ranks([10, 20, 20, 5])) == [2, 3.5, 3.5, 1]
    assert spearman([1, 2, 3, 4], [10, 20, 30, 45]) == pytest.approx(1.0)
    assert spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)


def test_pair_order_skips_gold_ties_and_halves_predicted_ties():
    assert pair_order([1, 2, 3], [1, 2, 3]) == (1.0, 3)
    assert pair_order([1, 1, 3], [1, 2, 2]) == (pytest.approx(0.75), 2)
