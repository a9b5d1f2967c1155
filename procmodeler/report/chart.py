"""A KPI's process behaviour chart, its sparkline and the map's variation and assurance
icons painted with reportlab from the records of ``notation``: the same pictures as the
app's KPI panel and scorecard."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from procmodeler.common.i18n import Translator
from procmodeler.model.elements import Kpi
from procmodeler.notation.chart import BACKGROUND, FONT_SIZE, ChartView, chart_view, sparkline_view
from procmodeler.notation.kpi import IconView
from procmodeler.notation.views import ICON_RADIUS
from procmodeler.report import fonts
from procmodeler.report.diagram import _hex, _Painter
from procmodeler.report.words import number


class ViewFlowable(_Painter):
    """A :class:`ChartView` of ``notation.chart`` (a chart or a sparkline) on the page."""

    def __init__(self, view: ChartView, background: bool = True) -> None:
        super().__init__()
        fonts.register_fonts()
        self.scale = 1.0
        self.width = view.width
        self.height = view.height
        self.view = view
        self.background = background

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def draw(self) -> None:
        c: Canvas = self.canv
        self._begin(c)
        view = self.view
        if self.background:
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


class ChartFlowable(ViewFlowable):
    """The process behaviour chart of one KPI, *width* × *height* points on the page."""

    def __init__(self, kpi: Kpi, width: float, height: float, tr: Translator) -> None:
        view = chart_view(
            kpi,
            width,
            height,
            tr,
            fmt=lambda v: number(v, tr),
            text_width=lambda t: fonts.width(t, FONT_SIZE),
        )
        super().__init__(view)


class SparklineFlowable(ViewFlowable):
    """A KPI's sparkline, as in the app's scorecard (on the table row's own colour)."""

    def __init__(self, kpi: Kpi, width: float, height: float) -> None:
        super().__init__(sparkline_view(kpi, width, height), background=False)


class IconFlowable(_Painter):
    """A variation or assurance icon of the map (``notation.kpi``), *size* points wide."""

    def __init__(self, icon: IconView, size: float = 10.0) -> None:
        super().__init__()
        self.icon = icon
        self.scale = size / (2 * ICON_RADIUS + 2)
        self.width = self.height = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def draw(self) -> None:
        c: Canvas = self.canv
        self._begin(c)
        self._icon(c, self.icon, (ICON_RADIUS + 1, ICON_RADIUS + 1))
        c.restoreState()
