"""The search behind a routed line that no simple route fits: A* over the orthogonal
visibility grid (the lines through every shape's edges, inflated by the clearance, and
the channels between them), with a cost for length and for each bend, as libavoid's
orthogonal router does. Used by :mod:`procmodeler.notation.routing`."""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from procmodeler.model.elements import Bounds, Point
from procmodeler.notation.routing import BEND, CLEARANCE, OUT, Obstacles, Route, simplify, stub

DIRS = ((1, 0), (-1, 0), (0, 1), (0, -1))
GRID_PAD = CLEARANCE + 6.0


@dataclass(frozen=True)
class End:
    """One possible end of a route: the port on the outline, its side and a penalty."""

    port: Point
    side: str
    penalty: float = 0.0

    @property
    def stub(self) -> Point:
        return stub(self.port, self.side)


def _axis(values: list[float]) -> list[float]:
    """Sorted distinct coordinates, with the middle of every gap between two of them."""
    ordered = sorted({round(v, 1) for v in values})
    out: list[float] = []
    for a, b in zip(ordered, ordered[1:], strict=False):
        out.append(a)
        if b - a > 2 * GRID_PAD:
            out.append(round((a + b) / 2, 1))
    if ordered:
        out.append(ordered[-1])
    return out


def _grid(
    obstacles: Obstacles, starts: Sequence[End], goals: Sequence[End], region: Bounds
) -> tuple[list[float], list[float]]:
    """The grid lines inside *region*: shapes' inflated edges, the ends' stubs and the
    middles of the channels between them."""
    x0, y0, x1, y1 = region.x, region.y, region.x + region.w, region.y + region.h
    xs: list[float] = [x0, x1]
    ys: list[float] = [y0, y1]
    for sid in obstacles.near((x0, y0), (x1, y1), 0.0):
        b = obstacles.shapes[sid].bounds
        xs += [b.x - GRID_PAD, b.x + b.w + GRID_PAD]
        ys += [b.y - GRID_PAD, b.y + b.h + GRID_PAD]
    for end in (*starts, *goals):
        xs.append(end.stub[0])
        ys.append(end.stub[1])
    return [x for x in _axis(xs) if x0 <= x <= x1], [y for y in _axis(ys) if y0 <= y <= y1]


def _blocked_edges(
    obstacles: Obstacles, region: Bounds, gx: list[float], gy: list[float]
) -> tuple[list[bytearray], list[bytearray]]:
    """Which grid edges come within the clearance of a shape: per row the edges from
    each x to the next, per column from each y to the next (1: blocked)."""
    across = [bytearray(max(0, len(gx) - 1)) for _ in gy]
    down = [bytearray(max(0, len(gy) - 1)) for _ in gx]
    x0, y0 = region.x, region.y
    x1, y1 = region.x + region.w, region.y + region.h
    c, tol = CLEARANCE, 0.5
    for sid in obstacles.near((x0, y0), (x1, y1), c):
        b = obstacles.shapes[sid].bounds
        bx0, bx1 = b.x - c + tol, b.x + b.w + c - tol
        by0, by1 = b.y - c + tol, b.y + b.h + c - tol
        rows = range(bisect_right(gy, by0), bisect_left(gy, by1))
        cols = range(bisect_left(gx, bx1))
        first_col = max(0, bisect_right(gx, bx0) - 1)
        for j in rows:
            row = across[j]
            for i in range(first_col, min(len(row), cols.stop)):
                row[i] = 1
        first_row = max(0, bisect_right(gy, by0) - 1)
        last_row = bisect_left(gy, by1)
        for i in range(bisect_right(gx, bx0), bisect_left(gx, bx1)):
            col = down[i]
            for j in range(first_row, min(len(col), last_row)):
                col[j] = 1
    return across, down


