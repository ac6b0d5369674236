"""The benchmarks' plumbing at tiny sizes: what they print and the articles they generate, never how fast (speed and
memory targets live in ``make bench``)."""

from __future__ import annotations

import random

from benchmarks import __main__ as bench
from benchmarks.generate import article, write_corpus


def test_generated_articles_repeat_no_sentence_and_are_reproducible(tmp_path):
    from analysis._load import read_articles
    from analysis._segment import segment
    from analysis._sentences import split_sentences

    first = write_corpus(tmp_path / "a.jsonl", 30).read_text(encoding="utf-8")
    assert write_corpus(tmp_path / "b.jsonl", 30).read_text(encoding="utf-8") == first
    sentences = []
    for a in read_articles(str(tmp_path / "a.jsonl")):
        sentences += [a.text[s.start:s.end] for s in split_sentences(a.text, segment(a.text, title=a.title))]
    assert len(sentences) > 30 * 8 and len(set(sentences)) == len(sentences)


def test_an_article_has_a_title_and_its_paragraphs():
    record = article(random.Random(1), set(), 7, paragraphs=4, per_paragraph=1)
    assert record["text"].count("\n\n") == 4 and record["id"] == "gen-000007" and record["outlet"]


def test_each_benchmark_prints_its_figures_target_and_ratio(capsys):
    assert bench.main(["throughput", "paragraphs", "startup", "--articles", "3", "--paragraphs", "2", "4", "8",
                       "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    for name in ("throughput", "paragraphs", "startup"):
        line = next(line for line in out.splitlines() if line.startswith(name))
        assert line.split()[1:], line
    assert out.count("target:") == 3 and out.count("; ratio ") == 3


def test_scaling_prints_a_row_per_shape(capsys):
    assert bench.main(["scaling", "--scaling", "4"]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("scaling")]
    assert [line.split(":")[0].split(maxsplit=1)[1] for line in lines] == list(bench.SHAPES)
    assert all(" 4 " in line and " 16 " in line for line in lines)
