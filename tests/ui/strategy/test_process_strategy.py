"""A process's properties show its establishment level and next review (both editable,
undoable, an overdue review marked), the objectives it contributes to and its
improvements (an overdue one marked)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from procmodeler.edit import operations as ops
from procmodeler.ui.panels.properties import PropertiesPanel
from procmodeler.ui.strategy.common import OVERDUE


def test_properties_show_and_edit_the_process_strategy(qtbot, context, fake_dialogs):
    ed = context.editor
    ops.set_contribution(ed, "o_fast", "pr_deliver", "Deliveries on time")
    panel = PropertiesPanel(context)
    qtbot.addWidget(panel)
    panel.show()
    context.set_selection(["pr_deliver"])
    part = panel.process_page.strategy
    assert part.established.currentData() is None
    assert part.next_review.text() == "2026-01-15"
    assert OVERDUE in part.next_review.styleSheet()  # before today (2026-06-30)
    objective = part.objectives.topLevelItem(0)
    assert (objective.text(0), objective.text(1)) == ("Fast answers", "Deliveries on time")
    improvement = part.improvements.topLevelItem(0)
    assert [improvement.text(c) for c in range(3)] == ["Faster picking", "Ongoing", "2026-05-01"]
    assert improvement.foreground(0).color().name() == OVERDUE
    # edits
    part.established.setCurrentIndex(part.established.findData("in_use"))
    part.established.activated.emit(part.established.currentIndex())
    assert context.arch.processes["pr_deliver"].established == "in_use"
    part.next_review.setText("2027-01-15")
    part.next_review.editingFinished.emit()
    assert context.arch.processes["pr_deliver"].next_review == "2027-01-15"
    assert OVERDUE not in part.next_review.styleSheet()
    part.next_review.setText("15/1 2027")  # not a date: refused, the old value stays
    part.next_review.editingFinished.emit()
    assert fake_dialogs.warnings and part.next_review.text() == "2027-01-15"
    # another process: Sell measures, contributes to nothing, has no improvements
    context.set_selection(["pr_sell"])
    assert part.established.currentData() == "measured"
    assert part.objectives.topLevelItem(0).text(0) == "Contributes to no objective"
    assert not part.objectives.topLevelItem(0).flags() & Qt.ItemFlag.ItemIsEnabled
    context.set_selection(["pr_deliver"])
    ed.undo()
    ed.undo()
    assert part.established.currentData() is None and part.next_review.text() == "2026-01-15"


def test_a_process_lists_the_improvements_of_its_sub_processes_too(qtbot, context):
    # What to act on counts an improvement of a sub-process as answering the process's
    # concern: the process's properties show it too, named with its sub-process
    ed = context.editor
    ops.add_improvement(ed, "pr_offer", "Offer templates", iid="i_offer", status="planned")
    panel = PropertiesPanel(context)
    qtbot.addWidget(panel)
    panel.show()
    context.set_selection(["pr_sell"])
    part = panel.process_page.strategy
    item = part.improvements.topLevelItem(0)
    assert item.text(0) == "Offer templates (sub-process 'Make offer')"
    assert item.text(1) == "Planned"
    assert part.improvements.topLevelItemCount() == 1
    context.set_selection(["pr_offer"])  # on its own process: the title alone
    assert part.improvements.topLevelItem(0).text(0) == "Offer templates"
