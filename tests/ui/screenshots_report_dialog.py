"""Screenshots of File > Report's dialog for docs/screenshots/ (not a test): the English
example in English and the Swedish example in Swedish, each with one process chosen as
the scope and some chapters left out.

Run from the repository root (under Xvfb for the real window system, or offscreen)::

    xvfb-run -a -s "-screen 0 1600x1000x24" python tests/ui/screenshots_report_dialog.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# (file name, example, UI language, process to report on, chapters left out)
SHOTS = (
    ("report-dialog-en.png", "manufacturing", "en", "C1", ("analysis", "glossary")),
    ("report-dialog-sv.png", "municipality-sv", "sv", "H2", ("matrix", "glossary")),
)


def shoot(out: Path = ROOT / "docs" / "screenshots") -> list[Path]:
    os.environ["PROCMODELER_CONFIG_DIR"] = tempfile.mkdtemp()  # no remembered choices
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from procmodeler.ui.app import create_application, install_translations
    from procmodeler.ui.mainwindow import MainWindow
    from procmodeler.ui.reportdialog import ReportDialog

    app = create_application([])
    written = []
    for name, example, lang, scope, left_out in SHOTS:
        QLocale.setDefault(QLocale(QLocale.Language.Swedish if lang == "sv" else "en"))
        install_translations(app, lang)
        window = MainWindow(remember=False)
        window.show()
        path = ROOT / "procmodeler" / "resources" / "examples" / f"{example}.procm"
        if not window.open_path(path, ask=False):
            raise SystemExit(f"cannot open {example}")
        window.context.set_selection([scope])
        window.actions_by_name["report"].trigger()
        dialog = window.findChild(ReportDialog, "reportDialog")
        dialog.one.setChecked(True)
        for section in left_out:
            dialog.section_boxes[section].setChecked(False)
        dialog.output.setText(str(Path.home() / "Reports" / f"{example}.pdf"))
        dialog.adjustSize()
        for _ in range(5):
            QApplication.processEvents()
        target = out / name
        dialog.grab().save(str(target))
        written.append(target)
        dialog.reject()
        window.session.editor.mark_clean()  # an example opens as an unsaved copy
        window.close()
    return written


if __name__ == "__main__":
    for shot in shoot():
        print(shot)
