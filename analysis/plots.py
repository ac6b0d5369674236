"""Plots of a document, or of a comparison, for notebooks and reports. Each function returns a matplotlib Figure whose label
(``fig.get_label()``) is its alt text: what the figure shows, with its numbers. Colours come from :mod:`palette`."""

from __future__ import annotations

from typing import TYPE_CHECKING

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from . import palette
from ._document import Document
from ._model import CUE_CLASSES, LOADED_CATEGORIES, TEXT_KINDS
from ._text import signed

if TYPE_CHECKING:
    from ._compare import Comparison

#: Sources shown in "who speaks how", at most (the most cited).
MAX_SOURCES = 12


def tone_by_paragraph(doc: Document) -> Figure:
    """Tone of each running-text paragraph in reading order (bars), the smoothed arc with its turns, and the
    writer's own ``author_tone`` (line)."""
    frame = doc.paragraphs[doc.paragraphs["kind"].isin(TEXT_KINDS) & doc.paragraphs["tone"].notna()]
    arc = doc.tone_arc
    fig, ax = plt.subplots(figsize=(11, 3.6))
    ax.axhline(0, color="#999", linewidth=0.8)
    ax.bar(frame["index"], frame["tone"], color=[palette.NEGATIVE if t < 0 else palette.POSITIVE for t in frame["tone"]],
           alpha=0.75, label="tone (vermillion below 0, blue above)")
    ax.plot([p["paragraph"] for p in arc], [p["smoothed"] for p in arc], color="#222", linewidth=1.6, label="smoothed")
    ax.plot(frame["index"], frame["author_tone"], ":", color="#555", linewidth=1.4, label="author tone")
    turns = [p for p in arc if p["turn"]]
    ax.scatter([p["paragraph"] for p in turns], [p["smoothed"] for p in turns], marker="D", color="#222", zorder=3,
               label="turn")
    ax.set(xlabel="paragraph", ylabel="tone", ylim=(-1.05, 1.05), title="Tone through the article")
    ax.legend(loc="upper right", fontsize="small", ncols=4)
    sns.despine(fig)
    lowest = frame.loc[frame["tone"].idxmin()] if not frame.empty else None
    fig.set_label(
        f"Bar chart of the tone of {len(frame)} paragraphs in reading order, from -1 to +1; "
        + (f"most negative: paragraph {lowest['index']} ({signed(lowest['tone'])}); " if lowest is not None else "")
        + f"turns of the smoothed arc at paragraphs {', '.join(str(p['paragraph']) for p in turns) or 'none'}."
    )
    return fig


def loaded_by_category(doc: Document) -> Figure:
    """Loaded terms of the running text per category, in the category's colour: the author's own words solid, quoted
    words hatched."""
    running = doc.loaded_terms[doc.loaded_terms["paragraph"].isin(doc.paragraphs.loc[doc.paragraphs["kind"].isin(TEXT_KINDS), "index"])]
    counts = (running.groupby(["category", "voice"]).size().unstack()
              .reindex(index=list(LOADED_CATEGORIES), columns=["author", "quoted"]).fillna(0))
    colors = [palette.CATEGORY_COLORS[c] for c in counts.index]
    labels = [c.replace("_", " ") for c in counts.index]
    fig, ax = plt.subplots(figsize=(8, 3.4))
    ax.barh(labels, counts["author"], color=colors, edgecolor="#222", linewidth=0.6)
    ax.barh(labels, counts["quoted"], left=counts["author"], color=[palette.tint(c, 0.35) for c in colors],
            hatch="///", edgecolor="#444", linewidth=0.6)
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set(xlabel="loaded terms", title="Loaded terms by category")
    ax.legend(handles=[Patch(facecolor="#888", edgecolor="#222", label="the outlet's own words"),
                       Patch(facecolor="#ddd", hatch="///", edgecolor="#444", label="quoted")],
              loc="lower right", fontsize="small")
    sns.despine(fig)
    fig.set_label("Horizontal bar chart of loaded terms per category (own words; quoted): " + "; ".join(
        f"{label} {int(a)}; {int(q)}" for label, a, q in zip(labels, counts["author"], counts["quoted"])) + ".")
    return fig


