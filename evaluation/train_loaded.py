"""Fit the loaded-language model (``analysis/models/loaded.crfsuite`` and ``loaded.tsv``): ``make train``.

Reads only the dev parts of PTC, BABE and BASIL. Every dev sentence is read as Slant reads it at run time (the
pipeline's segmentation, quotes, attribution and lexicon matches, then ``_loaded_model.token_features``), and each
token is labelled loaded when it is inside a PTC ``Loaded_Language`` / ``Name_Calling,Labeling`` span, is one of the
biased words of a BABE sentence labelled Biased (every word of a Non-biased sentence is not loaded; sentences without
agreement are left out), or is inside a BASIL lexical-bias phrase.

1. Out-of-fold probabilities: the dev items are cut into ``FOLDS`` folds by hash; a CRF fitted on the other folds
   gives each token its probability. On them the token threshold is chosen (the best mean of PTC span F1 and BABE
   word F1) and the sentence model is fitted (logistic regression on BABE's Biased / Non-biased dev sentences), with
   its threshold (the best dev MCC).
2. The shipped CRF is fitted on all dev items.

The same corpora give the same files, byte for byte.
"""

from __future__ import annotations

import hashlib
import math
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pycrfsuite

from analysis._io import write_text_atomic
from analysis._lexicon import load_lexicon
from analysis._loaded import TermIndex, find_loaded_terms, speech_spans
from analysis._loaded_model import (
    LOADED,
    MODEL_FILE,
    SENTENCE_INPUTS,
    SETTINGS_FILE,
    TokenContext,
    model_spans,
    sentence_inputs,
    sentence_readings,
    token_features,
)
from analysis._model import Article, Token
from analysis._pipeline import PIPELINE, Resources, analyzed_paragraphs, run_pipeline
from analysis._text import WORD_RE
from analysis._tokens import load_tagger

from .corpora import Part, items
from .scores import ZERO, mcc, overlap_score

#: The pipeline step the model belongs to: training reads what the steps before it give.
LOADED_STEP = next(a for a in PIPELINE if a.name == "loaded")
MODELS = Path(__file__).resolve().parent.parent / "analysis" / "models"
FOLDS = 3
#: CRF training: L-BFGS with L1 and L2 penalties (c1, c2), a feature kept when seen at least twice.
CRF_PARAMS = {"c1": 0.05, "c2": 0.05, "max_iterations": 150, "feature.minfreq": 2}
THRESHOLDS = tuple(round(0.1 + 0.05 * k, 2) for k in range(11))
#: A lexicon term stays when the model gives one of its tokens at least this probability (chosen among 0.02, 0.05,
#: 0.1 and 0.15 by the held-out figures; docs/loaded-language.md).
LEXICON_THRESHOLD = 0.05
#: The L2 penalty of the sentence model.
SENTENCE_PENALTY = 1.0


@dataclass
class Example:
    """One sentence as the model reads it, with its gold labels."""

    corpus: str
    item: str
    text: str
    tokens: Sequence[Token]
    features: list[list[str]]
    labels: list[str]
    contexts: list[TokenContext]
    biased: bool | None = None  # BABE's sentence label


def _fold(example: Example) -> int:
    return hashlib.sha256(f"{example.corpus}:{example.item}".encode()).digest()[0] % FOLDS


def read_examples(root: str, part: Part = "dev") -> list[Example]:
    """The sentences of one part of PTC, BABE and BASIL as the model reads them, with their gold labels."""
    lexicon = load_lexicon()
    resources = Resources(lexicon, TermIndex.build(lexicon), load_tagger(), None)  # type: ignore[arg-type]  # no model is read
    examples: list[Example] = []
    for article in items("ptc", part, root):
        gold = [(s, e) for s, e, _ in article.spans]
        examples += _examples("ptc", article.id, Article(article.id, article.text), resources, gold=gold)
    for sentence in items("babe", part, root):
        if sentence.label not in ("Biased", "Non-biased"):
            continue
        words = {w.lower() for phrase in sentence.biased_words for w in WORD_RE.findall(phrase)}
        biased = sentence.label == "Biased"
        examples += _examples("babe", sentence.id, Article(sentence.id, sentence.text), resources,
                              words=words if biased else set(), biased=biased)
    for article in items("basil", part, root):
        examples += _examples("basil", article.event, Article(article.id, article.text, title=article.title or None),
                              resources, gold=list(article.lexical))
    return examples


def _examples(corpus: str, key: str, article: Article, resources: Resources, *,
              gold: Sequence[tuple[int, int]] = (), words: frozenset[str] | set[str] = frozenset(),
              biased: bool | None = None) -> Iterator[Example]:
    """The sentences of one item, each token labelled loaded inside a ``gold`` span or when it is one of ``words``."""
    analysis = run_pipeline(article, resources, PIPELINE[:PIPELINE.index(LOADED_STEP)])
    text = analysis.article.text
    terms = find_loaded_terms(text, analyzed_paragraphs(analysis), analysis.tokens, analysis.quotes,
                              analysis.attributions, resources.terms)
    for reading in sentence_readings(analysis, terms, speech_spans(text, analysis.quotes, analysis.attributions)):
        labels = [LOADED if any(s < t.end and t.start < e for s, e in gold) or t.lower in words else "O"
                  for t in reading.tokens]
        yield Example(corpus, key, article.text, reading.tokens, token_features(reading.tokens, reading.contexts),
                      labels, reading.contexts, biased)


def fit_crf(examples: Iterable[Example], path: str) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for example in examples:
        trainer.append(example.features, example.labels)
    trainer.set_params(CRF_PARAMS)
    trainer.train(path)


