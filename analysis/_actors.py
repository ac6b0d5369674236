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
from dataclasses import dataclass
from pathlib import Path

import yaml

from ._errors import DataFileError
from ._model import ActorMention, Paragraph
from ._text import DisjointSpans


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


def _pattern(word: str) -> re.Pattern[str]:
    flags = 0 if word != word.lower() else re.IGNORECASE
    return re.compile(r"(?<![\w-])%s(?:e?s)?(?![\w-])" % re.escape(word).replace(r"\ ", r"\s+"), flags)


#: Automatic actors: at most this many names, each mentioned at least ``AUTO_MIN_MENTIONS`` times.
AUTO_MAX_ACTORS = 8
AUTO_MIN_MENTIONS = 2
_NAME_RE = re.compile(r"(?<![\w’'-])(?:[A-Z][\w’'-]*[a-z0-9][\w’'-]*|[A-Z]{2,})(?:\s+(?:(?:al|of|the|de|bin|el)[-\s]+)?"
                      r"(?:[A-Z][\w’'-]*[a-z0-9][\w’'-]*|[A-Z]{2,}))*")
_DEMONYM_ENDINGS = ("ian", "ish", "ese", "ean")
#: A label joins an actor when it stands at most this many characters from one of the actor's names.
LABEL_REACH = 30
_NOT_NAMES = frozenset(
    "The A An In On At For But And Or If As It Its This That These Those He She They We I Our Their His Her Also After "
    "Before When While Since Although Yet So Meanwhile Here There What Who Which Why How Mr Mrs Ms Dr Update "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August "
    "September October November December".split()
)


def auto_actors(text: str, paragraphs: tuple[Paragraph, ...], loaded: tuple = ()) -> tuple[Actor, ...]:
    """Without an actors file: the most frequent names (capitalized sequences) of the running text, each with the
    labels the loaded-language analyzer found next to it (a labeling term within ``LABEL_REACH`` characters of the
    name, in the same sentence)."""
    counts: dict[str, int] = {}
    for paragraph in paragraphs:
        for match in _NAME_RE.finditer(text, paragraph.start, paragraph.end):
            words = match.group().rstrip("’'").split()
            while words and words[0] in _NOT_NAMES:
                words = words[1:]  # "The Harbour Union" at a sentence start is "Harbour Union"
            name = " ".join(words)
            if not name or name in _NOT_NAMES or " " not in name and name.endswith(_DEMONYM_ENDINGS):
                continue  # a function word, or an adjective of nationality ("Syrian forces")
            counts[name] = counts.get(name, 0) + 1
    frequent = sorted((n for n, c in counts.items() if c >= AUTO_MIN_MENTIONS), key=lambda n: (-counts[n], n))
    names = frequent[:AUTO_MAX_ACTORS]
    labels: dict[str, set[str]] = {n: set() for n in names}
    for term in loaded:
        if term.category != "labeling" or term.voice != "author":
            continue
        nearest = _nearest_name(text, term.start, names)
        if nearest is not None:
            labels[nearest].add((term.term or term.text).lower())
    return tuple(Actor(n, (), tuple(sorted(labels[n]))) for n in names)


def _nearest_name(text: str, offset: int, names: list[str]) -> str | None:
    """The name closest to ``offset`` within the same sentence (between sentence-ending marks)."""
    start = max(text.rfind(mark, 0, offset) for mark in ".!?\n") + 1
    ends = [i for i in (text.find(mark, offset) for mark in ".!?\n") if i >= 0]
    end = min(ends) if ends else len(text)
    best = None
    for name in names:
        for match in re.finditer(r"(?<![\w-])%s(?![\w-])" % re.escape(name), text[start:end]):
            distance = abs(start + match.start() - offset)
            if distance <= LABEL_REACH and (best is None or distance < best[0]):
                best = (distance, name)
    return best[1] if best else None
