"""TextBlob's sentiment of a sentence (``TextBlob(s).sentiment`` and its assessments), read from plain dictionaries.

TextBlob's ``PatternAnalyzer`` runs the pattern sentiment of ``textblob.en``: its tokenizer, then ``assessments`` over
the lower-cased words, looking each word up in a lazily loaded dictionary (a Python call per lookup) and, for every
short word that is not a letter word ("2024", "U.S."), lower-casing each of its emoticons. ``PatternLexicon`` takes
the same data once (the lexicon's part-of-speech-free scores, the modifiers, the labels, the emoticons lower-cased,
first type first) and runs the same steps, in the same order, on the same tokens: the same polarity, subjectivity
and assessments, for every sentence (tests/test_textblob.py compares them with TextBlob's).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textblob._text import EMOTICONS, IRONY, MOOD, PUNCTUATION
from textblob.en import sentiment as pattern_sentiment
from textblob.en import tokenize

#: One assessment, as TextBlob gives it: the words ("not", "very", "good"), polarity, subjectivity, label.
Assessment = tuple[list[str], float, float, str | None]


@dataclass(frozen=True)
class PatternScore:
    """TextBlob's sentiment of a sentence: mean polarity and subjectivity of its assessments, and the assessments."""

    polarity: float
    subjectivity: float
    assessments: list[Assessment]


@dataclass(frozen=True)
class PatternLexicon:
    """The data of TextBlob's pattern sentiment: each word's (polarity, subjectivity, intensity) averaged over its
    parts of speech, the words that can modify the next (an adverb sense), labels, emoticons, negations, tokenizer."""

    scores: dict[str, tuple[float, float, float]]
    modifiers: frozenset[str]
    labels: dict[str, str]
    emoticons: dict[str, float]
    negations: tuple[str, ...]
    tokenizer: Callable[[str], list[str]]

    @classmethod
    def of_textblob(cls) -> PatternLexicon:
        """The data of ``textblob.en.sentiment`` (loaded now if it was not); its tokenizer through ``textblob.en.tokenize``
        (the same call, by a module function: the lexicon pickles)."""
        source = pattern_sentiment
        len(source)  # loads the lexicon
        words = dict(dict.items(source))
        emoticons: dict[str, float] = {}
        for (_, polarity), forms in EMOTICONS.items():
            for form in forms:
                emoticons.setdefault(form.lower(), polarity)
        return cls({w: tuple(senses[None]) for w, senses in words.items()},
                   frozenset(w for w, senses in words.items() if any(map(senses.__contains__, source.modifiers))),
                   dict(source.labeler), emoticons, tuple(source.negations), tokenize)

    def __call__(self, sentence: str) -> PatternScore:
        """``PatternAnalyzer``'s sentiment of ``sentence``, with its assessments."""
        assessments = self.assessments([w.lower() for w in " ".join(self.tokenizer(sentence)).split()])
        return PatternScore(_mean([p for _, p, _, _ in assessments]), _mean([s for _, _, s, _ in assessments]),
                            assessments)

    def assessments(self, words: list[str]) -> list[Assessment]:
        """TextBlob's ``Sentiment.assessments`` of lower-cased words (no part-of-speech tags): a known word, with the
        modifier ("very") and negation ("not") before it, its polarity and subjectivity; "!" boosts the word before;
        emoticons and "(!)" score on their own."""
        scores, negations = self.scores, self.negations
        found: list[dict] = []
        modifier: str | None = None
        negation: str | None = None
        for w in words:
            if w in scores:
                p, s, i = scores[w]
                if modifier is None:
                    found.append({"w": [w], "p": p, "s": s, "i": i, "n": 1, "x": self.labels.get(w)})
                else:
                    last = found[-1]
                    last["w"].append(w)
                    last["p"] = max(-1.0, min(p * last["i"], +1.0))
                    last["s"] = max(-1.0, min(s * last["i"], +1.0))
                    last["i"] = i
                    last["x"] = self.labels.get(w)
                if negation is not None:
                    found[-1]["w"].insert(0, negation)
                    found[-1]["i"] = 1.0 / found[-1]["i"]
                    found[-1]["n"] = -1
                modifier = w if w in self.modifiers else None
                negation = w if w in negations else None
                continue
            if w in negations:
                negation = w
            elif negation and len(w.strip("'")) > 1:
                negation = None
            if negation is not None and modifier is not None and modifier.endswith("ly"):
                found[-1]["w"].append(negation)
                found[-1]["n"] = -1
                negation = None
            elif modifier and len(w) > 2:
                modifier = None
            if w == "!" and found:
                found[-1]["w"].append("!")
                found[-1]["p"] = max(-1.0, min(found[-1]["p"] * 1.25, +1.0))
            if w == "(!)":
                found.append({"w": [w], "p": 0.0, "s": 1.0, "i": 1.0, "n": 1, "x": IRONY})
            if not w.isalpha() and len(w) <= 5 and w not in PUNCTUATION and w in self.emoticons:
                found.append({"w": [w], "p": self.emoticons[w], "s": 1.0, "i": 1.0, "n": 1, "x": MOOD})
        return [(a["w"], a["p"] * -0.5 if a["n"] < 0 else a["p"], a["s"], a["x"]) for a in found]


def _mean(values: list[float]) -> float:
    """TextBlob's mean of scores: their sum from 0 in order, over their number (0 for none)."""
    total = 0
    for value in values:
        total += 1 * value
    return total / float(len(values) or 1)
