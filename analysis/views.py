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
from ._compare import Comparison, compare
from ._document import Document
from ._figures import ARTICLE_FIGURES
from ._text import signed
from ._trends import corpus_articles, group_figures, source_type_shares  # noqa: F401 - the corpus notebook's data

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
                   "author_loaded_density", "headline_loaded_density", "bias_probability", "headline_bias_probability",
                   "intensity", "loaded_category_shares", "attribution_count", "source_types")
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
    extremes = pd.concat([sentences.nsmallest(3, "tone"), sentences.nlargest(3, "tone")]) if len(sentences) else sentences
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
    """Per actor: mentions (by name or label), sentences that mention it, their mean tone, the tone toward the actor
    and the words behind it."""
    if doc.actors.empty:
        return HTML("<p class='muted'>No actor was given or found (pass an actors file with <code>--actors</code>).</p>")
    frame = doc.actors.drop(columns="article_id")
    frame["tone"] = frame["tone"].map(signed)
    frame["author_tone"] = frame["author_tone"].map(signed)
    frame["tone_toward"] = frame["tone_toward"].map(signed)
    frame.columns = ["actor", "mentions", "of which labels", "sentences", "mean tone", "mean author tone",
                     "tone toward", "evidence"]
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


def corpus_header(articles: pd.DataFrame) -> HTML:
    """How big a corpus is: articles, words, outlets and the months it covers (``_trends.corpus_articles``)."""
    months = articles["month"].dropna()
    span = f"{months.min()} to {months.max()}" if len(months) else "no parsable dates"
    outlets = articles["outlet"].dropna().nunique() if "outlet" in articles else 0
    return HTML(f"{STYLE}<p class='slant-corpus'><b>{len(articles):,}</b> articles, <b>{int(articles['word_count'].sum()):,}"
                f"</b> words of running text, <b>{outlets}</b> outlets, {escape(span)}.</p>")


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


# -- comparisons (notebooks/compare_articles.ipynb) ---------------------------------------------------------------

COMPARE_STYLE = """
<style>
.slant-wide { overflow-x: auto; max-width: 100%; }
.slant-compare { border-collapse: collapse; font-size: 0.85em; }
.slant-compare th, .slant-compare td { border-bottom: 1px solid #e3e3e3; padding: 3px 8px; text-align: left !important;
  vertical-align: top; }
.slant-compare th { background: #f4f4f4; position: sticky; top: 0; }
.slant-compare td:first-child, .slant-compare th:first-child { position: sticky; left: 0; background: #fafafa;
  max-width: 16em; }
.slant-compare td.num { text-align: right !important; font-variant-numeric: tabular-nums; white-space: nowrap; }
.slant-compare td.largest { font-weight: 700; outline: 2px solid #c0504d; outline-offset: -2px; }
.slant-compare td.breakdown { min-width: 10em; }
.slant-glossary { color: #555; font-size: 0.85em; columns: 2; }
</style>
"""


def open_comparison(*, article_paths: list[str] | None = None, analysis_paths: list[str] | None = None,
                    labels: list[str] | None = None, actors_path: str = "", lexicon_path: str = "") -> Comparison:
    """The comparison a report shows: of saved analyses if ``analysis_paths`` are given, else of the articles."""
    items = [read_analysis(p) for p in analysis_paths] if analysis_paths else list(article_paths or [])
    return compare(items, labels=labels or None, actors=actors_path or None, lexicon=lexicon_path or None)


def comparison_header(cmp: Comparison) -> HTML:
    """The articles compared: label, title, outlet, date and words, escaped."""
    frame = cmp.articles[["article", "title", "outlet", "published", "word_count"]].copy()
    frame["published"] = frame["published"].map(lambda d: d.replace("-", "‑") if isinstance(d, str) else d)
    frame.columns = ["article", "title", "outlet", "published", "words"]
    return HTML(f"{STYLE}{COMPARE_STYLE}<p>{len(frame)} articles compared:</p>" + _compare_table(frame))


