"""Reading register tables: rows, kept problems, and the header and row checks that
the CSV and XLSX readers share."""

from __future__ import annotations

import heapq
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from procmodeler.common.errors import Problem, UserError
from procmodeler.common.i18n import N_, Message
from procmodeler.common.inputfile import read_input_bytes
from procmodeler.io.register import spec as regspec
from procmodeler.io.register.cells import _clean, unprotect
from procmodeler.io.register.spec import TableSpec


# ====================================================================== reading tables
@dataclass(slots=True)
class _Row:
    line: int
    cells: dict[str, str]  # canonical column -> cleaned cell


@dataclass
class _Table:
    spec: TableSpec
    display: str  # file name shown in messages
    headers: dict[str, str] = field(default_factory=dict)  # canonical column -> as written
    usable: bool = True  # False when a required column is missing
    #: The cells column by column when the file was read at once (csvreader's
    #: ``_read_at_once``): every row has every column, the first at *first_line*, one
    #: row a line. The rows are then made only when something asks for them.
    columns: dict[str, list[str]] | None = None
    first_line: int = 2
    declared_at_once: bool = False  # every row's id was declared from its own row
    _rows: list[_Row] = field(default_factory=list)

    @property
    def rows(self) -> list[_Row]:
        if self.columns is not None and not self._rows:
            keys, first = list(self.columns), self.first_line
            self._rows = [
                _Row(first + i, dict(zip(keys, cells, strict=True)))
                for i, cells in enumerate(zip(*self.columns.values(), strict=True))
            ]
        return self._rows

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
        self._largest: tuple[Any, ...] | None = None  # the largest kept key, when full

    def add(self, key: tuple[Any, ...], problem: Problem) -> None:
        self.seq += 1
        item = (tuple(-k for k in (*key, self.seq)), problem)
        self._largest = None
        if len(self.heap) < self.limit:
            heapq.heappush(self.heap, item)
        else:  # keep the smaller of the new one and the largest kept one
            heapq.heappushpop(self.heap, item)
            self.omitted += 1

    def skip(self, key: tuple[Any, ...]) -> bool:
        """True (and the problem counted as left out) when a problem with *key* would
        not be kept: it would come after every kept one, which fill the limit."""
        if len(self.heap) < self.limit:
            return False
        if self._largest is None:
            self._largest = tuple(-k for k in self.heap[0][0][:-1])
        if key < self._largest:
            return False
        self.seq += 1
        self.omitted += 1
        return True

    def __bool__(self) -> bool:
        return bool(self.heap)

    def problems(
        self, source: str = "", rest: Callable[[int], Message] | None = None
    ) -> list[Problem]:
        """The kept problems, in order; with *source* and *rest*, a last one at *source*
        that counts those left out (``rest(count)``), so that every reader of the list
        shows it."""
        kept = [problem for _, problem in sorted(self.heap, reverse=True)]
        if rest is not None and self.omitted:
            kept.append(Problem(source, rest(self.omitted)))
        return kept


class _Collector:
    def __init__(self) -> None:
        self.errors = _Kept(regspec.MAX_KEPT_PROBLEMS)
        self.warnings = _Kept(regspec.MAX_KEPT_PROBLEMS)
        self.notes = _Kept(regspec.MAX_KEPT_PROBLEMS)
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

    def wants_note(self, file: str, line: int | None) -> bool:
        """False (the note counted as left out) when a note at *file* and *line* would
        not be kept, so that its message need not be made (a register of 10,000
        numbered ids has 10,000 notes, of which the first 500 are kept)."""
        return not self.notes.skip((self.order.get(file, 99), line or 0))

    def raise_errors(self) -> None:
        if self.errors:
            raise UserError(self.errors.problems(), omitted=self.errors.omitted)


def _clean_row(raw: list[str], unprotect_cells: bool) -> list[str]:
    """The cells of one record cleaned (:func:`_clean`, :func:`unprotect`): the slow path
    of :func:`_fill_table`, for a row with a line break, an apostrophe or text that is
    not NFC."""
    cells = [_clean(c) for c in raw]
    if unprotect_cells:
        cells = [unprotect(c) for c in cells]
    return cells


