"""Side by side: how several articles cover the same event. ``compare`` reads it as a pipeline: documents → shared
actors → labels → one tidy table per view (``Comparison``).

Every table has ``article_id`` and ``article`` (the label people read: ``outlet``, else the file name, else the id)
and scalar cells, so it goes to CSV or JSON as it is. Figures are the articles' own (``_figures``), normalised for
length: densities per 100 words, shares, tones.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path
from statistics import median
from typing import Any

import pandas as pd

from . import _io
from ._actors import AUTO_MAX_ACTORS, Actor, auto_actors, find_mentions, load_actors, merged_forms
from ._alignment import align
from ._api import KIT_VERSION
from ._distinctive import distinctive_words
from ._document import Document
from ._errors import ComparisonError, InputError
from ._figures import ARTICLE_FIGURES, ArticleFigure
from ._load import iter_articles
from ._model import TEXT_KINDS
from ._pipeline import Resources, analyzed_paragraphs, load_resources, run_pipeline
from ._sourcing import voice_key
from ._text import WORD_RE
from ._tokens import tag_sentences
from ._toward import toward_mentions

#: A breakdown (categories, source types) shows its largest parts in the side-by-side table.
BREAKDOWN_PARTS = 3
#: Words after a voice's name that start what places it ("Colonel Oleg Ignasyuk of the Russian Reconciliation
#: Center"): the name alone is the same voice.
_PREPOSITIONS = frozenset({"of", "from", "at", "in", "for", "with", "on"})


@dataclass(frozen=True)
class Comparison:
    """The views of a comparison, one tidy table each (``article_id`` and ``article`` label in every one)."""

    #: One row per article: label, metadata and every scalar figure.
    articles: pd.DataFrame
    #: One row per compared figure and article: value, as shown, distance from the others, largest difference.
    side_by_side: pd.DataFrame
    #: One row per running-text paragraph with a tone: relative position (0 … 1), tone, smoothed tone, turn.
    tone_arcs: pd.DataFrame
    #: One row per article and loaded-language category: terms, author's terms, share, terms per 100 words.
    loaded_categories: pd.DataFrame
    #: One row per article and top loaded term of the author's voice.
    top_loaded_terms: pd.DataFrame
    #: The naming matrix: one row per article, actor and word used for it: mentions, share of the actor's mentions.
    naming: pd.DataFrame
    #: One row per article and voice (a source matched across articles): attributions, in how many articles.
    voices: pd.DataFrame
    #: One row per article, voice and cue class: attributions; ``shared`` when several articles quote the voice.
    voice_cues: pd.DataFrame
    #: Per article its most distinctive words against the others (log-odds with an informative Dirichlet prior).
    distinctive_words: pd.DataFrame
    #: For each running-text paragraph and other article: the most similar paragraph there, cosine, match.
    alignment: pd.DataFrame
    #: One row per pair of articles: the share of the first's paragraphs that match a paragraph of the second.
    coverage: pd.DataFrame
    #: One row per paragraph of every article, with ``matched_articles``: how many other articles report it.
    paragraphs: pd.DataFrame

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table by name."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @property
    def labels(self) -> dict[str, str]:
        """The label of each article, by article id, in order."""
        return dict(zip(self.articles["article_id"], self.articles["article"]))


def compare(items: Sequence[str | Path | Document], *, labels: Sequence[str] | None = None,
            actors: str | Path | None = None, lexicon: str | Path | None = None) -> Comparison:
    """Compare articles on one event: files or folders (analysed now, with ``lexicon``) or analysed Documents.

    ``labels`` name the articles in order (default: outlet, else file name). ``actors`` is a YAML file of actors;
    without it the actors are the names found in the articles, shared by all. Raises ComparisonError, InputError."""
    resources = load_resources(lexicon=lexicon)  # once: to analyse the files, and for the actors' mentions
    documents = _unique_ids(_documents(items, resources))
    if len(documents) < 2:
        raise ComparisonError(f"a comparison needs at least two articles, got {len(documents)}")
    documents = _with_actors(documents, load_actors(actors) if actors else shared_actors(documents), resources)
    names = dict(zip((d.article.id for d in documents), article_labels(documents, labels)))
    bags = _paragraph_bags(documents)
    alignment = _labelled(align(bags), names)
    voices = voices_compared(documents, names)
    return Comparison(
        articles=_labelled(pd.concat([d.figures for d in documents], ignore_index=True), names),
        side_by_side=side_by_side(documents, names),
        tone_arcs=_concat(documents, names, "tone_arc"),
        loaded_categories=_loaded_categories(documents, names),
        top_loaded_terms=_concat(documents, names, "top_loaded_terms"),
        naming=naming_matrix(documents, names),
        voices=voices,
        voice_cues=voice_cues(documents, names, voices),
        distinctive_words=_labelled(distinctive_words(_article_bags(bags)), names),
        alignment=alignment,
        coverage=coverage(alignment, bags, names),
        paragraphs=_paragraphs(documents, names, alignment),
    )


# -- documents, actors, labels -----------------------------------------------------------------------------------

def _documents(items: Sequence[str | Path | Document], resources: Resources) -> list[Document]:
    """The items as documents: a Document as it is, a file or folder analysed now (every article in it)."""
    documents = []
    for item in items:
        if isinstance(item, Document):
            documents.append(item)
            continue
        for article in iter_articles([str(item)]):
            if isinstance(article, InputError):
                raise article
            documents.append(Document(run_pipeline(article, resources), kit_version=KIT_VERSION))
    return documents


def _unique_ids(documents: list[Document]) -> list[Document]:
    """The documents, a later article with an id already taken renamed ``<id>-2``, ``-3`` …"""
    seen: Counter = Counter()
    unique = []
    for doc in documents:
        seen[doc.article.id] += 1
        if seen[doc.article.id] > 1:
            article = replace(doc.article, id=f"{doc.article.id}-{seen[doc.article.id]}")
            doc = Document(replace(doc.analysis, article=article), kit_version=doc.kit_version)
        unique.append(doc)
    return unique


def shared_actors(documents: Sequence[Document]) -> tuple[Actor, ...]:
    """Without an actors file: the names each article's automatic actors find, pooled across the articles as within
    one (``merged_forms``: one article's "Obama" joins another's "Barack Obama"), those found in most articles first
    (at most ``AUTO_MAX_ACTORS``), each with every form it goes by in any article and the labels found next to it."""
    found = []
    for doc in documents:
        a = doc.analysis
        found.append(auto_actors(a, tuple(p for p in analyzed_paragraphs(a) if p.kind in TEXT_KINDS)))
    groups = merged_forms(Counter(actor.name for actors in found for actor in actors))
    home = {form: name for name, group in groups.items() for form in group}
    labels: dict[str, set[str]] = {name: set() for name in groups}
    articles: Counter[str] = Counter()
    for actors in found:
        for actor in actors:
            groups[home[actor.name]] |= {actor.name, *actor.aliases}
            labels[home[actor.name]] |= set(actor.labels)
        articles.update({home[actor.name] for actor in actors})
    ranked = sorted(groups, key=lambda name: (-articles[name], name))[:AUTO_MAX_ACTORS]
    return tuple(Actor(name, tuple(sorted(groups[name] - {name})), tuple(sorted(labels[name]))) for name in ranked)


def _with_actors(documents: list[Document], actors: tuple[Actor, ...], resources: Resources) -> list[Document]:
    """The documents with the mentions of the same actors in each, and the tone toward each mention as the pipeline
    gives it (a document read from JSON has no tokens: they are tagged again, as the pipeline tags them)."""
    found = []
    for d in documents:
        analysis = d.analysis
        if analysis.sentences and not analysis.tokens:
            analysis = replace(analysis, tokens=tag_sentences(d.text, analysis.sentences, resources.tagger))
        mentions = find_mentions(d.text, analyzed_paragraphs(analysis), actors)
        found.append(Document(replace(d.analysis, actor_mentions=toward_mentions(analysis, mentions, resources.toward)),
                              kit_version=d.kit_version))
    return found


def article_labels(documents: Sequence[Document], labels: Sequence[str] | None = None) -> list[str]:
    """The label of each article, in order: the given ones, else the outlet, the file name or the id; repeated
    labels get " (2)", " (3)" …"""
    if labels is not None and len(labels) != len(documents):
        raise ComparisonError(f"{len(labels)} labels for {len(documents)} articles: give one label per article")
    names = list(labels) if labels is not None else [
        d.article.outlet or (Path(d.article.path).stem if d.article.path and d.article.path != "-" else d.article.id)
        for d in documents]
    seen: Counter = Counter()
    result = []
    for name in names:
        seen[name] += 1
        result.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return result


def _labelled(frame: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """``frame`` with the ``article`` label after ``article_id`` (and ``other_article`` after ``other_article_id``)."""
    frame = frame.copy()
    frame.insert(1, "article", frame["article_id"].map(names).astype("object"))
    if "other_article_id" in frame:
        frame.insert(frame.columns.get_loc("other_article_id") + 1, "other_article",
                     frame["other_article_id"].map(names).astype("object"))
    return frame


def _concat(documents: Sequence[Document], names: dict[str, str], table: str) -> pd.DataFrame:
    return _labelled(pd.concat([d.tables()[table] for d in documents], ignore_index=True), names)


# -- the views ---------------------------------------------------------------------------------------------------

def side_by_side(documents: Sequence[Document], names: dict[str, str]) -> pd.DataFrame:
    """One row per compared figure (``ArticleFigure.compare``) and article: its value (scalars), how it is shown,
    its ``distance`` from the other articles, and ``largest_difference`` on the article(s) farthest from the others
    (see ``_farthest``).

    The distance of a number is its absolute difference from the median of the other articles; of a breakdown
    (categories, source types), the total variation distance between its shares and the others' pooled shares."""
    rows = []
    for name, figure in ARTICLE_FIGURES.items():
        if not figure.compare:
            continue
        values = [d.figure_values[name] for d in documents]
        distances = [_distance(figure, value, values[:k] + values[k + 1:]) for k, value in enumerate(values)]
        marked = _farthest(figure, values, distances)
        for doc, value, distance, mark in zip(documents, values, distances, marked):
            rows.append({"article_id": doc.article.id, "article": names[doc.article.id], "figure": name,
                         "figure_label": figure.label, "kind": figure.kind,
                         "value": value if figure.scalar else None, "shown": _shown(figure, value),
                         "distance": distance, "largest_difference": mark})
    columns = ["article_id", "article", "figure", "figure_label", "kind", "value", "shown", "distance",
               "largest_difference"]
    return pd.DataFrame(rows, columns=columns)


