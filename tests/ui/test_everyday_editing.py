"""Issue 19, everyday editing without surprises, driven through the real window: the
delete question, paste position and name, bulk edits in the properties panel."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from procmodeler.ui import preferences
from tests.ui.helpers import answer_modal

pytestmark = pytest.mark.gui


# ---------------------------------------------------------------------- item 4: delete
def test_delete_asks_with_counts_and_one_undo_restores_it(window, qtbot) -> None:
    arch = window.context.arch
    deliver = window.ids["deliver"]
    before = arch.copy()
    window.context.set_selection([deliver])
    seen: list = []
    answer_modal(qtbot, QMessageBox.StandardButton.Cancel, False, seen)
    window.actions_by_name["delete"].trigger()
    assert seen[0][0] == "Delete \u201cDeliver\u201d?"
    assert seen[0][1] == (
        "Also deleted: 2 sub-processes, 2 relations, 2 participation rows. Undo brings it all back."
    )
    assert deliver in arch.processes and arch == before  # cancelled: nothing deleted
    answer_modal(qtbot, QMessageBox.StandardButton.Yes, False, seen)
    window.actions_by_name["delete"].trigger()
    assert deliver not in arch.processes
    assert window.ids["pick"] not in arch.processes
    window.actions_by_name["undo"].trigger()
    assert arch == before
    assert preferences.load().ask_before_delete


def test_dont_ask_again_is_a_preference(window, qtbot) -> None:
    arch = window.context.arch
    seen: list = []
    window.context.set_selection([window.ids["deliver"]])
    answer_modal(qtbot, QMessageBox.StandardButton.Yes, True, seen)
    window.actions_by_name["delete"].trigger()
    assert len(seen) == 1 and window.ids["deliver"] not in arch.processes
    assert not preferences.load().ask_before_delete
    window.context.set_selection([window.ids["sell"]])  # has a relation, and no question
    window.actions_by_name["delete"].trigger()
    assert window.ids["sell"] not in arch.processes and len(seen) == 1
    dialog = preferences.PreferencesDialog(window)
    assert not dialog.ask_delete.isChecked()
    dialog.ask_delete.setChecked(True)
    dialog.accept()
    assert preferences.load().ask_before_delete


def test_a_process_with_nothing_attached_goes_without_a_question(window) -> None:
    pid = window.canvas.create_process("core", edit=False)
    window.context.set_selection([pid])
    window.actions_by_name["delete"].trigger()  # no dialog: the fixture would fail
    assert pid not in window.context.arch.processes


# ---------------------------------------------------------------------- item 5: paste
def _overlaps(a, b) -> bool:  # type: ignore[no-untyped-def]
    return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h


def test_paste_lands_at_the_mouse_with_a_distinct_name(window, qtbot) -> None:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QCursor
    from PySide6.QtTest import QTest

    arch = window.context.arch
    it = window.ids["it"]
    view = window.canvas.view
    window.context.set_selection([it])
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    target = view.mapFromScene(600.0, 320.0)  # an empty place of the support band
    QCursor.setPos(view.viewport().mapToGlobal(target))
    QTest.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    (new,) = window.context.selection
    b = arch.shapes[None][new]
    assert abs(b.x + b.w / 2 - 600) <= 10 and abs(b.y + b.h / 2 - 320) <= 10
    assert arch.processes[new].name == "Run IT (copy)"
    # pasted again on the same spot: beside the first copy, never on top of it
    QTest.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    (again,) = window.context.selection
    assert not _overlaps(arch.shapes[None][again], b)
    assert arch.processes[again].name == "Run IT (copy 2)"
    QCursor.setPos(window.geometry().bottomRight() + QPoint(300, 300))


def test_duplicate_lands_beside_and_another_level_keeps_the_name(window) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QCursor

    QCursor.setPos(window.geometry().bottomRight() + QPoint(300, 300))
    arch = window.context.arch
    sell = window.ids["sell"]
    window.context.set_selection([sell])
    window.actions_by_name["duplicate"].trigger()
    (dup,) = window.context.selection
    shapes = arch.shapes[None]
    assert not any(_overlaps(shapes[dup], b) for pid, b in shapes.items() if pid != dup)
    assert shapes[dup].y == shapes[sell].y and shapes[dup].x > shapes[sell].x
    assert arch.processes[dup].name == "Sell (copy)"
    window.context.set_selection([sell])
    window.actions_by_name["copy"].trigger()
    window.context.open_level(window.ids["deliver"])
    window.actions_by_name["paste"].trigger()
    (pasted,) = window.context.selection
    assert arch.processes[pasted].name == "Sell"  # another level: the same name


def test_a_swedish_model_names_the_copy_kopia() -> None:
    from procmodeler.edit import clipboard
    from procmodeler.edit import operations as ops
    from procmodeler.edit.editor import Editor

    ed = Editor()
    ops.set_metadata(ed, language="sv")
    pid = ops.create_process(ed, "IT-stöd", "support")
    fragment = clipboard.copy_fragment(ed.arch, None, [pid])
    (new,) = clipboard.paste_fragment(ed, fragment, None)
    assert ed.arch.processes[new].name == "IT-stöd (kopia)"


# ---------------------------------------------------------------------- item 2: layout
def _settle(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    qtbot.waitUntil(lambda: window.default_sizes_applied)
    for _ in range(5):
        QApplication.processEvents()


def _docks(window) -> dict:  # type: ignore[no-untyped-def,type-arg]
    return {d.objectName(): d for d in window.docking.all_docks()}


def test_first_launch_panel_sizes(window, qtbot) -> None:
    """The problems list shows at least 8 rows, the matrix 12, the KPI table 5, and the
    properties' KPI table its names, at the first-launch layout."""
    from PySide6.QtWidgets import QApplication

    from procmodeler.ui.panels.matrixpaint import ROW

    _settle(qtbot, window)
    window.resize(1584, 952)  # the first-launch size on a 1600x1000 screen
    window.actions_by_name["reset_layout"].trigger()
    _settle(qtbot, window)
    docks = _docks(window)
    docks["problemsDock"].raise_()
    QApplication.processEvents()
    problems = docks["problemsDock"].widget()
    row = max(problems.view.sizeHintForRow(0), 20) if problems.model.rowCount() else 22
    assert problems.view.viewport().height() >= 8 * row
    docks["participationDock"].raise_()
    QApplication.processEvents()
    matrix = docks["participationDock"].widget()
    assert matrix.view.viewport().height() >= 12 * ROW
    assert matrix.hint.isVisible()
    docks["kpiDock"].raise_()
    QApplication.processEvents()
    kpi = docks["kpiDock"].widget()
    assert kpi.table.viewport().height() >= 5 * kpi.table.verticalHeader().defaultSectionSize()
    docks["propertiesDock"].raise_()
    window.context.set_selection([window.ids["sell"]])
    QApplication.processEvents()
    table = docks["propertiesDock"].widget().process_page.kpis
    assert table.height() >= 5 * 24
    assert table.columnWidth(0) >= 50  # the KPI's name stays readable


