"""The report's content read back from the PDF: page count, table of contents and outline
with the right page numbers, the index, every process name verbatim (markup characters
and letters outside Latin-1 included), and the chapters a deliverable needs."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from procmodeler.model.architecture import Architecture
from tests.report.conftest import Pdf, normalise
from tests.report.sample import MARKUP_NAME

CHAPTERS_EN = [
    "1 Executive summary",
    "2 The process map",
    "3 The processes",
    "4 Participation: processes and units",
    "5 Flow and effect",
    "6 Findings of the model checks",
    "7 Graph analysis",
    "8 Index of processes",
    "9 Glossary",
]
TOC_LINE = re.compile(r"^\s*(\d+(?:\.\d+)*)\s+(.+?)\s*(?:\.\s+)*\.?\s*(\d+)\s*$")
INDEX_LINE = re.compile(r"^\s*(\S.*?)\s{2,}(\S.*?)\s{2,}(\S.*?)\s{2,}(\d+)\s*$")


def toc_entries(pdf: Pdf) -> list[tuple[str, str, int]]:
    """(number, title, page) of the table of contents (after the document control page,
    up to the first numbered chapter)."""
    outline = pdf.page_of_outline()
    first_chapter = min(page for title, page in outline.items() if title[:1].isdigit())
    entries = []
    for page in pdf.reader.pages[outline["Document control"] : first_chapter - 1]:
        layout = page.extract_text(extraction_mode="layout")
        for line in layout.splitlines():
            m = TOC_LINE.match(line)
            if m:
                entries.append((m.group(1), m.group(2).strip(" ."), int(m.group(3))))
    return entries


def test_page_count_is_sane(sample_en: Pdf, sample: Architecture) -> None:
    pages = len(sample_en.pages)
    # a cover, contents, eight chapters, a section per top-level process and child
    assert 15 <= pages <= 40, pages
    assert sample_en.data.startswith(b"%PDF-")


def test_cover_names_the_deliverable(sample_en: Pdf) -> None:
    cover = normalise(sample_en.pages[0])
    for text in (
        "Process architecture 2025",
        "Nordic Components AB",
        "Anna Berg",
        "27 November 2025",
        "v1.2 (draft for steering group)",
    ):
        assert text in cover
    assert "Page " not in cover  # no footer on the cover


def test_every_page_after_the_cover_says_page_x_of_y(sample_en: Pdf) -> None:
    total = len(sample_en.pages)
    for number, text in enumerate(sample_en.pages[1:], 2):
        assert f"Page {number} of {total}" in text, number


def test_table_of_contents_lists_every_chapter_with_its_page(sample_en: Pdf) -> None:
    entries = toc_entries(sample_en)
    titles = [f"{num} {title}" for num, title, _ in entries]
    for chapter in CHAPTERS_EN:
        assert chapter in titles
    outline = sample_en.page_of_outline()
    assert len(entries) >= len(CHAPTERS_EN) + 10
    for num, title, page in entries:
        heading = f"{num} {title}"
        assert outline[heading] == page, heading
        # the heading really is printed on that page
        assert normalise(heading) in normalise(sample_en.pages[page - 1]), heading


def test_outline_has_every_process_with_a_section(sample_en: Pdf, sample: Architecture) -> None:
    titles = {re.sub(r"^[\d.]+ ", "", t) for t in sample_en.page_of_outline()}
    for pid in sample.walk():
        if sample.depth(pid) <= 1:
            assert sample.processes[pid].name in titles


def test_every_process_name_appears_verbatim(sample_en: Pdf, sample: Architecture) -> None:
    text = sample_en.text
    for proc in sample.processes.values():
        assert normalise(proc.name) in text, proc.name


def test_markup_name_survives_in_text_headings_and_outline(sample_en: Pdf) -> None:
    assert MARKUP_NAME in sample_en.text
    assert any(t.endswith(MARKUP_NAME) for t in sample_en.page_of_outline())
    assert "&amp;" not in sample_en.text and "&lt;" not in sample_en.text


def test_index_gives_each_process_the_page_it_is_shown_on(
    sample_en: Pdf, sample: Architecture
) -> None:
    outline = sample_en.page_of_outline()
    index_pages = [i for i, t in enumerate(sample_en.pages) if "8 Index of processes" in t]
    assert index_pages
    rows: dict[str, int] = {}
    for i in range(index_pages[0], len(sample_en.pages)):
        layout = sample_en.reader.pages[i].extract_text(extraction_mode="layout")
        for line in layout.splitlines():
            m = INDEX_LINE.match(line)
            if m and m.group(1) != "Process":
                rows[normalise(m.group(1))] = int(m.group(4))
    names = {normalise(p.name) for p in sample.processes.values()}
    assert names <= set(rows), names - set(rows)
    for pid, proc in sample.processes.items():
        page = rows[normalise(proc.name)]
        assert normalise(proc.name) in normalise(sample_en.pages[page - 1]), proc.name
        heading = next((t for t in outline if t.endswith(" " + proc.name)), None)
        if sample.depth(pid) <= 1:
            assert heading is not None and outline[heading] == page, proc.name


def test_chapters_hold_what_management_needs(sample_en: Pdf) -> None:
    text = sample_en.text
    for phrase in (
        "19 processes in the architecture",
        # 11 own owners and 5 inherited of 19 processes, 3 without
        "58% have a named process owner; 26% inherit one, 16% have none",
        "11 of 19 processes (58%) have a process owner of their own.",
        "cross-unit processes",
        "Most important findings",
        "What to act on",
        "Why it matters",
        "What to do",
        # the suppressed finding with its justification
        "Suppressed: Owner to be appointed by the board in Q3.",
        "Cycle of flow dependencies",
        "Single point of failure",
        "Hand-off hotspot",
        "Customer need",
        "Satisfied need",
        "Management processes",
        "Core processes",
        "Support processes",
        # KPI with target, actual and light
        "Order lead time",
        "10 days",
        "12.5 days",
        "Off target",
        "Near target",
        "On target",
        # participation with letters and the glossary
        "Responsible, Accountable",
        "Glossary",
        "Single point of failure",
    ):
        assert phrase in text, phrase


def test_process_section_shows_its_facts(sample_en: Pdf, sample: Architecture) -> None:
    page = sample_en.page_of_outline()["3.5 Order to delivery"]
    text = normalise(sample_en.pages[page - 1])
    for phrase in (
        "Core process",
        "Purpose",
        "Deliver what was promised, when it was promised.",
        "Industrial OEM customers",
        "Components delivered on time and with the right quality",
        "Delivered and invoiced order",
        "Confirmed order; Raw material",
        "Delivered components; Invoice",
        "Sara Nilsson, Head of production (Production)",
        "Omar Haddad, Logistics manager (Logistics)",
        "Participating units",
        "Relations to other processes",
    ):
        assert phrase in text, phrase


def test_participation_matrix_splits_wide_tables(build: Callable[..., Pdf]) -> None:
    from procmodeler.edit import operations as ops
    from procmodeler.edit.editor import Editor

    ed = Editor()
    ops.set_metadata(ed, name="Wide", organisation="Org")
    units = [ops.add_unit(ed, f"Unit number {i}") for i in range(60)]
    a = ops.create_process(ed, "Alpha", "core")
    b = ops.create_process(ed, "Beta", "support")
    for i, uid in enumerate(units):
        ops.set_participation(ed, a if i % 2 else b, uid, "R" if i else "A")
    pdf = build(ed.arch, lang="en")
    text = pdf.text
    assert "Units 1–" in text and "of 60" in text
    chunks = re.findall(r"Units (\d+)–(\d+) of 60", text)
    assert len(chunks) >= 2
    assert int(chunks[-1][1]) == 60
    for i in (0, 29, 59):
        assert f"Unit number {i}" in text


@pytest.mark.parametrize("example", ["manufacturing", "municipality"])
def test_bundled_examples_report_every_process(
    example: str, request: pytest.FixtureRequest, build: Callable[..., Pdf]
) -> None:
    arch: Architecture = request.getfixturevalue(example)
    pdf = build(arch)
    assert 15 <= len(pdf.pages) <= 120
    text = pdf.text
    for proc in arch.processes.values():
        assert normalise(proc.name) in text, proc.name
