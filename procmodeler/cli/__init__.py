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

import importlib
import importlib.util
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from procmodeler import __version__

if TYPE_CHECKING:
    import argparse

    from procmodeler.common.i18n import Translator


def N_(msgid: str) -> str:  # noqa: N802 - the gettext marker, as in common.i18n
    """Mark a string for translation (here so that listing the commands loads nothing)."""
    return msgid


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
    "kpis": ("cmd_kpis", N_("show what each KPI's measurements say (variation and assurance)")),
    "report": ("cmd_report", N_("write the PDF report of a model")),
    "self-test": ("cmd_selftest", N_("check that this installation works")),
    "repo": ("cmd_repo", N_("push to and pull from a shared repository on PostgreSQL")),
    "diff": ("cmd_diff", N_("show what changed between two models")),
    "merge": ("cmd_merge", N_("merge two models' changes since their common ancestor")),
    "git-setup": ("cmd_gitsetup", N_("make git diff and git merge understand model files")),
    "layout": ("cmd_layout", N_("lay out a model's diagrams anew and route every line")),
}


def cli_language() -> str:
    """The language of messages: PROCMODELER_LANG, else the locale, else English."""
    for var in ("PROCMODELER_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "sv" if value.lower().startswith("sv") else "en"
    return "en"


def terminal_columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size`` gives it: ``COLUMNS``, else
    standard output's terminal, else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


def _parser_class() -> type[argparse.ArgumentParser]:
    """argparse's parser that exits with code 2 and a one-line message on a wrong call
    (argparse is loaded here: ``--version`` needs none of it)."""
    import argparse

    class _Formatter(argparse.HelpFormatter):
        """argparse's help formatter, given the terminal's width (argparse would load
        ``shutil`` for it, with its archive modules: 2 ms of every command)."""

        def __init__(
            self,
            prog: str,
            indent_increment: int = 2,
            max_help_position: int = 24,
            width: int | None = None,
        ) -> None:
            if width is None:
                width = terminal_columns() - 2
            super().__init__(prog, indent_increment, max_help_position, width)

    class _Parser(argparse.ArgumentParser):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("formatter_class", _Formatter)  # its sub-parsers' too
            super().__init__(*args, **kwargs)

        def error(self, message: str) -> NoReturn:
            self.print_usage(sys.stderr)
            self.exit(2, f"{self.prog}: error: {message}\n")

    return _Parser


def _available(name: str) -> bool:
    module, _ = COMMANDS[name]
    return importlib.util.find_spec(f"procmodeler.cli.{module}") is not None


def command_of(args_list: Sequence[str]) -> str | None:
    """The command named on a command line: its first word that is not an option."""
    for word in args_list:
        if not word.startswith("-"):
            return word if word in COMMANDS else None
    return None


def build_parser(tr: Translator, command: str | None = None) -> argparse.ArgumentParser:
    """The parser with every command listed; only ``command``'s module is imported (to
    add its arguments), so listing the commands imports none of them."""
    parser_class = _parser_class()
    parser = parser_class(
        prog="procmodeler",
        description=tr(
            "Process-architecture modeler. Without a command, opens the desktop app "
            "(optionally on FILE)."
        ),
    )
    parser.add_argument("--version", action="version", version=f"procmodeler {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=parser_class)
    for name, (module, help_text) in COMMANDS.items():
        if not _available(name):
            continue
        cmd = sub.add_parser(name, help=tr(help_text), description=tr(help_text))
        if name == command:
            mod = importlib.import_module(f"procmodeler.cli.{module}")
            mod.add_arguments(cmd, tr, name)
    return parser


def _not_a_command(word: str, tr: Translator) -> int:
    """A first word that is neither a command nor an existing file: say so, name the
    nearest command (never open it as a file name), exit 2."""
    import difflib

    problem = tr("{word!r} is neither a command nor an existing file").format(word=word)
    nearest = difflib.get_close_matches(word.lower(), COMMANDS, n=1, cutoff=0.5)
    if nearest:
        hint = tr("did you mean: procmodeler {command}").format(command=nearest[0])
    else:
        hint = tr("the commands are: {names}").format(names=", ".join(COMMANDS))
    print(f"procmodeler: {tr('error')}: {problem}; {hint}", file=sys.stderr)
    return 2


def _no_display() -> bool:
    """True on Linux and the BSDs when Qt has no screen: no DISPLAY, no WAYLAND_DISPLAY
    and no QT_QPA_PLATFORM (offscreen, vnc, ...) chosen."""
    if sys.platform in ("win32", "darwin"):
        return False
    return not any(os.environ.get(var) for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def _open_app(argv: Sequence[str], tr: Translator) -> int:
    parser = _parser_class()(prog="procmodeler", add_help=False)
    parser.add_argument("file", nargs="?")
    args, rest = parser.parse_known_args(list(argv))
    if _no_display():
        print(
            f"procmodeler: {tr('error')}: "
            + tr(
                "no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset); "
                "the commands work without one: procmodeler --help"
            ),
            file=sys.stderr,
        )
        return 2
    try:
        from procmodeler.ui.app import run_app
    except ImportError as exc:
        print(f"procmodeler: {tr('The desktop app cannot start')}: {exc}", file=sys.stderr)
        return 2
    return int(run_app(args.file, rest))


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list == ["--version"]:  # at once, before anything else is loaded
        print(f"procmodeler {__version__}")
        return 0
    from procmodeler.common.errors import UserError
    from procmodeler.common.i18n import translator
    from procmodeler.common.terminal import visible

    tr = translator(cli_language())
    if not args_list or (args_list[0] not in COMMANDS and not args_list[0].startswith("-")):
        if args_list and not os.path.exists(args_list[0]):
            return _not_a_command(args_list[0], tr)
        return _open_app(args_list, tr)
    parser = build_parser(tr, command_of(args_list))
    args = parser.parse_args(args_list)
    if args.command is None:
        parser.print_help()
        return 2
    # the process's own command line: the command ends the process (not a call in tests)
    args.whole_process = argv is None
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
