"""The diagram geometry of a BPMN import: shapes and bend points kept, the rest laid out."""

from __future__ import annotations

from procmodeler.io.bpmn.import_base import (
    _DIAGRAM,
    _EDGE,
    _PLANE,
    _PM_ORDER,
    _PM_SHAPE,
    _PM_WAYPOINTS,
    _SHAPE,
    _bounds,
    _child,
    _Proc,
    _waypoints,
)
from procmodeler.io.bpmn.import_scan import _Scanner
from procmodeler.io.bpmn.names import (
    parse_points,
)
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import (
    DEFAULT_SIZE,
    Bounds,
    Point,
    sane_coordinate,
)


def _flows_by_level(arch: Architecture) -> dict[str | None, list[tuple[str, str]]]:
    """The flows between processes of one level, per level."""
    flows_by_level: dict[str | None, list[tuple[str, str]]] = {}
    for rel in arch.relations.values():
        s, t = arch.processes[rel.source], arch.processes[rel.target]
        if rel.kind == "flow" and s.parent == t.parent:
            flows_by_level.setdefault(s.parent, []).append((rel.source, rel.target))
    return flows_by_level


class _GeometryReader(_Scanner):
    """The diagram geometry of a BPMN import: shapes and bend points kept, the rest laid out."""

    # ------------------------------------------------------------------ geometry
    def _geometry(
        self, arch: Architecture, routes: dict[str, tuple[str, str | None, object]]
    ) -> None:
        shapes, edges, edge_order, planes_of = self._read_di()
        shift = self._place_shapes(arch, shapes, planes_of)
        self._place_waypoints(arch, routes, edges, edge_order, shift)
        self._leftover_geometry(arch)

    def _read_di(
        self,
    ) -> tuple[
        dict[str, tuple[Bounds, str | None]],
        dict[str, tuple[tuple[Point, ...], str | None]],
        list[str],
        dict[str, str | None],
    ]:
        """The file's shapes and edges by element, the edges' order and the planes."""
        shapes: dict[str, tuple[Bounds, str | None]] = {}
        edges: dict[str, tuple[tuple[Point, ...], str | None]] = {}
        edge_order: list[str] = []
        planes_of: dict[str, str | None] = {}
        for diagram in self.root.iter(_DIAGRAM):
            plane = _child(diagram, _PLANE)
            if plane is None:
                continue
            plane_el = (plane.get("bpmnElement") or "").split(":")[-1] or None
            for item in plane:
                ref = (item.get("bpmnElement") or "").split(":")[-1]
                if not ref:
                    continue
                tag = item.tag
                if tag == _SHAPE and ref not in shapes:
                    box = _bounds(item)
                    if box is not None:
                        shapes[ref] = (box, plane_el)
                elif tag == _EDGE and ref not in edges:
                    edges[ref] = (_waypoints(item), plane_el)
                    edge_order.append(ref)
            if plane_el:
                planes_of.setdefault(plane_el, plane_el)
        return shapes, edges, edge_order, planes_of

    def _place_shapes(
        self,
        arch: Architecture,
        shapes: dict[str, tuple[Bounds, str | None]],
        planes_of: dict[str, str | None],
    ) -> dict[str | None, tuple[float, float]]:
        """Put the shapes of every level (the file's, else laid out); returns how far
        each level drawn inside a pool or sub-process was moved."""
        level_shapes = self._file_shapes(shapes)
        own_plane: dict[str | None, bool] = {None: True}
        if self.ours:
            own_plane.update(dict.fromkeys(self.procs, True))
        else:
            for pid, p in self.procs.items():
                own_plane[pid] = any(e in planes_of for e in p.elements)

        shift: dict[str | None, tuple[float, float]] = {}
        for level, inner in level_shapes.items():
            if own_plane.get(level, False) or not inner:
                continue
            min_x = min(box.x for box in inner.values())
            min_y = min(box.y for box in inner.values())
            dx, dy = 40.0 - min_x, 40.0 - min_y
            shift[level] = (dx, dy)
            level_shapes[level] = {k: v.moved(dx, dy) for k, v in inner.items()}

        # automatic layout where a level has no geometry at all, else a row below
        missing_by_level: dict[str | None, list[str]] = {}
        for pid in arch.walk():
            p = self.procs[pid]
            level = p.parent
            if p.placed and pid not in level_shapes.get(level, {}):
                missing_by_level.setdefault(level, []).append(pid)
        flows_by_level: dict[str | None, list[tuple[str, str]]] | None = None
        for level, missing in missing_by_level.items():
            inner = level_shapes.setdefault(level, {})
            if not inner:
                from procmodeler.io.layout import layout_level  # loaded only when needed

                if flows_by_level is None:  # only a level laid out anew needs them
                    flows_by_level = _flows_by_level(arch)
                inner.update(layout_level(arch, missing, flows_by_level.get(level, [])))
                continue
            bottom = max(box.y + box.h for box in inner.values())
            left = min(box.x for box in inner.values())
            for i, pid in enumerate(missing):
                inner[pid] = Bounds(left + i * 200.0, bottom + 60.0, *DEFAULT_SIZE)
        # into the model level by level in its order, as one put each would (a put, with
        # its change record, for each of 10,000 shapes took a tenth of the import)
        for level in [None, *arch.walk()]:
            placed = level_shapes.get(level)
            if placed:
                arch.shapes.setdefault(level, {}).update(placed)
        return shift

    def _file_shapes(
        self, shapes: dict[str, tuple[Bounds, str | None]]
    ) -> dict[str | None, dict[str, Bounds]]:
        """The file's shapes of the processes per level, in the order the file draws them."""
        level_shapes: dict[str | None, dict[str, Bounds]] = {}
        shape_rank: dict[str, int] = {ref: i for i, ref in enumerate(shapes)}
        last = len(shape_rank)

        def rank(item: tuple[str, _Proc]) -> int:
            elements = item[1].elements
            if len(elements) == 1:
                return shape_rank.get(elements[0], last)
            return min((shape_rank.get(e, last) for e in elements), default=last)

        for pid, p in sorted(self.procs.items(), key=rank):
            if not p.placed:
                continue
            for element in p.elements:
                if element in shapes:
                    level_shapes.setdefault(p.parent, {})[pid] = shapes[element][0]
                    break
        return level_shapes

    def _place_waypoints(
        self,
        arch: Architecture,
        routes: dict[str, tuple[str, str | None, object]],
        edges: dict[str, tuple[tuple[Point, ...], str | None]],
        edge_order: list[str],
        shift: dict[str | None, tuple[float, float]],
    ) -> None:
        """Put the bend points of the relations the file draws."""
        # waypoints in the order of the file's edges (relations of one edge in the
        # order the edge's element lists them)
        by_holder: dict[str, list[str]] = {}
        for rid, (how, holder, _points) in routes.items():
            if how in ("di", "explicit") and holder:
                by_holder.setdefault(holder, []).append(rid)
        order_all = [rid for edge in edge_order for rid in by_holder.pop(edge, ())]
        order_all += [rid for rids in by_holder.values() for rid in rids]
        waypoint_orders = self._waypoint_orders()
        result: dict[str | None, list[tuple[str, tuple[Point, ...]]]] = {}
        for rid in order_all:
            found = arch.relations.get(rid)
            if found is None:
                continue
            rel = found
            level = arch.processes[rel.source].parent
            if arch.processes[rel.target].parent != level:
                continue
            how, edge, points = routes[rid]
            if how == "explicit":
                pts = points
            else:
                if edge is None or edge not in edges:
                    continue
                pts = edges[edge][0]
                if level in shift:
                    dx, dy = shift[level]
                    pts = tuple((x + dx, y + dy) for x, y in pts)
            if len(pts) >= 2:  # type: ignore[arg-type]
                result.setdefault(level, []).append((rid, pts))  # type: ignore[arg-type]
        for level, items in result.items():
            wanted = waypoint_orders.get(level)
            if wanted is not None:
                rank2 = {rid: i for i, rid in enumerate(wanted)}
                items.sort(key=lambda item: rank2.get(item[0], len(rank2)))
            for rid, pts in items:
                arch.put("waypoints", (level, rid), pts)

    def _waypoint_orders(self) -> dict[str | None, list[str]]:
        orders: dict[str | None, list[str]] = {}
        for ext in self._architecture_ext(_PM_ORDER):
            if ext.get("collection") == "waypoints":
                orders[ext.get("level") or None] = (ext.text or "").split()
        return orders

    def _leftover_geometry(self, arch: Architecture) -> None:
        for ext in self._architecture_ext(_PM_WAYPOINTS, _PM_SHAPE):
            level = ext.get("level") or None
            if level is not None and level not in arch.processes:
                continue
            if ext.tag == _PM_WAYPOINTS and ext.get("relation") in arch.relations:
                try:
                    points = parse_points(ext.get("points", ""))
                except ValueError:
                    continue
                arch.put("waypoints", (level, ext.get("relation")), points)
            elif ext.tag == _PM_SHAPE and ext.get("process") in arch.processes:
                try:
                    x, y, w, h = (float(v) for v in ext.get("bounds", "").split(","))
                except ValueError:
                    continue
                if not all(sane_coordinate(v) for v in (x, y, w, h)) or w <= 0 or h <= 0:
                    continue
                arch.put("shapes", (level, ext.get("process")), Bounds(x, y, w, h))
