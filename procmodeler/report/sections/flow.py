"""The report's flow-and-effect chapter: the scorecard of every KPI, grouped by process."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from procmodeler.analysis.xmr import KpiAnalysis, analyse_kpi
from procmodeler.common.i18n import N_
from procmodeler.model.elements import Kpi
from procmodeler.notation import style as notation_style
from procmodeler.notation.kpi import IconView, assurance_icon, traffic_light, variation_icon
from procmodeler.report.chart import IconFlowable, SparklineFlowable
from procmodeler.report.context import ReportContext
from procmodeler.report.sections.base import Dot, _chapter, _head, _muted, _table
from procmodeler.report.theme import plain_style
from procmodeler.report.words import DASH, esc, number, word
from procmodeler.vocabulary import ASSURANCE, DIRECTION, LIGHT, VARIATION

SPARK_HEIGHT = 22.0
#: What each icon says, for the legend above the scorecard.
MEANINGS: dict[str, str] = {
    "common_cause": N_("Only the ordinary variation of the process: it is stable."),
    "special_cause_improvement": N_(
        "A special cause on the better side (the arrow: the latest value is above or below "
        "the mean)."
    ),
    "special_cause_concern": N_(
        "A special cause on the worse side: find out what changed in the process."
    ),
    "consistent_pass": N_("The target lies beyond the limits on the good side: it is met."),
    "inconsistent": N_("The target lies between the limits: sometimes met, sometimes not."),
    "consistent_fail": N_(
        "The target lies beyond the limits on the bad side: as the process runs it cannot "
        "meet the target; change the process, not the effort."
    ),
}
_COLUMNS = (0.24, 0.15, 0.13, 0.13, 0.17, 0.18)


def has_scorecard(ctx: ReportContext) -> bool:
    """Whether a process of the report has a KPI (else the report leaves the chapter out)."""
    return any(kpi.process in ctx.in_scope for kpi in ctx.arch.kpis.values())


def scorecard(ctx: ReportContext, number_: int, width: float) -> list[Flowable]:
    """The chapter: how to read it, then one group of rows per process with KPIs."""
    tr = ctx.tr
    story = _chapter(ctx, number_, tr("Flow and effect"), "flow")
    story.append(
        ctx.p(
            esc(
                tr(
                    "Every KPI of every process, grouped by process in the order of the "
                    "hierarchy: its values over time, the latest value against the target, "
                    "and what the process behaviour chart says about them. Variation tells "
                    "whether the process is stable or something has changed; assurance tells "
                    "whether the process, as it runs, can meet the target. Each process's "
                    "section shows the whole chart."
                )
            )
        )
    )
    story += [_legend(ctx, width), Spacer(1, 8)]
    widths = [width * w for w in _COLUMNS]
    story.append(_table(ctx, [_column_heads(ctx)], widths))
    for rows in _rows(ctx, width):  # a process with its KPIs, never parted at a page end
        story.append(KeepTogether(_table(ctx, rows, widths, header=False, extra=_spans(ctx))))
    return story


def _icon_cell(ctx: ReportContext, icon: IconView | None, text: str) -> object:
    """An icon followed by its word (only the word when there is no icon)."""
    label = ctx.p(esc(text), "cell")
    if icon is None:
        return label
    return _pair(IconFlowable(icon, 9.0), label)


_TIGHT = (
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
)


def _pair(first: Flowable, second: Flowable) -> Table:
    """A sign (an icon, a light) and its word side by side in a table cell."""
    return Table(
        [[first, second]], colWidths=[12, None], style=plain_style(list(_TIGHT)), hAlign="LEFT"
    )


def kpi_state(ctx: ReportContext, kpi: Kpi) -> object:
    """What a KPI's row on its process page says: for a measured KPI the variation and
    assurance icons with their words (as in the scorecard and on the map), else its
    traffic light and word."""
    if not kpi.series:
        return _light_cell(ctx, kpi)
    result = analyse_kpi(kpi)
    cells = [[_state_cell(ctx, result, "variation")], [_state_cell(ctx, result, "assurance")]]
    style = plain_style([*_TIGHT, ("TOPPADDING", (0, 1), (-1, 1), 2)])
    return Table(cells, style=style, hAlign="LEFT")


def _light_cell(ctx: ReportContext, kpi: Kpi) -> object:
    light = traffic_light(kpi)
    if light is None:
        return _muted(ctx, N_("No light"))
    dot = Dot(notation_style.LIGHT_COLOURS[light])
    return _pair(dot, ctx.p(esc(word(LIGHT, light, ctx.tr)), "cell"))


def _legend(ctx: ReportContext, width: float) -> Table:
    """The six icons with their words and what they mean, variation beside assurance."""
    tr = ctx.tr
    rows: list[list[object]] = [_head(ctx, N_("Variation"), "", N_("Assurance"), "")]
    pairs = zip(
        ("common_cause", "special_cause_improvement", "special_cause_concern"),
        ("consistent_pass", "inconsistent", "consistent_fail"),
        strict=True,
    )
    for v_state, a_state in pairs:
        rows.append(
            [
                _icon_cell(ctx, variation_icon(v_state, 1), word(VARIATION, v_state, tr)),
                ctx.p(esc(tr(MEANINGS[v_state])), "cell_muted"),
                _icon_cell(ctx, assurance_icon(a_state), word(ASSURANCE, a_state, tr)),
                ctx.p(esc(tr(MEANINGS[a_state])), "cell_muted"),
            ]
        )
    widths = [width * 0.17, width * 0.33, width * 0.17, width * 0.33]
    extra: list[tuple[object, ...]] = [
        ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
        ("SPAN", (0, 0), (1, 0)),
        ("SPAN", (2, 0), (3, 0)),
    ]
    return _table(ctx, rows, widths, extra=extra)


def _groups(ctx: ReportContext) -> list[tuple[str, list[Kpi]]]:
    """(process, its KPIs) for every process with KPIs, in the order of the hierarchy."""
    arch = ctx.arch
    order = [p for top in ctx.top_level() for p in [top, *arch.descendants(top)]]
    groups = [(pid, [arch.kpis[k] for k in arch.kpis_of(pid)]) for pid in order]
    return [(pid, kpis) for pid, kpis in groups if kpis]


def _column_heads(ctx: ReportContext) -> list[object]:
    tr = ctx.tr
    head: list[object] = list(_head(
        ctx, N_("KPI"), N_("Over time"), N_("Latest"), N_("Target"), N_("Variation"),
        N_("Assurance"),
    ))  # fmt: skip
    head[2] = ctx.p(esc(tr("Latest")), "head_right")
    head[3] = ctx.p(esc(tr("Target")), "head_right")
    return head


def _rows(ctx: ReportContext, width: float) -> list[list[list[object]]]:
    """The scorecard's rows per process: the row naming it, then a row per KPI."""
    groups = []
    for pid, kpis in _groups(ctx):
        rows: list[list[object]] = [[_group_head(ctx, pid), "", "", "", "", ""]]
        rows += [_kpi_row(ctx, kpi, width) for kpi in kpis]
        groups.append(rows)
    return groups


