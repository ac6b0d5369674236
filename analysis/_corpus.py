"""Corpus runs: every article of many inputs to tidy Parquet tables, in chunks, resumable, on local processes or Dask.

``run_corpus`` reads as the job: check the output folder → drop what an interrupted run left half-written → skip the
articles already done → analyse the rest in chunks on the engine's workers, each chunk written as one Parquet part
per table → write ``errors.csv`` (and the CSV copies with ``csv=True``).

The output folder::

    corpus.json                       what the tables were made with (kit version, lexicon and actors files)
    <table>/part-<first>-<key>.parquet  one part per chunk of articles, for each of ``TABLES``
    errors.csv                        the inputs and articles that failed in the last run: input, article_id, error
    <table>.csv                       with ``csv=True``: each table as one CSV file

A part is written to a temporary file and renamed into place. A chunk is committed when its ``articles`` part appears
(it is renamed last); a re-run deletes the parts of uncommitted chunks and skips every article whose content hash is
in the ``articles`` table, so an interrupted run resumes where it stopped and a table is never half-written. Memory
stays flat: at most two chunks per worker are in flight, and each is written as soon as it is done.

Workers run ``analyze_chunk`` (importable, so that Dask workers on other machines can run it); each loads the
``Resources`` once.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import csv
import gc
import hashlib
import io
import json
import os
import socket
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from . import _io, _tables
from ._collector import cycle_collector_paused
from ._data import shipped_digest
from ._dataset import TABLES, read_parts, table_parts, table_schema
from ._errors import InputError
from ._figures import ARTICLE_FIGURES, Facts, article_figures
from ._limits import Limits, default_jobs
from ._load import iter_articles
from ._model import Article
from ._pipeline import Resources, load_resources, run_pipeline

if TYPE_CHECKING:
    import pyarrow as pa

#: Articles per chunk: one Parquet part per table and chunk.
CHUNK_SIZE = 50
#: Chunks in flight per worker: enough to keep each busy, few enough to keep memory flat.
IN_FLIGHT = 2
ERROR_COLUMNS = ("input", "article_id", "error")
Engine = Literal["local", "dask"]
_MANIFEST = "corpus.json"
_FORMAT = "slant/corpus-v1"


@dataclass(frozen=True)
class CorpusOptions:
    """What a worker needs besides the articles: where the tables go and the user's data files."""

    output: str
    lexicon: str | None = None
    actors: str | None = None
    limits: Limits = Limits()


@dataclass(frozen=True)
class ChunkResult:
    """What a worker reports for one chunk: articles written, their words, the failures, and who ran it."""

    analysed: int
    words: int
    failed: tuple[tuple[str, str, str], ...]
    worker: str


@dataclass
class CorpusRun:
    """What a corpus run did: articles analysed now, skipped as already done, failed (inputs and articles), words
    analysed, seconds, and the workers that ran chunks (host:pid)."""

    analysed: int = 0
    skipped: int = 0
    failed: int = 0
    words: int = 0
    seconds: float = 0.0
    workers: set[str] = field(default_factory=set)


def run_corpus(
    paths: Sequence[str | Path],
    output: str | Path,
    *,
    jobs: int | None = None,
    engine: Engine = "local",
    scheduler: str | None = None,
    csv: bool = False,
    lexicon: str | Path | None = None,
    actors: str | Path | None = None,
    chunk_size: int = CHUNK_SIZE,
    limits: Limits | None = None,
    progress: bool = False,
) -> CorpusRun:
    """Analyse every article of ``paths`` (files, folders, JSON Lines) into the tables of the folder ``output``.

    ``jobs``: worker processes (default: every core; with ``engine="dask"`` and no ``scheduler``, the workers of a
    local cluster); ``scheduler``: the address of a Dask scheduler; ``limits``: the largest input read (see
    ``Limits``). Raises InputError for an unusable output folder, DataFileError for a bad lexicon or actors file."""
    started = time.perf_counter()
    folder = Path(output)
    options = CorpusOptions(os.path.abspath(folder), _abspath(lexicon), _abspath(actors),  # workers' cwd may differ
                            limits or Limits())
    _worker_resources(options)  # checks the files; forked workers inherit what it loaded
    _prepare(folder, _manifest(options))
    done = _done_hashes(folder)
    run, errors = CorpusRun(), []
    chunks = _chunks(_new_articles(paths, options.limits, done, run, errors), max(1, chunk_size))
    jobs = jobs or default_jobs()
    results = _dask_results(chunks, options, jobs, scheduler) if engine == "dask" else _local_results(chunks, options, jobs)
    with _progress(progress) as bar:
        for result in results:
            run.analysed += result.analysed
            run.words += result.words
            run.failed += len(result.failed)
            run.workers.add(result.worker)
            errors.extend(result.failed)
            bar.update(result.analysed + len(result.failed))
            _write_errors(folder, errors)
    _write_errors(folder, errors)
    if csv:
        write_csv(folder)
    run.seconds = time.perf_counter() - started
    return run


