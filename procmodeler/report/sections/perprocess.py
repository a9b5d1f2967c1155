"""The report's process map and one section per process."""

from __future__ import annotations

from collections.abc import Iterator

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)

from procmodeler.common.i18n import N_
from procmodeler.notation import style as notation_style
from procmodeler.report import fonts
from procmodeler.report.context import ReportContext
from procmodeler.report.diagram import PRINT_SCALE, DiagramFlowable, Legend
from procmodeler.report.document import (
    AnchorParagraph,
    Heading,
)
from procmodeler.report.mapparts import MIN_MAP_SCALE, split_diagram, variant
from procmodeler.report.sections.base import (
    _chapter,
    _finding_paragraph,
    _head,
    _muted,
    _table,
    splittable,
)
from procmodeler.report.sections.flow import kpi_state
from procmodeler.report.sections.kpicharts import process_charts
from procmodeler.report.text import Text
from procmodeler.report.theme import MUTED
from procmodeler.report.words import (
    DASH,
    KIND_SINGULAR,
    KPI_KINDS,
    RELATION_KINDS,
    STATUSES,
    esc,
    letters_text,
    number,
    word,
)
from procmodeler.vocabulary import DIRECTION


# ---------------------------------------------------------------------- map
def process_map(ctx: ReportContext, number_: int, width: float, height: float) -> list[Flowable]:
    tr = ctx.tr
    story = _chapter(ctx, number_, tr("The process map"), "map", template="wide")
    level = ctx.scope  # the landscape, or the level of the scope's sub-processes
    if not ctx.arch.shapes.get(level):
        empty = tr("The process map has no processes placed on it yet.")
        if level is not None:
            empty = tr("{process} has no sub-processes on a diagram.").format(
                process=ctx.name(level)
            )
        story.append(ctx.p(esc(empty)))
        return story
    if level is None:
        intro = tr(
            "The map shows the processes at the top level: management processes steer "
            "and develop, core processes create value for the customer from need to "
            "satisfied need, and support processes create the conditions for the "
            "others."
        )
    else:
        intro = tr("The map shows the sub-processes of {process} and how they relate.").format(
            process=ctx.name(level)
        )
    story.append(ctx.p(esc(intro)))
    story.append(Spacer(1, 4))
    room = height - 130  # below the heading and the text, above the legend
    whole = DiagramFlowable(ctx.arch, level, tr, ctx.severity_of, max_height=room, max_scale=1.5)
    box = whole.box
    if min(width / box.w, room / box.h) >= MIN_MAP_SCALE:
        return [*story, whole, Spacer(1, 8), Legend(tr)]
    # too big to read on one page: an overview of the parts, then a page per part
    story.append(
        ctx.p(
            esc(
                tr(
                    "The map is too big to read on one page: the overview shows its parts, "
                    "which follow one per page."
                )
            )
        )
    )
    parts = split_diagram(
        ctx, whole, width, height, room - 30, N_("Part {n} of {count} of the process map")
    )
    return [*story, parts[0], Spacer(1, 8), Legend(tr), *parts[1:]]


# ---------------------------------------------------------------------- process sections
def processes(ctx: ReportContext, number_: int, width: float, height: float) -> Iterator[Flowable]:
    """The chapter with a section per top-level process and per child of one."""
    tr = ctx.tr
    yield from _chapter(ctx, number_, tr("The processes"), "processes")
    yield ctx.p(
        esc(
            tr(
                "A section for each process at the top level and for each of their "
                "sub-processes: what it is for, who answers for it, which units take part, "
                "how it relates to other processes, how it is measured and what the checks "
                "found."
            )
        ),
    )
    if ctx.sections_omitted:
        shown = len(ctx.sectioned)
        yield ctx.p(
            esc(
                tr(
                    "The model has {total} processes at the top two levels. So that the "
                    "report stays readable, the first {shown} in the order of the map have a "
                    "section here; the other {omitted} are named in the index of processes. "
                    "A report of one process and its sub-processes describes them in full."
                ).format(
                    total=shown + ctx.sections_omitted, shown=shown, omitted=ctx.sections_omitted
                )
            ),
            "small",
        )
    for i, pid in enumerate(ctx.top_level(), 1):
        if not ctx.has_section(pid):
            break
        if i > 1:
            yield CondPageBreak(height * 0.45)
            yield Spacer(1, 10)
        yield from _section(ctx, pid, f"{number_}.{i}", 1, width, height)
        for j, child in enumerate(ctx.arch.children(pid), 1):
            if not ctx.has_section(child):
                break
            yield CondPageBreak(height * 0.3)
            yield from _section(ctx, child, f"{number_}.{i}.{j}", 2, width, height)