def _group_head(ctx: ReportContext, pid: str) -> Flowable:
    arch, tr = ctx.arch, ctx.tr
    text = f"<b>{ctx.link(pid)}</b>"
    parent = arch.processes[pid].parent
    if parent is not None:
        text += f" <font color='#59636e'>({esc(tr('part of {name}').format(name=ctx.name(parent)))})</font>"
    owner = ctx.owner_text(pid)  # named, inherited from whom, or none
    text += f"\u2003<font color='#59636e'>{esc(tr('Process owner'))}: {esc(owner)}</font>"
    return ctx.p(text, "cell")


def _spans(ctx: ReportContext) -> list[tuple[object, ...]]:
    """The first row names the process: it spans the table and is shaded."""
    return [("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), ctx.theme.primary_light)]


def _kpi_row(ctx: ReportContext, kpi: Kpi, width: float) -> list[object]:
    tr = ctx.tr
    unit = f"\u00a0{esc(kpi.measure)}" if kpi.measure else ""
    direction = word(DIRECTION, kpi.direction, tr).lower()
    name = ctx.p(
        f"{esc(kpi.name)}<br/><font size=7 color='#59636e'>{esc(direction)}</font>", "cell"
    )
    target = esc(number(kpi.target, tr)) + unit if kpi.target is not None else DASH
    latest = esc(number(kpi.actual, tr)) + unit if kpi.actual is not None else DASH
    if not kpi.series:
        return [name, _muted(ctx, N_("No measurements")), ctx.p(latest, "cell_right"),
                ctx.p(target, "cell_right"), DASH, _light_cell(ctx, kpi)]  # fmt: skip
    result = analyse_kpi(kpi)
    latest += f"<br/><font size=7 color='#59636e'>{esc(kpi.series[-1].period)}</font>"
    return [
        name,
        SparklineFlowable(kpi, width * _COLUMNS[1] - 10, SPARK_HEIGHT),
        ctx.p(latest, "cell_right"),
        ctx.p(target, "cell_right"),
        _state_cell(ctx, result, "variation"),
        _state_cell(ctx, result, "assurance"),
    ]


def _state_cell(ctx: ReportContext, result: KpiAnalysis, what: str) -> object:
    """The variation or assurance of a measured KPI: the map's icon and its word."""
    tr = ctx.tr
    if what == "variation":
        state = result.variation
        side = 1 if result.values[-1] > result.segments[-1].mean else -1
        icon = variation_icon(state, side)
        text = word(VARIATION, state, tr)
    else:
        state = result.assurance
        icon = assurance_icon(state)
        text = word(ASSURANCE, state, tr)
    if icon is None:
        return ctx.p(esc(text), "cell_muted")
    return _icon_cell(ctx, icon, text)
