"""Graphics items of a diagram: one per process shape and one per relation line (the
decoration behind them is in ``decor.py``).

Items paint the Qt-free view records of ``procmodeler.notation.views`` and never write
to the model: the scene turns drags into operations. Each item keeps its painter paths,
rebuilt only when its view record changes, and its text layout, made when its text is
first painted (text too small to read is not painted: see ``READABLE_PX``).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
    QStaticText,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from procmodeler.model.elements import Bounds, Point
from procmodeler.notation import style as ns
from procmodeler.notation.geometry import (
    MARKER_SIZE,
    text_box,
)
from procmodeler.notation.labels import ELLIPSIS
from procmodeler.notation.views import (
    DETAIL_LINE_HEIGHT,
    ICON_RADIUS,
    NAME_LINE_HEIGHT,
    RelationView,
    ShapeView,
)
from procmodeler.ui.canvas import style as qs
from procmodeler.ui.chartpaint import paint_icon

if TYPE_CHECKING:
    from procmodeler.ui.canvas.scene import DiagramScene

HANDLE = 7.0  # resize handle size (diagram units)
CONNECT_RADIUS = 7.0  # radius of the "drag to connect" handle
CONNECT_GAP = 10.0  # its centre's distance right of and above the top-right corner
BEND_RADIUS = 4.5
PAD = CONNECT_GAP + 2 * CONNECT_RADIUS + 4  # extra room around a shape for handles

Z_RELATION = 20.0
Z_SHAPE = 10.0
Z_SELECTED = 15.0  # above other shapes, below relation lines and labels
Z_PREVIEW = 100.0

RESIZE_HANDLES = ("nw", "n", "ne", "e", "se", "s", "sw", "w")


def rounded_path(points: tuple[Point, ...] | list[Point], radius: float = 6.0) -> QPainterPath:
    """The polyline through *points* with its corners rounded (at most *radius*, and at
    most half of each segment)."""
    path = QPainterPath(QPointF(*points[0]))
    for i in range(1, len(points) - 1):
        a, b, c = points[i - 1], points[i], points[i + 1]
        r = min(radius, math.dist(a, b) / 2, math.dist(b, c) / 2)
        if r < 0.5:
            path.lineTo(QPointF(*b))
            continue
        ab, bc = math.dist(a, b), math.dist(b, c)
        p1 = (b[0] + (a[0] - b[0]) * r / ab, b[1] + (a[1] - b[1]) * r / ab)
        p2 = (b[0] + (c[0] - b[0]) * r / bc, b[1] + (c[1] - b[1]) * r / bc)
        path.lineTo(QPointF(*p1))
        path.quadTo(QPointF(*b), QPointF(*p2))
    path.lineTo(QPointF(*points[-1]))
    return path


#: text is drawn when a name's letters are at least this many pixels high on the screen;
#: below it (a big diagram seen whole) it could not be read, and leaving it out lets such
#: a view paint at once. Exports and prints always have their text.
READABLE_PX = 3.0


def text_readable(option: QStyleOptionGraphicsItem, painter: QPainter) -> bool:
    """Whether the diagram's text would be readable at the painter's scale."""
    scale = option.levelOfDetailFromTransform(painter.worldTransform())
    return scale * ns.DETAIL_FONT_SIZE >= READABLE_PX


class _ShapeText(NamedTuple):
    lines: list[tuple[QPointF, QStaticText]]
    owner: tuple[QPointF, QStaticText] | None


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
        self._detail_colour = qs.colour(k.accent)
        box = text_box(view.kind, b, view.outline.is_polygon)
        self._box = QRectF(box.x + dx, box.y + dy, box.w, box.h)
        self._text: _ShapeText | None = None  # laid out when first painted
        lx, ly = view.light_center
        self._light = QPointF(lx + dx, ly + dy) if view.light else None
        mx, my = view.marker_origin
        self._marker_origin = QPointF(mx + dx, my + dy)
        self._bounding = QRectF(-4 - HANDLE, -PAD, b.w + PAD + 4 + HANDLE, b.h + PAD + 4 + HANDLE)
        self.update()

    def _text_layout(self) -> _ShapeText:
        """The name lines and owner line, prepared once per view when first painted (a
        big diagram seen whole paints no text, so its thousands of labels wait)."""
        if self._text is None:
            view = self.view
            dy = -view.bounds.y
            _, y0 = view.name_origin
            lines = []
            for i, line in enumerate(view.name_lines):
                st = _static(line, ns.NAME_FONT_SIZE, True)
                w = st.size().width()
                h = st.size().height()
                x = self._box.x() + (self._box.width() - w) / 2
                y = y0 + dy + i * NAME_LINE_HEIGHT + (NAME_LINE_HEIGHT - h) / 2
                lines.append((QPointF(x, y), st))
            owner = None
            if view.owner_line:
                st = _static(view.owner_line, ns.DETAIL_FONT_SIZE)
                w = st.size().width()
                _, oy = view.owner_origin
                x = self._box.x() + (self._box.width() - w) / 2
                y = oy + dy + (DETAIL_LINE_HEIGHT - st.size().height()) / 2
                owner = (QPointF(x, y), st)
            self._text = _ShapeText(lines, owner)
        return self._text

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
        """Just outside the top-right corner, clear of relation lines and labels, which
        meet shapes at their sides."""
        b = self.view.bounds
        return QPointF(b.w + CONNECT_GAP, -CONNECT_GAP)

    def handle_rect(self, name: str) -> QRectF:
        b = self.view.bounds
        xs = {"w": 0.0, "c": b.w / 2, "e": b.w}
        ys = {"n": 0.0, "c": b.h / 2, "s": b.h}
        y = ys[name[0]] if name[0] in "ns" else ys["c"]
        x = xs[name[-1]] if name[-1] in "we" else xs["c"]
        return QRectF(x - HANDLE / 2, y - HANDLE / 2, HANDLE, HANDLE)

    def marker_room(self) -> int:
        """How many off-level markers fit on the shape (one more is shown as "+n")."""
        return max(1, int((self.view.bounds.w - 40) // (MARKER_SIZE + 3)))

    def shown_markers(self) -> int:
        n = len(self.view.markers)
        room = self.marker_room()
        return n if n <= room else max(0, room - 1)

    def marker_rect(self, index: int) -> QRectF:
        return QRectF(
            self._marker_origin.x() + index * (MARKER_SIZE + 3),
            self._marker_origin.y(),
            MARKER_SIZE,
            MARKER_SIZE,
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
        for i in range(self.shown_markers()):
            if self.marker_rect(i).contains(local):
                return f"marker:{i}"
        return None

    # ------------------------------------------------------------------ hover
    def _diagram(self) -> DiagramScene | None:
        return self.scene()  # type: ignore[return-value]  # only ever in a DiagramScene

    def hoverEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.prepareGeometryChange()
        self._hover = True
        scene = self._diagram()
        if scene is not None:
            scene.hovered_shape = self
        self.update()

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.prepareGeometryChange()
        self._hover = False
        scene = self._diagram()
        if scene is not None and scene.hovered_shape is self:
            scene.hovered_shape = None
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
                scene = self._diagram()
                tip = scene.marker_tooltip(self.pid, int(handle[7:])) if scene else ""
                self.setToolTip(tip)
            else:
                scene = self._diagram()
                truncated = any(
                    ELLIPSIS in line for line in (*self.view.name_lines, self.view.owner_line)
                )
                told = scene and (truncated or scene.names_too_small())
                self.setToolTip(scene.shape_tooltip(self.pid) if told else "")

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
        if exporting or text_readable(option, painter):
            text = self._text_layout()
            painter.setPen(self._text_colour)
            painter.setFont(qs.name_font())
            for pos, st in text.lines:
                painter.drawStaticText(pos, st)
            if text.owner is not None:
                painter.setPen(self._detail_colour)
                painter.setFont(qs.detail_font())
                painter.drawStaticText(*text.owner)
        if self._light is not None and self.view.light is not None:
            painter.setPen(QPen(Qt.GlobalColor.white, 1.5))
            painter.setBrush(qs.colour(ns.LIGHT_COLOURS[self.view.light]))
            painter.drawEllipse(self._light, 5.0, 5.0)
        if self.view.icons:
            b = self.view.bounds
            for icon, (cx, cy) in zip(self.view.icons, self.view.icon_centers, strict=True):
                paint_icon(painter, icon, cx - b.x, cy - b.y, ICON_RADIUS)
        if self.view.has_children:
            self._paint_subprocess_mark(painter)
        if self.view.finding_severity and not exporting:
            self._paint_finding(painter)
        if self.view.markers:
            self._paint_markers(painter)
        # the connect handle is drawn by the scene's foreground, above relation labels
        if not exporting and selected and self.show_handles:
            painter.setPen(qs.pen(ns.SELECTION, 1.2))
            painter.setBrush(Qt.GlobalColor.white)
            for name in RESIZE_HANDLES:
                painter.drawRect(self.handle_rect(name))

    def _paint_finding(self, painter: QPainter) -> None:
        severity = self.view.finding_severity or "info"
        x, y = self.view.finding_center
        b = self.view.bounds
        c = QPointF(x - b.x, y - b.y)
        painter.setPen(QPen(Qt.GlobalColor.white, 0.8))
        painter.setBrush(qs.colour(ns.FINDING_COLOURS.get(severity, ns.FINDING_COLOURS["info"])))
        painter.drawEllipse(c, 5.5, 5.5)
        painter.setPen(Qt.GlobalColor.white)
        painter.setFont(qs.font(7.5, True))
        painter.drawText(
            QRectF(c.x() - 5.5, c.y() - 5.5, 11, 11),
            Qt.AlignmentFlag.AlignCenter,
            "i" if severity == "info" else "!",
        )

    def _paint_subprocess_mark(self, painter: QPainter) -> None:
        x, y = self.view.children_center
        b = self.view.bounds
        x, y = x - b.x, y - b.y
        painter.setPen(qs.pen(ns.kind_style(self.view.kind).stroke, 1.0))
        painter.setBrush(Qt.GlobalColor.white)
        painter.drawRect(QRectF(x - 5, y - 5, 10, 10))
        painter.drawLine(QPointF(x - 3, y), QPointF(x + 3, y))
        painter.drawLine(QPointF(x, y - 3), QPointF(x, y + 3))

    def _paint_markers(self, painter: QPainter) -> None:
        shown = self.shown_markers()
        for i, m in enumerate(self.view.markers[:shown]):
            r = self.marker_rect(i)
            painter.setPen(qs.pen(ns.MARKER_STROKE, 0.8))
            painter.setBrush(qs.colour(ns.MARKER_FILL))
            painter.drawRoundedRect(r, 3, 3)
            colour = ns.relation_style(m.kind).colour
            cy = r.center().y()
            left, right = r.left() + 3.5, r.right() - 3.5
            painter.setPen(qs.pen(colour, 1.2))
            painter.drawLine(QPointF(left, cy), QPointF(right, cy))
            bar = left if m.outgoing else right
            painter.drawLine(QPointF(bar, cy - 4), QPointF(bar, cy + 4))
            painter.setPen(qs.pen(colour, 0.5))
            painter.setBrush(qs.colour(colour))
            painter.drawPolygon(
                QPolygonF(
                    [QPointF(right, cy), QPointF(right - 4, cy - 3), QPointF(right - 4, cy + 3)]
                )
            )
        rest = len(self.view.markers) - shown
        if rest > 0:
            r = self.marker_rect(shown)
            painter.setPen(qs.colour(ns.MARKER_STROKE))
            painter.setFont(qs.detail_font())
            painter.drawText(
                QRectF(r.x() + 1, r.y(), 40, r.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                f"+{rest}",
            )

    @property
    def shows_connect_handle(self) -> bool:
        return self.isSelected() or self._hover

    def paint_connect_handle(self, painter: QPainter) -> None:
        """Draw the "drag to connect" handle (in scene coordinates)."""
        painter.save()
        painter.translate(self.pos())
        self._paint_connect_handle(painter)
        painter.restore()

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
        path = rounded_path(view.path)
        self._line = path
        self._head = qs.polygon(view.head)
        self._label = view.label_box is not None and bool(view.label_lines)
        self._label_rect = QRectF()
        self._label_lines: list[tuple[QPointF, QStaticText]] | None = None  # when painted
        if view.label_box is not None and self._label:
            # the box the notation placed, clear of shapes and other names
            box = view.label_box
            self._label_rect = QRectF(box.x, box.y, box.w, box.h)
        stroker = QPainterPathStroker()
        stroker.setWidth(10.0)
        hit = stroker.createStroke(path)
        hit.addPolygon(self._head)
        if self._label:
            hit.addRect(self._label_rect)
        self._hit = hit.simplified()
        self._bounding = hit.boundingRect().adjusted(-8, -8, 8, 8)
        self.update()

    def _label_layout(self) -> list[tuple[QPointF, QStaticText]]:
        """Every line of the name, centred in the label box, prepared when first painted."""
        if self._label_lines is None:
            self._label_lines = []
            box = self.view.label_box
            if box is not None and self.view.label_lines:
                line_h = (box.h - 6.0) / len(self.view.label_lines)
                for i, text in enumerate(self.view.label_lines):
                    st = _static(text, ns.DETAIL_FONT_SIZE)
                    size: QSizeF = st.size()
                    x = box.x + (box.w - size.width()) / 2
                    y = box.y + 3.0 + i * line_h + (line_h - size.height()) / 2
                    self._label_lines.append((QPointF(x, y), st))
        return self._label_lines

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
        if self._label:
            if self.view.label_fits:
                painter.setPen(Qt.PenStyle.NoPen)
            else:  # crowded: it covers something (Arrange makes room); say so
                painter.setPen(qs.pen(ns.LABEL_CROWDED, 1.0, (3.0, 2.0)))
            painter.setBrush(qs.colour(ns.LABEL_BACKGROUND))
            painter.drawRoundedRect(self._label_rect, 3, 3)
            if exporting or text_readable(option, painter):
                painter.setPen(self._colour)
                painter.setFont(qs.detail_font())
                for origin, st in self._label_layout():
                    painter.drawStaticText(origin, st)
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
