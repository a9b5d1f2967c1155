"""The geometry of the notation: shape outlines per kind, landscape bands, swimlanes,
relation lines clipped to shapes and their arrow heads. Pure functions of the model's
stored geometry; nothing here is stored or recomputed into the model."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import PROCESS_KINDS, Bounds, Point

CHEVRON_TIP = 0.18  # share of the width taken by the arrow tip and notch (max 26 units)
CORNER_RADIUS = 8.0
BAND_PADDING = 22.0
BAND_LABEL_WIDTH = 26.0
LANE_HEADER_WIDTH = 30.0
MARKER_SIZE = 16.0


@dataclass(frozen=True)
class Outline:
    """A shape's outline: a polygon (``points``) or a rounded rectangle (``radius``)."""

    points: tuple[Point, ...]
    radius: float = 0.0
    is_polygon: bool = True


def chevron_depth(b: Bounds) -> float:
    return min(26.0, b.w * CHEVRON_TIP, b.h * 0.45)


def outline(kind: str, b: Bounds, chevron: bool = True) -> Outline:
    """The outline of a process of *kind* in bounds *b*.

    Core processes on the landscape are chevrons (value flows left to right);
    management and support processes, and processes on lower levels, are rounded
    rectangles.
    """
    if kind == "core" and chevron:
        d = chevron_depth(b)
        x, y, w, h = b.x, b.y, b.w, b.h
        pts = (
            (x, y),
            (x + w - d, y),
            (x + w, y + h / 2),
            (x + w - d, y + h),
            (x, y + h),
            (x + d, y + h / 2),
        )
        return Outline(pts)
    x, y, w, h = b.x, b.y, b.w, b.h
    return Outline(((x, y), (x + w, y), (x + w, y + h), (x, y + h)), CORNER_RADIUS, False)


def text_box(kind: str, b: Bounds, chevron: bool = True) -> Bounds:
    """The area inside a shape where its labels go."""
    pad = 6.0
    if kind == "core" and chevron:
        d = chevron_depth(b)
        return Bounds(b.x + d + pad, b.y + pad, max(10.0, b.w - 2 * d - 2 * pad), b.h - 2 * pad)
    return Bounds(b.x + pad + 2, b.y + pad, max(10.0, b.w - 2 * pad - 4), b.h - 2 * pad)


def union(boxes: Sequence[Bounds]) -> Bounds | None:
    if not boxes:
        return None
    x0 = min(b.x for b in boxes)
    y0 = min(b.y for b in boxes)
    x1 = max(b.x + b.w for b in boxes)
    y1 = max(b.y + b.h for b in boxes)
    return Bounds(x0, y0, x1 - x0, y1 - y0)


@dataclass(frozen=True)
class Band:
    """A landscape band behind the processes of one kind."""

    kind: str
    bounds: Bounds


def landscape_bands(arch: Architecture) -> list[Band]:
    """Bands behind the management, core and support processes of the landscape.

    Each band encloses the shapes of its kind with padding and a label column on the
    left; all bands share the same left and right edges so the map reads as one.
    """
    kinds = {pid: p.kind for pid, p in arch.processes.items()}
    return bands_of(arch.shapes.get(None, {}), kinds)


def bands_of(shapes: Mapping[str, Bounds], kinds: Mapping[str, str]) -> list[Band]:
    """The landscape bands around *shapes* (process id -> box) of the given *kinds*."""
    per_kind: dict[str, list[Bounds]] = {k: [] for k in PROCESS_KINDS}
    for pid, b in shapes.items():
        kind = kinds.get(pid)
        if kind in per_kind:
            per_kind[kind].append(b)
    everything = union([b for boxes in per_kind.values() for b in boxes])
    if everything is None:
        return []
    left = everything.x - BAND_PADDING - BAND_LABEL_WIDTH
    right = everything.x + everything.w + BAND_PADDING
    bands = []
    for kind in PROCESS_KINDS:
        box = union(per_kind[kind])
        if box is None:
            continue
        top = box.y - BAND_PADDING / 2
        bands.append(Band(kind, Bounds(left, top, right - left, box.h + BAND_PADDING)))
    return bands


def need_arrows(arch: Architecture) -> tuple[Bounds, Bounds] | None:
    """Where the "customer need" (left) and "satisfied need" (right) arrows go: beside
    the core band of the landscape, or None when there are no core processes."""
    core = [b for b in landscape_bands(arch) if b.kind == "core"]
    if not core:
        return None
    band = core[0].bounds
    w = 74.0
    h = min(band.h - 8, 60.0)
    y = band.y + (band.h - h) / 2
    return Bounds(band.x - w - 8, y, w, h), Bounds(band.x + band.w + 8, y, w, h)


def need_arrow_outline(b: Bounds) -> tuple[Point, ...]:
    """The block arrow of a need arrow in bounds *b*, pointing right: a body with a
    triangular head taking a third of the width."""
    head = min(b.w / 3, b.h * 0.6)
    inset = b.h * 0.18
    x, y, w, h = b.x, b.y, b.w, b.h
    return (
        (x, y + inset),
        (x + w - head, y + inset),
        (x + w - head, y),
        (x + w, y + h / 2),
        (x + w - head, y + h),
        (x + w - head, y + h - inset),
        (x, y + h - inset),
    )


