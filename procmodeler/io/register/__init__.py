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

The package: ``spec`` (files, columns, limits), ``cells`` (cell text and numbers),
``tables`` (rows and problems shared by both readers), ``csvreader``, ``xlsxreader``,
``builder`` (tables -> model, :func:`import_register`), ``atonce`` (a usual table
checked and built column by column, the same model faster) and ``export``.
"""

from typing import TYPE_CHECKING

from procmodeler.common.lazy import lazy_attributes
from procmodeler.common.numbers import format_number
from procmodeler.io.register.builder import import_register
from procmodeler.io.register.cells import (
    mapped_id,
    parse_number,
    protect,
    unprotect,
)
from procmodeler.io.register.spec import (
    FILE_SUFFIXES,
    KIND_ALIASES,
    KPI_PREFIX,
    MAX_FILE_SIZE,
    MAX_KEPT_PROBLEMS,
    MAX_ROWS,
    META_PROPERTIES,
    REGISTER_FILES,
    RELATION_PREFIX,
    SPECS,
    ImportResult,
    TableSpec,
)

if TYPE_CHECKING:
    from procmodeler.io.register.export import (
        csv_text,
        export_register,
        register_tables,
        workbook_bytes,
        write_folder,
        write_workbook,
    )

#: The writers, loaded on first use (PEP 562): reading a register, as ``check`` does,
#: needs none of them (nor ``shutil`` and the readable-text helpers they load).
__getattr__ = lazy_attributes(
    __name__,
    {
        **dict.fromkeys(
            (
                "csv_text",
                "export_register",
                "register_tables",
                "workbook_bytes",
                "write_folder",
                "write_workbook",
            ),
            "export",
        ),
        "export": None,  # the submodules, as ``register.export`` found them before
        "readable": None,
    },
)


__all__ = [
    "FILE_SUFFIXES",
    "KIND_ALIASES",
    "KPI_PREFIX",
    "MAX_FILE_SIZE",
    "MAX_KEPT_PROBLEMS",
    "MAX_ROWS",
    "META_PROPERTIES",
    "REGISTER_FILES",
    "RELATION_PREFIX",
    "SPECS",
    "ImportResult",
    "TableSpec",
    "csv_text",
    "export_register",
    "format_number",
    "import_register",
    "mapped_id",
    "parse_number",
    "protect",
    "register_tables",
    "unprotect",
    "workbook_bytes",
    "write_folder",
    "write_workbook",
]