def who_speaks_how(doc: Document) -> Figure:
    """The most cited sources (pronouns resolved), each a bar split by the classes of the cues that introduce it."""
    voices = doc.voices.head(MAX_SOURCES)
    cues = [c for c in CUE_CLASSES if f"cue_{c}" in voices.columns]
    fig, ax = plt.subplots(figsize=(9, 0.8 + 0.34 * max(len(voices), 1)))
    left = [0.0] * len(voices)
    names = [s if len(s) <= 40 else s[:39] + "…" for s in voices["source"]]
    for cue in cues:
        counts = voices[f"cue_{cue}"].tolist()
        ax.barh(names, counts, left=left, color=palette.CUE_COLORS[cue], edgecolor="#222", linewidth=0.5, label=cue)
        left = [a + b for a, b in zip(left, counts)]
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set(xlabel="attributions", title="Who speaks, and how the outlet introduces them (cue class)")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small", title="cue class")  # beside the bars
    sns.despine(fig)
    fig.set_label(f"Horizontal bar chart of the {len(voices)} most cited sources by attributions, split by cue class: "
                  + "; ".join(f"{row.source} {row.attributions}" for row in voices.itertuples()) + ".")
    return fig


def sources_by_type(doc: Document) -> Figure:
    """Attributions per source type (sourceless hedges counted as "no source")."""
    types = doc.attributions["source_type"].fillna("no source").value_counts()
    fig, ax = plt.subplots(figsize=(7, 3))
    ax.barh(types.index.str.replace("_", " "), types.values, color=palette.POSITIVE)
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set(xlabel="attributions", title="Who is cited, by type")
    sns.despine(fig)
    fig.set_label("Horizontal bar chart of attributions per source type: "
                  + "; ".join(f"{t} {n}" for t, n in types.items()) + ".")
    return fig


# -- comparisons -------------------------------------------------------------------------------------------------

#: Small multiples per row.
COLUMNS = 4