def side_by_side(cmp: Comparison, *, columns_up_to: int = 8) -> HTML:
    """The compared figures of every article: one column per article (one row per article when there are more than
    ``columns_up_to``); in each figure the article farthest from the others is framed. What each figure means
    follows the table."""
    table = cmp.side_by_side
    names = list(dict.fromkeys(table["figure"]))
    articles = list(cmp.labels.values())
    cells = {(c.figure, c.article): _figure_cell(c) for c in table.itertuples()}
    heads = {name: f"<span title='{escape(ARTICLE_FIGURES[name].meaning, quote=True)}'>"
                   f"{escape(ARTICLE_FIGURES[name].label)}</span>" for name in names}
    if len(articles) <= columns_up_to:
        header = "<tr><th>figure</th>" + "".join(f"<th>{escape(a)}</th>" for a in articles) + "</tr>"
        rows = [f"<tr><td>{heads[n]}</td>" + "".join(cells[n, a] for a in articles) + "</tr>" for n in names]
    else:
        header = "<tr><th>article</th>" + "".join(f"<th>{heads[n]}</th>" for n in names) + "</tr>"
        rows = [f"<tr><td>{escape(a)}</td>" + "".join(cells[n, a] for n in names) + "</tr>" for a in articles]
    glossary = "".join(f"<li><b>{escape(ARTICLE_FIGURES[n].label)}</b>: {escape(ARTICLE_FIGURES[n].meaning)}</li>"
                       for n in names)
    return HTML(f"{COMPARE_STYLE}<div class='slant-wide'><table class='slant-compare'>{header}{''.join(rows)}</table>"
                "</div><p class='muted'>Framed: the article farthest from the others (for a number, from the median "
                "of the others; for a breakdown, by total variation distance from their pooled shares); with two "
                "articles, the larger number.</p>"
                f"<ul class='slant-glossary'>{glossary}</ul>")


def _figure_cell(cell) -> str:  # noqa: ANN001 - a row of Comparison.side_by_side
    classes = ("breakdown" if cell.kind == "breakdown" else "num") + (" largest" if cell.largest_difference else "")
    tip = "" if pd.isna(cell.distance) else f" title='{cell.distance:.2f} from the others'"
    return f"<td class='{classes}'{tip}>{escape(cell.shown)}</td>"


def top_terms_compared(cmp: Comparison) -> HTML:
    """Each article's most frequent loaded terms in the author's voice."""
    terms = cmp.top_loaded_terms
    rows = [(label, ", ".join(f"{t.term} ({t.count})" for t in terms[terms["article"] == label].itertuples()) or "none")
            for label in cmp.labels.values()]
    return HTML(_compare_table(pd.DataFrame(rows, columns=["article", "top loaded terms (author's voice)"])))


def naming_matrix(cmp: Comparison) -> HTML:
    """Per actor, the words each article uses for it: mentions, shaded by the word's share of the actor's mentions in
    that article; labels (charged or generic words) in italics."""
    naming = cmp.naming
    if naming.empty:
        return HTML("<p class='muted'>No actor was given or found in these articles.</p>")
    articles = list(cmp.labels.values())
    parts = []
    for actor, words in naming.groupby("actor", sort=True):
        counts = words.pivot_table(index=["word", "is_label"], columns="article", values="mentions", aggfunc="sum")
        shares = words.pivot_table(index=["word", "is_label"], columns="article", values="share", aggfunc="sum")
        counts = counts.reindex(columns=articles)
        order = counts.fillna(0).sum(axis=1).sort_values(ascending=False, kind="stable").index
        header = f"<tr><th>{escape(actor)}</th>" + "".join(f"<th>{escape(a)}</th>" for a in articles) + "</tr>"
        rows = []
        for word, is_label in order:
            name = f"<i>{escape(word)}</i>" if is_label else escape(word)
            cells = [_shaded(counts.loc[(word, is_label), a], shares.get(a, pd.Series(dtype=float)).get((word, is_label)))
                     for a in articles]
            rows.append(f"<tr><td>{name}</td>{''.join(cells)}</tr>")
        parts.append(f"<table class='slant-compare'>{header}{''.join(rows)}</table>")
    return HTML(f"{COMPARE_STYLE}<div class='slant-wide'>{'<br>'.join(parts)}</div>")


