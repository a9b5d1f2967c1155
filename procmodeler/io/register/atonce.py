"""Building a usual register table at once: whole columns checked and made into records
by ``map`` and ``set`` passes, not a Python step per cell, for a table read at once
(``csvreader._read_at_once``) whose every cell the row-by-row builder would take without
a word. Each function changes nothing and returns None (False) when it finds anything
else: the builder then goes row by row, reports what it finds, and builds the same model
from a usual table (tests/io/test_register_at_once.py)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from itertools import compress, repeat
from typing import TYPE_CHECKING

from procmodeler.io.register.cells import parse_number, split_objects
from procmodeler.io.register.spec import KIND_ALIASES, KPI_PREFIX, RELATION_PREFIX
from procmodeler.io.register.strategy import LEVEL_ALIASES
from procmodeler.io.register.tables import _Row, _Table
from procmodeler.model.elements import (
    DIRECTIONS,
    KPI_KINDS,
    PROCESS_STATUSES,
    RELATION_KINDS,
    Kpi,
    Process,
    Relation,
    default_direction,
    is_date,
    normalize_letters,
)
from procmodeler.model.records import record_maker

if TYPE_CHECKING:
    from procmodeler.io.register.builder import _Builder

_process, _relation, _kpi = record_maker(Process), record_maker(Relation), record_maker(Kpi)
# The allowed values of the choice columns (value -> itself).
RELATION_KIND_CHOICES = {k: k for k in RELATION_KINDS}
KPI_KIND_CHOICES = {k: k for k in KPI_KINDS}
DIRECTION_CHOICES = {d: d for d in DIRECTIONS}
STATUS_CHOICES = {s: s for s in PROCESS_STATUSES}
#: Columns of plain numbers (``12``, ``3,5``, ``3.5``) or empty cells, one a line.
_PLAIN_NUMBERS = re.compile(r"(?:[0-9]+(?:[.,][0-9]+)?)?(?:\n(?:[0-9]+(?:[.,][0-9]+)?)?)*")


class RowsById(Mapping[str, _Row]):
    """Element id -> its row, for a table built at once: the rows are made only when a
    message asks for one (the row of the *i*-th id is the table's *i*-th row)."""

    def __init__(self, table: _Table, ids: list[str]) -> None:
        self.table = table
        self.ids = ids
        self._index: dict[str, int] | None = None

    def __getitem__(self, key: str) -> _Row:
        if self._index is None:
            self._index = dict(zip(self.ids, range(len(self.ids)), strict=True))
        return self.table.rows[self._index[key]]

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)


def declare_at_once(b: _Builder, table: _Table, kind: str, column: str) -> bool:
    """Declare the ids of *column* (empty cells have none), when none is taken."""
    assert table.columns is not None
    ids = table.columns.get(column)
    if ids is None:
        return True
    lines: range | list[int] = range(table.first_line, table.first_line + len(ids))
    if "" in ids:
        given = list(map(bool, ids))
        ids, lines = list(compress(ids, given)), list(compress(lines, given))
    if len(set(ids)) != len(ids) or not b.raw_kind.keys().isdisjoint(ids):
        return False
    b.raw_kind.update(dict.fromkeys(ids, kind))
    b.origin.update(zip(ids, zip(repeat(table), lines), strict=True))
    table.declared_at_once = True
    return True


def _refs(b: _Builder, table: _Table, column: str, kind: str) -> list[str | None] | None:
    """The model ids of a reference column (None in an empty cell), or None when a cell
    names no element of *kind*."""
    assert table.columns is not None
    cells = table.columns.get(column)
    if cells is None:
        return [None] * len(next(iter(table.columns.values())))
    named = set(cells)
    named.discard("")
    if not {kind}.issuperset(map(b.raw_kind.get, named)):
        return None
    return list(map(b.model_id.get, cells))  # "" is no register id: None


def _choices(
    table: _Table, column: str, aliases: dict[str, str], empty: str | None
) -> list[str | None] | None:
    """The words of a choice column (*empty* in an empty cell), or None when a cell
    holds a word that is not allowed."""
    assert table.columns is not None
    cells = table.columns.get(column)
    if cells is None:
        return [empty] * len(next(iter(table.columns.values())))
    if not any(cells):
        return [empty] * len(cells)
    found = list(map(aliases.get, map(str.casefold, cells)))
    if None not in found:
        return found
    if any(word is None and cell for word, cell in zip(found, cells, strict=True)):
        return None
    return [empty if word is None else word for word in found]


def _texts(table: _Table, column: str) -> list[str] | repeat[str]:
    assert table.columns is not None
    return table.columns.get(column) or repeat("")


