"""The automatic layout of a model that has no geometry (e.g. one imported from a
register or from BPMN without diagram data): every level laid out by
:mod:`procmodeler.notation.autolayout` (the landscape in three bands, sub-process
levels as a layered left-to-right flow)."""

from __future__ import annotations

from collections.abc import Sequence

from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import Bounds
from procmodeler.notation.autolayout import (
    PER_ROW,
    flow_order,
    layout,
    layout_landscape,
    layout_layered,
)

__all__ = ["PER_ROW", "apply_layout", "flow_order", "layout", "layout_level"]


def layout_level(
    arch: Architecture, pids: Sequence[str], flows: Sequence[tuple[str, str]]
) -> dict[str, Bounds]:
    """Bounds for the sibling processes *pids* on one diagram."""
    if pids and arch.processes[pids[0]].parent is None:
        return layout_landscape(arch, pids)
    return layout_layered(pids, flows)


def apply_layout(arch: Architecture) -> None:
    """Place every process of a model without geometry (building a fresh model, so
    through ``arch.put`` directly and without an undo history)."""
    for level, shapes in layout(arch).items():
        for pid, bounds in shapes.items():
            arch.put("shapes", (level, pid), bounds)
