"""Painting the notation's process behaviour charts, sparklines and variation/assurance
icons with QPainter: one painter for the KPI panel, the scorecard, the canvas and image
export, so that all of them show the records of ``procmodeler.notation.chart``."""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath, QPen

from procmodeler.model.elements import Kpi
from procmodeler.notation.chart import BACKGROUND, FONT_SIZE, ChartView, chart_view
from procmodeler.notation.kpi import IconView
from procmodeler.notation.style import FONT_FAMILY


@functools.cache
def chart_font() -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPixelSize(round(FONT_SIZE * 1.25))
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


@functools.cache
def _metrics() -> QFontMetricsF:
    return QFontMetricsF(chart_font())


def _pen(colour: str, width: float, dash: tuple[float, ...] = ()) -> QPen:
    pen = QPen(QColor(colour), width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    if dash:
        pen.setDashPattern([d / width for d in dash])
    return pen


def text_width(text: str) -> float:
    """Width of *text* in the chart's font (for ``chart_view``)."""
    return _metrics().horizontalAdvance(text)


def paint_chart(painter: QPainter, view: ChartView, x: float = 0.0, y: float = 0.0) -> None:
    """Paint *view* with its top-left corner at (*x*, *y*)."""
    painter.save()
    painter.translate(x, y)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.fillRect(QRectF(0, 0, view.width, view.height), QColor(BACKGROUND))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for line in view.lines:
        painter.setPen(_pen(line.colour, line.width, line.dash))
        if len(line.points) == 2:
            (x1, y1), (x2, y2) = line.points
            painter.drawLine(QPointF(x1, y1), QPointF(x2, y2))
        else:
            painter.drawPolyline([QPointF(px, py) for px, py in line.points])
    painter.setPen(QPen(QColor("#ffffff"), 0.8))
    for dot in view.dots:
        painter.setBrush(QColor(dot.colour))
        painter.drawEllipse(QPointF(*dot.center), dot.radius, dot.radius)
    painter.setFont(chart_font())
    for text in view.texts:
        painter.setPen(QColor(text.colour))
        w = text_width(text.text)
        tx = text.at[0] - (w if text.align == "right" else w / 2 if text.align == "center" else 0)
        painter.drawText(QPointF(tx, text.at[1]), text.text)
    painter.restore()


def paint_icon(painter: QPainter, icon: IconView, cx: float, cy: float, radius: float) -> None:
    """Paint a variation or assurance icon centred at (*cx*, *cy*)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(QColor("#ffffff"), 1.2))
    painter.setBrush(QColor(icon.fill))
    painter.drawEllipse(QPointF(cx, cy), radius, radius)
    pen = QPen(QColor("#ffffff"), max(1.2, radius * 0.22))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for line in icon.glyph:
        path = QPainterPath(QPointF(cx + line[0][0] * radius, cy + line[0][1] * radius))
        for gx, gy in line[1:]:
            path.lineTo(cx + gx * radius, cy + gy * radius)
        painter.drawPath(path)
    painter.restore()


def chart_image(
    kpi: Kpi, width: int, height: int, tr: Callable[[str], str], scale: float = 1.0
) -> QImage:
    """The chart of *kpi* as an image (for copying or saving)."""
    image = QImage(int(width * scale), int(height * scale), QImage.Format.Format_ARGB32)
    image.fill(QColor(BACKGROUND))
    painter = QPainter(image)
    painter.scale(scale, scale)
    paint_chart(painter, chart_view(kpi, width, height, tr=tr, fmt=fmt, text_width=text_width))
    painter.end()
    return image


def fmt(value: float) -> str:
    """A chart number in the UI's locale."""
    return QLocale().toString(float(value), "g", 6)
