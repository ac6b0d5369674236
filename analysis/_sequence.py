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

A paragraph is tagged from each feature's number in the model rather than its string (:func:`_feature_numbers`):
the label scores of each token are summed as crfsuite sums them, and crfsuite labels the paragraph from them
(``_crf.CRFWeights``): the same labels and probabilities as crfsuite's tagger given the features' strings.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources as package_files
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from ._crf import CRFWeights, PairNumbers, attribute_columns
from ._data import read_tsv
from ._model import Quote, Token

if TYPE_CHECKING:
    import pycrfsuite

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
#: A stem seen at least ``RARE_USES`` times in the dev part and part of a cue in at most ``RARE`` of them is rarely a
#: cue ("closed": 3 of 60): a model cue of such words only, with no word of ``data/cues.tsv``, is no cue.
RARE = 0.05
RARE_USES = 20
_QUOTE_MARKS = frozenset("\"“”‘’'«»„`")
_FAR = 6
#: The cue distances as features write them, by distance (capped at ``_FAR``).
_DISTANCES = tuple(str(d) for d in range(_FAR + 1))
_ENDINGS = ("ing", "ed", "es", "s")
#: Entries of the memo of each word's attribute numbers: the common words of a corpus.
_MEMO = 1 << 12


@dataclass(frozen=True)
class LabelledSpan:
    """A run of tokens with one role: ``first`` and ``last`` index the paragraph's tokens."""

    role: Role
    first: int
    last: int


@dataclass(frozen=True)
class Tagging:
    """The CRF's labels of one sequence and, for each token, the probability that it is part of a cue (its B-cue and
    I-cue marginals)."""

    labels: list[str]
    cue_marginals: list[float]

    def cue_probability(self, span: LabelledSpan) -> float:
        """The least probability, over the tokens of a cue span, that the token is part of a cue."""
        return min(self.cue_marginals[span.first:span.last + 1])


@dataclass(frozen=True)
class AttributionModel:
    """The CRF's weights (the bytes of a crfsuite model file), opened once per process when first used, the word
    stems that its training data marks as part of a cue in more than ``OFTEN`` of their uses, and those it marks so
    in at most ``RARE`` of ``RARE_USES`` or more."""

    model: bytes = field(repr=False)
    cue_stems: frozenset[str] = field(default_factory=frozenset, repr=False)
    rare_stems: frozenset[str] = field(default_factory=frozenset, repr=False)

    def tag(self, features: list[list[str]]) -> Tagging:
        """The labels of one sequence (a paragraph's tokens, each with its feature strings) and how sure the model is
        of its cue tokens."""
        numbers = self._weights.numbers
        return self._tagging(attribute_columns([[n for f in row if (n := numbers.get(f))] for row in features]))

    def tag_paragraph(self, sentences: Sequence[Sequence[Token]], quotes: Sequence[Quote], cues: list[str]) -> Tagging:
        """The labels of a paragraph's tokens: ``tag(paragraph_features(sentences, quotes, cues))``, with the
        features read as the model's attribute numbers, without their strings."""
        return self._tagging(_feature_numbers(sentences, quotes, cues, self._numbers))

    def _tagging(self, attributes: np.ndarray) -> Tagging:
        """The labels of a sequence whose tokens have the attribute numbers of the columns of ``attributes`` (0:
        none), and the cue marginals of every token."""
        tagger = self._tagger
        labels = tagger.tag(self._weights.scores(attributes)) if attributes.shape[1] else []
        cue = [tagger.marginal("B-cue", i) + tagger.marginal("I-cue", i) for i in range(len(labels))]
        return Tagging(labels, cue)

    @cached_property
    def _weights(self) -> CRFWeights:
        return CRFWeights(self.model)

    @cached_property
    def _numbers(self) -> _FeatureNumbers:
        return _FeatureNumbers(self._weights.numbers)

    @cached_property
    def _tagger(self) -> pycrfsuite.Tagger:
        return self._weights.tagger()

    def often_a_cue(self, word: str) -> bool:
        """Whether PolNeAR's dev part marks the stem of ``word`` (lower case) as part of a cue in more than ``OFTEN``
        of its uses ("refuses", "asked", "criticism")."""
        return stem(word) in self.cue_stems

    def rarely_a_cue(self, word: str) -> bool:
        """Whether PolNeAR's dev part has seen the stem of ``word`` (lower case) at least ``RARE_USES`` times and marks
        it as part of a cue in at most ``RARE`` of them ("closed", "won")."""
        return stem(word) in self.rare_stems

    def __getstate__(self) -> dict:
        return {"model": self.model, "cue_stems": self.cue_stems, "rare_stems": self.rare_stems}

    def __setstate__(self, state: dict) -> None:
        object.__setattr__(self, "model", state["model"])
        object.__setattr__(self, "cue_stems", state["cue_stems"])
        object.__setattr__(self, "rare_stems", state["rare_stems"])


