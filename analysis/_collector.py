"""Python's cycle collector paused over the steps that build one article's analysis, figures and rows.

Those steps make no reference cycles (``tests/test_collector.py`` checks it), so reference counting frees all they
drop and the collector finds nothing; but each of its full passes walks every object still alive, and a long article
keeps its tokens, spans and readings alive to the end: without the pause, about a quarter of the time of an article
of 20,000 paragraphs (``docs/speed.md``).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Pause the cycle collector for the block (or the decorated function), and restore it as it was found: a caller
    that paused it keeps it paused."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
