"""The derived lookups of a model (children, relations of a process, KPIs, participation,
people in a unit, ...) follow every change of the collections they are made from, and
survive a change of geometry or settings (a moved shape must not cost finding them again)."""

from __future__ import annotations

from procmodeler.model.architecture import INDEXED_COLLECTIONS, Architecture
from procmodeler.model.elements import Bounds, Kpi, Metadata, Person, Process, Relation, Unit


def small() -> Architecture:
    arch = Architecture(Metadata(name="Index"))
    arch.put("units", "u1", Unit("u1", "Sales"))
    arch.put("processes", "p1", Process("p1", "Sell", "core"))
    arch.put("processes", "p2", Process("p2", "Quote", "core", "p1"))
    arch.put("relations", "r1", Relation("r1", "p1", "p2", "flow"))
    return arch


def test_geometry_and_settings_keep_the_index() -> None:
    arch = small()
    index = arch._idx()
    arch.put("shapes", (None, "p1"), Bounds(0, 0, 100, 50))
    arch.put("waypoints", (None, "r1"), ((0.0, 0.0), (10.0, 0.0)))
    arch.put("suppressions", ("orphan.isolated", "p1"), "fine")
    assert arch._idx() is index  # not made again
    assert arch.children(None) == ["p1"] and arch.relations_of("p2") == ["r1"]


def test_every_indexed_collection_renews_the_lookups() -> None:
    arch = small()
    arch.put("processes", "p3", Process("p3", "Deliver", "core", "p1"))
    assert arch.children("p1") == ["p2", "p3"]
    arch.put("relations", "r2", Relation("r2", "p2", "p3", "flow"))
    assert arch.relations_of("p3") == ["r2"]
    arch.put("kpis", "k1", Kpi("k1", "p3", "Lead time", "lead_time"))
    assert arch.kpis_of("p3") == ["k1"]
    arch.put("participation", ("p3", "u1"), "A")
    assert arch.participation_of("p3") == {"u1": "A"}
    arch.put("people", "pe1", Person("pe1", "Ann", "u1"))
    assert arch.people_in("u1") == ["pe1"]
    arch.put("units", "u2", Unit("u2", "North", "u1"))
    assert arch.unit_children("u1") == ["u2"]
    arch.put("processes", "p3", None)
    assert arch.children("p1") == ["p2"]
    assert {"processes", "units", "people", "relations", "kpis", "participation"} <= (
        INDEXED_COLLECTIONS
    )
