"""The labelled dev sets: the held-out halves stay frozen, and the analyzers keep their measured quality on dev.

The floors are set a little under the figures measured when each analyzer was last tuned; a drop below them is a
regression. Held-out figures are reported in the issue notes, never tuned on, and not tested here.
"""

import hashlib
from pathlib import Path

import pytest

from analysis import evaluate
from analysis._gold import read_gold
from analysis._pipeline import load_resources

DATA = Path(__file__).parent / "data"
FROZEN = {
    "attribution/heldout.jsonl": "787ade588a3ec77568bc35652e8926d39b3ee490d8cba451a00d1c2cf88621be",
    "loaded/heldout.jsonl": "501c3e80ac3dbc0e5380eb81295d00c7859279e183eb8fa7994ed66a5fd732bb",
    "tone/heldout.jsonl": "7358a2222e0ecb3ef38e8e20481af5c16aca5f10aa34c20ba696fd46a26e6980",
}


@pytest.mark.parametrize(("name", "digest"), FROZEN.items())
def test_held_out_halves_are_frozen(name, digest):
    assert hashlib.sha256((DATA / name).read_bytes()).hexdigest() == digest


def test_dev_sets_are_large_enough():
    attribution = evaluate.attribution_records("dev") + evaluate.attribution_records("heldout")
    relations = sum(1 for r in attribution for s in r["spans"] if s.tag.startswith("C"))
    assert relations >= 150
    loaded = read_gold(DATA / "loaded" / "dev.jsonl") + read_gold(DATA / "loaded" / "heldout.jsonl")
    assert len(loaded) >= 150
    tone = evaluate.tone_records("dev") + evaluate.tone_records("heldout")
    assert len(tone) >= 200


def test_gold_offsets_index_the_text():
    for record in evaluate.attribution_records("dev") + read_gold(DATA / "loaded" / "dev.jsonl"):
        for span in record["spans"]:
            assert record["text"][span.start:span.end] == span.text


def test_attribution_quality_on_dev():
    scores = evaluate.evaluate_attribution(evaluate.attribution_records("dev"), load_resources())
    assert scores["cue"].f1 >= 0.90
    assert scores["source"].f1 >= 0.88


def test_overlap_score_counts_both_ways():
    score = evaluate.overlap_score([(0, 5), (10, 12)], [(3, 8), (20, 25)])
    assert (score.right, score.predicted, score.found, score.gold) == (1, 2, 1, 2)
    assert score.f1 == pytest.approx(0.5)


def test_command_line_prints_both_halves(capsys):
    assert evaluate.main(["attribution"]) == 0
    out = capsys.readouterr().out
    assert "attribution, dev" in out and "attribution, heldout" in out and "cue" in out
