"""The register's words for a reference cell that names no element of its kind, and for
what :func:`~procmodeler.model.validate.violations` finds: each violation as an error at
the file, line and column of the row that holds it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from procmodeler.common.i18n import N_
from procmodeler.model import validate as v

if TYPE_CHECKING:
    from procmodeler.io.register.builder import _Builder

#: What is wrong with a reference cell, by the kind of element it must name.
REF_NO_SUCH = {
    "unit": N_("there is no unit '{id}'"),
    "person": N_("there is no person '{id}'"),
    "process": N_("there is no process '{id}'"),
    "objective": N_("there is no objective '{id}'"),
    "kpi": N_("there is no KPI with the id '{id}'"),
}
REF_NO_FILE = {
    "unit": N_("there is no unit '{id}' (the register has no units file)"),
    "person": N_("there is no person '{id}' (the register has no people file)"),
    "process": N_("there is no process '{id}'"),
    "objective": N_("there is no objective '{id}' (the register has no objectives file)"),
    "kpi": N_("there is no KPI with the id '{id}'"),
}
REF_FILE_OF = {"unit": "units", "person": "people", "objective": "objectives", "kpi": "kpis"}
REF_WRONG_KIND = {
    ("unit", "person"): N_("'{id}' is a person, not a unit"),
    ("unit", "process"): N_("'{id}' is a process, not a unit"),
    ("person", "unit"): N_("'{id}' is a unit, not a person"),
    ("person", "process"): N_("'{id}' is a process, not a person"),
    ("process", "unit"): N_("'{id}' is a unit, not a process"),
    ("process", "person"): N_("'{id}' is a person, not a process"),
}

_CYCLE = {
    "processes": N_("the parents of processes form a cycle: {cycle}"),
    "units": N_("the parents of units form a cycle: {cycle}"),
    "objectives": N_("the parents of objectives form a cycle: {cycle}"),
}
_NO_SUCH = {
    "processes": N_("there is no process '{id}'"),
    "units": N_("there is no unit '{id}'"),
    "people": N_("there is no person '{id}'"),
    "relations": N_("there is no process '{id}'"),
    "kpis": N_("there is no process '{id}'"),
    "objectives": N_("there is no objective '{id}'"),
}


def report_violations(builder: _Builder, found: list[v.Violation]) -> None:
    """One error per violation, at the row of the element (a row that already has an
    error is skipped: it is refused already)."""
    for violation in found:
        key = violation.key
        if violation.kind == v.CYCLE:  # named from the member written first
            rows = builder.rows_of[violation.collection]
            first = min(violation.cycle, key=lambda m: rows[m].line)
            at = violation.cycle.index(first)
            names = [*violation.cycle[at:], *violation.cycle[:at], first]
            table, row = builder.tables[violation.collection], rows[first]
            if (table.display, row.line) not in builder.refused:
                msgid = _CYCLE[violation.collection]
                builder.error(table, row, "parent", msgid, cycle=" → ".join(names))
            continue
        at_row = builder.rows_of.get(violation.collection, {}).get(key)
        if at_row is None:
            continue  # participation and KPI rows are checked as they are read
        table, row = builder.tables[violation.collection], at_row
        if (table.display, row.line) in builder.refused:
            continue
        column, msgid, args = _words(violation)
        builder.error(table, row, column, msgid, **args)


def _words(violation: v.Violation) -> tuple[str | None, str, dict[str, Any]]:
    kind, name = violation.kind, violation.field
    if kind == v.SELF_RELATION:
        return "target", N_("a process cannot be related to itself"), {}
    if kind in (v.DANGLING, v.WRONG_KIND):
        return name, _NO_SUCH[violation.target], {"id": violation.value}
    if kind == v.VOCABULARY:
        allowed = ", ".join(violation.allowed)
        msgid = N_("'{value}' is not allowed here; use one of: {allowed}")
        return name, msgid, {"value": violation.value, "allowed": allowed}
    if kind == v.EMPTY:
        return name, N_("the required cell '{column}' is empty"), {"column": name}
    if kind == v.DATE:
        return name, N_("'{value}' is not a date YYYY-MM-DD"), {"value": violation.value}
    if kind == v.NUMBER:
        return name, N_("'{value}' is not a number"), {"value": violation.value}
    return (
        "id",
        N_("the id '{id}' is already used at {where}"),
        {
            "id": violation.value,
            "where": violation.found,
        },
    )
