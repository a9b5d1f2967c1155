"""The merge's rules for deletions, dangling references and cycles: every result is a
valid model, OURS wins a conflict, and the conflict names what THEIRS wanted."""

from __future__ import annotations

from procmodeler.edit import Editor
from procmodeler.edit import operations as op
from procmodeler.io import native
from procmodeler.io.merge import MergeResult, merge
from procmodeler.model import Architecture, Bounds
from tests.teams.scenario import base_model


def sides() -> tuple[Architecture, Editor, Editor]:
    base = base_model()
    ed = Editor(base)
    op.create_process(ed, "Pick", parent="proc_2", pid="proc_21", bounds=Bounds(0, 0, 100, 50))
    op.create_process(ed, "Pack", parent="proc_2", pid="proc_22", bounds=Bounds(200, 0, 100, 50))
    return base, Editor(base.copy()), Editor(base.copy())


def valid(result: MergeResult) -> MergeResult:
    assert native.loads(native.dumps(result.model)) == result.model
    return result


def summary(result: MergeResult) -> list[tuple[str, str, str | None, bool, bool]]:
    return [
        (c.kind, c.id, c.field, c.ours is not None, c.theirs is not None) for c in result.conflicts
    ]


def test_children_and_relations_of_a_deleted_process_follow_it() -> None:
    base, ours, theirs = sides()
    op.delete_processes(theirs, ["proc_2"])
    op.rename_process(ours, "proc_1", "Take order")
    result = valid(merge(base, ours.arch, theirs.arch))
    model = result.model
    assert result.conflicts == []
    assert {"proc_2", "proc_21", "proc_22"}.isdisjoint(model.processes)
    assert {"rel_1", "rel_2"}.isdisjoint(model.relations)
    assert model.processes["proc_1"].name == "Take order"
    assert "proc_2" not in model.shapes and (None, "proc_2") not in model.shapes.get(None, {})


def test_deleted_on_theirs_changed_on_ours_keeps_ours_with_what_it_needs() -> None:
    base, ours, theirs = sides()
    op.delete_processes(theirs, ["proc_2"])
    op.rename_process(ours, "proc_21", "Pick fast")
    result = valid(merge(base, ours.arch, theirs.arch))
    model = result.model
    assert summary(result) == [
        ("process", "proc_21", None, True, False),
        ("process", "proc_2", None, True, False),
    ]
    # the changed child is kept, and with it its parent and the parent's own things
    assert model.processes["proc_21"].name == "Pick fast"
    assert model.processes["proc_2"] == ours.arch.processes["proc_2"]
    assert model.shapes[None]["proc_2"] == ours.arch.shapes[None]["proc_2"]
    assert "rel_2" in model.relations


def test_deleted_on_ours_changed_on_theirs_stays_deleted() -> None:
    base, ours, theirs = sides()
    op.delete_processes(ours, ["proc_2"])
    op.rename_process(theirs, "proc_22", "Pack well")
    op.create_process(theirs, "Label", parent="proc_2", pid="proc_23", place=False)
    op.connect(theirs, "proc_23", "proc_3", rid="rel_9")
    result = valid(merge(base, ours.arch, theirs.arch))
    assert {"proc_2", "proc_22", "proc_23"}.isdisjoint(result.model.processes)
    assert "rel_9" not in result.model.relations
    assert set(summary(result)) == {
        ("process", "proc_22", None, False, True),
        ("process", "proc_23", None, False, True),
        ("process", "proc_2", None, False, True),
        ("relation", "rel_9", None, False, True),
    }


def test_reference_to_a_person_deleted_on_the_other_side() -> None:
    base, ours, theirs = sides()
    op.delete_person(theirs, "person_2", force=True)
    op.set_owner(ours, "proc_1", "person_2")
    result = valid(merge(base, ours.arch, theirs.arch))
    assert result.model.processes["proc_1"].owner == "person_2"
    assert "person_2" in result.model.people
    assert summary(result) == [("person", "person_2", None, True, False)]
    # the other way round: ours deleted the person, theirs made them an owner
    result = valid(merge(base, theirs.arch, ours.arch))
    assert result.model.processes["proc_1"].owner is None
    assert "person_2" not in result.model.people


def test_each_side_moving_one_process_under_the_other_is_no_cycle() -> None:
    base, ours, theirs = sides()
    op.reparent_process(ours, "proc_1", "proc_3")
    op.reparent_process(theirs, "proc_3", "proc_1")
    result = valid(merge(base, ours.arch, theirs.arch))
    assert result.model.processes["proc_1"].parent == "proc_3"
    assert result.model.processes["proc_3"].parent is None
    assert summary(result) == [("process", "proc_3", "parent", False, True)]


def test_same_id_added_for_different_kinds_of_element() -> None:
    base, ours, theirs = sides()
    op.add_unit(ours, "Legal", uid="x_1")
    op.add_person(theirs, "Eva", person_id="x_1")
    op.set_owner(theirs, "proc_1", "x_1")
    result = valid(merge(base, ours.arch, theirs.arch))
    assert result.renumbered == {"x_1": "x_2"}
    assert result.model.units["x_1"].name == "Legal"
    assert result.model.people["x_2"].name == "Eva"
    assert result.model.processes["proc_1"].owner == "x_2"
