"""Pausing Python's cyclic garbage collector while many small objects are built."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small objects (a large
    export, import or check makes no cycles worth collecting, and each collection pass
    walks every object built so far: 10-25 % of a 10,000-process register's check)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
