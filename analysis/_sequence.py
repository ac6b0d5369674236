"""Attribution as token labels: a linear-chain CRF (python-crfsuite) that marks each token of a paragraph as part of a
source, a cue or a content (BIO per role), learned from PolNeAR (Newell, Margolin and Ruths 2018), whose annotation is
univocal: each token belongs to at most one relation, so one tag sequence holds them all.

The unit labelled is a paragraph (its sentences' tokens in order), so that a content may run over several sentences.
The features of a token are its word, its stem, suffixes, shape and part of speech, those of its neighbours, whether it
is a cue of ``data/cues.tsv`` (and which kind and class), the quote marks, whether it lies inside, before or after its
sentence's quotes, its place in the sentence, whether its sentence holds a quote and a cue word, and how far the
nearest cue word is. ``evaluation/train_attribution.py`` (``make train``) fits the weights shipped in
``models/attribution.crfsuite`` from PolNeAR's dev part; ``models/attribution.txt`` says how.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources as package_files
from typing import NamedTuple

import pycrfsuite

from ._model import Quote, Token

Role = str  # "source", "cue" or "content"
ROLES: tuple[Role, ...] = ("source", "cue", "content")
OUTSIDE = "O"
MODEL_FILE = "attribution.crfsuite"
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
class AttributionModel:
    """The CRF's weights (the bytes of a crfsuite model file), opened once per process when first used."""

    model: bytes = field(repr=False)
    _opened: list = field(default_factory=list, repr=False, compare=False)

    def tag(self, features: list[list[str]]) -> list[str]:
        if not self._opened:
            tagger = pycrfsuite.Tagger()
            tagger.open_inmemory(self.model)
            self._opened.append(tagger)
        return self._opened[0].tag(features)

    def cue_probability(self, first: int, last: int) -> float:
        """The least probability, over tokens ``first`` to ``last`` of the sequence last tagged, that the token is
        part of a cue (its B-cue and I-cue marginals)."""
        tagger = self._opened[0]
        return min(tagger.marginal("B-cue", i) + tagger.marginal("I-cue", i) for i in range(first, last + 1))

    def __getstate__(self) -> dict:
        return {"model": self.model}

    def __setstate__(self, state: dict) -> None:
        object.__setattr__(self, "model", state["model"])
        object.__setattr__(self, "_opened", [])


def load_attribution_model() -> AttributionModel:
    """The shipped weights (``analysis/models/attribution.crfsuite``)."""
    return AttributionModel(package_files.files("analysis").joinpath("models", MODEL_FILE).read_bytes())


def cue_marks(words: Sequence[str], sequences: dict, longest: int) -> list[str]:
    """For each word, the kind and class of the cue of ``data/cues.tsv`` it begins or continues, else ""."""
    marks = [""] * len(words)
    i = 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            entries = sequences.get(tuple(words[i:i + size]))
            if entries is not None:
                entry = entries[0]
                marks[i] = f"{entry.kind}:{entry.cls}"
                for j in range(i + 1, i + size):
                    marks[j] = f"in:{entry.kind}"
                i += size - 1
                break
        i += 1
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
    words = [_word_items(t.text, t.tag) for t in tokens]
    places: list[tuple[int, int, int]] = []  # (sentence number, index in sentence, sentence length)
    for number, sentence in enumerate(sentences):
        places.extend((number, k, len(sentence)) for k in range(len(sentence)))
    inside = [int(q) for q in _inside_quotes(tokens, quotes)]
    left, right = _cue_distances(cues, places)
    sides = _quote_sides(sentences, inside, cues)
    marks = [_mark_items(cue, q) for cue, q in zip(cues, inside)]
    pairs = [_tag_pair_items(a.tag, b.tag) for a, b in zip(words, words[1:])]
    n = len(tokens)
    rows = []
    for i, word in enumerate(words):
        number, k, length = places[i]
        row = [*word.own, *_place_items(word.tag, cues[i], inside[i], left[i], right[i], min(number, 2), min(k, 3),
                                        min(length - k - 1, 3))]
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < n:
                row += words[j].seen[offset]
                row += marks[j][offset]
                if offset in (-1, 1):
                    row.append(words[j].shape_seen[offset])
            else:
                row.append(_EDGES[offset])
        if i > 0:
            row += [pairs[i - 1][0], f"w-1|w={words[i - 1].lower}|{word.lower}"]
        if i + 1 < n:
            row += [pairs[i][1], f"w|w+1={word.lower}|{words[i + 1].lower}"]
        if i >= 3:
            row.append(words[i - 3].far_seen[-3])
        if i + 3 < n:
            row.append(words[i + 3].far_seen[3])
        row.append(word.stem)
        row += _side_items(*sides[i], word.tag)
        rows.append(row)
    return rows