def need_arrow_text_box(b: Bounds) -> Bounds:
    """Where the label of a need arrow goes (inside the body, left of the head)."""
    head = min(b.w / 3, b.h * 0.6)
    inset = b.h * 0.18
    return Bounds(b.x + 3, b.y + inset + 2, max(10.0, b.w - head + 6), b.h - 2 * inset - 4)


@dataclass(frozen=True)
class Lane:
    """A swimlane of one participating unit on a sub-process diagram."""

    unit: str
    bounds: Bounds


def lanes(arch: Architecture, level: str | None) -> list[Lane]:
    """Swimlanes for a sub-process diagram whose options ask for them: one per unit
    taking part in the parent process (in the diagram's lane order, then participation
    order), stacked top to bottom from the diagram's origin (y = 0, or higher when a shape
    is above it), together covering every shape of the level; a lane is at least 120
    units high."""
    if level is None:
        return []
    options = arch.diagrams.get(level)
    if options is None or not options.swimlanes:
        return []
    units = [u for u in options.lane_order if u in arch.units]
    units += [u for u in arch.participation_of(level) if u not in units and u in arch.units]
    if not units:
        return []
    content = union(list(arch.shapes.get(level, {}).values())) or Bounds(0, 0, 600, 120)
    # The lanes start at the diagram's origin (or above it, for content above it), not
    # at the topmost shape: moving a shape into a lower lane must not move the lanes.
    y0 = min(0.0, content.y - 20)
    lane_h = max(120.0, (content.y + content.h + 20.0 - y0) / len(units))
    x = content.x - 20 - LANE_HEADER_WIDTH
    w = content.w + 40 + LANE_HEADER_WIDTH
    return [Lane(u, Bounds(x, y0 + i * lane_h, w, lane_h)) for i, u in enumerate(units)]


def _clip_to_box(inside: Point, outside: Point, b: Bounds) -> Point:
    """Where the segment from the box centre towards *outside* leaves box *b*."""
    cx, cy = inside
    dx, dy = outside[0] - cx, outside[1] - cy
    if dx == 0 and dy == 0:
        return inside
    tx = (b.w / 2) / abs(dx) if dx else math.inf
    ty = (b.h / 2) / abs(dy) if dy else math.inf
    t = min(tx, ty, 1.0)
    return (cx + dx * t, cy + dy * t)


def _on_or_in(point: Point, b: Bounds, slack: float = 1.0) -> bool:
    x, y = point
    return b.x - slack <= x <= b.x + b.w + slack and b.y - slack <= y <= b.y + b.h + slack


def relation_path(source: Bounds, target: Bounds, waypoints: Sequence[Point] = ()) -> list[Point]:
    """The polyline of a relation: from the source's border, through the bend points,
    to the target's border. A routed line's stored points include its ends (on the
    shapes' outlines): those are kept as they are."""
    inner = list(waypoints)
    if len(inner) >= 2 and _on_or_in(inner[0], source) and _on_or_in(inner[-1], target):
        return inner
    first_aim = inner[0] if inner else target.center
    last_aim = inner[-1] if inner else source.center
    start = _clip_to_box(source.center, first_aim, source)
    end = _clip_to_box(target.center, last_aim, target)
    return [start, *inner, end]


def arrow_head(tip_from: Point, tip: Point, size: float = 10.0) -> tuple[Point, Point, Point]:
    """The triangle of an arrow head at *tip*, pointing away from *tip_from*."""
    angle = math.atan2(tip[1] - tip_from[1], tip[0] - tip_from[0])
    spread = math.radians(24)
    left = (tip[0] - size * math.cos(angle - spread), tip[1] - size * math.sin(angle - spread))
    right = (tip[0] - size * math.cos(angle + spread), tip[1] - size * math.sin(angle + spread))
    return (tip, left, right)


def diamond_head(tip_from: Point, tip: Point, size: float = 12.0) -> tuple[Point, ...]:
    """A diamond at *tip* (steering relations)."""
    angle = math.atan2(tip[1] - tip_from[1], tip[0] - tip_from[0])
    ux, uy = math.cos(angle), math.sin(angle)
    back = (tip[0] - size * ux, tip[1] - size * uy)
    mid = (tip[0] - size / 2 * ux, tip[1] - size / 2 * uy)
    nx, ny = -uy * size / 3, ux * size / 3
    return (tip, (mid[0] + nx, mid[1] + ny), back, (mid[0] - nx, mid[1] - ny))


def midpoint(path: Sequence[Point]) -> Point:
    """The point halfway along a polyline (where the object name of a flow goes)."""
    lengths = [math.dist(a, b) for a, b in zip(path, path[1:], strict=False)]
    total = sum(lengths)
    if total == 0:
        return path[0]
    half = total / 2
    for (a, b), seg in zip(zip(path, path[1:], strict=False), lengths, strict=False):
        if half <= seg and seg > 0:
            t = half / seg
            return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
        half -= seg
    return path[-1]
