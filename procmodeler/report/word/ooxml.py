"""WordprocessingML that python-docx has no API for: fields, bookmarks, internal links, shading, borders, alt text."""

from __future__ import annotations

import itertools
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import _Cell, _Row
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run

_bookmark_ids = itertools.count(1)

# What may follow an element in its parent (the schema's order, which Word insists on).
_AFTER = {
    "w:pBdr": "shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct "
    "autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing "
    "mirrorIndents suppressOverlap jc textDirection textAlignment textboxTightWrap "
    "outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "w:shd@p": "tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct "
    "autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing "
    "mirrorIndents suppressOverlap jc textDirection textAlignment textboxTightWrap "
    "outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "w:shd@tc": "noWrap tcMar textDirection tcFitText vAlign hideMark headers cellIns "
    "cellDel cellMerge tcPrChange",
    "w:textDirection@tc": "tcFitText vAlign hideMark headers cellIns cellDel cellMerge tcPrChange",
    "w:tblBorders": "shd tblLayout tblCellMar tblLook tblCaption tblDescription tblPrChange",
    "w:updateFields": "hdrShapeDefaults footnotePr endnotePr compat docVars rsids mathPr "
    "attachedSchema themeFontLang clrSchemeMapping doNotIncludeSubdocsInStats "
    "doNotAutoCompressPictures forceUpgrade captions readModeInkLockDown smartTagType "
    "schemaLibrary shapeDefaults doNotEmbedSmartTags decimalSymbol listSeparator",
}


def _insert(parent: Any, element: Any, key: str) -> None:
    """Put *element* into *parent* before the first child that must follow it."""
    after = {qn(f"w:{name}") for name in _AFTER[key].split()}
    for child in parent:
        if child.tag in after:
            child.addprevious(element)
            return
    parent.append(element)


def _el(tag: str, **attrs: str) -> Any:
    element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _child(parent: Any, tag: str) -> Any:
    """The first *tag* child of *parent*, made (appended) when there is none."""
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.append(found)
    return found


def field_begin(paragraph: DocxParagraph, instruction: str) -> None:
    """Open a complex field (``PAGE``, ``TOC \\o "1-2"``, ...) at the end of *paragraph*;
    the runs that follow are its shown result until :func:`field_end`."""
    p = paragraph._p
    for part in (
        _el("w:fldChar", fldCharType="begin", dirty="true"),
        _instr(instruction),
        _el("w:fldChar", fldCharType="separate"),
    ):
        run = OxmlElement("w:r")
        run.append(part)
        p.append(run)


def _instr(instruction: str) -> Any:
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    return instr


def field_end(paragraph: DocxParagraph) -> None:
    run = OxmlElement("w:r")
    run.append(_el("w:fldChar", fldCharType="end"))
    paragraph._p.append(run)


def field(paragraph: DocxParagraph, instruction: str, shown: str = "") -> Run:
    """A whole field with the result *shown* until Word or LibreOffice updates it; the
    run of the result is returned (for its formatting)."""
    field_begin(paragraph, instruction)
    run = paragraph.add_run(shown)
    field_end(paragraph)
    return run


def bookmark(paragraph: DocxParagraph, name: str) -> None:
    """A bookmark *name* around the paragraph's content (a link and PAGEREF target)."""
    ident = str(next(_bookmark_ids))
    p = paragraph._p
    start = _el("w:bookmarkStart", id=ident, name=name)
    ppr = p.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    p.append(_el("w:bookmarkEnd", id=ident))


def internal_link(paragraph: DocxParagraph, anchor: str) -> Any:
    """An empty hyperlink to bookmark *anchor* appended to *paragraph*; runs go in it."""
    link = _el("w:hyperlink", anchor=anchor, history="1")
    paragraph._p.append(link)
    return link


def external_link(paragraph: DocxParagraph, url: str) -> Any:
    """An empty hyperlink to *url* appended to *paragraph*."""
    rel = paragraph.part.relate_to(
        url,
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
        is_external=True,
    )
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    paragraph._p.append(link)
    return link


def shade_cell(cell: _Cell, fill: str) -> None:
    """Fill a table cell with the colour *fill* (``RRGGBB``)."""
    tcpr = cell._tc.get_or_add_tcPr()
    for old in tcpr.findall(qn("w:shd")):
        tcpr.remove(old)
    _insert(tcpr, _el("w:shd", val="clear", color="auto", fill=fill), "w:shd@tc")


def shade_paragraph(paragraph: DocxParagraph, fill: str) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    _insert(ppr, _el("w:shd", val="clear", color="auto", fill=fill), "w:shd@p")


def paragraph_border(paragraph: DocxParagraph, side: str, colour: str, eighths: int) -> None:
    """A line on *side* (``top``, ``bottom``) of the paragraph, *eighths* of a point wide."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        _insert(ppr, borders, "w:pBdr")
    borders.append(_el(f"w:{side}", val="single", sz=str(eighths), space="4", color=colour))


def vertical_text(cell: _Cell) -> None:
    """Text in *cell* reads upwards (the unit names over the participation matrix)."""
    _insert(cell._tc.get_or_add_tcPr(), _el("w:textDirection", val="btLr"), "w:textDirection@tc")


def repeat_as_header(row: _Row) -> None:
    """The row is repeated at the top of every page the table runs over."""
    trpr = row._tr.get_or_add_trPr()
    trpr.append(_el("w:tblHeader", val="true"))


def element(tag: str, **attrs: str) -> Any:
    """A new element *tag* with the ``w:`` attributes *attrs*."""
    return _el(tag, **attrs)


def child(parent: Any, tag: str) -> Any:
    """The child *tag* of *parent*, made when missing."""
    return _child(parent, tag)


def table_rules(table_element: Any, colour: str) -> None:
    """Thin horizontal rules between and below the rows, no vertical lines (as in the
    PDF's tables)."""
    table_rules_into(table_element.tblPr, colour)


def table_rules_into(tblpr: Any, colour: str) -> None:
    """:func:`table_rules` in the table properties *tblpr* (of a table or a table style)."""
    for old in tblpr.findall(qn("w:tblBorders")):
        tblpr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        if side in ("bottom", "insideH"):
            borders.append(_el(f"w:{side}", val="single", sz="3", space="0", color=colour))
        else:
            borders.append(_el(f"w:{side}", val="nil"))
    _insert(tblpr, borders, "w:tblBorders")


def alt_text(run: Run, text: str) -> None:
    """The description and title of the picture in *run* (what a screen reader says)."""
    for doc_pr in run._r.iter(qn("wp:docPr")):
        doc_pr.set("descr", text)
        doc_pr.set("title", text)


def update_fields_on_open(settings_element: Any) -> None:
    """Word updates the table of contents and page references when it opens the file."""
    _insert(settings_element, _el("w:updateFields", val="true"), "w:updateFields")


def language(styles_element: Any, tag: str) -> None:
    """The document's default proofing language (``sv-SE``)."""
    defaults = styles_element.find(qn("w:docDefaults"))
    if defaults is None:
        return
    rpr = _child(_child(defaults, "w:rPrDefault"), "w:rPr")
    lang = _child(rpr, "w:lang")
    lang.set(qn("w:val"), tag)
