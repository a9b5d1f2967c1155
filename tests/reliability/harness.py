"""The machinery behind the reliability tests and ``bench/soak.py``: processes that are
killed on purpose (while saving, while editing), the deterministic edit script they
run, and the input mutators and importer targets of the fuzzing.

The tests run each piece with modest counts; the soak script runs the full counts and
reports the figures. Worker processes are started as
``python -m tests.reliability.harness WORKER ARGS...`` from the repository root.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import random
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:  # run as a script by a worker process
    sys.path.insert(0, str(REPO_ROOT))

from procmodeler.common.errors import UserError  # noqa: E402
from procmodeler.edit import operations as ops  # noqa: E402
from procmodeler.edit.editor import Editor  # noqa: E402
from procmodeler.model.architecture import Architecture  # noqa: E402
from procmodeler.model.elements import (  # noqa: E402
    Bounds,
    Kpi,
    Metadata,
    Person,
    Process,
    Relation,
    Unit,
)

EXAMPLES = REPO_ROOT / "procmodeler" / "resources" / "examples"
BPMN_SAMPLES = REPO_ROOT / "tests" / "data" / "bpmn-samples"


# ====================================================================== sample models
def sample_model(processes: int = 300, variant: int = 0) -> Architecture:
    """A deterministic model with every kind of element; *variant* changes names and
    positions so that two variants differ everywhere."""
    arch = Architecture(Metadata(name=f"Sample {variant}", organisation="Reliability AB"))
    units = max(3, processes // 20)
    for u in range(units):
        arch.put("units", f"unit_{u}", Unit(f"unit_{u}", f"Unit {u} v{variant}",
                                            f"unit_{u // 3}" if u >= 3 else None))  # fmt: skip
        arch.put("people", f"person_{u}", Person(f"person_{u}", f"Person {u}", f"unit_{u}"))
    kinds = ("management", "core", "support")
    for p in range(processes):
        parent = f"proc_{p // 5}" if p >= 5 else None
        arch.put(
            "processes",
            f"proc_{p}",
            Process(
                f"proc_{p}",
                f"Process {p} variant {variant} – åäö",
                kinds[p % 3],
                parent,
                purpose=f"Purpose {p}" * (1 + variant),
                owner=f"person_{p % units}",
                objects_in=(f"in {p}",),
            ),
        )
        arch.put("shapes", (parent, f"proc_{p}"),
                 Bounds(40.0 + 10 * (p % 50) + variant, 40.0 + 90 * (p // 50), 160.0, 70.0))  # fmt: skip
        arch.put("participation", (f"proc_{p}", f"unit_{p % units}"), "RA" if p % 2 else "C")
        if p and p % 4:
            arch.put("relations", f"rel_{p}", Relation(f"rel_{p}", f"proc_{p - 1}", f"proc_{p}"))
        if p % 7 == 0:
            arch.put("kpis", f"kpi_{p}", Kpi(f"kpi_{p}", f"proc_{p}", "Lead time", "lead_time",
                                             "days", "lower", 5.0 + variant, 7.5))  # fmt: skip
    return arch


# ====================================================================== processes
def python_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    path = env.get("PYTHONPATH")
    env["PYTHONPATH"] = f"{REPO_ROOT}{os.pathsep}{path}" if path else str(REPO_ROOT)
    env.update(extra or {})
    return env


def start_worker(
    args: list[str], out: Path, env: dict[str, str] | None = None
) -> subprocess.Popen[bytes]:
    """Start ``python -m tests.reliability.harness ARGS`` with stdout into *out*."""
    handle = open(out, "wb")  # noqa: SIM115 - closed below, the child keeps its copy
    try:
        return subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.harness", *args],
            cwd=REPO_ROOT,
            env=python_env(env),
            stdout=handle,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    finally:
        handle.close()


def wait_for_line(out: Path, proc: subprocess.Popen[bytes], word: str, timeout: float = 60) -> None:
    """Wait until the worker has written a line starting with *word*."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        text = out.read_text(encoding="utf-8", errors="replace")
        if any(line.startswith(word) for line in text.splitlines()):
            return
        if proc.poll() is not None:
            raise AssertionError(f"worker ended early ({proc.returncode}):\n{text}")
        time.sleep(0.005)
    proc.kill()
    proc.wait()
    raise AssertionError(f"worker did not say {word!r} within {timeout} s")


HOLDER = (
    "import sys\n"
    "from procmodeler.app.locking import FileLock\n"
    "lock = FileLock.acquire(sys.argv[1])\n"
    "print('held' if lock.held else 'not held', flush=True)\n"
    "sys.stdin.read()\n"
)


