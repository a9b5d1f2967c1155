"""A guard against a reference-counting bug of PySide6 6.12.0 on Python 3.11.

PySide6 6.12.0 returns ``None`` from C++ functions that return nothing (``update()``,
``repaint()``, ``setText()``, ...) and from empty ``QVariant`` results
(``QModelIndex.data()``, ``QComboBox.currentData()``) without taking a new reference to
``None``. Every such call drops one reference; ``None`` starts with about 5,000, so after
a few thousand calls -- a few minutes of scrolling -- Python aborts with "Fatal Python
error: none_dealloc". Python 3.12 made ``None`` immortal (PEP 683), so the bug is
harmless there. On older Pythons :func:`keep_none_alive` gives ``None`` a reference
count so large that it cannot reach zero, which is what 3.12 does.

Measured with ``sys.getrefcount(None)`` around 1,000 calls of ``QWidget.update()``:
-1,000 on 3.11.7 with PySide6 6.12.0 (True and False are not affected).
"""

from __future__ import annotations

import sys

_DONE = False


def keep_none_alive() -> None:
    """Make ``None``'s reference count unreachably large (no-op on Python >= 3.12)."""
    global _DONE
    if _DONE or sys.version_info >= (3, 12):
        return
    import ctypes

    # ob_refcnt is the first field of every object in a release build of CPython.
    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
    _DONE = True
