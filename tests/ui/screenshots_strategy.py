"""Screenshots of the strategy views on the bundled examples, for docs/screenshots/ (not
a test): the objectives panel, the strategy matrix, the improvements board, the
management view, a process's properties and the map coloured by objective, of the English and the Swedish
example in its own language.

Run from the repository root (under Xvfb or offscreen)::

    xvfb-run -a -s "-screen 0 1600x1000x24" python tests/ui/screenshots_strategy.py [MODEL...]

With MODEL files (a .procm per example, in the order of SHOTS) those are shown instead
of the bundled examples.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# (example, language)
SHOTS = (("manufacturing", "en"), ("municipality-sv", "sv"))
# dock object name -> (file name stem, size when floating)
VIEWS = {
    "objectivesDock": ("strategy-objectives", (760, 640)),
    "strategyMatrixDock": ("strategy-matrix", (1300, 640)),
    "improvementsDock": ("strategy-improvements", (1500, 560)),
    "managementDock": ("strategy-management", (900, 620)),
}


def shoot(models: list[Path], out: Path = ROOT / "docs" / "screenshots") -> list[Path]:
    from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

    from procmodeler.ui.app import create_application, install_translations

    app = create_application([])
    from procmodeler.ui.mainwindow import MainWindow

    out.mkdir(parents=True, exist_ok=True)
    written = []
    for (example, lang), model in zip(SHOTS, models, strict=True):
        install_translations(app, lang)
        window = MainWindow(remember=False)
        window.resize(1600, 1000)
        window.show()
        QApplication.processEvents()
        if not window.open_path(model, ask=False):
            raise SystemExit(f"cannot open {model}")
        arch = window.context.arch
        print(example, len(arch.objectives), "objectives", len(arch.improvements), "improvements")
        docks = {d.objectName(): d for d in window.findChildren(QDockWidget)}
        stem = example.removesuffix("-sv")
        suffix = "-sv" if lang == "sv" else ""
        # the map coloured by objective, with the objectives and the strategy matrix in front
        for name in ("objectivesDock", "strategyMatrixDock"):
            docks[name].show()
            docks[name].raise_()
        window.map_colouring.set_mode("objective")
        window.canvas.view.fit()
        for _ in range(5):
            QApplication.processEvents()
        target = out / f"strategy-map-{stem}{suffix}.png"
        window.grab().save(str(target))
        written.append(target)
        for name, (file_stem, (w, h)) in VIEWS.items():
            dock = docks[name]
            dock.show()
            dock.raise_()
            dock.setFloating(True)
            dock.resize(w, h)
            for _ in range(5):
                QApplication.processEvents()
            target = out / f"{file_stem}-{stem}{suffix}.png"
            dock.widget().grab().save(str(target))
            written.append(target)
            dock.setFloating(False)
        # the properties of the process with the most improvements
        pid = max(arch.processes, key=lambda p: len(arch.improvements_of(p)))
        props = docks["propertiesDock"]
        props.show()
        props.raise_()
        props.setFloating(True)
        props.resize(460, 980)
        window.context.set_selection([pid])
        for _ in range(5):
            QApplication.processEvents()
        page = props.widget()
        page.ensureWidgetVisible(page.widget().findChild(QWidget, "processImprovements"))
        QApplication.processEvents()
        target = out / f"strategy-properties-{stem}{suffix}.png"
        props.widget().grab().save(str(target))
        written.append(target)
        props.setFloating(False)
        window.session.editor.mark_clean()
        window.close()
    return written


if __name__ == "__main__":
    given = [Path(a) for a in sys.argv[1:]]
    examples = ROOT / "procmodeler" / "resources" / "examples"
    models = given or [examples / f"{example}.procm" for example, _ in SHOTS]
    for path in shoot(models):
        print(path)
