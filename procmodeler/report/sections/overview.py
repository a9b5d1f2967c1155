"""The report's summary chapter: key figures, what to act on, the architecture in brief."""

from __future__ import annotations

from reportlab.platypus import (
    Flowable,
    Spacer,
    Table,
)

from procmodeler.analysis.ownership import INHERITED, NONE, OWN, ownership_counts
from procmodeler.model.elements import PROCESS_KINDS
from procmodeler.notation.kpi import traffic_light
from procmodeler.report.context import ReportContext
from procmodeler.report.sections.base import _chapter, _join
from procmodeler.report.sections.management import management
from procmodeler.report.theme import plain_style
from procmodeler.report.words import (
    esc,
    percent,
)


# ---------------------------------------------------------------------- summary
def _figure_tiles(ctx: ReportContext, tiles: list[tuple[str, str]], width: float) -> Table:
    cells = [
        [ctx.p(esc(value), "figure"), Spacer(1, 2), ctx.p(esc(caption), "figure_caption")]
        for value, caption in tiles
    ]
    gap = 8.0
    col = (width - gap * (len(tiles) - 1)) / len(tiles)
    row: list[object] = []
    widths: list[float] = []
    for i, cell in enumerate(cells):
        if i:
            row.append("")
            widths.append(gap)
        row.append(cell)
        widths.append(col)
    table = Table([row], colWidths=widths, hAlign="LEFT")
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 9),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
        ("LEFTPADDING", (0, 0), (-1, -1), 10),
    ]
    for i in range(0, len(row), 2):
        commands += [
            ("BACKGROUND", (i, 0), (i, 0), ctx.theme.primary_light),
            ("LINEABOVE", (i, 0), (i, 0), 2.2, ctx.theme.secondary),
        ]
    table.setStyle(plain_style(commands))
    return table


def summary(ctx: ReportContext, number_: int, width: float) -> list[Flowable]:
    arch, tr = ctx.arch, ctx.tr
    story = _chapter(ctx, number_, tr("Executive summary"), "summary")
    procs = ctx.processes()
    total = len(procs)
    if total == 0:
        story.append(ctx.p(esc(tr("The architecture holds no processes yet."))))
        return story
    counts = ownership_counts({p: ctx.owners[p] for p in procs if p in ctx.owners})
    participating = [p for p in procs if arch.participation_of(p)]
    cross = [p for p in participating if len(arch.participation_of(p)) >= 2]
    summary_counts = ctx.result.summary
    story.append(
        _figure_tiles(
            ctx,
            [
                (
                    str(total),
                    tr.n("process in the architecture", "processes in the architecture", total)
                    if ctx.scope is None
                    else tr.n("process in this report", "processes in this report", total),
                ),
                (percent(counts[OWN], total, tr), _ownership_caption(ctx, counts, total)),
                (str(len(cross)), tr.n("cross-unit process", "cross-unit processes", len(cross))),
                (
                    str(summary_counts["error"]),
                    tr.n("error to resolve", "errors to resolve", summary_counts["error"]),
                ),
            ],
            width,
        )
    )
    story.extend(management(ctx, width))  # what to act on, with process and person
    story.extend(_architecture_in_words(ctx, width))
    story.extend(_responsibility(ctx, counts, participating, cross))
    story.extend(_flow_and_effect(ctx))
    return story


def _ownership_caption(ctx: ReportContext, counts: dict[str, int], total: int) -> str:
    """The caption of the ownership figure: named owners apart from inherited ones and
    from none, so that an inherited owner does not pass for a named one."""
    tr = ctx.tr
    return tr("have a named process owner; {inherited} inherit one, {none} have none").format(
        inherited=percent(counts[INHERITED], total, tr), none=percent(counts[NONE], total, tr)
    )


