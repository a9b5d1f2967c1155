"""Each editing operation: what it changes, its undo label, one undo restoring it, and
the refusals (with a reason a user can read, and nothing changed)."""

from __future__ import annotations

from typing import Any

import pytest

from procmodeler.common.errors import EditRefused
from procmodeler.common.i18n import Message, translator
from procmodeler.edit import Editor
from procmodeler.edit import operations as op
from procmodeler.model import Bounds, DiagramOptions, Kpi, Person, Relation, Unit
from procmodeler.notation.diagramcheck import is_orthogonal

SV = translator("sv")


@pytest.fixture
def ed() -> Editor:
    ed = Editor()
    op.add_unit(ed, "Förvaltning", uid="U1")
    op.add_unit(ed, "Enhet", parent="U1", uid="U2")
    op.add_person(ed, "Karin", unit="U1", title="Chef", person_id="P1")
    op.add_person(ed, "Johan", unit="U2", person_id="P2")
    op.create_process(ed, "Leda", "management", pid="A", bounds=Bounds(40, 40, 160, 70))
    op.create_process(ed, "Leverera", "core", pid="B", bounds=Bounds(300, 40, 160, 70))
    op.create_process(ed, "Del ett", "core", parent="B", pid="B1")
    op.create_process(ed, "Del två", "core", parent="B", pid="B2")
    op.create_process(ed, "Detalj", "core", parent="B1", pid="B11")
    return ed


def refused(ed: Editor, fn: Any, *args: Any, match: str = "", **kwargs: Any) -> str:
    """Run a refused operation: nothing changes and no undo entry appears."""
    before = ed.arch.snapshot()
    history = len(ed.history())
    with pytest.raises(EditRefused) as info:
        fn(ed, *args, **kwargs)
    assert ed.arch.snapshot() == before and len(ed.history()) == history
    text = info.value.lines()[0]
    assert match in text, text
    return text


def undoes(ed: Editor, fn: Any, *args: Any, **kwargs: Any) -> Any:
    """Run an operation as one undo entry; undo restores the model, redo the result."""
    before = ed.arch.snapshot()
    history = len(ed.history())
    result = fn(ed, *args, **kwargs)
    after = ed.arch.snapshot()
    assert after != before and len(ed.history()) == history + 1
    ed.undo()
    assert ed.arch.snapshot() == before
    ed.redo()
    assert ed.arch.snapshot() == after
    return result


def label(ed: Editor, lang: str = "en") -> str:
    message = ed.undo_label()
    assert message is not None
    return message.text(translator(lang))


# ---------------------------------------------------------------------- metadata
def test_set_metadata(ed: Editor) -> None:
    undoes(ed, op.set_metadata, name="  Mo\u0308del ", language="sv")
    assert ed.arch.meta.name == "M\u00f6del" and ed.arch.meta.language == "sv"
    assert label(ed, "sv") == "Ändra arkitekturens egenskaper"
    refused(ed, op.set_metadata, colour="red", match="Unknown property 'colour'")
    refused(ed, op.set_metadata, language="de", match="'de' is not a valid language")


# ---------------------------------------------------------------------- processes
def test_create_process(ed: Editor) -> None:
    pid = undoes(ed, op.create_process, "Ny  process", "support", parent="B", customer=" Kund ")
    proc = ed.arch.processes[pid]
    assert pid == "proc_1" and proc.name == "Ny process" and proc.customer == "Kund"
    assert proc.parent == "B" and pid in ed.arch.shapes["B"]
    assert label(ed) == "Create process 'Ny process'"
    unplaced = op.create_process(ed, "Utan figur", place=False)
    assert not ed.arch.levels_showing(unplaced)
    refused(ed, op.create_process, "  ", match="A name cannot be empty")
    refused(ed, op.create_process, "X", "main", match="'main' is not a valid process kind")
    refused(ed, op.create_process, "X", parent="nope", match="There is no process 'nope'")
    refused(ed, op.create_process, "X", pid="1x", match="'1x' is not a valid identifier")
    refused(ed, op.create_process, "X", pid="U1", match="The identifier 'U1' is already in use")
    refused(ed, op.create_process, "X", owner="nobody", match="There is no person 'nobody'")


