"""``python -m evaluation.readings``: what Slant finds in held-out news, drawn for reading by hand, and the share right.

Where a corpus's gold is sparse (PTC marks a few techniques, not every loaded word) or says nothing (PolNeAR gives
no source types), an editor reads Slant's output instead. ``draw KIND`` prints one draw to read: every item Slant
finds in a corpus part (a loaded term in PTC or BABE, a named source in PolNeAR), keyed by a SHA-256 of where it is,
sorted by key, and cut into slices of ``--size``; draw *k* is the *k*-th slice, so draws are disjoint and the same
code and corpora give the same draw. A draw whose items were read while rules were written measures nothing after:
each judged draw says which version of Slant it was read on. ``score FILE…`` gives the share right of judged draws
(``evaluation/readings/*.tsv``: one row per item, ``right`` 1 or 0; offsets and verdicts, no corpus text).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import math
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from analysis._model import Article
from analysis._pipeline import Resources, load_resources, run_pipeline

from .corpora import Part, corpora_root, items

Kind = Literal["loaded-ptc", "loaded-babe", "sources"]
KINDS: tuple[Kind, ...] = ("loaded-ptc", "loaded-babe", "sources")
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
    draw.add_argument("kind", choices=KINDS)
    draw.add_argument("--draw", type=int, default=1, help="which slice, from 1 (default 1)")
    draw.add_argument("--size", type=int, default=100, help="items per draw (default 100)")
    draw.add_argument("--part", choices=("heldout", "dev"), default="heldout")
    draw.add_argument("--corpora", help="the corpora folder (default: $SLANT_CORPORA or ../shared/corpora)")
    score = commands.add_parser("score", help="the share right of judged draws")
    score.add_argument("files", nargs="+")
    args = parser.parse_args(argv)
    if args.command == "score":
        for path in args.files:
            with open(path, encoding="utf-8") as file:
                verdicts = [row["right"] == "1" for row in csv.DictReader(_data_lines(file), delimiter="\t")]
            p, low, high = share_right(verdicts)
            print(f"{path}: {sum(verdicts)} of {len(verdicts)} right, {p:.1%} (95% interval {low:.1%} to {high:.1%})")
        return 0
    rows = found(args.kind, args.part, str(corpora_root(args.corpora)), load_resources())
    writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    writer.writerow(("key", "article", "start", "end", "said", "context"))
    for row in rows[(args.draw - 1) * args.size:args.draw * args.size]:
        writer.writerow((row.key[:16], row.article, row.start, row.end, row.said, row.context))
    return 0


def _data_lines(file) -> Iterator[str]:
    return (line for line in file if not line.startswith("#"))


if __name__ == "__main__":
    sys.exit(main())
