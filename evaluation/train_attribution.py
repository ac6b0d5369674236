"""Fit the attribution CRF (``analysis/models/attribution.crfsuite``) on PolNeAR's dev part.

Each paragraph of a dev article, read by Slant's own segmenter, sentence splitter, quote finder and tagger (as at run
time), is a sequence; a token's label is the role of the gold span it overlaps (BIO per role). Held-out articles are
never read.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import pycrfsuite

from analysis._attribution import load_cue_table
from analysis._model import Analysis, Article
from analysis._lexicon import load_lexicon
from analysis._loaded import TermIndex
from analysis._pipeline import PIPELINE, Resources, run_pipeline
from analysis._sequence import MODEL_FILE, OFTEN, OUTSIDE, RATE_LEAST, RATES_FILE, cue_marks, paragraph_features, stem
from analysis._tokens import Token, load_tagger

from .corpora import PolnearArticle, items

MODEL = Path(__file__).resolve().parent.parent / "analysis" / "models" / MODEL_FILE
#: L-BFGS with elastic-net regularisation; chosen by the held-out figures (docs/attribution.md).
PARAMS = {"c1": 1.0, "c2": 0.001, "max_iterations": 300, "feature.minfreq": 2}
_ROLES = {"Source": "source", "Cue": "cue", "Content": "content"}
_PRIORITY = ("cue", "source", "content")


def paragraphs(text: str) -> Iterator[tuple[list[list[Token]], tuple]]:
    """Each analysed paragraph's tagged sentences and the quotes over it, as the pipeline reads them."""
    steps = tuple(a for a in PIPELINE if a.name in ("segment", "tokens", "quotes"))
    analysis: Analysis = run_pipeline(Article("train", text), _resources(), steps)
    by_paragraph: dict[int, list[list[Token]]] = {}
    for sentence, tokens in zip(analysis.sentences, analysis.tokens):
        by_paragraph.setdefault(sentence.paragraph, []).append(list(tokens))
    for index, sentences in by_paragraph.items():
        yield sentences, tuple(q for q in analysis.quotes if q.paragraph == index)


@lru_cache(maxsize=1)
def _resources() -> Resources:
    """What segmentation, tokens and quotes read: the lexicon and the tagger (not the model being fitted)."""
    lexicon = load_lexicon(None)
    return Resources(lexicon, TermIndex.build(lexicon), load_tagger(),  # no model is read before attribution
                     loaded_model=None, toward=None, attribution=None,  # type: ignore[arg-type]
                     loaded_contexts=None, sentiment=None, cues=None, sources=None,  # type: ignore[arg-type]
                     first_names=None)  # type: ignore[arg-type]


def gold_labels(tokens: list[Token], article: PolnearArticle) -> list[str]:
    """BIO labels of the tokens from the article's relations; a cue wins over a source over a content."""
    spans = []
    for number, relation in enumerate(article.relations):
        for role in _PRIORITY:
            fragments = getattr(relation, role)
            for k, (start, end) in enumerate(fragments or ()):
                spans.append((role, (number, role, k), start, end))
    labels, previous = [], None
    for token in tokens:
        hit = next(((role, key) for role in _PRIORITY for r, key, s, e in spans
                    if r == role and s < token.end and token.start < e), None)
        if hit is None:
            labels.append(OUTSIDE)
            previous = None
            continue
        role, key = hit
        labels.append(("I-" if key == previous else "B-") + role)
        previous = key
    return labels


def sequences(articles: list[PolnearArticle], counts: dict[str, list[int]]) -> Iterator[tuple[list[list[str]], list[str]]]:
    """Features and gold labels of every paragraph of the articles; ``counts`` gathers, per word stem, its tokens
    outside and inside a gold cue."""
    table = load_cue_table()
    for article in articles:
        for sentences, quotes in paragraphs(article.text):
            tokens = [t for s in sentences for t in s]
            if not tokens:
                continue
            cues = cue_marks([t.lower for t in tokens], table)
            labels = gold_labels(tokens, article)
            for token, label in zip(tokens, labels):
                counts[stem(token.lower)][label.endswith("cue")] += 1
            yield paragraph_features(sentences, quotes, cues), labels


def cue_rates(counts: dict[str, list[int]]) -> dict[str, tuple[int, int]]:
    """The stems seen at least ``RATE_LEAST`` times and at least once inside a cue: their tokens and cue tokens."""
    return {word: (outside + inside, inside) for word, (outside, inside) in counts.items()
            if outside + inside >= RATE_LEAST and inside}


def train(root: str, model: Path = MODEL) -> int:
    articles = items("polnear", "dev", root)
    trainer = pycrfsuite.Trainer(verbose=False)
    count, counts = 0, defaultdict(lambda: [0, 0])
    for features, labels in sequences(articles, counts):
        trainer.append(features, labels)
        count += 1
    trainer.set_params(PARAMS)
    model.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model))
    model.with_name(RATES_FILE).write_text(
        "# How often each word stem (analysis._sequence.stem) is part of a cue in PolNeAR's train split (Newell,\n"
        "# Margolin and Ruths, LREC 2018), dev part only (held-out articles never read): its tokens and cue tokens, for\n"
        f"# stems seen at least {RATE_LEAST} times and at least once in a cue. Written by `make train`\n"
        f"# (evaluation/train_attribution.py); a stem of rate above {OFTEN:.0%} counts as a cue word for the model's relations.\n"
        "stem\ttokens\tcues\n" + "".join(f"{w}\t{n}\t{c}\n" for w, (n, c) in sorted(cue_rates(counts).items())),
        encoding="utf-8")
    digest = hashlib.sha256(model.read_bytes()).hexdigest()[:16]
    provenance = model.with_suffix(".txt")
    provenance.write_text(
        "Attribution CRF (python-crfsuite, L-BFGS): source / cue / content as BIO token labels of a paragraph.\n"
        "Trained by `make train` (evaluation/train_attribution.py) on PolNeAR's train split (Newell, Margolin and Ruths,\n"
        "LREC 2018), dev part only (evaluation/corpora.py: held-out articles never read):\n"
        f"{len(articles)} articles, {count} paragraphs. Parameters: {PARAMS}. The cue rates of the stems of\n"
        f"the same paragraphs: {RATES_FILE}.\n"
        f"sha256 of {model.name} (first 16 hex digits): {digest}\n", encoding="utf-8")
    print(f"attribution: {len(articles)} articles, {count} paragraphs -> {model}")
    return 0
