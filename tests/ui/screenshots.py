"""Screenshots of the main window on the bundled examples, for docs/screenshots/
(not a test): the process map and a sub-process diagram with swimlanes, of the English
and the Swedish example, each in its own language.

Run from the repository root (under Xvfb for the real window system, or offscreen)::

    xvfb-run -a -s "-screen 0 1600x1000x24" python tests/ui/screenshots.py

A single window can also be shot with ``procmodeler FILE --screenshot PATH`` (see
``procmodeler/ui/app.py`` for ``--level``, ``--select``, ``--size`` and ``--lang``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# (file name, example, language, level to open, element to select, swimlanes)
SHOTS = (
    ("canvas-landscape-manufacturing.png", "manufacturing", "en", None, "C1", False),
    ("canvas-subprocess-manufacturing.png", "manufacturing", "en", "C1", "C1.3", True),
    ("canvas-landscape-municipality-sv.png", "municipality-sv", "sv", None, "H2", False),
    ("canvas-subprocess-municipality-sv.png", "municipality-sv", "sv", "H2", "H2.2", True),
)


def shoot(out: Path = ROOT / "docs" / "screenshots") -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from procmodeler.ui.app import create_application, install_translations

    app = create_application([])
    from procmodeler.ui.mainwindow import MainWindow

    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, example, lang, level, select, swimlanes in SHOTS:
        install_translations(app, lang)
        window = MainWindow(remember=False)
        window.resize(1600, 1000)
        window.show()
        QApplication.processEvents()
        if not window.open_path(
            ROOT / "procmodeler" / "resources" / "examples" / f"{example}.procm", ask=False
        ):
            raise SystemExit(f"cannot open {example}")
        if level is not None:
            window.context.open_level(level)
            if swimlanes:
                window.canvas.set_swimlanes(True)
                window.canvas.arrange_in_lanes()
        window.context.set_selection([select])
        for _ in range(5):
            QApplication.processEvents()
        window.canvas.view.fit()
        if window.live_findings is not None:
            window.live_findings.refresh_now()
        QApplication.processEvents()
        target = out / name
        window.grab().save(str(target))
        written.append(target)
        window.session.editor.mark_clean()
        window.close()
    return written


if __name__ == "__main__":
    for path in shoot():
        print(path)
