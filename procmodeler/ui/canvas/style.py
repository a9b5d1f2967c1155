"""Qt objects for the notation's look: fonts, colours, pens and paths made from
``procmodeler.notation`` (which stays Qt-free and is shared with the PDF report).

Fonts use pixel sizes so that one diagram unit is one logical pixel on screen, in
exported images, SVG and PDF alike; hinting is off so that text scales linearly with
the zoom and wraps the same way at every zoom.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainterPath, QPen, QPolygonF

from procmodeler.model.elements import Bounds, Point
from procmodeler.notation import style as ns
from procmodeler.notation.geometry import Outline


def px(size: float) -> int:
    return max(1, int(size + 0.5))


@functools.cache
def font(size: float, bold: bool = False) -> QFont:
    f = QFont(ns.FONT_FAMILY)
    f.setPixelSize(px(size))
    f.setBold(bold)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    f.setKerning(True)
    return f


def name_font() -> QFont:
    return font(ns.NAME_FONT_SIZE, True)


def detail_font() -> QFont:
    return font(ns.DETAIL_FONT_SIZE)


def band_font() -> QFont:
    return font(ns.BAND_FONT_SIZE, True)


@functools.cache
def metrics(size: float, bold: bool = False) -> QFontMetricsF:
    return QFontMetricsF(font(size, bold))


#: Label fitting measures the same texts again whenever a shape is redrawn (a finding
#: mark, a rename nearby): remembered, a big level redraws several times faster.
@functools.lru_cache(maxsize=65_536)
def name_measure(text: str) -> float:
    return metrics(ns.NAME_FONT_SIZE, True).horizontalAdvance(text)


@functools.lru_cache(maxsize=65_536)
def detail_measure(text: str) -> float:
    return metrics(ns.DETAIL_FONT_SIZE).horizontalAdvance(text)


@functools.cache
def colour(value: str) -> QColor:
    return QColor(value)


def pen(value: str, width: float = 1.0, dash: Sequence[float] = ()) -> QPen:
    p = QPen(colour(value), width)
    p.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setCapStyle(Qt.PenCapStyle.RoundCap if not dash else Qt.PenCapStyle.FlatCap)
    if dash:
        p.setDashPattern([d / max(width, 0.1) for d in dash])
    p.setCosmetic(False)
    return p


def rect(b: Bounds) -> QRectF:
    return QRectF(b.x, b.y, b.w, b.h)


def polygon(points: Sequence[Point], dx: float = 0.0, dy: float = 0.0) -> QPolygonF:
    return QPolygonF([QPointF(x + dx, y + dy) for x, y in points])


def outline_path(o: Outline, dx: float = 0.0, dy: float = 0.0) -> QPainterPath:
    """The outline as a path, moved by (dx, dy)."""
    path = QPainterPath()
    if o.is_polygon:
        path.addPolygon(polygon(o.points, dx, dy))
        path.closeSubpath()
    else:
        xs = [p[0] for p in o.points]
        ys = [p[1] for p in o.points]
        r = QRectF(min(xs) + dx, min(ys) + dy, max(xs) - min(xs), max(ys) - min(ys))
        path.addRoundedRect(r, o.radius, o.radius)
    return path