def test_new_process_without_position_goes_into_its_band_on_a_free_spot(ed: Editor) -> None:
    pid = op.create_process(ed, "Next", pid="C")  # core, like B at (300, 40)
    placed = ed.arch.shapes[None][pid]
    assert placed == Bounds(490, 40, 160, 70)  # right of B, same row, on the grid
    sub = op.create_process(ed, "Stöd", "support", pid="S")
    below = ed.arch.shapes[None][sub]
    assert below.y > 40 + 70  # the support band lies below the others
    others = [b for p, b in ed.arch.shapes[None].items() if p != sub]
    assert all(
        b.x + b.w <= below.x or below.x + below.w <= b.x or b.y + b.h <= below.y for b in others
    )


def test_set_process_fields_and_labels(ed: Editor) -> None:
    undoes(ed, op.rename_process, "B", "Leverera allt")
    assert label(ed) == "Rename 'Leverera' to 'Leverera allt'"
    undoes(ed, op.set_process_kind, "B", "support")
    assert label(ed, "sv") == "Ändra typ för 'Leverera allt'"
    undoes(
        ed, op.set_process_fields, "B", objects_in=[" a ", "", "b"], status="approved", leader="P2"
    )
    proc = ed.arch.processes["B"]
    assert proc.objects_in == ("a", "b") and proc.status == "approved" and proc.leader == "P2"
    assert label(ed) == "Edit 'Leverera allt'"
    history = len(ed.history())
    op.set_process_fields(ed, "B", status="approved")  # no change: no undo entry
    assert len(ed.history()) == history
    refused(ed, op.set_process_fields, "B", colour="red", match="Unknown property 'colour'")
    refused(ed, op.set_process_fields, "B", status="done", match="'done' is not a valid status")
    refused(ed, op.set_process_fields, "Z", name="x", match="There is no process 'Z'")


def test_owner_and_leader(ed: Editor) -> None:
    undoes(ed, op.set_owner, "B", "P1")
    assert ed.arch.processes["B"].owner == "P1" and label(ed) == "Set owner of 'Leverera'"
    undoes(ed, op.set_leader, "B", "P2")
    assert ed.arch.processes["B"].leader == "P2"
    undoes(ed, op.set_owner, "B", None)
    assert ed.arch.processes["B"].owner is None
    refused(ed, op.set_owner, "B", "U1", match="There is no person 'U1'")
    refused(ed, op.set_leader, "nope", "P1", match="There is no process 'nope'")


def test_delete_process_takes_everything_with_it_in_one_step(ed: Editor) -> None:
    arch = ed.arch
    op.connect(ed, "A", "B1", "steering", rid="r1")
    op.connect(ed, "B11", "B2", "flow", rid="r2")
    op.connect(ed, "A", "B", "steering", rid="r3", waypoints={None: [(10, 10)]})
    op.set_waypoints(ed, "B", "r2", [(1, 2)])
    op.set_participation(ed, "B1", "U1", "RA")
    op.add_kpi(ed, "B11", "Ledtid", "lead_time", kid="k1")
    op.suppress_finding(ed, "orphan.isolated", ["B11"], "ok")
    op.set_diagram_options(ed, "B1", True)
    undoes(ed, op.delete_processes, ["B1"])
    assert set(arch.processes) == {"A", "B", "B2"}
    assert set(arch.relations) == {"r3"} and arch.waypoints == {None: {"r3": ((10.0, 10.0),)}}
    assert not arch.participation and not arch.kpis and not arch.suppressions
    assert "B1" not in arch.diagrams and "B1" not in arch.shapes and "B1" not in arch.shapes["B"]
    assert label(ed) == "Delete 'Del ett'"
    undoes(ed, op.delete_processes, ["A", "B", "B2", "ghost"])
    assert not arch.processes and not arch.relations and not arch.shapes and not arch.waypoints
    assert label(ed) == "Delete 2 processes" and label(ed, "sv") == "Ta bort 2 processer"
    history = len(ed.history())
    op.delete_processes(ed, ["ghost"])
    assert len(ed.history()) == history


def test_reparent_process(ed: Editor) -> None:
    op.connect(ed, "B1", "B2", rid="r1")
    op.set_waypoints(ed, "B", "r1", [(5, 5)])
    undoes(ed, op.reparent_process, "B1", None)
    arch = ed.arch
    assert arch.processes["B1"].parent is None and "B1" in arch.shapes[None]
    assert "B1" not in arch.shapes.get("B", {}) and not arch.waypoints
    assert arch.processes["B11"].parent == "B1"  # descendants come along
    assert label(ed) == "Move 'Del ett' to another level"
    refused(ed, op.reparent_process, "B", "B", match="which is part of it")
    refused(ed, op.reparent_process, "B1", "B11", match="'Del ett' cannot be moved under 'Detalj'")
    refused(ed, op.reparent_process, "B1", "ghost", match="There is no process 'ghost'")


