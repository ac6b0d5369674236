"""HTML views of a document for notebooks and reports. Article text is untrusted: every piece of it is escaped.

Each function returns an ``IPython.display.HTML`` object (its ``.data`` is the HTML string).
"""

from __future__ import annotations

import base64
import io
from html import escape
from pathlib import Path

import pandas as pd
from IPython.display import HTML

from ._api import analyze, read_analysis
from ._document import Document
from ._figures import ARTICLE_FIGURES
from ._text import signed

STYLE = """
<style>
.slant-article p { line-height: 1.6; margin: 0.4em 0; }
.slant-article .kind { color: #888; font-size: 0.75em; text-transform: uppercase; margin-right: 0.5em; }
.slant-article .muted { color: #999; }
.slant-article .slant-relayed { border-left: 3px solid #bbb; padding-left: 0.6em; }
.slant-loaded { border-radius: 3px; padding: 0 1px; }
.slant-labeling { background: #f4b6b6; } .slant-emotive { background: #f9d49b; }
.slant-sensational { background: #f7a8d8; } .slant-derision { background: #d7b8f3; }
.slant-insinuation { background: #b9c6f5; } .slant-certainty { background: #a8e0d4; }
.slant-hedge { background: #e3e3a6; } .slant-scare_quote { background: #d0d0d0; }
.slant-quoted { outline: 1px dashed #666; }
.slant-cue { text-decoration: underline 2px #1f6fb2; } .slant-source { font-weight: 600; color: #1f4f82; }
.slant-legend span { margin-right: 0.8em; padding: 0 4px; }
.slant-figure figcaption { color: #555; font-size: 0.9em; }
.slant-table th, .slant-table td { text-align: left !important; vertical-align: top; }
</style>
"""
#: The figures of the report's summary, and of its sourcing section.
SUMMARY_FIGURES = ("word_count", "paragraph_count", "tone", "author_tone", "loaded_count", "loaded_density",
                   "author_loaded_density", "headline_loaded_density", "intensity", "loaded_category_shares",
                   "attribution_count", "source_types")
SOURCING_FIGURES = ("attribution_count", "attribution_density", "direct_quote_share", "anonymous_share",
                    "unattributed_share", "relayed_paragraph_count")
CATEGORY_LEGEND = ("labeling", "emotive", "sensational", "derision", "insinuation", "certainty", "hedge", "scare_quote")


def open_document(*, article_path: str = "", analysis_path: str = "", lexicon_path: str = "",
                  actors_path: str = "") -> Document:
    """The document a report shows: a saved analysis if ``analysis_path`` is given, else the article analysed now."""
    if analysis_path:
        return read_analysis(analysis_path)
    if not article_path:
        raise ValueError("give article_path (an article file) or analysis_path (a saved analysis)")
    return analyze(Path(article_path), lexicon=lexicon_path or None, actors=actors_path or None)


def header(doc: Document) -> HTML:
    """Title, outlet, date and the article's id, escaped."""
    a = doc.article
    meta = " · ".join(escape(v) for v in (a.outlet, a.published, a.url) if v)
    return HTML(
        f"{STYLE}<h1>{escape(a.title or a.id)}</h1>"
        f"<p class='muted'>{meta + ' · ' if meta else ''}article <code>{escape(a.id)}</code> · Slant {escape(doc.kit_version)}</p>"
    )


def summary_table(doc: Document) -> HTML:
    """The headline figures, each with what it means (the article figures of ``_figures.ARTICLE_FIGURES``)."""
    values = doc.figure_values
    kinds = ", ".join(f"{k}: {v}" for k, v in doc.summary()["paragraph_kinds"].items())
    rows = [(figure.label, figure.format(values[name]), figure.meaning + (f" ({kinds})" if name == "paragraph_count" else ""))
            for name, figure in ARTICLE_FIGURES.items() if name in SUMMARY_FIGURES]
    return table(pd.DataFrame(rows, columns=["figure", "value", "what it means"]))


