"""A linear-chain CRF of crfsuite read from its model file, so that a sequence is labelled from its tokens' attribute
numbers rather than their strings: the label scores of each token are summed here as crfsuite sums them, and crfsuite
labels the sequence from those scores (:class:`CRFWeights`): the same labels and probabilities as crfsuite's tagger
given the attributes' strings. The attribution CRF (``_sequence``) and the loaded-language CRF (``_loaded_model``)
read their models this way.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Hashable, Iterable, Sequence
from itertools import zip_longest

import numpy as np
import pycrfsuite


#: Tokens whose label scores are summed at once: the rows gathered for them (features by tokens by labels) stay small,
#: so that the time and memory of a sequence grow with its length and no faster.
_BLOCK = 256


class CRFWeights:
    """A CRF's weights read from its crfsuite model file (the header, the labels' and attributes' string tables, the
    feature table and each attribute's features), and the same model with its state weights replaced so that
    crfsuite labels a sequence from label scores computed here.

    ``state`` holds one row of weights over the labels per attribute (row k for attribute number k; row 0, all zeros,
    for an attribute the model lacks): a token's label scores are its attributes' rows added one after the other from
    0.0, the sums crfsuite's tagger makes (``crf1dt_state_score``: an absent weight adds nothing, here 0.0, which
    changes no sum). ``scored``: the model file with every state weight 0.0 but one per label, 1.0, from attribute
    ``keys[k]`` to label k, and the transitions as they are: a token given only the attributes ``keys``, with its
    label scores as values, has the same label scores in crfsuite as its features give in the model, and crfsuite's
    Viterbi and marginals over them are the model's."""

    _FEATURE = np.dtype([("type", "<i4"), ("src", "<i4"), ("dst", "<i4"), ("weight", "<f8")])

    def __init__(self, model: bytes) -> None:
        if model[:4] != b"lCRF" or model[8:12] != b"FOMC":
            raise ValueError("not a crfsuite CRF1d model")
        # the offsets of the features, of the labels' and attributes' strings and of the attributes' features
        features_at, labels_at, names_at, _, refs_at = struct.unpack_from("<5I", model, 28)
        self.labels = _strings(model, labels_at)
        self.names = _strings(model, names_at)  # attribute number k - 1 for row k of ``state``
        self.numbers = {name: k for k, name in enumerate(self.names, 1)}
        scored = bytearray(model)
        count = struct.unpack_from("<I", model, features_at + 8)[0]
        features = np.frombuffer(scored, self._FEATURE, count, features_at + 12)
        weights = features[features["type"] == 0]
        self.state = np.zeros((len(self.names) + 1, len(self.labels)))
        self.state[weights["src"] + 1, weights["dst"]] = weights["weight"]
        features["weight"][features["type"] == 0] = 0.0
        keys = []
        for number in range(len(self.names)):
            refs = struct.unpack_from("<I", model, refs_at + 12 + 4 * number)[0]
            if len(keys) < len(self.labels) and struct.unpack_from("<I", model, refs)[0]:
                first = struct.unpack_from("<I", model, refs + 4)[0]
                features[first]["dst"], features[first]["weight"] = len(keys), 1.0
                keys.append(self.names[number])
        self.keys = tuple(keys)
        self.scored = bytes(scored)

    def scores(self, attributes: np.ndarray) -> list[dict[str, float]]:
        """The label scores of each token of a sequence whose tokens have the attribute numbers of ``attributes`` (one
        column per token, 0 where it has none), as the items of ``scored``."""
        keys, state = self.keys, self.state
        sums = [np.add.reduce(state[attributes[:, at:at + _BLOCK]], axis=0)
                for at in range(0, attributes.shape[1], _BLOCK)]
        return [dict(zip(keys, row)) for block in sums for row in block.tolist()]

    def tagger(self) -> pycrfsuite.Tagger:
        """crfsuite's tagger over ``scored``, which it reads in place: keep these weights as long as the tagger."""
        tagger = pycrfsuite.Tagger()
        tagger.open_inmemory(self.scored)
        return tagger


