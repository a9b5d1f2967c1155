"""Graphics items of a diagram: one per process shape and one per relation line, plus
the decoration behind them (landscape bands, need arrows, swimlanes).

Items paint the Qt-free view records of ``procmodeler.notation.views`` and never write
to the model: the scene turns drags into operations. Each item keeps its painter paths
and label layout, rebuilt only when its view record changes.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
    QStaticText,
    QTextOption,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from procmodeler.model.elements import Bounds, Point
from procmodeler.notation import style as ns
from procmodeler.notation.geometry import (
    BAND_LABEL_WIDTH,
    LANE_HEADER_WIDTH,
    MARKER_SIZE,
    Band,
    Lane,
    text_box,
)
from procmodeler.notation.labels import ELLIPSIS, fit_lines
from procmodeler.notation.views import (
    DETAIL_LINE_HEIGHT,
    NAME_LINE_HEIGHT,
    RelationView,
    ShapeView,
)
from procmodeler.ui.canvas import style as qs

HANDLE = 7.0  # resize handle size (diagram units)
CONNECT_RADIUS = 7.0  # radius of the "drag to connect" handle
CONNECT_GAP = 12.0  # its distance right of the shape's right edge
BEND_RADIUS = 4.5
PAD = CONNECT_GAP + 2 * CONNECT_RADIUS + 4  # extra room around a shape for handles

Z_BAND = -100.0
Z_ARROW = -90.0
Z_RELATION = 20.0
Z_SHAPE = 10.0
Z_SELECTED = 15.0  # above other shapes, below relation lines and labels
Z_PREVIEW = 100.0

RESIZE_HANDLES = ("nw", "n", "ne", "e", "se", "s", "sw", "w")

_CENTER = QTextOption(Qt.AlignmentFlag.AlignHCenter)


def _static(text: str, font_size: float, bold: bool = False) -> QStaticText:
    st = QStaticText(text)
    st.setTextFormat(Qt.TextFormat.PlainText)
    st.setPerformanceHint(QStaticText.PerformanceHint.ModerateCaching)
    st.prepare(font=qs.font(font_size, bold))
    return st


class ShapeItem(QGraphicsItem):
    """A process shape: outline, wrapped name, owner, KPI light, sub-process mark and
    off-level relation markers, with resize handles and a connect handle."""

    def __init__(self, view: ShapeView) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setAcceptHoverEvents(True)
        self.setZValue(Z_SHAPE)
        self._hover = False
        self.show_handles = False
        self.view: ShapeView = view
        self.set_view(view)

    # ------------------------------------------------------------------ model
    @property
    def pid(self) -> str:
        return self.view.process

    @property
    def bounds(self) -> Bounds:
        """The shape's bounds at its current (possibly dragged) position."""
        p = self.pos()
        return Bounds(p.x(), p.y(), self.view.bounds.w, self.view.bounds.h)

    def set_view(self, view: ShapeView) -> None:
        self.prepareGeometryChange()
        self.view = view
        b = view.bounds
        self.setPos(b.x, b.y)
        dx, dy = -b.x, -b.y
        self._outline = qs.outline_path(view.outline, dx, dy)
        k = ns.kind_style(view.kind)
        self._fill = QBrush(qs.colour(k.fill))
        self._stroke = qs.pen(k.stroke, 1.4)
        self._selected_pen = qs.pen(ns.SELECTION, 2.4)
        self._text_colour = qs.colour(k.text)
        self._detail_colour = QColor(k.text)
        self._detail_colour.setAlphaF(0.72)
        box = text_box(view.kind, b, view.outline.is_polygon)
        self._box = QRectF(box.x + dx, box.y + dy, box.w, box.h)
        x0, y0 = view.name_origin
        self._lines = []
        for i, line in enumerate(view.name_lines):
            st = _static(line, ns.NAME_FONT_SIZE, True)
            w = st.size().width()
            h = st.size().height()
            x = self._box.x() + (self._box.width() - w) / 2
            y = y0 + dy + i * NAME_LINE_HEIGHT + (NAME_LINE_HEIGHT - h) / 2
            self._lines.append((QPointF(x, y), st))
        self._owner = None
        if view.owner_line:
            st = _static(view.owner_line, ns.DETAIL_FONT_SIZE)
            w = st.size().width()
            ox, oy = view.owner_origin
            x = self._box.x() + (self._box.width() - w) / 2
            y = oy + dy + (DETAIL_LINE_HEIGHT - st.size().height()) / 2
            self._owner = (QPointF(x, y), st)
        lx, ly = view.light_center
        self._light = QPointF(lx + dx, ly + dy) if view.light else None
        mx, my = view.marker_origin
        self._marker_origin = QPointF(mx + dx, my + dy)
        self._bounding = QRectF(-4, -4, b.w + PAD + 4, b.h + 8).adjusted(
            -HANDLE, -HANDLE, 0, HANDLE
        )
        self.update()

    # ------------------------------------------------------------------ geometry
    def boundingRect(self) -> QRectF:
        return self._bounding

    def shape(self) -> QPainterPath:
        if not (self.isSelected() or self._hover):
            return self._outline
        extra = QPainterPath()
        extra.addEllipse(self.connect_center(), CONNECT_RADIUS + 2, CONNECT_RADIUS + 2)
        if self.show_handles and self.isSelected():
            for name in RESIZE_HANDLES:
                extra.addRect(self.handle_rect(name))
        return self._outline.united(extra)

    def connect_center(self) -> QPointF:
        b = self.view.bounds
        return QPointF(b.w + CONNECT_GAP + CONNECT_RADIUS - 4, b.h / 2)

    def handle_rect(self, name: str) -> QRectF:
        b = self.view.bounds
        xs = {"w": 0.0, "c": b.w / 2, "e": b.w}
        ys = {"n": 0.0, "c": b.h / 2, "s": b.h}
        y = ys[name[0]] if name[0] in "ns" else ys["c"]
        x = xs[name[-1]] if name[-1] in "we" else xs["c"]
        return QRectF(x - HANDLE / 2, y - HANDLE / 2, HANDLE, HANDLE)

    def marker_rect(self, index: int) -> QRectF:
        size = MARKER_SIZE - 3
        return QRectF(
            self._marker_origin.x() + index * (size + 3),
            self._marker_origin.y() + 1.5,
            size,
            size,
        )

    def handle_at(self, local: QPointF) -> str | None:
        """Which handle is at *local*: "connect", a resize handle ("nw", "e", ...),
        "marker:<index>", or None."""
        if self.isSelected() or self._hover:
            c = self.connect_center()
            if math.hypot(local.x() - c.x(), local.y() - c.y()) <= CONNECT_RADIUS + 2:
                return "connect"
        if self.show_handles and self.isSelected():
            for name in RESIZE_HANDLES:
                if self.handle_rect(name).adjusted(-2, -2, 2, 2).contains(local):
                    return name
        for i in range(len(self.view.markers)):
            if self.marker_rect(i).contains(local):
                return f"marker:{i}"
        return None

    # ------------------------------------------------------------------ hover
    def hoverEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.prepareGeometryChange()
        self._hover = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.prepareGeometryChange()
        self._hover = False
        self.update()

    def hoverMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        handle = self.handle_at(event.pos())
        if handle == "connect":
            self.setCursor(Qt.CursorShape.CrossCursor)
            self.setToolTip(QCoreApplication.translate("Canvas", "Drag to connect"))
        elif handle in ("nw", "se"):
            self.setCursor(Qt.CursorShape.SizeFDiagCursor)
        elif handle in ("ne", "sw"):
            self.setCursor(Qt.CursorShape.SizeBDiagCursor)
        elif handle in ("n", "s"):
            self.setCursor(Qt.CursorShape.SizeVerCursor)
        elif handle in ("e", "w"):
            self.setCursor(Qt.CursorShape.SizeHorCursor)
        else:
            self.unsetCursor()
            if handle and handle.startswith("marker:"):
                scene = self.scene()
                tip = scene.marker_tooltip(self.pid, int(handle[7:])) if scene else ""
                self.setToolTip(tip)
            else:
                self.setToolTip("")

    # ------------------------------------------------------------------ paint
    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        selected = self.isSelected()
        exporting = getattr(self.scene(), "exporting", False)
        if exporting:
            selected = False
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(self._fill)
        if selected:
            halo = QPen(qs.colour(ns.SELECTION), 7.0)
            c = halo.color()
            c.setAlphaF(0.16)
            halo.setColor(c)
            painter.setPen(halo)
            painter.drawPath(self._outline)
            painter.setPen(self._selected_pen)
        elif self._hover and not exporting:
            painter.setPen(qs.pen(ns.kind_style(self.view.kind).stroke, 2.2))
        else:
            painter.setPen(self._stroke)
        painter.drawPath(self._outline)
        painter.setPen(self._text_colour)
        painter.setFont(qs.name_font())
        for pos, st in self._lines:
            painter.drawStaticText(pos, st)
        if self._owner is not None:
            painter.setPen(self._detail_colour)
            painter.setFont(qs.detail_font())
            painter.drawStaticText(*self._owner)
        if self._light is not None:
            painter.setPen(QPen(Qt.GlobalColor.white, 1.5))
            painter.setBrush(qs.colour(ns.LIGHT_COLOURS[self.view.light]))
            painter.drawEllipse(self._light, 5.0, 5.0)
        if self.view.has_children:
            self._paint_subprocess_mark(painter)
        if self.view.finding_severity and not exporting:
            self._paint_finding(painter)
        if self.view.markers:
            self._paint_markers(painter)
        if not exporting and (selected or self._hover):
            self._paint_connect_handle(painter)
        if not exporting and selected and self.show_handles:
            painter.setPen(qs.pen(ns.SELECTION, 1.2))
            painter.setBrush(Qt.GlobalColor.white)
            for name in RESIZE_HANDLES:
                painter.drawRect(self.handle_rect(name))

    def finding_center(self) -> QPointF:
        b = self.view.bounds
        y = 10.0
        x = 10.0
        if self.view.outline.is_polygon:  # a chevron: right of its notch
            d = self.view.outline.points[5][0] - b.x
            x = d * y / (b.h / 2) + 10.0
        return QPointF(x, y)

    def _paint_finding(self, painter: QPainter) -> None:
        severity = self.view.finding_severity or "info"
        c = self.finding_center()
        painter.setPen(QPen(Qt.GlobalColor.white, 1.2))
        painter.setBrush(qs.colour(ns.FINDING_COLOURS.get(severity, "#57606a")))
        painter.drawEllipse(c, 6.0, 6.0)
        painter.setPen(qs.pen("#ffffff", 1.6))
        if severity == "info":
            painter.drawLine(QPointF(c.x(), c.y() - 0.5), QPointF(c.x(), c.y() + 3.0))
            painter.drawPoint(QPointF(c.x(), c.y() - 3.0))
        else:
            painter.drawLine(QPointF(c.x(), c.y() - 3.2), QPointF(c.x(), c.y() + 0.8))
            painter.drawPoint(QPointF(c.x(), c.y() + 3.2))

    def _paint_subprocess_mark(self, painter: QPainter) -> None:
        b = self.view.bounds
        s = 9.0
        x = b.w / 2 - s / 2
        y = b.h - s - 4
        stroke = ns.kind_style(self.view.kind).stroke
        painter.setPen(qs.pen(stroke, 1.0))
        painter.setBrush(Qt.GlobalColor.white)
        painter.drawRoundedRect(QRectF(x, y, s, s), 1.5, 1.5)
        painter.drawLine(QPointF(x + 2.2, y + s / 2), QPointF(x + s - 2.2, y + s / 2))
        painter.drawLine(QPointF(x + s / 2, y + 2.2), QPointF(x + s / 2, y + s - 2.2))

    def _paint_markers(self, painter: QPainter) -> None:
        for i, m in enumerate(self.view.markers[:6]):
            r = self.marker_rect(i)
            rs = ns.relation_style(m.kind)
            painter.setPen(qs.pen(rs.colour, 1.0))
            painter.setBrush(qs.colour(ns.MARKER_FILL))
            painter.drawEllipse(r)
            c = r.center()
            half = r.width() * 0.26
            sign = 1.0 if m.outgoing else -1.0
            tip = QPointF(c.x() + sign * half, c.y())
            painter.setPen(qs.pen(rs.colour, 1.2))
            painter.drawLine(QPointF(c.x() - sign * half, c.y()), tip)
            painter.setBrush(qs.colour(rs.colour))
            painter.drawPolygon(
                QPolygonF(
                    [
                        tip + QPointF(sign * 1.2, 0),
                        QPointF(tip.x() - sign * 3.2, c.y() - 2.6),
                        QPointF(tip.x() - sign * 3.2, c.y() + 2.6),
                    ]
                )
            )

    def _paint_connect_handle(self, painter: QPainter) -> None:
        c = self.connect_center()
        painter.setPen(QPen(Qt.GlobalColor.white, 1.5))
        painter.setBrush(qs.colour(ns.SELECTION))
        painter.drawEllipse(c, CONNECT_RADIUS, CONNECT_RADIUS)
        painter.setPen(qs.pen("#ffffff", 1.6))
        painter.drawLine(QPointF(c.x() - 3.2, c.y()), QPointF(c.x() + 3.2, c.y()))
        painter.drawLine(QPointF(c.x() + 0.6, c.y() - 2.8), QPointF(c.x() + 3.4, c.y()))
        painter.drawLine(QPointF(c.x() + 0.6, c.y() + 2.8), QPointF(c.x() + 3.4, c.y()))


