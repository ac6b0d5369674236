"""What stands out in one article, in plain language: the points of a report's summary card.

Each finding is computed from the article's figures and tables, names the figure it rests on and the paragraphs it
comes from, and is kept only when it passes a stated threshold. Findings point at what to read, they are not
verdicts: every one is traceable to the highlighted words behind it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from ._document import Document
from ._figures import ARTICLE_FIGURES
from ._model import TEXT_KINDS
from ._text import signed

#: A paragraph is a hotspot when its loaded density is at least this many times the article's (and it has terms).
HOTSPOT_RATIO = 2.0
#: Paragraphs named per finding, at most.
MAX_PARAGRAPHS = 8
#: An actor's labels are striking when at least this share of its mentions are labels.
LABEL_SHARE = 0.2
#: Anonymous sourcing is striking from this share of the sourced attributions.
ANONYMOUS_SHARE = 0.2
#: Relayed copy is striking from this share of the running paragraphs.
RELAYED_SHARE = 0.25
#: Tone is called negative or positive beyond this distance from 0 (±1 is a mean reader rating of ±2 on −4 … +4).
TONE_MARGIN = 0.1
#: A sentence is more likely biased than not from this probability.
LIKELY_BIASED = 0.5
#: Cue classes that colour what a source says (neutral "said" and sourceless hedges are not listed).
FRAMING_CUES = ("distancing", "emotive", "denial", "endorsing")


@dataclass(frozen=True)
class Finding:
    """One point of the summary card: what stands out, the figure it rests on, and the paragraphs behind it."""

    topic: str
    text: str
    figure: str
    value: str
    paragraphs: tuple[int, ...]


def findings(doc: Document) -> list[Finding]:
    """The findings of one article (loaded language, labels for actors, tone, voices); those below their threshold
    are left out."""
    found: list[Finding] = []
    for rule in RULES:
        result = rule(doc)
        found.extend(result if isinstance(result, list) else [result] if result is not None else [])
    return found


def _figure(doc: Document, name: str) -> tuple[str, str]:
    """A figure's label and its value as people read it."""
    figure = ARTICLE_FIGURES[name]
    return figure.label, figure.format(doc.figure_values[name])


def _running(doc: Document) -> pd.DataFrame:
    return doc.paragraphs[doc.paragraphs["kind"].isin(TEXT_KINDS)]


def _top(paragraphs: pd.Series) -> tuple[int, ...]:
    """The paragraphs with the largest values (ties in reading order), at most ``MAX_PARAGRAPHS``, in reading order."""
    ranked = paragraphs[paragraphs > 0].sort_values(ascending=False, kind="stable")
    return tuple(sorted(int(i) for i in ranked.index[:MAX_PARAGRAPHS]))


def term_names(terms: pd.DataFrame) -> pd.Series:
    """Each loaded term's lexicon entry, or its own words (lowercased) when a model found it outside the lexicon."""
    return terms["term"].where(terms["term"].fillna("") != "", terms["text"].str.lower())


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def outlet_voice(doc: Document) -> Finding | None:
    """Whose words the loaded language is: the outlet's own, or the sources it quotes."""
    terms = doc.loaded_terms[doc.loaded_terms["paragraph"].isin(_running(doc)["index"])]
    if terms.empty:
        return None
    own = int((terms["voice"] == "author").sum())
    text = (f"{own} of the {_plural(len(terms), 'loaded term')} are the outlet's own words, not quotes."
            if own * 2 >= len(terms) else
            f"{len(terms) - own} of the {_plural(len(terms), 'loaded term')} are in quotes or attributed speech; "
            f"{own} are the outlet's own words.")
    per_paragraph = terms[terms["voice"] == ("author" if own * 2 >= len(terms) else "quoted")].groupby("paragraph").size()
    value = ARTICLE_FIGURES["author_loaded_density"].format(doc.figure_values["author_loaded_density"])
    return Finding("language", text, "author-voice loaded terms per 100 words", value,
                   _top(per_paragraph))