def tone_notes(doc: Document) -> HTML:
    """Where the two analyzers disagree, and the sentences that pull the tone down or up most, with the words
    behind each score."""
    record = doc.figure_values
    parts = [f"<p>Tone {signed(record['tone'])}, author tone {signed(record['author_tone'])}; "
             f"turns of the smoothed tone at paragraphs {escape(', '.join(map(str, record['tone_turns'])) or 'none')}.</p>"]
    if record["disagreeing_paragraphs"]:
        parts.append("<p>VADER and TextBlob disagree in sign on paragraphs "
                     f"{escape(', '.join(map(str, record['disagreeing_paragraphs'])))}: read their tone with care.</p>")
    sentences = doc.sentences.reset_index().rename(columns={"index": "sentence"})
    extremes = pd.concat([sentences.nsmallest(3, "tone"), sentences.nlargest(3, "tone")])
    evidence = doc.evidence
    rows = []
    for row in extremes.itertuples():
        words = evidence[evidence["sentence"] == row.sentence]
        rows.append({"paragraph": row.paragraph, "tone": signed(row.tone), "sentence": row.text,
                     "words behind it": "; ".join(f"{w.text} {w.valence:+.2f}{' (event)' if w.event else ''} [{w.analyzer}]"
                                                  for w in words.itertuples())})
    parts.append(table(pd.DataFrame(rows, columns=["paragraph", "tone", "sentence", "words behind it"])).data)
    parts.append("<p>Words behind a score: [vader] VADER′'s valence (−4 … +4) after negation and intensifiers; "
                 "[textblob] TextBlob's polarity (−1 … +1); [opinion] a word of Hu and Liu's opinion lexicon (±1); "
                 "[news] Slant's news-word weight, added to the predicted "
                 "reader rating (−4 … +4). Event words count in tone, not in author tone.</p>")
    return HTML("".join(parts))


def paragraph_table(doc: Document, *, preview: int = 90) -> HTML:
    """One row per paragraph: kind, words, tone, loaded terms, attributions and the start of its text."""
    frame = doc.paragraphs[["index", "kind", "word_count", "tone", "author_tone", "loaded_count", "author_loaded_count",
                            "attribution_count", "text"]].copy()
    frame["text"] = frame["text"].map(lambda t: t if len(t) <= preview else t[: preview - 1] + "…")
    frame["tone"] = frame["tone"].map(signed)
    frame["author_tone"] = frame["author_tone"].map(signed)
    frame.columns = ["#", "kind", "words", "tone", "author tone", "loaded", "author's voice", "attributions", "text"]
    return table(frame)


def voices_table(doc: Document) -> HTML:
    """Whose voices carry the story: each distinct source (pronouns resolved), its type, how often it is cited, the
    words of content given to it and the classes of the cues that introduce it."""
    frame = doc.voices.copy()
    if frame.empty:
        return HTML("<p class='muted'>No attributed source was found.</p>")
    cited = doc.attributions.dropna(subset=["voice"]).groupby("voice")
    frame["cue classes"] = frame["source"].map(cited["cue_class"].agg(lambda c: ", ".join(sorted(set(c)))))
    frame["paragraphs"] = frame["source"].map(cited["paragraph"].agg(lambda p: ", ".join(map(str, sorted(set(p))))))
    frame = frame[["source", "type", "attributions", "content_words", "cue classes", "paragraphs"]]
    frame.columns = ["source", "type", "attributions", "words of content", "cue classes", "paragraphs"]
    return table(frame)


def attributions_table(doc: Document) -> HTML:
    """Every attribution: paragraph, cue and its class, source and its type, what a pronoun resolves to, quote type."""
    frame = doc.attributions[["paragraph", "cue", "cue_class", "source", "source_type", "resolved", "quote", "content"]].copy()
    if frame.empty:
        return HTML("<p class='muted'>No attribution was found.</p>")
    frame["content"] = frame["content"].map(lambda t: t if not isinstance(t, str) or len(t) <= 80 else t[:79] + "…")
    return table(frame)


def sourcing_summary(doc: Document) -> HTML:
    """The article's sourcing figures, with what each means."""
    values = doc.figure_values
    rows = [(ARTICLE_FIGURES[name].label, ARTICLE_FIGURES[name].format(values[name]), ARTICLE_FIGURES[name].meaning)
            for name in SOURCING_FIGURES]
    return table(pd.DataFrame(rows, columns=["figure", "value", "what it means"]))


