"""A KPI's series in the native file (format version 2): written as one line per
measurement, read with every problem named by its JSON path."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from procmodeler.common.i18n import N_
from procmodeler.model.elements import Measurement
from procmodeler.model.series import SeriesProblem, check_series

if TYPE_CHECKING:
    from procmodeler.io.native.checker import _Reader

_PROBLEMS = {
    "period": N_("'{period}' is not a period (YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY-Qn or YYYY)"),
    "twice": N_("the period {period} is there twice"),
    "granularity": N_("the period {period} is not of the same kind as the KPI's other periods"),
    "value": N_("should be a finite number"),
}


def series_records(series: tuple[Measurement, ...], inline: type, canon: Any) -> list[Any]:
    """The JSON records of a series (*inline*: the writer's one-line record type)."""
    out = []
    for m in series:
        rec = inline(period=m.period, value=canon(m.value))
        if m.note:
            rec["note"] = m.note
        if m.rebase:
            rec["rebase"] = True
        out.append(rec)
    return out


def read_series(checker: _Reader, rec: dict[str, Any], path: str) -> tuple[Measurement, ...]:
    """The checked series of a KPI record (empty when it has none or it is bad)."""
    if "series" not in rec:
        return ()
    items = checker.seq(rec["series"], f"{path}.series")
    out: list[Measurement] = []
    paths: list[str] = []
    for i, item in enumerate(items):
        where = f"{path}.series[{i}]"
        m = checker.obj(item, where, ("period", "value"), ("note", "rebase"))
        if m is None:
            continue
        period = checker.text(m, "period", where, required=True)
        value = checker.number(m.get("value"), f"{where}.value")
        rebase = m.get("rebase", False)
        if not isinstance(rebase, bool):
            checker.problem(f"{where}.rebase", N_("should be true or false"))
            rebase = False
        out.append(Measurement(period, value, checker.text(m, "note", where), rebase))
        paths.append(where)
    try:
        return tuple(check_series(out))
    except SeriesProblem as problem:
        column = "value" if problem.what == "value" else "period"
        where = f"{paths[problem.index]}.{column}"
        checker.problem(where, _PROBLEMS[problem.what], period=problem.period)
        return ()
