"""The page machinery of the report: page templates (cover, portrait, landscape) with
headers and footers, headings that feed the table of contents and the PDF outline,
process anchors whose page numbers the index shows, "Page X of Y", and progress
reporting with cancellation.

reportlab's ``multiBuild`` lays the document out until the table of contents and the
page total no longer change (usually three passes); each pass starts from the same
story, so page numbers always belong to the final layout.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from io import BytesIO
from typing import Any

from reportlab.lib.pagesizes import landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
)
from reportlab.platypus.doctemplate import IndexingFlowable
from reportlab.platypus.tableofcontents import TableOfContents

from procmodeler.common.i18n import Translator
from procmodeler.report import fonts
from procmodeler.report.profile import Logo
from procmodeler.report.text import Text
from procmodeler.report.theme import MUTED, Theme
from procmodeler.report.words import esc

MARGIN_X = 56.0
MARGIN_TOP = 64.0
MARGIN_BOTTOM = 58.0
ESTIMATED_PASSES = 2


class ReportCancelled(Exception):
    """The progress callback asked to stop; nothing was written."""


class Heading(Paragraph):  # type: ignore[misc]  # reportlab is untyped
    """A heading: an outline entry at *toc_level* (None: none) that is also in the table
    of contents when *in_toc*, and a link target named *key*. *plain* is the heading's
    text without markup."""

    def __init__(
        self,
        plain: str,
        style: ParagraphStyle,
        key: str,
        toc_level: int | None,
        number: str = "",
        in_toc: bool = True,
    ) -> None:
        text = f"{esc(number)}\u2002{esc(plain)}" if number else esc(plain)
        super().__init__(f'<a name="{key}"/>{text}', style)
        self.plain = f"{number} {plain}" if number else plain
        self.key = key
        self.toc_level = toc_level
        self.in_toc = in_toc
        self.process: str | None = None


class AnchorParagraph(Text):
    """A paragraph that records on which page process *pid* is shown (the first such
    place wins, a process's own section heading always wins) and is the link target
    *key* of the process."""

    def __init__(self, text: str, style: ParagraphStyle, pid: str, key: str) -> None:
        super().__init__(f'<a name="{key}"/>{text}', style)
        self.pid = pid

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802
        super().drawOn(canvas, x, y, _sW)
        doc = getattr(canvas, "_doctemplate", None)
        if isinstance(doc, ReportDoc):
            doc.process_pages.setdefault(self.pid, doc.page)


class PageTotal(IndexingFlowable):  # type: ignore[misc]  # reportlab is untyped
    """Invisible: keeps the page total of the last pass for "Page X of Y" and asks for
    another pass while it changes."""

    def __init__(self) -> None:
        super().__init__()
        self.width = self.height = 0
        self.last: int | None = None
        self.current: int | None = None

    def beforeBuild(self) -> None:  # noqa: N802
        self.last = self.current

    def isSatisfied(self) -> bool:  # noqa: N802
        return self.last is not None and self.last == self.current

    def notify(self, kind: str, stuff: Any) -> None:
        if kind == "PageTotal":
            self.current = int(stuff)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0, 0

    def draw(self) -> None:
        pass


class Deferred(IndexingFlowable):  # type: ignore[misc]  # reportlab is untyped
    """A flowable made when it is laid out (e.g. the index, whose page numbers are
    known only once the sections before it are on their pages), made anew in every
    layout pass. It may split."""

    def __init__(self, make: Callable[[], Flowable]) -> None:
        super().__init__()
        self.make = make
        self._inner: Flowable | None = None

    def beforeBuild(self) -> None:  # noqa: N802
        self._inner = None

    def isSatisfied(self) -> bool:  # noqa: N802
        return True

    def _content(self) -> Flowable:
        if self._inner is None:
            self._inner = self.make()
        return self._inner

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width, self.height = self._content().wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        return list(self._content().splitOn(self.canv, availWidth, availHeight))

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802
        self._content().drawOn(canvas, x, y, _sW)


#: called with the share of the layout done (0..1); raises ReportCancelled to stop
LayoutProgress = Callable[[float], None]


class ReportDoc(BaseDocTemplate):  # type: ignore[misc]  # reportlab is untyped
    """The report's document template: cover, portrait body and landscape pages."""

    def __init__(
        self,
        stream: Any,
        theme: Theme,
        tr: Translator,
        pagesize: tuple[float, float],
        title: str,
        organisation: str,
        cover: Callable[[Canvas, ReportDoc], None],
        progress: LayoutProgress | None = None,
        **kw: Any,
    ) -> None:
        super().__init__(
            stream,
            pagesize=pagesize,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=title,
            **kw,
        )
        self.theme = theme
        self.tr = tr
        self.report_title = title
        self.organisation = organisation
        self.cover_painter = cover
        self.process_pages: dict[str, int] = {}
        self.page_total = PageTotal()
        self._progress = progress
        self._pass = 1
        self._story_size = 1
        self._pages_this_pass = 0
        portrait = pagesize
        wide = landscape(pagesize)
        self.addPageTemplates(
            [
                PageTemplate(
                    "cover", [self._frame(portrait)], onPage=self._on_cover, pagesize=portrait
                ),
                PageTemplate(
                    "body", [self._frame(portrait)], onPage=self._on_page, pagesize=portrait
                ),
                PageTemplate("wide", [self._frame(wide)], onPage=self._on_page, pagesize=wide),
            ]
        )
        self.setProgressCallBack(self._on_progress)

    @staticmethod
    def _frame(size: tuple[float, float]) -> Frame:
        w, h = size
        return Frame(
            MARGIN_X,
            MARGIN_BOTTOM,
            w - 2 * MARGIN_X,
            h - MARGIN_TOP - MARGIN_BOTTOM,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )

    # ------------------------------------------------------------------ passes
    def build_report(self, story: list[Flowable]) -> None:
        """Lay the story out. The table of contents is given its entries (with page 0)
        before the first pass so that it already takes its final room: the first pass
        then finds the page numbers and the second one confirms them (two passes
        instead of three)."""
        expected = [
            (h.toc_level, esc(h.plain), 0, h.key)
            for h in _headings(story)
            if h.toc_level is not None and h.in_toc
        ]
        for flowable in story:
            if isinstance(flowable, TableOfContents):
                flowable._entries = list(expected)
        self.multiBuild(story, maxPasses=8)

    def beforeDocument(self) -> None:  # noqa: N802
        self.process_pages = {}

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802
        if isinstance(flowable, Heading):
            if flowable.toc_level is not None:
                self.canv.addOutlineEntry(
                    flowable.plain, flowable.key, flowable.toc_level, closed=True
                )
                if flowable.in_toc:
                    self.notify(
                        "TOCEntry",
                        (flowable.toc_level, esc(flowable.plain), self.page, flowable.key),
                    )
            if flowable.process is not None:
                self.process_pages[flowable.process] = self.page

    def afterPage(self) -> None:  # noqa: N802
        self._pages_this_pass = self.page

    def build(self, flowables: list[Flowable], *args: Any, **kw: Any) -> None:
        self._pages_this_pass = 0
        super().build(flowables, *args, **kw)
        self.notify("PageTotal", self._pages_this_pass)

    def _on_progress(self, kind: str, value: int) -> None:
        if kind == "PASS":
            self._pass = value
        elif kind == "SIZE_EST":
            self._story_size = max(1, value)
        elif kind == "PROGRESS" and self._progress is not None:
            passes = max(ESTIMATED_PASSES, self._pass)
            self._progress(((self._pass - 1) + value / self._story_size) / passes)

    # ------------------------------------------------------------------ pages
    def _on_cover(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        self.cover_painter(canvas, self)

    def _on_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        theme = self.theme
        w, h = canvas._pagesize
        canvas.saveState()
        top = h - MARGIN_TOP + 24
        canvas.setStrokeColor(theme.primary)
        canvas.setLineWidth(0.8)
        canvas.line(MARGIN_X, top - 6, w - MARGIN_X, top - 6)
        canvas.setFillColor(theme.secondary)
        canvas.rect(MARGIN_X, top - 6.8, 36, 1.6, stroke=0, fill=1)
        left = MARGIN_X
        logo = theme.profile.logo
        if logo is not None and theme.profile.logo_in_header:
            left += draw_logo(canvas, logo, MARGIN_X, top - 2, HEADER_LOGO_W, HEADER_LOGO_H) + 10
        canvas.setFillColor(MUTED)
        canvas.setFont(fonts.font(False), HEADER_SIZE)
        title, org = header_texts(
            self.report_title, self.organisation, w - 2 * MARGIN_X, left - MARGIN_X
        )
        canvas.drawString(left, top, title)
        canvas.drawRightString(w - MARGIN_X, top, org)
        self._footer(canvas, doc.page, w)
        canvas.restoreState()

    def _footer(self, canvas: Canvas, page: int, w: float) -> None:
        """A rule, the confidentiality line, "Page X of Y" and the profile's footer text."""
        theme, tr = self.theme, self.tr
        bottom = MARGIN_BOTTOM - 28
        canvas.setStrokeColor(theme.primary_mid)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, bottom + 11, w - MARGIN_X, bottom + 11)
        total = self.page_total.current
        page_text = tr("Page {page} of {total}").format(
            page=page, total=total if total is not None else "\u2026"
        )
        canvas.setFillColor(MUTED)
        canvas.setFont(fonts.font(False), 7.5)
        canvas.drawRightString(w - MARGIN_X, bottom, page_text)
        confidential = theme.profile.confidentiality
        if confidential:
            room = w - 2 * MARGIN_X - fonts.width(page_text, 7.5) - 24
            canvas.setFillColor(theme.secondary)
            canvas.setFont(fonts.font(True), 7.5)
            canvas.drawString(MARGIN_X, bottom, _clip(confidential, room, 7.5, bold=True))
        draw_footer_text(canvas, theme, w, bottom - 10)


#: the font size of the header's text
HEADER_SIZE = 7.8


def header_texts(title: str, organisation: str, width: float, used: float) -> tuple[str, str]:
    """The title and organisation as the header of a page *width* points wide shows
    them, shortened with an ellipsis to one line: the organisation takes at most half,
    the title what is left after *used* points (the logo)."""
    org = _clip(organisation, width / 2 - 12, HEADER_SIZE)
    room = width - used - fonts.width(org, HEADER_SIZE) - 24
    return _clip(title, room, HEADER_SIZE), org


#: the largest size of the logo in the header of a page (points; aspect kept)
HEADER_LOGO_W = 90.0
HEADER_LOGO_H = 20.0


def draw_logo(
    canvas: Canvas, logo: Logo, x: float, bottom: float, max_w: float, max_h: float
) -> float:
    """The profile's *logo* scaled into *max_w* x *max_h* with its lower left corner at
    (*x*, *bottom*); returns its width."""
    scale = min(max_w / logo.width, max_h / logo.height)
    lw, lh = logo.width * scale, logo.height * scale
    canvas.drawImage(
        ImageReader(BytesIO(logo.data)), x, bottom, lw, lh, mask="auto", preserveAspectRatio=True
    )
    return float(lw)


def draw_footer_text(canvas: Canvas, theme: Theme, w: float, y: float) -> None:
    """The profile's footer text (if any) at the foot of a page, at height *y*."""
    if theme.profile.footer:
        canvas.setFillColor(MUTED)
        canvas.setFont(fonts.font(False), 7)
        canvas.drawString(MARGIN_X, y, _clip(theme.profile.footer, w - 2 * MARGIN_X, 7))


def _headings(flowables: list[Flowable]) -> Iterator[Heading]:
    """The headings of a story, also those inside KeepTogether groups."""
    for flowable in flowables:
        if isinstance(flowable, Heading):
            yield flowable
        elif isinstance(flowable, KeepTogether):
            yield from _headings(flowable._content)


def _clip(text: str, room: float, size: float, bold: bool = False) -> str:
    """*text* shortened with an ellipsis to fit *room* points."""
    if fonts.width(text, size, bold) <= room:
        return text
    while text and fonts.width(text + "\u2026", size, bold) > room:
        text = text[:-1]
    return text.rstrip() + "\u2026"
