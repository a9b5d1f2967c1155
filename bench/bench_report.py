"""Benchmark of the PDF report.

Times ``render_report`` (checks, layout in two passes, PDF output) for the two bundled
examples and for generated architectures of 1,000 processes: one shaped like a real
organisation (12 top-level processes, about 100 sub-processes with their own sections,
about 900 processes below them) and the stress case of ``bench_checks.py`` (a tenth of
the processes top-level, so about 600 sections and a participation matrix of 600 rows
by 300 units). Prints wall and CPU time (median of several runs; the machine is shared,
so CPU time is the steadier figure) and writes them to the "Report" section of
``docs/performance.md`` (only that section is replaced).

Run from the repository root::

    python bench/bench_report.py             # measure and update docs/performance.md
    python bench/bench_report.py --no-write  # measure only
"""

from __future__ import annotations

import argparse
import io
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from perfdoc import write_section  # noqa: E402 - bench/ is on sys.path when run as a script
from pypdf import PdfReader  # noqa: E402

from bench.bench_checks import generate as generate_stress  # noqa: E402
from procmodeler.io.native import load  # noqa: E402
from procmodeler.model.architecture import Architecture  # noqa: E402
from procmodeler.model.elements import (  # noqa: E402
    Bounds,
    DiagramOptions,
    Kpi,
    Metadata,
    Person,
    Process,
    Relation,
    Unit,
    default_direction,
)
from procmodeler.report import render_report  # noqa: E402

DOC = ROOT / "docs" / "performance.md"
HEADING = "## Report"
EXAMPLES = ROOT / "procmodeler" / "resources" / "examples"


