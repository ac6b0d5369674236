"""Text primitives shared by every analyzer: words, white space, spans."""

from __future__ import annotations

import re

#: A word: letters or digits, with inner hyphens and apostrophes ("al-Qaeda", "Syria’s").
WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*")


def count_words(text: str, start: int = 0, end: int | None = None) -> int:
    """Number of words in ``text[start:end]``."""
    return sum(1 for _ in WORD_RE.finditer(text, start, len(text) if end is None else end))


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``start``/``end`` so that the span has no white space (NBSP included) at either edge."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def signed(value: float | None) -> str:
    """A score for people to read: "+0.25", or "–" where there is none (None or NaN)."""
    return "–" if value is None or value != value else f"{value:+.2f}"
