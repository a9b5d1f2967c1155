"""The drawn icons of the units and people panel: unit, person (head or not) and the
toolbar's tools, alike on every platform."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPixmap


def unit_icon() -> QIcon:
    pix = QPixmap(16, 16)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QColor("#3f5873"))
    p.setBrush(QColor("#dfe7f0"))
    p.drawRoundedRect(QRectF(1.5, 3.5, 13, 10), 2, 2)
    p.setPen(QColor("#3f5873"))
    for x in (4.5, 7.5, 10.5):
        p.drawLine(QPointF(x, 6.5), QPointF(x, 10.5))
    p.end()
    return QIcon(pix)


def person_icon(head: bool) -> QIcon:
    pix = QPixmap(16, 16)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor("#b7791f") if head else QColor("#5f6b7a")
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    p.drawEllipse(QRectF(5, 1.5, 6, 6))
    path = QPainterPath()
    path.moveTo(2, 15)
    path.cubicTo(2, 8, 14, 8, 14, 15)
    path.closeSubpath()
    p.drawPath(path)
    p.end()
    return QIcon(pix)


def _plus(p: QPainter, x: float, y: float) -> None:
    """A small green plus badge with its top-left corner at (x, y)."""
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#1a7f37"))
    p.drawEllipse(QRectF(x, y, 8, 8))
    p.setPen(QColor("white"))
    p.drawLine(QPointF(x + 2, y + 4), QPointF(x + 6, y + 4))
    p.drawLine(QPointF(x + 4, y + 2), QPointF(x + 4, y + 6))


def tool_icon(kind: str) -> QIcon:
    """The toolbar icons (drawn, so that they look alike on every platform)."""
    pix = QPixmap(32, 32)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.scale(2, 2)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    ink = QColor("#3f5873")
    if kind in ("unit", "subunit"):
        p.setPen(ink)
        p.setBrush(QColor("#dfe7f0"))
        if kind == "unit":
            p.drawRoundedRect(QRectF(0.5, 2.5, 12, 9), 2, 2)
            for x in (3.5, 6.5, 9.5):
                p.drawLine(QPointF(x, 5), QPointF(x, 9))
        else:
            p.drawRoundedRect(QRectF(0.5, 0.5, 8, 5), 1.5, 1.5)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPolyline([QPointF(3, 5.5), QPointF(3, 10), QPointF(5.5, 10)])
            p.setBrush(QColor("#dfe7f0"))
            p.drawRoundedRect(QRectF(5.5, 7.5, 6, 5), 1.5, 1.5)
        _plus(p, 8, 8)
    elif kind == "person":
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#5f6b7a"))
        p.drawEllipse(QRectF(3, 1, 6, 6))
        path = QPainterPath()
        path.moveTo(0.5, 14)
        path.cubicTo(0.5, 7, 11.5, 7, 11.5, 14)
        path.closeSubpath()
        p.drawPath(path)
        _plus(p, 8, 8)
    elif kind == "move":
        p.setPen(ink)
        p.setBrush(QColor("#dfe7f0"))
        p.drawRoundedRect(QRectF(8.5, 4.5, 7, 8), 1.5, 1.5)
        p.setBrush(ink)
        p.drawLine(QPointF(1, 8.5), QPointF(6, 8.5))
        p.drawPolygon([QPointF(5, 5.5), QPointF(8.5, 8.5), QPointF(5, 11.5)])
    elif kind == "head":
        p.setPen(QColor("#8a5a12"))
        p.setBrush(QColor("#e3a52b"))
        star = []
        for i in range(10):
            r = 7.0 if i % 2 == 0 else 3.0
            a = i * math.pi / 5
            star.append(QPointF(8 + r * math.sin(a), 8.5 - r * math.cos(a)))
        p.drawPolygon(star)
    elif kind == "delete":
        red = QColor("#b42318")
        p.setPen(red)
        p.setBrush(QColor("#fde8e7"))
        p.drawRect(QRectF(3.5, 4.5, 9, 10))
        p.drawLine(QPointF(1.5, 3), QPointF(14.5, 3))
        p.drawLine(QPointF(6, 1), QPointF(10, 1))
        for x in (6, 8, 10):
            p.drawLine(QPointF(x, 7), QPointF(x, 12.5))
    p.end()
    return QIcon(pix)
