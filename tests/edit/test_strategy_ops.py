"""The undoable edits of strategic steering and everyday improvement: objectives (a tree),
contributions, a KPI's objective, improvements and their status, a process's
establishment level and next review; and what :class:`Impact` says about them."""

from __future__ import annotations

import pytest

from procmodeler.common.errors import EditRefused
from procmodeler.edit import Editor
from procmodeler.edit import operations as op
from procmodeler.edit.impact import Impact
from procmodeler.model.events import Committed
from procmodeler.model.validate import violations


def _editor() -> tuple[Editor, list[Committed]]:
    ed = Editor()
    op.add_unit(ed, "Social services", uid="U1")
    op.add_person(ed, "Anna", unit="U1", person_id="P1")
    op.create_process(ed, "Give support", pid="A")
    op.create_process(ed, "Assess", parent="A", pid="A1")
    op.create_process(ed, "Pay out", pid="B")
    op.add_kpi(ed, "A", "Lead time", "lead_time", kid="K1")
    events: list[Committed] = []
    ed.subscribe(events.append)
    return ed, events


def test_objective_tree_add_rename_move_and_order() -> None:
    ed, events = _editor()
    top = op.add_objective(ed, "Safe childhood", owner="P1", horizon="2027")
    sub = op.add_objective(ed, "Early support", parent=top, description="Within a week")
    other = op.add_objective(ed, "Independence")
    assert (top, sub, other) == ("obj_1", "obj_2", "obj_3")
    assert ed.arch.objective_children(None) == [top, other]
    assert ed.arch.objectives[top].owner == "P1" and ed.arch.objectives[top].horizon == "2027"
    op.move_objective(ed, other, None, before=top)
    assert ed.arch.objective_children(None) == [other, top]
    op.move_objective(ed, other, top)
    assert ed.arch.objective_children(top) == [sub, other]
    assert list(ed.arch.walk_objectives()) == [top, sub, other]
    imp = Impact.of(events[-1], ed.arch)
    assert imp.objectives == {other} and imp.objective_tree and imp.strategy and imp.elements
    op.rename_objective(ed, sub, "  Early   help ")
    assert ed.arch.objectives[sub].name == "Early help"
    assert not Impact.of(events[-1], ed.arch).objective_tree
    with pytest.raises(EditRefused):
        op.move_objective(ed, top, sub)  # under its own sub-objective
    with pytest.raises(EditRefused):
        op.add_objective(ed, "x", owner="nobody")
    for _ in range(6):
        ed.undo()
    assert ed.arch.objectives == {}


def test_deleting_an_objective_takes_its_subtree_and_contributions_one_undo() -> None:
    ed, _ = _editor()
    top = op.add_objective(ed, "Safe childhood")
    sub = op.add_objective(ed, "Early support", parent=top)
    op.set_contribution(ed, sub, "A", "assessment within a week")
    op.set_kpi_objective(ed, "K1", sub)
    assert ed.arch.kpis_measuring(sub) == ["K1"] and ed.arch.contributors(sub) == {
        "A": "assessment within a week"
    }
    before = ed.arch.snapshot()
    op.delete_objective(ed, top)
    assert ed.arch.objectives == {} and ed.arch.contributions == {}
    assert ed.arch.kpis["K1"].objective is None and violations(ed.arch) == []
    ed.undo()
    assert ed.arch.snapshot() == before


def test_contributions_set_change_and_remove() -> None:
    ed, events = _editor()
    goal = op.add_objective(ed, "Goal")
    op.set_contribution(ed, goal, "A")
    op.set_contribution(ed, goal, "B", "pays on time")
    assert ed.arch.contributions == {(goal, "A"): "", (goal, "B"): "pays on time"}
    assert ed.arch.contributions_of("B") == {goal: "pays on time"}
    imp = Impact.of(events[-1], ed.arch)
    assert imp.contributions == {(goal, "B")} and imp.contribution_processes == {"B"}
    op.set_contribution(ed, goal, "A", None)
    assert (goal, "A") not in ed.arch.contributions
    with pytest.raises(EditRefused):
        op.set_contribution(ed, goal, "nope")
    op.delete_processes(ed, ["B"])
    assert ed.arch.contributions == {} and violations(ed.arch) == []


