"""The notebooks: each runs on the seed with papermill, shows its typed parameters, and stays as committed when
JupyterLab opens, runs and saves it (the nbstripout filter that ``make setup`` installs)."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import nbformat
import pytest

from conftest import REPO

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
#: What every committed notebook's metadata is: the project's kernel (``make lab`` installs it as python3).
METADATA = {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
            "language_info": {"name": "python"}}


def notebook_keys() -> str:
    """The kernel details the git filter strips, as the Makefile installs it."""
    match = re.search(r"^NOTEBOOK_KEYS := (.+)$", (REPO / "Makefile").read_text(encoding="utf-8"), re.MULTILINE)
    assert match
    return match.group(1)


def strip(data: bytes) -> bytes:
    """The clean side of the git filter."""
    nbstripout = [sys.executable, "-m", "nbstripout", "--extra-keys", notebook_keys()]
    return subprocess.run(nbstripout, input=data, capture_output=True, check=True).stdout


def test_there_are_the_report_explore_and_comparison_notebooks():
    assert {p.name for p in NOTEBOOKS} >= {"article_report.ipynb", "explore.ipynb", "compare_articles.ipynb",
                                           "corpus_overview.ipynb"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_notebook_is_clean(path):
    """No outputs, no execution counts, the stable metadata, and already what the git filter makes of it."""
    nb = nbformat.read(path, as_version=4)
    assert nb.metadata == METADATA
    assert all(c.get("outputs", []) == [] and c.get("execution_count") is None for c in nb.cells if c.cell_type == "code")
    assert strip(path.read_bytes()) == path.read_bytes()


def run_in_jupyterlab(path):
    """The notebook as JupyterLab holds it after a run: outputs, counts, full kernel details, widget state."""
    nb = nbformat.read(path, as_version=4)
    for number, cell in enumerate(c for c in nb.cells if c.cell_type == "code"):
        cell.execution_count = number + 1
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="ran\n")]
        cell.metadata["execution"] = {"iopub.status.busy": "2026-01-01T00:00:00"}
    nb.metadata["language_info"] = {"codemirror_mode": {"name": "ipython", "version": 3}, "file_extension": ".py",
                                    "mimetype": "text/x-python", "name": "python", "nbconvert_exporter": "python",
                                    "pygments_lexer": "ipython3", "version": "3.11.7"}
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    return nb


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_a_notebook_run_and_saved_as_jupyterlab_does_is_unchanged_by_the_filter(path, tmp_path):
    """What JupyterLab saves after a run cleans to the file."""
    saved = tmp_path / path.name
    nbformat.write(run_in_jupyterlab(path), saved)
    assert strip(saved.read_bytes()) == path.read_bytes()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_make_lab_saves_a_run_notebook_as_the_committed_file(path, tmp_path):
    """Through make lab's save hook, JupyterLab writes the committed bytes themselves (git status stays clean)."""
    from types import SimpleNamespace

    from analysis._lab import keep_as_committed

    installed = subprocess.run(["git", "config", "--get", "filter.nbstripout.clean"], cwd=REPO, capture_output=True,
                               text=True, check=False).stdout
    if not installed:
        pytest.skip("the notebook filter is not installed here (make setup installs it in a git checkout)")
    model = {"type": "notebook", "content": run_in_jupyterlab(path)}
    keep_as_committed(model, f"notebooks/{path.name}", SimpleNamespace(root_dir=str(REPO)))
    saved = tmp_path / path.name
    nbformat.write(nbformat.from_dict(model["content"]), saved, version=nbformat.NO_CONVERT)  # as jupyter_server does
    assert saved.read_bytes() == path.read_bytes()
    other = {"type": "notebook", "content": run_in_jupyterlab(path)}
    keep_as_committed(other, "mine.ipynb", SimpleNamespace(root_dir=str(REPO)))
    assert any(c.get("outputs") for c in other["content"].cells)  # a notebook outside notebooks/: saved as it is


def test_gitattributes_route_notebooks_through_the_filter():
    attributes = (REPO / ".gitattributes").read_text(encoding="utf-8")
    assert re.search(r"^\*\.ipynb filter=nbstripout\b", attributes, re.MULTILINE)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_papermill_shows_the_typed_parameters(path):
    result = subprocess.run([sys.executable, "-m", "papermill", "--help-notebook", str(path)], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Parameters inferred for notebook" in result.stdout
    cell = next(c for c in nbformat.read(path, as_version=4).cells if "parameters" in c.metadata.get("tags", []))
    for name, kind in re.findall(r"^(\w+): ([\w\[\]]+) =", cell.source, re.MULTILINE):
        assert re.search(rf"^\s*{name}: {re.escape(kind)} \(default", result.stdout, re.MULTILINE), result.stdout


def _errors(executed) -> list:
    return [o for c in executed.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]


def seed_corpus(folder):
    """The corpus tables of the seeds (``slant corpus seeds/``), for the corpus overview."""
    from analysis._corpus import run_corpus

    run_corpus([str(REPO / "seeds")], folder, jobs=1)
    return {"corpus_path": str(folder)}


#: The parameters a notebook needs beyond its defaults to run on the seed (the defaults name the seed otherwise).
SEED_PARAMETERS = {"corpus_overview.ipynb": seed_corpus}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_notebook_runs_on_the_seed(path, tmp_path):
    """Run where JupyterLab runs it (its own folder), into a temporary folder."""
    import papermill

    parameters = SEED_PARAMETERS[path.name](tmp_path / "corpus") if path.name in SEED_PARAMETERS else {}
    output = tmp_path / path.name
    papermill.execute_notebook(str(path), str(output), kernel_name="python3", cwd=str(path.parent),
                               parameters=parameters, progress_bar=False, log_output=False)
    executed = nbformat.read(output, as_version=4)
    assert _errors(executed) == []
    html = json.dumps([o.get("data", {}) for c in executed.cells if c.cell_type == "code" for o in c.outputs])
    assert any(seed in html for seed in ("000_8122d49cfe791c67", "Turkey-Backed Jihadists", "Levant Wire"))


def test_the_report_notebook_defaults_work_from_the_repository_root(tmp_path):
    import papermill

    output = tmp_path / "report.ipynb"
    papermill.execute_notebook(str(REPO / "notebooks" / "article_report.ipynb"), str(output), kernel_name="python3",
                               cwd=str(REPO), progress_bar=False, log_output=False)
    assert _errors(nbformat.read(output, as_version=4)) == []
