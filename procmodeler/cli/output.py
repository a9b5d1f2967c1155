"""Helpers shared by the commands: checking an output path and writing it atomically,
and printing warnings and notes to stderr."""

from __future__ import annotations

import sys
from pathlib import Path

from procmodeler.common.atomicfile import write_output_file
from procmodeler.common.errors import Problem, UserError
from procmodeler.common.i18n import N_, Message, Translator


def check_output(path: str) -> Path:
    """Refuse an output path whose folder does not exist, before any work is done."""
    out = Path(path)
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(
            Problem(
                str(out), Message(N_("the folder '{folder}' does not exist"), folder=str(folder))
            )
        )
    if out.is_dir():
        raise UserError(Problem(str(out), Message(N_("is a folder, not a file"))))
    return out


def write_output(path: str | Path, data: bytes) -> None:
    out = check_output(str(path))
    write_output_file(out, data)


def warn(text: str, tr: Translator) -> None:
    print(f"procmodeler: {tr('warning')}: {text}", file=sys.stderr)


def note(text: str, tr: Translator) -> None:
    print(f"procmodeler: {tr('note')}: {text}", file=sys.stderr)
