"""The lines and names of one level of a BPMN export: the routes the app draws (stored,
or computed as the canvas computes them), re-routed only where the export adds a
gateway; a free place for each gateway; and the name of each sequence flow placed as
the canvas places it (its BPMNLabel bounds)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import Bounds, Point
from procmodeler.notation.diagramcheck import boxes_overlap, path_crosses_box
from procmodeler.notation.labelplace import place_labels
from procmodeler.notation.router import drawn_routes, route_links
from procmodeler.notation.routing import Link, Route, Shape

if TYPE_CHECKING:
    from procmodeler.io.bpmn.export_plan import _Flow, _Level

GATEWAY_SIZE = 50.0
SPOT_GAP = 30.0


def gateway_spot(level: _Level, box: Bounds, toward: Point) -> Bounds:
    """A free box for the gateway of a split after the process in *box*: on the side
    its targets lie (*toward* is their summed direction), clear of every shape."""
    taken = [*level.bounds.values(), *level.gateways.values()]
    g = GATEWAY_SIZE
    cx, cy = box.center
    sx, sy = toward
    sides = ["right", "bottom", "top", "left"]
    if abs(sy) * box.w > abs(sx) * box.h:
        sides = ["bottom", "right", "left", "top"] if sy > 0 else ["top", "right", "left", "bottom"]
    elif sx < 0:
        sides = ["left", "bottom", "top", "right"]
    for step in range(12):
        gap = SPOT_GAP + step * 20.0
        for side in sides:
            if side == "right":
                spot = Bounds(box.x + box.w + gap, cy - g / 2, g, g)
            elif side == "left":
                spot = Bounds(box.x - gap - g, cy - g / 2, g, g)
            elif side == "bottom":
                spot = Bounds(cx - g / 2, box.y + box.h + gap, g, g)
            else:
                spot = Bounds(cx - g / 2, box.y - gap - g, g, g)
            grown = Bounds(spot.x - 14, spot.y - 14, g + 28, g + 28)
            if not any(boxes_overlap(grown, other, 0.0) for other in taken):
                return spot
    return Bounds(box.x + box.w + SPOT_GAP, cy - g / 2, g, g)


def route_flows(arch: Architecture, level: _Level, flows: list[_Flow]) -> None:
    """Set the points of every flow of *level* and the boxes of their names."""
    shapes: dict[str, Shape] = {
        pid: Shape(b, level.key is None and arch.processes[pid].kind == "core")
        for pid, b in level.bounds.items()
    }
    shapes.update({gw: Shape(b) for gw, b in level.gateways.items()})
    drawn = drawn_routes(arch, level.key)
    kept: list[tuple[Link, Route]] = []
    todo: list[Link] = []
    for flow in flows:
        link = Link(flow.id, flow.source, flow.target)
        route = drawn.get(flow.id) if flow.relations else None
        model_ends = flow.source in arch.processes and flow.target in arch.processes
        if (
            route is not None
            and model_ends
            and len(route) >= 2
            and not any(path_crosses_box(route, b) for b in level.gateways.values())
        ):
            kept.append((link, route))
        else:
            todo.append(link)
    routes = dict((lk.id, r) for lk, r in kept)
    routes.update(route_links(shapes, todo, kept))
    for flow in flows:
        flow.points = tuple(routes[flow.id])
    obstacles = {sid: s.bounds for sid, s in shapes.items()}
    names = {f.id: f.name for f in flows if f.name and not f.association}
    labels = place_labels(obstacles, {f.id: f.points for f in flows}, names)
    level.labels = {fid: placed.bounds for fid, placed in labels.items()}
