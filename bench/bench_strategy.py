"""The strategy views on a big model (offscreen): the 10,000-process register of
bench_register with 60 objectives in a tree, a contribution for every tenth process,
every KPI with a series of 24 values (a third measuring an objective) and 2,000
improvements. Times (median of RUNS, wall seconds): what the management view lists
(``analysis.attention``), and
filling each view: objectives panel, strategy matrix, improvements board, management
view. Writes the "Strategy views" section of docs/performance.md unless --no-write.

    python bench/bench_strategy.py [--processes N] [--runs N] [--no-write]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_register import generate  # noqa: E402
from perfdoc import write_section  # noqa: E402

HEADING = "## Strategy views (issue 13)"


def strategy_model(processes: int):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from procmodeler.edit import Editor
    from procmodeler.io.register import import_register
    from procmodeler.model.architecture import Architecture
    from procmodeler.model.changes import COLLECTIONS
    from procmodeler.model.elements import (
        IMPROVEMENT_STATUSES,
        Improvement,
        Measurement,
        Objective,
    )

    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp), processes)
        arch = import_register(Path(tmp)).arch
    objectives = {}
    for i in range(60):
        parent = f"obj_{i // 4 - 1}" if i >= 4 else None
        objectives[f"obj_{i}"] = Objective(f"obj_{i}", f"Objective {i}", parent=parent)
    pids = list(arch.processes)
    contributions = {(f"obj_{i % 60}", pid): "" for i, pid in enumerate(pids[::10])}
    kpis = {}
    for n, (kid, kpi) in enumerate(arch.kpis.items()):
        values = [10 + (m * 7 + n) % 9 + (5 if m > 18 and n % 2 else 0) for m in range(24)]
        series = tuple(
            Measurement(f"{2024 + m // 12}-{m % 12 + 1:02d}", float(v))
            for m, v in enumerate(values)
        )
        kpis[kid] = replace(kpi, series=series, objective=f"obj_{n % 60}" if n % 3 == 0 else None)
    improvements = {
        f"impr_{i}": Improvement(
            f"impr_{i}",
            pids[(i * 7) % len(pids)],
            f"Improvement {i}",
            status=IMPROVEMENT_STATUSES[i % 5],
            due=f"2026-{i % 12 + 1:02d}-15",
        )
        for i in range(2000)
    }
    collections = {name: getattr(arch, name) for name in COLLECTIONS if name != "meta"}
    collections.update(
        objectives=objectives, contributions=contributions, kpis=kpis, improvements=improvements
    )
    return Editor(Architecture.from_collections(arch.meta, collections))


def median(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--processes", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from procmodeler.analysis.attention import attention
    from procmodeler.ui.context import EditorContext
    from procmodeler.ui.strategy.board import ImprovementsBoard
    from procmodeler.ui.strategy.common import Analyses
    from procmodeler.ui.strategy.management import ManagementView
    from procmodeler.ui.strategy.matrix import StrategyMatrix
    from procmodeler.ui.strategy.objectives import ObjectivesPanel

    app = QApplication.instance() or QApplication([])
    ed = strategy_model(args.processes)
    arch = ed.arch
    context = EditorContext(ed)
    today = "2026-06-30"
    cached = Analyses()
    attention(arch, today, cached)
    rows = [
        (
            "what to act on (analysis.attention)",
            median(lambda: attention(arch, today, cached), args.runs),
        )
    ]
    for name, cls in (
        ("objectives panel", ObjectivesPanel),
        ("strategy matrix", StrategyMatrix),
        ("improvements board", ImprovementsBoard),
        ("management view", ManagementView),
    ):
        widget = cls(context)
        rows.append((f"{name}: refresh", median(widget.refresh, args.runs)))
        widget.deleteLater()
    app.processEvents()
    load = os.getloadavg()
    counts = (
        f"{len(arch.processes):,} processes, {len(arch.kpis):,} KPIs with 24 values, "
        f"{len(arch.objectives)} objectives, {len(arch.contributions):,} contributions, "
        f"{len(arch.improvements):,} improvements"
    )
    lines = [
        HEADING,
        "",
        f"{date.today().isoformat()}, `python bench/bench_strategy.py` (offscreen), median of "
        f"{args.runs}; load average {load[0]:.1f} on a shared 2-core machine (other engineers "
        f"were running tests), so the figures are rough. Model: {counts}.",
        "",
        "| what | seconds |",
        "| --- | --- |",
        *(f"| {name} | {seconds:.3f} |" for name, seconds in rows),
        "",
        "The views fill only when their tab is in front (`set_shown`), so an edit costs "
        "these only for the view the user is looking at.",
        "",
    ]
    section = "\n".join(lines)
    print(section)
    if not args.no_write:
        write_section(HEADING, section)


if __name__ == "__main__":
    main()
