"""The diagram scene of one level, kept in sync with the model.

One :class:`~procmodeler.ui.canvas.items.ShapeItem` per process shape and one
:class:`~procmodeler.ui.canvas.items.RelationItem` per relation line. After every
transaction, undo or redo the scene updates only the items whose processes, shapes,
relations, bend points, KPIs or owners the change records touched, and redraws the
bands or lanes when their extent can have changed.

Mouse gestures (moving, resizing, connecting, bend points) are the state machine of
``gestures.py``; nothing writes to the model except the operations called on release,
so each gesture is one undo entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QTransform
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneMouseEvent,
)

from procmodeler.common.errors import UserError
from procmodeler.common.i18n import translator
from procmodeler.edit import operations as ops
from procmodeler.model.elements import snap
from procmodeler.model.events import Committed
from procmodeler.notation import style as ns
from procmodeler.notation.geometry import landscape_bands, lanes, need_arrows
from procmodeler.notation.router import routes_after_move
from procmodeler.notation.views import (
    content_bounds,
    diagram_relations,
    relation_view,
    relation_view_between,
    shape_view,
)
from procmodeler.ui.canvas import style as qs
from procmodeler.ui.canvas.decor import BandItem, LaneItem, NeedArrowItem
from procmodeler.ui.canvas.gestures import Gestures
from procmodeler.ui.canvas.items import Z_SELECTED, Z_SHAPE, RelationItem, ShapeItem
from procmodeler.ui.context import EditorContext
from procmodeler.ui.words import band_labels, relation_label

#: names drawn fewer pixels high than this are told in the shape's tooltip as well
NAME_TIP_PX = 7.0
MARGIN = 400.0  # free room around the content for dragging and creating
NUDGE_COMMIT_MS = 700


@dataclass
class _Nudge:
    items: list[ShapeItem]
    origin: dict[str, QPointF]
    dx: float = 0.0
    dy: float = 0.0


class DiagramScene(QGraphicsScene):
    """The scene of the diagram at ``context.level``."""

    #: a refused edit or a user mistake, as text for the user
    editRefused = Signal(str)
    #: a note for the status bar (e.g. a drop that snapped back)
    statusMessage = Signal(str)
    #: a shape or relation was right-clicked (item or None, screen position, scene position)
    contextMenuWanted = Signal(object, object, object)
    #: the user wants to rename a process in place (process id)
    nameEditRequested = Signal(str)
    #: the shapes of the level were built or synced (for the empty level's hint)
    shapesChanged = Signal()

    def __init__(self, context: EditorContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.context = context
        self.level: str | None = context.level
        self.shapes: dict[str, ShapeItem] = {}
        self.relations: dict[str, RelationItem] = {}
        self._decor: list[QGraphicsItem] = []
        self._findings: dict[str, str] = {}
        self.exporting = False
        self.snap_enabled = True
        self.connect_kind = "flow"
        self.gestures = Gestures(self)
        self.hovered_shape: ShapeItem | None = None
        self._nudge: _Nudge | None = None
        self._nudge_timer = QTimer(self)
        self._nudge_timer.setSingleShot(True)
        self._nudge_timer.setInterval(NUDGE_COMMIT_MS)
        self._nudge_timer.timeout.connect(self.flush)
        self._syncing = False
        self.setBackgroundBrush(QBrush(Qt.GlobalColor.white))
        context.committed.connect(self._on_committed)
        context.levelChanged.connect(self._on_level)
        context.documentReplaced.connect(self.rebuild)
        context.selectionChanged.connect(self._select_from_context)
        self.selectionChanged.connect(self._on_scene_selection)
        self.rebuild()

    # ------------------------------------------------------------------ model access
    @property
    def arch(self):  # type: ignore[no-untyped-def]
        return self.context.arch

    @property
    def editor(self):  # type: ignore[no-untyped-def]
        return self.context.editor

    def _shape_view(self, pid: str):  # type: ignore[no-untyped-def]
        return shape_view(
            self.arch,
            self.level,
            pid,
            qs.name_measure,
            qs.detail_measure,
            self._findings.get(pid),
        )

    def set_finding_severities(self, severities: dict[str, str]) -> None:
        """Mark shapes with the worst finding severity of their process (problems panel)."""
        changed = set(severities) ^ set(self._findings)
        changed |= {p for p in severities if self._findings.get(p) != severities[p]}
        self._findings = dict(severities)
        for pid in changed:
            self._sync_shape(pid)

    # ------------------------------------------------------------------ building
    def rebuild(self) -> None:
        """Build every item of the current level from the model."""
        self._cancel_gesture()
        self._nudge = None
        self._nudge_timer.stop()
        self._syncing = True
        try:
            self.clear()
            self.hovered_shape = None
            self.shapes.clear()
            self.relations.clear()
            self._decor.clear()
            self.level = self.context.level
            arch = self.arch
            for pid in arch.shapes.get(self.level, {}):
                if pid in arch.processes:
                    self._add_shape(pid)
            for rid in diagram_relations(arch, self.level):
                view = relation_view(arch, self.level, rid)
                if view is not None:
                    item = RelationItem(view)
                    self.relations[rid] = item
                    self.addItem(item)
            self._rebuild_decor()
            self._update_rect()
        finally:
            self._syncing = False
        self._select_from_context()
        self._update_handles()
        self.shapesChanged.emit()

    def _add_shape(self, pid: str) -> ShapeItem:
        item = ShapeItem(self._shape_view(pid))
        self.shapes[pid] = item
        self.addItem(item)
        return item

    def _rebuild_decor(self, language: str | None = None) -> None:
        """Bands, need arrows and lanes; their words in the UI's language, or in
        *language* (an image export speaks the model's language)."""
        for item in self._decor:
            self.removeItem(item)
        self._decor.clear()
        arch = self.arch
        if self.level is None:
            tr = translator(language) if language else self.context.catalogue()
            bands = band_labels(tr)
            for band in landscape_bands(arch):
                label = bands.get(band.kind, band.kind)
                self._decor.append(BandItem(band, label))
            arrows = need_arrows(arch)
            if arrows:
                for bounds, label in zip(arrows, ns.NEED_LABELS, strict=True):
                    self._decor.append(NeedArrowItem(bounds, tr(label)))
        else:
            for i, lane in enumerate(lanes(arch, self.level)):
                unit = arch.units.get(lane.unit)
                self._decor.append(LaneItem(lane, unit.name if unit else lane.unit, i))
        for item in self._decor:
            self.addItem(item)

    def speak(self, language: str | None) -> None:
        """Draw the decoration's words in *language* (None: the UI's again)."""
        self._rebuild_decor(language)

    def content_rect(self) -> QRectF:
        """The box around everything drawn on the level (empty when nothing is)."""
        b = content_bounds(self.arch, self.level)
        return QRectF() if b is None else qs.rect(b)

    def _update_rect(self) -> None:
        content = self.content_rect()
        if content.isEmpty():
            content = QRectF(0, 0, 800, 500)
        wanted = content.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        self.setSceneRect(wanted)

    # ------------------------------------------------------------------ sync
    def _on_level(self, level: str | None) -> None:
        if level != self.level:
            self.flush()
            self.rebuild()

    def _on_committed(self, event: Committed) -> None:
        arch = self.arch
        if self.level is not None and self.level not in arch.processes:
            return  # the context switches to the landscape and we rebuild then
        level = self.level
        imp = self.context.impact(event)
        moved = imp.shapes_at(level)
        bent = imp.waypoints_at(level)
        shapes = set(moved) | imp.processes | imp.parents | imp.relation_ends
        shapes |= imp.kpi_processes | (imp.staffed & set(self.shapes))
        rels = imp.relations | bent
        for pid in moved:  # lines to a moved shape follow it, and so do their other ends
            for rid in arch.relations_of(pid):
                rels.add(rid)
                rel = arch.relations[rid]
                shapes.add(rel.target if rel.source == pid else rel.source)
        decor = bool(moved or bent)
        if level is None:
            decor |= bool(imp.kinds)  # the bands follow the kinds
        else:  # the lanes follow the parent, its participation, the units and the options
            decor |= level in imp.processes or bool(imp.diagrams or imp.participation or imp.units)
        self._syncing = True
        try:
            for pid in shapes:
                self._sync_shape(pid)
            for rid in rels:
                self._sync_relation(rid)
            if decor:
                self._rebuild_decor()
                self._update_rect()
        finally:
            self._syncing = False
        self._select_from_context()
        self._update_handles()
        self.shapesChanged.emit()

    def _sync_shape(self, pid: str) -> None:
        arch = self.arch
        item = self.shapes.get(pid)
        if pid in arch.processes and pid in arch.shapes.get(self.level, {}):
            if item is None:
                self._add_shape(pid)
            else:
                item.set_view(self._shape_view(pid))
        elif item is not None:
            if self.gestures.active:
                self._cancel_gesture()
            if self.hovered_shape is item:
                self.hovered_shape = None
            self.removeItem(item)
            del self.shapes[pid]

    def _sync_relation(self, rid: str) -> None:
        arch = self.arch
        item = self.relations.get(rid)
        view = relation_view(arch, self.level, rid) if rid in arch.relations else None
        if view is not None:
            if item is None:
                item = RelationItem(view)
                self.relations[rid] = item
                self.addItem(item)
            else:
                item.set_view(view)
        elif item is not None:
            if self.gestures.active:
                self._cancel_gesture()
            self.removeItem(item)
            del self.relations[rid]

    # ------------------------------------------------------------------ selection
    def selected_processes(self) -> list[str]:
        return [i.pid for i in self.selectedItems() if isinstance(i, ShapeItem)]

    def selected_relations(self) -> list[str]:
        return [i.rid for i in self.selectedItems() if isinstance(i, RelationItem)]

    def _on_scene_selection(self) -> None:
        if self._syncing:
            return
        self._update_handles()
        ids = [i.pid for i in self.selectedItems() if isinstance(i, ShapeItem)]
        ids += [i.rid for i in self.selectedItems() if isinstance(i, RelationItem)]
        self._syncing = True
        try:
            self.context.set_selection(ids)
        finally:
            self._syncing = False

    def _select_from_context(self) -> None:
        wanted = set(self.context.selection)
        was = self._syncing
        self._syncing = True
        try:
            for pid, item in self.shapes.items():
                if item.isSelected() != (pid in wanted):
                    item.setSelected(pid in wanted)
            for rid, line in self.relations.items():
                if line.isSelected() != (rid in wanted):
                    line.setSelected(rid in wanted)
        finally:
            self._syncing = was
        self._update_handles()

    def select_ids(self, ids: list[str]) -> None:
        """Select exactly these shapes and relations (and tell the context)."""
        self.context.set_selection(ids)

    def _update_handles(self) -> None:
        selected = [i for i in self.selectedItems() if isinstance(i, ShapeItem)]
        single = selected[0] if len(selected) == 1 else None
        for item in self.shapes.values():
            show = item is single
            if item.show_handles != show:
                item.prepareGeometryChange()
                item.show_handles = show
                item.update()
            item.setZValue(Z_SELECTED if item.isSelected() else Z_SHAPE)

    # ------------------------------------------------------------------ operations
    def run(self, fn, *args: Any, **kwargs: Any) -> Any:  # type: ignore[no-untyped-def]
        """Call an operation; a refused edit is reported and the items are restored."""
        try:
            return fn(self.editor, *args, **kwargs)
        except UserError as exc:
            tr = self.context.catalogue()
            self.editRefused.emit("\n".join(exc.lines(tr)))
            self.rebuild()
            return None

    # ------------------------------------------------------------------ nudging
    def nudge(self, dx: float, dy: float) -> bool:
        """Move the selected shapes by (dx, dy) now; the run of nudges becomes one undo
        entry when it ends (a pause, a click, another key). False when nothing moves."""
        if self.gestures.active:
            return False
        if self._nudge is None:
            items = [i for i in self.selectedItems() if isinstance(i, ShapeItem)]
            if not items:
                return False
            self._nudge = _Nudge(items, {i.pid: i.pos() for i in items})
        n = self._nudge
        n.dx += dx
        n.dy += dy
        for item in n.items:
            item.setPos(n.origin[item.pid] + QPointF(n.dx, n.dy))
        self._live_relations({i.pid for i in n.items}, n.dx, n.dy)
        self._nudge_timer.start()
        return True

    def flush(self) -> None:
        """Commit a pending run of nudges as one move."""
        self._nudge_timer.stop()
        n, self._nudge = self._nudge, None
        if n is None or (n.dx == 0 and n.dy == 0):
            return
        pids = [i.pid for i in n.items if i.pid in self.shapes]
        self.run(ops.move_shapes, self.level, pids, n.dx, n.dy)

    @property
    def has_pending_nudge(self) -> bool:
        return self._nudge is not None

    # ------------------------------------------------------------------ live geometry
    def _live_relations(self, moving: set[str], dx: float, dy: float) -> None:
        arch = self.arch
        level_points = arch.waypoints.get(self.level, {})
        rids = dict.fromkeys(rid for pid in moving for rid in arch.relations_of(pid))
        if dx or dy:  # the lines as the move will route them
            level_points = routes_after_move(arch, self.level, moving, dx, dy)
        for rid in rids:
            item = self.relations.get(rid)
            rel = arch.relations.get(rid)
            if item is None or rel is None:
                continue
            src = self.shapes.get(rel.source)
            tgt = self.shapes.get(rel.target)
            if src is None or tgt is None:
                continue
            points = list(level_points.get(rid, ()))
            item.set_view(
                relation_view_between(rid, rel.kind, rel.object, src.bounds, tgt.bounds, points)
            )

    # ------------------------------------------------------------------ mouse
    def _transform(self) -> QTransform:
        views = self.views()
        return views[0].transform() if views else QTransform()

    def _item_at(self, pos: QPointF, skip: QGraphicsItem | None = None) -> QGraphicsItem | None:
        for item in self.items(
            pos,
            Qt.ItemSelectionMode.IntersectsItemShape,
            Qt.SortOrder.DescendingOrder,
            self._transform(),
        ):
            if item is skip or item.parentItem() is not None:
                continue
            if isinstance(item, (ShapeItem, RelationItem)):
                return item
        return None

    def _shape_at(self, pos: QPointF, skip: ShapeItem | None = None) -> ShapeItem | None:
        for item in self.items(
            pos,
            Qt.ItemSelectionMode.IntersectsItemShape,
            Qt.SortOrder.DescendingOrder,
            self._transform(),
        ):
            if isinstance(item, ShapeItem) and item is not skip:
                if item.handle_at(item.mapFromScene(pos)) == "connect":
                    continue
                return item
        return None

    def _snap(self, value: float, modifiers: Qt.KeyboardModifier) -> float:
        if not self.snap_enabled or modifiers & Qt.KeyboardModifier.AltModifier:
            return value
        return snap(value)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        self.flush()
        if event.button() != Qt.MouseButton.LeftButton:
            if event.button() == Qt.MouseButton.RightButton:
                event.accept()
                return
            super().mousePressEvent(event)
            return
        if self.gestures.press(event):
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if not self.gestures.active:
            super().mouseMoveEvent(event)
            return
        self.gestures.move(event)
        event.accept()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if not self.gestures.active:
            super().mouseReleaseEvent(event)
            return
        event.accept()
        self.gestures.release()

    def _cancel_gesture(self) -> None:
        self.gestures.cancel()

    def cancel_gesture(self) -> bool:
        """Abort a drag in progress (Escape); True when there was one."""
        had = self.gestures.active
        self.gestures.cancel()
        return had

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self.gestures.double_click(event)
        event.accept()

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:  # noqa: N802
        self.flush()
        pos = event.scenePos()
        item = self._item_at(pos)
        if item is not None and not item.isSelected():
            self.clearSelection()
            item.setSelected(True)
        elif item is None:
            self.clearSelection()
        self.contextMenuWanted.emit(item, event.screenPos(), pos)
        event.accept()

    def _connect_handles(self) -> list[ShapeItem]:
        """Shapes whose connect handle shows (selected or under the mouse)."""
        items = [i for i in self.selectedItems() if isinstance(i, ShapeItem)]
        hovered = self.hovered_shape
        if hovered is not None and hovered not in items and hovered.scene() is self:
            items.append(hovered)
        return items

    def drawForeground(self, painter, rect: QRectF) -> None:  # noqa: N802, ANN001 - Qt override
        if self.exporting:
            return
        for item in self._connect_handles():
            if item.sceneBoundingRect().intersects(rect):
                item.paint_connect_handle(painter)

    # ------------------------------------------------------------------ helpers for items
    def names_too_small(self) -> bool:
        """Whether the view draws names too small to read, or none at all (a big diagram
        fitted to a laptop's window): hovering a shape then tells its name."""
        views = self.views()
        return bool(views) and views[0].transform().m11() * ns.NAME_FONT_SIZE < NAME_TIP_PX

    def shape_tooltip(self, pid: str) -> str:
        """The full name and owner of a process whose label had to be shortened or is
        drawn too small to read."""
        proc = self.arch.processes.get(pid)
        if proc is None:
            return ""
        owner = self.arch.people.get(proc.owner) if proc.owner else None
        return proc.name + (f"\n{owner.name}" if owner else "")

    def marker_tooltip(self, pid: str, index: int) -> str:
        from PySide6.QtCore import QCoreApplication

        item = self.shapes.get(pid)
        if item is None or index >= len(item.view.markers):
            return ""
        m = item.view.markers[index]
        other = self.arch.processes.get(m.other)
        name = other.name if other else m.other
        kind = relation_label(m.kind)
        if m.outgoing:
            text = QCoreApplication.translate("Canvas", "{kind} to '{name}' (on another diagram)")
        else:
            text = QCoreApplication.translate("Canvas", "{kind} from '{name}' (on another diagram)")
        hint = QCoreApplication.translate("Canvas", "Double-click to go there.")
        return text.format(kind=kind, name=name) + "\n" + hint
