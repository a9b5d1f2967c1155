"""Orthogonal, obstacle-avoiding connector routing, after libavoid (Wybrow, Marriott and
Stuckey, "Orthogonal connector routing", GD 2009): each line leaves its shape at a port
on the real outline, runs in horizontal and vertical segments clear of every shape that
is not one of its ends, and bends as little as it can; ends that share a side are
spread along it and parallel segments in one channel are nudged apart
(:mod:`procmodeler.notation.nudging`).

A line first tries the few routes with at most two bends between its preferred sides;
only when each of those hits a shape does it search (A* with length and bend costs)
the orthogonal visibility grid spanned by the shapes' inflated edges
(:mod:`procmodeler.notation.orthogrid`). Everything is deterministic.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from procmodeler.model.elements import Bounds, Point
from procmodeler.notation.diagramcheck import segment_crosses_box
from procmodeler.notation.geometry import chevron_depth

CLEARANCE = 6.0  # a line keeps this far from shapes that are not its ends
STUB = 16.0  # a line leaves and enters its shape straight for at least this long
BEND = 40.0  # the cost of one bend, in units of length
PORT_MARGIN = 12.0  # ports keep this far from a side's corners
MAX_CELLS = 256  # a shape or segment over more buckets than this is not bucketed
SIDES = ("right", "bottom", "left", "top")
OUT: dict[str, tuple[int, int]] = {
    "left": (-1, 0),
    "right": (1, 0),
    "top": (0, -1),
    "bottom": (0, 1),
}

Route = tuple[Point, ...]


@dataclass(frozen=True)
class Shape:
    """An obstacle and possible end of lines: its box, and whether it is a chevron."""

    bounds: Bounds
    chevron: bool = False


@dataclass(frozen=True)
class Link:
    """A line to route from shape *source* to shape *target*."""

    id: str
    source: str
    target: str


class Obstacles:
    """The shapes of one diagram in a uniform grid of buckets, for fast segment tests."""

    CELL = 160.0

    def __init__(self, shapes: Mapping[str, Shape], area: Bounds | None = None) -> None:
        self.shapes = shapes
        self.area = area  # only the shapes meeting it are obstacles (None: all)
        self.cells: dict[tuple[int, int], list[str]] = {}
        self.big: list[str] = []  # shapes over too many cells: tested with every segment
        self._ports: dict[tuple[str, str], Point] = {}
        c = self.CELL
        cells = self.cells
        for sid, shape in shapes.items():
            b = shape.bounds
            if area is not None and not (
                b.x <= area.x + area.w
                and area.x <= b.x + b.w
                and b.y <= area.y + area.h
                and area.y <= b.y + b.h
            ):
                continue
            if (b.w + b.h) / c > MAX_CELLS:
                self.big.append(sid)
                continue
            for i in range(int(b.x // c), int((b.x + b.w) // c) + 1):
                for j in range(int(b.y // c), int((b.y + b.h) // c) + 1):
                    found = cells.get((i, j))
                    if found is None:
                        cells[(i, j)] = [sid]
                    else:
                        found.append(sid)

    def center_port(self, sid: str, side: str) -> Point:
        """The middle port of a side of shape *sid* (remembered)."""
        key = (sid, side)
        found = self._ports.get(key)
        if found is None:
            found = self._ports[key] = center_port(self.shapes[sid], side)
        return found

    def _keys(self, x0: float, y0: float, x1: float, y1: float) -> Iterable[tuple[int, int]]:
        c = self.CELL
        for i in range(int(x0 // c), int(x1 // c) + 1):
            for j in range(int(y0 // c), int(y1 // c) + 1):
                yield (i, j)

    def near(self, a: Point, b: Point, pad: float) -> set[str]:
        x0, x1 = sorted((a[0], b[0]))
        y0, y1 = sorted((a[1], b[1]))
        found: set[str] = set(self.big)
        if (x1 - x0 + y1 - y0 + 4 * pad) / self.CELL > MAX_CELLS:  # a very long segment
            return found | {s for cell in self.cells.values() for s in cell}
        for key in self._keys(x0 - pad, y0 - pad, x1 + pad, y1 + pad):
            found.update(self.cells.get(key, ()))
        return found

    def blocked(
        self, a: Point, b: Point, ignore: Iterable[str] = (), pad: float = CLEARANCE
    ) -> bool:
        """Whether segment a-b comes within *pad* of a shape not in *ignore*."""
        skip = set(ignore)
        for sid in self.near(a, b, pad):  # any order: the answer is the same
            if sid in skip:
                continue
            box = self.shapes[sid].bounds
            grown = Bounds(box.x - pad, box.y - pad, box.w + 2 * pad, box.h + 2 * pad)
            if segment_crosses_box(a, b, grown, 0.5):
                return True
        return False

    def route_blocked(self, route: Route, source: str, target: str) -> bool:
        """Whether a route hits a shape: its first segment may touch only its source's
        box, its last only its target's, the others none of them."""
        last = len(route) - 2
        for i, (a, b) in enumerate(zip(route, route[1:], strict=False)):
            ignore = [s for s, end in ((source, i == 0), (target, i == last)) if end]
            # the segment leaving or entering a shape touches its box: test it thinly
            if self.blocked(a, b, ignore, CLEARANCE if not ignore else 2.0):
                return True
        return False


