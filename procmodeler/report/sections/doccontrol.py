"""The report's document control page: title, version, status, adoption, reference number, author, distribution and change log."""

from __future__ import annotations

import datetime

from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Paragraph, Spacer

from procmodeler.common.i18n import N_
from procmodeler.report.context import ReportContext
from procmodeler.report.document import Heading
from procmodeler.report.sections.base import _head, _muted, _table, splittable
from procmodeler.report.words import esc, long_date, word
from procmodeler.vocabulary import DOCUMENT_STATUS

LABEL_WIDTH = 130.0


def document_control(ctx: ReportContext, width: float) -> list[Flowable]:
    """A page of its own right after the cover: what the document is, how far it has
    come (its status and who adopted it when), where it is registered, who wrote it and
    who receives it, and its change log, newest line first."""
    tr = ctx.tr
    story: list[Flowable] = [
        NextPageTemplate("body"),
        PageBreak(),
        Heading(tr("Document control"), ctx.style("h1"), "doccontrol", 0),
        _facts(ctx, width),
        Spacer(1, 14),
        ctx.p(esc(tr("Change log")), "h2"),
    ]
    story.append(_change_log(ctx, width))
    return story


def author_text(ctx: ReportContext) -> str:
    """The model's author and the profile's, once each (the cover's "Prepared by")."""
    authors = [x for x in (ctx.arch.meta.author, ctx.theme.profile.author) if x]
    return ", ".join(dict.fromkeys(authors))


def _date(text: str | None, ctx: ReportContext) -> str:
    """``2025-11-27`` as the report writes dates; the text itself when it is no date."""
    if not text:
        return ""
    try:
        return long_date(datetime.date.fromisoformat(text), ctx.tr)
    except ValueError:
        return text


def _facts(ctx: ReportContext, width: float) -> Flowable:
    tr, meta = ctx.tr, ctx.arch.meta
    adopted = meta.status == "adopted"
    values: list[tuple[str, str, str]] = [  # label, value, what an empty one says
        (N_("Title"), meta.name or tr("Process architecture"), N_("Not recorded")),
        (N_("Organisation"), meta.organisation, N_("Not recorded")),
        (N_("Version"), meta.version_label, N_("Not recorded")),
        (N_("Status"), word(DOCUMENT_STATUS, meta.status, tr), N_("Not recorded")),
        (N_("Adopted by"), meta.adopted_by, N_("Not recorded") if adopted else N_("Not adopted")),
        (
            N_("Adopted on"),
            _date(meta.adopted_on, ctx),
            N_("Not recorded") if adopted else N_("Not adopted"),
        ),
        (N_("Reference number"), meta.reference, N_("Not recorded")),
        (N_("Author"), author_text(ctx), N_("Not recorded")),
        (N_("Distribution"), meta.distribution, N_("Not recorded")),
    ]
    value_w = width - LABEL_WIDTH
    rows: list[list[object]] = []
    for label, value, empty in values:
        cell: object = _lines(ctx, value) if value else _muted(ctx, empty)
        rows.append([ctx.cell(tr(label), LABEL_WIDTH, bold=True, style="label"), cell])
    table = splittable(rows, [LABEL_WIDTH, value_w])
    table.setStyle(ctx.theme.facts_style())
    return table


def _lines(ctx: ReportContext, text: str) -> Paragraph:
    """User text whose line breaks are kept (a distribution list, one name a line)."""
    return ctx.p("<br/>".join(esc(line) for line in text.splitlines()), "cell")


def _change_log(ctx: ReportContext, width: float) -> Flowable:
    entries = sorted(ctx.arch.meta.change_log, key=lambda e: e.date, reverse=True)
    if not entries:
        return _muted(ctx, N_("No changes are recorded in the change log."))
    date_w, version_w, author_w = 88.0, 70.0, 110.0
    change_w = width - date_w - version_w - author_w
    rows: list[list[object]] = [_head(ctx, N_("Date"), N_("Version"), N_("Change"), N_("By"))]
    for entry in entries:
        rows.append(
            [
                ctx.cell(_date(entry.date, ctx), date_w),
                ctx.cell(entry.version, version_w),
                _lines(ctx, entry.change),
                ctx.cell(entry.author, author_w),
            ]
        )
    return _table(ctx, rows, [date_w, version_w, change_w, author_w])
