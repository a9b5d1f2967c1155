"""The report's chapter on strategic steering and everyday improvement: the objective tree
with the processes that contribute and the KPIs that measure each objective, the
improvement portfolio by status, and the establishment level and next review of every
process at every level (overdue ones marked, as of the report's date)."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from procmodeler.analysis.attention import is_overdue
from procmodeler.analysis.xmr import analyse_kpi
from procmodeler.common.i18n import N_
from procmodeler.model.elements import ESTABLISHMENT_LEVELS, IMPROVEMENT_STATUSES, Improvement
from procmodeler.report.context import ReportContext
from procmodeler.report.sections.base import _chapter, _head, _muted, _table
from procmodeler.report.text import Text
from procmodeler.report.words import DASH, esc, word
from procmodeler.vocabulary import ASSURANCE, ESTABLISHMENT, IMPROVEMENT_STATUS

_GREY = "#59636e"
_RED = "#b3261e"


def has_strategy(ctx: ReportContext) -> bool:
    """Whether the model has anything for this chapter (else the report leaves it out)."""
    arch = ctx.arch
    return bool(
        _objective_ids(ctx)
        or _improvement_list(ctx)
        or any(arch.processes[p].established or arch.processes[p].next_review for p in ctx.in_scope)
    )


def _objective_ids(ctx: ReportContext) -> list[str]:
    """The objectives in the order of their tree: all of them, or in a report of one
    process those its processes serve or its KPIs measure, with their parents."""
    arch = ctx.arch
    if ctx.scope is None:
        return list(arch.walk_objectives())
    touched = {oid for pid in ctx.in_scope for oid in arch.contributions_of(pid)}
    touched |= {
        kpi.objective for kpi in arch.kpis.values() if kpi.process in ctx.in_scope and kpi.objective
    }
    touched &= set(arch.objectives)
    keep = touched | {a for oid in touched for a in arch.objective_ancestors(oid)}
    return [oid for oid in arch.walk_objectives() if oid in keep]


def _improvement_list(ctx: ReportContext) -> list[Improvement]:
    """The improvements of the processes the report covers."""
    return [i for i in ctx.arch.improvements.values() if i.process in ctx.in_scope]


def strategy(ctx: ReportContext, number_: int, width: float) -> list[Flowable]:
    """The chapter: objectives, improvements, establishment."""
    tr = ctx.tr
    story = _chapter(ctx, number_, tr("Strategy and improvement"), "strategy")
    story.append(
        ctx.p(
            esc(
                tr(
                    "Which processes serve which strategic objective and how each objective "
                    "is measured; the improvements of the processes by status; and how far "
                    "each process has come into everyday use."
                )
            )
        )
    )
    story += _objectives(ctx, width)
    story += _improvements(ctx, width)
    story += _establishment(ctx, width)
    return story


def _heading(ctx: ReportContext, text: str) -> list[Flowable]:
    """A heading over a long table: on a new page only when little room is left (a heading
    kept with its next flowable would take a table taller than the page with it)."""
    styles = ctx.theme.styles
    if "h2_loose" not in styles:
        styles["h2_loose"] = ParagraphStyle("h2_loose", parent=styles["h2"], keepWithNext=0)
    return [CondPageBreak(120), Paragraph(esc(text), styles["h2_loose"])]


def _objectives(ctx: ReportContext, width: float) -> list[Flowable]:
    arch, tr = ctx.arch, ctx.tr
    story = _heading(ctx, tr("Objectives"))
    objectives = _objective_ids(ctx)
    if not objectives:
        return [*story, _muted(ctx, N_("No objectives recorded."))]
    rows: list[list[object]] = [
        _head(ctx, N_("Objective"), N_("Owner"), N_("Contributing processes"), N_("Measured by"))
    ]
    widths = [width * 0.3, width * 0.16, width * 0.3, width * 0.24]
    for oid in objectives:
        objective = arch.objectives[oid]
        depth = len(arch.objective_ancestors(oid))
        name = "\u2003" * depth + esc(objective.name)
        if objective.horizon:
            name += f" <font color='#59636e'>({esc(objective.horizon)})</font>"
        rows.append(
            [
                ctx.p(f"<b>{name}</b>" if depth == 0 else name, "cell"),
                ctx.p(esc(ctx.person(objective.owner)), "cell"),
                _contributors(ctx, oid),
                _measures(ctx, oid),
            ]
        )
    return [*story, _table(ctx, rows, widths), Spacer(1, 10)]


def _contributors(ctx: ReportContext, oid: str) -> Paragraph:
    """The processes that serve an objective, each with the note on how it does."""
    arch = ctx.arch
    lines = []
    for pid in arch.contributors(oid):
        if pid not in arch.processes:
            continue
        note = arch.contributions.get((oid, pid)) or ""
        lines.append(
            ctx.link(pid)
            + (f"<br/><font size=7 color='{_GREY}'>{esc(note)}</font>" if note else "")
        )
    if not lines:
        served = any(arch.contributors(o) for o in arch.objective_descendants(oid))
        if served:
            return _muted(ctx, N_("Through its sub-objectives"))
        return _missing(ctx, N_("No process contributes"))
    return ctx.p("<br/>".join(lines), "cell")


def _measures(ctx: ReportContext, oid: str) -> Paragraph:
    """The KPIs that measure an objective, each with what its chart says of the target."""
    arch, tr = ctx.arch, ctx.tr
    lines = []
    for kid in arch.kpis_measuring(oid):
        kpi = arch.kpis[kid]
        text = esc(kpi.name)
        if kpi.series:
            said = word(ASSURANCE, analyse_kpi(kpi).assurance, tr)
            text += f"<br/><font size=7 color='{_GREY}'>{esc(said)}</font>"
        lines.append(text)
    if not lines:
        if any(arch.kpis_measuring(o) for o in arch.objective_descendants(oid)):
            return _muted(ctx, N_("Through its sub-objectives"))
        return _missing(ctx, N_("No KPI measures it"))
    return ctx.p("<br/>".join(lines), "cell")


def _missing(ctx: ReportContext, msgid: str) -> Paragraph:
    return ctx.p(f"<font color='{_RED}'>{esc(ctx.tr(msgid))}</font>", "cell")


def _improvements(ctx: ReportContext, width: float) -> list[Flowable]:
    """The portfolio: how many improvements have each status, then each status's list."""
    tr = ctx.tr
    story = _heading(ctx, tr("Improvements"))
    improvements = _improvement_list(ctx)
    if not improvements:
        return [*story, _muted(ctx, N_("No improvements recorded."))]
    by_status = {s: [i for i in improvements if i.status == s] for s in IMPROVEMENT_STATUSES}
    late = sum(1 for i in improvements if _overdue(ctx, i))
    labels = [IMPROVEMENT_STATUS[s] for s in IMPROVEMENT_STATUSES] + [N_("Of which overdue")]
    numbers = [len(items) for items in by_status.values()] + [late]
    story += [_counts(ctx, labels, numbers, width), Spacer(1, 6)]
    widths = [width * 0.34, width * 0.26, width * 0.2, width * 0.2]
    for status, items in by_status.items():
        if not items:
            continue
        heading = f"{word(IMPROVEMENT_STATUS, status, tr)} ({len(items)})"
        story.append(ctx.p(esc(heading), "h4"))
        rows: list[list[object]] = [
            _head(ctx, N_("Improvement"), N_("Process"), N_("Responsible person"), N_("Dates"))
        ]
        rows += [_improvement_row(ctx, item) for item in items]
        story += [_table(ctx, rows, widths), Spacer(1, 6)]
    return story


