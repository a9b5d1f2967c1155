"""The participation matrix's columns, Qt-free: one per unit in unit-tree order, with
its depth and the span of its subtree (for the grouped header)."""

from __future__ import annotations

from dataclasses import dataclass

from procmodeler.model.architecture import Architecture


@dataclass(frozen=True)
class UnitColumn:
    """One unit column: its depth in the unit tree and the last column of its subtree."""

    uid: str
    name: str
    depth: int
    span_end: int  # index (into the unit columns) of the last descendant's column


def unit_columns(arch: Architecture) -> list[UnitColumn]:
    """The unit columns of *arch*, parents before their sub-units."""
    order = list(arch.walk_units())
    position = {uid: i for i, uid in enumerate(order)}
    cols = []
    for uid in order:
        descendants = arch.unit_descendants(uid)
        end = max((position[d] for d in descendants), default=position[uid])
        cols.append(UnitColumn(uid, arch.units[uid].name, len(arch.unit_ancestors(uid)), end))
    return cols


def header_bands(cols: list[UnitColumn]) -> int:
    """How many bands the grouped header needs (one per unit-tree level)."""
    return 1 + max((c.depth for c in cols), default=0)