class RelationItem(QGraphicsItem):
    """A relation line: styled per kind, with its arrow head and, for flows, the object
    name; when selected, handles on its ends and bend points."""

    def __init__(self, view: RelationView) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setAcceptHoverEvents(True)
        self.setZValue(Z_RELATION)
        self._hover = False
        self.view: RelationView = view
        self.set_view(view)

    @property
    def rid(self) -> str:
        return self.view.relation

    @property
    def waypoints(self) -> list[Point]:
        return list(self.view.path[1:-1])

    def set_view(self, view: RelationView) -> None:
        self.prepareGeometryChange()
        self.view = view
        rs = ns.relation_style(view.kind)
        self._pen = qs.pen(rs.colour, rs.width, rs.dash)
        self._colour = qs.colour(rs.colour)
        path = QPainterPath(QPointF(*view.path[0]))
        for p in view.path[1:]:
            path.lineTo(QPointF(*p))
        self._line = path
        self._head = qs.polygon(view.head)
        self._label = None
        self._label_rect = QRectF()
        if view.label:
            lines = fit_lines(view.label, 150.0, 2, qs.detail_measure)
            text = "\n".join(lines)
            st = QStaticText(text)
            st.setTextFormat(Qt.TextFormat.PlainText)
            st.setTextOption(_CENTER)
            st.setTextWidth(max(qs.detail_measure(line) for line in lines) + 1)
            st.prepare(font=qs.detail_font())
            size: QSizeF = st.size()
            cx, cy = view.label_center
            self._label_rect = QRectF(
                cx - size.width() / 2 - 5,
                cy - size.height() / 2 - 2,
                size.width() + 10,
                size.height() + 4,
            )
            self._label = (QPointF(cx - size.width() / 2, cy - size.height() / 2), st)
        stroker = QPainterPathStroker()
        stroker.setWidth(10.0)
        hit = stroker.createStroke(path)
        hit.addPolygon(self._head)
        if self._label is not None:
            hit.addRect(self._label_rect)
        self._hit = hit.simplified()
        self._bounding = hit.boundingRect().adjusted(-8, -8, 8, 8)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounding

    def shape(self) -> QPainterPath:
        if not self.isSelected():
            return self._hit
        handles = QPainterPath()
        for p in self.view.path:
            handles.addEllipse(QPointF(*p), BEND_RADIUS + 3, BEND_RADIUS + 3)
        return self._hit.united(handles)

    def handle_at(self, pos: QPointF) -> str | None:
        """ "source", "target", "bend:<i>" (i counts bend points from 0), or None."""
        if not self.isSelected():
            return None
        path = self.view.path
        for i, p in enumerate(path):
            if math.hypot(pos.x() - p[0], pos.y() - p[1]) <= BEND_RADIUS + 3:
                if i == 0:
                    return "source"
                if i == len(path) - 1:
                    return "target"
                return f"bend:{i - 1}"
        return None

    def segment_at(self, pos: QPointF) -> int:
        """Index of the path segment nearest to *pos* (0: from the source)."""
        best, best_d = 0, math.inf
        path = self.view.path
        for i, (a, b) in enumerate(zip(path, path[1:], strict=False)):
            d = _distance_to_segment((pos.x(), pos.y()), a, b)
            if d < best_d:
                best, best_d = i, d
        return best

    def hoverEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._hover = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._hover = False
        self.update()

    def hoverMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        handle = self.handle_at(event.pos())
        if handle is None:
            self.unsetCursor()
        elif handle.startswith("bend"):
            self.setCursor(Qt.CursorShape.SizeAllCursor)
        else:
            self.setCursor(Qt.CursorShape.CrossCursor)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        exporting = getattr(self.scene(), "exporting", False)
        selected = self.isSelected() and not exporting
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if selected or (self._hover and not exporting):
            halo = QPen(qs.colour(ns.SELECTION), 6.0 if selected else 5.0)
            c = halo.color()
            c.setAlphaF(0.22 if selected else 0.12)
            halo.setColor(c)
            halo.setCapStyle(Qt.PenCapStyle.RoundCap)
            halo.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(halo)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(self._line)
        painter.setPen(self._pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._line)
        solid = QPen(self._colour, 1.2)
        solid.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(solid)
        if self.view.head_style == "open":
            painter.setBrush(Qt.GlobalColor.white)
        else:
            painter.setBrush(self._colour)
        painter.drawPolygon(self._head)
        if self._label is not None:
            painter.setPen(QPen(qs.colour("#d0d7de"), 0.8))
            painter.setBrush(Qt.GlobalColor.white)
            painter.drawRoundedRect(self._label_rect, 4, 4)
            painter.setPen(qs.colour("#24292f"))
            painter.setFont(qs.detail_font())
            painter.drawStaticText(*self._label)
        if selected:
            painter.setPen(QPen(Qt.GlobalColor.white, 1.2))
            for i, p in enumerate(self.view.path):
                end = i in (0, len(self.view.path) - 1)
                painter.setBrush(qs.colour(ns.SELECTION) if end else qs.colour("#ffffff"))
                if not end:
                    painter.setPen(qs.pen(ns.SELECTION, 1.4))
                painter.drawEllipse(QPointF(*p), BEND_RADIUS, BEND_RADIUS)
                painter.setPen(QPen(Qt.GlobalColor.white, 1.2))


