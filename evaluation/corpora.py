"""Readers of the real annotated news corpora (``../shared/corpora``), each item tagged with its part.

Every corpus is split once, by a hash of the unit that must not straddle parts (an article, an event, a story), into
``dev`` (for training and tuning) and ``heldout`` (only measured): :func:`part`. The split was fixed before any model
was tuned; changing :data:`HELDOUT_SHARE` or the keys would leak held-out items into training.

Offsets are Python ``str`` indices into the item's ``text``, as everywhere in Slant. A span with several fragments
(brat's discontinuous spans) is a tuple of ``(start, end)`` pairs.
"""

from __future__ import annotations

import argparse
import ast
import csv
import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

Part = Literal["dev", "heldout"]
PARTS: tuple[Part, ...] = ("dev", "heldout")
#: One unit in three is held out: the first byte of SHA-256("corpus:key") modulo 3 is 0.
HELDOUT_SHARE = 3
#: Where the corpora are unless ``--corpora`` or ``SLANT_CORPORA`` says otherwise: beside the repository.
DEFAULT_ROOT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"

Fragments = tuple[tuple[int, int], ...]


class CorpusMissing(RuntimeError):
    """A corpus folder is not where the corpora path says."""


def corpora_root(path: str | Path | None = None) -> Path:
    """The corpora folder: ``path``, else ``$SLANT_CORPORA``, else ``../shared/corpora`` beside the repository."""
    return Path(path or os.environ.get("SLANT_CORPORA") or DEFAULT_ROOT)


def parse_command(argv: list[str] | None, *, prog: str, doc: str, what: str, known: Iterable[str]) -> tuple[list[str], str]:
    """The names a command is given (``what``: task, model; all of ``known`` when none) and the corpora folder, from
    ``NAME… [--corpora PATH]``; an unknown name is a usage error."""
    known = list(known)
    parser = argparse.ArgumentParser(prog=prog, description=doc.split("\n")[0])
    parser.add_argument("names", nargs="*", metavar=what.upper(), help=f"among {', '.join(known)} (default: all)")
    parser.add_argument("--corpora", help="the corpora folder (default: $SLANT_CORPORA or ../shared/corpora)")
    args = parser.parse_args(argv)
    unknown = [name for name in args.names if name not in known]
    if unknown:
        parser.error(f"unknown {what} {unknown[0]!r}: choose among {', '.join(known)}")
    return args.names or known, str(corpora_root(args.corpora))


def part(corpus: str, key: str) -> Part:
    """The part a unit belongs to, fixed by a hash of the corpus name and the unit's key."""
    return "heldout" if hashlib.sha256(f"{corpus}:{key}".encode()).digest()[0] % HELDOUT_SHARE == 0 else "dev"


def _folder(root: Path, name: str) -> Path:
    folder = root / name
    if not folder.is_dir():
        raise CorpusMissing(f"{folder} not found: pass --corpora PATH or set SLANT_CORPORA")
    return folder


# -- PTC ----------------------------------------------------------------------------------------------------

#: The PTC techniques that are loaded language in Slant's sense.
PTC_LOADED = ("Loaded_Language", "Name_Calling,Labeling")


@dataclass(frozen=True)
class PtcArticle:
    """A PTC article (first line: its title) and its spans of loaded language and name calling."""

    id: str
    text: str
    part: Part
    spans: tuple[tuple[int, int, str], ...]


def ptc(root: Path) -> list[PtcArticle]:
    """The PTC articles, split by article id (Da San Martino et al. 2019)."""
    folder = _folder(root, "ptc")
    spans: dict[str, list[tuple[int, int, str]]] = {}
    with open(folder / "labels-techniques.tsv", encoding="utf-8") as rows:
        for row in csv.DictReader(rows, delimiter="\t"):
            if row["technique"] in PTC_LOADED:
                spans.setdefault(row["article"], []).append((int(row["start"]), int(row["end"]), row["technique"]))
    articles = []
    for path in sorted((folder / "articles").glob("article*.txt")):
        id_ = path.stem.removeprefix("article")
        articles.append(PtcArticle(id_, path.read_text(encoding="utf-8"), part("ptc", id_),
                                   tuple(sorted(spans.get(id_, [])))))
    return articles


# -- BABE ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BabeSentence:
    """A BABE sentence: ``label`` Biased / Non-biased / No agreement, and the words annotators marked biased."""

    id: str
    text: str
    part: Part
    label: str
    biased_words: tuple[str, ...]
    outlet: str
    leaning: str


def babe(root: Path) -> list[BabeSentence]:
    """The BABE sentences (Spinde et al. 2021), split by the article they come from (its link)."""
    path = _folder(root, "babe") / "sentences.csv"
    sentences = []
    with open(path, encoding="utf-8") as rows:
        for number, row in enumerate(csv.DictReader(rows, delimiter=";")):
            words = ast.literal_eval(row["biased_words"]) if row["biased_words"].strip() else []
            key = row["news_link"] or row["text"]
            sentences.append(BabeSentence(str(number), row["text"], part("babe", key), row["label_bias"],
                                          tuple(words), row["outlet"], row["type"]))
    return sentences


# -- BASIL --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BasilArticle:
    """A BASIL article: body text (sentences joined by a space, paragraphs by a blank line), its outlet and event,
    and its phrase annotations of lexical bias (``lex``) with offsets into ``text``."""

    id: str
    event: str
    outlet: str
    title: str
    text: str
    part: Part
    lexical: tuple[tuple[int, int], ...]
    informational: tuple[tuple[int, int], ...]


