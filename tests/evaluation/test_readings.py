"""``python -m evaluation.readings``: draws are disjoint slices in a fixed order, and judged draws score with an
interval. (The shipped judged draws are read by ``score``; their shares are in the docs, not asserted here.)"""

import glob

import pytest

from evaluation import readings
from evaluation.corpora import items
from tests.evaluation.miniature import PTC_TEXT, corpora  # noqa: F401 (a fixture)


def test_wilson_interval_around_the_share():
    share, low, high = readings.share_right([True] * 75 + [False] * 25)
    assert share == 0.75 and low == pytest.approx(0.657, abs=1e-3) and high == pytest.approx(0.825, abs=1e-3)


def _draw(corpora, capsys, kind: str, k: int, which: str) -> list[list[str]]:
    assert readings.main(["draw", kind, "--draw", str(k), "--size", "1", "--part", which, "--corpora", str(corpora)]) == 0
    return [line.split("\t") for line in capsys.readouterr().out.splitlines()[1:]]


def test_draws_are_disjoint_slices_in_key_order(corpora, capsys):
    which = next(p for p in ("dev", "heldout") if items("ptc", p, str(corpora)))
    first, second = _draw(corpora, capsys, "loaded-ptc", 1, which), _draw(corpora, capsys, "loaded-ptc", 2, which)
    assert len(first) == len(second) == 1 and first[0][0] < second[0][0]
    assert first == _draw(corpora, capsys, "loaded-ptc", 1, which)
    key, article, start, end, said, context = first[0]
    assert said.endswith(" author") and f"[[{PTC_TEXT[int(start):int(end)]}]]" in context


def test_sources_draw_gives_each_named_source_its_type(corpora, capsys):
    which = next(p for p in ("dev", "heldout") if items("polnear", p, str(corpora)))
    (row,) = _draw(corpora, capsys, "sources", 1, which)
    assert row[4] == "person" and "[[Smith]] said" in row[5]


def test_shipped_judged_draws_score(capsys):
    files = sorted(glob.glob(str(readings.__file__).replace("readings.py", "readings/*.tsv")))
    assert files and readings.main(["score", *files]) == 0
    assert capsys.readouterr().out.count(" right, ") == len(files)
