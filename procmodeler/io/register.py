"""The process register: a model as a folder of CSV files or one ``.xlsx`` workbook.

The format is ``REGISTER.md`` (copied into ``docs/file-format.md``): ``processes.csv``
(required), ``units.csv``, ``people.csv``, ``raci.csv``, ``relations.csv``,
``kpis.csv``; in a workbook one sheet per file name. Three compatible additions let an
export carry a whole model except its geometry and check settings: the optional file
``architecture.csv`` (columns ``property``, ``value``: name, organisation, language,
version_label, author), the optional columns ``objects_in``, ``objects_out`` (separated
by ``;``) and ``status`` in ``processes.csv``, and an optional ``id`` column in
``relations.csv`` and ``kpis.csv``.

Import checks everything first and builds nothing when there is a problem: each
problem names the file, the line where the record starts and the column. A clean
register gives a model with the automatic layout of :mod:`procmodeler.io.layout`. The
model is built at once with ``Architecture.from_collections`` (an import is not an
undo history; the app opens the result as a new, unsaved model).

Cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-`` or
``@``) are written to CSV with a leading apostrophe (``'=x``), and an apostrophe in
front of such a cell is removed on import (so ``''=x`` stands for the text ``'=x``).
In a workbook such cells are stored as text cells, so they need no apostrophe.
"""

from __future__ import annotations

import contextlib
import csv
import heapq
import io
import math
import os
import re
import shutil
import tempfile
import unicodedata
import warnings
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from procmodeler.common.atomicfile import atomic_write_bytes, write_output_file
from procmodeler.common.errors import Problem, UserError, cannot_write
from procmodeler.common.i18n import LANGUAGES, N_, Message
from procmodeler.io.layout import layout
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import (
    DIRECTIONS,
    KPI_KINDS,
    NCNAME_CHAR_RE,
    PROCESS_STATUSES,
    RELATION_KINDS,
    Kpi,
    Metadata,
    Person,
    Process,
    Relation,
    Unit,
    default_direction,
    is_ncname,
    normalize_letters,
)

#: Files above this size are refused before they are read.
MAX_FILE_SIZE = 200 * 1024 * 1024

#: Rows (records after the header) a file or sheet may hold. Reading stops at the
#: limit, so time and memory stay bounded whatever the file holds. A register of
#: 10,000 processes has at most a few ten thousand rows in its largest file.
MAX_ROWS = 200_000

#: Errors, warnings and notes kept in full (each kind); the rest are only counted.
MAX_KEPT_PROBLEMS = 500

#: Prefixes of generated relation and KPI ids (the same as the editing layer's).
RELATION_PREFIX = "rel_"
KPI_PREFIX = "kpi_"


@dataclass(frozen=True)
class TableSpec:
    """One file of a register: its required and optional columns, in export order."""

    name: str
    required: tuple[str, ...]
    optional: tuple[str, ...]

    @property
    def columns(self) -> tuple[str, ...]:
        return self.required + self.optional

    @property
    def filename(self) -> str:
        return f"{self.name}.csv"


_PROCESS_TEXT = ("customer", "need", "result", "purpose")

SPECS: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        TableSpec(
            "processes",
            ("id", "name", "kind"),
            ("parent", "owner", "leader", *_PROCESS_TEXT, "objects_in", "objects_out", "status"),
        ),
        TableSpec("units", ("id", "name"), ("parent", "head")),
        TableSpec("people", ("id", "name"), ("unit", "title")),
        TableSpec("raci", ("process", "unit", "roles"), ()),
        TableSpec("relations", ("source", "target", "kind"), ("object", "id")),
        TableSpec(
            "kpis",
            ("process", "name", "kind"),
            ("measure", "direction", "target", "actual", "id"),
        ),
        TableSpec("architecture", ("property", "value"), ()),
    )
}

#: Export column order of the files whose ``id`` column comes first.
_EXPORT_COLUMNS: dict[str, tuple[str, ...]] = {
    "relations": ("id", "source", "target", "kind", "object"),
    "kpis": ("id", "process", "name", "kind", "measure", "direction", "target", "actual"),
}

META_PROPERTIES = ("name", "organisation", "language", "version_label", "author")

KIND_ALIASES = {
    "management": "management",
    "core": "core",
    "support": "support",
    "ledning": "management",
    "huvud": "core",
    "stöd": "support",
}

_FORMULA_START = ("=", "+", "-", "@")
_PROTECTED = re.compile(r"'+[=+\-@]")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


# ====================================================================== result
@dataclass
class ImportResult:
    """A register turned into a model, with the warnings and notes to show."""

    arch: Architecture
    warnings: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    #: Warnings and notes beyond the first :data:`MAX_KEPT_PROBLEMS`, only counted
    #: (the lists then end with one problem that says how many).
    warnings_omitted: int = 0
    notes_omitted: int = 0


