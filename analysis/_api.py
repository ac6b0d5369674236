"""The Python API: ``analyze`` one article, ``analyze_all`` for a batch, ``read_analysis`` for a saved one."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from importlib.metadata import version
from pathlib import Path

from . import _io
from ._document import SCHEMA, Document
from ._errors import InputError
from ._load import iter_articles, read_articles
from ._model import Article
from ._pipeline import Resources, load_resources, run_pipeline

KIT_VERSION = version("slant")


def analyze(
    path: str | Path | None = None,
    *,
    text: str | None = None,
    id: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    url: str | None = None,
    lexicon: str | Path | None = None,
    actors: str | Path | None = None,
    resources: Resources | None = None,
) -> Document:
    """Analyze one article: a file (``path``), or a string (``text=``) with optional metadata.

    ``lexicon`` adds a user lexicon (TSV) to the built-in one; ``actors`` is a YAML file of actors.
    A file holding several articles (.jsonl) needs ``id=`` to pick one. Raises InputError or DataFileError.
    """
    if (path is None) == (text is None):
        raise TypeError("analyze() takes a path or text=, not both")
    resources = resources or load_resources(lexicon=lexicon, actors=actors)
    if text is not None:
        article = Article(id or "text", text.replace("\r\n", "\n").replace("\r", "\n"), None, title, outlet, published, url)
    else:
        article = _one_article(str(path), id)
    return Document(run_pipeline(article, resources), kit_version=KIT_VERSION)


def analyze_all(
    paths: Sequence[str | Path], *, lexicon: str | Path | None = None, actors: str | Path | None = None
) -> Iterator[Document | InputError]:
    """Every article of every input (files, folders, ``-``), in order; a bad input comes out as an InputError."""
    resources = load_resources(lexicon=lexicon, actors=actors)
    for item in iter_articles([str(p) for p in paths]):
        yield item if isinstance(item, InputError) else Document(run_pipeline(item, resources), kit_version=KIT_VERSION)


def read_analysis(path: str | Path) -> Document:
    """A saved analysis (one ``slant/analysis-v1`` JSON object, as ``slant analyze --json`` writes) read back."""
    try:
        data = json.loads(_io.read_bytes(str(path)).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(str(path), f"not a saved analysis: {error}") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise InputError(str(path), f"not a saved analysis: expected a JSON object with \"schema\": \"{SCHEMA}\"")
    return Document.from_dict(data)


def _one_article(path: str, id: str | None) -> Article:
    articles = read_articles(path)
    if id is not None:
        articles = [a for a in articles if a.id == id]
        if not articles:
            raise InputError(path, f"no article with id {id!r}")
    if len(articles) > 1:
        raise InputError(path, f"holds {len(articles)} articles: pick one with id=, or use analyze_all()")
    return articles[0]