class OtherInstance:
    """Another procmodeler process holding the lock on a file, until killed or ended."""

    def __init__(self, path: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=python_env(),
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().strip()
        assert line == "held", line

    @property
    def pid(self) -> int:
        return self.proc.pid

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()

    def end(self) -> None:
        self.kill()
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None:
                stream.close()


def crash_a_session(path: Path | None = None) -> dict[str, str]:
    """Run a session in another process that edits and is then killed (SIGKILL); its
    journal is left in this process's recovery folder. Returns the ids it created."""
    proc = subprocess.run(
        [sys.executable, "-m", "tests.reliability.harness", "crash", str(path or "")],
        cwd=REPO_ROOT,
        env=python_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode != 0, proc.stdout  # it died
    return dict(json.loads(proc.stdout.splitlines()[0]))


def kill(proc: subprocess.Popen[bytes]) -> None:
    """SIGKILL on POSIX (TerminateProcess on Windows): no clean-up runs in the child."""
    proc.kill()
    proc.wait()


# ====================================================================== kill during save
def save_worker(target: str, mode: str, processes: str) -> None:
    """Save the two variants of a sample model to *target* alternately, forever.

    ``save``: ``native.save`` (serialise + atomic write); ``write``: the atomic write of
    pre-serialised bytes only, so that more kills land in the write/fsync/rename."""
    from procmodeler.common.atomicfile import atomic_write_bytes
    from procmodeler.io import native

    models = [sample_model(int(processes), 0), sample_model(int(processes), 1)]
    data = [native.dumps(m).encode("utf-8") for m in models]
    print("ready", flush=True)
    i = 1
    while True:
        if mode == "save":
            native.save(models[i % 2], target)
        else:
            atomic_write_bytes(target, data[i % 2])
        i += 1


@dataclass
class SaveTrial:
    """One kill-during-save trial."""

    mode: str
    delay: float
    outcome: str  # "old", "new" (which of the two variants is on disk) or "BROKEN: ..."
    leftovers: int  # temporary files the kill left behind


def kill_during_save_trial(
    folder: Path, rnd: random.Random, mode: str, processes: int = 600
) -> SaveTrial:
    """Save in a loop in a child process, kill it at a random moment, check the file."""
    from procmodeler.io import native

    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "model.procm"
    variants = [sample_model(processes, 0), sample_model(processes, 1)]
    native.save(variants[0], target)
    out = folder / "worker.out"
    proc = start_worker(["save", str(target), mode, str(processes)], out)
    try:
        wait_for_line(out, proc, "ready")
        delay = rnd.uniform(0.0, 0.4)
        time.sleep(delay)
    finally:
        kill(proc)
    leftovers = sum(1 for p in folder.iterdir() if p.name.endswith(".tmp"))
    try:
        on_disk = native.load(target)
    except UserError as exc:
        return SaveTrial(mode, delay, f"BROKEN: {exc}", leftovers)
    if on_disk == variants[0]:
        outcome = "old"
    elif on_disk == variants[1]:
        outcome = "new"
    else:
        outcome = "BROKEN: the file holds neither model"
    return SaveTrial(mode, delay, outcome, leftovers)


# ====================================================================== the edit script
NAMES = ["Order", "Invoice", "Plan", "Deliver", "Ärende", "Hire", "Räkna", "Support 2"]


def edit_step(session: Any, rnd: random.Random, save_to: Path) -> str:
    """One step of a deterministic editing session: an operation, undo, redo or save.

    The same seed gives the same steps, so a checker can recompute the model after
    each step. Returns a word saying what the step did."""
    ed: Editor = session.editor
    arch = ed.arch
    procs = sorted(arch.processes)
    units = sorted(arch.units)
    roll = rnd.random()
    try:
        if roll < 0.22 or not procs:
            parent = rnd.choice([None, *procs[:5]]) if procs and rnd.random() < 0.3 else None
            ops.create_process(ed, rnd.choice(NAMES), rnd.choice(["core", "support", "management"]),
                               parent)  # fmt: skip
            return "create"
        if roll < 0.32:
            ops.rename_process(ed, rnd.choice(procs), f"{rnd.choice(NAMES)} {rnd.randrange(99)}")
            return "rename"
        if roll < 0.42:
            pid = rnd.choice(procs)
            level = arch.processes[pid].parent
            if pid in arch.shapes.get(level, {}):
                ops.move_shapes(ed, level, [pid], rnd.uniform(-50, 50), rnd.randrange(-40, 40))
            return "move"
        if roll < 0.50 and len(procs) > 1:
            a, b = rnd.sample(procs, 2)
            ops.connect(ed, a, b, rnd.choice(["flow", "support", "steering"]))
            return "connect"
        if roll < 0.56:
            ops.add_unit(
                ed, f"Unit {rnd.randrange(50)}", rnd.choice([None, *units]) if units else None
            )
            return "unit"
        if roll < 0.62 and units:
            ops.set_participation(ed, rnd.choice(procs), rnd.choice(units),
                                  rnd.choice(["R", "RA", "C", "I", "", None]))  # fmt: skip
            return "raci"
        if roll < 0.66 and units:
            person = ops.add_person(ed, f"Person {rnd.randrange(99)}", rnd.choice(units))
            ops.set_owner(ed, rnd.choice(procs), person)
            return "owner"
        if roll < 0.70:
            ops.add_kpi(
                ed, rnd.choice(procs), "Lead time", "lead_time", target=rnd.choice([None, 3.5])
            )
            return "kpi"
        if roll < 0.74:
            ops.delete_processes(ed, [rnd.choice(procs)])
            return "delete"
        if roll < 0.77:
            ops.set_metadata(ed, name=f"Model {rnd.randrange(1000)}")
            return "meta"
        if roll < 0.79:
            ops.suppress_finding(ed, "orphan.isolated", [rnd.choice(procs)], "Known, accepted")
            return "suppress"
        if roll < 0.90:
            ed.undo()
            return "undo"
        if roll < 0.985:
            ed.redo()
            return "redo"
        session.save(save_to, overwrite=True)
        return "save"
    except UserError:
        return "refused"


def new_session(mode: str, folder: Path, journal: bool) -> Any:
    """The session an editing trial starts from: a new model, or an opened file."""
    from procmodeler.app.session import Session

    if mode == "new":
        arch = Architecture(Metadata(language="en"))
        return Session(Editor(arch), journal=journal)
    return Session.open(folder / "start.procm", journal=journal)


def prepare_edit_trial(folder: Path, mode: str) -> None:
    from procmodeler.io import native

    folder.mkdir(parents=True, exist_ok=True)
    if mode == "file":
        native.save(sample_model(30, 0), folder / "original.procm")
        (folder / "start.procm").write_bytes((folder / "original.procm").read_bytes())


def edit_worker(folder: str, mode: str, seed: str) -> None:
    """Edit with the deterministic script and print ``step N`` after each step returns;
    runs until killed."""
    base = Path(folder)
    session = new_session(mode, base, journal=True)
    rnd = random.Random(int(seed))
    print("ready", flush=True)
    step = 0
    while True:
        edit_step(session, rnd, base / "start.procm")
        step += 1
        session.tick()
        print(f"step {step}", flush=True)


def expected_states(folder: Path, mode: str, seed: int, steps: int) -> list[Architecture]:
    """The model after 0, 1, ..., *steps* steps of the script (recomputed here)."""
    return replay_script(folder, mode, seed, steps)[0]


def replay_script(
    folder: Path, mode: str, seed: int, steps: int
) -> tuple[list[Architecture], list[list[Architecture]]]:
    """The script recomputed without a journal: the model after 0, 1, ..., *steps*
    steps, and for each step the model after each transaction (commit, undo, redo) it
    made, in order (``[]`` for step 0 and for steps that changed nothing).

    A step can commit more than one transaction (``owner``: add a person, then make
    them the owner), and a kill can land between the two: the work recovered then is
    every *committed* edit, the first transaction of the step but not the second."""
    import shutil

    scratch = folder / "replay"
    scratch.mkdir(exist_ok=True)
    if mode == "file":
        shutil.copy(folder / "original.procm", scratch / "start.procm")
    session = new_session(mode, scratch, journal=False)
    rnd = random.Random(seed)
    states = [session.arch.copy()]
    commits: list[list[Architecture]] = [[]]
    session.editor.subscribe(lambda _event: commits[-1].append(session.arch.copy()))
    for _ in range(steps):
        commits.append([])
        edit_step(session, rnd, scratch / "start.procm")
        states.append(session.arch.copy())
    return states, commits


@dataclass
class EditTrial:
    """One kill-during-editing trial."""

    mode: str
    seed: int
    delay: float
    steps_done: int  # steps that had returned (printed) before the kill
    recovered_step: int | None  # which expected state the recovered work equals
    offered: bool  # recovery offered the work (False: it was all in the file already)
    note: str = ""
    #: The recovered work also has this many (not all) of the transactions of step
    #: ``recovered_step + 1``: the kill landed between two commits of one step.
    partial_commits: int = 0

    @property
    def ok(self) -> bool:
        return self.recovered_step is not None and self.recovered_step >= self.steps_done


def kill_during_editing_trial(folder: Path, rnd: random.Random, mode: str) -> EditTrial:
    """Edit in a child process, kill it at a random moment, recover, compare."""
    from procmodeler.app import recovery
    from procmodeler.io import native

    prepare_edit_trial(folder, mode)
    data_dir = folder / "data"
    seed = rnd.randrange(2**31)
    out = folder / "worker.out"
    proc = start_worker(["edit", str(folder), mode, str(seed)], out,
                        {"PROCMODELER_DATA_DIR": str(data_dir)})  # fmt: skip
    try:
        wait_for_line(out, proc, "ready")
        delay = rnd.uniform(0.0, 1.0)
        time.sleep(delay)
    finally:
        kill(proc)
    lines = out.read_text(encoding="utf-8", errors="replace").splitlines()
    done = max((int(line.split()[1]) for line in lines if line.startswith("step ") and
                line.split()[1:] and line.split()[1].isdigit()), default=0)  # fmt: skip
    states, commits = replay_script(folder, mode, seed, done + 1)
    found = recovery.find_recoverable(data_dir / "recovery")
    note = ""
    if len(found) > 1:
        return EditTrial(mode, seed, delay, done, None, True, f"{len(found)} sessions offered")
    if found:
        result = recovery.recover(found[0])
        work = result.editor.arch
        note = "; ".join(n.text() for n in result.notes)
        recovery.discard(found[0])
    elif (folder / "start.procm").exists():
        work = native.load(folder / "start.procm")
    else:
        work = states[0]
    match, partial = match_recovered(work, states, commits, done)
    return EditTrial(mode, seed, delay, done, match, bool(found), note, partial)


def match_recovered(
    work: Architecture,
    states: list[Architecture],
    commits: list[list[Architecture]],
    done: int,
) -> tuple[int | None, int]:
    """Which state of the script the recovered *work* is, when *done* steps had
    returned before the kill: ``(done, 0)``, ``(done + 1, 0)`` (the step under way had
    committed everything), ``(done, k)`` (the first *k* transactions of step
    ``done + 1``, not all of them, were committed) or ``(None, 0)`` (none: lost or
    wrong work). *states* and *commits* are those of :func:`replay_script`."""
    for step in (done, done + 1):
        if work == states[step]:
            return step, 0
    for i, state in enumerate(commits[done + 1][:-1]):
        if work == state:
            return done, i + 1
    return None, 0


def simulate_crash_points(
    folder: Path, mode: str, seed: int, steps: int, *, torn: bool = True
) -> tuple[int, list[str]]:
    """Run *steps* steps of the script in this process with a journal, and at every
    moment a kill can leave distinct files behind, recover what a next start would find
    and compare it with the model at that moment: after each journal record (commit,
    undo, redo: also between the two transactions of one step), in a save between the
    file's atomic replace and the journal's rebase, and after each step. With *torn*,
    also a journal whose last record was cut off in the middle of its write, which must
    give the model before that record. Deterministic: no process is killed; a kill is
    simulated by copying the recovery folder (an unlocked copy of the owner file is
    what a dead process leaves).

    Returns the number of crash points checked and a description of each that failed.
    Needs ``PROCMODELER_DATA_DIR`` set to a scratch folder (the journal goes there)."""
    import shutil

    from procmodeler.app import recovery
    from procmodeler.io import native

    prepare_edit_trial(folder, mode)
    session = new_session(mode, folder, journal=True)
    assert session.journal is not None, session.journal_error
    live_dir = session.journal.folder
    rnd = random.Random(seed)
    where = {"step": 0, "at": ""}
    checked = [0]
    bad: list[str] = []
    before = [session.arch.copy()]  # the model before the last journal record

    def recovered(snapshot: Path) -> Architecture:
        found = recovery.find_recoverable(snapshot)
        if len(found) > 1:
            raise AssertionError(f"{len(found)} sessions offered")
        if found:
            result = recovery.recover(found[0])
            recovery.discard(found[0])
            return result.editor.arch
        if (folder / "start.procm").exists():
            return native.load(folder / "start.procm")
        return Architecture(Metadata(language="en"))

    def check(at: str, expected: Architecture, cut: bool = False) -> None:
        snapshot = folder / "snapshot"
        shutil.rmtree(snapshot, ignore_errors=True)
        shutil.copytree(live_dir, snapshot)
        if cut:
            journal = next(snapshot.glob("*.journal"))
            data = journal.read_bytes()
            last = data.rstrip(b"\n").rfind(b"\n") + 1
            if last == 0 or data.count(b"\n") < 2:
                return  # only the header: nothing to tear
            journal.write_bytes(data[: last + rnd.randrange(1, len(data) - last)])
        checked[0] += 1
        try:
            work = recovered(snapshot)
        except (AssertionError, UserError) as exc:
            bad.append(f"step {where['step'] + 1} ({where['at']}), {at}: {exc}")
            return
        if work != expected:
            bad.append(f"step {where['step'] + 1} ({where['at']}), {at}: wrong model")

    def on_record(event: Any) -> None:  # runs after the journal wrote the record
        check(f"after a {event.how} record", session.arch)
        if torn:
            check(f"a torn {event.how} record", before[0], cut=True)
        before[0] = session.arch.copy()

    session.editor.subscribe(on_record)
    journal = session.journal
    rebase = journal.rebase

    def check_then_rebase(*args: Any, **kwargs: Any) -> None:
        check("saved, journal not yet rebased", session.arch)
        rebase(*args, **kwargs)

    journal.rebase = check_then_rebase  # type: ignore[method-assign]
    try:
        for step in range(steps):
            where["step"], where["at"] = step, "under way"
            where["at"] = edit_step(session, rnd, folder / "start.procm")
            session.tick()
            check("after the step", session.arch)
    finally:
        session.close()
    return checked[0], bad


# ====================================================================== fuzzing: mutators
def random_text(rnd: random.Random) -> str:
    pool = [
        "",
        " ",
        "x",
        "proc_1",
        "unit_1",
        "1.2.3",
        "NaN",
        "-0",
        "1e999",
        "äöå",
        "\u0000",
        "\ud7ff",
        "\ufeff",
        "=SUM(A1)",
        "'=1",
        '"',
        ",",
        "\r\n",
        "\n",
        "a" * 300,
        "R",
        "RACI",
        "rx",
        "core",
        "ledning",
        "stöd",
        "flow",
        "lead_time",
        "lower",
        "null",
        "true",
        "{",
        "[",
        "<x/>",
        "&amp;",
        "%s",
        "{name}",
        "\u202e",
        "𝔘",
    ]
    if rnd.random() < 0.7:
        return rnd.choice(pool)
    return "".join(chr(rnd.choice([rnd.randrange(32, 127), rnd.randrange(0x80, 0x3000)]))
                   for _ in range(rnd.randrange(1, 20)))  # fmt: skip


def random_json(rnd: random.Random, depth: int = 0) -> Any:
    roll = rnd.random()
    if depth > 3 or roll < 0.5:
        return rnd.choice([None, True, False, 0, -1, 1.5, 1e308, -1e308, 2**63, "",
                           random_text(rnd), 3, "core"])  # fmt: skip
    if roll < 0.75:
        return [random_json(rnd, depth + 1) for _ in range(rnd.randrange(4))]
    return {random_text(rnd): random_json(rnd, depth + 1) for _ in range(rnd.randrange(4))}


def mutate_bytes(data: bytes, rnd: random.Random, others: list[bytes] | None = None) -> bytes:
    """1-8 byte-level mutations: flips, replacements, insertions, deletions,
    duplications, truncation, splicing with another seed."""
    buf = bytearray(data)
    for _ in range(rnd.randint(1, 8)):
        n = len(buf)
        op = rnd.randrange(8)
        pos = rnd.randrange(n + 1) if n else 0
        if op == 0 and n:
            buf[min(pos, n - 1)] ^= 1 << rnd.randrange(8)
        elif op == 1 and n:
            buf[min(pos, n - 1)] = rnd.choice([0, 0xFF, 0x7F, 0x80, 0xC3, ord('"'), ord("\\"),
                                               ord("{"), ord(","), ord("\n"), ord("<")])  # fmt: skip
        elif op == 2:
            chunk = rnd.choice(
                [
                    b"\x00",
                    b"\xff\xfe",
                    b'"',
                    b"\\u0000",
                    b"{}",
                    b"[]",
                    b",",
                    b"\r",
                    b"\xc3\xa5",
                    b"<!DOCTYPE x>",
                    b"&lt;",
                    b"\xef\xbb\xbf",
                    b"9" * 40,
                ]
            )
            buf[pos:pos] = chunk
        elif op == 3 and n:
            del buf[pos : pos + rnd.randrange(1, 64)]
        elif op == 4 and n:
            start = rnd.randrange(n)
            piece = buf[start : start + rnd.randrange(1, 256)]
            buf[pos:pos] = piece * rnd.randint(1, 4)
        elif op == 5 and n:
            del buf[rnd.randrange(n) :]
        elif op == 6 and others:
            other = rnd.choice(others)
            if other:
                start = rnd.randrange(len(other))
                buf[pos:] = other[start:]
        elif op == 7 and n:
            start = rnd.randrange(n)
            end = min(n, start + rnd.randrange(1, 128))
            buf[start:end] = bytes(reversed(buf[start:end]))
    return bytes(buf)


def _paths(doc: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(doc, dict):
        for key, value in doc.items():
            out.extend(_paths(value, (*prefix, key)))
    elif isinstance(doc, list):
        for i, value in enumerate(doc):
            out.extend(_paths(value, (*prefix, i)))
    return out


def _get(doc: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        doc = doc[part]
    return doc


def mutate_json(doc: Any, rnd: random.Random) -> Any:
    """1-6 structural mutations of a parsed JSON document: replace a node with random
    JSON, delete a key or item, duplicate an item (duplicate ids), swap values between
    records, change a reference to another id, nest deeply."""
    doc = json.loads(json.dumps(doc))
    for _ in range(rnd.randint(1, 6)):
        paths = _paths(doc)
        path = rnd.choice(paths)
        op = rnd.randrange(7)
        if not path:
            if op == 0:
                doc = random_json(rnd)
            continue
        parent = _get(doc, path[:-1])
        key = path[-1]
        if op == 0:
            parent[key] = random_json(rnd)
        elif op == 1:
            del parent[key]
        elif op == 2 and isinstance(parent, list):
            parent.insert(key, json.loads(json.dumps(parent[key])))
        elif op == 3:
            other = _get(doc, rnd.choice(paths))
            parent[key] = json.loads(json.dumps(other))
        elif op == 4:
            texts = [_get(doc, p) for p in paths if p and isinstance(_get(doc, p), str)]
            parent[key] = rnd.choice(texts) if texts else "x"
        elif op == 5:
            value: Any = parent[key]
            for _ in range(rnd.choice([2, 50, 200])):
                value = [value]
            parent[key] = value
        else:
            parent[key] = rnd.choice([None, "", 0, -1.0, 10**30, [], {}, True])
    return doc


def native_seeds() -> list[bytes]:
    from procmodeler.io import native

    seeds = [p.read_bytes() for p in sorted(EXAMPLES.glob("*.procm"))]
    seeds.append(native.dumps(sample_model(12, 0)).encode("utf-8"))
    return seeds + hostile_native_seeds()


def hostile_native_seeds() -> list[bytes]:
    """The hostile shapes of issue 21 (tests/reliability/hostile.py), at sizes that keep
    a CI campaign short, so that mutations start from them too: long texts, huge
    numbers and coordinates, a lone surrogate, control characters, a self-relation."""
    from tests.reliability import hostile

    return [
        hostile.long_purpose(20_000),
        hostile.long_unbroken_purpose(5_000),
        hostile.long_name(5_000),
        hostile.huge_integer(400),
        hostile.huge_coordinates(),
        hostile.lone_surrogate(),
        hostile.control_characters(),
        hostile.self_relation(),
    ]


def mutate_native(rnd: random.Random, seeds: list[bytes]) -> bytes:
    seed = rnd.choice(seeds)
    roll = rnd.random()
    if roll < 0.03:  # nesting far deeper than any parser's recursion limit
        depth = rnd.choice([1000, 100_000])
        deep = b"[" * depth + b"1" + b"]" * depth
        return seed.replace(b'"units": [', b'"units": ' + deep + b', "x": [', 1)
    if roll < 0.5:
        doc = json.loads(seed)
        text = json.dumps(mutate_json(doc, rnd), ensure_ascii=rnd.random() < 0.2)
        return text.encode("utf-8", "surrogatepass")  # a lone surrogate seed stays one
    if roll < 0.9:
        return mutate_bytes(seed, rnd, seeds)
    text = json.dumps(mutate_json(json.loads(seed), rnd))
    return mutate_bytes(text.encode("utf-8", "surrogatepass"), rnd)


def register_seeds() -> list[dict[str, bytes]]:
    """The example registers: file name -> bytes."""
    seeds = []
    for folder in sorted(EXAMPLES.iterdir()):
        if folder.is_dir() and (folder / "processes.csv").exists():
            seeds.append({p.name: p.read_bytes() for p in sorted(folder.glob("*.csv"))})
    return seeds


def _csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig", "replace"), newline="")))


def _csv_bytes(rows: list[list[str]], rnd: random.Random) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator=rnd.choice(["\n", "\r\n"]))
    writer.writerows(rows)
    prefix = "\ufeff" if rnd.random() < 0.2 else ""
    return (prefix + buf.getvalue()).encode("utf-8")


def mutate_rows(rows: list[list[str]], rnd: random.Random, ids: list[str]) -> list[list[str]]:
    rows = [list(r) for r in rows]
    for _ in range(rnd.randint(1, 6)):
        if not rows:
            rows.append([random_text(rnd)])
        op = rnd.randrange(9)
        r = rnd.randrange(len(rows))
        row = rows[r]
        c = rnd.randrange(len(row)) if row else 0
        if op in (0, 1) and row:
            row[c] = random_text(rnd)
        elif op == 2 and row and ids:
            row[c] = rnd.choice(ids)  # a reference to some id (maybe of the wrong kind)
        elif op == 3:
            rows.insert(r, list(row))  # duplicate row (duplicate ids)
        elif op == 4 and len(rows) > 1:
            del rows[r]
        elif op == 5 and row:
            del row[c]  # a short row
        elif op == 6:
            row.append(random_text(rnd))  # a long row
        elif op == 7 and rows[0]:
            h = rnd.randrange(len(rows[0]))
            rows[0][h] = rnd.choice([rows[0][h].upper(), random_text(rnd), "", rows[0][0]])
        elif op == 8:
            rows.insert(r, [])
    return rows


def mutate_register(rnd: random.Random, seeds: list[dict[str, bytes]]) -> dict[str, bytes]:
    files = dict(rnd.choice(seeds))
    ids = [row[0] for data in files.values() for row in _csv_rows(data)[1:] if row]
    for _ in range(rnd.randint(1, 3)):
        name = rnd.choice(sorted(files))
        roll = rnd.random()
        if roll < 0.55:
            files[name] = _csv_bytes(mutate_rows(_csv_rows(files[name]), rnd, ids), rnd)
        elif roll < 0.8:
            files[name] = mutate_bytes(files[name], rnd, list(files.values()))
        elif roll < 0.88 and name != "processes.csv":
            del files[name]
        elif roll < 0.94:
            files[rnd.choice(["extra.csv", "Processes.CSV", "kpis.csv", "raci.csv"])] = files[name]
        else:
            files[name] = files[name].decode("utf-8", "replace").encode("cp1252", errors="replace")
    return files


def xlsx_seeds() -> list[bytes]:
    from procmodeler.io import register

    seeds = []
    for folder in sorted(EXAMPLES.iterdir()):
        if folder.is_dir() and (folder / "processes.csv").exists():
            seeds.append(register.workbook_bytes(register.import_register(folder).arch))
    return seeds


def _xlsx_cells(data: bytes, rnd: random.Random, ids: list[str]) -> bytes:
    import datetime

    import openpyxl
    from openpyxl.utils.exceptions import IllegalCharacterError

    wb = openpyxl.load_workbook(io.BytesIO(data))
    for _ in range(rnd.randint(1, 6)):
        ws = rnd.choice(wb.worksheets)
        op = rnd.randrange(6)
        row = rnd.randint(1, max(1, ws.max_row) + 1)
        col = rnd.randint(1, max(1, ws.max_column) + 1)
        if op <= 2:
            value = rnd.choice(
                [
                    None,
                    0,
                    -1,
                    3.25,
                    float("inf"),
                    10**20,
                    True,
                    datetime.datetime(2024, 1, 31),
                    datetime.time(12, 30),
                    random_text(rnd),
                    rnd.choice(ids) if ids else "x",
                    "=1+1",
                    "#N/A",
                ]  # fmt: skip
            )
            with contextlib.suppress(IllegalCharacterError):  # control characters
                ws.cell(row, col).value = value
        elif op == 3:
            ws.title = rnd.choice(["Processes", " units ", "raci", "other", "kpis", "People"])
        elif op == 4:
            ws.delete_rows(row, rnd.randint(1, 3))
        else:
            ws.insert_cols(col)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _xlsx_members(data: bytes, rnd: random.Random) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    names = src.namelist()
    victim = rnd.choice(names)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in names:
            content = src.read(name)
            if name == victim:
                roll = rnd.random()
                if roll < 0.15:
                    continue  # drop a member
                if roll < 0.3:
                    content = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
                               b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><x>&b;</x>')  # fmt: skip
                else:
                    content = mutate_bytes(content, rnd)
            dst.writestr(name, content)
    return out.getvalue()


def mutate_xlsx(rnd: random.Random, seeds: list[bytes], ids: list[str]) -> bytes:
    seed = rnd.choice(seeds)
    roll = rnd.random()
    if roll < 0.45:
        return _xlsx_cells(seed, rnd, ids)
    if roll < 0.85:
        return _xlsx_members(seed, rnd)
    return mutate_bytes(seed, rnd)


def bpmn_seeds() -> list[bytes]:
    from tests.reliability import hostile

    samples = [p.read_bytes() for p in sorted(BPMN_SAMPLES.glob("*.bpmn"))]
    # issue 21's shapes: a mesh of gateways linked both ways, coordinates of 1e308
    return samples + [hostile.gateway_mesh(64, 12), hostile.bpmn_huge_coordinates()]


def mutate_xml(data: bytes, rnd: random.Random) -> bytes:
    """1-6 structural mutations of an XML document: remove, duplicate or move an
    element, change or remove an attribute (ids, references), add a DOCTYPE."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return mutate_bytes(data, rnd)
    for _ in range(rnd.randint(1, 6)):
        try:
            elements = list(root.iter())
            el = rnd.choice(elements)
            op = rnd.randrange(7)
            parent = el.getparent()
            if op == 0 and parent is not None:
                parent.remove(el)
            elif op == 1 and parent is not None:
                parent.insert(parent.index(el), etree.fromstring(etree.tostring(el)))
            elif op == 2 and el.attrib:
                name = rnd.choice(sorted(el.attrib))
                ids = [e.get("id") for e in elements if e.get("id")]
                el.set(name, rnd.choice([random_text(rnd).replace("\x00", ""), *(ids[:20] or ["x"]),
                                         "", "1id", "-5", "NaN"]))  # fmt: skip
            elif op == 3 and el.attrib:
                del el.attrib[rnd.choice(sorted(el.attrib))]
            elif op == 4:
                other = rnd.choice(elements)
                if (
                    other is not el
                    and other not in set(el.iterancestors())
                    and other.getparent() is not None
                ):
                    el.append(other)
            elif op == 5:
                el.text = random_text(rnd).replace("\x00", "")
            else:
                target = rnd.choice(elements)
                if not isinstance(target.tag, str):
                    continue
                new = etree.SubElement(
                    target,
                    rnd.choice([el.tag, "{http://www.omg.org/spec/BPMN/20100524/MODEL}task", "x"])
                    if isinstance(el.tag, str)
                    else "x",
                )
                new.set("id", rnd.choice(["dup", "1bad", "x y"]))
        except (ValueError, TypeError):  # a move lxml does not allow: skip it
            continue
    text = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    if rnd.random() < 0.05:
        text = text.replace(b"?>", b'?><!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]>', 1)
    return text


def mutate_bpmn(rnd: random.Random, seeds: list[bytes]) -> bytes:
    seed = rnd.choice(seeds)
    roll = rnd.random()
    if roll < 0.6:
        return mutate_xml(seed, rnd)
    if roll < 0.9:
        return mutate_bytes(seed, rnd, seeds)
    return mutate_bytes(mutate_xml(seed, rnd), rnd)


# ====================================================================== fuzzing: targets
class ImporterCrash(AssertionError):
    """An importer raised something other than UserError (a bug)."""


@dataclass
class FuzzStats:
    """Outcomes and timings of one importer's fuzzed inputs."""

    name: str
    inputs: int = 0
    models: int = 0
    user_errors: int = 0
    crashes: list[str] = field(default_factory=list)
    times: list[float] = field(default_factory=list)

    def record(self, outcome: str, seconds: float) -> None:
        self.inputs += 1
        self.times.append(seconds)
        if outcome == "model":
            self.models += 1
        else:
            self.user_errors += 1

    def summary(self) -> dict[str, Any]:
        times = sorted(self.times) or [0.0]
        return {
            "importer": self.name,
            "inputs": self.inputs,
            "models": self.models,
            "user_errors": self.user_errors,
            "crashes": len(self.crashes),
            "max_s": round(times[-1], 3),
            "p99_s": round(times[min(len(times) - 1, int(len(times) * 0.99))], 4),
            "median_s": round(times[len(times) // 2], 4),
            "over_2s": sum(1 for t in times if t > 2.0),
        }


def _check_model(arch: Architecture) -> None:
    """A model an importer produced saves and reads back the same."""
    from procmodeler.io import native

    again = native.loadb(native.dumps(arch).encode("utf-8"), "<round trip>")
    if again != arch:
        raise ImporterCrash("the imported model does not survive a save and load")


#: Seconds the last importer call took (without writing its input or checking its model).
LAST_IMPORT = [0.0]


def _timed(call: Callable[[], Any]) -> Any:
    start = time.perf_counter()
    try:
        return call()
    finally:
        LAST_IMPORT[0] = time.perf_counter() - start


def run_native(data: bytes, scratch: Path) -> str:
    from procmodeler.io import native

    try:
        arch = _timed(lambda: native.loadb(data, "fuzz.procm"))
    except UserError:
        return "user-error"
    _check_model(arch)
    return "model"


def run_register_csv(files: dict[str, bytes], scratch: Path) -> str:
    from procmodeler.io import register

    folder = scratch / "register"
    if folder.exists():
        for old in folder.iterdir():
            old.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    try:
        result = _timed(lambda: register.import_register(folder))
    except UserError:
        return "user-error"
    _check_model(result.arch)
    return "model"


def run_register_xlsx(data: bytes, scratch: Path) -> str:
    from procmodeler.io import register

    path = scratch / "register.xlsx"
    path.write_bytes(data)
    try:
        result = _timed(lambda: register.import_register(path))
    except UserError:
        return "user-error"
    _check_model(result.arch)
    return "model"


def bpmn_importer() -> Callable[[Path], Any] | None:
    try:
        from procmodeler.io import bpmn
    except ImportError:
        return None
    return getattr(bpmn, "import_bpmn", None)


def run_bpmn(data: bytes, scratch: Path) -> str:
    importer = bpmn_importer()
    assert importer is not None
    path = scratch / "fuzz.bpmn"
    path.write_bytes(data)
    try:
        result = _timed(lambda: importer(path))
    except UserError:
        return "user-error"
    arch = result[0] if isinstance(result, tuple) else getattr(result, "arch", result)
    _check_model(arch)
    return "model"


def fuzz_one(
    stats: FuzzStats, target: Callable[[Any, Path], str], value: Any, scratch: Path
) -> None:
    """Run one input; record its outcome and the importer's time; raise ImporterCrash
    for a bug (any exception but UserError, or a model that does not save and load)."""
    LAST_IMPORT[0] = 0.0
    try:
        outcome = target(value, scratch)
    except ImporterCrash as exc:
        stats.crashes.append(str(exc)[:300])
        raise
    except Exception as exc:
        stats.crashes.append(f"{type(exc).__name__}: {exc}"[:300])
        raise ImporterCrash(f"{stats.name}: {type(exc).__name__}: {exc}") from exc
    stats.record(outcome, LAST_IMPORT[0])


@dataclass
class Campaign:
    """How to fuzz one importer: make an input from a random source, and run it."""

    name: str
    make: Callable[[random.Random], Any]
    target: Callable[[Any, Path], str]


def campaigns() -> dict[str, Campaign]:
    """The fuzz campaigns, seeded from the test data and the bundled examples."""
    native = native_seeds()
    registers = register_seeds()
    workbooks = xlsx_seeds()
    ids = sorted({row[0] for files in registers for data in files.values()
                  for row in _csv_rows(data)[1:] if row})  # fmt: skip
    found = {
        "native": Campaign("native", lambda rnd: mutate_native(rnd, native), run_native),
        "register-csv": Campaign(
            "register-csv", lambda rnd: mutate_register(rnd, registers), run_register_csv
        ),
        "register-xlsx": Campaign(
            "register-xlsx", lambda rnd: mutate_xlsx(rnd, workbooks, ids), run_register_xlsx
        ),
    }
    if bpmn_importer() is not None:
        samples = bpmn_seeds()
        found["bpmn"] = Campaign("bpmn", lambda rnd: mutate_bpmn(rnd, samples), run_bpmn)
    return found


# ====================================================================== worker entry
def crash_worker(path: str = "") -> None:
    """Make a few edits (on a new model, or on the file *path*), then die by SIGKILL."""
    import signal

    from procmodeler.app.session import Session

    session = Session.open(path) if path else Session.new("en")
    ed = session.editor
    ops.set_metadata(ed, name="Recovered plan")
    order = ops.create_process(ed, "Order to cash", "core", bounds=Bounds(80, 160, 160, 70))
    invoice = ops.create_process(ed, "Invoice", "support", bounds=Bounds(360, 300, 160, 70))
    ops.connect(ed, order, invoice, "support")
    print(json.dumps({"order": order, "invoice": invoice}), flush=True)
    if hasattr(signal, "SIGKILL"):
        os.kill(os.getpid(), signal.SIGKILL)
    os._exit(9)  # Windows: no clean-up either


def main(argv: list[str]) -> None:
    command, *args = argv
    if command == "save":
        save_worker(*args)
    elif command == "edit":
        edit_worker(*args)
    elif command == "crash":
        crash_worker(*args)
    else:
        raise SystemExit(f"unknown worker {command!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
