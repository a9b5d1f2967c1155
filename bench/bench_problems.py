"""Benchmark: how long the problems panel takes to refresh after one edit on a generated
1,000-process model, and how long the edit itself blocks the GUI thread with all panels
open (the typing path). Goal: refresh under 100 ms; typing never blocked.

Run: ``QT_QPA_PLATFORM=offscreen python bench/bench_problems.py`` from the repo root.
Prints one line per measurement (median and worst of the runs, in milliseconds).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from procmodeler.analysis import run_checks  # noqa: E402
from procmodeler.edit import Editor  # noqa: E402
from procmodeler.edit import operations as ops  # noqa: E402
from procmodeler.model import Architecture, Bounds, Kpi, Person, Process, Relation, Unit  # noqa: E402

RUNS = 20


def generate(n_top: int = 10, n_mid: int = 10, n_leaf: int = 9) -> Architecture:
    """10 top-level processes x 10 children x 9 grandchildren = 1,010 processes, 31 units
    in a tree, 120 people, relations between siblings, KPIs and RACI rows."""
    arch = Architecture()
    units = []
    for d in range(5):
        did = f"u_div{d}"
        arch.put("units", did, Unit(did, f"Division {d}"))
        units.append(did)
        for s in range(5):
            sid = f"u_div{d}_{s}"
            arch.put("units", sid, Unit(sid, f"Department {d}.{s}", parent=did))
            units.append(sid)
    arch.put("units", "u_hq", Unit("u_hq", "Headquarters"))
    units.append("u_hq")
    people = []
    for i in range(120):
        pid = f"p{i}"
        arch.put("people", pid, Person(pid, f"Person {i}", unit=units[i % len(units)]))
        people.append(pid)
    kinds = ["management"] * 3 + ["core"] * 4 + ["support"] * 3
    count = 0

    def add(pid: str, name: str, kind: str, parent: str | None, x: float, y: float) -> None:
        nonlocal count
        owner = people[count % len(people)] if count % 7 else None
        arch.put("processes", pid, Process(pid, name, kind, parent, owner=owner))
        arch.put("shapes", (parent, pid), Bounds(x, y, 160.0, 70.0))
        for j in range(1 + count % 3):
            arch.put(
                "participation",
                (pid, units[(count + j * 5) % len(units)]),
                "ARCI"[j % 4] if j else "A",
            )
        if count % 4 == 0:
            kid = f"k_{pid}"
            arch.put(
                "kpis", kid, Kpi(kid, pid, "Lead time", "lead_time", "days", "lower", 10.0, 11.0)
            )
        count += 1

    rel = 0

    def link(a: str, b: str, kind: str = "flow") -> None:
        nonlocal rel
        rid = f"r{rel}"
        arch.put("relations", rid, Relation(rid, a, b, kind, "Object"))
        rel += 1

    for t in range(n_top):
        top = f"t{t}"
        add(top, f"Process {t}", kinds[t], None, 200.0 * t, 0.0)
        mids = []
        for m in range(n_mid):
            mid = f"t{t}_{m}"
            add(mid, f"Process {t}.{m}", kinds[t], top, 200.0 * m, 0.0)
            mids.append(mid)
            leaves = []
            for leaf in range(n_leaf):
                lid = f"t{t}_{m}_{leaf}"
                add(lid, f"Process {t}.{m}.{leaf}", kinds[t], mid, 200.0 * leaf, 0.0)
                leaves.append(lid)
            for a, b in zip(leaves, leaves[1:], strict=False):
                link(a, b)
        for a, b in zip(mids, mids[1:], strict=False):
            link(a, b)
    for t in range(3, 6):
        link(f"t{t}", f"t{t + 1}")
    link("t0", "t3", "steering")
    link("t7", "t4", "support")
    return arch


def ms(seconds: float) -> float:
    return seconds * 1000.0


def report(label: str, samples: list[float]) -> None:
    print(f"{label}: median {statistics.median(samples):.1f} ms, worst {max(samples):.1f} ms")


def main() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    from procmodeler.ui.context import EditorContext
    from procmodeler.ui.panels import LiveFindings, create_panels, place_panels

    app = QApplication.instance() or QApplication([])
    arch = generate()
    print(
        f"model: {len(arch.processes)} processes, {len(arch.units)} units, "
        f"{len(arch.relations)} relations, {len(arch.participation)} RACI rows"
    )

    samples = []
    for _ in range(RUNS):
        started = time.perf_counter()
        result = run_checks(arch, lang="en")
        samples.append(ms(time.perf_counter() - started))
    print(f"findings: {len(result.findings)}")
    report("run_checks alone", samples)

    editor = Editor(arch)
    context = EditorContext(editor)
    window = QMainWindow()
    started = time.perf_counter()
    docks = create_panels(context, window)
    place_panels(window, docks)
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    print(f"panels created and shown: {ms(time.perf_counter() - started):.0f} ms")
    for dock in docks:  # make every panel visible, so each pays its painting cost
        dock.setFloating(True)
        dock.resize(800, 500)
        dock.show()
    app.processEvents()
    live = LiveFindings.for_context(context)
    problems = next(d for d in docks if d.objectName() == "problemsDock").widget()
    context.set_selection(["t3_4_2"])
    app.processEvents()

    edit_samples = []
    refresh_samples = []
    paint_samples = []
    for i in range(RUNS):
        # the edit a user makes by typing a name and pressing Enter (all panels subscribed)
        started = time.perf_counter()
        ops.rename_process(editor, "t3_4_2", f"Renamed {i}")
        edit_samples.append(ms(time.perf_counter() - started))
        assert live.pending  # the checks wait for the user to pause
        # the debounced refresh: checks + problems panel + matrix highlights
        started = time.perf_counter()
        live.refresh_now()
        refresh_samples.append(ms(time.perf_counter() - started))
        started = time.perf_counter()
        app.processEvents()  # repaint
        paint_samples.append(ms(time.perf_counter() - started))
    print(f"problems panel shows {problems.model.rowCount()} findings")
    report("edit on the GUI thread (rename, all panels refresh)", edit_samples)
    report("problems refresh after one edit (checks + panels)", refresh_samples)
    report("repaint after the refresh", paint_samples)

    structural = []
    for i in range(5):
        started = time.perf_counter()
        pid = ops.create_process(editor, f"New {i}", "core", parent="t3_4")
        app.processEvents()
        live.refresh_now()
        app.processEvents()
        structural.append(ms(time.perf_counter() - started))
        ops.delete_processes(editor, [pid])
        live.refresh_now()
        app.processEvents()
    report("create a process (matrix rebuild) + refresh + repaint", structural)
    window.close()


if __name__ == "__main__":
    main()
