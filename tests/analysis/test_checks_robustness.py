"""Checks on malformed models never crash, and the live-check helper tells which edits
can change findings."""

from __future__ import annotations

from checks_helpers import Model

from procmodeler.analysis import RULES, affects_checks, run_checks
from procmodeler.edit import operations as op
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import Bounds, Kpi, Person, Process, Relation, Unit
from procmodeler.model.events import Committed


def test_dangling_references_and_cycles_do_not_crash() -> None:
    arch = Architecture()
    arch.put("processes", "a", Process("a", "A", "core", owner="ghost"))  # no such person
    arch.put("processes", "b", Process("b", "B", "support", parent="missing"))
    arch.put("processes", "c", Process("c", "C", "core", parent="d"))
    arch.put("processes", "d", Process("d", "D", "core", parent="c"))  # parent cycle
    arch.put("processes", "e", Process("e", "E", "core", owner="lost"))
    arch.put("people", "lost", Person("lost", "Lost", unit="nowhere"))  # no such unit
    arch.put("units", "u1", Unit("u1", "U1", parent="u2"))
    arch.put("units", "u2", Unit("u2", "U2", parent="u1"))  # unit cycle
    arch.put("relations", "r1", Relation("r1", "a", "nobody"))
    arch.put("relations", "r2", Relation("r2", "a", "e", kind="telepathy"))
    arch.put("participation", ("a", "nounit"), "A")
    arch.put("participation", ("noproc", "u1"), "A")
    arch.put("participation", ("e", "u1"), "A")
    arch.put("participation", ("e", "u2"), "R")
    arch.put("kpis", "k1", Kpi("k1", "noproc", "K"))
    arch.put("shapes", (None, "noproc"), Bounds(0, 0, 1, 1))
    result = run_checks(arch)
    by_rule = {rid: [f.elements for f in result.by_rule(rid)] for rid in RULES}
    assert ("a",) in by_rule["responsibility.no-owner"]  # a dangling owner is no owner
    assert ("e",) in by_rule["responsibility.owner-without-unit"]
    assert ("b",) in by_rule["orphan.isolated"]  # a dangling parent counts as top level
    assert ("a",) in by_rule["orphan.isolated"]  # relations with a missing end are ignored
    assert ("a",) in by_rule["responsibility.no-participation"]  # row with no such unit
    assert ("c",) in by_rule["responsibility.no-owner"]
    assert ("d",) in by_rule["responsibility.no-owner"]
    assert by_rule["kpi.no-target"] == []


def test_a_self_relation_counts_as_a_relation_but_never_as_a_cycle() -> None:
    arch = Architecture()
    arch.put("processes", "a", Process("a", "A"))
    arch.put("processes", "b", Process("b", "B"))
    arch.put("relations", "r", Relation("r", "a", "a"))
    result = run_checks(arch)
    assert [f.elements for f in result.by_rule("orphan.isolated")] == [("b",)]
    assert result.by_rule("analysis.dependency-cycle") == []


def committed(m: Model, action: object) -> Committed:
    events: list[Committed] = []
    unsubscribe = m.ed.bus.subscribe(events.append)
    action()  # type: ignore[operator]
    unsubscribe()
    (event,) = events
    return event


def test_moving_shapes_or_bend_points_does_not_affect_checks() -> None:
    m = Model()
    m.procs("a", "b")
    rid = m.rel("a", "b")
    assert not affects_checks(committed(m, lambda: op.move_shapes(m.ed, None, ["a"], 5, 5)).changes)
    assert not affects_checks(
        committed(m, lambda: op.set_waypoints(m.ed, None, rid, [(1, 2)])).changes
    )
    assert not affects_checks(
        committed(m, lambda: op.set_diagram_options(m.ed, None, True)).changes
    )


def test_model_edits_and_placing_shapes_affect_checks() -> None:
    m = Model()
    m.procs("a", "b")
    m.person("anna")
    edits = [
        lambda: m.owner("a", "anna"),
        lambda: m.rel("a", "b"),
        lambda: op.remove_shapes(m.ed, None, ["a"]),
        lambda: op.set_shape_bounds(m.ed, None, {"a": Bounds(0, 0, 10, 10)}),
        lambda: m.rule("kpi.core-without-flow-measure", "off"),
        lambda: m.suppress("responsibility.no-owner", ["b"], "x"),
        lambda: op.set_metadata(m.ed, language="sv"),
    ]
    for edit in edits:
        before = run_checks(m.arch)
        assert affects_checks(committed(m, edit).changes)
        assert run_checks(m.arch) != before  # each of these really changed the result
