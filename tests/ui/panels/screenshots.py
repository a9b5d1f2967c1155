"""Screenshots of the panels on the bundled examples, for docs/screenshots/ (not a test).

Run under Xvfb or offscreen from the repository root::

    xvfb-run -a -s "-screen 0 1600x1000x24" python tests/ui/panels/screenshots.py

The Swedish example is shown with the Swedish translation installed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# (example, language, process shown in the properties panel, unit selected)
SHOTS = (
    ("manufacturing", "en", "C1"),
    ("municipality-sv", "sv", "H2"),
)


def main(out: Path = ROOT / "docs" / "screenshots") -> list[Path]:
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from procmodeler.edit import Editor
    from procmodeler.io.native import load
    from procmodeler.ui.context import EditorContext
    from procmodeler.ui.panels import (
        LiveFindings,
        ParticipationMatrix,
        ProblemsPanel,
        PropertiesPanel,
        UnitsPanel,
        install_translator,
    )

    out.mkdir(parents=True, exist_ok=True)
    written = []
    for example, lang, pid in SHOTS:
        QLocale.setDefault(
            QLocale(QLocale.Language.Swedish if lang == "sv" else QLocale.Language.English)
        )
        translator = install_translator(app, lang)
        arch = load(ROOT / "procmodeler" / "resources" / "examples" / f"{example}.procm")
        context = EditorContext(Editor(arch))
        LiveFindings.for_context(context).refresh_now()
        widgets = {
            "properties": (PropertiesPanel(context), (470, 900)),
            "units": (UnitsPanel(context), (330, 560)),  # the default dock width
            "matrix": (ParticipationMatrix(context), (1500, 760)),
            "problems": (ProblemsPanel(context), (1300, 480)),
        }
        context.set_selection([pid])
        for widget, (w, h) in widgets.values():
            widget.resize(w, h)
            widget.show()
        app.processEvents()
        problems = widgets["problems"][0]
        if problems.model.rowCount():
            problems._syncing = True  # select without revealing (the selection stays on pid)
            problems.view.setCurrentIndex(problems.model.index(0, 0))
            problems._syncing = False
        context.set_selection([pid])
        app.processEvents()
        for name, (widget, _size) in widgets.items():
            path = out / f"panels-{name}-{example}.png"
            widget.grab().save(str(path))
            written.append(path)
            widget.close()
        if translator is not None:
            app.removeTranslator(translator)
    return written


if __name__ == "__main__":
    for p in main():
        print(p)
