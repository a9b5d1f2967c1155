"""The PDF as a file: fonts embedded (DejaVu, subset, with a Unicode map), no font that
is only named, a structurally valid file (qpdf), metadata, page sizes from the
profile, progress reporting and cancellation, and atomic writing."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from pypdf.generic import DictionaryObject

from procmodeler.model.architecture import Architecture
from procmodeler.report import Profile, ReportCancelled, build_report, render_report
from tests.report.conftest import DAY, Pdf, need_tool, read_pdf


def _fonts(pdf: Pdf) -> dict[str, DictionaryObject]:
    """BaseFont name -> font dictionary, over every page (and form XObjects)."""
    found: dict[str, DictionaryObject] = {}

    def scan(resources: Any) -> None:
        if not resources:
            return
        resources = resources.get_object()
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            found[str(font["/BaseFont"])] = font
        for xobject in (resources.get("/XObject") or {}).values():
            scan(xobject.get_object().get("/Resources"))

    for page in pdf.reader.pages:
        scan(page.get("/Resources"))
    return found


def test_only_embedded_dejavu_fonts(sample_en: Pdf) -> None:
    fonts = _fonts(sample_en)
    assert fonts
    for name, font in fonts.items():
        assert "DejaVuSans" in name, name
        assert name.split("+")[0].isupper() and "+" in name, name  # a subset tag
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, name  # the TrueType program is embedded
        assert "/ToUnicode" in font, name  # text can be extracted and searched
    assert any("Bold" in name for name in fonts)


def test_pdffonts_reports_every_font_embedded(sample_en: Pdf, tmp_path: Path) -> None:
    pdffonts = need_tool("pdffonts", "poppler-utils")
    path = tmp_path / "report.pdf"
    path.write_bytes(sample_en.data)
    out = subprocess.run([pdffonts, str(path)], capture_output=True, text=True, check=True)
    rows = out.stdout.splitlines()[2:]
    assert rows
    for row in rows:
        columns = row.split()
        # name type encoding emb sub uni object-id generation
        assert columns[-5:-2] == ["yes", "yes", "yes"], row


@pytest.mark.parametrize("which", ["sample_en", "sample_sv"])
def test_qpdf_finds_no_errors(which: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    qpdf = need_tool("qpdf", "qpdf")
    pdf: Pdf = request.getfixturevalue(which)
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf.data)
    out = subprocess.run([qpdf, "--check", str(path)], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "No syntax or stream encoding errors" in out.stdout


def test_metadata(sample_en: Pdf) -> None:
    meta = sample_en.reader.metadata
    assert meta is not None
    assert meta.title == "Process architecture 2025"
    assert meta.author == "Anna Berg"
    assert "Nordic Components AB" in (meta.subject or "")
    assert (meta.creator or "").startswith("procmodeler")


def test_page_size_follows_the_profile(sample: Architecture) -> None:
    a4 = read_pdf(render_report(sample, today=DAY))
    letter = read_pdf(render_report(sample, profile=Profile(page_size="Letter"), today=DAY))
    assert [round(float(x)) for x in a4.reader.pages[0].mediabox[2:]] == [595, 842]
    assert [round(float(x)) for x in letter.reader.pages[0].mediabox[2:]] == [612, 792]
    # the process map is on a landscape page
    map_page = a4.page_of_outline()["2 The process map"]
    assert [round(float(x)) for x in a4.reader.pages[map_page - 1].mediabox[2:]] == [842, 595]


def test_profile_colours_and_confidentiality_line_are_used(sample: Architecture) -> None:
    profile = Profile(
        primary_colour="#7a1f5c",
        secondary_colour="#c05800",
        confidentiality="Strictly confidential – board only",
        author="Acme Consulting",
    )
    pdf = read_pdf(render_report(sample, profile=profile, today=DAY))
    for text in pdf.pages[1:]:
        assert "Strictly confidential – board only" in text
    assert "Anna Berg, Acme Consulting" in pdf.pages[0]
    # the primary colour fills the cover band: 0x7a/255 = .478431 etc.
    content = pdf.reader.pages[0].get_contents().get_data()
    assert b".478431 .121569 .360784 rg" in content


def test_progress_is_reported_and_reaches_the_end(sample: Architecture) -> None:
    calls: list[tuple[int, int]] = []
    render_report(sample, progress=lambda done, total: calls.append((done, total)) or True)
    assert len(calls) > 50
    assert all(0 <= done <= total for done, total in calls)
    assert len({total for _, total in calls}) == 1  # one scale for the whole build
    dones = [done for done, _ in calls]
    assert dones == sorted(dones) and len(set(dones)) == len(dones)  # only forwards
    assert dones[-1] == calls[-1][1]  # ends at 100 %
    assert dones[len(dones) // 2] < calls[0][1] * 0.9


@pytest.mark.parametrize("stop_after", [1, 40])
def test_cancel_stops_and_writes_nothing(
    sample: Architecture, tmp_path: Path, stop_after: int
) -> None:
    calls = []

    def progress(done: int, total: int) -> bool:
        calls.append(done)
        return len(calls) < stop_after

    out = tmp_path / "report.pdf"
    with pytest.raises(ReportCancelled):
        build_report(sample, out, progress=progress)
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []  # no temporary file left either
    assert len(calls) == stop_after


def test_build_report_writes_a_file_or_a_stream(
    sample: Architecture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764201600")  # reproducible bytes
    out = tmp_path / "report.pdf"
    out.write_bytes(b"old")
    size = build_report(sample, out, today=DAY)
    assert out.read_bytes().startswith(b"%PDF-") and out.stat().st_size == size
    stream = io.BytesIO()
    assert build_report(sample, stream, today=DAY) == size
    assert stream.getvalue() == out.read_bytes()
    assert list(tmp_path.iterdir()) == [out]


def test_empty_model_gives_a_short_valid_report() -> None:
    pdf = read_pdf(render_report(Architecture(), today=DAY))
    assert 5 <= len(pdf.pages) <= 12
    assert "The architecture holds no processes yet." in pdf.text


def test_cells_taller_than_a_page_and_huge_loops_do_not_break_the_layout() -> None:
    from procmodeler.edit import operations as ops
    from procmodeler.edit.editor import Editor

    ed = Editor()
    long_purpose = " ".join(
        f"Sentence {i} of a purpose pasted from a long document." for i in range(400)
    )
    first = ops.create_process(ed, "Long purpose", "core", purpose=long_purpose)
    ring = [ops.create_process(ed, f"Ring {i}", "core", parent=first) for i in range(300)]
    for a, b in zip(ring, ring[1:] + ring[:1], strict=True):
        ops.connect(ed, a, b, "flow")
    pdf = read_pdf(render_report(ed.arch, lang="en", today=DAY))
    assert "Sentence 399 of a purpose" in pdf.text  # split across pages, not lost
    assert "and 240 more processes" in pdf.text  # the loop lists 60 names, then a count