def _counts(ctx: ReportContext, labels: list[str], numbers: list[int], width: float) -> Flowable:
    """A table of one row: how many there are of each (labels are msgids)."""
    rows: list[list[object]] = [_head(ctx, *labels), [str(n) for n in numbers]]
    return _table(ctx, rows, [width / len(labels)] * len(labels))


def _overdue(ctx: ReportContext, item: Improvement) -> bool:
    """Planned or ongoing, and due before the report's date (as the checks say)."""
    return is_overdue(ctx.arch, item.id, ctx.today.isoformat())


def _improvement_row(ctx: ReportContext, item: Improvement) -> list[object]:
    arch, tr = ctx.arch, ctx.tr
    dates = [
        f"{esc(tr(label))} {value}"
        for label, value in (
            (N_("started"), item.started),
            (N_("due"), item.due),
            (N_("done"), item.done),
        )
        if value
    ]
    when = ", ".join(dates) or DASH
    if _overdue(ctx, item):
        when += f"<br/><font color='{_RED}'><b>{esc(tr('Overdue'))}</b></font>"
    title = f"<b>{esc(item.title)}</b>"
    kpi = arch.kpis.get(item.kpi) if item.kpi else None
    if kpi is not None:
        moves = tr("should move the KPI {name}").format(name=kpi.name)
        title += f"<br/><font size=7 color='{_GREY}'>{esc(moves)}</font>"
    process = ctx.link(item.process) if item.process in arch.processes else ""
    return [
        ctx.p(title, "cell"),
        ctx.p(process, "cell"),
        ctx.p(esc(ctx.person(item.responsible)) or DASH, "cell"),
        ctx.p(when, "cell"),
    ]


def _establishment(ctx: ReportContext, width: float) -> list[Flowable]:
    """How many processes are at each level, then every process at every level."""
    arch, tr = ctx.arch, ctx.tr
    story = _heading(ctx, tr("Establishment and reviews"))
    order = [p for top in ctx.top_level() for p in [top, *arch.descendants(top)]]
    levels = [arch.processes[p].established for p in order]
    labels = [ESTABLISHMENT[level] for level in ESTABLISHMENT_LEVELS] + [N_("Not assessed")]
    numbers = [levels.count(level) for level in ESTABLISHMENT_LEVELS] + [levels.count(None)]
    story += [_counts(ctx, labels, numbers, width), Spacer(1, 6)]
    today = ctx.today.isoformat()
    rows: list[list[object]] = [
        _head(ctx, N_("Process"), N_("Establishment level"), N_("Next review"))
    ]
    for pid in order:
        proc = arch.processes[pid]
        level = word(ESTABLISHMENT, proc.established, tr) if proc.established else ""
        review = proc.next_review or ""
        if review and review < today:
            review += f" <font color='{_RED}'><b>{esc(tr('Overdue'))}</b></font>"
        depth = ctx.level(pid)
        name = f"<b>{ctx.link(pid)}</b>" if depth == 0 else ctx.link(pid)
        rows.append(
            [
                Text(name, ctx.indented(depth)),
                ctx.p(esc(level), "cell") if level else _muted(ctx, N_("not assessed")),
                ctx.p(review or DASH, "cell"),
            ]
        )
    story.append(_table(ctx, rows, [width * 0.5, width * 0.25, width * 0.25]))
    return story
