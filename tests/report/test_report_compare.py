"""``procmodeler report NEW -o OUT --compare OLD`` (issue 15, item 5): the chapter
"Changes since version X" says, for a reader, what changed between a bundled example
and an edited copy of it (processes by name, fields in words, layout in one line), in
English and Swedish, bounded for a large diff, in PDF and in Word; a bad OLD is one
line naming the file, exit 2, nothing written."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest

from procmodeler.cli import main
from procmodeler.edit import Editor
from procmodeler.edit import operations as ops
from procmodeler.io.diffwords import summarise
from procmodeler.io.native import load, save
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import ChangeLogEntry
from procmodeler.report import Comparison, render_report
from procmodeler.report.sections.changes import SHOWN
from tests.report.conftest import DAY, EXAMPLES, Pdf, normalise, read_pdf

OLD = EXAMPLES / "manufacturing.procm"
LOG_LINE = ChangeLogEntry("2025-11-20", "3.0", "Complaint handling added", "Quality")


@dataclass(frozen=True)
class Edited:
    """The example edited: what was done, to check the chapter against."""

    arch: Architecture
    path: Path
    renamed: tuple[str, str, str]  # id, old name, new name
    owned: tuple[str, str | None, str]  # process name, old owner's id, new owner's name
    removed: str  # name of the process deleted
    added: str  # name of the process created
    moved: list[str]  # ids of the processes whose shapes moved on the landscape


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> Edited:
    arch = load(OLD)
    ed = Editor(arch.copy())
    leaves = [p for p in arch.walk() if not arch.children(p) and arch.depth(p) == 2]
    renamed, owned, removed = leaves[0], leaves[1], leaves[-1]
    person = next(p for p in arch.people if p != arch.processes[owned].owner)
    ops.rename_process(ed, renamed, "Agree the yearly business plan")
    ops.set_owner(ed, owned, person)
    ops.delete_processes(ed, [removed])
    ops.create_process(ed, "Handle customer complaints", kind="support")
    moved = arch.top_level()[:3]
    ops.move_shapes(ed, None, moved, 24, 0)
    ops.set_metadata(ed, version_label="Version 3.0", change_log=[LOG_LINE])
    path = tmp_path_factory.mktemp("compare") / "new.procm"
    save(ed.arch, path)
    return Edited(
        ed.arch,
        path,
        (renamed, arch.processes[renamed].name, "Agree the yearly business plan"),
        (arch.processes[owned].name, arch.processes[owned].owner, arch.people[person].name),
        arch.processes[removed].name,
        "Handle customer complaints",
        moved,
    )


def chapter(pdf: Pdf, title: str) -> str:
    """The text of the chapter whose outline title ends with *title*, up to the next."""
    outline = sorted(pdf.page_of_outline().items(), key=lambda item: item[1])
    start = next(p for t, p in outline if re.fullmatch(rf"\d+ {re.escape(title)}", t))
    end = min((p for t, p in outline if re.match(r"\d+ ", t) and p > start), default=start + 1)
    return normalise(" ".join(pdf.pages[start - 1 : end - 1]))


@pytest.fixture(scope="module")
def english(edited: Edited, tmp_path_factory: pytest.TempPathFactory) -> Pdf:
    out = tmp_path_factory.mktemp("out") / "report.pdf"
    assert main(["report", str(edited.path), "-o", str(out), "--compare", str(OLD)]) == 0
    return read_pdf(out.read_bytes())


TITLE_EN = "Changes since Version 2.1 (approved by the executive team)"


def test_the_chapter_names_what_changed(edited: Edited, english: Pdf) -> None:
    text = chapter(english, TITLE_EN)
    pid, old_name, new_name = edited.renamed
    assert f"name: {old_name} → {new_name}" in text
    process, before, person = edited.owned
    old_owner = edited.arch.people[before].name if before else "(none)"
    assert process in text and f"owner: {old_owner} → {person}" in text
    assert f"Newly added (1): {edited.added}" in text
    assert f"Deleted (1): {edited.removed}" in text
    assert "version: Version 2.1 (approved by the executive team) → Version 3.0" in text
    assert "change log: new line 2025-11-20 3.0: Complaint handling added" in text
    assert f"({pid})" not in text  # names, not ids
    # the layout in one line, the moved processes not listed for it
    assert re.search(r"The layout changed in \d+ diagrams?: \d+ shapes? placed", text)
    assert "Layout changes are not listed one by one." in text
    moved_names = [edited.arch.processes[p].name for p in edited.moved]
    assert not any(f"{name} " in text.split("Layout")[-1] for name in moved_names)


def test_the_chapter_is_in_the_contents_before_the_findings(english: Pdf) -> None:
    titles = [t for t, _ in sorted(english.page_of_outline().items(), key=lambda i: i[1])]
    numbered = [t for t in titles if re.match(r"\d+ ", t)]
    at = next(i for i, t in enumerate(numbered) if t.endswith(TITLE_EN))
    assert numbered[at + 1].endswith("Findings of the model checks")


def test_the_chapter_in_swedish(edited: Edited) -> None:
    old = load(OLD)
    data = render_report(
        edited.arch,
        lang="sv",
        today=DAY,
        compare=Comparison(old.meta.version_label, lambda tr: summarise(old, edited.arch, tr)),
    )
    text = chapter(read_pdf(data), "Ändringar sedan Version 2.1 (approved by the executive team)")
    _, before, person = edited.owned
    old_owner = edited.arch.people[before].name if before else "(inget)"
    assert f"processägare: {old_owner} → {person}" in text
    assert f"Nytillkomna (1): {edited.added}" in text
    assert f"Borttagna (1): {edited.removed}" in text
    assert "Processer" in text and "Layouten har ändrats i" in text
    for english_word in ("Newly added", "Deleted", "What changed", "owner:", "The layout"):
        assert english_word not in text


def test_a_large_diff_is_bounded_and_an_unversioned_old_is_named_by_its_file(
    tmp_path: Path,
) -> None:
    sample = load(OLD)
    ed = Editor(sample.copy())
    ops.set_metadata(ed, version_label="")
    old_path = tmp_path / "before-workshop.procm"
    save(ed.arch, old_path)
    names = [f"New process {i:02}" for i in range(SHOWN + 7)]
    for name in names:
        ops.create_process(ed, name, kind="core")
    renamed = list(sample.processes)[: SHOWN + 3]
    for pid in renamed:
        ops.rename_process(ed, pid, sample.processes[pid].name + " (renamed)")
    new_path = tmp_path / "after.procm"
    save(ed.arch, new_path)
    out = tmp_path / "r.pdf"
    assert main(["report", str(new_path), "-o", str(out), "--compare", str(old_path)]) == 0
    text = chapter(read_pdf(out.read_bytes()), "Changes since version before-workshop.procm")
    assert f"Newly added ({len(names)}):" in text
    assert names[SHOWN - 1] in text and names[SHOWN] not in text
    assert "and 7 more" in text
    assert "3 more changed elements are not listed." in text
    shown = [pid for pid in renamed if sample.processes[pid].name + " (renamed)" in text]
    assert len(shown) == SHOWN


@pytest.mark.parametrize("bad", ["missing.procm", "broken.procm", "folder"])
def test_a_bad_old_file_is_one_line_exit_2_nothing_written(
    bad: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "broken.procm").write_text("{ not a model", encoding="utf-8")
    (tmp_path / "folder").mkdir()  # an empty folder: no register in it
    out = tmp_path / "r.pdf"
    code = main(["report", str(OLD), "-o", str(out), "--compare", str(tmp_path / bad)])
    err = capsys.readouterr().err
    assert code == 2
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and bad in lines[0], err
    assert "Traceback" not in err
    assert not out.exists()


def test_word_has_the_chapter_and_the_document_control(edited: Edited, tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    code = main(["report", str(edited.path), "-o", str(out), "--compare", str(OLD)])
    assert code == 0
    word = docx.Document(str(out))
    headings = [
        p.text for p in word.paragraphs if p.style is not None and p.style.name == "Heading 1"
    ]
    assert "Document control" in headings
    assert any(h.endswith(TITLE_EN) for h in headings)
    assert headings.index("Document control") < 2  # right after the cover
    cells = {normalise(c.text) for t in word.tables for row in t.rows for c in row.cells}
    _, old_name, new_name = edited.renamed
    assert f"name: {old_name} → {new_name}" in cells
    assert "Reference number" in cells
    body = normalise(" ".join(p.text for p in word.paragraphs))
    assert f"Newly added (1): {edited.added}" in body
    assert "Layout changes are not listed one by one." in body
