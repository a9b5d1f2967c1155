"""A KPI's process behaviour chart painted with reportlab from the records of
``notation.chart``: the same chart as the app's KPI panel."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from procmodeler.common.i18n import Translator
from procmodeler.model.elements import Kpi
from procmodeler.notation.chart import BACKGROUND, FONT_SIZE, ChartView, chart_view
from procmodeler.report import fonts
from procmodeler.report.diagram import _hex, _Painter
from procmodeler.report.words import number


class ChartFlowable(_Painter):
    """The process behaviour chart of one KPI, *width* × *height* points on the page."""

    def __init__(self, kpi: Kpi, width: float, height: float, tr: Translator) -> None:
        super().__init__()
        fonts.register_fonts()
        self.scale = 1.0
        self.width = width
        self.height = height
        self.alt_text = tr("Process behaviour chart: {kpi}").format(kpi=kpi.name)
        self.view: ChartView = chart_view(
            kpi,
            width,
            height,
            tr,
            fmt=lambda v: number(v, tr),
            text_width=lambda t: fonts.width(t, FONT_SIZE),
        )

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def draw(self) -> None:
        c: Canvas = self.canv
        self._begin(c)
        view = self.view
        c.setFillColor(_hex(BACKGROUND))
        c.rect(0, 0, view.width, view.height, stroke=0, fill=1)
        for line in view.lines:
            c.saveState()
            c.setDash(list(line.dash) if line.dash else [])
            self._polygon(c, line.points, None, line.colour, line.width, close=False)
            c.restoreState()
        for dot in view.dots:
            c.setFillColor(_hex(dot.colour))
            c.setStrokeColor(colors.white)
            c.setLineWidth(0.6)
            c.circle(*dot.center, dot.radius, stroke=1, fill=1)
        font = fonts.font(False)
        for text in view.texts:
            w = fonts.width(text.text, text.size)
            x = text.at[0] - (
                w if text.align == "right" else w / 2 if text.align == "center" else 0
            )
            self._text(c, x, text.at[1], text.text, font, text.size, text.colour)
        c.restoreState()
