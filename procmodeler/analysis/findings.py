"""What a check run produces: :class:`Finding` records and the :class:`CheckResult`
that holds them, sorted, with the summary counts that decide the exit code."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Severities from most to least serious (also the order of groups in text output).
SEVERITY_ORDER: tuple[str, ...] = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class Finding:
    """One finding of one rule.

    ``elements`` identifies the finding (RULES.md says what it holds per rule; for
    process rules it is the process id alone) and is what a suppression names.
    ``message`` is the finding's text in the language of the run: it names the
    processes, units and people concerned, says why it matters and what to do.
    ``related`` lists ids of further elements the message mentions (the KPI, the
    accountable units, the owner, ...) so that a UI can highlight them; it is not part
    of the finding's identity. ``suppressed`` is the written justification when the
    finding is suppressed (model or rules file), else None.
    """

    rule: str
    severity: str
    elements: tuple[str, ...]
    message: str
    suppressed: str | None = None
    related: tuple[str, ...] = ()

    @property
    def is_suppressed(self) -> bool:
        return self.suppressed is not None

    def sort_key(self) -> tuple[str, tuple[str, ...], tuple[str, ...], str]:
        return (self.rule, self.elements, self.related, self.message)

    def to_json(self) -> dict[str, Any]:
        """The finding as the JSON object of ``procmodeler check --format json``."""
        out: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity,
            "elements": list(self.elements),
            "message": self.message,
        }
        if self.suppressed is not None:
            out["suppressed"] = {"justification": self.suppressed}
        return out


@dataclass(frozen=True)
class CheckResult:
    """All findings of one run, sorted by rule, then elements (suppressed ones too).

    ``summary`` counts the *unsuppressed* findings per severity; ``unused_suppressions``
    lists suppressions (rule, elements) that matched no finding in this run (stale
    after an edit, or a typo in a rules file).
    """

    findings: tuple[Finding, ...]
    lang: str
    unused_suppressions: tuple[tuple[str, tuple[str, ...]], ...] = field(default=())

    @property
    def active(self) -> tuple[Finding, ...]:
        """The unsuppressed findings."""
        return tuple(f for f in self.findings if f.suppressed is None)

    @property
    def suppressed(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.suppressed is not None)

    @property
    def summary(self) -> dict[str, int]:
        counts = dict.fromkeys(SEVERITY_ORDER, 0)
        for finding in self.findings:
            if finding.suppressed is None:
                counts[finding.severity] += 1
        return counts

    @property
    def has_errors(self) -> bool:
        """True when at least one unsuppressed finding has severity ``error``."""
        return any(f.severity == "error" and f.suppressed is None for f in self.findings)

    @property
    def exit_code(self) -> int:
        """1 when an unsuppressed error was found, else 0 (the ``check`` command's code)."""
        return 1 if self.has_errors else 0

    def by_rule(self, rule: str) -> list[Finding]:
        return [f for f in self.findings if f.rule == rule]

    def for_element(self, element_id: str) -> list[Finding]:
        """Findings whose elements include *element_id* (e.g. for a process's panel)."""
        return [f for f in self.findings if element_id in f.elements]

    def to_json(self) -> dict[str, Any]:
        """``{"findings": [...], "summary": {"error": N, "warning": N, "info": N}}``."""
        return {
            "findings": [f.to_json() for f in self.findings],
            "summary": self.summary,
        }
