"""The finishing steps of routing, after libavoid: ends that share a side of a shape
are spread along it in the order of where their lines go (so they do not cross), and
parallel segments of different lines in one channel are nudged apart, ordered so that
their bends cross as few other lines as possible."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from procmodeler.model.elements import Point
from procmodeler.notation.routing import (
    CLEARANCE,
    Obstacles,
    Route,
    Shape,
    port_point,
    side_of,
    side_span,
    simplify,
)

SPACING = 10.0  # between parallel segments of different lines


# ---------------------------------------------------------------------- ports
def move_end(route: Route, at_start: bool, shape: Shape, side: str, at: float) -> Route:
    """*route* with its start (or end) moved to coordinate *at* of *side*, keeping
    every segment horizontal or vertical."""
    points = list(route if at_start else reversed(route))
    new = port_point(shape, side, at)
    horizontal = side in ("left", "right")
    if len(points) == 2:
        other = points[1]
        if (horizontal and abs(new[1] - other[1]) < 0.05) or (
            not horizontal and abs(new[0] - other[0]) < 0.05
        ):
            points = [new, other]
        elif horizontal:
            xm = round((new[0] + other[0]) / 2, 1)
            points = [new, (xm, new[1]), (xm, other[1]), other]
        else:
            ym = round((new[1] + other[1]) / 2, 1)
            points = [new, (new[0], ym), (other[0], ym), other]
    else:
        nxt = points[1]
        points[0] = new
        points[1] = (nxt[0], new[1]) if horizontal else (new[0], nxt[1])
    return tuple(points if at_start else reversed(points))


@dataclass
class _End:
    link: str
    at_start: bool
    toward: Point  # where the line goes from this end (for the order along the side)


def spread_ports(
    routes: dict[str, Route],
    ends_of: Mapping[str, tuple[str, str]],
    shapes: Mapping[str, Shape],
    obstacles: Obstacles,
    movable: set[str],
) -> None:
    """Spread the ends of the *movable* routes along their sides (in place), clear of the
    ends of the other routes on the same side."""
    groups: dict[tuple[str, str], list[_End]] = {}
    fixed: dict[tuple[str, str], list[float]] = {}
    for lid, route in sorted(routes.items()):
        source, target = ends_of[lid]
        for at_start, sid in ((True, source), (False, target)):
            point = route[0] if at_start else route[-1]
            side = side_of(shapes[sid], point)
            if side is None:
                continue
            key = (sid, side)
            if lid in movable:
                far = route[-1] if at_start else route[0]
                groups.setdefault(key, []).append(_End(lid, at_start, far))
            else:
                fixed.setdefault(key, []).append(
                    point[1] if side in ("left", "right") else point[0]
                )
    for (sid, side), ends in sorted(groups.items()):
        shape = shapes[sid]
        cx, cy = shape.bounds.center
        ends.sort(key=lambda e: (_bearing(side, e.toward[0] - cx, e.toward[1] - cy), e.link))
        taken = fixed.get((sid, side), [])
        if len(ends) == 1 and not taken:
            continue  # alone on its side: it stays at the middle, where it was routed
        lo, hi = side_span(shape, side)
        n = len(ends) + len(taken)
        slots = [lo + (hi - lo) * (i + 1) / (n + 1) for i in range(n)]
        if taken:
            slots.sort(key=lambda s: (-min(abs(s - t) for t in taken), abs(s - (lo + hi) / 2)))
            slots = sorted(slots[: len(ends)])
        for end, at in zip(ends, slots, strict=False):
            route = routes[end.link]
            moved = simplify(move_end(route, end.at_start, shape, side, round(at, 1)))
            source, target = ends_of[end.link]
            if not obstacles.route_blocked(moved, source, target):
                routes[end.link] = moved


def _bearing(side: str, dx: float, dy: float) -> float:
    """The direction from a shape towards a line's far end, as seen from *side*: it
    grows along the side (top to bottom, left to right), so that ends sorted by it do
    not cross when their lines turn towards their far ends."""
    if side == "right":
        return math.atan2(dy, dx)
    if side == "left":
        return math.atan2(dy, -dx)
    if side == "bottom":
        return math.atan2(dx, dy)
    return math.atan2(dx, -dy)


# ---------------------------------------------------------------------- nudging
@dataclass
class _Segment:
    link: str
    index: int  # the segment from point index to index + 1
    coord: float  # y of a horizontal segment (x of a vertical one, transposed)
    lo: float
    hi: float
    legs: tuple[tuple[float, int], ...]  # (x, +1 down / -1 up) of the bends at its ends
    movable: bool


def _segments(routes: Mapping[str, Route], movable: set[str], vertical: bool) -> list[_Segment]:
    out: list[_Segment] = []

    def t(p: Point) -> Point:
        return (p[1], p[0]) if vertical else p

    for lid, route in sorted(routes.items()):
        pts = [t(p) for p in route]
        for i in range(len(pts) - 1):
            a, b = pts[i], pts[i + 1]
            if abs(a[1] - b[1]) > 0.05 or abs(a[0] - b[0]) < 0.05:
                continue
            legs = []
            if i > 0:
                prev = pts[i - 1]
                legs.append((a[0], 1 if prev[1] > a[1] else -1))
            if i + 2 < len(pts):
                nxt = pts[i + 2]
                legs.append((b[0], 1 if nxt[1] > b[1] else -1))
            inner = 0 < i < len(pts) - 2
            out.append(
                _Segment(
                    lid,
                    i,
                    a[1],
                    min(a[0], b[0]),
                    max(a[0], b[0]),
                    tuple(legs),
                    lid in movable and inner,
                )
            )
    return out


def _crossings(upper: _Segment, lower: _Segment) -> int:
    """Bends of one segment that cross the other when *upper* lies above *lower*."""
    n = sum(1 for x, d in upper.legs if d > 0 and lower.lo < x < lower.hi)
    return n + sum(1 for x, d in lower.legs if d < 0 and upper.lo < x < upper.hi)


def _order(a: _Segment, b: _Segment) -> int:
    diff = _crossings(a, b) - _crossings(b, a)
    if diff:
        return diff
    return (a.link, a.index) < (b.link, b.index) and -1 or 1


def _groups(segments: list[_Segment]) -> list[list[_Segment]]:
    """Segments on one line whose spans overlap, transitively."""
    by_coord: dict[float, list[_Segment]] = {}
    for s in segments:
        by_coord.setdefault(round(s.coord * 2) / 2, []).append(s)
    found: list[list[_Segment]] = []
    for _, line in sorted(by_coord.items()):
        line.sort(key=lambda s: (s.lo, s.hi, s.link))
        group = [line[0]]
        reach = line[0].hi
        for s in line[1:]:
            if s.lo < reach - 1.0:
                group.append(s)
                reach = max(reach, s.hi)
            else:
                found.append(group)
                group, reach = [s], s.hi
        found.append(group)
    return [g for g in found if len(g) > 1 and len({s.link for s in g}) > 1]


def _offsets(group: list[_Segment]) -> dict[int, float]:
    """New coordinates per position in *group* (already ordered top to bottom)."""
    fixed = [s.coord for s in group if not s.movable]
    c = group[0].coord
    if not fixed:
        k = len(group)
        return {i: c + (i - (k - 1) / 2) * SPACING for i in range(k)}
    out: dict[int, float] = {}
    taken = list(fixed)
    for i, s in enumerate(group):
        if not s.movable:
            continue
        step = 0
        while True:
            cand = c + ((step + 1) // 2) * SPACING * (1 if step % 2 else -1)
            if all(abs(cand - t) >= SPACING - 0.01 for t in taken):
                break
            step += 1
        out[i] = cand
        taken.append(cand)
    return out


def nudge(
    routes: dict[str, Route],
    ends_of: Mapping[str, tuple[str, str]],
    obstacles: Obstacles,
    movable: set[str],
) -> None:
    """Move overlapping parallel inner segments of the *movable* routes apart (in place)."""
    for vertical in (False, True):
        for group in _groups(_segments(routes, movable, vertical)):
            if not any(s.movable for s in group):
                continue
            group.sort(key=functools.cmp_to_key(_order))
            for i, coord in sorted(_offsets(group).items()):
                s = group[i]
                if not s.movable:
                    continue
                _shift(routes, ends_of, obstacles, s, coord, vertical)


def _shift(
    routes: dict[str, Route],
    ends_of: Mapping[str, tuple[str, str]],
    obstacles: Obstacles,
    s: _Segment,
    coord: float,
    vertical: bool,
) -> None:
    route = list(routes[s.link])
    set_coord: Callable[[Point], Point] = (
        (lambda p: (round(coord, 1), p[1])) if vertical else (lambda p: (p[0], round(coord, 1)))
    )
    route[s.index] = set_coord(route[s.index])
    route[s.index + 1] = set_coord(route[s.index + 1])
    new = tuple(route)
    source, target = ends_of[s.link]
    if _keeps_stubs(routes[s.link], new) and not obstacles.route_blocked(new, source, target):
        routes[s.link] = new


def _keeps_stubs(old: Route, new: Route) -> bool:
    """Whether the first and last segments still leave and enter in the same direction
    and keep some length (a nudge must not turn a line back into its shape)."""
    for a, b, c, d in ((old[0], old[1], new[0], new[1]), (old[-1], old[-2], new[-1], new[-2])):
        ox, oy = b[0] - a[0], b[1] - a[1]
        nx, ny = d[0] - c[0], d[1] - c[1]
        if ox * nx + oy * ny <= 0 or abs(nx) + abs(ny) < CLEARANCE:
            return False
    return True
