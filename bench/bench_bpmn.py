"""Benchmark of the BPMN 2.0 export and import on a generated 10,000-process model.

Generates an architecture of 10,000 processes (three levels, units, people, owners,
participation, KPIs, about one flow relation per process, a shape for every process),
times :func:`export_bpmn` and :func:`import_bpmn` (parse and model building, from the
file's bytes; median of several runs), and in the same run times bpmn-moddle's
``fromXML`` on the same file inside Node (``tests/node/parse-time.mjs``: parse time
only, after a warm-up). Prints the figures and writes them to the "BPMN" section of
``docs/performance.md`` (only that section is replaced).

Run from the repository root (the Node tools must be installed: ``npm ci`` in
``tests/node``)::

    python bench/bench_bpmn.py            # measure and update docs/performance.md
    python bench/bench_bpmn.py --no-write # measure only
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import lxml.etree  # noqa: E402
from perfdoc import write_section  # noqa: E402 - bench/ is on sys.path when run as a script

from procmodeler.io.bpmn import export_bpmn, import_bpmn  # noqa: E402
from procmodeler.io.bpmn.safexml import parse_bytes  # noqa: E402
from tests.bpmn.bpmn_models import generated_architecture  # noqa: E402
from tests.bpmn_tools import node_tools_problem, parse_time  # noqa: E402

DOC = ROOT / "docs" / "performance.md"
HEADING = "## BPMN"


def timed(func: Callable[[], Any], repeat: int) -> tuple[tuple[float, float, float], Any]:
    """(median, best, median CPU) seconds of *repeat* runs, and the last result. The CPU
    time of this process leaves out the time the shared machine gave to others."""
    times = []
    cpu = []
    result = None
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = func()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return (statistics.median(times), min(times), statistics.median(cpu)), result


def measure(n: int, repeat: int) -> dict[str, Any]:
    arch = generated_architecture(n)
    export_s, data = timed(lambda: export_bpmn(arch), repeat)
    parse_s, _ = timed(lambda: parse_bytes(data), repeat)
    import_s, (back, warnings) = timed(lambda: import_bpmn(data), repeat)
    assert back == arch and not warnings, "the round trip of the benchmark model changed it"
    result: dict[str, Any] = {
        "processes": len(arch.processes),
        "relations": len(arch.relations),
        "units": len(arch.units),
        "participation": len(arch.participation),
        "kpis": len(arch.kpis),
        "bytes": len(data),
        "export_s": export_s,
        "parse_s": parse_s,
        "import_s": import_s,
        "moddle_s": None,
        "load": 0.0,
    }
    problem = node_tools_problem()
    if problem is None:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "generated.bpmn"
            path.write_bytes(data)
            timing = parse_time(path, runs=repeat)
            result["moddle_s"] = (timing["median_ms"] / 1000, timing["min_ms"] / 1000)
            result["moddle_warnings"] = timing["warnings"]
    else:
        print(f"bpmn-moddle not timed: {problem}", file=sys.stderr)
    if hasattr(os, "getloadavg"):
        result["load"] = os.getloadavg()[0]
    return result


def render(r: dict[str, Any], repeat: int) -> str:
    def ms(value: tuple[float, ...] | None) -> str:
        if value is None:
            return "– | – | –"
        cells = [f"{v * 1000:,.0f} ms" for v in value]
        return " | ".join(cells + ["–"] * (3 - len(cells)))

    def ratio(i: int) -> str:
        if not r["moddle_s"]:
            return "–"
        return f"{r['moddle_s'][i] / r['import_s'][i]:.1f}×"

    lines = [
        HEADING,
        "",
        f"`python bench/bench_bpmn.py` generates an architecture of {r['processes']:,} "
        f"processes in three levels ({r['relations']:,} flow relations, {r['units']} units "
        f"and as many people, {r['participation']:,} participation rows, {r['kpis']:,} KPIs, "
        "a shape for every process), exports it with `export_bpmn`, imports the result "
        "with `import_bpmn` (from the bytes: safe parsing and building the model) and "
        "times bpmn-moddle's `fromXML` on the same file in Node "
        "(`tests/node/parse-time.mjs`: parse time only, after one warm-up run). Median "
        f"and best of {repeat} runs. Machine: {platform.machine()}, 2 CPU cores shared with other "
        f"work (load average {r['load']:.1f} during the run), Python "
        f"{platform.python_version()}, lxml "
        f"{'.'.join(map(str, lxml.etree.LXML_VERSION[:3]))}.",
        "",
        "| step | median | best | CPU time (median) |",
        "| --- | ---: | ---: | ---: |",
        f"| export (model → {r['bytes'] / 1e6:.1f} MB of BPMN XML) | {ms(r['export_s'])} |",
        f"| import (parse and build the model) | {ms(r['import_s'])} |",
        f"| of which safe parsing with lxml | {ms(r['parse_s'])} |",
        f"| bpmn-moddle `fromXML` of the same file | {ms(r['moddle_s'])} |",
        f"| bpmn-moddle ÷ our import | {ratio(0)} | {ratio(1)} | |",
        "",
        "Goals: export and import each under 2 s, and our import faster than "
        "bpmn-moddle's `fromXML`. The benchmark also checks that the imported model "
        "equals the generated one (a lossless round trip at this size).",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    result = measure(args.processes, args.repeat)
    section = render(result, args.repeat)
    print(section)
    if not args.no_write:
        write_section(HEADING, section)
        print(f"wrote the BPMN section of {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
