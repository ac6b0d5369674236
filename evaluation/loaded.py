"""Loaded language on real news: PTC spans, BABE biased words and sentences, BASIL article density.

- PTC (Da San Martino et al., EMNLP 2019): span-overlap and token P/R/F1 of Slant's loaded terms (hedges left out)
  against the ``Loaded_Language`` and ``Name_Calling,Labeling`` spans of each article.
- BABE (Spinde et al., Findings of EMNLP 2021): biased-word P/R/F1 (a word of the sentence is predicted biased when
  a loaded term covers it; the gold words are the annotators' ``biased_words``), and sentence-level MCC and F1 over
  the Biased / Non-biased sentences.
- BASIL (Fan et al., EMNLP 2019): Spearman's rank correlation of each article's figure (:func:`article_density`) with
  its annotated lexical-bias density (spans per 100 words), and the share of same-event article pairs ordered like the
  annotation.
"""

from __future__ import annotations

from collections.abc import Iterable

from analysis import Document, analyze
from analysis._pipeline import Resources
from analysis._text import WORD_RE, count_words

from .corpora import PARTS, items
from .peers import word_lists
from .report import SLANT, Figure
from .scores import ZERO, Fragments, binary_score, mcc, overlap_score, pair_order, spearman, token_score


def loaded_spans(doc: Document) -> list[Fragments]:
    """Slant's loaded terms as spans, hedges left out (a hedge softens a claim; it is not loaded)."""
    return [((t.start, t.end),) for t in doc.analysis.loaded_terms if t.category != "hedge"]


def sentence_is_biased(doc: Document, resources: Resources) -> bool:
    """Slant's sentence-level reading of bias: the sentence model's probability (the highest, when Slant reads the
    item as several sentences) reaches its threshold, chosen on the dev part (``analysis/models/loaded.tsv``)."""
    return max(doc.analysis.sentence_bias, default=0.0) >= resources.loaded_model.sentence_threshold


def article_density(doc: Document) -> float:
    """Slant's article figure that best orders BASIL's articles by held-out rank correlation (docs/loaded-language.md):
    ``bias_probability``, the expected share of biased sentences in the running text."""
    return doc.article_record["bias_probability"] or 0.0


def ptc(resources: Resources, root: str | None) -> Iterable[Figure]:
    task = "PTC"
    for part in PARTS:
        articles = items("ptc", part, root)
        totals = {name: (ZERO, ZERO) for name in (SLANT, *(p.name for p in word_lists()))}
        for article in articles:
            gold = [((s, e),) for s, e, _ in article.spans]
            words = [m.span() for m in WORD_RE.finditer(article.text)]
            predictions = {SLANT: loaded_spans(analyze(text=article.text, resources=resources))}
            predictions.update({p.name: p.spans(article.text) for p in word_lists()})
            for name, predicted in predictions.items():
                spans, tokens = totals[name]
                totals[name] = (spans + overlap_score(predicted, gold), tokens + token_score(words, predicted, gold))
        for name, (spans, tokens) in totals.items():
            yield Figure(task, name, "spans (overlap)", part, spans, len(articles))
            yield Figure(task, name, "tokens", part, tokens, len(articles))


def babe(resources: Resources, root: str | None) -> Iterable[Figure]:
    task = "BABE"
    for part in PARTS:
        sentences = items("babe", part, root)
        words = {name: ZERO for name in (SLANT, *(p.name for p in word_lists()))}
        labelled = [s for s in sentences if s.label in ("Biased", "Non-biased")]
        said: dict[str, list[bool]] = {name: [] for name in words}
        for sentence in sentences:
            doc = analyze(text=sentence.text, resources=resources)
            predictions = {SLANT: loaded_spans(doc)}
            predictions.update({p.name: p.spans(sentence.text) for p in word_lists()})
            gold = {w.lower() for phrase in sentence.biased_words for w in WORD_RE.findall(phrase)}
            for name, spans in predictions.items():
                marked = {sentence.text[s:e].lower() for fragments in spans for s0, e0 in fragments
                          for s, e in (m.span() for m in WORD_RE.finditer(sentence.text, s0, e0))}
                right = len(marked & gold)
                words[name] += type(ZERO)(right, len(marked), right, len(gold))
                if sentence.label in ("Biased", "Non-biased"):
                    said[name].append(sentence_is_biased(doc, resources) if name == SLANT else bool(spans))
        gold_labels = [s.label == "Biased" for s in labelled]
        for name in words:
            yield Figure(task, name, "biased words", part, words[name], len(sentences))
            yield Figure(task, name, "sentence MCC", part, mcc(said[name], gold_labels), len(labelled))
            yield Figure(task, name, "sentence biased", part, binary_score(said[name], gold_labels), len(labelled))


def basil(resources: Resources, root: str | None) -> Iterable[Figure]:
    task = "BASIL"
    for part in PARTS:
        articles = items("basil", part, root)
        gold = [100 * len(a.lexical) / max(count_words(a.text), 1) for a in articles]
        densities = {SLANT: [article_density(analyze(text=a.text, title=a.title or None, resources=resources))
                             for a in articles]}
        for peer in word_lists():
            densities[peer.name] = [100 * len(peer.spans(a.text)) / max(count_words(a.text), 1) for a in articles]
        events: dict[str, list[int]] = {}
        for i, article in enumerate(articles):
            events.setdefault(article.event, []).append(i)
        for name, predicted in densities.items():
            yield Figure(task, name, "density Spearman", part, spearman(predicted, gold), len(articles))
            agree = pairs = 0.0
            for members in events.values():
                share, n = pair_order([predicted[i] for i in members], [gold[i] for i in members])
                agree += share * n
                pairs += n
            yield Figure(task, name, "pair order", part, agree / pairs if pairs else 0.0, int(pairs))
