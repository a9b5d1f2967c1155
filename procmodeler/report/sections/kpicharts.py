"""The process behaviour charts on a process's page: one per measured KPI of the process,
and on a page of the second level also one per measured KPI of the deeper processes
listed there, so that every measured KPI has its chart where its process is described."""

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
    """The measured KPIs whose charts the page of *pid* shows: its own, and on a page of
    the second level those of every process below it (they have no page of their own)."""
    arch = ctx.arch
    shown = [pid]
    if arch.depth(pid) == 1:
        shown += arch.descendants(pid)
    return [arch.kpis[k] for p in shown for k in arch.kpis_of(p) if arch.kpis[k].series]


def process_charts(ctx: ReportContext, pid: str, width: float) -> Iterator[Flowable]:
    """A caption and the chart of each KPI of :func:`charted`, kept together."""
    tr = ctx.tr
    kpis = charted(ctx, pid)
    if kpis and not ctx.arch.kpis_of(pid):  # no table of its own above: a heading
        yield ctx.p(esc(tr("KPIs of the processes below")), "h4")
    for kpi in kpis:
        yield KeepTogether([_caption(ctx, kpi, pid), ChartFlowable(kpi, width, CHART_HEIGHT, tr)])


def _caption(ctx: ReportContext, kpi: Kpi, pid: str) -> Flowable:
    """The KPI's name, its process when it is a deeper one, direction and target."""
    tr = ctx.tr
    details = [word(DIRECTION, kpi.direction, tr).lower()]
    if kpi.target is not None:
        unit = f"\u00a0{kpi.measure}" if kpi.measure else ""
        details.append(tr("target {value}").format(value=number(kpi.target, tr) + unit))
    text = f"<b>{esc(kpi.name)}</b>"
    if kpi.process != pid:
        text += " \u2013 " + ctx.link(kpi.process)
    text += f"<br/><font size=7 color='#59636e'>{esc(', '.join(details))}</font>"
    return ctx.p(text, "cell")
