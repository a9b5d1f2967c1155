"""The report as an editable Word document: the PDF's story of flowables converted by python-docx."""

from __future__ import annotations

from reportlab.platypus import Flowable

from procmodeler.report.context import ReportContext
from procmodeler.report.document import ReportDoc
from procmodeler.report.word.convert import Progress, WordWriter


def render_docx(
    ctx: ReportContext, doc: ReportDoc, story: list[Flowable], progress: Progress | None = None
) -> bytes:
    """The ``.docx`` bytes of the report whose PDF *doc* would lay out *story*."""
    return WordWriter(ctx, doc, progress).write(story)


__all__ = ["render_docx"]
