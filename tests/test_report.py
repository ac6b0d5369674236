"""HTML reports (``slant report``) and the report notebook itself."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys

import nbformat
import pytest

from analysis import ReportError, analyze
from analysis import _cli, _report
from conftest import ARTICLE, ARTICLE_TITLE, REPO

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
PAYLOADS = ('<script>alert("x")</script>', "<img src=x onerror=alert(1)>", "\"'&")
HOSTILE_TITLE = "Breaking " + " ".join(PAYLOADS)
HOSTILE = {
    "id": "hostile",
    "title": HOSTILE_TITLE,
    "outlet": PAYLOADS[1],
    "text": (f"{HOSTILE_TITLE}\n\n"
             f"The militants stormed the town {PAYLOADS[0]} on Saturday, officials said.\n\n"
             f"\"We will never surrender {PAYLOADS[1]},\" the governor told reporters {PAYLOADS[2]}.\n\n"
             f"The so-called \"liberators\" {PAYLOADS[2]} clearly lost control.\n"),
}


def slant(*args, cwd=REPO) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analysis", *map(str, args)], capture_output=True, cwd=cwd,
                          timeout=300, text=True)


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """One ``slant report`` run over a plain and a hostile article into a folder; notebooks take seconds to run."""
    inputs = tmp_path_factory.mktemp("inputs")
    plain = inputs / "rebels.md"
    plain.write_text(ARTICLE, encoding="utf-8")
    hostile = inputs / "hostile.json"
    hostile.write_text(json.dumps(HOSTILE), encoding="utf-8")
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (plain, hostile)}
    out = tmp_path_factory.mktemp("reports") / "out"
    result = slant("report", plain, hostile, "-o", out)
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (plain, hostile)}
    return {"result": result, "out": out, "inputs_before": before, "inputs_after": after}


def html_of(reports, name: str) -> str:
    return (reports["out"] / name).read_text(encoding="utf-8")


def test_report_run_succeeds_and_names_each_file(reports):
    result = reports["result"]
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    ours = [line for line in result.stderr.splitlines() if line.startswith("slant:")]
    assert ours == [f"slant: wrote {reports['out'] / 'rebels.html'}",
                                          f"slant: wrote {reports['out'] / 'hostile.html'}"]


def test_reports_in_one_kernel_are_the_reports_of_several(reports, tmp_path):
    inputs = sorted(reports["inputs_before"])
    result = slant("report", *inputs, "-o", tmp_path, "--jobs", "1")
    assert result.returncode == 0, result.stderr
    for name in ("rebels.html", "hostile.html", "index.json"):
        assert (tmp_path / name).read_bytes() == (reports["out"] / name).read_bytes(), name


def test_report_folder_holds_one_html_per_article_its_index_and_no_temp_files(reports):
    assert sorted(p.name for p in reports["out"].iterdir()) == ["hostile.html", "index.html", "index.json", "rebels.html"]


def test_the_index_links_every_report_with_its_title_outlet_date_and_figures(reports):
    page = html_of(reports, "index.html")
    assert "<a href='rebels.html'>Rebels Seize the Airport</a>" in page
    assert "Example News" in page and "2024-11-30" in page and "loaded /100 words, own voice" in page
    assert "<a href='hostile.html'>" in page and "<script" not in page and "onerror=alert(1)>" not in page
    entries = json.loads(html_of(reports, "index.json"))["reports"]
    assert [e["file"] for e in entries] == ["hostile.html", "rebels.html"]
    assert set(entries[1]["figures"]) >= {"word_count", "author_loaded_density", "tone"}


def test_the_report_opens_with_the_summary_card_then_the_marked_up_article(reports):
    html = html_of(reports, "rebels.html")
    order = [html.index(h) for h in ("What stands out", "The article with its evidence", "Paragraph by paragraph",
                                     "Tone through the article", "Loaded language: categories and top terms",
                                     "Voices: who is quoted", "Methods and limits", '<div class="slant-footer">')]
    assert order == sorted(order)
    card = html[html.index('<div class="slant-card">'):html.index("The article with its evidence")]
    assert re.search(r"href=[\"']#slant-p-\d+[\"']", card)  # the points link to the paragraphs behind them
    assert "PolNeAR" in html and "text SHA-256" in html


def test_report_has_no_code_cells(reports):
    html = html_of(reports, "rebels.html")
    for code in ("from analysis import", "views.open_document", "display(", "article_path =", "analysis_path ="):
        assert code not in html


def test_report_shows_the_title_and_figures_with_alt_text(reports):
    html = html_of(reports, "rebels.html")
    assert re.search(rf"<h1[^>]*>\s*{re.escape(ARTICLE_TITLE)}\s*</h1>", html)
    images = re.findall(r"<img\b[^>]*>", html)
    assert images and all(re.search(r"\balt=['\"][^'\"]+['\"]", img) for img in images)
    assert "Example News" in html and "By Jane Doe" in html


def test_report_escapes_hostile_title_and_text(reports):
    html = html_of(reports, "hostile.html")
    for payload in PAYLOADS[:2]:
        assert payload not in html
    assert "<script>alert" not in html and "<img src=x" not in html and "onerror=alert(1)>" not in html
    assert re.search(r"\"'&(?!amp;)", html) is None  # the ampersand of the payload is always escaped
    assert "&lt;script&gt;alert(" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert re.search(r"(\"|&quot;|&#34;)('|&#x27;|&#39;)&amp;", html)


def test_report_does_not_modify_its_inputs(reports):
    assert reports["inputs_after"] == reports["inputs_before"]


def test_report_to_an_html_file_writes_exactly_that_file(tmp_path, article_file):
    target = tmp_path / "some" / "file.html"
    result = slant("report", article_file, "-o", target)
    assert result.returncode == 0, result.stderr
    assert target.is_file()
    assert sorted(p.name for p in target.parent.iterdir()) == ["file.html"]
    assert ARTICLE_TITLE in target.read_text(encoding="utf-8")


def test_report_to_an_html_file_refuses_two_articles(capsys, monkeypatch, tmp_path, article_file):
    other = tmp_path / "other.txt"
    other.write_text("Officials said the road was open.\n", encoding="utf-8")
    monkeypatch.setattr(_report, "article_render", lambda doc, target, **_: lambda kernel: lambda: target.write_text("stub") or target)
    target = tmp_path / "file.html"
    code = _cli.main(["report", str(article_file), str(other), "-o", str(target)])
    err = capsys.readouterr().err
    assert code == 2
    assert "Traceback" not in err
    assert f"slant: error: {target}: an .html output takes one article" in err
    assert not target.exists()  # refused before anything was written


def test_articles_with_the_same_id_get_distinct_report_files(capsys, monkeypatch, tmp_path):
    for folder in ("x", "y"):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "a.txt").write_text(f"The {folder} road was open, officials said.\n", encoding="utf-8")
    (tmp_path / "out").mkdir()
    monkeypatch.setattr(_report, "article_render", lambda doc, target, **_: lambda kernel: lambda: target.write_text(doc.text) or target)
    code = _cli.main(["report", str(tmp_path / "in"), "-o", str(tmp_path / "out")])
    assert code == 0
    written = {p.name: p.read_text() for p in (tmp_path / "out").iterdir() if not p.name.startswith("index.")}
    assert written == {"a.html": "The x road was open, officials said.\n", "a-2.html": "The y road was open, officials said.\n"}
    assert capsys.readouterr().err.count("slant: wrote") == 2


def test_a_failing_report_is_skipped_and_the_batch_goes_on(capsys, monkeypatch, tmp_path):
    from analysis import ReportError

    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(f"The {name} road was open, officials said.\n", encoding="utf-8")

    def render(doc, target, **_):
        def run(kernel):
            if doc.article.id == "a":
                raise ReportError("a", "ValueError: broken", cell=2, notebook="a.failed.ipynb")
            target.parent.mkdir(parents=True, exist_ok=True)
            return lambda: target.write_text("ok") or target
        return run

    monkeypatch.setattr(_report, "article_render", render)
    code = _cli.main(["report", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 70  # a failing cell of Slant's own notebook is a bug, not a bad input
    assert "slant: skipped a: report failed in cell 2: ValueError: broken" in err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["b.html", "index.html", "index.json"]


def test_report_path_is_the_file_or_id_in_a_folder(tmp_path):
    doc = analyze(text="Officials said the road was open.", id="a/b c")
    assert _report.report_path(doc, tmp_path / "x.HTML") == tmp_path / "x.HTML"
    assert _report.report_path(doc, tmp_path) == tmp_path / "a_b_c.html"


# A failing notebook


def _failing_notebook(path):
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell('analysis_path = ""\narticle_path = ""')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell('raise ValueError("the report broke")'),
                nbformat.v4.new_code_cell('print("never")')]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    return path


def test_failing_notebook_raises_report_error_and_keeps_the_executed_notebook(tmp_path):
    notebook = _failing_notebook(tmp_path / "broken.ipynb")
    doc = analyze(text="Officials said the road was open.", id="road")
    target = tmp_path / "out" / "road.html"
    with pytest.raises(ReportError) as caught:
        _report.write_report(doc, target, notebook=notebook)
    error = caught.value
    assert not target.exists()
    saved = tmp_path / "out" / "road.failed.ipynb"
    assert error.notebook == str(saved) and saved.is_file()
    assert sorted(p.name for p in saved.parent.iterdir()) == ["road.failed.ipynb"]
    assert error.article_id == "road"
    assert "ValueError: the report broke" in str(error)
    # The saved notebook marks the failing cell; the error names it as the user wrote the notebook:
    # the second code cell (papermill's injected parameters cell is not counted).
    executed = nbformat.read(saved, as_version=4)
    failing = [c for c in executed.cells if c.cell_type == "code" and any(o.get("output_type") == "error"
                                                                           for o in c.get("outputs", []))]
    assert len(failing) == 1
    assert "ValueError" in failing[0].source
    assert error.cell == 2
    assert "in cell 2" in str(error)


def test_a_failing_report_keeps_the_older_good_report_and_a_fixed_one_drops_the_failed_notebook(tmp_path):
    doc = analyze(text="Officials said the road was open.", id="road")
    target = tmp_path / "road.html"
    target.write_text("the older good report", encoding="utf-8")
    with pytest.raises(ReportError):
        _report.write_report(doc, target, notebook=_failing_notebook(tmp_path / "broken.ipynb"))
    assert target.read_text(encoding="utf-8") == "the older good report"
    assert (tmp_path / "road.failed.ipynb").is_file()
    good = _failing_notebook(tmp_path / "good.ipynb")
    nb = nbformat.read(good, as_version=4)
    nb.cells = nb.cells[:1]
    nbformat.write(nb, good)
    _report.write_report(doc, target, notebook=good)
    assert "the older good report" not in target.read_text(encoding="utf-8")
    assert not (tmp_path / "road.failed.ipynb").exists()


def test_one_kernel_runs_a_batch_and_a_dead_kernel_is_restarted(tmp_path):
    notebook = _failing_notebook(tmp_path / "kill.ipynb")
    nb = nbformat.read(notebook, as_version=4)
    nb.cells = nb.cells[:1]
    nbformat.write(nb, notebook)
    doc = analyze(text="Officials said the road was open.", id="road")
    with _report.ReportKernel() as kernel:
        kernel.warm_up()
        rendering = _report.start_report(doc, tmp_path / "a.html", notebook=notebook, kernel=kernel)
        assert rendering.result() == tmp_path / "a.html"
        first = kernel.manager  # the kernel the warm-up started
        _report.write_report(doc, tmp_path / "b.html", notebook=notebook, kernel=kernel)
        assert kernel.manager is first  # the same kernel ran both
        first.provisioner.process.kill()
        first.provisioner.process.wait()
        _report.write_report(doc, tmp_path / "c.html", notebook=notebook, kernel=kernel)
        assert kernel.manager is not first
    assert all((tmp_path / f"{n}.html").is_file() for n in "abc")


def test_a_kernel_renders_in_its_own_thread_one_report_after_another_and_converts_in_another():
    import threading

    ran = []

    def render(name):
        def run(kernel):
            ran.append((name, threading.current_thread().name))
            return lambda: ran.append((name.upper(), threading.current_thread().name)) or name
        return run

    with _report.ReportKernel() as kernel:
        renderings = [kernel.later(render(name)) for name in "abc"]
        assert [r.result() for r in renderings] == list("abc")
    assert [name for name, _ in ran if name.islower()] == list("abc")
    assert [name for name, _ in ran if name.isupper()] == list("ABC")
    assert {thread for name, thread in ran if name.islower()} == {"slant-report_0"}
    assert {thread for name, thread in ran if name.isupper()} == {"slant-html_0"}


def test_missing_notebook_raises_report_error(tmp_path):
    doc = analyze(text="Officials said the road was open.", id="road")
    with pytest.raises(ReportError, match="missing"):
        _report.write_report(doc, tmp_path / "road.html", notebook=tmp_path / "nope.ipynb")
    assert list(tmp_path.iterdir()) == []


# Notebook hygiene


def test_there_is_a_report_notebook():
    assert REPO / "notebooks" / "article_report.ipynb" in NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], cell.source[:60]
            assert cell.execution_count is None, cell.source[:60]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_parameters_are_typed_literals(path):
    """Each parameter is a string literal, or annotated ``str``, ``list[str]`` or ``dict[str, str]`` with a literal of
    that type."""
    nb = nbformat.read(path, as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    (cell,) = tagged
    assert cell.cell_type == "code"
    tree = ast.parse(cell.source)
    assert tree.body
    for statement in tree.body:
        if isinstance(statement, ast.AnnAssign):
            assert isinstance(statement.target, ast.Name)
            annotation = ast.unparse(statement.annotation)
            value = ast.literal_eval(statement.value)
            assert annotation in ("str", "list[str]", "dict[str, str]"), annotation
            kind = {"str": str, "list[str]": list, "dict[str, str]": dict}[annotation]
            assert isinstance(value, kind)
            assert all(isinstance(v, str) for v in ([*value, *value.values()] if kind is dict else
                                                    value if kind is list else [value]))
            continue
        assert isinstance(statement, ast.Assign), ast.dump(statement)
        assert all(isinstance(t, ast.Name) for t in statement.targets)
        assert isinstance(statement.value, ast.Constant) and isinstance(statement.value.value, str)


def test_corpus_overview_runs_on_a_tiny_corpus(tmp_path, capsys):
    from analysis._corpus import run_corpus
    from test_corpus import OUTLETS, tiny_corpus

    corpus = tmp_path / "corpus"
    run_corpus([tiny_corpus(tmp_path / "inputs")], corpus, jobs=1)
    assert _cli.main(["report", "--corpus", str(corpus), "-o", str(tmp_path / "reports")]) == 0
    html = (tmp_path / "reports" / "corpus_overview.html").read_text(encoding="utf-8")
    assert "Slant corpus overview" in html and "<b>6</b> articles" in html
    assert all(outlet in html for outlet in OUTLETS) and "2024-02" in html and "data:image/png" in html
    assert "<script" not in html.split("</head>")[-1]


def test_report_takes_articles_or_a_corpus(tmp_path, capsys, article_file):
    assert _cli.main(["report", "--corpus", str(tmp_path), "-o", str(tmp_path / "r")]) == 2
    assert "not a corpus folder" in capsys.readouterr().err
    assert _cli.main(["report", str(article_file), "--corpus", str(tmp_path)]) == 2
    assert _cli.main(["report"]) == 2


def test_a_pool_of_kernels_starts_another_only_when_every_kernel_is_busy():
    import threading

    gate, used = threading.Event(), []

    def render(wait: bool, into: list | None = None):
        def run(kernel):
            (used if into is None else into).append(kernel)
            if wait:
                gate.wait(30)
        return run

    with _report.ReportKernels(2) as pool:
        for _ in range(3):  # one article after another: one kernel
            pool.later(render(False)).result()
        assert len(pool.kernels) == 1 and len(set(used)) == 1
        busy, second = pool.later(render(True)), []
        pool.later(render(False, second)).result()  # the first kernel is busy: a second one renders this
        # (its own list: the busy render may append to ``used`` after it)
        assert len(pool.kernels) == 2 and second == [pool.kernels[1]] and pool.kernels[1] is not used[0]
        gate.set()
        busy.result()
        pool.later(render(False)).result()
        assert len(pool.kernels) == 2  # never more than the pool's count
    with _report.ReportKernels(1) as pool:
        gate.clear()
        busy = pool.later(render(True))
        waiting = pool.later(render(False))
        assert len(pool.kernels) == 1
        gate.set()
        busy.result(), waiting.result()
