"""Inputs to ``Article`` objects: .txt/.md (with optional YAML front matter), .json, .jsonl, .html, folders, stdin.

The text is decoded and its newlines normalized to ``\\n``; nothing else in it changes. An HTML page's article
is its main text as trafilatura extracts it, and that extracted text is what offsets index. Everything that can
go wrong with one input (its type, size, encoding, front matter, JSON) is an ``InputError`` naming it; the limits
of ``Limits`` are checked before the step they protect.
"""

from __future__ import annotations

import codecs
import datetime
import json
import os
import re
import stat
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePath
from typing import Any

import charset_normalizer
import yaml

from . import _io
from ._errors import InputError, InternalError
from ._limits import Limits, over
from ._model import Article

SUFFIXES = (".txt", ".md", ".json", ".jsonl", ".html", ".htm")
#: The optional metadata fields of an article (front matter keys, JSON fields).
META_FIELDS = ("title", "outlet", "published", "url", "author")

_UNSUPPORTED = "unsupported file type: use .txt, .md, .json, .jsonl or .html (or a folder, or - for stdin)"
_NO_ARTICLES = "no articles (.txt, .md, .json, .jsonl, .html) in this folder"
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
#: The first line of a front matter block is a metadata key ("title: …", "id:"); otherwise the block is text.
_META_KEY_RE = re.compile(r"[a-z_][a-z0-9_-]*:(?:[ \t]|$)")
_SAME = object()  # an article's path is where it was read, unless told otherwise
_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")
_JSON_STRING_RE = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_JSON_BRACKETS_RE = re.compile(r"[\[\]{}]")


def read_articles(path: str, *, limits: Limits | None = None) -> list[Article]:
    """The articles in one input file (a .jsonl file may hold many). Raises InputError.

    A folder or ``-`` is read as on the command line: the articles of its files, or of stdin.
    """
    return _collect(iter_articles([path], limits=limits))


def iter_articles(paths: Sequence[str], *, limits: Limits | None = None
                  ) -> Iterator[Article | InputError | InternalError]:
    """Every article of every input, in order; a bad input (or a bad jsonl line) is yielded as an InputError, and a
    bug met while reading one as an InternalError, so that a batch goes on."""
    limits = limits or Limits()
    for path in paths:
        try:
            sources = _sources(path)
        except InputError as error:
            yield error
            continue
        for source in sources:
            try:
                yield from _read(source, limits)
            except InputError as error:
                yield error
            except Exception as error:  # noqa: BLE001 - a bug while reading one input skips only it
                yield InternalError(source, error)


def parse_article(data: bytes, *, source: str, suffix: str = ".txt", limits: Limits | None = None) -> list[Article]:
    """Decode and parse the bytes of one input (used for files and stdin)."""
    return _collect(_parse(data, source, _check_suffix(source, suffix), limits or Limits()))


def _collect(items: Iterator[Article | InputError | InternalError]) -> list[Article]:
    """The articles of ``items``; raises the first error (a bug as itself)."""
    articles = []
    for item in items:
        if isinstance(item, InputError):
            raise item
        if isinstance(item, InternalError):
            raise item.error
        articles.append(item)
    return articles


def _sources(path: str) -> list[str]:
    """The input files a command-line path stands for (a folder is expanded)."""
    if path == "-":
        return [path]
    try:
        info = os.stat(path)
    except OSError as error:
        raise _io.input_error(path, error) from None
    except ValueError:
        raise InputError(path, "not a valid path (it holds a NUL character)") from None
    if not stat.S_ISDIR(info.st_mode):
        return [path]
    files = _folder_files(path)
    if not files:
        raise InputError(path, _NO_ARTICLES)
    return files


def _folder_files(folder: str) -> list[str]:
    """The article files under ``folder``, sorted by relative path; README* and dot entries are skipped, and linked
    folders are not entered (no loops)."""
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


def _read(source: str, limits: Limits) -> Iterator[Article | InputError]:
    """The articles (and bad jsonl lines) of one input file, or of stdin for ``-``."""
    if source == "-":
        return _parse(_io.read_stdin(max_bytes=limits.file_bytes), source, ".txt", limits)
    suffix = _check_suffix(source, PurePath(source).suffix)
    return _parse(_io.read_bytes(source, max_bytes=limits.file_bytes), source, suffix, limits)


def _check_suffix(source: str, suffix: str) -> str:
    """``suffix`` in lower case; raises InputError when it is not a supported input type."""
    if suffix.lower() not in SUFFIXES:
        raise InputError(source, _UNSUPPORTED)
    return suffix.lower()


