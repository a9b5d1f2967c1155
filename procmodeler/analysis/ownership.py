"""Who answers for each process: its own owner, an inherited one, or nobody."""

from __future__ import annotations

from dataclasses import dataclass

from procmodeler.model.architecture import Architecture

#: How a process has its owner: its own, inherited from a parent process, or none.
OWN, INHERITED, NONE = "own", "inherited", "none"


@dataclass(frozen=True, slots=True)
class Ownership:
    """The person who answers for a process and where that comes from: ``source`` is
    the process whose owner field names them (the process itself when the owner is its
    own, the nearest parent process with an owner when inherited), None when nobody
    answers for the process at any level."""

    process: str
    person: str | None
    source: str | None

    @property
    def how(self) -> str:
        """``own``, ``inherited`` or ``none``."""
        if self.source is None:
            return NONE
        return OWN if self.source == self.process else INHERITED


def ownership(arch: Architecture, pid: str) -> Ownership:
    """The owner of one process, as RULES.md's ``responsibility.no-owner`` reads it (an
    owner field naming a person who is not in the model counts as no owner)."""
    for each in (pid, *arch.ancestors(pid)):
        owner = arch.processes[each].owner
        if owner is not None and owner in arch.people:
            return Ownership(pid, owner, each)
    return Ownership(pid, None, None)


def ownerships(arch: Architecture) -> dict[str, Ownership]:
    """The owner of every process, in the model's process order (one pass from the top
    of the hierarchy down)."""
    found: dict[str, Ownership] = {}
    for pid in arch.walk():
        proc = arch.processes[pid]
        if proc.owner is not None and proc.owner in arch.people:
            found[pid] = Ownership(pid, proc.owner, pid)
        elif proc.parent is not None and proc.parent in found:
            above = found[proc.parent]
            found[pid] = Ownership(pid, above.person, above.source)
        else:
            found[pid] = Ownership(pid, None, None)
    for pid in arch.processes:  # not reached from the top level (a parent cycle)
        if pid not in found:
            found[pid] = ownership(arch, pid)
    return {pid: found[pid] for pid in arch.processes}


def ownership_counts(owners: dict[str, Ownership]) -> dict[str, int]:
    """How many processes have their own owner, inherit one, or have none."""
    counts = {OWN: 0, INHERITED: 0, NONE: 0}
    for each in owners.values():
        counts[each.how] += 1
    return counts
