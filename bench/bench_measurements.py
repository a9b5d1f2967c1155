"""Benchmark of the process behaviour chart analysis and drawing (FLOW-AND-EFFECT.md).

Generates 2,000 KPIs with 60 monthly values each (noise, some shifts with a rebase mark,
some drifts), then times:

* all analysis: :func:`analyse_kpi` of every KPI from a cold cache (limits, screening,
  signals, variation, assurance), median of several runs; and the map's icons of every
  process (one KPI per process);
* one chart: :func:`chart_view` of one 60-value KPI with a rebase, plus painting it with
  QPainter into a 600 × 260 image (offscreen), median of many runs.

Prints the figures and writes the "Measurements" section of ``docs/performance.md``.

Run from the repository root::

    python bench/bench_measurements.py            # measure and update docs/performance.md
    python bench/bench_measurements.py --no-write # measure only
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from perfdoc import write_section  # noqa: E402 - bench/ is on sys.path when run as a script

from procmodeler.analysis import xmr  # noqa: E402
from procmodeler.model.elements import Kpi, Measurement  # noqa: E402
from procmodeler.model.periods import shift_period  # noqa: E402
from procmodeler.notation.chart import chart_view  # noqa: E402
from procmodeler.notation.kpi import process_icons  # noqa: E402

KPIS = 2000
VALUES = 60


def generated_kpis(count: int = KPIS, values: int = VALUES, seed: int = 12) -> list[Kpi]:
    rnd = random.Random(seed)
    out = []
    for k in range(count):
        level = rnd.uniform(10, 100)
        spread = level * rnd.uniform(0.02, 0.15)
        drift = rnd.choice([0.0, 0.0, 0.0, level * 0.01])
        shift_at = rnd.choice([None, None, rnd.randrange(20, values - 10)])
        series = []
        for i in range(values):
            x = level + drift * i + rnd.gauss(0, spread)
            if shift_at is not None and i >= shift_at:
                x -= level * 0.2
            series.append(
                Measurement(shift_period("2020-01", i), round(x, 2), rebase=i == shift_at)
            )
        direction = rnd.choice(["lower", "higher"])
        target = round(level * rnd.uniform(0.8, 1.2), 1) if rnd.random() < 0.8 else None
        out.append(
            Kpi(
                f"kpi_{k}",
                f"proc_{k}",
                f"KPI {k}",
                "lead_time",
                "days",
                direction,
                target,
                series[-1].value,
                tuple(series),
            )  # fmt: skip
        )
    return out


def timed(fn, runs: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Median wall time and least CPU time of *runs* calls (the machine is shared, so
    CPU time is the steadier figure)."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), min(cpu)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    kpis = generated_kpis()
    load_before = os.getloadavg()

    def all_analysis() -> None:
        xmr._CACHE.clear()
        for kpi in kpis:
            xmr.analyse_kpi(kpi)

    def all_icons() -> None:
        xmr._CACHE.clear()
        for kpi in kpis:
            process_icons([kpi])

    analysis_s = timed(all_analysis, 9)
    icons_s = timed(all_icons, 5)
    concerns = sum(xmr.analyse_kpi(k).variation == "special_cause_concern" for k in kpis)
    fails = sum(xmr.analyse_kpi(k).assurance == "consistent_fail" for k in kpis)

    from PySide6.QtGui import QGuiApplication, QImage, QPainter

    from procmodeler.ui.chartpaint import fmt, paint_chart, text_width

    app = QGuiApplication.instance() or QGuiApplication([])
    one = next(k for k in kpis if any(m.rebase for m in k.series))
    image = QImage(600, 260, QImage.Format.Format_ARGB32_Premultiplied)

    def view_only() -> None:
        xmr._CACHE.clear()
        chart_view(one, 600, 260, str, fmt, text_width)

    def drawn() -> None:
        xmr._CACHE.clear()
        view = chart_view(one, 600, 260, str, fmt, text_width)
        painter = QPainter(image)
        paint_chart(painter, view)
        painter.end()

    drawn()
    view_s = timed(view_only, 200)
    chart_s = timed(drawn, 200)
    del app
    loop_s = timed(lambda: sum(range(1_000_000)), 5)
    rows = [
        ("all analysis, 2,000 KPIs × 60 values (cold cache)", "< 100 ms", analysis_s),
        ("map icons of 2,000 processes (cold cache)", "", icons_s),
        ("one chart: view records (60 values, one rebase)", "", view_s),
        ("one chart: view records + QPainter drawing, 600 × 260", "< 16 ms", chart_s),
        ("for scale: `sum(range(1_000_000))`", "", loop_s),
    ]
    for name, goal, (wall, cpu) in rows:
        print(f"{name}: wall {wall * 1000:.2f} ms, CPU {cpu * 1000:.2f} ms {goal}")
    load = f"load average {load_before[0]:.2f} before, {os.getloadavg()[0]:.2f} after (`uptime`)"
    print(f"({concerns} concerns, {fails} consistent fails; {load})")
    if args.no_write:
        return
    table = "\n".join(
        f"| {n} | {g} | {w * 1000:.1f} ms | {c * 1000:.1f} ms |" for n, g, (w, c) in rows
    )
    section = f"""## Measurements

`python bench/bench_measurements.py`: 2,000 generated KPIs with 60 monthly values each
(noise, drifts, a third shifted with a rebase mark; {concerns} end in a concern,
{fails} cannot meet their target). Wall time is the median, CPU time the least of the
runs; Python {platform.python_version()}, a 2-core machine shared with other work,
{load} (see also the last row for how fast this machine ran plain Python during the
measurement), Qt offscreen; measured {time.strftime("%Y-%m-%d %H:%M")}.

| what | goal | wall | CPU |
| --- | ---: | ---: | ---: |
{table}
"""
    write_section("## Measurements", section)


if __name__ == "__main__":
    main()
