"""A small builder for test models: every element is made through
``procmodeler.edit.operations`` (as the app would), with readable ids."""

from __future__ import annotations

from typing import Any

from procmodeler.analysis import CheckResult, RuleSettings, run_checks
from procmodeler.edit import measurements
from procmodeler.edit import operations as op
from procmodeler.edit.editor import Editor
from procmodeler.model.architecture import Architecture


class Model:
    """Build a model with operations; ids are given, names default to the id."""

    #: the date the date rules compare with in these tests
    today = "2026-06-30"

    def __init__(self, lang: str = "en") -> None:
        self.ed = Editor()
        if lang != "en":
            op.set_metadata(self.ed, language=lang)

    @property
    def arch(self) -> Architecture:
        return self.ed.arch

    def proc(
        self,
        pid: str,
        kind: str = "core",
        parent: str | None = None,
        name: str | None = None,
        place: bool = True,
        **fields: Any,
    ) -> str:
        return op.create_process(self.ed, name or pid, kind, parent, pid=pid, place=place, **fields)

    def procs(self, *pids: str, kind: str = "core", parent: str | None = None) -> None:
        for pid in pids:
            self.proc(pid, kind, parent)

    def rel(self, source: str, target: str, kind: str = "flow") -> str:
        return op.connect(self.ed, source, target, kind)

    def chain(self, *pids: str, kind: str = "flow") -> None:
        for a, b in zip(pids, pids[1:], strict=False):
            self.rel(a, b, kind)

    def unit(self, uid: str, parent: str | None = None, name: str | None = None) -> str:
        return op.add_unit(self.ed, name or uid, parent, uid=uid)

    def person(self, person_id: str, unit: str | None = None, name: str | None = None) -> str:
        return op.add_person(self.ed, name or person_id, unit, person_id=person_id)

    def owner(self, pid: str, person_id: str | None) -> None:
        op.set_owner(self.ed, pid, person_id)

    def part(self, pid: str, uid: str, letters: str | None = "") -> None:
        op.set_participation(self.ed, pid, uid, letters)

    def kpi(self, pid: str, name: str, kind: str = "other", **fields: Any) -> str:
        return op.add_kpi(self.ed, pid, name, kind, **fields)

    def series(self, kid: str, *values: float, rebase: int | None = None) -> None:
        """Monthly measurements of KPI *kid* from 2024-01 (a rebase at index *rebase*)."""
        rows = "\n".join(f"{2024 + i // 12}-{i % 12 + 1:02d}\t{v}" for i, v in enumerate(values))
        measurements.paste_measurements(self.ed, kid, rows)
        if rebase is not None:
            period = f"{2024 + rebase // 12}-{rebase % 12 + 1:02d}"
            measurements.mark_rebase(self.ed, kid, period)

    def rule(self, rule: str, value: str | None) -> None:
        op.set_rule(self.ed, rule, value)

    def suppress(self, rule: str, elements: list[str], text: str) -> None:
        op.suppress_finding(self.ed, rule, elements, text)

    # ------------------------------------------------------------------ checking
    def check(self, lang: str | None = None, overrides: RuleSettings | None = None) -> CheckResult:
        return run_checks(self.arch, lang=lang, overrides=overrides, today=self.today)

    def found(self, rule: str) -> list[tuple[str, ...]]:
        """The elements of each finding of one rule, in result order."""
        result = run_checks(self.arch, only=[rule], today=self.today)
        return [f.elements for f in result.findings if f.rule == rule]

    def flagged(self, rule: str) -> set[str]:
        """Ids of the processes a process rule flags."""
        return {e[0] for e in self.found(rule)}

    def message(self, rule: str, pid: str, lang: str | None = None) -> str:
        result = run_checks(self.arch, lang=lang, only=[rule], today=self.today)
        (finding,) = [f for f in result.findings if f.elements == (pid,)]
        return finding.message
