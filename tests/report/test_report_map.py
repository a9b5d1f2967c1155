"""The report's process map (issue 14): it uses the whole landscape page, its smallest
text is at least 6 pt, and a map too big for that is split over pages after an
overview that numbers the parts; every top-level process is named on a part."""

from __future__ import annotations

import math
from collections.abc import Callable

from pypdf import PageObject

from procmodeler.model.architecture import Architecture
from tests.report.conftest import Pdf, normalise


def text_sizes(page: PageObject) -> list[tuple[float, str]]:
    """(size in pt as printed, text) of every piece of text on *page*."""
    found: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if not text.strip():
            return
        c = tm[2] * cm[0] + tm[3] * cm[2]
        d = tm[2] * cm[1] + tm[3] * cm[3]
        found.append((size * math.hypot(c, d), text.strip()))

    page.extract_text(visitor_text=visit)
    return found


def map_pages(pdf: Pdf, part: str) -> tuple[int, list[int]]:
    """The overview's page index and the indexes of the parts' pages."""
    overview = next(i for i, t in enumerate(pdf.pages) if "overview shows its parts" in t)
    parts = [i for i, t in enumerate(pdf.pages) if part in t]
    return overview, parts


def check_overview(pdf: Pdf, overview: int) -> None:
    """The overview's text: the processes' names at least OVERVIEW_MIN_TEXT, nothing
    smaller (the parts have the details at 6 pt)."""
    from procmodeler.report.mapparts import OVERVIEW_MIN_TEXT

    sizes = text_sizes(pdf.reader.pages[overview])
    assert sizes and min(s for s, _ in sizes) >= OVERVIEW_MIN_TEXT - 0.01, min(sizes)


def check_split_map(pdf: Pdf, arch: Architecture, part: str) -> None:
    overview, parts = map_pages(pdf, part)
    assert len(parts) >= 2 and parts[0] == overview + 1
    for index in parts:
        sizes = text_sizes(pdf.reader.pages[index])
        assert sizes and min(s for s, _ in sizes) >= 6.0 - 0.01, (index, min(sizes))
    check_overview(pdf, overview)
    named = normalise(" ".join(pdf.pages[i] for i in parts))
    for pid in arch.children(None):
        first_word = arch.processes[pid].name.split()[0]
        assert first_word in named, pid


def test_a_big_map_is_split_into_readable_parts(
    manufacturing: Architecture, build: Callable[..., Pdf]
) -> None:
    pdf = build(manufacturing, lang="en")
    check_split_map(pdf, manufacturing, "of the process map")


def test_a_big_swedish_map_is_split_into_readable_parts(
    municipality: Architecture, build: Callable[..., Pdf]
) -> None:
    pdf = build(municipality, lang="sv")
    overview = next(i for i, t in enumerate(pdf.pages) if "översikten visar dess delar" in t)
    parts = [i for i, t in enumerate(pdf.pages) if "av processkartan" in t and i > overview]
    assert len(parts) >= 2
    for index in parts:
        assert min(s for s, _ in text_sizes(pdf.reader.pages[index])) >= 6.0 - 0.01
    check_overview(pdf, overview)


def test_a_small_map_fills_one_landscape_page(sample_en: Pdf) -> None:
    page = next(i for i, t in enumerate(sample_en.pages) if "The map shows the processes" in t)
    assert "of the process map" not in sample_en.pages[page + 1]
    sizes = text_sizes(sample_en.reader.pages[page])
    assert min(s for s, _ in sizes) >= 6.0 - 0.01
    box = sample_en.reader.pages[page].mediabox
    assert float(box.width) > float(box.height)  # a landscape page


def test_a_big_sub_process_diagram_is_split_too(tmp_path, build: Callable[..., Pdf]) -> None:  # type: ignore[no-untyped-def]
    from procmodeler.io.register.builder import import_register
    from tests.diagram.test_di_reads_right import forty_on_a_level

    arch = import_register(forty_on_a_level(tmp_path / "register")).arch
    pdf = build(arch, lang="en")
    parts = [i for i, t in enumerate(pdf.pages) if "of the diagram" in t and "Part " in t]
    assert len(parts) >= 2
    for index in parts:
        assert min(s for s, _ in text_sizes(pdf.reader.pages[index])) >= 6.0 - 0.01
    named = normalise(" ".join(pdf.pages[i] for i in parts))
    assert all(f"Step {n}" in named for n in range(1, 41))


