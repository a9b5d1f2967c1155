"""Composite edits: several operations as one undo entry with one readable label, and
what they leave alone."""

from __future__ import annotations

import pytest

from procmodeler.edit import Editor, composite
from procmodeler.edit import operations as op
from procmodeler.model import Bounds
from tests.edit.test_operations import label, undoes


@pytest.fixture
def ed() -> Editor:
    ed = Editor()
    op.create_process(ed, "Leda", "management", pid="A", bounds=Bounds(40, 40, 160, 70))
    op.create_process(ed, "Leverera", "core", pid="B", bounds=Bounds(300, 240, 160, 70))
    op.create_process(ed, "Stödja", "support", pid="C", bounds=Bounds(40, 440, 160, 70))
    op.create_process(ed, "Del ett", "core", parent="B", pid="B1", bounds=Bounds(0, 0, 160, 70))
    op.create_process(ed, "Del två", "core", parent="B", pid="B2", place=False)
    op.create_process(ed, "Detalj", "core", parent="B1", pid="B11", place=False)
    op.connect(ed, "A", "B", rid="R1")
    op.connect(ed, "B", "C", rid="R2")
    return ed


def test_delete_elements_mixed_is_one_entry(ed: Editor) -> None:
    undoes(ed, composite.delete_elements, ["C"], ["R1"])
    assert "C" not in ed.arch.processes and "R1" not in ed.arch.relations
    assert "R2" not in ed.arch.relations  # went with its process
    assert label(ed) == "Delete 2 elements"


def test_delete_elements_only_relations_or_only_processes(ed: Editor) -> None:
    composite.delete_elements(ed, [], ["R1"])
    assert "R1" not in ed.arch.relations and "A" in ed.arch.processes
    composite.delete_elements(ed, ["A"], [])
    assert "A" not in ed.arch.processes
    history = len(ed.history())
    composite.delete_elements(ed, [], [])
    assert len(ed.history()) == history  # nothing to do: no undo entry


def test_set_process_kinds_moves_into_bands_in_one_entry(ed: Editor) -> None:
    changed = undoes(ed, composite.set_process_kinds, ["A", "C", "B"], "core")
    assert changed == ["A", "C"]  # B was core already
    assert {ed.arch.processes[p].kind for p in "ABC"} == {"core"}
    assert label(ed) == "Change kind of 'Leda'"
    history = len(ed.history())
    assert composite.set_process_kinds(ed, ["A", "gone"], "core") == []
    assert len(ed.history()) == history


def test_set_relation_kinds(ed: Editor) -> None:
    assert undoes(ed, composite.set_relation_kinds, ["R1", "R2"], "support") == [
        "R1",
        "R2",
    ]
    assert {ed.arch.relations[r].kind for r in ("R1", "R2")} == {"support"}
    assert label(ed) == "Edit relation"


def test_reparent_processes_keeps_a_child_under_a_moved_parent(ed: Editor) -> None:
    moved = undoes(ed, composite.reparent_processes, ["B1", "B11", "B2"], "A")
    assert moved == ["B1", "B2"]  # B11 goes along under B1
    assert ed.arch.processes["B1"].parent == "A" and ed.arch.processes["B11"].parent == "B1"
    assert label(ed) == "Move 'Del ett' to another level"
    assert composite.reparent_processes(ed, ["B1"], "A") == []


def test_place_unplaced_gives_free_spots_on_the_grid(ed: Editor) -> None:
    placed = undoes(ed, composite.place_unplaced, "B")
    assert placed == ["B2"]
    shapes = ed.arch.shapes["B"]
    assert set(shapes) == {"B1", "B2"}
    b1, b2 = shapes["B1"], shapes["B2"]
    assert b2.x >= b1.x + b1.w  # beside, not on top
    assert b2.x % 10 == 0 and b2.y % 10 == 0
    assert composite.place_unplaced(ed, "B") == []


def test_deletion_scope_counts_what_goes_with_the_processes() -> None:
    """Issue 19 item 4: the delete question's figures."""
    from procmodeler.edit.composite import DeletionScope, deletion_scope

    ed = Editor()
    a = op.create_process(ed, "A", "core")
    b = op.create_process(ed, "B", "core")
    a1 = op.create_process(ed, "A1", "core", parent=a)
    a2 = op.create_process(ed, "A2", "core", parent=a)
    a11 = op.create_process(ed, "A11", "core", parent=a1)
    unit = op.add_unit(ed, "Sales")
    other = op.add_unit(ed, "IT")
    r1 = op.connect(ed, a, b, "flow")
    op.connect(ed, a1, a2, "flow")
    op.connect(ed, a11, b, "support")
    op.set_participation(ed, a, unit, "A")
    op.set_participation(ed, a1, unit, "R")
    op.set_participation(ed, a1, other, "C")
    op.add_kpi(ed, a2, "Lead time", "lead_time")
    arch = ed.arch
    assert deletion_scope(arch, [a], []) == DeletionScope(3, 3, 3, 1)
    assert deletion_scope(arch, [a], [r1]) == DeletionScope(3, 2, 3, 1)  # r1 chosen itself
    assert deletion_scope(arch, [a, a1], []) == DeletionScope(2, 3, 3, 1)  # a1 chosen itself
    assert not deletion_scope(arch, [], [r1])
    lone = op.create_process(ed, "Lone", "core")
    assert not deletion_scope(ed.arch, [lone], [])


def test_set_processes_fields_is_one_undo_entry() -> None:
    ed = Editor()
    a = op.create_process(ed, "A", "core", bounds=Bounds(0.0, 200.0, 160.0, 70.0))
    b = op.create_process(ed, "B", "support", bounds=Bounds(200.0, 400.0, 160.0, 70.0))
    unit = op.add_unit(ed, "IT")
    anna = op.add_person(ed, "Anna", unit)
    before = ed.arch.copy()
    changed = composite.set_processes_fields(ed, [a, b], owner=anna, kind="support")
    assert changed == [a, b]
    assert {p.owner for p in ed.arch.processes.values()} == {anna}
    assert ed.undo_label().text() == "Edit 2 processes"
    assert composite.set_processes_fields(ed, [a, b], owner=anna) == []
    ed.undo()
    assert ed.arch == before


def test_set_relations_fields_is_one_undo_entry() -> None:
    ed = Editor()
    a, b, c = (op.create_process(ed, n, "core") for n in "ABC")
    r1 = op.connect(ed, a, b, "flow")
    r2 = op.connect(ed, b, c, "support")
    before = ed.arch.copy()
    assert composite.set_relations_fields(ed, [r1, r2], kind="steering", object="Plan") == [r1, r2]
    assert ed.undo_label().text() == "Edit 2 relations"
    ed.undo()
    assert ed.arch == before
