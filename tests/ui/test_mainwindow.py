"""The main window: clipboard (within a level, between levels and windows), the model
tree (drag to another parent), find, architecture properties, undo/redo of all of it
with the scene and tree in sync, title and modified marker."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, QPointF, Qt
from PySide6.QtGui import QCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication

from procmodeler.edit import clipboard
from tests.ui.helpers import assert_in_sync, close_window, drop

pytestmark = pytest.mark.gui


def _names(arch, level):  # type: ignore[no-untyped-def]
    return sorted(arch.processes[p].name for p in arch.shapes.get(level, {}))


def test_copy_and_paste_within_a_level_and_to_a_sub_level(window) -> None:
    arch = window.context.arch
    ed = window.context.editor
    deliver = window.ids["deliver"]
    QCursor.setPos(window.geometry().bottomRight() + QPoint(300, 300))  # not on the diagram
    window.context.set_selection([deliver])
    window.canvas.view.setFocus()
    QTest.keyClick(window.canvas.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    mime = QApplication.clipboard().mimeData()
    assert mime.hasFormat(clipboard.MIME_TYPE) and mime.text() == "Deliver"
    assert window.actions_by_name["paste"].isEnabled()
    QTest.keyClick(window.canvas.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    pasted = window.context.selection
    assert len(pasted) == 1 and pasted[0] != deliver
    copy = arch.processes[pasted[0]]
    assert copy.name == "Deliver (copy)" and copy.parent is None
    original = arch.shapes[None][deliver]
    assert arch.shapes[None][pasted[0]] == original.moved(original.w + 30, 0)  # beside it
    assert sorted(arch.processes[c].name for c in arch.children(pasted[0])) == [
        "Pick goods",
        "Ship goods",
    ]
    assert ed.undo_label().text() == "Paste 1 process"
    assert_in_sync(window)
    # paste onto another level: the sub-process diagram of "Sell"
    window.context.open_level(window.ids["sell"])
    window.actions_by_name["paste"].trigger()
    assert _names(arch, window.ids["sell"]) == ["Deliver"]
    assert_in_sync(window)
    ed.undo()
    ed.undo()
    assert_in_sync(window)
    assert len(arch.processes) == 6


def test_cut_duplicate_delete_and_select_all(window, qtbot) -> None:
    arch = window.context.arch
    ed = window.context.editor
    it = window.ids["it"]
    window.context.set_selection([it])
    window.actions_by_name["duplicate"].trigger()
    dup = window.context.selection[0]
    assert dup != it and arch.processes[dup].name == "Run IT (copy)"
    window.actions_by_name["cut"].trigger()
    assert dup not in arch.processes
    window.actions_by_name["paste"].trigger()
    assert [arch.processes[p].name for p in window.context.selection] == ["Run IT (copy)"]
    assert_in_sync(window)
    window.actions_by_name["select_all"].trigger()
    assert set(window.context.selection) == set(window.canvas.scene.shapes) | set(
        window.canvas.scene.relations
    )
    from procmodeler.ui import preferences

    preferences.stop_asking_before_delete()  # the question has its own tests
    window.actions_by_name["delete"].trigger()
    assert arch.shapes.get(None, {}) == {} and not window.canvas.scene.shapes
    assert ed.undo_label().text() == "Delete 6 elements"
    assert_in_sync(window)
    ed.undo()
    assert len(window.canvas.scene.shapes) == 5
    assert_in_sync(window)


def test_paste_between_two_windows(window, qtbot) -> None:
    other = window.new_window()
    try:
        qtbot.waitExposed(other)
        window.context.set_selection([window.ids["sell"], window.ids["deliver"]])
        window.actions_by_name["copy"].trigger()
        other.actions_by_name["paste"].trigger()
        arch = other.context.arch
        assert _names(arch, None) == ["Deliver", "Sell"]
        assert len(arch.relations) == 2  # "Order" between them and the one inside Deliver
        sell = next(p for p in arch.processes.values() if p.name == "Sell")
        assert sell.owner is None  # Anna Berg does not exist in the other model
        assert_in_sync(other)
        assert other.isWindowModified()
    finally:
        close_window(other)


def test_tree_drag_moves_a_process_to_another_parent(window) -> None:
    arch = window.context.arch
    ed = window.context.editor
    tree = window.tree
    it, sell = window.ids["it"], window.ids["sell"]
    tree.setCurrentItem(tree.item(it), 0, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    assert window.context.selection == (it,)
    target = tree.item(sell)
    rect = tree.visualItemRect(target)
    mime = tree.mimeData([tree.item(it)])
    assert drop(tree.viewport(), mime, rect.center())
    assert arch.processes[it].parent == sell
    assert it in arch.shapes[sell] and it not in arch.shapes[None]
    assert tree.item(it).parent() is tree.item(sell)
    assert ed.undo_label().text() == "Move 'Run IT' to another level"
    assert_in_sync(window)
    ed.undo()
    assert arch.processes[it].parent is None
    assert tree.item(it).parent() is None
    assert_in_sync(window)
    ed.redo()
    assert_in_sync(window)
    # a process cannot go under its own descendant: the tree says why and stays
    messages = []
    window.tree.editRefused.disconnect()
    window.tree.editRefused.connect(messages.append)
    window.tree.move_processes([window.ids["deliver"]], window.ids["pick"])
    assert messages and "cannot be moved" in messages[0]
    assert arch.processes[window.ids["deliver"]].parent is None


def test_tree_drop_on_empty_space_moves_to_top_level(window) -> None:
    arch = window.context.arch
    tree = window.tree
    pick = window.ids["pick"]
    window.palette_dock.hide()  # room below the items
    QApplication.processEvents()
    tree.expandAll()
    tree.setCurrentItem(tree.item(pick), 0, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    mime = tree.mimeData([tree.item(pick)])
    below = tree.viewport().rect().bottomLeft() + QPoint(10, -10)
    assert tree.itemAt(below) is None
    drop(tree.viewport(), mime, below)
    assert tree.dropIndicatorPosition() == QAbstractItemView.DropIndicatorPosition.OnViewport
    assert arch.processes[pick].parent is None
    assert pick in arch.shapes[None]
    assert_in_sync(window)


def test_tree_activation_reveals_and_selection_is_shared(window) -> None:
    tree = window.tree
    ship = window.ids["ship"]
    tree.expandAll()
    tree.itemActivated.emit(tree.item(ship), 0)
    assert window.context.level == window.ids["deliver"]
    assert window.context.selection == (ship,)
    assert window.canvas.scene.shapes[ship].isSelected()
    assert tree.item(ship).isSelected()
    assert tree.item(window.ids["deliver"]).font(0).bold()  # the open level


def test_find_opens_the_right_level_and_selects(window, qtbot) -> None:
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = window.find_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.query, "ship")
    assert dialog.results.count() == 1
    QTest.keyClick(dialog.query, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert window.context.level == window.ids["deliver"]
    assert window.context.selection == (window.ids["ship"],)
    # units and people are found too; accents do not matter
    window.open_find()
    dialog.query.setText("anna")
    assert dialog.results.item(0).text().startswith("Anna Berg")
    dialog.query.setText("SALES")
    assert dialog.results.item(0).text().startswith("Sales")
    dialog.activate_current()
    assert window.context.selection == (window.ids["sales"],)


def test_architecture_properties_dialog(window, monkeypatch) -> None:
    from procmodeler.ui.dialogs import ArchitectureDialog

    def fake_exec(dialog):  # type: ignore[no-untyped-def]
        dialog.name.setText("Nordic Components")
        dialog.organisation.setText("Nordic Components AB")
        dialog.language.setCurrentIndex(dialog.language.findData("sv"))
        dialog.version_label.setText("2.0")
        dialog.author.setText("Karin Ek")
        return ArchitectureDialog.DialogCode.Accepted

    monkeypatch.setattr(ArchitectureDialog, "exec", fake_exec)
    window.actions_by_name["properties"].trigger()
    meta = window.context.arch.meta
    assert (meta.name, meta.organisation, meta.language, meta.version_label, meta.author) == (
        "Nordic Components",
        "Nordic Components AB",
        "sv",
        "2.0",
        "Karin Ek",
    )
    assert window.context.editor.undo_label().text() == "Edit architecture properties"
    assert window.windowTitle().startswith("Nordic Components")
    window.actions_by_name["undo"].trigger()
    assert window.context.arch.meta.name == "Sample"


def test_title_modified_marker_and_undo_texts(window) -> None:
    assert window.windowTitle() == "Sample[*] \u2014 procmodeler"
    assert not window.isWindowModified()
    window.canvas.create_process("core", edit=False)
    assert window.isWindowModified()
    assert window.actions_by_name["undo"].text() == "&Undo Create process 'New core process'"
    window.actions_by_name["undo"].trigger()
    assert not window.isWindowModified()
    assert window.actions_by_name["redo"].isEnabled()
    assert window.actions_by_name["redo"].text().startswith("&Redo Create process")
    shortcuts = [s.toString() for s in window.actions_by_name["redo"].shortcuts()]
    assert "Ctrl+Shift+Z" in shortcuts and "Ctrl+Y" in shortcuts


def test_a_long_session_undone_and_redone_stays_in_sync(window, qtbot) -> None:
    """Every kind of edit of these tests, then undo all and redo all."""
    from procmodeler.edit import operations as ops
    from tests.ui.helpers import drag

    arch = window.context.arch
    ed = window.context.editor
    start = arch.copy()
    entries = len(ed.history())
    window.canvas.create_process("core", edit=False)
    sell = arch.shapes[None][window.ids["sell"]]
    drag(window.canvas.view, (sell.x + 50, sell.y + 30), (sell.x + 50, sell.y + 100))
    window.context.set_selection([window.ids["deliver"]])
    window.actions_by_name["copy"].trigger()
    window.actions_by_name["paste"].trigger()
    window.canvas.set_relation_kind([window.ids["flow"]], "support")
    window.tree.move_processes([window.ids["it"]], window.ids["sell"])
    window.context.open_level(window.ids["deliver"])
    window.actions_by_name["swimlanes"].trigger()
    window.canvas.create_process("support", edit=False)
    end = arch.copy()
    for _ in range(len(ed.history()) - entries):
        window.actions_by_name["undo"].trigger()
        assert_in_sync(window)
    deliver = window.ids["deliver"]
    assert arch.diagrams[deliver].swimlanes  # shown swimlanes are a setting, not undone
    ops.show_swimlanes(ed, deliver, False)
    assert arch == start
    ops.show_swimlanes(ed, deliver, True)
    while ed.can_redo():
        window.actions_by_name["redo"].trigger()
        assert_in_sync(window)
    assert arch == end


def test_editing_keys_act_on_the_diagram_and_tree_only(window, qtbot) -> None:
    from PySide6.QtWidgets import QComboBox

    arch = window.context.arch
    it, plan = window.ids["it"], window.ids["plan"]
    window.context.set_selection([it])
    # Delete in a panel (a combo box of the problems panel) does not delete the process
    combos = [
        c for d in window.panel_docks for c in d.widget().findChildren(QComboBox) if c.isVisible()
    ]
    if combos:
        combos[0].setFocus()
        QTest.keyClick(combos[0], Qt.Key.Key_Delete)
        QTest.keyClick(combos[0], Qt.Key.Key_Backspace)
        assert it in arch.processes
    # in the model tree it does
    window.tree.setFocus()
    QTest.keyClick(window.tree, Qt.Key.Key_Delete)
    assert it not in arch.processes
    # and on the diagram (Backspace as well)
    window.context.set_selection([plan])
    window.canvas.view.setFocus()
    QTest.keyClick(window.canvas.view, Qt.Key.Key_Backspace)
    assert plan not in arch.processes
    assert_in_sync(window)


@pytest.mark.gui
def test_first_launch_gives_the_model_tree_more_height_than_the_palette(window, qtbot) -> None:
    """Without a saved layout the palette gets the height of its contents and the model
    tree the rest of the left column, which runs down beside the bottom panels."""
    qtbot.waitUntil(lambda: window.default_sizes_applied)  # just after the first show
    QApplication.processEvents()  # let the dock layout take the new sizes
    palette, tree = window.palette_dock, window.tree_dock
    panel = window.palette_panel
    layout = panel.layout()
    assert panel.height() >= layout.heightForWidth(panel.width()) - 2  # nothing cut off
    assert tree.height() > palette.height()
    assert tree.height() >= 300
    assert window.corner(Qt.Corner.BottomLeftCorner) == Qt.DockWidgetArea.LeftDockWidgetArea


def test_an_element_revealed_out_of_view_comes_to_the_middle(window, qtbot) -> None:
    # a finding or the tree asks for a shape far off screen: it is centred, not left
    # at the edge where scrolling just far enough would put it
    view = window.canvas.view
    view.set_zoom(1.0)
    view.centerOn(2000, 2000)
    sell = window.ids["sell"]
    window.context.reveal(sell)
    qtbot.waitUntil(lambda: window.context.selection == (sell,))
    item = window.canvas.scene.shapes[sell]
    where = view.mapFromScene(item.sceneBoundingRect().center())
    middle = view.viewport().rect().center()
    assert abs(where.x() - middle.x()) < 40 and abs(where.y() - middle.y()) < 40
    # one already well in view stays where it is
    view.centerOn(item.sceneBoundingRect().center() + QPointF(60, 30))
    before = view.mapFromScene(item.sceneBoundingRect().center())
    window.context.reveal(sell)
    assert view.mapFromScene(item.sceneBoundingRect().center()) == before
