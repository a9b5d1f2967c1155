"""A drawn flowable (map, diagram, chart, any custom one) as a PNG: painted on a one-page PDF by reportlab, rasterized by pdfium."""

# Why pdfium (pypdfium2, wheels for Windows, macOS and Linux): it renders exactly what the
# PDF shows, with the embedded fonts, from the flowable's own ``draw`` code, whereas
# reportlab's renderPM renders ``Drawing`` objects only, not a flowable's canvas calls.

from __future__ import annotations

import io

import pypdfium2
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

DPI = 220


def flowable_png(flowable: Flowable, width: float, height: float) -> tuple[bytes, float, float]:
    """*flowable* laid out in *width* × *height* points, as (PNG bytes, width, height
    in points); an empty flowable gives (b"", 0, 0)."""
    buffer = io.BytesIO()
    probe = Canvas(io.BytesIO())
    w, h = flowable.wrapOn(probe, width, height)
    if w <= 0 or h <= 0:
        return b"", 0.0, 0.0
    canvas = Canvas(buffer, pagesize=(w, h), pageCompression=0)
    flowable.wrapOn(canvas, width, height)
    flowable.drawOn(canvas, 0, 0)
    canvas.showPage()
    canvas.save()
    pdf = pypdfium2.PdfDocument(buffer.getvalue())
    try:
        page = pdf[0]
        bitmap = page.render(scale=DPI / 72, fill_color=(255, 255, 255, 255))
        image = bitmap.to_pil()
        out = io.BytesIO()
        image.save(out, "PNG", dpi=(DPI, DPI), compress_level=3)
        page.close()
    finally:
        pdf.close()
    return out.getvalue(), float(w), float(h)
