"""Lexicons are data: TSV files of ``term, category, weight, note``, validated with line-numbered messages."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ._data import package_text, read_tsv
from ._errors import DataFileError
from ._model import LOADED_CATEGORIES

COLUMNS = ("term", "category", "weight", "note")
#: Optional: a part-of-speech constraint for a word that is loaded in one use only.
POS_VALUES = ("", "noun", "verb", "adj", "adv")
#: Categories a lexicon may list: scare quotes come from punctuation, not from words.
LEXICON_CATEGORIES = tuple(c for c in LOADED_CATEGORIES if c != "scare_quote")
BUILTIN = "loaded.tsv"


@dataclass(frozen=True)
class LexiconEntry:
    """One loaded term: matched as whole words, any case unless ``term`` has capitals."""

    term: str
    category: str
    weight: float
    note: str
    pos: str = ""

    @property
    def key(self) -> str:
        """Entries with the same key are the same term in the same use (a user file overrides the built-in entry):
        the term (lower-cased unless it has capitals) and its part of speech."""
        term = self.term if self.term != self.term.lower() else self.term.lower()
        return f"{term}/{self.pos}" if self.pos else term


@dataclass(frozen=True)
class Lexicon:
    """The entries in force, the name and SHA-256 of every file they came from (for the JSON ``lexicons``), and the
    terms of the user's file (the loaded-language model never rejects those)."""

    entries: tuple[LexiconEntry, ...]
    sources: dict[str, str]
    user_terms: frozenset[str] = frozenset()


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """The built-in lexicon, with the entries of the user's file at ``path`` added; a user entry replaces every
    built-in entry of the same term (in any use)."""
    text = package_text("lexicons", BUILTIN)
    entries = {e.key: e for e in parse_lexicon(text, name=BUILTIN)}
    sources = {BUILTIN: _sha256(text)}
    user: list[LexiconEntry] = []
    if path is not None:
        user_text = _read_user_file(path)
        user = parse_lexicon(user_text, name=str(path))
        replaced = {e.key.split("/")[0] for e in user}
        entries = {k: e for k, e in entries.items() if k.split("/")[0] not in replaced}
        entries.update({e.key: e for e in user})
        sources[Path(path).name] = _sha256(user_text)
    return Lexicon(tuple(entries.values()), sources, frozenset(e.term for e in user))


def check_lexicon(path: str | Path) -> list[LexiconEntry]:
    """Validate a lexicon file; raises DataFileError naming the line and what is wrong."""
    return parse_lexicon(_read_user_file(path), name=str(path))


def parse_lexicon(text: str, *, name: str) -> list[LexiconEntry]:
    """The entries of a lexicon text; raises DataFileError on the first problem (line number, what is wrong)."""
    header, rows = read_tsv(text)
    if not header:
        raise DataFileError(name, "no header line: expected the tab-separated columns " + ", ".join(COLUMNS))
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise DataFileError(name, "missing column(s): " + ", ".join(missing) + " (tab-separated header expected)")
    entries: list[LexiconEntry] = []
    seen: dict[str, int] = {}
    for line, row in rows:
        entry = _entry(row, name=name, line=line)
        if entry.key in seen:
            use = f" as {entry.pos}" if entry.pos else ""
            raise DataFileError(name, f"duplicate term {entry.term!r}{use} (first on line {seen[entry.key]})", line)
        seen[entry.key] = line
        entries.append(entry)
    return entries


def _entry(row: dict[str, str], *, name: str, line: int) -> LexiconEntry:
    term, category, weight, note = (row.get(c, "") for c in COLUMNS)
    pos = row.get("pos", "")
    if pos not in POS_VALUES:
        raise DataFileError(name, f"unknown pos {pos!r}; use one of: noun, verb, adj, adv, or leave it empty", line)
    if not term:
        raise DataFileError(name, "empty term", line)
    if category not in LEXICON_CATEGORIES:
        raise DataFileError(name, f"unknown category {category!r}; use one of: {', '.join(LEXICON_CATEGORIES)}", line)
    try:
        value = float(weight)
    except ValueError:
        raise DataFileError(name, f"weight {weight!r} is not a number", line) from None
    if not 0 < value <= 3:
        raise DataFileError(name, f"weight {value} is out of range (0, 3]", line)
    if not note:
        raise DataFileError(name, f"term {term!r} has no note: say why it is loaded, or its source", line)
    return LexiconEntry(" ".join(term.split()), category, value, note, pos)


def _read_user_file(path: str | Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DataFileError(str(path), "no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(str(path), f"cannot be read as UTF-8 text ({error})") from None


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
