"""Typed errors. Each carries what the user needs to fix the problem; the CLI prints it on one line."""

from __future__ import annotations


class SlantError(Exception):
    """Base class of every error Slant raises on purpose."""


class InputError(SlantError):
    """An input cannot be read as an article (missing, empty, binary, malformed)."""

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message


class DataFileError(SlantError):
    """A lexicon, actors or other data file is malformed; ``line`` is 1-based, or ``None`` for the whole file."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line
        self.message = message


class ReportError(SlantError):
    """The report notebook failed; the executed notebook was saved at ``notebook`` before raising."""

    def __init__(self, article_id: str, message: str, *, cell: int | None = None, notebook: str | None = None) -> None:
        where = f" in cell {cell}" if cell is not None else ""
        saved = f" (executed notebook saved to {notebook})" if notebook else ""
        super().__init__(f"{article_id}: report failed{where}: {message}{saved}")
        self.article_id = article_id
        self.message = message
        self.cell = cell
        self.notebook = notebook


class ComparisonError(SlantError):
    """Articles cannot be compared as asked (fewer than two, or labels that do not match them)."""


class OutputError(SlantError):
    """An output cannot be written where asked (a bad ``-o``, a full disk, a closed pipe); ``errno`` when the system
    said why."""

    def __init__(self, target: str, message: str, *, errno: int | None = None) -> None:
        super().__init__(f"{target}: {message}")
        self.target = target
        self.message = message
        self.errno = errno


class Interrupted(BaseException):
    """SIGINT or SIGTERM arrived: unwind (temporary files and kernels are removed on the way) and exit 128 + signal.

    A ``BaseException``, like ``KeyboardInterrupt``, so that no ``except Exception`` on the way swallows it."""

    def __init__(self, signal_number: int, name: str) -> None:
        super().__init__(name)
        self.signal_number = signal_number
        self.name = name


class InternalError(Exception):
    """A bug met while analysing one input of a batch: ``source`` names the input, ``error`` is the exception (with
    its traceback). Not a ``SlantError``: the input may be fine."""

    def __init__(self, source: str, error: BaseException) -> None:
        super().__init__(f"{source}: {type(error).__name__}: {error}")
        self.source = source
        self.error = error
