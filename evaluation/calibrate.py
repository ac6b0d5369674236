"""Fit the weights of ``tone`` on the dev half of the New York Times editorial sentences: ``python -m evaluation.calibrate``.

``tone`` predicts the mean reader rating (-4 … +4) of a sentence as a linear sum of VADER′ compound, TextBlob
polarity, VADER′'s positive and negative valences over √words, the same sums for Hu and Liu's opinion lexicon, and
one weight per news word ("not" + word apart) that readers rate differently from what the analyzers say (see
``docs/tone.md``). The word weights are ridge regression coefficients: the penalty pulls each towards 0, so a word
needs evidence from several sentences to get a weight. Only sentiment-bearing words can get one (words that VADER′,
TextBlob or the opinion lexicon score, Slant's loaded terms, and a few stance words such as "too" and "yet"), and
never a word that says who someone is (``lexicons/neutral.tsv``): a topic word or a name ("Iraq", "Congress",
"French") never does, so the tone of a sentence does not depend on whom it is about. The penalty is chosen by
5-fold cross-validation by article.

Writes ``analysis/lexicons/tone_model.tsv`` and ``analysis/lexicons/tone_words.tsv``; the held-out half is not read.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import textblob.en

from analysis._data import package_tsv
from analysis._inflect import noun_forms, verb_forms
from analysis._io import write_text_atomic
from analysis._sentiment import (
    INPUTS,
    RATING_SCALE,
    Sentiment,
    _scores,
    load_sentiment,
    news_words,
    tone_inputs,
)

from .tone import nyt_records

LEXICONS = Path(__file__).resolve().parent.parent / "analysis" / "lexicons"
#: Words that carry an editorial stance without being in a sentiment lexicon: contrast, excess, hedging, negation.
STANCE = frozenset(
    "too yet however surely probably perhaps maybe if why should must only even still so just merely hardly barely "
    "never not no nothing nobody none neither nor without but although though instead rather enough simply indeed "
    "certainly fail failed fails failure".split()
)
PENALTIES = (3.0, 10.0, 30.0, 60.0, 100.0)
MIN_SENTENCES = 3
FOLDS = 5


def sentiment_words(sentiment: Sentiment) -> frozenset[str]:
    """The words that may get a weight: those VADER′, TextBlob or the opinion lexicon score, single-word terms of Slant's loaded-language
    lexicon, and ``STANCE``; never a word that says who someone is (``lexicons/neutral.tsv``)."""
    words = {w.lower() for w, v in sentiment.news_vader.lexicon.items() if v}
    words |= {w.lower() for w, tags in textblob.en.sentiment.items() if any(p for p, _, _ in tags.values())}
    words |= sentiment.opinion.keys()
    for row in package_tsv("lexicons", "loaded.tsv"):
        term = row["term"].lower()
        if " " not in term:
            words |= noun_forms(term) | verb_forms(term)
    return (frozenset(w for w in words if len(w) > 1 and w.replace("'", "").replace("-", "").isalpha()) | STANCE) - sentiment.neutral


def features(text: str, sentiment: Sentiment) -> tuple[list[float], set[tuple[str, bool]]]:
    """The analyzer inputs of ``tone`` for one sentence, and its (word, negated) pairs."""
    scores = _scores(text, 0, sentiment)
    inputs, _ = tone_inputs(scores.evidence, text, scores.words, sentiment)
    return inputs, {(word, negated) for word, negated, _, _ in news_words(text)}


def fit(base: np.ndarray, words: np.ndarray, y: np.ndarray, penalty: float) -> np.ndarray:
    """Ridge regression with an unpenalized intercept and analyzer inputs: [intercept, base…, words…]."""
    x = np.hstack([np.ones((len(y), 1)), base, words])
    ridge = np.diag([0.0] * (1 + base.shape[1]) + [penalty] * words.shape[1])
    return np.linalg.solve(x.T @ x + ridge, x.T @ y)


def cross_validate(base: np.ndarray, words: np.ndarray, y: np.ndarray, folds: np.ndarray, penalty: float) -> float:
    """Pearson r of out-of-fold predictions, folds by article."""
    predicted = np.zeros(len(y))
    for k in range(FOLDS):
        train = folds != k
        w = fit(base[train], words[train], y[train], penalty)
        predicted[~train] = np.hstack([np.ones((int((~train).sum()), 1)), base[~train], words[~train]]) @ w
    return float(np.corrcoef(predicted, y)[0, 1])


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(prog="python -m evaluation.calibrate", description=__doc__.split("\n")[0]).parse_args(argv)
    records = nyt_records("dev")
    y = np.array([r["rating"] for r in records])
    folds = np.array([hashlib.sha256(r["article"].encode()).digest()[1] % FOLDS for r in records])
    sentiment = load_sentiment()
    rows = [features(r["text"], sentiment) for r in records]
    base = np.array([b for b, _ in rows])
    allowed = sentiment_words(sentiment)
    counts = Counter(pair for _, pairs in rows for pair in pairs if pair[0] in allowed)
    vocabulary = sorted(pair for pair, n in counts.items() if n >= MIN_SENTENCES)
    column = {pair: j for j, pair in enumerate(vocabulary)}
    words = np.zeros((len(records), len(vocabulary)))
    for i, (_, pairs) in enumerate(rows):
        for pair in pairs & column.keys():
            words[i, column[pair]] = 1.0
    print(f"{len(records)} dev sentences, {len(vocabulary)} news words in at least {MIN_SENTENCES} of them")
    results = {p: cross_validate(base, words, y, folds, p) for p in PENALTIES}
    for p, r in results.items():
        print(f"  penalty {p:>5g}: cross-validated r {r:.3f}")
    penalty = max(results, key=results.get)
    w = fit(base, words, y, penalty)
    _write_model(dict(zip(INPUTS, w[1:1 + len(INPUTS)])), penalty, results[penalty], len(records))
    _write_words(vocabulary, w[1 + len(INPUTS):], counts)
    print(f"penalty {penalty:g}: wrote {LEXICONS / 'tone_model.tsv'} and {LEXICONS / 'tone_words.tsv'}")
    return 0


def _write_model(weights: dict[str, float], penalty: float, r: float, n: int) -> None:
    notes = {
        "vader": "VADER′ compound (VADER with lexicons/news_valence.tsv), -1 … +1",
        "textblob": "TextBlob polarity, -1 … +1",
        "positive": "sum of VADER′'s positive word valences (after its rules) / √words",
        "negative": "sum of VADER′'s negative word valences (after its rules) / √words",
        "opinion_positive": "positive words of the opinion lexicon (lexicons/opinion.tsv), not negated / √words",
        "opinion_negative": "sum of the negative words of the opinion lexicon (each -1), not negated / √words",
    }
    lines = [
        "# The weights of tone over its analyzer inputs (see docs/tone.md); each news word adds its weight from",
        f"# tone_words.tsv, and tone = the sum / {RATING_SCALE:g}, clipped to -1 … +1. Written by `python -m evaluation.calibrate`:",
        f"# ridge regression on the dev half of the NYT editorial sentences ({n}), penalty {penalty:g}, "
        f"cross-validated r {r:.3f}.",
        "feature\tweight\tnote",
        *(f"{name}\t{weight:.4f}\t{notes[name]}" for name, weight in weights.items()),
    ]
    write_text_atomic(LEXICONS / "tone_model.tsv", "\n".join(lines) + "\n")


def _write_words(vocabulary: list[tuple[str, bool]], weights: np.ndarray, counts: Counter) -> None:
    lines = [
        "# News words: what each adds to the predicted reader rating (-4 … +4) of a sentence, over what VADER′ and",
        "# TextBlob say (negated: inside the scope of a negation). Fitted, not written: `python -m evaluation.calibrate`.",
        "# sentences: in how many dev sentences the word occurs.",
        "term\tnegated\tweight\tsentences",
        *(f"{word}\t{'yes' if negated else 'no'}\t{weight:.4f}\t{counts[word, negated]}"
          for (word, negated), weight in zip(vocabulary, weights) if round(weight, 4)),
    ]
    write_text_atomic(LEXICONS / "tone_words.tsv", "\n".join(lines) + "\n")


if __name__ == "__main__":
    sys.exit(main())