def _strings(model: bytes, offset: int) -> list[str]:
    """The strings of a constant-quark database (CQDB) chunk of a crfsuite model, by number (its backward array)."""
    count, backward = struct.unpack_from("<2I", model, offset + 16)
    strings = []
    for number in range(count):
        record = offset + struct.unpack_from("<I", model, offset + backward + 4 * number)[0]
        size = struct.unpack_from("<I", model, record + 4)[0]
        strings.append(model[record + 8:record + 7 + size].decode("utf-8"))
    return strings


def attribute_columns(rows: Sequence[Sequence[int]]) -> np.ndarray:
    """The attribute numbers of each token (``rows``, one per token) as the columns of an array, padded with 0 (no
    attribute) to the longest: one row at least."""
    columns = list(zip_longest(*rows, fillvalue=0)) or [(0,) * len(rows)]
    return np.array(columns, dtype=np.intp).reshape(len(columns), len(rows))


class WordRows(dict):
    """A memo of the attribute numbers of words' features, by key (a word and what else its features read): each key
    has a row of one array, which holds the numbers of each part of its features (its own, what a neighbour sees of
    it, ...) in columns of their own, padded with 0 (no attribute; a part's columns are widened when a longer part
    comes), so that the numbers of a sequence's words are gathered by row, without a Python number per feature.
    ``numbers(key)`` gives a key's parts. Past ``size`` keys the memo starts again, between two sequences."""

    def __init__(self, numbers: Callable[[Hashable], Sequence[Sequence[int]]], parts: int, size: int) -> None:
        super().__init__()
        self.numbers, self.size = numbers, size
        self.widths = [1] * parts
        self.table = np.zeros((size, parts), dtype=np.intp)

    def columns(self, keys: Iterable[Hashable]) -> list[np.ndarray]:
        """The numbers of each part of the features of ``keys``: one array per part, one column per key."""
        if len(self) >= self.size:
            self.clear()
        rows = np.array([self[key] for key in keys], dtype=np.intp)
        return np.split(self.table[rows].T, np.cumsum(self.widths[:-1]))

    def __missing__(self, key: Hashable) -> int:
        row = self[key] = len(self)
        if row == len(self.table):  # a sequence of more new keys than ``size``: room for as many again
            self.table = np.pad(self.table, ((0, row), (0, 0)))
        numbers = []
        for k, part in enumerate(self.numbers(key)):
            if len(part) > self.widths[k]:
                wider = sum(self.widths[:k + 1])
                self.table = np.insert(self.table, [wider] * (len(part) - self.widths[k]), 0, axis=1)
                self.widths[k] = len(part)
            numbers += [*part, *[0] * (self.widths[k] - len(part))]
        self.table[row] = numbers
        return row


_NONE: dict[str, int] = {}


class PairNumbers:
    """The attribute numbers of a feature of two words, ``prefix`` + first + "|" + second, looked up by the two words
    without building the string: each attribute of the prefix is filed under every split of its value at a "|", so
    that the pair (a, b) finds exactly the attribute whose string is ``f"{prefix}{a}|{b}"`` (0 when the model lacks
    it), whatever "|" the words hold."""

    def __init__(self, numbers: dict[str, int], prefix: str) -> None:
        self._second: dict[str, dict[str, int]] = {}
        for name, number in numbers.items():
            if name.startswith(prefix):
                value = name[len(prefix):]
                at = value.find("|")
                while at >= 0:
                    self._second.setdefault(value[:at], {})[value[at + 1:]] = number
                    at = value.find("|", at + 1)

    def of(self, words: list[str]) -> list[int]:
        """The number of each pair of consecutive words of ``words`` (one fewer than the words)."""
        get = self._second.get
        return [get(a, _NONE).get(b, 0) for a, b in zip(words, words[1:])]
