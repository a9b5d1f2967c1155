"""Rules about flow and effect: flow measures and KPI targets."""

from __future__ import annotations

from collections.abc import Iterator

from procmodeler.analysis.index import ModelIndex
from procmodeler.analysis.rules.registry import Raw, _Msg, _rule
from procmodeler.common.i18n import N_

# ---------------------------------------------------------------------- flow and effect
FLOW_MEASURE_KINDS = frozenset({"lead_time", "customer_experience"})


@_rule(
    "kpi.core-without-flow-measure",
    "warning",
    N_("Core process without a flow measure"),
    N_(
        "Core processes are steered on flow and effect: how long the customer waits and "
        "how the customer experiences the result. Without such a measure the process "
        "can only be steered on cost."
    ),
    N_("Add a KPI of kind lead time or customer experience to the process."),
)
def check_core_without_flow_measure(idx: ModelIndex) -> Iterator[Raw]:
    kpis_of = idx.kpis_of
    for pid in idx.children.get(None, ()):
        if idx.processes[pid].kind != "core":
            continue
        if any(k.kind in FLOW_MEASURE_KINDS for k in kpis_of.get(pid, ())):
            continue
        yield Raw(
            (pid,),
            _Msg(
                N_(
                    "Core process '{name}' has no KPI of kind lead time or customer "
                    "experience. Add one, so that the process can be steered on flow "
                    "and effect."
                ),
                name=idx.process_name(pid),
            ),
        )


@_rule(
    "kpi.no-target",
    "info",
    N_("KPI without a target"),
    N_("Without a target, nobody can tell whether the actual value of a KPI is good enough."),
    N_("Set a target for the KPI."),
)
def check_kpi_no_target(idx: ModelIndex) -> Iterator[Raw]:
    for pid, kpis in idx.kpis_of.items():
        for kpi in kpis:
            if kpi.target is None:
                yield Raw(
                    (pid,),
                    _Msg(
                        N_(
                            "KPI '{kpi}' of '{name}' has no target. Set a target so that "
                            "its actual value can be judged."
                        ),
                        kpi=kpi.name,
                        name=idx.process_name(pid),
                    ),
                    (kpi.id,),
                )
