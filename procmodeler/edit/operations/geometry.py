"""Operations on diagram geometry: shapes, bend points and diagram options."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from procmodeler.common.i18n import N_, Message
from procmodeler.edit.editor import Editor
from procmodeler.edit.operations.common import _finite, _level, _process, _refuse, _relation, _unit
from procmodeler.model.elements import (
    Bounds,
    DiagramOptions,
    Point,
)
from procmodeler.notation.autolayout import layout_level
from procmodeler.notation.diagramcheck import path_crosses_box
from procmodeler.notation.router import drawn_routes, level_links, route_box, route_level


# ---------------------------------------------------------------------- geometry
def move_shapes(ed: Editor, level: str | None, pids: Iterable[str], dx: float, dy: float) -> None:
    """Move shapes on one diagram by (dx, dy), with the bend points of relations whose
    both ends move: one undo entry ("Move 3 processes")."""
    arch = ed.arch
    shapes = arch.shapes.get(level, {})
    moving = [p for p in dict.fromkeys(pids) if p in shapes]
    _finite(dx, dy)
    if not moving or (dx == 0 and dy == 0):
        return
    label = (
        Message(N_("Move '{name}'"), name=arch.processes[moving[0]].name)
        if len(moving) == 1
        else Message(N_("Move {n} process"), N_("Move {n} processes"), len(moving))
    )
    moved = set(moving)
    with ed.transaction(label):
        freeze_routes(ed, level)
        for pid in moving:
            ed.put("shapes", (level, pid), shapes[pid].moved(dx, dy))
        together = []
        for rid, points in list(arch.waypoints.get(level, {}).items()):
            rel = arch.relations.get(rid)
            if rel is not None and rel.source in moved and rel.target in moved:
                ed.put("waypoints", (level, rid), tuple((x + dx, y + dy) for x, y in points))
                together.append(rid)
        reroute(ed, level, moving, keep=together)


def freeze_routes(ed: Editor, level: str | None) -> None:
    """Store the lines of *level* that are drawn without a stored route (a model from
    before routing) as they are drawn now, so that an edit re-routes only the lines
    it affects and the others stay where the user saw them."""
    stored = ed.arch.waypoints.get(level, {})
    if all(stored.get(link.id) for link in level_links(ed.arch, level)):
        return  # every line has its route already
    drawn = drawn_routes(ed.arch, level)
    for rid, route in list(drawn.items()):
        if not stored.get(rid):
            ed.put("waypoints", (level, rid), tuple(route))


def reroute(ed: Editor, level: str | None, pids: Iterable[str], keep: Iterable[str] = ()) -> None:
    """Route anew the lines of *level* that end at one of the shapes *pids* or run
    through one of them; every other line keeps its route, and so do the lines in
    *keep* (moved with both their ends) unless they now run through a shape."""
    arch = ed.arch
    shapes = arch.shapes.get(level, {})
    moved = [p for p in pids if p in shapes]
    if not moved:
        return
    names = set(moved)
    kept = set(keep)
    area = [shapes[p] for p in moved]
    drawn = drawn_routes(arch, level)
    affected = []
    for link in level_links(arch, level):
        route = drawn.get(link.id, ())
        ends = (link.source, link.target)
        if link.id not in kept and not names & set(ends) and not _near(route, area):
            continue
        if link.id in kept:
            hit = any(path_crosses_box(route, b) for p, b in shapes.items() if p not in ends)
        else:
            hit = bool(names & set(ends)) or any(
                path_crosses_box(route, shapes[p]) for p in moved if p not in ends
            )
        if hit:
            affected.append(link.id)
    for rid, route in route_level(arch, level, affected).items():
        ed.put("waypoints", (level, rid), tuple(route))


def _near(route: Iterable[Point], boxes: list[Bounds]) -> bool:
    """Whether the box around *route* meets one of *boxes* (a quick test first)."""
    points = tuple(route)
    if not points:
        return False
    x0, y0, x1, y1 = route_box(points)
    return any(b.x <= x1 and x0 <= b.x + b.w and b.y <= y1 and y0 <= b.y + b.h for b in boxes)


def set_shape_bounds(ed: Editor, level: str | None, bounds: Mapping[str, Bounds]) -> None:
    """Place or resize shapes on one diagram (a process must belong to that level)."""
    arch = ed.arch
    for pid, b in bounds.items():
        proc = _process(arch, pid)
        if proc.parent != level:
            raise _refuse(N_("'{name}' does not belong on this diagram."), name=proc.name)
        _finite(b.x, b.y, b.w, b.h)
        if b.w <= 0 or b.h <= 0:
            raise _refuse(N_("A shape must have a positive width and height."))
    if not bounds:
        return
    first = arch.processes[next(iter(bounds))].name
    label = (
        Message(N_("Resize '{name}'"), name=first)
        if len(bounds) == 1 and next(iter(bounds)) in arch.shapes.get(level, {})
        else Message(N_("Place {n} process"), N_("Place {n} processes"), len(bounds))
    )
    with ed.transaction(label):
        freeze_routes(ed, level)
        for pid, b in bounds.items():
            ed.put("shapes", (level, pid), b)
        reroute(ed, level, bounds)


def remove_shapes(ed: Editor, level: str | None, pids: Iterable[str]) -> None:
    """Take shapes off a diagram without deleting the processes."""
    arch = ed.arch
    gone = [p for p in pids if p in arch.shapes.get(level, {})]
    if not gone:
        return
    with ed.transaction(Message(N_("Remove {n} shape"), N_("Remove {n} shapes"), len(gone))):
        for rid, _ in list(arch.waypoints.get(level, {}).items()):
            rel = arch.relations.get(rid)
            if rel is not None and (rel.source in gone or rel.target in gone):
                ed.put("waypoints", (level, rid), None)
        for pid in gone:
            ed.put("shapes", (level, pid), None)


def set_waypoints(ed: Editor, level: str | None, rid: str, points: Sequence[Point]) -> None:
    """Set the bend points of a relation's line on one diagram (empty: straight)."""
    _relation(ed.arch, rid)
    _level(ed.arch, level)
    value = tuple((float(x), float(y)) for x, y in points) or None
    _finite(*(c for point in value or () for c in point))
    with ed.transaction(Message(N_("Edit bend points"))):
        ed.put("waypoints", (level, rid), value)


