"""What management should act on (the management view, Qt-free): processes whose KPIs
raise a concern or cannot meet their target, with and without an improvement under
way; objectives that no process serves or no KPI measures; overdue improvements and
reviews. The definitions are those of RULES.md's strategy and improvement rules."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from procmodeler.analysis.xmr import KpiAnalysis, analyse_kpi
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import Kpi

#: statuses of an improvement that answers a concern (RULES.md improvement.concern-unanswered)
UNDER_WAY = ("planned", "ongoing")


@dataclass(frozen=True)
class Concern:
    """A process with KPIs that raise a concern (a special cause for the worse) or that
    cannot meet their target, and the improvements under way on it or its descendants."""

    process: str
    concern: tuple[str, ...]  # KPI ids with a special cause concern
    not_capable: tuple[str, ...]  # KPI ids that cannot meet their target
    answered_by: tuple[str, ...]  # improvement ids, planned or ongoing

    @property
    def kpis(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.concern + self.not_capable))


@dataclass(frozen=True)
class Attention:
    """Everything the management view lists, each in model order."""

    unanswered: tuple[Concern, ...] = ()
    answered: tuple[Concern, ...] = ()
    unserved: tuple[str, ...] = ()  # objective ids
    unmeasured: tuple[str, ...] = ()  # objective ids
    overdue_improvements: tuple[str, ...] = ()  # improvement ids
    overdue_reviews: tuple[str, ...] = ()  # process ids

    def total(self) -> int:
        return (
            len(self.unanswered)
            + len(self.unserved)
            + len(self.unmeasured)
            + len(self.overdue_improvements)
            + len(self.overdue_reviews)
        )


def overdue_improvements(arch: Architecture, today: str) -> list[str]:
    """Improvements planned or ongoing whose due date is before *today* (YYYY-MM-DD)."""
    return [
        iid
        for iid, imp in arch.improvements.items()
        if imp.status in UNDER_WAY and imp.due is not None and imp.due < today
    ]


def is_overdue(arch: Architecture, iid: str, today: str) -> bool:
    imp = arch.improvements[iid]
    return imp.status in UNDER_WAY and imp.due is not None and imp.due < today


def _objective_gaps(arch: Architecture) -> tuple[list[str], list[str]]:
    if not arch.objectives:  # nothing to walk (and no index to build for it)
        return [], []
    served: set[str] = {oid for oid, _ in arch.contributions}
    measured: set[str] = {k.objective for k in arch.kpis.values() if k.objective is not None}
    unserved, unmeasured = [], []
    for oid in arch.walk_objectives():
        family = {oid, *arch.objective_descendants(oid)}
        if not family & served:
            unserved.append(oid)
        if not family & measured:
            unmeasured.append(oid)
    return unserved, unmeasured


def _concerns(
    arch: Architecture, analyse: Callable[[Kpi], KpiAnalysis]
) -> tuple[list[Concern], list[Concern]]:
    concern: dict[str, list[str]] = {}
    capable: dict[str, list[str]] = {}
    for kpi in arch.kpis.values():
        if not kpi.series:
            continue
        result = analyse(kpi)
        if result.variation == "special_cause_concern":
            concern.setdefault(kpi.process, []).append(kpi.id)
        if result.assurance == "consistent_fail":
            capable.setdefault(kpi.process, []).append(kpi.id)
    unanswered: list[Concern] = []
    answered: list[Concern] = []
    if not concern and not capable:  # the usual case: no walk over every process
        return unanswered, answered
    for pid in arch.walk():
        if pid not in concern and pid not in capable:
            continue
        family = [pid, *arch.descendants(pid)]
        under_way = tuple(
            iid
            for each in family
            for iid in arch.improvements_of(each)
            if arch.improvements[iid].status in UNDER_WAY
        )
        item = Concern(pid, tuple(concern.get(pid, ())), tuple(capable.get(pid, ())), under_way)
        (answered if under_way else unanswered).append(item)
    return unanswered, answered


def attention(
    arch: Architecture, today: str, analyse: Callable[[Kpi], KpiAnalysis] = analyse_kpi
) -> Attention:
    """What to act on in *arch* on *today* (``YYYY-MM-DD``). *analyse* may be a cached
    ``analyse_kpi``."""
    unanswered, answered = _concerns(arch, analyse)
    unserved, unmeasured = _objective_gaps(arch)
    due = {
        pid
        for pid, p in arch.processes.items()
        if p.next_review is not None and p.next_review < today
    }
    reviews = [pid for pid in arch.walk() if pid in due] if due else []
    return Attention(
        tuple(unanswered),
        tuple(answered),
        tuple(unserved),
        tuple(unmeasured),
        tuple(overdue_improvements(arch, today)),
        tuple(reviews),
    )
