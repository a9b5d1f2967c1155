"""Shapes arranged in swimlanes: each goes into the lane of its accountable unit (else
responsible, else any taking part), in a left-to-right flow; nothing moves without
lanes."""

from __future__ import annotations

from procmodeler.edit import Editor
from procmodeler.edit import operations as op
from procmodeler.model import Bounds
from procmodeler.notation.geometry import lanes
from procmodeler.notation.lanelayout import arranged_in_lanes, lane_unit


def test_lane_unit_prefers_accountable_then_responsible_then_any() -> None:
    index = {"U1": 0, "U2": 1, "U3": 2}
    assert lane_unit({"U1": "R", "U2": "A"}, index) == "U2"
    assert lane_unit({"U1": "C", "U2": "R"}, index) == "U2"
    assert lane_unit({"U3": "I"}, index) == "U3"
    assert lane_unit({"U9": "A"}, index) is None  # no lane for that unit
    assert lane_unit({}, index) is None


def _model(swimlanes: bool) -> Editor:
    ed = Editor()
    op.add_unit(ed, "Sales", uid="U1")
    op.add_unit(ed, "Stock", uid="U2")
    op.create_process(ed, "Deliver", pid="P", bounds=Bounds(0, 0, 160, 70))
    op.set_participation(ed, "P", "U1", "R")
    op.set_participation(ed, "P", "U2", "R")
    op.create_process(ed, "Sell", parent="P", pid="A", bounds=Bounds(100, 10, 160, 70))
    op.create_process(ed, "Pick", parent="P", pid="B", bounds=Bounds(400, 10, 160, 70))
    op.set_participation(ed, "A", "U1", "A")
    op.set_participation(ed, "B", "U1", "R")
    op.set_participation(ed, "B", "U2", "A")
    op.set_diagram_options(ed, "P", swimlanes, ())
    return ed


def test_shapes_go_into_their_lanes_in_a_left_to_right_flow() -> None:
    ed = _model(True)
    op.connect(ed, "A", "B", "flow", "Order")
    moved = arranged_in_lanes(ed.arch, "P")
    assert set(moved) == {"A", "B"}
    op.set_shape_bounds(ed, "P", moved)
    by_unit = {lane.unit: lane.bounds for lane in lanes(ed.arch, "P")}
    # Sell (accountable: Sales) and Pick (accountable: Stock) sit in their lanes
    for pid, unit in (("A", "U1"), ("B", "U2")):
        b = ed.arch.shapes["P"][pid]
        lane = by_unit[unit]
        assert lane.y <= b.y and b.y + b.h <= lane.y + lane.h
    # the flow goes left to right, a column per step, from the leftmost shape's x
    a, b = ed.arch.shapes["P"]["A"], ed.arch.shapes["P"]["B"]
    assert a.x == 100 and b.x > a.x + a.w
    assert arranged_in_lanes(ed.arch, "P") == {}  # settled


def test_processes_without_flows_share_the_first_column() -> None:
    ed = _model(True)
    moved = arranged_in_lanes(ed.arch, "P")
    assert moved["A"].x == moved["B"].x == 100


def test_nothing_moves_without_lanes() -> None:
    assert arranged_in_lanes(_model(False).arch, "P") == {}
    assert arranged_in_lanes(_model(True).arch, None) == {}
