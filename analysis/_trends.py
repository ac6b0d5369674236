"""Figures of a corpus per outlet and over time, with bootstrap intervals (read from a ``slant corpus`` folder).

A group's figure (an outlet's, a month's) is the word-weighted mean of its articles' figures: for a density, 100 × the
group's terms / its words; for a tone, the mean tone of its words. Its interval is the 2.5th to 97.5th percentile of
that mean over ``RESAMPLES`` resamplings of the group's articles with replacement (a percentile bootstrap over
articles: articles, not sentences, are the independent units). The resampling is seeded: same corpus, same intervals.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ._dataset import read_table
from ._figures import ARTICLE_FIGURES

#: The corpus figures, each an article figure (``_figures.ARTICLE_FIGURES``) or ``biased_sentence_share``.
FIGURES = ("loaded_density", "author_loaded_density", "biased_sentence_share", "tone", "author_tone",
           "attribution_density", "anonymous_share", "unattributed_share", "direct_quote_share")
#: A sentence is biased when the bias model gives it at least this probability.
BIASED = 0.5
RESAMPLES = 1000
LEVEL = 0.95
#: Resampled article weights held in memory at once (bounds the memory of a group of many articles).
_BATCH_CELLS = 5_000_000


def corpus_articles(folder: str | Path) -> pd.DataFrame:
    """The ``articles`` table of a corpus folder, with ``month`` (YYYY-MM of ``published``, when it parses) and
    ``biased_sentence_share`` (when the sentences have a ``bias_probability``)."""
    articles = read_table(folder, "articles")
    published = pd.to_datetime(articles.get("published", pd.Series(index=articles.index, dtype="object")),
                               errors="coerce", utc=True, format="mixed")
    articles["month"] = published.dt.strftime("%Y-%m")
    sentences = read_table(folder, "sentences")
    if "bias_probability" in sentences:
        biased = (sentences["bias_probability"] >= BIASED).where(sentences["bias_probability"].notna())
        articles["biased_sentence_share"] = articles["article_id"].map(biased.groupby(sentences["article_id"]).mean())
    return articles


def figure_label(name: str) -> str:
    """What to call a corpus figure on an axis."""
    if name == "biased_sentence_share":
        return f"Biased-sentence share (bias probability ≥ {BIASED})"
    figure = ARTICLE_FIGURES[name]
    return figure.label if not figure.label.startswith("…") else f"Loaded terms per 100 words {figure.label[2:]}"


def group_figures(articles: pd.DataFrame, by: str, *, figures: tuple[str, ...] = FIGURES, resamples: int = RESAMPLES,
                  seed: int = 0) -> pd.DataFrame:
    """One row per group of ``by`` (``outlet``, ``month`` …) and figure: articles with a value, the word-weighted mean
    and its bootstrap interval (``low``, ``high``). Figures missing from the table are left out."""
    rng = np.random.default_rng(seed)
    rows = []
    present = [f for f in figures if f in articles]
    for key, group in articles.dropna(subset=[by]).groupby(by, sort=True):
        weights = group["word_count"].to_numpy(dtype=float)
        for name in present:
            values = group[name].to_numpy(dtype=float)
            keep = ~np.isnan(values) & (weights > 0)
            value, low, high = weighted_mean_interval(values[keep], weights[keep], rng=rng, resamples=resamples)
            rows.append({by: key, "figure": name, "articles": int(keep.sum()), "value": value, "low": low,
                         "high": high})
    return pd.DataFrame(rows, columns=[by, "figure", "articles", "value", "low", "high"])


def weighted_mean_interval(values: np.ndarray, weights: np.ndarray, *, rng: np.random.Generator,
                           resamples: int = RESAMPLES, level: float = LEVEL) -> tuple[float, float, float]:
    """The weighted mean and its percentile-bootstrap interval (NaN without values; the interval of one value is
    the value itself)."""
    if len(values) == 0:
        return float("nan"), float("nan"), float("nan")
    mean = float(np.average(values, weights=weights))
    batch = max(1, _BATCH_CELLS // len(values))
    means = []
    for done in range(0, resamples, batch):
        picks = rng.integers(0, len(values), size=(min(batch, resamples - done), len(values)))
        w = weights[picks]
        means.append((values[picks] * w).sum(axis=1) / w.sum(axis=1))
    low, high = np.quantile(np.concatenate(means), [(1 - level) / 2, (1 + level) / 2])
    return round(mean, 4), round(float(low), 4), round(float(high), 4)


def source_type_shares(folder: str | Path, by: str = "outlet") -> pd.DataFrame:
    """One row per group and source type: the group's attributions with a source of that type, and their share of
    its sourced attributions (a pronoun counts as ``pronoun``, as in the attributions table)."""
    attributions = read_table(folder, "attributions")
    columns = [by, "source_type", "attributions", "share"]
    if attributions.empty or "source_type" not in attributions:
        return pd.DataFrame(columns=columns)
    groups = corpus_articles(folder).set_index("article_id")[by]
    sourced = attributions.dropna(subset=["source_type"]).assign(**{by: lambda f: f["article_id"].map(groups)})
    counts = sourced.dropna(subset=[by]).groupby([by, "source_type"]).size().rename("attributions").reset_index()
    counts["share"] = (counts["attributions"] / counts.groupby(by)["attributions"].transform("sum")).round(4)
    return counts[columns]