def processes_at_once(b: _Builder, table: _Table) -> dict[str, Process] | None:
    """``processes.csv`` built at once (see the module)."""
    cells = table.columns
    if cells is None or not table.declared_at_once:
        return None
    kinds = _choices(table, "kind", KIND_ALIASES, None)
    statuses = _choices(table, "status", STATUS_CHOICES, "draft")
    levels = _choices(table, "established", LEVEL_ALIASES, None)
    reviews = cells.get("next_review")
    if kinds is None or None in kinds or statuses is None or levels is None:
        return None
    if reviews is not None and not all(map(is_date, filter(None, reviews))):
        return None
    parents = _refs(b, table, "parent", "process")
    owners = _refs(b, table, "owner", "person")
    leaders = _refs(b, table, "leader", "person")
    if parents is None or owners is None or leaders is None:
        return None
    raws = cells["id"]
    pids = list(map(b.model_id.__getitem__, raws))
    objects_in, objects_out = cells.get("objects_in"), cells.get("objects_out")
    records = [
        _process(pid, *fields, None if raw == pid else raw, level, review or None)
        for pid, raw, level, review, *fields in zip(
            pids,
            raws,
            levels,
            reviews or repeat(None),
            cells["name"],
            kinds,
            parents,
            _texts(table, "purpose"),
            _texts(table, "customer"),
            _texts(table, "need"),
            _texts(table, "result"),
            map(split_objects, objects_in) if objects_in else repeat(()),
            map(split_objects, objects_out) if objects_out else repeat(()),
            owners,
            leaders,
            statuses,
            strict=False,  # absent columns are endless repeats
        )
    ]
    b.rows_of["processes"] = RowsById(table, pids)
    return dict(zip(pids, records, strict=True))


def raci_at_once(b: _Builder, table: _Table) -> dict[tuple[str, str], str] | None:
    """``raci.csv`` built at once (see the module); None too when a unit is named twice
    for a process (the row-by-row builder merges the letters with a warning)."""
    cells = table.columns
    if cells is None:
        return None
    processes = _refs(b, table, "process", "process")
    units = _refs(b, table, "unit", "unit")
    if processes is None or units is None:
        return None
    try:
        letters = list(map(normalize_letters, cells["roles"]))
    except ValueError:
        return None
    participation = dict(zip(zip(processes, units, strict=True), letters, strict=True))
    if len(participation) != len(letters):
        return None
    return participation  # type: ignore[return-value]  # no cell of either is empty


def relations_at_once(b: _Builder, table: _Table) -> dict[str, Relation] | None:
    """``relations.csv`` built at once (see the module)."""
    cells = table.columns
    if cells is None or ("id" in cells and not table.declared_at_once):
        return None
    kinds = _choices(table, "kind", RELATION_KIND_CHOICES, None)
    sources = _refs(b, table, "source", "process")
    targets = _refs(b, table, "target", "process")
    if kinds is None or sources is None or targets is None:
        return None
    given = _given_ids(b, table)
    rids = b.generated(RELATION_PREFIX, given)
    objects = _texts(table, "object")
    b.rows_of["relations"] = RowsById(table, rids)
    return dict(zip(rids, map(_relation, rids, sources, targets, kinds, objects), strict=False))


def kpis_at_once(b: _Builder, table: _Table) -> dict[str, Kpi] | None:
    """``kpis.csv`` built at once (see the module)."""
    cells = table.columns
    if cells is None or ("id" in cells and not table.declared_at_once):
        return None
    kinds = _choices(table, "kind", KPI_KIND_CHOICES, None)
    directions = _choices(table, "direction", DIRECTION_CHOICES, None)
    processes = _refs(b, table, "process", "process")
    objectives = _refs(b, table, "objective", "objective")
    if kinds is None or directions is None or processes is None or objectives is None:
        return None
    try:
        numbers = [_numbers(_column(table, column)) for column in ("target", "actual")]
    except ValueError:
        return None
    given = _given_ids(b, table)
    kids = b.generated(KPI_PREFIX, given)
    directions = [d or default_direction(k or "") for d, k in zip(directions, kinds, strict=True)]
    records = map(
        _kpi,
        kids,
        processes,
        cells["name"],
        kinds,
        _texts(table, "measure"),
        directions,
        *numbers,
        repeat(()),  # the series: measurements.csv's, added after
        objectives,
    )
    return dict(zip(kids, records, strict=True))


def _given_ids(b: _Builder, table: _Table) -> list[str | None]:
    """The model ids of the ``id`` column (None where empty: a new one is made)."""
    assert table.columns is not None
    cells = table.columns.get("id")
    if cells is None:
        return [None] * len(next(iter(table.columns.values())))
    return list(map(b.model_id.get, cells))


def _column(table: _Table, column: str) -> list[str]:
    assert table.columns is not None
    return table.columns.get(column) or [""] * len(next(iter(table.columns.values())))


def _numbers(cells: list[str]) -> list[float | None]:
    """The numbers of a column (None where empty), as :func:`parse_number` reads each
    cell; ValueError for a cell that is not a number."""
    if not _PLAIN_NUMBERS.fullmatch("\n".join(cells)):
        return [parse_number(text) if text else None for text in cells]
    values = [float(text.replace(",", ".")) if text else None for text in cells]
    if not all(map(math.isfinite, filter(None, values))):  # hundreds of digits
        raise ValueError("not finite")
    return values
