"""Attribution: who is cited, with which cue, and what content is given to them.

The cues are data (``data/cues.tsv``, a ``CueTable``), loaded once (``load_cue_table``) and a member of the pipeline's
``Resources``, as the words that type a source (``_source_types``). The rules read
the sentences that hold a cue word; for each cue:
- a verb ("said", "claimed", "told") takes its source from the subject before it ("The military said",
  "Colonel X, the deputy head of Y, told", "Officials who asked not to be named said"), or, in an inverted clause
  after a comma or a quote, from the noun phrase after it ("…, said the Syrian Observatory", "…,” he said");
  a participle after a comma ("…, vowing to …") takes the subject of the sentence. Verbs with other uses ("found a
  body", "showed signs") count only before a that-clause, a colon or a quote (the ``content`` column);
- "according to X" takes the noun phrase after it; "X was quoted as saying …" the subject before it;
- hedges ("reportedly", "It is reported that", "X seems to …") have no source;
- an adverb next to the cue ("bluntly said") is part of it and gives its class.
The content is the quote next to the cue (direct), or the clause after it, or the clause before it in an inverted
clause; a paraphrase holding quoted words is a mixed quote. Cues inside a quote are read within it (nested
attribution: "AFP writes that “Opposition sources … said …”"). Then the learned model (``_sequence``, a CRF trained
on PolNeAR) labels every paragraph; its relations whose cue overlaps no rule's cue or source are added. Pronoun
sources ("He added", "It said") are resolved to the most recent named source of a compatible kind.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import accumulate

from ._data import Row, package_tsv
from ._inflect import verb_forms
from ._model import Attribution, Cue, Paragraph, Quote, Sentence, Source, Span, Token
from ._names import FirstNames, PersonMention, Sex, courtesy_surnames, person_mentions, sex_of
from ._sequence import AttributionModel, LabelledSpan, Tagging, cue_marks, labels_to_spans
from ._source_types import SourceTypes
from ._text import SpanIndex

#: Relative pronouns that point at the person named right before them ("who", "whom").
_RELATIVE_PERSONAL = frozenset({"who", "whom"})
#: Pronouns for several: a group of people the source does not name may be what they stand for.
_PLURAL = frozenset({"they", "them", "their"})
#: How many sentences back "it" or "they" may find the body it stands for, as a source ("The army said …; it
#: added"): farther, the body the writer means is seldom the last that spoke.
_BODY_SENTENCES = 1
#: How many people named before a pronoun are read for its antecedent, most recent first.
_ANTECEDENTS_READ = 50
#: The sex a personal pronoun names ("who" names none).
_SEX_OF_PRONOUN: dict[str, Sex] = {**dict.fromkeys(("he", "him", "his"), "m"), **dict.fromkeys(("she", "her", "hers"), "f")}
_PRONOUNS = frozenset({"he", "she", "it", "they", "we"})
#: First and second persons: a speaker inside a quote, never resolved to an earlier source.
_UNRESOLVED = frozenset("i me my you your".split())
#: Words between a subject and its verb that belong to neither ("has", "also", "bluntly").
_AUXILIARIES = frozenset(
    "has have had is was were are be been being did does do will would could can may might should must shall "
    "also later earlier again then now previously already repeatedly still just not n't never once first last "
    "additionally further having today yesterday tonight".split()
)
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "CD", "PRP"})
#: Tags a noun phrase may hold (with "of"/"for"… and "and" between names handled apart).
_NP_TAGS = frozenset({"DT", "PDT", "PRP$", "POS", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "VBN", "HYPH"})
_NP_PREPOSITIONS = frozenset({"of", "for", "at", "in", "from", "with", "on", "to", "near", "within", "between"})
_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight week month year morning "
    "afternoon evening night weekend".split()
)
#: Words and phrases that mark discourse, never a content or a source ("In all", "meanwhile", "however").
_DISCOURSE_MARKERS = frozenset({
    "in all", "all in all", "in total", "in short", "in turn", "in fact", "in addition", "in contrast", "overall",
    "meanwhile", "however", "moreover", "also", "though", "instead", "still", "yet", "then", "indeed", "furthermore",
    "nonetheless", "nevertheless", "besides", "finally", "first", "second", "too", "again", "now", "so", "thus",
    "for example", "for instance", "of course", "at the same time", "on the other hand", "by contrast", "in the end",
    "for now", "so far", "above all", "after all", "as well", "likewise", "similarly", "separately", "earlier", "later",
})
#: Discourse markers of one word that may stand before a subject and are no part of it ("First Lady" is a title).
_LEADING_ADVERBS = frozenset(m for m in _DISCOURSE_MARKERS if " " not in m) - {"first", "second"}
#: The most words of a discourse marker.
_MARKER_WORDS = max(len(marker.split()) for marker in _DISCOURSE_MARKERS)
#: Words of a time phrase around a time word ("on Tuesday", "late last week", "earlier this month").
_TIME_FILLERS = frozenset("on in at last this next early late earlier later the that".split())
#: Spans of time that a count makes a time phrase ("eight years ago", "a few weeks earlier").
_TIME_SPANS = frozenset("second seconds minute minutes hour hours day days week weeks month months year years decade "
                        "decades century centuries ago".split())
#: Counts before a span of time, in words or figures ("two", "a few", "several", "18").
_COUNTS = frozenset("a an one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
                    "fifty hundred few several many some couple of".split()) | frozenset(str(n) for n in range(1, 101))
#: Words that are no source on their own: time words, discourse markers, the adverbs and auxiliaries a subject
#: stands before.
_FILLERS = _TIME_WORDS | _DISCOURSE_MARKERS | _AUXILIARIES
#: Verbs by which the writer says what something looks like ("seems to", "appeared ready"): hedges without a source.
_SEEMING_VERBS = frozenset("seem seems seemed seeming appear appears appeared appearing".split())
_SEEMING = re.compile(r"\b(?:%s)\b" % "|".join(sorted(_SEEMING_VERBS)), re.IGNORECASE)
#: Verbs that name rather than report ("called", "described as", "dubbed", "branded", "labelled").
_NAMING_VERBS = frozenset("call calls called calling describe describes described describing dub dubs dubbed dubbing "
                          "brand brands branded branding label labels labeled labelled labeling labelling".split())
#: Participles that open a new speech act after a comma ("…, calling the reports ‘fabrications’").
_SPEECH_PARTICIPLES = frozenset("calling describing dubbing branding labelling labeling saying adding citing "
                                "accusing insisting warning noting claiming denying".split())
#: A refusal to comment ("did not comment", "would not comment"): a cue without content; and the negations.
_COMMENT_VERBS = verb_forms("comment")
_NEGATIONS = frozenset({"not", "n't", "never"})
#: A negated auxiliary written as one word ("wouldn’t", "can't", "cannot"), which the tagger may read as a noun.
_NEGATED_AUXILIARY = re.compile(r"[a-z]+n[’']t|cannot")
#: Words tagged as prepositions that open a clause: the noun phrase after them is its subject ("as Moscow is demanding").
_SUBORDINATORS = frozenset("as because while if since although though whether that after before until unless whereas so "
                           "once than".split())
#: The passive forms of verbs whose object is the one spoken to ("was asked", "has been pressed on", "were told"):
#: their subject is the listener, not the source.
_ADDRESSED = frozenset("asked pressed questioned challenged told urged informed warned interviewed quizzed".split())
_PASSIVE_AUXILIARIES = frozenset("is was were are be been being get got gets getting".split())
#: Auxiliaries after which a negated base form is a verb, whatever the tagger reads ("did not comment").
#: The least probability the model gives a word of a rule's cue inside a quote for the relation to stand.
QUOTED_CUE_LEAST = 0.5
_DO_MODALS = frozenset("do does did will would can could may might should must shall".split())
#: Parts of speech that are never a cue on their own ("Reports of looting": "of" is no cue).
_FUNCTION_TAGS = frozenset({"IN", "TO", "DT", "CC"})
_QUOTE_CHARS = "\"“”‘’'«»„`"
_CLOSING = "”\"’'»"
#: The least cue probability, over its words, of a model cue with no word of ``data/cues.tsv``: the model's own "more
#: likely than not".
_UNLISTED_CUE_LEAST = 0.5
#: Adverbs a cue may end its clause with ("said then", "said sarcastically").
_ADVERB_TAGS = frozenset({"RB"})
#: Tags of a finite verb: after a noun phrase, it makes the phrase a clause's subject ("said Trump would …").
_FINITE_VERBS = frozenset({"VBD", "VBZ", "MD"})
#: Words that open a participle clause after a cue ("said when asked", "said after meeting").
_PARTICIPLE_OPENERS = frozenset({"when", "after", "before", "while"})


@dataclass(frozen=True)
class CueEntry:
    """One cue of ``data/cues.tsv``."""

    cue: str
    cls: str
    kind: str
    content: str
    listener: bool
    not_before: re.Pattern[str] | None


#: A run of word characters that starts at a word boundary (as ``\b`` sees it: the character before a search's start
#: counts; the end of a search is a boundary).
_WORD_RUN = re.compile(r"\b\w+")
#: A speaker's label before a colon at the start of a line ("Dana Flores: …").
_SPEAKER_COLON = re.compile(r"^[^\n:]{2,60}:", re.MULTILINE)


@dataclass(frozen=True, eq=False)  # hashed by identity, as the other resources
class CueTable:
    """Cue words by their lower-case token sequence (a word may be a verb and a noun cue), and cue adverbs; the
    lengths of the sequences each first word begins (most words first); the first words as a pattern of whole words,
    any case, and whether they are all plain lower-case ASCII word characters (``may_hold_cue`` reads them as a set)."""

    sequences: dict[tuple[str, ...], tuple[CueEntry, ...]]
    adverbs: dict[str, str]
    lengths: dict[str, tuple[int, ...]]
    first_words: re.Pattern[str]
    plain: bool

    def matches(self, words: Sequence[str]) -> list[tuple[int, int, tuple[CueEntry, ...]]]:
        """Every cue word or phrase among ``words`` (lower case) as the range of its first and last word with its
        entries, left to right, the longest where several start together."""
        found = []
        n, i = len(words), 0
        while i < n:
            for size in self.lengths.get(words[i], ()):
                entries = self.sequences.get(tuple(words[i:i + size])) if size <= n - i else None
                if entries is not None:
                    found.append((i, i + size - 1, entries))
                    i += size - 1
                    break
            i += 1
        return found

    def may_hold_cue(self, text: str, start: int = 0, end: int | None = None) -> bool:
        """Whether ``text[start:end]`` holds a cue's first word as a whole word (any case) or starts a line with a
        speaker's label before a colon: the sentences the rules read. Word by word, one set lookup per ASCII word,
        the same answer as searching ``first_words``."""
        end = len(text) if end is None else end
        if not self.plain:
            return self.first_words.search(text, start, end) is not None or _SPEAKER_COLON.search(text, start, end) is not None
        for word in _WORD_RUN.findall(text, start, end):
            if (word.lower() in self.lengths) if word.isascii() else (self.first_words.fullmatch(word) is not None):
                return True
        return _SPEAKER_COLON.search(text, start, end) is not None


def load_cue_table(rows: Iterable[Row] | None = None) -> CueTable:
    """The cues of ``data/cues.tsv`` (or of ``rows`` in its columns) with every inflected form of the verbs."""
    sequences: dict[tuple[str, ...], list[CueEntry]] = {}
    adverbs: dict[str, str] = {}
    for row in package_tsv("data", "cues.tsv") if rows is None else rows:
        entry = CueEntry(row["cue"], row["class"], row["kind"], row["content"], row["listener"] == "yes",
                         re.compile(row["not_before"]) if row["not_before"] else None)
        if entry.kind == "adverb":
            adverbs[entry.cue] = entry.cls
            continue
        words = tuple(entry.cue.lower().split())
        if entry.kind == "verb":
            pasts = tuple(row["past"].split("|")) if row["past"] else ()
            for form in verb_forms(words[0], pasts):
                sequences.setdefault((form, *words[1:]), []).append(entry)
        else:
            sequences.setdefault(words, []).append(entry)
    lengths: dict[str, set[int]] = {}
    for sequence in sequences:
        lengths.setdefault(sequence[0], set()).add(len(sequence))
    first_words = sorted(lengths, key=len, reverse=True)
    pattern = re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, first_words)), re.IGNORECASE)
    plain = all(word.isascii() and re.fullmatch(r"[a-z0-9_]+", word) for word in first_words)
    return CueTable({k: tuple(v) for k, v in sequences.items()}, adverbs,
                    {word: tuple(sorted(sizes, reverse=True)) for word, sizes in lengths.items()}, pattern, plain)


class _Quotes(list):
    """The direct quotes of a paragraph in text order (they never overlap), found by bisection: a scan per cue
    would make a paragraph of many attributions quadratic."""

    def __init__(self, quotes: Iterable[Quote] = ()) -> None:
        super().__init__(quotes)
        self.starts = [q.start for q in self]
        self.ends = [q.end for q in self]

    def at(self, offset: int) -> Quote | None:
        """The quote over ``offset``."""
        i = bisect_right(self.starts, offset) - 1
        return self[i] if i >= 0 and offset < self.ends[i] else None

    def overlapping(self, start: int, end: int) -> list[Quote]:
        return self[bisect_right(self.ends, start):bisect_left(self.starts, end)]

    def ending_in(self, start: int, end: int) -> Quote | None:
        """The first quote that ends in ``start:end`` (both included)."""
        i = bisect_left(self.ends, start)
        return self[i] if i < len(self) and self.ends[i] <= end else None


@dataclass
class _Context:
    """One sentence being read: the text, its tagged tokens, the direct quotes over it, and where its paragraph starts."""

    text: str
    paragraph: Paragraph
    tokens: list[Token]
    quotes: _Quotes
    following: tuple[Quote, ...]  # every quote of the article; those of this paragraph on start at ``first``
    cues: CueTable
    sources: SourceTypes
    first: int = 0

    def span(self, first: int, last: int) -> Span:
        start, end = self.tokens[first].start, self.tokens[last].end
        return Span(start, end, self.text[start:end])

    def quote_at(self, offset: int) -> Quote | None:
        return self.quotes.at(offset)

    def whole_quote(self, quote: Quote) -> Span:
        """A quote with its continuation in the next paragraphs (one quote over several paragraphs) as one span."""
        current = quote
        for k in range(self.first, len(self.following)):  # not a slice: no copy of every later quote per sentence
            later = self.following[k]
            if later.start <= current.end:
                continue
            between = self.text[current.end:later.start]
            if current.warning is not None or later.paragraph != current.paragraph + 1 \
                    or between.strip(" \n\u00a0" + _QUOTE_CHARS) or self._followed_by_cue(later):
                break
            current = later
        return Span(quote.start, current.end, self.text[quote.start:current.end])

    def _followed_by_cue(self, quote: Quote) -> bool:
        """A quote followed in its own sentence by a cue ("“…,” an opposition delegate replied") is another
        speaker's, not the continuation of an earlier quote."""
        line_end = self.text.find("\n", quote.end)
        rest = self.text[quote.end:line_end if line_end >= 0 else len(self.text)].lstrip(" " + _QUOTE_CHARS)
        sentence = rest.split(".")[0]
        same_sentence = sentence[:1] == "," or sentence[:1].islower()
        return same_sentence and self.cues.may_hold_cue(sentence)

    def quote_opened_by(self, mark: Token) -> Quote | None:
        """The quote whose opening mark is ``mark``."""
        return next((q for q in self.quotes if mark.end <= q.start and not self.text[mark.end:q.start].strip(" `")), None)


