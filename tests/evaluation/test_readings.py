"""``python -m evaluation.readings``: draws are disjoint slices in a fixed order, and judged draws score with an
interval. (The shipped judged draws are read by ``score``; their shares are in the docs, not asserted here.)"""

import csv
import glob
import json

import pytest

from analysis._model import Article
from analysis._pipeline import load_resources, run_pipeline
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
    files = [f for f in sorted(glob.glob(str(readings.__file__).replace("readings.py", "readings/*.tsv")))
             if not f.rsplit("/", 1)[-1].startswith("marks-")]
    assert files and readings.main(["score", *files]) == 0
    assert capsys.readouterr().out.count(" right, ") == len(files)


def test_shipped_blind_marks_name_their_draw_and_hold_offsets_only():
    files = sorted(glob.glob(str(readings.__file__).replace("readings.py", "readings/marks-*.tsv")))
    assert files
    for path in files:
        lines = open(path, encoding="utf-8").read().splitlines()
        kind, part, k, size = next(line.split(":", 1)[1].split() for line in lines if line.startswith("# draw:"))
        assert kind in readings.TEXT_KINDS and part in ("dev", "heldout") and int(k) >= 1 and int(size) >= 1, path
        rows = list(csv.DictReader((line for line in lines if not line.startswith("#")), delimiter="\t"))
        assert rows and all(list(row) == ["key", "start", "end", "category"] for row in rows), path
        assert all(0 <= int(row["start"]) < int(row["end"]) for row in rows), path


def _passages(corpora, capsys, kind: str, which: str) -> list[dict]:
    assert readings.main(["draw", kind, "--size", "5", "--part", which, "--corpora", str(corpora)]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_text_draws_give_whole_passages_in_key_order(corpora, capsys):
    which = next(p for p in ("dev", "heldout") if items("ptc", p, str(corpora)))
    lines = _passages(corpora, capsys, "text-ptc", which)
    assert sorted(p["text"] for p in lines) == sorted(line for line in PTC_TEXT.splitlines() if line)
    assert [p["key"] for p in lines] == sorted(p["key"] for p in lines)
    which = next(p for p in ("dev", "heldout") if items("babe", p, str(corpora)))
    assert {p["text"] for p in _passages(corpora, capsys, "text-babe", which)} <= {
        s.text for s in items("babe", which, str(corpora))}


def test_overlaps_count_marked_spans_found_and_flagged_spans_marked():
    assert readings.overlaps([(0, 5), (10, 15), (20, 25)], [(3, 12), (30, 35)]) == (2, 1)
    assert readings.overlaps([(0, 5)], [(5, 9)]) == (0, 0)  # touching is not sharing a character
    assert readings.overlaps([], [(1, 2)]) == (0, 0)


def test_marks_score_a_blind_reading_against_slants_terms(corpora, capsys, tmp_path):
    which = next(p for p in ("dev", "heldout") if items("ptc", p, str(corpora)))
    (article,) = items("ptc", which, str(corpora))
    resources = load_resources()
    terms = run_pipeline(Article(article.id, article.text), resources).loaded_terms
    body = next(p for p in _passages(corpora, capsys, "text-ptc", which) if "mayor" in p["text"])
    offset = PTC_TEXT.index(body["text"])
    flagged = [t for t in terms if t.start >= offset]
    mayor = body["text"].index("mayor")
    marks = tmp_path / "marks.tsv"
    marks.write_text(f"# a test\n# draw: text-ptc {which} 1 5\nkey\tstart\tend\tcategory\n"
                     f"{body['key']}\t{flagged[0].start - offset}\t{flagged[0].end - offset}\temotive\n"
                     f"{body['key']}\t{mayor}\t{mayor + 5}\tlabeling\n", encoding="utf-8")
    counts = readings.score_marks(str(marks), str(corpora), resources)
    assert counts["Slant"] == (2, 2, 1, len(terms), 1) and len(counts) == 3  # and the two word-list peers
    assert readings.main(["marks", str(marks), "--corpora", str(corpora)]) == 0
    assert f"Slant: 2 passages, 2 marked spans, {len(terms)} flagged; found 1 of 2" in capsys.readouterr().out
    marks.write_text(f"# draw: text-ptc {which} 1 5\nkey\tstart\tend\tcategory\nffff\t0\t1\temotive\n",
                     encoding="utf-8")
    with pytest.raises(SystemExit, match="keys not in its draw"):
        readings.score_marks(str(marks), str(corpora), resources)
