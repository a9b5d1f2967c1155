"""Routing the lines of one diagram: every line (or only the lines that changed, the
others kept as they are) from the simple routes or the grid search of
:mod:`procmodeler.notation.routing` and :mod:`procmodeler.notation.orthogrid`, then its
ends spread and its segments nudged (:mod:`procmodeler.notation.nudging`); and the
same for a level of a model, which the editor, the export and the report share."""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeVar

from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import Bounds, Point
from procmodeler.notation.nudging import SPACING, nudge, spread_ports
from procmodeler.notation.orthogrid import End, search
from procmodeler.notation.routing import (
    SIDES,
    STUB,
    Link,
    Obstacles,
    Route,
    Shape,
    center_port,
    preferred_sides,
    route_cost,
    simple_route,
    simplify,
    stub,
)

REGION_PAD = 240.0
T = TypeVar("T")


def _first_route(obstacles: Obstacles, link: Link) -> Route:
    shapes = obstacles.shapes
    a, b = shapes[link.source], shapes[link.target]
    pairs = preferred_sides(a.bounds, b.bounds)
    candidates = []
    port = obstacles.center_port
    for rank, (ps, qs) in enumerate(pairs):
        route = simple_route(port(link.source, ps), ps, port(link.target, qs), qs)
        if route is not None:
            candidates.append((route_cost(route), rank, route))
    best: Route | None = None
    for _cost, _rank, route in sorted(candidates):  # the cheapest clear one
        if not obstacles.route_blocked(route, link.source, link.target):
            best = route
            break
    if best is None:
        best = _around(obstacles, link)
    if best is not None:
        return best
    first = pairs[0]
    starts = [End(center_port(a, s), s, 0.0 if s == first[0] else 10.0) for s in SIDES]
    goals = [End(center_port(b, s), s, 0.0) for s in SIDES]
    box = _union([a.bounds, b.bounds])
    route = search(obstacles, link.source, link.target, starts, goals, _grow(box, REGION_PAD))
    if route is not None:
        return route
    if obstacles.area is not None:
        obstacles = Obstacles(shapes)  # every shape, for a search over the whole level
    region = _grow(_union([s.bounds for s in shapes.values()]), REGION_PAD)
    route = search(obstacles, link.source, link.target, starts, goals, region)
    if route is not None:
        return route
    p, q = center_port(a, first[0]), center_port(b, first[1])
    p2, q2 = stub(p, first[0], STUB), stub(q, first[1], STUB)
    return simplify([p, p2, (p2[0], q2[1]), q2, q])


def _around(obstacles: Obstacles, link: Link) -> Route | None:
    """A route that leaves and enters on the same side of both shapes and runs past
    whatever stands between them (over a row, or beside a column), or None."""
    shapes = obstacles.shapes
    a, b = shapes[link.source], shapes[link.target]
    ab, bb = a.bounds, b.bounds
    found: list[Route] = []
    for side in SIDES:
        p, q = center_port(a, side), center_port(b, side)
        for step in range(4):
            gap = STUB + 12.0 + step * 24.0
            if side == "top":
                m = min(ab.y, bb.y) - gap
                route = simplify([p, (p[0], m), (q[0], m), q])
            elif side == "bottom":
                m = max(ab.y + ab.h, bb.y + bb.h) + gap
                route = simplify([p, (p[0], m), (q[0], m), q])
            elif side == "left":
                m = min(ab.x, bb.x) - gap
                route = simplify([p, (m, p[1]), (m, q[1]), q])
            else:
                m = max(ab.x + ab.w, bb.x + bb.w) + gap
                route = simplify([p, (m, p[1]), (m, q[1]), q])
            if not obstacles.route_blocked(route, link.source, link.target):
                found.append(route)
                break
    return min(found, key=route_cost) if found else None


def _union(boxes: Sequence[Bounds]) -> Bounds:
    x0 = min(b.x for b in boxes)
    y0 = min(b.y for b in boxes)
    x1 = max(b.x + b.w for b in boxes)
    y1 = max(b.y + b.h for b in boxes)
    return Bounds(x0, y0, x1 - x0, y1 - y0)


