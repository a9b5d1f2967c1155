"""``objectives.csv``, ``contributions.csv`` and ``improvements.csv`` of a register
(REGISTER.md version 2), and the strategy columns of ``processes.csv`` (``established``,
``next_review``) and ``kpis.csv`` (``objective``): reading them with one problem per bad
cell (a status or level that is not one, a date that is not ``YYYY-MM-DD``, an unknown
objective, process, person or KPI), and the rows an export writes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from procmodeler.common.i18n import N_
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import Improvement, Objective, is_date

if TYPE_CHECKING:
    from procmodeler.io.register.builder import _Builder
    from procmodeler.io.register.tables import _Row, _Table

#: Words of ``status`` in ``improvements.csv`` (case-insensitive): English and Swedish.
STATUS_ALIASES = {
    "idea": "idea",
    "planned": "planned",
    "ongoing": "ongoing",
    "done": "done",
    "dropped": "dropped",
    "idé": "idea",
    "planerad": "planned",
    "pågående": "ongoing",
    "klar": "done",
    "avbruten": "dropped",
}
#: Words of ``established`` in ``processes.csv`` (case-insensitive): English and Swedish.
LEVEL_ALIASES = {
    "described": "described",
    "in_use": "in_use",
    "measured": "measured",
    "improving": "improving",
    "beskriven": "described",
    "används": "in_use",
    "mäts": "measured",
    "förbättras": "improving",
}
_DATES = ("started", "due", "done")


def date_cell(b: _Builder, table: _Table, row: _Row, column: str) -> tuple[bool, str | None]:
    """``(ok, date)`` of a date cell: empty is None; anything but a calendar date
    ``YYYY-MM-DD`` is an error at the cell."""
    text = row.cells.get(column, "")
    if not text:
        return True, None
    if not is_date(text):
        b.error(table, row, column, N_("'{value}' is not a date YYYY-MM-DD"), value=text)
        return False, None
    return True, text


def optional_choice(
    b: _Builder, table: _Table, row: _Row, column: str, aliases: dict[str, str]
) -> tuple[bool, str | None]:
    """``(ok, word)`` of an optional choice cell (empty: None)."""
    if not row.cells.get(column):
        return True, None
    found = b.choice(table, row, column, aliases)
    return found is not None, found


def process_strategy(b: _Builder, table: _Table, row: _Row) -> dict[str, Any] | None:
    """``established`` and ``next_review`` of a process row (None: an error was reported)."""
    ok_level, level = optional_choice(b, table, row, "established", LEVEL_ALIASES)
    ok_date, review = date_cell(b, table, row, "next_review")
    if not (ok_level and ok_date):
        return None
    return {"established": level, "next_review": review}


def read_objectives(b: _Builder) -> dict[str, Objective]:
    objectives: dict[str, Objective] = {}
    table = b.tables.get("objectives")
    defined: dict[str, _Row] = {}
    b.rows_of["objectives"] = defined
    for row in b.rows("objectives"):
        assert table is not None
        raw = row.cells["id"]
        name = b.required(table, row, "name")
        if not raw or not b._defines(raw, table, row):
            continue
        oid = b.model_id[raw]
        objectives[oid] = Objective(
            oid,
            name or "",
            b.ref(table, row, "parent", "objective"),
            b.ref(table, row, "owner", "person"),
            row.cells.get("horizon", ""),
            row.cells.get("description", ""),
            None if raw == oid else raw,
        )
        defined[oid] = row
    return objectives


def read_contributions(b: _Builder) -> dict[tuple[str, str], str]:
    contributions: dict[tuple[str, str], str] = {}
    first_line: dict[tuple[str, str], int] = {}
    table = b.tables.get("contributions")
    for row in b.rows("contributions"):
        assert table is not None
        raw_o = b.required(table, row, "objective")
        raw_p = b.required(table, row, "process")
        oid = b.ref(table, row, "objective", "objective") if raw_o else None
        pid = b.ref(table, row, "process", "process") if raw_p else None
        if oid is None or pid is None:
            continue
        if (oid, pid) in contributions:
            b.error(
                table,
                row,
                "process",
                N_("'{process}' already contributes to '{objective}' (line {line})"),
                process=raw_p,
                objective=raw_o,
                line=first_line[(oid, pid)],
            )
            continue
        contributions[(oid, pid)] = row.cells.get("note", "")
        first_line[(oid, pid)] = row.line
    return contributions


def read_improvements(b: _Builder) -> dict[str, Improvement]:
    improvements: dict[str, Improvement] = {}
    table = b.tables.get("improvements")
    defined: dict[str, _Row] = {}
    b.rows_of["improvements"] = defined
    for row in b.rows("improvements"):
        assert table is not None
        raw = row.cells["id"]
        raw_p = b.required(table, row, "process")
        title = b.required(table, row, "title")
        ok, status = optional_choice(b, table, row, "status", STATUS_ALIASES)
        dates = [date_cell(b, table, row, column) for column in _DATES]
        pid = b.ref(table, row, "process", "process") if raw_p else None
        responsible = b.ref(table, row, "responsible", "person")
        kpi = b.ref(table, row, "kpi", "kpi")
        if not raw or not b._defines(raw, table, row):
            continue
        if not ok or not all(good for good, _ in dates) or pid is None or title is None:
            continue
        iid = b.model_id[raw]
        started, due, done = (value for _, value in dates)
        improvements[iid] = Improvement(
            iid,
            pid,
            title,
            status or "idea",
            responsible,
            kpi,
            started,
            due,
            done,
            row.cells.get("description", ""),
            None if raw == iid else raw,
        )
        defined[iid] = row
    return improvements


# ---------------------------------------------------------------------- export
def strategy_tables(arch: Architecture, ref: Any, rid: Any) -> dict[str, list[list[Any]]]:
    """The rows of the three strategy files (header first), each only when the model
    has such records; *ref* writes a reference, *rid* an element's own id."""
    tables: dict[str, list[list[Any]]] = {}
    objectives, processes, people = arch.objectives, arch.processes, arch.people
    if objectives:
        tables["objectives"] = [
            ["id", "name", "parent", "owner", "horizon", "description"],
            *(
                [
                    rid(o),
                    o.name,
                    ref(objectives, o.parent),
                    ref(people, o.owner),
                    o.horizon,
                    o.description,
                ]
                for o in objectives.values()
            ),
        ]
    if arch.contributions:
        tables["contributions"] = [
            ["objective", "process", "note"],
            *(
                [ref(objectives, oid), ref(processes, pid), note]
                for (oid, pid), note in arch.contributions.items()
            ),
        ]
    if arch.improvements:
        tables["improvements"] = [
            ["id", "process", "title", "status", "responsible", "kpi", *_DATES, "description"],
            *(
                [
                    rid(i),
                    ref(processes, i.process),
                    i.title,
                    i.status,
                    ref(people, i.responsible),
                    i.kpi or "",
                    i.started or "",
                    i.due or "",
                    i.done or "",
                    i.description,
                ]
                for i in arch.improvements.values()
            ),
        ]
    return tables
