"""Reliability soak: the full counts behind the promises of docs/reliability.md.

* 50 kill-during-editing trials: a child process edits with a deterministic random
  script (operations, undo, redo, saves), is killed with SIGKILL at a random moment,
  and the next "start" must recover every edit that had returned to its caller;
* 200 kill-during-save trials: a child saves two different models alternately in a
  loop and is killed at a random moment; the file must always load and be one of the
  two (half with ``native.save``, half with the atomic write of ready bytes only, so
  that more kills land in the write, fsync and rename);
* 10,000 fuzzed inputs per importer (native ``.procm``, register CSV folder, register
  ``.xlsx``, BPMN 2.0 XML) with hypothesis, each importer in its own process so that
  its peak memory can be reported: every input must give a model (which must save and
  load back) or a UserError, and none may take more than 2 s;
* memory and time of large valid inputs (10,000 processes), to show memory grows with
  the input, which the size limits bound.

Prints the figures and, with full counts, writes them into the "Figures" section of
``docs/reliability.md`` (between the ``soak:begin`` / ``soak:end`` markers).

Run from the repository root; it takes about half an hour on two cores, so run it in
the background::

    nice python bench/soak.py                  # full counts, updates docs/reliability.md
    python bench/soak.py --quick               # a smoke run with small counts, no write
    python bench/soak.py --only fuzz --fuzz-inputs 2000 --no-write
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.reliability import harness  # noqa: E402

DOC = ROOT / "docs" / "reliability.md"
BEGIN, END = "<!-- soak:begin -->", "<!-- soak:end -->"
IMPORTERS = ("native", "register-csv", "register-xlsx", "bpmn")


def peak_memory_mb() -> float:
    """This process's peak resident memory. Linux: ``VmHWM``, which starts afresh with
    each program (``ru_maxrss`` would still hold the parent's peak after fork + exec)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    try:
        import resource
    except ImportError:  # Windows
        return float("nan")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024


def log(text: str) -> None:
    print(text, flush=True)


# ====================================================================== kill trials
def run_edit_trials(count: int, folder: Path, seed: int) -> dict[str, Any]:
    rnd = random.Random(seed)
    trials = []
    start = time.perf_counter()
    for i in range(count):
        trial = harness.kill_during_editing_trial(folder / f"edit{i}", rnd, ("new", "file")[i % 2])
        trials.append(trial)
        log(
            f"  edit {i + 1}/{count} {trial.mode}: {trial.steps_done} steps returned, "
            f"work equals step {trial.recovered_step} "
            + (
                f"+ {trial.partial_commits} transaction(s) of the next "
                if trial.partial_commits
                else ""
            )
            + f"({'recovered from the journal' if trial.offered else 'in the saved file'})"
            + ("" if trial.ok else "  <-- FAILED")
        )
    return {
        "trials": count,
        "failures": sum(1 for t in trials if not t.ok),
        "recovered_from_journal": sum(1 for t in trials if t.offered),
        "work_in_saved_file": sum(1 for t in trials if not t.offered),
        "steps_returned_total": sum(t.steps_done for t in trials),
        "steps_returned_max": max((t.steps_done for t in trials), default=0),
        "kill_between_transactions_of_a_step": sum(1 for t in trials if t.partial_commits),
        "last_unreported_step_also_recovered": sum(
            1 for t in trials if t.recovered_step == t.steps_done + 1
        ),
        "seconds": round(time.perf_counter() - start, 1),
        "failed": [vars(t) for t in trials if not t.ok],
    }


def run_save_trials(count: int, folder: Path, seed: int) -> dict[str, Any]:
    rnd = random.Random(seed)
    trials = []
    start = time.perf_counter()
    for i in range(count):
        trial = harness.kill_during_save_trial(folder / f"save{i}", rnd, ("save", "write")[i % 2])
        trials.append(trial)
        if (i + 1) % 20 == 0 or trial.outcome not in ("old", "new"):
            log(f"  save {i + 1}/{count}: {trial.outcome}")
    return {
        "trials": count,
        "unreadable_or_mixed": sum(1 for t in trials if t.outcome not in ("old", "new")),
        "old_model_on_disk": sum(1 for t in trials if t.outcome == "old"),
        "new_model_on_disk": sum(1 for t in trials if t.outcome == "new"),
        "temporary_files_left": sum(t.leftovers for t in trials),
        "trials_leaving_a_temporary_file": sum(1 for t in trials if t.leftovers),
        "seconds": round(time.perf_counter() - start, 1),
        "failed": [vars(t) for t in trials if t.outcome not in ("old", "new")],
    }


# ====================================================================== fuzzing
def fuzz_worker(name: str, count: int, out: Path) -> None:
    """Run one importer's campaign in this process and write its summary to *out*."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import strategies as st

    campaign = harness.campaigns()[name]
    stats = harness.FuzzStats(name)
    crash_dir = out.with_suffix(".crashes")
    scratch = Path(tempfile.mkdtemp(prefix=f"soak-{name}-"))
    start = time.perf_counter()

    @settings(
        max_examples=count,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(st.randoms(use_true_random=False))
    def one(rnd: random.Random) -> None:
        value = campaign.make(rnd)
        try:
            harness.fuzz_one(stats, campaign.target, value, scratch)
        except harness.ImporterCrash:  # keep going; keep the input for a bug report
            crash_dir.mkdir(exist_ok=True)
            n = len(stats.crashes)
            if isinstance(value, dict):
                folder = crash_dir / f"{n}"
                folder.mkdir(exist_ok=True)
                for fname, data in value.items():
                    (folder / fname).write_bytes(data)
            else:
                (crash_dir / f"{n}.input").write_bytes(value)
        if stats.inputs and stats.inputs % 1000 == 0:
            print(f"  {name}: {stats.inputs} inputs", file=sys.stderr, flush=True)

    one()
    summary = stats.summary()
    summary["crash_messages"] = sorted(set(stats.crashes))[:20]
    summary["seconds"] = round(time.perf_counter() - start, 1)
    summary["peak_rss_mb"] = round(peak_memory_mb())
    out.write_text(json.dumps(summary), encoding="utf-8")


def run_fuzz(count: int, folder: Path) -> list[dict[str, Any]]:
    results = []
    for name in IMPORTERS:
        out = folder / f"fuzz-{name}.json"
        log(f"  fuzzing {name} with {count} inputs ...")
        subprocess.run(
            [sys.executable, __file__, "--fuzz-worker", name, str(count), str(out)],
            cwd=ROOT,
            env=harness.python_env(),
            check=True,
        )
        result = json.loads(out.read_text(encoding="utf-8"))
        log(f"  {json.dumps(result)}")
        results.append(result)
    return results


# ====================================================================== memory
MEMORY_CASES = {
    "native": "a .procm file",
    "register-csv": "a register folder (CSV)",
    "register-xlsx": "a register workbook",
    "bpmn": "a BPMN 2.0 file",
}


def memory_worker(kind: str, processes: int, out: Path) -> None:
    """Write a large valid input (``out`` ending in .json: measure it instead).

    Two processes per input: one writes it, a fresh one imports it, so that the peak
    memory of the import is not hidden by the peak of building the input."""
    from procmodeler.io import native, register
    from procmodeler.io.bpmn import export_bpmn, import_bpmn

    folder = out.parent / f"memory-{kind}"
    path = {
        "native": folder / "m.procm",
        "register-csv": folder / "register",
        "register-xlsx": folder / "register.xlsx",
        "bpmn": folder / "m.bpmn",
    }[kind]
    if out.suffix != ".json":
        folder.mkdir(parents=True, exist_ok=True)
        arch = harness.sample_model(processes)
        if kind == "native":
            native.save(arch, path)
        elif kind == "bpmn":
            data = export_bpmn(arch)
            path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        else:
            register.export_register(arch, path)
        return
    files = list(path.iterdir()) if path.is_dir() else [path]
    size = sum(p.stat().st_size for p in files)
    run = {
        "native": lambda: native.load(path),
        "register-csv": lambda: register.import_register(path),
        "register-xlsx": lambda: register.import_register(path),
        "bpmn": lambda: import_bpmn(path),
    }[kind]
    import openpyxl  # noqa: F401 - loaded before the baseline, like every other module

    before = peak_memory_mb()
    start = time.perf_counter()
    run()
    seconds = time.perf_counter() - start
    peak = peak_memory_mb()
    out.write_text(
        json.dumps(
            {
                "input": MEMORY_CASES[kind],
                "processes": processes,
                "size_mb": round(size / 2**20, 2),
                "seconds": round(seconds, 2),
                "peak_rss_mb": round(peak),
                "growth_mb": round(peak - before),
                "mb_per_mb_of_input": round((peak - before) / (size / 2**20), 1),
            }
        ),
        encoding="utf-8",
    )


def run_memory(processes: int, folder: Path) -> list[dict[str, Any]]:
    results = []
    for kind in MEMORY_CASES:
        out = folder / f"memory-{kind}.json"
        for target in (out.with_suffix(".input"), out):  # write it, then measure it
            subprocess.run(
                [sys.executable, __file__, "--memory-worker", kind, str(processes), str(target)],
                cwd=ROOT,
                env=harness.python_env(),
                check=True,
            )
        result = json.loads(out.read_text(encoding="utf-8"))
        log(f"  {json.dumps(result)}")
        results.append(result)
    return results


# ====================================================================== report
def markdown(results: dict[str, Any]) -> str:
    lines = [
        BEGIN,
        f"Measured by `bench/soak.py` on {results['machine']} ({results['date']}, "
        f"{results['total_seconds'] / 60:.0f} min in all).",
        "",
    ]
    edit = results.get("edit")
    if edit:
        lines += [
            "| kill during editing | |",
            "| --- | --- |",
            f"| trials (SIGKILL at a random moment) | {edit['trials']} |",
            f"| trials with a committed edit lost | **{edit['failures']}** |",
            f"| work recovered from the journal / already in the saved file | "
            f"{edit['recovered_from_journal']} / {edit['work_in_saved_file']} |",
            f"| edits that had returned before the kill (all trials; most in one) | "
            f"{edit['steps_returned_total']:,}; {edit['steps_returned_max']:,} |",
            f"| trials where the edit in flight at the kill was recovered too | "
            f"{edit['last_unreported_step_also_recovered']} |",
            f"| trials killed between two transactions of one step (the first recovered) | "
            f"{edit.get('kill_between_transactions_of_a_step', 0)} |",
            "",
        ]
    save = results.get("save")
    if save:
        lines += [
            "| kill during save | |",
            "| --- | --- |",
            f"| trials (SIGKILL at a random moment) | {save['trials']} |",
            f"| file unreadable or neither model | **{save['unreadable_or_mixed']}** |",
            f"| old model / new model on disk | {save['old_model_on_disk']} / "
            f"{save['new_model_on_disk']} |",
            f"| hidden temporary files left behind (trials) | {save['temporary_files_left']} "
            f"({save['trials_leaving_a_temporary_file']}) |",
            "",
        ]
    fuzz = results.get("fuzz")
    if fuzz:
        lines += [
            "| fuzzed importer | inputs | model | UserError | other exception | "
            "slowest | 99th percentile | median | over 2 s | peak memory |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
        for f in fuzz:
            lines.append(
                f"| {f['importer']} | {f['inputs']:,} | {f['models']:,} | {f['user_errors']:,} | "
                f"**{f['crashes']}** | {f['max_s'] * 1000:.0f} ms | {f['p99_s'] * 1000:.1f} ms | "
                f"{f['median_s'] * 1000:.1f} ms | **{f['over_2s']}** | {f['peak_rss_mb']} MB |"
            )
        lines.append("")
    memory = results.get("memory")
    if memory:
        lines += [
            f"| large valid input ({memory[0]['processes']:,} processes) | size | time | "
            "memory growth | per MB |",
            "| --- | --- | --- | --- | --- |",
        ]
        for m in memory:
            lines.append(
                f"| {m['input']} | {m['size_mb']} MB | {m['seconds']} s | {m['growth_mb']} MB | "
                f"{m['mb_per_mb_of_input']} MB |"
            )
        lines.append("")
    lines.append(END)
    return "\n".join(lines)


def write_doc(block: str) -> None:
    text = DOC.read_text(encoding="utf-8")
    if BEGIN in text and END in text:
        head, _, rest = text.partition(BEGIN)
        _, _, tail = rest.partition(END)
        text = head + block + tail
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    DOC.write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small counts, no write")
    parser.add_argument("--only", default="edit,save,fuzz,memory")
    parser.add_argument("--edit-trials", type=int, default=50)
    parser.add_argument("--save-trials", type=int, default=200)
    parser.add_argument("--fuzz-inputs", type=int, default=10_000)
    parser.add_argument("--memory-processes", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--fuzz-worker", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--memory-worker", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.fuzz_worker:
        fuzz_worker(args.fuzz_worker[0], int(args.fuzz_worker[1]), Path(args.fuzz_worker[2]))
        return 0
    if args.memory_worker:
        kind, processes, out = args.memory_worker
        memory_worker(kind, int(processes), Path(out))
        return 0
    if args.quick:
        args.edit_trials, args.save_trials, args.fuzz_inputs = 3, 6, 100
        args.memory_processes = 500
        args.no_write = True
    parts = set(args.only.split(","))
    folder = Path(tempfile.mkdtemp(prefix="procmodeler-soak-"))
    # Journals of the trials go to their own folders; this keeps anything else off the
    # user's real data folder.
    os.environ.setdefault("PROCMODELER_DATA_DIR", str(folder / "user-data"))
    results: dict[str, Any] = {
        "machine": f"{platform.system()} {platform.release()}, Python "
        f"{platform.python_version()}, {os.cpu_count()} cores",
        "date": time.strftime("%Y-%m-%d"),
    }
    start = time.perf_counter()
    if "edit" in parts:
        log(f"kill during editing: {args.edit_trials} trials")
        results["edit"] = run_edit_trials(args.edit_trials, folder, args.seed)
    if "save" in parts:
        log(f"kill during save: {args.save_trials} trials")
        results["save"] = run_save_trials(args.save_trials, folder, args.seed + 1)
    if "fuzz" in parts:
        log(f"fuzzing: {args.fuzz_inputs} inputs per importer")
        results["fuzz"] = run_fuzz(args.fuzz_inputs, folder)
    if "memory" in parts:
        log(f"memory: inputs of {args.memory_processes} processes")
        results["memory"] = run_memory(args.memory_processes, folder)
    results["total_seconds"] = round(time.perf_counter() - start)
    block = markdown(results)
    log("\n" + block)
    log(f"\nwork folder (kept when something failed, with the failing inputs): {folder}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    if not args.no_write:
        write_doc(block)
        log(f"figures written to {DOC.relative_to(ROOT)}")
    failed = (
        results.get("edit", {}).get("failures", 0)
        + results.get("save", {}).get("unreadable_or_mixed", 0)
        + sum(f["crashes"] + f["over_2s"] for f in results.get("fuzz", []))
    )
    if not failed:
        shutil.rmtree(folder, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
