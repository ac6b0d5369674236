"""Attribution: who is cited, with which cue, and what content is given to them.

A first version built on cue and source-word data files (``data/cues.tsv``, ``data/sources.tsv``):
- a verb cue ("said", "told", "claimed") with its source before it ("The military said", "Colonel X, the deputy
  head of Y, told") or after it ("…, said the Syrian Observatory"), and its content: the direct quote next to it, or
  the rest of the clause (indirect);
- "according to X": the source follows, the content is the rest of the sentence;
- hedges with no source ("reportedly"): a cue alone.
Pronoun sources ("He added") are resolved to the most recent named source of a compatible kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ._data import package_tsv
from ._model import Attribution, Cue, Paragraph, Quote, Sentence, Source, Span
from ._text import strip_span

_PERSONAL = frozenset({"he", "she"})
#: Words that end a source phrase when reading back from a verb cue: a clause starts there.
_CLAUSE_WORDS = frozenset(
    "and but or that which who whom when while as after before because since if though although where so "
    "then than also has have had is was were are be been being not".split()
)
#: Words before a cue word that make it a noun ("the claim", "its report") or a passive ("was added").
_NOUN_MARKERS = frozenset("the a an its their his her our this that these those was were been being is are be".split())
#: Words a source phrase may start with when it is a common noun phrase ("the army", "Syria's armed forces").
_DETERMINERS = frozenset("the a an its their his her our".split())


@dataclass(frozen=True)
class CueEntry:
    """One cue of the data file: its class, and how a source attaches to it."""

    cue: str
    cls: str
    kind: str
    listener: bool
    not_before: re.Pattern[str] | None


@dataclass(frozen=True)
class SourceWord:
    word: str
    type: str
    match: str
    priority: int


@lru_cache(maxsize=1)
def _cue_table() -> tuple[dict[str, CueEntry], re.Pattern[str]]:
    forms: dict[str, CueEntry] = {}
    for row in package_tsv("data", "cues.tsv"):
        exclude = re.compile(row["not_before"]) if row["not_before"] else None
        entry = CueEntry(row["cue"], row["class"], row["kind"], row["listener"] == "yes", exclude)
        for form in row["forms"].split("|"):
            forms[form.lower()] = entry
    alternatives = sorted(forms, key=len, reverse=True)
    pattern = re.compile(r"\b(?:%s)\b" % "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in alternatives), re.I)
    return forms, pattern


@lru_cache(maxsize=1)
def _source_words() -> tuple[SourceWord, ...]:
    rows = package_tsv("data", "sources.tsv")
    words = [SourceWord(r["word"], r["type"], r["match"], int(r["priority"])) for r in rows]
    return tuple(sorted(words, key=lambda w: w.priority))


def find_attributions(
    text: str,
    paragraphs: tuple[Paragraph, ...],
    sentences: tuple[Sentence, ...],
    quotes: tuple[Quote, ...],
) -> tuple[Attribution, ...]:
    """Attribution relations of every sentence, with pronoun sources resolved, in text order."""
    forms, pattern = _cue_table()
    found: list[Attribution] = []
    for sentence in sentences:
        sentence_quotes = [q for q in quotes if q.paragraph == sentence.paragraph and _overlaps(q, sentence)]
        taken = [(q.start, q.end) for q in sentence_quotes]
        for match in pattern.finditer(text, sentence.start, sentence.end):
            if any(start <= match.start() < end for start, end in taken):
                continue  # inside a quote (the speaker's word) or inside the source of a cue already read
            entry = forms[re.sub(r"\s+", " ", match.group().lower())]
            attribution = _relation(text, sentence, sentence_quotes, match, entry)
            if attribution is not None:
                found.append(attribution)
                if attribution.source is not None:
                    taken.append((attribution.source.start, attribution.source.end))
    return tuple(_resolve_pronouns(found))


def _overlaps(quote: Quote, sentence: Sentence) -> bool:
    return quote.start < sentence.end and sentence.start < quote.end


def _relation(
    text: str, sentence: Sentence, quotes: list[Quote], match: re.Match[str], entry: CueEntry
) -> Attribution | None:
    cue = Cue(match.start(), match.end(), match.group(), entry.cls)  # type: ignore[arg-type]
    if entry.kind == "hedge":
        return Attribution(sentence.paragraph, cue, None, None, "none")
    if entry.kind == "phrase":
        source = _source_after(text, match.end(), sentence.end)
        content = _clause_around(text, sentence, match.start(), source.end if source else match.end())
        return _with_quote_type(sentence.paragraph, cue, source, content, quotes)
    if not _is_verb_use(text, sentence, match):
        return None
    if entry.not_before is not None and entry.not_before.match(text, match.end(), sentence.end):
        return None
    quote_before = next((q for q in reversed(quotes) if q.end <= match.start()), None)
    source = _source_before(text, sentence.start, match.start())
    if source is not None:
        content = _content_after(text, match.end(), sentence.end, quotes, listener=entry.listener)
        if content is None:  # "…,” the army said" or "…, the army said": the content comes first
            content = _content_before(text, sentence.start, source.start, quote_before)
        return _with_quote_type(sentence.paragraph, cue, source, content, quotes)
    if _ends_with_comma_or_quote(text, sentence.start, match.start()):  # "…, said the Syrian Observatory"
        source = _source_after(text, match.end(), sentence.end)
        if source is not None:
            content = _content_before(text, sentence.start, match.start(), quote_before)
            return _with_quote_type(sentence.paragraph, cue, source, content, quotes)
    return None


def _is_verb_use(text: str, sentence: Sentence, match: re.Match[str]) -> bool:
    """Whether a cue word is used as a reporting verb, not as a noun ("the claim", "reports of") or a passive."""
    word = match.group()
    if word[0].isupper() and match.start() != sentence.start:
        return False  # a capitalized word mid-sentence is a name ("the Department of State")
    before = re.search(r"([\w’']+)\s+$", text[sentence.start:match.start()])
    after = re.match(r"\s+([\w’']+)", text[match.end():sentence.end])
    previous = before.group(1).lower() if before else ""
    following = after.group(1).lower() if after else ""
    forms, _ = _cue_table()
    return previous not in _NOUN_MARKERS and following != "of" and following not in forms


def _ends_with_comma_or_quote(text: str, start: int, end: int) -> bool:
    return text[start:end].rstrip().endswith((",", "”", '"', "’"))


def _content_before(text: str, sentence_start: int, end: int, quote_before: Quote | None) -> Span | None:
    """The content that comes before its source and cue: the quote right before them, else the clause before."""
    if quote_before is not None and not re.search(r"\w", text[quote_before.end:end]):
        return Span(quote_before.start, quote_before.end, text[quote_before.start:quote_before.end])
    return _span(text, sentence_start, end)


def _with_quote_type(
    paragraph: int, cue: Cue, source: Source | None, content: Span | None, quotes: list[Quote]
) -> Attribution:
    return Attribution(paragraph, cue, source, content, _quote_type(content, quotes))


def _quote_type(content: Span | None, quotes: list[Quote]) -> str:
    """direct: the content is a quote; mixed: a paraphrase with quoted fragments; indirect: no quote marks."""
    if content is None:
        return "none"
    inside = [q for q in quotes if content.start <= q.start and q.end <= content.end]
    if any(q.start - content.start <= 1 and content.end - q.end <= 1 for q in inside):
        return "direct"
    return "mixed" if inside else "indirect"


def _source_before(text: str, lower: int, cue_start: int) -> Source | None:
    """The source phrase that ends right before a verb cue: back to a clause word or punctuation.

    An appositive closed by a comma ("Colonel X, the deputy head of Y, told") belongs to the source.
    """
    head = text[lower:cue_start]
    closed = re.search(r",\s*$", head)
    if closed:
        head = head[: closed.start()]
    words = list(re.finditer(r"[\w’'.&-]+|[,;:“”\"()—–]", head))
    kept: list[re.Match[str]] = []
    for token in reversed(words):
        value = token.group()
        if value in ",;:“”\"()—–" or value.lower() in _CLAUSE_WORDS:
            break
        kept.insert(0, token)
    kept = _drop_adverbs(kept)
    if not kept or not _looks_like_source(kept):
        return None
    start, end = lower + kept[0].start(), lower + kept[-1].end()
    if closed:
        start = _extend_appositive(text, lower, start, end)
    return _source(text, start, end)


def _drop_adverbs(tokens: list[re.Match[str]]) -> list[re.Match[str]]:
    """Adverbs between source and cue ("The AFP has bluntly said") belong to neither."""
    while tokens and tokens[-1].group().lower().endswith("ly") and not tokens[-1].group()[0].isupper():
        tokens = tokens[:-1]
    return tokens


def _looks_like_source(tokens: list[re.Match[str]]) -> bool:
    first = tokens[0].group()
    if len(tokens) > 12:
        return False
    return first[0].isupper() or first.lower() in _DETERMINERS or len(tokens) == 1 and first.lower() in _PERSONAL


def _extend_appositive(text: str, lower: int, start: int, end: int) -> int:
    """Extend ``the deputy head of Y`` back over ``Colonel X,`` when the phrase is an appositive between commas."""
    head = text[lower:start]
    match = re.search(r"((?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'.-]*),\s*$", head)
    if match and text[start:end].split()[0].lower() in _DETERMINERS:
        return lower + match.start(1)
    return start


def _source_after(text: str, start: int, upper: int) -> Source | None:
    """The source phrase right after a cue ("said the Syrian Observatory", "according to AP"): up to a comma,
    the end of the sentence, or a clause word; at most 12 words."""
    match = re.match(r"\s*([^,;:.!?“”\"]+)", text[start:upper])
    if not match:
        return None
    words = list(re.finditer(r"\S+", match.group(1)))
    kept = []
    for i, word in enumerate(words[:12]):
        value = word.group()
        name_goes_on = value in ("and", "&") and i + 1 < len(words) and words[i + 1].group()[0].isupper()
        if (value.lower() in _CLAUSE_WORDS or value.lower() in ("on", "in", "at", "to")) and not name_goes_on:
            break
        kept.append(word)
    if not kept:
        return None
    offset = start + match.start(1)
    return _source(text, offset + kept[0].start(), offset + kept[-1].end())


def _source(text: str, start: int, end: int) -> Source | None:
    start, end = strip_span(text, start, end)
    if start >= end:
        return None
    phrase = text[start:end]
    return Source(start, end, phrase, _source_type(phrase))  # type: ignore[arg-type]


def _source_type(phrase: str) -> str:
    """The type of the first source word found in the phrase (by priority); an acronym ("CSIS") is an
    ``organization``, any other name a ``person``."""
    lowered = phrase.lower()
    for entry in _source_words():
        haystack, needle = (phrase, entry.word) if entry.match == "name" else (lowered, entry.word)
        if re.search(r"(?<![\w-])%s(?![\w-])" % re.escape(needle), haystack):
            if entry.type == "pronoun" and len(phrase.split()) > 1:
                continue
            return entry.type
    return "organization" if re.fullmatch(r"[A-Z]{2,}", phrase) else "person"


def _content_after(text: str, start: int, upper: int, quotes: list[Quote], *, listener: bool) -> Span | None:
    """The content after a cue, to the sentence end: a quote right after it, or the clause after "that".

    After a listener verb ("told reporters in a briefing"), only a "that" clause is content.
    """
    following = next((q for q in quotes if q.start >= start and not re.search(r"\w", text[start:q.start - 1])), None)
    if following is not None:
        return Span(following.start, following.end, text[following.start:following.end])
    pattern = r"[^.;:]*?\bthat\s+" if listener else r"[\s,:]*(?:that\s+)?"
    match = re.match(pattern, text[start:upper])
    if listener and not match:
        return None
    return _span(text, start + (match.end() if match else 0), upper)


def _clause_around(text: str, sentence: Sentence, cue_start: int, source_end: int) -> Span | None:
    """For "according to X": the content is the rest of the sentence, before or after the cue phrase."""
    after = _span(text, source_end, sentence.end)
    before = _span(text, sentence.start, cue_start)
    candidates = [span for span in (after, before) if span is not None and re.search(r"\w{3}", span.text)]
    return max(candidates, key=lambda s: s.end - s.start) if candidates else None


def _span(text: str, start: int, end: int) -> Span | None:
    """A content span without surrounding white space and the punctuation that joins it to the cue."""
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.?!"):
        end -= 1
    return Span(start, end, text[start:end]) if start < end else None


def _resolve_pronouns(attributions: list[Attribution]) -> list[Attribution]:
    """Point each pronoun source at the most recent named source of a compatible kind (person for he/she)."""
    resolved: list[Attribution] = []
    last_person: Source | None = None
    last_other: Source | None = None
    for attribution in attributions:
        source = attribution.source
        if source is not None and source.type == "pronoun":
            target = last_person if source.text.lower() in _PERSONAL else last_other
            if target is not None:
                source = Source(source.start, source.end, source.text, "pronoun", Span(target.start, target.end, target.text))
                attribution = Attribution(attribution.paragraph, attribution.cue, source, attribution.content, attribution.quote)
        elif source is not None and _is_named_person(source):
            last_person = source
        elif source is not None and source.type not in ("person", "anonymous", "document", "social_media"):
            last_other = source
        resolved.append(attribution)
    return resolved


def _is_named_person(source: Source) -> bool:
    """A source that names someone ("Colonel Oleg Ignasyuk, …", "Resul Serdar"), not a body ("The army")."""
    first = source.text.split()[0]
    return source.type in ("person", "official", "military", "media") and first[0].isupper() and first.lower() not in _DETERMINERS and len(re.findall(r"\b[A-Z][a-z]", source.text)) >= 2
