"""Render the app icon's PNG from its SVG (offscreen Qt, no display needed):

.venv/bin/python packaging/render_icon.py        # writes procmodeler/resources/icons/procmodeler-256.png
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parents[1] / "procmodeler" / "resources" / "icons"


def render(svg: Path, size: int) -> QImage:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG for Qt")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - QPainter needs an application
    out = ICONS / "procmodeler-256.png"
    if not render(ICONS / "procmodeler.svg", 256).save(str(out)):
        raise SystemExit(f"could not write {out}")
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