def load_attribution_model() -> AttributionModel:
    """The shipped weights (``analysis/models/attribution.crfsuite``) and cue rates (``attribution_cue_rates.tsv``)."""
    models = package_files.files("analysis").joinpath("models")
    rows = read_tsv(models.joinpath(RATES_FILE).read_text(encoding="utf-8"))[1]
    often = frozenset(row["stem"] for _, row in rows if int(row["cues"]) / int(row["tokens"]) > OFTEN)
    rare = frozenset(row["stem"] for _, row in rows
                     if int(row["tokens"]) >= RARE_USES and int(row["cues"]) <= RARE * int(row["tokens"]))
    return AttributionModel(models.joinpath(MODEL_FILE).read_bytes(), often, rare)


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


class _Shapes(dict):
    """A memo of ``_shape`` by word (words repeat; it starts again past ``_MEMO`` words)."""

    def __missing__(self, word: str) -> str:
        if len(self) >= _MEMO:
            self.clear()
        shape = self[word] = _shape(word)
        return shape


_SHAPES = _Shapes()


class _Columns(NamedTuple):
    """What the features of a paragraph's tokens read, one list per column, in token order (``lengths``: the tokens
    of each sentence)."""

    words: list[str]
    tags: list[str]
    shapes: list[str]
    lengths: list[int]
    inside: list[int]  # 1 inside a quote
    left: list[str]
    right: list[str]
    sides: list[str]  # where the token stands to its sentence's quotes
    held: list[str]  # what its sentence holds


def _columns(sentences: Sequence[Sequence[Token]], quotes: Sequence[Quote], cues: list[str]) -> _Columns:
    tokens = [t for sentence in sentences for t in sentence]
    lengths = [len(sentence) for sentence in sentences]
    quoted = _inside_quotes(tokens, quotes)
    heads = [i for i, cue in enumerate(cues) if cue and not cue.startswith("in:")]
    left, right = _cue_distances(len(cues), heads, lengths)
    return _Columns([t.text.lower() for t in tokens], [t.tag for t in tokens],
                    list(map(_SHAPES.__getitem__, [t.text for t in tokens])), lengths, list(map(int, quoted)), left,
                    right, *_quote_sides(lengths, quoted, heads))


def _places(lengths: list[int]) -> list[tuple[int, int, int]]:
    """Each token's (sentence number, index in its sentence, sentence length)."""
    return [(number, k, n) for number, n in enumerate(lengths) for k in range(n)]


def paragraph_features(sentences: Sequence[Sequence[Token]], quotes: Sequence[Quote],
                       cues: list[str]) -> list[list[str]]:
    """The features of every token of a paragraph (its sentences' tokens in order); ``cues`` from :func:`cue_marks`
    over the same tokens. (:func:`_feature_numbers` gives the same features as the model's attribute numbers.)"""
    words, tags, shapes, lengths, inside, left, right, sides, helds = _columns(sentences, quotes, cues)
    places = _places(lengths)
    n = len(words)
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
        side, held = sides[i], helds[i]
        row += [f"stem={stem(word)}", f"sq|sc={held}", f"qpos={side}", f"qpos|pos={side}|{pos}"]
        rows.append(row)
    return rows


class _Numbers(dict):
    """The attribute number of the feature ``prefix`` + value (values joined by "|"; 0 when the model lacks it),
    by value."""

    def __init__(self, numbers: dict[str, int], prefix: str) -> None:
        super().__init__()
        self.numbers, self.prefix = numbers, prefix

    def __missing__(self, value: object) -> int:
        text = "|".join(map(str, value)) if isinstance(value, tuple) else str(value)
        number = self[value] = self.numbers.get(self.prefix + text, 0)
        return number


