"""Fit tone toward a mention on the dev part of NewsMTSC: ``python -m evaluation.train toward``.

Each target of a dev sentence is one example: the features of ``analysis._toward.mention_features`` and its
annotated polarity (negative, neutral, positive). A multinomial logistic regression (scikit-learn, L2 penalty) is
fitted on them; the penalty is chosen by 5-fold cross-validation grouped by article (macro-F1 of the most probable
class). A word feature (``word:``, near the mention or in its sentence) is kept when at least ``MIN_WORD_COUNT``
targets have it. Writes ``analysis/data/tone_toward.tsv``; the held-out part is not read.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

from analysis import analyze
from analysis._io import write_text_atomic
from analysis._pipeline import Resources, load_resources
from analysis._toward import CLASSES, mention_context, mention_features

from .corpora import MtscSentence, items
from .scores import macro_f1

WEIGHTS = Path(__file__).resolve().parent.parent / "analysis" / "data" / "tone_toward.tsv"
PENALTIES = (0.1, 0.3, 1.0)
MIN_WORD_COUNT = 5
#: Features named after a word (near the mention, or anywhere in the sentence).
LEARNED_WORDS = ("word:",)
FOLDS = 5


def examples(sentences: list[MtscSentence], resources: Resources) -> tuple[list[dict[str, float]], list[str], list[str]]:
    """The features, the gold polarity and the article of every target of the sentences."""
    rows, gold, groups = [], [], []
    for sentence in sentences:
        analysis = analyze(text=sentence.text, resources=resources).analysis
        for target in sentence.targets:
            context = mention_context(analysis, target.start, target.end)
            rows.append(mention_features(context, target.start, target.end)[0] if context else {})
            gold.append(target.polarity)
            groups.append("_".join(sentence.id.split("_")[:3]))
    return rows, gold, groups


def fit(rows: list[dict[str, float]], gold: list[str], penalty: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer(sort=True)
    matrix = vectorizer.fit_transform(rows)
    model = LogisticRegression(C=penalty, max_iter=5000)
    model.fit(matrix, gold)
    return vectorizer, model


def kept_words(rows: list[dict[str, float]]) -> list[dict[str, float]]:
    """The rows with only the words near at least ``MIN_WORD_COUNT`` targets."""
    counts = Counter(name for row in rows for name in row if name.startswith(LEARNED_WORDS))
    return [{k: v for k, v in row.items() if not k.startswith(LEARNED_WORDS) or counts[k] >= MIN_WORD_COUNT}
            for row in rows]


def cross_validated(rows, gold, groups, penalty: float) -> float:
    """Macro-F1 of the most probable class over ``FOLDS`` folds by article."""
    fold = [hashlib.sha256(g.encode()).digest()[0] % FOLDS for g in groups]
    predicted = [""] * len(gold)
    for k in range(FOLDS):
        train = [i for i in range(len(gold)) if fold[i] != k]
        vectorizer, model = fit(kept_words([rows[i] for i in train]), [gold[i] for i in train], penalty)
        test = [i for i in range(len(gold)) if fold[i] == k]
        for i, label in zip(test, model.predict(vectorizer.transform([rows[i] for i in test]))):
            predicted[i] = label
    return macro_f1(predicted, gold, CLASSES)


def weights_text(vectorizer, model, *, penalty: float, score: float, size: int) -> str:
    order = [list(model.classes_).index(c) for c in CLASSES]
    lines = [
        "# Tone toward a mention (analysis/_toward.py, docs/tone.md): multinomial logistic regression, one weight per",
        "# feature and class. Written by `python -m evaluation.train toward` from the dev part of NewsMTSC's train",
        f"# split (Hamborg and Donnay 2021; {size} targets), L2 penalty C={penalty}, 5-fold cross-validated",
        f"# macro-F1 {score:.3f}. A word feature (word:) is kept when at least {MIN_WORD_COUNT} targets have it.",
        "feature\t" + "\t".join(CLASSES),
        "(intercept)\t" + "\t".join(f"{model.intercept_[j]:.5f}" for j in order),
    ]
    for n, name in enumerate(vectorizer.feature_names_):
        values = [model.coef_[j][n] for j in order]
        if any(round(v, 5) for v in values):
            lines.append(name + "\t" + "\t".join(f"{v:.5f}" for v in values))
    return "\n".join(lines) + "\n"


def main(root: str | None) -> int:
    rows, gold, groups = examples(items("newsmtsc", "dev", root), load_resources())
    scores = {penalty: cross_validated(rows, gold, groups, penalty) for penalty in PENALTIES}
    for penalty, score in scores.items():
        print(f"  C={penalty}: cross-validated macro-F1 {score:.3f}")
    penalty = max(PENALTIES, key=lambda p: (scores[p], -p))
    vectorizer, model = fit(kept_words(rows), gold, penalty)
    write_text_atomic(WEIGHTS, weights_text(vectorizer, model, penalty=penalty, score=scores[penalty], size=len(gold)))
    print(f"wrote {WEIGHTS}")
    return 0
