"""Where a process goes when no position is given (a palette click, a paste, a kind
change, a reparent): on the landscape in the band of its kind, right of the processes
already there; on a sub-process diagram right of the last shape of the first row.
Always on the 10-unit grid and never on top of another shape."""

from __future__ import annotations

from collections.abc import Iterable

from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import BAND_ORDER, Bounds, snap

GAP = 30.0
BAND_GAP = 60.0


def free_spot(
    arch: Architecture,
    level: str | None,
    kind: str,
    size: tuple[float, float],
    ignore: frozenset[str] = frozenset(),
) -> Bounds:
    """A free, grid-aligned place for a shape of *kind* and *size* on *level*, leaving
    out the shapes of the processes in *ignore* (e.g. the one being moved)."""
    w, h = size
    shapes = {pid: b for pid, b in arch.shapes.get(level, {}).items() if pid not in ignore}
    if not shapes:
        return Bounds(100.0, 100.0, w, h)
    if level is None:
        same = [
            b
            for pid, b in shapes.items()
            if arch.processes.get(pid) and arch.processes[pid].kind == kind
        ]
        if same:
            top = min(b.y for b in same)
            row = [b for b in same if abs(b.y - top) < h]
            x = max(b.x + b.w for b in row) + GAP
            return _free(shapes.values(), Bounds(snap(x), snap(top), w, h))
        rank = BAND_ORDER.index(kind) if kind in BAND_ORDER else 1
        above = [b for pid, b in shapes.items() if _rank(arch, pid) < rank]
        below = [b for pid, b in shapes.items() if _rank(arch, pid) > rank]
        left = min(b.x for b in shapes.values())
        if above and below:
            y = (max(b.y + b.h for b in above) + min(b.y for b in below) - h) / 2
        elif above:
            y = max(b.y + b.h for b in above) + BAND_GAP
        elif below:
            y = min(b.y for b in below) - BAND_GAP - h
        else:
            y = max(b.y + b.h for b in shapes.values()) + BAND_GAP
        return _free(shapes.values(), Bounds(snap(left), snap(y), w, h))
    top = min(b.y for b in shapes.values())
    row = [b for b in shapes.values() if abs(b.y - top) < h]
    x = max(b.x + b.w for b in row) + GAP
    return _free(shapes.values(), Bounds(snap(x), snap(top), w, h))


def _rank(arch: Architecture, pid: str) -> int:
    proc = arch.processes.get(pid)
    return BAND_ORDER.index(proc.kind) if proc and proc.kind in BAND_ORDER else 1


def _overlaps(a: Bounds, b: Bounds) -> bool:
    return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h


def _free(existing: Iterable[Bounds], wanted: Bounds) -> Bounds:
    """*wanted*, moved right until it overlaps nothing."""
    boxes = list(existing)
    b = wanted
    for _ in range(500):
        hit = [o for o in boxes if _overlaps(b, o)]
        if not hit:
            return b
        b = Bounds(snap(max(o.x + o.w for o in hit) + GAP), b.y, b.w, b.h)
    return b


def free_offset(
    existing: Iterable[Bounds], shapes: Iterable[Bounds], start: tuple[float, float] = (0.0, 0.0)
) -> tuple[float, float]:
    """An offset, from *start* moving right on the grid, at which *shapes* (moved
    together) overlap none of *existing*: a paste lands beside what it copies."""
    boxes, group = list(existing), list(shapes)
    dx, dy = snap(start[0]), snap(start[1])
    for _ in range(500):
        moved = [b.moved(dx, dy) for b in group]
        hit = [(m, o) for m in moved for o in boxes if _overlaps(m, o)]
        if not hit:
            break
        dx += snap(max(o.x + o.w - m.x for m, o in hit) + GAP)
    return (dx, dy)


def spots_for(
    arch: Architecture, level: str | None, pids: Iterable[str], size: tuple[float, float]
) -> dict[str, Bounds]:
    """Free spots on *level* for shapes of *pids* (in order, each clear of the ones
    placed before it)."""
    tmp = arch.copy()
    placed: dict[str, Bounds] = {}
    for pid in pids:
        spot = free_spot(tmp, level, arch.processes[pid].kind, size)
        placed[pid] = spot
        tmp.shapes.setdefault(level, {})[pid] = spot
    return placed
