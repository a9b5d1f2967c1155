"""The :class:`Architecture`: the whole model, its ordered collections and its queries.

All changes go through :meth:`Architecture.put` (or :meth:`Architecture.apply` for a
recorded :class:`Put`); nothing else writes to the collections. Derived indexes
(children, relations per process, ...) are cached and rebuilt when the collection they
depend on has changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from procmodeler.model.changes import COLLECTIONS, NESTED_COLLECTIONS, Put
from procmodeler.model.elements import (
    Bounds,
    DiagramOptions,
    Improvement,
    Kpi,
    Metadata,
    Objective,
    Origin,
    Person,
    Point,
    Process,
    Relation,
    Unit,
)
from procmodeler.model.ids import next_id

#: The collections whose elements share the one id namespace.
ID_COLLECTIONS: tuple[str, ...] = (
    "processes",
    "units",
    "people",
    "relations",
    "kpis",
    "objectives",
    "improvements",
)


#: The collections the derived lookups (:class:`_Index`) are made from: a change of any
#: other (shapes, routes, settings) keeps them.
INDEXED_COLLECTIONS = frozenset((*ID_COLLECTIONS, "participation", "contributions"))


class ModelError(Exception):
    """A change record does not fit the model (a programming error, not a user one)."""


class _Index:
    """Derived lookups for one revision of the collections they depend on."""

    def __init__(self) -> None:
        self.children: dict[str | None, list[str]] = {}
        self.unit_children: dict[str | None, list[str]] = {}
        self.relations_of: dict[str, list[str]] = {}
        self.kpis_of: dict[str, list[str]] = {}
        self.participation_of: dict[str, dict[str, str]] = {}
        self.people_in: dict[str | None, list[str]] = {}
        self.objective_children: dict[str | None, list[str]] = {}
        self.contributions_of: dict[str, dict[str, str]] = {}
        self.contributors: dict[str, dict[str, str]] = {}
        self.improvements_of: dict[str, list[str]] = {}
        self.kpis_measuring: dict[str, list[str]] = {}


class Architecture:
    """A process architecture: metadata, elements, settings and diagram geometry."""

    def __init__(self, meta: Metadata | None = None) -> None:
        self.meta: Metadata = meta or Metadata()
        self.processes: dict[str, Process] = {}
        self.units: dict[str, Unit] = {}
        self.people: dict[str, Person] = {}
        self.relations: dict[str, Relation] = {}
        self.kpis: dict[str, Kpi] = {}
        self.participation: dict[tuple[str, str], str] = {}
        self.objectives: dict[str, Objective] = {}
        self.contributions: dict[tuple[str, str], str] = {}
        self.improvements: dict[str, Improvement] = {}
        self.rules: dict[str, str] = {}
        self.suppressions: dict[tuple[str, tuple[str, ...]], str] = {}
        self.diagrams: dict[str | None, DiagramOptions] = {}
        self.shapes: dict[str | None, dict[str, Bounds]] = {}
        self.waypoints: dict[str | None, dict[str, tuple[Point, ...]]] = {}
        self.conflicts: dict[tuple[str, str, str], tuple[Any, Any, Any]] = {}
        #: Where the model was pulled from (a shared repository), or None. Not content:
        #: no change record touches it and :meth:`snapshot` leaves it out.
        self.origin: Origin | None = None
        self._revision = 0
        #: changes of the collections the index is made from (a moved shape or a
        #: setting keeps the index: finding it again cost a big model 30 ms a move)
        self._structure = 0
        self._index: _Index | None = None
        self._index_revision = -1

    # ------------------------------------------------------------------ changes
    @property
    def revision(self) -> int:
        """Increases with every applied change."""
        return self._revision

    def _dict(self, collection: str, key: Any, create: bool) -> tuple[dict[Any, Any], Any]:
        if collection == "meta":
            raise ModelError("meta is not a keyed collection")
        if collection not in COLLECTIONS:
            raise ModelError(f"unknown collection {collection!r}")
        target: dict[Any, Any] = getattr(self, collection)
        if collection in NESTED_COLLECTIONS:
            level, inner_key = key
            inner = target.get(level)
            if inner is None:
                inner = {}
                if create:
                    target[level] = inner
            return inner, inner_key
        return target, key

    def get(self, collection: str, key: Any) -> Any:
        """The value at ``collection[key]``, or None."""
        if collection == "meta":
            return self.meta
        d, k = self._dict(collection, key, create=False)
        return d.get(k)

    def put(self, collection: str, key: Any, new: Any) -> Put:
        """Set ``collection[key]`` to *new* (None removes it); return the change record."""
        old = self.get(collection, key)
        if collection == "meta":
            record = Put("meta", "meta", old, new, None)
        else:
            d, k = self._dict(collection, key, create=False)
            if old is None:
                index: int | None = len(d)
            elif new is None:
                index = list(d).index(k)
            else:
                index = None
            record = Put(collection, key, old, new, index)
        self.apply(record)
        return record

    def apply(self, record: Put) -> None:
        """Apply a recorded change; the current value must equal ``record.old``."""
        current = self.get(record.collection, record.key)
        if current != record.old:
            raise ModelError(
                f"change does not fit: {record.collection}[{record.key!r}] is {current!r}, "
                f"expected {record.old!r}"
            )
        if record.collection == "meta":
            if record.new is None:
                raise ModelError("metadata cannot be removed")
            self.meta = record.new
        else:
            d, k = self._dict(record.collection, record.key, create=record.new is not None)
            if record.new is None:
                if record.old is not None:
                    del d[k]
                if record.collection in NESTED_COLLECTIONS and not d:
                    getattr(self, record.collection).pop(record.key[0], None)
            elif record.old is None and record.index is not None and record.index < len(d):
                items = list(d.items())
                items.insert(record.index, (k, record.new))
                d.clear()
                d.update(items)
            else:
                d[k] = record.new
        self._revision += 1
        if record.collection in INDEXED_COLLECTIONS:
            self._structure += 1

    def apply_all(self, records: Iterable[Put]) -> None:
        for record in records:
            self.apply(record)

    # ------------------------------------------------------------------ copies
    def copy(self) -> Architecture:
        """An independent copy (records are immutable, so only the dicts are copied)."""
        other = Architecture(self.meta)
        other.origin = self.origin
        for name in COLLECTIONS[1:]:
            src = getattr(self, name)
            if name in NESTED_COLLECTIONS:
                setattr(other, name, {level: dict(inner) for level, inner in src.items()})
            else:
                setattr(other, name, dict(src))
        return other

    @classmethod
    def from_collections(
        cls, meta: Metadata, collections: dict[str, dict[Any, Any]]
    ) -> Architecture:
        """A new model holding the given collections (name -> dict, keyed as in
        :data:`COLLECTIONS`; nested ones as ``{level: {key: value}}``), in their order.

        For readers that build a whole model at once (files, importers): much faster
        than one :meth:`put` per element, and there is no history to record yet. The
        dicts are taken over, not copied.
        """
        arch = cls(meta)
        for name, values in collections.items():
            if name not in COLLECTIONS[1:]:
                raise ModelError(f"unknown collection {name!r}")
            if name in NESTED_COLLECTIONS:
                values = {level: inner for level, inner in values.items() if inner}
            setattr(arch, name, values)
        return arch

    def snapshot(self) -> tuple[Any, ...]:
        """A comparable value of everything in the model, order included.

        Nested geometry and diagram options are compared per level regardless of level
        order (levels have no order of their own); everything else in its stored order.
        """
        parts: list[Any] = [self.meta]
        for name in COLLECTIONS[1:]:
            src = getattr(self, name)
            if name == "diagrams":
                parts.append(tuple(sorted(src.items(), key=lambda item: item[0] or "")))
            elif name in NESTED_COLLECTIONS:
                parts.append(
                    tuple(
                        sorted(
                            ((level or "", tuple(inner.items())) for level, inner in src.items()),
                            key=lambda item: item[0],
                        )
                    )
                )
            else:
                parts.append(tuple(src.items()))
        return tuple(parts)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Architecture):
            return NotImplemented
        return self.snapshot() == other.snapshot()

    __hash__ = None  # type: ignore[assignment]

    # ------------------------------------------------------------------ ids
    def all_ids(self) -> set[str]:
        """Ids of processes, units, people, relations, KPIs, objectives and improvements
        (one namespace)."""
        ids: set[str] = set()
        for name in ID_COLLECTIONS:
            ids.update(getattr(self, name))
        return ids

    def next_id(self, prefix: str, taken: set[str] | None = None) -> str:
        """A deterministic new id ``prefix<N>`` with N one above the highest in use
        (:mod:`procmodeler.model.ids`, the one id policy)."""
        return next_id(prefix, taken if taken is not None else self.all_ids())

    # ------------------------------------------------------------------ indexes
    def _idx(self) -> _Index:
        if self._index is not None and self._index_revision == self._structure:
            return self._index
        idx = _Index()
        for pid, proc in self.processes.items():
            idx.children.setdefault(proc.parent, []).append(pid)
        for uid, unit in self.units.items():
            idx.unit_children.setdefault(unit.parent, []).append(uid)
        for rid, rel in self.relations.items():
            idx.relations_of.setdefault(rel.source, []).append(rid)
            if rel.target != rel.source:
                idx.relations_of.setdefault(rel.target, []).append(rid)
        for kid, kpi in self.kpis.items():
            idx.kpis_of.setdefault(kpi.process, []).append(kid)
            if kpi.objective is not None:
                idx.kpis_measuring.setdefault(kpi.objective, []).append(kid)
        for (pid, uid), letters in self.participation.items():
            idx.participation_of.setdefault(pid, {})[uid] = letters
        for person_id, person in self.people.items():
            idx.people_in.setdefault(person.unit, []).append(person_id)
        for oid, objective in self.objectives.items():
            idx.objective_children.setdefault(objective.parent, []).append(oid)
        for (oid, pid), note in self.contributions.items():
            idx.contributions_of.setdefault(pid, {})[oid] = note
            idx.contributors.setdefault(oid, {})[pid] = note
        for iid, improvement in self.improvements.items():
            idx.improvements_of.setdefault(improvement.process, []).append(iid)
        self._index = idx
        self._index_revision = self._structure
        return idx

    # ------------------------------------------------------------------ processes
    def children(self, parent: str | None) -> list[str]:
        """Ids of the processes whose parent is *parent* (None: top level), in order."""
        return list(self._idx().children.get(parent, ()))

    def top_level(self) -> list[str]:
        return self.children(None)

    def ancestors(self, pid: str) -> list[str]:
        """Parent, grandparent, ... of a process (nearest first)."""
        result: list[str] = []
        seen = {pid}
        parent = self.processes[pid].parent
        while parent is not None and parent not in seen:
            result.append(parent)
            seen.add(parent)
            parent = self.processes[parent].parent
        return result

    def descendants(self, pid: str) -> list[str]:
        """Children, grandchildren, ... of a process, depth first in order."""
        result: list[str] = []
        stack = list(reversed(self.children(pid)))
        children = self._idx().children
        while stack:
            current = stack.pop()
            result.append(current)
            stack.extend(reversed(children.get(current, ())))
        return result

    def depth(self, pid: str) -> int:
        """0 for a top-level process."""
        return len(self.ancestors(pid))

    def walk(self) -> Iterator[str]:
        """Every process id, depth first from the top level, in order."""
        for pid in self.top_level():
            yield pid
            yield from self.descendants(pid)

    # ------------------------------------------------------------------ relations, kpis
    def relations_of(self, pid: str) -> list[str]:
        """Ids of the relations with *pid* at either end."""
        return list(self._idx().relations_of.get(pid, ()))

    def kpis_of(self, pid: str) -> list[str]:
        return list(self._idx().kpis_of.get(pid, ()))

    def participation_of(self, pid: str) -> dict[str, str]:
        """Unit id -> RACI letters for one process, in stored order."""
        return dict(self._idx().participation_of.get(pid, {}))

    # ------------------------------------------------------------------ units, people
    def unit_children(self, parent: str | None) -> list[str]:
        return list(self._idx().unit_children.get(parent, ()))

    def unit_ancestors(self, uid: str) -> list[str]:
        result: list[str] = []
        seen = {uid}
        parent = self.units[uid].parent
        while parent is not None and parent not in seen:
            result.append(parent)
            seen.add(parent)
            parent = self.units[parent].parent
        return result

    def unit_descendants(self, uid: str) -> list[str]:
        result: list[str] = []
        stack = list(reversed(self.unit_children(uid)))
        children = self._idx().unit_children
        while stack:
            current = stack.pop()
            result.append(current)
            stack.extend(reversed(children.get(current, ())))
        return result

    def walk_units(self) -> Iterator[str]:
        for uid in self.unit_children(None):
            yield uid
            yield from self.unit_descendants(uid)

    def people_in(self, uid: str | None) -> list[str]:
        return list(self._idx().people_in.get(uid, ()))

    # ------------------------------------------------------------------ strategy
    def objective_children(self, parent: str | None) -> list[str]:
        """Ids of the objectives under *parent* (None: top level), in order."""
        return list(self._idx().objective_children.get(parent, ()))

    def objective_ancestors(self, oid: str) -> list[str]:
        """Parent, grandparent, ... of an objective (nearest first)."""
        result: list[str] = []
        seen = {oid}
        parent = self.objectives[oid].parent
        while parent is not None and parent not in seen and parent in self.objectives:
            result.append(parent)
            seen.add(parent)
            parent = self.objectives[parent].parent
        return result

    def objective_descendants(self, oid: str) -> list[str]:
        """Children, grandchildren, ... of an objective, depth first in order."""
        result: list[str] = []
        children = self._idx().objective_children
        stack = list(reversed(children.get(oid, ())))
        seen = {oid}
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            result.append(current)
            stack.extend(reversed(children.get(current, ())))
        return result

    def walk_objectives(self) -> Iterator[str]:
        """Every objective id, depth first from the top level, in order."""
        for oid in self.objective_children(None):
            yield oid
            yield from self.objective_descendants(oid)

    def contributions_of(self, pid: str) -> dict[str, str]:
        """Objective id -> note, for the objectives process *pid* contributes to."""
        return dict(self._idx().contributions_of.get(pid, {}))

    def contributors(self, oid: str) -> dict[str, str]:
        """Process id -> note, for the processes that contribute to objective *oid*."""
        return dict(self._idx().contributors.get(oid, {}))

    def improvements_of(self, pid: str) -> list[str]:
        """Ids of the improvements of process *pid*, in order."""
        return list(self._idx().improvements_of.get(pid, ()))

    def kpis_measuring(self, oid: str) -> list[str]:
        """Ids of the KPIs that measure objective *oid*, in order."""
        return list(self._idx().kpis_measuring.get(oid, ()))

    # ------------------------------------------------------------------ diagrams
    def diagram_levels(self) -> list[str | None]:
        """Levels that have a diagram: the landscape first, then in process order."""
        levels = set(self.diagrams) | set(self.shapes) | set(self.waypoints)
        ordered: list[str | None] = []
        if None in levels:
            ordered.append(None)
        ordered.extend(pid for pid in self.walk() if pid in levels)
        return ordered

    def shapes_on(self, level: str | None) -> dict[str, Bounds]:
        return dict(self.shapes.get(level, {}))

    def levels_showing(self, pid: str) -> list[str | None]:
        """The diagram levels that have a shape for process *pid*."""
        return [level for level, inner in self.shapes.items() if pid in inner]

    # ------------------------------------------------------------------ references
    def references_to(self, element_id: str) -> list[tuple[str, Any, str]]:
        """Where an element is referred to: ``(collection, key, field)`` triples."""
        refs: list[tuple[str, Any, str]] = []
        if element_id in self.people:
            for pid, proc in self.processes.items():
                if proc.owner == element_id:
                    refs.append(("processes", pid, "owner"))
                if proc.leader == element_id:
                    refs.append(("processes", pid, "leader"))
            for uid, unit in self.units.items():
                if unit.head == element_id:
                    refs.append(("units", uid, "head"))
            for oid, objective in self.objectives.items():
                if objective.owner == element_id:
                    refs.append(("objectives", oid, "owner"))
            for iid, improvement in self.improvements.items():
                if improvement.responsible == element_id:
                    refs.append(("improvements", iid, "responsible"))
        if element_id in self.units:
            for uid in self.unit_children(element_id):
                refs.append(("units", uid, "parent"))
            for person_id in self.people_in(element_id):
                refs.append(("people", person_id, "unit"))
            for pid, uid in self.participation:
                if uid == element_id:
                    refs.append(("participation", (pid, uid), "unit"))
        return refs