# ---------------------------------------------------------------------- geometry
def test_move_shapes_with_bend_points(ed: Editor) -> None:
    op.connect(ed, "A", "B", rid="r1", waypoints={None: [(100, 100)]})
    undoes(ed, op.move_shapes, None, ["A", "B", "ghost"], 10, -5)
    assert ed.arch.shapes[None]["A"] == Bounds(50, 35, 160, 70)
    assert ed.arch.waypoints[None]["r1"] == ((110.0, 95.0),)
    assert label(ed) == "Move 2 processes" and label(ed, "sv") == "Flytta 2 processer"
    undoes(ed, op.move_shapes, None, ["A"], 1, 0)
    # one end only: the line is routed anew, orthogonally, from outline to outline
    route = ed.arch.waypoints[None]["r1"]
    assert route != ((110.0, 95.0),) and is_orthogonal(route) and len(route) >= 2
    assert label(ed) == "Move 'Leda'"
    refused(ed, op.move_shapes, None, ["A"], float("nan"), 0, match="finite numbers")


def test_set_and_remove_shapes(ed: Editor) -> None:
    undoes(ed, op.set_shape_bounds, None, {"A": Bounds(0, 0, 200, 100)})
    assert label(ed) == "Resize 'Leda'"
    refused(ed, op.set_shape_bounds, None, {"B1": Bounds(0, 0, 10, 10)}, match="does not belong")
    refused(ed, op.set_shape_bounds, None, {"A": Bounds(0, 0, 0, 10)}, match="positive width")
    refused(ed, op.set_shape_bounds, None, {"A": Bounds(0, float("inf"), 1, 1)}, match="finite")
    undoes(ed, op.remove_shapes, "B", ["B1", "B2"])
    assert "B" not in ed.arch.shapes and label(ed) == "Remove 2 shapes"
    undoes(ed, op.set_shape_bounds, "B", {"B1": Bounds(1, 2, 3, 4), "B2": Bounds(5, 6, 7, 8)})
    assert label(ed) == "Place 2 processes"


def test_waypoints_and_diagram_options(ed: Editor) -> None:
    op.connect(ed, "A", "B", rid="r1")
    undoes(ed, op.set_waypoints, None, "r1", [(1, 2), (3, 4)])
    assert ed.arch.waypoints[None]["r1"] == ((1.0, 2.0), (3.0, 4.0))
    undoes(ed, op.set_waypoints, None, "r1", [])
    assert None not in ed.arch.waypoints
    refused(ed, op.set_waypoints, "ghost", "r1", [(1, 2)], match="There is no diagram of 'ghost'")
    refused(ed, op.set_waypoints, None, "r9", [(1, 2)], match="There is no relation 'r9'")
    undoes(ed, op.set_diagram_options, "B", True, ["U2", "U1"])
    assert ed.arch.diagrams["B"] == DiagramOptions(True, ("U2", "U1"))
    undoes(ed, op.set_diagram_options, "B", False)
    assert "B" not in ed.arch.diagrams  # default options are not stored
    refused(ed, op.set_diagram_options, None, True, ["U9"], match="There is no unit 'U9'")
    refused(ed, op.set_diagram_options, "ghost", True, match="There is no diagram")


# ---------------------------------------------------------------------- relations
def test_connect_disconnect_and_set_relation(ed: Editor) -> None:
    rid = undoes(ed, op.connect, "A", "B", "steering", " Plan ")
    assert ed.arch.relations[rid] == Relation("rel_1", "A", "B", "steering", "Plan")
    assert label(ed) == "Connect 'Leda' to 'Leverera'"
    refused(ed, op.connect, "A", "A", match="cannot be related to itself")
    refused(ed, op.connect, "A", "B", "uses", match="'uses' is not a valid relation kind")
    refused(ed, op.connect, "A", "Z", match="There is no process 'Z'")
    refused(ed, op.connect, "A", "B", waypoints={"ghost": [(1, 1)]}, match="no diagram")
    op.set_waypoints(ed, None, rid, [(7, 7)])
    undoes(ed, op.set_relation, rid, kind="flow", object="Beslut")
    assert ed.arch.relations[rid].kind == "flow" and ed.arch.waypoints[None][rid]
    undoes(ed, op.set_relation, rid, target="B1")
    assert ed.arch.relations[rid].target == "B1" and not ed.arch.waypoints  # new ends: straight
    refused(ed, op.set_relation, rid, source="B1", match="cannot be related to itself")
    refused(ed, op.set_relation, rid, colour="red", match="Unknown property")
    refused(ed, op.set_relation, "nope", kind="flow", match="There is no relation 'nope'")
    undoes(ed, op.disconnect, [rid, "ghost"])
    assert not ed.arch.relations and label(ed) == "Delete 1 relation"