# ====================================================================== cells
def protect(text: str) -> str:
    """A CSV cell that a spreadsheet shows as text: formula-like cells get an ``'``."""
    if text.startswith(_FORMULA_START) or _PROTECTED.match(text):
        return "'" + text
    return text


def unprotect(text: str) -> str:
    """The inverse of :func:`protect`."""
    if _PROTECTED.match(text):
        return text[1:]
    return text


def format_number(value: float | None) -> str:
    """A number as register text: no fraction when integral, else the shortest form."""
    if value is None:
        return ""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def parse_number(text: str) -> float:
    """A register number: ``12``, ``-3.5``, ``3,5`` (decimal comma), ``1 234,5``."""
    t = text.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace("\u2212", "-")
    if "," in t:
        if "." in t or t.count(",") > 1:
            raise ValueError(text)
        t = t.replace(",", ".")
    if not _NUMBER.fullmatch(t):
        raise ValueError(text)
    value = float(t)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def _clean(value: str) -> str:
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = value.strip()
    if value.isascii() or unicodedata.is_normalized("NFC", value):
        return value
    return unicodedata.normalize("NFC", value)


def mapped_id(original: str, taken: set[str]) -> str:
    """The NCName an invalid register id becomes: ``id_`` + the original with every
    character not allowed in an NCName replaced by ``_``, then ``_2``, ``_3``, ... while
    taken."""
    base = "id_" + "".join(ch if NCNAME_CHAR_RE.fullmatch(ch) else "_" for ch in original)
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}_{n}"
    return candidate


# ====================================================================== reading tables
@dataclass
class _Row:
    line: int
    cells: dict[str, str]  # canonical column -> cleaned cell


@dataclass
class _Table:
    spec: TableSpec
    display: str  # file name shown in messages
    headers: dict[str, str] = field(default_factory=dict)  # canonical column -> as written
    rows: list[_Row] = field(default_factory=list)
    usable: bool = True  # False when a required column is missing

    def column(self, name: str) -> str:
        return self.headers.get(name, name)


