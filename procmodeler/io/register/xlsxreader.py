"""Reading a register workbook (.xlsx) with openpyxl, bounded in size."""

from __future__ import annotations

import contextlib
import io
import warnings
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from procmodeler.common.i18n import N_, Message
from procmodeler.io.register import spec as regspec
from procmodeler.io.register.cells import _xlsx_text
from procmodeler.io.register.readable import readable_sheet_names
from procmodeler.io.register.spec import SPECS
from procmodeler.io.register.tables import (
    _Collector,
    _fill_table,
    _read_bytes,
    _read_bytes_size_ok,
    _Table,
)


class _SheetUnreadable(Exception):
    """openpyxl failed while reading the rows of a sheet (a damaged workbook)."""


class _TooMuchText(Exception):
    """The cells hold far more text than the workbook's own size can explain."""


def _sheet_records(ws: Any, budget: list[int]) -> Iterator[tuple[int, list[str]]]:
    """The ``(line, cells)`` records of a sheet; openpyxl's own errors on a damaged
    sheet become :class:`_SheetUnreadable` (errors of our code stay what they are).

    Every cell read costs its length plus one from *budget* (shared by the sheets of a
    workbook): a short shared string in many cells, or one cell far to the right that
    pads every row, cannot make gigabytes out of a small file (:class:`_TooMuchText`)."""
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
        cells = [_xlsx_text(v) for v in row]
        budget[0] -= len(cells) + sum(map(len, cells))
        if budget[0] < 0:
            raise _TooMuchText()
        yield line, cells


_TOO_MUCH_TEXT = Message(
    N_(
        "holds far more text than the workbook's own size explains (the same long text "
        "repeated in many cells, or rows padded to a far column); it is not read on"
    )
)


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
    if unpacked is not None and unpacked > regspec.MAX_FILE_SIZE:
        out.error(
            display,
            None,
            None,
            Message(  # the size of its content once unpacked
                N_("is too large ({size} MB; the limit is {limit} MB)"),
                size=unpacked // (1024 * 1024),
                limit=regspec.MAX_FILE_SIZE // (1024 * 1024),
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
    # What the sheets really hold: each character of text and each cell is at least a
    # byte of the unpacked XML, so twice its size (and 1 MB) is ample for a register.
    budget = [2 * (unpacked or len(data)) + 1024 * 1024]
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
                _fill_table(table, _sheet_records(ws, budget), out, unprotect_cells=False)
            except _SheetUnreadable as exc:
                _unreadable_workbook(sheet_display, exc.__cause__ or exc, out)
                table.usable = False
            except _TooMuchText:
                out.error(sheet_display, None, None, _TOO_MUCH_TEXT)
                table.usable = False
                break
        for_people = readable_sheet_names()  # the export's own sheets for people
        for key, name in sheets.items():
            if key not in SPECS and key not in for_people:
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
