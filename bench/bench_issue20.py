"""Issue 20's table in one run, ours and the peer's side by side (whole-process wall
time, median of RUNS, on this machine):

- ``procmodeler check REGISTER --format json`` against ``bench/peer_checks.py`` (a plain
  stdlib script computing RULES.md on the same register); their findings (rule,
  severity, elements) are compared for equality in the same run;
- ``procmodeler import-bpmn`` of the register's BPMN export against bpmn-moddle's
  ``fromXML`` of the same file in Node (``tests/node/from-xml.mjs``, whole process);
- ``procmodeler --version`` against ``python -c pass``;
- the app's first paint (window and landscape drawn) of a bundled example and of the
  10,000-process model, and its peak memory (``procmodeler FILE --first-paint``).

    python bench/bench_issue20.py [--processes N] [--runs N] [--no-write]

The register is bench_register's generator with three relations per process (10,000
processes, ~30,000 relations, 333 units). Writes the "Issue 20" section of
docs/performance.md unless --no-write.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from bench_register import generate  # noqa: E402
from perfdoc import write_section  # noqa: E402

PY = sys.executable
CPU: dict[str, list[float]] = {}
HEADING = "## Issue 20: side by side"
EXAMPLE = ROOT / "procmodeler" / "resources" / "examples" / "manufacturing.procm"


def run(cmd: list[str], out: Path | None = None, env: dict | None = None) -> tuple[float, int]:
    """Wall seconds of one whole process, and its peak resident memory (KiB). Its CPU
    seconds (user + system) are added to CPU[the command's first two words]."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    with open(out or os.devnull, "wb") as sink, tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=sink, stderr=errors, env=environment)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        CPU.setdefault(" ".join(cmd[:4]), []).append(usage.ru_utime + usage.ru_stime)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in (0, 1):
            errors.seek(0)
            err = errors.read().decode(errors="replace")
            raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {err[-2000:]}")
    return wall, usage.ru_maxrss


def median_run(cmd: list[str], runs: int, out: Path | None = None) -> tuple[float, float]:
    """Median wall and median CPU seconds of RUNS whole-process runs."""
    CPU.pop(" ".join(cmd[:4]), None)
    wall = statistics.median(run(cmd, out)[0] for _ in range(runs))
    return wall, statistics.median(CPU[" ".join(cmd[:4])])


def findings(path: Path) -> Counter:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Counter((f["rule"], f["severity"], tuple(f["elements"])) for f in data["findings"])


def compare(ours: Counter, peer: Counter) -> str:
    if ours == peer:
        return f"identical ({sum(ours.values()):,} findings)"
    only_ours = Counter(k[0] for k in (ours - peer).elements())
    only_peer = Counter(k[0] for k in (peer - ours).elements())
    return f"DIFFERENT: only ours {dict(only_ours)}; only the peer's {dict(only_peer)}"


def first_paint(model: Path, runs: int) -> tuple[float, float, float]:
    """Median seconds from the process's start to the painted landscape (Qt's offscreen
    platform: software rendering, as under Xvfb), the worst peak MB, and the median CPU
    seconds of the whole process (start, paint, quit)."""
    walls, peaks = [], []
    CPU.pop(" ".join([PY, "-m", "procmodeler", str(model)]), None)
    for _ in range(runs):
        with tempfile.NamedTemporaryFile(suffix=".txt") as out:
            cmd = [PY, "-m", "procmodeler", str(model), "--first-paint"]
            env = {"QT_QPA_PLATFORM": "offscreen", "PROCMODELER_DATA_DIR": out.name + ".d",
                   "PROCMODELER_CONFIG_DIR": out.name + ".c"}  # fmt: skip
            _, peak = run(cmd, Path(out.name), env=env)
            line = Path(out.name).read_text().strip().splitlines()[-1]
        walls.append(float(line.split()[-1]))  # the app's own clock: process start to paint
        peaks.append(peak / 1024)
    cpu = statistics.median(CPU[" ".join([PY, "-m", "procmodeler", str(model)])])
    return statistics.median(walls), max(peaks), cpu


def measure(processes: int, runs: int, tmp: Path) -> dict:
    # bytecode first, as an install has it (pip compiles; PYTHONDONTWRITEBYTECODE may
    # be set here, and compiling our modules on every start is not what a user waits for)
    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "procmodeler")], check=True)
    reg = tmp / "register"
    reg.mkdir()
    counts = generate(reg, processes, per_process=3)
    r: dict = {"counts": counts}
    ours_out, peer_out = tmp / "ours.json", tmp / "peer.json"
    check = [PY, "-m", "procmodeler", "check", str(reg), "--format", "json"]
    peer = [PY, str(ROOT / "bench" / "peer_checks.py"), str(reg)]
    r["check"] = (median_run(check, runs, ours_out), median_run(peer, runs, peer_out))
    r["same"] = compare(findings(ours_out), findings(peer_out))
    model, bpmn = tmp / "model.procm", tmp / "model.bpmn"
    run([PY, "-m", "procmodeler", "import-register", str(reg), "-o", str(model)])
    run([PY, "-m", "procmodeler", "export-bpmn", str(model), "-o", str(bpmn)])
    r["bpmn_mb"] = bpmn.stat().st_size / 1e6
    node = shutil.which("node")
    moddle = [node or "node", str(ROOT / "tests" / "node" / "from-xml.mjs"), str(bpmn)]
    ours_bpmn = [PY, "-m", "procmodeler", "import-bpmn", str(bpmn), "-o", str(tmp / "b.procm")]
    r["bpmn"] = (median_run(ours_bpmn, runs), median_run(moddle, runs) if node else None)
    version = [PY, "-m", "procmodeler", "--version"]
    r["version"] = (median_run(version, max(runs, 5)), median_run([PY, "-c", "pass"], max(runs, 5)))
    r["paint_example"] = first_paint(EXAMPLE, runs)
    r["paint_big"] = first_paint(model, runs)
    return r


