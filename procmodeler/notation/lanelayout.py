"""Shapes arranged in swimlanes, Qt-free: the lane a process belongs in (its
accountable unit, else a responsible one, else any taking part) and where each shape of
a sub-process diagram goes so that it sits in that lane."""

from __future__ import annotations

from collections.abc import Mapping

from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import Bounds, snap
from procmodeler.notation.autolayout import flow_order
from procmodeler.notation.geometry import lanes

LANE_GAP_X = 150.0  # between the columns of a flow in lanes: an arrow and its name


def lane_unit(participation: Mapping[str, str], lanes_by_unit: Mapping[str, int]) -> str | None:
    """The lane a process belongs in: its accountable unit, else a responsible one, else
    any unit taking part that has a lane (None when no unit has one)."""
    for letter in ("A", "R", ""):
        for unit, letters in participation.items():
            if unit in lanes_by_unit and letter in letters:
                return unit
    return None


def flow_columns(
    arch: Architecture, level: str, lane_of: Mapping[str, str | None]
) -> dict[str, int]:
    """The column of each shape of *level* for a left-to-right flow in lanes: the
    layers of the flows (as the automatic layout finds them), a layer taking more
    columns where it has several processes in one lane."""
    pids = list(arch.shapes.get(level, {}))
    inside = set(pids)
    flows = [
        (r.source, r.target)
        for r in arch.relations.values()
        if r.kind == "flow" and r.source in inside and r.target in inside
    ]
    order = flow_order(pids, flows)
    layer = dict.fromkeys(pids, 0)
    rank = {p: i for i, p in enumerate(order)}
    for pid in order:
        before = [a for a, b in flows if b == pid and rank[a] < rank[pid]]
        if before:
            layer[pid] = max(layer[a] + 1 for a in before)
    columns: dict[str, int] = {}
    column = 0
    for current in range(max(layer.values(), default=-1) + 1):
        members = [p for p in order if layer[p] == current]
        used: dict[str | None, int] = {}
        for pid in members:
            lane = lane_of.get(pid)
            columns[pid] = column + used.get(lane, 0)
            used[lane] = used.get(lane, 0) + 1
        column += max(used.values(), default=1)
    return columns


def arranged_in_lanes(arch: Architecture, level: str | None) -> dict[str, Bounds]:
    """The new bounds of the shapes of *level*: each in the lane of its unit (centred
    in it), in a left-to-right flow (:func:`flow_columns`); empty when the diagram
    shows no lanes or nothing moves. Lanes follow the shapes, so this settles in a
    few rounds."""
    if level is None or not lanes(arch, level):
        return {}
    tmp = arch.copy()
    shapes = tmp.shapes.get(level, {})
    index0 = {lane.unit: i for i, lane in enumerate(lanes(tmp, level))}
    lane_of = {pid: lane_unit(arch.participation_of(pid), index0) for pid in shapes}
    columns = flow_columns(arch, level, lane_of)
    left = min(b.x for b in shapes.values())
    for pid, b in list(shapes.items()):
        shapes[pid] = Bounds(snap(left + columns[pid] * (b.w + LANE_GAP_X)), b.y, b.w, b.h)
    for _ in range(8):
        current = lanes(tmp, level)
        index = {lane.unit: i for i, lane in enumerate(current)}
        changed = False
        for pid, b in list(shapes.items()):
            unit = lane_unit(arch.participation_of(pid), index)
            if unit is None:
                continue
            lane = current[index[unit]].bounds
            y = snap(lane.y + (lane.h - b.h) / 2)
            if y != b.y:
                shapes[pid] = Bounds(b.x, y, b.w, b.h)
                changed = True
        if not changed:
            break
    return {p: b for p, b in shapes.items() if arch.shapes[level].get(p) != b}
