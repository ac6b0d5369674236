"""``make bench``: Slant's speed and memory at corpus scale, each figure beside its target and a ratio measured in
the same run. Figures to read, not tests: nothing here runs in ``make test``.

1. throughput: words/s of ``slant corpus`` (default jobs) on generated articles with no repeated sentence, against
   VADER + TextBlob alone over the same sentences in one process; target ratio (Slant time / theirs) <= 1.0;
2. memory: peak resident memory of ``slant corpus`` (all its processes) on 10,000 articles vs 1,000; target: within
   20% and under 1 GiB;
3. paragraphs: one article of 200, 2,000 and 20,000 paragraphs, each the best of two runs; target: linear (20,000
   at most 12x 2,000);
4. start-up: ``slant --help``; target under 0.3 s;
5. Dask: the Dask engine on a local cluster vs the local engine, same articles and workers: the overhead ratio;
6. scaling: the shapes of hostile input whose time once grew faster than their size (see ``docs/robustness.md``),
   each at n and 4n: paragraphs, words in one sentence, attributions in one paragraph; target: linear (ratio <= 5);
7. report: ``slant report`` of the seed against papermill + nbconvert on a one-figure notebook; target <= 1.5x;
8. batch: ``slant report`` of 20 articles (a kernel per core) against one report; target <= 8x
   (``benchmarks/reports.py``).

``--inputs PATH…`` measures the throughput on real articles instead (files, folders, JSON Lines), with a row per
article as well; the sizes are options (the defaults are the targets' sizes).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.generate import long_article, write_corpus

BENCHMARKS = ("throughput", "memory", "paragraphs", "startup", "dask", "scaling", "report", "batch")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="*", choices=[[], *BENCHMARKS], metavar="NAME",
                        help=f"benchmarks to run (default: all): {', '.join(BENCHMARKS)}")
    parser.add_argument("--inputs", nargs="+", metavar="PATH", help="real articles for the throughput benchmark")
    parser.add_argument("--articles", type=int, default=2000, help="generated articles for throughput (2000)")
    parser.add_argument("--memory", type=int, nargs=2, default=(1000, 10_000), metavar=("SMALL", "LARGE"),
                        help="corpus sizes for the memory benchmark (1000 10000)")
    parser.add_argument("--paragraphs", type=int, nargs=3, default=(200, 2000, 20_000), metavar="N",
                        help="paragraphs of the one-article benchmark (200 2000 20000)")
    parser.add_argument("--dask-articles", type=int, default=400, help="generated articles for the Dask benchmark")
    parser.add_argument("--scaling", type=int, default=1000, metavar="N",
                        help="size n of the scaling shapes, timed at n and 4n (1000)")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: every core)")
    parser.add_argument("--batch", type=int, default=20, metavar="N", help="reports in the batch benchmark (20)")
    args = parser.parse_args(argv)
    names = args.names or BENCHMARKS
    print(f"# Slant benchmarks: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start")
    with tempfile.TemporaryDirectory(prefix="slant-bench-") as work:
        for name in names:
            RUNS[name](args, Path(work, name))
    return 0


def report(name: str, figures: str, target: str, ratio: float, met: bool) -> None:
    """One benchmark's line: its figures, the target and the ratio measured in the same run."""
    print(f"{name:<11} {figures}\n{'':<11} target: {target}; ratio {ratio:.2f}: {'met' if met else 'NOT MET'}",
          flush=True)


# -- 1. throughput --------------------------------------------------------------------------------------------


def throughput(args: argparse.Namespace, work: Path) -> None:
    from analysis._corpus import run_corpus
    from analysis._limits import default_jobs

    inputs = args.inputs or [str(write_corpus(work / "articles.jsonl", args.articles))]
    sentences, words = _sentences(inputs)
    jobs = args.jobs or default_jobs()
    cpu, started = _cpu_seconds(), time.perf_counter()
    run = run_corpus(inputs, work / "corpus", jobs=jobs)
    slant, slant_cpu = time.perf_counter() - started, _cpu_seconds() - cpu
    cpu = _cpu_seconds()
    baseline = _vader_textblob(sentences)
    baseline_cpu = _cpu_seconds() - cpu
    report("throughput", f"{run.analysed:,} articles, {words:,} words, {len(sentences):,} sentences: Slant "
           f"{words / slant:,.0f} words/s ({slant:.1f} s, {jobs} jobs, {slant_cpu:.1f} CPU s), VADER + TextBlob "
           f"{words / baseline:,.0f} words/s ({baseline:.1f} s, one process, {baseline_cpu:.1f} CPU s); CPU time "
           f"ratio {slant_cpu / baseline_cpu:.2f}", "Slant time / VADER + TextBlob time <= 1.0", slant / baseline,
           slant <= baseline)


