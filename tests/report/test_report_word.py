"""The report as a Word document: `procmodeler report EXAMPLE -o r.docx` for both bundled
examples has the PDF's headings (as Word headings), tables and pictures (with alt text);
LibreOffice converts it without losing a chapter; bad calls write nothing."""

from __future__ import annotations

import io
import subprocess
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from procmodeler.cli import main
from procmodeler.io.native import load
from procmodeler.report import ReportCancelled, build_report, load_profile
from tests.report.conftest import EXAMPLES, Pdf, need_tool, normalise, read_pdf

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_NAMES = ["manufacturing.procm", "municipality-sv.procm"]
PROFILE = ROOT / "procmodeler" / "resources" / "branding" / "example-profile.json"


@dataclass
class Built:
    """One example's report written by the command as .docx and as .pdf."""

    path: Path
    word: Document
    pdf: Pdf


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Built]:
    cache: dict[str, Built] = {}

    def make(name: str) -> Built:
        if name not in cache:
            folder = tmp_path_factory.mktemp("word")
            out = folder / "r.docx"
            assert main(["report", str(EXAMPLES / name), "-o", str(out)]) == 0
            assert main(["report", str(EXAMPLES / name), "-o", str(folder / "r.pdf")]) == 0
            pdf = read_pdf((folder / "r.pdf").read_bytes())
            cache[name] = Built(out, docx.Document(str(out)), pdf)
        return cache[name]

    return make


def _outline(pdf: Pdf) -> list[tuple[int, str]]:
    """(level, title) of every entry of the PDF's outline, in order."""
    found: list[tuple[int, str]] = []

    def walk(items: list[object], level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((level, str(item.title)))  # type: ignore[attr-defined]

    walk(pdf.reader.outline, 0)
    return found


def _headings(word: Document) -> list[tuple[int, str]]:
    found = []
    for para in word.paragraphs:
        name = para.style.name if para.style is not None else ""
        if name.startswith("Heading "):
            found.append((int(name.split()[1]) - 1, para.text))
    return found


def _all_tables(word: Document) -> list[object]:
    """Every table, nested ones included (in document order)."""
    out: list[object] = []

    def walk(tables: list[object]) -> None:
        for table in tables:
            out.append(table)
            for row in table.rows:  # type: ignore[attr-defined]
                for cell in row.cells:
                    walk(cell.tables)

    walk(list(word.tables))
    return out


@pytest.mark.slow
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_word_headings_are_the_pdf_outline(name: str, built: Callable[[str], Built]) -> None:
    b = built(name)
    outline = _outline(b.pdf)
    assert len(outline) > 20
    assert _headings(b.word) == outline
    # the chapters are Heading 1, and a table-of-contents field stands where the PDF has
    # its contents
    assert [t for level, t in outline if level == 0] == [
        p.text for p in b.word.paragraphs if p.style is not None and p.style.name == "Heading 1"
    ]
    instructions = " ".join(x.text or "" for x in b.word.element.body.iter(qn("w:instrText")))
    assert 'TOC \\o "1-2"' in instructions


@pytest.mark.slow
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_word_has_the_pdf_tables(name: str, built: Callable[[str], Built]) -> None:
    b = built(name)
    tables = _all_tables(b.word)
    assert len(tables) > 40
    pdf_words = set(b.pdf.text.split()) | {"\u25cf"}  # a traffic light: drawn in the PDF
    for table in tables:
        for cell in table.rows[0].cells:  # type: ignore[attr-defined]
            missing = set(cell.text.split()) - pdf_words
            assert not missing, (cell.text, missing)
    # the index lists every process, each with a page reference to where it is described
    arch = load(EXAMPLES / name)
    index = next(
        t
        for t in tables
        if any(qn("w:instrText") == el.tag and "PAGEREF" in (el.text or "") for el in t._tbl.iter())  # type: ignore[attr-defined]
    )
    assert len(index.rows) == len(arch.processes) + 1  # type: ignore[attr-defined]
    header = index.rows[0]._tr  # type: ignore[attr-defined]
    assert header.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None


@pytest.mark.slow
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_word_pictures_have_alt_text_and_resolution(
    name: str, built: Callable[[str], Built]
) -> None:
    b = built(name)
    shapes = list(b.word.inline_shapes)
    assert len(shapes) >= 10
    described = [
        el.get("descr") for el in b.word.element.body.iter(qn("wp:docPr")) if el.get("descr")
    ]
    assert len(described) == len(shapes)
    lang_map = "Process map" if name.startswith("manufacturing") else "Processkarta"
    assert any(d.startswith(lang_map) for d in described), described
    chart = "Process behaviour chart: " if name.startswith("manufacturing") else "Styrdiagram: "
    assert any(d.startswith(chart) for d in described), described
    for shape in shapes:
        blip = shape._inline.graphic.graphicData.pic.blipFill.blip
        image = b.word.part.related_parts[blip.embed].image
        inches = shape.width.inches
        assert image.px_width / inches >= 200, (image.px_width, inches)


@pytest.mark.slow
def test_word_landscape_sections_and_page_fields(built: Callable[[str], Built]) -> None:
    b = built("manufacturing.procm")
    orientations = [s.orientation for s in b.word.sections]
    assert orientations[0] == WD_ORIENT.PORTRAIT
    assert WD_ORIENT.LANDSCAPE in orientations
    for section in b.word.sections:
        if section.orientation == WD_ORIENT.LANDSCAPE:
            assert section.page_width > section.page_height
    footer = b.word.sections[0].footer._element
    codes = " ".join(x.text or "" for x in footer.iter(qn("w:instrText")))
    assert "PAGE" in codes and "NUMPAGES" in codes


@pytest.mark.slow
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_libreoffice_converts_without_losing_a_chapter(
    name: str, built: Callable[[str], Built], tmp_path: Path
) -> None:
    soffice = need_tool("soffice", "libreoffice-writer-nogui")
    b = built(name)
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path / 'lo'}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(b.path),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    converted = read_pdf((tmp_path / "r.pdf").read_bytes())
    assert len(converted.pages) > 20
    text = converted.text
    for level, title in _outline(b.pdf):
        if level <= 1:
            assert normalise(title) in text, title
    # the index's page references were filled in by LibreOffice's own layout
    title = _index_title(b.word)
    page = [p for p in converted.pages if title in [line.strip() for line in p.splitlines()]][-1]
    lines = [line.split() for line in page.splitlines() if line.split()]
    assert sum(words[-1].isdigit() for words in lines) >= 5, page