def render(r: dict, processes: int, runs: int) -> str:
    def s(x: tuple | None) -> str:
        return "–" if x is None else f"{x[0]:.2f} s ({x[1]:.2f} s CPU)"

    def ratio(pair: tuple) -> str:
        if pair[1] is None:
            return "–"
        return f"{pair[0][0] / pair[1][0]:.2f}× ({pair[0][1] / pair[1][1]:.2f}× CPU)"

    def paint(x: tuple | None) -> tuple[str, str]:
        if x is None:
            return ("–", "no display")
        return (f"{x[0]:.2f} s (process {x[2]:.2f} s CPU)", f"peak {x[1]:.0f} MB")

    c = r["counts"]
    rows = [
        ("`check` of the register", s(r["check"][0]),
         f"plain stdlib script, same rules: {s(r['check'][1])}", ratio(r["check"])),
        (f"`import-bpmn` of its {r['bpmn_mb']:.1f} MB export", s(r["bpmn"][0]),
         f"bpmn-moddle `fromXML` (Node, whole process): {s(r['bpmn'][1])}", ratio(r["bpmn"])),
        ("`procmodeler --version`", s(r["version"][0]),
         f"`python -c pass`: {s(r['version'][1])}", ratio(r["version"])),
        ("app start to first paint, bundled example", *paint(r["paint_example"]), ""),
        (f"app start to first paint, {processes:,}-process model", *paint(r["paint_big"]), ""),
    ]  # fmt: skip
    lines = [
        HEADING,
        "",
        f"`python bench/bench_issue20.py` (median of {runs} whole-process runs, wall time "
        f"and in brackets CPU time, user + system; machine: {platform.machine()}, "
        f"{os.cpu_count()} cores shared with other work, Python "
        f"{platform.python_version()}, load average {os.getloadavg()[0]:.1f} at the end). "
        f"Register: {c['processes']:,} processes, {c['relations']:,} relations, "
        f"{c['units']:,} units, {c['raci']:,} RACI rows, {c['kpis']:,} KPIs. "
        f"Findings of `check` and of the peer: {r['same']}.",
        "",
        "| what | procmodeler | peer | ratio |",
        "| --- | ---: | ---: | ---: |",
        *(f"| {a} | {b} | {c_} | {d} |" for a, b, c_, d in rows),
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--processes", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-write", action="store_true")
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        r = measure(opts.processes, opts.runs, Path(tmp))
    text = render(r, opts.processes, opts.runs)
    print(text)
    if not opts.no_write:
        write_section(HEADING, text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
