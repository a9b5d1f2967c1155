"""The plan of a BPMN export, per level: shape sizes, gateways where flows split or
join, and the routes of the flows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from procmodeler.common.i18n import Translator, translator
from procmodeler.io.bpmn.export_routes import gateway_spot, route_flows
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import DEFAULT_SIZE, Bounds, Point
from procmodeler.model.ids import IdAllocator

AUTO_SIZE = DEFAULT_SIZE
GATEWAY = 50.0
EVENT = 36.0
FRAME_PAD = 40.0
FRAME_LABEL = 30.0
POOL_BAND = 30.0


# ---------------------------------------------------------------------- geometry
def _union(boxes: Iterable[Bounds], points: Iterable[Point]) -> Bounds | None:
    xs: list[float] = []
    ys: list[float] = []
    for box in boxes:
        xs += [box.x, box.x + box.w]
        ys += [box.y, box.y + box.h]
    for x, y in points:
        xs.append(x)
        ys.append(y)
    if not xs:
        return None
    return Bounds(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


# ---------------------------------------------------------------------- plan of one level
@dataclass
class _Flow:
    """A sequence flow or association to write (and its diagram edge, routed by
    :func:`procmodeler.io.bpmn.export_routes.route_flows`)."""

    id: str
    source: str  # BPMN id of the source node
    target: str
    relations: list[str]  # relation ids carried (empty: generated)
    points: tuple[Point, ...] = ()
    association: bool = False
    name: str = ""


@dataclass
class _Level:
    """Everything drawn on one diagram: children, gateways, flows, associations."""

    key: str | None
    children: list[str]
    bounds: dict[str, Bounds] = field(default_factory=dict)
    placed_order: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    gateways: dict[str, Bounds] = field(default_factory=dict)  # gateway id -> bounds
    flows: list[_Flow] = field(default_factory=list)
    incoming: dict[str, list[str]] = field(default_factory=dict)
    outgoing: dict[str, list[str]] = field(default_factory=dict)
    labels: dict[str, Bounds] = field(default_factory=dict)  # flow id -> its name's box
    # relation id -> ("exact" | "auto" | "explicit", stored points)
    routes: dict[str, tuple[str, tuple[Point, ...]]] = field(default_factory=dict)


Level_t = _Level


class _Planner:
    """Plans the levels of one export (see the module)."""

    def __init__(self, arch: Architecture) -> None:
        self.arch = arch
        self.tr: Translator = translator(arch.meta.language)
        self.ids = IdAllocator(arch.all_ids())
        self.levels: dict[str | None, _Level] = {}
        self.cross: list[str] = []  # relation ids drawn on no diagram
        self.leftover_waypoints: list[tuple[str | None, str, tuple[Point, ...]]] = []
        self.leftover_shapes: list[tuple[str | None, str, Bounds]] = []
        self.participation_written: list[tuple[str, str]] = []
        self.kind_values: dict[str, str] = {}

    # ------------------------------------------------------------------ ids
    def fresh(self, base: str) -> str:
        """*base*, or ``base_2``, ``base_3``, ... when taken (:mod:`procmodeler.model.ids`)."""
        return self.ids.free(base)

    # ------------------------------------------------------------------ planning
    def _plan(self) -> None:
        arch = self.arch
        levels: list[str | None] = [None, *[p for p in arch.walk() if arch.children(p)]]
        for key in levels:
            self.levels[key] = _Level(key, arch.children(key))
        sibling_level: dict[str, str | None] = {}
        for rid, rel in arch.relations.items():
            src, tgt = arch.processes.get(rel.source), arch.processes.get(rel.target)
            if src is not None and tgt is not None and src.parent == tgt.parent:
                sibling_level[rid] = src.parent
            else:
                self.cross.append(rid)
        for level_key, inner in arch.waypoints.items():
            for rid, points in inner.items():
                if sibling_level.get(rid, "\0") != level_key or len(points) < 2:
                    self.leftover_waypoints.append((level_key, rid, points))
        for level_key, shapes in arch.shapes.items():
            for pid, box in shapes.items():
                proc = arch.processes.get(pid)
                if proc is None or proc.parent != level_key:
                    self.leftover_shapes.append((level_key, pid, box))
        by_level: dict[str | None, list[str]] = {}
        for rid, level_key in sibling_level.items():
            by_level.setdefault(level_key, []).append(rid)
        for key, level in self.levels.items():
            self._plan_shapes(level)
            self._plan_flows(level, by_level.get(key, []))

    def _plan_shapes(self, level: Level_t) -> None:
        stored = self.arch.shapes.get(level.key, {})
        children = set(level.children)
        for pid, box in stored.items():
            if pid in children:
                level.bounds[pid] = box
                level.placed_order.append(pid)
        level.unplaced = [p for p in level.children if p not in level.bounds]
        if level.unplaced:
            area = _union(level.bounds.values(), ())
            y = (area.y + area.h + 60.0) if area else 40.0
            x0 = area.x if area else 40.0
            for i, pid in enumerate(level.unplaced):
                level.bounds[pid] = Bounds(x0 + i * (AUTO_SIZE[0] + 40.0), y, *AUTO_SIZE)

    def _plan_flows(self, level: Level_t, rids: list[str]) -> None:
        arch = self.arch
        stored = arch.waypoints.get(level.key, {})
        pairs: dict[tuple[str, str], list[str]] = {}
        assoc: list[str] = []
        for rid in rids:
            rel = arch.relations[rid]
            if rel.kind == "flow":
                pairs.setdefault((rel.source, rel.target), []).append(rid)
            else:
                assoc.append(rid)
        targets: dict[str, list[str]] = {}
        for src, tgt in pairs:
            targets.setdefault(src, []).append(tgt)
        gateway_of: dict[str, str] = {}
        for src, tgts in targets.items():
            if len(tgts) > 1:
                gateway_of[src] = self._place_gateway(level, src, tgts, pairs, stored)

        flows: list[_Flow] = []
        for src, split in gateway_of.items():
            flows.append(_Flow(self.fresh(f"{src}_split_flow"), src, split, []))
        for (src, tgt), group in pairs.items():
            # relations with stored waypoints first (in stored order), then the others
            order = {rid: i for i, rid in enumerate(stored)}
            group = sorted(group, key=lambda r: (r not in stored, order.get(r, 0)))
            gw = gateway_of.get(src)
            names = [arch.relations[r].object for r in group if arch.relations[r].object]
            flows.append(_Flow(group[0], gw or src, tgt, group, name=", ".join(names)))
        for rid in assoc:
            rel = arch.relations[rid]
            flows.append(_Flow(rid, rel.source, rel.target, [rid], association=True))
        route_flows(arch, level, flows)
        for flow in flows:
            for rid in flow.relations:
                self._note_route(level, rid, stored, flow.points if rid == flow.id else None)
        # diagram edges in the order of the stored waypoints, then the rest
        position = {rid: i for i, rid in enumerate(stored)}
        big = len(position) + 1

        def edge_key(item: tuple[int, _Flow]) -> tuple[int, int]:
            index, flow = item
            ranks = [position[r] for r in flow.relations if r in position]
            return (min(ranks) if ranks else big, index)

        level.flows = [f for _, f in sorted(enumerate(flows), key=edge_key)]
        for flow in level.flows:
            if not flow.association:
                level.outgoing.setdefault(flow.source, []).append(flow.id)
                level.incoming.setdefault(flow.target, []).append(flow.id)

    def _place_gateway(
        self,
        level: Level_t,
        src: str,
        tgts: list[str],
        pairs: dict[tuple[str, str], list[str]],
        stored: dict[str, tuple[Point, ...]],
    ) -> str:
        box = level.bounds[src]
        cx, cy = box.center
        sx = sy = 0.0
        for tgt in tgts:
            first = pairs[(src, tgt)][0]
            pts = stored.get(first)
            toward = pts[1] if pts and len(pts) >= 2 else level.bounds[tgt].center
            sx += toward[0] - cx
            sy += toward[1] - cy
        gw = self.fresh(f"{src}_split")
        level.gateways[gw] = gateway_spot(level, box, (sx, sy))
        return gw

    def _note_route(
        self,
        level: Level_t,
        rid: str,
        stored: dict[str, tuple[Point, ...]],
        drawn: tuple[Point, ...] | None,
    ) -> None:
        pts = stored.get(rid)
        if pts is None or len(pts) < 2:
            level.routes[rid] = ("auto", ())
        elif drawn is not None and tuple(drawn) == tuple(pts):
            level.routes[rid] = ("exact", pts)
        else:
            level.routes[rid] = ("explicit", pts)