def _parse(data: bytes, source: str, suffix: str, limits: Limits) -> Iterator[Article | InputError]:
    """The articles of decoded input bytes; a bad jsonl line is yielded as an InputError."""
    text = _decode(data, source)
    if suffix == ".jsonl":
        yield from _jsonl_articles(text, source, limits)
    elif suffix == ".json":
        yield _json_article(_json_object(text, source, limits), source, _stem(source), source, limits)
    elif suffix in (".html", ".htm"):
        yield _html_article(text, source, limits)
    else:
        yield _text_article(text, source, limits)


def _decode(data: bytes, source: str) -> str:
    """The text of ``data`` with newlines normalized; raises InputError for binary, undecodable or empty data."""
    text = _decode_raw(data, source)
    if len(_CONTROL_RE.findall(text)) > _MAX_CONTROL_SHARE * len(text):
        raise InputError(source, "binary file, not text")
    if not text.strip():
        raise InputError(source, "empty: no text")
    return _normalize_newlines(text)


def _decode_raw(data: bytes, source: str) -> str:
    """``data`` decoded: by its BOM, else as UTF-8, else as Windows-1252 or what charset-normalizer detects."""
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
    return _legacy_decode(data, source)


def _legacy_decode(data: bytes, source: str) -> str:
    """Text that is not UTF-8: Windows-1252 (a superset of Latin-1's letters, with the smart quotes) when the
    bytes are valid in it, unless charset-normalizer finds a non-Latin script (Cyrillic, Greek, Arabic, CJK …)."""
    match = charset_normalizer.from_bytes(data).best()
    detected = str(match) if match is not None else None
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and (detected is None or not _mostly_non_latin(detected)):
        return western
    if detected is None:
        raise InputError(source, "cannot decode: not UTF-8 and no other text encoding detected")
    return detected


def _mostly_non_latin(text: str) -> bool:
    """Whether most non-ASCII letters of ``text`` are outside the Latin script."""
    letters = [c for c in text if ord(c) > 0x7F and c.isalpha()]
    non_latin = sum(1 for c in letters if not unicodedata.name(c, "").startswith("LATIN"))
    return bool(letters) and non_latin > len(letters) / 2


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


def _text_article(text: str, source: str, limits: Limits) -> Article:
    """A .txt/.md article; a leading YAML front matter block is metadata, the rest is the text.

    The block is front matter only when its first line is a metadata key (``title: …``); a Markdown file that
    opens with a ``---`` rule keeps its first paragraph as text."""
    meta: dict[str, Any] = {}
    match = _FRONT_MATTER_RE.match(text)
    if match and _is_metadata(match.group(1)):
        meta = _front_matter(match.group(1), source, limits)
        text = text[match.end():]
        if not text.strip():
            raise InputError(source, "empty: no text")
    return _article(meta, text, source, _stem(source), limits)


def _is_metadata(block: str) -> bool:
    """Whether a block between ``---`` lines is metadata: empty, or its first line (comments aside) is a key."""
    lines = [line for line in block.split("\n") if line.strip() and not line.lstrip().startswith("#")]
    return not lines or bool(_META_KEY_RE.match(lines[0]))


