"""The matrices' columns, Qt-free: one per unit in unit-tree order (the participation
matrix) or per objective in objective-tree order (the strategy matrix), with its depth
and the span of its subtree (for the grouped header)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from procmodeler.model.architecture import Architecture


@dataclass(frozen=True)
class UnitColumn:
    """One column of a tree of columns (a unit, or an objective in the strategy matrix):
    its depth in the tree and the last column of its subtree."""

    uid: str
    name: str
    depth: int
    span_end: int  # index (into the unit columns) of the last descendant's column


def _tree_columns(
    order: list[str],
    name: Callable[[str], str],
    descendants: Callable[[str], list[str]],
    ancestors: Callable[[str], list[str]],
) -> list[UnitColumn]:
    position = {ident: i for i, ident in enumerate(order)}
    cols = []
    for ident in order:
        end = max((position[d] for d in descendants(ident)), default=position[ident])
        cols.append(UnitColumn(ident, name(ident), len(ancestors(ident)), end))
    return cols


def unit_columns(arch: Architecture) -> list[UnitColumn]:
    """The unit columns of *arch*, parents before their sub-units."""
    return _tree_columns(
        list(arch.walk_units()),
        lambda uid: arch.units[uid].name,
        arch.unit_descendants,
        arch.unit_ancestors,
    )


def objective_columns(arch: Architecture) -> list[UnitColumn]:
    """The objective columns of the strategy matrix, parents before sub-objectives."""
    return _tree_columns(
        list(arch.walk_objectives()),
        lambda oid: arch.objectives[oid].name,
        arch.objective_descendants,
        arch.objective_ancestors,
    )


def header_bands(cols: list[UnitColumn]) -> int:
    """How many bands the grouped header needs (one per unit-tree level)."""
    return 1 + max((c.depth for c in cols), default=0)
