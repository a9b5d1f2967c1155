"""Branding completed (issue 15, item 7): the logo in every page's header when asked,
primary and accent colours, the profile's TrueType fonts embedded and used everywhere,
per-language confidentiality line, footer and cover subtitle, the optional "Made with
procmodeler" line, and one clear line per bad value naming the profile."""

from __future__ import annotations

import concurrent.futures
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from pypdf import PdfReader
from pypdf.generic import ContentStream

from procmodeler.common.errors import UserError
from procmodeler.model.architecture import Architecture
from procmodeler.report import Profile, fontfile, load_profile, render_report
from procmodeler.report.document import MARGIN_TOP
from tests.report.conftest import DAY, EXAMPLES, ROOT, Pdf, normalise, read_pdf

BRANDING = ROOT / "procmodeler" / "resources" / "branding"
FONTS = ROOT / "procmodeler" / "resources" / "fonts"
#: a second free TrueType family (fonts-dejavu-core, installed by packaging/bootstrap.sh)
SERIF = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
SERIF_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf")

TEXTS = {
    "confidentiality": {"en": "Strictly confidential", "sv": "Strikt konfidentiellt"},
    "footer": {"en": "Serif Partners footer line", "sv": "Serif Partners sidfotsrad"},
    "cover_subtitle": {"en": "Current state and advice", "sv": "Nuläge och råd"},
}


def serif_fonts(folder: Path) -> tuple[str, str]:
    """Copies of the serif fonts beside the profile (relative paths are tested)."""
    if not (SERIF.is_file() and SERIF_BOLD.is_file()):
        pytest.skip("fonts-dejavu-core is not installed (packaging/bootstrap.sh installs it)")
    shutil.copy(SERIF, folder / "Serif.ttf")
    shutil.copy(SERIF_BOLD, folder / "Serif-Bold.ttf")
    return "Serif.ttf", "Serif-Bold.ttf"


def write_profile(folder: Path, **data: object) -> Path:
    path = folder / "brand.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def branded(tmp_path_factory: pytest.TempPathFactory) -> Profile:
    folder = tmp_path_factory.mktemp("brand")
    shutil.copy(BRANDING / "example-logo.png", folder / "logo.png")
    regular, bold = serif_fonts(folder)
    return load_profile(
        write_profile(
            folder,
            logo="logo.png",
            logo_in_header=True,
            primary_colour="#5a1238",
            accent_colour="#d08a1c",
            font=regular,
            font_bold=bold,
            made_with=False,
            **TEXTS,
        )
    )


@pytest.fixture(scope="module")
def branded_pdf(sample: Architecture, branded: Profile) -> Callable[[str], Pdf]:
    cache: dict[str, Pdf] = {}

    def make(lang: str) -> Pdf:
        if lang not in cache:
            cache[lang] = read_pdf(render_report(sample, lang, branded, today=DAY))
        return cache[lang]

    return make


def header_images(reader: PdfReader) -> list[int]:
    """Per page, how many images are drawn in the header band (above the text frame)."""
    counts = []
    for page in reader.pages:
        height = float(page.mediabox.height)
        names = {f"/{image.name.rsplit('.', 1)[0]}" for image in page.images}
        found = 0
        matrix: list[float] = []
        for args, op in ContentStream(page.get_contents(), reader).operations:
            if op == b"cm":
                matrix = [float(a) for a in args]
            elif op == b"Do" and str(args[0]) in names and matrix:
                found += height - MARGIN_TOP <= matrix[5] <= height - matrix[3]
        counts.append(found)
    return counts


# ---------------------------------------------------------------------- the profile
def test_example_profile_shows_the_new_keys() -> None:
    profile = load_profile(BRANDING / "example-profile.json")
    assert profile.logo_in_header and not profile.made_with
    assert profile.accent_colour == profile.secondary_colour == "#3aa17e"
    assert profile.font is not None and profile.font.family == "DejaVu Sans"
    assert profile.font_bold is not None and profile.font_bold.postscript_name == "DejaVuSans-Bold"
    sv = profile.for_language("sv")
    assert sv.confidentiality.startswith("Konfidentiellt")
    assert sv.cover_subtitle == "Nuläge och rekommendationer"
    assert profile.for_language("en").footer.startswith("Nordic Process Partners AB")


