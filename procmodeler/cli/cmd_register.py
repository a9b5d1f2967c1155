"""The ``import-register`` and ``export-register`` commands: a process register (a
folder of CSV files or an ``.xlsx`` workbook) to a model and back.

``procmodeler import-register PATH -o OUT.procm`` prints the id mappings as notes and
any warnings on stderr, and writes nothing when the register has a problem.
``procmodeler export-register MODEL -o PATH`` writes a workbook when PATH ends with
``.xlsx``, else a folder of CSV files that replaces PATH as a whole.
"""

from __future__ import annotations

import argparse

from procmodeler.cli.output import check_output, notes_and_warnings, set_inputs, write_output
from procmodeler.common.i18n import Translator
from procmodeler.io import native
from procmodeler.io.register import export_register, import_register, workbook_bytes


def add_arguments(parser: argparse.ArgumentParser, tr: Translator, name: str) -> None:
    if name == "import-register":
        parser.add_argument(
            "path",
            metavar="PATH",
            help=tr("the register: a folder of CSV files or an .xlsx workbook"),
        )
        parser.add_argument(
            "-o",
            "--output",
            required=True,
            metavar="OUT.procm",
            help=tr("the model file to write"),
        )
    else:
        parser.add_argument("model", metavar="MODEL", help=tr("the model file (.procm)"))
        parser.add_argument(
            "-o",
            "--output",
            required=True,
            metavar="PATH",
            help=tr("where to write the register: a folder, or a workbook ending in .xlsx"),
        )


def run(args: argparse.Namespace, tr: Translator) -> int:
    if args.command == "import-register":
        set_inputs(args.path)
        check_output(args.output)
        result = import_register(args.path)
        notes_and_warnings(result.notes, result.warnings, tr)
        write_output(args.output, native.dumps(result.arch).encode("utf-8"))
        return 0
    set_inputs(args.model)
    workbook = str(args.output).casefold().endswith(".xlsx")
    target = check_output(args.output, folder_ok=not workbook)
    arch = native.load(args.model)
    if workbook:
        write_output(args.output, workbook_bytes(arch))
    else:
        export_register(arch, target)  # a folder: a symbolic link to one is written through
    return 0
