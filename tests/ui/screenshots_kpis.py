"""Screenshots of flow and effect on the bundled examples, for docs/screenshots/ (not a
test): the main window with the map's variation/assurance icons and the KPI panel in
front, and the scorecard, of the English and the Swedish example in its own language.

Run from the repository root (under Xvfb or offscreen)::

    xvfb-run -a -s "-screen 0 1600x1000x24" python tests/ui/screenshots_kpis.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# (example, language, process selected, KPI shown)
SHOTS = (
    ("manufacturing", "en", "C1", "KPI01"),
    ("municipality-sv", "sv", "H2", "NT01"),
)


def shoot(out: Path = ROOT / "docs" / "screenshots") -> list[Path]:
    from PySide6.QtWidgets import QApplication, QDockWidget

    from procmodeler.ui.app import create_application, install_translations

    app = create_application([])
    from procmodeler.ui.mainwindow import MainWindow
    from procmodeler.ui.panels import KPI_DOCK, SCORECARD_DOCK

    out.mkdir(parents=True, exist_ok=True)
    written = []
    for example, lang, _process, kid in SHOTS:
        install_translations(app, lang)
        window = MainWindow(remember=False)
        window.resize(1600, 1000)
        window.show()
        QApplication.processEvents()
        if not window.open_path(
            ROOT / "procmodeler" / "resources" / "examples" / f"{example}.procm", ask=False
        ):
            raise SystemExit(f"cannot open {example}")
        docks = {d.objectName(): d for d in window.findChildren(QDockWidget)}
        docks[KPI_DOCK].raise_()
        window.resizeDocks([docks[KPI_DOCK]], [470], _horizontal())
        score = docks[SCORECARD_DOCK]
        score.setFloating(True)
        score.resize(900, 420)
        score.widget().set_shown(True)  # it fills when its tab is in front (see docking)
        window.context.set_selection([kid])
        for _ in range(5):
            QApplication.processEvents()
        window.canvas.view.fit()
        QApplication.processEvents()
        suffix = "-sv" if lang == "sv" else ""
        shots = {
            f"kpi-map-{example.removesuffix('-sv')}{suffix}.png": window,
            f"kpi-panel-{example.removesuffix('-sv')}{suffix}.png": docks[KPI_DOCK].widget(),
            f"kpi-scorecard-{example.removesuffix('-sv')}{suffix}.png": docks[
                SCORECARD_DOCK
            ].widget(),
        }
        for name, widget in shots.items():
            target = out / name
            widget.grab().save(str(target))
            written.append(target)
        window.session.editor.mark_clean()
        window.close()
    return written


def _horizontal():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def _vertical():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.Orientation.Vertical


if __name__ == "__main__":
    for path in shoot():
        print(path)
