"""What the report's chapters share: sizes, chapter headings, tables, chips and small flowables."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.platypus import (
    Flowable,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Table,
)

from procmodeler.analysis import Finding
from procmodeler.common.i18n import Translator
from procmodeler.notation import style as notation_style
from procmodeler.notation.labels import fit_lines
from procmodeler.report import fonts
from procmodeler.report.context import ReportContext
from procmodeler.report.document import (
    Heading,
)
from procmodeler.report.theme import WHITE, plain_style
from procmodeler.report.words import (
    SEVERITIES,
    esc,
    word,
)

SUMMARY_FINDINGS = 5
MATRIX_NAME_WIDTH = 190.0
MATRIX_UNIT_WIDTH = 23.0
SPLIT_IN_ROW = 120.0
MAX_LOOP_NAMES = 60


# ---------------------------------------------------------------------- helpers
def _chapter(
    ctx: ReportContext, number: int, title: str, key: str, template: str = "body"
) -> list[Flowable]:
    """A chapter starts on a new page (portrait or landscape) with a numbered heading."""
    return [
        NextPageTemplate(template),
        PageBreak(),
        Heading(title, ctx.style("h1"), key, 0, f"{number}"),
    ]


def splittable(rows: list[list[object]], widths: Sequence[float | None], repeat: int = 0) -> Table:
    """A table whose rows may split inside a cell when a cell is taller than what is left
    of the page (a very long purpose, a loop of hundreds of processes): reportlab splits
    cells that hold a list of flowables, and only rows of at least SPLIT_IN_ROW points,
    so ordinary rows still move whole to the next page."""
    cells = [[v if isinstance(v, (str, list)) else [v] for v in row] for row in rows]
    return Table(cells, colWidths=widths, repeatRows=repeat, hAlign="LEFT", splitInRow=SPLIT_IN_ROW)


def _table(
    ctx: ReportContext,
    rows: list[list[object]],
    widths: list[float],
    header: bool = True,
    extra: list[tuple[object, ...]] | None = None,
) -> Table:
    table = splittable(rows, widths, 1 if header else 0)
    table.setStyle(ctx.theme.table_style(1 if header else 0))
    if extra:
        table.setStyle(plain_style(extra))
    return table


def _head(ctx: ReportContext, *labels: str) -> list[Paragraph]:
    return [ctx.p(esc(ctx.tr(label)), "head") for label in labels]


def _muted(ctx: ReportContext, msgid: str) -> Paragraph:
    return ctx.p(esc(ctx.tr(msgid)), "cell_muted")


def _severity_chip(ctx: ReportContext, severity: str, suppressed: bool = False) -> str:
    colour = notation_style.FINDING_COLOURS.get(severity, "#57606a")
    if suppressed:
        colour = "#8c959f"
    label = esc(word(SEVERITIES, severity, ctx.tr).upper())
    return f'<font color="{colour}"><b>{label}</b></font>'


class Dot(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A small filled circle (a KPI's traffic light) followed by nothing."""

    def __init__(self, colour: str, size: float = 7.0) -> None:
        super().__init__()
        self.colour = colour
        self.size = size
        self.width = self.height = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.size, self.size

    def draw(self) -> None:
        self.canv.setFillColor(colors.HexColor(self.colour))
        self.canv.setStrokeColor(colors.white)
        self.canv.circle(self.size / 2, self.size / 2, self.size / 2, stroke=0, fill=1)


class VerticalLabel(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A column header reading upwards (unit names over the participation matrix)."""

    SIZE = 7.4
    MAX_HEIGHT = 110.0

    def __init__(self, text: str, height: float) -> None:
        super().__init__()
        self.size = self.SIZE
        self.line_h = self.size * 1.18
        self.lines = fit_lines(text, height - 4, 2, fonts.measure(self.size, True))
        self.width = len(self.lines) * self.line_h
        self.height = height

    @classmethod
    def height_for(cls, texts: list[str]) -> float:
        """The least height (in steps of 6 pt, at most MAX_HEIGHT) at which every text
        fits in two lines without being shortened."""
        measure = fonts.measure(cls.SIZE, True)
        height = 36.0
        while height < cls.MAX_HEIGHT:
            if all("\u2026" not in "".join(fit_lines(t, height - 4, 2, measure)) for t in texts):
                return height
            height += 6
        return cls.MAX_HEIGHT

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setFillColor(WHITE)
        c.setFont(fonts.font(True), self.size)
        c.rotate(90)
        for i, line in enumerate(self.lines):
            c.drawString(2, -(i + 1) * self.line_h + self.size * 0.25, line)
        c.restoreState()


def _join(items: list[str], tr: Translator) -> str:
    """``a, b and c`` / ``a, b och c``."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " " + tr("and") + " " + items[-1]


def _finding_paragraph(ctx: ReportContext, finding: Finding) -> Paragraph:
    tr = ctx.tr
    chip = _severity_chip(ctx, finding.severity, finding.suppressed is not None)
    if finding.suppressed is None:
        return ctx.p(f"{chip}\u2003{esc(finding.message)}", "finding")
    return ctx.p(
        f"{chip}\u2003<font color='#59636e'>{esc(finding.message)}</font><br/>"
        f"<b>{esc(tr('Suppressed'))}:</b> {esc(finding.suppressed)}",
        "finding",
    )