def _distance_to_segment(p: Point, a: Point, b: Point) -> float:
    ax, ay = a
    bx, by = b
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    if length2 == 0:
        return math.dist(p, a)
    t = max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / length2))
    return math.dist(p, (ax + t * dx, ay + t * dy))


class BandItem(QGraphicsItem):
    """A landscape band behind the processes of one kind, labelled on its left."""

    def __init__(self, band: Band, label: str, short_label: str = "") -> None:
        super().__init__()
        self.setZValue(Z_BAND)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.band = band
        self.label = label
        self._rect = qs.rect(band.bounds)
        self.lines = band_label_lines(label, short_label, band.bounds.h - 8)

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option, widget=None) -> None:  # noqa: ANN001
        k = ns.kind_style(self.band.kind)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(qs.pen(k.band_stroke, 1.0))
        painter.setBrush(qs.colour(k.band_fill))
        painter.drawRoundedRect(self._rect, 10, 10)
        # label column: a tinted strip with the band's name written upwards
        strip = QRectF(self._rect.x(), self._rect.y(), BAND_LABEL_WIDTH, self._rect.height())
        clip = QPainterPath()
        clip.addRoundedRect(self._rect, 10, 10)
        painter.save()
        painter.setClipPath(clip)
        accent = QColor(k.accent)
        accent.setAlphaF(0.12)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(accent)
        painter.drawRect(strip)
        painter.restore()
        painter.save()
        painter.translate(strip.center())
        painter.rotate(-90)
        painter.setPen(qs.colour(k.accent))
        painter.setFont(qs.band_font())
        text_rect = QRectF(-strip.height() / 2, -strip.width() / 2, strip.height(), strip.width())
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, "\n".join(self.lines))
        painter.restore()


