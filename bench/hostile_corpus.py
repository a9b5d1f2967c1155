"""Every command over every file of the hostile corpus, each run under
``ulimit -v 2000000`` (2 GB of address space) and a 10 s timeout (issue 21).

The corpus: the generated hostile files of ``tests/reliability/hostile.py`` (gateway
meshes, long texts, huge numbers, lone surrogates, control characters, a
decompression bomb, damaged workbooks, a FIFO and links to /dev/zero) and N mutated
inputs of each fuzz campaign of ``tests/reliability/harness.py`` (native, register
CSV folders, workbooks, BPMN), written to disk. Each file is given to each command that
takes its kind (``check``, ``report``, ``export-bpmn``, ``export-register``,
``import-bpmn``, ``import-register``, and ``report --profile`` with the PNG as logo).

A run passes when it ends within the time with exit 0, 1 (``check`` findings) or 2
(a user error) and its stderr holds no traceback and no ``MemoryError``. Prints the
counts (and every failure)::

    nice python bench/hostile_corpus.py                # 40 mutated inputs per campaign
    python bench/hostile_corpus.py --mutated 0         # the generated files only
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shlex
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.reliability import hostile  # noqa: E402

LIMIT_KB = 2_000_000
TIMEOUT = 10


def _mutated(folder: Path, per_campaign: int, seed: int) -> list[Path]:
    from tests.reliability.harness import campaigns

    paths = []
    rnd = random.Random(seed)
    suffix = {"native": ".procm", "register-xlsx": ".xlsx", "bpmn": ".bpmn"}
    for name, campaign in campaigns().items():
        for i in range(per_campaign):
            data = campaign.make(rnd)
            path = folder / f"fuzz-{name}-{i}{suffix.get(name, '')}"
            if isinstance(data, dict):  # a register folder: file name -> bytes
                path.mkdir()
                for file, content in data.items():
                    (path / file).write_bytes(content)
            else:
                path.write_bytes(data)
            paths.append(path)
    return paths


def _commands(path: Path, out: Path, logo_profile: Path | None) -> list[list[str]]:
    name = path.name
    if name.endswith(".png"):
        return [["report", str(ROOT / "procmodeler/resources/examples/manufacturing.procm"),
                 "-o", str(out / "r.pdf"), "--profile", str(logo_profile)]]  # fmt: skip
    if name.endswith(".bpmn"):
        return [["import-bpmn", str(path), "-o", str(out / "m.procm")]]
    if name.endswith(".json"):
        return [["check", str(ROOT / "procmodeler/resources/examples/manufacturing.procm"),
                 "--rules", str(path)]]  # fmt: skip
    model_cmds = [
        ["check", str(path)],
        ["report", str(path), "-o", str(out / "r.pdf")],
        ["export-bpmn", str(path), "-o", str(out / "e.bpmn")],
    ]
    if name.endswith(".xlsx") or path.is_dir():
        return [["import-register", str(path), "-o", str(out / "m.procm")], *model_cmds]
    return [*model_cmds, ["export-register", str(path), "-o", str(out / "reg.xlsx")]]


def _run(args: list[str], cwd: Path) -> tuple[str, float, str]:
    cmd = f"ulimit -v {LIMIT_KB}; exec {shlex.quote(sys.executable)} -m procmodeler " + " ".join(
        shlex.quote(a) for a in args
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    start = time.monotonic()
    try:
        proc = subprocess.run(
            ["bash", "-c", cmd], cwd=cwd, env=env, capture_output=True, timeout=TIMEOUT,
            stdin=subprocess.DEVNULL,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return "timeout", time.monotonic() - start, ""
    took = time.monotonic() - start
    err = proc.stderr.decode("utf-8", "replace")
    if "Traceback" in err:
        return "traceback", took, err[-600:]
    if "MemoryError" in err:
        return "memory", took, err[-600:]
    if proc.returncode not in (0, 1, 2):
        return f"exit {proc.returncode}", took, err[-600:]
    return f"ok {proc.returncode}", took, ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mutated", type=int, default=40, help="mutated inputs per campaign")
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument("--json", help="write the counts to this file")
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
        folder = Path(tmp) / "corpus"
        files = hostile.write_corpus(folder) + _mutated(folder, opts.mutated, opts.seed)
        profile = Path(tmp) / "logo-profile.json"
        profile.write_text(json.dumps({"logo": str(folder / "png-bomb.png")}))
        out = Path(tmp) / "out"
        out.mkdir()
        outcomes: Counter[str] = Counter()
        failures = []
        slowest = (0.0, "")
        for path in files:
            for args in _commands(path, out, profile):
                outcome, took, err = _run(args, Path(tmp))
                outcomes[outcome] += 1
                slowest = max(slowest, (took, " ".join(args[:2])))
                if not outcome.startswith("ok"):
                    failures.append((outcome, args, err))
                    print(f"FAIL {outcome}: {' '.join(args)}\n{err}", flush=True)
        runs = sum(outcomes.values())
        print(f"{len(files)} files, {runs} runs: {dict(sorted(outcomes.items()))}")
        print(f"slowest: {slowest[0]:.1f} s ({slowest[1]})")
        if opts.json:
            Path(opts.json).write_text(
                json.dumps(
                    {
                        "files": len(files),
                        "runs": runs,
                        "outcomes": outcomes,
                        "failures": len(failures),
                        "slowest": slowest,
                    },
                    indent=1,
                )  # fmt: skip
            )
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
