"""The one seam for file I/O: every read of an input and every write of an output goes through here.

Inputs are read only if they are regular files (a symlink is followed to one), never past a size limit. Outputs
are written to a temporary file in the target's folder and renamed over the target: all or nothing, and a symlink
at the target is replaced, never written through.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from ._errors import InputError, OutputError

_KINDS = ((stat.S_ISDIR, "is a folder, not a file"), (stat.S_ISFIFO, "is a pipe (FIFO), not a regular file"),
          (stat.S_ISCHR, "is a character device, not a regular file"), (stat.S_ISBLK, "is a block device, not a regular file"),
          (stat.S_ISSOCK, "is a socket, not a regular file"))
#: What a terminal could act on in a printed name: control characters, line and paragraph separators, bidi
#: overrides, lone surrogates (undecodable bytes of a file name).
_UNPRINTABLE_RE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def read_bytes(path: str, *, max_bytes: int | None = None) -> bytes:
    """The bytes of the regular file at ``path``; raises ``InputError`` when it cannot be read, is not a regular
    file (folder, FIFO, device, socket, symlink loop) or holds more than ``max_bytes``."""
    try:
        _check_regular(path, os.stat(path))  # before open: opening a FIFO or a device can block or have effects
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise InputError(path, _reason(error)) from None
    with os.fdopen(fd, "rb") as file:
        try:
            info = os.fstat(fd)
            _check_regular(path, info)  # the file may have been swapped since the stat
            if max_bytes is not None and info.st_size > max_bytes:
                raise InputError(path, _too_big(info.st_size, max_bytes))
            data = file.read() if max_bytes is None else file.read(max_bytes + 1)
        except OSError as error:
            raise InputError(path, _reason(error)) from None
    if max_bytes is not None and len(data) > max_bytes:
        raise InputError(path, _too_big(len(data), max_bytes))
    return data


def read_stdin(*, max_bytes: int | None = None) -> bytes:
    """All of standard input, as bytes; raises ``InputError`` past ``max_bytes``."""
    data = sys.stdin.buffer.read() if max_bytes is None else sys.stdin.buffer.read(max_bytes + 1)
    if max_bytes is not None and len(data) > max_bytes:
        raise InputError("-", _too_big(len(data), max_bytes, at_least=True))
    return data


def _check_regular(path: str, info: os.stat_result) -> None:
    for test, message in _KINDS:
        if test(info.st_mode):
            raise InputError(path, message)
    if not stat.S_ISREG(info.st_mode):
        raise InputError(path, "not a regular file")


def _too_big(size: int, max_bytes: int, *, at_least: bool = False) -> str:
    from ._limits import over

    return over("file_bytes", size, max_bytes, "too large, bytes" + (" (at least)" if at_least else ""))


def _reason(error: OSError) -> str:
    """A short reason for a failed read or write."""
    reasons = {errno.ENOENT: "no such file or folder", errno.EISDIR: "is a folder, not a file",
               errno.EACCES: "permission denied", errno.EPERM: "permission denied",
               errno.ELOOP: "symlink loop (or too many levels of symlinks)", errno.ENAMETOOLONG: "name too long",
               errno.ENOTDIR: "a part of the path is a file, not a folder", errno.ENOSPC: "no space left on device"}
    return reasons.get(error.errno, f"cannot read: {error.strerror or error}")


def input_error(path: str, error: OSError) -> InputError:
    """An ``OSError`` met while looking at an input, as an ``InputError`` with a short reason."""
    return InputError(path, _reason(error))


def printable(text: str) -> str:
    """``text`` safe to print on a terminal: control characters, separators, bidi overrides and undecodable bytes
    escaped (``\\n``, ``\\x1b``, ``\\u202e``), so that a file name or title cannot forge or hide a line."""
    return _UNPRINTABLE_RE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char) or (
        f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")


#: The name of standard output in an ``OutputError``.
STDOUT = "standard output"


def write_stdout(text: str) -> None:
    """Write ``text`` to standard output now; a full disk or a closed pipe raises ``OutputError``."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except OSError as error:
        _silence_stdout()
        raise OutputError(STDOUT, f"cannot write: {error.strerror or error}", errno=error.errno) from None


