"""Who answers for a process: its own owner, the nearest parent's (inherited), or nobody;
the same for one process and for all at once, and the counts the report's figure uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from procmodeler.analysis import run_checks
from procmodeler.analysis.ownership import (
    INHERITED,
    NONE,
    OWN,
    Ownership,
    ownership,
    ownership_counts,
    ownerships,
)
from procmodeler.edit import Editor
from procmodeler.edit import operations as op
from procmodeler.io.native import load

EXAMPLES = Path(__file__).resolve().parents[2] / "procmodeler" / "resources" / "examples"


def _tree() -> Editor:
    """A (Anna) > B > C (Bo) > D; E alone without an owner."""
    ed = Editor()
    op.add_person(ed, "Anna", person_id="P1")
    op.add_person(ed, "Bo", person_id="P2")
    op.create_process(ed, "A", pid="A")
    op.create_process(ed, "B", pid="B", parent="A")
    op.create_process(ed, "C", pid="C", parent="B")
    op.create_process(ed, "D", pid="D", parent="C")
    op.create_process(ed, "E", pid="E")
    op.set_owner(ed, "A", "P1")
    op.set_owner(ed, "C", "P2")
    return ed


def test_own_inherited_from_the_nearest_owner_and_none() -> None:
    arch = _tree().arch
    assert ownership(arch, "A") == Ownership("A", "P1", "A")
    assert ownership(arch, "B") == Ownership("B", "P1", "A")
    assert ownership(arch, "C") == Ownership("C", "P2", "C")
    assert ownership(arch, "D") == Ownership("D", "P2", "C")  # the nearest, not the top
    assert ownership(arch, "E") == Ownership("E", None, None)
    assert [ownership(arch, p).how for p in "ABCDE"] == [OWN, INHERITED, OWN, INHERITED, NONE]


def test_all_at_once_agrees_with_one_at_a_time_and_counts() -> None:
    arch = _tree().arch
    found = ownerships(arch)
    assert list(found) == list(arch.processes)
    assert found == {pid: ownership(arch, pid) for pid in arch.processes}
    assert ownership_counts(found) == {OWN: 2, INHERITED: 2, NONE: 1}


@pytest.mark.parametrize("name", ["manufacturing.procm", "municipality-sv.procm"])
def test_nobody_answers_exactly_where_the_no_owner_rule_says(name: str) -> None:
    arch = load(EXAMPLES / name)
    found = ownerships(arch)
    nobody = {pid for pid, own in found.items() if own.how == NONE}
    ruled = {
        f.elements[0] for f in run_checks(arch).findings if f.rule == "responsibility.no-owner"
    }
    assert nobody == ruled and nobody  # each example has one process nobody answers for
    for pid, own in found.items():  # an inherited owner is the nearest ancestor's
        if own.how == INHERITED:
            assert own.source in arch.ancestors(pid)
            between = arch.ancestors(pid)[: arch.ancestors(pid).index(own.source)]
            assert all(arch.processes[a].owner is None for a in between)
            assert arch.processes[pid].owner is None