def content_hash(article: Article) -> str:
    """The SHA-256 of an article's id, metadata and text: an article is done when this is in the output."""
    fields = [article.id, article.title, article.outlet, article.published, article.url, article.text]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()


# -- the output folder ------------------------------------------------------------------------------------------


def _abspath(path: str | Path | None) -> str | None:
    return None if path is None else os.path.abspath(path)


def _manifest(options: CorpusOptions) -> dict[str, Any]:
    """What the tables are made with: a folder holds the tables of one kit version, one set of shipped data files
    (lexicons, word lists, model weights: a kit retrained under the same version number starts a new folder) and one
    user lexicon and actors file."""
    from ._api import KIT_VERSION

    def digest(path: str | None) -> str | None:
        return None if path is None else hashlib.sha256(_io.read_bytes(path)).hexdigest()

    return {"format": _FORMAT, "kit_version": KIT_VERSION, "data": shipped_digest(), "lexicon": digest(options.lexicon),
            "actors": digest(options.actors)}


def _prepare(folder: Path, manifest: dict[str, Any]) -> None:
    """Create the folder (or check that it holds tables made the same way) and drop what an interrupted run left:
    temporary files and the parts of uncommitted chunks."""
    if folder.is_symlink() or folder.exists() and not folder.is_dir():
        raise InputError(str(folder), "the corpus output must be a folder (not a file or a symbolic link)")
    path = folder / _MANIFEST
    if path.exists():
        try:
            found = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            found = None
        if found != manifest:
            raise InputError(str(folder), "holds tables made with another kit version, its data files, lexicon or actors file: "
                                          "use a new output folder")
    elif folder.exists() and any(folder.iterdir()):
        raise InputError(str(folder), "not empty and not a corpus folder: use a new output folder")
    else:
        _io.write_text_atomic(path, json.dumps(manifest, indent=2) + "\n")
    committed = {p.name for p in (folder / "articles").glob("part-*.parquet")}
    for name in TABLES:
        for part in (folder / name).glob(".*.tmp"):
            part.unlink()
        for part in (folder / name).glob("part-*.parquet"):
            if part.name not in committed:
                part.unlink()


def _done_hashes(folder: Path) -> set[str]:
    """The content hashes of the articles already in the output."""
    import pyarrow.parquet as pq

    done: set[str] = set()
    for part in sorted((folder / "articles").glob("part-*.parquet")):
        done.update(pq.read_table(part, columns=["content_hash"]).column("content_hash").to_pylist())
    return done


def _write_errors(folder: Path, errors: list[tuple[str, str, str]]) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(ERROR_COLUMNS)
    writer.writerows(errors)
    _io.write_text_atomic(folder / "errors.csv", out.getvalue())


def write_csv(folder: Path) -> None:
    """Each table of the corpus folder as ``<table>.csv``, written part by part (atomically)."""
    for name in TABLES:
        parts = table_parts(folder, name)
        schema = table_schema(parts) if parts else None
        with _io.atomic_writer(folder / f"{name}.csv") as out:
            for k, part in enumerate(parts):
                read_parts([part], schema=schema).to_pandas().to_csv(out, header=k == 0, index=False,
                                                                     lineterminator="\n")


