"""The report's paragraph styles as Word styles: body font and size, headings, Title and the table style in the branding's fonts and colours."""

from __future__ import annotations

from typing import Any

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.styles.style import ParagraphStyle as WordStyle
from docx.styles.style import _TableStyle as WordTableStyle
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics

from procmodeler.report.theme import RULE, WHITE, Theme
from procmodeler.report.word import ooxml

#: the reportlab styles that become Word's own (headings for the navigation pane and
#: the table of contents, TOC levels for the contents)
BUILT_IN = {
    "body": "Normal",
    "h1": "Heading 1",
    "h2": "Heading 2",
    "h3": "Heading 3",
    "h4": "Heading 4",
    "toc0": "TOC 1",
    "toc1": "TOC 2",
}
#: the Word table style every table of the report has
TABLE_STYLE = "Report Table"
HEADINGS = ("Heading 1", "Heading 2", "Heading 3", "Heading 4")
HEADING_KEYS = ("h1", "h2", "h3", "h4")
_ALIGN = {
    TA_RIGHT: WD_ALIGN_PARAGRAPH.RIGHT,
    TA_CENTER: WD_ALIGN_PARAGRAPH.CENTER,
    TA_JUSTIFY: WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def hex6(colour: colors.Color) -> str:
    """``RRGGBB`` of a reportlab colour."""
    return str(colour.hexval())[2:].upper().rjust(6, "0")[-6:]


def rgb(colour: colors.Color) -> RGBColor:
    return RGBColor.from_string(hex6(colour))


def family(font_name: str) -> str:
    """The family name Word knows a registered reportlab font by (``DejaVu Sans``)."""
    try:
        face = pdfmetrics.getFont(font_name).face
    except (KeyError, AttributeError):
        return font_name
    name = getattr(face, "familyName", font_name)
    return name.decode("utf-8", "replace") if isinstance(name, bytes) else str(name)


def _set_fonts(target: WordStyle, name: str) -> None:
    """The font *name* for every script of *target*, instead of the template's theme
    fonts (a theme font, e.g. the headings' *majorHAnsi*, would win over a named one)."""
    target.font.name = name
    _name_fonts(target.element.get_or_add_rPr().get_or_add_rFonts(), name)


def _name_fonts(rfonts: Any, name: str) -> None:
    """The font *name* for every script in the ``w:rFonts`` element *rfonts*, its theme
    fonts removed."""
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        rfonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), name)


def is_bold(font_name: str) -> bool:
    return "bold" in font_name.lower()


class WordStyles:
    """Makes and hands out the Word paragraph style of each reportlab style."""

    def __init__(self, document: Document, theme: Theme, text_width: float) -> None:
        self.document = document
        self.theme = theme
        self.text_width = text_width  # of a portrait page: the contents' right tab
        self.made: dict[str, str] = {}
        body = theme.styles["body"]
        self.font = family(body.fontName)
        self.bold_font = family(theme.styles["h1"].fontName)
        defaults = document.styles.element.find(qn("w:docDefaults"))
        if defaults is not None:  # the template's theme fonts would show in any other style
            rpr = ooxml.child(ooxml.child(defaults, "w:rPrDefault"), "w:rPr")
            rfonts = rpr.find(qn("w:rFonts"))
            if rfonts is None:
                rfonts = ooxml.element("w:rFonts")
                rpr.insert(0, rfonts)
            _name_fonts(rfonts, self.font)
        normal = document.styles["Normal"]
        self._apply(normal, body, with_font=True)
        for name in HEADING_KEYS:
            self.name_of(theme.styles[name], heading=True)
        self.name_of(theme.styles["toc0"])
        self.name_of(theme.styles["toc1"])
        self._apply(document.styles["TOC Heading"], theme.styles["h1"], with_font=True)
        title = document.styles["Title"]
        self._apply(title, theme.styles["h1"], with_font=True)
        title.font.size = Pt(27)
        ppr = title.element.get_or_add_pPr()
        for border in ppr.findall(qn("w:pBdr")):  # the template's blue rule
            ppr.remove(border)
        self._apply(document.styles["Subtitle"], theme.styles["lead"], with_font=True)
        self.table_style = self._table_style()

    def _table_style(self) -> WordTableStyle:
        """The Word table style *Report Table* (table font and size, rules, the header
        row in the primary colour with white bold text), which every table of the
        report has: restyling the tables is a matter of editing it."""
        theme, styles = self.theme, self.document.styles
        style: WordTableStyle = styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.TABLE)
        style.base_style = styles["Normal Table"]
        cell = theme.styles["cell"]
        _set_fonts(style, family(cell.fontName))
        style.font.size = Pt(float(cell.fontSize))
        style.font.color.rgb = rgb(cell.textColor)
        style.paragraph_format.space_after = Pt(0)
        element = style.element
        tblpr = ooxml.child(element, "w:tblPr")
        ooxml.table_rules_into(tblpr, hex6(RULE))
        header = OxmlElement("w:tblStylePr")
        header.set(qn("w:type"), "firstRow")
        rpr = ooxml.child(header, "w:rPr")
        rpr.append(ooxml.element("w:b"))
        rpr.append(ooxml.element("w:color", val=hex6(WHITE)))
        tcpr = ooxml.child(header, "w:tcPr")
        tcpr.append(ooxml.element("w:shd", val="clear", color="auto", fill=hex6(theme.primary)))
        element.append(header)
        return style

    def name_of(self, style: ParagraphStyle, heading: bool = False) -> str:
        """The Word style for *style* (made the first time it is asked for). Only a
        *heading* (an entry of the PDF's outline) gets a Word heading style; a
        paragraph in a heading's style gets a look-alike that is not in the outline."""
        key = str(style.name)
        if key in HEADING_KEYS and not heading:
            key = f"{key} text"
        if key in self.made:
            return self.made[key]
        word_name = BUILT_IN.get(key, f"Report {key}")
        styles = self.document.styles
        try:
            target = styles[word_name]
        except KeyError:
            target = styles.add_style(word_name, WD_STYLE_TYPE.PARAGRAPH)
            target.base_style = styles["Normal"]
            target.quick_style = False
        if key != "body":
            self._apply(target, style, with_font=True)
        if word_name in HEADINGS:
            target.paragraph_format.keep_with_next = True
        if word_name.startswith("TOC"):
            target.paragraph_format.tab_stops.add_tab_stop(
                Pt(self.text_width), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
            )
        self.made[key] = word_name
        return word_name

    def _apply(self, target: WordStyle, style: ParagraphStyle, with_font: bool) -> None:
        font = target.font
        if with_font:
            _set_fonts(target, family(style.fontName))
        font.size = Pt(float(style.fontSize))
        font.bold = is_bold(style.fontName)
        font.italic = False
        font.color.rgb = rgb(style.textColor)
        fmt = target.paragraph_format
        fmt.space_before = Pt(float(style.spaceBefore))
        fmt.space_after = Pt(float(style.spaceAfter))
        fmt.line_spacing = round(float(style.leading) / float(style.fontSize) * 0.85, 2)
        fmt.left_indent = Pt(float(style.leftIndent))
        fmt.first_line_indent = Pt(float(style.firstLineIndent))
        fmt.alignment = _ALIGN.get(style.alignment, WD_ALIGN_PARAGRAPH.LEFT)
        if getattr(style, "keepWithNext", 0):
            fmt.keep_with_next = True
