"""The report's options: which chapters it holds (``sections``, ``--sections``) and its
scope (``scope``, ``--process``: one process and its sub-processes), in the PDF, in
Word and on the command line."""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO
from pathlib import Path

import pytest
from docx import Document

from procmodeler.analysis import run_checks
from procmodeler.common.errors import UserError
from procmodeler.common.i18n import translator
from procmodeler.edit import Editor
from procmodeler.edit import operations as ops
from procmodeler.io.diffwords import summarise
from procmodeler.model.architecture import Architecture
from procmodeler.report import SECTIONS, Comparison, Profile, render_report
from procmodeler.report.context import ReportContext
from procmodeler.report.theme import Theme
from tests.report.conftest import DAY, EXAMPLES, Pdf, normalise, read_pdf


def biggest_branch(arch: Architecture) -> str:
    """The top-level process with the most sub-processes."""
    return max(arch.top_level(), key=lambda p: len(arch.descendants(p)))


def chapters(pdf: Pdf) -> list[str]:
    """The titles of the outline's numbered chapters, in order (the document control
    page before them is not numbered)."""
    titles = [str(item.title) for item in pdf.reader.outline if not isinstance(item, list)]
    return [t for t in titles if t[0].isdigit()]


def index_text(pdf: Pdf) -> str:
    """The text of the index chapter's pages (the chapter the outline names last)."""
    first = pdf.reader.get_destination_page_number(pdf.reader.outline[-1])
    return normalise(" ".join(pdf.pages[first:]))


@pytest.fixture(params=["manufacturing", "municipality"])
def example(request: pytest.FixtureRequest) -> Architecture:
    return request.getfixturevalue(request.param)  # type: ignore[no-any-return]


# ---------------------------------------------------------------------- sections
def test_only_the_chosen_chapters_numbered_in_order(
    manufacturing: Architecture, build: Callable[..., Pdf]
) -> None:
    pdf = build(manufacturing, sections=("findings", "summary", "index"))
    assert chapters(pdf) == [
        "1 Executive summary",
        "2 Findings of the model checks",
        "3 Index of processes",
    ]
    assert str(pdf.reader.outline[0].title) == "Document control"  # always there
    assert "Contents" in pdf.text  # the contents always stay
    assert "The process map" not in pdf.text and "Glossary" not in pdf.text


def test_all_chapters_by_default(manufacturing: Architecture, build: Callable[..., Pdf]) -> None:
    names = [c.split(" ", 1)[1] for c in chapters(build(manufacturing))]
    assert names[0] == "Executive summary" and names[-1] == "Glossary"
    assert len(names) == len(SECTIONS)  # the example has KPIs and objectives: every one


def test_the_changes_chapter_comes_with_the_chosen_ones(
    manufacturing: Architecture, build: Callable[..., Pdf]
) -> None:
    """--compare adds "Changes since version X" before the findings (or what follows
    them), numbered among the chapters chosen."""
    newer = manufacturing.copy()
    ed = Editor(newer)
    ops.rename_process(ed, newer.top_level()[0], "Plan the business")
    compare = Comparison("2.0", lambda tr: summarise(manufacturing, ed.arch, tr))
    pdf = build(ed.arch, sections=("index", "summary"), compare=compare)
    assert chapters(pdf) == [
        "1 Executive summary",
        "2 Changes since version 2.0",
        "3 Index of processes",
    ]
    assert "Plan the business" in pdf.text


def index_links(pdf: Pdf) -> int:
    """How many links the index chapter's pages hold."""
    first = pdf.reader.get_destination_page_number(pdf.reader.outline[-1])
    return sum(
        1
        for page in pdf.reader.pages[first:]
        for annot in page.get("/Annots") or []
        if annot.get_object().get("/Subtype") == "/Link"
    )


def test_without_process_sections_nothing_links_to_them(
    manufacturing: Architecture, build: Callable[..., Pdf]
) -> None:
    pdf = build(manufacturing, sections=("map", "index"))
    assert chapters(pdf) == ["1 The process map", "2 Index of processes"]
    assert index_links(pdf) == 0  # the names stay, as text
    assert all(p.name in pdf.text for p in manufacturing.processes.values() if len(p.name) < 30)
    assert index_links(build(manufacturing, sections=("processes", "index"))) >= len(
        manufacturing.processes
    )


@pytest.mark.parametrize("names", [("summary", "appendix"), ()])
def test_unknown_or_no_section_is_a_user_error(manufacturing: Architecture, names: tuple) -> None:
    with pytest.raises(UserError) as exc:
        render_report(manufacturing, sections=names)
    assert ", ".join(SECTIONS) in exc.value.lines()[0]