class _Kept:
    """The first *limit* problems in (file order, line, arrival) order, and a count of
    the rest: a file of millions of bad rows must not hold millions of problems."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.heap: list[tuple[tuple[Any, ...], Problem]] = []  # max-heap by negated key
        self.omitted = 0
        self.seq = 0

    def add(self, key: tuple[Any, ...], problem: Problem) -> None:
        self.seq += 1
        item = (tuple(-k for k in (*key, self.seq)), problem)
        if len(self.heap) < self.limit:
            heapq.heappush(self.heap, item)
        else:  # keep the smaller of the new one and the largest kept one
            heapq.heappushpop(self.heap, item)
            self.omitted += 1

    def __bool__(self) -> bool:
        return bool(self.heap)

    def problems(self) -> list[Problem]:
        """The kept problems, in order."""
        return [problem for _, problem in sorted(self.heap, reverse=True)]


class _Collector:
    def __init__(self) -> None:
        self.errors = _Kept(MAX_KEPT_PROBLEMS)
        self.warnings = _Kept(MAX_KEPT_PROBLEMS)
        self.notes = _Kept(MAX_KEPT_PROBLEMS)
        self.order: dict[str, int] = {}

    def _key(self, problem: Problem) -> tuple[int, int]:
        return (self.order.get(problem.file, 99), problem.line or 0)

    def error(self, file: str, line: int | None, column: str | None, msg: Message) -> None:
        problem = Problem(file, msg, line, column)
        self.errors.add(self._key(problem), problem)

    def warn(self, file: str, line: int | None, column: str | None, msg: Message) -> None:
        problem = Problem(file, msg, line, column)
        self.warnings.add(self._key(problem), problem)

    def note(self, file: str, line: int | None, column: str | None, msg: Message) -> None:
        problem = Problem(file, msg, line, column)
        self.notes.add(self._key(problem), problem)

    def raise_errors(self) -> None:
        if self.errors:
            raise UserError(self.errors.problems(), omitted=self.errors.omitted)


def _fill_table(
    table: _Table,
    records: Iterator[tuple[int, list[str]]],
    out: _Collector,
    unprotect_cells: bool,
) -> None:
    """Read the header and the rows of one file from ``(line, raw cells)`` records."""
    spec = table.spec
    header: list[tuple[int, str]] | None = None
    header_line = 1
    header_width = 0
    known = set(spec.columns)
    count = 0
    for line, raw in records:
        cells = [_clean(c) for c in raw]
        if unprotect_cells:
            cells = [unprotect(c) for c in cells]
        if not any(cells):
            continue
        if header is None:
            header_line = line
            header_width = len(cells)
            header = []
            seen: dict[str, int] = {}
            for i, name in enumerate(cells):
                key = name.casefold()
                if not key:
                    continue
                if key in seen:
                    out.error(
                        table.display,
                        line,
                        name,
                        Message(N_("the column '{column}' appears twice"), column=name),
                    )
                    table.usable = False
                    continue
                seen[key] = i
                if key in known:
                    header.append((i, key))
                    table.headers[key] = name
                else:
                    out.warn(
                        table.display,
                        line,
                        name,
                        Message(N_("unknown column '{column}' is ignored"), column=name),
                    )
            missing = [c for c in spec.required if c not in table.headers]
            for column in missing:
                hint = ""
                if len(cells) == 1 and ";" in cells[0]:
                    hint = "semicolon"
                out.error(
                    table.display,
                    line,
                    column,
                    Message(
                        N_(
                            "the required column '{column}' is missing (the file seems to be "
                            "separated by semicolons; save it separated by commas)"
                        )
                        if hint
                        else N_("the required column '{column}' is missing"),
                        column=column,
                    ),
                )
            if missing:
                table.usable = False
            continue
        count += 1
        if count > MAX_ROWS:
            out.error(
                table.display,
                line,
                None,
                Message(
                    N_(
                        "has more than {limit} rows; a register holds at most {limit} rows "
                        "per table"
                    ),
                    limit=MAX_ROWS,
                ),
            )
            table.usable = False
            return
        if any(cells[header_width:]):
            out.warn(
                table.display,
                line,
                None,
                Message(N_("has more cells than the header row; the extra ones are ignored")),
            )
        row = _Row(line, {key: (cells[i] if i < len(cells) else "") for i, key in header})
        table.rows.append(row)
    if header is None:
        out.error(
            table.display,
            header_line,
            None,
            Message(
                N_("is empty; the first row must name the columns ({columns})"),
                columns=", ".join(spec.required),
            ),
        )
        table.usable = False


def _csv_records(data: bytes, table: _Table, out: _Collector) -> Iterator[tuple[int, list[str]]]:
    """``(line where the record starts, cells)`` of a CSV file's UTF-8 bytes (checked by
    :func:`_decode`); a record the csv module cannot read ends the file with an error.

    The text is decoded as it is read, so reading that stops at :data:`MAX_ROWS` never
    holds the whole text (a ``StringIO`` of it would take four bytes a character)."""
    stream = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig", newline="")
    reader = csv.reader(stream, strict=False)
    last = 0
    while True:
        try:
            raw = next(reader)
        except StopIteration:
            return
        except csv.Error:
            out.error(
                table.display,
                last + 1,
                None,
                Message(
                    N_(
                        "has a cell longer than {limit} characters (is a quotation mark "
                        "not closed?)"
                    ),
                    limit=csv.field_size_limit(),
                ),
            )
            table.usable = False
            return
        start = last + 1
        last = reader.line_num
        yield start, raw


def _decode(data: bytes, display: str, out: _Collector) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        out.error(
            display,
            line,
            None,
            Message(
                N_(
                    "is not UTF-8 text (byte 0x{byte:02X} cannot be read); it was probably "
                    "saved as Windows-1252. In Excel choose Save As and the type 'CSV UTF-8 "
                    "(Comma delimited)'; in LibreOffice choose the character set 'Unicode "
                    "(UTF-8)'"
                ),
                byte=data[exc.start],
            ),
        )
        return None


def _read_bytes(path: Path, display: str, out: _Collector) -> bytes | None:
    try:
        if path.stat().st_size > MAX_FILE_SIZE:
            out.error(
                display,
                None,
                None,
                Message(
                    N_("is too large ({size} MB; the limit is {limit} MB)"),
                    size=path.stat().st_size // (1024 * 1024),
                    limit=MAX_FILE_SIZE // (1024 * 1024),
                ),
            )
            return None
        return path.read_bytes()
    except OSError as exc:
        out.error(
            display,
            None,
            None,
            Message(N_("cannot be read: {reason}"), reason=exc.strerror or str(exc)),
        )
        return None


def _read_folder(folder: Path, out: _Collector) -> dict[str, _Table]:
    files = {p.name.casefold(): p for p in sorted(folder.iterdir()) if p.is_file()}
    tables: dict[str, _Table] = {}
    for i, spec in enumerate(SPECS.values()):
        path = files.get(spec.filename)
        if path is None:
            continue
        display = str(folder / path.name)
        out.order[display] = i
        data = _read_bytes(path, display, out)
        if data is None:
            continue
        utf8 = _decode(data, display, out) is not None  # the text itself is not kept
        table = _Table(spec, display)
        tables[spec.name] = table
        if not utf8:
            table.usable = False
            continue
        _fill_table(table, _csv_records(data, table, out), out, unprotect_cells=True)
    for name, path in files.items():
        if name.endswith(".csv") and name[:-4] not in SPECS:
            out.warn(
                str(folder / path.name),
                None,
                None,
                Message(N_("is not a register file and is ignored")),
            )
    if "processes" not in tables:
        out.error(
            str(folder),
            None,
            None,
            Message(N_("has no processes.csv (the one file a register must have)")),
        )
    return tables


def _xlsx_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return format_number(value) if math.isfinite(value) else ""
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


class _SheetUnreadable(Exception):
    """openpyxl failed while reading the rows of a sheet (a damaged workbook)."""


def _sheet_records(ws: Any) -> Iterator[tuple[int, list[str]]]:
    """The ``(line, cells)`` records of a sheet; openpyxl's own errors on a damaged
    sheet become :class:`_SheetUnreadable` (errors of our code stay what they are)."""
    rows = ws.iter_rows(min_row=1, values_only=True)
    line = 0
    while True:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", UserWarning)
                row = next(rows)
        except StopIteration:
            return
        except Exception as exc:
            raise _SheetUnreadable() from exc
        line += 1
        yield line, [_xlsx_text(v) for v in row]


def _unreadable_workbook(display: str, exc: BaseException, out: _Collector) -> None:
    out.error(
        display,
        None,
        None,
        Message(
            N_("is not an .xlsx workbook that can be read ({reason})"),
            reason=str(exc) or type(exc).__name__,
        ),
    )


def _unpacked_size(data: bytes) -> int | None:
    """The total size the members of a zip file declare (zipfile never unpacks more
    than a member declares); None when it is no zip file (openpyxl then says so)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return sum(info.file_size for info in archive.infolist())
    except Exception:  # not a zip, or one zipfile cannot read: openpyxl will say so
        return None