def test_secondary_colour_is_the_older_name_of_the_accent(tmp_path: Path) -> None:
    profile = load_profile(write_profile(tmp_path, secondary_colour="#ABC"))
    assert profile.accent_colour == "#aabbcc"
    assert Profile().accent_colour == Profile().secondary_colour == "#2e8b57"


def test_a_missing_language_falls_back_to_english_then_the_first_given(tmp_path: Path) -> None:
    profile = load_profile(
        write_profile(
            tmp_path,
            confidentiality={"en": "Confidential", "sv": "Konfidentiellt"},
            footer={"sv": "Bara svenska"},
            cover_subtitle="Same in every language",
        )
    )
    assert profile.text("confidentiality", "sv") == "Konfidentiellt"
    assert profile.text("confidentiality", "de") == "Confidential"
    assert profile.text("footer", "en") == "Bara svenska"
    assert profile.for_language("sv").cover_subtitle == "Same in every language"


def font_problem(folder: Path) -> dict[str, str]:
    """Bad font files of every kind, by name, beside the profile."""
    (folder / "garbage.ttf").write_bytes(b"\x00\x01\x00\x00" + b"not a font" * 20)
    (folder / "postscript.otf").write_bytes(b"OTTO" + b"\x00" * 200)
    (folder / "folder.ttf").mkdir()
    return {
        "garbage.ttf": "the font '{p}/garbage.ttf' is not a TrueType (.ttf) font",
        "postscript.otf": "has PostScript outlines (OpenType CFF); use a TrueType (.ttf) font",
        "folder.ttf": "the font '{p}/folder.ttf' is not a regular file",
        "missing.ttf": "the font '{p}/missing.ttf' does not exist",
    }


@pytest.mark.parametrize("name", ["garbage.ttf", "postscript.otf", "folder.ttf", "missing.ttf"])
def test_bad_fonts_are_refused_naming_the_profile(tmp_path: Path, name: str) -> None:
    expected = font_problem(tmp_path)[name].format(p=tmp_path)
    path = write_profile(tmp_path, font=name)
    with pytest.raises(UserError) as exc:
        load_profile(path)
    lines = exc.value.lines()
    assert len(lines) == 1 and lines[0].startswith(str(path)) and expected in lines[0]


def test_an_oversized_font_is_refused_before_it_is_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fontfile, "MAX_FONT_BYTES", 1000)
    shutil.copy(FONTS / "DejaVuSans.ttf", tmp_path / "big.ttf")
    with pytest.raises(UserError) as exc:
        load_profile(write_profile(tmp_path, font="big.ttf"))
    assert "the font '" in exc.value.lines()[0] and "is larger than 30 MB" in exc.value.lines()[0]


def test_a_font_without_swedish_letters_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fontfile, "NEEDED_LETTERS", "A\u4e2d")  # DejaVu has no CJK glyph
    with pytest.raises(UserError) as exc:
        load_profile(write_profile(tmp_path, font=str(FONTS / "DejaVuSans.ttf")))
    assert exc.value.lines()[0].endswith("has no letters for \u4e2d")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"logo_in_header": "yes"}, "'logo_in_header' must be true or false"),
        ({"made_with": 0}, "'made_with' must be true or false"),
        ({"logo_in_header": True}, "'logo_in_header' is true but the profile names no 'logo'"),
        ({"accent_colour": "orange"}, "'accent_colour' must be a colour like"),
        (
            {"accent_colour": "#000", "secondary_colour": "#111"},
            "give 'accent_colour' or its older name 'secondary_colour', not both",
        ),
        ({"font": 12}, "'font' must be the path of a TrueType (.ttf) font"),
        ({"font_bold": ""}, "'font_bold' must be the path of a TrueType (.ttf) font"),
        ({"footer": {"de": "Vertraulich"}}, "'footer' must be a text or an object of texts"),
        ({"cover_subtitle": {"en": 1}}, "'cover_subtitle' must be a text or an object"),
        ({"confidentiality": {}}, "'confidentiality' must be a text or an object"),
    ],
)
def test_bad_values_are_refused(tmp_path: Path, data: dict[str, object], expected: str) -> None:
    path = write_profile(tmp_path, **data)
    with pytest.raises(UserError) as exc:
        load_profile(path)
    lines = exc.value.lines()
    assert len(lines) == 1 and lines[0].startswith(str(path)) and expected in lines[0]