def _index_title(word: Document) -> str:
    """The chapter heading above the table whose cells are page references (the index)."""
    title = ""
    for element in word.element.body.iterchildren():
        if element.tag == qn("w:p"):
            style = element.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            if style is not None and style.get(qn("w:val")) == "Heading1":
                title = "".join(t.text or "" for t in element.iter(qn("w:t")))
        elif element.tag == qn("w:tbl") and any(
            "PAGEREF" in (x.text or "") for x in element.iter(qn("w:instrText"))
        ):
            return title
    raise AssertionError("no index table")


def test_branding_becomes_word_styles(manufacturing: object, tmp_path: Path) -> None:
    profile = load_profile(PROFILE)
    out = tmp_path / "brand.docx"
    build_report(manufacturing, out, profile=profile, fmt="docx")  # type: ignore[arg-type]
    word = docx.Document(str(out))
    heading = word.styles["Heading 1"]
    assert str(heading.font.color.rgb) == profile.primary_colour.lstrip("#").upper()
    assert word.styles["Normal"].font.name == "DejaVu Sans"
    descr = [el.get("descr") for el in word.element.body.iter(qn("wp:docPr"))]
    assert descr[0] == "Logo"  # the cover's logo comes first
    footer_text = word.sections[0].footer.paragraphs[0].text
    assert profile.confidentiality in footer_text
    assert word.core_properties.title == load(EXAMPLES / "manufacturing.procm").meta.name
    # every page reference and link points at a bookmark that exists
    body = word.element.body
    marks = {el.get(qn("w:name")) for el in body.iter(qn("w:bookmarkStart"))}
    refs = {
        (x.text or "").split()[1]
        for x in body.iter(qn("w:instrText"))
        if "PAGEREF" in (x.text or "")
    }
    anchors = {el.get(qn("w:anchor")) for el in body.iter(qn("w:hyperlink"))}
    assert refs and anchors
    assert refs <= marks and anchors <= marks


def test_cancelled_word_build_writes_nothing(manufacturing: object, tmp_path: Path) -> None:
    out = tmp_path / "cancel.docx"
    seen: list[int] = []

    def progress(done: int, total: int) -> bool:
        seen.append(done)
        return done < total // 2  # stops in the middle of the conversion

    with pytest.raises(ReportCancelled):
        build_report(manufacturing, out, progress=progress, fmt="docx")  # type: ignore[arg-type]
    assert not out.exists()
    assert max(seen) >= 500


@pytest.mark.parametrize(
    ("output", "extra", "message"),
    [
        ("r.doc", [], "a report is written as .pdf or .docx, not as .doc"),
        ("r.pdf", ["--format", "docx"], "ends in .pdf but --format asks for docx"),
        ("r.docx", ["--format", "pdf"], "ends in .docx but --format asks for pdf"),
    ],
)
def test_wrong_output_format_is_one_line_and_nothing_written(
    output: str, extra: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / output
    code = main(["report", str(EXAMPLES / "manufacturing.procm"), "-o", str(out), *extra])
    lines = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert lines == [f"procmodeler: error: {out}: {message}"]
    assert not out.exists()


def test_format_option_without_suffix_writes_word(sample: object, tmp_path: Path) -> None:
    from procmodeler.io.native import save

    model = tmp_path / "sample.procm"
    save(sample, model)  # type: ignore[arg-type]
    out = tmp_path / "report"
    assert main(["report", str(model), "-o", str(out), "--format", "docx"]) == 0
    with zipfile.ZipFile(io.BytesIO(out.read_bytes())) as archive:
        assert "word/document.xml" in archive.namelist()
    assert docx.Document(str(out)).paragraphs
