"""The report's findings and graph analysis chapters."""

from __future__ import annotations

from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Spacer,
)

from procmodeler.analysis import GROUPS, RULES, Finding
from procmodeler.common.i18n import N_
from procmodeler.report.context import ReportContext
from procmodeler.report.sections.base import (
    MAX_LOOP_NAMES,
    _chapter,
    _finding_paragraph,
    _head,
    _muted,
    _severity_chip,
    _table,
    splittable,
)
from procmodeler.report.words import (
    DASH,
    esc,
)

# ---------------------------------------------------------------------- findings
#: The most findings of one rule listed in the findings chapter (the rest are counted).
MAX_LISTED_PER_RULE = 40


def findings(ctx: ReportContext, number_: int, width: float) -> list[Flowable]:
    tr = ctx.tr
    story = _chapter(ctx, number_, tr("Findings of the model checks"), "findings")
    counts = ctx.result.summary
    story.append(
        ctx.p(
            esc(
                tr(
                    "The model was checked against the rules for orphaned processes, unclear "
                    "responsibility and flow and effect. Each rule below says why it matters "
                    "and what to do. Suppressed findings are listed with the justification "
                    "that was written for them. The graph analysis follows in its own "
                    "chapter."
                )
            ),
        )
    )
    rows: list[list[object]] = [_head(ctx, N_("Severity"), N_("Findings"), N_("Suppressed"))]
    for sev in ("error", "warning", "info"):
        n_supp = sum(1 for f in ctx.result.suppressed if f.severity == sev)
        rows.append(
            [
                ctx.p(_severity_chip(ctx, sev), "cell"),
                ctx.p(str(counts[sev]), "cell_right"),
                ctx.p(str(n_supp), "cell_right"),
            ]
        )
    rows[0][1] = ctx.p(esc(tr("Findings")), "head_right")
    rows[0][2] = ctx.p(esc(tr("Suppressed")), "head_right")
    story.append(_table(ctx, rows, [width * 0.4, width * 0.2, width * 0.2]))
    off = [rule for rule in RULES if rule in ctx.switched_off]
    if off:
        story.append(
            ctx.p(
                esc(tr("Rules switched off for this report:"))
                + " "
                + ", ".join(esc(RULES[r].texts(tr)[0]) for r in off),
                "small",
            )
        )
    for group, heading in GROUPS.items():
        if group == "analysis":
            continue
        story.append(ctx.p(esc(tr(heading)), "h2"))
        quiet = []
        for rule, info in RULES.items():
            if info.group != group:
                continue
            found = ctx.result.by_rule(rule)
            title, why, what = info.texts(tr)
            if not found:
                if rule not in ctx.switched_off:
                    quiet.append(title)
                continue
            story.extend(_rule_block(ctx, rule, found, title, why, what))
        if quiet:
            story.append(
                ctx.p(f"<b>{esc(tr('No findings'))}:</b> " + esc(", ".join(quiet)), "small")
            )
    return story


def _rule_block(
    ctx: ReportContext, rule: str, found: list[Finding], title: str, why: str, what: str
) -> list[Flowable]:
    tr = ctx.tr
    active = [f for f in found if f.suppressed is None]
    suppressed = [f for f in found if f.suppressed is not None]
    severity = found[0].severity
    count = tr.n("{n} finding", "{n} findings", len(active)).format(n=len(active))
    head = ctx.p(
        f"{esc(title)}\u2003{_severity_chip(ctx, severity)}"
        f"\u2002<font size=8 color='#59636e'>{esc(count)}</font>",
        "h3",
    )
    explain = splittable(
        [
            [ctx.p(esc(tr("Why it matters")), "label"), ctx.p(esc(why), "cell")],
            [ctx.p(esc(tr("What to do")), "label"), ctx.p(esc(what), "cell")],
        ],
        [95, None],
    )
    explain.setStyle(ctx.theme.facts_style())
    block: list[Flowable] = [KeepTogether([head, explain, Spacer(1, 5)])]
    block.extend(_listed(ctx, active))
    if suppressed:
        block.append(ctx.p(esc(tr("Suppressed findings")), "h4"))
        block.extend(_listed(ctx, suppressed))
    return block


