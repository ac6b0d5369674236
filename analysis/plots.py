"""Plots of a document for notebooks and reports. Each function returns a matplotlib Figure."""

from __future__ import annotations

import matplotlib.pyplot as plt
import seaborn as sns
from matplotlib.figure import Figure

from ._document import Document
from ._model import LOADED_CATEGORIES, TEXT_KINDS


def tone_by_paragraph(doc: Document) -> Figure:
    """Tone of each running-text paragraph in reading order (bars), the smoothed arc with its turns, and the
    writer's own ``author_tone`` (line)."""
    frame = doc.paragraphs[doc.paragraphs["kind"].isin(TEXT_KINDS) & doc.paragraphs["tone"].notna()]
    arc = doc.tone_arc
    fig, ax = plt.subplots(figsize=(10, 3.4))
    ax.axhline(0, color="#999", linewidth=0.8)
    ax.bar(frame["index"], frame["tone"], color=["#c0504d" if t < 0 else "#4f81bd" for t in frame["tone"]],
           alpha=0.7, label="tone")
    ax.plot([p["paragraph"] for p in arc], [p["smoothed"] for p in arc], color="#333", linewidth=1.5, label="smoothed")
    ax.plot(frame["index"], frame["author_tone"], ":", color="#8a6d3b", linewidth=1.2, label="author tone")
    turns = [p for p in arc if p["turn"]]
    ax.scatter([p["paragraph"] for p in turns], [p["smoothed"] for p in turns], marker="D", color="#222", zorder=3,
               label="turn")
    ax.set(xlabel="paragraph", ylabel="tone", ylim=(-1.05, 1.05), title="Tone through the article")
    ax.legend(loc="upper right", fontsize="small", ncols=4)
    sns.despine(fig)
    return fig


def loaded_by_category(doc: Document) -> Figure:
    """Loaded terms per category, split by voice (the author's own words vs. quoted sources)."""
    counts = (
        doc.loaded_terms.groupby(["category", "voice"]).size().unstack()
        .reindex(index=list(LOADED_CATEGORIES), columns=["author", "quoted"]).fillna(0)
    )
    fig, ax = plt.subplots(figsize=(7, 3.2))
    ax.barh(counts.index, counts["author"], color="#c0504d", label="author's voice")
    ax.barh(counts.index, counts["quoted"], left=counts["author"], color="#e6b9b8", label="quoted")
    ax.invert_yaxis()
    ax.set(xlabel="terms", title="Loaded terms by category")
    ax.legend(loc="lower right", fontsize="small")
    sns.despine(fig)
    return fig


def sources_by_type(doc: Document) -> Figure:
    """Attributions per source type (sourceless hedges counted as "no source")."""
    types = doc.attributions["source_type"].fillna("no source").value_counts()
    fig, ax = plt.subplots(figsize=(7, 3))
    ax.barh(types.index, types.values, color="#4f81bd")
    ax.invert_yaxis()
    ax.set(xlabel="attributions", title="Who is cited")
    sns.despine(fig)
    return fig
