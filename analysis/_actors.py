"""Actors: who the article is about, found by their names, aliases and labels (an ``--actors`` YAML file).

The file is a list of actors (or a mapping with an ``actors`` list), each with a ``name`` and optional ``aliases``
and ``labels``::

    - name: HTS
      aliases: [HTS, Hayat Tahrir al-Sham]
      labels: [jihadists, rebels, insurgents]

A mention is a whole-word occurrence of the name, an alias or a label (any case unless it has capitals; a plural
``s`` counts). Each mention is a span, so every per-actor figure can be traced to the words behind it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ._errors import DataFileError
from ._model import ActorMention, Analysis, LoadedTerm, Paragraph, Token
from ._names import is_title, reads_as_person, without_possessive
from ._text import DisjointSpans
from ._tokens import tokenize


@dataclass(frozen=True)
class Actor:
    """An actor and the words that name it."""

    name: str
    aliases: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases, *self.labels)


def load_actors(path: str | Path) -> tuple[Actor, ...]:
    """The actors of a YAML file; raises DataFileError with what is wrong."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise DataFileError(str(path), "no such file") from None
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        raise DataFileError(str(path), f"not valid YAML: {error.problem or error.context}", line) from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise DataFileError(str(path), f"cannot be read as a YAML file ({type(error).__name__})") from None
    items = data.get("actors") if isinstance(data, dict) else data
    if not isinstance(items, list) or not items:
        raise DataFileError(str(path), "expected a list of actors, each with a 'name'")
    return tuple(_actor(item, path, position) for position, item in enumerate(items, 1))


def _actor(item: object, path: str | Path, position: int) -> Actor:
    if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip():
        raise DataFileError(str(path), f"actor {position}: expected a mapping with a non-empty 'name'")
    words = {}
    for key in ("aliases", "labels"):
        value = item.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise DataFileError(str(path), f"actor {position} ({item['name']}): '{key}' must be a list of words")
        words[key] = tuple(v.strip() for v in value)
    return Actor(item["name"].strip(), words["aliases"], words["labels"])


def find_mentions(text: str, paragraphs: tuple[Paragraph, ...], actors: tuple[Actor, ...]) -> tuple[ActorMention, ...]:
    """Mentions of every actor in the given paragraphs, in text order; the longest wins where names overlap."""
    patterns = [(actor, word, word in actor.labels, _pattern(word)) for actor in actors for word in actor.names]
    patterns.sort(key=lambda p: -len(p[1]))
    mentions: list[ActorMention] = []
    for paragraph in paragraphs:
        taken = DisjointSpans()
        for actor, _, label, pattern in patterns:
            for match in pattern.finditer(text, paragraph.start, paragraph.end):
                if taken.claim(match.start(), match.end()):
                    mentions.append(ActorMention(paragraph.index, match.start(), match.end(), match.group(), actor.name, label))
    return tuple(sorted(mentions, key=lambda m: m.start))


@lru_cache(maxsize=4096)
def _pattern(word: str) -> re.Pattern[str]:
    """A name, alias or label as a whole word (its plural too; any white space between its words), compiled once."""
    flags = 0 if word != word.lower() else re.IGNORECASE
    return re.compile(r"(?<![\w-])%s(?:e?s)?(?![\w-])" % re.escape(word).replace(r"\ ", r"\s+"), flags)


#: Automatic actors: at most this many names, each mentioned at least ``AUTO_MIN_MENTIONS`` times.
AUTO_MAX_ACTORS = 8
AUTO_MIN_MENTIONS = 2
#: Words inside a name between capitalized words ("Bank of America", "Hayat Tahrir al-Sham").
_CONNECTORS = frozenset({"of", "the", "al", "de", "bin", "el", "for", "and", "&"})
#: Capitalized words that are no name: weekdays, months and their abbreviations, and words the tagger may read as
#: names at a sentence start (pronouns, determiners, adverbs).
_NOT_NAMES = frozenset(
    "The A An In On At For But And Or If As It Its This That These Those He She They We I You Our Their His Her My Your "
    "Also After Before When While Since Although Yet So Meanwhile Here There What Who Which Why How Update Even Still "
    "Just Only Some Many Most Much More No Not One Each Every All Both Last Next Then Now Today Yesterday Tomorrow "
    "According By From To With Without Under Over Despite Instead However Indeed Perhaps Maybe Please Yes "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thurs Fri Sat Sun "
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)
_NAME_TAGS = ("NNP", "NNPS")
#: Endings of a single word that names a nationality or a party, not an actor ("Syrian", "Republican", "British").
_DEMONYM_ENDINGS = ("ian", "ican", "ish", "ese", "ean")
_POSSESSIVE = ("’s", "'s", "’", "'")
#: A hyphenated word ending in lower case modifies a name, it is none: "AQ-held", "Russian-backed", "U.S.-led".
_MODIFIER = re.compile(r"-[a-z]+$")
#: A word in lower case.
_LOWER_WORD = re.compile(r"\b[a-z][\w-]*\b")


