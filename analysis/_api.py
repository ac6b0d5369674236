"""The Python API: ``analyze`` one article, ``analyze_all`` for a batch (``_document.read_analysis`` reads a saved
one back)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from ._document import Document
from ._errors import InputError, InternalError
from ._limits import Limits
from ._load import iter_articles, read_articles, text_article
from ._model import Article
from ._pipeline import Resources, load_resources, run_pipeline
from ._version import KIT_VERSION



def analyze(
    path: str | Path | Article | None = None,
    *,
    text: str | None = None,
    id: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    url: str | None = None,
    author: str | None = None,
    lexicon: str | Path | None = None,
    actors: str | Path | None = None,
    limits: Limits | None = None,
    resources: Resources | None = None,
) -> Document:
    """Analyze one article: a file (``path``), an ``Article``, or a string (``text=``) with optional metadata.

    ``lexicon`` adds a user lexicon (TSV) to the built-in one; ``actors`` is a YAML file of actors; ``limits`` bound
    what one input may hold (``Limits``; default: the documented limits). A file holding several articles (.jsonl)
    needs ``id=`` to pick one. Raises InputError or DataFileError.
    """
    if (path is None) == (text is None):
        raise TypeError("analyze() takes a path or text=, not both")
    if not isinstance(path, (str, Path, Article, type(None))):
        raise TypeError(f"analyze() takes a path, an Article or text=, not {type(path).__name__}")
    resources = resources or load_resources(lexicon=lexicon, actors=actors, limits=limits)
    if isinstance(path, Article):
        article = path
    elif text is not None:
        article = text_article(text, id=id or "text", title=title, outlet=outlet, published=published, url=url, author=author,
                               limits=resources.limits)
    else:
        article = _one_article(str(path), id, resources.limits)
    return Document(run_pipeline(article, resources), kit_version=KIT_VERSION)


def analyze_all(
    paths: Sequence[str | Path], *, lexicon: str | Path | None = None, actors: str | Path | None = None,
    limits: Limits | None = None,
) -> Iterator[Document | InputError | InternalError]:
    """Every article of every input (files, folders, ``-``), in order. One input never stops the others: a bad
    input comes out as an InputError, and a bug met while analysing one article as an InternalError."""
    resources = load_resources(lexicon=lexicon, actors=actors, limits=limits)
    for item in iter_articles([str(p) for p in paths], limits=resources.limits):
        yield item if isinstance(item, (InputError, InternalError)) else _analyzed(item, resources)


def _analyzed(article: Article, resources: Resources) -> Document | InputError | InternalError:
    """The document of one article of a batch, or the error that stopped its analysis."""
    try:
        return Document(run_pipeline(article, resources), kit_version=KIT_VERSION)
    except InputError as error:
        return error
    except Exception as error:  # noqa: BLE001 - a bug stops one article of a batch, not the batch
        return InternalError(article.path or article.id, error)


def _one_article(path: str, id: str | None, limits: Limits) -> Article:
    articles = read_articles(path, limits=limits)
    if id is not None:
        articles = [a for a in articles if a.id == id]
        if not articles:
            raise InputError(path, f"no article with id {id!r}")
    if len(articles) > 1:
        raise InputError(path, f"holds {len(articles)} articles: pick one with id=, or use analyze_all()")
    return articles[0]
