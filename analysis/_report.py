"""HTML reports: the parameterized notebook, executed by papermill, converted by nbconvert without code cells.

``write_report`` (one article) and ``write_comparison`` (several) read as the pipeline: save the analyses → execute
the notebook on them → convert to HTML → write atomically. When a cell fails, the executed notebook is saved next
to the report before ReportError is raised.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import _io, _signals
from ._document import Document
from ._errors import InputError, ReportError

#: The report notebook of this checkout (the package is installed editable from it).
ARTICLE_NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "article_report.ipynb"
#: The comparison notebook (``slant compare``).
COMPARE_NOTEBOOK = ARTICLE_NOTEBOOK.with_name("compare_articles.ipynb")
#: The corpus overview notebook (``slant report --corpus DIR``).
CORPUS_NOTEBOOK = ARTICLE_NOTEBOOK.with_name("corpus_overview.ipynb")
#: nbconvert's lab page without scripts: see templates/slant/index.html.j2.
TEMPLATES = Path(__file__).resolve().parent / "templates"
KERNEL = "python3"
#: The longest report file name stem, in bytes; a longer id is cut and given a hash of itself.
MAX_NAME_BYTES = 120


def report_path(document: Document, output: Path) -> Path:
    """Where the report of ``document`` goes: ``output`` itself if it is an .html file, else ``output/<id>.html``."""
    if output.suffix.lower() in (".html", ".htm"):
        return output
    return output / f"{safe_file_name(document.article.id)}.html"


def safe_file_name(article_id: str) -> str:
    """An article id made safe as a file name (letters, digits, ``.``, ``-``, ``_``)."""
    name = re.sub(r"[^\w.-]+", "_", article_id).strip("._")
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:  # a file system takes 255 bytes; keep room for .failed.ipynb
        digest = hashlib.sha256(article_id.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        name = name.encode("utf-8")[:MAX_NAME_BYTES - 13].decode("utf-8", "ignore") + "-" + digest
    return name or "article"


def write_report(document: Document, target: Path, *, notebook: Path = ARTICLE_NOTEBOOK) -> Path:
    """Write the HTML report of one document to ``target``; raises ReportError if the notebook fails."""
    _check_notebook(notebook)
    with tempfile.TemporaryDirectory(prefix="slant-report-") as work:
        saved = Path(work, "analysis.json")
        _io.write_text_atomic(saved, document.to_json())
        _render(notebook, target, work, parameters={"analysis_path": str(saved), "article_path": ""},
                name=document.article.id, title=f"Slant report: {document.article.title or document.article.id}")
    return target


def write_comparison(documents: Sequence[Document], target: Path, *, labels: Sequence[str],
                     actors: str | None = None, notebook: Path = COMPARE_NOTEBOOK) -> Path:
    """Write the HTML comparison of the documents (one label each) to ``target``; raises ReportError if the notebook
    fails."""
    _check_notebook(notebook)
    with tempfile.TemporaryDirectory(prefix="slant-compare-") as work:
        saved = [Path(work, f"analysis-{k}.json") for k in range(len(documents))]
        for path, document in zip(saved, documents):
            _io.write_text_atomic(path, document.to_json())
        parameters = {"analysis_paths": [str(p) for p in saved], "article_paths": [], "labels": list(labels),
                      "actors_path": str(Path(actors).resolve()) if actors else ""}
        _render(notebook, target, work, parameters=parameters, name="comparison",
                title=f"Slant comparison: {', '.join(labels)}")
    return target


def write_corpus_report(corpus: Path, output: Path, *, notebook: Path = CORPUS_NOTEBOOK) -> Path:
    """Write the HTML overview of a corpus folder (``slant corpus -o DIR``) to ``output`` (an .html file, or a folder
    for ``corpus_overview.html``); raises InputError when ``corpus`` holds no corpus, ReportError if the notebook
    fails."""
    if not (corpus / "articles").is_dir():
        raise InputError(str(corpus), "not a corpus folder (no articles table): make one with slant corpus PATH… -o DIR")
    target = output if output.suffix.lower() in (".html", ".htm") else output / "corpus_overview.html"
    _check_notebook(notebook)
    with tempfile.TemporaryDirectory(prefix="slant-report-") as work:
        _render(notebook, target, work, parameters={"corpus_path": str(corpus.resolve())}, name=str(corpus),
                title=f"Slant corpus overview: {corpus.name}")
    return target


def _render(notebook: Path, target: Path, work: str, *, parameters: dict[str, Any], name: str, title: str) -> None:
    """Execute the notebook in ``work`` and write it to ``target`` as HTML, atomically."""
    executed = Path(work, "executed.ipynb")
    _execute(notebook, executed, parameters=parameters, cwd=work, article_id=name,
             keep_failed=target.with_suffix(".failed.ipynb"))
    _io.write_text_atomic(target, _to_html(executed, title=title))


def _check_notebook(notebook: Path) -> None:
    if not notebook.is_file():
        raise ReportError("report", f"the report notebook {notebook} is missing (is Slant installed with pip -e?)")


def _execute(notebook: Path, executed: Path, *, parameters: dict[str, Any], cwd: str, article_id: str,
             keep_failed: Path) -> None:
    """Run the notebook with papermill; on a failing cell, save the executed notebook and raise ReportError."""
    import papermill

    kernel = _kernel_manager(cwd)
    try:
        papermill.execute_notebook(
            str(notebook), str(executed), parameters=parameters, kernel_name=KERNEL, cwd=cwd,
            progress_bar=False, log_output=False, km=kernel,
        )
    except papermill.PapermillExecutionError as error:
        _signals.check()  # a Ctrl-C that the kernel turned into a failing cell stops the run, not this report
        _io.write_bytes_atomic(keep_failed, executed.read_bytes())  # never through a symlink planted there
        raise ReportError(article_id, f"{error.ename}: {error.evalue}", cell=_code_cell_number(executed, error.exec_count),
                          notebook=str(keep_failed)) from None
    finally:
        if kernel.has_kernel:
            kernel.shutdown_kernel(now=True)
    _signals.check()


def _kernel_manager(work: str):  # noqa: ANN202 - a jupyter_client KernelManager
    """The kernel's manager: over local IPC sockets in the work folder where the platform has them (no TCP port)."""
    from jupyter_client.manager import KernelManager

    if os.name == "posix":
        return KernelManager(kernel_name=KERNEL, transport="ipc", ip=str(Path(work, "kernel")))
    return KernelManager(kernel_name=KERNEL)