def _grow(b: Bounds, pad: float | None) -> Bounds:
    p = REGION_PAD if pad is None else pad
    return Bounds(b.x - p, b.y - p, b.w + 2 * p, b.h + 2 * p)


def route_links(
    shapes: Mapping[str, Shape],
    links: Sequence[Link],
    kept: Sequence[tuple[Link, Route]] = (),
) -> dict[str, Route]:
    """Routes for *links* (by id). The lines in *kept* (other links with their routes)
    stay as they are; the new lines' ends and segments keep clear of them."""
    todo = [lk for lk in links if lk.source in shapes and lk.target in shapes]
    if not todo:
        return {}
    area = None
    if len(todo) * 20 < len(shapes):  # a few lines among many shapes: only those near
        ends_box = _union([shapes[e].bounds for lk in todo for e in (lk.source, lk.target)])
        area = _grow(ends_box, 2 * REGION_PAD)
    obstacles = Obstacles(shapes, area)
    todo.sort(key=lambda lk: (_distance(shapes, lk), lk.id))
    routes: dict[str, Route] = {}
    ends_of: dict[str, tuple[str, str]] = {}
    for link in todo:
        routes[link.id] = _first_route(obstacles, link)
        ends_of[link.id] = (link.source, link.target)
    if area is not None:
        x0, y0, x1, y1 = _box_of([p for r in routes.values() for p in r], 0.0)
        inside = area.x <= x0 and area.y <= y0 and x1 <= area.x + area.w and y1 <= area.y + area.h
        if not inside:  # a line went far round: finish with every shape
            obstacles = Obstacles(shapes)
    movable = {lk.id for lk in todo}
    # the kept lines that can matter: those sharing a shape with a new one or near one
    ends = {e for lk in todo for e in (lk.source, lk.target)}
    near = _box_of([p for r in routes.values() for p in r], 2 * SPACING)
    for lk, route in kept:
        if len(route) >= 2 and (
            lk.source in ends or lk.target in ends or _meets(near, route_box(tuple(route)))
        ):
            routes[lk.id] = route
            ends_of[lk.id] = (lk.source, lk.target)
    spread_ports(routes, ends_of, shapes, obstacles, movable)
    nudge(routes, ends_of, obstacles, movable)
    return {lk.id: routes[lk.id] for lk in todo}


def _box_of(points: Sequence[Point], pad: float) -> tuple[float, float, float, float]:
    if not points:
        return (0.0, 0.0, -1.0, -1.0)
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return (min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad)


@functools.lru_cache(maxsize=1 << 16)
def route_box(route: Route) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1) around a stored route (remembered: routes are reused as is)."""
    return _box_of(route, 0.0)


def _meets(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _distance(shapes: Mapping[str, Shape], link: Link) -> float:
    (ax, ay), (bx, by) = shapes[link.source].bounds.center, shapes[link.target].bounds.center
    return abs(ax - bx) + abs(ay - by)


# ---------------------------------------------------------------------- a model's level
def level_shapes(arch: Architecture, level: str | None) -> dict[str, Shape]:
    """The shapes of *level* as obstacles (core processes on the landscape are chevrons)."""
    return {
        pid: Shape(b, level is None and arch.processes[pid].kind == "core")
        for pid, b in arch.shapes.get(level, {}).items()
        if pid in arch.processes
    }


def level_links(arch: Architecture, level: str | None) -> list[Link]:
    """The relations drawn as lines on *level* (both ends shown there), in model order."""
    return list(per_revision(arch, "links", lambda: _links_unless_same(arch)).get(level, ()))


# id(model) -> (what the lines depend on, the lines per level): a move changes neither
# the relations nor which shapes are on which level, so the lines are not found again
_LINKS: dict[int, tuple[object, dict[str | None, list[Link]]]] = {}


def _links_unless_same(arch: Architecture) -> dict[str | None, list[Link]]:
    signature = (
        tuple(map(id, arch.relations.values())),
        tuple((level, frozenset(shapes)) for level, shapes in arch.shapes.items()),
    )
    key = id(arch)
    known = _LINKS.get(key)
    if known is not None and known[0] == signature:
        return known[1]
    if known is None:
        weakref.finalize(arch, _LINKS.pop, key, None)
    found = _links_by_level(arch)
    _LINKS[key] = (signature, found)
    return found


def _links_by_level(arch: Architecture) -> dict[str | None, list[Link]]:
    """Every level's lines at once: one pass over the relations, not one per level."""
    levels_of: dict[str, list[str | None]] = {}
    for level, shapes in arch.shapes.items():
        for pid in shapes:
            levels_of.setdefault(pid, []).append(level)
    found: dict[str | None, list[Link]] = {}
    for rid, rel in arch.relations.items():
        if rel.source == rel.target:
            continue
        targets = levels_of.get(rel.target)
        if not targets:
            continue
        for level in levels_of.get(rel.source, ()):
            if level in targets:
                found.setdefault(level, []).append(Link(rid, rel.source, rel.target))
    return found


