"""Small icons drawn from the notation's look (no image files): process kinds as mini
shapes, relation kinds as mini lines."""

from __future__ import annotations

import functools

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap, QPolygonF

from procmodeler.common.paths import resources_dir
from procmodeler.model.elements import Bounds
from procmodeler.notation import style as ns
from procmodeler.notation.geometry import arrow_head, diamond_head, outline
from procmodeler.ui.canvas import style as qs


def _pixmap(w: int, h: int, ratio: float = 2.0) -> QPixmap:
    pm = QPixmap(round(w * ratio), round(h * ratio))
    pm.setDevicePixelRatio(ratio)
    pm.fill(Qt.GlobalColor.transparent)
    return pm


@functools.cache
def process_icon(kind: str, w: int = 34, h: int = 20) -> QIcon:
    pm = _pixmap(w, h)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    k = ns.kind_style(kind)
    b = Bounds(1.5, 2.5, w - 3, h - 5)
    o = outline(kind, b, chevron=True)
    path = qs.outline_path(o)
    if not o.is_polygon:
        path = qs.outline_path(type(o)(o.points, 4.0, False))
    p.setBrush(qs.colour(k.fill))
    p.setPen(qs.pen(k.stroke, 1.4))
    p.drawPath(path)
    p.end()
    return QIcon(pm)


@functools.cache
def relation_icon(kind: str, w: int = 34, h: int = 20) -> QIcon:
    pm = _pixmap(w, h)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    rs = ns.relation_style(kind)
    a, b = (3.0, h / 2), (w - 3.0, h / 2)
    p.setPen(qs.pen(rs.colour, max(1.4, rs.width), rs.dash))
    p.drawLine(QPointF(*a), QPointF(b[0] - 6, b[1]))
    head = diamond_head(a, b, 10) if rs.head == "diamond" else arrow_head(a, b, 8)
    p.setPen(qs.pen(rs.colour, 1.2))
    p.setBrush(Qt.GlobalColor.white if rs.head == "open" else qs.colour(rs.colour))
    p.drawPolygon(QPolygonF([QPointF(*pt) for pt in head]))
    p.end()
    return QIcon(pm)


@functools.cache
def app_icon() -> QIcon:
    """The application icon (procmodeler/resources/icons), or a drawn stand-in without it."""
    folder = resources_dir() / "icons"
    if (folder / "procmodeler-256.png").is_file():
        icon = QIcon(str(folder / "procmodeler-256.png"))
        if (folder / "procmodeler.svg").is_file():
            icon.addFile(str(folder / "procmodeler.svg"))
        return icon
    icon = QIcon()
    for size in (16, 32, 64, 128, 256):
        pm = _pixmap(size, size, 1.0)
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = size / 64.0
        p.scale(s, s)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(qs.colour("#1f3b5c"))
        p.drawRoundedRect(QRectF(2, 2, 60, 60), 12, 12)
        for i, kind in enumerate(("management", "core", "support")):
            k = ns.kind_style(kind)
            p.setBrush(qs.colour(k.fill))
            y = 10 + i * 16
            if kind == "core":
                pts = [(10, y), (44, y), (54, y + 6), (44, y + 12), (10, y + 12), (16, y + 6)]
                p.drawPolygon(QPolygonF([QPointF(x, yy) for x, yy in pts]))
            else:
                p.drawRoundedRect(QRectF(10, y, 44, 12), 3, 3)
        p.end()
        icon.addPixmap(pm)
    return icon
