"""Generated news articles for the benchmarks: news-like sentences (attributions, quotes, loaded words, numbers),
none repeated in a corpus, from a seeded generator (same arguments, same articles). Never test data for accuracy."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

FIRST = ("Anna", "Omar", "Li", "Maria", "James", "Fatima", "Pieter", "Sofia", "Kwame", "Elena", "Ravi", "Hannah",
         "Diego", "Yusuf", "Chloe", "Tomasz", "Aiko", "Samuel", "Leila", "Marcus")
LAST = ("Berg", "Haddad", "Wei", "Lopez", "Okafor", "Novak", "Silva", "Kim", "Murphy", "Rossi", "Patel", "Schmidt",
        "Dubois", "Mensah", "Ivanova", "Carter", "Nakamura", "Costa", "Farah", "Jensen")
ROLES = ("minister", "spokesperson", "mayor", "analyst", "senator", "economist", "resident", "doctor", "professor",
         "union leader", "police chief", "lawyer")
ORGS = ("the Harbour Union", "the health ministry", "the city council", "Amnesty International", "the central bank",
        "the Red Cross", "the election commission", "the opposition party", "the army", "the United Nations")
PLACES = ("Riverton", "Lakeside", "Northgate", "Eastport", "the capital", "the border region", "Westfield",
          "the southern provinces", "Hillcrest", "the old town")
OUTLETS = ("Daily Planet", "Evening Star", "Morning Ledger", "Coastal Times")
NOUNS = ("budget", "bridge", "ceasefire", "reform", "strike", "inquiry", "tax plan", "housing project", "vaccine drive",
         "trade deal", "curfew", "pipeline", "school closure", "pension law")
ADJECTIVES = ("controversial", "long-awaited", "disastrous", "modest", "shocking", "unprecedented", "costly",
              "so-called", "radical", "welcome", "brutal", "fragile")
SPEECH = ("said", "told reporters", "claimed", "insisted", "warned", "noted", "admitted", "argued", "conceded",
          "stressed")
EVENTS = ("protests", "floods", "clashes", "layoffs", "power cuts", "arrests", "price rises", "fires", "delays")
VERBS = ("slammed", "welcomed", "blocked", "approved", "delayed", "attacked", "defended", "questioned", "praised")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
TEMPLATES = (
    "{name}, a {role} in {place}, {speech} that the {adj} {noun} would cost {n} million.",
    "“The {noun} is a {adj} mistake,” {name} {speech} on {day}.",
    "According to {org}, {n} people were hurt in {event} in {place}.",
    "{org_cap} {verb} the {adj} {noun} after {n} days of {event}.",
    "Critics {verb} the {noun}, calling it a {adj} betrayal of {place}.",
    "{name} reportedly {verb} the plan to expand the {noun} by {n} percent.",
    "Officials who asked not to be named {speech} that {n} {event} had been recorded since {day}.",
    "The {adj} {noun} left {n} families in {place} without help, {org} {speech}.",
    "In {place}, residents described {n} hours of {event} as terrifying.",
    "{name} {speech} the {noun} was needed, but added that {org} had {verb} it {n} times.",
    "“We will not accept this {noun},” said {name}, who has led the {role}s for {n} years.",
    "The {noun} was {verb} by {org} in a vote of {n} to {m}.",
)


def sentences(rng: random.Random, seen: set[str]) -> Iterator[str]:
    """News-like sentences, none repeated (``seen`` holds those already used)."""
    while True:
        org = rng.choice(ORGS)
        fields = {"name": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "role": rng.choice(ROLES),
                  "place": rng.choice(PLACES), "speech": rng.choice(SPEECH), "adj": rng.choice(ADJECTIVES),
                  "noun": rng.choice(NOUNS), "n": rng.randint(2, 99_999), "m": rng.randint(1, 999), "org": org,
                  "org_cap": org[0].upper() + org[1:], "event": rng.choice(EVENTS), "verb": rng.choice(VERBS),
                  "day": rng.choice(DAYS)}
        sentence = rng.choice(TEMPLATES).format(**fields)
        if sentence not in seen:
            seen.add(sentence)
            yield sentence


def article(rng: random.Random, seen: set[str], number: int, *, paragraphs: int, per_paragraph: int = 2) -> dict:
    """One article as a JSON Lines record: id, outlet, published, title, text (a title line and ``paragraphs``
    paragraphs of ``per_paragraph`` sentences)."""
    source = sentences(rng, seen)
    title = f"{rng.choice(NOUNS).capitalize()} row deepens in {rng.choice(PLACES)} ({number})"
    body = ["".join(" " * bool(k) + next(source) for k in range(per_paragraph)) for _ in range(paragraphs)]
    return {"id": f"gen-{number:06d}", "outlet": rng.choice(OUTLETS),
            "published": f"2024-{1 + number % 12:02d}-{1 + number % 28:02d}", "title": title,
            "text": "\n\n".join([title, *body]) + "\n"}


def write_corpus(path: Path, articles: int, *, paragraphs: int = 8, per_paragraph: int = 2, seed: int = 0) -> Path:
    """``articles`` generated articles as one JSON Lines file at ``path``; no sentence repeats."""
    rng, seen = random.Random(seed), set()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for number in range(articles):
            out.write(json.dumps(article(rng, seen, number, paragraphs=paragraphs, per_paragraph=per_paragraph),
                                 ensure_ascii=False) + "\n")
    return path


def long_article(path: Path, paragraphs: int, *, seed: int = 0) -> Path:
    """One article of ``paragraphs`` one-sentence paragraphs, as a text file."""
    rng, seen = random.Random(seed), set()
    record = article(rng, seen, 0, paragraphs=paragraphs, per_paragraph=1)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(record["text"], encoding="utf-8")
    return path
