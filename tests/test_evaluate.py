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
    # Hutto & Gilbert's rated NYT editorial sentences, as shipped in the vaderSentiment 3.3.2 sdist
    "tone/nyt/nytEditorialSnippets_GroundTruth.txt": "7d8fbcce7dde5d716da53e78f4ef4be6b706e9ef1e1d51887e6d0ad4b69cc27e",
    "tone/nyt/nytEditorialSnippets_anonDataRatings.txt": "803c87c5bb529334bb5ed5fca244aa935e5f342bc0a930d91a0f22e978ee39f2",
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


def test_nyt_halves_split_by_article():
    dev, heldout = evaluate.nyt_records("dev"), evaluate.nyt_records("heldout")
    assert (len(dev), len(heldout)) == (2716, 2474)
    assert not {r["article"] for r in dev} & {r["article"] for r in heldout}
    assert all(len(r["ratings"]) >= 20 and r["rating"] == pytest.approx(sum(r["ratings"]) / len(r["ratings"]), abs=0.01)
               for r in dev)


def test_tone_quality_on_dev():
    nyt = evaluate.evaluate_tone(evaluate.nyt_records("dev"), samples=10)
    assert nyt["tone"][0] >= 0.69 and nyt["tone"][0] >= nyt["VADER compound"][0] + 0.19
    own = evaluate.evaluate_tone(evaluate.tone_records("dev"), samples=10)
    assert own["tone"][0] >= 0.59 and own["tone"][0] > own["VADER compound"][0]


def test_calibration_reproduces_the_shipped_weights(tmp_path, monkeypatch, capsys):
    from analysis import calibrate
    from analysis._data import read_tsv

    shipped_folder = calibrate.LEXICONS
    monkeypatch.setattr(calibrate, "LEXICONS", tmp_path)
    assert calibrate.main([]) == 0
    for name, key in (("tone_model.tsv", ("feature",)), ("tone_words.tsv", ("term", "negated"))):
        fitted, shipped = ({tuple(r[k] for k in key): float(r["weight"]) for _, r in read_tsv(path.read_text(encoding="utf-8"))[1]}
                           for path in (tmp_path / name, shipped_folder / name))
        assert len(fitted) > 0
        assert all(abs(fitted.get(k, 0.0) - shipped.get(k, 0.0)) < 1e-3 for k in fitted.keys() | shipped.keys())


def test_overlap_score_counts_both_ways():
    score = evaluate.overlap_score([(0, 5), (10, 12)], [(3, 8), (20, 25)])
    assert (score.right, score.predicted, score.found, score.gold) == (1, 2, 1, 2)
    assert score.f1 == pytest.approx(0.5)


def test_command_line_prints_both_halves(capsys):
    assert evaluate.main(["attribution"]) == 0
    out = capsys.readouterr().out
    assert "attribution, dev" in out and "attribution, heldout" in out and "cue" in out
