"""The flow-and-effect rules and the graph analysis: must-raise models and near misses."""

from __future__ import annotations

import pytest
from checks_helpers import Model

from procmodeler.analysis import RuleSettings, run_checks

# ---------------------------------------------------------------------- KPIs
FLOW_MEASURE = "kpi.core-without-flow-measure"
NO_TARGET = "kpi.no-target"


def test_top_level_core_without_kpis_is_found() -> None:
    m = Model()
    m.proc("a", name="Deliver")
    assert m.found(FLOW_MEASURE) == [("a",)]
    assert "Core process 'Deliver'" in m.message(FLOW_MEASURE, "a")


@pytest.mark.parametrize("kind", ["variation", "stability", "other"])
def test_other_kinds_of_kpi_are_not_flow_measures(kind: str) -> None:
    m = Model()
    m.proc("a")
    m.kpi("a", "Something", kind, target=1)
    assert m.found(FLOW_MEASURE) == [("a",)]


@pytest.mark.parametrize("kind", ["lead_time", "customer_experience"])
def test_lead_time_or_customer_experience_clears_it(kind: str) -> None:
    m = Model()
    m.proc("a")
    m.kpi("a", "Measure", kind, target=1)
    assert m.found(FLOW_MEASURE) == []


def test_a_sub_processes_kpi_is_not_the_parents_own() -> None:
    m = Model()
    m.proc("a")
    m.proc("a1", parent="a")
    m.kpi("a1", "Lead time", "lead_time", target=5)
    assert m.found(FLOW_MEASURE) == [("a",)]


def test_only_top_level_core_processes_need_a_flow_measure() -> None:
    m = Model()
    m.proc("a")
    m.kpi("a", "Lead time", "lead_time", target=5)
    m.proc("a1", parent="a")
    m.proc("s", "support")
    m.proc("g", "management")
    assert m.found(FLOW_MEASURE) == []


def test_each_kpi_without_target_is_a_finding_of_its_process() -> None:
    m = Model()
    m.proc("a")
    m.proc("a1", "support", parent="a")
    k1 = m.kpi("a", "Lead time", "lead_time")
    k2 = m.kpi("a", "Satisfaction", "customer_experience")
    m.kpi("a", "Errors", "other", target=0)  # zero is a target
    k4 = m.kpi("a1", "Cost", "other", actual=3)
    result = run_checks(m.arch, only=[NO_TARGET])
    assert [(f.elements, f.related, f.severity) for f in result.findings] == [
        (("a",), (k1,), "info"),
        (("a",), (k2,), "info"),
        (("a1",), (k4,), "info"),
    ]
    assert "KPI 'Lead time' of 'a' has no target" in result.findings[0].message


# ---------------------------------------------------------------------- dependency cycle
CYCLE = "analysis.dependency-cycle"


def test_two_processes_feeding_each_other_are_a_cycle() -> None:
    m = Model()
    m.procs("b", "a", "c")
    m.chain("b", "a", "b", "c")
    result = run_checks(m.arch, only=[CYCLE])
    (finding,) = result.findings
    assert finding.elements == ("a", "b")  # sorted ids
    assert finding.severity == "info"
    assert finding.message.startswith("2 processes depend on each other")


def test_a_cycle_across_levels_is_one_group() -> None:
    m = Model()
    m.procs("x", "y")
    m.proc("x1", parent="x")
    m.proc("y1", parent="y")
    m.chain("x", "y1", "y", "x1", "x")
    assert m.found(CYCLE) == [("x", "x1", "y", "y1")]


def test_separate_cycles_are_separate_findings() -> None:
    m = Model()
    m.procs("a", "b", "c", "d", "e")
    m.chain("a", "b", "a")
    m.chain("c", "d", "e", "c")
    m.rel("b", "c")  # one-way link: no merge
    assert m.found(CYCLE) == [("a", "b"), ("c", "d", "e")]


def test_no_cycle_in_a_chain_or_through_other_kinds() -> None:
    m = Model()
    m.procs("a", "b", "c")
    m.chain("a", "b", "c")
    m.rel("c", "a", "support")
    m.rel("b", "a", "steering")
    m.rel("a", "b")  # a parallel flow is not a cycle
    assert m.found(CYCLE) == []


def test_long_cycles_list_some_names_and_a_count() -> None:
    m = Model()
    ids = [f"p{i:02d}" for i in range(12)]
    m.procs(*ids)
    m.chain(*ids, ids[0])
    result = run_checks(m.arch, only=[CYCLE])
    (finding,) = result.findings
    assert finding.elements == tuple(ids)
    assert "'p07' and 4 more" in finding.message
    assert "p08" not in finding.message


