"""Screenshots for issue 14, for docs/screenshots/ (not a test): both examples' process
maps and two sub-process levels in presentation mode (the diagram alone, fitted to a
1600x1000 screen), and the report's map pages at 100 dpi.

    xvfb-run -a -s "-screen 0 1600x1000x24" python tests/ui/screenshots_diagrams.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
if not os.environ.get("DISPLAY"):  # under Xvfb: the real window system, full screen
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

EXAMPLES = ROOT / "procmodeler" / "resources" / "examples"
# (example, language, levels: (file name suffix, level))
SHOTS = (
    ("manufacturing", "en", (("landscape", None), ("C1", "C1"), ("C1.3", "C1.3"))),
    ("municipality-sv", "sv", (("landscape", None), ("H2", "H2"), ("H4", "H4"))),
)


def shoot_presentations(out: Path) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from procmodeler.ui.app import create_application, install_translations

    app = create_application([])
    from procmodeler.ui.mainwindow import MainWindow

    written = []
    for example, lang, levels in SHOTS:
        install_translations(app, lang)
        window = MainWindow(remember=False)
        window.resize(1600, 1000)
        window.show()
        QApplication.processEvents()
        if not window.open_path(EXAMPLES / f"{example}.procm", ask=False):
            raise SystemExit(f"cannot open {example}")
        window.presentation.start()
        for suffix, level in levels:
            window.context.open_level(level)
            for _ in range(5):
                QApplication.processEvents()
            window.canvas.view.fit()
            QApplication.processEvents()
            target = out / f"present-{example}-{suffix}.png"
            window.grab().save(str(target))
            written.append(target)
        window.presentation.stop()
        window.session.editor.mark_clean()
        window.close()
    return written


def shoot_report_maps(out: Path) -> list[Path]:
    from procmodeler.io.native import load
    from procmodeler.report import render_report

    written = []
    for example, lang, _ in SHOTS:
        data = render_report(load(EXAMPLES / f"{example}.procm"), lang=lang)
        with tempfile.TemporaryDirectory() as tmp:
            pdf = Path(tmp) / "report.pdf"
            pdf.write_bytes(data)
            text = subprocess.run(
                ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
            ).stdout
            pages = text.split("\f")
            marks = ("overview shows its parts", "översikten visar dess delar")
            first = next(i for i, p in enumerate(pages) if any(m in p for m in marks)) + 1
            for n, page in enumerate((first, first + 1), 1):
                stem = Path(tmp) / f"p{n}"
                subprocess.run(
                    [
                        "pdftoppm",
                        "-r",
                        "100",
                        "-png",
                        "-singlefile",
                        "-f",
                        str(page),
                        "-l",
                        str(page),
                        str(pdf),
                        str(stem),
                    ],
                    check=True,
                )
                target = out / f"report-map-{example}-{'overview' if n == 1 else 'part-1'}.png"
                target.write_bytes(stem.with_suffix(".png").read_bytes())
                written.append(target)
    return written


if __name__ == "__main__":
    folder = ROOT / "docs" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    for path in [*shoot_presentations(folder), *shoot_report_maps(folder)]:
        print(path)