def set_diagram_options(
    ed: Editor, level: str | None, swimlanes: bool, lane_order: Sequence[str] = ()
) -> None:
    """Show or hide swimlanes per participating unit on a diagram."""
    _level(ed.arch, level)
    for uid in lane_order:
        _unit(ed.arch, uid)
    options = DiagramOptions(swimlanes, tuple(lane_order))
    with ed.transaction(Message(N_("Change diagram options"))):
        ed.put("diagrams", level, None if options == DiagramOptions() else options)


def route_lines(ed: Editor, level: str | None) -> None:
    """Route every line of *level* anew (the command "Route Lines"): one undo entry."""
    _level(ed.arch, level)
    routes = route_level(ed.arch, level)
    if not routes:
        return
    with ed.transaction(Message(N_("Route lines"))):
        for rid, route in routes.items():
            ed.put("waypoints", (level, rid), tuple(route))


def arrange(ed: Editor, level: str | None) -> None:
    """Lay out the processes of *level* anew (the command "Arrange") and route every
    line of it: one undo entry. The landscape gets its three bands, a sub-process level
    a layered left-to-right flow (:mod:`procmodeler.notation.autolayout`)."""
    arch = ed.arch
    _level(arch, level)
    boxes = layout_level(arch, level)
    if not boxes:
        return
    with ed.transaction(Message(N_("Arrange"))):
        for pid in arch.children(level):
            ed.put("shapes", (level, pid), boxes[pid])
        for rid in list(arch.waypoints.get(level, {})):
            ed.put("waypoints", (level, rid), None)
        for rid, route in route_level(arch, level).items():
            ed.put("waypoints", (level, rid), tuple(route))


def show_swimlanes(ed: Editor, level: str | None, on: bool) -> None:
    """Show or hide the swimlanes of a diagram: a view setting the file keeps, not an
    edit (no undo entry, the document stays unmodified; the next save writes it)."""
    _level(ed.arch, level)
    old = ed.arch.diagrams.get(level) or DiagramOptions()
    options = DiagramOptions(bool(on), old.lane_order)
    label = Message(N_("Show swimlanes") if on else N_("Hide swimlanes"))
    with ed.setting(label):
        ed.put("diagrams", level, None if options == DiagramOptions() else options)