def test_cycle_suppression_matches_whatever_order_the_ids_are_given() -> None:
    m = Model()
    m.procs("a", "b")
    m.chain("a", "b", "a")
    m.suppress(CYCLE, ["b", "a"], "Planned rework loop")
    result = run_checks(m.arch, only=[CYCLE])
    (finding,) = result.findings
    assert finding.suppressed == "Planned rework loop"
    assert result.unused_suppressions == ()


# ---------------------------------------------------------------------- single point
SPOF = "analysis.single-point-of-failure"


def test_the_middle_of_a_chain_of_siblings_is_not_a_single_point() -> None:
    m = Model()
    m.procs("a", "b", "c")
    m.rel("a", "b")
    m.rel("c", "b", "support")  # any kind, any direction
    m.rel("b", "c")  # a second relation with the same sibling: still two siblings
    assert m.found(SPOF) == []  # RULES v2: a step in the middle of a plain chain


def test_a_cut_point_related_to_three_siblings_is_a_single_point() -> None:
    m = Model()
    m.procs("a", "b", "c", "d")
    m.rel("a", "b")
    m.rel("c", "b", "support")  # any kind, any direction
    m.rel("b", "d", "steering")
    assert m.found(SPOF) == [("b",)]
    assert "on the landscape" in m.message(SPOF, "b")


def test_a_ring_has_no_single_point() -> None:
    m = Model()
    m.procs("a", "b", "c")
    m.chain("a", "b", "c", "a")
    assert m.found(SPOF) == []


def test_only_relations_between_siblings_count() -> None:
    m = Model()
    m.procs("a", "b")
    m.proc("a1", parent="a")
    m.proc("a2", parent="a")
    m.rel("a", "b")
    m.rel("a1", "b")  # cross-level: in the whole graph b would cut a1 off
    m.rel("b", "a2", "steering")
    assert m.found(SPOF) == []


def test_each_sibling_set_is_its_own_graph() -> None:
    m = Model()
    m.proc("p", name="Deliver")
    m.procs("c1", "c2", "c3", "c4", parent="p")
    m.chain("c1", "c2", "c3")
    m.rel("c2", "c4")
    m.procs("q", "r", "s")
    m.chain("q", "r", "s")
    assert m.found(SPOF) == [("c2",)]
    assert "on the diagram of 'Deliver'" in m.message(SPOF, "c2")


def test_a_star_centre_is_a_single_point() -> None:
    m = Model()
    m.procs("hub", "a", "b", "c")
    for leaf in ("a", "b", "c"):
        m.rel(leaf, "hub")
    m.rel("a", "b")  # a and b now have another way; c still hangs on hub
    assert m.found(SPOF) == [("hub",)]


# ---------------------------------------------------------------------- hand-off hotspot
HOTSPOT = "analysis.handoff-hotspot"


def handoffs(m: Model) -> None:
    """p accountable by u1; q, r, s accountable by u2, u3, u3."""
    for uid in ("u1", "u2", "u3"):
        m.unit(uid, name=uid.upper())
    m.procs("p", "q", "r", "s")
    m.part("p", "u1", "A")
    m.part("q", "u2", "RA")
    m.part("r", "u3", "A")
    m.part("s", "u3", "A")


def test_three_flows_to_and_from_other_units_are_a_hotspot() -> None:
    m = Model()
    handoffs(m)
    m.rel("p", "q")
    m.rel("p", "r")
    m.rel("s", "p")  # incoming counts too
    result = run_checks(m.arch, only=[HOTSPOT])
    (finding,) = result.findings
    assert finding.elements == ("p",)
    assert finding.related == ("u1", "u2", "u3")
    assert "'p' (accountable: 'U1') has 3 flow relations" in finding.message
    assert "('U2', 'U3')" in finding.message


def test_two_relations_to_the_same_process_count_twice() -> None:
    m = Model()
    handoffs(m)
    m.rel("p", "q")
    m.rel("q", "p")
    m.rel("p", "r")
    assert m.found(HOTSPOT) == [("p",)]


def test_two_hand_offs_are_not_a_hotspot() -> None:
    m = Model()
    handoffs(m)
    m.rel("p", "q")
    m.rel("p", "r")
    m.rel("p", "s", "support")  # only flows count
    m.rel("s", "p", "steering")
    assert m.found(HOTSPOT) == []


def test_flows_within_one_unit_do_not_count() -> None:
    m = Model()
    handoffs(m)
    m.part("q", "u2", None)
    m.part("q", "u1", "A")  # q now in p's unit
    m.rel("p", "q")
    m.rel("q", "p")
    m.rel("p", "r")
    assert m.found(HOTSPOT) == []


