"""The management view's lines lead to their elements: a process to the map (selected),
an objective to the objectives panel and an improvement to the improvements board,
whose tabs come to the front with it selected; Enter does what a double-click does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from procmodeler.ui.panels import IMPROVEMENTS_DOCK, MANAGEMENT_DOCK, OBJECTIVES_DOCK
from procmodeler.ui.strategy.management import ELEMENT_ROLE, ManagementView


def line(view, section: str, ident: str):
    head = view.section(section)
    return next(
        head.child(i)
        for i in range(head.childCount())
        if head.child(i).data(0, ELEMENT_ROLE) == ident
    )


def test_lines_lead_to_their_elements(qtbot, context, window):
    docks = window.docks
    view = docks[MANAGEMENT_DOCK].widget()
    docks[MANAGEMENT_DOCK].raise_()
    qtbot.waitUntil(lambda: view.lines("improvements") == ["i_pick"])
    assert view.lines("unserved") == ["o_goal", "o_fast", "o_cost"]
    assert view.lines("unmeasured") == ["o_cost"]
    # an objective: the objectives panel comes to the front with it current
    view.tree.setCurrentItem(line(view, "unmeasured", "o_cost"))
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    assert context.selection == ("o_cost",)
    objectives = docks[OBJECTIVES_DOCK].widget()
    qtbot.waitUntil(lambda: objectives.current_objective() == "o_cost")
    # an improvement: the board
    docks[MANAGEMENT_DOCK].raise_()
    view.tree.itemActivated.emit(line(view, "improvements", "i_pick"), 0)
    board = docks[IMPROVEMENTS_DOCK].widget()
    assert context.selection == ("i_pick",)
    qtbot.waitUntil(lambda: board.current_improvement() == "i_pick")
    assert board.form.iid == "i_pick" and board.form.isEnabled()  # not an empty form
    # a process: selected (the map opens its level)
    docks[MANAGEMENT_DOCK].raise_()
    view.tree.itemActivated.emit(line(view, "reviews", "pr_deliver"), 0)
    assert context.selection == ("pr_deliver",)


def test_a_finding_on_an_objective_or_improvement_leads_to_its_panel(qtbot, context, window):
    from procmodeler.edit import operations as ops
    from procmodeler.ui.panels import PROBLEMS_DOCK, LiveFindings

    # the live checks take today from the clock: a due date long past
    ops.set_improvement(context.editor, "i_pick", due="2000-01-31")
    live = LiveFindings.for_context(context)
    live.refresh_now()
    problems = window.docks[PROBLEMS_DOCK].widget()
    by_rule = {f.rule: f for f in live.findings()}
    problems.reveal(by_rule["strategy.objective-unmeasured"])  # o_cost
    assert context.selection == ("o_cost",)
    objectives = window.docks[OBJECTIVES_DOCK].widget()
    qtbot.waitUntil(lambda: objectives.current_objective() == "o_cost")
    problems.reveal(by_rule["improvement.overdue"])  # i_pick
    assert context.selection == ("i_pick",)
    board = window.docks[IMPROVEMENTS_DOCK].widget()
    qtbot.waitUntil(lambda: board.current_improvement() == "i_pick")
    assert board.form.iid == "i_pick" and board.form.isEnabled()  # not an empty form


def test_a_narrow_view_shows_why_and_headings_whole_as_tooltips(qtbot, context):
    """In a panel as narrow as a laptop's side dock, "Why" is in sight beside "What to
    act on" (which takes a share of the width, until the user drags its edge), and a
    section heading cut at the edge tells its whole text as a tooltip."""
    view = ManagementView(context)
    qtbot.addWidget(view)
    view.resize(320, 500)
    view.show()
    qtbot.waitExposed(view)
    header = view.tree.header()
    room = view.tree.viewport().width()
    assert header.sectionViewportPosition(1) <= room * 0.6  # Why: 40 % of the width
    head = view.section("unanswered")
    assert head is not None and head.toolTip(0) == head.text(0)
    assert head.text(0).startswith("KPI concerns without a planned or ongoing improvement")
    rect = view.tree.visualItemRect(head)  # two lines: the whole heading in sight
    metrics = QFontMetrics(head.font(0))
    assert metrics.horizontalAdvance(head.text(0)) > rect.width()
    assert rect.height() >= 2 * metrics.height()
    line_rect = view.tree.visualItemRect(head.child(0))  # a line keeps one line
    assert line_rect.height() < 2 * metrics.height()
    view.resize(800, 500)
    qtbot.waitUntil(lambda: header.sectionSize(0) > 400)
    header.resizeSection(0, 250)  # the user's width stays
    view.resize(600, 500)
    qtbot.wait(20)
    assert header.sectionSize(0) == 250
