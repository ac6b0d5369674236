"""A small English inflection layer: the forms of a verb or noun from its base, with irregular forms given.

No WordNet download: regular forms follow the spelling rules below; irregular ones are listed in the data files.
"""

from __future__ import annotations

_VOWELS = "aeiou"


def verb_forms(base: str, irregular_past: tuple[str, ...] = ()) -> frozenset[str]:
    """The base, third person ``-s``, past and ``-ing`` forms; ``irregular_past`` ("said", "told") replaces ``-ed``."""
    pasts = irregular_past or (past(base),)
    return frozenset({base, third_person(base), present_participle(base), *pasts})


def noun_forms(base: str) -> frozenset[str]:
    """The singular and the regular plural."""
    return frozenset({base, third_person(base)})


def third_person(word: str) -> str:
    """says, reports, denies, pushes, goes."""
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        return word[:-1] + "ies"
    if word.endswith(("s", "sh", "ch", "x", "z", "o")):
        return word + "es"
    return word + "s"


def past(word: str) -> str:
    """claimed, denied, noted, admitted (a short final stressed syllable doubles its consonant)."""
    if word.endswith("e"):
        return word + "d"
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        return word[:-1] + "ied"
    if _doubles(word):
        return word + word[-1] + "ed"
    return word + "ed"


def present_participle(word: str) -> str:
    """saying, noting, admitting, lying."""
    if word.endswith("ie"):
        return word[:-2] + "ying"
    if word.endswith("e") and not word.endswith(("ee", "ye", "oe")):
        return word[:-1] + "ing"
    if _doubles(word):
        return word + word[-1] + "ing"
    return word + "ing"


def _doubles(word: str) -> bool:
    """One-syllable words ending consonant-vowel-consonant double the consonant (admit, commit, slam, vow: no w)."""
    if len(word) < 3 or word[-1] in "wxy" + _VOWELS:
        return False
    consonant_vowel_consonant = word[-1] not in _VOWELS and word[-2] in _VOWELS and word[-3] not in _VOWELS
    syllables = sum(1 for i, c in enumerate(word) if c in _VOWELS and (i == 0 or word[i - 1] not in _VOWELS))
    return consonant_vowel_consonant and (syllables == 1 or word.endswith(("mit", "fer", "pel")))


def adverb(adjective: str) -> str:
    """brutal → brutally, shameless → shamelessly, gleeful → gleefully, angry → angrily, horrible → horribly."""
    if adjective.endswith("le") and len(adjective) > 3:
        return adjective[:-1] + "y"
    if adjective.endswith("y") and len(adjective) > 2:
        return adjective[:-1] + "ily"
    if adjective.endswith("ic"):
        return adjective + "ally"
    return adjective + "ly"
