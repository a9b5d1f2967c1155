"""The ``layout`` command: ``procmodeler layout MODEL -o OUT.procm [--level ID|--all]``
lays out the landscape (or one level, or every level) anew and routes every line of
it, as the app's *Arrange* does, and writes the model."""

from __future__ import annotations

import argparse

from procmodeler.cli.cmd_check import load_model
from procmodeler.cli.output import check_output, set_inputs, write_output
from procmodeler.common.errors import Problem, UserError
from procmodeler.common.i18n import N_, Message, Translator
from procmodeler.edit import Editor
from procmodeler.edit import operations as ops
from procmodeler.io import native


def add_arguments(parser: argparse.ArgumentParser, tr: Translator, name: str) -> None:
    del name
    parser.add_argument("model", metavar="MODEL", help=tr("the model file (.procm) or a register"))
    parser.add_argument(
        "-o", "--output", required=True, metavar="OUT.procm", help=tr("the model file to write")
    )
    which = parser.add_mutually_exclusive_group()
    which.add_argument(
        "--level", metavar="ID", help=tr("lay out the diagram of this process's children")
    )
    which.add_argument("--all", action="store_true", help=tr("lay out every level"))


def run(args: argparse.Namespace, tr: Translator) -> int:
    set_inputs(args.model)
    check_output(args.output)
    arch = load_model(args.model, tr)
    if args.level is not None and not arch.children(args.level):
        raise UserError(
            Problem(args.model, Message(N_("there is no diagram of '{id}'"), id=args.level))
        )
    editor = Editor(arch)
    levels = [None, *(p for p in arch.walk() if arch.children(p))] if args.all else [args.level]
    for level in levels:
        if arch.children(level):
            ops.arrange(editor, level)
    write_output(args.output, native.dumps(editor.arch).encode("utf-8"))
    return 0
