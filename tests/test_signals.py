"""Signals during a command: the first raises Interrupted, one swallowed on its way up is raised again by check."""

from __future__ import annotations

import gc
import os
import signal

import pytest

from analysis import _signals
from analysis._errors import Interrupted


class _SignalledInFinalizer:
    def __del__(self) -> None:
        os.kill(os.getpid(), signal.SIGTERM)  # the handler raises here, where Python can only print it


def test_a_signal_raises_interrupted_with_its_name():
    with pytest.raises(Interrupted) as caught, _signals.handled():
        os.kill(os.getpid(), signal.SIGINT)
    assert (caught.value.signal_number, caught.value.name) == (signal.SIGINT, "interrupted")


def test_a_signal_in_a_finalizer_is_not_printed_and_check_raises_it(monkeypatch):
    printed = []  # what Python would print as "Exception ignored in ..."
    monkeypatch.setattr("sys.unraisablehook", printed.append)
    with pytest.raises(Interrupted) as caught, _signals.handled():
        _SignalledInFinalizer()
        gc.collect()
        _signals.check()
    assert caught.value.name == "terminated"
    assert printed == []


def test_other_unraisable_exceptions_are_still_reported():
    seen = []

    class Broken:
        def __del__(self) -> None:
            raise ValueError("a bug in a finalizer")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("sys.unraisablehook", seen.append)
        with _signals.handled():
            Broken()
            gc.collect()
    assert [type(u.exc_value) for u in seen] == [ValueError]
