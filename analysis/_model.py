"""The data model: plain, frozen dataclasses. Every span is ``start``/``end`` into ``Article.text``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, get_args

ParagraphKind = Literal[
    "title", "duplicate_title", "byline", "date", "heading", "caption",
    "separator", "lead_in", "boilerplate", "body",
]
LoadedCategory = Literal[
    "labeling", "emotive", "sensational", "derision", "insinuation", "certainty", "hedge", "scare_quote",
]
Voice = Literal["author", "quoted"]
CueClass = Literal["neutral", "endorsing", "distancing", "emotive", "denial", "hedge", "belief", "intention"]
SourceType = Literal[
    "person", "official", "military", "media", "organization", "document", "anonymous", "social_media", "pronoun",
]
QuoteType = Literal["direct", "indirect", "mixed", "none"]

PARAGRAPH_KINDS: tuple[str, ...] = get_args(ParagraphKind)
LOADED_CATEGORIES: tuple[str, ...] = get_args(LoadedCategory)
VOICES: tuple[str, ...] = get_args(Voice)
CUE_CLASSES: tuple[str, ...] = get_args(CueClass)
SOURCE_TYPES: tuple[str, ...] = get_args(SourceType)
QUOTE_TYPES: tuple[str, ...] = get_args(QuoteType)

#: Paragraph kinds the analyzers skip: they carry no language of their own.
SKIPPED_KINDS = frozenset({"separator", "boilerplate"})
#: Paragraph kinds that count in article aggregates: the running text.
TEXT_KINDS = frozenset({"body", "lead_in"})


@dataclass(frozen=True)
class Span:
    """A stretch of the article text: ``article.text[start:end] == text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Article:
    """One input article. ``text`` is what every offset indexes."""

    id: str
    text: str
    path: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class Relay:
    """Copy an outlet reproduces from elsewhere: the words that mark it ("via", a separator, "X reports:") and the
    outlet or source it names, if any."""

    cue: Span
    source: Span | None = None


@dataclass(frozen=True)
class Paragraph:
    """A paragraph: ``start``/``end`` exclude surrounding white space; ``relayed_from`` marks relayed copy."""

    index: int
    start: int
    end: int
    kind: ParagraphKind = "body"
    relayed_from: Relay | None = None


@dataclass(frozen=True)
class Sentence:
    """A sentence of a paragraph; ``quoted`` when it lies wholly inside a direct quote."""

    paragraph: int
    start: int
    end: int
    quoted: bool = False


@dataclass(frozen=True)
class Token:
    """A token of a sentence: ``text[start:end]``, with its part-of-speech tag (Penn Treebank)."""

    start: int
    end: int
    text: str
    tag: str = ""

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True)
class Quote:
    """The words inside a pair of quote marks (the marks are outside the span).

    A quote running over several paragraphs gives one ``Quote`` per paragraph.
    ``warning`` says why the reading is uncertain (an unclosed mark), else ``None``.
    """

    paragraph: int
    start: int
    end: int
    warning: str | None = None


@dataclass(frozen=True)
class LoadedTerm:
    """A loaded word or phrase, in the author's own voice or inside quoted speech; ``probability``: the loaded-language
    model's highest probability for a token of it (None where no model read it)."""

    paragraph: int
    start: int
    end: int
    text: str
    category: LoadedCategory
    voice: Voice = "author"
    weight: float = 1.0
    term: str = ""
    probability: float | None = None


@dataclass(frozen=True)
class Cue:
    """The words that link a source to what it says ("said", "according to")."""

    start: int
    end: int
    text: str
    cls: CueClass = "neutral"


@dataclass(frozen=True)
class Source:
    """Who the content comes from; ``resolved`` is the named source or person a pronoun points to."""

    start: int
    end: int
    text: str
    type: SourceType = "person"
    resolved: Span | None = None


@dataclass(frozen=True)
class Attribution:
    """A source / cue / content relation, with the kind of quotation."""

    paragraph: int
    cue: Cue
    source: Source | None = None
    content: Span | None = None
    quote: QuoteType = "none"


@dataclass(frozen=True)
class Evidence:
    """A word that moved a sentiment analyzer: its span, the analyzer, its valence after negation and intensifiers,
    and whether it is a factual event word ("killed"). Analyzer "opinion" is a word of Hu and Liu's opinion lexicon
    (+1 or -1, not negated); "news" is Slant's own news-word weight in ``tone`` (on the -4 … +4 rating scale,
    negation included)."""

    start: int
    end: int
    text: str
    analyzer: Literal["vader", "textblob", "opinion", "news"]
    valence: float
    event: bool = False


@dataclass(frozen=True)
class SentenceTone:
    """The sentiment scores of one sentence (same order as ``Document.sentences``); ``author_tone`` is ``None`` for
    quoted speech."""

    vader_compound: float
    textblob_polarity: float
    textblob_subjectivity: float
    tone: float
    author_tone: float | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class ActorMention:
    """A span of the text that names an actor; ``label`` when the word is a label ("jihadists"), not a name.
    ``tone_toward`` in [-1, 1] is the tone of its sentence toward this mention (P(positive) - P(negative) of the
    model in ``_toward``; ``None`` outside the analysed sentences), ``evidence`` the sentiment words and charged
    terms that bear on it."""

    paragraph: int
    start: int
    end: int
    text: str
    actor: str
    label: bool = False
    tone_toward: float | None = None
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Analysis:
    """Everything the pipeline found in one article; analyzers fill it step by step."""

    article: Article
    paragraphs: tuple[Paragraph, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    tokens: tuple[tuple[Token, ...], ...] = ()  # the tagged tokens of each sentence (not serialised)
    quotes: tuple[Quote, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    loaded_terms: tuple[LoadedTerm, ...] = ()
    tones: tuple[SentenceTone, ...] = ()
    actor_mentions: tuple[ActorMention, ...] = ()
    lexicons: dict[str, str] = field(default_factory=dict)
    #: The SHA-256 of the kit's shipped data files (lexicons, word lists, model weights) the analysis read.
    shipped_data: str = ""
    #: The probability that each sentence is biased (same order as ``sentences``; see ``_loaded_model``).
    sentence_bias: tuple[float, ...] = ()
