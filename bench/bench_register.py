"""Benchmark of the files: import a generated register of 10,000 processes (CSV folder
and .xlsx), save the model, load it back, export it.

    python bench/bench_register.py [PROCESSES]

Prints the figures (median of 3 runs) that go into the "Files" section of
docs/performance.md. Goal on the reference machine: load and save each under 1 s.
"""

from __future__ import annotations

import csv
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from procmodeler.io import native  # noqa: E402
from procmodeler.io.register import export_register, import_register  # noqa: E402


def generate(folder: Path, processes: int, seed: int = 1, per_process: int = 2) -> dict[str, int]:
    """Write a register: a tenth of the processes top-level, up to three levels, about
    PER_PROCESS relations per process, a unit tree, people, participation and KPIs."""
    rng = random.Random(seed)
    n_units = max(10, processes // 30)
    n_people = max(20, processes // 10)
    units = [["id", "name", "parent", "head"]]
    for i in range(n_units):
        parent = f"U{rng.randrange(i)}" if i else ""
        units.append([f"U{i}", f"Enhet {i}", parent, f"PE{i % n_people}"])
    people = [["id", "name", "unit", "title"]]
    for i in range(n_people):
        people.append([f"PE{i}", f"Person {i}", f"U{rng.randrange(n_units)}", "Handläggare"])
    rows = [
        ["id", "name", "kind", "parent", "owner", "leader", "customer", "need", "result", "purpose"]
    ]
    top = max(1, processes // 10)
    ids: list[str] = []
    for i in range(processes):
        if i < top:
            pid, parent = f"{i + 1}", ""  # numbered ids: not NCNames, so they are mapped
        else:
            parent = ids[rng.randrange(len(ids))]
            while parent.count(".") >= 2:  # three levels at most
                parent = ids[rng.randrange(top)]
            pid = f"{parent}.{i}"
        ids.append(pid)
        kind = ("management", "core", "core", "support")[i % 4]
        rows.append([
            pid, f"Process nummer {i}, med ett längre namn", kind, parent,
            f"PE{rng.randrange(n_people)}" if rng.random() < 0.6 else "",
            f"PE{rng.randrange(n_people)}" if rng.random() < 0.3 else "",
            "Kunden" if kind == "core" else "", "Ett behov", "Ett resultat", "Ett syfte",
        ])  # fmt: skip
    relations = [["source", "target", "kind", "object"]]
    for _ in range(processes * per_process):
        a, b = rng.randrange(processes), rng.randrange(processes)
        if a != b:
            kind = rng.choice(["flow", "flow", "flow", "support", "steering"])
            relations.append([ids[a], ids[b], kind, "Ett objekt" if kind == "flow" else ""])
    raci = [["process", "unit", "roles"]]
    seen: set[tuple[int, int]] = set()
    for i in range(processes):
        if i < top or rng.random() < 0.3:
            for letters in ("A", "R", "C"):
                key = (i, rng.randrange(n_units))
                if key not in seen:
                    seen.add(key)
                    raci.append([ids[i], f"U{key[1]}", letters])
    kpis = [["process", "name", "kind", "measure", "direction", "target", "actual"]]
    for i in range(0, processes, 2):
        kind = rng.choice(["lead_time", "variation", "stability", "customer_experience", "other"])
        kpis.append(
            [
                ids[i],
                f"Nyckeltal {i}",
                kind,
                "dagar",
                "",
                f"{rng.randint(1, 99)},5",
                str(rng.randint(1, 120)),
            ]
        )
    files = {
        "units": units,
        "people": people,
        "processes": rows,
        "relations": relations,
        "raci": raci,
        "kpis": kpis,
    }
    for name, table in files.items():
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(table)
    return {name: len(table) - 1 for name, table in files.items()}


def timed(fn: Callable[[], Any], runs: int = 3) -> tuple[tuple[float, float], Any]:
    """Median wall-clock and CPU seconds of *runs* calls, and the last result. The CPU
    time says more on a machine shared with other work."""
    walls, cpus, result = [], [], None
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        result = fn()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return (statistics.median(walls), statistics.median(cpus)), result


def main() -> None:
    processes = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "register"
        folder.mkdir()
        counts = generate(folder, processes)
        t_import, result = timed(lambda: import_register(folder))
        arch = result.arch
        path = Path(tmp) / "model.procm"
        t_dumps, text = timed(lambda: native.dumps(arch))
        t_save, _ = timed(lambda: native.save(arch, path))
        t_load, loaded = timed(lambda: native.load(path))
        assert loaded == arch and native.dumps(loaded) == text
        t_export_csv, _ = timed(lambda: export_register(arch, Path(tmp) / "out"))
        xlsx = Path(tmp) / "out.xlsx"
        t_export_xlsx, _ = timed(lambda: export_register(arch, xlsx), runs=1)
        t_import_xlsx, _ = timed(lambda: import_register(xlsx), runs=1)
        size = path.stat().st_size
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, load average {os.getloadavg()[0]:.1f}"
    )
    print("register:", ", ".join(f"{n:,} {name}" for name, n in counts.items()))
    print(
        f"notes (mapped ids): {len(result.notes):,}; shapes: {sum(map(len, arch.shapes.values())):,}"
    )
    print(f"model file: {size / 1e6:.1f} MB, {text.count(chr(10)):,} lines")
    print(f"{'':50s} {'wall':>8s} {'CPU':>8s}")
    for name, (wall, cpu) in [
        ("import CSV folder (read, check, build, layout)", t_import),
        ("save (dumps + atomic write)", t_save),
        ("  of which dumps", t_dumps),
        ("load (read, parse, check, build)", t_load),
        ("export CSV folder", t_export_csv),
        ("export .xlsx (1 run)", t_export_xlsx),
        ("import .xlsx (1 run)", t_import_xlsx),
    ]:
        print(f"{name:50s} {wall * 1000:5.0f} ms {cpu * 1000:5.0f} ms")


if __name__ == "__main__":
    main()
