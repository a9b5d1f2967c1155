"""The report's chapter on strategic steering and everyday improvement: the objective
tree with the processes that contribute and the KPIs that measure each objective, the
improvements by status (overdue ones marked, as of the report's date), and how far the
top-level processes have come into everyday use with their next review."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from procmodeler.common.i18n import N_
from procmodeler.model.elements import IMPROVEMENT_STATUSES
from procmodeler.report.context import ReportContext
from procmodeler.report.sections.base import _chapter, _head, _muted, _table
from procmodeler.report.words import esc, word
from procmodeler.vocabulary import ESTABLISHMENT, IMPROVEMENT_STATUS

_ACTIVE = ("planned", "ongoing")


def has_strategy(ctx: ReportContext) -> bool:
    """Whether the model has anything for this chapter (else the report leaves it out)."""
    arch = ctx.arch
    return bool(
        arch.objectives
        or arch.improvements
        or any(p.established or p.next_review for p in arch.processes.values())
    )


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


def _objectives(ctx: ReportContext, width: float) -> list[Flowable]:
    arch, tr = ctx.arch, ctx.tr
    story: list[Flowable] = [ctx.p(esc(tr("Objectives")), "h2")]
    if not arch.objectives:
        return [*story, _muted(ctx, N_("No objectives recorded."))]
    rows: list[list[object]] = [
        _head(ctx, N_("Objective"), N_("Owner"), N_("Contributing processes"), N_("Measured by"))
    ]
    widths = [width * 0.3, width * 0.16, width * 0.3, width * 0.24]
    for oid in arch.walk_objectives():
        objective = arch.objectives[oid]
        depth = len(arch.objective_ancestors(oid))
        name = "\u2003" * depth + esc(objective.name)
        if objective.horizon:
            name += f" <font color='#59636e'>({esc(objective.horizon)})</font>"
        contributors = [ctx.link(pid) for pid in arch.contributors(oid) if pid in arch.processes]
        kpis = [esc(arch.kpis[k].name) for k in arch.kpis_measuring(oid)]
        rows.append(
            [
                ctx.p(f"<b>{name}</b>" if depth == 0 else name, "cell"),
                ctx.p(esc(ctx.person(objective.owner)), "cell"),
                ctx.p(", ".join(contributors) or "\u2013", "cell"),
                ctx.p(", ".join(kpis) or "\u2013", "cell"),
            ]
        )
    return [*story, _table(ctx, rows, widths), Spacer(1, 10)]


def _improvements(ctx: ReportContext, width: float) -> list[Flowable]:
    arch, tr = ctx.arch, ctx.tr
    story: list[Flowable] = [ctx.p(esc(tr("Improvements")), "h2")]
    if not arch.improvements:
        return [*story, _muted(ctx, N_("No improvements recorded."))]
    today = ctx.today.isoformat()
    widths = [width * 0.34, width * 0.26, width * 0.2, width * 0.2]
    for status in IMPROVEMENT_STATUSES:
        items = [i for i in arch.improvements.values() if i.status == status]
        if not items:
            continue
        heading = f"{word(IMPROVEMENT_STATUS, status, tr)} ({len(items)})"
        story.append(ctx.p(esc(heading), "h4"))
        rows: list[list[object]] = [
            _head(ctx, N_("Improvement"), N_("Process"), N_("Responsible person"), N_("Dates"))
        ]
        for item in items:
            late = status in _ACTIVE and item.due is not None and item.due < today
            dates = [
                f"{esc(tr(label))} {value}"
                for label, value in (
                    (N_("started"), item.started),
                    (N_("due"), item.due),
                    (N_("done"), item.done),
                )
                if value
            ]
            when = ", ".join(dates) or "\u2013"
            if late:
                when += f"<br/><font color='#b3261e'><b>{esc(tr('Overdue'))}</b></font>"
            rows.append(
                [
                    ctx.p(esc(item.title), "cell"),
                    ctx.p(ctx.link(item.process) if item.process in arch.processes else "", "cell"),
                    ctx.p(esc(ctx.person(item.responsible)), "cell"),
                    ctx.p(when, "cell"),
                ]
            )
        story += [_table(ctx, rows, widths), Spacer(1, 6)]
    return story


def _establishment(ctx: ReportContext, width: float) -> list[Flowable]:
    arch, tr = ctx.arch, ctx.tr
    story: list[Flowable] = [ctx.p(esc(tr("Establishment and reviews")), "h2")]
    today = ctx.today.isoformat()
    rows: list[list[object]] = [
        _head(ctx, N_("Process"), N_("Establishment level"), N_("Next review"))
    ]
    for pid in ctx.top_level():
        proc = arch.processes[pid]
        level = word(ESTABLISHMENT, proc.established, tr) if proc.established else ""
        review = proc.next_review or ""
        if review and review < today:
            review += f" <font color='#b3261e'><b>{esc(tr('Overdue'))}</b></font>"
        rows.append(
            [
                ctx.p(ctx.link(pid), "cell"),
                ctx.p(esc(level) or esc(tr("not assessed")), "cell"),
                ctx.p(review or "\u2013", "cell"),
            ]
        )
    story.append(_table(ctx, rows, [width * 0.5, width * 0.25, width * 0.25]))
    return story