#: The features of a word alone, in the order of ``_FeatureNumbers.word``'s tuple (after the own word's "w=", "s3=",
#: "s2=" and "stem=": the word seen from its neighbours).
_WORD_PREFIXES = ("w=", "s3=", "s2=", "stem=", "-2w=", "-1w=", "1w=", "2w=", "-3w=", "3w=")


class _FeatureNumbers:
    """The model's attribute numbers (``numbers``) of the features of ``paragraph_features``, looked up by value: one
    table per feature of few values, a memo of the ten features of each word and the two word pairs' tables."""

    def __init__(self, numbers: dict[str, int]) -> None:
        self.numbers = numbers
        self._words: dict[str, tuple[int, ...]] = {}
        (self.pos, self.shape, self.cue, self.q, self.cue_left, self.cue_right, self.sentence, self.at, self.left,
         self.pos_cue, self.quote_cues, self.pos_before, self.pos_after, self.held, self.side, self.side_pos) = (
            _Numbers(numbers, f"{name}=") for name in ("pos", "shape", "cue", "q", "cueL", "cueR", "sent", "at", "left",
                                                        "pos|cue", "q|cueL|cueR", "pos-1|pos", "pos|pos+1", "sq|sc",
                                                        "qpos", "qpos|pos"))
        self.around = {offset: tuple(_Numbers(numbers, f"{offset}{name}=") for name in ("pos", "cue", "q", "shape"))
                       for offset in (-2, -1, 1, 2)}
        self.edge = {offset: numbers.get(f"{offset}edge", 0) for offset in (-2, -1, 1, 2)}
        self.bigram_before, self.bigram_after = PairNumbers(numbers, "w-1|w="), PairNumbers(numbers, "w|w+1=")

    def word(self, word: str) -> tuple[int, ...]:
        """The numbers of the features of ``_WORD_PREFIXES`` for ``word``."""
        found = self._words.get(word)
        if found is None:
            if len(self._words) >= _MEMO:
                self._words.clear()
            get = self.numbers.get
            values = (word, word[-3:], word[-2:], stem(word), *[word] * 6)
            found = self._words[word] = tuple(get(p + v, 0) for p, v in zip(_WORD_PREFIXES, values))
        return found


def _feature_numbers(sentences: Sequence[Sequence[Token]], quotes: Sequence[Quote], cues: list[str],
                     table: _FeatureNumbers) -> np.ndarray:
    """The attribute numbers of the features of :func:`paragraph_features` (0 for a feature the model lacks or a
    token does not have), one row per feature and one column per token: a token's column holds its features'
    numbers in the order of its list of strings there, read from the tables of ``table`` a feature at a time."""
    words, tags, shapes, lengths, inside, left, right, side, held = _columns(sentences, quotes, cues)
    own = [list(column) for column in zip(*map(table.word, words))]  # the ten of _WORD_PREFIXES, each over the tokens
    rows = [own[0], own[1], own[2], _read(table.pos, tags), _read(table.shape, shapes), _read(table.cue, cues),
            _read(table.q, inside), _read(table.cue_left, left), _read(table.cue_right, right),
            *_place_numbers(lengths, table), _read(table.pos_cue, zip(tags, cues)),
            _read(table.quote_cues, zip(inside, left, right))]
    for offset, seen in ((-2, 4), (-1, 5), (1, 6), (2, 7)):
        tag_of, cue_of, quote_of, shape_of = table.around[offset]
        rows += [_shifted(own[seen], offset, table.edge[offset]), _shifted(_read(tag_of, tags), offset, 0),
                 _shifted(_read(cue_of, cues), offset, 0)]
        if offset in (-1, 1):
            rows += [_shifted(_read(quote_of, inside), offset, 0), _shifted(_read(shape_of, shapes), offset, 0)]
    pairs = list(zip(tags, tags[1:]))
    rows += [[0, *_read(table.pos_before, pairs)], [0, *table.bigram_before.of(words)],
             [*_read(table.pos_after, pairs), 0], [*table.bigram_after.of(words), 0], _shifted(own[8], -3, 0),
             _shifted(own[9], 3, 0), own[3], _read(table.held, held), _read(table.side, side),
             _read(table.side_pos, zip(side, tags))]
    return np.array(rows, dtype=np.intp) if words else np.zeros((len(rows), 0), dtype=np.intp)


