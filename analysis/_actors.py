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
        taken: list[tuple[int, int]] = []
        for actor, _, label, pattern in patterns:
            for match in pattern.finditer(text, paragraph.start, paragraph.end):
                if all(match.end() <= s or e <= match.start() for s, e in taken):
                    taken.append((match.start(), match.end()))
                    mentions.append(ActorMention(paragraph.index, match.start(), match.end(), match.group(), actor.name, label))
    return tuple(sorted(mentions, key=lambda m: m.start))


def _pattern(word: str) -> re.Pattern[str]:
    flags = 0 if word != word.lower() else re.IGNORECASE
    return re.compile(r"(?<![\w-])%s(?:e?s)?(?![\w-])" % re.escape(word).replace(r"\ ", r"\s+"), flags)
