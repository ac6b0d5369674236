"""SIGINT and SIGTERM during a command: unwind cleanly (temporary files and kernels are removed on the way out) and
exit 128 + the signal's number with one line.

The first signal raises ``Interrupted`` where the program is; later ones are noted, not raised, so that the clean-up
itself is not cut short. A library that swallows the exception (a notebook client catching it in a kernel call)
cannot hide it: ``check`` raises it again at the next safe point. A signal that lands in a finalizer (a ``__del__``,
a weakref callback), where Python can only print the exception as "Exception ignored", is kept quiet the same way.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from collections.abc import Callable, Iterator

from ._errors import Interrupted

_NAMES = {signal.SIGINT: "interrupted", signal.SIGTERM: "terminated"}
_received: list[int] = []


@contextlib.contextmanager
def handled() -> Iterator[None]:
    """Turn SIGINT and SIGTERM into ``Interrupted`` while the block runs (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _received.clear()
    previous = {number: signal.signal(number, _raise) for number in _NAMES}
    unraisable, sys.unraisablehook = sys.unraisablehook, _quiet(sys.unraisablehook)
    try:
        yield
    finally:
        sys.unraisablehook = unraisable
        for number, handler in previous.items():
            signal.signal(number, handler)
        _received.clear()


def check() -> None:
    """Raise ``Interrupted`` if a signal arrived (and was swallowed on its way up)."""
    if _received:
        raise _interrupted(_received[0])


def _quiet(hook: Callable) -> Callable:
    """``hook`` for every unraisable exception but ``Interrupted``: that one stays noted, and ``check`` raises it."""
    def quiet(unraisable) -> None:  # noqa: ANN001 - sys.UnraisableHookArgs
        if not isinstance(unraisable.exc_value, Interrupted):
            hook(unraisable)
    return quiet


def _raise(number: int, frame: object) -> None:
    _received.append(number)
    if len(_received) == 1:
        raise _interrupted(number)


def _interrupted(number: int) -> Interrupted:
    return Interrupted(number, _NAMES.get(number, f"signal {number}"))
