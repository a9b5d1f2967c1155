"""The command line: ``procmodeler [FILE]`` opens the desktop app; ``procmodeler
COMMAND ...`` runs a command without Qt.

Conventions for every command: a command that writes takes ``-o PATH`` (required),
writes atomically and overwrites; warnings and notes go to stderr; exit code 0 on
success, 2 on bad input or a wrong call, 1 only for ``check`` findings. A user's
mistake is shown as one line per problem, never as a traceback.

Each command lives in its own module ``procmodeler/cli/cmd_<name>.py`` with
``add_arguments(parser, tr, name)`` and ``run(args, tr) -> int``; the table below names
them. Adding a command is one line in ``COMMANDS``. A command's module is imported only
when that command is run (or its ``--help`` asked for): ``procmodeler --version`` and
``procmodeler --help`` import no third-party package, so the command line starts at once.
Keep it so: import nothing heavy at the top of this package.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from procmodeler import __version__
from procmodeler.common.errors import UserError
from procmodeler.common.i18n import N_, Translator, translator
from procmodeler.common.terminal import visible

#: command name -> (module, one-line help). Names are reserved words: a file called
#: like a command must be opened as ``procmodeler ./check``.
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("cmd_check", N_("check a model for orphaned processes and unclear responsibility")),
    "import-register": (
        "cmd_register",
        N_("turn a process register (CSV folder or .xlsx) into a model"),
    ),
    "export-register": (
        "cmd_register",
        N_("write a model as a process register (CSV folder or .xlsx)"),
    ),
    "export-bpmn": ("cmd_bpmn", N_("export a model as BPMN 2.0 XML")),
    "import-bpmn": ("cmd_bpmn", N_("import a BPMN 2.0 XML file as a model")),
    "report": ("cmd_report", N_("write the PDF report of a model")),
    "self-test": ("cmd_selftest", N_("check that this installation works")),
    "repo": ("cmd_repo", N_("push to and pull from a shared repository on PostgreSQL")),
    "diff": ("cmd_diff", N_("show what changed between two models")),
    "merge": ("cmd_merge", N_("merge two models' changes since their common ancestor")),
    "git-setup": ("cmd_gitsetup", N_("make git diff and git merge understand model files")),
}


def cli_language() -> str:
    """The language of messages: PROCMODELER_LANG, else the locale, else English."""
    for var in ("PROCMODELER_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "sv" if value.lower().startswith("sv") else "en"
    return "en"


class _Parser(argparse.ArgumentParser):
    """argparse that exits with code 2 and a one-line message on a wrong call."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def _available(name: str) -> bool:
    module, _ = COMMANDS[name]
    return importlib.util.find_spec(f"procmodeler.cli.{module}") is not None


def command_of(args_list: Sequence[str]) -> str | None:
    """The command named on a command line: its first word that is not an option."""
    for word in args_list:
        if not word.startswith("-"):
            return word if word in COMMANDS else None
    return None


def build_parser(tr: Translator, command: str | None = None) -> _Parser:
    """The parser with every command listed; only ``command``'s module is imported (to
    add its arguments), so listing the commands imports none of them."""
    parser = _Parser(
        prog="procmodeler",
        description=tr(
            "Process-architecture modeler. Without a command, opens the desktop app "
            "(optionally on FILE)."
        ),
    )
    parser.add_argument("--version", action="version", version=f"procmodeler {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (module, help_text) in COMMANDS.items():
        if not _available(name):
            continue
        cmd = sub.add_parser(name, help=tr(help_text), description=tr(help_text))
        if name == command:
            mod = importlib.import_module(f"procmodeler.cli.{module}")
            mod.add_arguments(cmd, tr, name)
    return parser


def _open_app(argv: Sequence[str], tr: Translator) -> int:
    parser = _Parser(prog="procmodeler", add_help=False)
    parser.add_argument("file", nargs="?")
    args, rest = parser.parse_known_args(list(argv))
    try:
        from procmodeler.ui.app import run_app
    except ImportError as exc:
        print(f"procmodeler: {tr('The desktop app cannot start')}: {exc}", file=sys.stderr)
        return 2
    return int(run_app(args.file, rest))


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    tr = translator(cli_language())
    if not args_list or (args_list[0] not in COMMANDS and not args_list[0].startswith("-")):
        return _open_app(args_list, tr)
    parser = build_parser(tr, command_of(args_list))
    args = parser.parse_args(args_list)
    if args.command is None:
        parser.print_help()
        return 2
    module, _ = COMMANDS[args.command]
    mod = importlib.import_module(f"procmodeler.cli.{module}")
    try:
        return int(mod.run(args, tr))
    except UserError as exc:
        for line in exc.lines(tr):
            print(f"procmodeler: {tr('error')}: {visible(line)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