def _section(
    ctx: ReportContext, pid: str, num: str, level: int, width: float, height: float
) -> Iterator[Flowable]:
    arch, tr = ctx.arch, ctx.tr
    proc = arch.processes[pid]
    heading = Heading(
        proc.name,
        ctx.style("h2" if level == 1 else "h3"),
        ctx.keys[pid],
        level,
        num,
        in_toc=level == 1,
    )
    heading.process = pid
    parts = [esc(tr(KIND_SINGULAR.get(proc.kind, proc.kind)))]
    parts.append(esc(tr("Status: {status}").format(status=word(STATUSES, proc.status, tr))))
    if proc.parent is not None:
        parts.append(esc(tr("Part of")) + " " + ctx.link(proc.parent))
    subtitle = ctx.p("\u2002\u00b7\u2002".join(parts), "small")
    yield KeepTogether([heading, subtitle, Spacer(1, 4), _facts(ctx, pid, width)])
    yield from _participation(ctx, pid, width)
    yield from _relations(ctx, pid, width)
    yield from _kpis(ctx, pid, width)
    yield from process_charts(ctx, pid, width)  # as the app draws them
    yield from _process_findings(ctx, pid)
    yield from _sub_processes(ctx, pid, level, width, height)


def _facts(ctx: ReportContext, pid: str, width: float) -> Table:
    """Purpose, customer, need, result, objects, owner and leader; what is not recorded
    is named in one line at the end rather than row by row."""
    proc = ctx.arch.processes[pid]
    tr = ctx.tr
    own = ctx.owners[pid]
    if own.source is None:
        owner_cell = ctx.p(
            f"<font color='{notation_style.FINDING_COLOURS['error']}'>"
            f"{esc(tr('No process owner'))}</font>",
            "cell",
        )
    elif own.source != pid:  # inherited from a parent process
        owner_cell = ctx.p(
            ctx.person_line(own.person)
            + " ("
            + esc(tr("inherited from {process}").format(process=ctx.name(own.source)))
            + ")",
            "cell",
        )
    else:
        owner_cell = ctx.p(ctx.person_line(own.person), "cell")
    leader = ctx.person_line(proc.leader)
    texts = [
        (N_("Purpose"), proc.purpose),
        (N_("Customer"), proc.customer),
        (N_("Need"), proc.need),
        (N_("Result"), proc.result),
        (N_("Objects in"), "; ".join(proc.objects_in)),
        (N_("Objects out"), "; ".join(proc.objects_out)),
    ]
    widths = [width * 0.24, width * 0.76]

    def label(msgid: str) -> str | Paragraph:
        return ctx.cell(tr(msgid), widths[0], bold=True, style="label")

    rows: list[list[object]] = [
        [label(msgid), ctx.cell(value, widths[1])] for msgid, value in texts if value
    ]
    rows.append([label(N_("Process owner")), owner_cell])
    leader_cell = ctx.p(leader, "cell") if leader else _muted(ctx, N_("None"))
    rows.append([label(N_("Process leader")), leader_cell])
    missing = [tr(msgid) for msgid, value in texts if not value]
    if missing:
        rows.append([label(N_("Not recorded")), ctx.p(esc(", ".join(missing)), "cell_muted")])
    table = splittable(rows, widths)
    table.setStyle(ctx.theme.facts_style())
    return table


