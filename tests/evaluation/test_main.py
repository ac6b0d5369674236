"""``python -m evaluation`` on a miniature of the corpora: every table prints, floors are checked, a missing corpus
is one line and exit 2. (The real figures come from ``make evaluate``; none is asserted here.)"""

from evaluation import __main__ as evaluation
from evaluation.report import SLANT, Figure, headline_table
from tests.evaluation.miniature import corpora  # noqa: F401 (a fixture)


def test_every_task_prints_both_parts_and_the_headline(corpora, capsys):
    code = evaluation.main(["ptc", "babe", "basil", "polnear", "newsmtsc", "--corpora", str(corpora)])
    out = capsys.readouterr()
    for title in ("PTC", "BABE", "BASIL", "PolNeAR", "NewsMTSC", "Held-out parts"):
        assert title in out.out
    assert "dev" in out.out and "held-out" in out.out and "cue-verb regex" in out.out
    # The miniature is far below the floors: each such figure is named, and the exit code says so.
    assert code == 1 and "below floor: NewsMTSC macro-F1, multi-target sentences (heldout)" in out.err


def test_missing_corpora_is_one_line_and_exit_2(tmp_path, capsys):
    assert evaluation.main(["ptc", "--corpora", str(tmp_path)]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_floors_name_the_figure_below_them():
    figures = [Figure("PTC", SLANT, "spans (overlap)", "heldout", 0.2), Figure("PTC", "peer", "spans (overlap)", "heldout", 0.1)]
    floors = {("PTC", "spans (overlap)", "heldout"): 0.3}
    assert evaluation.below_floors(figures, floors) == ["PTC spans (overlap) (heldout): 0.200 < floor 0.300"]
    assert evaluation.read_floors()  # the shipped floors parse


def test_headline_puts_the_best_peer_beside_slant():
    figures = [Figure("T", SLANT, "m", "heldout", 0.5), Figure("T", "a", "m", "heldout", 0.3),
               Figure("T", "b", "m", "heldout", 0.4), Figure("T", "b", "m", "dev", 0.9)]
    assert "0.500   0.400 (b)" in headline_table(figures, [("T", "m", "label")])