# The features are strings built once for each value they are built from, and memoised (words repeat; the other
# values are few): a paragraph's tokens share them.
_MEMO = 1 << 12
_EDGES = {offset: f"{offset}edge" for offset in (-2, -1, 1, 2)}


class _WordItems(NamedTuple):
    """The features a token's word and part of speech give (see :func:`_word_items`)."""

    lower: str
    tag: str
    own: tuple[str, ...]  # its word, suffixes, part of speech and shape
    stem: str
    seen: dict[int, tuple[str, str]]  # what the token ``offset`` places away sees of it: its word, part of speech
    shape_seen: dict[int, str]  # and, one place away, its shape
    far_seen: dict[int, str]  # three places away, its word


@lru_cache(maxsize=_MEMO)
def _word_items(text: str, tag: str) -> _WordItems:
    """The features of a token that depend on its text and part of speech only."""
    word, shape = text.lower(), _shape(text)
    return _WordItems(word, tag, (f"w={word}", f"s3={word[-3:]}", f"s2={word[-2:]}", f"pos={tag}", f"shape={shape}"),
                      f"stem={_stem(word)}", {offset: (f"{offset}w={word}", f"{offset}pos={tag}") for offset in (-2, -1, 1, 2)},
                      {offset: f"{offset}shape={shape}" for offset in (-1, 1)},
                      {offset: f"{offset}w={word}" for offset in (-3, 3)})


@lru_cache(maxsize=_MEMO)
def _place_items(pos: str, cue: str, q: int, left: str, right: str, sentence: int, at: int, after: int) -> tuple[str, ...]:
    """A token's features of its cue mark, quotes, nearest cue words and place in its sentence and paragraph."""
    return (f"cue={cue}", f"q={q}", f"cueL={left}", f"cueR={right}", f"sent={sentence}", f"at={at}", f"left={after}",
            f"pos|cue={pos}|{cue}", f"q|cueL|cueR={q}|{left}|{right}")


@lru_cache(maxsize=_MEMO)
def _mark_items(cue: str, q: int) -> dict[int, tuple[str, ...]]:
    """What the token ``offset`` places away sees of a token's cue mark and, one place away, whether it is quoted."""
    return {offset: (f"{offset}cue={cue}", f"{offset}q={q}") if offset in (-1, 1) else (f"{offset}cue={cue}",)
            for offset in (-2, -1, 1, 2)}


@lru_cache(maxsize=_MEMO)
def _tag_pair_items(first: str, second: str) -> tuple[str, str]:
    """Two neighbours' parts of speech, as the second token and the first see them."""
    return f"pos-1|pos={first}|{second}", f"pos|pos+1={first}|{second}"


@lru_cache(maxsize=_MEMO)
def _side_items(side: str, held: str, pos: str) -> tuple[str, str, str]:
    """A token's place to its sentence's quotes and what its sentence holds (see :func:`_quote_sides`)."""
    return f"sq|sc={held}", f"qpos={side}", f"qpos|pos={side}|{pos}"


def _stem(word: str) -> str:
    """The word without a verb or plural ending ("praises", "praised", "praising" → "prais"): cues the lexicon lacks
    share their weights over their forms."""
    for ending in _ENDINGS:
        if len(word) > len(ending) + 2 and word.endswith(ending):
            return word[:-len(ending)]
    return word


def _quote_sides(sentences: Sequence[Sequence[Token]], inside: list[int], cues: list[str]) -> list[tuple[str, str]]:
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
