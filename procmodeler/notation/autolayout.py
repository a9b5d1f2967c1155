"""The automatic layout of a diagram level (*Arrange*, ``procmodeler layout`` and the
importers' layout of models without geometry). Deterministic: the same model gives the
same boxes.

* The landscape is three bands: the core processes in flow order from the customer's
  need to the satisfied need (a topological order of their flows), the management
  processes above and the support processes below, each placed above or below the
  core processes it steers or supports (the mean of their centres), rows wrapping
  when a band is full.
* A sub-process level is a layered left-to-right flow, Sugiyama style (as Graphviz
  ``dot`` and ELK Layered): cycles broken by the flow order, layers by longest path,
  the order within a layer by barycentre sweeps, each box placed at the mean height
  of its predecessors; a long flow wraps into rows of :data:`MAX_LAYERS` layers, and
  processes without flows go in a row below.

The gaps leave room for a line's wrapped object name between two processes.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence

from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import BAND_ORDER, LAYOUT_SIZE, Bounds, snap

WIDTH, HEIGHT = LAYOUT_SIZE
GAP_X = 170.0  # between processes in a row: an arrow and its wrapped object name
GAP_SIDE = 60.0  # between management (or support) processes: their lines run up or down
GAP_ROW = 90.0  # between rows of one band
GAP_BAND = 120.0  # between bands
GAP_LAYER_Y = 70.0  # between processes of one layer
MARGIN = 40.0
PER_ROW = 8  # core processes in one row of the landscape
MAX_LAYERS = 6  # layers in one row of a sub-process level
SWEEPS = 6


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


# ---------------------------------------------------------------------- the landscape
def _row(pids: list[str], wanted: dict[str, float], left: float, right: float) -> dict[str, float]:
    """x of each box of one row: as near its wanted centre as the order allows."""
    ordered = sorted(pids, key=lambda p: (wanted[p], pids.index(p)))
    xs: dict[str, float] = {}
    x = left
    for pid in ordered:
        x = max(x, wanted[pid] - WIDTH / 2)
        xs[pid] = x
        x += WIDTH + GAP_SIDE
    overflow = x - GAP_SIDE - right
    if overflow > 0:  # shift back left as far as the row allows, keeping the order
        limit = right
        for pid in reversed(ordered):
            xs[pid] = min(xs[pid], limit - WIDTH)
            limit = xs[pid] - GAP_SIDE
        shift = left - min(xs.values())
        if shift > 0:
            xs = {p: v + shift for p, v in xs.items()}
    return xs


def _band(
    pids: list[str], wanted: dict[str, float], left: float, right: float, per_row: int
) -> list[dict[str, float]]:
    """Rows of a management or support band, each box near its wanted centre."""
    ordered = sorted(pids, key=lambda p: (wanted[p], pids.index(p)))
    rows = [ordered[i : i + per_row] for i in range(0, len(ordered), per_row)]
    return [_row(row, wanted, left, right) for row in rows]


def layout_landscape(arch: Architecture, pids: Sequence[str]) -> dict[str, Bounds]:
    """The three bands of the landscape for the top-level processes *pids*."""
    kinds: dict[str, list[str]] = {kind: [] for kind in BAND_ORDER}
    for pid in pids:
        kinds.setdefault(arch.processes[pid].kind, []).append(pid)
    members = set(pids)
    flows = [
        (r.source, r.target)
        for r in arch.relations.values()
        if r.kind == "flow" and r.source in members and r.target in members
    ]
    core = flow_order(kinds["core"], flows)
    core_rows = [core[i : i + PER_ROW] for i in range(0, len(core), PER_ROW)]
    widest = max([len(r) for r in core_rows] + [1])
    left = MARGIN
    right = left + max(widest, 4) * (WIDTH + GAP_X) - GAP_X
    per_row = int((right - left + GAP_SIDE) // (WIDTH + GAP_SIDE))
    centre_of: dict[str, float] = {}
    for row in core_rows:
        for i, pid in enumerate(row):
            centre_of[pid] = left + i * (WIDTH + GAP_X) + WIDTH / 2
    neighbours: dict[str, list[str]] = {}
    for r in arch.relations.values():
        if r.source in members and r.target in members:
            neighbours.setdefault(r.source, []).append(r.target)
            neighbours.setdefault(r.target, []).append(r.source)
    bands: dict[str, list[dict[str, float]]] = {}
    for kind in ("management", "support"):
        wanted: dict[str, float] = {}
        for i, pid in enumerate(kinds[kind]):
            near = [centre_of[n] for n in neighbours.get(pid, []) if n in centre_of]
            wanted[pid] = sum(near) / len(near) if near else right + i
        bands[kind] = _band(kinds[kind], wanted, left, right, per_row)
    core_band = [{pid: centre_of[pid] - WIDTH / 2 for pid in row} for row in core_rows]
    result: dict[str, Bounds] = {}
    y = MARGIN
    filled = [rows for rows in (bands["management"], core_band, bands["support"]) if rows]
    for i, band in enumerate(filled):
        if i:
            y += GAP_BAND - GAP_ROW
        for placed in band:
            for pid, x in placed.items():
                result[pid] = Bounds(snap(x), snap(y), WIDTH, HEIGHT)
            y += HEIGHT + GAP_ROW
    return result


# ---------------------------------------------------------------------- layered levels
def _layers(pids: list[str], flows: list[tuple[str, str]]) -> dict[str, int]:
    """The layer of each process: the longest path to it along the flows that go
    forward in the flow order (the others are the ones a cycle is broken at)."""
    order = flow_order(pids, flows)
    rank = {pid: i for i, pid in enumerate(order)}
    layer = dict.fromkeys(pids, 0)
    preds: dict[str, list[str]] = {pid: [] for pid in pids}
    for a, b in flows:
        if a in rank and b in rank and rank[a] < rank[b]:
            preds[b].append(a)
    for pid in order:
        if preds[pid]:
            layer[pid] = max(layer[p] + 1 for p in preds[pid])
    return layer


def _order_layers(layers: list[list[str]], flows: list[tuple[str, str]]) -> list[list[str]]:
    """The order within each layer by barycentre sweeps, down and up, keeping the
    order with the fewest crossings seen (ties: the earlier)."""
    up: dict[str, list[str]] = {}
    down: dict[str, list[str]] = {}
    for a, b in flows:
        down.setdefault(a, []).append(b)
        up.setdefault(b, []).append(a)
    best = [list(layer) for layer in layers]
    best_crossings = _crossings(best, down)
    current = [list(layer) for layer in layers]
    for sweep in range(SWEEPS):
        forward = sweep % 2 == 0
        indexes = range(1, len(current)) if forward else range(len(current) - 2, -1, -1)
        for i in indexes:
            ref = current[i - 1] if forward else current[i + 1]
            pos = {pid: k for k, pid in enumerate(ref)}
            nbrs = up if forward else down
            keyed = []
            for k, pid in enumerate(current[i]):
                near = [pos[n] for n in nbrs.get(pid, []) if n in pos]
                keyed.append((sum(near) / len(near) if near else float(k), k, pid))
            current[i] = [pid for _, _, pid in sorted(keyed)]
        found = _crossings(current, down)
        if found < best_crossings:
            best, best_crossings = [list(layer) for layer in current], found
    return best


def _crossings(layers: list[list[str]], down: dict[str, list[str]]) -> int:
    """Crossings of the flows between neighbouring layers."""
    total = 0
    for upper, lower in zip(layers, layers[1:], strict=False):
        pos = {pid: k for k, pid in enumerate(lower)}
        edges = sorted(
            (i, pos[t]) for i, pid in enumerate(upper) for t in down.get(pid, []) if t in pos
        )
        for k, (_, a) in enumerate(edges):
            total += sum(1 for _, b in edges[k + 1 :] if b < a)
    return total


def layout_layered(pids: Sequence[str], flows: Sequence[tuple[str, str]]) -> dict[str, Bounds]:
    """A layered left-to-right flow of the processes *pids* (one diagram level)."""
    members = list(pids)
    inside = set(members)
    links = [(a, b) for a, b in flows if a in inside and b in inside and a != b]
    connected = {p for link in links for p in link}
    flowing = [p for p in members if p in connected]
    alone = [p for p in members if p not in connected]
    layer = _layers(flowing, links)
    count = max(layer.values(), default=-1) + 1
    layers: list[list[str]] = [[] for _ in range(count)]
    for pid in flowing:
        layers[layer[pid]].append(pid)
    forward = [(a, b) for a, b in links if layer[a] < layer[b]]
    layers = _order_layers(layers, forward)
    preds: dict[str, list[str]] = {}
    for a, b in forward:
        preds.setdefault(b, []).append(a)
    result: dict[str, Bounds] = {}
    top = MARGIN
    for start in range(0, count, MAX_LAYERS):
        bottom = top
        for i, column in enumerate(layers[start : start + MAX_LAYERS]):
            x = MARGIN + i * (WIDTH + GAP_X)
            y_next = top
            for pid in column:
                near = [result[p].y for p in preds.get(pid, []) if p in result]
                wanted = sum(near) / len(near) if near and i else y_next
                y = snap(max(y_next, wanted))
                result[pid] = Bounds(x, y, WIDTH, HEIGHT)
                y_next = y + HEIGHT + GAP_LAYER_Y
                bottom = max(bottom, y + HEIGHT)
        top = bottom + GAP_ROW + 30.0
    for i, pid in enumerate(alone):
        row, col = divmod(i, MAX_LAYERS)
        result[pid] = Bounds(
            MARGIN + col * (WIDTH + GAP_X), snap(top + row * (HEIGHT + GAP_ROW)), WIDTH, HEIGHT
        )
    return result


def layout_level(arch: Architecture, level: str | None) -> dict[str, Bounds]:
    """The layout of the children of *level* (None: the landscape)."""
    pids = arch.children(level)
    if level is None:
        return layout_landscape(arch, pids)
    inside = set(pids)
    flows = [
        (r.source, r.target)
        for r in arch.relations.values()
        if r.kind == "flow" and r.source in inside and r.target in inside
    ]
    return layout_layered(pids, flows)


def layout(arch: Architecture) -> dict[str | None, dict[str, Bounds]]:
    """The automatic layout of every level that has processes: level -> bounds, the
    landscape first, then the levels in process order."""
    result: dict[str | None, dict[str, Bounds]] = {}
    for level in [None, *arch.walk()]:
        if arch.children(level):
            result[level] = layout_level(arch, level)
    return result