def find_attributions(
    text: str,
    paragraphs: tuple[Paragraph, ...],
    sentences: tuple[Sentence, ...],
    tokens: tuple[tuple[Token, ...], ...],
    quotes: tuple[Quote, ...],
    model: AttributionModel,
    table: CueTable,
    sources: SourceTypes,
    first_names: FirstNames,
) -> tuple[Attribution, ...]:
    """Attribution relations of every paragraph (``tokens``: the tagged tokens of each sentence), with pronoun sources
    resolved (he and she by the sex ``first_names`` and the article give a name), in text order: those the rules find
    (the cues of ``table``), then those the learned model (``model``) finds whose cue is no rule's cue or source; each
    source typed by ``sources``."""
    grouped: dict[int, list[Quote]] = {}
    for quote in quotes:
        grouped.setdefault(quote.paragraph, []).append(quote)
    by_paragraph = {paragraph: _Quotes(found) for paragraph, found in grouped.items()}
    quote_paragraphs = [quote.paragraph for quote in quotes]  # in text order
    sentences_of: dict[int, list[tuple[Sentence, list[Token]]]] = {}
    for sentence, sentence_tokens in zip(sentences, tokens):
        sentences_of.setdefault(sentence.paragraph, []).append((sentence, list(sentence_tokens)))
    ruled: list[Attribution] = []
    learned: list[Attribution] = []
    for paragraph in paragraphs:
        if paragraph.index not in sentences_of:
            continue
        paragraph_quotes = by_paragraph.get(paragraph.index, _Quotes())
        first_quote = bisect_left(quote_paragraphs, paragraph.index)
        here: list[Attribution] = []
        for sentence, sentence_tokens in sentences_of[paragraph.index]:
            context = _Context(text, paragraph, sentence_tokens, paragraph_quotes, quotes, table, sources, first_quote)
            if table.may_hold_cue(text, sentence.start, sentence.end):
                here.extend(_sentence_attributions(context, table))
            if _SEEMING.search(text, sentence.start, sentence.end):
                here.extend(_seeming(context))
        paragraph_tokens = [t for _, sentence_tokens in sentences_of[paragraph.index] for t in sentence_tokens]
        found_here, tagging = _learned_relations(
            _Context(text, paragraph, [], paragraph_quotes, quotes, table, sources, first_quote),
            [t for _, t in sentences_of[paragraph.index]], model, table)
        learned += found_here
        ruled += _heard_by_model(here, paragraph_tokens, tagging, paragraph_quotes) if tagging is not None else here
    found = _outer_minds(ruled + _beside_rules(learned, ruled), quotes)
    return tuple(_resolve_pronouns(sorted(found, key=lambda a: a.cue.start), text, tokens, quotes, first_names,
                                   sources.bodies))


def _heard_by_model(ruled: list[Attribution], tokens: list[Token], tagging: Tagging, quotes: _Quotes) -> list[Attribution]:
    """The rules' relations of a paragraph without those whose cue stands inside a quote and which the model reads
    as no cue (a probability under ``QUOTED_CUE_LEAST`` for a word of the cue): PolNeAR marks few attributions
    inside quotes ("“… what people say about …”"), and the rules mark every reporting verb there."""
    starts = [t.start for t in tokens]
    kept = []
    for relation in ruled:
        cue = relation.cue
        if quotes.at(cue.start) is not None:
            first, last = bisect_left(starts, cue.start), bisect_left(starts, cue.end) - 1
            if first <= last and min(tagging.cue_marginals[first:last + 1]) < QUOTED_CUE_LEAST \
                    and not _nested_report(relation, tokens[last]):
                continue
        kept.append(relation)
    return kept


