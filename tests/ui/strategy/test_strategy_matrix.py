"""The strategy matrix with real widgets: objectives as columns in tree order, a click
selects and never changes a cell, Space sets and removes a contribution, Enter writes
its note, Delete removes it; every change is one undo entry."""

from __future__ import annotations

from PySide6.QtCore import Qt

from procmodeler.ui.strategy.matrix import NOTE_ROLE, StrategyMatrix


def test_columns_follow_the_objective_tree(qtbot, context):
    matrix = StrategyMatrix(context)
    qtbot.addWidget(matrix)
    cols = matrix.matrix.cols
    assert [(c.uid, c.depth) for c in cols] == [("o_goal", 0), ("o_fast", 1), ("o_cost", 0)]
    assert cols[0].span_end == 1
    assert not matrix.empty.isVisibleTo(matrix)
    context.set_selection(["pr_offer"])  # selected elsewhere: its row becomes current
    assert matrix.matrix.pid(matrix.view.currentIndex()) == "pr_offer"
    matrix.view.header_view.sectionClicked.emit(2)  # the header of "Fast answers"
    assert context.selection == ("o_fast",)
    assert matrix.view.currentIndex() == matrix.cell("pr_offer", "o_fast")


def test_link_two_processes_by_keyboard_and_undo(qtbot, context, fake_dialogs):
    matrix = StrategyMatrix(context)
    qtbot.addWidget(matrix)
    matrix.resize(900, 400)
    matrix.show()
    qtbot.waitExposed(matrix)
    view = matrix.view
    arch = context.arch
    # a click selects the cell and changes nothing
    rect = view.visualRect(matrix.cell("pr_sell", "o_fast"))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.currentIndex() == matrix.cell("pr_sell", "o_fast")
    assert not arch.contributions
    assert context.selection == ("pr_sell",)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert arch.contributions == {("o_fast", "pr_sell"): ""}
    # the participation matrix's letters do nothing here
    qtbot.keyClick(view, Qt.Key.Key_R)
    assert arch.contributions == {("o_fast", "pr_sell"): ""}
    # down to "Make offer", Enter writes a note (and so links it)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert matrix.matrix.pid(view.currentIndex()) == "pr_offer"
    fake_dialogs.texts = ["Offers within two days"]
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert arch.contributions[("o_fast", "pr_offer")] == "Offers within two days"
    assert matrix.cell("pr_offer", "o_fast").data(NOTE_ROLE) == "Offers within two days"
    # X on a linked cell removes it; undo brings it back
    qtbot.keyClick(view, Qt.Key.Key_X)
    assert ("o_fast", "pr_offer") not in arch.contributions
    context.editor.undo()
    assert ("o_fast", "pr_offer") in arch.contributions
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert ("o_fast", "pr_offer") not in arch.contributions
    for _ in range(3):
        context.editor.undo()
    assert not arch.contributions


def test_new_objective_gets_a_column_and_a_hidden_matrix_waits(qtbot, context):
    from procmodeler.edit import operations as ops

    matrix = StrategyMatrix(context)
    qtbot.addWidget(matrix)
    matrix.set_shown(False)
    ops.add_objective(context.editor, "Safe schools", oid="o_safe")
    assert "o_safe" not in [c.uid for c in matrix.matrix.cols]  # hidden: not yet
    matrix.set_shown(True)
    assert [c.uid for c in matrix.matrix.cols][-1] == "o_safe"