def _ctx(arch: Architecture):  # type: ignore[no-untyped-def]
    """The English report's context of *arch* (today pinned as in the other tests)."""
    import datetime

    from procmodeler.analysis import run_checks
    from procmodeler.common.i18n import translator
    from procmodeler.report.context import ReportContext
    from procmodeler.report.profile import Profile
    from procmodeler.report.theme import Theme

    return ReportContext(
        arch,
        translator("en"),
        Theme(Profile()),
        run_checks(arch, "en", None, today="2026-06-30"),
        datetime.date(2026, 6, 30),
    )


def test_each_part_of_a_split_map_draws_only_what_lies_near_it(
    manufacturing: Architecture,
) -> None:
    # A page of a split map clips the whole diagram to its part; drawing everything on
    # every page made the report of a 2,000-process map take minutes and gigabytes.
    from procmodeler.report.diagram import DiagramFlowable
    from procmodeler.report.mapparts import PART_MARGIN, split_diagram

    ctx = _ctx(manufacturing)
    whole = DiagramFlowable(manufacturing, None, ctx.tr, ctx.severity_of)
    story = split_diagram(ctx, whole, 700.0, 500.0, 400.0, "Part {n} of {count}")
    parts = [f for f in story if isinstance(f, DiagramFlowable) and f.part is not None]
    overview = story[0]
    assert isinstance(overview, DiagramFlowable) and len(overview.tiles) == len(parts) >= 2
    assert overview.shapes == whole.shapes  # the overview shows everything
    drawn: set[str] = set()
    for flowable in parts:
        part = flowable.part
        assert part is not None and flowable.box == part
        assert len(flowable.shapes) < len(whole.shapes)
        for view in flowable.shapes:
            b = view.bounds
            assert b.x <= part.x + part.w + PART_MARGIN and part.x - PART_MARGIN <= b.x + b.w
        assert len(flowable.relations) <= len(whole.relations)
        drawn |= {v.process for v in flowable.shapes}
    assert drawn == {v.process for v in whole.shapes}  # every shape is on some page


def test_the_overview_leaves_out_small_text_and_the_boxes_around_it(
    manufacturing: Architecture,
) -> None:
    # The overview of a split map is too small for the flow labels: it drew their white
    # boxes without the text, blank patches on the map. The parts still draw them. The
    # processes' names stay, so that a reader finds a process on the overview.
    import io

    from reportlab.pdfgen.canvas import Canvas

    from procmodeler.report.diagram import DiagramFlowable
    from procmodeler.report.mapparts import split_diagram

    ctx = _ctx(manufacturing)
    whole = DiagramFlowable(manufacturing, None, ctx.tr)
    assert any(r.label_lines for r in whole.relations)  # the map has labelled flows
    story = split_diagram(ctx, whole, 700.0, 500.0, 400.0, "Part {n}")
    drawn = [f for f in story if isinstance(f, DiagramFlowable)]

    label_boxes = {r.label_box for r in whole.relations if r.label_box is not None}

    def label_boxes_and_texts(flowable: DiagramFlowable) -> tuple[int, list[str]]:
        boxes: list[object] = []
        texts: list[str] = []
        round_rect, text = flowable._round_rect, flowable._text
        flowable._round_rect = lambda c, b, *a: (  # type: ignore[method-assign]
            boxes.append(b),
            round_rect(c, b, *a),
        )
        flowable._text = lambda c, x, y, t, *a, **k: (  # type: ignore[method-assign]
            texts.append(t),
            text(c, x, y, t, *a, **k),
        )
        flowable.wrap(700.0, 500.0)
        flowable.drawOn(Canvas(io.BytesIO()), 0, 0)
        return sum(b in label_boxes for b in boxes), texts

    overview_boxes, overview_texts = label_boxes_and_texts(drawn[0])
    assert drawn[0].tiles  # the overview
    labels = {line for r in whole.relations for line in r.label_lines}
    names = {line for v in whole.shapes for line in v.name_lines}
    assert overview_boxes == 0 and not labels & set(overview_texts)
    assert names <= set(overview_texts)  # the processes' names stay on the overview
    part_boxes = sum(label_boxes_and_texts(f)[0] for f in drawn[1:])
    assert part_boxes >= 1  # the parts, at a readable size, keep the labels
