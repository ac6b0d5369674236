"""``python -m evaluation [TASK…] [--corpora PATH]``: every analyzer on real annotated news, beside simple peers.

Prints one table per task (dev and held-out parts), then the held-out headline. Exits 1 when a held-out figure of
Slant falls below its floor in ``evaluation/floors.tsv`` (a regression), 2 when the corpora are missing.
"""

from __future__ import annotations

import csv
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from analysis._pipeline import Resources, load_resources

from . import attribution, loaded, own, tone
from .corpora import CorpusMissing, parse_command
from .report import SLANT, Figure, headline_table, table

Task = Callable[[Resources, "str | None"], Iterable[Figure]]
TASKS: dict[str, tuple[str, Task]] = {
    "ptc": ("PTC: Loaded_Language + Name_Calling,Labeling spans (Da San Martino et al. 2019)", loaded.ptc),
    "babe": ("BABE: biased words and sentences (Spinde et al. 2021)", loaded.babe),
    "basil": ("BASIL: article lexical-bias density (Fan et al. 2019)", loaded.basil),
    "polnear": ("PolNeAR: attribution source / cue / content (Newell et al. 2018)", attribution.polnear),
    "newsmtsc": ("NewsMTSC: tone toward each person (Hamborg and Donnay 2021)", tone.newsmtsc),
    "nyt": ("NYT editorial sentences rated by 20 people (Hutto and Gilbert 2014)", tone.nyt),
    "own": ("Slant's own sets, regression tests", own.own_sets),
}
HEADLINE = (
    ("PTC", "spans (overlap)", "PTC loaded + name-calling span-overlap F1"),
    ("PTC", "tokens", "PTC token F1"),
    ("BABE", "biased words", "BABE biased-word F1"),
    ("BABE", "sentence MCC", "BABE sentence MCC"),
    ("BASIL", "density Spearman", "BASIL density Spearman"),
    ("BASIL", "pair order", "BASIL same-event pair order"),
    ("PolNeAR", "cue (overlap)", "PolNeAR cue F1 (overlap)"),
    ("PolNeAR", "source (overlap)", "PolNeAR source F1 (overlap)"),
    ("PolNeAR", "content (overlap)", "PolNeAR content F1 (overlap)"),
    ("PolNeAR", "cue (exact)", "PolNeAR cue F1 (exact)"),
    ("PolNeAR", "source (exact)", "PolNeAR source F1 (exact)"),
    ("NewsMTSC", "macro-F1, multi-target sentences", "NewsMTSC macro-F1 toward targets, multi-target"),
    ("NewsMTSC", "macro-F1, all targets", "NewsMTSC macro-F1 toward targets, all"),
    ("NYT editorials", "Pearson r", "NYT editorials Pearson r"),
)
FLOORS = Path(__file__).resolve().parent / "floors.tsv"


def run_task(name: str, resources: Resources, root: str | None) -> list[Figure]:
    """Measure one task and print its table."""
    title, task = TASKS[name]
    started = time.perf_counter()
    figures = list(task(resources, root))
    print(f"\n{title}  ({time.perf_counter() - started:.0f} s)")
    print(table(figures))
    return figures


def read_floors(path: Path = FLOORS) -> dict[tuple[str, str, str], float]:
    """The floors: Slant's headline figure (F1, or the value) per task, measure and part."""
    with open(path, encoding="utf-8") as rows:
        return {(r["task"], r["measure"], r["part"]): float(r["floor"])
                for r in csv.DictReader((line for line in rows if not line.startswith("#")), delimiter="\t")}


def below_floors(figures: Iterable[Figure], floors: dict[tuple[str, str, str], float]) -> list[str]:
    """A line per figure of Slant under its floor."""
    return [f"{f.task} {f.measure} ({f.part}): {f.headline:.3f} < floor {floors[f.task, f.measure, f.part]:.3f}"
            for f in figures if f.system == SLANT and (f.task, f.measure, f.part) in floors
            and f.headline < floors[f.task, f.measure, f.part]]


def main(argv: list[str] | None = None) -> int:
    names, root = parse_command(argv, prog="python -m evaluation", doc=__doc__, what="task", known=TASKS)
    resources = load_resources()
    figures: list[Figure] = []
    try:
        for name in names:
            figures += run_task(name, resources, root)
    except CorpusMissing as error:
        print(f"evaluation: {error}", file=sys.stderr)
        return 2
    print("\nHeld-out parts, Slant and the best simple peer in the same run:")
    print(headline_table(figures, HEADLINE))
    failures = below_floors(figures, read_floors())
    for line in failures:
        print(f"below floor: {line}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