def test_view_reset_layout_and_panel_toggles(window, qtbot) -> None:
    from PySide6.QtCore import Qt

    _settle(qtbot, window)
    docks = _docks(window)
    for name in ("problemsDock", "propertiesDock"):  # in front of their tab groups
        assert not docks[name].visibleRegion().isEmpty(), name
    view_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "View"
    )
    panels = next(a.menu() for a in view_menu.actions() if a.text() == "Pan&els")
    toggles = {a.text().replace("&", "") for a in panels.actions() if a.isCheckable()}
    assert {d.windowTitle() for d in docks.values()} <= toggles
    # the user closes, floats and moves panels, then resets
    docks["problemsDock"].toggleViewAction().trigger()
    assert not docks["problemsDock"].isVisible()
    docks["unitsDock"].setFloating(True)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, docks["propertiesDock"])
    window.actions_by_name["reset_layout"].trigger()
    _settle(qtbot, window)
    for dock in docks.values():
        assert dock.isVisible() and not dock.isFloating(), dock.objectName()
    right = Qt.DockWidgetArea.RightDockWidgetArea
    assert window.dockWidgetArea(docks["propertiesDock"]) == right
    assert window.dockWidgetArea(docks["problemsDock"]) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert window.dockWidgetArea(docks["paletteDock"]) == Qt.DockWidgetArea.LeftDockWidgetArea


def test_one_key_hides_every_dock_and_brings_them_back(window, qtbot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    _settle(qtbot, window)
    shown = [d for d in _docks(window).values() if d.isVisible()]
    assert shown
    action = window.actions_by_name["canvas_only"]
    assert action.shortcut().toString() == "Ctrl+Shift+F"
    window.canvas.view.setFocus()
    QTest.keyClick(
        window.canvas.view,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert not any(d.isVisible() for d in _docks(window).values())
    assert window.canvas.isVisible()
    action.trigger()
    assert all(d.isVisible() for d in shown)
