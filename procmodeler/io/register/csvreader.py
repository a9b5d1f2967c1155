"""Reading a register folder of CSV files."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from procmodeler.common.i18n import N_, Message
from procmodeler.io.register import spec as regspec
from procmodeler.io.register.spec import SPECS
from procmodeler.io.register.tables import _Collector, _fill_table, _read_bytes, _Table


def _csv_records(data: bytes, table: _Table, out: _Collector) -> Iterator[tuple[int, list[str]]]:
    """``(line where the record starts, cells)`` of a CSV file's UTF-8 bytes (checked by
    :func:`_decode`); a record the csv module cannot read ends the file with an error.

    The text is decoded as it is read, so reading that stops at :data:`MAX_ROWS` never
    holds the whole text (a ``StringIO`` of it would take four bytes a character)."""
    stream = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig", newline="")
    reader = csv.reader(stream, strict=False)
    last = 0
    try:
        for raw in reader:
            start = last + 1
            last = reader.line_num
            yield start, raw
    except csv.Error:
        out.error(
            table.display,
            last + 1,
            None,
            Message(
                N_("has a cell longer than {limit} characters (is a quotation mark not closed?)"),
                limit=csv.field_size_limit(),
            ),
        )
        table.usable = False


#: Whether a usual file is read at once (:func:`_read_at_once`); tests switch it off to
#: compare with reading row by row.
AT_ONCE = True


def _read_at_once(text: str, table: _Table) -> bool:
    """Read a usual file at once, column by column, into ``table.columns``: one row a
    line, every row as wide as the header, the header naming each of its cells once and
    every required column, no empty required cell, no apostrophe, no carriage return but
    in line ends, NFC text. False, with nothing read or reported, for any other file:
    :func:`_fill_table` reads it row by row and reports what it finds, and builds the
    same rows from a usual file (tests/io/test_register_at_once.py)."""
    if "'" in text or text.count("\r") != text.count("\r\n"):
        return False
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), strict=False))
    except csv.Error:
        return False
    lines = text.count("\n") + (not text.endswith("\n"))
    if len(records) != lines or not 1 < len(records) <= regspec.MAX_ROWS + 1:
        return False
    header = [cell.strip() for cell in records[0]]
    keys = [name.casefold() for name in header]
    body = records[1:]
    spec = table.spec
    if (
        set(map(len, body)) != {len(keys)}
        or len(set(keys)) != len(keys)
        or not set(spec.columns).issuperset(keys)
        or not set(spec.required).issubset(keys)
    ):
        return False
    columns = [list(map(str.strip, column)) for column in zip(*body, strict=True)]
    by_key = dict(zip(keys, columns, strict=True))
    if any("" in by_key[name] for name in spec.required if name != "roles"):
        return False
    if not text.isascii() and not all(
        unicodedata.is_normalized("NFC", "\x00".join(column)) for column in columns
    ):
        return False
    table.headers = dict(zip(keys, header, strict=True))
    table.columns = by_key
    return True


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
        text = _decode(data, display, out)
        table = _Table(spec, display)
        tables[spec.name] = table
        if text is None:
            table.usable = False
            continue
        if not (AT_ONCE and _read_at_once(text, table)):
            del text  # not kept while the rows are read one by one
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