def _fill_table(
    table: _Table,
    records: Iterator[tuple[int, list[str]]],
    out: _Collector,
    unprotect_cells: bool,
) -> None:
    """Read the header and the rows of one file from ``(line, raw cells)`` records."""
    header: list[tuple[int, str]] | None = None
    keys: list[str] = []
    spots: list[int] = []
    reach = 0
    header_line = 1
    header_width = 0
    count = 0
    rows = table.rows
    in_order = False  # the header names exactly its first columns, in order
    for line, raw in records:
        # Most rows need only trimming: no line break, no apostrophe, already NFC (checked
        # on the whole row at once; the NUL keeps the cells apart, so the row is NFC
        # exactly when each cell is).
        joined = "\x00".join(raw)
        if (
            "\r" not in joined
            and "'" not in joined
            and (joined.isascii() or unicodedata.is_normalized("NFC", joined))
        ):
            cells = [c.strip() for c in raw]
        else:
            cells = _clean_row(raw, unprotect_cells)
        if not any(cells):
            continue
        if header is None:
            header_line = line
            header_width = len(cells)
            header = _read_header(table, line, cells, out)
            keys = [key for _, key in header]
            spots = [i for i, _ in header]
            reach = max(spots, default=-1) + 1
            in_order = spots == list(range(len(spots)))
            continue
        count += 1
        if count > regspec.MAX_ROWS:
            out.error(
                table.display,
                line,
                None,
                Message(
                    N_(
                        "has more than {limit} rows; a register holds at most {limit} rows "
                        "per table"
                    ),
                    limit=regspec.MAX_ROWS,
                ),
            )
            table.usable = False
            return
        if len(cells) > header_width and any(cells[header_width:]):
            out.warn(
                table.display,
                line,
                None,
                Message(N_("has more cells than the header row; the extra ones are ignored")),
            )
        if len(cells) < reach:  # a short row: the missing cells are empty
            rows.append(_Row(line, {k: (cells[i] if i < len(cells) else "") for i, k in header}))
        elif in_order:  # the usual row: zip stops after the named columns
            rows.append(_Row(line, dict(zip(keys, cells, strict=False))))
        else:
            rows.append(_Row(line, dict(zip(keys, [cells[i] for i in spots], strict=True))))
    if header is None:
        out.error(
            table.display,
            header_line,
            None,
            Message(
                N_("is empty; the first row must name the columns ({columns})"),
                columns=", ".join(table.spec.required),
            ),
        )
        table.usable = False


def _read_header(
    table: _Table, line: int, cells: list[str], out: _Collector
) -> list[tuple[int, str]]:
    """The known columns of a header row as ``(cell index, column)``; duplicate, unknown
    and missing required columns are reported."""
    spec = table.spec
    known = set(spec.columns)
    header: list[tuple[int, str]] = []
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
    return header


def _read_bytes(path: Path, display: str, out: _Collector) -> bytes | None:
    """The bytes of a register file: a regular file (never a pipe or a device), at most
    :data:`~procmodeler.io.register.spec.MAX_FILE_SIZE`, read in chunks."""
    if not _read_bytes_size_ok(path, display, out):
        return None
    try:
        return read_input_bytes(path, regspec.MAX_FILE_SIZE, display)
    except UserError as exc:
        for problem in exc.problems:
            message = problem.message
            out.error(
                display, None, None, message if isinstance(message, Message) else Message(message)
            )
        return None


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
    if size > regspec.MAX_FILE_SIZE:
        out.error(
            display,
            None,
            None,
            Message(
                N_("is too large ({size} MB; the limit is {limit} MB)"),
                size=size // (1024 * 1024),
                limit=regspec.MAX_FILE_SIZE // (1024 * 1024),
            ),
        )
        return False
    return True