def _code_cell_number(executed: Path, exec_count: int | None) -> int | None:
    """The 1-based number of the cell that ran as ``exec_count`` among the code cells of the report notebook as
    written (papermill's injected parameters cell is not counted)."""
    import nbformat

    number = 0
    for cell in nbformat.read(executed, as_version=4).cells:
        if cell.cell_type != "code" or "injected-parameters" in cell.metadata.get("tags", []):
            continue
        number += 1
        if cell.get("execution_count") == exec_count:
            return number
    return None


def _reproducible(notebook):  # noqa: ANN001, ANN202 - an nbformat NotebookNode
    """The executed notebook without what changes from run to run: papermill's random cell ids and its timings,
    execution timestamps and the kernel's versions. The same input then gives the same HTML bytes."""
    for number, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{number:02d}"
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
    notebook.metadata.pop("papermill", None)
    notebook.metadata.pop("language_info", None)
    return notebook


def _to_html(executed: Path, *, title: str) -> str:
    """The executed notebook as a standalone HTML page without code cells, prompts or scripts."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="slant", extra_template_basedirs=[str(TEMPLATES)],
        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
    )
    notebook = _reproducible(nbformat.read(executed, as_version=4))
    notebook.metadata["title"] = title  # the template escapes it
    body, _ = exporter.from_notebook_node(notebook)
    return body
