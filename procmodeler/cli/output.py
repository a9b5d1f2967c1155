"""Helpers shared by the commands: checking an output path and writing it atomically,
and printing warnings and notes to stderr with control characters made visible."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import NoReturn

from procmodeler.common.atomicfile import write_output_file
from procmodeler.common.errors import Problem
from procmodeler.common.i18n import Translator
from procmodeler.common.outputpath import check_output_target
from procmodeler.common.terminal import visible

#: The inputs of the running command: an output naming one of them is refused.
_INPUTS: list[str] = []


def set_inputs(*paths: str | None) -> None:
    """Remember the files (and folders) the running command reads."""
    _INPUTS[:] = [str(p) for p in paths if p]


def check_output(path: str, inputs: Iterable[str] = (), *, folder_ok: bool = False) -> Path:
    """Refuse an output path that is an input, a special, read-only or hard-linked file,
    or lies in a folder that does not exist, before any work is done. Returns the path
    to write (a symbolic link resolved to its target)."""
    return check_output_target(path, [*_INPUTS, *inputs], folder_ok=folder_ok)


def write_output(path: str | Path, data: bytes) -> None:
    write_output_file(path, data, inputs=list(_INPUTS))


def warn(text: str, tr: Translator) -> None:
    print(f"procmodeler: {tr('warning')}: {visible(text)}", file=sys.stderr)


def note(text: str, tr: Translator) -> None:
    print(f"procmodeler: {tr('note')}: {visible(text)}", file=sys.stderr)


def notes_and_warnings(
    notes: Iterable[Problem], warnings: Iterable[Problem], tr: Translator
) -> None:
    """An import's notes, then its warnings, one a line, each kind written at once (a
    register of 10,000 numbered ids has 500 notes)."""
    for kind, problems in ((tr("note"), notes), (tr("warning"), warnings)):
        sys.stderr.write("".join(f"procmodeler: {kind}: {visible(p.text(tr))}\n" for p in problems))
    sys.stderr.flush()


def end_process(code: int) -> NoReturn:
    """End the command line's own process with *code* once its output is written,
    without freeing what it built object by object (a checked 10,000-process register:
    about 12 ms). Only for a command that is the whole process (``whole_process``)."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)