def _nested_report(relation: Attribution, cue: Token) -> bool:
    """A past report by a named source inside a quote ("AFP writes that “Opposition sources … said Turkey had …”"):
    a nested attribution, as Slant marks them, whatever the model reads."""
    return cue.tag == "VBD" and relation.source is not None and relation.source.type != "pronoun"


def _outer_minds(found: list[Attribution], quotes: tuple[Quote, ...]) -> list[Attribution]:
    """Without the beliefs, intentions and seemings said inside a quote or another relation's content ("“We wanted
    to control it,” he said", "she said she did not believe …", "told Reuters the attackers appeared to …"): they are
    part of what the outer source says, not relations of their own (as in PolNeAR); reported speech inside a content
    stays (nested attribution)."""
    inner = [a for a in found if a.cue.cls in ("belief", "intention") or a.cue.text.lower() in _SEEMING_VERBS]
    if not inner:
        return found
    quoted = _Covered([Span(q.start, q.end, "") for q in quotes])
    said = [x.content for x in found if x.content is not None]
    dropped = {id(a) for a in inner if quoted.overlaps(a.cue) or any(
        c.start <= a.cue.start and a.cue.end <= c.end and c is not a.content for c in said)}
    return [a for a in found if id(a) not in dropped]


def _beside_rules(learned: list[Attribution], ruled: list[Attribution]) -> list[Attribution]:
    """The model's relations whose cue is no rule's cue or source, nor inside a rule's content (it is part of what
    the rule's source says); a content that is (part of) a rule's content is the rule's, so the model's relation
    keeps only its source ("…” The ministry did not comment.")."""
    covered = _Covered([span for x in ruled for span in (x.cue, x.source) if span is not None])
    contents = _Covered([x.content for x in ruled if x.content is not None])
    kept = []
    for relation in learned:
        cue = relation.cue
        if covered.overlaps(cue) or any(c.start <= cue.start and cue.end <= c.end for c in contents.spans_over(cue)):
            continue
        if relation.content is not None and contents.overlaps(relation.content):
            relation = replace(relation, content=None, quote="none")
        if relation.source is not None or relation.content is not None:
            kept.append(relation)
    return kept


def _sentence_attributions(ctx: _Context, table: CueTable) -> list[Attribution]:
    found: list[Attribution] = []
    taken: set[int] = set()
    speaker = _speaker_label(ctx)
    if speaker is not None:
        found.append(speaker)
        taken |= {i for i, t in enumerate(ctx.tokens) if t.end <= speaker.cue.end}
    for first, last, entries in _cue_matches(ctx, table):
        if taken & set(range(first, last + 1)):
            continue
        relation = next((r for e in entries if (r := _relation(ctx, first, last, e, table, found)) is not None), None)
        if relation is not None and _filler(relation.source):
            relation = replace(relation, source=None)
        if relation is not None:
            found.append(relation)
            taken |= set(range(first, last + 1))
            if relation.source is not None:
                taken |= {i for i, t in enumerate(ctx.tokens) if relation.source.start <= t.start < relation.source.end}
    return sorted(found, key=lambda a: a.cue.start)


def _filler(source: Source | None) -> bool:
    """A source that is one word of discourse, an adverb a subject stands before ("Once he was elected, …", "So says
    …", "Then he cut into …") or a time phrase ("announced Friday", "who as recently as Thursday afternoon were
    insisting", "Eight years ago"), as the rules or the model may give one: no source (the cue and content stand)."""
    return source is not None and (source.text.lower() in _FILLERS
                                   or _time_phrase(_WORD_RUN.findall(source.text.lower())))


def _time_phrase(words: list[str]) -> bool:
    """Words that are a time phrase and nothing else ("Tuesday", "late last week", "Thursday afternoon", "two years
    ago": a count of time spans)."""
    return bool(words) and all(w in _TIME_WORDS or w in _TIME_FILLERS or w in _TIME_SPANS or w in _COUNTS
                               for w in words) \
        and (any(w in _TIME_WORDS for w in words) or _counted_span(words))


def _counted_span(words: list[str]) -> bool:
    """A count before a span of time ("eight years ago", "a few months"): a time phrase, not who speaks."""
    return any(w in _TIME_SPANS and k and words[k - 1] in _COUNTS for k, w in enumerate(words))


def _seeming(ctx: _Context) -> list[Attribution]:
    """"X seems to …", "X appeared ready to …": the writer gives what X looks like, a hedge without a source and,
    as "reportedly", without a content (the words stay the writer's own, in the author's voice); PolNeAR marks these
    as cues. Not inside a quote (the quoted speaker's words), and only after a subject and before a to-infinitive or
    an adjective ("appeared at a rally" is no cue)."""
    tokens, found = ctx.tokens, []
    for i, token in enumerate(tokens[:-1]):
        following = tokens[i + 1]
        if token.lower not in _SEEMING_VERBS or ctx.quote_at(token.start) is not None or not (
                following.tag.startswith("JJ") or following.lower == "to" and i + 2 < len(tokens)
                and tokens[i + 2].tag.startswith("VB")):
            continue
        lo, hi = _window(ctx, i)
        if _subject_before(ctx, _skip_back(tokens, i - 1, lo), lo) is None:
            continue
        if _clause(ctx, i + 2 if following.lower == "to" else i + 1, hi) is not None:
            found.append(Attribution(ctx.paragraph.index, Cue(token.start, token.end, token.text, "hedge"), None, None,
                                     "none"))
    return found


def _cue_matches(ctx: _Context, table: CueTable) -> list[tuple[int, int, tuple[CueEntry, ...]]]:
    """Every cue word or phrase of the sentence as token ranges, the longest where several start together."""
    return table.matches([t.lower for t in ctx.tokens])


def _speaker_label(ctx: _Context) -> Attribution | None:
    """A transcript or interview turn opening a body paragraph: "ANN BRODY, HOST: …" (capitals), or a name of two to
    four words before a colon and a quote ("Dana Flores: “…”")."""
    tokens = ctx.tokens
    if ctx.paragraph.kind != "body" or not tokens or tokens[0].start != ctx.paragraph.start:
        return None
    colon = next((i for i, t in enumerate(tokens[:8]) if t.text == ":"), None)
    if colon is None or colon + 1 >= len(tokens):
        return None
    label = tokens[:colon]
    words = [t for t in label if t.text != ","]
    if not 2 <= len(words) <= 6 or not all(t.text.isalpha() and t.text[0].isupper() for t in words):
        return None
    capitals = all(t.text.isupper() for t in words)
    if not capitals and (len(words) > 4 or tokens[colon + 1].text not in _QUOTE_CHARS):
        return None
    cue = Cue(tokens[colon].start, tokens[colon].end, ":", "neutral")
    content = _trimmed_span(ctx.text, tokens[colon].end, ctx.paragraph.end)
    return Attribution(ctx.paragraph.index, cue, _source(ctx, 0, colon - 1), content, "direct" if content else "none")


def _trimmed_span(text: str, start: int, end: int) -> Span | None:
    while start < end and (text[start].isspace() or text[start] in _QUOTE_CHARS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _QUOTE_CHARS):
        end -= 1
    return Span(start, end, text[start:end]) if start < end else None


# -- one relation ------------------------------------------------------------------------------------------


def _relation(ctx: _Context, first: int, last: int, entry: CueEntry, table: CueTable,
              earlier: list[Attribution]) -> Attribution | None:
    tokens = ctx.tokens
    if entry.not_before is not None and entry.not_before.match(ctx.text, tokens[last].end):
        return None
    lo, hi = _window(ctx, first)
    cue_first, cls = _coloured(ctx, first, last, entry, table)
    cue = Cue(tokens[cue_first].start, tokens[last].end, ctx.text[tokens[cue_first].start:tokens[last].end], cls)  # type: ignore[arg-type]
    if entry.kind == "hedge":
        return Attribution(ctx.paragraph.index, cue, None, None, "none")
    if entry.kind == "passive":
        return _attribution(ctx, cue, None, _content_after(ctx, last + 1, hi, entry))
    if entry.kind == "phrase":
        source = _noun_phrase_after(ctx, last + 1, hi)
        if source is None:
            return None
        content = _content_after(ctx, source[1] + 1, hi, entry) if first == lo or _only_punctuation(ctx, lo, first) \
            else _content_before(ctx, lo, first)
        return _attribution(ctx, cue, _source(ctx, *source), content)
    if entry.kind == "noun":
        return _noun_relation(ctx, cue, first, last, entry, lo, hi)
    if entry.kind == "verb" and not _is_verb(tokens, first):
        return None
    if entry.kind == "verb" and last + 1 < hi and tokens[last + 1].lower == "by" and tokens[first].tag == "VBN":
        return _passive_relation(ctx, cue, first, last, lo, hi)
    return _verb_relation(ctx, cue, cue_first, last, entry, lo, hi, earlier)


