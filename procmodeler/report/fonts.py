"""The report's fonts: DejaVu Sans and DejaVu Sans Bold, shipped under
``procmodeler/resources/fonts/`` and embedded (subset) in every PDF, so that text looks the same
and stays searchable on every system, with letters outside Latin-1 (``Łódź``).

:func:`measure` gives the width function the notation's label fitting needs, with the
same font the canvas uses, so that a name wraps the same way in the app and on paper.
"""

from __future__ import annotations

import functools

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from procmodeler.common.paths import resources_dir
from procmodeler.notation.labels import Measure

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}


@functools.cache
def register_fonts() -> None:
    """Register the two fonts with reportlab once (and ``<b>`` in paragraphs to Bold)."""
    folder = resources_dir() / "fonts"
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
    # There is no oblique face: italic falls back to the upright faces.
    for bold, italic, face in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, REGULAR), (1, 1, BOLD)):
        addMapping(REGULAR, bold, italic, face)
        addMapping(BOLD, bold, italic, face)


def font(bold: bool) -> str:
    return BOLD if bold else REGULAR


def width(text: str, size: float, bold: bool = False) -> float:
    """The width of *text* at *size* in the report's font (points, or diagram units)."""
    register_fonts()
    return float(pdfmetrics.stringWidth(text, font(bold), size))


def measure(size: float, bold: bool = False) -> Measure:
    """A width function for :func:`procmodeler.notation.labels.fit_lines`."""
    register_fonts()
    face = font(bold)
    string_width = pdfmetrics.stringWidth

    def _measure(text: str) -> float:
        return float(string_width(text, face, size))

    return _measure