def main_category(doc: Document) -> Finding | None:
    """The most frequent kind of loaded language, with its most frequent words."""
    categories = doc.loaded_categories[doc.loaded_categories["terms"] > 0]
    if categories.empty:
        return None
    top = categories.sort_values("terms", ascending=False, kind="stable").iloc[0]
    terms = doc.loaded_terms[(doc.loaded_terms["category"] == top["category"])
                             & doc.loaded_terms["paragraph"].isin(_running(doc)["index"])]
    words = term_names(terms).value_counts().head(3)
    examples = ", ".join(f"“{w}” ({n})" for w, n in words.items())
    name = str(top["category"]).replace("_", " ")
    return Finding("language", f"The most frequent kind of loaded language is {name}: {examples}.",
                   f"share of loaded terms ({name})", f"{top['share']:.0%}", _top(terms.groupby("paragraph").size()))


def hotspots(doc: Document) -> Finding | None:
    """Paragraphs much more loaded than the article as a whole."""
    running = _running(doc).set_index("index")
    article = doc.figure_values["loaded_density"]
    hot = running["loaded_density"][(running["loaded_count"] > 0) & (running["loaded_density"] >= HOTSPOT_RATIO * article)]
    if article == 0 or hot.empty:
        return None
    share = running.loc[hot.index, "loaded_count"].sum() / max(running["loaded_count"].sum(), 1)
    words = running.loc[hot.index, "word_count"].sum() / max(running["word_count"].sum(), 1)
    label, value = _figure(doc, "loaded_density")
    return Finding("language", f"{_plural(len(hot), 'paragraph')} at least {HOTSPOT_RATIO:g} times as loaded as the "
                   f"article hold {share:.0%} of its loaded terms in {words:.0%} of its words.",
                   label, value, _top(hot))


def headline(doc: Document) -> Finding | None:
    """A headline more loaded than the body frames the story before it is read."""
    title, body = doc.figure_values["headline_loaded_density"], doc.figure_values["loaded_density"]
    if title is None or title <= body:
        return None
    label, value = _figure(doc, "headline_loaded_density")
    titles = tuple(int(i) for i in doc.paragraphs.loc[doc.paragraphs["kind"] == "title", "index"])
    return Finding("language", f"The headline is more loaded than the body ({value} against {body:.2f} loaded terms "
                   "per 100 words).", label, value, titles)


def actor_labels(doc: Document) -> list[Finding]:
    """Actors named by labels (militants, regime) rather than by name, with the words used."""
    found = []
    labels = doc.actor_labels[doc.actor_labels["label"]]
    for actor in doc.actors.itertuples():
        if not actor.mentions or actor.label_mentions / actor.mentions < LABEL_SHARE:
            continue
        words = labels[labels["actor"] == actor.actor].sort_values("mentions", ascending=False, kind="stable").head(4)
        used = ", ".join(f"“{w.word}” ({w.mentions})" for w in words.itertuples())
        mentions = doc.actor_mentions[(doc.actor_mentions["actor"] == actor.actor) & doc.actor_mentions["label"]]
        found.append(Finding("voices", f"{actor.actor} is called by a label in {actor.label_mentions} of its "
                             f"{actor.mentions} mentions: {used}.", f"labels for {actor.actor}",
                             f"{actor.label_mentions / actor.mentions:.0%}", _top(mentions.groupby("paragraph").size())))
    return found


def sources(doc: Document) -> Finding | None:
    """Who is cited most, by source type."""
    types = doc.source_types[(doc.source_types["source_type"] != "none") & (doc.source_types["attributions"] > 0)]
    total = doc.figure_values["attribution_count"]
    if types.empty:
        return None
    top = types.sort_values("attributions", ascending=False, kind="stable").iloc[0]
    kind = str(top["source_type"]).replace("_", " ")
    cited = doc.attributions[doc.attributions["source_type"] == top["source_type"]].groupby("paragraph").size()
    voices = doc.voices.sort_values("attributions", ascending=False, kind="stable")
    most = voices.iloc[0] if not voices.empty else None
    who = f"; the most cited voice is {most['source']} ({_plural(int(most['attributions']), 'attribution')})" if most is not None else ""
    return Finding("voices", f"{kind.capitalize()} sources are cited most: {top['attributions']} of "
                   f"{_plural(total, 'attribution')}{who}.", "attributions per 100 words",
                   ARTICLE_FIGURES["attribution_density"].format(doc.figure_values["attribution_density"]), _top(cited))


