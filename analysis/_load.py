"""Inputs to ``Article`` objects: .txt/.md (with optional YAML front matter), .json, .jsonl, folders, stdin.

The text is decoded and its newlines normalized to ``\\n``; nothing else in it changes.
"""

from __future__ import annotations

import codecs
import datetime
import json
import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePath
from typing import Any

import charset_normalizer
import yaml

from . import _io
from ._errors import InputError
from ._model import Article

SUFFIXES = (".txt", ".md", ".json", ".jsonl")
#: The optional metadata fields of an article (front matter keys, JSON fields).
META_FIELDS = ("title", "outlet", "published", "url")

_UNSUPPORTED = "unsupported file type: use .txt, .md, .json or .jsonl (or a folder, or - for stdin)"
_NO_ARTICLES = "no articles (.txt, .md, .json, .jsonl) in this folder"
_BOMS = (  # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Control characters other than white space; a text with more than this share of them is binary.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_MAX_CONTROL_SHARE = 0.1
_FRONT_MATTER_RE = re.compile(r"---[ \t]*\n(.*?)^---[ \t]*(?:\n|\Z)", re.DOTALL | re.MULTILINE)


def read_articles(path: str) -> list[Article]:
    """The articles in one input file (a .jsonl file may hold many). Raises InputError.

    A folder or ``-`` is read as on the command line: the articles of its files, or of stdin.
    """
    return _collect(iter_articles([path]))


def iter_articles(paths: Sequence[str]) -> Iterator[Article | InputError]:
    """Every article of every input, in order; a bad input (or a bad jsonl line) is yielded as an InputError so a batch goes on."""
    for path in paths:
        try:
            sources = _sources(path)
        except InputError as error:
            yield error
            continue
        for source in sources:
            try:
                yield from _read(source)
            except InputError as error:
                yield error


def parse_article(data: bytes, *, source: str, suffix: str = ".txt") -> list[Article]:
    """Decode and parse the bytes of one input (used for files and stdin)."""
    return _collect(_parse(data, source, _check_suffix(source, suffix)))


def _collect(items: Iterator[Article | InputError]) -> list[Article]:
    """The articles of ``items``; raises the first error."""
    articles = []
    for item in items:
        if isinstance(item, InputError):
            raise item
        articles.append(item)
    return articles


def _sources(path: str) -> list[str]:
    """The input files a command-line path stands for (a folder is expanded)."""
    if path == "-":
        return [path]
    if not os.path.exists(path):
        raise InputError(path, "no such file or folder")
    if not os.path.isdir(path):
        return [path]
    files = _folder_files(path)
    if not files:
        raise InputError(path, _NO_ARTICLES)
    return files


def _folder_files(folder: str) -> list[str]:
    """The article files under ``folder``, sorted by relative path; README* and dot entries are skipped."""
    found = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        for name in names:
            if _is_article_file(name):
                found.append(Path(root, name).relative_to(folder))
    return [os.path.join(folder, rel) for rel in sorted(found, key=PurePath.as_posix)]


def _is_article_file(name: str) -> bool:
    """Whether a file name found in a folder is an article to load."""
    hidden = name.startswith(".") or name.lower().startswith("readme")
    return not hidden and PurePath(name).suffix.lower() in SUFFIXES


def _read(source: str) -> Iterator[Article | InputError]:
    """The articles (and bad jsonl lines) of one input file, or of stdin for ``-``."""
    if source == "-":
        return _parse(_io.read_stdin(), source, ".txt")
    suffix = _check_suffix(source, PurePath(source).suffix)
    return _parse(_io.read_bytes(source), source, suffix)


def _check_suffix(source: str, suffix: str) -> str:
    """``suffix`` in lower case; raises InputError when it is not a supported input type."""
    if suffix.lower() not in SUFFIXES:
        raise InputError(source, _UNSUPPORTED)
    return suffix.lower()


def _parse(data: bytes, source: str, suffix: str) -> Iterator[Article | InputError]:
    """The articles of decoded input bytes; a bad jsonl line is yielded as an InputError."""
    text = _decode(data, source)
    if suffix == ".jsonl":
        yield from _jsonl_articles(text, source)
    elif suffix == ".json":
        yield _json_article(_json_object(text, source), source, _stem(source), source)
    else:
        yield _text_article(text, source)


def _decode(data: bytes, source: str) -> str:
    """The text of ``data`` with newlines normalized; raises InputError for binary, undecodable or empty data."""
    text = _decode_raw(data, source)
    if len(_CONTROL_RE.findall(text)) > _MAX_CONTROL_SHARE * len(text):
        raise InputError(source, "binary file, not text")
    if not text.strip():
        raise InputError(source, "empty: no text")
    return _normalize_newlines(text)


def _decode_raw(data: bytes, source: str) -> str:
    """``data`` decoded: by its BOM, else as UTF-8, else as detected by charset-normalizer."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_as(data, encoding, source)
    if b"\x00" in data:
        raise InputError(source, "binary file, not text")
    if data.startswith(codecs.BOM_UTF8):
        return _decode_as(data[len(codecs.BOM_UTF8):], "utf-8", source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    match = charset_normalizer.from_bytes(data).best()
    if match is None:
        raise InputError(source, "cannot decode: not UTF-8 and no other text encoding detected")
    return str(match)


def _decode_as(data: bytes, encoding: str, source: str) -> str:
    """``data`` decoded with ``encoding`` (the codec drops a UTF-16/32 BOM); raises InputError."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(source, f"cannot decode as {encoding.upper()}: {error.reason} at byte {error.start}") from None


def _normalize_newlines(text: str) -> str:
    """``\\r\\n`` and ``\\r`` become ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _stem(source: str) -> str:
    """The default article id of an input: the file stem, ``stdin`` for ``-``."""
    return "stdin" if source == "-" else PurePath(source).stem


def _text_article(text: str, source: str) -> Article:
    """A .txt/.md article; a leading YAML front matter block is metadata, the rest is the text."""
    meta: dict[str, Any] = {}
    match = _FRONT_MATTER_RE.match(text)
    if match:
        meta = _front_matter(match.group(1), source)
        text = text[match.end():]
        if not text.strip():
            raise InputError(source, "empty: no text")
    return _article(meta, text, source, _stem(source))


def _front_matter(block: str, source: str) -> dict[str, Any]:
    """The mapping of a front matter block; raises InputError naming the bad line."""
    try:
        meta = yaml.safe_load(block)
    except yaml.YAMLError as error:
        raise _yaml_error(error, block, source) from None
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise InputError(source, "front matter must be a mapping (title:, outlet:, published:, url:, id:)")
    return meta


def _yaml_error(error: yaml.YAMLError, block: str, source: str) -> InputError:
    """An InputError for malformed front matter, at the file line of the problem."""
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    if mark is None:
        return InputError(source, f"malformed YAML front matter: {problem}")
    line = mark.line + 2  # the block starts on line 2, after the opening ---
    lines = block.splitlines()
    shown = f" in {lines[mark.line].strip()!r}" if mark.line < len(lines) else ""
    return InputError(f"{source}:{line}", f"malformed YAML front matter: {problem}{shown}")


def _json_object(text: str, where: str) -> dict[str, Any]:
    """The JSON object in ``text``; raises InputError (at ``where``) otherwise."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        at = f"line {error.lineno}, column {error.colno}" if error.lineno > 1 else f"column {error.colno}"
        raise InputError(where, f"malformed JSON: {error.msg} ({at})") from None
    if not isinstance(value, dict):
        raise InputError(where, "expected a JSON object with id, title and text")
    return value


def _json_article(obj: dict[str, Any], where: str, default_id: str, path: str) -> Article:
    """An article from a JSON object; ``text`` must be a non-empty string."""
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(where, '"text" must be a non-empty string')
    return _article(obj, _normalize_newlines(text), path, default_id)


def _jsonl_articles(text: str, source: str) -> Iterator[Article | InputError]:
    """One article per non-blank line; a bad line is yielded as an InputError at ``source:LINE``."""
    stem = _stem(source)
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            yield _json_article(_json_object(line, where), where, f"{stem}-{number}", source)
        except InputError as error:
            yield error


def _article(meta: dict[str, Any], text: str, path: str, default_id: str) -> Article:
    """An Article from ``text`` and metadata (front matter or JSON fields); values become strings."""
    fields = {name: _as_str(meta.get(name)) for name in META_FIELDS}
    return Article(id=_as_str(meta.get("id")) or default_id, text=text, path=path, **fields)


def _as_str(value: Any) -> str | None:
    """A metadata value as a string (dates in ISO format); ``None`` stays ``None``."""
    if value is None:
        return None
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)
