"""HTML reports: the parameterized notebook, executed by papermill, converted by nbconvert without code cells.

``write_report`` (one article) and ``write_comparison`` (several) read as the pipeline: save the analyses → execute
the notebook on them → convert to HTML → write atomically. When a cell fails, the executed notebook is saved next to the report before ReportError is raised, and an
older report at the target stays as it was. A batch runs its reports in a few kernels (:class:`ReportKernels`, one
per core at most): each kernel's imports are paid once, not once per article.

The notebooks ship inside the package as ``analysis.notebooks`` (the repository's ``notebooks/`` folder, mapped in
pyproject.toml), so that reports work from a normal ``pip install``.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any

from . import _io, _signals
from ._document import Document
from ._errors import InputError, ReportError

#: The report notebook, inside the installed package.
ARTICLE_NOTEBOOK = "article_report.ipynb"
#: The comparison notebook (``slant compare``).
COMPARE_NOTEBOOK = "compare_articles.ipynb"
#: The corpus overview notebook (``slant report --corpus DIR``).
CORPUS_NOTEBOOK = "corpus_overview.ipynb"
#: nbconvert's lab page without scripts: see templates/slant/index.html.j2.
TEMPLATES = Path(__file__).resolve().parent / "templates"
KERNEL = "python3"
#: The longest report file name stem, in bytes; a longer id is cut and given a hash of itself.
MAX_NAME_BYTES = 120
#: What a report kernel imports before the first report (the notebooks' modules).
WARM_UP = "import analysis.plots, analysis.views"
#: The saved analysis, in the kernel's working folder (the notebook's ``analysis_path``).
SAVED_ANALYSIS = "analysis.json"


def notebook_path(name: str) -> Path:
    """The path of a notebook shipped with the package (``analysis.notebooks``)."""
    return Path(str(resources.files("analysis.notebooks").joinpath(name)))


def report_path(document: Document, output: Path) -> Path:
    """Where the report of ``document`` goes: ``output`` itself if it is an .html file, else ``output/<id>.html``."""
    if output.suffix.lower() in (".html", ".htm"):
        return output
    return output / f"{safe_file_name(document.article.id)}.html"


def failed_path(target: Path) -> Path:
    """Where the executed notebook of a failed report is kept: beside the report, ``<name>.failed.ipynb``."""
    return target.with_suffix(".failed.ipynb")


def safe_file_name(article_id: str) -> str:
    """An article id made safe as a file name (letters, digits, ``.``, ``-``, ``_``)."""
    name = re.sub(r"[^\w.-]+", "_", article_id).strip("._")
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:  # a file system takes 255 bytes; keep room for .failed.ipynb
        digest = hashlib.sha256(article_id.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        name = name.encode("utf-8")[:MAX_NAME_BYTES - 13].decode("utf-8", "ignore") + "-" + digest
    return name or "article"


#: A report's rendering: run in a kernel, it executes the notebook and returns the step that writes the HTML (None
#: when there is nothing to write).
Render = Callable[["ReportKernel"], "Callable[[], Path] | None"]


class ReportKernel:
    """One Python kernel for a batch of reports, started on first use, in a private working folder; a kernel that
    died is restarted for the next report. Reports handed to :meth:`later` run one after another in a thread of
    their own, so that the caller analyses the next article meanwhile, and each is converted to HTML in a second
    thread while the kernel runs the next notebook. Use it as a context manager."""

    def __init__(self) -> None:
        self.work = Path(tempfile.mkdtemp(prefix="slant-report-"))
        self._manager = None
        self._thread: ThreadPoolExecutor | None = None
        self._converter: ThreadPoolExecutor | None = None

    @property
    def manager(self):  # noqa: ANN201 - a jupyter_client KernelManager
        """The running kernel's manager (the kernel starts here, once)."""
        if self._manager is None or not self._manager.is_alive():
            self.shutdown()
            self._manager = _kernel_manager(str(self.work))
            self._manager.start_kernel(cwd=str(self.work))
        return self._manager

    def later(self, render: Render) -> Future[Path | None]:
        """``render(self)`` run in this kernel's thread after the renders handed over before it, and the step it
        returns (writing the HTML) in the converter's thread; the future is that step's result."""
        if self._thread is None:
            self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="slant-report")
            self._converter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="slant-html")
        done: Future[Path | None] = Future()

        def run() -> None:
            try:
                write = render(self)
            except BaseException as error:  # noqa: BLE001 - handed to whoever waits for this report
                done.set_exception(error)
                return
            try:
                self._converter.submit(_settle, done, write)
            except RuntimeError as error:  # the kernel is being shut down: this HTML is not written
                done.set_exception(error)

        self._thread.submit(run)
        return done

    def warm_up(self) -> None:
        """Start the kernel and import the report's modules in it, in the kernel's thread: the caller meanwhile loads
        the pipeline and analyses the first article. A warm-up that fails is not an error: the first report starts
        the kernel again if need be, and says what fails."""
        self.later(_warm_up)

    def shutdown(self) -> None:
        if self._manager is not None and self._manager.has_kernel:
            self._manager.shutdown_kernel(now=True)
        self._manager = None

    def __enter__(self) -> ReportKernel:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        if self._thread is not None:  # what is under way ends first; what has not started never starts
            self._converter.shutdown(wait=True, cancel_futures=True)
            self._thread.shutdown(wait=True, cancel_futures=True)
        self.shutdown()
        shutil.rmtree(self.work, ignore_errors=True)


