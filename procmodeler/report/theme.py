"""The report's typography and colours: paragraph and table styles derived from the
branding profile's primary and accent (``secondary``) colours, in the fonts of the report
being built (DejaVu or the profile's, see :mod:`procmodeler.report.fonts`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from procmodeler.report.fonts import font, register_fonts
from procmodeler.report.profile import Profile
from procmodeler.report.text import HYPHENATION

TEXT = colors.HexColor("#1f2328")
MUTED = colors.HexColor("#59636e")
RULE = colors.HexColor("#d0d7de")
ZEBRA = colors.HexColor("#f6f8fa")
WHITE = colors.white

BODY_SIZE = 9.5
TABLE_SIZE = 8.3


def plain_style(commands: list[tuple[object, ...]]) -> TableStyle:
    """A table style whose cells use the embedded font (reportlab's default cell font,
    Helvetica, would otherwise be named in the PDF without being embedded)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), font(False)), *commands])


def tint(colour: colors.Color, share: float) -> colors.Color:
    """*colour* mixed with white: share 0 gives white, 1 the colour itself."""
    return colors.Color(
        1 - (1 - colour.red) * share,
        1 - (1 - colour.green) * share,
        1 - (1 - colour.blue) * share,
    )


@dataclass
class Theme:
    """Colours and styles of one report."""

    profile: Profile
    lang: str = "en"
    primary: colors.Color = field(init=False)
    secondary: colors.Color = field(init=False)
    styles: dict[str, ParagraphStyle] = field(init=False)

    def __post_init__(self) -> None:
        register_fonts()
        self.primary = colors.HexColor(self.profile.primary_colour)
        self.secondary = colors.HexColor(self.profile.secondary_colour)
        self.primary_light = tint(self.primary, 0.10)
        self.primary_mid = tint(self.primary, 0.22)
        self.secondary_light = tint(self.secondary, 0.12)
        self.styles = _paragraph_styles(self.primary, HYPHENATION.get(self.lang, ""))

    def table_style(self, header_rows: int = 1, zebra: bool = True) -> TableStyle:
        """Lines, paddings and the coloured header row of the report's tables."""
        commands: list[tuple[object, ...]] = [
            ("FONTSIZE", (0, 0), (-1, -1), TABLE_SIZE),
            ("LEADING", (0, 0), (-1, -1), TABLE_SIZE * 1.3),
            ("TEXTCOLOR", (0, 0), (-1, -1), TEXT),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 3.2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.6),
            ("LEFTPADDING", (0, 0), (-1, -1), 5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 5),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ]
        if header_rows:
            commands += [
                ("BACKGROUND", (0, 0), (-1, header_rows - 1), self.primary),
                ("TEXTCOLOR", (0, 0), (-1, header_rows - 1), WHITE),
                ("FONTNAME", (0, 0), (-1, header_rows - 1), font(True)),
                ("VALIGN", (0, 0), (-1, header_rows - 1), "BOTTOM"),
            ]
        if zebra:
            commands.append(("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [WHITE, ZEBRA]))
        return plain_style(commands)

    def facts_style(self) -> TableStyle:
        """A two-column label/value table (the facts of a process)."""
        return plain_style(
            [
                ("FONTSIZE", (0, 0), (-1, -1), TABLE_SIZE),
                ("LEADING", (0, 0), (-1, -1), TABLE_SIZE * 1.3),
                ("FONTNAME", (0, 0), (0, -1), font(True)),
                ("TEXTCOLOR", (0, 0), (0, -1), self.primary),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("BACKGROUND", (0, 0), (0, -1), self.primary_light),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("LINEABOVE", (0, 0), (-1, 0), 0.8, self.primary),
                ("LINEBELOW", (0, -1), (-1, -1), 0.8, self.primary),
            ]
        )


_Add = Callable[..., None]


def _paragraph_styles(primary: colors.Color, hyphenation: str) -> dict[str, ParagraphStyle]:
    """The report's paragraph styles by name, in the primary colour *primary*; a word
    wider than its column (a Swedish compound such as a unit's name in a narrow table
    column) breaks at a syllable of the language *hyphenation* (pyphen's dictionaries)
    rather than at any letter; a heading's never."""
    base = ParagraphStyle(
        "body",
        hyphenate_as=hyphenation,  # report.text.Text hyphenates a word wider than its column
        fontName=font(False),
        fontSize=BODY_SIZE,
        leading=BODY_SIZE * 1.42,
        textColor=TEXT,
        spaceAfter=5,
    )
    s: dict[str, ParagraphStyle] = {"body": base}

    def add(name: str, **kw: object) -> None:
        parent = s[str(kw.pop("parent", "body"))]
        s[name] = ParagraphStyle(name, parent=parent, **kw)

    _heading_styles(add, primary)
    _text_styles(add, primary)
    return s


def _heading_styles(add: _Add, primary: colors.Color) -> None:
    add(
        "h1",
        hyphenate_as="",
        fontName=font(True),
        fontSize=19,
        leading=24,
        textColor=primary,
        spaceBefore=0,
        spaceAfter=12,
    )
    add(
        "h2",
        hyphenate_as="",
        fontName=font(True),
        fontSize=14,
        leading=18,
        textColor=primary,
        spaceBefore=14,
        spaceAfter=6,
        keepWithNext=1,
    )
    add(
        "h3",
        hyphenate_as="",
        fontName=font(True),
        fontSize=10.5,
        leading=14,
        textColor=TEXT,
        spaceBefore=10,
        spaceAfter=4,
        keepWithNext=1,
    )
    add(
        "h4",
        hyphenate_as="",
        fontName=font(True),
        fontSize=9,
        leading=12,
        textColor=MUTED,
        spaceBefore=6,
        spaceAfter=2,
        keepWithNext=1,
    )


def _text_styles(add: _Add, primary: colors.Color) -> None:
    add("lead", fontSize=10.5, leading=15.5, spaceAfter=8)
    add("small", fontSize=8, leading=10.5, textColor=MUTED)
    add("caption", fontSize=7.8, leading=10, textColor=MUTED, spaceBefore=3, spaceAfter=8)
    add("cell", fontSize=TABLE_SIZE, leading=TABLE_SIZE * 1.3, spaceAfter=0)
    add("cell_bold", parent="cell", fontName=font(True))
    add("chart_caption", parent="cell", spaceBefore=10)  # a chart's title, apart from above
    add("cell_muted", parent="cell", textColor=MUTED)
    add("cell_right", parent="cell", alignment=TA_RIGHT)
    add("head", parent="cell", fontName=font(True), textColor=WHITE)
    add("head_right", parent="head", alignment=TA_RIGHT)
    add("label", parent="cell", fontName=font(True), textColor=primary)
    add("bullet", leftIndent=12, bulletIndent=2, spaceAfter=3)
    add(
        "figure",
        fontName=font(True),
        fontSize=22,
        leading=26,
        textColor=primary,
        alignment=TA_LEFT,
        spaceAfter=0,
    )
    add("figure_caption", fontSize=8, leading=10.5, textColor=MUTED, spaceAfter=0)
    add(
        "toc0",
        fontName=font(True),
        fontSize=10.5,
        leading=14,
        spaceBefore=7,
        spaceAfter=0,
        textColor=primary,
    )
    add("toc1", fontSize=9.2, leading=12.5, leftIndent=18, spaceAfter=0)
    add("finding", fontSize=8.8, leading=12, leftIndent=14, firstLineIndent=0, spaceAfter=3)
    add(
        "glossary_term",
        fontName=font(True),
        fontSize=9.2,
        leading=12.5,
        spaceAfter=0,
        keepWithNext=1,
        textColor=primary,
    )
    add("glossary_text", fontSize=8.8, leading=12.2, leftIndent=12, spaceAfter=6)
