"""What the views mark from the findings and the model: the worst severity of the
findings about each element and each process (a process is marked by the findings that
name it, not by those that only mention it), and the owner's unit of a process (marked
in the participation matrix)."""

from __future__ import annotations

from collections.abc import Iterable

from procmodeler.analysis.findings import SEVERITY_ORDER, Finding
from procmodeler.model.architecture import Architecture

_RANK = {severity: i for i, severity in enumerate(SEVERITY_ORDER)}


def worst(severities: Iterable[str]) -> str | None:
    """The most serious of some severities ("error" before "warning" before "info")."""
    best: str | None = None
    for severity in severities:
        if best is None or _RANK.get(severity, 99) < _RANK.get(best, 99):
            best = severity
    return best


def severity_by_element(findings: Iterable[Finding]) -> dict[str, str]:
    """Element id -> the worst severity of the findings naming or mentioning it."""
    by_element: dict[str, list[str]] = {}
    for finding in findings:
        for ident in (*finding.elements, *finding.related):
            by_element.setdefault(ident, []).append(finding.severity)
    return {k: worst(v) or "info" for k, v in by_element.items()}


def severity_by_process(arch: Architecture, findings: Iterable[Finding]) -> dict[str, str]:
    """Process id -> the worst severity of the findings whose own elements include it
    (related mentions do not mark a process)."""
    own: dict[str, list[str]] = {}
    for finding in findings:
        for ident in finding.elements:
            if ident in arch.processes:
                own.setdefault(ident, []).append(finding.severity)
    return {k: worst(v) or "info" for k, v in own.items()}


def owner_unit(arch: Architecture, pid: str) -> str | None:
    """The unit of the process's owner (None: no process, no owner or no unit)."""
    proc = arch.processes.get(pid)
    owner = arch.people.get(proc.owner) if proc and proc.owner else None
    return owner.unit if owner else None
