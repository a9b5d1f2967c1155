"""Screenshots of a first start at 1024×640 (the start page, English and Swedish) and of
the Swedish getting-started tour, keyboard shortcuts and preferences, for
docs/screenshots/ (not a test).

Run under Xvfb from the repository root::

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1600x1000x24" \\
        .venv/bin/python tests/ui/screenshots_first_start.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _run_events(seconds: float) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def shoot(out: Path = ROOT / "docs" / "screenshots") -> list[Path]:
    os.environ.setdefault("PROCMODELER_CONFIG_DIR", tempfile.mkdtemp())  # a first start
    from procmodeler.ui.app import create_application, install_translations

    app = create_application([])
    from procmodeler.ui.helpmenu import GettingStarted, ShortcutsDialog
    from procmodeler.ui.mainwindow import MainWindow
    from procmodeler.ui.preferences import PreferencesDialog

    written = []
    for lang in ("en", "sv"):
        install_translations(app, lang)
        window = MainWindow(remember=False)  # no document: the start page
        window.resize(1024, 640)
        window.show()
        _run_events(0.5)
        target = out / f"first-start-1024x640-{lang}.png"
        window.grab().save(str(target))
        written.append(target)
        if lang == "sv":
            dialogs = {
                "getting-started-sv.png": GettingStarted(window),
                "shortcuts-sv.png": ShortcutsDialog(window),
                "preferences-sv.png": PreferencesDialog(window),
            }
            for name, dialog in dialogs.items():
                dialog.show()
                _run_events(0.3)
                dialog.grab().save(str(out / name))
                written.append(out / name)
                dialog.close()
        window.close()
    return written


if __name__ == "__main__":
    for p in shoot():
        print(p)
