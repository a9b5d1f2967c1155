"""Registers written for tests: a large usual one, as a municipality's might be."""

from __future__ import annotations

import csv
import io
from pathlib import Path


def write_large_register(folder: Path, n: int) -> None:
    """A register of *n* numbered processes (ids that are no NCName), quoted names with
    commas, Swedish words, decimal commas, relations and KPIs without ids."""
    folder.mkdir()
    units = [[f"U{i}", f"Enhet {i}", f"U{i // 3}" if i else "", f"PE{i}"] for i in range(n // 10)]
    people = [[f"PE{i}", f"Person {i}", f"U{i % len(units)}", "Handläggare"] for i in range(n // 5)]
    kinds = ["ledning", "Huvud", "stöd", "core"]
    processes = [
        [str(i), f"Process {i}, med namn", kinds[i % 4], str(i // 4) if i > 4 else ""]
        + [f"PE{i % len(people)}" if i % 3 else "", "Kunden" if i % 2 else "", "Ett behov"]
        + ["approved" if i % 5 == 0 else "", "används" if i % 7 == 0 else ""]
        + ["2027-03-01" if i % 11 == 0 else "", "in; ut" if i % 13 == 0 else ""]
        for i in range(1, n + 1)
    ]
    raci = [
        [str(i), f"U{(i * 7 + j) % len(units)}", "ar"[j] + "ci"[j]]
        for i in range(1, n + 1)
        for j in (0, 1)
    ]
    relations = [
        [
            str(i),
            str((i * 31) % n + 1),
            ["flow", "Steering", "support"][i % 3],
            "Ett objekt" if i % 2 else "",
        ]
        for i in range(1, n + 1)
        if (i * 31) % n + 1 != i
    ]
    kpis = [
        [str(i), f"Nyckeltal {i}", "lead_time", "dagar", "", f"{i},5", str(i * 2)]
        for i in range(1, n + 1, 2)
    ]
    tables = {
        "units": (["id", "name", "parent", "head"], units),
        "people": (["id", "name", "unit", "title"], people),
        "processes": (
            ["id", "name", "kind", "parent", "owner", "customer", "need", "status"]
            + ["established", "next_review", "objects_in"],
            processes,
        ),
        "raci": (["process", "unit", "roles"], raci),
        "relations": (["source", "target", "kind", "object"], relations),
        "kpis": (["process", "name", "kind", "measure", "direction", "target", "actual"], kpis),
    }
    for name, (header, rows) in tables.items():
        text = io.StringIO()
        csv.writer(text, lineterminator="\r\n" if name == "raci" else "\n").writerows(
            [header, *rows]
        )
        (folder / f"{name}.csv").write_text(text.getvalue(), encoding="utf-8")
