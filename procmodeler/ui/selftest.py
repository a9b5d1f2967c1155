"""The Qt part of ``procmodeler self-test``: starts a QApplication offscreen and counts
the font families, so a packaged build can show that Qt and its plugins load."""

from __future__ import annotations

import os


def qt_self_test() -> tuple[str, int]:
    """(PySide6 version, number of font families); raises if Qt cannot start."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import __version__ as pyside_version
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["procmodeler-self-test"])
    families = QFontDatabase.families()
    del app
    return pyside_version, len(families)
