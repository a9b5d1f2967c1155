"""The objectives panel with real widgets: the tree shows objectives and the KPIs that
measure them with their icons; add, rename (F2), move (drop), delete and the owner are
undoable edits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from procmodeler.ui.strategy.objectives import (
    ASSURANCE,
    HORIZON,
    KPI_ROLE,
    NAME,
    OWNER,
    VARIATION,
    ObjectivesPanel,
)


def test_tree_shows_objectives_owner_horizon_and_measuring_kpis(qtbot, context):
    panel = ObjectivesPanel(context)
    qtbot.addWidget(panel)
    items = panel.items()
    assert list(items) == ["o_goal", "o_fast", "o_cost"]
    assert items["o_goal"].text(1) == "Anna Berg"
    assert items["o_cost"].text(2) == "2027"
    assert items["o_fast"].parent() is items["o_goal"]
    kpi_row = items["o_fast"].child(0)
    assert kpi_row.data(NAME, KPI_ROLE) == "k_lt"
    assert kpi_row.text(NAME) == "Lead time to offer — Sell"
    assert not kpi_row.icon(VARIATION).isNull()  # a special cause concern
    assert kpi_row.toolTip(VARIATION) == "Concern"
    assert kpi_row.toolTip(ASSURANCE) == "Hit and miss"


def test_add_rename_owner_move_delete_and_undo(qtbot, context, fake_dialogs):
    panel = ObjectivesPanel(context)
    qtbot.addWidget(panel)
    panel.show()
    ed = context.editor
    fake_dialogs.texts = ["Safe schools"]
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    new = panel.current_objective()
    assert new is not None and ed.arch.objectives[new].name == "Safe schools"
    assert ed.arch.objectives[new].parent is None
    # F2 renames in place
    qtbot.waitExposed(panel)
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_F2)
    assert panel.tree.state() == panel.tree.State.EditingState
    panel.items()[new].setText(NAME, "Safe and calm schools")  # what the editor commits
    assert ed.arch.objectives[new].name == "Safe and calm schools"
    qtbot.waitUntil(lambda: panel.items()[new].text(NAME) == "Safe and calm schools")
    # owner from the form below the tree
    panel.owner.picked.emit("p_bo")
    assert ed.arch.objectives[new].owner == "p_bo"
    # dropped onto "Satisfied customers": becomes its last sub-objective
    panel.drop(new, panel.items()["o_goal"], QAbstractItemView.DropIndicatorPosition.OnItem)
    assert ed.arch.objective_children("o_goal") == ["o_fast", new]
    # dropped above "Fast answers": first among the siblings
    panel.drop(new, panel.items()["o_fast"], QAbstractItemView.DropIndicatorPosition.AboveItem)
    assert ed.arch.objective_children("o_goal") == [new, "o_fast"]
    assert panel.items()[new].parent() is panel.items()["o_goal"]
    # Delete key on the current objective
    panel.tree.setCurrentItem(panel.items()[new])
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert new not in ed.arch.objectives and new not in panel.items()
    for _ in range(6):
        ed.undo()
    assert new not in ed.arch.objectives
    assert list(panel.items()) == ["o_goal", "o_fast", "o_cost"]


def test_deleting_an_objective_with_sub_objectives_asks(qtbot, context, fake_dialogs):
    panel = ObjectivesPanel(context)
    qtbot.addWidget(panel)
    panel.tree.setCurrentItem(panel.items()["o_goal"])
    fake_dialogs.confirm_answer = False
    panel.delete_current()
    assert "o_goal" in context.arch.objectives
    assert "1 sub-objectives" in fake_dialogs.asked[-1][1]
    fake_dialogs.confirm_answer = True
    panel.delete_current()
    assert "o_goal" not in context.arch.objectives and "o_fast" not in context.arch.objectives
    assert context.arch.kpis["k_lt"].objective is None
    context.editor.undo()
    assert list(panel.items()) == ["o_goal", "o_fast", "o_cost"]


def test_measure_with_a_kpi_and_stop(qtbot, context, fake_dialogs):
    from procmodeler.edit import operations as ops

    ops.add_kpi(context.editor, "pr_deliver", "Delivery precision", "other", kid="k_dp")
    panel = ObjectivesPanel(context)
    qtbot.addWidget(panel)
    panel.tree.setCurrentItem(panel.items()["o_cost"])
    fake_dialogs.choices = [1]  # the KPIs not yet measuring it: Lead time, Delivery precision
    qtbot.mouseClick(panel.kpi_button, Qt.MouseButton.LeftButton)
    assert "Delivery precision — Deliver" in fake_dialogs.asked[-1][1]
    assert context.arch.kpis["k_dp"].objective == "o_cost"
    row = panel.items()["o_cost"].child(0)
    assert row.data(NAME, KPI_ROLE) == "k_dp"
    panel.tree.setCurrentItem(row)
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)  # on a KPI row: it no longer measures it
    assert context.arch.kpis["k_dp"].objective is None
    context.editor.undo()
    assert context.arch.kpis["k_dp"].objective == "o_cost"


def test_move_with_the_keyboard(qtbot, context):
    panel = ObjectivesPanel(context)
    qtbot.addWidget(panel)
    panel.show()
    arch = context.arch
    panel.tree.setCurrentItem(panel.items()["o_cost"])
    panel.tree.setFocus()
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(panel.tree, Qt.Key.Key_Up, ctrl)  # before "Satisfied customers"
    assert arch.objective_children(None) == ["o_cost", "o_goal"]
    qtbot.keyClick(panel.tree, Qt.Key.Key_Down, ctrl)
    assert arch.objective_children(None) == ["o_goal", "o_cost"]
    qtbot.keyClick(panel.tree, Qt.Key.Key_Right, ctrl)  # under the objective above it
    assert arch.objective_children("o_goal") == ["o_fast", "o_cost"]
    assert panel.current_objective() == "o_cost"
    qtbot.keyClick(panel.tree, Qt.Key.Key_Left, ctrl)  # back out, after its old parent
    assert arch.objective_children(None) == ["o_goal", "o_cost"]
    for _ in range(4):
        context.editor.undo()
    assert arch.objective_children(None) == ["o_goal", "o_cost"]
    assert list(panel.items()) == ["o_goal", "o_fast", "o_cost"]


def test_the_form_says_what_to_do_while_no_objective_is_chosen(qtbot, context):
    panel = ObjectivesPanel(context)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    assert not panel.form.isEnabled()
    assert panel.no_objective.isVisible()
    assert panel.no_objective.text() == "Select an objective to edit it."
    context.set_selection(["o_cost"])
    qtbot.waitUntil(lambda: panel.current_objective() == "o_cost")
    assert panel.form.isEnabled() and not panel.no_objective.isVisible()
    context.set_selection([])
    panel.tree.setCurrentItem(None)
    qtbot.waitUntil(panel.no_objective.isVisible)


def test_a_narrow_panel_keeps_the_names_and_scrolls_no_column_out_of_sight(qtbot, context):
    # a laptop's dock (about 330 px): the horizon, then the owner hide, so the names
    # keep their room and nothing sits beyond the right edge; widened, all are back
    panel = ObjectivesPanel(context)
    qtbot.addWidget(panel)
    panel.resize(300, 400)
    panel.show()
    qtbot.waitExposed(panel)
    tree = panel.tree
    qtbot.waitUntil(lambda: tree.isColumnHidden(HORIZON))
    assert tree.header().length() <= tree.viewport().width()
    assert tree.columnWidth(NAME) >= 140
    panel.resize(900, 400)
    qtbot.waitUntil(lambda: not tree.isColumnHidden(HORIZON) and not tree.isColumnHidden(OWNER))
    assert tree.header().length() <= tree.viewport().width()
    # the header's menu names the icon columns by their tooltips
    names = [a.text() for a in panel.columns.column_menu().actions() if a.isCheckable()]
    assert names[-2:] == ["Variation", "Assurance"]
