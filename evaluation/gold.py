"""Gold annotations written inline: ``⟦TAG words⟧`` marks a span; spans nest. The marks are removed to give the text.

Attribution (one relation per number n): ``⟦Sn:type words⟧`` its source, ``⟦Cn:class words⟧`` its cue,
``⟦Xn:quote words⟧`` its content. A pronoun source names what it resolves to: ``⟦S4:pronoun=S1 He⟧``.
Loaded language: ``⟦category words⟧``, or ``⟦category/quoted words⟧`` for a term in a source's voice.

Example: ``⟦S1:military The army⟧ ⟦C1:neutral said⟧ ⟦X1:indirect the town fell⟧.``
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

OPEN, CLOSE = "⟦", "⟧"
_TAG = re.compile(r"⟦([^\s⟦⟧]+) ")


class GoldError(ValueError):
    """A gold file is malformed: the message names the record and what is wrong."""


@dataclass(frozen=True)
class GoldSpan:
    """One marked span of the plain text: its tag (``S1:media``, ``labeling/quoted``) and offsets."""

    tag: str
    start: int
    end: int
    text: str


def parse_markup(marked: str) -> tuple[str, list[GoldSpan]]:
    """The plain text and the marked spans (in order of their opening mark) of an annotated text."""
    plain: list[str] = []
    length = 0
    stack: list[tuple[str, int, int]] = []
    spans: list[tuple[int, GoldSpan]] = []
    i = 0
    while i < len(marked):
        if marked.startswith(OPEN, i):
            match = _TAG.match(marked, i)
            if not match:
                raise GoldError(f"a {OPEN} without a tag and a space at character {i}: {marked[i:i + 30]!r}")
            stack.append((match.group(1), length, len(spans)))
            spans.append((len(spans), GoldSpan("", 0, 0, "")))  # placeholder keeps opening order
            i = match.end()
        elif marked[i] == CLOSE:
            if not stack:
                raise GoldError(f"a {CLOSE} without {OPEN} at character {i}: {marked[max(0, i - 30):i + 1]!r}")
            tag, start, slot = stack.pop()
            text = "".join(plain)[start:length]
            if not text.strip() or text != text.strip():
                raise GoldError(f"span {tag!r} is empty or has white space at an edge: {text!r}")
            spans[slot] = (slot, GoldSpan(tag, start, length, text))
            i += 1
        else:
            plain.append(marked[i])
            length += 1
            i += 1
    if stack:
        raise GoldError(f"unclosed span {stack[-1][0]!r}")
    return "".join(plain), [span for _, span in spans]


def read_gold(path: str | Path) -> list[dict]:
    """The records of a gold JSONL file: each with ``id``, ``text`` (plain) and ``spans`` (GoldSpan list)."""
    records = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text, spans = parse_markup(record["marked"])
        except (json.JSONDecodeError, KeyError, GoldError) as error:
            raise GoldError(f"{path}:{number}: {error}") from None
        records.append({**record, "text": text, "spans": spans})
    return records


def main(argv: list[str]) -> int:
    """Check gold files: ``python -m analysis._gold FILE…`` prints the number of records and spans per tag kind."""
    for path in argv:
        try:
            records = read_gold(path)
        except (OSError, GoldError) as error:
            print(f"error: {error}")
            return 2
        kinds: dict[str, int] = {}
        for record in records:
            for span in record["spans"]:
                kind = re.sub(r"\d+", "", span.tag.split(":")[0].split("/")[0].split("=")[0])
                kinds[kind] = kinds.get(kind, 0) + 1
        print(f"{path}: {len(records)} records; spans: {dict(sorted(kinds.items()))}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
