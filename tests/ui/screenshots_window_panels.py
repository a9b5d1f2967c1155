"""Screenshots of the problems, participation, KPI and properties panels as the main
window lays them out at its first-launch size, for both bundled examples, and of a
window opened at 1024x752 (a laptop screen) with the matrix and with the improvements
board in front, for docs/screenshots/ (not a test; issue 19: nothing may be cut off).

Run under Xvfb from the repository root::

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tests/ui/screenshots_window_panels.py
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# (example, language, process selected)
EXAMPLES = (("manufacturing", "en", "C1"), ("municipality-sv", "sv", "H2"))
DOCKS = (
    ("problems", "problemsDock"),
    ("matrix", "participationDock"),
    ("kpi", "kpiDock"),
    ("properties", "propertiesDock"),
)


def shoot(out: Path = ROOT / "docs" / "screenshots") -> list[Path]:
    import tempfile

    os.environ.setdefault("PROCMODELER_CONFIG_DIR", tempfile.mkdtemp())  # a first launch
    from PySide6.QtWidgets import QApplication

    from procmodeler.ui.app import create_application, install_translations
    from procmodeler.ui.geometry import first_launch_size

    app = create_application([])
    from procmodeler.ui.mainwindow import MainWindow

    written = []
    for example, lang, select in EXAMPLES:
        install_translations(app, lang)
        window = MainWindow(remember=False)
        window.resize(first_launch_size(QApplication.primaryScreen()))
        window.show()
        for _ in range(10):
            QApplication.processEvents()
        path = ROOT / "procmodeler" / "resources" / "examples" / f"{example}.procm"
        if not window.open_path(path, ask=False):
            raise SystemExit(f"cannot open {example}")
        window.context.set_selection([select])
        live = window.docking.live_findings
        for _ in range(600):  # the live checks run in the background: wait for them
            QApplication.processEvents()
            if live.severity_by_process():
                break
            time.sleep(0.01)
        docks = {d.objectName(): d for d in window.docking.all_docks()}
        for panel, name in DOCKS:
            docks[name].raise_()
            for _ in range(10):
                QApplication.processEvents()
            target = out / f"window-{panel}-{example}.png"
            docks[name].grab().save(str(target))
            written.append(target)
        target = out / f"window-default-{example}.png"
        window.grab().save(str(target))
        written.append(target)
        window.session.editor.mark_clean()
        window.close()
        written += _laptop(example, select, out)
    return written


def _run_events(seconds: float) -> None:
    """Run the event loop for *seconds*: the main window deletes the dock tab bars it no
    longer uses later (processEvents alone leaves them drawn)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def _laptop(example: str, select: str, out: Path) -> list[Path]:
    """A window opened at 1024x752: the panels give their content the room (hints
    become tooltips, the matrix legend goes above its buttons, the board's columns
    scroll sideways)."""

    from procmodeler.ui.mainwindow import MainWindow

    window = MainWindow(remember=False)
    window.resize(1024, 752)
    window.show()
    _run_events(0.3)
    path = ROOT / "procmodeler" / "resources" / "examples" / f"{example}.procm"
    if not window.open_path(path, ask=False):
        raise SystemExit(f"cannot open {example}")
    window.context.set_selection([select])
    docks = {d.objectName(): d for d in window.docking.all_docks()}
    written = []
    for name in ("participationDock", "improvementsDock"):
        docks[name].raise_()
        _run_events(0.8)
        target = out / f"window-1024x752-{name.removesuffix('Dock')}-{example}.png"
        window.grab().save(str(target))
        written.append(target)
    window.session.editor.mark_clean()
    window.close()
    return written


if __name__ == "__main__":
    for p in shoot():
        print(p)