def search(
    obstacles: Obstacles,
    source: str,
    target: str,
    starts: Sequence[End],
    goals: Sequence[End],
    region: Bounds,
) -> Route | None:
    """The cheapest orthogonal route from one of *starts* to one of *goals* inside
    *region*, or None."""
    gx, gy = _grid(obstacles, starts, goals, region)
    xi = {x: i for i, x in enumerate(gx)}
    yi = {y: j for j, y in enumerate(gy)}
    across, down = _blocked_edges(obstacles, region, gx, gy)

    def free(i: int, j: int, k: int, m: int) -> bool:
        if j == m:
            return not across[j][min(i, k)]
        return not down[i][min(j, m)]

    def node(p: Point) -> tuple[int, int] | None:
        i, j = xi.get(round(p[0], 1)), yi.get(round(p[1], 1))
        return None if i is None or j is None else (i, j)

    goal_at: dict[tuple[int, int], End] = {}
    for end in goals:
        n = node(end.stub)
        if n is not None and not obstacles.blocked(end.stub, end.port, [target], 2.0):
            goal_at.setdefault(n, end)
    if not goal_at:
        return None
    tx0 = min(gx[i] for i, _ in goal_at)
    tx1 = max(gx[i] for i, _ in goal_at)
    ty0 = min(gy[j] for _, j in goal_at)
    ty1 = max(gy[j] for _, j in goal_at)

    def h(i: int, j: int) -> float:
        # the distance to the box around the goals: never more than to the nearest goal
        x, y = gx[i], gy[j]
        return max(tx0 - x, 0.0, x - tx1) + max(ty0 - y, 0.0, y - ty1)

    heap: list[tuple[float, int, float, int, int, int]] = []
    best: dict[tuple[int, int, int], float] = {}
    parent: dict[tuple[int, int, int], tuple[int, int, int] | None] = {}
    start_of: dict[tuple[int, int, int], End] = {}
    count = 0
    for end in starts:
        n = node(end.stub)
        if n is None or obstacles.blocked(end.port, end.stub, [source], 2.0):
            continue
        d = DIRS.index(OUT[end.side])
        state = (n[0], n[1], d)
        if end.penalty < best.get(state, float("inf")):
            best[state] = end.penalty
            parent[state] = None
            start_of[state] = end
            heapq.heappush(heap, (end.penalty + h(*n), count, end.penalty, *state))
            count += 1
    while heap:
        _f, _c, g, i, j, d = heapq.heappop(heap)
        state = (i, j, d)
        if g > best.get(state, float("inf")):
            continue
        reached = goal_at.get((i, j))
        if reached is not None and DIRS[d] != OUT[reached.side]:
            return _unwind(state, parent, start_of, reached, gx, gy)
        for nd, (dx, dy) in enumerate(DIRS):
            if (dx, dy) == (-DIRS[d][0], -DIRS[d][1]):
                continue
            k, m = i + dx, j + dy
            if not (0 <= k < len(gx) and 0 <= m < len(gy)) or not free(i, j, k, m):
                continue
            step = abs(gx[k] - gx[i]) + abs(gy[m] - gy[j]) + (BEND if nd != d else 0.0)
            nxt = (k, m, nd)
            if g + step < best.get(nxt, float("inf")):
                best[nxt] = g + step
                parent[nxt] = state
                heapq.heappush(heap, (g + step + h(k, m), count, g + step, *nxt))
                count += 1
    return None


def _unwind(
    state: tuple[int, int, int],
    parent: dict[tuple[int, int, int], tuple[int, int, int] | None],
    start_of: dict[tuple[int, int, int], End],
    goal: End,
    gx: list[float],
    gy: list[float],
) -> Route:
    points: list[Point] = [goal.port]
    current: tuple[int, int, int] | None = state
    first = state
    while current is not None:
        points.append((gx[current[0]], gy[current[1]]))
        first = current
        current = parent[current]
    points.append(start_of[first].port)
    points.reverse()
    return simplify(points)