def basil(root: Path) -> list[BasilArticle]:
    """The BASIL articles (Fan et al. 2019), split by event so that an event's three outlets stay together."""
    folder = _folder(root, "basil")
    articles = []
    for path in sorted((folder / "articles").rglob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        annotations = json.loads((folder / "annotations" / path.parent.name / f"{path.stem}_ann.json")
                                 .read_text(encoding="utf-8"))
        paragraphs = data["body-paragraphs"]
        if isinstance(paragraphs, str):
            paragraphs = ast.literal_eval(paragraphs)
        text, starts = _join_sentences(paragraphs)
        spans: dict[str, list[tuple[int, int]]] = {"lex": [], "inf": []}
        for phrase in annotations["phrase-level-annotations"]:
            at = _locate(text, starts, phrase)
            if at is not None and phrase.get("bias") in spans:
                spans[phrase["bias"]].append(at)
        event = data["triplet-uuid"]
        articles.append(BasilArticle(path.stem, event, data["source"], data.get("title") or "", text,
                                     part("basil", event), tuple(sorted(spans["lex"])), tuple(sorted(spans["inf"]))))
    return articles


def _join_sentences(paragraphs: list[list[str]]) -> tuple[str, list[int]]:
    parts, starts, length = [], [], 0
    for p, paragraph in enumerate(paragraphs):
        for s, sentence in enumerate(paragraph):
            separator = "" if not parts else (" " if s else "\n\n")
            length += len(separator)
            parts.append(separator + sentence)
            starts.append(length)
            length += len(sentence)
    return "".join(parts), starts


def _locate(text: str, starts: list[int], phrase: dict) -> tuple[int, int] | None:
    """An annotation's offsets are within a sentence it does not name: the first sentence where they fit."""
    start, end, words = int(phrase["start"]), int(phrase["end"]), phrase["txt"]
    for offset in starts:
        if text[offset + start:offset + end] == words:
            return offset + start, offset + end
    return None


# -- PolNeAR ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Relation:
    """An attribution: its cue, its source (or none) and its content (or none), each as fragments."""

    cue: Fragments
    source: Fragments | None
    content: Fragments | None


@dataclass(frozen=True)
class PolnearArticle:
    """A PolNeAR article and its attribution relations, as one annotator marked them."""

    id: str
    text: str
    part: Part
    relations: tuple[Relation, ...]


def polnear(root: Path) -> list[PolnearArticle]:
    """PolNeAR's train split (Newell, Margolin and Ruths 2018), split by article; where several annotators marked
    an article, the first file in name order is read."""
    folder = _folder(root, "polnear") / "data" / "train"
    annotations: dict[str, Path] = {}
    for path in sorted((folder / "attributions").glob("*.ann")):
        annotations.setdefault(re.sub(r"_[0-9a-f]+$", "", path.stem), path)
    articles = []
    for stem, path in sorted(annotations.items()):
        text_path = folder / "text" / f"{stem}.txt"
        if text_path.exists():
            text = text_path.read_text(encoding="utf-8")
            articles.append(PolnearArticle(stem, text, part("polnear", stem), tuple(_brat_relations(path))))
    return articles


def _brat_relations(path: Path) -> Iterator[Relation]:
    spans: dict[str, Fragments] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            _, _, offsets = fields[1].partition(" ")
            spans[fields[0]] = tuple(tuple(int(n) for n in piece.split()) for piece in offsets.split(";"))
        elif line.startswith("E") and len(fields) >= 2:
            events.append(fields[1].split())
    for arguments in events:
        roles: dict[str, list[Fragments]] = {}
        for argument in arguments[1:]:
            role, _, ref = argument.partition(":")
            if ref in spans:
                roles.setdefault(re.sub(r"\d+$", "", role), []).append(spans[ref])
        if "Cue" in roles:
            content = roles.get("Content")
            yield Relation(roles["Cue"][0], roles["Source"][0] if "Source" in roles else None,
                           tuple(f for fragments in content for f in fragments) if content else None)


# -- NewsMTSC -----------------------------------------------------------------------------------------------

Polarity = Literal["negative", "neutral", "positive"]
POLARITIES: tuple[Polarity, ...] = ("negative", "neutral", "positive")
_POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}


@dataclass(frozen=True)
class Target:
    """A person mentioned in a sentence and the sentiment of the sentence toward that mention."""

    start: int
    end: int
    mention: str
    polarity: Polarity


@dataclass(frozen=True)
class MtscSentence:
    """A NewsMTSC sentence and its targets."""

    id: str
    text: str
    part: Part
    targets: tuple[Target, ...] = field(default=())


def newsmtsc(root: Path) -> list[MtscSentence]:
    """NewsMTSC's train split (Hamborg and Donnay 2021), split by the article a sentence comes from."""
    path = _folder(root, "newsmtsc") / "train.jsonl"
    sentences = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        article = "_".join(record["primary_gid"].split("_")[:3])
        targets = tuple(Target(t["from"], t["to"], t["mention"], _POLARITY[float(t["polarity"])])
                        for t in record["targets"])
        sentences.append(MtscSentence(record["primary_gid"], record["sentence_normalized"],
                                      part("newsmtsc", article), targets))
    return sentences


READERS = {"ptc": ptc, "babe": babe, "basil": basil, "polnear": polnear, "newsmtsc": newsmtsc}


@lru_cache(maxsize=None)
def read(corpus: str, root: str | None = None) -> list:
    """Every item of one corpus (cached per run)."""
    return READERS[corpus](corpora_root(root))


def items(corpus: str, which: Part, root: str | None = None) -> list:
    """The items of one part of a corpus."""
    return [item for item in read(corpus, root) if item.part == which]
