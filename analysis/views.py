"""HTML views of a document for notebooks and reports. Article text is untrusted: every piece of it is escaped.

Each function returns an ``IPython.display.HTML`` object (its ``.data`` is the HTML string).
"""

from __future__ import annotations

import base64
import hashlib
import io
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
from IPython.display import HTML

from . import palette
from ._data import data_hashes, package_tsv, shipped_digest
from ._document import Document, read_analysis
from ._figures import ARTICLE_FIGURES, NO_SOURCE
from ._lexicon import BUILTIN as BUILTIN_LEXICON
from ._model import LOADED_CATEGORIES, TEXT_KINDS
from ._sourcing import resolved_type, source_types_by_span
from ._text import signed
from ._trends import corpus_articles, group_figures, source_type_shares  # noqa: F401 - the corpus notebook's data
from .findings import findings, term_names

if TYPE_CHECKING:
    from ._compare import Comparison


def _category_css() -> str:
    """One rule per loaded-language category, from the one palette: a tint behind the term, the colour under it."""
    return "".join(
        f".slant-{c} {{ background: {palette.tint(color)}; border-bottom: 3px solid {color}; }}"
        f".slant-swatch-{c} {{ background: {color}; }}"
        for c, color in palette.CATEGORY_COLORS.items()
    )


STYLE = f"""
<style>
.slant-article {{ max-width: 60em; }}
.slant-article p {{ line-height: 1.75; margin: 0.5em 0; }}
.slant-article .kind {{ color: #555; font-size: 0.75em; text-transform: uppercase; margin-right: 0.5em; }}
.slant-article .muted {{ color: #767676; background: #f6f6f6; }}
.slant-article .slant-relayed {{ border-left: 3px solid #aaa; padding-left: 0.6em; }}
.slant-article p:target {{ outline: 3px solid #0072B2; outline-offset: 3px; }}
.slant-loaded {{ border-radius: 2px; padding: 0 1px; color: #111; }}
{_category_css()}
.slant-tag {{ font-size: 0.68em; font-weight: 600; color: #333; vertical-align: super; margin: 0 0.15em 0 0.1em;
  letter-spacing: 0.02em; }}
.slant-quote {{ background: #ececec; }}
.slant-cue {{ text-decoration: underline 2px #0072B2; text-underline-offset: 3px; }}
.slant-source {{ font-weight: 700; color: #0b3d6b; }}
.slant-legend {{ display: flex; flex-wrap: wrap; gap: 0.4em 1em; margin: 0.6em 0; font-size: 0.9em; }}
.slant-figure img {{ max-width: 100%; height: auto; }}
.slant-figure figcaption {{ color: #444; font-size: 0.9em; }}
.slant-table th, .slant-table td {{ text-align: left !important; vertical-align: top; }}
.slant-card {{ border: 1px solid #ccc; border-radius: 6px; padding: 0.6em 1.2em; background: #fbfbfb; max-width: 60em; }}
.slant-card li {{ margin: 0.45em 0; line-height: 1.5; }}
.slant-card .figure {{ color: #444; font-size: 0.9em; }}
.slant-heatmap td {{ text-align: right !important; font-variant-numeric: tabular-nums; min-width: 5em; }}
.slant-heatmap td.text {{ text-align: left !important; min-width: 0; color: #333; }}
.slant-heatmap tr.muted td.text {{ color: #767676; }}
.slant-footer {{ color: #444; font-size: 0.85em; border-top: 1px solid #ccc; margin-top: 2em; padding-top: 0.5em; }}
</style>
"""
#: The figures of the report's summary, and of its sourcing section.
SUMMARY_FIGURES = ("word_count", "paragraph_count", "tone", "author_tone", "loaded_count", "loaded_density",
                   "author_loaded_density", "headline_loaded_density", "bias_probability", "headline_bias_probability",
                   "intensity", "loaded_category_shares", "attribution_count", "source_types")
SOURCING_FIGURES = ("attribution_count", "attribution_density", "direct_quote_share", "anonymous_share",
                    "unattributed_share", "relayed_paragraph_count")
#: The columns of the paragraph heatmap: (column of ``Document.paragraphs``, heading, how to colour it). A column the
#: analysis does not have (e.g. no biased-sentence model) is left out.
HEATMAP_COLUMNS = (
    ("loaded_density", "loaded /100 words", "count"),
    ("author_loaded_density", "author voice /100 words", "count"),
    ("bias_probability", "biased-sentence probability", "share"),
    ("tone", "tone", "tone"),
    ("attribution_count", "attributions", "count"),
)


