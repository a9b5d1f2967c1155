"""The diagram view: zoom and pan, rubber-band selection, keyboard nudging, drops from
the palette and the in-place name editor."""

from __future__ import annotations

import functools
import math

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QPainter,
    QPen,
    QPolygonF,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsView, QLineEdit, QWidget

from procmodeler.model.elements import GRID
from procmodeler.notation import style as ns
from procmodeler.ui.canvas import style as qs
from procmodeler.ui.canvas.hint import EmptyLevelHint
from procmodeler.ui.canvas.scene import DiagramScene

PALETTE_MIME = "application/x-procmodeler-palette"
MIN_ZOOM = 0.1
MAX_ZOOM = 4.0
ZOOM_STEP = 1.25
FIT_MAX_ZOOM = 1.5
FIT_MARGIN_PX = 16  # screen pixels left free on every side of the content at fit-to-window
GRID_DOTS = 20.0
CANVAS_BG = "#ffffff"
DOT_COLOUR = "#d5dbe2"


@functools.cache
def _dot_tile(step: float) -> tuple[float, QPolygonF]:
    """The grid dots of one square tile of the background (drawn tile by tile, so that
    painting the background costs a few calls instead of one per dot)."""
    per_side = max(1, int(480 // step))
    tile = per_side * step
    points = [QPointF(i * step, j * step) for j in range(per_side) for i in range(per_side)]
    return tile, QPolygonF(points)


def _bar_shown(policy: Qt.ScrollBarPolicy, wanted: float, room: int) -> bool:
    if policy == Qt.ScrollBarPolicy.ScrollBarAlwaysOn:
        return True
    return policy == Qt.ScrollBarPolicy.ScrollBarAsNeeded and wanted > room


class NameEditor(QLineEdit):
    """A line edit over a shape for naming it in place: Enter commits, Escape cancels,
    leaving it commits."""

    committed = Signal(str, str)  # process id, text
    cancelled = Signal()

    def __init__(self, pid: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.pid = pid
        self._done = False
        self.setFrame(False)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet(
            f"QLineEdit {{ background: #ffffff; border: 2px solid {ns.SELECTION};"
            " border-radius: 4px; padding: 1px 4px; color: #1f2328; }"
        )
        self.editingFinished.connect(self.finish)

    def finish(self) -> None:
        if self._done:
            return
        self._done = True
        self.committed.emit(self.pid, self.text())

    def cancel(self) -> None:
        if self._done:
            return
        self._done = True
        self.cancelled.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return
        super().keyPressEvent(event)


class DiagramView(QGraphicsView):
    """Shows a :class:`DiagramScene`."""

    zoomChanged = Signal(float)
    #: a palette entry was dropped: (process kind, scene position)
    paletteDropped = Signal(str, QPointF)
    #: a name was entered in place: (process id, text)
    nameEntered = Signal(str, str)

    def __init__(self, scene: DiagramScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("diagramView")
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.TextAntialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.ContainsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlags(QGraphicsView.OptimizationFlag.DontSavePainterState)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pan: QPoint | None = None
        self._editor: NameEditor | None = None
        self._level_views: dict[object, tuple[float, QPointF]] = {}
        self.show_grid = True
        self.hint = EmptyLevelHint(self)
        self.hint_allowed = True  # not while presenting: the palette is hidden then
        scene.shapesChanged.connect(self.update_hint)
        self.update_hint()

    @property
    def diagram(self) -> DiagramScene:
        return self.scene()  # type: ignore[return-value]

    # ------------------------------------------------------------------ zoom
    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float, anchor_view_center: bool = True) -> None:
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        old = self.transformationAnchor()
        if anchor_view_center:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setTransform(self.transform().fromScale(factor, factor))
        self.setTransformationAnchor(old)
        self._place_editor()
        self.zoomChanged.emit(self.zoom)

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / ZOOM_STEP)

    def zoom_reset(self) -> None:
        self.set_zoom(1.0)

    def fit(self) -> None:
        """Show all content, at most at FIT_MAX_ZOOM, with an even margin of FIT_MARGIN_PX
        inside the room the viewport has once the scroll bars have settled."""
        rect = self.diagram.content_rect()
        if rect.isEmpty():
            self.set_zoom(1.0)
            self.centerOn(0, 0)
            return
        self.set_zoom(self._fit_factor(rect))
        self.centerOn(rect.center())
        self.zoomChanged.emit(self.zoom)

    def _fit_factor(self, rect: QRectF) -> float:
        """The zoom showing *rect* whole. Qt shows or hides a scroll bar only after the
        zoom has changed (a queued call), so the room is foreseen: a bar takes its width
        when the scene at that zoom will not fit beside it."""
        full = self.maximumViewportSize()
        scene = self.sceneRect()
        bar_w = self.verticalScrollBar().sizeHint().width()
        bar_h = self.horizontalScrollBar().sizeHint().height()
        w, h = full.width(), full.height()
        factor = FIT_MAX_ZOOM
        for _ in range(3):  # a bar taking room may make the other one needed
            factor = min(
                (w - 2 * FIT_MARGIN_PX) / rect.width(),
                (h - 2 * FIT_MARGIN_PX) / rect.height(),
                FIT_MAX_ZOOM,
            )
            vbar = _bar_shown(self.verticalScrollBarPolicy(), scene.height() * factor, h)
            hbar = _bar_shown(self.horizontalScrollBarPolicy(), scene.width() * factor, w)
            w = full.width() - (bar_w if vbar else 0)
            h = full.height() - (bar_h if hbar else 0)
        return max(MIN_ZOOM, factor)

    def remember_level(self, level: object) -> None:
        center = self.mapToScene(self.viewport().rect().center())
        self._level_views[level] = (self.zoom, center)

    def restore_level(self, level: object) -> None:
        saved = self._level_views.get(level)
        if saved is None:
            self.fit()
        else:
            self.set_zoom(saved[0])
            self.centerOn(saved[1])

    def forget_levels(self) -> None:
        self._level_views.clear()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120.0
            if steps:
                self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
                self.set_zoom(self.zoom * math.pow(ZOOM_STEP, steps), anchor_view_center=False)
            event.accept()
            return
        super().wheelEvent(event)
        self._place_editor()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 - Qt override
        super().scrollContentsBy(dx, dy)
        self._place_editor()

    # ------------------------------------------------------------------ empty level
    def update_hint(self) -> None:
        """Show the hint while a sub-process diagram has no shape."""
        diagram = self.diagram
        empty = diagram.level is not None and not diagram.shapes
        self.hint.show_if(empty and self.hint_allowed)

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        super().resizeEvent(event)
        if self.hint.isVisible():
            self.hint.place()

    # ------------------------------------------------------------------ background
    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        painter.fillRect(rect, qs.colour(CANVAS_BG))
        if not self.show_grid or self.diagram.exporting:
            return
        step = GRID_DOTS
        while step * self.zoom < 12:
            step *= 2
        tile, points = _dot_tile(step)
        x0 = math.floor(rect.left() / tile) * tile
        y0 = math.floor(rect.top() / tile) * tile
        pen = QPen(QColor(DOT_COLOUR), 1.6)
        pen.setCosmetic(True)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(pen)
        y = y0
        while y < rect.bottom():
            x = x0
            while x < rect.right():
                painter.translate(x, y)
                painter.drawPoints(points)
                painter.translate(-x, -y)
                x += tile
            y += tile
        painter.restore()

    # ------------------------------------------------------------------ mouse
    def mousePressEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        self.diagram.flush()
        if self._editor is not None:
            self._editor.finish()
        if event.button() == Qt.MouseButton.MiddleButton:
            self._pan = event.position().toPoint()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        if self._pan is not None:
            now = event.position().toPoint()
            delta = now - self._pan
            self._pan = now
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        if self._pan is not None and event.button() == Qt.MouseButton.MiddleButton:
            self._pan = None
            self.unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    # ------------------------------------------------------------------ keys
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        arrows: dict[int, tuple[int, int]] = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in arrows and mods in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.ShiftModifier,
        ):
            step = 1.0 if mods & Qt.KeyboardModifier.ShiftModifier else GRID
            dx, dy = arrows[key]
            if self.diagram.nudge(dx * step, dy * step):
                event.accept()
                return
        elif key == Qt.Key.Key_Escape:
            if not self.diagram.cancel_gesture():
                self.diagram.clearSelection()
            event.accept()
            return
        modifier_keys = (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta)
        if key not in arrows and key not in modifier_keys:
            self.diagram.flush()
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        self.diagram.flush()
        super().focusOutEvent(event)

    # ------------------------------------------------------------------ drops
    def dragEnterEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        if event.mimeData().hasFormat(PALETTE_MIME):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        if event.mimeData().hasFormat(PALETTE_MIME):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        mime = event.mimeData()
        if mime.hasFormat(PALETTE_MIME):
            kind = bytes(mime.data(PALETTE_MIME).data()).decode("ascii", "replace")
            pos = self.mapToScene(event.position().toPoint())
            event.acceptProposedAction()
            self.paletteDropped.emit(kind, pos)
            return
        super().dropEvent(event)

    # ------------------------------------------------------------------ naming in place
    @property
    def name_editor(self) -> NameEditor | None:
        return self._editor

    def edit_name(self, pid: str, initial: str | None = None) -> NameEditor | None:
        """Open the in-place editor on the shape of *pid* (text selected, so typing
        replaces it); returns the editor or None when the shape is not shown."""
        item = self.diagram.shapes.get(pid)
        proc = self.diagram.arch.processes.get(pid)
        if item is None or proc is None:
            return None
        self.close_editor()
        self.ensureVisible(item.sceneBoundingRect(), 40, 40)
        editor = NameEditor(pid, self.viewport())
        f = QFont(qs.name_font())
        f.setPixelSize(max(8, round(ns.NAME_FONT_SIZE * self.zoom)))
        editor.setFont(f)
        if initial is None:
            editor.setText(proc.name)
            editor.selectAll()
        else:
            editor.setText(initial)
        editor.committed.connect(self._editor_committed)
        editor.cancelled.connect(self.close_editor)
        self._editor = editor
        self._place_editor()
        editor.show()
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        return editor

    def _place_editor(self) -> None:
        editor = self._editor
        if editor is None:
            return
        item = self.diagram.shapes.get(editor.pid)
        if item is None:
            self.close_editor()
            return
        b = item.bounds
        box = self.mapFromScene(QRectF(b.x, b.y, b.w, b.h)).boundingRect()
        h = editor.fontMetrics().height() + 10
        w = max(box.width() + 40, 140)
        editor.setGeometry(box.center().x() - w // 2, box.center().y() - h // 2, w, h)

    def _editor_committed(self, pid: str, text: str) -> None:
        self.close_editor()
        self.nameEntered.emit(pid, text)

    def close_editor(self) -> None:
        editor, self._editor = self._editor, None
        if editor is not None:
            editor._done = True
            editor.hide()
            editor.deleteLater()
            self.setFocus(Qt.FocusReason.OtherFocusReason)
