"""Tokens with offsets and part-of-speech tags: every analysed sentence is tokenized and tagged once, by the
pipeline's ``tokens`` step, and every analyzer reads the same tokens (``Analysis.tokens``).

The tagger is NLTK's averaged perceptron with the weights shipped in the ``textblob-aptagger`` package (a pickle of
weights, tag dictionary and classes; the package's own module no longer imports), loaded once per run into
``Resources.tagger``.
"""

from __future__ import annotations

import importlib.util
import pickle
import re
from pathlib import Path

from nltk.tag.perceptron import PerceptronTagger

from ._model import Sentence, Token

#: Words (with inner hyphens, periods and apostrophes), a possessive ``’s`` apart, an abbreviation before a name
#: ("Gen. Smith", "U.S."; tokens are read within one sentence), or one other character.
_TOKEN_RE = re.compile(
    r"\w+(?:[-.]\w+)*(?=[’']s\b)|[’']s\b|[A-Z][a-z]{0,3}\.(?=\s+[A-Z])|\w+(?:[-'’.&]\w+)*\.?(?<=\b[A-Z]\.)"
    r"|\w+(?:[-'’.&]\w+)*|\S"
)
#: How the tagger's training text wrote quote marks.
_PTB = {"“": "``", "”": "''", '"': "''", "‘": "`", "’": "'", "’s": "'s", "—": "--", "–": "--"}


def load_tagger() -> PerceptronTagger:
    """The averaged-perceptron tagger with the weights of the ``textblob-aptagger`` package."""
    spec = importlib.util.find_spec("textblob_aptagger")  # located, not imported: its module no longer imports
    folder = Path(next(iter(spec.submodule_search_locations)))  # type: ignore[union-attr]
    data = (folder / "trontagger-0.1.0.pickle").read_bytes()
    weights, tagdict, classes = pickle.loads(data)  # noqa: S301 - the weights of a declared dependency
    tagger = PerceptronTagger(load=False)
    tagger.model.weights = weights
    tagger.tagdict = tagdict
    tagger.classes = tagger.model.classes = set(classes)
    return tagger


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The untagged tokens of ``text[start:end]``."""
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text, start, len(text) if end is None else end)]


def tag(tokens: list[Token], tagger: PerceptronTagger) -> list[Token]:
    """The tokens with their part-of-speech tags."""
    if not tokens:
        return []
    tagged = tag_words([_PTB.get(t.text, t.text) for t in tokens], tagger)
    following = [*tagged[1:], "."]
    return [Token(t.start, t.end, t.text, _corrected(t.text, pos, after)) for t, pos, after in zip(tokens, tagged, following)]


def tag_words(words: list[str], tagger: PerceptronTagger) -> list[str]:
    """The tags of ``words``: ``tagger.tag`` (NLTK's averaged perceptron, same features, same sums in the same
    order, same ties), without its per-word dictionaries and per-class key function."""
    weights, tagdict, classes, normalize = tagger.model.weights, tagger.tagdict, tagger.classes, tagger.normalize
    context = ["-START-", "-START2-", *map(normalize, words), "-END-", "-END2-"]
    prev, prev2 = "-START-", "-START2-"
    tags = []
    for i, word in enumerate(words):
        tag = tagdict.get(word)
        if not tag:
            here, before, after = context[i + 2], context[i + 1], context[i + 3]
            scores: dict[str, float] = {}
            for feature in ("bias", "i suffix " + word[-3:], "i pref1 " + word[:1], "i-1 tag " + prev,
                            "i-2 tag " + prev2, f"i tag+i-2 tag {prev} {prev2}", "i word " + here,
                            f"i-1 tag+i word {prev} {here}", "i-1 word " + before, "i-1 suffix " + before[-3:],
                            "i-2 word " + context[i], "i+1 word " + after, "i+1 suffix " + after[-3:],
                            "i+2 word " + context[i + 4]):
                for label, weight in weights.get(feature, {}).items():
                    scores[label] = scores.get(label, 0.0) + weight
            best = max(scores.items(), key=_score_then_label, default=("", float("-inf")))
            if best[1] <= 0.0 and len(scores) < len(classes):  # a class no feature scores has 0.0
                best = max(best, (max(c for c in classes if c not in scores), 0.0), key=_score_then_label)
            tag = best[0]
        tags.append(tag)
        prev2, prev = prev, tag
    return tags


def _score_then_label(item: tuple[str, float]) -> tuple[float, str]:
    return item[1], item[0]


def tag_sentences(text: str, sentences: tuple[Sentence, ...], tagger: PerceptronTagger) -> tuple[tuple[Token, ...], ...]:
    """The tagged tokens of each sentence, in the order of ``sentences``."""
    return tuple(tuple(tag(tokenize(text, s.start, s.end), tagger)) for s in sentences)


def _corrected(word: str, pos: str, after: str) -> str:
    """Names the tagger misreads: an all-capital word read as a pronoun ("US reports", not "us"); a capitalized word
    read as an adverb or a base verb ("Fischer admits"); a capitalized adjective heading its phrase ("The Italian,")."""
    if pos == "PRP" and len(word) > 1 and word.isupper():
        return "NNP"
    titled = word[:1].isupper() and word[1:2].islower()
    if titled and (pos in ("RB", "VB", "VBP") or pos == "JJ" and not after.startswith(("NN", "JJ"))):
        return "NNP"
    return pos
