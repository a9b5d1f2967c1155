"""The orphan rules: models that must raise each one, and near misses that must not."""

from __future__ import annotations

from dataclasses import replace

import pytest
from checks_helpers import Model

from procmodeler.edit import operations as op
from procmodeler.model.elements import Bounds

# ---------------------------------------------------------------------- orphan.isolated
ISOLATED = "orphan.isolated"


def test_unrelated_top_level_processes_are_isolated() -> None:
    m = Model()
    m.procs("a", "b", "c")
    m.rel("a", "b")
    assert m.found(ISOLATED) == [("c",)]


def test_isolated_is_an_error_naming_the_process() -> None:
    m = Model()
    m.proc("a", name="Handle permit application")
    m.proc("b")
    result = m.check()
    (finding,) = [f for f in result.findings if f.elements == ("a",) and f.rule == ISOLATED]
    assert finding.severity == "error"
    assert "'Handle permit application'" in finding.message
    assert "Connect it" in finding.message


def test_only_child_without_relations_is_not_isolated() -> None:
    m = Model()
    m.procs("a", "b")
    m.rel("a", "b")
    m.proc("only", parent="a")
    assert m.found(ISOLATED) == []


def test_single_top_level_process_has_no_sibling() -> None:
    m = Model()
    m.proc("alone")
    assert m.found(ISOLATED) == []


def test_children_with_siblings_are_isolated_even_if_parent_is_related() -> None:
    m = Model()
    m.procs("a", "b")
    m.rel("a", "b")
    m.procs("c1", "c2", parent="a")
    assert m.found(ISOLATED) == [("c1",), ("c2",)]


def test_descendant_with_relation_saves_the_ancestor() -> None:
    m = Model()
    m.procs("a", "b", "x")
    m.rel("a", "b")
    m.proc("x1", parent="x")
    m.proc("x11", parent="x1")
    m.proc("x2", parent="x")
    m.rel("x11", "b")  # a grandchild's relation to another level
    flagged = m.flagged(ISOLATED)
    assert "x" not in flagged  # grandchild has a relation
    assert "x1" not in flagged  # child has a descendant with one
    assert "x2" in flagged  # its sibling x1 is related, x2 is not


@pytest.mark.parametrize("kind", ["flow", "support", "steering"])
def test_incoming_relation_of_any_kind_counts(kind: str) -> None:
    m = Model()
    m.procs("a", "b")
    m.rel("a", "b", kind)
    assert m.found(ISOLATED) == []


def test_relation_removed_makes_process_isolated_again() -> None:
    m = Model()
    m.procs("a", "b")
    rid = m.rel("a", "b")
    assert m.found(ISOLATED) == []
    op.disconnect(m.ed, [rid])
    assert m.found(ISOLATED) == [("a",), ("b",)]


# ---------------------------------------------------------------------- support / steering
KIND_RULES = [
    ("orphan.support-unused", "support", "support"),
    ("orphan.steers-nothing", "management", "steering"),
]


@pytest.mark.parametrize(("rule", "kind", "rel_kind"), KIND_RULES)
def test_process_of_kind_without_outgoing_relation_is_found(
    rule: str, kind: str, rel_kind: str
) -> None:
    m = Model()
    m.proc("s", kind)
    m.proc("c")
    m.rel("c", "s", "flow")  # not isolated: it receives a flow
    assert m.found(rule) == [("s",)]


@pytest.mark.parametrize(("rule", "kind", "rel_kind"), KIND_RULES)
def test_an_isolated_process_is_not_reported_again(rule: str, kind: str, rel_kind: str) -> None:
    m = Model()
    m.proc("s", kind)
    m.proc("c")
    assert m.found("orphan.isolated") == [("c",), ("s",)]
    assert m.found(rule) == []  # RULES v2: already reported as isolated


@pytest.mark.parametrize(("rule", "kind", "rel_kind"), KIND_RULES)
def test_own_outgoing_relation_of_the_right_kind_clears_it(
    rule: str, kind: str, rel_kind: str
) -> None:
    m = Model()
    m.proc("s", kind)
    m.proc("c")
    m.rel("s", "c", rel_kind)
    assert m.found(rule) == []


@pytest.mark.parametrize(("rule", "kind", "rel_kind"), KIND_RULES)
def test_incoming_relation_does_not_count(rule: str, kind: str, rel_kind: str) -> None:
    m = Model()
    m.proc("s", kind)
    m.proc("c", kind)
    m.rel("c", "s", rel_kind)  # c is fine, s only receives
    assert m.found(rule) == [("s",)]


@pytest.mark.parametrize(("rule", "kind", "rel_kind"), KIND_RULES)
def test_outgoing_relation_of_another_kind_does_not_count(
    rule: str, kind: str, rel_kind: str
) -> None:
    m = Model()
    m.proc("s", kind)
    m.proc("c")
    for other in ("flow", "support", "steering"):
        if other != rel_kind:
            m.rel("s", "c", other)
    assert m.found(rule) == [("s",)]


@pytest.mark.parametrize(("rule", "kind", "rel_kind"), KIND_RULES)
def test_an_ancestors_relation_counts_whatever_the_ancestors_kind(
    rule: str, kind: str, rel_kind: str
) -> None:
    m = Model()
    m.proc("top", "core")  # a core parent with the outgoing relation
    m.proc("mid", kind, parent="top")
    m.proc("low", kind, parent="mid")
    m.proc("c")
    m.rel("top", "c", rel_kind)
    assert m.found(rule) == []


