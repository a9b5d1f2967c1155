"""The automatic layout of a model that has no geometry (e.g. one imported from a register).

Each level gets its own diagram: the landscape shows the top-level processes, and every
process with children gets a diagram of its children. On a diagram the management
processes form a band on top, the core processes a row in flow order (a topological
order of the flow relations between them, ties in stored order) and the support
processes a band at the bottom. Long bands wrap into rows of :data:`PER_ROW`. Every
coordinate lies on a 10-unit grid; relations are drawn straight (no waypoints).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable

from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import BAND_ORDER, LAYOUT_SIZE, Bounds, snap

WIDTH, HEIGHT = LAYOUT_SIZE
GAP_X = 170.0  # room for an arrow and its object name (wrapped) between two processes
GAP_ROW = 90.0  # between the rows of one band: room for lines and their names
GAP_BAND = 120.0  # between the bands
MARGIN = 40.0
PER_ROW = 6

_BANDS = BAND_ORDER


def flow_order(pids: list[str], flows: Iterable[tuple[str, str]]) -> list[str]:
    """*pids* in a topological order of the *flows* among them (stable: among processes
    that are free to go next, the one first in *pids* goes first; a cycle is broken at
    its first process in *pids*)."""
    index = {pid: i for i, pid in enumerate(pids)}
    successors: dict[str, list[str]] = {pid: [] for pid in pids}
    indegree = dict.fromkeys(pids, 0)
    for source, target in flows:
        if source in index and target in index and source != target:
            successors[source].append(target)
            indegree[target] += 1
    heap = [index[pid] for pid in pids if indegree[pid] == 0]
    heapq.heapify(heap)
    placed: set[str] = set()
    order: list[str] = []
    while len(order) < len(pids):
        if not heap:
            first = min((pid for pid in pids if pid not in placed), key=index.__getitem__)
            heap.append(index[first])
        pid = pids[heapq.heappop(heap)]
        if pid in placed:
            continue
        placed.add(pid)
        order.append(pid)
        for target in successors[pid]:
            indegree[target] -= 1
            if indegree[target] == 0 and target not in placed:
                heapq.heappush(heap, index[target])
    return order


def layout_level(
    arch: Architecture, pids: list[str], flows: list[tuple[str, str]]
) -> dict[str, Bounds]:
    """Bounds for the processes *pids* (siblings, in stored order) on one diagram."""
    bands: dict[str, list[str]] = {kind: [] for kind in _BANDS}
    for pid in pids:
        bands.setdefault(arch.processes[pid].kind, []).append(pid)
    bands["core"] = flow_order(bands["core"], flows)
    rows: list[list[str]] = []
    band_starts: list[int] = []
    for kind in _BANDS:
        members = bands[kind]
        if not members:
            continue
        band_starts.append(len(rows))
        rows.extend(members[i : i + PER_ROW] for i in range(0, len(members), PER_ROW))
    widest = max((len(row) for row in rows), default=0)
    full = widest * WIDTH + (widest - 1) * GAP_X
    result: dict[str, Bounds] = {}
    y = MARGIN
    for r, row in enumerate(rows):
        if r and r in band_starts:
            y += GAP_BAND - GAP_ROW
        width = len(row) * WIDTH + (len(row) - 1) * GAP_X
        x = snap(MARGIN + (full - width) / 2)
        for pid in row:
            result[pid] = Bounds(x, y, WIDTH, HEIGHT)
            x += WIDTH + GAP_X
        y += HEIGHT + GAP_ROW
    return result


def layout(arch: Architecture) -> dict[str | None, dict[str, Bounds]]:
    """The automatic layout of every level that has processes: level -> bounds, the
    landscape first, then the levels in process order."""
    flows_by_level: dict[str | None, list[tuple[str, str]]] = {}
    processes = arch.processes
    for rel in arch.relations.values():
        if rel.kind != "flow":
            continue
        source, target = processes.get(rel.source), processes.get(rel.target)
        if source is not None and target is not None and source.parent == target.parent:
            flows_by_level.setdefault(source.parent, []).append((rel.source, rel.target))
    result: dict[str | None, dict[str, Bounds]] = {}
    for level in [None, *arch.walk()]:
        children = arch.children(level)
        if children:
            result[level] = layout_level(arch, children, flows_by_level.get(level, []))
    return result


def apply_layout(arch: Architecture) -> None:
    """Place every process of a model without geometry (building a fresh model, so
    through ``arch.put`` directly and without an undo history)."""
    for level, shapes in layout(arch).items():
        for pid, bounds in shapes.items():
            arch.put("shapes", (level, pid), bounds)
