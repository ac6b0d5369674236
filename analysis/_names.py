"""People's names as news writes them: the titles before a name, a possessive ending, whether a name of several words
can be a person's, the sex a name tells (courtesy titles, nouns such as "spokeswoman", first names) and the people a
text names. Shared by the automatic actors, the attributions' pronouns and their voices."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from ._data import package_tsv
from ._model import Token

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
#: Last words of a place's or an institution's name, never a surname, though a given name may stand before them
#: ("Madison Square Garden", "Lincoln Center", "Harvard University"); "Hall", "Park", "Church" are surnames too.
_PLACE_ENDINGS = frozenset(
    "Garden Gardens Center Centre University College Institute Foundation Fund Museum Library Hospital Clinic Airport "
    "Stadium Arena Square Plaza Avenue Boulevard Bridge Tower Towers Building Hotel Theater Theatre Academy School "
    "Committee Council Commission Department Ministry Agency Administration Corporation Company Inc Corp Association "
    "Society Coalition Network County Island Islands River Valley Mountains Lake Bay Beach Memorial".split()
)


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


Sex = Literal["m", "f"]
#: Courtesy titles by the sex they name ("Mr. Khan", "Ms. Khan").
COURTESY: dict[str, Sex] = {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "dame": "f",
                            "lady": "f", "madam": "f"}
#: Nouns for a person of one sex that a source's phrase may hold ("Clinton spokeswoman Jennifer Palmieri").
_SEXED_NOUNS: dict[str, Sex] = {
    **dict.fromkeys("man spokesman congressman businessman father son husband brother grandfather boy king prince "
                    "actor uncle nephew widower".split(), "m"),
    **dict.fromkeys("woman spokeswoman congresswoman businesswoman chairwoman mother daughter wife sister grandmother "
                    "girl queen princess actress aunt niece widow".split(), "f"),
}
_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
#: Ranks written before a name that are also given names ("Major", "General"): no first name there.
_RANKS = frozenset("major general colonel captain sergeant admiral lieutenant commander corporal private marshal".split())


@dataclass(frozen=True)
class FirstNames:
    """First names that name one sex (``data/first_names.tsv``: the US Social Security Administration's baby names),
    lower case, each with "m" or "f"."""

    sex: Mapping[str, Sex]


def load_first_names() -> FirstNames:
    """The first names of ``data/first_names.tsv``."""
    return FirstNames({row["name"]: row["sex"] for row in package_tsv("data", "first_names.tsv")})  # type: ignore[misc]


def courtesy_of(name: str) -> Sex | None:
    """The sex a name's courtesy title names ("m" for "Mr. Khan", "f" for "Ms. Khan"), else None."""
    words = name.split()
    return COURTESY.get(words[0].rstrip(".").lower()) if len(words) > 1 else None


def courtesy_surnames(text: str) -> dict[str, Sex]:
    """The surnames an article writes after a courtesy title, each with the sex the title names ("Mr. Trump": Trump,
    m); a surname written after titles of both sexes (a couple, "Mr. and Mrs. Khan") is left out."""
    found: dict[str, set[Sex]] = {}
    for title, surname in _COURTESY_NAME.findall(text):
        found.setdefault(surname, set()).add(COURTESY[title.lower()])
    return {surname: sexes.pop() for surname, sexes in found.items() if len(sexes) == 1}


_COURTESY_NAME = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lady|Lord|Madam)\.?\s+([A-Z][\w'’-]+)")


def sex_of(name: str, first_names: FirstNames, surnames: Mapping[str, Sex]) -> Sex | None:
    """The sex a source's phrase names, if it names one: by a noun for a person of one sex in it ("spokeswoman"), a
    courtesy title ("Ms. Conway"), the first name before the surname (``_first_name``: "Donald J. Trump",
    "Republican Christine Todd Whitman", "Major Ana Duarte"), or the surname's courtesy title elsewhere in the
    article (``surnames``, "Mr. Trump"); else None."""
    for word in _WORD.findall(name):
        if word in _SEXED_NOUNS:  # in lower case: a noun, not a name ("Larry King")
            return _SEXED_NOUNS[word]
    capitalized = [w.rstrip(".") for w in without_possessive(name.split(",")[0]).split() if w[:1].isupper()]
    courtesy = courtesy_of(" ".join(capitalized))
    if courtesy:
        return courtesy
    first = _first_name(capitalized, first_names)
    if first:
        return first_names.sex[first.lower()]
    return surnames.get(capitalized[-1]) if capitalized else None


def _first_name(words: Sequence[str], first_names: FirstNames) -> str | None:
    """The first of the words before the last that is a first name of ``first_names`` and no title or rank ("Major
    Ana Duarte": Ana)."""
    return next((w for w in words[:-1] if w.lower() in first_names.sex and not is_title(w) and w.lower() not in _RANKS),
                None)


@dataclass(frozen=True)
class PersonMention:
    """A person the text names (``text[start:end]``, the name without the titles before it) and the sex the name
    tells, if any."""

    start: int
    end: int
    text: str
    sex: Sex | None


def person_mentions(sentences: Sequence[Sequence[Token]], first_names: FirstNames, surnames: Mapping[str, Sex],
                    bodies: Collection[str] = frozenset()) -> list[PersonMention]:
    """The people the tagged sentences name, in text order: a run of proper nouns (up to its last title left out) that
    holds a first name of ``first_names`` before its last word ("Sen. Mitch McConnell", "Donald J. Trump", named from
    the first name on: "Secretary of State John Kerry" is "John Kerry"), follows
    a courtesy title ("Mr. Kasich"), or is the surname of a person named before ("Kasich" after "John Kasich", whatever
    its tag: the tagger reads "Sanders" as a plural, "Pence" as a noun); its
    sex by the courtesy title, the first name, the person named before, or the article's courtesy titles
    (``surnames``). A run that ends with the name of a body (``bodies``: "The New York Times") or with a word of a place's
    or an institution's name ("Madison Square Garden") names no person."""
    found: list[PersonMention] = []
    named: dict[str, Sex | None] = {}  # the surnames of the people named so far
    for tokens in sentences:
        run: list[Token] = []
        for token in [*tokens, Token(0, 0, "", "")]:
            if token.text[:1].isupper() and (token.tag == "NNP" or token.text in named):  # "Sanders" tagged NNS
                run.append(token)
                continue
            titles = [k for k in range(len(run) - 1) if is_title(run[k].text)]
            courtesy = next((COURTESY[w] for k in titles if (w := run[k].text.rstrip(".").lower()) in COURTESY), None)
            run = run[titles[-1] + 1:] if titles else run  # "Ohio Gov. John Kasich" is "John Kasich"
            if run:
                words = [t.text.rstrip(".") for t in run]
                first = _first_name(words, first_names)
                if (first or courtesy or len(run) == 1 and words[0] in named) and not _ends_with_body(words, bodies) \
                        and words[-1] not in _PLACE_ENDINGS:
                    run = run[words.index(first):] if first else run  # "Republican Donald Trump" is "Donald Trump"
                    name = " ".join(t.text for t in run)
                    sex = courtesy or (first_names.sex[first.lower()] if first else None) or named.get(words[-1]) \
                        or surnames.get(words[-1])
                    found.append(PersonMention(run[0].start, run[-1].end, name, sex))
                    named[words[-1]] = sex
            run = []
    return found


def _ends_with_body(words: Sequence[str], bodies: Collection[str]) -> bool:
    """Whether the last two words or more of a run are the name of a body ("New York Times", "Washington Post")."""
    return any(" ".join(words[k:]) in bodies for k in range(len(words) - 1))
