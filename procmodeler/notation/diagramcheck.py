"""Geometry predicates that say whether a diagram reads right: lines clear of shapes,
shapes apart, labels clear of shapes and of each other, every named line labelled.

Plain functions over boxes and polylines, shared by the tests over the BPMN diagram
interchange, the layout and routing tests and the benchmarks.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from procmodeler.model.elements import Bounds, Point

#: How far a line or box may touch another box's border without counting as inside it.
TOLERANCE = 1.0


@dataclass(frozen=True)
class Edge:
    """One drawn relation: its ends, its polyline and its label's box (if any)."""

    id: str
    source: str
    target: str
    points: tuple[Point, ...]
    named: bool = False
    label: Bounds | None = None


def boxes_overlap(a: Bounds, b: Bounds, tolerance: float = TOLERANCE) -> bool:
    """Whether the insides of *a* and *b* overlap by more than *tolerance*."""
    return (
        a.x + tolerance < b.x + b.w
        and b.x + tolerance < a.x + a.w
        and a.y + tolerance < b.y + b.h
        and b.y + tolerance < a.y + a.h
    )


def segment_crosses_box(a: Point, b: Point, box: Bounds, tolerance: float = TOLERANCE) -> bool:
    """Whether the segment *a*-*b* runs through the inside of *box* shrunk by
    *tolerance* on every side (Liang-Barsky clipping)."""
    x0, y0 = box.x + tolerance, box.y + tolerance
    x1, y1 = box.x + box.w - tolerance, box.y + box.h - tolerance
    if x0 >= x1 or y0 >= y1:
        return False
    dx, dy = b[0] - a[0], b[1] - a[1]
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, a[0] - x0), (dx, x1 - a[0]), (-dy, a[1] - y0), (dy, y1 - a[1])):
        if p == 0:
            if q <= 0:
                return False
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 >= t1:
            return False
    return True


def path_crosses_box(points: Sequence[Point], box: Bounds, tolerance: float = TOLERANCE) -> bool:
    """Whether any segment of the polyline runs through *box*."""
    return any(
        segment_crosses_box(p, q, box, tolerance) for p, q in zip(points, points[1:], strict=False)
    )


def is_orthogonal(points: Sequence[Point], tolerance: float = 0.01) -> bool:
    """Whether every segment of the polyline is horizontal or vertical."""
    return all(
        abs(p[0] - q[0]) <= tolerance or abs(p[1] - q[1]) <= tolerance
        for p, q in zip(points, points[1:], strict=False)
    )


def problems(shapes: Mapping[str, Bounds], edges: Sequence[Edge]) -> list[str]:
    """Everything that makes the diagram read wrong, one line each (empty: none).

    *shapes* are the boxes lines must avoid (not containers such as pools or frames).
    """
    found: list[str] = []
    items = sorted(shapes.items())
    for i, (aid, a) in enumerate(items):
        for bid, b in items[i + 1 :]:
            if boxes_overlap(a, b):
                found.append(f"shapes {aid} and {bid} overlap")
    for edge in edges:
        for sid, box in items:
            if sid in (edge.source, edge.target):
                continue
            if path_crosses_box(edge.points, box):
                found.append(f"line {edge.id} runs through {sid}")
        if edge.named and edge.label is None:
            found.append(f"line {edge.id} is named but has no label")
    labelled = [(e.id, e.label) for e in edges if e.label is not None]
    for i, (eid, label) in enumerate(labelled):
        for sid, box in items:
            if boxes_overlap(label, box):
                found.append(f"label of {eid} covers {sid}")
        for other, box in labelled[i + 1 :]:
            if boxes_overlap(label, box):
                found.append(f"labels of {eid} and {other} overlap")
    return found


def crossings(edges: Sequence[Edge]) -> int:
    """How often a horizontal segment of one line crosses a vertical segment of another
    (strictly inside both: lines that meet at a shared end do not count)."""
    horizontal: list[tuple[float, float, float, str]] = []
    vertical: list[tuple[float, float, float, str]] = []
    for edge in edges:
        for a, b in zip(edge.points, edge.points[1:], strict=False):
            if abs(a[1] - b[1]) < 0.01 and abs(a[0] - b[0]) >= 0.01:
                horizontal.append((a[1], min(a[0], b[0]), max(a[0], b[0]), edge.id))
            elif abs(a[0] - b[0]) < 0.01 and abs(a[1] - b[1]) >= 0.01:
                vertical.append((a[0], min(a[1], b[1]), max(a[1], b[1]), edge.id))
    vertical.sort()
    xs = [v[0] for v in vertical]
    count = 0
    for y, x0, x1, eid in horizontal:
        start = bisect.bisect_right(xs, x0 + TOLERANCE)
        for x, y0, y1, other in vertical[start:]:
            if x >= x1 - TOLERANCE:
                break
            if other != eid and y0 + TOLERANCE < y < y1 - TOLERANCE:
                count += 1
    return count