def band_label_lines(label: str, short_label: str, length: float) -> list[str]:
    """The band's label in its column of *length*: on one line, else on two, else the
    short label ("Management"), shortened with an ellipsis only as a last resort."""
    measure = qs.metrics(ns.BAND_FONT_SIZE, True).horizontalAdvance
    if measure(label) <= length:
        return [label]
    two = fit_lines(label, length, 2, measure)
    if two and not any(ELLIPSIS in line for line in two):
        return two
    short = short_label or label
    return fit_lines(short, length, 1, measure)


class NeedArrowItem(QGraphicsItem):
    """The "customer need" / "satisfied need" arrow beside the core band."""

    def __init__(self, bounds: Bounds, label: str) -> None:
        super().__init__()
        self.setZValue(Z_ARROW)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._rect = qs.rect(bounds)
        self.label = label
        b = bounds
        tip = min(16.0, b.w * 0.25)
        self._path = QPainterPath()
        self._path.addPolygon(
            qs.polygon(
                [
                    (b.x, b.y),
                    (b.x + b.w - tip, b.y),
                    (b.x + b.w, b.y + b.h / 2),
                    (b.x + b.w - tip, b.y + b.h),
                    (b.x, b.y + b.h),
                ]
            )
        )
        self._path.closeSubpath()
        inner = self._rect.adjusted(4, 3, -tip * 0.6, -3)
        self._text_rect = inner
        self.font_size, self._lines = fit_shrinking(label, inner.width(), inner.height())

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option, widget=None) -> None:  # noqa: ANN001
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(qs.colour(ns.NEED_ARROW))
        painter.drawPath(self._path)
        painter.setPen(Qt.GlobalColor.white)
        painter.setFont(qs.font(self.font_size, True))
        painter.drawText(self._text_rect, Qt.AlignmentFlag.AlignCenter, "\n".join(self._lines))


