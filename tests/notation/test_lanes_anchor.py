"""Swimlanes start at the diagram's origin, so moving a shape into another lane does
not move the lanes (the canvas's "Arrange in Lanes" relies on it)."""

from __future__ import annotations

from procmodeler.edit import operations as op
from procmodeler.edit.editor import Editor
from procmodeler.model import Bounds
from procmodeler.notation.geometry import lanes


def _sub_level() -> tuple[Editor, str, list[str], list[str]]:
    ed = Editor()
    parent = op.create_process(ed, "Deliver", "core")
    units = [op.add_unit(ed, name) for name in ("Sales", "Production", "Logistics")]
    for uid in units:
        op.set_participation(ed, parent, uid, "R")
    kids = [
        op.create_process(
            ed, f"Step {i}", "core", parent=parent, bounds=Bounds(40 + 200 * i, 40, 160, 70)
        )
        for i in range(3)
    ]
    op.set_diagram_options(ed, parent, True)
    return ed, parent, units, kids


def test_lanes_do_not_move_when_a_shape_moves_into_a_lower_lane() -> None:
    ed, parent, units, kids = _sub_level()
    before = lanes(ed.arch, parent)
    assert [lane.bounds.y for lane in before] == [0.0, 120.0, 240.0]
    target = before[2].bounds
    op.move_shapes(ed, parent, [kids[0]], 0, target.y + 25 - 40)
    after = lanes(ed.arch, parent)
    assert [lane.bounds.y for lane in after] == [0.0, 120.0, 240.0]
    b = ed.arch.shapes[parent][kids[0]]
    assert after[2].bounds.y <= b.y and b.y + b.h <= after[2].bounds.y + after[2].bounds.h


def test_lanes_cover_shapes_above_the_origin_and_grow_for_tall_content() -> None:
    ed, parent, units, kids = _sub_level()
    op.move_shapes(ed, parent, [kids[1]], 0, -140)  # y = -100
    op.move_shapes(ed, parent, [kids[2]], 0, 500)  # y = 540
    result = lanes(ed.arch, parent)
    top, bottom = result[0].bounds, result[-1].bounds
    assert top.y == -120.0
    assert bottom.y + bottom.h >= 540 + 70 + 20
    heights = {lane.bounds.h for lane in result}
    assert len(heights) == 1 and heights.pop() >= 120.0
