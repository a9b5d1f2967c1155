"""Qt finds a real font: without one (no fonts-dejavu-core on a bare machine) Qt draws
every text as empty boxes, in the window, in screenshots and in exported pictures."""

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF

pytestmark = pytest.mark.gui


def test_dejavu_sans_is_available(qapp) -> None:
    assert "DejaVu Sans" in QFontDatabase.families()


def test_text_gets_real_glyphs(qapp) -> None:
    metrics = QFontMetricsF(QFont("DejaVu Sans", 12))
    # inFontUcs4: PySide6's inFont() turns a non-ASCII str into the wrong QChar.
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "ÅÄÖåäöéł€–")
    assert not metrics.inFontUcs4(0x10FFFD)  # a private-use code point: no font has it
    assert metrics.horizontalAdvance("Processägare") > metrics.horizontalAdvance("P") * 5