class _MetadataLoader(yaml.SafeLoader):
    """PyYAML's safe loader without aliases (no alias bombs) and with a bounded nesting depth."""

    max_depth = 32
    _depth = 0

    def compose_node(self, parent, index):  # noqa: ANN001, ANN201 - PyYAML's signature
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed in front matter",
                                              self.peek_event().start_mark)
        self._depth += 1
        try:
            if self._depth > self.max_depth:
                raise yaml.composer.ComposerError(None, None, f"nested more than {self.max_depth} levels deep",
                                                  self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _front_matter(block: str, source: str, limits: Limits) -> dict[str, Any]:
    """The mapping of a front matter block; raises InputError naming the bad line."""
    if len(block) > limits.front_matter_chars:
        raise InputError(source, over("front_matter_chars", len(block), limits.front_matter_chars,
                                      "front matter too long, characters"))
    loader = _MetadataLoader(block)
    loader.max_depth = limits.json_depth
    try:
        meta = loader.get_single_data()
    except yaml.YAMLError as error:
        raise _yaml_error(error, block, source) from None
    except (ValueError, TypeError, OverflowError, RecursionError) as error:  # a value YAML cannot build: 2024-02-30
        raise InputError(source, f"malformed YAML front matter: {error}") from None
    finally:
        loader.dispose()
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
    shown = f" in {lines[mark.line].strip()[:80]!r}" if mark.line < len(lines) else ""
    return InputError(f"{source}:{line}", f"malformed YAML front matter: {problem}{shown}")


def _json_object(text: str, where: str, limits: Limits) -> dict[str, Any]:
    """The JSON object in ``text``; raises InputError (at ``where``) otherwise, or when it is nested deeper than
    the limit or holds a longer number."""
    _check_json_depth(text, where, limits.json_depth)

    def number(literal: str, kind: type = int) -> Any:
        if len(literal) > limits.json_number_chars:
            raise InputError(where, over("json_number_chars", len(literal), limits.json_number_chars,
                                         "a JSON number too long, characters"))
        return kind(literal)

    try:
        value = json.loads(text, parse_int=number, parse_float=lambda literal: number(literal, float))
    except json.JSONDecodeError as error:
        at = f"line {error.lineno}, column {error.colno}" if error.lineno > 1 else f"column {error.colno}"
        raise InputError(where, f"malformed JSON: {error.msg} ({at})") from None
    except RecursionError:
        raise InputError(where, "malformed JSON: nested too deeply") from None
    if not isinstance(value, dict):
        raise InputError(where, "expected a JSON object with id, title and text")
    return value


def _check_json_depth(text: str, where: str, limit: int) -> None:
    """Raise InputError when brackets outside strings nest deeper than ``limit`` (checked before parsing)."""
    if text.count("[") + text.count("{") <= limit:
        return
    depth = 0
    for bracket in _JSON_BRACKETS_RE.findall(_JSON_STRING_RE.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        if depth > limit:
            raise InputError(where, over("json_depth", depth, limit, "JSON nested too deeply, levels"))


def _json_article(obj: dict[str, Any], where: str, default_id: str, path: str, limits: Limits) -> Article:
    """An article from a JSON object; ``text`` must be a non-empty string."""
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(where, '"text" must be a non-empty string')
    return _article(obj, _normalize_newlines(text), where, default_id, limits, path=path)


def _jsonl_articles(text: str, source: str, limits: Limits) -> Iterator[Article | InputError]:
    """One article per non-blank line; a bad line is yielded as an InputError at ``source:LINE``."""
    stem = _stem(source)
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            yield _json_article(_json_object(line, where, limits), where, f"{stem}-{number}", source, limits)
        except InputError as error:
            yield error


def _html_article(html: str, source: str, limits: Limits) -> Article:
    """The main text of a web page (trafilatura: navigation, scripts and comments left out), with its title,
    author, date, site name and URL when the page gives them."""
    import trafilatura

    page = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False,
                                       deduplicate=False)
    text = page.text if page is not None else None
    if not text or not text.strip():
        raise InputError(source, "no article text found in this HTML page")
    meta = {"title": page.title, "author": page.author, "published": page.date, "outlet": page.sitename,
            "url": page.url}
    return _article(meta, _normalize_newlines(text), source, _stem(source), limits)


def text_article(text: str, *, id: str, limits: Limits, **meta: str | None) -> Article:
    """An article from a string (``analyze(text=…)``): newlines normalized, the limits checked."""
    return _article({**meta, "id": id}, _normalize_newlines(text), id, id, limits, path=None)


def _article(meta: dict[str, Any], text: str, where: str, default_id: str, limits: Limits, *,
             path: Any = _SAME) -> Article:
    """An Article from ``text`` and metadata (front matter or JSON fields); values become strings. Raises InputError
    for a text over the limit or a lone surrogate (``"\\ud800"`` in JSON), which no file can hold."""
    if len(text) > limits.article_chars:
        raise InputError(where, over("article_chars", len(text), limits.article_chars, "article too long, characters"))
    fields = {name: _as_str(meta.get(name)) for name in META_FIELDS}
    article_id = _as_str(meta.get("id")) or default_id
    for name, value in (("text", text), ("id", article_id), *fields.items()):
        if value is not None and _SURROGATE_RE.search(value):
            raise InputError(where, f'"{name}" holds an invalid character (a lone surrogate such as "\\ud800")')
    return Article(id=article_id, text=text, path=where if path is _SAME else path, **fields)


def _as_str(value: Any) -> str | None:
    """A metadata value as a string: dates in ISO format, lists joined with commas, true/false; ``None`` and empty
    values are ``None``."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, dict):
        text = "; ".join(f"{_as_str(k)}: {_as_str(v) or ''}" for k, v in value.items())
    elif isinstance(value, (list, tuple, set)):
        text = ", ".join(filter(None, (_as_str(v) for v in value)))
    else:
        text = str(value)
    return text or None