@pytest.mark.parametrize(("rule", "kind", "rel_kind"), KIND_RULES)
def test_a_descendants_relation_counts(rule: str, kind: str, rel_kind: str) -> None:
    m = Model()
    m.proc("s", kind)
    m.proc("s1", "core", parent="s")
    m.proc("s11", "core", parent="s1")
    m.proc("c")
    m.rel("s11", "c", rel_kind)
    assert m.found(rule) == []


@pytest.mark.parametrize(("rule", "kind", "rel_kind"), KIND_RULES)
def test_a_siblings_or_cousins_relation_does_not_count(rule: str, kind: str, rel_kind: str) -> None:
    m = Model()
    m.proc("p", "core")
    m.proc("s1", kind, parent="p")
    m.proc("s2", kind, parent="p")
    m.proc("s2a", kind, parent="s2")
    m.proc("c")
    m.rel("s2a", "c", rel_kind)  # clears s2a, its ancestors s2 and p; not s1
    m.rel("s2", "s1", "flow")  # s1 is not isolated
    assert m.found(rule) == [("s1",)]


@pytest.mark.parametrize(("rule", "kind", "rel_kind"), KIND_RULES)
def test_other_kinds_of_process_are_not_checked(rule: str, kind: str, rel_kind: str) -> None:
    m = Model()
    for other in ("management", "core", "support"):
        if other != kind:
            m.proc(f"p_{other}", other)
    assert m.found(rule) == []


def test_support_and_steering_messages_name_the_process() -> None:
    m = Model()
    m.proc("s", "support", name="IT operations")
    m.proc("g", "management", name="Strategic planning")
    m.rel("s", "g", "flow")
    assert "Support process 'IT operations'" in m.message("orphan.support-unused", "s")
    assert "Management process 'Strategic planning'" in m.message("orphan.steers-nothing", "g")


# ---------------------------------------------------------------------- orphan.no-customer
NO_CUSTOMER = "orphan.no-customer"


def test_core_without_customer_and_flows_is_found() -> None:
    m = Model()
    m.proc("a")
    m.proc("b", customer="Citizen")
    assert m.found(NO_CUSTOMER) == [("a",)]


def test_own_customer_clears_it() -> None:
    m = Model()
    m.proc("a", customer="Applicant")
    assert m.found(NO_CUSTOMER) == []


def test_reaching_a_core_with_customer_along_flow_clears_it() -> None:
    m = Model()
    m.proc("a")
    m.proc("b", customer="Citizen")
    m.rel("a", "b")
    assert m.found(NO_CUSTOMER) == []


def test_reaching_against_the_flow_direction_counts() -> None:
    m = Model()
    m.proc("a")
    m.proc("b", customer="Citizen")
    m.rel("b", "a")
    assert m.found(NO_CUSTOMER) == []


def test_reaching_through_other_kinds_and_levels_counts() -> None:
    m = Model()
    m.proc("a")
    m.proc("s", "support")
    m.proc("x")
    m.proc("x1", "core", parent="x", customer="Tenant")  # a core sub-process with a customer
    m.rel("a", "s")
    m.rel("x1", "s")
    found = m.flagged(NO_CUSTOMER)
    assert "a" not in found  # a - s - x1 (core, has customer)
    assert "x" in found  # x itself is not connected by flow to anything


def test_only_flow_relations_connect() -> None:
    m = Model()
    m.proc("a")
    m.proc("b", customer="Citizen")
    m.rel("a", "b", "support")
    m.rel("b", "a", "steering")
    assert m.found(NO_CUSTOMER) == [("a",)]


def test_a_non_core_process_with_customer_does_not_count() -> None:
    m = Model()
    m.proc("a")
    m.proc("s", "support", customer="Internal")
    m.rel("a", "s")
    assert m.found(NO_CUSTOMER) == [("a",)]


def test_connected_cores_without_customers_are_each_found() -> None:
    m = Model()
    m.procs("a", "b")
    m.rel("a", "b")
    assert m.found(NO_CUSTOMER) == [("a",), ("b",)]


def test_only_top_level_core_processes_are_checked() -> None:
    m = Model()
    m.proc("p", customer="Citizen")
    m.proc("child", "core", parent="p")  # no customer, no flows
    m.proc("s", "support")
    m.proc("g", "management")
    assert m.found(NO_CUSTOMER) == []


def test_a_blank_customer_is_no_customer() -> None:
    m = Model()
    m.proc("a")
    m.arch.put("processes", "a", replace(m.arch.processes["a"], customer="   "))
    assert m.found(NO_CUSTOMER) == [("a",)]


# ---------------------------------------------------------------------- orphan.unplaced
UNPLACED = "orphan.unplaced"


def test_process_without_shape_is_unplaced() -> None:
    m = Model()
    m.proc("a", name="Invoicing", place=False)
    m.proc("b")
    assert m.found(UNPLACED) == [("a",)]
    assert "the landscape" in m.message(UNPLACED, "a")


def test_sub_process_without_shape_names_its_parents_diagram() -> None:
    m = Model()
    m.proc("p", name="Deliver")
    m.proc("c", parent="p", place=False)
    assert m.found(UNPLACED) == [("c",)]
    assert "the diagram of 'Deliver'" in m.message(UNPLACED, "c")


def test_removing_the_shape_makes_it_unplaced() -> None:
    m = Model()
    m.proc("a")
    assert m.found(UNPLACED) == []
    op.remove_shapes(m.ed, None, ["a"])
    assert m.found(UNPLACED) == [("a",)]


def test_a_shape_on_any_diagram_counts() -> None:
    m = Model()
    m.proc("p")
    m.proc("c", parent="p", place=False)
    m.arch.put("shapes", (None, "c"), Bounds(0, 0, 10, 10))  # shown on another level
    assert m.found(UNPLACED) == []