def _cpu_seconds() -> float:
    """CPU seconds of this process and of its finished child processes (the workers, once the pool is shut down)."""
    import resource

    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _sentences(inputs: Sequence[str]) -> tuple[list[str], int]:
    """The sentences Slant analyses in the inputs, and their words."""
    from analysis._errors import InputError
    from analysis._load import iter_articles
    from analysis._model import SKIPPED_KINDS
    from analysis._segment import segment
    from analysis._sentences import split_sentences
    from analysis._text import count_words

    sentences = []
    for article in iter_articles(list(inputs)):
        if isinstance(article, InputError):
            continue
        paragraphs = tuple(p for p in segment(article.text, title=article.title) if p.kind not in SKIPPED_KINDS)
        sentences += [article.text[s.start:s.end] for s in split_sentences(article.text, paragraphs)]
    return sentences, sum(count_words(s) for s in sentences)


def _vader_textblob(sentences: list[str]) -> float:
    """Seconds for VADER and TextBlob to score every sentence, in one process."""
    from textblob import TextBlob
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()
    started = time.perf_counter()
    for sentence in sentences:
        vader.polarity_scores(sentence)
        TextBlob(sentence).sentiment  # noqa: B018 - the work measured
    return time.perf_counter() - started


# -- 2. memory ------------------------------------------------------------------------------------------------


def memory(args: argparse.Namespace, work: Path) -> None:
    small, large = args.memory
    peaks = {}
    for size in (small, large):
        corpus = write_corpus(work / f"articles-{size}.jsonl", size, paragraphs=3, seed=size)
        command = [sys.executable, "-m", "analysis", "corpus", str(corpus), "-o", str(work / f"corpus-{size}")]
        if args.jobs:
            command += ["--jobs", str(args.jobs)]
        peaks[size], seconds = _peak_memory(command)
        print(f"{'':<11} {size:,} articles: peak {peaks[size] / 2**20:,.0f} MiB over all processes, {seconds:.1f} s",
              flush=True)
    ratio = peaks[large] / peaks[small]
    report("memory", f"peak resident memory, {large:,} articles vs {small:,}: {peaks[large] / 2**20:,.0f} MiB vs "
           f"{peaks[small] / 2**20:,.0f} MiB", "ratio <= 1.2 and under 1 GiB", ratio,
           ratio <= 1.2 and peaks[large] < 2**30)


def _peak_memory(command: list[str]) -> tuple[int, float]:
    """The peak of the summed resident memory of a command and its child processes (sampled every 50 ms), and its
    seconds."""
    import psutil

    started = time.perf_counter()
    process = psutil.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while process.poll() is None:
        total = 0
        for member in [process, *process.children(recursive=True)]:
            try:
                total += member.memory_info().rss
            except psutil.Error:
                continue
        peak = max(peak, total)
        time.sleep(0.05)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited with {process.returncode}")
    return peak, time.perf_counter() - started


# -- 3. paragraphs --------------------------------------------------------------------------------------------


def paragraphs(args: argparse.Namespace, work: Path) -> None:
    from analysis._corpus import article_rows
    from analysis._limits import Limits
    from analysis._load import read_articles
    from analysis._pipeline import load_resources, run_pipeline

    limits = Limits(paragraphs=2 * max(args.paragraphs), article_chars=10**9)  # far past the defaults, on purpose
    resources = load_resources(limits=limits)
    seconds = {}
    for count in args.paragraphs:
        article = read_articles(str(long_article(work / f"long-{count}.txt", count)), limits=limits)[0]
        seconds[count] = _best(lambda: article_rows(run_pipeline(article, resources), ""), 2)
        print(f"{'':<11} {count:,} paragraphs: {seconds[count]:.2f} s", flush=True)
    small, middle, large = args.paragraphs
    ratio = seconds[large] / seconds[middle]
    report("paragraphs", f"{large:,} paragraphs {seconds[large]:.2f} s, {middle:,} {seconds[middle]:.2f} s, {small:,} "
           f"{seconds[small]:.2f} s", f"{large:,} paragraphs at most {1.2 * large / middle:.0f}x {middle:,}", ratio,
           ratio <= 1.2 * large / middle)


