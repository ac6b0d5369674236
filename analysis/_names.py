"""People's names as news writes them: the titles before a name, a possessive ending, and whether a name of several
words can be a person's. Shared by the automatic actors and the voices of the attributions."""

from __future__ import annotations

import re

#: Titles before a name: read as part of no name ("Sen. Cruz", "President Trump" and "Mr. Trump" are "Trump").
TITLES = frozenset(
    "Mr Mrs Ms Miss Dr Prof Sen Senator Rep Representative Gov Governor Lt Gen General Col Sgt Capt Cmdr Adm Maj "
    "Pres President Vice Mayor Secretary Minister Prime Chancellor Judge Justice Chief Chairman Chairwoman Speaker "
    "Leader Ambassador Attorney Sir Dame Lord Lady Rev Father Sister Brother Saint St Officer Detective Sheriff "
    "Commissioner Director Deputy Former First Candidate Hon".split()
)
#: Connectors that make a name an organisation's or a place's, never a person's ("Bank of England").
_ORGANISATION_WORDS = frozenset({"of", "the", "for", "and", "&"})
_POSSESSIVE_END = re.compile(r"[’']s?$")


def is_title(word: str) -> bool:
    """A title word, abbreviated or not ("Sen.", "Senator")."""
    return word.rstrip(".") in TITLES


def without_possessive(name: str) -> str:
    """A name without the possessive ending of its last word: "O’Malley’s" is "O’Malley", "Mattis’" is "Mattis"."""
    return _POSSESSIVE_END.sub("", name) or name


def reads_as_person(name: str) -> bool:
    """Whether a name of several words can be a person's: none of "of", "for", "the", "and", "&" in it ("Russian
    Reconciliation Center for Syria" cannot)."""
    return not _ORGANISATION_WORDS & set(name.lower().split())