def tone_arcs(cmp: Comparison) -> Figure:
    """The tone arc of each article as small multiples on one relative-position axis (0 = start of the running text,
    1 = its end): paragraph tones (bars, as wide as the paragraph's share of the words) and the smoothed arc."""
    labels = list(cmp.labels.items())
    columns = min(len(labels), COLUMNS)
    rows = -(-len(labels) // columns)
    fig, axes = plt.subplots(rows, columns, figsize=(3.2 * columns, 2.2 * rows), sharex=True, sharey=True,
                             squeeze=False)
    for ax, (article_id, label) in zip(axes.flat, labels):
        arc = cmp.tone_arcs[cmp.tone_arcs["article_id"] == article_id]
        width = 1 / max(len(arc), 1)
        ax.axhline(0, color="#999", linewidth=0.6)
        ax.bar(arc["position"], arc["tone"], width=width * 0.9, color=[palette.NEGATIVE if t < 0 else palette.POSITIVE for t in arc["tone"]],
               alpha=0.6)
        ax.plot(arc["position"], arc["smoothed"], color="#333", linewidth=1.3)
        turns = arc[arc["turn"]]
        ax.scatter(turns["position"], turns["smoothed"], marker="D", color="#222", s=14, zorder=3)
        ax.set_title(_short(label), fontsize="medium")
        ax.set(xlim=(0, 1), ylim=(-1.05, 1.05))
    for ax in list(axes.flat)[len(labels):]:
        ax.axis("off")
    for ax in axes[-1]:
        ax.set_xlabel("position in the article")
    for ax in axes[:, 0]:
        ax.set_ylabel("tone")
    sns.despine(fig)
    fig.tight_layout()
    return fig


def loaded_categories_compared(cmp: Comparison) -> Figure:
    """Loaded terms per 100 words of each category (columns) in each article (rows), all voices."""
    frame = cmp.loaded_categories.pivot_table(index="article", columns="category", values="per_100_words", sort=False)
    frame = frame.reindex(index=list(cmp.labels.values()), columns=list(LOADED_CATEGORIES))
    frame.columns = [c.replace("_", " ") for c in frame.columns]
    fig, ax = plt.subplots(figsize=(9, 0.9 + 0.38 * len(frame)))
    sns.heatmap(frame, annot=True, fmt=".2f", cmap="Reds", cbar_kws={"label": "per 100 words"}, linewidths=0.5, ax=ax,
                annot_kws={"fontsize": "small"})
    ax.set(xlabel="", ylabel="", title="Loaded terms per 100 words, by category")
    ax.set_yticklabels([_short(t.get_text()) for t in ax.get_yticklabels()], rotation=0)
    return fig


def coverage_matrix(cmp: Comparison) -> Figure:
    """For each article (row), the share of its running-text paragraphs that match a paragraph of each other
    article (column): low values in a column mean that article leaves out what the row's article reports."""
    labels = list(cmp.labels.values())
    frame = cmp.coverage.pivot_table(index="article", columns="other_article", values="share", sort=False)
    frame = frame.reindex(index=labels, columns=labels)
    size = 1.2 + 0.42 * len(labels)
    fig, ax = plt.subplots(figsize=(size + 1.5, size))
    sns.heatmap(frame, annot=len(labels) <= 12, fmt=".0%", cmap="Blues", vmin=0, vmax=1, linewidths=0.5, ax=ax,
                cbar_kws={"label": "share of the row's paragraphs matched"}, annot_kws={"fontsize": "small"})
    ax.set(xlabel="… found in this article", ylabel="paragraphs of this article …", title="Coverage overlap")
    ax.set_xticklabels([_short(t.get_text()) for t in ax.get_xticklabels()], rotation=45, ha="right")
    ax.set_yticklabels([_short(t.get_text()) for t in ax.get_yticklabels()], rotation=0)
    return fig


def _short(label: str, limit: int = 28) -> str:
    return label if len(label) <= limit else label[:limit - 1] + "…"


# -- corpora ------------------------------------------------------------------------------------------------------


def figures_by_group(figures: pd.DataFrame, by: str) -> Figure:
    """Each corpus figure per group (``_trends.group_figures``): the word-weighted mean (dot) and its 95% bootstrap
    interval (bar), one panel per figure."""
    from ._trends import figure_label

    names = list(dict.fromkeys(figures["figure"]))
    groups = sorted(figures[by].unique(), key=str)
    fig, axes = plt.subplots(len(names), 1, figsize=(7, 0.5 + len(names) * (0.6 + 0.28 * len(groups))), squeeze=False)
    for ax, name in zip(axes[:, 0], names):
        rows = figures[figures["figure"] == name].set_index(by).reindex(groups)
        ax.errorbar(rows["value"], range(len(groups)), xerr=[rows["value"] - rows["low"], rows["high"] - rows["value"]],
                    fmt="o", color="#1f4f82", ecolor="#8aa9cc", capsize=3)
        ax.set_yticks(range(len(groups)), [str(g) for g in groups])
        ax.invert_yaxis()
        ax.set_title(figure_label(name), fontsize="medium", loc="left")
    sns.despine(fig)
    fig.tight_layout()
    return fig


def figures_over_time(figures: pd.DataFrame, period: str = "month") -> Figure:
    """Each corpus figure per month (``_trends.group_figures`` by ``month``, YYYY-MM): the mean (line and dots) and its
    95% bootstrap interval (band, and a bar at each month), one panel per figure, on a calendar axis: a month with
    no article is a gap, never bridged by the line."""
    from ._trends import figure_label

    names = list(dict.fromkeys(figures["figure"]))
    months = pd.PeriodIndex(figures[period], freq="M")
    calendar = pd.period_range(months.min(), months.max(), freq="M")
    when = calendar.to_timestamp()
    fig, axes = plt.subplots(len(names), 1, figsize=(9, 2.2 * len(names)), sharex=True, squeeze=False)
    for ax, name in zip(axes[:, 0], names):
        shown = figures["figure"] == name
        rows = figures[shown].set_index(months[shown.to_numpy()]).reindex(calendar)
        ax.plot(when, rows["value"], marker="o", markersize=4, color="#1f4f82")
        ax.fill_between(when, rows["low"], rows["high"], color="#8aa9cc", alpha=0.4, linewidth=0)
        ax.vlines(when, rows["low"], rows["high"], color="#8aa9cc", linewidth=1)
        ax.set_title(figure_label(name), fontsize="medium", loc="left")
    axes[-1, 0].tick_params(axis="x", labelrotation=45)
    sns.despine(fig)
    fig.tight_layout()
    return fig


def source_types_by_group(shares: pd.DataFrame, by: str) -> Figure:
    """Shares of the source types among each group's sourced attributions (``_trends.source_type_shares``)."""
    table = shares.pivot_table(index=by, columns="source_type", values="share", fill_value=0.0)
    fig, ax = plt.subplots(figsize=(8, 0.8 + 0.45 * max(len(table), 1)))
    table.plot.barh(stacked=True, ax=ax, colormap="tab20", width=0.7)
    ax.invert_yaxis()
    ax.set(xlabel="share of sourced attributions", xlim=(0, 1), title="Who is cited")
    ax.legend(loc="upper left", bbox_to_anchor=(1, 1), fontsize="small")
    sns.despine(fig)
    return fig
