"""Build the PDF report of an architecture: the one entry point for the command line
and the app (no Qt). The document is laid out in memory and written in one atomic
step, so a cancelled or failed build leaves no file behind."""

from __future__ import annotations

import datetime
import io
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.platypus import Flowable, Spacer

from procmodeler import __version__
from procmodeler.analysis import RuleSettings, run_checks
from procmodeler.common.atomicfile import write_output_file
from procmodeler.common.chapters import SECTIONS
from procmodeler.common.errors import Problem, UserError
from procmodeler.common.i18n import LANGUAGES, N_, Message, translator
from procmodeler.model.architecture import Architecture
from procmodeler.report import fonts, sections
from procmodeler.report.bounded import for_report
from procmodeler.report.context import ReportContext
from procmodeler.report.document import (
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    ReportCancelled,
    ReportDoc,
)
from procmodeler.report.profile import Profile
from procmodeler.report.sections import Comparison
from procmodeler.report.theme import Theme
from procmodeler.report.word import render_docx

#: progress(done, total) -> True to go on, False to cancel (raises ReportCancelled)
Progress = Callable[[int, int], bool]

PAGE_SIZES = {"A4": A4, "Letter": LETTER}
FORMATS = ("pdf", "docx")
_PDF_LANG = {"en": "en-GB", "sv": "sv-SE"}


def report_language(arch: Architecture, lang: str | None) -> str:
    """The language asked for, else the model's, else English."""
    if lang in LANGUAGES:
        return str(lang)
    return arch.meta.language if arch.meta.language in LANGUAGES else "en"


def check_sections(names: Iterable[str] | None, where: str = "") -> tuple[str, ...]:
    """The chapters asked for, in the report's order (None: all of them); an unknown
    name is a UserError naming the valid ones."""
    if names is None:
        return SECTIONS
    asked = list(names)
    if not asked:
        raise UserError(
            Problem(
                where,
                Message(
                    N_("names no section; the sections are {names}"), names=", ".join(SECTIONS)
                ),
            )
        )
    for name in asked:
        if name not in SECTIONS:
            raise UserError(
                Problem(
                    where,
                    Message(
                        N_("unknown section {name}; the sections are {names}"),
                        name=name,
                        names=", ".join(SECTIONS),
                    ),
                )
            )
    return tuple(s for s in SECTIONS if s in asked)


def _with_changes(chosen: tuple[str, ...]) -> tuple[str, ...]:
    """The chapters with "Changes since version X" among them, before the findings (or
    the chapters after them), as in a whole report."""
    after = ("findings", "analysis", "index", "glossary")
    at = next((i for i, name in enumerate(chosen) if name in after), len(chosen))
    return (*chosen[:at], "changes", *chosen[at:])


def check_scope(arch: Architecture, scope: str | None, where: str = "") -> None:
    """A UserError when *scope* is not None and names no process of the model."""
    if scope is not None and scope not in arch.processes:
        raise UserError(Problem(where, Message(N_("has no process with the id {id}"), id=scope)))


def render_report(
    arch: Architecture,
    lang: str | None = None,
    profile: Profile | None = None,
    progress: Progress | None = None,
    today: datetime.date | None = None,
    overrides: RuleSettings | None = None,
    fmt: str = "pdf",
    compare: Comparison | None = None,
    *,
    sections: Iterable[str] | None = None,
    scope: str | None = None,
) -> bytes:
    """The report as PDF bytes, or as a Word document's when *fmt* is ``"docx"``.

    *lang* defaults to the model's language; *profile* to a plain one; *progress* is
    called now and then with (done, total) and may return False to cancel, which raises
    :class:`~procmodeler.report.document.ReportCancelled`. *overrides* are rule settings
    (e.g. from a rules file) applied on top of the model's. *compare* (the label of an
    older version and the changes since it) adds the chapter "Changes since version X"
    (before the findings, whichever chapters are chosen). *sections* names the
    chapters to hold (:data:`SECTIONS`, default all); *scope* is None for the whole
    architecture or the id of a process: the report then covers that process and its
    sub-processes only. An unknown section or process is a UserError.
    """
    chosen = check_sections(sections)
    check_scope(arch, scope)
    lang = report_language(arch, lang)
    profile = (profile or Profile()).for_language(lang)
    with fonts.using(profile.font, profile.font_bold):  # the profile's fonts, or DejaVu
        return _render(
            arch,
            lang,
            profile,
            progress,
            today,
            overrides,
            fmt,
            compare,
            chosen=chosen,
            scope=scope,
        )


