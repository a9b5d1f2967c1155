"""The report's index and glossary."""

from __future__ import annotations

from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    Table,
)

from procmodeler.common.i18n import N_
from procmodeler.report import fonts
from procmodeler.report.context import ReportContext
from procmodeler.report.document import (
    Deferred,
    ReportDoc,
)
from procmodeler.report.sections.base import _chapter, _head, _table
from procmodeler.report.text import Text
from procmodeler.report.words import (
    DASH,
    KIND_SINGULAR,
    esc,
)


# ---------------------------------------------------------------------- index
def index(ctx: ReportContext, number_: int, width: float, doc: ReportDoc) -> list[Flowable]:
    tr = ctx.tr
    story = _chapter(ctx, number_, tr("Index of processes"), "index")
    story.append(
        ctx.p(
            esc(
                tr(
                    "Every process at every level, in the order of the hierarchy, with the "
                    "page where it is described."
                )
            )
        )
    )

    widths = [width * 0.46, width * 0.22, width * 0.24, width * 0.08]

    def make() -> Table:
        rows: list[list[object]] = [
            _head(ctx, N_("Process"), N_("Kind"), N_("Process owner"), N_("Page"))
        ]
        rows[0][3] = ctx.p(esc(tr("Page")), "head_right")
        bold_rows: list[tuple[object, ...]] = []
        for pid in (p for top in ctx.top_level() for p in [top, *ctx.arch.descendants(top)]):
            proc = ctx.arch.processes[pid]
            depth = ctx.level(pid)
            name: str | Paragraph
            if depth == 0 and pid not in ctx.keys:
                # no link to make: a plain cell, much cheaper in an index of thousands
                name = ctx.cell(proc.name, widths[0], bold=True)
                if isinstance(name, str):
                    bold_rows.append(("FONTNAME", (0, len(rows)), (0, len(rows)), fonts.font(True)))
            else:
                markup = f"<b>{ctx.link(pid)}</b>" if depth == 0 else ctx.link(pid)
                name = Text(markup, ctx.indented(depth))
            page = doc.process_pages.get(pid)
            rows.append(
                [
                    name,
                    ctx.cell(tr(KIND_SINGULAR.get(proc.kind, proc.kind)), widths[1]),
                    ctx.cell(ctx.owner_text(pid), widths[2]),
                    str(page) if page else DASH,
                ]
            )
        extra = [("ALIGN", (3, 1), (3, -1), "RIGHT"), *bold_rows]
        return _table(ctx, rows, widths, extra=extra)

    story.append(Deferred(make))
    return story


# ---------------------------------------------------------------------- glossary
GLOSSARY: tuple[tuple[str, str], ...] = (
    (
        N_("Process architecture"),
        N_(
            "The whole system of an organisation's value-creating processes and how they "
            "relate to each other, across unit boundaries."
        ),
    ),
    (
        N_("Process map"),
        N_(
            "The top level of the architecture on one page: management processes on top, core "
            "processes in the middle from customer need to satisfied need, support processes "
            "below."
        ),
    ),
    (
        N_("Management process"),
        N_("A process that steers and develops the organisation and the other processes."),
    ),
    (
        N_("Core process"),
        N_("A process that creates direct value for the organisation's customers."),
    ),
    (
        N_("Support process"),
        N_(
            "A process that creates indirect value: it provides the conditions the other "
            "processes need."
        ),
    ),
    (N_("Sub-process"), N_("A part of a process, described on its own diagram.")),
    (N_("Customer"), N_("The one whose need the process exists to satisfy.")),
    (N_("Need"), N_("What the customer needs; the process starts from it.")),
    (N_("Result"), N_("What the process delivers: the satisfied need.")),
    (N_("Objects in"), N_("What the process receives and turns into its result.")),
    (N_("Objects out"), N_("What the process hands on to its customer or to other processes.")),
    (
        N_("Process owner"),
        N_(
            "The manager who answers for the process across unit boundaries: its goals, "
            "resources and development."
        ),
    ),
    (
        N_("Process leader"),
        N_("The person who runs and improves the process day to day on the owner's behalf."),
    ),
    (
        N_("Participating unit"),
        N_(
            "An organisational unit that takes part in a process, with one or more of the "
            "roles R, A, C and I."
        ),
    ),
    (
        N_("RACI"),
        N_(
            "The roles of a unit in a process: Responsible (does the work), Accountable "
            "(answers for the result; exactly one unit), Consulted (gives input) and Informed "
            "(is kept up to date)."
        ),
    ),
    (N_("Cross-unit process"), N_("A process in which two or more units take part.")),
    (N_("Flow relation"), N_("The objects out of one process are objects in of another.")),
    (N_("Support relation"), N_("One process supports another.")),
    (N_("Steering relation"), N_("One process steers another.")),
    (
        N_("KPI"),
        N_(
            "A key performance indicator of a process's flow and effect, with a target and an "
            "actual value."
        ),
    ),
    (N_("Lead time"), N_("The time from the customer's need to the satisfied need.")),
    (N_("Variation"), N_("How much the results of the process vary from time to time.")),
    (N_("Stability"), N_("How reliably the process delivers as promised.")),
    (N_("Customer experience"), N_("How the customer experiences the process and its result.")),
    (
        N_("Traffic light"),
        N_(
            "Green when the actual value meets the target, yellow when it misses by at most "
            "10 % of the target, red beyond that."
        ),
    ),
    (
        N_("Finding"),
        N_(
            "Something the model checks found: an error, a warning or a note, with what to "
            "do about it."
        ),
    ),
    (
        N_("Suppressed finding"),
        N_("A finding that was accepted deliberately, with a written justification."),
    ),
    (
        N_("Dependency cycle"),
        N_("Processes that depend on each other in a loop of flow relations."),
    ),
    (
        N_("Single point of failure"),
        N_("A process that is the only link between groups of processes on its level."),
    ),
    (
        N_("Hand-off hotspot"),
        N_("A process with many flow relations to processes that other units are accountable for."),
    ),
)


def glossary(ctx: ReportContext, number_: int) -> list[Flowable]:
    tr = ctx.tr
    story = _chapter(ctx, number_, tr("Glossary"), "glossary")
    entries = sorted(((tr(t), tr(d)) for t, d in GLOSSARY), key=lambda e: e[0].casefold())
    for term, definition in entries:
        story.append(
            KeepTogether(
                [ctx.p(esc(term), "glossary_term"), ctx.p(esc(definition), "glossary_text")]
            )
        )
    return story
