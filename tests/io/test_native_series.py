"""KPI series in the native file (format version 2): round trip, one line per value,
upgrade from version 1, and each damage reported with its JSON path."""

from __future__ import annotations

import json

import pytest

from procmodeler.common.errors import UserError
from procmodeler.io import native
from procmodeler.model import Architecture, Kpi, Measurement, Process


def model() -> Architecture:
    arch = Architecture()
    arch.put("processes", "p", Process("p", "P"))
    series = (
        Measurement("2025-W01", 3.5),
        Measurement("2025-W02", 4.0, "helg", True),
    )
    arch.put("kpis", "k", Kpi("k", "p", "K", "lead_time", "", "lower", 3.0, 4.0, series))
    return arch


def test_round_trip_and_one_line_per_value() -> None:
    text = native.dumps(model())
    assert '        {"period": "2025-W02", "value": 4, "note": "helg", "rebase": true}' in text
    assert native.loads(text).kpis["k"] == model().kpis["k"]
    assert native.dumps(native.loads(text)) == text


def test_actual_follows_the_latest_value_and_order_is_by_period() -> None:
    doc = json.loads(native.dumps(model()))
    doc["kpis"][0]["actual"] = 99
    doc["kpis"][0]["series"].reverse()
    kpi = native.loads(json.dumps(doc)).kpis["k"]
    assert kpi.actual == 4.0 and [m.period for m in kpi.series] == ["2025-W01", "2025-W02"]


def test_a_version_1_file_is_upgraded() -> None:
    doc = json.loads(native.dumps(model()))
    del doc["kpis"][0]["series"]
    doc["format_version"] = 1
    arch = native.loads(json.dumps(doc))
    assert arch.kpis["k"].series == () and arch.kpis["k"].actual == 4.0
    assert json.loads(native.dumps(arch))["format_version"] == native.FORMAT_VERSION


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda s: s[0].update(period="2025-W54"), "kpis[0].series[0].period: '2025-W54' is not"),
        (lambda s: s[1].update(period="2025-W01"), "kpis[0].series[1].period: the period"),
        (lambda s: s[1].update(period="2025-01"), "kpis[0].series[1].period: the period 2025-01"),
        (lambda s: s[0].update(value="3"), "kpis[0].series[0].value: should be a number"),
        (lambda s: s[0].update(rebase="ja"), "kpis[0].series[0].rebase: should be true or false"),
        (lambda s: s[0].update(extra=1), "kpis[0].series[0]: has an unknown field 'extra'"),
        (lambda s: s[0].pop("value"), "kpis[0].series[0]: the field 'value' is missing"),
    ],
)
def test_damaged_series(change, expected: str) -> None:  # noqa: ANN001
    doc = json.loads(native.dumps(model()))
    change(doc["kpis"][0]["series"])
    with pytest.raises(UserError) as info:
        native.loads(json.dumps(doc), "m.procm")
    lines = info.value.lines()
    assert any(expected in line for line in lines), lines