def test_bad_values_exit_2_one_line_each(run_cli, tmp_path: Path) -> None:
    font_problem(tmp_path)
    path = write_profile(
        tmp_path, font="garbage.ttf", font_bold="missing.ttf", made_with="no", footer=3
    )
    out = tmp_path / "r.pdf"
    proc = run_cli("report", EXAMPLES / "manufacturing.procm", "-o", out, "--profile", path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 4, proc.stderr
    assert all(f"{path}: " in line for line in lines)
    assert not out.exists()


# ---------------------------------------------------------------------- the PDF
def test_the_logo_is_in_the_header_of_every_page_but_the_cover(
    branded_pdf: Callable[[str], Pdf],
) -> None:
    counts = header_images(branded_pdf("en").reader)
    assert counts[0] == 0  # the cover shows the big logo lower down, not in a header
    assert len(counts) > 10 and all(n == 1 for n in counts[1:]), counts


def test_no_header_logo_unless_asked(sample: Architecture, tmp_path: Path) -> None:
    shutil.copy(BRANDING / "example-logo.png", tmp_path / "logo.png")
    profile = load_profile(write_profile(tmp_path, logo="logo.png"))
    pdf = read_pdf(render_report(sample, "en", profile, today=DAY))
    assert set(header_images(pdf.reader)) == {0}
    assert len(pdf.reader.pages[0].images) == 1  # the cover's logo
    assert all(not page.images for page in pdf.reader.pages[1:])


def embedded_fonts(reader: PdfReader) -> dict[str, bool]:
    """BaseFont (without the subset prefix) -> has a FontFile2 (embedded TrueType)."""
    found: dict[str, bool] = {}
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (
                descendants[0].get_object()["/FontDescriptor"]
                if descendants
                else font.get("/FontDescriptor")
            )
            name = str(font["/BaseFont"]).split("+", 1)[-1]
            found[name] = bool(descriptor and "/FontFile2" in descriptor.get_object())
    return found


def test_the_profile_fonts_are_embedded_and_the_only_ones(
    branded_pdf: Callable[[str], Pdf],
) -> None:
    fonts = embedded_fonts(branded_pdf("en").reader)
    assert fonts == {"DejaVuSerif": True, "DejaVuSerif-Bold": True}


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_per_language_texts_follow_the_report_language(
    branded_pdf: Callable[[str], Pdf], lang: str
) -> None:
    pdf = branded_pdf(lang)
    other = "sv" if lang == "en" else "en"
    cover = normalise(pdf.pages[0])
    assert TEXTS["cover_subtitle"][lang] in cover
    for key in TEXTS:
        assert TEXTS[key][other] not in pdf.text
    for page in pdf.pages[1:]:  # the footer and confidentiality line on every page
        text = normalise(page)
        assert TEXTS["footer"][lang] in text and TEXTS["confidentiality"][lang] in text


def test_made_with_false_removes_the_line(
    branded_pdf: Callable[[str], Pdf], sample_en: Pdf, sample_sv: Pdf
) -> None:
    assert "Made with procmodeler" in normalise(sample_en.pages[0])
    assert "procmodeler" not in branded_pdf("en").text.replace("procmodeler.", "")
    assert "procmodeler" not in normalise(branded_pdf("sv").pages[0])
    assert "procmodeler" in normalise(sample_sv.pages[0])  # the Swedish line by default


# ---------------------------------------------------------------------- Word
@pytest.fixture(scope="module")
def branded_word(sample: Architecture, branded: Profile) -> Document:
    data = render_report(sample, "sv", branded, today=DAY, fmt="docx")
    return docx.Document(io.BytesIO(data))


def header_pictures(word: Document) -> list[list[str]]:
    """Per section, the alt texts of the pictures in its header."""
    return [
        [el.get("descr") for el in section.header._element.iter(qn("wp:docPr"))]
        for section in word.sections
    ]


def test_word_styles_carry_the_profile_fonts_and_colours(
    branded_word: Document, branded: Profile
) -> None:
    styles = branded_word.styles
    primary = branded.primary_colour.lstrip("#").upper()
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "Report Table"):
        style = styles[name]
        assert style.font.name == "DejaVu Serif", name
        rfonts = style.element.rPr.rFonts
        assert rfonts.get(qn("w:asciiTheme")) is None, name  # no theme font wins over it
    for name in ("Title", "Heading 1", "Heading 2"):
        assert str(styles[name].font.color.rgb) == primary, name
    defaults = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    rfonts = defaults.find(qn("w:rPr")).find(qn("w:rFonts"))
    assert rfonts.get(qn("w:ascii")) == "DejaVu Serif" and rfonts.get(qn("w:asciiTheme")) is None
    header = styles["Report Table"].element.find(qn("w:tblStylePr"))
    assert header.get(qn("w:type")) == "firstRow"
    assert header.find(qn("w:tcPr")).find(qn("w:shd")).get(qn("w:fill")) == primary
    tables = branded_word.tables
    assert sum(t.style.name == "Report Table" for t in tables) >= len(tables) - 1  # not the cover's
    title = next(p for p in branded_word.paragraphs if p.style.name == "Title")
    assert title.text == "Process architecture 2025"