class ReportKernels:
    """Up to ``count`` report kernels for a batch, each with its threads (:class:`ReportKernel`): a rendering goes to
    an idle kernel, else to a new one while there are fewer than ``count``, else to the kernel with the fewest
    renderings waiting. The first kernel starts at ``warm_up``, the others only when a rendering finds every kernel
    busy, so that a batch of one article starts one kernel. Use it as a context manager."""

    def __init__(self, count: int) -> None:
        self.count = max(1, count)
        self.kernels: list[ReportKernel] = []
        self._pending: dict[ReportKernel, int] = {}  # renderings handed over whose notebook has not run, by kernel
        self._lock = threading.Lock()  # the counts go down in the kernels' threads

    def later(self, render: Render) -> Future[Path | None]:
        """``render`` handed to a kernel (see :meth:`ReportKernel.later`)."""
        with self._lock:
            kernel = min(self.kernels, key=self._pending.__getitem__, default=None)
            if kernel is None or (self._pending[kernel] and len(self.kernels) < self.count):
                kernel = self._add()
            self._pending[kernel] += 1

        def counted(running: ReportKernel) -> Callable[[], Path] | None:
            try:
                return render(running)
            finally:  # the kernel is free once the notebook has run (the HTML is written in another thread)
                with self._lock:
                    self._pending[running] -= 1

        return kernel.later(counted)

    def warm_up(self) -> None:
        """Start the first kernel and import the report's modules in it (:meth:`ReportKernel.warm_up`)."""
        (self.kernels[0] if self.kernels else self._add()).warm_up()

    def _add(self) -> ReportKernel:
        kernel = ReportKernel()
        self.kernels.append(kernel)
        self._pending[kernel] = 0
        return kernel

    def __enter__(self) -> ReportKernels:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        for kernel in self.kernels:
            kernel.__exit__(kind, error, tb)


def _settle(done: Future, write: Callable[[], Path] | None) -> None:
    """Run a rendering's last step and give ``done`` its result."""
    try:
        done.set_result(write() if write is not None else None)
    except BaseException as error:  # noqa: BLE001 - handed to whoever waits for this report
        done.set_exception(error)


def _warm_up(kernel: ReportKernel) -> None:
    client = kernel.manager.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=60)
        client.execute_interactive(WARM_UP, store_history=False, timeout=60)
    finally:
        client.stop_channels()


def _in_kernel(kernel: ReportKernel | ReportKernels | None, render: Render) -> Path:
    """``render`` run in ``kernel``'s thread after what it has to do first (a kernel is only used from its thread), or
    in a kernel of its own."""
    if kernel is not None:
        return kernel.later(render).result()
    with ReportKernel() as own:
        return render(own)()


def write_report(document: Document, target: Path, *, notebook: Path | None = None,
                 kernel: ReportKernel | ReportKernels | None = None, options: dict[str, str] | None = None) -> Path:
    """Write the HTML report of one document to ``target``; raises ReportError if the notebook fails.

    ``kernel`` (or a pool of them) runs a batch; ``options`` are what the analysis was given besides the article (e.g.
    ``{"lexicon": "mine.tsv", "actors": "actors.yml"}`` as the user wrote them), shown in the report's footer."""
    return _in_kernel(kernel, article_render(document, target, notebook=notebook, options=options))


def start_report(document: Document, target: Path, *, kernel: ReportKernel | ReportKernels,
                 notebook: Path | None = None, options: dict[str, str] | None = None) -> Future[Path]:
    """``write_report`` in the kernel's thread (or in one of a pool's): returns at once, with the report's future (its
    path, or ReportError). The document is serialised before this returns, in the calling thread."""
    return kernel.later(article_render(document, target, notebook=notebook, options=options))


def article_render(document: Document, target: Path, *, notebook: Path | None = None,
                   options: dict[str, str] | None = None) -> Render:
    """The rendering of one document's report, to run in a kernel: the analysis is serialised now, the notebook runs
    when the rendering is called."""
    notebook = notebook or notebook_path(ARTICLE_NOTEBOOK)
    _check_notebook(notebook)
    saved = document.to_json()
    given = {"article": document.article.path or document.article.id, **{k: v for k, v in (options or {}).items() if v}}
    parameters = {"analysis_path": SAVED_ANALYSIS, "article_path": "", "options": given}

    def render(kernel: ReportKernel) -> Callable[[], Path]:
        _io.write_text_atomic(kernel.work / SAVED_ANALYSIS, saved)
        return _render(notebook, target, kernel, parameters=parameters, name=document.article.id,
                       title=f"Slant report: {document.article.title or document.article.id}")

    return render


