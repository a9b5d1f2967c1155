"""The native reader's words for what :func:`~procmodeler.model.validate.violations`
finds: each violation as a problem at the JSON path of the field that is wrong."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from procmodeler.common.i18n import N_
from procmodeler.io.native.writer import _string
from procmodeler.model import validate as v

_NO_SUCH = {
    "processes": N_("there is no process '{id}'"),
    "units": N_("there is no unit '{id}'"),
    "people": N_("there is no person '{id}'"),
    "relations": N_("there is no relation '{id}'"),
    "kpis": N_("there is no KPI '{id}'"),
    "objectives": N_("there is no objective '{id}'"),
}
_OWN_ANCESTOR = {
    "processes": N_("the process '{id}' is its own ancestor ({cycle})"),
    "units": N_("the unit '{id}' is its own ancestor ({cycle})"),
    "objectives": N_("the objective '{id}' is its own ancestor ({cycle})"),
}
_NOT_ONE_OF = N_("'{value}' is not one of: {allowed}")


@dataclass
class Paths:
    """Where the reader found each element, row and diagram, as JSON paths."""

    ids: dict[str, str] = field(default_factory=dict)  # element id -> path
    rows: dict[Any, str] = field(default_factory=dict)  # participation, suppression key
    diagrams: dict[str | None, str] = field(default_factory=dict)  # level -> path
    lanes: dict[tuple[str | None, str], str] = field(default_factory=dict)
    geometry: dict[tuple[str, str | None, str], str] = field(default_factory=dict)

    def of(self, violation: v.Violation) -> str:
        """The path of the element or row a violation is about."""
        collection, key = violation.collection, violation.key
        if collection in v.ELEMENTS:
            return self.ids.get(key, collection)
        if collection in ("participation", "suppressions", "contributions"):
            return self.rows.get(key, collection)
        if collection == "rules":
            return f"rules[{_string(key)}]"
        if collection == "diagrams":
            return self.diagrams.get(key, "diagrams")
        if collection in ("shapes", "waypoints"):
            level, element = key
            if element is None:
                return self.diagrams.get(level, "diagrams")
            return self.geometry.get((collection, level, element), "diagrams")
        return str(collection)


def problem(violation: v.Violation, paths: Paths) -> tuple[str, str, dict[str, Any]]:
    """``(path, msgid, arguments)`` of the problem that reports *violation*."""
    kind, name = violation.kind, violation.field
    where = paths.of(violation)
    at = f"{where}.{name}"
    if kind in (v.DANGLING, v.WRONG_KIND):
        if violation.collection == "diagrams" and name == "lane_order":
            at = paths.lanes.get((violation.key, violation.value), at)
        return at, _NO_SUCH[violation.target], {"id": violation.value}
    if kind == v.CYCLE:
        cycle = " → ".join([*violation.cycle, violation.cycle[0]])
        args = {"id": violation.key, "cycle": cycle}
        return at, _OWN_ANCESTOR[violation.collection], args
    if kind == v.SELF_RELATION:
        return where, N_("a process cannot be related to itself"), {}
    if kind == v.VOCABULARY:
        if violation.collection in ("rules", "meta"):
            at = where if violation.collection == "rules" else f"meta.{name}"
        allowed = ", ".join(violation.allowed)
        return at, _NOT_ONE_OF, {"value": violation.value, "allowed": allowed}
    if kind == v.NCNAME:
        msgid = N_("'{id}' is not a valid id (an XML NCName: a letter or _ first, no spaces)")
        return at, msgid, {"id": violation.value}
    if kind == v.NUMBER:
        if name == "size":
            return where, N_("a shape must have a positive width and height"), {}
        return at, N_("should be a finite number"), {}
    if kind == v.EMPTY:
        return at, N_("should not be empty"), {}
    if kind == v.DATE:
        return at, N_("'{value}' is not a date YYYY-MM-DD"), {"value": violation.value}
    # an id stored twice or under another key cannot come from a file's syntax
    return (
        at,
        N_("the id '{id}' is already used at {where}"),
        {
            "id": violation.value,
            "where": violation.found,
        },
    )
