"""Interactive exploration in JupyterLab (``notebooks/explore.ipynb``): pick an article of a file or folder, filter
what is marked by loaded-language category, voice, source type or actor, jump to a paragraph, sort the tables.

The explorer only wires ipywidgets to the package's views: the marked-up article, the paragraph heatmap and the tidy
tables are the report's. Every view is HTML with the article's text escaped.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

import ipywidgets as widgets
from IPython.display import HTML, display

from ._api import analyze_all
from ._document import Document
from ._errors import InputError
from ._figures import NO_SOURCE
from ._model import LOADED_CATEGORIES, SOURCE_TYPES
from .views import find_path, highlighted_article, paragraph_heatmap, summary_card, table

#: The tables one can sort, by name: the ``Document`` attribute of each.
TABLES = ("paragraphs", "loaded_terms", "attributions", "voices", "actors", "sentences")
ALL = "all"


class Explorer:
    """The widgets of the explore notebook over the articles of ``path`` (a file or a folder).

    ``categories``, ``voice``, ``sources``, ``actor``, ``paragraph``, ``table`` and ``sort`` are the widgets; changing
    one redraws the views (``article_view``, ``focus_view``, ``table_view``)."""

    def __init__(self, path: str, *, actors: str = "", lexicon: str = "") -> None:
        self.documents: dict[str, Document] = {}
        self.skipped: list[str] = []
        for item in analyze_all([find_path(path)], actors=find_path(actors) if actors else None,
                                lexicon=find_path(lexicon) if lexicon else None):
            if isinstance(item, InputError):
                self.skipped.append(str(item))
            else:
                self.documents.setdefault(item.article.id, item)
        if not self.documents:
            raise InputError(path, "no article to explore")
        self.article = widgets.Dropdown(options=list(self.documents), description="article")
        self.categories = widgets.SelectMultiple(options=list(LOADED_CATEGORIES), value=tuple(LOADED_CATEGORIES),
                                                 rows=len(LOADED_CATEGORIES), description="categories")
        self.voice = widgets.Dropdown(options=[ALL, "author", "quoted"], description="voice")
        self.sources = widgets.SelectMultiple(options=[*SOURCE_TYPES, NO_SOURCE], value=(*SOURCE_TYPES, NO_SOURCE),
                                              rows=6, description="sources")
        self.actor = widgets.Dropdown(description="actor")
        self.paragraph = widgets.Dropdown(description="paragraph")
        self.table = widgets.Dropdown(options=TABLES, value="paragraphs", description="table")
        self.sort = widgets.Dropdown(description="sort by")
        self.descending = widgets.Checkbox(value=True, description="largest first")
        self.card_view, self.article_view, self.heatmap_view = widgets.Output(), widgets.Output(), widgets.Output()
        self.focus_view, self.table_view = widgets.Output(), widgets.Output()
        self.article.observe(lambda _: self._pick(), names="value")
        for control in (self.categories, self.voice, self.sources, self.actor):
            control.observe(lambda _: self._draw_article(), names="value")
        self.paragraph.observe(lambda _: self._draw_focus(), names="value")
        self.table.observe(lambda _: self._pick_table(), names="value")
        for control in (self.sort, self.descending):
            control.observe(lambda _: self._draw_table(), names="value")
        self._pick()

    @property
    def document(self) -> Document:
        return self.documents[self.article.value]

    def widget(self) -> widgets.Widget:
        """The whole explorer: filters, then tabs for the article, the heatmap and the tables."""
        filters = widgets.HBox([widgets.VBox([self.article, self.voice, self.actor, self.paragraph]),
                                self.categories, self.sources])
        tabs = widgets.Tab(children=[widgets.VBox([self.focus_view, self.article_view]),
                                     widgets.VBox([self.focus_view, self.heatmap_view]),
                                     self.card_view,
                                     widgets.VBox([widgets.HBox([self.table, self.sort, self.descending]), self.table_view])])
        for i, title in enumerate(("article", "paragraph heatmap", "what stands out", "tables")):
            tabs.set_title(i, title)
        return widgets.VBox([filters, tabs])

    def show(self) -> None:
        if self.skipped:
            display(HTML("<p>Skipped: " + "<br>".join(map(escape, self.skipped)) + "</p>"))
        display(self.widget())

    # -- redrawing ---------------------------------------------------------------------------------------------

    def _pick(self) -> None:
        doc = self.document
        actors = sorted(set(doc.actor_mentions["actor"])) if not doc.actor_mentions.empty else []
        self.actor.options = [ALL, *actors]
        self.actor.value = ALL
        self.paragraph.options = [("(none)", -1), *((f"{p.index} {p.kind}", p.index) for p in doc.analysis.paragraphs
                                                    if p.end > p.start)]
        self.paragraph.value = -1
        _redraw(self.card_view, summary_card(doc))
        _redraw(self.heatmap_view, paragraph_heatmap(doc))
        self._draw_article()
        self._pick_table()

    def _filters(self) -> dict:
        return {"categories": tuple(self.categories.value), "voice": None if self.voice.value == ALL else self.voice.value,
                "sources": tuple(self.sources.value), "actor": None if self.actor.value == ALL else self.actor.value}

    def _draw_article(self) -> None:
        _redraw(self.article_view, highlighted_article(self.document, **self._filters()))
        self._draw_focus()

    def _draw_focus(self) -> None:
        """The paragraph picked (as in the heatmap's rows), marked up, above the article."""
        index = self.paragraph.value
        if index is None or index < 0:
            _redraw(self.focus_view, HTML(""))
            return
        filters = {**self._filters(), "actor": None}
        html = highlighted_article(self.document, **filters, paragraphs=(index,), key=False)
        _redraw(self.focus_view, HTML(f"<div style='border:2px solid #0072B2;padding:0 .6em'>{html.data}</div>"))

    def _pick_table(self) -> None:
        frame = getattr(self.document, self.table.value)
        columns = [c for c in frame.columns if c != "article_id"]
        self.sort.options = columns
        self.sort.value = columns[0] if columns else None
        self._draw_table()

    def _draw_table(self) -> None:
        frame = getattr(self.document, self.table.value)
        if self.sort.value in frame.columns:
            frame = frame.sort_values(self.sort.value, ascending=not self.descending.value, kind="stable",
                                      na_position="last")
        _redraw(self.table_view, table(frame.drop(columns="article_id")))


def _redraw(output: widgets.Output, view: HTML) -> None:
    """Replace what ``output`` shows by ``view`` (without a kernel too, so that the explorer can be tested)."""
    output.outputs = ()
    output.append_display_data(view)


def explore(path: str | Path, *, actors: str = "", lexicon: str = "") -> Explorer:
    """Show the explorer of the articles of ``path`` in a notebook and return it."""
    explorer = Explorer(str(path), actors=actors, lexicon=lexicon)
    explorer.show()
    return explorer