def open_document(*, article_path: str = "", analysis_path: str = "", lexicon_path: str = "",
                  actors_path: str = "") -> Document:
    """The document a report shows: a saved analysis if ``analysis_path`` is given, else the article analysed now.

    A relative path is read from the working folder, else from the nearest folder above it that has it: the
    notebooks' default paths (``seeds/…``) work from the repository root and from ``notebooks/``."""
    if analysis_path:
        return read_analysis(find_path(analysis_path))
    if not article_path:
        raise ValueError("give article_path (an article file) or analysis_path (a saved analysis)")
    from ._api import analyze  # the pipeline loads only when an article is analysed here

    return analyze(find_path(article_path), lexicon=find_path(lexicon_path) if lexicon_path else None,
                   actors=find_path(actors_path) if actors_path else None)


def find_path(path: str) -> Path:
    """``path`` as given if it exists or is absolute, else the first ``parent/path`` that exists in a folder above the
    working folder (else ``path`` as given, so that the error names it)."""
    given = Path(path)
    if given.is_absolute() or given.exists():
        return given
    return next((parent / given for parent in Path.cwd().parents if (parent / given).exists()), given)


def header(doc: Document) -> HTML:
    """Title, outlet, date and the article's id, escaped."""
    a = doc.article
    meta = " · ".join(escape(v) for v in (a.outlet, a.published, a.url) if v)
    return HTML(
        f"{STYLE}<p class='muted'>Slant article report</p><h1>{escape(a.title or a.id)}</h1>"
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
    frame["type"] = frame["type"].map(_readable, na_action="ignore")
    frame = frame[["source", "type", "attributions", "content_words", "cue classes", "paragraphs"]]
    frame.columns = ["source", "type", "attributions", "words of content", "cue classes", "paragraphs"]
    return table(frame)


def attributions_table(doc: Document) -> HTML:
    """Every attribution: paragraph, cue and its class, source and its type, what a pronoun resolves to, quote type."""
    frame = doc.attributions[["paragraph", "cue", "cue_class", "source", "source_type", "resolved", "quote", "content"]].copy()
    if frame.empty:
        return HTML("<p class='muted'>No attribution was found.</p>")
    frame["content"] = frame["content"].map(lambda t: _short(t, 80), na_action="ignore")
    frame["source_type"] = frame["source_type"].map(_readable, na_action="ignore")
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


def summary_card(doc: Document) -> HTML:
    """What stands out in the article, in plain language: each point with the figure it rests on and links to the
    paragraphs it comes from (see :mod:`analysis.findings`)."""
    items = []
    for f in findings(doc):
        where = f" · paragraphs {paragraph_links(f.paragraphs)}" if f.paragraphs else ""
        items.append(f"<li>{escape(f.text)}<br><span class='figure'>{escape(f.figure)}: <b>{escape(f.value)}</b>"
                     f"{where}</span></li>")
    body = "".join(items) or "<li>Nothing stands out: no loaded term, attribution or marked tone was found.</li>"
    return HTML(f"{STYLE}<div class='slant-card'><ul>{body}</ul></div>")


def paragraph_links(paragraphs: tuple[int, ...] | list[int]) -> str:
    """Paragraph numbers as links to the paragraphs of the marked-up article."""
    return ", ".join(f"<a href='#slant-p-{int(i)}'>{int(i)}</a>" for i in paragraphs)


def highlighted_article(doc: Document, *, categories: tuple[str, ...] | None = None, voice: str | None = None,
                        sources: tuple[str, ...] | None = None, actor: str | None = None,
                        paragraphs: tuple[int, ...] | None = None, key: bool = True) -> HTML:
    """The article, paragraph by paragraph: each loaded term marked in its category's colour with the category
    written after it, attribution cues underlined with their class, sources in bold with their type, direct quotes
    shaded, paragraphs outside the running text greyed. Readable without hovering; every piece of text escaped.

    ``categories``, ``voice`` (author or quoted), ``sources`` (source types) and ``actor`` narrow what is marked and
    which paragraphs are shown, ``paragraphs`` picks paragraphs by index (the explore notebook's filters); ``key``
    puts the legend first."""
    layers = _layers(doc, categories=categories, voice=voice, sources=sources)
    shown = _paragraphs_with_actor(doc, actor)
    if paragraphs is not None:
        shown = set(paragraphs) if shown is None else shown & set(paragraphs)
    parts = [STYLE, legend() if key else "", "<div class='slant-article'>"]
    for p in doc.analysis.paragraphs:
        if shown is not None and p.index not in shown:
            continue
        muted = "muted" if p.kind not in TEXT_KINDS else ""
        relayed = ""
        if p.relayed_from is not None:
            origin = p.relayed_from.source.text if p.relayed_from.source else "unnamed source"
            relayed = f" · relayed from {escape(origin)}"
        classes = " ".join(c for c in (muted, "slant-relayed" if relayed else "") if c)
        parts.append(f"<p id='slant-p-{p.index}' class='{classes}'>"
                     f"<span class='kind'>{p.index} {escape(p.kind.replace('_', ' '))}{relayed}</span>")
        parts.append(_highlight(doc.text, p.start, p.end, layers))
        parts.append("</p>")
    parts.append("</div>")
    return HTML("".join(parts))


def legend() -> str:
    """The key of the marked-up article: every category with its colour and written label, cues, sources, quotes."""
    keys = "".join(f"<span><span class='slant-loaded slant-{c}'>{c.replace('_', ' ')}</span>"
                   f"<span class='slant-tag'>{palette.CATEGORY_TAGS[c]}</span></span>" for c in LOADED_CATEGORIES)
    return (f"<div class='slant-legend'>{keys}<span><span class='slant-cue'>attribution cue</span>"
            "<span class='slant-tag'>class, unless neutral</span></span>"
            "<span class='slant-source'>source</span><span class='slant-tag'>type</span><span class='slant-quote'>“direct quote”</span>"
            "<span class='muted'>grey: not running text</span></div>")


def paragraph_heatmap(doc: Document, *, preview: int = 70) -> HTML:
    """One row per paragraph (separators and boilerplate left out), one column per paragraph figure, each cell shaded
    by its value within its column (tone: vermillion below zero, blue above). Paragraph numbers link to the text."""
    frame = doc.paragraphs[doc.paragraphs["word_count"] > 0]
    columns = [c for c in HEATMAP_COLUMNS if c[0] in frame.columns]
    running = frame[frame["kind"].isin(TEXT_KINDS)]
    scale = {name: max(float(running[name].abs().max() or 0), 1e-9) if not running.empty else 1.0
             for name, _, _ in columns}
    head = "".join(f"<th>{escape(label)}</th>" for _, label, _ in columns)
    rows = []
    for row in frame.itertuples():
        cells = "".join(_heat_cell(getattr(row, name), scale[name], kind) for name, _, kind in columns)
        text = " ".join(row.text.split())
        text = text if len(text) <= preview else text[: preview - 1] + "…"
        muted = " class='muted'" if row.kind not in TEXT_KINDS else ""
        rows.append(f"<tr{muted}><td class='text'><a href='#slant-p-{row.index}'>{row.index}</a></td>{cells}"
                    f"<td class='text'>{escape(row.kind.replace('_', ' '))}: {escape(text)}</td></tr>")
    return HTML(f"{STYLE}<table class='slant-table slant-heatmap'><thead><tr><th>#</th>{head}<th>paragraph</th></tr>"
                f"</thead><tbody>{''.join(rows)}</tbody></table>")


def _heat_cell(value: float | None, scale: float, kind: str) -> str:
    """A heatmap cell: the value written, its background shaded by ``value / scale``."""
    if value is None or value != value:
        return "<td>–</td>"
    if kind == "tone":
        color = palette.NEGATIVE if value < 0 else palette.POSITIVE
        shown = signed(value)
    else:
        color = palette.OKABE_ITO["vermillion"]
        shown = f"{value:.0%}" if kind == "share" else (f"{value:.2f}" if isinstance(value, float) else str(value))
    amount = min(abs(value) / scale, 1.0) * 0.6
    return f"<td style='background:{palette.tint(color, amount)}'>{escape(shown)}</td>"


def top_terms_table(doc: Document) -> HTML:
    """The author's most frequent loaded terms of the running text, with their category."""
    frame = doc.loaded_terms[doc.loaded_terms["voice"] == "author"]
    frame = frame.assign(term=term_names(frame))
    if frame.empty:
        return HTML("<p class='muted'>No loaded term in the outlet's own voice.</p>")
    counted = (frame.groupby(["term", "category"]).agg(count=("text", "size"), paragraphs=("paragraph", _joined))
               .reset_index().sort_values(["count", "term"], ascending=[False, True], kind="stable").head(15))
    counted["category"] = counted["category"].str.replace("_", " ")
    return table(counted[["term", "category", "count", "paragraphs"]])


def _joined(values: pd.Series) -> str:
    return ", ".join(map(str, sorted(set(values))))


def methods_and_limits() -> HTML:
    """How good Slant is on real annotated news (the README's table, from ``data/quality.tsv``), and how to read it."""
    rows = package_tsv("data", "quality.tsv")
    frame = pd.DataFrame([{"held-out part": r["part"], "measure": r["measure"].replace("`", ""),
                           "Slant": r["slant"].replace("**", ""), "best simple peer": r["peer"]} for r in rows])
    return HTML(
        "<p>Measured on real news annotated by other people, on held-out parts that no rule, list or weight was tuned "
        "on, beside simple peers measured on the same items in the same run:</p>" + table(frame).data +
        "<p>Read the highlights as candidates to look at, not as a verdict: the precision and recall above say how "
        "often a highlighted term is one annotators mark, and how much of what they mark is highlighted; article-level "
        "figures rank articles only loosely (the Spearman correlation above). Attribution is precise but misses beliefs, intentions, noun cues and speech without a cue "
        "verb. Tone toward a person is the tone of the sentences that name them. The figures cover the running text "
        "(body and lead-in paragraphs); titles, captions and headings are shown but not counted.</p>")


def footer(doc: Document, *, options: dict[str, Any] | None = None) -> HTML:
    """Provenance: the kit's version, what the report was made from as the user gave it (``options``: the article, a
    lexicon, an actors file; empty values left out), the hash of the article's text, the hashes of the lexicons the
    analysis read, the one hash of every data file it read (``shipped_data``: a report of a saved analysis says which
    data made it) and the hashes of the model weights and word lists shipped with this kit."""
    text_hash = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
    given = "".join(f"<li>{escape(str(name))}: <code>{escape(str(value))}</code></li>"
                    for name, value in (options or {}).items() if value) or "<li>the notebook's defaults</li>"
    lexicons = ", ".join(f"{escape(name)}{' (built in)' if name == BUILTIN_LEXICON else ''} <code>{escape(sha[:16])}</code>"
                         for name, sha in sorted(doc.analysis.lexicons.items())) or "none recorded"
    read = doc.analysis.shipped_data
    made = (f"Shipped data files of this analysis (one SHA-256 of all): <code>{escape(read)}</code>"
            f"{'' if read == shipped_digest() else ' (not those of this kit)'}.<br>") if read else ""
    shipped = data_hashes()
    models = ", ".join(f"{escape(Path(name).name)} <code>{escape(sha[:16])}</code>"
                       for name, sha in shipped.items() if name.startswith("models/") and not name.endswith(".txt"))
    rows = "".join(f"<li>{escape(name)}: <code>{escape(sha)}</code></li>" for name, sha in shipped.items())
    return HTML(
        f"<div class='slant-footer'><p><b>Made with Slant {escape(doc.kit_version)}</b> from:</p><ul>{given}</ul>"
        f"<p>Article <code>{escape(doc.article.id)}</code>, text SHA-256 <code>{text_hash}</code>.<br>"
        f"Lexicons of this analysis (SHA-256): {lexicons}.<br>{made}Models of this kit (SHA-256): {models or 'none'}.</p>"
        f"<details><summary>Every word list, lexicon and model file of this Slant (SHA-256)</summary><ul>{rows}</ul>"
        "</details></div>")


def corpus_header(articles: pd.DataFrame) -> HTML:
    """How big a corpus is: articles, words, outlets and the months it covers (``_trends.corpus_articles``)."""
    months = articles["month"].dropna()
    span = f"{months.min()} to {months.max()}" if len(months) else "no parsable dates"
    outlets = articles["outlet"].dropna().nunique() if "outlet" in articles else 0
    return HTML(f"{STYLE}<p class='slant-corpus'><b>{len(articles):,}</b> articles, <b>{int(articles['word_count'].sum()):,}"
                f"</b> words of running text, <b>{outlets}</b> outlets, {escape(span)}.</p>")


def figure(fig, *, alt: str = "", caption: str = "") -> HTML:  # noqa: ANN001 - a matplotlib Figure
    """A matplotlib figure as an embedded PNG with alt text (``alt``, else the figure's label, which the functions of
    :mod:`analysis.plots` set) and a caption; the figure is closed."""
    import matplotlib.pyplot as plt

    alt = alt or fig.get_label()
    if not alt.strip():
        raise ValueError("every figure needs alt text")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return HTML(
        f"<figure class='slant-figure'><img src='data:image/png;base64,{data}' alt='{escape(alt, quote=True)}'>"
        f"<figcaption>{escape(caption)}</figcaption></figure>"
    )


def table(frame: pd.DataFrame) -> HTML:
    """A DataFrame as an HTML table, every cell escaped."""
    return HTML(frame.to_html(index=False, escape=True, na_rep="", border=0, classes="slant-table"))


Layer = tuple[int, int, str, str]  # start, end, CSS classes, the label written after it ("" for none)


def _layers(doc: Document, *, categories: tuple[str, ...] | None = None, voice: str | None = None,
            sources: tuple[str, ...] | None = None) -> tuple[list[Layer], list[Layer]]:
    """The spans to mark: loaded terms (one element each) and the other layers (cues, sources, quotes)."""
    loaded = [(t.start, t.end, f"slant-loaded slant-{t.category}", palette.CATEGORY_TAGS[t.category])
              for t in doc.analysis.loaded_terms
              if (categories is None or t.category in categories) and (voice is None or t.voice == voice)]
    other: list[Layer] = [(q.start, q.end, "slant-quote", "") for q in doc.analysis.quotes]
    types = source_types_by_span(doc.analysis.attributions)
    for x in doc.analysis.attributions:
        source_type = resolved_type(x, types) if x.source is not None else NO_SOURCE
        if sources is not None and source_type not in sources:
            continue
        other.append((x.cue.start, x.cue.end, "slant-cue", "" if x.cue.cls == "neutral" else x.cue.cls))
        if x.source is not None:
            resolved = f" → {_short(x.source.resolved.text, 40)}" if x.source.resolved else ""
            other.append((x.source.start, x.source.end, "slant-source", f"{_readable(x.source.type)}{resolved}"))
    return loaded, list(dict.fromkeys(other))  # two attributions may share a source span: mark it once


def _short(text: str, limit: int) -> str:
    """``text``, cut to ``limit`` characters with an ellipsis."""
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _readable(name: str) -> str:
    """A name of the data (``social_media``) as a reader writes it (social media)."""
    return name.replace("_", " ")


def _paragraphs_with_actor(doc: Document, actor: str | None) -> set[int] | None:
    """The paragraphs that mention ``actor`` (None: no actor filter)."""
    if not actor:
        return None
    mentions = doc.actor_mentions
    return set(int(p) for p in mentions.loc[mentions["actor"] == actor, "paragraph"])


def _highlight(text: str, start: int, end: int, layers: tuple[list[Layer], list[Layer]]) -> str:
    """The text of ``start:end`` with one ``<mark>`` per loaded term (its category written after it) and the other
    layers as spans cut at every boundary, their labels written after their last piece."""
    loaded, other = ([s for s in group if s[0] < end and start < s[1]] for group in layers)
    cuts = sorted({start, end, *(max(s[0], start) for s in loaded + other), *(min(s[1], end) for s in loaded + other)})
    html: list[str] = []
    current = None  # the loaded term whose <mark> is open
    for a, b in zip(cuts, cuts[1:]):
        term = next((s for s in loaded if s[0] <= a and b <= s[1]), None)
        if term is not current:
            if current is not None:
                html.append(f"</mark><span class='slant-tag'>{current[3]}</span>")
            if term is not None:
                html.append(f"<mark class='{term[2]}' data-category='{term[2].split('slant-')[-1]}'>")
            current = term
        over = [s for s in other if s[0] <= a and b <= s[1]]
        piece = escape(text[a:b])
        if over:
            piece = f"<span class='{' '.join(s[2] for s in over)}'>{piece}</span>"
            ending = [s for s in over if s[1] == b and s[3]
                      and not (term is not None and term[1] == b and s[3] == term[3])]  # "hedge" once
            if ending:
                piece += "".join(f"<span class='slant-tag'>{escape(s[3])}</span>" for s in ending)
        html.append(piece)
    if current is not None:
        html.append(f"</mark><span class='slant-tag'>{current[3]}</span>")
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
    from ._compare import compare

    items = [read_analysis(find_path(p)) for p in analysis_paths] if analysis_paths else \
        [find_path(p) for p in article_paths or []]
    return compare(items, labels=labels or None, actors=find_path(actors_path) if actors_path else None,
                   lexicon=find_path(lexicon_path) if lexicon_path else None)


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
