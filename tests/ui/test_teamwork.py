"""*Compare with…* and merge conflicts in the real window (pytest-qt, offscreen): the
marks, legend and list of a comparison with a file, revealing a change, and resolving
two recorded conflicts one by one, then undoing one."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog

from procmodeler.app.session import Session
from procmodeler.edit import Editor
from procmodeler.edit import operations as op
from procmodeler.io import native
from procmodeler.io.merge import merge
from procmodeler.ui.compare import ChangeMark
from tests.teams.scenario import base_model, edited, ours_edits
from tests.ui.helpers import close_window

pytestmark = pytest.mark.gui


@pytest.fixture
def open_window(app, qtbot):  # type: ignore[no-untyped-def]
    from procmodeler.ui.mainwindow import MainWindow

    windows = []

    def make(path: Path):  # type: ignore[no-untyped-def]
        win = MainWindow(Session.open(path), remember=False)
        win.resize(1400, 900)
        win.show()
        qtbot.waitExposed(win)
        windows.append(win)
        return win

    yield make
    for win in windows:
        close_window(win)


def marks(win) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Process id (or the ghost's name) -> status of the marks on the canvas."""
    found = {}
    for item in win.canvas.scene.items():
        if isinstance(item, ChangeMark):
            parent = item.parentItem()
            found[parent.pid if parent is not None else item.name] = item.status
    return found


def test_compare_with_a_file(open_window, tmp_path: Path, monkeypatch, qtbot) -> None:  # type: ignore[no-untyped-def]
    base = tmp_path / "adopted.procm"
    native.save(base_model(), base)
    ed = Editor(edited(ours_edits))
    op.delete_processes(ed, ["proc_3"])
    current = tmp_path / "current.procm"
    native.save(ed.arch, current)
    win = open_window(current)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(base), ""))
    win.teamwork.action.trigger()
    assert marks(win) == {
        "proc_1": "changed",
        "proc_2": "changed",
        "proc_4": "added",
        "Invoice": "removed",
    }
    legend = win.teamwork.legend
    assert legend.isVisible() and "adopted.procm" in legend.text()
    tree = win.teamwork.changes_panel.tree
    titles = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert "Process 'Take order' (proc_1)" in titles
    group = tree.topLevelItem(titles.index("Process 'Take order' (proc_1)"))
    assert [group.child(0).text(c) for c in range(1, 4)] == ["name", "'Order'", "'Take order'"]
    # double-click reveals the element
    win.context.set_selection([])
    tree.scrollToItem(group.child(0))
    qtbot.waitUntil(lambda: tree.visualItemRect(group.child(0)).isValid())
    rect = tree.visualItemRect(group.child(0))
    point = QPoint(rect.left() + 10, rect.center().y())
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=point)  # as a user does
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert win.context.selection == ("proc_1",)
    # the marks follow an edit, and go with the comparison
    op.rename_process(win.context.editor, "proc_4", "Plan ahead")
    assert marks(win)["proc_4"] == "added"
    win.teamwork.changes_panel.close_button.click()
    assert marks(win) == {} and not legend.isVisible()


def test_resolve_two_conflicts_and_undo_one(open_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    base = base_model()
    ours, theirs = Editor(base.copy()), Editor(base.copy())
    op.rename_process(ours, "proc_1", "Bill")
    op.rename_unit(ours, "unit_1", "Sales east")
    op.rename_process(theirs, "proc_1", "Charge")
    op.rename_unit(theirs, "unit_1", "Sales west")
    path = tmp_path / "merged.procm"
    native.save(merge(base, ours.arch, theirs.arch).model, path)
    win = open_window(path)
    panel = win.teamwork.conflicts
    assert win.teamwork.conflicts_dock.isVisible()
    tree = panel.tree
    rows = [[tree.topLevelItem(i).text(c) for c in range(4)] for i in range(2)]
    assert rows == [
        ["Unit 'Sales east' (unit_1)", "name", "'Sales east'", "'Sales west'"],
        ["Process 'Bill' (proc_1)", "name", "'Bill'", "'Charge'"],
    ]
    tree.setCurrentItem(tree.topLevelItem(1))
    panel.theirs_button.click()
    assert win.context.arch.processes["proc_1"].name == "Charge"
    assert tree.topLevelItemCount() == 1
    tree.setCurrentItem(tree.topLevelItem(0))
    panel.ours_button.click()
    assert win.context.arch.units["unit_1"].name == "Sales east"
    assert tree.topLevelItemCount() == 0 and "No merge conflicts" in panel.summary.text()
    win.context.editor.undo()
    assert tree.topLevelItemCount() == 1
    assert tree.topLevelItem(0).text(0) == "Unit 'Sales east' (unit_1)"
    assert win.context.arch.processes["proc_1"].name == "Charge"