@contextlib.contextmanager
def _progress(show: bool) -> Iterator[Any]:
    """A progress bar with articles per second, on a terminal's standard error."""
    from tqdm import tqdm

    with tqdm(unit=" articles", disable=None if show else True, smoothing=0.1) as bar:
        yield bar


# -- the articles to do -----------------------------------------------------------------------------------------

#: One article to analyse: its position in the input, its content hash, the article.
Item = tuple[int, str, Article]


def _new_articles(paths: Sequence[str | Path], limits: Limits, done: set[str], run: CorpusRun,
                  errors: list[tuple[str, str, str]]) -> Iterator[Item]:
    """The articles not done yet (an article given twice is done once); bad inputs go to ``errors``."""
    for position, item in enumerate(iter_articles([str(p) for p in paths], limits=limits)):
        if isinstance(item, InputError):
            errors.append((item.source, "", item.message))
            run.failed += 1
            continue
        digest = content_hash(item)
        if digest in done:
            run.skipped += 1
            continue
        done.add(digest)
        yield position, digest, item


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# -- the engines ------------------------------------------------------------------------------------------------


def _local_results(chunks: Iterator[list[Item]], options: CorpusOptions, jobs: int) -> Iterator[ChunkResult]:
    """Chunks analysed in this process (one job) or in a pool of ``jobs`` processes. A worker starts by freezing what
    it inherits (``gc.freeze``: the resources, loaded before the fork), so that its garbage collections never walk
    them again."""
    if jobs == 1:
        yield from (analyze_chunk(chunk, options) for chunk in chunks)
        return
    with concurrent.futures.ProcessPoolExecutor(max_workers=jobs, initializer=gc.freeze) as pool:
        yield from _bounded(lambda chunk: pool.submit(analyze_chunk, chunk, options), chunks, IN_FLIGHT * jobs,
                            lambda pending: concurrent.futures.wait(pending, return_when="FIRST_COMPLETED")[0])


def _dask_results(chunks: Iterator[list[Item]], options: CorpusOptions, jobs: int,
                  scheduler: str | None) -> Iterator[ChunkResult]:
    """Chunks analysed on a Dask cluster: the one at ``scheduler``, else a local cluster of ``jobs`` processes. The
    workers write the parts themselves, so the output folder must be one they all see (a shared file system)."""
    from dask.distributed import Client, LocalCluster, wait

    with contextlib.ExitStack() as stack:
        if scheduler is None:
            scheduler = stack.enter_context(LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                                         dashboard_address=None))
        client = stack.enter_context(Client(scheduler))
        slots = sum(client.nthreads().values()) or 1
        yield from _bounded(lambda chunk: client.submit(analyze_chunk, chunk, options, pure=False), chunks,
                            IN_FLIGHT * slots, lambda pending: wait(pending, return_when="FIRST_COMPLETED").done)


def _bounded(submit: Callable[[list[Item]], Any], chunks: Iterator[list[Item]], window: int,
             wait_first: Callable[[set[Any]], set[Any]]) -> Iterator[ChunkResult]:
    """Submit chunks with at most ``window`` in flight; yield each result as it comes."""
    pending: set[Any] = set()
    for chunk in chunks:
        if len(pending) >= window:
            finished = wait_first(pending)
            pending -= finished
            yield from (future.result() for future in finished)
        pending.add(submit(chunk))
    while pending:
        finished = wait_first(pending)
        pending -= finished
        yield from (future.result() for future in finished)


# -- one chunk, on a worker -------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _worker_resources(options: CorpusOptions) -> Resources:
    """The resources of a worker process, loaded once."""
    return load_resources(lexicon=options.lexicon, actors=options.actors, limits=options.limits)