def _architecture_in_words(ctx: ReportContext, width: float) -> list[Flowable]:
    """The architecture in plain words: processes per kind at the top, sub-processes, levels."""
    arch, tr = ctx.arch, ctx.tr
    procs = arch.processes
    total = len(procs)
    tops = arch.top_level()
    story: list[Flowable] = []
    story.append(ctx.p(esc(tr("The architecture")), "h2"))
    if ctx.scope is not None:
        return [*story, _scope_in_words(ctx)]
    per_kind = {k: sum(1 for p in tops if procs[p].kind == k) for k in PROCESS_KINDS}
    kind_words = [
        tr.n("{n} management process", "{n} management processes", per_kind["management"]),
        tr.n("{n} core process", "{n} core processes", per_kind["core"]),
        tr.n("{n} support process", "{n} support processes", per_kind["support"]),
    ]
    kind_words = [w.format(n=per_kind[k]) for w, k in zip(kind_words, PROCESS_KINDS, strict=True)]
    subs = total - len(tops)
    depth = max((arch.depth(p) for p in procs), default=0) + 1
    story.append(
        ctx.p(
            esc(
                tr(
                    "{org} has {tops} processes at the top level of its process map: "
                    "{kinds}. Below them are {subs} sub-processes, in {depth} levels in all."
                ).format(
                    org=arch.meta.organisation or tr("The organisation"),
                    tops=len(tops),
                    kinds=_join(kind_words, tr),
                    subs=subs,
                    depth=depth,
                )
            ),
            "lead",
        )
    )
    return story


def _scope_in_words(ctx: ReportContext) -> Flowable:
    """What the report of one process covers: the process, where it sits, its levels."""
    arch, tr = ctx.arch, ctx.tr
    scope = str(ctx.scope)
    subs = len(ctx.in_scope) - 1
    depth = max((ctx.level(p) for p in ctx.in_scope), default=0)
    parents = [ctx.name(a) for a in reversed(arch.ancestors(scope))]
    text = tr.n(
        "This report covers {process} and its {n} sub-process, in {depth} levels below it.",
        "This report covers {process} and its {n} sub-processes, in {depth} levels below it.",
        subs,
    ).format(process=ctx.name(scope), n=subs, depth=depth)
    if parents:
        text += " " + tr("It is part of {parents}.").format(parents=" › ".join(parents))
    return ctx.p(esc(text), "lead")


def _responsibility(
    ctx: ReportContext,
    counts: dict[str, int],
    participating: list[str],
    cross: list[str],
) -> list[Flowable]:
    """Who answers for the processes, and the cross-unit ones."""
    tr = ctx.tr
    total = len(ctx.in_scope)
    own, inherited, unowned = counts[OWN], counts[INHERITED], counts[NONE]
    story: list[Flowable] = []
    story.append(ctx.p(esc(tr("Responsibility")), "h2"))
    text = tr("{own} of {total} processes ({share}) have a process owner of their own.").format(
        own=own, total=total, share=percent(own, total, tr)
    )
    if inherited:
        text += " " + tr.n(
            "{n} more is covered by the owner of a parent process.",
            "{n} more are covered by the owner of a parent process.",
            inherited,
        ).format(n=inherited)
    if unowned:
        text += " " + tr.n(
            "{n} process has no owner at any level: nobody answers for it.",
            "{n} processes have no owner at any level: nobody answers for them.",
            unowned,
        ).format(n=unowned)
    story.append(ctx.p(esc(text)))
    if participating:
        text = tr(
            "{cross} of the {part} processes with recorded participation involve two or "
            "more organisational units. In these cross-unit processes the process owner "
            "must be able to steer across unit boundaries, and exactly one unit should be "
            "accountable."
        ).format(cross=len(cross), part=len(participating))
    else:
        text = tr("No participation of units in processes has been recorded yet.")
    story.append(ctx.p(esc(text)))
    return story


def _flow_and_effect(ctx: ReportContext) -> list[Flowable]:
    """The KPIs by traffic light (nothing when there are none)."""
    arch, tr = ctx.arch, ctx.tr
    story: list[Flowable] = []
    kpis = [k for k in arch.kpis.values() if k.process in ctx.in_scope]
    if kpis:
        lights = [traffic_light(k) for k in kpis]
        story.append(ctx.p(esc(tr("Flow and effect")), "h2"))
        story.append(
            ctx.p(
                esc(
                    tr.n(
                        "{n} KPI is recorded: {green} on target, {yellow} near target and "
                        "{red} off target; {none} without a target or an actual value.",
                        "{n} KPIs are recorded: {green} on target, {yellow} near target and "
                        "{red} off target; {none} without a target or an actual value.",
                        len(kpis),
                    ).format(
                        n=len(kpis),
                        green=lights.count("green"),
                        yellow=lights.count("yellow"),
                        red=lights.count("red"),
                        none=lights.count(None),
                    )
                )
            )
        )
    return story
