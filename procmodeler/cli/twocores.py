"""``check`` on two cores: a second process, forked before the model is read, reads the
same model and runs about half of the rules, and hands its findings back through a pipe;
together the two halves are the result one process gives (tests/cli/test_check_two_cores.py).

Only for the command line's own process on a POSIX system other than macOS (where a
fork is not safe once system frameworks are loaded) with two cores or more, and only for
an input large enough to gain from it; everywhere else one process runs every rule. If
the second process fails in any way, the first runs its rules too."""

from __future__ import annotations

import contextlib
import itertools
import marshal
import os
import signal
import sys
from collections.abc import Callable, Iterable
from operator import attrgetter
from pathlib import Path
from typing import Any, NoReturn

from procmodeler.analysis.findings import CheckResult, Finding
from procmodeler.analysis.output import format_text, json_document, json_findings
from procmodeler.common.terminal import visible, visible_json
from procmodeler.model.records import record_maker

#: Inputs smaller than this are checked in one process (a fork costs more than it gains).
MIN_INPUT_BYTES = 256 * 1024

#: The second process runs the rules of these families but ``responsibility.no-owner``,
#: and ``analysis.single-point-of-failure``; the first the rest. Chosen so that both end
#: at about the same time on a 10,000-process register (each also reads the model and
#: writes the JSON of its findings; docs/performance.md, "check on two cores").
_SECOND_FAMILIES = frozenset({"responsibility", "kpi", "strategy", "improvement", "process"})
_SECOND_ALSO, _FIRST_ALSO = "analysis.single-point-of-failure", "responsibility.no-owner"

_finding = record_maker(Finding)


def in_second_process(rule: str) -> bool:
    """Whether the second process runs *rule*."""
    if rule in (_SECOND_ALSO, _FIRST_ALSO):
        return rule == _SECOND_ALSO
    return rule.split(".", 1)[0] in _SECOND_FAMILIES


def _cores() -> int:
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else (os.cpu_count() or 1)


def _input_size(path: Path) -> int:
    try:
        if path.is_dir():
            return sum(p.stat().st_size for p in path.iterdir() if p.is_file())
        return path.stat().st_size
    except OSError:
        return 0  # the reader reports it


def worth_it(path: Path) -> bool:
    """Whether checking *path* is split over two processes on this system."""
    return (
        hasattr(os, "fork")
        and sys.platform != "darwin"
        and _cores() >= 2
        and _input_size(path) >= MIN_INPUT_BYTES
    )


class Split:
    """The rules of this process, and its link to the other one."""

    def __init__(self, rules: list[str], mine: list[str], pid: int, fd: int) -> None:
        self.all_rules = rules
        self.rules = mine
        self.pid = pid  # of the second process, 0 in the second process itself
        self.fd = fd  # the pipe's end

    @property
    def second(self) -> bool:
        return self.pid == 0

    def abandon(self) -> None:
        """After an error (which the first process reports): the second process ends
        at once, the first one ends the second."""
        if self.second:
            os._exit(1)
        os.close(self.fd)
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)

    def output(
        self, result: CheckResult, rerun: Callable[[list[str]], CheckResult], as_json: bool
    ) -> tuple[str, int]:
        """The output text (JSON or text, made visible) and the exit code of all rules,
        from this process's *result* and the other's. The second process sends its part
        and ends. When it sends nothing, the first runs its rules (``rerun``)."""
        part = _json_part if as_json else _rows_part
        if self.second:
            _send(self.fd, part(result))
        mine = part(result)  # made while the second process may still be at work
        theirs = _receive(self.fd, self.pid)
        if theirs is None:
            theirs = part(rerun([rule for rule in self.all_rules if rule not in self.rules]))
        if as_json:
            return joined_json(mine, theirs)
        everything = merged(result, _result(theirs, result.lang))
        return visible(format_text(everything)), everything.exit_code


def start(rules: list[str]) -> Split:
    """Fork the second process; each gets the half of *rules* it runs (with no second
    process, or when the fork fails, this one runs them all)."""
    first = [rule for rule in rules if not in_second_process(rule)]
    second = [rule for rule in rules if in_second_process(rule)]
    if not first or not second:
        return Split(rules, rules, -1, -1)
    read_end, write_end = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return Split(rules, rules, -1, -1)
    if pid == 0:  # the second process: says nothing; what it finds goes to the pipe
        os.close(read_end)
        quiet = os.open(os.devnull, os.O_WRONLY)
        os.dup2(quiet, 1)
        os.dup2(quiet, 2)
        return Split(rules, second, 0, write_end)
    os.close(write_end)
    return Split(rules, first, pid, read_end)


Part = tuple[Any, ...]  # what the second process sends: see _json_part, _rows_part


def _json_part(result: CheckResult) -> Part:
    """The JSON text of the findings of each rule, the summary counts, the exit code."""
    blocks = {
        rule: visible_json(json_findings(group))  # each made visible in its own process
        for rule, group in itertools.groupby(result.findings, key=attrgetter("rule"))
    }  # the findings are sorted by rule first
    return blocks, result.summary, result.exit_code


def joined_json(mine: Part, theirs: Part) -> tuple[str, int]:
    """The JSON output (made visible) and exit code of two :func:`_json_part` parts."""
    blocks = {**mine[0], **theirs[0]}
    body = ",\n".join(blocks[rule] for rule in sorted(blocks) if blocks[rule])
    summary = {key: n + theirs[1].get(key, 0) for key, n in mine[1].items()}
    # the blocks are visible already; the document adds brackets, severities and counts
    return json_document(body, summary), max(mine[2], theirs[2])


def _rows_part(result: CheckResult) -> Part:
    """The findings as tuples, and the suppressions that matched none."""
    rows = [
        (f.rule, f.severity, f.elements, f.message, f.suppressed, f.related)
        for f in result.findings
    ]
    return rows, result.unused_suppressions


def _result(part: Part, lang: str) -> CheckResult:
    rows, unused = part
    return CheckResult(tuple(_finding(*row) for row in rows), lang, tuple(map(tuple, unused)))


def _send(fd: int, part: Part) -> NoReturn:
    try:
        data = marshal.dumps(part)
        with os.fdopen(fd, "wb") as pipe:
            pipe.write(data)
    except BaseException:  # noqa: BLE001 - the first process runs these rules itself
        os._exit(1)
    os._exit(0)


def _receive(fd: int, pid: int) -> Part | None:
    """The second process's part, or None when it failed."""
    with os.fdopen(fd, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        return None
    try:
        part = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None
    return part if isinstance(part, tuple) else None


def merged(mine: CheckResult, theirs: CheckResult) -> CheckResult:
    """The result of all rules from the results of two sets of rules."""
    findings = sorted([*mine.findings, *theirs.findings], key=Finding.sort_key)
    unused: Iterable[tuple[str, tuple[str, ...]]] = sorted(
        {*mine.unused_suppressions, *theirs.unused_suppressions}
    )
    return CheckResult(tuple(findings), mine.lang, tuple(unused))