def _place_numbers(lengths: list[int], table: _FeatureNumbers) -> tuple[list[int], list[int], list[int]]:
    """The numbers of the features of each token's place ("sent=", "at=", "left=": its sentence's number, its index
    in the sentence and the tokens after it there, each capped), a sentence at a time."""
    sentence: list[int] = []
    at: list[int] = []
    left: list[int] = []
    firsts, lasts = [table.at[k] for k in range(4)], [table.left[k] for k in range(4)]
    for number, n in enumerate(lengths):
        sentence += [table.sentence[min(number, 2)]] * n
        at += _capped(firsts, n)
        left += _capped(lasts, n)[::-1]
    return sentence, at, left


def _capped(numbers: list[int], n: int) -> list[int]:
    """``numbers[min(k, 3)]`` for k in 0 … n - 1."""
    return numbers[:n] if n <= 3 else [*numbers[:3], *[numbers[3]] * (n - 3)]


def _read(table: _Numbers, values: Iterable[object]) -> list[int]:
    """The attribute numbers of ``values`` in ``table``."""
    return list(map(table.__getitem__, values))


def _shifted(column: list[int], offset: int, fill: int) -> list[int]:
    """At each index i, ``column[i + offset]``, or ``fill`` where ``i + offset`` is outside the column."""
    n = len(column)
    if offset < 0:
        return ([fill] * -offset + column[:offset])[:n]
    return (column[offset:] + [fill] * offset)[:n]


def stem(word: str) -> str:
    """The word without a verb or plural ending ("praises", "praised", "praising" → "prais"): cues the lexicon lacks
    share their weights over their forms."""
    if not word.endswith(_ENDINGS):  # most words: one test
        return word
    for ending in _ENDINGS:
        if len(word) > len(ending) + 2 and word.endswith(ending):
            return word[:-len(ending)]
    return word


def _quote_sides(lengths: list[int], inside: list[bool], heads: list[int]) -> tuple[list[str], list[str]]:
    """For each token, where it stands to its sentence's quotes ("none", "before" the first, "in" them, "after" the
    last) and what its sentence holds (a quote, a cue word of ``data/cues.tsv``, whose first words are at ``heads``:
    "quote|cue" as two 0/1 digits)."""
    sides: list[str] = []
    held: list[str] = []
    start = 0
    for n in lengths:
        end = start + n
        quoted = inside[start:end]
        cued = bisect_left(heads, start) < bisect_left(heads, end)
        if True in quoted:
            first, last = quoted.index(True), n - 1 - quoted[::-1].index(True)
            sides += [*["before"] * first, *["in"] * (last - first + 1), *["after"] * (n - last - 1)]
        else:
            sides += ["none"] * n
        held += [f"{int(True in quoted)}|{int(cued)}"] * n
        start = end
    return sides, held


def _inside_quotes(tokens: list[Token], quotes: Sequence[Quote]) -> list[bool]:
    """For each token (in text order), whether it starts inside one of the quotes (which never overlap)."""
    if not quotes:
        return [False] * len(tokens)
    ordered = sorted((q.start, q.end) for q in quotes)
    inside, k = [], 0
    for token in tokens:
        while k < len(ordered) and ordered[k][1] <= token.start:
            k += 1
        inside.append(k < len(ordered) and ordered[k][0] <= token.start)
    return inside


def _cue_distances(n: int, heads: list[int], lengths: list[int]) -> tuple[list[str], list[str]]:
    """For each of the ``n`` tokens, how many tokens back (left) and ahead (right) the nearest cue word of its
    sentence (the first words of cues are at ``heads``, in order) is, capped; "none" when its sentence has none on
    that side."""
    left, right = ["none"] * n, ["none"] * n
    start = 0
    for length in lengths:
        end = start + length
        here = heads[bisect_left(heads, start):bisect_left(heads, end)]
        for before, head, after in zip([start, *here], here, [*here[1:], end - 1]):
            left[head + 1:after + 1] = _distances(after - head)
            right[before:head] = _distances(head - before)[::-1]
        start = end
    return left, right


def _distances(n: int) -> list[str]:
    """The distances 1 … n as ``_DISTANCES`` writes them."""
    return [*_DISTANCES[1:n + 1], *[_DISTANCES[_FAR]] * (n - _FAR)]


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
