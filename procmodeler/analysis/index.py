"""One index of an architecture per check run: the lookups the rules share (children,
relations per process, participation, owners' units, the unit tree), each built in one
pass over the model and only when a rule first asks for it.

The index is defensive about references that a well-formed model never has (a parent,
owner, unit or relation end that does not exist, a cycle in a parent chain): they are
treated as absent rather than raising, so that checks never crash on a model that an
importer let through.
"""

from __future__ import annotations

import datetime
from functools import cached_property

from procmodeler.analysis.attention import Attention, attention
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import RELATION_KINDS, Kpi, Person, Process, Relation


class ModelIndex:
    """Lookups over one revision of an architecture, computed lazily."""

    def __init__(self, arch: Architecture, today: str | None = None) -> None:
        self.arch = arch
        self.processes: dict[str, Process] = arch.processes
        self.revision = arch.revision
        #: the date that date rules compare with (``YYYY-MM-DD``): the clock's by default
        self.today: str = today or datetime.date.today().isoformat()

    @cached_property
    def attention(self) -> Attention:
        """What management should act on (concerns, objectives without a process or a
        KPI, overdue improvements and reviews): the one definition that the strategy and
        improvement rules and the management view share."""
        return attention(self.arch, self.today)

    # ------------------------------------------------------------------ hierarchy
    @cached_property
    def parent(self) -> dict[str, str | None]:
        """Process id -> parent id (None for top level, and for a dangling parent)."""
        procs = self.processes
        return {
            pid: (p.parent if p.parent is not None and p.parent in procs else None)
            for pid, p in procs.items()
        }

    @cached_property
    def children(self) -> dict[str | None, list[str]]:
        """Parent id (None: top level) -> child ids in model order."""
        out: dict[str | None, list[str]] = {}
        for pid, parent in self.parent.items():
            out.setdefault(parent, []).append(pid)
        return out

    def siblings_count(self, pid: str) -> int:
        """How many other processes share the parent of *pid*."""
        return len(self.children.get(self.parent[pid], ())) - 1

    def ancestors(self, pid: str) -> list[str]:
        """Parent, grandparent, ... (nearest first), stopping at a cycle."""
        out: list[str] = []
        seen = {pid}
        current = self.parent[pid]
        while current is not None and current not in seen:
            out.append(current)
            seen.add(current)
            current = self.parent[current]
        return out

    def self_or_ancestor_in(self, flagged: set[str]) -> set[str]:
        """Processes that are in *flagged* or have an ancestor in it (one pass, memoised)."""
        known: dict[str, bool] = {}
        parent = self.parent
        for pid in self.processes:
            if pid in known:
                continue
            path: list[str] = []
            on_path: set[str] = set()
            value = False
            current: str | None = pid
            while current is not None:
                if current in known:
                    value = known[current]
                    break
                if current in flagged:
                    value = True
                    break
                if current in on_path:  # a parent cycle: nothing above it counts
                    break
                path.append(current)
                on_path.add(current)
                current = parent[current]
            for p in path:
                known[p] = value
            if current is not None and current in flagged:
                known[current] = True
        return {p for p, v in known.items() if v} | (flagged & self.processes.keys())

    def self_or_descendant_in(self, flagged: set[str]) -> set[str]:
        """Processes that are in *flagged* or have a descendant in it."""
        out: set[str] = set()
        parent = self.parent
        for pid in flagged:
            current: str | None = pid
            while current is not None and current not in out and current in self.processes:
                out.add(current)
                current = parent[current]
        return out

    # ------------------------------------------------------------------ relations
    @cached_property
    def relations(self) -> list[Relation]:
        """The relations whose ends both exist and whose kind is known, in model order."""
        procs = self.processes
        return [
            r
            for r in self.arch.relations.values()
            if r.source in procs and r.target in procs and r.kind in RELATION_KINDS
        ]

    @cached_property
    def related(self) -> set[str]:
        """Processes with at least one relation (either direction)."""
        out: set[str] = set()
        for r in self.relations:
            out.add(r.source)
            out.add(r.target)
        return out

    @cached_property
    def isolated(self) -> list[str]:
        """The processes ``orphan.isolated`` reports, in model order: no relation of their
        own or of a descendant, and siblings (the support and steering rules leave them
        out, so three rules ask)."""
        with_relation = self.self_or_descendant_in(self.related)
        return [
            pid
            for pid in self.processes
            if pid not in with_relation and self.siblings_count(pid) > 0
        ]

    def sources_of(self, kind: str) -> set[str]:
        """Processes with an outgoing relation of *kind* of their own."""
        return {r.source for r in self.relations if r.kind == kind}

    @cached_property
    def flow(self) -> list[Relation]:
        return [r for r in self.relations if r.kind == "flow"]

    # ------------------------------------------------------------------ participation
    @cached_property
    def participation(self) -> dict[str, dict[str, str]]:
        """Process id -> {unit id: letters} for rows whose process and unit exist."""
        procs = self.processes
        units = self.arch.units
        out: dict[str, dict[str, str]] = {}
        for (pid, uid), letters in self.arch.participation.items():
            if pid in procs and uid in units:
                out.setdefault(pid, {})[uid] = letters
        return out

    @cached_property
    def accountable(self) -> dict[str, list[str]]:
        """Process id -> the participating units with ``A`` (only processes with any)."""
        out: dict[str, list[str]] = {}
        for pid, rows in self.participation.items():
            units = [uid for uid, letters in rows.items() if "A" in letters]
            if units:
                out[pid] = units
        return out

    # ------------------------------------------------------------------ people, units
    def owner(self, pid: str) -> Person | None:
        """The process's own owner (not inherited), None when unset or dangling."""
        owner_id = self.processes[pid].owner
        return self.arch.people.get(owner_id) if owner_id is not None else None

    def unit_of(self, person: Person) -> str | None:
        """The person's unit, None when unset or dangling."""
        return person.unit if person.unit is not None and person.unit in self.arch.units else None

    @cached_property
    def unit_chain(self) -> dict[str, tuple[str, ...]]:
        """Unit id -> its path from the root of its tree down to itself."""
        units = self.arch.units
        chains: dict[str, tuple[str, ...]] = {}
        for uid in units:
            if uid in chains:
                continue
            path: list[str] = []
            seen: set[str] = set()
            current: str | None = uid
            base: tuple[str, ...] = ()
            while current is not None and current in units:
                if current in chains:
                    base = chains[current]
                    break
                if current in seen:  # a cycle: cut it here
                    break
                path.append(current)
                seen.add(current)
                current = units[current].parent
            for u in reversed(path):
                base = (*base, u)
                chains[u] = base
        return chains

    def unit_is_ancestor_or_self(self, upper: str, lower: str) -> bool:
        chain = self.unit_chain.get(lower, ())
        return upper in chain

    def span(self, unit_ids: list[str]) -> str | None:
        """The lowest common ancestor-or-self of the units, None when in separate trees."""
        chains = [self.unit_chain[u] for u in unit_ids]
        common = chains[0]
        for chain in chains[1:]:
            n = 0
            for a, b in zip(common, chain, strict=False):
                if a != b:
                    break
                n += 1
            common = common[:n]
            if not common:
                return None
        return common[-1] if common else None

    # ------------------------------------------------------------------ kpis, diagrams
    @cached_property
    def kpis_of(self) -> dict[str, list[Kpi]]:
        out: dict[str, list[Kpi]] = {}
        procs = self.processes
        for kpi in self.arch.kpis.values():
            if kpi.process in procs:
                out.setdefault(kpi.process, []).append(kpi)
        return out

    @cached_property
    def placed(self) -> set[str]:
        """Processes that have a shape on at least one diagram."""
        out: set[str] = set()
        for inner in self.arch.shapes.values():
            out.update(inner)
        return out

    # ------------------------------------------------------------------ names
    def process_name(self, pid: str) -> str:
        return self.processes[pid].name

    def unit_name(self, uid: str) -> str:
        unit = self.arch.units.get(uid)
        return unit.name if unit is not None else uid
