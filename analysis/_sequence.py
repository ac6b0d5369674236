"""Attribution as token labels: a linear-chain CRF (python-crfsuite) that marks each token of a paragraph as part of a
source, a cue or a content (BIO per role), learned from PolNeAR (Newell, Margolin and Ruths 2018), whose annotation is
univocal: each token belongs to at most one relation, so one tag sequence holds them all.

The unit labelled is a paragraph (its sentences' tokens in order), so that a content may run over several sentences.
The features of a token are its word, its stem, suffixes, shape and part of speech, those of its neighbours, whether it
is a cue of ``data/cues.tsv`` (and which kind and class), the quote marks, whether it lies inside, before or after its
sentence's quotes, its place in the sentence, whether its sentence holds a quote and a cue word, and how far the
nearest cue word is. ``evaluation/train_attribution.py`` (``make train``) fits the weights shipped in
``models/attribution.crfsuite`` from PolNeAR's dev part; ``models/attribution.txt`` says how. It also writes
``models/attribution_cue_rates.tsv``: how often each word stem is part of a cue there, so that a word such as
"refuses" or "criticism", in no word list, counts as a cue word where the model's relations are checked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources as package_files
from typing import TYPE_CHECKING

import pycrfsuite

from ._data import read_tsv
from ._model import Quote, Token

if TYPE_CHECKING:
    from ._attribution import CueTable

Role = str  # "source", "cue" or "content"
ROLES: tuple[Role, ...] = ("source", "cue", "content")
OUTSIDE = "O"
MODEL_FILE = "attribution.crfsuite"
RATES_FILE = "attribution_cue_rates.tsv"
#: The fewest tokens of a stem for a cue rate (the share of its tokens marked as part of a cue) at all.
RATE_LEAST = 3
#: The cue rate above which a stem counts as a cue word.
OFTEN = 0.35
_QUOTE_MARKS = frozenset("\"“”‘’'«»„`")
_FAR = 6
_ENDINGS = ("ing", "ed", "es", "s")


@dataclass(frozen=True)
class LabelledSpan:
    """A run of tokens with one role: ``first`` and ``last`` index the paragraph's tokens."""

    role: Role
    first: int
    last: int


@dataclass(frozen=True)
class Tagging:
    """The CRF's labels of one sequence and, for each token labelled part of a cue, the probability that it is (its
    B-cue and I-cue marginals; 0 for the other tokens)."""

    labels: list[str]
    cue_marginals: list[float]

    def cue_probability(self, span: LabelledSpan) -> float:
        """The least probability, over the tokens of a cue span, that the token is part of a cue."""
        return min(self.cue_marginals[span.first:span.last + 1])


@dataclass(frozen=True)
class AttributionModel:
    """The CRF's weights (the bytes of a crfsuite model file), opened once per process when first used, and the word
    stems that its training data marks as part of a cue in more than ``OFTEN`` of their uses."""

    model: bytes = field(repr=False)
    cue_stems: frozenset[str] = field(default_factory=frozenset, repr=False)
    _opened: list = field(default_factory=list, repr=False, compare=False)

    def tag(self, features: list[list[str]]) -> Tagging:
        """The labels of one sequence (a paragraph's tokens) and how sure the model is of its cue tokens."""
        if not self._opened:
            tagger = pycrfsuite.Tagger()
            tagger.open_inmemory(self.model)
            self._opened.append(tagger)
        tagger = self._opened[0]
        labels = tagger.tag(features)
        cue = [tagger.marginal("B-cue", i) + tagger.marginal("I-cue", i) if label.endswith("-cue") else 0.0
               for i, label in enumerate(labels)]
        return Tagging(labels, cue)

    def often_a_cue(self, word: str) -> bool:
        """Whether PolNeAR's dev part marks the stem of ``word`` (lower case) as part of a cue in more than ``OFTEN``
        of its uses ("refuses", "asked", "criticism")."""
        return stem(word) in self.cue_stems

    def __getstate__(self) -> dict:
        return {"model": self.model, "cue_stems": self.cue_stems}

    def __setstate__(self, state: dict) -> None:
        object.__setattr__(self, "model", state["model"])
        object.__setattr__(self, "cue_stems", state["cue_stems"])
        object.__setattr__(self, "_opened", [])


def load_attribution_model() -> AttributionModel:
    """The shipped weights (``analysis/models/attribution.crfsuite``) and cue rates (``attribution_cue_rates.tsv``)."""
    models = package_files.files("analysis").joinpath("models")
    rows = read_tsv(models.joinpath(RATES_FILE).read_text(encoding="utf-8"))[1]
    often = frozenset(row["stem"] for _, row in rows if int(row["cues"]) / int(row["tokens"]) > OFTEN)
    return AttributionModel(models.joinpath(MODEL_FILE).read_bytes(), often)


def cue_marks(words: Sequence[str], cues: CueTable) -> list[str]:
    """For each word, the kind and class of the cue of ``data/cues.tsv`` (``cues``) it begins or continues, else ""."""
    marks = [""] * len(words)
    for first, last, entries in cues.matches(words):
        entry = entries[0]
        marks[first] = f"{entry.kind}:{entry.cls}"
        for j in range(first + 1, last + 1):
            marks[j] = f"in:{entry.kind}"
    return marks


def _shape(word: str) -> str:
    if word[0] in _QUOTE_MARKS:
        return "quote"
    if not word[0].isalnum():
        return "punct"
    if word.isdigit():
        return "digit"
    if word.isupper():
        return "upper"
    if word[0].isupper():
        return "title"
    return "lower"