# ---------------------------------------------------------------------- ports
def side_span(shape: Shape, side: str) -> tuple[float, float]:
    """The stretch of a side (x for top and bottom, y for left and right) where ports go."""
    b = shape.bounds
    if side in ("left", "right"):
        m = min(PORT_MARGIN, b.h / 4)
        if shape.chevron:
            m = max(m, b.h * 0.2)
        return (b.y + m, b.y + b.h - m)
    m = min(PORT_MARGIN, b.w / 4)
    if shape.chevron:
        d = chevron_depth(b)
        return (b.x + d + m, b.x + b.w - d - m)
    return (b.x + m, b.x + b.w - m)


def port_point(shape: Shape, side: str, at: float) -> Point:
    """The point of *side* at coordinate *at*, on the real outline (a chevron's notch
    and tip are slanted)."""
    b = shape.bounds
    if side in ("top", "bottom"):
        return (at, b.y if side == "top" else b.y + b.h)
    inset = 0.0
    if shape.chevron:
        d = chevron_depth(b)
        cy = b.y + b.h / 2
        inset = d * (1 - min(1.0, abs(at - cy) / (b.h / 2)))
    if side == "left":
        return (b.x + inset, at)
    return (b.x + b.w - chevron_depth(b) + inset if shape.chevron else b.x + b.w, at)


def side_of(shape: Shape, point: Point) -> str | None:
    """The side a route's end point lies on (None: not on the outline)."""
    b = shape.bounds
    x, y = point
    if abs(y - b.y) < 0.6 and b.x - 0.6 <= x <= b.x + b.w + 0.6:
        return "top"
    if abs(y - b.y - b.h) < 0.6 and b.x - 0.6 <= x <= b.x + b.w + 0.6:
        return "bottom"
    if not b.y - 0.6 <= y <= b.y + b.h + 0.6:
        return None
    for side in ("left", "right"):
        if abs(port_point(shape, side, y)[0] - x) < 0.6:
            return side
    return None


def center_port(shape: Shape, side: str) -> Point:
    lo, hi = side_span(shape, side)
    return port_point(shape, side, (lo + hi) / 2)


def stub(point: Point, side: str, length: float = STUB) -> Point:
    dx, dy = OUT[side]
    return (point[0] + dx * length, point[1] + dy * length)


def preferred_sides(a: Bounds, b: Bounds) -> list[tuple[str, str]]:
    """The pairs of (source side, target side) to try first, best first."""
    right = b.x - (a.x + a.w)
    left = a.x - (b.x + b.w)
    below = b.y - (a.y + a.h)
    above = a.y - (b.y + b.h)
    horizontal = ("right", "left") if right >= left else ("left", "right")
    vertical = ("bottom", "top") if below >= above else ("top", "bottom")
    if max(right, left) >= max(below, above):
        return [horizontal, vertical, (vertical[0], horizontal[1]), (horizontal[0], vertical[1])]
    return [vertical, horizontal, (horizontal[0], vertical[1]), (vertical[0], horizontal[1])]


# ---------------------------------------------------------------------- simple routes
def simplify(points: Sequence[Point]) -> Route:
    """Without repeated points and without points in the middle of a straight run."""
    out: list[Point] = []
    for p in points:
        q = (round(p[0], 1), round(p[1], 1))
        if out and abs(out[-1][0] - q[0]) < 0.05 and abs(out[-1][1] - q[1]) < 0.05:
            continue
        if len(out) >= 2:
            a, b = out[-2], out[-1]
            if (abs(a[0] - b[0]) < 0.05 and abs(b[0] - q[0]) < 0.05) or (
                abs(a[1] - b[1]) < 0.05 and abs(b[1] - q[1]) < 0.05
            ):
                out[-1] = q
                continue
        out.append(q)
    return tuple(out)


def _ahead(p: Point, side: str, q: Point) -> bool:
    """Whether *q* lies (at least a stub) ahead of *p* in the outward direction of *side*."""
    dx, dy = OUT[side]
    return (q[0] - p[0]) * dx + (q[1] - p[1]) * dy >= STUB - 0.01


def simple_route(p: Point, ps: str, q: Point, qs: str) -> Route | None:
    """A route with at most two bends from port *p* on side *ps* to port *q* on side
    *qs*, or None when the sides do not allow one."""
    horizontal_p, horizontal_q = ps in ("left", "right"), qs in ("left", "right")
    if horizontal_p and horizontal_q:
        if OUT[ps][0] != -OUT[qs][0] or not _ahead(p, ps, q):
            return None
        if abs(p[1] - q[1]) < 1e-6:
            return (p, q)
        xm = round((p[0] + q[0]) / 2, 1)
        return (p, (xm, p[1]), (xm, q[1]), q)
    if not horizontal_p and not horizontal_q:
        if OUT[ps][1] != -OUT[qs][1] or not _ahead(p, ps, q):
            return None
        if abs(p[0] - q[0]) < 1e-6:
            return (p, q)
        ym = round((p[1] + q[1]) / 2, 1)
        return (p, (p[0], ym), (q[0], ym), q)
    corner = (q[0], p[1]) if horizontal_p else (p[0], q[1])
    if not _ahead(p, ps, corner) or not _ahead(q, qs, corner):
        return None
    return (p, corner, q)


def route_cost(route: Route) -> float:
    length = sum(
        abs(a[0] - b[0]) + abs(a[1] - b[1]) for a, b in zip(route, route[1:], strict=False)
    )
    return length + BEND * max(0, len(route) - 2)