def analyze_chunk(chunk: list[Item], options: CorpusOptions) -> ChunkResult:
    """Analyse a chunk of articles and write its part of every table; an article that fails is reported, not
    written."""
    resources = _worker_resources(options)
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    failed, words = [], 0
    for _, digest, article in chunk:
        try:
            tables = article_rows(run_pipeline(article, resources), digest)
        except InputError as error:  # over a limit
            failed.append((article.path or "", article.id, error.message))
            continue
        except Exception as error:  # noqa: BLE001 - one failing article is reported and the corpus goes on
            failed.append((article.path or "", article.id, f"internal error: {type(error).__name__}: {error}"))
            continue
        words += tables["articles"][0]["word_count"]
        for name in TABLES:
            rows[name].extend(tables[name])
    if rows["articles"]:
        _write_chunk(Path(options.output), _part_name(chunk), rows)
    return ChunkResult(len(rows["articles"]), words, tuple(failed), f"{socket.gethostname()}:{os.getpid()}")


@cycle_collector_paused()
def article_rows(analysis, digest: str) -> dict[str, list[dict[str, Any]]]:  # noqa: ANN001 - an Analysis
    """The rows of every corpus table for one analysed article, ``article_id`` first."""
    facts = Facts(analysis)
    values = article_figures(facts)
    article_id = analysis.article.id
    tables = {
        "articles": [{**_tables.figure_row(facts, values), "content_hash": digest}],
        "paragraphs": _tables.paragraph_rows(facts),
        "sentences": _tables.sentence_rows(facts),
        "loaded_terms": _tables.loaded_term_rows(facts),
        "attributions": _tables.attribution_rows(facts),
        "actors": _tables.actor_rows(_tables.actor_mention_rows(facts), ["actor"]),
    }
    return {name: [{"article_id": article_id, **row} for row in rows] for name, rows in tables.items()}


def _part_name(chunk: list[Item]) -> str:
    """``part-<position of the first article>-<key of the chunk's articles>.parquet``: parts sort in input order."""
    key = hashlib.sha256("".join(digest for _, digest, _ in chunk).encode()).hexdigest()[:12]
    return f"part-{chunk[0][0]:09d}-{key}.parquet"


def _write_chunk(folder: Path, name: str, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Every table's part of one chunk, the ``articles`` part last: it commits the chunk."""
    import pyarrow.parquet as pq

    for table in (*TABLES[1:], TABLES[0]):
        if not rows[table]:
            continue
        buffer = io.BytesIO()
        pq.write_table(_arrow_table(rows[table]), buffer, compression="zstd")
        _io.write_bytes_atomic(folder / table / name, buffer.getvalue())


def _arrow_table(rows: list[dict[str, Any]]) -> pa.Table:
    """Rows as an Arrow table with one type per column, from its values (or from ``_NULL_TYPES`` when a chunk has
    none), so that the parts of a table share one schema."""
    import pyarrow as pa

    columns = list(rows[0])
    fields = [pa.field(column, _column_type(column, [row[column] for row in rows])) for column in columns]
    return pa.Table.from_pylist(rows, schema=pa.schema(fields))


def _column_type(column: str, values: list[Any]) -> pa.DataType:
    import pyarrow as pa

    kinds = {type(v) for v in values if v is not None}
    if not kinds:
        return _null_types().get(column, pa.string())
    if kinds == {bool}:
        return pa.bool_()
    if kinds == {int}:
        return pa.int64()
    if kinds <= {int, float}:
        return pa.float64()
    return pa.string()


@lru_cache(maxsize=1)
def _null_types() -> dict[str, pa.DataType]:
    """The types of the columns a chunk may hold no value of (no title, no tone, no source …)."""
    import pyarrow as pa

    numbers = {name: pa.float64() if figure.kind in ("tone", "density", "share") else pa.int64()
               for name, figure in ARTICLE_FIGURES.items() if figure.scalar}
    floats = dict.fromkeys(["tone", "vader_compound", "textblob_polarity", "textblob_subjectivity", "author_tone",
                            "tone_toward", "bias_probability", "probability"], pa.float64())
    ints = dict.fromkeys(["source_start", "source_end", "content_start", "content_end", "sentence"], pa.int64())
    return {**numbers, **floats, **ints}

