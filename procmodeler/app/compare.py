"""*Compare with…*, Qt-free: the other model (a file, or a git revision of the open
file), the diff, and which processes it marks as added, changed or removed."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from procmodeler.common.errors import Problem, UserError
from procmodeler.common.i18n import N_, Message
from procmodeler.io import native
from procmodeler.io.diff import ADDED, REMOVED, Change, diff
from procmodeler.io.records import BY_NAME, Kind
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import Bounds

ADDED_PROCESS = "added"
CHANGED_PROCESS = "changed"
REMOVED_PROCESS = "removed"


@dataclass
class Comparison:
    """What changed from OLD (the other model) to NEW (the open one)."""

    old: Architecture
    differences: list[Change]
    status: dict[str, str] = field(default_factory=dict)  # process id -> added/changed/removed
    removed_shapes: dict[str | None, dict[str, Bounds]] = field(default_factory=dict)

    def on_level(self, level: str | None) -> dict[str, str]:
        """Process id -> status, for the processes of one diagram level."""
        return {pid: s for pid, s in self.status.items() if _level_of(self, pid, level)}


def _level_of(comparison: Comparison, pid: str, level: str | None) -> bool:
    if comparison.status.get(pid) == REMOVED_PROCESS:
        return pid in comparison.removed_shapes.get(level, {})
    return True


def processes_touched(change: Change, arch: Architecture) -> set[str]:
    """The processes a (non-layout) change is about: the process itself, or the
    processes its record refers to (a RACI row's, a KPI's, a relation's ends)."""
    kind = BY_NAME[change.kind]
    if kind.layout:
        return set()
    if kind.name == "process":
        return {change.key}
    value = change.old if change.op == REMOVED else change.new
    if value is None or change.op not in (ADDED, REMOVED):
        value = kind.current(arch, change.key)
    return _processes_of(kind, change.key, value, arch, hops=1)


def _processes_of(kind: Kind, key: Any, value: Any, arch: Architecture, hops: int) -> set[str]:
    """The processes a record refers to; through an element it refers to (a
    measurement's KPI) when *hops* allows."""
    touched: set[str] = set()
    if value is None:
        return touched
    for ref in kind.refs:
        for target in kind.referred(key, value, ref):
            if "process" in ref.kinds:
                touched.add(target)
            elif hops:
                for name in ref.kinds:
                    other = BY_NAME[name]
                    found = other.current(arch, target)
                    touched |= _processes_of(other, target, found, arch, hops - 1)
    return touched


def compare(old: Architecture, new: Architecture) -> Comparison:
    """The comparison of the open model NEW with OLD."""
    changes = diff(old, new)
    result = Comparison(old, changes)
    for change in changes:
        if change.kind == "process" and change.op in (ADDED, REMOVED):
            result.status[change.key] = ADDED_PROCESS if change.op == ADDED else REMOVED_PROCESS
    for change in changes:
        for pid in processes_touched(change, new if change.op != REMOVED else old):
            if pid not in result.status and (pid in new.processes):
                result.status[pid] = CHANGED_PROCESS
    for level, shapes in old.shapes.items():
        for pid, bounds in shapes.items():
            if result.status.get(pid) == REMOVED_PROCESS:
                result.removed_shapes.setdefault(level, {})[pid] = bounds
    return result


# ---------------------------------------------------------------------- git
@dataclass(frozen=True)
class Revision:
    """One commit that changed a file."""

    sha: str
    date: str
    author: str
    subject: str


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[bytes] | None:
    git = shutil.which("git")
    if git is None:
        return None
    try:
        return subprocess.run(
            [git, "-C", str(folder), *args], capture_output=True, check=False, timeout=30
        )
    except (OSError, subprocess.TimeoutExpired):
        return None


def git_revisions(path: str | Path, limit: int = 100) -> list[Revision]:
    """The commits that changed *path*, newest first ([] when it is not in a git
    repository, or git is not installed)."""
    file = Path(path).resolve()
    done = _git(
        file.parent,
        "log",
        f"-n{limit}",
        "--format=%H%x1f%ad%x1f%an%x1f%s",
        "--date=short",
        "--",
        file.name,
    )
    if done is None or done.returncode != 0:
        return []
    revisions = []
    for line in done.stdout.decode("utf-8", "replace").splitlines():
        parts = line.split("\x1f")
        if len(parts) == 4:
            revisions.append(Revision(*parts))
    return revisions


def load_revision(path: str | Path, sha: str) -> Architecture:
    """The model as it was in commit *sha*."""
    file = Path(path).resolve()
    done = _git(file.parent, "show", f"{sha}:./{file.name}")
    if done is None or done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip() if done else "git"
        raise UserError(
            Problem(str(file), Message(N_("cannot be read from git: {reason}"), reason=reason))
        )
    return native.loadb(done.stdout, f"{file.name}@{sha[:8]}")
