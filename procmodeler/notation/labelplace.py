"""Where the object names of relations go: next to (or on) their line, wrapped by words,
never covering a shape or another name. A name that finds no free place is still
placed (at the least covered place) and marked, never dropped."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from procmodeler.model.elements import Bounds, Point
from procmodeler.notation.diagramcheck import boxes_overlap
from procmodeler.notation.labels import fit_lines
from procmodeler.notation.style import DETAIL_FONT_SIZE

LINE_HEIGHT = DETAIL_FONT_SIZE * 1.3
PAD = 3.0  # around the text inside the label's box
GAP = 2.0  # between a label and a shape or another label
WIDTHS = (150.0, 110.0, 80.0, 60.0)
SPOTS = (0.5, 0.35, 0.65, 0.2, 0.8)
CELL = 120.0

Measure = Callable[[str], float]


def label_measure(text: str) -> float:
    """A generous width estimate of the label font (DejaVu Sans 8.5), so that the box
    holds the text in every renderer."""
    return len(text) * DETAIL_FONT_SIZE * 0.6


@dataclass(frozen=True)
class PlacedLabel:
    """A relation's name: its lines and its box; *fits* is False when no free place
    was found and the box covers something."""

    bounds: Bounds
    lines: tuple[str, ...]
    fits: bool = True


def wrap(text: str, width: float, measure: Measure = label_measure) -> tuple[list[str], float]:
    """*text* wrapped by words into a box of *width* (wider if one word is), and the
    box's width."""
    words = text.split()
    inner = max([width - 2 * PAD, *(measure(w) for w in words)])
    lines = fit_lines(text, inner, max(1, len(words)), measure)
    return lines, max(measure(line) for line in lines) + 2 * PAD


class _Index:
    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[Bounds]] = {}
        self.big: list[Bounds] = []  # boxes over too many cells: tested every time

    def _keys(self, b: Bounds) -> list[tuple[int, int]]:
        if (b.w + b.h) / CELL > 256:
            return []
        return [
            (i, j)
            for i in range(int(b.x // CELL), int((b.x + b.w) // CELL) + 1)
            for j in range(int(b.y // CELL), int((b.y + b.h) // CELL) + 1)
        ]

    def add(self, b: Bounds) -> None:
        keys = self._keys(b)
        if not keys:
            self.big.append(b)
        for key in keys:
            self.cells.setdefault(key, []).append(b)

    def overlap(self, b: Bounds) -> float:
        grown = Bounds(b.x - GAP, b.y - GAP, b.w + 2 * GAP, b.h + 2 * GAP)
        total = 0.0
        seen: set[int] = set()
        keys = self._keys(grown)
        if keys:
            near = [o for key in keys for o in self.cells.get(key, ())]
        else:  # a huge label: every box
            near = [o for found in self.cells.values() for o in found]
        for other in [*near, *self.big]:
            if id(other) in seen or not boxes_overlap(grown, other, 0.0):
                continue
            seen.add(id(other))
            w = min(grown.x + grown.w, other.x + other.w) - max(grown.x, other.x)
            h = min(grown.y + grown.h, other.y + other.h) - max(grown.y, other.y)
            total += max(0.0, w) * max(0.0, h)
        return total


def _candidates(route: Sequence[Point], w: float, h: float) -> list[Bounds]:
    segments = sorted(
        zip(route, route[1:], strict=False),
        key=lambda s: -(abs(s[0][0] - s[1][0]) + abs(s[0][1] - s[1][1])),
    )
    out: list[Bounds] = []
    for a, b in segments:
        horizontal = abs(a[1] - b[1]) <= abs(a[0] - b[0])
        for t in SPOTS:
            x, y = a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
            out.append(Bounds(x - w / 2, y - h / 2, w, h))
            for d in (3.0, 14.0, 30.0):
                if horizontal:
                    out.append(Bounds(x - w / 2, y - d - h, w, h))
                    out.append(Bounds(x - w / 2, y + d, w, h))
                else:
                    out.append(Bounds(x + d, y - h / 2, w, h))
                    out.append(Bounds(x - d - w, y - h / 2, w, h))
    return out


def place_labels(
    obstacles: Mapping[str, Bounds],
    routes: Mapping[str, Sequence[Point]],
    texts: Mapping[str, str],
    measure: Measure = label_measure,
    fixed: Sequence[Bounds] = (),
) -> dict[str, PlacedLabel]:
    """A place for the name of each route in *texts* (non-empty names only), clear of
    the *obstacles*, of the names already placed (*fixed*) and of each other; shorter
    lines choose first."""
    index = _Index()
    for box in [*obstacles.values(), *fixed]:
        index.add(box)

    def length(rid: str) -> float:
        r = routes[rid]
        return sum(math.dist(a, b) for a, b in zip(r, r[1:], strict=False))

    wanted = [rid for rid in routes if texts.get(rid, "").strip() and len(routes[rid]) >= 2]
    placed: dict[str, PlacedLabel] = {}
    for rid in sorted(wanted, key=lambda r: (length(r), r)):
        text = " ".join(texts[rid].split())
        best: tuple[float, Bounds, list[str]] | None = None
        for width in WIDTHS:
            lines, w = wrap(text, width, measure)
            h = len(lines) * LINE_HEIGHT + 2 * PAD
            for box in _candidates(routes[rid], w, h):
                cost = index.overlap(box)
                if best is None or cost < best[0]:
                    best = (cost, box, lines)
                if cost == 0:
                    break
            if best is not None and best[0] == 0:
                break
        assert best is not None
        cost, box, lines = best
        box = Bounds(round(box.x, 1), round(box.y, 1), round(box.w, 1), round(box.h, 1))
        placed[rid] = PlacedLabel(box, tuple(lines), cost == 0)
        index.add(box)
    return placed