# ---------------------------------------------------------------------- participation
def test_set_participation(ed: Editor) -> None:
    undoes(ed, op.set_participation, "B", "U1", "i, c a")
    assert ed.arch.participation[("B", "U1")] == "ACI"
    assert label(ed) == "Set participation of 'Förvaltning' in 'Leverera'"
    undoes(ed, op.set_participation, "B", "U2", "")
    assert ed.arch.participation[("B", "U2")] == ""
    undoes(ed, op.set_participation, "B", "U1", None)
    assert ("B", "U1") not in ed.arch.participation
    refused(ed, op.set_participation, "B", "U1", "RX", match="'X' is not a RACI letter")
    refused(ed, op.set_participation, "B", "P1", "R", match="There is no unit 'P1'")


# ---------------------------------------------------------------------- units
def test_units(ed: Editor) -> None:
    uid = undoes(ed, op.add_unit, "Ny enhet", parent="U2", head="P2")
    assert ed.arch.units[uid] == Unit("unit_1", "Ny enhet", "U2", "P2")
    undoes(ed, op.rename_unit, uid, "Omdöpt")
    assert label(ed) == "Rename 'Ny enhet' to 'Omdöpt'"
    undoes(ed, op.move_unit, uid, None)
    assert ed.arch.units[uid].parent is None
    undoes(ed, op.set_unit_head, uid, None)
    refused(ed, op.move_unit, "U1", "U2", match="'Förvaltning' cannot be moved under 'Enhet'")
    refused(ed, op.add_unit, "X", parent="U9", match="There is no unit 'U9'")
    refused(ed, op.add_unit, "X", head="U1", match="There is no person 'U1'")
    refused(ed, op.rename_unit, "U1", " ", match="A name cannot be empty")


def test_delete_unit_refused_while_referenced_then_forced(ed: Editor) -> None:
    op.set_participation(ed, "B", "U1", "A")
    op.set_diagram_options(ed, None, True, ["U1", "U2"])
    text = refused(ed, op.delete_unit, "U1", match="'Förvaltning' is still referred to")
    assert (
        "sub-unit 'Enhet'" in text
        and "member 'Karin'" in text
        and "takes part in 'Leverera'" in text
    )
    undoes(ed, op.delete_unit, "U1", force=True)
    arch = ed.arch
    assert "U1" not in arch.units and arch.units["U2"].parent is None
    assert arch.people["P1"].unit is None and not arch.participation
    assert arch.diagrams[None].lane_order == ("U2",)
    assert label(ed, "sv") == "Ta bort enheten 'Förvaltning'"
    op.add_unit(ed, "Tom", uid="U9")
    undoes(ed, op.delete_unit, "U9")  # not referenced: no force needed


# ---------------------------------------------------------------------- people
def test_people(ed: Editor) -> None:
    pid = undoes(ed, op.add_person, " Anna ", unit="U2", title=" Handläggare ")
    assert ed.arch.people[pid] == Person("person_1", "Anna", "U2", "Handläggare")
    undoes(ed, op.set_person_fields, pid, unit=None, title="Chef")
    assert ed.arch.people[pid] == Person("person_1", "Anna", None, "Chef")
    undoes(ed, op.rename_person, pid, "Anna B")
    refused(ed, op.set_person_fields, pid, unit="U9", match="There is no unit 'U9'")
    refused(ed, op.set_person_fields, pid, email="x", match="Unknown property 'email'")
    refused(ed, op.add_person, "X", unit="P1", match="There is no unit 'P1'")


def test_delete_person_refused_while_referenced_then_forced(ed: Editor) -> None:
    op.set_owner(ed, "B", "P1")
    op.set_leader(ed, "A", "P1")
    op.set_unit_head(ed, "U1", "P1")
    text = refused(ed, op.delete_person, "P1", match="'Karin' is still referred to")
    assert (
        "owner of 'Leverera'" in text
        and "leader of 'Leda'" in text
        and "head of 'Förvaltning'" in text
    )
    undoes(ed, op.delete_person, "P1", force=True)
    arch = ed.arch
    assert "P1" not in arch.people and arch.processes["B"].owner is None
    assert arch.processes["A"].leader is None and arch.units["U1"].head is None


