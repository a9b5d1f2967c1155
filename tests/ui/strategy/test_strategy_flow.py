"""Issue 13's app scenario with real widgets in one window: create an objective in the
objectives panel, link two processes to it in the strategy matrix, add an improvement
from a KPI concern in the management view, move it to ongoing on the improvements board,
watch the concern become answered and the live finding
``improvement.concern-unanswered`` go, then undo all of it (and it is back)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from procmodeler.analysis.rules.registry import RULES
from procmodeler.ui.panels import (
    IMPROVEMENTS_DOCK,
    MANAGEMENT_DOCK,
    OBJECTIVES_DOCK,
    STRATEGY_DOCK,
    LiveFindings,
)

UNANSWERED = "improvement.concern-unanswered"


def front(window, name):
    dock = window.docks[name]
    dock.show()
    dock.raise_()
    return dock.widget()


def unanswered_findings(context) -> list[tuple[str, ...]]:
    live = LiveFindings.for_context(context)
    live.refresh_now()
    return [f.elements for f in live.findings() if f.rule == UNANSWERED]


def snapshot(arch):
    return (dict(arch.objectives), dict(arch.contributions), dict(arch.improvements))


def test_objective_matrix_concern_improvement_ongoing_and_undo(
    qtbot, context, window, fake_dialogs
):
    arch = context.arch
    before = snapshot(arch)
    assert UNANSWERED in RULES
    assert unanswered_findings(context) == [("pr_sell",)]

    # 1. an objective, from the objectives panel
    objectives = front(window, OBJECTIVES_DOCK)
    fake_dialogs.texts = ["Offers customers can trust"]
    qtbot.mouseClick(objectives.add_button, Qt.MouseButton.LeftButton)
    oid = objectives.current_objective()
    assert oid is not None and arch.objectives[oid].name == "Offers customers can trust"

    # 2. two processes linked in the strategy matrix
    matrix = front(window, STRATEGY_DOCK)
    qtbot.waitUntil(lambda: oid in [c.uid for c in matrix.matrix.cols])
    view = matrix.view
    for pid in ("pr_sell", "pr_offer"):
        rect = view.visualRect(matrix.cell(pid, oid))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.keyClick(view, Qt.Key.Key_Space)
    assert {k for k in arch.contributions if k[0] == oid} == {(oid, "pr_sell"), (oid, "pr_offer")}

    # 3. the management view lists Sell's lead-time concern; an improvement from it
    management = front(window, MANAGEMENT_DOCK)
    qtbot.waitUntil(lambda: management.lines("unanswered") == ["pr_sell"])
    assert oid not in management.lines("unserved")  # Sell serves it now
    assert management.lines("improvements") == ["i_pick"]  # due 2026-05-01, ongoing
    assert management.lines("reviews") == ["pr_deliver"]  # review due 2026-01-15
    assert not management.add_button.isEnabled()
    management.tree.setCurrentItem(management.section("unanswered").child(0))
    assert management.add_button.isEnabled()
    fake_dialogs.texts = ["Standard offer in a day"]
    qtbot.mouseClick(management.add_button, Qt.MouseButton.LeftButton)
    iid = next(
        i for i in arch.improvements if arch.improvements[i].title == "Standard offer in a day"
    )
    new = arch.improvements[iid]
    assert (new.process, new.status, new.kpi, new.responsible) == (
        "pr_sell",
        "idea",
        "k_lt",
        "p_anna",
    )
    assert management.lines("unanswered") == ["pr_sell"]  # an idea answers nothing yet

    # 4. on the board: Ctrl+Right twice moves it from idea to ongoing
    board = front(window, IMPROVEMENTS_DOCK)
    qtbot.waitUntil(lambda: iid in board.shown_ids("idea"))
    assert board.select(iid)
    qtbot.keyClick(board.columns["idea"], Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(board.columns["planned"], Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert arch.improvements[iid].status == "ongoing"
    assert arch.improvements[iid].started == "2026-06-30"

    # 5. the concern is answered now
    front(window, MANAGEMENT_DOCK)
    qtbot.waitUntil(lambda: management.lines("answered") == ["pr_sell"])
    assert management.lines("unanswered") == []
    assert unanswered_findings(context) == []  # the live finding is gone

    # 6. undo all of it: status twice, the improvement, two links, the objective
    for _ in range(6):
        context.editor.undo()
    assert snapshot(arch) == before
    qtbot.waitUntil(lambda: management.lines("unanswered") == ["pr_sell"])
    assert oid in objectives.items()  # its tab is behind: filled when shown again
    front(window, OBJECTIVES_DOCK)
    qtbot.waitUntil(lambda: oid not in objectives.items())
    assert unanswered_findings(context) == [("pr_sell",)]