def _verb_relation(ctx: _Context, cue: Cue, first: int, last: int, entry: CueEntry, lo: int, hi: int,
                   earlier: list[Attribution]) -> Attribution | None:
    tokens = ctx.tokens
    before = _skip_back(tokens, first - 1, lo)
    subject = _subject_before(ctx, before, lo)
    if subject is not None and tokens[before].text != "," and tokens[subject[1]].tag not in ("WDT", "WP") \
            and _object_of(tokens, subject[0], lo):
        subject = None  # "issued a statement saying …", "in the past said": an object is no subject ("ignored the
        # shop owners who say": the relative pronoun is)
    if subject is None and before >= lo and tokens[before].lower in ("and", "but", "or"):
        subject = _shared_subject(ctx, before, lo, earlier)  # "… confirmed A but denied B"
    if subject is not None:
        parenthetical = _parenthetical(ctx, subject[0], last, lo, hi, listener=entry.listener) \
            and not _not_content(tokens[lo:subject[0]])  # "…, CSIS says, despite …"; not "In all, X said, …"
        if parenthetical and _holds_clause(tokens[lo:subject[0]]):
            content = _content_before(ctx, lo, subject[0])
        else:  # "Since October, officials have told …", "In her post, Feinberg said, “…”": an opener, no content
            content = _content_after(ctx, last + 1, hi, entry)
            if content is None and parenthetical:
                content = _predicate_after(ctx, last, hi)
        if content is None and _no_comment(tokens, before + 1, first):  # "The ministry did not comment."
            start = tokens[before + 1].start
            cue = Cue(start, cue.end, ctx.text[start:cue.end], cue.cls)
        elif content is None and not parenthetical and not _introduces_next_paragraph(tokens, last + 1, hi):
            return None
        return _attribution(ctx, cue, _source(ctx, *subject), content)
    if before < lo or not (tokens[before].text == "," or tokens[before].text in _CLOSING):
        return None
    if not entry.listener and tokens[first].tag != "VBG":
        # "…, said the Syrian Observatory" (after "told", the noun phrase is the listener; after "…, citing the
        # ministry", the participle's object)
        source = _noun_phrase_after(ctx, last + 1, hi)
        if source is not None and _ends_clause(tokens, source[1] + 1, hi):
            return _attribution(ctx, cue, _source(ctx, *source), _content_before(ctx, lo, before + 1))
    if tokens[first].tag == "VBG":  # "…, vowing to …", "…, adding that …": the speaker of the sentence
        subject = _shared_subject(ctx, before, lo, earlier)
        content = _content_after(ctx, last + 1, hi, entry)
        if subject is not None and content is not None:
            return _attribution(ctx, cue, _source(ctx, *subject), content)
    return None


def _no_comment(tokens: list[Token], after_subject: int, first: int) -> bool:
    """A refusal to comment: "comment" negated between its subject and itself ("did not comment", "has not
    commented", "would not comment"); a relation without content, whose cue holds the negation."""
    return tokens[first].lower in _COMMENT_VERBS and any(t.lower in _NEGATIONS for t in tokens[after_subject:first])


def _introduces_next_paragraph(tokens: list[Token], i: int, hi: int) -> bool:
    """A cue and a colon that end the paragraph ("As Reuters reported:"): the content is in what follows."""
    return i < hi and tokens[i].text == ":" and i + 1 == hi


def _shared_subject(ctx: _Context, before: int, lo: int, earlier: list[Attribution]) -> tuple[int, int] | None:
    """The subject a second verb shares: the source of the last relation of this sentence, else its first noun phrase."""
    tokens = ctx.tokens
    sentence_start = tokens[lo].start
    for relation in reversed(earlier):
        if relation.source is not None and relation.cue.start >= sentence_start and relation.cue.end <= tokens[before].start:
            indexes = [i for i, t in enumerate(tokens) if relation.source.start <= t.start < relation.source.end]
            if indexes:
                return indexes[0], indexes[-1]
    return _noun_phrase_after(ctx, _after_opener(tokens, _after_dateline(tokens, lo, before), before), before, subject=True)


def _after_opener(tokens: list[Token], lo: int, hi: int) -> int:
    """Past a time phrase or a discourse marker and its comma at the start of a sentence ("Last week, the campaign
    …", "Later, …", "Essentially, …"); a name before a comma is the subject ("McConnell, R-Ky., called … and
    said")."""
    comma = next((i for i in range(lo, min(hi, lo + _MARKER_WORDS + 1)) if tokens[i].text == ","), None)
    if comma is None or any(_a_name(t) for t in tokens[lo:comma]):
        return lo
    return comma + 1 if _not_content(tokens[lo:comma]) else lo


def _a_name(token: Token) -> bool:
    """A proper noun that is no time word, discourse marker or adverb in "-ly" (which the tagger may read as a name
    at a sentence's start: "However", "Essentially")."""
    return token.tag == "NNP" and token.lower not in _TIME_WORDS and token.lower not in _DISCOURSE_MARKERS \
        and not token.lower.endswith("ly")


def _after_dateline(tokens: list[Token], lo: int, hi: int) -> int:
    """Past a dateline ("LONDON (Reuters) —") at the start of a sentence."""
    for i in range(lo, min(hi, lo + 10)):
        if tokens[i].text in ("—", "--", "–"):
            return i + 1
    return lo


def _passive_relation(ctx: _Context, cue: Cue, first: int, last: int, lo: int, hi: int) -> Attribution | None:
    """"… first reported by local media": the agent after "by" is the source, the phrase before the cue the content."""
    tokens = ctx.tokens
    if last + 1 >= hi or tokens[last + 1].lower != "by":
        return None
    source = _noun_phrase_after(ctx, last + 2, hi)
    content = _noun_phrase_back(tokens, _skip_back(tokens, first - 1, lo), lo)
    if source is None:
        return None
    return _attribution(ctx, cue, _source(ctx, *source), ctx.span(*content) if content else None)


def _noun_relation(ctx: _Context, cue: Cue, first: int, last: int, entry: CueEntry, lo: int, hi: int) -> Attribution | None:
    """"Feld’s claim that …": a noun cue before "that"; its possessor is the source."""
    tokens = ctx.tokens
    if not tokens[first].tag.startswith("NN") or last + 1 >= hi or tokens[last + 1].lower != "that":
        return None
    content = _content_after(ctx, last + 1, hi, entry)
    if content is None:
        return None
    source = None
    if first - 1 >= lo and tokens[first - 1].tag == "POS":
        phrase = _noun_phrase_back(tokens, first - 2, lo)
        source = _source(ctx, *phrase) if phrase is not None else None
    return _attribution(ctx, cue, source, content)


def _parenthetical(ctx: _Context, subject_first: int, cue_last: int, lo: int, hi: int, *, listener: bool) -> bool:
    """A source and cue set off after their content: a comma or quote before the source, and after the cue only a
    time phrase, a prepositional phrase, a comma or the sentence end (after a listener verb: no that-clause,
    colon or quote)."""
    tokens = ctx.tokens
    if subject_first <= lo or not (tokens[subject_first - 1].text == "," or tokens[subject_first - 1].text in _CLOSING):
        return False
    return _skip_object(tokens, cue_last + 1, hi) >= hi if listener else _ends_clause(tokens, cue_last + 1, hi)


def _holds_clause(tokens: list[Token]) -> bool:
    """Words that can be a content: they hold a verb or end in a closing quote mark. An opener before a source
    ("Since October", "In her post about the tweet", "In particular") does neither."""
    words = [t for t in tokens if t.text not in ",;:—–-"]
    return any(map(_verbal, words)) or bool(words) and words[-1].text in _CLOSING


def _predicate_after(ctx: _Context, last: int, hi: int) -> Span | None:
    """The rest of a clause a source and cue interrupt after its subject ("The move, Carr explained, was the result
    of …"): a comma after the cue, then a verb."""
    tokens = ctx.tokens
    if last + 2 < hi and tokens[last + 1].text == "," and _verbal(tokens[last + 2]):
        return _clause(ctx, last + 2, hi)
    return None


def _ends_clause(tokens: list[Token], i: int, hi: int) -> bool:
    """Nothing but adverbs ("then", "sarcastically"), time phrases and prepositional phrases ("on Friday", "for the
    majority", "to the convention", "Wednesday morning on MSNBC") before a comma, the end, or a participle clause
    ("when asked about …", "after meeting …")."""
    while True:
        j = _skip_prepositional(tokens, _skip_time(tokens, i, hi), hi)
        while j < hi and (tokens[j].tag in _ADVERB_TAGS and tokens[j].lower not in _NEGATIONS
                          or tokens[j].lower in _TIME_WORDS):
            j += 1
        if j + 1 < hi and tokens[j].lower == "to" and tokens[j + 1].tag in _NP_TAGS:
            j = _skip_noun_phrase(tokens, j + 1, hi)
        if j == i:
            break
        i = j
    if i + 1 < hi and tokens[i].lower in _PARTICIPLE_OPENERS and tokens[i + 1].tag in ("VBN", "VBG"):
        return True
    return i >= hi or tokens[i].text in ".,;:!?" + _CLOSING


def _verbal(token: Token) -> bool:
    """A verb or a modal."""
    return token.tag.startswith("VB") or token.tag == "MD"


def _skip_noun_phrase(tokens: list[Token], i: int, hi: int) -> int:
    """Over the words of a noun phrase from ``i`` ("the state's governor", "a group of them")."""
    while i < hi and (tokens[i].tag in _NP_TAGS or tokens[i].lower in ("of", "'s", "’s")):
        i += 1
    return i


def _skip_prepositional(tokens: list[Token], i: int, hi: int) -> int:
    """Over prepositional phrases ("on social media", "in a statement", "for the majority") and time phrases."""
    while i < hi and tokens[i].tag == "IN" and tokens[i].lower not in ("that", "if", "because", "as", "while"):
        j = _skip_noun_phrase(tokens, i + 1, hi)
        if j == i + 1:
            break
        i = _skip_time(tokens, j, hi)
    return i


def _window(ctx: _Context, first: int) -> tuple[int, int]:
    """The token range a cue is read in: the sentence, or the quote it stands in (nested attribution)."""
    quote = ctx.quote_at(ctx.tokens[first].start)
    if quote is None:
        return 0, len(ctx.tokens)
    inside = [i for i, t in enumerate(ctx.tokens) if quote.start <= t.start and t.end <= quote.end]
    return inside[0], inside[-1] + 1