@contextlib.contextmanager
def _no_dimension_scan() -> Iterator[None]:
    """Load a read-only workbook without openpyxl's scan for each sheet's size.

    On loading, openpyxl looks for a sheet's ``<dimension>`` element; when there is none
    before the rows (workbooks that openpyxl itself writes have none) it parses the
    whole sheet XML to its end and keeps every (cleared) element: a second full parse
    that took 18 s and 300 MB for a 96 MB sheet, however few of its rows are then read.
    The import never uses those sizes (it resets them and reads rows to their end), so
    the scan is skipped. Only this module reads workbooks in read-only mode, and it
    never needs the sizes, so the class attribute is safe to replace for the load.
    """
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    original = ReadOnlyWorksheet.__dict__.get("_get_size")
    if original is None:  # another openpyxl: load as it does
        yield
        return
    ReadOnlyWorksheet._get_size = lambda self: None
    try:
        yield
    finally:
        ReadOnlyWorksheet._get_size = original


def _read_workbook(path: Path, out: _Collector) -> dict[str, _Table]:
    import openpyxl  # imported here: only the register needs it

    display = str(path)
    if _read_bytes_size_ok(path, display, out) is False:
        return {}
    # Read into memory (at most MAX_FILE_SIZE): openpyxl leaves its own file handle
    # open when a damaged workbook makes it fail.
    data = _read_bytes(path, display, out)
    if data is None:
        return {}
    unpacked = _unpacked_size(data)
    if unpacked is not None and unpacked > MAX_FILE_SIZE:
        out.error(
            display,
            None,
            None,
            Message(  # the size of its content once unpacked
                N_("is too large ({size} MB; the limit is {limit} MB)"),
                size=unpacked // (1024 * 1024),
                limit=MAX_FILE_SIZE // (1024 * 1024),
            ),
        )
        return {}
    try:
        with warnings.catch_warnings():  # about styles, defined names etc.: not for users
            warnings.simplefilter("ignore", UserWarning)
            with _no_dimension_scan():
                workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        _unreadable_workbook(display, exc, out)
        return {}
    tables: dict[str, _Table] = {}
    try:
        sheets = {name.strip().casefold(): name for name in workbook.sheetnames}
        for i, spec in enumerate(SPECS.values()):
            sheet = sheets.get(spec.name)
            if sheet is None:
                continue
            sheet_display = f"{display}[{sheet}]"
            out.order[sheet_display] = i
            table = _Table(spec, sheet_display)
            tables[spec.name] = table
            ws = workbook[sheet]
            ws.reset_dimensions()
            try:
                _fill_table(table, _sheet_records(ws), out, unprotect_cells=False)
            except _SheetUnreadable as exc:
                _unreadable_workbook(sheet_display, exc.__cause__ or exc, out)
                table.usable = False
        for key, name in sheets.items():
            if key not in SPECS:
                out.warn(
                    f"{display}[{name}]",
                    None,
                    None,
                    Message(N_("is not a register sheet and is ignored")),
                )
    finally:
        workbook.close()
    if "processes" not in tables:
        out.error(
            display,
            None,
            None,
            Message(N_("has no sheet 'processes' (the one sheet a register must have)")),
        )
    return tables


def _read_bytes_size_ok(path: Path, display: str, out: _Collector) -> bool:
    try:
        size = path.stat().st_size
    except OSError as exc:
        out.error(
            display,
            None,
            None,
            Message(N_("cannot be read: {reason}"), reason=exc.strerror or str(exc)),
        )
        return False
    if size > MAX_FILE_SIZE:
        out.error(
            display,
            None,
            None,
            Message(
                N_("is too large ({size} MB; the limit is {limit} MB)"),
                size=size // (1024 * 1024),
                limit=MAX_FILE_SIZE // (1024 * 1024),
            ),
        )
        return False
    return True