def actors_table(doc: Document) -> HTML:
    """Per actor: mentions (by name or label), sentences that mention it, and their mean tone."""
    if doc.actors.empty:
        return HTML("<p class='muted'>No actor was given or found (pass an actors file with <code>--actors</code>).</p>")
    frame = doc.actors.drop(columns="article_id")
    frame["tone"] = frame["tone"].map(signed)
    frame["author_tone"] = frame["author_tone"].map(signed)
    frame.columns = ["actor", "mentions", "of which labels", "sentences", "mean tone", "mean author tone"]
    return table(frame)


def loaded_terms_table(doc: Document) -> HTML:
    """Every loaded term with its paragraph, category and voice."""
    frame = doc.loaded_terms[["paragraph", "text", "category", "voice", "weight"]]
    return table(frame) if not frame.empty else HTML("<p class='muted'>No loaded term was found.</p>")


def highlighted_article(doc: Document) -> HTML:
    """The article, paragraph by paragraph, with loaded terms coloured by category, cues underlined, sources bold."""
    layers = _layers(doc)
    legend = "".join(f"<span class='slant-loaded slant-{c}'>{c.replace('_', ' ')}</span>" for c in CATEGORY_LEGEND)
    parts = [STYLE, "<div class='slant-legend'>", legend,
             "<span class='slant-cue'>attribution cue</span><span class='slant-source'>source</span>"
             "<span class='slant-quoted'>quoted voice</span></div><div class='slant-article'>"]
    for p in doc.analysis.paragraphs:
        muted = "" if p.kind in ("body", "lead_in") else " muted"
        relayed = ""
        if p.relayed_from is not None:
            origin = p.relayed_from.source.text if p.relayed_from.source else "unnamed source"
            relayed = f" · relayed from {escape(origin)}"
        parts.append(f"<p class='{muted.strip()}{' slant-relayed' if relayed else ''}'>"
                     f"<span class='kind'>{p.index} {escape(p.kind)}{relayed}</span>")
        parts.append(_highlight(doc.text, p.start, p.end, layers))
        parts.append("</p>")
    parts.append("</div>")
    return HTML("".join(parts))


def figure(fig, *, alt: str, caption: str = "") -> HTML:  # noqa: ANN001 - a matplotlib Figure
    """A matplotlib figure as an embedded PNG with alt text and a caption; the figure is closed."""
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return HTML(
        f"<figure class='slant-figure'><img src='data:image/png;base64,{data}' alt='{escape(alt, quote=True)}'>"
        f"<figcaption>{escape(caption)}</figcaption></figure>"
    )


def table(frame: pd.DataFrame) -> HTML:
    """A DataFrame as an HTML table, every cell escaped."""
    return HTML(frame.to_html(index=False, escape=True, na_rep="", border=0, classes="slant-table"))



def _layers(doc: Document) -> list[tuple[int, int, str, str]]:
    """Every span to mark: (start, end, CSS classes, tooltip)."""
    spans = [
        (t.start, t.end, f"slant-loaded slant-{t.category}" + (" slant-quoted" if t.voice == "quoted" else ""),
         f"{t.category} · {t.voice}")
        for t in doc.analysis.loaded_terms
    ]
    for x in doc.analysis.attributions:
        spans.append((x.cue.start, x.cue.end, "slant-cue", f"cue · {x.cue.cls} · {x.quote}"))
        if x.source is not None:
            resolved = f" → {x.source.resolved.text}" if x.source.resolved else ""
            spans.append((x.source.start, x.source.end, "slant-source", f"source · {x.source.type}{resolved}"))
    return spans


def _highlight(text: str, start: int, end: int, layers: list[tuple[int, int, str, str]]) -> str:
    """The text of ``start:end`` cut at every span boundary; each piece carries the classes of the spans over it."""
    inside = [s for s in layers if s[0] < end and start < s[1]]
    cuts = sorted({start, end, *(max(s[0], start) for s in inside), *(min(s[1], end) for s in inside)})
    html = []
    for a, b in zip(cuts, cuts[1:]):
        over = [s for s in inside if s[0] <= a and b <= s[1]]
        piece = escape(text[a:b])
        if over:
            classes = " ".join(s[2] for s in over)
            tip = "; ".join(s[3] for s in over)
            piece = f"<span class='{classes}' title='{escape(tip, quote=True)}'>{piece}</span>"
        html.append(piece)
    return "".join(html)
