"""What a committed transaction changed, in the terms the views think in: which
processes, relations, units, people, KPIs, objectives, contributions and improvements;
whether the process tree, the unit tree or the objective tree changed shape; which diagram levels' geometry changed; whether the metadata or the rule
settings did. Every view reads an :class:`Impact` instead of decoding change records, so
a new collection is taught here once (see docs/architecture.md, "How to add a field")."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from procmodeler.model.architecture import Architecture
from procmodeler.model.changes import Put
from procmodeler.model.events import Committed

Level = str | None


def _ends(records: tuple[Any, ...], *names: str) -> set[Any]:
    return {getattr(r, n) for r in records if r is not None for n in names}


@dataclass
class Impact:
    """The effect of one transaction, undo or redo."""

    #: processes added, removed or changed (any field)
    processes: set[str] = field(default_factory=set)
    #: relations added, removed or changed
    relations: set[str] = field(default_factory=set)
    units: set[str] = field(default_factory=set)
    people: set[str] = field(default_factory=set)
    kpis: set[str] = field(default_factory=set)
    #: processes whose KPIs were added, removed or changed
    kpi_processes: set[str] = field(default_factory=set)
    #: processes and units whose participation rows changed
    participation: set[tuple[str, str]] = field(default_factory=set)
    #: the parents (old and new) of the processes added, removed or changed
    parents: set[str] = field(default_factory=set)
    #: processes whose owner or leader is one of the people changed
    staffed: set[str] = field(default_factory=set)
    #: processes at either end (old and new) of the relations changed
    relation_ends: set[str] = field(default_factory=set)
    #: processes added or removed, or whose kind changed (the landscape's bands)
    kinds: set[str] = field(default_factory=set)
    #: a process was added, removed or got another parent
    tree: bool = False
    #: a unit was added, removed or got another parent
    unit_tree: bool = False
    #: (level, process) of the shapes added, moved, resized or removed
    shapes: set[tuple[Level, str]] = field(default_factory=set)
    #: (level, relation) of the bend points changed
    waypoints: set[tuple[Level, str]] = field(default_factory=set)
    #: levels whose diagram options (swimlanes, lane order) changed
    diagrams: set[Level] = field(default_factory=set)
    #: the metadata (name, organisation, ...) changed
    metadata: bool = False
    #: rule settings or suppressions changed
    rules: bool = False
    #: objectives added, removed or changed
    objectives: set[str] = field(default_factory=set)
    #: an objective was added, removed or got another parent (the objective tree)
    objective_tree: bool = False
    #: (objective, process) of the contributions added, removed or changed
    contributions: set[tuple[str, str]] = field(default_factory=set)
    #: improvements added, removed or changed
    improvements: set[str] = field(default_factory=set)
    #: processes whose improvements were added, removed or changed (old and new process)
    improvement_processes: set[str] = field(default_factory=set)
    #: objectives whose measuring KPIs changed (a KPI's objective, old and new)
    measured_objectives: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, committed: Committed | tuple[Put, ...], arch: Architecture) -> Impact:
        """The impact of *committed* (its change records) on *arch* (the model after it)."""
        changes = committed.changes if isinstance(committed, Committed) else committed
        imp = cls()
        for c in changes:
            imp._add(c)
        if imp.people:
            imp.staffed = {
                pid
                for pid, proc in arch.processes.items()
                if proc.owner in imp.people or proc.leader in imp.people
            }
        return imp

    def _add(self, c: Put) -> None:
        coll = c.collection
        both = (c.old, c.new)
        if coll == "processes":
            self.processes.add(c.key)
            self.parents |= _ends(both, "parent") - {None}
            changed_parent = c.old is None or c.new is None or c.old.parent != c.new.parent
            self.tree |= changed_parent
            if c.old is None or c.new is None or c.old.kind != c.new.kind:
                self.kinds.add(c.key)
        elif coll == "relations":
            self.relations.add(c.key)
            self.relation_ends |= _ends(both, "source", "target")
        elif coll == "units":
            self.units.add(c.key)
            self.unit_tree |= c.old is None or c.new is None or c.old.parent != c.new.parent
        elif coll == "people":
            self.people.add(c.key)
        elif coll == "kpis":
            self.kpis.add(c.key)
            self.kpi_processes |= _ends(both, "process")
            self.measured_objectives |= _ends(both, "objective") - {None}
        elif coll == "objectives":
            self.objectives.add(c.key)
            self.objective_tree |= c.old is None or c.new is None or c.old.parent != c.new.parent
        elif coll == "contributions":
            self.contributions.add(c.key)
        elif coll == "improvements":
            self.improvements.add(c.key)
            self.improvement_processes |= _ends(both, "process")
        elif coll == "participation":
            self.participation.add(c.key)
        elif coll == "shapes":
            self.shapes.add(c.key)
        elif coll == "waypoints":
            self.waypoints.add(c.key)
        elif coll == "diagrams":
            self.diagrams.add(c.key)
        elif coll == "meta":
            self.metadata = True
        elif coll in ("rules", "suppressions"):
            self.rules = True

    # ------------------------------------------------------------------ questions
    @property
    def elements(self) -> bool:
        """Some element's record changed (what the properties and lists show), not
        only geometry or rule settings."""
        return bool(
            self.processes
            or self.relations
            or self.units
            or self.people
            or self.kpis
            or self.participation
            or self.metadata
            or self.objectives
            or self.contributions
            or self.improvements
        )

    @property
    def geometry(self) -> set[Level]:
        """Levels whose shapes, bend points or diagram options changed."""
        return {lvl for lvl, _ in self.shapes} | {lvl for lvl, _ in self.waypoints} | self.diagrams

    def shapes_at(self, level: Level) -> set[str]:
        """Processes whose shape on *level* changed."""
        return {pid for lvl, pid in self.shapes if lvl == level}

    def waypoints_at(self, level: Level) -> set[str]:
        """Relations whose bend points on *level* changed."""
        return {rid for lvl, rid in self.waypoints if lvl == level}

    @property
    def participation_processes(self) -> set[str]:
        return {pid for pid, _ in self.participation}

    @property
    def contribution_processes(self) -> set[str]:
        """Processes whose contributions to objectives changed."""
        return {pid for _, pid in self.contributions}

    @property
    def contribution_objectives(self) -> set[str]:
        """Objectives whose contributing processes changed."""
        return {oid for oid, _ in self.contributions}

    @property
    def strategy(self) -> bool:
        """Something the strategy views show changed: objectives, contributions,
        improvements, or which objective a KPI measures."""
        return bool(
            self.objectives or self.contributions or self.improvements or self.measured_objectives
        )
