"""Figures as the tasks measure them, printed as tables: one block per corpus, a row per system and measure, the
dev and held-out parts side by side."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .corpora import PARTS, Part
from .scores import Score

SLANT = "Slant"
#: Not a peer: how well one rater agrees with the others, a human ceiling.
HUMAN = "one person vs the others"


@dataclass(frozen=True)
class Figure:
    """One measured figure: a system's score on one measure of one task, on one part."""

    task: str
    system: str
    measure: str
    part: Part
    value: Score | float
    count: int = 0  # the items measured (articles, sentences, targets, pairs)
    interval: tuple[float, float] | None = None  # a 95% bootstrap interval of a correlation

    @property
    def headline(self) -> float:
        """F1 for a P/R/F1 score, else the value."""
        return self.value.f1 if isinstance(self.value, Score) else self.value


def _cell(figure: Figure | None) -> str:
    if figure is None:
        return f"{'':<26}"
    if isinstance(figure.value, Score):
        v = figure.value
        return f"P {v.precision:.3f} R {v.recall:.3f} F1 {v.f1:.3f} "
    if figure.interval:
        low, high = figure.interval
        return f"{figure.value:>+8.3f} [{low:+.3f},{high:+.3f}]   "
    return f"{figure.value:>+8.3f}{'':<18}"


def table(figures: Iterable[Figure]) -> str:
    """The figures of one task: rows (measure, system), columns dev and held-out."""
    figures = list(figures)
    rows: dict[tuple[str, str], dict[str, Figure]] = {}
    for f in figures:
        rows.setdefault((f.measure, f.system), {})[f.part] = f
    width = max(len(f"{m}: {s}") for m, s in rows) + 2
    lines = [f"{'':<{width}}{'dev':<26}  {'held-out':<26}"]
    for (measure, system), by_part in rows.items():
        counts = "/".join(str(by_part[p].count) for p in PARTS if p in by_part)
        lines.append(f"{measure + ': ' + system:<{width}}" + "  ".join(_cell(by_part.get(p)) for p in PARTS)
                     + f"  n={counts}")
    return "\n".join(lines)


def headline_table(figures: Iterable[Figure], lines: Iterable[tuple[str, str, str]]) -> str:
    """The held-out headline: for each (task, measure, label), Slant's figure and the best peer's, same run."""
    figures = [f for f in figures if f.part == "heldout"]
    out = [f"{'held-out part':<58}{'Slant':>8}   best simple peer"]
    for task, measure, label in lines:
        mine = [f for f in figures if f.task == task and f.measure == measure and f.system == SLANT]
        peers = [f for f in figures if f.task == task and f.measure == measure and f.system not in (SLANT, HUMAN)]
        if not mine:
            continue
        best = max(peers, key=lambda f: f.headline, default=None)
        peer = f"{best.headline:.3f} ({best.system})" if best else "-"
        out.append(f"{label:<58}{mine[0].headline:>8.3f}   {peer}")
    return "\n".join(out)
