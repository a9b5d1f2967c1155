"""Mouse gestures on the diagram as a small state machine: moving shapes (live
feedback, snapped to the grid, one ``move_shapes`` on release), resizing, connecting
from a handle, dragging bend points and relation ends. Nothing writes to the model
except the operations called on release, so each gesture is one undo entry."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsSceneMouseEvent,
    QMessageBox,
)

from procmodeler.edit import composite
from procmodeler.edit import operations as ops
from procmodeler.edit.placement import (
    BANDS_WOULD_OVERLAP,
    CHANGE_KIND_TITLE,
    band_drop,
    band_question,
)
from procmodeler.model.elements import Bounds
from procmodeler.notation import style as ns
from procmodeler.notation.views import relation_view_between
from procmodeler.ui.canvas import style as qs
from procmodeler.ui.canvas.items import Z_PREVIEW, RelationItem, ShapeItem

if TYPE_CHECKING:
    from procmodeler.ui.canvas.scene import DiagramScene

MIN_W = 60.0
MIN_H = 36.0


@dataclass
class _Move:
    press: QPointF
    anchor: ShapeItem
    items: list[ShapeItem]
    origin: dict[str, QPointF]
    started: bool = False
    dx: float = 0.0
    dy: float = 0.0
    select_only: ShapeItem | None = None  # on a click without drag: select just this


@dataclass
class _Resize:
    item: ShapeItem
    handle: str
    press: QPointF
    original: Bounds
    preview: QGraphicsRectItem
    new: Bounds


@dataclass
class _Connect:
    source: ShapeItem
    line: QGraphicsPathItem
    target: ShapeItem | None = None


@dataclass
class _Bend:
    item: RelationItem
    index: int
    points: list[tuple[float, float]]
    moved: bool = False


@dataclass
class _End:
    item: RelationItem
    end: str  # "source" | "target"
    line: QGraphicsPathItem
    target: ShapeItem | None = None


class Gestures:
    """The drag in progress on one scene (at most one), from press to release."""

    def __init__(self, scene: DiagramScene) -> None:
        self.scene = scene
        self.drag: Any = None

    @property
    def active(self) -> bool:
        return self.drag is not None

    # ------------------------------------------------------------------ press
    def press(self, event: QGraphicsSceneMouseEvent) -> bool:
        """A left-button press; True when it started or handled a gesture."""
        s = self.scene
        if self.drag is not None:
            self.cancel()
        pos = event.scenePos()
        for shape in s._connect_handles():
            if shape.handle_at(shape.mapFromScene(pos)) == "connect":
                self._start_connect(shape, pos)
                return True
        item = s._item_at(pos)
        mods = event.modifiers()
        toggle = bool(
            mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        )
        if isinstance(item, ShapeItem):
            handle = item.handle_at(item.mapFromScene(pos))
            if handle == "connect":
                self._start_connect(item, pos)
            elif handle and not handle.startswith("marker:"):
                self._start_resize(item, handle, pos)
            else:
                self._press_shape(item, pos, toggle)
            return True
        if isinstance(item, RelationItem):
            handle = item.handle_at(pos)
            if handle in ("source", "target"):
                self._start_end(item, handle, pos)
            elif handle is not None:
                self.drag = _Bend(item, int(handle.split(":")[1]), item.waypoints)
            elif toggle:
                item.setSelected(not item.isSelected())
            elif not item.isSelected():
                s.clearSelection()
                item.setSelected(True)
            return True
        return False

    def _press_shape(self, item: ShapeItem, pos: QPointF, toggle: bool) -> None:
        select_only = None
        if toggle:
            item.setSelected(not item.isSelected())
            if not item.isSelected():
                return
        elif not item.isSelected():
            self.scene.clearSelection()
            item.setSelected(True)
        else:
            select_only = item
        items = [i for i in self.scene.selectedItems() if isinstance(i, ShapeItem)]
        self.drag = _Move(
            pos, item, items, {i.pid: i.pos() for i in items}, select_only=select_only
        )

    def _start_resize(self, item: ShapeItem, handle: str, pos: QPointF) -> None:
        preview = QGraphicsRectItem(qs.rect(item.bounds))
        p = QPen(qs.colour(ns.SELECTION), 1.2, Qt.PenStyle.DashLine)
        p.setCosmetic(True)
        preview.setPen(p)
        fill = QColor(ns.SELECTION)
        fill.setAlphaF(0.06)
        preview.setBrush(fill)
        preview.setZValue(Z_PREVIEW)
        self.scene.addItem(preview)
        self.drag = _Resize(item, handle, pos, item.bounds, preview, item.bounds)

    def _start_connect(self, item: ShapeItem, pos: QPointF) -> None:
        line = QGraphicsPathItem()
        rs = ns.relation_style(self.scene.connect_kind)
        p = qs.pen(rs.colour, rs.width, rs.dash or (5.0, 4.0))
        line.setPen(p)
        line.setZValue(Z_PREVIEW)
        self.scene.addItem(line)
        self.drag = _Connect(item, line)
        self._update_connect_line(self.drag, pos)

    def _start_end(self, item: RelationItem, end: str, pos: QPointF) -> None:
        line = QGraphicsPathItem()
        rs = ns.relation_style(item.view.kind)
        line.setPen(qs.pen(rs.colour, rs.width, (5.0, 4.0)))
        line.setZValue(Z_PREVIEW)
        self.scene.addItem(line)
        item.setOpacity(0.35)
        self.drag = _End(item, end, line)
        self._update_end_line(self.drag, pos)

    # ------------------------------------------------------------------ move
    def move(self, event: QGraphicsSceneMouseEvent) -> None:
        """The mouse moved with a gesture in progress: live feedback only."""
        s = self.scene
        d = self.drag
        pos = event.scenePos()
        if isinstance(d, _Move):
            raw = pos - d.press
            if not d.started:
                scale = max(s._transform().m11(), 0.01)
                if raw.manhattanLength() * scale < QApplication.startDragDistance():
                    return
                d.started = True
            a0 = d.origin[d.anchor.pid]
            nx = s._snap(a0.x() + raw.x(), event.modifiers())
            ny = s._snap(a0.y() + raw.y(), event.modifiers())
            d.dx, d.dy = nx - a0.x(), ny - a0.y()
            for item in d.items:
                item.setPos(d.origin[item.pid] + QPointF(d.dx, d.dy))
            s._live_relations({i.pid for i in d.items}, d.dx, d.dy)
        elif isinstance(d, _Resize):
            d.new = self._resized(d, pos, event.modifiers())
            d.preview.setRect(qs.rect(d.new))
        elif isinstance(d, _Connect):
            self._update_connect_line(d, pos)
        elif isinstance(d, _Bend):
            x = s._snap(pos.x(), event.modifiers())
            y = s._snap(pos.y(), event.modifiers())
            d.points[d.index] = (x, y)
            d.moved = True
            self._live_bend(d)
        elif isinstance(d, _End):
            self._update_end_line(d, pos)

    def _resized(self, d: _Resize, pos: QPointF, mods: Qt.KeyboardModifier) -> Bounds:
        snap = self.scene._snap
        o = d.original
        x0, y0, x1, y1 = o.x, o.y, o.x + o.w, o.y + o.h
        dx = pos.x() - d.press.x()
        dy = pos.y() - d.press.y()
        h = d.handle
        if "w" in h:
            x0 = min(snap(x0 + dx, mods), x1 - MIN_W)
        if "e" in h:
            x1 = max(snap(x1 + dx, mods), x0 + MIN_W)
        if "n" in h:
            y0 = min(snap(y0 + dy, mods), y1 - MIN_H)
        if "s" in h:
            y1 = max(snap(y1 + dy, mods), y0 + MIN_H)
        return Bounds(x0, y0, x1 - x0, y1 - y0)

    def _update_connect_line(self, d: _Connect, pos: QPointF) -> None:
        s = self.scene
        target = s._shape_at(pos, skip=d.source)
        if target is not d.target:
            if d.target is not None:
                d.target.setSelected(d.target.pid in s.context.selection)
            d.target = target
        src = d.source.bounds
        if target is not None:
            view = relation_view_between("", s.connect_kind, "", src, target.bounds)
            path = _polyline(view.path)
            path.addPolygon(qs.polygon(view.head))
        else:
            start = relation_view_between(
                "", s.connect_kind, "", src, Bounds(pos.x(), pos.y(), 0.1, 0.1)
            ).path[0]
            path = _polyline([start, (pos.x(), pos.y())])
        d.line.setPath(path)

    def _update_end_line(self, d: _End, pos: QPointF) -> None:
        s = self.scene
        rel = s.arch.relations[d.item.rid]
        fixed_id = rel.target if d.end == "source" else rel.source
        fixed = s.shapes.get(fixed_id)
        d.target = s._shape_at(pos)
        if d.target is fixed:
            d.target = None
        if fixed is None:
            return
        moving = d.target.bounds if d.target else Bounds(pos.x(), pos.y(), 0.1, 0.1)
        if d.end == "source":
            view = relation_view_between("", rel.kind, "", moving, fixed.bounds)
        else:
            view = relation_view_between("", rel.kind, "", fixed.bounds, moving)
        path = _polyline(view.path)
        path.addPolygon(qs.polygon(view.head))
        d.line.setPath(path)

    def _live_bend(self, d: _Bend) -> None:
        s = self.scene
        rel = s.arch.relations[d.item.rid]
        src = s.shapes.get(rel.source)
        tgt = s.shapes.get(rel.target)
        if src is None or tgt is None:
            return
        d.item.set_view(
            relation_view_between(rel.id, rel.kind, rel.object, src.bounds, tgt.bounds, d.points)
        )

    # ------------------------------------------------------------------ release
    def release(self) -> None:
        """The button was released: the gesture's one operation."""
        s = self.scene
        d, self.drag = self.drag, None
        if isinstance(d, _Move):
            if d.started and (d.dx or d.dy):
                self._drop(d)
            elif not d.started and d.select_only is not None:
                s.clearSelection()
                d.select_only.setSelected(True)
        elif isinstance(d, _Resize):
            s.removeItem(d.preview)
            if d.new != d.original:
                s.run(ops.set_shape_bounds, s.level, {d.item.pid: d.new})
        elif isinstance(d, _Connect):
            s.removeItem(d.line)
            if d.target is not None:
                rid = s.run(ops.connect, d.source.pid, d.target.pid, s.connect_kind)
                if rid:
                    s.select_ids([rid])
        elif isinstance(d, _Bend):
            if d.moved:
                s.run(ops.set_waypoints, s.level, d.item.rid, d.points)
        elif isinstance(d, _End):
            s.removeItem(d.line)
            d.item.setOpacity(1.0)
            if d.target is not None:
                s.run(ops.set_relation, d.item.rid, **{d.end: d.target.pid})

    def _drop(self, d: _Move) -> None:
        """A move ends: on the landscape, a process dropped in another band becomes of
        that band's kind when the user agrees (one undo entry) or snaps back; a move
        that would make the bands overlap snaps back."""
        s = self.scene
        pids = [i.pid for i in d.items]
        if s.level is None:
            kind, overlap = band_drop(s.arch, pids, d.dx, d.dy)
            tr = s.context.catalogue()
            if kind is not None:
                name = s.arch.processes[pids[0]].name
                question = band_question(name, kind, len(pids)).text(tr)
                answer = QMessageBox.question(
                    s.views()[0] if s.views() else None,
                    tr(CHANGE_KIND_TITLE),
                    question,
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                )
                if answer == QMessageBox.StandardButton.Yes:
                    s.run(composite.move_into_band, pids, d.dx, d.dy, kind)
                else:
                    self._snap_back(d)
                return
            if overlap:  # bands never overlap: the process goes back (said in the status bar)
                self._snap_back(d)
                s.statusMessage.emit(tr(BANDS_WOULD_OVERLAP))
                return
        s.run(ops.move_shapes, s.level, pids, d.dx, d.dy)

    def _snap_back(self, d: _Move) -> None:
        for item in d.items:
            if item.scene() is self.scene:
                item.setPos(d.origin[item.pid])
        self.scene.rebuild()  # the lines as the model has them

    def cancel(self) -> None:
        """Abort the gesture: items back where they were, previews gone."""
        s = self.scene
        d, self.drag = self.drag, None
        if d is None:
            return
        if isinstance(d, _Move):
            for item in d.items:
                if item.scene() is s:
                    item.setPos(d.origin[item.pid])
            s._live_relations({i.pid for i in d.items}, 0, 0)
        elif isinstance(d, _Resize):
            s.removeItem(d.preview)
        elif isinstance(d, (_Connect,)):
            s.removeItem(d.line)
        elif isinstance(d, _End):
            s.removeItem(d.line)
            d.item.setOpacity(1.0)
        elif isinstance(d, _Bend):
            s._sync_relation(d.item.rid)

    # ------------------------------------------------------------------ double click
    def double_click(self, event: QGraphicsSceneMouseEvent) -> None:
        """Open a sub-process or follow a marker; add or remove a bend point."""
        s = self.scene
        pos = event.scenePos()
        item = s._item_at(pos)
        self.drag = None
        if isinstance(item, ShapeItem):
            handle = item.handle_at(item.mapFromScene(pos))
            if handle and handle.startswith("marker:"):
                marker = item.view.markers[int(handle[7:])]
                s.context.reveal(marker.other)
            else:
                s.context.open_level(item.pid)
        elif isinstance(item, RelationItem):
            handle = item.handle_at(pos)
            points = item.waypoints
            if handle and handle.startswith("bend:"):
                del points[int(handle[5:])]
            else:
                index = item.segment_at(pos)
                x = s._snap(pos.x(), event.modifiers())
                y = s._snap(pos.y(), event.modifiers())
                points.insert(index, (x, y))
            s.run(ops.set_waypoints, s.level, item.rid, points)
            if item.rid in s.relations:
                s.relations[item.rid].setSelected(True)


def _polyline(points) -> QPainterPath:  # type: ignore[no-untyped-def]
    path = QPainterPath(QPointF(*points[0]))
    for p in points[1:]:
        path.lineTo(QPointF(*p))
    return path