def _coloured(ctx: _Context, first: int, last: int, entry: CueEntry, table: CueTable) -> tuple[int, str]:
    """An adverb right before the cue ("bluntly said") joins it and gives its class."""
    if first > 0 and ctx.tokens[first - 1].lower in table.adverbs and entry.kind != "hedge":
        return first - 1, table.adverbs[ctx.tokens[first - 1].lower]
    return first, entry.cls


def _is_verb(tokens: list[Token], i: int) -> bool:
    """A reporting verb in use, not a noun ("the claim") or an agentless passive ("clashes were reported")."""
    pos = tokens[i].tag
    if pos == "NNS" and 0 < i and tokens[i - 1].tag in _NOUN_TAGS and (i + 1 == len(tokens) or tokens[i + 1].text in ".,;"):
        return True  # "…, the ACLED report claims.": the tagger reads a clause-final verb as a plural noun
    if pos == "NN" and i > 1 and tokens[i - 1].lower in _NEGATIONS and tokens[i - 2].lower in _DO_MODALS:
        return True  # "The ministry did not comment.": the tagger reads a negated base form as a noun
    if not pos.startswith("VB"):
        return False
    if pos in ("VBN", "VBD") and 0 < i < len(tokens) - 1 and tokens[i - 1].tag == "CD" and tokens[i + 1].tag.startswith("NN"):
        return False  # "270 pledged delegates": a participle that modifies a noun
    if pos == "VBN" and i > 0 and tokens[i - 1].lower in ("was", "were", "been", "be", "is", "are", "being"):
        return i + 1 < len(tokens) and tokens[i + 1].lower == "by"
    return True


def _skip_back(tokens: list[Token], i: int, lo: int) -> int:
    """Back over auxiliaries, adverbs and a time phrase ("has also", "on Friday") between a subject and its verb."""
    while i >= lo:
        word = tokens[i]
        if word.lower in _AUXILIARIES or word.tag in ("MD", "RB", "RBR", "RBS") or _NEGATED_AUXILIARY.fullmatch(word.lower):
            i -= 1
        elif word.lower in _TIME_WORDS and i - 1 >= lo and tokens[i - 1].tag in ("IN", "DT", "JJ"):
            i -= 2
        else:
            break
    return i


def _subject_before(ctx: _Context, end: int, lo: int) -> tuple[int, int] | None:
    """The subject ending at ``end``: a noun phrase, with an appositive or a relative clause set off by commas
    ("Colonel X, the deputy head of Y, told"; "Doctors Without Borders, which runs clinics, said"), without a
    participle clause so set off ("Fiorina, speaking to Iowans, said"), or the noun
    phrase before a relative pronoun with it ("a survey that" found; PolNeAR marks the pronoun)."""
    tokens = ctx.tokens
    if end < lo:
        return None
    if tokens[end].text == ",":
        opening = next((j for j in range(end - 1, max(lo, end - 20) - 1, -1) if tokens[j].text in (",", "“", '"', "”")), None)
        if opening is None or tokens[opening].text != "," or opening == end - 1:
            return None
        if " ".join(t.lower for t in tokens[opening + 1:end]) in _DISCOURSE_MARKERS:
            return _subject_before(ctx, opening - 1, lo)  # "The minister, meanwhile, dismisses …"
        inner = tokens[opening + 1]
        apposition = inner.tag in ("DT", "PRP$", "WP", "WDT", "CD", "NNP", "JJ", "NN") or inner.lower in ("who", "which")
        # "Fiorina, speaking to Iowans, said": the participle clause is no part of the source ("including" is)
        participle = inner.tag in ("VBG", "VBN") and inner.lower != "including"
        head = _noun_phrase_back(tokens, opening - 1, lo)
        if participle and head is not None and head[0] > lo and tokens[head[0] - 1].text == ",":
            set_off = _subject_before(ctx, opening, lo)  # "Sen. Ana Ruiz, D-N.M., appearing on CNN, said"
            inside_relative = set_off is not None and set_off[0] > lo and tokens[set_off[0] - 1].tag in ("WP", "WDT")
            return None if inside_relative else set_off
        if not (apposition or participle) or head is None \
                or not (participle or _has_name(tokens, head) or tokens[head[0]].tag == "DT") \
                or _object_of(tokens, head[0], lo):
            return None
        return (head[0], end - 1) if apposition else head
    if tokens[end].tag in ("WDT", "WP") and end - 1 >= lo:  # "a 2023 district survey that found"
        head = _noun_phrase_back(tokens, end - 1, lo)
        return (head[0], end) if head is not None else None
    phrase = _noun_phrase_back(tokens, end, lo)
    if phrase is None:
        return None
    return _with_relative_clause(tokens, phrase, lo)


def _object_of(tokens: list[Token], first: int, lo: int) -> bool:
    """A noun phrase that follows a preposition or a verb is its object, no subject ("Trump, speaking at a rally in
    Wilmington, N.C., warned"; "Cory James, 22, of Flint, Mich., said")."""
    before = tokens[first - 1] if first - 1 >= lo else None
    return before is not None and (before.tag in ("IN", "TO") and before.lower not in _SUBORDINATORS
                                   or before.tag.startswith("VB"))


def _noun_phrase_back(tokens: list[Token], end: int, lo: int) -> tuple[int, int] | None:
    """The noun phrase that ends at ``end``, read backwards; None unless it holds a noun or a pronoun."""
    if end < lo:
        return None
    if tokens[end].tag == "PRP":
        return (end, end) if tokens[end].lower in _PRONOUNS else None
    i = end
    while i >= lo:
        word = tokens[i]
        previous = tokens[i - 1] if i - 1 >= lo else None
        if word.tag in ("DT", "PDT", "PRP$") and previous is not None and previous.tag in _NOUN_TAGS:
            i -= 1
            break  # "the day | the Syrian opposition factions": a determiner after a noun starts the phrase
        if word.tag == "VBN" and previous is not None and previous.lower in ("has", "have", "had", "having"):
            break  # "has had no conversations with …": a verb, not a modifier
        if word.tag in _NP_TAGS or word.text in ("&", "/", "(", ")") or word.tag in ("-LRB-", "-RRB-"):
            i -= 1
        elif word.lower in _NP_PREPOSITIONS and previous is not None and i < end and tokens[i + 1].tag in _NP_TAGS and (
                previous.tag in _NOUN_TAGS | {"NNPS"} or _post_modifier(tokens, i - 1, lo)):
            i -= 1
        elif word.tag in ("VBD", "JJ", "RB") and _post_modifier(tokens, i, lo) and i < end:
            i -= 1
        elif word.lower in ("and", "&") and previous is not None and previous.tag.startswith("NNP") \
                and i < end and tokens[i + 1].tag.startswith("NNP"):
            i -= 1
        else:
            break
    start = i + 1
    while start <= end and (tokens[start].tag in ("IN", "CC", "POS") or tokens[start].text in ("(", ")", "/")):
        start += 1
    if start > end:
        return None
    if not any(t.tag in _NOUN_TAGS for t in tokens[start:end + 1]) and not (
            tokens[end].tag == "JJ" and end > start and tokens[start].tag == "DT"):  # "The general", "The accused"
        return None
    return start, end


def _post_modifier(tokens: list[Token], i: int, lo: int) -> bool:
    """A participle or adjective after a plural or mass noun that starts a modifier ("Videos shared on",
    "Photos posted on", "Officials close to", "people familiar with")."""
    word = tokens[i]
    shaped = word.tag in ("VBN", "VBD") and word.lower.endswith(("ed", "en", "wn")) or word.tag in ("JJ", "RB")
    return shaped and i - 1 >= lo and tokens[i - 1].tag in ("NN", "NNS") and i + 1 < len(tokens) \
        and tokens[i + 1].lower in _NP_PREPOSITIONS


def _with_relative_clause(tokens: list[Token], phrase: tuple[int, int], lo: int) -> tuple[int, int]:
    """Extend "anonymity" back to "Officials who spoke on condition of anonymity" when a relative clause precedes."""
    for j in range(phrase[0] - 1, max(lo, phrase[0] - 10) - 1, -1):
        if tokens[j].tag in ("WP", "WDT") and j - 1 >= lo:
            head = _noun_phrase_back(tokens, j - 1, lo)
            if head is not None:
                return head[0], phrase[1]
        if tokens[j].text in ",;:" or tokens[j].text in _QUOTE_CHARS:
            break
    return phrase


def _has_name(tokens: list[Token], phrase: tuple[int, int]) -> bool:
    return any(t.tag.startswith("NNP") or t.tag == "PRP" for t in tokens[phrase[0]:phrase[1] + 1])


def _noun_phrase_after(ctx: _Context, start: int, hi: int, *, subject: bool = False) -> tuple[int, int] | None:
    """The noun phrase starting at ``start`` ("the Syrian Observatory for Human Rights", "AP", "he"), with an
    appositive after a comma ("Maria Lopez, a nurse at the clinic"). ``subject``: the first noun phrase of a clause."""
    tokens = ctx.tokens
    i = start
    if i < hi and tokens[i].tag == "PRP":
        return (i, i) if tokens[i].lower in _PRONOUNS else None
    while i < hi and (tokens[i].tag in _NP_TAGS or tokens[i].text in ("&", "/", "(", ")")
                      or (tokens[i].lower in ("of", "for") and i > start and i + 1 < hi and tokens[i + 1].tag in _NP_TAGS)
                      or (tokens[i].lower in ("in", "at", "from") and i > start and _name_follows(tokens, i + 1, hi))
                      or (tokens[i].lower in ("and", "&") and i > start and i + 1 < hi and tokens[i + 1].tag.startswith("NNP")
                          and tokens[i - 1].tag.startswith("NNP"))):
        if tokens[i].text == ")" and not any(t.text == "(" for t in tokens[start:i]) \
                or subject and tokens[i].tag == "VBN" and i > start and tokens[i - 1].tag in _NOUN_TAGS:
            break  # "the campaign called on …": the verb after its subject
        i += 1
    end = i - 1
    while end >= start and tokens[end].tag in ("IN", "CC", "DT", "POS") or end >= start and tokens[end].text in "(/&":
        end -= 1
    if end < start or not any(t.tag in _NOUN_TAGS for t in tokens[start:end + 1]):
        return None
    if not subject and end + 2 < hi and tokens[end + 1].text == "," and tokens[end + 2].tag in ("DT", "PRP$"):
        appositive = _noun_phrase_after(ctx, end + 2, hi)
        if appositive is not None and not (appositive[1] + 1 < hi and _verbal(tokens[appositive[1] + 1])):
            end = appositive[1]  # "Maria Lopez, a nurse at the clinic", not "X, the bridge collapsed"
    relative = end + 1 if end + 1 < hi and tokens[end + 1].text != "," else end + 2
    if not subject and relative < hi and tokens[relative].lower in ("who", "which"):  # "…, a neurologist who was …"
        end = _last_word(tokens, hi)
    return start, end


