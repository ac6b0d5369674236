"""The pipeline: segment → tokens → quotes → attribution → loaded → sentiment → actors.

Each analyzer declares what it needs and adds its spans to the ``Analysis``; the pipeline checks the order once.
Resources (lexicons, actors) are loaded once per run and shared by every article of a batch.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ._actors import Actor, auto_mentions, find_mentions, load_actors
from ._attribution import CueTable, find_attributions, load_cue_table
from ._collector import cycle_collector_paused
from ._data import shipped_digest
from ._errors import InputError
from ._lexicon import Lexicon, load_lexicon
from ._limits import Limits, over
from ._loaded import (LoadedContexts, TermIndex, find_loaded_terms, load_loaded_contexts, quotation_spans, speech_spans,
                      token_tags)
from ._loaded_model import LoadedModel, load_loaded_model, read_loaded
from ._model import SKIPPED_KINDS, TEXT_KINDS, Analysis, Article, Paragraph
from ._names import FirstNames, load_first_names
from ._quotes import find_quotes, mark_quoted
from ._relayed import mark_relayed
from ._segment import segment
from ._sequence import AttributionModel, load_attribution_model
from ._sentences import split_sentences
from ._sentiment import Sentiment, load_sentiment, score_sentences
from ._source_types import SourceTypes, load_source_types
from ._tokens import Tagger, load_tagger, tag_sentences
from ._toward import TowardModel, load_toward_model, toward_mentions
from ._word_clusters import NO_CLUSTERS, WordClusters, load_word_clusters


@dataclass(frozen=True)
class Resources:
    """What the analyzers read besides the article: the loaded-language lexicon, the part-of-speech tagger, the
    loaded-language model, the model of tone toward a mention, the attribution model, the actors, the input limits,
    the word clusters (distributional classes of words the loaded-language model reads), the word lists that tell
    loaded words from other uses (``loaded_contexts``: scare quotes, fixed expressions), the sentiment analyzers,
    tone model and word lists (``sentiment``; the loaded-language model reads its word lists too), the attribution
    cues (``cues``, ``data/cues.tsv``), the words that type a source (``sources``, ``data/sources.tsv``) and the first
    names that tell "he" from "she" (``first_names``, ``data/first_names.tsv``)."""

    lexicon: Lexicon
    terms: TermIndex
    tagger: Tagger
    loaded_model: LoadedModel
    toward: TowardModel
    attribution: AttributionModel
    actors: tuple[Actor, ...] = ()
    limits: Limits = Limits()
    word_clusters: WordClusters = NO_CLUSTERS
    #: The SHA-256 of every data file shipped with the kit (``_data.shipped_digest``), recorded in each analysis.
    shipped_data: str = ""
    loaded_contexts: LoadedContexts = field(kw_only=True)
    sentiment: Sentiment = field(kw_only=True)
    cues: CueTable = field(kw_only=True)
    sources: SourceTypes = field(kw_only=True)
    first_names: FirstNames = field(kw_only=True)


def load_resources(*, lexicon: str | Path | None = None, actors: str | Path | None = None,
                   limits: Limits | None = None) -> Resources:
    """The built-in lexicon plus the user's (``lexicon``), the tagger, the loaded-language model, the model of tone
    toward a mention, the attribution model, the actors file, if any, the input limits, the word clusters, the
    loaded-language word lists, the sentiment analyzers, the attribution cues, the source words and the first
    names. Raises DataFileError."""
    loaded, cues = load_lexicon(lexicon), load_cue_table()
    return Resources(loaded, TermIndex.build(loaded), load_tagger(), load_loaded_model(), load_toward_model(),
                     load_attribution_model(),
                     load_actors(actors) if actors else (), limits or Limits(), load_word_clusters(),
                     shipped_digest(), loaded_contexts=load_loaded_contexts(cues), sentiment=load_sentiment(),
                     cues=cues, sources=load_source_types(), first_names=load_first_names())


@dataclass(frozen=True)
class Analyzer:
    """One step of the pipeline: its name, the steps it needs before it, and what it does."""

    name: str
    requires: tuple[str, ...]
    run: Callable[[Analysis, Resources], Analysis]


def analyzed_paragraphs(analysis: Analysis) -> tuple[Paragraph, ...]:
    """The paragraphs the analyzers read: all but separators and boilerplate."""
    return tuple(p for p in analysis.paragraphs if p.kind not in SKIPPED_KINDS)


def _segment(analysis: Analysis, resources: Resources) -> Analysis:
    article = analysis.article
    paragraphs = segment(article.text, title=article.title)
    if len(paragraphs) > resources.limits.paragraphs:
        raise InputError(article.path or article.id, over("paragraphs", len(paragraphs), resources.limits.paragraphs,
                                                          "too many paragraphs"))
    if article.title is None:
        title = next((p for p in paragraphs if p.kind == "title"), None)
        article = replace(article, title=article.text[title.start:title.end] if title else None)
    analysis = replace(analysis, article=article, paragraphs=paragraphs, lexicons=dict(resources.lexicon.sources),
                       shipped_data=resources.shipped_data)
    text = article.text
    sentences = split_sentences(text, analyzed_paragraphs(analysis), max_chars=resources.limits.sentence_chars)
    return replace(analysis, sentences=sentences)


def _tokens(analysis: Analysis, resources: Resources) -> Analysis:
    return replace(analysis, tokens=tag_sentences(analysis.article.text, analysis.sentences, resources.tagger))


def _quotes(analysis: Analysis, resources: Resources) -> Analysis:
    text = analysis.article.text
    quotes = find_quotes(text, analyzed_paragraphs(analysis))
    return replace(analysis, quotes=quotes, sentences=mark_quoted(text, analysis.sentences, quotes))


def _attribution(analysis: Analysis, resources: Resources) -> Analysis:
    text = analysis.article.text
    found = find_attributions(text, analyzed_paragraphs(analysis), analysis.sentences, analysis.tokens, analysis.quotes,
                              resources.attribution, resources.cues, resources.sources, resources.first_names)
    return replace(analysis, attributions=found, paragraphs=mark_relayed(text, analysis.paragraphs, found))


def _loaded(analysis: Analysis, resources: Resources) -> Analysis:
    text, quotes, attributions = analysis.article.text, analysis.quotes, analysis.attributions
    contexts = resources.loaded_contexts
    lexicon = find_loaded_terms(text, analyzed_paragraphs(analysis), analysis.tokens, quotes, attributions,
                                resources.terms, contexts)
    tags = token_tags(analysis.tokens)
    terms, bias = read_loaded(analysis, lexicon, speech_spans(text, quotes, attributions, contexts, tags),
                              quotation_spans(text, quotes, attributions, contexts, tags), resources.loaded_model,
                              resources.word_clusters, resources.sentiment, user_terms=resources.lexicon.user_terms)
    return replace(analysis, loaded_terms=terms, sentence_bias=bias)


def _sentiment(analysis: Analysis, resources: Resources) -> Analysis:
    text = analysis.article.text
    speech = tuple(speech_spans(text, analysis.quotes, analysis.attributions, resources.loaded_contexts,
                                token_tags(analysis.tokens)))
    tones = score_sentences(text, analysis.sentences, resources.sentiment, analysis.loaded_terms, speech)
    return replace(analysis, tones=tones)


def _actors(analysis: Analysis, resources: Resources) -> Analysis:
    text, paragraphs = analysis.article.text, analyzed_paragraphs(analysis)
    running = tuple(p for p in paragraphs if p.kind in TEXT_KINDS)
    if resources.actors:
        mentions = find_mentions(text, paragraphs, resources.actors)
    else:
        mentions = auto_mentions(analysis, paragraphs, running)
    return replace(analysis, actor_mentions=toward_mentions(analysis, mentions, resources.toward))


PIPELINE: tuple[Analyzer, ...] = (
    Analyzer("segment", (), _segment),
    Analyzer("tokens", ("segment",), _tokens),
    Analyzer("quotes", ("segment",), _quotes),
    Analyzer("attribution", ("segment", "tokens", "quotes"), _attribution),
    Analyzer("loaded", ("segment", "tokens", "quotes", "attribution"), _loaded),
    Analyzer("sentiment", ("segment", "quotes", "attribution", "loaded"), _sentiment),
    Analyzer("actors", ("segment", "tokens", "quotes", "attribution", "loaded", "sentiment"), _actors),
)


def check_order(analyzers: tuple[Analyzer, ...]) -> None:
    """Raise ValueError when an analyzer comes before a step it needs."""
    done: set[str] = set()
    for analyzer in analyzers:
        missing = [name for name in analyzer.requires if name not in done]
        if missing:
            raise ValueError(f"analyzer {analyzer.name!r} needs {', '.join(missing)} to run before it")
        done.add(analyzer.name)


check_order(PIPELINE)


@cycle_collector_paused()
def run_pipeline(article: Article, resources: Resources, analyzers: tuple[Analyzer, ...] = PIPELINE) -> Analysis:
    """Run every analyzer on one article, in order."""
    analysis = Analysis(article)
    for analyzer in analyzers:
        analysis = analyzer.run(analysis, resources)
    return analysis
