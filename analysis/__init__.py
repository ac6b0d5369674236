"""Slant: loaded language, tone and attribution in news articles, paragraph by paragraph.

>>> from analysis import analyze
>>> doc = analyze("seeds/000_8122d49cfe791c67.txt")
>>> doc.paragraphs, doc.loaded_terms, doc.attributions, doc.summary()

The names below load on first use, so that ``import analysis`` (and ``slant --help``) stays quick.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._api import KIT_VERSION as __version__
    from ._api import analyze, analyze_all
    from ._compare import Comparison, compare
    from ._document import Document, read_analysis
    from ._errors import ComparisonError, DataFileError, InputError, OutputError, ReportError, SlantError
    from ._lexicon import check_lexicon, load_lexicon
    from ._limits import Limits, SlantWarning
    from ._model import (
        ActorMention,
        Analysis,
        Article,
        Attribution,
        Cue,
        LoadedTerm,
        Paragraph,
        Quote,
        Sentence,
        SentenceTone,
        Source,
        Span,
    )

#: Each public name: the private module that defines it (and its name there, when it differs).
_EXPORTS = {
    "__version__": ("._api", "KIT_VERSION"),
    **{name: ("._api", name) for name in ("analyze", "analyze_all")},
    "read_analysis": ("._document", "read_analysis"),
    **{name: ("._compare", name) for name in ("Comparison", "compare")},
    "Document": ("._document", "Document"),
    **{name: ("._errors", name) for name in ("ComparisonError", "DataFileError", "InputError", "OutputError",
                                             "ReportError", "SlantError")},
    **{name: ("._lexicon", name) for name in ("check_lexicon", "load_lexicon")},
    **{name: ("._limits", name) for name in ("Limits", "SlantWarning")},
    **{name: ("._model", name) for name in ("ActorMention", "Analysis", "Article", "Attribution", "Cue", "LoadedTerm",
                                            "Paragraph", "Quote", "Sentence", "SentenceTone", "Source", "Span")},
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    module, attribute = _EXPORTS[name]
    value = getattr(importlib.import_module(module, __name__), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})
