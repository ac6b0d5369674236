"""Slant's own labelled sets: the held-out halves stay frozen and well formed. Their figures are printed by
``make evaluate`` (with floors there), never asserted here."""

import hashlib
from pathlib import Path

import pytest

from evaluation import own, tone
from evaluation.gold import read_gold

DATA = Path(__file__).resolve().parent.parent / "data"
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


def test_the_seed_is_in_no_half():
    seed = {r["text"] for r in own.attribution_records("seed")}
    halves = {r["text"] for half in ("dev", "heldout") for r in own.attribution_records(half)}
    assert seed and not seed & halves
    seed_text = Path("seeds/000_8122d49cfe791c67.txt").read_text(encoding="utf-8")
    for half in ("dev", "heldout"):
        for record in read_gold(DATA / "loaded" / f"{half}.jsonl") + own.attribution_records(half):
            assert record["text"] not in seed_text, record["id"]


def test_gold_offsets_index_the_text():
    for record in own.attribution_records("dev") + own.attribution_records("seed") + read_gold(DATA / "loaded" / "dev.jsonl"):
        for span in record["spans"]:
            assert record["text"][span.start:span.end] == span.text


def test_nyt_halves_split_by_article():
    dev, heldout = tone.nyt_records("dev"), tone.nyt_records("heldout")
    assert (len(dev), len(heldout)) == (2716, 2474)
    assert not {r["article"] for r in dev} & {r["article"] for r in heldout}
    assert all(len(r["ratings"]) >= 20 and r["rating"] == pytest.approx(sum(r["ratings"]) / len(r["ratings"]), abs=0.01)
               for r in dev)