def generate_organisation(n_processes: int = 1000, seed: int = 7) -> Architecture:
    """A reproducible architecture shaped like a real one: 12 top-level processes on a
    map (management, core chevrons, support), 8 sub-processes each, the rest spread
    below those; 40 units in two levels, owners and leaders, participation (2-4 units)
    on the top two levels, flows in order between siblings plus support and steering
    relations, KPIs, texts on the top two levels and shapes on every diagram."""
    rnd = random.Random(seed)
    arch = Architecture(
        Metadata(
            name="Generated organisation",
            organisation="Generated Industries AB",
            language="en",
            version_label="bench",
            author="bench_report.py",
        )
    )
    units = []
    for d in range(5):
        uid = f"div{d}"
        arch.put("units", uid, Unit(uid, f"Division {d + 1}"))
        units.append(uid)
        for k in range(7):
            sub = f"dep{d}_{k}"
            arch.put("units", sub, Unit(sub, f"Department {d + 1}.{k + 1}", uid))
            units.append(sub)
    people = []
    for i in range(120):
        pid = f"person{i}"
        arch.put("people", pid, Person(pid, f"Person {i + 1}", rnd.choice(units), "Manager"))
        people.append(pid)

    def put_process(pid: str, name: str, kind: str, parent: str | None, rich: bool) -> None:
        fields = {}
        if rich:
            fields = {
                "purpose": f"Purpose of {name}: deliver the agreed result reliably.",
                "customer": "Customers" if kind == "core" else "Other processes",
                "need": f"The need that {name} satisfies",
                "result": f"The result of {name}",
                "objects_in": ("Request", "Information"),
                "objects_out": ("Result", "Report"),
            }
        owner = rnd.choice(people) if rnd.random() < (0.95 if rich else 0.5) else None
        leader = rnd.choice(people) if rich and rnd.random() < 0.6 else None
        arch.put(
            "processes",
            pid,
            Process(pid, name, kind, parent, owner=owner, leader=leader, **fields),
        )

    kinds = ["management"] * 3 + ["core"] * 5 + ["support"] * 4
    tops = []
    row_x = {"management": 60.0, "core": 60.0, "support": 60.0}
    row_y = {"management": 40.0, "core": 170.0, "support": 300.0}
    for i, kind in enumerate(kinds):
        pid = f"t{i}"
        put_process(pid, f"Top process {i + 1}", kind, None, True)
        w = 170.0
        arch.put("shapes", (None, pid), Bounds(row_x[kind], row_y[kind], w, 76))
        row_x[kind] += w + (10 if kind == "core" else 30)
        tops.append(pid)
    children: dict[str, list[str]] = {}
    for top in tops:
        kids = []
        for j in range(8):
            pid = f"{top}_{j}"
            put_process(pid, f"Sub-process {top[1:]}.{j + 1}", arch.processes[top].kind, top, True)
            kids.append(pid)
        children[top] = kids
    mids = [c for top in tops for c in children[top]]
    count = len(tops) + len(mids)
    k = 0
    while count < n_processes:
        parent = mids[k % len(mids)]
        pid = f"{parent}_{len(children.get(parent, []))}"
        put_process(pid, f"Activity {count + 1}", arch.processes[parent].kind, parent, False)
        children.setdefault(parent, []).append(pid)
        count += 1
        k += 1
    # shapes on each sub-diagram: rows of four, flows in order between siblings
    rid = 0
    for parent, kids in children.items():
        for j, kid in enumerate(kids):
            arch.put(
                "shapes", (parent, kid), Bounds(40 + (j % 4) * 210, 40 + (j // 4) * 120, 170, 70)
            )
            if j:
                arch.put(
                    "relations",
                    f"r{rid}",
                    Relation(f"r{rid}", kids[j - 1], kid, "flow", "Work item"),
                )
                rid += 1
    # landscape relations: the core chain, steering and support
    core = [t for t in tops if arch.processes[t].kind == "core"]
    for a, b in zip(core, core[1:], strict=False):
        arch.put("relations", f"r{rid}", Relation(f"r{rid}", a, b, "flow", "Order"))
        rid += 1
    for t in tops:
        kind = arch.processes[t].kind
        if kind in ("management", "support"):
            for target in rnd.sample(core, 2):
                rel_kind = "steering" if kind == "management" else "support"
                arch.put("relations", f"r{rid}", Relation(f"r{rid}", t, target, rel_kind))
                rid += 1
    for _ in range(60):  # flows across levels
        a, b = rnd.sample(mids, 2)
        arch.put("relations", f"r{rid}", Relation(f"r{rid}", a, b, "flow", "Hand-over"))
        rid += 1
    # participation and KPIs on the top two levels, lanes on some diagrams
    letters = ["R", "C", "I", "RC"]
    for pid in tops + mids:
        chosen = rnd.sample(units, rnd.randint(2, 4))
        for j, uid in enumerate(chosen):
            arch.put("participation", (pid, uid), "A" if j == 0 else rnd.choice(letters))
        if arch.processes[pid].kind == "core" or rnd.random() < 0.2:
            for m, kind in enumerate(("lead_time", "customer_experience")):
                kid = f"k_{pid}_{m}"
                arch.put(
                    "kpis",
                    kid,
                    Kpi(
                        kid,
                        pid,
                        f"KPI {m + 1}",
                        kind,
                        "days" if m == 0 else "index",
                        default_direction(kind),
                        10.0,
                        round(rnd.uniform(7, 14), 1),
                    ),
                )
    for top in tops[:4]:
        arch.put("diagrams", top, DiagramOptions(True, ()))
    return arch


def timed(func: Callable[[], bytes], repeat: int) -> tuple[float, float, bytes]:
    """Median wall and CPU seconds of *func*, and its last result."""
    walls, cpus = [], []
    data = b""
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        data = func()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), data


def measure(label: str, arch: Architecture, lang: str | None, repeat: int) -> dict[str, object]:
    wall, cpu, data = timed(lambda: render_report(arch, lang=lang), repeat)
    pages = len(PdfReader(io.BytesIO(data)).pages)
    sections = sum(1 for p in arch.processes if arch.depth(p) <= 1)
    row = {
        "label": label,
        "processes": len(arch.processes),
        "sections": sections,
        "units": len(arch.units),
        "pages": pages,
        "size": len(data),
        "wall": wall,
        "cpu": cpu,
    }
    print(
        f"{label}: {row['processes']} processes, {pages} pages, {len(data) / 1e6:.1f} MB, "
        f"wall {wall:.2f} s, CPU {cpu:.2f} s",
        flush=True,
    )
    return row


def render(rows: list[dict[str, object]], repeat: int) -> str:
    import reportlab

    lines = [
        HEADING,
        "",
        "`python bench/bench_report.py` times `render_report` (checks, layout, PDF "
        "bytes; no disk) for the bundled examples and for generated 1,000-process "
        f"architectures; median of {repeat} runs. Machine: {platform.machine()}, "
        f"{_cpus()} CPU cores shared with other work (so wall time varies with their "
        f"load; CPU time is the steadier figure), Python {platform.python_version()}, "
        f"reportlab {reportlab.Version}.",
        "",
        "| model | processes | own sections | units | pages | PDF | wall | CPU |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r['label']} | {r['processes']:,} | {r['sections']:,} | {r['units']} "
            f"| {r['pages']:,} | {int(r['size']) / 1e6:.1f} MB | {r['wall']:.2f} s "  # type: ignore[call-overload]
            f"| {r['cpu']:.2f} s |"
        )
    lines += [
        "",
        "Goals: a bundled example under 3 s, 1,000 processes under 30 s. The "
        "organisation-shaped architecture has 12 top-level processes with 8 "
        "sub-processes each (their own sections) and the rest below them (in the "
        "index and the sub-process tables); the stress case is the checks benchmark's "
        "model, whose 100 top-level processes give about 600 sections and a "
        "participation matrix of 600 rows by 300 units.",
        "",
        "How: the table of contents is given its entries before the first pass, so "
        "the layout takes two passes (page numbers, then confirmation) instead of "
        "three; table cells whose text fits on one line are plain strings rather than "
        "paragraphs (much cheaper to lay out); empty matrix cells are empty lists, "
        "which reportlab does not draw; diagrams are drawn once per pass straight onto "
        "the canvas from the notation's views.",
        "",
    ]
    return "\n".join(lines)


def _cpus() -> int:
    import os

    return os.cpu_count() or 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="do not update the docs")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (median)")
    args = parser.parse_args()
    render_report(load(EXAMPLES / "manufacturing.procm"))  # warm up: imports, fonts
    rows = [
        measure(
            "example `manufacturing.procm` (en)",
            load(EXAMPLES / "manufacturing.procm"),
            None,
            args.repeat,
        ),
        measure(
            "example `municipality-sv.procm` (sv)",
            load(EXAMPLES / "municipality-sv.procm"),
            None,
            args.repeat,
        ),
        measure("generated organisation (en)", generate_organisation(1000), None, args.repeat),
        measure("generated organisation (sv)", generate_organisation(1000), "sv", args.repeat),
        measure("stress: `bench_checks` model (en)", generate_stress(1000), None, args.repeat),
    ]
    section = render(rows, args.repeat)
    if not args.no_write:
        write_section(HEADING, section)
        print(f"updated {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
