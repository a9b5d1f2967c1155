"""Periods (day, ISO week, month, quarter, year) and the checks of a KPI's series."""

from __future__ import annotations

import pytest

from procmodeler.common.numbers import parse_decimal as parse_number
from procmodeler.model.elements import Kpi, Measurement
from procmodeler.model.periods import normalize_period, parse_period, shift_period
from procmodeler.model.series import SeriesProblem, check_series, with_series


@pytest.mark.parametrize(
    ("text", "granularity"),
    [
        ("2024-02-29", "day"),
        ("2024-W01", "week"),
        ("2020-W53", "week"),
        ("2024-12", "month"),
        ("2024-Q4", "quarter"),
        ("2024", "year"),
    ],
)
def test_periods_of_each_granularity(text: str, granularity: str) -> None:
    period = parse_period(text)
    assert period is not None and period.granularity == granularity and period.text == text


@pytest.mark.parametrize(
    "text", ["2023-02-29", "2021-W53", "2024-W00", "2024-13", "2024-00", "2024-Q5", "24", "", "x"]
)
def test_not_periods(text: str) -> None:
    assert parse_period(text) is None


def test_order_and_steps_across_years() -> None:
    assert shift_period("2024-12", 1) == "2025-01"
    assert shift_period("2020-W53", 1) == "2021-W01"
    assert shift_period("2024-Q1", -1) == "2023-Q4"
    assert shift_period("2024-02-28", 2) == "2024-03-01"
    assert shift_period("2024", 3) == "2027"
    assert parse_period("2024-W52") < parse_period("2025-W01")  # type: ignore[operator]
    assert normalize_period(" 2024-q2 ") == "2024-Q2"
    assert normalize_period("2024-w05") == "2024-W05"


@pytest.mark.parametrize(
    ("text", "value"), [("12", 12.0), ("-3,5", -3.5), ("1 234,5", 1234.5), ("\u22122.5", -2.5)]
)
def test_numbers(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["1,2,3", "1.2,3", "abc", "nan", "inf", ""])
def test_not_numbers(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)


def test_series_is_ordered_and_actual_is_the_latest() -> None:
    kpi = Kpi("k", "p", "K", actual=1.0)
    new = with_series(kpi, [Measurement("2024-03", 3.0), Measurement("2024-01", 1.5)])
    assert [m.period for m in new.series] == ["2024-01", "2024-03"]
    assert new.actual == 3.0
    assert with_series(kpi, []).actual == 1.0


@pytest.mark.parametrize(
    ("series", "what", "index"),
    [
        ([Measurement("2024-01", 1), Measurement("2024-1", 2)], "period", 1),
        ([Measurement("2024-01", 1), Measurement("2024-01", 2)], "twice", 1),
        ([Measurement("2024-Q1", 1), Measurement("2024-q1", 2)], "twice", 1),
        ([Measurement("2024-01", 1), Measurement("2024-Q2", 2)], "granularity", 1),
        ([Measurement("2024-01", float("nan"))], "value", 0),
    ],
)
def test_series_problems(series: list[Measurement], what: str, index: int) -> None:
    with pytest.raises(SeriesProblem) as info:
        check_series(series)
    assert (info.value.what, info.value.index) == (what, index)
