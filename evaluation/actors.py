"""Actors found without a file, on real articles: ``python -m evaluation.actors [PART] [--corpora PATH]``.

For every article of PolNeAR and PTC (the dev part unless ``heldout`` is given) it lists the top ten automatic
actors and prints those that look like no person, organisation or place:

- a name that the tagger reads as a proper noun in none of its mentions;
- a single word that the article also writes in lower case ("Some", "Coverage");
- a date or a title ("Jan", "Sen", "Monday"), a possessive left attached ("Biden's"), two names joined by "and"
  ("Russia and Turkey"; not after "of": "Department of Health and Human Services"), or a name that another top-ten
  actor contains as a whole word ("Biden" beside "Joe Biden": one actor counted twice).

These are warnings to read, not a figure: a real name can trip them, and a non-name can pass.
"""

from __future__ import annotations

import re
import sys

from analysis import analyze
from analysis._pipeline import load_resources

from .corpora import CorpusMissing, items, parse_command

TOP = 10
_CALENDAR_OR_TITLE = re.compile(
    r"^(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|St)\.?$"
)


def suspicious(doc, top: list[str]) -> list[tuple[str, str]]:
    """The top actors that look like no name, each with the reason."""
    a = doc.analysis
    tags: dict[str, list[str]] = {}
    for sentence_tokens in a.tokens:
        for token in sentence_tokens:
            tags.setdefault(token.text, []).append(token.tag)
    lower = set(re.findall(r"\b[a-z][\w-]*\b", doc.text))
    found = []
    for name in top:
        words = name.split()
        if not any(t.startswith("NNP") for w in words for t in tags.get(w, [])):
            found.append((name, "never tagged a proper noun"))
        elif len(words) == 1 and name.lower() in lower:
            found.append((name, "also written in lower case"))
        elif _CALENDAR_OR_TITLE.match(words[0]) and len(words) == 1:
            found.append((name, "a date or a title"))
        elif re.search(r"['’]s$", name):
            found.append((name, "a possessive"))
        elif " and " in name and " of " not in name.split(" and ")[0]:
            found.append((name, "two names joined by 'and'"))
        elif any(other != name and re.search(r"(?<!\S)%s(?!\S)" % re.escape(name), other) for other in top):
            found.append((name, "part of another top actor"))
    return found


def articles(part: str, root: str | None):
    for corpus in ("polnear", "ptc"):
        for article in items(corpus, part, root):
            yield f"{corpus}:{article.id}", article.text


def main(argv: list[str] | None = None) -> int:
    names, root = parse_command(argv, prog="python -m evaluation.actors", doc=__doc__, what="part",
                                known=("dev", "heldout"))
    part = "heldout" if names == ["heldout"] else "dev"
    resources = load_resources()
    checked = flagged = 0
    try:
        for key, text in articles(part, root):
            doc = analyze(text=text, resources=resources)
            top = list(doc.actors["actor"][:TOP])
            checked += len(top)
            for name, reason in suspicious(doc, top):
                flagged += 1
                print(f"{key}\t{name}\t{reason}")
    except CorpusMissing as error:
        print(f"evaluation.actors: {error}", file=sys.stderr)
        return 2
    print(f"{flagged} of {checked} top-ten actors look like no name ({part} part)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