def _farthest(figure: ArticleFigure, values: list[Any], distances: list[float | None]) -> list[bool]:
    """Which articles are farthest from the others. When that is all of them (two articles are always equally far
    from each other), a number marks its largest value and a breakdown marks none."""
    largest = max((d for d in distances if d is not None), default=0)
    marked = [d is not None and largest > 0 and abs(d - largest) < 1e-9 for d in distances]
    if not all(marked):
        return marked
    if not figure.scalar:
        return [False] * len(values)
    top = max(values)
    return [v == top for v in values]


def _distance(figure: ArticleFigure, value: Any, others: list[Any]) -> float | None:
    others = [o for o in others if o is not None]
    if value is None or not others:
        return None
    if figure.scalar:
        return round(abs(value - median(others)), 4)
    mine, pooled = _shares(value), Counter()
    for other in others:
        pooled.update(_shares(other))
    theirs = {k: v / len(others) for k, v in pooled.items()}
    return round(sum(abs(mine.get(k, 0) - theirs.get(k, 0)) for k in mine.keys() | theirs.keys()) / 2, 4)


def _shares(breakdown: dict[str, float]) -> dict[str, float]:
    total = sum(breakdown.values())
    return {k: v / total for k, v in breakdown.items()} if total else {}


def _shown(figure: ArticleFigure, value: Any) -> str:
    if isinstance(value, dict):
        value = dict(sorted(value.items(), key=lambda kv: (-kv[1], kv[0]))[:BREAKDOWN_PARTS])
    return figure.format(value)


