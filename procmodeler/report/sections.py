"""The chapters of the report, each a function that returns flowables: cover, contents,
executive summary, process map, process sections, participation matrix, findings,
graph analysis, index and glossary. Every user text is escaped before it goes into
paragraph markup; every label is translated."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from io import BytesIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)
from reportlab.platypus.tableofcontents import TableOfContents

from procmodeler.analysis import GROUPS, RULES, Finding
from procmodeler.common.i18n import N_, Translator
from procmodeler.model.elements import PROCESS_KINDS, RACI
from procmodeler.notation import style as notation_style
from procmodeler.notation.kpi import traffic_light
from procmodeler.notation.labels import fit_lines
from procmodeler.report import fonts
from procmodeler.report.context import ReportContext, finding_order
from procmodeler.report.diagram import DiagramFlowable, Legend
from procmodeler.report.document import (
    MARGIN_BOTTOM,
    MARGIN_X,
    AnchorParagraph,
    Deferred,
    Heading,
    ReportDoc,
)
from procmodeler.report.fonts import BOLD
from procmodeler.report.theme import MUTED, RULE, WHITE, plain_style
from procmodeler.report.words import (
    DASH,
    KIND_PLURAL,
    KIND_SINGULAR,
    KPI_KINDS,
    LIGHTS,
    RACI_LETTERS,
    RELATION_KINDS,
    SEVERITIES,
    STATUSES,
    esc,
    letters_text,
    long_date,
    number,
    percent,
    word,
)

SUMMARY_FINDINGS = 5
MATRIX_NAME_WIDTH = 190.0
MATRIX_UNIT_WIDTH = 23.0
SPLIT_IN_ROW = 120.0
MAX_LOOP_NAMES = 60


# ---------------------------------------------------------------------- helpers
def _chapter(
    ctx: ReportContext, number: int, title: str, key: str, template: str = "body"
) -> list[Flowable]:
    """A chapter starts on a new page (portrait or landscape) with a numbered heading."""
    return [
        NextPageTemplate(template),
        PageBreak(),
        Heading(title, ctx.style("h1"), key, 0, f"{number}"),
    ]


def splittable(rows: list[list[object]], widths: Sequence[float | None], repeat: int = 0) -> Table:
    """A table whose rows may split inside a cell when a cell is taller than what is left
    of the page (a very long purpose, a loop of hundreds of processes): reportlab splits
    cells that hold a list of flowables, and only rows of at least SPLIT_IN_ROW points,
    so ordinary rows still move whole to the next page."""
    cells = [[v if isinstance(v, (str, list)) else [v] for v in row] for row in rows]
    return Table(cells, colWidths=widths, repeatRows=repeat, hAlign="LEFT", splitInRow=SPLIT_IN_ROW)


def _table(
    ctx: ReportContext,
    rows: list[list[object]],
    widths: list[float],
    header: bool = True,
    extra: list[tuple[object, ...]] | None = None,
) -> Table:
    table = splittable(rows, widths, 1 if header else 0)
    table.setStyle(ctx.theme.table_style(1 if header else 0))
    if extra:
        table.setStyle(plain_style(extra))
    return table


def _head(ctx: ReportContext, *labels: str) -> list[Paragraph]:
    return [ctx.p(esc(ctx.tr(label)), "head") for label in labels]


def _muted(ctx: ReportContext, msgid: str) -> Paragraph:
    return ctx.p(esc(ctx.tr(msgid)), "cell_muted")


def _severity_chip(ctx: ReportContext, severity: str, suppressed: bool = False) -> str:
    colour = notation_style.FINDING_COLOURS.get(severity, "#57606a")
    if suppressed:
        colour = "#8c959f"
    label = esc(word(SEVERITIES, severity, ctx.tr).upper())
    return f'<font color="{colour}"><b>{label}</b></font>'


class Dot(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A small filled circle (a KPI's traffic light) followed by nothing."""

    def __init__(self, colour: str, size: float = 7.0) -> None:
        super().__init__()
        self.colour = colour
        self.size = size
        self.width = self.height = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.size, self.size

    def draw(self) -> None:
        self.canv.setFillColor(colors.HexColor(self.colour))
        self.canv.setStrokeColor(colors.white)
        self.canv.circle(self.size / 2, self.size / 2, self.size / 2, stroke=0, fill=1)