def test_partners_without_exactly_one_accountable_unit_do_not_count() -> None:
    m = Model()
    handoffs(m)
    m.proc("t")  # no accountable unit
    m.proc("w")
    m.part("w", "u2", "A")
    m.part("w", "u3", "A")  # two accountable units
    m.rel("p", "q")
    m.rel("p", "r")
    m.rel("p", "t")
    m.rel("w", "p")
    assert m.found(HOTSPOT) == []


def test_a_process_without_exactly_one_accountable_unit_is_never_a_hotspot() -> None:
    m = Model()
    handoffs(m)
    m.part("p", "u2", "A")  # p now has two accountable units
    m.rel("p", "q")
    m.rel("p", "r")
    m.rel("s", "p")
    m.rel("r", "p")
    assert m.found(HOTSPOT) == []


def test_hand_offs_across_levels_count() -> None:
    m = Model()
    handoffs(m)
    m.proc("q1", parent="q")
    m.part("q1", "u2", "A")
    m.rel("p", "q1")
    m.rel("q1", "p")
    m.rel("r", "p")
    assert m.found(HOTSPOT) == [("p",)]


def test_graph_rules_can_be_switched_off_by_settings() -> None:
    m = Model()
    m.procs("a", "b", "c", "d")
    m.chain("a", "b", "c", "b")
    m.rel("b", "d")
    off = RuleSettings({SPOF: "off", CYCLE: "off"})
    result = run_checks(m.arch, overrides=off)
    assert not result.by_rule(SPOF) and not result.by_rule(CYCLE)
    result = run_checks(m.arch)
    assert result.by_rule(SPOF) and result.by_rule(CYCLE)


# ---------------------------------------------------------------------- with measurements
CONCERN = "kpi.special-cause-concern"
NOT_CAPABLE = "kpi.target-not-capable"
STEADY = [20, 22, 21, 19, 20, 23, 21, 20, 22, 19, 21, 20]


def test_a_lead_time_above_its_limits_is_a_concern() -> None:
    m = Model()
    m.procs("a", "b")
    kid = m.kpi("a", "Lead time", "lead_time", target=30)
    m.series(kid, *STEADY, 35)
    assert m.found(CONCERN) == [("a",)]
    assert "'Lead time' of 'a' (2025-01: 35)" in m.message(CONCERN, "a")
    assert m.found(NOT_CAPABLE) == []


def test_the_same_change_in_the_good_direction_is_no_concern() -> None:
    m = Model()
    m.procs("a", "b")
    kid = m.kpi("a", "Satisfaction", "customer_experience")
    m.series(kid, *STEADY, 35)  # higher is better: an improvement
    assert m.found(CONCERN) == []


def test_a_concern_that_is_not_the_latest_value_is_no_finding() -> None:
    m = Model()
    m.procs("a", "b")
    kid = m.kpi("a", "Lead time", "lead_time")
    m.series(kid, *STEADY[:6], 35, *STEADY[6:])
    assert m.found(CONCERN) == []


def test_a_target_beyond_the_limits_cannot_be_met() -> None:
    m = Model()
    m.procs("a", "b")
    kid = m.kpi("a", "On time", "stability", target=99)  # higher is better
    m.series(kid, *STEADY)
    assert m.found(NOT_CAPABLE) == [("a",)]
    assert "cannot meet its target 99" in m.message(NOT_CAPABLE, "a")
    m2 = Model()
    m2.procs("a", "b")
    kid = m2.kpi("a", "On time", "stability", target=24)  # inside the limits: hit and miss
    m2.series(kid, *STEADY)
    assert m2.found(NOT_CAPABLE) == []


def test_the_latest_segment_decides_capability() -> None:
    m = Model()
    m.procs("a", "b")
    kid = m.kpi("a", "Lead time", "lead_time", target=14)
    m.series(kid, *STEADY, *[v - 8 for v in STEADY], rebase=12)
    assert m.found(NOT_CAPABLE) == []  # after the improvement 14 is within reach
    m.ed.undo()  # the rebase mark
    m.ed.undo()  # the values
    m.series(kid, *[v - 8 for v in STEADY], *STEADY, rebase=12)  # a change for the worse
    assert m.found(NOT_CAPABLE) == [("a",)]


def test_kpis_without_measurements_raise_neither() -> None:
    m = Model()
    m.procs("a", "b")
    m.kpi("a", "Lead time", "lead_time", target=1, actual=100)
    assert m.found(CONCERN) == [] and m.found(NOT_CAPABLE) == []
