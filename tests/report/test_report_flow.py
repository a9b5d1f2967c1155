"""Flow and effect in the report (issue 15, item 2): the scorecard chapter lists every KPI
of every process, grouped by process in the order of the hierarchy, with its latest
value, target, variation and assurance in the vocabulary's words; and every measured
KPI has its process behaviour chart on the page of its process (a deeper process's KPI on
the page of its second-level ancestor, where that process is listed)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from procmodeler.analysis.xmr import analyse_kpi
from procmodeler.common.i18n import translator
from procmodeler.model.architecture import Architecture
from procmodeler.report.words import number
from procmodeler.vocabulary import ASSURANCE, VARIATION, word
from tests.report.conftest import Pdf, normalise

EXAMPLES = ("manufacturing", "municipality")


def _chapter_text(pdf: Pdf, title: str) -> str:
    """The text of the chapter whose outline entry ends with *title*, to the next one."""
    outline = pdf.page_of_outline()
    starts = sorted(p for t, p in outline.items() if re.fullmatch(r"\d+ .*", t))
    first = next(p for t, p in outline.items() if re.fullmatch(rf"\d+ {re.escape(title)}", t))
    last = min([p for p in starts if p > first], default=len(pdf.pages) + 1)
    return normalise(" ".join(pdf.pages[first - 1 : last - 1]))


def _process_order(arch: Architecture) -> list[str]:
    kinds = {"management": 0, "core": 1, "support": 2}
    tops = sorted(arch.top_level(), key=lambda p: kinds[arch.processes[p].kind])
    return [p for top in tops for p in [top, *arch.descendants(top)]]


@pytest.mark.parametrize("example", EXAMPLES)
def test_scorecard_has_every_kpi_under_its_process(
    example: str, request: pytest.FixtureRequest, build: Callable[..., Pdf]
) -> None:
    arch: Architecture = request.getfixturevalue(example)
    tr = translator(arch.meta.language)
    text = _chapter_text(build(arch), tr("Flow and effect"))
    groups = [(p, arch.kpis_of(p)) for p in _process_order(arch) if arch.kpis_of(p)]
    assert sum(len(kpis) for _, kpis in groups) == len(arch.kpis)  # every KPI, deep ones too
    assert any(arch.depth(p) >= 2 for p, _ in groups)  # the examples have deep KPIs
    at = text.index(tr("Assurance"))  # the rows come after the legend
    for pid, kpis in groups:
        at = text.index(normalise(arch.processes[pid].name), at)
        for kid in kpis:
            kpi = arch.kpis[kid]
            start = text.index(normalise(kpi.name), at)
            following = [text.find(normalise(arch.kpis[k].name), start + 1) for k in arch.kpis]
            row = text[start : min([f for f in following if f > start], default=len(text))]
            if kpi.target is not None:
                assert number(kpi.target, tr) in row, (kpi.name, row)
            if kpi.actual is not None:
                assert number(kpi.actual, tr) in row, (kpi.name, row)
            if kpi.series:
                result = analyse_kpi(kpi)
                assert kpi.series[-1].period in row
                assert normalise(word(VARIATION, result.variation, tr)) in row, (kpi.name, row)
                assert normalise(word(ASSURANCE, result.assurance, tr)) in row, (kpi.name, row)
            else:
                assert tr("No measurements") in row
            at = start


@pytest.mark.parametrize("example", EXAMPLES)
def test_every_measured_kpi_has_its_chart_on_its_process_page(
    example: str, request: pytest.FixtureRequest, build: Callable[..., Pdf]
) -> None:
    arch: Architecture = request.getfixturevalue(example)
    tr = translator(arch.meta.language)
    pdf = build(arch)
    outline = pdf.page_of_outline()
    # the process sections in page order: (first page, process) from "3.4.2 Name" entries
    sections: list[tuple[int, str]] = []
    by_name = {p.name: pid for pid, p in arch.processes.items() if arch.depth(pid) <= 1}
    for title, page in outline.items():
        match = re.fullmatch(r"\d+\.\d+(?:\.\d+)? (.*)", title)
        if match and match.group(1) in by_name:
            sections.append((page, by_name[match.group(1)]))
    chapter_end = min(p for t, p in outline.items() if re.fullmatch(r"[4-9] .*", t))
    mean = re.compile(rf"(?<!\w){tr('Mean')}(?!\w)")
    charts = 0
    for i, (first, pid) in enumerate(sections):
        last = sections[i + 1][0] if i + 1 < len(sections) else chapter_end
        pages = normalise(" ".join(pdf.pages[first - 1 : last]))  # shared end page included
        below = [pid, *(arch.descendants(pid) if arch.depth(pid) == 1 else [])]
        for kid in (k for p in below for k in arch.kpis_of(p)):
            kpi = arch.kpis[kid]
            if kpi.series:
                assert normalise(kpi.name) in pages, (kpi.name, arch.processes[pid].name)
                charts += 1
    measured = [k for k in arch.kpis.values() if k.series]
    assert charts == len(measured)
    body = " ".join(pdf.pages[sections[0][0] - 1 : chapter_end - 1])
    assert len(mean.findall(body)) == len(measured)  # one chart each, no more
