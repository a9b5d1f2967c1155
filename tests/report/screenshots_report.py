"""Page images of both bundled examples' PDF reports for docs/screenshots/ (not a test):
the cover, the document control page, the management summary (two pages), the process
map, a process page with a chart and the scorecard; the manufacturing example in
English with the example branding profile, the municipality in Swedish.

Needs poppler-utils (pdftoppm). Run from the repository root::

    python tests/report/screenshots_report.py
"""

from __future__ import annotations

import datetime
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

EXAMPLES = ROOT / "procmodeler" / "resources" / "examples"
PROFILE = ROOT / "procmodeler" / "resources" / "branding" / "example-profile.json"
#: the date the examples' date findings are pinned to (as in the tests)
TODAY = datetime.date(2026, 6, 30)

#: (file suffix, chapter or section title in English and in Swedish, pages from there)
PAGES: tuple[tuple[str, tuple[str, ...], int], ...] = (
    ("document-control", ("Document control", "Dokumentstyrning", "Dokumentinformation"), 0),
    ("summary", ("Executive summary", "Sammanfattning för ledningen"), 0),
    ("summary-2", ("Executive summary", "Sammanfattning för ledningen"), 1),
    ("map", ("The process map", "Processkartan"), 0),
    ("scorecard", ("Flow and effect", "Flöde och effekt"), 0),
)


def outline(reader: object) -> list[tuple[str, int]]:
    """(title, page index) of every outline entry, in order."""
    found: list[tuple[str, int]] = []

    def walk(items: list) -> None:  # type: ignore[type-arg]
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found.append((item.title, reader.get_destination_page_number(item)))  # type: ignore[attr-defined]

    walk(reader.outline)  # type: ignore[attr-defined]
    return found


def chart_page(texts: list[str], first: int, kpi_names: list[str]) -> int | None:
    """The first page at or after *first* (the processes chapter) that shows a KPI both
    in its process's KPI table and as the caption of its chart."""
    for index in range(first, len(texts)):
        if any(texts[index].count(name) >= 2 for name in kpi_names):
            return index
    return None


#: document control as a client would fill it in (the bundled examples carry none: they
#: are exactly what their registers import, and REGISTER.md has no such fields)
DOCUMENT_CONTROL = {
    "manufacturing": dict(
        status="adopted",
        adopted_by="The executive board",
        adopted_on="2026-02-12",
        reference="BP-QM-2026-014",
        distribution="Executive board\nProcess owners\nQuality department",
        log=(
            ("2025-11-20", "0.9", "First draft for the process owners", "Nordic Process Partners"),
            ("2026-02-12", "1.0", "Adopted by the executive board", "Margaret Hollis"),
        ),
    ),
    "municipality-sv": dict(
        status="adopted",
        adopted_by="Samhällsbyggnadsnämnden",
        adopted_on="2026-03-18",
        reference="SBN 2026/0123",
        distribution="Förvaltningsledningen\nProcessägare\nKvalitets- och utvecklingsstaben",
        log=(
            ("2026-01-15", "0.9", "Remissversion till processägarna", "Kvalitetsstaben"),
            ("2026-03-18", "1.0", "Fastställd av samhällsbyggnadsnämnden", "Karin Lindqvist"),
        ),
    ),
}


def with_document_control(arch: object, example: str) -> object:
    """*arch* with the document control of :data:`DOCUMENT_CONTROL` filled in."""
    from procmodeler.edit import Editor
    from procmodeler.edit.operations import set_metadata
    from procmodeler.model.elements import ChangeLogEntry

    fields = dict(DOCUMENT_CONTROL[example])
    log = [ChangeLogEntry(*line) for line in fields.pop("log")]  # type: ignore[misc]
    ed = Editor(arch)  # type: ignore[arg-type]
    set_metadata(ed, change_log=log, **fields)  # type: ignore[arg-type]
    return ed.arch


def shoot(out: Path = ROOT / "docs" / "screenshots") -> list[Path]:
    from pypdf import PdfReader

    from procmodeler.io import native
    from procmodeler.report import load_profile, render_report

    runs: tuple[tuple[str, str, Callable[[], object]], ...] = (
        ("en", "manufacturing", lambda: load_profile(PROFILE)),
        ("sv", "municipality-sv", lambda: None),
    )
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang, example, profile in runs:
            arch = with_document_control(native.load(EXAMPLES / f"{example}.procm"), example)
            pdf = Path(tmp) / f"{example}.pdf"
            pdf.write_bytes(
                render_report(arch, lang=lang, profile=profile(), today=TODAY)  # type: ignore[arg-type]
            )
            reader = PdfReader(pdf)
            texts = [page.extract_text() for page in reader.pages]
            entries = outline(reader)
            wanted: dict[str, int] = {"cover": 0}
            for suffix, titles, offset in PAGES:
                for title, page in entries:
                    if any(title.split(" ", 1)[-1] == t or title == t for t in titles):
                        wanted[suffix] = page + offset
                        break
                else:
                    print(f"{example}: no page for {suffix}", file=sys.stderr)
            processes = next(
                (p for t, p in entries if t.endswith(("The processes", "Processerna"))), 0
            )
            names = [k.name for k in arch.kpis.values() if k.series]
            chart = chart_page(texts, processes, names)
            if chart is not None:
                wanted["process-chart"] = chart
            for suffix, page in wanted.items():
                target = out / f"report-{lang}-{suffix}.png"
                subprocess.run(
                    [
                        "pdftoppm",
                        "-r",
                        "100",
                        "-png",
                        "-singlefile",
                        "-f",
                        str(page + 1),
                        "-l",
                        str(page + 1),
                        str(pdf),
                        str(target.with_suffix("")),
                    ],
                    check=True,
                )
                written.append(target)
    return written


if __name__ == "__main__":
    for path in shoot():
        print(path.relative_to(ROOT))