def _best(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


# -- 4. start-up ----------------------------------------------------------------------------------------------


def startup(args: argparse.Namespace, work: Path) -> None:
    slant = _best(lambda: subprocess.run([sys.executable, "-m", "analysis", "--help"], capture_output=True,
                                         check=True), 5)
    python = _best(lambda: subprocess.run([sys.executable, "-c", "pass"], capture_output=True, check=True), 5)
    report("startup", f"slant --help {slant:.3f} s (best of 5; Python alone {python:.3f} s)", "under 0.3 s",
           slant / 0.3, slant < 0.3)


# -- 5. Dask --------------------------------------------------------------------------------------------------


def dask(args: argparse.Namespace, work: Path) -> None:
    from analysis._corpus import run_corpus
    from analysis._limits import default_jobs

    corpus = write_corpus(work / "articles.jsonl", args.dask_articles, seed=5)
    jobs = args.jobs or default_jobs()
    started = time.perf_counter()
    run_corpus([corpus], work / "local", jobs=jobs)
    local = time.perf_counter() - started
    _quiet_dask()
    started = time.perf_counter()
    run = run_corpus([corpus], work / "dask", jobs=jobs, engine="dask")
    on_dask = time.perf_counter() - started
    report("dask", f"{args.dask_articles:,} articles on {jobs} workers: Dask engine (local cluster, started in the "
           f"run) {on_dask:.1f} s on {len(run.workers)} workers, local engine {local:.1f} s",
           "the overhead ratio is printed (no target)", on_dask / local, True)


def _quiet_dask() -> None:
    import logging

    logging.getLogger("distributed").setLevel(logging.ERROR)


# -- 6. scaling ----------------------------------------------------------------------------------------------

#: The shapes of the scaling benchmark: a text of size n for each.
SHAPES: dict[str, Callable[[int], str]] = {
    "paragraphs": lambda n: "".join(f"Officials said on day {k} that the road was open again.\n\n" for k in range(n)),
    "words in one sentence": lambda n: " ".join(("the", "army", "did", "not", "say", "it", "was", "good")[k % 8]
                                                for k in range(n)) + ".",
    "attributions in one paragraph": lambda n: " ".join(f"“We will win {k},” the governor said. Officials said road "
                                                        f"{k} was open." for k in range(n // 2)),
}


def scaling(args: argparse.Namespace, work: Path) -> None:
    import warnings

    from analysis._limits import Limits, SlantWarning
    from analysis._model import Article
    from analysis._pipeline import load_resources, run_pipeline

    n = args.scaling
    resources = load_resources(limits=Limits(paragraphs=8 * n + 1))
    for name, make in SHAPES.items():
        times = []
        for size in (n, 4 * n):
            article = Article(id=name, text=make(size))
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", SlantWarning)  # the long sentence is cut, as it should be
                times.append(_best(lambda: run_pipeline(article, resources), 1))
        ratio = times[1] / times[0]
        report("scaling", f"{name}: {n:,} {times[0]:.2f} s, {4 * n:,} {times[1]:.2f} s",
               "linear: 4n at most 5x n (near 16 would be quadratic)", ratio, ratio <= 5)


# -- 7, 8. reports ---------------------------------------------------------------------------------------------


def report_speed(args: argparse.Namespace, work: Path) -> None:
    from benchmarks import reports

    base = _best(lambda: reports.baseline(work), 3)
    slant = _best(lambda: reports.seed_report(work), 3)
    ratio = slant / base
    report("report", f"slant report of the seed {slant:.2f} s; papermill + nbconvert, one-figure notebook (pandas, "
           f"matplotlib, seaborn) {base:.2f} s (best of 3, fresh kernels)", "at most 1.5x", ratio, ratio <= 1.5)


def batch_speed(args: argparse.Namespace, work: Path) -> None:
    from analysis._limits import default_jobs
    from benchmarks import reports

    one = _best(lambda: reports.seed_report(work), 2)
    many = _best(lambda: reports.batch(work, args.batch), 1)
    ratio = many / one
    report("batch", f"{args.batch} reports {many:.1f} s (a kernel per core, {default_jobs()}); one report {one:.2f} s",
           f"{args.batch} reports at most 8x one", ratio, ratio <= 8)


RUNS: dict[str, Callable[[argparse.Namespace, Path], None]] = {
    "throughput": throughput, "memory": memory, "paragraphs": paragraphs, "startup": startup, "dask": dask,
    "scaling": scaling, "report": report_speed, "batch": batch_speed,
}

if __name__ == "__main__":
    sys.exit(main())
