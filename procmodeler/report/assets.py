"""Reading the files a branding profile names (logo, fonts): one clear line naming the profile when one cannot be used."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from procmodeler.common.errors import Problem, UserError
from procmodeler.common.i18n import Message
from procmodeler.common.inputfile import read_input_bytes


def problem(source: str, msgid: str, **args: Any) -> UserError:
    """The error *msgid* (with *args*) about the profile *source*."""
    return UserError(Problem(source, Message(msgid, **args)))


def read_asset(path: Path, where: str, limit: int, too_large: str, unreadable: str) -> bytes:
    """The bytes of a file a profile names (a logo, a font), at most *limit*; the
    messages *too_large* and *unreadable* (with ``{path}``, ``{reason}``) name *where*."""
    try:
        return read_input_bytes(path, limit)
    except UserError as exc:
        if exc.problems and "too large" in exc.problems[0].text():
            raise problem(where, too_large, path=str(path)) from None
        raise problem(
            where,
            unreadable,
            path=str(path),
            reason=exc.problems[0].text().split(": ", 1)[-1] if exc.problems else "",
        ) from None
