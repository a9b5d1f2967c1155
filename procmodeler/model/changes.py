"""Change records: the one primitive through which an architecture changes.

A :class:`Put` says "in *collection*, the value at *key* went from *old* to *new*"
(``None`` meaning absent) and where in the collection's order it stood, so its inverse
puts a removed element back at the same place. Transactions, undo, redo, the recovery
journal and change notices are all built from these records.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: Collections of an architecture and what their keys are.
#: ``shapes`` and ``waypoints`` are keyed by ``(level, element_id)`` where level is the
#: process whose children the diagram shows, or None for the landscape.
COLLECTIONS: tuple[str, ...] = (
    "meta",  # "meta" -> Metadata
    "processes",  # process id -> Process
    "units",  # unit id -> Unit
    "people",  # person id -> Person
    "relations",  # relation id -> Relation
    "kpis",  # kpi id -> Kpi
    "objectives",  # objective id -> Objective
    "contributions",  # (objective id, process id) -> note ("" for none)
    "improvements",  # improvement id -> Improvement
    "participation",  # (process id, unit id) -> letters ("" .. "RACI")
    "rules",  # rule id -> "off" | "error" | "warning" | "info"
    "suppressions",  # (rule id, element ids tuple) -> justification
    "diagrams",  # level -> DiagramOptions
    "shapes",  # (level, process id) -> Bounds
    "waypoints",  # (level, relation id) -> tuple of points
    "conflicts",  # (kind, id, field or "") -> (base, ours, theirs): unresolved merge conflicts
)

NESTED_COLLECTIONS = frozenset({"shapes", "waypoints"})


@dataclass(frozen=True, slots=True)
class Put:
    """One change: the value at ``collection[key]`` went from ``old`` to ``new``.

    ``index`` is the key's position in its (inner) collection: where a removed element
    stood, or where an added one landed, so that the inverse restores the order exactly.
    """

    collection: str
    key: Any
    old: Any
    new: Any
    index: int | None = None

    def inverse(self) -> Put:
        return Put(self.collection, self.key, self.new, self.old, self.index)

    @property
    def is_insert(self) -> bool:
        return self.old is None and self.new is not None

    @property
    def is_remove(self) -> bool:
        return self.old is not None and self.new is None
