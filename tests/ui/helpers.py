"""Helpers for the desktop app's tests: a sample model, closing a window without the
save prompt, real mouse events on the diagram view, drops, and a check that the scene
and the tree show exactly the model."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QGraphicsView, QMessageBox

from procmodeler.edit import operations as ops
from procmodeler.edit.editor import Editor
from procmodeler.model import Bounds


def sample_editor() -> tuple[Editor, dict[str, str]]:
    """A small architecture: three bands on the landscape and one sub-level."""
    ed = Editor()
    ops.set_metadata(ed, name="Sample")
    sales = ops.add_unit(ed, "Sales")
    prod = ops.add_unit(ed, "Production")
    anna = ops.add_person(ed, "Anna Berg", sales, "Head of Sales")
    ids = {"sales": sales, "production": prod, "anna": anna}
    ids["plan"] = ops.create_process(
        ed, "Plan business", "management", bounds=Bounds(100.0, 0.0, 160.0, 70.0)
    )
    ids["sell"] = ops.create_process(ed, "Sell", "core", bounds=Bounds(100.0, 140.0, 160.0, 70.0))
    ids["deliver"] = ops.create_process(
        ed, "Deliver", "core", bounds=Bounds(400.0, 140.0, 160.0, 70.0)
    )
    ids["it"] = ops.create_process(
        ed, "Run IT", "support", bounds=Bounds(100.0, 280.0, 160.0, 70.0)
    )
    ids["flow"] = ops.connect(ed, ids["sell"], ids["deliver"], "flow", "Order")
    ids["pick"] = ops.create_process(
        ed, "Pick goods", "core", parent=ids["deliver"], bounds=Bounds(0.0, 0.0, 150.0, 60.0)
    )
    ids["ship"] = ops.create_process(
        ed, "Ship goods", "core", parent=ids["deliver"], bounds=Bounds(300.0, 0.0, 150.0, 60.0)
    )
    ops.connect(ed, ids["pick"], ids["ship"], "flow", "Picked goods")
    ops.set_owner(ed, ids["sell"], anna)
    ops.set_participation(ed, ids["deliver"], sales, "A")
    ops.set_participation(ed, ids["deliver"], prod, "R")
    ops.add_kpi(ed, ids["sell"], "Lead time", "lead_time", target=5, actual=7)
    ed.mark_clean()
    return ed, ids


def close_window(win) -> None:  # type: ignore[no-untyped-def]
    """Close a window without the save prompt."""
    import shiboken6

    if shiboken6.isValid(win):
        win.canvas.flush()
        win.session.editor.mark_clean()
        win.close()


def answer_modal(qtbot, button: QMessageBox.StandardButton, tick: bool, seen: list) -> None:  # type: ignore[type-arg]
    """When the next message box comes up, note its texts, tick its check box if asked,
    and press *button*."""

    def press() -> None:
        # the box being shown now (an earlier test may have left another window modal)
        boxes = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
        ]
        box = QApplication.activeModalWidget()
        if boxes and box not in boxes:
            box = boxes[-1]
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen.append((box.text(), box.informativeText()))
        if tick:
            box.findChild(QCheckBox).setChecked(True)
        box.button(button).click()

    QTimer.singleShot(0, press)


# ---------------------------------------------------------------------- mouse helpers
def view_point(view: QGraphicsView, x: float, y: float) -> QPoint:
    return view.mapFromScene(QPointF(x, y))


def _send(
    view: QGraphicsView,
    kind: QEvent.Type,
    pos: QPoint,
    button: Qt.MouseButton,
    buttons: Qt.MouseButton,
    mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    viewport = view.viewport()
    global_pos = viewport.mapToGlobal(pos)
    event = QMouseEvent(kind, QPointF(pos), QPointF(global_pos), button, buttons, mods)
    QApplication.sendEvent(viewport, event)


def drag(
    view: QGraphicsView,
    start: tuple[float, float],
    end: tuple[float, float],
    steps: int = 6,
    mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """Press at *start*, move in steps to *end* and release (scene coordinates)."""
    left = Qt.MouseButton.LeftButton
    a = view_point(view, *start)
    b = view_point(view, *end)
    _send(view, QEvent.Type.MouseButtonPress, a, left, left, mods)
    for i in range(1, steps + 1):
        p = QPoint(a.x() + (b.x() - a.x()) * i // steps, a.y() + (b.y() - a.y()) * i // steps)
        _send(view, QEvent.Type.MouseMove, p, Qt.MouseButton.NoButton, left, mods)
    _send(view, QEvent.Type.MouseButtonRelease, b, left, Qt.MouseButton.NoButton, mods)


def click(
    view: QGraphicsView,
    x: float,
    y: float,
    mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    left = Qt.MouseButton.LeftButton
    p = view_point(view, x, y)
    _send(view, QEvent.Type.MouseMove, p, Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, mods)
    _send(view, QEvent.Type.MouseButtonPress, p, left, left, mods)
    _send(view, QEvent.Type.MouseButtonRelease, p, left, Qt.MouseButton.NoButton, mods)


def double_click(view: QGraphicsView, x: float, y: float) -> None:
    left = Qt.MouseButton.LeftButton
    p = view_point(view, x, y)
    _send(view, QEvent.Type.MouseButtonPress, p, left, left)
    _send(view, QEvent.Type.MouseButtonRelease, p, left, Qt.MouseButton.NoButton)
    _send(view, QEvent.Type.MouseButtonDblClick, p, left, left)
    _send(view, QEvent.Type.MouseButtonRelease, p, left, Qt.MouseButton.NoButton)


def drop(widget, mime, pos: QPoint) -> bool:  # type: ignore[no-untyped-def]
    """Drag *mime* into *widget* (a viewport) and drop it at *pos*, as Qt's drag and
    drop does: enter, move, drop. Returns whether the drop was accepted."""
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

    args = (
        Qt.DropAction.MoveAction | Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, QDragEnterEvent(pos, *args))
    QApplication.sendEvent(widget, QDragMoveEvent(pos, *args))
    event = QDropEvent(QPointF(pos), *args)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def assert_in_sync(win) -> None:  # type: ignore[no-untyped-def]
    """The scene shows exactly the model's shapes and relations of the current level,
    at the stored places; the tree lists exactly the model's processes under the right
    parents with the right names."""
    from procmodeler.notation.views import diagram_relations, relation_view, shape_view
    from procmodeler.ui.canvas import style as qs

    arch = win.context.arch
    scene = win.canvas.scene
    level = win.context.level
    assert scene.level == level
    shapes = arch.shapes.get(level, {})
    assert set(scene.shapes) == set(shapes)
    for pid, item in scene.shapes.items():
        assert item.bounds == shapes[pid], pid
        assert item.view == shape_view(
            arch, level, pid, qs.name_measure, qs.detail_measure, scene._findings.get(pid)
        ), pid
    assert set(scene.relations) == set(diagram_relations(arch, level))
    for rid, item in scene.relations.items():
        assert item.view == relation_view(arch, level, rid), rid
    tree = win.tree
    assert set(tree.items) <= set(arch.processes)  # made as their parents are opened
    for pid in arch.processes:
        tree.item(pid)  # makes the way to each
    assert set(tree.items) == set(arch.processes)
    for pid, item in tree.items.items():
        proc = arch.processes[pid]
        assert item.text(0) == proc.name
        parent = item.parent()
        assert (parent.data(0, Qt.ItemDataRole.UserRole) if parent else None) == proc.parent
