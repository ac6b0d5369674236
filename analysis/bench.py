"""Speed and memory of an analysis: ``python -m analysis.bench [PATH…] [--repeat N]``.

For each article (default: ``seeds/``) it prints the time of one full analysis (the best of ``--repeat`` runs, with
the lexicons and the tagger already loaded) and the peak memory it allocates (``tracemalloc``), next to a baseline
measured in the same run on the same sentences: VADER and TextBlob scoring each of them, which is what a user of
those tools runs. The ratio is what Slant's segmentation, quotes, attribution, loaded language, tone model and
actors cost on top of that. These are figures to read, not a pass or fail: no test times anything.

``--scaling N`` times instead the three shapes of hostile input whose time once grew faster than their size (see
``docs/robustness.md``): N and 4N paragraphs, one sentence of N and 4N words, N and 4N attributions in one
paragraph. A ratio near 4 is linear time; near 16, quadratic.
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
import warnings
from collections.abc import Callable

from textblob import TextBlob
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from ._errors import InputError
from ._limits import SlantWarning
from ._load import iter_articles
from ._model import Article
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
    parser.add_argument("--scaling", type=int, metavar="N",
                        help="time N and 4N paragraphs, words in a sentence and attributions in a paragraph instead")
    args = parser.parse_args(argv)
    if args.scaling:
        return scaling(args.scaling)
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


#: The shapes of ``--scaling``: a text of size n for each.
SHAPES: dict[str, Callable[[int], str]] = {
    "paragraphs": lambda n: "".join(f"Officials said on day {k} that the road was open again.\n\n" for k in range(n)),
    "words in one sentence": lambda n: " ".join(("the", "army", "did", "not", "say", "it", "was", "good")[k % 8]
                                                for k in range(n)) + ".",
    "attributions in one paragraph": lambda n: " ".join(f"“We will win {k},” the governor said. Officials said road "
                                                        f"{k} was open." for k in range(n // 2)),
}


def scaling(n: int) -> int:
    """Print the time of each shape at size n and 4n, and their ratio."""
    resources = load_resources()
    print(f"{'shape':<30} {'n':>6} {'s':>8} {'4n':>6} {'s':>8} {'ratio':>6}")
    for name, make in SHAPES.items():
        times = []
        for size in (n, 4 * n):
            article = Article(id=name, text=make(size))
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", SlantWarning)  # the long sentence is cut, as it should be
                times.append(best_time(lambda: run_pipeline(article, resources), 1))
        print(f"{name:<30} {n:>6} {times[0]:>8.2f} {4 * n:>6} {times[1]:>8.2f} {times[1] / times[0]:>6.1f}")
    return 0


def _row(name: str, words: int, slant: float, baseline: float, peak: str) -> str:
    ratio = slant / baseline if baseline else float("nan")
    return (f"{name[:28]:<28} {words:>6} {slant:>8.3f} {1000 * slant / max(words, 1):>8.3f} {peak:>8} "
            f"{baseline:>10.3f} {ratio:>6.1f}")


if __name__ == "__main__":
    sys.exit(main())