def route_level(
    arch: Architecture, level: str | None, only: Iterable[str] | None = None
) -> dict[str, Route]:
    """Routes for the lines of *level*: all of them, or only those in *only* (the
    others kept as stored)."""
    links = level_links(arch, level)
    if only is None:
        return route_links(level_shapes(arch, level), links)
    wanted = set(only)
    stored = arch.waypoints.get(level, {})
    kept = [(lk, stored[lk.id]) for lk in links if lk.id not in wanted and lk.id in stored]
    return route_links(level_shapes(arch, level), [lk for lk in links if lk.id in wanted], kept)


# id(model) -> (its revision, what was computed for it); an entry goes when its model does
_CACHE: dict[int, tuple[int, dict[object, object]]] = {}


def per_revision(arch: Architecture, key: object, compute: Callable[[], T]) -> T:
    """compute(), remembered for this revision of *arch* under *key*."""
    ident = id(arch)
    if ident not in _CACHE:
        weakref.finalize(arch, _CACHE.pop, ident, None)
    revision, found = _CACHE.get(ident, (-1, {}))
    if revision != arch.revision:
        found = {}
        _CACHE[ident] = (arch.revision, found)
    if key not in found:
        found[key] = compute()
    return found[key]  # type: ignore[return-value]


def drawn_routes(arch: Architecture, level: str | None) -> dict[str, Route]:
    """The lines of *level* as drawn: the stored route or bend points of each relation,
    and a route computed for each relation that has none stored (e.g. in a file from
    before routing), computed once per revision of the model."""

    def compute() -> dict[str, Route]:
        stored = arch.waypoints.get(level, {})
        links = level_links(arch, level)
        missing = [lk.id for lk in links if not stored.get(lk.id)]
        found = {lk.id: stored[lk.id] for lk in links if stored.get(lk.id)}
        if missing:
            found.update(route_level(arch, level, missing))
        return found

    return per_revision(arch, ("routes", level), compute)


def routes_after_move(
    arch: Architecture, level: str | None, pids: Iterable[str], dx: float, dy: float
) -> dict[str, Route]:
    """The lines of the shapes *pids* while they are dragged by (dx, dy): routed anew
    where one end moves, moved along where both do (what the move will store)."""
    moving = set(pids)
    shapes = level_shapes(arch, level)
    for pid in moving & set(shapes):
        old = shapes[pid]
        shapes[pid] = Shape(old.bounds.moved(dx, dy), old.chevron)
    drawn = drawn_routes(arch, level)
    result: dict[str, Route] = {}
    todo: list[Link] = []
    kept: list[tuple[Link, Route]] = []
    for link in level_links(arch, level):
        ends = {link.source, link.target} & moving
        route = drawn.get(link.id, ())
        if len(ends) == 2:
            result[link.id] = tuple((x + dx, y + dy) for x, y in route)
        elif ends:
            todo.append(link)
        elif len(route) >= 2:
            kept.append((link, route))
    result.update(route_links(shapes, todo, kept))
    return result
