"""Where a process goes when no position is given (a palette click, a paste, a kind
change, a reparent): on the landscape in the band of its kind, right of the processes
already there; on a sub-process diagram right of the last shape of the first row.
Always on the 10-unit grid and never on top of another shape."""

from __future__ import annotations

from collections.abc import Iterable

from procmodeler.common.i18n import N_, Message
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import BAND_ORDER, Bounds, snap
from procmodeler.notation.geometry import bands_of

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


def band_drop(
    arch: Architecture, pids: Iterable[str], dx: float, dy: float
) -> tuple[str | None, bool]:
    """What moving the landscape shapes *pids* by (dx, dy) means for the bands:
    (the kind of another band a moved process lands in, or None; whether the bands
    would overlap after the move). The bands are those of the shapes that stay."""
    shapes = arch.shapes.get(None, {})
    moving = [p for p in pids if p in shapes and p in arch.processes]
    kinds = {pid: p.kind for pid, p in arch.processes.items()}
    staying = {p: b for p, b in shapes.items() if p not in set(moving)}
    for pid in moving:
        cy = shapes[pid].moved(dx, dy).center[1]
        for band in bands_of(staying, kinds):
            b = band.bounds
            # the bands span the whole map: only the height matters
            if band.kind != kinds[pid] and b.y <= cy <= b.y + b.h:
                return band.kind, False
    after = dict(shapes)
    after.update({p: shapes[p].moved(dx, dy) for p in moving})
    bands = bands_of(after, kinds)
    overlap = any(
        _overlaps(a.bounds, b.bounds) for i, a in enumerate(bands) for b in bands[i + 1 :]
    )
    return None, overlap


#: The title of the question a drop in another band asks, and what a refused drop says.
CHANGE_KIND_TITLE = N_("Change the kind?")
BANDS_WOULD_OVERLAP = N_("The bands would overlap: the process went back.")
_KIND_QUESTIONS = {
    "management": N_("Make '{name}' a management process?"),
    "core": N_("Make '{name}' a core process?"),
    "support": N_("Make '{name}' a support process?"),
}
_KIND_QUESTIONS_MANY = {
    "management": N_("Make the {n} processes management processes?"),
    "core": N_("Make the {n} processes core processes?"),
    "support": N_("Make the {n} processes support processes?"),
}


def band_question(name: str, kind: str, count: int) -> Message:
    """The question asked when *count* processes (the first named *name*) are dropped
    in the band of *kind*."""
    if count == 1:
        return Message(_KIND_QUESTIONS[kind], name=name)
    return Message(_KIND_QUESTIONS_MANY[kind], n=count)
