"""Source types: what kind of source a source phrase is (a person, an official body, the military, an outlet, an
organization, a document, people left unnamed, social media, a pronoun).

The words that type a source are data (``data/sources.tsv``, a ``SourceTypes``), loaded once (``load_source_types``)
and a member of the pipeline's ``Resources``; ``source_type`` reads a phrase as the first of an ordered table of
constructions (``_CONSTRUCTIONS``) that gives a type: a pronoun, a body's spokesperson, a description followed by a
name, a counted set of candidates, people left unnamed, a thing made public ("a declaration filed in court"), a group
or document noun as the head, a candidate named by their party, a name with a party tag, a listed source word, an
appositive's head, a name in capitals, an acronym, an unnamed plural, else a person's name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property

from ._data import Row, package_tsv

#: A source that is a lone pronoun of any kind: personal, possessive ("his claim"), relative ("…, who said").
_SOURCE_PRONOUNS = frozenset("he she it they we i me my you your him his her hers its us our them their "
                             "who whom which that".split())
#: Words that open an unnamed group of sources.
_QUANTIFIERS = frozenset("some several many most few other others two three four various numerous".split())
#: A number in words: "thirty-one", "six", "ninety".
_NUMBER_WORDS = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven"
                 r"|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
                 r"|fifteen|sixteen|seventeen|eighteen|nineteen)")
#: A share or count of people as a source ("60 percent of voters", "Thirty-one percent", "About three-quarters",
#: "a majority of those…", "Majorities in both parties", "A mere 9 percent", "another 12 percent", "Not everyone at
#: the meeting", "Many", "A growing number of farmers", "a group of economists", "Dozens of protesters", "Nearly nine
#: out of 10", "a high percentage of voters", "much of the electorate", "the rest of the country"): unnamed; not a
#: majority leader or whip.
_SHARE = re.compile(
    r"(?:(?:about|nearly|almost|roughly|around|some|only|just|more than|fewer than|less than|at least|not|another"
    r"|(?:a|an|the)\s+(?:mere|paltry|further|additional|remaining|other|vast|overwhelming|slim|narrow|bare|solid))\s+)?"
    r"(?:(?:a\s+full\s+)?(?:\d[\d,.]*|%s)(?:\s*%%|\s+percent\b|\s+per\s+cent\b|\s+(?:out\s+)?(?:of|in)\b)"
    r"|half\b" % _NUMBER_WORDS +
    r"|(?:one|two|three)[- ](?:thirds?|quarters?)\b"
    r"|(?:a\s+)?(?:(?-i:[a-z]+)\s+)?(?:majorit(?:y|ies)|minorit(?:y|ies)|plurality|third|quarter)\b"
    r"(?!\s+(?-i:[A-Z])|\s+(?:leader|whip)\b)"
    r"|(?:everyone|everybody|nobody|no one|none|all)\b"
    r"|(?:(?:a|an|the)\s+(?:(?-i:[a-z]+)\s+)?(?:percentage|share|proportion|fraction)|much|the\s+(?:rest|bulk))"
    r"\s+of\b"
    r"|(?:an?\s+(?:[a-z]+\s+)?number|(?:a|one|another)\s+(?:(?-i:[a-z]+)\s+)?group|a\s+handful|a\s+lot|lots|dozens"
    r"|hundreds|thousands|millions|scores)\s+of\b)", re.IGNORECASE)
#: A source who asked not to be named, wherever the phrase says so ("a senior official, who requested anonymity", "a
#: volunteer who didn't want to be named").
_UNNAMED = re.compile(r"\b(?:anonymity|not\s+authori[sz]ed|(?:not|declined|refused|(?:did|does|do)(?:\s+not|n[’']t)"
                      r"\s+want)\s+to\s+be\s+(?:named|identified))\b", re.IGNORECASE)
#: One unnamed official, with or without a body ("The official", "a former official", "A Treasury official",
#: "an official in the capital"): unnamed, as "officials" are; "Treasury official Ann Lee" names one.
_UNNAMED_OFFICIAL = re.compile(r"(?:the|a|an|one|another|this|that|a\s+second|a\s+third)\s+(?:\S+\s+){0,4}?official",
                               re.IGNORECASE)
#: A plural noun ("voters", "Americans", "Latinos").
_PLURAL = re.compile(r"[a-z][^s]s$")
#: A relative clause after a comma ("who", "which", "whose"), and one that says what someone is or was ("who is", "who
#: was until May"), whose predicate is read as an appositive.
_RELATIVE = re.compile(r"(?:who|whom|whose|which|that)\b")
#: Where a relative clause starts inside a phrase ("the judges who struck down the laws").
_RELATIVE_CLAUSE = re.compile(r"\s+(?:who|whom|whose|which|that)\s+")
_COPULA = re.compile(r"^who\s+(?:is|was|has\s+been|had\s+been|serves\s+as|served\s+as)\s+(?:(?:now|also|then|formerly|once)\s+)?")
#: An appositive that describes one person or a few named ones ("a nurse", "the parents of", "one of", "like most").
_DESCRIPTION = re.compile(r"(?:a|an|the|one|like)\b", re.IGNORECASE)
#: A comma that separates phrases, not one inside a number ("43,000").
_COMMA = re.compile(r"(?<!\d),|,(?!\d)")
#: A first-person or other pronoun with a contraction, inside a quote ("I've", "I’m", "we're", "they'd").
_CONTRACTED_PRONOUN = re.compile(r"(?:i|you|he|she|it|we|they)[’'](?:ve|m|re|ll|d|s)", re.IGNORECASE)
#: The titles of someone who speaks for a body ("a spokeswoman for X", "a bank spokeswoman", "executive director
#: of X", "the company's chief executive"; an aide, "one Clinton aide", "a communications aide for Ms. Lee": a
#: person's aide speaks for their campaign or office; "a representative for Mr. Lee", "Ann Lee's representatives"):
#: the body's type decides. After a possessive the title may have up to three lowercase words before it and a name
#: after it ("Clinton's top foreign policy aide Jake Sullivan").
_SPEAKING_TITLE = (r"(?:spokes(?:man|woman|person)|press\s+secretary|aide|(?:executive\s+|managing\s+)?director|"
                   r"president|chair(?:man|woman)?|head|chief\s+executive(?:\s+officer)?|CEO|representatives?)")
_TITLE_OF = re.compile(r"(?:\S+\s+){0,3}?%s\s+(?:of|for)\s+(?P<body>.+)" % _SPEAKING_TITLE, re.IGNORECASE)
_BODY_TITLE = re.compile(r"(?:(?:the|a|an)\s+)?(?P<body>.+?)\s+(?:spokes(?:man|woman|person)|press\s+secretary|aide)"
                         r"(?:\s+(?-i:[A-Z])\S*)*", re.IGNORECASE)
_TITLE_ONLY = re.compile(r"(?:(?-i:[a-z])\S*\s+){0,3}?%s(?:\s+(?-i:[A-Z])\S*)*" % _SPEAKING_TITLE, re.IGNORECASE)
#: A named person's appositive that makes them a body's spokesperson or head by a possessive ("X, its chief executive
#: officer", "X, the club's president and CEO", "X, Ann Lee's communications director", "X, Facebook's director of
#: public policy": a platform's staff speak for the company): the body speaks.
_OWNED_TITLE = re.compile(r"(?:(?:the|a|an)\s+)?(?:(?:now|then|also)\s+)?(?P<owner>its|their|.+?(?:[’']s|s[’']))\s+"
                          r"(?:\S+\s+){0,3}?%s(?:\s+and\s+(?:\S+\s+){0,2}?%s)?(?:\s+(?:of|for)\s+(?-i:[a-z]).*)?"
                          % (_SPEAKING_TITLE, _SPEAKING_TITLE), re.IGNORECASE)
#: A past staff role, as the head of a description ("a former spokesman for Mr. Lee", "Ann Lee's former campaign
#: manager", "a former top aide to Sen. Lee", "the president's former chief speechwriter"): whoever held it speaks for
#: themself, not for the body or person they served; a former office ("a former director of the budget office", "a
#: former chief of staff") stays an office. Not with a role held now ("… and now the chairman of …"), nor with a
#: second role that speaks for a body, in lowercase ("… and a former director of the budget office", "… and vice
#: president of X"; not "an adviser to President Lee").
_FORMER_STAFF = re.compile(r"(?:(?:the|a|an|another|one)\s+)?(?:(?:\S+\s+){0,2}?\S+[’']s\s+)?(?:ex-|former\s+)"
                           r"(?:\S+\s+){0,3}?"
                           r"(?:aide|spokes(?:man|woman|person)|press\s+secretary|campaign\s+manager|staffer"
                           r"|staff\s+member|advis[eo]r|speechwriter|strategist|(?:communications|executive)\s+director)"
                           r"\b(?!.*\b(?:now|currently|current)\b|.*\band\s+(?:\S+\s+){0,4}?(?-i:(?=[a-z]))%s\b).*"
                           % _SPEAKING_TITLE, re.IGNORECASE)
#: A word of five capitals or more ("SMITH"), unless three consonants in a row make it letters ("NFPTU"): a name
#: seldom has them.
_WORD_IN_CAPITALS = re.compile(r"[A-Z]{5,}")
_CONSONANT_RUN = re.compile(r"[^AEIOUY]{3}")
#: Some of a group ("One of his aides", "two of them").
_ONE_OF = re.compile(r"(?:one|two|three|some|each|both|several|another)\s+of\b", re.IGNORECASE)
#: The lowercase words of a name ("Ann and Tom Lee", "Ludwig van Beethoven").
_NAME_PARTICLES = frozenset("and de del della di da van von der den al bin la le".split())
#: An acronym written with full stops ("F.B.I.", "U.N.").
_DOTTED = re.compile(r"\b(?:[A-Z]\.){2,}")
#: A possessive's owner that is not the head of the phrase but inside a phrase after it ("a source close to the
#: mayor's office": the source, not the office): a preposition before a lowercase word or an article, or after a
#: lowercase word ("a statement from Ann Lee's office", "the deputy head of Spain's delegation"; not "the University
#: of Leeds's" nor "one of Ann Lee's aides", whose head is the owned).
_PREPOSITION = r"(?:in|of|at|from|for|with|on|by|to|about|close\s+to)"
_OWNER_IN_PHRASE = re.compile(r"\s%s\s+(?:the\s|an?\s|[a-z])" % _PREPOSITION)
_OWNER_AFTER_WORD = re.compile(r"(?:^|\s)[a-z][\w-]*\s+%s\s+[A-Z]" % _PREPOSITION)
#: A listed group noun capitalised at the start of a sentence, before a preposition and a name ("Fans of Ann Lee's
#: album": the fans, not the album).
_GROUP_BEFORE_NAME = re.compile(r"([A-Z][a-z]+s)\s+%s\s+[A-Z]" % _PREPOSITION)
#: A named person with other members of an unnamed group ("Ms. Lee and other union leaders"): unnamed.
_AND_OTHERS = re.compile(r".+\s+and\s+(?:other|several|many|some|dozens\s+of)\s+\S", re.IGNORECASE)
#: Some members of a party or body named by its plural ("Democrats involved in the talks", "Republicans in Congress",
#: "Conservatives close to the leader"): unnamed, as "Senate Republican leaders" are; "Democrats" alone is the party.
_MEMBERS = re.compile(r"(?:the\s+)?(?P<body>(?-i:[A-Z])\w+s)\s+(?:involved|close\s+to|familiar\s+with|in|at|on|from)\b",
                      re.IGNORECASE)
#: Outlets counted ("Six regional newspapers", "Several news outlets"): media, not a group of people.
_OUTLETS = re.compile(r"\b(?:newspapers|outlets|networks|broadcasters|magazines|tabloids)$", re.IGNORECASE)
#: A legislator's or governor's party and state, as US news writes them after a name ("(D-N.Y.)", ", R-Texas").
_PARTY_TAG = re.compile(r"\(\s*[DRI]-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\s*\)?|[DRI]-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?")
#: A thing made public, named by the verb that publishes it ("a declaration filed in court", "the order released
#: Friday", "Guidelines recently issued by the agency", "a textbook just published"): a document; not people ("the
#: officials who released it") nor what a pronoun published ("the document he released").
_PUBLISHED = re.compile(r"(?:\S+\s+){0,4}?(?P<noun>[a-z][\w-]*|[A-Z][a-z]+s)\s+(?:(?:just|newly|recently|quietly|"
                        r"jointly|first|previously|publicly)\s+)?(?:released|issued|published|filed|unveiled|leaked"
                        r"|circulated)\b.*")
#: A candidate, nominee or front-runner named by their party ("GOP nominee Ann Lee", "The GOP presidential
#: front-runner", "the presumptive Republican nominee"), with no other title: the person, not the party. A rule, not
#: words of the list: listed before the party names, they would come before titles of office too ("Republican
#: presidential candidate Texas Senator X" stays official).
_PARTY_CANDIDATE = re.compile(r"(?:(?:the|a)\s+)?(?:(?:presumptive|presumed|likely|eventual|leading)\s+)?"
                              r"(?-i:GOP|Republican|Democratic)\s+(?:(?:presidential|vice[- ]presidential)\s+)?"
                              r"(?:nominee|candidate|front-?runner|hopeful)(?P<name>(?:\s+(?-i:[A-Z])\S*)*)",
                              re.IGNORECASE)
#: A counted set of candidates, each of them named in the story ("All three candidates", "both candidates", "The two
#: Democratic candidates", "All five of the Republican candidates"): persons, not a share of people.
_CANDIDATE_SET = re.compile(r"(?:(?:all|the)\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)|both)"
                            r"(?:\s+of\s+the)?\s+(?:\S+\s+){0,2}?(?:candidates|contenders|nominees)", re.IGNORECASE)
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
    #: The listed names of bodies of two words or more ("New York Times", "Fox News"): never a person's name, though
    #: a word of them may be a given name (York, Fox).
    bodies: frozenset[str] = frozenset()
    memo: dict[str, str] = field(default_factory=dict, repr=False)
    #: The listed type of the phrases and words already looked up (``_listed_type``: the constructions ask again).
    listed: dict[str, str | None] = field(default_factory=dict, repr=False)

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
    bodies = frozenset(w.word for w in words if w.match == "name" and " " in w.word and w.type not in ("person", "pronoun"))
    return SourceTypes(words, {pair: tuple(positions) for pair, positions in starting.items()}, bodies)


def source_type(phrase: str, sources: SourceTypes) -> str:
    """The type of a source: that of the first construction in ``_CONSTRUCTIONS`` the phrase is, read with the
    source words of ``sources`` (``SourceTypes.type_of`` memoises it: sources repeat)."""
    reading = _Phrase(phrase, sources)
    return next(found for construction in _CONSTRUCTIONS if (found := construction(reading)) is not None)


class _Phrase:
    """A source phrase and the parts of it the constructions read, each worked out when first asked for."""

    def __init__(self, found: str, sources: SourceTypes) -> None:
        self.found = found
        self.sources = sources

    @cached_property
    def whole(self) -> str:
        """The phrase without a relative pronoun at its end ("business leaders who": the leaders), its acronyms
        without their full stops ("the F.B.I.": the FBI)."""
        return _DOTTED.sub(lambda m: m.group().replace(".", ""), re.sub(r"\s+(?:who|whom|which|that)$", "", self.found))

    @cached_property
    def whole_parts(self) -> tuple[str, str, str]:
        """The whole phrase before its appositive, the comma, and the appositive (:func:`_appositive`)."""
        return _appositive(self.whole)

    @cached_property
    def possessive(self) -> list[str]:
        """The phrase before its appositive cut at its first possessive: [owner, owned], or [itself] without one."""
        return re.split(r"[’']s\s+", self.whole_parts[0], maxsplit=1)

    @cached_property
    def phrase(self) -> str:
        """The phrase read: after a possessive, what is owned ("the study's lead author": the author), unless an
        outlet owns it ("a network's political reporter" stays the outlet's)."""
        owner = self.possessive
        if (len(owner) == 2 and not re.search(r"\b(?:media|news|social)\b", owner[0].lower())
                and not _owner_in_phrase(owner[0], self.sources) and _listed_type(owner[0], self.sources) != "media"):
            return owner[1] + self.whole[len(self.whole_parts[0]):]
        return self.whole

    @cached_property
    def parts(self) -> tuple[str, str, str]:
        """The phrase before its appositive (or the whole phrase when nothing comes before the comma), the comma, and
        the appositive."""
        core, comma, appositive = _appositive(self.phrase)
        return (core, comma, appositive) if core.strip() else (self.phrase, "", appositive)

    @property
    def core(self) -> str:
        return self.parts[0]

    @property
    def comma(self) -> str:
        return self.parts[1]

    @property
    def appositive(self) -> str:
        return self.parts[2]

    @cached_property
    def named(self) -> bool:
        """Whether a word of the core is capitalised, articles aside."""
        return any(w[0].isupper() for w in self.core.split() if w.lower() not in ("the", "a", "an"))

    @cached_property
    def listed(self) -> str | None:
        """The type of the first source word in the core before a relative clause, by priority ("the judges who
        struck down the laws" are judges, not laws)."""
        return _listed_type(_RELATIVE_CLAUSE.split(self.core, maxsplit=1)[0], self.sources)

    @cached_property
    def head_phrase(self) -> str:
        return _head_phrase(self.core)

    @property
    def head(self) -> str:
        """The last word of the head phrase, its head noun."""
        return self.head_phrase.split()[-1]


def _pronoun(p: _Phrase) -> str | None:
    """A lone pronoun, or one with a contraction in a quote: a ``pronoun`` ("she", "its", "who", "we're")."""
    return "pronoun" if p.found.lower() in _SOURCE_PRONOUNS or _CONTRACTED_PRONOUN.fullmatch(p.found) else None


def _former_staff(p: _Phrase) -> str | None:
    """A named person described by a past staff role, before or after the name: a ``person`` ("Tom Reed, a former
    spokesman for Ms. Lee", "Ms. Lee's former campaign manager, Tom Reed")."""
    core, comma, appositive = p.whole_parts
    if not comma:
        return None
    for role, name in ((appositive.strip(" ,"), core), (core.strip(), appositive.strip(" ,"))):
        if _FORMER_STAFF.fullmatch(role) and _is_name(name, p.sources):
            return "person"
    return None


def _owner_speaks(p: _Phrase) -> str | None:
    """A body's spokesperson or head after its possessive: the body ("the company's chief executive")."""
    owner = p.possessive
    return _spoken_for(owner[0], p.sources) if len(owner) == 2 and _TITLE_ONLY.fullmatch(owner[1].strip()) else None


def _named_after(p: _Phrase) -> str | None:
    """A description followed by the name it describes: the name's type ("One of her aides, Ann Lee")."""
    words = p.appositive.strip(" ,").split()
    some_of = _ONE_OF.match(p.core) is not None
    described = (any(w.islower() for w in p.core.split() if w not in ("the", "a", "an"))
                 and (some_of or _head_phrase(p.core) == p.core.strip() and p.listed in (None, "anonymous")))
    if p.comma and described and len(words) >= 2 and _name_words(words):
        return source_type(" ".join(words), p.sources)
    return None


def _candidate_set(p: _Phrase) -> str | None:
    """A counted set of candidates: ``person`` ("All three candidates", "both candidates")."""
    return "person" if _CANDIDATE_SET.fullmatch(p.core.strip()) else None


def _people_unnamed(p: _Phrase) -> str | None:
    """People left unnamed: ``anonymous`` ("Some scientists", "a third of parents", "one official")."""
    return "anonymous" if _unnamed(p.phrase, p.core, p.head_phrase, p.named, p.sources) else None


def _speaker(p: _Phrase) -> str | None:
    """Whoever speaks for a body the phrase names: the body ("a spokeswoman for the ministry", "a bank spokesman")."""
    return _speaker_for(p.core, p.sources) if p.listed not in ("person", "pronoun") else None


def _group_head(p: _Phrase) -> str | None:
    """A group noun as the head, after any names or alone at the start of a sentence: ``anonymous`` ("local shop
    owners", "Senate aides", "Members of the committee")."""
    group = (p.listed not in ("pronoun", "document") and (p.head.islower() or p.head_phrase == p.head)
             and _listed_type(p.head, p.sources) == "anonymous")
    return "anonymous" if group else None


def _acronym_in_brackets(p: _Phrase) -> str | None:
    """A name with its acronym in brackets: an ``organization`` ("the River Trust Alliance (RTA)")."""
    return "organization" if re.search(r"\([A-Z]{2,}\)", p.core) else None


def _document_head(p: _Phrase) -> str | None:
    """A document noun as the head, whatever names come before it: a ``document`` ("the police investigation")."""
    document = p.head.islower() and p.listed not in ("anonymous", "social_media") and _listed_type(p.head, p.sources) == "document"
    return "document" if document else None  # not "a source close to the inquiry", nor "social media reports"


def _published(p: _Phrase) -> str | None:
    """A thing named by the verb that made it public: a ``document`` ("a declaration filed in court", "the order
    released Friday"), unless its noun names people or a pronoun ("the officials who released": read as officials)."""
    published = _PUBLISHED.fullmatch(p.core.strip())
    if published and published.group("noun").lower() not in _SOURCE_PRONOUNS:
        return "document" if _listed_type(published.group("noun"), p.sources) in (None, "document") else None
    return None


def _party_candidate(p: _Phrase) -> str | None:
    """A candidate or nominee named by their party, with no title of office: a ``person`` ("GOP nominee Ann Lee")."""
    candidate = _PARTY_CANDIDATE.fullmatch(p.core.strip())
    name = candidate.group("name").strip() if candidate else ""
    return "person" if candidate and (not name or _listed_type(name, p.sources) is None) else None


def _party_tagged(p: _Phrase) -> str | None:
    """A name with a party and state, before any appositive or as the appositive: an ``official``, a member of a
    legislature or a governor ("Ann Lee (D-Ore.)", "Tom Reed, R-Texas")."""
    tagged = _PARTY_TAG.search(p.core) or _PARTY_TAG.fullmatch(p.appositive.strip(" ,"))
    return "official" if tagged and p.named else None


def _listed(p: _Phrase) -> str | None:
    """The first source word before the appositive, by priority: its type ("the health ministry", "a navy captain")."""
    return p.listed


def _appositive_head(p: _Phrase) -> str | None:
    """The appositive of an untyped phrase: whom it speaks for, or its head ("Ann Lee, a nurse at the clinic")."""
    if not p.comma:
        return None
    appositive = _COPULA.sub("", p.appositive.strip(), count=1)
    speaking = _speaker_for(appositive.rstrip(", "), p.sources)
    owned = _OWNED_TITLE.fullmatch(appositive.rstrip(", "))
    if speaking is None and owned:  # "its" or "their" stand for a body the lists cannot read: an organization
        owner = re.sub(r"[’']s?$", "", owned.group("owner"))
        speaking = "organization" if owner.lower() in ("its", "their") else _spoken_for(owner, p.sources)
    if speaking is not None or _RELATIVE.match(appositive):
        return speaking
    # "a University of Oxford professor" stays whole; "a committee aligned with the mayor" is a committee; a
    # document word describes a name, it is none ("Ann Lee, the polling expert"), and so does a group that a
    # description says a named person is one of or near ("Ann Lee, who has been friends with the mayor", "Tom Reed,
    # an audience member", "Ann and Tom Reed, the parents of two soldiers"; not a list: "Ann Lee, her aides and …");
    # a title that holds "of" is not cut there ("Tom Reed, her chief of staff")
    described = _listed_type(re.split(r"\s+(?:at|of|for|in|with|from|on)\s+(?![A-Z]|staff\b)|\s+(?:who|which|that)\s+"
                                      r"|\s+[a-z]+ed\s+(?:with|by|to)\s+", appositive)[0], p.sources)
    description = appositive != p.appositive.strip() or _DESCRIPTION.match(appositive) is not None
    if p.named and (described == "document" or described == "anonymous" and description):
        return None
    return described


def _in_capitals(p: _Phrase) -> str | None:
    """A name in capitals, as a transcript writes it: typed in title case ("SMITH": Smith, "FRANCE": France)."""
    word = p.core.strip()
    if _WORD_IN_CAPITALS.fullmatch(word) and not _CONSONANT_RUN.search(word):
        return source_type(word.title(), p.sources)
    return None


def _acronym(p: _Phrase) -> str | None:
    """An acronym the lists do not know: an ``organization`` ("the RSPCA")."""
    return "organization" if re.fullmatch(r"(?:[Tt]he\s+)?[A-Z]{2,}", p.core.strip()) else None


def _plural_unnamed(p: _Phrase) -> str | None:
    """A plural common noun as the head: unnamed people, ``anonymous`` ("the doctors", "young voters")."""
    return "anonymous" if (not p.named or p.head.islower()) and _PLURAL.search(p.head) else None


def _name(p: _Phrase) -> str:
    """Any other name: a ``person`` ("Ann Lee", "Dr. Patel")."""
    return "person"


#: The constructions a source phrase is read as, in order: the first that gives a type decides.
_CONSTRUCTIONS: tuple[Callable[[_Phrase], str | None], ...] = (
    _pronoun, _former_staff, _owner_speaks, _named_after, _candidate_set, _people_unnamed, _published, _speaker,
    _group_head, _acronym_in_brackets, _document_head, _party_candidate, _party_tagged, _listed, _appositive_head,
    _in_capitals, _acronym, _plural_unnamed, _name)


def _unnamed(phrase: str, core: str, head_phrase: str, named: bool, sources: SourceTypes) -> bool:
    """Whether a source is people left unnamed: a quantified group ("Some scientists", "Many Americans"), a share or
    count of people ("60 percent of voters", "dozens of"), not of documents or outlets ("three recent polls", "Six
    regional newspapers"); some members of a party ("Democrats involved in the talks"); a bare number ("160"); one
    unnamed official ("The official"); a source who asked not to be named ("a senior official, who requested
    anonymity"); a name with others of a group ("Ms. Lee and other union leaders")."""
    rest = head_phrase.split()[1:]  # after a quantifier: "Many", "Some Labour experts", not "Several Oxfam"
    quantified = core.split()[0].lower() in _QUANTIFIERS and (
        not rest or rest[-1].islower() or not named or _PLURAL.search(rest[-1]) is not None)
    counted = _listed_type(head_phrase, sources) != "document" and not _OUTLETS.search(head_phrase)
    if (quantified or _SHARE.match(core.strip())) and counted:  # not "three recent polls", "Six regional newspapers"
        return True
    members = _MEMBERS.match(core.strip())
    if members and _listed_type(members.group("body"), sources) == "organization":
        return True
    return bool(re.fullmatch(r"(?!(?:19|20)\d\d$)[\d,]+", core.strip()) or _UNNAMED_OFFICIAL.fullmatch(head_phrase)
                or _UNNAMED.search(phrase) or _AND_OTHERS.match(head_phrase))


def _speaker_for(phrase: str, sources: SourceTypes) -> str | None:
    """The type of the body a spokesperson or head speaks for ("a spokeswoman for X", "executive director of X",
    "a bank spokeswoman", "Oxfam spokesman Y"), or None when the phrase names no such title and body."""
    title_of = _TITLE_OF.fullmatch(phrase.strip())
    if title_of:
        return _spoken_for(title_of.group("body"), sources)
    body_title = _BODY_TITLE.fullmatch(phrase.strip())
    return _spoken_for(body_title.group("body"), sources) if body_title else None


def _spoken_for(body: str, sources: SourceTypes) -> str | None:
    """A body's type when it is one ("the company", "the ministry"), else ``organization`` for a name the lists do not
    know (a company, a group, a candidate's campaign: "Acme", "Save Our Rivers", "Ms. Lee"), else None."""
    body = _appositive(body)[0]  # the body's name, not what an appositive says of it
    head = _listed_type(body.split()[-1], sources)  # the body's head noun first: "the Senate campaign" is a campaign
    listed = head if head in _BODY_TYPES else _listed_type(body, sources)
    if listed in _BODY_TYPES:
        return listed
    if listed not in ("document", "pronoun") and any(w[0].isupper() for w in body.split()
                                                     if w.lower() not in ("the", "a", "an")):
        return "organization"  # "a spokesman for Ms. Lee": her campaign; "a Twitter spokesman": the company
    return None


def _is_name(words: str, sources: SourceTypes) -> bool:
    """Whether a phrase is a name: its words capitalised or particles ("Tom Reed", "Mr. Lee"), one word only when it
    is no listed source word ("Reed", not "Republicans")."""
    split = words.split()
    return bool(split) and _name_words(split) and (len(split) >= 2 or _listed_type(words, sources) is None)


def _name_words(words: list[str]) -> bool:
    """Whether every word is capitalised or a particle of a name ("Ann de la Cruz")."""
    return all(w[0].isupper() or w in _NAME_PARTICLES for w in words)


def _head_phrase(core: str) -> str:
    """The phrase before a prepositional phrase or a relative clause ("officials" in "officials in the capital who …")."""
    return re.split(r"\s+(?:in|of|at|from|for|with|who|which|that|on)\s+", core.strip())[0]


def _owner_in_phrase(owner: str, sources: SourceTypes) -> bool:
    """Whether a possessive's owner stands inside a phrase after the head ("a source close to the mayor", "a statement
    from Ann Lee", "Fans of Ann Lee": a group noun capitalised at the start of a sentence), not a quantity of the owned
    ("some of Ann Lee", read as "some of her aides")."""
    group = _GROUP_BEFORE_NAME.match(owner)
    return bool(_OWNER_IN_PHRASE.search(owner) or (_OWNER_AFTER_WORD.search(owner) and not _ONE_OF.match(owner))
                or group and _listed_type(group.group(1).lower(), sources) == "anonymous")


def _appositive(phrase: str) -> tuple[str, str, str]:
    """The phrase before its first comma (not a comma inside a number, "43,000"), the comma, and what follows it."""
    parts = _COMMA.split(phrase, maxsplit=1)
    return (parts[0], ",", parts[1]) if len(parts) == 2 else (phrase, "", "")


def _listed_type(phrase: str, sources: SourceTypes) -> str | None:
    """The type of the first source word of ``sources`` found in the phrase, by priority (memoised in
    ``sources.listed``: the constructions of a phrase ask for its parts more than once)."""
    known = sources.listed.get(phrase, _UNLISTED)
    if known is _UNLISTED:
        if len(sources.listed) >= _TYPES_MEMO:
            sources.listed.clear()
        known = sources.listed[phrase] = _first_listed(phrase, sources)
    return known


_UNLISTED = object()  # not yet looked up (``None``: no source word)


def _first_listed(phrase: str, sources: SourceTypes) -> str | None:
    """``_listed_type`` without its memo."""
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