def _name_follows(tokens: list[Token], i: int, hi: int) -> bool:
    """A proper name (maybe after "the") starts at ``i``: "in Raqqa", "at the University of Michigan"."""
    if i < hi and tokens[i].lower == "the":
        i += 1
    return i < hi and tokens[i].tag.startswith("NNP") and tokens[i].lower not in _TIME_WORDS


def _last_word(tokens: list[Token], hi: int) -> int:
    """The last token of the window that is not closing punctuation."""
    end = hi - 1
    while end > 0 and not tokens[end].text[0].isalnum():
        end -= 1
    return end


def _only_punctuation(ctx: _Context, lo: int, first: int) -> bool:
    return all(not t.text[0].isalnum() for t in ctx.tokens[lo:first])


# -- content -------------------------------------------------------------------------------------------------


def _content_after(ctx: _Context, start: int, hi: int, entry: CueEntry) -> Span | None:
    """What a cue introduces: a quote right after it, a that-clause, a clause with no "that" ("confirmed it would
    close"), a to-infinitive (intent cues), an object with "as" ("dismissed it as …"), or any clause (``content``
    column "clause"). Time and prepositional phrases before it are skipped ("wrote on social media that")."""
    tokens = ctx.tokens
    i = _skip_object(tokens, start, hi) if entry.listener else start
    i = _skip_prepositional(tokens, _skip_time(tokens, i, hi), hi)
    i = _to_complementizer(tokens, i, hi)
    introduced = colon = False
    while i < hi and (tokens[i].text in (",", ":") or tokens[i].lower == "that"):
        colon = colon or tokens[i].text == ":"
        introduced = introduced or colon or tokens[i].lower == "that" and _complementizer(tokens, i, hi)
        i += 1
    if i >= hi:
        return None
    quote = ctx.quote_opened_by(tokens[i]) if tokens[i].text in _QUOTE_CHARS else None
    if quote is not None:
        return ctx.whole_quote(quote)
    single = _single_quoted(ctx, i, hi)
    if single is not None:
        return single
    if tokens[i].lower == "to" and entry.content == "to":
        i += 1
    elif entry.content != "clause" and not introduced and not _starts_clause(tokens, i, hi) \
            and not _object_as(tokens, i, hi):
        return None
    return _clause(ctx, i, hi, cut=not colon)  # a colon introduces all that follows ("reads: a; b")


def _complementizer(tokens: list[Token], i: int, hi: int) -> bool:
    """"that" opening a clause, not a pronoun ("not expecting that to change") or a determiner ("dismissed that
    suggestion.")."""
    if i + 2 >= hi or tokens[i + 2].text in ".,;:!?":
        return False
    return tokens[i + 1].lower != "to" and tokens[i + 1].text not in ".,;:!?"


def _to_complementizer(tokens: list[Token], i: int, hi: int) -> int:
    """Past a short run of words without a verb or punctuation before "that" ("ruled 6 to 3 on Thursday that")."""
    for j in range(i, min(hi, i + 8)):
        if tokens[j].lower == "that":
            return j
        if _verbal(tokens[j]) or not tokens[j].text[0].isalnum():
            break
    return i


def _starts_clause(tokens: list[Token], i: int, hi: int) -> bool:
    """A subject and its verb start at ``i`` ("it would close", "the participants were", "crowds gathering")."""
    if i >= hi or tokens[i].tag not in _NP_TAGS | {"PRP", "EX"}:
        return False
    for j in range(i + 1, min(hi, i + 9)):
        if _verbal(tokens[j]):
            return tokens[j].tag != "VBN" or tokens[j - 1].tag in ("VBZ", "VBD", "VBP", "MD")
        if tokens[j].tag not in _NP_TAGS | {"IN", "CC", "PRP", "RB"} and tokens[j].text not in ("-",):
            return False
    return False


def _object_as(tokens: list[Token], i: int, hi: int) -> bool:
    """An object described "as" something ("dismissed the findings as outdated", "blasted ref Dean as “a disgrace”")."""
    return any(t.lower == "as" for t in tokens[i + 1:min(hi, i + 8)]) and tokens[i].tag in _NP_TAGS | {"PRP"}


def _single_quoted(ctx: _Context, i: int, hi: int) -> Span | None:
    """Words in single marks right after a cue inside a double quote ("told me ‘never again’"), which the quote
    finder leaves inside the outer quote."""
    tokens = ctx.tokens
    if tokens[i].text not in ("‘", "'"):
        return None
    for j in range(i + 1, hi):
        if tokens[j].text in ("’", "'") and not ctx.text[tokens[j].end:tokens[j].end + 1].isalpha():
            return Span(tokens[i].end, tokens[j].start, ctx.text[tokens[i].end:tokens[j].start]) if j > i + 1 else None
    return None


def _skip_object(tokens: list[Token], i: int, hi: int) -> int:
    """After a listener verb ("told reporters in a briefing on Friday"), the content starts at "that", a colon or a
    quote, or at a clause right after the listener ("told SunSport Bellini will write")."""
    for j in range(i, hi):
        if tokens[j].lower == "that" or tokens[j].text in (":", "“", '"', "‘"):
            return j
    listener = _noun_phrase_span(tokens, i, hi)
    if listener is not None and _starts_clause(tokens, listener + 1, hi):
        return listener + 1
    return hi


def _noun_phrase_span(tokens: list[Token], i: int, hi: int) -> int | None:
    """The last token of a short listener phrase at ``i`` ("him", "SunSport", "the Daily News")."""
    if i < hi and tokens[i].tag == "PRP":
        return i
    j = i
    while j < hi and j < i + 4 and (tokens[j].tag in ("DT", "NNP", "NNPS") or tokens[j].tag == "NNS" and j == i):
        j += 1
    return j - 1 if j > i else None


def _skip_time(tokens: list[Token], i: int, hi: int) -> int:
    """Over a time phrase right after the cue ("said on Saturday that", "said Tuesday", "said late last week")."""
    j = i
    while j < hi and tokens[j].lower in _TIME_FILLERS:
        j += 1
    if j < hi and tokens[j].lower in _TIME_WORDS:
        return j + 1
    return i


def _content_before(ctx: _Context, lo: int, end: int) -> Span | None:
    """The content of an inverted clause: the quote just before the cue, else the clause before it."""
    tokens = ctx.tokens
    if end <= lo:
        return None
    last = end - 1
    while last >= lo and not tokens[last].text[0].isalnum() and tokens[last].text not in _CLOSING:
        last -= 1
    if last >= lo and tokens[last].text in _CLOSING:
        quote = ctx.quotes.ending_in(_after_last_word(ctx.text, ctx.paragraph.start, tokens[last].start), tokens[last].start)
        if quote is not None:
            return Span(quote.start, quote.end, ctx.text[quote.start:quote.end])
    return _clause(ctx, lo, end)


def _after_last_word(text: str, lo: int, end: int) -> int:
    """The position just after the last word character (``\\w``) of ``text[lo:end]``, or ``lo``."""
    while end > lo and not (text[end - 1].isalnum() or text[end - 1] == "_"):
        end -= 1
    return end


def _clause(ctx: _Context, first: int, hi: int, *, cut: bool = True) -> Span | None:
    """The text from token ``first`` to the window's end or, with ``cut``, to a new clause (", but", ";",
    ", calling …"), without joining punctuation at either edge (punctuation inside a quote stays)."""
    tokens = ctx.tokens[first:hi]
    for k in range(1, len(tokens) - 1) if cut else ():
        if tokens[k].text == ";" or tokens[k].text == "," and (
                tokens[k + 1].lower in ("but", "while", "whereas") or tokens[k + 1].lower in _SPEECH_PARTICIPLES):
            tokens = tokens[:k]
            break
    while tokens and tokens[-1].text in ".,;:!?" + "”\"’'»" and not _quoted_inside(ctx, tokens[-1], tokens[0]):
        if tokens[-1].text in _CLOSING and any(t.text in "“\"‘'«" for t in tokens[:-1]):
            break
        tokens = tokens[:-1]
    while tokens and tokens[0].text in ",;:":
        tokens = tokens[1:]
    if not tokens or not any(t.text[0].isalnum() for t in tokens):
        return None
    start, end = tokens[0].start, tokens[-1].end
    return Span(start, end, ctx.text[start:end])


def _quoted_inside(ctx: _Context, token: Token, first: Token) -> bool:
    """Whether ``token`` lies in a quote that opens inside the content (its punctuation is the quote's)."""
    quote = ctx.quote_at(token.start)
    return quote is not None and quote.start > first.start


