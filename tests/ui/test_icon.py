"""The app icon: a valid SVG and the 256 px PNG rendered from it
(packaging/render_icon.py), showing the three bands of a process map."""

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtSvg import QSvgRenderer

pytestmark = pytest.mark.gui

ICONS = Path(__file__).resolve().parents[2] / "procmodeler" / "resources" / "icons"


def close(actual: QColor, expected: str) -> bool:
    want = QColor(expected)
    return all(abs(a - b) <= 8 for a, b in zip(actual.getRgb()[:3], want.getRgb()[:3], strict=True))


def test_the_svg_is_valid_for_qt(qapp) -> None:
    renderer = QSvgRenderer(str(ICONS / "procmodeler.svg"))
    assert renderer.isValid()
    assert renderer.defaultSize().width() == renderer.defaultSize().height() == 256


def test_the_png_shows_the_three_bands(qapp) -> None:
    image = QImage(str(ICONS / "procmodeler-256.png"))
    assert (image.width(), image.height()) == (256, 256)
    assert image.hasAlphaChannel() and image.pixelColor(0, 0).alpha() == 0
    assert close(image.pixelColor(128, 60), "#4F46E5")  # management
    assert close(image.pixelColor(40, 128), "#F8FAFC")  # the chevron's notch
    assert image.pixelColor(128, 128).red() > 200  # core: orange
    assert close(image.pixelColor(128, 196), "#0D9488")  # support
