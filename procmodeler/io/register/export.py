"""Writing a model's register: a folder of CSV files or an .xlsx workbook."""

from __future__ import annotations

import csv
import io
import os
import shutil
from pathlib import Path
from typing import Any

from procmodeler.common.atomicfile import atomic_write_bytes, replace_folder, write_output_file
from procmodeler.common.errors import Problem, UserError, cannot_write
from procmodeler.common.i18n import N_, Message
from procmodeler.common.numbers import format_number
from procmodeler.io.register.cells import NOT_IN_XML, protect
from procmodeler.io.register.measurements import measurement_rows
from procmodeler.io.register.readable import write_readable_sheets
from procmodeler.io.register.spec import (
    _EXPORT_COLUMNS,
    _FORMULA_START,
    FILE_SUFFIXES,
    META_PROPERTIES,
    REGISTER_FILES,
    SPECS,
)
from procmodeler.io.register.strategy import strategy_tables
from procmodeler.model.architecture import Architecture


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
            p.next_review or "",
            p.established or "",
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
            ref(arch.objectives, k.objective),
        ]
        for k in arch.kpis.values()
    ]
    if any(k.series for k in arch.kpis.values()):
        tables["measurements"] = measurement_rows(arch, lambda k: k.id)
    tables.update(strategy_tables(arch, ref, rid))
    tables["architecture"] = [list(SPECS["architecture"].columns)] + [
        [key, getattr(arch.meta, key)] for key in META_PROPERTIES
    ]
    return tables


def csv_text(rows: list[list[Any]]) -> str:
    """One register file as CSV text (LF line ends, formula-like text protected)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    quoted = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for row in rows:
        cells = [protect(cell) if isinstance(cell, str) else format_number(cell) for cell in row]
        # The csv module quotes a line feed but not a lone carriage return, which every
        # reader takes for the end of a row: such a row is written all quoted.
        (quoted if any("\r" in cell for cell in cells) else writer).writerow(cells)
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


def _carry(item: Path, target: Path) -> None:
    """Carry a file the folder already held into the new folder as a hard link (the same
    file: a model's lock file that another procmodeler holds stays the one it holds),
    else as a copy."""
    try:
        os.link(item, target, follow_symlinks=False)
    except OSError:
        shutil.copy2(item, target, follow_symlinks=False)


def write_folder(arch: Architecture, folder: Path) -> None:
    """Write the register as a folder of CSV files (UTF-8 with a byte order mark, so
    that Excel reads the letters right), all of them or none.

    The files are written into a new sibling folder that then takes the place of
    *folder*. Other files already in *folder* (a README, notes, a model and its lock
    file) are carried over as hard links, so they stay the same files; a folder that
    holds sub-folders or special files is refused rather than touched.
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
                if not (item.is_file() or item.is_symlink()):  # a pipe, a socket, a device
                    raise UserError(
                        Problem(
                            str(item),
                            Message(N_("is not a regular file; the folder is not replaced")),
                        )
                    )
                keep.append(item)
    tables = register_tables(arch)

    def fill(staging: Path) -> None:
        for name, rows in tables.items():
            atomic_write_bytes(staging / f"{name}.csv", b"\xef\xbb\xbf" + csv_text(rows).encode())
        for item in keep:
            _carry(item, staging / item.name)

    try:
        replace_folder(folder, fill)
    except OSError as exc:
        raise cannot_write(folder, exc) from None


def workbook_bytes(arch: Architecture) -> bytes:
    """The register as the bytes of an ``.xlsx`` workbook: first the sheets for people
    (the process register and the RACI matrix in the model's language, which the
    import skips), then one sheet per register file.

    Characters that XML 1.0 and so a workbook cannot hold (control characters other
    than tab and line breaks, U+FFFE, U+FFFF, lone surrogates) are left out."""
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook(write_only=True)
    bold = Font(bold=True)
    write_readable_sheets(workbook, arch)
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
            row = [NOT_IN_XML.sub("", v) if isinstance(v, str) else v for v in raw]
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
