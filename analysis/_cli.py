"""The ``slant`` command line. User mistakes get one clear line and exit 2; internal errors a log file and exit 70.

Exit codes: 0 when at least one article was analysed (bad inputs of a batch are reported on stderr and skipped),
2 when none was, or any input was bad under ``--strict``, or on a usage error or an output that cannot be written;
70 on an internal error or a failing report cell (in a batch, after the other inputs; at once under ``--strict``);
130 and 143 on SIGINT and SIGTERM. Every line printed about an input escapes what a terminal could act on (see
``_io.printable``).
"""

from __future__ import annotations

import argparse
import collections
import functools
import shutil
import sys
import tempfile
import time
import traceback
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import _io, _signals
from ._errors import InputError, InternalError, Interrupted, OutputError, ReportError, SlantError
from ._limits import Limits, SlantWarning, default_jobs

if TYPE_CHECKING:  # the analysis modules load when a command runs, so that ``slant --help`` is quick
    from ._document import Document

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_INTERNAL = 70
#: The user errors one input of a batch may end in without stopping the others.
SKIPPED = (InputError, OutputError)
REPORT_SUFFIXES = (".html", ".htm")


class _Parser(argparse.ArgumentParser):
    """argparse, with usage errors as one line and exit 2 (argparse prints the usage too, which helps)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"slant: error: {message}\n")


class _Version(argparse.Action):
    """``--version``: the installed version, looked up only when asked for."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:  # noqa: ANN001
        from importlib.metadata import version

        print(f"slant {version('slant')}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="slant", description="Loaded language, tone and attribution in news articles.")
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    _add_verbosity(parser, default=None)
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    analyze = commands.add_parser("analyze", help="per-paragraph table, or JSON Lines with --json")
    _add_inputs(analyze)
    analyze.add_argument("--json", action="store_true", help="one JSON object per article per line (slant/analysis-v1)")
    analyze.set_defaults(run=_analyze)

    report = commands.add_parser("report", help="an HTML report per article (default reports/<id>.html), or of a corpus")
    _add_inputs(report, required=False)
    report.add_argument("-o", "--output", default="reports", metavar="FILE_OR_DIR",
                        help="a folder for <id>.html files, or an .html file for a single article (default: reports)")
    report.add_argument("--corpus", metavar="DIR", help="report on a corpus folder (slant corpus -o DIR) instead: "
                                                        "per outlet and over time (writes corpus_overview.html)")
    report.add_argument("--jobs", type=_positive, metavar="N",
                        help="kernels rendering reports at once, for several articles (default: every core)")
    report.set_defaults(run=_report)

    compare = commands.add_parser("compare", help="an HTML comparison of several articles on one event")
    _add_inputs(compare)
    compare.add_argument("-o", "--output", default="reports/compare.html", metavar="FILE",
                         help="the .html file to write (default: reports/compare.html)")
    compare.add_argument("--labels", nargs="+", metavar="LABEL",
                         help="one label per article, in order (default: the outlet, else the file name)")
    compare.add_argument("--tables", metavar="DIR", help="also write every table of the comparison as CSV and JSON here")
    compare.set_defaults(run=_compare)

    corpus = commands.add_parser("corpus", help="tidy Parquet tables of many articles, resumable, on all cores or Dask")
    _add_inputs(corpus)
    corpus.add_argument("-o", "--output", required=True, metavar="DIR",
                        help="the corpus folder: one Parquet dataset per table, errors.csv (re-run to resume)")
    corpus.add_argument("--csv", action="store_true", help="write <table>.csv files as well")
    corpus.add_argument("--jobs", type=_positive, metavar="N", help="worker processes (default: every core)")
    corpus.add_argument("--engine", choices=("local", "dask"), default="local",
                        help="local processes (default) or a Dask cluster")
    corpus.add_argument("--scheduler", metavar="ADDRESS",
                        help="with --engine dask: the scheduler's address (default: a local cluster)")
    corpus.set_defaults(run=_corpus)

    lexicon = commands.add_parser("lexicon", help="lexicon tools")
    lexicon_commands = lexicon.add_subparsers(dest="lexicon_command", required=True, parser_class=_Parser)
    check = lexicon_commands.add_parser("check", help="validate a lexicon file (TSV: term, category, weight, note)")
    check.add_argument("file", help="the lexicon file")
    check.set_defaults(run=_lexicon_check)
    return parser


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {value!r}")
    return int(value)


def _add_verbosity(parser: argparse.ArgumentParser, *, default: object = argparse.SUPPRESS) -> None:
    """``-q``, ``-v`` and ``--debug``, before or after the command (the command's own do not reset the others)."""
    quiet = parser.add_mutually_exclusive_group()
    quiet.add_argument("-q", "--quiet", action="store_const", const=-1, dest="verbosity", default=default,
                       help="print errors only: no progress, no 'wrote' lines")
    quiet.add_argument("-v", "--verbose", action="store_const", const=1, dest="verbosity", default=default,
                       help="also print what each article took")
    parser.add_argument("--debug", action="store_true", default=default if default is argparse.SUPPRESS else False,
                        help="print the traceback of an internal error (it is always written to a log file)")


def _add_inputs(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    _add_verbosity(parser)
    parser.add_argument("paths", nargs="+" if required else "*", metavar="PATH",
                        help="article files (.txt .md .json .jsonl), folders, or -")
    parser.add_argument("--lexicon", metavar="F", help="a lexicon TSV that adds to or overrides the built-in one")
    parser.add_argument("--actors", metavar="F", help="a YAML file of actors (name, aliases, labels)")
    parser.add_argument("--strict", action="store_true", help="exit 2 if any input is bad")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (the console script exits with it)."""
    args = build_parser().parse_args(argv)
    _Say.level, _Say.debug = args.verbosity or 0, args.debug
    try:
        with _signals.handled():
            return args.run(args)
    except ReportError as error:  # a failing cell of Slant's own notebook is a bug: its executed notebook is named
        _say(f"slant: error: {error}")
        return EXIT_INTERNAL
    except SlantError as error:
        _say(f"slant: error: {error}")
        return EXIT_USAGE
    except Interrupted as signal:
        _say(f"slant: {signal.name}")
        return 128 + signal.signal_number
    except KeyboardInterrupt:
        _say("slant: interrupted")
        return 130
    except Exception:  # noqa: BLE001 - the one place that turns any bug into a log file and exit 70
        log = _write_log(traceback.format_exc())
        _say(f"slant: internal error; the details are in {log}")
        return EXIT_INTERNAL
    finally:
        _Say.bar = None


def _analyze(args: argparse.Namespace) -> int:
    write = _write_json if args.json else _write_table
    return _batch(args, write)


def _report(args: argparse.Namespace) -> int:
    """One HTML report per article, with a progress bar; then the folder's index. Or, with ``--corpus``, the overview of
    a corpus folder. Each report renders in a kernel while the next articles are analysed, in as many kernels at once
    as ``--jobs`` (every core)."""
    from ._index import article_entry, update_index
    from ._report import ReportKernels, report_path, start_report, write_corpus_report, write_report

    if args.corpus is not None and args.paths:
        raise SlantError("give articles or --corpus DIR, not both")
    if args.corpus is None and not args.paths:
        raise SlantError("give the articles to report on, or --corpus DIR")
    output = check_output(args, suffixes=REPORT_SUFFIXES, folder_ok=True)
    if args.corpus is not None:
        _say(f"slant: wrote {write_corpus_report(Path(args.corpus), output)}", level=0)
        return EXIT_OK
    options = {"lexicon": args.lexicon or "", "actors": args.actors or ""}
    with ReportKernels(args.jobs or default_jobs()) as kernels:
        kernels.warm_up()  # the first kernel starts while the pipeline loads and the first article is analysed
        if output.suffix.lower() in REPORT_SUFFIXES:
            return _report_to_file(args, output, lambda doc, target: write_report(doc, target, kernel=kernels,
                                                                                 options=options))
        written: dict[Path, dict] = {}
        claimed: set[Path] = set()

        def one(document: Document) -> Callable[[], None]:
            target = _unused(report_path(document, output), claimed)
            claimed.add(target)
            _io.check_target(target, inputs=[document.article.path or "-"])
            rendering = start_report(document, target, kernel=kernels, options=options)
            entry = article_entry(document, target)

            def finish() -> None:
                rendering.result()
                written[target] = entry
                _say(f"slant: wrote {target}", level=0)

            return finish

        try:
            return _batch(args, one, unit="reports", in_flight=kernels.count)
        finally:
            if written:
                _write_index(lambda: update_index(output, written.values()))


def check_output(args: argparse.Namespace, *, suffixes: tuple[str, ...], folder_ok: bool = False) -> Path:
    """``-o`` checked before any analysis (see ``_io.check_output``): raises OutputError, a user error."""
    return _io.check_output(args.output, suffixes=suffixes, inputs=args.paths, folder_ok=folder_ok)


def _report_to_file(args: argparse.Namespace, output: Path, write_report: Callable[[Document, Path], Path]) -> int:
    """``-o FILE.html`` takes exactly one article: check that before writing anything."""
    documents: list[Document] = []

    def collect(document: Document) -> None:
        if documents:
            raise SlantError(f"{args.output}: an .html output takes one article; give a folder for several")
        documents.append(document)

    code = _batch(args, collect)
    if documents:
        _io.check_target(output, inputs=[documents[0].article.path or "-"])
        write_report(documents[0], output)
        _say(f"slant: wrote {output}", level=0)
    return code


def _unused(target: Path, written: set[Path]) -> Path:
    """``target``, or ``<stem>-2.html``, ``-3`` … when an earlier article of this run had the same id."""
    candidate, number = target, 1
    while candidate in written:
        number += 1
        candidate = target.with_name(f"{target.stem}-{number}{target.suffix}")
    return candidate


def _compare(args: argparse.Namespace) -> int:
    """Analyze every input (a bad one is skipped), compare them, write the tables and the HTML comparison."""
    from ._compare import compare, write_tables
    from ._report import write_comparison  # papermill and nbconvert load only when a report is made

    output = Path(args.output)
    if output.suffix.lower() not in (".html", ".htm"):
        raise SlantError(f"{args.output}: the comparison is one .html file")
    check_output(args, suffixes=REPORT_SUFFIXES)
    if args.tables:
        _io.check_output(args.tables, suffixes=(), folder_ok=True)
    documents: list[Document] = []
    code = _batch(args, documents.append)
    if code != EXIT_OK:
        return code
    comparison = compare(documents, labels=args.labels, actors=args.actors)
    if args.tables:
        write_tables(comparison, args.tables)
        _say(f"slant: wrote the tables to {args.tables}", level=0)
    write_comparison(documents, output, labels=list(comparison.labels.values()), actors=args.actors)
    _say(f"slant: wrote {output}", level=0)
    if (output.parent / "index.json").is_file():  # a folder of reports: list the comparison in its index
        from ._index import comparison_entry, update_index

        _write_index(lambda: update_index(output.parent, [comparison_entry(comparison, output)]))
    return EXIT_OK


def _write_index(write: Callable[[], Path]) -> None:
    """Rewrite a reports folder's index; one that is not Slant's is left alone, with one line."""
    try:
        _say(f"slant: wrote {write()}", level=1)
    except OutputError as error:
        _say(f"slant: skipped the index: {error}")


def _corpus(args: argparse.Namespace) -> int:
    """Analyse every input into the tables of a corpus folder, resuming where an earlier run stopped."""
    from ._corpus import run_corpus

    if args.scheduler and args.engine != "dask":
        raise SlantError("--scheduler needs --engine dask")
    _io.check_output(args.output, suffixes=(), folder_ok=True)
    run = run_corpus(args.paths, args.output, jobs=args.jobs, engine=args.engine, scheduler=args.scheduler,
                     csv=args.csv, lexicon=args.lexicon, actors=args.actors, limits=Limits.from_env(),
                     progress=_Say.level >= 0)
    rate = run.analysed / run.seconds if run.seconds else 0.0
    errors = f" (see {Path(args.output, 'errors.csv')})" if run.failed else ""
    _say(f"slant: {run.analysed} articles analysed ({run.words} words, {rate:.1f} articles/s), {run.skipped} already "
         f"done, {run.failed} failed{errors}; tables in {args.output}", level=0)
    if run.analysed + run.skipped == 0:
        return EXIT_USAGE
    return EXIT_USAGE if run.failed and args.strict else EXIT_OK


def _lexicon_check(args: argparse.Namespace) -> int:
    from ._lexicon import check_lexicon

    entries = check_lexicon(args.file)
    print(f"{args.file}: {len(entries)} entries, all valid")
    return EXIT_OK


class _Stop(Exception):
    """A bug under ``--strict``: the batch stops there."""


def _batch(args: argparse.Namespace, handle: Callable[[Document], Callable[[], None] | None], *,
           unit: str = "articles", in_flight: int = 1) -> int:
    """Analyze every input and hand each document on. One input never stops the others: a bad input or an output
    that cannot be written gets one line and is skipped; a bug (or a failed report cell) gets one line naming a log
    (or the executed notebook), the batch goes on and exits 70 (under ``--strict`` it stops there). Only a signal or
    a closed standard output stop it. On a terminal, a progress bar counts the inputs (not with ``-q``).

    A handler may return a step that finishes its work (a report rendering in a kernel): that step runs once the
    next ``in_flight`` inputs are analysed and handed on (in input order), and the input counts as done when it
    returns."""
    from ._api import analyze_all

    counts = {"done": 0, "bad": 0, "internal": 0}

    def attempt(item: object, started: float, step: Callable[[], object]) -> object:
        """Run one step of an item and count it; returns its finishing step, if it gives one."""
        try:
            if isinstance(item, (InputError, InternalError)):
                raise item
            finish = step()
            if callable(finish):
                return finish
            counts["done"] += 1
            _say(f"slant: {item.article.id}: {time.perf_counter() - started:.1f} s", level=1)
        except OutputError as error:
            if error.target == _io.STDOUT:
                raise
            counts["bad"] += 1
            _say(f"slant: skipped {error}")
        except SKIPPED as error:
            counts["bad"] += 1
            _say(f"slant: skipped {error}")
        except ReportError as error:  # a cell of Slant's notebook failed: a bug, whose executed notebook is kept
            counts["internal"] += 1
            _say(f"slant: skipped {error}")
            if args.strict:
                raise _Stop from None
        except SlantError:
            raise  # a usage error found on the way (two articles for one -o file): stop
        except Exception as error:  # noqa: BLE001 - a bug in one input's analysis or report: log it, go on
            counts["internal"] += 1
            log = _write_log("".join(traceback.format_exception(getattr(error, "error", error))))
            _say(f"slant: skipped {getattr(error, 'source', _name(item))}: internal error; the details are in {log}")
            if args.strict:
                raise _Stop from None
        return None

    items = analyze_all(args.paths, lexicon=args.lexicon, actors=args.actors, limits=Limits.from_env())
    unfinished: collections.deque[tuple[object, float, Callable[[], object]]] = collections.deque()
    try:
        for item in _progress(_warned(items), unit=unit):  # analysing an item while the ones before finish
            started = time.perf_counter()
            finish = attempt(item, started, functools.partial(handle, item))
            if len(unfinished) == in_flight:
                attempt(*unfinished.popleft())
            if finish is not None:
                unfinished.append((item, started, finish))
            _signals.check()
        while unfinished:
            attempt(*unfinished.popleft())
    except _Stop:
        return EXIT_INTERNAL
    if counts["internal"]:
        return EXIT_INTERNAL
    if counts["done"] == 0:
        return EXIT_USAGE
    return EXIT_USAGE if counts["bad"] and args.strict else EXIT_OK


def _progress(items: Iterator, *, unit: str) -> Iterator:
    """``items`` with a progress bar on standard error when it is a terminal and the run is not quiet."""
    if _Say.level < 0 or not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    _Say.bar = tqdm(items, unit=f" {unit}", file=sys.stderr, dynamic_ncols=True, leave=False)
    return iter(_Say.bar)


def _warned(items: Iterator[Document | InputError | InternalError]) -> Iterator[Document | InputError | InternalError]:
    """``items``, with the warnings raised while making each (a long sentence cut) printed as one line each."""
    while True:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", SlantWarning)
            item = next(items, None)
        if item is None:
            return
        for warning in caught:
            if issubclass(warning.category, SlantWarning):
                _say(f"slant: warning: {_name(item)}: {warning.message}")
        yield item


def _name(item: object) -> str:
    """The input a batch item came from, for a message."""
    from ._document import Document

    if isinstance(item, Document):
        return item.article.path or item.article.id
    return getattr(item, "source", "input")


def _write_json(document: Document) -> None:
    _io.write_stdout(document.to_json() + "\n")


def _write_table(document: Document) -> None:
    """A readable per-paragraph table that fits the terminal: index, kind, words, tone, loaded terms, attributions,
    and as much of the text's start as the width leaves room for."""
    import textwrap

    from ._text import signed

    f = document.figure_values
    columns = shutil.get_terminal_size((100, 24)).columns
    figures = (f"{f['word_count']} words in {f['paragraph_count']} paragraphs; tone {signed(f['tone'])}; "
               f"loaded terms {f['loaded_count']} ({f['loaded_density']:.2f} per 100 words, "
               f"author's voice {f['author_loaded_density']:.2f}); attributions {f['attribution_count']}")
    row_start = f"  {'#':>3} {'kind':<15} {'words':>5} {'tone':>6} {'loaded':>6} {'attrib':>6}  "
    width = max(columns - len(row_start), 10)
    lines = [
        _io.printable(_cut(f"{document.article.id}: {document.article.title or '(no title)'}", columns)),
        textwrap.fill(figures, width=max(columns, 40), initial_indent="  ", subsequent_indent="  "),
        f"{row_start}text",
    ]
    for row in document.paragraphs.itertuples():
        lines.append(f"  {row.index:>3} {row.kind:<15} {row.word_count:>5} {signed(row.tone):>6} "
                     f"{row.loaded_count:>6} {row.attribution_count:>6}  "
                     f"{_io.printable(_cut(' '.join(row.text.split()), width))}")
    _io.write_stdout("\n".join(lines) + "\n\n")


def _cut(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters, with an ellipsis when cut."""
    return text if len(text) <= width else text[:max(width - 1, 0)] + "…"


class _Say:
    """How much the run prints on standard error (-1 quiet, 0 normal, 1 verbose), whether an internal error's
    traceback is printed, and the progress bar, if any."""

    level = 0
    debug = False
    bar = None


def _say(line: str, *, level: int = -1) -> None:
    """One line on standard error, with anything a terminal could act on escaped, if the run's verbosity is at least
    ``level`` (errors: -1, always); above the progress bar if there is one."""
    if _Say.level < level:
        return
    try:
        if _Say.bar is not None:
            _Say.bar.write(_io.printable(line), file=sys.stderr)
        else:
            print(_io.printable(line), file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass  # standard error is closed: nothing else can be told


def _write_log(text: str) -> str:
    """Write an internal error's details to a log file and return its name; with ``--debug`` print them too."""
    if _Say.debug:
        _say(text.rstrip())
    stamp = time.strftime("%Y%m%d-%H%M%S")
    with tempfile.NamedTemporaryFile("w", prefix=f"slant-{stamp}-", suffix=".log", delete=False, encoding="utf-8") as log:
        log.write(text)
    return log.name
