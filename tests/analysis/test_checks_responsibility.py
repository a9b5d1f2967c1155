"""The responsibility rules: models that must raise each one, and near misses."""

from __future__ import annotations

from checks_helpers import Model

from procmodeler.edit import operations as op

# ---------------------------------------------------------------------- no-owner
NO_OWNER = "responsibility.no-owner"


def test_process_without_owner_is_an_error() -> None:
    m = Model()
    m.proc("a", name="Handle permit application")
    result = m.check()
    (finding,) = result.by_rule(NO_OWNER)
    assert finding.elements == ("a",)
    assert finding.severity == "error"
    assert "Assign a process owner to 'Handle permit application'" in finding.message


def test_own_owner_clears_it() -> None:
    m = Model()
    m.proc("a")
    m.person("anna")
    m.owner("a", "anna")
    assert m.found(NO_OWNER) == []


def test_sub_process_inheriting_parents_owner_is_not_unowned() -> None:
    m = Model()
    m.proc("a")
    m.proc("a1", parent="a")
    m.proc("a11", parent="a1")
    m.person("anna")
    m.owner("a", "anna")
    assert m.found(NO_OWNER) == []


def test_sub_process_without_owner_anywhere_up_is_found_with_parent_advice() -> None:
    m = Model()
    m.proc("a")
    m.proc("a1", parent="a", name="Review")
    assert m.found(NO_OWNER) == [("a",), ("a1",)]
    assert "or to one of its parent processes" in m.message(NO_OWNER, "a1")


def test_a_childs_owner_does_not_cover_the_parent_or_siblings() -> None:
    m = Model()
    m.proc("a")
    m.proc("a1", parent="a")
    m.proc("a2", parent="a")
    m.person("anna")
    m.owner("a1", "anna")
    assert m.found(NO_OWNER) == [("a",), ("a2",)]


def test_clearing_the_owner_brings_the_finding_back() -> None:
    m = Model()
    m.proc("a")
    m.person("anna")
    m.owner("a", "anna")
    m.owner("a", None)
    assert m.found(NO_OWNER) == [("a",)]


# ---------------------------------------------------------------------- accountable
MULTI = "responsibility.multiple-accountable"
NO_A = "responsibility.no-accountable"


def _units(m: Model, *uids: str) -> None:
    for uid in uids:
        m.unit(uid)


def test_two_accountable_units_is_an_error() -> None:
    m = Model()
    m.proc("a", name="Onboarding")
    _units(m, "hr", "it", "fin")
    m.part("a", "hr", "A")
    m.part("a", "it", "RA")
    m.part("a", "fin", "C")
    result = m.check()
    (finding,) = result.by_rule(MULTI)
    assert finding.elements == ("a",)
    assert finding.severity == "error"
    assert finding.related == ("hr", "it")
    assert "2 units are accountable (A) for 'Onboarding': 'hr', 'it'" in finding.message


def test_one_accountable_unit_is_fine() -> None:
    m = Model()
    m.proc("a")
    _units(m, "hr", "it", "fin")
    m.part("a", "hr", "A")
    m.part("a", "it", "RCI")
    m.part("a", "fin", "")
    assert m.found(MULTI) == []
    assert m.found(NO_A) == []


def test_accountable_units_of_sub_processes_do_not_add_up() -> None:
    m = Model()
    m.proc("a")
    m.proc("a1", parent="a")
    _units(m, "hr", "it")
    m.part("a", "hr", "A")
    m.part("a1", "it", "A")
    assert m.found(MULTI) == []


def test_participation_without_any_a_is_a_warning() -> None:
    m = Model()
    m.proc("a", name="Payroll")
    _units(m, "hr", "fin")
    m.part("a", "hr", "R")
    m.part("a", "fin", "")  # takes part, letters undecided
    result = m.check()
    (finding,) = result.by_rule(NO_A)
    assert finding.severity == "warning"
    assert "'hr', 'fin' take part" in finding.message


def test_no_accountable_at_any_level_but_not_without_participation() -> None:
    m = Model()
    m.proc("a")
    m.proc("a1", parent="a")
    m.proc("a2", parent="a")  # no participation at all: not this rule
    _units(m, "hr")
    m.part("a", "hr", "A")
    m.part("a1", "hr", "C")  # the parent's A is not inherited
    assert m.found(NO_A) == [("a1",)]


# ---------------------------------------------------------------------- no-participation
NO_PART = "responsibility.no-participation"


def test_top_level_process_without_units_is_found() -> None:
    m = Model()
    m.procs("a", "b")
    m.unit("hr")
    m.part("b", "hr", "")  # a row without letters is participation
    assert m.found(NO_PART) == [("a",)]


def test_sub_processes_are_not_checked_and_children_do_not_count_for_parent() -> None:
    m = Model()
    m.proc("a")
    m.proc("a1", parent="a")
    m.unit("hr")
    m.part("a1", "hr", "A")
    assert m.found(NO_PART) == [("a",)]


def test_removing_the_last_participation_row_brings_it_back() -> None:
    m = Model()
    m.proc("a")
    m.unit("hr")
    m.part("a", "hr", "A")
    assert m.found(NO_PART) == []
    m.part("a", "hr", None)
    assert m.found(NO_PART) == [("a",)]


# ---------------------------------------------------------------------- owner rules
NOT_INVOLVED = "responsibility.owner-not-involved"
BELOW_SPAN = "responsibility.owner-below-span"
NO_UNIT = "responsibility.owner-without-unit"


def org(m: Model) -> None:
    """board > (ops > (north, south), finance); and a separate tree: partner."""
    m.unit("board", name="Board")
    m.unit("ops", "board", name="Operations")
    m.unit("north", "ops", name="North")
    m.unit("south", "ops", name="South")
    m.unit("finance", "board", name="Finance")
    m.unit("partner", name="Partner Ltd")


