"""Rules about flow and effect: flow measures, KPI targets, and what a KPI's measurements
say (FLOW-AND-EFFECT.md)."""

from __future__ import annotations

from collections.abc import Iterator

from procmodeler.analysis.index import ModelIndex
from procmodeler.analysis.rules.registry import Raw, _Msg, _rule
from procmodeler.analysis.xmr import analyse_kpi
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


# ---------------------------------------------------------------------- with measurements
@_rule(
    "kpi.special-cause-concern",
    "warning",
    N_("KPI shows a change for the worse"),
    N_(
        "The latest value of the KPI is a special cause in the bad direction on its process "
        "behaviour chart: something in the process or around it has changed, and ordinary "
        "variation does not explain it."
    ),
    N_(
        "Find out what changed and whether it lasts; answer it with an improvement of the "
        "process, not by pushing harder."
    ),
)
def check_special_cause_concern(idx: ModelIndex) -> Iterator[Raw]:
    for pid, kpis in idx.kpis_of.items():
        for kpi in kpis:
            if not kpi.series or analyse_kpi(kpi).variation != "special_cause_concern":
                continue
            latest = kpi.series[-1]
            yield Raw(
                (pid,),
                _Msg(
                    N_(
                        "The latest value of KPI '{kpi}' of '{name}' ({period}: {value}) is a "
                        "special cause concern: the process has changed for the worse. Find "
                        "out what changed."
                    ),
                    kpi=kpi.name,
                    name=idx.process_name(pid),
                    period=latest.period,
                    value=f"{latest.value:g}",
                ),
                (kpi.id,),
            )


@_rule(
    "kpi.target-not-capable",
    "warning",
    N_("Process cannot meet the KPI's target"),
    N_(
        "The target lies beyond the natural process limits on the bad side: as the process "
        "runs now it will consistently miss the target, whatever the people in it do."
    ),
    N_("Change the process (or review the target); pushing harder will not move the limits."),
)
def check_target_not_capable(idx: ModelIndex) -> Iterator[Raw]:
    for pid, kpis in idx.kpis_of.items():
        for kpi in kpis:
            if not kpi.series:
                continue
            result = analyse_kpi(kpi)
            seg = result.latest_segment
            if result.assurance != "consistent_fail" or seg is None:
                continue
            yield Raw(
                (pid,),
                _Msg(
                    N_(
                        "As '{name}' runs now, KPI '{kpi}' cannot meet its target {target}: "
                        "its values vary between {lower} and {upper}. Change the process, or "
                        "review the target."
                    ),
                    kpi=kpi.name,
                    name=idx.process_name(pid),
                    target=f"{kpi.target:g}",
                    lower=f"{seg.lower:.3g}",
                    upper=f"{seg.upper:.3g}",
                ),
                (kpi.id,),
            )