def _loaded_categories(documents: Sequence[Document], names: dict[str, str]) -> pd.DataFrame:
    frame = _concat(documents, names, "loaded_categories")
    words = {d.article.id: d.figure_values["word_count"] for d in documents}
    per_100 = 100 * frame["terms"] / frame["article_id"].map(words).replace(0, float("nan"))
    return frame.assign(per_100_words=per_100.fillna(0.0).round(4))


def naming_matrix(documents: Sequence[Document], names: dict[str, str]) -> pd.DataFrame:
    """Per article, actor and word used for it (name, alias or label, lower-cased): mentions, and the word's share of
    the actor's mentions in that article (so that articles of any length compare)."""
    frame = _concat(documents, names, "actor_labels").rename(columns={"label": "is_label"})
    totals = frame.groupby(["article_id", "actor"])["mentions"].transform("sum")
    return frame.assign(share=(frame["mentions"] / totals).round(4))


def voices_compared(documents: Sequence[Document], names: dict[str, str]) -> pd.DataFrame:
    """Per article and voice: the voice's name across articles (a surname joins a full name; "the army" is "army"),
    its name in this article, type, attributions and words of content, how many articles quote it, and
    ``only_here`` when no other article does. Anonymous sources ("officials", "residents") and pronouns resolved to
    no name ("he") are never the same voice in two articles, nor one that only this article quotes: nobody can tell
    whom they are."""
    rows = []
    for doc in documents:
        for voice in doc.voices.itertuples():
            rows.append({"article_id": doc.article.id, "article": names[doc.article.id], "source": voice.source,
                         "type": voice.type, "attributions": voice.attributions, "content_words": voice.content_words})
    columns = ["article_id", "article", "voice", "source", "type", "attributions", "content_words", "articles",
               "only_here"]
    if not rows:
        return pd.DataFrame(columns=columns)
    frame = pd.DataFrame(rows)
    unknown = frame["type"].isin(("anonymous", "pronoun"))
    frame["voice"] = [s if u else v for s, u, v in zip(frame["source"], unknown, _voice_names(list(zip(frame["source"], frame["type"]))))]
    same = frame["voice"].where(~unknown, frame["article_id"] + "\n" + frame["voice"])
    frame["articles"] = frame.groupby(same)["article_id"].transform("nunique")
    frame["only_here"] = (frame["articles"] == 1) & ~unknown
    return frame[columns]