# ====================================================================== building
_KIND_OF = {"units": "unit", "people": "person", "processes": "process"}

_NO_SUCH = {
    "unit": N_("there is no unit '{id}'"),
    "person": N_("there is no person '{id}'"),
    "process": N_("there is no process '{id}'"),
}
_NO_FILE = {
    "unit": N_("there is no unit '{id}' (the register has no units file)"),
    "person": N_("there is no person '{id}' (the register has no people file)"),
    "process": N_("there is no process '{id}'"),
}
_WRONG_KIND = {
    ("unit", "person"): N_("'{id}' is a person, not a unit"),
    ("unit", "process"): N_("'{id}' is a process, not a unit"),
    ("person", "unit"): N_("'{id}' is a unit, not a person"),
    ("person", "process"): N_("'{id}' is a process, not a person"),
    ("process", "unit"): N_("'{id}' is a unit, not a process"),
    ("process", "person"): N_("'{id}' is a person, not a process"),
}
_OTHER_KINDS = ("unit", "person", "process")


class _Builder:
    """Checks the tables of a register and builds the model."""

    def __init__(self, tables: dict[str, _Table], out: _Collector, source_name: str) -> None:
        self.tables = tables
        self.out = out
        self.source_name = source_name
        self.raw_kind: dict[str, str] = {}  # register id -> unit / person / process / ...
        self.model_id: dict[str, str] = {}  # register id -> model id
        self.where: dict[str, str] = {}  # register id -> "file:line"
        self.origin: dict[str, tuple[_Table, _Row]] = {}  # register id -> where defined
        self.taken: set[str] = set()

    def rows(self, name: str) -> list[_Row]:
        table = self.tables.get(name)
        return table.rows if table is not None and table.usable else []

    def required(self, table: _Table, row: _Row, column: str) -> str | None:
        value = row.cells.get(column, "")
        if not value and column != "roles":
            self.out.error(
                table.display,
                row.line,
                table.column(column),
                Message(N_("the required cell '{column}' is empty"), column=column),
            )
            return None
        return value

    def error(self, table: _Table, row: _Row, column: str | None, msgid: str, **args: Any) -> None:
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
                    where=self.where[raw],
                )
                continue
            self.raw_kind[raw] = kind
            self.where[raw] = self._here(table, row)
            self.origin[raw] = (table, row)

    def map_ids(self) -> None:
        taken = {raw for raw in self.raw_kind if is_ncname(raw)}
        for raw in self.raw_kind:
            if is_ncname(raw):
                self.model_id[raw] = raw
                continue
            new = mapped_id(raw, taken)
            taken.add(new)
            self.model_id[raw] = new
            table, row = self.origin[raw]
            self.out.note(
                table.display,
                row.line,
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
        self.taken = taken

    def ref(self, table: _Table, row: _Row, column: str, kind: str) -> str | None:
        """The model id of a reference cell (None: empty or an error reported)."""
        raw = row.cells.get(column, "")
        if not raw:
            return None
        found = self.raw_kind.get(raw)
        if found == kind:
            return self.model_id[raw]
        if found in _OTHER_KINDS:
            self.error(table, row, column, _WRONG_KIND[(kind, found)], id=raw)
        elif kind != "process" and {"unit": "units", "person": "people"}[kind] not in self.tables:
            self.error(table, row, column, _NO_FILE[kind], id=raw)
        else:
            self.error(table, row, column, _NO_SUCH[kind], id=raw)
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

    def generated(self, prefix: str) -> Callable[[], str]:
        counter = [0]

        def next_id() -> str:
            while True:
                counter[0] += 1
                candidate = f"{prefix}{counter[0]}"
                if candidate not in self.taken:
                    self.taken.add(candidate)
                    return candidate

        return next_id

    # .................................................................. the model
    def build(self) -> Architecture:
        self.declare("units", "unit")
        self.declare("people", "person")
        self.declare("processes", "process")
        self.declare("relations", "relation")
        self.declare("kpis", "kpi")
        self.map_ids()

        meta = self.read_meta()
        units = self.read_units()
        people = self.read_people()
        processes = self.read_processes()
        participation = self.read_raci()
        relations = self.read_relations()
        kpis = self.read_kpis()
        self.out.raise_errors()

        collections: dict[str, dict[Any, Any]] = {
            "units": units,
            "people": people,
            "processes": processes,
            "relations": relations,
            "participation": participation,
            "kpis": kpis,
        }
        shapes = layout(Architecture.from_collections(meta, dict(collections)))
        return Architecture.from_collections(meta, {**collections, "shapes": shapes})

    def read_meta(self) -> Metadata:
        values: dict[str, str] = {"name": self.source_name}
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
        parents: dict[str, tuple[str, _Row]] = {}
        for row in self.rows("units"):
            assert table is not None
            raw = row.cells["id"]
            name = self.required(table, row, "name")
            if not raw or not self._defines(raw, row):
                continue
            uid = self.model_id[raw]
            parent = self.ref(table, row, "parent", "unit")
            head = self.ref(table, row, "head", "person")
            if parent is not None:
                parents[uid] = (parent, row)
            units[uid] = Unit(uid, name or "", parent, head, None if raw == uid else raw)
        self.check_cycles(table, parents, "unit")
        return units

    @staticmethod
    def _here(table: _Table | None, row: _Row) -> str:
        return f"{Path(table.display).name}:{row.line}" if table is not None else ""

    def _defines(self, raw: str, row: _Row) -> bool:
        """True when *row* is where the id *raw* is defined (not a later duplicate)."""
        origin = self.origin.get(raw)
        return origin is not None and origin[1] is row

    def read_people(self) -> dict[str, Person]:
        people: dict[str, Person] = {}
        table = self.tables.get("people")
        for row in self.rows("people"):
            assert table is not None
            raw = row.cells["id"]
            name = self.required(table, row, "name")
            if not raw or not self._defines(raw, row):
                continue
            person_id = self.model_id[raw]
            unit = self.ref(table, row, "unit", "unit")
            people[person_id] = Person(
                person_id,
                name or "",
                unit,
                row.cells.get("title", ""),
                None if raw == person_id else raw,
            )
        return people

    def read_processes(self) -> dict[str, Process]:
        processes: dict[str, Process] = {}
        table = self.tables.get("processes")
        parents: dict[str, tuple[str, _Row]] = {}
        for row in self.rows("processes"):
            assert table is not None
            raw = row.cells["id"]
            name = self.required(table, row, "name")
            kind = self.choice(table, row, "kind", KIND_ALIASES)
            status: str | None = "draft"
            if row.cells.get("status"):
                status = self.choice(
                    table,
                    row,
                    "status",
                    {s: s for s in PROCESS_STATUSES},
                )
            if not raw or not self._defines(raw, row):
                continue
            pid = self.model_id[raw]
            parent = self.ref(table, row, "parent", "process")
            owner = self.ref(table, row, "owner", "person")
            leader = self.ref(table, row, "leader", "person")
            if parent is not None:
                parents[pid] = (parent, row)
            processes[pid] = Process(
                id=pid,
                name=name or "",
                kind=kind or "core",
                parent=parent,
                purpose=row.cells.get("purpose", ""),
                customer=row.cells.get("customer", ""),
                need=row.cells.get("need", ""),
                result=row.cells.get("result", ""),
                objects_in=_split_objects(row.cells.get("objects_in", "")),
                objects_out=_split_objects(row.cells.get("objects_out", "")),
                owner=owner,
                leader=leader,
                status=status or "draft",
                original_id=None if raw == pid else raw,
            )
        self.check_cycles(table, parents, "process")
        return processes

    def check_cycles(
        self, table: _Table | None, parents: dict[str, tuple[str, _Row]], kind: str
    ) -> None:
        if table is None:
            return
        done: set[str] = set()
        for start in parents:
            chain: list[str] = []
            current: str | None = start
            while current is not None and current not in done:
                if current in chain:
                    cycle = chain[chain.index(current) :]
                    first = min(cycle, key=lambda c: parents[c][1].line)
                    names = [*cycle[cycle.index(first) :], *cycle[: cycle.index(first)], first]
                    msgid = (
                        N_("the parents of processes form a cycle: {cycle}")
                        if kind == "process"
                        else N_("the parents of units form a cycle: {cycle}")
                    )
                    self.error(table, parents[first][1], "parent", msgid,
                               cycle=" → ".join(names))  # fmt: skip
                    break
                chain.append(current)
                current = parents[current][0] if current in parents else None
            done.update(chain)

    def read_raci(self) -> dict[tuple[str, str], str]:
        participation: dict[tuple[str, str], str] = {}
        first_line: dict[tuple[str, str], int] = {}
        table = self.tables.get("raci")
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
        relations: dict[str, Relation] = {}
        table = self.tables.get("relations")
        rows = self.rows("relations")
        new_id = self.generated(RELATION_PREFIX)
        pending: list[tuple[_Row, str | None, str, str, str]] = []
        for row in rows:
            assert table is not None
            raw_s = self.required(table, row, "source")
            raw_t = self.required(table, row, "target")
            kind = self.choice(table, row, "kind", {k: k for k in RELATION_KINDS})
            source = self.ref(table, row, "source", "process") if raw_s else None
            target = self.ref(table, row, "target", "process") if raw_t else None
            raw = row.cells.get("id", "")
            if raw and not self._defines(raw, row):
                continue
            if source is None or target is None or kind is None:
                continue
            if source == target:
                self.error(table, row, "target", N_("a process cannot be related to itself"))
                continue
            pending.append((row, self.model_id[raw] if raw else None, source, target, kind))
        for row, rid, source, target, kind in pending:
            rid = rid or new_id()
            relations[rid] = Relation(rid, source, target, kind, row.cells.get("object", ""))
        return relations

    def read_kpis(self) -> dict[str, Kpi]:
        kpis: dict[str, Kpi] = {}
        table = self.tables.get("kpis")
        new_id = self.generated(KPI_PREFIX)
        pending: list[tuple[str | None, Kpi]] = []
        for row in self.rows("kpis"):
            assert table is not None
            raw_p = self.required(table, row, "process")
            name = self.required(table, row, "name")
            kind = self.choice(table, row, "kind", {k: k for k in KPI_KINDS})
            pid = self.ref(table, row, "process", "process") if raw_p else None
            direction: str | None = None
            if row.cells.get("direction"):
                direction = self.choice(table, row, "direction", {d: d for d in DIRECTIONS})
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
            raw = row.cells.get("id", "")
            if raw and not self._defines(raw, row):
                continue
            if not ok or pid is None or name is None or kind is None:
                continue
            kpi = Kpi(
                "",
                pid,
                name,
                kind,
                row.cells.get("measure", ""),
                direction or default_direction(kind),
                numbers["target"],
                numbers["actual"],
            )
            pending.append((self.model_id[raw] if raw else None, kpi))
        for kid, kpi in pending:
            kid = kid or new_id()
            kpis[kid] = replace(kpi, id=kid)
        return kpis


def _split_objects(text: str) -> tuple[str, ...]:
    parts = (p.strip() for p in re.split(r"[;\n]", text))
    return tuple(p for p in parts if p)


# ====================================================================== import
def import_register(path: str | os.PathLike[str]) -> ImportResult:
    """Read a register (a folder of CSV files or an ``.xlsx`` workbook) into a new model
    with the automatic layout. Problems raise :class:`UserError` (one per problem)."""
    source = Path(path)
    out = _Collector()
    if source.is_dir():
        tables = _read_folder(source, out)
        name = source.resolve().name
    elif source.suffix.casefold() == ".xlsx" and source.is_file():
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
    arch = builder.build()
    warnings_, notes = out.warnings.problems(), out.notes.problems()
    if out.warnings.omitted:  # one last line, so that every reader of the list shows it
        warnings_.append(
            Problem(
                str(source),
                Message(
                    N_("... and {n} more warning"),
                    N_("... and {n} more warnings"),
                    out.warnings.omitted,
                ),
            )
        )
    if out.notes.omitted:
        notes.append(
            Problem(
                str(source),
                Message(
                    N_("... and {n} more note"), N_("... and {n} more notes"), out.notes.omitted
                ),
            )
        )
    return ImportResult(arch, warnings_, notes, out.warnings.omitted, out.notes.omitted)


# ====================================================================== export
def register_tables(arch: Architecture) -> dict[str, list[list[str | float | None]]]:
    """The register of a model: file name (without ``.csv``) -> rows, header first.

    Ids are written as they came (the original id of a mapped one). Text is plain
    (formula protection is applied by the CSV writer only); ``target`` and ``actual``
    are numbers or None.
    """

    def rid(element: Any) -> str:
        return str(element.original_id or element.id)

    def ref(collection: dict[str, Any], key: str | None) -> str:
        if key is None:
            return ""
        element = collection.get(key)
        return rid(element) if element is not None else key

    units, people, processes = arch.units, arch.people, arch.processes
    tables: dict[str, list[list[Any]]] = {}
    tables["processes"] = [list(SPECS["processes"].columns)] + [
        [
            rid(p),
            p.name,
            p.kind,
            ref(processes, p.parent),
            ref(people, p.owner),
            ref(people, p.leader),
            p.customer,
            p.need,
            p.result,
            p.purpose,
            "; ".join(p.objects_in),
            "; ".join(p.objects_out),
            p.status,
        ]
        for p in processes.values()
    ]
    tables["units"] = [list(SPECS["units"].columns)] + [
        [rid(u), u.name, ref(units, u.parent), ref(people, u.head)] for u in units.values()
    ]
    tables["people"] = [list(SPECS["people"].columns)] + [
        [rid(p), p.name, ref(units, p.unit), p.title] for p in people.values()
    ]
    tables["raci"] = [list(SPECS["raci"].columns)] + [
        [ref(processes, pid), ref(units, uid), letters]
        for (pid, uid), letters in arch.participation.items()
    ]
    tables["relations"] = [list(_EXPORT_COLUMNS["relations"])] + [
        [r.id, ref(processes, r.source), ref(processes, r.target), r.kind, r.object]
        for r in arch.relations.values()
    ]
    tables["kpis"] = [list(_EXPORT_COLUMNS["kpis"])] + [
        [
            k.id,
            ref(processes, k.process),
            k.name,
            k.kind,
            k.measure,
            k.direction,
            k.target,
            k.actual,
        ]
        for k in arch.kpis.values()
    ]
    tables["architecture"] = [list(SPECS["architecture"].columns)] + [
        [key, getattr(arch.meta, key)] for key in META_PROPERTIES
    ]
    return tables


def csv_text(rows: list[list[Any]]) -> str:
    """One register file as CSV text (LF line ends, formula-like text protected)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        writer.writerow(
            [protect(cell) if isinstance(cell, str) else format_number(cell) for cell in row]
        )
    return buffer.getvalue()


def export_register(arch: Architecture, path: str | os.PathLike[str]) -> None:
    """Write the model's register: an ``.xlsx`` workbook when *path* ends so, else a
    folder of CSV files (see :func:`write_folder`)."""
    target = Path(path)
    if target.suffix.casefold() == ".xlsx":
        write_workbook(arch, target)
    elif target.suffix.casefold() in FILE_SUFFIXES:
        # "-o register.csv" would otherwise become a folder named like a file.
        raise UserError(
            Problem(
                str(target),
                Message(
                    N_(
                        "names a file, but a register is written as a folder of CSV files "
                        "or as a workbook ending in .xlsx"
                    )
                ),
            )
        )
    else:
        write_folder(arch, target)


#: Suffixes of single files that a register export cannot write (a folder is meant
#: to have none of them; a workbook must end in .xlsx).
FILE_SUFFIXES = frozenset({".csv", ".tsv", ".txt", ".xls", ".xlsm", ".ods", ".json", ".procm"})


#: Files of a register folder that an export replaces.
REGISTER_FILES = frozenset(spec.filename for spec in SPECS.values())


def write_folder(arch: Architecture, folder: Path) -> None:
    """Write the register as a folder of CSV files (UTF-8 with a byte order mark, so
    that Excel reads the letters right), all of them or none.

    The files are written into a new sibling folder that then takes the place of
    *folder*. Other files already in *folder* (a README, notes) are carried over; a
    folder that holds sub-folders is refused rather than touched.
    """
    folder = Path(os.path.abspath(folder))
    parent = folder.parent
    if not parent.is_dir():
        raise UserError(
            Problem(
                str(folder),
                Message(N_("the folder '{folder}' does not exist"), folder=str(parent)),
            )
        )
    keep: list[Path] = []
    if folder.exists():
        if not folder.is_dir():
            raise UserError(
                Problem(str(folder), Message(N_("is a file, not a folder for a register")))
            )
        for item in folder.iterdir():
            if item.is_dir():
                raise UserError(
                    Problem(
                        str(folder),
                        Message(
                            N_(
                                "holds sub-folders, so it is not replaced by a register; "
                                "choose a new or empty folder"
                            )
                        ),
                    )
                )
            if item.name.casefold() not in REGISTER_FILES:
                keep.append(item)
    tables = register_tables(arch)
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=parent))
    except OSError as exc:
        raise cannot_write(folder, exc) from None
    try:
        for name, rows in tables.items():
            atomic_write_bytes(staging / f"{name}.csv", b"\xef\xbb\xbf" + csv_text(rows).encode())
        for item in keep:
            shutil.copy2(item, staging / item.name)
        os.chmod(staging, 0o777 & ~_umask())
        if folder.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".old", dir=parent))
            old.rmdir()
            os.replace(folder, old)
            try:
                os.replace(staging, folder)
            except OSError:
                os.replace(old, folder)
                raise
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(staging, folder)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise cannot_write(folder, exc) from None


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def workbook_bytes(arch: Architecture) -> bytes:
    """The register as the bytes of an ``.xlsx`` workbook (one sheet per file).

    Control characters that a workbook cannot hold (all but tab and line breaks) are
    left out."""
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE as _ILLEGAL
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook(write_only=True)
    bold = Font(bold=True)
    for name, rows in register_tables(arch).items():
        ws = workbook.create_sheet(name)
        ws.freeze_panes = "A2"
        header = []
        for value in rows[0]:
            cell = WriteOnlyCell(ws, value=value)
            cell.font = bold
            header.append(cell)
        ws.append(header)
        for raw in rows[1:]:
            row = [_ILLEGAL.sub("", v) if isinstance(v, str) else v for v in raw]
            if any(isinstance(v, str) and v.startswith(_FORMULA_START) for v in row):
                ws.append([_text_cell(ws, v) for v in row])
            else:
                ws.append(row)  # plain values: much faster than a cell object each
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _text_cell(ws: Any, value: Any) -> Any:
    """A cell that Excel shows as text even when it starts like a formula."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        cell.data_type = "s"  # text, never a formula
        cell.quotePrefix = True
    return cell


def write_workbook(arch: Architecture, path: Path) -> None:
    data = workbook_bytes(arch)
    write_output_file(path, data)