def test_improvements_add_change_status_and_delete() -> None:
    ed, events = _editor()
    iid = op.add_improvement(
        ed, "A1", "Digital application", responsible="P1", kpi="K1", due="2026-05-31"
    )
    imp = ed.arch.improvements[iid]
    assert (imp.status, imp.responsible, imp.kpi, imp.due) == ("idea", "P1", "K1", "2026-05-31")
    assert Impact.of(events[-1], ed.arch).improvement_processes == {"A1"}
    op.set_improvement_status(ed, iid, "ongoing", today="2026-02-01")
    assert ed.arch.improvements[iid].started == "2026-02-01"
    op.set_improvement_status(ed, iid, "done", today="2026-03-01")
    assert ed.arch.improvements[iid].done == "2026-03-01"
    op.set_improvement(ed, iid, description="Form on the web", due=None)
    assert ed.arch.improvements[iid].due is None
    with pytest.raises(EditRefused):
        op.set_improvement_status(ed, iid, "finished")
    with pytest.raises(EditRefused):
        op.set_improvement(ed, iid, due="31/5/2026")
    with pytest.raises(EditRefused):
        op.set_improvement(ed, iid, due="2026-02-30")
    with pytest.raises(EditRefused):
        op.add_improvement(ed, "A", "   ")
    op.delete_kpi(ed, "K1")  # the improvement forgets the KPI in the same step
    assert ed.arch.improvements[iid].kpi is None and violations(ed.arch) == []
    ed.undo()
    assert ed.arch.improvements[iid].kpi == "K1"
    op.delete_improvement(ed, iid)
    assert ed.arch.improvements == {}
    ed.undo()
    op.delete_processes(ed, ["A"])  # with its sub-process and its improvement
    assert ed.arch.improvements == {} and violations(ed.arch) == []
    ed.undo_all()
    assert ed.arch.improvements == {}


def test_establishment_and_next_review() -> None:
    ed, events = _editor()
    op.set_established(ed, "A", "measured")
    op.set_next_review(ed, "A", "2026-09-30")
    proc = ed.arch.processes["A"]
    assert (proc.established, proc.next_review) == ("measured", "2026-09-30")
    assert Impact.of(events[-1], ed.arch).processes == {"A"}
    with pytest.raises(EditRefused):
        op.set_established(ed, "A", "perfect")
    with pytest.raises(EditRefused):
        op.set_next_review(ed, "A", "2026-13-01")
    op.set_established(ed, "A", None)
    op.set_next_review(ed, "A", "")
    assert ed.arch.processes["A"].established is None
    assert ed.arch.processes["A"].next_review is None
    assert ed.undo_label() is not None and ed.undo_label().text(lambda s: s).startswith("Set next")


def test_a_person_still_referred_to_by_strategy_is_refused_then_cleared() -> None:
    ed, _ = _editor()
    goal = op.add_objective(ed, "Goal", owner="P1")
    iid = op.add_improvement(ed, "A", "Fix", responsible="P1")
    with pytest.raises(EditRefused) as refused:
        op.delete_person(ed, "P1")
    text = str(refused.value)
    assert "owner of objective 'Goal'" in text and "responsible for improvement 'Fix'" in text
    op.delete_person(ed, "P1", force=True)
    assert ed.arch.objectives[goal].owner is None
    assert ed.arch.improvements[iid].responsible is None and violations(ed.arch) == []


def test_every_strategy_edit_goes_through_the_recovery_journal() -> None:
    """The journal encodes each change record and decodes an equal one (objectives and
    improvements are record types it knows)."""
    from procmodeler.app.journalfile import decode_put, encode_put

    ed, events = _editor()
    goal = op.add_objective(ed, "Goal", owner="P1")
    op.set_contribution(ed, goal, "A", "note")
    op.add_improvement(ed, "A", "Fix", status="planned", due="2026-05-31")
    op.set_established(ed, "A", "improving")
    records = [put for event in events for put in event.changes]
    assert len(records) == 4
    assert [decode_put(encode_put(put)) for put in records] == records
