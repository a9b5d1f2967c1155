"""``measurements.csv`` of a register (REGISTER.md, FLOW-AND-EFFECT.md): reading the
rows into each KPI's series, with one problem per bad row (unknown KPI, a bad period, a
period given twice, periods of two granularities in one KPI, a value that is not a
number, a rebase mark that is not one), and the rows an export writes."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from procmodeler.common.i18n import N_
from procmodeler.io.register.cells import parse_number
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import Kpi, Measurement
from procmodeler.model.periods import Period, parse_period

if TYPE_CHECKING:
    from procmodeler.io.register.builder import _Builder

#: Words of the rebase column: these mark a rebase, these (and empty) do not.
REBASE_YES = frozenset({"yes", "ja", "true", "1", "x"})
REBASE_NO = frozenset({"no", "nej", "false", "0"})

_GRANULARITY_WORDS = {
    "day": N_("days"),
    "week": N_("weeks"),
    "month": N_("months"),
    "quarter": N_("quarters"),
    "year": N_("years"),
}


def read_measurements(b: _Builder, kpis: dict[str, Kpi]) -> dict[str, Kpi]:
    """*kpis* with the series of ``measurements.csv`` (problems go to the builder)."""
    table = b.tables.get("measurements")
    if table is None or not table.usable:
        return kpis
    series: dict[str, list[Measurement]] = {}
    seen: dict[tuple[str, Period], int] = {}  # (kpi, period) -> line
    kind: dict[str, tuple[str, int]] = {}  # kpi -> (granularity, line of its first period)
    for row in b.rows("measurements"):
        raw_k = b.required(table, row, "kpi")
        raw_p = b.required(table, row, "period")
        raw_v = b.required(table, row, "value")
        kid = None
        if raw_k:
            if b.raw_kind.get(raw_k) == "kpi":
                kid = b.model_id[raw_k]
            else:
                b.error(table, row, "kpi", N_("there is no KPI with the id '{id}'"), id=raw_k)
        period = parse_period(raw_p) if raw_p else None
        if raw_p and period is None:
            b.error(table, row, "period", _NOT_A_PERIOD, period=raw_p)
        value = None
        if raw_v:
            try:
                value = parse_number(raw_v)
            except ValueError:
                b.error(table, row, "value", N_("'{value}' is not a number"), value=raw_v)
        rebase = _rebase(b, table, row)
        if kid is None or period is None:
            continue
        first = kind.setdefault(kid, (period.granularity, row.line))
        if period.granularity != first[0]:
            b.error(
                table,
                row,
                "period",
                N_(
                    "'{period}' is not of the kind of this KPI's periods ({kind}, from line {line})"
                ),
                period=raw_p,
                kind=_GRANULARITY_WORDS[first[0]],
                line=first[1],
            )
            continue
        if (kid, period) in seen:
            b.error(
                table,
                row,
                "period",
                N_("the period {period} of this KPI is there twice (also on line {line})"),
                period=raw_p,
                line=seen[(kid, period)],
            )
            continue
        seen[(kid, period)] = row.line
        if value is None or rebase is None:
            continue
        m = Measurement(period.text, value, row.cells.get("note", ""), rebase)
        series.setdefault(kid, []).append(m)
    out = dict(kpis)
    for kid, items in series.items():
        if kid in out:
            items.sort(key=lambda m: parse_period(m.period))  # type: ignore[arg-type, return-value]
            out[kid] = replace(out[kid], series=tuple(items), actual=items[-1].value)
    return out


_NOT_A_PERIOD = N_("'{period}' is not a period (YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY-Qn or YYYY)")


def _rebase(b: _Builder, table: Any, row: Any) -> bool | None:
    text = row.cells.get("rebase", "").casefold()
    if not text or text in REBASE_NO:
        return False
    if text in REBASE_YES:
        return True
    b.error(
        table,
        row,
        "rebase",
        N_("'{value}' is not a rebase mark; use yes, ja, true, 1 or x (or leave it empty)"),
        value=row.cells.get("rebase", ""),
    )
    return None


def measurement_rows(arch: Architecture, kpi_ref: Any) -> list[list[Any]]:
    """The rows of ``measurements.csv`` (header first; values are numbers)."""
    rows: list[list[Any]] = [["kpi", "period", "value", "note", "rebase"]]
    for kpi in arch.kpis.values():
        for m in kpi.series:
            rows.append([kpi_ref(kpi), m.period, m.value, m.note, "yes" if m.rebase else ""])
    return rows
