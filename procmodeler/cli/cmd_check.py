"""``procmodeler check PATH [--format text|json] [--rules RULES.json] [--lang en|sv]
[--today YYYY-MM-DD]``:
check a model (a ``.procm`` file, or a process register imported in memory) against
the rules of RULES.md.

Exit code 0 when no unsuppressed finding has severity ``error``, 1 when at least one
has, 2 when the input or the rules file cannot be read or the call is wrong.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from pathlib import Path

from procmodeler.analysis import RULES, format_json, format_text, load_rules_file, run_checks
from procmodeler.cli import twocores
from procmodeler.cli.output import end_process, notes_and_warnings
from procmodeler.common.errors import Problem, UserError
from procmodeler.common.gcpause import gc_paused
from procmodeler.common.i18n import LANGUAGES, N_, Message, Translator
from procmodeler.common.inputfile import open_regular, read_input_bytes
from procmodeler.common.terminal import visible, visible_json
from procmodeler.io.register import import_register
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import is_date


def add_arguments(parser: argparse.ArgumentParser, tr: Translator, name: str) -> None:
    parser.add_argument(
        "path",
        metavar="PATH",
        help=tr(
            "a model file (.procm) or a process register (a folder of CSV files or an "
            ".xlsx workbook)"
        ),
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=tr("output format (default: text)"),
    )
    parser.add_argument(
        "--rules",
        metavar="RULES.json",
        help=tr(
            "a rules file that switches rules off, changes their severity or suppresses "
            "findings, for this run"
        ),
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help=tr("language of the findings (default: the model's language)"),
    )
    parser.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        help=tr("the date that date rules compare with (default: today)"),
    )


def is_register(path_text: str) -> bool:
    """A register: a folder of CSV files or an ``.xlsx`` workbook."""
    path = Path(path_text)
    return path.is_dir() or path.suffix.lower() == ".xlsx"


def load_model(
    path_text: str, tr: Translator, geometry: bool = True, report: bool = True
) -> Architecture:
    """A model from a ``.procm`` file, or from a register (folder or ``.xlsx``) imported
    in memory (its id mappings and warnings go to stderr, as with ``import-register``,
    unless *report* is False), laid out unless *geometry* is False. Problems raise
    UserError."""
    path = Path(path_text)
    if not path.exists():
        raise UserError(Problem(path_text, Message(N_("does not exist"))))
    if not path.is_dir():
        os.close(open_regular(path, path_text))  # never a pipe or a device
    if path.is_dir() or path.suffix.lower() == ".xlsx":
        imported = import_register(path, with_layout=geometry)
        if report:
            notes_and_warnings(imported.notes, imported.warnings, tr)
        return imported.arch
    if path.suffix.lower() == ".csv":
        raise UserError(
            Problem(
                path_text,
                Message(N_("give the folder that holds the register's CSV files, not one file")),
            )
        )
    from procmodeler.io import native  # not needed to check a register

    return native.loadb(read_input_bytes(path, native.MAX_FILE_SIZE, path_text), path_text)


def run(args: argparse.Namespace, tr: Translator) -> int:
    if args.today is not None and not is_date(args.today):
        raise UserError(
            Problem(
                "--today",
                Message(N_("'{value}' is not a date YYYY-MM-DD"), value=args.today),
            )
        )
    overrides = load_rules_file(args.rules) if args.rules else None
    register = is_register(args.path)
    # A register's import places every process on a diagram, so orphan.unplaced finds
    # nothing in it: check skips that rule and the layout, which it would feed.
    rules = [rule for rule in RULES if rule != "orphan.unplaced" or not register]
    today = args.today or datetime.date.today().isoformat()  # one date for both processes
    whole_process = getattr(args, "whole_process", False)
    # reading, checking and writing make no cycles worth collecting (and what they build
    # lives until the process ends when the command is the whole process)
    with gc_paused(until_exit=whole_process):
        split = (
            twocores.start(rules) if whole_process and twocores.worth_it(Path(args.path)) else None
        )
        try:
            quiet = split is not None and split.second  # the first process reports
            arch = load_model(args.path, tr, geometry=not register, report=not quiet)
            result = run_checks(arch, args.lang, overrides, split.rules if split else rules, today)
        except BaseException:
            if split is not None:
                split.abandon()
            raise
        if split is not None:
            text, code = split.output(
                result,
                lambda more: run_checks(arch, args.lang, overrides, more, today),
                as_json=args.format == "json",
            )
        elif args.format == "json":
            text, code = visible_json(format_json(result)), result.exit_code
        else:
            text, code = visible(format_text(result)), result.exit_code
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into `head`
        pass
    if whole_process:
        end_process(code)
    return code
