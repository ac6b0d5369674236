"""Read the TSV data files shipped in ``analysis/data`` and ``analysis/lexicons`` (or given by the user)."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources

Row = dict[str, str]


def read_tsv(text: str) -> tuple[list[str], list[tuple[int, Row]]]:
    """The header and the rows of a tab-separated text, each row with its 1-based line number.

    Lines starting with ``#`` and blank lines are skipped; the first other line is the header.
    """
    lines = [(n, line.rstrip("\r")) for n, line in enumerate(text.split("\n"), 1)]
    lines = [(n, line) for n, line in lines if line.strip() and not line.startswith("#")]
    if not lines:
        return [], []
    header = [name.strip() for name in lines[0][1].split("\t")]
    rows = [(n, dict(zip(header, (v.strip() for v in line.split("\t"))))) for n, line in lines[1:]]
    return header, rows


def package_text(folder: str, name: str) -> str:
    """The text of a data file shipped in the package, e.g. ``package_text("data", "cues.tsv")``."""
    return resources.files("analysis").joinpath(folder, name).read_text(encoding="utf-8")


def package_tsv(folder: str, name: str) -> list[Row]:
    """The rows of a TSV data file shipped in the package."""
    return [row for _, row in read_tsv(package_text(folder, name))[1]]


@lru_cache(maxsize=1)
def shipped_digest() -> str:
    """One SHA-256 of every data file shipped with the package (their paths and hashes, ``data_hashes``): two kits
    that give it alike read the same lexicons, word lists and model weights."""
    return hashlib.sha256("".join(f"{name} {sha}\n" for name, sha in _shipped_hashes()).encode()).hexdigest()


def data_hashes() -> dict[str, str]:
    """The SHA-256 of every data file shipped with the package (word lists, lexicons, model weights), by path."""
    return dict(_shipped_hashes())


@lru_cache(maxsize=1)
def _shipped_hashes() -> tuple[tuple[str, str], ...]:
    """``data_hashes``, read once per process: the files shipped in the package do not change while it runs."""
    root = resources.files("analysis")
    found = {}
    for folder in ("lexicons", "data", "models"):
        directory = root.joinpath(folder)
        if not directory.is_dir():
            continue
        for item in sorted(directory.iterdir(), key=lambda t: t.name):
            if item.is_file() and not item.name.startswith((".", "_")) and not item.name.endswith(".py"):
                found[f"{folder}/{item.name}"] = hashlib.sha256(item.read_bytes()).hexdigest()
    return tuple(found.items())
