"""Text primitives shared by every analyzer: words, white space, spans."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from typing import TypeVar
from itertools import accumulate

T = TypeVar("T")

#: A word: letters or digits, with inner hyphens and apostrophes ("al-Qaeda", "Syria’s").
WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*")


def count_words(text: str, start: int = 0, end: int | None = None) -> int:
    """Number of words in ``text[start:end]``."""
    return len(WORD_RE.findall(text, start, len(text) if end is None else end))


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``start``/``end`` so that the span has no white space (NBSP included) at either edge."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class SpanIndex:
    """Spans that answer "does one of you contain start:end?" by bisection (the farthest end among the spans that
    start at or before each point): time logarithmic in the spans, where a scan would make callers quadratic."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self._starts = [start for start, _ in self.spans]
        self._reach = list(accumulate((end for _, end in self.spans), max))

    def contain(self, start: int, end: int) -> bool:
        i = bisect_right(self._starts, start)
        return i > 0 and self._reach[i - 1] >= end


class DisjointSpans:
    """Spans that never overlap: ``claim`` adds one only if it overlaps none, checking its two neighbours in text
    order by bisection (a scan of every span would make a paragraph of many matches quadratic)."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def claim(self, start: int, end: int) -> bool:
        i = bisect_left(self._starts, start)
        if (i > 0 and self._ends[i - 1] > start) or (i < len(self._starts) and self._starts[i] < end):
            return False
        self._starts.insert(i, start)
        self._ends.insert(i, end)
        return True


def overlapping(starts: list[int], ends: list[int], items: Iterable[T],
                span: Callable[[T], tuple[int, int]] = lambda item: item) -> list[list[T]]:  # type: ignore[assignment,return-value]
    """For each stretch ``starts[i]:ends[i]`` (in text order, never overlapping: sentences), the ``items`` whose
    ``span`` overlaps it, in their given order. By bisection: time linear in the stretches, the items and their
    overlaps."""
    found: list[list[T]] = [[] for _ in starts]
    for item in items:
        start, end = span(item)
        for i in range(bisect_right(ends, start), bisect_left(starts, end)):
            found[i].append(item)
    return found


def signed(value: float | None) -> str:
    """A score for people to read: "+0.25", or "–" where there is none (None or NaN)."""
    return "–" if value is None or value != value else f"{value:+.2f}"
