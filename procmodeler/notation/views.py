"""What a diagram shows, independent of how it is painted.

:func:`shape_view` and :func:`relation_view` turn the stored model and geometry of one
diagram level into plain records (outline, label lines, owner, traffic light, markers,
line path, arrow head, object label). The Qt canvas and the reportlab report paint these
records with their own primitives, so both show the same words in the same places.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import Bounds, Point
from procmodeler.notation.diagramcheck import boxes_overlap
from procmodeler.notation.geometry import (
    MARKER_SIZE,
    Outline,
    arrow_head,
    chevron_depth,
    diamond_head,
    midpoint,
    outline,
    relation_path,
    text_box,
)
from procmodeler.notation.kpi import IconView, has_measurements, process_icons, worst_light
from procmodeler.notation.labelplace import LINE_HEIGHT as LABEL_LINE_HEIGHT
from procmodeler.notation.labelplace import PAD as LABEL_PAD
from procmodeler.notation.labelplace import WIDTHS, PlacedLabel, place_labels, wrap
from procmodeler.notation.labels import Measure, fit_lines
from procmodeler.notation.style import DETAIL_FONT_SIZE, NAME_FONT_SIZE, relation_style

NAME_LINE_HEIGHT = NAME_FONT_SIZE * 1.25
DETAIL_LINE_HEIGHT = DETAIL_FONT_SIZE * 1.3


@dataclass(frozen=True)
class OffLevelMarker:
    """A relation whose other end is not on this diagram, shown on the shape."""

    relation: str
    kind: str
    outgoing: bool
    other: str  # id of the process at the other end


@dataclass(frozen=True)
class ShapeView:
    """Everything a renderer needs to paint one process shape."""

    process: str
    kind: str
    bounds: Bounds
    outline: Outline
    name_lines: tuple[str, ...]
    name_origin: Point  # top-left of the first name line's box
    owner_line: str  # "" when no owner
    owner_origin: Point
    light: str | None  # "green" | "yellow" | "red" | None (None too when icons show)
    light_center: Point
    has_children: bool
    children_center: Point  # where the "has sub-processes" sign goes (bottom right)
    finding_severity: str | None
    finding_center: Point  # where the worst finding's badge goes (top left)
    markers: tuple[OffLevelMarker, ...]
    marker_origin: Point
    icons: tuple[IconView, ...] = ()  # variation, assurance (processes with measurements)
    icon_centers: tuple[Point, ...] = ()


#: Radius of a variation or assurance icon on a shape, in diagram units.
ICON_RADIUS = 6.5


def shape_view(
    arch: Architecture,
    level: str | None,
    pid: str,
    measure_name: Measure,
    measure_detail: Measure,
    finding_severity: str | None = None,
) -> ShapeView:
    """The view of process *pid* on the diagram of *level*."""
    proc = arch.processes[pid]
    b = arch.shapes[level][pid]
    chevron = level is None
    box = text_box(proc.kind, b, chevron)
    owner = arch.people.get(proc.owner) if proc.owner else None
    owner_line = ""
    owner_h = 0.0
    if owner is not None:
        owner_line = fit_lines(owner.name, box.w, 1, measure_detail)[0] if owner.name else ""
        owner_h = DETAIL_LINE_HEIGHT
    max_lines = max(1, int((box.h - owner_h) // NAME_LINE_HEIGHT))
    lines = tuple(fit_lines(proc.name, box.w, max_lines, measure_name))
    block_h = len(lines) * NAME_LINE_HEIGHT + owner_h
    top = box.y + max(0.0, (box.h - block_h) / 2)
    kpis = [arch.kpis[k] for k in arch.kpis_of(pid)]
    icons: tuple[IconView, ...] = ()
    if has_measurements(kpis):
        light = None
        icons = tuple(icon for icon in process_icons(kpis) if icon is not None)
    else:
        light = worst_light(kpis)
    light_x = b.x + b.w - (30.0 if chevron and proc.kind == "core" else 10.0)
    markers = []
    on_level = arch.shapes.get(level, {})
    for rid in arch.relations_of(pid):
        rel = arch.relations[rid]
        other = rel.target if rel.source == pid else rel.source
        if other not in on_level:
            markers.append(OffLevelMarker(rid, rel.kind, rel.source == pid, other))
    return ShapeView(
        process=pid,
        kind=proc.kind,
        bounds=b,
        outline=outline(proc.kind, b, chevron),
        name_lines=lines,
        name_origin=(box.x, top),
        owner_line=owner_line,
        owner_origin=(box.x, top + len(lines) * NAME_LINE_HEIGHT),
        light=light,
        light_center=(light_x, b.y + 9.0),
        has_children=bool(arch.children(pid)),
        children_center=(
            b.x + b.w - (30.0 if chevron and proc.kind == "core" else 11.0),
            b.y + b.h - 9.0,
        ),
        finding_severity=finding_severity,
        finding_center=(
            b.x + (chevron_depth(b) + 8.0 if chevron and proc.kind == "core" else 10.0),
            b.y + 9.0,
        ),
        markers=tuple(markers),
        marker_origin=(
            b.x + (chevron_depth(b) if chevron and proc.kind == "core" else 0.0) + 4.0,
            b.y + b.h - MARKER_SIZE - 2.0,
        ),
        icons=icons,
        icon_centers=tuple(
            (light_x + 1.0 - (len(icons) - 1 - i) * (2 * ICON_RADIUS + 2.0), b.y + 9.5)
            for i in range(len(icons))
        ),
    )


@dataclass(frozen=True)
class RelationView:
    """Everything a renderer needs to paint one relation line."""

    relation: str
    kind: str
    path: tuple[Point, ...]
    head: tuple[Point, ...]  # polygon of the arrow head (empty: none)
    head_style: str
    label: str
    label_center: Point
    label_width: float  # the width of the label's box (0: no label)
    label_box: Bounds | None = None  # where the label goes (None: no label)
    label_lines: tuple[str, ...] = ()  # the label wrapped by words
    label_fits: bool = True  # False: no free place was found; it covers something


def relation_view(arch: Architecture, level: str | None, rid: str) -> RelationView | None:
    """The view of relation *rid* on *level*, or None when an end is not on it."""
    rel = arch.relations[rid]
    shapes: Mapping[str, Bounds] = arch.shapes.get(level, {})
    src = shapes.get(rel.source)
    tgt = shapes.get(rel.target)
    if src is None or tgt is None:
        return None
    from procmodeler.notation.router import drawn_routes

    points = drawn_routes(arch, level).get(rid, ())
    view = relation_view_between(rid, rel.kind, rel.object, src, tgt, points)
    placed = level_labels(arch, level).get(rid)
    if placed is None:
        return view
    box = placed.bounds
    return replace(
        view,
        label_box=box,
        label_lines=placed.lines,
        label_fits=placed.fits,
        label_center=box.center,
        label_width=box.w,
    )


def level_labels(arch: Architecture, level: str | None) -> dict[str, PlacedLabel]:
    """Where the object names of the flows on *level* go (once per model revision).

    After an edit only the names whose line or text changed, or that a moved shape
    now covers, are placed again (the others stay where they were): a move on a
    1,000-process map does not place a thousand names anew."""
    from procmodeler.notation.router import drawn_routes, per_revision

    def compute() -> dict[str, PlacedLabel]:
        shapes = dict(arch.shapes.get(level, {}))
        routes = drawn_routes(arch, level)
        paths: dict[str, tuple[Point, ...]] = {}
        texts: dict[str, str] = {}
        for rid, route in routes.items():
            rel = arch.relations[rid]
            if rel.kind == "flow" and rel.object.strip():
                paths[rid] = tuple(relation_path(shapes[rel.source], shapes[rel.target], route))
                texts[rid] = rel.object
        key = (id(arch), level)
        before = _PLACED.get(key)
        if key not in _PLACED:
            weakref.finalize(arch, _PLACED.pop, key, None)
        placed = _place_again(before, shapes, paths, texts)
        _PLACED[key] = (shapes, paths, texts, placed)
        return placed

    return per_revision(arch, ("labels", level), compute)


# (id(model), level) -> (shapes, paths, texts, names placed) at the last placement
_PLACED: dict[
    tuple[int, str | None],
    tuple[
        dict[str, Bounds],
        dict[str, tuple[Point, ...]],
        dict[str, str],
        dict[str, PlacedLabel],
    ],
] = {}


def _place_again(
    before: tuple[
        dict[str, Bounds], dict[str, tuple[Point, ...]], dict[str, str], dict[str, PlacedLabel]
    ]
    | None,
    shapes: dict[str, Bounds],
    paths: dict[str, tuple[Point, ...]],
    texts: dict[str, str],
) -> dict[str, PlacedLabel]:
    """The names placed anew where something changed since *before*, else kept."""
    if before is None:
        return place_labels(shapes, paths, texts)
    old_shapes, old_paths, old_texts, old_placed = before
    moved = [b for pid, b in shapes.items() if old_shapes.get(pid) != b]
    moved += [b for pid, b in old_shapes.items() if pid not in shapes]
    keep: dict[str, PlacedLabel] = {}
    for rid, label in old_placed.items():
        if (
            rid in texts
            and texts[rid] == old_texts.get(rid)
            and paths[rid] == old_paths.get(rid)
            and not any(boxes_overlap(label.bounds, b) for b in moved)
        ):
            keep[rid] = label
    redo = {rid: paths[rid] for rid in texts if rid not in keep}
    if len(redo) * 2 > len(texts):  # most changed: place them all, as on opening
        return place_labels(shapes, paths, texts)
    if not redo:
        return {rid: keep[rid] for rid in texts}
    # only what stands near the names placed anew can be in their way
    xs = [x for path in redo.values() for x, _ in path]
    ys = [y for path in redo.values() for _, y in path]
    near = Bounds(min(xs) - 400, min(ys) - 400, max(xs) - min(xs) + 800, max(ys) - min(ys) + 800)
    around = {pid: b for pid, b in shapes.items() if boxes_overlap(b, near, 0.0)}
    fixed = [lab.bounds for lab in keep.values() if boxes_overlap(lab.bounds, near, 0.0)]
    fresh = place_labels(around, redo, texts, fixed=fixed)
    return {rid: keep.get(rid) or fresh[rid] for rid in texts if rid in keep or rid in fresh}


def relation_view_between(
    rid: str,
    kind: str,
    object_name: str,
    source: Bounds,
    target: Bounds,
    waypoints: Sequence[Point] = (),
) -> RelationView:
    """The view of a relation between two given shape boxes: what :func:`relation_view`
    draws, for geometry that is not (yet) in the model, e.g. during a live drag."""
    path = relation_path(source, target, waypoints)
    style = relation_style(kind)
    label = object_name if kind == "flow" else ""
    box: Bounds | None = None
    lines: list[str] = []
    if label.strip():
        lines, w = wrap(" ".join(label.split()), WIDTHS[0])
        h = len(lines) * LABEL_LINE_HEIGHT + 2 * LABEL_PAD
        cx, cy = midpoint(path)
        box = Bounds(cx - w / 2, cy - h / 2, w, h)
    if style.head == "diamond":
        head: tuple[Point, ...] = diamond_head(path[-2], path[-1])
    else:
        head = arrow_head(path[-2], path[-1])
    return RelationView(
        relation=rid,
        kind=kind,
        path=tuple(path),
        head=head,
        head_style=style.head,
        label=label,
        label_center=box.center if box else midpoint(path),
        label_width=box.w if box else 0.0,
        label_box=box,
        label_lines=tuple(lines),
    )


def diagram_relations(arch: Architecture, level: str | None) -> list[str]:
    """Ids of the relations drawn as lines on *level* (both ends shown there)."""
    shapes = arch.shapes.get(level, {})
    return [
        rid for rid, rel in arch.relations.items() if rel.source in shapes and rel.target in shapes
    ]


def content_bounds(arch: Architecture, level: str | None) -> Bounds | None:
    """The box around everything drawn on a level (shapes, bends, bands, lanes)."""
    from procmodeler.notation.geometry import landscape_bands, lanes, need_arrows, union

    boxes = list(arch.shapes.get(level, {}).values())
    routes = arch.waypoints.get(level, {}).values()
    xs = [x for points in routes for x, _ in points]
    if xs:  # one box around every bend (a route's points are many)
        ys = [y for points in routes for _, y in points]
        boxes.append(Bounds(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)))
    if level is None:
        boxes.extend(band.bounds for band in landscape_bands(arch))
        arrows = need_arrows(arch)
        if arrows:
            boxes.extend(arrows)
    else:
        boxes.extend(lane.bounds for lane in lanes(arch, level))
    return union(boxes)
