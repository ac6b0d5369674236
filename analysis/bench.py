"""Speed and memory of an analysis: ``python -m analysis.bench [PATH…] [--repeat N]``.

For each article (default: ``seeds/``) it prints the time of one full analysis (the best of ``--repeat`` runs, with
the lexicons and the tagger already loaded) and the peak memory it allocates (``tracemalloc``), next to a baseline
measured in the same run on the same sentences: VADER and TextBlob scoring each of them, which is what a user of
those tools runs. The ratio is what Slant's segmentation, quotes, attribution, loaded language, tone model and
actors cost on top of that. These are figures to read, not a pass or fail: no test times anything.
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from collections.abc import Callable

from textblob import TextBlob
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from ._errors import InputError
from ._load import iter_articles
from ._pipeline import load_resources, run_pipeline
from ._text import count_words


def best_time(run: Callable[[], object], repeat: int) -> float:
    """The shortest of ``repeat`` wall-clock times of ``run()``, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def peak_memory(run: Callable[[], object]) -> int:
    """The peak of the memory that ``run()`` allocates, in bytes."""
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.bench", description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", default=["seeds"], help="articles or folders (default: seeds)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per article; the best counts (default: 5)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    resources = load_resources()
    vader = SentimentIntensityAnalyzer()
    articles = []
    for item in iter_articles(args.paths):
        if isinstance(item, InputError):
            print(f"skipped: {item}", file=sys.stderr)
        else:
            articles.append(item)
    if not articles:
        print("no article to measure", file=sys.stderr)
        return 2
    run_pipeline(articles[0], resources)  # loads the lexicons and the tagger
    print(f"start-up (lexicons, tagger, first article): {time.perf_counter() - start:.2f} s")
    print(f"{'article':<28} {'words':>6} {'Slant s':>8} {'s/1000 w':>8} {'peak MiB':>8} {'VADER+TB s':>10} {'ratio':>6}")
    total = [0, 0.0, 0.0]
    for article in articles:
        words = count_words(article.text)
        sentences = [article.text[s.start:s.end] for s in run_pipeline(article, resources).sentences]
        slant = best_time(lambda: run_pipeline(article, resources), args.repeat)
        baseline = best_time(lambda: [(vader.polarity_scores(s), TextBlob(s).sentiment) for s in sentences], args.repeat)
        peak = peak_memory(lambda: run_pipeline(article, resources)) / 2**20
        print(_row(article.id, words, slant, baseline, f"{peak:.1f}"))
        total = [total[0] + words, total[1] + slant, total[2] + baseline]
    print(_row("all", *total, ""))
    return 0


def _row(name: str, words: int, slant: float, baseline: float, peak: str) -> str:
    ratio = slant / baseline if baseline else float("nan")
    return (f"{name[:28]:<28} {words:>6} {slant:>8.3f} {1000 * slant / max(words, 1):>8.3f} {peak:>8} "
            f"{baseline:>10.3f} {ratio:>6.1f}")


if __name__ == "__main__":
    sys.exit(main())