def _render(
    arch: Architecture,
    lang: str,
    profile: Profile,
    progress: Progress | None,
    today: datetime.date | None,
    overrides: RuleSettings | None,
    fmt: str,
    compare: Comparison | None,
    *,
    chosen: tuple[str, ...],
    scope: str | None,
) -> bytes:
    """:func:`render_report` with the language, profile, fonts, chapters and scope chosen."""
    tr = translator(lang)
    arch = for_report(arch, tr)  # over-long texts shortened, with a note
    theme = Theme(profile, lang)
    today = today or datetime.date.today()
    ticker = _Ticker(progress)
    result = run_checks(arch, lang, overrides, today=today.isoformat())
    ticker.prepared(0.3)
    ctx = ReportContext(
        arch, tr, theme, result, today, overrides, scope=scope, linked="processes" in chosen
    )
    pagesize = PAGE_SIZES[profile.page_size]
    body_w = pagesize[0] - 2 * MARGIN_X
    body_h = pagesize[1] - MARGIN_TOP - MARGIN_BOTTOM
    wide_w = landscape(pagesize)[0] - 2 * MARGIN_X
    wide_h = landscape(pagesize)[1] - MARGIN_TOP - MARGIN_BOTTOM
    buffer = io.BytesIO()
    doc = _document(ctx, buffer, pagesize, profile, lang, ticker.laid_out if progress else None)
    story: list[Flowable] = [doc.page_total, Spacer(1, 1)]
    story += sections.document_control(ctx, body_w)
    story += sections.contents(ctx)
    chapters: dict[str, Callable[[int], list[Flowable]]] = {
        "summary": lambda n: sections.summary(ctx, n, body_w),
        "map": lambda n: sections.process_map(ctx, n, wide_w, wide_h),
        "processes": lambda n: list(sections.processes(ctx, n, body_w, body_h)),
        "matrix": lambda n: sections.matrix(ctx, n, body_w, wide_w),
        "scorecard": lambda n: sections.scorecard(ctx, n, body_w),
        "strategy": lambda n: sections.strategy(ctx, n, body_w),
        "findings": lambda n: sections.findings(ctx, n, body_w),
        "analysis": lambda n: sections.graph_analysis(ctx, n, body_w),
        "index": lambda n: sections.index(ctx, n, body_w, doc),
        "glossary": lambda n: sections.glossary(ctx, n),
    }
    if compare is not None:  # only when an older version is given
        chapters["changes"] = lambda n: sections.changes(ctx, n, body_w, compare)
        chosen = _with_changes(chosen)
    wanted = [
        name
        for name in chosen
        if not (name == "scorecard" and not sections.has_scorecard(ctx))  # no KPIs
        and not (name == "strategy" and not sections.has_strategy(ctx))  # no objectives...
    ]
    for number, name in enumerate(wanted, 1):
        story += chapters[name](number)
        ticker.prepared(0.3 + 0.7 * number / len(wanted))
    ticker.prepared(1.0)
    if fmt == "docx":  # the same story, converted instead of laid out
        data = render_docx(ctx, doc, story, ticker.laid_out)
        ticker.done()
        return data
    doc.build_report(story)
    ticker.done()
    return buffer.getvalue()


def _document(
    ctx: ReportContext,
    buffer: io.BytesIO,
    pagesize: tuple[float, float],
    profile: Profile,
    lang: str,
    laid_out: Callable[[float], None] | None,
) -> ReportDoc:
    """The PDF document of the report (title, cover, metadata) writing to *buffer*."""
    tr, arch, scope, theme = ctx.tr, ctx.arch, ctx.scope, ctx.theme
    meta = arch.meta
    title = meta.name or tr("Process architecture")
    if scope is not None:
        title += f" \u2013 {ctx.name(scope)}"
    doc = ReportDoc(
        buffer,
        theme,
        tr,
        pagesize,
        title=title,
        organisation=meta.organisation,
        cover=lambda canvas, d: sections.paint_cover(ctx, canvas, d),
        progress=laid_out,
        author=", ".join(dict.fromkeys(x for x in (meta.author, profile.author) if x)),
        subject=tr("Process architecture report")
        + (f" \u2013 {meta.organisation}" if meta.organisation else ""),
        creator=f"procmodeler {__version__}",
        lang=_PDF_LANG.get(lang, lang),
        displayDocTitle=True,
        initialFontName=fonts.font(False),
    )
    return doc


class _Ticker:
    """Turns the phases of a build into one steadily growing (done, total) for the
    caller's progress callback, and a False from it into ReportCancelled."""

    TOTAL = 1000
    PREPARE = 0.05  # share of the whole taken by the checks and the story

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.last = -1

    def _report(self, share: float) -> None:
        if self.progress is None:
            return
        done = max(self.last, min(self.TOTAL, int(share * self.TOTAL)))
        if done == self.last:
            return  # at most one call per thousandth: the app may repaint on each
        self.last = done
        if not self.progress(done, self.TOTAL):
            raise ReportCancelled()

    def prepared(self, share: float) -> None:
        self._report(self.PREPARE * share)

    def laid_out(self, share: float) -> None:
        self._report(self.PREPARE + (1 - self.PREPARE) * min(share, 0.999))

    def done(self) -> None:
        self._report(1.0)


def build_report(
    arch: Architecture,
    out: str | os.PathLike[str] | BinaryIO,
    lang: str | None = None,
    profile: Profile | None = None,
    progress: Progress | None = None,
    today: datetime.date | None = None,
    overrides: RuleSettings | None = None,
    fmt: str = "pdf",
    compare: Comparison | None = None,
    *,
    sections: Iterable[str] | None = None,
    scope: str | None = None,
) -> int:
    """Write the report to a file path (atomically) or a binary stream; returns the
    number of bytes written. See :func:`render_report` for the arguments."""
    data = render_report(
        arch,
        lang,
        profile,
        progress,
        today,
        overrides,
        fmt,
        compare,
        sections=sections,
        scope=scope,
    )
    if isinstance(out, (str, os.PathLike)):
        path = Path(out)
        write_output_file(path, data)
    else:
        out.write(data)
    return len(data)