# ---------------------------------------------------------------------- scope
def test_scoped_report_has_exactly_the_subtree(
    example: Architecture, build: Callable[..., Pdf]
) -> None:
    scope = biggest_branch(example)
    subtree = [scope, *example.descendants(scope)]
    pdf = build(example, scope=scope)
    outline = pdf.page_of_outline()
    # the process chapter: a section for the scope and each of its children
    sections = {title.split(" ", 1)[1] for title in outline if title[0].isdigit()}
    children = {example.processes[c].name for c in example.children(scope)}
    assert {example.processes[scope].name} | children <= sections
    others = {p.name for pid, p in example.processes.items() if pid not in subtree}
    assert not (sections & others)
    # the index: every process of the subtree and no other
    index = index_text(build(example, scope=scope, sections=("index",)))
    names = [example.processes[p].name for p in subtree]
    assert all(normalise(name) in index for name in names)
    alone = [n for n in others if not any(n in m for m in names)]  # not inside a kept name
    assert [n for n in alone if normalise(n) in index] == []
    # the cover says what the report covers
    assert "and its sub-processes" in normalise(pdf.pages[0]) or "med delprocesser" in (
        normalise(pdf.pages[0])
    )
    assert example.processes[scope].name in normalise(pdf.pages[0])


def test_scoped_findings_are_those_touching_the_subtree(example: Architecture) -> None:
    scope = biggest_branch(example)
    subtree = {scope, *example.descendants(scope)}
    result = run_checks(example, "en", today=DAY.isoformat())
    ctx = ReportContext(example, translator("en"), Theme(Profile()), result, DAY, scope=scope)

    def touches(finding) -> bool:  # type: ignore[no-untyped-def]
        ids = set(finding.elements) | set(finding.related)
        owners = {example.kpis[i].process for i in ids if i in example.kpis}
        owners |= {example.improvements[i].process for i in ids if i in example.improvements}
        ends = {
            end
            for i in ids
            if i in example.relations
            for end in (example.relations[i].source, example.relations[i].target)
        }
        return bool((ids | owners | ends) & subtree)

    kept = set(ctx.result.findings)
    assert kept == {f for f in result.findings if touches(f)}
    assert kept and len(kept) < len(result.findings)
    assert set(ctx.keys) == subtree  # links only to processes described in the report


def test_scope_of_a_process_without_sub_processes(
    manufacturing: Architecture, build: Callable[..., Pdf]
) -> None:
    leaf = next(p for p in manufacturing.walk() if not manufacturing.children(p))
    pdf = build(manufacturing, scope=leaf, sections=("map", "processes", "index"))
    name = manufacturing.processes[leaf].name
    assert f"{name} has no sub-processes on a diagram." in pdf.text
    assert [t for t in pdf.page_of_outline() if t.startswith("2.")] == [f"2.1 {name}"]


def test_unknown_process_is_a_user_error(manufacturing: Architecture) -> None:
    with pytest.raises(UserError, match="has no process with the id NOPE"):
        render_report(manufacturing, scope="NOPE")


def test_scoped_word_document_has_the_subtree_headings(manufacturing: Architecture) -> None:
    scope = biggest_branch(manufacturing)
    data = render_report(
        manufacturing, today=DAY, fmt="docx", scope=scope, sections=("summary", "processes")
    )
    doc = Document(BytesIO(data))
    by_style: dict[str, list[str]] = {}
    for para in doc.paragraphs:
        by_style.setdefault(para.style.name, []).append(para.text)
    assert by_style["Heading 1"][0] == "Document control"  # not numbered, always there
    assert [t.split(" ", 1)[1] for t in by_style["Heading 1"][1:]] == [
        "Executive summary",
        "The processes",
    ]
    assert [t.split(" ", 1)[1] for t in by_style["Heading 2"]] == [
        manufacturing.processes[scope].name
    ]
    children = [manufacturing.processes[c].name for c in manufacturing.children(scope)]
    assert [t.split(" ", 1)[1] for t in by_style["Heading 3"]] == children


# ---------------------------------------------------------------------- command line
def test_command_with_sections_and_process(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "report.pdf"
    proc = run_cli(
        "report",
        EXAMPLES / "manufacturing.procm",
        "-o",
        out,
        "--sections",
        "processes, summary",
        "--process",
        "C1",
    )
    assert proc.returncode == 0, proc.stderr
    pdf = read_pdf(out.read_bytes())
    assert chapters(pdf) == ["1 Executive summary", "2 The processes"]
    assert "Order to delivery and its sub-processes" in normalise(pdf.pages[0])


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["--sections", "summary,apendix"],
            "--sections: unknown section apendix; the sections are ",
        ),
        (["--sections", ","], "--sections: names no section; the sections are "),
        (["--process", "NOPE"], "manufacturing.procm: has no process with the id NOPE"),
    ],
)
def test_command_refuses_a_bad_option(
    run_cli, tmp_path: Path, args: list[str], expected: str
) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "report.pdf"
    proc = run_cli("report", EXAMPLES / "manufacturing.procm", "-o", out, *args)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0], proc.stderr
    if "section" in expected:
        assert lines[0].endswith(", ".join(SECTIONS))
    assert not out.exists()


def test_command_help_names_the_sections_in_swedish(run_cli) -> None:  # type: ignore[no-untyped-def]
    proc = run_cli("report", "--help", env={"LANG": "sv_SE.UTF-8", "LC_ALL": "sv_SE.UTF-8"})
    text = normalise(proc.stdout)
    assert "de kapitel som ska ingå" in text and "summary, map, processes" in text
    assert "rapportera bara om denna process" in text
