"""Slant: loaded language, tone and attribution in news articles, paragraph by paragraph.

>>> from analysis import analyze
>>> doc = analyze("seeds/000_8122d49cfe791c67.txt")
>>> doc.paragraphs, doc.loaded_terms, doc.attributions, doc.summary()
"""

from ._api import KIT_VERSION as __version__
from ._api import analyze, analyze_all, read_analysis
from ._compare import Comparison, compare
from ._document import Document
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

__all__ = [
    "ActorMention",
    "Analysis",
    "Article",
    "Attribution",
    "Comparison",
    "ComparisonError",
    "Cue",
    "DataFileError",
    "Document",
    "InputError",
    "Limits",
    "LoadedTerm",
    "OutputError",
    "Paragraph",
    "Quote",
    "ReportError",
    "Sentence",
    "SentenceTone",
    "SlantError",
    "SlantWarning",
    "Source",
    "Span",
    "__version__",
    "analyze",
    "analyze_all",
    "check_lexicon",
    "compare",
    "load_lexicon",
    "read_analysis",
]
