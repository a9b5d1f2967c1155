"""The process behaviour charts on a process's page: one per measured KPI of the process,
under its KPI table (a process too deep for a page of its own has its table and charts
on the page of its second-level ancestor), so that every measured KPI has its chart
where its process is described."""

from __future__ import annotations

from collections.abc import Iterator

from reportlab.platypus import Flowable, KeepTogether

from procmodeler.model.elements import Kpi
from procmodeler.report.chart import ChartFlowable
from procmodeler.report.context import ReportContext
from procmodeler.report.words import esc, number, word
from procmodeler.vocabulary import DIRECTION

CHART_HEIGHT = 150.0


def charted(ctx: ReportContext, pid: str) -> list[Kpi]:
    """The measured KPIs of *pid*, in the model's order."""
    arch = ctx.arch
    return [arch.kpis[k] for k in arch.kpis_of(pid) if arch.kpis[k].series]


def process_charts(ctx: ReportContext, pid: str, width: float) -> Iterator[Flowable]:
    """A caption and the chart of each KPI of :func:`charted`, kept together."""
    for kpi in charted(ctx, pid):
        yield KeepTogether([_caption(ctx, kpi), ChartFlowable(kpi, width, CHART_HEIGHT, ctx.tr)])


def _caption(ctx: ReportContext, kpi: Kpi) -> Flowable:
    """The KPI's name, direction and target."""
    tr = ctx.tr
    details = [word(DIRECTION, kpi.direction, tr).lower()]
    if kpi.target is not None:
        unit = f"\u00a0{kpi.measure}" if kpi.measure else ""
        details.append(tr("target {value}").format(value=number(kpi.target, tr) + unit))
    text = f"<b>{esc(kpi.name)}</b>"
    text += f"<br/><font size=7 color='#59636e'>{esc(', '.join(details))}</font>"
    return ctx.p(text, "chart_caption")