def fit_shrinking(
    text: str,
    width: float,
    height: float,
    largest: float = ns.DETAIL_FONT_SIZE,
    smallest: float = 6.0,
) -> tuple[float, list[str]]:
    """The largest font size (in whole pixels, bold) at which *text* wraps into *width*
    and *height* without an ellipsis, and its lines; at *smallest* it is shortened."""
    size = float(qs.px(largest))
    while True:
        metrics = qs.metrics(size, True)
        max_lines = max(1, int(height // (metrics.height() * 0.95)))
        lines = fit_lines(text, width, max_lines, metrics.horizontalAdvance)
        if size <= smallest or not any(ELLIPSIS in line for line in lines):
            return size, lines
        size -= 1.0


class LaneItem(QGraphicsItem):
    """A swimlane of one participating unit, with its name in a header on the left."""

    def __init__(self, lane: Lane, label: str, index: int) -> None:
        super().__init__()
        self.setZValue(Z_BAND)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.lane = lane
        self.label = label
        self.index = index
        self._rect = qs.rect(lane.bounds)

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option, widget=None) -> None:  # noqa: ANN001
        painter.setPen(qs.pen(ns.LANE_STROKE, 1.0))
        painter.setBrush(qs.colour(ns.LANE_FILL[self.index % 2]))
        painter.drawRect(self._rect)
        header = QRectF(self._rect.x(), self._rect.y(), LANE_HEADER_WIDTH, self._rect.height())
        painter.setBrush(qs.colour(ns.LANE_HEADER))
        painter.drawRect(header)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.translate(header.center())
        painter.rotate(-90)
        painter.setPen(qs.colour("#3a4450"))
        painter.setFont(qs.font(ns.BAND_FONT_SIZE, True))
        label = "\n".join(band_label_lines(self.label, "", header.height() - 10))
        painter.drawText(
            QRectF(-header.height() / 2, -header.width() / 2, header.height(), header.width()),
            Qt.AlignmentFlag.AlignCenter,
            label,
        )
        painter.restore()