# ---------------------------------------------------------------------- KPIs
def test_kpis(ed: Editor) -> None:
    kid = undoes(ed, op.add_kpi, "B", "Ledtid", "lead_time", measure=" dagar ", target="28")
    assert ed.arch.kpis[kid] == Kpi("kpi_1", "B", "Ledtid", "lead_time", "dagar", "lower", 28.0)
    assert op.add_kpi(ed, "B", "NKI", "customer_experience") == "kpi_2"
    assert ed.arch.kpis["kpi_2"].direction == "higher"
    undoes(ed, op.set_kpi, kid, actual=30.5, direction="higher")
    assert ed.arch.kpis[kid].actual == 30.5 and label(ed) == "Edit KPI 'Ledtid'"
    refused(ed, op.add_kpi, "Z", "X", match="There is no process 'Z'")
    refused(ed, op.add_kpi, "B", "X", "speed", match="'speed' is not a valid KPI kind")
    refused(ed, op.set_kpi, kid, direction="up", match="'up' is not a valid direction")
    refused(ed, op.set_kpi, kid, target="ten", match="'ten' is not a number")
    refused(ed, op.set_kpi, kid, target=float("nan"), match="is not a number")
    refused(ed, op.set_kpi, "k9", target=1, match="There is no KPI 'k9'")
    undoes(ed, op.delete_kpi, kid)
    assert kid not in ed.arch.kpis and label(ed) == "Delete KPI 'Ledtid'"


# ---------------------------------------------------------------------- rules
def test_rule_settings_and_suppressions(ed: Editor) -> None:
    undoes(ed, op.set_rule, "orphan.isolated", "off")
    assert ed.arch.rules == {"orphan.isolated": "off"}
    undoes(ed, op.set_rule, "orphan.isolated", None)
    assert ed.arch.rules == {}
    refused(ed, op.set_rule, "orphan.isolated", "loud", match="'loud' is not a valid rule setting")
    undoes(ed, op.suppress_finding, "kpi.no-target", ["B"], " Mäts inte än ")
    assert ed.arch.suppressions == {("kpi.no-target", ("B",)): "Mäts inte än"}
    assert label(ed, "sv") == "Undanta anmärkning för 'kpi.no-target'"
    refused(ed, op.suppress_finding, "kpi.no-target", ["A"], "  ", match="needs a justification")
    undoes(ed, op.unsuppress_finding, "kpi.no-target", ["B"])
    assert not ed.arch.suppressions


def test_failed_operation_inside_a_transaction_rolls_back(ed: Editor) -> None:
    before = ed.arch.snapshot()
    with pytest.raises(EditRefused), ed.transaction(Message("Two steps")):
        op.rename_process(ed, "A", "Ny")
        op.rename_process(ed, "A", "")
    assert ed.arch.snapshot() == before and not ed.can_redo()


def test_kind_change_moves_a_landscape_shape_into_its_band() -> None:
    ed = Editor()
    steer = op.create_process(ed, "Steer", kind="management", bounds=Bounds(100, 0, 160, 60))
    deliver = op.create_process(ed, "Deliver", bounds=Bounds(100, 120, 160, 70))
    support = op.create_process(ed, "Support", kind="support", bounds=Bounds(100, 260, 160, 60))
    child = op.create_process(ed, "Child", parent=deliver, bounds=Bounds(0, 0, 160, 70))
    op.connect(ed, deliver, support, "flow", waypoints={None: [(300, 200)]})
    before = ed.arch.snapshot()

    op.set_process_kind(ed, deliver, "management")
    moved = ed.arch.shapes[None][deliver]
    assert moved.y == ed.arch.shapes[None][steer].y  # now in the management band ...
    assert moved.x >= 100 + 160  # ... right of the process already there
    assert ed.arch.waypoints == {}  # bends drawn for the old place are dropped
    assert len(ed.history()) == 6  # 4 creates, 1 connect, one entry for kind and move

    op.set_process_kind(ed, child, "support")  # not on the landscape: stays where it is
    assert ed.arch.shapes[deliver][child] == Bounds(0, 0, 160, 70)

    ed.undo()
    ed.undo()
    assert ed.arch.snapshot() == before