def _participation(ctx: ReportContext, pid: str, width: float) -> Iterator[Flowable]:
    tr = ctx.tr
    rows_data = ctx.arch.participation_of(pid)
    title = ctx.p(esc(tr("Participating units")), "h4")
    if not rows_data:
        yield KeepTogether([title, _muted(ctx, N_("No participating units recorded."))])
        return
    widths = [width * 0.42, width * 0.12, width * 0.46]
    rows: list[list[object]] = [_head(ctx, N_("Unit"), N_("Roles"), N_("What it means"))]
    for uid, letters in rows_data.items():
        meaning = letters_text(letters, tr) or tr("Takes part; roles not decided")
        rows.append(
            [
                ctx.cell(ctx.unit(uid), widths[0]),
                letters or DASH,
                ctx.cell(meaning, widths[2], style="cell_muted"),
            ]
        )
    yield title
    yield _table(
        ctx,
        rows,
        widths,
        extra=[
            ("FONTNAME", (1, 1), (1, -1), fonts.font(True)),
            ("TEXTCOLOR", (2, 1), (2, -1), MUTED),
        ],
    )


def _relations(ctx: ReportContext, pid: str, width: float) -> Iterator[Flowable]:
    arch, tr = ctx.arch, ctx.tr
    rels = [arch.relations[r] for r in arch.relations_of(pid)]
    title = ctx.p(esc(tr("Relations to other processes")), "h4")
    if not rels:
        yield KeepTogether([title, _muted(ctx, N_("No relations recorded."))])
        return
    rows: list[list[object]] = [
        _head(ctx, N_("Direction"), N_("Kind"), N_("Process"), N_("Object"))
    ]
    incoming = [r for r in rels if r.target == pid]
    outgoing = [r for r in rels if r.source == pid]
    widths = [width * 0.13, width * 0.14, width * 0.43, width * 0.30]
    for rel, label, other in [(r, N_("From"), r.source) for r in incoming] + [
        (r, N_("To"), r.target) for r in outgoing
    ]:
        rows.append(
            [
                ctx.cell(tr(label), widths[0], style="cell_muted"),
                ctx.cell(word(RELATION_KINDS, rel.kind, tr), widths[1]),
                ctx.p(ctx.link(other), "cell"),
                ctx.cell(rel.object or DASH, widths[3]),
            ]
        )
    yield title
    yield _table(ctx, rows, widths, extra=[("TEXTCOLOR", (0, 1), (0, -1), MUTED)])


def _kpis(ctx: ReportContext, pid: str, width: float) -> Iterator[Flowable]:
    arch, tr = ctx.arch, ctx.tr
    kpis = [arch.kpis[k] for k in arch.kpis_of(pid)]
    if not kpis:
        return
    rows: list[list[object]] = [
        _head(ctx, N_("KPI"), N_("Kind"), N_("Target"), N_("Actual"), N_("Status"))
    ]
    rows[0][2] = ctx.p(esc(tr("Target")), "head_right")
    rows[0][3] = ctx.p(esc(tr("Actual")), "head_right")
    for kpi in kpis:
        unit = f"\u00a0{esc(kpi.measure)}" if kpi.measure else ""
        direction = word(DIRECTION, kpi.direction, tr).lower()
        status = kpi_state(ctx, kpi)  # as the scorecard says it
        rows.append(
            [
                ctx.p(
                    f"{esc(kpi.name)}<br/><font size=7 color='#59636e'>{esc(direction)}</font>",
                    "cell",
                ),
                ctx.p(esc(word(KPI_KINDS, kpi.kind, tr)), "cell"),
                ctx.p(
                    (esc(number(kpi.target, tr)) + unit) if kpi.target is not None else DASH,
                    "cell_right",
                ),
                ctx.p(
                    (esc(number(kpi.actual, tr)) + unit) if kpi.actual is not None else DASH,
                    "cell_right",
                ),
                status,
            ]
        )
    yield ctx.p(esc(tr("KPIs: flow and effect")), "h4")
    yield _table(
        ctx,
        rows,
        [width * 0.32, width * 0.2, width * 0.14, width * 0.14, width * 0.2],
        extra=[("VALIGN", (4, 1), (4, -1), "MIDDLE")],
    )