def _attribution(ctx: _Context, cue: Cue, source: Source | None, content: Span | None) -> Attribution:
    return Attribution(ctx.paragraph.index, cue, source, content, _quote_type(ctx, content))  # type: ignore[arg-type]


def _quote_type(ctx: _Context, content: Span | None) -> str:
    """direct: the content is a quote; mixed: a paraphrase with quoted fragments; indirect: no quote marks (a
    quote around both cue and content, as in nested attribution, does not count)."""
    if content is None:
        return "none"
    overlapping = ctx.quotes.overlapping(content.start, content.end)
    if any(abs(q.start - content.start) <= 1 and abs(content.end - q.end) <= 1 for q in overlapping):
        return "direct"
    enclosing = [q for q in overlapping if q.start <= content.start and content.end <= q.end]
    return "mixed" if len(overlapping) > len(enclosing) else "indirect"


# -- relations the learned model finds ------------------------------------------------------------------------


def _learned_relations(paragraph: _Context, sentences: list[list[Token]], model: AttributionModel,
                       table: CueTable) -> tuple[list[Attribution], Tagging | None]:
    """The model's cue spans in one paragraph (``paragraph``: its context, without tokens), each with the source and
    content spans nearest to it (a source or content goes to its nearest cue). A relation is kept when it has a
    source, or a content and a cue word (of ``data/cues.tsv``, or a word PolNeAR's dev part marks as part of a cue
    in more than 35% of its uses: "refuses", "criticism"); a cue without a word of ``data/cues.tsv`` only when the
    model gives each of its tokens a probability of at least one half of being a cue ("attacked", "went to" are cues
    in some sentences only); a lone preposition, determiner or conjunction is no cue; a content that is a lone word,
    a time phrase or a discourse marker is no content; a naming verb is dropped when its words are quoted ("called X ‘…’": scare quotes, see the loaded-language analyzer) or absent.
    Returns them with the model's tagging of the paragraph (None when it has no tokens)."""
    tokens = [t for sentence in sentences for t in sentence]
    if not tokens:
        return [], None
    marks = cue_marks([t.lower for t in tokens], table)
    tagging = model.tag_paragraph(sentences, paragraph.quotes, marks)
    spans = labels_to_spans(tagging.labels)
    cues = [s for s in spans if s.role == "cue"]
    if not cues:
        return [], tagging
    firsts = [c.first for c in cues]
    parts: dict[LabelledSpan, dict[str, LabelledSpan]] = {c: {} for c in cues}
    for span in spans:
        if span.role == "cue":
            continue
        after = bisect_left(firsts, span.first)
        cue = min(cues[max(0, after - 1):after + 1], key=lambda c: _distance(c, span))
        held = parts[cue].get(span.role)
        if held is None or _distance(cue, span) < _distance(cue, held):
            parts[cue][span.role] = span
    ctx = replace(paragraph, tokens=tokens)
    relations = []
    for cue_span in cues:
        source, content = parts[cue_span].get("source"), parts[cue_span].get("content")
        addressed = source is not None and source.last < cue_span.first \
            and _addressed(tokens[cue_span.first:cue_span.last + 1])
        if addressed or source is not None and _object_after(tokens, cue_span, source):
            source = None  # "Blumenthal was asked, “…”": the listener; the one who asks is the source
        content_span = _learned_content(ctx, content) if content else None
        listed = any(marks[cue_span.first:cue_span.last + 1])
        often = listed or addressed or any(model.often_a_cue(t.lower) for t in tokens[cue_span.first:cue_span.last + 1])
        if cue_span.first == cue_span.last and tokens[cue_span.first].tag in _FUNCTION_TAGS \
                or not listed and (tagging.cue_probability(cue_span) < _UNLISTED_CUE_LEAST
                                   or _rarely_a_cue(tokens[cue_span.first:cue_span.last + 1], model)) \
                or source is None and (content_span is None or not often) \
                or _naming(tokens[cue_span.first:cue_span.last + 1]) and _scare_quoted(content_span):
            continue
        cue_text = ctx.span(cue_span.first, cue_span.last)
        cue = Cue(cue_text.start, cue_text.end, cue_text.text, _learned_class(marks, cue_span))  # type: ignore[arg-type]
        source_span = _source(ctx, source.first, source.last) if source else None
        relations.append(_attribution(ctx, cue, None if _filler(source_span) else source_span, content_span))
    return relations, tagging


def _object_after(tokens: list[Token], cue: LabelledSpan, source: LabelledSpan) -> bool:
    """A source the model finds after a verb cue that is no speaker inverted after a quote or a comma ("“…,” said
    Smith", "…, said the ministry") nor a passive's agent ("was asked by Bill Maher"): the participle's object ("…, citing the ministry"), the object of a verb not so
    set off ("told reporters", "denied the report"), or the subject of the content, a finite verb after it ("said
    Trump would …")."""
    verb = tokens[cue.last]
    if source.first <= cue.last or not verb.tag.startswith("VB") or tokens[source.first - 1].lower == "by":
        return False  # "was asked by host Bill Maher": the passive's agent speaks
    inverted = cue.first > 0 and (tokens[cue.first - 1].text == "," or tokens[cue.first - 1].text in _CLOSING)
    after = tokens[source.last + 1] if source.last + 1 < len(tokens) else None
    return verb.tag == "VBG" or not inverted or after is not None and after.tag in _FINITE_VERBS


def _rarely_a_cue(cue: list[Token], model: AttributionModel) -> bool:
    """A model cue whose verbs and nouns are all words PolNeAR's dev part seldom marks as part of a cue ("“…” The
    hospital closed a day later"): an action, not an attribution."""
    words = [t for t in cue if t.tag.startswith(("VB", "NN"))]
    return bool(words) and all(model.rarely_a_cue(t.lower) for t in words)


def _addressed(cue: list[Token]) -> bool:
    """A passive of a verb whose object is the one spoken to ("was asked", "has been pressed on", "were also told"):
    an auxiliary of the passive, then the participle, adverbs between."""
    for k, token in enumerate(cue):
        if token.lower in _ADDRESSED and token.tag == "VBN":
            return any(t.lower in _PASSIVE_AUXILIARIES for t in cue[:k])
    return False


def _naming(cue: list[Token]) -> bool:
    """A cue of a naming verb ("called", "described as"), not a demand or an appeal ("called for", "called on")."""
    return cue[0].lower in _NAMING_VERBS and not (len(cue) > 1 and cue[-1].lower in ("for", "on", "upon"))


def _scare_quoted(content: Span | None) -> bool:
    """A naming verb's words are scare quotes when they are quoted ("called the reports ‘fabrications’") or when
    there are none; "called for talks", "called him a liar" are attributions."""
    return content is None or any(mark in content.text for mark in _QUOTE_CHARS)


def _distance(a: LabelledSpan, b: LabelledSpan) -> int:
    return b.first - a.last if b.first > a.last else a.first - b.last


def _learned_class(marks: list[str], cue: LabelledSpan) -> str:
    """The class of the first cue word of ``data/cues.tsv`` inside the span, else neutral."""
    return next((m.split(":")[1] for m in marks[cue.first:cue.last + 1] if m and not m.startswith("in:")), "neutral")


def _learned_content(ctx: _Context, content: LabelledSpan) -> Span | None:
    """The model's content, unless it is only time words or discourse markers ("Tuesday", "In all")."""
    if _not_content(ctx.tokens[content.first:content.last + 1]):
        return None
    return ctx.span(content.first, content.last)


def _not_content(tokens: list[Token]) -> bool:
    """Words that are never a content on their own: a time phrase ("Tuesday", "late last week"), a discourse marker
    ("In all", "meanwhile"), a single word ("comment"). Read until it is none of them: more words than a discourse
    marker, one of them no word of a time phrase."""
    words: list[str] = []
    timeless = False
    for token in tokens:
        if token.text[0].isalnum():
            words.append(token.lower)
            timeless = timeless or words[-1] not in _TIME_WORDS and words[-1] not in _TIME_FILLERS
            if timeless and len(words) > _MARKER_WORDS:
                return False
    return len(words) < 2 or " ".join(words) in _DISCOURSE_MARKERS or _time_phrase(words)


class _Covered:
    """Stretches of text (the rules' spans), asked by bisection whether a span overlaps one of them."""

    def __init__(self, spans: Iterable[Span]) -> None:
        self.ordered = sorted(spans, key=lambda s: (s.start, s.end))
        self.starts = [s.start for s in self.ordered]
        self.reach = list(accumulate((s.end for s in self.ordered), max))  # the furthest end up to each start

    def spans_over(self, span: Span) -> list[Span]:
        """The stretches that start before ``span`` ends and reach past its start."""
        before = bisect_left(self.starts, span.end)
        if not before or self.reach[before - 1] <= span.start:
            return []
        return [s for s in self.ordered[:before] if s.end > span.start]

    def overlaps(self, span: Span) -> bool:
        before = bisect_left(self.starts, span.end)  # the stretches that start before the span ends
        return before > 0 and self.reach[before - 1] > span.start


# -- sources -------------------------------------------------------------------------------------------------


def _source(ctx: _Context, first: int, last: int) -> Source:
    """The source of ``tokens[first..last]``, without the sentence adverb before it ("Yet House Speaker Nancy
    Pelosi", "Nevertheless, experts")."""
    tokens = ctx.tokens
    while first < last and (tokens[first].lower in _LEADING_ADVERBS or tokens[first].text == ","):
        first += 1
    span = ctx.span(_number_start(tokens, first), last)
    return Source(span.start, span.end, span.text, ctx.sources.type_of(span.text))  # type: ignore[arg-type]


