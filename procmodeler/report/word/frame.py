"""The Word document's frame: page set-up, properties, cover, header and footer, contents and the index's page references."""

from __future__ import annotations

import datetime
import io
import re
from typing import TYPE_CHECKING, Any

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.section import Section
from docx.shared import Mm, Pt
from reportlab.platypus.tableofcontents import TableOfContents

from procmodeler import __version__
from procmodeler.report.context import ReportContext
from procmodeler.report.document import (
    HEADER_LOGO_H,
    HEADER_LOGO_W,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    header_texts,
)
from procmodeler.report.sections.cover import cover_facts, title_size
from procmodeler.report.theme import MUTED, WHITE
from procmodeler.report.word import ooxml
from procmodeler.report.word.styles import hex6, rgb
from procmodeler.report.word.tables import PAGEREF

if TYPE_CHECKING:
    from procmodeler.report.word.convert import Container, WordWriter

_LANG = {"en": "en-GB", "sv": "sv-SE"}


class PageRef(int):
    """Stands for the page of a process in the index: written as a PAGEREF field to the
    bookmark *key*, which Word and LibreOffice fill in."""

    key: str

    def __new__(cls, key: str) -> PageRef:
        ref = super().__new__(cls, 1)
        ref.key = key
        return ref

    def __str__(self) -> str:
        return f"{PAGEREF}{self.key}"


class PageRefs(dict[str, int]):
    """``ReportDoc.process_pages`` for the Word document: a process's "page" is a
    reference to the bookmark of the place where it is described."""

    def __init__(self, ctx: ReportContext) -> None:
        super().__init__()
        self.link_keys = ctx.keys

    def get(self, pid: str, default: Any = None) -> Any:
        key = self.link_keys.get(pid)
        return PageRef(key) if key else default


def setup(writer: WordWriter) -> None:
    """Page size and margins, document properties, language, fields updated on open."""
    ctx, document = writer.ctx, writer.document
    section = document.sections[0]
    section.page_width, section.page_height = Pt(writer.portrait[0]), Pt(writer.portrait[1])
    section.left_margin = section.right_margin = Pt(MARGIN_X)
    section.top_margin, section.bottom_margin = Pt(MARGIN_TOP), Pt(MARGIN_BOTTOM)
    section.header_distance, section.footer_distance = Pt(MARGIN_TOP - 42), Pt(MARGIN_BOTTOM - 40)
    section.different_first_page_header_footer = True  # the cover has neither
    decorate(writer, section, writer.text_width("body"))
    meta, lang = ctx.arch.meta, ctx.tr.lang
    props = document.core_properties
    props.title = meta.name or ctx.tr("Process architecture")
    props.author = ", ".join(dict.fromkeys(x for x in (meta.author, ctx.theme.profile.author) if x))
    props.subject = ctx.tr("Process architecture report")
    props.language = _LANG.get(lang, lang)
    props.comments = f"procmodeler {__version__}"
    props.last_modified_by = props.author
    moment = datetime.datetime.combine(ctx.today, datetime.time())
    props.created = props.modified = moment
    props.revision = 1
    ooxml.language(document.styles.element, _LANG.get(lang, lang))
    ooxml.update_fields_on_open(document.settings.element)


def decorate(writer: WordWriter, section: Section, width: float) -> None:
    """The header (the logo when the profile asks, title, organisation, a rule) and
    footer (confidentiality line, "Page X of Y", the profile's footer text) of
    *section*, whose text is *width* points wide."""
    theme, tr = writer.ctx.theme, writer.tr
    header = section.header
    header.is_linked_to_previous = False
    para = header.paragraphs[0]
    para.style = writer.document.styles["Normal"]
    para.paragraph_format.tab_stops.add_tab_stop(Pt(width), WD_TAB_ALIGNMENT.RIGHT)
    meta = writer.ctx.arch.meta
    logo = theme.profile.logo
    used = 0.0
    if logo is not None and theme.profile.logo_in_header:
        scale = min(HEADER_LOGO_W / logo.width, HEADER_LOGO_H / logo.height)
        run = para.add_run()
        run.add_picture(io.BytesIO(logo.data), width=Pt(logo.width * scale))
        ooxml.alt_text(run, tr("Logo"))
        para.add_run("\u2003")
        used = logo.width * scale + 10
    # one line as in the PDF (Word would wrap a long title under the logo)
    title, org = header_texts(
        meta.name or tr("Process architecture"), meta.organisation, width, used
    )
    _small(para.add_run(f"{title}\t{org}"))
    ooxml.paragraph_border(para, "bottom", hex6(theme.primary), 6)
    footer = section.footer
    footer.is_linked_to_previous = False
    para = footer.paragraphs[0]
    para.style = writer.document.styles["Normal"]
    para.paragraph_format.tab_stops.add_tab_stop(Pt(width), WD_TAB_ALIGNMENT.RIGHT)
    ooxml.paragraph_border(para, "top", hex6(theme.primary_mid), 4)
    if theme.profile.confidentiality:
        run = _small(para.add_run(theme.profile.confidentiality))
        run.bold = True
        run.font.color.rgb = rgb(theme.secondary)
    _small(para.add_run("\t"))
    for piece in re.split(r"(\{page\}|\{total\})", tr("Page {page} of {total}")):
        if piece == "{page}":
            _small(ooxml.field(para, "PAGE", "1"))
        elif piece == "{total}":
            _small(ooxml.field(para, "NUMPAGES", "1"))
        elif piece:
            _small(para.add_run(piece))
    if theme.profile.footer:
        para = footer.add_paragraph(style=writer.document.styles["Normal"])
        para.paragraph_format.space_before = Pt(2)
        _small(para.add_run(theme.profile.footer)).font.size = Pt(7)


