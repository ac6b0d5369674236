"""The index of a reports folder: ``index.html`` (a page linking every report with its title, outlet, date and
headline figures) and ``index.json`` (the same entries, for scripts), rewritten after every run.

Each run adds or replaces the entries of the reports it wrote; entries whose report file is gone are dropped. The
page has no script and loads nothing; every value is escaped.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import _io
from ._figures import ARTICLE_FIGURES

if TYPE_CHECKING:
    from ._compare import Comparison
    from ._document import Document

INDEX_HTML = "index.html"
INDEX_JSON = "index.json"
#: The headline figures of each article in the index: names of ``ARTICLE_FIGURES`` and their column headings.
INDEX_FIGURES = {"word_count": "words", "author_loaded_density": "loaded /100 words, own voice",
                 "headline_loaded_density": "loaded /100 words, headline",
                 "bias_probability": "biased sentences (expected)", "tone": "tone",
                 "attribution_density": "attributions per 100 words", "anonymous_share": "anonymous sources"}


def article_entry(document: Document, report: Path) -> dict[str, Any]:
    """The index entry of an article report: file name, title, outlet, date and the headline figures."""
    article, values = document.article, document.figure_values
    return {"file": report.name, "kind": "article", "id": article.id, "title": article.title or article.id,
            "outlet": article.outlet, "published": article.published,
            "figures": {name: values[name] for name in INDEX_FIGURES}}


def comparison_entry(comparison: Comparison, report: Path) -> dict[str, Any]:
    """The index entry of a comparison: file name and the labels of the articles compared."""
    labels = list(comparison.labels.values())
    return {"file": report.name, "kind": "comparison", "id": report.stem,
            "title": f"Comparison of {len(labels)} articles: {', '.join(labels)}", "outlet": None, "published": None,
            "figures": {}}


def update_index(folder: Path, entries: Iterable[dict[str, Any]]) -> Path:
    """Add ``entries`` (each with at least ``file`` and ``title``) to the index of ``folder``, drop the entries whose
    file is gone, and write ``index.json`` and ``index.html``; returns the page's path. Raises OutputError, writing
    nothing, when an ``index.html`` there is not Slant's."""
    _io.check_target(folder / INDEX_HTML)
    known = {e["file"]: e for e in _read_entries(folder / INDEX_JSON)}
    known.update({e["file"]: e for e in entries})
    kept = [known[name] for name in sorted(known) if (folder / name).is_file()]
    _io.write_text_atomic(folder / INDEX_JSON, json.dumps({"reports": kept}, ensure_ascii=False, indent=1) + "\n")
    _io.write_text_atomic(folder / INDEX_HTML, index_page(kept))
    return folder / INDEX_HTML


def _read_entries(path: Path) -> list[dict[str, Any]]:
    """The entries of an existing index, or none when it is missing or not ours."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    reports = data.get("reports") if isinstance(data, dict) else None
    return [e for e in reports if isinstance(e, dict) and isinstance(e.get("file"), str)] if isinstance(reports, list) else []


def index_page(entries: list[dict[str, Any]]) -> str:
    """The index page: one row per report, linked, with its headline figures."""
    head = "".join(f"<th title='{escape(ARTICLE_FIGURES[name].meaning, quote=True)}'>{escape(heading)}</th>"
                   for name, heading in INDEX_FIGURES.items())
    rows = []
    for entry in entries:
        figures = entry.get("figures") or {}
        cells = "".join(f"<td class='num'>{escape(ARTICLE_FIGURES[name].format(figures.get(name)))}</td>"
                        for name in INDEX_FIGURES)
        kind = "comparison" if entry.get("kind") == "comparison" else ""
        rows.append(f"<tr><td><a href='{escape(entry['file'], quote=True)}'>{escape(str(entry.get('title') or entry['file']))}</a>"
                    f"{' <small>(comparison)</small>' if kind else ''}</td>"
                    f"<td>{escape(str(entry.get('outlet') or ''))}</td>"
                    f"<td class='date'>{escape(str(entry.get('published') or ''))}</td>"
                    f"{cells}</tr>")
    body = "".join(rows) or f"<tr><td colspan='{3 + len(INDEX_FIGURES)}'>No report yet.</td></tr>"
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'><meta name=\"generator\" content=\"Slant\">"
        "<meta name='viewport' content='width=device-width, initial-scale=1'><title>Slant reports</title><style>"
        "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1200px;padding:0 1em;color:#222}"
        "table{border-collapse:collapse;width:100%}th,td{padding:.35em .6em;border-bottom:1px solid #ddd;text-align:left}"
        "th{background:#f3f3f3}td.date{white-space:nowrap}td.num{text-align:right;font-variant-numeric:tabular-nums}"
        "</style></head><body><h1>Slant reports</h1>"
        f"<p>{len(entries)} report{'s' if len(entries) != 1 else ''}. Figures cover each article's running text; "
        "densities are per 100 words. Open a report for what each figure means and the words behind it.</p>"
        f"<table><thead><tr><th>Title</th><th>Outlet</th><th>Date</th>{head}</tr></thead><tbody>{body}</tbody></table>"
        "</body></html>\n"
    )
