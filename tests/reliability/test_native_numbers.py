"""Regression (found when the recovery journal serialised a model built by the UI
tests): the native writer crashed with AttributeError on integer coordinates and KPI
values on Python 3.11, where ``int`` has no ``is_integer`` (added in 3.12)."""

from __future__ import annotations

from procmodeler.io import native
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import Bounds, Kpi, Process


def test_integer_numbers_are_written_like_integral_floats() -> None:
    arch = Architecture()
    arch.put("processes", "p1", Process("p1", "Order"))
    arch.put("shapes", (None, "p1"), Bounds(10, 20, 160, 70))
    arch.put("waypoints", (None, "r1"), ((1, 2), (3.5, 4)))
    arch.put("kpis", "k1", Kpi("k1", "p1", "Lead time", target=5, actual=7))
    text = native.dumps(arch)
    same = Architecture()
    same.put("processes", "p1", Process("p1", "Order"))
    same.put("shapes", (None, "p1"), Bounds(10.0, 20.0, 160.0, 70.0))
    same.put("waypoints", (None, "r1"), ((1.0, 2.0), (3.5, 4.0)))
    same.put("kpis", "k1", Kpi("k1", "p1", "Lead time", target=5.0, actual=7.0))
    assert text == native.dumps(same)
    assert '"x": 10, "y": 20, "w": 160, "h": 70' in text