def auto_actors(analysis: Analysis, paragraphs: tuple[Paragraph, ...]) -> tuple[Actor, ...]:
    """Without an actors file: the most frequent names of the given paragraphs (runs of words tagged as proper nouns,
    titles and possessive endings apart), each name's shorter forms merged into it ("Biden", "Mr. Biden" and
    "Biden's" into "Joe Biden" when no other name ends in "Biden"), each with the labels the text ties to it
    (``tied_labels``)."""
    counts: Counter[str] = Counter()
    for tokens in _sentence_tokens(analysis, paragraphs):
        counts.update(_names(tokens))
    lower = set(_LOWER_WORD.findall(analysis.article.text))
    for name in [n for n in counts if " " not in n and not n.isupper()
                 and (n.lower() in lower or n.endswith(_DEMONYM_ENDINGS))]:
        del counts[name]  # a word the text also writes in lower case ("Coverage"), an adjective ("Mexican")
    forms = merged_forms(counts)
    totals = Counter({full: sum(counts[f] for f in group) for full, group in forms.items()})
    ranked = sorted((n for n, c in totals.items() if c >= AUTO_MIN_MENTIONS), key=lambda n: (-totals[n], n))
    names = ranked[:AUTO_MAX_ACTORS]
    labels: dict[str, set[str]] = {}
    for name, term in tied_labels(analysis, paragraphs, {n: forms[n] for n in names}):
        labels.setdefault(name, set()).add((term.term or term.text).lower())
    return tuple(Actor(n, tuple(sorted(forms[n] - {n})), tuple(sorted(labels.get(n, ())))) for n in names)


def auto_mentions(analysis: Analysis, paragraphs: tuple[Paragraph, ...], running: tuple[Paragraph, ...]) -> tuple[ActorMention, ...]:
    """Without an actors file: the mentions of the automatic actors of the ``running`` text (``auto_actors``) by
    name in the given paragraphs, and their labels only where the text ties them to the actor (``tied_labels``)."""
    actors = auto_actors(analysis, running)
    by_name = find_mentions(analysis.article.text, paragraphs, tuple(Actor(a.name, a.aliases) for a in actors))
    taken = DisjointSpans()
    for m in by_name:
        taken.claim(m.start, m.end)
    labels = []
    for name, term in tied_labels(analysis, running, {a.name: {a.name, *a.aliases} for a in actors}):
        if taken.claim(term.start, term.end):
            labels.append(ActorMention(term.paragraph, term.start, term.end, term.text, name, True))
    return tuple(sorted((*by_name, *labels), key=lambda m: m.start))


def _sentence_tokens(analysis: Analysis, paragraphs: tuple[Paragraph, ...]) -> Iterator[Sequence[Token]]:
    """The tokens of the sentences of the given paragraphs (untagged when the analysis was read back from JSON)."""
    kept = {p.index for p in paragraphs}
    for k, sentence in enumerate(analysis.sentences):
        if sentence.paragraph in kept:
            yield analysis.tokens[k] if k < len(analysis.tokens) else tokenize(analysis.article.text, sentence.start,
                                                                              sentence.end)


def _names(tokens: Sequence[Token]) -> Iterator[str]:
    """The names of a sentence: runs of capitalized words tagged as proper nouns (untagged tokens: capitalized
    words), with connectors inside; leading titles and function words dropped; a single word at the start of the
    sentence only when it is not a function word."""
    run: list[Token] = []
    for i, token in enumerate([*tokens, Token(0, 0, ".", ".")]):
        word = token.text.rstrip(".")
        named = (word[:1].isupper() and (token.tag in _NAME_TAGS or not token.tag) and word not in _NOT_NAMES
                 and not _MODIFIER.search(word))
        if named or run and _connects(token, run) and i + 1 < len(tokens) and tokens[i + 1].text[:1].isupper():
            run.append(token)
            continue
        run = _after_titles(run)
        while run and (_is_title(run[0]) or run[0].lower in _CONNECTORS):
            run = run[1:]
        while run and (_is_title(run[-1]) or run[-1].lower in _CONNECTORS):
            run = run[:-1]  # "CNN President", "Bank of"
        if run:
            yield without_possessive(" ".join(t.text for t in run))
        run = []