def owned(m: Model, unit: str | None, pid: str = "a") -> None:
    if pid not in m.arch.processes:
        m.proc(pid, name="Deliver")
    person = f"p_{unit or 'none'}"
    if person not in m.arch.people:
        m.person(person, unit, name=f"Owner of {unit}")
    m.owner(pid, person)


def test_owner_in_an_unrelated_unit_is_not_involved() -> None:
    m = Model()
    org(m)
    owned(m, "finance")
    m.part("a", "north", "A")
    result = m.check()
    (finding,) = result.by_rule(NOT_INVOLVED)
    assert finding.elements == ("a",)
    assert finding.related == ("p_finance", "finance")
    assert "Owner of finance" in finding.message and "'Finance'" in finding.message


def test_owner_in_a_unit_below_the_participant_is_not_involved() -> None:
    m = Model()
    org(m)
    owned(m, "north")
    m.part("a", "ops", "A")
    assert m.found(NOT_INVOLVED) == [("a",)]


def test_owner_in_a_participating_unit_or_above_one_is_involved() -> None:
    for unit in ("north", "ops", "board"):
        m = Model()
        org(m)
        owned(m, unit)
        m.part("a", "north", "A")
        m.part("a", "partner", "C")  # only one participant needs to be under the owner
        assert m.found(NOT_INVOLVED) == [], unit


def test_not_involved_needs_participation_an_own_owner_and_their_unit() -> None:
    m = Model()
    org(m)
    owned(m, "finance")  # a: owner in finance, no participation
    m.proc("b", parent="a")  # inherits the owner, has participation
    m.part("b", "north", "A")
    owned(m, None, "c")  # owner without unit
    m.part("c", "north", "A")
    assert m.found(NOT_INVOLVED) == []


def test_owner_below_the_span_is_found() -> None:
    m = Model()
    org(m)
    owned(m, "north")
    m.part("a", "north", "A")
    m.part("a", "south", "R")
    result = m.check()
    (finding,) = result.by_rule(BELOW_SPAN)
    assert finding.elements == ("a",)
    assert finding.related == ("p_north", "north", "ops")
    assert "meet only at 'Operations'" in finding.message
    assert m.found(NOT_INVOLVED) == []  # north takes part


def test_owner_at_the_span_or_above_is_fine() -> None:
    for unit in ("ops", "board"):
        m = Model()
        org(m)
        owned(m, unit)
        m.part("a", "north", "A")
        m.part("a", "south", "R")
        assert m.found(BELOW_SPAN) == [], unit


def test_span_is_the_participant_that_is_an_ancestor_of_the_others() -> None:
    m = Model()
    org(m)
    owned(m, "ops")
    m.part("a", "ops", "A")
    m.part("a", "north", "R")
    assert m.found(BELOW_SPAN) == []
    owned(m, "north")
    assert m.found(BELOW_SPAN) == [("a",)]


def test_owner_beside_the_span_is_found() -> None:
    m = Model()
    org(m)
    owned(m, "finance")
    m.part("a", "north", "A")
    m.part("a", "south", "R")
    assert m.found(BELOW_SPAN) == [("a",)]
    assert m.found(NOT_INVOLVED) == [("a",)]  # both rules hold by their definitions


def test_units_in_separate_trees_have_no_span() -> None:
    m = Model()
    org(m)
    owned(m, "board")  # above all of the board's tree, yet not over the partner
    m.part("a", "north", "A")
    m.part("a", "partner", "R")
    assert m.found(BELOW_SPAN) == [("a",)]
    assert "separate organisation trees" in m.message(BELOW_SPAN, "a")


def test_one_participating_unit_is_never_below_span() -> None:
    m = Model()
    org(m)
    owned(m, "north")
    m.part("a", "ops", "A")  # owner below the only unit: not involved, but span needs two
    assert m.found(BELOW_SPAN) == []


def test_below_span_needs_an_own_owner_with_a_unit() -> None:
    m = Model()
    org(m)
    owned(m, "north")
    m.proc("child", parent="a")  # inherits the owner
    m.part("child", "north", "A")
    m.part("child", "finance", "R")
    owned(m, None, "b")
    m.part("b", "north", "A")
    m.part("b", "partner", "R")
    assert m.found(BELOW_SPAN) == []


def test_owner_without_unit_is_found() -> None:
    m = Model()
    m.proc("a", name="Deliver")
    m.proc("a1", parent="a")  # inherits the owner: only the own owner counts
    m.person("eva", name="Eva Berg")
    m.owner("a", "eva")
    assert m.found(NO_UNIT) == [("a",)]
    assert "Assign Eva Berg to a unit" in m.message(NO_UNIT, "a")


def test_owner_with_unit_or_no_owner_is_fine() -> None:
    m = Model()
    org(m)
    owned(m, "north")
    m.proc("b")
    assert m.found(NO_UNIT) == []


def test_owner_whose_unit_was_deleted_has_no_unit() -> None:
    m = Model()
    org(m)
    owned(m, "finance")
    op.delete_unit(m.ed, "finance", force=True)
    assert m.found(NO_UNIT) == [("a",)]


def test_no_accountable_message_for_one_unit() -> None:
    m = Model()
    m.proc("a", name="Payroll")
    m.unit("hr", name="HR")
    m.part("a", "hr", "R")
    assert m.message(NO_A, "a") == (
        "No unit is accountable (A) for 'Payroll', although 'HR' takes part. Give it the role A."
    )
    assert m.message(NO_A, "a", lang="sv") == (
        "Ingen enhet är ytterst ansvarig (A) för 'Payroll', fast 'HR' deltar. Ge den rollen A."
    )
