"""The ``slant`` command line: output, inputs, errors and exit codes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile

import jsonschema
import pytest

import analysis
from analysis import _api, _cli
from analysis._data import shipped_digest
from conftest import ARTICLE_TITLE, REPO, modules_loaded_by

SCHEMA_PATH = REPO / "analysis" / "data" / "analysis-v1.schema.json"
SEEDS = REPO / "seeds"
SEED_ACTORS = SEEDS / "aleppo-2024.actors.yml"
LEXICON_HEADER = "term\tcategory\tweight\tnote\n"


def slant(*args: str, input: bytes | None = None) -> subprocess.CompletedProcess:
    """``python -m analysis ARGS`` in a real process, from the repo root."""
    return subprocess.run([sys.executable, "-m", "analysis", *map(str, args)], input=input, capture_output=True,
                          cwd=REPO, timeout=120)


def run(capsys, *args) -> tuple[int, str, str]:
    """``main(ARGS)`` in-process: (exit code, stdout, stderr)."""
    code = _cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def err_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.strip()]


def json_lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def write_txt(path, text="The army said on Monday that the town was quiet.\n"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


# The readable table


def test_analyze_table_lists_every_paragraph_with_its_kind(capsys, article_file):
    code, out, err = run(capsys, "analyze", article_file)
    assert (code, err) == (0, "")
    assert out.startswith(f"rebels: {ARTICLE_TITLE}\n")
    kinds = re.findall(r"^ +(\d+) ([a-z_]+) +\d+ ", out, re.MULTILINE)
    assert kinds == [("0", "title"), ("1", "byline"), ("2", "body"), ("3", "body")]


def test_analyze_table_of_the_seed_shows_the_paragraph_kinds(capsys):
    code, out, _ = run(capsys, "analyze", SEEDS)
    assert code == 0
    kinds = set(re.findall(r"^ +\d+ ([a-z_]+) +\d+ ", out, re.MULTILINE))
    assert {"title", "duplicate_title", "body", "lead_in", "caption", "separator"} <= kinds


# JSON Lines


def test_json_is_one_line_per_article_valid_against_the_schema(capsys, validator, article_file):
    code, out, err = run(capsys, "analyze", "--json", article_file, SEEDS, "--actors", SEED_ACTORS)
    assert (code, err) == (0, "")
    assert out.endswith("\n") and out.count("\n") == 4
    records = json_lines(out)
    assert [r["article"]["id"] for r in records] == ["rebels", "000_8122d49cfe791c67", "001_wire_aleppo",
                                                     "002_opinion_aleppo"]
    for record in records:
        validator.validate(record)
        assert record["schema"] == "slant/analysis-v1"
        assert record["kit_version"] == analysis.__version__
        assert record["shipped_data"] == shipped_digest()  # which lexicons, word lists and model weights made it


def _spans(record: dict) -> list[tuple[str, dict]]:
    """Every span of a record: (where, span) for paragraphs, sentences, quotes, terms, attributions, mentions."""
    spans = [(f"{name}[{i}]", s) for name in ("paragraphs", "sentences", "quotes", "loaded_terms", "actor_mentions")
             for i, s in enumerate(record.get(name, []))]
    for i, x in enumerate(record["attributions"]):
        spans.append((f"attributions[{i}].cue", x["cue"]))
        if x["content"] is not None:
            spans.append((f"attributions[{i}].content", x["content"]))
        if x["source"] is not None:
            spans.append((f"attributions[{i}].source", x["source"]))
            if x["source"]["resolved"] is not None:
                spans.append((f"attributions[{i}].source.resolved", x["source"]["resolved"]))
    return spans


def test_json_every_span_indexes_the_article_text(capsys, article_file):
    code, out, _ = run(capsys, "analyze", "--json", article_file, SEEDS, "--actors", SEED_ACTORS)
    assert code == 0
    for record in json_lines(out):
        text = record["article"]["text"]
        spans = _spans(record)
        kinds = {where.split("[")[0] + where.split("]")[1] for where, _ in spans}
        with_text = [(where, s) for where, s in spans if "text" in s]
        for where, span in spans:
            assert 0 <= span["start"] <= span["end"] <= len(text), (record["article"]["id"], where, span)
        for where, span in with_text:
            assert text[span["start"]:span["end"]] == span["text"], (record["article"]["id"], where, span)
        if record["article"]["id"] == "000_8122d49cfe791c67":  # the seed exercises every kind of span
            assert {"loaded_terms", "actor_mentions", "attributions.cue", "attributions.content",
                    "attributions.source", "attributions.source.resolved"} <= kinds


def test_json_keeps_the_input_order_of_files(capsys, tmp_path):
    b = write_txt(tmp_path / "b.txt")
    a = write_txt(tmp_path / "a.txt")
    code, out, _ = run(capsys, "analyze", "--json", b, a)
    assert code == 0
    assert [r["article"]["id"] for r in json_lines(out)] == ["b", "a"]


def test_folder_articles_come_in_sorted_order(capsys, tmp_path):
    folder = tmp_path / "articles"
    for name in ("c.txt", "a.md", "sub/b.txt"):
        write_txt(folder / name)
    (folder / "notes.csv").write_text("not an article", encoding="utf-8")
    code, out, err = run(capsys, "analyze", "--json", folder)
    assert (code, err) == (0, "")
    assert [r["article"]["id"] for r in json_lines(out)] == ["a", "c", "b"]  # a.md, c.txt, sub/b.txt


def test_jsonl_with_three_articles_gives_three_lines(capsys, tmp_path):
    path = tmp_path / "batch.jsonl"
    rows = [{"id": f"art-{n}", "title": f"Title {n}", "text": f"Officials said on day {n} that the road was open."}
            for n in (1, 2, 3)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    code, out, err = run(capsys, "analyze", "--json", path)
    assert (code, err) == (0, "")
    records = json_lines(out)
    assert len(out.splitlines()) == 3
    assert [(r["article"]["id"], r["article"]["title"]) for r in records] == [
        ("art-1", "Title 1"), ("art-2", "Title 2"), ("art-3", "Title 3")]


def test_dash_reads_the_article_from_stdin():
    result = slant("analyze", "--json", "-", input="Officials said the bridge was closed.\n".encode("utf-8"))
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    (record,) = json_lines(result.stdout.decode("utf-8"))
    assert record["article"]["id"] == "stdin"
    assert record["article"]["text"] == "Officials said the bridge was closed.\n"


# Bad inputs: one line on stderr, exit 2, never a traceback


def test_missing_path_is_one_line_and_exit_2(tmp_path):
    missing = tmp_path / "missing.txt"
    result = slant("analyze", missing)
    err = result.stderr.decode("utf-8")
    assert result.returncode == 2
    assert result.stdout == b""
    assert "Traceback" not in err
    assert len(err_lines(err)) == 1, err
    assert str(missing) in err


@pytest.mark.parametrize("name, data, problem", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b" \n\n\t\n", "empty"),
    ("binary.txt", bytes(range(256)) * 4, "binary"),
])
def test_unreadable_article_exits_2(tmp_path, name, data, problem):
    path = tmp_path / name
    path.write_bytes(data)
    result = slant("analyze", path)
    err = result.stderr.decode("utf-8")
    assert result.returncode == 2
    assert result.stdout == b""
    assert "Traceback" not in err
    assert str(path) in err and problem in err


def test_folder_without_articles_exits_2(capsys, tmp_path):
    folder = tmp_path / "nothing"
    folder.mkdir()
    (folder / "README.md").write_text("Not an article.\n", encoding="utf-8")
    (folder / "data.csv").write_text("a,b\n", encoding="utf-8")
    code, out, err = run(capsys, "analyze", folder)
    assert code == 2
    assert out == ""
    assert str(folder) in err and "no articles" in err


def test_batch_skips_a_bad_file_and_exits_0(capsys, tmp_path):
    good = write_txt(tmp_path / "good.txt")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    code, out, err = run(capsys, "analyze", "--json", good, bad)
    assert code == 0
    assert err_lines(err) == [f"slant: skipped {bad}: empty: no text"]
    assert [r["article"]["id"] for r in json_lines(out)] == ["good"]


def test_batch_with_a_bad_file_exits_2_under_strict(capsys, tmp_path):
    good = write_txt(tmp_path / "good.txt")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    code, _, err = run(capsys, "analyze", "--json", "--strict", good, bad)
    assert code == 2
    assert "skipped" in err and str(bad) in err


def test_batch_exit_codes_in_a_real_process(tmp_path):
    good = write_txt(tmp_path / "good.txt")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 50)
    lenient = slant("analyze", "--json", good, bad)
    strict = slant("analyze", "--json", "--strict", good, bad)
    assert (lenient.returncode, strict.returncode) == (0, 2)
    for result in (lenient, strict):
        assert b"Traceback" not in result.stderr
        assert result.stderr.count(b"skipped") == 1 and str(bad).encode() in result.stderr


def test_bad_lexicon_names_the_file_and_line(capsys, tmp_path, article_file):
    lexicon = tmp_path / "mine.tsv"
    lexicon.write_text(LEXICON_HEADER + "tyrant\tlabeling\t1.5\tcharged\nbrute\tnastiness\t1\tcharged\n",
                       encoding="utf-8")
    code, out, err = run(capsys, "analyze", article_file, "--lexicon", lexicon)
    assert code == 2
    assert out == ""
    assert len(err_lines(err)) == 1
    assert f"{lexicon}:3:" in err and "nastiness" in err


def test_good_lexicon_is_used_and_recorded(capsys, tmp_path, article_file):
    lexicon = tmp_path / "mine.tsv"
    lexicon.write_text(LEXICON_HEADER + "stormed\tsensational\t1.5\ta violent verb\n", encoding="utf-8")
    code, out, _ = run(capsys, "analyze", "--json", article_file, "--lexicon", lexicon)
    assert code == 0
    (record,) = json_lines(out)
    assert "mine.tsv" in record["lexicons"]
    assert [t["text"] for t in record["loaded_terms"] if t["category"] == "sensational"] == ["stormed"]


@pytest.mark.parametrize("content", [
    "- name: HTS\n  aliases: [HTS\n",  # malformed YAML
    "- aliases: [HTS]\n",  # an actor without a name
    "just a string\n",  # not a list
])
def test_bad_actors_file_exits_2_on_one_line(tmp_path, article_file, content):
    actors = tmp_path / "actors.yml"
    actors.write_text(content, encoding="utf-8")
    result = slant("analyze", article_file, "--actors", actors)
    err = result.stderr.decode("utf-8")
    assert result.returncode == 2
    assert "Traceback" not in err
    assert str(actors) in err
    assert len(err_lines(err)) == 1, err


def test_missing_actors_file_exits_2(capsys, tmp_path, article_file):
    code, _, err = run(capsys, "analyze", article_file, "--actors", tmp_path / "none.yml")
    assert code == 2
    assert "none.yml" in err


def test_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as caught:
        _cli.main(["analyze"])
    assert caught.value.code == 2
    assert "slant: error:" in capsys.readouterr().err


# Internal errors


def test_internal_error_exits_70_with_a_log_file(capsys, monkeypatch, tmp_path, article_file):
    def broken(*args, **kwargs):
        raise RuntimeError("the pipeline broke")

    monkeypatch.setattr(_api, "analyze_all", broken)  # the CLI imports it when a command runs
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    code, out, err = run(capsys, "analyze", article_file)
    assert code == 70
    assert out == ""
    (line,) = err_lines(err)
    assert "Traceback" not in err
    match = re.search(r"(\S+\.log)\s*$", line)
    assert match, line
    log = match.group(1)
    assert log.startswith(str(tmp_path))
    text = open(log, encoding="utf-8").read()
    assert "Traceback" in text and "RuntimeError: the pipeline broke" in text


# Lexicon check


def test_lexicon_check_accepts_the_builtin_lexicon(capsys):
    builtin = REPO / "analysis" / "lexicons" / "loaded.tsv"
    code, out, err = run(capsys, "lexicon", "check", builtin)
    assert (code, err) == (0, "")
    assert re.fullmatch(rf"{re.escape(str(builtin))}: \d+ entries, all valid\n", out)


@pytest.mark.parametrize("body, line, problem", [
    ("ok\temotive\t1\tfine\nbad\tnastiness\t1\tnote\n", 3, "unknown category"),
    ("ok\temotive\t1\tfine\n\n# a comment\nheavy\temotive\tten\tnote\n", 5, "not a number"),
    ("ok\temotive\t1\tfine\nok\thedge\t1\tagain\n", 3, "duplicate"),
    ("ok\temotive\t9\tfine\n", 2, "out of range"),
    ("ok\temotive\t1\t\n", 2, "no note"),
])
def test_lexicon_check_names_the_bad_line(capsys, tmp_path, body, line, problem):
    lexicon = tmp_path / "bad.tsv"
    lexicon.write_text(LEXICON_HEADER + body, encoding="utf-8")
    code, out, err = run(capsys, "lexicon", "check", lexicon)
    assert code == 2
    assert out == ""
    assert len(err_lines(err)) == 1
    assert f"{lexicon}:{line}:" in err and problem in err


def test_lexicon_check_in_a_real_process(tmp_path):
    lexicon = tmp_path / "bad.tsv"
    lexicon.write_text(LEXICON_HEADER + "ok\temotive\t1\tfine\nbad\tnastiness\t1\tnote\n", encoding="utf-8")
    result = slant("lexicon", "check", lexicon)
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr
    assert f"{lexicon}:3:".encode() in result.stderr


# Determinism, inputs untouched, version


def test_json_output_is_byte_identical_across_runs():
    first = slant("analyze", "seeds/", "--json", "--actors", SEED_ACTORS)
    second = slant("analyze", "seeds/", "--json", "--actors", SEED_ACTORS)
    assert first.returncode == second.returncode == 0
    assert first.stdout == second.stdout
    assert first.stdout.count(b"\n") == 3  # the seed and the two illustrative articles


def test_analyze_does_not_modify_its_inputs(capsys, tmp_path, article_file):
    lexicon = tmp_path / "mine.tsv"
    lexicon.write_text(LEXICON_HEADER + "stormed\tsensational\t1.5\ta violent verb\n", encoding="utf-8")
    actors = tmp_path / "actors.yml"
    actors.write_text("- name: Army\n  aliases: [army]\n", encoding="utf-8")
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(b"\xef\xbb\xbfOfficials said the road was open.\r\n\r\nIt was quiet.\r\n")
    inputs = [article_file, lexicon, actors, crlf]
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in inputs}
    for extra in ([], ["--json"]):
        code, _, _ = run(capsys, "analyze", article_file, crlf, "--lexicon", lexicon, "--actors", actors, *extra)
        assert code == 0
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in inputs} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in inputs)


def test_version(capsys):
    with pytest.raises(SystemExit) as caught:
        _cli.main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out == f"slant {analysis.__version__}\n"


def test_version_in_a_real_process():
    result = slant("--version")
    assert result.returncode == 0
    assert result.stdout.decode().strip() == f"slant {analysis.__version__}"


# slant compare


def test_compare_writes_an_html_comparison_and_every_table(tmp_path):
    first = write_txt(tmp_path / "in" / "first.txt", "Rebels Take The Airport\n\nThe rebels seized the airport of "
                      "Aleppo on Saturday, the Syrian army said.\n\n“The streets are empty,” said Mariam Haddad.\n")
    second = write_txt(tmp_path / "in" / "second.txt", "Terrorists Take The Airport\n\nThe terrorists seized the "
                       "airport of Aleppo on Saturday, the Syrian army said.\n")
    target, tables = tmp_path / "out" / "compare.html", tmp_path / "tables"
    result = slant("compare", first, second, "--labels", "Left <b>", "Right", "--actors", SEED_ACTORS, "-o", target,
                   "--tables", tables)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in target.parent.iterdir()) == ["compare.html"]
    html = target.read_text(encoding="utf-8")
    for heading in ("Side by side", "Tone through each article", "Loaded language", "What each article calls the actors",
                    "Whom each article quotes", "Distinctive words", "Coverage"):
        assert heading in html
    assert "Left &lt;b&gt;" in html and "Left <b>" not in html
    assert "Mariam Haddad" in html and "terrorists" in html and "<script" not in html
    names = {p.name for p in tables.iterdir()}
    assert {"side_by_side.csv", "side_by_side.json", "naming.csv", "voices.json", "alignment.csv"} <= names
    naming = json.loads((tables / "naming.json").read_text(encoding="utf-8"))
    assert {(r["article"], r["word"]) for r in naming if r["is_label"]} == {("Left <b>", "rebels"), ("Right", "terrorists")}


def test_compare_needs_two_articles_and_one_label_each(capsys, tmp_path):
    one = write_txt(tmp_path / "one.txt")
    code, _, err = run(capsys, "compare", one, "-o", tmp_path / "c.html")
    assert code == 2 and "slant: error: a comparison needs at least two articles, got 1" in err
    code, _, err = run(capsys, "compare", one, one, "--labels", "A", "-o", tmp_path / "c.html")
    assert code == 2 and "1 labels for 2 articles" in err
    code, _, err = run(capsys, "compare", one, one, "-o", tmp_path / "c")
    assert code == 2 and "the comparison is one .html file" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one.txt"]


# Verbosity, width, start-up


def test_quiet_prints_errors_only_and_verbose_the_time_of_each_article(capsys, monkeypatch, tmp_path):
    from analysis import _report

    monkeypatch.setattr(_report, "article_render",
                        lambda doc, target, **_: lambda kernel: lambda: target.write_text("<title>Slant stub</title>") or target)
    good, bad = write_txt(tmp_path / "a.txt"), tmp_path / "missing.txt"
    (tmp_path / "out").mkdir()
    code, _, err = run(capsys, "report", "-q", good, bad, "-o", tmp_path / "out")
    assert code == 0 and err_lines(err) == [f"slant: skipped {bad}: no such file or folder"]
    code, _, err = run(capsys, "-v", "report", good, "-o", tmp_path / "out")
    assert code == 0 and re.search(r"^slant: a: \d+\.\d s$", err, re.MULTILINE)
    assert f"slant: wrote {tmp_path / 'out' / 'index.html'}" in err


def test_debug_prints_the_traceback_of_an_internal_error(capsys, monkeypatch, tmp_path):
    def broken(document):
        raise RuntimeError("a bug")

    monkeypatch.setattr(_cli, "_write_table", broken)
    article = write_txt(tmp_path / "a.txt")
    code, _, err = run(capsys, "analyze", article)
    assert code == 70 and "Traceback" not in err and "internal error; the details are in" in err
    code, _, err = run(capsys, "analyze", "--debug", article)
    assert code == 70 and "Traceback (most recent call last)" in err and "RuntimeError: a bug" in err


def test_the_table_fits_the_terminal_width(tmp_path):
    article = write_txt(tmp_path / "a.txt", "A Title That Is Rather Long For A Narrow Terminal Window Indeed\n\n"
                        + "The army said on Monday that the town was quiet and that nothing at all had happened. " * 3)
    for width in (60, 120):
        result = subprocess.run([sys.executable, "-m", "analysis", "analyze", str(article)], capture_output=True,
                                text=True, cwd=REPO, env={**__import__("os").environ, "COLUMNS": str(width)})
        assert result.returncode == 0
        lines = result.stdout.splitlines()
        assert max(map(len, lines)) <= width
        assert any(len(line) > width - 10 for line in lines)  # and uses it


def test_help_loads_neither_pandas_nltk_nor_the_models():
    code = "from analysis._cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass"
    assert modules_loaded_by(code, ("pandas", "numpy", "nltk", "matplotlib", "papermill", "analysis._pipeline")) == []