def _number_start(tokens: list[Token], first: int) -> int:
    """Where a source that starts inside a number written with thousands separators starts: the number's first token
    ("43,000 residents" is tokenized "43", ",", "000", as the models were trained)."""
    while (first >= 2 and tokens[first].text.isdigit() and tokens[first - 1].text == "," and tokens[first - 2].text.isdigit()
           and tokens[first - 2].end == tokens[first - 1].start and tokens[first - 1].end == tokens[first].start):
        first -= 2
    return first


def _resolve_pronouns(attributions: list[Attribution], text: str, tokens: Sequence[Sequence[Token]],
                      quotes: tuple[Quote, ...], first_names: FirstNames, bodies: Collection[str]) -> list[Attribution]:
    """Point each pronoun source at whom it names: "he", "she" (and "him", "his", "her") at a person named before it
    (``_antecedents``), or at the named source that holds that name; "who" at the person named right before it
    (``_relative_at``: "CBS moderator John Dickerson, who wanted"), else none;
    "it", "we" at the most recent source that is a body, "they" at the most recent that is a body or unnamed people
    ("Military analysts say … they said"), where it spoke in the pronoun's sentence or the one before
    (``_BODY_SENTENCES``)."""
    sexed = {x.source.start: x.content for x in attributions if _is_sexed(x.source)}
    relative = any(x.source is not None and x.source.type == "pronoun" and _pronoun_word(x.source.text)
                   in _RELATIVE_PERSONAL for x in attributions)
    sentence_starts = [sentence[0].start for sentence in tokens if sentence]
    people = _people(attributions, text, tokens, sentence_starts, first_names, bodies) if sexed or relative else []
    antecedents = _antecedents(people, tokens, quotes, sexed) if sexed else {}
    named_before = {at: person.name for person in people if (at := _relative_at(text, person.end)) >= 0} \
        if relative else {}
    resolved: list[Attribution] = []
    last_body: Source | None = None
    last_group: Source | None = None  # a body, or people the source does not name ("officials", "critics")
    for attribution in attributions:
        source = attribution.source
        if source is not None and source.type == "pronoun":
            word = _pronoun_word(source.text)
            if word in _UNRESOLVED:
                target = None
            elif word in _SEX_OF_PRONOUN:
                target = antecedents.get(source.start)
            elif word in _RELATIVE_PERSONAL:
                target = named_before.get(source.start)
            else:
                last = last_group if word in _PLURAL else last_body
                near = last is not None and bisect_right(sentence_starts, source.start) \
                    - bisect_right(sentence_starts, last.start) <= _BODY_SENTENCES
                target = last if near else None
            if target is not None:
                source = Source(source.start, source.end, source.text, "pronoun", Span(target.start, target.end, target.text))
                attribution = Attribution(attribution.paragraph, attribution.cue, source, attribution.content, attribution.quote)
        elif source is not None and source.type not in ("person", "social_media") and not _is_named_person(source):
            last_group = source
            last_body = source if source.type != "anonymous" else last_body
        resolved.append(attribution)
    return resolved


def _pronoun_word(word: str) -> str:
    """A pronoun in lower case without a contraction ("I've": i, "She'd": she)."""
    return _CONTRACTION.sub("", word.lower())


_CONTRACTION = re.compile(r"[’'].*")


def _relative_at(text: str, end: int) -> int:
    """Where a relative "who" that a name ending at ``end`` holds would start: after a comma and a place of the
    name ("Sanders, who"; "former Representative Ron Paul of Texas, who"), else nowhere (-1)."""
    after = _NAME_TO_RELATIVE.match(text, end)
    return after.end() if after else -1


_NAME_TO_RELATIVE = re.compile(r"(?:\s+of\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?\s*,\s*(?=[Ww]ho\b)")


def _is_sexed(source: Source | None) -> bool:
    """A pronoun source that names a sex ("he", "her", "he'd")."""
    return source is not None and source.type == "pronoun" and _pronoun_word(source.text) in _SEX_OF_PRONOUN


@dataclass(frozen=True)
class _Person:
    """A mention of a person, as a pronoun's antecedent: where it stands (``start``, ``end``: a name, or a he or she
    that stands for one), the name it stands for (or the named source that holds it), the sex it tells, its
    sentence, and how likely a later "he" or "she" is to mean it (``salience``: lower first)."""

    start: int
    end: int
    name: Span
    sex: Sex | None
    sentence: int
    salience: int


#: Salience of a person within a sentence: one who speaks (an attribution's source), one named plainly (or "he",
#: "she"), one named in a possessive or as an object ("Mr. Khan's criticism", "his", "him": seldom the subject a later
#: pronoun continues).
_SPEAKER, _NAMED, _POSSESSOR = range(3)


def _people(attributions: list[Attribution], text: str, tokens: Sequence[Sequence[Token]], sentence_starts: list[int],
            first_names: FirstNames, bodies: Collection[str]) -> list[_Person]:
    """The people the text names, in order of their end, each as the named source that holds the name (a person's
    type then stays the source's: "Senate Majority Leader Mitch McConnell") or as the name itself, with its sex (a
    named outlet is no person: "BuzzFeed News") and its sentence (``sentence_starts``: where each sentence starts)."""
    surnames = courtesy_surnames(text)
    sources = sorted((x.source for x in attributions if x.source is not None and x.source.type != "pronoun"),
                     key=lambda s: s.start)
    starts = [s.start for s in sources]

    def holds(source: Source, mention: PersonMention) -> bool:
        """Whether the person named speaks as the source: a named person, or a name at the head of a body's source
        ("Sanders campaign manager Jeff Weaver", typed as the campaign)."""
        head = source.start + len(source.text.split(",")[0].rstrip())
        return mention.end <= source.end and (_is_named_person(source) or mention.end == head)

    def person(span: Span, sex: Sex | None, salience: int) -> _Person:
        return _Person(span.start, span.end, span, sex, bisect_right(sentence_starts, span.start) - 1, salience)

    people: dict[tuple[int, int], _Person] = {}
    for mention in person_mentions(tokens, first_names, surnames, bodies):
        k = bisect_left(starts, mention.start + 1) - 1
        holder = sources[k] if k >= 0 and holds(sources[k], mention) else None
        if holder:
            span, salience = Span(holder.start, holder.end, holder.text), _SPEAKER
            sex = sex_of(holder.text, first_names, surnames) or mention.sex
        else:
            span, sex = Span(mention.start, mention.end, text[mention.start:mention.end]), mention.sex
            salience = _POSSESSOR if text.startswith(("'s", "’s"), mention.end) else _NAMED
        people[(span.start, span.end)] = person(span, sex, salience)
    for source in sources:  # a named source with no name of the list in it ("Colonel Oleg Ignasyuk")
        if _is_named_person(source) and source.type != "media":
            people.setdefault((source.start, source.end), person(Span(source.start, source.end, source.text),
                                                                 sex_of(source.text, first_names, surnames), _SPEAKER))
    return sorted(people.values(), key=lambda p: p.end)


def _antecedents(people: list[_Person], tokens: Sequence[Sequence[Token]], quotes: tuple[Quote, ...],
                 sources: dict[int, Span | None]) -> dict[int, Span]:
    """The name each "he", "she" (and "him", "his", "her") outside a quote stands for, by its start, and that of each
    pronoun source (``sources``: their starts, with their attributions' contents), read in text order: each found
    stands for its name in turn ("Sessions … On Sunday, he appeared at a Trump rally where he pledged": Sessions)."""
    quoted = SpanIndex((q.start, q.end) for q in quotes)
    pronouns = [(sentence, token, word) for sentence, words in enumerate(tokens) for token in words
                if (word := _pronoun_word(token.text)) in _SEX_OF_PRONOUN
                and (token.start in sources or not quoted.contain(token.start, token.end))]
    mentions: list[_Person] = []
    named = iter(people)
    following = next(named, None)
    found: dict[int, Span] = {}
    for sentence, token, word in pronouns:
        while following is not None and following.end <= token.start:
            mentions.append(following)
            following = next(named, None)
        antecedent = _antecedent(mentions, sources.get(token.start), quoted, _SEX_OF_PRONOUN[word])
        if antecedent is not None:
            found[token.start] = antecedent.name
            salience = _SPEAKER if token.start in sources else _NAMED if word in ("he", "she") else _POSSESSOR
            mentions.append(_Person(token.start, token.end, antecedent.name, _SEX_OF_PRONOUN[word], sentence, salience))
    return found


def _antecedent(mentions: list[_Person], content: Span | None, quoted: SpanIndex, sex: Sex) -> _Person | None:
    """The person a pronoun names, among the people mentioned before it of its sex or of none known, outside a
    quote and outside its attribution's content: those of the most recent sentence that mentions one, and of them one
    who speaks there, else the first mentioned plainly, else the first ("On Sunday morning Mr. Trump made a third
    attempt to deflect Mr. Khan's criticism … And he continued": Mr. Trump). Looked for among the last
    ``_ANTECEDENTS_READ`` people mentioned."""
    candidates: list[_Person] = []
    for person in reversed(mentions[-_ANTECEDENTS_READ:]):
        if person.sex in (sex, None) and not quoted.contain(person.start, person.end) \
                and not (content is not None and content.start <= person.start < content.end):
            if candidates and person.sentence != candidates[0].sentence:
                break
            candidates.append(person)
    return min(candidates, key=lambda p: (p.salience, p.start)) if candidates else None


def _is_named_person(source: Source) -> bool:
    """A source that names someone ("Colonel Oleg Ignasyuk, …", "Resul Serdar"), not a body ("The army")."""
    words = source.text.split(",")[0].split()
    names = [w for w in words if w[:1].isupper()]
    return source.type in ("person", "official", "military", "media") and len(names) >= 2 and words[0].lower() not in ("the", "a", "an")
