"""Corpus runs: tidy Parquet tables of many articles, errors.csv, resume, CSV, the command line."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis import _cli, _corpus
from analysis._corpus import run_corpus
from analysis._dataset import TABLES, read_table

OUTLETS = ("Daily Planet", "Evening Star")
SENTENCES = (
    "Officials said the bridge had collapsed after the storm.",
    "The so-called experts shockingly claimed the river was safe.",
    "“We will rebuild,” the mayor told reporters on Monday.",
    "Critics accused the council of a disgraceful cover-up.",
    "According to the police, two people were injured.",
    "The minister reportedly denied any wrongdoing.",
)


def tiny_corpus(folder, count: int = 6):
    """``count`` short articles in a JSON Lines file, two outlets, two months, plus a bad file."""
    lines = []
    for i in range(count):
        text = f"Storm hits town {i}\n\n" + " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(3)) \
               + f"\n\nThe town counted {i + 2} damaged houses. Mayor Anna Berg said the Harbour Union would help. The Harbour Union thanked Anna Berg."
        lines.append(json.dumps({"id": f"a{i}", "outlet": OUTLETS[i % 2], "published": f"2024-{1 + i % 2:02d}-15",
                                 "title": f"Storm hits town {i}", "text": text}))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    return folder


def tables(folder) -> dict[str, pd.DataFrame]:
    return {name: read_table(folder, name) for name in TABLES}


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory):
    inputs = tiny_corpus(tmp_path_factory.mktemp("inputs"))
    output = tmp_path_factory.mktemp("run") / "corpus"
    run = run_corpus([inputs], output, jobs=1, chunk_size=4, csv=True)
    return inputs, output, run


def test_every_table_is_tidy_with_one_article_row_per_article(corpus_run):
    _, output, run = corpus_run
    assert (run.analysed, run.skipped, run.failed) == (6, 0, 1)
    found = tables(output)
    assert list(found["articles"]["article_id"]) == [f"a{i}" for i in range(6)]
    for name, frame in found.items():
        assert frame.columns[0] == "article_id", name
        assert not frame.empty, name
        for column in frame.columns:
            assert not frame[column].map(lambda v: isinstance(v, (list, dict, tuple))).any(), (name, column)
    assert set(found["articles"]["outlet"]) == set(OUTLETS)
    assert found["articles"]["content_hash"].is_unique


def test_the_tables_are_the_documents_tables(corpus_run):
    from analysis import analyze

    inputs, output, _ = corpus_run
    doc = analyze(inputs / "articles.jsonl", id="a3")
    found = tables(output)
    for name, mine in (("paragraphs", doc.paragraphs), ("sentences", doc.sentences),
                       ("loaded_terms", doc.loaded_terms), ("attributions", doc.attributions),
                       ("actors", doc.actors)):
        rows = found[name][found[name]["article_id"] == "a3"].reset_index(drop=True)
        assert len(rows) == len(mine), name
        assert rows.astype(object).where(rows.notna(), None).to_dict("records") == \
            mine.astype(object).where(mine.notna(), None).to_dict("records"), name
    figures = found["articles"].set_index("article_id").loc["a3"]
    assert figures["loaded_count"] == doc.figure_values["loaded_count"]
    assert figures["tone"] == doc.figure_values["tone"]


def test_a_bad_input_goes_to_errors_csv_and_the_batch_goes_on(corpus_run):
    _, output, _ = corpus_run
    errors = pd.read_csv(output / "errors.csv")
    assert list(errors.columns) == ["input", "article_id", "error"]
    assert len(errors) == 1 and errors["input"][0].endswith("broken.json") and "malformed JSON" in errors["error"][0]


def test_csv_copies_hold_the_same_rows(corpus_run):
    _, output, _ = corpus_run
    for name in TABLES:
        assert len(pd.read_csv(output / f"{name}.csv")) == len(read_table(output, name)), name


def test_a_rerun_skips_every_article_already_done(corpus_run, tmp_path):
    inputs, output, _ = corpus_run
    before = {name: sorted(p.name for p in (output / name).iterdir()) for name in TABLES}
    again = run_corpus([inputs], output, jobs=1, chunk_size=4)
    assert (again.analysed, again.skipped) == (0, 6)
    assert {name: sorted(p.name for p in (output / name).iterdir()) for name in TABLES} == before


def test_an_interrupted_run_resumes_without_duplicates(tmp_path, monkeypatch):
    inputs = tiny_corpus(tmp_path / "inputs")
    output = tmp_path / "corpus"
    write_chunk = _corpus._write_chunk
    calls = []

    def dies_in_the_second_chunk(folder, name, rows):
        calls.append(name)
        if len(calls) == 2:  # half of the chunk's tables written, not its articles part: not committed
            for table in TABLES[1:3]:
                (folder / table).mkdir(parents=True, exist_ok=True)
                (folder / table / name).write_bytes(b"half-written")
            (folder / "sentences" / f".{name}.x.tmp").write_bytes(b"temporary")
            raise KeyboardInterrupt
        write_chunk(folder, name, rows)

    monkeypatch.setattr(_corpus, "_write_chunk", dies_in_the_second_chunk)
    with pytest.raises(KeyboardInterrupt):
        run_corpus([inputs], output, jobs=1, chunk_size=2)
    monkeypatch.setattr(_corpus, "_write_chunk", write_chunk)
    assert len(read_table(output, "articles")) == 2
    resumed = run_corpus([inputs], output, jobs=1, chunk_size=2)
    assert (resumed.analysed, resumed.skipped) == (4, 2)
    fresh = tmp_path / "fresh"
    run_corpus([inputs], fresh, jobs=1, chunk_size=2)
    for name in TABLES:
        pd.testing.assert_frame_equal(read_table(output, name), read_table(fresh, name))
    assert not list((output / "sentences").glob(".*"))


def test_a_process_pool_writes_the_same_tables(corpus_run, tmp_path):
    inputs, output, _ = corpus_run
    pooled = run_corpus([inputs], tmp_path / "pooled", jobs=2, chunk_size=1)
    assert pooled.analysed == 6
    for name in TABLES:
        pd.testing.assert_frame_equal(read_table(tmp_path / "pooled", name), read_table(output, name))


def test_an_output_made_with_other_shipped_data_is_refused(corpus_run, monkeypatch):
    """A kit retrained under the same version number (other model weights) does not add rows to old tables."""
    inputs, output, _ = corpus_run
    monkeypatch.setattr(_corpus, "shipped_digest", lambda: "0" * 64)
    with pytest.raises(_corpus.InputError, match="its data files"):
        run_corpus([inputs], output, jobs=1)


def test_an_output_made_with_other_options_or_not_a_folder_is_refused(corpus_run, tmp_path):
    inputs, output, _ = corpus_run
    lexicon = tmp_path / "extra.tsv"
    lexicon.write_text("term\tcategory\tweight\tnote\nstorm\temotive\t1\ttest\n", encoding="utf-8")
    with pytest.raises(_corpus.InputError, match="another kit version, its data files, lexicon"):
        run_corpus([inputs], output, jobs=1, lexicon=lexicon)
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(_corpus.InputError, match="must be a folder"):
        run_corpus([inputs], tmp_path / "file", jobs=1)
    (tmp_path / "link").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    with pytest.raises(_corpus.InputError, match="must be a folder"):
        run_corpus([inputs], tmp_path / "link", jobs=1)


def test_command_line(tmp_path, capsys):
    inputs = tiny_corpus(tmp_path / "inputs", count=2)
    code = _cli.main(["corpus", str(inputs), "-o", str(tmp_path / "out"), "--jobs", "1"])
    err = capsys.readouterr().err
    assert code == 0
    assert "2 articles analysed" in err and "1 failed" in err and "errors.csv" in err
    assert len(read_table(tmp_path / "out", "articles")) == 2
    assert _cli.main(["corpus", str(tmp_path / "missing"), "-o", str(tmp_path / "out2"), "--jobs", "1"]) == 2
    assert _cli.main(["corpus", str(inputs), "-o", str(tmp_path / "out3"), "--scheduler", "tcp://x:1"]) == 2
    assert "--scheduler needs --engine dask" in capsys.readouterr().err


@pytest.mark.timeout(240)
def test_the_dask_engine_spreads_chunks_over_workers_and_writes_the_same_tables(corpus_run, tmp_path):
    from dask.distributed import LocalCluster

    inputs, output, _ = corpus_run
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        run = run_corpus([inputs], tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address,
                         chunk_size=1)
        workers = {info["id"] for info in cluster.scheduler_info["workers"].values()}
    assert run.analysed == 6 and len(workers) == 2
    assert len(run.workers) == 2  # both worker processes ran chunks
    for name in TABLES:
        pd.testing.assert_frame_equal(read_table(tmp_path / "dask", name), read_table(output, name))


@pytest.mark.parametrize("column", ["tone", "author_tone", "tone_toward", "bias_probability", "probability"])
def test_a_chunk_without_a_value_gives_a_score_column_its_number_type(column):
    import pyarrow as pa

    table = _corpus._arrow_table([{"article_id": "a", column: None}])
    assert table.schema.field(column).type == pa.float64()