def write_comparison(documents: Sequence[Document], target: Path, *, labels: Sequence[str],
                     actors: str | None = None, notebook: Path | None = None,
                     kernel: ReportKernel | None = None) -> Path:
    """Write the HTML comparison of the documents (one label each) to ``target``; raises ReportError if the notebook
    fails."""
    notebook = notebook or notebook_path(COMPARE_NOTEBOOK)
    _check_notebook(notebook)
    saved = {f"analysis-{k}.json": document.to_json() for k, document in enumerate(documents)}
    parameters = {"analysis_paths": list(saved), "article_paths": [], "labels": list(labels),
                  "actors_path": str(Path(actors).resolve()) if actors else ""}

    def render(kernel: ReportKernel) -> Callable[[], Path]:
        for name, text in saved.items():
            _io.write_text_atomic(kernel.work / name, text)
        return _render(notebook, target, kernel, parameters=parameters, name="comparison",
                       title=f"Slant comparison: {', '.join(labels)}")

    return _in_kernel(kernel, render)


def write_corpus_report(corpus: Path, output: Path, *, notebook: Path | None = None,
                        kernel: ReportKernel | None = None) -> Path:
    """Write the HTML overview of a corpus folder (``slant corpus -o DIR``) to ``output`` (an .html file, or a folder
    for ``corpus_overview.html``); raises InputError when ``corpus`` holds no corpus, ReportError if the notebook
    fails."""
    if not (corpus / "articles").is_dir():
        raise InputError(str(corpus), "not a corpus folder (no articles table): make one with slant corpus PATH… -o DIR")
    target = output if output.suffix.lower() in (".html", ".htm") else output / "corpus_overview.html"
    notebook = notebook or notebook_path(CORPUS_NOTEBOOK)
    _check_notebook(notebook)
    def render(kernel: ReportKernel) -> Callable[[], Path]:
        return _render(notebook, target, kernel, parameters={"corpus_path": str(corpus.resolve())}, name=str(corpus),
                       title=f"Slant corpus overview: {corpus.name}")

    return _in_kernel(kernel, render)


def _render(notebook: Path, target: Path, kernel: ReportKernel, *, parameters: dict[str, Any], name: str,
            title: str) -> Callable[[], Path]:
    """Execute the notebook in ``kernel``; returns the step that writes it to ``target`` as HTML, atomically (a fixed
    earlier failure's notebook is removed), which needs the kernel no more."""
    executed = _execute(notebook, kernel, parameters=parameters, article_id=name, keep_failed=failed_path(target))

    def write() -> Path:
        _io.write_text_atomic(target, _to_html(executed, title=title))
        with contextlib.suppress(FileNotFoundError):
            failed_path(target).unlink()
        return target

    return write


def _check_notebook(notebook: Path) -> None:
    if not notebook.is_file():
        raise ReportError("report", f"the report notebook {notebook} is missing (reinstall Slant)")


def _execute(notebook: Path, kernel: ReportKernel, *, parameters: dict[str, Any], article_id: str,
             keep_failed: Path):  # noqa: ANN202 - an nbformat NotebookNode
    """The notebook run by papermill in ``kernel``; on a failing cell, the executed notebook is saved and ReportError
    raised.

    papermill saves the executed notebook once, at the end (not after every cell), and does not change this process's
    working folder: the kernel already runs in its own."""
    import papermill
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    executed = kernel.work / "executed.ipynb"
    try:
        run = papermill.execute_notebook(
            str(notebook), str(executed), parameters=parameters, kernel_name=KERNEL, progress_bar=False,
            log_output=False, request_save_on_cell_execute=False, km=kernel.manager,
        )
    except papermill.PapermillExecutionError as error:
        _signals.check()  # a Ctrl-C that the kernel turned into a failing cell stops the run, not this report
        _io.write_bytes_atomic(keep_failed, executed.read_bytes())  # never through a symlink planted there
        raise ReportError(article_id, f"{error.ename}: {error.evalue}", cell=_code_cell_number(executed, error.exec_count),
                          notebook=str(keep_failed)) from None
    except (DeadKernelError, CellTimeoutError) as error:
        kernel.shutdown()
        raise ReportError(article_id, f"the notebook's kernel stopped: {error}") from None
    _signals.check()
    return run


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


def _to_html(executed, *, title: str) -> str:  # noqa: ANN001 - an nbformat NotebookNode
    """The executed notebook as a standalone HTML page without code cells, prompts or scripts."""
    notebook = _reproducible(executed)
    notebook.metadata["title"] = title  # the template escapes it
    body, _ = _exporter().from_notebook_node(notebook)
    return body


@functools.cache
def _exporter():  # noqa: ANN202 - an nbconvert HTMLExporter
    """The HTML exporter, made once: its templates are compiled on first use, not once per report."""
    from nbconvert import HTMLExporter

    return HTMLExporter(
        template_name="slant", extra_template_basedirs=[str(TEMPLATES)],
        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
    )
