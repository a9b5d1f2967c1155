"""Benchmark of the semantic diff and the three-way merge (issue 16).

Generates a 10,000-process architecture (the one of ``bench_checks.py``), makes two
copies with 100 changes each (renames, owner changes, moved shapes, new and deleted
processes, RACI letters, KPI targets; the two sides touch different processes, and both
create a process with the same new id), and times ``diff`` of base and one copy and
``merge`` of the three (median of several runs). Prints the figures and writes them to
the "Diff and merge" section of ``docs/performance.md``.

Run from the repository root::

    python bench/bench_teams.py            # measure and update docs/performance.md
    python bench/bench_teams.py --no-write # measure only
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_checks import generate  # noqa: E402 - bench/ is on sys.path when run as a script
from perfdoc import write_section  # noqa: E402

from procmodeler.io.diff import diff  # noqa: E402
from procmodeler.io.merge import merge  # noqa: E402
from procmodeler.model.architecture import Architecture  # noqa: E402
from procmodeler.model.elements import Process  # noqa: E402

HEADING = "## Diff and merge"


def edited(base: Architecture, pids: list[str], seed: int, new_name: str) -> Architecture:
    """A copy of *base* with 100 changes to the processes in *pids*."""
    rnd = random.Random(seed)
    arch = base.copy()
    people = list(arch.people)
    chosen = rnd.sample(pids, 100)
    for i, pid in enumerate(chosen[:96]):
        proc = arch.processes[pid]
        match i % 4:
            case 0:
                arch.put("processes", pid, replace(proc, name=proc.name + " (new)"))
            case 1:
                arch.put("processes", pid, replace(proc, owner=rnd.choice(people)))
            case 2:
                for level, shapes in arch.shapes.items():
                    if pid in shapes:
                        arch.put("shapes", (level, pid), shapes[pid].moved(10, 0))
                        break
                else:
                    arch.put("processes", pid, replace(proc, purpose="Moved"))
            case _:
                arch.put("processes", pid, replace(proc, status="approved"))
    for pid in chosen[96:99]:  # a new sub-process each
        new = arch.next_id("p")
        arch.put("processes", new, Process(new, new_name, "core", pid))
    leaf = chosen[99]
    if not arch.children(leaf):
        arch.put("processes", leaf, replace(arch.processes[leaf], result="Done"))
    return arch


def median_ms(fn, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    base = generate(10_000)
    pids = list(base.processes)
    ours = edited(base, pids[0::2], 1, "Ours")
    theirs = edited(base, pids[1::2], 2, "Theirs")
    changes = diff(base, ours)
    result = merge(base, ours, theirs)
    diff_ms = median_ms(lambda: diff(base, ours), args.runs)
    merge_ms = median_ms(lambda: merge(base, ours, theirs), args.runs)
    print(f"{len(base.processes)} processes, {len(base.relations)} relations")
    print(f"diff: {len(changes)} changes, {diff_ms:.0f} ms (goal < 1 s)")
    print(
        f"merge: {len(result.conflicts)} conflicts, {len(result.renumbered)} renumbered, "
        f"{merge_ms:.0f} ms (goal < 2 s)"
    )
    if args.no_write:
        return
    section = f"""{HEADING}

`bench/bench_teams.py`: a generated architecture of {len(base.processes):,} processes and
{len(base.relations):,} relations, and two copies with 100 changes each (renames, owners,
moved shapes, statuses, three new sub-processes; the copies touch different processes
and create processes with the same new ids, which the merge renumbers). Median of
{args.runs} runs; {platform.python_implementation()} {platform.python_version()},
{platform.machine()}.

| what | goal | measured |
| --- | ---: | ---: |
| `diff` of base and one copy ({len(changes)} changes) | < 1 s | {diff_ms:.0f} ms |
| `merge` of base and both copies ({len(result.renumbered)} ids renumbered, {len(result.conflicts)} conflicts) | < 2 s | {merge_ms:.0f} ms |
"""
    write_section(HEADING, section)


if __name__ == "__main__":
    main()
