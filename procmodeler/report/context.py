"""What every chapter of the report needs to know: the model, the language, the theme,
the check results, link keys, the scope (the whole architecture or one process and its
sub-processes) and the small lookups (names of people and units, the findings of a
process, the worst severity per process for the diagrams)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, replace

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from procmodeler.analysis import RULES, SEVERITY_ORDER, CheckResult, Finding, RuleSettings
from procmodeler.analysis.ownership import INHERITED, Ownership, ownerships
from procmodeler.common.i18n import Translator
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import PROCESS_KINDS
from procmodeler.report import fonts
from procmodeler.report.text import Text
from procmodeler.report.theme import TABLE_SIZE, Theme
from procmodeler.report.words import esc

_RULE_ORDER = {rule: i for i, rule in enumerate(RULES)}

#: At most this many processes get a section of their own (the top-level ones and their
#: children, in the order of the map); the others are named in the index. A flat model of
#: 2,000 top-level processes gave a report of thousands of pages that took minutes.
MAX_SECTIONS = 80


def finding_order(f: Finding) -> tuple[int, int, tuple[str, ...]]:
    """Most serious first, then in the order of RULES.md."""
    return (SEVERITY_ORDER.index(f.severity), _RULE_ORDER.get(f.rule, 999), f.elements)


@dataclass
class ReportContext:
    arch: Architecture
    tr: Translator
    theme: Theme
    result: CheckResult
    today: datetime.date
    overrides: RuleSettings | None = None
    #: None for the whole architecture, else the process whose subtree the report covers
    scope: str | None = None
    #: False when the report has no process sections to link to
    linked: bool = True
    in_scope: set[str] = field(init=False)
    keys: dict[str, str] = field(init=False)
    switched_off: set[str] = field(init=False)
    findings_of: dict[str, list[Finding]] = field(init=False)
    severity_of: dict[str, str] = field(init=False)
    owners: dict[str, Ownership] = field(init=False)
    sectioned: list[str] = field(init=False)
    sections_omitted: int = field(init=False)
    _sectioned: set[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.in_scope = set(self.processes())
        if self.scope is not None:  # only the findings that touch the subtree
            self.result = replace(
                self.result, findings=tuple(f for f in self.result.findings if self.touches(f))
            )
        arch = self.arch
        candidates = [p for top in self.top_level() for p in [top, *arch.children(top)]]
        self.sectioned = candidates[:MAX_SECTIONS]
        self.sections_omitted = len(candidates) - len(self.sectioned)
        self._sectioned = set(self.sectioned)
        # link keys only for processes the report describes: a section's heading, a row
        # of a section's table of children or descendants (none without the sections)
        described = set(self.sectioned) if self.linked else set()
        for pid in described.copy():
            described.update(arch.children(pid) if self.level(pid) == 0 else arch.descendants(pid))
        self.keys = {pid: f"p{i}" for i, pid in enumerate(arch.walk()) if pid in described}
        self.owners = ownerships(self.arch)
        settings = RuleSettings.from_model(self.arch).overridden_by(self.overrides)
        self.switched_off = {rule for rule in RULES if settings.severity(rule) is None}
        self.findings_of = {}
        for finding in sorted(self.result.findings, key=finding_order):
            for pid in finding.elements:
                if pid in self.arch.processes:
                    self.findings_of.setdefault(pid, []).append(finding)
        self.severity_of = {}
        for pid, found in self.findings_of.items():
            active = [f.severity for f in found if f.suppressed is None]
            if active:
                self.severity_of[pid] = min(active, key=SEVERITY_ORDER.index)

    # ------------------------------------------------------------------ structure
    def processes(self) -> list[str]:
        """The processes the report covers, in the order of the hierarchy: every one, or
        the scope's process and its sub-processes."""
        if self.scope is None:
            return list(self.arch.walk())
        return [self.scope, *self.arch.descendants(self.scope)]

    def touches(self, finding: Finding) -> bool:
        """Whether a finding names a process of the scope, or a relation, KPI or
        improvement of one."""
        arch = self.arch
        for eid in (*finding.elements, *finding.related):
            owner = eid
            if eid in arch.kpis:
                owner = arch.kpis[eid].process
            elif eid in arch.improvements:
                owner = arch.improvements[eid].process or ""
            elif eid in arch.relations:
                rel = arch.relations[eid]
                if rel.source in self.in_scope or rel.target in self.in_scope:
                    return True
            if owner in self.in_scope:
                return True
        return False

    def level(self, pid: str) -> int:
        """How many levels below the report's top level a process lies."""
        base = self.arch.depth(self.scope) if self.scope is not None else 0
        return self.arch.depth(pid) - base

    def top_level(self) -> list[str]:
        """Top-level processes, grouped by kind like the map (management, core, support);
        in a report of one process, that process."""
        if self.scope is not None:
            return [self.scope]
        tops = self.arch.top_level()
        order = {kind: i for i, kind in enumerate(PROCESS_KINDS)}
        return sorted(tops, key=lambda p: order.get(self.arch.processes[p].kind, 9))

    def has_section(self, pid: str) -> bool:
        """Top-level processes and their children have a section of their own (the
        first :data:`MAX_SECTIONS` of them; in a report of one process: it and its
        children)."""
        return pid in self._sectioned

    # ------------------------------------------------------------------ names
    def name(self, pid: str) -> str:
        proc = self.arch.processes.get(pid)
        return proc.name if proc else pid

    def person(self, person_id: str | None) -> str:
        person = self.arch.people.get(person_id) if person_id else None
        return person.name if person else ""

    def person_line(self, person_id: str | None) -> str:
        """``Name, Title (Unit)`` with whatever is known, as markup."""
        person = self.arch.people.get(person_id) if person_id else None
        if person is None:
            return ""
        text = f"<b>{esc(person.name)}</b>"
        if person.title:
            text += f", {esc(person.title)}"
        unit = self.arch.units.get(person.unit) if person.unit else None
        if unit is not None:
            text += f" ({esc(unit.name)})"
        return text

    def owner_text(self, pid: str) -> str:
        """A process's owner for an owner column: the name, the name and whose owner it
        is when inherited, or "No process owner" (never a dash, which would not tell which)."""
        own = self.owners.get(pid)
        if own is None or own.source is None:
            return self.tr("No process owner")
        if own.how == INHERITED:
            whose = self.tr("inherited from {process}").format(process=self.name(own.source))
            return f"{self.person(own.person)} ({whose})"
        return self.person(own.person)

    def unit(self, uid: str | None) -> str:
        unit = self.arch.units.get(uid) if uid else None
        return unit.name if unit else (uid or "")

    def link(self, pid: str, text: str | None = None) -> str:
        """Markup of a process name that links to where the process is described."""
        label = esc(text if text is not None else self.name(pid))
        key = self.keys.get(pid)
        if key is None:
            return label
        colour = self.theme.profile.primary_colour
        return f'<a href="#{key}" color="{colour}">{label}</a>'

    # ------------------------------------------------------------------ paragraphs
    def p(self, markup: str, style: str = "body") -> Paragraph:
        return Text(markup, self.theme.styles[style])

    def text(self, plain: str, style: str = "body") -> Paragraph:
        """A paragraph of plain user text (escaped)."""
        return Text(esc(plain), self.theme.styles[style])

    def cell(
        self, plain: str, width: float, bold: bool = False, style: str | None = None
    ) -> str | Paragraph:
        """A table cell of plain text for a column *width* points wide: the text itself
        when it fits on one line (a string cell is much cheaper to lay out, which counts
        in tables of thousands of rows; the table's style gives its font and colour),
        else a paragraph in *style* that wraps."""
        if "\n" not in plain and fonts.width(plain, TABLE_SIZE, bold) <= width - 12:
            return plain
        name = style or ("cell_bold" if bold else "cell")
        return Text(esc(plain), self.theme.styles[name])

    def indented(self, depth: int) -> ParagraphStyle:
        """The table cell style indented for a process *depth* levels down a list."""
        name = f"cell_indent_{depth}"
        styles = self.theme.styles
        if name not in styles:
            styles[name] = ParagraphStyle(name, parent=styles["cell"], leftIndent=11 * depth)
        return styles[name]

    def style(self, name: str) -> ParagraphStyle:
        return self.theme.styles[name]