def voices_compared(cmp: Comparison) -> HTML:
    """The sources quoted by more than one article (attributions per article), then, per article, the sources only it
    quotes."""
    voices = cmp.voices
    if voices.empty:
        return HTML("<p class='muted'>No attributed source was found.</p>")
    articles = list(cmp.labels.values())
    shared = voices[voices["articles"] > 1]
    parts = [COMPARE_STYLE, "<h3>Sources more than one article quotes</h3>"]
    if shared.empty:
        parts.append("<p class='muted'>No source is quoted by more than one article.</p>")
    else:
        counts = shared.pivot_table(index="voice", columns="article", values="attributions", aggfunc="sum")
        counts = counts.reindex(columns=articles)
        order = sorted(counts.index, key=lambda v: (-counts.loc[v].notna().sum(), -counts.loc[v].sum(), v))
        top = counts.max().max()
        header = "<tr><th>source</th>" + "".join(f"<th>{escape(a)}</th>" for a in articles) + "</tr>"
        rows = [f"<tr><td>{escape(v)}</td>" + "".join(_shaded(counts.loc[v, a], counts.loc[v, a] / top) for a in articles)
                + "</tr>" for v in order]
        parts.append(f"<div class='slant-wide'><table class='slant-compare'>{header}{''.join(rows)}</table></div>")
    only = voices[voices["only_here"]]
    rows = [(label, "; ".join(f"{v.voice} ({v.type}, {v.attributions})" for v in own.itertuples()))
            for label in articles if not (own := only[only["article"] == label]).empty]
    parts.append("<h3>Sources only one article quotes</h3>")
    if rows:
        parts.append(_compare_table(pd.DataFrame(rows, columns=["article", "sources only it quotes (type, attributions)"])))
    silent = [a for a in articles if a not in {r[0] for r in rows}]
    if silent:
        parts.append(f"<p class='muted'>No source of their own: {escape(', '.join(silent))}.</p>")
    return HTML("".join(parts))


def shared_voice_cues(cmp: Comparison) -> HTML:
    """For each source several articles quote, the classes of the cues each article introduces it with."""
    cues = cmp.voice_cues[cmp.voice_cues["shared"]]
    if cues.empty:
        return HTML("<p class='muted'>No source is quoted by more than one article.</p>")
    articles = list(cmp.labels.values())
    text = cues.groupby(["voice", "article"])[["cue_class", "attributions"]].apply(
        lambda g: ", ".join(f"{c} {n}" for c, n in zip(g["cue_class"], g["attributions"])))
    frame = text.unstack("article").reindex(columns=articles).fillna("").reset_index()
    frame.columns.name = None
    return HTML("<h3>How each article introduces the sources several quote (cue classes)</h3>"
                f"<div class='slant-wide'>{_compare_table(frame.rename(columns={'voice': 'source'}))}</div>")


def distinctive_words_table(cmp: Comparison, *, top: int = 10) -> HTML:
    """Each article's most distinctive words against the others, with their z-scores (above 1.96: distinct at the
    5% level)."""
    words = cmp.distinctive_words
    rows = []
    for label in cmp.labels.values():
        own = words[(words["article"] == label) & (words["rank"] <= top)]
        rows.append((label, ", ".join(f"{w.word} ({w.z:+.1f})" for w in own.itertuples()) or "none"))
    return HTML(_compare_table(pd.DataFrame(rows, columns=["article", "distinctive words (z)"])))


def only_here(cmp: Comparison, *, per_article: int = 6, preview: int = 160) -> HTML:
    """The running-text paragraphs no other article reports (no match at cosine ≥ ``_alignment.MATCH``), by article."""
    paragraphs = cmp.paragraphs[cmp.paragraphs["matched_articles"] == 0]
    rows = []
    for label in cmp.labels.values():
        own = paragraphs[paragraphs["article"] == label]
        for p in own.head(per_article).itertuples():
            text = " ".join(p.text.split())
            rows.append((label, p.index, text if len(text) <= preview else text[:preview - 1] + "…"))
        if len(own) > per_article:
            rows.append((label, "", f"… and {len(own) - per_article} more"))
    if not rows:
        return HTML("<p class='muted'>Every paragraph is reported by at least one other article.</p>")
    return HTML(_compare_table(pd.DataFrame(rows, columns=["article", "paragraph", "text"])))


def _compare_table(frame: pd.DataFrame) -> str:
    frame = frame.astype(object).where(frame.notna(), "")
    return frame.to_html(index=False, escape=True, na_rep="", border=0, classes="slant-compare")


def _shaded(value: float, share: float | None) -> str:
    """A number cell, shaded by ``share`` (0 … 1); empty where there is no value."""
    if value != value or value is None:
        return "<td class='num'></td>"
    alpha = 0.12 + 0.6 * min(max(share or 0.0, 0.0), 1.0)
    return f"<td class='num' style='background: rgba(192, 80, 77, {alpha:.2f})'>{int(value)}</td>"
