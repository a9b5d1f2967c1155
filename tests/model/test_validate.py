"""The one definition of a valid model: what :func:`violations` finds, and
:func:`find_cycles`."""

from __future__ import annotations

import math
from typing import Any

import pytest

from procmodeler.model import (
    Architecture,
    Bounds,
    DiagramOptions,
    Kpi,
    Metadata,
    Person,
    Process,
    Relation,
    Unit,
)
from procmodeler.model import validate as v
from procmodeler.model.validate import Violation, find_cycles, is_valid, violations


def model(**collections: dict[Any, Any]) -> Architecture:
    base: dict[str, dict[Any, Any]] = {
        "processes": {"A": Process("A", "A"), "B": Process("B", "B", parent="A")},
        "units": {"U": Unit("U", "Unit")},
        "people": {"P": Person("P", "Person", unit="U")},
        "relations": {"r1": Relation("r1", "A", "B")},
        "kpis": {"k1": Kpi("k1", "A", "Lead time", "lead_time", direction="lower")},
        "participation": {("A", "U"): "RA"},
    }
    for name, values in collections.items():  # an element given replaces its namesake
        base[name] = {**base.get(name, {}), **values}
    meta = base.pop("meta", {None: Metadata()})[None]
    return Architecture.from_collections(meta, base)


def test_a_valid_model_has_no_violations() -> None:
    arch = model(
        shapes={None: {"A": Bounds(0, 0, 160, 70)}, "A": {"B": Bounds(0, 0, 160, 70)}},
        waypoints={"A": {"r1": ((1.0, 2.0), (3.0, 4.0))}},
        diagrams={"A": DiagramOptions(True, ("U",))},
        rules={"orphan.isolated": "off"},
        suppressions={("orphan.isolated", ("A",)): "Known"},
    )
    assert violations(arch) == [] and is_valid(arch)
    assert violations(Architecture()) == []


@pytest.mark.parametrize(
    ("collections", "expected"),
    [
        (
            {"processes": {"A": Process("A", "A", owner="ghost")}},
            Violation(v.DANGLING, "processes", "A", "owner", "ghost", "people"),
        ),
        (
            {"processes": {"A": Process("A", "A", owner="U")}},
            Violation(v.WRONG_KIND, "processes", "A", "owner", "U", "people", found="units"),
        ),
        (
            {"people": {"P": Person("P", "Person", unit="A")}},
            Violation(v.WRONG_KIND, "people", "P", "unit", "A", "units", found="processes"),
        ),
        (
            {"relations": {"r1": Relation("r1", "A", "A")}},
            Violation(v.SELF_RELATION, "relations", "r1", "target", "A"),
        ),
        (
            {"relations": {"r1": Relation("r1", "A", "B", "uses")}},
            Violation(v.VOCABULARY, "relations", "r1", "kind", "uses", allowed=v.RELATION_KINDS),
        ),
        (
            {"processes": {"1a": Process("1a", "A")}},
            Violation(v.NCNAME, "processes", "1a", "id", "1a"),
        ),
        (
            {"processes": {"A": Process("X", "A")}},
            Violation(v.KEY, "processes", "A", "id", "X"),
        ),
        (
            {"units": {"U": Unit("U", "Unit"), "A": Unit("A", "Twin")}},
            Violation(v.DUPLICATE, "units", "A", "id", "A", found="processes"),
        ),
        (
            {"kpis": {"k1": Kpi("k1", "A", "Lead", target=math.inf)}},
            Violation(v.NUMBER, "kpis", "k1", "target", math.inf),
        ),
        (
            {"units": {"U": Unit("U", " ")}},
            Violation(v.EMPTY, "units", "U", "name", " "),
        ),
        (
            {"participation": {("A", "U"): "AR"}},
            Violation(v.VOCABULARY, "participation", ("A", "U"), "roles", "AR"),
        ),
        (
            {"rules": {"x": "loud"}},
            Violation(v.VOCABULARY, "rules", "x", "setting", "loud", allowed=v.RULE_SETTINGS),
        ),
        (
            {"shapes": {"A": {"B": Bounds(0, 0, 0, 70)}}},
            Violation(v.NUMBER, "shapes", ("A", "B"), "size", (0, 70)),
        ),
        (
            {"shapes": {"Q": {"B": Bounds(0, 0, 10, 70)}}},
            Violation(v.DANGLING, "shapes", ("Q", None), "level", "Q", "processes"),
        ),
        (
            {"waypoints": {None: {"r9": ((0.0, 0.0),)}}},
            Violation(v.DANGLING, "waypoints", (None, "r9"), "relation", "r9", "relations"),
        ),
        (
            {"diagrams": {None: DiagramOptions(True, ("P",))}},
            Violation(v.WRONG_KIND, "diagrams", None, "lane_order", "P", "units", found="people"),
        ),
        (
            {"meta": {None: Metadata(language="de")}},
            Violation(v.VOCABULARY, "meta", "meta", "language", "de", allowed=v.LANGUAGES),
        ),
    ],
)
def test_each_kind_of_violation(collections: dict[str, Any], expected: Violation) -> None:
    assert violations(model(**collections)) == [expected]


def test_a_parent_cycle_is_one_violation_in_parent_order() -> None:
    arch = model(
        processes={
            "A": Process("A", "A", parent="C"),
            "B": Process("B", "B", parent="A"),
            "C": Process("C", "C", parent="B"),
        }
    )
    assert violations(arch) == [
        Violation(v.CYCLE, "processes", "A", "parent", "C", cycle=("A", "C", "B"))
    ]


def test_find_cycles_reports_each_cycle_once_from_where_the_walk_enters() -> None:
    parents = {"x": "a", "a": "b", "b": "a", "c": "c", "d": None, "e": "ghost"}
    assert find_cycles(parents) == [("a", "b"), ("c",)]
    assert find_cycles({}) == []
    assert find_cycles({"a": None, "b": "a"}) == []


def test_cycle_violations_are_the_cycles_of_violations_in_their_order() -> None:
    arch = model(
        processes={
            "A": Process("A", "A", parent="C"),
            "B": Process("B", "B", parent="A"),
            "C": Process("C", "", parent="B"),
            "D": Process("D", "D", parent="D", owner="ghost"),
        },
        units={"U": Unit("U", "Unit", parent="V"), "V": Unit("V", "V", parent="U")},
        relations={"r1": Relation("r1", "A", "A"), "r2": Relation("r2", "B", "B", "uses")},
    )
    found = violations(arch)
    cycles = v.cycle_violations(arch)
    assert cycles == [x for x in found if x.kind in v.CYCLE_KINDS]
    assert [(x.kind, x.key) for x in cycles] == [
        (v.CYCLE, "A"),
        (v.CYCLE, "D"),
        (v.CYCLE, "U"),
        (v.SELF_RELATION, "r1"),
        (v.SELF_RELATION, "r2"),
    ]
    assert len(found) > len(cycles)  # the name, the owner and the kind are not cycles
