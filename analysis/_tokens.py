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

import numpy as np
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


class Tagger:
    """NLTK's averaged perceptron (``perceptron``) and, filled as words come, each of its features' weights as one
    row over the classes (at most one row per feature of the model: the table is bounded by it)."""

    def __init__(self, perceptron: PerceptronTagger) -> None:
        self.perceptron = perceptron
        #: The classes in descending order: the first of the highest scores is the greatest label, as in NLTK's ties.
        self.classes = sorted(perceptron.classes, reverse=True)
        self._column = {label: k for k, label in enumerate(self.classes)}
        self._rows: dict[str, np.ndarray] = {}
        #: The row of a feature already read, else None (then ``row`` reads it from the model).
        self.known = self._rows.get

    def row(self, feature: str) -> np.ndarray | None:
        """The weights of ``feature`` over ``classes`` (0.0 for a class it does not score), None for a feature the
        model does not have (not kept: the table holds features of the model only, whatever the corpus)."""
        row = self._rows.get(feature)
        if row is None:
            weights = self.perceptron.model.weights.get(feature)
            if not weights:
                return None
            row = self._rows[feature] = np.zeros(len(self.classes))
            for label, weight in weights.items():
                row[self._column[label]] = weight
        return row

    def __getstate__(self) -> dict:
        return {"perceptron": self.perceptron}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["perceptron"])  # type: ignore[misc]


def load_tagger() -> Tagger:
    """The averaged-perceptron tagger with the weights of the ``textblob-aptagger`` package."""
    spec = importlib.util.find_spec("textblob_aptagger")  # located, not imported: its module no longer imports
    folder = Path(next(iter(spec.submodule_search_locations)))  # type: ignore[union-attr]
    data = (folder / "trontagger-0.1.0.pickle").read_bytes()
    weights, tagdict, classes = pickle.loads(data)  # noqa: S301 - the weights of a declared dependency
    perceptron = PerceptronTagger(load=False)
    perceptron.model.weights = weights
    perceptron.tagdict = tagdict
    perceptron.classes = perceptron.model.classes = set(classes)
    return Tagger(perceptron)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The untagged tokens of ``text[start:end]``."""
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text, start, len(text) if end is None else end)]


def tag_sentences(text: str, sentences: tuple[Sentence, ...], tagger: Tagger) -> tuple[tuple[Token, ...], ...]:
    """The tagged tokens of each sentence, in the order of ``sentences``."""
    return tuple(_tagged(list(_TOKEN_RE.finditer(text, s.start, s.end)), tagger) for s in sentences)


def _tagged(matches: list[re.Match[str]], tagger: Tagger) -> tuple[Token, ...]:
    """The tokens of one sentence (``_TOKEN_RE``'s matches) with their part-of-speech tags."""
    words = [m.group() for m in matches]
    tags = tag_words([_PTB.get(w, w) for w in words], tagger)
    following = [*tags[1:], "."]
    return tuple(Token(m.start(), m.end(), word, _corrected(word, pos, after))
                 for m, word, pos, after in zip(matches, words, tags, following))


def tag_words(words: list[str], tagger: Tagger) -> list[str]:
    """The tags of ``words``: NLTK's averaged perceptron ``tag`` (same features, same sums in the same order, same
    ties), with each feature's weights read as one row over the classes: a class a feature does not score adds 0.0,
    which leaves every sum as NLTK's (and gives an unscored class the 0.0 NLTK gives it)."""
    perceptron = tagger.perceptron
    tagdict, normalize, classes = perceptron.tagdict, perceptron.normalize, tagger.classes
    known, row = tagger.known, tagger.row
    context = ["-START-", "-START2-", *map(normalize, words), "-END-", "-END2-"]
    prev, prev2 = "-START-", "-START2-"
    tags = []
    for i, word in enumerate(words):
        tag = tagdict.get(word)
        if not tag:
            here, before, after = context[i + 2], context[i + 1], context[i + 3]
            features = ("bias", "i suffix " + word[-3:], "i pref1 " + word[:1], "i-1 tag " + prev, "i-2 tag " + prev2,
                        f"i tag+i-2 tag {prev} {prev2}", "i word " + here, f"i-1 tag+i word {prev} {here}",
                        "i-1 word " + before, "i-1 suffix " + before[-3:], "i-2 word " + context[i],
                        "i+1 word " + after, "i+1 suffix " + after[-3:], "i+2 word " + context[i + 4])
            rows = [r for f in features if (r := known(f)) is not None or (r := row(f)) is not None]
            # the rows added one after the other, in feature order (a reduction along the first axis)
            tag = classes[int(np.add.reduce(rows).argmax())] if rows else classes[0]
        tags.append(tag)
        prev2, prev = prev, tag
    return tags


def _corrected(word: str, pos: str, after: str) -> str:
    """Names the tagger misreads: an all-capital word read as a pronoun ("US reports", not "us"); a capitalized word
    read as an adverb or a base verb ("Fischer admits"); a capitalized adjective heading its phrase ("The Italian,")."""
    if pos == "PRP" and len(word) > 1 and word.isupper():
        return "NNP"
    titled = word[:1].isupper() and word[1:2].islower()
    if titled and (pos in ("RB", "VB", "VBP") or pos == "JJ" and not after.startswith(("NN", "JJ"))):
        return "NNP"
    return pos