def _listed(ctx: ReportContext, found: list[Finding]) -> list[Flowable]:
    """The paragraphs of *found*, at most :data:`MAX_LISTED_PER_RULE`, then a note of how
    many more there are: a rule with 2,000 findings would fill a hundred pages."""
    tr = ctx.tr
    shown = [_finding_paragraph(ctx, f) for f in found[:MAX_LISTED_PER_RULE]]
    more = len(found) - MAX_LISTED_PER_RULE
    if more > 0:
        text = tr.n(
            "… and {n} more finding of this rule, not listed here: the problems panel of "
            "the app and 'procmodeler check' list them all.",
            "… and {n} more findings of this rule, not listed here: the problems panel of "
            "the app and 'procmodeler check' list them all.",
            more,
        )
        shown.append(ctx.p(esc(text.format(n=more)), "small"))
    return shown


# ---------------------------------------------------------------------- graph analysis
def graph_analysis(ctx: ReportContext, number_: int, width: float) -> list[Flowable]:
    tr = ctx.tr
    story = _chapter(ctx, number_, tr("Graph analysis"), "graph")
    story.append(
        ctx.p(
            esc(
                tr(
                    "The graph analysis looks at the system of processes as a whole: where "
                    "processes depend on each other in loops, which processes hold groups of "
                    "processes together, and where work is handed over between units most "
                    "often. These are points for management to watch, not errors."
                )
            ),
        )
    )
    sections = [
        ("analysis.dependency-cycle", N_("No dependency cycles were found.")),
        ("analysis.single-point-of-failure", N_("No single points of failure were found.")),
        ("analysis.handoff-hotspot", N_("No hand-off hotspots were found.")),
    ]
    for rule, none_text in sections:
        info = RULES.get(rule)
        if info is None:
            continue
        title, why, what = info.texts(tr)
        story.append(ctx.p(esc(title), "h2"))
        story.append(ctx.p(esc(why)))
        found = ctx.result.by_rule(rule)
        if rule in ctx.switched_off:
            story.append(_muted(ctx, N_("This analysis is switched off for this report.")))
            continue
        if not found:
            story.append(_muted(ctx, none_text))
            continue
        story.append(ctx.p(f"<b>{esc(tr('What to do'))}:</b> {esc(what)}"))
        story.append(_graph_table(ctx, rule, found, width))
        suppressed = [f for f in found if f.suppressed is not None]
        if suppressed:
            story.append(ctx.p(esc(tr("Suppressed findings")), "h4"))
            story.extend(_finding_paragraph(ctx, f) for f in suppressed)
    return story


def _graph_table(ctx: ReportContext, rule: str, found: list[Finding], width: float) -> Flowable:
    """The table of the findings of one graph rule."""
    arch, tr = ctx.arch, ctx.tr
    if rule == "analysis.dependency-cycle":
        rows: list[list[object]] = [_head(ctx, N_("Loop"), N_("Processes in the loop"))]
        for i, f in enumerate(found, 1):
            names = ", ".join(ctx.link(p) for p in f.elements[:MAX_LOOP_NAMES])
            rest = len(f.elements) - MAX_LOOP_NAMES
            if rest > 0:
                names += " " + esc(
                    tr.n("and {n} more process", "and {n} more processes", rest).format(n=rest)
                )
            rows.append([ctx.p(str(i), "cell"), ctx.p(names, "cell")])
        return _table(ctx, rows, [width * 0.1, width * 0.9])
    elif rule == "analysis.single-point-of-failure":
        rows = [_head(ctx, N_("Process"), N_("Diagram"), N_("Process owner"), N_("Relations"))]
        rows[0][3] = ctx.p(esc(tr("Relations")), "head_right")
        for f in found:
            pid = f.elements[0]
            parent = arch.processes[pid].parent if pid in arch.processes else None
            where = ctx.link(parent) if parent else esc(tr("The process map"))
            rows.append(
                [
                    ctx.p(ctx.link(pid), "cell"),
                    ctx.p(where, "cell"),
                    ctx.p(esc(ctx.owner_text(pid)), "cell"),
                    ctx.p(str(len(arch.relations_of(pid))), "cell_right"),
                ]
            )
        return _table(ctx, rows, [width * 0.36, width * 0.3, width * 0.2, width * 0.14])
    else:
        rows = [
            _head(ctx, N_("Process"), N_("Accountable unit"), N_("Hands over to or receives from"))
        ]
        for f in found:
            pid = f.elements[0]
            units = [u for u in f.related if u in arch.units]
            rows.append(
                [
                    ctx.p(ctx.link(pid), "cell"),
                    ctx.p(esc(ctx.unit(units[0])) if units else DASH, "cell"),
                    ctx.p(esc(", ".join(ctx.unit(u) for u in units[1:])) or DASH, "cell"),
                ]
            )
        return _table(ctx, rows, [width * 0.38, width * 0.24, width * 0.38])