def _small(run: Any) -> Any:
    run.font.size = Pt(7.5)
    run.font.color.rgb = rgb(MUTED)
    return run


def cover(writer: WordWriter) -> None:
    """The first page: logo, the title band in the primary colour (title in Word's
    *Title* style, the profile's subtitle in *Subtitle*), the facts of the deliverable,
    the confidentiality line, the profile's footer text and, unless the profile says
    no, who made it."""
    ctx, document = writer.ctx, writer.document
    theme, tr, meta = ctx.theme, ctx.tr, ctx.arch.meta
    logo = theme.profile.logo
    if logo is not None:
        scale = min(Mm(60) / logo.width, Mm(24) / logo.height)
        run = document.add_paragraph().add_run()
        run.add_picture(io.BytesIO(logo.data), width=int(logo.width * scale))
        ooxml.alt_text(run, tr("Logo"))
    title = meta.name or tr("Process architecture")
    band = [
        (tr("Process architecture report").upper(), 9, True, Pt(150), "Normal"),
        (title, title_size(title, writer.text_width("body") - 12), True, Pt(0), "Title"),
        (theme.profile.cover_subtitle, 14, True, Pt(4), "Subtitle"),
        (meta.organisation, 13, False, Pt(0), "Normal"),
    ]
    for text, size, bold, before, style in band:
        if not text:
            continue
        para = document.add_paragraph(style=style)
        ooxml.shade_paragraph(para, hex6(theme.primary))
        para.paragraph_format.space_before = before
        para.paragraph_format.space_after = Pt(0)
        run = para.add_run(text)
        run.font.size, run.bold = Pt(size), bold
        run.font.color.rgb = rgb(WHITE)
    ooxml.paragraph_border(para, "bottom", hex6(theme.secondary), 36)
    facts = cover_facts(ctx)
    if facts:
        document.add_paragraph().paragraph_format.space_after = Pt(24)
        table = document.add_table(rows=len(facts), cols=2)
        ooxml.table_rules(table._tbl, "D0D7DE")
        for row, (label, value) in zip(table.rows, facts, strict=True):
            row.cells[0].width, row.cells[1].width = Pt(110), Pt(writer.text_width("body") - 110)
            run = row.cells[0].paragraphs[0].add_run(label)
            run.bold, run.font.color.rgb = True, rgb(theme.primary)
            row.cells[1].paragraphs[0].add_run(value)
    if theme.profile.confidentiality:
        para = document.add_paragraph()
        para.paragraph_format.space_before = Pt(36)
        run = para.add_run(theme.profile.confidentiality)
        run.bold, run.font.color.rgb = True, rgb(theme.secondary)
    if theme.profile.footer:
        para = document.add_paragraph()
        para.paragraph_format.space_before = Pt(12)
        _small(para.add_run(theme.profile.footer))
    if theme.profile.made_with:
        para = document.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _small(para.add_run(tr("Made with procmodeler")))


def contents(writer: WordWriter, into: Container, toc: TableOfContents) -> None:
    """A Word table-of-contents field where the PDF has its contents. Until it is
    updated (Word does so on opening: the document asks it to; LibreOffice on Tools >
    Update) it shows the entries, linked, without page numbers: LibreOffice shows a
    field's stored result as it is, and page numbers are known only to the program
    that lays the pages out."""
    entries = writer.toc_entries
    instruction = 'TOC \\o "1-2" \\h \\z'
    if not entries:
        ooxml.field(writer.new_paragraph(into, "TOC 1"), instruction)
        return
    last = len(entries) - 1
    for i, heading in enumerate(entries):
        para = writer.new_paragraph(into, "TOC 1" if heading.toc_level == 0 else "TOC 2")
        if i == 0:
            ooxml.field_begin(para, instruction)
        link = ooxml.internal_link(para, heading.key)
        run = para._p._new_r()
        link.append(run)
        run.text = heading.plain
        if i == last:
            ooxml.field_end(para)