class VerticalLabel(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A column header reading upwards (unit names over the participation matrix)."""

    SIZE = 7.4
    MAX_HEIGHT = 110.0

    def __init__(self, text: str, height: float) -> None:
        super().__init__()
        self.size = self.SIZE
        self.line_h = self.size * 1.18
        self.lines = fit_lines(text, height - 4, 2, fonts.measure(self.size, True))
        self.width = len(self.lines) * self.line_h
        self.height = height

    @classmethod
    def height_for(cls, texts: list[str]) -> float:
        """The least height (in steps of 6 pt, at most MAX_HEIGHT) at which every text
        fits in two lines without being shortened."""
        measure = fonts.measure(cls.SIZE, True)
        height = 36.0
        while height < cls.MAX_HEIGHT:
            if all("\u2026" not in "".join(fit_lines(t, height - 4, 2, measure)) for t in texts):
                return height
            height += 6
        return cls.MAX_HEIGHT

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setFillColor(WHITE)
        c.setFont(fonts.BOLD, self.size)
        c.rotate(90)
        for i, line in enumerate(self.lines):
            c.drawString(2, -(i + 1) * self.line_h + self.size * 0.25, line)
        c.restoreState()


# ---------------------------------------------------------------------- cover
def paint_cover(ctx: ReportContext, canvas: Canvas, doc: ReportDoc) -> None:
    """The cover page: logo, a band in the primary colour with the title, the facts of
    the deliverable (client, prepared by, date, version) and the confidentiality line."""
    theme, tr, meta = ctx.theme, ctx.tr, ctx.arch.meta
    w, h = canvas._pagesize
    canvas.saveState()
    # logo, top left
    logo = theme.profile.logo
    top = h - 58
    if logo is not None:
        max_w, max_h = 60 * mm, 24 * mm
        scale = min(max_w / logo.width, max_h / logo.height)
        lw, lh = logo.width * scale, logo.height * scale
        canvas.drawImage(
            ImageReader(BytesIO(logo.data)),
            MARGIN_X,
            top - lh,
            lw,
            lh,
            mask="auto",
            preserveAspectRatio=True,
        )
    # band with the title
    band_top = h * 0.66
    band_h = 190.0
    canvas.setFillColor(theme.primary)
    canvas.rect(0, band_top - band_h, w, band_h, stroke=0, fill=1)
    canvas.setFillColor(theme.secondary)
    canvas.rect(0, band_top - band_h - 6, w, 6, stroke=0, fill=1)
    text_w = w - 2 * MARGIN_X
    kicker = Paragraph(
        esc(tr("Process architecture report")).upper(),
        theme.styles["small"].clone(
            "kicker",
            textColor=colors.Color(1, 1, 1, 0.78),
            fontName=fonts.BOLD,
            fontSize=9,
            leading=12,
        ),
    )
    title_text = meta.name or tr("Process architecture")
    size = 27.0  # smaller for a long word (Swedish compounds) rather than break it
    longest = max((fonts.width(w, size, True) for w in title_text.split()), default=0.0)
    if longest > text_w:
        size = max(14.0, size * text_w / longest)
    title = Paragraph(
        esc(title_text),
        theme.styles["h1"].clone("cover_title", textColor=WHITE, fontSize=size, leading=size * 1.2),
    )
    org = Paragraph(
        esc(meta.organisation),
        theme.styles["lead"].clone("cover_org", textColor=WHITE, fontSize=13, leading=17),
    )
    y = band_top - 34
    for para in (kicker, title, org):
        if not para.text:
            continue
        _, ph = para.wrap(text_w, band_h)
        para.drawOn(canvas, MARGIN_X, y - ph)
        y -= ph + 8
    # facts of the deliverable
    prepared = [x for x in (meta.author, theme.profile.author) if x]
    facts = [
        (N_("Client"), meta.organisation),
        (N_("Prepared by"), ", ".join(dict.fromkeys(prepared))),
        (N_("Date"), long_date(ctx.today, tr)),
        (N_("Version"), meta.version_label),
    ]
    label_style = theme.styles["label"].clone("cover_label", fontSize=9.5, leading=13)
    value_style = theme.styles["cell"].clone("cover_value", fontSize=10, leading=13.5)
    rows = [
        [Paragraph(esc(tr(label)), label_style), Paragraph(esc(value), value_style)]
        for label, value in facts
        if value
    ]
    if rows:
        table = Table(rows, colWidths=[110, text_w - 110], hAlign="LEFT")
        table.setStyle(
            plain_style(
                [
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        _, th = table.wrap(text_w, 300)
        table.drawOn(canvas, MARGIN_X, band_top - band_h - 46 - th)
    # confidentiality
    if theme.profile.confidentiality:
        para = Paragraph(
            esc(theme.profile.confidentiality),
            theme.styles["small"].clone(
                "cover_conf", textColor=theme.secondary, fontName=fonts.BOLD, fontSize=9, leading=12
            ),
        )
        _, ph = para.wrap(text_w, 100)
        para.drawOn(canvas, MARGIN_X, MARGIN_BOTTOM)
    canvas.setFillColor(MUTED)
    canvas.setFont(fonts.REGULAR, 7.5)
    canvas.drawRightString(w - MARGIN_X, MARGIN_BOTTOM - 16, tr("Made with procmodeler"))
    canvas.restoreState()


# ---------------------------------------------------------------------- contents
def contents(ctx: ReportContext) -> list[Flowable]:
    tr = ctx.tr
    toc = TableOfContents(
        levelStyles=[ctx.style("toc0"), ctx.style("toc1")],
        dotsMinLevel=1,
        rightColumnWidth=40,
    )
    toc.tableStyle = plain_style(
        [
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    return [
        NextPageTemplate("body"),
        PageBreak(),
        Heading(tr("Contents"), ctx.style("h1"), "contents", None),
        toc,
    ]


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
    procs = arch.processes
    total = len(procs)
    tops = arch.top_level()
    if total == 0:
        story.append(ctx.p(esc(tr("The architecture holds no processes yet."))))
        return story
    own = [p for p in procs if procs[p].owner in arch.people]
    inherited = [
        p
        for p in procs
        if p not in own and any(procs[a].owner in arch.people for a in arch.ancestors(p))
    ]
    unowned = total - len(own) - len(inherited)
    participating = [p for p in procs if arch.participation_of(p)]
    cross = [p for p in participating if len(arch.participation_of(p)) >= 2]
    summary_counts = ctx.result.summary
    story.append(
        _figure_tiles(
            ctx,
            [
                (
                    str(total),
                    tr.n("process in the architecture", "processes in the architecture", total),
                ),
                (
                    percent(len(own) + len(inherited), total, tr),
                    tr("have a process owner (their own or a parent's)"),
                ),
                (str(len(cross)), tr.n("cross-unit process", "cross-unit processes", len(cross))),
                (
                    str(summary_counts["error"]),
                    tr.n("error to resolve", "errors to resolve", summary_counts["error"]),
                ),
            ],
            width,
        )
    )
    story.append(Spacer(1, 14))
    # the architecture in plain words
    story.append(ctx.p(esc(tr("The architecture")), "h2"))
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
    rows: list[list[object]] = [
        [ctx.p(esc(tr("Kind")), "head")]
        + [
            ctx.p(esc(tr(label)), "head_right")
            for label in (N_("Top level"), N_("Sub-processes"), N_("Total"))
        ]
    ]
    for kind in PROCESS_KINDS:
        top_n = per_kind[kind]
        all_n = sum(1 for p in procs.values() if p.kind == kind)
        rows.append(
            [
                ctx.p(esc(tr(KIND_PLURAL[kind])), "cell"),
                ctx.p(str(top_n), "cell_right"),
                ctx.p(str(all_n - top_n), "cell_right"),
                ctx.p(f"<b>{all_n}</b>", "cell_right"),
            ]
        )
    rows.append(
        [
            ctx.p(f"<b>{esc(tr('All processes'))}</b>", "cell"),
            ctx.p(f"<b>{len(tops)}</b>", "cell_right"),
            ctx.p(f"<b>{subs}</b>", "cell_right"),
            ctx.p(f"<b>{total}</b>", "cell_right"),
        ]
    )
    story.append(
        _table(
            ctx,
            rows,
            [width * 0.46, width * 0.18, width * 0.18, width * 0.18],
            extra=[("LINEABOVE", (0, -1), (-1, -1), 0.8, ctx.theme.primary)],
        )
    )
    # responsibility
    story.append(ctx.p(esc(tr("Responsibility")), "h2"))
    text = tr("{own} of {total} processes ({share}) have a process owner of their own.").format(
        own=len(own), total=total, share=percent(len(own), total, tr)
    )
    if inherited:
        text += " " + tr.n(
            "{n} more is covered by the owner of a parent process.",
            "{n} more are covered by the owner of a parent process.",
            len(inherited),
        ).format(n=len(inherited))
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
    cross_top = [p for p in ctx.top_level() if p in cross]
    if cross_top:
        names = ", ".join(ctx.link(p) for p in cross_top)
        story.append(ctx.p(esc(tr("Cross-unit processes at the top level:")) + " " + names))
    # flow and effect
    kpis = list(arch.kpis.values())
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
    # findings
    story.append(ctx.p(esc(tr("Most important findings")), "h2"))
    n_supp = len(ctx.result.suppressed)
    text = tr("The model checks found {errors}, {warnings} and {notes}.").format(
        errors=tr.n("{n} error", "{n} errors", summary_counts["error"]).format(
            n=summary_counts["error"]
        ),
        warnings=tr.n("{n} warning", "{n} warnings", summary_counts["warning"]).format(
            n=summary_counts["warning"]
        ),
        notes=tr.n("{n} note", "{n} notes", summary_counts["info"]).format(
            n=summary_counts["info"]
        ),
    )
    if n_supp:
        text += " " + tr.n(
            "{n} more finding is suppressed with a written justification.",
            "{n} more findings are suppressed with a written justification.",
            n_supp,
        ).format(n=n_supp)
    story.append(ctx.p(esc(text)))
    for finding in _most_important(ctx):
        story.append(
            ctx.p(f"{_severity_chip(ctx, finding.severity)}\u2003{esc(finding.message)}", "finding")
        )
    steps = _next_steps(ctx)
    if steps:
        story.append(ctx.p(esc(tr("Recommended next steps")), "h2"))
        for i, (title, what, count) in enumerate(steps, 1):
            story.append(
                ctx.p(
                    f"<b>{i}. {esc(title)}</b> ({esc(tr.n('{n} finding', '{n} findings', count).format(n=count))}): {esc(what)}",
                    "bullet",
                )
            )
    return story


def _join(items: list[str], tr: Translator) -> str:
    """``a, b and c`` / ``a, b och c``."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " " + tr("and") + " " + items[-1]


def _most_important(ctx: ReportContext) -> list[Finding]:
    """Up to six unsuppressed errors and warnings, one per rule first, most serious first."""
    active = sorted((f for f in ctx.result.active if f.severity != "info"), key=finding_order)
    chosen: list[Finding] = []
    seen: set[str] = set()
    for finding in active:
        if finding.rule not in seen:
            chosen.append(finding)
            seen.add(finding.rule)
    for finding in active:
        if finding not in chosen:
            chosen.append(finding)
    return sorted(chosen[:SUMMARY_FINDINGS], key=finding_order)


def _next_steps(ctx: ReportContext) -> list[tuple[str, str, int]]:
    counts: dict[str, int] = {}
    for finding in ctx.result.active:
        if finding.severity != "info":
            counts[finding.rule] = counts.get(finding.rule, 0) + 1
    steps = []
    for rule, info in RULES.items():
        if rule in counts:
            title, _, what = info.texts(ctx.tr)
            severity = next(f.severity for f in ctx.result.active if f.rule == rule)
            steps.append((severity, title, what, counts[rule]))
    steps.sort(key=lambda s: 0 if s[0] == "error" else 1)
    return [(t, w, n) for _, t, w, n in steps[:5]]


# ---------------------------------------------------------------------- map
def process_map(ctx: ReportContext, number_: int, width: float, height: float) -> list[Flowable]:
    tr = ctx.tr
    story = _chapter(ctx, number_, tr("The process map"), "map", template="wide")
    if not ctx.arch.shapes.get(None):
        story.append(ctx.p(esc(tr("The process map has no processes placed on it yet."))))
        return story
    story.append(
        ctx.p(
            esc(
                tr(
                    "The map shows the processes at the top level: management processes steer "
                    "and develop, core processes create value for the customer from need to "
                    "satisfied need, and support processes create the conditions for the "
                    "others."
                )
            ),
        )
    )
    story.append(Spacer(1, 4))
    story.append(
        DiagramFlowable(ctx.arch, None, tr, ctx.severity_of, max_height=height - 120, max_scale=1.0)
    )
    story.append(Spacer(1, 8))
    story.append(Legend(tr))
    return story


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
    for i, pid in enumerate(ctx.top_level(), 1):
        if i > 1:
            yield CondPageBreak(height * 0.45)
            yield Spacer(1, 10)
        yield from _section(ctx, pid, f"{number_}.{i}", 1, width, height)
        for j, child in enumerate(ctx.arch.children(pid), 1):
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
    yield from _process_findings(ctx, pid)
    yield from _sub_processes(ctx, pid, level, width, height)


def _facts(ctx: ReportContext, pid: str, width: float) -> Table:
    """Purpose, customer, need, result, objects, owner and leader; what is not recorded
    is named in one line at the end rather than row by row."""
    proc = ctx.arch.processes[pid]
    tr = ctx.tr
    owner = ctx.person_line(proc.owner)
    if not owner:
        inherited = next((a for a in ctx.arch.ancestors(pid) if ctx.arch.processes[a].owner), None)
        owner_cell = (
            ctx.p(
                ctx.person_line(ctx.arch.processes[inherited].owner)
                + " "
                + esc(tr("(owner of {parent})").format(parent=ctx.name(inherited))),
                "cell",
            )
            if inherited
            else ctx.p(
                f"<font color='{notation_style.FINDING_COLOURS['error']}'>"
                f"{esc(tr('No process owner'))}</font>",
                "cell",
            )
        )
    else:
        owner_cell = ctx.p(owner, "cell")
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
        extra=[("FONTNAME", (1, 1), (1, -1), BOLD), ("TEXTCOLOR", (2, 1), (2, -1), MUTED)],
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
        light = traffic_light(kpi)
        unit = f"\u00a0{esc(kpi.measure)}" if kpi.measure else ""
        direction = tr("lower is better") if kpi.direction == "lower" else tr("higher is better")
        status: object
        if light is None:
            status = _muted(ctx, N_("No light"))
        else:
            status = Table(
                [
                    [
                        Dot(notation_style.LIGHT_COLOURS[light]),
                        ctx.p(esc(word(LIGHTS, light, tr)), "cell"),
                    ]
                ],
                colWidths=[11, None],
                style=plain_style(
                    [
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ]
                ),
            )
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


def _finding_paragraph(ctx: ReportContext, finding: Finding) -> Paragraph:
    tr = ctx.tr
    chip = _severity_chip(ctx, finding.severity, finding.suppressed is not None)
    if finding.suppressed is None:
        return ctx.p(f"{chip}\u2003{esc(finding.message)}", "finding")
    return ctx.p(
        f"{chip}\u2003<font color='#59636e'>{esc(finding.message)}</font><br/>"
        f"<b>{esc(tr('Suppressed'))}:</b> {esc(finding.suppressed)}",
        "finding",
    )


def _sub_processes(
    ctx: ReportContext, pid: str, level: int, width: float, height: float
) -> Iterator[Flowable]:
    arch, tr = ctx.arch, ctx.tr
    children = arch.children(pid)
    if not children:
        return
    title = ctx.p(esc(tr("Sub-processes")), "h4")
    flow: list[Flowable] = [title]
    if arch.shapes.get(pid):
        flow.append(DiagramFlowable(arch, pid, tr, ctx.severity_of, max_height=height * 0.42))
        flow.append(
            ctx.p(
                esc(tr("Diagram of the sub-processes of {name}.").format(name=ctx.name(pid))),
                "caption",
            )
        )
    yield KeepTogether(flow) if len(flow) > 1 else title
    # the list: children (with their own sections) or every descendant (indexed here)
    rows: list[list[object]] = [_head(ctx, N_("Process"), N_("Kind"), N_("Process owner"))]
    listed = children if level == 1 else arch.descendants(pid)
    base = arch.depth(pid) + 1
    for child in listed:
        proc = arch.processes[child]
        style = ctx.indented(arch.depth(child) - base)
        name = (
            Paragraph(ctx.link(child), style)
            if ctx.has_section(child)
            else AnchorParagraph(ctx.link(child), style, child, ctx.keys[child])
        )
        rows.append(
            [
                name,
                ctx.p(esc(tr(KIND_SINGULAR.get(proc.kind, proc.kind))), "cell"),
                ctx.p(esc(ctx.person(proc.owner)) or DASH, "cell"),
            ]
        )
    yield _table(ctx, rows, [width * 0.5, width * 0.22, width * 0.28])


# ---------------------------------------------------------------------- matrix
def matrix(ctx: ReportContext, number_: int, narrow: float, wide: float) -> list[Flowable]:
    """Process x unit with the RACI letters, for the top two levels: on portrait pages
    when every unit fits across one, else on landscape pages, in chunks of units."""
    arch, tr = ctx.arch, ctx.tr
    rows_pids = [pid for top in ctx.top_level() for pid in [top, *arch.children(top)]]
    in_rows = set(rows_pids)
    used_units = {uid for (pid, uid) in arch.participation if pid in in_rows}
    units = [u for u in arch.walk_units() if u in used_units]
    units += [u for u in used_units if u not in units]
    fits_portrait = MATRIX_NAME_WIDTH + len(units) * MATRIX_UNIT_WIDTH <= narrow
    width = narrow if fits_portrait else wide
    story = _chapter(
        ctx,
        number_,
        tr("Participation: processes and units"),
        "matrix",
        template="body" if fits_portrait else "wide",
    )
    story.append(
        ctx.p(
            esc(
                tr(
                    "Which organisational units take part in the processes of the top two "
                    "levels, and in which roles. Each process should have exactly one "
                    "accountable unit (A)."
                )
            ),
        )
    )
    legend = "\u2003".join(f"<b>{letter}</b> {esc(tr(RACI_LETTERS[letter]))}" for letter in RACI)
    story.append(ctx.p(legend, "small"))
    story.append(Spacer(1, 6))
    if not units or not rows_pids:
        story.append(_muted(ctx, N_("No participation recorded for these processes.")))
        return story
    per_chunk = max(1, int((width - MATRIX_NAME_WIDTH) // MATRIX_UNIT_WIDTH))
    # the name column takes the room the units leave (up to a limit)
    name_w = min(MATRIX_NAME_WIDTH * 1.6, width - min(per_chunk, len(units)) * MATRIX_UNIT_WIDTH)
    label_h = VerticalLabel.height_for([ctx.unit(u) for u in units])
    chunks = [units[i : i + per_chunk] for i in range(0, len(units), per_chunk)]
    for index, chunk in enumerate(chunks):
        if len(chunks) > 1:
            first = index * per_chunk + 1
            story.append(
                ctx.p(
                    esc(
                        tr("Units {first}\u2013{last} of {n}").format(
                            first=first, last=first + len(chunk) - 1, n=len(units)
                        )
                    ),
                    "h4",
                )
            )
        header: list[object] = [ctx.p(esc(tr("Process")), "head")]
        header += [VerticalLabel(ctx.unit(u), label_h) for u in chunk]
        rows: list[list[object]] = [header]
        extra: list[tuple[object, ...]] = [
            ("ALIGN", (1, 0), (-1, -1), "CENTER"),
            ("VALIGN", (1, 1), (-1, -1), "MIDDLE"),
            ("LINEAFTER", (0, 0), (-2, -1), 0.3, RULE),
        ]
        extra.append(("FONTNAME", (1, 1), (-1, -1), BOLD))
        for r, pid in enumerate(rows_pids, 1):
            top = arch.processes[pid].parent is None
            name = ctx.name(pid) if top else "\u2003" + ctx.name(pid)
            row: list[object] = [ctx.cell(name, name_w, bold=top)]
            if top:
                extra.append(("FONTNAME", (0, r), (0, r), BOLD))
            letters_of = arch.participation_of(pid)
            for c, uid in enumerate(chunk, 1):
                letters = letters_of.get(uid)
                if letters is None:
                    row.append([])  # an empty cell that costs nothing to draw
                    continue
                row.append(letters or "\u00b7")
                if "A" in letters:
                    extra.append(("BACKGROUND", (c, r), (c, r), ctx.theme.primary_mid))
            rows.append(row)
            if top:
                extra.append(("LINEABOVE", (0, r), (-1, r), 0.8, ctx.theme.primary))
        table = Table(
            rows,
            colWidths=[name_w] + [MATRIX_UNIT_WIDTH] * len(chunk),
            repeatRows=1,
            hAlign="LEFT",
        )
        table.setStyle(ctx.theme.table_style())
        table.setStyle(plain_style(extra))
        story.append(table)
        story.append(Spacer(1, 12))
    return story


# ---------------------------------------------------------------------- findings
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
    block.extend(_finding_paragraph(ctx, f) for f in active)
    if suppressed:
        block.append(ctx.p(esc(tr("Suppressed findings")), "h4"))
        block.extend(_finding_paragraph(ctx, f) for f in suppressed)
    return block


# ---------------------------------------------------------------------- graph analysis
def graph_analysis(ctx: ReportContext, number_: int, width: float) -> list[Flowable]:
    arch, tr = ctx.arch, ctx.tr
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
            story.append(_table(ctx, rows, [width * 0.1, width * 0.9]))
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
                        ctx.p(esc(ctx.person(arch.processes[pid].owner)) or DASH, "cell"),
                        ctx.p(str(len(arch.relations_of(pid))), "cell_right"),
                    ]
                )
            story.append(_table(ctx, rows, [width * 0.36, width * 0.3, width * 0.2, width * 0.14]))
        else:
            rows = [
                _head(
                    ctx, N_("Process"), N_("Accountable unit"), N_("Hands over to or receives from")
                )
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
            story.append(_table(ctx, rows, [width * 0.38, width * 0.24, width * 0.38]))
        suppressed = [f for f in found if f.suppressed is not None]
        if suppressed:
            story.append(ctx.p(esc(tr("Suppressed findings")), "h4"))
            story.extend(_finding_paragraph(ctx, f) for f in suppressed)
    return story


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
        for pid in (p for top in ctx.top_level() for p in [top, *ctx.arch.descendants(top)]):
            proc = ctx.arch.processes[pid]
            depth = ctx.arch.depth(pid)
            name = f"<b>{ctx.link(pid)}</b>" if depth == 0 else ctx.link(pid)
            page = doc.process_pages.get(pid)
            rows.append(
                [
                    Paragraph(name, ctx.indented(depth)),
                    ctx.cell(tr(KIND_SINGULAR.get(proc.kind, proc.kind)), widths[1]),
                    ctx.cell(ctx.person(proc.owner) or DASH, widths[2]),
                    str(page) if page else DASH,
                ]
            )
        return _table(ctx, rows, widths, extra=[("ALIGN", (3, 1), (3, -1), "RIGHT")])

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
