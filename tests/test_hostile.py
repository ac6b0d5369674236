"""Hostile input: every bad file gets one clear line, one bad file never stops a batch, nothing is lost.

Each case states its exact outcome (the paragraphs analysed, or the one line and the exit code), and checks that
the inputs' bytes are unchanged, that no temporary or partial file is left, and (pytest-timeout) that it ends.
The fixtures are made in temporary folders; ``docs/robustness.md`` lists the cases and their outcomes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import InputError, analyze
from analysis import _api, _cli, _io, _report
from analysis._limits import Limits
from conftest import REPO

pytestmark = pytest.mark.timeout(120)

GOOD = "Officials said the road was open on Monday.\n"


def snapshot(folder: Path) -> dict[str, str]:
    """Every entry under ``folder`` (symlinks as links) with a hash of its bytes."""
    found = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root, name)
            rel = str(path.relative_to(folder))
            if path.is_symlink():
                found[rel] = "-> " + os.readlink(path)
            elif path.is_file():
                found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
            elif path.is_dir():
                found[rel] = "dir"
            else:
                found[rel] = "special"
    return found


def slant(*args: str, env: dict[str, str] | None = None, stdout=subprocess.PIPE, **kwargs) -> subprocess.CompletedProcess:
    """``python -m analysis ARGS`` in a real process."""
    return subprocess.run([sys.executable, "-m", "analysis", *map(str, args)], stdout=stdout, stderr=subprocess.PIPE,
                          cwd=REPO, timeout=100, env={**os.environ, **(env or {})}, **kwargs)


def lines(err: bytes | str) -> list[str]:
    text = err.decode("utf-8", "replace") if isinstance(err, bytes) else err
    return [line for line in text.splitlines() if line.strip()]


# The cases: files to make, what to run on them, and the exact outcome.


@dataclass
class Case:
    name: str
    files: dict[str, bytes | str]  # relative path → content (str is written as UTF-8); "@link:TARGET" makes a symlink
    code: int
    errors: list[str] = field(default_factory=list)  # each stderr line, as a regular expression ({dir} is the folder)
    paragraphs: dict[str, list[str]] = field(default_factory=dict)  # article id → its paragraphs' texts
    env: dict[str, str] = field(default_factory=dict)
    args: tuple[str, ...] = ()
    folder: bool = False  # run on the folder instead of on each file
    checks: dict[str, object] = field(default_factory=dict)  # article id → {metadata field: value}


def _cases() -> list[Case]:
    long_line = ("word " * 4_000_000).encode()  # 20 MB, one line
    alias_bomb = "---\ntitle: T\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b]\n---\nBody.\n"
    sentence = " ".join(["officials said the road was open"] * 60) + "."
    return [
        Case("empty", {"e.txt": b""}, 2, [r"slant: skipped {dir}/e.txt: empty: no text"]),
        Case("whitespace", {"w.txt": b" \n\t\r\n \n"}, 2, [r"slant: skipped {dir}/w.txt: empty: no text"]),
        Case("binary", {"b.txt": bytes(range(256)) * 8}, 2, [r"slant: skipped {dir}/b.txt: binary file, not text"]),
        Case("nul", {"n.txt": b"Officials said\x00 the road was open."}, 2,
             [r"slant: skipped {dir}/n.txt: binary file, not text"]),
        Case("invalid utf-8 read as windows-1252", {"i.txt": b"Caf\xe9 owners said the road was \x93open\x94.\n"}, 0,
             paragraphs={"i": ["Café owners said the road was “open”."]}),
        Case("utf-16 with a bom", {"u.txt": "Officials said “yes”.\r\nThe road was open.\r\n".encode("utf-16")}, 0,
             paragraphs={"u": ["Officials said “yes”.", "The road was open."]}),
        Case("utf-16 without a bom", {"u.txt": "Officials said yes.".encode("utf-16-le")}, 2,
             [r"slant: skipped {dir}/u.txt: binary file, not text"]),
        Case("mixed newlines", {"m.txt": b"First line here.\r\nSecond line here.\rThird line here.\n"}, 0,
             paragraphs={"m": ["First line here.", "Second line here.", "Third line here."]}),
        Case("20 MB single line", {"big.txt": long_line}, 2,
             [r"slant: skipped {dir}/big.txt: article too long, characters: 20,000,000 \(limit 1,000,000; raise it "
              r"with SLANT_MAX_ARTICLE_CHARS or Limits\(article_chars=…\)\)"]),
        Case("right to left", {"rtl.txt": "قال المسؤولون إن الطريق مفتوح.\n\nהדרך פתוחה, אמרו הפקידים.\n"}, 0,
             paragraphs={"rtl": ["قال المسؤولون إن الطريق مفتوح.", "הדרך פתוחה, אמרו הפקידים."]}),
        Case("cjk", {"cjk.txt": "官员说道路周一开放。\n\n道路は月曜日に開通したと当局者は述べた。\n"}, 0,
             paragraphs={"cjk": ["官员说道路周一开放。", "道路は月曜日に開通したと当局者は述べた。"]}),
        Case("emoji", {"emo.txt": "Officials 👩🏽‍⚖️ said the road 🛣️ was open 🎉.\n"}, 0,
             paragraphs={"emo": ["Officials 👩🏽‍⚖️ said the road 🛣️ was open 🎉."]}),
        Case("malformed json", {"bad.json": '{"text": "x",}'}, 2,
             [r"slant: skipped {dir}/bad.json: malformed JSON: Expecting property name enclosed in double quotes "
              r"\(column 14\)"]),
        Case("json lines with bad lines", {"feed.jsonl": '{"text": "One said."}\n{"text": \n[1]\n{"text": "Four said."}\n'},
             0, [r"slant: skipped {dir}/feed.jsonl:2: malformed JSON: Expecting value \(column 10\)",
                 r"slant: skipped {dir}/feed.jsonl:3: expected a JSON object with id, title and text"],
             paragraphs={"feed-1": ["One said."], "feed-4": ["Four said."]}),
        Case("json lines all bad", {"feed.jsonl": "nope\n{}\n"}, 2,
             [r"slant: skipped {dir}/feed.jsonl:1: malformed JSON: Expecting value \(column 1\)",
              r'slant: skipped {dir}/feed.jsonl:2: "text" must be a non-empty string']),
        Case("json text not a string", {"t.json": '{"text": ["a", "b"]}'}, 2,
             [r'slant: skipped {dir}/t.json: "text" must be a non-empty string']),
        Case("json number with thousands of digits", {"n.json": '{"text": "Hi there.", "id": ' + "9" * 5000 + "}"}, 2,
             [r"slant: skipped {dir}/n.json: a JSON number too long, characters: 5,000 \(limit 100; .*\)"]),
        Case("json nested thousands deep", {"d.json": '{"text": "Hi.", "x": ' + "[" * 5000 + "]" * 5000 + "}"}, 2,
             [r"slant: skipped {dir}/d.json: JSON nested too deeply, levels: 33 \(limit 32; .*\)"]),
        Case("json lone surrogate", {"s.json": '{"text": "Hi \\ud800 there."}'}, 2,
             [r'slant: skipped {dir}/s.json: "text" holds an invalid character \(a lone surrogate such as "\\ud800"\)']),
        Case("html with scripts", {"page.html": (
            "<html><head><title>Road reopens</title><script>alert('x')</script></head><body><nav>Home | World</nav>"
            "<article><h1>Road reopens</h1><p>Officials said the road was open again on Monday after the floods.</p>"
            "<script>document.write('injected')</script><p>Traffic was light in the morning, the police said.</p>"
            "</article></body></html>")}, 0,
             paragraphs={"page": ["Road reopens", "Officials said the road was open again on Monday after the floods.",
                                  "Traffic was light in the morning, the police said."]},
             checks={"page": {"title": "Road reopens"}}),
        Case("html metadata", {"meta.htm": (
            '<html><head><title>Rebels seize airport</title><meta name="author" content="Jane Doe">'
            '<meta property="og:url" content="https://example.org/a"><meta property="og:site_name" content="Example News">'
            '<meta property="article:published_time" content="2024-11-30"></head><body><article>'
            "<p>The militants stormed the airport on Saturday, officials said. They came from the north.</p>"
            "</article></body></html>")}, 0,
             paragraphs={"meta": ["The militants stormed the airport on Saturday, officials said. They came from the north."]},
             checks={"meta": {"title": "Rebels seize airport", "author": "Jane Doe", "url": "https://example.org/a",
                              "published": "2024-11-30", "outlet": "Example News"}}),
        Case("html without text", {"blank.html": "<html><body><script>x()</script></body></html>"}, 2,
             [r"slant: skipped {dir}/blank.html: no article text found in this HTML page"]),
        Case("folder without articles", {"README.md": "x", "data.csv": "a,b"}, 2,
             [r"slant: skipped {dir}: no articles \(.txt, .md, .json, .jsonl, .html\) in this folder"], folder=True),
        Case("symlink loop", {"a.txt": "@link:b.txt", "b.txt": "@link:a.txt", "good.txt": GOOD}, 0,
             [r"slant: skipped {dir}/a.txt: symlink loop \(or too many levels of symlinks\)",
              r"slant: skipped {dir}/b.txt: symlink loop \(or too many levels of symlinks\)"],
             paragraphs={"good": [GOOD.strip()]}, folder=True),
        Case("dangling symlink", {"gone.txt": "@link:nowhere.txt"}, 2,
             [r"slant: skipped {dir}/gone.txt: no such file or folder"]),
        Case("symlink to a device", {"zero.txt": "@link:/dev/zero", "good.txt": GOOD}, 0,
             [r"slant: skipped {dir}/zero.txt: is a character device, not a regular file"],
             paragraphs={"good": [GOOD.strip()]}, folder=True),
        Case("symlink to a regular file", {"real.md": GOOD, "alias.txt": "@link:real.md"}, 0,
             paragraphs={"alias": [GOOD.strip()], "real": [GOOD.strip()]}, folder=True),
        Case("unsupported file type", {"paper.pdf": "%PDF-1.4"}, 2,
             [r"slant: skipped {dir}/paper.pdf: unsupported file type: use .txt, .md, .json, .jsonl or .html "
              r"\(or a folder, or - for stdin\)"]),
        Case("yaml alias bomb", {"bomb.md": alias_bomb}, 2,
             [r"slant: skipped {dir}/bomb.md:4: malformed YAML front matter: aliases \(\*name\) are not allowed in "
              r"front matter in 'b: &b \[\*a,\*a,\*a,\*a,\*a,\*a,\*a,\*a,\*a\]'"]),
        Case("yaml impossible date", {"d.md": "---\ntitle: T\npublished: 2024-02-30\n---\nBody.\n"}, 2,
             [r"slant: skipped {dir}/d.md: malformed YAML front matter: day is out of range for month"]),
        Case("yaml tag that does not fit", {"t.md": "---\ntitle: !!int abc\n---\nBody.\n"}, 2,
             [r"slant: skipped {dir}/t.md: malformed YAML front matter: invalid literal for int\(\) with base 10: 'abc'"]),
        Case("yaml python object", {"p.md": "---\ntitle: !!python/object:os.system {}\n---\nBody.\n"}, 2,
             [r"slant: skipped {dir}/p.md:2: malformed YAML front matter: could not determine a constructor for the "
              r"tag 'tag:yaml.org,2002:python/object:os.system' in 'title: !!python/object:os.system \{\}'"]),
        Case("yaml nested thousands deep", {"n.md": "---\ntitle: " + "[" * 3000 + "]" * 3000 + "\n---\nBody.\n"}, 2,
             [r"slant: skipped {dir}/n.md:2: malformed YAML front matter: nested more than 32 levels deep in .*"]),
        Case("front matter too long", {"f.md": "---\ntitle: T\nnote: " + "x" * 70_000 + "\n---\nBody.\n"}, 2,
             [r"slant: skipped {dir}/f.md: front matter too long, characters: 70,016 \(limit 65,536; .*\)"]),
        Case("markdown opening with a rule", {"rule.md": "---\n\nThe first paragraph stays.\n\n---\n\nThe second one.\n"}, 0,
             paragraphs={"rule": ["---", "The first paragraph stays.", "---", "The second one."]}),
        Case("front matter lists and dates", {"l.md": "---\ntitle: [Road, open]\noutlet: {name: Daily}\npublished: 2024-11-30\n"
                                                      "url: https://example.org\n---\nOfficials said so.\n"}, 0,
             paragraphs={"l": ["Officials said so."]},
             checks={"l": {"title": "Road, open", "outlet": "name: Daily", "published": "2024-11-30"}}),
        Case("windows-1252 smart quotes", {"w.txt": "He said \u201cno\u201d \u2013 it\u2019s over.".encode("cp1252")}, 0,
             paragraphs={"w": ["He said \u201cno\u201d \u2013 it\u2019s over."]}),
        Case("latin-1", {"l.txt": "Le président a déclaré « non ».".encode("latin-1")}, 0,
             paragraphs={"l": ["Le président a déclaré « non »."]}),
        Case("file over the size limit", {"big.txt": GOOD * 100}, 2,
             [r"slant: skipped {dir}/big.txt: too large, bytes: 4,400 \(limit 1,000; raise it with "
              r"SLANT_MAX_FILE_BYTES or Limits\(file_bytes=…\)\)"], env={"SLANT_MAX_FILE_BYTES": "1000"}),
        Case("too many paragraphs", {"p.txt": "".join(f"Paragraph {n} said.\n" for n in range(12))}, 2,
             [r"slant: skipped {dir}/p.txt: too many paragraphs: 12 \(limit 5; .*\)"], env={"SLANT_MAX_PARAGRAPHS": "5"}),
        Case("a long sentence is cut", {"s.txt": sentence}, 0,
             [r"slant: warning: {dir}/s.txt: 1 sentence longer than 500 characters cut into pieces \(the "
              r"sentence_chars limit\)"], paragraphs={"s": [sentence]}, env={"SLANT_MAX_SENTENCE_CHARS": "500"}),
        Case("a bad limit", {"g.txt": GOOD}, 2, [r"slant: error: SLANT_MAX_PARAGRAPHS='many': expected a whole number of "
                                                 r"at least 1"], env={"SLANT_MAX_PARAGRAPHS": "many"}),
        Case("a name with escapes and a newline", {"x\x1b[31m\nslant: wrote y.txt": "", "good.txt": GOOD}, 0,
             [r"slant: skipped {dir}/x\\x1b\[31m\\nslant: wrote y.txt: empty: no text"],
             paragraphs={"good": [GOOD.strip()]}, folder=True),
        Case("strict makes a bad input exit 2", {"good.txt": GOOD, "bad.txt": b""}, 2,
             [r"slant: skipped {dir}/bad.txt: empty: no text"], paragraphs={"good": [GOOD.strip()]},
             args=("--strict",), folder=True),
        Case("missing path", {}, 2, [r"slant: skipped {dir}/missing.txt: no such file or folder"],
             args=("{dir}/missing.txt",)),
    ]


CASES = _cases()


def _make(folder: Path, files: dict[str, bytes | str]) -> list[Path]:
    paths = []
    for name, content in files.items():
        path = folder / name
        if isinstance(content, str) and content.startswith("@link:"):
            path.symlink_to(content[len("@link:"):])
        else:
            path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        paths.append(path)
    return paths


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case, tmp_path, capsys, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    paths = _make(folder, case.files)
    for name, value in case.env.items():
        monkeypatch.setenv(name, value)
    before = snapshot(tmp_path)
    targets = [folder] if case.folder else paths
    extra = [a.replace("{dir}", str(folder)) for a in case.args]
    code = _cli.main(["analyze", "--json", *extra, *map(str, targets)])
    out, err = capsys.readouterr()
    expected = [re.compile(e.replace("{dir}", re.escape(str(folder)))) for e in case.errors]
    got = lines(err)
    assert len(got) == len(expected), err
    for line, pattern in zip(got, expected):
        assert pattern.fullmatch(line), (line, pattern.pattern)
    assert code == case.code, err
    records = {r["article"]["id"]: r for r in map(json.loads, out.splitlines())}
    assert sorted(records) == sorted(case.paragraphs)
    for article_id, texts in case.paragraphs.items():
        record = records[article_id]
        text = record["article"]["text"]
        assert [text[p["start"]:p["end"]] for p in record["paragraphs"]] == texts
        for name, value in case.checks.get(article_id, {}).items():
            assert record["article"][name] == value
    assert snapshot(tmp_path) == before  # inputs unchanged, nothing left behind


def test_at_least_forty_cases():
    assert len(CASES) >= 40


# Special files and the time they take


def test_fifo_in_a_folder_is_refused_without_blocking(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "good.txt").write_text(GOOD)
    result = slant("analyze", "--json", folder)
    assert result.returncode == 0
    assert lines(result.stderr) == [f"slant: skipped {folder}/pipe.txt: is a pipe (FIFO), not a regular file"]
    assert [json.loads(x)["article"]["id"] for x in lines(result.stdout)] == ["good"]


def test_socket_is_refused(tmp_path, capsys):
    path = tmp_path / "s.txt"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        assert _cli.main(["analyze", str(path)]) == 2
    finally:
        server.close()
    assert lines(capsys.readouterr().err) == [f"slant: skipped {path}: is a socket, not a regular file"]


def test_stdin_over_the_limit(tmp_path):
    result = slant("analyze", "-", input=GOOD.encode() * 100, env={"SLANT_MAX_FILE_BYTES": "1000"})
    assert result.returncode == 2
    assert lines(result.stderr) == ["slant: skipped -: too large, bytes (at least): 1,001 (limit 1,000; raise it with "
                                    "SLANT_MAX_FILE_BYTES or Limits(file_bytes=…))"]


# A bug in one article: the others are analysed, the log is named, exit 70 (at once under --strict)


def _bug_in(monkeypatch, module, name: str, when) -> None:
    """Make ``module.name`` raise a bug when ``when(first argument)`` holds."""
    real = getattr(module, name)

    def flaky(first, *rest):
        if when(first):
            raise ZeroDivisionError("a bug")
        return real(first, *rest)

    monkeypatch.setattr(module, name, flaky)


@pytest.mark.parametrize("where", ["analysis", "reading"])
def test_a_bug_in_one_input_skips_only_it(tmp_path, capsys, monkeypatch, where):
    from analysis import _api, _load

    if where == "analysis":
        _bug_in(monkeypatch, _api, "run_pipeline", lambda article: article.id == "b")
    else:
        _bug_in(monkeypatch, _load, "_decode", lambda data: data.startswith(b"B"))
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    for name in "abc":
        (tmp_path / f"{name}.txt").write_text(name.upper() + GOOD)
    files = [str(tmp_path / f"{name}.txt") for name in "abc"]
    code = _cli.main(["analyze", "--json", *files])
    out, err = capsys.readouterr()
    assert code == 70
    assert [json.loads(x)["article"]["id"] for x in out.splitlines()] == ["a", "c"]
    (line,) = lines(err)
    match = re.fullmatch(rf"slant: skipped {re.escape(files[1])}: internal error; the details are in (\S+\.log)", line)
    assert match and "ZeroDivisionError: a bug" in Path(match.group(1)).read_text()
    assert _cli.main(["analyze", "--json", "--strict", *files]) == 70
    assert [json.loads(x)["article"]["id"] for x in capsys.readouterr().out.splitlines()] == ["a"]


# Outputs: -o checked first, never an input, never through a symlink


def test_a_long_id_gives_a_short_unique_file_name():
    long_a, long_b = "a" * 300 + "x", "a" * 300 + "y"
    names = {_report.safe_file_name(long_a), _report.safe_file_name(long_b)}
    assert len(names) == 2 and all(len(name.encode()) <= _report.MAX_NAME_BYTES for name in names)
    assert _report.safe_file_name("é" * 200).startswith("é" * 50)


@pytest.mark.parametrize("make, problem", [
    (lambda d: d / "in.html", "is one of the inputs: Slant never overwrites an input"),
    (lambda d: (d / "notes.txt").write_text("mine") and d / "notes.txt",
     "is a file, not a folder (give a folder, or a .html file)"),
    (lambda d: (d / "dir.html").mkdir() or d / "dir.html", "is a folder, not a file"),
    (lambda d: d / "in.html" / "r.html", "is not a folder"),
    (lambda d: (d / "page.html").write_text("<html>my page</html>") and d / "page.html",
     "exists and is not a Slant report: remove it or choose another name"),
    (lambda d: d / ("x" * 300 + ".html"), "name too long (a file name has at most 255 bytes)"),
], ids=["the input", "an existing non-report file", "a folder named like a file", "a path under a file",
        "another HTML page", "a name too long"])
def test_bad_output_is_refused_before_any_analysis(tmp_path, capsys, monkeypatch, make, problem):
    article = tmp_path / "in.html"
    article.write_text(f"<html><body><p>{GOOD}</p></body></html>")
    target = make(tmp_path)
    before = snapshot(tmp_path)
    monkeypatch.setattr(_api, "analyze_all", lambda *a, **k: pytest.fail("analysed before -o was checked"))
    code = _cli.main(["report", str(article), "-o", str(target)])
    assert code == 2
    (line,) = lines(capsys.readouterr().err)
    assert line.startswith(f"slant: error: {target}") and line.endswith(problem), line
    assert snapshot(tmp_path) == before


def test_an_output_replaces_a_symlink_and_never_writes_through_it(tmp_path):
    victim = tmp_path / "article.txt"
    victim.write_text(GOOD)
    link = tmp_path / "road.failed.ipynb"
    link.symlink_to(victim)
    _io.write_text_atomic(link, "{}")
    assert victim.read_text() == GOOD
    assert not link.is_symlink() and link.read_text() == "{}"


def test_a_failed_notebook_never_overwrites_the_article_through_a_planted_symlink(tmp_path):
    import nbformat

    notebook = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell('analysis_path = ""\narticle_path = ""')
    params.metadata["tags"] = ["parameters"]
    notebook.cells = [params, nbformat.v4.new_code_cell("1 / 0")]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    broken = tmp_path / "broken.ipynb"
    nbformat.write(notebook, broken)
    article = tmp_path / "road.txt"
    article.write_text(GOOD)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "road.failed.ipynb").symlink_to(article)
    with pytest.raises(_report.ReportError):
        _report.write_report(analyze(article), tmp_path / "out" / "road.html", notebook=broken)
    assert article.read_text() == GOOD
    assert sorted(os.listdir(tmp_path / "out")) == ["road.failed.ipynb"]
    assert not (tmp_path / "out" / "road.failed.ipynb").is_symlink()


@pytest.mark.parametrize("device", ["/dev/full"])
def test_a_full_disk_on_stdout_is_one_line(tmp_path, device):
    (tmp_path / "a.txt").write_text(GOOD)
    with open(device, "w") as full:
        result = slant("analyze", "--json", tmp_path / "a.txt", stdout=full)
    assert result.returncode == 2
    assert lines(result.stderr) == ["slant: error: standard output: cannot write: No space left on device"]


def test_a_closed_pipe_on_stdout_is_one_line(tmp_path):
    for name in "abc":
        (tmp_path / f"{name}.txt").write_text(GOOD)
    reader, writer = os.pipe()
    os.close(reader)
    with os.fdopen(writer, "w") as closed:
        result = slant("analyze", "--json", tmp_path, stdout=closed)
    assert result.returncode == 2
    assert lines(result.stderr) == ["slant: error: standard output: cannot write: Broken pipe"]


# Reports: an article without sentences, the same bytes twice, signals


def test_reports_are_deterministic_and_an_article_without_sentences_reports_fine(tmp_path):
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "marks.txt").write_text("???\n\n!!!\n")  # two separators: no sentence at all
    (articles / "road.md").write_text("---\ntitle: Road\n---\n" + GOOD)
    result = slant("report", articles, "-o", tmp_path / "one")
    assert result.returncode == 0, result.stderr
    assert lines(result.stderr) == [f"slant: wrote {tmp_path / 'one' / 'marks.html'}",
                                    f"slant: wrote {tmp_path / 'one' / 'road.html'}"]
    assert sorted(p.name for p in (tmp_path / "one").iterdir()) == ["index.html", "index.json", "marks.html", "road.html"]
    again = slant("report", articles / "road.md", "-o", tmp_path / "two.html")
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "two.html").read_bytes() == (tmp_path / "one" / "road.html").read_bytes()


def _leftovers() -> set[str]:
    folder = Path(os.environ.get("TMPDIR", "/tmp"))
    return {p.name for p in folder.glob("slant-report-*")}


@pytest.mark.parametrize("number, code, line", [(signal.SIGTERM, 143, "slant: terminated"),
                                                (signal.SIGINT, 130, "slant: interrupted")])
def test_a_signal_during_a_report_removes_temporary_files_and_the_kernel(tmp_path, number, code, line):
    (tmp_path / "road.txt").write_text(GOOD)
    work = tmp_path / "tmp"
    work.mkdir()
    process = subprocess.Popen([sys.executable, "-m", "analysis", "report", tmp_path / "road.txt", "-o", tmp_path / "out"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO,
                               env={**os.environ, "TMPDIR": str(work)}, start_new_session=True)
    deadline = time.monotonic() + 60
    while not any(work.glob("slant-report-*/kernel*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert any(work.glob("slant-report-*")), "the report never started"
    time.sleep(0.5)
    process.send_signal(number)
    _, err = process.communicate(timeout=60)
    assert process.returncode == code
    assert lines(err) == [line]
    assert list(work.iterdir()) == []  # the work folder, the kernel's files and sockets are gone
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []
    kernels = subprocess.run(["pgrep", "-f", f"ipykernel.*{work}"], capture_output=True)
    assert kernels.stdout == b""


# Linear time: what took minutes is bounded by the limits (speed itself is measured in make bench)


def test_a_long_sentence_is_analysed_in_pieces():
    text = " ".join(["the army did not say it was good"] * 2_000) + "."  # 66,000 characters, one sentence
    with pytest.warns(UserWarning, match="1 sentence longer than 2,000 characters cut into pieces"):
        doc = analyze(text=text)
    sentences = doc.analysis.sentences
    assert len(sentences) > 30 and all(s.end - s.start <= 2_000 for s in sentences)
    assert sentences[0].start == 0 and sentences[-1].end == len(text)


def test_limits_are_keyword_only_in_python(tmp_path):
    with pytest.raises(InputError, match="too many paragraphs: 3"):
        analyze(text="One said.\nTwo said.\nThree said.\n", limits=Limits(paragraphs=2))
    with pytest.raises(TypeError):
        Limits(5)  # type: ignore[misc]


# Property tests: any Unicode text


@pytest.fixture(scope="module")
def resources():
    from analysis._pipeline import load_resources

    return load_resources()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300))
def test_analyze_any_text(text, resources):
    first, second = analyze(text=text, resources=resources), analyze(text=text, resources=resources)
    assert first.to_json() == second.to_json()
    record = json.loads(first.to_json())
    article = record["article"]["text"]
    for name in ("paragraphs", "sentences", "quotes", "loaded_terms", "actor_mentions"):
        for span in record[name]:
            assert 0 <= span["start"] <= span["end"] <= len(article)
            if "text" in span:
                assert article[span["start"]:span["end"]] == span["text"]