def framing_cues(doc: Document) -> Finding | None:
    """Sources introduced with cues that frame what they say (claimed, admitted, denied, bluntly said)."""
    framed = doc.attributions[doc.attributions["cue_class"].isin(FRAMING_CUES) & doc.attributions["voice"].notna()]
    if framed.empty:
        return None
    pairs = framed.groupby(["voice", "cue_class"], sort=False).size().reset_index(name="n")
    listed = "; ".join(f"{row.voice} ({row.cue_class}: {', '.join(sorted(set(framed.loc[(framed['voice'] == row.voice) & (framed['cue_class'] == row.cue_class), 'cue'].str.lower())))})"
                       for row in pairs.head(5).itertuples())
    more = f" and {len(pairs) - 5} more" if len(pairs) > 5 else ""
    return Finding("voices", f"{_plural(len(framed), 'attribution')} frame what the source says by the cue chosen: "
                   f"{listed}{more}.", "framing cues", str(len(framed)), _top(framed.groupby("paragraph").size()))


def anonymous(doc: Document) -> Finding | None:
    """Many unnamed sources."""
    share = doc.figure_values["anonymous_share"]
    if share < ANONYMOUS_SHARE:
        return None
    label, value = _figure(doc, "anonymous_share")
    unnamed = doc.attributions[doc.attributions["source_type"] == "anonymous"].groupby("paragraph").size()
    return Finding("voices", f"{value} of the sourced attributions name no one (“officials”, “sources”).", label, value,
                   _top(unnamed))


def unattributed(doc: Document) -> Finding | None:
    """How much of the story the outlet tells in its own voice, without a source."""
    share = doc.figure_values["unattributed_share"]
    label, value = _figure(doc, "unattributed_share")
    if share < 0.5:
        return None
    return Finding("voices", f"{value} of the body sentences are neither attributed nor hedged: the outlet's own "
                   "claims.", label, value, ())


def relayed(doc: Document) -> Finding | None:
    """Copy reproduced from other outlets or sources."""
    running = _running(doc)
    count = doc.figure_values["relayed_paragraph_count"]
    if not len(running) or count / len(running) < RELAYED_SHARE:
        return None
    label, value = _figure(doc, "relayed_paragraph_count")
    origins = running["relayed_source"].dropna().value_counts().head(3)
    named = f", mostly from {', '.join(origins.index)}" if not origins.empty else ""
    paragraphs = running.loc[running["relayed_cue"].notna() | running["relayed_source"].notna(), "index"]
    return Finding("voices", f"{count} of the {len(running)} paragraphs are relayed from elsewhere{named}.", label,
                   value, tuple(int(i) for i in paragraphs[:MAX_PARAGRAPHS]))


def tone(doc: Document) -> Finding | None:
    """The article's tone and where it is lowest or highest."""
    value = doc.figure_values["tone"]
    running = _running(doc).dropna(subset=["tone"]).set_index("index")
    if value is None or running.empty or abs(value) < TONE_MARGIN:
        return None
    negative = value < 0
    extreme = running["tone"].sort_values(ascending=negative, kind="stable")
    turns = doc.figure_values["tone_turns"]
    arc = f"; its mood turns at paragraphs {', '.join(map(str, turns))}" if turns else "; its mood does not turn"
    word = "negative" if negative else "positive"
    label, shown = _figure(doc, "tone")
    most = int(extreme.index[0])
    return Finding("tone", f"A reader would find the article {word} overall ({shown}), most of all paragraph {most} "
                   f"({signed(float(extreme.iloc[0]))}){arc}.", label, shown,
                   tuple(sorted(int(i) for i in extreme.index[:3])))


def biased_sentences(doc: Document) -> Finding | None:
    """How many sentences the biased-sentence model expects to take a side by their words, and where."""
    value = doc.figure_values.get("bias_probability")
    if value is None:
        return None
    running = _running(doc)
    sentences = doc.sentences[doc.sentences["paragraph"].isin(running["index"])]
    likely = int((sentences["bias_probability"] >= LIKELY_BIASED).sum())
    label, shown = _figure(doc, "bias_probability")
    return Finding("language", f"The biased-sentence model expects {shown} of the sentences to take a side by their "
                   f"words; {likely} of {len(sentences)} are more likely biased than not.", label, shown,
                   _top(running.set_index("index")["bias_probability"].dropna()))


RULES: tuple[Callable[[Document], Finding | list[Finding] | None], ...] = (
    outlet_voice, main_category, hotspots, headline, biased_sentences, actor_labels, tone, sources, framing_cues,
    anonymous, unattributed, relayed,
)
