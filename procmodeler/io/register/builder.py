"""Building a model from read register tables, and the import entry point."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from procmodeler.common.errors import Problem, UserError
from procmodeler.common.gcpause import gc_paused
from procmodeler.common.i18n import LANGUAGES, N_, Message
from procmodeler.io.register.atonce import (
    DIRECTION_CHOICES,
    KPI_KIND_CHOICES,
    RELATION_KIND_CHOICES,
    STATUS_CHOICES,
    declare_at_once,
    kpis_at_once,
    processes_at_once,
    raci_at_once,
    relations_at_once,
)
from procmodeler.io.register.cells import parse_number, split_objects
from procmodeler.io.register.csvreader import _read_folder
from procmodeler.io.register.measurements import read_measurements
from procmodeler.io.register.spec import (
    KIND_ALIASES,
    KPI_PREFIX,
    META_PROPERTIES,
    RELATION_PREFIX,
    ImportResult,
)
from procmodeler.io.register.strategy import (
    process_strategy,
    read_contributions,
    read_improvements,
    read_objectives,
)
from procmodeler.io.register.tables import _Collector, _Row, _Table
from procmodeler.io.register.wording import (
    REF_FILE_OF,
    REF_NO_FILE,
    REF_NO_SUCH,
    REF_WRONG_KIND,
    report_violations,
)
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import (
    Kpi,
    Metadata,
    Person,
    Process,
    Relation,
    Unit,
    default_direction,
    normalize_letters,
    not_ncnames,
)
from procmodeler.model.ids import IdAllocator, ncnames_from
from procmodeler.model.records import record_maker
from procmodeler.model.validate import Violation, cycle_violations, violations

# ====================================================================== building
_KIND_OF = {
    "units": "unit",
    "people": "person",
    "processes": "process",
    "objectives": "objective",
    "improvements": "improvement",
}

# Tens of thousands of records are made at once: without a frozen dataclass's
# object.__setattr__ per field (model/records.py).
_unit, _person, _process = record_maker(Unit), record_maker(Person), record_maker(Process)
_relation, _kpi = record_maker(Relation), record_maker(Kpi)


class _Builder:
    """Checks the tables of a register and builds the model."""

    def __init__(self, tables: dict[str, _Table], out: _Collector, source_name: str) -> None:
        self.tables = tables
        self.out = out
        self.source_name = source_name
        self.raw_kind: dict[str, str] = {}  # register id -> unit / person / process / ...
        self.model_id: dict[str, str] = {}  # register id -> model id
        self.origin: dict[str, tuple[_Table, int]] = {}  # register id -> table, line
        self.ids = IdAllocator()
        #: collection -> id of a built element -> its row (in the table of that name)
        self.rows_of: dict[str, Mapping[str, _Row]] = {}
        self.refused: set[tuple[str, int]] = set()  # (file, line) of rows with an error

    def rows(self, name: str) -> list[_Row]:
        table = self.tables.get(name)
        return table.rows if table is not None and table.usable else []

    def required(self, table: _Table, row: _Row, column: str) -> str | None:
        value = row.cells.get(column, "")
        if not value and column != "roles":
            self.refused.add((table.display, row.line))
            self.out.error(
                table.display,
                row.line,
                table.column(column),
                Message(N_("the required cell '{column}' is empty"), column=column),
            )
            return None
        return value

    def error(self, table: _Table, row: _Row, column: str | None, msgid: str, **args: Any) -> None:
        self.refused.add((table.display, row.line))
        self.out.error(
            table.display,
            row.line,
            table.column(column) if column else None,
            Message(msgid, **args),
        )

    # .................................................................. ids
    def declare(self, name: str, kind: str, column: str = "id") -> None:
        table = self.tables.get(name)
        if table is None or not table.usable:
            return
        if table.columns is not None and declare_at_once(self, table, kind, column):
            return
        for row in table.rows:
            raw = row.cells.get(column, "")
            if not raw:
                if column == "id" and name in _KIND_OF:
                    self.required(table, row, column)
                continue
            if raw in self.raw_kind:
                self.error(
                    table,
                    row,
                    column,
                    N_("the id '{id}' is already used at {where}"),
                    id=raw,
                    where=self._here(*self.origin[raw]),
                )
                continue
            self.raw_kind[raw] = kind
            self.origin[raw] = (table, row.line)

    def map_ids(self) -> None:
        invalid = not_ncnames(list(self.raw_kind))
        valid = self.raw_kind.keys() - invalid
        self.ids = IdAllocator(set(valid))
        self.model_id.update(zip(valid, valid, strict=True))
        mapped = self.ids.free_many(ncnames_from(invalid))
        self.model_id.update(zip(invalid, mapped, strict=True))
        # The notes of one file come in line order: after the first that is not kept,
        # none of that file is (a file of 10,000 numbered ids has 500 notes kept).
        full: set[str] = set()
        left_out = 0
        for raw, new in zip(invalid, mapped, strict=True):
            table, line = self.origin[raw]
            if table.display in full:
                left_out += 1
                continue
            if not self.out.wants_note(table.display, line):
                full.add(table.display)
                continue
            self.out.note(
                table.display,
                line,
                table.column("id"),
                Message(
                    N_(
                        "'{original}' is not a valid id (an XML NCName); it becomes '{id}' "
                        "and the original is kept for export"
                    ),
                    original=raw,
                    id=new,
                ),
            )
        self.out.notes.omitted += left_out

    def ref(self, table: _Table, row: _Row, column: str, kind: str) -> str | None:
        """The model id of a reference cell (None: empty or an error reported)."""
        raw = row.cells.get(column, "")
        if not raw:
            return None
        found = self.raw_kind.get(raw, "")
        if found == kind:
            return self.model_id[raw]
        if (kind, found) in REF_WRONG_KIND:
            self.error(table, row, column, REF_WRONG_KIND[(kind, found)], id=raw)
        elif kind != "process" and REF_FILE_OF[kind] not in self.tables:
            self.error(table, row, column, REF_NO_FILE[kind], id=raw)
        else:
            self.error(table, row, column, REF_NO_SUCH[kind], id=raw)
        return None

    def choice(self, table: _Table, row: _Row, column: str, aliases: dict[str, str]) -> str | None:
        value = self.required(table, row, column)
        if value is None:
            return None
        found = aliases.get(value.casefold())
        if found is None:
            self.error(
                table,
                row,
                column,
                N_("'{value}' is not allowed here; use one of: {allowed}"),
                value=value,
                allowed=", ".join(dict.fromkeys(aliases)),
            )
        return found

    def generated(self, prefix: str, ids: list[str | None]) -> list[str]:
        """*ids* with new ids ``prefix<N>`` in the places of rows without one (None), in
        row order, after every given id is known (the one id policy)."""
        count = ids.count(None)
        if count == len(ids):  # no row gives one (a register's relations and KPIs, as a rule)
            return self.ids.numbered_many(prefix, count)
        new = iter(self.ids.numbered_many(prefix, count))
        return [given or next(new) for given in ids]

    # .................................................................. the model
    def build(self, with_layout: bool = True) -> Architecture:
        self.declare("units", "unit")
        self.declare("people", "person")
        self.declare("processes", "process")
        self.declare("relations", "relation")
        self.declare("kpis", "kpi")
        self.declare("objectives", "objective")
        self.declare("improvements", "improvement")
        self.map_ids()

        meta = self.read_meta()
        units = self.read_units()
        people = self.read_people()
        processes = self.read_processes()
        participation = self.read_raci()
        relations = self.read_relations()
        objectives = read_objectives(self)
        kpis = read_measurements(self, self.read_kpis())
        collections: dict[str, dict[Any, Any]] = {
            "units": units,
            "people": people,
            "processes": processes,
            "relations": relations,
            "participation": participation,
            "kpis": kpis,
            "objectives": objectives,
            "contributions": read_contributions(self),
            "improvements": read_improvements(self),
        }
        model = Architecture.from_collections(meta, dict(collections))
        # Without an error so far every cell and reference has been checked as it was
        # read (ids, references, words, numbers, dates, names): only the cycles are left
        # (tests/io/test_importers_valid.py damages registers in every such way).
        self.report(violations(model) if self.out.errors else cycle_violations(model))
        self.out.raise_errors()
        if not with_layout:
            return Architecture.from_collections(meta, collections)
        from procmodeler.io.layout import layout  # only for readers that draw
        from procmodeler.notation.router import route_level

        shapes = layout(Architecture.from_collections(meta, dict(collections)))
        placed = Architecture.from_collections(meta, {**collections, "shapes": shapes})
        waypoints = {level: route_level(placed, level) for level in shapes}
        waypoints = {level: routes for level, routes in waypoints.items() if routes}
        return Architecture.from_collections(
            meta, {**collections, "shapes": shapes, "waypoints": waypoints}
        )

    def report(self, found: list[Violation]) -> None:
        """Report what the validator finds in the register's words (a row that already
        has an error is not reported again)."""
        report_violations(self, found)

    def read_meta(self) -> Metadata:
        values: dict[str, Any] = {"name": self.source_name}
        table = self.tables.get("architecture")
        for row in self.rows("architecture"):
            assert table is not None
            prop = self.required(table, row, "property")
            if prop is None:
                continue
            key = prop.casefold()
            if key not in META_PROPERTIES:
                self.out.warn(
                    table.display,
                    row.line,
                    table.column("property"),
                    Message(N_("unknown property '{name}' is ignored"), name=prop),
                )
                continue
            value = row.cells.get("value", "")
            if key == "language":
                value = value.casefold()
                if value not in LANGUAGES:
                    self.error(
                        table,
                        row,
                        "value",
                        N_("'{value}' is not allowed here; use one of: {allowed}"),
                        value=value,
                        allowed=", ".join(LANGUAGES),
                    )
                    continue
            values[key] = value
        return Metadata(**values)

    def read_units(self) -> dict[str, Unit]:
        units: dict[str, Unit] = {}
        table = self.tables.get("units")
        defined: dict[str, _Row] = {}
        self.rows_of["units"] = defined
        for row in self.rows("units"):
            assert table is not None
            raw = row.cells["id"]
            name = self.required(table, row, "name")
            if not raw or not self._defines(raw, table, row):
                continue
            uid = self.model_id[raw]
            parent = self.ref(table, row, "parent", "unit")
            head = self.ref(table, row, "head", "person")
            units[uid] = _unit(uid, name or "", parent, head, None if raw == uid else raw)
            defined[uid] = row
        return units

    @staticmethod
    def _here(table: _Table, line: int) -> str:
        return f"{Path(table.display).name}:{line}"

    def _defines(self, raw: str, table: _Table, row: _Row) -> bool:
        """True when *row* of *table* is where the id *raw* is defined (not a later
        duplicate)."""
        origin = self.origin.get(raw)
        return origin is not None and origin[0] is table and origin[1] == row.line

    def read_people(self) -> dict[str, Person]:
        people: dict[str, Person] = {}
        table = self.tables.get("people")
        for row in self.rows("people"):
            assert table is not None
            raw = row.cells["id"]
            name = self.required(table, row, "name")
            if not raw or not self._defines(raw, table, row):
                continue
            person_id = self.model_id[raw]
            unit = self.ref(table, row, "unit", "unit")
            people[person_id] = _person(
                person_id,
                name or "",
                unit,
                row.cells.get("title", ""),
                None if raw == person_id else raw,
            )
        return people

    def read_processes(self) -> dict[str, Process]:
        table = self.tables.get("processes")
        if (
            table is not None
            and table.usable
            and (at_once := processes_at_once(self, table)) is not None
        ):
            return at_once
        processes: dict[str, Process] = {}
        defined: dict[str, _Row] = {}
        self.rows_of["processes"] = defined
        for row in self.rows("processes"):
            assert table is not None
            raw = row.cells["id"]
            name = self.required(table, row, "name")
            kind = self.choice(table, row, "kind", KIND_ALIASES)
            status: str | None = "draft"
            if row.cells.get("status"):
                status = self.choice(table, row, "status", STATUS_CHOICES)
            strategy = process_strategy(self, table, row)
            if not raw or not self._defines(raw, table, row) or strategy is None:
                continue
            pid = self.model_id[raw]
            parent = self.ref(table, row, "parent", "process")
            owner = self.ref(table, row, "owner", "person")
            leader = self.ref(table, row, "leader", "person")
            defined[pid] = row
            processes[pid] = _process(
                id=pid,
                name=name or "",
                kind=kind or "core",
                parent=parent,
                purpose=row.cells.get("purpose", ""),
                customer=row.cells.get("customer", ""),
                need=row.cells.get("need", ""),
                result=row.cells.get("result", ""),
                objects_in=split_objects(row.cells.get("objects_in", "")),
                objects_out=split_objects(row.cells.get("objects_out", "")),
                owner=owner,
                leader=leader,
                status=status or "draft",
                original_id=None if raw == pid else raw,
                **strategy,
            )
        return processes

    def read_raci(self) -> dict[tuple[str, str], str]:
        table = self.tables.get("raci")
        if (
            table is not None
            and table.usable
            and (at_once := raci_at_once(self, table)) is not None
        ):
            return at_once
        participation: dict[tuple[str, str], str] = {}
        first_line: dict[tuple[str, str], int] = {}
        for row in self.rows("raci"):
            assert table is not None
            raw_p = self.required(table, row, "process")
            raw_u = self.required(table, row, "unit")
            pid = self.ref(table, row, "process", "process") if raw_p else None
            uid = self.ref(table, row, "unit", "unit") if raw_u else None
            try:
                letters = normalize_letters(row.cells.get("roles", ""))
            except ValueError as exc:
                self.error(
                    table,
                    row,
                    "roles",
                    N_("'{letter}' is not a RACI letter; use R, A, C or I"),
                    letter=str(exc),
                )
                continue
            if pid is None or uid is None:
                continue
            key = (pid, uid)
            if key in participation:
                merged = normalize_letters(participation[key] + letters)
                self.out.warn(
                    table.display,
                    row.line,
                    table.column("roles"),
                    Message(
                        N_(
                            "the unit '{unit}' already takes part in '{process}' (line "
                            "{line}); the letters are merged into '{letters}'"
                        ),
                        unit=raw_u,
                        process=raw_p,
                        line=first_line[key],
                        letters=merged,
                    ),
                )
                participation[key] = merged
                continue
            participation[key] = letters
            first_line[key] = row.line
        return participation

    def read_relations(self) -> dict[str, Relation]:
        table = self.tables.get("relations")
        if table is None:
            return {}
        if table.usable and (at_once := relations_at_once(self, table)) is not None:
            return at_once
        pending: list[tuple[_Row, str | None, str, str, str]] = []
        raw_kind, model_id = self.raw_kind, self.model_id
        for row in self.rows("relations"):
            cells = row.cells
            cell_s, cell_t = cells.get("source", ""), cells.get("target", "")
            kind = RELATION_KIND_CHOICES.get(cells.get("kind", "").casefold())
            source: str | None
            target: str | None
            if kind and raw_kind.get(cell_s) == "process" and raw_kind.get(cell_t) == "process":
                source, target = model_id[cell_s], model_id[cell_t]  # the usual row, no error
            else:  # each problem reported, in the order of the columns
                raw_s = self.required(table, row, "source")
                raw_t = self.required(table, row, "target")
                kind = self.choice(table, row, "kind", RELATION_KIND_CHOICES)
                source = self.ref(table, row, "source", "process") if raw_s else None
                target = self.ref(table, row, "target", "process") if raw_t else None
            raw = cells.get("id", "")
            if raw and not self._defines(raw, table, row):
                continue
            if source is None or target is None or kind is None:
                continue
            pending.append((row, model_id[raw] if raw else None, source, target, kind))
        relations: dict[str, Relation] = {}
        defined: dict[str, _Row] = {}
        self.rows_of["relations"] = defined
        rids = self.generated(RELATION_PREFIX, [p[1] for p in pending])
        for rid, (row, _, source, target, kind) in zip(rids, pending, strict=True):
            relations[rid] = _relation(rid, source, target, kind, row.cells.get("object", ""))
            defined[rid] = row
        return relations

    def read_kpis(self) -> dict[str, Kpi]:
        table = self.tables.get("kpis")
        if (
            table is not None
            and table.usable
            and (at_once := kpis_at_once(self, table)) is not None
        ):
            return at_once
        kpis: dict[str, Kpi] = {}
        pending: list[tuple[str | None, tuple[Any, ...], str | None]] = []
        for row in self.rows("kpis"):
            assert table is not None
            raw_p = self.required(table, row, "process")
            name = self.required(table, row, "name")
            kind = self.choice(table, row, "kind", KPI_KIND_CHOICES)
            pid = self.ref(table, row, "process", "process") if raw_p else None
            direction: str | None = None
            if row.cells.get("direction"):
                direction = self.choice(table, row, "direction", DIRECTION_CHOICES)
                if direction is None:
                    continue
            numbers: dict[str, float | None] = {}
            ok = True
            for column in ("target", "actual"):
                text = row.cells.get(column, "")
                try:
                    numbers[column] = parse_number(text) if text else None
                except ValueError:
                    self.error(table, row, column, N_("'{value}' is not a number"), value=text)
                    ok = False
            objective = self.ref(table, row, "objective", "objective")
            raw = row.cells.get("id", "")
            if raw and not self._defines(raw, table, row):
                continue
            if not ok or pid is None or name is None or kind is None:
                continue
            if objective is None and row.cells.get("objective"):
                continue
            fields = (
                pid,
                name,
                kind,
                row.cells.get("measure", ""),
                direction or default_direction(kind),
                numbers["target"],
                numbers["actual"],
            )
            pending.append((self.model_id[raw] if raw else None, fields, objective))
        kids = self.generated(KPI_PREFIX, [p[0] for p in pending])
        for kid, (_, fields, objective) in zip(kids, pending, strict=True):
            kpis[kid] = _kpi(kid, *fields, objective=objective)
        return kpis


# ====================================================================== import
def import_register(path: str | os.PathLike[str], with_layout: bool = True) -> ImportResult:
    """Read a register (a folder of CSV files or an ``.xlsx`` workbook) into a new model
    with the automatic layout. Problems raise :class:`UserError` (one per problem).

    ``with_layout=False`` leaves the model without geometry, for readers that draw
    nothing (``check``, ``export-register``): the layout places every process, so only
    ``orphan.unplaced`` could tell the difference, and it finds nothing in a register."""
    with gc_paused():  # tens of thousands of rows and elements, no cycles
        return _import_register(Path(path), with_layout)


def _import_register(source: Path, with_layout: bool) -> ImportResult:
    out = _Collector()
    if source.is_dir():
        tables = _read_folder(source, out)
        name = source.resolve().name
    elif source.suffix.casefold() == ".xlsx" and source.is_file():
        from procmodeler.io.register.xlsxreader import _read_workbook  # openpyxl: on use

        tables = _read_workbook(source, out)
        name = source.stem
    elif not source.exists():
        raise UserError(Problem(str(source), Message(N_("does not exist"))))
    else:
        raise UserError(
            Problem(
                str(source),
                Message(N_("is neither a folder of CSV files nor an .xlsx workbook")),
            )
        )
    out.raise_errors()
    builder = _Builder(tables, out, name)
    arch = builder.build(with_layout)
    warnings_ = out.warnings.problems(
        str(source),
        lambda n: Message(N_("... and {n} more warning"), N_("... and {n} more warnings"), n),
    )
    notes = out.notes.problems(
        str(source), lambda n: Message(N_("... and {n} more note"), N_("... and {n} more notes"), n)
    )
    return ImportResult(arch, warnings_, notes, out.warnings.omitted, out.notes.omitted)
