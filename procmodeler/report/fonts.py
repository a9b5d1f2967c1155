"""The report's fonts: DejaVu Sans and DejaVu Sans Bold, shipped under
``procmodeler/resources/fonts/``, or the TrueType fonts a branding profile names; embedded
(subset) in every PDF, so that text looks the same and stays searchable on every system,
with letters outside Latin-1 (``Łódź``).

The fonts of the report being built are chosen with :func:`using` (a context variable,
so two reports built at once in two threads keep their own); :func:`font`,
:func:`width` and :func:`measure` answer for them. :func:`measure` gives the width
function the notation's label fitting needs, with the same font the canvas uses, so that
a name wraps the same way in the app and on paper.
"""

from __future__ import annotations

import contextlib
import functools
import io
import threading
from collections.abc import Iterator
from contextvars import ContextVar

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from procmodeler.common.paths import resources_dir
from procmodeler.notation.labels import Measure
from procmodeler.report.fontfile import FontFile

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
#: (regular, bold) reportlab names of the fonts of the report being built
_ACTIVE: ContextVar[tuple[str, str]] = ContextVar("report_fonts", default=(REGULAR, BOLD))
_LOCK = threading.Lock()


@functools.cache
def register_fonts() -> None:
    """Register the two fonts with reportlab once (and ``<b>`` in paragraphs to Bold)."""
    folder = resources_dir() / "fonts"
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
    _map(REGULAR, BOLD)


def _map(regular: str, bold: str) -> None:
    """``<b>`` in a paragraph of either face gives *bold*; there is no oblique face:
    italic falls back to the upright faces."""
    for is_bold, italic, face in ((0, 0, regular), (1, 0, bold), (0, 1, regular), (1, 1, bold)):
        addMapping(regular, is_bold, italic, face)
        addMapping(bold, is_bold, italic, face)


def register_pair(regular: FontFile | None, bold: FontFile | None) -> tuple[str, str]:
    """Register a profile's fonts (either may be None: the bundled face, or for a
    missing bold the regular font) and return their (regular, bold) reportlab names.
    The names come from the fonts' bytes, so a pair is registered once per process."""
    register_fonts()
    if regular is None and bold is None:
        return REGULAR, BOLD
    key = f"{regular.digest if regular else 'dejavu'}-{bold.digest if bold else 'same'}"
    names = (f"Brand-{key}", f"Brand-{key}-Bold")
    with _LOCK:
        if names[0] not in pdfmetrics.getRegisteredFontNames():
            folder = resources_dir() / "fonts"
            sources = (
                regular.data if regular else (folder / _FILES[REGULAR]).read_bytes(),
                bold.data if bold else regular.data if regular else b"",
            )
            for name, data in zip(names, sources, strict=True):
                pdfmetrics.registerFont(TTFont(name, io.BytesIO(data)))
            _map(*names)
    return names


@contextlib.contextmanager
def using(regular: FontFile | None, bold: FontFile | None) -> Iterator[tuple[str, str]]:
    """Within the block, the report's text is set in these fonts (see
    :func:`register_pair`); afterwards, in the ones before."""
    names = register_pair(regular, bold)
    token = _ACTIVE.set(names)
    try:
        yield names
    finally:
        _ACTIVE.reset(token)


def font(bold: bool) -> str:
    """The reportlab name of the report's regular or bold font."""
    return _ACTIVE.get()[1 if bold else 0]


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