def _voice_names(sources: list[tuple[str, str]]) -> list[str]:
    """For each (source name, type), the name of the voice it is across articles: a longer name joins a name of two
    words or more that it starts with, where a preposition follows it ("Colonel Oleg Ignasyuk of the Russian
    Reconciliation Center" is "Colonel Oleg Ignasyuk"; "White House Press Secretary Sarah Sanders" is not "the White
    House"), and a lone surname then joins a full name (``voice_key``: one article's "Mr. Obama" is another's "Barack
    Obama")."""
    known: dict[str, dict] = {}

    def canonical(name: str, type_: str) -> str:
        key = voice_key(name, type_, known)
        return next((k for k in known if " " in k and key.startswith(k + " ")
                     and key[len(k) + 1:].split()[0] in _PREPOSITIONS), key)

    def order(source: tuple[str, str]) -> tuple[bool, int]:  # names of several words, shortest first; lone words last
        length = len(voice_key(*source, {}).split())
        return length == 1, length

    for name, type_ in sorted(sources, key=order):
        known.setdefault(canonical(name, type_), {"type": type_, "name": name})
    return [known[canonical(name, type_)]["name"] for name, type_ in sources]


def voice_cues(documents: Sequence[Document], names: dict[str, str], voices: pd.DataFrame) -> pd.DataFrame:
    """Per article, voice and cue class: attributions, and ``shared`` when more than one article quotes the voice."""
    columns = ["article_id", "article", "voice", "cue_class", "attributions", "shared"]
    if voices.empty:
        return pd.DataFrame(columns=columns)
    voice_of = {(r.article_id, r.source): r.voice for r in voices.itertuples()}
    shared = voices.groupby("voice")["articles"].first() > 1
    cited = pd.concat([d.attributions.dropna(subset=["voice"]) for d in documents], ignore_index=True)
    cited["voice"] = [voice_of[(a, v)] for a, v in zip(cited["article_id"], cited["voice"])]
    frame = cited.groupby(["article_id", "voice", "cue_class"], sort=False).size().rename("attributions").reset_index()
    frame = _labelled(frame, names)
    frame["shared"] = frame["voice"].map(shared).astype(bool)
    return frame[columns]


