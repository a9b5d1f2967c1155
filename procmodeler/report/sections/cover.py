"""The report's cover page and table of contents."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Table,
)
from reportlab.platypus.tableofcontents import TableOfContents

from procmodeler.common.i18n import N_
from procmodeler.report import fonts
from procmodeler.report.context import ReportContext
from procmodeler.report.document import (
    MARGIN_BOTTOM,
    MARGIN_X,
    Heading,
    ReportDoc,
    draw_footer_text,
    draw_logo,
)
from procmodeler.report.theme import MUTED, RULE, WHITE, plain_style
from procmodeler.report.words import (
    esc,
    long_date,
)


# ---------------------------------------------------------------------- cover
def paint_cover(ctx: ReportContext, canvas: Canvas, doc: ReportDoc) -> None:
    """The cover page: logo, a band in the primary colour with the title and the
    subtitle, the facts of the deliverable (client, prepared by, date, version), the
    confidentiality line, the profile's footer text and (unless the profile says no)
    "Made with procmodeler"."""
    theme, tr = ctx.theme, ctx.tr
    w, h = canvas._pagesize
    canvas.saveState()
    logo = theme.profile.logo
    if logo is not None:
        top = h - 58
        max_w, max_h = 60 * mm, 24 * mm
        scale = min(max_w / logo.width, max_h / logo.height)
        draw_logo(canvas, logo, MARGIN_X, top - logo.height * scale, max_w, max_h)
    band_top = h * 0.66
    text_w = w - 2 * MARGIN_X
    band_h = _paint_band(ctx, canvas, w, band_top)
    _paint_facts(ctx, canvas, text_w, band_top - band_h - 46)
    # confidentiality
    if theme.profile.confidentiality:
        para = Paragraph(
            esc(theme.profile.confidentiality),
            theme.styles["small"].clone(
                "cover_conf",
                textColor=theme.secondary,
                fontName=fonts.font(True),
                fontSize=9,
                leading=12,
            ),
        )
        _, ph = para.wrap(text_w, 100)
        para.drawOn(canvas, MARGIN_X, MARGIN_BOTTOM)
    draw_footer_text(canvas, theme, w, MARGIN_BOTTOM - 16)
    if theme.profile.made_with:
        canvas.setFillColor(MUTED)
        canvas.setFont(fonts.font(False), 7.5)
        canvas.drawRightString(w - MARGIN_X, MARGIN_BOTTOM - 16, tr("Made with procmodeler"))
    canvas.restoreState()


def title_size(text: str, room: float) -> float:
    """The cover title's font size: 27 points, smaller for a word longer than *room*
    (a Swedish compound) rather than break it."""
    size = 27.0
    longest = max((fonts.width(w, size, True) for w in text.split()), default=0.0)
    return max(14.0, size * room / longest) if longest > room else size


#: the least height of the cover's band
BAND_HEIGHT = 190.0


def _paint_band(ctx: ReportContext, canvas: Canvas, w: float, band_top: float) -> float:
    """The band in the primary colour with the kicker, the title, the profile's cover
    subtitle and the organisation, with the accent stripe below; returns its height
    (it grows for a long title)."""
    theme, tr, meta = ctx.theme, ctx.tr, ctx.arch.meta
    text_w = w - 2 * MARGIN_X
    kicker = Paragraph(
        esc(tr("Process architecture report")).upper(),
        theme.styles["small"].clone(
            "kicker",
            textColor=colors.Color(1, 1, 1, 0.78),
            fontName=fonts.font(True),
            fontSize=9,
            leading=12,
        ),
    )
    title_text = meta.name or tr("Process architecture")
    size = title_size(title_text, text_w)
    title = Paragraph(
        esc(title_text),
        theme.styles["h1"].clone("cover_title", textColor=WHITE, fontSize=size, leading=size * 1.2),
    )
    subtitle = Paragraph(
        esc(theme.profile.cover_subtitle),
        theme.styles["lead"].clone(
            "cover_subtitle", textColor=WHITE, fontName=fonts.font(True), fontSize=14, leading=18
        ),
    )
    org = Paragraph(
        esc(meta.organisation),
        theme.styles["lead"].clone("cover_org", textColor=WHITE, fontSize=13, leading=17),
    )
    placed = []
    for para in (kicker, title, subtitle, org):
        if para.text:
            placed.append((para, para.wrap(text_w, 400)[1]))
    band_h = max(BAND_HEIGHT, 34 + sum(float(ph) + 8 for _, ph in placed) + 26)
    canvas.setFillColor(theme.primary)
    canvas.rect(0, band_top - band_h, w, band_h, stroke=0, fill=1)
    canvas.setFillColor(theme.secondary)
    canvas.rect(0, band_top - band_h - 6, w, 6, stroke=0, fill=1)
    y = band_top - 34
    for para, ph in placed:
        para.drawOn(canvas, MARGIN_X, y - ph)
        y -= ph + 8
    return band_h


def cover_facts(ctx: ReportContext) -> list[tuple[str, str]]:
    """The facts of the deliverable (client, prepared by, date, version) that are known,
    as (translated label, value); the Word cover shows the same."""
    theme, tr, meta = ctx.theme, ctx.tr, ctx.arch.meta
    prepared = [x for x in (meta.author, theme.profile.author) if x]
    facts = [
        (N_("Scope"), scope_text(ctx)),
        (N_("Client"), meta.organisation),
        (N_("Prepared by"), ", ".join(dict.fromkeys(prepared))),
        (N_("Date"), long_date(ctx.today, tr)),
        (N_("Version"), meta.version_label),
    ]
    return [(tr(label), value) for label, value in facts if value]


def scope_text(ctx: ReportContext) -> str:
    """What the report covers, when it is one process and its sub-processes (else "")."""
    if ctx.scope is None:
        return ""
    return ctx.tr("{process} and its sub-processes").format(process=ctx.name(ctx.scope))


def _paint_facts(ctx: ReportContext, canvas: Canvas, text_w: float, top: float) -> None:
    """The facts of the deliverable (client, prepared by, date, version) below *top*."""
    theme = ctx.theme
    label_style = theme.styles["label"].clone("cover_label", fontSize=9.5, leading=13)
    value_style = theme.styles["cell"].clone("cover_value", fontSize=10, leading=13.5)
    rows = [
        [Paragraph(esc(label), label_style), Paragraph(esc(value), value_style)]
        for label, value in cover_facts(ctx)
    ]
    if rows:
        table = Table(rows, colWidths=[110, text_w - 110], hAlign="LEFT")
        table.setStyle(
            plain_style(
                [
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        _, th = table.wrap(text_w, 300)
        table.drawOn(canvas, MARGIN_X, top - th)


# ---------------------------------------------------------------------- contents
def contents(ctx: ReportContext) -> list[Flowable]:
    tr = ctx.tr
    toc = TableOfContents(
        levelStyles=[ctx.style("toc0"), ctx.style("toc1")],
        dotsMinLevel=1,
        rightColumnWidth=40,
    )
    toc.tableStyle = plain_style(
        [
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    return [
        NextPageTemplate("body"),
        PageBreak(),
        Heading(tr("Contents"), ctx.style("h1"), "contents", None),
        toc,
    ]
