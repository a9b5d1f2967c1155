"""The Qt-free process behaviour chart, sparkline and map icons."""

from __future__ import annotations

from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import Bounds, Kpi, Measurement, Process
from procmodeler.notation.chart import (
    DASH_NEAR,
    DASH_PROVISIONAL,
    DOT_COLOURS,
    LIMIT_COLOUR,
    REBASE_COLOUR,
    TARGET_COLOUR,
    chart_view,
    nice_ticks,
    sparkline_view,
)
from procmodeler.notation.kpi import process_icons
from procmodeler.notation.views import shape_view


def kpi_with(values: list[float], rebase: int | None = None, **kw: object) -> Kpi:
    series = tuple(
        Measurement(f"{2023 + i // 12}-{i % 12 + 1:02d}", float(v), rebase=i == rebase)
        for i, v in enumerate(values)
    )
    return Kpi("k", "p", "Lead time", "lead_time", direction="lower", series=series, **kw)  # type: ignore[arg-type]


STABLE = [20, 22, 21, 19, 20, 23, 21, 20, 22, 19, 21, 20, 22, 21]


def test_chart_has_limits_near_lines_target_and_coloured_dots() -> None:
    kpi = kpi_with([*STABLE, 35], target=25.0)
    view = chart_view(kpi, 600, 240)
    assert len(view.dots) == 15
    assert view.dots[-1].kind == "concern" and view.dots[-1].colour == DOT_COLOURS["concern"]
    assert {d.kind for d in view.dots[:-1]} == {"common"}
    assert sum(1 for line in view.lines if line.dash == DASH_NEAR) == 2
    assert sum(1 for line in view.lines if line.colour == LIMIT_COLOUR and not line.dash) == 2
    assert any(line.colour == TARGET_COLOUR for line in view.lines)
    assert not view.provisional
    # every dot inside the plot
    for dot in view.dots:
        x, y = dot.center
        assert view.plot.x - 1e-9 <= x <= view.plot.x + view.plot.w + 1e-9
        assert view.plot.y - 1e-9 <= y <= view.plot.y + view.plot.h + 1e-9
    assert "2024-03" in {t.text for t in view.texts}  # the latest period is labelled


def test_rebase_mark_and_provisional_limits() -> None:
    kpi = kpi_with([*STABLE, 12, 13, 11, 12], rebase=14)
    view = chart_view(kpi, 600, 240, tr=lambda s: s.upper())
    assert sum(1 for line in view.lines if line.colour == REBASE_COLOUR) == 1
    assert view.provisional
    assert any(line.dash == DASH_PROVISIONAL for line in view.lines)
    assert "PROVISIONAL LIMITS" in {t.text for t in view.texts}


def test_empty_and_single_value_charts() -> None:
    assert chart_view(kpi_with([]), 300, 200).dots == ()
    one = chart_view(kpi_with([5.0]), 300, 200)
    assert len(one.dots) == 1 and not one.provisional


def test_sparkline_shows_only_special_cause_and_latest_dots() -> None:
    view = sparkline_view(kpi_with([*STABLE, 35]), 80, 20)
    assert [d.index for d in view.dots] == [14]
    assert view.texts == ()


def test_nice_ticks() -> None:
    assert nice_ticks(0, 10) == [0, 2, 4, 6, 8, 10]
    assert nice_ticks(17.3, 24.1) == [18, 20, 22, 24]


def test_icons_replace_the_light_when_a_process_has_measurements() -> None:
    arch = Architecture()
    arch.put("processes", "p", Process("p", "P"))
    arch.put("shapes", (None, "p"), Bounds(0, 0, 200, 80))
    arch.put("kpis", "k0", Kpi("k0", "p", "Old", target=10.0, actual=5.0))
    view = shape_view(arch, None, "p", lambda s: len(s) * 6.0, lambda s: len(s) * 5.0)
    assert view.light == "red" and view.icons == ()
    kpi = kpi_with([*STABLE, 35], target=10.0)
    arch.put("kpis", "k", kpi)
    view = shape_view(arch, None, "p", lambda s: len(s) * 6.0, lambda s: len(s) * 5.0)
    assert view.light is None
    assert [i.state for i in view.icons] == ["special_cause_concern", "consistent_fail"]
    assert len(view.icon_centers) == 2
    variation, assurance = process_icons([kpi_with(STABLE, target=30.0)])
    assert variation is not None and variation.state == "common_cause"
    assert assurance is not None and assurance.state == "consistent_pass"
