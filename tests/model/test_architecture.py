"""The pure model: change records, their inverses (order included), queries and ids."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from procmodeler.model import Architecture, Bounds, Process, Put, Relation, Unit, is_ncname
from procmodeler.model.architecture import ModelError
from procmodeler.model.elements import normalize_letters, not_ncnames


def build() -> Architecture:
    arch = Architecture()
    for pid, parent in [("a", None), ("a1", "a"), ("a2", "a"), ("a11", "a1"), ("b", None)]:
        arch.put("processes", pid, Process(pid, pid.upper(), parent=parent))
    arch.put("relations", "r1", Relation("r1", "a1", "b"))
    arch.put("shapes", (None, "a"), Bounds(0, 0, 100, 50))
    arch.put("shapes", ("a", "a1"), Bounds(0, 0, 100, 50))
    return arch


def test_inverse_of_removal_restores_position() -> None:
    arch = build()
    before = arch.snapshot()
    record = arch.put("processes", "a1", None)
    assert record.is_remove and record.index == 1
    assert list(arch.processes) == ["a", "a2", "a11", "b"]
    arch.apply(record.inverse())
    assert list(arch.processes) == ["a", "a1", "a2", "a11", "b"]
    assert arch.snapshot() == before


def test_nested_geometry_removal_drops_empty_level_and_comes_back() -> None:
    arch = build()
    before = arch.snapshot()
    record = arch.put("shapes", ("a", "a1"), None)
    assert "a" not in arch.shapes
    arch.apply(record.inverse())
    assert arch.shapes["a"] == {"a1": Bounds(0, 0, 100, 50)}
    assert arch.snapshot() == before


def test_apply_refuses_a_record_that_does_not_fit() -> None:
    arch = build()
    with pytest.raises(ModelError):
        arch.apply(Put("processes", "zz", Process("zz", "old"), None))
    with pytest.raises(ModelError):
        arch.apply(Put("nonsense", "x", None, 1))


def test_hierarchy_queries() -> None:
    arch = build()
    assert arch.top_level() == ["a", "b"]
    assert arch.children("a") == ["a1", "a2"]
    assert arch.descendants("a") == ["a1", "a11", "a2"]
    assert arch.ancestors("a11") == ["a1", "a"]
    assert arch.depth("a11") == 2
    assert list(arch.walk()) == ["a", "a1", "a11", "a2", "b"]
    assert arch.relations_of("b") == ["r1"]
    assert arch.levels_showing("a1") == ["a"]
    assert arch.diagram_levels() == [None, "a"]


def test_index_follows_changes() -> None:
    arch = build()
    assert arch.children("a2") == []
    arch.put("processes", "a21", Process("a21", "x", parent="a2"))
    assert arch.children("a2") == ["a21"]


def test_copy_is_independent() -> None:
    arch = build()
    other = arch.copy()
    assert other == arch
    other.put("shapes", (None, "b"), Bounds(1, 2, 3, 4))
    assert other != arch
    assert (None, "b") not in [(lvl, k) for lvl, inner in arch.shapes.items() for k in inner]


def test_next_id_is_deterministic_and_skips_taken() -> None:
    arch = Architecture()
    assert arch.next_id("proc_") == "proc_1"
    arch.put("processes", "proc_7", Process("proc_7", "x"))
    assert arch.next_id("proc_") == "proc_8"
    assert arch.next_id("unit_") == "unit_1"


def test_references_to_people_and_units() -> None:
    arch = build()
    from procmodeler.model import Person

    arch.put("units", "u1", Unit("u1", "Sales"))
    arch.put("units", "u2", Unit("u2", "Team", parent="u1"))
    arch.put("people", "p1", Person("p1", "Anna", unit="u1"))
    arch.put("processes", "b", Process("b", "B", owner="p1"))
    arch.put("participation", ("a", "u1"), "RA")
    refs = arch.references_to("u1")
    assert ("units", "u2", "parent") in refs
    assert ("people", "p1", "unit") in refs
    assert ("participation", ("a", "u1"), "unit") in refs
    assert arch.references_to("p1") == [("processes", "b", "owner")]


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("P1", True),
        ("_x", True),
        ("Bygglov-ärende.2", True),
        ("1.2.3", False),
        ("a:b", False),
        ("", False),
        ("a b", False),
    ],
)
def test_ncname(value: str, ok: bool) -> None:
    assert is_ncname(value) is ok


@given(
    st.lists(
        st.one_of(
            st.sampled_from(["a", "1", "_x", "a.b-c", "a b", "é", "a\nb", "b\r", ""]), st.text()
        ),
        unique=True,
    )
)
def test_not_ncnames_are_the_values_that_are_no_ncname_in_order(values: list[str]) -> None:
    assert not_ncnames(values) == [v for v in values if not is_ncname(v)]


def test_normalize_letters() -> None:
    assert normalize_letters("ar") == "RA"
    assert normalize_letters("i, c ,a") == "ACI"
    assert normalize_letters("") == ""
    with pytest.raises(ValueError):
        normalize_letters("RX")