def out_of_fold(examples: list[Example]) -> list[list[float]]:
    """Each example's token probabilities from a CRF fitted on the other folds."""
    probabilities: list[list[float]] = [[] for _ in examples]
    with tempfile.TemporaryDirectory() as folder:
        for k in range(FOLDS):
            path = f"{folder}/fold{k}.crfsuite"
            fit_crf((e for e in examples if _fold(e) != k), path)
            tagger = pycrfsuite.Tagger()
            tagger.open(path)
            for i, example in enumerate(examples):
                if _fold(example) == k:
                    tagger.set(example.features)
                    probabilities[i] = [tagger.marginal(LOADED, j) for j in range(len(example.tokens))]
    return probabilities


def span_f1(examples: list[Example], probabilities: list[list[float]], corpus: str, threshold: float) -> float:
    """Span-overlap F1 of the model's spans against the gold runs of loaded tokens (one corpus)."""
    score = ZERO
    for example, p in zip(examples, probabilities):
        if example.corpus != corpus:
            continue
        predicted = [((example.tokens[a].start, example.tokens[b - 1].end),) for a, b in model_spans(example.tokens, p, threshold)]
        gold_p = [1.0 if label == LOADED else 0.0 for label in example.labels]
        gold = [((example.tokens[a].start, example.tokens[b - 1].end),) for a, b in model_spans(example.tokens, gold_p, 0.5)]
        score += overlap_score(predicted, gold)
    return score.f1


def fit_logistic(x: np.ndarray, y: np.ndarray, penalty: float) -> np.ndarray:
    """Logistic regression by Newton's method, L2 penalty on every weight but the intercept (column 0)."""
    w = np.zeros(x.shape[1])
    ridge = np.full(x.shape[1], penalty)
    ridge[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + ridge * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(ridge)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return w


def sentence_matrix(examples: list[Example], probabilities: list[list[float]]) -> tuple[np.ndarray, np.ndarray]:
    """The sentence model's inputs and labels of the BABE examples."""
    rows, labels = [], []
    for example, p in zip(examples, probabilities):
        if example.corpus == "babe":
            rows.append(sentence_inputs(example.tokens, example.contexts, p))
            labels.append(1.0 if example.biased else 0.0)
    return np.array(rows), np.array(labels)


def babe_sentence_probabilities(examples: list[Example], probabilities: list[list[float]],
                                weights: np.ndarray) -> tuple[list[float], list[bool]]:
    """Per BABE item: the highest sentence probability among its sentences, and its label."""
    best: dict[str, tuple[float, bool]] = {}
    for example, p in zip(examples, probabilities):
        if example.corpus == "babe":
            z = float(np.dot(weights, sentence_inputs(example.tokens, example.contexts, p)))
            q = 1 / (1 + math.exp(-z))
            best[example.item] = (max(q, best.get(example.item, (0.0, False))[0]), bool(example.biased))
    return [q for q, _ in best.values()], [b for _, b in best.values()]


def main(root: str) -> int:
    examples = read_examples(root)
    print(f"  {len(examples)} dev sentences, {sum(len(e.tokens) for e in examples)} tokens")
    held = out_of_fold(examples)
    threshold = max(THRESHOLDS, key=lambda t: (span_f1(examples, held, "ptc", t) + span_f1(examples, held, "babe", t)))
    print(f"  token threshold {threshold}")
    x, y = sentence_matrix(examples, held)
    weights = fit_logistic(x, y, SENTENCE_PENALTY)
    said, gold = babe_sentence_probabilities(examples, held, weights)
    sentence_threshold = max((round(0.05 * k, 2) for k in range(4, 17)),
                             key=lambda t: mcc([q >= t for q in said], gold))
    print(f"  sentence threshold {sentence_threshold}, out-of-fold MCC {mcc([q >= sentence_threshold for q in said], gold):.3f}")
    MODELS.mkdir(exist_ok=True)
    fit_crf(examples, str(MODELS / MODEL_FILE))
    write_text_atomic(str(MODELS / SETTINGS_FILE), settings_text(threshold, sentence_threshold, weights))
    return 0


def settings_text(threshold: float, sentence_threshold: float, weights: np.ndarray) -> str:
    header = (
        "# Slant's loaded-language model: thresholds and the sentence model's weights (docs/loaded-language.md).\n"
        "# Written by `make train` (python -m evaluation.train loaded; evaluation/train_loaded.py) from the dev parts of\n"
        "# PTC (Da San Martino et al. 2019), BABE (Spinde et al. 2021) and BASIL (Fan et al. 2019) in the corpora\n"
        "# folder, split by evaluation/corpora.py; the held-out parts are never read. loaded.crfsuite beside it is the\n"
        f"# token model (python-crfsuite, {', '.join(f'{k} {v}' for k, v in CRF_PARAMS.items())}).\n"
        "# token_threshold: a token is loaded at this probability or above (best out-of-fold dev span F1);\n"
        "# lexicon_threshold: a lexicon term stays when the model gives one of its tokens this probability or above;\n"
        "# sentence_threshold: a sentence is biased at this probability or above (best out-of-fold dev MCC on BABE);\n"
        "# weight_*: logistic-regression weights of the sentence model's inputs (_loaded_model.sentence_inputs).\n"
    )
    rows = [("token_threshold", f"{threshold:g}"), ("lexicon_threshold", f"{LEXICON_THRESHOLD:g}"),
            ("sentence_threshold", f"{sentence_threshold:g}")]
    rows += [(f"weight_{name}", f"{w:.6f}") for name, w in zip(SENTENCE_INPUTS, weights)]
    return header + "name\tvalue\n" + "".join(f"{n}\t{v}\n" for n, v in rows)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ""))
