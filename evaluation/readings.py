"""``python -m evaluation.readings``: what Slant finds in held-out news, drawn for reading by hand, and the share right.

Where a corpus's gold is sparse (PTC marks a few techniques, not every loaded word) or says nothing (PolNeAR gives
no source types), an editor reads Slant's output instead. ``draw KIND`` prints one draw to read: every item Slant
finds in a corpus part (a loaded term in PTC or BABE, a named source in PolNeAR), keyed by a SHA-256 of where it is,
sorted by key, and cut into slices of ``--size``; draw *k* is the *k*-th slice, so draws are disjoint and the same
code and corpora give the same draw. A draw whose items were read while rules were written measures nothing after:
each judged draw says which version of Slant it was read on. ``score FILE…`` gives the share right of judged draws
(``evaluation/readings/loaded-*.tsv``, ``sources-*.tsv``: one row per item, ``right`` 1 or 0; offsets and verdicts,
no corpus text).

A judged draw says how often what Slant flags is right, not how much of what is loaded it finds, and its reader sees
Slant's verdict first. ``draw text-babe`` and ``draw text-ptc`` print passages instead (a BABE sentence, a line
of a PTC article; JSON Lines, keyed and cut as above), for a reader who marks every loaded word or phrase in them
without seeing Slant's output; ``marks FILE…`` compares those marks with Slant's terms in the same passages: the
share of marked spans that a Slant term overlaps (recall as an expert reads it) and the share of Slant's terms that
overlap a marked span (precision, read blind). A marks file (``evaluation/readings/marks-*.tsv``) names its draw in a
``# draw: KIND PART DRAW SIZE`` line and holds one row per marked span, its offsets in the passage's text.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal, NamedTuple

from analysis._model import Article
from analysis._pipeline import Resources, load_resources, run_pipeline

from .corpora import Part, corpora_root, items
from .peers import word_lists
from .report import SLANT
from .scores import overlap_score

Kind = Literal["loaded-ptc", "loaded-babe", "sources"]
KINDS: tuple[Kind, ...] = ("loaded-ptc", "loaded-babe", "sources")
TextKind = Literal["text-ptc", "text-babe"]
TEXT_KINDS: tuple[TextKind, ...] = ("text-ptc", "text-babe")
#: A line of a PTC article with text (a sentence or a short paragraph; the title is one).
_LINE = re.compile(r"[^\n]*\S[^\n]*")
#: Characters of context shown before and after an item.
CONTEXT = 100


@dataclass(frozen=True)
class Found:
    """One thing Slant found, where it is, and what Slant says it is (a term's category and voice, a source's type)."""

    key: str
    article: str
    start: int
    end: int
    said: str
    context: str


def found(kind: Kind, part: Part, root: str, resources: Resources) -> list[Found]:
    """Everything of ``kind`` Slant finds in a corpus part, sorted by key."""
    corpus = "polnear" if kind == "sources" else kind.removeprefix("loaded-")
    rows = []
    for item in items(corpus, part, root):
        analysis = run_pipeline(Article(item.id, item.text), resources)
        for start, end, said in _spans(kind, analysis):
            # The sources' key has no corpus name: the draws read in December 2026 were made so.
            place = f"{item.id}:{start}" if kind == "sources" else f"{corpus}:{item.id}:{start}"
            context = (item.text[max(0, start - CONTEXT):start] + "[[" + item.text[start:end] + "]]"
                       + item.text[end:end + CONTEXT])
            rows.append(Found(hashlib.sha256(place.encode()).hexdigest(), item.id, start, end, said,
                              " ".join(context.split())))
    return sorted(rows, key=lambda row: row.key)


def _spans(kind: Kind, analysis) -> Iterator[tuple[int, int, str]]:
    if kind == "sources":
        for attribution in analysis.attributions:
            source = attribution.source
            if source is not None and source.type != "pronoun":
                yield source.start, source.end, source.type
    else:
        for term in analysis.loaded_terms:
            yield term.start, term.end, f"{term.category} {term.voice}"


@dataclass(frozen=True)
class Passage:
    """A passage read whole: a BABE sentence, or a line of a PTC article (``start`` to ``end`` of its text)."""

    key: str
    item: str
    start: int
    end: int


def passages(kind: TextKind, part: Part, root: str) -> list[tuple[Passage, str]]:
    """Every passage of a corpus part with the text of its item, sorted by key (a SHA-256 of where it is)."""
    corpus = kind.removeprefix("text-")
    rows = []
    for item in items(corpus, part, root):
        spans = [(0, len(item.text))] if corpus == "babe" else [m.span() for m in _LINE.finditer(item.text)]
        for start, end in spans:
            key = hashlib.sha256(f"{corpus}:{item.id}:{start}".encode()).hexdigest()[:16]
            rows.append((Passage(key, item.id, start, end), item.text))
    return sorted(rows, key=lambda row: row[0].key)


def overlaps(marked: list[tuple[int, int]], flagged: list[tuple[int, int]]) -> tuple[int, int]:
    """How many marked spans a flagged span overlaps, and how many flagged spans overlap a marked one (sharing a
    character: ``scores.overlap_score``, the corpora's span overlap)."""
    score = overlap_score([(span,) for span in flagged], [(span,) for span in marked])
    return score.found, score.right


class MarkCounts(NamedTuple):
    """A blind reading against Slant: the passages read, the spans marked, those a Slant term overlaps, Slant's
    terms in the passages, and those of them that overlap a marked span."""

    passages: int
    marked: int
    found: int
    flagged: int
    right: int

    def __add__(self, other: tuple) -> MarkCounts:  # type: ignore[override]
        return MarkCounts(*(a + b for a, b in zip(self, other)))


@dataclass(frozen=True)
class Marks:
    """A blind reading: its draw's passages (with the text of their items) and the spans marked in each passage,
    by key (offsets in the passage, with the reader's category)."""

    passages: list[tuple[Passage, str]]
    spans: dict[str, list[tuple[int, int, str]]]


def read_marks(path: str, root: str) -> Marks:
    """A marks file (``evaluation/readings/marks-*.tsv``) with the passages of its draw."""
    with open(path, encoding="utf-8") as file:
        lines = file.read().splitlines()
    kind, part, k, size = next(line.split(":", 1)[1].split() for line in lines if line.startswith("# draw:"))
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for row in csv.DictReader(_data_lines(lines), delimiter="\t"):
        spans.setdefault(row["key"], []).append((int(row["start"]), int(row["end"]), row["category"]))
    drawn = passages(kind, part, root)[(int(k) - 1) * int(size):int(k) * int(size)]  # type: ignore[arg-type]
    unknown = set(spans) - {passage.key for passage, _ in drawn}
    if unknown:
        raise SystemExit(f"{path}: keys not in its draw: {', '.join(sorted(unknown))}")
    return Marks(drawn, spans)


def score_marks(path: str, root: str, resources: Resources) -> dict[str, MarkCounts]:
    """A marks file against the flags of Slant (its loaded terms) and of the word-list peers, in its draw's
    passages, by system."""
    reading = read_marks(path, root)
    flags: dict[str, dict[str, list[tuple[int, int]]]] = {}  # by item, by system: spans in the item's text
    counts = {name: MarkCounts(len(reading.passages), 0, 0, 0, 0) for name in (SLANT, *(p.name for p in word_lists()))}
    for passage, text in reading.passages:
        if passage.item not in flags:
            terms = run_pipeline(Article(passage.item, text), resources).loaded_terms
            flags[passage.item] = {SLANT: [(t.start, t.end) for t in terms],
                                   **{p.name: [f[0] for f in p.spans(text)] for p in word_lists()}}
        marked = [(start, end) for start, end, _ in reading.spans.get(passage.key, [])]
        for name, spans in flags[passage.item].items():
            flagged = [(a - passage.start, b - passage.start) for a, b in spans
                       if a < passage.end and passage.start < b]
            found, right = overlaps(marked, flagged)
            counts[name] += (0, len(marked), found, len(flagged), right)
    return counts


def share_right(verdicts: list[bool]) -> tuple[float, float, float]:
    """The share right and its 95% Wilson interval."""
    n, right = len(verdicts), sum(verdicts)
    if n == 0:
        return math.nan, math.nan, math.nan
    z, p = 1.96, right / n
    middle = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return p, middle - half, middle + half


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.readings", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    draw = commands.add_parser("draw", help="print one draw to read (tab-separated, with context)")
    draw.add_argument("kind", choices=(*KINDS, *TEXT_KINDS))
    draw.add_argument("--draw", type=int, default=1, help="which slice, from 1 (default 1)")
    draw.add_argument("--size", type=int, default=100, help="items per draw (default 100)")
    draw.add_argument("--part", choices=("heldout", "dev"), default="heldout")
    draw.add_argument("--corpora", help="the corpora folder (default: $SLANT_CORPORA or ../shared/corpora)")
    score = commands.add_parser("score", help="the share right of judged draws")
    score.add_argument("files", nargs="+")
    marked = commands.add_parser("marks", help="passages marked blind against Slant's terms: recall and precision")
    marked.add_argument("files", nargs="+")
    marked.add_argument("--corpora", help="the corpora folder (default: $SLANT_CORPORA or ../shared/corpora)")
    args = parser.parse_args(argv)
    if args.command == "marks":
        return _print_marks(args.files, str(corpora_root(args.corpora)))
    if args.command == "score":
        for path in args.files:
            with open(path, encoding="utf-8") as file:
                verdicts = [row["right"] == "1" for row in csv.DictReader(_data_lines(file), delimiter="\t")]
            p, low, high = share_right(verdicts)
            print(f"{path}: {sum(verdicts)} of {len(verdicts)} right, {p:.1%} (95% interval {low:.1%} to {high:.1%})")
        return 0
    if args.kind in TEXT_KINDS:
        for passage, text in passages(args.kind, args.part, str(corpora_root(args.corpora)))[
                (args.draw - 1) * args.size:args.draw * args.size]:
            print(json.dumps({"key": passage.key, "item": passage.item, "text": text[passage.start:passage.end]},
                             ensure_ascii=False))
        return 0
    rows = found(args.kind, args.part, str(corpora_root(args.corpora)), load_resources())
    writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    writer.writerow(("key", "article", "start", "end", "said", "context"))
    for row in rows[(args.draw - 1) * args.size:args.draw * args.size]:
        writer.writerow((row.key[:16], row.article, row.start, row.end, row.said, row.context))
    return 0


def _print_marks(files: list[str], root: str) -> int:
    resources = load_resources()
    pooled: dict[str, MarkCounts] = {}
    for path in files:
        for name, counts in score_marks(path, root, resources).items():
            pooled[name] = pooled.get(name, MarkCounts(0, 0, 0, 0, 0)) + counts
            print(_marks_line(path, name, counts))
    if len(files) > 1:
        for name, counts in pooled.items():
            print(_marks_line("all", name, counts))
    return 0


def _marks_line(where: str, name: str, counts: MarkCounts) -> str:
    recall = share_right([True] * counts.found + [False] * (counts.marked - counts.found))
    precision = share_right([True] * counts.right + [False] * (counts.flagged - counts.right))
    return (f"{where}: {name}: {counts.passages} passages, {counts.marked} marked spans, {counts.flagged} flagged; "
            f"found {counts.found} of {counts.marked} ({recall[0]:.1%}, {recall[1]:.1%} to {recall[2]:.1%}); "
            f"marked {counts.right} of {counts.flagged} ({precision[0]:.1%}, {precision[1]:.1%} to {precision[2]:.1%})")


def _data_lines(file) -> Iterator[str]:
    return (line for line in file if not line.startswith("#"))


if __name__ == "__main__":
    sys.exit(main())
