"""Shapes arranged in swimlanes, Qt-free: the lane a process belongs in (its
accountable unit, else a responsible one, else any taking part) and where each shape of
a sub-process diagram goes so that it sits in that lane."""

from __future__ import annotations

from collections.abc import Mapping

from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import Bounds, snap
from procmodeler.notation.geometry import lanes


def lane_unit(participation: Mapping[str, str], lanes_by_unit: Mapping[str, int]) -> str | None:
    """The lane a process belongs in: its accountable unit, else a responsible one, else
    any unit taking part that has a lane (None when no unit has one)."""
    for letter in ("A", "R", ""):
        for unit, letters in participation.items():
            if unit in lanes_by_unit and letter in letters:
                return unit
    return None


def arranged_in_lanes(arch: Architecture, level: str | None) -> dict[str, Bounds]:
    """The new bounds of the shapes of *level* that move into the lane of their unit
    (keeping their x, centred in the lane); empty when the diagram shows no lanes or
    nothing moves. Lanes follow the shapes, so this settles in a few rounds."""
    if level is None or not lanes(arch, level):
        return {}
    tmp = arch.copy()
    shapes = tmp.shapes.get(level, {})
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
