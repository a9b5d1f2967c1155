"""``procmodeler check PATH [--format text|json] [--rules RULES.json] [--lang en|sv]``:
check a model (a ``.procm`` file, or a process register imported in memory) against
the rules of RULES.md.

Exit code 0 when no unsuppressed finding has severity ``error``, 1 when at least one
has, 2 when the input or the rules file cannot be read or the call is wrong.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from procmodeler.analysis import format_json, format_text, load_rules_file, run_checks
from procmodeler.cli.output import warn
from procmodeler.common.errors import Problem, UserError
from procmodeler.common.i18n import LANGUAGES, N_, Message, Translator
from procmodeler.model.architecture import Architecture


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


def _warning_text(item: Any, tr: Translator) -> str:
    if isinstance(item, (Problem, Message)):
        return item.text(tr)
    return str(item)


def load_model(path_text: str, tr: Translator) -> Architecture:
    """A model from a ``.procm`` file, or from a register (folder or ``.xlsx``) imported
    in memory; the register's warnings go to stderr. Problems raise UserError."""
    path = Path(path_text)
    if not path.exists():
        raise UserError(Problem(path_text, Message(N_("does not exist"))))
    if path.is_dir() or path.suffix.lower() == ".xlsx":
        from procmodeler.io.register import import_register

        arch, warnings = import_register(path)
        for item in warnings:
            warn(_warning_text(item, tr), tr)
        return arch
    if path.suffix.lower() == ".csv":
        raise UserError(
            Problem(
                path_text,
                Message(N_("give the folder that holds the register's CSV files, not one file")),
            )
        )
    from procmodeler.io.native import load

    return load(path)


def run(args: argparse.Namespace, tr: Translator) -> int:
    overrides = load_rules_file(args.rules) if args.rules else None
    arch = load_model(args.path, tr)
    result = run_checks(arch, lang=args.lang, overrides=overrides)
    text = format_json(result) if args.format == "json" else format_text(result)
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into `head`
        pass
    return result.exit_code
