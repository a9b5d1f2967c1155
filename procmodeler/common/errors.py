"""Errors that describe a user's mistake (bad input, a refused edit), as opposed to
programming errors. The command line prints each problem on one line and exits 2; the
app shows them in a dialog. Neither shows a traceback for these."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from procmodeler.common.i18n import N_, Message, Translator

MAX_REPORTED_PROBLEMS = 50


@dataclass(frozen=True)
class Problem:
    """One problem in one input: ``file:line: column 'col': message``."""

    file: str
    message: Message | str
    line: int | None = None
    column: str | None = None

    def text(self, tr: Translator | None = None) -> str:
        msg = self.message.text(tr) if isinstance(self.message, Message) else self.message
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
        if self.column:
            where += f": {self.column}"
        return f"{where}: {msg}"


class UserError(Exception):
    """Bad input or a refused request: one or more problems, each shown on one line.

    *omitted* counts further problems that were found but not kept (an importer keeps
    only the first few hundred of a file with millions of bad rows); they count in the
    "... and N more problems" line."""

    def __init__(
        self, problems: Iterable[Problem] | Problem | Message | str, omitted: int = 0
    ) -> None:
        if isinstance(problems, Problem):
            items = [problems]
        elif isinstance(problems, (Message, str)):
            items = [Problem("", problems)]
        else:
            items = list(problems)
        self.problems: list[Problem] = items
        self.omitted = omitted
        super().__init__(self.lines()[0] if items else "")

    def lines(self, tr: Translator | None = None, limit: int = MAX_REPORTED_PROBLEMS) -> list[str]:
        """The problems as text lines, at most *limit*, then a line with the rest's count."""
        out = []
        for problem in self.problems[:limit]:
            text = problem.text(tr)
            out.append(text[2:] if text.startswith(": ") else text)
        rest = len(self.problems) + self.omitted - min(limit, len(self.problems))
        if rest > 0:
            out.append(
                Message("... and {n} more problem", "... and {n} more problems", rest).text(tr)
            )
        return out


class EditRefused(UserError):
    """An edit the rules do not allow (e.g. making a process its own ancestor)."""


def cannot_write(path: object, exc: OSError) -> UserError:
    """The user error for an output that could not be written (full disk, no right to
    write, a folder in the way, ...)."""
    return UserError(
        Problem(
            str(path),
            Message(N_("cannot be written: {reason}"), reason=exc.strerror or str(exc)),
        )
    )