def _silence_stdout() -> None:
    """Point standard output at the null device, so that Python's final flush does not fail again."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


def check_output(target: str | Path, *, suffixes: tuple[str, ...], inputs: Iterable[str] = (),
                 folder_ok: bool = False) -> Path:
    """``target`` checked before any analysis: a file with one of ``suffixes`` (not a folder, not an input, not
    under a file), or with ``folder_ok`` and any other name a folder (existing, or created here). Raises
    ``OutputError``."""
    target = Path(target)
    _check_name(target)
    if target.suffix.lower() in suffixes:
        _check_file_target(target, suffixes, inputs)
        return target
    if not folder_ok:
        raise OutputError(str(target), f"expected a file name ending in {' or '.join(suffixes)}")
    if target.exists() and not target.is_dir():
        raise OutputError(str(target), f"is a file, not a folder (give a folder, or a {suffixes[0]} file)")
    if not target.exists():
        _check_parent(target)
        try:
            target.mkdir(parents=True)
        except OSError as error:
            raise OutputError(str(target), f"cannot create the folder: {error.strerror or error}") from None
    return target


def _check_name(target: Path) -> None:
    """Every part of ``target`` can be a file name here: encodable, at most 255 bytes."""
    for part in target.parts:
        try:
            encoded = os.fsencode(part)
        except UnicodeError:
            raise OutputError(str(target), "the name cannot be encoded on this system") from None
        if len(encoded) > 255:
            raise OutputError(str(target), "name too long (a file name has at most 255 bytes)")


def check_target(target: Path, *, inputs: Iterable[str] = ()) -> None:
    """One output file about to be written (``check_output`` checked its folder): not an input, not a folder, and
    if it exists, an earlier output of Slant (an HTML page it wrote), never another file."""
    if target.is_dir():
        raise OutputError(str(target), "is a folder, not a file")
    if _is_input(target, inputs):
        raise OutputError(str(target), "is one of the inputs: Slant never overwrites an input")
    if target.suffix.lower() in (".html", ".htm") and target.is_file() and not _written_by_slant(target):
        raise OutputError(str(target), "exists and is not a Slant report: remove it or choose another name")


def _written_by_slant(path: Path) -> bool:
    """Whether an existing HTML file is a page Slant wrote (its generator mark, or an older report's title)."""
    try:
        with open(path, "rb") as file:
            head = file.read(65_536)
    except OSError:
        return False
    return b'<meta name="generator" content="Slant">' in head or b"<title>Slant " in head


def _check_file_target(target: Path, suffixes: tuple[str, ...], inputs: Iterable[str]) -> None:
    _check_parent(target)
    check_target(target, inputs=inputs)
    if os.path.lexists(target) and not (target.is_file() or target.is_symlink()):
        raise OutputError(str(target), "exists and is not a regular file")


def _check_parent(target: Path) -> None:
    """The nearest existing folder above ``target`` (missing ones are created when writing) is a folder we may
    write in, not a file."""
    parent = target.parent
    while not os.path.lexists(parent) and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        raise OutputError(str(target), f"{parent} is not a folder")
    if not os.access(parent, os.W_OK):
        raise OutputError(str(target), f"cannot write in the folder {parent}: permission denied")


def _is_input(target: Path, inputs: Iterable[str]) -> bool:
    """Whether ``target`` is (or a symlink at it points to) one of the input files."""
    for path in inputs:
        if path == "-":
            continue
        with contextlib.suppress(OSError):
            if os.path.exists(target) and os.path.samefile(target, path):
                return True
        with contextlib.suppress(OSError, ValueError):
            if os.path.abspath(target) == os.path.abspath(path):
                return True
    return False


def write_text_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically (see ``write_bytes_atomic``)."""
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path``: all or nothing, never a partial file (see ``atomic_writer``)."""
    with atomic_writer(path, binary=True) as file:
        file.write(data)


@contextlib.contextmanager
def atomic_writer(path: str | Path, *, binary: bool = False) -> Iterator[IO[Any]]:
    """A file (text in UTF-8, or ``binary``) that appears at ``path`` only when the block ends without an error, all
    at once; parent folders are created. The data go to a temporary file in the same folder that is renamed over
    ``path``: a symlink at ``path`` is replaced, not followed. Raises ``OutputError`` when the file cannot be
    written."""
    path = Path(path)
    text = {} if binary else {"mode": "w", "encoding": "utf-8", "newline": ""}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = tempfile.NamedTemporaryFile(delete=False, dir=path.parent, prefix=f".{path.name[:100]}.", suffix=".tmp",
                                          **text)
    except (OSError, UnicodeError) as error:
        raise OutputError(str(path), _write_reason(error)) from None
    try:
        with tmp:
            yield tmp
            tmp.flush()
            os.fsync(tmp.fileno())
        os.chmod(tmp.name, 0o644)  # NamedTemporaryFile creates 0o600; outputs are ordinary files
        os.replace(tmp.name, path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(tmp.name)
        if isinstance(error, (OSError, UnicodeError)):
            raise OutputError(str(path), _write_reason(error)) from error
        raise


def _write_reason(error: OSError | UnicodeError) -> str:
    if isinstance(error, UnicodeError):
        return "the file name cannot be encoded on this system"
    return f"cannot write: {error.strerror or error}"

