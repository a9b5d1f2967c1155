"""Impact.of: what a transaction, undo or redo changed, in the terms the views use."""

from __future__ import annotations

from procmodeler.edit import Editor
from procmodeler.edit import operations as op
from procmodeler.edit.impact import Impact
from procmodeler.model import Bounds
from procmodeler.model.events import Committed


def _editor() -> tuple[Editor, list[Committed]]:
    ed = Editor()
    op.add_unit(ed, "Sales", uid="U1")
    op.add_unit(ed, "North", parent="U1", uid="U2")
    op.add_person(ed, "Anna", unit="U1", person_id="P1")
    op.create_process(ed, "Sell", pid="A", bounds=Bounds(0, 0, 160, 70))
    op.create_process(ed, "Ship", pid="B", bounds=Bounds(300, 0, 160, 70))
    op.create_process(ed, "Offer", parent="A", pid="A1", bounds=Bounds(0, 0, 160, 70))
    op.connect(ed, "A", "B", rid="R1")
    events: list[Committed] = []
    ed.subscribe(events.append)
    return ed, events


def last(ed: Editor, events: list[Committed]) -> Impact:
    return Impact.of(events[-1], ed.arch)


def test_nothing_changed_is_an_empty_impact() -> None:
    ed, _ = _editor()
    imp = Impact.of((), ed.arch)
    assert not imp.processes and not imp.tree and not imp.geometry and not imp.metadata
    assert not imp.elements


def test_geometry_only_changes_no_element() -> None:
    ed, events = _editor()
    op.move_shapes(ed, None, ["A", "B"], 10, 0)
    imp = last(ed, events)
    assert imp.shapes_at(None) == {"A", "B"} and imp.geometry == {None}
    assert not imp.elements and not imp.processes


def test_a_rename_is_not_a_tree_change() -> None:
    ed, events = _editor()
    op.rename_process(ed, "A1", "Make offer")
    imp = last(ed, events)
    assert imp.processes == {"A1"} and imp.parents == {"A"}
    assert not imp.tree and not imp.kinds and not imp.unit_tree


def test_create_delete_and_reparent_change_the_tree() -> None:
    ed, events = _editor()
    op.create_process(ed, "Invoice", pid="C")
    imp = last(ed, events)
    assert imp.tree and imp.kinds == {"C"} and imp.shapes_at(None) == {"C"}
    op.reparent_process(ed, "C", "A")
    imp = last(ed, events)
    assert imp.tree and imp.parents == {"A"} and None in imp.geometry and "A" in imp.geometry
    ed.undo()
    assert last(ed, events).tree  # undo reports the same kind of change


def test_kind_change_and_bands() -> None:
    ed, events = _editor()
    op.set_process_kind(ed, "B", "support")
    imp = last(ed, events)
    assert imp.kinds == {"B"} and not imp.tree


def test_relations_and_their_ends() -> None:
    ed, events = _editor()
    op.set_relation(ed, "R1", source="B", target="A")
    imp = last(ed, events)
    assert imp.relations == {"R1"} and imp.relation_ends == {"A", "B"}
    op.set_waypoints(ed, None, "R1", [(200.0, 100.0)])
    imp = last(ed, events)
    assert imp.waypoints_at(None) == {"R1"} and imp.geometry == {None}


def test_units_people_and_who_they_staff() -> None:
    ed, events = _editor()
    op.rename_unit(ed, "U2", "Norr")
    imp = last(ed, events)
    assert imp.units == {"U2"} and not imp.unit_tree
    op.move_unit(ed, "U2", None)
    assert last(ed, events).unit_tree
    op.set_owner(ed, "B", "P1")
    op.rename_person(ed, "P1", "Anna Berg")
    imp = last(ed, events)
    assert imp.people == {"P1"} and imp.staffed == {"B"}


def test_kpis_participation_diagrams_metadata_rules() -> None:
    ed, events = _editor()
    kid = op.add_kpi(ed, "A", "Lead time")
    imp = last(ed, events)
    assert imp.kpis == {kid} and imp.kpi_processes == {"A"}
    op.set_participation(ed, "A", "U1", "A")
    assert last(ed, events).participation == {("A", "U1")}
    assert last(ed, events).participation_processes == {"A"}
    op.set_diagram_options(ed, "A", True, ())
    assert last(ed, events).diagrams == {"A"} and last(ed, events).geometry == {"A"}
    op.set_metadata(ed, name="Model")
    assert last(ed, events).metadata
    op.set_rule(ed, "owner-missing", "off")
    assert last(ed, events).rules