def _after_titles(run: list[Token]) -> list[Token]:
    """The name that follows a title inside a run: "Ohio Gov. John Kasich", "House Speaker Paul Ryan", "FBI Director
    James Comey" are "John Kasich", "Paul Ryan", "James Comey" (after the last title word, when two words follow it or
    it is abbreviated: "United Nations General Assembly" stays whole), and "Secretary of State Hillary Clinton" is
    "Hillary Clinton" (a title, "of" and one word, when two words follow)."""
    if len(run) >= 5 and _is_title(run[0]) and run[1].lower == "of":
        run = run[3:]
    inner = [k for k in range(1, len(run) - 1) if _is_title(run[k])]
    if inner and (len(run) - inner[-1] > 2 or run[inner[-1]].text.endswith(".")):
        run = run[inner[-1] + 1:]
    return run


def _is_title(token: Token) -> bool:
    """A title word, abbreviated or not ("Sen.", "Senator")."""
    return is_title(token.text)


def _connects(token: Token, run: list[Token]) -> bool:
    """Whether a connector continues the name of ``run``: "and" only after "of" and one word ("Department of Health
    and Human Services"); elsewhere it joins two names ("the House and Senate", "Clinton and Trump", "Secretary of
    State Kerry and Sen. Cruz")."""
    return token.lower in _CONNECTORS and (token.lower != "and" or len(run) > 1 and run[-2].lower == "of")


def merged_forms(counts: Counter[str]) -> dict[str, set[str]]:
    """Each full name with its shorter forms: a one-word name joins the only longer name that ends with it and reads
    as a person's (a surname: "Obama" joins "Barack Obama"; no "of", "for", "the", "and" or "&" in it: "Syria" stays
    out of "Russian Reconciliation Center for Syria"), else the only two-word name that starts with it (a first name)
    when the one-word name is the rarer of the two ("Bashar" joins "Bashar Assad", "Aleppo" stays out of "Aleppo
    Citadel")."""
    forms = {name: {name} for name in counts}
    for name in sorted(n for n in counts if " " not in n):
        longer = [n for n in forms if " " in n and n.split()[-1] == name and reads_as_person(n)]
        longer = longer or [n for n in forms if len(n.split()) == 2 and n.split()[0] == name
                            and counts[name] < counts[n]]
        if len(longer) == 1:
            forms[longer[0]] |= forms.pop(name)
    return forms


#: A label is tied to a name next to it: "HTS, the jihadist group", "the jihadist group HTS", "Hamas militants",
#: "HTS is a terrorist organisation". Patterns of the text between the name and the label.
_AFTER_NAME = re.compile(r"\s*(?:,\s*(?:(?:the|a|an)\s+)?|\s+(?:is|are|was|were)\s+(?:(?:the|a|an)\s+)?|\s+)"
                         r"(?:[\w-]+\s+){0,2}", re.IGNORECASE)
_BEFORE_NAME = re.compile(r"\s+(?:[\w-]+\s+){0,2}")


@lru_cache(maxsize=4096)
def _form_pattern(form: str) -> re.Pattern[str]:
    """A form of a name as a whole word, compiled once."""
    return re.compile(r"(?<![\w-])%s(?![\w-])" % re.escape(form))


def tied_labels(analysis: Analysis, paragraphs: tuple[Paragraph, ...], forms: dict[str, set[str]]) -> list[tuple[str, LoadedTerm]]:
    """The labeling terms of the author's voice in the given paragraphs that the text ties to a name (each name with
    its forms): in apposition, right before or after it, or after it and a copula (see ``_AFTER_NAME``)."""
    text = analysis.article.text
    kept = {p.index for p in paragraphs}
    patterns = [(name, _form_pattern(form)) for name, group in forms.items() for form in group]
    tied = []
    for term in analysis.loaded_terms:
        if term.category != "labeling" or term.voice != "author" or term.paragraph not in kept:
            continue
        offset = max(0, term.start - 80)
        window = text[offset:term.end + 80]
        for name, pattern in patterns:
            if any(offset + m.end() <= term.start and _AFTER_NAME.fullmatch(text, offset + m.end(), term.start)
                   or term.end <= offset + m.start() and _BEFORE_NAME.fullmatch(text, term.end, offset + m.start())
                   for m in pattern.finditer(window)):
                tied.append((name, term))
                break
    return tied
