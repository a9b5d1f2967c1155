"""What ``procmodeler kpis`` prints: every KPI with measurements, in the model's KPI
order, as the JSON document of FLOW-AND-EFFECT.md or as readable text."""

from __future__ import annotations

import json
from typing import Any

from procmodeler.analysis.xmr import KpiAnalysis, analyse_kpi
from procmodeler.common.i18n import N_, Translator
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import Kpi
from procmodeler.vocabulary import ASSURANCE, DIRECTION, VARIATION, word

POINT_WORDS = {"improvement": N_("improvement"), "concern": N_("concern")}


def kpi_record(kpi: Kpi, result: KpiAnalysis | None = None) -> dict[str, Any]:
    """The JSON record of one KPI (FLOW-AND-EFFECT.md, "Command line")."""
    result = result or analyse_kpi(kpi)
    segments = [
        {
            "from": kpi.series[seg.start].period,
            "points": seg.points,
            "mean": seg.mean,
            "lower": seg.lower,
            "upper": seg.upper,
            "provisional": seg.provisional,
        }
        for seg in result.segments
    ]
    return {
        "id": kpi.id,
        "process": kpi.process,
        "name": kpi.name,
        "direction": kpi.direction,
        "target": kpi.target,
        "points": len(kpi.series),
        "segments": segments,
        "variation": result.variation,
        "assurance": result.assurance,
        "special_cause": [
            {"period": kpi.series[i].period, "type": t}
            for i, t in enumerate(result.types)
            if t != "common"
        ],
    }


def measured(arch: Architecture) -> list[Kpi]:
    """The KPIs that have measurements, in the model's order."""
    return [kpi for kpi in arch.kpis.values() if kpi.series]


def format_json(arch: Architecture) -> str:
    doc = {"kpis": [kpi_record(kpi) for kpi in measured(arch)]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _num(value: float | None, tr: Translator) -> str:
    """Four significant digits, with a decimal comma in Swedish."""
    if value is None:
        return "-"
    text = f"{value:.4g}"
    return text.replace(".", ",") if tr.lang == "sv" else text


def format_text(arch: Architecture, tr: Translator) -> str:
    lines: list[str] = []
    for kpi in measured(arch):
        rec = kpi_record(kpi)
        proc = arch.processes.get(kpi.process)
        better = word(DIRECTION, kpi.direction, tr).lower()
        target = (
            tr(N_("target {value}")).format(value=_num(kpi.target, tr))
            if kpi.target is not None
            else ""
        )
        head = f"{kpi.id}  {kpi.name} ({proc.name if proc else kpi.process}; {better}"
        lines.append(head + (f"; {target})" if target else ")"))
        for seg in rec["segments"]:
            limits = N_("provisional limits") if seg["provisional"] else N_("limits")
            lines.append(
                "  "
                + tr(
                    N_("from {period}: {n} values, mean {mean}, {limits} {lower} to {upper}")
                ).format(
                    period=seg["from"],
                    n=seg["points"],
                    mean=_num(seg["mean"], tr),
                    limits=tr(limits),
                    lower=_num(seg["lower"], tr),
                    upper=_num(seg["upper"], tr),
                )
            )
        lines.append("  " + tr(N_("variation")) + ": " + word(VARIATION, rec["variation"], tr))
        lines.append("  " + tr(N_("assurance")) + ": " + word(ASSURANCE, rec["assurance"], tr))
        if rec["special_cause"]:
            points = ", ".join(
                f"{p['period']} {tr(POINT_WORDS[p['type']])}" for p in rec["special_cause"]
            )
            lines.append("  " + tr(N_("special cause")) + ": " + points)
    if not lines:
        lines.append(tr(N_("No KPI has measurements.")))
    return "\n".join(lines) + "\n"