def test_word_header_logo_footer_and_made_with(
    branded_word: Document, sample: Architecture
) -> None:
    assert all(pics == ["Logotyp"] for pics in header_pictures(branded_word))
    footer = "\n".join(p.text for p in branded_word.sections[0].footer.paragraphs)
    assert TEXTS["confidentiality"]["sv"] in footer and TEXTS["footer"]["sv"] in footer
    body = "\n".join(p.text for p in branded_word.paragraphs)
    assert TEXTS["cover_subtitle"]["sv"] in body
    assert "procmodeler" not in body
    plain = docx.Document(io.BytesIO(render_report(sample, "en", today=DAY, fmt="docx")))
    assert all(pics == [] for pics in header_pictures(plain))
    assert "Made with procmodeler" in "\n".join(p.text for p in plain.paragraphs)


def test_only_a_regular_font_serves_bold_text_too(sample: Architecture, tmp_path: Path) -> None:
    regular, _ = serif_fonts(tmp_path)
    profile = load_profile(write_profile(tmp_path, font=regular))
    assert profile.font is not None and profile.font_bold is None
    pdf = read_pdf(render_report(sample, "en", profile, today=DAY))
    assert set(embedded_fonts(pdf.reader)) == {"DejaVuSerif"}


def test_two_reports_built_at_once_keep_their_own_fonts(
    sample: Architecture, branded: Profile
) -> None:
    """The fonts are chosen per build (a context variable): the app may build a report
    in a worker thread while another one is built elsewhere."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        serif = pool.submit(render_report, sample, "en", branded, None, DAY)
        plain = pool.submit(render_report, sample, "en", None, None, DAY)
        serif_fonts_found = embedded_fonts(read_pdf(serif.result()).reader)
        plain_fonts_found = embedded_fonts(read_pdf(plain.result()).reader)
    assert set(serif_fonts_found) == {"DejaVuSerif", "DejaVuSerif-Bold"}
    assert set(plain_fonts_found) == {"DejaVuSans", "DejaVuSans-Bold"}


def test_word_table_grids_have_the_pdf_column_widths(branded_word: Document) -> None:
    """LibreOffice lays a fixed-layout table out by its grid: the grid's columns must
    have the widths of the cells (the PDF's column widths), not equal shares."""
    checked = 0
    for table in branded_word.tables[1:]:  # the cover's facts table has no fixed grid
        grid = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.iter(qn("w:gridCol"))]
        for tr in table._tbl.iter(qn("w:tr")):
            cells = list(tr.iter(qn("w:tc")))
            if len(cells) == len(grid):  # a row without merged cells
                widths = [
                    int(tc.find(qn("w:tcPr")).find(qn("w:tcW")).get(qn("w:w"))) for tc in cells
                ]
                assert all(abs(g - w) <= 1 for g, w in zip(grid, widths, strict=True))
                checked += 1
                break
    assert checked > 10