def _process_findings(ctx: ReportContext, pid: str) -> Iterator[Flowable]:
    found = ctx.findings_of.get(pid, [])
    if not found:
        return
    tr = ctx.tr
    yield ctx.p(esc(tr("Findings")), "h4")
    for finding in found:
        yield _finding_paragraph(ctx, finding)


def _sub_processes(
    ctx: ReportContext, pid: str, level: int, width: float, height: float
) -> Iterator[Flowable]:
    arch, tr = ctx.arch, ctx.tr
    children = arch.children(pid)
    if not children:
        return
    title = ctx.p(esc(tr("Sub-processes")), "h4")
    flow: list[Flowable] = [title]
    caption = ctx.p(
        esc(tr("Diagram of the sub-processes of {name}.").format(name=ctx.name(pid))), "caption"
    )
    if arch.shapes.get(pid):
        small = DiagramFlowable(arch, pid, tr, ctx.severity_of, max_height=height * 0.42)
        box = small.box
        if min(width / box.w, height * 0.42 / box.h) >= MIN_MAP_SCALE:
            flow += [small, caption]
        elif min(width / box.w, (height - 80) / box.h) >= MIN_MAP_SCALE:  # a page of its own
            flow.insert(0, PageBreak())
            flow += [variant(small, height - 80, PRINT_SCALE), caption]
        else:  # an overview of the parts, then a page per part
            yield title
            yield caption
            yield from split_diagram(
                ctx, small, width, height, height * 0.42, N_("Part {n} of {count} of the diagram")
            )
            flow = []
    if flow:
        yield KeepTogether(flow) if len(flow) > 1 else title
    # the list: children (with their own sections) or every descendant (indexed here)
    rows: list[list[object]] = [_head(ctx, N_("Process"), N_("Kind"), N_("Process owner"))]
    listed = children if level == 1 else arch.descendants(pid)
    base = arch.depth(pid) + 1
    for child in listed:
        proc = arch.processes[child]
        style = ctx.indented(arch.depth(child) - base)
        name = (
            Text(ctx.link(child), style)
            if ctx.has_section(child)
            else AnchorParagraph(ctx.link(child), style, child, ctx.keys[child])
        )
        rows.append(
            [
                name,
                ctx.p(esc(tr(KIND_SINGULAR.get(proc.kind, proc.kind))), "cell"),
                ctx.p(esc(ctx.owner_text(child)), "cell"),
            ]
        )
    yield _table(ctx, rows, [width * 0.5, width * 0.22, width * 0.28])
    if level > 1:
        yield from _deeper_kpis(ctx, listed, width)


def _deeper_kpis(ctx: ReportContext, listed: list[str], width: float) -> Iterator[Flowable]:
    """The KPIs of processes too deep for a section of their own, each under its
    process's name, its parent and its owner, so that every KPI is shown with its
    process."""
    tr = ctx.tr
    for pid in listed:
        if ctx.has_section(pid) or not ctx.arch.kpis_of(pid):
            continue
        parent = ctx.arch.processes[pid].parent
        about = [esc(tr("Part of")) + " " + ctx.link(parent)] if parent else []
        about.append(esc(tr("Process owner") + ": " + ctx.owner_text(pid)))
        yield CondPageBreak(120)
        yield ctx.p(ctx.link(pid), "h3")
        yield ctx.p("\u2002\u00b7\u2002".join(about), "small")
        yield from _kpis(ctx, pid, width)
        yield from process_charts(ctx, pid, width)
