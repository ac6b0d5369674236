"""Source types: what kind of source a source phrase is (a person, an official body, the military, an outlet, an
organization, a document, people left unnamed, social media, a pronoun).

The words that type a source are data (``data/sources.tsv``, a ``SourceTypes``), loaded once (``load_source_types``)
and a member of the pipeline's ``Resources``; ``source_type`` reads a phrase's head, its titles and its appositive.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ._data import Row, package_tsv

#: A source that is a lone pronoun of any kind: personal, possessive ("his claim"), relative ("…, who said").
_SOURCE_PRONOUNS = frozenset("he she it they we i me my you your him his her hers its us our them their who whom which that"
                             .split())
#: Words that open an unnamed group of sources.
_QUANTIFIERS = frozenset("some several many most few other others two three four various numerous".split())
#: A number in words: "thirty-one", "six", "ninety".
_NUMBER_WORDS = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven"
                 r"|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
                 r"|fifteen|sixteen|seventeen|eighteen|nineteen)")
#: A share or count of people as a source ("60 percent of voters", "Thirty-one percent", "About three-quarters", "a majority of those…",
#: "Not everyone at the rally", "Many", "A growing number of Democrats", "Dozens of protesters"): unnamed.
_SHARE = re.compile(
    r"(?:(?:about|nearly|almost|roughly|around|some|only|just|more than|fewer than|less than|at least|not)\s+)?"
    r"(?:(?:a\s+full\s+)?(?:\d[\d,.]*|%s)(?:\s*%%|\s+percent\b|\s+per\s+cent\b|\s+(?:of|in)\b)|half\b" % _NUMBER_WORDS +
    r"|(?:one|two|three)[- ](?:thirds?|quarters?)\b|(?:a\s+)?(?:[a-z]+\s+)?(?:majority|minority|plurality|third|quarter)\b(?!\s+(?-i:[A-Z]))"
    r"|(?:everyone|everybody|nobody|no one|none|all)\b"
    r"|(?:an?\s+(?:[a-z]+\s+)?number|a\s+handful|a\s+lot|lots|dozens|hundreds|thousands|millions|scores)\s+of\b)", re.IGNORECASE)
#: A source who asked not to be named, wherever the phrase says so ("A White House official, who requested anonymity").
_UNNAMED = re.compile(r"\b(?:anonymity|not\s+authori[sz]ed|(?:not|declined|refused|did\s+not\s+want)\s+to\s+be\s+"
                      r"(?:named|identified))\b", re.IGNORECASE)
#: One unnamed official, with or without a body ("The official", "a former official", "A White House official",
#: "an official in Kyiv"): unnamed, as "officials" are; "Pentagon official John Kirby" names one.
_UNNAMED_OFFICIAL = re.compile(r"(?:the|a|an|one|another|this|that|a\s+second|a\s+third)\s+(?:\S+\s+){0,4}?official",
                               re.IGNORECASE)
#: A plural noun ("voters", "Americans", "Latinos").
_PLURAL = re.compile(r"[a-z][^s]s$")
#: A relative clause after a comma ("who", "which", "whose"), and one that says what someone is or was ("who is", "who
#: was until May"), whose predicate is read as an appositive.
_RELATIVE = re.compile(r"(?:who|whom|whose|which|that)\b")
_COPULA = re.compile(r"^who\s+(?:is|was|has\s+been|had\s+been|serves\s+as|served\s+as)\s+(?:(?:now|also|then|formerly|once)\s+)?")
#: A comma that separates phrases, not one inside a number ("43,000").
_COMMA = re.compile(r"(?<!\d),|,(?!\d)")
#: A first-person or other pronoun with a contraction, inside a quote ("I've", "I’m", "we're", "they'd").
_CONTRACTED_PRONOUN = re.compile(r"(?:i|you|he|she|it|we|they)[’'](?:ve|m|re|ll|d|s)", re.IGNORECASE)
#: The titles of someone who speaks for a body ("a spokeswoman for X", "an Intel spokeswoman", "executive director
#: of X", "the company's chief executive"): the body's type decides.
_SPEAKING_TITLE = (r"(?:spokes(?:man|woman|person)|press\s+secretary|(?:executive\s+|managing\s+)?director|"
                   r"president|chair(?:man|woman)?|head|chief\s+executive(?:\s+officer)?|CEO)")
_TITLE_OF = re.compile(r"(?:\S+\s+){0,3}?%s\s+(?:of|for)\s+(?P<body>.+)" % _SPEAKING_TITLE, re.IGNORECASE)
_BODY_TITLE = re.compile(r"(?:(?:the|a|an)\s+)?(?P<body>.+?)\s+spokes(?:man|woman|person)(?:\s+(?-i:[A-Z])\S*)*",
                         re.IGNORECASE)
_TITLE_ONLY = re.compile(r"(?:(?:top|senior|former|chief|deputy|longtime|national|new)\s+)*%s" % _SPEAKING_TITLE,
                         re.IGNORECASE)
#: A named person with other members of an unnamed group ("Ms. Henry and other labor leaders"): unnamed.
_AND_OTHERS = re.compile(r".+\s+and\s+(?:other|several|many|some|dozens\s+of)\s+\S", re.IGNORECASE)
#: The types of a body its spokesperson or head speaks for.
_BODY_TYPES = frozenset({"official", "organization", "military", "media"})


@dataclass(frozen=True)
class SourceWord:
    word: str
    type: str
    match: str
    priority: int
    pattern: re.Pattern[str]  # the word as a whole word, compiled once


#: The phrases whose type a ``SourceTypes`` remembers (sources repeat); it forgets them all past this many.
_TYPES_MEMO = 4096


@dataclass(frozen=True, eq=False)  # hashed by identity, as the other resources
class SourceTypes:
    """The words that type a source (``data/sources.tsv``), by priority, with the positions of those (two letters or
    more) that start with each pair of letters (a phrase is searched only for the words whose first two letters it
    holds), and the types of the phrases already typed (``type_of``)."""

    words: tuple[SourceWord, ...]
    starting: dict[str, tuple[int, ...]]
    memo: dict[str, str] = field(default_factory=dict, repr=False)

    def type_of(self, phrase: str) -> str:
        """``source_type(phrase, self)``, memoised."""
        known = self.memo.get(phrase)
        if known is None:
            if len(self.memo) >= _TYPES_MEMO:
                self.memo.clear()
            known = self.memo[phrase] = source_type(phrase, self)
        return known


def load_source_types(rows: Iterable[Row] | None = None) -> SourceTypes:
    """The source words of ``data/sources.tsv`` (or of ``rows`` in its columns)."""
    rows = package_tsv("data", "sources.tsv") if rows is None else rows
    found = (SourceWord(word, r["type"], r["match"], int(r["priority"]),
                        re.compile(r"(?<![\w-])%s(?![\w-])" % re.escape(word)))
             for r in rows for word in [r["word"] if r["match"] == "name" else r["word"].lower()])  # as matched
    words = tuple(sorted(found, key=lambda w: w.priority))
    starting: dict[str, list[int]] = {}
    for k, entry in enumerate(words):
        starting.setdefault(entry.word[:2], []).append(k)
    return SourceTypes(words, {pair: tuple(positions) for pair, positions in starting.items()})


def source_type(phrase: str, sources: SourceTypes) -> str:
    """The type of a source: a lone pronoun is a ``pronoun``; a share of people ("60 percent of voters") is
    ``anonymous``; else the type of the first source word (``sources``, by priority) in its head phrase
    (before an appositive), else in the appositive's head ("X, a spokesman for Y"); an unnamed group ("Some
    scientists", "Jewish leaders") is ``anonymous``; an acronym ("CSIS") an ``organization``; any other name a
    ``person``. (``SourceTypes.type_of`` memoises it: sources repeat.)"""
    if phrase.lower() in _SOURCE_PRONOUNS or _CONTRACTED_PRONOUN.fullmatch(phrase):
        return "pronoun"  # "he", "I've" in a quote
    phrase = re.sub(r"\s+(?:who|whom|which|that)$", "", phrase)  # "business leaders who": the leaders
    before_comma = _appositive(phrase)[0]
    head = re.split(r"[’']s\s+", before_comma, maxsplit=1)
    if len(head) == 2 and _TITLE_ONLY.fullmatch(head[1].strip()):
        owner = _spoken_for(head[0], sources)
        if owner is not None:
            return owner  # "the company's chief executive": the company; "Trump's spokeswoman": his campaign
    if len(head) == 2 and not re.search(r"\b(?:media|news|social)\b", head[0].lower()) and _listed_type(head[0], sources) != "media":
        phrase = head[1] + phrase[len(before_comma):]  # "The study’s lead author, Dr. X": the author; "CNN’s Jake
        # Tapper" stays an outlet's
    core, comma, appositive = _appositive(phrase)
    if not core.strip():
        core, comma = phrase, ""
    named = any(w[0].isupper() for w in core.split() if w.lower() not in ("the", "a", "an"))
    listed = _listed_type(core, sources)
    head_phrase = _head_phrase(core)
    if _unnamed(phrase, core, head_phrase, named, sources):
        return "anonymous"
    speaking = _speaker_for(core, sources)
    if speaking is not None and listed not in ("person", "pronoun"):
        return speaking  # "an Intel spokeswoman", "the president of the firefighters union": the body
    head = head_phrase.split()[-1]
    if listed not in ("pronoun", "document") and head.islower() and _listed_type(head, sources) == "anonymous":
        return "anonymous"  # a group noun as the head: "Trump supporters", "GOP primary voters", "White House aides"
    if re.search(r"\([A-Z]{2,}\)", core):
        return "organization"  # "Armed Conflict Location & Event Data (ACLED)"
    if listed is None and comma:
        # "X, a spokesman for the ministry": the appositive's head, not what follows it; not what a relative clause
        # says X did ("X, who sold a start-up to a company"), but what it says X is ("X, who is a spokesman for Y")
        appositive = _COPULA.sub("", appositive.strip(), count=1)
        speaking = _speaker_for(appositive.rstrip(", "), sources)
        if speaking is not None:
            return speaking  # "X, executive director of One Wisconsin Now", "X, a spokeswoman for Trump"
        if not _RELATIVE.match(appositive):
            listed = _listed_type(re.split(r"\s+(?:at|of|for|in|with|from|on)\s+(?![A-Z])|\s+(?:who|which|that)\s+"
                                           r"|\s+[a-z]+ed\s+(?:with|by|to)\s+", appositive)[0], sources)
            # "a University of Michigan professor" stays whole; "a super PAC aligned with strategist X" is a PAC
    if listed is not None:
        return listed
    if re.fullmatch(r"(?:[Tt]he\s+)?[A-Z]{2,}", core.strip()):
        return "organization"  # "CSIS", "the IAEA"
    if (not named or head.islower()) and _PLURAL.search(head):
        return "anonymous"  # "the doctors", "critics", "Jewish leaders", "Latino voters in Florida": unnamed people
    return "person"


def _unnamed(phrase: str, core: str, head_phrase: str, named: bool, sources: SourceTypes) -> bool:
    """Whether a source is people left unnamed: a quantified group ("Some scientists", "Many Americans"), a share or
    count of people ("60 percent of voters", "dozens of"), not of documents ("three recent polls"); a bare number
    ("160"); one unnamed official ("The official"); a source who asked not to be named ("a senior official, who
    requested anonymity"); a name with others of a group ("Ms. Henry and other labor leaders")."""
    rest = head_phrase.split()[1:]  # after a quantifier: "Many", "Some Republican experts", not "Several Hamas"
    quantified = core.split()[0].lower() in _QUANTIFIERS and (
        not rest or rest[-1].islower() or not named or _PLURAL.search(rest[-1]) is not None)
    if (quantified or _SHARE.match(core.strip())) and _listed_type(head_phrase, sources) != "document":
        return True
    return bool(re.fullmatch(r"(?!(?:19|20)\d\d$)[\d,]+", core.strip()) or _UNNAMED_OFFICIAL.fullmatch(head_phrase)
                or _UNNAMED.search(phrase) or _AND_OTHERS.match(head_phrase))


def _speaker_for(phrase: str, sources: SourceTypes) -> str | None:
    """The type of the body a spokesperson or head speaks for ("a spokeswoman for X", "executive director of X",
    "an Intel spokeswoman", "Priorities spokesman Y"), or None when the phrase names no such title and body."""
    title_of = _TITLE_OF.fullmatch(phrase.strip())
    if title_of:
        return _spoken_for(title_of.group("body"), sources)
    body_title = _BODY_TITLE.fullmatch(phrase.strip())
    return _spoken_for(body_title.group("body"), sources) if body_title else None


def _spoken_for(body: str, sources: SourceTypes) -> str | None:
    """A body's type when it is one ("the company", "the ministry"), else ``organization`` for a name the lists do not
    know (a company, a group, a candidate's campaign: "Intel", "One Wisconsin Now", "Trump"), else None."""
    head = _listed_type(body.split()[-1], sources)  # the body's head noun first: "the Senate campaign" is a campaign
    listed = head if head in _BODY_TYPES else _listed_type(body, sources)
    if listed in _BODY_TYPES:
        return listed
    if listed in (None, "person") and any(w[0].isupper() for w in body.split() if w.lower() not in ("the", "a", "an")):
        return "organization"  # "a spokesman for Mr. Trump": his campaign
    return None


def _head_phrase(core: str) -> str:
    """The phrase before a prepositional phrase or a relative clause ("officials" in "officials in Nairobi who …")."""
    return re.split(r"\s+(?:in|of|at|from|for|with|who|which|that|on)\s+", core.strip())[0]


def _appositive(phrase: str) -> tuple[str, str, str]:
    """The phrase before its first comma (not a comma inside a number, "43,000"), the comma, and what follows it."""
    parts = _COMMA.split(phrase, maxsplit=1)
    return (parts[0], ",", parts[1]) if len(parts) == 2 else (phrase, "", "")


def _listed_type(phrase: str, sources: SourceTypes) -> str | None:
    """The type of the first source word of ``sources`` found in the phrase, by priority."""
    lowered = phrase.lower()
    words, starting = sources.words, sources.starting
    pairs = {text[k:k + 2] for text in (phrase, lowered) for k in range(len(text) - 1)}
    held = sorted({k for pair in pairs for k in starting.get(pair, ())})  # the words whose first two letters occur
    for entry in (words[k] for k in held):
        haystack = phrase if entry.match == "name" else lowered
        if entry.word in haystack and entry.pattern.search(haystack):  # the substring test is the quick refusal
            if entry.type != "none":
                return entry.type
            # a compound that names no type hides the type word inside it: "FBI general counsel" is no rank
            phrase = re.sub(entry.pattern.pattern, " ", phrase, flags=re.IGNORECASE)
            lowered = phrase.lower()
    return None
