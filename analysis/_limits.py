"""Limits on one input, each checked before the step it protects (see ``docs/robustness.md``).

A limit is a keyword of ``Limits`` in Python and an environment variable on the command line
(``SLANT_MAX_FILE_BYTES=100000000 slant analyze big.jsonl``). An input over a limit is refused with one line,
except a long sentence: it is cut into pieces that are each analysed, with a warning.
"""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass, fields, replace

from ._errors import SlantError


class SlantWarning(UserWarning):
    """Something in an article that Slant analysed differently from usual (a long sentence cut into pieces)."""


@dataclass(frozen=True, kw_only=True)
class Limits:
    """The largest input Slant reads. Environment variable of each: ``SLANT_MAX_`` + its name in upper case."""

    #: Bytes of one input file or of stdin; more is refused before it is read.
    file_bytes: int = 50_000_000
    #: Characters of one article's text.
    article_chars: int = 1_000_000
    #: Paragraphs of one article.
    paragraphs: int = 10_000
    #: Characters of a YAML front matter block (aliases are refused whatever the size).
    front_matter_chars: int = 65_536
    #: Nesting depth of a JSON document (an article is an object of strings: depth 1).
    json_depth: int = 32
    #: Digits of one JSON number.
    json_number_chars: int = 100
    #: Characters of one sentence; a longer one is cut into pieces of at most this length at white space.
    sentence_chars: int = 2_000

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Limits:
        """The defaults, each overridden by its environment variable when set; raises SlantError for a bad value."""
        environ = os.environ if environ is None else environ
        changed = {}
        for field in fields(cls):
            name = env_name(field.name)
            if name in environ:
                value = environ[name].replace("_", "").strip()
                if not value.isdigit() or int(value) < 1:
                    raise SlantError(f"{name}={environ[name]!r}: expected a whole number of at least 1")
                changed[field.name] = int(value)
        return replace(cls(), **changed)


def env_name(limit: str) -> str:
    """The environment variable of a limit: ``file_bytes`` → ``SLANT_MAX_FILE_BYTES``."""
    return f"SLANT_MAX_{limit.upper()}"


def over(limit: str, value: int, maximum: int, what: str) -> str:
    """The message for an input over a limit: what, how much, the limit and how to raise it."""
    return f"{what}: {value:,} (limit {maximum:,}; raise it with {env_name(limit)} or Limits({limit}=…))"


def warn(message: str) -> None:
    """Report something the analysis did differently (the CLI prints it as one ``slant: warning:`` line)."""
    warnings.warn(message, SlantWarning, stacklevel=3)


def default_jobs() -> int:
    """Every core this process may use: how many worker processes ``slant corpus`` runs, and report kernels ``slant
    report``, unless told otherwise (``--jobs``)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