def paragraph_features(sentences: Sequence[Sequence[Token]], quotes: Sequence[Quote], cues: list[str]) -> list[list[str]]:
    """The features of every token of a paragraph (its sentences' tokens in order); ``cues`` from :func:`cue_marks`
    over the same tokens."""
    tokens = [t for sentence in sentences for t in sentence]
    words = [t.lower for t in tokens]
    tags = [t.tag for t in tokens]
    shapes = [_shape(t.text) for t in tokens]
    places: list[tuple[int, int, int]] = []  # (sentence number, index in sentence, sentence length)
    for number, sentence in enumerate(sentences):
        places.extend((number, k, len(sentence)) for k in range(len(sentence)))
    quoted = _inside_quotes(tokens, quotes)
    inside = [int(q) for q in quoted]
    left, right = _cue_distances(cues, places)
    sides = _quote_sides(sentences, quoted, cues)
    n = len(tokens)
    rows = []
    for i in range(n):
        word, pos, cue, q = words[i], tags[i], cues[i], inside[i]
        number, k, length = places[i]
        row = [f"w={word}", f"s3={word[-3:]}", f"s2={word[-2:]}", f"pos={pos}", f"shape={shapes[i]}",
               f"cue={cue}", f"q={q}", f"cueL={left[i]}", f"cueR={right[i]}",
               f"sent={min(number, 2)}", f"at={min(k, 3)}", f"left={min(length - k - 1, 3)}",
               f"pos|cue={pos}|{cue}", f"q|cueL|cueR={q}|{left[i]}|{right[i]}"]
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < n:
                row += [f"{offset}w={words[j]}", f"{offset}pos={tags[j]}", f"{offset}cue={cues[j]}"]
                if abs(offset) == 1:
                    row += [f"{offset}q={inside[j]}", f"{offset}shape={shapes[j]}"]
            else:
                row.append(f"{offset}edge")
        if i > 0:
            row += [f"pos-1|pos={tags[i - 1]}|{pos}", f"w-1|w={words[i - 1]}|{word}"]
        if i + 1 < n:
            row += [f"pos|pos+1={pos}|{tags[i + 1]}", f"w|w+1={word}|{words[i + 1]}"]
        if i >= 3:
            row.append(f"-3w={words[i - 3]}")
        if i + 3 < n:
            row.append(f"3w={words[i + 3]}")
        side, held = sides[i]
        row += [f"stem={stem(word)}", f"sq|sc={held}", f"qpos={side}", f"qpos|pos={side}|{pos}"]
        rows.append(row)
    return rows


def stem(word: str) -> str:
    """The word without a verb or plural ending ("praises", "praised", "praising" → "prais"): cues the lexicon lacks
    share their weights over their forms."""
    if not word.endswith(_ENDINGS):  # most words: one test
        return word
    for ending in _ENDINGS:
        if len(word) > len(ending) + 2 and word.endswith(ending):
            return word[:-len(ending)]
    return word


def _quote_sides(sentences: Sequence[Sequence[Token]], inside: list[bool], cues: list[str]) -> list[tuple[str, str]]:
    """For each token, where it stands to its sentence's quotes ("none", "before" the first, "in" them, "after" the
    last) and what its sentence holds (a quote, a cue word of ``data/cues.tsv``: "quote|cue" as two 0/1 digits)."""
    sides: list[tuple[str, str]] = []
    i = 0
    for sentence in sentences:
        n = len(sentence)
        quoted = [k for k in range(n) if inside[i + k]]
        cued = any(c and not c.startswith("in:") for c in cues[i:i + n])
        held = f"{int(bool(quoted))}|{int(cued)}"
        for k in range(n):
            side = "none" if not quoted else "before" if k < quoted[0] else "after" if k > quoted[-1] else "in"
            sides.append((side, held))
        i += n
    return sides


def _inside_quotes(tokens: list[Token], quotes: Sequence[Quote]) -> list[bool]:
    """For each token (in text order), whether it starts inside one of the quotes (which never overlap)."""
    ordered = sorted((q.start, q.end) for q in quotes)
    inside, k = [], 0
    for token in tokens:
        while k < len(ordered) and ordered[k][1] <= token.start:
            k += 1
        inside.append(k < len(ordered) and ordered[k][0] <= token.start)
    return inside


def _cue_distances(cues: list[str], places: list[tuple[int, int, int]]) -> tuple[list[str], list[str]]:
    """For each token, how many tokens back (left) and ahead (right) the nearest cue word of its sentence is,
    capped; "none" when its sentence has none on that side."""
    n = len(cues)
    left, right = ["none"] * n, ["none"] * n
    last = None
    for i in range(n):
        if places[i][1] == 0:
            last = None
        if last is not None:
            left[i] = str(min(i - last, _FAR))
        if cues[i] and not cues[i].startswith("in:"):
            last = i
    last = None
    for i in range(n - 1, -1, -1):
        if places[i][1] == places[i][2] - 1:
            last = None
        if last is not None:
            right[i] = str(min(last - i, _FAR))
        if cues[i] and not cues[i].startswith("in:"):
            last = i
    return left, right


def labels_to_spans(labels: Sequence[str]) -> list[LabelledSpan]:
    """The runs of one role in a BIO label sequence ("B-cue", "I-cue", "O"); an I- after another role opens a span."""
    spans: list[LabelledSpan] = []
    for i, label in enumerate(labels):
        if label == OUTSIDE:
            continue
        boundary, role = label.split("-", 1)
        if boundary == "I" and spans and spans[-1].role == role and spans[-1].last == i - 1:
            spans[-1] = LabelledSpan(role, spans[-1].first, i)
        else:
            spans.append(LabelledSpan(role, i, i))
    return spans
