"""Loaded language: lexicon terms matched as words, and scare quotes read from punctuation and context.

Matching (``lexicons/loaded.tsv``):
- a term's words follow each other in the text, separated by white space only; a lower-case term matches any case,
  a term with capitals ("Deep State") only as written; the last word may be inflected (plural, -s, -ed, -ing, as
  the ``pos`` column allows); hyphenated compounds are single words ("shell-shocked", "kremlin-backed");
- a ``pos`` constraint (noun, verb, adj, adv) is checked with the part-of-speech tagger, only for such terms
  ("blast" is loaded as a verb, a factual explosion as a noun);
- a term right after "not", "no", "never" or "hardly" is not counted ("not unprecedented" does not dramatize);
- where candidates overlap, the longest wins (then the earliest), so spans never overlap and have one category.

Scare quotes: a quoted fragment of at most ``SCARE_QUOTE_MAX_WORDS`` words that is not a sentence and not a proper
name, when a distancing word precedes it ("so-called ‘experts’"), when it is a single word modifying the noun or
adjective the tagger reads after it (the “modern” HTS; not “wonderful” if, “shocked” by), when a naming verb in the passive precedes it ("described by Washington as ‘moderate rebels’"),
or when no source speaks it (no attribution content holds it, no cue or active naming verb opens its clause). The
span excludes the marks. Voice follows who chose the words: terms inside a direct quotation (a quote that is not a
scare quote) are ``quoted``; scare quotes, a paraphrase's words (an indirect attribution's content) and everything
else are ``author``.

Besides the lexicon, matching reads the word lists of a ``LoadedContexts`` (``load_loaded_contexts``), a member of the
pipeline's ``Resources``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ._data import package_tsv
from ._inflect import adverb, noun_forms, verb_forms
from ._lexicon import Lexicon, LexiconEntry
from ._model import Attribution, LoadedTerm, Paragraph, Quote, Token, Voice
from ._text import WORD_RE, DisjointSpans, SpanIndex

if TYPE_CHECKING:
    from ._attribution import CueTable

#: A scare quote has at most this many words.
SCARE_QUOTE_MAX_WORDS = 4
_NEGATIONS = frozenset({"not", "no", "never", "hardly", "nothing"})
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being"})
#: A possessive ending is not part of the term ("the regime’s thugs").
_POSSESSIVE = ("’s", "'s")
_POS_TAGS = {"noun": ("NN",), "verb": ("VB",), "adj": ("JJ", "VBN", "VBG"), "adv": ("RB",)}


@dataclass(frozen=True)
class _Pattern:
    """A term as the word forms each of its positions accepts."""

    forms: tuple[frozenset[str], ...]
    entry: LexiconEntry
    exact_case: bool
    order: int  # later entries (a user's lexicon) win over earlier ones on the same words


@dataclass(frozen=True)
class TermIndex:
    """Lexicon terms by the forms of their first word, for one pass over the words of a text."""

    by_first_form: dict[str, tuple[_Pattern, ...]]

    @classmethod
    def build(cls, lexicon: Lexicon) -> TermIndex:
        index: dict[str, list[_Pattern]] = {}
        for order, entry in enumerate(lexicon.entries):
            words = WORD_RE.findall(entry.term)
            if not words:
                continue
            exact = entry.term != entry.term.lower()
            last = _forms(words[-1], entry.pos)
            forms = tuple(frozenset({w}) for w in words[:-1]) + (last,)
            pattern = _Pattern(forms, entry, exact, order)
            for form in forms[0]:
                index.setdefault(form, []).append(pattern)
        return cls({k: tuple(sorted(v, key=lambda p: -len(p.forms))) for k, v in index.items()})


def _forms(word: str, pos: str) -> frozenset[str]:
    """The forms the last word of a term may take: nouns get plurals, verbs their -s/-ed/-ing forms, adjectives
    their adverb in -ly ("brutal", "brutally")."""
    if pos == "adv":
        return frozenset({word})
    if pos == "adj":
        return frozenset({word, adverb(word)})
    if pos == "noun":
        return noun_forms(word)
    if pos == "verb":
        return verb_forms(word)
    if "-" in word:
        return frozenset({word, word + "s"})
    return noun_forms(word) | verb_forms(word) | {adverb(word)}


@dataclass(frozen=True)
class LoadedContexts:
    """The word lists that tell the writer's loaded words from other uses, besides the lexicon: distancing words
    ("so-called") and the forms of naming verbs ("called", "described"; ``lexicons/naming.tsv``) and of the
    attribution cues' verbs (a quote after one in its clause is speech), which tell a scare quote from speech; and the
    multi-word factual expressions of ``lexicons/events.tsv`` ("storm surge", "terrorist attack"), word by word, the
    last word in each of its noun forms, inside which a loaded word is read literally."""

    distancing: frozenset[str]
    naming: frozenset[str]
    speech: frozenset[str]
    fixed_expressions: frozenset[tuple[str, ...]]


def load_loaded_contexts(cues: CueTable) -> LoadedContexts:
    """The shipped word lists (naming.tsv, events.tsv) and the first words of the attribution cues (``cues``)."""
    rows = package_tsv("lexicons", "naming.tsv")
    distancing = frozenset(r["term"] for r in rows if r["kind"] == "distancing")
    verbs = frozenset(form for r in rows if r["kind"] == "verb" for form in verb_forms(r["term"]))
    expressions: set[tuple[str, ...]] = set()
    for row in package_tsv("lexicons", "events.tsv"):
        words = tuple(w.lower() for w in WORD_RE.findall(row["term"]))
        if len(words) > 1:
            expressions |= {(*words[:-1], form) for form in noun_forms(words[-1])}
    return LoadedContexts(distancing, verbs, frozenset(words[0] for words in cues.sequences),
                          frozenset(expressions))


def find_loaded_terms(
    text: str,
    paragraphs: Iterable[Paragraph],
    tokens: tuple[tuple[Token, ...], ...],
    quotes: tuple[Quote, ...],
    attributions: tuple[Attribution, ...],
    index: TermIndex,
    contexts: LoadedContexts,
) -> tuple[LoadedTerm, ...]:
    """Loaded terms and scare quotes of the given paragraphs, in text order, never overlapping. ``tokens`` are the
    tagged tokens of the sentences."""
    tags = token_tags(tokens)
    contents = _contents(attributions)
    scare = _by_paragraph(_scare_term(text, q) for q in quotes if is_scare_quote(text, q, contents, contexts, tags))
    quotations = quotation_spans(text, quotes, attributions, contexts, tags)
    hedges = _by_paragraph(_hedge_term(text, a) for a in attributions if a.cue.cls == "hedge")
    terms: list[LoadedTerm] = []
    for paragraph in paragraphs:
        candidates = [
            *scare.get(paragraph.index, ()),
            *hedges.get(paragraph.index, ()),
            *_lexicon_matches(text, paragraph, index, tags, contexts.fixed_expressions),
        ]
        terms += [with_voice(term, quotations) for term in _longest_first(candidates)]
    return tuple(terms)


def token_tags(tokens: Iterable[Iterable[Token]]) -> dict[int, str]:
    """The part-of-speech tag of each token of the sentences, by its start offset."""
    return {t.start: t.tag for sentence in tokens for t in sentence}


def with_voice(term: LoadedTerm, quotations: SpanIndex) -> LoadedTerm:
    """``term`` with its :func:`voice_of` (the term itself when it has it already: most are the writer's)."""
    voice = voice_of(term, quotations)
    return term if voice == term.voice else replace(term, voice=voice)


def voice_of(term: LoadedTerm, quotations: SpanIndex) -> Voice:
    """Who chose the words: the source inside one of its direct ``quotations``, else the writer (a scare quote, a
    paraphrase's evaluative words, the running text)."""
    return "quoted" if term.category != "scare_quote" and quotations.contain(term.start, term.end) else "author"


def quotation_spans(text: str, quotes: tuple[Quote, ...], attributions: tuple[Attribution, ...],
                    contexts: LoadedContexts, tags: Mapping[int, str]) -> SpanIndex:
    """The direct quotations: quotes that are not scare quotes (``tags``: :func:`token_tags`)."""
    contents = _contents(attributions)
    return SpanIndex((q.start, q.end) for q in quotes if not is_scare_quote(text, q, contents, contexts, tags))


def speech_spans(text: str, quotes: tuple[Quote, ...], attributions: tuple[Attribution, ...],
                 contexts: LoadedContexts, tags: Mapping[int, str]) -> list[tuple[int, int]]:
    """The spans in a source's voice: attribution contents, and direct quotes that are not scare quotes (``tags``:
    :func:`token_tags`)."""
    contents = _contents(attributions)
    return sorted({*contents.spans,
                   *((q.start, q.end) for q in quotes if not is_scare_quote(text, q, contents, contexts, tags))})


def _contents(attributions: tuple[Attribution, ...]) -> SpanIndex:
    return SpanIndex((a.content.start, a.content.end) for a in attributions if a.content is not None)


def _by_paragraph(terms: Iterable[LoadedTerm]) -> dict[int, list[LoadedTerm]]:
    grouped: dict[int, list[LoadedTerm]] = {}
    for term in terms:
        grouped.setdefault(term.paragraph, []).append(term)
    return grouped


def _lexicon_matches(text: str, paragraph: Paragraph, index: TermIndex, tags: dict[int, str],
                     expressions: frozenset[tuple[str, ...]]) -> list[LoadedTerm]:
    words = list(WORD_RE.finditer(text, paragraph.start, paragraph.end))

    def tag_at(offset: int) -> str:
        return tags.get(offset, "")

    by_first_form = index.by_first_form
    found: dict[tuple[int, int], tuple[int, LoadedTerm]] = {}
    for i, word in enumerate(words):
        bare = _bare(word.group())
        lower = bare.lower()
        if bare not in by_first_form and lower not in by_first_form:  # most words start no term
            continue
        for key in dict.fromkeys((bare, lower)):
            for pattern in by_first_form.get(key, ()):
                end = _match_at(words, i, pattern)
                if end is None or _negated(words, i) or _designation(text, words, i, end, pattern, tag_at):
                    continue
                if _in_fixed_expression(words, i, i + len(pattern.forms), expressions):
                    continue
                last = words[i + len(pattern.forms) - 1]
                if pattern.entry.pos and not _in_use(tag_at(last.start()), last.group(), pattern.entry.pos):
                    continue
                entry = pattern.entry
                term = LoadedTerm(paragraph.index, word.start(), end, text[word.start():end], entry.category,  # type: ignore[arg-type]
                                  "author", entry.weight, entry.term)
                if found.get((term.start, term.end), (-1,))[0] < pattern.order:
                    found[(term.start, term.end)] = (pattern.order, term)
    return [term for _, term in found.values()]


def _match_at(words: list[re.Match[str]], i: int, pattern: _Pattern) -> int | None:
    """The end offset of the term when its words start at ``words[i]``, else None."""
    if i + len(pattern.forms) > len(words):
        return None
    for k, forms in enumerate(pattern.forms):
        actual = _bare(words[i + k].group())
        if (actual if pattern.exact_case else actual.lower()) not in forms:
            return None
        if k and not words[i + k - 1].string[words[i + k - 1].end():words[i + k].start()].isspace():
            return None
    last = words[i + len(pattern.forms) - 1]
    return last.start() + len(_bare(last.group()))


def _bare(word: str) -> str:
    """A word without its possessive ending ("Kremlin's" → "Kremlin")."""
    return word[:-2] if word.endswith(_POSSESSIVE) else word


def _in_use(tag: str, word: str, pos: str) -> bool:
    """Whether the tagger reads the word in the entry's part of speech; a participle used as an adjective keeps its
    verb's loading ("a sanitised account")."""
    return tag.startswith(_POS_TAGS[pos]) or pos == "verb" and tag == "JJ" and word.lower().endswith(("ed", "en"))


def _designation(text: str, words: list[re.Match[str]], i: int, end: int, pattern: _Pattern, tag_at) -> bool:  # noqa: ANN001
    """A lower-case term written capitalized inside a name is not the writer's word: a label in a formal designation
    ("the list of Foreign Terrorist Organizations"), or any term next to another capitalized word ("Sham FM")."""
    matched = WORD_RE.findall(text[words[i].start():end])
    if pattern.exact_case or "-" in pattern.entry.term or not all(w[0].isupper() for w in matched):
        return False  # a compound names its own part ("Kremlin-backed")
    after = next((w.group() for w in words[i + len(matched):i + len(matched) + 1]), "")
    starts_sentence = i == 0 or text[words[i - 1].end():words[i].start()].strip(" ") in (".", "!", "?", ":", "“", '"')
    if starts_sentence:  # a capital is expected: a name only if the next word is capitalized and the tagger agrees
        return after[:1].isupper() and tag_at(words[i].start()).startswith("NNP")
    return after[:1].isupper() or words[i - 1].group()[0].isupper()


def _in_fixed_expression(words: list[re.Match[str]], i: int, j: int, expressions: frozenset[tuple[str, ...]]) -> bool:
    """Whether ``words[i:j]`` lie inside one of the fixed ``expressions`` ("a storm surge", "a supply shock")."""
    lower = [w.group().lower() for w in words[max(0, i - 3):j + 3]]
    offset = max(0, i - 3)
    for start in range(max(0, i - 3), i + 1):
        for end in range(max(j, start + 2), min(start + 4, len(words)) + 1):
            if tuple(lower[start - offset:end - offset]) in expressions:
                return True
    return False


def _negated(words: list[re.Match[str]], i: int) -> bool:
    return i > 0 and words[i - 1].group().lower() in _NEGATIONS


def _longest_first(candidates: list[LoadedTerm]) -> list[LoadedTerm]:
    """Keep the longest of overlapping candidates (then the earliest); the result is in text order."""
    taken = DisjointSpans()
    kept = [term for term in sorted(candidates, key=lambda t: (-(t.end - t.start), t.start))
            if taken.claim(term.start, term.end)]
    return sorted(kept, key=lambda t: t.start)


def is_scare_quote(text: str, quote: Quote, contents: SpanIndex, contexts: LoadedContexts,
                   tags: Mapping[int, str]) -> bool:
    """A short quoted fragment used to distance the writer, not speech (see the module docstring; ``tags``: the
    part-of-speech tag of each token by its start, :func:`token_tags`)."""
    fragment = text[quote.start:quote.end].rstrip(",;:")
    words = WORD_RE.findall(fragment)
    if not words or len(words) > SCARE_QUOTE_MAX_WORDS or fragment.endswith((".", "!", "?", "…")):
        return False
    if _is_name(words) or _attributed_after(text, quote):
        return False  # a quoted name or title (‘Syrian National Army’, “the For the People Act”), a headline's speech
    if len(words) == 1 and tags.get(quote.start, "") in _CLOSED_CLASS_TAGS:
        return False  # a small word mentioned, not used: a “no” vote, voted “yes”, the word “if”
    clause = _clause_before(text, quote)
    distancing, naming = contexts.distancing, contexts.naming
    if clause[-1:] and clause[-1].lower() in distancing or len(words) == 1 and _modifies_next(text, quote, tags):
        return True
    named_at = next((i for i in range(len(clause) - 1, -1, -1) if clause[i].lower() in naming), None)
    if named_at is not None:  # passive naming keeps the name at a distance; an active namer speaks the words
        return "by" in (w.lower() for w in clause[named_at:]) or named_at > 0 and clause[named_at - 1].lower() in _BE
    if contents.contain(quote.start, quote.end):
        return False
    return not any(w.lower() in contexts.speech for w in clause)


#: The tags of the closed word classes (and interjections): such a word in quote marks is mentioned, never a scare quote.
_CLOSED_CLASS_TAGS = frozenset({"CC", "DT", "EX", "IN", "MD", "PDT", "PRP", "PRP$", "RP", "TO", "UH", "WDT", "WP",
                                "WP$"})


#: Small words a name or title keeps in lower case ("Department of State", "For the People Act").
_NAME_JOINERS = frozenset({"of", "the", "for", "and", "a", "an", "in", "on", "to", "at", "by", "with", "de", "la"})


def _is_name(words: list[str]) -> bool:
    """Two or more words, the first and last capitalized, the others capitalized or small joiners: a name or title."""
    return len(words) > 1 and words[0][0].isupper() and words[-1][0].isupper() \
        and all(w[0].isupper() or w in _NAME_JOINERS for w in words)


#: A colon and up to four capitalized words closing the line (white space within the line only).
_NAME_CLOSING_LINE = re.compile(r"[”’\"'»]?[^\S\n]*:[^\S\n]*[A-Z][\w.&’'-]*(?:[^\S\n]+[A-Z][\w.&’'-]*){0,3}"
                                r"[^\S\n]*(?:\n|\Z)")


def _attributed_after(text: str, quote: Quote) -> bool:
    """A quote followed by a colon and a capitalized name closing the line: a headline's quoted speech
    ("… could be ‘stronger’: WHO"). Read from the quote's end, never past the line's end: linear in the text."""
    return _NAME_CLOSING_LINE.match(text, quote.end) is not None


#: The marks that start a clause: a sentence's end, a semicolon, a colon, a line break.
_CLAUSE_MARKS = (". ", "; ", ": ", "\n")


def _clause_before(text: str, quote: Quote) -> list[str]:
    """The words between the start of the quote's clause (sentence start, ";", ":") and its opening mark."""
    start = clause_start(text, quote.start)
    return WORD_RE.findall(text[start:max(start, quote.start - 1)])


def clause_start(text: str, end: int) -> int:
    """Where the clause that ``text[:end]`` ends in starts: after the last of ``_CLAUSE_MARKS`` before ``end``, or 0.
    Searched back in windows four times wider each time, so that its cost is the clause's length, not the text's
    (a paragraph of thousands of quotes stays linear)."""
    width = 256
    while True:
        low = max(0, end - width)
        found = max(text.rfind(mark, low, end) for mark in _CLAUSE_MARKS)
        if found >= 0 or low == 0:
            return found + 1
        width *= 4


def _modifies_next(text: str, quote: Quote, tags: Mapping[int, str]) -> bool:
    """A one-word quote followed by a noun or adjective it modifies, as the tagger reads the next word (the “modern”
    HTS, “peaceful” protesters, “free” coronavirus vaccines); not a quoted word followed by a function word, a verb or
    an adverb (it would be “wonderful” if, were “shocked” by, would “absolutely” extend), which marks speech."""
    after = re.match(r"[”’\"'»]\s+[A-Za-z]", text[quote.end:quote.end + 40])
    return after is not None and tags.get(quote.end + after.end() - 1, "").startswith(_MODIFIED_TAGS)


#: The tags of a word a one-word scare quote modifies: a noun, an adjective, or a gerund used as one.
_MODIFIED_TAGS = ("NN", "JJ", "VBG")


def _hedge_term(text: str, attribution: Attribution) -> LoadedTerm:
    """A hedge the attribution analyzer found ("It is reported", "allegedly") is a loaded hedge too."""
    cue = attribution.cue
    return LoadedTerm(attribution.paragraph, cue.start, cue.end, text[cue.start:cue.end], "hedge", "author", 0.5, cue.text.lower())


def _scare_term(text: str, quote: Quote) -> LoadedTerm:
    end = quote.end
    while end > quote.start and text[end - 1] in ",;:":
        end -= 1
    return LoadedTerm(quote.paragraph, quote.start, end, text[quote.start:end], "scare_quote", "author", 1.0, "")
