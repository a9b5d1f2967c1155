"""The report's story of flowables, converted one by one into a python-docx document."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable
from typing import Any

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.shared import Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph
from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)
from reportlab.platypus.tableofcontents import TableOfContents

from procmodeler.report.context import ReportContext
from procmodeler.report.diagram import DiagramFlowable, Legend
from procmodeler.report.document import (
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    Deferred,
    Heading,
    PageTotal,
    ReportDoc,
    _headings,
)
from procmodeler.report.sections.base import Dot, VerticalLabel
from procmodeler.report.word import frame, ooxml
from procmodeler.report.word.raster import flowable_png
from procmodeler.report.word.runs import add_runs, anchors
from procmodeler.report.word.styles import WordStyles, hex6
from procmodeler.report.word.tables import TableWriter

#: called with the share of the conversion done (0..1); raises ReportCancelled to stop
Progress = Callable[[float], None]
Container = Any  # the document body or a table cell: both add paragraphs and tables

_SKIPPED = (Spacer, CondPageBreak, PageTotal)
_HEADING_STYLE = {0: "Heading 1", 1: "Heading 2", 2: "Heading 3", 3: "Heading 4"}


class WordWriter:
    """Writes one report: the cover, then each flowable of the story as Word content."""

    def __init__(self, ctx: ReportContext, doc: ReportDoc, progress: Progress | None) -> None:
        self.ctx = ctx
        self.tr = ctx.tr
        self.progress = progress
        self.document = docx.Document()
        self.portrait = (float(doc.pagesize[0]), float(doc.pagesize[1]))
        self.wide = landscape(self.portrait)
        self.template = "body"
        self.pending: str | None = None
        self.break_pending = False
        self.bookmarks: set[str] = set()
        self.fresh: set[int] = set()
        self.style_ids: dict[str, str] = {}  # cells whose first (empty) paragraph is unused
        self.parts: Counter[str | None] = Counter()
        self.styles = WordStyles(self.document, ctx.theme, self.text_width("body"))
        self.tables = TableWriter(self)
        self.pagerefs = frame.PageRefs(ctx)
        doc.process_pages = self.pagerefs  # the index asks it for "page numbers"

    # ------------------------------------------------------------------ geometry
    def text_width(self, template: str) -> float:
        size = self.wide if template == "wide" else self.portrait
        return size[0] - 2 * MARGIN_X

    def text_height(self, template: str) -> float:
        size = self.wide if template == "wide" else self.portrait
        return size[1] - MARGIN_TOP - MARGIN_BOTTOM

    # ------------------------------------------------------------------ whole
    def write(self, story: list[Flowable]) -> bytes:
        self.toc_entries = [h for h in _headings(story) if h.toc_level is not None and h.in_toc]
        frame.setup(self)
        frame.cover(self)
        total = max(1, len(story))
        for i, flowable in enumerate(story):
            if self.progress is not None:
                self.progress(i / total)
            self.emit(flowable, self.document, self.text_width(self.template))
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()

    # ------------------------------------------------------------------ one flowable
    def emit(self, f: Flowable, into: Container, width: float) -> None:
        """Convert *f* into *into* (the body or a cell) of *width* points."""
        if isinstance(f, NextPageTemplate):
            self.pending = str(f.action[1])
        elif isinstance(f, PageBreak):
            self._page_break()
        elif isinstance(f, _SKIPPED):
            pass
        elif isinstance(f, Heading):
            self._heading(f, into)
        elif isinstance(f, Paragraph):
            self.paragraph(f, into)
        elif isinstance(f, Table):
            self._flush_break(into)
            self.tables.write(f, into, width)
        elif isinstance(f, TableOfContents):
            frame.contents(self, into, f)
        elif isinstance(f, Deferred):
            self.emit(f.make(), into, width)
        elif isinstance(getattr(f, "_content", None), list):  # KeepTogether and the like
            for inner in f._content:
                self.emit(inner, into, width)
        elif isinstance(f, Dot):
            run = self.new_paragraph(into, "Normal").add_run("\u25cf")
            run.font.color.rgb = RGBColor.from_string(hex6(colors.toColor(f.colour)))
        elif isinstance(f, VerticalLabel):
            self.new_paragraph(into, self.styles.name_of(self.ctx.style("head"))).add_run(
                " ".join(f.lines)
            )
            if isinstance(into, _Cell):
                ooxml.vertical_text(into)
        else:
            self.picture(f, into, width)

    def new_paragraph(self, into: Container, style: str) -> DocxParagraph:
        """A new paragraph in *into*; a new cell's own empty paragraph is used first."""
        if isinstance(into, _Cell) and id(into._tc) in self.fresh:
            self.fresh.discard(id(into._tc))
            para: DocxParagraph = into.paragraphs[0]
            self.set_style(para, style)
            return para
        para = into.add_paragraph()
        self.set_style(para, style)
        if self.break_pending and into is self.document:
            para.paragraph_format.page_break_before = True
            self.break_pending = False
        return para

    def set_style(self, para: DocxParagraph, style: str) -> None:
        """Give *para* the Word style named *style* (by id: python-docx's lookup by name
        walks every style each time)."""
        ident = self.style_ids.get(style)
        if ident is None:
            ident = self.style_ids[style] = str(self.document.styles[style].style_id)
        para._p.style = None if ident == "Normal" else ident

    def _flush_break(self, into: Container) -> None:
        if self.break_pending and into is self.document:
            self.document.add_page_break()
            self.break_pending = False

    def _page_break(self) -> None:
        target = self.pending or self.template
        self.pending = None
        if (target == "wide") != (self.template == "wide"):
            self._new_section(target)
        else:
            self.break_pending = True
        self.template = "body" if target == "cover" else target

    def _new_section(self, template: str) -> None:
        section = self.document.add_section(WD_SECTION.NEW_PAGE)
        width, height = self.wide if template == "wide" else self.portrait
        section.orientation = WD_ORIENT.LANDSCAPE if template == "wide" else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Pt(width), Pt(height)
        section.different_first_page_header_footer = False
        frame.decorate(self, section, self.text_width(template))
        self.break_pending = False

    # ------------------------------------------------------------------ text
    def _heading(self, f: Heading, into: Container) -> None:
        if f.toc_level is None:
            para = self.new_paragraph(into, "TOC Heading")
        else:
            para = self.new_paragraph(into, _HEADING_STYLE.get(f.toc_level, "Heading 4"))
        para.add_run(f.plain)
        self.bookmark(para, f.key)

    def paragraph(self, f: Paragraph, into: Container) -> None:
        para = self.new_paragraph(into, self.styles.name_of(f.style))
        add_runs(para, f, f.style)
        for name in anchors(f):
            self.bookmark(para, name)

    def bookmark(self, para: DocxParagraph, name: str) -> None:
        if name and name not in self.bookmarks:
            self.bookmarks.add(name)
            ooxml.bookmark(para, name)

    # ------------------------------------------------------------------ pictures
    def picture(self, f: Flowable, into: Container, width: float) -> None:
        """A drawn flowable as a picture of at least 200 dpi, with its alt text."""
        png, w, h = flowable_png(f, width, self.text_height(self.template))
        if not png:
            return
        self._flush_break(into)
        run = self.new_paragraph(into, "Normal").add_run()
        shown = min(w, width)
        run.add_picture(io.BytesIO(png), width=Pt(shown))
        ooxml.alt_text(run, self.alt_text(f))

    def alt_text(self, f: Flowable) -> str:
        """What a screen reader says for a picture of *f*."""
        tr = self.tr
        if isinstance(f, DiagramFlowable):
            if f.part is not None:
                self.parts[f.level] += 1
            part = self.parts[f.level] if f.part is not None else 0
            if f.level is None or f.level not in self.ctx.arch.processes:
                text = tr("Process map")
            else:
                name = self.ctx.arch.processes[f.level].name
                text = tr("Diagram of the sub-processes of {name}.").format(name=name)
                text = text.rstrip(".")
            return tr("{figure}, part {n}").format(figure=text, n=part) if part else text
        if isinstance(f, Legend):
            return tr("Legend of the process map")
        given = getattr(f, "alt_text", None)
        return str(given) if given else tr("Figure")