def _paragraph_bags(documents: Sequence[Document]) -> pd.DataFrame:
    """One row per running-text paragraph of every article: its bag of lower-cased words (tokenized once here)."""
    rows = []
    for doc in documents:
        for p in doc.analysis.paragraphs:
            if p.kind in TEXT_KINDS:
                bag = Counter(w.lower() for w in WORD_RE.findall(doc.text, p.start, p.end))
                rows.append({"article_id": doc.article.id, "paragraph": p.index, "bag": bag})
    return pd.DataFrame(rows, columns=["article_id", "paragraph", "bag"])


def _article_bags(bags: pd.DataFrame) -> dict[str, Counter]:
    totals: dict[str, Counter] = {}
    for article_id, bag in zip(bags["article_id"], bags["bag"]):
        totals.setdefault(article_id, Counter()).update(bag)
    return totals


def coverage(alignment: pd.DataFrame, bags: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Per ordered pair of articles: paragraphs of the first, how many match a paragraph of the second, the share."""
    rows = []
    counts = bags.groupby("article_id").size()
    for first in names:
        for second in names:
            if first == second:
                continue
            pair = alignment[(alignment["article_id"] == first) & (alignment["other_article_id"] == second)]
            paragraphs = int(counts.get(first, 0))
            matched = int(pair["matched"].sum())
            rows.append({"article_id": first, "other_article_id": second, "paragraphs": paragraphs,
                         "matched": matched, "share": round(matched / paragraphs, 4) if paragraphs else 0.0})
    return _labelled(pd.DataFrame(rows, columns=["article_id", "other_article_id", "paragraphs", "matched", "share"]),
                     names)


def _paragraphs(documents: Sequence[Document], names: dict[str, str], alignment: pd.DataFrame) -> pd.DataFrame:
    frame = _concat(documents, names, "paragraphs")
    matched = alignment[alignment["matched"]].groupby(["article_id", "paragraph"])["other_article_id"].nunique()
    running = frame["kind"].isin(TEXT_KINDS)
    keys = list(zip(frame["article_id"], frame["index"]))
    frame["matched_articles"] = pd.array([int(matched.get(k, 0)) if r else None for k, r in zip(keys, running)],
                                         dtype="Int64")
    return frame



def write_tables(comparison: Comparison, folder: str | Path) -> list[Path]:
    """Every table of the comparison as ``<name>.csv`` and ``<name>.json`` (records) in ``folder``, atomically."""
    written = []
    for name, frame in comparison.tables().items():
        for path, text in ((Path(folder, f"{name}.csv"), frame.to_csv(index=False, lineterminator="\n")),
                           (Path(folder, f"{name}.json"), frame.to_json(orient="records", force_ascii=False, indent=1))):
            _io.write_text_atomic(path, text)
            written.append(path)
    return written
